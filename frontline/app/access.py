"""What every page adds for readers of all abilities (WCAG 2.1 AA): text colours with
enough contrast where Streamlit's own fall short."""

from __future__ import annotations

import streamlit as st

# Streamlit's captions are a grey at 60 % opacity, #828180 on white (3.9:1); they carry key
# sentences, so they get an opaque grey of 6.4:1. Each page has one level-1 heading (in the
# size of the former level-3 one).
PAGE_CSS = """<style>
[data-testid="stCaptionContainer"], [data-testid="stCaptionContainer"] p {
    color:#55565c; opacity:1}
h1.fl-title {font-size:1.75rem; padding:.25rem 0 .5rem 0}
</style>"""


def page_style() -> None:
    st.html(PAGE_CSS)
