"""What every page shares: the cached data load, the URL view and the data-problems notice.

With the rest of `frontline.app`, the only code of the package that imports Streamlit. Pages
stay thin: they read widgets, call the domain functions and draw.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field, replace
from pathlib import Path

import pandas as pd
import streamlit as st

from frontline import store, vocab
from frontline.importers.maprows import (
    SavedClaims,
    imports_signature,
    in_timeline_order,
)
from frontline.memo import Memo
from frontline.model import Dataset, Problem
from frontline.record.claims import record_bounds, record_claims_table, record_table
from frontline.record.compare import against_record
from frontline.record.files import ENTRIES_FILE, MANIFEST_FILE, PLACES_FILE, RECORD_DIR
from frontline.record.load import RecordData
from frontline.store.boundaries import display_shapes, load_oblast_shapes
from frontline.store.derived import start_tables
from frontline.store.stamps import article_text_stamps
from frontline.timeline import Filters, TimelineIndex, claim_dates, date_bounds
from frontline.urlstate import ParsedView, parse_view
from frontline.web.assets import install_static_assets, leaflet_urls
from frontline.web.basemap import place_labels_json
from frontline.web.changes import DISPUTED, STATUS, change_log
from frontline.web.latest import LATEST_COUNT, latest_changes
from frontline.web.mapview import outlines_json

DATA_FILES = (
    store.ARTICLES_FILE,
    store.PLACES_FILE,
    store.CLAIMS_FILE,
    store.OBLASTS_FILE,
    store.OBLAST_SHAPES_FILE,
    *(f"{RECORD_DIR}/{name}" for name in (PLACES_FILE, ENTRIES_FILE, MANIFEST_FILE)),
)


DERIVED_KEPT = 64  # values in AppData.memo: a few of each kind of layer


@dataclass(frozen=True)
class AppData:
    data_dir: Path
    dataset: Dataset
    claims: pd.DataFrame  # claims_table(dataset)
    index: TimelineIndex  # over `claims`: what every page shows as of a date
    # The record's entries as claims rows (record.claims): Wikipedia's list, and VIINA's
    # control table when imported; the outlet names the source (record.sources).
    record_claims: pd.DataFrame
    record_index: TimelineIndex  # over `record_claims`
    against_record: pd.DataFrame  # each news claim beside the record of its date
    latest_news: dt.date  # the map opens as of this date
    # Source choice -> the dates Back, Next and Play stop at, in order.
    dates_by_source: dict[str, tuple[dt.date, ...]]
    place_names: dict[str, str]  # place id -> name, of the news's and the record's places
    oblast_shapes: dict[str, dict]
    display_shapes: dict[str, dict]  # lighter outlines for the map
    problems: tuple[Problem, ...]
    first: dt.date
    last: dt.date
    center: tuple[float, float]
    outlines: str  # the oblast outlines as the map draws them (mapview.outlines_json)
    signature: tuple  # of the files this was loaded from; keys what is derived from it
    imports: SavedClaims  # the saved imported claims, also rows of `claims`
    # What the map derives from this load as of a date (layers keyed by shown_keys, the
    # Latest list): a new load, after a save or an import, starts an empty one.
    memo: Memo = field(default_factory=lambda: Memo(DERIVED_KEPT), compare=False, repr=False)


def _signature(data_dir: Path) -> tuple:
    """Sizes and modification times of the data files: a save or an edit changes it."""
    stamps = []
    for name in DATA_FILES:
        try:
            info = (data_dir / name).stat()
            stamps.append((name, info.st_mtime_ns, info.st_size))
        except OSError:
            stamps.append((name, None, None))
    # The texts' listing second to last: _load checks the claims' cache against it.
    return (*stamps, article_text_stamps(data_dir), imports_signature(data_dir))


@st.cache_resource(show_spinner="Loading the data…", max_entries=4)
def _load(data_dir: str, signature: tuple) -> AppData:
    # `signature` keys the cache: a changed file loads anew.
    root = Path(data_dir)
    # The claims' cache is checked against the listing of the texts in `signature`.
    dataset = store.load_dataset(root, text_stamps=signature[-2])
    shapes, shape_problems = load_oblast_shapes(root)
    # The imported claims are one layer with the news's; both come from the cache if it can.
    table, imports, index = start_tables(root, dataset)
    outlines_shapes = display_shapes(shapes)
    record, record_problems = _record(root, dataset)
    record = in_timeline_order(record, imports.record)  # VIINA's control table, if imported
    news_bounds = date_bounds(table)
    spans = [b for b in (news_bounds, record_bounds(record, vocab.INVASION_START)) if b]
    today = dt.date.today()
    bounds = (min(b[0] for b in spans), max(b[1] for b in spans)) if spans else (today, today)
    places = list(dataset.places.values())
    center = (
        (sum(p.lat for p in places) / len(places), sum(p.lon for p in places) / len(places))
        if places
        else (48.5, 31.5)
    )  # the middle of Ukraine when there is nothing yet
    return AppData(
        data_dir=root,
        dataset=dataset,
        claims=table,
        index=index,
        record_claims=record,
        record_index=TimelineIndex(record),
        against_record=against_record(table, record),
        latest_news=news_bounds[1] if news_bounds else bounds[1],
        dates_by_source=_dates_by_source(table, record, bounds[0]),
        place_names=dict(zip(record["place_id"], record["name"], strict=True))
        | {p.place_id: p.name for p in places},
        oblast_shapes=shapes,
        display_shapes=outlines_shapes,
        problems=tuple(dataset.problems + shape_problems + record_problems),
        first=bounds[0],
        last=bounds[1],
        center=center,
        outlines=outlines_json(outlines_shapes, dataset.oblasts),
        signature=signature,
        imports=imports,
    )


@st.cache_resource(show_spinner="Reading the changes…", max_entries=4)
def _change_log(data_dir: str, signature: tuple) -> pd.DataFrame:
    data = _load(data_dir, signature)
    return change_log(data.claims, data.index)


def news_change_log(data: AppData) -> pd.DataFrame:
    """The change log of the news's claims (frontline.web.changes), once per data load."""
    return _change_log(str(data.data_dir), data.signature)


@st.cache_resource(show_spinner=False, max_entries=4)
def _newest_changes(data_dir: str, signature: tuple) -> pd.DataFrame:
    data = _load(data_dir, signature)
    log = change_log(data.claims, data.index, kinds=(STATUS, DISPUTED), newest=LATEST_COUNT)
    return latest_changes(log)


def newest_news_changes(data: AppData) -> pd.DataFrame:
    """The newest changes of status of the news's claims, for the Latest list, once per
    data load (only those: the whole log is the Changes page's)."""
    return _newest_changes(str(data.data_dir), data.signature)


def _dates_by_source(
    news: pd.DataFrame, record: pd.DataFrame, first: dt.date
) -> dict[str, tuple[dt.date, ...]]:
    news_dates = claim_dates(news)
    record_dates = [d for d in claim_dates(record) if d >= first]  # the record reaches to 2014
    return {
        vocab.SOURCE_NEWS: tuple(news_dates),
        vocab.SOURCE_RECORD: tuple(record_dates),
        vocab.SOURCE_BOTH: tuple(sorted({*news_dates, *record_dates})),
    }


def timeline_dates(data: AppData, source: str) -> tuple[dt.date, ...]:
    """The dates Back, Next and Play stop at: those of the sources shown."""
    return data.dates_by_source[source]


def shown_states(data: AppData, filters: Filters) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The news's and the record's places as of the view, each empty when its kind of
    source is not shown."""
    news = data.index.state(filters)
    record = data.record_index.state(filters)
    return (
        news if vocab.shows(filters.source, vocab.SOURCE_NEWS) else news.iloc[0:0],
        record if vocab.shows(filters.source, vocab.SOURCE_RECORD) else record.iloc[0:0],
    )


def shown_keys(data: AppData, filters: Filters) -> tuple[tuple | None, tuple | None]:
    """What decides each of shown_states' frames (TimelineIndex.state_key; None for one not
    shown): the key under which the layers drawn from them are kept in data.memo."""
    return (
        data.index.state_key(filters) if vocab.shows(filters.source, vocab.SOURCE_NEWS) else None,
        data.record_index.state_key(filters)
        if vocab.shows(filters.source, vocab.SOURCE_RECORD)
        else None,
    )


def timeline_end(data: AppData, source: str) -> dt.date:
    """Where Next and Play stop: the last date of the sources shown."""
    dates = timeline_dates(data, source)
    return dates[-1] if dates else data.last


def _record(root: Path, dataset: Dataset) -> tuple[pd.DataFrame, list[Problem]]:
    """The record's entries as claims rows, when the data directory carries the record."""
    if not (root / RECORD_DIR).is_dir():
        return record_claims_table(RecordData(), dataset), []
    return record_table(root, dataset)


def app_data() -> AppData:
    """The validated data, loaded once per change of the files; stops the page with a
    readable message when there is no data directory at all."""
    data_dir = store.default_data_dir()
    try:
        return _load(str(data_dir), _signature(data_dir))
    except store.DataError as err:
        st.error(
            f"Cannot load the data: {err}. Set {store.DATA_DIR_ENV} to a data "
            "directory, or run from the project folder."
        )
        st.stop()
        raise  # st.stop() does not return; this keeps type checkers content


def show_problems(problems: tuple[Problem, ...]) -> None:
    """The valid part is shown; what was left out is listed, never a traceback."""
    if not problems:
        return
    with st.expander(f"⚠️ {len(problems)} problem(s) in the data files: those rows are left out"):
        st.dataframe(
            pd.DataFrame(
                [
                    {"file": p.file, "line": p.line, "field": p.field, "problem": p.message}
                    for p in problems
                ]
            ),
            hide_index=True,
            width="stretch",
        )


def url_view(data: AppData) -> ParsedView:
    return parse_view(
        st.query_params.to_dict(),
        first=data.first,
        last=data.last,
        oblasts=set(data.dataset.oblasts),
        places=set(data.place_names),
        default_as_of=data.latest_news,
    )


def base_url_path() -> str:
    return str(st.get_option("server.baseUrlPath") or "")


# Beside dashboard.py, where Streamlit serves ./static from (as data/ is found beside it too).
STATIC_DIR = Path(__file__).resolve().parents[2] / "static"


@st.cache_resource(show_spinner=False)
def served_leaflet() -> tuple[str, str]:
    """Leaflet copied into the served static folder once per process; its (script,
    stylesheet) URLs."""
    install_static_assets(STATIC_DIR)
    return leaflet_urls(base_url_path())


@st.cache_resource(show_spinner=False, max_entries=4)
def _place_labels(data_dir: str, stamp: tuple) -> str:
    # `stamp` (the extract's mtime and size) keys the cache: an edited extract is read anew.
    return place_labels_json(Path(data_dir), stamp)


def place_labels(data: AppData) -> str:
    """The place names the map draws without tiles (web.basemap), as the layer's JSON; ""
    when the data folder has no GeoNames extract."""
    try:
        info = (data.data_dir / store.GEONAMES_FILE).stat()
    except OSError:
        return ""
    return _place_labels(str(data.data_dir), (info.st_mtime_ns, info.st_size))


# --- the view's widgets, shared by the map and the Data page -------------------------------
# One key per widget, kept for the whole session: a filter set on one page holds on the other.


VIEW_KEYS = (
    "as_of",
    "mode",
    "date_from",
    "date_to",
    "regions",
    "statuses",
    "certainties",
    "place",
    "source",
)
# A copy of the view's widget values under a key that is no widget's, and the page that
# wrote it. Streamlit gives each page's widgets their own ids, so on the first run after a
# page switch a widget may come up empty before the value under its key has been carried
# over to the new id (seen in Streamlit 1.67 when the reader switches pages quickly).
VIEW_MEMORY = "view_memory"
VIEW_PAGE = "view_page"


def initialise_view(data: AppData, page: str) -> list[str]:
    """Fill the view's widget state on `page`: from the link on the session's first run,
    from the view the reader left on another page after a page switch, and otherwise leave
    the widgets be. Brings the dates within the data's range. Returns what in the link could
    not be used, on the run that read it."""
    state = st.session_state
    notices: list[str] = []
    memory = state.get(VIEW_MEMORY)
    if memory is None:
        parsed = url_view(data)
        view = parsed.view
        memory = {
            "as_of": view.as_of,
            "mode": view.mode,
            "date_from": view.date_from or data.first,
            "date_to": view.date_to or data.last,
            "regions": list(view.oblasts),
            "statuses": list(view.statuses),
            "certainties": list(view.certainties),
            "place": view.place,  # the map's selected place; other pages leave it be
            "source": view.source,
        }
        notices = parsed.notices
    if state.get(VIEW_PAGE) != page or any(key not in state for key in VIEW_KEYS):
        for key in VIEW_KEYS:
            state[key] = memory[key]
    state[VIEW_PAGE] = page
    for key in ("as_of", "date_from", "date_to"):
        state[key] = min(max(state[key], data.first), data.last)
    return notices


def as_of_widget(data: AppData, label: str) -> None:
    if data.first == data.last:
        st.session_state["as_of"] = data.first
        st.caption(f"{label} {data.first.isoformat()} (all claims share this date)")
        return
    st.slider(
        label,
        min_value=data.first,
        max_value=data.last,
        key="as_of",
        persist_state="session",
        step=dt.timedelta(days=1),
        format="YYYY-MM-DD",
    )


def filter_widgets(data: AppData) -> None:
    """Mode, date range, region, status and certainty, as on the map."""
    oblasts = data.dataset.oblasts
    st.radio(
        "Timeline shows",
        vocab.MODES,
        key="mode",
        persist_state="session",
        format_func=vocab.MODE_LABELS.get,
        help="'Happened': claims about events up to the date. 'Known': only "
        "claims from articles already published on the date.",
    )
    if not data.record_claims.empty:
        st.radio(
            "Source",
            vocab.SOURCE_CHOICES,
            key="source",
            persist_state="session",
            format_func=vocab.SOURCE_LABELS.get,
            help="News reports are claims with their passages; the record is Wikipedia's "
            "list of city control, as its editors had it at each revision, and VIINA's "
            "territorial control table when it has been imported.",
        )
    for key, label in (("date_from", "Claims dated from"), ("date_to", "Claims dated to")):
        st.date_input(
            label, key=key, persist_state="session", min_value=data.first, max_value=data.last
        )
    choices = (
        (
            "Region (oblast)",
            sorted(oblasts, key=oblasts.get),
            "regions",
            oblasts.get,
            "All regions",
        ),
        ("Status", vocab.STATUSES, "statuses", vocab.STATUS_LABELS.get, "Any status"),
        ("Certainty", vocab.CERTAINTIES, "certainties", str, "Any certainty"),
    )
    for label, options, key, shown, placeholder in choices:
        st.multiselect(
            label,
            options,
            key=key,
            persist_state="session",
            format_func=shown,
            placeholder=placeholder,
        )


def widget_view() -> Filters:
    """The view the widgets show; a reversed date range is flagged and ignored. Call it after
    the widgets: it also keeps their values in VIEW_MEMORY."""
    state = st.session_state
    remember_view()
    view = Filters(
        as_of=state["as_of"],
        mode=state["mode"],
        date_from=state["date_from"],
        date_to=state["date_to"],
        oblasts=tuple(state["regions"]),
        statuses=tuple(state["statuses"]),
        certainties=tuple(state["certainties"]),
        source=state["source"],
    )
    if view.date_from > view.date_to:
        st.sidebar.error("The 'from' date is after the 'to' date; the date range is ignored.")
        view = replace(view, date_from=None, date_to=None)
    return view


def remember_view() -> None:
    """Keep the view as it stands for the next page switch; call it again after anything
    that changes the view past the widgets (a click on the map choosing a place)."""
    state = st.session_state
    state[VIEW_MEMORY] = {key: state[key] for key in VIEW_KEYS}


def view_filters(view: Filters, first: dt.date, last: dt.date) -> Filters:
    """The view as the pages filter by and a link gives it: the data's whole date range is
    no limit, and is left out."""
    date_from = view.date_from if view.date_from and view.date_from > first else None
    date_to = view.date_to if view.date_to and view.date_to < last else None
    return replace(view, date_from=date_from, date_to=date_to)
