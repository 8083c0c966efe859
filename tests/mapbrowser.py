"""Reading and clicking the map page in a real browser: shared by the browser tests."""

from __future__ import annotations

import re

MAP_FRAME = 'iframe[title="streamlit_folium.st_folium"]'
KUPIANSK = (49.71003, 37.61581)
WAIT_MS = 30_000


def map_frame(page):
    return page.frame_locator(MAP_FRAME)


def wait_for_map(page) -> None:
    """Until the map shows its claims: a visible path, or the canvas layer drawn (a map
    zoomed in on a place may show no outline's path)."""
    map_frame(page).locator(
        "path.leaflet-interactive:visible, canvas[data-claims-drawn]"
    ).first.wait_for(timeout=WAIT_MS)


def wait_for_counts(page, as_of: str) -> None:
    page.get_by_text(re.compile(rf"shown as of {as_of}")).wait_for(timeout=WAIT_MS)


def marker_point(page, lat: float, lon: float) -> tuple[float, float]:
    """Where a map coordinate is on the page, computed by the map itself."""
    frame = page.frame(url=re.compile(r"streamlit_folium"))
    assert frame is not None, "the map's frame is missing"
    x, y = frame.evaluate(
        "([lat, lon]) => { const p = window.map_div.latLngToContainerPoint([lat, lon]);"
        " return [p.x, p.y]; }",
        [lat, lon],
    )
    box = page.locator(MAP_FRAME).bounding_box()
    frame_box = frame.evaluate(
        "() => { const r = document.getElementById('map_div').getBoundingClientRect();"
        " return [r.left, r.top]; }"
    )
    return box["x"] + frame_box[0] + x, box["y"] + frame_box[1] + y


def tooltip_at(page, lat: float, lon: float, expected: str) -> str:
    """Hover the map at a place and read its tooltip, again until it reads as expected (the
    map redraws its markers a moment after the page's text changes) or time runs out."""
    text = ""
    # A point below the fold cannot be hovered: bring the whole map into view first.
    page.locator(MAP_FRAME).scroll_into_view_if_needed()
    for _ in range(20):
        page.mouse.move(0, 0)
        x, y = marker_point(page, lat, lon)
        page.mouse.move(x, y)
        tooltip = map_frame(page).locator(".leaflet-tooltip")
        tooltip.first.wait_for(timeout=WAIT_MS)
        text = tooltip.first.inner_text()
        if text == expected:
            break
        page.wait_for_timeout(500)
    return text


def find_claims_on_add_article(page, base_url: str, text: str, title: str = "") -> None:
    """Open Add article, paste `text` with the dateline 2022-10-02 and the outlet "Test Wire"
    (and `title`), and press Find."""
    page.goto(base_url + "/Add_article")
    page.get_by_role("textbox", name=re.compile("^Article text")).fill(text)
    for part, value in (("year", "2022"), ("month", "10"), ("day", "02")):
        page.get_by_role("spinbutton", name=f"{part}, Dateline (published)").click()
        page.keyboard.type(value)
    page.get_by_label("Outlet").fill("Test Wire")
    if title:
        page.get_by_label("Title").fill(title)
    page.get_by_label("Outlet").press("Tab")
    page.get_by_role("button", name="Find places and claims").click()
