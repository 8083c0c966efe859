"""The map page's "Latest": the claims most recently added to the data, newest first, each
with how long ago it was saved ("2 days ago", the exact time on hover) and a link to the map
at its place and date. Claims saved before saved_at existed are left out. Below them, the
newest changes of status from the Changes page's change log (frontline.web.changes), each with
how many days before today it is dated and a link to the map at its place and that date."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from urllib.parse import urlencode

import pandas as pd

from frontline import vocab
from frontline.model import Claim
from frontline.urlstate import map_link, under_base
from frontline.web.changes import DISPUTED, STATUS, change_text
from frontline.web.text import escape_html

LATEST_COUNT = 5
SAVED_AT_FORMAT = "%Y-%m-%dT%H:%M:%SZ"


def saved_moment(saved_at: str) -> dt.datetime:
    return dt.datetime.strptime(saved_at, SAVED_AT_FORMAT).replace(tzinfo=dt.UTC)


def time_ago(moment: dt.datetime, now: dt.datetime) -> str:
    """How long before `now` a moment was, in the largest whole unit: "3 minutes ago"."""
    seconds = max(0, int((now - moment).total_seconds()))
    for size, unit in ((86_400, "day"), (3_600, "hour"), (60, "minute")):
        if seconds >= size:
            count = seconds // size
            if unit == "day" and count == 1:
                return "yesterday"
            return f"{count} {unit}{'' if count == 1 else 's'} ago"
    return "just now"


def latest_claims(claims: Iterable[Claim], count: int = LATEST_COUNT) -> list[Claim]:
    """The claims saved most recently, newest first (ties by claim id, so the order holds)."""
    saved = [c for c in claims if c.saved_at]
    return sorted(saved, key=lambda c: (c.saved_at, c.claim_id), reverse=True)[:count]


def days_ago(day: dt.date, today: dt.date) -> str:
    """How many days before `today` a date is: "today", "yesterday", "3 days ago"."""
    days = (today - day).days
    if days <= 0:
        return "today"
    return "yesterday" if days == 1 else f"{days} days ago"


def latest_changes(log: pd.DataFrame, count: int = LATEST_COUNT) -> pd.DataFrame:
    """The newest changes of status in a change log (frontline.web.changes.change_log): a
    place's status turned, or disputed between the sides; latest date first, the log's order
    kept within a date (the timeline's)."""
    turned = log[log["kind"].isin([STATUS, DISPUTED])]
    return turned.iloc[::-1].sort_values("date", ascending=False, kind="stable").head(count)


def _changes_items(changes: pd.DataFrame, today: dt.date, base_path: str) -> list[str]:
    items = []
    for _, entry in changes.iterrows():
        day = entry["date"]
        href = under_base(map_link(day, entry["place_id"]), base_path)
        items.append(
            f'<li><a href="{escape_html(href)}" target="_self">{escape_html(entry["name"])}</a>: '
            f"{escape_html(change_text(entry))}, "
            f'<time datetime="{day.isoformat()}" title="{day.isoformat()}">'
            f"{days_ago(day, today)}</time></li>"
        )
    return items


def latest_html(
    claims: list[Claim],
    names: Mapping[str, str],
    now: dt.datetime,
    changes: pd.DataFrame | None = None,
    *,
    base_path: str = "",
) -> str:
    """The list as HTML (every text escaped); empty when there is nothing to list."""
    changed = [] if changes is None else _changes_items(changes, now.date(), base_path)
    if not claims and not changed:
        return ""
    items = []
    for claim in claims:
        moment = saved_moment(claim.saved_at)
        link = "?" + urlencode({"as_of": claim.date.isoformat(), "place": claim.place_id})
        status = vocab.STATUS_LABELS.get(claim.status, claim.status)
        items.append(
            f'<li><a href="{escape_html(link)}" target="_self">'
            f"{escape_html(names.get(claim.place_id, claim.place_id))}</a>: "
            f"{escape_html(status)} ({escape_html(claim.certainty)}), a claim of "
            f"{claim.date.isoformat()}, added "
            f'<time datetime="{claim.saved_at}" '
            f'title="{moment:%Y-%m-%d %H:%M} UTC">{time_ago(moment, now)}</time></li>'
        )
    return (
        '<section class="fl-latest" aria-labelledby="fl-latest-h">'
        '<h2 id="fl-latest-h" style="font-size:1.1rem;margin:.8rem 0 .3rem">Latest</h2>'
        + (
            '<h3 style="font-size:1rem;margin:.5rem 0 .2rem">Claims added</h3>'
            f'<ul style="margin:0;padding-left:1.2rem">{"".join(items)}</ul>'
            if items
            else ""
        )
        + (
            '<h3 style="font-size:1rem;margin:.5rem 0 .2rem">Changes of status</h3>'
            f'<ul style="margin:0;padding-left:1.2rem">{"".join(changed)}</ul>'
            if changed
            else ""
        )
        + "</section>"
    )
