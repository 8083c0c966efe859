"""The change log of the Changes page and its chart of claims over time."""

from __future__ import annotations

import datetime as dt
import re

import pandas as pd
import pytest

from frontline import store, vocab
from frontline.model import Dataset
from frontline.timeline import Filters, TimelineIndex, claims_table
from frontline.web.changes import (
    CERTAINTY,
    DENIED,
    EVENTS_LABEL,
    FIRST,
    STATUS,
    change_log,
    change_log_html,
    change_sentence,
    chart_period,
    claims_by_date,
    claims_chart,
    log_page,
    log_page_caption,
    log_pages,
)
from tests.conftest import DATA_DIR


@pytest.fixture(scope="module")
def table() -> pd.DataFrame:
    return claims_table(store.load_dataset(DATA_DIR))


def _later(table: pd.DataFrame, claim_id: str, new_id: str, day: str, **values) -> pd.DataFrame:
    """A copy of one claim, as a new claim dated `day`."""
    row = table[table["claim_id"] == claim_id].assign(
        claim_id=new_id, date=pd.Timestamp(day), date_end=pd.Timestamp(day), **values
    )
    return row.assign(date_precision="day")


def _extend(table: pd.DataFrame, *rows: pd.DataFrame) -> pd.DataFrame:
    both = pd.concat([table, *rows], ignore_index=True)
    return both.sort_values(["date", "published", "claim_id"], kind="stable").reset_index(drop=True)


def test_the_seed_log_has_kupiansks_change_on_2022_09_10(table):
    log = change_log(table)
    change = log[log["kind"] == STATUS]
    assert len(change) == 1
    entry = change.iloc[0]
    assert entry["date"] == dt.date(2022, 9, 10)
    assert change_sentence(entry) == (
        "Kupiansk: Russian-held → Ukrainian-held (claimed) — entered, per Ukrainian forces"
    )


def test_every_place_is_first_reported_once(table):
    log = change_log(table)
    firsts = log[log["kind"] == FIRST]
    # An event that states no control (the Kharkiv region shelled) reports no state.
    stated = table[table["status"] != ""]
    assert sorted(firsts["place_id"]) == sorted(stated["place_id"].unique())
    assert "kharkiv-oblast" not in set(log["place_id"])
    kupiansk = firsts[firsts["place_id"] == "kupiansk"].iloc[0]
    assert change_sentence(kupiansk) == (
        "Kupiansk: first reported as Russian-held (confirmed) — fell, per AFP (the report)"
    )
    assert kupiansk["when"] == "week of 2022-02-24 – 2022-03-02"


def test_repeats_are_left_out_and_certainty_and_denials_are_reported(table):
    repeat = _later(table, "c0002", "c0101", "2022-09-12")
    firmer = _later(table, "c0002", "c0102", "2022-09-13", certainty="confirmed")
    denial = _later(
        table, "c0002", "c0103", "2022-09-14", status="russian", certainty="denied", claimant="X"
    )
    log = change_log(_extend(table, repeat, firmer, denial))
    later = log[log["date"] > dt.date(2022, 9, 11)]
    assert list(later["kind"]) == [CERTAINTY, DENIED]
    assert change_sentence(later.iloc[0]) == (
        "Kupiansk: Ukrainian-held, claimed → confirmed — entered, per Ukrainian forces"
    )
    assert change_sentence(later.iloc[1]).startswith("Kupiansk: denied that it is Russian-held")


def test_the_log_agrees_with_the_map_state(table):
    """After the log's last entry for each place, the place is in the map's state."""
    log = change_log(table)
    state = TimelineIndex(table).state(Filters(as_of=dt.date(2022, 9, 11))).set_index("place_id")
    last = log[log["kind"] != DENIED].groupby("place_id").tail(1).set_index("place_id")
    state = state[state["status"] != ""]  # a place only events speak of has no state to log
    assert last["status"].to_dict() == state["status"].to_dict()
    assert last["certainty"].to_dict() == state["certainty"].to_dict()


def test_the_log_html_links_dates_places_and_sources(table):
    page = change_log_html(change_log(table))
    days = re.findall(r'<section class="fl-day" id="day-([\d-]+)">', page)
    assert days == ["2022-09-11", "2022-09-10", "2022-02-24"]  # latest first
    saturday = page[page.index('id="day-2022-09-10"') : page.index('id="day-2022-02-24"')]
    assert '<a href="/?as_of=2022-09-10" target="_self"' in saturday
    assert '<a href="/?as_of=2022-09-10&amp;place=kupiansk" target="_self">Kupiansk</a>' in (
        saturday
    )
    assert ": Russian-held → Ukrainian-held (claimed) — entered, per Ukrainian forces." in saturday
    assert 'href="Articles?article=afp-2022-09-11-f299b479&amp;place=kupiansk"' in saturday


def test_the_log_html_escapes_the_data(table):
    hostile = table.assign(claimant="<img src=x onerror=alert(1)>", name="**K** ${x}")
    page = change_log_html(change_log(hostile))
    assert "<img" not in page
    assert "&lt;img src=x onerror=alert(1)&gt;" in page and "&#36;{x}" in page


def test_claims_by_date_counts_each_status(table):
    counts = claims_by_date(table)
    assert counts["claims"].sum() == len(table)
    on_the_11th = counts[counts["date"] == pd.Timestamp("2022-09-11")]
    assert dict(zip(on_the_11th["status"], on_the_11th["claims"], strict=True)) == {
        "contested": 2,
        "ukrainian": 1,
    }
    assert set(counts["status_label"]) <= {*vocab.STATUS_LABELS.values(), EVENTS_LABEL}
    # The Kharkiv region shelled: counted, as an event with no status.
    assert counts.loc[counts["status"] == "", "status_label"].tolist() == [EVENTS_LABEL]


def test_the_chart_counts_by_month_over_a_long_span_and_by_day_over_a_short_one(table):
    assert chart_period(claims_by_date(table)) == ("yearmonth", "Month")
    september = table[table["date"] >= pd.Timestamp("2022-09-01")]
    assert chart_period(claims_by_date(september)) == ("yearmonthdate", "Day")


def test_the_chart_uses_the_status_colours(table):
    spec = claims_chart(claims_by_date(table)).to_dict()
    scale = spec["encoding"]["color"]["scale"]
    assert scale["domain"] == [vocab.STATUS_LABELS[s] for s in vocab.STATUSES] + [EVENTS_LABEL]
    assert scale["range"] == [vocab.STATUS_COLOURS[s] for s in vocab.STATUSES] + [
        vocab.NO_CLAIM_COLOUR
    ]
    assert spec["encoding"]["x"]["timeUnit"] == "yearmonth"


# --- the record's changes over the war --------------------------------------------------------


@pytest.fixture(scope="module")
def record_changes_since_invasion() -> pd.DataFrame:
    from frontline.news.dates import INVASION_START
    from frontline.record.claims import record_claims_table
    from frontline.record.load import load_record
    from frontline.web.recordchanges import record_changes

    dataset = store.load_dataset(DATA_DIR)
    return record_changes(record_claims_table(load_record(DATA_DIR), dataset), INVASION_START)


def test_the_record_counts_changes_of_status_only_from_the_invasion(record_changes_since_invasion):
    changes = record_changes_since_invasion
    assert set(changes["kind"]) == {STATUS}
    assert min(changes["date"]) >= dt.date(2022, 2, 24)
    assert (changes["from_status"] != changes["status"]).all()


def test_the_kharkiv_counter_offensive_is_the_busiest_week_of_september_2022(
    record_changes_since_invasion,
):
    from frontline.web.recordchanges import weekly_counts

    counts = weekly_counts(record_changes_since_invasion)
    ukrainian = counts[counts["status"] == "ukrainian"].set_index("week")["changes"]
    september = ukrainian["2022-09-01":"2022-09-30"]
    assert september.idxmax() == pd.Timestamp("2022-09-05")  # a Monday
    assert september.max() >= 10
    assert ukrainian.sum() == (record_changes_since_invasion["status"] == "ukrainian").sum()


def test_weeks_start_on_monday_and_the_nearest_month_is_chosen():
    from frontline.web.recordchanges import nearest_month, week_start

    assert week_start(dt.date(2022, 9, 11)) == dt.date(2022, 9, 5)
    assert week_start(dt.date(2022, 9, 5)) == dt.date(2022, 9, 5)
    months = [dt.date(2023, 1, 1), dt.date(2022, 9, 1), dt.date(2022, 3, 1)]
    assert nearest_month(months, dt.date(2022, 9, 30)) == 1
    assert nearest_month(months, dt.date(2022, 12, 20)) == 0
    assert nearest_month([], dt.date(2022, 9, 1)) == 0


def _folded_log(table: pd.DataFrame) -> list[tuple]:
    """The change log by the rule read straight: every row folded in turn, in table order."""
    from frontline.assessment import STRENGTH_CERTAINTY, Evidence, Fold

    entries, folds = [], {}
    for _, row in table.iterrows():
        place = folds.setdefault(row["place_id"], Fold())
        before = (place.status, STRENGTH_CERTAINTY[place.strength]) if place.strongest else None
        evidence = Evidence.of(
            row["date"].date(), row["status"], row["certainty"], row["claimant"], row["claim_id"]
        )
        change = place.add(evidence)
        if row["certainty"] == "denied" and row["status"]:
            kind, now = DENIED, (row["status"], row["certainty"])
        elif change is None:
            continue
        else:
            kind, now = change, (place.status, STRENGTH_CERTAINTY[place.strength])
        entries.append((row["claim_id"], kind, *(before or (None, None)), *now, evidence.admission))
    return entries


@pytest.fixture(scope="module")
def synthetic_table(tmp_path_factory) -> pd.DataFrame:
    from frontline.synthetic import generate

    root = tmp_path_factory.mktemp("synthetic") / "data"
    generate(root, 3000, seed=3)
    return claims_table(store.load_dataset(root))


def test_the_log_is_the_rule_folded_claim_by_claim(synthetic_table):
    log = change_log(synthetic_table)
    columns = ["claim_id", "kind", "from_status", "from_certainty", "status", "certainty"]
    got = [
        tuple(None if pd.isna(v) else v for v in row)
        for row in log[[*columns, "admission"]].itertuples(index=False)
    ]
    expected = _folded_log(synthetic_table)
    assert len(expected) > 500 and {e[1] for e in expected} >= {FIRST, STATUS, DENIED}
    assert got == expected
    assert log.equals(change_log(synthetic_table, TimelineIndex(synthetic_table)))


def test_the_newest_changes_of_some_kinds_are_the_tail_of_the_whole_log(synthetic_table):
    from frontline.web.latest import latest_changes

    index = TimelineIndex(synthetic_table)
    whole = change_log(synthetic_table, index)
    tail = change_log(synthetic_table, index, kinds=(STATUS, CERTAINTY), newest=7)
    wanted = whole[whole["kind"].isin([STATUS, CERTAINTY])].tail(7).reset_index(drop=True)
    pd.testing.assert_frame_equal(tail, wanted)
    newest = latest_changes(change_log(synthetic_table, index, kinds=(STATUS,), newest=5))
    of_whole = latest_changes(whole[whole["kind"] == STATUS])
    assert len(of_whole) == 5
    assert newest.reset_index(drop=True).equals(of_whole.reset_index(drop=True))


@pytest.mark.parametrize("size", [1, 40, 10**6])
def test_a_paged_log_shows_the_rows_of_the_whole_log_a_few_whole_dates_at_a_time(
    synthetic_table, size
):
    log = change_log(synthetic_table)
    pages = log_pages(log, size)
    shown = [log_page(log, page) for page in pages]
    # Every entry on exactly one page, in the log's order within a page.
    assert sum(len(rows) for rows in shown) == len(log)
    assert pd.concat(shown).sort_index().equals(log)
    for (newest, oldest), rows in zip(pages, shown, strict=True):
        assert newest >= oldest and set(rows["date"]) <= {
            d for d in log["date"] if oldest <= d <= newest
        }
        assert len(rows) <= size or newest == oldest  # only a date alone may hold more
    # Latest dates first, no date on two pages.
    flat = [day for page in pages for day in page]
    assert flat == sorted(flat, reverse=True) and all(
        a[1] > b[0] for a, b in zip(pages, pages[1:], strict=False)
    )
    if size == 10**6:
        assert len(pages) == 1
    if size == 40:
        assert len(pages) > 5
    # The pages' HTML, one after the other, is the whole log's.
    style = change_log_html(log.iloc[0:0])
    whole = change_log_html(log).removeprefix(style)
    assert "".join(change_log_html(rows).removeprefix(style) for rows in shown) == whole


def test_an_empty_log_has_no_page_and_a_caption_names_the_dates():
    assert log_pages(change_log(claims_table(Dataset()))) == []
    day = dt.date(2024, 3, 1)
    assert (
        log_page_caption((day, day), 12, 3000) == "Dates 2024-03-01: 12 of the log's 3,000 entries."
    )
    caption = log_page_caption((day, dt.date(2024, 2, 27)), 1000, 3000)
    assert caption == "Dates 2024-02-27 to 2024-03-01: 1,000 of the log's 3,000 entries."
