"""Control-area maps beside the news: snapshots of who holds which area, read from the user's
own GeoJSON files, and how the claims compare with them.

A control folder holds one GeoJSON FeatureCollection per snapshot and, optionally, a mapping
file (`mapping.toml` or `mapping.json`) that says which feature property holds the status and
how its values read as russian, ukrainian or contested, which features to skip, and what
ground outside every area means. A snapshot's date comes from a top-level property of the
collection (`date` unless the mapping names another) or from `YYYY-MM-DD` in the file name
(alone or within an ISO timestamp).

Loading never raises on bad content: each problem becomes a Problem naming the file, the
feature and the property; the faulty feature (or file) is left out and the rest is kept.
Geometry is parsed once; what lookups, areas and drawing need (projected shapes, a spatial
index, the union per status, simplified outlines) is derived on first use and kept on the
snapshot. Callers cache a loaded ControlSet by `folder_signature`.

Distances and areas are taken in a Lambert azimuthal equal-area projection centred on
Ukraine: areas are exact there, and distances within the country are off by less than 0.2%.
"""

from __future__ import annotations

import bisect
import datetime as dt
import json
import os
import re
import threading
import tomllib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

import numpy as np
import pandas as pd
import pyproj
import shapely
import shapely.geometry

from frontline import vocab
from frontline.model import Problem
from frontline.store import EARLIEST_DATE
from frontline.store.boundaries import display_shapes

CONTROL_DIR_ENV = "FRONTLINE_CONTROL_DIR"
MAPPING_FILES = ("mapping.toml", "mapping.json")
SNAPSHOT_SUFFIXES = (".geojson", ".json")

# What a feature's status value can map to: a status, or "skip" (not part of the map, such as
# an occupied area outside Ukraine).
SKIP = "skip"
OUTCOMES = (*vocab.STATUSES, SKIP)
# The status of ground no area covers when the mapping does not say (outside = ...).
UNMAPPED = "unmapped"

# A mapping for exports in DeepStateMap's style, where the status is a word inside a
# bilingual `name` ("Окуповано / Occupied"), unnamed ground is Ukrainian-held, and areas
# outside Ukraine are skipped. An example to copy into a folder as mapping.toml and adjust.
DEEPSTATE_STYLE_MAPPING = """\
status_property = "name"
outside = "ukrainian"

[patterns]
russian = ['\\bокуповано\\b', '\\boccupied\\b']
ukrainian = ['\\bзвільнено\\b', '\\bliberated\\b']
contested = ['сіра зона', '\\bgr[ae]y zone\\b']
skip = ['придністров', 'transnistria']
"""

DEFAULT_STATUS_PROPERTY = "status"
DEFAULT_DATE_PROPERTY = "date"
MAPPING_KEYS = ("status_property", "date_property", "outside", "values", "patterns")

# A place's point stands for a town a few kilometres across, and a front line drawn on a map
# is not sharper than that: a point this close to another status is on the border.
DEFAULT_TOLERANCE_KM = 3.0
# A region-level claim is compared with every status holding at least this share of the
# oblast; the status holding the largest share is the oblast's status.
OBLAST_SHARE = 0.10
# Gaps between adjacent areas thinner than a few metres are digitising slivers, not ground
# outside the map: a circle around a point must leave this share uncovered to count.
SLIVER_SHARE = 0.001

EQUAL_AREA_CRS = "+proj=laea +lat_0=48.5 +lon_0=31.5 +x_0=0 +y_0=0 +datum=WGS84 +units=m +no_defs"
DISPLAY_TOLERANCE_DEGREES = 0.005  # about 400 m: finer than a pixel at the map's usual zoom

AREA_TYPES = ("Polygon", "MultiPolygon")
# Labels, arrows and lines in an export are not areas; they are counted and left out.
NOT_AREA_TYPES = ("Point", "MultiPoint", "LineString", "MultiLineString")

_DATE_IN_NAME = re.compile(r"(?<!\d)(\d{4}-\d{2}-\d{2})(?:[T_ ](\d{2})[:-]?(\d{2}))?")
_SPACES = re.compile(r"\s+")
# A group holding a repetition, itself repeated: (a+)+, (\w*\s?)*, (x|y+){2,}. Python's
# regular expressions can take exponential time on these, and a mapping may be uploaded by
# any reader of a shared dashboard.
_REPEAT = r"(?:[+*]|\{\d*,\d*\})"
_NESTED_REPEAT = re.compile(rf"\((?:[^()\\]|\\.)*{_REPEAT}(?:[^()\\]|\\.)*\){_REPEAT}")


# --- projection ------------------------------------------------------------------------------

_local = threading.local()


def _transformer(inverse: bool = False) -> pyproj.Transformer:
    # pyproj transformers must not be shared between threads; Streamlit runs one per session.
    name = "inverse" if inverse else "forward"
    found = getattr(_local, name, None)
    if found is None:
        source, target = ("EPSG:4326", EQUAL_AREA_CRS)[:: -1 if inverse else 1]
        found = pyproj.Transformer.from_crs(source, target, always_xy=True)
        setattr(_local, name, found)
    return found


def to_equal_area(geometry, *, inverse: bool = False):
    """A shapely geometry (or array of them) from lon/lat to metres in the equal-area
    projection, or back with inverse=True."""
    transformer = _transformer(inverse)

    def project(xy: np.ndarray) -> np.ndarray:
        x, y = transformer.transform(xy[:, 0], xy[:, 1])
        return np.column_stack([x, y])

    return shapely.transform(geometry, project)


# --- the mapping -----------------------------------------------------------------------------


def _fold(value: str) -> str:
    return _SPACES.sub(" ", value).strip().casefold()


@dataclass(frozen=True)
class Mapping:
    """How a folder's features read as statuses."""

    status_property: str = DEFAULT_STATUS_PROPERTY
    date_property: str = DEFAULT_DATE_PROPERTY
    outside: str | None = None  # the status of ground outside every area; None: unknown
    values: tuple[tuple[str, str], ...] = tuple((s, s) for s in vocab.STATUSES)
    patterns: tuple[tuple[str, re.Pattern], ...] = ()

    def classify(self, value: str) -> tuple[str, ...]:
        """The outcomes a property value matches: exact values (case and spacing ignored) and
        patterns (searched, case ignored). A skip wins over any status."""
        folded = _fold(value)
        hits = {o for o, v in self.values if v == folded}
        hits |= {o for o, p in self.patterns if p.search(value)}
        if SKIP in hits:
            return (SKIP,)
        return tuple(s for s in vocab.STATUSES if s in hits)


def _mapping_list(raw: object, label: str, where: str, problems: list[Problem]) -> list[str]:
    items = [raw] if isinstance(raw, str) else raw
    if not isinstance(items, list) or not all(isinstance(i, str) and i.strip() for i in items):
        problems.append(Problem(label, 0, where, "must be a text or a list of texts"))
        return []
    return items


def parse_mapping(text: str, label: str) -> tuple[Mapping | None, list[Problem]]:
    """Read a mapping file (TOML or JSON, by the label's suffix). None when the file cannot
    be read at all: snapshots would then be read wrongly, so none is loaded."""
    problems: list[Problem] = []
    try:
        raw = json.loads(text) if label.endswith(".json") else tomllib.loads(text)
    except json.JSONDecodeError as err:
        return None, [Problem(label, err.lineno, "-", f"is not valid JSON: {err.msg}")]
    except RecursionError:
        return None, [Problem(label, 1, "-", "is nested too deeply to be a mapping")]
    except tomllib.TOMLDecodeError as err:
        found = re.search(r"line (\d+)", str(err))
        line = int(found.group(1)) if found else text.count("\n") + 1  # "at end of document"
        return None, [Problem(label, line, "-", f"is not valid TOML: {err}")]
    if not isinstance(raw, dict):
        return None, [Problem(label, 1, "-", "must be a table (JSON object) of settings")]
    for key in raw:
        if key not in MAPPING_KEYS:
            problems.append(
                Problem(label, 0, key, f"unknown setting; known: {', '.join(MAPPING_KEYS)}")
            )
    settings = {}
    for key in ("status_property", "date_property"):
        if key in raw:
            if isinstance(raw[key], str) and raw[key].strip():
                settings[key] = raw[key].strip()
            else:
                problems.append(Problem(label, 0, key, "must be a property name (a text)"))
                return None, problems
    outside = raw.get("outside")
    if outside is not None and outside not in vocab.STATUSES:
        problems.append(
            Problem(label, 0, "outside", f"{outside!r} is not one of: {', '.join(vocab.STATUSES)}")
        )
        return None, problems
    rules: dict[str, list[tuple[str, object]]] = {"values": [], "patterns": []}
    for section in rules:
        table = raw.get(section, {})
        if not isinstance(table, dict):
            problems.append(Problem(label, 0, section, "must be a table of outcome = [texts]"))
            continue
        for outcome, items in table.items():
            where = f"{section}.{outcome}"
            if outcome not in OUTCOMES:
                problems.append(
                    Problem(label, 0, where, f"{outcome!r} is not one of: {', '.join(OUTCOMES)}")
                )
                continue
            for item in _mapping_list(items, label, where, problems):
                if section == "values":
                    rules[section].append((outcome, _fold(item)))
                    continue
                if _NESTED_REPEAT.search(item):
                    problems.append(
                        Problem(
                            label,
                            0,
                            where,
                            (
                                f"{item!r} repeats a group that repeats within itself "
                                "(like (a+)+), "
                                "which can take hours on a long name; write it without the nesting"
                            ),
                        )
                    )
                    continue
                try:
                    rules[section].append((outcome, re.compile(item, re.IGNORECASE)))
                except re.error as err:
                    problems.append(
                        Problem(label, 0, where, f"{item!r} is not a regular expression: {err}")
                    )
    if not rules["values"] and not rules["patterns"]:
        rules["values"] = list(Mapping.values)
    return (
        Mapping(
            **settings,
            outside=outside,
            values=tuple(rules["values"]),
            patterns=tuple(rules["patterns"]),
        ),
        problems,
    )


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


class _FeatureError(Exception):
    def __init__(self, field: str, message: str):
        super().__init__(message)
        self.field = field
        self.message = message


def _ring(coordinates: object) -> np.ndarray:
    try:
        array = np.asarray(coordinates)
    except ValueError:
        array = np.asarray([])  # ragged nesting: reported below
    if array.ndim != 2 or array.shape[1] not in (2, 3) or array.dtype.kind not in "iuf":
        raise _FeatureError(
            "geometry", "coordinates are not lists of [longitude, latitude] number pairs"
        )
    array = array[:, :2].astype(float)
    if not np.isfinite(array).all():
        raise _FeatureError("geometry", "has a coordinate that is not a finite number")
    if (np.abs(array[:, 0]) > 180).any() or (np.abs(array[:, 1]) > 90).any():
        raise _FeatureError(
            "geometry", "has a coordinate outside longitude -180..180, latitude -90..90"
        )
    if len(array) < 3:
        raise _FeatureError("geometry", "has a ring of fewer than three points")
    return array


def _polygon(rings: object) -> shapely.Polygon:
    if not isinstance(rings, list) or not rings:
        raise _FeatureError("geometry", "a polygon must be a list of rings")
    shell, *holes = (_ring(r) for r in rings)
    return shapely.Polygon(shell, holes)


def _area(geometry: dict) -> tuple[shapely.Geometry, bool]:
    """A valid (Multi)Polygon from a GeoJSON geometry, and whether it had to be repaired."""
    coordinates = geometry.get("coordinates")
    if geometry["type"] == "Polygon":
        shape = _polygon(coordinates)
    else:
        if not isinstance(coordinates, list) or not coordinates:
            raise _FeatureError("geometry", "a multipolygon must be a list of polygons")
        shape = shapely.MultiPolygon([_polygon(p) for p in coordinates])
    if shapely.is_valid(shape):
        if shapely.area(shape) == 0:
            raise _FeatureError("geometry", "encloses no area")
        return shape, False
    # Self-intersections are common in hand-drawn and exported maps; the ground they enclose
    # is clear, so they are repaired rather than lost.
    repaired = shapely.make_valid(shape)
    polygons = [
        g
        for g in shapely.get_parts(repaired)
        if shapely.get_type_id(g) in (3, 6)  # Polygon, MultiPolygon
    ]
    shape = shapely.union_all(polygons) if polygons else shapely.Polygon()
    if shapely.is_empty(shape) or shapely.area(shape) == 0:
        raise _FeatureError("geometry", "encloses no area")
    return shape, True


def _date_value(raw: object, where: str) -> dt.date:
    text = str(raw).strip()
    try:
        if len(text) == 10:
            return dt.date.fromisoformat(text)
        return dt.datetime.fromisoformat(text).date()
    except ValueError:
        raise _FeatureError(where, f"{text[:40]!r} is not an ISO date (YYYY-MM-DD)") from None


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
            raise _FeatureError("file name", f"{in_name.group(1)!r} is not a real date") from None
    day = _date_value(stated, key) if stated is not None else named
    if day is None:
        raise _FeatureError(
            "date",
            f"no date: put YYYY-MM-DD in the file name or a top-level property {key!r}",
        )
    if named is not None and day != named:
        raise _FeatureError(key, f"{day} differs from the date {named} in the file name")
    if day < EARLIEST_DATE:
        raise _FeatureError(key, f"{day} is before {EARLIEST_DATE}")
    if day > today:
        raise _FeatureError(key, f"{day} is in the future")
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
    except _FeatureError as err:
        return None, [Problem(name, 1, err.field, err.message)]

    statuses: list[str] = []
    areas: list[shapely.Geometry] = []
    skipped = repaired = 0
    prop = mapping.status_property
    for number, feature in enumerate(features, start=1):
        where = f"feature {number}"
        try:
            if not isinstance(feature, dict) or feature.get("type") != "Feature":
                raise _FeatureError("-", "is not a GeoJSON Feature")
            geometry = feature.get("geometry")
            if not isinstance(geometry, dict) or "type" not in geometry:
                raise _FeatureError("geometry", "is missing")
            if geometry["type"] in NOT_AREA_TYPES:
                skipped += 1
                continue
            if geometry["type"] not in AREA_TYPES:
                raise _FeatureError(
                    "geometry", f"{str(geometry['type'])[:30]!r} is not a Polygon or MultiPolygon"
                )
            properties = feature.get("properties") or {}
            value = properties.get(prop) if isinstance(properties, dict) else None
            if value is None or not str(value).strip():
                raise _FeatureError(prop, "is missing; it holds the status (see the mapping)")
            outcome = mapping.classify(str(value))
            if outcome == (SKIP,):
                skipped += 1
                continue
            if len(outcome) != 1:
                matched = f"matches {', '.join(outcome)}" if outcome else "matches no status"
                raise _FeatureError(
                    prop,
                    f"{str(value)[:60]!r} {matched}; the mapping must give it exactly one "
                    f"of: {', '.join(OUTCOMES)}",
                )
            shape, was_repaired = _area(geometry)
        except _FeatureError as err:
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


# --- status at places ------------------------------------------------------------------------


def statuses_at(
    snapshot: Snapshot,
    lons: Sequence[float],
    lats: Sequence[float],
    tolerance_km: float = DEFAULT_TOLERANCE_KM,
) -> list[StatusAt]:
    """What the snapshot shows at each point: the area it lies in (several statuses
    overlapping: contested; none: the mapping's outside, else UNMAPPED), and every status
    within tolerance_km of it, outside ground included."""
    outside = snapshot.outside or UNMAPPED
    points = to_equal_area(shapely.points(np.asarray(lons, float), np.asarray(lats, float)))
    tolerance = max(float(tolerance_km), 0.0) * 1000
    statuses = snapshot.statuses
    # The index gives the areas whose boxes come near; the areas themselves are prepared,
    # so testing each pair directly is much faster than a predicate inside the query.
    # A square's box is the circle's box.
    probes = shapely.buffer(points, tolerance, quad_segs=1) if tolerance > 0 else points
    pairs = snapshot.tree.query(probes)
    areas = snapshot.projected[pairs[1]]
    hits = shapely.intersects(areas, points[pairs[0]])
    close = shapely.dwithin(areas, points[pairs[0]], tolerance) if tolerance > 0 else hits
    inside: list[set[str]] = [set() for _ in points]
    near: list[list[int]] = [[] for _ in points]
    for point, area, hit, within in zip(*pairs, hits, close, strict=True):
        if hit:
            inside[point].add(statuses[area])
        if within:
            near[point].append(area)
    found = []
    for number, point in enumerate(points):
        here = inside[number]
        status = outside if not here else next(iter(here)) if len(here) == 1 else "contested"
        nearby = {status} | {statuses[a] for a in near[number]}
        if here and tolerance > 0 and _near_outside(snapshot, point, near[number], tolerance):
            nearby.add(outside)
        found.append(StatusAt(status, frozenset(nearby)))
    return found


def _near_outside(snapshot: Snapshot, point, areas: list[int], tolerance: float) -> bool:
    """Whether ground outside every area lies within the tolerance of a point inside one."""
    circle = shapely.buffer(point, tolerance, quad_segs=16)
    if shapely.contains(snapshot.projected[areas], circle).any():
        return False  # deep inside one area: no need to clip the areas to the circle
    covered = shapely.union_all(shapely.intersection(snapshot.projected[areas], circle))
    uncovered = shapely.area(shapely.difference(circle, covered))
    return uncovered > SLIVER_SHARE * shapely.area(circle)


def status_at(
    snapshot: Snapshot, lon: float, lat: float, tolerance_km: float = DEFAULT_TOLERANCE_KM
) -> StatusAt:
    return statuses_at(snapshot, [lon], [lat], tolerance_km)[0]


def area_status(snapshot: Snapshot, geometry: dict) -> StatusAt:
    """What the snapshot shows over an area (an oblast): each status's share of it, the
    largest share as its status, and every status of at least OBLAST_SHARE as nearby."""
    region = to_equal_area(shapely.geometry.shape(geometry))
    total = float(shapely.area(region))
    if total == 0:
        return StatusAt(UNMAPPED, frozenset({UNMAPPED}))
    shares = {
        s: float(shapely.area(shapely.intersection(region, part))) / total
        for s, part in snapshot.parts.items()
    }
    rest = max(0.0, 1.0 - sum(shares.values()))
    outside = snapshot.outside or UNMAPPED
    shares[outside] = shares.get(outside, 0.0) + rest
    ranked = tuple(sorted(((s, v) for s, v in shares.items() if v > 0), key=lambda i: -i[1]))
    if not ranked:
        return StatusAt(outside, frozenset({outside}))
    nearby = frozenset(s for s, v in ranked if v >= OBLAST_SHARE) | {ranked[0][0]}
    return StatusAt(ranked[0][0], nearby, ranked)


def agreement(claim_status: str, certainty: str, found: StatusAt) -> bool | None:
    """Whether a claim agrees with what the map shows at its place. A place on a border agrees
    with each status it touches; unmapped ground nearby leaves a claim undecided (None).
    A contested claim agrees with a contested area or a border; a denial agrees with any
    other status."""
    known = found.nearby - {UNMAPPED}
    if certainty == "denied":
        agrees = any(s != claim_status for s in known)
    elif claim_status == "contested":
        agrees = "contested" in known or len(known) > 1
    else:
        agrees = claim_status in known
    if agrees:
        return True
    return None if UNMAPPED in found.nearby else False


# --- claims against the maps -----------------------------------------------------------------

COMPARISON_COLUMNS = [
    "control_date",
    "control_file",
    "control_status",
    "control_nearby",
    "agrees",
    "control_note",
]


def _percent_text(shares: tuple[tuple[str, float], ...]) -> str:
    return ", ".join(f"{v:.0%} {s}" for s, v in shares)


def compare_claims(
    control: ControlSet,
    claims: pd.DataFrame,
    oblast_shapes: dict[str, dict] | None = None,
    tolerance_km: float = DEFAULT_TOLERANCE_KM,
) -> pd.DataFrame:
    """The claims (rows of timeline.claims_table) with what the control map in force on each
    claim's date shows at its place, and whether they agree (True, False, or None when the map
    cannot tell). A claim dated to a week, month or range is compared on its last day.

    A claim about a whole oblast is compared with the statuses covering its area: the largest
    share is its status, and the claim agrees with any status holding at least 10% of it."""
    count = len(claims)
    result = {c: [None] * count for c in COMPARISON_COLUMNS}
    result["control_nearby"] = [()] * count
    result["control_note"] = [""] * count
    shapes = oblast_shapes or {}
    kinds, oblasts = list(claims["kind"]), list(claims["oblast"])
    claimed, certainties = list(claims["status"]), list(claims["certainty"])
    lons, lats = claims["lon"].to_numpy(float), claims["lat"].to_numpy(float)
    days = [pd.Timestamp(day).date() for day in claims["date_end"]]

    def record(position: int, found: StatusAt, note: str) -> None:
        result["control_status"][position] = found.status
        result["control_nearby"][position] = tuple(sorted(found.nearby))
        result["agrees"][position] = agreement(claimed[position], certainties[position], found)
        result["control_note"][position] = note

    points: dict[int, list[int]] = {}  # snapshot index -> positions of claims about a point
    for position, day in enumerate(days):
        index = bisect.bisect_right(control.dates, day) - 1
        if index < 0:
            result["control_note"][position] = "no control map on or before this date"
            continue
        snapshot = control.snapshots[index]
        result["control_date"][position] = snapshot.date
        result["control_file"][position] = snapshot.source
        if kinds[position] != "oblast":
            points.setdefault(index, []).append(position)
            continue
        geometry = shapes.get(oblasts[position])
        if geometry is None:
            result["control_note"][position] = "no outline of this oblast to compare"
            continue
        found = area_status(snapshot, geometry)
        record(position, found, f"oblast: {_percent_text(found.shares)}")
    for index, rows in points.items():
        found = statuses_at(control.snapshots[index], lons[rows], lats[rows], tolerance_km)
        for position, status in zip(rows, found, strict=True):
            border = len(status.nearby) > 1
            record(position, status, f"on a border (within {tolerance_km:g} km)" if border else "")
    compared = claims.copy()
    for column in COMPARISON_COLUMNS:
        compared[column] = pd.Series(result[column], index=claims.index, dtype=object)
    return compared


def disagreements(compared: pd.DataFrame) -> pd.DataFrame:
    """The rows of compare_claims whose claim the control map contradicts."""
    return compared[compared["agrees"].map(lambda a: a is False)]


# --- area figures ----------------------------------------------------------------------------


def area_table(control: ControlSet) -> pd.DataFrame:
    """km² per status in each snapshot, and the change since the previous snapshot (NaN for
    the first). Ground outside every area is not measured: it has no outline."""
    rows = []
    for snapshot in control.snapshots:
        rows.append({"date": snapshot.date, "file": snapshot.source, **snapshot.areas_km2()})
    columns = ["date", "file", *vocab.STATUSES]
    table = pd.DataFrame(rows, columns=columns)
    for status in vocab.STATUSES:
        table[f"{status}_change"] = table[status].diff()
    return table
