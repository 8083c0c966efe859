"""VIINA 2.0 (Zhukov and Ayers): event reports, and the territorial control table.

Event reports come in two files joined by `event_id`: `event_info` (the headline `text`, which
is the passage, `lang`, `geonameid`, the place and coordinates, `source`, `url`) and
`event_labels` (a BERT model's labels; the binary `*_b` columns are used, or the
probabilities at 0.5 where a file has no binary columns). A report labelled t_control or
t_occupy states control for its side (a_rus / a_ukr, or a_*_init where both sides are
named): Ukrainian "recaptured", Russian "captured"; t_retreat states the other side's control
("withdrew"). Shelling, air and drone strikes, firefights, tank battles and raids state no
control. The labels are a machine's, so every event claim is "unconfirmed".

The control table (`geonameid`, `date`, `status` UA/RU/CONTESTED, the majority of Wikipedia,
DeepStateMap and ISW maps) is a record, not a report: a claim "held" is made for a place's
first row and for each row whose status differs from the place's row before it. It gives no
coordinates, so a place outside the gazetteer is left out (counted).
"""

from __future__ import annotations

import datetime as dt
import sys
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
    kind_for,
    missing_columns,
    number,
)

EVENTS_DATASET = "VIINA 2.0 events"
CONTROL_DATASET = "VIINA 2.0 territorial control"
CONTROL_CLAIMANT = "VIINA 2.0 territorial control (majority of Wikipedia, DeepStateMap and ISW)"
VIINA_URL = "https://github.com/zhukovyuri/VIINA"
INFO_COLUMNS = (
    "event_id",
    "date",
    "geonameid",
    "asciiname",
    "longitude",
    "latitude",
    "GEO_PRECISION",
    "source",
    "url",
    "text",
    "lang",
)
CONTROL_COLUMNS = ("geonameid", "date", "status")
GEO_PRECISIONS = {
    "STREET": "exact",
    "HOUSE": "exact",
    "CITY": "exact",
    "TOWN": "exact",
    "VILLAGE": "exact",
    "ADM3": "near",
    "ADM2": "district",
    "ADM1": "region",
    "COUNTRY": "country",
}
CONTROL_STATUSES = {"UA": "ukrainian", "RU": "russian", "CONTESTED": "contested"}
LANGUAGES = {"ua": "uk"}  # VIINA writes Ukrainian as "ua"; ISO 639-1 has "uk"
# Activity labels, tried in order, and the event each states (no control).
ACTIVITY = (
    ("t_artillery", "shelled"),
    ("t_airstrike", "struck"),
    ("t_uav", "struck"),
    ("t_firefight", "fighting"),
    ("t_armor", "fighting"),
    ("t_raid", "attacked"),
)
OTHER_SIDE = {"ukrainian": "russian", "russian": "ukrainian"}


def read(
    paths: Sequence[Path], report: ImportReport, context: ReadContext
) -> Iterator[ImportedClaim]:
    kinds: dict[str, list[Path]] = {"viina-info": [], "viina-labels": [], "viina-control": []}
    for path in paths:
        kind = kind_for(path, str(path), "viina", report)
        if kind is not None:
            kinds[kind].append(path)
    info, labels = kinds["viina-info"], kinds["viina-labels"]
    if info and not labels:
        report.problem(
            str(info[0]),
            1,
            "-",
            "event_info needs its event_labels file, which "
            "says what each report is about: give both",
        )
    elif labels and not info:
        report.problem(
            str(labels[0]),
            1,
            "-",
            "event_labels has no headlines or places: give its event_info file too",
        )
    elif info:
        readings: dict[str, tuple[str, str]] = {}
        for path in labels:
            report.start_file(path)
            _read_labels(path, report, readings)
        for path in info:
            report.start_file(path)
            yield from _read_events(path, report, context, readings)
    for path in kinds["viina-control"]:
        report.start_file(path)
        yield from _read_control(path, report, context)


def flag(row: dict[str, str], name: str) -> bool:
    binary = row.get(f"{name}_b")
    if binary is not None:
        return binary.strip() in ("1", "1.0", "TRUE", "True", "true")
    try:
        return float(row.get(name) or 0) >= 0.5
    except ValueError:
        return False


def reading_of(row: dict[str, str]) -> tuple[str, str] | None:
    """(status, event) that a report's labels state, or None for a report of neither control
    nor fighting, or of control with no side."""
    russian = flag(row, "a_rus_init") or (flag(row, "a_rus") and not flag(row, "a_ukr"))
    ukrainian = flag(row, "a_ukr_init") or (flag(row, "a_ukr") and not flag(row, "a_rus"))
    side = (
        "russian"
        if russian and not ukrainian
        else ("ukrainian" if ukrainian and not russian else None)
    )
    if flag(row, "t_control") or flag(row, "t_occupy"):
        if side is None:
            return None
        return side, "captured" if side == "russian" else "recaptured"
    if flag(row, "t_retreat"):
        return None if side is None else (OTHER_SIDE[side], "withdrew")
    for label, event in ACTIVITY:
        if flag(row, label):
            return "", event
    return None


def _read_labels(path: Path, report: ImportReport, readings: dict[str, tuple[str, str]]) -> None:
    label = str(path)
    try:
        with Table(path, label, report) as table:
            if "event_id" not in table.header:
                report.problem(label, 1, "event_id", "is missing: VIINA event_labels has it")
                return
            for _line, fields in table.rows():
                row = dict(zip(table.header, fields, strict=True))
                found = reading_of(row)
                if found is None:
                    report.skip("VIINA report of neither control (with a side) nor fighting")
                else:  # interned: a year of labels holds only a few distinct pairs
                    readings[row["event_id"].strip()] = (sys.intern(found[0]), sys.intern(found[1]))
    except FileFault as err:
        report.problem(label, 0, "-", str(err))


def _read_events(
    path: Path, report: ImportReport, context: ReadContext, readings: dict[str, tuple[str, str]]
) -> Iterator[ImportedClaim]:
    label = str(path)
    try:
        with Table(path, label, report) as table:
            missing = missing_columns(table.header, INFO_COLUMNS)
            for name in missing:
                report.problem(label, 1, name, "is missing: VIINA event_info has it")
            if missing:
                return
            for line, fields in table.rows():
                row = dict(zip(table.header, fields, strict=True))
                found = readings.get(row["event_id"].strip())
                if found is None:
                    continue  # counted when its labels were read
                provenance = Provenance(EVENTS_DATASET, label, line, "line", CREDITS["viina"])
                try:
                    claim = _event_claim(row, found, provenance)
                except RowFault as fault:
                    report.problem(label, line, fault.field, fault.message)
                    continue
                if (valid := checked(claim, report, context.today)) is not None:
                    yield valid
    except FileFault as err:
        report.problem(label, 0, "-", str(err))


def parse_day(raw: str, field: str = "date") -> dt.date:
    try:
        return dt.datetime.strptime(raw.strip()[:8], "%Y%m%d").date()
    except ValueError:
        raise RowFault(field, f"{raw[:30]!r} is not a date (YYYYMMDD)") from None


def geonames_id(raw: str) -> int | None:
    raw = raw.strip().removesuffix(".0")
    if not raw or raw.upper() == "NA":
        return None
    if not raw.isdigit():
        raise RowFault("geonameid", f"{raw[:30]!r} is not a GeoNames id")
    return int(raw)


def _event_claim(
    row: dict[str, str], reading: tuple[str, str], provenance: Provenance
) -> ImportedClaim:
    day = parse_day(row["date"])
    text = row["text"].strip()
    event_id = row["event_id"].strip()
    language = row["lang"].strip().lower()
    return ImportedClaim(
        claim_id=stable_id("viina", event_id),
        source_row_id=event_id,
        place=row["asciiname"].strip(),
        lat=number(row["latitude"], "latitude", -90, 90),
        lon=number(row["longitude"], "longitude", -180, 180),
        location_precision=GEO_PRECISIONS.get(row["GEO_PRECISION"].strip().upper(), "near"),
        geonames_id=geonames_id(row["geonameid"]),
        date=day,
        date_end=day,
        date_precision="day",
        status=reading[0],
        event=reading[1],
        certainty="unconfirmed",
        claimant=row["source"].strip() or "VIINA",
        passage=text,
        has_passage=bool(text),
        source_url=row["url"].strip(),
        provenance=provenance,
        language=LANGUAGES.get(language, language),
        known=day,  # a report of that day's news
    )


def _read_control(
    path: Path, report: ImportReport, context: ReadContext
) -> Iterator[ImportedClaim]:
    label = str(path)
    last_status: dict[int, str] = {}  # bounded by the places of Ukraine (about 33,000)
    try:
        with Table(path, label, report) as table:
            missing = missing_columns(table.header, CONTROL_COLUMNS)
            for name in missing:
                report.problem(label, 1, name, "is missing: a VIINA control table has it")
            if missing:
                return
            for line, fields in table.rows():
                row = dict(zip(table.header, fields, strict=True))
                try:
                    claim = _control_claim(row, line, label, last_status, report, context)
                except RowFault as fault:
                    report.problem(label, line, fault.field, fault.message)
                    continue
                if claim is not None and (valid := checked(claim, report, context.today)):
                    yield valid
    except FileFault as err:
        report.problem(label, 0, "-", str(err))


def _control_claim(
    row: dict[str, str],
    line: int,
    label: str,
    last_status: dict[int, str],
    report: ImportReport,
    context: ReadContext,
) -> ImportedClaim | None:
    place_id = geonames_id(row["geonameid"])
    if place_id is None:
        raise RowFault("geonameid", "is empty")
    raw = row["status"].strip().upper()
    if raw in ("", "NA"):
        report.skip("VIINA control row without a status")
        return None
    if raw not in CONTROL_STATUSES:
        raise RowFault("status", f"{raw[:30]!r} is not UA, RU or CONTESTED")
    status = CONTROL_STATUSES[raw]
    day = parse_day(row["date"])
    if last_status.get(place_id) == status:
        report.skip("VIINA control row repeating the place's status")
        return None
    last_status[place_id] = status
    located = _location(row, place_id, context)
    if located is None:
        report.skip("VIINA control row of a place outside the gazetteer (no coordinates)")
        return None
    name, lat, lon = located
    return ImportedClaim(
        claim_id=stable_id("viina-control", f"{place_id}-{day:%Y%m%d}"),
        source_row_id=f"{place_id}/{day:%Y%m%d}",
        place=name,
        lat=lat,
        lon=lon,
        location_precision="exact",
        geonames_id=place_id,
        date=day,
        date_end=day,
        date_precision="day",
        status=status,
        event="held",
        certainty="claimed",
        claimant=CONTROL_CLAIMANT,
        passage="",
        has_passage=False,
        source_url=VIINA_URL,
        provenance=Provenance(CONTROL_DATASET, label, line, "line", CREDITS["viina"]),
        known=day,  # the table gives each day's status from that day's maps
    )


def _location(
    row: dict[str, str], place_id: int, context: ReadContext
) -> tuple[str, float, float] | None:
    """The place of a control row: its own name and coordinates (VIINA 1.0 tables have them),
    else the gazetteer's for its GeoNames id."""
    if row.get("latitude", "").strip() and row.get("longitude", "").strip():
        name = (row.get("name") or row.get("asciiname") or str(place_id)).strip()
        return (
            name,
            number(row["latitude"], "latitude", -90, 90),
            number(row["longitude"], "longitude", -180, 180),
        )
    return context.locate(place_id)
