"""The change log: for each date, which places changed state, from what to what, on whose
claim; and the number of claims over time by status, for a small chart.

A place's state is the map's: its assessment (frontline.assessment), changed or not by each
claim in timeline order.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

import numpy as np
import pandas as pd

from frontline import vocab
from frontline.assessindex import DENIED  # a claim denied, no change
from frontline.assessment import DISPUTED as ASSESSMENT_DISPUTED
from frontline.assessment import claim_strength, claimant_side
from frontline.record.sources import record_source
from frontline.timeline import TimelineIndex, describe_date
from frontline.urlstate import map_link, under_base
from frontline.web.paging import PAGE_ROWS
from frontline.web.present import STYLE as PRESENT_STYLE
from frontline.web.present import article_link
from frontline.web.text import escape_html

if TYPE_CHECKING:
    import altair as alt

FIRST = "first"  # the first claim about a place
STATUS = "status"  # another status than before
CERTAINTY = "certainty"  # the same status, held with another certainty
# Sides contradicting each other close in time (frontline.assessment).
DISPUTED = ASSESSMENT_DISPUTED

EVENTS_LABEL = "Events (no status)"  # shelling, strikes...: counted, but they hold nothing
DAILY_SPAN_DAYS = 62  # the chart counts by day up to about two months, by month beyond

CHANGE_COLUMNS = [
    "date",
    "kind",
    "place_id",
    "name",
    "from_status",
    "from_certainty",
    "status",
    "certainty",
    "event",
    "claimant",
    "when",
    "claim_id",
    "article_id",
    "outlet",
    "published",
    "admission",  # the claim that caused it is an admission against interest
    "source",  # the claim's kind of source: news (an article or an imported row), record
]

# The claims table's columns a change log reads.
LOG_SOURCE_COLUMNS = (
    "date",
    "date_end",
    "date_precision",
    "place_id",
    "name",
    "status",
    "certainty",
    "event",
    "claimant",
    "claim_id",
    "article_id",
    "outlet",
    "published",
    "source",
)

STYLE = (
    PRESENT_STYLE + "<style>"
    ".fl-day{margin:0 0 1.1rem 0}"
    ".fl-day h3{font-size:1.1rem;margin:0 0 .3rem 0;padding:0}"
    ".fl-day ul{margin:0;padding-left:1.2rem}"
    ".fl-day li{margin:.2rem 0}"
    ".fl-day .fl-dot{width:12px;height:12px;vertical-align:-1px;margin-right:.35rem;"
    "border:1px solid #333}"
    ".fl-note{color:#444;font-size:.9rem}"
    "</style>"
)


def change_log(
    table: pd.DataFrame,
    index: TimelineIndex | None = None,
    *,
    kinds: tuple[str, ...] = (),
    newest: int | None = None,
) -> pd.DataFrame:
    """One row per change of a place's assessment (frontline.assessment), in timeline order
    (the order of the claims table), with the claim that caused it: the first claim with a
    status, a new status, a stronger certainty, a dispute, or a denial (worth reporting, but
    it changes nothing). A claim the assessment absorbs (a repeat, a newer weaker claim, an
    event) is not a change. Read off the timeline index's pass over the claims (`index`, over
    `table`, when the caller holds one). With `kinds`, only changes of those kinds; with
    `newest`, only the last that many (the newest in timeline order)."""
    if index is None:
        index = TimelineIndex(table)
    wanted = np.isin(index.changes, list(kinds)) if kinds else index.changes != ""
    rows = np.flatnonzero(wanted)
    if newest is not None:
        rows = rows[len(rows) - min(newest, len(rows)) :]
    if not len(rows):
        return pd.DataFrame([], columns=CHANGE_COLUMNS)
    kinds = index.changes[rows]
    assessed = index.assessed
    before = index.previous_row[rows]
    had = before >= 0
    had[had] = assessed["status"][before[had]] != ""  # a status held before this claim
    denied = kinds == DENIED
    # Only the columns the log reads (not the quotes, titles and addresses).
    picked = table[list(LOG_SOURCE_COLUMNS)].iloc[rows]

    def text(name: str):
        column = picked[name]
        if isinstance(column.dtype, pd.StringDtype):  # as it is: no string made in Python
            return column.array
        return column.to_numpy(dtype=object)

    def before_value(name: str) -> np.ndarray:
        return np.where(had, assessed[name][np.maximum(before, 0)], None)

    return pd.DataFrame(
        {
            "date": _dates(picked["date"]),
            "kind": kinds,
            "place_id": text("place_id"),
            "name": text("name"),
            "from_status": before_value("status"),
            "from_certainty": before_value("certainty"),
            "status": np.where(denied, _objects(picked["status"]), assessed["status"][rows]),
            "certainty": np.where(
                denied, _objects(picked["certainty"]), assessed["certainty"][rows]
            ),
            "event": text("event"),
            "claimant": text("claimant"),
            "when": _described(picked),
            "claim_id": text("claim_id"),
            "article_id": text("article_id"),
            "outlet": text("outlet"),
            "published": _dates(picked["published"]),
            "admission": _admissions(picked),
            "source": text("source"),
        },
        columns=CHANGE_COLUMNS,
    )


def _objects(column: pd.Series) -> np.ndarray:
    return column.to_numpy(dtype=object)


def _admissions(rows: pd.DataFrame) -> np.ndarray:
    """Whether each row's claim is an admission against interest (frontline.assessment),
    worked out once per distinct status, certainty and claimant."""
    keys = rows[["status", "certainty", "claimant"]]
    group = keys.groupby(list(keys.columns), sort=False, dropna=False).ngroup().to_numpy()
    first = np.unique(group, return_index=True)[1]  # each group's first row, by group
    sides = {c: claimant_side(c) for c in set(keys["claimant"].iloc[first].astype(str))}
    answers = np.array(
        [
            claim_strength(status, certainty, sides[str(claimant)])[1]
            for status, certainty, claimant in keys.iloc[first].itertuples(index=False)
        ],
        dtype=bool,
    )
    return answers[group]


def _dates(column: pd.Series) -> np.ndarray:
    """A datetime column as dates (datetime.date), each distinct day made once."""
    codes, days = pd.factorize(column, sort=False)
    return np.array([day.date() for day in days], dtype=object)[codes]


def _described(rows: pd.DataFrame) -> np.ndarray:
    """describe_date of each row, once per distinct date, end and precision."""
    precision = pd.factorize(rows["date_precision"])[0]
    days = [
        rows[name].to_numpy(dtype="datetime64[D]").astype(np.int64) for name in ("date", "date_end")
    ]
    key = (days[0] * 1_000_000 + days[1]) * 16 + precision
    _, first, codes = np.unique(key, return_index=True, return_inverse=True)
    picked = rows.iloc[first]
    return np.array([describe_date(row) for _, row in picked.iterrows()], dtype=object)[codes]


def _label(status: str | None) -> str:
    return vocab.STATUS_LABELS.get(status, status or "")


def change_text(entry: pd.Series) -> str:
    """What happened to the place, in words (without its name)."""
    now = _label(entry["status"])
    if entry["kind"] == FIRST:
        change = f"first reported as {now} ({entry['certainty']})"
    elif entry["kind"] == STATUS:
        change = f"{_label(entry['from_status'])} → {now} ({entry['certainty']})"
    elif entry["kind"] == CERTAINTY:
        change = f"{now}, {entry['from_certainty']} → {entry['certainty']}"
    elif entry["kind"] == DISPUTED:
        change = f"disputed: {now} ({entry['certainty']}) against {_label(entry['from_status'])}"
    else:
        change = f"denied that it is {now}; no change"
    admission = " (an admission by the side that loses it)" if entry.get("admission") else ""
    return f"{change} — {entry['event']}, per {entry['claimant']}{admission}"


def change_sentence(entry: pd.Series) -> str:
    """The entry as one line of a daily report: "Kupiansk: Russian-held → …"."""
    return f"{entry['name']}: {change_text(entry)}"


def change_log_html(log: pd.DataFrame, *, base_path: str = "") -> str:
    """The log as a daily report, latest date first; each date links to the map as of that
    date, each place to the map with the place selected, each entry to its article."""
    days = []
    for day, entries in sorted(log.groupby("date"), key=lambda item: item[0], reverse=True):
        items = []
        for _, entry in entries.sort_values("name", kind="stable").iterrows():
            colour = vocab.STATUS_COLOURS.get(entry["status"], vocab.NO_CLAIM_COLOUR)
            when = "" if entry["when"] == day.isoformat() else f" ({escape_html(entry['when'])})"
            source = f"{escape_html(entry['outlet'])}, {entry['published'].isoformat()}"
            if entry["article_id"]:
                place_href = under_base(map_link(day, entry["place_id"]), base_path)
                source_href = article_link(entry["article_id"], entry["place_id"])
                source = (
                    f'<a class="fl-note" href="{escape_html(source_href)}" target="_self">'
                    f"{source}</a>"
                )
            elif entry["source"] == vocab.SOURCE_RECORD:  # no article; its map, the record's
                place_href = under_base(
                    map_link(day, entry["place_id"], source=vocab.SOURCE_RECORD), base_path
                )
                what = record_source(entry["outlet"]).entry_word
                source = f'<span class="fl-note">{source} ({escape_html(what)})</span>'
            else:  # a row of an imported data set: no article, shown on the map's panel
                place_href = under_base(map_link(day, entry["place_id"]), base_path)
                source = f'<span class="fl-note">{source} (imported data set)</span>'
            items.append(
                f'<li><span class="fl-dot" aria-hidden="true" style="background:{colour}">'
                f'</span><a href="{escape_html(place_href)}" target="_self">'
                f"{escape_html(entry['name'])}</a>: {escape_html(change_text(entry))}{when}. "
                f"{source}</li>"
            )
        day_href = under_base(map_link(day), base_path)
        days.append(
            f'<section class="fl-day" id="day-{day.isoformat()}"><h3>'
            f'<a href="{escape_html(day_href)}" target="_self" title="The map as of this date">'
            f"{day.isoformat()}, {day:%A}</a></h3><ul>{''.join(items)}</ul></section>"
        )
    return STYLE + "".join(days)


def log_pages(log: pd.DataFrame, size: int = PAGE_ROWS) -> list[tuple[dt.date, dt.date]]:
    """The log split into pages of whole dates, latest first, as (newest, oldest) date of
    each: as many dates as `size` entries hold (a date with more has a page of its own).
    A million claims' log has hundreds of thousands of entries: a page is what a reader
    reads, and what the browser is sent."""
    if log.empty:
        return []
    counts = log["date"].value_counts(sort=False).sort_index(ascending=False)
    pages: list[tuple[dt.date, dt.date]] = []
    newest = oldest = None
    held = 0
    for day, entries in zip(counts.index, counts.to_numpy().tolist(), strict=True):
        if newest is not None and held + entries > size:
            pages.append((newest, oldest))
            newest, held = None, 0
        newest = newest or day
        oldest = day
        held += entries
    pages.append((newest, oldest))
    return pages


def log_page(log: pd.DataFrame, page: tuple[dt.date, dt.date]) -> pd.DataFrame:
    """The log's entries dated within one of log_pages' pages, in the log's order."""
    newest, oldest = page
    dates = log["date"]
    return log[(dates <= newest) & (dates >= oldest)]


def log_page_caption(page: tuple[dt.date, dt.date], shown: int, total: int) -> str:
    newest, oldest = page
    dates = newest.isoformat() if newest == oldest else f"{oldest} to {newest}"
    return f"Dates {dates}: {shown:,} of the log's {total:,} entries."


def claims_by_date(table: pd.DataFrame) -> pd.DataFrame:
    """How many claims each date carries, by status (the dates the claims are about)."""
    counts = (
        table.assign(day=table["date"].dt.normalize())
        .groupby(["day", "status"])
        .size()
        .rename("claims")
        .reset_index()
        .rename(columns={"day": "date"})
    )
    counts["status_label"] = counts["status"].map(vocab.STATUS_LABELS).fillna(EVENTS_LABEL)
    return counts


def chart_period(counts: pd.DataFrame) -> tuple[str, str]:
    """The Vega-Lite time unit the bars add up over, and its name: days over a short span,
    months over a longer one (bars a day wide would be slivers there)."""
    if counts.empty or (counts["date"].max() - counts["date"].min()).days <= DAILY_SPAN_DAYS:
        return "yearmonthdate", "Day"
    return "yearmonth", "Month"


def claims_chart(counts: pd.DataFrame) -> alt.Chart:
    """Stacked bars of claims per day or month, in the map's status colours (each at least
    3:1 on white), outlined."""
    import altair as alt  # here: importing altair costs the map page 0.4 s a start

    unit, period = chart_period(counts)
    labels = [vocab.STATUS_LABELS[s] for s in vocab.STATUSES] + [EVENTS_LABEL]
    colours = [vocab.STATUS_COLOURS[s] for s in vocab.STATUSES] + [vocab.NO_CLAIM_COLOUR]
    when = f"{unit}(date):T"
    return (
        alt.Chart(counts)
        .mark_bar(stroke="#333333", strokeWidth=0.6)
        .encode(
            x=alt.X(when, title=f"{period} the claims are about"),
            y=alt.Y("sum(claims):Q", title="Claims", axis=alt.Axis(tickMinStep=1)),
            color=alt.Color(
                "status_label:N",
                title="Status",
                scale=alt.Scale(domain=labels, range=colours),
            ),
            tooltip=[
                alt.Tooltip(when, title=period, format="%Y-%m-%d" if period == "Day" else "%B %Y"),
                alt.Tooltip("status_label:N", title="Status"),
                alt.Tooltip("sum(claims):Q", title="Claims"),
            ],
        )
        .properties(height=220)
    )
