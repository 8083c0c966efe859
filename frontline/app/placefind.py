"""Finding a place and flying the map to it: the map page's search box, the view the map
looks at (centre and zoom, in the link too), and the control that resets it.

The map is told where to look through st_folium's `center` and `zoom`, which move the map
without drawing it again, but only when they differ from the last values it was given: so
each flight nudges the centre by a trace (FLY_NUDGE), and flying twice to one place (after
the reader has panned away) still moves the map.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import streamlit as st

from frontline.app.ui import AppData
from frontline.record.load import load_record
from frontline.urlstate import MapView, parse_map_view
from frontline.web.text import quoted_value

if TYPE_CHECKING:
    from frontline.news.placesearch import FoundPlace, PlaceSearch

DEFAULT_ZOOM = 7
PLACE_ZOOM = 11  # a place chosen in the Place box or the link
FLY_NUDGE = 1e-9  # degrees: far below a pixel at any zoom
MORE_MATCHES = 5
VIEW_KEY = "map_view"  # MapView, or None for the whole map
FLIGHTS_KEY = "map_flights"
FOUND_KEY = "found_place"  # a found place the map has no marker for


@st.cache_resource(show_spinner=False, max_entries=4)
def _search(data_dir: str, signature: tuple, map_places: tuple[str, ...]) -> PlaceSearch:
    # `signature` keys the cache, as for the data itself. Imported here: the gazetteer brings
    # rapidfuzz, which the map does without until a place is searched for.
    from frontline.news.gazetteer import cached_gazetteer
    from frontline.news.placesearch import PlaceSearch

    return PlaceSearch(
        cached_gazetteer(data_dir), load_record(data_dir).places.values(), map_places
    )


def place_search(data: AppData) -> PlaceSearch:
    return _search(str(data.data_dir), data.signature, tuple(sorted(data.place_names)))


@st.cache_resource(show_spinner=False, max_entries=4)
def _points(data_dir: str, signature: tuple, _data: AppData) -> dict[str, tuple[float, float]]:
    points = {}
    for table in (_data.record_claims, _data.claims):  # the news's point wins
        for place_id, lat, lon in zip(table["place_id"], table["lat"], table["lon"], strict=True):
            points[place_id] = (float(lat), float(lon))
    return points


def place_point(data: AppData, place_id: str) -> tuple[float, float] | None:
    return _points(str(data.data_dir), data.signature, data).get(place_id)


def fly_to(lat: float, lon: float, zoom: int) -> None:
    state = st.session_state
    state[VIEW_KEY] = MapView(lat, lon, zoom)
    state[FLIGHTS_KEY] = state.get(FLIGHTS_KEY, 0) + 1


def reset_view() -> None:
    st.session_state[FOUND_KEY] = None
    st.session_state[VIEW_KEY] = None
    st.session_state[FLIGHTS_KEY] = st.session_state.get(FLIGHTS_KEY, 0) + 1


def fly_to_place(data: AppData, place_id: str | None) -> None:
    """Fly to a place of the map (chosen in the Place box, or named by the link)."""
    st.session_state[FOUND_KEY] = None
    point = place_point(data, place_id) if place_id else None
    if point:
        fly_to(*point, PLACE_ZOOM)


def choose_found(found: FoundPlace) -> None:
    """Select a found place (when the map has it) and fly there."""
    state = st.session_state
    state["place"] = found.place_id or None
    state[FOUND_KEY] = None if found.place_id else found
    fly_to(found.lat, found.lon, found.zoom)


def initialise_map_view(data: AppData) -> list[str]:
    """The map's view on the session's first run: the link's centre and zoom, else the
    link's place. Returns what in the link could not be used."""
    state = st.session_state
    if VIEW_KEY in state:
        return []
    view, notices = parse_map_view(st.query_params.to_dict())
    state[VIEW_KEY] = None
    state[FLIGHTS_KEY] = 0
    state[FOUND_KEY] = None
    if view is not None:
        state[VIEW_KEY] = view
    elif state.get("place"):
        fly_to_place(data, state["place"])
    return notices


def map_center_zoom(data: AppData) -> tuple[tuple[float, float], int]:
    """What to hand st_folium as `center` and `zoom` (see the module's doc)."""
    state = st.session_state
    view = state.get(VIEW_KEY)
    lat, lon, zoom = (view.lat, view.lon, view.zoom) if view else (*data.center, DEFAULT_ZOOM)
    return (lat + state.get(FLIGHTS_KEY, 0) * FLY_NUDGE, lon), zoom


# A fixed script (no data in it): on a narrow screen, where the passages stack below the map,
# bring the chosen place's heading into view after a tap on the map.
_INTO_VIEW = """<script>
setTimeout(function () {
  if (window.innerWidth > 640) return;
  var heading = document.querySelector("h3.fl-place");
  if (heading) heading.scrollIntoView({behavior: "smooth", block: "start"});
}, 400);
</script>"""
INTO_VIEW_KEY = "place_into_view"


def mark_tapped() -> None:
    """A tap (or click) on the map chose a place: bring its passages into view."""
    st.session_state[INTO_VIEW_KEY] = True


def bring_place_into_view() -> None:
    """Call after the place's heading: scrolls to it once after mark_tapped."""
    if st.session_state.pop(INTO_VIEW_KEY, False):
        st.html(_INTO_VIEW, unsafe_allow_javascript=True)


def _label(data: AppData, found: FoundPlace) -> str:
    oblast = data.dataset.oblasts.get(found.oblast, found.oblast)
    return f"{found.name} ({oblast})" if oblast and found.kind != "oblast" else found.name


def _find_first(data: AppData) -> None:
    found = place_search(data).find(st.session_state.get("find_place", ""), limit=1)
    if found:
        choose_found(found[0])


def find_place_widget(data: AppData) -> None:
    """The search box: Enter flies to the best match; the next few are buttons."""
    search, reset = st.columns([3, 2], vertical_alignment="bottom")
    search.text_input(
        "Find a place",
        key="find_place",
        on_change=_find_first,
        args=(data,),
        placeholder="Any spelling: Kupiansk, Купянськ, Kupyans'k…",
        help="Searches every place of the gazetteer and the record; Enter flies to the best match.",
    )
    reset.button("Whole map", on_click=reset_view, help="Show the whole map again")
    query = st.session_state.get("find_place", "")
    if not query:
        return
    found = place_search(data).find(query, limit=MORE_MATCHES + 1)
    if not found:
        st.caption(f"No place in the gazetteer is called {quoted_value(query)}.")
        return
    st.caption("Matches (Enter chooses the first):")
    for index, place in enumerate(found):
        st.button(
            _label(data, place),
            key=f"found_{index}",
            on_click=choose_found,
            args=(place,),
            type="tertiary",
        )


def found_without_marker() -> FoundPlace | None:
    return st.session_state.get(FOUND_KEY)
