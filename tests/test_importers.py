"""Importers: each format on its fixtures, bad rows, sniffing, mappings, stable ids, place
matching, and the dry-run command."""

from __future__ import annotations

import datetime as dt
import io
import json
import shutil
import zipfile
from pathlib import Path
from types import SimpleNamespace

import pytest

from frontline import vocab
from frontline.cli.imports import run_import
from frontline.importers import CREDITS, ImportReport, ReadContext, collect, iter_claims
from frontline.importers.batch import make_matcher, preview
from frontline.importers.credits import VIINA_NOTICE
from frontline.importers.model import claim_faults
from frontline.importers.places import distance_km
from tests.conftest import DATA_DIR

FIXTURES = Path(__file__).parent / "fixtures" / "import"
TODAY = dt.date(2026, 1, 1)


@pytest.fixture(scope="module")
def matcher():
    return make_matcher(DATA_DIR)


def read(fmt: str, *names: str, mapping: str | None = None, paths=None):
    report = ImportReport()
    context = ReadContext(
        today=TODAY,
        mapping=FIXTURES / mapping if mapping else None,
        locate=make_matcher(DATA_DIR).locate,
    )
    files = paths or [FIXTURES / n for n in names]
    claims = {c.claim_id: c for c in iter_claims(fmt, files, report, context)}
    return claims, report


def located(report: ImportReport) -> list[tuple[str, int, str]]:
    return [(Path(p.file).name, p.line, p.field) for p in report.problems]


# --- ACLED ------------------------------------------------------------------------------------


def test_acled_control_from_the_actors_and_events_without_control():
    claims, report = read("acled", "acled.csv")
    assert set(claims) == {"acled-UKR90001", "acled-UKR90002", "acled-UKR90003", "acled-UKR90005"}
    kupiansk, izium = claims["acled-UKR90001"], claims["acled-UKR90002"]
    assert (kupiansk.status, kupiansk.event, kupiansk.certainty) == (
        "ukrainian",
        "recaptured",
        "claimed",
    )
    assert kupiansk.claimant == "Ministry of Defence of Ukraine"
    assert kupiansk.passage.startswith("On 10 September 2022, Ukrainian forces regained")
    assert (izium.status, izium.event, izium.date) == ("", "shelled", dt.date(2022, 9, 11))
    assert claims["acled-UKR90003"].status == "russian"
    assert claims["acled-UKR90005"].event == "struck"
    assert report.rows_read == 8
    assert report.skipped == {
        "ACLED sub-event type 'Peaceful protest' (neither control nor fighting)": 1
    }


def test_acled_week_precision_is_the_week_around_the_coded_day():
    claims, _ = read("acled", "acled.csv")
    lyman = claims["acled-UKR90003"]
    assert (lyman.date, lyman.date_end, lyman.date_precision) == (
        dt.date(2022, 5, 23),
        dt.date(2022, 5, 29),
        "week",
    )
    assert claims["acled-UKR90002"].location_precision == "exact"
    assert lyman.location_precision == "near"


def test_acled_bad_rows_cost_only_their_row():
    claims, report = read("acled", "acled.csv")
    assert located(report) == [
        ("acled.csv", 7, "latitude"),
        ("acled.csv", 8, "actor1"),
        ("acled.csv", 9, "event_date"),
    ]
    assert "no side" in report.problems[1].message
    assert len(claims) == 4


def test_acled_missing_column_is_named_and_no_row_is_read(tmp_path):
    text = (FIXTURES / "acled.csv").read_text(encoding="utf-8")
    broken = tmp_path / "acled.csv"
    broken.write_text(text.replace(",notes,", ",remarks,", 1), encoding="utf-8")
    claims, report = read("acled", paths=[broken])
    assert claims == {}
    assert located(report) == [("acled.csv", 1, "notes")]
    assert report.rows_read == 0


# --- GDELT ------------------------------------------------------------------------------------


def test_gdelt_keeps_territorial_cameo_codes_in_ukraine():
    claims, report = read("gdelt", "gdelt.export.tsv")
    assert set(claims) == {"gdelt-1050000001", "gdelt-1050000002", "gdelt-1050000003"}
    occupied, shelled, retreat = (claims[f"gdelt-105000000{i}"] for i in (1, 2, 3))
    assert (occupied.status, occupied.event) == ("russian", "captured")
    assert (shelled.status, shelled.event) == ("", "shelled")
    assert (retreat.status, retreat.event) == ("ukrainian", "withdrew")  # Russia retreats
    assert all(not c.has_passage and c.passage == "" for c in claims.values())
    assert shelled.claimant == "example.com"
    assert shelled.source_url == "https://www.example.com/izium-shelling"
    assert occupied.certainty == "unconfirmed"
    assert set(report.skipped) == {
        "GDELT event code not about fighting over territory",
        "GDELT event outside Ukraine",
        "GDELT event located only to the country",
        "GDELT occupation or retreat by neither side",
    }
    assert located(report) == [("gdelt.export.tsv", 8, "-")]


# --- VIINA ------------------------------------------------------------------------------------

VIINA_FILES = ("viina_event_info.csv", "viina_event_labels.csv", "viina_control.csv")


def test_viina_events_join_labels_and_info():
    claims, report = read("viina", *VIINA_FILES)
    kupiansk = claims["viina-2022091100001"]
    assert (kupiansk.status, kupiansk.event) == ("ukrainian", "recaptured")
    assert kupiansk.passage == "ЗСУ звільнили Куп'янськ, повідомили у Генштабі"
    assert kupiansk.language == "uk"
    assert kupiansk.geonames_id == 703656
    assert (claims["viina-2022091100002"].status, claims["viina-2022091100002"].event) == (
        "",
        "shelled",
    )
    assert claims["viina-2022100100005"].status == "ukrainian"  # Russian forces withdrew
    assert "viina-2022091100003" not in claims  # sanctions
    assert "viina-2022091100004" not in claims  # control, both sides named
    assert ("viina_event_info.csv", 7, "latitude") in located(report)
    assert VIINA_NOTICE in kupiansk.provenance.licence


def test_viina_control_table_records_first_status_and_changes():
    claims, report = read("viina", "viina_control.csv")
    assert sorted(claims) == [
        "viina-control-703656-20220901",
        "viina-control-703656-20220911",
        "viina-control-707292-20220911",
    ]
    change = claims["viina-control-703656-20220911"]
    assert (change.status, change.event, change.place) == ("ukrainian", "held", "Kupiansk")
    assert claims["viina-control-707292-20220911"].status == "contested"
    assert report.skipped["VIINA control row repeating the place's status"] == 1
    assert (
        report.skipped["VIINA control row of a place outside the gazetteer (no coordinates)"] == 1
    )
    assert located(report) == [("viina_control.csv", 7, "status")]


def test_viina_event_info_without_labels_says_which_file_is_missing():
    claims, report = read("viina", "viina_event_info.csv")
    assert claims == {}
    assert "event_labels" in report.problems[0].message


# --- TimeMap and GeoConfirmed -----------------------------------------------------------------


def test_timemap_events_state_no_control():
    claims, report = read("timemap", "timemap.json")
    izium = claims["timemap-CIV9001"]
    assert (izium.status, izium.event, izium.certainty, izium.claimant) == (
        "",
        "shelled",
        "confirmed",
        "Bellingcat",
    )
    assert izium.source_url == "https://social.example.com/post/1"
    assert izium.date == dt.date(2022, 9, 11)
    assert claims["timemap-CIV9002"].event == "attacked"
    assert located(report) == [("timemap.json", 3, "date")]
    assert report.skipped == {"TimeMap event without a location": 1}


def test_geoconfirmed_json_and_kml():
    claims, report = read("geoconfirmed", "geoconfirmed.json", "geoconfirmed.kml")
    tank = claims["geoconfirmed-a3f1c2d4-0000-4000-8000-000000000001"]
    assert (tank.lat, tank.lon, tank.event, tank.status) == (49.21, 37.29, "struck", "")
    assert tank.source_url == "https://social.example.com/video/11"
    swapped = claims["geoconfirmed-a3f1c2d4-0000-4000-8000-000000000002"]
    assert (swapped.lat, swapped.lon) == (49.71, 37.6158)  # written [lon, lat]
    lyman = claims["geoconfirmed-pm-101"]
    assert (lyman.lat, lyman.lon, lyman.date) == (48.995, 37.82, dt.date(2022, 9, 20))
    assert lyman.source_url == "https://social.example.com/v/101"
    shelling = claims["geoconfirmed-pm-102"]
    assert "<script>" not in shelling.passage and "Grad rockets seen" in shelling.passage
    assert located(report) == [("geoconfirmed.json", 4, "date"), ("geoconfirmed.kml", 3, "date")]
    assert report.skipped == {"GeoConfirmed placemark naming no military event": 1}


def test_broken_kml_is_a_problem_with_its_line(tmp_path):
    path = tmp_path / "broken.kml"
    path.write_text('<?xml version="1.0"?>\n<kml>\n<Placemark><name>x</name>\n</kml>\n')
    claims, report = read("geoconfirmed", paths=[path])
    assert claims == {}
    assert located(report) == [("broken.kml", 4, "-")]


# --- any CSV through a mapping ----------------------------------------------------------------


def test_mapped_csv_reads_values_through_the_mapping():
    claims, report = read("csv", "analyst_sheet.csv", mapping="analyst_sheet.toml")
    assert set(claims) == {"kharkiv-desk-A2", "kharkiv-desk-A3"}
    izium, balakliia = claims["kharkiv-desk-A2"], claims["kharkiv-desk-A3"]
    assert (izium.status, izium.certainty, izium.has_passage) == ("contested", "claimed", False)
    assert (balakliia.status, balakliia.event, balakliia.certainty) == ("", "shelled", "confirmed")
    assert balakliia.provenance.licence == "CC BY 4.0: credit the Kharkiv desk"
    assert located(report) == [
        ("analyst_sheet.csv", 2, "Lat"),
        ("analyst_sheet.csv", 5, "Date"),
        ("analyst_sheet.csv", 6, "Control"),
    ]


def _mapping_with(tmp_path: Path, old: str, new: str) -> Path:
    text = (FIXTURES / "analyst_sheet.toml").read_text(encoding="utf-8")
    assert old in text
    path = tmp_path / "m.toml"
    path.write_text(text.replace(old, new), encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("old", "new", "field"),
    [
        ('date = "Date"\n', "", "columns.date"),
        ('status = "Control"\nevent = "What happened"\n', "", "columns.status"),
        ('certainty = "Confidence"\n', "", "columns.certainty"),
        ("contested = ", "disputed = ", "values.status.disputed"),
        ('dataset = "kharkiv-desk"', 'dataset = "a b"', "dataset"),
    ],
)
def test_mapping_faults_are_named_before_any_row_is_read(tmp_path, old, new, field):
    report = ImportReport()
    context = ReadContext(today=TODAY, mapping=_mapping_with(tmp_path, old, new))
    assert list(iter_claims("csv", [FIXTURES / "analyst_sheet.csv"], report, context)) == []
    assert [p.field for p in report.problems] == [field]
    assert report.rows_read == 0


def test_mapping_naming_a_column_the_file_lacks(tmp_path):
    report = ImportReport()
    mapping = _mapping_with(tmp_path, 'latitude = "Lat"', 'latitude = "Latitude"')
    context = ReadContext(today=TODAY, mapping=mapping)
    assert list(iter_claims("csv", [FIXTURES / "analyst_sheet.csv"], report, context)) == []
    assert located(report) == [("analyst_sheet.csv", 1, "Latitude")]
    assert "columns.latitude" in report.problems[0].message
    assert report.rows_read == 0


def test_mapping_that_is_not_toml(tmp_path):
    path = tmp_path / "m.toml"
    path.write_text("dataset = \n", encoding="utf-8")
    report = ImportReport()
    list(
        iter_claims(
            "csv", [FIXTURES / "analyst_sheet.csv"], report, ReadContext(today=TODAY, mapping=path)
        )
    )
    assert "is not valid TOML" in report.problems[0].message


def test_rows_without_an_id_get_the_same_id_in_any_order(tmp_path):
    mapping = _mapping_with(tmp_path, 'id = "Row"\n', "")
    lines = (FIXTURES / "analyst_sheet.csv").read_text(encoding="utf-8").splitlines()
    reordered = tmp_path / "sheet.csv"
    reordered.write_text("\n".join([lines[0], *reversed(lines[1:])]) + "\n", encoding="utf-8")

    def ids(path: Path) -> set[str]:
        context = ReadContext(today=TODAY, mapping=mapping)
        return {c.claim_id for c in iter_claims("csv", [path], ImportReport(), context)}

    first = ids(FIXTURES / "analyst_sheet.csv")
    assert len(first) == 2 and all(i.startswith("kharkiv-desk-") for i in first)
    assert ids(reordered) == first


# --- stable ids -------------------------------------------------------------------------------


def test_importing_the_same_file_twice_gives_the_same_ids():
    first, _ = read("acled", "acled.csv")
    again, _ = read("acled", "acled.csv")
    assert list(first) == list(again)
    assert first == again


def test_a_repeated_row_is_reported_once_and_kept_once(tmp_path):
    text = (FIXTURES / "acled.csv").read_text(encoding="utf-8")
    doubled = tmp_path / "acled.csv"
    doubled.write_text(text + text.splitlines()[1] + "\n", encoding="utf-8")
    claims, report = read("acled", paths=[doubled])
    assert len(claims) == 4
    assert located(report)[-1] == ("acled.csv", 10, "id")


# --- sniffing and unreadable files ------------------------------------------------------------


@pytest.mark.parametrize(
    ("fmt", "name", "expected"),
    [
        (
            "acled",
            "gdelt.export.tsv",
            "this looks like a GDELT 2.0 events file, not ACLED; import it "
            "with `frontline import gdelt`",
        ),
        ("gdelt", "acled.csv", "this looks like an ACLED export, not GDELT 2.0 events"),
        ("geoconfirmed", "timemap.json", "this looks like a TimeMap JSON export, not GeoConfirmed"),
        ("timemap", "viina_control.csv", "this looks like a VIINA control file, not TimeMap"),
    ],
)
def test_a_file_of_another_format_says_which_it_looks_like(fmt, name, expected):
    claims, report = read(fmt, name)
    assert claims == {}
    assert report.problems[0].message.startswith(expected)


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "is a binary file, not text"),
        ("event_id_cnty,x\n".encode("utf-16"), "is UTF-16 text, not UTF-8"),
        (b"", "is empty"),
    ],
)
def test_unreadable_files_are_one_clear_problem(tmp_path, content, expected):
    path = tmp_path / "export.csv"
    path.write_bytes(content)
    claims, report = read("acled", paths=[path])
    assert claims == {}
    assert expected in report.problems[0].message
    assert report.problems[0].file == str(path)


def test_a_missing_file_is_a_problem_and_the_other_files_are_read(tmp_path):
    claims, report = read("acled", paths=[tmp_path / "nope.csv", FIXTURES / "acled.csv"])
    assert len(claims) == 4
    assert report.problems[0].message == "no such file"


def test_a_byte_that_is_not_utf8_costs_only_its_row(tmp_path):
    raw = (
        (FIXTURES / "acled.csv")
        .read_bytes()
        .replace(b"Russian forces shelled Izyum", b"Russian forces shelled Iz\xffum")
    )
    path = tmp_path / "acled.csv"
    path.write_bytes(raw)
    claims, report = read("acled", paths=[path])
    assert "acled-UKR90002" not in claims and len(claims) == 3
    assert ("acled.csv", 3, "notes") in located(report)
    assert "byte 0xff" in report.problems[0].message


def test_a_zip_of_one_file_is_read_as_that_file(tmp_path):
    archive = tmp_path / "20220911.export.CSV.zip"
    with zipfile.ZipFile(archive, "w") as z:
        z.write(FIXTURES / "gdelt.export.tsv", "20220911.export.CSV")
    claims, _ = read("gdelt", paths=[archive])
    assert len(claims) == 3
    with zipfile.ZipFile(archive, "a") as z:
        z.writestr("other.csv", "a,b\n")
    claims, report = read("gdelt", paths=[archive])
    assert claims == {} and "ZIP archive of 2 files" in report.problems[0].message


def test_progress_is_reported_up_to_the_total():
    calls = []
    report = ImportReport(progress=lambda done, total: calls.append((done, total)))
    list(iter_claims("acled", [FIXTURES / "acled.csv"], report, ReadContext(today=TODAY)))
    size = (FIXTURES / "acled.csv").stat().st_size
    assert calls[-1] == (size, size)
    assert all(done <= total for done, total in calls)


# --- validation -------------------------------------------------------------------------------


def test_a_claim_without_status_must_be_an_event_that_states_no_control():
    claims, _ = read("acled", "acled.csv")
    claim = claims["acled-UKR90002"]
    assert claim_faults(claim, TODAY) == []
    from dataclasses import replace

    faults = claim_faults(replace(claim, event="captured"), TODAY)
    assert faults == [
        (
            "event",
            "'captured' is not an event that states no control "
            f"({', '.join(vocab.NO_CONTROL_EVENTS)})",
        )
    ]
    assert (
        claim_faults(replace(claim, date=dt.date(2030, 1, 1), date_end=dt.date(2030, 1, 1)), TODAY)[
            0
        ][0]
        == "date"
    )


# --- place matching ---------------------------------------------------------------------------


def test_places_match_by_geonames_id_or_coordinates_and_name(matcher):
    claims, _ = read("viina", "viina_event_info.csv", "viina_event_labels.csv")
    by_id = matcher.match(claims["viina-2022091100001"])
    assert (by_id.method, by_id.entry.name, by_id.distance_km) == ("geonames id", "Kupiansk", 0.0)
    acled, _ = read("acled", "acled.csv")
    kupiansk = matcher.match(acled["acled-UKR90001"])
    assert (kupiansk.method, kupiansk.entry.key) == ("coordinates and name", "gn:703656")
    assert kupiansk.distance_km == pytest.approx(
        distance_km(49.7156, 37.6120, kupiansk.entry.lat, kupiansk.entry.lon)
    )
    assert 0.5 < kupiansk.distance_km < 1.0
    assert matcher.match(acled["acled-UKR90002"]).entry.name == "Izium"  # spelled Izyum


def test_a_place_not_found_is_proposed_with_the_sources_coordinates(matcher):
    acled, _ = read("acled", "acled.csv")
    match = matcher.match(acled["acled-UKR90005"])
    assert match.is_new and match.method == "new"
    proposed = match.proposed
    assert (proposed.name, proposed.lat, proposed.lon) == ("Zelenyi Hai Testovyi", 49.53, 36.87)
    assert (proposed.suggested_id, proposed.oblast, proposed.location_precision) == (
        "zelenyi-hai-testovyi",
        "UA-63",
        "exact",
    )
    assert proposed.source.startswith("ACLED, ") and proposed.source.endswith("acled.csv line 6")


def test_the_same_name_beyond_the_radius_is_a_new_place(matcher):
    from dataclasses import replace

    acled, _ = read("acled", "acled.csv")
    far = replace(acled["acled-UKR90003"], lat=48.99012 + 0.09)  # 10 km north of Lyman
    assert matcher.match(far).is_new
    other_name = replace(acled["acled-UKR90003"], place="Zarichne Testove")
    assert matcher.match(other_name).is_new


# --- batch, preview and the command -----------------------------------------------------------


def test_preview_counts_and_batch_for_the_commit(matcher):
    shown = preview("acled", [FIXTURES / "acled.csv"], matcher, limit=2)
    assert (shown.claims, shown.without_control, len(shown.sample)) == (4, 2, 2)
    assert (shown.places_matched, shown.places_new) == (3, 1)
    batch = collect("acled", [FIXTURES / "acled.csv"], matcher)
    assert [c.claim_id for c, _ in batch.items] == sorted(c.claim_id for c, _ in batch.items)
    assert [p.name for p in batch.new_places] == ["Zelenyi Hai Testovyi"]
    assert batch.licence == CREDITS["acled"]


def test_command_dry_run_table(capsys):
    out, err = io.StringIO(), io.StringIO()
    code = run_import(
        ["acled", str(FIXTURES / "acled.csv"), "--data-dir", str(DATA_DIR)], stdout=out, stderr=err
    )
    text = out.getvalue()
    assert code == 1  # the fixture has bad rows
    assert "Dry run" in text and "nothing written" in text
    assert "acled-UKR90001" in text and "NEW" in text
    assert f"{FIXTURES / 'acled.csv'}:7: latitude: 'north' is not a number" in text
    for line in (
        "rows read: 8",
        "claims: 4",
        "events without control: 2",
        "places matched: 3, new: 1",
        "problems: 3",
    ):
        assert f"  {line}\n" in text


def test_command_json_and_injected_save(tmp_path):
    data = tmp_path / "data"
    shutil.copytree(DATA_DIR, data)
    before = {p.name: p.read_bytes() for p in data.glob("*.csv")}
    saved = []

    def save(fmt, paths, matcher, root, **options):
        saved.append((fmt, [Path(p).name for p in paths], root))
        return SimpleNamespace(message="2 claims added")

    out, err = io.StringIO(), io.StringIO()
    code = run_import(
        [
            "timemap",
            str(FIXTURES / "timemap.json"),
            "--format",
            "json",
            "--save",
            "--data-dir",
            str(data),
        ],
        save=save,
        stdout=out,
        stderr=err,
    )
    result = json.loads(out.getvalue())
    assert code == 1
    assert result["summary"]["claims"] == 2 and result["dry_run"] is False
    assert result["claims"][0]["provenance"] == {
        "dataset": "TimeMap",
        "file": str(FIXTURES / "timemap.json"),
        "item": 1,
        "licence": CREDITS["timemap"],
    }
    assert saved == [("timemap", ["timemap.json"], data)]
    assert "2 claims added" in err.getvalue()
    assert {p.name: p.read_bytes() for p in data.glob("*.csv")} == before


def test_command_save_writes_once_and_a_second_save_adds_nothing(tmp_path):
    data = tmp_path / "data"
    shutil.copytree(DATA_DIR, data)
    argv = ["gdelt", str(FIXTURES / "gdelt.export.tsv"), "--save", "--data-dir", str(data)]
    first, second = io.StringIO(), io.StringIO()
    shown = io.StringIO()
    run_import(argv, stdout=shown, stderr=first)
    assert shown.getvalue().startswith("Preview: gdelt import of")
    assert "added" in first.getvalue() and "nothing added" not in first.getvalue()
    files = sorted((data / "imports").glob("*.csv"))
    assert len(files) == 1
    run_import(argv, stdout=io.StringIO(), stderr=second)
    assert "nothing added" in second.getvalue()
    assert sorted((data / "imports").glob("*.csv")) == files


def test_command_csv_needs_a_mapping():
    err = io.StringIO()
    assert run_import(["csv", str(FIXTURES / "analyst_sheet.csv")], stderr=err) == 2
    assert "--mapping" in err.getvalue()
