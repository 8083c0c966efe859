"""The cached claims as columns: each Claim made only when asked for, the same claims."""

from __future__ import annotations

import dataclasses
import random
from pathlib import Path

import pytest

from frontline.store import cache, load_dataset
from frontline.store.claimlist import ClaimColumns, claim_by_id, corrections, newest_saved
from tests.conftest import DATA_DIR


@pytest.fixture
def claims(tmp_path: Path) -> list:
    """Claims with saves at a few times (ties included), corrections and retractions."""
    (seed, *_) = load_dataset(DATA_DIR, use_cache=False).claims
    chance = random.Random(7)
    made = []
    for number in range(300):
        made.append(
            dataclasses.replace(
                seed,
                claim_id=f"c{number:04d}",
                saved_at=chance.choice(["", "", "2026-12-01T10:00:00Z", "2026-12-02T09:30:00Z"]),
                superseded_by=f"c{number + 1:04d}" if chance.random() < 0.05 else "",
                retracted="a duplicate" if chance.random() < 0.03 else "",
            )
        )
    return made


def _columns(claims: list, root: Path) -> ClaimColumns:
    root.mkdir()
    cache.write_claims(root, claims, "sig")
    read = cache.read_claims(root, "sig")
    assert isinstance(read, ClaimColumns) and read._claims is None
    return read


def test_the_columns_hold_the_same_claims_in_order(claims, tmp_path):
    columns = _columns(claims, tmp_path / "data")
    assert len(columns) == len(claims)
    assert columns == claims and list(columns) == claims and columns[-1] == claims[-1]


@pytest.mark.parametrize("row_group", [16, cache.ROW_GROUP])
def test_the_newest_saved_and_the_corrections_need_not_make_every_claim(
    claims, tmp_path, monkeypatch, row_group
):
    monkeypatch.setattr(cache, "ROW_GROUP", row_group)  # 16: the picks span row groups
    columns = _columns(claims, tmp_path / "data")
    assert columns._source.metadata.num_row_groups == -(-len(claims) // row_group)
    newest = newest_saved(columns, 5)
    corrected = corrections(columns)
    assert columns._claims is None  # no claim made but those picked
    key = lambda c: (c.saved_at, c.claim_id)  # noqa: E731
    assert sorted(newest, key=key) == sorted(newest_saved(claims, 5), key=key)
    assert len(newest) == 5 and newest[0].saved_at == "2026-12-02T09:30:00Z"
    assert corrected == corrections(claims)
    assert any(c.retracted for c in corrected) and any(c.superseded_by for c in corrected)
    named = {c.superseded_by for c in corrected if c.superseded_by}
    assert named <= {c.claim_id for c in corrected}


@pytest.mark.parametrize("count", [1, 5, 64, 100, 1000])
def test_the_newest_saved_are_those_of_every_claim_with_or_without_the_caches_list(
    claims, tmp_path, count
):
    """Up to 64 come from the list the cache's writer kept; more are picked from the columns."""
    key = lambda c: (c.saved_at, c.claim_id)  # noqa: E731
    expected = newest_saved(claims, count)
    assert len(expected) == min(count, sum(1 for c in claims if c.saved_at))
    columns = _columns(claims, tmp_path / "data")
    assert len(columns.newest_rows()) == 64
    assert sorted(newest_saved(columns, count), key=key) == sorted(expected, key=key)
    assert columns._claims is None


@pytest.mark.parametrize("row_group", [16, cache.ROW_GROUP])
def test_a_claim_is_found_by_its_id_without_making_the_others(
    claims, tmp_path, monkeypatch, row_group
):
    monkeypatch.setattr(cache, "ROW_GROUP", row_group)
    columns = _columns(claims, tmp_path / "data")
    for wanted in (claims[0], claims[137], claims[-1]):
        assert claim_by_id(columns, wanted.claim_id) == wanted
    assert claim_by_id(columns, "c9999") is None
    assert claim_by_id(columns, "") is None
    assert columns._claims is None
    assert claim_by_id(claims, claims[42].claim_id) == claims[42]
    assert claim_by_id(claims, "c9999") is None
