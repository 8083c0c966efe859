"""Saving articles under faults: two saves at once both land (the data directory's lock), and
a writer killed at any point leaves the old data intact and valid, never a half-written file;
saving again completes an interrupted save."""

from __future__ import annotations

import random
import re
import shutil
import signal
import subprocess
import sys
import threading
import time
from collections import Counter
from pathlib import Path

import pytest

from frontline import store
from frontline.news import ingest
from frontline.store import save as commit_module
from frontline.store import write as store_write
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


# A save replaces five files, in this order: the two article texts (0, 1), articles.csv (2),
# places.csv (3), claims.csv (4). Killed before 3 or 4, it has added the article, not its claims.
REPLACEMENTS = 5
ARTICLES_INDEX = 2


@pytest.fixture(scope="module")
def saved_files(tmp_path_factory) -> dict[str, bytes]:
    """The data files after an uninterrupted save of article 1."""
    root = tmp_path_factory.mktemp("whole") / "data"
    shutil.copytree(ROOT / "data", root)
    ingest.save_article(*made_up_article(1), root)
    return files(root)


@pytest.mark.parametrize("k", range(REPLACEMENTS))
def test_a_save_killed_before_any_file_replacement_leaves_old_or_new_files(
    data_copy, seed, saved_files, k
):
    before = files(data_copy)
    crashed = child("crash", str(data_copy), "1", str(k))
    crashed.communicate(timeout=CHILD_SECONDS)
    assert crashed.returncode == -signal.SIGKILL

    # Every file is whole: the old one or the new one, and the data is valid.
    after_crash = files(data_copy)
    for name, content in after_crash.items():
        assert content in (before.get(name), saved_files[name]), name
    added, without_claims = consistent(data_copy, seed)
    assert leftovers(data_copy), "the killed write's temporary file"
    assert (added, without_claims) == ((0, 0) if k <= ARTICLES_INDEX else (1, 1))

    # Saving again completes the save and clears what the crash left.
    assert ingest.save_article(*made_up_article(1), data_copy).added
    assert files(data_copy) == saved_files
    assert leftovers(data_copy) == []


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
