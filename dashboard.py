"""Frontline's map: the places a report names, coloured by their claimed control status.

Run with `streamlit run dashboard.py`: this file is the app's entry, with the map as its first
page ("Map") and the files in pages/ as the others (frontline.app.navigation). The view (date,
filters, selected place) lives in the URL, so a copied link opens the same view.
"""

from __future__ import annotations

import time
from dataclasses import replace

import pandas as pd
import streamlit as st
from streamlit_folium import st_folium

from frontline import vocab
from frontline.app import signin
from frontline.app.access import page_style
from frontline.app.controlui import (
    contact_line_layers,
    control_layers,
    estimate_contact_ahead,
    page_runs,
)
from frontline.app.importedui import imported_at, imported_panel
from frontline.app.latest import latest_list
from frontline.app.navigation import all_pages
from frontline.app.placefind import (
    VIEW_KEY,
    bring_place_into_view,
    find_place_widget,
    fly_to_place,
    found_without_marker,
    initialise_map_view,
    map_center_zoom,
    mark_tapped,
)
from frontline.app.placelist import places_on_map
from frontline.app.recordui import record_ring_layers
from frontline.app.ui import (
    AppData,
    app_data,
    as_of_widget,
    filter_widgets,
    initialise_view,
    place_labels,
    remember_view,
    served_leaflet,
    show_problems,
    shown_keys,
    shown_states,
    timeline_dates,
    timeline_end,
    view_filters,
    widget_view,
)
from frontline.importers.maprows import is_imported
from frontline.record.sources import record_names
from frontline.store.claimlist import corrections
from frontline.timeline import Filters, neighbour_date, play_step
from frontline.urlstate import map_view_params, view_params
from frontline.web.claimnotes import claim_notes_html
from frontline.web.mapview import base_map, claims_layer, clicked_place
from frontline.web.panel import assessment_html, claim_groups_html
from frontline.web.present import (
    claim_card_html,
    counts_sentence,
    legend_html,
    place_heading_html,
)

PLAY_INTERVAL_SECONDS = 1.5


def step_date(data: AppData, direction: int) -> None:
    """Move the as-of date to the previous or next date that carries a claim."""
    st.session_state["as_of"] = neighbour_date(
        timeline_dates(data, st.session_state["source"]),
        st.session_state["as_of"],
        direction,
        data.first,
        timeline_end(data, st.session_state["source"]),
    )


def toggle_play(data: AppData) -> None:
    playing = not st.session_state["playing"]
    if playing and st.session_state["as_of"] >= timeline_end(data, st.session_state["source"]):
        st.session_state["as_of"] = data.first  # play from the start once at the end
    st.session_state["playing"] = playing


def timeline_controls(data: AppData) -> None:
    # Keyed, so that on a phone its buttons share one row (access.PAGE_CSS).
    with st.container(key="fl-timeline"):
        timeline_row(data)


def timeline_row(data: AppData) -> None:
    slider, back, forward, play = st.columns([6, 1, 1, 1], vertical_alignment="bottom")
    with slider:
        as_of_widget(data, "Map as of")
    if data.first == data.last:
        return
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
        # One key whatever the label: a new label would otherwise be a new button, drawn
        # above the old one while Play's runs, which never end before the next, leave it.
        key="play",
        on_click=toggle_play,
        args=(data,),
        width="stretch",
        help="Step through the dates that carry claims",
    )


def select_clicked_place(
    state: pd.DataFrame, data: AppData, result: dict | None, record: pd.DataFrame
) -> bool:
    """Select the place of a new click on the map; True when the selection changed."""
    clicked = (result or {}).get("last_object_clicked")
    if not clicked or clicked == st.session_state.get("map_click"):
        return False
    st.session_state["map_click"] = clicked
    hit = clicked_place(state, data.display_shapes, clicked, record)
    if not hit or hit == st.session_state["place"]:
        return False
    st.session_state["place"] = hit
    mark_tapped()
    return True


def place_assessment(
    data: AppData, filters: Filters, state: pd.DataFrame, place: str
) -> pd.Series | None:
    """The place's assessment: its row of the map's state, or, when the status or certainty
    filters hide it, the assessment without them."""
    rows = state[state["place_id"] == place]
    if rows.empty and (filters.statuses or filters.certainties):
        unfiltered = data.index.state(replace(filters, statuses=(), certainties=()))
        rows = unfiltered[unfiltered["place_id"] == place]
    return rows.iloc[0] if not rows.empty else None


def map_and_passages(
    data: AppData, filters: Filters, state: pd.DataFrame, record: pd.DataFrame
) -> None:
    """The map and, beside it, the claims behind the selected place (state: the news's
    places as of the date; record: the record's)."""
    # The map's last report (kept under its key) comes in before the map is drawn again, so
    # a clicked place is selected and highlighted in this same run.
    select_clicked_place(state, data, st.session_state.get("map"), record)
    left, right = st.columns([3, 2], gap="medium")
    with left:
        leaflet_js, leaflet_css = served_leaflet()
        fmap = base_map(
            data.center, data.outlines, leaflet_js, leaflet_css, labels=place_labels(data)
        )
        # Layers drawn from the states are kept with the data, by what decides the states.
        keys = shown_keys(data, filters)
        layer = claims_layer(
            state,
            data.display_shapes,
            selected=st.session_state["place"],
            record=record,
            memo=data.memo,
            key=keys,
        )
        # The control map and the contact line (when switched on) go first, under the claims.
        layers = [
            *control_layers(data, state, filters.as_of),
            *contact_line_layers(data, record, filters.as_of, keys[1]),
            layer,
            *record_ring_layers(data, state, filters.source, keys[0]),
        ]
        center, zoom = map_center_zoom(data)
        result = st_folium(
            fmap,
            center=center,
            zoom=zoom,
            key="map",
            height=480,
            use_container_width=True,
            feature_group_to_add=layers,
            # Only the click point: it starts out as the map's default, so the map reports
            # nothing when it loads. A report on load reruns the page, and one that arrives
            # after the reader has moved to another page brings them back here.
            returned_objects=["last_object_clicked"],
        )
        st.caption(
            "Tiles © OpenStreetMap contributors when online; without the internet "
            "the oblast outlines and markers remain. Tap or click a marker for its passages."
        )
        places_on_map(data, state, record)
    if select_clicked_place(state, data, result, record):
        st.rerun()  # a click the map reported only now: draw the selection
    with right:
        find_place_widget(data)
        shown = list(dict.fromkeys([*state["place_id"], *record["place_id"]]))
        selected = st.session_state["place"]
        options = [None, *shown] + ([selected] if selected and selected not in shown else [])
        st.selectbox(
            "Place",
            options,
            key="place",
            persist_state="session",
            format_func=lambda p: "— choose a place —" if p is None else data.place_names[p],
            placeholder="Choose a place",
            help="Or click a marker on the map",
            on_change=lambda: fly_to_place(data, st.session_state["place"]),
        )
        place = st.session_state["place"]
        if place is None and (found := found_without_marker()):
            st.info(f"No claim about {found.name} up to {filters.as_of}.")
            return
        if place is None:
            st.info("Click a marker, or choose a place, to read the passages behind it.")
            return
        history = data.index.history(place, filters)
        history = history[~is_imported(history)]  # imported claims have their own cards
        entries = data.record_index.history(place, filters)
        imported = imported_at(data, place, filters)
        st.html(place_heading_html(data.place_names[place]))
        bring_place_into_view()
        if history.empty and entries.empty and imported.empty:
            st.info(f"No claim about {data.place_names[place]} up to {filters.as_of}.")
            return
        if place not in shown:
            st.info(
                "With these status or certainty filters this place is not on the map; "
                "its claims up to the date are below."
            )
        assessed = place_assessment(data, filters, state, place)
        if not history.empty:
            if assessed is not None:
                st.html(assessment_html(assessed))
            st.caption(
                f"{len(history)} news claim(s) up to {filters.as_of}, by what they support, "
                "newest first. Each is what a source says, not a verified fact."
            )
            st.html(claim_groups_html(history, assessed["status"] if assessed is not None else ""))
            if notes := claim_notes_html(place, corrections(data.dataset.claims), data.data_dir):
                st.html(notes)  # corrections and retractions: who, when, why
        if not entries.empty:
            st.caption(
                f"The record: {len(entries)} entr{'y' if len(entries) == 1 else 'ies'} of "
                f"{record_names(entries['outlet'])} up to the date, newest first (not a news "
                "report)."
            )
            st.html("".join(claim_card_html(row) for _, row in entries[::-1].iterrows()))
        imported_panel(imported)


def main() -> None:
    data = app_data()
    state = st.session_state
    if "pending_as_of" in state:
        state["as_of"] = state.pop("pending_as_of")
    notices = initialise_view(data, "map")
    notices += initialise_map_view(data)
    state.setdefault("playing", False)
    if state["as_of"] >= timeline_end(data, state["source"]):
        state["playing"] = False  # the end of the timeline stops the play

    page_style()
    signin.sidebar()
    st.html('<h1 class="fl-title">Frontline — claims of territorial change from news reports</h1>')
    st.caption(
        "Every marker is a claim, with its certainty and its source passage — "
        "not a verified front line."
    )
    for notice in notices:
        st.warning(notice)
    show_problems(data.problems)
    with st.sidebar:
        st.header("Filters")
        filter_widgets(data)
    if data.claims.empty:
        st.info("There are no claims in the data yet. Add an article to begin.")
    timeline_controls(data)

    view = filters = view_filters(widget_view(), data.first, data.last)
    # The index is built once per data load; each run is then a few array operations.
    state_now, record_now = shown_states(data, filters)
    st.markdown(
        counts_sentence(
            len(state_now),
            int(state_now["claims"].sum()),
            f"{filters.as_of.isoformat()} ({vocab.MODE_LABELS[filters.mode].lower()})",
            record_places=len(record_now),
            record_name=record_names(record_now["outlet"]),
        )
    )
    if state_now.empty and filters.mode == vocab.MODE_KNOWN and not data.claims.empty:
        first_published = data.claims["published"].min().date()
        if filters.as_of < first_published:
            st.info(
                f"No article in the data was published by {filters.as_of}: the first came out "
                f"on {first_published}. *{vocab.MODE_LABELS[vocab.MODE_HAPPENED]}* shows "
                "what the articles say happened by then."
            )
    st.html(
        legend_html(
            record=record_names(record_now["outlet"]) if not record_now.empty else False,
            imported=bool(is_imported(state_now).any()),
        )
    )
    map_and_passages(data, filters, state_now, record_now)
    latest_list(data)
    # After the map: a click it reported in this run may have chosen the place.
    remember_view()
    st.query_params.from_dict(
        view_params(replace(view, place=state["place"])) | map_view_params(state[VIEW_KEY])
    )
    estimate_contact_ahead(data, record_now)  # last: the page is drawn before it starts

    if state["playing"]:
        time.sleep(PLAY_INTERVAL_SECONDS)
        # The slider already stands on this run's page: its new value waits for the next.
        dates = timeline_dates(data, state["source"])
        end = timeline_end(data, state["source"])
        state["pending_as_of"] = play_step(dates, state["as_of"], data.first, end)
        st.rerun()


def map_page() -> None:
    st.set_page_config(page_title="Frontline — map of claims", page_icon="🗺️", layout="wide")
    main()


with page_runs():  # the line of contact's work ahead waits while any page runs
    st.navigation(all_pages(map_page)).run()
