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
