"""The Articles, Data and Changes pages under Streamlit's AppTest."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import re
from collections.abc import Callable
from pathlib import Path

import pandas as pd
import pytest
from streamlit.runtime.media_file_manager import MediaFileManager
from streamlit.runtime.memory_media_file_storage import MemoryMediaFileStorage
from streamlit.testing.v1 import AppTest

from frontline import store
from frontline.export import CREDITS
from tests.conftest import DATA_DIR, ROOT
from tests.pagedata import SEED, add_hostile_article

PAGES = ROOT / "pages"
ARTICLES_PAGE = str(PAGES / "1_Articles.py")
DATA_PAGE = str(PAGES / "2_Data.py")
CHANGES_PAGE = str(PAGES / "3_Changes.py")
TIMEOUT = 60
MENTION_LINK = re.compile(r'<a class="fl-mention[^"]*" href="([^"]*)"[^>]*>(.*?)</a>')


def run(page: str, **params: str) -> AppTest:
    """The page, on the seed's news claims unless the link asks for the record too."""
    params.setdefault("source", "news")
    at = AppTest.from_file(page, default_timeout=TIMEOUT)
    for name, value in params.items():
        at.query_params[name] = value
    return at.run()


def html_with(at: AppTest, marker: str) -> str:
    bodies = [element.value for element in at.html if marker in element.value]
    assert len(bodies) == 1, f"expected one st.html element holding {marker!r}"
    return bodies[0]


def seed_mention_count() -> int:
    """The distinct place mentions the seed article's claims rest on, read from the file."""
    spans = set()
    with (DATA_DIR / store.CLAIMS_FILE).open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            if row["article_id"] == SEED:
                offset = row["quote"].find(row["mention"]) if row["mention"] else 0
                length = len(row["mention"]) if row["mention"] else len(row["quote"])
                start = int(row["quote_start"]) + max(offset, 0)
                spans.add((start, start + length))
    return len(spans)


@pytest.fixture
def downloads(monkeypatch: pytest.MonkeyPatch) -> Callable[[AppTest, str], str]:
    """The bytes behind each download button, as the browser would receive them."""
    files: dict[str, bytes] = {}
    original = MemoryMediaFileStorage.load_and_get_id

    def recording(self, path_or_data, mimetype, kind, filename=None):
        file_id = original(self, path_or_data, mimetype, kind, filename)
        files[file_id] = path_or_data
        return file_id

    monkeypatch.setattr(MemoryMediaFileStorage, "load_and_get_id", recording)
    # A download made only on a click (a callable): what the click would make.
    deferred: dict[str, Callable[[], bytes | str]] = {}
    original_deferred = MediaFileManager.add_deferred

    def recording_deferred(self, data_callable, *args, **kwargs):
        file_id = original_deferred(self, data_callable, *args, **kwargs)
        deferred[file_id] = data_callable
        return file_id

    monkeypatch.setattr(MediaFileManager, "add_deferred", recording_deferred)

    def content(at: AppTest, key: str) -> str:
        proto = at.download_button(key=key).proto
        if proto.deferred_file_id:
            data = deferred[proto.deferred_file_id]()
        else:
            data = files[Path(proto.url).stem]
        return data.decode("utf-8") if isinstance(data, bytes) else data

    return content


# --- Articles --------------------------------------------------------------------------------


def test_the_seed_article_shows_every_mention_highlighted():
    at = run(ARTICLES_PAGE, article=SEED)
    assert not at.exception
    text = html_with(at, 'class="fl-article"')
    links = MENTION_LINK.findall(text)
    assert len(links) == seed_mention_count() == 6
    assert ("/?as_of=2022-09-10&amp;place=kupiansk", "Kupiansk") in links
    assert "Kupiansk in lightning counter-offensive" in html_with(at, 'class="fl-head"')
    assert at.selectbox(key="article").value == SEED
    assert at.query_params["article"] == SEED
    assert len(at.dataframe[0].value) == 6  # the article's claims, beneath the text


def test_a_place_in_the_link_outlines_its_mentions():
    at = run(ARTICLES_PAGE, article=SEED, place="kupiansk")
    text = html_with(at, 'class="fl-article"')
    assert text.count(' fl-focus"') == 2  # "Kupiansk" and "The town"
    assert "Mentions of Kupiansk are outlined." in html_with(at, "claim(s) rest on")


@pytest.mark.parametrize("bad", ["../../etc/passwd", "no-such-article", "%00", "a" * 2000])
def test_a_bad_article_in_the_link_gives_a_notice_not_an_error(bad):
    at = run(ARTICLES_PAGE, article=bad)
    assert not at.exception
    assert any("pick an article below" in warning.value for warning in at.warning)
    assert at.selectbox(key="article").value == SEED  # the page still reads
    assert at.query_params["article"] == SEED


def test_an_unknown_place_in_the_link_gives_a_notice():
    at = run(ARTICLES_PAGE, article=SEED, place="atlantis")
    assert not at.exception
    assert any("not in the gazetteer" in warning.value for warning in at.warning)
    assert ' fl-focus"' not in html_with(at, 'class="fl-article"')


def test_markup_in_an_article_stays_text(data_copy):
    article_id = add_hostile_article(data_copy)
    at = run(ARTICLES_PAGE, article=article_id)
    assert not at.exception
    text = html_with(at, 'class="fl-article"')
    assert "<script>" not in text and "<img" not in text
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in text
    assert "**bold** and [link](javascript:alert(1))" in text
    assert len(MENTION_LINK.findall(text)) == 1
    head = html_with(at, 'class="fl-head"')
    assert "**Bold** &lt;img src=x onerror=alert(2)&gt; title" in head
    assert "&lt;b&gt;Outlet&lt;/b&gt;" in head
    # Nothing of the article goes through Markdown.
    assert not any("bold" in element.value for element in at.markdown)


def test_choosing_another_article_updates_the_link(data_copy):
    article_id = add_hostile_article(data_copy)
    at = run(ARTICLES_PAGE, article=SEED, place="kupiansk")
    at.selectbox(key="article").select(article_id).run()
    assert not at.exception
    assert at.query_params["article"] == article_id
    assert "place" not in at.query_params
    assert "Officials said" in html_with(at, 'class="fl-article"')


# --- Data ------------------------------------------------------------------------------------


def claims_table_shown(at: AppTest) -> pd.DataFrame:
    return at.dataframe[0].value


def test_the_data_page_shows_claims_and_places():
    at = run(DATA_PAGE)
    assert not at.exception
    assert len(claims_table_shown(at)) == 6
    assert len(at.dataframe[1].value) == len(store.load_dataset(DATA_DIR).places)


def test_with_the_record_the_table_and_downloads_say_which_rows_are_the_record(downloads):
    at = run(DATA_PAGE, source="both")
    shown = claims_table_shown(at)
    sources = shown["Source"].value_counts()
    assert sources["news report"] == 6 and sources["the record (Wikipedia's list)"] >= 300
    assert shown.loc[shown["Source"] != "news report", "Article"].isna().all()
    geojson = json.loads(downloads(at, "download_claims_geojson"))
    assert "CC BY-SA 3.0" in geojson["metadata"]["credits"]
    assert {f["properties"]["source"] for f in geojson["features"]} == {"news", "record"}
    assert "CC BY-SA 3.0" in downloads(at, "download_readme")
    assert any(s.value == "News against the record" for s in at.subheader)


def test_a_search_narrows_the_table():
    at = run(DATA_PAGE)
    at.text_input(key="data_search").input("Kupyansk").run()
    assert not at.exception
    shown = claims_table_shown(at)
    assert sorted(shown["Claim"]) == ["c0001", "c0002"]
    assert set(shown["Place"]) == {"Kupiansk"}
    assert list(at.dataframe[1].value["Place"]) == ["Kupiansk"]
    assert at.query_params["q"] == "Kupyansk"


def test_the_downloads_are_made_on_a_click_not_on_every_rerun(downloads, monkeypatch):
    """At 10,000 claims the three files took about 2 s of each rerun of the Data page."""
    import frontline.export as export

    made: list[str] = []
    for name in ("to_csv", "geojson_text"):
        real = getattr(export, name)
        monkeypatch.setattr(
            export,
            name,
            lambda *a, _real=real, _name=name, **k: made.append(_name) or _real(*a, **k),
        )
    at = run(DATA_PAGE)
    at.text_input(key="data_search").input("kharkiv").run()
    assert not at.exception
    assert made == []
    assert "kharkiv" in downloads(at, "download_claims_csv")
    assert made == ["to_csv"]


def test_a_long_table_is_shown_a_page_at_a_time_and_downloaded_whole(
    downloads, tmp_path, monkeypatch
):
    from frontline.synthetic import generate

    generate(tmp_path / "data", 2_500, seed=1)
    monkeypatch.setenv("FRONTLINE_DATA_DIR", str(tmp_path / "data"))
    at = AppTest.from_file(DATA_PAGE, default_timeout=TIMEOUT).run()
    assert not at.exception
    assert len(claims_table_shown(at)) == 1_000
    assert any(c.value.startswith("Rows 1–1,000 of 2,500") for c in at.caption)
    at.number_input(key="data_page").set_value(3).run()
    assert len(claims_table_shown(at)) == 500
    assert any(c.value.startswith("Rows 2,001–2,500 of 2,500") for c in at.caption)
    assert len(pd.read_csv(io.StringIO(downloads(at, "download_claims_csv")))) == 2_500


def test_the_downloads_hold_exactly_the_rows_shown(downloads):
    at = run(DATA_PAGE)
    at.text_input(key="data_search").input("kharkiv").run()
    shown = claims_table_shown(at)
    # c0006, the Kharkiv region shelled, is an event with no status.
    assert sorted(shown["Claim"]) == ["c0001", "c0002", "c0003", "c0006"]
    assert shown.set_index("Claim").loc["c0006", "Status"] == "no status (event only)"

    from_csv = pd.read_csv(io.StringIO(downloads(at, "download_claims_csv")))
    assert list(from_csv["claim_id"]) == list(shown["Claim"])
    assert list(from_csv["name"]) == list(shown["Place"])
    assert list(from_csv["quote"]) == list(shown["Quote"])
    assert list(from_csv["claim_date"]) == [day.isoformat() for day in shown["Date"]]

    geojson = json.loads(downloads(at, "download_claims_geojson"))
    properties = [feature["properties"] for feature in geojson["features"]]
    assert [p["claim_id"] for p in properties] == list(shown["Claim"])
    assert [p["certainty"] for p in properties] == list(shown["Certainty"])
    assert geojson["metadata"]["credits"] == CREDITS
    kharkiv_oblast = properties.index(next(p for p in properties if p["kind"] == "oblast"))
    assert geojson["features"][kharkiv_oblast]["geometry"]["type"] in ("Polygon", "MultiPolygon")

    places = pd.read_csv(io.StringIO(downloads(at, "download_places_csv")))
    assert list(places["place_id"]) == list(at.dataframe[1].value["Id"])

    readme = downloads(at, "download_readme")
    assert CREDITS in readme and "search: 'kharkiv'" in readme and "4 claim(s)" in readme
    assert any(CREDITS in caption.value for caption in at.caption)


def test_the_data_page_takes_the_maps_link():
    at = run(DATA_PAGE, as_of="2022-09-10", status="ukrainian", region="UA-63")
    assert not at.exception
    assert list(claims_table_shown(at)["Claim"]) == ["c0002"]
    assert at.slider(key="as_of").value.isoformat() == "2022-09-10"
    assert at.multiselect(key="statuses").value == ["ukrainian"]
    assert at.query_params["as_of"] == "2022-09-10"
    assert at.query_params["status"] == "ukrainian"
    caption = html_with(at, "Open these filters on the map")
    link = "/?as_of=2022-09-10&amp;region=UA-63&amp;status=ukrainian&amp;source=news"
    assert f'href="{link}"' in caption


def test_latest_per_place_is_what_the_map_shows():
    at = run(DATA_PAGE)
    at.radio(key="data_latest").set_value(True).run()
    assert sorted(claims_table_shown(at)["Claim"]) == ["c0002", "c0003", "c0004", "c0005", "c0006"]
    assert at.query_params["rows"] == "latest"


def test_a_bad_link_on_the_data_page_gives_notices():
    at = run(DATA_PAGE, as_of="yesterday", status="<script>", region="UA-99")
    assert not at.exception
    notices = " ".join(warning.value for warning in at.warning)
    assert "is not a date" in notices and "unknown values" in notices
    assert len(claims_table_shown(at)) == 6


# --- Changes ---------------------------------------------------------------------------------


def news_log(at: AppTest) -> str:
    bodies = [e.value for e in at.html if 'class="fl-day"' in e.value]
    news = [body for body in bodies if "fl-record-log" not in body]
    assert len(news) == 1, "expected one news change log"
    return news[0]


def test_the_change_log_lists_kupiansks_change_on_2022_09_10():
    at = run(CHANGES_PAGE)
    assert not at.exception
    log = news_log(at)
    saturday = log[log.index('id="day-2022-09-10"') : log.index('id="day-2022-02-24"')]
    assert re.search(
        r'<a href="/\?as_of=2022-09-10" target="_self"[^>]*>2022-09-10, Saturday</a>', saturday
    )
    assert (
        ">Kupiansk</a>: Russian-held → Ukrainian-held (claimed) — entered, per Ukrainian forces."
        in saturday
    )
    assert len(at.get("vega_lite_chart")) == 2  # the news's claims, the record's changes


def test_the_record_shows_the_kharkiv_counter_offensive_week_by_week():
    at = run(CHANGES_PAGE)
    assert not at.exception
    month = at.selectbox[0]
    assert month.label == "The record's changes in"
    assert month.value.isoformat() == "2022-09-01"  # the month of the latest news
    log = html_with(at, "fl-record-log")
    assert re.search(r">Balakliia</a>: Contested → Ukrainian-held \(claimed\)", log)
    assert 'href="/?as_of=2022-09-08&amp;place=balakliia&amp;source=record"' in log
    assert "Articles?" not in log  # the record's entries have no article
    month.set_value(dt.date(2022, 11, 1)).run()
    assert ">Kherson</a>: " in html_with(at, "fl-record-log")


def test_the_change_log_follows_the_data(data_copy):
    add_hostile_article(data_copy)
    at = run(CHANGES_PAGE)
    assert not at.exception
    log = news_log(at)
    assert ">Kharkiv</a>: first reported as Ukrainian-held (claimed) — held, per " in log
    assert "&lt;i&gt;officials&lt;/i&gt;" in log and "<i>" not in log
