"""The estimated line of contact: where a synthetic split puts it, contested areas, the
degenerate inputs, bad places, and the map layer."""

from __future__ import annotations

import random

import folium
import numpy as np
import pytest
import shapely
import shapely.geometry

from frontline.store.boundaries import load_oblast_shapes
from frontline.web import contact
from tests.conftest import DATA_DIR

FRONT_LON = 32.0  # the synthetic split: Ukrainian-held west of it, Russian-held east
STEP = 0.5
KYIV, LVIV, KHARKIV = (30.52, 50.45), (24.03, 49.84), (36.25, 49.98)


@pytest.fixture(scope="module")
def oblast_shapes() -> dict[str, dict]:
    shapes, problems = load_oblast_shapes(DATA_DIR)
    assert not problems
    return shapes


@pytest.fixture(scope="module")
def outline(oblast_shapes) -> contact.Outline:
    return contact.ukraine_outline(oblast_shapes)


@pytest.fixture(scope="module")
def country(oblast_shapes) -> shapely.Geometry:
    """Ukraine's outline in longitude/latitude."""
    return shapely.union_all([shapely.geometry.shape(g) for g in oblast_shapes.values()])


def grid(status_of) -> list[tuple[float, float, str]]:
    """Places every STEP degrees over Ukraine's box (centred between grid lines, so none
    falls on the front), each with status_of(lat, lon)."""
    return [
        (lat, lon, status_of(lat, lon))
        for lat in np.arange(44.25, 52.5, STEP)
        for lon in np.arange(22.25, 40.5, STEP)
    ]


def split(lat: float, lon: float) -> str:
    return "ukrainian" if lon < FRONT_LON else "russian"


def shape(geometry: dict | None) -> shapely.Geometry:
    assert geometry is not None
    return shapely.geometry.shape(geometry)


def crossings(line: shapely.Geometry, start, end) -> int:
    """How many times the segment from start to end crosses the line."""
    hit = line.intersection(shapely.LineString([start, end]))
    return len(shapely.get_parts(hit)) if not hit.is_empty else 0


def test_split_puts_the_line_between_the_two_groups(outline, country):
    estimate = contact.estimate_contact(grid(split), outline)
    assert estimate.contested is None
    assert estimate.line["type"] == "MultiLineString"
    line = shape(estimate.line)
    lons = shapely.get_coordinates(line)[:, 0]
    lats = shapely.get_coordinates(line)[:, 1]
    # Between the last Ukrainian-held column and the first Russian-held one.
    assert lons.min() > FRONT_LON - STEP / 2 and lons.max() < FRONT_LON + STEP / 2
    # Across the country from its northern border to its southern coast (46.6-52.3 N).
    assert lats.min() < 46.8 and lats.max() > 52.0
    # Within the outline (up to the display simplification of a few hundred metres).
    assert line.within(country.buffer(0.01))
    # Kyiv and Lviv are on one side, Kharkiv on the other.
    assert crossings(line, KYIV, LVIV) == 0
    assert crossings(line, KYIV, KHARKIV) == 1


def test_contested_cells_are_shaded_and_the_line_skirts_them(outline, country):
    middle = {(48.25, 31.75), (48.25, 32.25), (48.75, 31.75), (48.75, 32.25)}

    def status(lat, lon):
        return "contested" if (lat, lon) in middle else split(lat, lon)

    estimate = contact.estimate_contact(grid(status), outline)
    area, line = shape(estimate.contested), shape(estimate.line)
    assert estimate.contested["type"] == "MultiPolygon"
    assert estimate.counts["contested"] == 4
    for lat, lon in middle:
        assert area.contains(shapely.Point(lon, lat))
    assert not area.intersects(shapely.Point(*KYIV))
    assert area.within(country.buffer(0.01))
    # The line stops at the contested area rather than crossing it, and goes on beyond.
    assert line.intersection(area.buffer(-0.05)).length == pytest.approx(0, abs=1e-9)
    assert crossings(line, (30, 50.5), (34, 50.5)) == 1
    assert crossings(line, (30, 48.5), (34, 48.5)) == 0


def test_input_order_does_not_change_the_estimate(outline):
    places = grid(split)
    shuffled = places[:]
    random.Random(7).shuffle(shuffled)
    assert contact.estimate_contact(shuffled, outline) == contact.estimate_contact(places, outline)


@pytest.mark.parametrize(
    "places",
    [
        [],
        [(49.0, 30.0, "ukrainian")],
        [(49.0, 30.0, "russian")],
        [(49.0, 30.0, "ukrainian"), (49.5, 31.0, "ukrainian")],
        [(lat, lon, "ukrainian") for lat, lon, _ in grid(split)],
    ],
    ids=["none", "one", "one-russian", "two-alike", "all-ukrainian"],
)
def test_no_line_without_both_sides(outline, places):
    estimate = contact.estimate_contact(places, outline)
    assert estimate.line is None and estimate.contested is None and estimate.empty
    assert sum(estimate.counts.values()) == len(places)


def test_two_places_of_either_side_give_one_line_between_them(outline):
    estimate = contact.estimate_contact(
        [(49.0, 28.0, "ukrainian"), (49.0, 36.0, "russian")], outline
    )
    line = shape(estimate.line)
    assert crossings(line, (28.0, 49.0), (36.0, 49.0)) == 1
    assert 31.0 < shapely.get_coordinates(line)[:, 0].mean() < 33.0


def test_all_contested_shades_the_whole_country(outline, country):
    estimate = contact.estimate_contact(
        [(49.0, 31.0, "contested"), (47.0, 35.0, "contested")], outline
    )
    assert estimate.line is None
    assert shape(estimate.contested).area == pytest.approx(country.area, rel=0.01)


def test_places_at_one_point_that_disagree_make_it_contested(outline):
    places = [(49.0, 28.0, "ukrainian"), (49.0, 36.0, "russian"), (49.0, 36.0, "ukrainian")]
    estimate = contact.estimate_contact(places, outline)
    assert shape(estimate.contested).contains(shapely.Point(36.0, 49.0))
    assert estimate.line is None  # the Russian-held point is gone: only its contested cell


def test_bad_places_are_left_out_and_named(outline):
    places = [
        (49.0, 28.0, "ukrainian"),
        (49.0, 36.0, "occupied"),
        (float("nan"), 30.0, "russian"),
        (49.0, 200.0, "russian"),
        ("north", 30.0, "russian"),
        (49.0, 30.0),
        (49.0, 37.0, "russian"),
    ]
    estimate = contact.estimate_contact(places, outline, source="wikipedia-2023-05-01.csv")
    found = [(p.file, p.line, p.field) for p in estimate.problems]
    assert found == [
        ("wikipedia-2023-05-01.csv", 2, "status"),
        ("wikipedia-2023-05-01.csv", 3, "lat"),
        ("wikipedia-2023-05-01.csv", 4, "lon"),
        ("wikipedia-2023-05-01.csv", 5, "-"),
        ("wikipedia-2023-05-01.csv", 6, "-"),
    ]
    assert "'occupied' is not one of ukrainian, russian, contested" in str(estimate.problems[0])
    # The good places still make their line.
    assert estimate.counts == {"ukrainian": 1, "russian": 1, "contested": 0}
    assert crossings(shape(estimate.line), (28.0, 49.0), (37.0, 49.0)) == 1


def test_outline_needs_shapes():
    with pytest.raises(ValueError, match="outline"):
        contact.ukraine_outline({})


def rendered(layer: folium.FeatureGroup) -> str:
    fmap = folium.Map(tiles=None)
    layer.add_to(fmap)
    return fmap.get_root().render()


def test_layer_draws_line_and_area_with_the_caveat(outline):
    middle = {(48.25, 31.75)}
    places = grid(lambda lat, lon: "contested" if (lat, lon) in middle else split(lat, lon))
    layer = contact.contact_layer(contact.estimate_contact(places, outline), as_of="2023-05-01")
    html = rendered(layer)
    assert "MultiLineString" in html and "MultiPolygon" in html
    assert "Estimated from the places in Wikipedia&#x27;s list, not a surveyed front line" in html
    assert "2023-05-01" in layer.layer_name


def test_layer_of_nothing_is_empty_and_its_text_is_escaped(outline):
    layer = contact.contact_layer(contact.estimate_contact([], outline), as_of="<b>{{7*7}}</b>")
    html = rendered(layer)
    assert "MultiLineString" not in html and "MultiPolygon" not in html
    assert "<b>" not in layer.layer_name and "{{" not in layer.layer_name


def fronts() -> list[list[tuple[float, float, str]]]:
    """A few states of a moving front, one with a contested band and one with a bad place."""
    states = [
        grid(lambda lat, lon, f=front: "ukrainian" if lon < f else "russian")
        for front in (31, 33, 35)
    ]
    states.append(grid(lambda lat, lon: "contested" if abs(lon - 33) < 1 else split(lat, lon)))
    states.append([*states[0], (99.0, 30.0, "russian")])
    return states


def test_estimates_made_ahead_or_read_back_are_those_made_directly(outline):
    states = fronts()
    table = contact.Estimates(lambda: outline)
    table.make_ahead(states).join(timeout=60)
    assert len(table) == len(states)
    for places in states:
        direct = contact.estimate_contact(places, outline)
        assert table.get(places) == direct
        assert table.get(list(places)) is table.get(places)  # made once
    # Kept as rows and read back, as a later start does: equal again, without making the
    # outline; the estimate that left a place out is not kept, and is made anew.
    rows = table.rows()
    assert len(rows) == len(states) - 1
    assert set(rows[0]) == set(contact.ROW_FIELDS)
    outlines = []
    again = contact.Estimates(lambda: outlines.append(outline) or outline, rows)
    for places in states[:-1]:
        assert again.get(places) == contact.estimate_contact(places, outline)
    assert not outlines
    assert again.get(states[-1]) == contact.estimate_contact(states[-1], outline)
    assert again.get(states[-1]).problems and len(outlines) == 1


def test_work_ahead_stops_when_told_and_reports_only_when_done(outline):
    states = fronts()
    asked, finished = [], []
    table = contact.Estimates(lambda: outline)
    thread = table.make_ahead(
        states, go_on=lambda: not asked.append(1) and len(asked) <= 2, done=finished.append
    )
    thread.join(timeout=60)
    assert len(table) == 2 and not finished
    assert table.make_ahead(states) is thread  # once per table
    whole = contact.Estimates(lambda: outline)
    whole.make_ahead(states[:2], done=finished.append).join(timeout=60)
    assert finished == [whole]
