"""Dates as the list's editors wrote them: the "As of" cell ("6 September 2022", "22-Apr-22")
and the dated statements of "More information" ("Recaptured by Ukraine 8 September.",
"Captured by Russia/ DPR between 13 and 15 May 2022.", "Contested as of 10 September 2022.").

Only these written forms are read; anything else ("early in the war", "in 2022") gives no
date, and the entry falls back to its revision's day.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass

MONTHS = {name.lower(): number for number, name in enumerate(calendar.month_name) if name}
MONTHS |= {name.lower(): number for number, name in enumerate(calendar.month_abbr) if name}
MONTHS["sept"] = 9

_MONTH = r"(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?"  # noqa: E501
_DAY = r"\d{1,2}(?:st|nd|rd|th)?"
_YEAR = r"(?:19|20)\d\d"
_DASH = r"\s*(?:-|–|—|and|to|until)\s*"

# Each form names its groups: d/m/y for one day, d1/m1/y1 for the start of a range.
_RANGE = re.compile(
    rf"\bbetween\s+(?:around\s+)?(?P<d1>{_DAY})(?:\s+(?P<m1>{_MONTH}))?(?:\s+(?P<y1>{_YEAR}))?"
    rf"{_DASH}(?:around\s+)?(?P<d>{_DAY})\s+(?P<m>{_MONTH})(?:,?\s+(?P<y>{_YEAR}))?",
    re.IGNORECASE,
)
_DAY_RANGE = re.compile(
    rf"\b(?P<d1>{_DAY})\s*[-–]\s*(?P<d>{_DAY})\s+(?P<m>{_MONTH})(?:,?\s+(?P<y>{_YEAR}))?\b",
    re.IGNORECASE,
)
_DAY_MONTH = re.compile(
    rf"\b(?P<d>{_DAY})\s+(?P<m>{_MONTH})(?:,?\s+(?P<y>{_YEAR}))?(?![A-Za-z])", re.IGNORECASE
)
_MONTH_DAY = re.compile(
    rf"\b(?P<m>{_MONTH})\s+(?P<d>{_DAY})(?:(?:,\s*|\s+)(?P<y>{_YEAR}))?(?![\d:A-Za-z])",
    re.IGNORECASE,
)
_MONTH_YEAR = re.compile(
    rf"\b(?:(?:early|mid|late)[\s-]+)?(?P<m>{_MONTH})\s+(?P<y>{_YEAR})\b", re.IGNORECASE
)
# Tried in this order: at one position the first that matches wins.
_FORMS = (
    ("range", _RANGE),
    ("range", _DAY_RANGE),
    ("day", _DAY_MONTH),
    ("day", _MONTH_DAY),
    ("month", _MONTH_YEAR),
)

_AS_OF_FORMS = (
    re.compile(rf"^(?P<d>{_DAY})\s+(?P<m>{_MONTH}),?\s+(?P<y>{_YEAR})$", re.IGNORECASE),
    re.compile(rf"^(?P<m>{_MONTH})\s+(?P<d>{_DAY})(?:,\s*|\s+)(?P<y>{_YEAR})$", re.IGNORECASE),
    re.compile(r"^(?P<d>\d{1,2})-(?P<m>[A-Za-z]{3})-(?P<y2>\d\d)$"),
    re.compile(r"^(?P<y>\d{4})-(?P<mm>\d\d)-(?P<d>\d\d)$"),
)

# A capture stated by the list: the verb opens a sentence (capitalised), so that "Partially
# recaptured by", "Claimed recaptured by" or "City centre recaptured by" are not read as one.
_CAPTURE = re.compile(
    r"(?<![A-Za-z])(?:Fully\s+)?(?:Captured|Recaptured|Liberated|Retaken)\s+by\s+"
    r"(?P<side>[^.;,]*?)(?=\s+(?:(?:on|in|by|between|around|since|after|before|during|early|"
    r"late|mid|at)\b|\d)|\s*[.;,(]|$)"
)
_CONTESTED = re.compile(r"(?<![A-Za-z])Contested\b")
_UKRAINIAN_SIDE = re.compile(r"\bUkrain", re.IGNORECASE)
_RUSSIAN_SIDE = re.compile(r"\bRussia|\b(?:Donetsk|Luhansk|Lugansk)\s+PR\b|\b[DL]PR\b|\bWagner")
_SENTENCE_END = re.compile(r"\.(?:\s|$)|\.(?=[A-Z])|;")
CLAUSE_LENGTH = 120  # how far after a statement's verb its date may stand


@dataclass(frozen=True)
class StatedDate:
    start: dt.date
    end: dt.date
    precision: str  # one of vocab.DATE_PRECISIONS
    text: str  # the words it was read from


@dataclass(frozen=True)
class Statement:
    """A sentence of "More information" saying who holds the place."""

    status: str
    date: StatedDate | None
    text: str


def _year_for(month: int, day: int, recorded: dt.date) -> int:
    """A date written without its year: the latest year that does not put it after the day
    the list recorded it."""
    year = recorded.year
    try:
        return year if dt.date(year, month, day) <= recorded else year - 1
    except ValueError:
        return year - 1


def _make_date(year: int | None, month: int, day: int, recorded: dt.date) -> dt.date | None:
    try:
        return dt.date(year if year else _year_for(month, day, recorded), month, day)
    except ValueError:
        return None


def _month(word: str) -> int:
    return MONTHS[word.lower().rstrip(".")]


def _day(word: str) -> int:
    return int(re.match(r"\d+", word).group())


def _from_match(kind: str, found: re.Match, recorded: dt.date) -> StatedDate | None:
    groups = found.groupdict()
    month = _month(groups["m"])
    year = int(groups["y"]) if groups.get("y") else None
    if kind == "month":
        start = dt.date(year, month, 1)
        end = dt.date(year, month, calendar.monthrange(year, month)[1])
        return StatedDate(start, end, "month", found.group())
    end = _make_date(year, month, _day(groups["d"]), recorded)
    if end is None:
        return None
    if kind == "day":
        return StatedDate(end, end, "day", found.group())
    start_month = _month(groups["m1"]) if groups.get("m1") else end.month
    start_year = int(groups["y1"]) if groups.get("y1") else end.year
    start = _make_date(start_year, start_month, _day(groups["d1"]), recorded)
    if start is None or start > end:
        return None
    return StatedDate(start, end, "range", found.group())


def find_date(text: str, recorded: dt.date) -> StatedDate | None:
    """The first date written in `text` (a year alone is not a date here)."""
    best: tuple[int, int, StatedDate] | None = None
    for rank, (kind, pattern) in enumerate(_FORMS):
        for found in pattern.finditer(text):
            stated = _from_match(kind, found, recorded)
            if stated is not None:
                if best is None or (found.start(), rank) < best[:2]:
                    best = (found.start(), rank, stated)
                break
    return best[2] if best else None


def parse_as_of(text: str, recorded: dt.date) -> StatedDate | None:
    """The "As of" cell as a day, if the whole cell is one date."""
    cell = " ".join(text.split())
    for pattern in _AS_OF_FORMS:
        found = pattern.match(cell)
        if not found:
            continue
        groups = found.groupdict()
        try:
            month = int(groups["mm"]) if groups.get("mm") else _month(groups["m"])
        except KeyError:
            return None
        year = int(groups["y"]) if groups.get("y") else 2000 + int(groups["y2"])
        day = _make_date(year, month, int(groups["d"]), recorded)
        return StatedDate(day, day, "day", cell) if day else None
    return None


def _clause(text: str, start: int) -> str:
    rest = text[start : start + CLAUSE_LENGTH]
    end = _SENTENCE_END.search(rest)
    return rest[: end.start()] if end else rest


def statements(text: str, recorded: dt.date) -> list[Statement]:
    """The control statements of a "More information" cell, in the order written."""
    text = " ".join(text.split())
    found: list[tuple[int, Statement]] = []
    for capture in _CAPTURE.finditer(text):
        side = capture.group("side")
        ukrainian, russian = bool(_UKRAINIAN_SIDE.search(side)), bool(_RUSSIAN_SIDE.search(side))
        if ukrainian == russian:
            continue  # neither side, or both: not a statement of who took the place
        clause = _clause(text, capture.end())
        status = "ukrainian" if ukrainian else "russian"
        words = (capture.group() + clause).strip()
        found.append((capture.start(), Statement(status, find_date(clause, recorded), words)))
    for contested in _CONTESTED.finditer(text):
        clause = _clause(text, contested.end())
        words = (contested.group() + clause).strip()
        found.append(
            (contested.start(), Statement("contested", find_date(clause, recorded), words))
        )
    return [statement for _, statement in sorted(found, key=lambda pair: pair[0])]


def latest_dated(found: list[Statement], status: str) -> Statement | None:
    """The statement with the latest date that gives this status (the last written, on a
    tie), or None."""
    dated = [s for s in found if s.status == status and s.date is not None]
    if not dated:
        return None
    return max(enumerate(dated), key=lambda pair: (pair[1].date.start, pair[0]))[1]
