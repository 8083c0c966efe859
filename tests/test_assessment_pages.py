"""The assessment on the pages: the map's panel and legend, the Changes page's log and the
exports, on the seed with a dispute, an admission and a shelling added (tests/assessdata)."""

from __future__ import annotations

import datetime as dt
import io
import json

import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

from frontline import store
from frontline.cli import main as cli_main
from frontline.timeline import claims_table
from frontline.web.changes import DISPUTED, FIRST, change_log, change_sentence
from tests.assessdata import add_assessment_claims
from tests.conftest import ROOT

TIMEOUT = 60


@pytest.fixture
def assessed_data(data_copy):
    add_assessment_claims(data_copy)
    assert store.load_dataset(data_copy).problems == []
    return data_copy


def open_dashboard(**params: str) -> AppTest:
    app = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=TIMEOUT)
    for name, value in params.items():
        app.query_params[name] = value
    return app.run()


def html_of(app: AppTest) -> str:
    return "".join(h.proto.body for h in app.get("html"))


def test_the_panel_gives_the_assessment_and_groups_the_claims(assessed_data):
    app = open_dashboard(as_of="2022-09-11", place="lyman")
    assert not app.exception
    page = html_of(app)
    assert (
        "Assessed: Contested, claimed — 1 source, the Russian side; "
        "disputed with Ukrainian-held." in page
    )
    # Grouped by what they support: the assessed status first, newest first in each.
    contested = page.index("Supports Contested (1 claim)")
    ukrainian = page.index("Supports Ukrainian-held (1 claim)")
    assert contested < ukrainian
    assert page.index("Denis Pushilin", contested) < ukrainian


def test_an_event_is_listed_apart_and_leaves_the_status(assessed_data):
    app = open_dashboard(as_of="2022-09-11", place="kupiansk")
    assert not app.exception
    page = html_of(app)
    assert "Assessed: Ukrainian-held, claimed — 1 source, the Ukrainian side." in page
    events = page.index("Events: no status (1 claim)")
    assert "Serhiy Haidai" in page[events:]
    assert page.index("Supports Ukrainian-held") < events


def test_an_admission_stays_strong_in_the_panel(assessed_data):
    app = open_dashboard(as_of="2022-09-11", place="izium")
    page = html_of(app)
    assert "Assessed: Ukrainian-held, confirmed — 2 sources, the Russian side and others; " in page
    assert "an admission by the side that loses it." in page


def test_the_legend_names_the_disputed_look_and_the_events():
    app = open_dashboard()
    legend = next(h.proto.body for h in app.get("html") if "Legend" in h.proto.body)
    assert "dotted outer ring: disputed" in legend
    assert "only events" in legend


def test_the_change_log_follows_the_assessment(assessed_data):
    log = change_log(claims_table(store.load_dataset(assessed_data)))
    izium = log[log["place_id"] == "izium"]
    assert list(izium["kind"]) == [FIRST]  # "no official confirmation" changes nothing
    assert "admission" in change_sentence(izium.iloc[0])
    lyman = log[log["place_id"] == "lyman"]
    assert list(lyman["kind"]) == [FIRST, DISPUTED]
    assert change_sentence(lyman.iloc[1]).startswith(
        "Lyman: disputed: Contested (claimed) against Ukrainian-held"
    )
    assert "a003" not in set(log["claim_id"])  # the shelling of Kupiansk


def test_the_export_carries_the_assessment(assessed_data, capsys, monkeypatch):
    monkeypatch.setattr("sys.argv", ["frontline"])
    code = cli_main(["export", "--as-of", "2022-09-11", "--format", "csv"])
    assert code == 0
    rows = pd.read_csv(io.StringIO(capsys.readouterr().out), keep_default_na=False)
    by_place = rows.set_index("place_id")
    assert bool(by_place.loc["lyman", "disputed"]) is True
    assert by_place.loc["lyman", "assessed_status"] == "contested"
    assert by_place.loc["izium", "assessed_certainty"] == "confirmed"
    assert by_place.loc["izium", "sides"] == "russian,neither"
    assert int(by_place.loc["izium", "sources"]) == 2
    code = cli_main(["export", "--as-of", "2022-09-11"])
    features = json.loads(capsys.readouterr().out)["features"]
    lyman = next(f["properties"] for f in features if f["properties"]["place_id"] == "lyman")
    assert (lyman["disputed"], lyman["disputed_with"]) == (True, "ukrainian")


def test_the_data_page_shows_the_assessment_beside_every_claim(assessed_data):
    app = AppTest.from_file(str(ROOT / "pages" / "2_Data.py"), default_timeout=TIMEOUT)
    app.query_params["as_of"] = "2022-09-11"
    app.run()
    assert not app.exception
    shown = app.dataframe[0].value.set_index("Claim")
    assert shown.loc["a001", "Assessed status"] == "Contested"  # Lyman's, as of the date
    assert bool(shown.loc["a001", "Disputed"]) is True
    assert shown.loc["a003", "Assessed status"] == "Ukrainian-held"  # Kupiansk's
    assert dt.date(2022, 9, 11) in set(shown["Date"])
