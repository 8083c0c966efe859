"""Loose values a spreadsheet or a careless hand may leave, which Python's float() and int()
would take: each is refused with a problem line by file, row and field."""

from __future__ import annotations

import pytest

from frontline import store
from tests.brokendata import _replace_line

# Line 2 of places.csv is Kharkiv: ...,49.98177,36.25475,706483,1421125,...
LOOSE = [
    ("49.98177", "4_9.98", "lat", "not a number"),
    ("49.98177", "٤٩.٩٨", "lat", "not a number"),  # Arabic-Indic digits
    ("49.98177", "４９.９８", "lat", "not a number"),  # full-width digits
    ("49.98177,36.25475", "-0,-0", "lat", "both 0"),
    ("49.98177,36.25475", "0.0,0", "lat", "both 0"),
    ("706483", "706_483", "geonames_id", "not a whole number"),
    ("706483", "７０６４８３", "geonames_id", "not a whole number"),
    ("1421125", "١٤٣٠٨٨٥", "population", "not a whole number"),
    ("1421125", "+1421125", "population", "not a whole number"),
]


@pytest.mark.parametrize(("old", "new", "field", "words"), LOOSE)
def test_a_loose_value_is_refused_by_file_row_and_field(data_copy, old, new, field, words):
    _replace_line(data_copy / "places.csv", 2, old, new)
    dataset = store.load_dataset(data_copy, use_cache=False)
    assert "kharkiv" not in dataset.places
    problem = dataset.problems[0]
    assert (problem.file, problem.line, problem.field) == ("places.csv", 2, field)
    assert words in problem.message


@pytest.mark.parametrize("value", ["49.98177", "-1.5", "+49.98", "49", ".5", "49.", "4.998e1"])
def test_plain_decimals_are_still_numbers(data_copy, value):
    _replace_line(data_copy / "places.csv", 2, "49.98177", value)
    dataset = store.load_dataset(data_copy, use_cache=False)
    assert dataset.problems == []
    assert dataset.places["kharkiv"].lat == float(value)
