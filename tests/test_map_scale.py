"""The map with many places: one canvas layer instead of an element per marker, the same
styles and tooltips, clicks that still select a place, and no text run as a template."""

from __future__ import annotations

import json

import pytest
import streamlit_folium
from streamlit.testing.v1 import AppTest

from frontline import store, synthetic, vocab
from frontline.store.boundaries import display_shapes, load_oblast_shapes
from frontline.timeline import Filters, TimelineIndex, claims_table, date_bounds
from frontline.web.canvas import ClaimsCanvas, canvas_payload
from frontline.web.leaflet import map_text
from frontline.web.mapview import (
    INDIVIDUAL_MARKERS_MAX,
    base_map,
    claims_layer,
    clicked_place,
    outlines_json,
)
from frontline.web.markers import assessment_note, marker_style
from tests.conftest import DATA_DIR, ROOT

TEMPLATE_CODE = "X{{ 7 * 7 }}Y{% if true %}Z{% endif %}"


@pytest.fixture(scope="module")
def large(tmp_path_factory: pytest.TempPathFactory):
    """A generated data set of 1,000 claims and the state of its places at the end."""
    directory = synthetic.generate(tmp_path_factory.mktemp("large") / "data", 1_000).directory
    table = claims_table(store.load_dataset(directory))
    shapes = display_shapes(load_oblast_shapes(directory)[0])
    state = TimelineIndex(table).state(Filters(as_of=date_bounds(table)[1]))
    return directory, shapes, state


def payload_of(layer) -> dict:
    (canvas,) = layer._children.values()
    assert isinstance(canvas, ClaimsCanvas)
    return json.loads(canvas.data)


def test_many_places_are_one_canvas_layer(large):
    _, shapes, state = large
    towns = state[state["kind"] != "oblast"]
    assert len(towns) > INDIVIDUAL_MARKERS_MAX
    data = payload_of(claims_layer(state, shapes))
    assert len(data["lat"]) == len(towns)
    assert len(data["areas"]) == (state["kind"] == "oblast").sum()
    first = towns.iloc[0]
    style = data["styles"][data["status"][0] * len(vocab.CERTAINTIES) + data["certainty"][0]]
    assert style == marker_style(first["status"], first["certainty"])
    assert data["names"][0] == first["name"]


def test_the_canvas_carries_each_place_s_assessment(large):
    """The tooltip's "N sources, ..." and the disputed ring, as the canvas draws them."""
    _, shapes, state = large
    towns = state[state["kind"] != "oblast"].reset_index(drop=True)
    data = canvas_payload(state, shapes)
    assert data["disputed"] == towns.index[towns["disputed"]].tolist()
    for i in (0, len(towns) // 2, len(towns) - 1):
        assert data["notes"][data["note"][i]] == map_text(assessment_note(towns.loc[i]))
    assert len(data["notes"]) < len(towns)  # each distinct note once


def test_a_few_places_stay_individual_circle_markers(large):
    _, shapes, state = large
    few = state[state["kind"] != "oblast"].head(INDIVIDUAL_MARKERS_MAX)
    kinds = {type(child).__name__ for child in claims_layer(few, shapes)._children.values()}
    assert kinds == {"CircleMarker"}


def test_the_selected_place_is_marked_in_the_payload(large):
    _, shapes, state = large
    towns = state[state["kind"] != "oblast"].reset_index(drop=True)
    data = canvas_payload(state, shapes, selected=towns.loc[7, "place_id"])
    assert data["selected"] == 7
    assert canvas_payload(state, shapes, selected=None)["selected"] == -1


def test_a_click_on_a_canvas_marker_selects_its_place(large):
    """Leaflet reports the coordinates it was given; they must come back unchanged."""
    _, shapes, state = large
    data = payload_of(claims_layer(state, shapes))
    towns = state[state["kind"] != "oblast"].reset_index(drop=True)
    for i in (0, len(towns) // 2, len(towns) - 1):
        click = {"lat": data["lat"][i], "lng": data["lon"][i]}
        assert clicked_place(state, shapes, click) == towns.loc[i, "place_id"]


@pytest.mark.parametrize("many", [False, True], ids=["circle markers", "canvas"])
def test_names_are_not_run_as_templates(large, many):
    _, shapes, state = large
    count = INDIVIDUAL_MARKERS_MAX + 1 if many else 3
    hostile = state[state["kind"] != "oblast"].head(count).copy()
    hostile["name"] = TEMPLATE_CODE
    fmap = base_map((49, 37), outlines_json(shapes, {"UA-14": TEMPLATE_CODE}), "/l.js", "/l.css")
    claims_layer(hostile, shapes).add_to(fmap)
    html = fmap.get_root().render()
    assert "X49Y" not in html and "YZ" not in html
    assert "X&#123;&#123; 7 * 7 &#125;&#125;Y" in html


def test_outlines_are_drawn_once_and_not_clickable():
    shapes, _ = load_oblast_shapes(DATA_DIR)
    html = base_map((49, 37), outlines_json(shapes, {}), "/l.js", "/l.css").get_root().render()
    assert html.count("L.geoJson(") == 1
    assert '"interactive":false' in html.replace(" ", "") or "interactive: false" in html
    for code in shapes:
        assert f'"iso_3166_2":"{code}"' in html


def test_the_page_selects_a_place_clicked_on_the_canvas(large, monkeypatch):
    """The dashboard with a simulated click at a canvas marker's reported coordinates."""
    directory, shapes, state = large
    monkeypatch.setenv(store.DATA_DIR_ENV, str(directory))
    sent: list[dict] = []
    towns = state[state["kind"] != "oblast"].reset_index(drop=True)

    def map_component(*_args, **kwargs):
        groups = kwargs["feature_group_to_add"]
        sent.append(payload_of(groups[-1] if isinstance(groups, list) else groups))
        point = {"lat": sent[0]["lat"][3], "lng": sent[0]["lon"][3]}
        return {"last_object_clicked": point}

    monkeypatch.setattr(streamlit_folium, "st_folium", map_component)
    app = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=60).run()
    assert not app.exception
    assert app.session_state["place"] == towns.loc[3, "place_id"]
    assert sent[-1]["selected"] == 3  # and the map draws it as selected


def test_a_disputed_oblast_is_marked_on_the_canvas(large):
    _, shapes, state = large
    state = state.copy()
    areas = state.index[(state["kind"] == "oblast") & state["oblast"].isin(shapes)]
    state.loc[areas, "disputed"] = False
    state.loc[areas[0], "disputed"] = True
    data = canvas_payload(state, shapes)
    assert [a["disputed"] for a in data["areas"]].count(True) == 1
    assert data["disputedAreaDash"]
