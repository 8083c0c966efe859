"""Adding an article: the review table, and the page from paste to save."""

from __future__ import annotations

import datetime as dt
import re

import pytest
import streamlit_folium
from streamlit.testing.v1 import AppTest

from frontline import store
from frontline.news.gazetteer import cached_gazetteer
from frontline.news.geoparse import cached_matcher
from frontline.news.ingest import IngestError, candidate_claims
from frontline.news.review import candidates_on_map, review_table, reviewed_candidates
from frontline.web.addarticle import MAX_ARTICLE_CHARS, ROW_COLUMN, row_numbers
from frontline.web.text import escape_html
from tests.conftest import DATA_DIR, ROOT

DATELINE = dt.date(2022, 10, 2)
REPORT = (
    "KRAMATORSK, Ukraine: Ukrainian forces said on Saturday they had entered Lyman in the "
    "Donetsk region after Russian troops withdrew from the encircled town.\n\n"
    "Fighting continued near Kreminna, the regional governor said."
)


@pytest.fixture(scope="module")
def found():
    candidates = candidate_claims(
        REPORT, DATELINE, outlet="Test Wire", matcher=cached_matcher(DATA_DIR)
    )
    assert candidates, "the report should yield candidate claims"
    return candidates


@pytest.fixture(scope="module")
def gazetteer():
    return cached_gazetteer(DATA_DIR)


def test_unedited_table_gives_back_the_candidates(found, gazetteer):
    assert reviewed_candidates(review_table(found), found, gazetteer, DATELINE) == found


def test_lyman_is_the_donetsk_one_entered_on_saturday(found):
    lyman = next(c for c in found if c.entry.name == "Lyman")
    assert lyman.entry.oblast == "UA-14"
    assert (lyman.status, lyman.event) == ("ukrainian", "entered")
    assert lyman.date.start == dt.date(2022, 10, 1)


def test_edits_are_read_back(found, gazetteer):
    table = review_table(found)
    table.loc[0, "certainty"] = "unconfirmed"
    table.loc[0, "claimant"] = "An edited claimant"
    reviewed = reviewed_candidates(table, found, gazetteer, DATELINE)
    assert reviewed[0].certainty == "unconfirmed"
    assert reviewed[0].claimant == "An edited claimant"
    assert reviewed[0].quote == found[0].quote  # the passage is never edited


def test_dropped_rows_are_left_out(found, gazetteer):
    table = review_table(found)
    table.loc[0, "keep"] = False
    assert reviewed_candidates(table, found, gazetteer, DATELINE) == list(found[1:])


def test_a_place_can_be_renamed_by_any_spelling(found, gazetteer):
    table = review_table(found)
    table.loc[0, "place"] = "Izyum"
    (first, *_) = reviewed_candidates(table, found, gazetteer, DATELINE)
    assert first.entry.name == "Izium"
    assert first.entry.geonames_id == 707292


@pytest.mark.parametrize(
    ("column", "value", "message"),
    [
        ("place", "Atlantis", "row 1: place: 'Atlantis' is not a place in the gazetteer"),
        ("status", "liberated-ish", "row 1: status:"),
        ("claimant", "  ", "row 1: claimant: is empty"),
        ("date", "2022-10-09", "row 1: date: "),
        ("date", "yesterday", "row 1: date: 'yesterday' is not a date"),
    ],
)
def test_bad_edits_are_named_by_row_and_field(found, gazetteer, column, value, message):
    table = review_table(found).astype({column: object})
    table.loc[0, column] = value
    with pytest.raises(IngestError, match=message.replace("(", r"\(")):
        reviewed_candidates(table, found, gazetteer, DATELINE)


def test_fighting_near_a_place_is_an_event_with_no_status(found, gazetteer):
    kreminna = next(c for c in found if c.entry.name == "Kreminna")
    assert (kreminna.status, kreminna.event) == ("", "fighting")
    row = list(found).index(kreminna)
    table = review_table(found)
    assert (table.loc[row, "status"], table.loc[row, "event"]) == ("", "fighting")
    table.loc[row, "event"] = "entered"  # a control event needs a status
    with pytest.raises(IngestError, match=f"row {row + 1}: status: is empty; only an event"):
        reviewed_candidates(table, found, gazetteer, DATELINE)


def test_candidates_on_map_has_one_row_per_place(found):
    frame = candidates_on_map(found)
    assert frame["place_id"].is_unique
    assert {"lat", "lon", "status", "certainty", "kind"} <= set(frame.columns)


# --- the page ------------------------------------------------------------------------------


def open_page() -> AppTest:
    page = str(ROOT / "pages" / "4_Add_article.py")
    return AppTest.from_file(page, default_timeout=120).run()


def find(app: AppTest, text: str, dateline: dt.date = DATELINE) -> AppTest:
    app.text_area(key="article_text").input(text)
    app.date_input(key="published").set_value(dateline)
    app.text_input(key="outlet").input("Test Wire")
    app.text_input(key="title").input("Ukrainian forces enter Lyman")
    app.run()  # Find is enabled once the dateline is set
    next(b for b in app.button if b.label == "Find places and claims").click()
    return app.run()


def test_page_finds_claims_and_saves_them(data_copy):
    app = find(open_page(), REPORT)
    assert not app.exception
    assert any("candidate claim(s)" in m.value for m in app.markdown)
    before = store.load_dataset(data_copy)
    next(b for b in app.button if b.label == "Save the kept claims").click().run()
    assert not app.exception
    assert any(s.value.startswith("Saved:") for s in app.success)
    after = store.load_dataset(data_copy)
    assert after.problems == []
    assert len(after.articles) == len(before.articles) + 1
    assert len(after.claims) > len(before.claims)
    assert any(p.name == "Lyman" for p in after.places.values())
    saved = {after.places[c.place_id].name: c for c in after.claims if c not in before.claims}
    assert (saved["Kreminna"].status, saved["Kreminna"].event) == ("", "fighting")


def test_saving_twice_adds_nothing_more(data_copy):
    app = find(open_page(), REPORT)
    save = next(b for b in app.button if b.label == "Save the kept claims")
    save.click().run()
    count = len(store.load_dataset(data_copy).claims)
    next(b for b in app.button if b.label == "Save the kept claims").click().run()
    assert any("already in" in i.value for i in app.info)
    assert len(store.load_dataset(data_copy).claims) == count


def test_empty_text_is_a_clear_error():
    app = find(open_page(), "   ")
    assert any("Paste the article's text" in e.value for e in app.error)


def test_text_without_claims_says_so():
    app = find(open_page(), "A quiet day. Nothing happened anywhere.")
    assert any("No claim about a place" in i.value for i in app.info)


def test_bad_address_is_refused_and_nothing_is_written(data_copy):
    app = find(open_page(), REPORT)
    app.text_input(key="url").input("javascript:alert(1)").run()
    claims_before = (data_copy / "claims.csv").read_bytes()
    next(b for b in app.button if b.label == "Save the kept claims").click().run()
    assert any(
        "Not saved" in e.value and "the address" in e.value and "javascript:alert(1)" in e.value
        for e in app.error
    )
    assert (data_copy / "claims.csv").read_bytes() == claims_before


def test_a_damaged_gazetteer_source_is_listed_and_the_page_still_finds_claims(data_copy):
    path = data_copy / "geonames_ua.csv"
    lines = path.read_text(encoding="utf-8").split("\n")
    lines[1] = lines[1].replace(lines[1].split(",")[2], "north", 1)  # Kyiv's latitude
    path.write_text("\n".join(lines), encoding="utf-8")
    app = find(open_page(), REPORT)
    assert not app.exception
    assert any("candidate claim(s)" in m.value for m in app.markdown)
    (expander,) = [e for e in app.expander if "problem(s) in the data files" in e.label]
    listed = list(expander.dataframe[0].value.itertuples(index=False, name=None))
    assert (
        "geonames_ua.csv",
        2,
        "latitude",
        "'north' is not a number (digits 0-9, a point)",
    ) in listed


def test_markdown_in_a_refused_address_is_quoted_not_rendered(data_copy):
    app = find(open_page(), REPORT)
    address = "![p](https://evil.example/p.png) [x](https://evil.example/) **bold** :red[red]"
    app.text_input(key="url").input(address).run()
    next(b for b in app.button if b.label == "Save the kept claims").click().run()
    (error,) = [e.value for e in app.error if e.value.startswith("Not saved")]
    span = error.removeprefix("Not saved: ")
    fence = span[: len(span) - len(span.lstrip("`"))]
    assert fence and span.endswith(fence)  # the whole reason in one code span
    assert "![p](https://evil.example/p.png)" in span


# --- what a new user trips over -------------------------------------------------------------


def find_button(app: AppTest):
    return next(b for b in app.button if b.label == "Find places and claims")


def test_there_is_no_default_dateline_and_find_says_why_it_waits():
    app = open_page()
    assert app.date_input(key="published").value is None
    app.text_area(key="article_text").input(REPORT).run()
    assert find_button(app).disabled
    assert "Set the dateline first" in find_button(app).help
    assert any("Set the dateline first" in c.value for c in app.caption)
    app.date_input(key="published").set_value(DATELINE).run()
    assert not find_button(app).disabled


def test_a_paste_over_the_limit_says_so_and_points_to_the_upload():
    app = open_page()
    assert "1,000,000 characters" in app.text_area(key="article_text").label
    text = REPORT + " more" * (MAX_ARTICLE_CHARS // 5)
    app = find(app, text)
    (error,) = [e.value for e in app.error]
    assert f"{len(text):,} characters" in error and "1,000,000" in error and "upload" in error


def test_the_review_table_shows_the_map_s_words_and_every_quote_in_full():
    app = find(open_page(), REPORT)
    table = app.dataframe[0].value
    assert "Donetsk oblast" in set(table["oblast"])
    assert '"label": "Ukrainian-held"' in app.dataframe[0].proto.columns  # status, labelled
    assert '"label": "no status (event only)"' in app.dataframe[0].proto.columns
    assert "fighting" in set(table["event"])  # Kreminna: fighting near it, an event
    quotes = next(h.proto.body for h in app.get("html") if "fl-quotes" in h.proto.body)
    for quote in table["quote"]:
        assert escape_html(quote) in quotes


def test_a_save_asks_for_the_title_and_outlet(data_copy):
    app = find(open_page(), REPORT)
    app.text_input(key="title").input("").run()
    app.text_input(key="outlet").input(" ").run()
    before = (data_copy / "claims.csv").read_bytes()
    next(b for b in app.button if b.label == "Save the kept claims").click().run()
    (error,) = [e.value for e in app.error if e.value.startswith("Not saved")]
    assert "title and outlet" in error
    assert (data_copy / "claims.csv").read_bytes() == before


def test_the_small_map_numbers_its_markers_as_the_table_s_rows(found, monkeypatch):
    numbers = row_numbers(found)
    assert sorted(n for ns in numbers.values() for n in ns) == list(range(1, len(found) + 1))
    for key, ns in numbers.items():
        assert all(found[n - 1].entry.key == key for n in ns)

    maps = []
    monkeypatch.setattr(streamlit_folium, "st_folium", lambda fmap, **_k: maps.append(fmap))
    app = find(open_page(), REPORT)
    assert not app.exception
    table = app.dataframe[0].value
    assert list(table[ROW_COLUMN]) == list(range(1, len(table) + 1))
    (layer,) = [
        c for c in maps[-1]._children.values() if getattr(c, "layer_name", "") == "Row numbers"
    ]
    labels = {}  # row number -> where its label stands
    for marker in layer._children.values():
        text = re.fullmatch(r"<span [^>]*>([0-9, ]+)</span>", marker.icon.options["html"])
        assert marker.options["interactive"] is False  # a click belongs to the marker
        for n in text.group(1).split(", "):
            labels[int(n)] = tuple(marker.location)
    assert sorted(labels) == list(table[ROW_COLUMN])
    for n in table[ROW_COLUMN]:  # each number stands at its own row's place
        entry = found[n - 1].entry
        assert labels[n] == (entry.lat, entry.lon)
