"""What a start derives from the claims, cached beside them: the claims table the pages
read (frontline.timeline.claims_table) and the timeline index's assessments after every
claim (one pass over all of them, the slowest part of a start at a million claims).

Each is an Arrow file in `.cache/`, memory-mapped: a start reads only the pages it
touches (at a million claims the table's 500 MB are mapped in a fraction of a second, and
the rows of a view are taken without reading the others). Each is kept under a signature:
the claims cache's (the files they were validated from, frontline.store.cache) and, for
the index, that of the imported claims joined in. A changed file changes the signature, so
the copy is ignored and rebuilt; a copy that cannot be read, or does not fit, is rebuilt
the same way.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

import pandas as pd

from frontline.model import Dataset
from frontline.store import cache
from frontline.timeline import CLAIM_TABLE_COLUMNS, TimelineIndex, claims_table

TABLE_CACHE = "claims-table"
INDEX_CACHE = "timeline-index"
# Bumped when the claims table's or the index's columns or their meaning change.
FORMAT = "derived-3"


def _key(*parts: object) -> str:
    return hashlib.blake2b(repr((FORMAT, *parts)).encode(), digest_size=20).hexdigest()


def news_claims_table(root: Path, dataset: Dataset) -> pd.DataFrame:
    """claims_table(dataset), from the cache when the dataset came from the claims cache."""
    key = _key(dataset.signature) if dataset.signature else ""
    if key:
        frame = cache.read_mapped_frame(root, TABLE_CACHE, key)
        if frame is not None and list(frame.columns) == CLAIM_TABLE_COLUMNS:
            for name in ("date", "date_end", "published"):  # Parquet may keep another unit
                frame[name] = frame[name].astype("datetime64[s]")
            return frame
    table = claims_table(dataset)
    if key and len(table):
        cache.write_mapped_frame(root, TABLE_CACHE, table, key)
    return table


def timeline_index(
    root: Path, table: pd.DataFrame, signature: str, *extra: object
) -> TimelineIndex:
    """TimelineIndex(table), its assessments from the cache when `signature` (the claims
    cache's, with `extra`: what else made the table) has them."""
    key = _key(signature, *extra) if signature else ""
    if key:
        frame = cache.read_mapped_frame(root, INDEX_CACHE, key)
        if frame is not None and len(frame) == len(table):
            return TimelineIndex(table, frame)
    index = TimelineIndex(table)
    if key and len(table):
        cache.write_mapped_frame(root, INDEX_CACHE, index.assessment_frame(), key)
    return index


def start_tables(root: Path, dataset: Dataset):
    """What a page's data load derives from the claims, as the app does it: the claims
    table with the saved imported claims joined in, those claims as shown
    (importers.maprows.SavedClaims), and the timeline index over the table; each from the
    cache when it holds them, and cached when it does not."""
    from frontline.importers.maprows import imports_signature, with_imports

    table, imports = with_imports(news_claims_table(root, dataset), root, dataset)
    index = timeline_index(root, table, dataset.signature, imports_signature(root))
    return table, imports, index
