"""GeoConfirmed exports: the JSON placemarks (`id, date, coordinates [lat, lon], name,
description, originalSource, geolocation`, as a list, under a key, or in the older
`mapDataFolders[].mapDataPlacemarks[]`) and the KML export (Placemarks with a name, an HTML
description and a Point).

A placemark is geolocated footage: evidence of an event at a point, not of who holds the
place, so every claim states no control. Its event is the first one its name or description
names (shelled, struck, fighting, attacked); a placemark naming none is left out (counted).
GeoConfirmed is the claimant; the location is verified, so "confirmed". A placemark's name
is a title, not a place: the place is the gazetteer's within reach of its coordinates that
the title or description names, else the nearest (see places.py).
"""

from __future__ import annotations

import datetime as dt
import html
import re
from collections.abc import Iterator, Sequence
from pathlib import Path

from defusedxml import DefusedXmlException, ElementTree

from frontline.importers.credits import CREDITS
from frontline.importers.model import (
    ImportedClaim,
    ImportReport,
    Provenance,
    ReadContext,
    checked,
    content_id,
    event_in_text,
    stable_id,
)
from frontline.importers.reading import (
    FileFault,
    RowFault,
    json_items,
    kind_for,
    number,
    open_bytes,
    read_json,
)

DATASET = "GeoConfirmed"
URL_PATTERN = re.compile(r"https?://[^\s<>\"',]+")
MONTHS = {
    m: i
    for i, m in enumerate(
        ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"), 1
    )
}
DATE_ISO = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")
DATE_WORDS = re.compile(
    r"\b(\d{1,2}) ?(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]* ?"
    r"(\d{4})\b",
    re.IGNORECASE,
)
# Ukraine lies within these bounds; no latitude there is a longitude there, which tells the
# order of a coordinate pair (the older API wrote [lon, lat]).
UKRAINE_LATITUDES, UKRAINE_LONGITUDES = (44.0, 52.5), (22.0, 40.5)


def read(
    paths: Sequence[Path], report: ImportReport, context: ReadContext
) -> Iterator[ImportedClaim]:
    for path in paths:
        report.start_file(path)
        label = str(path)
        kind = kind_for(path, label, "geoconfirmed", report)
        if kind == "kml":
            placemarks = _kml_placemarks(path, label, report)
        elif kind == "geoconfirmed-json":
            placemarks = _json_placemarks(path, label, report)
        else:
            continue
        for number_in_file, placemark in placemarks:
            report.rows_read += 1
            provenance = Provenance(DATASET, label, number_in_file, "item", CREDITS["geoconfirmed"])
            try:
                claim = _claim(placemark, provenance)
            except RowFault as fault:
                report.problem(label, number_in_file, fault.field, fault.message)
                continue
            if claim is None:
                report.skip("GeoConfirmed placemark naming no military event")
            elif (valid := checked(claim, report, context.today)) is not None:
                yield valid


def _json_placemarks(path: Path, label: str, report: ImportReport) -> Iterator[tuple[int, dict]]:
    data = read_json(path, label, report)
    if data is None:
        return
    items = json_items(data, ("placemarks", "items", "data"))
    if items is None and isinstance(data, dict) and isinstance(data.get("mapDataFolders"), list):
        items = [
            p
            for folder in data["mapDataFolders"]
            if isinstance(folder, dict)
            for p in folder.get("mapDataPlacemarks") or []
        ]
    if items is None:
        report.problem(label, 1, "-", "is not a list of GeoConfirmed placemarks")
        return
    for number_in_file, item in enumerate(items, 1):
        if not isinstance(item, dict):
            report.problem(label, number_in_file, "-", "is not a placemark (an object)")
            continue
        yield number_in_file, item


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def _kml_placemarks(path: Path, label: str, report: ImportReport) -> Iterator[tuple[int, dict]]:
    """Each Placemark as a dict like the JSON's, read as the file streams past."""
    count = 0
    try:
        with open_bytes(path) as opened:
            for _event, element in ElementTree.iterparse(opened.stream, events=("end",)):
                if _local(element.tag) != "Placemark":
                    continue
                count += 1
                texts = {_local(child.tag): (child.text or "").strip() for child in element.iter()}
                yield (
                    count,
                    {
                        "id": element.get("id", ""),
                        "name": texts.get("name", ""),
                        "description": texts.get("description", ""),
                        "date": texts.get("when") or texts.get("begin", ""),
                        "kml_coordinates": texts.get("coordinates", ""),
                    },
                )
                element.clear()
                if count % 1000 == 0:
                    report.at(opened.position())
    except FileFault as err:
        report.problem(label, 0, "-", str(err))
    except ElementTree.ParseError as err:
        report.problem(label, err.position[0], "-", f"is not valid KML: {err}")
    except DefusedXmlException as err:
        report.problem(label, 0, "-", f"is refused: {err}")


def html_text(raw: str) -> str:
    """The text of an HTML description, without markup (it is shown as text, never HTML)."""
    text = re.sub(r"(?i)<br\s*/?>|</p>|</div>|</li>", "\n", raw)
    text = html.unescape(re.sub(r"<[^>]*>", "", text))
    lines = (" ".join(line.split()) for line in text.splitlines())
    return "\n".join(line for line in lines if line)


def lat_lon(first: float, second: float) -> tuple[float, float]:
    """A [lat, lon] pair as documented, unless it is plainly [lon, lat] in Ukraine."""

    def within(value: float, bounds: tuple[float, float]) -> bool:
        return bounds[0] <= value <= bounds[1]

    if within(second, UKRAINE_LATITUDES) and within(first, UKRAINE_LONGITUDES):
        return second, first
    return first, second


def coordinates_of(placemark: dict) -> tuple[float, float]:
    if placemark.get("kml_coordinates"):
        parts = placemark["kml_coordinates"].split()[0].split(",")
        if len(parts) < 2:
            raise RowFault("coordinates", "a KML Point has longitude,latitude")
        return (
            number(parts[1], "coordinates", -90, 90),
            number(parts[0], "coordinates", -180, 180),
        )
    pair = placemark.get("coordinates")
    if not isinstance(pair, list) or len(pair) < 2:
        raise RowFault("coordinates", "is not a pair [latitude, longitude]")
    first = number(str(pair[0]), "coordinates", -180, 180)
    second = number(str(pair[1]), "coordinates", -180, 180)
    lat, lon = lat_lon(first, second)
    if not -90 <= lat <= 90:
        raise RowFault("coordinates", f"{lat} is not a latitude")
    return lat, lon


def date_of(placemark: dict, text: str) -> dt.date:
    raw = str(placemark.get("date") or "").strip()
    if raw:
        try:
            return dt.date.fromisoformat(raw[:10])
        except ValueError:
            raise RowFault("date", f"{raw[:30]!r} is not a date (YYYY-MM-DD...)") from None
    if found := DATE_ISO.search(text):
        return dt.date(int(found.group(1)), int(found.group(2)), int(found.group(3)))
    if found := DATE_WORDS.search(text):
        month = MONTHS[found.group(2)[:3].lower()]
        return dt.date(int(found.group(3)), month, int(found.group(1)))
    raise RowFault("date", "no date: neither a date field nor a date in the name or description")


def _claim(placemark: dict, provenance: Provenance) -> ImportedClaim | None:
    name = html_text(str(placemark.get("name") or ""))
    description = html_text(str(placemark.get("description") or ""))
    event = event_in_text(f"{name}\n{description}")
    if event is None:
        return None
    lat, lon = coordinates_of(placemark)
    try:
        day = date_of(placemark, f"{name}\n{description}")
    except ValueError:
        raise RowFault("date", "names a day that does not exist") from None
    sources = " ".join(
        str(placemark.get(key) or "") for key in ("originalSource", "geolocation", "description")
    )
    urls = URL_PATTERN.findall(sources)
    row_id = str(placemark.get("id") or "").strip()
    claim_id = (
        stable_id("geoconfirmed", row_id)
        if row_id
        else content_id("geoconfirmed", (name, f"{lat:.5f}", f"{lon:.5f}", str(day)))
    )
    passage = "\n".join(part for part in (name, description) if part)
    return ImportedClaim(
        claim_id=claim_id,
        source_row_id=row_id or claim_id,
        place="",  # a placemark's name is a title, not a place: matched by its coordinates
        lat=lat,
        lon=lon,
        location_precision="exact",
        geonames_id=None,
        date=day,
        date_end=day,
        date_precision="day",
        status="",
        event=event,
        certainty="confirmed",
        claimant=DATASET,
        passage=passage,
        has_passage=bool(passage),
        source_url=urls[0] if urls else "",
        provenance=provenance,
    )
