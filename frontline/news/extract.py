"""Place mentions -> candidate claims, from the clause and sentence around each mention.

A claim needs a control cue next to the place (entered, recaptured, withdrew, fell,
fighting, shelled, encircled, controlled by...): a place merely named (the dateline, "images
in Kupiansk") yields none. The cue gives the event; the side that acts, with the event, gives
the status; reporting words give the certainty and the claimant; date expressions, resolved
against the dateline, give the date. The quote is the clause the mention is in, verbatim, at
its offsets in the text.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import re
from collections.abc import Sequence
from dataclasses import dataclass

from frontline.events import NO_STATUS
from frontline.news.candidate import Candidate
from frontline.news.dates import (
    DateSpan,
    counted_from,
    dateline_span,
    dates_what_follows,
    days_after_named,
    find_dates,
    interval_start,
    same_day,
)
from frontline.news.geoparse import METONYMY, PLACE, Mention
from frontline.news.lexicon import CONTESTED, RUSSIAN, UKRAINIAN, Cue, Lexicon, for_language
from frontline.news.speech import (
    drop_relative_clause,
    is_anonymous,
    mark_speakers_sides,
    of_relative_clause,
    phrase_side,
    quotation_at,
    quotation_spans,
    quotations,
)
from frontline.news.textspans import clauses, enclosing, sentences

ENGLISH = for_language("en")

# Which event names a clause when two cues disagree ("either controlled by Russia or shelled").
_EVENT_PRIORITY = (
    "captured",
    "recaptured",
    "liberated",
    "entered",
    "withdrew",
    "fell",
    "encircled",
    "fighting",
    "shelled",
    "held",
)

HYPOTHETICAL_AFTER = 20  # characters after the cue: "capture would be"


def segments(text: str, span: tuple[int, int], lex: Lexicon = ENGLISH) -> list[tuple[int, int]]:
    """A clause cut where a clause of its own begins ("... under pressure | since Ukraine
    retook Lyman in October"): each part's cues, dates and sides are its own."""
    cuts = [m.start() for m in lex.subordinate.finditer(text, *span)]
    cuts += [m.end() for m in _APPOSED_RELATIVE.finditer(text, *span)]
    # The apposition of a list that says who holds its places is a part of its own.
    cuts += [
        m.start()
        for m in _LIST_APPOSITION.finditer(text, *span)
        if _says_who_holds(text, m.start(), m.end(), lex)
    ]
    bounds = [span[0], *sorted(cuts), span[1]]
    return [(a, b) for a, b in zip(bounds, bounds[1:], strict=False) if a < b]


def segment_of(
    text: str, span: tuple[int, int], position: int, lex: Lexicon = ENGLISH
) -> tuple[int, int]:
    """The part of a clause (see segments) a position is in."""
    parts = segments(text, span, lex)
    return next((p for p in parts if p[0] <= position < p[1]), span)


def hypothetical(
    text: str,
    clause: tuple[int, int],
    cue_start: int,
    cue_end: int,
    lex: Lexicon = ENGLISH,
    event: str = "",
) -> bool:
    """A cue in a hypothetical, the future or an attempt states no control ("X's capture
    would be a milestone", "trying to encircle"); a "would" of another part of the clause
    does not reach it ("Russia would gain a base, where its troops took X"). An attack
    repelled is an attempt told as failed ("tried and failed to storm X", "tried to cross and
    was stopped"): only a future or a condition makes it none."""
    parts = segments(text, clause, lex)
    own = next((p for p in parts if p[0] <= cue_start < p[1]), clause)
    end = min(own[1], cue_end + HYPOTHETICAL_AFTER)
    # After the cue, not past the next predicate ("had taken X and would hand it over").
    joined = _NEXT_PREDICATE.search(text, cue_end, end)
    words = _CONDITIONAL if event == "repelled" else lex.hypothetical
    # An attempt that is the cue itself ("is trying to storm X": an attack going on) is no
    # hypothetical of its own; a word before or after it still makes it one.
    attempt = lex.hypothetical.search(text, cue_start, cue_end)
    if attempt is not None and words is lex.hypothetical:
        if words.search(text, own[0], cue_start) or words.search(
            text, cue_end, joined.start() if joined else end
        ):
            return True
    elif words.search(text, own[0], joined.start() if joined else end):
        return True
    # A time clause of a future: "it would be months before Ukrainian troops entered Tokmak".
    index = parts.index(own) if own in parts else 0
    return (
        index > 0
        and bool(_TIME_CLAUSE.match(text, own[0]))
        and bool(_FUTURE.search(text, *parts[index - 1]))
    )


_NEXT_PREDICATE = re.compile(r"\b(?:and|but)\s+(?=(?:would|will|could|might|may)\b)")
_TIME_CLAUSE = re.compile(r",?\s*(?:before|until)\b", re.IGNORECASE)
_FUTURE = re.compile(r"\b(?:would|will|could|might)\b", re.IGNORECASE)
_CONDITIONAL = re.compile(r"\b(?:would|will|could|might|if|unless|whether)\b", re.IGNORECASE)


# "the town" / "the city" with no name: the last town or city named before.
ANAPHOR_REACH = 3  # sentences back
ANAPHOR_SCORE_FACTOR = 0.7


@dataclass(frozen=True)
class _Found:
    cue: Cue
    start: int
    end: int


def find_cues(text: str, start: int, end: int, lex: Lexicon = ENGLISH) -> list[_Found]:
    """The control cues in text[start:end], in order (a clause's are read once for all the
    places it names)."""
    return list(_find_cues(text, start, end, lex))


@functools.lru_cache(maxsize=512)
def _find_cues(text: str, start: int, end: int, lex: Lexicon) -> tuple[_Found, ...]:
    found: list[_Found] = []
    for cue, pattern in lex.cues:
        for match in pattern.finditer(text, start, end):
            if not any(f.start < match.end() and match.start() < f.end for f in found):
                found.append(_Found(cue, match.start(), match.end()))
    return tuple(sorted(found, key=lambda f: f.start))


def choose_cue(
    text: str,
    cues: list[_Found],
    mention: tuple[int, int],
    others: Sequence[tuple[int, int]] = (),
    lex: Lexicon = ENGLISH,
) -> _Found | None:
    """The cue about this mention: one right after it ("Kupiansk fell", "Izium was
    liberated"), else the nearest before it ("entered Kupiansk") unless another place stands
    between as its object ("captured Soledar, north of Bakhmut"; a list, "recaptured Izium
    and Lyman", shares it), else the nearest after."""
    after = [c for c in cues if c.start >= mention[1]]
    for cue in after:
        gap = text[mention[1] : cue.start]
        if lex.cue_gap.fullmatch(gap):
            return cue
    before = [c for c in cues if c.end <= mention[0]]
    if before and not _object_between(text, before[-1].end, mention, others, lex):
        return before[-1]
    if after and _of_a_later_place(text, after[0], mention, others, lex):
        return None
    if after and _of_a_clause_of_its_own(text, after[0], mention, lex):
        return None
    return after[0] if after else None


def _of_a_clause_of_its_own(text: str, cue: _Found, mention: tuple[int, int], lex: Lexicon) -> bool:
    """Whether the cue after the mention is in a clause of its own with its own subject
    ("had broken through towards X, though he said Russian forces were holding the line
    there"), not one about the place right after its name ("X, where Russian troops ...") or
    with the place for its object ("the city before they entered it")."""
    if _ABOUT_IT.match(text, mention[1]) or _IT_AFTER.match(text, cue.end):
        return False
    return bool(lex.subordinate.search(text, mention[1], cue.start))


# A clause about the place right after its name: "X, which borders Russia, has been shelled".
_ABOUT_IT = re.compile(r",\s+(?:which|where)\b")
_IT_AFTER = re.compile(r"\s+it\b")


def _of_a_later_place(
    text: str,
    cue: _Found,
    mention: tuple[int, int],
    others: Sequence[tuple[int, int]],
    lex: Lexicon,
) -> bool:
    """Whether the cue after the mention is about another place: in a clause of its own about
    a place named after the mention ("X lies north of Y, where Russian troops are closing
    in"), or with another place for its object ("... to X, where Russian forces took Y")."""
    if any(o[0] >= cue.end and _OBJECT_GAP.fullmatch(text, cue.end, o[0]) for o in others):
        return True
    between = [o[1] for o in others if mention[1] <= o[0] and o[1] <= cue.start]
    return bool(between) and bool(lex.subordinate.search(text, max(between), cue.start))


_OBJECT_GAP = re.compile(r"\s+(?:the\s+(?:[\w-]+\s+)?(?:town|city|village)\s+of\s+)?")


ADJECTIVE_STATUSES = (UKRAINIAN, RUSSIAN)  # a side's adjective: "Russian-held"
# Between a side's adjective and the name it is of: "Russian-occupied city of Melitopol".
_ADJECTIVE_GAP = re.compile(
    r"\s*(?:\s(?:[a-z-]+\s+)?(?:town|city|village|settlement|port|hub)\s+of\s+)?"
    # A plural names a list, each of whose places it is of: "Ukrainian-held towns of A and B".
    r"|\s+(?:[a-z-]+\s+)?(?:towns|cities|villages|settlements)\s+of\s+"
    r"(?:(?-i:[A-Z])[\w'’-]*(?:\s+(?-i:[A-Z])[\w'’-]*)*(?:,\s+and\s+|,\s+|\s+and\s+))*"
)


# Between a side's adjective and the list it is of: "the Ukrainian-controlled towns of".
_ADJECTIVE_LIST_GAP = re.compile(
    r"\s+(?:[a-z-]+\s+)?(?:towns|cities|villages|settlements|ports|hubs)\s+of\s+"
)


def _adjective_of(
    text: str,
    cue_end: int,
    mention: tuple[int, int],
    others: Sequence[tuple[int, int]],
    lex: Lexicon = ENGLISH,
) -> bool:
    """Whether a side's adjective ending at cue_end is of the name at mention: the name right
    after it ("Russian-held Horlivka", "the Russian-occupied city of Melitopol"), or any name
    of the list a plural after it names ("the Ukrainian-controlled towns of Hirske and
    Zolote")."""
    if cue_end > mention[0]:
        return False
    if _ADJECTIVE_GAP.fullmatch(text, cue_end, mention[0]):
        return True
    chain = [*sorted({o for o in others if cue_end <= o[0] and o[1] <= mention[0]}), mention]
    return bool(_ADJECTIVE_LIST_GAP.fullmatch(text, cue_end, chain[0][0])) and all(
        lex.list_gap.fullmatch(text, a[1], b[0]) for a, b in zip(chain, chain[1:], strict=False)
    )


def cues_about(
    text: str,
    clause: tuple[int, int],
    mention: tuple[int, int],
    lex: Lexicon = ENGLISH,
    others: Sequence[tuple[int, int]] = (),
) -> list[_Found]:
    """The clause's cues that can be about the mention: a side's adjective ("Russian-held")
    only of the name right after it or of a list it names (see _adjective_of), or of the name
    its apposition follows ("X, a Russian-occupied hub,"), never spilling onto the next
    place."""
    kept = []
    for found in find_cues(text, *clause, lex):
        if found.cue.status_from in ADJECTIVE_STATUSES:
            right_after = _adjective_of(text, found.end, mention, others, lex)
            apposition = lex.apposition.fullmatch(text[mention[1] : found.start])
            if not (right_after or apposition):
                continue
        kept.append(found)
    return kept


def _object_between(
    text: str,
    cue_end: int,
    mention: tuple[int, int],
    others: Sequence[tuple[int, int]],
    lex: Lexicon = ENGLISH,
) -> bool:
    """Whether a place between the cue and the mention is the cue's object instead."""
    between = sorted({o for o in others if cue_end <= o[0] and o[1] <= mention[0]})
    if not between:
        return False
    # Each place in a list joined by commas and "and" is an object of the cue; a place that
    # only locates an item ("Krasnohorivka, west of Donetsk, and Kramatorsk") is passed over.
    item = between[0]
    for later in [*between[1:], mention]:
        if _next_item(text, item[1], later[0], lex):
            item = later
    return item != mention


def _next_item(text: str, end: int, start: int, lex: Lexicon) -> bool:
    """Whether text[end:start] joins two items of a list."""
    return bool(
        lex.list_gap.fullmatch(text, end, start)
        or _LOCATED_GAP.fullmatch(text, end, start)
        or _APPOSED_GAP.fullmatch(text, end, start)
        or _LOCATOR_ITEM_GAP.fullmatch(text, end, start)
        or _NARROWED_GAP.fullmatch(text, end, start)
        or _DATED_GAP.fullmatch(text, end, start)
    )


# A clause about the place right after its name: "Kurakhove, where Russian troops are ...".
_WHERE_AFTER = re.compile(r",\s+where\b")

# A list whose items each have their oblast: "captured A in the Donetsk region and B in the
# Kharkiv region".
_LOCATED_GAP = re.compile(
    r",?\s+(?:in|of)\s+(?:the\s+)?(?:[A-Z][\w'’-]*\s+){1,2}(?i:region|oblast|province)"
    r"(?:,\s*(?:and\s+)?|\s+and\s+)"
)


# An item of a list with its apposition: "shelled Kupiansk, a rail hub, Izium and Lyman",
# "captured X, a town on the edge of Y that ..., and the nearby mining town of Z".
_ITEM_TITLE = r"the\s+(?:[\w-]+\s+){0,3}?(?:town|city|village|settlement)\s+of\s+"
_APPOSED_GAP = re.compile(
    rf",\s+(?:an?|the)\s+[^,;.\"“”]{{1,100}},\s*(?:and\s+)?(?:{_ITEM_TITLE})?"
    rf"|\s*(?:,\s*)?and\s+{_ITEM_TITLE}"
)
# An item of a list with a place that locates it: "shelled A, B, west of Donetsk, and C".
_LOCATOR_ITEM_GAP = re.compile(
    r",\s+(?:(?:just|some|about)\s+)?(?:south|north|east|west)(?:-?(?:east|west))?\s+of\s+"
    r"[^,;.\"“”]{1,40},\s*(?:and\s+)?"
)


# A list that narrows down the place before it, each of its items the cue's object too:
# "repelled 20 assaults in the X direction, most of them near A, B and C", "held villages
# around X, including A and B".
_NARROWED_GAP = re.compile(
    r"(?:\s+(?:direction|area|sector|axis|district|region|oblast|front))?,\s+"
    r"(?:(?:most|many|some|all|several|half|one|two|three|four|five|\d+)\s+of\s+them\s+"
    r"|(?:including|notably|especially|mainly|mostly|chiefly|particularly|primarily)\s+)"
    r"(?:(?:near|in|around|at|outside|on)\s+)?"
    r"(?:the\s+(?:[\w-]+\s+)?(?:towns?|villages?|cities|city|settlements?)\s+of\s+)?",
    re.IGNORECASE,
)


# An item of a list with its own date: "took A in January 2023 and B in May", "retook A on
# Sept. 10 and B on Oct. 1".
_MONTH_OR_DAY = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
    r"Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?|Monday|Tuesday|Wednesday|"
    r"Thursday|Friday|Saturday|Sunday)\.?"
)
_ITEM_DATE = re.compile(
    r"\s+(?:in|on)\s+(?:(?:early|late|mid)[\s-]+)?"
    rf"(?:{_MONTH_OR_DAY}(?:\s+\d{{1,2}}(?:st|nd|rd|th)?)?|\d{{1,2}}\s+{_MONTH_OR_DAY})"
    r"(?:,?\s+\d{4})?"
)
_DATED_GAP = re.compile(rf"{_ITEM_DATE.pattern}(?:,\s*(?:and\s+)?|\s+and\s+)")


def side_of(text: str, start: int, end: int, lex: Lexicon = ENGLISH) -> str | None:
    """The side the last side word that begins in text[start:end] names (a word may look
    past end: "Ukraine" is a side before "retook", which may be where the span stops)."""
    last = None
    for match in lex.side.finditer(text, start):
        if match.start() >= end:
            break
        last = match
    if last is None:
        return None
    return UKRAINIAN if last.group(UKRAINIAN) else RUSSIAN


_ENDS_IN_BY = re.compile(r"\bby$", re.IGNORECASE)


def actor_side(
    text: str,
    clause: tuple[int, int],
    cue: _Found,
    lex: Lexicon = ENGLISH,
    default_side: str | None = None,
) -> str | None:
    """Who does the cue's action: a side inside the cue ("under Russian control"), "by
    <side>" right after it (passive), else the last side named before it in the clause, else
    default_side (the claimant's) for a pronoun before it ("its forces had captured X"),
    else the first side after it."""
    inside = side_of(text, cue.start, cue.end, lex)
    if inside:
        return inside
    passive = lex.passive_by.match(text[cue.end : clause[1]])
    if _ENDS_IN_BY.search(text, cue.start, cue.end):
        # "held by Ukraine", "controlled by Russian forces": the cue ends in its "by".
        side = side_of(text, cue.end, min(clause[1], cue.end + 40), lex)
        if side:
            return side
    if passive:
        after = cue.end + passive.end()
        side = side_of(text, after, min(clause[1], after + 40), lex)
        if side:
            return side
        if lex.pronoun_side.match(text, after):  # "shelled by its artillery": the side before
            return side_of(text, clause[0], cue.start, lex)
    before = side_of(text, clause[0], cue.start, lex)
    if before:
        return before
    own = segment_of(text, clause, cue.start, lex)
    if default_side and lex.pronoun_side.search(text, own[0], cue.start):
        # "The ministry said its forces had captured X, adding that Ukrainian units had left
        # Y": "its" is the speaker's side, not the side named after.
        return default_side
    if default_side and cue.cue.event == "liberated":
        # "The liberation of Soledar was made possible by shelling the enemy," a Russian
        # official said: whom a side's speaker calls liberated is liberated by that side.
        return default_side
    if _NOMINAL.match(text, cue.end):
        # "The liberation of Soledar was made possible by the shelling of the enemy": a side
        # after a change named as a noun is no actor of it (one "by" whom is, read above).
        return None
    # After the cue, only its own part of the clause: in "left the town after Russian forces
    # cut the road" the Russians are not who left.
    first = lex.side.search(text, cue.end, segment_of(text, clause, cue.start, lex)[1])
    if first is None:
        return None
    return UKRAINIAN if first.group(UKRAINIAN) else RUSSIAN


def _opposite(side: str | None) -> str | None:
    return {UKRAINIAN: RUSSIAN, RUSSIAN: UKRAINIAN}.get(side or "")


# A passive right before a cue: "was captured", "had been completely seized".
_AGENTLESS = re.compile(r"\b(?:was|were|been|being|is|are)\s+(?:\w+ly\s+)?$", re.IGNORECASE)

# A cue that names the event, not who did it: "the capture of Bakhmut".
_NOMINAL = re.compile(r"\s+of\b")

# The events that tell a change of hands (not who holds a place, nor a fight over it).
CHANGE_EVENTS = frozenset(("captured", "recaptured", "liberated", "entered", "withdrew", "fell"))


def cue_status(
    text: str,
    clause: tuple[int, int],
    cue: _Found,
    lex: Lexicon = ENGLISH,
    default_side: str | None = None,
    previous: tuple[str, str] | None = None,
) -> str | None:
    """The status a cue gives: by its rule (see Cue.status_from), the side that acts and
    default_side for an actor of no side; previous is (status, event) of the article's last
    claim on the place, for a fall no side is named for."""
    rule = cue.cue.status_from
    if rule in (UKRAINIAN, RUSSIAN, CONTESTED, NO_STATUS):
        return rule
    if rule == "fell":
        fell_to = lex.fell_to.match(text[cue.end : clause[1]])
        if fell_to:
            return side_of(text, cue.end, min(clause[1], cue.end + fell_to.end() + 30))
        # Who says so is not who took it ("Kyiv denied that Soledar had fallen"), nor is a
        # side of a clause of its own ("The fall of Lyman, a day after Putin proclaimed ...").
        said = [m.end() for m in lex.reporting.finditer(text, clause[0], cue.start)]
        own = segment_of(text, clause, cue.start, lex)
        start = max([own[0], *said])
        side = side_of(text, start, own[1], lex)
        if side:
            return side
        return _fallen(previous)
    if rule == "passive":
        by = lex.by.search(text[cue.end : clause[1]])
        if by:
            after = cue.end + by.end()
            winner = side_of(text, after, min(clause[1], after + 40), lex)
            if winner:
                return winner
        return _opposite(side_of(text, clause[0], cue.start, lex))
    if rule == "object":
        loser = side_of(text, cue.start, cue.end, lex)
        return _opposite(loser) if loser else side_of(text, clause[0], cue.start, lex)
    if (
        rule == "actor"
        and cue.cue.event == "captured"
        and (
            _AGENTLESS.search(text, clause[0], cue.start)
            or (
                _NOMINAL.match(text, cue.end)
                and side_of(text, segment_of(text, clause, cue.start, lex)[0], cue.start, lex)
                is None
            )
        )
        and not lex.passive_by.match(text[cue.end : clause[1]])
        and side_of(text, cue.start, cue.end, lex) is None
    ):
        # "Soledar was captured on 16 January": no one is named as taking it, so neither
        # the speaker's side ("Ukrainian troops said Soledar was captured") nor another; a
        # place taken falls to the invader unless the article told before that it held it.
        if previous and previous[0] == RUSSIAN and previous[1] not in CHANGE_EVENTS:
            return UKRAINIAN
        return RUSSIAN
    side = actor_side(text, clause, cue, lex, default_side)
    if side is None and cue.cue.event != "shelled":
        side = default_side
    if rule in ("other", "lost"):
        if cue.cue.event == "shelled" and side is None:
            return CONTESTED
        if rule == "lost" and side is None:
            return _fallen(previous)
        return _opposite(side)
    if side is None and cue.cue.event in ("liberated", "recaptured"):
        return UKRAINIAN  # in this war's reports, both words are Ukraine's
    if rule == "entry" and side == RUSSIAN and not (previous and previous[0] == RUSSIAN):
        # The invader's entry is a fight for the place, not its hold; of a place the report
        # has already told is Russia's, it is the story of that capture.
        return CONTESTED
    return side


def _fallen(previous: tuple[str, str] | None) -> str:
    """Who holds a place that fell with no side named: the change the article told before on
    the place, told again ("Russia pulled its troops out of Lyman ... The fall of Lyman"), or
    the loss of the side that held it; else a place falls to the invader."""
    if previous is not None:
        status, event = previous
        if event in CHANGE_EVENTS and status in (UKRAINIAN, RUSSIAN):
            return status
        if status in (UKRAINIAN, RUSSIAN):
            return _opposite(status)
    return RUSSIAN


def status_and_event(
    text: str,
    clause: tuple[int, int],
    mention: tuple[int, int],
    others: Sequence[tuple[int, int]] = (),
    lex: Lexicon = ENGLISH,
    default_side: str | None = None,
    previous: tuple[str, str] | None = None,
) -> tuple[str, str] | None:
    """The status and the event a clause gives a mention; an actor of no named side is
    default_side (the claimant's); previous, the article's last (status, event) on the
    place."""
    cues = cues_about(text, clause, mention, lex, others)
    chosen = choose_cue(text, cues, mention, others, lex)
    if chosen is None:
        return None
    if chosen.cue.event in _ATTEMPTS and chosen.end <= mention[0]:
        # "attacking towards X but had been stopped": the attack on X was repelled.
        stopped = next((c for c in cues if c.start >= mention[1]), None)
        if (
            stopped is not None
            and stopped.cue.event == "repelled"
            and _STOPPED_AFTER.fullmatch(text, mention[1], stopped.start)
        ):
            return NO_STATUS, stopped.cue.event
    if chosen.cue.status_from == NO_STATUS:
        # "Ukrainian-controlled Sloviansk was shelled": the report's own word says who holds
        # it; the shelling says nothing of that.
        adjective = next(
            (
                c
                for c in cues
                if c.cue.status_from in ADJECTIVE_STATUSES
                and _adjective_of(text, c.end, mention, others, lex)
            ),
            None,
        )
        chosen = adjective or chosen
    status = cue_status(text, clause, chosen, lex, default_side, previous)
    if status is None:
        return None
    if status in (UKRAINIAN, RUSSIAN) and _a_part_of(text, clause, chosen, mention, lex):
        return CONTESTED, chosen.cue.event
    # "either controlled by Russia or shelled by its artillery": a place held by one side
    # and fought over by the other is contested.
    for other in cues:
        if other is chosen:
            continue
        first, second = sorted((chosen, other), key=lambda c: c.start)
        if lex.alternative.search(text[first.end : second.start]):
            # "controlled by Russia or shelled": neither is said for sure; the event stands.
            if NO_STATUS in (chosen.cue.status_from, other.cue.status_from):
                event_cue = chosen if chosen.cue.status_from == NO_STATUS else other
                return NO_STATUS, event_cue.cue.event
            other_status = cue_status(text, clause, other, lex, default_side, previous)
            if other_status and other_status != status:
                event = min((chosen.cue.event, other.cue.event), key=_EVENT_PRIORITY.index)
                return CONTESTED, event
    return status, chosen.cue.event


# An attack or an advance on a place, and its stop right after: "but were stopped".
_ATTEMPTS = frozenset(("attacked", "fighting"))
_STOPPED_AFTER = re.compile(r",?\s+(?:but|and)\s+(?:(?:had|has|have)\s+)?")


def _a_part_of(
    text: str, clause: tuple[int, int], cue: _Found, mention: tuple[int, int], lex: Lexicon
) -> bool:
    """Whether the cue is about a part of the place ("withdrew from a district on the eastern
    edge of X", "held positions in X", "X's outskirts"), not a side's adjective of the name."""
    if cue.cue.status_from in ADJECTIVE_STATUSES or lex.part_before is None:
        return False
    start = cue.end if cue.end <= mention[0] else clause[0]
    before = text[start : mention[0]]
    if _ITS_PART.match(text, mention[0]):
        return True  # "held its western edge"
    return bool(lex.part_before.search(before)) or bool(
        lex.part_after and lex.part_after.match(text, mention[1], clause[1])
    )


def certainty_of(
    text: str,
    spans: list[tuple[int, int]],
    cue_start: int | None,
    lex: Lexicon = ENGLISH,
    default: str = "confirmed",
) -> str:
    """A negated control cue ("had not entered") is a denial; the report's doubt anywhere in
    the sentence makes it unconfirmed; else the certainty cue nearest the control cue in the
    clause, then in the sentence (the stronger where two are as near); else the default: a
    report that states a thing itself confirms it, a speaker claims it."""
    window = max(0, (cue_start or 0) - 40)
    refused = lex.refusal is not None and lex.refusal.search(text, window, cue_start or 0)
    if cue_start is not None and not refused and lex.negation.search(text[window:cue_start]):
        return "denied"
    if any(lex.unverified.search(text, start, end) for start, end in spans):
        return "unconfirmed"
    for start, end in spans:
        found = [
            (abs(match.start() - cue_start) if cue_start is not None else 0, rank, name)
            for rank, (name, pattern) in enumerate(lex.certainty)
            for match in pattern.finditer(text, start, end)
            if not reports_apart(text, (start, end), match.start(), cue_start, lex)
            and not _own_words_between(text, match.end(), cue_start, lex)
            and not _background_after(text, (start, end), match.end(), cue_start, lex)
            and not _joined_after(text, match.start(), cue_start, lex)
        ]
        found += [
            (abs(match.start() - cue_start) if cue_start is not None else 0, 0, name)
            for match in (lex.refusal.finditer(text, start, end) if lex.refusal else ())
            for name in [_refusal(text, start, match.start(), lex)]
            if not _own_words_between(text, match.end(), cue_start, lex)
        ]
        if found:
            return min(found)[2]
    return default


def _own_words_between(text: str, end: int, cue_start: int | None, lex: Lexicon) -> bool:
    """ "Kyiv denied the fall of X, saying its troops still held it": a cue after the
    speaker's own words is what the speaker claims, not what it denies."""
    return (
        lex.own_words is not None
        and cue_start is not None
        and end <= cue_start
        and lex.own_words.search(text, end, cue_start) is not None
    )


def _refusal(text: str, start: int, refusal: int, lex: Lexicon) -> str:
    """ "Ukraine did not confirm", "he had not confirmed": a side's (or a speaker's) refusal to
    confirm is its denial; one by someone of no side ("Reuters has not confirmed",
    "analysts did not confirm") leaves the claim unconfirmed."""
    subject = _subject_before(text, start, refusal, lex)
    if subject and not is_anonymous(subject, lex) and phrase_side(subject, lex) is None:
        return "unconfirmed"
    return "denied"


def reports_apart(
    text: str, span: tuple[int, int], word: int, position: int | None, lex: Lexicon = ENGLISH
) -> bool:
    """Whether a reporting word is of a clause of its own that tells another event, with its
    own subject, and position is outside it: in "Russian forces advanced towards Pokrovsk,
    where Ukraine said families must leave", Ukraine says nothing of the advance."""
    if position is None:
        return False
    part = segment_of(text, span, word, lex)
    opener = lex.other_event.match(text, part[0])
    if part[0] == span[0] or opener is None or part[0] <= position < part[1]:
        return False
    return lex.subject_stop.search(text, opener.end(), word) is None


def _background_after(
    text: str, span: tuple[int, int], verb_end: int, position: int | None, lex: Lexicon
) -> bool:
    """Whether position is in a clause of the report's own background after what the reporting
    verb (ending at verb_end) says, with no reporting verb of its own after it: in "Russia
    said it had taken X, as its forces press toward Y", Russia says nothing of Y."""
    if position is None or lex.background is None or position < verb_end:
        return False
    opened = [m for m in lex.background.finditer(text, verb_end, position)]
    if not opened:
        return False
    return lex.reporting.search(text, opened[-1].end(), span[1]) is None


def _joined_after(text: str, verb: int, position: int | None, lex: Lexicon) -> bool:
    """Whether the reporting verb (at verb) is of a clause joined after position's with a
    speaker of its own: in "Russian missiles have struck X repeatedly, and officials said air
    defences were active", the officials say nothing of X."""
    if position is None or lex.joined_speaker is None or position >= verb:
        return False
    joined = lex.joined_speaker.search(text, position, verb)
    return joined is not None and _subject_before(text, joined.start(), verb, lex) != ""


def claimant_of(
    text: str,
    spans: list[tuple[int, int]],
    report: str,
    lex: Lexicon = ENGLISH,
    previous: str = "",
    previous_body: str = "",
    position: int | None = None,
    cue_at: int | None = None,
) -> str:
    """Who makes the claim: the subject of the reporting verb, "according to" whom, or the
    speaker after a quotation; "she" or "the official" is the one named before (previous),
    "the ministry" or "it" the body or speaker named before (previous_body: "Russia's defence
    ministry did not comment. The ministry said ..."); else the report itself. A reporting
    verb of a clause of its own that position (the claim's) is not in says nothing of it
    (see reports_apart). A relative clause's own speaker claims the cue (at cue_at) it says
    ("Marinka, which Russia said it captured in December")."""
    anonymous = False
    body = unnamed = ""
    for start, end in spans:
        after_quote = lex.after_quote.search(text, start, end)
        if after_quote:
            return after_quote.group(1).strip()
        according = lex.according_to.search(text, start, end)
        if according:
            return next(g for g in according.groups() if g).strip()
        passive = lex.passive_report.search(text, start, end) if lex.passive_report else None
        if passive:
            return passive.group(1).strip()
        for verb in lex.reporting.finditer(text, start, end):
            if _PASSIVE_TAIL.search(text, start, verb.start()):
                continue  # "Putin was told that X had fallen, the ministry said"
            if reports_apart(text, (start, end), verb.start(), position, lex):
                continue
            if _background_after(text, (start, end), verb.end(), position, lex):
                continue
            if _joined_after(text, verb.start(), position, lex):
                continue
            if of_relative_clause(text[start : verb.start()]):
                own = drop_relative_clause(text[start : verb.start()]).strip()
                if (
                    cue_at is not None
                    and verb.end() <= cue_at < end
                    and own.split()[0].lower() not in lex.pronouns
                ):
                    return own  # "X, which Russia said it captured"
                continue  # "entered X, which they called Y, the ministry said"
            subject = _subject_before(text, start, verb.start(), lex)
            if subject and not is_anonymous(subject, lex):
                return subject
            anonymous = anonymous or bool(text[start : verb.start()].strip())
            body = body or _unnamed_body(text, start, verb.start(), lex)
            unnamed = unnamed or subject
            break
    if not (body or anonymous):
        giver = _order_giver(text, spans[0], lex)
        if giver:
            return giver
    if body:
        # "the ministry", "it": the body (or speaker) named before, else the words themselves.
        return previous_body or previous or (body if body.lower() != "it" else report)
    if anonymous and previous:
        return previous
    # "a military spokesman said", no one named before: not the report's own voice.
    return unnamed or report


def _order_giver(text: str, clause: tuple[int, int], lex: Lexicon) -> str:
    """Who gives an order in a clause's main part, when a side's ("Russian Defence Minister
    Sergei Shoigu ordered the withdrawal from Kherson"): a side makes its orders known, so
    what it orders is its claim. An order in a clause of its own ("after the Ukrainian command
    ordered its troops to leave") is the report's own account; else ""."""
    if lex.order is None:
        return ""
    main = segments(text, clause, lex)[0]
    order = lex.order.search(text, *main)
    if order is None or lex.subject_stop.search(text, main[0], order.start()):
        return ""  # "fell within a week after the Kremlin ordered its invasion"
    subject = _TIME_TAIL.sub("", _subject_before(text, main[0], order.start(), lex))
    return subject if subject and phrase_side(subject, lex) else ""


# A time between a subject and its verb: "Shoigu on Wednesday ordered".
_TIME_TAIL = re.compile(r"\s+(?:on\s+\w+|yesterday|today|last\s+\w+)$", re.IGNORECASE)


def _unnamed_body(text: str, start: int, verb: int, lex: Lexicon) -> str:
    """A reporting verb's subject that is a body named before ("the ministry", "it"), else
    ""."""
    if lex.unnamed_body is None:
        return ""
    head = drop_relative_clause(_AUXILIARY_TAIL.sub("", text[start:verb].rstrip())).rstrip()
    cut = 0
    for match in lex.subject_stop.finditer(head):
        cut = match.end()
    phrase = lex.leading_filler.sub("", head[cut:].strip()).strip(" ,")
    if lex.unnamed_body.fullmatch(phrase) and phrase_side(phrase, lex) is None:
        return phrase
    return ""


def _dateline_body(text: str, claimant: str, lex: Lexicon) -> str:
    """ "KYIV (Reuters) - ... the military said" or "a military spokesman said", no body or
    speaker named before: the one of the capital the report is filed from, "the military
    (Kyiv)"."""
    if lex.dateline_side is None or lex.unnamed_body is None:
        return claimant
    if not (
        lex.unnamed_body.fullmatch(claimant)
        or is_anonymous(claimant, lex)
        or _UNNAMED_OFFICIALS.fullmatch(claimant)
    ):
        return claimant
    if phrase_side(claimant, lex) or (lex.foreign and lex.foreign.search(claimant)):
        return claimant  # "a Western official" is no one of the capital's
    match = lex.dateline_side.match(text)
    if match is None:
        return claimant
    return f"{claimant} ({match.group(0).strip().capitalize()})"


# Officials no side word, office or name tells apart: "officials", "senior officials".
_UNNAMED_OFFICIALS = re.compile(r"(?:the\s+)?(?:[a-z]+\s+)?(?:officials|authorities)")
# "the country's military": the country is the one the sentence is about.
_THE_COUNTRY = re.compile(r"the\s+country['’]s\b", re.IGNORECASE)
_COUNTRY_NAMES = {UKRAINIAN: "Ukraine", RUSSIAN: "Russia"}


def _the_country(
    text: str, sentence: tuple[int, int], claimant: str, lex: Lexicon = ENGLISH
) -> str:
    """ "Ukrainian forces have recaptured X, the country's military said": the country's is
    the side of the sentence's first side word (its subject's), else of the last one named
    before the sentence: "the country's military (Ukraine)"."""
    if not _THE_COUNTRY.match(claimant):
        return claimant
    first = lex.side.search(text, *sentence)
    if first is not None:
        side = UKRAINIAN if first.group(UKRAINIAN) else RUSSIAN
    else:
        side = side_of(text, 0, sentence[0], lex)
    return f"{claimant} ({_COUNTRY_NAMES[side]})" if side else claimant


def named_bodies(
    text: str, sentence_spans: list[tuple[int, int]], lex: Lexicon
) -> list[tuple[int, str]]:
    """(where, what) of each body or person of a side a sentence opens with, whatever it does
    next ("Russia's defence ministry did not comment", "Volodymyr Zelenskiy appeared to"): who
    "the ministry" or "his office" is after it."""
    if lex.named_body is None:
        return []
    found = []
    for start, _end in sentence_spans:
        match = lex.named_body.match(text, start) or _known_person(text, start, lex)
        if match and phrase_side(match.group(1), lex):
            found.append((match.start(1), match.group(1).strip()))
    return found


def _known_person(text: str, start: int, lex: Lexicon) -> re.Match[str] | None:
    """A name at start with a person of a side the lexicon knows in it ("Volodymyr
    Zelenskiy"), not a side's adjective ("Russian troops")."""
    name = lex.name.match(text, start)
    if name and any(w in lex.people_sides for w in name.group(1).split()):
        return name
    return None


def named_speakers(
    text: str, sentence_spans: list[tuple[int, int]], lex: Lexicon
) -> list[tuple[int, str]]:
    """(where, who) of each speaker the text names as the subject of a reporting verb."""
    found = []
    for start, end in sentence_spans:
        for verb in lex.reporting.finditer(text, start, end):
            subject = _subject_before(text, start, verb.start(), lex)
            if subject and not is_anonymous(subject, lex):
                found.append((verb.start(), subject))
    return sorted(found)


def _speaker_before(speakers: list[tuple[int, str]], position: int) -> str:
    earlier = [who for where, who in speakers if where < position]
    return earlier[-1] if earlier else ""


REPORT_VOICE, OTHER_CLAIMANT = "report", "other"
# Who makes a claim, as the evaluation labels it: a side, the report's own voice, or another
# (analysts, residents).
CLAIMANT_SIDES = (UKRAINIAN, RUSSIAN, REPORT_VOICE, OTHER_CLAIMANT)
REPORT_SUFFIX = "(the report)"


def claimant_side(claimant: str, lex: Lexicon = ENGLISH) -> str:
    """The side of a claimant as claimant_of names it: the report itself, the side a word of
    it names ("Russia's defence ministry", "Kyiv"), else another."""
    if claimant == "the report" or claimant.endswith(REPORT_SUFFIX):
        return REPORT_VOICE
    return phrase_side(claimant, lex) or OTHER_CLAIMANT


def _subject_before(text: str, start: int, verb: int, lex: Lexicon = ENGLISH) -> str:
    """The noun phrase before a reporting verb: back to the last conjunction or quotation,
    keeping an appositive ("Denis Pushilin, the rebel official")."""
    head = drop_relative_clause(_AUXILIARY_TAIL.sub("", text[start:verb].rstrip()))
    head = head.rstrip().rstrip(",").rstrip()
    # "His office said he had not confirmed": the subject begins after a reporting verb (not
    # after one with an object of its own: "X, which they called Y, the ministry said").
    said = [m.end() for m in lex.reporting.finditer(head)]
    if said and "," not in head[said[-1] :]:
        head = head[said[-1] :]
    cut = before_cut = 0
    for match in lex.subject_stop.finditer(head):
        before_cut, cut = cut, match.end()
    phrase = head[cut:].strip()
    longest = SUBJECT_WORDS
    if cut and head[cut - 2 : cut].strip() == ",":
        # "Denis Pushilin, the rebel official, said": a name alone before the appositive.
        name = lex.name.fullmatch(head[: cut - 2])
        if name and all(w.lower() in lex.stop_words for w in name.group(1).split()):
            name = None  # "On Friday, Russia said": a day, no name
        title = _TITLE_BEFORE.fullmatch(head[before_cut : cut - 2].strip())
        if name:
            phrase = f"{name.group(1).strip()}, {phrase}"
            longest = APPOSED_SUBJECT_WORDS  # the appositive may be a long office
        elif (
            title
            and lex.name.fullmatch(phrase)
            and any(_bare(w) in lex.titles for w in title.group(0).split())
        ):
            # "The head of the Russian-installed administration, Vladimir Saldo, said".
            phrase = f"{phrase}, {title.group(0)[0].lower()}{title.group(0)[1:]}"
    phrase = lex.leading_filler.sub("", phrase).strip(" ,")
    words = phrase.split()
    if words and len(words) > longest and longest == APPOSED_SUBJECT_WORDS:
        phrase = _cut_appositive(phrase, longest, lex)
        words = phrase.split()
    if not words or len(words) > longest:
        return ""
    if words[0].lower() in lex.pronouns or _PASSIVE_TAIL.search(phrase):
        return ""  # "The capture of Soledar was confirmed": no one is named as saying so
    return phrase


def _cut_appositive(phrase: str, longest: int, lex: Lexicon) -> str:
    """ "Vladimir Rogov, a member of the Russian-installed administration in the occupied part
    of the region": a name with an appositive too long to keep whole is the name with the
    appositive's first words, cut before a word of linking ("in", "of") so the office reads
    whole ("Vladimir Rogov, a member of the Russian-installed administration")."""
    words = phrase.split()[:longest]
    links = [i for i in range(4, len(words)) if words[i] in lex.appositive_links]
    return " ".join(words[: links[-1]] if links else words).rstrip(",")


# The most words a speaker's phrase has; a name with its appositive ("Vitaly Ganchev, the
# Russian-installed head of the occupied parts of the region") may have more.
SUBJECT_WORDS, APPOSED_SUBJECT_WORDS = 10, 14


def _bare(word: str) -> str:
    """A word without its commas and possessive: "Ukraine's," -> "ukraine"."""
    return re.sub(r"['’]s?$", "", word.lower().strip(","))


# Between a speaker and the reporting verb: "Shoigu had said", "the ministry also said".
_AUXILIARY_TAIL = re.compile(
    r"(?:\s+(?:had|has|have|also|earlier|previously|later|already|then|first|again|"
    r"reportedly|repeatedly|(?:appeared|appears|seemed|seems)\s+to))+$",
    re.IGNORECASE,
)
_TITLE_BEFORE = re.compile(r"(?:[Tt]he|[Aa]n?|[Ii]ts|[Hh]is|[Hh]er|[Tt]heir)\s+[^,]{3,80}")
_PASSIVE_TAIL = re.compile(r"\b(?:was|were|is|are|been|being)\s*$", re.IGNORECASE)


def date_of(
    text: str,
    spans: list[tuple[int, int]],
    near: int,
    dateline: dt.date,
    lex: Lexicon = ENGLISH,
) -> DateSpan:
    """The date expression nearest the cue in its own part of the clause (see segments), else
    in the parts before it (a part after it is another event: "under pressure since Ukraine
    retook Lyman in October"), then the same in the sentence, else the dateline (a claim
    without a date of its own is about the day of the report)."""
    for span in spans:
        # "X went on overnight, he said, and Y was attacked": what follows a speaker's words
        # joined by "and" is a statement of its own, with no date from before.
        tags = [m.end() for m in _SAID_AND.finditer(text, *span) if m.end() <= near]
        span = (max([span[0], *tags]), span[1])
        parts = _date_parts(text, span, lex)
        own = next((i for i, p in enumerate(parts) if p[0] <= near < p[1]), len(parts) - 1)
        for start, end in [parts[own], *reversed(parts[:own])]:
            found = [
                f
                for f in find_dates(text, start, end, dateline)
                if (not dates_what_follows(f[2]) or f[0] <= near < _phrase_end(text, f[1], end))
                and not _in_other_relative(text, span, f[0], near)
            ]
            if found:
                best = min(found, key=lambda f: min(abs(f[0] - near), abs(f[1] - near)))
                if dates_what_follows(best[2]):
                    return _interval_from_day_before(text, span, best, dateline)
                if same_day(best[2]):
                    return _day_named_before(text, span, best, dateline)
                return best[2]
    return dateline_span(dateline)


# Between a reporting verb and its day: nothing, or where it was said ("on Ukrainian
# television", "in a video address", "on Telegram").
_SAID_WHERE = re.compile(r"\s*(?:\s(?:on|in|at|to)\s+(?:[\w'’-]+\s+){0,3}?[\w'’-]+\s+)?")


_PRONOUN_BEFORE = re.compile(r"\b(?:he|she|it|they)\s*$", re.IGNORECASE)


def _statement_day(
    text: str,
    sentence_spans: list[tuple[int, int]],
    sentence: tuple[int, int],
    dateline: dt.date,
    lex: Lexicon = ENGLISH,
) -> DateSpan | None:
    """ "The ministry said on Tuesday its forces had taken X. It said its troops had also
    advanced near Y": a sentence whose speaker is the one named before ("he", "it", "the
    ministry") and that names no date goes on with the statement the sentence before dated
    ("said on Tuesday"); None when there is none."""
    index = sentence_spans.index(sentence) if sentence in sentence_spans else 0
    verb = lex.reporting.search(text, *sentence)
    if index == 0 or verb is None:
        return None
    head = text[sentence[0] : verb.start()]
    subject = _subject_before(text, sentence[0], verb.start(), lex)
    carried = _PRONOUN_BEFORE.search(_AUXILIARY_TAIL.sub("", head.rstrip())) or (
        subject
        and (is_anonymous(subject, lex) or _unnamed_body(text, sentence[0], verb.start(), lex))
    )
    if not carried:
        return None
    before = sentence_spans[index - 1]
    days = [
        span
        for said in lex.reporting.finditer(text, *before)
        for start, _end, span in find_dates(
            text, said.end(), min(before[1], said.end() + 60), dateline
        )
        # "said on Tuesday", "said Saturday", "said on national television on Tuesday"
        if _SAID_WHERE.fullmatch(text, said.end(), start)
    ]
    return days[-1] if days else None


# How far back "the same day" looks for the day it means: about the sentence before.
SAME_DAY_REACH = 400


def _day_named_before(
    text: str, span: tuple[int, int], same: tuple[int, int, DateSpan], dateline: dt.date
) -> DateSpan:
    """ "X ordered the withdrawal on Feb. 17. Moscow claimed the town the same day": the last
    day named before it, in its clause or the sentence before, or as many days after it as
    it says ("the next day"); else the dateline."""
    days = [
        f[2]
        for f in find_dates(text, max(0, span[0] - SAME_DAY_REACH), same[0], dateline)
        if f[2].precision == "day" and not same_day(f[2]) and not dates_what_follows(f[2])
    ]
    day = days[-1].start + dt.timedelta(days=days_after_named(same[2]) or 0) if days else None
    if day is None or day > dateline:
        return same[2]
    return DateSpan(day, day, "day", same[2].expression)


def _interval_from_day_before(
    text: str, span: tuple[int, int], interval: tuple[int, int, DateSpan], dateline: dt.date
) -> DateSpan:
    """ "Russian troops entered X on Friday, two weeks after the fall of Y": the interval counts
    back from the last day named before it in the clause, else from the dateline."""
    days = [
        f[2]
        for f in find_dates(text, span[0], interval[0], dateline)
        if f[2].precision == "day" and not dates_what_follows(f[2])
    ]
    return counted_from(interval[2], days[-1].start) if days else interval[2]


# ", which Moscow says it captured last week,": a relative clause set off by commas.
_RELATIVE_OPENING = re.compile(r",\s+(?:which|where|who|whom)\b", re.IGNORECASE)


def _in_other_relative(text: str, span: tuple[int, int], position: int, near: int) -> bool:
    """Whether position is in a relative clause set off by commas ("advancing from X, which
    Moscow says it captured last week, towards Y") that near is not in: its date is the
    noun's before it, not the clause's around it."""
    for found in _RELATIVE_OPENING.finditer(text, *span):
        close = _phrase_end(text, found.end(), span[1])
        if found.start() <= position < close and not found.start() <= near < close:
            return True
    return False


def _phrase_end(text: str, start: int, end: int) -> int:
    """The next comma after start, else end: how far "two months after the fall of X" reaches."""
    comma = text.find(",", start, end)
    return end if comma < 0 else comma


# "after claiming on Friday the recapture of ...": a participle after a conjunction is an
# event of its own, and so is its day.
_PARTICIPLE_CLAUSE = re.compile(r",?\s+(?:after|before|since|while|when)\s+(?=[a-z]+ing\b)")


_SAID_AND = re.compile(r",\s+(?:[\w'’-]+\s+){1,4}?(?:said|says|added),\s+and\s+")
# A relative clause that describes the noun before it: "opening a front in an area | that had
# been quiet for months" (its date is the area's, not the front's).
_DESCRIBING = re.compile(r",?\s+(?:that|which)\s+(?=(?:had|has|have|was|were|is|are)\b)")


def _date_parts(text: str, span: tuple[int, int], lex: Lexicon) -> list[tuple[int, int]]:
    """The parts of a clause (see segments), cut again where a participle clause or a
    relative clause that describes a noun begins; a cut before "after" takes the interval
    before it along ("came a day | after Russia said ..."): it dates the clause after it."""
    cuts = [start for start, _ in segments(text, span, lex)[1:]]
    cuts += [
        m.start()
        for pattern in (_PARTICIPLE_CLAUSE, _DESCRIBING)
        for m in pattern.finditer(text, *span)
        if m.start() > span[0]
    ]
    bounds = [span[0], *sorted(interval_start(text, cut) for cut in cuts), span[1]]
    return [(a, b) for a, b in zip(bounds, bounds[1:], strict=False) if a < b]


# --- the whole ---------------------------------------------------------------------------------


def _anaphors(
    text: str,
    mentions: list[Mention],
    sentence_spans: list[tuple[int, int]],
    lex: Lexicon = ENGLISH,
) -> list[Mention]:
    """ "The town of some 27,000 people ... fell": in a part of a clause (see segments) that
    names no place, "the town" or "the city" is the last town or city named before it, in
    its sentence or the sentences before ("Bakhmut remains in Russian hands since Wagner
    took the city in May")."""
    result = []
    named = [m for m in mentions if m.role in (PLACE, METONYMY)]
    for index, sentence in enumerate(sentence_spans):
        reach_start = sentence_spans[max(0, index - ANAPHOR_REACH)][0]
        if any(sentence[0] <= m.start < sentence[1] for m in named):
            # A sentence that names places: only its clauses that name none ("..., but Kyiv
            # said fighting went on in the town"; a government is no place), and clauses of
            # their own within a clause, of another event ("since Wagner took the city in
            # May"), that name none.
            parts = [
                part
                for clause in clauses(text, *sentence)
                for index, part in enumerate(segments(text, clause, lex))
                if (index == 0 or lex.other_event.match(text, part[0]))
                and not any(part[0] <= m.start < part[1] for m in named if m.role == PLACE)
            ]
        else:
            parts = [sentence]
        for start, end in parts:
            # "outside the city administration building": an office, no place.
            match = next(
                (
                    m
                    for m in lex.anaphor.finditer(text, start, end)
                    if not lex.office_after.match(text, m.end())
                ),
                None,
            )
            if match is None:
                continue
            earlier = [
                m
                for m in mentions
                if reach_start <= m.start < match.start()
                and m.role == PLACE
                and m.entry.kind in ("city", "town", "village")
            ]
            if not earlier:
                continue
            # "the town" after "Marinka, a town on the edge of Donetsk city" is Marinka.
            noun = match.group(0).split()[-1].lower()
            wanted = {"city": ("city",), "hub": ("city", "town")}.get(noun, ("town", "village"))
            # A place the report itself called so, here or anywhere before ("the eastern town of
            # Ocheretyne", "Marinka, a town on the edge of Donetsk"), is the one meant, before
            # any other named since ("the village of A ... near A and B ... south of the
            # village": A).
            called_so = {
                m.entry.key
                for m in mentions
                if m.start < match.start() and m.role == PLACE and _called(text, m, noun)
            }
            called = [m for m in earlier if m.entry.key in called_so]
            antecedent = next(
                (m for m in reversed(called or earlier) if called or m.entry.kind in wanted),
                earlier[-1],
            )
            result.append(
                _standing_for(antecedent, match.start(), match.end(), match.group(0), "anaphor")
            )
    return result


def _event_anaphors(
    text: str,
    mentions: list[Mention],
    sentence_spans: list[tuple[int, int]],
    lex: Lexicon = ENGLISH,
) -> list[Mention]:
    """ "Ukraine's army did not confirm the loss": a change a noun alone names is of the last
    town, city or village named before it, in its sentence or the sentences before. The
    mention is empty, at the noun, which is the cue right after it."""
    if lex.event_noun is None:
        return []
    result = []
    for index, sentence in enumerate(sentence_spans):
        reach_start = sentence_spans[max(0, index - ANAPHOR_REACH)][0]
        for match in lex.event_noun.finditer(text, *sentence):
            earlier = [
                m
                for m in mentions
                if reach_start <= m.start < match.start()
                and m.role == PLACE
                and m.entry.kind in ("city", "town", "village")
            ]
            if earlier:
                antecedent = earlier[-1]
                result.append(
                    _standing_for(antecedent, match.start(), match.start(), "", "anaphor")
                )
    return result


# "its southern outskirts", "positions on its western side": "its" before a part of a place.
_ITS_PART = re.compile(
    r"\b[Ii]ts\s+(?=(?:[\w-]+\s+){0,2}?(?:outskirts|edges?|sides?|parts?|districts?|"
    r"neighbou?rhoods?|quarters?|centre|center|approaches|flanks?)\b)"
)
# "It has been under bombardment since March": "it" as a sentence's subject, not a body that
# speaks ("It said ...").
_IT_SUBJECT = re.compile(
    r"It\s+(?:has|had|is|was)\s+(?!(?:\w+\s+)?(?:said|says|claimed|denied|reported|"
    r"confirmed|announced|added)\b)"
)


def _pronouns(
    text: str,
    places: list[Mention],
    sentence_spans: list[tuple[int, int]],
    lex: Lexicon = ENGLISH,
) -> list[Mention]:
    """ "Russian forces captured most of Pisky, but Ukrainian units held its western side",
    "Popasna had 20,000 residents. It has been shelled since March": "its" before a part of
    a place is the one settlement named before it in its sentence, else in the sentence
    before (a place that only locates another does not count); "It" opening a sentence is
    the settlement the sentence before opens with, when it names no other. An "its" of an
    army or a government ("its forces") is no place."""
    result = []
    for index, (start, end) in enumerate(sentence_spans):
        previous = sentence_spans[index - 1] if index > 0 else None
        for match in _ITS_PART.finditer(text, start, end):
            antecedent = _one_settlement(text, places, start, match.start(), lex)
            if antecedent is None and previous is not None:
                antecedent = _one_settlement(text, places, *previous, lex)
            if antecedent is not None:
                result.append(
                    _standing_for(antecedent, match.start(), match.start() + 3, "its", "pronoun")
                )
        if previous is not None and _IT_SUBJECT.match(text, start):
            antecedent = _one_settlement(text, places, *previous, lex)
            if antecedent is not None and antecedent.start == previous[0]:
                result.append(_standing_for(antecedent, start, start + 2, "It", "pronoun"))
    return result


# A cue whose object is a pronoun: "Ukrainian soldiers entered it the next day", "have since
# captured most of it", "strikes destroyed several houses there", "had 'partial success'
# there" ("there is", "it was" open a clause of their own: no object).
_IT_OBJECT = re.compile(
    r"(?:\s+(?:most|much|all|half|parts?|control)\s+of)?\s+it\b"
    r"(?!['’]|\s+(?:is|was|has|had|would|will|could|did|remains?|said)\b)",
    re.IGNORECASE,
)
_THERE_OBJECT = re.compile(
    r"[\"”’]?(?:\s+(?-i:[a-z])[^\s,.;:!?\"“”]*){0,3}?\s+there\b"
    r"(?!\s+(?:is|are|was|were|has|have|had|will|would|remains?)\b)",
    re.IGNORECASE,
)
_OBJECT_PRONOUNS = ("it", "there")
# A place that only locates another: "20 kilometers south of the city".
_LOCATING = re.compile(
    r"\b(?:(?:north|south|east|west)\w*|kilomet(?:er|re)s?|km|miles?)\)?\s+(?:of|from)\s+$",
    re.IGNORECASE,
)


def _pronoun_objects(
    text: str,
    places: list[Mention],
    sentence_spans: list[tuple[int, int]],
    lex: Lexicon = ENGLISH,
) -> list[Mention]:
    """ "Russian troops had left Bucha, and Ukrainian soldiers entered it the next day",
    "Lysychansk was shelled. Russian strikes destroyed several houses there": "it" or "there"
    as a cue's object is the one settlement named before the cue in its sentence, else (none
    named there before it) in the sentence before; a place that only locates another ("south
    of the city") does not count."""
    result = []
    for index, sentence in enumerate(sentence_spans):
        for found in find_cues(text, *sentence, lex):
            # "it" the object of a change or a hold ("entered it"), "there" where a strike or a
            # fight is ("strikes destroyed several houses there"): a change "there" is of
            # positions there, not of the place ("abandoned its positions there").
            if found.cue.status_from == NO_STATUS:
                match = _THERE_OBJECT.match(text, found.end)
            elif found.cue.event in CHANGE_EVENTS:
                match = _IT_OBJECT.match(text, found.end)
            else:
                match = _IT_OBJECT.match(text, found.end) or _THERE_OBJECT.match(text, found.end)
            if match is None or match.end() > sentence[1]:
                continue
            if lex.negation.search(text[max(sentence[0], found.start - 40) : found.start]):
                continue  # "had not lost control of it": a denial that restates the place's
            if any(found.start <= m.start < match.end() for m in places):
                continue  # a place of its own there, or a mention already standing for it
            pronoun = match.end() - (2 if match.group(0).lower().endswith("it") else 5)
            antecedent = _located_settlement(text, places, sentence[0], found.start, lex)
            if antecedent is None and index > 0:
                if any(sentence[0] <= m.start < found.start for m in places):
                    continue
                antecedent = _located_settlement(text, places, *sentence_spans[index - 1], lex)
            if antecedent is not None:
                result.append(
                    _standing_for(
                        antecedent, pronoun, match.end(), text[pronoun : match.end()], "pronoun"
                    )
                )
    return result


def _located_settlement(
    text: str, places: list[Mention], start: int, end: int, lex: Lexicon
) -> Mention | None:
    """The one settlement named in text[start:end] (see _one_settlement), leaving out those
    that only locate another."""
    kept = [m for m in places if not _LOCATING.search(text[max(0, m.start - 40) : m.start])]
    return _one_settlement(text, kept, start, end, lex)


# "X, a settlement near the border that Russian forces seized on the first day": a relative
# clause after the apposition of a name is about the name, not a place the apposition names.
_APPOSED_RELATIVE = re.compile(
    r",\s+(?:an?|the)\s+[^,;.\"“”]{0,80}?\b(?:town|city|village|settlement|hub|stronghold)"
    r"\b[^,;.\"“”]{0,60}?\s(?=(?:that|which)\s)"
)


_PAST_PERFECT = re.compile(r"\bhad\s+(?:\w+\s+)?$")


def _relatives(text: str, places: list[Mention]) -> list[Mention]:
    """The relative pronoun after a name's apposition ("Rubizhne, a town north of Y that has
    been under assault since March"), standing for the name."""
    result = []
    for place in places:
        if place.how not in ("exact", "inflected", "fuzzy"):
            continue  # a name, not a mention standing for one
        match = _APPOSED_RELATIVE.match(text, place.end)
        if match:
            word = text[match.end() : match.end() + 5].rstrip()
            result.append(
                _standing_for(place, match.end(), match.end() + len(word), word, "relative")
            )
    return result


# "Izium, which Moscow says it captured last week, ...": a relative clause right after a
# name, about the name.
_WHICH_AFTER = re.compile(r",\s+(?=which\s)")


def _which_relatives(text: str, places: list[Mention]) -> list[Mention]:
    """The relative pronoun right after a name ("Makariv, which Ukrainian forces retook on
    March 22"), standing for the name."""
    result = []
    for place in places:
        if place.how not in ("exact", "inflected", "fuzzy"):
            continue
        match = _WHICH_AFTER.match(text, place.end)
        if match:
            start = match.end()
            result.append(_standing_for(place, start, start + 5, "which", "relative"))
    return result


# Where a relative clause ends: at the next comma, semicolon or dash of its sentence.
_RELATIVE_END = re.compile(r",|;|\s[—–-]{1,2}\s")


def relative_span(text: str, mention: Mention, clause: tuple[int, int]) -> tuple[int, int]:
    """The relative clause a relative pronoun opens, up to the next comma of its clause:
    its cues, sides and dates are its own, not the clause's it is in."""
    end = _RELATIVE_END.search(text, mention.end, clause[1])
    return (mention.start, end.start() if end else clause[1])


def _pronoun_end(text: str, span: tuple[int, int]) -> int:
    """Where the relative pronoun that opens span ends ("which", "that")."""
    space = text.find(" ", span[0], span[1])
    return span[1] if space < 0 else space


def _masked(text: str, spans: Sequence[tuple[int, int]]) -> str:
    """The text with the spans blanked out (same length, so offsets stay)."""
    if not spans:
        return text
    chars = list(text)
    for start, end in spans:
        chars[start:end] = " " * (end - start)
    return "".join(chars)


# The apposition after a list, a plural that names its places together ("A, B and C, the
# last large cities of the region still under Ukrainian control"), up to its clause's edge.
_LIST_APPOSITION = re.compile(
    r",\s+(?:the|both|all|two|three|four|five|six|several)\s+(?:[\w'’-]+\s+){0,4}?"
    r"(?P<noun>towns|cities|villages|settlements|hamlets)\b[^,;.:!?\"“”()]*"
)


def _says_who_holds(text: str, start: int, end: int, lex: Lexicon) -> bool:
    return any(f.cue.status_from != NO_STATUS for f in find_cues(text, start, end, lex))


def _list_appositions(text: str, places: list[Mention], lex: Lexicon) -> list[Mention]:
    """The plural of an apposition after a list of names, standing for each of its places
    when the apposition itself says who holds them ("Kostiantynivka, Kramatorsk and
    Sloviansk, the last large cities still under Ukrainian control")."""
    names = sorted(
        (
            m
            for m in places
            if m.how in ("exact", "inflected", "fuzzy") and m.entry.kind != "oblast"
        ),
        key=lambda m: m.start,
    )
    result = []
    chain: list[Mention] = []
    for name in names:
        if chain and lex.list_gap.fullmatch(text, chain[-1].end, name.start):
            chain.append(name)
        else:
            chain = [name]
        if len(chain) < 2:
            continue
        match = _LIST_APPOSITION.match(text, name.end)
        if match is None or any(name.end < m.start < match.end() for m in names):
            continue
        if not _says_who_holds(text, match.start(), match.end(), lex):
            continue
        noun = match.start("noun"), match.end("noun")
        result.extend(_standing_for(m, *noun, text[slice(*noun)], "relative") for m in chain)
    return result


def _one_settlement(
    text: str, places: list[Mention], start: int, end: int, lex: Lexicon
) -> Mention | None:
    """The last settlement named in text[start:end], when it is the only one there (a place
    only locating another, "a town north of Y", is not one)."""
    named = [
        m
        for m in places
        if start <= m.start < end
        and m.entry.kind in ("city", "town", "village")
        and not lex.goal_before.search(text[max(0, m.start - 50) : m.start])
    ]
    if not named or len({m.entry.key for m in named}) != 1:
        return None
    return named[-1]


def _standing_for(antecedent: Mention, start: int, end: int, text: str, how: str) -> Mention:
    """A mention at text[start:end] ("the town", or empty where a cue leaves its place out) of
    the place antecedent names, less sure than a name."""
    return Mention(
        start=start,
        end=end,
        text=text,
        entry=antecedent.entry,
        score=round(antecedent.score * ANAPHOR_SCORE_FACTOR, 3),
        how=how,
        role=PLACE,
    )


def _called(text: str, mention: Mention, noun: str) -> bool:
    """Whether the report calls the place by the noun: "the town of X", "X, a ... town"."""
    before = text[max(0, mention.start - 40) : mention.start]
    after = text[mention.end : mention.end + 60]
    return bool(
        re.search(rf"\b{noun}\s+of\s+$", before, re.IGNORECASE)
        or re.match(rf",\s+(?:an?|the)\s+(?:[\w-]+\s+){{0,3}}?{noun}\b", after, re.IGNORECASE)
    )


def split_statements(
    text: str, sentence_spans: list[tuple[int, int]], lex: Lexicon = ENGLISH
) -> list[tuple[int, int]]:
    """ "Captured by Russia 26 February 2022 Recaptured by Ukraine 3 April 2022": a participle
    that opens a statement right after a number opens a sentence of its own."""
    result = []
    for start, end in sentence_spans:
        for match in lex.elliptic.finditer(text, start + 1, end):
            before = text[start : match.start()].rstrip()
            if len(before) < match.start() - start and before[-1:].isdigit():
                result.append((start, start + len(before)))
                start = match.start()
        result.append((start, end))
    return result


def _elliptic(
    text: str,
    mentions: list[Mention],
    sentence_spans: list[tuple[int, int]],
    lex: Lexicon = ENGLISH,
) -> list[Mention]:
    """ "Kupiansk: Captured by Russia 27 February. Recaptured by Ukraine 10 September.": a
    sentence that names no place and opens with a participle, its subject left out, is about
    the place the sentence before was about (the first it names, or its own such place)."""
    result = []
    subject: Mention | None = None
    last_index = -ANAPHOR_REACH - 1
    for index, (start, end) in enumerate(sentence_spans):
        named = [m for m in mentions if start <= m.start < end and m.role in (PLACE, METONYMY)]
        places = [m for m in named if m.role == PLACE and m.entry.kind != "oblast"]
        if places:
            subject, last_index = places[0], index
            continue
        if named or subject is None or index - last_index > ANAPHOR_REACH:
            continue
        if lex.elliptic.match(text, start):
            result.append(_standing_for(subject, start, start, "", "ellipsis"))
            last_index = index
    return result


# A cue with nothing after it up to its clause's first mark ("a decision was made to
# withdraw,", "our defenders are holding,", "holding their ground", "holding the line
# there"): its place is left out. A withdrawal "to more fortified positions" is the stock
# phrase for leaving the place, not a place of its own ("withdrew to new lines" is one).
_BARE_TAIL = re.compile(
    r"\s*(?:(?:their|its|our|the)\s+(?:ground|positions|lines?)\s*)?"
    r"(?:to\s+(?:more\s+)?(?:fortified|prepared|advantageous|favou?rable|defensive|safer)"
    r"\s+(?:positions|lines)\b[^,.;:!?\"”]*)?"
    r"(?:(?:firmly|still|now|again|too|there)\s*)?(?=[,.;:!?]|$)",
    re.IGNORECASE,
)
# Who acts must be an army, not residents: "a decision was made to withdraw" the defenders;
# "the Russians had fled" are its troops ("millions of Ukrainians fled" are not).
_FORCES = re.compile(
    r"\b(?:troops|forces|units|soldiers|defenders|fighters|army|brigades?|marines|garrison)\b"
    r"|\bthe\s+(?:Russians|Ukrainians)\b",
    re.IGNORECASE,
)


def _continued(
    text: str,
    places: list[Mention],
    sentence_spans: list[tuple[int, int]],
    lex: Lexicon = ENGLISH,
) -> list[Mention]:
    """ "Ukraine said it had withdrawn from Lysychansk. 'A decision was made to withdraw,' the
    General Staff said.": a part of a clause (see segments) that names no place and whose cue
    leaves its place out goes on about the one place named before it in its sentence, else,
    in a quotation (a speaker tells of the place the report just named), in the sentence
    before; with two places there, it is about neither."""
    result = []
    quoted = quotation_spans(text)
    for index, sentence in enumerate(sentence_spans):
        for clause in clauses(text, *sentence):
            for start, end in segments(text, clause, lex):
                if any(start <= m.start < end for m in places):
                    continue
                found = _bare_cue(text, start, end, lex)
                if found is None:
                    continue
                before = [m for m in places if sentence[0] <= m.start < start]
                if not before and index > 0 and any(_within(q, found.start) for q in quoted):
                    before = [m for m in places if _within(sentence_spans[index - 1], m.start)]
                before = [m for m in before if m.entry.kind != "oblast"]
                if len({m.entry.key for m in before}) != 1:
                    continue
                antecedent = before[-1]
                result.append(_standing_for(antecedent, found.start, found.start, "", "continued"))
    return result


def _within(span: tuple[int, int], position: int) -> bool:
    return span[0] <= position < span[1]


def _bare_cue(text: str, start: int, end: int, lex: Lexicon) -> _Found | None:
    """The first control cue of text[start:end], when an army's action leaves it without
    its place (a cue after it is of a clause of its own: "they had captured")."""
    found = next(
        (f for f in find_cues(text, start, end, lex) if f.cue.status_from != NO_STATUS), None
    )
    if found is None or not _BARE_TAIL.match(text, found.end, end):
        return None
    actor = (
        _FORCES.search(text, start, found.start)
        or lex.first_person.search(text, start, found.start)
        # A cue that names its side needs no army before it: "The flag of Ukraine is back."
        or side_of(text, found.start, found.end, lex)
    )
    return found if actor else None


def extract_claims(
    text: str,
    mentions: list[Mention],
    dateline: dt.date,
    *,
    outlet: str = "",
    language: str = "en",
) -> list[Candidate]:
    """Candidate claims for the places of change among the mentions, in text order, read
    with the lexicon of the article's language."""
    lex = for_language(language)
    sentence_spans = split_statements(text, sentences(text), lex)
    report = f"{outlet} {REPORT_SUFFIX}" if outlet else "the report"
    places = [m for m in mentions if m.role == PLACE]
    places = sorted(
        places
        + _anaphors(text, mentions, sentence_spans, lex)
        + _event_anaphors(text, mentions, sentence_spans, lex)
        + _elliptic(text, mentions, sentence_spans, lex),
        key=lambda m: m.start,
    )
    places = sorted(
        places
        + _continued(text, places, sentence_spans, lex)
        + _pronouns(text, places, sentence_spans, lex)
        + _pronoun_objects(text, places, sentence_spans, lex)
        + _relatives(text, places)
        + (which := _which_relatives(text, places))
        + _list_appositions(text, places, lex),
        key=lambda m: m.start,
    )
    speakers = named_speakers(text, sentence_spans, lex)
    quotes = quotations(text, lex, speakers)
    speakers = sorted(speakers + [(q.start, q.speaker) for q in quotes if q.speaker])
    bodies = sorted(speakers + named_bodies(text, sentence_spans, lex))
    # "we", "our" and "the enemy" in a quotation read as the speaker's side and the other.
    reading = mark_speakers_sides(text, quotes, lex)
    candidates: list[Candidate] = []
    stated: set[tuple] = set()  # (place, clause, status, date) of the claims so far
    last_said: dict[str, tuple[str, str]] = {}  # place -> (status, event) of its last claim
    own_clauses = _relative_spans(text, places, sentence_spans)
    # A which-clause right after a name is a claim of its own only when it tells who took or
    # holds the place ("X, which Russia captured in October"); one that describes it ("X,
    # which borders Russia", "which has been shelled for months") reads with its clause.
    after_name = {id(m) for m in which}
    told = {k for k, r in own_clauses.items() if k in after_name and _tells_a_change(text, r, lex)}
    own_clauses = {k: v for k, v in own_clauses.items() if k not in after_name or k in told}
    places = [m for m in places if id(m) not in after_name or id(m) in told]
    full_text, full_reading = text, reading
    told_in_sentence: set[tuple] = set()  # (place, sentence, status) of the claims so far
    for mention in places:
        # A subject left out is an empty span at its sentence's start: the sentence after it.
        reach = max(mention.end, mention.start + 1)
        sentence = enclosing(sentence_spans, mention.start, reach)
        if sentence is None:
            continue
        clause = enclosing(clauses(full_text, *sentence), mention.start, reach) or sentence
        # A relative clause is a clause of its own: its cues, sides and dates are about the
        # name it follows, and none of the clause's others ("advancing from X, which Moscow
        # says it captured last week, towards Y").
        inner = own_clauses.get(id(mention))
        apart = [
            r
            for r in own_clauses.values()
            if r != inner and clause[0] <= r[0] < clause[1] and not r[0] <= mention.start < r[1]
        ]
        # The pronoun itself stays: ", which" still tells a clause about the name before it.
        apart = [(_pronoun_end(full_text, r), r[1]) for r in apart]
        text, reading = _masked(full_text, apart), _masked(full_reading, apart)
        if inner is not None and id(mention) in after_name:
            clause = inner  # (an apposition's relative keeps the clause: "X, a town that ...")
        span = (mention.start, mention.end)
        # Other places in the clause that can be a cue's object; an oblast only says where
        # ("fighting in the Donetsk region near Lyman"), and "its outskirts" takes no cue from
        # the place after it ("fighting moved to its outskirts and to Y").
        others = [
            (m.start, m.end)
            for m in mentions + places
            if m.role != METONYMY
            and m.entry.kind != "oblast"
            and m.how != "pronoun"
            and clause[0] <= m.start < clause[1]
            and (m.start, m.end) != span
        ]
        if lex.goal_before.search(
            text[max(0, mention.start - 50) : mention.start]
        ) and not _WHERE_AFTER.match(text, mention.end):
            # Where forces were headed, not where they are; but ", where ..." is about it.
            continue
        # Certainty, claimant and date: the clause first, then the whole sentence. What is
        # said inside a quotation is its speaker's claim.
        scope = [clause, sentence]
        cue = choose_cue(reading, cues_about(reading, clause, span, lex, others), span, others, lex)
        quote = quotation_at(quotes, mention.start)
        if quote is not None:
            # A quotation is never the report's own voice: its speaker's, else the last one
            # named before it.
            claimant = quote.speaker or _speaker_before(speakers, quote.start) or report
        else:
            claimant = claimant_of(
                text,
                scope,
                report,
                lex,
                _speaker_before(speakers, mention.start),
                _speaker_before(bodies, mention.start),
                mention.start,
                cue.start if cue else None,
            )
            claimant = _the_country(text, sentence, _dateline_body(text, claimant, lex), lex)
            if outlet and claimant == outlet:
                claimant = report  # "Reuters could not confirm": the report's own word
        # An actor of no named side ("The 72nd Brigade left the town, a spokesman said") is
        # the claimant's side: a side tells of its own units.
        speaker_side = claimant_side(claimant, lex)
        found = status_and_event(
            reading,
            clause,
            span,
            others,
            lex,
            default_side=speaker_side if speaker_side in (UKRAINIAN, RUSSIAN) else None,
            previous=last_said.get(mention.entry.key),
        )
        if found is None:
            continue  # named, but nothing said about who holds it
        status, event = found
        if id(mention) in after_name and (
            status == NO_STATUS or (mention.entry.key, sentence, status) in told_in_sentence
        ):
            # "Hirske, which has withstood attacks for weeks": a description; "Its forces
            # entered X, which they said they had taken": the same change told again.
            continue
        told_in_sentence.add((mention.entry.key, sentence, status))
        if cue is not None and hypothetical(text, clause, cue.start, cue.end, lex, cue.cue.event):
            continue
        if (
            mention.how == "relative"
            and event == "held"
            and cue is not None
            and _PAST_PERFECT.search(text, mention.end, cue.start)
        ):
            continue  # "Vuhledar, a town that had held out for two years": a hold now ended
        if mention.entry.kind == "oblast" and _only_the_setting(
            reading, clause, span, cue, places, lex
        ):
            continue
        cue_start = cue.start if cue else None
        if (
            cue is not None
            and (
                cue.cue.status_from in ADJECTIVE_STATUSES
                or (
                    mention.how == "relative"
                    and cue.start > mention.end
                    and not lex.reporting.search(text, mention.end, cue.start)
                    and not (clause == inner and _ATTRIBUTED_AFTER.match(text, inner[1]))
                )
            )
            and quote is None
            and not any(lex.unverified.search(text, *span) for span in scope)
            and not (
                speaker_side != REPORT_VOICE and _OPENS_CLAUSE.search(text[clause[0] : cue.start])
            )
        ):
            # "Shelling went on in Russian-occupied Horlivka, officials said", "X, a town that
            # Russian forces seized in March": the report's own word or description, whoever
            # it quotes after; but the subject of what a speaker says ("The Russian-held town
            # of X was a staging ground, he said") is the speaker's word, and "X, which Russia
            # said it captured" is Russia's.
            certainty, claimant = "confirmed", report
        else:
            # What a speaker says is claimed, not confirmed, unless a word says otherwise.
            spoken = quote is not None or speaker_side != REPORT_VOICE
            certainty = certainty_of(
                text, scope, cue_start, lex, default="claimed" if spoken else "confirmed"
            )
            if quote is not None and certainty == "confirmed":
                certainty = "claimed"
        near = cue_start if cue_start is not None else mention.start
        if (
            cue_start is not None
            and cue_start < mention.start
            and _ITEM_DATE.match(text, mention.end)
        ):
            near = mention.end  # an item of a list with its own date: "and B in May"
        date = date_of(text, scope, near, dateline, lex)
        if event == "held" and date.expression.lower().startswith("since"):
            # "a town Ukrainian forces have held since the start of the invasion": a hold that
            # goes on is told of the day of the report; "since" says when it began.
            date = dateline_span(dateline)
        if not date.expression and quote is None:
            date = _statement_day(text, sentence_spans, sentence, dateline, lex) or date
        said = (mention.entry.key, clause, status, date.start, date.end)
        if (
            mention.how in ("anaphor", "continued", "pronoun", "relative")
            and said in stated
            # A cue's pronoun object tells an event of its own: "Russian troops had left the
            # town, and Ukrainian soldiers entered it".
            and not (mention.how == "pronoun" and (*said, event) not in stated)
        ):
            continue  # "entered Lyman on Saturday after Russians withdrew from the town"
        stated.add(said)
        stated.add((*said, event))
        last_said[mention.entry.key] = (status, event)
        candidates.append(
            Candidate(
                entry=mention.entry,
                mention=mention.text,
                status=status,
                event=event,
                certainty=certainty,
                claimant=claimant,
                date=date,
                quote=full_text[clause[0] : clause[1]],
                start=clause[0],
                end=clause[1],
                score=mention.score,
                mention_start=mention.start,
            )
        )
    candidates += _denials(full_text, sentence_spans, candidates, dateline, lex)
    return _dated_by_next_sentence(
        _one_per_place_and_clause(full_text, candidates, lex), sentence_spans
    )


# "X, which Ukrainian forces retook on March 22, according to the General Staff": whom the
# relative clause is told after.
_ATTRIBUTED_AFTER = re.compile(r",\s+according\s+to\b")


def _tells_a_change(text: str, span: tuple[int, int], lex: Lexicon) -> bool:
    """Whether text[span] has a cue of a change of hands or of a hold."""
    return any(
        f.cue.event in CHANGE_EVENTS
        or (f.cue.event == "held" and f.cue.status_from not in ADJECTIVE_STATUSES)
        for f in find_cues(text, *span, lex)
    )


def _relative_spans(
    text: str, places: list[Mention], sentence_spans: list[tuple[int, int]]
) -> dict[int, tuple[int, int]]:
    """id of each relative pronoun's mention -> the relative clause it opens."""
    spans = {}
    for mention in places:
        if mention.how != "relative":
            continue
        sentence = enclosing(sentence_spans, mention.start, mention.end)
        if sentence is None:
            continue
        clause = enclosing(clauses(text, *sentence), mention.start, mention.end) or sentence
        spans[id(mention)] = relative_span(text, mention, clause)
    return spans


# How many sentences back a denial that names no place ("Kyiv has not confirmed the losses")
# reaches for the claims it answers.
DENIAL_REACH = 2
_ARTICLE = re.compile(r"(?:the|its|this|that|which)\b", re.IGNORECASE)
_ONE_CLAIM = re.compile(
    r"\b(?:loss|fall|capture|claim|report|it|this)\b(?!\s+of\s+(?:either|both))"
)


def _denials(
    text: str,
    sentence_spans: list[tuple[int, int]],
    candidates: list[Candidate],
    dateline: dt.date,
    lex: Lexicon = ENGLISH,
) -> list[Candidate]:
    """ "Russia said it had captured X, a claim Ukraine denied", "... Y and Z, claims that
    Ukrainian officials rejected", "Russia said it took X and Y. Kyiv has not confirmed the
    losses": a side's denial that names no place answers the claims of the other side told
    before it, in its own sentence (after a comma), else in the one or two sentences before
    (a singular "the loss", "the claim": the last of them). Each claim it answers gets a
    denied claim of the denying side on the same place, status and event, quoting the
    denial. Only a change or hold claimed by a speaker of the other side is answered, never
    shelling or an attack, and never the report's own word."""
    if lex.denial_after is None and lex.denial_sentence is None:
        return []
    result: list[Candidate] = []
    for index, sentence in enumerate(sentence_spans):
        found: list[tuple[re.Match[str], list[Candidate]]] = []
        if lex.denial_after is not None:
            for match in lex.denial_after.finditer(text, *sentence):
                answered = [c for c in candidates if sentence[0] <= c.mention_start < match.start()]
                found.append((match, answered))
        if lex.denial_sentence is not None and index > 0:
            match = lex.denial_sentence.match(text, *sentence)
            named = any(sentence[0] <= c.mention_start < sentence[1] for c in candidates)
            if match is not None and not named:
                start = sentence_spans[max(0, index - DENIAL_REACH)][0]
                answered = [c for c in candidates if start <= c.mention_start < sentence[0]]
                found.append((match, answered))
        for match, answered in found:
            group = next(
                g for g in ("who", "by", "but") if match.re.groupindex.get(g) and match.group(g)
            )
            who = match.group(group)
            side = phrase_side(who, lex)
            if side not in (UKRAINIAN, RUSSIAN):
                continue  # "Reuters could not confirm", "analysts did not confirm"
            answered = [
                c
                for c in answered
                if c.status
                and c.certainty in ("claimed", "unconfirmed")
                and claimant_side(c.claimant, lex) != side
                and c.status != side
            ]
            if match.re is lex.denial_sentence:
                # From sentences before, only a change told of a place by its name.
                answered = [
                    c
                    for c in answered
                    if c.event not in ("fighting", "held")
                    and c.mention[:1].isupper()
                    and not _ARTICLE.match(c.mention)
                ]
                if _ONE_CLAIM.search(match.group(0)):
                    answered = answered[-1:]
            span = (match.start(group), match.end())
            if match.re is lex.denial_after and group != "but":
                span = (text.index(" ", match.start()) + 1, match.end())
            date = date_of(text, [span], span[0], dateline, lex)
            seen: set[str] = set()
            for claim in answered:
                if claim.entry.key in seen or any(
                    c.entry.key == claim.entry.key and c.start < span[1] and span[0] < c.end
                    for c in candidates + result
                    if c.certainty == "denied"
                ):
                    continue
                seen.add(claim.entry.key)
                result.append(
                    Candidate(
                        entry=claim.entry,
                        mention=claim.mention,
                        status=claim.status,
                        event=claim.event,
                        certainty="denied",
                        claimant=who,
                        date=date,
                        quote=text[span[0] : span[1]],
                        start=span[0],
                        end=span[1],
                        score=claim.score,
                        mention_start=claim.mention_start,
                    )
                )
    return result


def _dated_by_next_sentence(
    candidates: list[Candidate], sentence_spans: list[tuple[int, int]]
) -> list[Candidate]:
    """ "Russia says it has captured X. 'Our units have liberated X,' its spokesman said on
    Wednesday": a claim without a date of its own (the dateline's) takes the day of the same
    claim on the same place in the next sentence, told with a day of its own."""

    def sentence_of(candidate: Candidate) -> int:
        return next((i for i, (a, b) in enumerate(sentence_spans) if a <= candidate.start < b), -1)

    result = []
    for candidate in candidates:
        index = sentence_of(candidate)
        later = [
            other
            for other in candidates
            if index >= 0
            and sentence_of(other) == index + 1
            and other.entry.key == candidate.entry.key
            and other.status == candidate.status
            and other.date.expression
            and other.date.precision == "day"
        ]
        if candidate.date.expression or not candidate.status or not later:
            result.append(candidate)
            continue
        result.append(dataclasses.replace(candidate, date=later[0].date))
    return result


# A side's adjective that opens a clause or a part joined by "and": the clause's subject.
_OPENS_CLAUSE = re.compile(r"(?:^|,\s+(?:and\s+)?|\band\s+)(?:the\s+)?$", re.IGNORECASE)


def _only_the_setting(
    text: str,
    clause: tuple[int, int],
    span: tuple[int, int],
    cue: _Found | None,
    places: Sequence[Mention],
    lex: Lexicon = ENGLISH,
) -> bool:
    """Whether an oblast is only where a cue about another place of the clause happens: a
    cue before it with a place before the cue ("captured Selydove ... in its fastest advance
    in the Donetsk region"), or one after it that is not its own verb, while the clause names
    another place ("the Kharkiv region ..., and Moscow said it had captured five villages")
    or the cue is past a clause not about the oblast ("the last city they held in the Luhansk
    region, after weeks of fighting"). "fighting in the Donetsk region near Lyman", "Irpin,
    Bucha and the whole Kyiv region were liberated" and "the Kharkiv region, which borders
    Russia, has been shelled" are the oblast's."""
    if cue is None:
        return False
    towns = [
        m
        for m in places
        if m.entry.kind != "oblast" and clause[0] <= m.start < clause[1] and m.start != span[0]
    ]
    if cue.end <= span[0]:
        return any(m.end <= cue.start for m in towns)
    if lex.cue_gap.fullmatch(text, span[1], cue.start):
        return False
    return bool(towns) or (cue.start >= span[1] and not _ABOUT_IT.match(text, span[1]))


def _one_per_place_and_clause(
    text: str, candidates: list[Candidate], lex: Lexicon = ENGLISH
) -> list[Candidate]:
    """A place named twice in one part of a clause ("Izium ... Izyum") makes one claim; a
    cue's pronoun object tells another event ("entered X and have since captured most of
    it")."""
    seen: set[tuple] = set()
    kept = []
    for candidate in candidates:
        part = segment_of(text, (candidate.start, candidate.end), candidate.mention_start, lex)
        key: tuple = (candidate.entry.key, candidate.start, part[0])
        told = (*key, candidate.event)
        if candidate.mention in _OBJECT_PRONOUNS:
            key = told  # "taken X and are clearing it" is still one
        if key not in seen:
            seen.update((key, told))
            kept.append(candidate)
    return kept
