"""The one fold of apostrophes, dashes, case and accents that matching and searching share."""

from __future__ import annotations

import functools
import sys
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


@functools.cache
def _combining_marks() -> dict[int, None]:
    """Every combining mark (accents once decomposed), for str.translate to drop at C speed."""
    return dict.fromkeys(c for c in range(sys.maxunicode + 1) if unicodedata.combining(chr(c)))


def fold(text: str) -> str:
    """Text as a search compares it: no case, no accents, one kind of apostrophe and hyphen."""
    folded = text.casefold().translate(APOSTROPHES_AND_DASHES)
    if folded.isascii():  # most of the data: nothing to decompose
        return folded
    return unicodedata.normalize("NFKD", folded).translate(_combining_marks())
