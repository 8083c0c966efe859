"""What a language's lexicon holds: the control cues and the compiled patterns the reader
(frontline.news.extract) needs, so that a new language is a new module and nothing else."""

from __future__ import annotations

import re
from dataclasses import dataclass

UKRAINIAN, RUSSIAN, CONTESTED = "ukrainian", "russian", "contested"
# Inside a quotation, "we", "our" and "the enemy" are a side: the speaker's, or the other. The
# reader marks them in a copy of the text with these characters, one for each letter (so
# that offsets hold), and every lexicon's side pattern reads a run of them as that side.
SIDE_MARKERS = {UKRAINIAN: "\u1d41", RUSSIAN: "\u1d3f"}  # ᵁ, ᴿ: word characters


@dataclass(frozen=True)
class Cue:
    event: str
    pattern: str
    # How the acting side gives the status: "actor" (who entered holds it), "other" (who
    # withdrew lost it), "passive" (who "was forced out" lost it, to the side "by" whom),
    # "object" (the side a cue names inside it, "forced Ukrainian troops out", lost it; else
    # the actor holds it), "lost" (as "other", but with no side named a fall's: "Bakhmut had
    # been lost"), "entry" (as "actor", but the invader's entry is contested), or a fixed
    # status (NO_STATUS for events that state no control).
    status_from: str


@dataclass(frozen=True, eq=False)  # hashed by identity: the reader caches per lexicon
class Lexicon:
    language: str
    side: re.Pattern[str]  # named groups "ukrainian" and "russian"
    pronoun_side: re.Pattern[str]  # "by its artillery": the side named before
    cues: tuple[tuple[Cue, re.Pattern[str]], ...]  # in the order they are tried
    unverified: re.Pattern[str]  # the report's own doubt
    certainty: tuple[tuple[str, re.Pattern[str]], ...]  # strongest first
    negation: re.Pattern[str]  # before a cue: "had not entered"
    hypothetical: re.Pattern[str]  # "would", "trying to"
    reporting: re.Pattern[str]  # reporting verbs
    subject_stop: re.Pattern[str]  # where a reporting verb's subject begins
    after_quote: re.Pattern[str]  # '," said X'
    according_to: re.Pattern[str]
    leading_filler: re.Pattern[str]  # "But", "Meanwhile" before a subject
    anaphor: re.Pattern[str]  # "the town" without a name
    list_gap: re.Pattern[str]  # between places of one list
    goal_before: re.Pattern[str]  # "on the way to"
    cue_gap: re.Pattern[str]  # between a place and its cue: "was finally"
    apposition: re.Pattern[str]  # ", a" after a name
    subordinate: re.Pattern[str]  # where a clause of its own begins: "since Ukraine retook"
    other_event: re.Pattern[str]  # such a clause that tells another event: "since", "where"
    passive_by: re.Pattern[str]  # after a passive cue: "by"
    by: re.Pattern[str]
    fell_to: re.Pattern[str]
    alternative: re.Pattern[str]  # "or"
    name: re.Pattern[str]  # a capitalised name of up to three words
    pronouns: frozenset[str]  # subjects that name no claimant
    # Quoted speech (frontline.news.speech): who speaks, and the words that are a side there.
    speaker_after: re.Pattern[str]  # '," the official said' after a closing quotation mark
    speaker_before: re.Pattern[str]  # 'X told Reuters: ' before an opening one
    first_person: re.Pattern[str]  # "we", "our": the speaker's side
    enemy: re.Pattern[str]  # "the enemy": the other side
    people_sides: dict[str, str]  # the side of people named alone ("Shoigu")
    anonymous_speaker: re.Pattern[str]  # "he", "the official": someone named before
    # Finding places (frontline.news.geoparse, frontline.news.roles):
    stop_words: frozenset[str]  # capitalised words that are never a place alone
    people: frozenset[str]  # people named alone
    titles: frozenset[str]  # words before a person's name
    institution_words: frozenset[str]  # "Republic", "Plant": a name after a place, no person
    metonymy_after: re.Pattern[str]  # "Kyiv's troops", "Kyiv insisted"
    locator_gap: re.Pattern[str]  # "Lyman in the Donetsk region"
    locator_before: re.Pattern[str]  # "villages in the Kherson region"
    office_before: re.Pattern[str]  # "the governor of"
    office_after: re.Pattern[str]  # "Donetsk leader", "Kherson officials"
    rivers: frozenset[str]  # rivers that share a settlement's name
    river_before: re.Pattern[str]
    river_after: re.Pattern[str]
    not_a_settlement_before: re.Pattern[str]  # "the Sea of"
    not_a_settlement_after: re.Pattern[str]  # "Sloboda Ukraine"
    shared_region: re.Pattern[str]  # "the Donetsk and Luhansk regions"
    list_join: re.Pattern[str]  # "A, B and C"
    list_close: re.Pattern[str]  # "... in the Donetsk Oblast"
    governments_after: re.Pattern[str]  # "Kyiv and Moscow"
    governments_before: re.Pattern[str]
    # A sentence that opens with a participle, its subject left out ("Recaptured by Ukraine
    # 8 September."): it goes on about the place of the sentence before.
    elliptic: re.Pattern[str]
    # Speakers whose side no side word names: the capital that speaks for a government
    # ("Kyiv said"), an army's own bodies ("the General Staff said"); named groups as in side.
    speaker_side: re.Pattern[str] | None = None
    # Who a passive report names: "was confirmed by the General Staff" (group 1).
    passive_report: re.Pattern[str] | None = None
    # A body that speaks, named at a sentence's start whatever its verb ("Russia's defence
    # ministry did not comment"), and one left unnamed ("the ministry said", "it said"): the
    # latter is the last such body, or speaker, named before.
    named_body: re.Pattern[str] | None = None
    unnamed_body: re.Pattern[str] | None = None
    # A dateline of a side's capital ("KYIV, Oct 2 (Reuters) -"); named groups as in side.
    dateline_side: re.Pattern[str] | None = None
    # A part of a place the cue is about ("withdrew from a district on the eastern edge of X",
    # "holding positions in X", "X's outskirts"): neither side holds all of it.
    part_before: re.Pattern[str] | None = None  # ends right before the name
    part_after: re.Pattern[str] | None = None  # right after it
    # A side's order, which it makes known: "Shoigu ordered the withdrawal from Kherson".
    order: re.Pattern[str] | None = None
    # A refusal to confirm ("did not confirm"): a side's denial, anyone else's doubt.
    refusal: re.Pattern[str] | None = None
    # A speaker of neither side: "a Western official", "a NATO diplomat".
    foreign: re.Pattern[str] | None = None
    # A change named by a noun alone, of the place named before: "did not confirm the loss".
    event_noun: re.Pattern[str] | None = None
    # A side's denial of the claim just told, with no place of its own: ", a claim Ukraine
    # denied", ", which Kyiv did not confirm" (after a claim in its sentence), "Ukrainian
    # officials have not confirmed the losses" (a sentence of its own, after the claims);
    # group "who" names the side.
    denial_after: re.Pattern[str] | None = None
    # After a denial, the speaker's own words: "did not confirm the loss, saying fighting had
    # moved to its outskirts" is a claim of the fighting, not a denial of it.
    own_words: re.Pattern[str] | None = None
    denial_sentence: re.Pattern[str] | None = None
    # After a name that is an oblast's, its governor or a regional body: "Donetsk governor",
    # "the Kharkiv regional administration".
    oblast_office_after: re.Pattern[str] | None = None
    # Between a place and another in its apposition that only says where it is: "Pisky, a
    # village on the outskirts of" Donetsk, "X, a settlement north of" Kharkiv.
    place_locator_gap: re.Pattern[str] | None = None
    # A town after a compass direction with a nearer place right after it: "north of"
    # Kharkiv "near the village of" Lyptsi only says where Lyptsi is.
    compass_before: re.Pattern[str] | None = None
    compass_landmark_gap: re.Pattern[str] | None = None
    # Words that begin a phrase of their own in a speaker's appositive ("a member of the
    # administration in the occupied part"): where one too long to keep whole is cut.
    appositive_links: frozenset[str] = frozenset()
    # A relative clause right after a speaker's noun, no comma between ("a commander who goes
    # by the call sign X"): it tells of the speaker, who is the noun before it.
    speaker_relative: re.Pattern[str] | None = None
    # A clause of the report's own background after what a speaker says: "Russia said it had
    # taken X, as its forces press toward Y" (its start, comma included).
    background: re.Pattern[str] | None = None
    # A coordinate clause that opens with its own speaker, before the reporting verb: "X was
    # struck repeatedly, and officials said on Thursday ..." (it ends at the verb).
    joined_speaker: re.Pattern[str] | None = None
