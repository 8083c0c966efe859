"""ACLED import throughput: rows per second and peak memory of a dry run (read, validate,
match places, count) or, with --save, of a save (the same, and every new claim written with
its provenance through the commit, into a copy of data/), on a generated ACLED-shaped file.

    .venv/bin/python benchmarks/import_acled.py [--rows 1000000] [--seed 0] [--places 3000]
                                                [--save]

The file is written to a temporary folder and deleted afterwards. Its rows mix the
sub-event types of an ACLED export of Ukraine (about half battles and shelling, a few
territorial changes, the rest protests and other developments, which are left out), at
places drawn from the gazetteer (a tenth of them renamed, so they are proposed as new) with
ACLED's own repetition of locations. Peak memory is the process's resident set
(its high-water mark), given before and after the import, so the import's own share shows. With
--save, it then loads the data as the pages do and times the map panel's selection of the
place with the most imported claims. Prints figures only.
"""

from __future__ import annotations

import argparse
import csv
import itertools
import random
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from memory import peak_rss_mib  # noqa: E402

from frontline.importers.batch import make_matcher, preview  # noqa: E402
from frontline.importers.saved import load_saved, save_import  # noqa: E402
from frontline.store import load_dataset  # noqa: E402

COLUMNS = (
    "event_id_cnty",
    "event_date",
    "year",
    "time_precision",
    "disorder_type",
    "event_type",
    "sub_event_type",
    "actor1",
    "assoc_actor_1",
    "inter1",
    "actor2",
    "assoc_actor_2",
    "inter2",
    "interaction",
    "civilian_targeting",
    "iso",
    "region",
    "country",
    "admin1",
    "admin2",
    "admin3",
    "location",
    "latitude",
    "longitude",
    "geo_precision",
    "source",
    "source_scale",
    "notes",
    "fatalities",
    "tags",
    "timestamp",
)
UA, RU = "Military Forces of Ukraine (2019-)", "Military Forces of Russia (2000-)"
# (event type, sub-event type, weight): roughly the mix of ACLED's Ukraine data.
SUB_EVENTS = (
    ("Explosions/Remote violence", "Shelling/artillery/missile attack", 40),
    ("Battles", "Armed clash", 15),
    ("Explosions/Remote violence", "Air/drone strike", 10),
    ("Battles", "Government regains territory", 1),
    ("Battles", "Non-state actor overtakes territory", 1),
    ("Protests", "Peaceful protest", 18),
    ("Strategic developments", "Disrupted weapons use", 10),
    ("Violence against civilians", "Attack", 5),
)


def locations(count: int, seed: int) -> list[tuple[str, float, float]]:
    matcher = make_matcher(ROOT / "data")
    entries = sorted(
        (e for e in matcher.gazetteer.entries.values() if e.kind != "oblast"), key=lambda e: e.key
    )
    rng = random.Random(seed)
    chosen = rng.sample(entries, min(count, len(entries)))
    return [
        (f"{e.name} Novyi" if i % 10 == 0 else e.name, e.lat, e.lon) for i, e in enumerate(chosen)
    ]


def write_file(path: Path, rows: int, places: list[tuple[str, float, float]], seed: int) -> None:
    rng = random.Random(seed)
    kinds = [(t, s) for t, s, w in SUB_EVENTS for _ in range(w)]
    # ACLED repeats its locations unevenly: a few front-line towns carry most events.
    cumulative = list(itertools.accumulate(1 / (rank + 1) for rank in range(len(places))))
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(COLUMNS)
        for i in range(rows):
            event_type, sub_event = rng.choice(kinds)
            name, lat, lon = rng.choices(places, cum_weights=cumulative)[0]
            day = f"2022-{rng.randint(3, 12):02d}-{rng.randint(1, 28):02d}"
            actor1, actor2 = (UA, RU) if rng.random() < 0.5 else (RU, UA)
            notes = (
                f"On {day}, {actor1.split(' (')[0]} reported {sub_event.lower()} in and "
                f"around {name}. [size=no report]"
            )
            writer.writerow(
                (
                    f"UKR{i + 1}",
                    day,
                    "2022",
                    rng.choice("1112"),
                    "Political violence",
                    event_type,
                    sub_event,
                    actor1,
                    "",
                    "8",
                    actor2,
                    "",
                    "8",
                    "88",
                    "",
                    "804",
                    "Europe",
                    "Ukraine",
                    "Kharkivska",
                    "",
                    "",
                    name,
                    f"{lat:.4f}",
                    f"{lon:.4f}",
                    rng.choice("1112"),
                    "Ukrinform",
                    "National",
                    notes,
                    "0",
                    "",
                    "1663000000",
                )
            )


def save(folder: Path, path: Path) -> None:
    data = folder / "data"
    shutil.copytree(ROOT / "data", data)
    matcher = make_matcher(data)
    before = peak_rss_mib()
    updates = []
    started = time.perf_counter()
    result = save_import(
        "acled", [path], matcher, data, progress=lambda done, total: updates.append(done)
    )
    seconds = time.perf_counter() - started
    report = result.report
    written = data / result.file if result.file else None
    print(
        f"save: {report.rows_read:,} rows in {seconds:.1f} s = "
        f"{report.rows_read / seconds:,.0f} rows/s"
    )
    print(
        f"  claims added {result.added:,}, new places {len(result.commit.new_places):,}, "
        f"problems {report.problem_count:,}; progress reports {len(updates):,}"
    )
    if written is not None:
        print(f"  {result.file}: {written.stat().st_size / 2**20:.0f} MiB")
    print(
        f"peak resident memory: {before:.0f} MiB before the import (gazetteer loaded), "
        f"{peak_rss_mib():.0f} MiB after"
    )
    # Reading the saved claims back, validated, as the Data page and the map's panel do.
    started = time.perf_counter()
    saved = load_saved(data, load_dataset(data).places)
    seconds = time.perf_counter() - started
    print(
        f"load saved: {len(saved.frame):,} rows in {seconds:.1f} s, problems "
        f"{len(saved.problems):,}; peak resident memory {peak_rss_mib():.0f} MiB"
    )
    del saved
    selection(data)


def selection(data: Path) -> None:
    """The map panel's work when the place with the most imported claims is selected: its
    news claims, record entries, imported cards and notes, the first time and again."""
    from frontline.app import ui
    from frontline.app.importedui import imported_at
    from frontline.timeline import Filters
    from frontline.web.claimnotes import claim_notes_html
    from frontline.web.imported import panel_cards

    started = time.perf_counter()
    loaded = ui._load.__wrapped__(str(data), ui._signature(data))  # as the pages load it
    print(f"app data: {time.perf_counter() - started:.1f} s; peak {peak_rss_mib():.0f} MiB")
    filters = Filters(as_of=loaded.latest_news)
    state = loaded.index.state(filters)
    place = state.sort_values("claims").iloc[-1]["place_id"]
    for attempt in ("first", "again"):
        before, started = peak_rss_mib(), time.perf_counter()
        loaded.index.history(place, filters)
        loaded.record_index.history(place, filters)
        rows = imported_at(loaded, place, filters)
        panel_cards(rows)
        claim_notes_html(place, loaded.dataset.claims, data)
        print(
            f"selecting {place} ({len(rows):,} imported claims), {attempt}: "
            f"{time.perf_counter() - started:.2f} s; peak {before:.0f} -> {peak_rss_mib():.0f} MiB"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--places", type=int, default=3000)
    parser.add_argument("--save", action="store_true", help="save into a copy of data/")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "acled_ukraine.csv"
        started = time.perf_counter()
        write_file(path, args.rows, locations(args.places, args.seed), args.seed)
        print(
            f"generated {args.rows:,} rows ({path.stat().st_size / 2**20:.0f} MiB) in "
            f"{time.perf_counter() - started:.1f} s"
        )
        if args.save:
            save(Path(folder), path)
            return
        matcher = make_matcher(ROOT / "data")
        before = peak_rss_mib()
        updates = []
        started = time.perf_counter()
        shown = preview(
            "acled", [path], matcher, limit=50, progress=lambda done, total: updates.append(done)
        )
        seconds = time.perf_counter() - started
        report = shown.report
        print(
            f"dry run: {report.rows_read:,} rows in {seconds:.1f} s = "
            f"{report.rows_read / seconds:,.0f} rows/s"
        )
        print(
            f"  claims {shown.claims:,} (without control {shown.without_control:,}), "
            f"left out {sum(report.skipped.values()):,}, problems {report.problem_count:,}"
        )
        print(
            f"  places matched {shown.places_matched:,}, new {shown.places_new:,}; "
            f"progress reports {len(updates):,}"
        )
        print(
            f"peak resident memory: {before:.0f} MiB before the import (gazetteer loaded), "
            f"{peak_rss_mib():.0f} MiB after"
        )


if __name__ == "__main__":
    main()
