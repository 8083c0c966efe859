"""Which gazetteer place an imported claim is about.

A claim's place is matched by its GeoNames id where it has one the gazetteer knows; else by
its coordinates AND its name: a gazetteer place within MATCH_RADIUS_KM whose name (or one of
its spellings) is like the claim's, at least MIN_NAME_SIMILARITY (rapidfuzz ratio, 0-100;
a long text matches a place it contains). A claim with coordinates and no place name (a
GeoConfirmed placemark) takes the place within the radius that its passage names, else the
nearest one. Anything else becomes a proposed new place, at the source's coordinates,
marked with its source. Matches are remembered per distinct (name, id, coordinates), so a
large file costs one match per place.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

import shapely.geometry
import shapely.prepared
from rapidfuzz import fuzz

from frontline.importers.model import ImportedClaim
from frontline.news.gazetteer import Entry, Gazetteer, normalise, place_kind, slugify

MATCH_RADIUS_KM = 5.0
# A new place outside every oblast's outline but this near one (in degrees, some 5 to 10 km)
# is in that oblast: the outlines are simplified at coasts and rivers.
NEAREST_OBLAST_DEGREES = 0.08
MIN_NAME_SIMILARITY = 85.0
EARTH_RADIUS_KM = 6371.0088
CELL_DEGREES = 0.1
# A name this many words longer than a gazetteer name is a title or description, in which
# the gazetteer name is looked for.
LONG_NAME_WORDS = 3


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle (haversine) distance."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(a)))


def name_similarity(name: str, entry: Entry) -> float:
    """How alike a claim's place name is to a gazetteer entry's names (0-100)."""
    wanted = normalise(name).strip()
    if not wanted:
        return 0.0
    first_part = wanted.split(",")[0].strip()
    long_text = len(wanted.split()) > LONG_NAME_WORDS
    best = 0.0
    for spelling in (entry.name, *entry.names):
        known = normalise(spelling)
        best = max(best, fuzz.ratio(wanted, known), fuzz.ratio(first_part, known))
        if long_text and len(known) >= 4:
            best = max(best, fuzz.partial_ratio(known, wanted))
    return best


@dataclass(frozen=True)
class ProposedPlace:
    """A place the gazetteer lacks, as the source gives it; the commit adds it to places.csv."""

    suggested_id: str
    name: str
    lat: float
    lon: float
    location_precision: str
    kind: str  # a guess: a place missing from GeoNames' cities500 is mostly a village
    oblast: str  # ISO 3166-2, from the oblast boundaries; '' outside them
    geonames_id: int | None
    source: str  # "ACLED, export.csv line 12"


@dataclass(frozen=True)
class PlaceMatch:
    name: str  # as the source writes it
    entry: Entry | None  # the gazetteer's place; None for a new one
    method: str  # "geonames id", "coordinates and name", "coordinates", "new"
    distance_km: float | None
    similarity: float | None
    proposed: ProposedPlace | None = None

    @property
    def is_new(self) -> bool:
        return self.entry is None


class PlaceMatcher:
    def __init__(
        self,
        gazetteer: Gazetteer,
        oblast_shapes: Mapping[str, dict] | None = None,
        *,
        radius_km: float = MATCH_RADIUS_KM,
        min_similarity: float = MIN_NAME_SIMILARITY,
    ):
        self.gazetteer = gazetteer
        # Prepared once: the oblast of each proposed place is a point-in-polygon test.
        self._shapes = [
            (code, shapely.geometry.shape(shape))
            for code, shape in sorted((oblast_shapes or {}).items())
        ]
        self._oblasts = [(code, shapely.prepared.prep(shape)) for code, shape in self._shapes]
        self.radius_km, self.min_similarity = radius_km, min_similarity
        self._cells: dict[tuple[int, int], list[Entry]] = {}
        for entry in gazetteer.entries.values():
            if entry.kind != "oblast":
                self._cells.setdefault(self._cell(entry.lat, entry.lon), []).append(entry)
        self._known: dict[tuple, PlaceMatch] = {}

    @staticmethod
    def _cell(lat: float, lon: float) -> tuple[int, int]:
        return math.floor(lat / CELL_DEGREES), math.floor(lon / CELL_DEGREES)

    def nearby(self, lat: float, lon: float) -> Iterable[tuple[float, Entry]]:
        """(distance, entry) of every gazetteer place within the radius."""
        lat_cells = math.ceil(self.radius_km / (111.0 * CELL_DEGREES))
        shrink = max(math.cos(math.radians(lat)), 0.01)
        lon_cells = math.ceil(self.radius_km / (111.0 * CELL_DEGREES * shrink))
        row, column = self._cell(lat, lon)
        for i in range(row - lat_cells, row + lat_cells + 1):
            for j in range(column - lon_cells, column + lon_cells + 1):
                for entry in self._cells.get((i, j), ()):
                    distance = distance_km(lat, lon, entry.lat, entry.lon)
                    if distance <= self.radius_km:
                        yield distance, entry

    def locate(self, geonames_id: int) -> tuple[str, float, float] | None:
        """(name, lat, lon) of a GeoNames id in the gazetteer (for sources giving only ids)."""
        entry = self.gazetteer.entries.get(f"gn:{geonames_id}")
        return None if entry is None else (entry.name, entry.lat, entry.lon)

    def match(self, claim: ImportedClaim) -> PlaceMatch:
        key = (
            claim.place.casefold(),
            claim.geonames_id,
            None if claim.lat is None else round(claim.lat, 4),
            None if claim.lon is None else round(claim.lon, 4),
        )
        found = self._known.get(key)
        if found is None:
            found = self._known[key] = self._match(claim)
        return found

    def matches(self) -> list[PlaceMatch]:
        """Every distinct place matched or proposed so far."""
        return list(self._known.values())

    def _match(self, claim: ImportedClaim) -> PlaceMatch:
        if claim.geonames_id is not None:
            entry = self.gazetteer.entries.get(f"gn:{claim.geonames_id}")
            if entry is not None:
                distance = (
                    None
                    if claim.lat is None or claim.lon is None
                    else distance_km(claim.lat, claim.lon, entry.lat, entry.lon)
                )
                return PlaceMatch(claim.place, entry, "geonames id", distance, None)
        if claim.lat is not None and claim.lon is not None:
            nearby = sorted(self.nearby(claim.lat, claim.lon), key=lambda pair: pair[0])
            if not claim.place.strip() and nearby:
                return self._unnamed(claim, nearby)
            scored = [
                (name_similarity(claim.place, entry), -distance, distance, entry)
                for distance, entry in nearby
            ]
            scored = [s for s in scored if s[0] >= self.min_similarity]
            if scored:
                similarity, _, distance, entry = max(scored, key=lambda s: (s[0], s[1]))
                return PlaceMatch(claim.place, entry, "coordinates and name", distance, similarity)
        return PlaceMatch(claim.place, None, "new", None, None, self._proposed(claim))

    def _unnamed(self, claim: ImportedClaim, nearby: list[tuple[float, Entry]]) -> PlaceMatch:
        """A claim with coordinates and no place name (a GeoConfirmed placemark): the nearby
        place its passage names, else the nearest."""
        named = [
            (name_similarity(claim.passage, entry), -distance, distance, entry)
            for distance, entry in nearby
        ]
        named = [n for n in named if n[0] >= self.min_similarity]
        if named:
            similarity, _, distance, entry = max(named, key=lambda n: (n[0], n[1]))
            return PlaceMatch(claim.place, entry, "coordinates and passage", distance, similarity)
        distance, entry = nearby[0]
        return PlaceMatch(claim.place, entry, "coordinates", distance, None)

    def _nearest_oblast(self, point: shapely.geometry.Point) -> str:
        """The oblast a point just outside the outlines belongs to (a coast, an estuary or a
        river bank the simplified boundaries cut off), within NEAREST_OBLAST_DEGREES."""
        near = [
            (shape.distance(point), code)
            for code, shape in self._shapes
            if shape.distance(point) <= NEAREST_OBLAST_DEGREES
        ]
        return min(near)[1] if near else ""

    def _proposed(self, claim: ImportedClaim) -> ProposedPlace | None:
        if claim.lat is None or claim.lon is None:
            return None
        name = claim.place.strip() or f"{claim.lat:.4f}, {claim.lon:.4f}"
        point = shapely.geometry.Point(claim.lon, claim.lat)
        oblast = next((code for code, shape in self._oblasts if shape.contains(point)), "")
        if not oblast:
            oblast = self._nearest_oblast(point)
        source = claim.provenance
        return ProposedPlace(
            suggested_id=slugify(name),
            name=name,
            lat=claim.lat,
            lon=claim.lon,
            location_precision=claim.location_precision,
            kind=place_kind(0),
            oblast=oblast,
            geonames_id=claim.geonames_id,
            source=f"{source.dataset}, {source.file} {source.unit} {source.line}",
        )
