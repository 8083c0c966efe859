"""The app's pages, in the order of the navigation: the map first, named "Map" (Streamlit
would name it after its file, dashboard.py), then the files in pages/ under the titles and
addresses they have always had ("/Articles", "/Add_article", ...)."""

from __future__ import annotations

from collections.abc import Callable

import streamlit as st

MAP_TITLE = "Map"

# (file relative to dashboard.py, title in the navigation, address under the app's root)
PAGE_FILES: tuple[tuple[str, str, str], ...] = (
    ("pages/1_Articles.py", "Articles", "Articles"),
    ("pages/2_Data.py", "Data", "Data"),
    ("pages/3_Changes.py", "Changes", "Changes"),
    ("pages/4_Add_article.py", "Add article", "Add_article"),
    ("pages/5_Import.py", "Import", "Import"),
    ("pages/6_History.py", "History", "History"),
)


def all_pages(map_page: Callable[[], None]) -> list[st.Page]:
    """The pages for st.navigation: the map (served at the app's root) and the others."""
    return [
        st.Page(map_page, title=MAP_TITLE, default=True),
        *(st.Page(path, title=title, url_path=url) for path, title, url in PAGE_FILES),
    ]


def leave_folder_mode() -> None:
    """Send a page that Streamlit ran straight from the pages/ folder through dashboard.py's
    st.navigation instead.

    A pages/ folder beside the entry script makes Streamlit run its older multipage mode until
    st.navigation has been called once in the server's process: a reader whose first visit is
    /Changes would get a navigation of Streamlit's own making, with the map named "dashboard".
    The flag is Streamlit's (st.navigation clears it); clearing it and rerunning sends the
    same page through dashboard.py. Under st.navigation, and in AppTest, it does nothing."""
    from streamlit.runtime.pages_manager import PagesManager

    if PagesManager.uses_pages_directory:
        PagesManager.uses_pages_directory = False
        st.rerun()
