"""Saving articles under faults: two saves at once both land (the data directory's lock), and
a writer killed at any point leaves the old data intact and valid, never a half-written file;
saving again completes an interrupted save."""

from __future__ import annotations

import dataclasses
import os
import random
import re
import shutil
import signal
import stat
import subprocess
import sys
import threading
import time
from collections import Counter
from pathlib import Path

import pytest

from frontline import store
from frontline.news import ingest
from frontline.store import cache as store_cache
from frontline.store import history
from frontline.store import save as commit_module
from frontline.store import write as store_write
from frontline.store.historylog import HISTORY_DIR, HISTORY_FILE
from tests.conftest import ROOT
from tests.savework import CLAIMS_PER_ARTICLE, made_up_article

CHILD_SECONDS = 120  # a child that has not finished by then has hung: the test fails


def child(*args: str) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-m", "tests.savework", *args],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


SAVED_AT = re.compile(rb"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z")


def files(root: Path) -> dict[str, bytes]:
    """Every data file by its path in the directory, leaving out the lock and temporary files,
    with each claim's saved_at as one mark (two saves of the same claims differ only in when
    they ran) and without the claims' cache (which holds those times, and is rebuilt from
    claims.csv whenever it differs: tests/test_cache.py)."""
    return {
        str(path.relative_to(root)): SAVED_AT.sub(b"<saved_at>", path.read_bytes())
        for path in sorted(root.rglob("*"))
        if path.is_file() and not path.name.startswith(".") and path.parent.name != ".cache"
    }


def leftovers(root: Path) -> list[str]:
    return sorted(path.name for path in root.rglob(".*.tmp"))


def consistent(root: Path, seed: store.Dataset) -> tuple[int, int]:
    """Check the data after a fault: valid, the seed's rows all there and unchanged, every
    saved article complete but perhaps the last, which may lack its claims. Returns how many
    articles were added, and how many of those lack their claims."""
    data = store.load_dataset(root)
    assert data.problems == []
    assert seed.articles.items() <= data.articles.items()
    assert seed.places.items() <= data.places.items()
    assert all(claim in data.claims for claim in seed.claims)
    per_article = Counter(claim.article_id for claim in data.claims)
    added = [a for a in data.articles if a not in seed.articles]
    assert {per_article[a] for a in added} <= {0, CLAIMS_PER_ARTICLE}
    without_claims = [a for a in added if per_article[a] == 0]
    assert len(without_claims) <= 1
    return len(added), len(without_claims)


@pytest.fixture
def seed(data_copy: Path) -> store.Dataset:
    dataset = store.load_dataset(data_copy)
    assert dataset.problems == []
    return dataset


def test_a_made_up_article_saves_once(data_copy, seed):
    article, candidates = made_up_article(1)
    report = ingest.save_article(article, candidates, data_copy)
    assert report.added and report.claims == CLAIMS_PER_ARTICLE
    assert consistent(data_copy, seed) == (1, 0)
    assert not ingest.save_article(article, candidates, data_copy).added
    assert not (data_copy / store.LOCK_FILE).read_text()  # the lock file stays empty


def test_two_saves_at_once_from_two_threads_both_land(data_copy, seed, monkeypatch):
    # Each save waits between loading and writing, so that without the lock both would load
    # the same data and the second write would drop the first article.
    staged = commit_module.staged_problems

    def slow(*args, **kwargs):
        time.sleep(0.3)
        return staged(*args, **kwargs)

    monkeypatch.setattr(commit_module, "staged_problems", slow)
    start = threading.Barrier(2)
    reports, errors = [], []

    def save(index: int) -> None:
        start.wait()
        try:
            reports.append(ingest.save_article(*made_up_article(index), data_copy))
        except Exception as err:  # noqa: BLE001 - reported by the assertion below
            errors.append(err)

    threads = [threading.Thread(target=save, args=(index,)) for index in (1, 2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(CHILD_SECONDS)
    assert errors == []
    assert [report.added for report in reports] == [True, True]
    assert consistent(data_copy, seed) == (2, 0)


def test_two_saves_at_once_from_two_processes_both_land(data_copy, seed, tmp_path):
    go = tmp_path / "go"
    savers = [
        child("save", str(data_copy), str(i), "1", "--slow", "0.5", "--go", str(go)) for i in (1, 2)
    ]
    for saver in savers:
        assert saver.stdout.readline().strip() == "ready", saver.stderr.read()
    go.touch()
    for saver in savers:
        out, err = saver.communicate(timeout=CHILD_SECONDS)
        assert saver.returncode == 0, err
        assert out.split()[-1] == "True", out
    assert consistent(data_copy, seed) == (2, 0)


def test_a_save_that_cannot_get_the_lock_says_so(data_copy, monkeypatch):
    monkeypatch.setattr(store_write, "LOCK_WAIT_SECONDS", 0.2)
    with store.write_lock(data_copy), pytest.raises(ingest.IngestError, match="another save"):
        ingest.save_article(*made_up_article(1), data_copy)


# A save replaces, in this order: the before-images of articles.csv, places.csv and
# claims.csv (0-2), the pending change (3), the new article's text (4), articles.csv (5),
# places.csv (6), claims.csv (7); then it appends its history line and removes the pending
# change (8). Killed at 5-7 it has added the article, not its claims, until the next save.
REPLACEMENTS = 9
PENDING_INDEX = 3
ARTICLES_INDEX = 5
PENDING_REMOVAL = 8
NOT_DATA = (HISTORY_FILE, HISTORY_DIR + "/", ".cache/")  # the history's, a derived cache


def data_files(root: Path) -> dict[str, bytes]:
    """The files of the data, leaving out the history's own and the cache."""
    return {name: data for name, data in files(root).items() if not name.startswith(NOT_DATA)}


@pytest.fixture(scope="module")
def saved_files(tmp_path_factory) -> dict[str, bytes]:
    """The data files after an uninterrupted save of article 1."""
    root = tmp_path_factory.mktemp("whole") / "data"
    shutil.copytree(ROOT / "data", root)
    ingest.save_article(*made_up_article(1), root)
    return data_files(root)


@pytest.mark.parametrize("k", range(REPLACEMENTS))
def test_a_save_killed_at_any_point_leaves_old_or_new_files_and_its_history_with_them(
    data_copy, seed, saved_files, k
):
    before = data_files(data_copy)
    earlier = history.list_changes(data_copy)[0]
    crashed = child("crash", str(data_copy), "1", str(k))
    crashed.communicate(timeout=CHILD_SECONDS)
    assert crashed.returncode == -signal.SIGKILL

    # Every file is whole: the old one or the new one, and the data is valid.
    after_crash = data_files(data_copy)
    for name, content in after_crash.items():
        assert content in (before.get(name), saved_files[name]), name
    added, without_claims = consistent(data_copy, seed)
    half_saved = ARTICLES_INDEX < k < PENDING_REMOVAL  # the article without its claims
    assert (added, without_claims) == ((1, 1) if half_saved else (int(k == PENDING_REMOVAL), 0))
    assert history.has_pending(data_copy) == (k > PENDING_INDEX)

    # After a restart the change and its history line are both there, or neither is.
    with store.write_lock(data_copy):
        history.recover(data_copy)
    changes = history.list_changes(data_copy)[0]
    if k == PENDING_REMOVAL:
        assert data_files(data_copy) == saved_files
        assert [c.summary for c in changes[len(earlier) :]] == [changes[-1].summary]
        assert changes[-1].summary.startswith("added article")
    else:
        assert data_files(data_copy) == before
        assert changes == earlier

    # Saving again lands the save (once) and clears what the crash left.
    report = ingest.save_article(*made_up_article(1), data_copy)
    assert report.added == (k != PENDING_REMOVAL)
    assert data_files(data_copy) == saved_files
    assert len(history.list_changes(data_copy)[0]) == len(earlier) + 1
    assert leftovers(data_copy) == []
    assert not history.has_pending(data_copy)


def test_a_writer_killed_at_random_points_never_leaves_half_written_data(data_copy, seed):
    articles = 40
    delays = []
    outcomes = []
    rng = random.Random()
    for _ in range(4):
        saver = child("save", str(data_copy), "0", str(articles))
        assert saver.stdout.readline().strip() == "ready"
        assert saver.stdout.readline().strip() == "saving"
        delays.append(round(rng.uniform(0.05, 1.5), 3))
        time.sleep(delays[-1])  # where to kill, not a measurement
        saver.send_signal(signal.SIGKILL)
        saver.communicate(timeout=CHILD_SECONDS)
        outcomes.append(consistent(data_copy, seed))
    # Kills at (seconds after saving began): `delays`; articles added, lacking claims: `outcomes`
    saver = child("save", str(data_copy), "0", str(articles))
    out, err = saver.communicate(timeout=CHILD_SECONDS)
    assert saver.returncode == 0, err
    assert consistent(data_copy, seed) == (articles, 0), (delays, outcomes)
    assert leftovers(data_copy) == []


def test_a_save_is_recorded_in_the_history_with_who_and_why_and_can_be_undone(data_copy, seed):
    before = data_files(data_copy)
    author = commit_module.Author(who="alice", why="a wire report")
    report = ingest.save_article(*made_up_article(1), data_copy, author)
    [change] = history.list_changes(data_copy)[0]
    assert (change.who, change.why, change.kind) == ("alice", "a wire report", "article")
    assert change.summary == report.message
    assert [f.path for f in change.files] == [
        f"articles/{report.article_ids[0]}.txt",
        "articles.csv",
        "places.csv",
        "claims.csv",
    ]
    with store.write_lock(data_copy):
        history.undo(data_copy, change.id, who="bob")
    assert data_files(data_copy) == before


def test_a_save_keeps_the_data_files_modes_and_gives_new_files_the_umasks(data_copy, seed):
    """A dashboard under another account reads the files after a save as before it: a
    replaced file keeps its mode, a new one gets what the umask allows (not owner-only)."""
    kept = {
        store.CLAIMS_FILE: 0o644,
        store.PLACES_FILE: 0o664,
        store.ARTICLES_FILE: 0o640,
    }
    for name, mode in kept.items():
        (data_copy / name).chmod(mode)
    before = set((data_copy / store.ARTICLES_DIR).iterdir())
    old_umask = os.umask(0o022)
    try:
        article, candidates = made_up_article(1)
        assert ingest.save_article(article, candidates, data_copy).added
    finally:
        os.umask(old_umask)
    for name, mode in kept.items():
        assert stat.S_IMODE((data_copy / name).stat().st_mode) == mode, name
    (new_text,) = set((data_copy / store.ARTICLES_DIR).iterdir()) - before
    assert stat.S_IMODE(new_text.stat().st_mode) == 0o644
    cache_file = data_copy / store_cache.CLAIMS_CACHE
    assert stat.S_IMODE(cache_file.stat().st_mode) == 0o644


def test_a_save_removes_what_killed_cache_writes_left_and_nothing_else(data_copy, seed):
    """A page killed while writing a cache (the claims table's can be hundreds of MB) leaves
    its scratch file in .cache; the next save deletes it, and only such files."""
    folder = data_copy / store_cache.CACHE_DIR
    folder.mkdir(exist_ok=True)
    scratch = folder / ".claims-a0a7rwup.tmp"
    scratch.write_bytes(b"half a table")
    kept = folder / "notes.tmp"
    kept.write_text("not a scratch file", encoding="utf-8")
    assert ingest.save_article(*made_up_article(1), data_copy).added
    assert not scratch.exists()
    assert kept.exists()
    assert leftovers(data_copy) == []


def test_a_cache_write_that_fails_leaves_nothing_and_says_so(tmp_path):
    def fail(scratch: str) -> None:
        Path(scratch).write_bytes(b"partial")
        raise OSError("disk full")

    path = tmp_path / store_cache.CACHE_DIR / "claims.parquet"
    assert store_cache.write_cache_file(path, fail) is False
    assert not path.exists()
    assert list(path.parent.iterdir()) == []


def batch_plan(make_claims):
    """A plan adding made-up article 7 with the claims make_claims(dataset, claims) gives."""
    article, candidates = made_up_article(7)

    def plan(dataset):
        places, claims = ingest.plan_save(dataset, article, candidates)
        return commit_module.Batch(
            articles=(article,), places=tuple(places), claims=tuple(make_claims(dataset, claims))
        )

    return plan


def test_the_staged_validation_refuses_a_quote_that_is_not_in_its_new_article(data_copy):
    before = data_files(data_copy)

    def wrong_quote(dataset, claims):
        return [dataclasses.replace(claims[0], quote="Nothing of the sort was said."), *claims[1:]]

    with pytest.raises(commit_module.CommitError, match="would not validate.*quote"):
        commit_module.commit(batch_plan(wrong_quote), data_copy)
    assert data_files(data_copy) == before


def test_the_staged_validation_reads_the_texts_a_save_leaves_as_they_are(data_copy):
    # A new claim quoting an article already there, one character off: only that article's
    # text (linked into the stage, not written) shows the quote is not where it says.
    before = data_files(data_copy)

    def off_by_one(dataset, claims):
        old = next(iter(dataset.claims))
        shifted = dataclasses.replace(
            claims[0],
            article_id=old.article_id,
            quote=old.quote,
            quote_start=old.quote_start + 1,
            quote_end=old.quote_end + 1,
        )
        return [shifted, *claims[1:]]

    with pytest.raises(commit_module.CommitError, match="not found verbatim"):
        commit_module.commit(batch_plan(off_by_one), data_copy)
    assert data_files(data_copy) == before
    # Validated as written, a save leaves every text there (the stage's links are its own).
    commit_module.commit(batch_plan(lambda dataset, claims: claims), data_copy)
    assert not store.load_dataset(data_copy, use_cache=False).problems
    assert all(
        before[name] == data
        for name, data in data_files(data_copy).items()
        if name in before and name.startswith(store.ARTICLES_DIR + "/")
    )


def test_the_stage_links_the_texts_it_does_not_write(data_copy, tmp_path):
    dataset = store.load_dataset(data_copy)
    articles = list(dataset.articles.values())
    kept = articles[0]
    tables = commit_module.table_bytes(articles, list(dataset.places.values()), dataset.claims)
    stage = tmp_path / "stage"
    stage.mkdir()
    commit_module.write_stage(stage, data_copy, tables, articles, commit_module.Batch())
    name = f"{store.ARTICLES_DIR}/{kept.article_id}.txt"
    assert os.path.samefile(stage / name, data_copy / name)
    assert (stage / store.CLAIMS_FILE).read_bytes() == tables[store.CLAIMS_FILE]
    assert not store.load_dataset(stage, use_cache=False).problems


def test_a_save_whose_scratch_copy_cannot_link_copies_the_texts(data_copy, monkeypatch):
    # As across file systems: os.link fails, and the stage holds copies instead.
    def no_links(source, target, **kwargs):
        raise OSError(18, "Invalid cross-device link")

    monkeypatch.setattr(commit_module.os, "link", no_links)
    with pytest.raises(commit_module.CommitError, match="would not validate"):
        commit_module.commit(
            batch_plan(
                lambda dataset, claims: [
                    dataclasses.replace(claims[0], quote="Not in it."),
                    *claims[1:],
                ]
            ),
            data_copy,
        )
    assert commit_module.commit(batch_plan(lambda dataset, claims: claims), data_copy).added
    assert not store.load_dataset(data_copy, use_cache=False).problems
