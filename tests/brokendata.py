"""The catalogue of broken data files: how each one is damaged, and the problem it must give
(file, line, field, words of the message). test_store checks the loader's problems,
test_broken_data the `frontline validate` lines and the map page's list of problems."""

from __future__ import annotations

from pathlib import Path


def _replace_line(path: Path, number: int, old: str, new: str) -> None:
    lines = path.read_text(encoding="utf-8").split("\n")
    assert old in lines[number - 1], f"{old!r} not on line {number} of {path.name}"
    lines[number - 1] = lines[number - 1].replace(old, new, 1)
    path.write_text("\n".join(lines), encoding="utf-8")


def _append(path: Path, row: str) -> None:
    path.write_text(path.read_text(encoding="utf-8") + row + "\n", encoding="utf-8")


def _set_bytes(path: Path, data: bytes) -> None:
    path.write_bytes(data)


def _replace_bytes(path: Path, old: bytes, new: bytes) -> None:
    data = path.read_bytes()
    assert old in data, f"{old!r} not in {path.name}"
    path.write_bytes(data.replace(old, new, 1))


def _reencode(path: Path, encoding: str) -> None:
    path.write_bytes(path.read_text(encoding="utf-8").encode(encoding))


def _drop_column(path: Path, column: str) -> None:
    """Remove a column (header and values) from a CSV whose values hold no commas there."""
    lines = path.read_text(encoding="utf-8").split("\n")
    index = lines[0].split(",").index(column)
    kept = []
    for line in lines:
        cells = line.split(",")
        kept.append(",".join(cells[:index] + cells[index + 1 :]) if line else line)
    path.write_text("\n".join(kept), encoding="utf-8")


def _add_column(path: Path, column: str, value: str) -> None:
    lines = path.read_text(encoding="utf-8").split("\n")
    lines = [lines[0] + "," + column] + [line + "," + value if line else line for line in lines[1:]]
    path.write_text("\n".join(lines), encoding="utf-8")


def _line(path: Path, number: int) -> str:
    return path.read_text(encoding="utf-8").split("\n")[number - 1]


HUGE = 200_000  # past the csv module's own field limit (131,072 characters)
FIFTY_MB = 50 * 1024 * 1024


def _article_links_outside(d: Path) -> None:
    (text,) = (d / "articles").glob("*.txt")
    outside = d.parent / "elsewhere.txt"
    outside.write_bytes(text.read_bytes())
    text.unlink()
    text.symlink_to(outside)


# Line 2 of places.csv is Kharkiv; line 3 of claims.csv is Kupiansk's entry on 2022-09-10.
BROKEN = [
    (
        "latitude out of range",
        "places.csv",
        lambda d: _replace_line(d / "places.csv", 2, "49.98177", "149.98177"),
        ("places.csv", 2, "lat", "outside"),
    ),
    (
        "coordinates not a number",
        "places.csv",
        lambda d: _replace_line(d / "places.csv", 2, "36.25475", "east"),
        ("places.csv", 2, "lon", "not a number"),
    ),
    (
        "coordinates missing",
        "places.csv",
        lambda d: _replace_line(d / "places.csv", 2, "36.25475", ""),
        ("places.csv", 2, "lon", "empty"),
    ),
    (
        "NaN coordinate",
        "places.csv",
        lambda d: _replace_line(d / "places.csv", 2, "49.98177", "nan"),
        ("places.csv", 2, "lat", "finite"),
    ),
    (
        "unknown place kind",
        "places.csv",
        lambda d: _replace_line(d / "places.csv", 2, ",city,", ",metropolis,"),
        ("places.csv", 2, "kind", "not one of"),
    ),
    (
        "unknown oblast code",
        "places.csv",
        lambda d: _replace_line(d / "places.csv", 2, "UA-63", "UA-99"),
        ("places.csv", 2, "oblast", "not a known"),
    ),
    (
        "duplicate place id",
        "places.csv",
        lambda d: _append(d / "places.csv", "kharkiv,Kharkiv again,city,UA-63,49.9,36.2,,,,,"),
        ("places.csv", 8, "place_id", "repeats the id of line 2"),
    ),
    (
        "unknown status",
        "claims.csv",
        lambda d: _replace_line(d / "claims.csv", 3, ",ukrainian,", ",liberated-ish,"),
        ("claims.csv", 3, "status", "not one of"),
    ),
    (
        "unknown certainty",
        "claims.csv",
        lambda d: _replace_line(d / "claims.csv", 3, ",claimed,", ",probable,"),
        ("claims.csv", 3, "certainty", "not one of"),
    ),
    (
        "claim names an unknown place",
        "claims.csv",
        lambda d: _replace_line(d / "claims.csv", 3, ",kupiansk,", ",atlantis,"),
        ("claims.csv", 3, "place_id", "not a place"),
    ),
    (
        "claim names an unknown article",
        "claims.csv",
        lambda d: _replace_line(d / "claims.csv", 3, ",afp-2022-09-11-", ",reuters-2022-09-11-"),
        ("claims.csv", 3, "article_id", "not an article"),
    ),
    (
        "date that does not parse",
        "claims.csv",
        lambda d: _replace_line(d / "claims.csv", 3, "2022-09-10", "10/09/2022"),
        ("claims.csv", 3, "date", "YYYY-MM-DD"),
    ),
    (
        "date in the future",
        "claims.csv",
        lambda d: _replace_line(d / "claims.csv", 3, "2022-09-10", "2099-09-10"),
        ("claims.csv", 3, "date", "future"),
    ),
    (
        "date before 1991",
        "claims.csv",
        lambda d: _replace_line(d / "claims.csv", 3, "2022-09-10", "1985-09-10"),
        ("claims.csv", 3, "date", "before"),
    ),
    (
        "quote moved off its offsets",
        "claims.csv",
        lambda d: _replace_line(d / "claims.csv", 3, ",18,148,", ",19,149,"),
        ("claims.csv", 3, "quote", "not found verbatim at 19..149"),
    ),
    (
        "quote that is not in the article",
        "claims.csv",
        lambda d: _replace_line(
            d / "claims.csv", 3, "had entered Kupiansk", "had captured Kupiansk"
        ),
        ("claims.csv", 3, "quote", "nowhere in the article"),
    ),
    (
        "duplicate claim id",
        "claims.csv",
        lambda d: _replace_line(d / "claims.csv", 3, "c0002,", "c0001,"),
        ("claims.csv", 3, "claim_id", "repeats"),
    ),
    (
        "missing column",
        "claims.csv",
        lambda d: _replace_line(d / "claims.csv", 1, ",certainty,", ",sureness,"),
        ("claims.csv", 1, "certainty", "required column is missing"),
    ),
    (
        "empty file",
        "places.csv",
        lambda d: _set_bytes(d / "places.csv", b""),
        ("places.csv", 1, "-", "empty"),
    ),
    (
        "not UTF-8",
        "places.csv",
        lambda d: _set_bytes(
            d / "places.csv",
            (d / "places.csv").read_bytes().replace(b"Kharkiv,", b"Kh\xe2rkiv,", 1),
        ),
        ("places.csv", 2, "name", "not UTF-8 text (byte 0xe2)"),
    ),
    (
        "row with too few fields",
        "places.csv",
        lambda d: _append(d / "places.csv", "odesa,Odesa,city"),
        ("places.csv", 8, "-", "fields"),
    ),
    (
        "article text file missing",
        "articles.csv",
        lambda d: next((d / "articles").glob("*.txt")).unlink(),
        ("articles.csv", 2, "article_id", "missing"),
    ),
    (
        "javascript url",
        "articles.csv",
        lambda d: _replace_line(d / "articles.csv", 2, ",AFP,,", ",AFP,javascript:alert(1),"),
        ("articles.csv", 2, "url", "not an http(s) address"),
    ),
    (
        "article id with a path in it",
        "articles.csv",
        lambda d: _replace_line(d / "articles.csv", 2, "afp-2022-09-11-", "../../etc/passwd-"),
        ("articles.csv", 2, "article_id", "not a valid id"),
    ),
    # --- encodings ---
    (
        "UTF-16 with a byte-order mark",
        "claims.csv",
        lambda d: _reencode(d / "claims.csv", "utf-16"),
        ("claims.csv", 1, "-", "is UTF-16 text, not UTF-8"),
    ),
    (
        "UTF-16 without a byte-order mark",
        "claims.csv",
        lambda d: _reencode(d / "claims.csv", "utf-16-le"),
        ("claims.csv", 1, "-", "is UTF-16 text, not UTF-8"),
    ),
    (
        "a Latin-1 row among UTF-8 rows",
        "claims.csv",
        lambda d: _replace_bytes(
            d / "claims.csv", b"Russian observers", b"observateurs russes \xe9"
        ),
        ("claims.csv", 4, "claimant", "not UTF-8 text (byte 0xe9)"),
    ),
    (
        "a Windows-1252 apostrophe in a title",
        "articles.csv",
        lambda d: _replace_bytes(d / "articles.csv", b"say they", b"say\x92 they"),
        ("articles.csv", 2, "title", "not UTF-8 text (byte 0x92)"),
    ),
    (
        "NUL byte",
        "places.csv",
        lambda d: _replace_line(d / "places.csv", 4, "Izium,", "Izi\x00um,"),
        ("places.csv", 4, "name", "NUL byte"),
    ),
    # --- the shape of the file ---
    (
        "blank file (only line breaks)",
        "places.csv",
        lambda d: _set_bytes(d / "places.csv", b"\n\n  \n"),
        ("places.csv", 1, "-", "file is empty"),
    ),
    (
        "articles: header only, so every claim names an unknown article",
        "articles.csv",
        lambda d: _set_bytes(d / "articles.csv", (_line(d / "articles.csv", 1) + "\n").encode()),
        ("claims.csv", 2, "article_id", "not an article"),
    ),
    (
        "required column removed",
        "places.csv",
        lambda d: _drop_column(d / "places.csv", "lat"),
        ("places.csv", 1, "lat", "required column is missing"),
    ),
    (
        "extra column",
        "places.csv",
        lambda d: _add_column(d / "places.csv", "nickname", "x"),
        ("places.csv", 1, "nickname", "unknown column; it is ignored"),
    ),
    (
        "column named twice",
        "places.csv",
        lambda d: _replace_line(d / "places.csv", 1, ",population,", ",kind,"),
        ("places.csv", 1, "kind", "column appears twice"),
    ),
    (
        "row with too many fields",
        "articles.csv",
        lambda d: _replace_line(d / "articles.csv", 2, ",en", ",en,extra"),
        ("articles.csv", 2, "-", "has 7 fields, the header has 6"),
    ),
    (
        "unbalanced quote",
        "claims.csv",
        lambda d: _replace_line(d / "claims.csv", 3, 'logistics hub",18,', "logistics hub,18,"),
        ("claims.csv", 3, "-", "is not closed"),
    ),
    (
        "quote inside an unquoted field",
        "articles.csv",
        lambda d: _replace_line(d / "articles.csv", 2, ",AFP,", ',"AFP"x,'),
        ("articles.csv", 2, "-", "row cannot be parsed"),
    ),
    # --- sizes ---
    (
        "huge field, past the csv module's limit",
        "claims.csv",
        lambda d: _replace_line(d / "claims.csv", 3, ",Ukrainian forces,", f",{'x' * HUGE},"),
        ("claims.csv", 3, "claimant", "longer than 100,000 characters"),
    ),
    (
        "long field, within the csv module's limit",
        "claims.csv",
        lambda d: _replace_line(d / "claims.csv", 3, ",Ukrainian forces,", f",{'x' * 120_000},"),
        ("claims.csv", 3, "claimant", "longer than 100,000 characters"),
    ),
    (
        "50 MB file (one row of 50 MB)",
        "claims.csv",
        lambda d: _append(
            d / "claims.csv",
            _line(d / "claims.csv", 3)
            .replace("c0002,", "c0100,")
            .replace(",Ukrainian forces,", f",{'y' * FIFTY_MB},"),
        ),
        ("claims.csv", 8, "claimant", "longer than 100,000 characters"),
    ),
    # --- values ---
    (
        "longitude out of range",
        "places.csv",
        lambda d: _replace_line(d / "places.csv", 3, "37.61581", "237.61581"),
        ("places.csv", 3, "lon", "outside -180..180"),
    ),
    (
        "infinite coordinate",
        "places.csv",
        lambda d: _replace_line(d / "places.csv", 4, "49.20697", "inf"),
        ("places.csv", 4, "lat", "not a finite number"),
    ),
    (
        "place id with a path in it",
        "places.csv",
        lambda d: _replace_line(d / "places.csv", 5, "lyman,", "../lyman,"),
        ("places.csv", 5, "place_id", "not a valid id"),
    ),
    (
        "publication date in the future",
        "articles.csv",
        lambda d: _replace_line(d / "articles.csv", 2, ",2022-09-11,", ",2099-09-11,"),
        ("articles.csv", 2, "published", "in the future"),
    ),
    (
        "publication date before 1991",
        "articles.csv",
        lambda d: _replace_line(d / "articles.csv", 2, ",2022-09-11,", ",1989-11-09,"),
        ("articles.csv", 2, "published", "before 1991-08-24"),
    ),
    (
        "end date before the date",
        "claims.csv",
        lambda d: _replace_line(d / "claims.csv", 2, ",2022-03-02,", ",2022-02-01,"),
        ("claims.csv", 2, "date_end", "before the date 2022-02-24"),
    ),
    (
        "date range without an end",
        "claims.csv",
        lambda d: _replace_line(d / "claims.csv", 7, ",2022-09-11,range,", ",,range,"),
        ("claims.csv", 7, "date_end", "is empty"),
    ),
    (
        "unknown event",
        "claims.csv",
        lambda d: _replace_line(d / "claims.csv", 3, ",entered,", ",teleported,"),
        ("claims.csv", 3, "event", "not one of"),
    ),
    (
        "no status for an event that states control",
        "claims.csv",
        lambda d: _replace_line(d / "claims.csv", 3, ",ukrainian,entered,", ",,entered,"),
        ("claims.csv", 3, "status", "only an event that states no control"),
    ),
    (
        "mention not in the quote",
        "claims.csv",
        lambda d: _replace_line(d / "claims.csv", 3, ",Kupiansk", ",Kupyansk"),
        ("claims.csv", 3, "mention", "does not occur in the quote"),
    ),
    (
        "quote offsets past the end of the article",
        "claims.csv",
        lambda d: _replace_line(d / "claims.csv", 3, ",18,148,", ",99018,99148,"),
        ("claims.csv", 3, "quote", "not found verbatim at 99018..99148"),
    ),
    (
        "negative offset",
        "claims.csv",
        lambda d: _replace_line(d / "claims.csv", 3, ",18,148,", ",-18,148,"),
        ("claims.csv", 3, "quote_start", "is negative"),
    ),
    (
        "duplicate row",
        "claims.csv",
        lambda d: _append(d / "claims.csv", _line(d / "claims.csv", 2)),
        ("claims.csv", 8, "claim_id", "'c0001' repeats the id of line 2"),
    ),
    (
        "duplicate article row",
        "articles.csv",
        lambda d: _append(d / "articles.csv", _line(d / "articles.csv", 2)),
        ("articles.csv", 3, "article_id", "repeats the id of line 2"),
    ),
    (
        "date in the basic ISO form, without dashes",
        "claims.csv",
        lambda d: _replace_line(d / "claims.csv", 3, ",2022-09-10,", ",20220910,"),
        ("claims.csv", 3, "date", "not a date of the form YYYY-MM-DD"),
    ),
    (
        "article text that is a link to a file outside the data",
        "articles.csv",
        _article_links_outside,
        ("articles.csv", 2, "article_id", "is a link to a file outside articles/"),
    ),
    (
        "oblast code that is not ISO 3166-2",
        "oblasts.csv",
        lambda d: _replace_line(d / "oblasts.csv", 2, "UA-43,", "Crimea,"),
        ("oblasts.csv", 2, "iso_3166_2", "not an ISO 3166-2 code"),
    ),
]


def _prepend_bom(d: Path) -> None:
    for path in d.glob("*.csv"):
        path.write_bytes(b"\xef\xbb\xbf" + path.read_bytes())


def _windows_line_endings(d: Path) -> None:
    for path in d.glob("*.csv"):
        path.write_bytes(path.read_bytes().replace(b"\n", b"\r\n"))


def _leftover_temporary_files(d: Path) -> None:
    # What an interrupted store.atomic_write_text leaves: a half-written hidden file.
    (d / ".claims.csv.k2j4x9ab.tmp").write_text("claim_id,place_id\nc0009,atl", encoding="utf-8")
    (d / "articles" / ".afp-2022-09-11-f299b479.txt.q8w1e2cd.tmp").write_bytes(b"KHAR")


# Files that look unusual but are fine: each loads without a problem, with every seed row.
ACCEPTED = [
    ("byte-order mark on every file", _prepend_bom),
    ("Windows line endings", _windows_line_endings),
    (
        "blank lines between rows",
        lambda d: _replace_line(d / "claims.csv", 3, "c0002,", "\n\n  \nc0002,"),
    ),
    (
        "spaces around the header's names",
        lambda d: _replace_line(d / "places.csv", 1, "place_id,name,", " place_id , name ,"),
    ),
    (
        "optional columns left out",
        lambda d: [_drop_column(d / "places.csv", c) for c in ("alt_names", "name_uk", "name_ru")],
    ),
    ("temporary files left by an interrupted save", _leftover_temporary_files),
    (
        "header names in another case",
        lambda d: _replace_line(d / "places.csv", 1, "place_id,name,", "Place_ID,Name,"),
    ),
    (
        "an article saved with Windows line endings",
        lambda d: [
            path.write_bytes(path.read_bytes().replace(b"\n", b"\r\n"))
            for path in (d / "articles").glob("*.txt")
        ],
    ),
]
