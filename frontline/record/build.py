"""Build data/record/ from the scraped history of Wikipedia's list.

    python -m frontline.record.build [--source DIR] [--data-dir D] [--statements FILE] [--check]

The source is the folder of snapshots.csv.gz and row_versions.csv.gz (by default
$FRONTLINE_RECORD_SOURCE, else ../shared/data/wikipedia-control-of-cities beside the
project). The output is the same bytes on every run from the same input: rows sorted, floats
at fixed precision, no time of the build. The report printed is also written to
data/record/build_report.txt. With --check nothing is written: the command says whether the
files would change (exit status 1 if they would).
"""

from __future__ import annotations

import argparse
import os
import sys
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from frontline.model import Problem
from frontline.record import clean
from frontline.record.files import (
    ENTRIES_FILE,
    ENTRY_COLUMNS,
    MANIFEST_COLUMNS,
    MANIFEST_FILE,
    PLACE_COLUMNS,
    PLACES_FILE,
    RECORD_DIR,
    REPORT_FILE,
    entry_row,
    manifest_row,
    place_row,
)
from frontline.record.history import EDIT_WAR_WINDOW, Observation, entries_of, observations_of
from frontline.record.model import SOURCE_GEONAMES, SOURCE_LIST, Entry, RecordPlace
from frontline.record.places import (
    GEONAMES_KM,
    SAME_PLACE_KM,
    GeoNamesIndex,
    OblastFinder,
    group_places,
    latest_located,
    place_ids,
)
from frontline.record.source import read_history
from frontline.record.statements import jsonl_text, statement_items
from frontline.store import atomic_write_text, csv_text, load_dataset, load_geonames
from frontline.store.boundaries import load_oblast_shapes

PROJECT_ROOT = Path(__file__).resolve().parents[2]
SOURCE_ENV = "FRONTLINE_RECORD_SOURCE"
DEFAULT_SOURCE = PROJECT_ROOT.parent / "shared" / "data" / "wikipedia-control-of-cities"
DEFAULT_STATEMENTS = PROJECT_ROOT / "tests" / "eval" / "record_statements.jsonl"


def default_source() -> Path:
    configured = os.environ.get(SOURCE_ENV)
    return Path(configured) if configured else DEFAULT_SOURCE


@dataclass
class Report:
    snapshots: int = 0
    snapshots_dropped: Counter = field(default_factory=Counter)
    versions: int = 0
    left_out: Counter = field(default_factory=Counter)  # kind -> row versions
    mapped: Counter = field(default_factory=Counter)  # "Held by" as written -> versions kept
    places: int = 0
    joined: int = 0
    added: int = 0
    abroad: int = 0
    rows_together: int = 0  # place-snapshots in which the list had several rows of a place
    rows_disagree: int = 0  # of which left out: the rows' statuses differ
    changes: int = 0
    folded: int = 0
    periods: int = 0
    entries: int = 0
    date_sources: Counter = field(default_factory=Counter)
    statements: Counter = field(default_factory=Counter)  # split -> items
    problems: list[Problem] = field(default_factory=list)

    def text(self) -> str:
        kept = self.versions - sum(self.left_out.values())
        lines = [
            "Record build report (Wikipedia, Control of cities during the Russo-Ukrainian War)",
            f"snapshots: {self.snapshots}, of which left out: "
            f"{sum(self.snapshots_dropped.values())}",
            *(f"  {n:6d}  {kind}" for kind, n in sorted(self.snapshots_dropped.items())),
            f"row versions: {self.versions}, kept: {kept}, left out by kind:",
            *(f"  {n:6d}  {kind}" for kind, n in sorted(self.left_out.items())),
            "Held by as written -> status (row versions kept):",
            *(
                f"  {n:6d}  {held!r} -> {status}"
                for (held, status), n in sorted(self.mapped.items())
            ),
            f"places: {self.places} (joined to GeoNames within {GEONAMES_KM:g} km: "
            f"{self.joined}; added from the list: {self.added}; outside Ukraine's oblasts: "
            f"{self.abroad}; one name, one place within {SAME_PLACE_KM:g} km)",
            f"place-snapshots in which the list had several rows of one place (one name at "
            f"one point): {self.rows_together}; left out as the rows' statuses differ: "
            f"{self.rows_disagree}",
            f"status changes: {self.changes}; folded into {self.periods} disputed periods: "
            f"{self.folded} (a return to the status before within "
            f"{EDIT_WAR_WINDOW.days} days)",
            f"entries: {self.entries} (first statuses, changes kept, disputed periods and "
            "their ends); dated from:",
            *(f"  {n:6d}  {source}" for source, n in sorted(self.date_sources.items())),
            "statements for the reader's evaluation: "
            + ", ".join(f"{split} {n}" for split, n in sorted(self.statements.items())),
            f"problems in the input files: {len(self.problems)}",
            *(f"  {problem}" for problem in self.problems[:50]),
        ]
        return "\n".join(lines) + "\n"


@dataclass
class Record:
    places: list[RecordPlace]
    entries: list[Entry]
    observations: dict[str, list[Observation]]
    report: Report


def _kept_versions(
    snapshots, versions, report: Report
) -> tuple[np.ndarray, list[int], dict[int, tuple[int, int]]]:
    """The trusted snapshots, the indices of the versions that count, and each one's first
    and last position among the trusted snapshots."""
    trusted, dropped = clean.trusted_snapshots(snapshots)
    report.snapshots = len(snapshots)
    report.snapshots_dropped = Counter(dropped.values())
    first = clean.first_trusted(versions, trusted)
    usable, spans = [], {}
    for i, (version, snapshot) in enumerate(zip(versions, first, strict=True)):
        status, kind = clean.held_by_status(version.held_by)
        if snapshot is None:
            report.left_out[dropped.get(version.first_snapshot, clean.KIND_STALE)] += 1
        elif status is None:
            report.left_out[kind] += 1
        else:
            usable.append(i)
            spans[i] = (
                int(np.searchsorted(trusted, snapshot)),
                int(np.searchsorted(trusted, version.last_snapshot, "right")) - 1,
            )
    return trusted, usable, spans


def build(source: Path, data_dir: Path) -> Record:
    """Everything the record ships, from the history in `source` and the GeoNames extract and
    oblasts of `data_dir`."""
    report = Report()
    snapshots, versions, report.problems = read_history(source)
    report.versions = len(versions)
    trusted, usable, spans = _kept_versions(snapshots, versions, report)
    # (revision, stamp as shown) of each trusted snapshot, by position
    revisions = [(snapshots[n].revision, snapshots[n].revision_text) for n in trusted]
    order = {i: (spans[i][0], versions[i].line) for i in usable}
    oblast_names = load_dataset(data_dir).oblasts
    geonames_rows, geonames_problems = load_geonames(data_dir, oblast_names)
    shapes, shape_problems = load_oblast_shapes(data_dir)
    report.problems += geonames_problems + shape_problems
    groups, matches, unlocated = group_places(versions, usable, order, GeoNamesIndex(geonames_rows))
    report.left_out.update(unlocated.values())
    oblasts = OblastFinder(shapes)

    drafts = []
    for group, match in zip(groups, matches, strict=True):
        latest = versions[max(group, key=order.__getitem__)]
        point = latest_located(group, versions, order)
        oblast = match.oblast if match else oblasts.find(point.lat, point.lon)
        drafts.append((group, match, clean.display_name(latest.name), point, oblast))
    ids = place_ids(
        [d[2] for d in drafts],
        [oblast_names.get(d[4], "") for d in drafts],
        [(d[3].lat, d[3].lon) for d in drafts],
    )

    places, entries, observations = [], [], {}
    for place_id, (group, match, name, point, oblast) in zip(ids, drafts, strict=True):
        members = sorted(group, key=order.__getitem__)
        sightings = observations_of(
            [versions[i] for i in members],
            [clean.held_by_status(versions[i].held_by)[0] for i in members],
            [spans[i] for i in members],
            revisions,
        )
        report.rows_together += sightings.together
        report.rows_disagree += sightings.disagree
        seen = sightings.observations
        if not seen:
            report.left_out[clean.KIND_ALL_DISAGREE] += len(members)
            continue
        report.mapped.update(
            (clean.cell(versions[i].held_by), clean.held_by_status(versions[i].held_by)[0])
            for i in members
        )
        observations[place_id] = seen
        place_entries, folding = entries_of(place_id, seen)
        entries += place_entries
        report.changes += folding.changes
        report.folded += folding.folded
        report.periods += folding.periods
        places.append(
            RecordPlace(
                place_id=place_id,
                name=name,
                names=tuple(sorted({clean.cell(versions[i].name) for i in group})),
                lat=point.lat,
                lon=point.lon,
                oblast=oblast,
                source=SOURCE_GEONAMES if match else SOURCE_LIST,
                geonames_id=match.geonames_id if match else None,
                geonames_name=match.name if match else "",
                geonames_km=match.km if match else None,
                first_recorded=seen[0].recorded_at,
                last_recorded=revisions[max(spans[i][1] for i in group)][0],
                most_rows=sightings.most_rows,
            )
        )
    places.sort(key=lambda p: p.place_id)
    entries.sort(key=lambda e: (e.place_id, e.recorded_at))
    report.places = len(places)
    report.joined = sum(p.source == SOURCE_GEONAMES for p in places)
    report.added = report.places - report.joined
    report.abroad = sum(not p.oblast for p in places)
    report.entries = len(entries)
    report.date_sources = Counter(e.date_source for e in entries)
    return Record(places, entries, observations, report)


def rendered(record: Record) -> dict[str, str]:
    """File name (in data/record/) -> its text."""
    tables = {
        PLACES_FILE: csv_text(PLACE_COLUMNS, map(place_row, record.places)),
        ENTRIES_FILE: csv_text(ENTRY_COLUMNS, map(entry_row, record.entries)),
    }
    manifest = csv_text(MANIFEST_COLUMNS, [manifest_row(n, t) for n, t in tables.items()])
    return tables | {MANIFEST_FILE: manifest, REPORT_FILE: record.report.text()}


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m frontline.record.build", description=__doc__.split("\n\n")[0]
    )
    parser.add_argument(
        "--source",
        type=Path,
        default=None,
        help=f"the scraped history (default: ${SOURCE_ENV} or {DEFAULT_SOURCE})",
    )
    parser.add_argument("--data-dir", type=Path, default=PROJECT_ROOT / "data")
    parser.add_argument(
        "--statements",
        type=Path,
        default=DEFAULT_STATEMENTS,
        help="where the evaluation statements go",
    )
    parser.add_argument("--check", action="store_true", help="write nothing; say what differs")
    args = parser.parse_args(argv)
    source = args.source or default_source()
    if not source.is_dir():
        print(f"frontline.record.build: {source}: no such folder (give --source)", file=sys.stderr)
        return 2
    record = build(source, args.data_dir)
    outputs = {args.data_dir / RECORD_DIR / name: text for name, text in rendered(record).items()}
    statements = statement_items({p.place_id: p for p in record.places}, record.observations)
    record.report.statements = Counter(item["split"] for item in statements)
    outputs[args.data_dir / RECORD_DIR / REPORT_FILE] = record.report.text()
    outputs[args.statements] = jsonl_text(statements)
    print(record.report.text(), end="")
    if args.check:
        stale = [
            path
            for path, text in outputs.items()
            if not path.exists() or path.read_text(encoding="utf-8") != text
        ]
        for path in stale:
            print(f"would change: {path}")
        return 1 if stale else 0
    for path, text in outputs.items():
        atomic_write_text(path, text)
        print(f"wrote {path} ({len(text.encode('utf-8')):,} bytes)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
