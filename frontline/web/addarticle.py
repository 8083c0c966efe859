"""The Add article form's rules, kept out of the page: one stated limit for pasted and
uploaded text, why Find cannot run yet, the details a save needs, and the review table as
a reader sees it (the map's labels, each quote in full)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence

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


def shown_review_table(table: pd.DataFrame, oblasts: Mapping[str, str]) -> pd.DataFrame:
    """The review table with oblasts by name (a column no one edits); statuses are labelled
    by the table's column settings, so that edits stay codes."""
    shown = table.copy()
    shown["oblast"] = [oblast_label(oblasts.get(code, code)) for code in table["oblast"]]
    return shown


def quotes_html(candidates: Sequence[Candidate]) -> str:
    """Each candidate's quote in full, numbered as the table's rows."""
    items = "".join(
        f'<li value="{n}"><strong>{escape_html(c.entry.name)}</strong>: '
        f"<q>{escape_html(c.quote)}</q></li>"
        for n, c in enumerate(candidates, start=1)
    )
    return f'<ol class="fl-quotes" style="padding-left:1.6rem">{items}</ol>'
