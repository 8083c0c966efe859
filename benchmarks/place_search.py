"""How long finding a place takes: building the search once per data load, then each query
(as typed in the map page's Find box). Figures only, no pass or fail.

    python benchmarks/place_search.py [--repeat 20]
"""

from __future__ import annotations

import argparse
import statistics
import time
from pathlib import Path

from frontline.news.gazetteer import load_gazetteer
from frontline.news.placesearch import PlaceSearch
from frontline.record.load import load_record

DATA = Path(__file__).resolve().parent.parent / "data"
QUERIES = ("Купянськ", "Kupyans'k", "bakhm", "Харківська область", "ka", "Atlantis")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=20)
    args = parser.parse_args()
    gazetteer, record = load_gazetteer(DATA), load_record(DATA)
    start = time.perf_counter()
    search = PlaceSearch(gazetteer, record.places.values(), record.places)
    built = time.perf_counter() - start
    print(f"build: {built * 1000:.0f} ms for {len(search)} places")
    for query in QUERIES:
        times = []
        for _ in range(args.repeat):
            start = time.perf_counter()
            found = search.find(query)
            times.append(time.perf_counter() - start)
        print(
            f"find {query!r}: median {statistics.median(times) * 1000:.1f} ms, {len(found)} found"
        )


if __name__ == "__main__":
    main()
