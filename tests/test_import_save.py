"""Saving imports through the commit: provenance on every row, new places, a second save
adding nothing, places saved earlier found again, refusals that leave nothing behind, and
saved rows validated on reading."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest

from frontline.importers import CREDITS
from frontline.importers.batch import make_matcher
from frontline.importers.credits import VIINA_NOTICE
from frontline.importers.saved import import_files, load_saved, save_import
from frontline.store import load_dataset
from frontline.store.save import CommitError
from tests.conftest import DATA_DIR

FIXTURES = Path(__file__).parent / "fixtures" / "import"
TODAY = dt.date(2026, 1, 1)


@pytest.fixture
def data(tmp_path):
    target = tmp_path / "data"
    shutil.copytree(DATA_DIR, target)
    return target


def save(data: Path, fmt: str, *names: str, **options):
    return save_import(
        fmt, [FIXTURES / n for n in names], make_matcher(data), data, today=TODAY, **options
    )


def test_saved_claims_carry_their_provenance_and_new_places_their_source(data):
    result = save(data, "acled", "acled.csv")
    assert (result.added, result.already, result.commit.added) == (4, 0, True)
    dataset = load_dataset(data)
    assert not dataset.problems
    assert result.commit.new_places == ["zelenyi-hai-testovyi"]
    saved = load_saved(data, dataset.places)
    assert not saved.problems
    rows = {r["claim_id"]: r for r in saved.rows}
    kupiansk = rows["acled-UKR90001"]
    assert (kupiansk["dataset"], kupiansk["file"], kupiansk["row"], kupiansk["unit"]) == (
        "ACLED",
        "acled.csv",
        "2",
        "line",
    )
    assert kupiansk["licence"] == CREDITS["acled"]
    assert (kupiansk["place_id"], kupiansk["place_match"]) == ("kupiansk", "coordinates and name")
    new = rows["acled-UKR90005"]
    assert new["place_id"] == "zelenyi-hai-testovyi"
    assert new["place_match"] == "new place, from ACLED, acled.csv line 6"
    assert rows["acled-UKR90002"]["status"] == "" and rows["acled-UKR90002"]["event"] == "shelled"


def test_a_second_save_adds_nothing_and_writes_no_file(data):
    save(data, "acled", "acled.csv")
    before = {p: p.read_bytes() for p in [*import_files(data), data / "places.csv"]}
    again = save(data, "acled", "acled.csv")
    assert (again.added, again.already, again.commit.added) == (0, 4, False)
    assert "nothing added" in again.message
    assert {p: p.read_bytes() for p in [*import_files(data), data / "places.csv"]} == before
    assert not [p for p in (data / "imports").iterdir() if p.name.endswith(".tmp")]


def test_a_place_saved_by_an_earlier_import_is_not_added_twice(data):
    stale = make_matcher(data)  # built before the first save added the new place
    save(data, "acled", "acled.csv")
    (data / "imports" / next(iter(import_files(data))).name).unlink()  # the claims go again
    again = save_import("acled", [FIXTURES / "acled.csv"], stale, data, today=TODAY)
    assert again.added == 4 and again.commit.new_places == []
    places = load_dataset(data).places
    assert [p for p in places if p.startswith("zelenyi-hai-testovyi")] == ["zelenyi-hai-testovyi"]


def test_every_format_saves(data):
    for fmt, names, options in (
        ("gdelt", ("gdelt.export.tsv",), {}),
        ("viina", ("viina_event_info.csv", "viina_event_labels.csv", "viina_control.csv"), {}),
        ("timemap", ("timemap.json",), {}),
        ("geoconfirmed", ("geoconfirmed.json",), {}),
        ("csv", ("analyst_sheet.csv",), {"mapping_file": FIXTURES / "analyst_sheet.toml"}),
    ):
        result = save(data, fmt, *names, **options)
        assert result.added, (fmt, result.message)
    dataset = load_dataset(data)
    assert not dataset.problems
    saved = load_saved(data, dataset.places)
    assert not saved.problems
    assert {r["dataset"] for r in saved.rows} >= {"TimeMap", "GeoConfirmed", "kharkiv-desk"}
    assert all(r["licence"] and r["file"] and r["row"] for r in saved.rows)
    viina = [r for r in saved.rows if r["dataset"].startswith("VIINA")]
    assert viina and all(r["licence"].startswith(VIINA_NOTICE) for r in viina)


def test_a_refused_commit_leaves_no_staged_file(data):
    (data / "claims.csv").write_text(
        (data / "claims.csv").read_text(encoding="utf-8") + "bad,row\n", encoding="utf-8"
    )
    with pytest.raises(CommitError):
        save(data, "acled", "acled.csv")
    assert not list((data / "imports").iterdir())


def test_a_bad_saved_row_is_named_by_file_line_and_field(data):
    save(data, "acled", "acled.csv")
    path = import_files(data)[0]
    text = path.read_text(encoding="utf-8").replace(
        "acled-UKR90002,izium", "acled-UKR90002,nowhere"
    )
    path.write_text(text, encoding="utf-8")
    saved = load_saved(data, load_dataset(data).places)
    assert len(saved.rows) == 3
    (problem,) = saved.problems
    assert (problem.file, problem.line, problem.field) == (f"imports/{path.name}", 3, "place_id")


def test_line_numbers_count_the_line_breaks_of_passages(data):
    save(data, "acled", "acled.csv")
    path = import_files(data)[0]
    text = path.read_text(encoding="utf-8")
    text = text.replace("Russian forces shelled Izyum.", "Russian forces\nshelled\nIzyum.")
    text = text.replace(
        "acled-UKR90003,lyman,Lyman,48.9901,37.8084,near,2022-05-23",
        "acled-UKR90003,lyman,Lyman,48.9901,37.8084,near,2022-13-40",
    )
    path.write_text(text, encoding="utf-8")
    saved = load_saved(data, load_dataset(data).places)
    assert len(saved.rows) == 3
    assert any(r["passage"].endswith("Russian forces\nshelled\nIzyum.") for r in saved.rows)
    (problem,) = saved.problems
    assert (problem.line, problem.field) == (6, "date")  # the third row, after two breaks


def test_frontline_validate_checks_the_saved_imports(data, capsys):
    from frontline.cli import main

    save(data, "acled", "acled.csv")
    assert main(["validate", str(data)]) == 0
    assert "4 imported claim(s)" in capsys.readouterr().err
    path = import_files(data)[0]
    path.write_text(
        path.read_text(encoding="utf-8").replace(",claimed,Suspilne,", ",sure,Suspilne,"),
        encoding="utf-8",
    )
    assert main(["validate", str(data)]) == 1
    assert f"imports/{path.name}:3: certainty: 'sure' is not one of" in capsys.readouterr().out


def test_a_claim_saved_in_two_files_counts_once(data):
    save(data, "acled", "acled.csv")
    first = import_files(data)[0]
    shutil.copyfile(first, first.with_name("zz-copy.csv"))
    saved = load_saved(data, load_dataset(data).places)
    assert len(saved.rows) == 4
    assert {(p.file, p.field) for p in saved.problems} == {("imports/zz-copy.csv", "claim_id")}
    assert len(saved.problems) == 4


def test_the_staged_file_a_killed_save_left_is_cleared_by_the_next_save(data):
    (data / "imports").mkdir()
    leftover = data / "imports" / ".acled-20260101T000000.abcdefgh.tmp"
    leftover.write_text("claim_id\npartial", encoding="utf-8")
    result = save(data, "acled", "acled.csv")
    assert result.added == 4 and not leftover.exists()


def test_the_saved_file_is_streamed_into_place_never_read_whole(data, monkeypatch):
    """The commit hashes and copies the staged import file in pieces: reading it whole
    (Path.read_bytes) would hold a million rows in memory at once."""
    original = Path.read_bytes

    def refuse_staged(path: Path) -> bytes:
        assert not path.name.endswith(".tmp"), f"{path} was read whole"
        return original(path)

    monkeypatch.setattr(Path, "read_bytes", refuse_staged)
    result = save(data, "acled", "acled.csv")
    assert result.added == 4 and result.file
    from frontline.store import history

    (change,) = [c for c in history.list_changes(data)[0] if result.file in c.summary]
    (written,) = [f for f in change.files if f.path == result.file]
    assert written.before == history.ABSENT
    assert written.after == history.digest(original(data / result.file))
    monkeypatch.undo()
    history.undo_change(data, change.id, who="tester")
    assert not (data / result.file).exists()
