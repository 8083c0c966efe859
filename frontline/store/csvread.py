"""Reading CSV leniently, with line numbers: a bad row is a Problem, the others are kept."""

from __future__ import annotations

import csv
import io
import itertools
from collections.abc import Iterable, Iterator

from frontline.model import Problem
from frontline.store.schema import MAX_FIELD_LENGTH, OPTIONAL_COLUMNS
from frontline.store.textfile import LenientText, not_utf8


class _Lines:
    """The lines of a text for csv.reader, with the place of the next line to read, which
    the caller may set back after a row that cannot be parsed."""

    def __init__(self, text: str):
        self.lines = io.StringIO(text, newline="").readlines()
        self.next = 0

    def __iter__(self) -> _Lines:
        return self

    def __next__(self) -> str:
        if self.next >= len(self.lines):
            raise StopIteration
        self.next += 1
        return self.lines[self.next - 1]


# Rows that span several lines and cannot be parsed are read again from their second line
# (see csv_rows); this many times at most, so that a file of unclosed quotes stays linear.
MAX_REREADS = 20


def _long_field(lines: Iterable[str], header: list[str]) -> str | None:
    """The column of the first field longer than MAX_FIELD_LENGTH in a row's raw lines, if
    any. Quotes are followed well enough to count fields; the scan stops at that field."""
    index = length = 0
    quoted = False
    for char in itertools.chain.from_iterable(lines):
        if char == '"':
            quoted = not quoted  # a doubled quote inside a quoted field toggles twice
        elif char == "," and not quoted:
            index, length = index + 1, 0
            continue
        length += 1
        if length > MAX_FIELD_LENGTH:
            return header[index] if index < len(header) else "-"
    return None


def _unparsable(
    label: str, line: int, header: list[str], lines: list[str], err: csv.Error
) -> Problem:
    """The problem of a row csv cannot parse (lines: its raw lines)."""
    field = _long_field(lines, header)
    if field is not None:  # beyond the csv module's own limit
        hint = '; is a closing quote (") missing?' if len(lines) > 1 else ""
        return Problem(label, line, field, f"is longer than {MAX_FIELD_LENGTH:,} characters{hint}")
    hint = ' (a quote (") opened on this row is not closed)' if len(lines) > 1 else ""
    return Problem(label, line, "-", f"row cannot be parsed: {err}{hint}")


def csv_rows(
    text: str, label: str, columns: tuple[str, ...], problems: list[Problem]
) -> Iterator[tuple[int, dict[str, str]]]:
    """Yield (line number, row) for each data row, after checking the header."""
    if "\x00" in text:
        problems.append(
            Problem(
                label,
                text[: text.index("\x00")].count("\n") + 1,
                "-",
                "contains a NUL byte; this is not a text CSV file",
            )
        )
        return
    if not text.strip():
        problems.append(
            Problem(label, 1, "-", "file is empty; expected a header row: " + ",".join(columns))
        )
        return
    lines = _Lines(text)
    reader = csv.reader(lines, strict=True)
    try:
        header = next(reader)
    except StopIteration:
        problems.append(
            Problem(label, 1, "-", "file is empty; expected a header row: " + ",".join(columns))
        )
        return
    except csv.Error as err:
        problems.append(Problem(label, 1, "-", f"header cannot be parsed: {err}"))
        return
    lenient = isinstance(text, LenientText)
    if lenient and (message := not_utf8(",".join(header))):
        problems.append(Problem(label, 1, "-", message))
        return
    header = [h.strip().lower() for h in header]  # "Place_ID" from a spreadsheet is place_id
    missing = [c for c in columns if c not in header and c not in OPTIONAL_COLUMNS]
    if missing:
        problems.append(Problem(label, 1, ",".join(missing), "required column is missing"))
        return
    for extra in (h for h in header if h not in columns):
        problems.append(Problem(label, 1, extra or "(blank)", "unknown column; it is ignored"))
    seen_header = set()
    for name in header:
        if name in seen_header:
            problems.append(Problem(label, 1, name, "column appears twice"))
            return
        seen_header.add(name)
    rereads = 0
    while True:
        line = lines.next + 1
        try:
            values = next(reader)
        except StopIteration:
            return
        except csv.Error as err:
            raw = lines.lines[line - 1 : lines.next]
            problems.append(_unparsable(label, line, header, raw, err))
            # An unclosed quote swallows the rows after it: read them again, from the line
            # after this row's first. (A one-line row leaves the reader there already.)
            if len(raw) > 1 and rereads < MAX_REREADS:
                rereads += 1
                lines.next = line
            continue
        if not values or all(not v.strip() for v in values):
            continue
        if len(values) != len(header):
            problems.append(
                Problem(label, line, "-", f"has {len(values)} fields, the header has {len(header)}")
            )
            continue
        too_long = [h for h, v in zip(header, values, strict=True) if len(v) > MAX_FIELD_LENGTH]
        if too_long:
            problems.append(
                Problem(label, line, too_long[0], f"is longer than {MAX_FIELD_LENGTH:,} characters")
            )
            continue
        row = {h: v for h, v in zip(header, values, strict=True) if h in columns}
        if lenient:
            undecodable = [(h, m) for h, v in row.items() if (m := not_utf8(v))]
            if undecodable:
                problems.append(Problem(label, line, *undecodable[0]))
                continue
        yield line, row
