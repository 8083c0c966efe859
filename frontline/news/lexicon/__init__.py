"""The words that carry meaning for the reader, one module a language (en.py), chosen by an
article's language code. A language without its own module is read with English's, whose
patterns carry the Ukrainian and Russian forms reports quote; adding uk.py with a LEXICON
and an entry in LEXICONS is all a new language needs."""

from __future__ import annotations

from frontline.news.lexicon import en
from frontline.news.lexicon.model import CONTESTED, RUSSIAN, UKRAINIAN, Cue, Lexicon

__all__ = ["CONTESTED", "LEXICONS", "RUSSIAN", "UKRAINIAN", "Cue", "Lexicon", "for_language"]

LEXICONS: dict[str, Lexicon] = {"en": en.LEXICON}
FALLBACK = "en"


def for_language(code: str) -> Lexicon:
    """The lexicon for a language code ("en", "en-GB", "uk"), else English's."""
    primary = (code or "").strip().lower().replace("_", "-").split("-")[0]
    return LEXICONS.get(primary, LEXICONS[FALLBACK])
