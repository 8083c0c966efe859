"""The map's colours: contrast against what they are drawn on (WCAG 2.1, 1.4.11: 3:1 for the
parts of a graphic needed to read it) and apart from each other for colour-blind readers.

Contrast is WCAG's ratio of relative luminances. Colour blindness is simulated with Machado,
Oliveira and Fernandes (2009) at full severity, applied to linear RGB; two statuses count as
apart when their simulated colours are at least MIN_DELTA_E apart in CIELAB (ΔE*ab, CIE 1976:
about 2.3 is a just-noticeable difference, so 30 is plain at a glance, at marker size).
"""

from __future__ import annotations

import itertools
import re
from pathlib import Path

import numpy as np
import pytest
import xstatic.pkg.leaflet as xstatic_leaflet

from frontline import vocab
from frontline.web.markers import OUTLINE_STYLE, area_style, marker_style, record_style

MIN_CONTRAST = 3.0
MIN_DELTA_E = 30.0
WHITE = "#ffffff"
OSM_LAND = "#f2efe9"  # OpenStreetMap's land, where tiles load
# The offline ground is the grey Leaflet's own stylesheet gives the map's container.
_CSS = (Path(xstatic_leaflet.BASE_DIR) / "leaflet.css").read_text()
OFFLINE_GREY = re.search(r"\.leaflet-container \{\s*background: (#[0-9a-f]+);", _CSS).group(1)
BACKGROUNDS = (OFFLINE_GREY, OSM_LAND, WHITE)

SIMULATIONS = {
    "normal vision": np.eye(3),
    "protanopia": np.array(
        [
            [0.152286, 1.052583, -0.204868],
            [0.114503, 0.786281, 0.099216],
            [-0.003882, -0.048116, 1.051998],
        ]
    ),
    "deuteranopia": np.array(
        [
            [0.367322, 0.860646, -0.227968],
            [0.280085, 0.672501, 0.047413],
            [-0.011820, 0.042940, 0.968881],
        ]
    ),
    "tritanopia": np.array(
        [
            [1.255528, -0.076749, -0.178779],
            [-0.078411, 0.930809, 0.147602],
            [0.004733, 0.691367, 0.303900],
        ]
    ),
}


def srgb(colour: str) -> np.ndarray:
    hexa = colour.lstrip("#")
    if len(hexa) == 3:
        hexa = "".join(c * 2 for c in hexa)
    return np.array([int(hexa[i : i + 2], 16) / 255 for i in (0, 2, 4)])


def linear(rgb: np.ndarray) -> np.ndarray:
    return np.where(rgb <= 0.04045, rgb / 12.92, ((rgb + 0.055) / 1.055) ** 2.4)


def luminance(rgb: np.ndarray) -> float:
    return float(linear(rgb) @ [0.2126, 0.7152, 0.0722])


def contrast(a: np.ndarray, b: np.ndarray) -> float:
    dark, light = sorted((luminance(a), luminance(b)))
    return (light + 0.05) / (dark + 0.05)


def over(colour: str, opacity: float, background: np.ndarray) -> np.ndarray:
    """A colour drawn at an opacity over a background, as the browser blends it (in sRGB)."""
    return opacity * srgb(colour) + (1 - opacity) * background


def lab(linear_rgb: np.ndarray) -> np.ndarray:
    xyz = np.array([[0.4124, 0.3576, 0.1805], [0.2126, 0.7152, 0.0722], [0.0193, 0.1192, 0.9505]])
    t = xyz @ linear_rgb / np.array([0.95047, 1.0, 1.08883])
    f = np.where(t > (6 / 29) ** 3, np.cbrt(t), t / (3 * (6 / 29) ** 2) + 4 / 29)
    return np.array([116 * f[1] - 16, 500 * (f[0] - f[1]), 200 * (f[1] - f[2])])


def seen(colour: str, simulation: str) -> np.ndarray:
    """The colour in CIELAB as a reader with that vision sees it."""
    return lab(np.clip(SIMULATIONS[simulation] @ linear(srgb(colour)), 0, 1))


def closest_pair(colours: list[str], simulation: str) -> float:
    return min(
        float(np.linalg.norm(seen(a, simulation) - seen(b, simulation)))
        for a, b in itertools.combinations(colours, 2)
    )


def test_the_measures_agree_with_known_values():
    assert contrast(srgb("#000"), srgb("#fff")) == pytest.approx(21.0)
    assert contrast(srgb("#767676"), srgb(WHITE)) == pytest.approx(4.54, abs=0.01)
    assert OFFLINE_GREY == "#ddd"
    # The figures for the former contested yellow, which the checks below refuse.
    assert contrast(srgb("#F0E442"), srgb(OFFLINE_GREY)) == pytest.approx(1.03, abs=0.01)
    assert contrast(srgb("#F0E442"), srgb(WHITE)) == pytest.approx(1.32, abs=0.01)
    # Red and green, far apart to most readers, nearly merge with deuteranopia.
    assert closest_pair(["#d62728", "#2ca02c"], "normal vision") > 70
    assert closest_pair(["#d62728", "#2ca02c"], "deuteranopia") < 15


@pytest.mark.parametrize("background", BACKGROUNDS)
@pytest.mark.parametrize("status", vocab.STATUSES)
def test_every_status_colour_stands_out_from_the_map_and_the_page(status, background):
    colour = vocab.STATUS_COLOURS[status]
    assert contrast(srgb(colour), srgb(background)) >= MIN_CONTRAST, (status, background)


def _drawn(style: dict, background: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """(outline, fill) of a Leaflet path as drawn over a background."""
    fill = over(style["fillColor"], style["fillOpacity"], background)
    return over(style["color"], style.get("opacity", 1.0), background), fill


@pytest.mark.parametrize("background", BACKGROUNDS)
def test_every_marker_ring_and_area_outline_has_three_to_one(background):
    ground = srgb(background)
    for status, certainty in itertools.product(vocab.STATUSES, vocab.CERTAINTIES):
        for selected in (False, True):
            ring, fill = _drawn(marker_style(status, certainty, selected=selected), ground)
            # The ring stands out from the map around it and from a hollow marker's inside.
            assert contrast(ring, ground) >= MIN_CONTRAST, (status, certainty, background)
            assert contrast(ring, fill) >= MIN_CONTRAST or vocab.CERTAINTY_FILLED[certainty]
            # An oblast's area: its outline carries it; the wash is a tint of the same colour.
            outline, _ = _drawn(area_style(status, certainty, selected=selected), ground)
            assert contrast(outline, ground) >= MIN_CONTRAST, (status, certainty, background)
        record_ring, _ = _drawn(record_style(status), ground)
        assert contrast(record_ring, ground) >= MIN_CONTRAST, (status, background)
    oblast = over(OUTLINE_STYLE["color"], OUTLINE_STYLE["opacity"], ground)
    assert contrast(oblast, ground) >= MIN_CONTRAST
    assert contrast(srgb(vocab.NO_CLAIM_COLOUR), ground) >= MIN_CONTRAST


@pytest.mark.parametrize("simulation", SIMULATIONS)
def test_the_statuses_stay_apart_for_colour_blind_readers(simulation):
    colours = [vocab.STATUS_COLOURS[s] for s in vocab.STATUSES]
    assert closest_pair(colours, simulation) >= MIN_DELTA_E, simulation
