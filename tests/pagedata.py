"""Data the page tests add: an article full of markup that must stay text."""

from __future__ import annotations

from pathlib import Path

from frontline import store
from frontline.model import Article, Claim

SEED = "afp-2022-09-11-f299b479"
HOSTILE_ID = "hostile-1"
HOSTILE_TEXT = (
    "KHARKIV: <script>alert(1)</script> Officials said Kharkiv was calm "
    '<img src=x onerror="window.__pwned=1"> today.\n\n'
    "Markdown stays text: **bold** and [link](javascript:alert(1))."
)
HOSTILE_TITLE = "**Bold** <img src=x onerror=alert(2)> title"


def add_hostile_article(data_dir: Path) -> str:
    """Add the article, and a claim about Kharkiv quoting its markup, to a data directory."""
    dataset = store.load_dataset(data_dir)
    article = Article(
        article_id=HOSTILE_ID,
        title=HOSTILE_TITLE,
        outlet="<b>Outlet</b>",
        url="",
        published=dataset.articles[SEED].published,
        language="en",
        text=HOSTILE_TEXT,
    )
    quote = HOSTILE_TEXT[HOSTILE_TEXT.index("<script>") : HOSTILE_TEXT.index(" today")]
    start = HOSTILE_TEXT.index(quote)
    claim = Claim(
        claim_id="c0900",
        place_id="kharkiv",
        date=article.published,
        date_end=article.published,
        date_precision="day",
        status="ukrainian",
        event="held",
        certainty="claimed",
        claimant="<i>officials</i>",
        article_id=article.article_id,
        quote=quote,
        quote_start=start,
        quote_end=start + len(quote),
        mention="Kharkiv",
    )
    store.write_tables(
        data_dir,
        articles=[*dataset.articles.values(), article],
        claims=[*dataset.claims, claim],
    )
    problems = store.load_dataset(data_dir).problems
    assert problems == [], problems
    return article.article_id
