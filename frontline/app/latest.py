"""The map page's "Latest" list (frontline.web.latest), drawn from the loaded data."""

from __future__ import annotations

import datetime as dt

import streamlit as st

from frontline.app.ui import AppData, base_url_path
from frontline.web.changes import change_log
from frontline.web.latest import latest_changes, latest_claims, latest_html


def latest_list(data: AppData) -> None:
    # The claims and changes come from the loaded data alone: found once per load.
    claims, changes = data.memo.get(
        ("latest",),
        lambda: (latest_claims(data.dataset.claims), latest_changes(change_log(data.claims))),
    )
    html = latest_html(
        claims, data.place_names, dt.datetime.now(dt.UTC), changes, base_path=base_url_path()
    )
    if html:
        st.html(html)
