"""The Data page's panel for correcting or retracting a claim: open to whoever may write,
checked when pressed, the old claim kept and the history told why."""

from __future__ import annotations

from streamlit.testing.v1 import AppTest

from frontline import store
from frontline.app import claimedit, signin
from frontline.store import history
from tests.conftest import ROOT
from tests.test_save_safety import data_files
from tests.test_signin_pages import editors  # noqa: F401 - a fixture


def data_page(secrets: dict | None = None, claim_id: str = "c0002") -> AppTest:
    app = AppTest.from_file(str(ROOT / "pages" / "2_Data.py"), default_timeout=120)
    app.secrets.update(secrets or {})
    app.run()
    app.text_input(key=claimedit.ID_KEY).input(claim_id).run()
    return app


def button(app: AppTest, label: str):
    return next(b for b in app.button if b.label == label)


def test_a_correction_from_the_data_page_keeps_the_old_claim(data_copy):
    app = data_page()
    assert not app.exception
    app.selectbox(key="fix-status-c0002").set_value("contested")
    app.text_input(key="fix-why-c0002").input("the outlet corrected it")
    button(app, "Save the correction").click().run()
    assert not app.exception
    assert "corrected claim c0002 as" in app.success[0].value
    claims = {c.claim_id: c for c in store.load_dataset(data_copy).claims}
    new = claims[claims["c0002"].superseded_by]
    assert new.status == "contested"
    [change] = history.list_changes(data_copy)[0]
    assert (change.who, change.why) == ("local", "the outlet corrected it")


def test_a_retraction_needs_a_reason(data_copy):
    files = data_files(data_copy)
    app = data_page()
    button(app, "Retract the claim").click().run()
    assert "give the reason" in app.error[0].value
    assert data_files(data_copy) == files
    app.text_input(key="fix-why-c0002").input("the report was withdrawn")
    button(app, "Retract the claim").click().run()
    retracted = next(c for c in store.load_dataset(data_copy).claims if c.claim_id == "c0002")
    assert retracted.retracted == "the report was withdrawn"


def test_a_signed_out_reader_cannot_correct_or_retract(data_copy, editors):  # noqa: F811
    files = data_files(data_copy)
    app = data_page(editors)
    app.text_input(key="fix-why-c0002").input("by a reader")
    for label in ("Save the correction", "Retract the claim"):
        assert button(app, label).disabled
        button(app, label)._value = True  # a forged press, past AppTest's browser check
        app.run()
    assert not app.success
    assert data_files(data_copy) == files
    app.session_state[signin.SESSION_KEY] = signin.SignedIn("alice")
    app.run()
    button(app, "Retract the claim").click().run()
    assert history.list_changes(data_copy)[0][-1].who == "alice"


def test_an_unknown_claim_id_is_quoted_back_as_text(data_copy):
    app = data_page(claim_id="<b>c9</b>")
    assert "No current claim `<b>c9</b>`." in app.warning[-1].value


def test_a_place_corrected_from_the_data_page_is_one_of_the_gazetteer(data_copy):
    old = next(c for c in store.load_dataset(data_copy).claims if c.claim_id == "c0002")
    app = data_page()
    place = app.selectbox(key="fix-place-c0002")
    assert place.value == old.place_id
    other = next(p for p in place.options if p != place.format_func(old.place_id))
    place.select(other)
    app.text_input(key="fix-why-c0002").input("the wrong village")
    button(app, "Save the correction").click().run()
    assert not app.exception
    new = store.load_dataset(data_copy).claims[-1]
    assert new.place_id != old.place_id
    assert store.load_dataset(data_copy).places[new.place_id].name == other
