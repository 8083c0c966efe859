"""Opening analysts' files: plain or zipped, text or not; which format a file looks like; and
reading a CSV or tab-separated file row by row, with line numbers, in bounded memory."""

from __future__ import annotations

import contextlib
import csv
import io
import json
import re
import zipfile
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import IO

from frontline.importers.model import ImportReport

ZIP_MAGIC = b"PK\x03\x04"
SNIFF_BYTES = 64 * 1024
PROGRESS_EVERY_ROWS = 5000
# Byte-order marks of encodings a spreadsheet may save as instead of UTF-8; UTF-32 first, as
# its little-endian mark begins with UTF-16's.
OTHER_ENCODINGS = (
    (b"\xff\xfe\x00\x00", "UTF-32"),
    (b"\x00\x00\xfe\xff", "UTF-32"),
    (b"\xff\xfe", "UTF-16"),
    (b"\xfe\xff", "UTF-16"),
)
UNDECODABLE = re.compile("[\udc80-\udcff]")
GDELT2_COLUMNS = 61
GDELT1_COLUMNS = (57, 58)

# What a file looks like, for telling a user that a file is of another format.
KINDS = {
    "acled": "an ACLED export",
    "gdelt": "a GDELT 2.0 events file",
    "gdelt1": "a GDELT 1.0 events file (Frontline reads the 61-column GDELT 2.0 events)",
    "viina-info": "a VIINA event_info file",
    "viina-labels": "a VIINA event_labels file",
    "viina-control": "a VIINA control file",
    "viina-1pd": "a VIINA event_1pd file (it has no headlines: give event_info and "
    "event_labels instead)",
    "timemap": "a TimeMap JSON export",
    "geoconfirmed-json": "a GeoConfirmed JSON export",
    "kml": "a KML file",
    "geojson": "a GeoJSON file",
    "json": "a JSON file",
    "csv": "a CSV file",
    "tsv": "a tab-separated file",
    "empty": "an empty file",
}
# The `frontline import` format that reads each kind of file.
FAMILY = {
    "acled": "acled",
    "gdelt": "gdelt",
    "viina-info": "viina",
    "viina-labels": "viina",
    "viina-control": "viina",
    "timemap": "timemap",
    "geoconfirmed-json": "geoconfirmed",
    "kml": "geoconfirmed",
    "csv": "csv",
    "tsv": "csv",
}


class FileFault(Exception):
    """A file that cannot be read at all; the message says why, without the file's name."""


class Opened:
    """A file's bytes (a ZIP archive stands for its one data file, as GDELT and VIINA ship
    theirs), and how far into the file on disk reading has come, for progress."""

    def __init__(self, outer: IO[bytes], stream: IO[bytes]):
        self.outer, self.stream = outer, stream

    def position(self) -> int:
        try:
            return self.outer.tell()
        except (OSError, ValueError):
            return 0


@contextlib.contextmanager
def open_bytes(path: Path) -> Iterator[Opened]:
    try:
        outer = path.open("rb")
    except FileNotFoundError:
        raise FileFault("no such file") from None
    except IsADirectoryError:
        raise FileFault("is a directory") from None
    except OSError as err:
        raise FileFault(f"cannot be read: {err.strerror or err}") from None
    with outer:
        if outer.read(4) != ZIP_MAGIC:
            outer.seek(0)
            yield Opened(outer, outer)
            return
        outer.seek(0)
        try:
            archive = zipfile.ZipFile(outer)
        except zipfile.BadZipFile:
            raise FileFault("is a damaged ZIP archive") from None
        members = [
            m
            for m in archive.infolist()
            if not m.is_dir() and not m.filename.startswith("__MACOSX/")
        ]
        if len(members) != 1:
            raise FileFault(
                f"is a ZIP archive of {len(members)} files; unzip it and give the data file itself"
            )
        with archive.open(members[0]) as member:
            yield Opened(outer, member)


def text_fault(head: bytes) -> str | None:
    """Why the first bytes of a file show it is not UTF-8 text, if they do."""
    for mark, encoding in OTHER_ENCODINGS:
        if head.startswith(mark):
            return f"is {encoding} text, not UTF-8; save it as UTF-8"
    if b"\x00" in head:
        return "is a binary file, not text (it holds NUL bytes)"
    return None


def read_head(path: Path) -> bytes:
    with open_bytes(path) as opened:
        return opened.stream.read(SNIFF_BYTES)


def sniff_head(head: bytes) -> str:
    """The kind (a key of KINDS) of file these first bytes begin."""
    text = head.decode("utf-8", errors="replace").removeprefix("\ufeff")
    stripped = text.lstrip()
    if not stripped:
        return "empty"
    if stripped.startswith("<"):
        return "kml" if "<kml" in stripped[:4096].lower() else "xml"
    if stripped[0] in "[{":
        return _json_kind(stripped)
    first_line = stripped.splitlines()[0]
    if "\t" in first_line:
        width = first_line.count("\t") + 1
        if width == GDELT2_COLUMNS:
            return "gdelt"
        return "gdelt1" if width in GDELT1_COLUMNS else "tsv"
    return _csv_kind(first_line)


def _json_kind(text: str) -> str:
    if '"filters"' in text and '"sources"' in text:
        return "timemap"
    if any(key in text for key in ('"originalSource"', '"geolocation"', '"mapDataFolders"')):
        return "geoconfirmed-json"
    return "geojson" if '"FeatureCollection"' in text else "json"


def _csv_kind(header_line: str) -> str:
    columns = {c.strip().lower() for c in next(csv.reader([header_line]), [])}
    if {"event_id_cnty", "sub_event_type"} <= columns:
        return "acled"
    if "event_id_1pd" in columns and "event_id" not in columns:
        return "viina-1pd"
    if "event_id" in columns and "text" in columns and "geonameid" in columns:
        return "viina-info"
    if "event_id" in columns and any(c.startswith(("t_", "a_")) for c in columns):
        return "viina-labels"
    if {"geonameid", "date", "status"} <= columns:
        return "viina-control"
    return "csv"


def sniff(path: Path) -> str:
    """The kind of a file (a key of KINDS, or "xml"); FileFault if it cannot be read."""
    head = read_head(path)
    fault = text_fault(head)
    if fault:
        raise FileFault(fault)
    kind = sniff_head(head)
    if kind == "empty":
        raise FileFault("is empty")
    return kind


def describe(kind: str) -> str:
    return KINDS.get(kind, "an XML file" if kind == "xml" else f"a {kind} file")


def wrong_format(kind: str, wanted: str) -> str | None:
    """The message for a file of `kind` given to the importer of format `wanted`, or None
    when that importer reads it. The mapping importer reads any CSV or tab-separated file."""
    if FAMILY.get(kind) == wanted:
        return None
    if wanted == "csv" and kind in ("acled", "viina-info", "viina-labels", "viina-control"):
        return None
    own = FAMILY.get(kind)
    hint = f"; import it with `frontline import {own}`" if own else ""
    names = {
        "acled": "ACLED",
        "gdelt": "GDELT 2.0 events",
        "viina": "VIINA",
        "timemap": "TimeMap",
        "geoconfirmed": "GeoConfirmed",
        "csv": "CSV",
    }
    return f"this looks like {describe(kind)}, not {names.get(wanted, wanted)}{hint}"


class Table:
    """A CSV or tab-separated file, read row by row. Use as a context manager; `header` is
    the first row (or `names`, for a file without one); rows() yields (line, fields)."""

    def __init__(
        self,
        path: Path,
        label: str,
        report: ImportReport,
        *,
        delimiter: str = ",",
        names: Sequence[str] | None = None,
    ):
        self.path, self.label, self.report = path, label, report
        self.delimiter, self.names = delimiter, list(names) if names else None
        self.header: list[str] = []
        self._stack = contextlib.ExitStack()

    def __enter__(self) -> Table:
        try:
            self._opened = self._stack.enter_context(open_bytes(self.path))
            stream = self._opened.stream
            head = stream.peek(4096)[:4096] if hasattr(stream, "peek") else b""
            fault = text_fault(head)
            if fault:
                raise FileFault(fault)
            text = io.TextIOWrapper(
                stream, encoding="utf-8-sig", errors="surrogateescape", newline=""
            )
            self._stack.callback(text.detach)
            self._reader = csv.reader(text, delimiter=self.delimiter)
            self.header = self.names or [h.strip() for h in self._first_row()]
        except BaseException:
            self._stack.close()
            raise
        return self

    def _first_row(self) -> list[str]:
        try:
            row = next(self._reader, None)
        except csv.Error as err:
            raise FileFault(f"the header cannot be read: {err}") from None
        if not row:
            raise FileFault("is empty")
        return row

    def __exit__(self, *exc) -> None:
        self.report.at(self._opened.position())
        self._stack.close()

    def rows(self) -> Iterator[tuple[int, list[str]]]:
        """(first line of the row, its fields) for each data row that can be read; a row that
        cannot is reported against its line and left out."""
        reader, report, width = self._reader, self.report, len(self.header)
        last_line = reader.line_num
        count = 0
        while True:
            try:
                fields = next(reader)
            except StopIteration:
                return
            except csv.Error as err:
                report.rows_read += 1
                report.problem(self.label, last_line + 1, "-", f"row cannot be parsed: {err}")
                last_line = reader.line_num
                continue
            line, last_line = last_line + 1, reader.line_num
            if not fields:
                continue  # a blank line
            report.rows_read += 1
            count += 1
            if count % PROGRESS_EVERY_ROWS == 0:
                report.at(self._opened.position())
            if len(fields) != width:
                report.problem(self.label, line, "-", f"has {len(fields)} fields, not {width}")
                continue
            if UNDECODABLE.search("".join(fields)):
                self._undecodable(line, fields)
                continue
            yield line, fields

    def _undecodable(self, line: int, fields: list[str]) -> None:
        for name, value in zip(self.header, fields, strict=True):
            found = UNDECODABLE.search(value)
            if found:
                byte = ord(found.group()) - 0xDC00
                self.report.problem(
                    self.label,
                    line,
                    name,
                    f"is not UTF-8 text (byte 0x{byte:02x}); save the file as UTF-8",
                )
                return


def missing_columns(header: Sequence[str], required: Sequence[str]) -> list[str]:
    present = set(header)
    return [name for name in required if name not in present]


class RowFault(Exception):
    """A value of a row that cannot be used: the row is reported and left out."""

    def __init__(self, field: str, message: str):
        super().__init__(message)
        self.field, self.message = field, message


def number(raw: str, field: str, low: float, high: float) -> float:
    try:
        value = float(raw)
    except ValueError:
        raise RowFault(field, f"{raw[:40]!r} is not a number") from None
    if not low <= value <= high:  # also false for nan
        raise RowFault(field, f"{value} is not between {low:g} and {high:g}")
    return value


def kind_for(path: Path, label: str, wanted: str, report: ImportReport) -> str | None:
    """The kind of a file, after checking the importer of format `wanted` reads it; None (and
    the problem reported) when it cannot be read or is of another format."""
    try:
        kind = sniff(path)
    except FileFault as err:
        report.problem(label, 0, "-", str(err))
        return None
    message = wrong_format(kind, wanted)
    if message:
        report.problem(label, 1, "-", message)
        return None
    return kind


def read_json(path: Path, label: str, report: ImportReport) -> object | None:
    """The parsed JSON of a file (read whole: TimeMap and GeoConfirmed exports are a few
    megabytes), or None after reporting why it cannot be read."""
    try:
        with open_bytes(path) as opened:
            raw = opened.stream.read()
            report.at(opened.position())
    except FileFault as err:
        report.problem(label, 0, "-", str(err))
        return None
    fault = text_fault(raw[:4096])
    try:
        text = raw.decode("utf-8-sig") if fault is None else None
    except UnicodeDecodeError as err:
        line = raw[: err.start].count(b"\n") + 1
        report.problem(
            label, line, "-", f"is not UTF-8 text (byte 0x{raw[err.start]:02x}); save it as UTF-8"
        )
        return None
    if text is None:
        report.problem(label, 0, "-", fault)
        return None
    try:
        return json.loads(text)
    except RecursionError:
        report.problem(label, 1, "-", "is nested too deeply to read")
    except json.JSONDecodeError as err:
        report.problem(label, err.lineno, "-", f"is not valid JSON: {err.msg} (column {err.colno})")
    return None


def json_items(data: object, keys: Sequence[str]) -> list | None:
    """The list of items of a JSON export: the document itself, or the list under one of
    `keys` of a top-level object."""
    if isinstance(data, list):
        return data
    if isinstance(data, dict):
        for key in keys:
            if isinstance(data.get(key), list):
                return data[key]
    return None


def files_of_kind(
    paths: Sequence[Path], kind: str, report: ImportReport
) -> Iterator[tuple[Path, str]]:
    """(path, label) of each file that reads as `kind`; the others are reported and skipped."""
    for path in paths:
        report.start_file(path)
        label = str(path)
        if kind_for(path, label, kind, report) is not None:
            yield path, label
