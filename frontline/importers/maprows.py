"""Saved imported claims as rows of the claims table the map, the timeline and the
assessment are built from: their data set is the outlet and their claimant the claimant, so
the assessment counts them as sources; no article stands behind them (`article_id` empty),
so the panel shows them as imported cards, never as news articles."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from frontline import vocab
from frontline.importers.saved import import_files, load_saved
from frontline.importers.viina import CONTROL_DATASET
from frontline.model import Dataset, Problem
from frontline.record.sources import VIINA
from frontline.timeline import CLAIM_TABLE_COLUMNS
from frontline.web import imported


def imports_signature(root: Path) -> tuple:
    """Names, sizes and times of the saved import files: a save changes it."""
    stamps = []
    for path in import_files(root):
        info = path.stat()
        stamps.append((path.name, info.st_mtime_ns, info.st_size))
    return tuple(stamps)


def is_imported(table: pd.DataFrame) -> pd.Series:
    """The rows of the claims table that come from imported data sets."""
    # On the columns' values: pandas' comparisons of string columns took five times as
    # long, and the map asks this of its state several times a run.
    source = table["source"].to_numpy(dtype=object)
    article = table["article_id"].to_numpy(dtype=object)
    return pd.Series((source == vocab.SOURCE_NEWS) & (article == ""), index=table.index)


@dataclass(frozen=True)
class SavedClaims:
    """The saved imported claims as the panel and the Data page show them (imported.
    imported_frame), the problems that left rows out, and the rows of the record that came
    in as imports (VIINA's control table: record_rows)."""

    frame: pd.DataFrame
    problems: tuple[Problem, ...]
    record: pd.DataFrame = field(default_factory=lambda: pd.DataFrame(columns=CLAIM_TABLE_COLUMNS))


def imported_rows(frame: pd.DataFrame, dataset: Dataset) -> pd.DataFrame:
    """The saved imported claims (saved.SavedImports.frame, bad rows left out: the Data page
    lists them) as claims table rows."""
    if frame is None or frame.empty:
        return pd.DataFrame(columns=CLAIM_TABLE_COLUMNS)
    places = [dataset.places[p] for p in frame["place_id"]]
    rows = pd.DataFrame(
        {
            "claim_id": frame["claim_id"].to_numpy(),
            "place_id": frame["place_id"].to_numpy(),
            "name": [p.name for p in places],
            "kind": [p.kind for p in places],
            "oblast": [p.oblast for p in places],
            "oblast_name": [dataset.oblasts.get(p.oblast, p.oblast) for p in places],
            "lat": [p.lat for p in places],
            "lon": [p.lon for p in places],
            "geonames_id": [p.geonames_id for p in places],
            "date": pd.to_datetime(frame["date"], format="%Y-%m-%d").to_numpy(),
            "date_end": pd.to_datetime(frame["date_end"], format="%Y-%m-%d").to_numpy(),
            "date_precision": frame["date_precision"].to_numpy(),
            "status": frame["status"].to_numpy(),
            "event": frame["event"].to_numpy(),
            "certainty": frame["certainty"].to_numpy(),
            "claimant": frame["claimant"].to_numpy(),
            "article_id": "",
            # No publication date: "what was known" counts from the day the data set knew
            # of the row (saved.COLUMNS: `known`, filled with the day of the save).
            "published": pd.to_datetime(frame["known"], format="%Y-%m-%d").to_numpy(),
            "outlet": frame["dataset"].to_numpy(),
            "title": "",
            "url": frame["source_url"].to_numpy(),
            "quote": frame["passage"].to_numpy(),
            "quote_start": None,
            "quote_end": None,
            "mention": "",
            "source": vocab.SOURCE_NEWS,  # drawn in the news layer, labelled as shared
        },
        columns=CLAIM_TABLE_COLUMNS,
    )
    rows["geonames_id"] = rows["geonames_id"].astype("Int64")
    return rows


# Saved imports that are record sources, not claims: drawn, listed and compared as the record.
RECORD_DATASETS = {CONTROL_DATASET: VIINA}


def record_rows(frame: pd.DataFrame, dataset: Dataset) -> pd.DataFrame:
    """Saved rows of a record data set (RECORD_DATASETS) as rows of the record's claims table
    (record.claims): source "record", the record source as outlet, and for passage what the
    row states, where it sits and the source's notice."""
    rows = imported_rows(frame, dataset)
    if rows.empty:
        return rows
    source = frame["dataset"].map(RECORD_DATASETS).to_numpy()
    names = pd.Series([s.name for s in source])
    where = (frame["file"] + " " + frame["unit"] + " " + frame["row"]).reset_index(drop=True)
    statuses = rows["status"].map(vocab.STATUS_LABELS)
    rows["outlet"] = [s.outlet for s in source]
    rows["title"] = (frame["dataset"].reset_index(drop=True) + ", " + where).to_numpy()
    rows["quote"] = (
        statuses
        + " on "
        + rows["date"].dt.strftime("%Y-%m-%d")
        + ", in "
        + names
        + " ("
        + where
        + "). "
        + pd.Series([s.notice for s in source])
    ).str.strip()
    rows["quote_start"] = 0
    rows["quote_end"] = rows["quote"].str.len()
    rows["mention"] = rows["name"]
    rows["source"] = vocab.SOURCE_RECORD
    return rows


def in_timeline_order(table: pd.DataFrame, rows: pd.DataFrame) -> pd.DataFrame:
    """`table` and `rows` (claims table rows) as one table, in timeline order."""
    if rows.empty:
        return table
    rows = rows.copy()
    for name in ("date", "date_end", "published"):  # one time unit, as the merges want
        rows[name] = rows[name].astype(table[name].dtype)
    joined = pd.concat([table, rows], ignore_index=True) if len(table) else rows
    joined = joined.sort_values(["date", "published", "claim_id"], kind="stable")
    return joined.reset_index(drop=True)


def with_imports(
    table: pd.DataFrame, root: Path, dataset: Dataset
) -> tuple[pd.DataFrame, SavedClaims]:
    """The news claims table joined with the saved imported claims, in timeline order, and
    those claims as shown: the import files are read once per change of the data. Rows of a
    record data set are left out of both, for the record (SavedClaims.record)."""
    saved = load_saved(root, dataset.places)
    frame = saved.frame
    of_record = frame["dataset"].isin(list(RECORD_DATASETS))
    record = record_rows(frame[of_record], dataset) if of_record.any() else None
    if of_record.any():
        frame = frame[~of_record].reset_index(drop=True)
    rows = imported_rows(frame, dataset)
    shown = SavedClaims(
        imported.imported_frame(frame, dataset.places),
        tuple(saved.problems),
        *(() if record is None else (record,)),
    )
    return in_timeline_order(table, rows), shown
