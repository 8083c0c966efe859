"""The record on the map in a real headless Chromium: hundreds of places on first load, the
Source filter and the contact-line switch, Play, and a record place's passages."""

from __future__ import annotations

import re

import pytest

from tests.conftest import save_screenshot
from tests.mapbrowser import WAIT_MS, wait_for_counts

pytestmark = pytest.mark.browser

RECORD_CANVAS = "canvas[data-record-drawn]"


def map_value(page, script: str, predicate, what: str):
    """Evaluate `script` in the map's frame until `predicate` holds for its value: the frame
    comes a moment after the page's text, and a rerun may replace what it has drawn."""
    value = None
    for _ in range(WAIT_MS // 250):
        frame = page.frame(url=re.compile(r"streamlit_folium"))
        if frame is not None:
            try:
                value = frame.evaluate(script)
            except Exception:  # the frame navigated while being read: read it again
                value = None
            if value is not None and predicate(value):
                return value
        page.wait_for_timeout(250)
    raise AssertionError(f"the map never showed {what} (last read: {value!r})")


# The record's count on the canvas; 0 once markers are drawn without one (a few news
# markers alone are drawn one by one, with no canvas).
RECORD_COUNT = f"""() => {{ const c = document.querySelector('{RECORD_CANVAS}');
    if (c) return Number(c.dataset.recordDrawn);
    return document.querySelector('path.leaflet-interactive') ? 0 : null; }}"""
SVG_PATHS = "() => document.querySelectorAll('svg path').length"


def test_first_load_draws_hundreds_of_places_and_the_source_filter_switches(page, dashboard):
    page.goto(dashboard.url)
    wait_for_counts(page, "2022-09-11")
    map_value(page, RECORD_COUNT, lambda n: n >= 300, "several hundred record places")
    assert page.get_by_text(re.compile(r"Under them, \d{3} places")).count() == 1
    save_screenshot(page, "record-first-load")

    page.get_by_text("News reports and imported data sets", exact=True).click()
    page.wait_for_function("() => location.search.includes('source=news')", timeout=WAIT_MS)
    map_value(page, RECORD_COUNT, lambda n: n == 0, "no record places")
    assert page.get_by_text(re.compile(r"Under them")).count() == 0


def test_the_contact_line_switches_off_and_on(page, dashboard):
    page.goto(dashboard.url)
    wait_for_counts(page, "2022-09-11")
    map_value(page, RECORD_COUNT, lambda n: n >= 300, "the record's places")
    with_line = map_value(page, SVG_PATHS, lambda n: n > 0, "the outlines and the line")
    page.get_by_text("Estimated line of contact", exact=True).click()
    map_value(page, SVG_PATHS, lambda n: n < with_line, "the map without the line")
    page.get_by_text("Estimated line of contact", exact=True).click()
    map_value(page, SVG_PATHS, lambda n: n == with_line, "the line again")


def test_play_advances_the_date(page, dashboard):
    page.goto(dashboard.url + "/?as_of=2022-03-01")
    wait_for_counts(page, "2022-03-01")
    page.get_by_role("button", name=re.compile("Play")).click()
    page.get_by_text(re.compile(r"shown as of 2022-0[3-9]-(?!01 )")).first.wait_for(timeout=WAIT_MS)
    page.get_by_role("button", name=re.compile("Pause")).click()


def test_a_record_place_shows_its_passages(page, dashboard):
    page.goto(dashboard.url + "/?as_of=2022-09-12&place=balakliia")
    card = page.locator(".fl-card.fl-record").first
    card.wait_for(timeout=WAIT_MS)
    text = card.inner_text()
    assert "The record" in text and "Ukrainian-held" in text
    assert "Control of cities during the Russo-Ukrainian War, revision of" in text
    save_screenshot(page, "record-balakliia")
