"""Saved imported claims on the pages: the Data page's table and downloads, and the map
panel's cards, each claim with its data set, file, row and licence."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from frontline.app.ui import AppData
from frontline.model import Problem
from frontline.timeline import Filters
from frontline.web import imported
from frontline.web.tables import search


def saved_imports(data: AppData) -> tuple[pd.DataFrame, tuple[Problem, ...]]:
    """The saved imported claims of the data directory, loaded with the data."""
    return data.imports.frame, data.imports.problems


def imported_table(data: AppData, filters: Filters, query: str = "") -> None:
    """The Data page's section: the imported claims in the view and the search, their
    provenance, the downloads and the credits. Nothing when nothing was imported."""
    frame, problems = saved_imports(data)
    if frame.empty and not problems:
        return
    rows = search(imported.in_view(frame, filters), query, imported.SEARCH_COLUMNS)
    st.subheader(f"Imported claims ({len(rows)})")
    st.caption(
        "Rows of analysts' data sets, saved on the Import page or by `frontline import "
        "--save`: not news reports. Each names its data set, file, row and licence."
    )
    if problems:
        with st.expander(f"⚠️ {len(problems)} problem(s) in the saved imports: left out"):
            st.code("\n".join(str(p) for p in problems), language=None)
    st.dataframe(
        imported.shown(rows),
        hide_index=True,
        width="stretch",
        column_config={"Passage": st.column_config.TextColumn("Passage", width="large")},
    )
    shared, withheld = imported.downloadable(rows)
    csv_column, geojson_column, readme_column = st.columns(3)
    csv_column.download_button(
        "Imported claims as CSV",
        imported.to_csv(shared),
        file_name="imported_claims.csv",
        mime="text/csv",
        key="download_imported_csv",
        on_click="ignore",
    )
    geojson_column.download_button(
        "Imported claims as GeoJSON",
        imported.to_geojson(shared),
        file_name="imported_claims.geojson",
        mime="application/geo+json",
        key="download_imported_geojson",
        on_click="ignore",
        help="The credits are in the file's metadata.",
    )
    readme_column.download_button(
        "About the imported claims (README)",
        imported.readme(shared),
        file_name="README_imported.txt",
        mime="text/plain",
        key="download_imported_readme",
        on_click="ignore",
    )
    for reason in withheld:
        st.caption(reason)
    if len(rows):
        st.text(f"Credits of the imported data sets shown: {imported.credits(rows)}")


def imported_at(data: AppData, place: str, filters: Filters) -> pd.DataFrame:
    """The imported claims about a place in the view, newest first."""
    frame, _ = saved_imports(data)
    if frame.empty:
        return frame
    return imported.in_view(frame[frame["place_id"] == place], filters)[::-1]


def imported_panel(rows: pd.DataFrame) -> None:
    """The map panel's cards of a place's imported claims."""
    if rows.empty:
        return
    caption, cards = imported.panel_cards(rows)
    st.caption(caption)
    st.html(cards)
