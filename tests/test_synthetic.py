"""Generated data sets: valid by the loader's own checks, and the same on every run."""

from __future__ import annotations

import datetime as dt
import filecmp
from pathlib import Path

from frontline import store, synthetic, vocab


def same_files(left: Path, right: Path) -> bool:
    compared = filecmp.dircmp(left, right)
    if compared.left_only or compared.right_only or compared.funny_files:
        return False
    _, mismatch, errors = filecmp.cmpfiles(left, right, compared.common_files, shallow=False)
    return (
        not mismatch
        and not errors
        and all(same_files(left / name, right / name) for name in compared.common_dirs)
    )


def test_a_generated_directory_passes_validation(tmp_path):
    summary = synthetic.generate(tmp_path / "data", 400, places=120)
    dataset = store.load_dataset(summary.directory)
    assert dataset.problems == []  # every quote verbatim at its offsets, every word known
    assert len(dataset.claims) == summary.claims == 400
    towns = [p for p in dataset.places.values() if p.kind != "oblast"]
    assert len(towns) == 120
    assert any(p.kind == "oblast" for p in dataset.places.values())
    dates = [c.date for c in dataset.claims]
    assert min(dates) >= synthetic.FIRST_DAY
    assert max(dates) < synthetic.FIRST_DAY + dt.timedelta(days=synthetic.DAYS)
    assert {c.certainty for c in dataset.claims} == set(vocab.CERTAINTIES)


def test_the_same_seed_gives_the_same_files_and_another_seed_others(tmp_path):
    first = synthetic.generate(tmp_path / "a", 150).directory
    again = synthetic.generate(tmp_path / "b", 150).directory
    other = synthetic.generate(tmp_path / "c", 150, seed=1).directory
    assert same_files(first, again)
    assert not same_files(first, other)


def test_the_number_of_places_is_capped(tmp_path, monkeypatch):
    monkeypatch.setattr(synthetic, "MAX_PLACES", 30)
    summary = synthetic.generate(tmp_path / "data", 200)
    dataset = store.load_dataset(summary.directory)
    assert len([p for p in dataset.places.values() if p.kind != "oblast"]) == 30
