"""The Data page's tables: filters, search, what the table shows and the downloads' notes."""

from __future__ import annotations

import datetime as dt
import io

import pandas as pd
import pytest

from frontline import store
from frontline.app.ui import view_filters
from frontline.assessindex import ASSESSED_COLUMNS, ASSESSMENT_COLUMNS
from frontline.export import CREDITS, geojson_text, to_csv
from frontline.timeline import Filters, TimelineIndex, claims_table
from frontline.web.tables import (
    CLAIM_SEARCH_COLUMNS,
    PLACE_SEARCH_COLUMNS,
    claim_rows,
    claims_shown,
    describe_view,
    fold,
    place_aliases,
    place_rows,
    places_csv,
    places_shown,
    readme_text,
    search,
    view_caption_html,
)
from tests.conftest import DATA_DIR

FIRST, LAST = dt.date(2022, 2, 24), dt.date(2022, 9, 11)


@pytest.fixture(scope="module")
def seed():
    dataset = store.load_dataset(DATA_DIR)
    return dataset, claims_table(dataset)


def _claim_ids(rows: pd.DataFrame) -> list[str]:
    return sorted(rows["claim_id"])


def test_fold_ignores_case_accents_and_apostrophe_kinds():
    assert fold("Kup’YANSK") == fold("kup'yansk") == "kup'yansk"
    assert fold("Zaporízhzhia") == "zaporizhzhia"


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("", ["c0001", "c0002", "c0003", "c0004", "c0005", "c0006"]),
        ("kupiansk", ["c0001", "c0002"]),
        ("Kupyansk", ["c0001", "c0002"]),  # another spelling, from the gazetteer
        ("Куп’янськ", ["c0001", "c0002"]),
        ("izyum", ["c0003"]),
        ("pushilin donetsk", ["c0004", "c0005"]),  # every word, anywhere in the row
        ("pushilin kharkiv", []),
        ("Ukrainian-held", ["c0002", "c0003"]),  # the status in words
        ("logistics hub", ["c0002"]),  # words of a quote
    ],
)
def test_search_narrows_the_claims(seed, query, expected):
    dataset, table = seed
    found = search(table, query, CLAIM_SEARCH_COLUMNS, place_aliases(dataset))
    assert _claim_ids(found) == expected


def test_search_treats_the_query_as_text_not_a_pattern(seed):
    _, table = seed
    assert search(table, ".*", CLAIM_SEARCH_COLUMNS).empty
    assert _claim_ids(search(table, "(the report)", CLAIM_SEARCH_COLUMNS)) == ["c0001", "c0006"]


def test_claim_rows_follow_the_maps_filters(seed):
    _, table = seed
    assert _claim_ids(claim_rows(TimelineIndex(table), Filters(as_of=dt.date(2022, 9, 10)))) == [
        "c0001",
        "c0002",
        "c0006",
    ]
    by_status = claim_rows(TimelineIndex(table), Filters(as_of=LAST, statuses=("ukrainian",)))
    assert _claim_ids(by_status) == ["c0002", "c0003"]
    by_region = claim_rows(TimelineIndex(table), Filters(as_of=LAST, oblasts=("UA-14",)))
    assert _claim_ids(by_region) == ["c0004", "c0005"]
    by_certainty = claim_rows(TimelineIndex(table), Filters(as_of=LAST, certainties=("confirmed",)))
    assert _claim_ids(by_certainty) == ["c0001", "c0006"]
    # "Known" on 2022-09-10: the only article was published on the 11th.
    assert claim_rows(TimelineIndex(table), Filters(as_of=dt.date(2022, 9, 10), mode="known")).empty


def test_latest_only_is_the_map_state(seed):
    _, table = seed
    latest = claim_rows(TimelineIndex(table), Filters(as_of=LAST), latest_only=True)
    assert _claim_ids(latest) == ["c0002", "c0003", "c0004", "c0005", "c0006"]
    # The claim each place's assessment rests on, with the assessment beside it.
    assert list(latest.columns)[: len(table.columns)] == list(table.columns)
    assert set(ASSESSMENT_COLUMNS) | set(ASSESSED_COLUMNS) <= set(latest.columns)


def test_place_rows_carry_the_state_and_keep_places_without_claims(seed):
    dataset, table = seed
    places = place_rows(dataset, TimelineIndex(table), Filters(as_of=dt.date(2022, 9, 10)))
    assert len(places) == len(dataset.places)
    by_id = places.set_index("place_id")
    assert by_id.loc["kupiansk", "status"] == "ukrainian"
    assert by_id.loc["kupiansk", "claims"] == 2
    assert pd.isna(by_id.loc["kharkiv", "status"]) and by_id.loc["kharkiv", "claims"] == 0
    assert pd.isna(by_id.loc["lyman", "status"])  # its claim is dated the 11th
    shown = places_shown(places).set_index("Id")
    assert shown.loc["kharkiv", ["Status", "Certainty"]].tolist() == ["", ""]  # not "None"
    assert shown.loc["kupiansk", "Status"] == "Ukrainian-held"


def test_place_rows_with_a_status_filter_keep_only_places_in_that_state(seed):
    dataset, table = seed
    places = place_rows(dataset, TimelineIndex(table), Filters(as_of=LAST, statuses=("contested",)))
    # The Kharkiv region, only shelled, holds no status.
    assert sorted(places["place_id"]) == ["donetsk-oblast", "lyman"]
    in_donetsk = place_rows(dataset, TimelineIndex(table), Filters(as_of=LAST, oblasts=("UA-14",)))
    assert sorted(in_donetsk["place_id"]) == ["donetsk-oblast", "lyman"]
    found = search(places, "luhansk liman", PLACE_SEARCH_COLUMNS, place_aliases(dataset))
    assert found.empty
    found = search(places, "liman", PLACE_SEARCH_COLUMNS)
    assert list(found["place_id"]) == ["lyman"]


def test_places_csv_loads_back_as_a_gazetteer(seed, tmp_path):
    dataset, table = seed
    places = place_rows(dataset, TimelineIndex(table), Filters(as_of=LAST, statuses=("contested",)))
    (tmp_path / store.OBLASTS_FILE).write_text((DATA_DIR / store.OBLASTS_FILE).read_text())
    (tmp_path / store.PLACES_FILE).write_text(places_csv(places))
    reloaded = store.load_dataset(tmp_path)
    assert sorted(reloaded.places) == sorted(places["place_id"])
    assert reloaded.places["lyman"] == dataset.places["lyman"]


def test_the_tables_show_readable_values_and_links(seed):
    dataset, table = seed
    shown = claims_shown(table[table["claim_id"] == "c0002"])
    row = shown.iloc[0]
    assert list(shown.columns[:7]) == [
        "Date",
        "Place",
        "Oblast",
        "Status",
        "Certainty",
        "Claimant",
        "Quote",
    ]
    assert (row["Date"], row["Place"], row["Oblast"], row["Status"]) == (
        dt.date(2022, 9, 10),
        "Kupiansk",
        "Kharkiv",
        "Ukrainian-held",
    )
    assert row["Map"] == "/?as_of=2022-09-10&place=kupiansk"
    assert row["Article"] == "Articles?article=afp-2022-09-11-f299b479&place=kupiansk"
    places = places_shown(place_rows(dataset, TimelineIndex(table), Filters(as_of=LAST)))
    kupiansk = places.set_index("Id").loc["kupiansk"]
    assert kupiansk["Other names"].startswith("Kupyansk, Kupyans'k")
    assert kupiansk["Population"] == 27169


def test_view_in_words_and_its_caption(seed):
    dataset, _ = seed
    view = Filters(
        as_of=LAST,
        date_from=dt.date(2022, 9, 1),
        oblasts=("UA-63",),
        statuses=("ukrainian", "contested"),
        certainties=("claimed",),
    )
    words = describe_view(view, dataset.oblasts, " <b>kup ")
    assert words == (
        "as of 2022-09-11 (what happened by this date); claims dated 2022-09-01 to the end; "
        "regions: Kharkiv; status: Ukrainian-held, Contested; certainty: claimed; "
        "search: '<b>kup'"
    )
    caption = view_caption_html(words, "/?as_of=2022-09-11&region=UA-63")
    assert "<b>" not in caption and "&lt;b&gt;kup" in caption
    assert 'href="/?as_of=2022-09-11&amp;region=UA-63"' in caption


def test_readme_names_the_view_the_files_and_the_credits():
    readme = readme_text("as of 2022-09-11", "/?as_of=2022-09-11", claims=3, places=2)
    assert "View: as of 2022-09-11." in readme
    assert "/?as_of=2022-09-11" in readme
    assert "3 claim(s)" in readme and "2 place(s)" in readme
    assert CREDITS in readme
    assert "<" not in readme  # plain text


def test_the_whole_date_range_is_no_filter_and_stays_out_of_links():
    whole = Filters(as_of=LAST, date_from=FIRST, date_to=LAST, statuses=("russian",))
    view = filters = view_filters(whole, FIRST, LAST)
    assert (filters.date_from, filters.date_to) == (None, None)
    assert (view.date_from, view.date_to) == (None, None)
    assert filters.statuses == ("russian",)
    part = Filters(as_of=LAST, date_from=dt.date(2022, 9, 1), date_to=dt.date(2022, 9, 10))
    view = filters = view_filters(part, FIRST, LAST)
    assert (filters.date_from, filters.date_to) == (dt.date(2022, 9, 1), dt.date(2022, 9, 10))
    assert view == part


def test_downloads_carry_the_article_s_title_outlet_and_address(seed):
    dataset, table = seed
    article = dataset.articles[table.loc[0, "article_id"]]
    assert table.loc[0, "url"] == article.url  # the claims table joins the address in
    rows = table.head(1).assign(url="https://example.org/report")
    exported = pd.read_csv(io.StringIO(to_csv(rows)), comment="#")
    assert (exported.loc[0, "title"], exported.loc[0, "outlet"], exported.loc[0, "url"]) == (
        article.title,
        article.outlet,
        "https://example.org/report",
    )
    assert "https://example.org/report" in geojson_text(rows)
