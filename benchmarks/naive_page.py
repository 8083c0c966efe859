"""The naive map page the benchmarks compare against: one folium.Marker with a popup per
counting claim, the whole map rebuilt and sent again on every rerun.

    streamlit run benchmarks/naive_page.py   (FRONTLINE_DATA_DIR selects the data)

Not part of the app. It shares the data load and the served Leaflet with the real page, so
that only the drawing differs.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import folium
import pandas as pd
import streamlit as st
from streamlit_folium import st_folium

from frontline.app.ui import app_data
from frontline.store.boundaries import display_shapes
from frontline.timeline import Filters, claims_counting
from frontline.web.assets import install_static_assets, leaflet_urls
from frontline.web.mapview import base_map, outlines_json
from frontline.web.text import escape_html

ROOT = Path(__file__).resolve().parent.parent


def naive_map(claims: pd.DataFrame, center, shapes, oblasts) -> folium.Map:
    fmap = base_map(center, outlines_json(shapes, oblasts), *leaflet_urls())
    for row in claims.itertuples():
        folium.Marker(
            [row.lat, row.lon],
            popup=folium.Popup(escape_html(f"{row.name}: {row.quote}"), max_width=300),
            tooltip=escape_html(f"{row.name} — {row.status}"),
        ).add_to(fmap)
    return fmap


def main() -> None:
    install_static_assets(ROOT / "static")
    data = app_data()
    as_of = st.slider(
        "Map as of",
        min_value=data.first,
        max_value=data.last,
        value=data.last,
        step=dt.timedelta(days=1),
    )
    counting = claims_counting(data.claims, Filters(as_of=as_of))
    st.markdown(f"{len(counting)} claims shown as of {as_of.isoformat()}")
    st_folium(
        naive_map(counting, data.center, display_shapes(data.oblast_shapes), data.dataset.oblasts),
        key="map",
        height=480,
        use_container_width=True,
    )


if __name__ == "__main__":
    main()
