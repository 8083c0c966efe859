"""The map page's "Latest": the claims added most recently, with how long ago and the exact
time on hover, each a link to the map at its place and date."""

from __future__ import annotations

import dataclasses
import datetime as dt

import streamlit_folium
from streamlit.testing.v1 import AppTest

from frontline import store
from frontline.store.save import Batch, commit
from frontline.web.latest import latest_claims, latest_html, time_ago
from tests.conftest import ROOT

NOW = dt.datetime(2026, 12, 2, 12, 0, tzinfo=dt.UTC)


def test_how_long_ago_is_said_in_the_largest_whole_unit():
    assert time_ago(NOW - dt.timedelta(seconds=20), NOW) == "just now"
    assert time_ago(NOW - dt.timedelta(minutes=1), NOW) == "1 minute ago"
    assert time_ago(NOW - dt.timedelta(hours=5, minutes=59), NOW) == "5 hours ago"
    assert time_ago(NOW - dt.timedelta(days=1, hours=3), NOW) == "yesterday"
    assert time_ago(NOW - dt.timedelta(days=2), NOW) == "2 days ago"


def test_the_newest_saves_come_first_escaped_and_linked():
    claim = store.load_dataset(ROOT / "data").claims[0]
    claims = [
        dataclasses.replace(claim, claim_id="a", saved_at="2026-11-30T12:00:00Z"),
        dataclasses.replace(claim, claim_id="b", saved_at="2026-12-02T11:00:00Z"),
        dataclasses.replace(claim, claim_id="c", saved_at=""),  # saved before saved_at
    ]
    latest = latest_claims(claims)
    assert [c.claim_id for c in latest] == ["b", "a"]
    html = latest_html(latest, {claim.place_id: "<b>Kupiansk</b>"}, NOW)
    assert "<b>Kupiansk</b>" not in html and "&lt;b&gt;Kupiansk&lt;/b&gt;" in html
    assert f'href="?as_of={claim.date.isoformat()}&amp;place={claim.place_id}"' in html
    assert 'title="2026-12-02 11:00 UTC">1 hour ago</time>' in html
    assert 'title="2026-11-30 12:00 UTC">2 days ago</time>' in html
    assert latest_html([], {}, NOW) == ""


def test_the_map_page_lists_a_claim_just_saved(data_copy, monkeypatch):
    monkeypatch.setattr(streamlit_folium, "st_folium", lambda *_a, **_k: {})
    page = str(ROOT / "dashboard.py")
    before = AppTest.from_file(page, default_timeout=60).run()
    assert not any("fl-latest" in h.proto.body for h in before.get("html"))
    claim = next(c for c in store.load_dataset(data_copy).claims if c.place_id == "kupiansk")
    new = dataclasses.replace(claim, claim_id="c9999")
    assert commit(lambda _dataset: Batch(claims=(new,)), data_copy).added
    app = AppTest.from_file(page, default_timeout=60).run()
    assert not app.exception
    (latest,) = [h.proto.body for h in app.get("html") if "fl-latest" in h.proto.body]
    assert ">Kupiansk</a>" in latest and 'added <time datetime="' in latest
    assert f"?as_of={claim.date.isoformat()}&amp;place=kupiansk" in latest
