"""The map page in a real headless Chromium: what a reader clicks, and what the page fetches."""

from __future__ import annotations

import pytest

from tests.conftest import save_screenshot
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


def set_slider(page, key: str, target: str) -> None:
    """Move the date slider with the keyboard, as a reader without a mouse would: Home or
    End, then a day at a time towards the target until the slider reads it."""
    thumb = page.locator('[data-testid="stSlider"] input[type="range"]')
    thumb.focus()
    thumb.press(key)
    for _ in range(600):
        shown = thumb.get_attribute("aria-valuetext")
        if shown == target:
            break
        thumb.focus()
        # ISO dates compare as text. Towards the target, so a date passed while the page
        # drew several presses at once is come back to.
        thumb.press("ArrowRight" if shown < target else "ArrowLeft")
        for _ in range(100):  # until this press shows (polled: a rerun may draw it anew)
            if thumb.get_attribute("aria-valuetext") != shown:
                break
            page.wait_for_timeout(10)  # polling, not a measurement
    wait_for_counts(page, target)


def test_reader_moves_the_timeline_and_reads_the_source(page, dashboard):
    page.goto(dashboard.url + "/?source=news")  # the news timeline: 2022-02-24 to 2022-09-11
    wait_for_map(page)
    wait_for_counts(page, "2022-09-11")

    # 2022-02-24 plus 19 days is 2022-03-15.
    set_slider(page, "Home", "2022-03-15")
    wait_for_map(page)
    expected = "Kupiansk — Russian-held (confirmed) — 1 source, neither side"
    assert tooltip_at(page, *KUPIANSK, expected) == expected

    set_slider(page, "Home", "2022-09-11")  # 199 days on
    expected = "Kupiansk — Ukrainian-held (claimed) — 1 source, the Ukrainian side"
    assert tooltip_at(page, *KUPIANSK, expected) == expected

    # Bring the whole map into view first, as a reader scrolls to it: a click on a map
    # that is partly off-screen scrolls the page on mouse-down and is lost.
    page.locator(MAP_FRAME).scroll_into_view_if_needed()
    x, y = marker_point(page, *KUPIANSK)
    page.mouse.click(x, y)
    passage = page.locator(".fl-card").filter(has_text="had entered Kupiansk")
    passage.wait_for(timeout=WAIT_MS)
    assert "Ukrainian forces" in passage.inner_text()
    page.wait_for_function("() => location.search.includes('place=kupiansk')", timeout=WAIT_MS)
    save_screenshot(page, "dashboard-kupiansk")

    # A copied link opens the same view.
    link = page.url
    assert "as_of=2022-09-11" in link
    copy = page.context.new_page()
    copy.goto(link)
    copy.locator(".fl-card").filter(has_text="had entered Kupiansk").wait_for(timeout=WAIT_MS)
    wait_for_counts(copy, "2022-09-11")
    assert copy.get_by_text("5 places and 6 claims shown as of 2022-09-11").is_visible()
    wait_for_map(copy)
    copy.wait_for_timeout(1000)
    save_screenshot(copy, "dashboard-from-link")
    copy.close()

    assert page.request_log.foreign() == []
    assert page.page_errors == []


def test_a_place_clicked_on_the_map_is_still_chosen_after_a_visit_to_another_page(page, dashboard):
    page.goto(dashboard.url + "/?as_of=2022-09-11")
    wait_for_map(page)
    page.locator(MAP_FRAME).scroll_into_view_if_needed()
    page.mouse.click(*marker_point(page, *KUPIANSK))
    page.locator(".fl-card").filter(has_text="had entered Kupiansk").wait_for(timeout=WAIT_MS)

    page.locator('[data-testid="stSidebarNav"] a', has_text="Changes").click()
    page.locator(".fl-day").first.wait_for(timeout=WAIT_MS)
    page.locator('[data-testid="stSidebarNav"] a', has_text="Data").click()
    page.get_by_role("heading", name="The data behind the map").wait_for(timeout=WAIT_MS)
    page.locator('[data-testid="stSidebarNav"] a', has_text="Map").click()
    page.locator(".fl-card").filter(has_text="had entered Kupiansk").wait_for(timeout=WAIT_MS)
    page.wait_for_function("() => location.search.includes('place=kupiansk')", timeout=WAIT_MS)
    assert page.page_errors == []


def test_map_appears_without_the_internet_with_served_leaflet(page, dashboard):
    page.goto(dashboard.url + "/?as_of=2022-03-15&source=news")
    wait_for_map(page)
    height = page.locator(MAP_FRAME).bounding_box()["height"]
    assert height > 300
    leaflet = [u for u in page.request_log.urls if u.endswith("leaflet.js")]
    assert leaflet and all(u.startswith(dashboard.url) for u in leaflet)
    assert map_frame(page).locator("path.leaflet-interactive").count() == 2
    assert page.request_log.foreign() == []


def test_bad_link_shows_a_notice_not_a_traceback(page, dashboard):
    page.goto(dashboard.url + "/?as_of=..%2F..%2Fetc%2Fpasswd&place=%3Cscript%3E")
    page.get_by_text("is not a date").first.wait_for(timeout=WAIT_MS)
    assert page.get_by_text("Traceback").count() == 0
    wait_for_counts(page, "2022-09-11")


def test_a_place_chosen_in_the_box_is_in_the_link(page, dashboard):
    page.goto(dashboard.url + "/?place=kupiansk")
    page.locator(".fl-card").filter(has_text="had entered Kupiansk").wait_for(timeout=WAIT_MS)
    box = page.locator('[data-testid="stSelectbox"]').filter(has_text="Place")
    box.locator("input").click()
    page.get_by_role("option", name="Izium", exact=True).click()
    page.locator(".fl-card").filter(has_text="official confirmation").wait_for(timeout=WAIT_MS)
    page.wait_for_function("() => location.search.includes('place=izium')", timeout=WAIT_MS)

    box.locator("input").click()
    page.get_by_role("option", name="— choose a place —").click()
    page.get_by_text("Click a marker, or choose a place").wait_for(timeout=WAIT_MS)
    page.wait_for_function("() => !location.search.includes('place=')", timeout=WAIT_MS)
