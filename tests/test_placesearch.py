"""Finding a place by any spelling: Latin or Cyrillic, with or without apostrophes, the
record's places too, best first."""

from __future__ import annotations

import pytest

from frontline.news.gazetteer import load_gazetteer
from frontline.news.placesearch import PlaceSearch, search_forms
from frontline.record.load import load_record
from tests.conftest import DATA_DIR


@pytest.fixture(scope="module")
def search() -> PlaceSearch:
    record = load_record(DATA_DIR)
    return PlaceSearch(
        load_gazetteer(DATA_DIR), record.places.values(), ["kupiansk", "bakhmut", "kharkiv"]
    )


@pytest.mark.parametrize(
    "query", ["Купянськ", "Куп’янськ", "Куп'янськ", "Kupyans'k", "KUPIANSK", "kupjansk", "Купянск"]
)
def test_every_spelling_finds_kupiansk_first(search, query):
    found = search.find(query)
    assert found and found[0].name == "Kupiansk"
    assert found[0].place_id == "kupiansk"  # the map can select it


def test_a_former_name_and_a_prefix_find_the_place(search):
    assert search.find("Артемівськ")[0].name == "Bakhmut"
    assert search.find("bakhm")[0].name == "Bakhmut"


def test_a_place_without_a_claim_is_found_with_its_point(search):
    found = search.find("Velykyi Burluk")[0]
    assert found.place_id == ""  # no marker: the map flies there all the same
    assert 49 < found.lat < 51 and 36 < found.lon < 38


def test_an_oblast_is_found_and_zooms_out(search):
    found = search.find("Харківська область")
    assert found and found[0].kind == "oblast"
    assert found[0].zoom < search.find("Kupiansk")[0].zoom


def test_a_bigger_place_ranks_first_among_equal_matches(search):
    found = search.find("kharkiv")
    assert found[0].name == "Kharkiv" and found[0].place_id == "kharkiv"


@pytest.mark.parametrize("query", ["", " ", "'", "k", "<script>"])
def test_short_or_nonsense_queries_find_nothing(search, query):
    assert search.find(query) == []


def test_search_forms_drop_apostrophes_and_romanise_cyrillic():
    assert search_forms("Куп’янськ") == {"куп'янськ".replace("'", ""), "kupiansk"}
    assert search_forms("Velykyi  Burluk") == {"velykyiburluk"}
