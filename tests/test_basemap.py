"""Place-name labels for a map without tiles: filtered by population and zoom, escaped,
the same on every build, and in a browser only a bounded number at a time."""

from __future__ import annotations

import json
import os
from pathlib import Path

import folium
import pytest
import xstatic.pkg.leaflet as xstatic_leaflet

from frontline.store import load_geonames
from frontline.web import basemap
from tests.conftest import DATA_DIR

HOSTILE = '<img src=x onerror="alert(1)">{{7*7}}${x}`'


def row(name: str, population: int, geonameid: int, lat=49.0, lon=31.0) -> dict:
    return {
        "geonameid": geonameid,
        "name": name,
        "latitude": lat,
        "longitude": lon,
        "population": population,
    }


@pytest.fixture(scope="module")
def geonames() -> list[dict]:
    rows, problems = load_geonames(DATA_DIR)
    assert not problems
    return rows


@pytest.mark.parametrize(
    ("population", "zoom"),
    [(2_952_301, 6), (100_000, 6), (99_999, 8), (20_000, 8), (19_999, 10), (5_000, 10)],
)
def test_the_larger_the_place_the_earlier_it_is_named(population, zoom):
    assert basemap.label_min_zoom(population) == zoom


@pytest.mark.parametrize("population", [4_999, 0])
def test_small_places_are_never_named(population):
    assert basemap.label_min_zoom(population) is None


def test_payload_of_the_extract_filters_by_population(geonames):
    payload = basemap.place_labels_payload(geonames)
    by_name = dict(zip(payload["names"], payload["minZoom"], strict=True))
    assert by_name["Kyiv"] == 6 and by_name["Kharkiv"] == 6
    expected = {
        zoom: sum(1 for r in geonames if basemap.label_min_zoom(r["population"]) == zoom)
        for _, zoom in basemap.LABEL_TIERS
    }
    assert {z: payload["minZoom"].count(z) for z in expected} == expected
    assert len(payload["names"]) == sum(expected.values()) < len(geonames)
    assert len(payload["lat"]) == len(payload["lon"]) == len(payload["names"])


def test_payload_is_largest_first_and_the_same_whatever_the_order(geonames):
    payload = basemap.place_labels_payload(geonames)
    assert payload["names"][0] == "Kyiv"
    again = basemap.place_labels_payload(list(reversed(geonames)))
    assert json.dumps(again) == json.dumps(payload)
    # Ties in population are ordered by GeoNames id.
    tied = basemap.place_labels_payload([row("B", 30_000, 2), row("A", 30_000, 1)])
    assert tied["names"] == ["A", "B"]


def test_custom_tiers():
    rows = [row("Big", 60_000, 1), row("Small", 15_000, 2)]
    payload = basemap.place_labels_payload(rows, tiers=((50_000, 7),))
    assert payload["names"] == ["Big"] and payload["minZoom"] == [7]


def test_names_are_escaped_in_the_payload_and_the_page():
    payload = basemap.place_labels_payload([row(HOSTILE, 50_000, 1)])
    name = payload["names"][0]
    for raw in ("<", ">", '"', "{", "}", "$", "`"):
        assert raw not in name
    fmap = folium.Map(tiles=None)
    basemap.place_labels_layer([row(HOSTILE, 50_000, 1)]).add_to(fmap)
    html = fmap.get_root().render()
    assert "<img src=x" not in html and "{{7*7}}" not in html
    assert "&#123;&#123;7*7&#125;&#125;" in html  # kept as text, not run by Jinja
    assert name in html
    assert "GeoNames (CC BY 4.0)" in html


BROWSER_PAGE = """<!DOCTYPE html><html><head>
<link rel="stylesheet" href="{css}"><script src="{js}"></script></head>
<body style="margin:0"><div id="map" style="width:1200px;height:800px"></div>
<script>var map = L.map("map", {{zoomControl: false}}).setView([48.5, 31.5], 6);</script>
{labels}</body></html>"""


def labels_page(tmp_path: Path, rows: list[dict]) -> Path:
    """A page with Leaflet and the label layer alone (its header, html and script)."""
    fmap = folium.Map(tiles=None)
    layer = basemap.PlaceLabels(basemap.place_labels_payload(rows))
    layer.add_to(fmap)
    root = fmap.get_root()
    root.render()
    own = layer.get_name()
    parts = [
        child.render()
        for part in (root.header, root.script)
        for name, child in part._children.items()
        if name == own
    ]
    script = parts[-1].replace(fmap.get_name(), "map")
    base = Path(xstatic_leaflet.BASE_DIR)
    page = BROWSER_PAGE.format(
        css=(base / "leaflet.css").as_uri(),
        js=(base / "leaflet.js").as_uri(),
        labels=parts[0] + f"<script>{script}</script>",
    )
    path = tmp_path / "labels.html"
    path.write_text(page, encoding="utf-8")
    return path


def shown(page) -> int:
    page.wait_for_function(
        "() => document.querySelector('.leaflet-placeLabels-pane[data-labels-shown]')"
    )
    count = page.locator(".fl-place-label").count()
    assert count == int(
        page.locator(".leaflet-placeLabels-pane").get_attribute("data-labels-shown")
    )
    return count


@pytest.mark.browser
def test_browser_shows_few_labels_at_a_time(browser, tmp_path, geonames):
    rows = [*geonames, row(HOSTILE, 3_000_000, 1, lat=48.6, lon=31.6)]
    page = browser.new_page(viewport={"width": 1200, "height": 800})
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(labels_page(tmp_path, rows).as_uri())
    at_country = shown(page)
    major = sum(1 for r in rows if r["population"] >= 100_000)
    assert 10 < at_country <= major
    # The hostile name is shown as text, not run or rendered as an image.
    assert page.locator(".fl-place-label img").count() == 0
    assert page.get_by_text(HOSTILE, exact=True).count() == 1
    # Closer in, smaller places appear, but only those in view: still a few dozen nodes.
    page.evaluate("() => map.setView([48.0, 37.8], 9, {animate: false})")
    page.wait_for_function(
        "() => map.getZoom() === 9 && document.querySelector('.fl-place-label:not(.fl-major)')"
    )
    close_in = shown(page)
    assert 5 < close_in <= basemap.MAX_LABELS
    assert close_in < sum(1 for r in rows if r["population"] >= 20_000) / 3
    # No two labels overlap.
    boxes = page.evaluate(
        "() => [...document.querySelectorAll('.fl-place-label')].map(e => {"
        " const r = e.getBoundingClientRect(); return [r.left, r.top, r.right, r.bottom]; })"
    )
    assert len(boxes) == close_in
    for i, a in enumerate(boxes):
        for b in boxes[i + 1 :]:
            assert a[2] <= b[0] or b[2] <= a[0] or a[3] <= b[1] or b[3] <= a[1], (a, b)
    # Labels take no clicks: the map beneath them gets them.
    assert (
        page.evaluate(
            "() => getComputedStyle(document.querySelector('.leaflet-placeLabels-pane'))"
            ".pointerEvents"
        )
        == "none"
    )
    assert not errors
    page.close()


def test_the_lean_read_gives_the_labels_the_full_check_gives(geonames):
    lean = basemap.label_rows(DATA_DIR / "geonames_ua.csv")
    assert basemap.place_labels_payload(lean) == basemap.place_labels_payload(geonames)


def test_the_lean_read_leaves_out_rows_it_cannot_read(tmp_path):
    path = tmp_path / "geonames_ua.csv"
    path.write_text(
        "geonameid,name,latitude,longitude,population,alternatenames\n"
        "1,Kupiansk,49.71,37.61,27169,\n"
        "2,Broken,north,37.6,30000,\n"
        "3,,49.0,37.0,30000,\n"
        "x,Nameless id,49.0,37.0,30000,\n",
        encoding="utf-8",
    )
    assert [r["name"] for r in basemap.label_rows(path)] == ["Kupiansk"]
    assert basemap.label_rows(tmp_path / "missing.csv") == []
    (tmp_path / "other.csv").write_text("a,b\n1,2\n", encoding="utf-8")
    assert basemap.label_rows(tmp_path / "other.csv") == []


def test_the_lean_read_reads_only_what_the_loader_would(tmp_path):
    """The labels read the extract through the loader's file checks: a folder or a FIFO in
    its place is not read (and does not hang the start)."""
    assert basemap.label_rows(tmp_path) == []
    fifo = tmp_path / "geonames_ua.csv"
    os.mkfifo(fifo)
    assert basemap.label_rows(fifo) == []


def test_labels_use_the_projects_romanisation_not_geonames_names(geonames):
    names = basemap.place_labels_payload(geonames)["names"]
    assert "Kupiansk" in names and "Balakliia" in names and "Izium" in names
    assert not {"Kupyansk", "Balakliya", "Izyum"} & set(names)


def test_the_labels_kept_in_the_cache_are_those_built_and_follow_the_extract(tmp_path):
    path = tmp_path / "geonames_ua.csv"
    path.write_text(
        "geonameid,name,latitude,longitude,population,alternatenames\n"
        "1,Kupiansk,49.71,37.61,27169,\n",
        encoding="utf-8",
    )
    built = basemap.js_data(basemap.place_labels_payload(basemap.label_rows(path)))
    assert basemap.place_labels_json(tmp_path, ("stamp", 1)) == built
    kept = tmp_path / ".cache" / f"{basemap.LABELS_CACHE}.parquet"
    assert kept.is_file()
    path.write_text(
        "geonameid,name,latitude,longitude,population,alternatenames\n2,Izium,49.21,37.25,45000,\n",
        encoding="utf-8",
    )
    # The same stamp reads the kept labels; a new one (an edited extract) builds them anew.
    assert basemap.place_labels_json(tmp_path, ("stamp", 1)) == built
    edited = basemap.place_labels_json(tmp_path, ("stamp", 2))
    assert "Izium" in edited and "Kupiansk" not in edited
    kept.write_bytes(b"not parquet")
    assert basemap.place_labels_json(tmp_path, ("stamp", 2)) == edited
