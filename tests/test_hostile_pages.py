"""Hostile text in every field, on every page under AppTest: HTML and scripts stay escaped,
Markdown never reaches a Markdown element, direction and zero-width characters are dropped
from what is drawn as HTML, the downloads are safe to open in a spreadsheet, and a
javascript: address is refused with the data's problems."""

from __future__ import annotations

import datetime as dt
import io
import json
import re

import folium
import pandas as pd
import pytest
import streamlit_folium
from streamlit.testing.v1 import AppTest

from frontline.export import SPREADSHEET_NOTE
from frontline.model import Article
from frontline.news import ingest
from tests.conftest import ROOT
from tests.pagedata import (
    FORMULA_QUOTE,
    HOSTILE_ARTICLE_ID,
    HOSTILE_CLAIMANT,
    HOSTILE_PLACE_ID,
    HOSTILE_PLACE_NAME,
    LONG_WORD,
    add_hostile_article,
    add_hostile_place,
)
from tests.savework import made_up_article
from tests.test_pages_apptest import ARTICLES_PAGE, CHANGES_PAGE, DATA_PAGE, downloads, run

__all__ = ["downloads"]  # the fixture, shared with test_pages_apptest
MAP_PAGE = str(ROOT / "dashboard.py")

# What must never reach the page as it is: live markup, template-string code, and characters
# that reorder or hide text.
LIVE = ("<img", "<svg", "<script", "<b>", "${", "`", "\u202e", "\u200b")
MARKDOWN = ("**Bold**", "**Title**", "**Wire**", "[x](", "[link](", ":red[")


@pytest.fixture
def hostile_data(data_copy):
    add_hostile_article(data_copy)
    add_hostile_place(data_copy)
    return data_copy


def html_of(app: AppTest) -> str:
    return "".join(element.proto.body for element in app.get("html"))


def assert_no_markdown_of_the_data(app: AppTest) -> None:
    """No element that Streamlit renders as Markdown holds text from the data."""
    for kind in ("markdown", "caption", "info", "warning", "error", "success", "subheader"):
        for element in app.get(kind):
            text = getattr(element, "value", "") or ""
            assert not any(part in text for part in MARKDOWN), (kind, text[:200])
            assert "officials" not in text and "evil" not in text, (kind, text[:200])


def assert_inert_html(html: str) -> None:
    for live in LIVE:
        assert live not in html, live
    assert not re.search(r"""href=["']?\s*javascript""", html, re.IGNORECASE)


def test_the_map_side_panel_and_tooltips_show_hostile_text_as_text(hostile_data, monkeypatch):
    drawn = {}

    def st_folium(fmap, **kwargs):
        drawn["map"], drawn["layers"] = fmap, kwargs.get("feature_group_to_add") or []
        return None

    monkeypatch.setattr(streamlit_folium, "st_folium", st_folium)
    app = AppTest.from_file(MAP_PAGE, default_timeout=60)
    app.query_params["place"] = HOSTILE_PLACE_ID
    app.run()
    assert not app.exception
    assert app.selectbox(key="place").value == HOSTILE_PLACE_ID

    panel = html_of(app)
    assert_inert_html(panel)
    assert (
        '<h3 class="fl-place">=1+2&lt;img src=x onerror=&quot;window.__pwned=1&quot;&gt;' in panel
    )
    assert "&lt;b&gt;officials&lt;/b&gt;" in panel and "=HYPERLINK(&quot;https:" in panel
    assert LONG_WORD in panel  # whole, and wrapped by the cards' style
    assert_no_markdown_of_the_data(app)

    # The map as the browser gets it: the tooltips hold the name escaped, in words.
    fmap: folium.Map = drawn["map"]
    for layer in drawn["layers"]:
        fmap.add_child(layer)
    page = fmap.get_root().render()
    assert "&lt;img src=x onerror=&quot;window.__pwned=1&quot;&gt;**Bold**" in page
    for live in ('<img src=x onerror="window', "${window", "`tick`", "\u202e", "\u200b"):
        assert live not in page, live


def test_the_problems_list_names_the_refused_javascript_address(hostile_data):
    app = AppTest.from_file(MAP_PAGE, default_timeout=60).run()
    (expander,) = [e for e in app.expander if "problem(s) in the data files" in e.label]
    listed = expander.dataframe[0].value
    assert list(listed[["file", "line", "field"]].itertuples(index=False, name=None)) == [
        ("articles.csv", 5, "url")
    ]
    assert "javascript:alert(9)" not in html_of(app)


def test_the_article_page_shows_hostile_fields_as_text(hostile_data):
    app = run(ARTICLES_PAGE, article=HOSTILE_ARTICLE_ID)
    assert not app.exception
    page = html_of(app)
    assert_inert_html(page)
    (href,) = re.findall(r'<a href="([^"]*)" target="_blank"', page)
    assert href.startswith("https://example.org/?q=&#96;&#36;{window")
    assert "&lt;svg onload=&quot;window.__pwned=5&quot;&gt;" in page
    assert "right-to-left zerowidth" in page  # the invisible characters dropped
    assert 'lang="en&quot; onmouseover=&quot;window.__pwned=8"' in page
    assert "**Title** &lt;script&gt;" in page
    assert LONG_WORD in page and "overflow-wrap:anywhere" in page
    assert_no_markdown_of_the_data(app)


def test_the_change_log_shows_hostile_fields_as_text(hostile_data):
    app = run(CHANGES_PAGE)
    assert not app.exception
    log = html_of(app)
    assert_inert_html(log)
    assert "=1+2&lt;img src=x" in log and "&lt;b&gt;officials&lt;/b&gt;" in log
    assert "neila" in log  # the right-to-left override dropped, the letters kept
    assert_no_markdown_of_the_data(app)


def test_the_data_page_tables_hold_the_text_and_the_downloads_are_spreadsheet_safe(
    hostile_data, downloads
):
    app = run(DATA_PAGE)
    assert not app.exception
    (claims,) = [table.value for table in app.dataframe if "Claim" in table.value]
    hostile = claims[claims["Claim"].isin(["c0901", "c0902"])]
    assert set(hostile["Claimant"]) == {HOSTILE_CLAIMANT}  # a table cell is text already
    assert_no_markdown_of_the_data(app)

    as_csv = pd.read_csv(io.StringIO(downloads(app, "download_claims_csv")), dtype=str)
    row = as_csv.set_index("claim_id").loc["c0901"]
    assert row["claimant"] == "'" + HOSTILE_CLAIMANT
    assert row["quote"] == "'" + FORMULA_QUOTE
    assert row["name"] == "'" + HOSTILE_PLACE_NAME
    seed_row = as_csv.set_index("claim_id").loc["c0002"]
    assert seed_row["quote"].startswith("Ukrainian forces said")  # other text unchanged
    assert (
        not as_csv.drop(columns=["lat", "lon"])
        .map(lambda v: isinstance(v, str) and v[:1] in "=+-@")
        .any()
        .any()
    )

    geojson = json.loads(downloads(app, "download_claims_geojson"))
    (feature,) = [f for f in geojson["features"] if f["properties"]["claim_id"] == "c0901"]
    assert feature["properties"]["claimant"] == HOSTILE_CLAIMANT  # verbatim

    places = pd.read_csv(io.StringIO(downloads(app, "download_places_csv")), dtype=str)
    place = places.set_index("place_id").loc[HOSTILE_PLACE_ID]
    assert place["name"] == "'" + HOSTILE_PLACE_NAME
    assert place["alt_names"] == "'+Hostileville|-Hostile"
    assert SPREADSHEET_NOTE in downloads(app, "download_readme")


def test_an_article_with_a_javascript_address_is_not_saved(data_copy):
    article, candidates = made_up_article(1)
    article = Article(**{**article.__dict__, "url": "javascript:alert(1)"})
    with pytest.raises(ingest.IngestError, match=r"url: 'javascript:alert\(1\)' is not an http"):
        ingest.save_article(article, candidates, data_copy)
    assert article.published == dt.date(2022, 9, 11)
