"""Many places in one payload, drawn by a small Leaflet layer on a canvas with the markers'
styles, tooltips and click coordinates (folium would build, render and re-parse every marker
on each rerun; thousands of SVG paths are slow in the browser)."""

from __future__ import annotations

import functools

import numpy as np
import pandas as pd
from folium.template import Template

from frontline import vocab
from frontline.events import NO_STATUS, status_label
from frontline.importers.maprows import is_imported
from frontline.record.sources import SOURCES, WIKIPEDIA
from frontline.web.leaflet import OnePass, js_data, map_text
from frontline.web.markers import (
    DIAMOND_SCALE,
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
    // A place an imported data set speaks for: a diamond, not a news report's circle (its
    // clicks and tooltip as a circle marker's).
    var Diamond = L.CircleMarker.extend({
        _updatePath: function () {
            var r = this._renderer;
            if (!r._drawing || this._empty()) { return; }
            var p = this._point, s = Math.max(Math.round(this._radius), 1) * data.diamondScale;
            var ctx = r._ctx;
            ctx.beginPath();
            ctx.moveTo(p.x, p.y - s);
            ctx.lineTo(p.x + s, p.y);
            ctx.lineTo(p.x, p.y + s);
            ctx.lineTo(p.x - s, p.y);
            ctx.closePath();
            r._fillStroke(ctx, this);
        }
    });
    var imported = {};
    data.imported.forEach(function (i) { imported[i] = true; });
    var group = L.featureGroup();
    var tip = function (i) {
        return data.names[i] + " — " + data.statusLabels[data.status[i]]
            + " (" + data.certainties[data.certainty[i]] + ")"
            + (data.notes[data.note[i]] ? " — " + data.notes[data.note[i]] : "")
            + (imported[i] ? " — " + data.importedNote : "");
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
                                          + " (" + record.sources[record.source[r]]
                                          + ")"},
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
        group.addLayer(imported[i] ? new Diamond([data.lat[i], data.lon[i]], options)
                                   : L.circleMarker([data.lat[i], data.lon[i]], options));
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
            renderer._container.setAttribute("data-imported-drawn", data.imported.length);
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
    imported: np.ndarray | None = None,
) -> str:
    """What ClaimsCanvas draws: the places of `state` (canvas_payload, with `imported` as
    imported_places gives it, if known) and, under them, the record's (record_payload), as
    a script's JSON."""
    payload = canvas_payload(state, oblast_shapes, selected, imported)
    if record is not None:
        payload["record"] = record_payload(record, selected)
    return js_data(payload)


def canvas_payload(
    state: pd.DataFrame,
    oblast_shapes: dict[str, dict],
    selected: str | None = None,
    imported: np.ndarray | None = None,
) -> dict:
    """What the canvas layer draws, as plain lists (vocabulary codes, not words, per place);
    `imported`: imported_places(state), when the caller has it already."""
    # Only the columns drawn, as arrays: pandas' selections of a few hundred rows cost more
    # than the drawing's own work.
    column = {
        name: state[name].to_numpy(dtype=object)
        for name in ("place_id", "name", "kind", "oblast", "status", "certainty", *NOTE_COLUMNS)
        if name in state.columns
    }
    lat, lon = state["lat"].to_numpy(dtype=float), state["lon"].to_numpy(dtype=float)
    is_area = (column["kind"] == "oblast") & np.isin(column["oblast"], list(oblast_shapes)).astype(
        bool
    )
    points = ~is_area
    shown = {name: values[points] for name, values in column.items()}
    from_import = (imported_places(state) if imported is None else imported)[points]
    statuses, certainties, combos = _codes()
    return {
        "lat": lat[points].tolist(),
        "lon": lon[points].tolist(),
        "status": _coded(shown["status"], statuses),
        "certainty": _coded(shown["certainty"], certainties),
        "names": [map_text(name) for name in shown["name"]],
        **_notes(shown),
        "disputed": np.flatnonzero(shown["disputed"].astype(bool)).tolist()
        if "disputed" in shown
        else [],
        "imported": np.flatnonzero(from_import).tolist(),
        **_drawing()[0],
        "selected": _first(shown["place_id"], selected),
        **_drawing()[1],
        "areas": [
            {
                "geometry": oblast_shapes[row["oblast"]],
                "style": combos.index((row["status"], row["certainty"]))
                + (len(combos) if row["place_id"] == selected else 0),
                "tip": tooltip_text(row),
                "disputed": bool(row.get("disputed", False)),
            }
            for row in (
                dict(zip(column, values, strict=True))
                for values in zip(*(v[is_area] for v in column.values()), strict=True)
            )
        ],
    }


@functools.cache
def _codes() -> tuple[list[str], list[str], list[tuple[str, str]]]:
    statuses, certainties = list(DRAWN_STATUSES), list(vocab.CERTAINTIES)
    return statuses, certainties, [(s, c) for s in statuses for c in certainties]


@functools.cache
def _drawing() -> tuple[dict, dict]:
    """The payload's parts that no place changes: radii, styles and labels (in two, either
    side of "selected")."""
    statuses, certainties, combos = _codes()
    rings = {
        "disputedGap": DISPUTED_GAP,
        "disputedAreaDash": DISPUTED_AREA_DASH,
        "disputedRing": DISPUTED_RING,
        "diamondScale": DIAMOND_SCALE,
        "importedNote": IMPORTED_NOTE,
    }
    return rings, {
        "radius": [MARKER_RADIUS, SELECTED_RADIUS, EVENT_RADIUS],
        "eventStatus": statuses.index(NO_STATUS),
        "statusLabels": [map_text(status_label(s)) for s in statuses],
        "certainties": [map_text(c) for c in certainties],
        "styles": [marker_style(s, c) for s, c in combos],
        "selectedStyles": [marker_style(s, c, selected=True) for s, c in combos],
        "areaStyles": [area_style(s, c) for s, c in combos]
        + [area_style(s, c, selected=True) for s, c in combos],
    }


def _coded(values: np.ndarray, words: list[str]) -> list[int]:
    """Each value's place among `words`, -1 for one not among them (as pd.Categorical)."""
    code = {word: number for number, word in enumerate(words)}
    return [code.get(value, -1) for value in values]


def _first(place_ids: np.ndarray, selected: str | None) -> int:
    chosen = np.flatnonzero(place_ids == selected) if selected is not None else ()
    return int(chosen[0]) if len(chosen) else -1


NOTE_COLUMNS = ("sources", "sides", "admission", "disputed", "disputed_with", "events")


IMPORTED_NOTE = "imported data set"  # after the tooltip of a place drawn as a diamond


def imported_places(state: pd.DataFrame) -> np.ndarray:
    """Per place of a state, whether the claim that decides it is an imported data set's
    (a news row without an article: maprows.is_imported), drawn as a diamond."""
    if "article_id" not in state or "source" not in state:
        return np.zeros(len(state), dtype=bool)
    return is_imported(state).to_numpy()


def _notes(points: dict[str, np.ndarray]) -> dict:
    """Each point's assessment_note, escaped: the distinct notes once ("notes"), and each
    point's among them ("note"), as notes repeat from place to place."""
    if "sources" not in points:
        return {"notes": [""], "note": [0] * len(points["status"])}
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
    sources = list(SOURCES)  # each dot's source (the outlet of its entry): a code, and names
    outlets = (
        record["outlet"].to_numpy(dtype=object)
        if "outlet" in record
        else np.full(len(record), WIKIPEDIA.outlet, dtype=object)
    )
    known = np.isin(outlets, sources)
    return {
        "source": _coded(np.where(known, outlets, WIKIPEDIA.outlet), sources),
        "lat": record["lat"].to_numpy(dtype=float).tolist(),
        "lon": record["lon"].to_numpy(dtype=float).tolist(),
        "status": _coded(record["status"].to_numpy(dtype=object), list(vocab.STATUSES)),
        "names": [map_text(name) for name in record["name"].to_numpy(dtype=object)],
        "selected": _first(record["place_id"].to_numpy(dtype=object), selected),
        **_record_drawing(),
    }


@functools.cache
def _record_drawing() -> dict:
    statuses = list(vocab.STATUSES)
    return {
        "sources": [map_text(SOURCES[o].name) for o in SOURCES],
        "radius": [RECORD_RADIUS, RECORD_SELECTED_RADIUS],
        "hitRadius": RECORD_HIT_RADIUS,
        "styles": [record_style(s) for s in statuses],
        "selectedStyles": [record_style(s, selected=True) for s in statuses],
    }
