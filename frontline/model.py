"""The data model: articles, places (the gazetteer) and the claims that link them."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import Path

# Characters a terminal acts on rather than shows: controls (ANSI escapes, line breaks that
# would forge a problem line) and the marks that turn the direction of a line's text.
_UNPRINTABLE = re.compile("[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def printable(text: str) -> str:
    """`text` with each character a terminal would act on written as its escape (\\n, \\x1b)."""
    return _UNPRINTABLE.sub(lambda found: repr(found.group())[1:-1], text)


@dataclass(frozen=True)
class Article:
    article_id: str
    title: str
    outlet: str
    url: str
    published: dt.date
    language: str
    text: str


@dataclass(frozen=True)
class Place:
    place_id: str
    name: str
    kind: str
    oblast: str  # ISO 3166-2, e.g. UA-63; empty for a country
    lat: float
    lon: float
    geonames_id: int | None = None
    population: int | None = None
    alt_names: tuple[str, ...] = ()
    name_uk: str = ""
    name_ru: str = ""


@dataclass(frozen=True)
class Claim:
    claim_id: str
    place_id: str
    date: dt.date
    date_end: dt.date  # equal to date for day precision
    date_precision: str
    status: str
    event: str
    certainty: str
    claimant: str
    article_id: str
    quote: str
    quote_start: int
    quote_end: int
    mention: str = ""  # the spelling of the place used in the quote
    saved_at: str = ""  # when the save added it, UTC ("2026-12-02T21:05:00Z"); "" before
    superseded_by: str = ""  # the claim that corrects this one; it is kept, no longer shown
    retracted: str = ""  # why it was withdrawn; a retracted claim is kept, no longer shown

    @property
    def current(self) -> bool:
        """Neither corrected nor retracted: a claim the map and tables show."""
        return not self.superseded_by and not self.retracted


@dataclass(frozen=True)
class Problem:
    """One thing wrong with a data file, located as FILE:LINE: FIELD."""

    file: str
    line: int
    field: str
    message: str

    def __str__(self) -> str:
        return f"{self.file}:{self.line}: {self.field}: {self.message}"

    def located(self, data_dir: Path | str) -> str:
        """As str() gives it, with the file's whole path in `data_dir`, for a terminal: what a
        file holds is printed with its control characters escaped (see printable)."""
        return printable(f"{Path(data_dir) / self.file}:{self.line}: {self.field}: {self.message}")


@dataclass
class Dataset:
    articles: dict[str, Article] = field(default_factory=dict)
    places: dict[str, Place] = field(default_factory=dict)
    claims: list[Claim] = field(default_factory=list)
    oblasts: dict[str, str] = field(default_factory=dict)  # ISO code -> English name
    # ISO code -> its row of oblasts.csv (local name, GeoNames id), for the gazetteer
    oblast_rows: dict[str, dict] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)
    # The claims cache's signature of the files it was loaded from (frontline.store.cache);
    # "" when loaded without the cache. What is derived from the claims is cached under it.
    signature: str = field(default="", compare=False)
