"""The straightforward scan the timeline index is held against: the state of every place as
of a date and a place's history, computed from the claims table with pandas alone."""

from __future__ import annotations

import pandas as pd

from frontline.timeline import Filters, claims_counting


def state_as_of(table: pd.DataFrame, filters: Filters) -> pd.DataFrame:
    """One row per place: its latest counting claim (denied claims and events do not set a
    state), with how many claims about it count. Status and certainty filters apply to it."""
    counting = claims_counting(table, filters)
    # Events that state no control (no status) set no state either.
    asserted = counting[(counting["certainty"] != "denied") & (counting["status"] != "")]
    latest = asserted.groupby("place_id", sort=False).tail(1)
    events = counting[(counting["status"] == "") & ~counting["place_id"].isin(latest["place_id"])]
    latest = pd.concat([latest, events.groupby("place_id", sort=False).tail(1)]).sort_index()
    counts = counting.groupby("place_id").size().rename("claims")
    state = latest.join(counts, on="place_id")
    if filters.statuses:
        state = state[state["status"].isin(filters.statuses)]
    if filters.certainties:
        state = state[state["certainty"].isin(filters.certainties)]
    return state.sort_values("name", kind="stable").reset_index(drop=True)


def place_history(table: pd.DataFrame, place_id: str, filters: Filters) -> pd.DataFrame:
    """Every counting claim about one place, oldest first."""
    counting = claims_counting(table, filters)
    return counting[counting["place_id"] == place_id].reset_index(drop=True)
