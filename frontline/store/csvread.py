"""Reading CSV leniently, with line numbers: a bad row is a Problem, the others are kept."""

from __future__ import annotations

import csv
import io
import itertools
from collections.abc import Iterable, Iterator

from frontline.model import Problem
from frontline.store.fields import normalise_line_breaks
from frontline.store.schema import MAX_FIELD_LENGTH, OPTIONAL_COLUMNS
from frontline.store.textfile import LenientText, not_utf8


class _Lines:
    """The lines of a text for csv.reader, with the place of the next line to read, which
    the caller may set back after a row that cannot be parsed. `single` makes each row end
    with its line (see csv_rows)."""

    def __init__(self, text: str):
        self.lines = io.StringIO(text, newline="").readlines()
        _keep_utf16_breaks_on_their_line(self.lines)
        self.next = 0
        self.single = False
        self.row_start = True

    def __iter__(self) -> _Lines:
        return self

    def __next__(self) -> str:
        if self.next >= len(self.lines) or (self.single and not self.row_start):
            raise StopIteration
        self.row_start = False
        self.next += 1
        return self.lines[self.next - 1]


def _keep_utf16_breaks_on_their_line(lines: list[str]) -> None:
    """A row saved as UTF-16 (little-endian) ends in the bytes \n NUL: the NUL would begin
    the next line and cost its row too. It is dropped there; the UTF-16 row, full of NULs,
    is refused on its own line."""
    had_nul = False
    for index, line in enumerate(lines):
        has_nul = "\x00" in line
        if had_nul and line.startswith("\x00"):
            lines[index] = line[1:]
        had_nul = has_nul


def _nul_problem(label: str, line: int, field: str, raw: str) -> Problem:
    """A row holding NUL bytes: UTF-16 text if they are many (one every other character)."""
    if raw.count("\x00") * 3 >= len(raw):
        return Problem(label, line, "-", "is UTF-16 text, not UTF-8; save the file as UTF-8")
    return Problem(label, line, field, "contains a NUL byte; a table holds text only")


# Rows that span several lines and cannot be parsed are read again from their second line
# (see csv_rows). Rereading may read this many times the file's characters again; past that
# (a file built so that every reread runs far) each row ends with its line, so that reading
# stays linear: a row over several lines is then refused, each of its lines a problem line.
REREAD_BUDGET = 2


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
    unclosed = len(lines) > 1 or "unexpected end of data" in str(err)
    hint = ' (a quote (") opened on this row is not closed)' if unclosed else ""
    return Problem(label, line, "-", f"row cannot be parsed: {err}{hint}")


def csv_rows(
    text: str, label: str, columns: tuple[str, ...], problems: list[Problem]
) -> Iterator[tuple[int, dict[str, str]]]:
    """Yield (line number, row) for each data row, after checking the header."""
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
        if "\x00" in lines.lines[0]:
            problems.append(_nul_problem(label, 1, "-", lines.lines[0]))
        else:
            problems.append(Problem(label, 1, "-", f"header cannot be parsed: {err}"))
        return
    if any("\x00" in name for name in header):
        problems.append(_nul_problem(label, 1, "-", ",".join(header)))
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
    for extra in dict.fromkeys(h for h in header if h not in columns):
        problems.append(Problem(label, 1, extra or "(blank)", "unknown column; it is ignored"))
    for name in columns:
        if header.count(name) > 1:  # which of the two holds the value? Neither is taken.
            problems.append(Problem(label, 1, name, "column appears twice"))
            return
    # A trailing comma in the header (a blank column at its end) need not be in every row.
    named = len(header)
    while named and not header[named - 1]:
        named -= 1
    budget = REREAD_BUDGET * len(text)
    while True:
        line = lines.next + 1
        lines.row_start = True
        try:
            values = next(reader)
        except StopIteration:
            return
        except csv.Error as err:
            raw = lines.lines[line - 1 : lines.next]
            if "\x00" in raw[0]:
                problems.append(_nul_problem(label, line, "-", raw[0]))
            else:
                problems.append(_unparsable(label, line, header, raw, err))
            # An unclosed quote swallows the rows after it: read them again, from the line
            # after this row's first. (A one-line row leaves the reader there already.)
            if len(raw) > 1:
                budget -= sum(map(len, raw[1:]))
                lines.single = budget < 0
                lines.next = line
            continue
        if not values or all(not v.strip() for v in values):
            continue
        nul = next((i for i, v in enumerate(values) if "\x00" in v), None)
        if nul is not None:
            field = header[nul] if nul < len(header) else "-"
            problems.append(_nul_problem(label, line, field, ",".join(values)))
            continue
        if not named <= len(values) <= len(header):
            expected = named if len(values) < named else len(header)
            problems.append(
                Problem(label, line, "-", f"has {len(values)} fields, the header has {expected}")
            )
            continue
        too_long = [h for h, v in zip(header, values, strict=False) if len(v) > MAX_FIELD_LENGTH]
        if too_long:
            problems.append(
                Problem(label, line, too_long[0], f"is longer than {MAX_FIELD_LENGTH:,} characters")
            )
            continue
        # A value over several lines of a file saved with \r\n holds \r\n: as in the article
        # texts every break is \n, so a quote over a line break still matches its article.
        row = {
            h: normalise_line_breaks(v)
            for h, v in zip(header, values, strict=False)
            if h in columns
        }
        if lenient:
            undecodable = [(h, m) for h, v in row.items() if (m := not_utf8(v))]
            if undecodable:
                problems.append(Problem(label, line, *undecodable[0]))
                continue
        yield line, row
