"""Claim extraction: cues, sides, certainty, claimant, dates and quotes."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from frontline.news.dates import find_dates, parse_relative, parse_with_dateparser
from frontline.news.extract import Candidate, claimant_side, extract_claims
from frontline.news.geoparse import cached_matcher, find_mentions
from frontline.store import load_dataset

DATA = Path(__file__).resolve().parent.parent / "data"
SEED = DATA / "articles" / "afp-2022-09-11-f299b479.txt"
SUNDAY = dt.date(2022, 9, 11)


@pytest.fixture(scope="module")
def matcher():
    return cached_matcher()


def claims_of(
    text: str, matcher, dateline: dt.date = SUNDAY, outlet: str = "AFP"
) -> list[Candidate]:
    return extract_claims(text, find_mentions(text, matcher), dateline, outlet=outlet)


def only(claims: list[Candidate], name: str) -> Candidate:
    found = [c for c in claims if c.entry.name == name]
    assert len(found) == 1, [(c.entry.name, c.quote) for c in claims]
    return found[0]


def test_seed_article_done_when(matcher):
    text = SEED.read_text(encoding="utf-8")
    claims = claims_of(text, matcher)
    kupiansk = [c for c in claims if c.entry.name == "Kupiansk" and c.status == "ukrainian"]
    assert len(kupiansk) == 1
    entered = kupiansk[0]
    assert (entered.status, entered.event, entered.certainty) == ("ukrainian", "entered", "claimed")
    assert entered.claimant == "Ukrainian forces"
    assert (entered.date.start, entered.date.precision) == (dt.date(2022, 9, 10), "day")
    assert {c.certainty for c in claims if c.entry.name == "Izium"} == {"unconfirmed"}
    assert only(claims, "Lyman").status == "contested"
    assert only(claims, "Lyman").entry.oblast == "UA-14"
    assert not [c for c in claims if c.entry.name in ("Kyiv", "Moscow", "Kharkiv")]
    fell = next(c for c in claims if c.event == "fell")
    assert (fell.entry.name, fell.mention, fell.status) == ("Kupiansk", "The town", "russian")
    assert (fell.date.start, fell.date.end, fell.date.precision) == (
        dt.date(2022, 2, 24),
        dt.date(2022, 3, 2),
        "week",
    )


def test_quotes_are_verbatim_with_offsets(matcher):
    text = SEED.read_text(encoding="utf-8")
    for claim in claims_of(text, matcher):
        assert text[claim.start : claim.end] == claim.quote
        assert claim.mention in claim.quote


@pytest.mark.parametrize(
    ("sentence", "status", "event"),
    [
        ("Russian troops withdrew from Izium.", "ukrainian", "withdrew"),
        ("Ukrainian troops retreated from Lyman.", "russian", "withdrew"),
        ("Kupiansk fell to Russian forces.", "russian", "fell"),
        ("Ukrainian forces liberated Balakliia.", "ukrainian", "liberated"),
        ("Russian forces captured Soledar.", "russian", "captured"),
        ("Izium was recaptured by Ukrainian troops.", "ukrainian", "recaptured"),
        ("Russian artillery shelled Kharkiv.", "", "shelled"),
        ("Russian forces were shelling Lysychansk.", "", "shelled"),
        ("Ukrainian troops repelled an attack on Bakhmut.", "", "repelled"),
        ("Fighting near Lyman went on.", "", "fighting"),
        ("A missile struck Kramatorsk.", "", "struck"),
        ("Russian forces attacked Avdiivka.", "", "attacked"),
        ("Fighting in Lyman went on.", "contested", "fighting"),
        ("Mariupol was encircled.", "contested", "encircled"),
        ("Kyiv’s troops routed Russian forces from Izium.", "ukrainian", "withdrew"),
        ("Kreminna remains under Russian control.", "russian", "held"),
    ],
)
def test_event_and_status_cues(matcher, sentence, status, event):
    claim = claims_of(sentence, matcher)[0]
    assert (claim.status, claim.event) == (status, event)


def test_a_cue_goes_to_its_object_and_is_shared_by_a_list(matcher):
    claims = claims_of("Russian forces captured Soledar, north of Bakhmut.", matcher)
    assert [c.entry.name for c in claims] == ["Soledar"]
    claims = claims_of("Ukrainian forces recaptured Izium, Balakliia and Kupiansk.", matcher)
    assert [c.entry.name for c in claims] == ["Izium", "Balakliia", "Kupiansk"]


@pytest.mark.parametrize(
    ("sentence", "certainty"),
    [
        ("Russia's defence ministry denied that its forces had withdrawn from Izium.", "denied"),
        ("Ukrainian troops had not entered Lyman.", "denied"),
        ("The General Staff confirmed that Ukrainian troops liberated Balakliia.", "confirmed"),
        ("Images appeared to show Ukrainian troops had entered Lyman.", "unconfirmed"),
        ("Russia claimed it captured Soledar; this could not be verified.", "unconfirmed"),
        ("Russia claimed it captured Soledar, which Ukrainian officials denied.", "claimed"),
        ("Ukrainian troops entered Izium.", "confirmed"),
    ],
)
def test_certainty(matcher, sentence, certainty):
    assert claims_of(sentence, matcher)[0].certainty == certainty


@pytest.mark.parametrize(
    ("sentence", "claimant"),
    [
        (
            "Denis Pushilin, the rebel official, said fighting raged in Lyman.",
            "Denis Pushilin, the rebel official",
        ),
        (
            "Russia's defence ministry said its troops captured Soledar.",
            "Russia's defence ministry",
        ),
        ("Troops captured Soledar, according to the Wagner group.", "the Wagner group"),
        ('"We liberated Izium," said Zelensky in a statement.', "Zelensky"),
        ("Russian troops captured Soledar.", "AFP (the report)"),
    ],
)
def test_claimant(matcher, sentence, claimant):
    assert claims_of(sentence, matcher)[0].claimant == claimant


def test_a_named_place_without_a_cue_makes_no_claim(matcher):
    assert claims_of("KHARKIV, Ukraine: Officials met in Kupiansk and Izium.", matcher) == []


@pytest.mark.parametrize(
    ("words", "start", "end", "precision"),
    [
        ("on Saturday", "2022-09-10", "2022-09-10", "day"),
        ("on Sunday", "2022-09-11", "2022-09-11", "day"),  # the dateline's own day
        ("overnight", "2022-09-10", "2022-09-11", "range"),
        ("late on Tuesday", "2022-09-06", "2022-09-06", "day"),
        ("last week", "2022-08-29", "2022-09-04", "week"),
        ("last month", "2022-08-01", "2022-08-31", "month"),
        ("since the beginning of September", "2022-09-01", "2022-09-11", "month"),
        (
            "within the first week after the Kremlin ordered its invasion on February 24",
            "2022-02-24",
            "2022-03-02",
            "week",
        ),
        ("for months", "2022-02-24", "2022-09-11", "range"),
        ("yesterday", "2022-09-10", "2022-09-10", "day"),
        ("у суботу", "2022-09-10", "2022-09-10", "day"),
    ],
)
def test_relative_dates_against_the_dateline(words, start, end, precision):
    ((_, _, span),) = find_dates(words, 0, len(words), SUNDAY)
    assert (span.start.isoformat(), span.end.isoformat(), span.precision) == (start, end, precision)


def test_dates_are_never_after_the_dateline():
    # In January, "December 30" is the one before.
    assert parse_relative("December 30", dt.date(2023, 1, 5)) == dt.date(2022, 12, 30)
    assert parse_relative("February 24", dt.date(2022, 9, 11)) == dt.date(2022, 2, 24)


def test_candidates_become_valid_claims(matcher):
    text = SEED.read_text(encoding="utf-8")
    dataset = load_dataset(DATA)
    for candidate in claims_of(text, matcher):
        claim = candidate.to_claim("c9999", "kupiansk", "afp-2022-09-11-f299b479")
        assert (
            dataset.articles[claim.article_id].text[claim.quote_start : claim.quote_end]
            == claim.quote
        )
        row = candidate.as_dict()
        assert {
            "place",
            "geonames_id",
            "lat",
            "lon",
            "oblast",
            "kind",
            "status",
            "event",
            "certainty",
            "claimant",
            "date",
            "date_precision",
            "quote",
            "start",
            "end",
            "mention",
        } <= set(row)


@pytest.mark.parametrize(
    ("sentence", "status", "event"),
    [
        ("Russian troops were leaving Izium by nightfall.", "ukrainian", "withdrew"),
        ("The Ukrainian brigade left Soledar after a week.", "russian", "withdrew"),
        ("Ukrainian troops took Balakliia.", "ukrainian", "captured"),
        ("Russian units are taking Kurdiumivka street by street.", "russian", "captured"),
        ("Russia pulled its soldiers out of Kherson.", "ukrainian", "withdrew"),
        ("Ukraine's commander ordered units to pull out of Soledar.", "russian", "withdrew"),
        ("Ukrainian troops were forced out of Marinka.", "russian", "withdrew"),
        ("Russian units were pushed out of Izium by Ukrainian troops.", "ukrainian", "withdrew"),
        ("Wagner forced Ukrainian defenders out of Soledar.", "russian", "withdrew"),
        ("Ukrainian brigades forced them out of Kupiansk.", "ukrainian", "withdrew"),
        ("Russian forces were regrouping from Lyman.", "ukrainian", "withdrew"),
        ("Ukrainian marines raised the flag over Kherson.", "ukrainian", "entered"),
        ("Ukrainian soldiers were raising the national flag over Izium.", "ukrainian", "entered"),
        ("Russian sappers cleared Ocheretyne.", "russian", "captured"),
        ("Ukrainian troops are in control of Kupiansk.", "ukrainian", "held"),
        ("Residents of Ukrainian-controlled Kramatorsk queued for water.", "ukrainian", "held"),
        ("Residents of Russian-occupied Horlivka queued for water.", "russian", "held"),
        ("Queues formed in Russian-held Svatove.", "russian", "held"),
        ("Ukrainian troops are retaking Kupiansk.", "ukrainian", "recaptured"),
    ],
)
def test_the_cue_words_of_wire_copy(matcher, sentence, status, event):
    claims = claims_of(sentence, matcher)
    assert len(claims) == 1, [(c.entry.name, c.quote) for c in claims]
    assert (claims[0].status, claims[0].event) == (status, event)


@pytest.mark.parametrize(
    ("sentence", "event"),
    [
        ("Russian howitzers hit Kramatorsk twice overnight.", "shelled"),
        ("Ukrainian guns have been pounding Oleshky for days.", "shelled"),
        ("Russia pummelled Kupiansk with artillery on Friday.", "shelled"),
        ("Russian warplanes dropped glide bombs on Orikhiv on Sunday.", "struck"),
        ("Two missiles hit Zaporizhzhia before dawn.", "struck"),
        ("Russian drones keep striking Nikopol across the reservoir.", "struck"),
        ("Kramatorsk was hit by two missiles on Saturday.", "struck"),
        ("Russian jets bombed Vovchansk again.", "struck"),
        ("Russia launched a dozen missiles at Odesa on Tuesday.", "struck"),
        ("Russian aviation carried out air strikes near Kurakhove overnight.", "struck"),
        ("Russian strikes killed three people in Kostiantynivka on Friday.", "struck"),
        ("The rail station in Lozova has been hit repeatedly since May.", "struck"),
    ],
)
def test_a_weapon_that_hits_a_place_is_a_strike_with_no_status(matcher, sentence, event):
    claims = claims_of(sentence, matcher)
    assert [(c.status, c.event) for c in claims] == [("", event)], [c.quote for c in claims]


@pytest.mark.parametrize(
    "sentence",
    [
        "A 500-pound bomb was defused in Kharkiv.",
        "Miners went on strike in Pavlohrad in 2019.",
        "Kharkiv was hit by power cuts on Monday.",
        "Kharkiv has been hit by power cuts since Monday.",
    ],
)
def test_words_of_weapons_that_strike_nothing_are_no_claims(matcher, sentence):
    assert claims_of(sentence, matcher) == []


@pytest.mark.parametrize(
    ("sentence", "event"),
    [
        (
            "Ukrainian forces pushed Russian troops out of the northern outskirts of Vovchansk.",
            "withdrew",
        ),
        ("Russia's army said it had captured the industrial district of Toretsk.", "captured"),
        ("Ukrainian soldiers still hold several blocks in Vuhledar.", "held"),
        ("The Ukrainian brigade pulled out of Avdiivka's southern neighbourhoods.", "withdrew"),
        ("Russian units stormed into the eastern part of Kupiansk.", "entered"),
        ("Ukrainian units control positions inside Krynky.", "held"),
        ("Ukrainian marines retook a quarter of Oleshky.", "recaptured"),
        ("Russian troops seized several streets in the east of Toretsk.", "captured"),
        ("Ukrainian troops still held Bakhmut's south-western districts.", "held"),
        ('Ukrainian defenders still controlled "a tiny part" of Vuhledar.', "held"),
    ],
)
def test_a_change_of_hands_in_a_part_of_a_place_leaves_it_contested(matcher, sentence, event):
    claims = claims_of(sentence, matcher)
    assert [(c.status, c.event) for c in claims] == [("contested", event)], [
        c.quote for c in claims
    ]


@pytest.mark.parametrize(
    ("sentence", "status"),
    [
        ("Ukrainian forces keep control of Kupiansk, the General Staff said.", "ukrainian"),
        ("Russian troops retained full control over Svatove.", "russian"),
        ("Ukrainian troops maintain control over Siversk despite daily attacks.", "ukrainian"),
        ("Russian units held on in Robotyne despite the assault.", "russian"),
        ("Ukrainian marines are holding positions in Krynky under heavy fire.", "contested"),
        ("Fighting was still going on in Vovchansk on Sunday.", "contested"),
    ],
)
def test_a_hold_kept_under_attack_and_fighting_that_goes_on(matcher, sentence, status):
    claims = claims_of(sentence, matcher)
    assert [c.status for c in claims] == [status], [c.quote for c in claims]


@pytest.mark.parametrize(
    ("sentence", "status", "event"),
    [
        ("Russian units were pushing towards Kurakhove on Friday.", "contested", "fighting"),
        ("Russian troops are inching closer to Toretsk.", "contested", "fighting"),
        ("Moscow's forces closed in on Vuhledar from the east.", "contested", "fighting"),
        ("Ukrainian brigades were advancing slowly towards Robotyne.", "contested", "fighting"),
        ("Russian troops were advancing near Kupiansk.", "", "fighting"),
        (
            "The army said its units had improved their tactical positions near Robotyne.",
            "",
            "fighting",
        ),
        ("Ukrainian forces repelled assaults near Avdiivka.", "", "repelled"),
    ],
)
def test_an_approach_is_fought_over_and_what_goes_on_near_a_place_is_no_status(
    matcher, sentence, status, event
):
    claims = claims_of(sentence, matcher)
    assert [(c.status, c.event) for c in claims] == [(status, event)], [c.quote for c in claims]


def test_fighting_near_something_in_the_town_is_still_in_the_town(matcher):
    text = "Russia said it took Bakhmut. Fighting continued in the town near the railway station."
    claim = only([c for c in claims_of(text, matcher) if c.mention == "the town"], "Bakhmut")
    assert claim.status == "contested"


def test_a_clause_about_a_later_place_is_about_that_place(matcher):
    claims = claims_of(
        "Selydove lies 10 km north of Kurakhove, where Russian troops are closing in.", matcher
    )
    assert [(c.entry.name, c.status) for c in claims] == [("Kurakhove", "contested")]


@pytest.mark.parametrize(
    ("text", "name", "status"),
    [
        ("Zelenskiy acknowledged that Bakhmut had been lost.", "Bakhmut", "russian"),
        ("Nobody disputes now that Soledar was lost.", "Soledar", "russian"),
        (
            "Russian forces pulled out of Kherson in November. The loss of Kherson stunned many.",
            "Kherson",
            "ukrainian",
        ),
        (
            "Russia has been trying to take Chasiv Yar since the fall of Bakhmut.",
            "Bakhmut",
            "russian",
        ),
        (
            '"The liberation of Vuhledar was made possible by heavy strikes on the enemy," the '
            "Russian defence ministry said.",
            "Vuhledar",
            "russian",
        ),
        ("The capture of Avdiivka opened the road west for Russia.", "Avdiivka", "russian"),
    ],
)
def test_a_loss_or_a_change_named_as_a_noun_is_read_as_a_fall(matcher, text, name, status):
    """With no side named, a loss is a fall (the change told before, else the invader's); a
    side after a change named as a noun is none of its actors; a fall named as a time ("since
    the fall of X") is past, whatever the clause around it tries."""
    claims = [c for c in claims_of(text, matcher) if c.entry.name == name]
    assert [c.status for c in claims][-1:] == [status], [c.quote for c in claims]


@pytest.mark.parametrize(
    ("sentence", "status", "event"),
    [
        ("Ukrainian marines set up a bridgehead in Krynky.", "contested", "entered"),
        (
            "Separatist officials said on Monday they controlled the city of Sievierodonetsk.",
            "russian",
            "held",
        ),
    ],
)
def test_a_bridgehead_in_a_place_and_who_controlled_it(matcher, sentence, status, event):
    claims = claims_of(sentence, matcher)
    assert [(c.status, c.event) for c in claims] == [(status, event)], [c.quote for c in claims]


@pytest.mark.parametrize(
    "sentence",
    [
        "Russian troops made several attempts to enter Marinka.",
        "Wagner's efforts to encircle Bakhmut went on.",
    ],
)
def test_an_attempt_is_no_claim(matcher, sentence):
    assert claims_of(sentence, matcher) == []


def test_a_clause_of_its_own_says_who_controlled_the_town(matcher):
    text = "Russian forces entered Lyman, though Ukrainian officials said they controlled the town."
    claims = claims_of(text, matcher)
    assert [(c.mention, c.status) for c in claims] == [
        ("Lyman", "contested"),
        ("the town", "ukrainian"),
    ]


@pytest.mark.parametrize(
    "text",
    [
        '"Robotyne, Zaporizhzhia region. Liberated," the minister wrote on Telegram.',
        "Ukrainian soldiers posted a video from Robotyne. Liberated!",
    ],
)
def test_a_participle_alone_goes_on_about_the_place_before(matcher, text):
    claims = [c for c in claims_of(text, matcher) if c.event == "liberated"]
    assert [(c.entry.name, c.status) for c in claims] == [("Robotyne", "ukrainian")]


def test_an_oblast_before_a_cue_it_is_not_the_subject_of_only_says_where(matcher):
    text = (
        "Russian forces pressed their offensive in the Zaporizhzhia region on Sunday, and "
        "Moscow said its troops had captured Robotyne."
    )
    assert [c.entry.name for c in claims_of(text, matcher)] == ["Robotyne"]
    text = (
        "Ukraine gave up Avdiivka, its last stronghold in the Donetsk region, after months "
        "of fighting."
    )
    assert [c.entry.name for c in claims_of(text, matcher)] == ["Avdiivka"]
    text = "The Kherson region, which borders Crimea, was shelled overnight."
    assert [(c.entry.kind, c.event) for c in claims_of(text, matcher)] == [("oblast", "shelled")]


def test_an_advance_in_a_place_is_fought_over_but_a_sides_advance_in_a_region_is_no_claim(matcher):
    assert (
        claims_of(
            "Russia's army made its fastest advance in the Donetsk region in months.", matcher
        )
        == []
    )
    claim = only(
        claims_of("Russian troops were advancing in Vuhledar on Friday.", matcher), "Vuhledar"
    )
    assert claim.status == "contested"
    claim = only(claims_of("Russia's advance on Pokrovsk slowed.", matcher), "Pokrovsk")
    assert claim.status == "contested"


def test_the_rest_of_a_place_is_the_whole_and_a_village_outside_it_no_claim_on_it(matcher):
    claim = only(claims_of("Moscow's forces took the rest of Bakhmut.", matcher), "Bakhmut")
    assert claim.status == "russian"
    assert (
        claims_of("Russian forces captured a village on the outskirts of Pokrovsk.", matcher) == []
    )
    assert claims_of("Wagner fighters seized a village near Bakhmut.", matcher) == []


@pytest.mark.parametrize(
    "sentence",
    [
        "Kherson was left without power.",
        "Troops dug in on the left bank near Kherson.",
        "Ukrainian troops took part in drills near Kramatorsk.",
    ],
)
def test_near_misses_of_the_cue_words_are_no_claims(matcher, sentence):
    assert claims_of(sentence, matcher) == []


def test_the_town_is_the_last_town_not_the_city_beside_it(matcher):
    text = "Russia said it took Marinka, a town west of Donetsk city. Ukraine's army left the town."
    claims = claims_of(text, matcher)
    assert {c.entry.name for c in claims if c.mention == "the town"} == {"Marinka"}


@pytest.mark.parametrize(
    "sentence",
    [
        "Russian forces will likely be forced to retreat from Kherson.",
        "The capture of Bakhmut would be a milestone for Moscow.",
        "Ukraine plans to retake Melitopol before winter.",
        "If Russia takes Avdiivka, its troops may push on.",
        "Russian units have been trying to encircle Avdiivka.",
        "Kyiv's troops could soon enter Kherson.",
    ],
)
def test_hypotheticals_and_the_future_are_no_claims(matcher, sentence):
    assert claims_of(sentence, matcher) == []


def test_the_month_may_is_no_hypothetical(matcher):
    claim = only(
        claims_of("Wagner fighters took Bakhmut in May.", matcher, dt.date(2023, 9, 1)), "Bakhmut"
    )
    assert (claim.status, claim.date.start) == ("russian", dt.date(2023, 5, 1))


def test_a_day_just_after_the_dateline_is_never_a_year_back():
    words = "beginning on September 23"
    assert find_dates(words, 0, len(words), dt.date(2022, 9, 22)) == []
    words = "on September 20"
    found = find_dates(words, 0, len(words), dt.date(2022, 9, 22))
    assert [f[2].start for f in found] == [dt.date(2022, 9, 20)]


def test_last_may_is_the_may_before_the_dateline():
    words = "the capture of the city last May"
    (found,) = find_dates(words, 0, len(words), dt.date(2024, 2, 17))
    assert (found[2].start, found[2].end, found[2].precision) == (
        dt.date(2023, 5, 1),
        dt.date(2023, 5, 31),
        "month",
    )


def test_the_cue_reaches_the_places_taken_not_the_goal(matcher):
    text = "Ukrainian troops entered several towns on the way to Kupiansk, including Balakliia."
    assert [c.entry.name for c in claims_of(text, matcher)] == ["Balakliia"]


def test_the_cue_reaches_each_place_of_the_list_not_the_goal(matcher):
    text = (
        "Ukrainian troops entered several settlements on the way to Tokmak, including Robotyne"
        " and Verbove."
    )
    assert [c.entry.name for c in claims_of(text, matcher)] == ["Robotyne", "Verbove"]


def test_an_apposition_in_a_list_neither_spills_nor_breaks_the_list(matcher):
    text = (
        "Russian forces shelled Kupiansk and Melitopol, a Russian-occupied hub, Kharkiv and Izium."
    )
    claims = claims_of(text, matcher)
    assert [c.entry.name for c in claims] == ["Kupiansk", "Melitopol", "Kharkiv", "Izium"]
    assert {c.event for c in claims} == {"shelled"}
    assert {c.status for c in claims} == {""}


@pytest.mark.parametrize(
    ("text", "statuses"),
    [
        (
            "Ukrainian forces recaptured Klishchiivka; Russian troops still hold Bakhmut.",
            [("Klishchiivka", "ukrainian"), ("Bakhmut", "russian")],
        ),
        (
            "Ukraine said its troops had entered Robotyne, while fighting went on near Verbove.",
            [("Robotyne", "ukrainian"), ("Verbove", "")],
        ),
    ],
)
def test_one_clauses_cue_does_not_reach_another_clauses_places(matcher, text, statuses):
    assert [(c.entry.name, c.status) for c in claims_of(text, matcher)] == statuses


def test_a_side_adjective_does_not_spill_onto_the_next_place(matcher):
    text = "Tokmak, a Russian-held hub, lies south of Orikhiv."
    claims = claims_of(text, matcher)
    assert [(c.entry.name, c.status) for c in claims] == [("Tokmak", "russian")]
    text = "Trains ran from Russian-held Svatove to Starobilsk."
    assert [c.entry.name for c in claims_of(text, matcher)] == ["Svatove"]


def test_a_side_adjective_is_the_reports_own_word(matcher):
    text = "Shelling hit Russian-occupied Horlivka overnight, local officials said."
    claim = only(claims_of(text, matcher), "Horlivka")
    assert (claim.status, claim.certainty) == ("russian", "confirmed")


def test_shelling_and_either_or_state_no_control(matcher):
    """Shelling says nothing about who holds a place (issue: the Lysychansk and the Kharkiv
    region cases)."""
    lysychansk = claims_of(
        "The regional governor Serhiy Haidai, who said Russian forces were shelling "
        "Lysychansk, urged residents to leave.",
        matcher,
    )
    assert [(c.entry.name, c.status, c.event) for c in lysychansk] == [
        ("Lysychansk", "", "shelled")
    ]
    region = claims_of(
        "Ukraine has retaken ground in the Kharkiv region, which borders Russia, and has "
        "been either controlled by Russia or shelled by its artillery for months.",
        matcher,
    )
    assert [(c.status, c.event) for c in region if c.entry.kind == "oblast"] == [("", "shelled")]


# --- terse statements, as tables and timelines write them ----------------------------------


def test_a_sentence_without_its_subject_goes_on_about_the_place_before(matcher):
    text = "Kupiansk: Captured by Russia 27 February 2022. Recaptured by Ukraine 10 September."
    claims = claims_of(text, matcher, dt.date(2022, 9, 12))
    assert [(c.entry.name, c.status, c.date.start) for c in claims] == [
        ("Kupiansk", "russian", dt.date(2022, 2, 27)),
        ("Kupiansk", "ukrainian", dt.date(2022, 9, 10)),
    ]
    later = claims[1]
    assert later.mention == "" and later.quote == "Recaptured by Ukraine 10 September."
    assert text[later.start : later.end] == later.quote
    # A sentence that names a place, or opens with its own subject, is not such a sentence.
    other = "Izium was liberated on Saturday. Russian forces captured Lyman."
    assert [c.entry.name for c in claims_of(other, matcher)] == ["Izium", "Lyman"]
    plain = "Izium was liberated on Saturday. Fighting continued."
    assert [c.entry.name for c in claims_of(plain, matcher)] == ["Izium"]


@pytest.mark.parametrize(
    "text",
    [
        "Buryn: Captured by Russia 25 February 2022.Recaptured by Ukraine 4 April 2022.",
        "Buryn: Captured by Russia in February 2022Recaptured by Ukraine 4 April 2022.",
        "Buryn: Captured by Russia 25 February 2022 Recaptured by Ukraine 4 April 2022",
        "Buryn: See Battle of Buryn (2022)Captured by Russia 25 February 2022. "
        "Recaptured by Ukraine 4 April 2022.",
    ],
)
def test_statements_run_together_by_a_scrape_are_apart(matcher, text):
    claims = claims_of(text, matcher, dt.date(2022, 5, 1))
    last = [c for c in claims if c.entry.name == "Buryn"][-1]
    assert (last.status, last.date.start) == ("ukrainian", dt.date(2022, 4, 4))


def test_the_separatist_republics_are_a_side_not_a_place(matcher):
    claims = claims_of(
        "Alchevsk: Captured by Luhansk PR in mid-April 2014. Forces of the Donetsk People's "
        "Republic captured Horlivka.",
        matcher,
        dt.date(2022, 5, 1),
    )
    assert [(c.entry.name, c.status) for c in claims] == [
        ("Alchevsk", "russian"),
        ("Horlivka", "russian"),
    ]
    assert not find_mentions("Captured by Luhansk PR.", matcher)


@pytest.mark.parametrize(
    ("text", "status"),
    [
        ("Chasiv Yar: Contested by Russia since 4 April 2024.", "contested"),
        ("Irpin was partially captured by Russia on 14 March.", "contested"),
        ("Ukrainian-controlled Sloviansk was shelled.", "ukrainian"),
    ],
)
def test_partial_and_contested_control_and_a_sides_adjective(matcher, text, status):
    (claim,) = claims_of(text, matcher, dt.date(2024, 4, 20))
    assert claim.status == status


def test_a_campaign_or_front_named_after_a_place_is_not_the_place(matcher):
    text = "Recaptured by Ukraine in the Kharkiv counteroffensive, to strengthen the Donetsk front."
    assert not find_mentions(text, matcher)


@pytest.mark.parametrize(
    ("words", "span"),
    [
        ("in March 2022", (dt.date(2022, 3, 1), dt.date(2022, 3, 31), "month")),
        ("mid-April 2014", (dt.date(2014, 4, 1), dt.date(2014, 4, 30), "month")),
        ("between 22–26 February 2024", (dt.date(2024, 2, 22), dt.date(2024, 2, 26), "range")),
        (
            "between 31 December 2022 – 2 January 2023",
            (dt.date(2022, 12, 31), dt.date(2023, 1, 2), "range"),
        ),
        (
            "between 28 August–1 September 2023",
            (dt.date(2023, 8, 28), dt.date(2023, 9, 1), "range"),
        ),
        (
            "between 30 December and 2 January",
            (dt.date(2023, 12, 30), dt.date(2024, 1, 2), "range"),
        ),
        ("3 March 2022", (dt.date(2022, 3, 3), dt.date(2022, 3, 3), "day")),
    ],
)
def test_months_of_a_year_and_ranges(words, span):
    found = find_dates(words, 0, len(words), dt.date(2024, 3, 1))
    assert [(d.start, d.end, d.precision) for _, _, d in found] == [span]


def test_a_month_after_the_dateline_is_no_date():
    assert find_dates("in May 2024", 0, 11, dt.date(2024, 3, 1)) == []


@pytest.mark.parametrize(
    "words",
    ["Saturday", "monday", "1 February", "Nov 12", "February 24", "December 31", "Sept. 10"]
    + ["10th September", "29 February", "3 March 2022", "March 3, 2022", "1 January 2023"],
)
def test_days_read_without_dateparser_resolve_as_dateparser_does(words):
    for offset in range(0, 800, 7):
        dateline = dt.date(2022, 1, 1) + dt.timedelta(days=offset)
        assert parse_relative(words, dateline) == parse_with_dateparser(words, dateline), dateline


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Ukraine is in control of Kupiansk, the governor said.", [("Kupiansk", "ukrainian")]),
        ("Kupiansk: Captured by Ukraine 10 September 2022.", [("Kupiansk", "ukrainian")]),
        # The country, not the side: the Russian forces took it.
        ("Russian forces in eastern Ukraine captured Lyman.", [("Lyman", "russian")]),
        # Where a retreat went, and the town that only locates the villages, are no claims.
        ("The Russian army abandoned Izium and fled towards Svatove.", [("Izium", "ukrainian")]),
        (
            "Ukrainian forces pushed Russian troops out of several villages near Bakhmut, "
            "including Klishchiivka and Andriivka.",
            [("Klishchiivka", "ukrainian"), ("Andriivka", "ukrainian")],
        ),
    ],
)
def test_ukraine_acting_a_retreats_goal_and_a_locating_town(matcher, text, expected):
    claims = claims_of(text, matcher, dt.date(2023, 9, 18))
    assert [(c.entry.name, c.status) for c in claims] == expected


# --- quoted speech: the speaker's claim, and whose side "we", "our" and "the enemy" are -------


@pytest.mark.parametrize(
    ("text", "place", "status", "side"),
    [
        (
            'Denis Pushilin said: "Our fighters have taken Marinka."',
            "Marinka",
            "russian",
            "russian",
        ),
        (
            '"We pushed the enemy out of Robotyne," the commander of a Russian unit said.',
            "Robotyne",
            "russian",
            "russian",
        ),
        (
            '"We pushed the enemy out of Robotyne," Maliar said.',
            "Robotyne",
            "ukrainian",
            "ukrainian",
        ),
        (
            'A Ukrainian officer told Reuters: "Our units have entered Blahodatne."',
            "Blahodatne",
            "ukrainian",
            "ukrainian",
        ),
    ],
)
def test_in_a_quotation_we_is_the_speakers_side(matcher, text, place, status, side):
    claim = only(claims_of(text, matcher), place)
    assert (claim.status, claim.certainty, claimant_side(claim.claimant)) == (
        status,
        "claimed",
        side,
    )


def test_a_quotation_is_claimed_by_its_speaker_named_before(matcher):
    text = (
        "A Russian military spokesman said on Sunday that the assault had begun. "
        '"Our units entered Blahodatne at dawn," the spokesman said.'
    )
    claim = only(claims_of(text, matcher), "Blahodatne")
    assert claim.claimant == "A Russian military spokesman"
    assert (claim.status, claim.certainty) == ("contested", "claimed")  # the invader's entry


def test_she_said_is_the_speaker_named_before_not_the_report(matcher):
    text = (
        "Hanna Maliar said on Monday that the fighting was heavy. "
        "Russian forces were pushed out of Robotyne, she said."
    )
    claim = only(claims_of(text, matcher), "Robotyne")
    assert claim.claimant == "Hanna Maliar"
    assert claimant_side(claim.claimant) == "ukrainian"


def test_the_reports_own_voice_is_the_outlet(matcher):
    claim = only(claims_of("Russia seized Pavlivka in November.", matcher), "Pavlivka")
    assert (claim.claimant, claimant_side(claim.claimant), claim.certainty) == (
        "AFP (the report)",
        "report",
        "confirmed",
    )


# --- a clause of its own inside a clause: its cues, dates and sides are its own ---------------


def test_a_date_of_a_later_clause_is_not_the_claims():
    text = "Russian-held Svatove has been under pressure since Ukraine retook Lyman in October."
    claims = claims_of(text, cached_matcher(), dt.date(2023, 1, 10))
    svatove, lyman = only(claims, "Svatove"), only(claims, "Lyman")
    assert (svatove.date.start, svatove.date.precision) == (dt.date(2023, 1, 10), "day")
    assert (lyman.date.start, lyman.date.precision) == (dt.date(2022, 10, 1), "month")
    # "Ukraine" acts in "Ukraine retook", though the cue ends the span the side is read in.
    assert lyman.status == "ukrainian"


def test_a_would_of_another_clause_does_not_reach_the_cue(matcher):
    text = "Capturing Pokrovsk would cut the road to Dnipro, where Russian forces took Ukrainsk."
    claims = claims_of(text, matcher, dt.date(2024, 10, 2))
    assert [(c.entry.name, c.status) for c in claims] == [("Ukrainsk", "russian")]


def test_a_side_after_the_cue_in_another_clause_is_not_the_actor(matcher):
    text = "The brigade left Vuhledar after Russian forces cut the last supply road."
    assert not [c for c in claims_of(text, matcher) if c.status == "ukrainian"]


def test_an_actor_of_no_named_side_is_the_claimants(matcher):
    text = (
        "The brigade left Vuhledar after Russian forces cut the last supply road, "
        "Ukraine's military said."
    )
    claim = only(claims_of(text, matcher), "Vuhledar")
    assert (claim.status, claim.claimant) == ("russian", "Ukraine's military")


# --- "the town" in a clause of its own, and a place before an office's title ------------------


def test_the_city_in_a_clause_of_another_event_is_the_place_named_before(matcher):
    text = "Soledar remains in Russian hands since Wagner fighters took the town in January."
    claims = [c for c in claims_of(text, matcher) if c.entry.name == "Soledar"]
    assert [(c.event, c.date.precision) for c in claims] == [("held", "day"), ("captured", "month")]


def test_the_town_in_a_clause_of_the_same_change_makes_no_second_claim(matcher):
    text = "Ukrainian troops entered Izium on Saturday after Russian forces left the town."
    assert len(claims_of(text, matcher)) == 1


@pytest.mark.parametrize(
    "text",
    [
        "Moscow claimed its troops had seized Kreminna, but Ukrainian officials said battles"
        " were still raging in the town.",
        # A government is no place: the clause still names none.
        "Russia said it had taken Vuhledar; Kyiv said its troops were still fighting in the city.",
    ],
)
def test_the_town_in_a_clause_that_names_no_place_is_the_place_named_before(matcher, text):
    claims = claims_of(text, matcher)
    fighting = [(c.entry.name, c.status) for c in claims if c.event == "fighting"]
    assert fighting == [(claims[0].entry.name, "contested")]
    assert claims[0].entry.name in ("Kreminna", "Vuhledar")


@pytest.mark.parametrize(
    ("text", "name"),
    [
        (
            "Ukraine said it had retaken the village of Robotyne. The advance was slow. Mines"
            " covered the fields. Officials gave no figures. Russia said it had repelled"
            " attacks near Robotyne and Verbove. Pro-Russian bloggers said Russian units had"
            " pulled back from the village.",
            "Robotyne",
        ),
        (
            "Russia said its troops had entered Toretsk, a mining town. Its mines closed in"
            " 2014. Most people have left. Those who stayed live in cellars. Ukraine's army said"
            " it had beaten back assaults near Toretsk, Pivnichne and Zalizne. A soldier said his"
            " unit still held the eastern part of the town.",
            "Toretsk",
        ),
    ],
)
def test_the_village_is_the_one_called_a_village_before_and_named_again(matcher, text, name):
    # Called so further back than "the village" reaches, and named again within its reach.
    claims = [c for c in claims_of(text, matcher) if c.mention.startswith("the ")]
    assert [c.entry.name for c in claims] == [name]


def test_the_logistics_hub_is_the_town_named_before(matcher):
    text = (
        "Russian forces took Novohrodivka, a mining town 12 km from Pokrovsk, on Tuesday."
        " Russian artillery shelled the logistics hub overnight."
    )
    shelled = [c for c in claims_of(text, matcher) if c.event == "shelled"]
    assert [(c.entry.name, c.mention) for c in shelled] == [("Pokrovsk", "the logistics hub")]


@pytest.mark.parametrize(
    "text",
    [
        "Ukrainian officials said Avdiivka was almost encircled.",
        "Russian troops have nearly surrounded the town of Vuhledar, a commander said.",
        "Kyiv's troops still hold Lyman, but the town is nearly cut off.",
    ],
)
def test_almost_encircled_is_not_yet_encircled(matcher, text):
    assert [c.event for c in claims_of(text, matcher)] in ([], ["held"])


# --- a cue that leaves its place out goes on about the place named before ---------------------


def test_a_quoted_cue_without_its_place_is_about_the_place_of_the_sentence_before(matcher):
    text = (
        'Ukraine said it had pulled its troops out of Marinka. "To save the lives of Ukrainian'
        ' soldiers, the command decided to withdraw," a spokesman said.'
    )
    claims = claims_of(text, matcher)
    quoted = [c for c in claims if c.quote.startswith('"To save')]
    assert [(c.entry.name, c.status, c.event) for c in quoted] == [
        ("Marinka", "russian", "withdrew")
    ]


def test_a_clause_without_its_place_goes_on_about_the_place_of_its_sentence(matcher):
    text = (
        "Russian forces stormed Kupiansk overnight, but Ukrainian defenders are holding,"
        " the General Staff said."
    )
    claims = claims_of(text, matcher)
    assert [(c.entry.name, c.status) for c in claims] == [
        ("Kupiansk", "contested"),
        ("Kupiansk", "ukrainian"),
    ]


@pytest.mark.parametrize(
    "text",
    [
        # Two places before: about neither.
        'Russia said it had taken Lyman and Yampil. "Ukrainian units had to withdraw," an'
        " officer said.",
        # The report's own next sentence names its places.
        "Ukraine said its troops had left Soledar. Ukrainian units were ordered to pull back.",
        # Not an army.
        'Russian forces shelled Kherson. "Many families have left," the mayor said.',
        # The cue has a place of its own, if not a named one.
        'Russia said it took Avdiivka. "Ukrainian troops withdrew to new lines," he said.',
    ],
)
def test_a_cue_without_its_place_is_no_claim_unless_one_place_came_before(matcher, text):
    claims = claims_of(text, matcher)
    assert [c for c in claims if not c.mention] == []


def test_there_after_a_cue_is_the_place_of_its_sentence(matcher):
    text = (
        "Ukrainian tanks pushed towards Svatove, though he said Russian forces were holding"
        " the line there."
    )
    claims = claims_of(text, matcher)
    assert [(c.entry.name, c.status, c.event) for c in claims] == [
        ("Svatove", "contested", "fighting"),
        ("Svatove", "russian", "held"),
    ]


def test_a_cue_of_a_clause_of_its_own_after_a_place_is_not_about_it(matcher):
    text = (
        "Ukrainian tanks pushed towards Svatove on Monday, though he said that Russian forces"
        " were holding the line near the river."
    )
    assert [(c.status, c.event) for c in claims_of(text, matcher)] == [("contested", "fighting")]


def test_a_withdrawal_to_prepared_positions_leaves_the_place_of_the_sentence_before(matcher):
    text = (
        'Ukraine said its troops had pulled out of Marinka. "Our units have withdrawn to more'
        ' advantageous positions," the Ukrainian General Staff said.'
    )
    quoted = [c for c in claims_of(text, matcher) if c.quote.startswith('"Our')]
    assert [(c.entry.name, c.status, c.event) for c in quoted] == [
        ("Marinka", "russian", "withdrew")
    ]


def test_the_russians_who_fled_are_its_troops_and_what_is_said_after_and_is_a_claim(matcher):
    text = (
        "Ukrainian soldiers posted photographs of the flag over the town hall in Kupiansk and"
        " said the Russians had fled, leaving tanks behind."
    )
    claims = claims_of(text, matcher)
    assert [(c.entry.name, c.status, c.quote) for c in claims] == [
        ("Kupiansk", "ukrainian", "said the Russians had fled, leaving tanks behind.")
    ]


def test_people_who_fled_are_no_army(matcher):
    text = "Russia said it had captured Marinka. Millions of Ukrainians have fled, the UN said."
    assert [c.quote for c in claims_of(text, matcher)] == ["Russia said it had captured Marinka."]


def test_its_before_a_part_is_the_one_settlement_named_before(matcher):
    text = (
        "Russian forces captured most of Pisky, but Ukrainian units held positions on its"
        " western side."
    )
    claims = claims_of(text, matcher)
    assert [(c.entry.name, c.mention, c.status) for c in claims] == [
        ("Pisky", "Pisky", "russian"),
        ("Pisky", "its", "contested"),
    ]


def test_its_of_a_place_that_only_locates_another_is_the_other(matcher):
    text = (
        "Separatists said they had taken Rubizhne, a town north of Sievierodonetsk. The"
        " governor did not confirm it, saying fighting had moved to its southern outskirts."
    )
    pronoun = [c for c in claims_of(text, matcher) if c.mention == "its"]
    assert [(c.entry.name, c.status, c.event) for c in pronoun] == [
        ("Rubizhne", "contested", "fighting")
    ]


def test_it_opening_a_sentence_is_the_place_the_sentence_before_opens_with(matcher):
    text = "Popasna had about 20,000 residents before the war. It has been shelled since March."
    claim = only(claims_of(text, matcher), "Popasna")
    assert (claim.mention, claim.event) == ("It", "shelled")


@pytest.mark.parametrize(
    "text",
    [
        # An army's "its".
        "Russia's defence ministry said its forces had captured Avdiivka.",
        # Two places before: which one is unknown.
        "Fighting went on in Avdiivka and Marinka. Its western outskirts were shelled.",
        # The sentence before is about a body, not the place.
        "The ministry said Russian troops took Marinka. It has been shelled since March.",
    ],
)
def test_a_pronoun_is_no_place_unless_one_place_is_in_focus(matcher, text):
    assert [c.mention for c in claims_of(text, matcher) if c.mention in ("its", "It")] == []


def test_a_relative_clause_after_an_apposition_is_about_the_name(matcher):
    text = (
        "Ukrainian troops retook Lyman, a town north of Kramatorsk that Russian forces seized in"
        " May, the army said."
    )
    claims = claims_of(text, matcher)
    assert [(c.entry.name, c.mention, c.status, c.certainty, c.claimant) for c in claims] == [
        ("Lyman", "Lyman", "ukrainian", "claimed", "the army"),
        ("Lyman", "that", "russian", "confirmed", "AFP (the report)"),
    ]
    assert claims[1].date.start == dt.date(2022, 5, 1)


def test_a_relative_clauses_hold_in_the_past_perfect_has_ended(matcher):
    text = "Ukraine said its troops had left Marinka, a town west of Donetsk that had held out."
    assert [c.mention for c in claims_of(text, matcher)] == ["Marinka"]


def test_a_list_goes_on_past_a_place_that_locates_an_item(matcher):
    text = (
        "The governor said Russian forces shelled Avdiivka, Krasnohorivka, west of Donetsk, and"
        " Kramatorsk overnight."
    )
    names = [c.entry.name for c in claims_of(text, matcher)]
    assert names == ["Avdiivka", "Krasnohorivka", "Kramatorsk"]


@pytest.mark.parametrize(
    "text",
    [
        "Russia said its forces had captured Krasnohorivka and the nearby mining town of Ukrainsk.",
        "Russia said its forces had captured Krasnohorivka, a town on the edge of Donetsk that"
        " has been on the front line since 2014, and the nearby town of Ukrainsk.",
    ],
)
def test_an_item_of_a_list_may_be_called_the_town_of(matcher, text):
    names = [(c.entry.name, c.status) for c in claims_of(text, matcher) if c.mention != "that"]
    assert names == [("Krasnohorivka", "russian"), ("Ukrainsk", "russian")]


@pytest.mark.parametrize(
    "text",
    [
        "The General Staff said its forces repelled 22 Russian attacks in the Pokrovsk"
        " direction, most of them near Novohrodivka, Myrnohrad and Selydove.",
        "The General Staff said its forces repelled 22 Russian attacks around Pokrovsk,"
        " including near Novohrodivka, Myrnohrad and Selydove, on Sunday.",
    ],
)
def test_a_list_that_narrows_down_a_place_shares_its_cue(matcher, text):
    claims = claims_of(text, matcher)
    assert [c.entry.name for c in claims] == ["Pokrovsk", "Novohrodivka", "Myrnohrad", "Selydove"]
    assert {(c.event, c.certainty, c.claimant, c.date.start) for c in claims} == {
        (claims[0].event, "claimed", claims[0].claimant, claims[0].date.start)
    }


def test_the_apposition_of_a_list_says_who_holds_each_of_its_places(matcher):
    text = (
        "Russian artillery shelled Kramatorsk and Sloviansk, the two largest cities of the"
        " region still under Ukrainian control, on Monday."
    )
    claims = claims_of(text, matcher)
    held = [(c.entry.name, c.status, c.certainty) for c in claims if c.event == "held"]
    assert held == [
        ("Kramatorsk", "ukrainian", "confirmed"),
        ("Sloviansk", "ukrainian", "confirmed"),
    ]
    assert sorted(c.entry.name for c in claims if c.event == "shelled") == [
        "Kramatorsk",
        "Sloviansk",
    ]


def test_the_apposition_of_a_list_stands_outside_a_hypothetical(matcher):
    text = (
        "If the town falls, Russian guns could reach Kramatorsk and Sloviansk, the biggest"
        " cities still held by Ukraine in the region."
    )
    held = [(c.entry.name, c.status) for c in claims_of(text, matcher) if c.event == "held"]
    assert held == [("Kramatorsk", "ukrainian"), ("Sloviansk", "ukrainian")]


def test_an_apposition_of_a_list_that_names_no_holder_makes_no_claim(matcher):
    text = "Russian forces shelled Kramatorsk and Sloviansk, the two cities, on Monday."
    assert [c.event for c in claims_of(text, matcher)] == ["shelled", "shelled"]


def test_a_list_whose_items_each_have_their_date(matcher):
    text = "Ukrainian forces retook Izium on Sept. 10 and Lyman on Oct. 1, the ministry said."
    claims = claims_of(text, matcher, dateline=dt.date(2022, 12, 1))
    assert [(c.entry.name, c.status, c.date.start) for c in claims] == [
        ("Izium", "ukrainian", dt.date(2022, 9, 10)),
        ("Lyman", "ukrainian", dt.date(2022, 10, 1)),
    ]


def test_a_place_after_a_locating_place_with_no_list_gets_no_cue(matcher):
    text = "Russian forces captured Klishchiivka near Bakhmut and Andriivka."
    assert [c.entry.name for c in claims_of(text, matcher)] == ["Klishchiivka"]


def test_the_city_before_an_office_is_no_place(matcher):
    text = (
        "Ukrainian forces entered Kupiansk. Photos showed soldiers holding a flag outside the"
        " city administration building."
    )
    assert [c.mention for c in claims_of(text, matcher)] == ["Kupiansk"]


def test_an_adjective_may_stand_before_the_town(matcher):
    text = "Fighting went on near Soledar. Wagner said it had taken the salt-mining town."
    claim = only([c for c in claims_of(text, matcher) if c.event == "captured"], "Soledar")
    assert claim.status == "russian"


def test_a_place_before_an_offices_title_is_no_place_of_a_claim(matcher):
    text = (
        "Fighting raged near Vuhledar. The Donetsk leader said Russian forces had taken the town."
    )
    mentions = find_mentions(text, matcher)
    assert [m.role for m in mentions if m.text == "Donetsk"] == ["office"]
    claims = claims_of(text, matcher)
    assert [(c.entry.name, c.status) for c in claims if c.event == "captured"] == [
        ("Vuhledar", "russian")
    ]


# --- cue words, locators, and who says a place fell -------------------------------------------


def test_who_denies_a_fall_is_not_who_took_the_place(matcher):
    claim = only(claims_of("Kyiv's military denied that Soledar had fallen.", matcher), "Soledar")
    assert (claim.status, claim.certainty) == ("russian", "denied")


@pytest.mark.parametrize(
    ("text", "status"),
    [
        ("Russia's defence ministry denied that Klishchiivka had been lost.", "ukrainian"),
        ("Ukrainian forces lost control of Marinka on Monday.", "russian"),
    ],
)
def test_a_place_lost_is_lost_by_the_actors_side(matcher, text, status):
    place = "Klishchiivka" if "Klishchiivka" in text else "Marinka"
    assert only(claims_of(text, matcher), place).status == status


def test_the_fall_of_a_place_is_a_claim(matcher):
    claim = only(claims_of("The fall of Soledar was a blow to Kyiv.", matcher), "Soledar")
    assert (claim.event, claim.status) == ("fell", "russian")


@pytest.mark.parametrize(
    "text",
    [
        "Ukrainian forces have liberated several villages in the Kherson region.",
        "Ukraine retook the village of Robotyne in the southern Zaporizhzhia region.",
    ],
)
def test_an_oblast_that_only_locates_makes_no_claim(matcher, text):
    assert not [c for c in claims_of(text, matcher) if c.entry.kind == "oblast"]


@pytest.mark.parametrize(
    "text",
    [
        # The cue is about the town before it; the oblast is where the fighting went on.
        "Russian troops took Vuhledar on Sunday after weeks of fighting in the south of the"
        " Donetsk region.",
        # The cue after the oblast is about the villages it names.
        "Moscow's offensive in the Kharkiv region went on, and its troops captured Hlyboke"
        " and Lyptsi.",
        "Ukraine moved brigades out of the Zaporizhzhia region, where Russian units were"
        " attacking Robotyne.",
    ],
)
def test_an_oblast_that_is_only_the_setting_of_a_towns_claim_makes_none(matcher, text):
    claims = claims_of(text, matcher)
    assert claims and not [c for c in claims if c.entry.kind == "oblast"]


@pytest.mark.parametrize(
    "text, status",
    [
        ("Heavy fighting went on across the Luhansk region, officials said.", "contested"),
        ("Russian forces occupied the Luhansk region near Sievierodonetsk.", "russian"),
        ("Kupiansk, Izium and the whole Kharkiv region were liberated.", "ukrainian"),
    ],
)
def test_an_oblast_a_cue_is_about_has_its_claim(matcher, text, status):
    claims = [c for c in claims_of(text, matcher) if c.entry.kind == "oblast"]
    assert [c.status for c in claims] == [status]


def test_where_a_road_leads_from_is_no_claim(matcher):
    text = "Robotyne is the first settlement retaken on the road south from Orikhiv."
    assert [c.entry.name for c in claims_of(text, matcher)] == ["Robotyne"]


def test_quotations_pair_their_marks_within_a_paragraph():
    from frontline.news.speech import quotation_spans

    text = 'He said: "We won." Then “this”, and "an open one\n\nNext paragraph "x".'
    assert [text[a:b] for a, b in quotation_spans(text)] == [
        '"We won."',
        "“this”",
        '"an open one',
        '"x"',
    ]


def test_a_quotation_with_no_speaker_of_its_own_is_the_last_speakers(matcher):
    text = (
        "Hanna Maliar said on Monday that the push went on. "
        '"Our forces have taken Robotyne and are clearing it."'
    )
    claim = only(claims_of(text, matcher, dt.date(2023, 8, 28)), "Robotyne")
    assert (claim.status, claim.certainty, claim.claimant) == (
        "ukrainian",
        "claimed",
        "Hanna Maliar",
    )


def test_a_sides_adjective_in_a_quotation_is_the_speakers_claim(matcher):
    text = '"Russian-held Verbove is next," a Ukrainian officer said.'
    claim = only(claims_of(text, matcher), "Verbove")
    assert (claim.status, claim.certainty, claimant_side(claim.claimant)) == (
        "russian",
        "claimed",
        "ukrainian",
    )


def test_a_would_of_the_next_predicate_does_not_undo_a_capture(matcher):
    text = "Prigozhin said on Saturday his fighters had taken Bakhmut and would hand it over."
    claim = only(claims_of(text, matcher, dt.date(2023, 5, 21)), "Bakhmut")
    assert (claim.status, claim.date.start) == ("russian", dt.date(2023, 5, 20))
    assert claims_of("The capture of Bakhmut would be a milestone.", matcher) == []


@pytest.mark.parametrize(
    "sentence, side",
    [
        ("Kyiv said its forces had taken Yampil near Lyman.", "ukrainian"),
        ("The General Staff said Russian troops were forced out of Yampil.", "ukrainian"),
        ("The 3rd Assault Brigade said it had entered Yampil.", "ukrainian"),
        ("TASS said Russian forces had captured Yampil.", "russian"),
        ("Moscow-installed officials said their forces were in control of Yampil.", "russian"),
        ("The Russian defence ministry said its units had captured Yampil.", "russian"),
        ("Ukrainian officials said their troops had entered Yampil.", "ukrainian"),
    ],
)
def test_the_side_of_speakers_no_person_names(matcher, sentence, side):
    claim = only(claims_of(sentence, matcher), "Yampil")
    assert claimant_side(claim.claimant) == side


def test_a_passive_report_names_no_claimant(matcher):
    claim = only(
        claims_of("The capture of Soledar by Russian forces was confirmed on Friday.", matcher),
        "Soledar",
    )
    assert (claim.status, claim.claimant) == ("russian", "AFP (the report)")


@pytest.mark.parametrize(
    "text, status",
    [
        # The change told before, told again.
        (
            "Russia said it had pulled its troops out of Lyman. The fall of Lyman, a day after"
            " Putin proclaimed the annexation, opens the way to Kreminna.",
            "ukrainian",
        ),
        # A place one side held falls to the other.
        (
            "Ukrainian troops were in control of Soledar. The fall of Soledar came in January.",
            "russian",
        ),
        ("The fall of Kherson to Ukrainian forces was celebrated.", "ukrainian"),
        ("The fall of Soledar came in January.", "russian"),
    ],
)
def test_the_side_a_fall_is_to(matcher, text, status):
    claims = [c for c in claims_of(text, matcher) if c.event == "fell"]
    assert [c.status for c in claims] == [status]


@pytest.mark.parametrize(
    "sentence, name, status, event",
    [
        ("In occupied Melitopol, residents reported explosions.", "Melitopol", "russian", "held"),
        ("Kremlin-controlled Donetsk was shelled.", "Donetsk", "russian", "held"),
        ("Ukraine-controlled Kramatorsk was shelled.", "Kramatorsk", "ukrainian", "held"),
        ("Russian troops occupied Soledar.", "Soledar", "russian", "captured"),
        ("Ukraine's loss of Soledar was confirmed.", "Soledar", "russian", "withdrew"),
        ("Kyiv's loss of Avdiivka was confirmed.", "Avdiivka", "russian", "withdrew"),
    ],
)
def test_occupied_before_a_name_and_the_loss_of_a_place(matcher, sentence, name, status, event):
    claim = only(claims_of(sentence, matcher), name)
    assert (claim.status, claim.event) == (status, event)
    if event == "held":
        assert claim.claimant == "AFP (the report)"  # the report's own word


@pytest.mark.parametrize(
    "sentence",
    [
        "Ukraine is preparing to withdraw from Avdiivka.",
        "Russia vowed to take Kupiansk by autumn.",
        "Russian commanders hope to encircle Avdiivka.",
        "Kyiv wants to recapture Bakhmut.",
    ],
)
def test_what_a_side_prepares_or_hopes_to_do_is_no_claim(matcher, sentence):
    assert claims_of(sentence, matcher) == []


def test_a_report_confirmed_by_someone_is_theirs(matcher):
    claim = only(
        claims_of("The recapture of Robotyne was confirmed by the General Staff.", matcher),
        "Robotyne",
    )
    assert (claim.status, claim.claimant, claimant_side(claim.claimant)) == (
        "ukrainian",
        "the General Staff",
        "ukrainian",
    )


@pytest.mark.parametrize(
    "sentence, side",
    [
        (
            "The head of the Russian-installed administration, Vladimir Saldo, said Ukrainian"
            " troops had left Krynky.",
            "russian",
        ),
        (
            "The commander of the southern group, Oleksandr Tarnavskyi, said Russian troops"
            " had left Krynky.",
            "ukrainian",
        ),
        ("Saldo said Ukrainian troops had left Krynky.", "russian"),
        ("Prokudin said Russian troops had left Krynky.", "ukrainian"),
    ],
)
def test_a_speakers_title_before_the_name_gives_the_side(matcher, sentence, side):
    claim = only(claims_of(sentence, matcher), "Krynky")
    assert claimant_side(claim.claimant) == side


@pytest.mark.parametrize(
    "sentence, name, status, event",
    [
        ("Soledar was captured on January 16.", "Soledar", "russian", "captured"),
        (
            "Ukrainian troops said Soledar was captured on January 16.",
            "Soledar",
            "russian",
            "captured",
        ),
        ("Soledar was captured by Ukrainian troops.", "Soledar", "ukrainian", "captured"),
        (
            "Ukrainian forces were pushed back from Klishchiivka, Russian war bloggers said.",
            "Klishchiivka",
            "russian",
            "withdrew",
        ),
        (
            "Russian troops pushed Ukrainian units back from Klishchiivka.",
            "Klishchiivka",
            "russian",
            "withdrew",
        ),
        ("Ukrainian troops fought their way into Andriivka.", "Andriivka", "ukrainian", "entered"),
    ],
)
def test_agentless_captures_pushed_back_and_fighting_ones_way_in(
    matcher, sentence, name, status, event
):
    claim = only(claims_of(sentence, matcher), name)
    assert (claim.status, claim.event) == (status, event)


def test_a_place_that_only_says_where_another_is_makes_no_claim(matcher):
    text = "Russian forces captured Pervomaiske, west of Donetsk, after weeks of fighting."
    assert [c.entry.name for c in claims_of(text, matcher)] == ["Avdiivske"]  # renamed
    text = "Russian troops advanced to within 5 km of Pokrovsk."
    assert claims_of(text, matcher) == []
    text = "Russian forces captured Kurakhivka, east of the mining town of Pokrovsk, after weeks"
    text += " of fighting."
    assert [c.entry.name for c in claims_of(text, matcher)] == ["Kurakhivka"]


@pytest.mark.parametrize(
    "sentence, claimant, side",
    [
        ("Ukraine said on Saturday it had liberated Urozhaine.", "Ukraine", "ukrainian"),
        ("On Friday, Russia said its forces had captured Marinka.", "Russia", "russian"),
    ],
)
def test_a_country_that_speaks_is_its_side_and_a_day_is_no_speaker(
    matcher, sentence, claimant, side
):
    claim = claims_of(sentence, matcher)[0]
    assert (claim.claimant, claimant_side(claim.claimant)) == (claimant, side)


def test_a_speaker_after_where_is_the_subject_not_the_conjunction(matcher):
    text = (
        "Fighting went on in the Zaporizhzhia region, where Ukrainian officials said their"
        " troops had entered Robotyne."
    )
    assert only(claims_of(text, matcher), "Robotyne").claimant == "Ukrainian officials"


def test_the_town_is_the_one_the_report_called_a_town(matcher):
    text = (
        "Russian forces have captured the eastern town of Ocheretyne, Russia's defence"
        " ministry said, after the fall of Avdiivka in February. A spokesman for the 47th"
        " Brigade said fighting was raging in the town."
    )
    claims = claims_of(text, matcher)
    fighting = [c for c in claims if c.event == "fighting"]
    assert [(c.entry.name, c.status) for c in fighting] == [("Ocheretyne", "contested")]


@pytest.mark.parametrize(
    "sentence, name",
    [
        (
            "Ukrainian forces still hold parts of Chasiv Yar, a military spokesman said.",
            "Chasiv Yar",
        ),
        ("Russian troops control the eastern outskirts of Kupiansk.", "Kupiansk"),
        ("Their units were still in control of a small part of Bakhmut.", "Bakhmut"),
    ],
)
def test_holding_a_part_of_a_place_is_contested(matcher, sentence, name):
    assert only(claims_of(sentence, matcher), name).status == "contested"


@pytest.mark.parametrize(
    "sentence",
    [
        "Russian forces are close to capturing Chasiv Yar.",
        "Russian troops are on the verge of taking Vovchansk.",
        "Avdiivka is at risk of encirclement.",
        "Pokrovsk is in danger of being surrounded.",
        "Russian troops were unable to capture Avdiivka.",
        "Russian forces failed to take Vuhledar in their winter offensive.",
        "Russian forces have yet to capture Chasiv Yar.",
        "Russia wants Ukraine to withdraw from Kherson.",
    ],
)
def test_what_is_not_done_yet_is_no_claim(matcher, sentence):
    assert claims_of(sentence, matcher) == []


def test_fighting_close_to_a_place_is_still_an_event(matcher):
    claim = only(claims_of("Fighting raged close to Bakhmut.", matcher), "Bakhmut")
    assert claim.event == "fighting"


def test_no_sign_that_it_happened_is_unconfirmed(matcher):
    claim = only(
        claims_of("There was no sign that Russian troops had entered Kupiansk.", matcher),
        "Kupiansk",
    )
    assert claim.certainty == "unconfirmed"


@pytest.mark.parametrize(
    ("words", "start", "end", "precision"),
    [
        # SUNDAY is 11 September 2022.
        ("last Sunday", "2022-09-04", "2022-09-04", "day"),
        ("over the weekend", "2022-09-10", "2022-09-11", "range"),
        ("last weekend", "2022-09-03", "2022-09-04", "range"),
        ("two days ago", "2022-09-09", "2022-09-09", "day"),
        ("a week ago", "2022-08-29", "2022-09-04", "week"),
        ("earlier this month", "2022-09-01", "2022-09-10", "range"),
        ("in mid-August", "2022-08-01", "2022-08-31", "month"),
    ],
)
def test_more_dates_of_wire_copy(words, start, end, precision):
    ((_, _, span),) = find_dates(words, 0, len(words), SUNDAY)
    assert (span.start.isoformat(), span.end.isoformat(), span.precision) == (start, end, precision)


@pytest.mark.parametrize(
    "sentence, name, status, event",
    [
        ("Avdiivka's fall was Moscow's biggest gain in months.", "Avdiivka", "russian", "fell"),
        ("Russian forces control Kreminna.", "Kreminna", "russian", "held"),
        (
            "Russian forces now control about 70% of Vovchansk.",
            "Vovchansk",
            "contested",
            "fighting",
        ),
        # Most of a place is the side's; half of it, or a part, is fought over.
        ("Russia now controls most of Chasiv Yar.", "Chasiv Yar", "russian", "held"),
        ("Russia now controls half of Chasiv Yar.", "Chasiv Yar", "contested", "fighting"),
    ],
)
def test_a_places_fall_and_who_controls_it(matcher, sentence, name, status, event):
    claim = only(claims_of(sentence, matcher), name)
    assert (claim.status, claim.event) == (status, event)


def test_a_speaker_who_told_the_bbc(matcher):
    text = '"Our troops have left Marinka," a Ukrainian commander told the BBC.'
    claim = only(claims_of(text, matcher), "Marinka")
    assert (claim.status, claimant_side(claim.claimant)) == ("russian", "ukrainian")


def test_seeking_to_control_a_place_is_no_claim(matcher):
    assert claims_of("Russia seeks to control Kramatorsk.", matcher) == []


@pytest.mark.parametrize(
    "sentence",
    [
        "Residents took shelter in Kharkiv's metro.",
        "The wounded were taken to hospital in Dnipro.",
        "Russia took aim at Odesa's ports.",
        "Many civilians have left Kupiansk.",
    ],
)
def test_took_shelter_and_civilians_leaving_are_no_claims_of_control(matcher, sentence):
    assert [c for c in claims_of(sentence, matcher) if c.status] == []


def test_a_city_that_only_locates_a_town_on_its_outskirts_makes_no_claim(matcher):
    text = (
        "Ukraine's army has withdrawn from the town of Marinka on the outskirts of Donetsk"
        " after more than a year of fighting."
    )
    assert [c.entry.name for c in claims_of(text, matcher)] == ["Marinka"]
    # Fighting on a town's outskirts is still said of the town.
    claim = only(claims_of("Fighting went on on the outskirts of Bakhmut.", matcher), "Bakhmut")
    assert claim.event == "fighting"


def test_an_oblast_after_a_town_and_its_distance_from_the_border_only_locates_it(matcher):
    text = (
        "Russian forces have pushed into Vovchansk, a town 5km from the border in the"
        " Kharkiv region."
    )
    assert [c.entry.name for c in claims_of(text, matcher)] == ["Vovchansk"]


def test_a_speaker_who_had_said_is_the_speaker(matcher):
    text = (
        "Russia's defence minister, Sergei Shoigu, had said on Monday that Russian forces had"
        " captured Marinka."
    )
    assert only(claims_of(text, matcher), "Marinka").claimant == "Sergei Shoigu"


@pytest.mark.parametrize(
    "sentence, name, status, event",
    [
        (
            "Kyiv decided to pull its troops out of Severodonetsk.",
            "Siverskodonetsk",
            "russian",
            "withdrew",
        ),
        (
            "Ukraine decided to pull its troops out of Severodonetsk.",
            "Siverskodonetsk",
            "russian",
            "withdrew",
        ),
        ("Russia lost Kherson in November.", "Kherson", "ukrainian", "withdrew"),
        (
            "Russian troops continued to advance in Chasiv Yar.",
            "Chasiv Yar",
            "contested",
            "fighting",
        ),
        ("Russian forces reached the centre of Vuhledar.", "Vuhledar", "contested", "fighting"),
        ("Russian forces have established control over Soledar.", "Soledar", "russian", "captured"),
        ("Russian forces secured Marinka.", "Marinka", "russian", "captured"),
        ("Russian troops are besieging Chasiv Yar.", "Chasiv Yar", "contested", "encircled"),
    ],
)
def test_more_cues_of_wire_copy(matcher, sentence, name, status, event):
    claim = only(claims_of(sentence, matcher), name)
    assert (claim.status, claim.event) == (status, event)


def test_the_capital_that_acts_is_no_place_of_a_claim(matcher):
    claims = claims_of("Kyiv pulled its troops out of Severodonetsk.", matcher)
    assert [c.entry.name for c in claims] == ["Siverskodonetsk"]


@pytest.mark.parametrize(
    "claimant, side",
    [
        ("Interfax", "russian"),
        ("Interfax-Ukraine", "ukrainian"),
        ("Ukrinform", "ukrainian"),
        ("the RIA news agency", "russian"),
        ("Kyiv", "ukrainian"),
        ("Ukraine", "ukrainian"),
        ("the General Staff", "ukrainian"),
        ("TASS", "russian"),
        ("local officials", "ukrainian"),
        ("military analysts", "other"),
    ],
)
def test_the_side_of_news_agencies_and_unnamed_bodies(claimant, side):
    assert claimant_side(claimant) == side


@pytest.mark.parametrize(
    "sentence, status",
    [
        ("The capture of Bakhmut took ten months.", "russian"),
        ("The capture of Bakhmut by Ukrainian troops took ten months.", "ukrainian"),
        ("Russia announced the capture of Novomykhailivka on Thursday.", "russian"),
    ],
)
def test_the_capture_of_a_place_with_no_side_named_is_the_invaders(matcher, sentence, status):
    claim = claims_of(sentence, matcher)[0]
    assert (claim.status, claim.event) == (status, "captured")


def test_a_quotation_goes_on_with_its_speaker_not_the_next_paragraphs(matcher):
    text = (
        '"Our forces have pushed the enemy out of Ivanivske," Colonel Oleksandr Syrskyi said.'
        ' "The fighting for Bakhmut continues."\n\nRussian military blogger Rybar wrote that'
        " Russian units had withdrawn from Ivanivske."
    )
    bakhmut = only(claims_of(text, matcher), "Bakhmut")
    assert bakhmut.claimant == "Colonel Oleksandr Syrskyi"


def test_a_relative_clause_about_the_speaker_is_no_speaker(matcher):
    text = (
        "A Ukrainian soldier in the area, who asked not to be named, said Russian troops had"
        " entered Krasnohorivka."
    )
    claim = only(claims_of(text, matcher), "Krasnohorivka")
    assert claim.claimant == "A Ukrainian soldier in the area"
    text = 'A Ukrainian soldier, who asked not to be named, said: "We left Krasnohorivka."'
    claim = only(claims_of(text, matcher), "Krasnohorivka")
    assert (claim.claimant, claim.status) == ("A Ukrainian soldier", "russian")


@pytest.mark.parametrize(
    "sentence, name, status",
    [
        (
            "Explosions were heard in the Russian-occupied city of Melitopol.",
            "Melitopol",
            "russian",
        ),
        ("Russia shelled the Ukrainian-held town of Kupiansk.", "Kupiansk", "ukrainian"),
        ("Drones hit the occupied city of Donetsk.", "Donetsk", "russian"),
    ],
)
def test_a_sides_adjective_before_the_town_of_a_name(matcher, sentence, name, status):
    claim = only(claims_of(sentence, matcher), name)
    assert (claim.status, claim.event) == (status, "held")


def test_a_brigade_based_in_a_city_makes_no_claim_on_the_city(matcher):
    claims = claims_of("The Kharkiv-based brigade said it had entered Vovchansk.", matcher)
    assert [c.entry.name for c in claims] == ["Vovchansk"]


@pytest.mark.parametrize(
    "sentence, name, status",
    [
        ("Ukrainian forces returned to Kherson on Friday.", "Kherson", "ukrainian"),
        ("The Ukrainian flag was raised over Izium.", "Izium", "ukrainian"),
        ("A Russian flag is flying over Soledar, Wagner said.", "Soledar", "russian"),
        ("Ukrainian soldiers hoisted the flag in Kupiansk.", "Kupiansk", "ukrainian"),
    ],
)
def test_returning_to_a_place_and_its_flag(matcher, sentence, name, status):
    claim = only(claims_of(sentence, matcher), name)
    assert (claim.status, claim.event) == (status, "entered")
    assert "flag is flying" not in claim.claimant


def test_residents_returning_make_no_claim(matcher):
    assert claims_of("Residents returned to Kherson.", matcher) == []


@pytest.mark.parametrize(
    "sentence",
    [
        "Pushilin said Russian forces intended to capture Kurakhove by the end of the year.",
        "He said it would be months before Ukrainian troops entered Tokmak.",
        "The mayor said the Russians were unlikely to enter Orikhiv.",
        "Officials said it would take weeks until Ukrainian troops entered Tokmak.",
        "Syrskyi said the units would regroup from Avdiivka to more favourable lines.",
        "Ukraine's military said it would take weeks to clear Klishchiivka of mines.",
    ],
)
def test_the_future_in_reported_speech_is_no_claim(matcher, sentence):
    assert claims_of(sentence, matcher) == []


def test_a_time_clause_of_the_past_is_still_a_claim(matcher):
    text = "Russian forces held the town for months before Ukrainian troops entered Kherson."
    assert only(claims_of(text, matcher), "Kherson").status == "ukrainian"


@pytest.mark.parametrize(
    ("text", "name", "side"),
    [
        # The military, the army, the command: the body named before.
        (
            "Ukraine's General Staff said fighting went on near Bakhmut. The military said "
            "Russian troops had entered Toretsk.",
            "Toretsk",
            "ukrainian",
        ),
        (
            "Ukraine's General Staff said fighting went on near Bakhmut. Russian troops had "
            "entered Toretsk, the military said.",
            "Toretsk",
            "ukrainian",
        ),
        # A body a sentence opens with, whatever it does, is who "the ministry" is after it.
        (
            "Russia's defence ministry did not comment on the losses. The ministry said on "
            "Wednesday its forces had captured Robotyne.",
            "Robotyne",
            "russian",
        ),
        (
            "Russia's defence ministry did not acknowledge the losses. It said its forces had "
            "captured Novodarivka.",
            "Novodarivka",
            "russian",
        ),
        (
            "Ukraine's army did not confirm the loss. The army said its troops were holding "
            "positions in Selydove.",
            "Selydove",
            "ukrainian",
        ),
        (
            "Russia said it had captured Marinka. Its defence ministry said its troops had "
            "entered Pobieda.",
            "Pobieda",
            "russian",
        ),
        # A passive "was told" is not who says so; the speaker after it is.
        (
            "Russia's defence ministry gave no details. President Vladimir Putin was told on "
            "Sunday that Lysychansk had been captured, the defence ministry said.",
            "Lysychansk",
            "russian",
        ),
    ],
)
def test_an_unnamed_body_is_the_body_named_before(matcher, text, name, side):
    claim = only(claims_of(text, matcher), name)
    assert claimant_side(claim.claimant) == side, claim.claimant


def test_a_body_named_in_another_sentence_does_not_make_he_its_speaker(matcher):
    text = (
        "Russia's defence ministry gave no details. Zelenskiy said Ukrainian troops had "
        "entered Kherson. He said they had also retaken Snihurivka."
    )
    assert claimant_side(only(claims_of(text, matcher), "Snihurivka").claimant) == "ukrainian"


def test_its_forces_are_the_speakers_not_the_side_named_after(matcher):
    text = (
        "Russia's defence ministry said its forces had taken Marinka. The ministry said its "
        "forces had also captured Krasnohorivka, adding that Ukrainian units had withdrawn "
        "from Pobieda."
    )
    claims = claims_of(text, matcher)
    assert (only(claims, "Krasnohorivka").status, only(claims, "Pobieda").status) == (
        "russian",
        "russian",
    )


def test_the_military_of_a_capitals_dateline_when_no_body_is_named_before(matcher):
    text = (
        "KYIV, Oct 2 (Reuters) - Ukrainian forces have retaken Torske, a village in the "
        "Donetsk region, the military said on Sunday."
    )
    claim = only(claims_of(text, matcher), "Torske")
    assert claimant_side(claim.claimant) == "ukrainian", claim.claimant
    moscow = text.replace("KYIV", "MOSCOW").replace(
        "Ukrainian forces have retaken", "Russian forces have taken"
    )
    assert claimant_side(only(claims_of(moscow, matcher), "Torske").claimant) == "russian"
    # Two capitals: no side of its own.
    both = text.replace("KYIV", "MOSCOW/KYIV")
    assert claimant_side(only(claims_of(both, matcher), "Torske").claimant) == "other"


def test_a_regional_governor_no_side_word_names_is_ukraines(matcher):
    text = (
        "Russian forces shelled Kherson on Tuesday, killing two people, the regional governor said."
    )
    assert claimant_side(only(claims_of(text, matcher), "Kherson").claimant) == "ukrainian"
    installed = text.replace("the regional governor", "the Russian-installed regional governor")
    assert claimant_side(only(claims_of(installed, matcher), "Kherson").claimant) == "russian"


def test_whose_claim_that_is_the_claimant(matcher):
    claim = only(
        claims_of("Kyiv rejected Moscow's claim that Russian forces had taken Synkivka.", matcher),
        "Synkivka",
    )
    assert (claim.status, claimant_side(claim.claimant)) == ("russian", "russian")


def test_a_side_that_denies_is_a_side(matcher):
    claim = only(
        claims_of("Ukraine denied that its troops had been driven out of Krynky.", matcher),
        "Krynky",
    )
    assert (claim.status, claim.certainty, claimant_side(claim.claimant)) == (
        "russian",
        "denied",
        "ukrainian",
    )


@pytest.mark.parametrize(
    ("sentence", "name", "status", "event"),
    [
        (
            "Ukrainian troops gained a foothold in Krynky, officials said.",
            "Krynky",
            "contested",
            "entered",
        ),
        (
            "Russian marines established a foothold on the edge of Krynky.",
            "Krynky",
            "contested",
            "entered",
        ),
        ("Russia has controlled Horlivka since 2014.", "Horlivka", "russian", "held"),
        (
            "Ukrainian forces have controlled Kupiansk since September 2022.",
            "Kupiansk",
            "ukrainian",
            "held",
        ),
    ],
)
def test_a_foothold_and_a_long_hold(matcher, sentence, name, status, event):
    claim = only(claims_of(sentence, matcher), name)
    assert (claim.status, claim.event) == (status, event)


@pytest.mark.parametrize(
    ("words", "start", "end", "precision"),
    [
        # SUNDAY is 11 September 2022.
        ("two days earlier", "2022-09-09", "2022-09-09", "day"),
        ("a day earlier", "2022-09-10", "2022-09-10", "day"),
        ("the previous day", "2022-09-10", "2022-09-10", "day"),
    ],
)
def test_days_earlier_than_the_report(words, start, end, precision):
    ((_, _, span),) = find_dates(words, 0, len(words), SUNDAY)
    assert (span.start.isoformat(), span.end.isoformat(), span.precision) == (start, end, precision)


def test_what_a_speaker_adds_is_a_claim_of_its_own(matcher):
    text = (
        "Ukrainian forces are advancing south of Bakhmut, Deputy Defence Minister Hanna Maliar "
        "said, adding that Russian troops had left Klishchiivka."
    )
    claims = claims_of(text, matcher)
    assert [c.entry.name for c in claims] == ["Klishchiivka"]
    assert claims[0].quote == "adding that Russian troops had left Klishchiivka."
    assert claimant_side(claims[0].claimant) == "ukrainian"


def test_claimed_full_control_of_a_place(matcher):
    text = "The Russian military claimed full control of Bakhmut on May 20, which Kyiv denied."
    claims = claims_of(text, matcher)
    # The claim, and Kyiv's denial of it (see test_a_claim_the_other_side_denied).
    assert sorted(c.certainty for c in claims) == ["claimed", "denied"]
    claim = only([c for c in claims if c.certainty == "claimed"], "Bakhmut")
    assert (claim.status, claim.event, claim.date.start) == (
        "russian",
        "captured",
        dt.date(2022, 5, 20),
    )


def test_a_list_whose_items_each_have_their_oblast(matcher):
    text = (
        "Russia said it had captured Ivanivske in the Donetsk region and Kurylivka in the "
        "Kharkiv region."
    )
    claims = claims_of(text, matcher)
    assert {(c.entry.name, c.status) for c in claims} == {
        ("Ivanivske", "russian"),
        ("Kurylivka", "russian"),
    }


@pytest.mark.parametrize(
    ("sentence", "name", "status", "side"),
    [
        (
            '"Our guys are still in Bakhmut," Ukrainian commander Oleksandr Syrskyi said.',
            "Bakhmut",
            "ukrainian",
            "ukrainian",
        ),
        (
            "Vladimir Saldo, the Russian-installed governor, said the Ukrainians had been "
            "driven from Krynky.",
            "Krynky",
            "russian",
            "russian",
        ),
        (
            "The Russians were shelling Kupiansk on Sunday night, the local administration said.",
            "Kupiansk",
            "",
            "ukrainian",
        ),
    ],
)
def test_still_in_a_place_driven_from_it_and_a_local_administration(
    matcher, sentence, name, status, side
):
    claim = only(claims_of(sentence, matcher), name)
    assert (claim.status, claimant_side(claim.claimant)) == (status, side)


def test_a_dateline_of_two_cities_carries_no_claim(matcher):
    text = "DNIPRO/KYIV, March 4 (Reuters) - Russia said it had captured Avdiivka on Saturday."
    assert [c.entry.name for c in claims_of(text, matcher)] == ["Avdiivka"]


@pytest.mark.parametrize(
    "sentence, name",
    [
        ("Russian troops tried and failed to storm Sumy in the first week.", "Sumy"),
        ("The enemy had failed to secure a foothold at Krynky, the navy said.", "Krynky"),
        (
            "Russian units tried to cross the river near Bilohorivka and were stopped.",
            "Bilohorivka",
        ),
        ("The enemy has been halted on the Kupiansk axis, a spokesman said.", "Kupiansk"),
        ("Ukrainian forces stopped the Russian push near Vovchansk.", "Vovchansk"),
    ],
)
def test_an_attack_that_failed_or_was_stopped_is_repelled(matcher, sentence, name):
    claim = only(claims_of(sentence, matcher), name)
    assert (claim.status, claim.event) == ("", "repelled")


@pytest.mark.parametrize(
    "sentence",
    [
        # A failure to take a place tells only what did not happen; a stop to come is none.
        "Russian forces failed to take Avdiivka in the autumn.",
        "Russian troops will be stopped before Zaporizhzhia, the general said.",
        "If the enemy fails to storm Kurakhove, it would turn north.",
    ],
)
def test_a_failure_to_take_and_a_stop_to_come_are_no_claims(matcher, sentence):
    assert claims_of(sentence, matcher) == []


@pytest.mark.parametrize(
    "sentence, name, status, event",
    [
        # Falling back from a place is leaving it, not its fall.
        ("Russian troops had fallen back from Snihurivka.", "Snihurivka", "ukrainian", "withdrew"),
        ("Ukrainian units fell back from Avdiivka overnight.", "Avdiivka", "russian", "withdrew"),
        ("Ukrainian forces have reentered Bucha, officials said.", "Bucha", "ukrainian", "entered"),
        ("Ukrainian troops re-entered Vovchansk.", "Vovchansk", "ukrainian", "entered"),
        # Clearing a place takes it; still clearing it, not yet.
        ("Russian forces cleared Marinka of Ukrainian units.", "Marinka", "russian", "captured"),
        ("Ukrainian soldiers are still clearing Balakliia.", "Balakliia", "contested", "fighting"),
        # The side named is gone: the other side holds the place.
        (
            "There are no Russian troops left in Irpin, the mayor said.",
            "Irpin",
            "ukrainian",
            "withdrew",
        ),
        ("Russian troops controlled most of Vuhledar.", "Vuhledar", "russian", "held"),
        # Almost all of a place left: a part is still the leaver's.
        (
            "Russian forces pulled back from almost all of the Kherson region.",
            "Kherson region",
            "contested",
            "withdrew",
        ),
        ("Ukrainian tanks broke through towards Tokmak.", "Tokmak", "contested", "fighting"),
        (
            "The Pokrovsk direction has become one of the hottest.",
            "Pokrovsk",
            "contested",
            "fighting",
        ),
        # Assaults on a place tell an attack, not who holds it.
        ("Russian forces stepped up assaults on Chasiv Yar.", "Chasiv Yar", "", "attacked"),
        ("Vuhledar has been under assault for months.", "Vuhledar", "", "attacked"),
    ],
)
def test_wordings_of_leaving_clearing_and_holding(matcher, sentence, name, status, event):
    claim = only(claims_of(sentence, matcher), name)
    assert (claim.status, claim.event) == (status, event)


def test_leaving_a_place_without_power_is_no_withdrawal(matcher):
    claims = claims_of(
        "Missiles hit the grid, leaving Sumy and Poltava without electricity.", matcher
    )
    assert not [c for c in claims if c.event == "withdrew"]


def test_a_sides_adjective_before_a_plural_reaches_each_place_of_its_list(matcher):
    claims = claims_of(
        "Shelling hit the Russian-held towns of Kreminna, Svatove and Rubizhne.", matcher
    )
    assert {c.entry.name: c.status for c in claims} == {
        "Kreminna": "russian",
        "Svatove": "russian",
        "Rubizhne": "russian",
    }
    # Without a plural it is of the name right after it only.
    claims = claims_of("Russian-held Horlivka and Bakhmut were shelled.", matcher)
    assert only(claims, "Horlivka").status == "russian"
    assert only(claims, "Bakhmut").status == ""


@pytest.mark.parametrize(
    "sentence, name, status, event",
    [
        ("Russian units were pushing towards Siversk but were halted.", "Siversk", "", "repelled"),
        (
            "Russian units were pushing towards Siversk and took Bilohorivka.",
            "Siversk",
            "contested",
            "fighting",
        ),
        ("Russian forces captured Soledar but were stopped.", "Soledar", "russian", "captured"),
    ],
)
def test_an_attack_stopped_right_after_is_repelled(matcher, sentence, name, status, event):
    claim = only(claims_of(sentence, matcher), name)
    assert (claim.status, claim.event) == (status, event)


@pytest.mark.parametrize(
    "sentence, name, status",
    [
        ("Ukrainian officials said the siege of Sumy was over.", "Sumy", "ukrainian"),
        ("Russia's siege of Kharkiv was lifted in May.", "Kharkiv", "ukrainian"),
        ("Ukrainian troops broke the siege of Izium.", "Izium", "ukrainian"),
    ],
)
def test_a_siege_that_ended(matcher, sentence, name, status):
    claim = only(claims_of(sentence, matcher), name)
    assert (claim.status, claim.event) == (status, "held")


@pytest.mark.parametrize(
    "sentence",
    [
        "The siege of Mariupol lasted months.",
        "If the siege of Sumy is lifted, aid would arrive.",
        "Officials said the siege of Sumy would soon be over.",
    ],
)
def test_a_siege_that_goes_on_or_may_end_is_no_claim(matcher, sentence):
    assert claims_of(sentence, matcher) == []


@pytest.mark.parametrize(
    "sentence, claims",
    [
        ("Russian troops used Kreminna as a staging ground for assaults on Lyman.", []),
        ("Svatove was a base for the Russian advance on Kupiansk.", []),
        # A base named after the advance does not make it a purpose.
        (
            "Russian troops advanced on Sloviansk from their base in Izium.",
            [("Sloviansk", "contested")],
        ),
    ],
)
def test_what_a_place_served_as_a_base_for_is_no_claim(matcher, sentence, claims):
    assert [(c.entry.name, c.status) for c in claims_of(sentence, matcher)] == claims


def test_a_cue_naming_its_side_goes_on_about_the_place_named_before(matcher):
    text = 'Soldiers filmed Balakliia. "Balakliia. The flag of Ukraine is back," one said.'
    assert [(c.entry.name, c.status, c.event) for c in claims_of(text, matcher)] == [
        ("Balakliia", "ukrainian", "entered")
    ]
    # With two places before it, it is about neither.
    text = 'Soldiers filmed Izium and Balakliia. "The flag of Ukraine is back," one said.'
    assert claims_of(text, matcher) == []


@pytest.mark.parametrize(
    "sentence, name, event",
    [
        ("Ukrainian troops repelled 9 Russian attacks near Kurakhove.", "Kurakhove", "repelled"),
        ("Russian assaults near Siversk have intensified.", "Siversk", "attacked"),
    ],
)
def test_counted_attacks_repelled_and_assaults_near_a_place(matcher, sentence, name, event):
    claim = only(claims_of(sentence, matcher), name)
    assert (claim.status, claim.event) == ("", event)


def test_a_claim_the_other_side_denied(matcher):
    text = "Russian war bloggers said Russian troops had entered Vovchansk, a claim Ukraine denied."
    claims = [c for c in claims_of(text, matcher) if c.entry.name == "Vovchansk"]
    denied = [c for c in claims if c.certainty == "denied"]
    assert len(claims) == 2 and len(denied) == 1
    assert denied[0].quote == "a claim Ukraine denied"
    assert denied[0].status == "contested" and claimant_side(denied[0].claimant) == "ukrainian"


def test_claims_that_officials_rejected_answer_every_place(matcher):
    text = (
        "Russia's Defense Ministry said its forces had captured Robotyne and Verbove, "
        "claims that Ukrainian officials rejected."
    )
    denied = [c for c in claims_of(text, matcher) if c.certainty == "denied"]
    assert sorted(c.entry.name for c in denied) == ["Robotyne", "Verbove"]
    assert {c.quote for c in denied} == {"claims that Ukrainian officials rejected"}


def test_which_the_other_side_did_not_confirm(matcher):
    text = (
        "Pro-Russian bloggers said Russian units had entered Krynky, which Ukraine did not confirm."
    )
    denied = [c for c in claims_of(text, matcher) if c.certainty == "denied"]
    assert [(c.entry.name, c.quote) for c in denied] == [
        ("Krynky", "which Ukraine did not confirm")
    ]


def test_a_denial_sentence_answers_the_claims_before_it(matcher):
    text = (
        "Russia's Defense Ministry said on Monday that its troops had captured Robotyne. "
        "It also announced the capture of Verbove. "
        "Ukraine's military has not confirmed the loss of either village."
    )
    denied = [c for c in claims_of(text, matcher) if c.certainty == "denied"]
    assert sorted(c.entry.name for c in denied) == ["Robotyne", "Verbove"]
    assert all(c.status == "russian" and claimant_side(c.claimant) == "ukrainian" for c in denied)


def test_a_denial_answers_no_shelling_nor_its_own_side_nor_a_neutral_doubt(matcher):
    for text in (
        "Russia's Defense Ministry said its troops had shelled Kupiansk, a claim Ukraine denied.",
        "Russian forces shelled Kupiansk on Monday. Ukraine has not confirmed the losses.",
        "Ukraine's General Staff said its forces had retaken Klishchiivka, a claim Ukraine denied.",
        "Russia said it had captured Avdiivka. Reuters could not confirm the claims.",
    ):
        assert not [c for c in claims_of(text, matcher) if c.certainty == "denied"], text


def test_a_denial_after_but_or_in_the_passive(matcher):
    for text, quote in (
        (
            "Russia said its forces had captured Vovchansk, but Ukraine denied it.",
            "Ukraine denied it",
        ),
        (
            "Russia said its forces had captured Vovchansk, a claim denied by Ukraine's army.",
            "a claim denied by Ukraine's army",
        ),
        (
            "Russia's Defense Ministry said its troops had captured Vovchansk. Ukrainian "
            "officials denied the Russian ministry's claims.",
            "Ukrainian officials denied the Russian ministry's claims",
        ),
    ):
        denied = [c for c in claims_of(text, matcher) if c.certainty == "denied"]
        assert [(c.entry.name, c.quote) for c in denied] == [("Vovchansk", quote)], text
        assert claimant_side(denied[0].claimant) == "ukrainian"


def test_a_denial_with_a_clause_of_its_own_is_not_a_denial_of_the_claim_before(matcher):
    text = (
        "Russia said it had captured Krynky, but Ukraine denied that Russian troops had "
        "crossed the river."
    )
    assert not [c for c in claims_of(text, matcher) if c.certainty == "denied"]


def test_what_a_side_says_after_its_denial_is_its_claim(matcher):
    text = (
        "Luhansk governor Serhiy Haidai did not confirm the loss of the town, saying fighting "
        "had moved to the outskirts of Rubizhne."
    )
    claim = only(claims_of(text, matcher), "Rubizhne")
    assert (claim.status, claim.certainty) == ("contested", "claimed")


def test_a_denial_of_the_other_sides_claims_by_name(matcher):
    text = (
        "Russia's Defense Ministry said its troops had captured Vovchansk. "
        "Kyiv rejected Moscow's claims."
    )
    denied = [c for c in claims_of(text, matcher) if c.certainty == "denied"]
    assert [(c.entry.name, c.quote) for c in denied] == [
        ("Vovchansk", "Kyiv rejected Moscow's claims")
    ]


def test_a_relative_clause_after_an_apposition_is_about_its_name_only(matcher):
    text = (
        "Its forces were advancing from Balakliia, a town that Moscow says it captured last "
        "week, towards Sloviansk."
    )
    claims = claims_of(text, matcher)
    assert only(claims, "Balakliia").status == "russian"
    assert not [c for c in claims if c.entry.name == "Sloviansk" and c.status == "russian"]


def test_a_hold_kept_since_a_time_is_the_holders(matcher):
    text = (
        "The villages lie south of Velyka Novosilka, a town that Ukrainian troops have held "
        "since the first days of the war."
    )
    held = only(claims_of(text, matcher), "Velyka Novosilka")
    assert (held.status, held.event, held.certainty) == ("ukrainian", "held", "confirmed")


def test_an_attempt_going_on_is_an_attack_or_a_fight(matcher):
    storm = only(
        claims_of("The enemy keeps trying to storm Chasiv Yar, a spokesman said.", matcher),
        "Chasiv Yar",
    )
    assert (storm.status, storm.event) == ("", "attacked")
    retake = only(
        claims_of("Russia is trying to retake Kupiansk, the commander said.", matcher), "Kupiansk"
    )
    assert (retake.status, retake.event) == ("", "attacked")
    advance = only(
        claims_of("Russian units were trying to advance on Toretsk on Monday.", matcher), "Toretsk"
    )
    assert (advance.status, advance.event) == ("contested", "fighting")
    # A future or a wish is still none.
    assert not claims_of("Russia would try to take Kupiansk next.", matcher)
    assert not claims_of("Russian troops will try to storm Chasiv Yar, analysts said.", matcher)


@pytest.mark.parametrize(
    ("text", "status"),
    [
        ("Russian troops entered Chasiv Yar on Tuesday, the governor said.", "contested"),
        ("Russian assault units had broken into Toretsk by the evening.", "contested"),
        ("Ukrainian soldiers entered Kupiansk on Saturday, the army said.", "ukrainian"),
        ("Ukrainian units had broken into Robotyne, the brigade said.", "ukrainian"),
        # Of a place the report has already told is Russia's, the entry is that capture's.
        (
            "Russian forces took full control of Lysychansk on Sunday. The governor said the "
            "Russians had razed most of the city before they entered it.",
            "russian",
        ),
    ],
)
def test_the_invaders_entry_is_a_fight_for_the_place(matcher, text, status):
    claims = claims_of(text, matcher)
    assert [c.status for c in claims if c.event == "entered"] == [status], [
        (c.quote, c.status, c.event) for c in claims
    ]


@pytest.mark.parametrize(
    ("text", "name", "status", "event"),
    [
        # "it" the object of a change: the one settlement named before in the sentence.
        (
            "The governor said Russian troops had pulled out of Kupiansk, and Ukrainian "
            "units entered it on Friday.",
            "Kupiansk",
            "ukrainian",
            "entered",
        ),
        (
            "Russian forces broke into Toretsk in June and have since captured most of it.",
            "Toretsk",
            "russian",
            "captured",
        ),
        # "there" where a strike or a fight is: the settlement of the sentence before.
        (
            "Pokrovsk has been shelled for weeks. Russian strikes damaged a school there "
            "on Tuesday.",
            "Pokrovsk",
            "",
            "struck",
        ),
        (
            "Russian troops gained a foothold in Vovchansk. The General Staff said the enemy "
            'had "partial success" there.',
            "Vovchansk",
            "contested",
            "fighting",
        ),
    ],
)
def test_a_pronoun_a_cue_takes_for_its_object_is_the_place_named_before(
    matcher, text, name, status, event
):
    claims = [c for c in claims_of(text, matcher) if c.mention in ("it", "there")]
    assert [(c.entry.name, c.status, c.event) for c in claims] == [(name, status, event)], [
        (c.mention, c.quote, c.status, c.event) for c in claims_of(text, matcher)
    ]


@pytest.mark.parametrize(
    "text",
    [
        # A change "there" is of positions there; "there is" opens a clause of its own.
        "Russian troops reached Ocheretyne after a Ukrainian brigade abandoned its positions "
        "there.",
        "Russian troops were shelling Huliaipole, and there was no power in the town.",
        "Ukrainian forces defended Avdiivka. It was the hardest fight of the year.",
    ],
)
def test_a_pronoun_that_is_no_cues_object_is_no_place(matcher, text):
    assert [c.mention for c in claims_of(text, matcher) if c.mention in ("it", "there")] == []


def test_a_which_clause_after_a_name_is_a_claim_of_its_own_on_that_name(matcher):
    text = (
        "Russian artillery shelled Lyman, which Ukrainian troops retook in August, and villages "
        "to its north."
    )
    claims = [c for c in claims_of(text, matcher) if c.entry.name == "Lyman"]
    shelled = next(c for c in claims if c.event == "shelled")
    retaken = next(c for c in claims if c.event == "recaptured")
    assert (shelled.status, shelled.date.start) == ("", SUNDAY)
    assert (retaken.status, retaken.certainty, retaken.quote) == (
        "ukrainian",
        "confirmed",
        "which Ukrainian troops retook in August",
    )
    assert retaken.date.start == dt.date(2022, 8, 1)


def test_a_which_clause_does_not_give_its_status_to_the_places_around_it(matcher):
    text = (
        "Its forces were advancing from Balakliia, which Moscow says it captured last week, "
        "towards Kupiansk."
    )
    claims = claims_of(text, matcher)
    taken = only(claims, "Balakliia")
    assert (taken.status, taken.certainty, taken.claimant) == ("russian", "claimed", "Moscow")
    assert not [c for c in claims if c.entry.name == "Kupiansk" and c.status == "russian"]
    text = "Heavy fighting went on in Marinka, which Russia said it had taken in December."
    assert {c.status for c in claims_of(text, matcher) if c.entry.name == "Marinka"} == {
        "contested",
        "russian",
    }


def test_a_which_clause_told_after_a_source_is_that_sources_claim(matcher):
    text = (
        "Fighting went on near Bucha and Makariv, which Ukrainian forces retook on March 22, "
        "according to the General Staff."
    )
    claims = [c for c in claims_of(text, matcher) if c.entry.name == "Makariv"]
    retaken = next(c for c in claims if c.event == "recaptured")
    assert (retaken.certainty, retaken.claimant) == ("claimed", "the General Staff")
    assert all(c.date.start == SUNDAY for c in claims if c.event != "recaptured")


def test_a_hold_since_a_time_is_dated_the_day_of_the_report(matcher):
    text = "Ukrainian troops have held Vuhledar since the start of the invasion."
    held = only(claims_of(text, matcher), "Vuhledar")
    assert (held.status, held.event) == ("ukrainian", "held")
    assert (held.date.start, held.date.end, held.date.precision) == (SUNDAY, SUNDAY, "day")
    text = (
        "The villages lie south of Orikhiv, a town that Ukrainian troops have held since "
        "March 2022."
    )
    held = only(claims_of(text, matcher), "Orikhiv")
    assert (held.status, held.date.start, held.date.end) == ("ukrainian", SUNDAY, SUNDAY)


def test_a_change_in_a_participle_after_after_is_of_the_town_named_before(matcher):
    text = (
        "Ukrainian units have left two villages east of Kupiansk, as Russian forces keep up "
        "their attacks after capturing the town in August."
    )
    taken = next(c for c in claims_of(text, matcher) if c.mention == "the town")
    assert (taken.entry.name, taken.status, taken.event) == ("Kupiansk", "russian", "captured")
    assert taken.date.start == dt.date(2022, 8, 1)
