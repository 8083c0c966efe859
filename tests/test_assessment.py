"""The assessment rule, row by row as the README's table gives it, and the issue's cases."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import pytest

from frontline import store
from frontline.assessment import (
    DISPUTED,
    FIRST,
    STATUS,
    STRONGER,
    WINDOW_DAYS,
    Evidence,
    Fold,
    assess_claims,
    claimant_side,
    support_text,
)
from tests.conftest import DATA_DIR

D = dt.date(2022, 9, 10)

UKR_FORCES = "Ukrainian forces"
RU_MOD = "Russia's defence ministry"
REPORT = "AFP (the report)"


@dataclass(frozen=True)
class C:
    """A claim as the rule reads it: what assess_claims takes."""

    claim_id: str
    day: int  # days after D
    status: str
    certainty: str
    claimant: str

    @property
    def date(self) -> dt.date:
        return D + dt.timedelta(days=self.day)


def run(*claims: C):
    return assess_claims(claims)


def steps(*claims: C) -> list[str | None]:
    place = Fold()
    return [
        place.add(Evidence.of(c.date, c.status, c.certainty, c.claimant, c.claim_id))
        for c in claims
    ]


@pytest.mark.parametrize(
    ("claimant", "side"),
    [
        ("Ukrainian forces", "ukrainian"),
        ("Russia's defence ministry", "russian"),
        ("Denis Pushilin, separatist leader", "russian"),
        ("Serhiy Haidai, the regional governor", "ukrainian"),
        ("AFP (the report)", ""),
        ("Images on social media; Russian observers", ""),
        ("Wikipedia's list", ""),
    ],
)
def test_claimant_side(claimant, side):
    assert claimant_side(claimant) == side


def test_the_first_claim_sets_the_assessment():
    a = run(C("a", 0, "russian", "claimed", RU_MOD))
    assert (a.status, a.certainty, a.sources, a.sides, a.disputed) == (
        "russian",
        "claimed",
        1,
        ("russian",),
        False,
    )
    assert a.decided_by == a.strongest == "a"


def test_a_denial_supports_nothing():
    a = run(C("a", 0, "russian", "claimed", RU_MOD), C("b", 1, "ukrainian", "denied", RU_MOD))
    assert (a.status, a.strongest) == ("russian", "a")
    assert run(C("b", 1, "ukrainian", "denied", RU_MOD)).status == ""


def test_a_newer_weaker_claim_of_the_same_status_does_not_weaken():
    a = run(C("a", 0, "ukrainian", "confirmed", REPORT), C("b", 1, "ukrainian", "unconfirmed", "x"))
    assert (a.status, a.certainty, a.strongest, a.sources) == ("ukrainian", "confirmed", "a", 2)


def test_a_newer_stronger_claim_of_the_same_status_raises_it():
    claims = (
        C("a", 0, "ukrainian", "claimed", UKR_FORCES),
        C("b", 1, "ukrainian", "confirmed", REPORT),
    )
    assert steps(*claims) == [FIRST, STRONGER]
    a = run(*claims)
    assert (a.certainty, a.strongest, a.decided_by) == ("confirmed", "b", "a")


def test_another_status_at_least_as_strong_close_in_time_changes_it():
    claims = (
        C("a", 0, "russian", "claimed", RU_MOD),
        C("b", 2, "contested", "claimed", "Russia's defence ministry, later"),
    )
    assert steps(*claims) == [FIRST, STATUS]  # one side correcting itself: no dispute
    a = run(*claims)
    assert (a.status, a.disputed) == ("contested", False)


def test_another_status_weaker_close_in_time_leaves_it():
    a = run(
        C("a", 0, "russian", "confirmed", REPORT), C("b", 2, "ukrainian", "claimed", UKR_FORCES)
    )
    assert (a.status, a.certainty, a.disputed) == ("russian", "confirmed", False)


def test_another_status_weaker_but_later_than_the_window_changes_it():
    """Kupiansk: fell to Russia in February (confirmed), entered by Ukraine in September."""
    later = WINDOW_DAYS + 1
    a = run(
        C("a", 0, "russian", "confirmed", REPORT), C("b", later, "ukrainian", "claimed", UKR_FORCES)
    )
    assert (a.status, a.certainty, a.decided_by) == ("ukrainian", "claimed", "b")


def test_sides_contradicting_each_other_close_in_time_make_a_dispute():
    claims = (
        C("a", 0, "ukrainian", "claimed", UKR_FORCES),
        C("b", 1, "russian", "claimed", RU_MOD),
    )
    assert steps(*claims) == [FIRST, DISPUTED]
    a = run(*claims)
    assert (a.status, a.disputed, a.disputed_with) == ("russian", True, "ukrainian")


def test_a_stronger_claim_settles_a_dispute():
    a = run(
        C("a", 0, "ukrainian", "claimed", UKR_FORCES),
        C("b", 1, "russian", "claimed", RU_MOD),
        C("c", 2, "ukrainian", "confirmed", REPORT),
    )
    assert (a.status, a.certainty, a.disputed) == ("ukrainian", "confirmed", False)


def test_an_admission_against_interest_is_strong():
    """Russia's defence ministry saying its forces withdrew: Ukrainian-held, strongly."""
    admission = C("a", 0, "ukrainian", "claimed", RU_MOD)
    a = run(admission)
    assert (a.status, a.certainty, a.strength, a.admission) == ("ukrainian", "confirmed", 3, True)
    # A claim of the side that gains, as strong as a party's claim can be, does not undo it.
    a = run(admission, C("b", 1, "russian", "claimed", "Russian-installed officials"))
    assert (a.status, a.disputed) == ("ukrainian", False)
    # Hearsay is no admission: unconfirmed stays weak.
    weak = run(C("a", 0, "ukrainian", "unconfirmed", RU_MOD))
    assert (weak.certainty, weak.admission) == ("unconfirmed", False)


def test_izium_the_admission_is_not_overridden_by_a_later_no_confirmation():
    """The issue's case: the admission, then the report's "no official confirmation"."""
    claims = (
        C("mod", 0, "ukrainian", "claimed", RU_MOD),
        C("afp", 1, "ukrainian", "unconfirmed", "Images on social media; Russian observers"),
    )
    assert steps(*claims) == [FIRST, None]  # no "claimed → unconfirmed" in the log
    a = run(*claims)
    assert (a.status, a.certainty, a.admission, a.strongest) == (
        "ukrainian",
        "confirmed",
        True,
        "mod",
    )
    assert support_text(a.sources, a.sides) == "2 sources, the Russian side and others"


def test_lysychansk_shelling_states_no_control():
    """The issue's case: "Russian forces were shelling Lysychansk", per the governor."""
    shelling = C("s", 1, "", "claimed", "Serhiy Haidai, the regional governor")
    alone = run(shelling)
    assert (alone.status, alone.events, alone.sources) == ("", 1, 0)
    held = run(C("a", 0, "ukrainian", "claimed", UKR_FORCES), shelling)
    assert (held.status, held.certainty, held.events, held.latest) == (
        "ukrainian",
        "claimed",
        1,
        "s",
    )
    assert steps(C("a", 0, "ukrainian", "claimed", UKR_FORCES), shelling) == [FIRST, None]


def test_the_kharkiv_region_controlled_or_shelled_has_no_status():
    """The issue's case, in the seed: the Kharkiv region is an event, not Contested."""
    dataset = store.load_dataset(DATA_DIR)
    kharkiv = [c for c in dataset.claims if c.place_id == "kharkiv-oblast"]
    a = assess_claims(kharkiv, as_of=dt.date(2022, 9, 11))
    assert (a.status, a.events) == ("", 1)


def test_sources_are_distinct_claimants_and_their_sides():
    a = run(
        C("a", 0, "ukrainian", "claimed", UKR_FORCES),
        C("b", 1, "ukrainian", "claimed", "ukrainian  forces"),  # the same claimant again
        C("c", 1, "ukrainian", "claimed", RU_MOD),
        C("d", 2, "ukrainian", "confirmed", REPORT),
    )
    assert (a.sources, a.sides) == (3, ("ukrainian", "russian", ""))
    assert support_text(a.sources, a.sides) == "3 sources, both sides"
    assert support_text(1, ("",)) == "1 source, neither side"


def test_as_of_reads_only_the_claims_up_to_the_date():
    claims = [
        C("a", 0, "russian", "claimed", RU_MOD),
        C("b", 10, "ukrainian", "claimed", UKR_FORCES),
    ]
    assert assess_claims(claims, as_of=D + dt.timedelta(days=5)).status == "russian"
    assert assess_claims(claims, as_of=D - dt.timedelta(days=1)) is None
