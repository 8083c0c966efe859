"""The change log: for each date, which places changed state, from what to what, on whose
claim; and the number of claims over time by status, for a small chart.

A place's state follows the same rule as the map's (timeline.state_as_of): its latest claim
in timeline order, where a denial sets nothing.
"""

from __future__ import annotations

import altair as alt
import pandas as pd

from frontline import vocab
from frontline.timeline import describe_date
from frontline.urlstate import map_link, under_base
from frontline.web.present import STYLE as PRESENT_STYLE
from frontline.web.present import article_link
from frontline.web.text import escape_html

FIRST = "first"  # the first claim about a place
STATUS = "status"  # another status than before
CERTAINTY = "certainty"  # the same status, held with another certainty
DENIED = "denied"  # a claim denied: worth reporting, but it changes nothing

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
]

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


def change_log(table: pd.DataFrame) -> pd.DataFrame:
    """One row per change of a place's state, in timeline order (the order of the claims
    table): its first claim, a new status, the same status with another certainty, or a
    denial. A claim repeating the place's state is not a change."""
    entries = []
    current: dict[str, tuple[str, str]] = {}
    for _, row in table.iterrows():
        before = current.get(row["place_id"])
        now = (row["status"], row["certainty"])
        if row["certainty"] == "denied":
            kind = DENIED
        elif before is None:
            kind = FIRST
        elif before[0] != now[0]:
            kind = STATUS
        elif before[1] != now[1]:
            kind = CERTAINTY
        else:
            continue
        if kind != DENIED:
            current[row["place_id"]] = now
        entries.append(
            {
                "date": row["date"].date(),
                "kind": kind,
                "place_id": row["place_id"],
                "name": row["name"],
                "from_status": before[0] if before else None,
                "from_certainty": before[1] if before else None,
                "status": row["status"],
                "certainty": row["certainty"],
                "event": row["event"],
                "claimant": row["claimant"],
                "when": describe_date(row),
                "claim_id": row["claim_id"],
                "article_id": row["article_id"],
                "outlet": row["outlet"],
                "published": row["published"].date(),
            }
        )
    return pd.DataFrame(entries, columns=CHANGE_COLUMNS)


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
    else:
        change = f"denied that it is {now}; no change"
    return f"{change} — {entry['event']}, per {entry['claimant']}"


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
            else:  # the record's entries have no article; its map shows the record
                place_href = under_base(
                    map_link(day, entry["place_id"], source=vocab.SOURCE_RECORD), base_path
                )
                source = f'<span class="fl-note">{source} (revision)</span>'
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
    counts["status_label"] = counts["status"].map(vocab.STATUS_LABELS)
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
    unit, period = chart_period(counts)
    labels = [vocab.STATUS_LABELS[s] for s in vocab.STATUSES]
    colours = [vocab.STATUS_COLOURS[s] for s in vocab.STATUSES]
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
