"""Finding a place on the map page: the search box, the Place box and the link fly the map
there (the centre and zoom handed to the map, and the link), and a control resets it."""

from __future__ import annotations

import pytest
import streamlit_folium
from streamlit.testing.v1 import AppTest

from tests.conftest import ROOT

TIMEOUT = 60
KUPIANSK = (49.71003, 37.61581)


@pytest.fixture
def views(monkeypatch: pytest.MonkeyPatch) -> list[tuple]:
    """The (centre, zoom) the page hands the map, one per run."""
    runs: list[tuple] = []

    def record(*_args, center=None, zoom=None, **_kwargs):
        runs.append((center, zoom))
        return {}

    monkeypatch.setattr(streamlit_folium, "st_folium", record)
    return runs


def open_map(**params: str) -> AppTest:
    app = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=TIMEOUT)
    for name, value in params.items():
        app.query_params[name] = value
    return app.run()


def near(center, point, tolerance=1e-4) -> bool:
    return abs(center[0] - point[0]) < tolerance and abs(center[1] - point[1]) < tolerance


def find(app: AppTest, query: str) -> AppTest:
    return app.text_input(key="find_place").input(query).run()


def info(app: AppTest) -> str:
    return " ".join(i.value for i in app.info)


def test_a_cyrillic_spelling_selects_the_place_and_flies_there(views):
    app = open_map()
    assert not near(views[-1][0], KUPIANSK)
    find(app, "Купянськ")
    assert not app.exception
    assert app.session_state["place"] == "kupiansk"
    center, zoom = views[-1]
    assert near(center, KUPIANSK) and zoom >= 11
    assert app.query_params["place"] == "kupiansk"
    lat, lon = (float(x) for x in app.query_params["center"].split(","))
    assert near((lat, lon), KUPIANSK) and int(app.query_params["zoom"]) == zoom


def test_a_place_without_a_claim_is_flown_to_and_says_so(views):
    app = find(open_map(), "Pisochyn")
    assert "No claim about Pisochyn up to 2022-09-11" in info(app)
    assert app.session_state["place"] is None
    center, _ = views[-1]
    assert 49.9 < center[0] < 50.1 and 36.0 < center[1] < 36.2


def test_a_place_of_the_map_without_a_claim_by_the_date_says_so(views):
    app = find(open_map(as_of="2022-02-24"), "Бахмут")
    assert app.session_state["place"] == "bakhmut"
    assert "No claim about Bakhmut up to 2022-02-24" in info(app)


def test_an_unknown_name_says_nothing_was_found(views):
    app = find(open_map(), "Atlantis")
    assert any("No place in the gazetteer" in c.value for c in app.caption)


def test_the_place_box_and_the_link_fly_the_map(views):
    app = open_map(place="kupiansk")
    assert near(views[-1][0], KUPIANSK)
    next(s for s in app.selectbox if s.label == "Place").select("izium").run()
    assert near(views[-1][0], (49.21, 37.26), tolerance=0.1)


def test_the_link_s_centre_and_zoom_are_the_map_s_and_the_reset_leaves_them(views):
    app = open_map(center="49.5,36.5", zoom="9")
    assert near(views[-1][0], (49.5, 36.5)) and views[-1][1] == 9
    next(b for b in app.button if b.label == "Whole map").click().run()
    assert views[-1][1] == 7
    assert "center" not in app.query_params


def test_a_bad_centre_in_the_link_falls_back_with_a_notice(views):
    app = open_map(center="north", zoom="9")
    assert any("'center'" in w.value for w in app.warning)
    assert views[-1][1] == 7
