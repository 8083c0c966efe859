"""Reading data/record/ back, validated row by row.

Never raises on bad content: a row that does not fit its schema is left out with a Problem
naming the file, line and field, and every other row loads. The build also writes a
manifest (record_manifest.csv: each file's row count and sha-256), so that a file cut short
at a line break, or edited since the build, is reported too (its rows still load).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from frontline import vocab
from frontline.model import Problem
from frontline.record.files import (
    ENTRIES_FILE,
    ENTRY_COLUMNS,
    MANIFEST_COLUMNS,
    MANIFEST_FILE,
    NAME_SEPARATOR,
    PLACE_COLUMNS,
    PLACES_FILE,
    RECORD_DIR,
    manifest_row,
    parse_time,
)
from frontline.record.model import DATE_SOURCES, PLACE_SOURCES, SOURCE_GEONAMES, Entry, RecordPlace
from frontline.store import (
    ID_PATTERN,
    ISO_PATTERN,
    _choice,
    _number,
    _read_text,
    _RowError,
    _rows,
    _text,
    _whole_number,
    default_data_dir,
    parse_date,
)


@dataclass
class RecordData:
    places: dict[str, RecordPlace] = field(default_factory=dict)
    entries: list[Entry] = field(default_factory=list)  # by place, then recorded_at
    problems: list[Problem] = field(default_factory=list)


def _time(row: dict[str, str], name: str, *, required: bool = True) -> dt.datetime | None:
    raw = _text(row, name, required=required)
    if not raw:
        return None
    try:
        return parse_time(raw)
    except ValueError:
        raise _RowError(name, f"{raw[:40]!r} is not a time like 2022-09-10T15:02Z") from None


def _day(row: dict[str, str], name: str) -> dt.date:
    try:
        return parse_date(_text(row, name))
    except ValueError as err:
        raise _RowError(name, str(err)) from None


def _flag(row: dict[str, str], name: str) -> bool:
    return _choice(row, name, ("true", "false")) == "true"


def _place(row: dict[str, str]) -> RecordPlace:
    place_id = _text(row, "place_id")
    if not ID_PATTERN.match(place_id):
        raise _RowError("place_id", f"{place_id[:40]!r} is not a valid id (letters, digits, . _ -)")
    oblast = _text(row, "oblast", required=False).upper()
    if oblast and not ISO_PATTERN.match(oblast):
        raise _RowError("oblast", f"{oblast[:20]!r} is not an ISO 3166-2 code like UA-63")
    source = _choice(row, "source", PLACE_SOURCES)
    geonames_id = _whole_number(row, "geonames_id", required=source == SOURCE_GEONAMES)
    if source != SOURCE_GEONAMES and geonames_id is not None:
        raise _RowError("geonames_id", f"is set, but the source is {source}")
    km = _text(row, "geonames_km", required=False)
    first, last = _time(row, "first_recorded"), _time(row, "last_recorded")
    if last < first:
        raise _RowError("last_recorded", "is before first_recorded")
    most_rows = _whole_number(row, "most_rows")
    if most_rows < 1:
        raise _RowError("most_rows", "must be 1 or more")
    return RecordPlace(
        place_id=place_id,
        name=_text(row, "name"),
        names=tuple(n for n in _text(row, "names").split(NAME_SEPARATOR) if n),
        lat=_number(row, "lat", -90, 90),
        lon=_number(row, "lon", -180, 180),
        oblast=oblast,
        source=source,
        geonames_id=geonames_id,
        geonames_name=_text(row, "geonames_name", required=source == SOURCE_GEONAMES),
        geonames_km=_number(row, "geonames_km", 0, 1000) if km else None,
        first_recorded=first,
        last_recorded=last,
        most_rows=most_rows,
    )


def _entry_parser(places: dict[str, RecordPlace]) -> Callable[[dict[str, str]], Entry]:
    def parse(row: dict[str, str]) -> Entry:
        place_id = _text(row, "place_id")
        if place_id not in places:
            raise _RowError("place_id", f"{place_id[:40]!r} is not a place in {PLACES_FILE}")
        status = _choice(row, "status", vocab.STATUSES)
        disputed = _flag(row, "disputed")
        flips = _whole_number(row, "flips")
        until = _time(row, "until", required=disputed)
        if disputed and (status != "contested" or flips < 2):
            raise _RowError("disputed", "a disputed period is contested and folds 2+ flips")
        if not disputed and (flips or until):
            raise _RowError("flips", "only a disputed period has flips and an end")
        date, date_end = _day(row, "date"), _day(row, "date_end")
        if date_end < date:
            raise _RowError("date_end", f"{date_end} is before date {date}")
        recorded_at = _time(row, "recorded_at")
        if date > recorded_at.date():
            raise _RowError("date", f"{date} is after the revision that recorded it")
        if until is not None and until < recorded_at:
            raise _RowError("until", "is before recorded_at")
        return Entry(
            entry_id=_text(row, "entry_id"),
            place_id=place_id,
            status=status,
            disputed=disputed,
            flips=flips,
            until=until,
            date=date,
            date_end=date_end,
            date_precision=_choice(row, "date_precision", vocab.DATE_PRECISIONS),
            date_source=_choice(row, "date_source", DATE_SOURCES),
            date_text=_text(row, "date_text", required=False),
            recorded_at=recorded_at,
            revision=_text(row, "revision"),
            held_by=_text(row, "held_by"),
            as_of=_text(row, "as_of", required=False),
            passage=_text(row, "passage", required=False),
        )

    return parse


def _manifest(root: Path, problems: list[Problem]) -> dict[str, dict]:
    text = _read_text(root / MANIFEST_FILE, problems, MANIFEST_FILE, table=True)

    def parse(row: dict[str, str]) -> dict:
        return {
            "file": _text(row, "file"),
            "rows": _whole_number(row, "rows"),
            "sha256": _text(row, "sha256"),
        }

    return {
        m["file"]: m
        for _, m in _rows(
            MANIFEST_FILE, text, MANIFEST_COLUMNS, problems, parse, key=lambda m: m["file"]
        )
    }


def _check_against(
    name: str, text: str | None, manifest: dict[str, dict], problems: list[Problem]
) -> None:
    expected = manifest.get(name)
    if text is None or expected is None:
        return
    rows = int(manifest_row(name, text)["rows"])
    if rows != expected["rows"]:
        problems.append(
            Problem(
                name,
                0,
                "-",
                f"has {rows} rows, the build wrote {expected['rows']} (cut short, or rows lost?)",
            )
        )
    if manifest_row(name, text)["sha256"] != expected["sha256"]:
        problems.append(
            Problem(
                name,
                0,
                "-",
                "differs from what the build wrote (sha-256); "
                "rebuild it with python -m frontline.record.build",
            )
        )


def load_record(data_dir: Path | str | None = None) -> RecordData:
    """The record's places and entries from `data_dir`/record/, with their problems."""
    root = (Path(data_dir) if data_dir is not None else default_data_dir()) / RECORD_DIR
    data = RecordData()
    problems = data.problems
    manifest = _manifest(root, problems)
    places_text = _read_text(root / PLACES_FILE, problems, PLACES_FILE, table=True)
    for _, place in _rows(
        PLACES_FILE, places_text, PLACE_COLUMNS, problems, _place, key=lambda p: p.place_id
    ):
        data.places[place.place_id] = place
    entries_text = _read_text(root / ENTRIES_FILE, problems, ENTRIES_FILE, table=True)
    for _, entry in _rows(
        ENTRIES_FILE,
        entries_text,
        ENTRY_COLUMNS,
        problems,
        _entry_parser(data.places),
        key=lambda e: e.entry_id,
    ):
        data.entries.append(entry)
    for name, text in ((PLACES_FILE, places_text), (ENTRIES_FILE, entries_text)):
        _check_against(name, text, manifest, problems)
    data.entries.sort(key=lambda e: (e.place_id, e.recorded_at, e.entry_id))
    return data
