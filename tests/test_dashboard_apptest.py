"""The map page as a user drives it: slider, filters, URL, a click on a marker."""

from __future__ import annotations

import csv
import datetime as dt

import pytest
import streamlit_folium
from streamlit.testing.v1 import AppTest

from tests.conftest import ROOT

D = dt.date
TIMEOUT = 60


def open_dashboard(**params: str) -> AppTest:
    app = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=TIMEOUT)
    for name, value in params.items():
        app.query_params[name] = value
    return app.run()


def counts(app: AppTest) -> str:
    return next(m.value for m in app.markdown if "shown as of" in m.value)


def panel(app: AppTest) -> str:
    return "".join(h.proto.body for h in app.get("html") if 'class="fl-card"' in h.proto.body)


def widget(elements, label: str):
    return next(e for e in elements if e.label == label)


def test_opens_on_the_latest_date_with_every_place():
    app = open_dashboard()
    assert not app.exception
    assert widget(app.slider, "Map as of").value == D(2022, 9, 11)
    assert counts(app).startswith("5 places and 6 claims shown as of 2022-09-11")
    assert app.query_params["as_of"] == "2022-09-11"


def test_moving_the_slider_changes_the_map_and_the_link():
    app = open_dashboard()
    widget(app.slider, "Map as of").set_value(D(2022, 3, 15)).run()
    assert counts(app).startswith("2 places and 2 claims shown as of 2022-03-15")
    assert app.query_params["as_of"] == "2022-03-15"


def test_side_panel_reads_the_passages_of_the_selected_place():
    app = open_dashboard()
    widget(app.selectbox, "Place").set_value("kupiansk").run()
    text = panel(app)
    assert 'entered <mark class="fl-mention">Kupiansk</mark>' in text
    assert "fell within the first week" in text
    assert text.index("Ukrainian-held") < text.index("Russian-held")  # newest first
    assert app.query_params["place"] == "kupiansk"


def test_side_panel_stops_at_the_slider_date():
    app = open_dashboard(as_of="2022-03-15", place="kupiansk")
    text = panel(app)
    assert "fell within the first week" in text
    assert "had entered" not in text


def test_a_copied_link_reproduces_the_view():
    first = open_dashboard()
    widget(first.slider, "Map as of").set_value(D(2022, 3, 15)).run()
    widget(first.multiselect, "Region (oblast)").select("UA-63").run()
    widget(first.selectbox, "Place").set_value("kupiansk").run()
    link = dict(first.query_params.items())
    again = open_dashboard(**link)
    assert widget(again.slider, "Map as of").value == D(2022, 3, 15)
    assert widget(again.multiselect, "Region (oblast)").value == ["UA-63"]
    assert widget(again.selectbox, "Place").value == "kupiansk"
    assert counts(again) == counts(first)


def test_bad_link_values_fall_back_with_a_notice():
    app = open_dashboard(as_of="not-a-date", place="../../etc/passwd", region="UA-99")
    assert not app.exception
    warnings = " ".join(w.value for w in app.warning)
    assert "not a date" in warnings and "not in the gazetteer" in warnings
    assert "UA-99" in warnings
    assert widget(app.slider, "Map as of").value == D(2022, 9, 11)


def test_region_status_and_certainty_filters():
    app = open_dashboard()
    widget(app.multiselect, "Region (oblast)").select("UA-14").run()
    assert counts(app).startswith("2 places and 2 claims")
    app = open_dashboard()
    widget(app.multiselect, "Certainty").select("unconfirmed").run()
    assert counts(app).startswith("1 place and 1 claim")
    app = open_dashboard()
    widget(app.multiselect, "Status").select("ukrainian").run()
    assert counts(app).startswith("2 places and 3 claims")


def test_what_was_known_mode():
    app = open_dashboard(as_of="2022-03-15")
    widget(app.radio, "Timeline shows").set_value("known").run()
    assert counts(app).startswith("0 places and 0 claims")
    assert any(
        "No article in the data was published by 2022-03-15: the first came out on "
        "2022-09-11" in i.value
        for i in app.info
    )
    widget(app.slider, "Map as of").set_value(D(2022, 9, 11)).run()
    assert counts(app).startswith("5 places and 6 claims")
    assert not any("No article in the data" in i.value for i in app.info)


def test_date_range_filter():
    app = open_dashboard()
    widget(app.date_input, "Claims dated to").set_value(D(2022, 9, 1)).run()
    assert counts(app).startswith("2 places and 2 claims")
    assert app.query_params["to"] == "2022-09-01"


def test_previous_and_next_claim_dates():
    app = open_dashboard(as_of="2022-03-15", source="news")
    next(b for b in app.button if "Next" in b.label).click().run()
    assert widget(app.slider, "Map as of").value == D(2022, 9, 10)
    next(b for b in app.button if "Back" in b.label).click().run()
    assert widget(app.slider, "Map as of").value == D(2022, 2, 24)


def test_play_steps_through_the_dates_and_stops_at_the_end():
    app = open_dashboard(as_of="2022-02-24", source="news")
    next(b for b in app.button if "Play" in b.label).click().run()
    assert widget(app.slider, "Map as of").value == D(2022, 9, 11)
    assert app.session_state["playing"] is False
    assert any("Play" in b.label for b in app.button)


def click_on_kupiansk(*_args, **_kwargs):
    """The map's report after a click on Kupiansk; it goes on reporting it on later runs."""
    return {"last_object_clicked": {"lat": 49.71003, "lng": 37.61581}}


def test_clicking_a_marker_selects_its_place(monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setattr(streamlit_folium, "st_folium", click_on_kupiansk)
    app = open_dashboard()
    assert widget(app.selectbox, "Place").value == "kupiansk"
    assert "entered" in panel(app)


def test_a_place_chosen_after_a_click_holds_while_the_map_repeats_that_click(
    monkeypatch: pytest.MonkeyPatch,
):
    monkeypatch.setattr(streamlit_folium, "st_folium", click_on_kupiansk)
    app = open_dashboard()
    widget(app.selectbox, "Place").select("izium").run()
    app.run()  # a slider move or any other rerun: the same click is reported again
    assert widget(app.selectbox, "Place").value == "izium"
    assert "official confirmation" in panel(app)


def test_clicking_a_record_dot_inside_a_shaded_oblast_selects_the_dot(
    monkeypatch: pytest.MonkeyPatch,
):
    with (ROOT / "data" / "record" / "record_places.csv").open(encoding="utf-8") as f:
        balakliia = next(row for row in csv.DictReader(f) if row["place_id"] == "balakliia")
    click = {"lat": float(balakliia["lat"]), "lng": float(balakliia["lon"])}
    monkeypatch.setattr(
        streamlit_folium, "st_folium", lambda *_a, **_k: {"last_object_clicked": click}
    )
    # On 2022-09-11 a news claim shades Kharkiv oblast, around Balakliia's record dot.
    app = open_dashboard(as_of="2022-09-11")
    assert widget(app.selectbox, "Place").value == "balakliia"


def test_broken_data_shows_the_valid_part_and_what_was_left_out(data_copy):
    claims = data_copy / "claims.csv"
    claims.write_text(
        claims.read_text(encoding="utf-8").replace(",claimed,", ",sure,", 1), encoding="utf-8"
    )
    app = open_dashboard()
    assert not app.exception
    assert counts(app).startswith("5 places and 5 claims")
    assert any("problem(s) in the data files" in e.label for e in app.expander)


def test_empty_data_directory_gives_a_readable_page(data_copy):
    for name in ("claims.csv", "places.csv"):
        (data_copy / name).unlink()
    app = open_dashboard()
    assert not app.exception
    assert any("no claims" in i.value for i in app.info)


def test_edited_data_is_picked_up_on_the_next_run(data_copy):
    app = open_dashboard()
    assert counts(app).startswith("5 places and 6 claims")
    claims = data_copy / "claims.csv"
    lines = claims.read_text(encoding="utf-8").splitlines(keepends=True)
    claims.write_text("".join(line for line in lines if ",izium," not in line), encoding="utf-8")
    app.run()
    assert counts(app).startswith("4 places and 5 claims")


def test_a_selected_place_that_the_filters_hide_says_so():
    app = open_dashboard(place="kupiansk", status="russian")
    assert any("0 places and 0 claims shown" in m.value for m in app.markdown)
    assert any("this place is not on the map" in i.value for i in app.info)
    assert "had entered" in panel(app)  # its claims are still there to read
    shown = open_dashboard(place="kupiansk")
    assert not any("this place is not on the map" in i.value for i in shown.info)
