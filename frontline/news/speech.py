"""Quoted speech: who says what is inside quotation marks, and whose side "we", "our" and "the
enemy" are there.

'"Our units raised the flag over Izium," a Ukrainian officer said' is a claim the officer
makes for Ukraine; 'Denis Pushilin said: "Our fighters have taken Marinka."' one that Pushilin
makes for Russia. A speaker is found after the closing mark ('," X said', '," said X') or
before the opening one ('X told Reuters: "'); one who is "he" or "the official" is the last
speaker named before. The speaker's side is a side word of the phrase ("a Russian commander")
or a person the lexicon knows ("Shoigu").
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from frontline.news.lexicon import RUSSIAN, UKRAINIAN, Lexicon, for_language
from frontline.news.lexicon.model import SIDE_MARKERS

ENGLISH = for_language("en")

_OPENING, _CLOSING, _STRAIGHT = "“", "”", '"'
SPEAKER_REACH = 120  # characters after a quotation, or before it, where its speaker is named


@dataclass(frozen=True)
class Quotation:
    start: int  # the opening mark
    end: int  # just after the closing mark
    speaker: str  # "" when none is named
    side: str | None


_MARKS = re.compile(r'["“”]|\n\s*\n')


def quotation_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each quotation, its marks included; straight marks pair up within a
    paragraph, an unclosed one ends with it."""
    spans = []
    open_at: int | None = None
    for match in _MARKS.finditer(text):
        char, i = match.group(0), match.start()
        if char not in (_OPENING, _CLOSING, _STRAIGHT):  # a paragraph ends
            if open_at is not None:
                spans.append((open_at, i))
                open_at = None
        elif open_at is None:
            if char != _CLOSING:
                open_at = i
        elif char != _OPENING:
            spans.append((open_at, i + 1))
            open_at = None
    if open_at is not None:
        spans.append((open_at, len(text)))
    return spans


def phrase_side(phrase: str, lex: Lexicon = ENGLISH) -> str | None:
    """The side a speaker's phrase names: its last side word, else a person of one side."""
    last = None
    for match in lex.side.finditer(phrase):
        last = match
    if last is not None:
        return UKRAINIAN if last.group(UKRAINIAN) else RUSSIAN
    for word in re.findall(r"[\w'’-]+", phrase):
        side = lex.people_sides.get(word.rstrip("'’s"))
        if side:
            return side
    if lex.speaker_side is not None:
        found = lex.speaker_side.search(phrase)
        if found:
            return UKRAINIAN if found.group(UKRAINIAN) else RUSSIAN
    return None


def is_anonymous(phrase: str, lex: Lexicon = ENGLISH) -> bool:
    """Whether a speaker is someone named before: "he", "a spokesman", "the official" (but
    not "a Russian commander", whose side is named, nor "a Western official", of neither)."""
    return (
        bool(lex.anonymous_speaker.fullmatch(phrase))
        and phrase_side(phrase, lex) is None
        and not (lex.foreign and lex.foreign.search(phrase))
    )


# A relative clause about the speaker: "A soldier, who asked not to be named, said".
RELATIVE_CLAUSE = re.compile(r",\s+(?:who|which)\b[^,]*,?\s*$", re.IGNORECASE)
# An open relative clause with a subject of its own, whose verb the reporting verb is: "the
# town, which it called", "the village, which Russia said".
_OWN_SUBJECT = re.compile(
    r",\s+(?:who|whom|which)\s+(?P<subject>(?:(?:it|they|he|she|we|the|an?)\b|(?-i:[A-Z]))[^,]*)$",
    re.IGNORECASE,
)


def of_relative_clause(phrase: str) -> bool:
    """Whether the verb after phrase is a relative clause's, with its own subject ("X, which
    they called"): it says nothing of the clause the relative clause is about."""
    return bool(_OWN_SUBJECT.search(phrase.rstrip()))


def drop_relative_clause(phrase: str) -> str:
    """The speaker without a relative clause about them after the name; the relative clause's
    own subject when the verb is the clause's ("the town, which it called": "it")."""
    phrase = phrase.rstrip()
    own = _OWN_SUBJECT.search(phrase)
    if own:
        return own.group("subject")
    return RELATIVE_CLAUSE.sub("", phrase)


def _trim_subject(phrase: str, lex: Lexicon) -> str:
    phrase = drop_relative_clause(phrase.strip()).strip().strip(",").strip()
    # "a company commander who goes by the call sign Zhuk": the speaker is the noun.
    relative = lex.speaker_relative and lex.speaker_relative.match(phrase)
    if relative:
        phrase = relative.group("noun")
    cut = 0
    for match in lex.subject_stop.finditer(phrase):
        cut = match.end()
    return lex.leading_filler.sub("", phrase[cut:]).strip(" ,")


def _speaker(text: str, span: tuple[int, int], lex: Lexicon) -> str:
    after = text[span[1] : span[1] + SPEAKER_REACH]
    # '," X said': only right after a closing mark that follows a comma or the like, in the
    # same paragraph (a speaker of the next paragraph speaks the next quotation).
    after = after.split("\n", 1)[0]
    if text[span[1] - 2 : span[1] - 1] in (",", ".", "!", "?") or after[:1] in (",",):
        match = lex.speaker_after.match(after.lstrip(","))
        if match:
            speaker = _trim_subject(match.group("after") or match.group("subject"), lex)
            office = match.group("after") and match.group("office")
            return f"{speaker}{office}" if office else speaker
    line_start = max(text.rfind("\n", 0, span[0]), text.rfind(". ", 0, span[0]) + 1, 0)
    before = text[max(line_start, span[0] - SPEAKER_REACH) : span[0]]
    match = lex.speaker_before.search(before)
    return _trim_subject(match.group("subject"), lex) if match else ""


def quotations(
    text: str, lex: Lexicon = ENGLISH, named: Sequence[tuple[int, str]] = ()
) -> list[Quotation]:
    """The quotations of a text with their speakers; "he", "the official" or no one is the
    last speaker named before, by a quotation or in `named` ((where, who) of the subjects of
    reporting verbs)."""
    result: list[Quotation] = []
    for span in quotation_spans(text):
        speaker = _speaker(text, span, lex)
        # "he said", or no speaker at all: the last one named before goes on.
        if not speaker or is_anonymous(speaker, lex):
            earlier = sorted(
                [(q.start, q.speaker) for q in result if q.speaker]
                + [(where, who) for where, who in named if where < span[0]]
            )
            speaker = earlier[-1][1] if earlier else speaker
        elif phrase_side(speaker, lex) is None:
            speaker = _named_in_full(speaker, result, named, span[0])
        side = phrase_side(speaker, lex) if speaker else None
        result.append(Quotation(span[0], span[1], speaker, side))
    return result


def _named_in_full(
    speaker: str, result: list[Quotation], named: Sequence[tuple[int, str]], before: int
) -> str:
    """ "Chaus said" after "regional governor Viacheslav Chaus said": a speaker named by the
    surname alone is the one named in full before, with the office that tells the side."""
    if not re.fullmatch(r"[A-Z][\w'’-]+", speaker):
        return speaker
    earlier = sorted(
        [(q.start, q.speaker) for q in result if q.speaker]
        + [(where, who) for where, who in named if where < before]
    )
    for _where, who in reversed(earlier):
        words = who.split(",")[0].split()
        if len(words) > 1 and words[-1] == speaker:
            return who
    return speaker


def _opposite(side: str) -> str:
    return RUSSIAN if side == UKRAINIAN else UKRAINIAN


def mark_speakers_sides(text: str, quotes: list[Quotation], lex: Lexicon = ENGLISH) -> str:
    """The text with "we" and "our" inside each quotation whose speaker has a side replaced
    by that side's marker, and "the enemy" by the other side's: same length, same offsets."""
    chars = list(text)
    for quote in quotes:
        if quote.side is None:
            continue
        for pattern, side in ((lex.first_person, quote.side), (lex.enemy, _opposite(quote.side))):
            for match in pattern.finditer(text, quote.start, quote.end):
                chars[match.start() : match.end()] = SIDE_MARKERS[side] * (
                    match.end() - match.start()
                )
    return "".join(chars)


def quotation_at(quotes: list[Quotation], position: int) -> Quotation | None:
    return next((q for q in quotes if q.start <= position < q.end), None)
