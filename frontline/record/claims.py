"""The record's entries as rows of a claims table, so the one timeline engine answers for them.

An entry is not a news claim and is never shown as one: its rows carry `source` "record",
the list as claimant and outlet, the revision as title, no article, and the row's text at
that revision as its passage. A record place that is also a place of the news data (the same
GeoNames id) takes the news place's id, so that clicking it shows both kinds of source.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from pathlib import Path

import pandas as pd

from frontline.model import Dataset, Problem
from frontline.record.files import ENTRIES_FILE, MANIFEST_FILE, PLACES_FILE, RECORD_DIR
from frontline.record.load import RecordData, load_record
from frontline.record.model import PAGE_TITLE, PAGE_URL
from frontline.store import cache
from frontline.timeline import CLAIM_TABLE_COLUMNS
from frontline.vocab import SOURCE_RECORD

RECORD_CLAIMANT = "Wikipedia's list (its editors)"
RECORD_OUTLET = "Wikipedia"
# The list's editors summarise sources they cite; the map shows that as a claim, never as
# confirmed.
RECORD_CERTAINTY = "claimed"
DISPUTED_EVENT = "disputed"
RECORDED_EVENT = "held"


def record_place_ids(record: RecordData, dataset: Dataset) -> dict[str, str]:
    """record place id -> the id its rows take: the news place with its GeoNames id, if any."""
    by_geonames = {
        p.geonames_id: p.place_id
        for p in dataset.places.values()
        if p.geonames_id is not None and p.kind != "oblast"
    }
    return {
        place_id: by_geonames.get(place.geonames_id, place_id)
        for place_id, place in record.places.items()
    }


def record_claims_table(record: RecordData, dataset: Dataset) -> pd.DataFrame:
    """One row per record entry, in the claims table's columns and timeline order."""
    ids = record_place_ids(record, dataset)
    rows = []
    for entry in record.entries:
        place = record.places.get(entry.place_id)
        if place is None or not place.oblast:
            continue  # outside Ukraine's oblasts: a coordinate slip in the list
        passage = " ".join(part for part in (entry.passage, _as_of(entry.as_of)) if part)
        passage = passage or f"{entry.held_by} (the list's “Held by” column)"
        rows.append(
            {
                "claim_id": entry.entry_id,
                "place_id": ids[entry.place_id],
                "name": place.name,
                "kind": "town",
                "oblast": place.oblast,
                "oblast_name": dataset.oblasts.get(place.oblast, place.oblast),
                "lat": place.lat,
                "lon": place.lon,
                "geonames_id": place.geonames_id,
                "date": entry.date,
                "date_end": entry.date_end,
                "date_precision": entry.date_precision,
                "status": entry.status,
                "event": DISPUTED_EVENT if entry.disputed else RECORDED_EVENT,
                "certainty": RECORD_CERTAINTY,
                "claimant": RECORD_CLAIMANT,
                "article_id": "",
                "published": entry.recorded_at.date(),
                "outlet": RECORD_OUTLET,
                "title": f"{PAGE_TITLE}, revision of {entry.revision}",
                "quote": passage,
                "quote_start": 0,
                "quote_end": len(passage),
                "mention": place.name,
                "source": SOURCE_RECORD,
                "url": PAGE_URL,
            }
        )
    table = pd.DataFrame(rows, columns=CLAIM_TABLE_COLUMNS)
    for name in ("date", "date_end", "published"):
        table[name] = pd.to_datetime(table[name])
    table["geonames_id"] = table["geonames_id"].astype("Int64")
    return table.sort_values(["date", "published", "claim_id"], kind="stable", ignore_index=True)


# The table as the data's .cache keeps it (record_table); bumped when the table's columns or
# their meaning change.
TABLE_CACHE = "record-table"
TABLE_FORMAT = "record-table-1"


def _table_key(root: Path, dataset: Dataset) -> str:
    """The record's files by content, the news data's places and oblasts (the claims cache's
    signature covers them) and the day (a date after it is refused); "" for none."""
    if not dataset.signature:
        return ""
    digest = hashlib.sha256()
    for name in (PLACES_FILE, ENTRIES_FILE, MANIFEST_FILE):
        try:
            digest.update((root / RECORD_DIR / name).read_bytes())
        except OSError:
            return ""
    return repr((TABLE_FORMAT, digest.hexdigest(), dataset.signature, dt.date.today()))


def record_table(root: Path, dataset: Dataset) -> tuple[pd.DataFrame, list[Problem]]:
    """record_claims_table of the record in the data directory `root`, and the problems in
    its files. Kept in the data's .cache when there are none: a start then parses no row of
    the record (a tenth of a start with the bundled record)."""
    key = _table_key(root, dataset)
    kept = cache.read_frame(root, TABLE_CACHE, key) if key else None
    if kept is not None and list(kept.columns) == CLAIM_TABLE_COLUMNS:
        for name in ("date", "date_end", "published"):  # Parquet may keep another unit
            kept[name] = kept[name].astype("datetime64[s]")
        return kept, []
    record = load_record(root)
    table = record_claims_table(record, dataset)
    if key and not record.problems:
        cache.write_frame(root, TABLE_CACHE, table, key)
    return table, record.problems


def _as_of(text: str) -> str:
    return f"(As of: {text})" if text else ""


def record_bounds(table: pd.DataFrame, start: dt.date) -> tuple[dt.date, dt.date] | None:
    """The timeline's span the record adds: from `start` (the record reaches back to 2014,
    the timeline does not) to the last revision it holds."""
    if table.empty:
        return None
    return start, max(table["date"].max(), table["published"].max()).date()
