"""The map page's "Latest" list (frontline.web.latest), drawn from the loaded data."""

from __future__ import annotations

import datetime as dt

import streamlit as st

from frontline.app.ui import AppData, base_url_path
from frontline.store.claimlist import newest_saved
from frontline.web.changes import DISPUTED, STATUS, change_log
from frontline.web.latest import LATEST_COUNT, latest_changes, latest_claims, latest_html


def latest_list(data: AppData) -> None:
    html = latest_html(
        latest_claims(newest_saved(data.dataset.claims, LATEST_COUNT)),
        data.place_names,
        dt.datetime.now(dt.UTC),
        latest_changes(
            # Only the newest changes of status: the whole log is the Changes page's.
            change_log(data.claims, data.index, kinds=(STATUS, DISPUTED), newest=LATEST_COUNT)
        ),
        base_path=base_url_path(),
    )
    if html:
        st.html(html)
