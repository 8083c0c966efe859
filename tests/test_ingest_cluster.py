"""`frontline ingest DIR --workers N` and `--scheduler ADDRESS`: the same as one process."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from tests.test_ingest import EVAL, data_files, run
from tests.test_save_safety import SAVED_AT

distributed = pytest.importorskip("dask.distributed", reason="dask[distributed] not installed")

ARGS = ["--date", "2022-11-12", "--outlet", "Test Wire"]


def _copy(tmp_path: Path, name: str) -> Path:
    target = tmp_path / name
    shutil.copytree(
        EVAL.parent.parent.parent / "data", target, ignore=shutil.ignore_patterns(".cache")
    )
    return target


def _articles(tmp_path: Path) -> Path:
    folder = tmp_path / "articles"
    folder.mkdir()
    for path in sorted(EVAL.glob("*.txt"))[:5]:
        shutil.copyfile(path, folder / path.name)
    (folder / "empty.txt").write_text("", encoding="utf-8")  # a failure, reported in order
    return folder


def test_two_workers_give_the_same_claims_and_saves_as_one_process(tmp_path):
    articles = _articles(tmp_path)
    alone, spread = _copy(tmp_path, "alone"), _copy(tmp_path, "spread")
    one = run([str(articles), *ARGS, "--save"], alone)
    two = run([str(articles), *ARGS, "--save", "--workers", "2"], spread)
    assert one[0] == two[0] == 1  # the empty file failed in both
    rows = json.loads(one[1])
    assert rows and {r["file"] for r in rows} >= {str(articles / "01_balakliia.txt")}
    assert json.loads(two[1]) == rows
    assert two[2].replace(str(spread), "DATA") == one[2].replace(str(alone), "DATA")

    def relative(root: Path) -> dict[str, bytes]:
        """The data files, with the times of the saves as one mark, and the history as the
        number of its changes and objects (their ids and the bytes they keep hold the times
        of the saves, which differ from run to run)."""
        files = data_files(root)
        kept = {
            str(p.relative_to(root)): SAVED_AT.sub(b"<saved_at>", b)
            for p, b in files.items()
            if p.name != "history.jsonl" and "history" not in p.relative_to(root).parts
        }
        log = root / "history.jsonl"
        changes = len(log.read_bytes().splitlines()) if log.exists() else 0
        objects = sum("history" in p.relative_to(root).parts for p in files)
        return {**kept, "history": f"{changes} changes, {objects} objects".encode()}

    assert relative(spread) == relative(alone)
    assert len(relative(alone)) > len(relative(_copy(tmp_path, "untouched")))


def test_an_existing_cluster_through_its_scheduler(tmp_path):
    articles = _articles(tmp_path)
    data = _copy(tmp_path, "data")
    expected = run([str(articles), *ARGS], data)
    with distributed.LocalCluster(
        n_workers=1, threads_per_worker=1, dashboard_address=None, processes=True
    ) as cluster:
        got = run([str(articles), *ARGS, "--scheduler", cluster.scheduler_address], data)
    assert json.loads(got[1]) == json.loads(expected[1])
    assert got[0] == expected[0]


def test_tasks_are_chunks_of_many_articles_each():
    from frontline.news.parallel import CHUNK_MAX, chunk_size

    assert chunk_size(10_000, 2) == CHUNK_MAX  # 50 tasks, not 10,000
    assert chunk_size(100, 2) == 13  # 8 tasks, four a worker
    assert chunk_size(3, 4) == 1 and chunk_size(0, 2) == 1


def test_results_of_many_chunks_come_back_in_order():
    from frontline.news.parallel import ordered_map

    items = list(range(1_500))
    assert list(ordered_map(str, items, workers=2)) == [str(i) for i in items]
