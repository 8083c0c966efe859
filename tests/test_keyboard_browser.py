"""In a real browser at 1400×900: the list of the places on the map works from the keyboard
alone, and a record place answers a click 10 px from its small dot's centre."""

from __future__ import annotations

import pytest

from tests.mapbrowser import MAP_FRAME, WAIT_MS, marker_point, wait_for_map

pytestmark = pytest.mark.browser

BALAKLIIA = (49.4564, 36.8389)  # data/record/record_places.csv

# The focused control's text: a button's own, a switch's (an input) its label's.
FOCUSED_NAME = """() => { const e = document.activeElement;
    if (!e || !['INPUT', 'BUTTON'].includes(e.tagName)) return "";
    const label = e.closest('label'); return (label || e).innerText || ""; }"""


def tab_to(page, text: str, presses: int = 120) -> None:
    """Press Tab until the focused element's text (or its label's) contains `text`."""
    for _ in range(presses):
        page.keyboard.press("Tab")
        if text in page.evaluate(FOCUSED_NAME):
            return
    raise AssertionError(f"Tab never reached {text!r}")


def test_the_place_list_works_from_the_keyboard(page, dashboard):
    page.set_viewport_size({"width": 1400, "height": 900})
    page.goto(dashboard.url + "/?as_of=2022-09-11&source=news")
    wait_for_map(page)
    tab_to(page, "List the places on the map")
    page.keyboard.press("Space")
    assert page.evaluate("() => document.activeElement.checked") is True
    page.locator("button", has_text="Kupiansk —").wait_for(timeout=WAIT_MS)
    tab_to(page, "Kupiansk —")
    page.keyboard.press("Enter")
    page.locator(".fl-card").filter(has_text="had entered Kupiansk").wait_for(timeout=WAIT_MS)
    page.wait_for_function("() => location.search.includes('place=kupiansk')", timeout=WAIT_MS)
    assert page.page_errors == []


def test_a_click_near_a_record_dot_chooses_its_place(page, dashboard):
    # The dot is 12 px across, its target 24 px: a click 10 px from its centre is on it.
    page.set_viewport_size({"width": 1400, "height": 900})
    # Zoomed in on Balakliia, so that no neighbour's dot is within 10 px.
    page.goto(dashboard.url + "/?as_of=2022-09-12&source=record&center=49.4564,36.8389&zoom=12")
    wait_for_map(page)
    page.locator(MAP_FRAME).scroll_into_view_if_needed()
    x, y = marker_point(page, *BALAKLIIA)
    page.mouse.click(x, y - 10)
    page.wait_for_function("() => location.search.includes('place=balakliia')", timeout=WAIT_MS)
    page.locator("h3.fl-place", has_text="Balakliia").wait_for(timeout=WAIT_MS)
    page.locator(".fl-card.fl-record").first.wait_for(timeout=WAIT_MS)
