"""Hostile links on every page, under AppTest: each page falls back to its defaults with a
notice, shows no exception, and quotes the link's values only inside code spans. Few examples
(each is a page run); the parsers get many in test_urlstate."""

from __future__ import annotations

import datetime as dt

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from streamlit.testing.v1 import AppTest

from frontline import store
from tests.conftest import DATA_DIR, ROOT
from tests.test_urlstate import HOSTILE, MEANINGFUL, PARAMETERS, assert_inert

TIMEOUT = 60
SEED = store.load_dataset(DATA_DIR)
FIRST, LAST = dt.date(2022, 2, 24), dt.date(2022, 9, 11)

# A link is text: a value is a string, or several when the parameter repeats.
text_values = st.one_of(
    st.sampled_from([*HOSTILE, *MEANINGFUL]),
    st.text(max_size=30),
    st.integers(0, 50_000).map(lambda n: "9" * n),
)
link_values = st.one_of(text_values, st.lists(text_values, min_size=1, max_size=3))
FUZZ = settings(
    max_examples=4,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
EVERYTHING_HOSTILE = {name: HOSTILE[i % len(HOSTILE)] for i, name in enumerate(PARAMETERS)}
TRAVERSAL = dict.fromkeys([*PARAMETERS, "article", "q", "rows"], "../../etc/passwd")
HUGE = dict.fromkeys([*PARAMETERS, "article", "q", "rows"], "x" * 100_000)


def open_page(script: str, params: dict) -> AppTest:
    app = AppTest.from_file(str(ROOT / script), default_timeout=TIMEOUT)
    for name, value in params.items():
        app.query_params[name] = value
    app.run()
    assert not app.exception, [e.value for e in app.exception]
    for warning in app.warning:
        assert_inert(warning.value)
    return app


def links(*names: str):
    return st.dictionaries(st.sampled_from([*names, "other"]), link_values, max_size=len(names))


@FUZZ
@given(links(*PARAMETERS))
@example(EVERYTHING_HOSTILE)
@example(TRAVERSAL)
@example(HUGE)
def test_the_map_page_takes_any_link(params):
    app = open_page("dashboard.py", params)
    assert FIRST <= app.slider(key="as_of").value <= LAST
    assert app.selectbox(key="place").value in (None, *SEED.places)
    assert any("shown as of" in m.value for m in app.markdown)
    if params:
        assert app.query_params["as_of"]  # the link is rewritten to the view shown


@FUZZ
@given(links("article", "place"))
@example({"article": "../../etc/passwd", "place": "../../etc/passwd"})
@example({"article": ["afp-2022-09-11-f299b479", "x" * 100_000], "place": "[x](javascript:1)"})
@example({"article": "afp-2022-09-11-f299b479", "place": "<img src=x onerror=alert(1)>"})
def test_the_articles_page_takes_any_link(params):
    app = open_page("pages/1_Articles.py", params)
    assert app.selectbox(key="article").value in SEED.articles
    assert any('class="fl-article"' in element.value for element in app.html)


@FUZZ
@given(links(*PARAMETERS, "q", "rows"))
@example({**EVERYTHING_HOSTILE, "q": "[x](javascript:1) **b**", "rows": "<script>"})
@example(TRAVERSAL)
@example(HUGE)
def test_the_data_page_takes_any_link(params):
    app = open_page("pages/2_Data.py", params)
    assert len(app.dataframe) >= 2  # the claims and the places
    assert len(app.text_input(key="data_search").value) <= 500


@FUZZ
@given(links(*PARAMETERS, "article"))
@example(TRAVERSAL)
def test_the_other_pages_ignore_any_link(params):
    open_page("pages/3_Changes.py", params)
    open_page("pages/4_Add_article.py", params)
    open_page("pages/5_Import.py", params)
