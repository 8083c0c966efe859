"""A record place is a 24 px touch target, though its dot stays small beside the news."""

from __future__ import annotations

import folium
import pandas as pd

from frontline.web.canvas import record_payload
from frontline.web.mapview import claims_layer
from frontline.web.markers import MARKER_RADIUS, RECORD_HIT_RADIUS, RECORD_RADIUS

RECORD = pd.DataFrame(
    {
        "place_id": ["balakliia", "izium"],
        "name": ["Balakliia", "Izium"],
        "lat": [49.46, 49.21],
        "lon": [36.86, 37.26],
        "status": ["ukrainian", "russian"],
    }
)


def test_the_record_dot_is_small_but_its_target_is_24_px_across():
    payload = record_payload(RECORD)
    assert payload["radius"][0] == RECORD_RADIUS < MARKER_RADIUS  # the news stays dominant
    assert 2 * payload["hitRadius"] >= 24
    assert payload["hitRadius"] == RECORD_HIT_RADIUS


def test_the_canvas_draws_an_invisible_hit_circle_over_each_record_dot():
    no_news = pd.DataFrame(columns=[*RECORD.columns, "kind", "oblast", "certainty"])
    fmap = folium.Map()
    claims_layer(no_news, {}, None, record=RECORD).add_to(fmap)
    html = fmap.get_root().render()
    script = html[html.index("var record = data.record") :]
    loop = script[: script.index("var perCertainty")]
    # The hit circle has no stroke, no visible fill, the record's tooltip and the hit radius.
    assert "radius: record.hitRadius" in loop
    assert "fillOpacity: 0" in loop and "stroke: false" in loop and "tip: look.tip" in loop
    assert f'"hitRadius":{RECORD_HIT_RADIUS},' in html
