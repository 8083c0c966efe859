"""The first render of each page at a synthetic data set, the map's and the others'.

    .venv/bin/python benchmarks/pages.py [--claims 1000000] [--runs 1] [pages ...]

Each run is a fresh process (run.py's AppTest worker): process start to the first full
render, and peak memory, as run.py measures the map page's cold start; the median of the
runs is printed. The data set is run.py's (frontline/synthetic.py, kept between runs); its
caches are built first, so the runs start from them. Figures only, no pass or fail.
"""

from __future__ import annotations

import argparse
import statistics
import sys
from pathlib import Path

BENCHMARKS = Path(__file__).resolve().parent
ROOT = BENCHMARKS.parent
sys.path[:0] = [str(ROOT), str(BENCHMARKS)]

import run  # noqa: E402

PAGES = ("dashboard.py", "pages/2_Data.py", "pages/3_Changes.py")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--claims", type=int, default=1_000_000)
    parser.add_argument("--runs", type=int, default=1)
    parser.add_argument("pages", nargs="*", default=list(PAGES))
    args = parser.parse_args(argv)
    folder = run.data_set(args.claims)
    run.load_times(folder, from_csv=False)  # builds the caches if missing or stale
    plan = run.Plan(args.runs, 0, 0, 900)
    print(f"python benchmarks/pages.py {' '.join(argv or sys.argv[1:])}".rstrip())
    for page in args.pages:
        results = [
            run.in_fresh_process("apptest", ROOT / page, folder, plan) for _ in range(args.runs)
        ]
        done = [r for r in results if "error" not in r]
        for result in results:
            if "error" in result:
                print(f"{page}: {result['error']}")
        if done:
            cold = statistics.median(r["cold_s"] for r in done)
            peak = statistics.median(r["peak_mib"] for r in done)
            print(
                f"{args.claims:,} claims  {page:<20}  first render {cold:.2f} s  "
                f"peak memory {peak:.0f} MiB  ({len(done)} run(s))"
            )
    return 0


if __name__ == "__main__":
    sys.exit(main())
