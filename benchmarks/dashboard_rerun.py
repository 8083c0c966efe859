"""How long the map page takes to draw and to rerun, and how much it sends for the map.

Runs the page with Streamlit's AppTest (in process, no browser) on a data directory
($FRONTLINE_DATA_DIR, default data/) and prints a table. Figures only, no pass or fail.

    python benchmarks/dashboard_rerun.py [--runs 7]
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from pathlib import Path

import streamlit_folium
from streamlit.testing.v1 import AppTest

from frontline.store import default_data_dir, load_dataset
from frontline.timeline import claims_table, date_bounds

ROOT = Path(__file__).resolve().parent.parent


class PayloadMeter:
    """Records the size of what st_folium hands to the browser on each run."""

    def __init__(self) -> None:
        self.sizes: list[int] = []
        self._component = streamlit_folium._component_func

    def __call__(self, **kwargs):
        sent = {k: v for k, v in kwargs.items() if k != "on_change"}
        self.sizes.append(len(json.dumps(sent, default=str).encode()))
        return self._component(**kwargs)


def timed(action) -> float:
    start = time.perf_counter()
    action()
    return time.perf_counter() - start


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()

    meter = PayloadMeter()
    streamlit_folium._component_func = meter
    app = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=120)
    cold = timed(app.run)
    if app.exception:
        print(f"the page failed: {app.exception[0].message}", file=sys.stderr)
        return 1
    dataset = load_dataset()
    first, last = date_bounds(claims_table(dataset))
    reruns = []
    for number in range(args.runs):
        slider = next(s for s in app.slider if s.label == "Map as of")
        target = (first, last)[number % 2]
        reruns.append(timed(lambda slider=slider, target=target: slider.set_value(target).run()))
    place_box = next(s for s in app.selectbox if s.label == "Place")
    select = timed(lambda: place_box.select_index(1).run())

    rows = [
        ("first run of the page (AppTest, data loaded, cold caches)", f"{cold * 1000:.0f} ms"),
        (
            f"rerun after moving the slider, median of {args.runs}",
            f"{statistics.median(reruns) * 1000:.0f} ms",
        ),
        ("rerun after choosing a place", f"{select * 1000:.0f} ms"),
        (
            "map payload per run (script, layer, links), median",
            f"{statistics.median(meter.sizes) / 1024:.0f} KiB",
        ),
    ]
    width = max(len(name) for name, _ in rows)
    print(
        f"{default_data_dir()}: {len(dataset.places)} places, {len(dataset.claims)} claims, "
        f"timeline {first} .. {last}"
    )
    for name, value in rows:
        print(f"{name:<{width}}  {value:>10}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
