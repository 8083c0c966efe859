"""What a new reader meets in a real browser: finding a place flies the map there, the wheel
scrolls the page past the map, Play is one button, no serious accessibility violation
(axe-core, served from its npm package on disk), and a phone-sized screen works."""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest

from frontline.app.navigation import PAGE_FILES
from tests.conftest import ROOT, Dashboard
from tests.mapbrowser import (
    KUPIANSK,
    MAP_FRAME,
    WAIT_MS,
    map_frame,
    marker_point,
    wait_for_map,
)

# .ci/run unpacks `npm pack axe-core@4` here.
AXE = Path(os.environ.get("FRONTLINE_AXE", ROOT / ".cache/axe/package/axe.min.js"))


def map_view(page) -> tuple[float, float, int]:
    frame = page.frame(url=re.compile(r"streamlit_folium"))
    assert frame is not None, "the map's frame is missing"
    return tuple(
        frame.evaluate(
            "() => { const c = window.map_div.getCenter(); "
            "return [c.lat, c.lng, window.map_div.getZoom()]; }"
        )
    )


def wait_for_view(page, lat: float, lon: float, zoom: int) -> tuple:
    view = map_view(page)
    for _ in range(40):
        if abs(view[0] - lat) < 0.01 and abs(view[1] - lon) < 0.01 and view[2] == zoom:
            break
        page.wait_for_timeout(250)
        view = map_view(page)
    return view


def test_finding_a_place_flies_the_map_there_and_the_link_keeps_it(page, dashboard):
    page.goto(dashboard.url + "/?as_of=2022-09-11")
    wait_for_map(page)
    assert map_view(page)[2] == 7
    box = page.get_by_role("textbox", name="Find a place")
    box.fill("Купянськ")
    box.press("Enter")
    page.locator(".fl-card").filter(has_text="had entered Kupiansk").wait_for(timeout=WAIT_MS)
    lat, lon, zoom = wait_for_view(page, *KUPIANSK, 12)
    assert (round(lat, 2), round(lon, 2), zoom) == (49.71, 37.62, 12)
    page.wait_for_function("() => location.search.includes('zoom=12')", timeout=WAIT_MS)

    copy = page.context.new_page()
    copy.goto(page.url)
    wait_for_map(copy)
    assert wait_for_view(copy, *KUPIANSK, 12)[2] == 12
    copy.close()

    page.get_by_role("button", name="Whole map").click()
    assert wait_for_view(page, lat, lon, 7)[2] == 7
    assert page.page_errors == []


def empty_point(page) -> tuple[float, float]:
    """A point on the page over the map and at least 40 px from every circle drawn on it."""
    frame = page.frame(url=re.compile(r"streamlit_folium"))
    assert frame is not None, "the map's frame is missing"
    point = frame.evaluate(
        """() => {
        const map = window.map_div, dots = [];
        map.eachLayer(l => {
            if (l.getRadius) dots.push(map.latLngToContainerPoint(l.getLatLng()));
        });
        const size = map.getSize();
        const box = document.getElementById('map_div').getBoundingClientRect();
        for (let fy = 0.2; fy < 0.9; fy += 0.05) for (let fx = 0.3; fx < 0.9; fx += 0.05) {
            const x = size.x * fx, y = size.y * fy;
            const clear = dots.every(d => Math.hypot(d.x - x, d.y - y) > 40);
            if (clear) return [box.left + x, box.top + y];
        }
        return null; }"""
    )
    assert point is not None, "no empty ground on the map"
    frame_box = page.locator(MAP_FRAME).bounding_box()
    return frame_box["x"] + point[0], frame_box["y"] + point[1]


def test_the_wheel_over_the_map_scrolls_the_page_and_zooms_only_after_a_click(page, dashboard):
    page.goto(dashboard.url + "/?as_of=2022-09-11")
    wait_for_map(page)
    page.locator(MAP_FRAME).scroll_into_view_if_needed()
    box = page.locator(MAP_FRAME).bounding_box()
    page.mouse.move(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    page.mouse.wheel(0, 400)
    page.wait_for_timeout(800)
    assert map_view(page)[2] == 7
    # The wheel scrolled the page: bring the map back into view, then click on empty ground,
    # away from every place's dot (a click on a dot would choose the place).
    page.locator(MAP_FRAME).scroll_into_view_if_needed()
    page.mouse.click(*empty_point(page))
    page.mouse.wheel(0, -400)
    zoom = map_view(page)[2]
    for _ in range(40):
        if zoom > 7:
            break
        page.wait_for_timeout(250)
        zoom = map_view(page)[2]
    assert zoom > 7


def wheel_zooms_in(page, x: float, y: float) -> bool:
    """Whether, with the pointer moved a little about (x, y) on the map, as a hand on a mouse
    does, a turn of the wheel zooms the map in (within 10 s)."""
    before = map_view(page)[2]
    for dx, dy in ((2, 1), (30, 20), (-20, 30), (0, 0)):
        page.mouse.move(x + dx, y + dy, steps=4)
    page.mouse.wheel(0, -400)
    for _ in range(40):
        if map_view(page)[2] > before:
            return True
        page.wait_for_timeout(250)
    return False


def choose_on_the_map(page, lat: float, lon: float, heading: str) -> tuple[float, float]:
    """Point at a marker or dot until it is hovered (its tooltip shows), click it, and wait
    until the map is redrawn with the place chosen; where it was on the page."""
    page.locator(MAP_FRAME).scroll_into_view_if_needed()
    x, y = marker_point(page, lat, lon)
    page.mouse.move(x - 30, y - 30)
    page.mouse.move(x, y, steps=5)
    page.wait_for_timeout(400)
    page.mouse.click(x, y)
    page.locator("h3.fl-place", has_text=heading).wait_for(timeout=WAIT_MS)
    page.wait_for_timeout(1000)  # the map's redraw with the selection
    return x, y


def test_a_click_that_chooses_a_marker_lets_the_wheel_zoom_until_the_pointer_leaves(
    page, dashboard
):
    page.goto(dashboard.url + "/?as_of=2022-09-11&source=news")
    wait_for_map(page)
    x, y = choose_on_the_map(page, *KUPIANSK, "Kupiansk")
    assert map_view(page)[2] == 7
    assert wheel_zooms_in(page, x, y)
    # Off the map and back, without a click: the wheel scrolls the page again.
    zoom = map_view(page)[2]
    frame = page.locator(MAP_FRAME).bounding_box()
    page.mouse.move(frame["x"] + frame["width"] + 60, y, steps=3)
    page.mouse.move(x, y, steps=3)
    page.mouse.wheel(0, 300)
    page.wait_for_timeout(1000)
    assert map_view(page)[2] == zoom
    assert page.page_errors == []


@pytest.mark.parametrize("attempt", range(3))  # the redraw's stray mouseout came half the time
def test_a_click_that_chooses_a_record_dot_lets_the_wheel_zoom(page, dashboard, attempt):
    page.goto(dashboard.url + "/?as_of=2022-09-11&source=record")
    wait_for_map(page)
    x, y = choose_on_the_map(page, *KUPIANSK, "Kupiansk")
    assert map_view(page)[2] == 7
    assert wheel_zooms_in(page, x, y)


def test_a_tap_near_a_markers_edge_chooses_it(page, dashboard):
    # A marker is 24 px across or more: a tap 11 px from its centre is on it.
    page.goto(dashboard.url + "/?as_of=2022-09-11&source=news")
    wait_for_map(page)
    page.locator(MAP_FRAME).scroll_into_view_if_needed()
    x, y = marker_point(page, *KUPIANSK)
    page.mouse.click(x + 11, y)
    page.locator(".fl-card").filter(has_text="had entered Kupiansk").wait_for(timeout=WAIT_MS)
    page.wait_for_function("() => location.search.includes('place=kupiansk')", timeout=WAIT_MS)
    assert page.page_errors == []


def test_the_navigation_names_the_map_first_then_the_other_pages(page, dashboard):
    page.goto(dashboard.url + "/Changes")
    page.locator("h1.fl-title").wait_for(timeout=WAIT_MS)
    links = page.locator('[data-testid="stSidebarNav"] a')
    labels = [text.strip() for text in links.all_inner_texts()]
    assert labels[0] == "Map", labels
    assert labels[1:] == [title for _path, title, _url in PAGE_FILES]
    paths = [re.sub(r"^https?://[^/]+", "", links.nth(i).get_attribute("href")) for i in range(7)]
    assert paths == ["/", *(f"/{url}" for _path, _title, url in PAGE_FILES)]
    links.first.click()  # the map again, at the app's root
    wait_for_map(page)
    page.wait_for_url(re.compile(r":\d+/(\?.*)?$"), timeout=WAIT_MS)
    assert page.page_errors == []


@pytest.mark.parametrize("first_visit", ["/Changes", "/"])
def test_a_fresh_server_names_the_map_first_on_its_first_visit(
    page, browser_data, tmp_path, first_visit
):
    # Streamlit runs a pages/ folder in its older mode until st.navigation has run once in the
    # process, so the first visit of a new server is the one that could list "dashboard".
    server = Dashboard(browser_data, tmp_path / "streamlit.log")
    try:
        page.goto(server.url + first_visit)
        page.locator("h1").first.wait_for(timeout=WAIT_MS)
        links = page.locator('[data-testid="stSidebarNav"] a')
        links.first.wait_for(timeout=WAIT_MS)
        assert [text.strip() for text in links.all_inner_texts()][0] == "Map"
        heading = "Changes, day by day" if first_visit == "/Changes" else "Frontline"
        assert heading in page.locator("h1").first.inner_text()
        assert page.page_errors == []
    finally:
        server.stop()


def test_the_map_names_its_larger_places_without_tiles(page, dashboard):
    # The browser tests reach no tile server: the names are the map's own (web.basemap).
    page.goto(dashboard.url + "/?as_of=2022-09-11&source=news")
    wait_for_map(page)
    labels = map_frame(page).locator(".fl-place-label")
    labels.first.wait_for(timeout=WAIT_MS)
    names = labels.all_inner_texts()
    assert "Kharkiv" in names and len(names) == len(set(names)) <= 300, names
    # Zoomed in on Kupiansk (27,000 people: named from zoom 8), its label starts clear of the
    # marker standing at its place.
    page.goto(dashboard.url + "/?as_of=2022-09-11&source=news&center=49.71,37.62&zoom=9")
    wait_for_map(page)
    kupiansk = map_frame(page).locator(".fl-place-label", has_text=re.compile("^Kupiansk$"))
    kupiansk.first.wait_for(timeout=WAIT_MS)
    x, _y = marker_point(page, *KUPIANSK)
    assert kupiansk.first.bounding_box()["x"] >= x + 12


def test_the_whole_map_button_shows_its_whole_name(page, dashboard):
    page.goto(dashboard.url + "/?as_of=2022-09-11")
    wait_for_map(page)
    button = page.get_by_role("button", name="Whole map")
    # Streamlit cuts a label too long for its button with an ellipsis, inside the button.
    clipped = button.evaluate(
        "b => [b, ...b.querySelectorAll('*')].filter(e => e.scrollWidth > e.clientWidth + 1).length"
    )
    assert clipped == 0


def test_play_is_one_button_while_it_plays(page, dashboard):
    page.goto(dashboard.url + "/?as_of=2022-02-24")  # news and the record: many steps
    wait_for_map(page)
    play = page.get_by_role("button", name=re.compile("Play|Pause"))
    play.first.click()
    page.get_by_role("button", name="❚❚ Pause").wait_for(timeout=WAIT_MS)
    for _ in range(6):  # over a few of Play's steps
        assert play.count() == 1, play.all_inner_texts()
        page.wait_for_timeout(700)
    page.get_by_role("button", name="❚❚ Pause").click()
    page.get_by_role("button", name="▶ Play").wait_for(timeout=WAIT_MS)
    assert play.count() == 1


def axe_violations(page) -> list[dict]:
    """axe-core's serious and critical violations on the page and in its frames."""
    for frame in page.frames:
        frame.add_script_tag(path=str(AXE))
    found = page.evaluate(
        "async () => (await axe.run(document, {resultTypes: ['violations']})).violations"
        ".map(v => ({id: v.id, impact: v.impact, nodes: v.nodes.map(n => n.target)}))"
    )
    return [v for v in found if v["impact"] in ("serious", "critical")]


@pytest.mark.parametrize(
    ("path", "ready"),
    [
        ("/?as_of=2022-09-11&place=kupiansk", ".fl-card"),
        ("/Data", '[data-testid="stDataFrame"]'),
        ("/Articles", ".fl-legend"),
        ("/Changes", "h1.fl-title"),
        ("/Add_article", "h1.fl-title"),
        ("/Import", "h1.fl-title"),
        ("/History", "h1.fl-title"),
    ],
)
def test_no_serious_accessibility_violation(page, dashboard, path, ready):
    if not AXE.exists():
        if os.environ.get("CI"):
            pytest.fail(f"{AXE} is missing: .ci/run unpacks axe-core there")
        pytest.skip(f"no axe-core at {AXE} (npm pack axe-core@4 and unpack it there)")
    page.goto(dashboard.url + path)
    page.locator(ready).first.wait_for(timeout=WAIT_MS)
    if path.startswith("/?"):
        wait_for_map(page)
    page.wait_for_timeout(1500)  # the last run's elements settle
    assert axe_violations(page) == []
    assert page.request_log.foreign() == []  # axe came from disk


def test_a_phone_reads_the_map_and_the_passages(browser, dashboard):
    context = browser.new_context(viewport={"width": 390, "height": 844}, has_touch=True)
    page = context.new_page()
    try:
        page.goto(dashboard.url + "/?as_of=2022-09-11")
        wait_for_map(page)
        assert page.evaluate("() => document.documentElement.scrollWidth") <= 390
        frame_box = page.locator(MAP_FRAME).bounding_box()
        assert frame_box["width"] <= 390 and frame_box["height"] >= 300
        assert frame_box["y"] < 844 - 100  # the map shows in the first screen
        play = page.get_by_role("button", name="▶ Play").bounding_box()
        back = page.get_by_role("button", name="◀ Back").bounding_box()
        assert abs(play["y"] - back["y"]) < 5  # the timeline's buttons share one row
        page.locator(MAP_FRAME).scroll_into_view_if_needed()
        x, y = marker_point(page, *KUPIANSK)
        page.mouse.click(x, y)
        card = page.locator(".fl-card").filter(has_text="had entered Kupiansk")
        card.wait_for(timeout=WAIT_MS)
        # The tap brings the place's heading into view: the passages stack below the map.
        page.wait_for_function(
            "() => { const h = document.querySelector('h3.fl-place');"
            " if (!h) return false; const r = h.getBoundingClientRect();"
            " return r.top >= 0 && r.bottom <= window.innerHeight; }",
            timeout=WAIT_MS,
        )
        assert card.bounding_box()["width"] <= 390
    finally:
        context.close()
