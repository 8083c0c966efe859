"""Oblast boundaries (Natural Earth, public domain), read from the data directory."""

from __future__ import annotations

import json
from pathlib import Path

from frontline.model import Problem
from frontline.store import ISO_PATTERN, OBLAST_SHAPES_FILE

POLYGON_TYPES = ("Polygon", "MultiPolygon")


def load_oblast_shapes(data_dir: Path) -> tuple[dict[str, dict], list[Problem]]:
    """ISO 3166-2 code -> GeoJSON geometry; a missing file is not an error (no outlines)."""
    path = data_dir / OBLAST_SHAPES_FILE
    if not path.exists():
        return {}, []
    try:
        collection = json.loads(path.read_text(encoding="utf-8-sig"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as err:
        return {}, [Problem(OBLAST_SHAPES_FILE, getattr(err, "lineno", 0), "-",
                            f"is not readable GeoJSON: {err}")]
    features = collection.get("features") if isinstance(collection, dict) else None
    if not isinstance(features, list):
        return {}, [Problem(OBLAST_SHAPES_FILE, 1, "features",
                            "is missing; expected a FeatureCollection")]
    shapes: dict[str, dict] = {}
    problems: list[Problem] = []
    for number, feature in enumerate(features, start=1):
        where = f"feature {number}"
        properties = feature.get("properties") or {} if isinstance(feature, dict) else {}
        code = str(properties.get("iso_3166_2", ""))
        geometry = feature.get("geometry") if isinstance(feature, dict) else None
        if not ISO_PATTERN.match(code):
            problems.append(Problem(OBLAST_SHAPES_FILE, 0, f"{where}: iso_3166_2",
                                    f"{code[:20]!r} is not an ISO 3166-2 code like UA-63"))
        elif not isinstance(geometry, dict) or geometry.get("type") not in POLYGON_TYPES:
            problems.append(Problem(OBLAST_SHAPES_FILE, 0, f"{where}: geometry",
                                    "is not a Polygon or MultiPolygon"))
        else:
            shapes[code] = geometry
    return shapes, problems
