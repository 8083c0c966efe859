"""The words every table, page, export and test uses for a claim."""

from __future__ import annotations

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

DATE_PRECISIONS = ("day", "week", "month", "range")

PLACE_KINDS = ("city", "town", "village", "oblast", "country")

# The two readings of the timeline: claims about events up to D, or what the articles
# published by D had reported.
MODE_HAPPENED = "happened"
MODE_KNOWN = "known"
MODES = (MODE_HAPPENED, MODE_KNOWN)

STATUS_LABELS = {
    "ukrainian": "Ukrainian-held",
    "russian": "Russian-held",
    "contested": "Contested",
}

# Okabe–Ito colours: distinguishable with the common colour-vision deficiencies.
STATUS_COLOURS = {
    "ukrainian": "#0072B2",
    "russian": "#D55E00",
    "contested": "#F0E442",
}
NO_CLAIM_COLOUR = "#999999"

# Certainty is drawn without colour, so it survives greyscale printing and colour blindness.
CERTAINTY_FILL_OPACITY = {
    "confirmed": 0.9,
    "claimed": 0.45,
    "unconfirmed": 0.12,
    "denied": 0.12,
}
CERTAINTY_DASH = {
    "confirmed": None,
    "claimed": None,
    "unconfirmed": "4 3",
    "denied": "1 3",
}
