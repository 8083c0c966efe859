"""The claims of a start from the cache, as columns: a Claim is made only when asked for.

Making a million Claim objects takes longer than the rest of a start from the cache, and
the map's first page needs few of them: the newest saved (the Latest list) and the corrected
or retracted ones (a place's notes). ClaimColumns is a sequence of claims over the cached
Parquet file, read a column at a time when needed; iterating it or indexing it makes every
Claim once, and keeps them.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator, Sequence

import numpy as np

from frontline.model import Claim

FIELDS = tuple(f.name for f in dataclasses.fields(Claim))
# The claims' cache names, in its metadata, the rows of the NEWEST_KEPT claims saved most
# recently (frontline.store.cache.newest_rows).
NEWEST_KEY = b"frontline-newest-saved"
NEWEST_KEPT = 64


def _values(column) -> list:
    """A column as Python values, a repeated value (a date, a place, a status) as one
    object: faster, and the claims share their strings and dates."""
    import pyarrow as pa

    column = column.combine_chunks() if hasattr(column, "combine_chunks") else column
    if pa.types.is_integer(column.type):
        return column.to_pylist()
    encoded = column.dictionary_encode()
    values = encoded.dictionary.to_pylist()
    return [values[i] for i in encoded.indices.to_pylist()]


def _claims(table) -> list[Claim]:
    columns = [_values(table.column(name)) for name in FIELDS]
    # Filled in directly, as the dataclass's own (frozen) __init__ would: a third of the time.
    new = object.__new__
    claims = []
    for row in zip(*columns, strict=True):
        claim = new(Claim)
        claim.__dict__.update(zip(FIELDS, row, strict=True))
        claims.append(claim)
    return claims


class ClaimColumns(Sequence):
    """The claims of a Parquet file (a pyarrow ParquetFile) with a column per Claim field,
    in its row order; a column is read when first needed."""

    def __init__(self, source):
        self._source = source
        self._columns: dict[str, object] = {}
        self._claims: list[Claim] | None = None
        self.picked: dict = {}  # what newest_saved and corrections picked, kept

    def _column(self, name: str):
        if name not in self._columns:
            self._columns[name] = self._source.read(columns=[name]).column(name)
        return self._columns[name]

    def _table(self, rows: np.ndarray | None = None):
        import pyarrow as pa

        table = pa.table({name: self._column(name) for name in FIELDS})
        return table if rows is None else table.take(np.asarray(rows, dtype=np.int64))

    def _all(self) -> list[Claim]:
        if self._claims is None:
            self._claims = _claims(self._table())
            self._columns.clear()  # the claims hold the values now
        return self._claims

    def __len__(self) -> int:
        return self._source.metadata.num_rows

    def __getitem__(self, item):
        return self._all()[item]

    def __iter__(self) -> Iterator[Claim]:
        return iter(self._all())

    def __eq__(self, other: object) -> bool:
        if isinstance(other, Sequence) and not isinstance(other, str | bytes):
            return len(self) == len(other) and list(self) == list(other)
        return NotImplemented

    __hash__ = None  # type: ignore[assignment] - a sequence of claims, as a list is

    def __repr__(self) -> str:
        return f"ClaimColumns({len(self)} claims)"

    def rows(self, rows: np.ndarray) -> list[Claim]:
        """The claims of these rows (in that order), made without making the others."""
        if self._claims is not None:
            return [self._claims[int(r)] for r in rows]
        rows = np.asarray(rows, dtype=np.int64)
        if all(name in self._columns for name in FIELDS):  # all read already: take
            return _claims(self._table(rows))
        # Only the row groups holding these rows are read.
        meta = self._source.metadata
        sizes = [meta.row_group(i).num_rows for i in range(meta.num_row_groups)]
        starts = np.cumsum([0, *sizes])
        of_row = np.searchsorted(starts, rows, side="right") - 1
        groups = sorted({int(g) for g in of_row})
        if not groups:
            return []
        read = self._source.read_row_groups(groups, columns=list(FIELDS))
        begins = dict(zip(groups, np.cumsum([0, *(sizes[g] for g in groups)]), strict=False))
        local = [begins[int(g)] + int(r - starts[g]) for r, g in zip(rows, of_row, strict=True)]
        return _claims(read.take(np.asarray(local, dtype=np.int64)))

    def newest_rows(self) -> list[int] | None:
        """The rows of the claims saved most recently, newest first, as the cache's writer
        named them (frontline.store.cache.newest_rows), or None for a file without them."""
        import json

        value = (self._source.schema_arrow.metadata or {}).get(NEWEST_KEY)
        try:
            rows = json.loads(value) if value is not None else None
        except ValueError:
            return None
        return rows if isinstance(rows, list) else None

    def column(self, name: str) -> np.ndarray:
        return self._column(name).to_numpy(zero_copy_only=False)


def newest_saved(claims: Sequence[Claim], count: int) -> list[Claim]:
    """The `count` claims saved most recently (by saved_at, then claim id), in any order:
    what the Latest list picks from, without making every claim of a ClaimColumns."""
    if not isinstance(claims, ClaimColumns) or claims._claims is not None:
        saved = [c for c in claims if c.saved_at]
        return sorted(saved, key=lambda c: (c.saved_at, c.claim_id), reverse=True)[:count]
    if ("newest", count) in claims.picked:  # the same claims on every rerun: picked once
        return claims.picked["newest", count]
    kept = claims.newest_rows()
    if kept is not None and (count <= len(kept) or len(kept) < NEWEST_KEPT):
        picked = claims.picked["newest", count] = claims.rows(np.array(kept[:count]))
        return picked
    import pyarrow as pa
    import pyarrow.compute as pc

    # In Arrow, without making a million strings: a pass that keeps the `count` greatest.
    saved_at = claims._column("saved_at")
    table = pa.table(
        {
            "saved_at": saved_at,
            "claim_id": claims._column("claim_id"),
            "row": pa.array(np.arange(len(claims), dtype=np.int64)),
        }
    ).filter(pc.not_equal(saved_at, ""))
    newest = ("saved_at", "descending"), ("claim_id", "descending")
    top = table.take(pc.select_k_unstable(table, k=min(count, len(table)), sort_keys=newest))
    rows = top.take(pc.sort_indices(top, sort_keys=newest))["row"].to_numpy()
    picked = claims.picked["newest", count] = claims.rows(rows)
    return picked


def claim_by_id(claims: Sequence[Claim], claim_id: str) -> Claim | None:
    """The claim with this id, or None; of a ClaimColumns, made without making the others
    (the Data page's correction panel, at a million claims)."""
    if not isinstance(claims, ClaimColumns) or claims._claims is not None:
        return next((c for c in claims if c.claim_id == claim_id), None)
    found = np.flatnonzero(claims.column("claim_id") == claim_id)
    return claims.rows(found[:1])[0] if len(found) else None


def corrections(claims: Sequence[Claim]) -> list[Claim]:
    """The claims corrected or retracted and the claims correcting them, in their order:
    all that a place's notes (frontline.web.claimnotes) read."""
    if not isinstance(claims, ClaimColumns) or claims._claims is not None:
        named = {c.superseded_by for c in claims if c.superseded_by}
        return [c for c in claims if c.superseded_by or c.retracted or c.claim_id in named]
    if "corrections" in claims.picked:
        return claims.picked["corrections"]
    superseded = claims.column("superseded_by").astype(str)
    retracted = claims.column("retracted").astype(str)
    ids = claims.column("claim_id").astype(str)
    named = np.isin(ids, superseded[superseded != ""])
    picked = claims.rows(np.flatnonzero((superseded != "") | (retracted != "") | named))
    claims.picked["corrections"] = picked
    return picked
