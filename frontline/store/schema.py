"""The data directory's files, their columns and the limits every table is held to."""

from __future__ import annotations

import datetime as dt
import os
import re
from pathlib import Path

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
    "superseded_by",
    "retracted",
    "saved_at",
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
    "saved_at",
    "url",
    "language",
    "geonames_admin1",
    "name_local",
    "superseded_by",
    "retracted",
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


class DataError(Exception):
    """A data directory that cannot be used at all (missing, or not a directory)."""


def default_data_dir() -> Path:
    """The data directory: $FRONTLINE_DATA_DIR if set, else data/ beside the package."""
    configured = os.environ.get(DATA_DIR_ENV)
    if configured:
        return Path(configured)
    return Path(__file__).resolve().parents[2] / "data"
