"""The public record: loading data/record/, the cost of "every place's record status as of D"
(one call per slider move), and how much the edit-war window folds.

    .venv/bin/python benchmarks/record_index.py [--data DIR] [--source DIR] [--moves 1000]

Loads the shipped record, builds a RecordIndex once, then times --moves calls of
positions() and state_as_of() for consecutive days across the record's span, in both modes,
and prints the median and the 99th percentile per call. With --source (the scraped history;
default $FRONTLINE_RECORD_SOURCE) it also rebuilds the record in memory and prints how many
status changes each edit-war window would fold. Figures only, no pass or fail.
"""

from __future__ import annotations

import argparse
import datetime as dt
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from frontline import vocab  # noqa: E402
from frontline.record.build import SOURCE_ENV, build, default_source  # noqa: E402
from frontline.record.history import entries_of  # noqa: E402
from frontline.record.load import load_record  # noqa: E402
from frontline.record.query import RecordIndex  # noqa: E402

WINDOWS_DAYS = (0.5, 1, 2, 3, 7)


def _per_call(function, days: list[dt.date], mode: str) -> tuple[float, float]:
    timings = []
    for day in days:
        start = time.perf_counter()
        function(day, mode)
        timings.append(time.perf_counter() - start)
    timings.sort()
    return statistics.median(timings) * 1000, timings[int(len(timings) * 0.99) - 1] * 1000


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=ROOT / "data")
    parser.add_argument("--source", type=Path, default=None)
    parser.add_argument("--moves", type=int, default=1000)
    args = parser.parse_args()

    start = time.perf_counter()
    record = load_record(args.data)
    loaded = time.perf_counter() - start
    start = time.perf_counter()
    index = RecordIndex(record.entries, record.places)
    indexed = time.perf_counter() - start
    print(
        f"loaded {len(record.places)} places, {len(record.entries)} entries in "
        f"{loaded * 1000:.0f} ms ({len(record.problems)} problems); index built in "
        f"{indexed * 1000:.1f} ms"
    )
    first = min(e.date for e in record.entries)
    days = [first + dt.timedelta(days=k % 1000) for k in range(args.moves)]
    for mode in vocab.MODES:
        for name in ("positions", "state_as_of"):
            median, p99 = _per_call(getattr(index, name), days, mode)
            print(f"{name}({mode}): median {median:.3f} ms, p99 {p99:.3f} ms per call")

    source = args.source or default_source()
    if not source.is_dir():
        print(
            f"no scraped history at {source} (set ${SOURCE_ENV} or --source): "
            "window figures skipped"
        )
        return 0
    rebuilt = build(source, args.data)
    for days_window in WINDOWS_DAYS:
        totals = [0, 0, 0]
        for place_id, seen in rebuilt.observations.items():
            _, folding = entries_of(place_id, seen, dt.timedelta(days=days_window))
            totals = [
                totals[0] + folding.changes,
                totals[1] + folding.folded,
                totals[2] + folding.periods,
            ]
        print(
            f"edit-war window {days_window:g} days: {totals[1]} of {totals[0]} changes "
            f"folded into {totals[2]} disputed periods"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
