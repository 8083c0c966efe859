"""ACLED exports (CSV, one row per event; columns as in ACLED's codebook).

Three sub-event types carry control, the side being read from the actors: "Government
regains territory" (recaptured), "Non-state actor overtakes territory" (captured) and
"Non-violent transfer of territory" (entered); actor1 is the one that takes the place.
Battles, shelling, strikes and attacks state no control (status ''). Protests, riots and the
other strategic developments are left out, counted by sub-event type. `notes` is the
passage, `source` the claimant; ACLED codes what its sources report, so the certainty is
"claimed".
"""

from __future__ import annotations

import contextlib
import datetime as dt
import re
from collections.abc import Iterator, Sequence
from pathlib import Path

from frontline.importers.credits import CREDITS
from frontline.importers.model import (
    ImportedClaim,
    ImportReport,
    Provenance,
    ReadContext,
    checked,
    stable_id,
)
from frontline.importers.reading import (
    FileFault,
    RowFault,
    Table,
    files_of_kind,
    missing_columns,
    number,
)

DATASET = "ACLED"
REQUIRED_COLUMNS = (
    "event_id_cnty",
    "event_date",
    "sub_event_type",
    "actor1",
    "actor2",
    "location",
    "latitude",
    "longitude",
    "geo_precision",
    "source",
    "notes",
)
CONTROL_SUB_EVENTS = {
    "government regains territory": "recaptured",
    "non-state actor overtakes territory": "captured",
    "non-violent transfer of territory": "entered",
}
NO_CONTROL_SUB_EVENTS = {
    "armed clash": "fighting",
    "shelling/artillery/missile attack": "shelled",
    "air/drone strike": "struck",
    "remote explosive/landmine/ied": "attacked",
    "grenade": "attacked",
    "suicide bomb": "attacked",
    "chemical weapon": "attacked",
    "attack": "attacked",
}
GEO_PRECISIONS = {"1": "exact", "2": "near", "3": "region"}
TIME_PRECISIONS = {"": "day", "1": "day", "2": "week", "3": "month"}
DATE_FORMATS = ("%Y-%m-%d", "%d %B %Y", "%d-%B-%Y")

# Which side an ACLED actor is on, tried in order: the Russian units that fight for Ukraine
# first, as their names name Russia.
_SIDES = (
    (
        "ukrainian",
        re.compile(
            r"russian volunteer corps|freedom of russia legion|"
            r"siberian battalion",
            re.IGNORECASE,
        ),
    ),
    ("ukrainian", re.compile(r"\bukrain", re.IGNORECASE)),
    (
        "russian",
        re.compile(
            r"\brussia|wagner|novorossiya|donetsk people|luhansk people|"
            r"\b[dl]pr\b|kadyrov",
            re.IGNORECASE,
        ),
    ),
)
_OTHER_SIDE = {"ukrainian": "russian", "russian": "ukrainian"}


def actor_side(actor: str) -> str | None:
    for side, pattern in _SIDES:
        if pattern.search(actor):
            return side
    return None


def taker_side(actor1: str, actor2: str) -> str | None:
    """The side of the actor that takes the place: actor1's, else the other of actor2's."""
    side = actor_side(actor1)
    if side is None and (other := actor_side(actor2)):
        side = _OTHER_SIDE[other]
    return side


def parse_date(raw: str) -> dt.date:
    raw = raw.strip()
    if len(raw) == 10 and raw[4] == "-":  # the API's form, and the common one: no strptime
        with contextlib.suppress(ValueError):
            return dt.date.fromisoformat(raw)
    for pattern in DATE_FORMATS[1:]:
        try:
            return dt.datetime.strptime(raw, pattern).date()
        except ValueError:
            continue
    raise RowFault("event_date", f"{raw[:40]!r} is not a date (YYYY-MM-DD or 24 February 2022)")


def date_range(day: dt.date, precision: str) -> tuple[dt.date, dt.date]:
    """ACLED codes an event known to the week or month by a day within it: the middle of the
    week, the middle of the month."""
    if precision == "week":
        return day - dt.timedelta(days=3), day + dt.timedelta(days=3)
    if precision == "month":
        first = day.replace(day=1)
        following = (first.replace(day=28) + dt.timedelta(days=4)).replace(day=1)
        return first, following - dt.timedelta(days=1)
    return day, day


def read(
    paths: Sequence[Path], report: ImportReport, context: ReadContext
) -> Iterator[ImportedClaim]:
    for path, label in files_of_kind(paths, "acled", report):
        try:
            with Table(path, label, report) as table:
                missing = missing_columns(table.header, REQUIRED_COLUMNS)
                if missing:
                    for name in missing:
                        report.problem(label, 1, name, "is missing: an ACLED export has it")
                    continue
                yield from _claims(table, label, report, context)
        except FileFault as err:
            report.problem(label, 0, "-", str(err))


def _claims(
    table: Table, label: str, report: ImportReport, context: ReadContext
) -> Iterator[ImportedClaim]:
    index = {name: i for i, name in enumerate(table.header)}
    sub_event_at = index["sub_event_type"]
    for line, fields in table.rows():
        sub_event = fields[sub_event_at].strip()
        key = sub_event.lower()
        if key not in CONTROL_SUB_EVENTS and key not in NO_CONTROL_SUB_EVENTS:
            report.skip(f"ACLED sub-event type {sub_event!r} (neither control nor fighting)")
            continue
        row = dict(zip(table.header, fields, strict=True))
        try:
            claim = _claim(row, key, Provenance(DATASET, label, line, "line", CREDITS["acled"]))
        except RowFault as fault:
            report.problem(label, line, fault.field, fault.message)
            continue
        if (valid := checked(claim, report, context.today)) is not None:
            yield valid


def _claim(row: dict[str, str], sub_event: str, provenance: Provenance) -> ImportedClaim:
    event_id = row["event_id_cnty"].strip()
    if not event_id:
        raise RowFault("event_id_cnty", "is empty: each ACLED event has an id")
    if sub_event in CONTROL_SUB_EVENTS:
        event = CONTROL_SUB_EVENTS[sub_event]
        status = taker_side(row["actor1"], row["actor2"])
        if status is None:
            raise RowFault(
                "actor1",
                f"no side (Ukrainian or Russian) can be read from "
                f"{row['actor1'][:60]!r} or actor2 "
                f"{row['actor2'][:60]!r}",
            )
    else:
        event, status = NO_CONTROL_SUB_EVENTS[sub_event], ""
    precision_code = row["geo_precision"].strip()
    if precision_code not in GEO_PRECISIONS:
        raise RowFault("geo_precision", f"{precision_code[:20]!r} is not 1, 2 or 3")
    time_code = row.get("time_precision", "").strip()
    if time_code not in TIME_PRECISIONS:
        raise RowFault("time_precision", f"{time_code[:20]!r} is not 1, 2 or 3")
    date_precision = TIME_PRECISIONS[time_code]
    first, last = date_range(parse_date(row["event_date"]), date_precision)
    notes = row["notes"].strip()
    return ImportedClaim(
        claim_id=stable_id("acled", event_id),
        source_row_id=event_id,
        place=row["location"].strip(),
        lat=number(row["latitude"], "latitude", -90, 90),
        lon=number(row["longitude"], "longitude", -180, 180),
        location_precision=GEO_PRECISIONS[precision_code],
        geonames_id=None,
        date=first,
        date_end=last,
        date_precision=date_precision,
        status=status,
        event=event,
        certainty="claimed",
        claimant=row["source"].strip() or DATASET,
        passage=notes,
        has_passage=bool(notes),
        source_url="",
        provenance=provenance,
        known=_known(row.get("timestamp", "")),
    )


def _known(raw: str) -> dt.date | None:
    """The day (UTC) of ACLED's `timestamp`, the Unix time the row was last added or
    changed in ACLED; None when the export has no timestamp."""
    raw = raw.strip().removesuffix(".0")
    if not raw:
        return None
    if not raw.isdigit():
        raise RowFault("timestamp", f"{raw[:30]!r} is not a Unix time in seconds")
    try:
        return dt.datetime.fromtimestamp(int(raw), dt.UTC).date()
    except (OverflowError, OSError, ValueError):
        raise RowFault("timestamp", f"{raw[:30]!r} is not a Unix time in seconds") from None
