"""Adding an article in a real browser: paste, edit a row, save, and find it on the map."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import TimeoutError as PlaywrightTimeout

from frontline import store
from frontline.news.review import REVIEW_COLUMNS, WIDTHS
from tests.conftest import save_screenshot
from tests.mapbrowser import (
    WAIT_MS,
    find_claims_on_add_article,
    marker_point,
    tooltip_at,
    wait_for_map,
)

pytestmark = pytest.mark.browser

REPORT = (
    "KRAMATORSK, Ukraine: Ukrainian forces said on Saturday they had entered Lyman in the "
    "Donetsk region after Russian troops withdrew from the encircled town.\n\n"
    "Fighting continued near Kreminna, the regional governor said."
)
ROW_HEIGHT = 35  # the review table's header and rows, in pixels


def review_cell(page, row: int, column: str) -> tuple[float, float]:
    """The centre of a cell of the review table, from its fixed column widths."""
    grid = page.locator('[data-testid="stDataFrame"]')
    grid.scroll_into_view_if_needed()
    box = grid.bounding_box()
    left = sum(WIDTHS[name] for name in REVIEW_COLUMNS[: REVIEW_COLUMNS.index(column)])
    return (
        box["x"] + left + WIDTHS[column] / 2,
        box["y"] + ROW_HEIGHT * (row + 1) + ROW_HEIGHT / 2,
    )


def test_paste_edit_save_and_see_it_on_the_map(page, dashboard, browser_data):
    find_claims_on_add_article(page, dashboard.url, REPORT, "Ukrainian forces enter Lyman")
    page.get_by_text("2 candidate claim(s)").wait_for(timeout=WAIT_MS)

    # Edit the first row's claimant: select the cell, Enter opens its editor. The table
    # draws itself a moment after it appears, so the first click may land on nothing.
    editor = page.locator("textarea.gdg-input")
    page.locator('[data-testid="stDataFrame"] [role="gridcell"]').first.wait_for(
        state="attached", timeout=WAIT_MS
    )
    for _ in range(10):
        page.mouse.click(*review_cell(page, 0, "claimant"))
        page.keyboard.press("Enter")
        try:
            editor.wait_for(timeout=2000)
            break
        except PlaywrightTimeout:
            page.keyboard.press("Escape")
    editor.wait_for(timeout=WAIT_MS)
    editor.fill("Ukrainian forces, edited in review")
    page.keyboard.press("Enter")
    page.wait_for_timeout(1000)

    page.get_by_role("button", name="Save the kept claims").click()
    page.get_by_text("Saved: added article").wait_for(timeout=WAIT_MS)
    save_screenshot(page, "add-article-saved")

    saved = store.load_dataset(browser_data)
    assert saved.problems == []
    edited = [c for c in saved.claims if c.claimant == "Ukrainian forces, edited in review"]
    assert [c.place_id for c in edited] == ["lyman"]
    kreminna = next(p for p in saved.places.values() if p.name == "Kreminna")

    page.get_by_role("link", name="See it on the map as of 2022-10-02").click()
    wait_for_map(page)
    page.get_by_text("shown as of 2022-10-02").wait_for(timeout=WAIT_MS)
    # "Fighting continued near Kreminna": an event, which holds no status.
    expected = "Kreminna — no status (event only) (claimed) — 1 event, no status"
    assert tooltip_at(page, kreminna.lat, kreminna.lon, expected) == expected

    page.locator('iframe[title="streamlit_folium.st_folium"]').scroll_into_view_if_needed()
    lyman = saved.places["lyman"]
    page.mouse.click(*marker_point(page, lyman.lat, lyman.lon))
    page.locator(".fl-card").filter(has_text="edited in review").wait_for(timeout=WAIT_MS)
    assert page.page_errors == []
    assert page.request_log.foreign() == []


SEVERAL_PLACES = (
    REPORT + "\n\nRussian forces shelled Siversk overnight. Ukrainian troops later took Torske, "
    "and fighting went on near Kreminna."
)


def review_rows(page) -> list[dict[str, str]]:
    """The review table's rows as the grid gives them to assistive technology, by header."""
    grid = page.locator('[data-testid="stDataFrame"]')
    headers = [h.strip() for h in grid.locator('[role="columnheader"]').all_inner_texts()]
    rows = []
    for row in grid.locator('[role="row"]').all():
        cells = [c.strip() for c in row.locator('[role="gridcell"]').all_inner_texts()]
        if cells:
            rows.append(dict(zip(headers, cells, strict=True)))
    return rows


def numbered_markers(page) -> list[dict]:
    """Each row-number label on the small map: its text, the names of the markers drawn at
    its point, and how far (in pixels) it is from that point."""
    frame = page.frame(url=re.compile(r"streamlit_folium"))
    assert frame is not None, "the small map's frame is missing"
    return frame.evaluate(
        """() => {
        const map = window.map_div, labels = [], dots = [];
        map.eachLayer(l => {
            const icon = l.options.icon;
            if (icon && icon.options.className === 'fl-row-number') labels.push(l);
            else if (l.getRadius && l.getTooltip()) dots.push(l);
        });
        const name = tip => {
            const div = document.createElement('div');
            div.innerHTML = String(tip.getContent());
            return div.textContent.split(' — ')[0].trim();
        };
        const mapBox = document.getElementById('map_div').getBoundingClientRect();
        return labels.map(l => {
            const box = l.getElement().getBoundingClientRect();
            const at = map.latLngToContainerPoint(l.getLatLng());
            const dx = box.left - mapBox.left - at.x, dy = box.bottom - mapBox.top - at.y;
            return {
                text: l.getElement().innerText.trim(),
                places: dots.filter(d => d.getLatLng().equals(l.getLatLng()))
                    .map(d => name(d.getTooltip())),
                offset: Math.hypot(dx, dy),
            };
        });
    }"""
    )


def test_the_small_maps_numbers_are_the_review_tables_rows(page, dashboard):
    find_claims_on_add_article(page, dashboard.url, SEVERAL_PLACES)
    page.get_by_text("5 candidate claim(s)").wait_for(timeout=WAIT_MS)
    page.locator('[data-testid="stDataFrame"] [role="gridcell"]').first.wait_for(
        state="attached", timeout=WAIT_MS
    )
    wait_for_map(page)

    rows = review_rows(page)
    assert [row["#"] for row in rows] == ["1", "2", "3", "4", "5"]
    expected: dict[str, list[str]] = {}
    for row in rows:
        expected.setdefault(row["place"], []).append(row["#"])
    assert len(expected) < len(rows)  # a place named twice: its label carries both rows

    markers = numbered_markers(page)
    shown = {}
    for marker in markers:
        assert len(marker["places"]) == 1, marker  # the label stands at one place's marker
        assert marker["offset"] < 40, marker  # and beside it
        shown[marker["places"][0]] = marker["text"]
    assert shown == {place: ", ".join(numbers) for place, numbers in expected.items()}
    assert page.page_errors == []
