"""The History page's view of the changes: newest first, each as escaped HTML (who, when,
what, why, the files it touched, and what undid it), and whether it can be undone now."""

from __future__ import annotations

from dataclasses import dataclass

from frontline.store.historylog import Change, undone_by
from frontline.web.text import escape_html

SHOWN = 200  # the newest changes the page lists; `frontline history` lists them all
KIND_LABELS = {
    "article": "article added",
    "import": "import",
    "edit": "edit",
    "undo": "undo",
}


@dataclass(frozen=True)
class ShownChange:
    change: Change
    undone_by: str  # the id of the undo that undid it, or ""

    @property
    def undoable(self) -> bool:
        return not self.undone_by


def newest_first(changes: list[Change], limit: int = SHOWN) -> list[ShownChange]:
    undone = undone_by(changes)
    return [ShownChange(c, undone.get(c.id, "")) for c in reversed(changes[-limit:])]


def change_html(shown: ShownChange) -> str:
    """One change as HTML; every field from the file is escaped, so that it is text."""
    change = shown.change
    files = ", ".join(f.path for f in change.files)
    why = escape_html(change.why) if change.why.strip() else "<i>no reason given</i>"
    kind = escape_html(KIND_LABELS.get(change.kind, change.kind))
    undone = f"<br><b>Undone</b> by {escape_html(shown.undone_by)}" if shown.undone_by else ""
    return (
        f'<div class="fl-change"><b>{escape_html(change.when)}</b> · '
        f"{escape_html(change.who)} · {kind}<br>"
        f"{escape_html(change.summary)}<br>"
        f"<small>Why: {why} · files: {escape_html(files)} · id "
        f"<code>{escape_html(change.id)}</code></small>{undone}</div>"
    )
