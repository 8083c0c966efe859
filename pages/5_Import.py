"""Import: upload an analyst's export (ACLED, GDELT, VIINA, TimeMap, GeoConfirmed or any CSV
with a mapping), preview its claims on a small map and in a table with each place's match,
read the problems by file, line and field, then save through the project's one commit.
Importing the same file again adds nothing."""

from __future__ import annotations

import streamlit as st
from streamlit_folium import st_folium

from frontline import limits
from frontline.app import navigation, signin
from frontline.app.access import page_style
from frontline.app.importui import (
    already_saved,
    run_preview,
    save_uploads,
    uploads_key,
    uploads_problem,
)
from frontline.app.ui import app_data, served_leaflet, show_problems
from frontline.importers import CREDITS, FORMATS
from frontline.store.save import CommitError
from frontline.web.importview import (
    FILE_TYPES,
    FORMAT_LABELS,
    claims_frame,
    map_frame,
    mapping_keys_text,
    places_frame,
    problems_frame,
    record_note,
    summary_text,
)
from frontline.web.mapview import base_map, claims_layer
from frontline.web.text import code_span

navigation.leave_folder_mode()
st.set_page_config(page_title="Frontline — import", page_icon="📥", layout="wide")


def main() -> None:
    data = app_data()
    state = st.session_state
    page_style()
    st.html('<h1 class="fl-title">Import a data set</h1>')
    st.caption(
        "Upload an export, preview what it says about which places, then save. Nothing is "
        "saved until you press Save; claims saved before are not added again."
    )
    show_problems(data.problems)
    policy = signin.sidebar()

    fmt = st.selectbox(
        "Format", FORMATS, key="import_format", format_func=lambda f: FORMAT_LABELS[f]
    )
    files = st.file_uploader(
        f"Files ({limits.IMPORT_LIMIT_TEXT})",
        type=FILE_TYPES[fmt],
        accept_multiple_files=True,
        key=f"import_files_{fmt}",
        max_upload_size=limits.IMPORT_FILE_MB,
    )
    mapping = None
    if fmt == "csv":
        upload = st.file_uploader(
            "Mapping file (TOML)",
            type=["toml"],
            key="import_mapping",
            help=f"Up to {limits.IMPORT_MAPPING_BYTES // 1024} KB.",
        )
        mapping = (upload.name, upload.getvalue()) if upload is not None else None
        with st.expander("What a mapping file says", expanded=mapping is None):
            st.code(mapping_keys_text(), language="toml")
    publisher = ""
    if fmt == "timemap":
        publisher = st.text_input(
            "Publisher (the claimant; default Bellingcat)", key="import_publisher"
        )
    st.caption(f"Credit: {CREDITS[fmt]}")

    uploads = [(f.name, f.getvalue()) for f in files or []]
    if not uploads:
        return
    if refused := uploads_problem(uploads, mapping):
        st.error(f"Not read: {refused}")
        return
    if fmt == "csv" and mapping is None:
        st.info("Upload the mapping file that says which column holds what.")
        return
    key = uploads_key(fmt, uploads, mapping, publisher)
    if st.button("Preview", type="primary"):
        state["import_preview"] = (
            key,
            run_preview(fmt, uploads, mapping, publisher, data.data_dir, data.signature),
        )
        state.pop("import_saved", None)
    shown_key, shown = state.get("import_preview", (None, None))
    if shown is None or shown_key != key:
        return

    st.markdown(f"**{summary_text(shown)}**")
    if shown.report.problems:
        st.markdown(f"#### {shown.report.problem_count} problem(s): those rows are left out")
        st.dataframe(problems_frame(shown.report.problems), hide_index=True, width="stretch")
    if not shown.sample:
        st.info("Nothing to import from these files.")
        return
    points = map_frame(shown)
    if not points.empty:
        leaflet_js, leaflet_css = served_leaflet()
        fmap = base_map(
            (points["lat"].mean(), points["lon"].mean()), data.outlines, leaflet_js, leaflet_css
        )
        claims_layer(points, data.display_shapes).add_to(fmap)
        st_folium(fmap, key="import_map", height=320, use_container_width=True, returned_objects=[])
    saved = already_saved(data.data_dir, shown)
    st.markdown(f"#### Claims ({len(shown.sample)} of {shown.claims} shown)")
    if saved:
        st.caption(
            f"{len(saved)} of the claims shown are already in the data (ticked): "
            "saving adds only the others."
        )
    if note := record_note(shown):
        st.caption(note)
    st.dataframe(claims_frame(shown, saved), hide_index=True, width="stretch")
    st.markdown(f"#### Places ({shown.places_new} new first)")
    st.dataframe(places_frame(shown), hide_index=True, width="stretch")
    if shown.licence:
        st.text(f"Credit: {shown.licence}")  # a mapping's licence is the user's text: plain

    (st.caption if policy.may_write else st.info)(policy.message)
    pressed = st.button(
        f"Save {shown.claims} claim(s)",
        type="primary",
        disabled=not (shown.claims and policy.may_write),
    )
    if pressed and (author := signin.author(kind="import")) is not None:  # decided now
        try:
            saved = save_uploads(
                fmt, uploads, mapping, publisher, data.data_dir, data.signature, author
            )
        except CommitError as err:
            st.error(f"Not saved: {code_span(err)}")
            return
        state["import_saved"] = (key, saved.message, saved.added)
    done = state.get("import_saved")
    if done and done[0] == key:
        (st.success if done[2] else st.info)(f"Saved: {done[1]}." if done[2] else done[1])


main()
