"""VIINA's territorial control table, once imported, is a second source of the record beside
Wikipedia's list: its rows are record entries (never imported claims), credited to VIINA with
the ODbL notice wherever shown, drawn and compared as the record is, and told apart from
Wikipedia's entries in the panel, the tables, the Changes page and the downloads."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

from frontline import store
from frontline.export import credits_for
from frontline.importers.batch import make_matcher
from frontline.importers.credits import VIINA_NOTICE
from frontline.importers.maprows import with_imports
from frontline.importers.saved import save_import
from frontline.record.compare import against_record, record_disagreements
from frontline.timeline import claims_table
from frontline.web.changes import change_log_html
from frontline.web.present import claim_card_html
from frontline.web.recordchanges import record_changes
from frontline.web.tables import claims_shown
from tests.conftest import ROOT
from tests.test_pages_apptest import downloads  # noqa: F401 (a fixture)

FIXTURE = Path(__file__).parent / "fixtures" / "import" / "viina_control_record.csv"
TIMEOUT = 120
NOTICE = VIINA_NOTICE.rstrip(".")  # as the issue words it, without the full stop


@pytest.fixture
def viina(data_copy: Path) -> Path:
    """The bundled data with the VIINA control fixture saved: Izium Russian-held on 11
    September 2022 (a day after Wikipedia's list has it Ukrainian), Ukrainian-held on the
    13th; Kupiansk Ukrainian-held on the 11th."""
    result = save_import("viina", [FIXTURE], make_matcher(data_copy), data_copy)
    assert result.added == 3, result.report.problems
    return data_copy


def loaded(root: Path):
    dataset = store.load_dataset(root)
    news, saved = with_imports(claims_table(dataset), root, dataset)
    return dataset, news, saved


def test_the_control_rows_become_record_entries_credited_to_viina(viina):
    _dataset, news, saved = loaded(viina)
    assert not news["claim_id"].str.startswith("viina-control").any()  # no imported claims
    assert not saved.frame["claim_id"].str.startswith("viina-control").any()
    record = saved.record
    assert sorted(record["claim_id"]) == [
        "viina-control-703656-20220911",
        "viina-control-707292-20220911",
        "viina-control-707292-20220913",
    ]
    assert set(record["source"]) == {"record"} and set(record["outlet"]) == {"VIINA"}
    izium = record.set_index("claim_id").loc["viina-control-707292-20220911"]
    assert (izium["place_id"], izium["status"]) == ("izium", "russian")
    assert izium["published"] == pd.Timestamp("2022-09-11")  # the table's day: known then
    assert NOTICE in izium["quote"] and "viina_control_record.csv line 2" in izium["quote"]


def _with_wikipedia(viina: Path) -> pd.DataFrame:
    """The record as the pages have it: Wikipedia's list and VIINA's rows in one table."""
    from frontline.app.ui import _record  # the pages' own reading of data/record/
    from frontline.importers.maprows import in_timeline_order

    dataset, _news, saved = loaded(viina)
    wikipedia, _problems = _record(viina, dataset)
    return in_timeline_order(wikipedia, saved.record)


def test_news_is_compared_with_either_source_and_says_which(viina):
    _dataset, news, _saved = loaded(viina)
    record = _with_wikipedia(viina)
    compared = against_record(news, record).set_index("claim_id")
    # Izium on 11 September: Wikipedia had it Ukrainian from the 10th, VIINA Russian on the
    # 11th, the later entry; the news claim (Ukrainian) disagrees with VIINA.
    assert compared.loc["c0003", "record_outlet"] == "VIINA"
    assert compared.loc["c0003", "record_status"] == "russian"
    flagged = record_disagreements(compared.reset_index())
    assert list(flagged["claim_id"]) == ["c0003"]
    # Kupiansk on 10 September: only Wikipedia's list had spoken.
    assert compared.loc["c0002", "record_outlet"] == "Wikipedia"


def test_the_changes_of_each_source_count_on_their_own(viina):
    record = _with_wikipedia(viina)
    changes = record_changes(record, dt.date(2022, 2, 24))
    viina_changes = changes[changes["outlet"] == "VIINA"]
    # VIINA's first row of a place is where it begins, not a change; its 13 September row is.
    assert list(zip(viina_changes["place_id"], viina_changes["date"], strict=True)) == [
        ("izium", dt.date(2022, 9, 13))
    ]
    # VIINA's Russian-held Izium of the 11th is no change of Wikipedia's list either.
    wikipedia = changes[(changes["outlet"] == "Wikipedia") & (changes["place_id"] == "izium")]
    assert dt.date(2022, 9, 11) not in set(wikipedia["date"])
    html = change_log_html(viina_changes)
    assert "VIINA" in html and "control table row, ODbL" in html and "(revision)" not in html


def test_cards_tables_and_downloads_tell_the_sources_apart(viina):
    record = _with_wikipedia(viina)
    viina_row = record[record["outlet"] == "VIINA"].iloc[0]
    wikipedia_row = record[record["outlet"] == "Wikipedia"].iloc[0]
    viina_card, wikipedia_card = claim_card_html(viina_row), claim_card_html(wikipedia_row)
    assert "in VIINA&#x27;s control table" in viina_card and "Source: VIINA," in viina_card
    assert viina_card.count(NOTICE) == 1 and "(ODbL)" in viina_card
    assert "in Wikipedia&#x27;s list" in wikipedia_card and "Source: Wikipedia," in wikipedia_card
    assert NOTICE not in wikipedia_card and "(CC BY-SA)" in wikipedia_card
    sources = set(claims_shown(record)["Source"])
    assert sources == {"the record (Wikipedia's list)", "the record (VIINA's control table)"}
    assert NOTICE in credits_for(record)
    assert NOTICE not in credits_for(record[record["outlet"] == "Wikipedia"])
    assert "CC BY-SA" in credits_for(record)


def html_of(app: AppTest) -> str:
    return "".join(h.proto.body for h in app.get("html"))


def test_the_map_panel_draws_and_credits_viinas_entries(viina, sent_layers):
    app = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=TIMEOUT)
    app.query_params["as_of"] = "2022-09-11"
    app.query_params["place"] = "izium"
    app.run()
    assert not app.exception
    cards = html_of(app)
    assert "fl-record" in cards and NOTICE in cards
    assert any("VIINA's control table" in c.value for c in app.caption)
    assert any("VIINA's control table" in m.value for m in app.markdown)  # the counts line
    assert not any("fl-imported" in h.proto.body for h in app.get("html"))  # not imported
    # The record's dots name VIINA for the place it decides (Izium's newest entry).
    from tests.test_import_map import drawn

    assert "VIINA" in drawn(sent_layers[-1])


def test_the_data_page_lists_viinas_entries_in_the_record_not_as_imports(viina, downloads):  # noqa: F811
    app = AppTest.from_file(str(ROOT / "pages" / "2_Data.py"), default_timeout=TIMEOUT)
    app.query_params["as_of"] = "2022-09-13"
    app.run()
    assert not app.exception
    tables = [d.value for d in app.dataframe if "Source" in d.value.columns]
    sources = set().union(*(set(t["Source"]) for t in tables))
    assert "the record (VIINA's control table)" in sources
    imported = [d.value for d in app.dataframe if "Data set" in d.value.columns]
    assert not any((t["Data set"] == "VIINA 2.0 territorial control").any() for t in imported)
    assert NOTICE in downloads(app, "download_claims_geojson")


def test_the_changes_page_logs_viinas_changes_with_its_notice(viina):
    app = AppTest.from_file(str(ROOT / "pages" / "3_Changes.py"), default_timeout=TIMEOUT)
    app.run()
    assert not app.exception
    assert any("VIINA's control table" in c.value and NOTICE in c.value for c in app.caption)
    log = html_of(app)
    assert "control table row, ODbL" in log


def test_the_import_page_says_the_control_rows_go_to_the_record(data_copy):
    from tests.test_import_page import PAGE, button, fixture, upload

    app = AppTest.from_file(PAGE, default_timeout=TIMEOUT).run()
    upload(app, "viina", fixture("viina_control_record.csv"))
    button(app, "Preview").click().run()
    assert not app.exception
    assert any(
        "VIINA's control table are saved as a second source of the record" in c.value
        for c in app.caption
    )
    # Event reports of VIINA are claims, and say nothing of the record.
    other = AppTest.from_file(PAGE, default_timeout=TIMEOUT).run()
    upload(other, "viina", fixture("viina_event_info.csv"), fixture("viina_event_labels.csv"))
    button(other, "Preview").click().run()
    assert not any("source of the record" in c.value for c in other.caption)
