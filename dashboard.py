"""Frontline's map: the places a report names, coloured by their claimed control status.

Run with `streamlit run dashboard.py`. The view (date, filters, selected place) lives in the
URL, so a copied link opens the same view.
"""

from __future__ import annotations

import datetime as dt
import time
from dataclasses import replace

import pandas as pd
import streamlit as st
from streamlit_folium import st_folium

from frontline import vocab
from frontline.controlui import control_layers
from frontline.mapview import base_map, claims_layer, clicked_place
from frontline.present import (
    claim_card_html,
    counts_sentence,
    legend_html,
    place_heading_html,
)
from frontline.timeline import (
    Filters,
    claim_dates,
    neighbour_date,
    timeline_index,
)
from frontline.ui import AppData, app_data, served_leaflet, show_problems, url_view
from frontline.urlstate import ViewState, view_params

PLAY_INTERVAL_SECONDS = 1.5
MODE_LABELS = {
    vocab.MODE_HAPPENED: "What happened by this date",
    vocab.MODE_KNOWN: "What was known on this date",
}

st.set_page_config(page_title="Frontline — map of claims", page_icon="🗺️", layout="wide")


def initialise_from_url(data: AppData) -> None:
    """Fill the widgets' state from the link, once per session (later runs keep the user's
    choices); remember what in the link could not be used."""
    parsed = url_view(data)
    view = parsed.view
    defaults = {
        "as_of": view.as_of,
        "mode": view.mode,
        "date_from": view.date_from or data.first,
        "date_to": view.date_to or data.last,
        "regions": list(view.oblasts),
        "statuses": list(view.statuses),
        "certainties": list(view.certainties),
        "place": view.place,
    }
    for key, value in defaults.items():
        st.session_state.setdefault(key, value)
    st.session_state.setdefault("url_notices", parsed.notices)
    st.session_state.setdefault("playing", False)


def step_date(data: AppData, direction: int) -> None:
    """Move the as-of date to the previous or next date that carries a claim."""
    st.session_state["as_of"] = neighbour_date(
        claim_dates(data.claims), st.session_state["as_of"], direction, data.first, data.last
    )


def toggle_play(data: AppData) -> None:
    playing = not st.session_state["playing"]
    if playing and st.session_state["as_of"] >= data.last:
        st.session_state["as_of"] = data.first  # play from the start once at the end
    st.session_state["playing"] = playing


def sidebar_filters(data: AppData) -> None:
    oblasts = data.dataset.oblasts
    with st.sidebar:
        st.header("Filters")
        st.radio(
            "Timeline shows",
            vocab.MODES,
            key="mode",
            persist_state="session",
            format_func=MODE_LABELS.get,
            help="'Happened': claims about events up to the date. 'Known': only "
            "claims from articles already published on the date.",
        )
        st.date_input(
            "Claims dated from",
            key="date_from",
            persist_state="session",
            min_value=data.first,
            max_value=data.last,
        )
        st.date_input(
            "Claims dated to",
            key="date_to",
            persist_state="session",
            min_value=data.first,
            max_value=data.last,
        )
        st.multiselect(
            "Region (oblast)",
            sorted(oblasts, key=oblasts.get),
            key="regions",
            persist_state="session",
            format_func=oblasts.get,
            placeholder="All regions",
        )
        st.multiselect(
            "Status",
            vocab.STATUSES,
            key="statuses",
            persist_state="session",
            format_func=vocab.STATUS_LABELS.get,
            placeholder="Any status",
        )
        st.multiselect(
            "Certainty",
            vocab.CERTAINTIES,
            key="certainties",
            persist_state="session",
            placeholder="Any certainty",
        )


def timeline_controls(data: AppData) -> None:
    if data.first == data.last:
        st.session_state["as_of"] = data.first
        st.markdown(f"**Map as of {data.first.isoformat()}** (all claims share this date)")
        return
    slider, back, forward, play = st.columns([6, 1, 1, 1], vertical_alignment="bottom")
    slider.slider(
        "Map as of",
        min_value=data.first,
        max_value=data.last,
        key="as_of",
        persist_state="session",
        step=dt.timedelta(days=1),
        format="YYYY-MM-DD",
    )
    back.button(
        "◀ Back",
        on_click=step_date,
        args=(data, -1),
        width="stretch",
        help="The previous date that carries a claim",
    )
    forward.button(
        "Next ▶",
        on_click=step_date,
        args=(data, 1),
        width="stretch",
        help="The next date that carries a claim",
    )
    play.button(
        "❚❚ Pause" if st.session_state["playing"] else "▶ Play",
        on_click=toggle_play,
        args=(data,),
        width="stretch",
        help="Step through the dates that carry claims",
    )


def current_view() -> ViewState:
    state = st.session_state
    date_from, date_to = state["date_from"], state["date_to"]
    return ViewState(
        as_of=state["as_of"],
        mode=state["mode"],
        date_from=date_from,
        date_to=date_to,
        oblasts=tuple(state["regions"]),
        statuses=tuple(state["statuses"]),
        certainties=tuple(state["certainties"]),
        place=state["place"],
    )


def filters_of(view: ViewState, data: AppData) -> Filters:
    # The full range is no limit; keep it out of links and out of the filter.
    date_from = view.date_from if view.date_from and view.date_from > data.first else None
    date_to = view.date_to if view.date_to and view.date_to < data.last else None
    return Filters(
        as_of=view.as_of,
        mode=view.mode,
        date_from=date_from,
        date_to=date_to,
        oblasts=view.oblasts,
        statuses=view.statuses,
        certainties=view.certainties,
    )


def select_clicked_place(state: pd.DataFrame, data: AppData, result: dict | None) -> bool:
    """Select the place of a new click on the map; True when the selection changed."""
    count = (result or {}).get("last_object_clicked_count")
    if not count or count == st.session_state.get("map_click_count"):
        return False
    st.session_state["map_click_count"] = count
    hit = clicked_place(state, data.display_shapes, result.get("last_object_clicked"))
    if not hit or hit == st.session_state["place"]:
        return False
    st.session_state["place"] = hit
    st.query_params["place"] = hit
    return True


@st.fragment
def map_and_passages(data: AppData, filters: Filters, state: pd.DataFrame) -> None:
    """The map and, beside it, the claims behind the selected place (state: the places as
    of the date). A click on the map reruns only this part of the page."""
    names = {p.place_id: p.name for p in data.dataset.places.values()}
    # The map's last report (kept under its key) comes in before the map is drawn again, so
    # a clicked place is selected and highlighted in this same run.
    select_clicked_place(state, data, st.session_state.get("map"))
    left, right = st.columns([3, 2], gap="medium")
    with left:
        leaflet_js, leaflet_css = served_leaflet()
        fmap = base_map(
            data.center, data.display_shapes, data.dataset.oblasts, leaflet_js, leaflet_css
        )
        layer = claims_layer(state, data.display_shapes, selected=st.session_state["place"])
        # The control map (when loaded and switched on) goes first, under the claims.
        layers = [*control_layers(data, state, filters.as_of), layer]
        result = st_folium(
            fmap,
            key="map",
            height=480,
            use_container_width=True,
            feature_group_to_add=layers,
            returned_objects=["last_object_clicked", "last_object_clicked_count"],
        )
        st.caption(
            "Tiles © OpenStreetMap contributors when online; without the internet "
            "the oblast outlines and markers remain. Hover a marker for its name."
        )
    if select_clicked_place(state, data, result):
        st.rerun()  # a click the map reported only now: draw the selection
    with right:
        shown = list(state["place_id"])
        selected = st.session_state["place"]
        options = [None, *shown] + ([selected] if selected and selected not in shown else [])
        st.selectbox(
            "Place",
            options,
            key="place",
            persist_state="session",
            format_func=lambda p: "— choose a place —" if p is None else names[p],
            placeholder="Choose a place",
            help="Or click a marker on the map",
        )
        place = st.session_state["place"]
        if place is None:
            st.info("Click a marker, or choose a place, to read the passages behind it.")
            return
        history = timeline_index(data.claims).history(place, filters)
        st.html(place_heading_html(names[place]))
        if history.empty:
            st.info("No claim about this place counts for this date and these filters.")
            return
        st.caption(
            f"{len(history)} claim(s) up to {filters.as_of}, newest first; the first sets "
            "the marker. Each is what a source says, not a verified fact."
        )
        st.html("".join(claim_card_html(row) for _, row in history[::-1].iterrows()))


def main() -> None:
    data = app_data()
    initialise_from_url(data)
    state = st.session_state
    if "pending_as_of" in state:
        state["as_of"] = state.pop("pending_as_of")
    # A date from the link or from an older data set is brought within the data's range.
    state["as_of"] = min(max(state["as_of"], data.first), data.last)
    if state["as_of"] >= data.last:
        state["playing"] = False  # the end of the timeline stops the play

    st.markdown("### Frontline — claims of territorial change from news reports")
    st.caption(
        "Every marker is a claim, with its certainty and its source passage — "
        "not a verified front line."
    )
    for notice in state["url_notices"]:
        st.warning(notice)
    show_problems(data.problems)
    sidebar_filters(data)
    if data.claims.empty:
        st.info("There are no claims in the data yet. Add an article to begin.")
    timeline_controls(data)

    view = current_view()
    if view.date_from > view.date_to:
        st.sidebar.error("The 'from' date is after the 'to' date; the date range is ignored.")
        view = replace(view, date_from=None, date_to=None)
    filters = filters_of(view, data)
    # The index is built once per data load; each run is then a few array operations.
    state_now = timeline_index(data.claims).state(filters)
    st.markdown(
        counts_sentence(
            len(state_now),
            int(state_now["claims"].sum()),
            f"{filters.as_of.isoformat()} ({MODE_LABELS[filters.mode].lower()})",
        )
    )
    st.html(legend_html())
    map_and_passages(data, filters, state_now)
    st.query_params.from_dict(
        view_params(replace(view, date_from=filters.date_from, date_to=filters.date_to))
    )

    if state["playing"]:
        time.sleep(PLAY_INTERVAL_SECONDS)
        # The slider already stands on this run's page: its new value waits for the next.
        state["pending_as_of"] = neighbour_date(
            claim_dates(data.claims), state["as_of"], 1, data.first, data.last
        )
        st.rerun()


main()
