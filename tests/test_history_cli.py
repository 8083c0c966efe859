"""`frontline history` and `frontline undo`, through the command's entry point, on saves
made through the one save path."""

from __future__ import annotations

import re

from frontline.cli import main
from frontline.news import ingest
from frontline.store import history
from frontline.store.save import Author
from tests.savework import made_up_article
from tests.test_save_safety import data_files


def save(root, index: int, who: str = "alice", why: str = "") -> str:
    report = ingest.save_article(*made_up_article(index), root, Author(who=who, why=why))
    return history.list_changes(root)[0][-1].id if report.added else ""


def history_lines(capsys, *args: str) -> list[str]:
    assert main(["history", *args]) == 0
    return capsys.readouterr().out.splitlines()


def test_history_lists_one_change_a_line_starting_with_its_id(data_copy, capsys):
    assert history_lines(capsys, "--data-dir", str(data_copy)) == []
    first = save(data_copy, 1, why="a wire report")
    second = save(data_copy, 2, who="bob")
    lines = history_lines(capsys, "--data-dir", str(data_copy))
    assert [line.split()[0] for line in lines] == [first, second]
    assert re.match(rf"^{first}  \S+Z  alice  article: added article ", lines[0])
    assert "(why: a wire report)" in lines[0]
    assert "  bob  " in lines[1]
    assert lines == history_lines(capsys)  # FRONTLINE_DATA_DIR is the default


def test_undo_restores_the_data_and_is_recorded(data_copy, capsys):
    before = data_files(data_copy)
    change = save(data_copy, 1)
    after = data_files(data_copy)
    assert after != before
    code = main(["undo", change, "--data-dir", str(data_copy), "--who", "carol", "--why", "wrong"])
    assert code == 0
    out = capsys.readouterr().out
    assert data_files(data_copy) == before
    [undo_line] = out.splitlines()
    undo_id = undo_line.split()[0]
    lines = history_lines(capsys, "--data-dir", str(data_copy))
    assert [line.split()[0] for line in lines] == [change, undo_id]
    assert f"[undone by {undo_id}]" in lines[0]
    assert "carol  undo: undo " in lines[1] and "(why: wrong)" in lines[1]
    # Undoing the undo brings the change back, byte for byte.
    assert main(["undo", undo_id, "--data-dir", str(data_copy)]) == 0
    assert data_files(data_copy) == after


def test_undo_of_an_unknown_or_blocked_change_says_why_and_changes_nothing(data_copy, capsys):
    first = save(data_copy, 1)
    save(data_copy, 2)
    files = data_files(data_copy)
    assert main(["undo", "20990101T000000Z-abcdef", "--data-dir", str(data_copy)]) == 1
    assert "there is no change 20990101T000000Z-abcdef" in capsys.readouterr().err
    assert main(["undo", first, "--data-dir", str(data_copy)]) == 1
    assert "later changes touched the same files" in capsys.readouterr().err
    assert data_files(data_copy) == files
    assert len(history.list_changes(data_copy)[0]) == 2


def test_a_folder_that_is_not_a_data_directory(tmp_path, capsys):
    missing = str(tmp_path / "nowhere")
    assert main(["history", "--data-dir", missing]) == 1
    assert main(["undo", "20990101T000000Z-abcdef", "--data-dir", missing]) == 1
    assert capsys.readouterr().err.count("not a data directory") == 2
