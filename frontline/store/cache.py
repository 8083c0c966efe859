"""A columnar copy of the validated claims, so a start skips re-parsing claims.csv and
reading the article texts.

The CSV files stay the source of truth. The cache (`.cache/claims.parquet` in the data
directory) holds the claims as the last load or save validated them, with a signature of
everything their validation depended on: the bytes of claims.csv, places.csv, articles.csv
and oblasts.csv, each article text's file stamp (name, inode, size, modification time, link
or not: an edit or a replacement changes it), where articles/ really is, and the day (dates
after it are refused). A file changed by hand changes the signature, so the cache is ignored
and rebuilt; a cache that cannot be read is ignored the same way. Only a load that found no
problem in the article texts and the claims is cached, so a cache hit never hides a problem:
on a hit the texts are not read at start (each is read when first shown), as their checks
and the quotes' were passed with these very files.
"""

from __future__ import annotations

import contextlib
import dataclasses
import datetime as dt
import hashlib
import heapq
import json
import os
import re
import tempfile
import time
from collections.abc import Callable, Iterable, Iterator, Mapping
from pathlib import Path

from frontline.model import Claim
from frontline.store import durable, stamps
from frontline.store.claimlist import NEWEST_KEPT, NEWEST_KEY, ClaimColumns
from frontline.store.schema import (
    ARTICLES_DIR,
    ARTICLES_FILE,
    CLAIMS_FILE,
    OBLASTS_FILE,
    PLACES_FILE,
)

CACHE_DIR = ".cache"
CLAIMS_CACHE = f"{CACHE_DIR}/claims.parquet"
PLACES_CACHE = f"{CACHE_DIR}/places.parquet"
ARTICLES_CACHE = f"{CACHE_DIR}/articles.parquet"  # their rows; the texts stay in articles/
# Bumped when the layout of the cached table or the claims' validation changes.
FORMAT = "claims-5"
_SIGNATURE_KEY = b"frontline-signature"
ROW_GROUP = 65_536

_FIELDS = tuple(f.name for f in dataclasses.fields(Claim))
_TEXT_COLUMNS = (
    "claim_id",
    "place_id",
    "date_precision",
    "status",
    "event",
    "certainty",
    "claimant",
    "article_id",
    "quote",
    "mention",
    "superseded_by",
    "retracted",
    "saved_at",
)


def signature(root: Path, today: dt.date, text_stamps: str | None = None) -> str:
    """A digest of everything the claims' validation read; any change gives another. The
    article texts' stamps are those of `text_stamps` (a digest frontline.store.stamps made
    of them) when given, or of a listing taken now."""
    digest = hashlib.blake2b(digest_size=20)
    digest.update(f"{FORMAT}\0{today.isoformat()}\0".encode())
    names = (OBLASTS_FILE, PLACES_FILE, ARTICLES_FILE, CLAIMS_FILE)
    for name, content in zip(names, content_digests(root, names), strict=True):
        digest.update(name.encode() + b"\0")
        digest.update(b"missing" if content is None else content)
    folder = root / ARTICLES_DIR
    digest.update(f"{os.path.realpath(root)}\0{os.path.realpath(folder)}\0".encode())
    texts = stamps.fresh_text_stamps(root) if text_stamps is None else text_stamps
    digest.update(texts.encode())
    return digest.hexdigest()


DIGESTS_CACHE = f"{CACHE_DIR}/digests.json"
# A file's digest is kept under its stamp only when the file was last changed this long
# before it was hashed: a second write within the same tick of a coarse clock could keep
# its size and times.
SETTLED_SECONDS = 2.0


def content_digests(root: Path, names: Iterable[str]) -> list[bytes | None]:
    """The digest of each file's bytes (None for one that cannot be read). A digest taken
    before is reused while the file's inode, size, modification and change times are those
    it was taken with (kept in .cache/digests.json): claims.csv is 200 MB at a million
    claims, and a start would hash it again only to find it unchanged."""
    path = root / DIGESTS_CACHE
    try:
        kept = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        kept = {}
    kept = kept if isinstance(kept, dict) else {}
    digests: list[bytes | None] = []
    changed = False
    for name in names:
        try:
            with open(root / name, "rb") as stream:
                info = os.fstat(stream.fileno())
                stamp = [info.st_ino, info.st_size, info.st_mtime_ns, info.st_ctime_ns]
                entry = kept.get(name)
                if isinstance(entry, dict) and entry.get("stamp") == stamp:
                    digests.append(bytes.fromhex(entry["digest"]))
                    continue
                content = hashlib.file_digest(stream, "blake2b").digest()
        except (OSError, ValueError, TypeError):
            digests.append(None)
            continue
        digests.append(content)
        if time.time() - max(info.st_mtime_ns, info.st_ctime_ns) / 1e9 >= SETTLED_SECONDS:
            kept[name] = {"stamp": stamp, "digest": content.hex()}
            changed = True
    if changed:
        write_cache_file(
            path, lambda scratch: Path(scratch).write_text(json.dumps(kept), encoding="utf-8")
        )
    return digests


def read_claims(root: Path, sig: str) -> ClaimColumns | None:
    """The cached claims if the cache exists, is readable and has this signature: as
    columns read when first needed, each Claim made when first asked for
    (frontline.store.claimlist). The file is kept open: a save that replaces it meanwhile
    does not change what these columns read."""
    opened = _open_signed(root / CLAIMS_CACHE, sig)
    if opened is None:
        return None
    stream, source = opened
    if not set(_FIELDS) <= set(source.schema_arrow.names):
        stream.close()
        return None
    return ClaimColumns(source)


def _open_signed(path: Path, sig: str):
    """(the open file, its pyarrow ParquetFile) when the Parquet file at `path` is readable
    and carries this signature, else None. The file stays open for its reader: a save that
    replaces it meanwhile does not change what it reads."""
    import pyarrow.parquet as pq

    try:
        stream = open(path, "rb")  # noqa: SIM115 - its reader keeps it open
    except OSError:
        return None
    try:
        source = pq.ParquetFile(stream)
        if (source.schema_arrow.metadata or {}).get(_SIGNATURE_KEY, b"").decode() == sig:
            return stream, source
    except Exception:  # noqa: BLE001, S110 - any unreadable cache is ignored and rebuilt
        pass
    stream.close()
    return None


def write_claims(root: Path, claims: list[Claim], sig: str) -> None:
    """Write the cache atomically; a data directory that cannot hold it goes without."""
    import pyarrow as pa

    columns = {name: [getattr(c, name) for c in claims] for name in _TEXT_COLUMNS}
    arrays = {name: pa.array(values, pa.string()) for name, values in columns.items()}
    for name in ("date", "date_end"):
        arrays[name] = pa.array([getattr(c, name) for c in claims], pa.date32())
    for name in ("quote_start", "quote_end"):
        arrays[name] = pa.array([getattr(c, name) for c in claims], pa.int64())
    table = pa.table(arrays)
    table = table.replace_schema_metadata({NEWEST_KEY: json.dumps(newest_rows(columns))})
    _write(root / CLAIMS_CACHE, table, sig)


def newest_rows(columns: dict[str, list]) -> list[int]:
    """The rows of the NEWEST_KEPT claims saved most recently, newest first (by saved_at,
    then claim id): the map's Latest list reads them without reading every claim."""
    rows = range(len(columns["claim_id"]))
    saved = zip(columns["saved_at"], columns["claim_id"], rows, strict=True)
    newest = heapq.nlargest(NEWEST_KEPT, (row for row in saved if row[0]))
    return [row for _, _, row in newest]


def is_cached(root: Path, sig: str) -> bool:
    """Whether the claims' cache holds this signature (without reading the claims)."""
    import pyarrow.parquet as pq

    try:
        meta = pq.read_schema(root / CLAIMS_CACHE).metadata or {}
    except Exception:  # noqa: BLE001 - no cache, or one that cannot be read
        return False
    return meta.get(_SIGNATURE_KEY, b"").decode() == sig


# A cache file being written: "." + the file's stem + "-" + mkstemp's 8 characters + ".tmp".
SCRATCH_NAME = re.compile(r"\.[^/]+-[a-z0-9_]{8}\.tmp")


def write_cache_file(path: Path, write: Callable[[str], object]) -> bool:
    """Write one file of .cache atomically: `write` fills a scratch file beside it, which
    then replaces it (a reader sees the old file or the new, and keeps the old file's bytes
    while it has it open). False, and nothing left behind, when the data directory cannot
    hold it: a cache is only ever a shortcut."""
    try:
        path.parent.mkdir(exist_ok=True)
        fd, scratch = tempfile.mkstemp(dir=path.parent, prefix=f".{path.stem}-", suffix=".tmp")
        os.close(fd)
        try:
            write(scratch)
            os.chmod(scratch, durable.replacement_mode(path))
            os.replace(scratch, path)
        finally:
            if os.path.exists(scratch):
                os.unlink(scratch)
    except OSError:
        return False
    return True


def remove_scratch_files(root: Path) -> list[Path]:
    """Delete the scratch files of cache writes that were killed midway (a claims table's
    can be hundreds of MB). Called by a save, under the write lock; a page writing a cache
    at that moment loses that write, and makes the cache again on a later start."""
    folder = root / CACHE_DIR
    leftovers = [
        path
        for path in folder.glob(".*.tmp")
        if SCRATCH_NAME.fullmatch(path.name) and path.is_file()
    ]
    for path in leftovers:
        path.unlink(missing_ok=True)
    return leftovers


def _write(path: Path, table, sig: str) -> None:
    """Write a table with its signature atomically; a data directory that cannot hold it
    goes without."""
    import pyarrow.parquet as pq

    table = table.replace_schema_metadata(
        {**(table.schema.metadata or {}), _SIGNATURE_KEY: sig.encode()}
    )
    # Row groups of ROW_GROUP rows: a few claims are read without reading all.
    write_cache_file(path, lambda scratch: pq.write_table(table, scratch, row_group_size=ROW_GROUP))


ARROW_SUFFIX = ".arrow"


def read_mapped_frame(root: Path, name: str, sig: str):
    """The data frame cached as `name` (in .cache/, an Arrow file) under this signature, or
    None: memory-mapped, not read. Its columns are the file's own bytes, one chunk each, so
    a start reads only the pages a view touches (taking a place's row reads that row), and
    the operating system shares and drops them as it needs."""
    import pyarrow as pa
    import pyarrow.ipc as ipc

    try:
        source = pa.memory_map(str(root / CACHE_DIR / f"{name}{ARROW_SUFFIX}"))
        reader = ipc.open_file(source)
        if (reader.schema.metadata or {}).get(_SIGNATURE_KEY, b"").decode() != sig:
            return None
        # A block per column: the numbers too stay the file's, not copied into 2-D blocks.
        return reader.read_all().to_pandas(split_blocks=True)
    except Exception:  # noqa: BLE001 - any unreadable cache is ignored and rebuilt
        return None


def write_mapped_frame(root: Path, name: str, frame, sig: str) -> None:
    """Cache a data frame as `name` (an uncompressed Arrow file, one record batch, so that
    read_mapped_frame maps it as it is) under a signature, atomically; a data directory
    that cannot hold it goes without."""
    import pyarrow as pa
    import pyarrow.ipc as ipc

    table = pa.Table.from_pandas(frame).combine_chunks()
    table = table.replace_schema_metadata(
        {**(table.schema.metadata or {}), _SIGNATURE_KEY: sig.encode()}
    )
    path = root / CACHE_DIR / f"{name}{ARROW_SUFFIX}"

    def write(scratch: str) -> None:
        with ipc.new_file(scratch, table.schema) as writer:
            writer.write_table(table, max_chunksize=max(len(table), 1))

    # A reader mapping the old file keeps its bytes: replacing makes a new file.
    if write_cache_file(path, write):
        with contextlib.suppress(OSError):
            path.with_suffix(".parquet").unlink(missing_ok=True)  # an older format's copy


def read_frame(root: Path, name: str, sig: str):
    """The data frame cached as `name` (in .cache/) under this signature, or None."""
    import pyarrow.parquet as pq

    try:
        table = pq.read_table(root / CACHE_DIR / f"{name}.parquet")
        if (table.schema.metadata or {}).get(_SIGNATURE_KEY, b"").decode() != sig:
            return None
        return table.to_pandas()
    except Exception:  # noqa: BLE001 - any unreadable cache is ignored and rebuilt
        return None


def write_frame(root: Path, name: str, frame, sig: str) -> None:
    """Cache a data frame (a table derived from the claims) as `name` under a signature."""
    import pyarrow as pa

    _write(root / CACHE_DIR / f"{name}.parquet", pa.Table.from_pandas(frame), sig)


def read_records(root: Path, name: str, sig: str, kind: type | None) -> object:
    """The records cached as `name` under this signature, or None: a dict of `kind` (a
    frozen dataclass, by its first field) or, with kind None, a list of dicts."""
    import pyarrow.parquet as pq

    try:
        table = pq.read_table(root / name)
        if (table.schema.metadata or {}).get(_SIGNATURE_KEY, b"").decode() != sig:
            return None
        rows = table.to_pylist()
    except Exception:  # noqa: BLE001 - any unreadable cache is ignored and rebuilt
        return None
    if kind is None:
        return rows
    tuples = {f.name for f in dataclasses.fields(kind) if "tuple" in str(f.type)}
    new = object.__new__
    records = {}
    for row in rows:
        for field in tuples:
            row[field] = tuple(row[field])
        record = new(kind)
        record.__dict__.update(row)  # as the (frozen) dataclass's __init__ would
        records[next(iter(row.values()))] = record
    return records


class LazyRecords(Mapping):
    """A mapping made when first used (by `make`, once): the articles of a start from the
    cache, which the map's first page does not look at (125,000 of them at a million
    claims). Equal to a dict of the same items; pickled as one."""

    def __init__(self, make: Callable[[], dict], size: int | None = None):
        self._make: Callable[[], dict] | None = make
        self._records: dict | None = None
        self._size = size

    def _all(self) -> dict:
        if self._records is None:
            self._records = self._make()  # type: ignore[misc]
            self._make = None
        return self._records

    def __getitem__(self, key):
        return self._all()[key]

    def __iter__(self) -> Iterator:
        return iter(self._all())

    def __len__(self) -> int:
        return len(self._all()) if self._records is not None or self._size is None else self._size

    def __repr__(self) -> str:
        return f"LazyRecords({len(self)} records)"

    def __reduce__(self):
        return dict, (self._all(),)


def open_records(root: Path, name: str, sig: str) -> Callable[[], list[dict]] | None:
    """The records cached as `name` under this signature, as a function that reads them
    (a list of dicts) from the file opened now, or None. The file is kept open: a save
    that replaces it meanwhile does not change what the function reads."""
    opened = _open_signed(root / name, sig)
    if opened is None:
        return None
    stream, source = opened

    def rows() -> list[dict]:
        try:
            return source.read().to_pylist()
        finally:
            stream.close()

    rows.count = source.metadata.num_rows  # type: ignore[attr-defined]
    return rows


def write_records(root: Path, name: str, records: Iterable, sig: str) -> None:
    """Cache dataclass records (places, or articles less their texts) as `name`."""
    import pyarrow as pa

    rows = [{k: v for k, v in r.__dict__.items() if k != "text"} for r in records]
    if not rows:
        return
    columns = {key: [row[key] for row in rows] for key in rows[0]}
    arrays = {
        key: pa.array(values, pa.list_(pa.string())) if isinstance(values[0], tuple) else values
        for key, values in columns.items()
    }
    _write(root / name, pa.table(arrays), sig)


def refresh(root: Path, claims: list[Claim]) -> None:
    """After a save: cache the claims just validated and written, so the next start is fast."""
    write_claims(root, claims, signature(root, dt.date.today()))
