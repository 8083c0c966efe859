"""The panel's notes on what changed about a place's claims: who, when and why from the
history, for a correction and for a retraction, and nothing for an untouched place."""

from __future__ import annotations

from streamlit.testing.v1 import AppTest

from frontline import store
from frontline.store import history
from frontline.store.corrections import Correction, correct_plan, retract_plan
from frontline.store.save import Author, commit
from frontline.web.claimnotes import claim_notes, claim_notes_html
from tests.conftest import ROOT

EDITOR = Author(who="alice", why="the outlet corrected its report", kind="edit")


def notes(root, place_id):
    return claim_notes(place_id, store.load_dataset(root).claims, history.list_changes(root)[0])


def test_a_corrected_claim_says_what_it_was_and_who_changed_it_when_and_why(data_copy):
    old = store.load_dataset(data_copy).claims[0]
    commit(correct_plan(old.claim_id, Correction(status="contested")), data_copy, EDITOR)
    [change] = history.list_changes(data_copy)[0]
    new_id = store.load_dataset(data_copy).claims[-1].claim_id
    [note] = notes(data_copy, old.place_id)
    assert note == (
        f"Claim {new_id} corrects claim {old.claim_id}: status was {old.status}, "
        f"{old.certainty}, {old.date.isoformat()}, changed on {change.when[:10]} by alice: "
        "the outlet corrected its report"
    )


def test_a_retracted_claim_says_why_and_other_places_have_no_notes(data_copy):
    claims = store.load_dataset(data_copy).claims
    old = claims[0]
    commit(retract_plan(old.claim_id, "a fabricated report"), data_copy, EDITOR)
    [note] = notes(data_copy, old.place_id)
    assert note.startswith(f"Claim {old.claim_id} ({old.status}, {old.date.isoformat()}) was ")
    assert "retracted: a fabricated report, changed on " in note and note.endswith(EDITOR.why)
    other = next(c.place_id for c in claims if c.place_id != old.place_id)
    assert notes(data_copy, other) == []


def test_a_note_without_its_change_in_the_history_still_says_what_changed(data_copy):
    old = store.load_dataset(data_copy).claims[0]
    commit(correct_plan(old.claim_id, Correction(status="contested")), data_copy, EDITOR)
    claims = store.load_dataset(data_copy).claims
    [note] = claim_notes(old.place_id, claims, [])
    assert note.endswith(f"status was {old.status}, {old.certainty}, {old.date.isoformat()}")


def test_the_map_panel_says_a_claim_corrects_an_earlier_one(data_copy):
    old = store.load_dataset(data_copy).claims[0]
    commit(correct_plan(old.claim_id, Correction(status="contested")), data_copy, EDITOR)
    app = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=60).run()
    app.selectbox(key="place").set_value(old.place_id).run()
    assert not app.exception
    [shown] = [h.proto.body for h in app.get("html") if 'class="fl-changed"' in h.proto.body]
    assert f"corrects claim {old.claim_id}: status was {old.status}" in shown
    assert "by alice: the outlet corrected its report" in shown


def test_a_reason_with_markup_is_shown_as_text(data_copy):
    old = store.load_dataset(data_copy).claims[0]
    commit(retract_plan(old.claim_id, "<script>alert(1)</script>"), data_copy, EDITOR)
    shown = claim_notes_html(old.place_id, store.load_dataset(data_copy).claims, data_copy)
    assert "<script>" not in shown and "&lt;script&gt;alert(1)&lt;/script&gt;" in shown


def test_a_claim_moved_to_another_place_is_noted_at_both(data_copy):
    dataset = store.load_dataset(data_copy)
    old = dataset.claims[0]
    other = next(p for p in dataset.places if p != old.place_id)
    commit(correct_plan(old.claim_id, Correction(place_id=other)), data_copy, EDITOR)
    assert len(notes(data_copy, old.place_id)) == 1
    [note] = notes(data_copy, other)
    assert f"corrects claim {old.claim_id}" in note
