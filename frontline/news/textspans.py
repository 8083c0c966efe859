"""Sentences, clauses and words of an article, as character offsets into its text.

Offsets, not copies: a claim quotes the article verbatim at given offsets, so every step of
geoparsing and extraction works on (start, end) pairs of the original text.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

# "KHARKIV, Ukraine:" or "KYIV (Reuters) -": the place and outlet a report is filed from, in
# capitals, near the start (after a scraper's "date 2022-09-11", say).
# "KYIV, Oct 2 (Reuters) -", "MOSCOW/KYIV, May 20 (Reuters) -" (filed from two cities),
# "KHARKIV, Ukraine, Sept. 10 (AFP) -" (the country and the day).
DATELINE = re.compile(
    r"(?:^|\s)[A-ZА-ЯІЇЄҐ][A-ZА-ЯІЇЄҐ'’.-]{2,}(?:(?:\s+|/)[A-ZА-ЯІЇЄҐ][A-ZА-ЯІЇЄҐ'’.-]+)*"
    r"(?:,\s*[A-Z][\w .]{1,30}?){0,2}\s*(?:\([^)\n]{1,40}\))?\s*(?::|--|—|–|-)\s+"
)
DATELINE_REACH = 80
# "Kyiv, August 28 —", "Kharkiv, Sept. 10 (Reuters) -", "Nov 3 (AFP) -": a dateline in
# title case with its day; without its place, the outlet in brackets makes it one.
_DAY_OF_MONTH = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2}"
_TITLE_DATELINE = re.compile(
    rf"\s*(?:[A-Z][\w'’-]+(?:(?:\s+|/)[A-Z][\w'’-]+)?,\s+{_DAY_OF_MONTH}\s*(?:\([^)\n]{{1,40}}\))?"
    rf"|{_DAY_OF_MONTH}\s*\([^)\n]{{1,40}}\))\s*(?::|--|—|–|-)\s+"
)

# Abbreviations after which a full stop does not end a sentence.
_ABBREVIATIONS = (
    "mr",
    "mrs",
    "ms",
    "dr",
    "gen",
    "lt",
    "col",
    "maj",
    "capt",
    "sgt",
    "st",
    "no",
    "vs",
    "jan",
    "feb",
    "mar",
    "apr",
    "jun",
    "jul",
    "aug",
    "sep",
    "sept",
    "oct",
    "nov",
    "dec",
    "approx",
    "u.s",
    "u.k",
    "e.g",
    "i.e",
)
# A single line break is not an end: reports are often wrapped at a fixed width. Text
# scraped from tables loses the space or the line break after a full stop ("2022.Recaptured",
# "shelling.Recaptured") or after a year or a bracket ("June 2022Recaptured",
# "(2014)Captured"): those end a sentence too.
_SENTENCE_END = re.compile(
    r"[.!?]+[\"'”’»)]*(?=\s+[\"'“‘«(]?[A-ZА-ЯІЇЄҐ0-9])|\n\s*\n"
    r"|(?:(?<=\d)|(?<=[a-z]{2}))\.(?=[A-Z][a-z]{2})|(?:(?<=\d{4})|(?<=\)))(?=[A-Z][a-z]{3})"
)
# Where a sentence breaks into clauses that can carry claims of their own.
_CLAUSE_BREAK = re.compile(
    r"\s+--\s+|\s+[—–]\s+(?!\d)|;\s+|,?\s+while\s+|,?\s+whereas\s+|,\s+but\s+"
    # "..., Maliar said, adding that Russian troops had left Klishchiivka": what is added is
    # a claim of its own, with "that" or without it ("saying fighting had moved to Y").
    r"|,\s+(?=(?:adding|saying|noting)\s+"
    r"(?:that\b|(?:the\s+)?[a-z]+\s+(?:had|has|was|were|is|are)\b))"
    # "posted photographs of the flag over X and said the Russians had fled": what the
    # subject goes on to say is a claim of its own.
    r"|,?\s+and\s+(?=(?:said|says|added|claimed|announced|reported)\s)"
)
WORD = re.compile(r"[^\W_][\w'’-]*")


def _trim(text: str, start: int, end: int) -> tuple[int, int] | None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return (start, end) if start < end else None


def dateline_end(text: str) -> int:
    """Where the dateline ends (0 when the text has none)."""
    titled = _TITLE_DATELINE.match(text)
    if titled:
        return titled.end()
    match = DATELINE.search(text, 0, DATELINE_REACH)
    # At most a short label before it; after a few words of prose it is no dateline.
    if match is None or len(text[: match.start()].split()) > 2:
        return 0
    return match.end()


def sentences(text: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence; the dateline is a sentence of its own."""
    spans: list[tuple[int, int]] = []
    start = dateline_end(text)
    if start:
        spans.append(_trim(text, 0, start) or (0, start))
    for match in _SENTENCE_END.finditer(text, start):
        end = match.end() if match.group(0).strip() else match.start()
        before = text[start : match.start()].rsplit(None, 1)
        if (
            before
            and before[-1].lower().rstrip(".") in _ABBREVIATIONS
            and not match.group(0).startswith("\n")
        ):
            continue
        span = _trim(text, start, end)
        if span:
            spans.append(span)
        start = match.end()
    span = _trim(text, start, len(text))
    if span:
        spans.append(span)
    return spans


def clauses(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The clauses of the sentence text[start:end]."""
    spans = []
    for match in _CLAUSE_BREAK.finditer(text, start, end):
        span = _trim(text, start, match.start())
        if span:
            spans.append(span)
        start = match.end()
    span = _trim(text, start, end)
    if span:
        spans.append(span)
    return spans


def enclosing(spans: list[tuple[int, int]], start: int, end: int) -> tuple[int, int] | None:
    """The span that contains [start, end), if any."""
    for span in spans:
        if span[0] <= start and end <= span[1]:
            return span
    return None


def words(text: str, start: int = 0, end: int | None = None) -> Iterator[re.Match[str]]:
    return WORD.finditer(text, start, len(text) if end is None else end)
