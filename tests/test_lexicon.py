"""The reader's words come from the lexicon of the article's language."""

from __future__ import annotations

import dataclasses
import datetime as dt
import re

import pytest

from frontline.news import lexicon
from frontline.news.extract import extract_claims
from frontline.news.geoparse import cached_matcher, find_mentions
from frontline.news.lexicon import Cue, for_language

SUNDAY = dt.date(2022, 9, 11)
TEXT = "Ukrainian forces entered Kupiansk on Saturday, the army said."


def claims(language: str):
    mentions = find_mentions(TEXT, cached_matcher())
    return extract_claims(TEXT, mentions, SUNDAY, outlet="AFP", language=language)


@pytest.mark.parametrize("code", ["en", "EN", "en-GB", "en_US", "uk", "", "xx"])
def test_english_serves_english_and_every_language_without_its_own(code):
    assert for_language(code) is lexicon.LEXICONS["en"]


def test_the_article_s_language_chooses_the_words(monkeypatch):
    english = lexicon.LEXICONS["en"]
    # A language whose only control word is "took over": "entered" means nothing in it,
    # and its reporting verb is "announced", so "said" names no claimant.
    entered = Cue("captured", r"entered", "actor")
    other = dataclasses.replace(
        english,
        language="xx",
        cues=((entered, re.compile(r"\bentered\b", re.IGNORECASE)),),
        certainty=(("unconfirmed", re.compile(r"\bsaid\b")),),
    )
    monkeypatch.setitem(lexicon.LEXICONS, "xx", other)

    (in_english,) = claims("en")
    assert (in_english.status, in_english.event, in_english.certainty) == (
        "ukrainian",
        "entered",
        "claimed",
    )
    (in_other,) = claims("xx")
    assert (in_other.event, in_other.certainty) == ("captured", "unconfirmed")

    monkeypatch.setitem(lexicon.LEXICONS, "xx", dataclasses.replace(other, cues=()))
    assert claims("xx") == []
    assert claims("en") == [in_english]


def test_the_article_s_language_chooses_the_words_that_find_places(monkeypatch):
    # In a language whose reports name a person "Kupiansk", the name is no place.
    other = dataclasses.replace(
        lexicon.LEXICONS["en"],
        language="xx",
        people=lexicon.LEXICONS["en"].people | {"Kupiansk"},
    )
    monkeypatch.setitem(lexicon.LEXICONS, "xx", other)
    matcher = cached_matcher()
    assert [m.entry.name for m in find_mentions(TEXT, matcher)] == ["Kupiansk"]
    assert find_mentions(TEXT, matcher, language="xx") == []
