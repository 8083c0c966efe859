"""The map page's "Latest": the claims most recently added to the data, newest first, each
with how long ago it was saved ("2 days ago", the exact time on hover) and a link to the map
at its place and date. Claims saved before saved_at existed are left out."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from urllib.parse import urlencode

from frontline import vocab
from frontline.model import Claim
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


def latest_html(claims: list[Claim], names: Mapping[str, str], now: dt.datetime) -> str:
    """The list as HTML (every text escaped); empty when there is nothing to list."""
    if not claims:
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
        f'<ul style="margin:0;padding-left:1.2rem">{"".join(items)}</ul></section>'
    )
