"""What keeping the history costs a save: time per save and bytes kept per save, with the
history (frontline.store.history.commit) and without it (store.atomic_write_text, as saves write
today), for a claims table of 1k, 10k and 100k rows.

    .venv/bin/python benchmarks/history_commit.py [--sizes 1000 10000 100000] [--saves 15]

Each save adds one claim row to claims.csv and one place row to places.csv, as adding an
article does. The rows are the bundled claims.csv's, repeated under new ids. Prints the
median time of the saves, and what the history folder grew by per save (each save keeps the
whole files it replaces, zlib-compressed). Figures only.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from frontline import store  # noqa: E402
from frontline.store import history  # noqa: E402


def _table(name: str, rows: int) -> str:
    """`rows` data rows made from the bundled table's, each under a new first field."""
    header, *lines = (ROOT / "data" / name).read_text(encoding="utf-8").splitlines()
    made = [f"x{n}," + lines[n % len(lines)].split(",", 1)[1] for n in range(rows)]
    return "\n".join([header, *made]) + "\n"


def _folder_bytes(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file())


def measure(rows: int, saves: int, *, with_history: bool) -> tuple[float, float]:
    """(median seconds per save, bytes the history grew by per save)."""
    with tempfile.TemporaryDirectory() as scratch:
        root = Path(scratch)
        claims, places = _table(store.CLAIMS_FILE, rows), _table(store.PLACES_FILE, rows // 10)
        (root / store.CLAIMS_FILE).write_text(claims, encoding="utf-8")
        (root / store.PLACES_FILE).write_text(places, encoding="utf-8")
        times = []
        for n in range(saves):
            claims += claims.splitlines()[1].replace("x0,", f"new{n},", 1) + "\n"
            places += places.splitlines()[1].replace("x0,", f"new{n},", 1) + "\n"
            start = time.perf_counter()
            with store.write_lock(root):
                if with_history:
                    history.recover(root)
                    history.commit(
                        root,
                        {
                            store.PLACES_FILE: places.encode(),
                            store.CLAIMS_FILE: claims.encode(),
                        },
                        who="bench",
                        kind="article",
                        summary=f"save {n}",
                    )
                else:
                    store.atomic_write_text(root / store.PLACES_FILE, places)
                    store.atomic_write_text(root / store.CLAIMS_FILE, claims)
            times.append(time.perf_counter() - start)
        kept = _folder_bytes(root / history.OBJECTS_DIR) if with_history else 0
        if with_history:
            kept += (root / history.HISTORY_FILE).stat().st_size
        return statistics.median(times), kept / saves


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000, 100000])
    parser.add_argument("--saves", type=int, default=15)
    args = parser.parse_args()
    print(f"{'claims':>8} {'csv MB':>7} {'plain ms':>9} {'history ms':>11} {'kept/save KB':>13}")
    for rows in args.sizes:
        size = len(_table(store.CLAIMS_FILE, rows).encode()) / 1e6
        plain, _ = measure(rows, args.saves, with_history=False)
        logged, kept = measure(rows, args.saves, with_history=True)
        print(
            f"{rows:>8} {size:>7.1f} {plain * 1e3:>9.1f} {logged * 1e3:>11.1f} {kept / 1e3:>13.1f}"
        )


if __name__ == "__main__":
    main()
