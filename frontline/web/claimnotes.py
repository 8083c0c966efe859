"""What changed about a place's claims, in words for its panel: the earlier claims the
current ones correct, and the claims withdrawn, each with who, when and why from the
history of changes."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from frontline.model import Claim
from frontline.store.corrections import correction_summary, retraction_summary
from frontline.store.historylog import Change, list_changes, undone_by
from frontline.web.text import escape_html


def _change(changes: list[Change], prefix: str) -> Change | None:
    """The newest change in effect whose summary starts with prefix (as the correction and
    retraction plans write it)."""
    undone = undone_by(changes)
    for change in reversed(changes):
        if change.id not in undone and change.summary.startswith(prefix):
            return change
    return None


def _by(change: Change | None) -> str:
    if change is None:
        return ""
    text = f", changed on {change.when[:10]} by {change.who}"
    return text + (f": {change.why}" if change.why else "")


def claim_notes(place_id: str, claims: Iterable[Claim], changes: list[Change]) -> list[str]:
    """One line for each correction and retraction among the place's claims, oldest first."""
    claims = list(claims)
    places = {c.claim_id: c.place_id for c in claims}
    notes = []
    for claim in claims:
        # A corrected place: the note is on both the old place and the new one.
        if place_id not in (claim.place_id, places.get(claim.superseded_by)):
            continue
        if claim.superseded_by:
            change = _change(changes, correction_summary(claim.claim_id, claim.superseded_by))
            notes.append(
                f"Claim {claim.superseded_by} corrects claim {claim.claim_id}: status was "
                f"{claim.status}, {claim.certainty}, {claim.date.isoformat()}{_by(change)}"
            )
        elif claim.retracted:
            change = _change(changes, retraction_summary(claim.claim_id))
            notes.append(
                f"Claim {claim.claim_id} ({claim.status}, {claim.date.isoformat()}) was "
                f"retracted: {claim.retracted}{_by(change)}"
            )
    return notes


def claim_notes_html(place_id: str, claims: Iterable[Claim], root: Path | str) -> str:
    """The notes for the panel, under the claims, escaped; "" when nothing changed."""
    lines = claim_notes(place_id, claims, list_changes(root)[0])
    if not lines:
        return ""
    items = "".join(f"<li>{escape_html(line)}</li>" for line in lines)
    return f'<div class="fl-changed"><p class="fl-meta">What changed:</p><ul>{items}</ul></div>'
