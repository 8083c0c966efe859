"""Many places in one payload, drawn by a small Leaflet layer on a canvas with the markers'
styles, tooltips and click coordinates (folium would build, render and re-parse every marker
on each rerun; thousands of SVG paths are slow in the browser)."""

from __future__ import annotations

import numpy as np
import pandas as pd
from folium.template import Template

from frontline import vocab
from frontline.events import NO_STATUS, status_label
from frontline.web.leaflet import OnePass, js_data, map_text
from frontline.web.markers import (
    DISPUTED_AREA_DASH,
    DISPUTED_GAP,
    DISPUTED_RING,
    DRAWN_STATUSES,
    EVENT_RADIUS,
    MARKER_RADIUS,
    RECORD_HIT_RADIUS,
    RECORD_RADIUS,
    RECORD_SELECTED_RADIUS,
    SELECTED_RADIUS,
    area_style,
    assessment_note,
    marker_style,
    record_style,
    tooltip_text,
)


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
            // Over the small dot, an invisible circle 24 px across takes its clicks and
            // tooltip (still beneath the news markers, drawn after it).
            group.addLayer(L.circleMarker([record.lat[r], record.lon[r]],
                                          {renderer: renderer, tip: look.tip, stroke: false,
                                           fill: true, fillOpacity: 0,
                                           radius: record.hitRadius}));
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

    def __init__(self, data: str):
        """`data`: the payload as canvas_json gives it."""
        super().__init__()
        self._name = "ClaimsCanvas"
        self.data = data


def canvas_json(
    state: pd.DataFrame,
    oblast_shapes: dict[str, dict],
    selected: str | None,
    record: pd.DataFrame | None = None,
) -> str:
    """What ClaimsCanvas draws: the places of `state` (canvas_payload) and, under them, the
    record's (record_payload), as a script's JSON."""
    payload = canvas_payload(state, oblast_shapes, selected)
    if record is not None:
        payload["record"] = record_payload(record, selected)
    return js_data(payload)


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
                "tip": tooltip_text(row._asdict()),
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
        "hitRadius": RECORD_HIT_RADIUS,
        "styles": [record_style(s) for s in statuses],
        "selectedStyles": [record_style(s, selected=True) for s in statuses],
    }
