"""A place an imported data set speaks for does not look like news: the map draws it as a
diamond (on the canvas layer), and the legend says what the diamond is."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import folium
import pandas as pd
import pytest

from frontline import store
from frontline.importers.batch import make_matcher
from frontline.importers.maprows import is_imported, with_imports
from frontline.importers.saved import save_import
from frontline.store.boundaries import load_oblast_shapes
from frontline.timeline import Filters, TimelineIndex, claims_table
from frontline.web.canvas import canvas_payload
from frontline.web.mapview import claims_layer
from frontline.web.present import legend_html
from tests.test_importers import FIXTURES

SEPT_11 = dt.date(2022, 9, 11)


def state_of(root: Path, day: dt.date = SEPT_11) -> pd.DataFrame:
    dataset = store.load_dataset(root)
    table, _shown = with_imports(claims_table(dataset), root, dataset)
    return TimelineIndex(table).state(Filters(as_of=day))


@pytest.fixture
def with_acled(data_copy: Path) -> Path:
    save_import("acled", [FIXTURES / "acled.csv"], make_matcher(data_copy), data_copy)
    return data_copy


def rendered(layer: folium.FeatureGroup) -> str:
    fmap = folium.Map(tiles=None)
    layer.add_to(fmap)
    return fmap.get_root().render()


def test_the_canvas_marks_each_place_an_import_decides_and_no_other(with_acled):
    state = state_of(with_acled)
    shapes, _ = load_oblast_shapes(with_acled)
    payload = canvas_payload(state, shapes)
    is_area = (state["kind"] == "oblast") & state["oblast"].isin(shapes)
    points = state[~is_area].reset_index(drop=True)
    expected = sorted(points.index[is_imported(points)])
    assert expected, "the ACLED fixture decides some place by 11 September"
    assert payload["imported"] == expected
    names = {payload["names"][i] for i in payload["imported"]}
    assert "Zelenyi Hai Testovyi" in names  # known only from the import
    news_decided = set(points.loc[~is_imported(points), "name"])
    assert news_decided and not names & news_decided  # decided by news articles


def test_a_map_with_imported_places_draws_them_as_diamonds(with_acled):
    shapes, _ = load_oblast_shapes(with_acled)
    html = rendered(claims_layer(state_of(with_acled), shapes))
    assert "new Diamond(" in html and "data-imported-drawn" in html
    assert '"imported": [' in html or '"imported":[' in html


def test_the_tooltip_and_the_place_list_say_a_diamond_is_an_imported_data_sets(with_acled):
    from frontline.app.placelist import place_entries

    state = state_of(with_acled)
    payload = canvas_payload(state, {})
    assert payload["importedNote"] == "imported data set"
    html = rendered(claims_layer(state, {}))
    assert '(imported[i] ? " — " + data.importedNote : "")' in html
    entries = dict(place_entries(state, state.iloc[0:0]))
    zelenyi = state.loc[state["name"] == "Zelenyi Hai Testovyi", "place_id"].iloc[0]
    assert entries[zelenyi].endswith(" — imported data set")
    news = state.loc[~is_imported(state), "place_id"]
    assert not any(entries[p].endswith("imported data set") for p in news)


def test_news_alone_keeps_its_circles(data_copy):
    shapes, _ = load_oblast_shapes(data_copy)
    state = state_of(data_copy)
    assert canvas_payload(state, {})["imported"] == []
    html = rendered(claims_layer(state, shapes))
    assert "new Diamond(" not in html  # few places, no import: one SVG circle each
    assert "L.circleMarker(" in html


def test_the_legend_names_the_diamond_only_when_one_is_drawn():
    assert "diamond: an imported data set" in legend_html(imported=True)
    assert "fl-diamond" in legend_html(imported=True)
    assert "diamond: an imported" not in legend_html()
    assert "diamond: an imported" not in legend_html(record="VIINA's control table")
