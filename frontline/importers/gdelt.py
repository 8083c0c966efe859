"""GDELT 2.0 events (the 61-column tab-separated export, no header line).

Only events about fighting over territory are kept, by their CAMEO event codes (from the
CAMEO codebook, as GDELT's CAMEO.eventcodes.txt lists them):

    192   Occupy territory                        -> captured; status: Actor1's side
    0874  Retreat or surrender militarily         -> withdrew; status: the other side
    190   Use conventional military force         -> fighting (no control)
    193   Fight with small arms and light weapons -> fighting
    194   Fight with artillery and tanks          -> shelled
    195   Employ aerial weapons                   -> struck
    1951  Employ precision-guided aerial munitions -> struck
    1952  Employ remotely piloted aerial munitions -> struck (drones)
    196   Violate ceasefire                       -> attacked

191 (impose blockade) and every other code are left out, and so are events located outside
Ukraine (ActionGeo_CountryCode is a FIPS code: UP) or only to the country. A side is the
actor's CAMEO country code (UKR, RUS); an occupation or retreat by neither is left out.
GDELT has no passage: each claim says so (has_passage False), names the source site as the
claimant and is "unconfirmed", as the coding is a machine's.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Sequence
from pathlib import Path
from urllib.parse import urlsplit

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
    GDELT2_COLUMNS,
    FileFault,
    RowFault,
    Table,
    files_of_kind,
    number,
)

DATASET = "GDELT 2.0 events"
_ACTOR_FIELDS = (
    "Code",
    "Name",
    "CountryCode",
    "KnownGroupCode",
    "EthnicCode",
    "Religion1Code",
    "Religion2Code",
    "Type1Code",
    "Type2Code",
    "Type3Code",
)
COLUMNS = (
    "GLOBALEVENTID",
    "SQLDATE",
    "MonthYear",
    "Year",
    "FractionDate",
    *(f"{actor}{n}" for actor in ("Actor1", "Actor2") for n in _ACTOR_FIELDS),
    "IsRootEvent",
    "EventCode",
    "EventBaseCode",
    "EventRootCode",
    "QuadClass",
    "GoldsteinScale",
    "NumMentions",
    "NumSources",
    "NumArticles",
    "AvgTone",
    *(
        f"{who}Geo_{n}"
        for who in ("Actor1", "Actor2", "Action")
        for n in (
            "Type",
            "FullName",
            "CountryCode",
            "ADM1Code",
            "ADM2Code",
            "Lat",
            "Long",
            "FeatureID",
        )
    ),
    "DATEADDED",
    "SOURCEURL",
)
assert len(COLUMNS) == GDELT2_COLUMNS
AT = {name: i for i, name in enumerate(COLUMNS)}

CONTROL_CODES = {"192": "captured", "0874": "withdrew"}
NO_CONTROL_CODES = {
    "190": "fighting",
    "193": "fighting",
    "194": "shelled",
    "195": "struck",
    "1951": "struck",
    "1952": "struck",
    "196": "attacked",
}
UKRAINE_FIPS = "UP"
SIDES = {"UKR": "ukrainian", "RUS": "russian"}
OTHER_SIDE = {"ukrainian": "russian", "russian": "ukrainian"}
# ActionGeo_Type: 1 country, 2 US state, 3 US city, 4 world city, 5 world state (ADM1).
GEO_TYPES = {"3": "exact", "4": "exact", "2": "region", "5": "region"}


def actor_side(fields: list[str], actor: str) -> str | None:
    code = fields[AT[f"{actor}CountryCode"]].strip() or fields[AT[f"{actor}Code"]].strip()[:3]
    return SIDES.get(code.upper())


def claimant_of(url: str) -> str:
    host = urlsplit(url).hostname or ""
    return host.removeprefix("www.") or "GDELT"


def read(
    paths: Sequence[Path], report: ImportReport, context: ReadContext
) -> Iterator[ImportedClaim]:
    for path, label in files_of_kind(paths, "gdelt", report):
        try:
            with Table(path, label, report, delimiter="\t", names=COLUMNS) as table:
                yield from _claims(table, label, report, context)
        except FileFault as err:
            report.problem(label, 0, "-", str(err))


def _claims(
    table: Table, label: str, report: ImportReport, context: ReadContext
) -> Iterator[ImportedClaim]:
    code_at, country_at = AT["EventCode"], AT["ActionGeo_CountryCode"]
    for line, fields in table.rows():
        code = fields[code_at].strip()
        if code not in CONTROL_CODES and code not in NO_CONTROL_CODES:
            report.skip("GDELT event code not about fighting over territory")
            continue
        if fields[country_at].strip() != UKRAINE_FIPS:
            report.skip("GDELT event outside Ukraine")
            continue
        geo_type = fields[AT["ActionGeo_Type"]].strip()
        if geo_type not in GEO_TYPES:
            report.skip("GDELT event located only to the country")
            continue
        if code in CONTROL_CODES:
            side = actor_side(fields, "Actor1")
            if side is None:
                report.skip("GDELT occupation or retreat by neither side")
                continue
            status = side if code == "192" else OTHER_SIDE[side]
            event = CONTROL_CODES[code]
        else:
            status, event = "", NO_CONTROL_CODES[code]
        provenance = Provenance(DATASET, label, line, "line", CREDITS["gdelt"])
        try:
            claim = _claim(fields, status, event, GEO_TYPES[geo_type], provenance)
        except RowFault as fault:
            report.problem(label, line, fault.field, fault.message)
            continue
        if (valid := checked(claim, report, context.today)) is not None:
            yield valid


def _claim(
    fields: list[str], status: str, event: str, precision: str, provenance: Provenance
) -> ImportedClaim:
    event_id = fields[AT["GLOBALEVENTID"]].strip()
    if not event_id.isdigit():
        raise RowFault("GLOBALEVENTID", f"{event_id[:30]!r} is not a GDELT event id")
    raw_date = fields[AT["SQLDATE"]].strip()
    try:
        day = dt.datetime.strptime(raw_date, "%Y%m%d").date()
    except ValueError:
        raise RowFault("SQLDATE", f"{raw_date[:30]!r} is not a date (YYYYMMDD)") from None
    url = fields[AT["SOURCEURL"]].strip()
    full_name = fields[AT["ActionGeo_FullName"]].strip()
    return ImportedClaim(
        claim_id=stable_id("gdelt", event_id),
        source_row_id=event_id,
        place=full_name.split(",")[0].strip(),
        lat=number(fields[AT["ActionGeo_Lat"]], "ActionGeo_Lat", -90, 90),
        lon=number(fields[AT["ActionGeo_Long"]], "ActionGeo_Long", -180, 180),
        location_precision=precision,
        geonames_id=None,  # ActionGeo_FeatureID is a GNS/GNIS id, not GeoNames
        date=day,
        date_end=day,
        date_precision="day",
        status=status,
        event=event,
        certainty="unconfirmed",
        claimant=claimant_of(url),
        passage="",
        has_passage=False,
        source_url=url,
        provenance=provenance,
        known=_added(fields[AT["DATEADDED"]]),
    )


def _added(raw: str) -> dt.date | None:
    """The day of DATEADDED (YYYYMMDDHHMMSS, UTC): when GDELT first saw the event."""
    raw = raw.strip()
    if not raw:
        return None
    try:
        return dt.datetime.strptime(raw[:8], "%Y%m%d").date()
    except ValueError:
        raise RowFault("DATEADDED", f"{raw[:30]!r} is not a time (YYYYMMDDHHMMSS)") from None
