"""Each table's row parser: a row of text in, a typed record (or a RowError) out."""

from __future__ import annotations

import contextlib
import dataclasses
import datetime as dt
import os
from collections.abc import Callable, Iterator
from pathlib import Path

from frontline import limits, vocab
from frontline.events import status_event_problem
from frontline.model import Article, Claim, Place, Problem
from frontline.store.csvread import csv_rows
from frontline.store.fields import (
    RowError,
    choice_field,
    coordinates,
    date_field,
    identifier_field,
    normalise_line_breaks,
    saved_at_field,
    text_field,
    url_field,
    whole_number_field,
)
from frontline.store.schema import (
    ARTICLES_DIR,
    ARTICLES_FILE,
    CLAIMS_FILE,
    ID_PATTERN,
    ISO_PATTERN,
    LIST_SEPARATOR,
    OBLASTS_FILE,
    PLACES_FILE,
    DataError,
)
from frontline.store.textfile import read_text


def table_rows(
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
    for line, row in csv_rows(text, label, columns, problems):
        try:
            record = parse(row)
        except RowError as err:
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


def oblast_record(row: dict[str, str]) -> dict:
    code = text_field(row, "iso_3166_2").upper()
    if not ISO_PATTERN.match(code):
        raise RowError("iso_3166_2", f"{code[:20]!r} is not an ISO 3166-2 code like UA-63")
    return {
        **row,
        "iso_3166_2": code,
        "name_en": text_field(row, "name_en"),
        "name_local": text_field(row, "name_local", required=False),
        "geonames_id": whole_number_field(row, "geonames_id", required=False),
    }


def place_parser(oblasts: dict[str, str]) -> Callable[[dict[str, str]], Place]:
    def parse(row: dict[str, str]) -> Place:
        kind = choice_field(row, "kind", vocab.PLACE_KINDS)
        oblast = text_field(row, "oblast", required=kind != "country").upper()
        if oblast and oblast not in oblasts:
            raise RowError(
                "oblast", f"{oblast[:20]!r} is not a known oblast code (see {OBLASTS_FILE})"
            )
        alt_names = tuple(
            a.strip() for a in row.get("alt_names", "").split(LIST_SEPARATOR) if a.strip()
        )
        lat, lon = coordinates(row, "lat", "lon")
        return Place(
            place_id=identifier_field(row, "place_id"),
            name=text_field(row, "name"),
            kind=kind,
            oblast=oblast,
            lat=lat,
            lon=lon,
            geonames_id=whole_number_field(row, "geonames_id", required=False),
            population=whole_number_field(row, "population", required=False),
            alt_names=alt_names,
            name_uk=text_field(row, "name_uk", required=False),
            name_ru=text_field(row, "name_ru", required=False),
        )

    return parse


def article_text(articles_dir: Path, article_id: str) -> str:
    """The text of an article as loading checks it: a regular file of the data folder's own
    articles/, not too large, UTF-8, no NUL, not too long; its line breaks made \n. A
    RowError (field article_id) says what is wrong."""
    path = articles_dir / f"{article_id}.txt"
    # realpath, not resolve: a link to itself raises no error here (reading it does, as
    # a problem). The folder is the data folder's own: articles/ linked elsewhere is out.
    inside = Path(os.path.realpath(articles_dir.parent)) / ARTICLES_DIR
    if not Path(os.path.realpath(path)).is_relative_to(inside):
        raise RowError(
            "article_id",
            f"text file {ARTICLES_DIR}/{article_id}.txt is a link to a file outside "
            f"{ARTICLES_DIR}/ (or {ARTICLES_DIR}/ is a link); put the text itself there",
        )
    # No larger text than one article may be (frontline.limits) is read at all.
    with contextlib.suppress(OSError):  # a missing or unreadable file: read_text says so
        size = path.stat().st_size
        if size > limits.ARTICLE_FILE_BYTES:
            raise RowError(
                "article_id",
                f"text file {ARTICLES_DIR}/{article_id}.txt is larger than "
                f"{limits.ARTICLE_FILE_BYTES // 1_000_000} MB; not read",
            )
    sink: list[Problem] = []
    text = read_text(path, sink, "")
    if text is None:
        raise RowError("article_id", f"text file {ARTICLES_DIR}/{article_id}.txt {sink[0].message}")
    if "\x00" in text:  # ingest refuses it too: no text holds one
        raise RowError(
            "article_id",
            f"text file {ARTICLES_DIR}/{article_id}.txt contains a NUL byte "
            f"(line {text[: text.index(chr(0))].count(chr(10)) + 1}); it is not text",
        )
    if len(text) > limits.ARTICLE_CHARS:
        raise RowError(
            "article_id",
            f"text file {ARTICLES_DIR}/{article_id}.txt has {len(text):,} characters, "
            f"more than the {limits.ARTICLE_CHARS:,} characters an article may have",
        )
    # An editor on Windows may have saved it with \r\n: the offsets count \n.
    return normalise_line_breaks(text)


class _TextOnDemand:
    """An article's `text`, read from its file (article_text) when first asked for. A
    non-data descriptor: once read, or when given to the constructor, the article holds it."""

    def __get__(self, article: StoredArticle | None, owner: type) -> str:
        if article is None:
            return self  # type: ignore[return-value]
        try:
            text = article_text(article.folder, article.article_id)
        except RowError as err:
            # Checked when the data was loaded: the file changed since (the next load says so).
            raise DataError(f"{ARTICLES_FILE}: {err.field}: {err.message}") from None
        article.__dict__["text"] = text
        return text


_ARTICLE_FIELDS = tuple(f.name for f in dataclasses.fields(Article))


class StoredArticle(Article):
    """An Article of a data folder whose text is read from articles/ when first asked for:
    a start need not read every text (frontline.store.cache keeps their checks' result).
    Equal to the Article of the same fields; pickled as one."""

    __slots__ = ("folder",)
    text = _TextOnDemand()

    @classmethod
    def of(cls, folder: Path, fields: dict) -> StoredArticle:
        article = object.__new__(cls)
        article.__dict__.update(fields)  # as the (frozen) dataclass's __init__ would
        object.__setattr__(article, "folder", folder)
        return article

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Article):
            return NotImplemented
        return all(getattr(self, n) == getattr(other, n) for n in _ARTICLE_FIELDS)

    __hash__ = Article.__hash__

    def __reduce__(self):
        return Article, tuple(getattr(self, name) for name in _ARTICLE_FIELDS)


def article_parser(
    articles_dir: Path, today: dt.date, *, texts: bool = True
) -> Callable[[dict[str, str]], Article]:
    """Each row as an Article; with texts=False its text is not read (nor checked) but read
    when first asked for."""

    def parse(row: dict[str, str]) -> Article:
        article_id = identifier_field(row, "article_id")
        text = article_text(articles_dir, article_id) if texts else None
        fields = {
            "article_id": article_id,
            "title": text_field(row, "title"),
            "outlet": text_field(row, "outlet"),
            "url": url_field(row, "url"),
            "published": date_field(row, "published", today),
            "language": text_field(row, "language", required=False) or "en",
        }
        if text is not None:
            return Article(**fields, text=text)
        return StoredArticle.of(articles_dir, fields)

    return parse


def _missing(value: str, what: str, file: str, left_out: dict[str, int]) -> RowError:
    """A claim names a row that is not there: absent, or left out for a problem of its own."""
    if value in left_out:
        return RowError(
            f"{what}_id",
            f"{value[:40]!r} is left out of {file} (see its line {left_out[value]}), "
            "so this claim is too",
        )
    return RowError(
        f"{what}_id", f"{value[:40]!r} is not {'an' if what == 'article' else 'a'} {what} in {file}"
    )


def claim_parser(
    articles: dict[str, Article],
    places: dict[str, Place],
    today: dt.date,
    left_out: dict[str, dict[str, int]],
) -> Callable[[dict[str, str]], Claim]:
    def parse(row: dict[str, str]) -> Claim:
        claim_id = identifier_field(row, "claim_id")
        place_id = text_field(row, "place_id")
        if place_id not in places:
            raise _missing(place_id, "place", PLACES_FILE, left_out[PLACES_FILE])
        article_id = text_field(row, "article_id")
        if article_id not in articles:
            raise _missing(article_id, "article", ARTICLES_FILE, left_out[ARTICLES_FILE])
        article = articles[article_id]
        date = date_field(row, "date", today)
        precision = choice_field(row, "date_precision", vocab.DATE_PRECISIONS)
        date_end = date_field(row, "date_end", today, required=precision == "range")
        date_end = date_end or implied_end(date, precision)
        if date_end < date:
            raise RowError("date_end", f"{date_end} is before the date {date}")
        quote = row.get("quote", "")
        if not quote.strip():
            raise RowError("quote", "is empty")
        start = whole_number_field(row, "quote_start")
        end = whole_number_field(row, "quote_end")
        if article.text[start:end] != quote:
            found = article.text.find(quote)
            where = (
                f"it is at {found}..{found + len(quote)}"
                if found >= 0
                else "it is nowhere in the article"
            )
            raise RowError(
                "quote", f"not found verbatim at {start}..{end} of article {article_id}; {where}"
            )
        mention = text_field(row, "mention", required=False)
        if mention and mention not in quote:
            raise RowError("mention", f"{mention[:40]!r} does not occur in the quote")
        # An empty status: an event that states no control (frontline.events).
        status = text_field(row, "status", required=False).lower()
        event = text_field(row, "event").lower()
        if problem := status_event_problem(status, event):
            raise RowError(*problem)
        saved_at = saved_at_field(row, today)
        return Claim(
            claim_id=claim_id,
            place_id=place_id,
            date=date,
            date_end=date_end,
            date_precision=precision,
            status=status,
            event=event,
            certainty=choice_field(row, "certainty", vocab.CERTAINTIES),
            claimant=text_field(row, "claimant"),
            article_id=article_id,
            quote=quote,
            quote_start=start,
            quote_end=end,
            mention=mention,
            superseded_by=_superseded_by(row, claim_id),
            retracted=text_field(row, "retracted", required=False),
            saved_at=saved_at,
        )

    return parse


def _superseded_by(row: dict[str, str], claim_id: str) -> str:
    value = text_field(row, "superseded_by", required=False)
    if value and not ID_PATTERN.match(value):
        raise RowError("superseded_by", f"{value[:40]!r} is not a valid claim id")
    if value == claim_id:
        raise RowError("superseded_by", "names the claim itself")
    return value


def check_supersessions(rows: list[tuple[int, Claim]], problems: list[Problem]) -> list[Claim]:
    """The claims, leaving out (as a problem) each one superseded by a claim not there."""
    ids = {claim.claim_id for _, claim in rows}
    kept = []
    for line, claim in rows:
        if claim.superseded_by and claim.superseded_by not in ids:
            problems.append(
                Problem(
                    CLAIMS_FILE,
                    line,
                    "superseded_by",
                    f"{claim.superseded_by[:40]!r} is not a claim in {CLAIMS_FILE}",
                )
            )
            continue
        kept.append(claim)
    return kept


def geonames_parser(oblasts: dict[str, str]) -> Callable[[dict[str, str]], dict]:
    def parse(row: dict[str, str]) -> dict:
        code = text_field(row, "iso_3166_2").upper()
        if code not in oblasts:
            raise RowError("iso_3166_2", f"{code[:20]!r} is not an oblast in {OBLASTS_FILE}")
        alternates = text_field(row, "alternatenames", required=False)
        latitude, longitude = coordinates(row, "latitude", "longitude")
        return {
            "geonameid": whole_number_field(row, "geonameid"),
            "name": text_field(row, "name"),
            "latitude": latitude,
            "longitude": longitude,
            "iso_3166_2": code,
            "population": whole_number_field(row, "population", required=False) or 0,
            "alternatenames": [a for a in alternates.split(LIST_SEPARATOR) if a],
        }

    return parse


def implied_end(date: dt.date, precision: str) -> dt.date:
    """The last day a claim of this precision may be about."""
    if precision == "week":
        return date + dt.timedelta(days=6)
    if precision == "month":
        next_month = (date.replace(day=28) + dt.timedelta(days=4)).replace(day=1)
        return next_month - dt.timedelta(days=1)
    return date
