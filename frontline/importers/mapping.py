"""Any CSV, through a mapping file (TOML) that says which column holds what and how its values
read. Example:

    dataset = "kharkiv-sheet"          # the claim ids' prefix, and the data set's name
    licence = "CC BY 4.0, credit the Kharkiv desk"
    delimiter = ","                    # optional
    date_format = "%d.%m.%Y"           # optional (strptime); default YYYY-MM-DD

    [columns]                          # a Frontline field = the file's column
    id = "Row"                         # optional: without it, a digest of the row's values
    place = "Settlement"
    latitude = "Lat"
    longitude = "Lon"
    date = "Date"
    status = "Control"                 # status or event, or both
    event = "What happened"
    certainty = "Confidence"           # optional when [defaults] gives it
    claimant = "Who says"              # optional when [defaults] gives it
    passage = "Quote"                  # optional
    source_url = "Link"                # optional
    geonames_id = "GeoNames"           # optional
    known = "Logged"                   # optional: the day the sheet knew of it (date_format);
                                       # without it, the day the import was saved

    [defaults]                         # values for fields without a column
    certainty = "claimed"

    [values.status]                    # Frontline word = the file's values (case ignored)
    ukrainian = ["UA", "Ukraine"]
    russian = ["RU"]
    none = ["", "no control"]          # the row states no control (its event must be one
                                       # of vocab.NO_CONTROL_EVENTS)

A value that is already a Frontline word needs no mapping. Every fault of the mapping, and
every column it names that the file lacks, is reported before any row is read.
"""

from __future__ import annotations

import datetime as dt
import tomllib
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from frontline import vocab
from frontline.importers.model import (
    ImportedClaim,
    ImportReport,
    Provenance,
    ReadContext,
    checked,
    content_id,
    safe_id_part,
    stable_id,
)
from frontline.importers.reading import FileFault, RowFault, Table, files_of_kind, number

REQUIRED = ("place", "latitude", "longitude", "date")
OPTIONAL = (
    "id",
    "status",
    "event",
    "certainty",
    "claimant",
    "passage",
    "source_url",
    "geonames_id",
    "known",
)
VOCABULARIES = {
    "status": (*vocab.STATUSES, ""),
    "event": tuple(dict.fromkeys((*vocab.EVENTS, *vocab.NO_CONTROL_EVENTS))),
    "certainty": vocab.CERTAINTIES,
}
TOP_KEYS = {"dataset", "licence", "delimiter", "date_format", "columns", "defaults", "values"}


@dataclass
class Mapping:
    dataset: str
    licence: str
    delimiter: str
    date_format: str
    columns: dict[str, str]
    defaults: dict[str, str] = field(default_factory=dict)
    values: dict[str, dict[str, str]] = field(default_factory=dict)  # field -> raw -> word


def load_mapping(path: Path, report: ImportReport) -> Mapping | None:
    """The mapping of a TOML file, or None after reporting each of its faults."""
    label = str(path)
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8-sig"))
    except FileNotFoundError:
        report.problem(label, 0, "-", "no such mapping file")
        return None
    except (OSError, UnicodeDecodeError) as err:
        report.problem(label, 0, "-", f"cannot be read: {err}")
        return None
    except tomllib.TOMLDecodeError as err:
        report.problem(label, 0, "-", f"is not valid TOML: {err}")
        return None
    before = report.problem_count
    for key in sorted(set(data) - TOP_KEYS):
        report.problem(label, 0, key, f"is not a mapping key ({', '.join(sorted(TOP_KEYS))})")
    columns = _table(data, "columns", label, report)
    defaults = {k: str(v) for k, v in _table(data, "defaults", label, report).items()}
    dataset = str(data.get("dataset", "")).strip()
    if not safe_id_part(dataset) or safe_id_part(dataset) != dataset:
        report.problem(
            label,
            0,
            "dataset",
            "is required: a short name of letters, digits, "
            "'-', '_' or '.', the prefix of the claims' ids",
        )
    for name in REQUIRED:
        if name not in columns:
            report.problem(
                label, 0, f"columns.{name}", f"is required: name the column that holds the {name}"
            )
    if "status" not in columns and "event" not in columns:
        report.problem(
            label, 0, "columns.status", "name the column of the status, the event or both"
        )
    for name in ("certainty", "claimant"):
        if name not in columns and not defaults.get(name):
            report.problem(label, 0, f"columns.{name}", f"is required, or a [defaults] {name}")
    for name in sorted(set(columns) - set(REQUIRED) - set(OPTIONAL)):
        report.problem(label, 0, f"columns.{name}", "is not a field Frontline reads")
    values = _values(data, label, report)
    if report.problem_count > before:
        return None
    return Mapping(
        dataset=dataset,
        licence=str(data.get("licence", "")).strip(),
        delimiter=str(data.get("delimiter", ",")),
        date_format=str(data.get("date_format", "%Y-%m-%d")),
        columns={k: str(v) for k, v in columns.items()},
        defaults=defaults,
        values=values,
    )


def _table(data: dict, key: str, label: str, report: ImportReport) -> dict:
    value = data.get(key, {})
    if not isinstance(value, dict):
        report.problem(label, 0, key, "is a table ([" + key + "])")
        return {}
    return value


def _values(data: dict, label: str, report: ImportReport) -> dict[str, dict[str, str]]:
    values: dict[str, dict[str, str]] = {}
    for name, table in _table(data, "values", label, report).items():
        if name not in VOCABULARIES or not isinstance(table, dict):
            report.problem(
                label,
                0,
                f"values.{name}",
                "maps the values of status, event or certainty, as a table",
            )
            continue
        for word, raws in table.items():
            target = "" if word == "none" else word
            if target not in VOCABULARIES[name]:
                report.problem(
                    label,
                    0,
                    f"values.{name}.{word}",
                    f"is not a Frontline "
                    f"{name}: {', '.join(w or 'none' for w in VOCABULARIES[name])}",
                )
                continue
            for raw in raws if isinstance(raws, list) else [raws]:
                values.setdefault(name, {})[str(raw).strip().casefold()] = target
    return values


def read(
    paths: Sequence[Path], report: ImportReport, context: ReadContext
) -> Iterator[ImportedClaim]:
    if context.mapping is None:
        report.problem("-", 0, "--mapping", "the csv format needs a mapping file (TOML)")
        return
    mapping = load_mapping(context.mapping, report)
    if mapping is None:
        return
    for path, label in files_of_kind(paths, "csv", report):
        try:
            with Table(path, label, report, delimiter=mapping.delimiter) as table:
                absent = [
                    (name, column)
                    for name, column in mapping.columns.items()
                    if column not in table.header
                ]
                for name, column in absent:
                    report.problem(
                        label,
                        1,
                        column,
                        f"is named in {context.mapping.name} "
                        f"(columns.{name}) but the file has no such column; it has: "
                        f"{', '.join(table.header)[:200]}",
                    )
                if absent:
                    continue
                yield from _claims(table, label, mapping, report, context)
        except FileFault as err:
            report.problem(label, 0, "-", str(err))


def _claims(
    table: Table, label: str, mapping: Mapping, report: ImportReport, context: ReadContext
) -> Iterator[ImportedClaim]:
    index = {name: table.header.index(column) for name, column in mapping.columns.items()}
    for line, fields in table.rows():
        raw = {name: fields[i].strip() for name, i in index.items()}
        provenance = Provenance(
            mapping.dataset, label, line, "line", mapping.licence or "as its publisher says"
        )
        try:
            claim = _claim(raw, mapping, provenance)
        except RowFault as fault:
            report.problem(
                label, line, mapping.columns.get(fault.field, fault.field), fault.message
            )
            continue
        if (valid := checked(claim, report, context.today)) is not None:
            yield valid


def word(raw: dict[str, str], name: str, mapping: Mapping) -> str:
    """The Frontline word for a field of a row: its column's value as mapped, or as it is
    when it is a Frontline word already, or the mapping's default."""
    if name not in raw:
        return mapping.defaults.get(name, "")
    value = raw[name].casefold()
    mapped = mapping.values.get(name, {})
    if value in mapped:
        return mapped[value]
    if value in VOCABULARIES[name]:
        return value
    if not value and name in mapping.defaults:
        return mapping.defaults[name]
    raise RowFault(
        name,
        f"{raw[name][:40]!r} is not mapped in [values.{name}] and is not one "
        f"of: {', '.join(w for w in VOCABULARIES[name] if w)}",
    )


def _claim(raw: dict[str, str], mapping: Mapping, provenance: Provenance) -> ImportedClaim:
    status = (
        word(raw, "status", mapping) if ("status" in raw or "status" in mapping.defaults) else ""
    )
    event = (
        word(raw, "event", mapping)
        if ("event" in raw or "event" in mapping.defaults)
        else ("held" if status else "")
    )
    day = _day(raw, "date", mapping)
    known = _day(raw, "known", mapping) if raw.get("known") else None
    geonames = raw.get("geonames_id", "")
    if geonames and not geonames.isdigit():
        raise RowFault("geonames_id", f"{geonames[:30]!r} is not a GeoNames id")
    row_id = raw.get("id", "")
    claim_id = (
        stable_id(mapping.dataset, row_id)
        if row_id
        else content_id(mapping.dataset, tuple(raw[k] for k in sorted(raw)))
    )
    passage = raw.get("passage", "")
    return ImportedClaim(
        claim_id=claim_id,
        source_row_id=row_id or claim_id,
        place=raw["place"],
        lat=number(raw["latitude"], "latitude", -90, 90),
        lon=number(raw["longitude"], "longitude", -180, 180),
        location_precision="exact",
        geonames_id=int(geonames) if geonames else None,
        date=day,
        date_end=day,
        date_precision="day",
        status=status,
        event=event,
        certainty=word(raw, "certainty", mapping),
        claimant=raw.get("claimant") or mapping.defaults.get("claimant", ""),
        passage=passage,
        has_passage=bool(passage),
        source_url=raw.get("source_url", ""),
        provenance=provenance,
        known=known,
    )


def _day(raw: dict[str, str], name: str, mapping: Mapping) -> dt.date:
    try:
        return dt.datetime.strptime(raw[name], mapping.date_format).date()
    except ValueError:
        raise RowFault(
            name, f"{raw[name][:40]!r} is not a date of the form {mapping.date_format}"
        ) from None
