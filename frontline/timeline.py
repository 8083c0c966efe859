"""The state of every place as of a date, and the filters of the map and tables.

Everything works on one flat table of claims (one row per claim, with its place and article
joined in), built once per data load. A place's state on a date is derived from its claims;
it is never stored.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Sequence
from dataclasses import dataclass
from operator import attrgetter

import numpy as np
import pandas as pd

from frontline import vocab
from frontline.assessindex import (
    ASSESSMENT_COLUMNS,
    assessments_of,
    frame_arrays,
    prefix_assessments,
    table_evidence,
)
from frontline.assessment import Evidence
from frontline.memo import Memo
from frontline.model import Dataset

CLAIM_TABLE_COLUMNS = [
    "claim_id",
    "place_id",
    "name",
    "kind",
    "oblast",
    "oblast_name",
    "lat",
    "lon",
    "geonames_id",
    "date",
    "date_end",
    "date_precision",
    "status",
    "event",
    "certainty",
    "claimant",
    "article_id",
    "published",
    "outlet",
    "title",
    "url",  # the article's address, for the downloads
    "quote",
    "quote_start",
    "quote_end",
    "mention",
    "source",  # vocab.SOURCE_NEWS or vocab.SOURCE_RECORD
]


def claims_table(dataset: Dataset) -> pd.DataFrame:
    """One row per current claim, in timeline order (date, then publication, then id);
    claims corrected or retracted stay in the data and out of every view."""
    # Sorted first and built column by column: a dict per row, then a sort of the frame,
    # took several times as long at 100,000 claims.
    claims = sorted(
        (c for c in dataset.claims if c.current),
        key=lambda c: (c.date, dataset.articles[c.article_id].published, c.claim_id),
    )
    places = [dataset.places[c.place_id] for c in claims]
    articles = [dataset.articles[c.article_id] for c in claims]

    def column(records: list, name: str) -> list:
        return list(map(attrgetter(name), records))

    place_fields = ("place_id", "name", "kind", "oblast", "lat", "lon", "geonames_id")
    article_fields = ("article_id", "published", "outlet", "title", "url")
    columns = {name: column(places, name) for name in place_fields}
    columns |= {name: column(articles, name) for name in article_fields}
    columns["oblast_name"] = [dataset.oblasts.get(p.oblast, p.oblast) for p in places]
    columns["source"] = [vocab.SOURCE_NEWS] * len(claims)
    for name in CLAIM_TABLE_COLUMNS:
        if name not in columns:
            columns[name] = column(claims, name)
    # No rows: empty columns of no particular type, as a frame of no records has them.
    table = pd.DataFrame(columns if claims else None, columns=CLAIM_TABLE_COLUMNS)
    for name in ("date", "date_end", "published"):
        table[name] = pd.to_datetime(table[name])
    table["geonames_id"] = table["geonames_id"].astype("Int64")
    return table


@dataclass(frozen=True)
class Filters:
    """The view: what the map and tables show (a link carries it, urlstate reads and writes
    it). None or an empty tuple means no limit; `place` is the place selected, if any."""

    as_of: dt.date | None = None
    mode: str = vocab.MODE_HAPPENED
    date_from: dt.date | None = None
    date_to: dt.date | None = None
    oblasts: tuple[str, ...] = ()
    statuses: tuple[str, ...] = ()
    certainties: tuple[str, ...] = ()
    place: str | None = None
    source: str = vocab.SOURCE_BOTH  # which kinds of source the map draws


def _timestamp(day: dt.date) -> pd.Timestamp:
    return pd.Timestamp(day)


def claims_counting(table: pd.DataFrame, filters: Filters) -> pd.DataFrame:
    """The claims that count for the view: within the date range, up to the as-of date (by
    event date, or by publication date in the "known" mode), in the chosen oblasts."""
    keep = pd.Series(True, index=table.index)
    if filters.date_from is not None:
        keep &= table["date"] >= _timestamp(filters.date_from)
    if filters.date_to is not None:
        keep &= table["date"] <= _timestamp(filters.date_to)
    if filters.as_of is not None:
        keep &= table["date"] <= _timestamp(filters.as_of)
        if filters.mode == vocab.MODE_KNOWN:
            keep &= table["published"] <= _timestamp(filters.as_of)
    if filters.oblasts:
        keep &= table["oblast"].isin(filters.oblasts)
    # Every row kept: the table itself (its columns shared until written), not a copy.
    return table.copy(deep=False) if keep.all() else table[keep]


# What TimelineIndex.assessment_frame adds to the assessments, for the next index over the
# same table: each row's place code and the rows in order of place.
ORDER_COLUMNS = ("place", "rows_by_place")
STATES_KEPT = 8  # states each index keeps: those of the last few views asked for


class TimelineIndex:
    """The claims table as arrays: the one engine that answers what the map, the tables and
    the exports show as of a date, in a few vectorised steps instead of a scan and a
    group-by per question. Built once per data load (the app keeps it with the loaded data);
    the tests hold it against a straightforward scan (tests/timeline_oracle.py).

    The table is in timeline order, so the claims up to a date are a prefix found by binary
    search. Each row knows the row of its place's next claim, and carries its place's
    assessment from the first row up to it: within rows 0..hi, a place's assessment is that
    of its row whose successor lies at hi or beyond.
    """

    def __init__(self, table: pd.DataFrame, assessed: pd.DataFrame | None = None):
        """`assessed`: the index's assessments and changes (assessment_frame) as an earlier
        index over this very table made them, for a start that skips the pass over the
        claims (frontline.store.derived caches them)."""
        self.table = table
        self.size = len(table)
        self.day = _days(table["date"])
        self.published = _days(table["published"])
        # Places coded in order of first appearance, and the rows by place (stable): from
        # `assessed` when an earlier index over this table wrote them (ORDER_COLUMNS).
        if assessed is not None and set(ORDER_COLUMNS) <= set(assessed.columns):
            self.place = assessed["place"].to_numpy(dtype=np.int64)
            ordered = assessed["rows_by_place"].to_numpy(dtype=np.int64)
        else:
            self.place = pd.factorize(table["place_id"], sort=False)[0].astype(np.int64)
            ordered = np.argsort(self.place, kind="stable")
        self.rows_by_place = ordered
        places = int(self.place.max()) + 1 if self.size else 0
        self.place_starts = np.searchsorted(self.place[ordered], np.arange(places + 1))
        first_rows = ordered[self.place_starts[:-1]]  # each place's first row
        self.place_ids = {str(p): code for code, p in enumerate(table["place_id"].take(first_rows))}
        self.place_oblast = table["oblast"].take(first_rows).to_numpy(dtype=object)
        # Equal names share a rank, so ties keep timeline order as a stable sort would.
        names = table["name"].take(first_rows).to_numpy(dtype=object).astype(str)
        self.name_rank = np.unique(names, return_inverse=True)[1]

        # Each row's successor among all rows of its place: a place's last row up to hi is
        # the one whose successor lies at hi or beyond.
        follows = np.full(self.size, self.size)
        same = self.place[ordered[1:]] == self.place[ordered[:-1]]
        follows[ordered[:-1][same]] = ordered[1:][same]
        self.next_row = follows
        # The assessment (frontline.assessment) after every row, for the map as of a date;
        # other views (a "from" date, the "known" reading) fold their own rows.
        if assessed is None:
            self.assessed, self.changes = prefix_assessments(self.evidence, self.place)
        else:
            self.assessed = frame_arrays(assessed)
            self.changes = frame_arrays(assessed, ("change",))["change"]

        # The states last asked for, by state_key: a slider move that passes no claim of
        # this index finds its state here.
        self._states = Memo(STATES_KEPT)

    @functools.cached_property
    def evidence(self) -> list[Evidence]:
        """Each row's claim as evidence, for the views that fold their own rows."""
        return table_evidence(self.table)

    def assessment_frame(self) -> pd.DataFrame:
        """The assessments after every row and each row's change, with the place codes and
        the rows by place (ORDER_COLUMNS), as a frame to cache; text as categories, so a
        start makes each distinct value once."""
        columns = {**self.assessed, "change": self.changes}
        frame = pd.DataFrame(
            {
                name: pd.Categorical(values) if values.dtype == object else values
                for name, values in columns.items()
            }
        )
        frame["place"] = self.place
        frame["rows_by_place"] = self.rows_by_place
        return frame

    @functools.cached_property
    def previous_row(self) -> np.ndarray:
        """Each row's predecessor among the rows of its place (-1 for a place's first)."""
        before = np.full(self.size, -1, dtype=np.int64)
        has = self.next_row < self.size
        before[self.next_row[has]] = np.flatnonzero(has)
        return before

    def _window(self, filters: Filters) -> tuple[int, int]:
        """Rows lo..hi: the claims dated within the date range and up to the as-of date."""
        lo = 0 if filters.date_from is None else self._search(filters.date_from, "left")
        ends = [d for d in (filters.date_to, filters.as_of) if d is not None]
        hi = self._search(min(ends), "right") if ends else self.size
        return lo, max(lo, hi)

    def _search(self, day: dt.date, side: str) -> int:
        return int(np.searchsorted(self.day, _day_number(day), side=side))

    def _known_by(self, filters: Filters) -> int | None:
        if filters.mode == vocab.MODE_KNOWN and filters.as_of is not None:
            return _day_number(filters.as_of)
        return None

    def _in_oblasts(self, codes: np.ndarray, filters: Filters) -> np.ndarray:
        if not filters.oblasts:
            return np.ones(len(codes), dtype=bool)
        return np.isin(self.place_oblast[codes], list(filters.oblasts))

    def state_key(self, filters: Filters) -> tuple:
        """What decides state(filters): the rows that count (positions in this index, and
        the "known" reading's date) and the status, certainty and oblast filters. Two views
        with the same key have the same state, so it keys whatever is derived from one."""
        return (
            *self._window(filters),
            self._known_by(filters),
            tuple(filters.oblasts),
            tuple(filters.statuses),
            tuple(filters.certainties),
        )

    def state(self, filters: Filters, keep: bool = True) -> pd.DataFrame:
        """One row per place: its assessment from the counting claims (frontline.assessment)
        on the row of the claim it rests on, with status and certainty the assessment's and
        the ASSESSMENT_COLUMNS beside them, and how many claims about it count. A place only
        events speak of has its latest event, with no status; one only denials speak of is
        left out. Status and certainty filters apply to the assessment. Kept by state_key
        for the next view that shares it (each caller gets its own frame of shared columns,
        which copy on write), unless `keep` is False (work ahead of the views, which should
        not push theirs out)."""
        if not keep:
            return self._state(filters)
        state = self._states.get(self.state_key(filters), lambda: self._state(filters))
        return state.copy(deep=False)

    def _state(self, filters: Filters) -> pd.DataFrame:
        lo, hi = self._window(filters)
        known_by = self._known_by(filters)
        if known_by is None:
            counting = np.arange(lo, hi)
        else:
            counting = lo + np.flatnonzero(self.published[lo:hi] <= known_by)
        claims = np.bincount(self.place[counting], minlength=len(self.place_ids))
        if known_by is None and lo == 0:
            last = np.flatnonzero(self.next_row[:hi] >= hi)  # each place's last row
            codes = self.place[last]
            assessed = {name: column[last] for name, column in self.assessed.items()}
        else:
            codes, assessed = assessments_of(self.evidence, self.place, counting.tolist())
        keep = (assessed["row"] >= 0) & self._in_oblasts(codes, filters)
        if filters.statuses:
            keep &= np.isin(assessed["status"], list(filters.statuses))
        if filters.certainties:
            keep &= np.isin(assessed["certainty"], list(filters.certainties))
        rows, codes = assessed["row"][keep], codes[keep]
        order = np.lexsort((rows, self.name_rank[codes]))
        # The frame in one go, from the table's rows and the assessment's columns (status
        # and certainty in their places, the others after): set one by one, they cost more.
        taken = self.table.iloc[rows[order]]
        columns = {name: taken[name].array for name in taken.columns}
        columns.update(
            (name, assessed[name][keep][order])
            for name in ("status", "certainty", *ASSESSMENT_COLUMNS)
        )
        decided = columns["decided_by"]
        # Only the claim ids of the deciding rows: not a million of them on every new state.
        claim_ids = self.table["claim_id"].take(np.maximum(decided, 0)).to_numpy(dtype=object)
        columns["decided_by"] = np.where(decided >= 0, claim_ids, "")
        columns["claims"] = claims[codes[order]].astype("int64")
        return pd.DataFrame(columns, copy=False)

    def counting_rows(self, filters: Filters) -> pd.DataFrame:
        """claims_counting(self.table, filters), from the rows of the date window the index
        finds by binary search: a slice of the table, not a mask over all of it."""
        lo, hi = self._window(filters)
        return claims_counting(self.table.iloc[lo:hi], filters)

    def history(self, place_id: str, filters: Filters) -> pd.DataFrame:
        """Every counting claim about one place, oldest first."""
        code = self.place_ids.get(place_id)
        if code is None:
            return self.table.iloc[0:0].reset_index(drop=True)
        rows = self.rows_by_place[self.place_starts[code] : self.place_starts[code + 1]]
        lo, hi = self._window(filters)
        rows = rows[(rows >= lo) & (rows < hi)]
        known_by = self._known_by(filters)
        if known_by is not None:
            rows = rows[self.published[rows] <= known_by]
        rows = rows[self._in_oblasts(self.place[rows], filters)]
        return self.table.iloc[rows].reset_index(drop=True)


def _days(column: pd.Series) -> np.ndarray:
    return column.to_numpy(dtype="datetime64[D]").astype(np.int64)


def _day_number(day: dt.date) -> int:
    return int(np.datetime64(day, "D").astype(np.int64))


def date_bounds(table: pd.DataFrame) -> tuple[dt.date, dt.date] | None:
    """The first and last dates the timeline needs: claim dates and publication dates."""
    if table.empty:
        return None
    first = min(table["date"].min(), table["published"].min())
    last = max(table["date"].max(), table["published"].max())
    return first.date(), last.date()


def claim_dates(table: pd.DataFrame) -> list[dt.date]:
    """The distinct dates that carry claims or publications, for easy stops on the slider."""
    # Distinct values by hashing, then sorted: not a sort of twice the claims.
    both = np.concatenate(
        [table[name].to_numpy(dtype="datetime64[s]") for name in ("date", "published")]
    )
    return [d.date() for d in pd.DatetimeIndex(np.sort(pd.unique(both)))]


def describe_date(row: pd.Series) -> str:
    """A claim's date as a reader should see it, precision included."""
    start = row["date"].date()
    end = row["date_end"].date()
    precision = row["date_precision"]
    if precision == "day" or start == end:
        return start.isoformat()
    if precision == "week":
        return f"week of {start.isoformat()} – {end.isoformat()}"
    if precision == "month":
        return start.strftime("%B %Y")
    return f"{start.isoformat()} – {end.isoformat()}"


def neighbour_date(
    dates: list[dt.date], current: dt.date, direction: int, first: dt.date, last: dt.date
) -> dt.date:
    """The nearest date carrying a claim after (direction > 0) or before the current one;
    the end of the timeline when there is none."""
    if direction > 0:
        return next((d for d in dates if d > current), last)
    return next((d for d in reversed(dates) if d < current), first)


PLAY_STEP_DAYS = 7  # over a long timeline, Play moves at least a week a step


def play_step(dates: Sequence[dt.date], current: dt.date, first: dt.date, last: dt.date) -> dt.date:
    """Where Play goes next: the next date carrying a claim, and at least PLAY_STEP_DAYS on
    when the timeline spans more than a year (a war's worth of dates, walked in minutes)."""
    if (last - first).days > 365:
        current = current + dt.timedelta(days=PLAY_STEP_DAYS - 1)
    return neighbour_date(list(dates), current, 1, first, last)
