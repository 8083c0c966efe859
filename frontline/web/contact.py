"""An estimated line of contact as of a date, from places and who holds them.

Given places with a status (such as the few hundred in Wikipedia's list of towns by control
at a date), each point of Ukraine is given the status of its nearest listed place: the
Voronoi cells of the places, clipped to the country's outline and dissolved by status. The
line is where the Ukrainian-held cells meet the Russian-held ones; contested cells are an
area of their own (where they lie between the two, the line has a gap that they fill). It is
an estimate from a list of places, not a surveyed front line, and every label says so.

Cells are computed in the equal-area projection of frontline.control, where "nearest" is
true distance. Voronoi cells tile the plane exactly, so dissolving them is a coverage union
(no overlay) and the whole estimate takes a few milliseconds for 600 places
(benchmarks/contact_line.py). The caller caches the outline (ukraine_outline) and the
estimates (Estimates: by a digest of the places and their statuses, made when first asked
for or ahead of the slider, and kept as rows that the app stores in the data's .cache).
"""

from __future__ import annotations

import hashlib
import json
import math
import threading
import weakref
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field

import folium
import numpy as np
import shapely
import shapely.geometry

from frontline import vocab
from frontline.control import to_equal_area
from frontline.model import Problem
from frontline.web.leaflet import FeatureGroup, GeoJson, Tooltip, map_text

CAVEAT = "Estimated from the places in Wikipedia's list, not a surveyed front line"
LAYER_NAME = "Estimated line of contact"
PLACES_SOURCE = "places"  # what a Problem names when the caller does not say

# The outline is simplified before clipping: finer than the display tolerance, and a tenth
# of its vertices to clip against.
OUTLINE_TOLERANCE_M = 100.0
# About a few hundred metres: finer than a pixel at the zooms the map is read at.
DISPLAY_TOLERANCE_M = 300.0
DISPLAY_DIGITS = 4  # about 10 m
# Places closer together than this are one place for the cells (GEOS cannot build a cell
# for two points at the same coordinates).
SAME_POINT_M = 1.0
# The cells reach this far beyond the outline, so that every part of it is in a cell.
FRAME_MARGIN_M = 100_000.0

LINE_STYLE = {"color": "#222222", "weight": 3, "opacity": 0.9, "dashArray": "8 5"}
CONTESTED_STYLE = {
    "color": vocab.STATUS_COLOURS["contested"],
    "weight": 1,
    "opacity": 0.8,
    "fillColor": vocab.STATUS_COLOURS["contested"],
    "fillOpacity": 0.35,
}


@dataclass(frozen=True)
class Outline:
    """The country's outline in the equal-area projection, prepared for clipping, and the
    frame the cells are extended to."""

    shape: shapely.Geometry
    frame: shapely.Geometry


@dataclass(frozen=True)
class ContactEstimate:
    """The estimate as plain GeoJSON geometries in longitude/latitude (None when there is
    nothing to draw), with the number of places used per status and the places left out."""

    line: dict | None
    contested: dict | None
    counts: dict[str, int] = field(default_factory=dict)
    problems: tuple[Problem, ...] = ()

    @property
    def empty(self) -> bool:
        return self.line is None and self.contested is None


def ukraine_outline(oblast_shapes: Mapping[str, dict]) -> Outline:
    """The union of the oblasts (GeoJSON geometries, as store.boundaries loads them),
    projected and simplified. About 50-100 ms: build it once per set of shapes."""
    geometries = [shapely.geometry.shape(g) for _, g in sorted(oblast_shapes.items())]
    if not geometries:
        raise ValueError("no oblast outlines: the line of contact needs the country's outline")
    projected = to_equal_area(np.array(geometries, dtype=object))
    shape = shapely.union_all(projected).simplify(OUTLINE_TOLERANCE_M, preserve_topology=True)
    shapely.prepare(shape)
    west, south, east, north = shape.bounds
    frame = shapely.box(
        west - FRAME_MARGIN_M, south - FRAME_MARGIN_M, east + FRAME_MARGIN_M, north + FRAME_MARGIN_M
    )
    return Outline(shape=shape, frame=frame)


def _usable_places(
    places: Iterable[Sequence], source: str
) -> tuple[list[tuple[float, float, str]], list[Problem]]:
    """(lat, lon, status) of each usable place; a Problem for each that is not (numbered
    from 1 in the order given)."""
    usable, problems = [], []
    for number, place in enumerate(places, start=1):
        try:
            lat, lon, status = place
            lat, lon = float(lat), float(lon)
        except (TypeError, ValueError):
            problems.append(Problem(source, number, "-", "is not (lat, lon, status)"))
            continue
        if not (math.isfinite(lat) and -90 <= lat <= 90):
            problems.append(Problem(source, number, "lat", f"{lat!r} is not a latitude"))
        elif not (math.isfinite(lon) and -180 <= lon <= 180):
            problems.append(Problem(source, number, "lon", f"{lon!r} is not a longitude"))
        elif status not in vocab.STATUSES:
            problems.append(
                Problem(
                    source,
                    number,
                    "status",
                    f"{str(status)[:20]!r} is not one of {', '.join(vocab.STATUSES)}",
                )
            )
        else:
            usable.append((lat, lon, status))
    return usable, problems


def _merged_points(places: list[tuple[float, float, str]]) -> tuple[np.ndarray, np.ndarray]:
    """Projected points (n x 2) and a status code per point (index into vocab.STATUSES).
    Places at the same point are one; if they disagree, that point is contested."""
    lat = np.array([p[0] for p in places], dtype=float)
    lon = np.array([p[1] for p in places], dtype=float)
    points = to_equal_area(shapely.points(lon, lat))
    xy = shapely.get_coordinates(points)
    codes = np.array([vocab.STATUSES.index(p[2]) for p in places], dtype=int)
    keys, first, group = np.unique(
        np.round(xy / SAME_POINT_M), axis=0, return_index=True, return_inverse=True
    )
    merged = codes[first].copy()
    disagree = np.zeros(len(keys), dtype=bool)
    np.logical_or.at(disagree, group.ravel(), codes != merged[group.ravel()])
    merged[disagree] = vocab.STATUSES.index("contested")
    return xy[first], merged


def _status_regions(xy: np.ndarray, codes: np.ndarray, outline: Outline) -> list:
    """One (unclipped) region per status: the union of its places' Voronoi cells."""
    if len(xy) == 1:
        cells = np.array([outline.frame], dtype=object)
    else:
        diagram = shapely.voronoi_polygons(
            shapely.multipoints(xy), extend_to=outline.frame, ordered=True
        )
        cells = np.array(shapely.get_parts(diagram), dtype=object)
    return [
        shapely.coverage_union_all(cells[codes == code]) if (codes == code).any() else None
        for code in range(len(vocab.STATUSES))
    ]


def _lines(geometry) -> shapely.Geometry | None:
    """The linear parts of a geometry, merged into as few lines as they make."""
    parts = [
        p for p in shapely.get_parts(geometry) if p.geom_type in ("LineString", "MultiLineString")
    ]
    if not parts:
        return None
    merged = shapely.line_merge(shapely.union_all(parts))
    return None if merged.is_empty else merged


def _polygons(geometry) -> shapely.Geometry | None:
    parts = [p for p in shapely.get_parts(geometry) if p.geom_type in ("Polygon", "MultiPolygon")]
    if not parts:
        return None
    return shapely.union_all(parts)


def _rounded(coordinates, digits: int):
    if isinstance(coordinates[0], (int, float)):
        return [round(coordinates[0], digits), round(coordinates[1], digits)]
    return [_rounded(part, digits) for part in coordinates]


def _display(geometry, multi_type: str) -> dict | None:
    """A projected line or area as a simplified GeoJSON Multi* geometry in lon/lat."""
    if geometry is None:
        return None
    simpler = geometry.simplify(DISPLAY_TOLERANCE_M, preserve_topology=True)
    lonlat = to_equal_area(simpler, inverse=True)
    single = multi_type.removeprefix("Multi")
    parts = [p for p in shapely.get_parts(lonlat) if p.geom_type == single and not p.is_empty]
    if not parts:
        return None
    coordinates = [shapely.geometry.mapping(p)["coordinates"] for p in parts]
    return {"type": multi_type, "coordinates": _rounded(coordinates, DISPLAY_DIGITS)}


def estimate_contact(
    places: Iterable[Sequence], outline: Outline, *, source: str = PLACES_SOURCE
) -> ContactEstimate:
    """The estimated line of contact and contested area for places given as (lat, lon,
    status) with status in vocab.STATUSES. Places that are not usable are left out, each
    with a Problem naming `source`, its number in the sequence and the field. No line when
    fewer than one place each is Ukrainian- and Russian-held; no contested area without a
    contested place."""
    usable, problems = _usable_places(places, source)
    counts = {status: sum(p[2] == status for p in usable) for status in vocab.STATUSES}
    if not usable:
        return ContactEstimate(None, None, counts, tuple(problems))
    xy, codes = _merged_points(usable)
    ukrainian, russian, contested = _status_regions(xy, codes, outline)
    line = None
    if ukrainian is not None and russian is not None:
        shared = shapely.intersection(ukrainian.boundary, russian.boundary)
        line = _lines(shapely.intersection(shared, outline.shape))
    area = None
    if contested is not None:
        area = _polygons(shapely.intersection(contested, outline.shape))
    return ContactEstimate(
        line=_display(line, "MultiLineString"),
        contested=_display(area, "MultiPolygon"),
        counts=counts,
        problems=tuple(problems),
    )


def status_digest(places: Iterable[Sequence]) -> str:
    """A digest of the places and their statuses, in order: what keys their estimate (a
    record entry that changes no status reuses it; hashing several hundred tuples with
    Streamlit's hashing was slow)."""
    return hashlib.sha256(repr(list(places)).encode()).hexdigest()


ROW_FIELDS = ("digest", "line", "contested", "counts")


class Estimates:
    """The estimates over one outline by status_digest, each made once with
    estimate_contact: when first asked for (get) or ahead of the slider (make_ahead), so an
    estimate made ahead, or read back from rows(), is the one get would have made."""

    def __init__(self, outline: Callable[[], Outline], rows: Iterable[Mapping] = ()):
        """`outline` makes the outline, when an estimate is first made (a table read back
        from rows may never need it); `rows`: as rows() gave them, over that outline."""
        self._make_outline = outline
        self._outline: Outline | None = None
        self._made: dict[str, ContactEstimate] = {}
        self._kept = {row["digest"]: row for row in rows}  # read into an estimate when asked
        self._lock = threading.Lock()
        self._ahead: threading.Thread | None = None

    def get(self, places: Sequence[Sequence]) -> ContactEstimate:
        digest = status_digest(places)
        with self._lock:
            made = self._made.get(digest)
            kept = self._kept.pop(digest, None)
        if made is None:
            made = _from_row(kept) if kept else estimate_contact(places, self.outline())
            with self._lock:
                made = self._made.setdefault(digest, made)
        return made

    def outline(self) -> Outline:
        with self._lock:
            if self._outline is None:
                self._outline = self._make_outline()
            return self._outline

    def rows(self) -> list[dict]:
        """The estimates as rows of JSON text (ROW_FIELDS), to keep and give back to a new
        table over the same outline; those that left a place out are made anew each time."""
        with self._lock:
            made, kept = dict(self._made), list(self._kept.values())
        return [_row(digest, e) for digest, e in made.items() if not e.problems] + kept

    def make_ahead(
        self,
        states: Iterable[Sequence[Sequence]],
        go_on: Callable[[], bool] = lambda: True,
        done: Callable[[Estimates], object] = lambda _estimates: None,
    ) -> threading.Thread:
        """Estimate each of `states` (lists of places, taken one at a time on the thread)
        on a daemon thread, then call `done` with the table; once per table (a later call
        returns the first one's thread). Before each estimate the thread asks `go_on`
        (which may wait, to let other work go first), and stops when it says no or the
        table is no longer used."""
        with self._lock:
            if self._ahead is None:
                self._ahead = threading.Thread(
                    target=_make_ahead,
                    args=(weakref.ref(self), iter(states), go_on, done),
                    name=AHEAD_THREAD,
                    daemon=True,
                )
                self._ahead.start()
            return self._ahead

    def __len__(self) -> int:
        return len(self._made) + len(self._kept)


AHEAD_THREAD = "contact-estimates-ahead"


def _exiting() -> bool:
    # The main thread ends first when the interpreter exits; its executors (the projections'
    # thread) then refuse work, and the work ahead stops.
    return not threading.main_thread().is_alive()


def _make_ahead(table: weakref.ref, states, go_on, done) -> None:
    for places in states:
        if _exiting() or not go_on():
            return
        estimates = table()
        if estimates is None:
            return
        try:
            estimates.get(places)
        except RuntimeError:
            if _exiting():
                return
            raise
        del estimates  # held only while making one, so that a table no longer used goes
    estimates = table()
    if estimates is not None:
        done(estimates)


def _row(digest: str, estimate: ContactEstimate) -> dict:
    return {
        "digest": digest,
        "line": json.dumps(estimate.line),
        "contested": json.dumps(estimate.contested),
        "counts": json.dumps(estimate.counts),
    }


def _from_row(row: Mapping) -> ContactEstimate:
    return ContactEstimate(
        line=json.loads(row["line"]),
        contested=json.loads(row["contested"]),
        counts=json.loads(row["counts"]),
    )


def contact_layer(estimate: ContactEstimate, as_of: object = None) -> folium.FeatureGroup:
    """The estimate as a map layer: the contested area shaded (not clickable, so clicks
    reach the claims beneath) and the line dashed, with the caveat as its tooltip."""
    when = f" ({as_of})" if as_of else ""
    group = FeatureGroup(name=map_text(f"{LAYER_NAME}{when}: {CAVEAT.lower()}"))
    if estimate.contested is not None:
        GeoJson(
            {"type": "Feature", "geometry": estimate.contested, "properties": {}},
            interactive=False,
            style_function=lambda _feature: CONTESTED_STYLE,
        ).add_to(group)
    if estimate.line is not None:
        GeoJson(
            {"type": "Feature", "geometry": estimate.line, "properties": {}},
            style_function=lambda _feature: LINE_STYLE,
            tooltip=Tooltip(map_text(f"{LAYER_NAME}{when}. {CAVEAT}.")),
        ).add_to(group)
    return group
