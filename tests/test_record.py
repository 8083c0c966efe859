"""The public record (frontline/record/): the build from the scraped history, the shipped files
in data/record/, their loader and the status-as-of queries.

The scraped history itself (../shared/data/wikipedia-control-of-cities beside the repository,
or $FRONTLINE_RECORD_SOURCE) is large and not in the repository: the tests that rebuild from
it are skipped, with the reason, where it is absent. Everything else runs on the shipped
files and on a small history written here in the scrape's schema.
"""

from __future__ import annotations

import datetime as dt
import gzip
import json
import os
import shutil
from collections import defaultdict
from pathlib import Path

import pytest

from frontline import vocab
from frontline.record import clean
from frontline.record.build import build, main
from frontline.record.files import (
    ENTRIES_FILE,
    MANIFEST_FILE,
    PLACES_FILE,
    RECORD_DIR,
    REPORT_FILE,
)
from frontline.record.load import load_record
from frontline.record.query import NO_ENTRY, RecordIndex, status_as_of
from frontline.record.source import SNAPSHOTS_FILE, VERSIONS_FILE, read_history
from frontline.record.statements import SPLITS, split_of
from frontline.record.textdates import find_date, parse_as_of, statements
from tests.recordhistory import FIXTURE_ROWS, REVISIONS, write_history

ROOT = Path(__file__).resolve().parent.parent
DATA_DIR = ROOT / "data"
STATEMENTS = ROOT / "tests" / "eval" / "record_statements.jsonl"
SHARED = Path(
    os.environ.get("FRONTLINE_RECORD_SOURCE")
    or ROOT.parent / "shared" / "data" / "wikipedia-control-of-cities"
)
needs_history = pytest.mark.skipif(
    not (SHARED / VERSIONS_FILE).exists(),
    reason=f"the scraped history is not at {SHARED} (set FRONTLINE_RECORD_SOURCE)",
)


@pytest.fixture(scope="module")
def fixture_record(tmp_path_factory):
    return build(write_history(tmp_path_factory.mktemp("history")), DATA_DIR)


def _entries_of(record, place_id: str) -> list:
    return [e for e in record.entries if e.place_id == place_id]


def _place_named(record, name: str, oblast: str):
    (place,) = [p for p in record.places if p.name == name and p.oblast == oblast]
    return place


def test_donetsk_pr_is_russian_and_said_so(fixture_record):
    horlivka = _place_named(fixture_record, "Horlivka", "UA-14")
    (entry,) = _entries_of(fixture_record, horlivka.place_id)
    assert (entry.status, entry.held_by) == ("russian", "Donetsk PR")
    assert fixture_record.report.mapped[("Donetsk PR", "russian")] == 1
    assert "'Donetsk PR' -> russian" in fixture_record.report.text()


def test_scrape_errors_are_left_out_and_counted_by_kind(fixture_record):
    left_out = fixture_record.report.left_out
    assert left_out[clean.KIND_DATE] == 1
    assert left_out[clean.KIND_EMPTY] == 1
    assert left_out[clean.KIND_TEXT] == 1
    assert left_out[clean.NOT_A_STATUS["unknown"]] == 1
    assert left_out[clean.KIND_SHIFTED] == 1  # the "Held by" header row of snapshot 5
    assert left_out[clean.KIND_STALE] == 1  # the row only snapshot 3 had
    assert fixture_record.report.snapshots_dropped == {clean.KIND_SHIFTED: 1, clean.KIND_STALE: 1}
    assert sum(left_out.values()) == 6
    # None of them changed a status: Robotyne stayed contested, Horlivka Russian-held.
    robotyne = _place_named(fixture_record, "Robotyne", "UA-23")
    assert [e.status for e in _entries_of(fixture_record, robotyne.place_id)] == ["contested"]


def test_stale_copy_makes_no_change_and_the_editors_date_is_kept(fixture_record):
    kupiansk = _place_named(fixture_record, "Kupiansk", "UA-63")
    entries = _entries_of(fixture_record, kupiansk.place_id)
    assert [e.status for e in entries] == ["russian", "ukrainian"]
    recaptured = entries[1]
    assert recaptured.date == dt.date(2022, 5, 4)
    assert recaptured.date_source == "more_information"
    assert recaptured.date_text == "Recaptured by Ukraine 4 May"
    assert recaptured.recorded_at == dt.datetime(2022, 5, 5, 10, tzinfo=dt.UTC)
    assert recaptured.credit == (
        "Wikipedia, Control of cities during the Russo-Ukrainian War, revision of "
        "5 May 2022 10h00 UTC"
    )
    assert recaptured.passage == "Recaptured by Ukraine 4 May."
    # The first entry's date is the stated capture, before the list existed in the scrape.
    assert (entries[0].date, entries[0].date_source) == (dt.date(2022, 2, 27), "more_information")


def test_an_edit_war_becomes_one_disputed_period(fixture_record):
    lyman = _place_named(fixture_record, "Lyman", "UA-14")
    entries = _entries_of(fixture_record, lyman.place_id)
    assert [(e.status, e.disputed, e.flips) for e in entries] == [
        ("ukrainian", False, 0),
        ("contested", True, 2),
        ("ukrainian", False, 0),
    ]
    assert entries[1].until == entries[2].recorded_at
    assert (fixture_record.report.folded, fixture_record.report.periods) == (2, 1)
    assert status_as_of(fixture_record.entries, lyman.place_id, dt.date(2022, 5, 3)).disputed


def test_same_named_places_are_told_apart_by_coordinates(fixture_record):
    kherson = _place_named(fixture_record, "Andriivka", "UA-65")
    donetsk = _place_named(fixture_record, "Andriivka", "UA-14")
    assert kherson.place_id != donetsk.place_id
    day = dt.date(2022, 5, 20)
    assert status_as_of(fixture_record.entries, kherson.place_id, day).status == "russian"
    assert status_as_of(fixture_record.entries, donetsk.place_id, day).status == "ukrainian"


def test_geonames_join_or_a_new_place_from_the_list(fixture_record):
    kupiansk = _place_named(fixture_record, "Kupiansk", "UA-63")
    assert (kupiansk.source, kupiansk.geonames_id) == ("geonames", 703656)
    assert kupiansk.geonames_km < 1
    robotyne = _place_named(fixture_record, "Robotyne", "UA-23")  # oblast from the polygon
    assert (robotyne.source, robotyne.geonames_id) == ("wikipedia-list", None)
    assert (robotyne.lat, robotyne.lon) == (47.4406, 35.8375)
    assert fixture_record.report.joined + fixture_record.report.added == len(fixture_record.places)


def test_fixture_build_writes_files_that_load_back(tmp_path):
    data = tmp_path / "data"
    shutil.copytree(DATA_DIR, data, ignore=shutil.ignore_patterns(RECORD_DIR))
    source = write_history(tmp_path / "history")
    args = [
        "--source",
        str(source),
        "--data-dir",
        str(data),
        "--statements",
        str(tmp_path / "statements.jsonl"),
    ]
    assert main(args) == 0
    loaded = load_record(data)
    assert loaded.problems == []
    assert len(loaded.places) == 6
    assert main([*args, "--check"]) == 0  # a rerun would change no byte
    items = [json.loads(line) for line in (tmp_path / "statements.jsonl").open()]
    recaptured = [i for i in items if i["text"] == "Recaptured by Ukraine 4 May."]
    assert [(i["status"], i["date"], i["date_precision"]) for i in recaptured] == [
        ("ukrainian", "2022-05-04", "day")
    ]


# --- the inputs, validated ------------------------------------------------------------------


def test_truncated_history_gives_a_problem_and_keeps_the_rows_before(tmp_path):
    source = write_history(tmp_path / "history")
    whole = (source / VERSIONS_FILE).read_bytes()
    (source / VERSIONS_FILE).write_bytes(whole[: len(whole) * 2 // 3])
    snapshots, versions, problems = read_history(source)
    assert len(snapshots) == len(REVISIONS)
    (problem,) = problems
    assert problem.file == VERSIONS_FILE and problem.field == "-"
    assert "truncated" in problem.message
    assert 1 < problem.line <= len(FIXTURE_ROWS) + 1
    assert len(versions) == problem.line - 2  # every complete row before the cut


def test_changed_history_rows_give_problems_by_line_and_field(tmp_path):
    source = write_history(tmp_path / "history")
    text = gzip.decompress((source / VERSIONS_FILE).read_bytes()).decode()
    lines = text.split("\n")
    lines[2] = "x" + lines[2]  # first_snapshot "x0"
    lines[4] = lines[4].replace("6,9,", "9,6,", 1)  # ends before it starts
    (source / VERSIONS_FILE).write_bytes(gzip.compress("\n".join(lines).encode()))
    _, versions, problems = read_history(source)
    assert [(p.file, p.line, p.field) for p in problems] == [
        (VERSIONS_FILE, 3, "first_snapshot"),
        (VERSIONS_FILE, 5, "last_snapshot"),
    ]
    assert len(versions) == len(FIXTURE_ROWS) - 2


def test_history_that_is_not_gzip_is_a_problem_not_a_crash(tmp_path):
    source = write_history(tmp_path / "history")
    (source / SNAPSHOTS_FILE).write_text("snapshot,commit\n1,abc\n")
    snapshots, versions, problems = read_history(source)
    assert (snapshots, versions) == ({}, [])
    assert problems[0].file == SNAPSHOTS_FILE and "gzip" in problems[0].message


@needs_history
def test_truncated_real_history_still_builds(tmp_path):
    source = tmp_path / "history"
    source.mkdir()
    shutil.copy(SHARED / SNAPSHOTS_FILE, source)
    whole = (SHARED / VERSIONS_FILE).read_bytes()
    (source / VERSIONS_FILE).write_bytes(whole[: len(whole) // 2])
    record = build(source, DATA_DIR)
    (problem,) = record.report.problems
    assert problem.file == VERSIONS_FILE and "truncated" in problem.message
    assert 100 < len(record.places) < 700


# --- the shipped files -----------------------------------------------------------------------


@pytest.fixture(scope="module")
def shipped():
    record = load_record(DATA_DIR)
    assert record.problems == []
    return record


@pytest.mark.parametrize(
    ("place_id", "day", "status"),
    [
        ("balakliia", "2022-09-09", "ukrainian"),
        ("balakliia", "2022-09-05", "russian"),
        ("kupiansk", "2022-09-11", "ukrainian"),
        ("kupiansk", "2022-09-09", "russian"),
        ("kherson", "2022-11-12", "ukrainian"),
        ("kherson", "2022-11-10", "russian"),
    ],
)
def test_record_status_of_the_kharkiv_and_kherson_offensives(shipped, place_id, day, status):
    for mode in vocab.MODES:
        entry = status_as_of(shipped.entries, place_id, dt.date.fromisoformat(day), mode)
        assert (entry.status, entry.disputed) == (status, False), mode


def test_the_index_answers_as_status_as_of_does(shipped):
    index = RecordIndex(shipped.entries, shipped.places)
    for day in ("2022-02-23", "2022-03-01", "2022-09-10", "2023-05-20", "2024-08-17"):
        for mode in vocab.MODES:
            day_ = dt.date.fromisoformat(day)
            positions = index.positions(day_, mode)
            for place_id, at in zip(index.place_ids, positions, strict=True):
                expected = status_as_of(shipped.entries, place_id, day_, mode)
                got = None if at == NO_ENTRY else shipped.entries[at]
                assert got == expected, (place_id, day, mode)
            state = index.state_as_of(day_, mode)
            assert len(state) == int((positions != NO_ENTRY).sum())


def test_shipped_places_have_unique_ids_and_sources(shipped):
    places = shipped.places.values()
    assert len({(p.lat, p.lon, p.name) for p in places}) == len(shipped.places)
    assert {p.source for p in places} == {"geonames", "wikipedia-list"}
    by_name = defaultdict(list)
    for place in places:
        by_name[place.name].append(place.place_id)
    assert len(by_name["Andriivka"]) >= 1 and len(by_name["Shevchenkove"]) >= 3


def _copy_record(tmp_path: Path) -> Path:
    data = tmp_path / "data"
    shutil.copytree(DATA_DIR / RECORD_DIR, data / RECORD_DIR)
    return data


def test_a_changed_entry_costs_only_its_row(tmp_path, shipped):
    data = _copy_record(tmp_path)
    path = data / RECORD_DIR / ENTRIES_FILE
    lines = path.read_text(encoding="utf-8").split("\n")
    lines[5] = lines[5].replace(",russian,", ",maybe,").replace(",ukrainian,", ",maybe,")
    lines[5] = lines[5].replace(",contested,", ",maybe,")
    entry_id, _, rest = lines[9].split(",", 2)
    lines[9] = ",".join([entry_id, "nowhere", rest])
    path.write_text("\n".join(lines), encoding="utf-8")
    loaded = load_record(data)
    located = {(p.file, p.line, p.field) for p in loaded.problems}
    assert (ENTRIES_FILE, 6, "status") in located
    assert (ENTRIES_FILE, 10, "place_id") in located
    assert (ENTRIES_FILE, 0, "-") in located  # differs from what the build wrote
    assert len(loaded.entries) == len(shipped.entries) - 2
    assert loaded.places == shipped.places


def test_a_truncated_entries_file_is_reported_and_the_rest_loads(tmp_path, shipped):
    data = _copy_record(tmp_path)
    path = data / RECORD_DIR / ENTRIES_FILE
    text = path.read_text(encoding="utf-8")
    cut = text.index("\n", len(text) // 2) + 10  # in the first field of a row
    path.write_text(text[:cut], encoding="utf-8")
    loaded = load_record(data)
    cut_line = text[:cut].count("\n") + 1
    located = [(p.file, p.line, p.field) for p in loaded.problems]
    assert (ENTRIES_FILE, cut_line, "-") in located  # the half row
    assert (ENTRIES_FILE, 0, "-") in located  # not what the build wrote
    assert len(loaded.entries) == cut_line - 2


def test_rows_cut_at_a_line_break_are_noticed(tmp_path, shipped):
    data = _copy_record(tmp_path)
    path = data / RECORD_DIR / PLACES_FILE
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    path.write_text("".join(lines[:-3]), encoding="utf-8")
    loaded = load_record(data)
    rows = [p for p in loaded.problems if p.file == PLACES_FILE and "rows" in p.message]
    assert rows and f"the build wrote {len(shipped.places)}" in rows[0].message
    assert len(loaded.places) == len(shipped.places) - 3
    # Entries of the places lost are left out, each with its line; the others load.
    assert all(
        p.field == "place_id" for p in loaded.problems if p.file == ENTRIES_FILE and p.line > 0
    )


def test_a_missing_manifest_is_a_problem(tmp_path):
    data = _copy_record(tmp_path)
    (data / RECORD_DIR / MANIFEST_FILE).unlink()
    loaded = load_record(data)
    assert [(p.file, p.message) for p in loaded.problems] == [(MANIFEST_FILE, "file is missing")]
    assert loaded.entries


@needs_history
def test_rebuild_is_byte_identical_to_the_shipped_files(tmp_path):
    data = tmp_path / "data"
    shutil.copytree(DATA_DIR, data, ignore=shutil.ignore_patterns(RECORD_DIR))
    names = (PLACES_FILE, ENTRIES_FILE, MANIFEST_FILE, REPORT_FILE)
    runs = []
    for run in range(2):
        statements_file = tmp_path / f"statements-{run}.jsonl"
        args = [
            "--source",
            str(SHARED),
            "--data-dir",
            str(data),
            "--statements",
            str(statements_file),
        ]
        assert main(args) == 0
        runs.append(
            [(data / RECORD_DIR / n).read_bytes() for n in names] + [statements_file.read_bytes()]
        )
    assert runs[0] == runs[1]
    shipped_bytes = [(DATA_DIR / RECORD_DIR / n).read_bytes() for n in names]
    assert runs[0] == [*shipped_bytes, STATEMENTS.read_bytes()]


# --- the evaluation statements --------------------------------------------------------------


def test_statements_are_split_by_place_and_credited():
    items = [json.loads(line) for line in STATEMENTS.open(encoding="utf-8")]
    splits = defaultdict(set)
    for item in items:
        splits[item["place_id"]].add(item["split"])
        assert item["split"] == split_of(item["place_id"])
        assert item["status"] in vocab.STATUSES and item["text"]
        assert item["licence"] == "CC BY-SA 3.0" and "revision of" in item["source"]
    assert all(len(s) == 1 for s in splits.values())
    assert {item["split"] for item in items} == set(SPLITS)
    balakliia = [i for i in items if i["place_id"] == "balakliia" and i["status"] == "ukrainian"]
    assert balakliia[0]["date"] == "2022-09-08"


# --- the cleaning and date rules, one by one --------------------------------------------------


@pytest.mark.parametrize(
    ("cell", "status", "kind"),
    [
        ("Ukraine", "ukrainian", None),
        ("Russia\n", "russian", None),
        ("Luhansk PR", "russian", None),
        ("Gray zone", "contested", None),
        ("", None, clean.KIND_EMPTY),
        ("30 May 2022", None, clean.KIND_DATE),
        ("Held by", None, clean.KIND_HEADER),
        ("Contested\xa0Ukraine", None, clean.KIND_SEVERAL),
        ("UkraineCite error A <ref> tag is missing", None, clean.KIND_MARKUP),
        ("Awarded Hero City status", None, clean.KIND_TEXT),
    ],
)
def test_held_by_cells(cell, status, kind):
    assert clean.held_by_status(cell) == (status, kind)


def test_dates_as_the_editors_wrote_them():
    recorded = dt.date(2023, 1, 2)
    assert find_date(" 28 December", recorded).start == dt.date(2022, 12, 28)
    stated = find_date(" between around 28 November – 1 December 2022", recorded)
    assert (stated.start, stated.end, stated.precision) == (
        dt.date(2022, 11, 28),
        dt.date(2022, 12, 1),
        "range",
    )
    assert find_date(" early in the war", recorded) is None
    assert find_date(" in 2022", recorded) is None
    assert parse_as_of("22-Apr-22", recorded).start == dt.date(2022, 4, 22)


def test_a_month_before_its_day_keeps_its_year_without_a_comma():
    # "March 1 2022" is 1 March 2022, not 1 March of the revision's year.
    recorded = dt.date(2023, 1, 2)
    assert find_date(" Captured by Russia March 1 2022.", recorded).start == dt.date(2022, 3, 1)
    assert find_date(" Captured by Russia March 1, 2022.", recorded).start == dt.date(2022, 3, 1)
    assert parse_as_of("March 1 2022", recorded).start == dt.date(2022, 3, 1)
    # No year run into the day: "March 12022" is no date.
    assert find_date(" Captured March 12022", recorded) is None
    assert parse_as_of("See Battle of Lyman", recorded) is None
    found = statements(
        "Captured by  Russia 3 March 2022.\nPartially recaptured by Ukraine "
        "5 May 2022. Recaptured by  Ukraine 8 September 2022.",
        recorded,
    )
    assert [(s.status, s.date.start) for s in found] == [
        ("russian", dt.date(2022, 3, 3)),
        ("ukrainian", dt.date(2022, 9, 8)),
    ]


def test_the_record_table_kept_in_the_cache_is_the_one_built_and_follows_the_files(data_copy):
    import pandas as pd

    from frontline.record.claims import TABLE_CACHE, record_claims_table, record_table
    from frontline.store import load_dataset
    from frontline.store.derived import start_tables

    start_tables(data_copy, load_dataset(data_copy))  # the claims cache, whose signature counts
    dataset = load_dataset(data_copy)
    built = record_claims_table(load_record(data_copy), dataset)
    first, problems = record_table(data_copy, dataset)
    assert (data_copy / ".cache" / f"{TABLE_CACHE}.parquet").is_file() and not problems
    again, _ = record_table(data_copy, dataset)
    pd.testing.assert_frame_equal(first, built)
    pd.testing.assert_frame_equal(again, built)
    # An edited record file is read anew, and a record with a problem is not kept.
    entries = data_copy / "record" / "record_entries.csv"
    entries.write_text(entries.read_text(encoding="utf-8") + "broken,row\n", encoding="utf-8")
    edited, problems = record_table(data_copy, dataset)
    assert problems
    pd.testing.assert_frame_equal(edited, record_claims_table(load_record(data_copy), dataset))
    assert record_table(data_copy, dataset)[1] == problems
