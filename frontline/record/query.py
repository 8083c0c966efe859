"""The record's status of a place as of a date, one place at a time or every place at once.

Two readings, as for the news claims (vocab.MODES): "what happened by D" takes the entries
whose date (the date they are about) is D or before; "what was known on D" takes the entries
the list had recorded by the end of D (UTC). In both, the latest entry counts (entries of
one date in the order the list recorded them).

RecordIndex answers for every place with one numpy searchsorted: each entry's key is its
place's position times 2**20 plus its day number, sorted, so that the entry in force for
place p on day D is the last key at or below p * 2**20 + D.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence

import numpy as np
import pandas as pd

from frontline import vocab
from frontline.record.model import Entry

DAY_BITS = 20  # day numbers (date.toordinal) stay below 2**20 until the year 2870
NO_ENTRY = -1


def _day_of(entry: Entry, mode: str) -> dt.date:
    return entry.recorded_at.date() if mode == vocab.MODE_KNOWN else entry.date


def _check_mode(mode: str) -> None:
    if mode not in vocab.MODES:
        raise ValueError(f"mode {mode!r} is not one of {', '.join(vocab.MODES)}")


def status_as_of(
    entries: Iterable[Entry], place_id: str, day: dt.date, mode: str = vocab.MODE_HAPPENED
) -> Entry | None:
    """The entry in force for a place on `day`, or None if the list had none by then."""
    _check_mode(mode)
    counting = [
        (_day_of(e, mode), e.recorded_at, e)
        for e in entries
        if e.place_id == place_id and _day_of(e, mode) <= day
    ]
    return max(counting, key=lambda item: item[:2])[2] if counting else None


class RecordIndex:
    """Every place's record status as of a date, built once per data load."""

    def __init__(self, entries: Sequence[Entry], place_ids: Iterable[str] | None = None):
        self.entries = list(entries)
        ids = sorted(set(place_ids) if place_ids is not None else {e.place_id for e in entries})
        self.place_ids = np.array(ids, dtype=object)
        position = {place_id: i for i, place_id in enumerate(ids)}
        known = [i for i, e in enumerate(self.entries) if e.place_id in position]
        self.status = np.array(
            [vocab.STATUSES.index(e.status) for e in self.entries], dtype=np.int8
        )
        self.disputed = np.array([e.disputed for e in self.entries], dtype=bool)
        self._keys: dict[str, np.ndarray] = {}
        self._order: dict[str, np.ndarray] = {}
        for mode in vocab.MODES:
            places = np.array([position[self.entries[i].place_id] for i in known], dtype=np.int64)
            days = np.array(
                [_day_of(self.entries[i], mode).toordinal() for i in known], dtype=np.int64
            )
            recorded = np.array([self.entries[i].recorded_at.timestamp() for i in known])
            order = np.lexsort((recorded, days, places))
            self._keys[mode] = ((places << DAY_BITS) + days)[order]
            self._order[mode] = np.array(known, dtype=np.int64)[order]
        self._queries = np.arange(len(ids), dtype=np.int64) << DAY_BITS

    def positions(self, day: dt.date, mode: str = vocab.MODE_HAPPENED) -> np.ndarray:
        """For each place (in place_ids order), the index in `entries` of the entry in force
        on `day`, or NO_ENTRY."""
        _check_mode(mode)
        keys = self._keys[mode]
        at = np.searchsorted(keys, self._queries + day.toordinal(), side="right") - 1
        found = (at >= 0) & ((keys[np.maximum(at, 0)] >> DAY_BITS) == (self._queries >> DAY_BITS))
        return np.where(found, self._order[mode][np.maximum(at, 0)], NO_ENTRY)

    def statuses(self, day: dt.date, mode: str = vocab.MODE_HAPPENED) -> np.ndarray:
        """For each place, its status's index in vocab.STATUSES on `day`, or NO_ENTRY."""
        at = self.positions(day, mode)
        return np.where(at >= 0, self.status[np.maximum(at, 0)], NO_ENTRY).astype(np.int8)

    def state_as_of(self, day: dt.date, mode: str = vocab.MODE_HAPPENED) -> pd.DataFrame:
        """One row per place with an entry in force on `day`: place_id, status, disputed and
        the entry's id, date and recorded_at."""
        at = self.positions(day, mode)
        has = at >= 0
        chosen = [self.entries[i] for i in at[has]]
        return pd.DataFrame(
            {
                "place_id": self.place_ids[has],
                "status": [e.status for e in chosen],
                "disputed": self.disputed[at[has]],
                "entry_id": [e.entry_id for e in chosen],
                "date": [e.date for e in chosen],
                "recorded_at": [e.recorded_at for e in chosen],
            }
        )
