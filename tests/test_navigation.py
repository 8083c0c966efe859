"""The app's navigation: the map is its first page, named "Map", and every file in pages/ is
reached from dashboard.py as the same page it is on its own."""

from __future__ import annotations

import re

import pytest
from streamlit.testing.v1 import AppTest

from frontline.app.navigation import MAP_TITLE, PAGE_FILES
from tests.conftest import ROOT

TIMEOUT = 60
TITLE = re.compile(r'<h1 class="fl-title">(.*?)</h1>', re.S)


def heading(app: AppTest) -> str:
    assert not app.exception, [e.value for e in app.exception]
    found = [m.group(1) for h in app.get("html") for m in TITLE.finditer(h.proto.body)]
    assert len(found) == 1, found
    return found[0]


def test_every_file_in_pages_is_a_page_of_the_navigation():
    listed = {path for path, _title, _url in PAGE_FILES}
    assert listed == {f"pages/{p.name}" for p in (ROOT / "pages").glob("*.py")}
    assert MAP_TITLE == "Map"


def test_the_entry_opens_on_the_map():
    app = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=TIMEOUT).run()
    assert heading(app).startswith("Frontline — claims of territorial change")
    assert any("shown as of" in m.value for m in app.markdown)


@pytest.mark.parametrize("path", [path for path, _title, _url in PAGE_FILES])
def test_the_navigation_runs_each_page_as_it_runs_alone(path):
    alone = AppTest.from_file(str(ROOT / path), default_timeout=TIMEOUT).run()
    app = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=TIMEOUT).run()
    app.switch_page(path).run()
    assert heading(app) == heading(alone)
    assert not any("shown as of" in m.value for m in app.markdown)  # not the map
