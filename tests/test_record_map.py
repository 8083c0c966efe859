"""The record on the map page as a user meets it: hundreds of places under the news, the
Source filter and its link, a record place's panel, the steps of the timeline, the
estimated line of contact."""

from __future__ import annotations

import datetime as dt
import json
import re
import threading

import folium
import pandas as pd
from streamlit.testing.v1 import AppTest

from frontline import vocab
from frontline.app import controlui
from frontline.app.ui import _load, _signature
from frontline.store.boundaries import load_oblast_shapes
from frontline.timeline import Filters
from frontline.web import contact
from frontline.web.canvas import ClaimsCanvas
from tests.conftest import ROOT

TIMEOUT = 60
RECORD = ROOT / "data" / "record"


def open_dashboard(**params: str) -> AppTest:
    app = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=TIMEOUT)
    for name, value in params.items():
        app.query_params[name] = value
    app.run()
    assert not app.exception, app.exception
    return app


def counts(app: AppTest) -> str:
    return next(m.value for m in app.markdown if "shown as of" in m.value)


def record_places_shown(app: AppTest) -> int:
    found = re.search(r"Under them, (\d+) places", counts(app))
    return int(found.group(1)) if found else 0


def panel(app: AppTest) -> str:
    return "".join(h.proto.body for h in app.get("html") if 'class="fl-card' in h.proto.body)


def record_places_as_of(day: str) -> int:
    """Places with an entry dated on or before `day`, read straight from the shipped CSV."""
    entries = pd.read_csv(RECORD / "record_entries.csv", dtype=str)
    places = pd.read_csv(RECORD / "record_places.csv", dtype=str).dropna(subset=["oblast"])
    dated = entries[entries["date"] <= day]
    return dated.loc[dated["place_id"].isin(places["place_id"]), "place_id"].nunique()


def test_first_load_shows_the_news_over_hundreds_of_record_places():
    app = open_dashboard()
    assert counts(app).startswith("5 places and 6 claims shown as of 2022-09-11")
    shown = record_places_shown(app)
    assert shown >= 300
    assert shown == record_places_as_of("2022-09-11")
    slider = next(s for s in app.slider if s.label == "Map as of")
    span = [dt.datetime.fromtimestamp(t / 1e6, dt.UTC).date() for t in (slider.min, slider.max)]
    assert span == [dt.date(2022, 2, 24), dt.date(2024, 8, 17)]


def test_the_source_filter_shows_one_kind_and_is_kept_in_the_link():
    app = open_dashboard()
    assert any("small dot: the record" in h.value for h in app.html)
    source = next(r for r in app.radio if r.label == "Source")
    source.set_value("news").run()
    assert record_places_shown(app) == 0
    assert not any("small dot: the record" in h.value for h in app.html)
    assert app.query_params["source"] == "news"
    source.set_value("record").run()
    assert counts(app).startswith("0 places and 0 claims")
    assert record_places_shown(app) >= 300
    assert app.query_params["source"] == "record"


def test_a_bad_source_in_the_link_falls_back_with_a_notice():
    app = open_dashboard(source="rumour")
    assert any("'source'" in w.value and "rumour" in w.value for w in app.warning)
    assert record_places_shown(app) >= 300


def test_a_record_place_shows_its_entries_as_the_record_not_as_news():
    app = open_dashboard(as_of="2022-09-12")
    next(s for s in app.selectbox if s.label == "Place").set_value("balakliia").run()
    text = panel(app)
    assert "The record" in text and "Wikipedia, Control of cities" in text
    assert "CC BY-SA" in text
    newest = text.index("fl-record")
    assert "Ukrainian-held" in text[newest : newest + 600]  # Balakliia by 2022-09-09


def test_next_stops_at_record_dates_too():
    entries = pd.read_csv(RECORD / "record_entries.csv", dtype=str)
    after = sorted(d for d in entries["date"] if d > "2022-03-15")[0]
    app = open_dashboard(as_of="2022-03-15")
    next(b for b in app.button if "Next" in b.label).click().run()
    assert next(s for s in app.slider if s.label == "Map as of").value.isoformat() == after


def contact_layers(groups: list[folium.FeatureGroup]) -> list[folium.FeatureGroup]:
    return [g for g in groups if g.layer_name.startswith(contact.LAYER_NAME)]


def test_the_line_of_contact_is_drawn_as_an_estimate_and_switches_off(sent_layers):
    app = open_dashboard()
    (line,) = contact_layers(sent_layers[-1])
    assert "estimate" in line.layer_name.lower()
    next(c for c in app.checkbox if c.label == "Estimated line of contact").uncheck().run()
    assert not contact_layers(sent_layers[-1])


def record_drawn(groups: list[folium.FeatureGroup]) -> list[tuple[str, str]]:
    """(name, status) of each record place the map's canvas draws (names may repeat:
    villages of one name)."""
    claims = next(g for g in groups if g.layer_name == "Claims")
    (canvas,) = (c for c in claims._children.values() if isinstance(c, ClaimsCanvas))
    record = json.loads(canvas.data)["record"]
    return [
        (name, vocab.STATUSES[code])
        for name, code in zip(record["names"], record["status"], strict=True)
    ]


def line_drawn(groups: list[folium.FeatureGroup]) -> list[dict]:
    (line,) = contact_layers(groups)
    return [child.data for child in line._children.values()]


def test_a_slider_move_redraws_the_record_and_the_line_as_of_the_new_date(sent_layers):
    app = open_dashboard(as_of="2022-09-11")
    september, september_line = record_drawn(sent_layers[-1]), line_drawn(sent_layers[-1])
    assert dict(september)["Izium"] == "ukrainian"  # retaken on 2022-09-10
    slider = next(s for s in app.slider if s.label == "Map as of")
    slider.set_value(dt.date(2022, 3, 15)).run()
    march = record_drawn(sent_layers[-1])
    assert dict(march)["Izium"] == "contested"  # the list's entry of 2022-03-08
    assert len(march) == record_places_as_of("2022-03-15") < len(september)
    assert line_drawn(sent_layers[-1]) != september_line
    # Back to September: what was drawn for it, drawn again (kept, not stale).
    next(s for s in app.slider if s.label == "Map as of").set_value(dt.date(2022, 9, 11)).run()
    assert record_drawn(sent_layers[-1]) == september
    assert line_drawn(sent_layers[-1]) == september_line


def test_an_edited_record_entry_is_drawn_on_the_next_run(data_copy, sent_layers):
    app = open_dashboard(as_of="2022-09-11")
    assert dict(record_drawn(sent_layers[-1]))["Izium"] == "ukrainian"
    before = line_drawn(sent_layers[-1])
    entries = data_copy / "record" / "record_entries.csv"
    text = entries.read_text(encoding="utf-8")
    retaken = "izium@2022-09-10T1129Z,izium,ukrainian,"
    assert retaken in text
    # The same number of rows, one status changed: the map must not keep the old drawing.
    entries.write_text(text.replace(retaken, retaken.replace("ukrainian", "russian")), "utf-8")
    app.run()
    assert dict(record_drawn(sent_layers[-1]))["Izium"] == "russian"
    assert line_drawn(sent_layers[-1]) != before


def test_the_line_for_every_record_date_is_made_ahead_and_kept_for_the_next_start(
    sent_layers, data_copy, monkeypatch
):
    open_dashboard()  # on data_copy, whose .cache has no estimates yet
    for thread in threading.enumerate():
        if thread.name == contact.AHEAD_THREAD:
            thread.join(timeout=TIMEOUT)
    assert (data_copy / ".cache" / f"{controlui.CONTACT_CACHE}.parquet").is_file()
    # A new start reads them back: it makes no estimate, and the line it draws at a date
    # not shown before is the one estimate_contact makes.
    _load.clear()
    make = contact.estimate_contact
    monkeypatch.setattr(contact, "estimate_contact", lambda *_args: 1 / 0)
    app = open_dashboard(as_of="2022-09-11")
    may = dt.date(2022, 5, 3)
    next(s for s in app.slider if s.label == "Map as of").set_value(may).run()
    assert not app.exception
    geometries = [f["geometry"] for d in line_drawn(sent_layers[-1]) for f in d["features"]]
    (drawn,) = [g for g in geometries if g["type"] == "MultiLineString"]
    record = _load(str(data_copy), _signature(data_copy)).record_index.state(Filters(as_of=may))
    places = list(zip(record["lat"], record["lon"], record["status"], strict=True))
    outline = contact.ukraine_outline(load_oblast_shapes(data_copy)[0])
    assert drawn == make(places, outline).line
