"""The article reader: choosing an article from a link, nested highlighting, mentions."""

from __future__ import annotations

import datetime as dt
import html
import re
from dataclasses import replace

import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

from frontline import store
from frontline.timeline import claims_table
from frontline.urlstate import under_base
from frontline.web.reader import (
    CERTAINTY_LINE,
    article_head_html,
    article_html,
    article_label,
    articles_in_order,
    choose_article,
    mentions,
    quoted_passages,
    reader_legend_html,
)
from frontline.web.text import wrap_spans
from tests.conftest import DATA_DIR

SEED = "afp-2022-09-11-f299b479"
MENTION_LINK = re.compile(r'<a class="fl-mention[^"]*" href="([^"]*)"[^>]*>(.*?)</a>')


@pytest.fixture(scope="module")
def seed():
    dataset = store.load_dataset(DATA_DIR)
    table = claims_table(dataset)
    return dataset, table[table["article_id"] == SEED]


# --- wrap_spans ------------------------------------------------------------------------------


def test_wrap_spans_nests_inner_spans_and_escapes():
    text = "a <b> Kupiansk & more"
    spans = [(6, 14, "<i>", "</i>"), (2, 21, "<q>", "</q>")]  # given inner first
    assert wrap_spans(text, spans, nested=True) == "a <q>&lt;b&gt; <i>Kupiansk</i> &amp; more</q>"


def test_wrap_spans_drops_partial_overlaps_and_flat_mode_drops_nesting():
    text = "0123456789"
    spans = [(0, 6, "[", "]"), (4, 8, "<", ">"), (1, 3, "(", ")")]
    assert wrap_spans(text, spans, nested=True) == "[0(12)345]6789"
    assert wrap_spans(text, spans) == "[012345]6789"


def test_wrap_spans_keeps_the_given_order_of_identical_spans():
    assert wrap_spans("abc", [(0, 3, "<o>", "</o>"), (0, 3, "<i>", "</i>")], nested=True) == (
        "<o><i>abc</i></o>"
    )


_span = st.tuples(st.integers(-2, 25), st.integers(-2, 25)).map(
    lambda ends: (ends[0], ends[1], "<x>", "</x>")
)


@given(st.text(max_size=20), st.lists(_span, max_size=6), st.booleans())
def test_wrap_spans_never_changes_the_text_and_balances_tags(text, spans, nested):
    result = wrap_spans(text, spans, nested=nested)
    assert html.unescape(result.replace("<x>", "").replace("</x>", "")) == text
    depth = 0
    for tag in re.findall(r"</?x>", result):
        depth += -1 if tag.startswith("</") else 1
        assert depth >= 0
    assert depth == 0


# --- choosing an article -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "notice"),
    [
        ("../../etc/passwd", "is not an article id"),
        ("<script>", "is not an article id"),
        ("x" * 500, "is not an article id"),
        ("no-such-article", "There is no article `'no-such-article'`"),
    ],
)
def test_a_bad_article_in_the_link_gives_a_notice(seed, raw, notice):
    dataset, _ = seed
    choice = choose_article(raw, dataset.articles)
    assert choice.article_id is None
    assert notice in choice.notice
    assert len(choice.notice) < 200  # a long value is shortened in the notice


def test_a_good_or_missing_article_in_the_link(seed):
    dataset, _ = seed
    assert choose_article(SEED, dataset.articles).article_id == SEED
    assert choose_article(None, dataset.articles).notice is None


def test_articles_are_listed_latest_first(seed):
    dataset, _ = seed
    seed_article = dataset.articles[SEED]
    older = replace(seed_article, article_id="older", published=dt.date(2022, 3, 1), title="B")
    newer = replace(seed_article, article_id="newer", published=dt.date(2022, 10, 1), title="C")
    articles = {a.article_id: a for a in (older, seed_article, newer)}
    assert articles_in_order(articles) == ["newer", SEED, "older"]
    assert article_label(seed_article).endswith("— AFP, 2022-09-11")


# --- mentions and the article's HTML -----------------------------------------------------------


def test_one_mention_per_claim_of_the_seed(seed):
    dataset, claims = seed
    found = mentions(claims)
    text = dataset.articles[SEED].text
    assert [text[m.start : m.end] for m in found] == [
        "Kupiansk",
        "the Donetsk region",
        "The town",
        "the Kharkiv region",
        "Lyman",
        "Iyzum",
    ]
    kupiansk = found[0]
    assert (kupiansk.place_id, kupiansk.status, kupiansk.certainty) == (
        "kupiansk",
        "ukrainian",
        "claimed",
    )
    assert kupiansk.date == dt.date(2022, 9, 10)
    assert "per Ukrainian forces" in kupiansk.description


def test_claims_on_the_same_words_make_one_mention_coloured_by_the_latest(seed):
    _, claims = seed
    kupiansk = claims[claims["claim_id"] == "c0002"]
    denial = kupiansk.assign(claim_id="c9999", certainty="denied", claimant="Russian MoD")
    both = mentions(pd.concat([kupiansk, denial], ignore_index=True))
    assert len(both) == 1
    assert both[0].certainty == "denied"
    assert "per Ukrainian forces" in both[0].description
    assert "per Russian MoD" in both[0].description


def test_overlapping_quotes_merge_and_mixed_statuses_are_neutral(seed):
    _, claims = seed
    lyman = claims[claims["claim_id"] == "c0004"]
    other = lyman.assign(claim_id="c9998", quote_start=1000, quote_end=1200, status="russian")
    assert quoted_passages(pd.concat([lyman, other])) == [(996, 1200, "mixed")]
    assert quoted_passages(lyman) == [(996, 1114, "contested")]


def test_article_html_links_each_mention_to_the_map(seed):
    dataset, claims = seed
    page = article_html(dataset.articles[SEED], claims, focus_place="lyman")
    links = MENTION_LINK.findall(page)
    assert len(links) == len(claims) == 6
    assert ("/?as_of=2022-09-10&amp;place=kupiansk", "Kupiansk") in links
    assert ("/?as_of=2022-02-24&amp;place=kupiansk", "The town") in links
    assert page.count(' fl-focus"') == 1  # the Lyman link only
    assert 'class="fl-mention fl-s-contested fl-c-claimed fl-focus"' in page
    # The quoted passage holds its mention: ...entered <a ...>Kupiansk</a> in eastern...
    assert re.search(r'<span class="fl-quote fl-s-ukrainian">Ukrainian forces said.*?<a ', page)


def test_article_html_escapes_the_text(seed):
    dataset, claims = seed
    hostile = "<script>alert(1)</script> **bold** [x](javascript:alert(1)) ${x} `y`"
    article = replace(dataset.articles[SEED], text=hostile + dataset.articles[SEED].text)
    shifted = claims.assign(
        quote_start=claims["quote_start"] + len(hostile),
        quote_end=claims["quote_end"] + len(hostile),
    )
    page = article_html(article, shifted)
    assert "<script>" not in page and "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "&#36;{x}" in page and "&#96;y&#96;" in page
    assert len(MENTION_LINK.findall(page)) == 6  # the offsets still land on the mentions


def test_links_follow_a_base_path(seed):
    dataset, claims = seed
    page = article_html(dataset.articles[SEED], claims, base_path="/frontline/")
    assert 'href="/frontline/?as_of=2022-09-10&amp;place=kupiansk"' in page
    assert under_base("Articles?article=a", "frontline") == "Articles?article=a"
    assert under_base("/?as_of=2022-09-10") == "/?as_of=2022-09-10"


@pytest.mark.parametrize(
    ("url", "linked"),
    [
        ("https://www.example.org/a?b=1", True),
        ("javascript:alert(1)", False),
        ("", False),
        ('https://x.org/"onmouseover="alert(1)', False),
    ],
)
def test_the_original_is_linked_only_when_it_is_a_web_address(seed, url, linked):
    dataset, _ = seed
    head = article_head_html(replace(dataset.articles[SEED], url=url, title="<b>T</b>"))
    assert ("original article</a>" in head) is linked
    assert "javascript" not in head
    assert "&lt;b&gt;T&lt;/b&gt;" in head


def test_the_legend_names_every_status_and_certainty_in_words():
    legend = reader_legend_html()
    for words in ("Ukrainian-held", "Russian-held", "Contested", *CERTAINTY_LINE):
        assert f">{words}</span>" in legend
    assert CERTAINTY_LINE == {
        "confirmed": "solid",
        "claimed": "dashed",
        "unconfirmed": "dotted",
        "denied": "dotted",
    }
