"""The article reader: an article's full text, every place mention a claim rests on
highlighted in the claim's status colour and linked to the map at that place and date."""

from __future__ import annotations

import streamlit as st

from frontline.app import navigation, signin
from frontline.app.access import page_style
from frontline.app.ui import app_data, base_url_path, show_problems
from frontline.web.reader import (
    article_head_html,
    article_html,
    article_label,
    articles_in_order,
    choose_article,
    reader_legend_html,
    reading_note_html,
)
from frontline.web.tables import claims_shown

navigation.leave_folder_mode()
st.set_page_config(page_title="Frontline — articles", page_icon="📰", layout="wide")


def main() -> None:
    data = app_data()
    articles = data.dataset.articles
    page_style()
    signin.sidebar()
    st.html('<h1 class="fl-title">Articles</h1>')
    show_problems(data.problems)
    if not articles:
        st.info("There are no articles in the data yet.")
        return

    state = st.session_state
    raw = st.query_params.get("article")
    choice = choose_article(raw, articles)
    # A link is followed once; after that the selection is the reader's own.
    if raw != state.get("article_link"):
        state["article_link"] = raw
        if choice.article_id:
            state["article"] = choice.article_id
    if choice.notice:
        st.warning(choice.notice)
    order = articles_in_order(articles)
    if state.get("article") not in articles:
        state["article"] = order[0]
    article_id = st.selectbox(
        "Article",
        order,
        key="article",
        persist_state="session",
        format_func=lambda a: article_label(articles[a]),
    )
    place = st.query_params.get("place") if article_id == raw else None
    st.query_params["article"] = article_id
    state["article_link"] = article_id
    if place is not None and place not in data.dataset.places:
        st.warning("The link's place is not in the gazetteer; no mention is outlined.")
        place = None
    if place is None:
        st.query_params.pop("place", None)

    article = articles[article_id]
    claims = data.claims[data.claims["article_id"] == article_id]
    st.html(article_head_html(article))
    st.html(reader_legend_html())
    focus = data.dataset.places[place].name if place else None
    st.html(reading_note_html(len(claims), focus))
    st.html(article_html(article, claims, focus_place=place, base_path=base_url_path()))
    if not claims.empty:
        st.subheader("Claims in this article")
        st.dataframe(
            claims_shown(claims, base_url_path()).drop(columns="Article"),
            hide_index=True,
            width="stretch",
            column_config={
                "Map": st.column_config.LinkColumn("Map", display_text="map"),
                "Quote": st.column_config.TextColumn("Quote", width="large"),
            },
        )


main()
