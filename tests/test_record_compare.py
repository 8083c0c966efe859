"""News against the record: the record's status of each claim's place on the claim's date,
the disagreements, and how the pages show them."""

from __future__ import annotations

import folium
import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

from frontline.record.compare import against_record, record_disagreements
from frontline.web.controlview import RECORD_RING_LAYER
from tests.conftest import ROOT

D = pd.Timestamp


def news(*rows: tuple[str, str, str, str]) -> pd.DataFrame:
    return pd.DataFrame(
        [{"claim_id": c, "place_id": p, "date": D(d), "status": s} for c, p, d, s in rows]
    )


def record(*rows: tuple[str, str, str, str]) -> pd.DataFrame:
    return pd.DataFrame(
        [
            {
                "place_id": p,
                "date": D(d),
                "status": s,
                "title": f"revision {i}",
                "event": e,
                "outlet": "Wikipedia",
            }
            for i, (p, d, s, e) in enumerate(rows)
        ]
    )


RECORD = record(
    ("izium", "2022-03-01", "ukrainian", "held"),
    ("izium", "2022-04-01", "russian", "held"),
    ("izium", "2022-09-10", "ukrainian", "held"),
    ("lyman", "2022-09-01", "contested", "disputed"),
)


def test_each_claim_meets_the_records_latest_entry_on_or_before_its_date():
    claims = news(
        ("c3", "izium", "2022-09-11", "ukrainian"),
        ("c1", "izium", "2022-02-24", "russian"),
        ("c2", "izium", "2022-04-01", "ukrainian"),
        ("c4", "balakliia", "2022-09-09", "ukrainian"),
        ("c5", "lyman", "2022-09-11", "russian"),
    )
    compared = against_record(claims, RECORD)
    assert list(compared["claim_id"]) == ["c3", "c1", "c2", "c4", "c5"]  # order kept
    assert list(compared["record_status"].fillna("")) == [
        "ukrainian",
        "",
        "russian",
        "",
        "contested",
    ]
    assert compared.loc[1, "record_date"] is pd.NaT
    assert compared.loc[4, "record_disputed"]
    flagged = record_disagreements(compared)
    assert list(flagged["claim_id"]) == ["c2", "c5"]


def test_a_claim_of_no_status_or_with_no_record_is_never_a_disagreement():
    claims = news(("c1", "izium", "2022-05-01", ""), ("c2", "kherson", "2022-05-01", "russian"))
    assert record_disagreements(against_record(claims, RECORD)).empty
    assert record_disagreements(against_record(claims, RECORD.iloc[0:0])).empty


@pytest.fixture
def lyman_russian(data_copy):
    """The seed's Lyman claim turned Russian-held: the record had Lyman contested then."""
    claims = data_copy / "claims.csv"
    text = claims.read_text(encoding="utf-8")
    claims.write_text(text.replace(",day,contested,fighting,", ",day,russian,fighting,", 1))
    return data_copy


def test_the_map_rings_a_claim_the_record_contradicts_and_the_data_page_lists_it(
    lyman_russian, sent_layers
):
    sent = sent_layers
    app = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=60).run()
    assert not app.exception
    (rings,) = [g for g in sent[-1] if g.layer_name == RECORD_RING_LAYER]
    (geojson,) = [c for c in rings._children.values() if isinstance(c, folium.GeoJson)]
    (feature,) = geojson.data["features"]
    assert "Lyman" in feature["properties"]["text"]
    assert "Wikipedia&#x27;s list had Contested" in feature["properties"]["text"]
    assert any("dashed ring" in h.value for h in app.html)

    data_page = AppTest.from_file(str(ROOT / "pages" / "2_Data.py"), default_timeout=60).run()
    (table,) = [d.value for d in data_page.dataframe if "Record shows" in d.value.columns]
    assert list(table["Place"]) == ["Lyman"]
    assert list(table["Claim says"]) == ["Russian-held"]
    assert list(table["Record shows"]) == ["Contested / grey zone"]
