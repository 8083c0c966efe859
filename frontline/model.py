"""The data model: articles, places (the gazetteer) and the claims that link them."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path


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
        """As str() gives it, with the file's whole path in `data_dir`."""
        return f"{Path(data_dir) / self.file}:{self.line}: {self.field}: {self.message}"


@dataclass
class Dataset:
    articles: dict[str, Article] = field(default_factory=dict)
    places: dict[str, Place] = field(default_factory=dict)
    claims: list[Claim] = field(default_factory=list)
    oblasts: dict[str, str] = field(default_factory=dict)  # ISO code -> English name
    # ISO code -> its row of oblasts.csv (local name, GeoNames id), for the gazetteer
    oblast_rows: dict[str, dict] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)
