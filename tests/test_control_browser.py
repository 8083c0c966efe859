"""The control map in a real browser: the layer of the slider's date drawn under the claims,
switched off and on again, and a disagreement read on the map and on the Data page."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from frontline.control import CONTROL_DIR_ENV
from frontline.web.controlview import AREA_OPACITY, RING_COLOUR, RING_RADIUS
from tests.conftest import DATA_DIR, save_screenshot
from tests.controlmaps import deepstate_files, write_files
from tests.mapbrowser import KUPIANSK, MAP_FRAME, WAIT_MS, map_frame, marker_point, wait_for_map

pytestmark = pytest.mark.browser

AREAS = f'path[fill-opacity="{AREA_OPACITY}"]'
RINGS = f'path[stroke="{RING_COLOUR}"]'


@pytest.fixture(scope="module")
def browser_data(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """The bundled data, served with a synthetic control folder: the dashboard's server takes
    its environment from this process when the module's dashboard starts."""
    target = tmp_path_factory.mktemp("browser") / "data"
    shutil.copytree(DATA_DIR, target)
    maps = write_files(tmp_path_factory.mktemp("control") / "maps", deepstate_files())
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv(CONTROL_DIR_ENV, str(maps))
        yield target


def ring_tooltip(page) -> str:
    """Hover the outline of the ring around Kupiansk (the marker inside keeps its own
    tooltip) and read what it says."""
    # A point below the fold cannot be hovered: bring the whole map into view first.
    page.locator(MAP_FRAME).scroll_into_view_if_needed()
    x, y = marker_point(page, *KUPIANSK)
    page.mouse.move(0, 0)
    page.mouse.move(x + RING_RADIUS, y)
    tooltip = map_frame(page).locator(".leaflet-tooltip", has_text="control map")
    tooltip.wait_for(timeout=WAIT_MS)
    return tooltip.inner_text()


def test_the_layer_switches_off_and_on_and_a_disagreement_reads_on_map_and_page(page, dashboard):
    from playwright.sync_api import expect

    page.goto(dashboard.url)
    wait_for_map(page)
    legend = page.locator(".fl-legend", has_text="Control map of")
    expect(legend).to_contain_text("Control map of 2022-09-08", timeout=WAIT_MS)
    areas, rings = map_frame(page).locator(AREAS), map_frame(page).locator(RINGS)
    expect(areas.first).to_be_attached(timeout=WAIT_MS)
    expect(rings.first).to_be_attached()
    text = ring_tooltip(page)
    assert "Kupiansk: the claim of 2022-09-10 says Ukrainian-held" in text
    assert "the control map of 2022-09-08 shows Russian-held" in text
    save_screenshot(page, "control-map-on")

    switch = page.get_by_role("checkbox", name="Show the control map")
    switch.uncheck(force=True)  # the box itself is drawn over by its label
    expect(areas).to_have_count(0, timeout=WAIT_MS)
    expect(rings).to_have_count(0)
    expect(legend).to_have_count(0)
    expect(map_frame(page).locator("path.leaflet-interactive").first).to_be_attached()
    save_screenshot(page, "control-map-off")

    switch.check(force=True)
    expect(areas.first).to_be_attached(timeout=WAIT_MS)
    expect(rings.first).to_be_attached()

    page.goto(f"{dashboard.url}/Data")
    expect(page.get_by_role("heading", name="Claims against the control maps")).to_be_visible(
        timeout=WAIT_MS
    )
    # The table's cells, as the grid gives them to assistive technology.
    header = page.locator('[role="columnheader"]', has_text="Control map shows")
    table = page.locator('[data-testid="stDataFrame"]', has=header)
    row = table.locator('[role="row"]', has_text="Kupiansk")
    expect(row.first).to_be_attached(timeout=WAIT_MS)
    cells = row.first.locator('[role="gridcell"]').all_inner_texts()
    assert cells[:3] == ["Kupiansk", "2022-09-10", "Ukrainian-held"]
    assert "2022-09-08" in cells and "Russian-held" in cells
    save_screenshot(page, "control-disagreements")
    assert page.page_errors == []
