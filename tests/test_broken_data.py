"""Every broken file of the catalogue (tests/brokendata.py), as a person meets it: one line of
`frontline validate` naming file, line and field, and on the map page the valid part with the
same problem in its list of what was left out, never a traceback."""

from __future__ import annotations

import re

import pytest
from streamlit.testing.v1 import AppTest

from frontline import store
from frontline.cli import main
from tests.brokendata import BROKEN
from tests.conftest import ROOT

TIMEOUT = 60
IDS = [case[0] for case in BROKEN]


@pytest.mark.parametrize(("label", "file", "damage", "expected"), BROKEN, ids=IDS)
def test_validate_prints_the_problem_on_its_own_line(
    data_copy, capsys, label, file, damage, expected
):
    damage(data_copy)
    code = main(["validate", str(data_copy)])
    out = capsys.readouterr().out
    exp_file, exp_line, exp_field, exp_words = expected
    prefix = f"{data_copy / exp_file}:{exp_line}: {exp_field}: "
    lines = [line for line in out.splitlines() if line.startswith(prefix)]
    assert code == 1
    assert any(exp_words in line for line in lines), f"{label}: {out[:2000]}"
    assert "Traceback" not in out


def problems_listed(app: AppTest) -> list[tuple[str, int, str, str]]:
    (expander,) = [e for e in app.expander if "problem(s) in the data files" in e.label]
    table = expander.dataframe[0].value
    assert list(table.columns) == ["file", "line", "field", "problem"]
    return list(table.itertuples(index=False, name=None))


@pytest.mark.parametrize(("label", "file", "damage", "expected"), BROKEN, ids=IDS)
def test_the_map_page_shows_the_valid_part_and_lists_the_problem(
    data_copy, label, file, damage, expected
):
    damage(data_copy)
    valid = store.load_dataset(data_copy)
    app = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=TIMEOUT).run()
    assert not app.exception, f"{label}: {app.exception}"

    exp_file, exp_line, exp_field, exp_words = expected
    listed = problems_listed(app)
    assert len(listed) == len(valid.problems)
    assert any(
        (f, n, field) == (exp_file, exp_line, exp_field) and exp_words in message
        for f, n, field, message in listed
    ), f"{label}: {listed[:5]}"

    # The valid part is on the map: every claim that loaded, about the places it names.
    sentence = next(m.value for m in app.markdown if "shown as of" in m.value)
    places, claims = map(int, re.match(r"(\d+) places? and (\d+) claims?", sentence).groups())
    assert claims == len(valid.claims)
    assert places == len({claim.place_id for claim in valid.claims})


def _set_first_geometry(data_dir, coordinates) -> None:
    import json

    path = data_dir / "oblasts.geojson"
    shapes = json.loads(path.read_text(encoding="utf-8"))
    shapes["features"][0]["geometry"] = {"type": "Polygon", "coordinates": coordinates}
    path.write_text(json.dumps(shapes), encoding="utf-8")


def _set_first_feature(data_dir, key: str, value) -> None:
    import json

    path = data_dir / "oblasts.geojson"
    shapes = json.loads(path.read_text(encoding="utf-8"))
    shapes["features"][0][key] = value
    path.write_text(json.dumps(shapes), encoding="utf-8")


def _nest_first_geometry(data_dir, depth: int) -> None:
    """Coordinates nested `depth` lists deep, written as text (json.dumps would recurse)."""
    _set_first_geometry(data_dir, "DEEP")
    path = data_dir / "oblasts.geojson"
    deep = "[" * depth + "30, 50" + "]" * depth
    path.write_text(path.read_text(encoding="utf-8").replace('"DEEP"', deep), encoding="utf-8")


def _ring(corners):
    return [[[float(x), float(y)] for x, y in corners]]


SQUARE = [(30, 50), (31, 50), (31, 51), (30, 51), (30, 50)]

# The boundaries file, broken: validate names it, and every page still draws the rest.
BROKEN_BOUNDARIES = [
    (
        "properties a list",
        lambda d: _set_first_feature(d, "properties", ["UA-63"]),
        ("feature 1: properties", "is not an object"),
    ),
    (
        "properties a string",
        lambda d: _set_first_feature(d, "properties", "UA-63"),
        ("feature 1: properties", "is not an object"),
    ),
    (
        "coordinates nested 900 deep",
        lambda d: _nest_first_geometry(d, 900),
        ("feature 1: geometry", "not rings of [longitude, latitude] pairs"),
    ),
    (
        "coordinates one level too deep",
        lambda d: _set_first_geometry(d, [_ring(SQUARE)]),
        ("feature 1: geometry", "not rings of [longitude, latitude] pairs"),
    ),
    (
        "coordinates as strings",
        lambda d: _set_first_geometry(d, [[[str(x), str(y)] for x, y in SQUARE]]),
        ("feature 1: geometry", "not rings of [longitude, latitude] pairs"),
    ),
    (
        "coordinates true and false",
        lambda d: _set_first_geometry(d, [[[True, False] for _ in SQUARE]]),
        ("feature 1: geometry", "not rings of [longitude, latitude] pairs"),
    ),
    (
        "coordinates not numbers",
        lambda d: _set_first_geometry(d, "x"),
        ("feature 1: geometry", "not rings of [longitude, latitude] pairs"),
    ),
    (
        "a ring of two corners",
        lambda d: _set_first_geometry(d, [[[30, 50], [31, 50]]]),
        ("feature 1: geometry", "not rings"),
    ),
    (
        "an empty polygon",
        lambda d: _set_first_geometry(d, []),
        ("feature 1: geometry", "has no area"),
    ),
    (
        "nested too deeply",
        lambda d: (d / "oblasts.geojson").write_text("[" * 200_000),
        ("-", "nested too deeply"),
    ),
]
PAGES = [
    "dashboard.py",
    "pages/1_Articles.py",
    "pages/2_Data.py",
    "pages/3_Changes.py",
    "pages/5_Import.py",
]


@pytest.mark.parametrize(
    ("label", "damage", "expected"), BROKEN_BOUNDARIES, ids=[case[0] for case in BROKEN_BOUNDARIES]
)
def test_broken_boundaries_are_named_and_the_pages_still_draw(
    data_copy, capsys, label, damage, expected
):
    damage(data_copy)
    assert main(["validate", str(data_copy)]) == 1
    field, words = expected
    out = capsys.readouterr().out
    prefix = f"{data_copy / 'oblasts.geojson'}:"
    assert any(
        line.startswith(prefix) and f": {field}: " in line and words in line
        for line in out.splitlines()
    ), out
    for page in PAGES:
        app = AppTest.from_file(str(ROOT / page), default_timeout=TIMEOUT).run()
        assert not app.exception, f"{label}, {page}: {app.exception}"
