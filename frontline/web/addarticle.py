"""The Add article form's rules, kept out of the page: one stated limit for pasted and
uploaded text, why Find cannot run yet, the details a save needs, and the review table as
a reader sees it (the map's labels, each quote in full)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence

import folium
import pandas as pd

from frontline import limits
from frontline.news.extract import Candidate
from frontline.web.text import escape_html

MAX_ARTICLE_CHARS = limits.ARTICLE_CHARS
LIMIT_WORDS = f"{MAX_ARTICLE_CHARS:,} characters"
# Oblast names that are no "… oblast": a republic and the two cities of special status.
NOT_OBLASTS = ("Autonomous Republic of Crimea", "Kyiv City", "Sevastopol")


def text_problem(text: str) -> str:
    """Why a pasted or uploaded text cannot be read for claims; empty when it can."""
    if len(text) > MAX_ARTICLE_CHARS:
        return (
            f"The text is {len(text):,} characters, over the limit of {LIMIT_WORDS}. "
            "Keep the report's own text (leave out comments and related stories), or save "
            "the part that matters as a .txt file and upload it above."
        )
    if not text.strip():
        return "Paste the article's text (or upload a .txt file) first."
    return ""


def find_blocked(published: dt.date | None) -> str:
    """Why 'Find places and claims' is disabled; empty when it can run (an empty text is
    said on a press, as the text box reports its content only then)."""
    if published is None:
        return (
            "Set the dateline first: 'on Thursday' or 'last week' in the text are read "
            "from the article's publication date."
        )
    return ""


def missing_details(title: str, outlet: str) -> str:
    """What the save still needs from the form; empty when nothing."""
    missing = [name for name, value in (("title", title), ("outlet", outlet)) if not value.strip()]
    if not missing:
        return ""
    return f"give the article's {' and '.join(missing)} (as the outlet published it)"


def oblast_label(name: str) -> str:
    """An oblast as the map names it: "Kharkiv oblast", but "Kyiv City"."""
    return name if not name or name in NOT_OBLASTS else f"{name} oblast"


ROW_COLUMN = "#"  # the row's number, as on the small map's markers and in the quotes


def shown_review_table(table: pd.DataFrame, oblasts: Mapping[str, str]) -> pd.DataFrame:
    """The review table with each row's number first and oblasts by name (columns no one
    edits); statuses are labelled by the table's column settings, so that edits stay
    codes."""
    shown = table.copy()
    shown["oblast"] = [oblast_label(oblasts.get(code, code)) for code in table["oblast"]]
    shown.insert(0, ROW_COLUMN, range(1, len(shown) + 1))
    return shown


def row_numbers(candidates: Sequence[Candidate]) -> dict[str, tuple[int, ...]]:
    """Place key -> the numbers of the review table's rows about it (from 1)."""
    numbers: dict[str, tuple[int, ...]] = {}
    for n, c in enumerate(candidates, start=1):
        numbers[c.entry.key] = (*numbers.get(c.entry.key, ()), n)
    return numbers


NUMBER_STYLE = (
    "display:inline-block;white-space:nowrap;font:700 12px/16px sans-serif;color:#111;"
    "background:#fff;border:1px solid #1a1a1a;border-radius:3px;padding:0 3px"
)


def row_numbers_layer(candidates: Sequence[Candidate]) -> folium.FeatureGroup:
    """Each place's row numbers beside its marker on the small map ("1" or "2, 4"), above
    it and to the right so the marker stays in view; they take no clicks."""
    layer = folium.FeatureGroup(name="Row numbers")
    points = {c.entry.key: (c.entry.lat, c.entry.lon) for c in candidates}
    for key, numbers in row_numbers(candidates).items():
        label = ", ".join(str(n) for n in numbers)
        folium.Marker(
            points[key],
            icon=folium.DivIcon(
                html=f'<span style="{NUMBER_STYLE}">{label}</span>',
                icon_size=(0, 0),
                icon_anchor=(-12, 26),
                class_name="fl-row-number",
            ),
            interactive=False,
            keyboard=False,
        ).add_to(layer)
    return layer


def quotes_html(candidates: Sequence[Candidate]) -> str:
    """Each candidate's quote in full, numbered as the table's rows."""
    items = "".join(
        f'<li value="{n}"><strong>{escape_html(c.entry.name)}</strong>: '
        f"<q>{escape_html(c.quote)}</q></li>"
        for n, c in enumerate(candidates, start=1)
    )
    return f'<ol class="fl-quotes" style="padding-left:1.6rem">{items}</ol>'
