"""The control maps on the pages: where they come from (the folder in $FRONTLINE_CONTROL_DIR,
or files uploaded for this session), cached loading and comparison, and the pieces each page
draws. Each page makes one call; the domain work is in frontline.control.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import folium
import pandas as pd
import streamlit as st

from frontline import control, limits, store, vocab
from frontline.app.ui import AppData, timeline_dates
from frontline.control import ControlSet
from frontline.store import cache
from frontline.timeline import Filters, claims_counting
from frontline.web.contact import (
    ROW_FIELDS,
    ContactEstimate,
    Estimates,
    Outline,
    contact_layer,
    ukraine_outline,
)
from frontline.web.controlview import (
    areas_shown,
    comparison_counts,
    control_layer,
    disagreements_shown,
    legend_html,
)

UPLOAD_KEY = "control_upload"
FILES_KEY = "control_files"  # (key, files) of the uploaded maps, kept for the session
SHOW_KEY = "control_layer"
UPLOAD_ERROR_KEY = "control_upload_error"
UPLOAD_TYPES = ["geojson", "json", "toml"]


@st.cache_resource(show_spinner="Reading the control maps…", max_entries=4)
def _folder(folder: str, signature: tuple) -> ControlSet:
    # `signature` keys the cache: an edited, added or removed file loads the folder anew.
    return control.load_control_folder(folder)


# Two sets of uploads at most: each holds its shapes in memory for every session that shares it.
@st.cache_resource(show_spinner="Reading the control maps…", max_entries=2)
def _uploaded(key: tuple, _files: tuple[tuple[str, bytes], ...]) -> ControlSet:
    # Keyed by names and content hashes, so a session only ever finds its own uploads.
    return control.load_control_files(_files, source="uploaded files")


def _remember_uploads() -> None:
    """Keep the uploaded files apart from the widget, whose state ends with the page."""
    files = tuple((f.name, f.getvalue()) for f in st.session_state.get(UPLOAD_KEY) or ())
    st.session_state[UPLOAD_ERROR_KEY] = limits.control_uploads_too_large(files)
    if not files or st.session_state[UPLOAD_ERROR_KEY]:
        st.session_state.pop(FILES_KEY, None)
        return
    key = tuple((name, hashlib.sha256(raw).hexdigest()) for name, raw in files)
    st.session_state[FILES_KEY] = (key, files)


def control_source() -> tuple[ControlSet | None, tuple]:
    """The control maps in use and a key naming them; None when there are none."""
    uploaded = st.session_state.get(FILES_KEY)
    if uploaded:
        key, files = uploaded
        return _uploaded(key, files), ("uploaded", key)
    folder = control.default_control_dir()
    if folder is None:
        return None, ()
    signature = control.folder_signature(folder)
    return _folder(str(folder), signature), ("folder", str(folder), signature)


@st.cache_resource(max_entries=4)
def _comparison(
    control_key: tuple, data_key: tuple, _control: ControlSet, _data: AppData
) -> pd.DataFrame:
    # Every claim is compared once per pair of data and maps; a view only filters the result.
    return control.compare_claims(_control, _data.claims, _data.oblast_shapes)


def _compared(maps: ControlSet, key: tuple, data: AppData) -> pd.DataFrame:
    return _comparison(key, (str(data.data_dir), data.signature), maps, data)


@st.cache_resource(show_spinner="Measuring the control maps…", max_entries=4)
def _areas(control_key: tuple, _control: ControlSet) -> pd.DataFrame:
    return control.area_table(_control)


def _problems(maps: ControlSet | None) -> None:
    if maps is None or not maps.problems:
        return
    with st.expander(
        f"⚠️ {len(maps.problems)} problem(s) in the control maps: those features or files "
        "are left out"
    ):
        st.code("\n".join(str(p) for p in maps.problems), language=None)


def _source_panel(maps: ControlSet | None) -> None:
    if maps is None:
        title = "Control maps: none loaded"
    else:
        # The folder's name only: the server's paths are no business of a reader's.
        title = f"Control maps: {len(maps.snapshots)} from {Path(maps.source).name}"
    with st.expander(title):
        st.caption(
            f"GeoJSON snapshots of control areas, one file per date, from the folder in "
            f"${control.CONTROL_DIR_ENV}, or uploaded here for this session only (they then "
            "stand in for the folder). Add a mapping.toml to say how the files' properties "
            "read as statuses."
        )
        st.file_uploader(
            "Upload control maps",
            type=UPLOAD_TYPES,
            accept_multiple_files=True,
            key=UPLOAD_KEY,
            on_change=_remember_uploads,
            help=f"GeoJSON and a mapping.toml, {limits.CONTROL_LIMIT_TEXT}.",
        )
        if st.session_state.get(UPLOAD_ERROR_KEY):
            st.error(f"Not loaded: {st.session_state[UPLOAD_ERROR_KEY]}")
    _problems(maps)


def control_layers(data: AppData, state: pd.DataFrame, as_of: dt.date) -> list[folium.FeatureGroup]:
    """For the map page, above the map: where the maps come from, the switch and the legend.
    Returns the layer of the snapshot in force on `as_of` with rings around the places
    (rows of `state`) whose claim it contradicts, or nothing when switched off or absent."""
    maps, key = control_source()
    switch, sources = st.columns([2, 3], vertical_alignment="center")
    with sources:
        _source_panel(maps)
    if maps is None or not maps.snapshots:
        return []
    st.session_state.setdefault(SHOW_KEY, True)
    if not switch.checkbox("Show the control map", key=SHOW_KEY, persist_state="session"):
        return []
    snapshot = control.snapshot_as_of(maps, as_of)
    st.html(legend_html(snapshot, as_of, maps.dates[0]))
    if snapshot is None:
        return []
    compared = _compared(maps, key, data)
    shown = compared[compared["claim_id"].isin(state["claim_id"])]
    return [control_layer(snapshot, control.disagreements(shown))]


def control_disagreements(data: AppData, filters: Filters) -> None:
    """For the Data page: the claims of the view that the control map of their date
    contradicts, with both statuses and dates."""
    maps, key = control_source()
    st.subheader("Claims against the control maps")
    if maps is None or not maps.snapshots:
        st.caption(
            f"No control maps are loaded: set {control.CONTROL_DIR_ENV} to a folder of "
            "snapshots, or upload them on the map page."
        )
        _problems(maps)
        return
    compared = _compared(maps, key, data)
    counting = claims_counting(data.claims, filters)
    rows = compared[compared["claim_id"].isin(counting["claim_id"])]
    flagged = control.disagreements(rows)
    st.caption(
        f"{comparison_counts(rows)} A place within {control.DEFAULT_TOLERANCE_KM:g} km of "
        "another status agrees with either side."
    )
    if flagged.empty:
        st.info("No claim of this view disagrees with the control maps.")
    else:
        st.dataframe(disagreements_shown(flagged), hide_index=True, width="stretch")
    _problems(maps)


def control_area_figures() -> None:
    """For the Changes page: the area of each status on each control map, and its change."""
    maps, key = control_source()
    if maps is None or not maps.snapshots:
        return
    st.subheader("Area on the control maps")
    st.caption(
        "km² of each status on each snapshot, and the change since the previous one; "
        "measured in an equal-area projection centred on Ukraine. Unshaded ground is not "
        "measured."
    )
    st.dataframe(areas_shown(_areas(key, maps)), hide_index=True, width="stretch")
    _problems(maps)


CONTACT_KEY = "contact_line"
# The estimates of the record's states, kept in the data's .cache (store.cache) under the
# format and the content of the oblasts' file and the record they were made from; the
# format is bumped when estimate_contact's results change.
CONTACT_CACHE = "contact-estimates"
CONTACT_FORMAT = "contact-1"


def _contact_cache_key(data: AppData) -> str:
    """The oblasts' file (which the outline is made from) and the record, by content."""
    try:
        oblasts = hashlib.sha256((data.data_dir / store.OBLAST_SHAPES_FILE).read_bytes())
    except OSError:
        return ""  # the shapes came from nowhere one can name: nothing is kept
    record = pd.util.hash_pandas_object(data.record_claims, index=False).to_numpy()
    return repr((CONTACT_FORMAT, oblasts.hexdigest(), hashlib.sha256(record).hexdigest()))


@dataclass
class _ContactTable:
    estimates: Estimates
    key: str  # under which the data's .cache keeps them
    complete: bool  # read back with every state's estimate: nothing to make ahead


def _contact_table(data: AppData) -> _ContactTable:
    def outline() -> Outline:  # made only if an estimate is not in the .cache
        return ukraine_outline(data.oblast_shapes)

    key = _contact_cache_key(data)
    kept = cache.read_frame(data.data_dir, CONTACT_CACHE, key) if key else None
    if kept is None or list(kept.columns) != list(ROW_FIELDS):
        return _ContactTable(Estimates(outline), key, complete=False)
    return _ContactTable(Estimates(outline, kept.to_dict("records")), key, complete=True)


def _contact_estimates(data: AppData) -> _ContactTable:
    """The line's estimates of this data load (a save or an import starts a new table).
    In data.memo, not st.cache_resource: hashing the data's signature on every run cost
    more than the lookup, and estimate_contact_ahead asks on every run (so it stays)."""
    return data.memo.get(("contact estimates",), lambda: _contact_table(data))


def _places(record: pd.DataFrame) -> list[tuple]:
    return list(zip(record["lat"], record["lon"], record["status"], strict=True))


def contact_line_layers(
    data: AppData, record: pd.DataFrame, as_of: dt.date, key: tuple | None = None
) -> list[folium.FeatureGroup]:
    """The estimated line of contact from the record's places as of the date, when the
    record is shown and the switch is on. The estimate is kept in data.memo under `key`
    (the record state's, ui.shown_keys), and with the data load's Estimates under a digest
    of the places' statuses: a slider move that passes no entry, or none that changes a
    status, reuses it."""
    if record.empty:
        return []
    if not data.oblast_shapes:
        st.caption("No line of contact: it needs the oblast outlines, not loaded.")
        return []
    st.session_state.setdefault(CONTACT_KEY, True)
    if not st.checkbox(
        "Estimated line of contact",
        key=CONTACT_KEY,
        persist_state="session",
        help="Drawn between the Ukrainian-held and Russian-held places of Wikipedia's list "
        "(Voronoi cells, clipped to Ukraine); contested cells shaded. An estimate from the "
        "list's places, not a surveyed front line.",
    ):
        return []

    def by_statuses() -> ContactEstimate:
        return _contact_estimates(data).estimates.get(_places(record))

    estimate = by_statuses() if key is None else data.memo.get(("contact at", key), by_statuses)
    return [contact_layer(estimate, as_of)]


class _Runs:
    """The pages' runs in progress, for the work ahead to wait for (a second at most at a
    time: a playing timeline always has a run going)."""

    def __init__(self) -> None:
        self._going = 0
        self._changed = threading.Condition()

    @contextlib.contextmanager
    def going(self) -> Iterator[None]:
        with self._changed:
            self._going += 1
        try:
            yield
        finally:
            with self._changed:
                self._going -= 1
                self._changed.notify_all()

    def wait(self) -> None:
        with self._changed:
            self._changed.wait_for(lambda: not self._going, timeout=1.0)


_RUNS = _Runs()
page_runs = _RUNS.going  # `with page_runs(): ...` around a run of a page
# The table being worked ahead of: only the latest data load's (a save or an import stops
# the work for the data it replaced).
_working: list[_ContactTable] = []


def estimate_contact_ahead(data: AppData, record: pd.DataFrame) -> None:
    """After the map is drawn with the line of contact (record: the record's places it was
    drawn from): once per data load, unless the data's .cache has them, estimate the line
    for the record's state at each of its dates in the unfiltered view, latest first, on a
    thread of their own between the page's runs, and keep them in the .cache. A slider move
    to a date not shown before then finds its estimate made, on this start and the next."""
    table = _contact_estimates(data) if not record.empty and data.oblast_shapes else None
    if table is None or table.complete or not st.session_state.get(CONTACT_KEY):
        return

    def states() -> Iterator[list[tuple]]:
        seen = set()
        for day in reversed(timeline_dates(data, vocab.SOURCE_RECORD)):
            view = Filters(as_of=day)
            key = data.record_index.state_key(view)
            if key not in seen:
                seen.add(key)
                yield _places(data.record_index.state(view, keep=False))

    def keep(estimates: Estimates) -> None:
        if table.key:
            frame = pd.DataFrame(estimates.rows(), columns=list(ROW_FIELDS))
            cache.write_frame(data.data_dir, CONTACT_CACHE, frame, table.key)
        table.complete = True

    def go_on() -> bool:
        _RUNS.wait()
        return bool(_working) and _working[-1] is table

    _working[:] = [table]
    table.estimates.make_ahead(states(), go_on=go_on, done=keep)
