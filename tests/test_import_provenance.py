"""Provenance of saved imported claims where a reader meets them: the map's panel, the Data
page's table and its downloads; hostile text in a data set stays text."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from frontline.importers import CREDITS
from frontline.importers.batch import make_matcher
from frontline.importers.saved import save_import
from tests.conftest import ROOT
from tests.test_pages_apptest import downloads  # noqa: F401 (a fixture)

FIXTURES = Path(__file__).parent / "fixtures" / "import"
HOSTILE = "<img src=x onerror=alert(1)>`${1}`"
TIMEOUT = 60


@pytest.fixture
def imported(data_copy, tmp_path):
    """The data with the ACLED fixture saved, its Kupiansk row's notes made hostile."""
    rows = list(csv.reader(io.StringIO((FIXTURES / "acled.csv").read_text(encoding="utf-8"))))
    notes = rows[0].index("notes")
    rows[1][notes] = f"{rows[1][notes]} {HOSTILE}"
    path = tmp_path / "acled.csv"
    with path.open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle).writerows(rows)
    save_import("acled", [path], make_matcher(data_copy), data_copy)
    return data_copy


def page(name: str, **params: str) -> AppTest:
    app = AppTest.from_file(str(ROOT / name), default_timeout=TIMEOUT)
    for key, value in params.items():
        app.query_params[key] = value
    return app.run()


def test_the_map_panel_shows_imported_claims_with_their_provenance(imported):
    app = page("dashboard.py", as_of="2022-09-11", place="kupiansk")
    assert not app.exception
    cards = "".join(h.proto.body for h in app.get("html") if "fl-imported" in h.proto.body)
    assert "Imported data set" in cards
    assert "From ACLED, acled.csv line 2" in cards
    assert "Armed Conflict Location &amp; Event Data (ACLED)" in cards
    assert "<img src=x" not in cards and "${1}" not in cards
    assert "&lt;img src=x onerror=alert(1)&gt;&#96;&#36;" in cards
    # Before the claim's date, the panel leaves it out.
    early = page("dashboard.py", as_of="2022-09-01", place="kupiansk")
    assert not any("fl-imported" in h.proto.body for h in early.get("html"))


def test_the_data_page_table_and_downloads_keep_the_provenance(imported, downloads):  # noqa: F811
    app = page("pages/2_Data.py", as_of="2022-09-11", source="news")
    assert not app.exception
    (table,) = [d.value for d in app.dataframe if "Data set" in d.value.columns]
    kupiansk = table[table["Place"] == "Kupiansk"].iloc[0]
    assert (kupiansk["Data set"], kupiansk["File"], kupiansk["Row"]) == (
        "ACLED",
        "acled.csv",
        "line 2",
    )
    assert kupiansk["Licence"] == CREDITS["acled"]
    assert kupiansk["Passage"].endswith(HOSTILE)  # as text, in a table that draws no HTML
    assert set(table["Place"]) == {"Kupiansk", "Izium", "Lyman", "Zelenyi Hai Testovyi"}
    # ACLED's terms forbid passing its rows on: the downloads leave them out and say so.
    assert list(csv.DictReader(io.StringIO(downloads(app, "download_imported_csv")))) == []
    assert any("ACLED's 4 row(s) are left out of the downloads" in c.value for c in app.caption)
    assert any("Credits of the imported data sets" in t.value for t in app.text)


def test_the_downloads_carry_each_rows_provenance(data_copy, downloads):  # noqa: F811
    save_import(
        "csv",
        [FIXTURES / "analyst_sheet.csv"],
        make_matcher(data_copy),
        data_copy,
        mapping_file=FIXTURES / "analyst_sheet.toml",
    )
    app = page("pages/2_Data.py", as_of="2022-09-11", source="news")
    (table,) = [d.value for d in app.dataframe if "Data set" in d.value.columns]
    rows = list(csv.DictReader(io.StringIO(downloads(app, "download_imported_csv"))))
    assert len(rows) == len(table) > 0
    assert {(r["dataset"], r["file"]) for r in rows} == {("kharkiv-desk", "analyst_sheet.csv")}
    assert all(
        r["row"].isdigit() and r["licence"] == "CC BY 4.0: credit the Kharkiv desk" for r in rows
    )
    geojson = json.loads(downloads(app, "download_imported_geojson"))
    assert len(geojson["features"]) == len(rows)
    assert geojson["features"][0]["properties"]["dataset"] == "kharkiv-desk"
    assert "credit the Kharkiv desk" in geojson["metadata"]["credits"]
    assert "kharkiv-desk: CC BY 4.0" in downloads(app, "download_imported_readme")


def test_the_data_page_filters_imported_claims_by_the_view(imported):
    app = page("pages/2_Data.py", as_of="2022-09-11", source="news", region="UA-14")
    (table,) = [d.value for d in app.dataframe if "Data set" in d.value.columns]
    assert list(table["Place"]) == ["Lyman"]


def test_the_data_pages_search_looks_through_imported_claims(imported):
    app = page("pages/2_Data.py", as_of="2022-09-11", source="news", q="drone farm")
    (table,) = [d.value for d in app.dataframe if "Data set" in d.value.columns]
    assert list(table["Place"]) == ["Zelenyi Hai Testovyi"]


def test_without_imports_the_data_page_has_no_imported_section(data_copy):
    app = page("pages/2_Data.py", source="news")
    assert not [d for d in app.dataframe if "Data set" in d.value.columns]
