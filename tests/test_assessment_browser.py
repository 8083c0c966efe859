"""The assessment in a real headless Chromium: a disputed place has its own look and says
so, and an event leaves a place's status as it was."""

from __future__ import annotations

import pytest

from frontline import store
from tests.assessdata import add_assessment_claims
from tests.mapbrowser import (
    KUPIANSK,
    MAP_FRAME,
    WAIT_MS,
    map_frame,
    marker_point,
    tooltip_at,
    wait_for_counts,
    wait_for_map,
)

pytestmark = pytest.mark.browser

# The dotted ring around a disputed marker (markers.DISPUTED_RING): not interactive.
DISPUTED_RING = 'path[stroke="#1a1a1a"][stroke-dasharray="2 3"]:not(.leaflet-interactive)'


@pytest.fixture(scope="module")
def browser_data(browser_data):
    add_assessment_claims(browser_data)
    return browser_data


def test_a_disputed_place_and_an_event_that_leaves_the_status(page, dashboard, browser_data):
    lyman = store.load_dataset(browser_data).places["lyman"]
    page.goto(dashboard.url + "/?as_of=2022-09-11&source=news")
    wait_for_map(page)
    wait_for_counts(page, "2022-09-11")

    # Lyman: Ukraine's claim on the 10th, the separatists' on the 11th, as strong: disputed.
    expected = (
        "Lyman — Contested (claimed) — 1 source, the Russian side; disputed with Ukrainian-held"
    )
    assert tooltip_at(page, lyman.lat, lyman.lon, expected) == expected
    assert map_frame(page).locator(DISPUTED_RING).count() == 1  # drawn without colour

    # Kupiansk was shelled on the 11th: it stays Ukrainian-held, as Ukraine's claim had it.
    expected = "Kupiansk — Ukrainian-held (claimed) — 1 source, the Ukrainian side"
    assert tooltip_at(page, *KUPIANSK, expected) == expected
    page.locator(MAP_FRAME).scroll_into_view_if_needed()
    page.mouse.click(*marker_point(page, *KUPIANSK))
    events = page.get_by_text("Events: no status (1 claim)")
    events.wait_for(timeout=WAIT_MS)
    assert page.get_by_text("Assessed: Ukrainian-held, claimed").is_visible()
    assert page.locator(".fl-card").filter(has_text="Serhiy Haidai").count() == 1
    assert page.page_errors == []
