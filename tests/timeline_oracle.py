"""The straightforward scan the timeline index is held against: the state of every place as
of a date and a place's history, computed from the claims table with pandas alone."""

from __future__ import annotations

import numpy as np
import pandas as pd

from frontline.assessment import Evidence, assess
from frontline.timeline import Filters, claims_counting


def state_as_of(table: pd.DataFrame, filters: Filters) -> pd.DataFrame:
    """One row per place: the assessment of its counting claims (frontline.assessment, one
    place at a time), on the row of the claim it rests on, with how many claims about it
    count. Status and certainty filters apply to the assessment."""
    counting = claims_counting(table, filters)
    counts = counting.groupby("place_id").size()
    found = []
    for place_id, rows in counting.groupby("place_id", sort=False):
        a = assess(
            Evidence.of(r.date.date(), r.status, r.certainty, r.claimant, index)
            for index, r in rows.iterrows()
        )
        if a.status:
            shown = a.strongest
        elif a.events:
            shown = rows.index[rows["status"] == ""][-1]
        else:
            continue  # only denials
        found.append((shown, a, place_id))
    if filters.statuses:
        found = [f for f in found if f[1].status in filters.statuses]
    if filters.certainties:
        found = [f for f in found if f[1].certainty in filters.certainties]
    found.sort(key=lambda f: f[0])
    state = table.loc[[f[0] for f in found]].copy()
    sides = ("ukrainian", "russian", "")

    def column(values: list, dtype: object = object) -> np.ndarray:
        return np.array(values, dtype=dtype)

    state["status"] = column([f[1].status for f in found], object)
    state["certainty"] = column([f[1].certainty for f in found], object)
    state["strength"] = column([f[1].strength for f in found], np.int64)
    state["admission"] = column([f[1].admission for f in found], bool)
    state["sources"] = column([f[1].sources for f in found], np.int64)
    state["sides"] = column(
        [",".join(s or "neither" for s in sides if s in f[1].sides) for f in found]
    )
    state["disputed"] = column([f[1].disputed for f in found], bool)
    state["disputed_with"] = column([f[1].disputed_with for f in found], object)
    state["events"] = column([f[1].events for f in found], np.int64)
    state["decided_by"] = column(
        [table.loc[f[1].decided_by, "claim_id"] if f[1].status else "" for f in found]
    )
    state["claims"] = column([int(counts[f[2]]) for f in found], np.int64)
    return state.sort_values("name", kind="stable").reset_index(drop=True)


def place_history(table: pd.DataFrame, place_id: str, filters: Filters) -> pd.DataFrame:
    """Every counting claim about one place, oldest first."""
    counting = claims_counting(table, filters)
    return counting[counting["place_id"] == place_id].reset_index(drop=True)
