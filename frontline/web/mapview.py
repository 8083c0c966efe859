"""The Folium map: a base map that stays the same between reruns, and a layer of claims.

Popups are left out on purpose: they close on every rerun, and the passages behind a marker
are shown beside the map instead. Every text that reaches the map is escaped.

Speed: folium builds, renders and re-parses every element through Jinja, a few milliseconds
per marker on each rerun, and thousands of SVG paths are slow in the browser. So a handful of
places are drawn as folium CircleMarkers, and more as one compact payload (coordinates, style
codes, names) that a small Leaflet layer draws on a canvas, with the same styles, tooltips
and click coordinates. The outlines, too, are one prepared script rather than a GeoJson
element whose every coordinate folium would walk again on each rerun.
"""

from __future__ import annotations

import functools
import json
from collections.abc import Mapping

import folium
import numpy as np
import pandas as pd
import xyzservices
from branca.element import Element, MacroElement
from folium.template import Template

from frontline import vocab
from frontline.assessment import support_text
from frontline.events import NO_STATUS, status_label
from frontline.store.boundaries import point_in_geometry
from frontline.web.text import escape_html

OUTLINE_STYLE = {"color": "#555555", "weight": 1.2, "fill": False, "opacity": 0.9}
MARKER_OUTLINE = "#1a1a1a"
# A marker is at least 24 px across, a touch target of WCAG 2.2's minimum (2.5.8).
MARKER_RADIUS = 12
SELECTED_RADIUS = 15
# A click lands on the marker's centre coordinates; allow for float round-tripping.
CLICK_TOLERANCE_DEGREES = 1e-6
# Above this many point markers, the canvas layer draws them (see the module's doc).
INDIVIDUAL_MARKERS_MAX = 50
# The provider itself, not its name: folium looks a name up anew on every rerun.
OSM_TILES = xyzservices.providers.OpenStreetMap.Mapnik
TILE_ATTRIBUTION = "&copy; OpenStreetMap contributors; boundaries: Natural Earth"


@functools.lru_cache(maxsize=65_536)  # place names repeat on every rerun
def map_text(value: object) -> str:
    """Text for a tooltip: escaped for HTML and JavaScript template strings, and braces as
    entities too, because folium passes each element's script through Jinja once more on the
    server, where a name holding "{{ ... }}" would run as template code."""
    return escape_html(value).replace("{", "&#123;").replace("}", "&#125;")


def js_data(value: object) -> str:
    """A JSON value to place inside a <script>: no "</" can close it."""
    return json.dumps(value, separators=(",", ":"), ensure_ascii=False).replace("</", "<\\/")


class _ScriptText(Element):
    """Script text placed in the page as it is, not parsed as a Jinja template again."""

    def __init__(self, text: str):
        super().__init__()
        self.text = text

    def render(self, **kwargs) -> str:
        return self.text


class OnePass(MacroElement):
    """Renders its header, html and script into the page once, as they are. branca parses
    every element's output as a Jinja template again: a few milliseconds per element on each
    rerun, and a "{{" in a name would run on the server."""

    def render(self, **kwargs) -> None:
        figure = self.get_root()
        macros = self._template.module.__dict__
        for part in ("header", "html", "script"):
            if part in macros:
                text = _ScriptText(str(macros[part](self, kwargs)))
                getattr(figure, part).add_child(text, name=self.get_name())
        for child in self._children.values():
            child.render(**kwargs)


# folium's own elements, rendered in one pass (see OnePass).
class CircleMarker(folium.CircleMarker, OnePass):
    pass


class GeoJson(folium.GeoJson, OnePass):
    pass


class Tooltip(folium.Tooltip, OnePass):
    pass


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
    """The wheel zooms the map only after a click on it, and stops once the pointer leaves:
    scrolling the page past the map must not zoom it out to a grey world."""

    _template = Template(
        """{% macro script(this, kwargs) %}
(function (map) {
    map.on("click focus", function () { map.scrollWheelZoom.enable(); });
    map.on("mouseout blur", function () { map.scrollWheelZoom.disable(); });
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
) -> folium.Map:
    """The map without claims: tiles (when reachable) and the oblast outlines (always;
    `outlines` as outlines_json gives them, empty for none)."""
    fmap = folium.Map(
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
    folium.TileLayer(OSM_TILES, attr=TILE_ATTRIBUTION, name="openstreetmap").add_to(fmap)
    # Small print, kept to the right: at full width it wrapped over the scale bar.
    fmap.get_root().header.add_child(folium.Element(ATTRIBUTION_STYLE))
    if outlines:
        _Outlines(outlines).add_to(fmap)
    return fmap


def _tooltip(row: Mapping) -> str:
    note = assessment_note(row)
    return map_text(
        f"{row['name']} — {status_label(row['status'])} ({row['certainty']})"
        + (f" — {note}" if note else "")
    )


def assessment_note(row: Mapping) -> str:
    """What stands behind a place's assessment, in words: "3 sources, both sides; disputed
    with Russian-held". Empty for a row without the assessment's columns."""
    parts = []
    if row.get("sources"):
        sides = ["" if s == "neither" else s for s in str(row.get("sides", "")).split(",")]
        parts.append(support_text(int(row["sources"]), sides))
    if row.get("admission"):
        parts.append("an admission by the side that loses it")
    if row.get("disputed"):
        parts.append(f"disputed with {status_label(row['disputed_with'])}")
    if not row.get("status") and row.get("events"):
        events = int(row["events"])
        parts.append(f"{events} event{'' if events == 1 else 's'}, no status")
    return "; ".join(parts)


# A disputed place: a second, dotted black ring around its marker (no colour needed).
DISPUTED_GAP = 5  # pixels between the marker and its ring
DISPUTED_RING = {
    "color": MARKER_OUTLINE,
    "weight": 2,
    "dashArray": "2 3",
    "fill": False,
    "interactive": False,
}
DISPUTED_AREA_DASH = "12 4 2 4"  # a disputed oblast: dash-dot outline


# A place only events speak of (shelled, struck...): a small pale mark, no status colour.
EVENT_RADIUS = 5
# The statuses the canvas codes, with "" for such a place.
DRAWN_STATUSES = (*vocab.STATUSES, NO_STATUS)


def marker_style(status: str, certainty: str, *, selected: bool = False) -> dict:
    """Leaflet path options for a place: colour for the status, fill and dashes for the
    certainty (see vocab), a thicker ring when selected."""
    colour = vocab.STATUS_COLOURS.get(status, vocab.NO_CLAIM_COLOUR)
    filled = vocab.CERTAINTY_FILLED[certainty]
    if status == NO_STATUS:  # an event states no control: a thin grey ring, pale inside
        return {
            "color": vocab.NO_CLAIM_COLOUR,
            "weight": 3.5 if selected else 1.5,
            "dashArray": "2 3",
            "fillColor": vocab.HOLLOW_FILL,
            "fillOpacity": 0.6,
        }
    return {
        "color": MARKER_OUTLINE if filled else colour,
        "weight": (3.5 if selected else 2) + (0 if filled else 1),
        "dashArray": vocab.CERTAINTY_DASH[certainty],
        "fillColor": colour if filled else vocab.HOLLOW_FILL,
        "fillOpacity": 0.95 if filled else 0.85,
    }


def area_style(
    status: str, certainty: str, *, selected: bool = False, disputed: bool = False
) -> dict:
    """Path options for an oblast-level claim: a light wash, so towns inside stay legible."""
    colour = vocab.STATUS_COLOURS.get(status, vocab.NO_CLAIM_COLOUR)
    return {
        "color": colour,
        "weight": 4 if selected else 2.5,
        "dashArray": DISPUTED_AREA_DASH
        if disputed
        else "2 4"
        if status == NO_STATUS
        else vocab.CERTAINTY_DASH[certainty],
        "fillColor": colour,
        # An oblast only events speak of is outlined, hardly shaded: it holds no status.
        "fillOpacity": 0.03
        if status == NO_STATUS
        else 0.22
        if vocab.CERTAINTY_FILLED[certainty]
        else 0.08,
    }


def claims_layer(
    state: pd.DataFrame,
    oblast_shapes: dict[str, dict],
    selected: str | None = None,
    record: pd.DataFrame | None = None,
) -> folium.FeatureGroup:
    """One shape per place: a circle for a town, the oblast's area for a region-level claim;
    drawn on one canvas when there are more than INDIVIDUAL_MARKERS_MAX towns. The record's
    places (`record`, a state as the timeline gives it) go on a canvas under the news, small
    and pale, so the news stays readable on top."""
    layer = folium.FeatureGroup(name="Claims")
    many = (state["kind"] != "oblast").sum() > INDIVIDUAL_MARKERS_MAX
    has_record = record is not None and not record.empty
    if many or has_record:
        news = state if many else state.iloc[0:0]
        ClaimsCanvas(news, oblast_shapes, selected, record if has_record else None).add_to(layer)
        if many:
            return layer
    # Areas first, so that the towns inside them are drawn on top and stay clickable.
    rows = state.sort_values("kind", key=lambda kind: kind != "oblast", kind="stable")
    for _, row in rows.iterrows():
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
                tooltip=Tooltip(_tooltip(row)),
            ).add_to(layer)
            continue
        style = marker_style(row["status"], row["certainty"], selected=is_selected)
        CircleMarker(
            location=[row["lat"], row["lon"]],
            radius=_radius(row["status"], is_selected),
            color=style["color"],
            weight=style["weight"],
            dash_array=style["dashArray"],
            fill=True,
            fill_color=style["fillColor"],
            fill_opacity=style["fillOpacity"],
            tooltip=Tooltip(_tooltip(row)),
        ).add_to(layer)
        if row.get("disputed", False):
            ring = CircleMarker(
                location=[row["lat"], row["lon"]],
                radius=_radius(row["status"], is_selected) + DISPUTED_GAP,
                color=DISPUTED_RING["color"],
                weight=DISPUTED_RING["weight"],
                dash_array=DISPUTED_RING["dashArray"],
                fill=False,
            )
            # folium has no argument for it: the ring takes no hover or click of its own.
            ring.options["interactive"] = False
            ring.add_to(layer)
    return layer


def _radius(status: str, selected: bool) -> int:
    if selected:
        return SELECTED_RADIUS
    return EVENT_RADIUS if status == NO_STATUS else MARKER_RADIUS


class ClaimsCanvas(OnePass):
    """Many places in one payload, drawn by Leaflet on a canvas: areas first, circles on top,
    one shared tooltip ("name — status (certainty)", as the CircleMarkers have it). A click
    on a circle reports its own coordinates (_ClickAtCentre), which clicked_place matches
    exactly. Once drawn, the canvas carries
    data-claims-drawn, for tests and benchmarks to wait on."""

    _template = Template(
        """{% macro script(this, kwargs) %}
var {{ this.get_name() }} = (function (data) {
    var renderer = L.canvas({padding: 0.5});
    var group = L.featureGroup();
    var tip = function (i) {
        return data.names[i] + " — " + data.statusLabels[data.status[i]]
            + " (" + data.certainties[data.certainty[i]] + ")"
            + (data.notes[data.note[i]] ? " — " + data.notes[data.note[i]] : "");
    };
    // Areas as plain polygons, not L.geoJson groups: Leaflet 1.9.3's group tooltip calls
    // getElement() on every child, which a nested group does not have.
    data.areas.forEach(function (area) {
        var options = Object.assign({renderer: renderer, tip: area.tip},
                                    data.areaStyles[area.style],
                                    area.disputed ? {dashArray: data.disputedAreaDash} : {});
        group.addLayer(L.GeoJSON.geometryToLayer(area.geometry, options));
    });
    var record = data.record;
    if (record) {
        for (var r = 0; r < record.lat.length; r++) {
            var mine = r === record.selected;
            var look = Object.assign({renderer: renderer, fill: true,
                                      radius: mine ? record.radius[1] : record.radius[0],
                                      tip: record.names[r] + " — "
                                          + data.statusLabels[record.status[r]]
                                          + " (Wikipedia's list)"},
                                     (mine ? record.selectedStyles
                                           : record.styles)[record.status[r]]);
            group.addLayer(L.circleMarker([record.lat[r], record.lon[r]], look));
        }
    }
    var perCertainty = data.certainties.length;
    for (var i = 0; i < data.lat.length; i++) {
        var chosen = i === data.selected;
        var style = (chosen ? data.selectedStyles : data.styles)[
            data.status[i] * perCertainty + data.certainty[i]];
        var options = Object.assign({renderer: renderer, fill: true, tip: tip(i),
                                     radius: chosen ? data.radius[1]
                                         : data.status[i] === data.eventStatus
                                         ? data.radius[2] : data.radius[0]}, style);
        group.addLayer(L.circleMarker([data.lat[i], data.lon[i]], options));
    }
    // A disputed place: a dotted ring around its marker, drawn without colour.
    data.disputed.forEach(function (i) {
        var ring = Object.assign({renderer: renderer,
                                  radius: (i === data.selected ? data.radius[1] : data.radius[0])
                                      + data.disputedGap}, data.disputedRing);
        group.addLayer(L.circleMarker([data.lat[i], data.lon[i]], ring));
    });
    group.bindTooltip(function (layer) { return layer.options.tip; });
    group.on("add", function () {
        L.Util.requestAnimFrame(function () {
            renderer._container.setAttribute("data-claims-drawn", data.lat.length);
            renderer._container.setAttribute("data-record-drawn",
                                             record ? record.lat.length : 0);
        });
    });
    // The map keeps a renderer after its last path is gone: remove it with the layer.
    group.on("remove", function () { renderer.remove(); });
    return group;
})({{ this.data }}).addTo({{ this._parent.get_name() }});
{% endmacro %}"""
    )

    def __init__(
        self,
        state: pd.DataFrame,
        oblast_shapes: dict[str, dict],
        selected: str | None,
        record: pd.DataFrame | None = None,
    ):
        super().__init__()
        self._name = "ClaimsCanvas"
        payload = canvas_payload(state, oblast_shapes, selected)
        if record is not None:
            payload["record"] = record_payload(record, selected)
        self.data = js_data(payload)


def canvas_payload(
    state: pd.DataFrame, oblast_shapes: dict[str, dict], selected: str | None = None
) -> dict:
    """What the canvas layer draws, as plain lists (vocabulary codes, not words, per place)."""
    statuses, certainties = list(DRAWN_STATUSES), list(vocab.CERTAINTIES)
    combos = [(s, c) for s in statuses for c in certainties]
    # Only the columns drawn: selecting rows of the whole state costs a copy of each column.
    drawn = ["place_id", "name", "kind", "oblast", "lat", "lon", "status", "certainty"]
    state = state[drawn + [c for c in NOTE_COLUMNS if c in state.columns]]
    is_area = (state["kind"] == "oblast").to_numpy() & state["oblast"].isin(
        oblast_shapes
    ).to_numpy()
    points, areas = state[~is_area], state[is_area]
    selected_rows = np.flatnonzero((points["place_id"] == selected).to_numpy())
    return {
        "lat": points["lat"].tolist(),
        "lon": points["lon"].tolist(),
        "status": pd.Categorical(points["status"], statuses).codes.tolist(),
        "certainty": pd.Categorical(points["certainty"], certainties).codes.tolist(),
        "names": [map_text(name) for name in points["name"].tolist()],
        **_notes(points),
        "disputed": np.flatnonzero(points["disputed"].to_numpy(dtype=bool)).tolist()
        if "disputed" in points
        else [],
        "disputedGap": DISPUTED_GAP,
        "disputedAreaDash": DISPUTED_AREA_DASH,
        "disputedRing": DISPUTED_RING,
        "selected": int(selected_rows[0]) if len(selected_rows) else -1,
        "radius": [MARKER_RADIUS, SELECTED_RADIUS, EVENT_RADIUS],
        "eventStatus": statuses.index(NO_STATUS),
        "statusLabels": [map_text(status_label(s)) for s in statuses],
        "certainties": [map_text(c) for c in certainties],
        "styles": [marker_style(s, c) for s, c in combos],
        "selectedStyles": [marker_style(s, c, selected=True) for s, c in combos],
        "areaStyles": [area_style(s, c) for s, c in combos]
        + [area_style(s, c, selected=True) for s, c in combos],
        "areas": [
            {
                "geometry": oblast_shapes[row.oblast],
                "style": combos.index((row.status, row.certainty))
                + (len(combos) if row.place_id == selected else 0),
                "tip": _tooltip(row._asdict()),
                "disputed": bool(getattr(row, "disputed", False)),
            }
            for row in areas.itertuples(index=False)
        ],
    }


NOTE_COLUMNS = ("sources", "sides", "admission", "disputed", "disputed_with", "events")


def _notes(points: pd.DataFrame) -> dict:
    """Each point's assessment_note, escaped: the distinct notes once ("notes"), and each
    point's among them ("note"), as notes repeat from place to place."""
    if "sources" not in points:
        return {"notes": [""], "note": [0] * len(points)}
    columns = [points[c].tolist() for c in ("status", *NOTE_COLUMNS)]
    codes: dict[tuple, int] = {}
    notes, note = [], []
    for values in zip(*columns, strict=True):
        code = codes.get(values)
        if code is None:
            code = codes[values] = len(notes)
            row = dict(zip(("status", *NOTE_COLUMNS), values, strict=True))
            notes.append(map_text(assessment_note(row)))
        note.append(code)
    return {"notes": notes or [""], "note": note}


RECORD_RADIUS = 6
RECORD_SELECTED_RADIUS = 10


def record_style(status: str, *, selected: bool = False) -> dict:
    """A record place: a small pale dot with a thin ring, beneath the news markers."""
    colour = vocab.STATUS_COLOURS.get(status, vocab.NO_CLAIM_COLOUR)
    return {
        "color": MARKER_OUTLINE if selected else colour,
        "weight": 2.5 if selected else 1,
        "fillColor": colour,
        "fillOpacity": 0.75 if selected else 0.45,
        "opacity": 0.9,
    }


def record_payload(record: pd.DataFrame, selected: str | None = None) -> dict:
    """What the canvas draws of the record's places, under the news."""
    statuses = list(vocab.STATUSES)
    chosen = np.flatnonzero((record["place_id"] == selected).to_numpy())
    return {
        "lat": record["lat"].tolist(),
        "lon": record["lon"].tolist(),
        "status": pd.Categorical(record["status"], statuses).codes.tolist(),
        "names": [map_text(name) for name in record["name"].tolist()],
        "selected": int(chosen[0]) if len(chosen) else -1,
        "radius": [RECORD_RADIUS, RECORD_SELECTED_RADIUS],
        "styles": [record_style(s) for s in statuses],
        "selectedStyles": [record_style(s, selected=True) for s in statuses],
    }


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
