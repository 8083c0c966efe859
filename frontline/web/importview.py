"""What the Import page shows of a preview: the claims with each place's match and distance,
the places, the problems by file, line and field, and the points on its small map. Plain
tables: the page shows them with st.dataframe, which draws every value as text."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from frontline import vocab
from frontline.importers.batch import Preview
from frontline.importers.mapping import OPTIONAL, REQUIRED
from frontline.importers.mapping import __doc__ as MAPPING_DOC
from frontline.importers.maprows import RECORD_DATASETS
from frontline.importers.places import PlaceMatch
from frontline.model import Problem

# What each format wants uploaded, for the page's help.
FORMAT_LABELS = {
    "acled": "ACLED (CSV export)",
    "gdelt": "GDELT 2.0 events (61-column tab-separated, no header)",
    "viina": "VIINA 2.0 (event_info with event_labels, and/or control)",
    "timemap": "TimeMap (JSON)",
    "geoconfirmed": "GeoConfirmed (JSON or KML)",
    "csv": "Any CSV, with a mapping file (TOML)",
}
FILE_TYPES = {
    "acled": ["csv", "zip"],
    "gdelt": ["csv", "tsv", "txt", "zip"],
    "viina": ["csv", "zip"],
    "timemap": ["json"],
    "geoconfirmed": ["json", "kml"],
    "csv": ["csv", "tsv", "txt"],
}
CLAIM_COLUMNS = [
    "claim",
    "already saved",
    "date",
    "place (as the source writes it)",
    "matched to",
    "how",
    "km",
    "status",
    "event",
    "certainty",
    "claimant",
    "passage",
    "data set",
    "file",
    "row",
    "licence",
]
PLACE_COLUMNS = ["place", "matched to", "how", "km", "similarity", "oblast"]
PROBLEM_COLUMNS = ["file", "line", "field", "problem"]
MAP_COLUMNS = ["place_id", "name", "kind", "oblast", "lat", "lon", "status", "certainty", "date"]


def mapping_keys_text() -> str:
    """The keys a mapping file takes, and its documented example."""
    example = MAPPING_DOC.split("Example:", 1)[1].split("A value that is already", 1)[0]
    return (
        f"# required columns: {', '.join(REQUIRED)}; optional: {', '.join(OPTIONAL)}\n"
        + "\n".join(line[4:] if line.startswith("    ") else line for line in example.splitlines())
    ).strip()


def _matched(match: PlaceMatch) -> str:
    return "a new place" if match.entry is None else match.entry.name


def _km(value: float | None) -> float | None:
    return None if value is None else round(value, 2)


def claims_frame(shown: Preview, saved: set[str] | frozenset[str] = frozenset()) -> pd.DataFrame:
    """The preview's claims; `saved`, the ids already in the data (a save skips them)."""
    rows = [
        [
            c.claim_id,
            c.claim_id in saved,
            c.date.isoformat()
            if c.date == c.date_end
            else f"{c.date.isoformat()} – {c.date_end.isoformat()}",
            c.place or "(a point)",
            _matched(m),
            m.method,
            _km(m.distance_km),
            vocab.STATUS_LABELS.get(c.status, c.status) or "— (states no control)",
            c.event,
            c.certainty,
            c.claimant,
            c.passage if c.has_passage else "(the source has no passage)",
            c.provenance.dataset,
            Path(c.provenance.file).name,
            f"{c.provenance.unit} {c.provenance.line}",
            c.provenance.licence,
        ]
        for c, m in shown.sample
    ]
    return pd.DataFrame(rows, columns=CLAIM_COLUMNS)


def places_frame(shown: Preview) -> pd.DataFrame:
    rows = [
        [
            m.name or "(a point)",
            _matched(m),
            m.method,
            _km(m.distance_km),
            None if m.similarity is None else round(m.similarity),
            m.entry.oblast if m.entry else (m.proposed.oblast if m.proposed else ""),
        ]
        for m in sorted(shown.places, key=lambda m: (not m.is_new, m.name))
    ]
    return pd.DataFrame(rows, columns=PLACE_COLUMNS)


def problems_frame(problems: list[Problem]) -> pd.DataFrame:
    rows = [[Path(p.file).name, p.line, p.field, p.message] for p in problems]
    return pd.DataFrame(rows, columns=PROBLEM_COLUMNS)


def problem_lines(problems: list[Problem]) -> list[str]:
    """`file:line: field: message`, with the file's name only (uploads sit in a scratch
    folder)."""
    return [str(Problem(Path(p.file).name, p.line, p.field, p.message)) for p in problems]


def map_frame(shown: Preview) -> pd.DataFrame:
    """One point per distinct place of the sample, at the source's coordinates, coloured by
    its latest claim; the map's claims_layer draws it."""
    rows = [
        [
            f"import:{c.place}:{c.lat}:{c.lon}",
            c.place or "(a point)",
            "village",  # a point, never an oblast's area: the preview shows the source's spot
            "",
            c.lat,
            c.lon,
            c.status,
            c.certainty,
            c.date,
        ]
        for c, _ in shown.sample
        if c.lat is not None and c.lon is not None
    ]
    frame = pd.DataFrame(rows, columns=MAP_COLUMNS)
    return frame.sort_values("date", kind="stable").groupby("place_id").tail(1)


def summary_text(shown: Preview) -> str:
    report = shown.report
    left_out = sum(report.skipped.values())
    return (
        f"{report.rows_read:,} row(s) read: {shown.claims:,} claim(s) "
        f"({shown.without_control:,} event(s) that state no control), "
        f"{shown.places_matched:,} place(s) matched and {shown.places_new:,} new, "
        f"{report.problem_count:,} problem(s), {left_out:,} row(s) left out as not about "
        "territory."
    )


def record_note(shown: Preview) -> str:
    """What the preview should say when it holds rows of a record source (VIINA's control
    table): they are saved as the record's entries, not as claims. Empty otherwise."""
    sources = {
        RECORD_DATASETS[claim.provenance.dataset]
        for claim, _ in shown.sample
        if claim.provenance.dataset in RECORD_DATASETS
    }
    return " ".join(
        f"The rows of {source.name} are saved as a second source of the record beside "
        "Wikipedia's list (the map's small dots, “The record” in its panel), not as claims."
        for source in sorted(sources, key=lambda s: s.outlet)
    )
