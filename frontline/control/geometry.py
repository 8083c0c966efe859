"""Control-map geometry: GeoJSON areas read into valid shapely (Multi)Polygons, each fault
a FeatureError naming its field, and the equal-area projection the areas are measured in."""

from __future__ import annotations

import concurrent.futures
import os
from typing import TYPE_CHECKING

import numpy as np
import shapely

if TYPE_CHECKING:
    import pyproj

EQUAL_AREA_CRS = "+proj=laea +lat_0=48.5 +lon_0=31.5 +x_0=0 +y_0=0 +datum=WGS84 +units=m +no_defs"

AREA_TYPES = ("Polygon", "MultiPolygon")
# Labels, arrows and lines in an export are not areas; they are counted and left out.
NOT_AREA_TYPES = ("Point", "MultiPoint", "LineString", "MultiLineString")

# --- projection ------------------------------------------------------------------------------


# Projections run on one thread of their own. pyproj keeps a transformer's state per thread
# and builds it on a thread's first use (about 15 ms each way); Streamlit runs every rerun in a
# new thread, so projecting there paid that on each rerun.
def _new_projection_thread() -> concurrent.futures.ThreadPoolExecutor:
    return concurrent.futures.ThreadPoolExecutor(max_workers=1, thread_name_prefix="projection")


_projection_thread = _new_projection_thread()
_transformers: dict[bool, pyproj.Transformer] = {}


def _after_fork_in_child() -> None:
    # A forked child has none of its parent's threads: it starts its own.
    global _projection_thread
    _projection_thread = _new_projection_thread()
    _transformers.clear()


os.register_at_fork(after_in_child=_after_fork_in_child)


def _transformer(inverse: bool) -> pyproj.Transformer:
    # Only ever called on _projection_thread. pyproj is imported on the first projection: a
    # start whose line of contact comes from the data's .cache projects nothing.
    found = _transformers.get(inverse)
    if found is None:
        import pyproj

        source, target = ("EPSG:4326", EQUAL_AREA_CRS)[:: -1 if inverse else 1]
        found = _transformers[inverse] = pyproj.Transformer.from_crs(source, target, always_xy=True)
    return found


def _project(geometry, inverse: bool):
    transformer = _transformer(inverse)

    def project(xy: np.ndarray) -> np.ndarray:
        x, y = transformer.transform(xy[:, 0], xy[:, 1])
        return np.column_stack([x, y])

    return shapely.transform(geometry, project)


def to_equal_area(geometry, *, inverse: bool = False):
    """A shapely geometry (or array of them) from lon/lat to metres in the equal-area
    projection, or back with inverse=True."""
    return _projection_thread.submit(_project, geometry, inverse).result()


class FeatureError(Exception):
    def __init__(self, field: str, message: str):
        super().__init__(message)
        self.field = field
        self.message = message


def ring(coordinates: object) -> np.ndarray:
    try:
        array = np.asarray(coordinates)
    except ValueError:
        array = np.asarray([])  # ragged nesting: reported below
    if array.ndim != 2 or array.shape[1] not in (2, 3) or array.dtype.kind not in "iuf":
        raise FeatureError(
            "geometry", "coordinates are not lists of [longitude, latitude] number pairs"
        )
    array = array[:, :2].astype(float)
    if not np.isfinite(array).all():
        raise FeatureError("geometry", "has a coordinate that is not a finite number")
    if (np.abs(array[:, 0]) > 180).any() or (np.abs(array[:, 1]) > 90).any():
        raise FeatureError(
            "geometry", "has a coordinate outside longitude -180..180, latitude -90..90"
        )
    if len(array) < 3:
        raise FeatureError("geometry", "has a ring of fewer than three points")
    return array


def polygon(rings: object) -> shapely.Polygon:
    if not isinstance(rings, list) or not rings:
        raise FeatureError("geometry", "a polygon must be a list of rings")
    shell, *holes = (ring(r) for r in rings)
    return shapely.Polygon(shell, holes)


def area_of(geometry: dict) -> tuple[shapely.Geometry, bool]:
    """A valid (Multi)Polygon from a GeoJSON geometry, and whether it had to be repaired."""
    coordinates = geometry.get("coordinates")
    if geometry["type"] == "Polygon":
        shape = polygon(coordinates)
    else:
        if not isinstance(coordinates, list) or not coordinates:
            raise FeatureError("geometry", "a multipolygon must be a list of polygons")
        shape = shapely.MultiPolygon([polygon(p) for p in coordinates])
    if shapely.is_valid(shape):
        if shapely.area(shape) == 0:
            raise FeatureError("geometry", "encloses no area")
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
        raise FeatureError("geometry", "encloses no area")
    return shape, True
