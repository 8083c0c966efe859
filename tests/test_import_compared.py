"""Imported claims where the news claims go besides the map: the Changes page's log, the
comparison with the record (news against Wikipedia's list) and with the control maps. Each
test fails if the imported rows broke those pages or vanished from them."""

from __future__ import annotations

from pathlib import Path

import folium
import pytest
from streamlit.testing.v1 import AppTest

from frontline import control, store
from frontline.app.ui import _record
from frontline.control import CONTROL_DIR_ENV, load_control_files
from frontline.importers.batch import make_matcher
from frontline.importers.maprows import with_imports
from frontline.importers.saved import save_import
from frontline.record.compare import against_record, record_disagreements
from frontline.store.boundaries import load_oblast_shapes
from frontline.timeline import claims_table
from frontline.web.changes import change_log, change_log_html
from frontline.web.controlview import RECORD_RING_LAYER
from tests.conftest import ROOT
from tests.controlmaps import deepstate_files, write_files
from tests.test_importers import FIXTURES

TIMEOUT = 120
# ACLED's fixture: Russian forces took Lyman in the week of 26 May 2022 (Wikipedia's list had
# it Ukrainian-held); Ukraine regained Kupiansk on 10 September (the control map of the 8th
# shows it Russian-held).
LYMAN = "acled-UKR90003"
KUPIANSK = "acled-UKR90001"
ACLED_CLAIMANT = "Ministry of Defence of Ukraine"  # the Kupiansk row's `source`


@pytest.fixture
def with_acled(data_copy: Path) -> Path:
    save_import("acled", [FIXTURES / "acled.csv"], make_matcher(data_copy), data_copy)
    return data_copy


def tables(root: Path):
    dataset = store.load_dataset(root)
    news, _shown = with_imports(claims_table(dataset), root, dataset)
    record, _problems = _record(root, dataset)
    return dataset, news, record


def run(page: str, **params: str) -> AppTest:
    app = AppTest.from_file(str(ROOT / page), default_timeout=TIMEOUT)
    for key, value in params.items():
        app.query_params[key] = value
    app.run()
    assert not app.exception, app.exception
    return app


# --- the Changes page ---------------------------------------------------------------------


def test_the_change_log_keeps_imported_changes_and_says_where_they_come_from(with_acled):
    _dataset, news, _record_table = tables(with_acled)
    log = change_log(news)
    lyman = log[log["claim_id"] == LYMAN]
    assert len(lyman) == 1 and lyman.iloc[0]["status"] == "russian"
    html = change_log_html(lyman)
    assert "ACLED" in html and "(imported data set)" in html
    assert "(revision)" not in html and "source=record" not in html


def test_the_changes_page_lists_the_imported_change(with_acled):
    app = run("pages/3_Changes.py")
    log = "".join(h.proto.body for h in app.get("html") if "fl-day" in h.proto.body)
    day = log[log.index('id="day-2022-05-23"') :].split("</section>")[0]
    assert "Lyman" in day and "ACLED, 2022-09-12 (imported data set)" in day


# --- news against the record ----------------------------------------------------------------


def test_imported_claims_are_compared_with_the_record(with_acled):
    _dataset, news, record = tables(with_acled)
    compared = against_record(news, record).set_index("claim_id")
    assert compared.loc[KUPIANSK, "record_status"] == "ukrainian"  # agrees
    assert compared.loc[LYMAN, "record_status"] == "ukrainian"
    assert compared.loc[LYMAN, "record_outlet"] == "Wikipedia"
    assert LYMAN in set(record_disagreements(compared.reset_index())["claim_id"])


def test_the_map_rings_and_the_data_page_lists_an_imported_disagreement(with_acled, sent_layers):
    run("dashboard.py", as_of="2022-05-30")
    (rings,) = [g for g in sent_layers[-1] if g.layer_name == RECORD_RING_LAYER]
    (geojson,) = [c for c in rings._children.values() if isinstance(c, folium.GeoJson)]
    texts = [f["properties"]["text"] for f in geojson.data["features"]]
    assert any("Lyman" in t and "Wikipedia&#x27;s list had Ukrainian" in t for t in texts)

    data_page = run("pages/2_Data.py", as_of="2022-05-30")
    (table,) = [d.value for d in data_page.dataframe if "Record shows" in d.value.columns]
    lyman = table[table["Place"] == "Lyman"]
    assert list(lyman["Outlet"]) == ["ACLED"]
    assert list(lyman["Record source"]) == ["Wikipedia's list"]


# --- claims against the control maps -------------------------------------------------------


@pytest.fixture
def control_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = write_files(tmp_path / "control", deepstate_files())
    monkeypatch.setenv(CONTROL_DIR_ENV, str(folder))
    return folder


def test_imported_claims_are_compared_with_the_control_maps(with_acled, control_dir):
    _dataset, news, _record_table = tables(with_acled)
    shapes, _ = load_oblast_shapes(with_acled)
    maps = load_control_files(deepstate_files(), source=str(control_dir))
    compared = control.compare_claims(maps, news, shapes)
    flagged = control.disagreements(compared)
    assert KUPIANSK in set(flagged["claim_id"])
    assert "c0002" in set(flagged["claim_id"])  # the news claim of the same day, still there

    app = run("pages/2_Data.py")
    (table,) = [d.value for d in app.dataframe if "Control map shows" in d.value.columns]
    kupiansk = table[table["Place"] == "Kupiansk"]
    assert ACLED_CLAIMANT in set(kupiansk["Claimant"])
    assert set(kupiansk["Control map shows"]) == {"Russian-held"}
