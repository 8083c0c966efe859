"""The gazetteer the geoparser matches against: GeoNames places of Ukraine, the oblasts, and
the project's own places.

Built once from data/geonames_ua.csv, data/oblasts.csv (+ oblasts.geojson for the oblasts'
centres), data/places.csv and the record's places (data/record/record_places.csv: the
front-line villages that GeoNames' extract of places over 500 people lacks); callers keep
the result (see cached_gazetteer).
"""

from __future__ import annotations

import functools
import math
import re
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path

from rapidfuzz import fuzz

from frontline.folding import normalise
from frontline.model import Place, Problem
from frontline.news.romanize import UKRAINIAN_ONLY, could_be_ukrainian, romanize_uk
from frontline.record.load import load_record
from frontline.store import default_data_dir, load_dataset, load_geonames
from frontline.store.boundaries import load_oblast_features

# Population thresholds for the kind of a GeoNames place; GeoNames' feature codes are not in
# the extract, and a reader only needs the rough size.
CITY_POPULATION = 40_000
TOWN_POPULATION = 5_000

# How the English reports name an oblast, after its centre's name.
OBLAST_SUFFIXES = ("region", "oblast", "province")


def slugify(name: str) -> str:
    """A readable id: ASCII letters and digits joined by hyphens."""
    ascii_name = unicodedata.normalize("NFKD", romanize_uk(name)).encode("ascii", "ignore")
    return re.sub(r"[^a-z0-9]+", "-", ascii_name.decode().lower()).strip("-") or "place"


def place_kind(population: int) -> str:
    if population >= CITY_POPULATION:
        return "city"
    if population >= TOWN_POPULATION:
        return "town"
    return "village"


def canonical_name(geonames_name: str, alternates: Iterable[str]) -> tuple[str, str]:
    """(official English name, Ukrainian name) of a GeoNames place.

    The Ukrainian name is the Cyrillic alternate that can be Ukrainian and whose romanisation
    is closest to the GeoNames name (GeoNames also lists Russian and historical names, such as
    Sichoslav for Dnipro); it must also be close to one of the Latin names. Without such an
    alternate the GeoNames name stands.
    """
    alternates = list(alternates)
    latin = [geonames_name.lower()] + [a.lower() for a in alternates if a.isascii()]
    best: tuple[float, int, str] | None = None
    for candidate in alternates:
        if not could_be_ukrainian(candidate):
            continue
        romanised = romanize_uk(candidate).lower()
        if max(fuzz.ratio(romanised, name) for name in latin) < 75:
            continue
        # Closest to the main name first; then a spelling with Ukrainian-only letters.
        rank = (
            fuzz.ratio(romanised, latin[0]),
            1 if UKRAINIAN_ONLY.intersection(candidate) else 0,
            candidate,
        )
        if best is None or rank > best:
            best = rank
    if best is None:
        return geonames_name, ""
    return romanize_uk(best[2]), best[2]


@dataclass(frozen=True)
class Entry:
    """A place the geoparser can find: a GeoNames place or an oblast."""

    key: str  # "gn:<geonameid>", "oblast:<ISO code>", or "place:<place id>" (no GeoNames id)
    name: str  # canonical English name
    kind: str
    oblast: str  # ISO 3166-2
    lat: float
    lon: float
    population: int = 0
    geonames_id: int | None = None
    names: tuple[str, ...] = ()  # every spelling to match, as written
    name_uk: str = ""
    name_ru: str = ""
    place_id: str = ""  # the id in places.csv, when the project already has the place
    in_record: bool = False  # the record lists it: a place whose control changed in the war


@dataclass
class Gazetteer:
    entries: dict[str, Entry] = field(default_factory=dict)
    by_name: dict[str, list[str]] = field(default_factory=dict)  # normalised name -> keys
    oblasts: dict[str, str] = field(default_factory=dict)  # ISO code -> English name
    places: dict[str, Place] = field(default_factory=dict)  # the project's places.csv
    problems: list[Problem] = field(default_factory=list)  # rows of the sources left out

    def add(self, entry: Entry) -> None:
        self.entries[entry.key] = entry
        for name in entry.names:
            keys = self.by_name.setdefault(normalise(name), [])
            if entry.key not in keys:
                keys.append(entry.key)

    def candidates(self, name: str) -> list[Entry]:
        return [self.entries[k] for k in self.by_name.get(normalise(name), ())]

    def oblast_entry(self, code: str) -> Entry | None:
        return self.entries.get(f"oblast:{code}")


def matchable(name: str) -> bool:
    """Whether a GeoNames alternate is worth matching: real names start with a capital;
    the lower-case ones are machine romanisations of other scripts, and short capitals are
    airport codes (HRK, IEV)."""
    name = name.strip()
    if len(name) < 3 or not name[0].isupper():
        return False
    return not (name.isupper() and len(name) <= 4)


def _geonames_entries(
    rows: Iterable[Mapping], places_by_geonames: Mapping[int, Place]
) -> Iterable[Entry]:
    """Entries from the rows of store.load_geonames."""
    for row in rows:
        geonames_id, alternates = row["geonameid"], row["alternatenames"]
        name, name_uk = canonical_name(row["name"], alternates)
        population = row["population"]
        names = {n for n in [row["name"], name, *alternates] if matchable(n)}
        known = places_by_geonames.get(geonames_id)
        if known is not None:
            names.update(n for n in [known.name, *known.alt_names] if matchable(n))
        yield Entry(
            key=f"gn:{geonames_id}",
            name=known.name if known else name,
            kind=known.kind if known else place_kind(population),
            oblast=row["iso_3166_2"],
            lat=known.lat if known else row["latitude"],
            lon=known.lon if known else row["longitude"],
            population=population,
            geonames_id=geonames_id,
            names=tuple(sorted(names)),
            name_uk=(known.name_uk if known and known.name_uk else name_uk),
            name_ru=known.name_ru if known else "",
            place_id=known.place_id if known else "",
        )


def _own_entry(place: Place) -> Entry:
    """A place of places.csv that the GeoNames extract lacks (added by hand, or the extract
    is damaged): still found in new articles, by its own spellings."""
    key = f"gn:{place.geonames_id}" if place.geonames_id is not None else f"place:{place.place_id}"
    return Entry(
        key=key,
        name=place.name,
        kind=place.kind,
        oblast=place.oblast,
        lat=place.lat,
        lon=place.lon,
        population=place.population or 0,
        geonames_id=place.geonames_id,
        names=tuple(sorted(n for n in [place.name, *place.alt_names] if matchable(n))),
        name_uk=place.name_uk,
        name_ru=place.name_ru,
        place_id=place.place_id,
    )


SAME_PLACE_KM = 5.0


def _same_place(gazetteer: Gazetteer, name: str, lat: float, lon: float) -> Entry | None:
    """An entry of that name within a few km: the project's own place that the record also
    has (saved from an article without a GeoNames id), to be one entry, not two namesakes."""
    for entry in gazetteer.candidates(name):
        dlat, dlon = lat - entry.lat, (lon - entry.lon) * math.cos(math.radians(lat))
        if entry.kind != "oblast" and 111.2 * math.hypot(dlat, dlon) <= SAME_PLACE_KM:
            return entry
    return None


_BRACKETED = re.compile(r"(?P<base>[^()]*?)\s*\((?P<inner>[^()]+)\)\s*")


def bracketed_names(name: str) -> tuple[str, ...]:
    """A name and, when it ends in brackets, the name before them and a capitalised
    bracketed part, another name of the place ("Bile (Snake Island)"); a lower-case one
    tells the kind of place ("Topoli (village)") and is no name."""
    found = _BRACKETED.fullmatch(name)
    if found is None:
        return (name,)
    inner = found["inner"].strip()
    return (name, found["base"], *((inner,) if inner[:1].isupper() else ()))


def _record_entries(gazetteer: Gazetteer, places: Iterable) -> Iterable[Entry]:
    """The record's places (frontline.record): a place joined to GeoNames lends its names to
    that entry, or is added under its GeoNames id when the extract lacks it; one the list
    alone has is added as record:<place id>, a village."""
    for place in places:
        if not place.oblast:
            continue  # outside Ukraine
        names = tuple(
            n
            for n in {m for raw in (place.name, *place.names) for m in bracketed_names(raw)}
            if matchable(n) and "," not in n
        )
        key = f"gn:{place.geonames_id}" if place.geonames_id else f"record:{place.place_id}"
        known = gazetteer.entries.get(key) or _same_place(
            gazetteer, place.name, place.lat, place.lon
        )
        if known is not None:
            yield replace(known, names=tuple(sorted({*known.names, *names})), in_record=True)
            continue
        yield Entry(
            key=key,
            name=place.name,
            kind="village",
            oblast=place.oblast,
            lat=place.lat,
            lon=place.lon,
            geonames_id=place.geonames_id,
            names=tuple(sorted(set(names))),
            in_record=True,
        )


def ring_area_centroid(ring: list[list[float]]) -> tuple[float, float, float]:
    """(signed area, lon, lat) of a closed ring, by the shoelace formula."""
    area = cx = cy = 0.0
    for (x0, y0), (x1, y1) in zip(ring, ring[1:], strict=False):
        cross = x0 * y1 - x1 * y0
        area += cross
        cx += (x0 + x1) * cross
        cy += (y0 + y1) * cross
    if area == 0:
        return 0.0, ring[0][0], ring[0][1]
    return area / 2, cx / (3 * area), cy / (3 * area)


def polygon_centre(geometry: Mapping) -> tuple[float, float]:
    """(lat, lon) of the area centroid of a (Multi)Polygon's outer rings."""
    polygons = (
        [geometry["coordinates"]] if geometry["type"] == "Polygon" else geometry["coordinates"]
    )
    total = lon = lat = 0.0
    for polygon in polygons:
        area, x, y = ring_area_centroid(polygon[0])
        total += area
        lon += x * area
        lat += y * area
    return lat / total, lon / total


def _oblast_shapes(
    features: Mapping[str, Mapping],
) -> dict[str, tuple[tuple[float, float], str, str]]:
    """ISO code -> (centre, Ukrainian name, Russian name) from the boundaries' features."""
    return {
        code: (
            polygon_centre(f["geometry"]),
            str(f["properties"].get("name_uk", "")),
            str(f["properties"].get("name_ru", "")),
        )
        for code, f in features.items()
    }


def _cyrillic_oblast_forms(name: str) -> set[str]:
    """A Ukrainian or Russian oblast name in the cases reports use: "Донецька область",
    "Донецької області", "Донецькій області", ... "Донецкой области"."""
    adjective, _, noun = name.partition(" ")
    if noun == "область" and adjective.endswith("а") and not adjective.endswith("ая"):
        stem, endings, nouns = (
            adjective[:-1],
            ("а", "ої", "ій", "у", "ою"),
            ("область", "області", "областю"),
        )
    elif noun == "область" and adjective.endswith("ая"):
        stem, endings, nouns = (
            adjective[:-2],
            ("ая", "ой", "ую"),
            ("область", "области", "областью"),
        )
    else:
        # Not an oblast's name (Kyiv and Sevastopol have their own status): keep the long
        # ones (Автономна Республіка Крим); a one-word one is the city's name.
        return {name} if " " in name else set()
    return {f"{stem}{ending} {form}" for ending in endings for form in nouns}


# "Autonomous Republic of Crimea", "Автономна Республіка Крим": reports name it by the last
# words alone, a peninsula's name no city bears.
_REPUBLIC = re.compile(
    r"(?:Autonomous Republic of|Автономна Республіка|Автономная Республика)\s+(.+)"
)


def _republic_short_names(*names: str) -> set[str]:
    """The short names of an autonomous republic ("Crimea", "Крим", "Крым")."""
    return {m.group(1) for name in names if (m := _REPUBLIC.fullmatch(name))}


def oblast_spellings(
    name_en: str, name_local: str, centre_names: Iterable[str], name_uk: str, name_ru: str
) -> set[str]:
    """How reports name an oblast: "Donetsk region", "Donetska oblast", "Донецької області",
    after the English name and those Latin spellings of its centre city that are close to it
    (Kharkov, Lugansk, Zaporozhye; not a historical name such as Stalino)."""
    stems = {name_en} | {
        n
        for n in centre_names
        if n.isascii() and " " not in n and fuzz.ratio(n.lower(), name_en.lower()) >= 60
    }
    names = {f"{stem} {suffix}" for stem in stems for suffix in OBLAST_SUFFIXES}
    if " " in name_local:  # "Kharkivska oblast"; a one-word one is the city's name
        names.add(name_local)
    for cyrillic in (name_uk, name_ru):
        if cyrillic:
            names |= _cyrillic_oblast_forms(cyrillic)
    names |= _republic_short_names(name_en, name_uk, name_ru)
    return names


def _oblast_centre_city(gazetteer: Gazetteer, code: str, name_en: str) -> Entry | None:
    """The most populous place of the oblast that is called like it (Kharkiv for Kharkiv)."""
    same_name = [e for e in gazetteer.candidates(name_en) if e.oblast == code]
    return max(same_name, key=lambda e: e.population, default=None)


def _oblast_entries(
    gazetteer: Gazetteer,
    rows: Iterable[Mapping],
    shapes: Mapping[str, tuple[tuple[float, float], str, str]],
    places: Iterable[Place],
) -> Iterable[Entry]:
    known = {p.oblast: p for p in places if p.kind == "oblast"}
    for row in rows:
        code, name_en = row["iso_3166_2"], row["name_en"]
        (lat, lon), name_uk, name_ru = shapes.get(code, ((0.0, 0.0), "", ""))
        centre = _oblast_centre_city(gazetteer, code, name_en)
        names = oblast_spellings(
            name_en, row.get("name_local", ""), centre.names if centre else (), name_uk, name_ru
        )
        place = known.get(code)
        if place is not None:
            names.update([place.name, *place.alt_names])
            lat, lon = place.lat, place.lon
        if not (place or code in shapes):
            continue  # nowhere to draw it
        yield Entry(
            key=f"oblast:{code}",
            name=place.name if place else f"{name_en} region",
            kind="oblast",
            oblast=code,
            lat=lat,
            lon=lon,
            geonames_id=place.geonames_id if place else row.get("geonames_id"),
            names=tuple(sorted(names)),
            name_uk=(place.name_uk if place else name_uk) or name_uk,
            name_ru=(place.name_ru if place else name_ru) or name_ru,
            place_id=place.place_id if place else "",
        )


def load_gazetteer(data_dir: Path | str | None = None) -> Gazetteer:
    """Never raises on bad content: unusable rows are left out and listed in `problems`."""
    root = Path(data_dir) if data_dir is not None else default_data_dir()
    dataset = load_dataset(root)
    rows, problems = load_geonames(root, dataset.oblasts)
    features, shape_problems = load_oblast_features(root)
    gazetteer = Gazetteer(
        oblasts=dict(dataset.oblasts),
        places=dict(dataset.places),
        problems=problems + shape_problems,
    )
    by_geonames = {
        p.geonames_id: p
        for p in dataset.places.values()
        if p.geonames_id is not None and p.kind != "oblast"
    }
    for entry in _geonames_entries(rows, by_geonames):
        gazetteer.add(entry)
    in_geonames = {row["geonameid"] for row in rows}
    for place in dataset.places.values():
        if place.kind != "oblast" and place.geonames_id not in in_geonames:
            gazetteer.add(_own_entry(place))
    if (root / "record").is_dir():
        # Its problems are the record's, reported by its own loader and `frontline validate`.
        for entry in list(_record_entries(gazetteer, load_record(root).places.values())):
            gazetteer.add(entry)
    entries = _oblast_entries(
        gazetteer, dataset.oblast_rows.values(), _oblast_shapes(features), dataset.places.values()
    )
    for entry in list(entries):
        gazetteer.add(entry)
    return gazetteer


@functools.lru_cache(maxsize=4)
def _cached(root: str) -> Gazetteer:
    return load_gazetteer(root)


def cached_gazetteer(data_dir: Path | str | None = None) -> Gazetteer:
    """The gazetteer of a data directory, built once per process."""
    root = Path(data_dir) if data_dir is not None else default_data_dir()
    return _cached(str(root.resolve()))
