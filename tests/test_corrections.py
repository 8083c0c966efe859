"""Correcting and retracting a claim: the old claim is kept and marked, the views show the
current one, the history records it and undo brings the old one back; claims.csv files
with or without the new columns are valid."""

from __future__ import annotations

import csv
import datetime as dt

import pytest

from frontline import store
from frontline.store import history
from frontline.store.corrections import Correction, correct_plan, retract_plan
from frontline.store.save import Author, CommitError, commit
from frontline.timeline import claims_table
from tests.test_save_safety import data_files

EDITOR = Author(who="alice", why="the outlet corrected its report", kind="edit")


def first_claim(root):
    return store.load_dataset(root).claims[0]


def test_the_bundled_claims_csv_without_the_new_columns_is_valid(data_copy):
    header = (data_copy / store.CLAIMS_FILE).read_text().splitlines()[0]
    assert "superseded_by" not in header
    dataset = store.load_dataset(data_copy, use_cache=False)
    assert dataset.problems == []
    assert all(c.current for c in dataset.claims)


def test_a_correction_keeps_the_old_claim_superseded_and_shows_the_new(data_copy):
    old = first_claim(data_copy)
    fix = Correction(status="contested", certainty="confirmed", claimant="the governor")
    report = commit(correct_plan(old.claim_id, fix), data_copy, EDITOR)
    assert report.added and report.message.startswith(f"corrected claim {old.claim_id} as ")
    dataset = store.load_dataset(data_copy)
    assert dataset.problems == []
    by_id = {c.claim_id: c for c in dataset.claims}
    kept = by_id[old.claim_id]
    new = by_id[kept.superseded_by]
    assert kept.quote == old.quote and not kept.current
    assert (new.status, new.certainty, new.claimant) == ("contested", "confirmed", "the governor")
    assert (new.date, new.place_id, new.quote) == (old.date, old.place_id, old.quote)
    shown = set(claims_table(dataset)["claim_id"])
    assert new.claim_id in shown and old.claim_id not in shown
    [change] = history.list_changes(data_copy)[0]
    assert (change.who, change.kind, change.why) == ("alice", "edit", EDITOR.why)
    assert [f.path for f in change.files] == [store.CLAIMS_FILE]


def test_a_corrected_date_moves_the_claim(data_copy):
    old = first_claim(data_copy)
    day = old.date - dt.timedelta(days=1)
    commit(correct_plan(old.claim_id, Correction(date=day)), data_copy, EDITOR)
    new = store.load_dataset(data_copy).claims[-1]
    assert new.date == day and new.date_end - new.date == old.date_end - old.date


def test_a_retraction_keeps_the_claim_with_its_reason_out_of_the_views(data_copy):
    before = data_files(data_copy)
    old = first_claim(data_copy)
    commit(retract_plan(old.claim_id, "  the report\nwas withdrawn "), data_copy, EDITOR)
    dataset = store.load_dataset(data_copy)
    kept = next(c for c in dataset.claims if c.claim_id == old.claim_id)
    assert kept.retracted == "the report was withdrawn"
    assert old.claim_id not in set(claims_table(dataset)["claim_id"])
    [change] = history.list_changes(data_copy)[0]
    with store.write_lock(data_copy):
        history.undo(data_copy, change.id, who="bob")
    assert data_files(data_copy) == before


def test_what_cannot_be_corrected_says_why_and_writes_nothing(data_copy):
    old = first_claim(data_copy)
    files = data_files(data_copy)
    with pytest.raises(CommitError, match="there is no claim 'c9999'"):
        commit(correct_plan("c9999", Correction(status="contested")), data_copy, EDITOR)
    with pytest.raises(CommitError, match="needs a reason"):
        retract_plan(old.claim_id, " ")
    same = Correction(status=old.status)
    assert not commit(correct_plan(old.claim_id, same), data_copy, EDITOR).added
    with pytest.raises(CommitError, match="would not validate"):
        commit(correct_plan(old.claim_id, Correction(status="no-such")), data_copy, EDITOR)
    assert data_files(data_copy) == files
    commit(retract_plan(old.claim_id, "withdrawn"), data_copy, EDITOR)
    with pytest.raises(CommitError, match="already retracted"):
        commit(retract_plan(old.claim_id, "again"), data_copy, EDITOR)


def test_a_superseded_by_naming_no_claim_is_a_problem_naming_file_line_and_field(data_copy):
    path = data_copy / store.CLAIMS_FILE
    with path.open(newline="") as handle:
        rows = list(csv.DictReader(handle))
    rows[0]["superseded_by"] = "c4242"
    rows[1]["superseded_by"] = rows[1]["claim_id"]
    rows[2]["superseded_by"], rows[3]["retracted"] = rows[3]["claim_id"], "withdrawn"
    with path.open("w", newline="") as handle:
        writer = csv.DictWriter(handle, store.CLAIM_COLUMNS, lineterminator="\n", restval="")
        writer.writeheader()
        writer.writerows(rows)
    dataset = store.load_dataset(data_copy, use_cache=False)
    found = [(p.file, p.field, p.message) for p in dataset.problems]
    assert found == [
        ("claims.csv", "superseded_by", "names the claim itself"),
        ("claims.csv", "superseded_by", "'c4242' is not a claim in claims.csv"),
    ]
    assert dataset.problems[1].line == 2  # the first row, after the header
    by_id = {c.claim_id: c for c in dataset.claims}
    assert by_id[rows[2]["claim_id"]].superseded_by == rows[3]["claim_id"]
    assert by_id[rows[3]["claim_id"]].retracted == "withdrawn"


def test_a_corrected_place_moves_the_claim_to_a_known_place(data_copy):
    dataset = store.load_dataset(data_copy)
    old = dataset.claims[0]
    other = next(p for p in dataset.places if p != old.place_id)
    commit(correct_plan(old.claim_id, Correction(place_id=other)), data_copy, EDITOR)
    new = store.load_dataset(data_copy).claims[-1]
    assert (new.place_id, new.quote, new.status) == (other, old.quote, old.status)
    [change] = history.list_changes(data_copy)[0]
    assert f"place_id {old.place_id} → {other}" in change.summary


def test_a_place_not_in_the_gazetteer_is_refused(data_copy):
    files = data_files(data_copy)
    old = first_claim(data_copy)
    with pytest.raises(CommitError, match="not in the gazetteer"):
        commit(correct_plan(old.claim_id, Correction(place_id="atlantis")), data_copy, EDITOR)
    assert data_files(data_copy) == files
