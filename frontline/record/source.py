"""Reading the scraped history (snapshots.csv.gz, row_versions.csv.gz), validated row by row.

A file that is missing, not gzip, or cut short gives a Problem, and every complete row before
the damage still loads; a row whose fields do not fit the schema (a snapshot number that is
not a number, a version that ends before it starts) gives a Problem naming its line and field
and is left out. What the scrape itself got wrong (a date in "Held by", coordinates that are
not numbers) is not a problem of the file: it is kept as scraped and cleaned later.
"""

from __future__ import annotations

import datetime as dt
import re
import zlib
from pathlib import Path

from frontline.model import Problem
from frontline.record.model import RowVersion, Snapshot
from frontline.store.csvread import csv_rows
from frontline.store.fields import RowError, text_field, whole_number_field

SNAPSHOTS_FILE = "snapshots.csv.gz"
VERSIONS_FILE = "row_versions.csv.gz"

SNAPSHOT_COLUMNS = ("snapshot", "commit", "committed_at", "wikipedia_revision", "rows", "header")
VERSION_COLUMNS = (
    "first_snapshot",
    "last_snapshot",
    "first_seen",
    "last_seen",
    "first_revision",
    "last_revision",
    "name",
    "population",
    "held by",
    "as of",
    "more information",
    "source",
    "sourcelink",
    "lat",
    "lon",
)  # the header's spelling, lower-cased as store._csv_rows reads it

# "10 September 2022 15h02 UTC" (the scrape kept a no-break space before UTC at first).
_REVISION = re.compile(r"^(\d{1,2}) ([A-Z][a-z]+) (\d{4}) (\d\d)h(\d\d) UTC$")


def parse_revision(text: str) -> dt.datetime | None:
    """A revision stamp as UTC, or None if the text is not one."""
    found = _REVISION.match(" ".join(text.split()))
    if not found:
        return None
    day, month, year, hour, minute = found.groups()
    try:
        return dt.datetime.strptime(
            f"{day} {month} {year} {hour}:{minute}", "%d %B %Y %H:%M"
        ).replace(tzinfo=dt.UTC)
    except ValueError:
        return None


def read_gzip_text(path: Path, label: str, problems: list[Problem]) -> str | None:
    """The text of a .csv.gz; if the file is cut short or damaged, the complete lines before
    the damage, and a Problem at the first line lost."""
    try:
        with path.open("rb") as raw:
            data = raw.read()
    except FileNotFoundError:
        problems.append(Problem(label, 0, "-", "file is missing"))
        return None
    except OSError as err:
        problems.append(Problem(label, 0, "-", f"cannot be read: {err.strerror or err}"))
        return None
    decompressor = zlib.decompressobj(wbits=zlib.MAX_WBITS | 16)
    try:
        content = decompressor.decompress(data)
        damage = None if decompressor.eof else "the compressed file ends early (truncated)"
    except zlib.error as err:
        content, damage = b"", f"is not a readable gzip file ({err})"
        if data[:2] == b"\x1f\x8b":
            content = _readable_prefix(data)
            damage = f"is damaged ({err})"
    if damage is None:
        return content.decode("utf-8", errors="replace")
    complete = content[: content.rfind(b"\n") + 1]  # a half line would load as a wrong row
    problems.append(
        Problem(
            label,
            complete.count(b"\n") + 1,
            "-",
            f"{damage}; the rows from this line on are missing",
        )
    )
    return complete.decode("utf-8", errors="replace") if complete else None


def _readable_prefix(data: bytes) -> bytes:
    """What a gzip stream yields before the point where it cannot be read on."""
    decompressor = zlib.decompressobj(wbits=zlib.MAX_WBITS | 16)
    out = bytearray()
    for start in range(0, len(data), 4096):
        try:
            out += decompressor.decompress(data[start : start + 4096])
        except zlib.error:
            break
    return bytes(out)


def _timestamp(row: dict[str, str], name: str) -> dt.datetime:
    raw = text_field(row, name)
    try:
        value = dt.datetime.fromisoformat(raw)
    except ValueError:
        raise RowError(name, f"{raw[:40]!r} is not an ISO 8601 time") from None
    if value.tzinfo is None:
        raise RowError(name, f"{raw[:40]!r} has no UTC offset")
    return value.astimezone(dt.UTC)


def _coordinate(row: dict[str, str], name: str) -> float | None:
    """A scraped coordinate; one that is not a number is a scrape error, read as none."""
    try:
        return float(row.get(name, "").strip())
    except ValueError:
        return None


def _snapshot(row: dict[str, str]) -> Snapshot:
    revision_text = row.get("wikipedia_revision", "")
    return Snapshot(
        number=whole_number_field(row, "snapshot"),
        commit=text_field(row, "commit"),
        committed_at=_timestamp(row, "committed_at"),
        revision_text=" ".join(revision_text.split()),
        revision=parse_revision(revision_text),
        rows=whole_number_field(row, "rows"),
    )


def read_snapshots(source: Path, problems: list[Problem]) -> dict[int, Snapshot]:
    text = read_gzip_text(source / SNAPSHOTS_FILE, SNAPSHOTS_FILE, problems)
    snapshots: dict[int, Snapshot] = {}
    if text is None:
        return snapshots
    for line, row in csv_rows(text, SNAPSHOTS_FILE, SNAPSHOT_COLUMNS, problems):
        try:
            snapshot = _snapshot(row)
        except RowError as err:
            problems.append(Problem(SNAPSHOTS_FILE, line, err.field, err.message))
            continue
        if snapshot.number in snapshots:
            problems.append(
                Problem(
                    SNAPSHOTS_FILE, line, "snapshot", f"{snapshot.number} is already a snapshot"
                )
            )
            continue
        snapshots[snapshot.number] = snapshot
    return snapshots


def _version(line: int, row: dict[str, str], snapshots: dict[int, Snapshot]) -> RowVersion:
    first = whole_number_field(row, "first_snapshot")
    last = whole_number_field(row, "last_snapshot")
    for name, number in (("first_snapshot", first), ("last_snapshot", last)):
        if number not in snapshots:
            raise RowError(name, f"{number} is not a snapshot in {SNAPSHOTS_FILE}")
    if last < first:
        raise RowError("last_snapshot", f"{last} is before first_snapshot {first}")
    _timestamp(row, "first_seen")
    return RowVersion(
        line=line,
        first_snapshot=first,
        last_snapshot=last,
        name=row.get("name", ""),
        held_by=row.get("held by", ""),
        as_of=row.get("as of", ""),
        more_information=row.get("more information", ""),
        lat=_coordinate(row, "lat"),
        lon=_coordinate(row, "lon"),
    )


def read_versions(
    source: Path, snapshots: dict[int, Snapshot], problems: list[Problem]
) -> list[RowVersion]:
    text = read_gzip_text(source / VERSIONS_FILE, VERSIONS_FILE, problems)
    versions: list[RowVersion] = []
    if text is None:
        return versions
    for line, row in csv_rows(text, VERSIONS_FILE, VERSION_COLUMNS, problems):
        try:
            versions.append(_version(line, row, snapshots))
        except RowError as err:
            problems.append(Problem(VERSIONS_FILE, line, err.field, err.message))
    return versions


def read_history(source: Path) -> tuple[dict[int, Snapshot], list[RowVersion], list[Problem]]:
    """Snapshots by number, row versions in file order, and the problems of both files."""
    problems: list[Problem] = []
    snapshots = read_snapshots(source, problems)
    versions = read_versions(source, snapshots, problems) if snapshots else []
    return snapshots, versions, problems
