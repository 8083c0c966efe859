"""What saving one article costs at scale: the seconds of one save (ingest.save_article,
through store.commit: the plan's load, the staged validation, the history's writes and the
caches' refresh) and of the first start after it (a fresh process loading the data and
making what a start derives from the claims, as the caches the save refreshed allow).

    .venv/bin/python benchmarks/save_at_scale.py [--claims 1000000] [--data DIR] [--saves 1]
                                                 [--in-place DIR]

The data set is run.py's synthetic one (generated once), copied to a temporary folder first,
since a save changes it; --data copies that folder instead. The caches' signature names the
folder, so the copy's first start rebuilds them (timed as "start before"); --in-place DIR
saves into DIR itself, its caches as they are (DIR is changed). Figures only.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

START = (
    "import sys, time\n"
    "started = time.perf_counter()\n"
    "from frontline.store import load_dataset\n"
    "from frontline.store.derived import start_tables\n"
    "from pathlib import Path\n"
    "folder = Path(sys.argv[1])\n"
    "start_tables(folder, load_dataset(folder))\n"
    "print(f'{time.perf_counter() - started:.2f}')\n"
)


def first_start(folder: Path) -> float:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    done = subprocess.run(
        [sys.executable, "-c", START, str(folder)],
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    return float(done.stdout.split()[-1])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--claims", type=int, default=1_000_000)
    parser.add_argument("--data", type=Path, help="a data folder to copy instead")
    parser.add_argument("--saves", type=int, default=1, help="articles saved one by one")
    parser.add_argument("--in-place", type=Path, help="save into this folder, not a copy")
    args = parser.parse_args()

    if args.in_place is not None:
        saves(args.in_place, args.saves)
        return 0
    if args.data is not None:
        source = args.data
    else:
        import run

        source = run.data_set(args.claims)
    with tempfile.TemporaryDirectory(prefix="frontline-save-bench-") as scratch:
        folder = Path(scratch) / "data"
        started = time.perf_counter()
        shutil.copytree(source, folder, symlinks=True)
        print(f"copied {source} in {time.perf_counter() - started:.1f} s", file=sys.stderr)
        print(f"start before (rebuilds the copy's caches): {first_start(folder):.2f} s")
        saves(folder, args.saves)
    return 0


def saves(folder: Path, count: int) -> None:
    from frontline.news import ingest
    from tests.savework import made_up_article

    first = 1000 + sum(1 for _ in (folder / "articles").glob("test-wire-*"))
    for n in range(count):
        started = time.perf_counter()
        report = ingest.save_article(*made_up_article(first + n), folder)
        seconds = time.perf_counter() - started
        print(f"save {n + 1}: {seconds:.2f} s ({report.claims} claim(s) added)")
        print(f"first start after it: {first_start(folder):.2f} s")


if __name__ == "__main__":
    raise SystemExit(main())
