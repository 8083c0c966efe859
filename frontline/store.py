"""Reading, validating and writing the data directory.

Layout of a data directory:
    articles.csv         one row per article; its text is in articles/<article_id>.txt
    places.csv           the gazetteer
    claims.csv           one row per claim, quoting its article verbatim at given offsets
    oblasts.csv          ISO 3166-2 codes and English names of the oblasts
    oblasts.geojson      oblast boundaries (optional; the map draws them)

Loading never raises on bad content: every problem becomes a Problem naming the file, line and
field, the faulty row is left out, and everything valid is kept.

Writing: each file is replaced atomically (atomic_write_text), so a reader or a crash sees the
old or the new file, never half of one; an interrupted write leaves at most a hidden
`.<name>.<random>.tmp` file, which loading ignores and remove_temporary_files deletes. Writers
hold write_lock (an advisory flock on `.frontline.lock` in the data directory) from loading
to writing, so that two saves at once both land; readers take no lock.
"""

from __future__ import annotations

import contextlib
import csv
import datetime as dt
import io
import itertools
import math
import os
import re
import tempfile
import time
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

try:
    import fcntl
except ImportError:  # Windows: saves work as before, without the lock (see write_lock)
    fcntl = None

from frontline import vocab
from frontline.model import Article, Claim, Dataset, Place, Problem

ARTICLES_FILE = "articles.csv"
ARTICLES_DIR = "articles"
PLACES_FILE = "places.csv"
CLAIMS_FILE = "claims.csv"
OBLASTS_FILE = "oblasts.csv"
OBLAST_SHAPES_FILE = "oblasts.geojson"
GEONAMES_FILE = "geonames_ua.csv"  # for finding places in new articles

ARTICLE_COLUMNS = ("article_id", "title", "outlet", "url", "published", "language")
PLACE_COLUMNS = (
    "place_id",
    "name",
    "kind",
    "oblast",
    "lat",
    "lon",
    "geonames_id",
    "population",
    "alt_names",
    "name_uk",
    "name_ru",
)
CLAIM_COLUMNS = (
    "claim_id",
    "place_id",
    "date",
    "date_end",
    "date_precision",
    "status",
    "event",
    "certainty",
    "claimant",
    "article_id",
    "quote",
    "quote_start",
    "quote_end",
    "mention",
)
OBLAST_COLUMNS = ("iso_3166_2", "name_en", "geonames_admin1", "name_local", "geonames_id")
GEONAMES_COLUMNS = (
    "geonameid",
    "name",
    "latitude",
    "longitude",
    "admin1code",
    "iso_3166_2",
    "oblast",
    "population",
    "alternatenames",
)
# Columns that may be absent from a file (older files, hand-made files).
OPTIONAL_COLUMNS = {
    "alt_names",
    "name_uk",
    "name_ru",
    "geonames_id",
    "population",
    "date_end",
    "mention",
    "url",
    "language",
    "geonames_admin1",
    "name_local",
}

# Ukraine's independence: no claim of this kind can be about an earlier date.
EARLIEST_DATE = dt.date(1991, 8, 24)
MAX_FIELD_LENGTH = 100_000
ID_PATTERN = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]{0,99}$")
ISO_PATTERN = re.compile(r"^UA-\d\d$")
ISO_DATE_PATTERN = re.compile(r"^\d{4}-\d{2}-\d{2}$")
WEB_ADDRESS_PATTERN = re.compile(r"^https?://[^\s<>\"']+$", re.IGNORECASE)
LIST_SEPARATOR = "|"

DATA_DIR_ENV = "FRONTLINE_DATA_DIR"
LOCK_FILE = ".frontline.lock"
LOCK_WAIT_SECONDS = 60.0


class DataError(Exception):
    """A data directory that cannot be used at all (missing, or not a directory)."""


class LockTimeout(Exception):
    """Another writer held the data directory's lock for longer than LOCK_WAIT_SECONDS."""


def default_data_dir() -> Path:
    """The data directory: $FRONTLINE_DATA_DIR if set, else data/ beside the package."""
    configured = os.environ.get(DATA_DIR_ENV)
    if configured:
        return Path(configured)
    return Path(__file__).resolve().parent.parent / "data"


# --- reading CSV with line numbers ---------------------------------------------------------


# Byte-order marks of the encodings a spreadsheet may save as instead of UTF-8; UTF-32 first,
# as its little-endian mark begins with UTF-16's.
_OTHER_ENCODINGS = (
    (b"\xff\xfe\x00\x00", "UTF-32"),
    (b"\x00\x00\xfe\xff", "UTF-32"),
    (b"\xff\xfe", "UTF-16"),
    (b"\xfe\xff", "UTF-16"),
)
# A byte that is not UTF-8, as decoding with errors="surrogateescape" keeps it.
_UNDECODABLE = re.compile("[\udc80-\udcff]")


class _LenientText(str):
    """A table's text in which bytes that are not UTF-8 were kept as lone surrogates, so that
    _csv_rows reports them row by row and keeps the other rows."""


def _read_text(
    path: Path, problems: list[Problem], label: str, *, table: bool = False
) -> str | None:
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        problems.append(Problem(label, 0, "-", "file is missing"))
        return None
    except OSError as err:
        problems.append(Problem(label, 0, "-", f"cannot be read: {err.strerror or err}"))
        return None
    for mark, encoding in _OTHER_ENCODINGS:
        if raw.startswith(mark):
            problems.append(
                Problem(label, 1, "-", f"is {encoding} text, not UTF-8; save it as UTF-8")
            )
            return None
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]  # a byte-order mark from a spreadsheet export is harmless
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as err:
        if table:
            return _LenientText(raw.decode("utf-8", errors="surrogateescape"))
        line = raw[: err.start].count(b"\n") + 1
        problems.append(
            Problem(
                label,
                line,
                "-",
                f"is not UTF-8 text (byte 0x{raw[err.start]:02x}); save it as UTF-8",
            )
        )
        return None


def _not_utf8(value: str) -> str | None:
    """What to say about a value holding bytes that are not UTF-8, if it does."""
    found = _UNDECODABLE.search(value)
    if found is None:
        return None
    return f"is not UTF-8 text (byte 0x{ord(found.group()) - 0xDC00:02x}); save the file as UTF-8"


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
# (see _csv_rows); this many times at most, so that a file of unclosed quotes stays linear.
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


def _csv_rows(
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
    lenient = isinstance(text, _LenientText)
    if lenient and (message := _not_utf8(",".join(header))):
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
            undecodable = [(h, m) for h, v in row.items() if (m := _not_utf8(v))]
            if undecodable:
                problems.append(Problem(label, line, *undecodable[0]))
                continue
        yield line, row


class _RowError(Exception):
    def __init__(self, field: str, message: str):
        super().__init__(message)
        self.field = field
        self.message = message


def _text(row: dict[str, str], name: str, *, required: bool = True) -> str:
    value = row.get(name, "").strip()
    if required and not value:
        raise _RowError(name, "is empty")
    return value


def _identifier(row: dict[str, str], name: str) -> str:
    value = _text(row, name)
    if not ID_PATTERN.match(value):
        raise _RowError(name, f"{value[:40]!r} is not a valid id (letters, digits, . _ -)")
    return value


def _choice(row: dict[str, str], name: str, allowed: tuple[str, ...]) -> str:
    value = _text(row, name).lower()
    if value not in allowed:
        raise _RowError(name, f"{value[:40]!r} is not one of: {', '.join(allowed)}")
    return value


def _number(row: dict[str, str], name: str, low: float, high: float) -> float:
    raw = _text(row, name)
    try:
        value = float(raw)
    except ValueError:
        raise _RowError(name, f"{raw[:40]!r} is not a number") from None
    if not math.isfinite(value):
        raise _RowError(name, f"{raw!r} is not a finite number")
    if not low <= value <= high:
        raise _RowError(name, f"{value} is outside {low}..{high}")
    return value


def _whole_number(row: dict[str, str], name: str, *, required: bool = True) -> int | None:
    raw = _text(row, name, required=required)
    if not raw:
        return None
    try:
        value = int(raw)
    except ValueError:
        raise _RowError(name, f"{raw[:40]!r} is not a whole number") from None
    if value < 0:
        raise _RowError(name, f"{value} is negative")
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


def _date(
    row: dict[str, str], name: str, today: dt.date, *, required: bool = True
) -> dt.date | None:
    raw = _text(row, name, required=required)
    if not raw:
        return None
    try:
        value = parse_date(raw)
    except ValueError as err:
        raise _RowError(name, str(err)) from None
    if value < EARLIEST_DATE:
        raise _RowError(name, f"{value} is before {EARLIEST_DATE}")
    if value > today:
        raise _RowError(name, f"{value} is in the future")
    return value


def _url(row: dict[str, str], name: str) -> str:
    value = _text(row, name, required=False)
    if value and not WEB_ADDRESS_PATTERN.match(value):
        raise _RowError(name, f"{value[:60]!r} is not an http(s) address")
    return value


def _rows(
    label: str,
    text: str | None,
    columns: tuple[str, ...],
    problems: list[Problem],
    parse: Callable[[dict[str, str]], object],
    key: Callable[[object], str],
    left_out: dict[str, int] | None = None,
) -> Iterator[tuple[int, object]]:
    """Parse each row; report bad rows and duplicate keys; yield (line, record). The id
    (first column) of each bad row goes into `left_out`, with its line."""
    if text is None:
        return
    seen: dict[str, int] = {}
    for line, row in _csv_rows(text, label, columns, problems):
        try:
            record = parse(row)
        except _RowError as err:
            problems.append(Problem(label, line, err.field, err.message))
            if left_out is not None:
                left_out.setdefault(row.get(columns[0], "").strip(), line)
            continue
        record_key = key(record)
        if record_key in seen:
            problems.append(
                Problem(
                    label,
                    line,
                    columns[0],
                    f"{record_key!r} repeats the id of line {seen[record_key]}",
                )
            )
            continue
        seen[record_key] = line
        yield line, record


# --- the four tables -----------------------------------------------------------------------


def _oblast_record(row: dict[str, str]) -> dict:
    code = _text(row, "iso_3166_2").upper()
    if not ISO_PATTERN.match(code):
        raise _RowError("iso_3166_2", f"{code[:20]!r} is not an ISO 3166-2 code like UA-63")
    return {
        **row,
        "iso_3166_2": code,
        "name_en": _text(row, "name_en"),
        "name_local": _text(row, "name_local", required=False),
        "geonames_id": _whole_number(row, "geonames_id", required=False),
    }


def _place_parser(oblasts: dict[str, str]) -> Callable[[dict[str, str]], Place]:
    def parse(row: dict[str, str]) -> Place:
        kind = _choice(row, "kind", vocab.PLACE_KINDS)
        oblast = _text(row, "oblast", required=kind != "country").upper()
        if oblast and oblast not in oblasts:
            raise _RowError(
                "oblast", f"{oblast[:20]!r} is not a known oblast code (see {OBLASTS_FILE})"
            )
        alt_names = tuple(
            a.strip() for a in row.get("alt_names", "").split(LIST_SEPARATOR) if a.strip()
        )
        return Place(
            place_id=_identifier(row, "place_id"),
            name=_text(row, "name"),
            kind=kind,
            oblast=oblast,
            lat=_number(row, "lat", -90, 90),
            lon=_number(row, "lon", -180, 180),
            geonames_id=_whole_number(row, "geonames_id", required=False),
            population=_whole_number(row, "population", required=False),
            alt_names=alt_names,
            name_uk=_text(row, "name_uk", required=False),
            name_ru=_text(row, "name_ru", required=False),
        )

    return parse


def _article_parser(articles_dir: Path, today: dt.date) -> Callable[[dict[str, str]], Article]:
    def parse(row: dict[str, str]) -> Article:
        article_id = _identifier(row, "article_id")
        path = articles_dir / f"{article_id}.txt"
        if path.is_symlink() and not path.resolve().is_relative_to(articles_dir.resolve()):
            raise _RowError(
                "article_id",
                f"text file {ARTICLES_DIR}/{article_id}.txt is a link "
                f"to a file outside {ARTICLES_DIR}/; put the text itself there",
            )
        sink: list[Problem] = []
        text = _read_text(path, sink, "")
        if text is None:
            raise _RowError(
                "article_id", f"text file {ARTICLES_DIR}/{article_id}.txt {sink[0].message}"
            )
        # An editor on Windows may have saved it with \r\n: the offsets count \n.
        text = normalise_line_breaks(text)
        return Article(
            article_id=article_id,
            title=_text(row, "title"),
            outlet=_text(row, "outlet"),
            url=_url(row, "url"),
            published=_date(row, "published", today),
            language=_text(row, "language", required=False) or "en",
            text=text,
        )

    return parse


def _missing(value: str, what: str, file: str, left_out: dict[str, int]) -> _RowError:
    """A claim names a row that is not there: absent, or left out for a problem of its own."""
    if value in left_out:
        return _RowError(
            f"{what}_id",
            f"{value[:40]!r} is left out of {file} (see its line {left_out[value]}), "
            "so this claim is too",
        )
    return _RowError(
        f"{what}_id", f"{value[:40]!r} is not {'an' if what == 'article' else 'a'} {what} in {file}"
    )


def _claim_parser(
    articles: dict[str, Article],
    places: dict[str, Place],
    today: dt.date,
    left_out: dict[str, dict[str, int]],
) -> Callable[[dict[str, str]], Claim]:
    def parse(row: dict[str, str]) -> Claim:
        claim_id = _identifier(row, "claim_id")
        place_id = _text(row, "place_id")
        if place_id not in places:
            raise _missing(place_id, "place", PLACES_FILE, left_out[PLACES_FILE])
        article_id = _text(row, "article_id")
        if article_id not in articles:
            raise _missing(article_id, "article", ARTICLES_FILE, left_out[ARTICLES_FILE])
        article = articles[article_id]
        date = _date(row, "date", today)
        precision = _choice(row, "date_precision", vocab.DATE_PRECISIONS)
        date_end = _date(row, "date_end", today, required=precision == "range")
        date_end = date_end or implied_end(date, precision)
        if date_end < date:
            raise _RowError("date_end", f"{date_end} is before the date {date}")
        quote = row.get("quote", "")
        if not quote.strip():
            raise _RowError("quote", "is empty")
        start = _whole_number(row, "quote_start")
        end = _whole_number(row, "quote_end")
        if article.text[start:end] != quote:
            found = article.text.find(quote)
            where = (
                f"it is at {found}..{found + len(quote)}"
                if found >= 0
                else "it is nowhere in the article"
            )
            raise _RowError(
                "quote", f"not found verbatim at {start}..{end} of article {article_id}; {where}"
            )
        mention = _text(row, "mention", required=False)
        if mention and mention not in quote:
            raise _RowError("mention", f"{mention[:40]!r} does not occur in the quote")
        return Claim(
            claim_id=claim_id,
            place_id=place_id,
            date=date,
            date_end=date_end,
            date_precision=precision,
            status=_choice(row, "status", vocab.STATUSES),
            event=_choice(row, "event", vocab.EVENTS),
            certainty=_choice(row, "certainty", vocab.CERTAINTIES),
            claimant=_text(row, "claimant"),
            article_id=article_id,
            quote=quote,
            quote_start=start,
            quote_end=end,
            mention=mention,
        )

    return parse


def _geonames_parser(oblasts: dict[str, str]) -> Callable[[dict[str, str]], dict]:
    def parse(row: dict[str, str]) -> dict:
        code = _text(row, "iso_3166_2").upper()
        if code not in oblasts:
            raise _RowError("iso_3166_2", f"{code[:20]!r} is not an oblast in {OBLASTS_FILE}")
        alternates = _text(row, "alternatenames", required=False)
        return {
            "geonameid": _whole_number(row, "geonameid"),
            "name": _text(row, "name"),
            "latitude": _number(row, "latitude", -90, 90),
            "longitude": _number(row, "longitude", -180, 180),
            "iso_3166_2": code,
            "population": _whole_number(row, "population", required=False) or 0,
            "alternatenames": [a for a in alternates.split(LIST_SEPARATOR) if a],
        }

    return parse


def load_geonames(
    data_dir: Path | str | None = None, oblasts: dict[str, str] | None = None
) -> tuple[list[dict], list[Problem]]:
    """The usable rows of the GeoNames extract, typed, and a Problem for each row (or the
    file) that is not usable. Only new articles need it, so load_dataset leaves it out."""
    root = Path(data_dir) if data_dir is not None else default_data_dir()
    problems: list[Problem] = []
    if oblasts is None:
        oblasts = load_dataset(root).oblasts
    text = _read_text(root / GEONAMES_FILE, problems, GEONAMES_FILE, table=True)
    rows = [
        row
        for _, row in _rows(
            GEONAMES_FILE,
            text,
            GEONAMES_COLUMNS,
            problems,
            _geonames_parser(oblasts),
            key=lambda row: str(row["geonameid"]),
        )
    ]
    return rows, problems


def implied_end(date: dt.date, precision: str) -> dt.date:
    """The last day a claim of this precision may be about."""
    if precision == "week":
        return date + dt.timedelta(days=6)
    if precision == "month":
        next_month = (date.replace(day=28) + dt.timedelta(days=4)).replace(day=1)
        return next_month - dt.timedelta(days=1)
    return date


def load_dataset(data_dir: Path | str | None = None, *, today: dt.date | None = None) -> Dataset:
    """Load and validate a data directory. Never raises on bad content (see module doc)."""
    root = Path(data_dir) if data_dir is not None else default_data_dir()
    if not root.is_dir():
        raise DataError(f"{root}: not a data directory")
    today = today or dt.date.today()
    problems: list[Problem] = []

    def read(name: str) -> str | None:
        return _read_text(root / name, problems, name, table=True)

    oblast_rows = {
        row["iso_3166_2"]: row
        for _, row in _rows(
            OBLASTS_FILE,
            read(OBLASTS_FILE),
            OBLAST_COLUMNS,
            problems,
            _oblast_record,
            key=lambda row: row["iso_3166_2"],
        )
    }
    oblasts = {code: row["name_en"] for code, row in oblast_rows.items()}
    left_out: dict[str, dict[str, int]] = {PLACES_FILE: {}, ARTICLES_FILE: {}}
    places = {
        p.place_id: p
        for _, p in _rows(
            PLACES_FILE,
            read(PLACES_FILE),
            PLACE_COLUMNS,
            problems,
            _place_parser(oblasts),
            key=lambda p: p.place_id,
            left_out=left_out[PLACES_FILE],
        )
    }
    articles = {
        a.article_id: a
        for _, a in _rows(
            ARTICLES_FILE,
            read(ARTICLES_FILE),
            ARTICLE_COLUMNS,
            problems,
            _article_parser(root / ARTICLES_DIR, today),
            key=lambda a: a.article_id,
            left_out=left_out[ARTICLES_FILE],
        )
    }
    claims = [
        c
        for _, c in _rows(
            CLAIMS_FILE,
            read(CLAIMS_FILE),
            CLAIM_COLUMNS,
            problems,
            _claim_parser(articles, places, today, left_out),
            key=lambda c: c.claim_id,
        )
    ]
    return Dataset(
        articles=articles,
        places=places,
        claims=claims,
        oblasts=oblasts,
        oblast_rows=oblast_rows,
        problems=problems,
    )


# --- writing -------------------------------------------------------------------------------


@contextlib.contextmanager
def write_lock(root: Path, wait: float | None = None) -> Iterator[None]:
    """Hold the data directory's write lock: an exclusive flock on LOCK_FILE, which the
    kernel releases when its holder exits, killed or not. Waits up to `wait` seconds for
    another writer (default LOCK_WAIT_SECONDS), then raises LockTimeout. Advisory: only
    writers that take it wait. Where there is no fcntl (Windows) no lock is taken."""
    if fcntl is None:
        yield
        return
    wait = LOCK_WAIT_SECONDS if wait is None else wait
    deadline = time.monotonic() + wait
    with open(root / LOCK_FILE, "a", encoding="utf-8") as handle:
        while True:
            try:
                fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() >= deadline:
                    raise LockTimeout(
                        f"{root}: another save has held {LOCK_FILE} for over {wait:g} s"
                    ) from None
                time.sleep(0.05)
        try:
            yield
        finally:
            fcntl.flock(handle.fileno(), fcntl.LOCK_UN)


# atomic_write_text's temporary files: "." + the file's name + "." + mkstemp's 8 characters.
_TEMPORARY_NAME = re.compile(r"\..+\.[a-z0-9_]{8}\.tmp")


def remove_temporary_files(root: Path) -> list[Path]:
    """Delete what interrupted writes left (atomic_write_text's temporary files); call it
    under write_lock, when no write is under way. Returns what was deleted."""
    leftovers = [
        path
        for folder in (root, root / ARTICLES_DIR)
        for path in folder.glob(".*.tmp")
        if _TEMPORARY_NAME.fullmatch(path.name) and path.is_file()
    ]
    for path in leftovers:
        path.unlink(missing_ok=True)
    return leftovers


def atomic_write_text(path: Path, text: str) -> None:
    """Write a file so that a reader or a crash sees either the old or the new content."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def csv_text(columns: Iterable[str], rows: Iterable[dict[str, object]]) -> str:
    buffer = io.StringIO()
    writer = csv.DictWriter(
        buffer, fieldnames=list(columns), lineterminator="\n", extrasaction="ignore"
    )
    writer.writeheader()
    writer.writerows(rows)
    return buffer.getvalue()


def place_row(place: Place) -> dict[str, object]:
    return {
        "place_id": place.place_id,
        "name": place.name,
        "kind": place.kind,
        "oblast": place.oblast,
        "lat": place.lat,
        "lon": place.lon,
        "geonames_id": "" if place.geonames_id is None else place.geonames_id,
        "population": "" if place.population is None else place.population,
        "alt_names": LIST_SEPARATOR.join(place.alt_names),
        "name_uk": place.name_uk,
        "name_ru": place.name_ru,
    }


def claim_row(claim: Claim) -> dict[str, object]:
    return {
        "claim_id": claim.claim_id,
        "place_id": claim.place_id,
        "date": claim.date.isoformat(),
        "date_end": "" if claim.date_end == claim.date else claim.date_end.isoformat(),
        "date_precision": claim.date_precision,
        "status": claim.status,
        "event": claim.event,
        "certainty": claim.certainty,
        "claimant": claim.claimant,
        "article_id": claim.article_id,
        "quote": claim.quote,
        "quote_start": claim.quote_start,
        "quote_end": claim.quote_end,
        "mention": claim.mention,
    }


def article_row(article: Article) -> dict[str, object]:
    return {
        "article_id": article.article_id,
        "title": article.title,
        "outlet": article.outlet,
        "url": article.url,
        "published": article.published.isoformat(),
        "language": article.language,
    }


def write_tables(
    root: Path,
    *,
    articles: Iterable[Article] | None = None,
    places: Iterable[Place] | None = None,
    claims: Iterable[Claim] | None = None,
) -> None:
    """Write whole tables (and article texts) atomically, file by file.

    Article texts are written before the index that names them, and places before the
    claims that name them, so that a crash between files leaves every file valid.
    """
    if articles is not None:
        articles = list(articles)
        for article in articles:
            atomic_write_text(root / ARTICLES_DIR / f"{article.article_id}.txt", article.text)
        atomic_write_text(
            root / ARTICLES_FILE, csv_text(ARTICLE_COLUMNS, map(article_row, articles))
        )
    if places is not None:
        atomic_write_text(root / PLACES_FILE, csv_text(PLACE_COLUMNS, map(place_row, places)))
    if claims is not None:
        atomic_write_text(root / CLAIMS_FILE, csv_text(CLAIM_COLUMNS, map(claim_row, claims)))
