"""Control snapshots: reading a folder of GeoJSON files into dated, projected areas."""

from __future__ import annotations

import bisect
import datetime as dt
import json
import os
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

import numpy as np
import shapely
import shapely.geometry

from frontline import vocab
from frontline.control.geometry import (
    AREA_TYPES,
    NOT_AREA_TYPES,
    FeatureError,
    area_of,
    to_equal_area,
)
from frontline.control.mapping import (
    CONTROL_DIR_ENV,
    MAPPING_FILES,
    OUTCOMES,
    SKIP,
    SNAPSHOT_SUFFIXES,
    Mapping,
    parse_mapping,
)
from frontline.model import Problem
from frontline.store import EARLIEST_DATE
from frontline.store.boundaries import display_shapes

DISPLAY_TOLERANCE_DEGREES = 0.005  # about 400 m: finer than a pixel at the map's usual zoom

_DATE_IN_NAME = re.compile(r"(?<!\d)(\d{4}-\d{2}-\d{2})(?:[T_ ](\d{2})[:-]?(\d{2}))?")
# --- snapshots -------------------------------------------------------------------------------


@dataclass(frozen=True)
class StatusAt:
    """What a control map shows at a place: the status there, every status within the
    tolerance (the status included), and for an area each status's share of it."""

    status: str  # a status, or UNMAPPED
    nearby: frozenset[str]
    shares: tuple[tuple[str, float], ...] = ()


@dataclass(eq=False)
class Snapshot:
    """One control map: its areas in lon/lat, each with a status. Derived shapes are
    computed on first use and kept (see the module doc)."""

    date: dt.date
    source: str  # the file name
    statuses: tuple[str, ...]
    areas: tuple[shapely.Geometry, ...]  # valid (Multi)Polygons, lon/lat
    outside: str | None = None
    skipped: int = 0  # features left out on purpose: skip rules and non-areas
    repaired: int = 0  # self-intersecting areas made valid
    order: tuple = ()  # sorts snapshots of one date: time in the name, then the name

    @cached_property
    def projected(self) -> np.ndarray:
        shapes = to_equal_area(np.array(self.areas, dtype=object))
        shapely.prepare(shapes)
        return shapes

    @cached_property
    def tree(self) -> shapely.STRtree:
        return shapely.STRtree(self.projected)

    @cached_property
    def parts(self) -> dict[str, shapely.Geometry]:
        """Disjoint ground per status, projected: where areas of two statuses overlap the
        ground is contested."""
        status_array = np.array(self.statuses)
        union = {s: shapely.union_all(self.projected[status_array == s]) for s in vocab.STATUSES}
        if shapely.coverage_is_valid(self.projected):
            # No two areas overlap (the usual export): the unions are the answer, and the
            # overlays below, slow along a long shared front line, are not needed.
            return union
        contested = shapely.union(
            union["contested"], shapely.intersection(union["russian"], union["ukrainian"])
        )
        return {
            "russian": shapely.difference(
                union["russian"], shapely.union(union["ukrainian"], contested)
            ),
            "ukrainian": shapely.difference(
                union["ukrainian"], shapely.union(union["russian"], contested)
            ),
            "contested": contested,
        }

    @cached_property
    def display(self) -> dict:
        """A FeatureCollection of simplified areas, one feature per status, for drawing."""
        status_array = np.array(self.statuses)
        merged = {
            s: shapely.geometry.mapping(shapely.union_all(np.array(self.areas)[status_array == s]))
            for s in vocab.STATUSES
            if s in self.statuses
        }
        simple = display_shapes(merged, DISPLAY_TOLERANCE_DEGREES, digits=4)
        return {
            "type": "FeatureCollection",
            "features": [
                {"type": "Feature", "geometry": g, "properties": {"status": s}}
                for s, g in simple.items()
            ],
        }

    def areas_km2(self) -> dict[str, float]:
        return {s: float(shapely.area(part)) / 1e6 for s, part in self.parts.items()}


@dataclass(frozen=True)
class ControlSet:
    """The snapshots of a folder (or of uploaded files), oldest first, and what was wrong."""

    snapshots: tuple[Snapshot, ...] = ()
    problems: tuple[Problem, ...] = ()
    source: str = ""
    mapping: Mapping = field(default_factory=Mapping)

    @cached_property
    def dates(self) -> list[dt.date]:
        return [s.date for s in self.snapshots]


def snapshot_as_of(control: ControlSet, day: dt.date) -> Snapshot | None:
    """The latest snapshot dated on or before the day; None when there is none yet."""
    index = bisect.bisect_right(control.dates, day)
    return control.snapshots[index - 1] if index else None


def _date_value(raw: object, where: str) -> dt.date:
    text = str(raw).strip()
    try:
        if len(text) == 10:
            return dt.date.fromisoformat(text)
        return dt.datetime.fromisoformat(text).date()
    except ValueError:
        raise FeatureError(where, f"{text[:40]!r} is not an ISO date (YYYY-MM-DD)") from None


def _snapshot_date(name: str, collection: dict, mapping: Mapping, today: dt.date) -> tuple:
    """The snapshot's date and a key ordering snapshots of the same date."""
    key = mapping.date_property
    stated = collection.get(key)
    if stated is None and isinstance(collection.get("properties"), dict):
        stated = collection["properties"].get(key)
    in_name = _DATE_IN_NAME.search(name)
    named = None
    if in_name:
        try:
            named = dt.date.fromisoformat(in_name.group(1))
        except ValueError:
            raise FeatureError("file name", f"{in_name.group(1)!r} is not a real date") from None
    day = _date_value(stated, key) if stated is not None else named
    if day is None:
        raise FeatureError(
            "date",
            f"no date: put YYYY-MM-DD in the file name or a top-level property {key!r}",
        )
    if named is not None and day != named:
        raise FeatureError(key, f"{day} differs from the date {named} in the file name")
    if day < EARLIEST_DATE:
        raise FeatureError(key, f"{day} is before {EARLIEST_DATE}")
    if day > today:
        raise FeatureError(key, f"{day} is in the future")
    time_of_day = in_name.group(2, 3) if in_name and in_name.group(2) else ("", "")
    return day, (*time_of_day, name)


def read_snapshot(
    name: str, raw: bytes, mapping: Mapping, *, today: dt.date | None = None
) -> tuple[Snapshot | None, list[Problem]]:
    """One snapshot file; None when the file as a whole is unusable."""
    problems: list[Problem] = []
    try:
        collection = json.loads(raw.decode("utf-8-sig"))
    except UnicodeDecodeError as err:
        return None, [Problem(name, 0, "-", f"is not UTF-8 text (byte {err.start})")]
    except json.JSONDecodeError as err:
        return None, [Problem(name, err.lineno, "-", f"is not valid JSON: {err.msg}")]
    except RecursionError:
        return None, [Problem(name, 1, "-", "is nested too deeply to be GeoJSON")]
    if not isinstance(collection, dict) or collection.get("type") != "FeatureCollection":
        return None, [Problem(name, 1, "type", "is not a GeoJSON FeatureCollection")]
    features = collection.get("features")
    if not isinstance(features, list):
        return None, [Problem(name, 1, "features", "is missing or not a list")]
    try:
        day, order = _snapshot_date(name, collection, mapping, today or dt.date.today())
    except FeatureError as err:
        return None, [Problem(name, 1, err.field, err.message)]

    statuses: list[str] = []
    areas: list[shapely.Geometry] = []
    skipped = repaired = 0
    prop = mapping.status_property
    for number, feature in enumerate(features, start=1):
        where = f"feature {number}"
        try:
            if not isinstance(feature, dict) or feature.get("type") != "Feature":
                raise FeatureError("-", "is not a GeoJSON Feature")
            geometry = feature.get("geometry")
            if not isinstance(geometry, dict) or "type" not in geometry:
                raise FeatureError("geometry", "is missing")
            if geometry["type"] in NOT_AREA_TYPES:
                skipped += 1
                continue
            if geometry["type"] not in AREA_TYPES:
                raise FeatureError(
                    "geometry", f"{str(geometry['type'])[:30]!r} is not a Polygon or MultiPolygon"
                )
            properties = feature.get("properties") or {}
            value = properties.get(prop) if isinstance(properties, dict) else None
            if value is None or not str(value).strip():
                raise FeatureError(prop, "is missing; it holds the status (see the mapping)")
            outcome = mapping.classify(str(value))
            if outcome == (SKIP,):
                skipped += 1
                continue
            if len(outcome) != 1:
                matched = f"matches {', '.join(outcome)}" if outcome else "matches no status"
                raise FeatureError(
                    prop,
                    f"{str(value)[:60]!r} {matched}; the mapping must give it exactly one "
                    f"of: {', '.join(OUTCOMES)}",
                )
            shape, was_repaired = area_of(geometry)
        except FeatureError as err:
            problems.append(Problem(name, 0, f"{where}: {err.field}", err.message))
            continue
        statuses.append(outcome[0])
        areas.append(shape)
        repaired += was_repaired
    if not areas and len(features) > skipped:
        # Every area was refused: an empty map would read as "all unmapped" (or all
        # `outside`), contradicting the claims with what the file never said.
        problems.append(
            Problem(
                name,
                1,
                "features",
                "no area could be read; the snapshot is left out (see the problems above)",
            )
        )
        return None, problems
    snapshot = Snapshot(
        date=day,
        source=name,
        statuses=tuple(statuses),
        areas=tuple(areas),
        outside=mapping.outside,
        skipped=skipped,
        repaired=repaired,
        order=order,
    )
    return snapshot, problems


def _is_mapping(name: str) -> bool:
    return name in MAPPING_FILES


def _is_snapshot(name: str) -> bool:
    return not name.startswith(".") and name.lower().endswith(SNAPSHOT_SUFFIXES)


def load_control_files(
    files: Iterable[tuple[str, bytes]], *, source: str, today: dt.date | None = None
) -> ControlSet:
    """Snapshots from (file name, content) pairs, such as uploaded files; a mapping file among
    them applies to all. Other files are ignored."""
    named = dict(sorted(files))
    problems: list[Problem] = []
    mapping = Mapping()
    mapping_names = [n for n in MAPPING_FILES if n in named]
    if len(mapping_names) > 1:
        problems.append(
            Problem(mapping_names[1], 0, "-", f"is ignored: {mapping_names[0]} is used")
        )
    if mapping_names:
        label = mapping_names[0]
        try:
            text = named[label].decode("utf-8-sig")
        except UnicodeDecodeError:
            text = None
            problems.append(Problem(label, 0, "-", "is not UTF-8 text"))
        found, mapping_problems = parse_mapping(text, label) if text is not None else (None, [])
        problems += mapping_problems
        if found is None:
            problems.append(Problem(label, 0, "-", "no snapshot is loaded until it is fixed"))
            return ControlSet(problems=tuple(problems), source=source)
        mapping = found

    by_date: dict[dt.date, Snapshot] = {}
    for name, raw in named.items():
        if _is_mapping(name) or not _is_snapshot(name):
            continue
        snapshot, file_problems = read_snapshot(name, raw, mapping, today=today)
        problems += file_problems
        if snapshot is None:
            continue
        kept = by_date.get(snapshot.date)
        if kept is not None:
            # One map per day: the later one (time in the name, else name order) is used.
            earlier, later = sorted((kept, snapshot), key=lambda s: s.order)
            problems.append(
                Problem(
                    earlier.source,
                    1,
                    "date",
                    f"{snapshot.date} is also the date of {later.source}, which is used instead",
                )
            )
            snapshot = later
        by_date[snapshot.date] = snapshot
    return ControlSet(
        snapshots=tuple(by_date[d] for d in sorted(by_date)),
        problems=tuple(problems),
        source=source,
        mapping=mapping,
    )


def _folder_files(folder: Path) -> list[Path]:
    return sorted(
        p for p in folder.iterdir() if p.is_file() and (_is_mapping(p.name) or _is_snapshot(p.name))
    )


def folder_signature(folder: Path | str) -> tuple:
    """Names, sizes and modification times of a folder's control files: an edit changes it,
    so it keys a cache of load_control_folder."""
    root = Path(folder)
    try:
        files = _folder_files(root)
    except OSError:
        return ()
    stamps = []
    for path in files:
        try:
            info = path.stat()
        except OSError:
            continue
        stamps.append((path.name, info.st_mtime_ns, info.st_size))
    return tuple(stamps)


def default_control_dir() -> Path | None:
    """$FRONTLINE_CONTROL_DIR, or None: control maps are the user's own, none is bundled."""
    configured = os.environ.get(CONTROL_DIR_ENV, "").strip()
    return Path(configured) if configured else None


def load_control_folder(folder: Path | str, *, today: dt.date | None = None) -> ControlSet:
    root = Path(folder)
    try:
        paths = _folder_files(root)
    except OSError as err:
        reason = "is not a folder" if root.exists() else "does not exist"
        return ControlSet(
            problems=(Problem(str(root), 0, "-", f"{reason} ({err.strerror or err})"),),
            source=str(root),
        )
    files: list[tuple[str, bytes]] = []
    problems: list[Problem] = []
    for path in paths:
        try:
            files.append((path.name, path.read_bytes()))
        except OSError as err:
            problems.append(Problem(path.name, 0, "-", f"cannot be read: {err.strerror or err}"))
    loaded = load_control_files(files, source=str(root), today=today)
    if not problems:
        return loaded
    return ControlSet(
        loaded.snapshots, tuple(problems) + loaded.problems, loaded.source, loaded.mapping
    )
