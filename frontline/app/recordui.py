"""News against the record on the pages: dashed rings on the map, the table on the Data page."""

from __future__ import annotations

import folium
import pandas as pd
import streamlit as st

from frontline import vocab
from frontline.app.ui import AppData
from frontline.record.compare import record_disagreements
from frontline.record.sources import record_names
from frontline.timeline import Filters, claims_counting
from frontline.web.controlview import (
    RING_COLOUR,
    record_disagreements_shown,
    record_ring_layer,
)


def record_ring_layers(
    data: AppData, state: pd.DataFrame, source: str, key: tuple | None = None
) -> list[folium.FeatureGroup]:
    """For the map: rings around the places whose shown claim the record of its date
    contradicts, with a line of the legend; nothing when only one kind of source is shown.
    With `key` (the state's, ui.shown_keys), the places are kept in data.memo under it."""
    if source != vocab.SOURCE_BOTH or data.record_claims.empty or state.empty:
        return []

    def flag() -> pd.DataFrame:
        shown = data.against_record["claim_id"].isin(state["claim_id"])
        return record_disagreements(data.against_record[shown])

    flagged = flag() if key is None else data.memo.get(("record rings", key), flag)
    if flagged.empty:
        return []
    st.html(
        '<div class="fl-legend"><span><span class="fl-dot" aria-hidden="true" '
        f'style="border:3px dashed {RING_COLOUR}"></span>dashed ring: the claim disagrees '
        f"with {record_names(flagged['record_outlet'])} on its date ({len(flagged)} "
        "place(s))</span></div>"
    )
    return [record_ring_layer(flagged)]


def record_disagreement_table(data: AppData, filters: Filters) -> None:
    """For the Data page: the view's news claims that the record of their date contradicts."""
    if data.record_claims.empty:
        return
    st.subheader("News against the record")
    counting = claims_counting(data.claims, filters)
    compared = data.against_record[data.against_record["claim_id"].isin(counting["claim_id"])]
    flagged = record_disagreements(compared)
    known = int(compared["record_status"].notna().sum())
    st.caption(
        f"{len(compared)} news claim(s) in this view; the record had a status for the place on "
        f"the claim's date for {known}; {len(flagged)} disagree. The record is "
        f"{record_names(data.record_claims['outlet'])}, not a verified fact either."
    )
    if flagged.empty:
        st.info("No news claim of this view disagrees with the record of its date.")
        return
    st.dataframe(record_disagreements_shown(flagged), hide_index=True, width="stretch")
