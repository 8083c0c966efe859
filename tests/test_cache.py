"""The claims' Parquet cache: used when the CSV files are unchanged, rebuilt when not."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from frontline.store import cache, load_dataset
from frontline.store.save import Batch, commit
from tests.conftest import DATA_DIR


@pytest.fixture
def data(tmp_path: Path) -> Path:
    root = tmp_path / "data"
    shutil.copytree(DATA_DIR, root, ignore=shutil.ignore_patterns(".cache"))
    return root


def _spy_reads(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Counts the loads that parsed claims.csv instead of reading the cache."""
    parsed: list[int] = []
    real = cache.write_claims

    def spy(root, claims, sig):
        parsed.append(len(claims))
        real(root, claims, sig)

    monkeypatch.setattr(cache, "write_claims", spy)
    return parsed


def test_second_load_comes_from_the_cache_and_is_identical(data, monkeypatch):
    parsed = _spy_reads(monkeypatch)
    from_csv = load_dataset(data)
    assert (data / cache.CLAIMS_CACHE).is_file()
    from_cache = load_dataset(data)
    assert parsed == [len(from_csv.claims)]  # the second load parsed nothing
    assert from_cache == from_csv
    assert from_cache.claims == load_dataset(data, use_cache=False).claims


def test_a_claims_file_edited_by_hand_is_noticed(data):
    load_dataset(data)
    path = data / "claims.csv"
    text = path.read_text(encoding="utf-8")
    # Same size, one status changed: only the content tells the edit apart.
    edited = text.replace(",ukrainian,", ",russian__,", 1)
    assert edited != text
    path.write_text(edited, encoding="utf-8")
    reloaded = load_dataset(data)
    assert any(p.file == "claims.csv" and p.field == "status" for p in reloaded.problems)


def test_a_valid_hand_edit_is_loaded_not_the_stale_cache(data):
    before = load_dataset(data)
    path = data / "claims.csv"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace(",ukrainian,", ",russian,", 1), encoding="utf-8")
    after = load_dataset(data)
    assert after.problems == []
    assert after == load_dataset(data, use_cache=False)
    assert [c.status for c in after.claims] != [c.status for c in before.claims]


def test_an_article_text_edited_by_hand_is_noticed(data):
    load_dataset(data)
    (text_file,) = (data / "articles").glob("*.txt")
    text_file.write_text("Nothing here any more.\n", encoding="utf-8")
    assert any(p.field == "quote" for p in load_dataset(data).problems)


@pytest.mark.parametrize("junk", [b"", b"PAR1 not really parquet", b"\x00" * 4096])
def test_a_corrupt_cache_is_ignored_and_rebuilt(data, junk):
    good = load_dataset(data)
    (data / cache.CLAIMS_CACHE).write_bytes(junk)
    assert load_dataset(data) == good
    assert (data / cache.CLAIMS_CACHE).read_bytes() != junk  # rebuilt
    assert load_dataset(data) == good


def test_a_save_refreshes_the_cache(data, monkeypatch):
    load_dataset(data)
    old = (data / cache.CLAIMS_CACHE).read_bytes()
    dataset = load_dataset(data)
    claim = dataset.claims[0]
    new = type(claim)(**{**claim.__dict__, "claim_id": "c9999", "certainty": "confirmed"})
    report = commit(lambda _d: Batch(claims=(new,)), data)
    assert report.added
    assert (data / cache.CLAIMS_CACHE).read_bytes() != old
    parsed = _spy_reads(monkeypatch)
    reloaded = load_dataset(data)
    assert parsed == []  # the save's cache was used
    assert reloaded == load_dataset(data, use_cache=False)
    assert reloaded.claims[-1].claim_id == "c9999"


def test_a_start_from_the_cache_reads_no_article_text_until_one_is_asked_for(data, monkeypatch):
    from frontline.store import tables

    expected = load_dataset(data, use_cache=False)
    load_dataset(data)  # writes the cache
    read: list[str] = []
    real = tables.article_text

    def spy(folder, article_id):
        read.append(article_id)
        return real(folder, article_id)

    monkeypatch.setattr(tables, "article_text", spy)
    from frontline.store import load

    parsed: list[str] = []
    real_rows = load.table_rows
    monkeypatch.setattr(
        load,
        "table_rows",
        lambda label, *args, **kw: parsed.append(label) or real_rows(label, *args, **kw),
    )
    started = load_dataset(data)
    assert read == []  # the claims and their quotes came from the cache
    assert parsed == ["oblasts.csv"]  # the places' and the articles' rows too
    article_id = started.claims[0].article_id
    article = started.articles[article_id]
    assert article.text == expected.articles[article_id].text
    assert article.text[article.text.index(started.claims[0].quote) :].startswith(
        started.claims[0].quote
    )
    assert read == [article_id]  # read once, when asked for, then kept
    assert started == expected


def test_an_article_text_replaced_by_a_link_outside_is_noticed(data, tmp_path):
    load_dataset(data)
    (text_file,) = (data / "articles").glob("*.txt")
    outside = tmp_path / "elsewhere.txt"
    outside.write_bytes(text_file.read_bytes())
    text_file.unlink()
    text_file.symlink_to(outside)
    problems = load_dataset(data).problems
    assert any(p.field == "article_id" and "outside" in p.message for p in problems)


def test_an_article_read_on_demand_pickles_as_an_equal_article(data):
    import pickle

    from frontline.model import Article

    load_dataset(data)
    (article,) = load_dataset(data).articles.values()
    copy = pickle.loads(pickle.dumps(article))
    assert type(copy) is Article and copy == article and hash(copy) == hash(article)


@pytest.fixture(scope="module")
def synthetic(tmp_path_factory) -> Path:
    from frontline.synthetic import generate

    root = tmp_path_factory.mktemp("derived") / "data"
    generate(root, 2000, seed=5)
    return root


def _fresh_copy(root: Path, tmp_path: Path) -> Path:
    copy = tmp_path / "copy"
    shutil.copytree(root, copy, ignore=shutil.ignore_patterns(".cache"))
    return copy


def test_the_claims_table_and_the_index_come_from_the_cache_as_built(
    synthetic, tmp_path, monkeypatch
):
    import pandas as pd

    from frontline import assessindex, timeline
    from frontline.store import derived
    from frontline.timeline import Filters, TimelineIndex, claims_table

    root = _fresh_copy(synthetic, tmp_path)
    dataset = load_dataset(root)
    assert dataset.signature
    built_table = derived.news_claims_table(root, dataset)
    built = derived.timeline_index(root, built_table, dataset.signature, ())
    passes: list[int] = []
    real = assessindex.prefix_assessments
    monkeypatch.setattr(
        timeline, "prefix_assessments", lambda ev, place: passes.append(1) or real(ev, place)
    )
    again = load_dataset(root)
    table = derived.news_claims_table(root, again)
    index = derived.timeline_index(root, table, again.signature, ())
    assert passes == []  # no pass over the claims: the assessments came from the cache
    pd.testing.assert_frame_equal(table, claims_table(load_dataset(root, use_cache=False)))
    fresh = TimelineIndex(table)
    assert passes == [1]
    for name, column in fresh.assessed.items():
        assert column.dtype == index.assessed[name].dtype
        assert (column == index.assessed[name]).all(), name
    assert (fresh.changes == index.changes).all() and (built.changes == index.changes).all()
    last = table["date"].max().date()
    for as_of in (last, last.replace(day=1)):
        pd.testing.assert_frame_equal(
            index.state(Filters(as_of=as_of)), fresh.state(Filters(as_of=as_of))
        )
    # Other imported claims joined in: another signature, so the index is built again.
    derived.timeline_index(root, table, again.signature, ("imports.csv", 1, 2))
    assert passes == [1, 1]


def test_a_claims_file_edited_by_hand_rebuilds_the_derived_copies(synthetic, tmp_path):
    from frontline.store import derived
    from frontline.timeline import claims_table

    root = _fresh_copy(synthetic, tmp_path)
    dataset = load_dataset(root)
    derived.timeline_index(root, derived.news_claims_table(root, dataset), dataset.signature)
    path = root / "claims.csv"
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    path.write_text("".join(lines[:-1]), encoding="utf-8")  # the last claim taken out
    edited = load_dataset(root)
    table = derived.news_claims_table(root, edited)
    assert len(table) == len(claims_table(dataset)) - 1
    assert derived.timeline_index(root, table, edited.signature).size == len(table)


def test_a_places_or_articles_file_edited_by_hand_is_read_again(data):
    first = load_dataset(data)
    (place_id, place), *_ = first.places.items()
    (article_id, article), *_ = first.articles.items()
    for name, old, new in (
        ("places.csv", place.name, place.name + " Edited"),
        ("articles.csv", article.title, article.title + " (edited)"),
    ):
        path = data / name
        path.write_text(path.read_text(encoding="utf-8").replace(old, new, 1), encoding="utf-8")
    again = load_dataset(data)
    assert again.places[place_id].name == place.name + " Edited"
    assert again.articles[article_id].title == article.title + " (edited)"
    assert again == load_dataset(data, use_cache=False) and again.problems == []


def test_a_files_digest_is_reused_only_while_its_stamp_holds(data, monkeypatch):
    import hashlib

    hashed: list[str] = []
    real = hashlib.file_digest
    monkeypatch.setattr(
        hashlib,
        "file_digest",
        lambda stream, name: hashed.append(stream.name) or real(stream, name),
    )
    # Just written: not kept (a coarse clock could hide a second write in the same tick).
    cache.content_digests(data, ["claims.csv"])
    cache.content_digests(data, ["claims.csv"])
    assert len(hashed) == 2
    monkeypatch.setattr(cache, "SETTLED_SECONDS", -1.0)  # as if written long ago
    first = cache.content_digests(data, ["claims.csv", "no-such.csv"])
    assert first[1] is None and len(hashed) == 3
    assert cache.content_digests(data, ["claims.csv"]) == first[:1] and len(hashed) == 3
    before = load_dataset(data)
    path = data / "claims.csv"
    text = path.read_text(encoding="utf-8")
    # Same size: the modification and change times tell the edit apart.
    path.write_text(text.replace(",ukrainian,", ",russian__,", 1), encoding="utf-8")
    assert cache.content_digests(data, ["claims.csv"]) != first[:1] and len(hashed) > 3
    assert any(p.file == "claims.csv" and p.field == "status" for p in load_dataset(data).problems)
    assert before.problems == []
