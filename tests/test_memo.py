"""The table of derived values kept with a data load (frontline.memo)."""

from __future__ import annotations

import pytest

from frontline.memo import Memo


def test_a_kept_value_is_made_once_and_given_again():
    memo, made = Memo(4), []

    def make(value):
        def go():
            made.append(value)
            return [value]

        return go

    first = memo.get("a", make(1))
    assert memo.get("a", make(2)) is first
    assert made == [1]


def test_the_least_recently_used_value_goes_first():
    memo = Memo(2)
    memo.get("a", lambda: 1)
    memo.get("b", lambda: 2)
    memo.get("a", lambda: 0)  # "a" used again: "b" is now the oldest
    memo.get("c", lambda: 3)
    assert len(memo) == 2
    assert memo.get("a", lambda: "again") == 1
    assert memo.get("b", lambda: "made again") == "made again"


def test_a_memo_holds_at_least_one_value():
    with pytest.raises(ValueError, match="at least one"):
        Memo(0)
