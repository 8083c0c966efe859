"""`frontline ingest`: candidate claims as JSON or a table, and --save into a data copy."""

from __future__ import annotations

import argparse
import datetime as dt
import io
import json
import shutil
from pathlib import Path

import pytest

from frontline.cli import ingest as ingest_command
from frontline.model import Place
from frontline.news import ingest
from frontline.news.gazetteer import Entry, cached_gazetteer
from frontline.store import load_dataset
from tests.brokendata import _replace_line

DATA = Path(__file__).resolve().parent.parent / "data"
SEED = DATA / "articles" / "afp-2022-09-11-f299b479.txt"
EVAL = Path(__file__).resolve().parent / "eval" / "articles"


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    target = tmp_path / "data"
    shutil.copytree(DATA, target)
    return target


def run(argv: list[str], data_dir: Path | None = None) -> tuple[int, str, str]:
    parser = argparse.ArgumentParser(prog="frontline")
    ingest_command.register(parser.add_subparsers(dest="command", required=True))
    extra = ["--data-dir", str(data_dir)] if data_dir else []
    args = parser.parse_args(["ingest", *argv, *extra])
    out, err = io.StringIO(), io.StringIO()
    code = ingest_command.run_ingest(args, stdout=out, stderr=err)
    return code, out.getvalue(), err.getvalue()


def test_article_id_follows_the_seed_convention():
    text = SEED.read_text(encoding="utf-8")
    assert ingest.article_id_for("AFP", dt.date(2022, 9, 11), text) == "afp-2022-09-11-f299b479"


def data_files(root: Path) -> dict[Path, bytes]:
    """The data's files; the claims' cache (.cache/, rebuilt from them at will) left out."""
    return {
        p: p.read_bytes()
        for p in root.rglob("*")
        if p.is_file() and ".cache" not in p.relative_to(root).parts
    }


def test_json_output_on_the_seed_writes_nothing(data_dir):
    before = data_files(data_dir)
    code, out, err = run([str(SEED), "--date", "2022-09-11", "--outlet", "AFP"], data_dir)
    assert code == 0, err
    rows = json.loads(out)
    required = {
        "place",
        "geonames_id",
        "lat",
        "lon",
        "oblast",
        "kind",
        "status",
        "event",
        "certainty",
        "claimant",
        "date",
        "date_precision",
        "quote",
        "start",
        "end",
        "mention",
    }
    assert all(required <= set(row) for row in rows)
    kupiansk = [r for r in rows if r["place"] == "Kupiansk" and r["status"] == "ukrainian"]
    assert kupiansk[0]["date"] == "2022-09-10" and kupiansk[0]["claimant"] == "Ukrainian forces"
    assert {r["place"] for r in rows} == {
        "Kupiansk",
        "Izium",
        "Lyman",
        "Donetsk region",
        "Kharkiv region",
    }
    assert data_files(data_dir) == before


def test_table_output(data_dir):
    code, out, _ = run([str(SEED), "--date", "2022-09-11", "--format", "table"], data_dir)
    assert code == 0
    lines = out.splitlines()
    assert lines[0].split()[:3] == ["place", "oblast", "status"]
    assert any(line.startswith("Kupiansk") and "entered" in line for line in lines)


def test_save_adds_once_and_validates(data_dir):
    article = EVAL / "02_lyman.txt"
    code, _, err = run(
        [str(article), "--date", "2022-10-02", "--outlet", "AP", "--title", "Lyman", "--save"],
        data_dir,
    )
    assert code == 0, err
    assert "added article ap-2022-10-02-" in err
    dataset = load_dataset(data_dir)
    assert dataset.problems == []
    added = [c for c in dataset.claims if c.article_id.startswith("ap-2022-10-02-")]
    assert {dataset.places[c.place_id].name for c in added} == {"Lyman", "Sviatohirsk", "Kreminna"}
    assert "lyman" in {c.place_id for c in added}  # the seed's place, reused
    assert dataset.places["sviatohirsk"].geonames_id == 692016
    claims_file = (data_dir / "claims.csv").read_bytes()
    code, _, err = run([str(article), "--date", "2022-10-02", "--outlet", "AP", "--save"], data_dir)
    assert code == 0 and "already in" in err and "nothing added" in err
    assert (data_dir / "claims.csv").read_bytes() == claims_file


def test_the_same_text_under_another_outlet_or_date_adds_nothing(data_dir):
    seed_text = next((data_dir / "articles").glob("*.txt"))
    before = {name: (data_dir / name).read_bytes() for name in ("articles.csv", "claims.csv")}
    for extra in (["--outlet", "Agence France-Presse"], ["--date", "2022-09-12"], []):
        arguments = [str(seed_text), "--date", "2022-09-11", *extra, "--save"]
        code, _, err = run(arguments, data_dir)
        assert code == 0, err
        assert "already in" in err and "afp-2022-09-11-f299b479" in err
    assert {name: (data_dir / name).read_bytes() for name in before} == before


def test_a_directory_of_files_shows_progress(data_dir, tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    for name in ("01_balakliia.txt", "03_three_lymans.txt"):
        shutil.copyfile(EVAL / name, folder / name)
    code, out, err = run([str(folder), "--date", "2022-09-20"], data_dir)
    assert code == 0
    assert "2/2 03_three_lymans.txt" in err
    assert {Path(r["file"]).name for r in json.loads(out)} == {
        "01_balakliia.txt",
        "03_three_lymans.txt",
    }


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "is empty"),
        (b"  \n", "is empty"),
        (b"Kupiansk \xff\xfe", "is not UTF-8"),
        (b"a\x00b", "NUL byte"),
    ],
)
def test_bad_files_are_one_line_errors_naming_the_file(data_dir, tmp_path, content, message):
    path = tmp_path / "bad.txt"
    path.write_bytes(content)
    code, out, err = run([str(path), "--date", "2022-09-11"], data_dir)
    assert code == 1
    lines = err.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith(f"frontline ingest: {path}: ")
    assert message in lines[0]
    assert json.loads(out) == []


def test_missing_file_and_bad_dates(data_dir, tmp_path):
    code, _, err = run([str(tmp_path / "nope.txt"), "--date", "2022-09-11"], data_dir)
    assert code == 1 and f"{tmp_path / 'nope.txt'}: file is missing" in err
    code, _, err = run([str(SEED), "--date", "2022-13-01"], data_dir)
    assert code == 2 and "is not a date of the form YYYY-MM-DD" in err
    code, _, err = run([str(SEED), "--date", "2999-01-01"], data_dir)
    assert code == 2 and "in the future" in err


def test_new_place_ids_are_slugs_made_unique_with_the_oblast():
    village = Entry(
        key="gn:703071",
        name="Lyman",
        kind="village",
        oblast="UA-63",
        lat=49.6,
        lon=36.5,
        population=4008,
        geonames_id=703071,
    )
    existing = {"lyman": Place("lyman", "Lyman", "town", "UA-14", 48.99, 37.81, geonames_id=704204)}
    place = ingest.place_for(village, existing)
    assert place.place_id == "lyman-ua-63"
    donetsk_lyman = Entry(
        key="gn:704204",
        name="Lyman",
        kind="town",
        oblast="UA-14",
        lat=48.99,
        lon=37.81,
        geonames_id=704204,
    )
    assert ingest.place_for(donetsk_lyman, existing) is existing["lyman"]


def test_save_refuses_data_with_problems(data_dir):
    (data_dir / "claims.csv").write_text("claim_id,place_id\nbroken\n", encoding="utf-8")
    text = (EVAL / "01_balakliia.txt").read_text(encoding="utf-8")
    article = ingest.make_article(text, dt.date(2022, 9, 10), outlet="Reuters")
    candidates = ingest.candidate_claims(text, article.published, outlet="Reuters")
    with pytest.raises(ingest.IngestError, match="frontline validate"):
        ingest.save_article(article, candidates, data_dir)


def test_reviewed_rows_round_trip(data_dir):
    text = SEED.read_text(encoding="utf-8")
    candidates = ingest.candidate_claims(text, dt.date(2022, 9, 11), outlet="AFP")
    row = candidates[0].as_dict() | {"status": "contested", "certainty": "confirmed"}
    edited = ingest.candidate_from_dict(row, candidates[0], cached_gazetteer())
    assert (edited.status, edited.certainty, edited.quote) == (
        "contested",
        "confirmed",
        candidates[0].quote,
    )
    moved = ingest.candidate_from_dict(
        row | {"geonames_id": 707292}, candidates[0], cached_gazetteer()
    )
    assert moved.entry.name == "Izium"


def test_mentions_listing_has_the_places_of_the_done_when(data_dir):
    code, out, _ = run([str(SEED), "--date", "2022-09-11", "--mentions"], data_dir)
    assert code == 0
    rows = json.loads(out)
    places = {(r["place"], r["role"]): (r["lat"], r["lon"]) for r in rows}
    assert places[("Kharkiv", "dateline")] == pytest.approx((49.98177, 36.25475))
    assert places[("Lyman", "place")] == pytest.approx((48.99012, 37.80843))
    assert places[("Izium", "place")] == pytest.approx((49.20697, 37.27679))
    assert places[("Kharkiv region", "place")] == pytest.approx((49.6071, 36.4912))
    assert places[("Donetsk region", "place")] == pytest.approx((48.0452, 37.666))
    assert ("Kyiv", "metonymy") in places
    code, out, _ = run(
        [str(SEED), "--date", "2022-09-11", "--mentions", "--format", "table"], data_dir
    )
    assert out.splitlines()[0].split()[:3] == ["mention", "place", "oblast"]


def _line_of(data_dir: Path, name: str) -> int:
    """The line of geonames_ua.csv that holds the place called `name` in the Kharkiv oblast."""
    lines = (data_dir / "geonames_ua.csv").read_text(encoding="utf-8").split("\n")
    return next(n for n, line in enumerate(lines, 1) if f",{name}," in line and ",UA-63," in line)


# Sources of the gazetteer, broken: validate names file, line and field; ingest warns and
# still reads the article with what is left (Kupiansk and Izium are in the text below).
BROKEN_SOURCES = [
    (
        "geonames missing",
        lambda d: (d / "geonames_ua.csv").unlink(),
        ("geonames_ua.csv", 0, "-", "file is missing"),
    ),
    (
        "geonames empty",
        lambda d: (d / "geonames_ua.csv").write_text("", encoding="utf-8"),
        ("geonames_ua.csv", 1, "-", "file is empty"),
    ),
    (
        "geonames latitude not a number",
        lambda d: _replace_line(d / "geonames_ua.csv", _line_of(d, "Balakliya"), ",49.", ",abc"),
        ("geonames_ua.csv", None, "latitude", "not a number"),
    ),
    (
        "geonames row not UTF-8",
        lambda d: (d / "geonames_ua.csv").write_bytes(
            (d / "geonames_ua.csv").read_bytes().replace(b",Balakliya,", b",Balakl\xffya,", 1)
        ),
        ("geonames_ua.csv", None, "name", "UTF-8"),
    ),
    (
        "geonames unknown oblast",
        lambda d: _replace_line(
            d / "geonames_ua.csv", _line_of(d, "Balakliya"), ",UA-63,", ",UA-99,"
        ),
        ("geonames_ua.csv", None, "iso_3166_2", "not an oblast"),
    ),
    (
        "boundaries not JSON",
        lambda d: (d / "oblasts.geojson").write_text("{bad", encoding="utf-8"),
        ("oblasts.geojson", 1, "-", "not readable GeoJSON"),
    ),
]


@pytest.mark.parametrize(
    ("label", "damage", "expected"), BROKEN_SOURCES, ids=[case[0] for case in BROKEN_SOURCES]
)
def test_broken_gazetteer_sources_are_named_and_ingest_goes_on(
    data_dir, tmp_path, capsys, label, damage, expected
):
    from frontline.cli import main

    balakliia_line = _line_of(data_dir, "Balakliya")
    damage(data_dir)
    file, line, field, words = expected
    line = balakliia_line if line is None else line
    assert main(["validate", str(data_dir)]) == 1
    out = capsys.readouterr().out
    prefix = f"{data_dir / file}:{line}: {field}: "
    assert any(row.startswith(prefix) and words in row for row in out.splitlines()), out

    article = tmp_path / "report.txt"
    article.write_text(
        "Ukrainian forces said they had entered Kupiansk and the Kharkiv "
        "region, and recaptured Balakliia.",
        encoding="utf-8",
    )
    code, printed, err = run([str(article), "--date", "2022-09-11"], data_dir)
    assert code == 0, err
    assert "Traceback" not in err
    assert f"warning: {data_dir / file}:{line}: {field}: " in err
    found = {row["place"] for row in json.loads(printed)}
    assert "Kupiansk" in found  # a place of places.csv, found whatever GeoNames holds
    if file == "oblasts.geojson":
        assert "Balakliia" in found  # GeoNames is whole


def test_a_new_oblast_place_has_its_geonames_id(data_dir, tmp_path):
    article = tmp_path / "kherson.txt"
    article.write_text(
        "Heavy fighting continued in the Kherson region, officials said.", encoding="utf-8"
    )
    code, printed, err = run([str(article), "--date", "2022-09-11"], data_dir)
    assert code == 0, err
    (claim,) = json.loads(printed)
    assert (claim["place"], claim["kind"], claim["oblast"]) == ("Kherson region", "oblast", "UA-65")
    assert claim["geonames_id"] == 706442  # GeoNames' first-order division, from oblasts.csv


def test_line_breaks_long_outlets_and_titles_are_stored_so_that_they_load_back(data_dir, tmp_path):
    article = tmp_path / "cr.txt"
    article.write_bytes(
        b"Ukrainian forces said on Saturday they had\rentered Kupiansk.\r\n"
        b"Fighting continued in the Donetsk region."
    )
    code, _, err = run(
        [
            str(article),
            "--date",
            "2022-09-12",
            "--outlet",
            "x" * 132,
            "--title",
            "two\rlines",
            "--save",
        ],
        data_dir,
    )
    assert code == 0, err
    dataset = load_dataset(data_dir)
    assert dataset.problems == []
    (added,) = [a for a in dataset.articles.values() if a.published == dt.date(2022, 9, 12)]
    assert added.article_id == "x" * 40 + "-2022-09-12-" + added.article_id[-8:]
    assert (added.title, "\r" in added.text) == ("two lines", False)
    claims = [c for c in dataset.claims if c.article_id == added.article_id]
    assert {c.place_id for c in claims} == {"kupiansk", "donetsk-oblast"}
    assert all(added.text[c.quote_start : c.quote_end] == c.quote for c in claims)
