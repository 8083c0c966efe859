"""Files in the data folder that are not plain files of sensible size: each is a problem line
naming the file, never a hang, a crash or a memory blow-up."""

from __future__ import annotations

import os

import pytest

from frontline.store import TextFileError, read_text_file


@pytest.mark.parametrize("kind", ["fifo", "fifo link", "dev zero link", "device"])
def test_only_regular_files_are_read(tmp_path, kind):
    path = tmp_path / "claims.csv"
    if kind == "fifo":
        os.mkfifo(path)
    elif kind == "fifo link":
        os.mkfifo(tmp_path / "pipe")
        path.symlink_to(tmp_path / "pipe")
    elif kind == "dev zero link":
        path.symlink_to("/dev/zero")
    else:
        path.symlink_to("/dev/null")
    with pytest.raises(TextFileError) as raised:
        read_text_file(path, "claims.csv")
    assert str(raised.value.problem) == "claims.csv:0: -: is not a regular file; not read"


def test_a_link_to_itself_is_a_problem_line(tmp_path):
    path = tmp_path / "a1.txt"
    path.symlink_to(path)
    with pytest.raises(TextFileError) as raised:
        read_text_file(path, "articles/a1.txt")
    assert str(raised.value.problem).startswith("articles/a1.txt:0: -: cannot be read")


def _first_text(data_dir):
    (text,) = (data_dir / "articles").glob("*.txt")
    return text


def test_an_article_text_linked_to_itself_is_a_problem_line_on_load(data_copy):
    from frontline import store

    text = _first_text(data_copy)
    text.unlink()
    text.symlink_to(text)
    dataset = store.load_dataset(data_copy, use_cache=False)
    assert dataset.articles == {}
    problem = dataset.problems[0]
    assert (problem.file, problem.line, problem.field) == ("articles.csv", 2, "article_id")
    assert "cannot be read" in problem.message


def test_an_articles_folder_linked_outside_is_refused_like_a_text_linked_outside(data_copy):
    import shutil

    from frontline import store

    outside = data_copy.parent / "elsewhere"
    shutil.move(data_copy / "articles", outside)
    (data_copy / "articles").symlink_to(outside, target_is_directory=True)
    dataset = store.load_dataset(data_copy, use_cache=False)
    assert dataset.articles == {}
    problem = dataset.problems[0]
    assert (problem.file, problem.line, problem.field) == ("articles.csv", 2, "article_id")
    assert "outside articles/" in problem.message


def test_an_article_edited_in_place_changes_what_the_pages_reload_on(data_copy, monkeypatch):
    """The pages reload the data when its signature changes; an article text edited in
    place (same size, no table touched) must change it, or its claims go unchecked."""
    from frontline.app import ui
    from frontline.store import stamps

    monkeypatch.setattr(stamps, "MAX_AGE_SECONDS", 0.0)  # no waiting out the listing's age

    before = ui._signature(data_copy)
    text = _first_text(data_copy)
    data = text.read_bytes()
    stat_before = text.stat()
    text.write_bytes(data.replace(b"Kupiansk", b"Kupyansk", 1))
    os.utime(text, ns=(stat_before.st_atime_ns, stat_before.st_mtime_ns + 1_000_000))
    assert ui._signature(data_copy) != before


@pytest.mark.parametrize(
    ("damage", "words"),
    [
        (lambda text: text.replace("Kupiansk", "Kupi\x00ansk", 1), "contains a NUL byte"),
        (lambda text: text + "x" * 1_000_000, "more than the 1,000,000 characters"),
        (lambda text: "\x00" * 5_000_000, "larger than"),
    ],
    ids=["a NUL byte", "over the article limit", "megabytes of NUL bytes"],
)
def test_an_article_text_the_pages_could_not_take_is_a_problem_line_on_load(
    data_copy, damage, words
):
    from frontline import store

    text = _first_text(data_copy)
    text.write_text(damage(text.read_text(encoding="utf-8")), encoding="utf-8")
    dataset = store.load_dataset(data_copy, use_cache=False)
    assert dataset.articles == {}
    problem = dataset.problems[0]
    assert (problem.file, problem.line, problem.field) == ("articles.csv", 2, "article_id")
    assert words in problem.message


def test_a_slow_listing_of_the_texts_is_taken_again_in_the_background(data_copy, monkeypatch):
    """A folder slow to list (a million claims' 125,000 texts) is listed again behind the
    rerun that finds the listing old: that rerun goes on with the last one, a later one
    sees the edit."""
    import time

    from frontline.store import stamps

    monkeypatch.setattr(stamps, "MAX_AGE_SECONDS", 0.0)
    monkeypatch.setattr(stamps, "BACKGROUND_SECONDS", -1.0)  # every listing counts as slow
    before = stamps.article_text_stamps(data_copy)  # the first listing: in this thread
    text = _first_text(data_copy)
    text.write_bytes(text.read_bytes() + b"\n")
    assert stamps.article_text_stamps(data_copy) == before  # listed again, behind
    deadline = time.monotonic() + 10
    while stamps.article_text_stamps(data_copy) == before and time.monotonic() < deadline:
        time.sleep(0.05)
    assert stamps.article_text_stamps(data_copy) != before
