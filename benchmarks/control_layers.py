"""How long control-area snapshots take to load, to look up and to draw.

Writes a folder of synthetic snapshots in DeepStateMap's style (a wiggling front line that
moves a little each day: an occupied area, a grey zone along it, liberated pockets, an area
to skip and some labels), then prints figures. Figures only, no pass or fail.

    python benchmarks/control_layers.py [--snapshots 100] [--vertices 7000] [--claims 500]
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import math
import random
import statistics
import sys
import tempfile
import time
from functools import lru_cache
from pathlib import Path

import folium
import pandas as pd

from frontline import control
from frontline.web.controlview import control_layer

FIRST_DAY = dt.date(2022, 9, 1)
NORTH, SOUTH = 50.6, 46.4
KUPIANSK = (37.6, 49.7)


def front_line(day: int, vertices: int) -> list[list[float]]:
    """The front from north to south on a given day: a diagonal with wiggles, pushed east
    a little more each day in its northern half."""
    line = []
    for i in range(vertices):
        lat = NORTH - (NORTH - SOUTH) * i / (vertices - 1)
        push = 0.004 * day * max(0.0, lat - 48.5)
        lon = (
            32.8
            + (lat - SOUTH)
            + 0.08 * math.sin(lat * 40 + day * 0.1)
            + 0.01 * math.sin(lat * 900)
            + push
        )
        line.append([round(lon, 6), round(lat, 6)])
    return line


def circle(lon: float, lat: float, radius: float, points: int = 64) -> list[list[list[float]]]:
    ring = [
        [
            round(
                lon + radius * math.cos(2 * math.pi * k / points) / math.cos(math.radians(lat)), 6
            ),
            round(lat + radius * math.sin(2 * math.pi * k / points), 6),
        ]
        for k in range(points)
    ]
    return [ring + [ring[0]]]


def feature(name: str, geometry_type: str, coordinates) -> dict:
    return {
        "type": "Feature",
        "properties": {"name": name, "description": "synthetic"},
        "geometry": {"type": geometry_type, "coordinates": coordinates},
    }


def snapshot(day: int, vertices: int) -> dict:
    front = front_line(day, vertices)
    occupied = [*front, [40.5, SOUTH], [40.5, NORTH], front[0]]
    west = [[lon - 0.04, lat] for lon, lat in front]
    grey = [*front, *reversed(west), front[0]]
    pockets = [circle(33.0 + k * 0.2, 49.5 - k * 0.4, 0.05 + 0.01 * (day % 5)) for k in range(4)]
    labels = [feature(f"Мітка {k} / Label {k}", "Point", [35.0 + k * 0.1, 49.0]) for k in range(20)]
    return {
        "type": "FeatureCollection",
        "features": [
            feature("Окуповано / Occupied", "Polygon", [occupied]),
            feature("Сіра зона / Grey zone", "Polygon", [grey]),
            feature("Звільнено / Liberated", "MultiPolygon", pockets),
            feature("Придністров'я / Transnistria", "Polygon", circle(29.4, 47.2, 0.5)),
            *labels,
        ],
    }


def write_folder(folder: Path, count: int, vertices: int) -> int:
    (folder / "mapping.toml").write_text(control.DEEPSTATE_STYLE_MAPPING, encoding="utf-8")
    total = 0
    for day in range(count):
        date = FIRST_DAY + dt.timedelta(days=day)
        text = json.dumps(snapshot(day, vertices), ensure_ascii=False)
        (folder / f"deepstate-{date.isoformat()}T20-00-00Z.geojson").write_text(
            text, encoding="utf-8"
        )
        total += len(text.encode())
    return total


def synthetic_claims(count: int, days: int) -> pd.DataFrame:
    rng = random.Random(7)
    rows = []
    for number in range(count):
        date = pd.Timestamp(FIRST_DAY + dt.timedelta(days=rng.randrange(days)))
        rows.append(
            {
                "claim_id": f"c{number}",
                "name": f"Place {number}",
                "date_precision": "day",
                "kind": "town",
                "oblast": "UA-63",
                "lon": rng.uniform(34.0, 39.0),
                "lat": rng.uniform(47.0, 50.5),
                "date": date,
                "date_end": date,
                "status": rng.choice(("ukrainian", "russian", "contested")),
                "certainty": "claimed",
            }
        )
    return pd.DataFrame(rows)


def timed(action):
    start = time.perf_counter()
    value = action()
    return time.perf_counter() - start, value


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--snapshots", type=int, default=100)
    parser.add_argument("--vertices", type=int, default=7000, help="front-line points")
    parser.add_argument("--claims", type=int, default=500)
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        size = write_folder(folder, args.snapshots, args.vertices)
        cached_load = lru_cache(maxsize=4)(
            lambda path, signature: control.load_control_folder(path)
        )

        cold, loaded = timed(lambda: cached_load(str(folder), control.folder_signature(folder)))
        if loaded.problems or len(loaded.snapshots) != args.snapshots:
            print(f"the synthetic folder did not load: {loaded.problems[:3]}", file=sys.stderr)
            return 1
        warm, _ = timed(lambda: cached_load(str(folder), control.folder_signature(folder)))

        dates = [FIRST_DAY + dt.timedelta(days=d) for d in range(args.snapshots)]

        def look_up(day: dt.date) -> control.StatusAt:
            return control.status_at(control.snapshot_as_of(loaded, day), *KUPIANSK)

        first_lookup, _ = timed(lambda: look_up(dates[len(dates) // 2]))
        lookups = []
        for day in dates[:20]:
            look_up(day)  # derive the snapshot's shapes once, as its first view does
            lookups.append(timed(lambda day=day: look_up(day))[0])
        claims = synthetic_claims(args.claims, args.snapshots)
        compare_cold, compared = timed(lambda: control.compare_claims(loaded, claims))
        compare_warm, _ = timed(lambda: control.compare_claims(loaded, claims))
        display_cold, drawn = timed(lambda: loaded.snapshots[-1].display)
        display_warm, _ = timed(lambda: loaded.snapshots[-1].display)
        flagged = control.disagreements(compared)

        # What a rerun of the map page pays with the layer on: the layer, written out by
        # folium as the map's script.
        def rendered(layer: folium.FeatureGroup | None) -> str:
            fmap = folium.Map()
            if layer is not None:
                fmap.add_child(layer)
            return fmap.get_root().render()

        bare_runs = [timed(lambda: rendered(None))[0] for _ in range(5)]
        layer_runs = [
            timed(lambda: rendered(control_layer(loaded.snapshots[-1], flagged.head(50))))[0]
            for _ in range(5)
        ]
        areas_cold, table = timed(lambda: control.area_table(loaded))
        areas_warm, _ = timed(lambda: control.area_table(loaded))

    drawn_kib = len(json.dumps(drawn).encode()) / 1024
    rows = [
        (f"{args.snapshots} snapshot files, total", f"{size / 1e6:.1f} MB"),
        ("one snapshot file, mean", f"{size / args.snapshots / 1e3:.0f} KB"),
        ("load and validate the folder, cold", f"{cold * 1000:.0f} ms"),
        ("same folder again (signature + cache hit)", f"{warm * 1000:.2f} ms"),
        (
            "first status lookup on a snapshot (projects it, builds its index)",
            f"{first_lookup * 1000:.0f} ms",
        ),
        (
            "status lookup for the slider's date, warm, median",
            f"{statistics.median(lookups) * 1000:.2f} ms",
        ),
        (
            f"compare {args.claims} claims over {args.snapshots} dates, cold",
            f"{compare_cold * 1000:.0f} ms",
        ),
        (
            f"compare {args.claims} claims, warm ({len(flagged)} disagree)",
            f"{compare_warm * 1000:.0f} ms",
        ),
        ("display outline of one snapshot, cold", f"{display_cold * 1000:.0f} ms"),
        ("display outline, cached", f"{display_warm * 1000:.3f} ms"),
        ("display outline size (what the map is sent)", f"{drawn_kib:.0f} KiB"),
        (
            "the layer with 50 rings, built and rendered by folium, median",
            f"{(statistics.median(layer_runs) - statistics.median(bare_runs)) * 1000:.0f} ms",
        ),
        (f"area figures of {args.snapshots} snapshots, cold", f"{areas_cold * 1000:.0f} ms"),
        ("area figures, warm", f"{areas_warm * 1000:.0f} ms"),
    ]
    width = max(len(name) for name, _ in rows)
    for name, value in rows:
        print(f"{name:<{width}}  {value:>10}")
    print(f"occupied on the last day: {table['russian'].iloc[-1]:,.0f} km²")
    return 0


if __name__ == "__main__":
    sys.exit(main())
