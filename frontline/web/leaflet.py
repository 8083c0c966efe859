"""Folium and Leaflet plumbing the map's layers share: text made safe for a tooltip and a
script, and elements rendered into the page in one pass (branca would parse each element's
output as a Jinja template again, costing milliseconds per element and running a "{{" in
a name on the server)."""

from __future__ import annotations

import functools
import json

import folium
from branca.element import Element, MacroElement
from folium.elements import ElementAddToElement

from frontline.web.text import escape_html


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


# Each class's part of an element's name ("feature_group" of "feature_group_1a2b"), as
# branca's own get_name spells it, worked out once per class name: branca spells it out
# letter by letter on each of the many calls of a rerun.
_NAME_PARTS: dict[str, str] = {}


class OnePass(MacroElement):
    """Renders its header, html and script into the page once, as they are. branca parses
    every element's output as a Jinja template again: a few milliseconds per element on each
    rerun, and a "{{" in a name would run on the server."""

    def get_name(self) -> str:
        part = _NAME_PARTS.get(self._name)
        if part is None:
            part = _NAME_PARTS[self._name] = MacroElement.get_name(self).removesuffix(
                f"_{self._id}"
            )
        return f"{part}_{self._id}"

    def render(self, **kwargs) -> None:
        figure = self.get_root()
        macros = self._template.module.__dict__
        for part in ("header", "html", "script"):
            if part in macros:
                text = _ScriptText(str(macros[part](self, kwargs)))
                getattr(figure, part).add_child(text, name=self.get_name())
        for child in self._children.values():
            if type(child) is ElementAddToElement:
                # The "addTo" statement folium gives every layer as it renders: one pass too.
                OnePass.render(child, **kwargs)
            else:
                child.render(**kwargs)


def script_text(text: str) -> Element:
    """Text for the page's header, html or script, placed as it is (folium.Element would
    parse it as a Jinja template on every rerun)."""
    return _ScriptText(text)


# folium's own elements, rendered in one pass (see OnePass).
class Map(folium.Map, OnePass):
    pass


class TileLayer(folium.TileLayer, OnePass):
    pass


class FeatureGroup(folium.FeatureGroup, OnePass):
    pass


class CircleMarker(folium.CircleMarker, OnePass):
    pass


class GeoJson(folium.GeoJson, OnePass):
    pass


class Tooltip(folium.Tooltip, OnePass):
    pass
