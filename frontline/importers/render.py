"""A preview as text (a table, the places, the problems and a summary) or as JSON."""

from __future__ import annotations

import json
from typing import Any

from frontline.importers.batch import Preview
from frontline.importers.model import ImportedClaim
from frontline.importers.places import PlaceMatch

CLAIM_COLUMNS = (
    ("claim_id", 22),
    ("date", 10),
    ("place", 18),
    ("match", 20),
    ("km", 5),
    ("status", 9),
    ("event", 10),
    ("certainty", 11),
    ("claimant", 18),
    ("passage", 40),
)
PLACE_COLUMNS = (
    ("name", 22),
    ("method", 20),
    ("gazetteer", 22),
    ("km", 5),
    ("similarity", 10),
    ("oblast", 6),
    ("source", 40),
)


def _km(value: float | None) -> str:
    return "" if value is None else f"{value:.1f}"


def match_dict(match: PlaceMatch) -> dict[str, Any]:
    row: dict[str, Any] = {
        "name": match.name,
        "method": match.method,
        "distance_km": match.distance_km,
        "similarity": match.similarity,
        "gazetteer": None
        if match.entry is None
        else {
            "key": match.entry.key,
            "name": match.entry.name,
            "place_id": match.entry.place_id,
            "geonames_id": match.entry.geonames_id,
            "oblast": match.entry.oblast,
        },
    }
    if match.proposed is not None:
        row["proposed"] = {
            k: getattr(match.proposed, k)
            for k in (
                "suggested_id",
                "name",
                "lat",
                "lon",
                "location_precision",
                "kind",
                "oblast",
                "geonames_id",
                "source",
            )
        }
    return row


def claim_dict(claim: ImportedClaim, match: PlaceMatch) -> dict[str, Any]:
    source = claim.provenance
    return {
        "claim_id": claim.claim_id,
        "source_row_id": claim.source_row_id,
        "place": claim.place,
        "lat": claim.lat,
        "lon": claim.lon,
        "location_precision": claim.location_precision,
        "geonames_id": claim.geonames_id,
        "date": claim.date.isoformat(),
        "date_end": claim.date_end.isoformat(),
        "date_precision": claim.date_precision,
        "status": claim.status,
        "event": claim.event,
        "certainty": claim.certainty,
        "claimant": claim.claimant,
        "passage": claim.passage,
        "has_passage": claim.has_passage,
        "language": claim.language,
        "source_url": claim.source_url,
        "provenance": {
            "dataset": source.dataset,
            "file": source.file,
            source.unit: source.line,
            "licence": source.licence,
        },
        "place_match": match_dict(match),
    }


def summary(preview: Preview) -> dict[str, Any]:
    report = preview.report
    return {
        "rows_read": report.rows_read,
        "claims": preview.claims,
        "events_without_control": preview.without_control,
        "places_matched": preview.places_matched,
        "places_new": preview.places_new,
        "problems": report.problem_count,
        "left_out": dict(report.skipped.most_common()),
    }


def to_json(preview: Preview, *, saving: bool = False) -> str:
    return json.dumps(
        {
            "format": preview.format,
            "files": preview.files,
            "dry_run": not saving,
            "summary": summary(preview),
            "licence": preview.licence,
            "claims": [claim_dict(c, m) for c, m in preview.sample],
            "places": [match_dict(m) for m in preview.places],
            "problems": [str(p) for p in preview.report.problems],
        },
        ensure_ascii=False,
        indent=2,
    )


def _table(rows: list[dict[str, Any]], columns: tuple[tuple[str, int], ...]) -> list[str]:
    def cell(value: Any, width: int) -> str:
        text = "" if value is None else " ".join(str(value).split())
        return text if len(text) <= width else text[: width - 1] + "…"

    lines = [
        "  ".join(name.ljust(width) for name, width in columns).rstrip(),
        "  ".join("-" * width for _, width in columns),
    ]
    lines += [
        "  ".join(cell(row.get(name), width).ljust(width) for name, width in columns).rstrip()
        for row in rows
    ]
    return lines


def to_table(preview: Preview, *, saving: bool = False) -> str:
    claim_rows = [
        {
            "claim_id": c.claim_id,
            "date": c.date.isoformat(),
            "place": c.place or "(a point)",
            "match": "NEW" if m.is_new else m.entry.name,
            "km": _km(m.distance_km),
            "status": c.status or "—",
            "event": c.event,
            "certainty": c.certainty,
            "claimant": c.claimant,
            "passage": c.passage if c.has_passage else "(no passage)",
        }
        for c, m in preview.sample
    ]
    place_rows = [
        {
            "name": m.name or "(a point)",
            "method": m.method,
            "gazetteer": m.entry.name
            if m.entry
            else (m.proposed.suggested_id if m.proposed else ""),
            "km": _km(m.distance_km),
            "similarity": "" if m.similarity is None else f"{m.similarity:.0f}",
            "oblast": m.entry.oblast if m.entry else (m.proposed.oblast if m.proposed else ""),
            "source": m.proposed.source if m.proposed else "",
        }
        for m in sorted(preview.places, key=lambda m: (not m.is_new, m.name))
    ]
    counts = summary(preview)
    shown = len(preview.sample)
    lines = [
        f"Dry run: {preview.format} import of {', '.join(preview.files)} (nothing written)"
        if not saving
        else f"Preview: {preview.format} import of {', '.join(preview.files)} (saved below)",
        "",
        f"Claims ({shown} of {preview.claims} shown):",
        *_table(claim_rows, CLAIM_COLUMNS),
        "",
        f"Places ({preview.places_new} new first):",
        *_table(place_rows, PLACE_COLUMNS),
    ]
    if preview.report.problems:
        kept = len(preview.report.problems)
        lines += [
            "",
            f"Problems ({kept} of {preview.report.problem_count} shown):",
            *(str(p) for p in preview.report.problems),
        ]
    lines += [
        "",
        "Summary:",
        f"  rows read: {counts['rows_read']}",
        f"  claims: {counts['claims']}",
        f"  events without control: {counts['events_without_control']}",
        f"  places matched: {counts['places_matched']}, new: {counts['places_new']}",
        f"  problems: {counts['problems']}",
    ]
    lines += [f"  left out: {n} {reason}" for reason, n in counts["left_out"].items()]
    if preview.licence:
        lines += ["", f"Credit: {preview.licence}"]
    return "\n".join(lines) + "\n"
