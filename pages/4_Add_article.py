"""Add an article: paste or upload a report, review the places and claims found in it, save.

Nothing is written until the reviewer saves; the save validates the whole data set first and
writes it atomically, so a refused or interrupted save leaves the data as it was.
"""

from __future__ import annotations

import datetime as dt

import streamlit as st
from streamlit_folium import st_folium

from frontline import limits, store
from frontline.app import navigation, signin
from frontline.app.access import page_style
from frontline.app.ui import app_data, served_leaflet, show_problems
from frontline.events import event_label, status_label
from frontline.news.ingest import IngestError, candidate_claims, make_article, save_article
from frontline.news.review import CHOICES, EDITABLE, WIDTHS, candidates_on_map, review_table
from frontline.news.review import reviewed_candidates as read_review
from frontline.urlstate import map_link
from frontline.web.addarticle import (
    LIMIT_WORDS,
    find_blocked,
    missing_details,
    quotes_html,
    row_numbers_layer,
    shown_review_table,
    text_problem,
)
from frontline.web.mapview import base_map, claims_layer
from frontline.web.text import code_span, escape_html

navigation.leave_folder_mode()
st.set_page_config(page_title="Frontline — add an article", page_icon="➕", layout="wide")


@st.cache_resource(show_spinner="Loading the gazetteer (once)…")
def place_finder(data_dir: str):
    # Imported here so that the map pages do not pay for the gazetteer they never use.
    from frontline.news.gazetteer import cached_gazetteer
    from frontline.news.geoparse import cached_matcher

    return cached_matcher(data_dir), cached_gazetteer(data_dir)


def load_upload() -> None:
    """Put an uploaded file's text into the text box, or say why it cannot be read."""
    upload = st.session_state.get("upload")
    if upload is None:
        return
    text, error = limits.decode_article_upload(upload.name, upload.getvalue())
    st.session_state["upload_error"] = error
    if text is not None:
        st.session_state["article_text"] = text


def find_claims(data_dir: str) -> None:
    state = st.session_state
    text = state.get("article_text", "")
    state["found"] = None
    if problem := text_problem(text) or find_blocked(state.get("published")):
        state["find_error"] = problem
        return
    matcher, _ = place_finder(data_dir)
    candidates = candidate_claims(text, state["published"], outlet=state["outlet"], matcher=matcher)
    state["find_error"] = ""
    state["found"] = {"text": text, "published": state["published"], "candidates": candidates}
    state.pop("review", None)  # a fresh table for a fresh search


def review_columns() -> dict:
    """How each column of the review table is edited: choices from the vocabulary, dates as
    dates, fixed widths."""
    config = {name: st.column_config.Column(name, width=width) for name, width in WIDTHS.items()}
    config["keep"] = st.column_config.CheckboxColumn("keep", default=True, width=WIDTHS["keep"])
    for name, options in CHOICES.items():
        config[name] = st.column_config.SelectboxColumn(
            name,
            options=list(options),
            required=True,
            width=WIDTHS[name],
            # The map's words ("Ukrainian-held"); the cells keep the codes the save reads.
            format_func=status_label if name == "status" else event_label,
        )
    for name in ("date", "date_end"):
        config[name] = st.column_config.DateColumn(
            name, format="YYYY-MM-DD", required=name == "date", width=WIDTHS[name]
        )
    return config


def main() -> None:
    data = app_data()
    state = st.session_state
    page_style()
    policy = signin.sidebar()
    st.html('<h1 class="fl-title">Add an article</h1>')
    st.caption(
        "Paste a report, give its dateline, and review what Frontline finds in it: "
        "places, and the claims the report makes about them. Nothing is saved until "
        "you press Save."
    )
    show_problems(data.problems)

    st.file_uploader(
        f"Upload a .txt file (up to {LIMIT_WORDS})",
        type=["txt"],
        key="upload",
        on_change=load_upload,
        help=f"An article is {limits.ARTICLE_LIMIT_TEXT}, pasted or uploaded.",
    )
    if state.get("upload_error"):
        st.error(state["upload_error"])
    st.text_area(
        f"Article text (up to {LIMIT_WORDS})",
        key="article_text",
        height=220,
        # No max_chars: the browser would drop a longer paste without a word; text_problem
        # says what is over the limit instead.
        placeholder="KHARKIV, Ukraine: Ukrainian forces said on Saturday …",
    )
    dateline, outlet, title, url = st.columns([1, 1, 2, 2])
    dateline.date_input(
        "Dateline (published)",
        key="published",
        value=None,  # no default: "on Thursday" must not silently count from today
        min_value=store.EARLIEST_DATE,
        max_value=dt.date.today(),
    )
    outlet.text_input("Outlet", key="outlet", placeholder="AFP")
    title.text_input("Title", key="title", placeholder="as the outlet published it")
    url.text_input("Address (http or https)", key="url")
    blocked = find_blocked(state.get("published"))
    st.button(
        "Find places and claims",
        type="primary",
        on_click=find_claims,
        args=(str(data.data_dir),),
        disabled=bool(blocked),
        help=blocked or None,
    )
    if blocked:
        st.caption(blocked)
    if state.get("find_error"):
        st.error(state["find_error"])

    found = state.get("found")
    if not found:
        return
    # Rows of the gazetteer's own sources (GeoNames, boundaries) that could not be used.
    show_problems(tuple(place_finder(str(data.data_dir))[1].problems))
    candidates = found["candidates"]
    if not candidates:
        st.info(
            "No claim about a place was found in this text. Claims need a place and a "
            "cue such as 'entered', 'captured', 'fighting' or 'withdrew'."
        )
        return
    if found["text"] != state.get("article_text"):
        st.warning(
            "The text has changed since the search: press 'Find places and claims' "
            "again before saving."
        )

    st.markdown(f"#### {len(candidates)} candidate claim(s)")
    leaflet_js, leaflet_css = served_leaflet()
    on_map = candidates_on_map(candidates)
    fmap = base_map(
        (on_map["lat"].mean(), on_map["lon"].mean()),
        data.outlines,
        leaflet_js,
        leaflet_css,
    )
    claims_layer(on_map, data.display_shapes).add_to(fmap)
    row_numbers_layer(candidates).add_to(fmap)  # the table's row numbers by the markers
    st_folium(fmap, key="candidates_map", height=320, use_container_width=True, returned_objects=[])

    st.caption(
        "Edit a cell to fix it; untick 'keep' to drop a row. The place may be renamed "
        "to any name or spelling in the gazetteer; quotes stay as in the text."
    )
    edited = st.data_editor(
        shown_review_table(review_table(candidates), data.dataset.oblasts),
        key="review",
        hide_index=True,
        width="stretch",
        disabled=[c for c in shown_review_table(review_table([]), {}) if c not in EDITABLE],
        num_rows="fixed",
        column_config=review_columns(),
    )

    with st.expander("Each quote in full, in the table's order", expanded=len(candidates) <= 5):
        st.html(quotes_html(candidates))

    (st.caption if policy.may_write else st.info)(policy.message)
    if st.button("Save the kept claims", type="primary", disabled=not policy.may_write):
        if (author := signin.author()) is None:  # decided now, not by the button's state
            return
        try:
            if missing := missing_details(state["title"], state["outlet"]):
                raise IngestError(missing)
            _, gazetteer = place_finder(str(data.data_dir))
            kept = read_review(edited, candidates, gazetteer, found["published"])
            if not kept:
                raise IngestError("every row is unticked: keep at least one claim to save")
            article = make_article(
                found["text"],
                found["published"],
                title=state["title"],
                outlet=state["outlet"],
                url=state["url"],
            )
            report = save_article(article, kept, data.data_dir, author)
        except IngestError as err:
            st.error(f"Not saved: {code_span(err)}")
            return
        if report.added:
            st.success(f"Saved: {report.message}.")
        else:
            st.info(report.message)
        # A plain link: the map page reads its view from the address on a fresh load.
        link = escape_html(map_link(found["published"]))
        st.html(f'<a href="{link}" target="_self">See it on the map as of {found["published"]}</a>')


main()
