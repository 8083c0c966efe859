"""Oblast boundaries (Natural Earth, public domain), read from the data directory."""

from __future__ import annotations

import json
from pathlib import Path

import shapely.errors
import shapely.geometry

from frontline.model import Problem
from frontline.store import ISO_PATTERN, OBLAST_SHAPES_FILE

POLYGON_TYPES = ("Polygon", "MultiPolygon")


def load_oblast_shapes(data_dir: Path) -> tuple[dict[str, dict], list[Problem]]:
    """ISO 3166-2 code -> GeoJSON geometry; a missing file is not an error (no outlines)."""
    features, problems = load_oblast_features(data_dir)
    return {code: feature["geometry"] for code, feature in features.items()}, problems


def load_oblast_features(data_dir: Path) -> tuple[dict[str, dict], list[Problem]]:
    """ISO 3166-2 code -> the oblast's GeoJSON feature (a Polygon or MultiPolygon geometry,
    and its properties); a Problem for each feature, or the file, that cannot be used."""
    path = data_dir / OBLAST_SHAPES_FILE
    if not path.exists():
        return {}, []
    try:
        collection = json.loads(path.read_text(encoding="utf-8-sig"))
    except RecursionError:
        return {}, [Problem(OBLAST_SHAPES_FILE, 1, "-", "is nested too deeply to be GeoJSON")]
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as err:
        return {}, [
            Problem(
                OBLAST_SHAPES_FILE,
                getattr(err, "lineno", 0),
                "-",
                f"is not readable GeoJSON: {err}",
            )
        ]
    features = collection.get("features") if isinstance(collection, dict) else None
    if not isinstance(features, list):
        return {}, [
            Problem(OBLAST_SHAPES_FILE, 1, "features", "is missing; expected a FeatureCollection")
        ]
    shapes: dict[str, dict] = {}
    problems: list[Problem] = []
    for number, feature in enumerate(features, start=1):
        where = f"feature {number}"
        properties = (feature.get("properties") if isinstance(feature, dict) else None) or {}
        if not isinstance(properties, dict):
            problems.append(
                Problem(
                    OBLAST_SHAPES_FILE,
                    0,
                    f"{where}: properties",
                    f"is not an object (a {type(properties).__name__}); expected "
                    '{"iso_3166_2": "UA-63", ...}',
                )
            )
            continue
        code = str(properties.get("iso_3166_2", ""))
        geometry = feature.get("geometry") if isinstance(feature, dict) else None
        if not ISO_PATTERN.match(code):
            problems.append(
                Problem(
                    OBLAST_SHAPES_FILE,
                    0,
                    f"{where}: iso_3166_2",
                    f"{code[:20]!r} is not an ISO 3166-2 code like UA-63",
                )
            )
        elif not isinstance(geometry, dict) or geometry.get("type") not in POLYGON_TYPES:
            problems.append(
                Problem(
                    OBLAST_SHAPES_FILE, 0, f"{where}: geometry", "is not a Polygon or MultiPolygon"
                )
            )
        elif message := _unusable(geometry):
            problems.append(Problem(OBLAST_SHAPES_FILE, 0, f"{where}: geometry", message))
        else:
            shapes[code] = {"geometry": geometry, "properties": properties}
    return shapes, problems


def _is_number(value: object) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def _rings_of_pairs(geometry: dict) -> bool:
    """Whether a (Multi)Polygon's coordinates nest as GeoJSON says, down to numbers: checked
    level by level, without recursion, so that nesting 900 deep or strings where numbers go
    are refused here rather than crash shapely or the point-in-polygon test."""
    coordinates = geometry.get("coordinates")
    polygons = coordinates if geometry["type"] == "MultiPolygon" else [coordinates]
    if not isinstance(polygons, list):
        return False
    for polygon in polygons:
        if not isinstance(polygon, list):
            return False
        for ring in polygon:
            if not isinstance(ring, list):
                return False
            for position in ring:
                if not (
                    isinstance(position, list)
                    and len(position) >= 2
                    and all(_is_number(value) for value in position)
                ):
                    return False
    return True


def _unusable(geometry: dict) -> str | None:
    """Why a (Multi)Polygon cannot be drawn or measured, or None."""
    if not _rings_of_pairs(geometry):
        return "its coordinates are not rings of [longitude, latitude] pairs"
    try:
        shape = shapely.geometry.shape(geometry)
        ring_points = [len(polygon.exterior.coords) for polygon in getattr(shape, "geoms", [shape])]
    except (
        TypeError,
        ValueError,
        IndexError,
        KeyError,
        AttributeError,
        shapely.errors.ShapelyError,
    ):
        return "its coordinates are not rings of [longitude, latitude] pairs"
    if shape.is_empty or min(ring_points, default=0) < 4:
        return "has no area (a ring needs at least three corners)"
    west, south, east, north = shape.bounds
    if not (-180 <= west <= east <= 180 and -90 <= south <= north <= 90):
        return "has coordinates outside longitude -180..180 or latitude -90..90"
    return None


def _in_ring(x: float, y: float, ring: list[list[float]]) -> bool:
    """Even–odd rule: a ray to the east crosses the ring's edges an odd number of times."""
    inside = False
    for (x1, y1), (x2, y2) in zip(ring, ring[1:] + ring[:1], strict=True):
        if (y1 > y) != (y2 > y) and x < x1 + (y - y1) * (x2 - x1) / (y2 - y1):
            inside = not inside
    return inside


def point_in_geometry(lon: float, lat: float, geometry: dict) -> bool:
    """Whether a point lies in a GeoJSON Polygon or MultiPolygon (holes respected)."""
    polygons = (
        geometry["coordinates"] if geometry["type"] == "MultiPolygon" else [geometry["coordinates"]]
    )
    for rings in polygons:
        outer, holes = [p[:2] for p in rings[0]], rings[1:]
        if _in_ring(lon, lat, outer) and not any(
            _in_ring(lon, lat, [p[:2] for p in hole]) for hole in holes
        ):
            return True
    return False


def _rounded(coordinates, digits: int):
    if isinstance(coordinates[0], (int, float)):
        return [round(coordinates[0], digits), round(coordinates[1], digits)]
    return [_rounded(part, digits) for part in coordinates]


def display_shapes(
    shapes: dict[str, dict], tolerance_degrees: float = 0.01, digits: int = 3
) -> dict[str, dict]:
    """Lighter outlines for drawing: simplified to about a kilometre and rounded to about
    a hundred metres, a fifth of the full size. Exports keep the full shapes."""
    simpler = {}
    for code, geometry in shapes.items():
        outline = shapely.geometry.shape(geometry).simplify(
            tolerance_degrees, preserve_topology=True
        )
        drawn = shapely.geometry.mapping(outline)
        simpler[code] = {
            "type": drawn["type"],
            "coordinates": _rounded(drawn["coordinates"], digits),
        }
    return simpler
