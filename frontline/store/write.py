"""Writing: the write lock, atomic file replacement and the tables' serialisers."""

from __future__ import annotations

import contextlib
import csv
import io
import re
import time
from collections.abc import Iterable, Iterator
from pathlib import Path

try:
    import fcntl
except ImportError:  # Windows: saves work as before, without the lock (see write_lock)
    fcntl = None

from frontline.model import Article, Claim, Place
from frontline.store import durable
from frontline.store.cache import remove_scratch_files
from frontline.store.schema import (
    ARTICLE_COLUMNS,
    ARTICLES_DIR,
    ARTICLES_FILE,
    CLAIM_COLUMNS,
    CLAIMS_FILE,
    LIST_SEPARATOR,
    LOCK_FILE,
    PLACE_COLUMNS,
    PLACES_FILE,
)

# --- writing -------------------------------------------------------------------------------


LOCK_WAIT_SECONDS = 60.0


class LockTimeout(Exception):
    """Another writer held the data directory's lock for longer than LOCK_WAIT_SECONDS."""


@contextlib.contextmanager
def write_lock(root: Path, wait: float | None = None) -> Iterator[None]:
    """Hold the data directory's write lock: an exclusive flock on LOCK_FILE, which the
    kernel releases when its holder exits, killed or not. Waits up to `wait` seconds for
    another writer (default LOCK_WAIT_SECONDS), then raises LockTimeout. Advisory: only
    writers that take it wait. Where there is no fcntl (Windows) no lock is taken."""
    if fcntl is None:
        yield
        return
    wait = LOCK_WAIT_SECONDS if wait is None else wait
    deadline = time.monotonic() + wait
    with open(root / LOCK_FILE, "a", encoding="utf-8") as handle:
        while True:
            try:
                fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() >= deadline:
                    raise LockTimeout(
                        f"{root}: another save has held {LOCK_FILE} for over {wait:g} s"
                    ) from None
                time.sleep(0.05)
        try:
            yield
        finally:
            fcntl.flock(handle.fileno(), fcntl.LOCK_UN)


# atomic_write_text's temporary files: "." + the file's name + "." + mkstemp's 8 characters.
_TEMPORARY_NAME = re.compile(r"\..+\.[a-z0-9_]{8}\.tmp")


def remove_temporary_files(root: Path) -> list[Path]:
    """Delete what interrupted writes left (atomic_write_text's temporary files, and the
    caches' scratch files); call it under write_lock, when no write is under way. Returns
    what was deleted."""
    leftovers = [
        path
        for folder in (root, root / ARTICLES_DIR)
        for path in folder.glob(".*.tmp")
        if _TEMPORARY_NAME.fullmatch(path.name) and path.is_file()
    ]
    for path in leftovers:
        path.unlink(missing_ok=True)
    return leftovers + remove_scratch_files(root)


def atomic_write_text(path: Path, text: str) -> None:
    """Write a file so that a reader or a crash sees either the old or the new content; the
    file keeps its mode (a new one gets the umask's), so readers under another account still
    read it after a save."""
    durable.write_bytes(path, text.encode("utf-8"))


def csv_text(columns: Iterable[str], rows: Iterable[dict[str, object]]) -> str:
    buffer = io.StringIO()
    writer = csv.DictWriter(
        buffer, fieldnames=list(columns), lineterminator="\n", extrasaction="ignore"
    )
    writer.writeheader()
    writer.writerows(rows)
    return buffer.getvalue()


def place_row(place: Place) -> dict[str, object]:
    return {
        "place_id": place.place_id,
        "name": place.name,
        "kind": place.kind,
        "oblast": place.oblast,
        "lat": place.lat,
        "lon": place.lon,
        "geonames_id": "" if place.geonames_id is None else place.geonames_id,
        "population": "" if place.population is None else place.population,
        "alt_names": LIST_SEPARATOR.join(place.alt_names),
        "name_uk": place.name_uk,
        "name_ru": place.name_ru,
    }


def claim_row(claim: Claim) -> dict[str, object]:
    return {
        "claim_id": claim.claim_id,
        "place_id": claim.place_id,
        "date": claim.date.isoformat(),
        "date_end": "" if claim.date_end == claim.date else claim.date_end.isoformat(),
        "date_precision": claim.date_precision,
        "status": claim.status,
        "event": claim.event,
        "certainty": claim.certainty,
        "claimant": claim.claimant,
        "article_id": claim.article_id,
        "quote": claim.quote,
        "quote_start": claim.quote_start,
        "quote_end": claim.quote_end,
        "mention": claim.mention,
        "superseded_by": claim.superseded_by,
        "retracted": claim.retracted,
        "saved_at": claim.saved_at,
    }


def article_row(article: Article) -> dict[str, object]:
    return {
        "article_id": article.article_id,
        "title": article.title,
        "outlet": article.outlet,
        "url": article.url,
        "published": article.published.isoformat(),
        "language": article.language,
    }


def write_tables(
    root: Path,
    *,
    articles: Iterable[Article] | None = None,
    places: Iterable[Place] | None = None,
    claims: Iterable[Claim] | None = None,
) -> None:
    """Write whole tables (and article texts) atomically, file by file.

    Article texts are written before the index that names them, and places before the
    claims that name them, so that a crash between files leaves every file valid.
    """
    if articles is not None:
        articles = list(articles)
        for article in articles:
            atomic_write_text(root / ARTICLES_DIR / f"{article.article_id}.txt", article.text)
        atomic_write_text(
            root / ARTICLES_FILE, csv_text(ARTICLE_COLUMNS, map(article_row, articles))
        )
    if places is not None:
        atomic_write_text(root / PLACES_FILE, csv_text(PLACE_COLUMNS, map(place_row, places)))
    if claims is not None:
        atomic_write_text(root / CLAIMS_FILE, csv_text(CLAIM_COLUMNS, map(claim_row, claims)))
