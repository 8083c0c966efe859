"""Reading many articles at once on a Dask distributed cluster (`frontline ingest --workers`).

Reading an article (finding its place names and its candidate claims) needs nothing but its
text and the gazetteer, so the articles are spread over the cluster's workers and the
results come back in the order of the files: the output, and the saves that the main process
makes from it, are the same as in one process. Each worker builds the gazetteer's matcher
once, from the data directory, which must be readable where the workers run (on this machine
for --workers; a shared folder for --scheduler).
"""

from __future__ import annotations

import functools
import math
from collections.abc import Callable, Iterator, Sequence
from typing import TypeVar

Item = TypeVar("Item")
Result = TypeVar("Result")

_MISSING = (
    "reading on a cluster needs Dask's distributed scheduler: "
    "pip install 'frontline[cluster]' (or 'dask[distributed]')"
)


CHUNK_MAX = 200  # articles a task reads at most
CHUNKS_PER_SLOT = 4  # tasks per worker thread at least, so the load stays even


def chunk_size(items: int, slots: int) -> int:
    """How many items a task takes: few enough that each of `slots` worker threads gets
    several tasks, at most CHUNK_MAX, at least one."""
    return max(1, min(CHUNK_MAX, math.ceil(items / (slots * CHUNKS_PER_SLOT))))


def _each(work: Callable[[Item], Result], chunk: list[Item]) -> list[Result]:
    return [work(item) for item in chunk]


class ClusterError(Exception):
    """The cluster cannot be started or reached; the message says why."""


def ordered_map(
    work: Callable[[Item], Result],
    items: Sequence[Item],
    *,
    workers: int | None = None,
    scheduler: str | None = None,
) -> Iterator[Result]:
    """work(item) for each item, in order: in this process when neither workers nor scheduler
    is given, else on a local cluster of that many worker processes, or on the cluster whose
    scheduler is at that address."""
    if not workers and not scheduler:
        yield from map(work, items)
        return
    try:
        from dask.distributed import Client, LocalCluster
    except ImportError:
        raise ClusterError(_MISSING) from None
    cluster = None
    try:
        if scheduler:
            client = Client(scheduler, timeout="20s")
        else:
            # One thread a worker: reading is pure Python, so threads would share one core.
            cluster = LocalCluster(
                n_workers=workers,
                threads_per_worker=1,
                processes=True,
                dashboard_address=None,
                silence_logs=40,
            )
            client = Client(cluster)
    except OSError as err:
        if cluster is not None:
            cluster.close()
        raise ClusterError(f"the cluster cannot be reached: {err}") from None
    try:
        items = list(items)
        slots = max(1, sum(client.nthreads().values()))
        # One task per chunk of many articles, not per article: a task costs the scheduler
        # and the worker a few milliseconds, as much as reading a short article.
        size = chunk_size(len(items), slots)
        chunks = [items[i : i + size] for i in range(0, len(items), size)]
        futures = client.map(functools.partial(_each, work), chunks, pure=False)
        for future in futures:
            yield from future.result()
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
