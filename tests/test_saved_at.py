"""Each claim records when the save added it (saved_at): set by the one save path, never by
the writer, and an older claims file without the column stays valid."""

from __future__ import annotations

import dataclasses
import datetime as dt

from frontline import store
from frontline.store.fields import SAVED_AT_PATTERN
from frontline.store.save import Batch, commit


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC).replace(microsecond=0, tzinfo=None)


def test_the_save_stamps_each_new_claim_and_leaves_the_old_as_they_were(data_copy):
    before = store.load_dataset(data_copy)
    assert "saved_at" not in (data_copy / "claims.csv").read_text().splitlines()[0]
    assert all(c.saved_at == "" for c in before.claims)  # an older file, still valid
    template = before.claims[0]
    # A writer's own saved_at is not kept: only the save says when it saved.
    new = dataclasses.replace(template, claim_id="c9999", saved_at="2001-01-01T00:00:00Z")
    started = _now()
    report = commit(lambda _dataset: Batch(claims=(new,)), data_copy)
    assert report.added and report.claims == 1
    after = store.load_dataset(data_copy)
    assert after.problems == []
    stamped = {c.claim_id: c.saved_at for c in after.claims}
    assert SAVED_AT_PATTERN.match(stamped["c9999"])
    moment = dt.datetime.strptime(stamped["c9999"], "%Y-%m-%dT%H:%M:%SZ")
    assert started <= moment <= _now()
    assert all(stamped[c.claim_id] == "" for c in before.claims)
    assert "saved_at" in (data_copy / "claims.csv").read_text().splitlines()[0]


def test_a_bad_saved_at_is_named_by_file_line_and_field(data_copy):
    path = data_copy / "claims.csv"
    lines = path.read_text(encoding="utf-8").splitlines()
    lines[0] += ",saved_at"
    lines[1] += ",yesterday"
    lines[2] += ",2999-01-01T00:00:00Z"
    lines[3:] = [line + ",2024-05-01T10:00:00Z" for line in lines[3:]]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    dataset = store.load_dataset(data_copy)
    problems = {(p.file, p.line, p.field): p.message for p in dataset.problems}
    assert "'yesterday' is not a time" in problems[("claims.csv", 2, "saved_at")]
    assert "in the future" in problems[("claims.csv", 3, "saved_at")]
    assert len(problems) == 2
    assert {c.saved_at for c in dataset.claims} == {"2024-05-01T10:00:00Z"}
