"""The one way anything is written into a data directory.

Every writer (the Add article page, `frontline ingest --save`, importers) hands commit() a
plan: a function that, given the data as it is under the write lock, returns what to add (a
Batch) or why nothing needs adding (a CommitReport). commit() then

1. holds the data directory's write lock (write.write_lock) from loading to writing, so two
   writers at once both land;
2. refuses when the data already has problems (writing the tables back would drop the
   faulty rows);
3. writes the would-be tables to a scratch directory and loads them back, so the store's own
   validation runs on exactly what would be written (the tables' very bytes, the new texts,
   and the texts left as they are linked from the data directory; plain writes, since the
   scratch copy is thrown away);
4. writes the files that change as one recorded change of the history (store.history:
   who, when, why, and each file's bytes before), file by file, atomically, in the order
   that keeps the data valid at every step (texts, articles.csv, places.csv, claims.csv,
   then the files a plan staged, such as an import's claims).
   A commit killed part way is settled by the next one (history.recover): the change and
   its history line are then both there or neither is.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from pathlib import Path

from frontline.model import Article, Claim, Dataset, Place, Problem
from frontline.store import cache, history
from frontline.store.fields import saved_at_now
from frontline.store.load import load_dataset
from frontline.store.schema import (
    ARTICLE_COLUMNS,
    ARTICLES_DIR,
    ARTICLES_FILE,
    CLAIM_COLUMNS,
    CLAIMS_FILE,
    OBLAST_SHAPES_FILE,
    OBLASTS_FILE,
    PLACE_COLUMNS,
    PLACES_FILE,
    default_data_dir,
)
from frontline.store.write import (
    LockTimeout,
    article_row,
    claim_row,
    csv_text,
    place_row,
    remove_temporary_files,
    write_lock,
)


class CommitError(Exception):
    """A write that was refused or could not be made; the message says why."""


@dataclass(frozen=True)
class Batch:
    """What one commit adds to the data: articles (with their texts), places and claims."""

    articles: tuple[Article, ...] = ()
    places: tuple[Place, ...] = ()
    claims: tuple[Claim, ...] = ()
    message: str = ""  # what the writer says was added, for its report
    # Whole files the plan staged (an import's claims, streamed to disk as they were read):
    # (path in the data directory, staged file), written last; the planner removes the
    # staged file afterwards.
    files: tuple[tuple[str, Path], ...] = ()
    replaced: tuple[Claim, ...] = ()  # new versions of claims already there (same claim_id)


@dataclass
class CommitReport:
    added: bool
    article_ids: list[str] = field(default_factory=list)
    new_places: list[str] = field(default_factory=list)
    claims: int = 0
    message: str = ""


Plan = Callable[[Dataset], "Batch | CommitReport"]


def next_claim_ids(claims: Iterable[Claim], count: int) -> list[str]:
    """c0001-style ids after the highest one in use."""
    numbers = [
        int(c.claim_id[1:])
        for c in claims
        if c.claim_id.startswith("c") and c.claim_id[1:].isdigit()
    ]
    first = max(numbers, default=0) + 1
    return [f"c{n:04d}" for n in range(first, first + count)]


def table_bytes(
    articles: list[Article], places: list[Place], claims: list[Claim]
) -> dict[str, bytes]:
    """The bytes of the three tables as a commit would write them."""
    return {
        ARTICLES_FILE: csv_text(ARTICLE_COLUMNS, map(article_row, articles)).encode(),
        PLACES_FILE: csv_text(PLACE_COLUMNS, map(place_row, places)).encode(),
        CLAIMS_FILE: csv_text(CLAIM_COLUMNS, map(claim_row, claims)).encode(),
    }


def _link_or_copy(source: Path, target: Path) -> None:
    """`target` with the bytes of `source`: a hard link, or a copy where the two are on
    different file systems (or links are not allowed there)."""
    try:
        os.link(source, target)
    except FileNotFoundError:
        return  # not there in the data either: the staged load says so
    except OSError:
        shutil.copyfile(source, target)


def write_stage(
    stage: Path, root: Path, tables: dict[str, bytes], articles: list[Article], new: Batch
) -> None:
    """A scratch copy of the data directory as the commit would leave it, to load and
    throw away: plain writes, neither durable nor atomic (write.write_tables and history
    write the real files). The texts a commit leaves as they are, those of the articles
    that are not new, are the data directory's own files, linked rather than copied."""
    for name in (OBLASTS_FILE, OBLAST_SHAPES_FILE):
        if (root / name).exists():
            shutil.copyfile(root / name, stage / name)
    folder = stage / ARTICLES_DIR
    folder.mkdir()
    written = {a.article_id: a.text for a in new.articles}
    for article in articles:
        name = f"{article.article_id}.txt"
        if article.article_id in written:
            (folder / name).write_bytes(written[article.article_id].encode("utf-8"))
        else:
            _link_or_copy(root / ARTICLES_DIR / name, folder / name)
    for name, data in tables.items():
        (stage / name).write_bytes(data)


def staged_problems(
    root: Path,
    articles: list[Article],
    places: list[Place],
    claims: list[Claim],
    *,
    tables: dict[str, bytes] | None = None,
    batch: Batch | None = None,
) -> list[Problem]:
    """Write the would-be data to a scratch copy and load it back: the store's own
    validation, run on exactly what would be written (`tables`, the bytes of the tables the
    commit writes, made from the rows when not given; the texts of `batch`'s articles, the
    data directory's own for the others; every text when no batch is given)."""
    if tables is None:
        tables = table_bytes(articles, places, claims)
    if batch is None:
        batch = Batch(articles=tuple(articles))
    with tempfile.TemporaryDirectory(prefix="frontline-commit-") as scratch:
        stage = Path(scratch)
        write_stage(stage, root, tables, articles, batch)
        staged = load_dataset(stage, use_cache=False)
    return staged.problems


@dataclass(frozen=True)
class Author:
    """Who makes a change and why, as the history records it."""

    who: str = ""  # empty: the login name of the process
    why: str = ""
    kind: str = "article"  # one of historylog.KINDS


def commit(
    plan: Plan, data_dir: Path | str | None = None, author: Author | None = None
) -> CommitReport:
    """Validate and write what `plan` adds to the data directory (see the module's doc)."""
    root = Path(data_dir) if data_dir is not None else default_data_dir()
    try:
        with write_lock(root):
            remove_temporary_files(root)
            history.recover(root)
            return _commit_locked(root, plan, author or Author())
    except (OSError, LockTimeout, history.HistoryError, ValueError) as err:
        reason = err.strerror if isinstance(err, OSError) and err.strerror else err
        raise CommitError(f"{root}: the data cannot be written: {reason}") from None


def changed_files(root: Path, batch: Batch, tables: dict[str, bytes]) -> dict[str, bytes]:
    """The bytes of each file the commit writes (the batch's texts, then `tables`, the
    tables' bytes, as table_bytes makes them), in the order that keeps the data valid,
    leaving out those that keep their bytes (so the history names only what changed)."""
    files = {f"{ARTICLES_DIR}/{a.article_id}.txt": a.text.encode() for a in batch.articles}
    files.update((name, tables[name]) for name in (ARTICLES_FILE, PLACES_FILE, CLAIMS_FILE))
    return {path: data for path, data in files.items() if history.read_bytes(root, path) != data}


def _commit_locked(root: Path, plan: Plan, author: Author) -> CommitReport:
    dataset = load_dataset(root)
    batch = plan(dataset)
    if isinstance(batch, CommitReport):
        return batch
    if dataset.problems:
        raise CommitError(
            f"{root} has {len(dataset.problems)} problem(s) "
            f"(first: {dataset.problems[0]}); run `frontline validate` and "
            "fix them before adding to the data"
        )
    replaced = {c.claim_id: c for c in batch.replaced}
    articles = dict(dataset.articles)
    articles.update((a.article_id, a) for a in batch.articles)
    saved_at = saved_at_now()  # the save's own time on each new claim, whatever it held
    tables = {
        "articles": list(articles.values()),
        "places": [*dataset.places.values(), *batch.places],
        "claims": [
            *(replaced.get(c.claim_id, c) for c in dataset.claims),
            *(replace(c, saved_at=saved_at) for c in batch.claims),
        ],
    }
    # One serialisation of the tables: the stage is validated on the very bytes written.
    written = table_bytes(**tables)
    problems = staged_problems(root, **tables, tables=written, batch=batch)
    if problems:
        raise CommitError(f"the new data would not validate: {problems[0]}")
    files: dict[str, bytes | Path] = dict(changed_files(root, batch, written))
    # The history keeps each file's bytes before (a new file has none) and writes the new;
    # a staged file is hashed and copied in pieces, never read whole into memory.
    files.update(batch.files)
    if files:
        history.commit(
            root,
            files,
            who=author.who or history.login_name(),
            kind=author.kind,
            summary=batch.message or f"{len(batch.claims)} claim(s) added",
            why=author.why,
        )
    cache.refresh(root, tables["claims"])
    return CommitReport(
        added=True,
        article_ids=[a.article_id for a in batch.articles],
        new_places=[p.place_id for p in batch.places],
        claims=len(batch.claims),
        message=batch.message,
    )
