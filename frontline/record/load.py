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
from frontline.store import ID_PATTERN, ISO_PATTERN, default_data_dir, parse_date
from frontline.store.fields import (
    RowError,
    choice_field,
    number_field,
    text_field,
    whole_number_field,
)
from frontline.store.tables import table_rows
from frontline.store.textfile import read_text


@dataclass
class RecordData:
    places: dict[str, RecordPlace] = field(default_factory=dict)
    entries: list[Entry] = field(default_factory=list)  # by place, then recorded_at
    problems: list[Problem] = field(default_factory=list)


def _time(row: dict[str, str], name: str, *, required: bool = True) -> dt.datetime | None:
    raw = text_field(row, name, required=required)
    if not raw:
        return None
    try:
        return parse_time(raw)
    except ValueError:
        raise RowError(name, f"{raw[:40]!r} is not a time like 2022-09-10T15:02Z") from None


def _day(row: dict[str, str], name: str) -> dt.date:
    try:
        return parse_date(text_field(row, name))
    except ValueError as err:
        raise RowError(name, str(err)) from None


def _flag(row: dict[str, str], name: str) -> bool:
    return choice_field(row, name, ("true", "false")) == "true"


def _place(row: dict[str, str]) -> RecordPlace:
    place_id = text_field(row, "place_id")
    if not ID_PATTERN.match(place_id):
        raise RowError("place_id", f"{place_id[:40]!r} is not a valid id (letters, digits, . _ -)")
    oblast = text_field(row, "oblast", required=False).upper()
    if oblast and not ISO_PATTERN.match(oblast):
        raise RowError("oblast", f"{oblast[:20]!r} is not an ISO 3166-2 code like UA-63")
    source = choice_field(row, "source", PLACE_SOURCES)
    geonames_id = whole_number_field(row, "geonames_id", required=source == SOURCE_GEONAMES)
    if source != SOURCE_GEONAMES and geonames_id is not None:
        raise RowError("geonames_id", f"is set, but the source is {source}")
    km = text_field(row, "geonames_km", required=False)
    first, last = _time(row, "first_recorded"), _time(row, "last_recorded")
    if last < first:
        raise RowError("last_recorded", "is before first_recorded")
    most_rows = whole_number_field(row, "most_rows")
    if most_rows < 1:
        raise RowError("most_rows", "must be 1 or more")
    return RecordPlace(
        place_id=place_id,
        name=text_field(row, "name"),
        names=tuple(n for n in text_field(row, "names").split(NAME_SEPARATOR) if n),
        lat=number_field(row, "lat", -90, 90),
        lon=number_field(row, "lon", -180, 180),
        oblast=oblast,
        source=source,
        geonames_id=geonames_id,
        geonames_name=text_field(row, "geonames_name", required=source == SOURCE_GEONAMES),
        geonames_km=number_field(row, "geonames_km", 0, 1000) if km else None,
        first_recorded=first,
        last_recorded=last,
        most_rows=most_rows,
    )


def _entry_parser(places: dict[str, RecordPlace]) -> Callable[[dict[str, str]], Entry]:
    def parse(row: dict[str, str]) -> Entry:
        place_id = text_field(row, "place_id")
        if place_id not in places:
            raise RowError("place_id", f"{place_id[:40]!r} is not a place in {PLACES_FILE}")
        status = choice_field(row, "status", vocab.STATUSES)
        disputed = _flag(row, "disputed")
        flips = whole_number_field(row, "flips")
        until = _time(row, "until", required=disputed)
        if disputed and (status != "contested" or flips < 2):
            raise RowError("disputed", "a disputed period is contested and folds 2+ flips")
        if not disputed and (flips or until):
            raise RowError("flips", "only a disputed period has flips and an end")
        date, date_end = _day(row, "date"), _day(row, "date_end")
        if date_end < date:
            raise RowError("date_end", f"{date_end} is before date {date}")
        recorded_at = _time(row, "recorded_at")
        if date > recorded_at.date():
            raise RowError("date", f"{date} is after the revision that recorded it")
        if until is not None and until < recorded_at:
            raise RowError("until", "is before recorded_at")
        return Entry(
            entry_id=text_field(row, "entry_id"),
            place_id=place_id,
            status=status,
            disputed=disputed,
            flips=flips,
            until=until,
            date=date,
            date_end=date_end,
            date_precision=choice_field(row, "date_precision", vocab.DATE_PRECISIONS),
            date_source=choice_field(row, "date_source", DATE_SOURCES),
            date_text=text_field(row, "date_text", required=False),
            recorded_at=recorded_at,
            revision=text_field(row, "revision"),
            held_by=text_field(row, "held_by"),
            as_of=text_field(row, "as_of", required=False),
            passage=text_field(row, "passage", required=False),
        )

    return parse


def _manifest(root: Path, problems: list[Problem]) -> dict[str, dict]:
    text = read_text(root / MANIFEST_FILE, problems, MANIFEST_FILE, table=True)

    def parse(row: dict[str, str]) -> dict:
        return {
            "file": text_field(row, "file"),
            "rows": whole_number_field(row, "rows"),
            "sha256": text_field(row, "sha256"),
        }

    return {
        m["file"]: m
        for _, m in table_rows(
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
    places_text = read_text(root / PLACES_FILE, problems, PLACES_FILE, table=True)
    for _, place in table_rows(
        PLACES_FILE, places_text, PLACE_COLUMNS, problems, _place, key=lambda p: p.place_id
    ):
        data.places[place.place_id] = place
    entries_text = read_text(root / ENTRIES_FILE, problems, ENTRIES_FILE, table=True)
    for _, entry in table_rows(
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
