"""From claims to an assessment: what the evidence about a place says as of a date.

Not the newest row alone: every claim about the place up to the date is read in timeline
order by one rule (README, "How a place's status is assessed"):

- A claim's strength is its certainty: confirmed 3, claimed 2, unconfirmed 1. A denial
  supports nothing; an event that states no control (shelled, struck...) is counted and
  supports nothing either.
- An admission against interest -- a side saying the place is held by the other (it lost,
  left or withdrew from it), as a claim or confirmed -- is strong: 3.
- The first claim with a status sets the assessment.
- A newer claim of the same status never weakens it; a stronger one raises its strength.
- A claim of another status within WINDOW_DAYS of the newest support ("close in time")
  changes the assessment if it is at least as strong; a weaker one leaves it. Later than
  that, the situation may have changed: the newer claim sets the assessment.
- Two claims of different statuses close in time, as strong as each other, from different
  sides (Ukrainian, Russian, or neither): the newer is shown, and the place is *disputed*
  with the other status, until a stronger claim or a later one settles it.

`Fold` applies the rule one claim at a time; `assess` runs it over one place's claims; the
timeline index (frontline.timeline) runs it once per data load over every place, so that
the map, the Data page, the Changes page and the exports all read the same assessment.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import NamedTuple

from frontline.folding import fold

WINDOW_DAYS = 3  # claims this close in time are weighed against each other

STRENGTHS = {"confirmed": 3, "claimed": 2, "unconfirmed": 1, "denied": 0}
STRONG = 3
# The certainty a strength is drawn with (an admission is strong: drawn as confirmed).
STRENGTH_CERTAINTY = {3: "confirmed", 2: "claimed", 1: "unconfirmed"}

UKRAINIAN, RUSSIAN, NEITHER = "ukrainian", "russian", ""
SIDES = (UKRAINIAN, RUSSIAN, NEITHER)

# Who a claimant speaks for, by the first side word in its name. Observers, images and the
# reports themselves speak for neither side.
_SIDE_WORDS = re.compile(
    r"(?P<russian>\b(?:russia\w*|moscow\w*|kremlin|putin\w*|pro-russia\w*|separatist\w*|"
    r"rebel\w*|wagner|kadyrov\w*|chechen\w*|dpr|lpr|pushilin|pasechnik|shoigu|peskov|"
    r"konashenkov|saldo|balitsky|russian-installed)\b)|"
    r"(?P<ukrainian>\b(?:ukrain\w*|kyiv\w*|kiev\w*|zelensky\w*|zelenskiy\w*|zsu|azov|"
    r"haidai|syniehubov|synegubov|kyrylenko|malyar|zaluzhny\w*|syrskyi)\b)",
    re.IGNORECASE,
)
_BYSTANDER = re.compile(r"\b(?:observers?|bloggers?|analysts?|images?|videos?|media)\b", re.I)
_OPPOSITE = {UKRAINIAN: RUSSIAN, RUSSIAN: UKRAINIAN}


def claimant_side(claimant: str) -> str:
    """The side a claimant speaks for: "ukrainian", "russian", or "" for neither (a report's
    own statement, observers, images, an outlet, the record)."""
    match = _SIDE_WORDS.search(claimant)
    if match is None or _BYSTANDER.search(claimant):
        return NEITHER
    return RUSSIAN if match.group("russian") else UKRAINIAN


def is_admission(status: str, certainty: str, side: str) -> bool:
    """A side saying the other holds the place: it lost it, left it or withdrew from it."""
    return certainty in ("confirmed", "claimed") and _OPPOSITE.get(side) == status


def claim_strength(status: str, certainty: str, side: str) -> tuple[int, bool]:
    """A claim's strength (0: it supports nothing) and whether it is an admission."""
    if not status:
        return 0, False  # an event that states no control
    if is_admission(status, certainty, side):
        return STRONG, True
    return STRENGTHS.get(certainty, 0), False


def source_key(claimant: str) -> str:
    """Claims from one claimant are one source, however many reports carry them."""
    return " ".join(fold(claimant).split())


class Evidence(NamedTuple):
    """One claim as the rule reads it (a named tuple: a data load makes one per claim)."""

    day: int  # the date it is about, as a proleptic ordinal
    status: str  # "" for an event that states no control
    strength: int  # 0: supports nothing (a denial, or an event)
    side: str
    source: str
    claim: object  # what names the claim: its id, or its row in a table
    admission: bool = False
    certainty: str = ""  # the claim's own

    @classmethod
    def of(
        cls, date: dt.date, status: str, certainty: str, claimant: str, claim: object
    ) -> Evidence:
        side = claimant_side(claimant)
        strength, admission = claim_strength(status, certainty, side)
        return cls(
            date.toordinal(),
            status,
            strength,
            side,
            source_key(claimant),
            claim,
            admission,
            certainty,
        )


@dataclass(frozen=True, slots=True)
class Assessment:
    """What the evidence about a place supports as of a date."""

    status: str  # "" when only events (or denials) speak of the place
    certainty: str  # of the strongest support; an admission counts as confirmed
    strength: int
    admission: bool  # the strongest support is an admission against interest
    sources: int  # distinct claimants supporting the status since it was taken
    sides: tuple[str, ...]  # their sides, in SIDES order ("" for neither)
    disputed: bool
    disputed_with: str  # the other status of a dispute, else ""
    decided_by: object  # the claim that set the status
    strongest: object  # the strongest claim supporting it (the newest of equals)
    since: dt.date | None
    events: int  # events (no status) about the place, counted
    latest: object  # the newest claim read, of any kind


# What a claim did to the assessment (Fold.add's answer; None: nothing changed).
FIRST = "first"
STATUS = "status"
STRONGER = "certainty"
DISPUTED = "disputed"


class Fold:
    """The rule, one claim at a time, for one place (claims in timeline order)."""

    __slots__ = (
        "status",
        "strength",
        "strongest",
        "decided_by",
        "since",
        "last_day",
        "sources",
        "sides",
        "disputed",
        "disputed_with",
        "events",
        "latest",
        "last_event",
    )

    def __init__(self) -> None:
        self.status = ""
        self.strength = 0
        self.strongest: Evidence | None = None
        self.decided_by: Evidence | None = None
        self.since = 0
        self.last_day = 0
        self.sources: set[str] = set()
        self.sides: set[str] = set()
        self.disputed = False
        self.disputed_with = ""
        self.events = 0
        self.latest: Evidence | None = None
        self.last_event: Evidence | None = None

    def _take(self, ev: Evidence) -> None:
        self.status, self.strength = ev.status, ev.strength
        self.strongest = self.decided_by = ev
        self.since = self.last_day = ev.day
        self.sources, self.sides = {ev.source}, {ev.side}
        self.disputed, self.disputed_with = False, ""

    def add(self, ev: Evidence) -> str | None:
        self.latest = ev
        if not ev.status:
            self.events += 1
            self.last_event = ev
            return None
        if ev.strength == 0:
            return None  # a denial sets nothing
        if self.strongest is None:
            self._take(ev)
            return FIRST
        if ev.status == self.status:
            self.sources.add(ev.source)
            self.sides.add(ev.side)
            self.last_day = max(self.last_day, ev.day)
            if ev.strength < self.strength:
                return None  # newer and weaker: the assessment stands
            stronger = ev.strength > self.strength
            self.strength, self.strongest = ev.strength, ev
            if stronger:
                self.disputed, self.disputed_with = False, ""
                return STRONGER
            return None
        close = ev.day - self.last_day <= WINDOW_DAYS
        if close and ev.strength < self.strength:
            return None  # a weaker claim of another status, close in time
        assert self.strongest is not None
        dispute = close and ev.strength == self.strength and ev.side != self.strongest.side
        before = self.status
        self._take(ev)
        if dispute:
            self.disputed, self.disputed_with = True, before
            return DISPUTED
        return STATUS

    def assessment(self) -> Assessment | None:
        """The assessment so far; None before any claim."""
        if self.latest is None:
            return None
        if self.strongest is None:  # only events or denials: the latest event's certainty
            certainty = self.last_event.certainty if self.last_event else ""
            return Assessment(
                "",
                certainty,
                0,
                False,
                0,
                (),
                False,
                "",
                None,
                None,
                None,
                self.events,
                self.latest.claim,
            )
        return Assessment(
            status=self.status,
            certainty=STRENGTH_CERTAINTY[self.strength],
            strength=self.strength,
            admission=self.strongest.admission,
            sources=len(self.sources),
            sides=tuple(s for s in SIDES if s in self.sides),
            disputed=self.disputed,
            disputed_with=self.disputed_with,
            decided_by=self.decided_by.claim if self.decided_by else None,
            strongest=self.strongest.claim,
            since=dt.date.fromordinal(self.since),
            events=self.events,
            latest=self.latest.claim,
        )


def assess(evidence: Iterable[Evidence]) -> Assessment | None:
    """The assessment of one place from its claims, in timeline order."""
    place = Fold()
    for ev in evidence:
        place.add(ev)
    return place.assessment()


def assess_claims(claims: Iterable, as_of: dt.date | None = None) -> Assessment | None:
    """The assessment of one place as of a date from its claims (frontline.model.Claim or
    anything with date, status, certainty, claimant and claim_id), in any order."""
    chosen = sorted(
        (c for c in claims if as_of is None or c.date <= as_of),
        key=lambda c: (c.date, c.claim_id),
    )
    return assess(
        Evidence.of(c.date, c.status, c.certainty, c.claimant, c.claim_id) for c in chosen
    )


SIDE_NAMES = {UKRAINIAN: "the Ukrainian side", RUSSIAN: "the Russian side"}


def sides_text(sides: Iterable[str]) -> str:
    """Whose sources they are: "both sides", "the Ukrainian side and others", "neither side"."""
    sides = set(sides)
    parties = [s for s in (UKRAINIAN, RUSSIAN) if s in sides]
    if len(parties) == 2:
        return "both sides"
    if parties:
        return SIDE_NAMES[parties[0]] + (" and others" if NEITHER in sides else "")
    return "neither side"


def support_text(sources: int, sides: Iterable[str]) -> str:
    """The support of an assessment in words: "3 sources, both sides"."""
    return f"{sources} source{'' if sources == 1 else 's'}, {sides_text(sides)}"
