"""The assessment rule (frontline.assessment) over a whole claims table, for the timeline
index: each row's claim as evidence, and each place's assessment after each row, computed
once per data load, so that the map as of a date reads it off in a few array operations."""

from __future__ import annotations

import functools
from collections.abc import Iterable

import numpy as np
import pandas as pd

from frontline.assessment import (
    NEITHER,
    STRENGTH_CERTAINTY,
    Evidence,
    Fold,
    claim_strength,
    claimant_side,
    source_key,
)
from frontline.events import states_control

# The assessment columns the index adds to a place's state (and the Data page and the
# exports carry): besides status and certainty, which hold the assessment's.
ASSESSMENT_COLUMNS = (
    "strength",
    "admission",
    "sources",
    "sides",
    "disputed",
    "disputed_with",
    "events",
    "decided_by",
)
SIDE_WORDS = {"ukrainian": "ukrainian", "russian": "russian", NEITHER: "neither"}


def table_evidence(table: pd.DataFrame) -> list[Evidence]:
    """Each row of a claims table as evidence, naming its row number."""
    codes, claimants = pd.factorize(table["claimant"].astype(str), sort=False)
    sides = [claimant_side(c) for c in claimants]
    sources = [source_key(c) for c in claimants]
    days = table["date"].to_numpy(dtype="datetime64[D]").astype(np.int64) + 719163  # ordinal
    result = []
    for row, (day, status, certainty, code) in enumerate(
        zip(
            days.tolist(),
            table["status"].tolist(),
            table["certainty"].tolist(),
            codes.tolist(),
            strict=True,
        )
    ):
        side = sides[code]
        strength, admission = claim_strength(status, certainty, side)
        result.append(
            Evidence(day, status, strength, side, sources[code], row, admission, certainty)
        )
    return result


@functools.cache
def _sides_text(sides: frozenset[str]) -> str:
    """The sides as a column holds them: "ukrainian,russian,neither"."""
    return ",".join(SIDE_WORDS[s] for s in ("ukrainian", "russian", NEITHER) if s in sides)


def _snapshot(place: Fold) -> tuple:
    """(shown row, status, certainty, strength, admission, sources, sides, disputed,
    disputed_with, events, decided_by row); shown row -1 when nothing is to be shown (only
    denials)."""
    if place.strongest is None:
        event = place.last_event  # a place only events speak of: the latest, as it is
        if event is None:
            return (-1, "", "", 0, False, 0, "", False, "", place.events, -1)
        return (event.claim, "", event.certainty, 0, False, 0, "", False, "", place.events, -1)
    return (
        place.strongest.claim,
        place.status,
        STRENGTH_CERTAINTY[place.strength],
        place.strength,
        place.strongest.admission,
        len(place.sources),
        _sides_text(frozenset(place.sides)),
        place.disputed,
        place.disputed_with,
        place.events,
        place.decided_by.claim if place.decided_by is not None else -1,
    )


FIELDS = ("row", "status", "certainty", *ASSESSMENT_COLUMNS)
_DTYPES = {
    "row": np.int64,
    "strength": np.int64,
    "admission": bool,
    "sources": np.int64,
    "disputed": bool,
    "events": np.int64,
    "decided_by": np.int64,
}


def _arrays(snapshots: list[tuple]) -> dict[str, np.ndarray]:
    columns = list(zip(*snapshots, strict=True)) if snapshots else [()] * len(FIELDS)
    return {
        name: np.array(values, dtype=_DTYPES.get(name, object))
        for name, values in zip(FIELDS, columns, strict=True)
    }


# What a row's claim did to its place's assessment, besides Fold.add's answers: a denial of a
# status, worth reporting though it changes nothing.
DENIED = "denied"


def frame_arrays(frame: pd.DataFrame, names: tuple[str, ...] = FIELDS) -> dict[str, np.ndarray]:
    """The FIELDS columns of a frame (as TimelineIndex.assessment_frame wrote them) as the
    arrays prefix_assessments gives; a column of categories is made from its codes, each
    distinct value once."""
    arrays = {}
    for name in names:
        column = frame[name]
        if isinstance(column.dtype, pd.CategoricalDtype):
            # Code -1 (no value) takes the None at the end.
            values = np.array([*column.cat.categories, None], dtype=object)
            arrays[name] = values[column.cat.codes.to_numpy()]
        else:
            arrays[name] = column.to_numpy(dtype=_DTYPES.get(name, object))
    return arrays


def prefix_assessments(
    evidence: list[Evidence], place: np.ndarray
) -> tuple[dict[str, np.ndarray], np.ndarray]:
    """For every row, its place's assessment from the table's first row up to that one, and
    what the row's claim did to it (Fold.add's answer, DENIED for a denial of a status, ""
    for nothing): the change log reads its entries off the same pass."""
    folds: dict[int, Fold] = {}
    snapshots = []
    changes = []
    for ev, code in zip(evidence, place.tolist(), strict=True):
        fold = folds.get(code)
        if fold is None:
            fold = folds[code] = Fold()
        change = fold.add(ev)
        if ev.certainty == "denied" and states_control(ev.status):
            change = DENIED
        changes.append(change or "")
        snapshots.append(_snapshot(fold))
    return _arrays(snapshots), np.array(changes, dtype=object)


def assessments_of(
    evidence: list[Evidence], place: np.ndarray, rows: Iterable[int]
) -> tuple[np.ndarray, dict[str, np.ndarray]]:
    """Each place's assessment from the given rows alone (in timeline order): the place
    codes, and their assessments."""
    folds: dict[int, Fold] = {}
    for row in rows:
        code = int(place[row])
        fold = folds.get(code)
        if fold is None:
            fold = folds[code] = Fold()
        fold.add(evidence[row])
    codes = np.array(list(folds), dtype=np.int64)
    return codes, _arrays([_snapshot(f) for f in folds.values()])


# The assessment beside each claim, as the Data page and the exports carry it.
ASSESSED_COLUMNS = (
    "assessed_status",
    "assessed_certainty",
    "sources",
    "sides",
    "disputed",
    "disputed_with",
    "admission",
)


def beside_claims(rows: pd.DataFrame, state: pd.DataFrame) -> pd.DataFrame:
    """The claims `rows` with their place's assessment (a state the timeline index gave)
    beside each: ASSESSED_COLUMNS; blank for a place the state does not hold."""
    assessed = state[["place_id", "status", "certainty", *ASSESSED_COLUMNS[2:]]].rename(
        columns={"status": "assessed_status", "certainty": "assessed_certainty"}
    )
    merged = rows.drop(columns=[c for c in ASSESSED_COLUMNS if c in rows.columns])
    merged = merged.reset_index(drop=True)
    # Each row's place looked up in the state (a left join): the rows' own columns are not
    # copied, which a merge does (a million claims' worth on the Data page).
    beside = assessed.drop_duplicates("place_id").set_index("place_id")
    beside = beside.drop(columns=[c for c in beside.columns if c in merged.columns])
    beside = beside.reindex(pd.Index(merged["place_id"]))
    beside.index = merged.index
    merged = pd.concat([merged, beside], axis=1)
    merged["sources"] = merged["sources"].fillna(0).astype("int64")
    for name in ("disputed", "admission"):
        merged[name] = merged[name].astype("boolean").fillna(False).astype(bool)
    for name in ("assessed_status", "assessed_certainty", "sides", "disputed_with"):
        merged[name] = merged[name].fillna("")
    merged.index = rows.index
    return merged
