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
