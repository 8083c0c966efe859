"""The state of places as of a date, and the filters."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import pytest

from frontline import store
from frontline.timeline import (
    PLAY_STEP_DAYS,
    Filters,
    TimelineIndex,
    claim_dates,
    claims_table,
    date_bounds,
    describe_date,
    neighbour_date,
    play_step,
)
from tests.conftest import DATA_DIR

D = dt.date


@pytest.fixture(scope="module")
def table():
    return claims_table(store.load_dataset(DATA_DIR))


def status_of(table, place_id, **filters):
    state = TimelineIndex(table).state(Filters(**filters)).set_index("place_id")
    if place_id not in state.index:
        return None
    return state.loc[place_id, "status"], state.loc[place_id, "certainty"]


def test_kupiansk_russian_held_in_march(table):
    assert status_of(table, "kupiansk", as_of=D(2022, 3, 15)) == ("russian", "confirmed")


def test_kupiansk_claimed_ukrainian_after_the_counter_offensive(table):
    assert status_of(table, "kupiansk", as_of=D(2022, 9, 11)) == ("ukrainian", "claimed")


def test_nothing_before_the_first_claim(table):
    assert TimelineIndex(table).state(Filters(as_of=D(2022, 2, 1))).empty


def test_izium_is_unconfirmed_not_fact(table):
    assert status_of(table, "izium", as_of=D(2022, 9, 11)) == ("ukrainian", "unconfirmed")


def test_known_mode_waits_for_publication(table):
    # The fall of Kupiansk happened in February but was reported in this article in September.
    assert status_of(table, "kupiansk", as_of=D(2022, 3, 15), mode="known") is None
    assert status_of(table, "kupiansk", as_of=D(2022, 9, 11), mode="known") == (
        "ukrainian",
        "claimed",
    )


def test_date_range_limits_the_claims_that_count(table):
    # Without the September claim Kupiansk is still Russian-held on 2022-09-11.
    assert status_of(table, "kupiansk", as_of=D(2022, 9, 11), date_to=D(2022, 9, 1)) == (
        "russian",
        "confirmed",
    )
    assert status_of(table, "kupiansk", as_of=D(2022, 9, 11), date_from=D(2022, 3, 1)) == (
        "ukrainian",
        "claimed",
    )


def test_region_filter(table):
    state = TimelineIndex(table).state(Filters(as_of=D(2022, 9, 11), oblasts=("UA-14",)))
    assert set(state["place_id"]) == {"lyman", "donetsk-oblast"}


def test_status_and_certainty_filters_apply_to_the_state(table):
    russian = TimelineIndex(table).state(Filters(as_of=D(2022, 9, 11), statuses=("russian",)))
    assert russian.empty  # Kupiansk's earlier Russian claim is superseded
    claimed = TimelineIndex(table).state(Filters(as_of=D(2022, 9, 11), certainties=("claimed",)))
    assert set(claimed["place_id"]) == {"kupiansk", "lyman", "donetsk-oblast"}


def test_claim_counts_per_place(table):
    state = TimelineIndex(table).state(Filters(as_of=D(2022, 9, 11))).set_index("place_id")
    assert state.loc["kupiansk", "claims"] == 2
    assert state.loc["izium", "claims"] == 1


def test_denied_claims_do_not_set_the_state(table):
    denied = table[table["place_id"] == "kupiansk"].tail(1).copy()
    denied["claim_id"] = "x-denied"
    denied["certainty"] = "denied"
    denied["status"] = "russian"
    denied["date"] = denied["date"] + dt.timedelta(days=1)
    extended = pd.concat([table, denied], ignore_index=True)
    assert status_of(extended, "kupiansk", as_of=D(2022, 9, 11)) == ("ukrainian", "claimed")
    history = TimelineIndex(extended).history("kupiansk", Filters(as_of=D(2022, 9, 11)))
    assert "x-denied" in set(history["claim_id"])


def test_history_is_oldest_first_and_stops_at_the_date(table):
    history = TimelineIndex(table).history("kupiansk", Filters(as_of=D(2022, 9, 11)))
    assert list(history["status"]) == ["russian", "ukrainian"]
    march = TimelineIndex(table).history("kupiansk", Filters(as_of=D(2022, 3, 15)))
    assert list(march["status"]) == ["russian"]


def test_bounds_and_claim_dates(table):
    assert date_bounds(table) == (D(2022, 2, 24), D(2022, 9, 11))
    dates = claim_dates(table)
    assert dates[0] == D(2022, 2, 24) and dates[-1] == D(2022, 9, 11)
    assert D(2022, 9, 10) in dates


def test_neighbour_date():
    dates = [D(2022, 2, 24), D(2022, 9, 10), D(2022, 9, 11)]
    first, last = dates[0], dates[-1]
    assert neighbour_date(dates, D(2022, 3, 15), 1, first, last) == D(2022, 9, 10)
    assert neighbour_date(dates, D(2022, 3, 15), -1, first, last) == D(2022, 2, 24)
    assert neighbour_date(dates, last, 1, first, last) == last
    assert neighbour_date(dates, first, -1, first, last) == first


def test_play_steps_a_date_at_a_time_but_at_least_a_week_over_a_long_timeline():
    daily = [D(2022, 3, 1) + dt.timedelta(days=n) for n in range(40)]
    short = (daily[0], daily[-1])
    assert play_step(daily, daily[0], *short) == daily[1]
    long = (D(2022, 2, 24), D(2024, 8, 17))
    assert play_step(daily, daily[0], *long) == daily[0] + dt.timedelta(days=PLAY_STEP_DAYS)
    assert play_step(daily, daily[-1], *long) == long[1]  # past the last date: the end


def test_describe_date_shows_precision(table):
    fall = table[(table["place_id"] == "kupiansk") & (table["status"] == "russian")].iloc[0]
    assert describe_date(fall) == "week of 2022-02-24 – 2022-03-02"
    entry = table[(table["place_id"] == "kupiansk") & (table["status"] == "ukrainian")].iloc[0]
    assert describe_date(entry) == "2022-09-10"
