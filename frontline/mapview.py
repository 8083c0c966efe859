"""The Folium map: a base map that stays the same between reruns, and a layer of claims.

Popups are left out on purpose: they close on every rerun, and the passages behind a marker
are shown beside the map instead. Every text that reaches the map is escaped.
"""

from __future__ import annotations

import folium
import pandas as pd

from frontline import vocab
from frontline.geo import point_in_geometry
from frontline.text import escape_html

OUTLINE_STYLE = {"color": "#555555", "weight": 1.2, "fill": False, "opacity": 0.9}
MARKER_OUTLINE = "#1a1a1a"
MARKER_RADIUS = 9
SELECTED_RADIUS = 13
# A click lands on the marker's centre coordinates; allow for float round-tripping.
CLICK_TOLERANCE_DEGREES = 1e-6


def base_map(
    center: tuple[float, float],
    oblast_shapes: dict[str, dict],
    oblast_names: dict[str, str],
    leaflet_js: str,
    leaflet_css: str,
    zoom: int = 7,
) -> folium.Map:
    """The map without claims: tiles (when reachable) and the oblast outlines (always)."""
    fmap = folium.Map(
        location=list(center), zoom_start=zoom, tiles=None, control_scale=True, prefer_canvas=False
    )
    # The served copy of Leaflet replaces folium's CDN links (and its unused plugins).
    fmap.default_js = [("leaflet", leaflet_js)]
    fmap.default_css = [("leaflet_css", leaflet_css)]
    folium.TileLayer(
        "OpenStreetMap",
        attr="&copy; OpenStreetMap contributors; boundaries: Natural Earth",
    ).add_to(fmap)
    if oblast_shapes:
        outlines = {
            "type": "FeatureCollection",
            "features": [
                {
                    "type": "Feature",
                    "geometry": geometry,
                    "properties": {"iso_3166_2": code, "name": oblast_names.get(code, code)},
                }
                for code, geometry in sorted(oblast_shapes.items())
            ],
        }
        folium.GeoJson(
            outlines,
            name="Oblasts",
            interactive=False,
            style_function=lambda _feature: OUTLINE_STYLE,
        ).add_to(fmap)
    return fmap


def _tooltip(row: pd.Series) -> str:
    status = vocab.STATUS_LABELS.get(row["status"], row["status"])
    return escape_html(f"{row['name']} — {status} ({row['certainty']})")


def marker_style(status: str, certainty: str, *, selected: bool = False) -> dict:
    """Leaflet path options for a place: colour for the status, fill and dashes for the
    certainty (see vocab), a thicker ring when selected."""
    colour = vocab.STATUS_COLOURS.get(status, vocab.NO_CLAIM_COLOUR)
    filled = vocab.CERTAINTY_FILLED[certainty]
    return {
        "color": MARKER_OUTLINE if filled else colour,
        "weight": (3.5 if selected else 2) + (0 if filled else 1),
        "dashArray": vocab.CERTAINTY_DASH[certainty],
        "fillColor": colour if filled else vocab.HOLLOW_FILL,
        "fillOpacity": 0.95 if filled else 0.85,
    }


def area_style(status: str, certainty: str, *, selected: bool = False) -> dict:
    """Path options for an oblast-level claim: a light wash, so towns inside stay legible."""
    colour = vocab.STATUS_COLOURS.get(status, vocab.NO_CLAIM_COLOUR)
    return {
        "color": colour,
        "weight": 4 if selected else 2.5,
        "dashArray": vocab.CERTAINTY_DASH[certainty],
        "fillColor": colour,
        "fillOpacity": 0.22 if vocab.CERTAINTY_FILLED[certainty] else 0.08,
    }


def claims_layer(
    state: pd.DataFrame, oblast_shapes: dict[str, dict], selected: str | None = None
) -> folium.FeatureGroup:
    """One shape per place: a circle for a town, the oblast's area for a region-level claim."""
    layer = folium.FeatureGroup(name="Claims")
    # Areas first, so that the towns inside them are drawn on top and stay clickable.
    rows = state.sort_values("kind", key=lambda kind: kind != "oblast", kind="stable")
    for _, row in rows.iterrows():
        is_selected = row["place_id"] == selected
        geometry = oblast_shapes.get(row["oblast"]) if row["kind"] == "oblast" else None
        if geometry is not None:
            style = area_style(row["status"], row["certainty"], selected=is_selected)
            folium.GeoJson(
                {"type": "Feature", "geometry": geometry, "properties": {}},
                style_function=lambda _feature, style=style: style,
                tooltip=_tooltip(row),
            ).add_to(layer)
            continue
        style = marker_style(row["status"], row["certainty"], selected=is_selected)
        folium.CircleMarker(
            location=[row["lat"], row["lon"]],
            radius=SELECTED_RADIUS if is_selected else MARKER_RADIUS,
            color=style["color"],
            weight=style["weight"],
            dash_array=style["dashArray"],
            fill=True,
            fill_color=style["fillColor"],
            fill_opacity=style["fillOpacity"],
            tooltip=_tooltip(row),
        ).add_to(layer)
    return layer


def clicked_place(
    state: pd.DataFrame, oblast_shapes: dict[str, dict], clicked: dict | None
) -> str | None:
    """The place a map click landed on: a marker at those coordinates, else a shaded oblast
    containing the point."""
    if not clicked or clicked.get("lat") is None or clicked.get("lng") is None:
        return None
    lat, lng = float(clicked["lat"]), float(clicked["lng"])
    points = state[state["kind"] != "oblast"]
    hit = points[
        ((points["lat"] - lat).abs() < CLICK_TOLERANCE_DEGREES)
        & ((points["lon"] - lng).abs() < CLICK_TOLERANCE_DEGREES)
    ]
    if not hit.empty:
        return str(hit.iloc[0]["place_id"])
    for _, row in state[state["kind"] == "oblast"].iterrows():
        geometry = oblast_shapes.get(row["oblast"])
        if geometry is not None and point_in_geometry(lng, lat, geometry):
            return str(row["place_id"])
    return None
