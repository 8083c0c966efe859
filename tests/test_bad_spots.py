"""One bad spot in a table costs its row and no more: a NUL byte, a row saved as UTF-16 in
the middle of a UTF-8 file, a column named twice that is ignored anyway, a trailing comma
in the header, and any number of rows with unclosed quotes. Each bad row is a problem line
naming its line; every other row loads."""

from __future__ import annotations

from pathlib import Path

import pytest

from frontline import store
from frontline.store import csvread


def lines_of(path: Path) -> list[bytes]:
    return path.read_bytes().split(b"\n")


def write_lines(path: Path, lines: list[bytes]) -> None:
    path.write_bytes(b"\n".join(lines))


@pytest.fixture
def seed(data_copy: Path) -> store.Dataset:
    dataset = store.load_dataset(data_copy)
    assert dataset.problems == [] and len(dataset.claims) == 6
    return dataset


def lost_claims(data_copy: Path, seed: store.Dataset) -> tuple[list[str], list[store.Problem]]:
    dataset = store.load_dataset(data_copy, use_cache=False)
    return [c.claim_id for c in seed.claims if c not in dataset.claims], dataset.problems


def test_a_nul_byte_costs_only_its_row(data_copy, seed):
    lines = lines_of(data_copy / "claims.csv")
    lines[4] = lines[4].replace(b"Lyman", b"Ly\x00man", 1)  # c0004, on line 5
    write_lines(data_copy / "claims.csv", lines)
    lost, problems = lost_claims(data_copy, seed)
    assert lost == ["c0004"]
    assert [(p.file, p.line, p.field) for p in problems] == [("claims.csv", 5, "quote")]
    assert "NUL byte" in problems[0].message


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
@pytest.mark.parametrize("line_break", [b"\n", b"\r\n"])
def test_a_utf16_row_in_the_middle_costs_only_its_row(data_copy, seed, encoding, line_break):
    lines = lines_of(data_copy / "claims.csv")
    # c0003 (line 4) as a spreadsheet pasting from another program might save it, its line
    # break too, so the next row begins right after the UTF-16 break.
    utf16 = (lines[3].decode("utf-8") + line_break.decode()).encode(encoding)
    data = b"\n".join(lines[:3]) + b"\n" + utf16 + b"\n".join(lines[4:])
    (data_copy / "claims.csv").write_bytes(data)
    lost, problems = lost_claims(data_copy, seed)
    assert lost == ["c0003"]
    assert {(p.file, p.line) for p in problems} == {("claims.csv", 4)}
    assert "UTF-16" in problems[0].message


def test_a_column_named_twice_that_is_ignored_costs_nothing(data_copy, seed):
    lines = lines_of(data_copy / "claims.csv")
    lines = [lines[0] + b",note,note"] + [line + b",a,b" if line else line for line in lines[1:]]
    write_lines(data_copy / "claims.csv", lines)
    lost, problems = lost_claims(data_copy, seed)
    assert lost == []
    assert [(p.line, p.field, p.message) for p in problems] == [
        (1, "note", "unknown column; it is ignored")
    ]


def test_a_trailing_comma_in_the_header_costs_nothing(data_copy, seed):
    lines = lines_of(data_copy / "claims.csv")
    write_lines(data_copy / "claims.csv", [lines[0] + b",", *lines[1:]])
    lost, problems = lost_claims(data_copy, seed)
    assert lost == []
    assert [(p.line, p.field) for p in problems] == [(1, "(blank)")]


COLUMNS = ("a", "b", "c")


def read(text: str) -> tuple[list[tuple[int, dict[str, str]]], list[store.Problem]]:
    problems: list[store.Problem] = []
    rows = list(csvread.csv_rows(text, "t.csv", COLUMNS, problems))
    return rows, problems


@pytest.mark.parametrize("bad_rows", [1, 20, 60])
def test_any_number_of_unclosed_quotes_cost_only_their_rows(bad_rows):
    lines = ["a,b,c"]
    for n in range(bad_rows):
        lines.append(f'bad{n},"never closed,x')
        lines.append(f'good{n},"a quote\nover two lines",y')
    rows, problems = read("\n".join(lines) + "\n")
    assert [row["a"] for _, row in rows] == [f"good{n}" for n in range(bad_rows)]
    assert [row["b"] for _, row in rows] == ["a quote\nover two lines"] * bad_rows
    assert [p.line for p in problems] == [2 + 3 * n for n in range(bad_rows)]
    assert all("is not closed" in p.message for p in problems)


def test_past_its_reading_budget_no_row_vanishes_without_a_problem(monkeypatch):
    """A file built to make every reread run far is read line by line past a budget: rows
    may then be refused, but each line is a row read or a problem line, none is lost."""
    monkeypatch.setattr(csvread, "REREAD_BUDGET", 0)
    lines = ["a,b,c"]
    for n in range(30):
        lines += [f'bad{n},"never closed,x', f"good{n},plain,y"]
    rows, problems = read("\n".join(lines) + "\n")
    read_lines = {line for line, _ in rows} | {p.line for p in problems}
    assert read_lines == set(range(2, len(lines) + 1))
    assert [row["a"] for _, row in rows] == [f"good{n}" for n in range(30)]


def test_a_quote_over_a_line_break_matches_after_every_file_goes_to_windows_endings(data_copy):
    """c0002's quote crosses a line break of its article; with CRLF in the CSV files and the
    article alike it still matches where it stands (offsets count a break as one)."""
    (text_file,) = (data_copy / "articles").glob("*.txt")
    old = "Ukrainian forces said on Saturday they had entered Kupiansk"
    new = "Ukrainian forces said on Saturday\nthey had entered Kupiansk"
    for path in (text_file, data_copy / "claims.csv"):
        data = path.read_text(encoding="utf-8")
        assert old in data
        path.write_text(data.replace(old, new, 1), encoding="utf-8")
    seed = store.load_dataset(data_copy, use_cache=False)
    assert seed.problems == [] and len(seed.claims) == 6
    for path in [*data_copy.glob("*.csv"), text_file]:
        path.write_bytes(path.read_bytes().replace(b"\n", b"\r\n"))
    dataset = store.load_dataset(data_copy, use_cache=False)
    assert dataset.problems == []
    assert dataset.claims == seed.claims
    assert [c.quote for c in dataset.claims if c.claim_id == "c0002"][0].startswith(new)
