"""The change log: for each date, which places changed state, from what to what, on whose
claim; and the claims over time by status."""

from __future__ import annotations

import streamlit as st

from frontline.app.access import page_style
from frontline.app.controlui import control_area_figures
from frontline.app.ui import app_data, base_url_path, show_problems
from frontline.web.changes import change_log, change_log_html, claims_by_date, claims_chart

st.set_page_config(page_title="Frontline — changes", page_icon="🗓️", layout="wide")


def main() -> None:
    data = app_data()
    page_style()
    st.html('<h1 class="fl-title">Changes, day by day</h1>')
    show_problems(data.problems)
    if data.claims.empty:
        st.info("There are no claims in the data yet.")
        return
    st.caption(
        "Each line is a claim that changed a place's state as the map shows it: its first "
        "claim, a new status, or the same status held with another certainty; repeats are "
        "left out. Dates are the dates the claims are about, latest first. A date opens the "
        "map as of that date, a place opens it with the place selected."
    )
    st.altair_chart(claims_chart(claims_by_date(data.claims)), width="stretch")
    st.html(change_log_html(change_log(data.claims), base_path=base_url_path()))
    control_area_figures()


main()
