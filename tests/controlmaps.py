"""Synthetic control maps for the tests: lon/lat boxes as GeoJSON, and a small folder in
DeepStateMap's style around Kupiansk (occupied with a grey zone on 2022-09-08, liberated on
2022-09-12), so that the seed's claim of 2022-09-10 that Ukrainian forces had entered the
town disagrees with the map of its date. Made-up shapes, not real data."""

from __future__ import annotations

import json
from pathlib import Path

from frontline.control import DEEPSTATE_STYLE_MAPPING

KUPIANSK = (37.61581, 49.71003)  # lon, lat, as in the seed gazetteer


def box(west: float, south: float, east: float, north: float, steps: int = 1) -> list:
    """A lon/lat box as one GeoJSON ring, each side cut into `steps` pieces."""
    ring = []
    for i in range(steps):
        ring.append([west + (east - west) * i / steps, south])
    for i in range(steps):
        ring.append([east, south + (north - south) * i / steps])
    for i in range(steps):
        ring.append([east - (east - west) * i / steps, north])
    for i in range(steps):
        ring.append([west, north - (north - south) * i / steps])
    return [ring + [ring[0]]]


def feature(properties: dict, rings: list, kind: str = "Polygon") -> dict:
    return {
        "type": "Feature",
        "properties": properties,
        "geometry": {"type": kind, "coordinates": rings},
    }


def collection(*features: dict, **top: object) -> bytes:
    return json.dumps({"type": "FeatureCollection", **top, "features": list(features)}).encode()


OCCUPIED_EAST = box(37.2, 49.3, 38.5, 50.3)
GREY_BAND = box(37.0, 49.3, 37.2, 50.3)
TRANSNISTRIA = box(28.9, 46.6, 29.9, 48.0)
EARLY_FILE = "deepstate-2022-09-08T21-00-00Z.geojson"
LATE_FILE = "deepstate-2022-09-12T20-30-00Z.geojson"


def deepstate_files() -> list[tuple[str, bytes]]:
    """(file name, content) of the Kupiansk folder, its mapping and a stray note included."""
    label = feature({"name": "Куп'янськ"}, list(KUPIANSK), "Point")
    early = collection(
        feature({"name": "Окуповано / Occupied"}, OCCUPIED_EAST),
        feature({"name": "Сіра зона / Grey zone"}, GREY_BAND),
        feature({"name": "Придністров'я / Transnistria (occupied)"}, TRANSNISTRIA),
        label,
    )
    late = collection(
        feature({"name": "Звільнено / Liberated"}, box(37.2, 49.3, 38.0, 50.3)),
        feature({"name": "Окуповано / Occupied"}, box(38.0, 49.3, 38.5, 50.3)),
        feature({"name": "Придністров'я / Transnistria (occupied)"}, TRANSNISTRIA),
    )
    return [
        ("mapping.toml", DEEPSTATE_STYLE_MAPPING.encode()),
        (EARLY_FILE, early),
        (LATE_FILE, late),
        ("notes.txt", b"not a snapshot; ignored"),
    ]


def write_files(folder: Path, files: list[tuple[str, bytes]]) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name, raw in files:
        (folder / name).write_bytes(raw)
    return folder
