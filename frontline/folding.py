"""The one fold of apostrophes, dashes, case and accents that matching and searching share."""

from __future__ import annotations

import unicodedata

# Apostrophes and hyphens as reports, Wikipedia and GeoNames write them, each to one form:
# "Kup’iansk", "Kupʼiansk" and "Kup'iansk" are one spelling.
APOSTROPHES_AND_DASHES = str.maketrans(
    {"’": "'", "ʼ": "'", "`": "'", "‘": "'", "′": "'", "‐": "-", "‑": "-", "–": "-"}
)


def normalise(text: str) -> str:
    """Lower-case text with one apostrophe and one hyphen, keeping its length, so that offsets
    in the normalised text are offsets in the original (the geoparser's matching form)."""
    text = text.translate(APOSTROPHES_AND_DASHES)
    return "".join(low if len(low := ch.lower()) == 1 else ch for ch in text)


def fold(text: str) -> str:
    """Text as a search compares it: no case, no accents, one kind of apostrophe and hyphen."""
    decomposed = unicodedata.normalize("NFKD", text.casefold().translate(APOSTROPHES_AND_DASHES))
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))
