"""The article reader: which article a link asks for, and the article's text with every place
mention a claim rests on highlighted, coloured by the claim's status and linked to the map.

All text is escaped here: an article is text, never markup.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import pandas as pd

from frontline import vocab
from frontline.events import event_label, status_label
from frontline.model import Article
from frontline.store import ID_PATTERN, WEB_ADDRESS_PATTERN
from frontline.timeline import describe_date
from frontline.urlstate import map_link, under_base
from frontline.web.present import STYLE as PRESENT_STYLE
from frontline.web.text import (
    escape_html,
    legend_list_html,
    mention_span,
    quoted_value,
    wrap_spans,
)

NEUTRAL_COLOUR = "#777777"  # a passage whose claims disagree on the status
QUOTE_TINT = "26"  # alpha (hex) of a quoted passage's background
MENTION_TINT = "59"  # alpha of a mention's background: text on it stays black and legible
# Certainty as the line under a mention, echoing the map's outlines: solid for a firm claim,
# dashed for a party's claim, dotted when unconfirmed or denied.
CERTAINTY_LINE = {
    certainty: "solid"
    if dash is None
    else "dashed"
    if vocab.CERTAINTY_FILLED[certainty]
    else "dotted"
    for certainty, dash in vocab.CERTAINTY_DASH.items()
}


def _status_css() -> str:
    rules = []
    for status, colour in [*vocab.STATUS_COLOURS.items(), ("mixed", NEUTRAL_COLOUR)]:
        rules.append(f".fl-quote.fl-s-{status}{{background:{colour}{QUOTE_TINT}}}")
        rules.append(
            f".fl-mention.fl-s-{status}{{background:{colour}{MENTION_TINT};"
            f"border-bottom-color:{colour}}}"
        )
    rules += [
        f".fl-mention.fl-c-{c}{{border-bottom-style:{line}}}" for c, line in CERTAINTY_LINE.items()
    ]
    return "".join(rules)


STYLE = (
    PRESENT_STYLE
    + "<style>"
    + ".fl-article{white-space:pre-wrap;line-height:1.7;font-size:1.02rem;max-width:48rem;"
    "overflow-wrap:anywhere}"
    ".fl-quote{border-radius:2px;padding:.15em 0}"
    ".fl-mention{color:inherit;text-decoration:none;border-bottom:3px solid "
    f"{NEUTRAL_COLOUR};padding:0 .12em;border-radius:2px;font-weight:600}}"
    ".fl-mention:hover,.fl-mention:focus{text-decoration:underline;outline:2px solid #111}"
    ".fl-mention.fl-focus{outline:2px solid #111;outline-offset:1px}"
    ".fl-head h2{margin:0 0 .2rem 0;padding:0}" + _status_css() + "</style>"
)


@dataclass(frozen=True)
class ArticleChoice:
    """The article a link asks for, or why it cannot be shown."""

    article_id: str | None
    notice: str | None = None


def choose_article(raw: str | None, articles: dict[str, Article]) -> ArticleChoice:
    """Read the link's article id; never fails, a bad value gives a notice instead."""
    if raw is None or raw == "":
        return ArticleChoice(None)
    if not ID_PATTERN.match(raw):
        return ArticleChoice(
            None,
            f"The link's article {quoted_value(raw)} is not an article id "
            "(letters, digits, . _ -); pick an article below.",
        )
    if raw not in articles:
        return ArticleChoice(
            None, f"There is no article {quoted_value(raw)} in the data; pick an article below."
        )
    return ArticleChoice(raw)


def articles_in_order(articles: dict[str, Article]) -> list[str]:
    """Article ids, the latest published first."""
    ordered = sorted(articles.values(), key=lambda a: (a.title.casefold(), a.article_id))
    ordered.sort(key=lambda a: a.published, reverse=True)
    return [a.article_id for a in ordered]


def article_label(article: Article) -> str:
    return f"{article.title} — {article.outlet}, {article.published.isoformat()}"


@dataclass(frozen=True)
class Mention:
    """Words of the article that name a place a claim is about; when several claims rest on
    the same words, the latest (in timeline order) gives the colour and the link."""

    start: int
    end: int
    place_id: str
    status: str
    certainty: str
    date: dt.date
    description: str  # every claim on these words, in words


def _claim_in_words(row: pd.Series) -> str:
    status = status_label(row["status"])
    return (
        f"{row['name']}: {status} ({row['certainty']}, {event_label(row['event'])}), "
        f"{describe_date(row)}, per {row['claimant']}"
    )


def mentions(claims: pd.DataFrame) -> list[Mention]:
    """The mentions the article's claims rest on, in text order; a claim without a mention
    in its quote is shown on the whole quote."""
    grouped: dict[tuple[int, int], list[pd.Series]] = {}
    for _, row in claims.iterrows():
        span = mention_span(row["quote"], row["mention"]) or (0, len(row["quote"]))
        start = int(row["quote_start"]) + span[0]
        grouped.setdefault((start, start + span[1] - span[0]), []).append(row)
    found = []
    for (start, end), rows in sorted(grouped.items()):
        latest = rows[-1]
        found.append(
            Mention(
                start=start,
                end=end,
                place_id=latest["place_id"],
                status=latest["status"],
                certainty=latest["certainty"],
                date=latest["date"].date(),
                description="; ".join(_claim_in_words(row) for row in rows),
            )
        )
    return found


def quoted_passages(claims: pd.DataFrame) -> list[tuple[int, int, str]]:
    """The quoted passages as (start, end, status), overlapping quotes merged into one; a
    passage whose claims disagree on the status is "mixed"."""
    merged: list[list] = []
    for start, end, status in sorted(
        zip(claims["quote_start"], claims["quote_end"], claims["status"], strict=True)
    ):
        if merged and start < merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
            merged[-1][2].add(status)
        else:
            merged.append([start, end, {status}])
    return [
        (int(start), int(end), next(iter(statuses)) if len(statuses) == 1 else "mixed")
        for start, end, statuses in merged
    ]


def article_html(
    article: Article,
    claims: pd.DataFrame,
    *,
    focus_place: str | None = None,
    base_path: str = "",
) -> str:
    """The article's text, escaped, with its quoted passages tinted and each place mention
    a link to the map on the claim's date with the place selected."""
    spans = [
        (start, end, f'<span class="fl-quote fl-s-{status}">', "</span>")
        for start, end, status in quoted_passages(claims)
    ]
    for mention in mentions(claims):
        classes = f"fl-mention fl-s-{mention.status} fl-c-{mention.certainty}"
        if mention.place_id == focus_place:
            classes += " fl-focus"
        href = under_base(map_link(mention.date, mention.place_id), base_path)
        opening = (
            f'<a class="{classes}" href="{escape_html(href)}" target="_self" '
            f'title="{escape_html(mention.description + " — open on the map")}">'
        )
        spans.append((mention.start, mention.end, opening, "</a>"))
    body = wrap_spans(article.text, spans, nested=True)
    return f'{STYLE}<div class="fl-article" lang="{escape_html(article.language)}">{body}</div>'


def article_head_html(article: Article) -> str:
    """Title, outlet, date and, when it is a web address, a link to the original."""
    meta = [
        escape_html(article.outlet),
        f"{article.published:%A} {article.published.day} {article.published:%B %Y}",
        f"language: {escape_html(article.language)}",
    ]
    if WEB_ADDRESS_PATTERN.match(article.url):
        meta.append(
            f'<a href="{escape_html(article.url)}" target="_blank" rel="noopener noreferrer">'
            "original article</a>"
        )
    return (
        f'{STYLE}<div class="fl-head"><h2>{escape_html(article.title)}</h2>'
        f'<div class="fl-meta">{" · ".join(meta)}</div></div>'
    )


def _sample(status: str, certainty: str, label: str) -> str:
    return (
        f'<span><span class="fl-mention fl-s-{status} fl-c-{certainty}">'
        f"{escape_html(label)}</span></span>"
    )


def reader_legend_html() -> str:
    """What the colours and lines in the text mean, in words."""
    items = [_sample(s, "confirmed", vocab.STATUS_LABELS[s]) for s in vocab.STATUSES]
    items += [_sample("mixed", c, c) for c in vocab.CERTAINTIES]
    items.append('<span><span class="fl-quote fl-s-mixed">quoted passage</span></span>')
    return STYLE + legend_list_html(items, "Legend")


def reading_note_html(claims: int, focus_name: str | None = None) -> str:
    """How to read the highlights, and which place the link asked to outline."""
    focus = f" Mentions of {escape_html(focus_name)} are outlined." if focus_name else ""
    return (
        f'<div class="fl-meta">{claims} claim(s) rest on this article. Tinted: the passage a '
        "claim quotes; underlined: the place it is about, in the claim's status colour (the "
        "line: solid confirmed, dashed claimed, dotted unconfirmed or denied). Click a place "
        f"to open the map at it on the claim's date.{focus}</div>"
    )
