"""Exports of what a view shows: GeoJSON and CSV, with the data's credits."""

from __future__ import annotations

import json

import pandas as pd

from frontline import vocab
from frontline.assessindex import ASSESSED_COLUMNS
from frontline.record.sources import record_credits

CREDITS = (
    "Place coordinates and names: GeoNames (geonames.org), CC BY 4.0. "
    "Oblast boundaries: Natural Earth, public domain. "
    "Claims quote their source articles; the quotes remain the outlets' text."
)

EXPORT_COLUMNS = [
    "place_id",
    "name",
    "kind",
    "oblast",
    "oblast_name",
    "lat",
    "lon",
    "geonames_id",
    "status",
    "certainty",
    "event",
    "claim_date",
    "claim_date_end",
    "date_precision",
    "claimant",
    "quote",
    "quote_start",
    "quote_end",
    "claim_id",
    "article_id",
    "outlet",
    "title",
    "url",
    "published",
    # news, or record: an entry of Wikipedia's list (CC BY-SA) or, its outlet "VIINA", of
    # VIINA's control table (ODbL)
    "source",
    # The place's assessment as of the view's date (frontline.assessment), beside the claim.
    *ASSESSED_COLUMNS,
]


def credits_for(claims: pd.DataFrame) -> str:
    """The credits of the rows: each source of the record's (share-alike, Wikipedia's and
    VIINA's with its ODbL notice) added when any row is that source's."""
    if "source" in claims and (claims["source"] == vocab.SOURCE_RECORD).any():
        outlets = claims.loc[claims["source"] == vocab.SOURCE_RECORD, "outlet"]
        return (
            f"{CREDITS} Rows whose source is 'record' (by their outlet): {record_credits(outlets)}"
        )
    return CREDITS


def export_frame(claims: pd.DataFrame) -> pd.DataFrame:
    """Rows of the claim table (or of a state table) in export form: plain values, ISO dates."""
    frame = claims.rename(columns={"date": "claim_date", "date_end": "claim_date_end"})
    frame = frame.reindex(columns=EXPORT_COLUMNS)
    for column in ("claim_date", "claim_date_end", "published"):
        frame[column] = pd.to_datetime(frame[column]).dt.strftime("%Y-%m-%d")
    return frame


# A spreadsheet opening a CSV file runs a cell that begins with one of these as a formula
# (CSV injection: "=HYPERLINK(...)" in a quote or a name). An apostrophe in front makes it show
# the text instead. Only text is changed: a negative number is still a number.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
SPREADSHEET_NOTE = (
    "In the CSV files, text that begins with =, +, -, @ or a tab has an apostrophe (') in "
    "front, so that a spreadsheet shows it instead of running it as a formula; the GeoJSON "
    "holds every text as it is."
)


def spreadsheet_safe(frame: pd.DataFrame) -> pd.DataFrame:
    """The frame with every text cell that a spreadsheet would run as a formula prefixed
    with an apostrophe (see FORMULA_STARTS)."""
    safe = frame.copy()
    for column in safe.columns:
        values = safe[column]
        if pd.api.types.is_object_dtype(values) or pd.api.types.is_string_dtype(values):
            # An object column may hold numbers too; only text can be a formula.
            text = pd.Series([isinstance(v, str) for v in values], index=values.index, dtype=bool)
            formula = text & values.where(text, "").astype(str).str.startswith(FORMULA_STARTS)
            safe[column] = values.where(~formula, "'" + values.astype(str))
    return safe


def to_csv(claims: pd.DataFrame) -> str:
    """The claims as CSV, safe to open in a spreadsheet (see spreadsheet_safe)."""
    return spreadsheet_safe(export_frame(claims)).to_csv(index=False, lineterminator="\n")


def _plain(value: object) -> object:
    """A JSON-ready value: pandas' missing values become null, numpy scalars plain numbers."""
    if value is None or (not isinstance(value, str) and pd.isna(value)):
        return None
    return value.item() if hasattr(value, "item") else value


def to_geojson(claims: pd.DataFrame, oblast_shapes: dict[str, dict] | None = None) -> dict:
    """A FeatureCollection: a Point per row, or the oblast's polygon for oblast-level places."""
    shapes = oblast_shapes or {}
    features = []
    for row in export_frame(claims).to_dict(orient="records"):
        properties = {key: _plain(value) for key, value in row.items()}
        geometry = shapes.get(row["oblast"]) if row["kind"] == "oblast" else None
        if geometry is None:
            geometry = {"type": "Point", "coordinates": [properties["lon"], properties["lat"]]}
        features.append({"type": "Feature", "geometry": geometry, "properties": properties})
    return {
        "type": "FeatureCollection",
        "features": features,
        "metadata": {"generator": "frontline", "credits": credits_for(claims)},
    }


def geojson_text(claims: pd.DataFrame, oblast_shapes: dict[str, dict] | None = None) -> str:
    return json.dumps(to_geojson(claims, oblast_shapes), ensure_ascii=False)
