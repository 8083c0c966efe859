"""Who may write, on the pages: the sidebar's sign-in and sign-out, the sentence on what
writing needs, and the check at save time that no button replay, widget value or link
parameter can get past."""

from __future__ import annotations

import pytest
from streamlit.testing.v1 import AppTest
from streamlit.testing.v1.util import patch_config_options

from frontline import access, store
from frontline.app import signin
from frontline.store import history
from tests.conftest import ROOT
from tests.test_add_article import REPORT, find

PASSWORD = "correct horse battery staple"
SAVE = "Save the kept claims"


@pytest.fixture(scope="module")
def editors() -> dict:
    return {"editors": {"alice": {"password_hash": access.hash_password(PASSWORD)}}}


@pytest.fixture(autouse=True)
def fresh_limiter():
    signin._limiter.clear()  # each test its own count of failed sign-ins
    yield
    signin._limiter.clear()


def add_article(secrets: dict | None = None, **query) -> AppTest:
    app = AppTest.from_file(str(ROOT / "pages" / "4_Add_article.py"), default_timeout=120)
    app.secrets.update(secrets or {})
    app.query_params.update(query)
    return app.run()


def texts(app: AppTest) -> list[str]:
    """Every text the page shows, in the main part and the sidebar, and every text box's
    value."""
    shown = [
        str(e.value)
        for kind in ("caption", "markdown", "error", "info", "success", "warning")
        for e in getattr(app, kind)
    ]
    return shown + [str(box.value) for box in app.text_input]


def said(app: AppTest, words: str) -> bool:
    return any(words in text for text in texts(app))


def save_button(app: AppTest):
    return next(b for b in app.button if b.label == SAVE)


def press_save(app: AppTest) -> AppTest:
    """Press Save as a hand-made or replayed message would, even while the button is
    disabled (AppTest refuses what a browser cannot do; a forged message need not)."""
    button = save_button(app)
    button._value = True  # what Button.click() sets, without its browser-side check
    return app.run()


def sign_in(app: AppTest, name: str, password: str) -> AppTest:
    app.text_input(key=signin.NAME_KEY).input(name)
    app.text_input(key=signin.PASSWORD_KEY).input(password)
    return next(b for b in app.button if b.label == "Sign in").click().run()


def data_files(root) -> dict[str, bytes]:
    return {
        str(p.relative_to(root)): p.read_bytes()
        for p in sorted(root.rglob("*"))
        if p.is_file() and not str(p.relative_to(root)).startswith(".")
    }


def test_on_this_computer_with_no_editors_writing_is_open_and_says_why(data_copy):
    app = find(add_article(), REPORT)
    assert said(app, "listens on 127.0.0.1 only and no editors are set")
    assert not save_button(app).disabled
    press_save(app)
    assert any(s.value.startswith("Saved:") for s in app.success)
    [change] = history.list_changes(data_copy)[0]
    assert (change.who, change.kind) == (access.LOCAL_EDITOR, "article")


def test_on_a_network_address_with_no_editors_writing_is_off_and_says_how_to_turn_it_on(
    data_copy,
):
    before = data_files(data_copy)
    with patch_config_options({"server.address": "0.0.0.0"}):  # noqa: S104 - read, not bound
        app = find(add_article(), REPORT)
        assert said(app, "Editing is off: the dashboard is served on every network address")
        assert said(app, "python -m frontline.access hash NAME")
        assert save_button(app).disabled
        press_save(app)
    assert not app.success
    assert data_files(data_copy) == before


def test_with_editors_a_signed_out_reader_cannot_save_by_replaying_the_button(data_copy, editors):
    before = data_files(data_copy)
    app = find(add_article(editors), REPORT)
    assert said(app, "Sign in as an editor to add or change data.")
    assert save_button(app).disabled
    press_save(app)
    assert not app.success
    assert data_files(data_copy) == before


def test_a_widget_value_or_link_parameter_naming_an_editor_signs_no_one_in(data_copy, editors):
    before = data_files(data_copy)
    app = add_article(editors, editor="alice", signed_in="alice", user="alice")
    app.session_state[signin.SESSION_KEY] = "alice"  # a value a widget could hold: no sign-in
    app = find(app, REPORT)
    assert save_button(app).disabled
    press_save(app)
    assert not app.success
    assert data_files(data_copy) == before


def test_an_editor_signs_in_saves_under_their_name_and_signs_out(data_copy, editors):
    app = add_article(editors)
    sign_in(app, "alice", "not the password")
    assert said(app, "Wrong name or password.")
    sign_in(app, "Alice", PASSWORD)
    assert said(app, "Signed in as alice")
    assert not any(PASSWORD in text for text in texts(app))  # nor in the form, cleared
    assert PASSWORD not in repr(app.session_state)
    find(app, REPORT)
    press_save(app)
    assert any(s.value.startswith("Saved:") for s in app.success)
    [change] = history.list_changes(data_copy)[0]
    assert change.who == "alice"
    assert PASSWORD not in (data_copy / history.HISTORY_FILE).read_text()

    next(b for b in app.button if b.label == "Sign out").click().run()
    assert said(app, "Signed out.")
    assert save_button(app).disabled
    press_save(app)
    assert not app.success
    assert len(history.list_changes(data_copy)[0]) == 1


def save_now_script() -> None:
    """A page whose Save button is never disabled: only the check at save time decides."""
    import streamlit as st

    from frontline.app import signin

    signin.sidebar()
    if st.button("Save now"):
        author = signin.author("why not")
        st.success(f"allowed as {author.who}" if author else "refused")


def save_now(secrets: dict, signed_in=None) -> AppTest:
    app = AppTest.from_function(save_now_script, default_timeout=30)
    app.secrets.update(secrets)
    if signed_in is not None:
        app.session_state[signin.SESSION_KEY] = signed_in
    app.run()
    next(b for b in app.button if b.label == "Save now").click().run()
    return app


def test_the_check_at_save_time_decides_from_the_session_alone(editors):
    assert save_now({}).success[0].value == f"allowed as {access.LOCAL_EDITOR}"
    refused = save_now(editors)
    assert refused.success[0].value == "refused"
    assert refused.error[0].value == "Not saved: Sign in as an editor to add or change data."
    assert save_now(editors, "alice").success[0].value == "refused"  # a string: no sign-in
    signed_in = save_now(editors, signin.SignedIn("alice"))
    assert signed_in.success[0].value == "allowed as alice"
    gone = save_now({"editors": {"bob": editors["editors"]["alice"]}}, signin.SignedIn("alice"))
    assert gone.success[0].value == "refused"  # alice is no longer an editor
    with patch_config_options({"server.address": "0.0.0.0"}):  # noqa: S104 - read, not bound
        assert save_now({}).success[0].value == "refused"


def test_sign_in_attempts_are_braked_after_five_failures(editors):
    app = add_article(editors)
    for _ in range(5):
        sign_in(app, "alice", "a wrong guess")
        assert said(app, "Wrong name or password.")
    sign_in(app, "alice", PASSWORD)  # the right password, but too soon
    assert said(app, "Too many failed sign-ins; try again in a minute.")
    assert not said(app, "Signed in as")
    assert save_button_absent_or_disabled(app)


def save_button_absent_or_disabled(app: AppTest) -> bool:
    return all(b.disabled for b in app.button if b.label == SAVE)


def test_an_editor_removed_from_the_secrets_is_signed_out(data_copy, editors):
    app = add_article(editors)
    sign_in(app, "alice", PASSWORD)
    assert said(app, "Signed in as alice")
    app.secrets.clear()
    app.secrets.update({"editors": {"bob": editors["editors"]["alice"]}})
    app.run()
    assert said(app, "Sign in as an editor")


def test_a_faulty_editors_table_keeps_writing_closed_and_names_the_key(data_copy):
    bad = {"editors": {"alice": {"password": PASSWORD}}}
    app = add_article(bad)
    assert said(app, "editors.alice.password: never store a password")
    assert said(app, "Sign in as an editor to add or change data.")
    assert not any(PASSWORD in text for text in texts(app))
    assert store.load_dataset(data_copy).problems == []
