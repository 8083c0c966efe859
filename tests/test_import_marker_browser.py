"""In a real browser, a place an imported data set decides is drawn as a diamond and a news
place as a circle: the canvas's pixels are read where the two shapes differ (along an axis
the diamond reaches beyond the circle; on a diagonal the circle reaches beyond the diamond)."""

from __future__ import annotations

import io
from pathlib import Path

import pandas as pd
import xstatic.pkg.leaflet as xstatic_leaflet
from PIL import Image

from frontline.web.mapview import base_map, claims_layer
from frontline.web.markers import DIAMOND_SCALE, MARKER_RADIUS

LEAFLET = Path(xstatic_leaflet.BASE_DIR)
NEWS, IMPORTED = (49.71, 37.00), (49.71, 38.00)  # far enough apart at zoom 7


def state() -> pd.DataFrame:
    row = {
        "kind": "town",
        "oblast": "UA-63",
        "status": "ukrainian",
        "certainty": "confirmed",
        "source": "news",
    }
    return pd.DataFrame(
        [
            {**row, "place_id": "news", "name": "News town", "lat": NEWS[0], "lon": NEWS[1]}
            | {"article_id": "afp-1"},
            {**row, "place_id": "imp", "name": "Imported town", "lat": IMPORTED[0]}
            | {"lon": IMPORTED[1], "article_id": ""},
        ]
    )


def close(a: tuple, b: tuple, tolerance: int = 60) -> bool:
    return all(abs(x - y) <= tolerance for x, y in zip(a[:3], b[:3], strict=True))


def test_the_imported_place_is_a_diamond_and_the_news_place_a_circle(browser, tmp_path):
    fmap = base_map(
        (49.71, 37.5), "", (LEAFLET / "leaflet.js").as_uri(), (LEAFLET / "leaflet.css").as_uri()
    )
    claims_layer(state(), {}).add_to(fmap)
    page_file = tmp_path / "map.html"
    fmap.save(str(page_file))
    page = browser.new_page(viewport={"width": 900, "height": 600})
    page.route("http*://**", lambda route: route.abort())  # no tiles: nothing leaves
    page.goto(page_file.as_uri())
    page.locator("canvas[data-imported-drawn='1']").wait_for(timeout=30_000)
    name = fmap.get_name()
    centres = page.evaluate(
        f"(points) => points.map(p => {{ const c = window.{name}.latLngToContainerPoint(p);"
        f" const r = window.{name}.getContainer().getBoundingClientRect();"
        " return [r.left + c.x, r.top + c.y]; })",
        [list(NEWS), list(IMPORTED)],
    )
    shot = Image.open(io.BytesIO(page.screenshot())).convert("RGB")
    page.close()

    def pixel(centre, dx, dy):
        return shot.getpixel((round(centre[0] + dx), round(centre[1] + dy)))

    def reach(centre, ux: float, uy: float) -> float:
        """How far from the centre the marker's pixels go in a direction (in px)."""
        ground = pixel(centre, 40, 40)
        t = 0
        while t < 30 and not close(pixel(centre, t * ux, t * uy), ground):
            t += 1
        return t * (ux * ux + uy * uy) ** 0.5

    news, imported = centres
    for centre in centres:
        assert not close(pixel(centre, 0, 0), pixel(centre, 40, 40)), "no marker here"
    # A circle reaches as far on a diagonal as along an axis; a diamond, whose corners are
    # on the axes, reaches about 1/sqrt(2) as far on the diagonal.
    circle_axis, circle_diagonal = reach(news, 1, 0), reach(news, 1, 1)
    diamond_axis, diamond_diagonal = reach(imported, 1, 0), reach(imported, 1, 1)
    assert abs(circle_axis - circle_diagonal) <= 2.5, (circle_axis, circle_diagonal)
    assert diamond_diagonal < diamond_axis - 3, (diamond_axis, diamond_diagonal)
    assert diamond_axis >= MARKER_RADIUS * DIAMOND_SCALE  # as large a target as a marker
