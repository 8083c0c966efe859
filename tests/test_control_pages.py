"""The control maps on the pages, under Streamlit's AppTest: the layer and its legend on the
map page, the disagreements on the Data page, the areas on the Changes page."""

from __future__ import annotations

import datetime as dt
import math
from pathlib import Path

import folium
import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

from frontline.app.controlui import FILES_KEY
from frontline.control import CONTROL_DIR_ENV, load_control_files
from frontline.web import contact
from frontline.web.controlview import control_layer, legend_html
from tests.conftest import ROOT
from tests.controlmaps import (
    EARLY_FILE,
    KUPIANSK,
    box,
    collection,
    deepstate_files,
    feature,
    write_files,
)

TIMEOUT = 60
DASHBOARD = str(ROOT / "dashboard.py")
DATA_PAGE = str(ROOT / "pages" / "2_Data.py")
CHANGES_PAGE = str(ROOT / "pages" / "3_Changes.py")


@pytest.fixture
def control_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = write_files(tmp_path / "control", deepstate_files())
    monkeypatch.setenv(CONTROL_DIR_ENV, str(folder))
    return folder


def without_contact_line(groups: list[folium.FeatureGroup]) -> list[folium.FeatureGroup]:
    """The groups other than the record's estimated line of contact (a layer of its own)."""
    return [g for g in groups if not g.layer_name.startswith(contact.LAYER_NAME)]


def run(page: str) -> AppTest:
    app = AppTest.from_file(page, default_timeout=TIMEOUT).run()
    assert not app.exception, app.exception
    return app


def legend(app: AppTest) -> str:
    return " ".join(h.value for h in app.html if "Control map" in h.value)


def rings(group: folium.FeatureGroup) -> list[dict]:
    """The ring features of a control layer: points, each with its tooltip's text."""
    layers = [c for c in group._children.values() if isinstance(c, folium.GeoJson)]
    return [
        f for layer in layers for f in layer.data["features"] if f["geometry"]["type"] == "Point"
    ]


def test_the_map_shows_the_snapshot_in_force_and_rings_a_disagreement(control_dir, sent_layers):
    app = run(DASHBOARD)
    switch = next(c for c in app.checkbox if c.label == "Show the control map")
    assert switch.value is True
    assert "Control map of 2022-09-08" in legend(app) and EARLY_FILE in legend(app)
    control_group, claims_group = without_contact_line(sent_layers[-1])
    (ring,) = [r for r in rings(control_group) if r["geometry"]["coordinates"] == list(KUPIANSK)]
    assert "the control map of 2022-09-08 shows Russian-held" in ring["properties"]["text"]
    assert any(isinstance(c, folium.GeoJson) for c in control_group._children.values())

    switch.uncheck().run()
    assert len(without_contact_line(sent_layers[-1])) == 1  # the claims alone
    assert "Control map of" not in legend(app)


def test_before_the_first_snapshot_the_legend_says_so(control_dir, sent_layers):
    app = AppTest.from_file(DASHBOARD, default_timeout=TIMEOUT)
    app.query_params["as_of"] = "2022-03-15"
    app.run()
    assert "none on or before 2022-03-15" in legend(app)
    assert len(without_contact_line(sent_layers[-1])) == 1


def test_without_control_maps_the_map_page_is_unchanged(monkeypatch, sent_layers):
    monkeypatch.delenv(CONTROL_DIR_ENV, raising=False)
    app = run(DASHBOARD)
    assert not [c for c in app.checkbox if c.label == "Show the control map"]
    assert any(e.label == "Control maps: none loaded" for e in app.expander)
    assert len(without_contact_line(sent_layers[-1])) == 1


def test_the_data_page_lists_the_disagreement_with_both_statuses_and_dates(control_dir):
    app = run(DATA_PAGE)
    tables = [d.value for d in app.dataframe if "Control map shows" in d.value.columns]
    (table,) = tables
    kupiansk = table[table["Place"] == "Kupiansk"].iloc[0]
    assert kupiansk["Claim date"] == "2022-09-10"
    assert kupiansk["Claim says"] == "Ukrainian-held"
    assert kupiansk["Control map of"] == "2022-09-08"
    assert kupiansk["Control map shows"] == "Russian-held"
    assert any("disagree" in c.value for c in app.caption)


def test_the_changes_page_shows_the_areas(control_dir):
    app = run(CHANGES_PAGE)
    (table,) = [d.value for d in app.dataframe if "Russian-held, km²" in d.value.columns]
    assert list(table["Control map of"]) == ["2022-09-08", "2022-09-12"]
    # 1.3° × 1° of occupied ground around 49.8° N, then the eastern 0.5° × 1° of it.
    degree_km = math.radians(1) * 6371.0
    occupied = 1.3 * degree_km * math.cos(math.radians(49.8)) * degree_km
    assert table["Russian-held, km²"].iloc[0] == pytest.approx(occupied, rel=0.01)
    assert table["Russian-held, km²"].iloc[1] == pytest.approx(occupied * 0.5 / 1.3, rel=0.01)
    assert table["Russian-held, change"].iloc[0] == "—"
    assert table["Russian-held, change"].iloc[1].startswith("−")


def test_problems_in_the_control_maps_are_listed(control_dir, sent_layers):
    (control_dir / "2022-09-10.geojson").write_bytes(collection(date="2022-13-01"))
    app = run(DASHBOARD)
    (notice,) = [e for e in app.expander if "problem(s) in the control maps" in e.label]
    assert "2022-09-10.geojson:1: date:" in notice.code[0].value
    assert dt.date(2022, 9, 8).isoformat() in legend(app)  # the valid snapshots still show


def test_uploaded_maps_stand_in_for_the_folder_for_the_session(monkeypatch, sent_layers):
    monkeypatch.delenv(CONTROL_DIR_ENV, raising=False)
    files = tuple(deepstate_files())
    app = AppTest.from_file(DATA_PAGE, default_timeout=TIMEOUT)
    # What the uploader's callback keeps: AppTest cannot drive a file uploader itself.
    app.session_state[FILES_KEY] = (tuple((name, "test") for name, _ in files), files)
    app.run()
    (table,) = [d.value for d in app.dataframe if "Control map shows" in d.value.columns]
    assert "Kupiansk" in set(table["Place"])
    assert all(f == EARLY_FILE for f in table["Control file"])


def test_the_legend_and_the_ring_escape_what_the_files_say():
    hostile = "<img src=x onerror=alert(1)>`${1}`-2022-09-08.geojson"
    (snapshot,) = load_control_files(
        [(hostile, collection(feature({"status": "russian"}, box(37, 49, 38, 50))))],
        source="test",
    ).snapshots
    legend_text = legend_html(snapshot, dt.date(2022, 9, 9), snapshot.date)
    assert "<img" not in legend_text and "&lt;img" in legend_text
    assert "`" not in legend_text and "${" not in legend_text
    row = {
        "name": "<b>Kupiansk</b>",
        "lat": KUPIANSK[1],
        "lon": KUPIANSK[0],
        "date": pd.Timestamp("2022-09-10"),
        "date_end": pd.Timestamp("2022-09-10"),
        "date_precision": "day",
        "status": "ukrainian",
        "certainty": "claimed",
        "control_date": snapshot.date,
        "control_status": "russian",
    }
    layer = control_layer(snapshot, pd.DataFrame([row]))
    (ring,) = rings(layer)
    assert ring["properties"]["text"].startswith("&lt;b&gt;Kupiansk&lt;/b&gt;: the claim")
    assert "<b>Kupiansk" not in folium.Map().add_child(layer).get_root().render()
