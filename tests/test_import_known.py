""" "What was known on this date" counts an imported claim from the day its data set knew it:
ACLED's `timestamp`, GDELT's DATEADDED, the day of a VIINA row, a mapped CSV column, else the
day the import was saved; never from the day the event is about."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pandas as pd

from frontline import store, vocab
from frontline.importers.batch import iter_claims, make_matcher
from frontline.importers.maprows import with_imports
from frontline.importers.model import ImportReport, ReadContext
from frontline.importers.saved import IMPORTS_DIR, save_import
from frontline.timeline import Filters, TimelineIndex, claims_table
from frontline.web.imported import in_view
from tests.test_importers import FIXTURES, read

# 1663000000, the ACLED fixture's timestamp, is 2022-09-12 16:26:40 UTC.
ACLED_KNEW = dt.date(2022, 9, 12)


def test_the_importers_read_when_their_data_set_knew_each_row():
    acled, _ = read("acled", "acled.csv")
    assert acled["acled-UKR90001"].date == dt.date(2022, 9, 10)
    assert acled["acled-UKR90001"].known == ACLED_KNEW
    gdelt, _ = read("gdelt", "gdelt.export.tsv")
    assert {c.known for c in gdelt.values()} >= {dt.date(2022, 9, 10), dt.date(2022, 9, 11)}
    assert all(c.known == c.date for c in gdelt.values())  # added on the day, in the fixture
    viina, _ = read("viina", "viina_control.csv")
    assert all(c.known == c.date for c in viina.values())
    timemap, _ = read("timemap", "timemap.json")
    assert timemap and all(c.known is None for c in timemap.values())


def test_a_mapped_known_column_is_read_and_checked(tmp_path):
    sheet = tmp_path / "sheet.csv"
    sheet.write_text(
        "Row;Settlement;Lat;Lon;Date;Logged;Control\n"
        "A1;Kupiansk;49.71;37.6158;10.09.2022;14.09.2022;UA\n"
        "A2;Izyum;49.2066;37.2768;11.09.2022;01.09.2022;RU\n"
        "A3;Izyum;49.2066;37.2768;11.09.2022;;RU\n",
        encoding="utf-8",
    )
    mapping = (FIXTURES / "analyst_sheet.toml").read_text(encoding="utf-8")
    mapping = mapping.replace('event = "What happened"\n', "").replace(
        'certainty = "Confidence"\nclaimant = "Who says"\npassage = "Quote"\nsource_url = "Link"\n',
        'known = "Logged"\n',
    )
    mapping += '\n[defaults]\ncertainty = "claimed"\nclaimant = "desk"\n'
    (tmp_path / "sheet.toml").write_text(mapping, encoding="utf-8")
    report = ImportReport()
    context = ReadContext(today=dt.date(2026, 1, 1), mapping=tmp_path / "sheet.toml")
    claims = {c.claim_id: c for c in iter_claims("csv", [sheet], report, context)}
    assert claims["kharkiv-desk-A1"].known == dt.date(2022, 9, 14)
    assert claims["kharkiv-desk-A3"].known is None  # the day of the save, once saved
    assert "kharkiv-desk-A2" not in claims  # known before the day it is about
    assert [(p.line, p.field) for p in report.problems] == [(3, "known")]


def _saved(data_copy: Path, fmt: str, name: str) -> tuple[pd.DataFrame, pd.DataFrame]:
    save_import(fmt, [FIXTURES / name], make_matcher(data_copy), data_copy)
    dataset = store.load_dataset(data_copy)
    table, shown = with_imports(claims_table(dataset), data_copy, dataset)
    return table, shown.frame


def _counted(table: pd.DataFrame, day: dt.date, mode: str) -> set[str]:
    state = TimelineIndex(table).state(Filters(as_of=day, mode=mode))
    return set(state["claim_id"])


def test_known_mode_counts_an_acled_claim_from_its_timestamp(data_copy):
    table, frame = _saved(data_copy, "acled", "acled.csv")
    row = table.set_index("claim_id").loc["acled-UKR90001"]
    assert row["published"] == pd.Timestamp(ACLED_KNEW)
    sept_11 = dt.date(2022, 9, 11)
    assert "acled-UKR90001" in _counted(table, sept_11, vocab.MODE_HAPPENED)
    assert "acled-UKR90001" not in _counted(table, sept_11, vocab.MODE_KNOWN)
    assert "acled-UKR90001" in _counted(table, ACLED_KNEW, vocab.MODE_KNOWN)
    # The panel's and the Data page's list of imported claims read it the same way.
    known = in_view(frame, Filters(as_of=sept_11, mode=vocab.MODE_KNOWN))
    happened = in_view(frame, Filters(as_of=sept_11, mode=vocab.MODE_HAPPENED))
    assert "acled-UKR90001" in set(happened["claim_id"])
    assert "acled-UKR90001" not in set(known["claim_id"])


def test_without_a_known_day_the_claim_is_known_from_the_save(data_copy):
    table, frame = _saved(data_copy, "timemap", "timemap.json")
    imported = table[table["claim_id"].str.startswith("timemap")]
    assert not imported.empty
    (saved_file,) = (data_copy / IMPORTS_DIR).glob("timemap-*.csv")
    stamp = saved_file.name.split("-")[1][:8]
    saved_day = pd.Timestamp(dt.datetime.strptime(stamp, "%Y%m%d"))
    assert set(imported["published"]) == {saved_day}
    assert set(frame["known"]) == {saved_day}


def test_a_file_saved_before_the_known_column_reads_as_known_from_its_save(data_copy):
    _saved(data_copy, "acled", "acled.csv")
    (saved_file,) = (data_copy / IMPORTS_DIR).glob("acled-*.csv")
    old = pd.read_csv(saved_file, dtype=str, keep_default_na=False).drop(columns="known")
    older = saved_file.with_name("acled-20250101T000000-0ld0f11e.csv")
    saved_file.unlink()
    old.to_csv(older, index=False)
    dataset = store.load_dataset(data_copy)
    table, shown = with_imports(claims_table(dataset), data_copy, dataset)
    rows = table[table["claim_id"].str.startswith("acled")]
    assert not rows.empty and set(rows["published"]) == {pd.Timestamp("2025-01-01")}
    assert not shown.problems
