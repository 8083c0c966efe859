"""A map that reads without its tiles: place names for the larger places, by zoom.

Offline, the OpenStreetMap tiles do not load and the map is a grey ground with the oblast
outlines. The names of the larger places in the GeoNames extract (CC BY 4.0) make it
readable: by default places of 100,000 people and more from zoom 6, of 20,000 from zoom 8
and of 5,000 from zoom 10.

The names go to the browser once, as one compact payload (escaped here, like every text on
the map), and a small Leaflet layer shows only those of the current zoom inside the view,
larger places first and none overlapping another: a few dozen DOM nodes at a time, not a
thousand. The labels sit in a pane of their own below the claims and take no clicks.
"""

from __future__ import annotations

import io
from collections.abc import Iterable, Mapping
from pathlib import Path

import folium
import pandas as pd
from folium.template import Template

from frontline.store import GEONAMES_FILE, cache
from frontline.store.textfile import TextFileError, read_text_file
from frontline.web.leaflet import OnePass, js_data, map_text

# (smallest population, first zoom it is named at), largest first.
LABEL_TIERS = ((100_000, 6), (20_000, 8), (5_000, 10))
# Never more labels than this at once, whatever the view (a wide screen at a high zoom).
MAX_LABELS = 300
LABELS_ATTRIBUTION = "Place names: GeoNames (CC BY 4.0)"
LABELS_PANE = "placeLabels"
LABELS_PANE_Z = 350  # above the tiles (200), below the outlines, areas and claims (400)
# The labels' JSON as the data's .cache keeps it (place_labels_json); the format is bumped
# when what the labels draw, or how their names are romanised, changes.
LABELS_CACHE = "place-labels"
LABELS_FORMAT = "labels-1"


def label_min_zoom(population: int, tiers=LABEL_TIERS) -> int | None:
    """The first zoom a place of this population is named at, or None (never)."""
    for smallest, zoom in tiers:
        if population >= smallest:
            return zoom
    return None


def label_rows(path: Path | str) -> list[dict]:
    """The rows of a GeoNames extract the labels need (id, names, point, population), read
    lean: the map names places on every start, and the full check of the extract
    (store.load_geonames, for reading articles) costs ten times as much. A row whose numbers
    do not read is left out here; the full check reports it."""
    columns = ["geonameid", "name", "latitude", "longitude", "population"]
    try:
        # Through the loader's reader: a regular file within the size limit, UTF-8.
        text = read_text_file(Path(path), lenient=True)
        frame = pd.read_csv(
            io.StringIO(text),
            usecols=[*columns, "alternatenames"],
            dtype=str,
            keep_default_na=False,
        )
    except (TextFileError, ValueError, pd.errors.ParserError):
        return []
    numbers = pd.concat({c: pd.to_numeric(frame[c], errors="coerce") for c in columns[2:]}, axis=1)
    numbers["geonameid"] = pd.to_numeric(frame["geonameid"], errors="coerce")
    usable = numbers.notna().all(axis=1) & frame["name"].str.strip().ne("")
    rows, names = numbers[usable], frame["name"][usable]
    alternates = frame["alternatenames"][usable]
    return [
        {
            "geonameid": int(g),
            "name": n,
            "latitude": lat,
            "longitude": lon,
            "population": int(p),
            "alternatenames": [a for a in alt.split("|") if a],
        }
        for g, n, alt, lat, lon, p in zip(
            rows["geonameid"].tolist(),
            names.tolist(),
            alternates.tolist(),
            rows["latitude"].tolist(),
            rows["longitude"].tolist(),
            rows["population"].tolist(),
            strict=True,
        )
    ]


def place_labels_payload(rows: Iterable[Mapping], tiers=LABEL_TIERS) -> dict:
    """What the label layer draws, from rows of store.load_geonames: the places named at
    some zoom, largest first (ties by GeoNames id, so the payload is the same on every
    build), their names escaped for the map."""
    # Imported here: the gazetteer brings rapidfuzz, which a start with the labels in the
    # data's .cache (app.ui.place_labels) does without.
    from frontline.news.gazetteer import canonical_name

    named = []
    for row in rows:
        zoom = label_min_zoom(row["population"], tiers)
        if zoom is not None:
            named.append((-row["population"], row["geonameid"], zoom, row))
    named.sort(key=lambda item: item[:2])
    return {
        "lat": [round(row["latitude"], 4) for *_, row in named],
        "lon": [round(row["longitude"], 4) for *_, row in named],
        # The project's romanisation, as the panel and the gazetteer name places (Kupiansk,
        # not GeoNames' Kupyansk).
        "names": [
            map_text(canonical_name(row["name"], row.get("alternatenames", ()))[0])
            for *_, row in named
        ],
        "minZoom": [zoom for _, _, zoom, _ in named],
        "majorZoom": tiers[0][1] if tiers else 0,
        "maxLabels": MAX_LABELS,
        "pane": LABELS_PANE,
        "paneZ": LABELS_PANE_Z,
        "attribution": map_text(LABELS_ATTRIBUTION),
    }


def place_labels_json(root: Path, stamp: tuple) -> str:
    """The label layer's JSON for the GeoNames extract of the data directory `root`, whose
    file stamp (modification time, size) is `stamp`: kept in the data's .cache under it, as
    reading the extract and romanising its names was a tenth of a start."""
    key = repr((LABELS_FORMAT, stamp))
    kept = cache.read_frame(root, LABELS_CACHE, key)
    if kept is not None and list(kept.columns) == ["json"] and len(kept) == 1:
        return str(kept["json"].iloc[0])
    labels = js_data(place_labels_payload(label_rows(root / GEONAMES_FILE)))
    cache.write_frame(root, LABELS_CACHE, pd.DataFrame({"json": [labels]}), key)
    return labels


LABELS_CSS = """<style>
.fl-place-label{font:11px/14px sans-serif;color:#333;white-space:nowrap;
 text-shadow:0 0 2px #fff,0 0 2px #fff,0 0 3px #fff}
.fl-place-label.fl-major{font-size:13px;font-weight:600;color:#222}
.fl-place-label::before{content:"";position:absolute;left:-20px;top:5px;width:4px;height:4px;
 border-radius:50%;background:#444}
</style>"""


class PlaceLabels(OnePass):
    """The label layer (see the module's doc). Once drawn, its pane carries
    data-labels-shown with the number of labels, for tests to read."""

    _template = Template(
        """{% macro header(this, kwargs) %}{{ this.css }}{% endmacro %}
{% macro script(this, kwargs) %}
var {{ this.get_name() }} = (function (data) {
    // The text starts clear of a claim's marker at the place, selected (15 px) and outlined.
    var CHAR_PX = 6.5, LINE_PX = 14, GAP_PX = 3, LABEL_GAP_PX = 20;
    var Labels = L.Layer.extend({
        onAdd: function (map) {
            this._pane = map.getPane(data.pane) || map.createPane(data.pane);
            this._pane.style.zIndex = data.paneZ;
            this._pane.style.pointerEvents = "none";
            this._group = L.layerGroup().addTo(map);
            map.on("zoomend moveend", this._draw, this);
            if (map.attributionControl) {
                map.attributionControl.addAttribution(data.attribution);
            }
            this._draw();
        },
        onRemove: function (map) {
            map.off("zoomend moveend", this._draw, this);
            map.removeLayer(this._group);
            if (map.attributionControl) {
                map.attributionControl.removeAttribution(data.attribution);
            }
        },
        _draw: function () {
            var map = this._map, zoom = map.getZoom();
            var view = map.getBounds().pad(0.05), placed = [];
            this._group.clearLayers();
            for (var i = 0; i < data.lat.length && placed.length < data.maxLabels; i++) {
                if (data.minZoom[i] > zoom || !view.contains([data.lat[i], data.lon[i]])) {
                    continue;
                }
                var major = data.minZoom[i] <= data.majorZoom;
                var p = map.latLngToContainerPoint([data.lat[i], data.lon[i]]);
                // The label's box, to the right of the place's dot; the text is escaped.
                var width = data.names[i].replace(/&[^;]+;/g, "x").length * CHAR_PX
                    * (major ? 1.2 : 1);
                var box = [p.x - 8, p.y - LINE_PX / 2, p.x + 19 + width, p.y + LINE_PX / 2];
                if (placed.some(function (b) {
                    return box[0] < b[2] + GAP_PX && b[0] < box[2] + GAP_PX
                        && box[1] < b[3] + GAP_PX && b[1] < box[3] + GAP_PX;
                })) {
                    continue;
                }
                placed.push(box);
                this._group.addLayer(L.marker([data.lat[i], data.lon[i]], {
                    pane: data.pane, interactive: false, keyboard: false,
                    icon: L.divIcon({
                        className: "fl-place-label" + (major ? " fl-major" : ""),
                        html: data.names[i], iconSize: null, iconAnchor: [-LABEL_GAP_PX, 7]
                    })
                }));
            }
            this._pane.setAttribute("data-labels-shown", placed.length);
        }
    });
    return new Labels();
})({{ this.data }}).addTo({{ this._parent.get_name() }});
{% endmacro %}"""
    )

    def __init__(self, payload: dict | str):
        """`payload`: place_labels_payload's dict, or its JSON (js_data) made once."""
        super().__init__()
        self._name = "PlaceLabels"
        self.data = payload if isinstance(payload, str) else js_data(payload)
        self.css = LABELS_CSS


def place_labels_layer(rows: Iterable[Mapping], tiers=LABEL_TIERS) -> folium.FeatureGroup:
    """The place names as a map layer, from rows of store.load_geonames. Callers that draw
    the map on every rerun cache the payload (place_labels_payload) and build
    PlaceLabels(payload) into their own group instead."""
    group = folium.FeatureGroup(name="Place names")
    PlaceLabels(place_labels_payload(rows, tiers)).add_to(group)
    return group
