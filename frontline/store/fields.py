"""Checks of one field of a row, each raising RowError with the field's name."""

from __future__ import annotations

import datetime as dt
import math
import re

from frontline.store.schema import EARLIEST_DATE, ID_PATTERN, ISO_DATE_PATTERN, WEB_ADDRESS_PATTERN


class RowError(Exception):
    def __init__(self, field: str, message: str):
        super().__init__(message)
        self.field = field
        self.message = message


def text_field(row: dict[str, str], name: str, *, required: bool = True) -> str:
    value = row.get(name, "").strip()
    if required and not value:
        raise RowError(name, "is empty")
    return value


def identifier_field(row: dict[str, str], name: str) -> str:
    value = text_field(row, name)
    if not ID_PATTERN.match(value):
        raise RowError(name, f"{value[:40]!r} is not a valid id (letters, digits, . _ -)")
    return value


def choice_field(row: dict[str, str], name: str, allowed: tuple[str, ...]) -> str:
    value = text_field(row, name).lower()
    if value not in allowed:
        raise RowError(name, f"{value[:40]!r} is not one of: {', '.join(allowed)}")
    return value


# What a number in a table may look like: ASCII digits with an optional sign, point and
# exponent. float() and int() also take 4_9.98, Arabic-Indic and full-width digits, which
# are no one's way of writing a coordinate and usually a sign of a damaged cell.
_DECIMAL = re.compile(r"[+-]?(?:[0-9]+\.?[0-9]*|\.[0-9]+)(?:[eE][+-]?[0-9]+)?", re.ASCII)
_WHOLE = re.compile(r"-?[0-9]+", re.ASCII)


def number_field(row: dict[str, str], name: str, low: float, high: float) -> float:
    raw = text_field(row, name)
    if raw.lower().lstrip("+-") in ("nan", "inf", "infinity"):
        raise RowError(name, f"{raw!r} is not a finite number")
    if not _DECIMAL.fullmatch(raw):
        raise RowError(name, f"{raw[:40]!r} is not a number (digits 0-9, a point)")
    value = float(raw)
    if not math.isfinite(value):  # 1e999
        raise RowError(name, f"{raw[:40]!r} is not a finite number")
    if not low <= value <= high:
        raise RowError(name, f"{value} is outside {low}..{high}")
    return value


def whole_number_field(row: dict[str, str], name: str, *, required: bool = True) -> int | None:
    raw = text_field(row, name, required=required)
    if not raw:
        return None
    if not _WHOLE.fullmatch(raw):
        raise RowError(name, f"{raw[:40]!r} is not a whole number (digits 0-9)")
    value = int(raw)
    if value < 0:
        raise RowError(name, f"{value} is negative")
    return value


def parse_date(raw: str) -> dt.date:
    """An ISO date (YYYY-MM-DD); raises ValueError with a readable message."""
    try:
        if not ISO_DATE_PATTERN.match(raw.strip()):
            raise ValueError  # fromisoformat takes 20220910 and 2022-W36-6 too
        return dt.date.fromisoformat(raw.strip())
    except ValueError:
        raise ValueError(f"{raw[:40]!r} is not a date of the form YYYY-MM-DD") from None


def normalise_line_breaks(text: str) -> str:
    """Every line break as \\n: claims point into an article by offsets counted so, and a
    lone \\r would end a row of the CSV files that quote it."""
    return text.replace("\r\n", "\n").replace("\r", "\n")


def date_field(
    row: dict[str, str], name: str, today: dt.date, *, required: bool = True
) -> dt.date | None:
    raw = text_field(row, name, required=required)
    if not raw:
        return None
    try:
        value = parse_date(raw)
    except ValueError as err:
        raise RowError(name, str(err)) from None
    if value < EARLIEST_DATE:
        raise RowError(name, f"{value} is before {EARLIEST_DATE}")
    if value > today:
        raise RowError(name, f"{value} is in the future")
    return value


def url_field(row: dict[str, str], name: str) -> str:
    value = text_field(row, name, required=False)
    if value and not WEB_ADDRESS_PATTERN.match(value):
        raise RowError(name, f"{value[:60]!r} is not an http(s) address")
    return value


def coordinates(row: dict[str, str], lat: str, lon: str) -> tuple[float, float]:
    """A latitude and longitude; both 0 (-0,-0 too) is no place the data can mean, more
    likely empty cells read as zero, and is refused."""
    pair = number_field(row, lat, -90, 90), number_field(row, lon, -180, 180)
    if pair == (0, 0):
        raise RowError(lat, f"{lat} and {lon} are both 0: no place here is there")
    return pair


SAVED_AT_PATTERN = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$")


def saved_at_now() -> str:
    """The moment of a save, as a claim's saved_at records it (UTC, to the second)."""
    return dt.datetime.now(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def saved_at_field(row: dict[str, str], today: dt.date) -> str:
    """A claim's saved_at: empty (saved before the field existed), or a UTC time as
    saved_at_now writes it, not after today (a day's grace for the time zones)."""
    raw = text_field(row, "saved_at", required=False)
    if not raw:
        return ""
    try:
        if not SAVED_AT_PATTERN.match(raw):
            raise ValueError
        moment = dt.datetime.strptime(raw, "%Y-%m-%dT%H:%M:%SZ")
    except ValueError:
        raise RowError(
            "saved_at", f"{raw[:40]!r} is not a time of the form YYYY-MM-DDTHH:MM:SSZ"
        ) from None
    if moment.date() > today + dt.timedelta(days=1):
        raise RowError("saved_at", f"{raw} is in the future")
    return raw
