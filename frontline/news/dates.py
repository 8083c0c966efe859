"""Dates in a report ("on Saturday", "overnight", "last week", "within the first week after
February 24"), resolved against its dateline, with their precision.

dateparser resolves the words against the dateline (RELATIVE_BASE). It is not asked to
prefer past dates up front (PREFER_DATES_FROM="past" turns "on Sunday" in a Sunday report into
the Sunday before); a date it puts after the dateline is parsed again preferring the past,
since a report tells what has happened. It cannot read "overnight" or "late on Tuesday", so
the expressions are found here and only their core is given to it.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

import dateparser

from frontline.vocab import INVASION_START

# A day named without its year that falls this soon after the dateline is that coming day.
SOON = dt.timedelta(days=14)

_WEEKDAYS = "monday|tuesday|wednesday|thursday|friday|saturday|sunday"
_MONTHS = (
    "january|february|march|april|may|june|july|august|september|october|november|"
    "december|jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec"
)
_DAY_MONTH = (
    rf"(?:(?:{_MONTHS})\.?\s+\d{{1,2}}(?:st|nd|rd|th)?"
    rf"|\d{{1,2}}(?:st|nd|rd|th)?\s+(?:{_MONTHS}))(?:,?\s+\d{{4}})?"
)

_DAY_NUMBER = r"\d{1,2}(?:st|nd|rd|th)?"
_COUNT = r"an?|one|two|three|four|five|six|seven|eight|nine|ten|\d{1,2}"
_INTERVAL = rf"\b(?:{_COUNT})\s+(?:days?|weeks?|months?)"
_INTERVAL_AFTER = rf"{_INTERVAL}\s+after\b"
# Each pattern names its kind; the first group, if any, is the part dateparser reads (a range
# and a month of a year have two: the start and the end, the month and the year).
_PATTERNS: tuple[tuple[str, str], ...] = (
    (
        "range",
        rf"\bbetween\s+(?:around\s+)?({_DAY_NUMBER}(?:\s+(?:{_MONTHS})\b\.?)?(?:,?\s+\d{{4}})?)"
        rf"\s*(?:-|–|—|\band\b|\bto\b|\buntil\b)\s*(?:around\s+)?({_DAY_MONTH})\b",
    ),
    (
        "week_after",
        r"\b(?:with)?in\s+(?:the\s+)?first\s+week\s+(?:after|of|since)\s+"
        rf"(?:[^.;]{{0,80}}?\s)?(?:on\s+)?({_DAY_MONTH}|(?:{_MONTHS})\b)",
    ),
    # "in the first days of the invasion": the invasion's first days, to the end of February.
    (
        "invasion_days",
        r"\b(?:in|during)\s+the\s+(?:first|opening|early|earliest)\s+days\s+of\s+"
        r"(?:the|russia's|russia’s)\s+(?:full-scale\s+)?(?:invasion|war)\b",
    ),
    (
        "invasion_day",
        r"\b(?:on\s+)?the\s+(?:very\s+)?first\s+day\s+of\s+(?:the\s+)?(?:full-scale\s+)?"
        r"(?:invasion|war)\b",
    ),
    (
        "invasion",
        r"\b(?:for\s+(?:several\s+|many\s+)?months"
        r"|since\s+the\s+(?:start|beginning)\s+of\s+the\s+(?:full-scale\s+)?"
        r"(?:invasion|war)|since\s+(?:the\s+)?(?:full-scale\s+)?invasion)\b",
    ),
    ("day", rf"\b(?:on\s+)?({_DAY_MONTH})\b"),
    # "in the summer of 2014", "in spring 2022": the season's months of that year.
    (
        "season_year",
        r"\b(?:(?:in|since|by|during|until)\s+)?(?:the\s+)?(?:(?:early|late)\s+)?"
        r"(spring|summer|autumn|fall|winter)\s+(?:of\s+)?(\d{4})\b",
    ),
    (
        "month_year",
        r"\b(?:(?:in|since|by|during|from|until|on)\s+)?"
        r"(?:(?:early|late|mid)[\s-]+|(?:the\s+)?(?:beginning|start|end)\s+of\s+)?"
        rf"({_MONTHS})\.?,?\s+(\d{{4}})\b",
    ),
    (
        "overnight",
        r"\b(?:overnight|(?:through(?:out)?|during|in)\s+the\s+night(?!\s+of\b))"
        rf"(?:\s+(?:on|into|to)\s+({_WEEKDAYS}))?\b",
    ),
    # "last Sunday" in a Sunday report is the Sunday before.
    ("last_weekday", rf"\blast\s+({_WEEKDAYS})\b"),
    ("weekend", r"\b(?:over|at|during|on)\s+the\s+weekend\b|\b(?:this|last)\s+weekend\b"),
    (
        "ago",
        rf"\b({_COUNT})\s+(?:days?|weeks?)\s+(?:ago|earlier)\b",
    ),
    # "two months after the fall of the town": what follows is that long before the dateline.
    ("interval_after", _INTERVAL_AFTER),
    ("night", rf"\b(?:late\s+|early\s+)?(?:on\s+)?({_WEEKDAYS})\s+night\b"),
    (
        "day",
        r"\b(?:(?:late|early|earlier|later)\s+)?(?:on\s+)?"
        rf"({_WEEKDAYS})(?:\s+(?:morning|afternoon|evening))?\b",
    ),
    # "Moscow claimed the town the same day": the day named before (see same_day); the
    # dateline until one is found.
    ("same_day", r"\b(?:(?:on|later)\s+)?(?:the|that)\s+same\s+day\b|\blater\s+that\s+day\b"),
    # "entered it the next day", "two days later": that many days after the day named before.
    (
        "days_later",
        r"\b(?:on\s+)?the\s+(?:next|following)\s+day\b"
        rf"|\b(?:{_COUNT})\s+days?\s+later\b",
    ),
    ("yesterday", r"\b(?:yesterday|last\s+night|the\s+previous\s+day)\b"),
    ("today", r"\b(?:today|this\s+morning|this\s+afternoon|this\s+evening|tonight)\b"),
    # "dozens of attacks in a week", "over the past week": the seven days to the dateline;
    # "fell within a week of the invasion" is a week after another day.
    (
        "past_week",
        r"\b(?:in|over|during)\s+(?:a|the\s+(?:past|last))\s+week\b"
        r"(?!\s+(?:of|after|since|before|from)\b)"
        r"|\b(?:in|over|during)\s+the\s+(?:past|last)\s+(?:seven|7)\s+days\b",
    ),
    ("last_week", r"\blast\s+week\b"),
    ("this_week", r"\b(?:earlier\s+)?this\s+week\b"),
    ("last_month", r"\blast\s+month\b"),
    # "Earlier" leaves the dateline's own day out: from the month's or year's first day to the
    # day before.
    ("earlier_this_month", r"\bearlier\s+(?:this|in\s+the)\s+month\b"),
    ("this_month", r"\b(?:later\s+|since\s+the\s+start\s+of\s+)?this\s+month\b"),
    ("earlier_this_year", r"\bearlier\s+(?:this|in\s+the)\s+year\b"),
    # "took the city last year": the year before the dateline's (no precision of a year: a
    # range); "held since last year" says when a status began, not the claim's date.
    ("last_year", r"(?<!since\s)\blast\s+year\b"),
    (
        "this_year",
        r"\bsince\s+the\s+(?:start|beginning)\s+of\s+(?:the|this)\s+year\b",
    ),
    # "under assault since March": from the month's first day to the dateline.
    ("since_month", rf"\bsince\s+({_MONTHS})\b(?!\s+\d)"),
    (
        "month",
        r"\b(?:(?:in|last|since|since\s+the\s+(?:beginning|start)\s+of|early|late|mid|"
        r"earlier\s+in|at\s+the\s+(?:beginning|start|end)\s+of)\s+|mid-)"
        rf"({_MONTHS})\b(?!\s+\d)",
    ),
)
# Ukrainian words for the same expressions, read as their English equivalents.
_UKRAINIAN = (
    ("day", r"\b[ув]\s+(понеділок|вівторок|середу|четвер|п['’ʼ]ятницю|суботу|неділю)\b"),
    ("yesterday", r"\bвчора\b"),
    ("today", r"\bсьогодні\b"),
    ("overnight", r"\bвночі\b|\bминулої\s+ночі\b"),
    ("last_week", r"\bминулого\s+тижня\b"),
    ("last_month", r"\bминулого\s+місяця\b"),
)
UKRAINIAN_WEEKDAYS = {
    "понеділок": "monday",
    "вівторок": "tuesday",
    "середу": "wednesday",
    "четвер": "thursday",
    "п'ятницю": "friday",
    "суботу": "saturday",
    "неділю": "sunday",
}
_PATTERNS = _PATTERNS + _UKRAINIAN
_COMPILED = tuple((kind, re.compile(pattern, re.IGNORECASE)) for kind, pattern in _PATTERNS)


@dataclass(frozen=True)
class DateSpan:
    """A claim's date: the first day, the last day and the precision (store's vocabulary)."""

    start: dt.date
    end: dt.date
    precision: str
    expression: str = ""  # the words it was read from; empty for the dateline itself


_WEEKDAY_NUMBERS = {name: number for number, name in enumerate(_WEEKDAYS.split("|"))}
_PLAIN_DAY = re.compile(
    rf"(?:(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?\s+(?P<m1>{_MONTHS})\.?"
    rf"|(?P<m2>{_MONTHS})\.?\s+(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?)(?:,?\s+(?P<y>\d{{4}}))?",
    re.IGNORECASE,
)
_UNREAD = object()  # a form the fast path does not read: dateparser reads it


def _plain_day(words: str, dateline: dt.date) -> dt.date | None | object:
    """A weekday or a day of a month, read without dateparser (which takes milliseconds a
    call) and resolved as parse_relative resolves it: a weekday is the last one on or before
    the dateline; a day without its year is this year's if not after the dateline, none if it
    falls within SOON after it, else last year's; a day with its year is none if after the
    dateline."""
    key = words.strip().lower()
    if key in _WEEKDAY_NUMBERS:
        return dateline - dt.timedelta(days=(dateline.weekday() - _WEEKDAY_NUMBERS[key]) % 7)
    found = _PLAIN_DAY.fullmatch(words.strip())
    if found is None:
        return _UNREAD
    month = _MONTH_NUMBERS[(found.group("m1") or found.group("m2")).lower()]
    day = int(found.group("d1") or found.group("d2"))
    year = int(found.group("y")) if found.group("y") else dateline.year
    try:
        date = dt.date(year, month, day)
    except ValueError:
        return _UNREAD
    if date <= dateline:
        return date
    if found.group("y") or date <= dateline + SOON:
        return None
    try:
        return date.replace(year=year - 1)
    except ValueError:
        return _UNREAD


def parse_relative(words: str, dateline: dt.date) -> dt.date | None:
    """A day named in words ("Saturday", "February 24", "3 days ago") as of the dateline."""
    plain = _plain_day(words, dateline)
    if plain is not _UNREAD:
        return plain
    return parse_with_dateparser(words, dateline)


def parse_with_dateparser(words: str, dateline: dt.date) -> dt.date | None:
    """parse_relative for the forms only dateparser reads ("3 days ago")."""
    base = dt.datetime.combine(dateline, dt.time(12))
    settings = {"RELATIVE_BASE": base, "RETURN_AS_TIMEZONE_AWARE": False}
    found = dateparser.parse(words, languages=["en"], settings=settings)
    if found is not None and dateline < found.date() <= dateline + SOON:
        # "beginning on September 23" in a report of September 22 is the coming day, not
        # a year back; no claim of the report is dated by it.
        return None
    if found is not None and found.date() > dateline:
        found = dateparser.parse(
            words, languages=["en"], settings={**settings, "PREFER_DATES_FROM": "past"}
        )
    if found is None or found.date() > dateline:
        return None
    return found.date()


def week_start(day: dt.date) -> dt.date:
    return day - dt.timedelta(days=day.weekday())


def _month_start(day: dt.date) -> dt.date:
    return day.replace(day=1)


def _month_end(day: dt.date) -> dt.date:
    following = (day.replace(day=28) + dt.timedelta(days=4)).replace(day=1)
    return following - dt.timedelta(days=1)


_MONTH_NUMBERS = {
    name: number
    for number, names in enumerate(
        (
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ),
        1,
    )
    for name in names
}
TWO_PARTS = ("range", "month_year", "season_year")
# A season's first month and how many months it lasts (winter runs into the next year).
_SEASONS = {"spring": 3, "summer": 6, "autumn": 9, "fall": 9, "winter": 12}
WHOLE = ("ago", "weekend", "interval_after")  # read from the whole expression
_INTERVAL_AFTER_WHOLE = re.compile(_INTERVAL_AFTER, re.IGNORECASE)
# "two days" right before a part of a clause that opens with "after": "came a day | after
# Russia said it had taken the village".
_INTERVAL_BEFORE_AFTER = re.compile(rf"{_INTERVAL}\s*$", re.IGNORECASE)
_COUNTS = {
    word: number
    for number, words in enumerate(
        (("a", "an", "one"), ("two",), ("three",), ("four",), ("five",), ("six",), ("seven",)),
        1,
    )
    for word in words
} | {"eight": 8, "nine": 9, "ten": 10}


def _month_of_year(month: str, year: str, dateline: dt.date) -> DateSpan | None:
    """ "in March 2022", "mid-April 2014": the month, its year written out."""
    start = dt.date(int(year), _MONTH_NUMBERS[month.lower().rstrip(".")], 1)
    return None if start > dateline else DateSpan(start, _month_end(start), "month")


def _season_of_year(season: str, year: str, dateline: dt.date) -> DateSpan | None:
    """ "in the summer of 2014": the season's three months, begun in that year."""
    start = dt.date(int(year), _SEASONS[season.lower()], 1)
    last = start.year * 12 + start.month + 1  # the third month, counted from year 0's January
    end = _month_end(dt.date(last // 12, last % 12 + 1, 1))
    return None if start > dateline else DateSpan(start, end, "range")


def _range(first: str, last: str, dateline: dt.date) -> DateSpan | None:
    """ "between 22–26 February 2024", "between 31 December 2022 – 2 January 2023": the
    first day takes the month and the year it leaves out from the last."""
    end = parse_relative(last, dateline)
    parts = re.match(
        rf"(\d{{1,2}})(?:st|nd|rd|th)?(?:\s+({_MONTHS})\b\.?)?(?:,?\s+(\d{{4}}))?", first, re.I
    )
    if end is None or parts is None:
        return None
    month = _MONTH_NUMBERS[parts.group(2).lower()] if parts.group(2) else end.month
    year = int(parts.group(3)) if parts.group(3) else end.year
    try:
        start = dt.date(year, month, int(parts.group(1)))
    except ValueError:
        return None
    if start > end and not parts.group(3):
        start = start.replace(year=year - 1)
    return DateSpan(start, end, "range") if start < end else None


def _interval_before(words: str, dateline: dt.date) -> DateSpan:
    """ "two days after", "a week after", "two months after": the day, the week or the month
    that long before the dateline."""
    count_word, unit = words.split()[:2]
    count = _COUNTS.get(count_word.lower()) or int(count_word)
    if unit.lower().startswith("day"):
        day = dateline - dt.timedelta(days=count)
        return DateSpan(day, day, "day")
    if unit.lower().startswith("week"):
        start = week_start(dateline - dt.timedelta(weeks=count))
        return DateSpan(start, start + dt.timedelta(days=6), "week")
    months = dateline.year * 12 + dateline.month - 1 - count
    start = dt.date(months // 12, months % 12 + 1, 1)
    return DateSpan(start, _month_end(start), "month")


def counted_from(span: DateSpan, day: dt.date) -> DateSpan:
    """An interval after an event ("two days after") counted back from the day its clause
    is about rather than the dateline ("on Friday, two days after ...")."""
    counted = _interval_before(span.expression, day)
    return DateSpan(counted.start, counted.end, counted.precision, span.expression)


_SAME_DAY = re.compile(dict(_PATTERNS)["same_day"], re.IGNORECASE)
_DAYS_LATER = re.compile(dict(_PATTERNS)["days_later"], re.IGNORECASE)


def days_after_named(span: DateSpan) -> int | None:
    """How many days after the day named before it a date is ("the same day": 0, "the next
    day": 1, "three days later": 3); None for a date of its own."""
    if _SAME_DAY.fullmatch(span.expression):
        return 0
    if not _DAYS_LATER.fullmatch(span.expression):
        return None
    count = span.expression.split()[0].lower()
    return _COUNTS.get(count) or (int(count) if count.isdigit() else 1)


def same_day(span: DateSpan) -> bool:
    """Whether a date is told as days after the one named before it ("the same day")."""
    return days_after_named(span) is not None


def dates_what_follows(span: DateSpan) -> bool:
    """Whether a date tells when what follows it happened ("two months after the fall of X"),
    not the clause it stands in."""
    return bool(_INTERVAL_AFTER_WHOLE.fullmatch(span.expression))


def interval_start(text: str, position: int) -> int:
    """Where "two days" starts when "after" opens the text at position; else position."""
    if not re.match(r",?\s+after\b", text[position : position + 12], re.IGNORECASE):
        return position
    found = _INTERVAL_BEFORE_AFTER.search(text, max(0, position - 20), position)
    return found.start() if found else position


def _resolve(kind: str, core: str, dateline: dt.date, *, into: bool = False) -> DateSpan | None:
    day = dt.timedelta(days=1)
    if kind == "range":
        return _range(*core.split("|"), dateline)
    if kind == "month_year":
        return _month_of_year(*core.split("|"), dateline)
    if kind == "season_year":
        return _season_of_year(*core.split("|"), dateline)
    if kind in ("today", "same_day", "days_later"):
        return DateSpan(dateline, dateline, "day")
    if kind == "yesterday":
        return DateSpan(dateline - day, dateline - day, "day")
    if kind == "overnight":
        # The night before the dateline, or the night after the day named.
        night = parse_relative(core, dateline) if core else dateline - day
        if night is None:
            return None
        if into:
            night -= day  # "overnight into Sunday": the night from Saturday
        return DateSpan(night, min(night + day, dateline), "range" if night < dateline else "day")
    if kind == "night":
        night = parse_relative(core, dateline)
        return (
            None
            if night is None
            else DateSpan(night, min(night + day, dateline), "range" if night < dateline else "day")
        )
    if kind == "last_week":
        start = week_start(dateline) - dt.timedelta(weeks=1)
        return DateSpan(start, start + dt.timedelta(days=6), "week")
    if kind == "this_week":
        start = week_start(dateline)
        return DateSpan(start, start + dt.timedelta(days=6), "week")
    if kind == "last_weekday":
        before = parse_relative(core, dateline - day)
        return None if before is None else DateSpan(before, before, "day")
    if kind == "weekend":
        # The last weekend begun on or before the dateline; "last weekend" in a weekend's
        # report is the one before.
        saturday = dateline - dt.timedelta(days=(dateline.weekday() - 5) % 7)
        if core.lower().startswith("last") and dateline - saturday <= day:
            saturday -= dt.timedelta(weeks=1)
        return DateSpan(
            saturday, min(saturday + day, dateline), "range" if saturday < dateline else "day"
        )
    if kind in ("ago", "interval_after"):
        return _interval_before(core, dateline)
    if kind == "past_week":
        return DateSpan(dateline - dt.timedelta(days=6), dateline, "week")
    if kind == "this_month" or (kind == "earlier_this_month" and dateline.day == 1):
        return DateSpan(_month_start(dateline), dateline, "month")
    if kind == "earlier_this_month":
        return DateSpan(_month_start(dateline), dateline - day, "range")
    if kind == "last_year":
        year = dateline.year - 1
        return DateSpan(dt.date(year, 1, 1), dt.date(year, 12, 31), "range")
    if kind in ("earlier_this_year", "this_year"):
        first = dateline.replace(month=1, day=1)
        last = dateline - day if kind == "earlier_this_year" else dateline
        return DateSpan(first, last, "range") if first < last else None
    if kind == "last_month":
        start = _month_start(_month_start(dateline) - day)
        return DateSpan(start, _month_end(start), "month")
    if kind == "invasion_day":
        return (
            None if dateline < INVASION_START else DateSpan(INVASION_START, INVASION_START, "day")
        )
    if kind == "invasion_days":
        if dateline < INVASION_START:
            return None
        return DateSpan(INVASION_START, INVASION_START + dt.timedelta(days=4), "range")
    if kind == "invasion":
        start = INVASION_START if dateline > INVASION_START else dateline
        return DateSpan(start, dateline, "range")
    if kind == "since_month":
        first = parse_relative(f"1 {core}", dateline)
        return None if first is None or first >= dateline else DateSpan(first, dateline, "range")
    if kind == "month":
        first = parse_relative(f"1 {core}", dateline)
        return None if first is None else DateSpan(first, _month_end(first), "month")
    if kind == "week_after" and not re.search(r"\d", core):
        core = f"1 {core}"  # "the first week of March"
    found = parse_relative(core, dateline)
    if found is None:
        return None
    if kind == "week_after":
        return DateSpan(found, found + dt.timedelta(days=6), "week")
    return DateSpan(found, found, "day")


def find_dates(
    text: str, start: int, end: int, dateline: dt.date
) -> list[tuple[int, int, DateSpan]]:
    """Every date expression in text[start:end] with its resolved span, in order; where two
    overlap, the one found first (the more specific pattern) stands."""
    found: list[tuple[int, int, DateSpan]] = []
    for kind, pattern in _COMPILED:
        for match in pattern.finditer(text, start, end):
            if any(s < match.end() and match.start() < e for s, e, _ in found):
                continue
            named = match.group(1) if pattern.groups else None
            if kind in TWO_PARTS:
                named = f"{match.group(1)}|{match.group(2)}"
            elif named:
                named = UKRAINIAN_WEEKDAYS.get(re.sub("[’ʼ]", "'", named.lower()), named)
            if kind in WHOLE:
                named = match.group(0)
            core = named or ("" if kind == "overnight" else match.group(0))
            into = bool(re.search(r"\s(?:into|to)\s", match.group(0), re.IGNORECASE))
            span = _resolve(kind, core, dateline, into=into)
            if span is not None:
                # Nothing a report tells can end after the report.
                found.append(
                    (
                        match.start(),
                        match.end(),
                        DateSpan(
                            span.start, min(span.end, dateline), span.precision, match.group(0)
                        ),
                    )
                )
    return sorted(found, key=lambda item: item[0])


def dateline_span(dateline: dt.date) -> DateSpan:
    """What a claim with no date of its own is about: the day of the report."""
    return DateSpan(dateline, dateline, "day")
