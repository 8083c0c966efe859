"""Claims that state no control: shelling, strikes, attacks, fighting near a place, an attack
repelled. Such a claim carries an event and an empty status; it is shown and counted, but it
never sets or changes a place's state."""

from __future__ import annotations

from frontline import vocab

NO_STATUS = ""  # the status of a claim that states no control


def states_control(status: str) -> bool:
    """Whether a claim of this status says who holds the place."""
    return status != NO_STATUS


def status_event_problem(status: str, event: str) -> tuple[str, str] | None:
    """What is wrong with a claim's status and event together, as (field, message), or None.
    A status is one of vocab.STATUSES, or empty for an event that states no control."""
    if event not in vocab.CLAIM_EVENTS:
        return "event", f"{event[:40]!r} is not one of: {', '.join(vocab.CLAIM_EVENTS)}"
    if status == NO_STATUS:
        if event not in vocab.NO_CONTROL_EVENTS:
            return (
                "status",
                "is empty; only an event that states no control "
                f"({', '.join(vocab.NO_CONTROL_EVENTS)}) may go without a status",
            )
        return None
    if status not in vocab.STATUSES:
        return "status", f"{status[:40]!r} is not one of: {', '.join(vocab.STATUSES)}"
    return None


def event_label(event: str) -> str:
    """An event as the pages name it ("attack repelled")."""
    return vocab.EVENT_LABELS.get(event, event)


def status_label(status: str) -> str:
    """A status as the pages name it; a claim without one is an event only."""
    if status == NO_STATUS:
        return "no status (event only)"
    return vocab.STATUS_LABELS.get(status, status)
