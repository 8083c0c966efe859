"""Who makes a claim and how sure it is: speakers named by their office, a speaker named after
the clause, a body named before, and a side's refusal to confirm."""

from __future__ import annotations

import datetime as dt

import pytest

from frontline.news.extract import Candidate, claimant_side, extract_claims
from frontline.news.geoparse import cached_matcher, find_mentions
from frontline.news.speech import drop_relative_clause, phrase_side

DAY = dt.date(2024, 3, 5)


@pytest.fixture(scope="module")
def matcher():
    return cached_matcher()


def claims_of(text: str, matcher) -> list[Candidate]:
    return extract_claims(text, find_mentions(text, matcher), DAY, outlet="Reuters")


def only(claims: list[Candidate], name: str) -> Candidate:
    found = [c for c in claims if c.entry.name == name]
    assert len(found) == 1, [(c.entry.name, c.quote) for c in claims]
    return found[0]


# --- a speaker named by the office of a side ----------------------------------------------------


@pytest.mark.parametrize(
    ("text", "name", "side"),
    [
        # The office before the name: "A spokesman for Ukraine's forces, <name>, said".
        (
            "A spokeswoman for Ukraine's eastern command, Iryna Marchuk, said Russian troops "
            "had entered Toretsk.",
            "Toretsk",
            "ukrainian",
        ),
        (
            "The spokesman for Russia's southern group of forces, Pavel Orlov, said fighting "
            "went on in Kurakhove.",
            "Kurakhove",
            "russian",
        ),
        # A governor or mayor named with the place they govern, no side word: Ukraine's.
        (
            "Russian drones hit Kramatorsk overnight, the city's mayor Oleksandr Petrenko said.",
            "Kramatorsk",
            "ukrainian",
        ),
        (
            "Russian missiles struck Nikopol on Monday, Dnipropetrovsk governor Serhii Lysenko "
            "said.",
            "Nikopol",
            "ukrainian",
        ),
        (
            "The governor of the Kherson region, Oleksandr Tkach, said Russian forces had "
            "shelled Beryslav.",
            "Beryslav",
            "ukrainian",
        ),
        # A Russian appointee is named so.
        (
            "Ukrainian forces have left Krynky, the occupation governor Ivan Kolosov said.",
            "Krynky",
            "russian",
        ),
    ],
)
def test_a_speaker_named_by_an_office_of_a_side(matcher, text, name, side):
    claim = only(claims_of(text, matcher), name)
    assert claimant_side(claim.claimant) == side, claim.claimant


@pytest.mark.parametrize(
    ("phrase", "side"),
    [
        ("Kharkiv governor Petro Ivanenko", "ukrainian"),
        ("the town's mayor", "ukrainian"),
        ("Belgorod governor Igor Smirnov", "russian"),
        ("the Kursk regional governor", "russian"),
        ("the governor of the Bryansk region", "russian"),
        ("the Moscow-installed mayor", "russian"),
        # "The governor" alone is someone named before, of no side of its own.
        ("The governor", None),
    ],
)
def test_the_side_of_a_governor_or_mayor(phrase, side):
    assert phrase_side(phrase) == side


def test_a_speaker_named_after_a_quotation_keeps_the_office_after_the_name(matcher):
    text = (
        '"They attack in small groups every day," said Taras Bondar, a spokesman for the '
        "ground forces. Ukrainian troops had also repelled attacks near Kupiansk, he said."
    )
    claim = only(claims_of(text, matcher), "Kupiansk")
    assert claim.claimant == "Taras Bondar, a spokesman for the ground forces"
    assert claimant_side(claim.claimant) == "ukrainian"


# --- a relative clause with a subject of its own ------------------------------------------------


@pytest.mark.parametrize(
    ("phrase", "subject"),
    [
        ("A soldier, who asked not to be named,", "A soldier"),
        ("Russia's defence ministry, which", "Russia's defence ministry"),
        # The verb after it is the relative clause's: its subject says so.
        ("the town, which it", "it"),
        ("the village, which Moscow", "Moscow"),
        ("the settlement, which the separatists", "the separatists"),
    ],
)
def test_a_relative_clause_before_a_reporting_verb(phrase, subject):
    assert drop_relative_clause(phrase) == subject


def test_a_place_a_relative_clause_names_is_no_speaker(matcher):
    text = (
        "Russia's defence ministry said on Monday its troops had advanced near Pokrovsk. The "
        'ministry said its forces had "liberated" Selydove, which it called Selidovo, and '
        "entered the town of Kurakhove."
    )
    claims = claims_of(text, matcher)
    for name in ("Selydove", "Kurakhove"):
        claim = only(claims, name)
        assert claimant_side(claim.claimant) == "russian", claim.claimant


# --- a claim whose speaker comes after it, or gives an order ------------------------------------


@pytest.mark.parametrize(
    ("text", "name", "side"),
    [
        # A side that admits a loss claims it.
        (
            "Russian forces have pushed into Pervomaiske, a Ukrainian army spokesman "
            "acknowledged on Friday.",
            "Pervomaiske",
            "ukrainian",
        ),
        (
            "Ukrainian troops had retreated from Berdychi, the commander of the 47th brigade "
            "conceded.",
            "Berdychi",
            "ukrainian",
        ),
        # A speaker of no side, no one named before: the one of the capital of the dateline.
        (
            "KYIV, May 3 (Reuters) - Russian forces have entered Semenivka, a military "
            "spokesman said.",
            "Semenivka",
            "ukrainian",
        ),
        (
            "MOSCOW, May 3 (Reuters) - Russian troops have taken Semenivka, an official said.",
            "Semenivka",
            "russian",
        ),
        # No dateline: someone else's word, not the report's own.
        ("Russian forces have entered Semenivka, an official said.", "Semenivka", "other"),
        # A side's order, made known by that side, is its claim.
        (
            "Ukraine's top commander on Friday ordered the withdrawal of troops from Avdiivka, "
            "citing the threat of encirclement.",
            "Avdiivka",
            "ukrainian",
        ),
        (
            "The Kremlin ordered its forces to leave the west bank of the Dnipro and pull out "
            "of Kherson.",
            "Kherson",
            "russian",
        ),
    ],
)
def test_a_speaker_after_the_claim_or_a_side_s_order(matcher, text, name, side):
    claim = only(claims_of(text, matcher), name)
    assert (claimant_side(claim.claimant), claim.certainty) == (side, "claimed"), claim.claimant


def test_an_order_told_in_a_clause_of_its_own_is_the_report_s_account(matcher):
    text = (
        "Russian troops took Vuhledar in early October, after the Ukrainian command ordered its "
        "units out."
    )
    claim = only(claims_of(text, matcher), "Vuhledar")
    assert (claimant_side(claim.claimant), claim.certainty) == ("report", "confirmed")


# --- a side's refusal to confirm is its denial ---------------------------------------------------


@pytest.mark.parametrize(
    ("text", "name", "side"),
    [
        (
            "Kyiv has not confirmed that Russian troops entered Pervomaiske.",
            "Pervomaiske",
            "ukrainian",
        ),
        (
            "Russia's defence ministry did not confirm that its forces had left Krynky.",
            "Krynky",
            "russian",
        ),
        (
            "Ukraine's General Staff declined to confirm that Avdiivka had fallen.",
            "Avdiivka",
            "ukrainian",
        ),
        # "His office": the office of the person named before.
        (
            "Volodymyr Zelenskiy spoke of Bakhmut in the past tense on Sunday. His office later "
            "said he hadn't confirmed the city's fall.",
            "Bakhmut",
            "ukrainian",
        ),
    ],
)
def test_a_side_that_does_not_confirm_denies(matcher, text, name, side):
    claims = [c for c in claims_of(text, matcher) if c.entry.name == name]
    assert claims, text
    claim = claims[-1]
    assert (claim.certainty, claimant_side(claim.claimant)) == ("denied", side), claim.claimant


@pytest.mark.parametrize(
    "text",
    [
        # The report's own doubt, passive: not a side's denial.
        "Russia said it had captured Pervomaiske, which has not been confirmed.",
        "Russia said it had captured Pervomaiske, a claim that was not independently verified.",
        "Russian forces have captured Pervomaiske, it could not be confirmed.",
    ],
)
def test_what_has_not_been_confirmed_is_unconfirmed(matcher, text):
    claim = only(claims_of(text, matcher), "Pervomaiske")
    assert claim.certainty == "unconfirmed"


# --- whom a side's speaker calls liberated ------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "name", "status"),
    [
        (
            '"Pervomaiske was liberated after days of strikes on the enemy," the Russian defence '
            "ministry said.",
            "Pervomaiske",
            "russian",
        ),
        (
            "Russia's defence ministry said the liberation of Krasnohorivka had cost the enemy "
            "hundreds of Ukrainian soldiers.",
            "Krasnohorivka",
            "russian",
        ),
        (
            '"Klishchiivka is liberated, the occupiers have fled," a Ukrainian commander said.',
            "Klishchiivka",
            "ukrainian",
        ),
        # The report's own "liberated" is still Ukraine's.
        ("Ukraine liberated Izium in September 2022.", "Izium", "ukrainian"),
    ],
)
def test_liberated_by_the_speaker_s_side(matcher, text, name, status):
    claim = only(claims_of(text, matcher), name)
    assert (claim.event, claim.status) == ("liberated", status), claim.claimant


# --- a reporting verb of a clause of its own ----------------------------------------------------


def test_who_speaks_in_a_clause_of_another_event_does_not_claim_the_main_one(matcher):
    text = (
        "Russian forces captured Pervomaiske in the spring, where Ukrainian officials said no "
        "civilians remained."
    )
    claim = only(claims_of(text, matcher), "Pervomaiske")
    assert (claimant_side(claim.claimant), claim.certainty) == ("report", "confirmed")


def test_a_speaker_after_a_clause_of_another_event_claims_the_whole_sentence(matcher):
    text = (
        "Russian forces entered Pervomaiske, where fighting had raged for months, Ukraine's "
        "General Staff said."
    )
    claim = only(claims_of(text, matcher), "Pervomaiske")
    assert (claimant_side(claim.claimant), claim.certainty) == ("ukrainian", "claimed")


@pytest.mark.parametrize(
    ("text", "name", "side"),
    [
        (
            "Russia said on Monday it had taken Marinka. Kyiv denied the capture.",
            "Marinka",
            "ukrainian",
        ),
        (
            "Russian troops said they had entered Pervomaiske. The Ukrainian military has not "
            "confirmed the loss.",
            "Pervomaiske",
            "ukrainian",
        ),
        (
            "Ukrainian forces said they had pushed the Russians out of Robotyne. Russia's "
            "defence ministry did not confirm the loss.",
            "Robotyne",
            "russian",
        ),
    ],
)
def test_a_change_a_noun_alone_names_is_of_the_place_named_before(matcher, text, name, side):
    claim = [c for c in claims_of(text, matcher) if c.entry.name == name][-1]
    assert claim.quote.startswith(text.split(". ")[1][:12]), claim.quote
    assert (claim.certainty, claimant_side(claim.claimant)) == ("denied", side)
    assert claim.status == ("russian" if side == "ukrainian" else "ukrainian")


@pytest.mark.parametrize(
    "text",
    [
        "Russian forces shelled Kupiansk in the fall. The loss of life was heavy.",
        # No place named before.
        "Ukraine denied the loss. Russian forces shelled Kupiansk.",
    ],
)
def test_a_noun_of_change_not_said_of_a_place_is_no_claim(matcher, text):
    assert [c.event for c in claims_of(text, matcher)] in ([], ["shelled"])


def test_who_gives_an_order_is_named_without_its_day(matcher):
    text = "Ukraine's top commander on Friday ordered the withdrawal of troops from Avdiivka."
    assert only(claims_of(text, matcher), "Avdiivka").claimant == "Ukraine's top commander"


def test_a_speaker_of_neither_side_is_not_the_dateline_capital_s(matcher):
    text = "KYIV, May 3 (Reuters) - Russian forces have entered Semenivka, a Western official said."
    claim = only(claims_of(text, matcher), "Semenivka")
    assert claimant_side(claim.claimant) == "other", claim.claimant


def test_a_speaker_of_neither_side_is_not_the_speaker_named_before(matcher):
    text = (
        "Ukraine's General Staff said fighting went on near Bakhmut. Russian forces had "
        "entered Semenivka, a Western official said."
    )
    claim = only(claims_of(text, matcher), "Semenivka")
    assert claimant_side(claim.claimant) == "other", claim.claimant


@pytest.mark.parametrize(
    ("text", "name", "status", "side"),
    [
        (
            "Russia's defence minister appeared to acknowledge that Robotyne had been lost.",
            "Robotyne",
            "ukrainian",
            "russian",
        ),
        (
            "Oleksandr Syrskyi seemed to acknowledge on Monday that Avdiivka had been lost, "
            "speaking to soldiers near the front.",
            "Avdiivka",
            "russian",
            "ukrainian",
        ),
    ],
)
def test_a_side_that_appears_to_acknowledge_a_loss(matcher, text, name, status, side):
    claim = only(claims_of(text, matcher), name)
    assert (claim.status, claim.certainty, claimant_side(claim.claimant)) == (
        status,
        "unconfirmed",
        side,
    ), claim.claimant


@pytest.mark.parametrize(
    ("text", "side"),
    [
        # The outlet's own refusal is its doubt, and its own word.
        ("Russian forces entered Marinka on Monday, Reuters has not confirmed.", "report"),
        # Someone of neither side cannot deny: the claim stays unconfirmed.
        ("Military analysts did not confirm that Russian forces had entered Marinka.", "other"),
    ],
)
def test_a_refusal_by_no_side_is_doubt_not_denial(matcher, text, side):
    claim = only(claims_of(text, matcher), "Marinka")
    assert (claim.certainty, claimant_side(claim.claimant)) == ("unconfirmed", side)


def test_a_relative_clause_s_reporting_verb_is_not_the_sentence_s(matcher):
    text = (
        "Russia's defence ministry gave no details. Russian troops entered Pervomaiske, which "
        "they called Pervomayskoye, the ministry said."
    )
    claim = only(claims_of(text, matcher), "Pervomaiske")
    assert claimant_side(claim.claimant) == "russian", claim.claimant


@pytest.mark.parametrize(
    ("text", "side"),
    [
        # "The country's" is the country of the sentence's subject.
        ("Ukrainian troops have entered Vovchansk, the country's military said.", "ukrainian"),
        ("Russian troops have entered Vovchansk, the country's defence ministry said.", "russian"),
        # Local officials no side word names are the place's own.
        ("Fighting went on in Vovchansk, according to local officials.", "ukrainian"),
        ("Shelling hit Vovchansk overnight, Belgorod regional officials said.", "russian"),
        # Officials of no side in a report filed from a capital are the capital's.
        ("Kyiv, Ukraine (CNN) - Ukrainian troops entered Vovchansk, officials said.", "ukrainian"),
    ],
)
def test_a_speaker_whose_side_the_report_implies(matcher, text, side):
    claim = claims_of(text, matcher)[0]
    assert claimant_side(claim.claimant) == side, claim.claimant


def test_officials_of_no_side_without_a_capital_s_dateline_are_no_side_s(matcher):
    text = "Ukrainian troops entered Vovchansk, officials said."
    assert claimant_side(only(claims_of(text, matcher), "Vovchansk").claimant) == "other"


@pytest.mark.parametrize(
    ("text", "name", "status", "certainty", "side"),
    [
        # A side's adjective on the subject of what a speaker says is the speaker's word.
        (
            "Donetsk governor Vadym Filashkin said the night was calm. The Russian-held town "
            "of Vuhledar, to the south, was used for the attacks, he said.",
            "Vuhledar",
            "russian",
            "claimed",
            "ukrainian",
        ),
        # A plural adjective is of each place of its list.
        (
            "Shelling went on overnight, Donetsk governor Vadym Filashkin said, and the "
            "Ukrainian-held towns of Siversk and Lyman were under attack.",
            "Lyman",
            "ukrainian",
            "claimed",
            "ukrainian",
        ),
        # Where it only says where something happened, it is the report's own word.
        (
            "Shelling went on in Russian-occupied Horlivka, the governor of the Donetsk region "
            "said.",
            "Horlivka",
            "russian",
            "confirmed",
            "report",
        ),
    ],
)
def test_a_side_s_adjective_in_what_a_speaker_says(matcher, text, name, status, certainty, side):
    claim = only(claims_of(text, matcher), name)
    assert (claim.status, claim.certainty, claimant_side(claim.claimant)) == (
        status,
        certainty,
        side,
    ), claim.claimant


def test_a_speaker_named_with_a_long_office(matcher):
    text = (
        "Ivan Petrov, the Russian-installed head of the occupied parts of the region, said "
        "fighting went on near Kupiansk. Ukrainian troops had entered Svatove, he said."
    )
    assert claimant_side(only(claims_of(text, matcher), "Svatove").claimant) == "russian"


def test_a_relative_clause_s_own_speaker_claims_what_it_says(matcher):
    text = "Drones flew over Vuhledar, which Russia said it had captured in October."
    claim = only(claims_of(text, matcher), "Vuhledar")
    assert (claim.status, claim.certainty, claimant_side(claim.claimant)) == (
        "russian",
        "claimed",
        "russian",
    ), claim.claimant


def test_a_pronoun_of_a_relative_clause_is_no_speaker_of_its_own(matcher):
    text = (
        "Russia's defence ministry gave no details. Its forces entered Pervomaiske, which they "
        "said they had taken, the ministry said."
    )
    # The entry (contested) and the relative clause's capture are both the ministry's.
    claims = [c for c in claims_of(text, matcher) if c.entry.name == "Pervomaiske"]
    assert claims and {claimant_side(c.claimant) for c in claims} == {"russian"}, [
        (c.quote, c.claimant) for c in claims
    ]


@pytest.mark.parametrize(
    ("phrase", "side"),
    [
        # The office as a title before the name, or of the town named before.
        ("Governor Oleh Marchenko", "ukrainian"),
        ("Mayor Ivan Kovalenko", "ukrainian"),
        ("Petro Savchuk, its mayor", "ukrainian"),
    ],
)
def test_a_governor_or_mayor_named_by_title(phrase, side):
    assert phrase_side(phrase) == side


def test_a_mayor_named_before_his_name(matcher):
    text = (
        "Russian troops shelled Bakhmut. Its mayor, Petro Savchuk, said on Monday that "
        "Ukrainian troops had entered Soledar."
    )
    assert claimant_side(only(claims_of(text, matcher), "Soledar").claimant) == "ukrainian"


def test_a_day_before_it_is_the_body_named_before(matcher):
    text = (
        "The Russian Defence Ministry gave no details of its losses. On Sunday it claimed that "
        "its troops had repelled attacks near Robotyne."
    )
    assert claimant_side(only(claims_of(text, matcher), "Robotyne").claimant) == "russian"


def test_a_name_keeps_its_side_when_its_appositive_is_too_long(matcher):
    text = (
        "Ukrainian officials said their troops had advanced near Robotyne. Yevgeny Balitsky, the "
        "head of the Russian-installed administration in the occupied southern part of the "
        "region, said on Tuesday that fighting was still going on in Robotyne."
    )
    claims = [c for c in claims_of(text, matcher) if c.entry.name == "Robotyne"]
    last = claims[-1]
    assert last.claimant.startswith("Yevgeny Balitsky, the head of the Russian-installed")
    assert claimant_side(last.claimant) == "russian"


def test_a_speaker_s_relative_clause_without_a_comma_is_not_the_speaker(matcher):
    text = (
        'Ukrainian commanders say the pressure on the line is growing. "They attack near '
        'Avdiivka every day," said a battalion commander who goes by the call sign Grom.'
    )
    claim = only(claims_of(text, matcher), "Avdiivka")
    assert claim.claimant == "Ukrainian commanders"
    assert claimant_side(claim.claimant) == "ukrainian"


def test_say_is_a_reporting_verb(matcher):
    text = "Ukrainian officers say Russian troops are trying to storm Chasiv Yar."
    claim = only(claims_of(text, matcher), "Chasiv Yar")
    assert claim.claimant == "Ukrainian officers"
    assert claim.certainty == "claimed"


def test_a_background_clause_after_what_a_speaker_says_is_the_report_s(matcher):
    text = (
        "Russia's defence ministry claimed on Monday that its troops had captured Berdychi, as "
        "Russian forces step up their assault toward the town of Pokrovsk."
    )
    claims = claims_of(text, matcher)
    berdychi = only(claims, "Berdychi")
    assert claimant_side(berdychi.claimant) == "russian"
    pokrovsk = only(claims, "Pokrovsk")
    assert claimant_side(pokrovsk.claimant) == "report"
    assert pokrovsk.certainty == "confirmed"


def test_a_background_clause_before_the_reporting_verb_is_the_speaker_s(matcher):
    text = (
        "Russian troops captured Berdychi, as they pushed toward Pokrovsk, the ministry of "
        "defence in Moscow said."
    )
    pokrovsk = only(claims_of(text, matcher), "Pokrovsk")
    assert claimant_side(pokrovsk.claimant) == "russian"


def test_a_clause_joined_before_a_speaker_of_its_own_is_the_report_s(matcher):
    text = (
        "Russian drones have hit the Kharkiv region every night this month, and officials in "
        "Kharkiv said on Friday that power had been cut to several districts."
    )
    claim = only(claims_of(text, matcher), "Kharkiv region")
    assert claimant_side(claim.claimant) == "report"
    assert claim.certainty == "confirmed"


def test_what_a_speaker_says_before_and_is_still_the_speaker_s(matcher):
    text = (
        "Russian troops have entered Berdychi, the ministry of defence in Moscow said, and "
        "fighting went on near Pokrovsk."
    )
    claim = only(claims_of(text, matcher), "Berdychi")
    assert claimant_side(claim.claimant) == "russian"


def test_a_speaker_named_by_surname_is_the_one_named_in_full_before(matcher):
    text = (
        "Russian troops left the villages around the city, regional governor Ivan Fedko "
        'said. "There are no Russian soldiers left in Vovchansk," Fedko said on Sunday.'
    )
    claim = only(claims_of(text, matcher), "Vovchansk")
    assert claim.claimant == "regional governor Ivan Fedko"
    assert claimant_side(claim.claimant) == "ukrainian"
