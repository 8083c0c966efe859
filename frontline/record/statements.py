"""The list's "More information" statements as an evaluation set for the news reader.

Each item is one text of a place's "More information" cell, the first time the list showed
it, labelled from the table's own columns: the place (the row's Name and coordinates, joined
as the record's place), the status ("Held by", mapped) and the date the text states for that
status (read by textdates). Only texts that state who took or contests the place are kept.
Items are split by a hash of the place id, so that one place's texts are all in one half:
`tune` may be looked at and tuned on, `held_out` only measured.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping, Sequence

from frontline.record.clean import cell
from frontline.record.history import Observation
from frontline.record.model import PAGE_TITLE, PAGE_URL, RecordPlace
from frontline.record.textdates import latest_dated, statements

LICENCE = "CC BY-SA 3.0"
SPLITS = ("tune", "held_out")


def split_of(place_id: str) -> str:
    """`tune` or `held_out`, fixed by the place id (sha-256, so independent of Python)."""
    return SPLITS[hashlib.sha256(place_id.encode("utf-8")).digest()[0] % 2]


def statement_items(
    places: Mapping[str, RecordPlace], observations: Mapping[str, Sequence[Observation]]
) -> list[dict]:
    items = []
    for place_id in sorted(observations):
        place = places[place_id]
        seen: set[str] = set()
        for observation in observations[place_id]:
            text = cell(observation.version.more_information)
            if not text or text in seen:
                continue
            seen.add(text)
            day = observation.recorded_at.date()
            found = statements(text, day)
            if not found:
                continue
            stated = latest_dated(found, observation.status)
            items.append(
                {
                    "id": f"{place_id}@{observation.recorded_at:%Y-%m-%dT%H%MZ}",
                    "split": split_of(place_id),
                    "place_id": place_id,
                    "name": cell(observation.version.name),
                    "geonames_id": place.geonames_id,
                    "lat": round(place.lat, 6),
                    "lon": round(place.lon, 6),
                    "oblast": place.oblast,
                    "text": text,
                    "status": observation.status,
                    "held_by": cell(observation.version.held_by),
                    "date": stated.date.start.isoformat() if stated and stated.date else None,
                    "date_end": stated.date.end.isoformat() if stated and stated.date else None,
                    "date_precision": stated.date.precision if stated and stated.date else None,
                    "date_text": stated.text if stated else None,
                    "recorded_at": f"{observation.recorded_at:%Y-%m-%dT%H:%MZ}",
                    "source": f"Wikipedia, {PAGE_TITLE}, revision of {observation.revision}",
                    "url": PAGE_URL,
                    "licence": LICENCE,
                }
            )
    return items


def jsonl_text(items: Sequence[dict]) -> str:
    return "".join(json.dumps(item, ensure_ascii=False, sort_keys=True) + "\n" for item in items)
