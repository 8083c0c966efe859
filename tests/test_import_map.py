"""Saved imported claims on the map: a place known only from an import is drawn, counts in
the assessment, and its panel shows the imported card with its provenance, not a news card."""

from __future__ import annotations

import folium
from streamlit.testing.v1 import AppTest

from frontline.store import load_dataset
from tests.conftest import ROOT
from tests.test_import_page import PAGE, button, fixture, upload

NEW_PLACE = "Zelenyi Hai Testovyi"  # only the ACLED fixture speaks of it


def save_acled() -> None:
    app = AppTest.from_file(PAGE, default_timeout=120).run()
    upload(app, "acled", fixture("acled.csv"))
    button(app, "Preview").click().run()
    button(app, "Save").click().run()
    assert not app.exception


def drawn(layers) -> str:
    """The map's layers as the browser gets them."""
    fmap = folium.Map(tiles=None)
    for group in layers:
        group.add_to(fmap)
    return fmap.get_root().render()


def test_a_place_known_only_from_an_import_is_on_the_map_and_selectable(data_copy, sent_layers):
    before = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=120)
    before.query_params["as_of"] = "2022-09-11"
    before.run()
    assert NEW_PLACE not in drawn(sent_layers[-1])

    save_acled()
    (place,) = [p for p in load_dataset(data_copy).places.values() if p.name == NEW_PLACE]
    app = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=120)
    app.query_params["as_of"] = "2022-09-11"
    app.query_params["place"] = place.place_id
    app.run()
    assert not app.exception
    assert NEW_PLACE in drawn(sent_layers[-1])
    cards = "".join(h.proto.body for h in app.get("html"))
    assert "ACLED" in cards and "acled.csv" in cards
    assert any("imported data sets" in c.value for c in app.caption)
    assert not any("news claim(s)" in c.value for c in app.caption)  # not a news article


def test_the_data_page_lists_imported_claims_once_in_their_own_section(data_copy):
    save_acled()
    app = AppTest.from_file(str(ROOT / "pages" / "2_Data.py"), default_timeout=120).run()
    assert not app.exception
    sources = [set(d.value["Source"]) for d in app.dataframe if "Source" in d.value.columns]
    assert sources and not any("acled-UKR90005" in s for s in sources)
    claims = [set(d.value["Claim"]) for d in app.dataframe if "Claim" in d.value.columns]
    assert claims and not any("acled-UKR90005" in c for c in claims)  # not a news claim
    assert any("Imported claims" in h.value for h in app.subheader)
    assert [b for b in app.get("download_button") if "Imported claims" in b.proto.label]


def test_the_panel_shows_the_newest_imported_cards_and_counts_the_rest(data_copy):
    """A data set may hold tens of thousands of rows about one place: the panel draws the
    newest PANEL_CARDS_MAX and says how many there are."""
    import datetime as dt

    import pandas as pd

    from frontline.importers.batch import make_matcher
    from frontline.importers.saved import load_saved, save_import
    from frontline.web.imported import PANEL_CARDS_MAX, imported_frame, panel_cards
    from tests.test_importers import FIXTURES

    save_import("acled", [FIXTURES / "acled.csv"], make_matcher(data_copy), data_copy)
    places = load_dataset(data_copy).places
    one = imported_frame(load_saved(data_copy, places).frame, places).iloc[:1]
    many = pd.concat([one] * (PANEL_CARDS_MAX + 70), ignore_index=True)
    many["date"] = [pd.Timestamp(dt.date(2022, 9, 1)) - pd.Timedelta(days=i) for i in many.index]
    caption, cards = panel_cards(many)
    assert cards.count('class="fl-card fl-imported"') == PANEL_CARDS_MAX
    assert f"{PANEL_CARDS_MAX + 70} claim(s)" in caption
    assert f"The newest {PANEL_CARDS_MAX} are shown" in caption
    assert (
        "2022-09-01" in cards
        and (dt.date(2022, 9, 1) - dt.timedelta(days=119)).isoformat() not in cards
    )
    few_caption, few_cards = panel_cards(many.head(3))
    assert few_cards.count("fl-imported") == 3 and "are shown" not in few_caption
