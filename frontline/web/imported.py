"""Saved imported claims as the pages show them: filtered by the map's view, as a table and
a download that keep each claim's provenance (data set, file, row, licence), the credits of
the data sets shown, and cards for the map's panel. Never presented as news reports."""

from __future__ import annotations

import json
from collections.abc import Mapping

import pandas as pd

from frontline import vocab
from frontline.export import SPREADSHEET_NOTE, spreadsheet_safe
from frontline.importers.credits import NOT_REDISTRIBUTED
from frontline.model import Place
from frontline.timeline import Filters
from frontline.web.text import escape_html

COLUMNS = [
    "claim_id",
    "place_id",
    "name",
    "oblast",
    "lat",
    "lon",
    "date",
    "date_end",
    "date_precision",
    "known",
    "status",
    "event",
    "certainty",
    "claimant",
    "passage",
    "source_url",
    "dataset",
    "file",
    "row",
    "unit",
    "licence",
    "place_match",
    "place_km",
]
# The download: every column, provenance included, with the source's own name of the place.
DOWNLOAD_COLUMNS = [*COLUMNS[:3], "place_name", *COLUMNS[3:]]
# What the Data page's search looks through in an imported claim.
SEARCH_COLUMNS = (
    "name",
    "place_name",
    "place_id",
    "status",
    "event",
    "certainty",
    "claimant",
    "passage",
    "dataset",
    "file",
    "claim_id",
)
NO_PASSAGE = "(the data set gives no passage for this row; see its source address)"


def imported_frame(saved: pd.DataFrame, places: dict[str, Place]) -> pd.DataFrame:
    """The saved rows (saved.SavedImports.frame, which it takes over: no copy of a large
    table) with their places' names and oblasts, dates as timestamps."""
    frame = saved
    frame["name"] = frame["place_id"].map({p: place.name for p, place in places.items()})
    frame["oblast"] = frame["place_id"].map({p: place.oblast for p, place in places.items()})
    for column in ("date", "date_end", "known"):
        frame[column] = pd.to_datetime(frame[column], format="%Y-%m-%d")
    return frame.reindex(columns=DOWNLOAD_COLUMNS)


def in_view(frame: pd.DataFrame, filters: Filters) -> pd.DataFrame:
    """The imported claims the view's filters let through: about dates up to the as-of date
    (in "what was known" mode, known to the data set by then too) within its range, in its
    oblasts, of its statuses (a claim that states no control passes any status filter: it
    says nothing of status) and certainties."""
    keep = pd.Series(True, index=frame.index)
    if filters.as_of is not None:
        keep &= frame["date"] <= pd.Timestamp(filters.as_of)
        if filters.mode == vocab.MODE_KNOWN:  # and known to the data set by then
            keep &= frame["known"] <= pd.Timestamp(filters.as_of)
    if filters.date_from is not None:
        keep &= frame["date_end"] >= pd.Timestamp(filters.date_from)
    if filters.date_to is not None:
        keep &= frame["date"] <= pd.Timestamp(filters.date_to)
    if filters.oblasts:
        keep &= frame["oblast"].isin(filters.oblasts)
    if filters.statuses:
        keep &= frame["status"].isin(filters.statuses) | (frame["status"] == "")
    if filters.certainties:
        keep &= frame["certainty"].isin(filters.certainties)
    return frame[keep].sort_values(["date", "claim_id"], kind="stable")


def shown(frame: pd.DataFrame) -> pd.DataFrame:
    """The Data page's table: readable, every value text (st.dataframe draws no HTML)."""
    return pd.DataFrame(
        {
            "Date": frame["date"].dt.date,
            "Known by": frame["known"].dt.date,
            "Place": frame["name"],
            "Status": frame["status"].map(lambda s: vocab.STATUS_LABELS.get(s, s) or "—"),
            "Event": frame["event"],
            "Certainty": frame["certainty"],
            "Claimant": frame["claimant"],
            "Passage": frame["passage"].where(frame["passage"] != "", NO_PASSAGE),
            "Data set": frame["dataset"],
            "File": frame["file"],
            "Row": frame["unit"] + " " + frame["row"],
            "Licence": frame["licence"],
            "Source address": frame["source_url"],
        }
    )


def downloadable(frame: pd.DataFrame) -> tuple[pd.DataFrame, list[str]]:
    """The rows a reader may download, and why the others are left out (per data set)."""
    withheld = frame["dataset"].isin(list(NOT_REDISTRIBUTED))
    reasons = [
        f"{dataset}'s {count} row(s) are left out of the downloads: {NOT_REDISTRIBUTED[dataset]}"
        for dataset, count in frame.loc[withheld, "dataset"].value_counts().sort_index().items()
    ]
    return frame[~withheld], reasons


def _plain_dates(frame: pd.DataFrame) -> pd.DataFrame:
    out = frame.copy()
    for column in ("date", "date_end", "known"):
        out[column] = out[column].dt.strftime("%Y-%m-%d")
    return out


def to_geojson(frame: pd.DataFrame) -> str:
    """A Point per claim at the source's coordinates (its place's where it gave none), every
    column a property, the data sets' credits in the metadata."""
    features = []
    for row in _plain_dates(frame).to_dict(orient="records"):
        lat, lon = row["lat"] or None, row["lon"] or None
        point = [float(lon), float(lat)] if lat and lon else None
        features.append(
            {
                "type": "Feature",
                "geometry": None if point is None else {"type": "Point", "coordinates": point},
                "properties": row,
            }
        )
    return json.dumps(
        {
            "type": "FeatureCollection",
            "features": features,
            "metadata": {"generator": "frontline", "credits": credits(frame)},
        },
        ensure_ascii=False,
    )


def to_csv(frame: pd.DataFrame) -> str:
    return spreadsheet_safe(_plain_dates(frame)).to_csv(index=False, lineterminator="\n")


def credits(frame: pd.DataFrame) -> str:
    """What the rows' data sets ask to be credited, each once."""
    pairs = dict.fromkeys(zip(frame["dataset"], frame["licence"], strict=True))
    return " ".join(f"{dataset}: {licence}" for dataset, licence in pairs)


def readme(frame: pd.DataFrame) -> str:
    return "\n".join(
        [
            "Frontline — claims imported from analysts' data sets",
            "",
            f"imported_claims.csv, imported_claims.geojson: {len(frame)} claim(s), one row or",
            "  feature per claim, with where it came from: the data set, the file, the row",
            "  (line or item) and the data set's licence.",
            "  An empty status is an event that states no control (shelling, strikes, fighting).",
            f"  {SPREADSHEET_NOTE}",
            "",
            "Credits (cite them with the data):",
            *(
                f"  {dataset}: {licence}"
                for dataset, licence in dict.fromkeys(
                    zip(frame["dataset"], frame["licence"], strict=True)
                )
            ),
            "",
        ]
    )


# The map's panel shows a place's newest imported claims as cards up to this many; a data
# set may hold tens of thousands about one place (the Data page lists them all).
PANEL_CARDS_MAX = 50


def panel_cards(rows: pd.DataFrame) -> tuple[str, str]:
    """(caption, cards' HTML) of a place's imported claims (newest first) for the map's
    panel: the newest PANEL_CARDS_MAX as cards, and how many there are in all."""
    shown = rows.head(PANEL_CARDS_MAX)
    caption = (
        f"{len(rows)} claim(s) from imported data sets up to the date, newest first "
        "(a data set's rows, not news reports)."
    )
    if len(rows) > len(shown):
        caption += (
            f" The newest {len(shown)} are shown; the Data page's Imported claims list them all."
        )
    return caption, "".join(card_html(row) for row in shown.to_dict(orient="records"))


def card_html(row: Mapping) -> str:
    """An imported claim for the map's panel: a data set's row, which says so, with its
    provenance; every value escaped."""
    colour = vocab.STATUS_COLOURS.get(row["status"], vocab.NO_CLAIM_COLOUR)
    status = vocab.STATUS_LABELS.get(row["status"], row["status"]) or "states no control"
    day = row["date"].date().isoformat()
    if row["date_end"] != row["date"]:
        day = f"{day} – {row['date_end'].date().isoformat()}"
    passage = (
        f"<blockquote>“{escape_html(row['passage'])}”</blockquote>"
        if row["passage"]
        else f'<div class="fl-meta">{escape_html(NO_PASSAGE)}</div>'
    )
    link = (
        f' · <a href="{escape_html(row["source_url"])}" rel="noopener noreferrer" '
        'target="_blank">source</a>'
        if str(row["source_url"]).startswith(("http://", "https://"))
        else ""
    )
    return (
        f'<div class="fl-card fl-imported" style="border-left-color:{colour}">'
        f'<div class="fl-meta"><span class="fl-badge">Imported data set</span> '
        f"<strong>{escape_html(day)}</strong> · "
        f'<span class="fl-badge">{escape_html(status)}</span>'
        f'<span class="fl-badge">{escape_html(row["certainty"])}</span>'
        f'<span class="fl-badge">{escape_html(row["event"])}</span>'
        f" according to {escape_html(row['claimant'])}</div>"
        f"{passage}"
        f'<div class="fl-meta">From {escape_html(row["dataset"])}, '
        f"{escape_html(row['file'])} {escape_html(row['unit'])} {escape_html(row['row'])}"
        f"{link}; known to it by {row['known'].date().isoformat()}. "
        f"{escape_html(row['licence'])}</div></div>"
    )
