"""What every page shares: the cached data load, the URL view and the data-problems notice.

The only module of the package that imports Streamlit. Pages stay thin: they read widgets,
call the domain functions and draw.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

import pandas as pd
import streamlit as st

from frontline import store
from frontline.geo import load_oblast_shapes
from frontline.model import Dataset, Problem
from frontline.timeline import claims_table, date_bounds
from frontline.urlstate import ParsedView, parse_view

DATA_FILES = (
    store.ARTICLES_FILE,
    store.PLACES_FILE,
    store.CLAIMS_FILE,
    store.OBLASTS_FILE,
    store.OBLAST_SHAPES_FILE,
)


@dataclass(frozen=True)
class AppData:
    data_dir: Path
    dataset: Dataset
    claims: pd.DataFrame  # claims_table(dataset)
    oblast_shapes: dict[str, dict]
    problems: tuple[Problem, ...]
    first: dt.date
    last: dt.date
    center: tuple[float, float]


def _signature(data_dir: Path) -> tuple:
    """Sizes and modification times of the data files: a save or an edit changes it."""
    stamps = []
    for name in DATA_FILES:
        try:
            info = (data_dir / name).stat()
            stamps.append((name, info.st_mtime_ns, info.st_size))
        except OSError:
            stamps.append((name, None, None))
    return tuple(stamps)


@st.cache_resource(show_spinner="Loading the data…", max_entries=4)
def _load(data_dir: str, _signature_key: tuple) -> AppData:
    root = Path(data_dir)
    dataset = store.load_dataset(root)
    shapes, shape_problems = load_oblast_shapes(root)
    table = claims_table(dataset)
    bounds = date_bounds(table) or (dt.date.today(), dt.date.today())
    places = list(dataset.places.values())
    center = (
        (sum(p.lat for p in places) / len(places), sum(p.lon for p in places) / len(places))
        if places
        else (48.5, 31.5)
    )  # the middle of Ukraine when there is nothing yet
    return AppData(
        root,
        dataset,
        table,
        shapes,
        tuple(dataset.problems + shape_problems),
        bounds[0],
        bounds[1],
        center,
    )


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
        places=set(data.dataset.places),
    )


def base_url_path() -> str:
    return str(st.get_option("server.baseUrlPath") or "")
