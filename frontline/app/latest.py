"""The map page's "Latest" list (frontline.web.latest), drawn from the loaded data."""

from __future__ import annotations

import datetime as dt

import streamlit as st

from frontline.app.ui import AppData, base_url_path, newest_news_changes
from frontline.store.claimlist import newest_saved
from frontline.web.latest import LATEST_COUNT, latest_claims, latest_html


def latest_list(data: AppData) -> None:
    html = latest_html(
        latest_claims(newest_saved(data.dataset.claims, LATEST_COUNT)),
        data.place_names,
        dt.datetime.now(dt.UTC),
        newest_news_changes(data),
        base_path=base_url_path(),
    )
    if html:
        st.html(html)
