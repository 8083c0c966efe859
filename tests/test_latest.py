"""The map page's "Latest": the claims added most recently, with how long ago and the exact
time on hover, and the newest changes of status, with how many days ago; each a link to the
map at its place and date."""

from __future__ import annotations

import dataclasses
import datetime as dt

import streamlit_folium
from streamlit.testing.v1 import AppTest

from frontline import store
from frontline.store.save import Batch, commit
from frontline.timeline import claims_table
from frontline.web.changes import change_log
from frontline.web.latest import days_ago, latest_changes, latest_claims, latest_html, time_ago
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
    (listed,) = [h.proto.body for h in before.get("html") if "fl-latest" in h.proto.body]
    assert "Claims added" not in listed and "Changes of status" in listed
    claim = next(c for c in store.load_dataset(data_copy).claims if c.place_id == "kupiansk")
    new = dataclasses.replace(claim, claim_id="c9999")
    assert commit(lambda _dataset: Batch(claims=(new,)), data_copy).added
    app = AppTest.from_file(page, default_timeout=60).run()
    assert not app.exception
    (latest,) = [h.proto.body for h in app.get("html") if "fl-latest" in h.proto.body]
    assert ">Kupiansk</a>" in latest and 'added <time datetime="' in latest
    assert f"?as_of={claim.date.isoformat()}&amp;place=kupiansk" in latest


def test_days_ago_counts_whole_days_before_today():
    today = dt.date(2026, 12, 2)
    assert days_ago(today, today) == "today"
    assert days_ago(dt.date(2026, 12, 1), today) == "yesterday"
    assert days_ago(dt.date(2026, 11, 22), today) == "10 days ago"


def test_the_newest_changes_of_status_come_from_the_change_log_newest_first():
    log = change_log(claims_table(store.load_dataset(ROOT / "data")))
    changes = latest_changes(log)
    assert not changes.empty and set(changes["kind"]) <= {"status", "disputed"}
    assert list(changes["date"]) == sorted(changes["date"], reverse=True)
    # A first report or a certainty change is not a change of status.
    assert len(changes) < len(log)
    entry = changes.iloc[0]
    html = latest_html([], {}, NOW, changes.head(1), base_path="frontline")
    day = entry["date"].isoformat()
    assert f'href="/frontline/?as_of={day}&amp;place={entry["place_id"]}"' in html
    assert f">{days_ago(entry['date'], NOW.date())}</time>" in html
    assert "Changes of status" in html and "Claims added" not in html
    escaped = changes.head(1).assign(name="<b>X</b>")
    assert "<b>X</b>" not in latest_html([], {}, NOW, escaped)


def test_the_map_page_lists_the_newest_change_of_status(data_copy, monkeypatch):
    monkeypatch.setattr(streamlit_folium, "st_folium", lambda *_a, **_k: {})
    app = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=60).run()
    assert not app.exception
    (latest,) = [h.proto.body for h in app.get("html") if "fl-latest" in h.proto.body]
    entry = latest_changes(change_log(claims_table(store.load_dataset(data_copy)))).iloc[0]
    assert f">{entry['name']}</a>: " in latest
    assert f"/?as_of={entry['date'].isoformat()}&amp;place={entry['place_id']}" in latest
    assert "days ago</time>" in latest
