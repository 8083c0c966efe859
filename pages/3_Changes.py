"""The change log: for each date, which places changed state, from what to what, on whose
claim; and the claims over time by status."""

from __future__ import annotations

import streamlit as st

from frontline import vocab
from frontline.app import navigation, signin
from frontline.app.access import page_style
from frontline.app.controlui import control_area_figures
from frontline.app.ui import app_data, base_url_path, news_change_log, show_problems
from frontline.record.sources import record_licences, record_names
from frontline.web.changes import (
    change_log_html,
    claims_by_date,
    claims_chart,
    log_page,
    log_page_caption,
    log_pages,
)
from frontline.web.recordchanges import (
    change_months,
    month_of,
    nearest_month,
    record_changes,
    weekly_chart,
    weekly_counts,
)

navigation.leave_folder_mode()
st.set_page_config(page_title="Frontline — changes", page_icon="🗓️", layout="wide")


def main() -> None:
    data = app_data()
    page_style()
    signin.sidebar()
    st.html('<h1 class="fl-title">Changes, day by day</h1>')
    show_problems(data.problems)
    if data.claims.empty:
        st.info("There are no claims in the data yet.")
        return
    st.caption(
        "Each line is a claim that changed a place's assessment as the map shows it: its "
        "first claim, a new status, a stronger certainty, or a dispute between the sides; "
        "repeats, newer weaker claims and events are left out. Dates are the dates the "
        "claims are about, latest first. A date opens the map as of that date, a place "
        "opens it with the place selected."
    )
    # Counted, and the log split into pages, once per data load (data.memo), not per rerun.
    counts = data.memo.get("claims by date", lambda: claims_by_date(data.claims))
    st.altair_chart(claims_chart(counts), width="stretch")
    news_log(data, news_change_log(data))
    record_section(data)
    control_area_figures()


def news_log(data, log) -> None:
    """The news's log a page of whole dates at a time, latest first."""
    pages = data.memo.get("change log pages", lambda: log_pages(log))
    page = 1
    if len(pages) > 1:
        # No max_value: a later load may have fewer pages; the last is shown then.
        page = st.number_input(
            f"Page (of {len(pages)}, latest dates first)", min_value=1, step=1, key="changes_page"
        )
        page = min(page, len(pages))
    key = ("change log page", pages[page - 1] if pages else None)
    shown = data.memo.get(key, lambda: log_page(log, pages[page - 1])) if pages else log
    if len(pages) > 1:
        st.caption(log_page_caption(pages[page - 1], len(shown), len(log)))
    st.html(change_log_html(shown, base_path=base_url_path()))


def record_section(data) -> None:
    changes = record_changes(data.record_claims, vocab.INVASION_START)
    if changes.empty:
        return
    st.markdown("### The record, week by week")
    st.caption(
        f"Places {record_names(changes['outlet'])} record as changing hands since "
        f"{vocab.INVASION_START.isoformat()}, by the week of the date the record gives (an edit "
        "war counts once, as contested; each source of the record counts on its own). The record "
        f"is not a news report. {record_licences(changes['outlet'])}"
    )
    st.altair_chart(weekly_chart(weekly_counts(changes)), width="stretch")
    months = change_months(changes)
    month = st.selectbox(
        "The record's changes in",
        months,
        index=nearest_month(months, data.latest_news),
        format_func=lambda m: m.strftime("%B %Y"),
    )
    shown = month_of(changes, month)
    st.caption(f"{len(shown)} change(s) in {month:%B %Y}.")
    st.html(f'<div class="fl-record-log">{change_log_html(shown, base_path=base_url_path())}</div>')


main()
