"""The view in the URL: round trips, and every bad value falls back with a notice."""

from __future__ import annotations

import datetime as dt

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from frontline.urlstate import ViewState, map_link, parse_view, view_params

FIRST, LAST = dt.date(2022, 2, 24), dt.date(2022, 9, 11)
OBLASTS = {"UA-63", "UA-14"}
PLACES = {"kupiansk", "izium"}


def parse(params):
    return parse_view(params, first=FIRST, last=LAST, oblasts=OBLASTS, places=PLACES)


def test_empty_link_is_the_default_view():
    parsed = parse({})
    assert parsed.view == ViewState(as_of=LAST)
    assert parsed.notices == []


def test_round_trip():
    view = ViewState(
        as_of=dt.date(2022, 3, 15),
        mode="known",
        date_from=dt.date(2022, 3, 1),
        date_to=dt.date(2022, 9, 1),
        oblasts=("UA-63",),
        statuses=("russian", "contested"),
        certainties=("claimed",),
        place="kupiansk",
    )
    parsed = parse(view_params(view))
    assert parsed.view == view
    assert parsed.notices == []


def test_bad_values_fall_back_with_notices():
    parsed = parse(
        {
            "as_of": "yesterday",
            "mode": "x",
            "region": "UA-63,UA-99",
            "status": "ukrainian,blue",
            "place": "../../etc/passwd",
        }
    )
    assert parsed.view == ViewState(as_of=LAST, oblasts=("UA-63",), statuses=("ukrainian",))
    assert len(parsed.notices) == 5
    assert any("not a date" in n for n in parsed.notices)
    assert any("not in the gazetteer" in n for n in parsed.notices)


def test_out_of_range_date_is_clamped():
    parsed = parse({"as_of": "2030-01-01"})
    assert parsed.view.as_of == LAST
    assert "outside the data" in parsed.notices[0]


def test_reversed_range_is_dropped():
    parsed = parse({"from": "2022-09-01", "to": "2022-03-01"})
    assert parsed.view.date_from is None and parsed.view.date_to is None
    assert "reversed" in parsed.notices[0]


def test_huge_value_is_ignored():
    parsed = parse({"place": "k" * 100_000})
    assert parsed.view.place is None
    assert "too long" in parsed.notices[0]


def test_map_link():
    assert map_link(dt.date(2022, 9, 10), "kupiansk") == "/?as_of=2022-09-10&place=kupiansk"


values = st.one_of(
    st.text(max_size=40),
    st.lists(st.text(max_size=50), max_size=3),
    st.sampled_from(["../../etc/passwd", "2022-09-10", "UA-63", "%00", "-1", "x" * 600]),
)


@settings(deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.dictionaries(
        st.sampled_from(
            ["as_of", "mode", "from", "to", "region", "status", "certainty", "place", "other"]
        ),
        values,
    )
)
def test_any_parameters_give_a_valid_view(params):
    parsed = parse(params)
    view = parsed.view
    assert FIRST <= view.as_of <= LAST
    assert view.mode in ("happened", "known")
    assert set(view.oblasts) <= OBLASTS
    assert view.place is None or view.place in PLACES
    if view.date_from and view.date_to:
        assert view.date_from <= view.date_to
    assert all(len(n) < 400 for n in parsed.notices)
