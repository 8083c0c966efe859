"""The view in the URL: round trips, and every bad value falls back with a notice; the
parsers of every parameter the pages read, fuzzed."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from frontline import vocab
from frontline.urlstate import (
    MAX_PARAM_LENGTH,
    Filters,
    MapView,
    ParsedView,
    map_link,
    map_view_params,
    parse_map_view,
    parse_table_options,
    parse_view,
    view_params,
)
from frontline.web.reader import choose_article

FIRST, LAST = dt.date(2022, 2, 24), dt.date(2022, 9, 11)
OBLASTS = {"UA-63", "UA-14"}
PLACES = {"kupiansk", "izium"}


def parse(params):
    return parse_view(params, first=FIRST, last=LAST, oblasts=OBLASTS, places=PLACES)


def test_empty_link_is_the_default_view():
    parsed = parse({})
    assert parsed.view == Filters(as_of=LAST)
    assert parsed.notices == []


def test_round_trip():
    view = Filters(
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
    assert parsed.view == Filters(as_of=LAST, oblasts=("UA-63",), statuses=("ukrainian",))
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


# What a link may hold: garbage, other types, path traversal, markup, huge values.
HOSTILE = [
    "../../etc/passwd",
    "..%2F..%2Fetc%2Fpasswd",
    "/etc/passwd",
    "C:\\Windows\\win.ini",
    "<script>alert(1)</script>",
    "[click](javascript:alert(1))",
    "**bold** :red[red] $x^2$ :smile: https://evil.example www.evil.example",
    "`code` ``two`` \\",
    "\u202eevil\u200b\u2066",
    "\x00",
    "%00",
    "2022-02-30",
    "9999-12-31",
    "0001-01-01",
    "-1",
    "1e309",
    "NaN",
    "None",
    "[]",
    "{}",
    "true",
    "UA-63,ua-14,UA-63,,",
    "ukrainian, RUSSIAN ,ukrainian",
    " ",
    "x" * 600,
]
# ...and values that mean something, so that hostile ones meet valid ones.
MEANINGFUL = ["2022-09-10", "2022-03-01", "known", "UA-63", "ukrainian", "claimed", "kupiansk"]
scalars = st.one_of(
    st.sampled_from(HOSTILE),
    st.sampled_from([*MEANINGFUL, "latest"]),
    st.text(max_size=60),
    st.integers(),
    st.floats(),
    st.booleans(),
    st.none(),
    st.integers(0, 200_000).map(lambda n: "k" * n),
)
values = st.one_of(scalars, st.lists(scalars, max_size=3))
PARAMETERS = ["as_of", "mode", "from", "to", "region", "status", "certainty", "place"]
links = st.dictionaries(st.sampled_from([*PARAMETERS, "q", "rows", "article", "other"]), values)

CODE_SPAN = re.compile(r"(`+)(.+?)(?<!`)\1(?!`)")
ACTIVE = set("[]*<>$`~|\\:")  # what Streamlit's Markdown would make something of


def assert_inert(notice: str) -> None:
    """A notice as st.warning shows it: one short line, and outside its code spans nothing
    Markdown acts on; whatever came from the link is inside them."""
    assert len(notice) < 400 and "\n" not in notice
    assert not ACTIVE & set(CODE_SPAN.sub("", notice)), notice


@settings(max_examples=500, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(links)
def test_any_parameters_give_a_valid_view(params):
    parsed = parse(params)
    view = parsed.view
    assert FIRST <= view.as_of <= LAST
    assert view.mode in ("happened", "known")
    assert set(view.oblasts) <= OBLASTS
    assert set(view.statuses) <= set(vocab.STATUSES)
    assert set(view.certainties) <= set(vocab.CERTAINTIES)
    assert view.place is None or view.place in PLACES
    if view.date_from and view.date_to:
        assert view.date_from <= view.date_to
    for notice in parsed.notices:
        assert_inert(notice)
    # Whatever was read, the view's own link reads back without a notice.
    assert parse(view_params(view)) == ParsedView(view, [])


@settings(max_examples=300, deadline=None)
@given(links)
def test_any_parameters_give_valid_data_page_options(params):
    query, latest, notices = parse_table_options(params)
    assert isinstance(query, str) and len(query) <= MAX_PARAM_LENGTH
    rows = params.get("rows")
    last = rows[-1] if isinstance(rows, list) and rows else rows
    assert latest == (last == "latest")
    for notice in notices:
        assert_inert(notice)


ARTICLES = {"afp-2022-09-11-f299b479": None, "x.y_z-1": None}


@settings(max_examples=500, deadline=None)
@given(st.one_of(st.none(), st.sampled_from([*HOSTILE, *ARTICLES]), st.text(max_size=200)))
def test_any_article_in_the_link_is_an_article_or_a_notice(raw):
    choice = choose_article(raw, ARTICLES)
    if choice.article_id is not None:
        assert choice.article_id == raw and raw in ARTICLES and choice.notice is None
    elif raw:
        assert_inert(choice.notice)
    if raw is not None and ("/" in raw or "\\" in raw or raw.startswith(".")):
        assert choice.article_id is None  # never a path


# --- the map's centre and zoom -----------------------------------------------------------


def test_the_map_view_round_trips_through_the_link():
    view = MapView(49.71003, 37.61581, 12)
    params = map_view_params(view)
    assert params == {"center": "49.7100,37.6158", "zoom": "12"}
    parsed, notices = parse_map_view(params)
    assert notices == []
    assert parsed == MapView(49.71, 37.6158, 12)
    assert map_view_params(None) == {}
    assert parse_map_view({}) == (None, [])


@pytest.mark.parametrize(
    ("params", "expected", "words"),
    [
        ({"center": "north", "zoom": "9"}, None, "not latitude,longitude"),
        ({"center": "49.7", "zoom": "9"}, None, "not latitude,longitude"),
        ({"center": "10,10", "zoom": "9"}, None, "outside the map's area"),
        ({"center": "nan,nan", "zoom": "9"}, None, "outside the map's area"),
        ({"center": "49,37", "zoom": "big"}, MapView(49.0, 37.0, 7), "not a whole number"),
        ({"center": "49,37", "zoom": "40"}, MapView(49.0, 37.0, 18), "18 is used"),
        ({"zoom": "9"}, None, "no 'center'"),
    ],
)
def test_a_bad_map_view_falls_back_with_a_notice(params, expected, words):
    parsed, notices = parse_map_view(params)
    assert parsed == expected
    assert len(notices) == 1 and words in notices[0]
