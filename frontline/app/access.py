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
h1.fl-title {font-size:1.75rem !important; padding:.25rem 0 .5rem 0 !important}
/* A phone (Streamlit stacks columns below 640 px): the map in the first screen, so a
   smaller title and legend, less space above, and the timeline's buttons in one row. */
@media (max-width: 640px) {
  h1.fl-title {font-size:1.25rem !important; line-height:1.3 !important}
  [data-testid="stMainBlockContainer"] {padding-top:3rem !important}
  .fl-legend {font-size:.8rem !important; gap:.2rem .7rem !important}
  .fl-legend .fl-more {display:none}
  .st-key-fl-timeline [data-testid="stHorizontalBlock"] {flex-wrap:wrap !important;
    flex-direction:row !important}
  .st-key-fl-timeline [data-testid="stColumn"] {min-width:0 !important;
    flex:1 1 0 !important; width:auto !important}
  .st-key-fl-timeline [data-testid="stColumn"]:first-child {flex:1 1 100% !important}
}
</style>"""


def page_style() -> None:
    st.html(PAGE_CSS)
