"""The record's changes of control over the war, for the Changes page: a chart week by week
and the log of one month at a time (the whole war at once would be a page of a thousand
lines). The record's first entry for each place is its state when the list began, not a
change, so only changes of status are counted."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

import pandas as pd

from frontline import vocab
from frontline.web.changes import STATUS, change_log

if TYPE_CHECKING:
    import altair as alt


def record_changes(record_claims: pd.DataFrame, start: dt.date) -> pd.DataFrame:
    """The record's changes of status dated `start` or later, in timeline order; each source
    of the record (its outlet: Wikipedia's list, VIINA's control table) on its own, so that
    where two sources differ, neither is taken for a change."""
    logs = [change_log(rows) for _, rows in record_claims.groupby("outlet", sort=True)]
    log = pd.concat(logs, ignore_index=True) if logs else change_log(record_claims)
    log = log.sort_values("date", kind="stable")
    return log[(log["kind"] == STATUS) & (log["date"] >= start)].reset_index(drop=True)


def week_start(day: dt.date) -> dt.date:
    """The Monday of the ISO week a date falls in."""
    return day - dt.timedelta(days=day.weekday())


def weekly_counts(changes: pd.DataFrame) -> pd.DataFrame:
    """Changes per week by the status places changed to: columns week, status,
    status_label, changes."""
    counts = (
        changes.assign(week=changes["date"].map(week_start))
        .groupby(["week", "status"])
        .size()
        .rename("changes")
        .reset_index()
    )
    counts["week"] = pd.to_datetime(counts["week"])
    counts["status_label"] = counts["status"].map(vocab.STATUS_LABELS)
    return counts


def weekly_chart(counts: pd.DataFrame) -> alt.Chart:
    """Stacked bars of the record's changes per week, in the map's status colours."""
    import altair as alt  # here: importing altair costs the map page 0.4 s a start

    labels = [vocab.STATUS_LABELS[s] for s in vocab.STATUSES]
    colours = [vocab.STATUS_COLOURS[s] for s in vocab.STATUSES]
    return (
        alt.Chart(counts)
        .mark_bar(stroke="#333333", strokeWidth=0.3)
        .encode(
            x=alt.X("week:T", title="Week (the dates the list gives for the changes)"),
            y=alt.Y("sum(changes):Q", title="Places changing hands", axis=alt.Axis(tickMinStep=1)),
            color=alt.Color(
                "status_label:N",
                title="Changed to",
                scale=alt.Scale(domain=labels, range=colours),
            ),
            tooltip=[
                alt.Tooltip("week:T", title="Week of", format="%Y-%m-%d"),
                alt.Tooltip("status_label:N", title="Changed to"),
                alt.Tooltip("sum(changes):Q", title="Places"),
            ],
        )
        .properties(height=220)
    )


def change_months(changes: pd.DataFrame) -> list[dt.date]:
    """The months (as their first day) that have changes, latest first."""
    return sorted({d.replace(day=1) for d in changes["date"]}, reverse=True)


def month_of(changes: pd.DataFrame, month: dt.date) -> pd.DataFrame:
    """The changes dated in the month starting `month`."""
    keep = changes["date"].map(lambda d: (d.year, d.month) == (month.year, month.month))
    return changes[keep]


def nearest_month(months: list[dt.date], day: dt.date) -> int:
    """The position in `months` of the month of `day`, or of the closest month to it."""
    if not months:
        return 0
    target = day.replace(day=1)
    return min(range(len(months)), key=lambda i: abs((months[i] - target).days))
