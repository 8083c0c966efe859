"""How long the Data page takes to draw, to rerun after a move of its date slider, and to
search, with Streamlit's AppTest (in process, no browser) on $FRONTLINE_DATA_DIR (default
data/). Figures only, no pass or fail.

    FRONTLINE_DATA_DIR=DIR python benchmarks/data_page_rerun.py [--runs 7] [--search kharkiv]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

from streamlit.testing.v1 import AppTest

from frontline.store import default_data_dir, load_dataset
from frontline.timeline import claims_table, date_bounds

ROOT = Path(__file__).resolve().parent.parent


def timed(action) -> float:
    start = time.perf_counter()
    action()
    return time.perf_counter() - start


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--search", default="kharkiv")
    args = parser.parse_args()

    app = AppTest.from_file(str(ROOT / "pages" / "2_Data.py"), default_timeout=600)
    cold = timed(app.run)
    if app.exception:
        print(f"the page failed: {app.exception[0].message}", file=sys.stderr)
        return 1
    first, last = date_bounds(claims_table(load_dataset()))
    reruns = []
    for number in range(args.runs):
        slider = next(s for s in app.slider if s.label == "Claims as of")
        target = (first, last)[number % 2]
        reruns.append(timed(lambda slider=slider, target=target: slider.set_value(target).run()))
    searched = timed(lambda: app.text_input(key="data_search").input(args.search).run())
    rows = [
        ("first run of the page (data loaded, cold caches)", f"{cold * 1000:.0f} ms"),
        (
            f"rerun after moving the slider, median of {args.runs}",
            f"{statistics.median(reruns) * 1000:.0f} ms",
        ),
        (f"rerun after searching {args.search!r}", f"{searched * 1000:.0f} ms"),
    ]
    width = max(len(name) for name, _ in rows)
    print(default_data_dir())
    for name, value in rows:
        print(f"{name:<{width}}  {value:>10}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
