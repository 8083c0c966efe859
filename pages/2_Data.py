"""The data behind the map: the claims and the gazetteer under the map's filters, searchable
and sortable, with downloads of exactly the rows shown."""

from __future__ import annotations

from dataclasses import asdict

import streamlit as st

from frontline.app import claimedit, navigation, signin
from frontline.app.access import page_style
from frontline.app.controlui import control_disagreements
from frontline.app.importedui import imported_table
from frontline.app.recordui import record_disagreement_table
from frontline.app.ui import (
    app_data,
    as_of_widget,
    base_url_path,
    filter_widgets,
    initialise_view,
    show_problems,
    view_filters,
    widget_view,
)
from frontline.export import credits_for, geojson_text, to_csv
from frontline.urlstate import (
    map_link,
    parse_table_options,
    table_params,
    under_base,
)
from frontline.web.paging import PAGE_ROWS, page_caption, page_count, page_of
from frontline.web.tables import (
    CLAIM_SEARCH_COLUMNS,
    PLACE_SEARCH_COLUMNS,
    claims_shown,
    describe_view,
    place_aliases,
    place_rows,
    places_csv,
    places_shown,
    readme_text,
    search,
    source_claim_rows,
    view_caption_html,
)

navigation.leave_folder_mode()
st.set_page_config(page_title="Frontline — data", page_icon="📋", layout="wide")

ROWS_LABELS = {
    False: "Every claim up to the date",
    True: "The latest claim per place (as on the map)",
}


def main() -> None:
    data = app_data()
    for notice in initialise_view(data, "data"):
        st.warning(notice)
    if "data_search" not in st.session_state:  # the link is read once per session
        query, latest, notices = parse_table_options(st.query_params.to_dict())
        st.session_state["data_search"], st.session_state["data_latest"] = query, latest
        for notice in notices:
            st.warning(notice)
    with st.sidebar:
        st.header("Filters")
        as_of_widget(data, "Claims as of")
        filter_widgets(data)
    view = filters = view_filters(widget_view(), data.first, data.last)

    page_style()
    signin.sidebar()
    st.html('<h1 class="fl-title">The data behind the map</h1>')
    show_problems(data.problems)
    query = st.text_input(
        "Search",
        key="data_search",
        persist_state="session",
        placeholder="A place (any spelling), claimant, outlet, or words of a quote",
    )
    latest = st.radio(
        "Claims shown",
        list(ROWS_LABELS),
        key="data_latest",
        persist_state="session",
        format_func=ROWS_LABELS.get,
        horizontal=True,
    )
    names = data.dataset.oblasts
    claims = search(
        source_claim_rows(data.index, data.record_index, filters, latest_only=latest),
        query,
        CLAIM_SEARCH_COLUMNS,
        place_aliases(data.dataset),
    )
    places = search(place_rows(data.dataset, data.index, filters), query, PLACE_SEARCH_COLUMNS)
    description = describe_view(view, names, query)
    map_href = under_base(map_link(**asdict(view)), base_url_path())
    st.html(view_caption_html(description, map_href))

    st.subheader(f"Claims ({len(claims)})")
    page = 1
    if len(claims) > PAGE_ROWS:
        # No max_value: a narrower search may leave fewer pages; page_of takes the last.
        page = st.number_input(
            f"Page (of {page_count(len(claims))})", min_value=1, step=1, key="data_page"
        )
        st.caption(page_caption(len(claims), page))
    st.dataframe(
        claims_shown(page_of(claims, page), base_url_path()),
        hide_index=True,
        width="stretch",
        column_config={
            "Quote": st.column_config.TextColumn("Quote", width="large"),
            "Map": st.column_config.LinkColumn("Map", display_text="map"),
            "Article": st.column_config.LinkColumn("Article", display_text="read"),
        },
    )
    claimedit.panel(data)
    csv_column, geojson_column, readme_column = st.columns(3)
    csv_column.download_button(
        "Claims as CSV",
        lambda: to_csv(claims),  # made on a click, not on every rerun
        file_name="claims.csv",
        mime="text/csv",
        key="download_claims_csv",
        on_click="ignore",
    )
    geojson_column.download_button(
        "Claims as GeoJSON",
        lambda: geojson_text(claims, data.oblast_shapes),
        file_name="claims.geojson",
        mime="application/geo+json",
        key="download_claims_geojson",
        on_click="ignore",
        help="The credits are in the file's metadata.",
    )
    readme_column.download_button(
        "About these files (README)",
        readme_text(description, map_href, len(claims), len(places), credits_for(claims)),
        file_name="README.txt",
        mime="text/plain",
        key="download_readme",
        on_click="ignore",
    )

    st.caption(
        f"Credits and licences, to cite with the data (also in the GeoJSON's metadata and "
        f"the README): {credits_for(claims)}"
    )

    imported_table(data, filters, query)
    record_disagreement_table(data, filters)
    control_disagreements(data, filters)

    st.subheader(f"Places ({len(places)})")
    st.caption("The gazetteer, with each place's state as of the date (blank: no claim).")
    st.dataframe(places_shown(places), hide_index=True, width="stretch")
    st.download_button(
        "Places as CSV",
        lambda: places_csv(places),
        file_name="places.csv",
        mime="text/csv",
        key="download_places_csv",
        on_click="ignore",
    )

    st.query_params.from_dict(table_params(view, query, latest))


main()
