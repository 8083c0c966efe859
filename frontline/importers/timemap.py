"""TimeMap JSON exports (Forensic Architecture's TimeMap, as Bellingcat's Civilian Harm in
Ukraine map downloads it): a list of events `{id, date (MM/DD/YYYY), latitude, longitude,
location, description, sources: [{id, path, description}], filters: [{key, value}]}`.

Each event is an incident of harm: it states no control. Its event is the first one its
filters or description name (shelled, struck, fighting), else "attacked". The description
is the passage, the first source's address the source; the data set's publisher is the
claimant, and as its incidents are verified before they are published, "confirmed".
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Sequence
from pathlib import Path

from frontline.importers.credits import CREDITS
from frontline.importers.model import (
    ImportedClaim,
    ImportReport,
    Provenance,
    ReadContext,
    checked,
    event_in_text,
    stable_id,
)
from frontline.importers.reading import (
    RowFault,
    files_of_kind,
    json_items,
    number,
    read_json,
)

DATASET = "TimeMap"
DEFAULT_PUBLISHER = "Bellingcat"


def read(
    paths: Sequence[Path], report: ImportReport, context: ReadContext
) -> Iterator[ImportedClaim]:
    for path, label in files_of_kind(paths, "timemap", report):
        data = read_json(path, label, report)
        if data is None:
            continue
        items = json_items(data, ("events", "data"))
        if items is None:
            report.problem(label, 1, "-", "is not a list of TimeMap events")
            continue
        for number_in_file, item in enumerate(items, 1):
            report.rows_read += 1
            provenance = Provenance(DATASET, label, number_in_file, "item", CREDITS["timemap"])
            try:
                claim = _claim(item, provenance, context.publisher or DEFAULT_PUBLISHER)
            except RowFault as fault:
                report.problem(label, number_in_file, fault.field, fault.message)
                continue
            if claim is None:
                report.skip("TimeMap event without a location")
            elif (valid := checked(claim, report, context.today)) is not None:
                yield valid


def text_of(item: dict, key: str) -> str:
    value = item.get(key)
    if value is None:
        return ""
    if not isinstance(value, str | int | float):
        raise RowFault(key, "is not text")
    return str(value).strip()


def _claim(item: object, provenance: Provenance, publisher: str) -> ImportedClaim | None:
    if not isinstance(item, dict):
        raise RowFault("-", "is not a TimeMap event (an object)")
    event_id = text_of(item, "id")
    if not event_id:
        raise RowFault("id", "is empty: each TimeMap event has an id")
    raw_date = text_of(item, "date")
    try:
        day = dt.datetime.strptime(raw_date, "%m/%d/%Y").date()
    except ValueError:
        raise RowFault("date", f"{raw_date[:30]!r} is not a date (MM/DD/YYYY)") from None
    lat_raw, lon_raw = text_of(item, "latitude"), text_of(item, "longitude")
    if not lat_raw and not lon_raw:
        return None
    description = text_of(item, "description")
    filters = item.get("filters") or []
    sources = item.get("sources") or []
    if not isinstance(filters, list) or not isinstance(sources, list):
        raise RowFault("filters", "filters and sources are lists")
    filter_text = " ".join(str(f.get("value", "")) for f in filters if isinstance(f, dict))
    paths = [str(s.get("path", "")).strip() for s in sources if isinstance(s, dict)]
    url = next((p for p in paths if p.lower().startswith(("http://", "https://"))), "")
    return ImportedClaim(
        claim_id=stable_id("timemap", event_id),
        source_row_id=event_id,
        place=text_of(item, "location"),
        lat=number(lat_raw, "latitude", -90, 90),
        lon=number(lon_raw, "longitude", -180, 180),
        location_precision="exact",
        geonames_id=None,
        date=day,
        date_end=day,
        date_precision="day",
        status="",
        event=event_in_text(f"{filter_text} {description}") or "attacked",
        certainty="confirmed",
        claimant=publisher,
        passage=description,
        has_passage=bool(description),
        source_url=url,
        provenance=provenance,
    )
