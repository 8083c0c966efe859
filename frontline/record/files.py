"""The shipped files of the record (data/record/): their names, columns and the exact text of
each row, so that a rebuild from the same history gives the same bytes."""

from __future__ import annotations

import datetime as dt
import hashlib

from frontline.record.model import Entry, RecordPlace

RECORD_DIR = "record"
PLACES_FILE = "record_places.csv"
ENTRIES_FILE = "record_entries.csv"
REPORT_FILE = "build_report.txt"
MANIFEST_FILE = "record_manifest.csv"
MANIFEST_COLUMNS = ("file", "rows", "sha256")

PLACE_COLUMNS = (
    "place_id",
    "name",
    "names",
    "lat",
    "lon",
    "oblast",
    "source",
    "geonames_id",
    "geonames_name",
    "geonames_km",
    "first_recorded",
    "last_recorded",
    "most_rows",
)
ENTRY_COLUMNS = (
    "entry_id",
    "place_id",
    "status",
    "disputed",
    "flips",
    "until",
    "date",
    "date_end",
    "date_precision",
    "date_source",
    "date_text",
    "recorded_at",
    "revision",
    "held_by",
    "as_of",
    "passage",
)
NAME_SEPARATOR = "|"
TIME_FORMAT = "%Y-%m-%dT%H:%MZ"  # revisions are stamped to the minute, in UTC


def format_time(moment: dt.datetime | None) -> str:
    return "" if moment is None else moment.astimezone(dt.UTC).strftime(TIME_FORMAT)


def parse_time(text: str) -> dt.datetime:
    """A time written by format_time; raises ValueError otherwise."""
    return dt.datetime.strptime(text, TIME_FORMAT).replace(tzinfo=dt.UTC)


def place_row(place: RecordPlace) -> dict[str, str]:
    return {
        "place_id": place.place_id,
        "name": place.name,
        "names": NAME_SEPARATOR.join(place.names),
        "lat": f"{place.lat:.6f}",
        "lon": f"{place.lon:.6f}",
        "oblast": place.oblast,
        "source": place.source,
        "geonames_id": "" if place.geonames_id is None else str(place.geonames_id),
        "geonames_name": place.geonames_name,
        "geonames_km": "" if place.geonames_km is None else f"{place.geonames_km:.2f}",
        "first_recorded": format_time(place.first_recorded),
        "last_recorded": format_time(place.last_recorded),
        "most_rows": str(place.most_rows),
    }


def entry_row(entry: Entry) -> dict[str, str]:
    return {
        "entry_id": entry.entry_id,
        "place_id": entry.place_id,
        "status": entry.status,
        "disputed": "true" if entry.disputed else "false",
        "flips": str(entry.flips),
        "until": format_time(entry.until),
        "date": entry.date.isoformat(),
        "date_end": entry.date_end.isoformat(),
        "date_precision": entry.date_precision,
        "date_source": entry.date_source,
        "date_text": entry.date_text,
        "recorded_at": format_time(entry.recorded_at),
        "revision": entry.revision,
        "held_by": entry.held_by,
        "as_of": entry.as_of,
        "passage": entry.passage,
    }


def manifest_row(name: str, text: str) -> dict[str, str]:
    """A file's row count and digest, so that loading notices a cut or edited file."""
    rows = max(sum(1 for line in text.split("\n") if line.strip()) - 1, 0)
    return {
        "file": name,
        "rows": str(rows),
        "sha256": hashlib.sha256(text.encode("utf-8", "surrogateescape")).hexdigest(),
    }
