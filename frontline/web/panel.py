"""The side panel of a selected place: its assessment in words, and its claims grouped by
what they support, newest first. All text is escaped here."""

from __future__ import annotations

from collections.abc import Mapping

import pandas as pd

from frontline.events import NO_STATUS, status_label
from frontline.web.markers import assessment_note
from frontline.web.present import STYLE, claim_card_html
from frontline.web.text import escape_html

EVENTS_HEADING = "Events: no status"
DENIALS_HEADING = "Denials"


def assessment_html(row: Mapping | None) -> str:
    """The place's assessment as the marker shows it, in one line."""
    if row is None:
        return ""
    if row["status"] == NO_STATUS:
        text = "No status: only events (shelling, strikes, attacks…) are reported here."
    else:
        text = f"Assessed: {status_label(row['status'])}, {row['certainty']}"
        note = assessment_note(row)
        if note:
            text += f" — {note}"
        text += "."
    return f'{STYLE}<p class="fl-meta fl-assessment"><strong>{escape_html(text)}</strong></p>'


def claim_groups(history: pd.DataFrame, status: str = "") -> list[tuple[str, pd.DataFrame]]:
    """The claims by what they support, newest first in each group: the assessed status
    first, then the other statuses, events, and denials last."""
    if history.empty:
        return []
    newest = history.iloc[::-1]
    denied = newest["certainty"] == "denied"
    groups = []
    statuses = list(dict.fromkeys([status, *newest["status"]]))
    for each in statuses:
        if each == NO_STATUS:
            continue
        rows = newest[(newest["status"] == each) & ~denied]
        if not rows.empty:
            groups.append((f"Supports {status_label(each)}", rows))
    events = newest[(newest["status"] == NO_STATUS) & ~denied]
    if not events.empty:
        groups.append((EVENTS_HEADING, events))
    if denied.any():
        groups.append((DENIALS_HEADING, newest[denied]))
    return groups


def claim_groups_html(history: pd.DataFrame, status: str = "") -> str:
    """The groups, each under a heading with its count, as claim cards."""
    parts = []
    for heading, rows in claim_groups(history, status):
        count = f"{len(rows)} claim{'' if len(rows) == 1 else 's'}"
        parts.append(
            f'<div class="fl-group"><h4 class="fl-head" style="margin:.6rem 0 0 0;'
            f'font-size:1rem">{escape_html(heading)} ({count})</h4>'
            + "".join(claim_card_html(row) for _, row in rows.iterrows())
            + "</div>"
        )
    return "".join(parts)
