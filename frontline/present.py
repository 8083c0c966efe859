"""HTML pieces the pages show: the legend and the claim cards. All text is escaped here."""

from __future__ import annotations

from urllib.parse import urlencode

import pandas as pd

from frontline import vocab
from frontline.text import escape_html, highlight, mention_span
from frontline.timeline import describe_date

STYLE = """
<style>
.fl-legend{display:flex;flex-wrap:wrap;gap:.4rem 1.1rem;align-items:center;font-size:.9rem}
.fl-legend span{display:inline-flex;align-items:center;gap:.35rem}
.fl-card{border-left:4px solid #888;padding:.35rem .7rem;margin:.6rem 0;background:#f7f7f7}
.fl-card .fl-meta{font-size:.85rem;color:#333}
.fl-card blockquote{margin:.35rem 0;font-size:.95rem;white-space:pre-wrap}
.fl-card mark{background:#ffe58a;padding:0 .1em}
.fl-badge{display:inline-block;border:1px solid #333;border-radius:.6rem;padding:0 .45rem;
font-size:.78rem;margin-right:.25rem;background:#fff;color:#111}
</style>
"""


def _swatch(colour: str, fill_opacity: float, dash: str | None) -> str:
    dash_attr = f' stroke-dasharray="{dash}"' if dash else ""
    return (
        f'<svg width="18" height="18" aria-hidden="true"><circle cx="9" cy="9" r="7" '
        f'fill="{colour}" fill-opacity="{fill_opacity}" stroke="#1a1a1a" '
        f'stroke-width="1.5"{dash_attr}/></svg>'
    )


def legend_html() -> str:
    """Status colours and certainty styles, each named in words as well."""
    items = [
        f"<span>{_swatch(vocab.STATUS_COLOURS[s], 0.9, None)}{vocab.STATUS_LABELS[s]}</span>"
        for s in vocab.STATUSES
    ]
    items += [
        f"<span>{_swatch('#777777', vocab.CERTAINTY_FILL_OPACITY[c], vocab.CERTAINTY_DASH[c])}"
        f"{c}</span>"
        for c in vocab.CERTAINTIES
        if c != "denied"
    ]
    return (
        f'{STYLE}<div class="fl-legend" role="list" aria-label="Legend">'
        + "".join(items)
        + "</div>"
    )


def article_link(article_id: str, place_id: str | None = None) -> str:
    params = {"article": article_id}
    if place_id:
        params["place"] = place_id
    return "Articles?" + urlencode(params)


def claim_card_html(row: pd.Series) -> str:
    """One claim as a card: date, status, certainty, claimant, and the verbatim passage with
    the place's mention highlighted."""
    colour = vocab.STATUS_COLOURS.get(row["status"], vocab.NO_CLAIM_COLOUR)
    span = mention_span(row["quote"], row["mention"])
    passage = highlight(row["quote"], [(span[0], span[1], "fl-mention")] if span else [])
    status = vocab.STATUS_LABELS.get(row["status"], row["status"])
    source = (
        f'<a href="{escape_html(article_link(row["article_id"], row["place_id"]))}" '
        f'target="_self">{escape_html(row["outlet"])}, '
        f"{row['published'].date().isoformat()}: {escape_html(row['title'])}</a>"
    )
    return (
        f'<div class="fl-card" style="border-left-color:{colour}">'
        f'<div class="fl-meta"><strong>{escape_html(describe_date(row))}</strong> · '
        f'<span class="fl-badge">{escape_html(status)}</span>'
        f'<span class="fl-badge">{escape_html(row["certainty"])}</span>'
        f'<span class="fl-badge">{escape_html(row["event"])}</span>'
        f" according to {escape_html(row['claimant'])}</div>"
        f"<blockquote>“{passage}”</blockquote>"
        f'<div class="fl-meta">Source: {source}</div></div>'
    )


def counts_sentence(places: int, claims: int, as_of_text: str) -> str:
    place_word = "place" if places == 1 else "places"
    claim_word = "claim" if claims == 1 else "claims"
    return f"{places} {place_word} and {claims} {claim_word} shown as of {as_of_text}."
