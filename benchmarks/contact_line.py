"""How long the estimated line of contact takes, for the slider's date changes.

Takes the largest places of the GeoNames extract (as many as --places), gives each a status
from a synthetic front (Russian-held east of a diagonal that moves west day by day, a
contested band along it), and times estimate_contact for each day, then the map layer.
Figures only, no pass or fail.

    python benchmarks/contact_line.py [--places 600] [--days 20] [--repeat 5]
"""

from __future__ import annotations

import argparse
import json
import statistics
import time
from pathlib import Path

import folium

from frontline.store import load_geonames
from frontline.store.boundaries import load_oblast_shapes
from frontline.web import contact

ROOT = Path(__file__).resolve().parent.parent
CONTESTED_BAND_DEGREES = 0.03


def statuses(places: list[dict], day: int) -> tuple[tuple[float, float, str], ...]:
    """Each place's status on a day: the front is lon = 36.5 - (lat - 47) * 0.8 - day / 50."""
    rows = []
    for place in places:
        lat, lon = place["latitude"], place["longitude"]
        east_of_front = lon - (36.5 - (lat - 47) * 0.8 - day / 50)
        status = (
            "contested"
            if abs(east_of_front) < CONTESTED_BAND_DEGREES
            else ("russian" if east_of_front > 0 else "ukrainian")
        )
        rows.append((lat, lon, status))
    return tuple(rows)


def timed_ms(function, repeat: int) -> list[float]:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        function()
        times.append((time.perf_counter() - start) * 1000)
    return times


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--places", type=int, default=600)
    parser.add_argument("--days", type=int, default=20)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()

    data = ROOT / "data"
    shapes, _ = load_oblast_shapes(data)
    rows, _ = load_geonames(data)
    largest = sorted(rows, key=lambda r: (-r["population"], r["geonameid"]))[: args.places]

    outline_ms = timed_ms(lambda: contact.ukraine_outline(shapes), args.repeat)
    outline = contact.ukraine_outline(shapes)
    days = [statuses(largest, day) for day in range(args.days)]
    contact.estimate_contact(days[0], outline)  # the first call warms pyproj and GEOS
    estimate_ms = [
        t
        for day in days
        for t in timed_ms(lambda d=day: contact.estimate_contact(d, outline), args.repeat)
    ]
    estimate = contact.estimate_contact(days[-1], outline)
    layer_ms = timed_ms(
        lambda: (
            contact.contact_layer(estimate, "day")
            .add_to(folium.Map(tiles=None))
            .get_root()
            .render()
        ),
        args.repeat,
    )
    line_parts = estimate.line["coordinates"] if estimate.line else []
    payload = len(json.dumps([estimate.line, estimate.contested], separators=(",", ":")))

    figures = {
        "places": f"{len(largest)}",
        "days (status sets)": f"{len(days)}",
        "outline, once (median ms)": f"{statistics.median(outline_ms):.1f}",
        "estimate (median ms)": f"{statistics.median(estimate_ms):.1f}",
        "estimate (p95 ms)": f"{sorted(estimate_ms)[int(0.95 * (len(estimate_ms) - 1))]:.1f}",
        "estimate (max ms)": f"{max(estimate_ms):.1f}",
        "map layer built+rendered (median ms)": f"{statistics.median(layer_ms):.1f}",
        "line: parts / points": f"{len(line_parts)} / {sum(map(len, line_parts))}",
        "line + contested GeoJSON (KB)": f"{payload / 1024:.1f}",
    }
    width = max(map(len, figures))
    for name, value in figures.items():
        print(f"{name:<{width}}  {value:>10}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
