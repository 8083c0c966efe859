"""Control-area snapshots: reading them (DeepStateMap's style and a plain `status` style),
the snapshot for a date, the status at a place, claims against the maps, and area figures.

Every snapshot here is synthetic: boxes and circles around made-up front lines."""

from __future__ import annotations

import datetime as dt
import math
import re
from pathlib import Path

import pandas as pd
import pyproj
import pytest

from frontline import control
from frontline.control import (
    DEEPSTATE_STYLE_MAPPING,
    UNMAPPED,
    Mapping,
    agreement,
    area_table,
    compare_claims,
    disagreements,
    load_control_files,
    load_control_folder,
    snapshot_as_of,
    status_at,
)
from frontline.control.mapping import parse_mapping
from frontline.store import load_dataset
from frontline.timeline import claims_table
from tests.conftest import DATA_DIR
from tests.controlmaps import (
    GREY_BAND,
    KUPIANSK,
    LATE_FILE,
    OCCUPIED_EAST,
    box,
    collection,
    deepstate_files,
    feature,
    write_files,
)

GEOD = pyproj.Geod(ellps="WGS84")
TODAY = dt.date(2024, 1, 1)


def east_of(lon: float, lat: float, km: float) -> tuple[float, float]:
    """The point `km` due east (west when negative) of a point, on the ellipsoid."""
    east_lon, east_lat, _ = GEOD.fwd(lon, lat, 90 if km >= 0 else 270, abs(km) * 1000)
    return east_lon, east_lat


@pytest.fixture
def dsm_files() -> list[tuple[str, bytes]]:
    return deepstate_files()


@pytest.fixture
def dsm(dsm_files) -> control.ControlSet:
    return load_control_files(dsm_files, source="test", today=TODAY)


@pytest.fixture
def plain() -> control.ControlSet:
    """A plain `status` style, no mapping file, dates as top-level properties."""
    return load_control_files(
        [
            (
                "a.geojson",
                collection(feature({"status": "russian"}, OCCUPIED_EAST), date="2022-09-01"),
            ),
            (
                "b.json",
                collection(feature({"status": "Ukrainian"}, OCCUPIED_EAST), date="2022-09-20"),
            ),
        ],
        source="test",
        today=TODAY,
    )


# --- reading ---------------------------------------------------------------------------------


def test_deepstate_style_reads_through_the_mapping(dsm):
    assert dsm.problems == ()
    first, second = dsm.snapshots
    assert first.date == dt.date(2022, 9, 8)
    assert first.statuses == ("russian", "contested")
    assert first.skipped == 2  # Transnistria by its pattern, the town's label as a point
    assert first.outside == "ukrainian"
    assert second.statuses == ("ukrainian", "russian")


def test_plain_status_style_needs_no_mapping(plain):
    assert plain.problems == ()
    assert [s.date for s in plain.snapshots] == [dt.date(2022, 9, 1), dt.date(2022, 9, 20)]
    assert [s.statuses for s in plain.snapshots] == [("russian",), ("ukrainian",)]


def test_exact_values_and_patterns_map_to_one_status_and_skip_wins():
    mapping = Mapping(
        values=(("russian", "ru"),),
        patterns=(
            ("ukrainian", re.compile("free", re.I)),
            ("skip", re.compile("abroad", re.I)),
        ),
    )
    assert mapping.classify("  RU ") == ("russian",)
    assert mapping.classify("Free town") == ("ukrainian",)
    assert mapping.classify("free, abroad") == ("skip",)
    assert mapping.classify("nothing") == ()


def test_a_folder_loads_like_its_files(tmp_path, dsm_files):
    write_files(tmp_path, dsm_files)
    loaded = load_control_folder(tmp_path, today=TODAY)
    assert [s.date for s in loaded.snapshots] == [dt.date(2022, 9, 8), dt.date(2022, 9, 12)]
    assert loaded.source == str(tmp_path)


def test_folder_signature_changes_with_an_edit(tmp_path, dsm_files):
    write_files(tmp_path, dsm_files)
    before = control.folder_signature(tmp_path)
    assert [name for name, *_ in before] == sorted(n for n, _ in dsm_files if n != "notes.txt")
    (tmp_path / "mapping.toml").write_text(DEEPSTATE_STYLE_MAPPING + "\n# edited\n")
    assert control.folder_signature(tmp_path) != before
    assert control.folder_signature(tmp_path / "missing") == ()


def test_a_missing_folder_is_a_problem_not_a_crash(tmp_path):
    loaded = load_control_folder(tmp_path / "nowhere")
    assert loaded.snapshots == ()
    (problem,) = loaded.problems
    assert "does not exist" in problem.message


# --- the snapshot for a date -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("day", "expected"),
    [
        (dt.date(2022, 9, 7), None),  # before the first map
        (dt.date(2022, 9, 8), dt.date(2022, 9, 8)),  # on its own date
        (dt.date(2022, 9, 11), dt.date(2022, 9, 8)),  # between: the one before
        (dt.date(2022, 9, 12), dt.date(2022, 9, 12)),
        (dt.date(2023, 5, 1), dt.date(2022, 9, 12)),  # after the last: the last
    ],
)
def test_the_snapshot_in_force_on_a_date(dsm, day, expected):
    found = snapshot_as_of(dsm, day)
    assert (found.date if found else None) == expected


# --- status at a place -----------------------------------------------------------------------


def test_status_at_a_town(dsm):
    early, late = dsm.snapshots
    assert status_at(early, *KUPIANSK).status == "russian"
    assert status_at(late, *KUPIANSK).status == "ukrainian"
    # Far from any area: the mapping says that ground is Ukrainian-held.
    assert status_at(early, 33.0, 49.0) == control.StatusAt("ukrainian", frozenset({"ukrainian"}))


def test_a_point_near_a_border_touches_both_sides_within_the_tolerance(dsm):
    early = dsm.snapshots[0]
    inside = east_of(38.5, 49.8, -1.0)  # 1 km inside the occupied area's eastern edge
    outside = east_of(38.5, 49.8, 1.0)
    far = east_of(38.5, 49.8, 5.0)
    assert status_at(early, *inside, tolerance_km=0).nearby == {"russian"}
    assert status_at(early, *inside, tolerance_km=2).nearby == {"russian", "ukrainian"}
    assert status_at(early, *outside, tolerance_km=0).nearby == {"ukrainian"}
    found = status_at(early, *outside, tolerance_km=2)
    assert found.status == "ukrainian"
    assert found.nearby == {"russian", "ukrainian"}
    assert status_at(early, *far, tolerance_km=2).nearby == {"ukrainian"}


def test_an_inner_border_between_two_statuses(dsm):
    early = dsm.snapshots[0]
    near_grey = east_of(37.2, 49.8, 1.0)  # in the occupied area, 1 km from the grey zone
    found = status_at(early, *near_grey, tolerance_km=2)
    assert found.status == "russian"
    assert found.nearby == {"russian", "contested"}  # the outside is 20 km away


def test_overlapping_areas_of_two_statuses_are_contested():
    loaded = load_control_files(
        [
            (
                "2022-09-01.geojson",
                collection(
                    feature({"status": "russian"}, box(37, 49, 38, 50)),
                    feature({"status": "ukrainian"}, box(37.5, 49, 38.5, 50)),
                ),
            )
        ],
        source="test",
        today=TODAY,
    )
    (snapshot,) = loaded.snapshots
    assert status_at(snapshot, 37.75, 49.5, 0).status == "contested"
    assert status_at(snapshot, 37.25, 49.5, 0).status == "russian"
    assert status_at(snapshot, 36.0, 49.5, 0).status == UNMAPPED  # no outside in the mapping
    # The areas count the overlap once, as contested ground.
    areas = snapshot.areas_km2()
    half = ellipsoid_box_km2(37, 49, 38, 50) / 2
    assert areas["contested"] == pytest.approx(half, rel=0.01)
    assert areas["russian"] == pytest.approx(half, rel=0.01)
    assert areas["ukrainian"] == pytest.approx(half, rel=0.01)


# --- claims against the maps -----------------------------------------------------------------


def claim_rows(*rows: dict) -> pd.DataFrame:
    """Rows shaped like timeline.claims_table, with just what the comparison reads."""
    filled = []
    for number, row in enumerate(rows, start=1):
        date = pd.Timestamp(row.pop("date"))
        filled.append(
            {
                "claim_id": f"c{number}",
                "place_id": row.get("name", "kupiansk").lower(),
                "name": "Kupiansk",
                "kind": "town",
                "oblast": "UA-63",
                "lon": KUPIANSK[0],
                "lat": KUPIANSK[1],
                "date": date,
                "date_end": pd.Timestamp(row.pop("date_end", date)),
                "certainty": "claimed",
                **row,
            }
        )
    return pd.DataFrame(filled)


def test_a_town_entered_days_before_the_map_shows_it_freed(dsm):
    claims = claim_rows(
        {"date": "2022-09-10", "status": "ukrainian", "event": "entered"},
        {"date": "2022-09-13", "status": "ukrainian", "event": "entered"},
    )
    compared = compare_claims(dsm, claims)
    early, late = compared.to_dict("records")
    assert early["agrees"] is False
    assert early["control_date"] == dt.date(2022, 9, 8)
    assert early["control_status"] == "russian"
    assert late["agrees"] is True
    assert late["control_date"] == dt.date(2022, 9, 12)
    assert list(disagreements(compared)["claim_id"]) == ["c1"]


def test_claims_the_maps_cannot_judge(dsm, plain):
    before_any_map = compare_claims(dsm, claim_rows({"date": "2022-09-01", "status": "russian"}))
    row = before_any_map.iloc[0]
    assert row["agrees"] is None
    assert row["control_date"] is None
    assert "no control map" in row["control_note"]
    # Without an outside status, a place no area covers is unmapped: neither agrees nor not.
    nowhere = claim_rows({"date": "2022-09-05", "status": "russian", "lon": 33.0, "lat": 49.0})
    assert compare_claims(plain, nowhere).iloc[0]["agrees"] is None
    assert compare_claims(plain, nowhere).iloc[0]["control_status"] == UNMAPPED


def test_a_place_on_the_front_agrees_with_either_side(dsm):
    lon, lat = east_of(38.5, 49.8, 1.0)  # just outside the occupied area
    claims = claim_rows(
        {"date": "2022-09-10", "status": "russian", "lon": lon, "lat": lat},
        {"date": "2022-09-10", "status": "ukrainian", "lon": lon, "lat": lat},
    )
    assert list(compare_claims(dsm, claims, tolerance_km=2)["agrees"]) == [True, True]
    assert list(compare_claims(dsm, claims, tolerance_km=0)["agrees"]) == [False, True]
    assert "on a border" in compare_claims(dsm, claims, tolerance_km=2).iloc[0]["control_note"]


def test_contested_and_denied_claims(dsm):
    grey = (37.1, 49.8)
    deep = (38.0, 50.0)  # in the occupied area, far from any other status
    claims = claim_rows(
        {"date": "2022-09-10", "status": "contested", "lon": grey[0], "lat": grey[1]},
        {"date": "2022-09-10", "status": "contested", "lon": deep[0], "lat": deep[1]},
        # "Russia denied that Ukrainian forces had entered": right on the 10th, wrong later.
        {"date": "2022-09-10", "status": "ukrainian", "certainty": "denied"},
        {"date": "2022-09-14", "status": "ukrainian", "certainty": "denied"},
    )
    assert list(compare_claims(dsm, claims)["agrees"]) == [True, False, True, False]


def test_a_week_precision_claim_is_compared_on_its_last_day(dsm):
    claims = claim_rows({"date": "2022-09-06", "date_end": "2022-09-12", "status": "ukrainian"})
    row = compare_claims(dsm, claims).iloc[0]
    assert row["control_date"] == dt.date(2022, 9, 12)
    assert row["agrees"] is True


def test_an_oblast_claim_is_compared_with_the_shares_of_its_area(dsm):
    # The oblast: the occupied box and as much ground again to its west (grey zone included).
    oblast = {"type": "Polygon", "coordinates": box(35.9, 49.3, 38.5, 50.3)}
    claims = claim_rows(
        {"date": "2022-09-10", "status": "russian", "kind": "oblast"},
        {"date": "2022-09-10", "status": "ukrainian", "kind": "oblast"},
        {"date": "2022-09-10", "status": "russian", "kind": "oblast", "oblast": "UA-14"},
    )
    compared = compare_claims(dsm, claims, {"UA-63": oblast})
    russian, ukrainian, no_outline = compared.to_dict("records")
    assert russian["agrees"] is True and ukrainian["agrees"] is True  # both hold over 10%
    assert russian["control_status"] in ("russian", "ukrainian")
    assert "russian" in russian["control_note"] and "%" in russian["control_note"]
    assert no_outline["agrees"] is None
    assert "no outline" in no_outline["control_note"]
    # An oblast almost wholly occupied: a claim that Ukraine holds it does not agree.
    occupied = {"type": "Polygon", "coordinates": box(37.25, 49.35, 38.45, 50.25)}
    mostly = compare_claims(dsm, claims.iloc[:2], {"UA-63": occupied})
    assert list(mostly["agrees"]) == [True, False]
    assert list(mostly["control_status"]) == ["russian", "russian"]


def test_the_seed_claims_against_a_synthetic_map(dsm):
    """The seed's Kupiansk claim (entered on 2022-09-10) against a map still showing the town
    occupied on the 8th: the disagreement the feature exists for."""
    table = claims_table(load_dataset(DATA_DIR))
    compared = compare_claims(dsm, table)
    flagged = disagreements(compared)
    kupiansk = flagged[flagged["place_id"] == "kupiansk"]
    assert list(kupiansk["date"].dt.date) == [dt.date(2022, 9, 10)]
    assert kupiansk.iloc[0]["control_status"] == "russian"
    assert len(compared) == len(table)  # every claim is listed, judged or not


def test_agreement_rules():
    border = control.StatusAt("russian", frozenset({"russian", UNMAPPED}))
    assert agreement("russian", "claimed", border) is True
    assert agreement("ukrainian", "claimed", border) is None  # the unmapped side might be
    assert (
        agreement("contested", "confirmed", control.StatusAt("russian", frozenset({"russian"})))
        is False
    )


# --- area figures ----------------------------------------------------------------------------


def ellipsoid_box_km2(west: float, south: float, east: float, north: float) -> float:
    """The exact area of a lon/lat box on the WGS84 ellipsoid (authalic latitude formula)."""
    a = 6378137.0
    f = 1 / 298.257223563
    e = math.sqrt(f * (2 - f))
    b2 = (a * (1 - f)) ** 2

    def zone(lat: float) -> float:  # area from the equator to lat, per radian of longitude
        s = math.sin(math.radians(lat))
        return b2 / 2 * (s / (1 - e * e * s * s) + math.log((1 + e * s) / (1 - e * s)) / (2 * e))

    return math.radians(east - west) * (zone(north) - zone(south)) / 1e6


def snapshot_of(*features: dict, date: str = "2022-09-01") -> control.Snapshot:
    loaded = load_control_files(
        [(f"{date}.geojson", collection(*features))], source="test", today=TODAY
    )
    assert loaded.problems == ()
    return loaded.snapshots[0]


def test_area_of_a_lon_lat_box_within_one_percent():
    # Sides cut finely, so the outline follows the parallels as the exact formula does.
    snapshot = snapshot_of(feature({"status": "russian"}, box(36.0, 48.0, 38.0, 49.5, steps=200)))
    expected = ellipsoid_box_km2(36.0, 48.0, 38.0, 49.5)
    # The formula itself, against pyproj's geodesic area of the same finely cut outline.
    ring = box(36.0, 48.0, 38.0, 49.5, steps=200)[0]
    geodesic, _ = GEOD.polygon_area_perimeter([p[0] for p in ring], [p[1] for p in ring])
    assert abs(geodesic) / 1e6 == pytest.approx(expected, rel=1e-4)
    assert snapshot.areas_km2()["russian"] == pytest.approx(expected, rel=0.01)


def test_area_of_a_geodesic_circle_within_one_percent():
    radius_km = 40.0
    lons, lats, _ = GEOD.fwd(
        [35.0] * 720, [47.5] * 720, [i / 2 for i in range(720)], [radius_km * 1000] * 720
    )
    ring = [[lon, lat] for lon, lat in zip(lons, lats, strict=True)]
    snapshot = snapshot_of(feature({"status": "contested"}, [ring + [ring[0]]]))
    assert snapshot.areas_km2()["contested"] == pytest.approx(math.pi * radius_km**2, rel=0.01)


def test_area_table_counts_overlaps_once_and_gives_changes():
    first = snapshot_of(
        feature({"status": "russian"}, box(36.0, 48.0, 37.0, 49.0, steps=50)),
        feature({"status": "russian"}, box(36.5, 48.0, 37.0, 49.0, steps=50)),  # inside the first
        date="2022-09-01",
    )
    second = snapshot_of(
        feature({"status": "russian"}, box(36.0, 48.0, 36.5, 49.0, steps=50)),
        feature({"status": "ukrainian"}, box(36.5, 48.0, 37.0, 49.0, steps=50)),
        date="2022-09-20",
    )
    table = area_table(control.ControlSet(snapshots=(first, second)))
    whole = ellipsoid_box_km2(36.0, 48.0, 37.0, 49.0)
    assert table.loc[0, "russian"] == pytest.approx(whole, rel=0.01)
    assert table.loc[1, "russian"] == pytest.approx(whole / 2, rel=0.01)
    assert math.isnan(table.loc[0, "russian_change"])
    assert table.loc[1, "russian_change"] == pytest.approx(-whole / 2, rel=0.01)
    assert table.loc[1, "ukrainian_change"] == pytest.approx(whole / 2, rel=0.01)
    assert list(table["date"]) == [dt.date(2022, 9, 1), dt.date(2022, 9, 20)]


def test_display_outlines_are_lighter_one_feature_per_status(dsm):
    detailed = snapshot_of(
        feature({"status": "russian"}, box(36.0, 48.0, 37.0, 49.0, steps=500)),
        feature({"status": "russian"}, box(37.0, 48.0, 38.0, 49.0, steps=500)),
    )
    drawn = detailed.display
    (only,) = drawn["features"]
    assert only["properties"] == {"status": "russian"}
    points = sum(len(ring) for ring in only["geometry"]["coordinates"])
    assert points < 100  # from 4,000 corners of two boxes to one outline
    assert {f["properties"]["status"] for f in dsm.snapshots[0].display["features"]} == {
        "russian",
        "contested",
    }


# --- bad files -------------------------------------------------------------------------------


def problems_of(files: list[tuple[str, bytes]]) -> list[str]:
    loaded = load_control_files(files, source="test", today=TODAY)
    return [str(p) for p in loaded.problems]


def test_not_json():
    (problem,) = problems_of([("2022-09-01.geojson", b'{"type": "FeatureCollection",\n oops')])
    assert problem.startswith("2022-09-01.geojson:2: -: is not valid JSON")


def test_json_nested_too_deeply_is_a_problem_not_a_crash():
    (problem,) = problems_of([("2022-09-01.geojson", b"[" * 200_000)])
    assert problem == "2022-09-01.geojson:1: -: is nested too deeply to be GeoJSON"
    loaded = load_control_files([("mapping.json", b"[" * 200_000)], source="test", today=TODAY)
    assert [str(p) for p in loaded.problems] == [
        "mapping.json:1: -: is nested too deeply to be a mapping",
        "mapping.json:0: -: no snapshot is loaded until it is fixed",
    ]


def test_a_snapshot_with_no_readable_area_is_left_out(dsm_files):
    unreadable = collection(feature({"name": "Щось інше / Something else"}, OCCUPIED_EAST))
    loaded = load_control_files(
        [*dsm_files, ("2022-09-10.geojson", unreadable)], source="test", today=TODAY
    )
    assert dt.date(2022, 9, 10) not in loaded.dates
    messages = [str(p) for p in loaded.problems]
    assert messages[0].startswith("2022-09-10.geojson:0: feature 1: name:")
    assert messages[1] == (
        "2022-09-10.geojson:1: features: no area could be read; the "
        "snapshot is left out (see the problems above)"
    )


@pytest.mark.parametrize("pattern", ["((a)+)+$", "(a|a)*$", "(a|aa)+$", r"(\w*\s?)*!$"])
def test_nested_repetition_is_matched_without_backtracking(pattern):
    # Python's re takes time doubling with each letter on these; RE2 reads the long name at once.
    mapping = f"status_property = 'name'\n[patterns]\nrussian = ['{pattern}', 'occupied']\n"
    long_name = "a" * 5000 + "!"
    loaded = load_control_files(
        [
            ("mapping.toml", mapping.encode()),
            (
                "2022-09-01.geojson",
                collection(
                    feature({"name": "occupied"}, OCCUPIED_EAST),
                    feature({"name": long_name}, GREY_BAND),
                ),
            ),
        ],
        source="test",
        today=TODAY,
    )
    assert not [p for p in loaded.problems if p.field.startswith("patterns")]
    assert loaded.snapshots[0].statuses[0] == "russian"


def test_word_edges_hold_for_cyrillic_and_case_is_ignored():
    mapping, problems = parse_mapping("[patterns]\nrussian = ['\\bокуповано\\b']\n", "mapping.toml")
    assert problems == []
    assert mapping.classify("Окуповано, 3 вересня") == ("russian",)
    assert mapping.classify("неокуповано") == ()


def test_a_backreference_is_a_clear_problem_line():
    mapping, problems = parse_mapping(
        "[patterns]\nrussian = ['(occ)\\1', 'occupied']\n", "mapping.toml"
    )
    (problem,) = problems
    assert problem.field == "patterns.russian"
    assert problem.message.startswith(r"'(occ)\\1' is not a regular expression this")
    assert "backreferences" in problem.message
    assert mapping.classify("Occupied") == ("russian",)  # the other pattern still reads


def test_not_a_feature_collection():
    (problem,) = problems_of([("2022-09-01.geojson", b'{"type": "Feature"}')])
    assert problem == "2022-09-01.geojson:1: type: is not a GeoJSON FeatureCollection"


def test_no_date():
    (problem,) = problems_of([("snapshot.geojson", collection())])
    assert problem.startswith("snapshot.geojson:1: date: no date: put YYYY-MM-DD in the file name")


@pytest.mark.parametrize(
    ("name", "top", "expected"),
    [
        ("2022-02-30.geojson", {}, "file name: '2022-02-30' is not a real date"),
        ("2022-09-01.geojson", {"date": "2022-09-02"}, "date: 2022-09-02 differs from the date"),
        ("x.geojson", {"date": "yesterday"}, "date: 'yesterday' is not an ISO date"),
        ("2030-01-01.geojson", {}, "date: 2030-01-01 is in the future"),
    ],
)
def test_bad_dates(name, top, expected):
    (problem,) = problems_of([(name, collection(**top))])
    assert expected in problem


def test_unknown_status_value_names_file_feature_and_property(dsm_files):
    odd = collection(
        feature({"name": "Окуповано / Occupied"}, OCCUPIED_EAST),
        feature({"name": "Щось інше / Something else"}, GREY_BAND),
    )
    loaded = load_control_files(
        [dsm_files[0], ("2022-09-09.geojson", odd)], source="test", today=TODAY
    )
    (problem,) = loaded.problems
    assert str(problem).startswith(
        "2022-09-09.geojson:0: feature 2: name: 'Щось інше / Something else' matches no status"
    )
    assert loaded.snapshots[0].statuses == ("russian",)  # the valid feature is kept


def test_a_value_matching_two_statuses_is_ambiguous(dsm_files):
    both = collection(feature({"name": "Occupied / Liberated"}, OCCUPIED_EAST))
    problem, left_out = problems_of([dsm_files[0], ("2022-09-09.geojson", both)])
    assert "feature 1: name: 'Occupied / Liberated' matches ukrainian, russian" in problem
    assert left_out.endswith("the snapshot is left out (see the problems above)")


def test_a_missing_status_property():
    problem, left_out = problems_of(
        [("2022-09-01.geojson", collection(feature({"colour": "red"}, OCCUPIED_EAST)))]
    )
    assert "feature 1: status: is missing" in problem
    assert left_out.endswith("the snapshot is left out (see the problems above)")


@pytest.mark.parametrize(
    ("geometry", "expected"),
    [
        (
            {"type": "Polygon", "coordinates": [[["37", "49"], ["38", "49"], ["38", "50"]]]},
            "coordinates are not lists of [longitude, latitude] number pairs",
        ),
        (
            {"type": "Polygon", "coordinates": [[[37, 49], [38, 49], [38, 200], [37, 49]]]},
            "outside longitude -180..180, latitude -90..90",
        ),
        (
            {"type": "Polygon", "coordinates": [[[37, 49], [38, 49], [37, 49]]]},
            "encloses no area",
        ),
        (
            {"type": "Polygon", "coordinates": [[37, 49], [38, 49], [38, 50]]},
            "coordinates are not lists",
        ),
        ({"type": "MultiPolygon", "coordinates": []}, "a multipolygon must be a list of polygons"),
        ({"type": "GeometryCollection", "geometries": []}, "is not a Polygon or MultiPolygon"),
        (None, "geometry: is missing"),
        ({"type": "Polygon", "coordinates": [[[37, 49], [38, 49]]]}, "fewer than three points"),
        (
            {"type": "Polygon", "coordinates": [[[37, 49], [38, 50], [39, 51], [37, 49]]]},
            "encloses no area",
        ),
    ],
)
def test_bad_geometry(geometry, expected):
    good = feature({"status": "russian"}, OCCUPIED_EAST)
    bad = {"type": "Feature", "properties": {"status": "ukrainian"}, "geometry": geometry}
    loaded = load_control_files(
        [("2022-09-01.geojson", collection(good, bad))], source="test", today=TODAY
    )
    (problem,) = loaded.problems
    assert str(problem).startswith("2022-09-01.geojson:0: feature 2: geometry: ")
    assert expected in str(problem)
    assert loaded.snapshots[0].statuses == ("russian",)


def test_a_self_intersecting_area_is_repaired_not_lost():
    bowtie = [[[37, 49], [38, 50], [38, 49], [37, 50], [37, 49]]]
    snapshot = snapshot_of(feature({"status": "russian"}, bowtie))
    assert snapshot.repaired == 1
    assert snapshot.areas_km2()["russian"] > 0
    assert status_at(snapshot, 37.1, 49.5, 0).status == "russian"


def test_two_snapshots_of_one_date_keep_the_later(dsm_files):
    files = [
        *dsm_files,
        (
            "deepstate-2022-09-08T09-00-00Z.geojson",
            dict(dsm_files)[LATE_FILE],
        ),
    ]
    files[-1] = (files[-1][0], files[-1][1].replace(b"}]}", b'}], "x": 1}'))
    loaded = load_control_files(files, source="test", today=TODAY)
    (problem,) = loaded.problems
    assert problem.file == "deepstate-2022-09-08T09-00-00Z.geojson"
    assert "which is used instead" in problem.message
    assert loaded.snapshots[0].source == "deepstate-2022-09-08T21-00-00Z.geojson"


@pytest.mark.parametrize(
    ("name", "text", "expected"),
    [
        ("mapping.toml", "status_property = ", "mapping.toml:1: -: is not valid TOML"),
        ("mapping.json", '{"patterns": ', "mapping.json:1: -: is not valid JSON"),
        ("mapping.toml", 'outside = "ours"', "mapping.toml:0: outside: 'ours' is not one of"),
    ],
)
def test_an_unreadable_mapping_loads_no_snapshot(name, text, expected, dsm_files):
    loaded = load_control_files([(name, text.encode()), *dsm_files[1:]], source="test", today=TODAY)
    assert loaded.snapshots == ()
    assert str(loaded.problems[0]).startswith(expected)
    assert "no snapshot is loaded until it is fixed" in str(loaded.problems[-1])


def test_mapping_slips_are_reported_and_the_rest_used():
    mapping = """
status_property = "kind"
colour = "red"
[patterns]
russian = ["(unclosed"]
held = ["x"]
[values]
russian = "RU"
"""
    loaded = load_control_files(
        [
            ("mapping.toml", mapping.encode()),
            ("2022-09-01.geojson", collection(feature({"kind": "ru"}, OCCUPIED_EAST))),
        ],
        source="test",
        today=TODAY,
    )
    messages = [f"{p.field}: {p.message}" for p in loaded.problems]
    assert messages[0].startswith("colour: unknown setting")
    assert messages[1].startswith("patterns.russian: '(unclosed' is not a regular expression")
    assert messages[2].startswith("patterns.held: 'held' is not one of")
    assert loaded.snapshots[0].statuses == ("russian",)


def test_loading_twice_gives_the_same_snapshots(tmp_path, dsm_files):
    """Nothing valid is lost between reading a folder and reading its files."""
    write_files(tmp_path, dsm_files)
    from_folder = load_control_folder(tmp_path, today=TODAY)
    from_files = load_control_files(dsm_files, source="x", today=TODAY)
    assert [(s.date, s.statuses, s.skipped) for s in from_folder.snapshots] == [
        (s.date, s.statuses, s.skipped) for s in from_files.snapshots
    ]


def test_snapshot_files_are_json_or_geojson(tmp_path: Path):
    (tmp_path / "2022-09-01.geojson").write_bytes(collection())
    (tmp_path / "2022-09-02.json").write_bytes(collection())
    (tmp_path / "2022-09-03.csv").write_text("status\n")
    (tmp_path / ".2022-09-04.geojson").write_bytes(collection())
    loaded = load_control_folder(tmp_path, today=TODAY)
    assert [s.date.day for s in loaded.snapshots] == [1, 2]
