"""The Folium map: a base map that stays the same between reruns, and a layer of claims.

Popups are left out on purpose: they close on every rerun, and the passages behind a marker
are shown beside the map instead. Every text that reaches the map is escaped.

Speed: folium builds, renders and re-parses every element through Jinja, a few milliseconds
per marker on each rerun, and thousands of SVG paths are slow in the browser. So a handful of
places are drawn as folium CircleMarkers, and more as one compact payload that a small
Leaflet layer draws on a canvas (frontline.web.canvas), with the same styles
(frontline.web.markers), tooltips and click coordinates. The outlines, too, are one prepared
script rather than a GeoJson element whose every coordinate folium would walk again on each
rerun.
"""

from __future__ import annotations

from collections.abc import Hashable

import folium
import pandas as pd
import xyzservices
from folium.template import Template

from frontline.memo import Memo
from frontline.store.boundaries import point_in_geometry
from frontline.web.basemap import PlaceLabels
from frontline.web.canvas import NOTE_COLUMNS, ClaimsCanvas, canvas_json, imported_places
from frontline.web.leaflet import (
    CircleMarker,
    FeatureGroup,
    GeoJson,
    Map,
    OnePass,
    TileLayer,
    Tooltip,
    js_data,
    map_text,
    script_text,
)
from frontline.web.markers import (
    DISPUTED_GAP,
    DISPUTED_RING,
    OUTLINE_STYLE,
    area_style,
    marker_radius,
    marker_style,
    tooltip_text,
)

# A click lands on the marker's centre coordinates; allow for float round-tripping.
CLICK_TOLERANCE_DEGREES = 1e-6
# Above this many point markers, the canvas layer draws them (see the module's doc).
INDIVIDUAL_MARKERS_MAX = 50
# What a marker and its tooltip are drawn from (markers.tooltip_text reads the notes).
MARKER_COLUMNS = ("place_id", "name", "kind", "oblast", "lat", "lon", "status", "certainty")
MARKER_COLUMNS += NOTE_COLUMNS
# The provider itself, not its name: folium looks a name up anew on every rerun.
OSM_TILES = xyzservices.providers.OpenStreetMap.Mapnik
TILE_ATTRIBUTION = "&copy; OpenStreetMap contributors; boundaries: Natural Earth"


class _Outlines(OnePass):
    _template = Template(
        """{% macro script(this, kwargs) %}
var {{ this.get_name() }} = L.geoJson({{ this.data }}, {
    interactive: false, style: {{ this.style }}
}).addTo({{ this._parent.get_name() }});
{% endmacro %}"""
    )

    def __init__(self, data: str):
        super().__init__()
        self._name = "Outlines"
        self.data = data
        self.style = js_data(OUTLINE_STYLE)


def outlines_json(oblast_shapes: dict[str, dict], oblast_names: dict[str, str]) -> str:
    """The outlines as GeoJSON text for base_map; encode it once per data load (80 KB that
    would otherwise be encoded again on every rerun)."""
    collection = {
        "type": "FeatureCollection",
        "features": [
            {
                "type": "Feature",
                "geometry": geometry,
                "properties": {
                    "iso_3166_2": map_text(code),
                    "name": map_text(oblast_names.get(code, code)),
                },
            }
            for code, geometry in sorted(oblast_shapes.items())
        ],
    }
    return js_data(collection) if oblast_shapes else ""


ATTRIBUTION_STYLE = (
    "<style>.leaflet-control-attribution{font-size:11px;line-height:1.4;max-width:60%}</style>"
)


class _WheelAfterClick(OnePass):
    """The wheel zooms the map only after a click on it (on a marker or a dot too), and stops
    once the pointer leaves: scrolling the page past the map must not zoom it out to a grey
    world. The pointer has left when a mouseout puts it outside the map's box: the markers'
    redraw after a click (the place's selection) sends Leaflet mouseouts while the pointer
    stays on the map, from a removed canvas or towards no element."""

    _template = Template(
        """{% macro script(this, kwargs) %}
(function (map) {
    var box = map.getContainer();
    map.on("click focus", function () { map.scrollWheelZoom.enable(); });
    L.DomEvent.on(box, "mouseout", function (e) {
        var r = box.getBoundingClientRect();
        if (e.clientX < r.left || e.clientX >= r.right
                || e.clientY < r.top || e.clientY >= r.bottom) {
            map.scrollWheelZoom.disable();
        }
    });
    map.on("blur", function () { map.scrollWheelZoom.disable(); });
})({{ this._parent.get_name() }});
{% endmacro %}"""
    )


class _ClickAtCentre(OnePass):
    """A click on a circle reports the circle's centre, which clicked_place matches. Leaflet
    does so itself only for circles of radius 10 px or less (the markers are larger, to be
    easy to tap); elsewhere it reports the pointer's position."""

    _template = Template(
        """{% macro script(this, kwargs) %}
if (!L.CircleMarker.clickAtCentre) {
    L.CircleMarker.clickAtCentre = true;
    L.CircleMarker.addInitHook(function () {
        this.on("click", function (e) { e.latlng = this.getLatLng(); });
    });
}
{% endmacro %}"""
    )


def base_map(
    center: tuple[float, float],
    outlines: str,
    leaflet_js: str,
    leaflet_css: str,
    zoom: int = 7,
    labels: str = "",
) -> folium.Map:
    """The map without claims: tiles (when reachable), the oblast outlines (always;
    `outlines` as outlines_json gives them, empty for none) and the place names that make
    the map readable without tiles (`labels`, the JSON of basemap.place_labels_payload;
    empty for none)."""
    fmap = Map(
        location=list(center),
        zoom_start=zoom,
        tiles=None,
        control_scale=True,
        prefer_canvas=False,
        scroll_wheel_zoom=False,  # until a click on the map (_WheelAfterClick)
    )
    _WheelAfterClick().add_to(fmap)
    _ClickAtCentre().add_to(fmap)  # before any marker is made
    # The served copy of Leaflet replaces folium's CDN links (and its unused plugins).
    fmap.default_js = [("leaflet", leaflet_js)]
    fmap.default_css = [("leaflet_css", leaflet_css)]
    TileLayer(OSM_TILES, attr=TILE_ATTRIBUTION, name="openstreetmap").add_to(fmap)
    # Small print, kept to the right: at full width it wrapped over the scale bar.
    fmap.get_root().header.add_child(script_text(ATTRIBUTION_STYLE))
    if outlines:
        _Outlines(outlines).add_to(fmap)
    if labels:
        PlaceLabels(labels).add_to(fmap)
    return fmap


def claims_layer(
    state: pd.DataFrame,
    oblast_shapes: dict[str, dict],
    selected: str | None = None,
    record: pd.DataFrame | None = None,
    *,
    memo: Memo | None = None,
    key: Hashable = None,
) -> folium.FeatureGroup:
    """One shape per place: a circle for a town, the oblast's area for a region-level claim;
    drawn on one canvas when there are more than INDIVIDUAL_MARKERS_MAX towns or any place an
    imported data set speaks for (a diamond there, not a circle). The record's
    places (`record`, a state as the timeline gives it) go on a canvas under the news, small
    and pale, so the news stays readable on top. With a `memo` of the data load, the
    canvas's payload is kept there under `key`, which must decide `state` and `record`
    (ui.shown_keys)."""
    layer = FeatureGroup(name="Claims")
    # On the canvas too: a place an imported data set speaks for, drawn as a diamond.
    imported = imported_places(state)
    many = (state["kind"] != "oblast").sum() > INDIVIDUAL_MARKERS_MAX or bool(imported.any())
    has_record = record is not None and not record.empty
    if many or has_record:
        news, imported = (state, imported) if many else (state.iloc[0:0], imported[:0])
        shown = record if has_record else None

        def payload() -> str:
            return canvas_json(news, oblast_shapes, selected, shown, imported)

        data = payload() if memo is None else memo.get(("claims canvas", key, selected), payload)
        ClaimsCanvas(data).add_to(layer)
        if many:
            return layer
    # Areas first, so that the towns inside them are drawn on top and stay clickable. Only
    # the columns drawn, as plain rows: pandas' rows of the whole state cost more than
    # the markers.
    drawn = state[[c for c in MARKER_COLUMNS if c in state.columns]]
    rows = drawn.sort_values("kind", key=lambda kind: kind != "oblast", kind="stable")
    for row in rows.to_dict("records"):
        is_selected = row["place_id"] == selected
        geometry = oblast_shapes.get(row["oblast"]) if row["kind"] == "oblast" else None
        if geometry is not None:
            style = area_style(
                row["status"],
                row["certainty"],
                selected=is_selected,
                disputed=bool(row.get("disputed", False)),
            )
            GeoJson(
                {"type": "Feature", "geometry": geometry, "properties": {}},
                style_function=lambda _feature, style=style: style,
                tooltip=Tooltip(tooltip_text(row)),
            ).add_to(layer)
            continue
        style = marker_style(row["status"], row["certainty"], selected=is_selected)
        CircleMarker(
            location=[row["lat"], row["lon"]],
            radius=marker_radius(row["status"], is_selected),
            color=style["color"],
            weight=style["weight"],
            dash_array=style["dashArray"],
            fill=True,
            fill_color=style["fillColor"],
            fill_opacity=style["fillOpacity"],
            tooltip=Tooltip(tooltip_text(row)),
        ).add_to(layer)
        if row.get("disputed", False):
            ring = CircleMarker(
                location=[row["lat"], row["lon"]],
                radius=marker_radius(row["status"], is_selected) + DISPUTED_GAP,
                color=DISPUTED_RING["color"],
                weight=DISPUTED_RING["weight"],
                dash_array=DISPUTED_RING["dashArray"],
                fill=False,
            )
            # folium has no argument for it: the ring takes no hover or click of its own.
            ring.options["interactive"] = False
            ring.add_to(layer)
    return layer


def clicked_place(
    state: pd.DataFrame,
    oblast_shapes: dict[str, dict],
    clicked: dict | None,
    record: pd.DataFrame | None = None,
) -> str | None:
    """The place a map click landed on: a marker at those coordinates (the news's, else a
    dot of the record's), else a shaded oblast containing the point. A record dot inside a
    shaded oblast is the dot: its click reports the dot's centre (_ClickAtCentre)."""
    if not clicked or clicked.get("lat") is None or clicked.get("lng") is None:
        return None
    lat, lng = float(clicked["lat"]), float(clicked["lng"])
    sources = [places for places in (state, record) if places is not None and not places.empty]
    for places in sources:
        points = places[places["kind"] != "oblast"]
        hit = points[
            ((points["lat"] - lat).abs() < CLICK_TOLERANCE_DEGREES)
            & ((points["lon"] - lng).abs() < CLICK_TOLERANCE_DEGREES)
        ]
        if not hit.empty:
            return str(hit.iloc[0]["place_id"])
    for places in sources:
        for _, row in places[places["kind"] == "oblast"].iterrows():
            geometry = oblast_shapes.get(row["oblast"])
            if geometry is not None and point_in_geometry(lng, lat, geometry):
                return str(row["place_id"])
    return None
