"""Find a place by any of its names: the whole gazetteer (GeoNames with its alternate
spellings, the project's places, the oblasts) and the record's places.

A query and a name are compared in one search form: folded (no case, no accents), without
apostrophes, hyphens or spaces, and Cyrillic also romanised, so "Купянськ", "Куп’янськ",
"Kupyans'k" and "kupiansk" all find Kupiansk. An exact name ranks first, then a name that
starts with the query, then one that contains it; bigger places first within each.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from frontline.folding import fold
from frontline.news.gazetteer import Gazetteer
from frontline.news.romanize import is_cyrillic, romanize_uk
from frontline.record.model import RecordPlace

MIN_QUERY_LENGTH = 2
# The map's zoom when it flies to a place of this kind.
KIND_ZOOM = {"oblast": 8, "city": 11, "town": 12, "village": 13}
DEFAULT_ZOOM = 12

_NOT_SEARCHED = re.compile(r"[\s'\-.,]+")


def search_forms(text: str) -> set[str]:
    """The forms a name or query is compared in (see the module's doc)."""
    folded = _NOT_SEARCHED.sub("", fold(text))
    forms = {folded} if folded else set()
    if is_cyrillic(text):
        romanised = _NOT_SEARCHED.sub("", fold(romanize_uk(text)))
        if romanised:
            forms.add(romanised)
    return forms


@dataclass(frozen=True)
class FoundPlace:
    name: str  # the canonical English name
    oblast: str  # ISO 3166-2, or empty
    kind: str
    lat: float
    lon: float
    population: int
    place_id: str  # the map's id (news or record) when the map knows the place, else ""

    @property
    def zoom(self) -> int:
        return KIND_ZOOM.get(self.kind, DEFAULT_ZOOM)


class PlaceSearch:
    """Built once per data load; `find` is then a scan of a few tens of thousands of
    short strings."""

    def __init__(
        self,
        gazetteer: Gazetteer,
        record_places: Iterable[RecordPlace] = (),
        map_places: Iterable[str] = (),
    ):
        """map_places: the place ids the map can select (its news and record places)."""
        known = set(map_places)
        record = list(record_places)
        record_by_geonames = {p.geonames_id: p for p in record if p.geonames_id is not None}
        self._places: list[FoundPlace] = []
        self._forms: list[tuple[str, int]] = []  # (search form, index into _places)
        taken: set[str] = set()
        for entry in gazetteer.entries.values():
            linked = record_by_geonames.get(entry.geonames_id)
            place_id = entry.place_id or (linked.place_id if linked else "")
            if entry.kind == "oblast":
                place_id = ""  # the oblast itself is no marker on the map
            names = [entry.name, *entry.names, entry.name_uk, entry.name_ru]
            if linked:
                names += [linked.name, *linked.names]
                taken.add(linked.place_id)
            self._add(
                FoundPlace(
                    name=entry.name,
                    oblast=entry.oblast,
                    kind=entry.kind,
                    lat=entry.lat,
                    lon=entry.lon,
                    population=entry.population,
                    place_id=place_id if place_id in known else "",
                ),
                names,
            )
        for place in record:
            if place.place_id in taken:
                continue
            self._add(
                FoundPlace(
                    name=place.name,
                    oblast=place.oblast,
                    kind="village",
                    lat=place.lat,
                    lon=place.lon,
                    population=0,
                    place_id=place.place_id if place.place_id in known else "",
                ),
                [place.name, *place.names],
            )

    def __len__(self) -> int:
        return len(self._places)

    def _add(self, place: FoundPlace, names: Iterable[str]) -> None:
        index = len(self._places)
        self._places.append(place)
        forms = set().union(*(search_forms(n) for n in names if n))
        self._forms.extend((form, index) for form in sorted(forms))

    def find(self, query: str, limit: int = 8) -> list[FoundPlace]:
        """The places whose names match the query, best first (see the module's doc)."""
        wanted = search_forms(query)
        if not wanted or max(len(w) for w in wanted) < MIN_QUERY_LENGTH:
            return []
        best: dict[int, int] = {}  # place index -> rank (0 exact, 1 prefix, 2 inside)
        for form, index in self._forms:
            for want in wanted:
                if form == want:
                    rank = 0
                elif form.startswith(want):
                    rank = 1
                elif want in form:
                    rank = 2
                else:
                    continue
                if rank < best.get(index, 3):
                    best[index] = rank
        order = sorted(
            best,
            key=lambda i: (
                best[i],
                # A place the map can select, then the bigger, then by name.
                not self._places[i].place_id,
                -self._places[i].population,
                self._places[i].name,
            ),
        )
        return [self._places[i] for i in order[:limit]]
