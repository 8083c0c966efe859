"""The map page on a generated data set of 10,000 claims in a real browser: the canvas layer
draws every place, a hover names one, and a click on it selects it."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from frontline import synthetic
from frontline.events import status_label
from frontline.store import load_dataset
from frontline.timeline import Filters, TimelineIndex, claims_table, date_bounds
from frontline.web.markers import assessment_note
from tests.mapbrowser import MAP_FRAME, WAIT_MS, map_frame, marker_point, tooltip_at

pytestmark = pytest.mark.browser

CLAIMS = 10_000
EDGE_PX = 25  # a marker this far inside the map: no marker outside the view can cover it


@pytest.fixture(scope="module")
def browser_data(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Overrides conftest's: the module's dashboard serves the generated data."""
    return synthetic.generate(tmp_path_factory.mktemp("scale") / "data", CLAIMS).directory


@pytest.fixture(scope="module")
def places_shown(browser_data: Path):
    """The towns the map shows on opening (the latest date), in drawing order."""
    table = claims_table(load_dataset(browser_data))
    state = TimelineIndex(table).state(Filters(as_of=date_bounds(table)[1]))
    return state[state["kind"] != "oblast"].reset_index(drop=True)


def topmost_in_view(page, places) -> dict:
    """The last-drawn town well inside the map's view: nothing is drawn over it."""
    frame = page.frame(url=re.compile(r"streamlit_folium"))
    inside = frame.evaluate(
        "([points, edge]) => { const size = window.map_div.getSize();"
        " return points.map(([lat, lon]) => {"
        "  const p = window.map_div.latLngToContainerPoint([lat, lon]);"
        "  return p.x > edge && p.y > edge && p.x < size.x - edge && p.y < size.y - edge; }); }",
        [places[["lat", "lon"]].values.tolist(), EDGE_PX],
    )
    last = max(i for i, visible in enumerate(inside) if visible)
    return places.iloc[last].to_dict()


def test_a_large_data_set_draws_on_a_canvas_and_a_click_selects_a_place(
    page, dashboard, places_shown
):
    page.goto(dashboard.url)
    drawn = map_frame(page).locator("canvas[data-claims-drawn]")
    drawn.wait_for(timeout=WAIT_MS)
    assert int(drawn.get_attribute("data-claims-drawn")) == len(places_shown)
    # One canvas instead of an SVG path per place.
    assert map_frame(page).locator("path.leaflet-interactive").count() == 0

    page.locator(MAP_FRAME).scroll_into_view_if_needed()
    place = topmost_in_view(page, places_shown)
    status = status_label(place["status"])
    note = assessment_note(place)  # "2 sources, both sides", as the tooltip has it
    expected = f"{place['name']} — {status} ({place['certainty']})" + (f" — {note}" if note else "")
    assert tooltip_at(page, place["lat"], place["lon"], expected) == expected

    x, y = marker_point(page, place["lat"], place["lon"])
    page.mouse.click(x, y)
    page.wait_for_function(
        "(id) => new URLSearchParams(location.search).get('place') === id",
        arg=place["place_id"],
        timeout=WAIT_MS,
    )
    page.get_by_role("heading", name=place["name"]).wait_for(timeout=WAIT_MS)
    assert page.locator(".fl-card").count() >= 1
    assert page.page_errors == []
