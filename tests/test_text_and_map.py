"""Escaping of text that reaches the page, and the Folium map's layers and clicks."""

from __future__ import annotations

import datetime as dt
import re

import pandas as pd
import pytest

from frontline import store, vocab
from frontline.store.boundaries import load_oblast_shapes, point_in_geometry
from frontline.timeline import Filters, TimelineIndex, claims_table
from frontline.web.assets import install_static_assets, leaflet_urls
from frontline.web.canvas import canvas_payload
from frontline.web.mapview import base_map, claims_layer, clicked_place, outlines_json
from frontline.web.present import claim_card_html, legend_html
from frontline.web.text import escape_html, highlight, visible_text
from tests.conftest import DATA_DIR

HOSTILE = "<img src=x onerror=alert(1)>${alert(2)}`\\"


def test_escape_html_covers_template_strings():
    escaped = escape_html(HOSTILE)
    for dangerous in ("<", ">", "${", "`", "\\"):
        assert dangerous not in escaped
    assert "&lt;img" in escaped and "&#36;{" in escaped


def test_highlight_escapes_and_marks():
    html = highlight("a <b> Kupiansk!", [(6, 14, "m")])
    assert html == 'a &lt;b&gt; <mark class="m">Kupiansk</mark>!'
    assert highlight("abc", [(1, 9, "m")]) == "abc"  # beyond the text: ignored


def test_invisible_characters_are_removed():
    assert visible_text("Ku\u200bpiansk\u202e") == "Kupiansk"


@pytest.fixture(scope="module")
def seed_view():
    dataset = store.load_dataset(DATA_DIR)
    shapes, problems = load_oblast_shapes(DATA_DIR)
    assert problems == []
    table = claims_table(dataset)
    return dataset, shapes, table, TimelineIndex(table).state(Filters(as_of=dt.date(2022, 9, 11)))


def test_oblast_shapes_cover_ukraine(seed_view):
    _, shapes, _, _ = seed_view
    assert len(shapes) == 27
    # Kupiansk lies in Kharkiv oblast, Lyman in Donetsk oblast.
    assert point_in_geometry(37.61581, 49.71003, shapes["UA-63"])
    assert point_in_geometry(37.80843, 48.99012, shapes["UA-14"])
    assert not point_in_geometry(37.80843, 48.99012, shapes["UA-63"])


def test_map_uses_the_served_leaflet_only(seed_view):
    dataset, shapes, _, _ = seed_view
    js, css = leaflet_urls("")
    fmap = base_map((49, 37), outlines_json(shapes, dataset.oblasts), js, css)
    html = fmap.get_root().render()
    assert "/app/static/vendor/leaflet/leaflet.js" in html
    assert "cdn.jsdelivr" not in html and "code.jquery" not in html


def test_base_url_path_prefixes_asset_urls():
    assert leaflet_urls("/news/")[0] == "/news/app/static/vendor/leaflet/leaflet.js"


def test_static_assets_are_installed(tmp_path):
    target = install_static_assets(tmp_path)
    assert (target / "leaflet.js").stat().st_size > 100_000
    assert (target / "leaflet.css").exists()
    assert (target / "images" / "layers.png").exists()


def test_claims_layer_draws_a_marker_per_town_and_an_area_per_oblast(seed_view):
    dataset, shapes, _, state = seed_view
    layer = claims_layer(state, shapes, selected="kupiansk")
    kinds = [type(child).__name__ for child in layer._children.values()]
    assert kinds.count("CircleMarker") == 3  # Kupiansk, Izium, Lyman
    assert kinds.count("GeoJson") == 2  # the two oblasts
    markers = [c for c in layer._children.values() if type(c).__name__ == "CircleMarker"]
    radii = sorted(m.options["radius"] for m in markers)
    assert radii[-1] > radii[0]  # the selected place stands out


def test_hostile_names_are_escaped_in_the_map(seed_view):
    _, shapes, _, state = seed_view
    hostile = state.copy()
    hostile.loc[hostile["place_id"] == "izium", "name"] = HOSTILE
    fmap = base_map((49, 37), "", "/l.js", "/l.css")
    claims_layer(hostile, shapes).add_to(fmap)
    html = fmap.get_root().render()
    assert "<img src=x" not in html
    assert "${alert(2)}" not in html


def test_clicked_place(seed_view):
    _, shapes, _, state = seed_view
    assert clicked_place(state, shapes, {"lat": 49.71003, "lng": 37.61581}) == "kupiansk"
    # A click inside Donetsk oblast away from any marker selects the oblast-level claim.
    assert clicked_place(state, shapes, {"lat": 47.9, "lng": 37.9}) == "donetsk-oblast"
    assert clicked_place(state, shapes, {"lat": 50.45, "lng": 30.52}) is None  # Kyiv
    assert clicked_place(state, shapes, None) is None


def test_a_click_on_a_record_dot_inside_a_shaded_oblast_chooses_the_dot(seed_view):
    _, shapes, _, state = seed_view
    # Balakliia, a dot of the record's, lies inside Kharkiv oblast, which a news claim shades.
    record = pd.DataFrame(
        {"place_id": ["balakliia"], "kind": ["town"], "oblast": ["UA-63"]}
        | {"lat": [49.4564], "lon": [36.8389]}
    )
    on_the_dot = {"lat": 49.4564, "lng": 36.8389}  # a circle's click reports its centre
    assert point_in_geometry(36.8389, 49.4564, shapes["UA-63"])
    assert clicked_place(state, shapes, on_the_dot) == "kharkiv-oblast"  # without the record
    assert clicked_place(state, shapes, on_the_dot, record) == "balakliia"
    # Beside the dot, the shaded oblast; a news marker still comes before the record.
    assert clicked_place(state, shapes, {"lat": 49.5, "lng": 36.9}, record) == "kharkiv-oblast"
    kupiansk = {"lat": 49.71003, "lng": 37.61581}
    also_there = record.assign(place_id="other", lat=49.71003, lon=37.61581)
    assert clicked_place(state, shapes, kupiansk, also_there) == "kupiansk"


def test_claim_card_escapes_and_highlights(seed_view):
    _, _, table, _ = seed_view
    row = table[table["claim_id"] == "c0002"].iloc[0].copy()
    html = claim_card_html(row)
    assert '<mark class="fl-mention">Kupiansk</mark>' in html
    assert "Ukrainian forces" in html and "2022-09-10" in html
    row["quote"] = HOSTILE
    row["mention"] = ""
    assert "<img" not in claim_card_html(row)


def test_legend_names_every_status_and_certainty():
    html = legend_html()
    for word in (
        "Ukrainian-held",
        "Russian-held",
        "Contested",
        "confirmed",
        "claimed",
        "unconfirmed",
    ):
        assert word in html


def test_state_frame_has_what_the_map_needs(seed_view):
    *_, state = seed_view
    assert isinstance(state, pd.DataFrame)
    assert {"place_id", "lat", "lon", "kind", "status", "certainty"} <= set(state.columns)


def test_the_legend_tells_every_certainty_apart():
    html = legend_html()
    swatches = {}
    for certainty in vocab.CERTAINTIES:
        end = html.index(f"</span>{certainty}</span>")
        swatch = html[html.rindex('<span class="fl-dot"', 0, end) : end]
        swatches[certainty] = re.search(r"background:([^;]+);border:\S+ (\w+)", swatch).groups()
    assert swatches["confirmed"][1] == "solid"
    assert swatches["denied"][1] == "dotted"  # the map's short dots, as against dashes
    assert len(set(swatches.values())) == len(vocab.CERTAINTIES)
    for certainty in vocab.CERTAINTIES:  # solid in the legend exactly where the map is solid
        assert (swatches[certainty][1] == "solid") == (vocab.CERTAINTY_DASH[certainty] is None)


def test_the_wheel_does_not_zoom_the_map_until_it_is_clicked():
    html = base_map((49, 37), "", "/l.js", "/l.css").get_root().render()
    assert '"scrollWheelZoom": false' in html
    assert "scrollWheelZoom.enable()" in html  # after a click on the map


@pytest.mark.parametrize("selected", [None, "kupiansk"])
def test_every_marker_is_a_touch_target_of_24_px(seed_view, selected):
    _, shapes, _, state = seed_view
    fmap = base_map((49, 37), "", "/l.js", "/l.css")
    layer = claims_layer(state, shapes, selected=selected).add_to(fmap)
    markers = [m for m in layer._children.values() if type(m).__name__ == "CircleMarker"]
    assert len(markers) == 3
    for marker in markers:
        assert 2 * marker.options["radius"] >= 24, marker.options
    # Many places go on one canvas, with the same sizes.
    many = pd.concat([state] * 20, ignore_index=True)
    many["place_id"] = [f"p{i}" for i in range(len(many))]
    assert min(canvas_payload(many, shapes)["radius"]) >= 12
    # Circles that large report the pointer's position, not their centre, unless told to.
    assert "e.latlng = this.getLatLng()" in fmap.get_root().render()


def test_one_pass_elements_are_named_as_branca_names_them():
    """A layer drawn in one pass keeps the name branca would give it: the page's script
    refers to it by that name."""
    from branca.element import MacroElement

    from frontline.web.mapview import _WheelAfterClick

    first, second = _WheelAfterClick(), _WheelAfterClick()
    for element in (first, second):
        assert element.get_name() == MacroElement.get_name(element)
    assert first.get_name() != second.get_name()
