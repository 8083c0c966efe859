"""Ukrainian Cyrillic to Latin by Ukraine's official romanisation (KMU resolution 55, 2010).

The dashboard names places as Ukraine itself spells them in English (Kupiansk, Izium,
Balakliia), while GeoNames' main names are often older or Russian-based (Kupyansk, Izyum);
transliterating the Ukrainian name gives the official form.
"""

from __future__ import annotations

import re

# Letters whose romanisation differs at the start of a word.
_WORD_INITIAL = {"є": "ye", "ї": "yi", "й": "y", "ю": "yu", "я": "ya"}
_ELSEWHERE = {
    "а": "a",
    "б": "b",
    "в": "v",
    "г": "h",
    "ґ": "g",
    "д": "d",
    "е": "e",
    "є": "ie",
    "ж": "zh",
    "з": "z",
    "и": "y",
    "і": "i",
    "ї": "i",
    "й": "i",
    "к": "k",
    "л": "l",
    "м": "m",
    "н": "n",
    "о": "o",
    "п": "p",
    "р": "r",
    "с": "s",
    "т": "t",
    "у": "u",
    "ф": "f",
    "х": "kh",
    "ц": "ts",
    "ч": "ch",
    "ш": "sh",
    "щ": "shch",
    "ь": "",
    "ю": "iu",
    "я": "ia",
}
# The soft sign and the apostrophe (in its several typed forms) are not romanised.
_APOSTROPHES = "'’ʼ`"

UKRAINIAN_ONLY = frozenset("ієїґІЄЇҐ")
RUSSIAN_ONLY = frozenset("ыэъёЫЭЪЁ")
_CYRILLIC = re.compile(r"[\u0400-\u04FF]")


def is_cyrillic(text: str) -> bool:
    return bool(_CYRILLIC.search(text))


def could_be_ukrainian(text: str) -> bool:
    """Cyrillic without the letters only Russian uses."""
    return is_cyrillic(text) and not RUSSIAN_ONLY.intersection(text)


def romanize_uk(text: str) -> str:
    """Romanise Ukrainian Cyrillic text; other characters pass through unchanged.

    >>> romanize_uk("Куп’янськ"), romanize_uk("Ізюм"), romanize_uk("Балаклія")
    ('Kupiansk', 'Izium', 'Balakliia')
    """
    out: list[str] = []
    at_word_start = True
    previous = ""
    for char in text:
        lower = char.lower()
        if char in _APOSTROPHES:
            continue
        if lower == "г" and previous == "з":
            latin = "gh"  # "зг" is "zgh", so that it is not read as "zh"
        elif at_word_start and lower in _WORD_INITIAL:
            latin = _WORD_INITIAL[lower]
        else:
            latin = _ELSEWHERE.get(lower, char)
        if char != lower and latin:
            latin = latin[0].upper() + latin[1:]
        out.append(latin)
        at_word_start = not char.isalpha()
        previous = lower
    return "".join(out)
