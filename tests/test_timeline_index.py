"""The timeline index answers as the straightforward scan does (state_as_of, place_history),
on random data sets and random filters."""

from __future__ import annotations

import datetime as dt

import pandas as pd
from hypothesis import given, settings
from hypothesis import strategies as st

from frontline import store, vocab
from frontline.app import ui
from frontline.model import Article, Claim, Dataset, Place
from frontline.timeline import (
    Filters,
    TimelineIndex,
    claims_counting,
    claims_table,
)
from frontline.web.mapview import outlines_json
from tests.conftest import DATA_DIR
from tests.timeline_oracle import place_history, state_as_of

START = dt.date(2022, 2, 24)
OBLASTS = ("UA-14", "UA-63", "UA-65")
NAMES = ("Lyman", "Izium", "Kupiansk")  # few names: places that share one must sort stably
CLAIMANTS = ("Ukrainian forces", "Russia's defence ministry", "AFP (the report)", "observers")


def day(offset: int) -> dt.date:
    return START + dt.timedelta(days=offset)


@st.composite
def datasets(draw) -> Dataset:
    places = {}
    for number in range(draw(st.integers(1, 6))):
        oblast = draw(st.sampled_from(OBLASTS))
        places[f"p{number}"] = Place(
            place_id=f"p{number}",
            name=draw(st.sampled_from(NAMES)),
            kind=draw(st.sampled_from(("town", "oblast"))),
            oblast=oblast,
            lat=48 + number / 10,
            lon=37 + number / 10,
        )
    articles = {
        f"a{number}": Article(f"a{number}", "t", "o", "", day(draw(st.integers(0, 40))), "en", "")
        for number in range(draw(st.integers(1, 4)))
    }
    claims = []
    # Ids in a random order, so that the id is not also the order of insertion.
    numbers = draw(st.permutations(range(draw(st.integers(0, 40)))))
    for number in numbers:
        date = day(draw(st.integers(0, 40)))
        claims.append(
            Claim(
                claim_id=f"c{number:03d}",
                place_id=draw(st.sampled_from(sorted(places))),
                date=date,
                date_end=date,
                date_precision="day",
                # "": an event that states no control
                status=draw(st.sampled_from(("", *vocab.STATUSES))),
                event="held",
                certainty=draw(st.sampled_from(vocab.CERTAINTIES)),
                # Sides and admissions, so that the assessment meets disputes and strength.
                claimant=draw(st.sampled_from(CLAIMANTS)),
                article_id=draw(st.sampled_from(sorted(articles))),
                quote="q",
                quote_start=0,
                quote_end=1,
            )
        )
    return Dataset(articles=articles, places=places, claims=claims, oblasts={})


def maybe_day(draw):
    return draw(st.one_of(st.none(), st.integers(-2, 45).map(day)))


@st.composite
def filters(draw) -> Filters:
    def some(values):
        return tuple(draw(st.lists(st.sampled_from(values), max_size=2, unique=True)))

    return Filters(
        as_of=maybe_day(draw),
        mode=draw(st.sampled_from(vocab.MODES)),
        date_from=maybe_day(draw),
        date_to=maybe_day(draw),
        oblasts=some(OBLASTS),
        statuses=some(vocab.STATUSES),
        certainties=some(vocab.CERTAINTIES),
    )


@settings(max_examples=150, deadline=None)
@given(datasets(), st.lists(filters(), min_size=1, max_size=3), st.integers(0, 6))
def test_index_gives_the_scans_answers(dataset, views, place_number):
    table = claims_table(dataset)
    index = TimelineIndex(table)
    # Each view twice, the second time after the others: a state kept for one view (by
    # its state_key) must be that view's.
    for view in [*views, *views[::-1]]:
        pd.testing.assert_frame_equal(index.state(view), state_as_of(table, view))
        for place in (f"p{place_number}", "nowhere"):
            pd.testing.assert_frame_equal(
                index.history(place, view), place_history(table, place, view)
            )


@settings(max_examples=100, deadline=None)
@given(datasets(), st.lists(filters(), min_size=1, max_size=3))
def test_the_counting_rows_and_an_index_from_its_own_frame_answer_as_the_scan(dataset, views):
    table = claims_table(dataset)
    index = TimelineIndex(table)
    again = TimelineIndex(table, index.assessment_frame())  # as a start from the cache
    assert (again.place == index.place).all() and (again.next_row == index.next_row).all()
    assert again.place_ids == index.place_ids and (again.name_rank == index.name_rank).all()
    for view in views:
        pd.testing.assert_frame_equal(index.counting_rows(view), claims_counting(table, view))
        pd.testing.assert_frame_equal(again.state(view), state_as_of(table, view))


def test_seed_facts_through_the_index():
    index = TimelineIndex(claims_table(store.load_dataset(DATA_DIR)))
    state = index.state(Filters(as_of=dt.date(2022, 3, 15))).set_index("place_id")
    assert state.loc["kupiansk", ["status", "certainty", "claims"]].tolist() == [
        "russian",
        "confirmed",
        1,
    ]
    known = index.state(Filters(as_of=dt.date(2022, 3, 15), mode=vocab.MODE_KNOWN))
    assert known.empty  # reported only in September
    history = index.history("kupiansk", Filters(as_of=dt.date(2022, 9, 11)))
    assert history["claim_id"].tolist() == ["c0001", "c0002"]


def test_a_kept_state_is_the_same_for_every_date_of_its_key_and_changes_past_a_claim():
    index = TimelineIndex(claims_table(store.load_dataset(DATA_DIR)))
    march, april = Filters(as_of=dt.date(2022, 3, 15)), Filters(as_of=dt.date(2022, 4, 15))
    september = Filters(as_of=dt.date(2022, 9, 11))
    assert index.state_key(march) == index.state_key(april)  # no claim in between
    assert index.state_key(march) != index.state_key(september)
    pd.testing.assert_frame_equal(index.state(april), index.state(march))
    assert len(index.state(september)) > len(index.state(march))
    for view in (september, march):  # the kept frames are the scan's, in any order
        pd.testing.assert_frame_equal(index.state(view), state_as_of(index.table, view))


def test_changing_a_state_it_gave_does_not_change_the_next():
    index = TimelineIndex(claims_table(store.load_dataset(DATA_DIR)))
    view = Filters(as_of=dt.date(2022, 9, 11))
    given = index.state(view)
    given["status"] = "changed"
    given.loc[0, "claims"] = 99
    again = index.state(view)
    assert "changed" not in set(again["status"])
    assert 99 not in set(again["claims"])
    pd.testing.assert_frame_equal(again, state_as_of(index.table, view))


def test_the_index_is_built_once_per_data_load_and_kept_with_it():
    signature = ui._signature(DATA_DIR)
    loaded = ui._load(str(DATA_DIR), signature)
    assert ui._load(str(DATA_DIR), signature).index is loaded.index
    assert loaded.index.table is loaded.claims
    assert loaded.outlines == outlines_json(loaded.display_shapes, loaded.dataset.oblasts)
