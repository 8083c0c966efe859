"""Hostile text in a real browser: on the map (its tooltips and side panel), the article, the
data and the change log, markup, scripts in attributes and template strings, Markdown and
javascript: addresses show as text, and no script of theirs runs: no dialog opens and no flag
they would set is set, in the page or in the map's frame."""

from __future__ import annotations

from pathlib import Path

import pytest

from frontline import vocab
from frontline.web.text import visible_text
from tests.conftest import save_screenshot
from tests.mapbrowser import WAIT_MS, map_frame, tooltip_at, wait_for_counts, wait_for_map
from tests.pagedata import (
    HOSTILE_ARTICLE_ID,
    HOSTILE_PLACE_ID,
    HOSTILE_PLACE_NAME,
    HOSTILE_URL,
    LONG_WORD,
    add_hostile_article,
    add_hostile_place,
)
from tests.test_pages_browser import settle

pytestmark = pytest.mark.browser

HOSTILE_POINT = (49.45, 36.9)
SHOWN_NAME = visible_text(HOSTILE_PLACE_NAME)
# Elements the hostile fields would create were they read as markup.
LIVE = 'img[src="x"], svg[onload], script:not([src]):is([id="pwned"]), a[href^="javascript"]'


@pytest.fixture(scope="module")
def browser_data(browser_data: Path) -> Path:
    add_hostile_article(browser_data)
    add_hostile_place(browser_data)
    return browser_data


@pytest.fixture
def dialogs(page) -> list[str]:
    opened: list[str] = []

    def dismiss(dialog) -> None:
        opened.append(dialog.message)
        dialog.dismiss()

    page.on("dialog", dismiss)
    return opened


def assert_nothing_ran(page, dialogs: list[str]) -> None:
    page.wait_for_timeout(500)  # time for an error or load handler, were there one
    assert dialogs == []
    for frame in page.frames:  # the page and the map's frame (same origin)
        assert frame.evaluate("typeof window.__pwned") == "undefined", frame.url
        assert frame.locator(LIVE).count() == 0, frame.url
    assert page.page_errors == []


def no_overflow(locator) -> bool:
    """Whether an element's text fits its width (a long word wraps instead of running out)."""
    return locator.evaluate("(el) => el.scrollWidth <= el.clientWidth + 1")


def test_the_map_tooltip_and_side_panel_show_the_hostile_place_as_text(page, dashboard, dialogs):
    from playwright.sync_api import expect

    page.goto(f"{dashboard.url}/?as_of=2022-09-11&place={HOSTILE_PLACE_ID}")
    wait_for_map(page)
    wait_for_counts(page, "2022-09-11")
    heading = page.locator("h3.fl-place")
    expect(heading).to_have_text(SHOWN_NAME, timeout=WAIT_MS)
    card = page.locator(".fl-card").filter(has_text=LONG_WORD[:50])
    expect(card).to_contain_text("<b>officials</b>")
    assert no_overflow(card)

    expected = (
        f"{SHOWN_NAME} — {vocab.STATUS_LABELS['contested']} (claimed) — 1 source, neither side"
    )
    assert tooltip_at(page, *HOSTILE_POINT, expected) == expected
    # Only folium's own <div> around the text: nothing the name would make were it markup.
    made = map_frame(page).locator(".leaflet-tooltip :is(img, svg, script, a, strong, code)")
    assert made.count() == 0
    expect(page.get_by_text("1 problem(s) in the data files", exact=False)).to_be_visible()
    save_screenshot(page, "hostile-map")
    assert_nothing_ran(page, dialogs)


def test_the_hostile_article_is_text_with_its_address_as_a_plain_link(page, dashboard, dialogs):
    from playwright.sync_api import expect

    page.goto(f"{dashboard.url}/Articles?article={HOSTILE_ARTICLE_ID}")
    article = page.locator(".fl-article")
    expect(article).to_contain_text('<svg onload="window.__pwned=5"></svg>', timeout=WAIT_MS)
    expect(article).to_contain_text("${window.__pwned=6} right-to-left zerowidth.")
    expect(page.locator(".fl-head h2")).to_have_text(
        "=cmd|' /C calc'!A0 **Title** <script>window.__pwned=7</script>"
    )
    original = page.get_by_role("link", name="original article")
    assert original.get_attribute("href") == HOSTILE_URL
    assert no_overflow(article)
    save_screenshot(page, "hostile-article")
    assert_nothing_ran(page, dialogs)


def test_the_data_and_change_log_show_the_hostile_claims_as_text(page, dashboard, dialogs):
    from playwright.sync_api import expect

    page.goto(f"{dashboard.url}/Data?q=Hostileville")
    expect(page.get_by_role("heading", name="Claims (2)")).to_be_visible(timeout=WAIT_MS)
    settle(page)
    assert_nothing_ran(page, dialogs)

    page.goto(f"{dashboard.url}/Changes")
    day = page.locator(".fl-day").first
    expect(day).to_contain_text(f"{SHOWN_NAME}: first reported as Contested", timeout=WAIT_MS)
    save_screenshot(page, "hostile-changes")
    assert_nothing_ran(page, dialogs)
