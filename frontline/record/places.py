"""The record's places: rows of the list told apart by name and coordinates, joined to
GeoNames where a GeoNames place of that name lies near, and given their oblast.

The rules (each stated as a constant):
- One name, points within SAME_PLACE_KM: one place. The list's coordinates for one place
  differ by well under a kilometre; different places of one name (the Andriivkas) lie tens
  of kilometres or more apart.
- Two spellings (rapidfuzz ratio >= SPELLING_SIMILARITY of the folded names, "Chornobaivka"
  and "Chornobayivka") at points within SPELLING_KM: one place.
- Two names joined to the same GeoNames place (a renamed town, "Novohrad-Volynskyi" and
  "Zviahel"): one place.
- A row without coordinates belongs to the one place of its name; if several places have
  the name, to the one whose row of the very same name stood in the snapshot just before or
  after it; else it is left out (as is a row of a name no place has).
- GeoNames: a place whose name or alternate (Cyrillic alternates romanised) folds to one of
  the row's names, within GEONAMES_KM of the list's point; the nearest if several. Joined
  places lie 0.6 km apart at the median, a city's centre up to 7 km (Horlivka); the nearest
  same-named GeoNames place of a place not joined lies 17 km away or more.
- Oblast: GeoNames' for a joined place; else the oblast polygon holding the point, else the
  nearest one within OBLAST_NEAREST_KM (points on a river bank or a coast); else none (a
  place outside Ukraine).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import numpy as np
import shapely.geometry
import shapely.ops
from rapidfuzz import fuzz

from frontline.news.gazetteer import slugify
from frontline.news.romanize import could_be_ukrainian, romanize_uk
from frontline.record.clean import KIND_AMBIGUOUS, KIND_NO_COORDINATES, all_names, cell, fold
from frontline.record.model import RowVersion

SAME_PLACE_KM = 5.0
SPELLING_KM = 1.0
SPELLING_SIMILARITY = 80
GEONAMES_KM = 8.0
OBLAST_NEAREST_KM = 50.0
EARTH_RADIUS_KM = 6371.0


def distance_km(lat1, lon1, lat2, lon2):
    """Great-circle distance (haversine); takes numbers or numpy arrays."""
    lat1, lon1, lat2, lon2 = map(np.radians, (lat1, lon1, lat2, lon2))
    a = (
        np.sin((lat2 - lat1) / 2) ** 2
        + np.cos(lat1) * np.cos(lat2) * np.sin((lon2 - lon1) / 2) ** 2
    )
    return 2 * EARTH_RADIUS_KM * np.arcsin(np.sqrt(np.minimum(a, 1.0)))


class _Union:
    def __init__(self, size: int):
        self.parent = list(range(size))

    def find(self, item: int) -> int:
        while self.parent[item] != item:
            self.parent[item] = self.parent[self.parent[item]]
            item = self.parent[item]
        return item

    def join(self, a: int, b: int) -> None:
        a, b = self.find(a), self.find(b)
        if a != b:
            self.parent[max(a, b)] = min(a, b)

    def groups(self) -> list[list[int]]:
        out: dict[int, list[int]] = defaultdict(list)
        for item in range(len(self.parent)):
            out[self.find(item)].append(item)
        return sorted(out.values())


@dataclass(frozen=True)
class GeoNamesMatch:
    geonames_id: int
    name: str
    oblast: str
    km: float


class GeoNamesIndex:
    """GeoNames places by folded name, for joining the list's rows to them."""

    def __init__(self, rows: Sequence[Mapping]):
        self.rows = list(rows)
        self.lat = np.array([row["latitude"] for row in self.rows], dtype=float)
        self.lon = np.array([row["longitude"] for row in self.rows], dtype=float)
        self.by_name: dict[str, set[int]] = defaultdict(set)
        for index, row in enumerate(self.rows):
            for name in [row["name"], *row["alternatenames"]]:
                latin = romanize_uk(name) if could_be_ukrainian(name) else name
                if key := fold(latin):
                    self.by_name[key].add(index)

    def match(self, names: Sequence[str], lat: float, lon: float) -> GeoNamesMatch | None:
        candidates = sorted(set().union(*(self.by_name.get(fold(n), set()) for n in names)))
        if not candidates:
            return None
        km = distance_km(lat, lon, self.lat[candidates], self.lon[candidates])
        best = int(np.argmin(km))
        if km[best] > GEONAMES_KM:
            return None
        row = self.rows[candidates[best]]
        return GeoNamesMatch(int(row["geonameid"]), row["name"], row["iso_3166_2"], float(km[best]))


def _coordinate_groups(versions: Sequence[RowVersion], usable: Sequence[int]) -> list[list[int]]:
    """Versions with coordinates (indices into `versions`) grouped into places."""
    located = [i for i in usable if versions[i].lat is not None and versions[i].lon is not None]
    lat = np.array([versions[i].lat for i in located])
    lon = np.array([versions[i].lon for i in located])
    names = [[fold(n) for n in all_names(versions[i].name)] for i in located]
    union = _Union(len(located))
    # Versions at the very same point with the same names are one place already.
    first_at: dict[tuple, int] = {}
    for k in range(len(located)):
        union.join(k, first_at.setdefault((lat[k], lon[k], tuple(names[k])), k))
    points = sorted(set(first_at.values()))
    for a_pos, a in enumerate(points):
        rest = np.array(points[a_pos + 1 :], dtype=int)
        if not len(rest):
            break
        km = distance_km(lat[a], lon[a], lat[rest], lon[rest])
        for b, d in zip(rest[km <= SAME_PLACE_KM], km[km <= SAME_PLACE_KM], strict=True):
            same_name = bool(set(names[a]) & set(names[b]))
            spelling = d <= SPELLING_KM and any(
                fuzz.ratio(x, y) >= SPELLING_SIMILARITY for x in names[a] for y in names[b]
            )
            if same_name or spelling:
                union.join(a, int(b))
    return [[located[k] for k in group] for group in union.groups()]


def _merge_same_geonames(
    groups: list[list[int]], matches: list[GeoNamesMatch | None]
) -> list[list[int]]:
    union = _Union(len(groups))
    first_with: dict[int, int] = {}
    for g, match in enumerate(matches):
        if match is not None:
            union.join(g, first_with.setdefault(match.geonames_id, g))
    return [sorted(i for g in merged for i in groups[g]) for merged in union.groups()]


def _place_of_unlocated(
    version: RowVersion,
    candidates: list[int],
    groups: list[list[int]],
    versions: Sequence[RowVersion],
) -> int | None:
    """The group a version without coordinates belongs to (see the module's rules)."""
    if len(candidates) == 1:
        return candidates[0]
    neighbours = [
        g
        for g in candidates
        if any(
            cell(versions[i].name) == cell(version.name)
            and (
                versions[i].last_snapshot == version.first_snapshot - 1
                or versions[i].first_snapshot == version.last_snapshot + 1
            )
            for i in groups[g]
        )
    ]
    return neighbours[0] if len(neighbours) == 1 else None


def group_places(
    versions: Sequence[RowVersion],
    usable: Sequence[int],
    order: Mapping[int, tuple],
    geonames: GeoNamesIndex,
) -> tuple[list[list[int]], list[GeoNamesMatch | None], dict[int, str]]:
    """Versions (indices) per place, each place's GeoNames match, and the kind of each
    version left out. `order` ranks versions in time (the latest gives name and point)."""
    groups = _coordinate_groups(versions, usable)
    matches = [_match(group, versions, order, geonames) for group in groups]
    groups = _merge_same_geonames(groups, matches)
    matches = [_match(group, versions, order, geonames) for group in groups]
    by_name: dict[str, set[int]] = defaultdict(set)
    for g, group in enumerate(groups):
        for i in group:
            for name in all_names(versions[i].name):
                by_name[fold(name)].add(g)
    left_out: dict[int, str] = {}
    for i in usable:
        version = versions[i]
        if version.lat is not None and version.lon is not None:
            continue
        candidates = sorted(
            set().union(*(by_name.get(fold(n), set()) for n in all_names(version.name)))
        )
        if not candidates:
            left_out[i] = KIND_NO_COORDINATES
        elif (g := _place_of_unlocated(version, candidates, groups, versions)) is None:
            left_out[i] = KIND_AMBIGUOUS
        else:
            groups[g].append(i)
    return [sorted(group) for group in groups], matches, left_out


def latest_located(
    group: Sequence[int], versions: Sequence[RowVersion], order: Mapping[int, tuple]
) -> RowVersion:
    located = [i for i in group if versions[i].lat is not None and versions[i].lon is not None]
    return versions[max(located, key=order.__getitem__)]


def _match(
    group: Sequence[int],
    versions: Sequence[RowVersion],
    order: Mapping[int, tuple],
    geonames: GeoNamesIndex,
) -> GeoNamesMatch | None:
    names = sorted({n for i in group for n in all_names(versions[i].name)})
    point = latest_located(group, versions, order)
    return geonames.match(names, point.lat, point.lon)


class OblastFinder:
    """The oblast of a point: the polygon holding it, else the nearest within reach."""

    def __init__(self, shapes: Mapping[str, Mapping]):
        self.codes = sorted(shapes)
        self.shapes = [shapely.geometry.shape(shapes[code]) for code in self.codes]
        for shape in self.shapes:
            shapely.prepare(shape)

    def find(self, lat: float, lon: float) -> str:
        point = shapely.geometry.Point(lon, lat)
        for code, shape in zip(self.codes, self.shapes, strict=True):
            if shape.contains(point):
                return code
        best_code, best_km = "", OBLAST_NEAREST_KM
        for code, shape in zip(self.codes, self.shapes, strict=True):
            near = shapely.ops.nearest_points(shape, point)[0]
            km = float(distance_km(lat, lon, near.y, near.x))
            if km <= best_km:
                best_code, best_km = code, km
        return best_code


def place_ids(
    names: Sequence[str], oblast_names: Sequence[str], points: Sequence[tuple[float, float]]
) -> list[str]:
    """Readable ids: the name's slug; for a name several places share, with the oblast's;
    if that is still shared, with the point's (two decimals of latitude and longitude)."""
    slugs = [slugify(name) for name in names]
    counts = defaultdict(int)
    for slug in slugs:
        counts[slug] += 1
    with_oblast = [
        slug if counts[slug] == 1 else f"{slug}-{slugify(oblast) if oblast else 'abroad'}"
        for slug, oblast in zip(slugs, oblast_names, strict=True)
    ]
    counts = defaultdict(int)
    for slug in with_oblast:
        counts[slug] += 1
    return [
        slug if counts[slug] == 1 else f"{slug}-{round(lat * 100)}-{round(lon * 100)}"
        for slug, (lat, lon) in zip(with_oblast, points, strict=True)
    ]
