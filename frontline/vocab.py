"""The words every table, page, export and test uses for a claim."""

from __future__ import annotations

import datetime as dt

# Who holds the place, as the claim has it.
STATUSES = ("ukrainian", "russian", "contested")

# How far the report stands behind the claim, from firmest to weakest.
CERTAINTIES = ("confirmed", "claimed", "unconfirmed", "denied")

# What happened. "fell" is kept apart from "captured" because reports use it for a loss
# described from the defender's side.
EVENTS = (
    "entered",
    "captured",
    "fell",
    "recaptured",
    "liberated",
    "withdrew",
    "fighting",
    "shelled",
    "encircled",
    "held",
)

# Events that state no control: shelling, strikes, attacks, fighting near a place are evidence
# of activity, not of who holds it. A claim of one of these may have an empty status, and a
# claim without a status never sets or changes a place's state (see frontline.events).
NO_CONTROL_EVENTS = ("fighting", "shelled", "struck", "attacked", "repelled")
# Every event a claim may carry, with a status or (a no-control event) without one.
CLAIM_EVENTS = tuple(dict.fromkeys((*EVENTS, *NO_CONTROL_EVENTS)))
EVENT_LABELS = {"repelled": "attack repelled"}

# Where a claim comes from: a news report, or the public record (Wikipedia's list of city
# control), which is never shown as a news report. The map's Source filter chooses among them.
SOURCE_NEWS = "news"
SOURCE_RECORD = "record"
SOURCE_BOTH = "both"
SOURCE_CHOICES = (SOURCE_BOTH, SOURCE_NEWS, SOURCE_RECORD)


def shows(source: str, kind: str) -> bool:
    """Whether a Source choice shows a kind of source (SOURCE_NEWS or SOURCE_RECORD)."""
    return source in (SOURCE_BOTH, kind)


SOURCE_LABELS = {
    SOURCE_BOTH: "News reports, imported data sets and the record",
    SOURCE_NEWS: "News reports and imported data sets",
    SOURCE_RECORD: "Wikipedia's list (the record)",
}

DATE_PRECISIONS = ("day", "week", "month", "range")

PLACE_KINDS = ("city", "town", "village", "oblast", "country")

# The start of the full-scale invasion: where the timeline begins, and what "for months" and
# "since the invasion" reach back to in reports of this war.
INVASION_START = dt.date(2022, 2, 24)

# The two readings of the timeline: claims about events up to D, or what the articles
# published by D had reported.
MODE_HAPPENED = "happened"
MODE_KNOWN = "known"
MODES = (MODE_HAPPENED, MODE_KNOWN)
MODE_LABELS = {
    MODE_HAPPENED: "What happened by this date",
    MODE_KNOWN: "What was known on this date",
}

STATUS_LABELS = {
    "ukrainian": "Ukrainian-held",
    "russian": "Russian-held",
    "contested": "Contested",
}

# Each at least 3:1 against the offline map's grey (#ddd), the tiles' land and white, so a
# ring or an outline in it stands out (WCAG 1.4.11), and still apart for colour-blind readers:
# blue and a dark orange differ on the blue-yellow axis that red-green colour blindness keeps,
# and contested (the grey zone) is a charcoal, darker than both (tests/test_palette.py).
STATUS_COLOURS = {
    "ukrainian": "#0072B2",
    "russian": "#B34700",
    "contested": "#333333",
}
NO_CLAIM_COLOUR = "#767676"

# Certainty is drawn without colour, so it survives greyscale printing and colour blindness:
# a firm claim is a filled marker with a solid outline, a party's claim is filled with a
# dashed outline, an unconfirmed or denied one is hollow (white inside, coloured ring).
CERTAINTY_FILLED = {"confirmed": True, "claimed": True, "unconfirmed": False, "denied": False}
CERTAINTY_DASH = {"confirmed": None, "claimed": "5 3", "unconfirmed": "3 3", "denied": "1 4"}
# The same outlines as a CSS border, for the legend; claimed and unconfirmed differ by their
# fill (CERTAINTY_FILLED) there as on the map.
CERTAINTY_BORDER = {
    "confirmed": "solid",
    "claimed": "dashed",
    "unconfirmed": "dashed",
    "denied": "dotted",
}
HOLLOW_FILL = "#ffffff"
