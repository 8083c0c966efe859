"""The companion pages in a real browser: a mention leads to the map, markup stays text."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.conftest import save_screenshot
from tests.pagedata import HOSTILE_ID, HOSTILE_TITLE, SEED, add_hostile_article

pytestmark = pytest.mark.browser

LOAD_MS = 30_000
MARKERS = 'iframe[title="streamlit_folium.st_folium"]'


@pytest.fixture(scope="module")
def browser_data(browser_data: Path) -> Path:
    """The module's data, with the hostile article written before the dashboard starts."""
    add_hostile_article(browser_data)
    return browser_data


def settle(page) -> None:
    """Wait until Streamlit has finished the run and no element is left from an older one."""
    page.wait_for_selector('[data-testid="stApp"][data-test-script-state="notRunning"]')
    page.wait_for_function(
        "document.querySelectorAll('[data-stale=\"true\"]').length === 0", timeout=LOAD_MS
    )


def test_a_mention_opens_the_map_at_that_place_and_date(page, dashboard):
    from playwright.sync_api import expect

    page.goto(f"{dashboard.url}/Articles?article={SEED}")
    mention = page.locator("a.fl-mention", has_text="Kupiansk")
    expect(mention).to_be_visible(timeout=LOAD_MS)
    expect(page.locator("a.fl-mention")).to_have_count(6)
    save_screenshot(page, "articles-seed")
    mention.click()

    page.wait_for_url(re.compile(r"/\?as_of=2022-09-10&place=kupiansk"), timeout=LOAD_MS)
    expect(page.get_by_role("combobox", name="Place")).to_have_value("Kupiansk", timeout=LOAD_MS)
    expect(page.frame_locator(MARKERS).locator("path.leaflet-interactive").first).to_be_attached(
        timeout=LOAD_MS
    )
    settle(page)
    # The passage itself, not the source line (the article's title says "entered Kupiansk").
    passages = page.locator('[data-testid="stHtml"] .fl-card blockquote')
    expect(passages.filter(has_text="entered Kupiansk")).to_be_visible()
    assert "as_of=2022-09-10" in page.url and "place=kupiansk" in page.url
    save_screenshot(page, "articles-mention-to-map")
    assert page.page_errors == []


def test_markup_in_an_article_is_shown_as_text_and_runs_nothing(page, dashboard):
    from playwright.sync_api import expect

    dialogs: list[str] = []

    def dismiss(dialog) -> None:
        dialogs.append(dialog.message)
        dialog.dismiss()

    page.on("dialog", dismiss)
    page.goto(f"{dashboard.url}/Articles?article={HOSTILE_ID}")
    article = page.locator(".fl-article")
    expect(article).to_contain_text("<script>alert(1)</script>", timeout=LOAD_MS)
    # In the article (the claims table below quotes it too, once its grid has drawn).
    expect(article.get_by_text("<script>alert(1)</script>", exact=False)).to_be_visible()
    expect(article).to_contain_text('<img src=x onerror="window.__pwned=1">')
    expect(article).to_contain_text("**bold** and [link](javascript:alert(1))")
    expect(page.locator(".fl-head h2")).to_have_text(HOSTILE_TITLE)
    expect(article.locator("a.fl-mention")).to_have_text("Kharkiv")
    settle(page)
    page.wait_for_timeout(500)  # time for an image error handler, were there one

    assert page.evaluate("typeof window.__pwned") == "undefined"
    assert dialogs == []
    assert page.locator('img[src="x"]').count() == 0
    assert page.locator('a[href^="javascript"]').count() == 0
    assert article.locator("strong, b, script").count() == 0
    save_screenshot(page, "articles-hostile")
    assert page.page_errors == []


def test_the_change_log_and_data_pages_show_the_hostile_claim_as_text(page, dashboard):
    from playwright.sync_api import expect

    dialogs: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    page.goto(f"{dashboard.url}/Changes")
    day = page.locator(".fl-day").first
    expect(day).to_contain_text("Kharkiv: first reported as Ukrainian-held", timeout=LOAD_MS)
    expect(day).to_contain_text("per <i>officials</i>")
    save_screenshot(page, "changes")

    page.goto(f"{dashboard.url}/Data?q=officials")
    expect(page.get_by_role("heading", name="Claims (1)")).to_be_visible(timeout=LOAD_MS)
    settle(page)
    expect(page.get_by_role("textbox", name="Search")).to_have_value("officials")
    expect(page.locator('[data-testid="stDataFrame"]')).to_have_count(2)
    expect(page.get_by_role("button", name="Claims as GeoJSON")).to_be_visible()
    save_screenshot(page, "data-search")
    assert dialogs == []
    assert page.evaluate("typeof window.__pwned") == "undefined"
    assert page.page_errors == []


def test_filters_set_on_the_map_hold_on_the_data_page_and_back(page, dashboard):
    from playwright.sync_api import expect

    page.goto(f"{dashboard.url}/?as_of=2022-09-10&status=ukrainian&source=news")
    page.get_by_text("shown as of 2022-09-10").wait_for(timeout=LOAD_MS)
    status = page.locator('[data-testid="stMultiSelect"]', has_text="Ukrainian-held")
    expect(status).to_be_visible(timeout=LOAD_MS)
    # Straight away, while the map is still loading: the Data page opens and stays, with
    # the filters of the link.
    page.locator('[data-testid="stSidebarNav"] a', has_text="Data").click()
    caption = page.locator(".fl-meta", has_text="Showing as of")
    expect(caption).to_contain_text(
        "as of 2022-09-10 (what happened by this date); status: Ukrainian-held", timeout=LOAD_MS
    )
    expect(page.get_by_role("heading", name="Claims (1)")).to_be_visible()
    certainty = page.get_by_role("combobox", name="Certainty")
    certainty.click()
    certainty.fill("claimed")
    certainty.press("Enter")
    expect(caption).to_contain_text("certainty: claimed", timeout=LOAD_MS)
    settle(page)

    page.locator('[data-testid="stSidebarNav"] a', has_text="Map").click()
    page.wait_for_url(
        re.compile(r":\d+/\?as_of=2022-09-10&status=ukrainian&certainty=claimed&source=news$"),
        timeout=LOAD_MS,
    )
    expect(page.get_by_text("shown as of 2022-09-10")).to_be_visible(timeout=LOAD_MS)
    expect(page.locator('[data-testid="stMultiSelect"]', has_text="claimed")).to_be_visible()
    assert page.locator('[data-testid="stException"]').count() == 0
    assert page.page_errors == []
