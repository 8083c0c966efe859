"""Data the page tests add: an article full of markup that must stay text."""

from __future__ import annotations

from pathlib import Path

from frontline import store
from frontline.model import Article, Claim, Place

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


# A second article and a place whose every field is hostile: markup, scripts in attributes
# and in template strings, Markdown Streamlit would render, formulas a spreadsheet would run,
# a long unbroken line, and direction and zero-width characters.
HOSTILE_PLACE_ID = "hostile-place"
HOSTILE_PLACE_NAME = (
    '=1+2<img src=x onerror="window.__pwned=1">**Bold** [x](javascript:alert(4)) '
    "${window.__pwned=2} `tick` :red[red] $x^2$ \u202eevil\u200b"
)
HOSTILE_ARTICLE_ID = "hostile-2"
LONG_WORD = "Kharkiv" * 700  # 4,900 characters without a break
FORMULA_QUOTE = '=HYPERLINK("https://evil.example","click") said a post from near Hostileville.'
HOSTILE_TEXT_2 = (
    'KHARKIV: <svg onload="window.__pwned=5"></svg> ${window.__pwned=6} '
    "\u202eright-to-left\u202c zero\u200bwidth.\n\n"
    f"{FORMULA_QUOTE}\n\n{LONG_WORD}\n"
)
HOSTILE_URL = "https://example.org/?q=`${window.__pwned=3}`&next=javascript:alert(5)"
HOSTILE_OUTLET = "**Wire** <svg onload=alert(6)> [link](javascript:alert(7))"
HOSTILE_CLAIMANT = "@SUM(1+1)*cmd|' /C calc'!A0 <b>officials</b> \u202eneila"
JAVASCRIPT_ARTICLE_ID = "hostile-js"


def add_hostile_place(data_dir: Path) -> str:
    """Add the hostile place, an article about it and a claim whose every field is hostile,
    and an article row with a javascript: address (which the data refuses, as a problem).
    Call add_hostile_article first. Returns the place's id."""
    dataset = store.load_dataset(data_dir)
    published = dataset.articles[SEED].published
    article = Article(
        article_id=HOSTILE_ARTICLE_ID,
        title="=cmd|' /C calc'!A0 **Title** <script>window.__pwned=7</script>",
        outlet=HOSTILE_OUTLET,
        url=HOSTILE_URL,
        published=published,
        language='en" onmouseover="window.__pwned=8',
        text=HOSTILE_TEXT_2,
    )
    refused = Article(
        article_id=JAVASCRIPT_ARTICLE_ID,
        title="A javascript: address",
        outlet="Wire",
        url="javascript:alert(9)",
        published=published,
        language="en",
        text="KHARKIV: text.",
    )
    place = Place(
        place_id=HOSTILE_PLACE_ID,
        name=HOSTILE_PLACE_NAME,
        kind="village",
        oblast="UA-63",
        lat=49.45,
        lon=36.9,
        alt_names=("+Hostileville", "-Hostile"),
    )
    claims = []
    for number, quote in ((901, FORMULA_QUOTE), (902, LONG_WORD)):
        start = HOSTILE_TEXT_2.index(quote)
        claims.append(
            Claim(
                claim_id=f"c0{number}",
                place_id=place.place_id,
                date=published,
                date_end=published,
                date_precision="day",
                status="contested",
                event="fighting",
                certainty="claimed",
                claimant=HOSTILE_CLAIMANT,
                article_id=article.article_id,
                quote=quote,
                quote_start=start,
                quote_end=start + len(quote),
            )
        )
    store.write_tables(
        data_dir,
        articles=[*dataset.articles.values(), article, refused],
        places=[*dataset.places.values(), place],
        claims=[*dataset.claims, *claims],
    )
    problems = store.load_dataset(data_dir).problems
    assert [(p.field, p.message) for p in problems] == [
        ("url", "'javascript:alert(9)' is not an http(s) address")
    ], problems
    return place.place_id
