"""The control maps as the pages show them: a translucent layer of the snapshot in force,
rings around places whose claim the map contradicts, the legend line, and the tables of
disagreements and areas. Every text that reaches the map or the page is escaped.
"""

from __future__ import annotations

import folium
import pandas as pd

from frontline import vocab
from frontline.control import UNMAPPED, Snapshot
from frontline.record.sources import record_source
from frontline.timeline import describe_date
from frontline.web.leaflet import FeatureGroup
from frontline.web.text import escape_html

# Okabe–Ito reddish purple: apart from the three status colours, for colour-blind readers too.
RING_COLOUR = "#CC79A7"
RING_RADIUS = 19  # outside a selected marker (markers.SELECTED_RADIUS, 15 px)
RING_PANE = "markerPane"
AREA_OPACITY = 0.28

CONTROL_LABELS = {
    "ukrainian": "Ukrainian-held",
    "russian": "Russian-held",
    "contested": "Contested / grey zone",
    UNMAPPED: "not on the map",
}


def control_label(status: object) -> str:
    if not isinstance(status, str):
        return ""
    return CONTROL_LABELS.get(status, status)


def area_style(status: str) -> dict:
    colour = vocab.STATUS_COLOURS.get(status, vocab.NO_CLAIM_COLOUR)
    return {
        "color": colour,
        "weight": 1,
        "opacity": 0.6,
        "fillColor": colour,
        "fillOpacity": AREA_OPACITY,
    }


def _ring_tooltip(row: pd.Series) -> str:
    return escape_html(
        f"{row['name']}: the claim of {describe_date(row)} says "
        f"{vocab.STATUS_LABELS.get(row['status'], row['status'])} ({row['certainty']}); "
        f"the control map of {row['control_date']} shows {control_label(row['control_status'])}"
    )


def control_layer(snapshot: Snapshot, flagged: pd.DataFrame) -> folium.FeatureGroup:
    """The snapshot's areas, under the claims and not clickable (a click belongs to the
    markers), and a ring around each place of `flagged` (compared rows that disagree)."""
    group = FeatureGroup(name=f"Control map {snapshot.date}")
    folium.GeoJson(
        snapshot.display,
        interactive=False,
        style_function=lambda feature: area_style(feature["properties"]["status"]),
    ).add_to(group)
    if not flagged.empty:
        rings_layer(flagged, [_ring_tooltip(row) for _, row in flagged.iterrows()]).add_to(group)
    return group


def rings_layer(rows: pd.DataFrame, texts: list[str], dash: str | None = None) -> folium.GeoJson:
    """A ring around each place of `rows` (lat, lon), with its tooltip text (escaped HTML)."""
    rings = {
        "type": "FeatureCollection",
        "features": [
            {
                "type": "Feature",
                "geometry": {"type": "Point", "coordinates": [lon, lat]},
                "properties": {"text": text},
            }
            for lat, lon, text in zip(rows["lat"], rows["lon"], texts, strict=True)
        ],
    }
    # One GeoJSON layer for all rings: a folium object per ring costs a millisecond or more
    # of every rerun. The rings go above the claims, in Leaflet's marker pane (an oblast's
    # shading would hide their tooltips; folium has no argument for the pane). A ring has
    # no fill, so a click inside it still reaches the marker.
    ring = folium.CircleMarker(
        radius=RING_RADIUS, color=RING_COLOUR, weight=3.5, fill=False, dash_array=dash
    )
    ring.options["pane"] = RING_PANE
    return folium.GeoJson(
        rings,
        marker=ring,
        tooltip=folium.GeoJsonTooltip(fields=["text"], labels=False),
    )


RECORD_RING_DASH = "5 4"  # dashed: the record's rings, apart from the control maps' solid ones
RECORD_RING_LAYER = "News against the record"


def _record_ring_tooltip(row: pd.Series) -> str:
    disputed = " (a disputed period)" if row["record_disputed"] else ""
    return escape_html(
        f"{row['name']}: the claim of {describe_date(row)} says "
        f"{vocab.STATUS_LABELS.get(row['status'], row['status'])} ({row['certainty']}); "
        f"{record_source(row['record_outlet']).name} had "
        f"{control_label(row['record_status'])}{disputed} as of "
        f"{row['record_date'].date().isoformat()}"
    )


def record_ring_layer(flagged: pd.DataFrame) -> folium.FeatureGroup:
    """Dashed rings around the news places whose claim the record of its date contradicts."""
    group = FeatureGroup(name=RECORD_RING_LAYER)
    texts = [_record_ring_tooltip(row) for _, row in flagged.iterrows()]
    rings_layer(flagged, texts, dash=RECORD_RING_DASH).add_to(group)
    return group


def record_disagreements_shown(rows: pd.DataFrame) -> pd.DataFrame:
    """News claims against the record as the Data page lists them: both statuses and dates."""
    return pd.DataFrame(
        {
            "Place": rows["name"],
            "Claim date": [describe_date(row) for _, row in rows.iterrows()],
            "Claim says": rows["status"].map(lambda s: vocab.STATUS_LABELS.get(s, s)),
            "Certainty": rows["certainty"],
            "Claimant": rows["claimant"],
            "Outlet": rows["outlet"],
            "Record of": rows["record_date"].dt.date,
            "Record shows": rows["record_status"].map(control_label),
            "Disputed in the record": rows["record_disputed"].map({True: "yes", False: ""}),
            "Record source": rows["record_outlet"].map(lambda o: record_source(o).name),
            "Record entry": rows["record_title"],
        }
    ).reset_index(drop=True)


def legend_html(snapshot: Snapshot | None, as_of: object, first: object | None) -> str:
    """The control map's line of the legend: its date and file, its colours, the ring."""
    if snapshot is None:
        when = f" (the first is of {first})" if first else ""
        return (
            f'<div class="fl-legend">Control map: none on or before {escape_html(as_of)}'
            f"{escape_html(when)}.</div>"
        )
    swatches = "".join(
        f'<span><span class="fl-dot" aria-hidden="true" style="border-radius:2px;'
        f"background:{vocab.STATUS_COLOURS[s]};opacity:.6;border:1px solid "
        f'{vocab.STATUS_COLOURS[s]}"></span>{escape_html(CONTROL_LABELS[s])}</span>'
        for s in vocab.STATUSES
        if s in snapshot.statuses
    )
    outside = (
        f"<span>unshaded: {escape_html(control_label(snapshot.outside))}</span>"
        if snapshot.outside
        else ""
    )
    ring = (
        f'<span><span class="fl-dot" aria-hidden="true" style="border:3px solid {RING_COLOUR}">'
        "</span>ring: the claim disagrees with the control map of its date</span>"
    )
    return (
        f'<div class="fl-legend" role="list" aria-label="Control map legend">'
        f"<span><strong>Control map of {snapshot.date}</strong> "
        f"({escape_html(snapshot.source)}):</span>{swatches}{outside}{ring}</div>"
    )


def disagreements_shown(rows: pd.DataFrame) -> pd.DataFrame:
    """Compared rows as the Data page lists them: both statuses and both dates."""
    shown = pd.DataFrame(
        {
            "Place": rows["name"],
            "Claim date": [describe_date(row) for _, row in rows.iterrows()],
            "Claim says": rows["status"].map(lambda s: vocab.STATUS_LABELS.get(s, s)),
            "Event": rows["event"],
            "Certainty": rows["certainty"],
            "Claimant": rows["claimant"],
            "Control map of": rows["control_date"].map(str),
            "Control map shows": rows["control_status"].map(control_label),
            "Note": rows["control_note"],
            "Control file": rows["control_file"],
        }
    )
    return shown.reset_index(drop=True)


def comparison_counts(compared: pd.DataFrame) -> str:
    agrees = compared["agrees"]
    yes = int(agrees.map(lambda a: a is True).sum())
    no = int(agrees.map(lambda a: a is False).sum())
    unknown = len(compared) - yes - no
    return (
        f"Of {len(compared)} claims: {yes} agree with the control map of their date, "
        f"{no} disagree, {unknown} cannot be judged (no map yet, unmapped ground, or no "
        "outline of the oblast)."
    )


def _change(value: float) -> str:
    if pd.isna(value):
        return "—"
    return f"{value:+,.0f}".replace("-", "−")


def areas_shown(table: pd.DataFrame) -> pd.DataFrame:
    """control.area_table as the Changes page shows it: whole km² and signed changes."""
    shown = {"Control map of": table["date"].map(str)}
    for status in vocab.STATUSES:
        label = CONTROL_LABELS[status]
        shown[f"{label}, km²"] = table[status].round().astype(int)
        shown[f"{label}, change"] = table[f"{status}_change"].map(_change)
    shown["File"] = table["file"]
    return pd.DataFrame(shown)
