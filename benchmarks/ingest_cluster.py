"""Reading articles on a Dask cluster: articles per second for 1 and 2 workers.

    .venv/bin/python benchmarks/ingest_cluster.py [--articles 10000] [--workers 1 2] [--seed 0]

Writes the synthetic articles of benchmarks/ingest_throughput.py as files, then reads them as
`frontline ingest DIR --workers N` does (frontline.news.parallel.ordered_map over the CLI's
read_one), in this process and on local clusters of N worker processes, without saving. The
cluster's start (a few seconds) is counted in, as a user waits for it; the results are
checked to be the same as in one process. Figures only.
"""

from __future__ import annotations

import argparse
import datetime as dt
import functools
import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(Path(__file__).resolve().parent)]

from ingest_throughput import synthetic_articles  # noqa: E402

from frontline.cli.ingest import read_one  # noqa: E402
from frontline.news.geoparse import cached_matcher  # noqa: E402
from frontline.news.parallel import ordered_map  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args(argv)
    data = ROOT / "data"
    cached_matcher(data)  # this process's gazetteer, built before the clock starts
    with tempfile.TemporaryDirectory(prefix="frontline-ingest-") as scratch:
        files = []
        for number, (text, _) in enumerate(synthetic_articles(args.articles, args.seed)):
            path = Path(scratch) / f"{number:06d}.txt"
            path.write_text(text, encoding="utf-8")
            files.append(path)
        read = functools.partial(
            read_one,
            root=str(data),
            published=dt.date(2022, 12, 31),
            title="",
            outlet="Benchmark",
            url="",
            mentions_only=False,
        )
        print(f"python benchmarks/ingest_cluster.py {' '.join(argv or sys.argv[1:])}".rstrip())
        print(f"{len(files):,} articles, {os.cpu_count()} CPUs")
        expected = None
        for workers in [0, *args.workers]:
            started = time.perf_counter()
            results = [shown for _, _, shown in ordered_map(read, files, workers=workers)]
            elapsed = time.perf_counter() - started
            expected = results if expected is None else expected
            where = f"{workers} Dask worker(s)" if workers else "one process, no cluster"
            same = "" if results == expected else "  RESULTS DIFFER from one process"
            print(
                f"{where:>24}: {len(files) / elapsed:7.1f} articles/s "
                f"({elapsed:.1f} s, the cluster's start included){same}"
            )
    return 0


if __name__ == "__main__":
    sys.exit(main())
