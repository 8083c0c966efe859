"""The places on the map as a list beside it, for readers who use the keyboard or a screen
reader: the map's markers are drawn in a frame no key reaches. Each place is a button named
as its marker's tooltip is; choosing one selects it as a click on its marker does."""

from __future__ import annotations

import re

import pandas as pd
import streamlit as st

from frontline import vocab
from frontline.app.placefind import fly_to_place
from frontline.app.ui import AppData
from frontline.record.sources import record_source
from frontline.web.canvas import IMPORTED_NOTE, imported_places

# One button per place costs each rerun a little: above this many, the Place box (which
# lists every place on the map, also by keyboard) takes the rest.
LIST_MAX = 50
_MARKDOWN = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>~$:])")


def markdown_text(value: object) -> str:
    """Text for a widget label, which Streamlit reads as Markdown: every mark escaped."""
    return _MARKDOWN.sub(r"\\\1", str(value))


def place_entries(state: pd.DataFrame, record: pd.DataFrame) -> list[tuple[str, str]]:
    """(place id, accessible name) of the places on the map, by name: the news's as their
    markers' tooltips have them, then the record's places the news has not."""
    state = state.sort_values("name")
    record = record[~record["place_id"].isin(state["place_id"])].sort_values("name")
    labels = vocab.STATUS_LABELS
    imported = imported_places(state)  # drawn as diamonds: their tooltips say so too
    return [
        (
            place_id,
            f"{name} — {labels.get(status, status)} ({certainty})"
            + (f" — {IMPORTED_NOTE}" if from_import else ""),
        )
        for place_id, name, status, certainty, from_import in zip(
            state["place_id"],
            state["name"],
            state["status"],
            state["certainty"],
            imported,
            strict=True,
        )
    ] + [
        (place_id, f"{name} — {labels.get(status, status)} ({record_source(outlet).name})")
        for place_id, name, status, outlet in zip(
            record["place_id"],
            record["name"],
            record["status"],
            record["outlet"] if "outlet" in record else [""] * len(record),  # "": Wikipedia's
            strict=True,
        )
    ]


def places_count(state: pd.DataFrame, record: pd.DataFrame) -> int:
    return len(state) + int((~record["place_id"].isin(state["place_id"])).sum())


def _choose(data: AppData, place_id: str) -> None:
    st.session_state["place"] = place_id
    fly_to_place(data, place_id)


def places_on_map(data: AppData, state: pd.DataFrame, record: pd.DataFrame) -> None:
    """A switch under the map, and the list when it is on: its buttons are made only then,
    as fifty of them add about 50 ms to every rerun."""
    count = places_count(state, record)
    if not count or not st.toggle(
        f"List the places on the map ({count})",
        key="place_list",
        help="Each place as a button, to choose by keyboard or with a screen reader",
    ):
        return
    entries = place_entries(state, record)
    with st.container(key="fl-place-list", height=260):
        for place_id, name in entries[:LIST_MAX]:
            st.button(
                markdown_text(name),
                key=f"on_map_{place_id}",
                on_click=_choose,
                args=(data, place_id),
                type="tertiary",
            )
        if len(entries) > LIST_MAX:
            st.caption(
                f"And {len(entries) - LIST_MAX} more: type a name in the Place box or in "
                "Find a place."
            )
