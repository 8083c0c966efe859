"""Loading and validating the data directory: the seed data's facts, and broken files."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys

import pytest

from frontline import store
from frontline.model import Article
from tests.brokendata import ACCEPTED, BROKEN, _replace_line
from tests.conftest import DATA_DIR, ROOT


@pytest.fixture(scope="module")
def seed():
    return store.load_dataset(DATA_DIR)


def test_bundled_data_is_valid(seed):
    assert seed.problems == []
    assert len(seed.articles) == 1
    assert len(seed.claims) >= 6


def test_every_quote_stands_verbatim_at_its_offsets(seed):
    for claim in seed.claims:
        text = seed.articles[claim.article_id].text
        assert text[claim.quote_start : claim.quote_end] == claim.quote, claim.claim_id
        if claim.mention:
            assert claim.mention in claim.quote


def test_seed_article_metadata(seed):
    (article,) = seed.articles.values()
    assert article.outlet == "AFP"
    assert article.published == dt.date(2022, 9, 11)
    assert article.text.startswith("KHARKIV, Ukraine:")


def test_place_facts(seed):
    places = seed.places
    assert places["lyman"].oblast == "UA-14"
    assert places["lyman"].geonames_id == 704204
    assert places["kupiansk"].oblast == "UA-63"
    assert "Iyzum" in places["izium"].alt_names
    assert places["kharkiv-oblast"].kind == "oblast"
    assert places["donetsk-oblast"].kind == "oblast"


def test_claim_vocabulary_for_the_seed(seed):
    by_place: dict[str, list] = {}
    for claim in seed.claims:
        by_place.setdefault(claim.place_id, []).append(claim)
    (izium,) = by_place["izium"]
    assert izium.certainty == "unconfirmed"
    assert izium.status == "ukrainian"
    fall, entry = sorted(by_place["kupiansk"], key=lambda c: c.date)
    assert (fall.status, fall.date_precision, fall.date) == (
        "russian",
        "week",
        dt.date(2022, 2, 24),
    )
    assert fall.date_end == dt.date(2022, 3, 2)
    assert (entry.status, entry.certainty, entry.claimant) == (
        "ukrainian",
        "claimed",
        "Ukrainian forces",
    )
    assert entry.date == dt.date(2022, 9, 10)
    (lyman,) = by_place["lyman"]
    assert (lyman.status, lyman.certainty) == ("contested", "claimed")


def test_governments_are_not_places_of_change(seed):
    named = {p.name.lower() for p in seed.places.values()}
    claimed = {seed.places[c.place_id].name.lower() for c in seed.claims}
    for capital in ("kyiv", "moscow"):
        assert capital not in claimed
        assert capital not in named


def test_publication_date_is_kept_apart_from_claim_dates(seed):
    (article,) = seed.articles.values()
    assert {c.date for c in seed.claims} != {article.published}


def test_implied_end_dates():
    assert store.implied_end(dt.date(2022, 2, 24), "week") == dt.date(2022, 3, 2)
    assert store.implied_end(dt.date(2022, 2, 1), "month") == dt.date(2022, 2, 28)
    assert store.implied_end(dt.date(2022, 12, 5), "month") == dt.date(2022, 12, 31)
    assert store.implied_end(dt.date(2022, 9, 10), "day") == dt.date(2022, 9, 10)


# --- broken files: each gets its own clear line naming file, line and field ----------------


@pytest.mark.parametrize(
    ("label", "file", "damage", "expected"), BROKEN, ids=[case[0] for case in BROKEN]
)
def test_broken_file_gets_a_clear_line(data_copy, label, file, damage, expected):
    damage(data_copy)
    dataset = store.load_dataset(data_copy)
    exp_file, exp_line, exp_field, exp_words = expected
    matching = [
        p
        for p in dataset.problems
        if p.file == exp_file
        and p.line == exp_line
        and p.field == exp_field
        and exp_words in p.message
    ]
    assert matching, f"{label}: got {[str(p) for p in dataset.problems]}"


BY_LABEL = {case[0]: case for case in BROKEN}


# A row that cannot be read at all (not decoded, not parsed, too long for the csv module)
# costs that row only: the rows after it are read, an unclosed quote's too.
@pytest.mark.parametrize(
    "label",
    [
        "unbalanced quote",
        "huge field, past the csv module's limit",
        "a Latin-1 row among UTF-8 rows",
        "50 MB file (one row of 50 MB)",
    ],
)
def test_a_row_that_cannot_be_read_costs_only_that_row(data_copy, seed, label):
    _, _, damage, (_, line, _, _) = BY_LABEL[label]
    damage(data_copy)
    dataset = store.load_dataset(data_copy)
    lost = [c.claim_id for c in seed.claims if c not in dataset.claims]
    assert len(lost) == (0 if line > len(seed.claims) + 1 else 1), lost
    assert len(dataset.claims) == len(seed.claims) - len(lost)
    assert [p.line for p in dataset.problems] == [line]


@pytest.mark.parametrize(("label", "change"), ACCEPTED, ids=[case[0] for case in ACCEPTED])
def test_unusual_but_valid_files_are_accepted(data_copy, seed, label, change):
    change(data_copy)
    dataset = store.load_dataset(data_copy)
    assert dataset.problems == [], label
    assert dataset.claims == seed.claims
    assert dataset.places.keys() == seed.places.keys()
    assert dataset.articles == seed.articles


def test_bad_rows_are_left_out_and_the_rest_kept(data_copy):
    _replace_line(data_copy / "claims.csv", 3, ",ukrainian,", ",bogus,")
    dataset = store.load_dataset(data_copy)
    assert len(dataset.claims) == 5
    assert "c0002" not in {c.claim_id for c in dataset.claims}
    assert {c.claim_id for c in dataset.claims} >= {"c0001", "c0003"}


def test_claims_of_a_left_out_place_point_at_its_line(data_copy):
    _replace_line(data_copy / "places.csv", 3, "37.61581", "200")  # Kupiansk's longitude
    dataset = store.load_dataset(data_copy)
    problems = [(p.file, p.line, p.field, p.message) for p in dataset.problems]
    assert problems[0] == ("places.csv", 3, "lon", "200.0 is outside -180..180")
    kupiansk_claims = problems[1:]
    assert len(kupiansk_claims) == 2
    for file, _, field, message in kupiansk_claims:
        assert (file, field) == ("claims.csv", "place_id")
        assert message == (
            "'kupiansk' is left out of places.csv (see its line 3), so this claim is too"
        )


def test_missing_directory_is_a_data_error(tmp_path):
    with pytest.raises(store.DataError, match="not a data directory"):
        store.load_dataset(tmp_path / "nowhere")


def test_write_tables_round_trips(data_copy, seed):
    store.write_tables(
        data_copy, articles=seed.articles.values(), places=seed.places.values(), claims=seed.claims
    )
    again = store.load_dataset(data_copy)
    assert again.problems == []
    assert again.claims == seed.claims
    assert again.places == seed.places
    assert again.articles == seed.articles


def test_atomic_write_leaves_old_file_when_writing_fails(tmp_path, monkeypatch):
    target = tmp_path / "claims.csv"
    target.write_text("old\n", encoding="utf-8")

    def failing_fsync(_fd):
        raise OSError("disk full")

    monkeypatch.setattr(store.durable.os, "fsync", failing_fsync)
    with pytest.raises(OSError, match="disk full"):
        store.atomic_write_text(target, "new\n")
    assert target.read_text(encoding="utf-8") == "old\n"
    assert [p.name for p in tmp_path.iterdir()] == ["claims.csv"]


def test_article_written_before_index(tmp_path):
    article = Article("x-1", "T", "O", "", dt.date(2022, 9, 11), "en", "text")
    store.write_tables(tmp_path, articles=[article])
    assert (tmp_path / "articles" / "x-1.txt").read_text(encoding="utf-8") == "text"
    assert "x-1" in (tmp_path / "articles.csv").read_text(encoding="utf-8")


def test_validate_never_ends_in_a_traceback(data_copy):
    (data_copy / "claims.csv").write_bytes(b"\x00\xff garbage")
    result = subprocess.run(
        [sys.executable, "-m", "frontline.cli", "validate", str(data_copy)],
        capture_output=True,
        text=True,
        cwd=ROOT,
    )
    assert result.returncode == 1
    assert "Traceback" not in result.stderr + result.stdout
    assert "claims.csv:1: -:" in result.stdout


def test_an_event_that_states_no_control_loads_without_a_status():
    """The seed's Kharkiv region "shelled by its artillery": an event, and no status."""
    dataset = store.load_dataset(DATA_DIR)
    assert not dataset.problems
    shelled = next(c for c in dataset.claims if c.claim_id == "c0006")
    assert (shelled.status, shelled.event) == ("", "shelled")
