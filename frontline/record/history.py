"""A place's history in the list: its statuses in revision order, edit wars folded into
disputed periods, and an entry for each change, dated by the editors' own words.

Edit war (EDIT_WAR_WINDOW, two days): a change to a status, followed within the window by a
change back to the status held before it (A -> B -> A, or A -> B -> C -> A), is not a string
of real changes but a revert. Every change from the first flip to the return becomes one
disputed period (an entry with status contested and disputed=true, from the first flip)
followed by an entry for the status returned to; periods that overlap, or where the next
flip comes within the window of the last return, are one. A change that is not reverted
within the window (A -> B -> C, or B holding longer) is kept as it is: the editors held it.

The date an entry is about, tried in order, each only if it falls between the previous
entry's date and the day of the revision that recorded the change (a date outside is stale,
or a slip, and is not used):
1. the latest dated statement of "More information" giving the entry's status
   ("Recaptured by Ukraine 8 September." for ukrainian);
2. the "As of" cell, if it was changed with the status (an unchanged one dates the status
   before);
3. the day of the revision itself.
A disputed period and the status it returns to are dated by their revisions: the editors'
dates in the text belong to the events fought over, not to the edit war.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from frontline.record.clean import cell
from frontline.record.model import (
    DATE_FROM_AS_OF,
    DATE_FROM_REVISION,
    DATE_FROM_TEXT,
    Entry,
    RowVersion,
)
from frontline.record.textdates import StatedDate, latest_dated, parse_as_of, statements

EDIT_WAR_WINDOW = dt.timedelta(days=2)


@dataclass(frozen=True)
class Observation:
    """A version of a place's row, as first shown by a trusted revision."""

    version: RowVersion
    status: str
    recorded_at: dt.datetime
    revision: str


@dataclass(frozen=True)
class Sightings:
    observations: list[Observation]
    most_rows: int  # the most rows the list had for the place in one snapshot
    together: int  # snapshots in which it had several
    disagree: int  # of which left out, their statuses differing


@dataclass(frozen=True)
class Change:
    """The first observation of a run of one status, and the observation before it."""

    at: Observation
    before: Observation | None


@dataclass(frozen=True)
class Folding:
    changes: int  # status changes seen (a place's first status is not one)
    folded: int  # of which folded into disputed periods
    periods: int


STATUS_BITS = {"ukrainian": 1, "russian": 2, "contested": 4}
BIT_STATUS = {bit: status for status, bit in STATUS_BITS.items()}


def observations_of(
    versions: Sequence[RowVersion],
    statuses: Sequence[str],
    spans: Sequence[tuple[int, int]],
    revisions: Sequence[tuple[dt.datetime, str]],
) -> Sightings:
    """A place's observations, one per run of trusted snapshots with one status and one row
    text, and how often the list had several rows for the place (one name at one point).

    `spans` are each version's first and last positions among the trusted snapshots, whose
    (revision, stamp as shown) are `revisions`. Rows that disagree in one snapshot are two
    places the coordinates do not tell apart (the scrape gave same-named villages the same
    point): which is which cannot be known, so neither counts there.
    """
    size = len(revisions)
    mask = np.zeros(size, dtype=np.int8)
    rows = np.zeros(size, dtype=np.int16)
    newest = np.full(size, -1, dtype=np.int64)
    for k in sorted(range(len(versions)), key=lambda k: (spans[k][0], versions[k].line)):
        first, last = spans[k]
        mask[first : last + 1] |= STATUS_BITS[statuses[k]]
        rows[first : last + 1] += 1
        newest[first : last + 1] = k  # the latest-starting row gives the passage
    single = np.isin(mask, list(BIT_STATUS))
    out: list[Observation] = []
    previous = None
    for position in np.flatnonzero(single):
        key = (int(mask[position]), int(newest[position]))
        if key != previous:
            k = key[1]
            out.append(Observation(versions[k], statuses[k], *revisions[position]))
            previous = key
    return Sightings(
        out,
        int(rows.max(initial=0)),
        int(np.count_nonzero(rows > 1)),
        int(np.count_nonzero((mask > 0) & ~single)),
    )


def changes_of(observations: Sequence[Observation]) -> list[Change]:
    """Where the status differs from the one before (observations in revision order)."""
    out: list[Change] = []
    previous = None
    for observation in observations:
        if previous is None or observation.status != previous.status:
            out.append(Change(observation, previous))
        previous = observation
    return out


def disputed_spans(
    changes: Sequence[Change], window: dt.timedelta = EDIT_WAR_WINDOW
) -> list[tuple[int, int]]:
    """(first flip, return) index pairs of the edit wars, overlapping ones merged."""
    spans: list[tuple[int, int]] = []
    for i in range(1, len(changes)):
        start = changes[i].at.recorded_at
        back_to = changes[i - 1].at.status
        returns = [
            j
            for j in range(i + 1, len(changes))
            if changes[j].at.status == back_to and changes[j].at.recorded_at - start <= window
        ]
        if not returns:
            continue
        if spans and (i <= spans[-1][1] or start - changes[spans[-1][1]].at.recorded_at <= window):
            spans[-1] = (spans[-1][0], max(spans[-1][1], returns[-1]))
        else:
            spans.append((i, returns[-1]))
    return spans


def _within(stated: StatedDate | None, lower: dt.date | None, day: dt.date) -> bool:
    return stated is not None and stated.start <= day and (lower is None or stated.start >= lower)


def editors_date(change: Change, lower: dt.date | None) -> tuple[StatedDate, str]:
    """The date a change is about and where it was read (see the module's rules)."""
    version = change.at.version
    day = change.at.recorded_at.date()
    stated = latest_dated(statements(version.more_information, day), change.at.status)
    if stated is not None and _within(stated.date, lower, day):
        return StatedDate(
            stated.date.start, stated.date.end, stated.date.precision, stated.text
        ), DATE_FROM_TEXT
    as_of = parse_as_of(version.as_of, day)
    changed = change.before is None or cell(change.before.version.as_of) != cell(version.as_of)
    if changed and _within(as_of, lower, day):
        return as_of, DATE_FROM_AS_OF
    return StatedDate(day, day, "day", change.at.revision), DATE_FROM_REVISION


def _entry(
    place_id: str,
    observation: Observation,
    stated: StatedDate,
    source: str,
    *,
    status: str | None = None,
    flips: int = 0,
    until: dt.datetime | None = None,
) -> Entry:
    version = observation.version
    return Entry(
        entry_id=f"{place_id}@{observation.recorded_at:%Y-%m-%dT%H%MZ}",
        place_id=place_id,
        status=status or observation.status,
        disputed=flips > 0,
        flips=flips,
        until=until,
        date=stated.start,
        date_end=stated.end,
        date_precision=stated.precision,
        date_source=source,
        date_text=stated.text,
        recorded_at=observation.recorded_at,
        revision=observation.revision,
        held_by=cell(version.held_by),
        as_of=cell(version.as_of),
        passage=cell(version.more_information),
    )


def entries_of(
    place_id: str, observations: Sequence[Observation], window: dt.timedelta = EDIT_WAR_WINDOW
) -> tuple[list[Entry], Folding]:
    """A place's entries, oldest first, and what folding did to its changes."""
    changes = changes_of(observations)
    spans = disputed_spans(changes, window)
    starts = {start: end for start, end in spans}
    entries: list[Entry] = []
    lower: dt.date | None = None
    k = 0
    while k < len(changes):
        change = changes[k]
        revision_day = StatedDate(
            change.at.recorded_at.date(), change.at.recorded_at.date(), "day", change.at.revision
        )
        if k in starts:
            end = starts[k]
            entries.append(
                _entry(
                    place_id,
                    change.at,
                    revision_day,
                    DATE_FROM_REVISION,
                    status="contested",
                    flips=end - k + 1,
                    until=changes[end].at.recorded_at,
                )
            )
            returned = changes[end].at
            back = StatedDate(
                returned.recorded_at.date(), returned.recorded_at.date(), "day", returned.revision
            )
            entries.append(_entry(place_id, returned, back, DATE_FROM_REVISION))
            k = end + 1
        else:
            stated, source = editors_date(change, lower)
            entries.append(_entry(place_id, change.at, stated, source))
            k += 1
        lower = entries[-1].date
    folded = sum(end - start + 1 for start, end in spans)
    return entries, Folding(len(changes) - 1 if changes else 0, folded, len(spans))
