"""Place mentions -> candidate claims, from the clause and sentence around each mention.

A claim needs a control cue next to the place (entered, recaptured, withdrew, fell,
fighting, shelled, encircled, controlled by...): a place merely named (the dateline, "images
in Kupiansk") yields none. The cue gives the event; the side that acts, with the event, gives
the status; reporting words give the certainty and the claimant; date expressions, resolved
against the dateline, give the date. The quote is the clause the mention is in, verbatim, at
its offsets in the text.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from frontline.events import NO_STATUS
from frontline.model import Claim
from frontline.news.dates import DateSpan, dateline_span, find_dates
from frontline.news.eventcues import EVENT_CUES
from frontline.news.gazetteer import Entry
from frontline.news.geoparse import METONYMY, PLACE, Mention
from frontline.news.textspans import clauses, enclosing, sentences

UKRAINIAN, RUSSIAN, CONTESTED = "ukrainian", "russian", "contested"

# Words that put an actor on a side. Russian-side words come with the separatists' names.
_SIDE_WORDS = {
    UKRAINIAN: r"ukrainian|ukraine['’]s|ukrainians|kyiv['’]s|kyiv-|kiev['’]s|zelensky['’]s|"
    r"zsu|azov|україн\w*|зсу",
    RUSSIAN: r"russian|russia['’]?s?|moscow['’]?s?|kremlin['’]?s?|putin['’]?s?|pro-russia\w*|"
    r"separatists?|rebels?|wagner|chechen|dpr|lpr|occupiers|occupying|"
    r"російськ\w*|окупант\w*|рашист\w*|русск\w*",
}
_SIDE = re.compile(
    "|".join(f"(?P<{side}>\\b(?:{words}))" for side, words in _SIDE_WORDS.items()), re.IGNORECASE
)
_PRONOUN_SIDE = re.compile(r"\b(?:its|their|they|it)\b", re.IGNORECASE)


@dataclass(frozen=True)
class Cue:
    event: str
    pattern: str
    # How the acting side gives the status: "actor" (who entered holds it), "other" (who
    # withdrew lost it), "passive" (who "was forced out" lost it, to the side "by" whom),
    # "object" (the side a cue names inside it, "forced Ukrainian troops out", lost it; else
    # the actor holds it), or a fixed status.
    status_from: str


CUES: tuple[Cue, ...] = (
    # Shelling, strikes, attacks, fighting near: an event, no status (news.eventcues).
    *(Cue(event, pattern, NO_STATUS) for event, pattern in EVENT_CUES),
    Cue(
        "recaptured",
        r"recaptur\w*|retook|retaken|retake|retaking|took\s+back|taken\s+back|"
        r"regain\w*(?:\s+control)?|won\s+back|повернули",
        "actor",
    ),
    Cue("liberated", r"liberat\w*|freed|de-occupied|звільн\w*|освобод\w*", "actor"),
    Cue(
        "entered",
        r"entered|entering|enter|moved\s+into|marched\s+into|rais(?:ed|ing)\s+(?:the|a|"
        r"their)\s+(?:\w+\s+)?flag|увійшл\w*|зайшл\w*",
        "actor",
    ),
    Cue(
        "captured",
        r"captur\w*|seiz\w*|took\s+(?:full\s+)?control|taken\s+control|"
        r"(?<!-)occupied|occupying|overran|took\s+over|захопил\w*|окупува\w*|"
        r"(?:took|taking|taken)(?!\s+(?:back|part|place|prisoner))|cleared|clearing",
        "actor",
    ),
    Cue(
        "withdrew",
        r"(?:was|were|been|being|is|are)\s+(?:\w+\s+)?(?:forced|pushed|driven|routed|"
        r"dislodged|expelled|ousted|kicked)\s+out",
        "passive",
    ),
    Cue(
        "withdrew",
        r"(?:forced|pushed|drove|driven|kicked)\s+(?:[\w'’-]+\s+){1,3}?out\s+of",
        "object",
    ),
    Cue(
        "withdrew",
        r"routed|dislodg\w*|drove\s+out|driven\s+out|pushed\s+out|expelled|"
        r"forced\s+out|ousted|вибил\w*|витіснил\w*",
        "actor",
    ),
    Cue(
        "withdrew",
        r"withdr[ae]w\w*|withdrawn|withdrawal|retreat\w*|"
        r"pull(?:ed|ing|s)?\s+(?:[\w'’]+\s+){0,2}?(?:out|back)|regroup\w*\s+from|"
        r"left(?!\s+(?:bank|flank|wing|without|with|in|dead|behind))|leaving|leaves?|"
        r"fled|abandon\w*|відступил\w*|відійшл\w*|залишил\w*",
        "other",
    ),
    Cue("fell", r"fell|fallen|falls", "fell"),
    Cue("encircled", r"encircl\w*|surround\w*|cut\s+off|оточен\w*|оточил\w*", CONTESTED),
    Cue(
        "fighting",
        r"fighting|fight|fights|battl\w*|clash\w*|assault\w*|storm\w*|"
        r"(?:very\s+)?difficult|fierce|heavy\s+combat|combat|advanc\w*\s+"
        r"(?:on|towards?)|offensive\s+(?:on|towards?)|бо[їя]\w*|"
        r"штурм\w*",
        CONTESTED,
    ),
    Cue(
        "held",
        r"controlled\s+by|under\s+(?:\w+\s+)?control|in\s+\w+\s+hands|held\s+by|"
        r"holds?|holding|remains?\s+in|in\s+(?:full\s+|complete\s+)?control\s+of|контролю\w*",
        "actor",
    ),
    # A side's adjective before a name: "Russian-occupied Horlivka".
    Cue("held", r"(?:ukrainian|kyiv)-(?:controlled|held)", UKRAINIAN),
    Cue("held", r"(?:russian|moscow)-(?:occupied|controlled|held)", RUSSIAN),
)
_CUES = tuple((cue, re.compile(rf"\b(?:{cue.pattern})\b", re.IGNORECASE)) for cue in CUES)
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

# Certainty cues. A report's own word that a claim could not be checked holds for the whole
# sentence; of the others, the one nearest the control cue counts ("Russia claimed ..., which
# Ukrainian officials denied": the claim is Russia's).
_UNVERIFIED = re.compile(
    r"\bno\s+(?:official\s+|independent\s+)?confirmation\b|"
    r"\bnot\s+(?:been\s+)?(?:independently\s+)?(?:confirmed|verified)\b|"
    r"\bcould\s+not\s+(?:be\s+)?(?:independently\s+)?(?:confirm|verif)\w*|"
    r"\bunconfirmed\b|\bunverified\b",
    re.IGNORECASE,
)
_CERTAINTY = (
    (
        "denied",
        r"\bden(?:ied|ies|y|ying)\b|\brejected\s+(?:the\s+)?(?:claims?|reports?)\b|"
        r"\bdismissed\s+(?:the\s+)?(?:claims?|reports?)\b|\bfalse\b|спростува\w*",
    ),
    (
        "unconfirmed",
        r"\bappear(?:ed|s)?\s+to\b|\breportedly\b|"
        r"\binitial\s+reports?\b|\breports?\s+suggest\w*|\bseem(?:ed|s)?\s+to\b|"
        r"\bsuggest\w*\b|\brumou?rs?\b|\bimages\b|\bvideos?\s+(?:posted|shared)\b",
    ),
    ("confirmed", r"\bconfirm(?:ed|s)\b|\bofficially\b|\bпідтверд\w*"),
    (
        "claimed",
        r"\bsaid\b|\bsays\b|\bclaim(?:ed|s)?\b|(?<!\bto )\bannounc\w*|"
        r"\baccording\s+to\b|\binsist\w*|\bstated?\b|\bstatement\b|\breported\b|"
        r"\btold\b|\bcalled\b|\badded\b|\bwrote\b|\bposted\b|\bзаяви\w*|"
        r"\bповідоми\w*",
    ),
)
_CERTAINTY_PATTERNS = tuple((name, re.compile(p, re.IGNORECASE)) for name, p in _CERTAINTY)
_NEGATION = re.compile(
    r"\b(?:not|never|no\s+longer|n['’]t|didn['’]t|hadn['’]t|haven['’]t|"
    r"hasn['’]t)\s+(?:\w+\s+){0,2}$",
    re.IGNORECASE,
)

# A cue in a hypothetical, the future or an attempt states no control ("X's capture would be
# a milestone", "will likely be forced to retreat", "trying to encircle"). "May" the month is
# capitalised; "may" the verb is not.
_HYPOTHETICAL = re.compile(
    r"\b(?:would|could|might|will|shall|if|unless|whether|"
    r"(?:likely|expected|set|poised|aiming|planning|trying|seeking|attempting|threatening|"
    r"going|aims?|plans?|intends?|tried|sought|bid)\s+to)\b|(?-i:\bmay\b)",
    re.IGNORECASE,
)
HYPOTHETICAL_AFTER = 20  # characters after the cue: "capture would be"


def hypothetical(text: str, clause: tuple[int, int], cue_start: int, cue_end: int) -> bool:
    return bool(_HYPOTHETICAL.search(text, clause[0], min(clause[1], cue_end + HYPOTHETICAL_AFTER)))


# Who says so: the subject of a reporting verb, or what follows "according to".
_REPORTING = re.compile(
    r"\b(?:said|says|claimed|claims|announced|announces|insisted|stated|"
    r"reported|told|called|added|wrote|posted|confirmed|denied|"
    r"published)\b"
)
_SUBJECT_STOP = re.compile(
    r"(?:^|\s)(?:and|that|but|while|as|which|who|when|after|"
    r"because|though|although)\s+|[;:\"“”]|,\s+(?=[a-z])",
    re.IGNORECASE,
)
_AFTER_QUOTE = re.compile(
    r"[,.!?][\"”’]\s+(?:said|says|according\s+to)\s+"
    r"((?:[A-Z][\w'’-]+\s*){1,4})"
)
_ACCORDING_TO = re.compile(r"\baccording\s+to\s+([^,.;]{3,80})", re.IGNORECASE)
_LEADING_FILLER = re.compile(r"^(?:but|and|meanwhile|however|also|so|yet)\b,?\s*", re.IGNORECASE)

# "the town" / "the city" with no name: the last town or city named before.
_ANAPHOR = re.compile(r"\b[Tt]he\s+(?:town|city|village|settlement)\b(?!\s+of\s+[A-Z])")
ANAPHOR_REACH = 3  # sentences back
ANAPHOR_SCORE_FACTOR = 0.7


@dataclass(frozen=True)
class Candidate:
    """A claim the text seems to make, for a person to review before it is saved."""

    entry: Entry
    mention: str  # the spelling in the text ("Iyzum", "The town")
    status: str
    event: str
    certainty: str
    claimant: str
    date: DateSpan
    quote: str
    start: int
    end: int
    score: float
    mention_start: int = 0
    notes: tuple[str, ...] = field(default_factory=tuple)

    def as_dict(self) -> dict[str, Any]:
        """The JSON form `frontline ingest` prints."""
        return {
            "place": self.entry.name,
            "place_id": self.entry.place_id or None,
            "geonames_id": self.entry.geonames_id,
            "lat": self.entry.lat,
            "lon": self.entry.lon,
            "oblast": self.entry.oblast,
            "kind": self.entry.kind,
            "status": self.status,
            "event": self.event,
            "certainty": self.certainty,
            "claimant": self.claimant,
            "date": self.date.start.isoformat(),
            "date_end": self.date.end.isoformat(),
            "date_precision": self.date.precision,
            "date_expression": self.date.expression,
            "quote": self.quote,
            "start": self.start,
            "end": self.end,
            "mention": self.mention,
            "score": self.score,
        }

    def to_claim(self, claim_id: str, place_id: str, article_id: str) -> Claim:
        return Claim(
            claim_id=claim_id,
            place_id=place_id,
            date=self.date.start,
            date_end=self.date.end,
            date_precision=self.date.precision,
            status=self.status,
            event=self.event,
            certainty=self.certainty,
            claimant=self.claimant,
            article_id=article_id,
            quote=self.quote,
            quote_start=self.start,
            quote_end=self.end,
            mention=self.mention,
        )


# --- the parts ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Found:
    cue: Cue
    start: int
    end: int


def find_cues(text: str, start: int, end: int) -> list[_Found]:
    found = []
    for cue, pattern in _CUES:
        for match in pattern.finditer(text, start, end):
            if not any(f.start < match.end() and match.start() < f.end for f in found):
                found.append(_Found(cue, match.start(), match.end()))
    return sorted(found, key=lambda f: f.start)


def choose_cue(
    text: str, cues: list[_Found], mention: tuple[int, int], others: Sequence[tuple[int, int]] = ()
) -> _Found | None:
    """The cue about this mention: one right after it ("Kupiansk fell", "Izium was
    liberated"), else the nearest before it ("entered Kupiansk") unless another place stands
    between as its object ("captured Soledar, north of Bakhmut"; a list, "recaptured Izium
    and Lyman", shares it), else the nearest after."""
    after = [c for c in cues if c.start >= mention[1]]
    for cue in after:
        gap = text[mention[1] : cue.start]
        if re.fullmatch(
            r"\s*(?:(?:was|were|is|are|has|have|had|been|being|also|already|"
            r"now|reportedly|finally)\s+)*",
            gap,
            re.IGNORECASE,
        ):
            return cue
    before = [c for c in cues if c.end <= mention[0]]
    if before and not _object_between(text, before[-1].end, mention, others):
        return before[-1]
    return after[0] if after else None


_LIST_GAP = re.compile(
    r"\s*(?:,|and|or|,\s*and|,\s*or|,\s*(?:including|among\s+them|such\s+as))\s*",
    re.IGNORECASE,
)
# Where forces were headed is not what they took: "on the way to X, including A and B".
_GOAL_BEFORE = re.compile(
    r"\b(?:on\s+the\s+(?:way|road)\s+to|en\s+route\s+to|in\s+the\s+direction\s+of)\s+$",
    re.IGNORECASE,
)
ADJECTIVE_STATUSES = (UKRAINIAN, RUSSIAN)  # a side's adjective: "Russian-held"


def cues_about(text: str, clause: tuple[int, int], mention: tuple[int, int]) -> list[_Found]:
    """The clause's cues that can be about the mention: a side's adjective ("Russian-held")
    only of the name right after it, or of the name its apposition follows ("X, a
    Russian-occupied hub,"), never spilling onto the next place."""
    kept = []
    for found in find_cues(text, *clause):
        if found.cue.status_from in ADJECTIVE_STATUSES:
            right_after = not text[found.end : mention[0]].strip() and found.end <= mention[0]
            apposition = re.fullmatch(
                r",\s+(?:an?|the)\s+(?:\w+\s+)?", text[mention[1] : found.start]
            )
            if not (right_after or apposition):
                continue
        kept.append(found)
    return kept


def _object_between(
    text: str, cue_end: int, mention: tuple[int, int], others: Sequence[tuple[int, int]]
) -> bool:
    """Whether a place between the cue and the mention is the cue's object instead."""
    between = sorted({o for o in others if cue_end <= o[0] and o[1] <= mention[0]})
    if not between:
        return False
    # Each place in a list joined by commas and "and" is an object of the cue.
    chain = [*between, mention]
    return not all(
        _LIST_GAP.fullmatch(text, a[1], b[0]) for a, b in zip(chain, chain[1:], strict=False)
    )


def side_of(text: str, start: int, end: int) -> str | None:
    """The side the last side word in text[start:end] names."""
    last = None
    for match in _SIDE.finditer(text, start, end):
        last = match
    if last is None:
        return None
    return UKRAINIAN if last.group(UKRAINIAN) else RUSSIAN


def actor_side(text: str, clause: tuple[int, int], cue: _Found) -> str | None:
    """Who does the cue's action: a side inside the cue ("under Russian control"), "by
    <side>" right after it (passive), else the last side named before it in the clause, else
    the first after it."""
    inside = side_of(text, cue.start, cue.end)
    if inside:
        return inside
    passive = re.match(r"\s+(?:\w+\s+){0,2}?by\s+(?:the\s+)?", text[cue.end : clause[1]])
    if passive:
        after = cue.end + passive.end()
        side = side_of(text, after, min(clause[1], after + 40))
        if side:
            return side
        if _PRONOUN_SIDE.match(text, after):  # "shelled by its artillery": the side before
            return side_of(text, clause[0], cue.start)
    before = side_of(text, clause[0], cue.start)
    if before:
        return before
    first = _SIDE.search(text, cue.end, clause[1])
    if first is None:
        return None
    return UKRAINIAN if first.group(UKRAINIAN) else RUSSIAN


def _opposite(side: str | None) -> str | None:
    return {UKRAINIAN: RUSSIAN, RUSSIAN: UKRAINIAN}.get(side or "")


def cue_status(text: str, clause: tuple[int, int], cue: _Found) -> str | None:
    rule = cue.cue.status_from
    if rule in (UKRAINIAN, RUSSIAN, CONTESTED, NO_STATUS):
        return rule
    if rule == "fell":
        fell_to = re.match(r"\s+(?:back\s+)?to\s+", text[cue.end : clause[1]])
        if fell_to:
            return side_of(text, cue.end, min(clause[1], cue.end + fell_to.end() + 30))
        # A place "fell" to the invader unless the clause says otherwise.
        return side_of(text, *clause) or RUSSIAN
    if rule == "passive":
        by = re.search(r"\bby\s+(?:the\s+)?", text[cue.end : clause[1]])
        if by:
            after = cue.end + by.end()
            winner = side_of(text, after, min(clause[1], after + 40))
            if winner:
                return winner
        return _opposite(side_of(text, clause[0], cue.start))
    if rule == "object":
        loser = side_of(text, cue.start, cue.end)
        return _opposite(loser) if loser else side_of(text, clause[0], cue.start)
    side = actor_side(text, clause, cue)
    if rule == "other":
        if cue.cue.event == "shelled" and side is None:
            return CONTESTED
        return _opposite(side)
    if side is None and cue.cue.event in ("liberated", "recaptured"):
        return UKRAINIAN  # in this war's reports, both words are Ukraine's
    return side


def status_and_event(
    text: str,
    clause: tuple[int, int],
    mention: tuple[int, int],
    others: Sequence[tuple[int, int]] = (),
) -> tuple[str, str] | None:
    cues = cues_about(text, clause, mention)
    chosen = choose_cue(text, cues, mention, others)
    if chosen is None:
        return None
    status = cue_status(text, clause, chosen)
    if status is None:
        return None
    # "either controlled by Russia or shelled by its artillery": a place held by one side
    # and fought over by the other is contested.
    for other in cues:
        if other is chosen:
            continue
        first, second = sorted((chosen, other), key=lambda c: c.start)
        if re.search(r"\bor\b", text[first.end : second.start]):
            # "controlled by Russia or shelled": neither is said for sure; the event stands.
            if NO_STATUS in (chosen.cue.status_from, other.cue.status_from):
                event_cue = chosen if chosen.cue.status_from == NO_STATUS else other
                return NO_STATUS, event_cue.cue.event
            other_status = cue_status(text, clause, other)
            if other_status and other_status != status:
                event = min((chosen.cue.event, other.cue.event), key=_EVENT_PRIORITY.index)
                return CONTESTED, event
    return status, chosen.cue.event


def certainty_of(text: str, spans: list[tuple[int, int]], cue_start: int | None) -> str:
    """A negated control cue ("had not entered") is a denial; the report's doubt anywhere in
    the sentence makes it unconfirmed; else the certainty cue nearest the control cue in the
    clause, then in the sentence (the stronger where two are as near); a report that states
    a thing itself confirms it."""
    if cue_start is not None and _NEGATION.search(text[max(0, cue_start - 40) : cue_start]):
        return "denied"
    if any(_UNVERIFIED.search(text, start, end) for start, end in spans):
        return "unconfirmed"
    for start, end in spans:
        found = [
            (abs(match.start() - cue_start) if cue_start is not None else 0, rank, name)
            for rank, (name, pattern) in enumerate(_CERTAINTY_PATTERNS)
            for match in pattern.finditer(text, start, end)
        ]
        if found:
            return min(found)[2]
    return "confirmed"


def claimant_of(text: str, spans: list[tuple[int, int]], report: str) -> str:
    """Who makes the claim: the subject of the reporting verb, "according to" whom, or the
    speaker after a quotation; else the report itself."""
    for start, end in spans:
        after_quote = _AFTER_QUOTE.search(text, start, end)
        if after_quote:
            return after_quote.group(1).strip()
        according = _ACCORDING_TO.search(text, start, end)
        if according:
            return according.group(1).strip()
        verb = _REPORTING.search(text, start, end)
        if verb:
            subject = _subject_before(text, start, verb.start())
            if subject:
                return subject
    return report


def _subject_before(text: str, start: int, verb: int) -> str:
    """The noun phrase before a reporting verb: back to the last conjunction or quotation,
    keeping an appositive ("Denis Pushilin, the rebel official")."""
    head = text[start:verb].rstrip().rstrip(",").rstrip()
    cut = 0
    for match in _SUBJECT_STOP.finditer(head):
        cut = match.end()
    phrase = head[cut:].strip()
    if cut and head[cut - 2 : cut].strip() == ",":
        # "Denis Pushilin, the rebel official, said": a name alone before the appositive.
        name = re.fullmatch(r"\s*((?:[A-Z][\w'’-]+\s?){1,3})", head[: cut - 2])
        if name:
            phrase = f"{name.group(1).strip()}, {phrase}"
    phrase = _LEADING_FILLER.sub("", phrase).strip(" ,")
    words = phrase.split()
    if not words or len(words) > 10:
        return ""
    if words[0].lower() in ("it", "they", "he", "she", "we", "i", "there"):
        return ""
    return phrase


def date_of(text: str, spans: list[tuple[int, int]], near: int, dateline: dt.date) -> DateSpan:
    """The date expression nearest the cue in the clause, else in the sentence, else the
    dateline (a claim without a date of its own is about the day of the report)."""
    for start, end in spans:
        found = find_dates(text, start, end, dateline)
        if found:
            best = min(found, key=lambda f: min(abs(f[0] - near), abs(f[1] - near)))
            return best[2]
    return dateline_span(dateline)


# --- the whole ---------------------------------------------------------------------------------


def _anaphors(
    text: str, mentions: list[Mention], sentence_spans: list[tuple[int, int]]
) -> list[Mention]:
    """ "The town of some 27,000 people ... fell": in a sentence that names no place, "the
    town" or "the city" is the last town or city named in the sentences before."""
    result = []
    for index, (start, end) in enumerate(sentence_spans):
        if any(start <= m.start < end for m in mentions if m.role in (PLACE, METONYMY)):
            continue
        match = _ANAPHOR.search(text, start, end)
        if match is None:
            continue
        reach_start = sentence_spans[max(0, index - ANAPHOR_REACH)][0]
        earlier = [
            m
            for m in mentions
            if reach_start <= m.start < start
            and m.role == PLACE
            and m.entry.kind in ("city", "town", "village")
        ]
        if earlier:
            # "the town" after "Marinka, a town on the edge of Donetsk city" is Marinka.
            noun = match.group(0).split()[-1].lower()
            wanted = ("city",) if noun == "city" else ("town", "village")
            antecedent = next((m for m in reversed(earlier) if m.entry.kind in wanted), earlier[-1])
            result.append(
                Mention(
                    start=match.start(),
                    end=match.end(),
                    text=match.group(0),
                    entry=antecedent.entry,
                    score=round(antecedent.score * ANAPHOR_SCORE_FACTOR, 3),
                    how="anaphor",
                    role=PLACE,
                )
            )
    return result


def extract_claims(
    text: str, mentions: list[Mention], dateline: dt.date, *, outlet: str = ""
) -> list[Candidate]:
    """Candidate claims for the places of change among the mentions, in text order."""
    sentence_spans = sentences(text)
    report = f"{outlet} (the report)" if outlet else "the report"
    places = [m for m in mentions if m.role == PLACE]
    places = sorted(places + _anaphors(text, mentions, sentence_spans), key=lambda m: m.start)
    candidates: list[Candidate] = []
    for mention in places:
        sentence = enclosing(sentence_spans, mention.start, mention.end)
        if sentence is None:
            continue
        clause = enclosing(clauses(text, *sentence), mention.start, mention.end) or sentence
        span = (mention.start, mention.end)
        # Other places in the clause that can be a cue's object; an oblast only says where
        # ("fighting in the Donetsk region near Lyman").
        others = [
            (m.start, m.end)
            for m in mentions + places
            if m.role != METONYMY
            and m.entry.kind != "oblast"
            and clause[0] <= m.start < clause[1]
            and (m.start, m.end) != span
        ]
        if _GOAL_BEFORE.search(text[max(0, mention.start - 30) : mention.start]):
            continue  # where forces were headed, not where they are
        found = status_and_event(text, clause, span, others)
        if found is None:
            continue  # named, but nothing said about who holds it
        status, event = found
        cue = choose_cue(text, cues_about(text, clause, span), span, others)
        if cue is not None and hypothetical(text, clause, cue.start, cue.end):
            continue
        cue_start = cue.start if cue else None
        # Certainty, claimant and date: the clause first, then the whole sentence.
        scope = [clause, sentence]
        candidates.append(
            Candidate(
                entry=mention.entry,
                mention=mention.text,
                status=status,
                event=event,
                certainty=(
                    # "Russian-occupied Horlivka": the report's own word, whoever it quotes.
                    "confirmed"
                    if cue is not None
                    and cue.cue.status_from in ADJECTIVE_STATUSES
                    and not any(_UNVERIFIED.search(text, *span) for span in scope)
                    else certainty_of(text, scope, cue_start)
                ),
                claimant=claimant_of(text, scope, report),
                date=date_of(
                    text, scope, cue_start if cue_start is not None else mention.start, dateline
                ),
                quote=text[clause[0] : clause[1]],
                start=clause[0],
                end=clause[1],
                score=mention.score,
                mention_start=mention.start,
            )
        )
    return _one_per_place_and_clause(candidates)


def _one_per_place_and_clause(candidates: list[Candidate]) -> list[Candidate]:
    """A place named twice in one clause ("Izium ... Izyum") makes one claim."""
    seen: set[tuple[str, int]] = set()
    kept = []
    for candidate in candidates:
        key = (candidate.entry.key, candidate.start)
        if key not in seen:
            seen.add(key)
            kept.append(candidate)
    return kept
