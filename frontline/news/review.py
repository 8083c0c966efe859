"""Reviewing an article's candidate claims before they are saved: the table a person edits,
and reading the edited table back, with a clear error for anything that cannot be saved."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import replace
from typing import Any

import pandas as pd

from frontline import vocab
from frontline.events import NO_STATUS, status_event_problem
from frontline.news.dates import DateSpan
from frontline.news.extract import Candidate
from frontline.news.gazetteer import Entry, Gazetteer
from frontline.news.ingest import IngestError
from frontline.store import EARLIEST_DATE

REVIEW_COLUMNS = [
    "keep",
    "place",
    "oblast",
    "status",
    "event",
    "certainty",
    "claimant",
    "date",
    "date_end",
    "date_precision",
    "mention",
    "quote",
]
# Columns a reviewer may change; the others show where the claim came from.
EDITABLE = {
    "keep",
    "place",
    "status",
    "event",
    "certainty",
    "claimant",
    "date",
    "date_end",
    "date_precision",
}
# Column widths in pixels: fixed, so the table reads the same whatever the cell contents.
WIDTHS = {
    "keep": 60,
    "place": 140,
    "oblast": 130,
    "status": 110,
    "event": 100,
    "certainty": 110,
    "claimant": 200,
    "date": 110,
    "date_end": 110,
    "date_precision": 120,
    "mention": 120,
    "quote": 520,
}
CHOICES = {
    # An empty status: an event that states no control ("shelled").
    "status": (NO_STATUS, *vocab.STATUSES),
    "event": vocab.CLAIM_EVENTS,
    "certainty": vocab.CERTAINTIES,
    "date_precision": vocab.DATE_PRECISIONS,
}


def review_table(candidates: Sequence[Candidate]) -> pd.DataFrame:
    """One row per candidate claim, all kept to begin with."""
    rows = [
        {
            "keep": True,
            "place": c.entry.name,
            "oblast": c.entry.oblast,
            "status": c.status,
            "event": c.event,
            "certainty": c.certainty,
            "claimant": c.claimant,
            "date": c.date.start,
            "date_end": c.date.end,
            "date_precision": c.date.precision,
            "mention": c.mention,
            "quote": c.quote,
        }
        for c in candidates
    ]
    return pd.DataFrame(rows, columns=REVIEW_COLUMNS)


def _day(value: Any, row: int, field: str) -> dt.date:
    if isinstance(value, pd.Timestamp):
        return value.date()
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value).strip())
    except ValueError:
        raise IngestError(
            f"row {row}: {field}: {str(value)[:40]!r} is not a date (YYYY-MM-DD)"
        ) from None


def _place(name: str, base: Entry, gazetteer: Gazetteer, row: int) -> Entry:
    """The entry a reviewer means: unchanged, or the most populous place of the new name."""
    if name == base.name:
        return base
    found = gazetteer.candidates(name)
    if not found:
        raise IngestError(
            f"row {row}: place: {name[:60]!r} is not a place in the gazetteer; "
            "use a name or spelling from GeoNames, e.g. Kupiansk or Kupyansk"
        )
    return max(found, key=lambda entry: entry.population)


def reviewed_candidates(
    table: pd.DataFrame,
    candidates: Sequence[Candidate],
    gazetteer: Gazetteer,
    published: dt.date,
) -> list[Candidate]:
    """The kept rows of an edited review table as candidates. Rows are matched to the
    candidates by position (the table's index); quotes and offsets stay the originals'.
    Raises IngestError naming the row (counted from 1) and the field of the first fault."""
    reviewed = []
    for position, base in enumerate(candidates):
        if position not in table.index:
            continue  # a row the reviewer deleted
        values = table.loc[position]
        row = position + 1
        if not bool(values.get("keep", True)):
            continue
        for field, allowed in CHOICES.items():
            if values[field] not in allowed:
                raise IngestError(
                    f"row {row}: {field}: {str(values[field])[:40]!r} is not "
                    f"one of {', '.join(allowed)}"
                )
        if problem := status_event_problem(values["status"], values["event"]):
            raise IngestError(f"row {row}: {problem[0]}: {problem[1]}")
        claimant = str(values["claimant"] or "").strip()
        if not claimant:
            raise IngestError(f"row {row}: claimant: is empty; say who makes the claim")
        start = _day(values["date"], row, "date")
        end = _day(values["date_end"] if pd.notna(values["date_end"]) else start, row, "date_end")
        if values["date_precision"] == "day":
            end = start
        if end < start:
            raise IngestError(f"row {row}: date_end: {end} is before the date {start}")
        if start < EARLIEST_DATE or end > published:
            raise IngestError(
                f"row {row}: date: {start}..{end} is outside "
                f"{EARLIEST_DATE}..{published} (the article's dateline)"
            )
        reviewed.append(
            replace(
                base,
                entry=_place(str(values["place"] or "").strip(), base.entry, gazetteer, row),
                status=values["status"],
                event=values["event"],
                certainty=values["certainty"],
                claimant=claimant,
                date=DateSpan(start, end, values["date_precision"], base.date.expression),
            )
        )
    return reviewed


def candidates_on_map(candidates: Sequence[Candidate]) -> pd.DataFrame:
    """The candidates as the map's state table (the latest claim per place)."""
    rows = [
        {
            "place_id": c.entry.key,
            "name": c.entry.name,
            "kind": c.entry.kind,
            "oblast": c.entry.oblast,
            "lat": c.entry.lat,
            "lon": c.entry.lon,
            "status": c.status,
            "certainty": c.certainty,
            "date": c.date.start,
        }
        for c in candidates
    ]
    frame = pd.DataFrame(
        rows,
        columns=["place_id", "name", "kind", "oblast", "lat", "lon", "status", "certainty", "date"],
    )
    return frame.sort_values("date", kind="stable").groupby("place_id").tail(1)
