"""The app's pages, in the order of the navigation: the map first, named "Map" (Streamlit
would name it after its file, dashboard.py), then the files in app_pages/ under the titles and
addresses they have always had ("/Articles", "/Add_article", ...).

The folder is not called pages/: next to the entry script that name turns on Streamlit's
older multipage mode, which, until the entry script has run once in the server's process,
ignores st.navigation, so a first visit to /Changes listed the map as "dashboard"."""

from __future__ import annotations

from collections.abc import Callable

import streamlit as st

MAP_TITLE = "Map"

# (file relative to dashboard.py, title in the navigation, address under the app's root)
PAGE_FILES: tuple[tuple[str, str, str], ...] = (
    ("app_pages/1_Articles.py", "Articles", "Articles"),
    ("app_pages/2_Data.py", "Data", "Data"),
    ("app_pages/3_Changes.py", "Changes", "Changes"),
    ("app_pages/4_Add_article.py", "Add article", "Add_article"),
    ("app_pages/5_Import.py", "Import", "Import"),
    ("app_pages/6_History.py", "History", "History"),
)


def app_pages(map_page: Callable[[], None]) -> list[st.Page]:
    """The pages for st.navigation: the map (served at the app's root) and the others."""
    return [
        st.Page(map_page, title=MAP_TITLE, default=True),
        *(st.Page(path, title=title, url_path=url) for path, title, url in PAGE_FILES),
    ]
