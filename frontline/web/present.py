"""HTML pieces the pages show: the legend and the claim cards. All text is escaped here."""

from __future__ import annotations

from urllib.parse import urlencode

import pandas as pd

from frontline import vocab
from frontline.events import event_label, status_label
from frontline.record.sources import record_source
from frontline.timeline import describe_date
from frontline.web.markers import MARKER_OUTLINE, marker_style
from frontline.web.text import escape_html, highlight, legend_list_html, mention_span

STYLE = (
    """
<style>
.fl-legend{display:flex;flex-wrap:wrap;gap:.4rem 1.1rem;align-items:center;font-size:.9rem}
.fl-legend>span{display:inline-flex;align-items:center;gap:.35rem}
.fl-dot{display:inline-block;width:16px;height:16px;border-radius:50%;box-sizing:border-box}
.fl-dot.fl-diamond{border-radius:0;width:13px;height:13px;transform:rotate(45deg);margin:0 2px}
"""
    # A neutral wash and ring: an area in the map takes its status's colour.
    + f".fl-area{{border-radius:2px;background:{vocab.NO_CLAIM_COLOUR}59;"
    + f"border:2px solid {vocab.NO_CLAIM_COLOUR}}}"
    + """
.fl-card{border-left:4px solid #888;padding:.35rem .7rem;margin:.6rem 0;background:#f7f7f7}
.fl-card .fl-meta{font-size:.85rem;color:#333}
.fl-card blockquote{margin:.35rem 0;font-size:.95rem;white-space:pre-wrap}
.fl-card mark{background:#ffe58a;padding:0 .1em}
.fl-badge{display:inline-block;border:1px solid #333;border-radius:.6rem;padding:0 .45rem;
font-size:.78rem;margin-right:.25rem;background:#fff;color:#111}
.fl-place{font-size:1.5rem;font-weight:600;margin:0;padding:.5rem 0 0 0}
.fl-card,.fl-meta,.fl-day,.fl-head,.fl-place{overflow-wrap:anywhere}
</style>
"""
)


def _swatch(status: str, certainty: str) -> str:
    style = marker_style(status, certainty)
    border = vocab.CERTAINTY_BORDER[certainty]
    return (
        f'<span class="fl-dot" aria-hidden="true" style="background:{style["fillColor"]};'
        f'border:{style["weight"]:g}px {border} {style["color"]}"></span>'
    )


def legend_html(record: bool | str = False, imported: bool = False) -> str:
    """Status colours and certainty styles, each named in words as well; with `record` (the
    record's sources in words, or True for Wikipedia's list), the record's small dots too;
    with `imported`, the diamond of a place an imported data set speaks for."""
    items = [
        f"<span>{_swatch(s, 'confirmed')}{vocab.STATUS_LABELS[s]}</span>" for s in vocab.STATUSES
    ]
    # The certainties in a neutral grey ("any" is no status: no colour of its own).
    items += [f"<span>{_swatch('any', c)}{c}</span>" for c in vocab.CERTAINTIES]
    # Each shape's name, then why (the why left out on a phone, so the map stays in view).
    items.append(
        f'<span><span class="fl-dot" aria-hidden="true" style="width:.7rem;height:.7rem;'
        f'border:1.5px dotted {vocab.NO_CLAIM_COLOUR}"></span><span>pale dotted ring: only events'
        '<span class="fl-more"> (shelled, struck, attacked…), which say nothing of who holds '
        "the place</span></span></span>"
    )
    items.append(
        '<span><span class="fl-dot" aria-hidden="true" style="background:#999;'
        'border:2px solid #1a1a1a;outline:2px dotted #1a1a1a;outline-offset:2px"></span>'
        '<span>dotted outer ring: disputed<span class="fl-more"> — sides contradict each '
        "other, close in time</span></span></span>"
    )
    items.append(
        '<span><span class="fl-dot fl-area" aria-hidden="true"></span>'
        '<span>shaded oblast<span class="fl-more">: a claim about a whole region</span>'
        "</span></span>"
    )
    if imported:
        items.append(
            '<span><span class="fl-dot fl-diamond" aria-hidden="true" style="background:#999;'
            f'border:2px solid {MARKER_OUTLINE}"></span><span>diamond: an imported data set'
            '<span class="fl-more"> (ACLED, GDELT, VIINA…, not a news article) gives the '
            "place's latest claim</span></span></span>"
        )
    if record:
        sources = record if isinstance(record, str) else "Wikipedia's list"
        items.append(
            '<span><span class="fl-dot" aria-hidden="true" style="width:.5rem;height:.5rem;'
            f'background:{vocab.NO_CLAIM_COLOUR};opacity:.6"></span><span>small dot: the record'
            f'<span class="fl-more"> ({escape_html(sources)}, not a news report), in its '
            "status's colour</span></span></span>"
        )
    return STYLE + legend_list_html(items, "Legend")


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
    status = status_label(row["status"])
    if row.get("source") == vocab.SOURCE_RECORD:
        return _record_card_html(row, colour, status, passage)
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
        f'<span class="fl-badge">{escape_html(event_label(row["event"]))}</span>'
        f" according to {escape_html(row['claimant'])}</div>"
        f"<blockquote>“{passage}”</blockquote>"
        f'<div class="fl-meta">Source: {source}</div></div>'
    )


def _record_card_html(row: pd.Series, colour: str, status: str, passage: str) -> str:
    """An entry of the record, which is not a news report and says so, with its source's
    name and licence (record.sources): Wikipedia's list or VIINA's control table."""
    source = record_source(row["outlet"])
    disputed = " (a disputed period: the list's editors changed it back and forth)"
    shown = source.notice and source.notice not in row["quote"]  # said once on the card
    notice = f'<div class="fl-meta">{escape_html(source.notice)}</div>' if shown else ""
    return (
        f'<div class="fl-card fl-record" style="border-left-color:{colour}">'
        f'<div class="fl-meta"><span class="fl-badge">The record</span> '
        f"<strong>{escape_html(describe_date(row))}</strong> · "
        f'<span class="fl-badge">{escape_html(status)}</span>'
        f"{disputed if row['event'] == 'disputed' else ''}"
        f" in {escape_html(source.name)}, {escape_html(source.kept_by)}</div>"
        f"<blockquote>“{passage}”</blockquote>"
        f'<div class="fl-meta">Source: {escape_html(source.outlet)}, '
        f"{escape_html(row['title'])} ({escape_html(source.licence)}); recorded by "
        f"{escape_html(source.name)} by {row['published'].date().isoformat()}</div>"
        f"{notice}</div>"
    )


def place_heading_html(name: str) -> str:
    """The selected place's name, heading the side panel: escaped HTML, as a subheader would
    read the name as Markdown."""
    return f'{STYLE}<h3 class="fl-place">{escape_html(name)}</h3>'


def counts_sentence(
    places: int,
    claims: int,
    as_of_text: str,
    record_places: int = 0,
    record_name: str = "Wikipedia's list of city control",
) -> str:
    place_word = "place" if places == 1 else "places"
    claim_word = "claim" if claims == 1 else "claims"
    sentence = f"{places} {place_word} and {claims} {claim_word} shown as of {as_of_text}."
    if record_places:
        sentence += f" Under them, {record_places} places as {record_name} (the record) had them."
    return sentence
