"""The `frontline` command: validate and export."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys

import pytest

from frontline.cli import main
from tests.conftest import ROOT


def run(*args: str, env: dict | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "frontline.cli", *args],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env=env,
    )


def test_validate_bundled_data_exits_zero():
    result = run("validate")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "valid" in result.stderr


def test_validate_reports_each_problem_as_file_line_field(data_copy):
    claims = data_copy / "claims.csv"
    text = claims.read_text(encoding="utf-8")
    claims.write_text(
        text.replace(",claimed,", ",sure,", 1).replace(",18,148,", ",1,5,"), encoding="utf-8"
    )
    result = run("validate", str(data_copy))
    assert result.returncode == 1
    lines = result.stdout.strip().splitlines()
    assert len(lines) == 1  # both faults are on the same row; the first one is reported
    assert lines[0].startswith(f"{data_copy / 'claims.csv'}:3: ")


def test_validate_checks_the_record_and_names_a_cut_file(data_copy):
    result = run("validate", str(data_copy))
    places = len((data_copy / "record" / "record_places.csv").read_text().splitlines()) - 1
    assert result.returncode == 0 and f"the record: {places} place(s)" in result.stderr
    entries = data_copy / "record" / "record_entries.csv"
    lines = entries.read_text(encoding="utf-8").splitlines(keepends=True)
    entries.write_text("".join(lines[:-10]), encoding="utf-8")
    result = run("validate", str(data_copy))
    assert result.returncode == 1
    assert "record_entries.csv" in result.stdout


def test_validate_honours_the_environment(data_copy):
    (data_copy / "places.csv").write_text("", encoding="utf-8")
    result = run("validate", env={**__import__("os").environ})
    assert result.returncode == 1
    assert "places.csv:1: -: file is empty" in result.stdout


def export(capsys, *args: str):
    code = main(["export", *args])
    out = capsys.readouterr().out
    return code, out


@pytest.mark.parametrize(
    ("as_of", "expected"),
    [
        ("2022-01-01", {}),
        ("2022-03-15", {"kupiansk": "russian", "kharkiv-oblast": ""}),
        ("2022-09-10", {"kupiansk": "ukrainian", "kharkiv-oblast": ""}),
        (
            "2022-12-31",
            {
                "kupiansk": "ukrainian",
                "izium": "ukrainian",
                "lyman": "contested",
                "kharkiv-oblast": "",
                "donetsk-oblast": "contested",
            },
        ),
    ],
    ids=["before", "between", "day-before-report", "after"],
)
def test_export_geojson_as_of(capsys, as_of, expected):
    code, out = export(capsys, "--as-of", as_of)
    assert code == 0
    collection = json.loads(out)
    assert collection["type"] == "FeatureCollection"
    got = {f["properties"]["place_id"]: f["properties"]["status"] for f in collection["features"]}
    assert got == expected
    assert "GeoNames" in collection["metadata"]["credits"]


def test_export_properties(capsys):
    _, out = export(capsys, "--as-of", "2022-09-11")
    features = {f["properties"]["place_id"]: f for f in json.loads(out)["features"]}
    kupiansk = features["kupiansk"]
    assert kupiansk["geometry"] == {"type": "Point", "coordinates": [37.61581, 49.71003]}
    props = kupiansk["properties"]
    for key in (
        "place_id",
        "name",
        "oblast",
        "status",
        "certainty",
        "claim_date",
        "claimant",
        "quote",
        "article_id",
        "geonames_id",
    ):
        assert key in props
    assert props["claim_date"] == "2022-09-10"
    assert props["geonames_id"] == 703656
    assert "entered Kupiansk" in props["quote"]
    assert features["donetsk-oblast"]["geometry"]["type"] in ("Polygon", "MultiPolygon")


def test_export_region_and_csv(capsys):
    code, out = export(capsys, "--as-of", "2022-09-11", "--region", "UA-14", "--format", "csv")
    assert code == 0
    rows = list(csv.DictReader(io.StringIO(out)))
    assert {r["place_id"] for r in rows} == {"lyman", "donetsk-oblast"}
    assert all(r["oblast"] == "UA-14" for r in rows)


def test_export_unknown_region_is_a_clear_error(capsys):
    code = main(["export", "--as-of", "2022-09-11", "--region", "UA-99"])
    assert code == 2
    assert "unknown region UA-99" in capsys.readouterr().err


def test_export_bad_date_is_a_usage_error_not_a_traceback():
    result = run("export", "--as-of", "yesterday")
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    assert "YYYY-MM-DD" in result.stderr


def test_csv_of_nothing_is_a_header_only(capsys):
    # A view with no rows still downloads: an empty text column must not trip the
    # spreadsheet-safety pass.
    code, out = export(capsys, "--as-of", "2022-01-01", "--format", "csv")
    assert code == 0
    assert out.splitlines() == [out.splitlines()[0]]
    assert out.startswith("place_id,")


@pytest.mark.parametrize(
    ("name", "shown"),
    [
        ("\x1b[31mred\x1b[0m", "\\x1b[31mred\\x1b[0m"),  # an ANSI escape reaches no terminal
        ("note\ndata/claims.csv:9: quote: forged", "note\\ndata/claims.csv:9: quote: forged"),
        ("right\u202eleft", "right\\u202eleft"),  # a bidi override turns no line around
    ],
)
def test_validate_escapes_control_characters_in_what_it_prints(data_copy, capsys, name, shown):
    path = data_copy / "claims.csv"
    lines = path.read_text(encoding="utf-8").split("\n")
    lines = [lines[0] + ',"' + name + '"'] + [line + "," if line else line for line in lines[1:]]
    path.write_text("\n".join(lines), encoding="utf-8")
    assert main(["validate", str(data_copy)]) == 1
    out = capsys.readouterr().out
    assert out.splitlines() == [f"{path}:1: {shown}: unknown column; it is ignored"]
    assert "\x1b" not in out and "\u202e" not in out
