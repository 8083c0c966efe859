"""The record's rows: the scrape as read (snapshots, row versions) and what is built from it
(places, entries)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

PAGE_TITLE = "Control of cities during the Russo-Ukrainian War"
PAGE_URL = "https://en.wikipedia.org/wiki/Control_of_cities_during_the_Russo-Ukrainian_War"
SCRAPE_REPOSITORY = "https://github.com/vi-enne/controlCitiesUkraine"

CREDITS = (
    f'The table\'s text: Wikipedia contributors, "{PAGE_TITLE}" ({PAGE_URL}), CC BY-SA 3.0; '
    "what is derived from it is CC BY-SA 3.0 as well. Coordinates: simplemaps, CC BY 4.0. "
    f"The scrape of the page's history: V. Nicoletta ({SCRAPE_REPOSITORY}), CC BY 4.0. "
    "Place names and positions joined from GeoNames (geonames.org), CC BY 4.0; oblast "
    "boundaries from Natural Earth, public domain."
)

# What a place in the record comes from: a GeoNames place it was joined to, or the list
# itself (a place GeoNames' cities500 does not have, at the list's coordinates).
SOURCE_GEONAMES = "geonames"
SOURCE_LIST = "wikipedia-list"
PLACE_SOURCES = (SOURCE_GEONAMES, SOURCE_LIST)

# Where an entry's date comes from: a dated statement in "More information", the "As of"
# column, or (neither being usable) the day of the revision that first showed the status.
DATE_FROM_TEXT = "more_information"
DATE_FROM_AS_OF = "as_of"
DATE_FROM_REVISION = "revision"
DATE_SOURCES = (DATE_FROM_TEXT, DATE_FROM_AS_OF, DATE_FROM_REVISION)


@dataclass(frozen=True)
class Snapshot:
    """One scrape of the page."""

    number: int
    commit: str
    committed_at: dt.datetime
    revision_text: str  # as the page showed it, e.g. "10 September 2022 15h02 UTC"
    revision: dt.datetime | None  # that stamp read as UTC; None if it is not a stamp
    rows: int


@dataclass(frozen=True)
class RowVersion:
    """One version of one row of the table, standing over a run of consecutive snapshots."""

    line: int  # in row_versions.csv, for problems and a stable order
    first_snapshot: int
    last_snapshot: int
    name: str
    held_by: str
    as_of: str
    more_information: str
    lat: float | None
    lon: float | None


@dataclass(frozen=True)
class RecordPlace:
    place_id: str
    name: str
    names: tuple[str, ...]  # every name the list gave it, as written
    lat: float  # the list's coordinates (its latest)
    lon: float
    oblast: str  # ISO 3166-2; empty outside Ukraine
    source: str  # SOURCE_GEONAMES or SOURCE_LIST
    geonames_id: int | None
    geonames_name: str
    geonames_km: float | None  # from the list's point to the GeoNames point
    first_recorded: dt.datetime
    last_recorded: dt.datetime
    most_rows: int = 1  # 2+: the list had that many rows here at once (see places.py)


@dataclass(frozen=True)
class Entry:
    """A status the list gave a place, from the revision that first showed it."""

    entry_id: str
    place_id: str
    status: str  # one of vocab.STATUSES
    disputed: bool  # an edit war folded into one period (status contested)
    flips: int  # changes of status folded into a disputed period (0 otherwise)
    until: dt.datetime | None  # when a disputed period ended (the next entry's recorded_at)
    date: dt.date  # the date the entry is about
    date_end: dt.date
    date_precision: str  # one of vocab.DATE_PRECISIONS
    date_source: str  # one of DATE_SOURCES
    date_text: str  # the words the date was read from
    recorded_at: dt.datetime  # the revision that first showed it (UTC)
    revision: str  # that revision's stamp as the page showed it
    held_by: str  # the "Held by" cell as written
    as_of: str  # the "As of" cell as written
    passage: str  # the "More information" cell, spaces collapsed

    @property
    def credit(self) -> str:
        return f"Wikipedia, {PAGE_TITLE}, revision of {self.revision}"
