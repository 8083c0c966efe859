"""The places on the map as a list beside it: a keyboard reaches each one, named as its
marker's tooltip is, and choosing one selects it as a click on its marker does."""

from __future__ import annotations

import pandas as pd
import pytest
import streamlit_folium
from streamlit.testing.v1 import AppTest

from frontline.app.placelist import LIST_MAX, markdown_text, place_entries
from tests.conftest import ROOT

TIMEOUT = 60


@pytest.fixture
def no_map(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(streamlit_folium, "st_folium", lambda *_a, **_k: {})


def test_choosing_a_place_from_the_list_selects_it_and_shows_its_passages(no_map):
    app = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=TIMEOUT)
    app.query_params["source"] = "news"
    app.run()
    assert not app.exception
    assert not [b for b in app.button if (b.key or "").startswith("on_map_")]
    app.toggle(key="place_list").set_value(True).run()
    assert app.toggle(key="place_list").label == "List the places on the map (5)"
    button = app.button(key="on_map_kupiansk")
    assert button.label == "Kupiansk — Ukrainian\\-held \\(claimed\\)"
    assert app.session_state["place"] is None
    button.click().run()
    assert app.session_state["place"] == "kupiansk"
    assert app.query_params["place"] == "kupiansk"
    cards = "".join(h.proto.body for h in app.get("html") if 'class="fl-card"' in h.proto.body)
    assert "Ukrainian forces said on Saturday they had entered" in cards


def test_the_list_names_news_places_then_the_records_and_stops_at_its_limit():
    state = pd.DataFrame(
        {
            "place_id": ["b", "a"],
            "name": ["Izium", "Balakliia"],
            "status": ["ukrainian", "russian"],
            "certainty": ["unconfirmed", "confirmed"],
        }
    )
    record = pd.DataFrame(
        {"place_id": ["a", "c"], "name": ["Balakliia", "Lyman"], "status": ["russian"] * 2}
    )
    assert place_entries(state, record) == [
        ("a", "Balakliia — Russian-held (confirmed)"),
        ("b", "Izium — Ukrainian-held (unconfirmed)"),
        ("c", "Lyman — Russian-held (Wikipedia's list)"),
    ]
    assert markdown_text("**x** [y](z) :red[w] $1") == (
        "\\*\\*x\\*\\* \\[y\\]\\(z\\) \\:red\\[w\\] \\$1"
    )
    assert LIST_MAX <= 50


def test_the_bundled_map_lists_its_first_places_and_points_to_the_place_box(no_map):
    app = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=TIMEOUT).run()
    app.toggle(key="place_list").set_value(True).run()
    assert not app.exception
    keys = [b.key for b in app.button if (b.key or "").startswith("on_map_")]
    assert len(keys) == LIST_MAX
    assert any("more: type a name in the Place box" in c.value for c in app.caption)
