"""A small history of Wikipedia's list, written in the scrape's schema (snapshots.csv.gz,
row_versions.csv.gz), for tests/test_record.py: a stale copy of the page, a snapshot with its
columns shifted, Donetsk PR, scrape errors of several kinds, an edit war, two Andriivkas, a
place joined to GeoNames and one GeoNames lacks."""

from __future__ import annotations

import csv
import datetime as dt
import gzip
import io
from pathlib import Path

from frontline.record.source import SNAPSHOTS_FILE, VERSIONS_FILE

SNAPSHOT_HEADER = ["snapshot", "commit", "committed_at", "wikipedia_revision", "rows", "header"]
VERSION_HEADER = [
    "first_snapshot",
    "last_snapshot",
    "first_seen",
    "last_seen",
    "first_revision",
    "last_revision",
    "Name",
    "Population",
    "Held by",
    "As of",
    "More information",
    "source",
    "sourceLink",
    "Lat",
    "Lon",
]
REVISIONS = [
    "1 May 2022 10h00 UTC",
    "2 May 2022 10h00 UTC",
    "3 May 2022 10h00 UTC",
    "2 May 2022 10h00 UTC",  # 3: a stale copy of the page
    "4 May 2022 10h00 UTC",
    "49.0833",  # 5: the columns shifted
    "5 May 2022 10h00 UTC",
    "6 May 2022 10h00 UTC",
    "10 May 2022 10h00 UTC",
    "20 May 2022 10h00 UTC",
]
KUPIANSK = ("Kupiansk", "49.7064", "37.6167")  # GeoNames 703656, 0.4 km away
ROBOTYNE = ("Robotyne", "47.4406", "35.8375")  # not in GeoNames cities500
HORLIVKA = ("Horlivka", "48.3336", "38.0925")
LYMAN = ("Lyman", "48.9861", "37.8111")
ANDRIIVKA_KHERSON = ("Andriivka", "47.176944", "33.046111")
ANDRIIVKA_DONETSK = ("Andriivka", "48.272778", "37.844167")
# (first snapshot, last snapshot, place, Held by, As of, More information)
FIXTURE_ROWS = [
    (0, 4, KUPIANSK, "Russia", "27 February 2022", "Captured by Russia 27 February 2022."),
    (3, 3, KUPIANSK, "Ukraine", "", "a row only the stale copy had"),
    (5, 5, KUPIANSK, "Held by", "sourceLink", "More information"),
    (6, 9, KUPIANSK, "Ukraine", "5 May 2022", "Recaptured by  Ukraine 4 May."),
    (0, 9, ROBOTYNE, "Contested", "", ""),
    (0, 9, HORLIVKA, "Donetsk PR", "", "Captured by  Donetsk PR in April 2014."),
    (0, 1, LYMAN, "Ukraine", "", ""),
    (2, 2, LYMAN, "Contested", "3 May 2022", ""),
    (4, 9, LYMAN, "Ukraine", "", ""),
    (0, 9, ANDRIIVKA_KHERSON, "Russia", "", ""),
    (0, 9, ANDRIIVKA_DONETSK, "Ukraine", "", ""),
    (7, 7, ROBOTYNE, "3 Oct 2022", "", ""),  # scrape errors, each its own kind
    (8, 8, HORLIVKA, "", "", ""),
    (8, 8, ANDRIIVKA_DONETSK, "See Battle of Andriivka", "", ""),
    (7, 7, ANDRIIVKA_KHERSON, "Unknown", "", ""),
]


def _revision_time(text: str) -> str:
    try:
        moment = dt.datetime.strptime(text, "%d %B %Y %Hh%M UTC")
    except ValueError:
        moment = dt.datetime(2022, 5, 4, 12)
    return moment.replace(tzinfo=dt.UTC).isoformat()


def _csv_gz(header: list[str], rows: list[list[object]]) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(header)
    writer.writerows(rows)
    return gzip.compress(buffer.getvalue().encode("utf-8"), mtime=0)


def write_history(folder: Path, rows=FIXTURE_ROWS) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    snapshots = [
        [n, f"{n:040x}", _revision_time(revision), revision, 6, "|".join(VERSION_HEADER[6:])]
        for n, revision in enumerate(REVISIONS)
    ]
    versions = [
        [
            first,
            last,
            snapshots[first][2],
            snapshots[last][2],
            REVISIONS[first],
            REVISIONS[last],
            name,
            "",
            held_by,
            as_of,
            info,
            "",
            "",
            lat,
            lon,
        ]
        for first, last, (name, lat, lon), held_by, as_of, info in rows
    ]
    (folder / SNAPSHOTS_FILE).write_bytes(_csv_gz(SNAPSHOT_HEADER, snapshots))
    (folder / VERSIONS_FILE).write_bytes(_csv_gz(VERSION_HEADER, versions))
    return folder
