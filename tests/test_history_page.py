"""The History page: the changes newest first with who, when, what and why, as text; an
Undo button per change for whoever may write, checked when it is pressed."""

from __future__ import annotations

import pytest
from streamlit.testing.v1 import AppTest
from streamlit.testing.v1.util import patch_config_options

from frontline import access, store
from frontline.app import signin
from frontline.store import history
from tests.conftest import ROOT
from tests.test_history_cli import save
from tests.test_save_safety import data_files
from tests.test_signin_pages import editors  # noqa: F401 - a fixture

HOSTILE = '<script>alert("x")</script><img src=x onerror=alert(1)>'


def history_page(secrets: dict | None = None, signed_in: str | None = None) -> AppTest:
    app = AppTest.from_file(str(ROOT / "pages" / "6_History.py"), default_timeout=60)
    app.secrets.update(secrets or {})
    if signed_in:
        app.session_state[signin.SESSION_KEY] = signin.SignedIn(signed_in)
    return app.run()


def undo_buttons(app: AppTest) -> list:
    return [b for b in app.button if b.label == "Undo"]


def shown_html(app: AppTest) -> list[str]:
    return [h.proto.body for h in app.get("html")]


def forged_press(app: AppTest, button) -> AppTest:
    button._value = True  # what click() sets, without AppTest's browser-side check
    return app.run()


def test_no_changes_yet(data_copy):
    app = history_page()
    assert not app.exception
    assert "No change has been made" in app.info[0].value


def test_changes_are_listed_newest_first_with_who_when_what_why_as_text(data_copy):
    first = save(data_copy, 1, who="alice", why="a wire report")
    second = save(data_copy, 2, who="bob")
    with store.write_lock(data_copy):
        hostile = history.commit(
            data_copy, {"notes.txt": b"x"}, who=HOSTILE, kind="edit", summary=HOSTILE, why=HOSTILE
        )
    app = history_page()
    assert not app.exception
    changes = [h for h in shown_html(app) if 'class="fl-change"' in h]
    assert [h.split("<code>")[1].split("</code>")[0] for h in changes] == [
        hostile.id,
        second,
        first,
    ]
    assert "alice" in changes[2] and "Why: a wire report" in changes[2]
    assert "added article" in changes[2] and "claims.csv" in changes[2]
    assert "<script" not in changes[0] and "<img" not in changes[0]
    assert "&lt;script&gt;" in changes[0]
    assert len(undo_buttons(app)) == 3


def test_on_this_computer_with_no_editors_undo_restores_and_is_recorded(data_copy):
    before = data_files(data_copy)
    change = save(data_copy, 1)
    app = history_page()
    app.text_input(key="history-why").input("a mistaken save")
    undo_buttons(app)[0].click().run()
    assert app.success[0].value.startswith("Undone, recorded as change ")
    assert data_files(data_copy) == before
    changes = history.list_changes(data_copy)[0]
    assert [c.kind for c in changes] == ["article", "undo"]
    assert (changes[1].who, changes[1].why, changes[1].undoes) == (
        access.LOCAL_EDITOR,
        "a mistaken save",
        change,
    )
    # The undone change's button is disabled; the undo's own can bring it back.
    newest, undone = undo_buttons(app)
    assert undone.disabled and not newest.disabled
    assert any("Undone</b> by" in h for h in shown_html(app))


@pytest.mark.parametrize("address", ["0.0.0.0", "192.0.2.7"])
def test_on_a_network_address_with_no_editors_undo_is_off(data_copy, address):
    save(data_copy, 1)
    files = data_files(data_copy)
    with patch_config_options({"server.address": address}):
        app = history_page()
        assert "Editing is off" in app.info[0].value
        [button] = undo_buttons(app)
        assert button.disabled
        forged_press(app, button)
    assert data_files(data_copy) == files
    assert len(history.list_changes(data_copy)[0]) == 1


def test_with_editors_only_a_signed_in_editor_may_undo(data_copy, editors):  # noqa: F811
    before = data_files(data_copy)
    save(data_copy, 1)
    files = data_files(data_copy)
    app = history_page(editors)
    [button] = undo_buttons(app)
    assert button.disabled
    forged_press(app, button)
    assert not app.success
    assert data_files(data_copy) == files

    app = history_page(editors, signed_in="alice")
    undo_buttons(app)[0].click().run()
    assert app.success
    assert data_files(data_copy) == before
    assert history.list_changes(data_copy)[0][-1].who == "alice"


def test_an_undo_that_later_changes_block_says_why(data_copy):
    save(data_copy, 1)
    save(data_copy, 2)
    files = data_files(data_copy)
    app = history_page()
    undo_buttons(app)[1].click().run()  # the older one
    assert "later changes touched the same files" in app.error[0].value
    assert data_files(data_copy) == files


def test_a_damaged_history_line_is_named_and_the_rest_still_listed(data_copy):
    save(data_copy, 1)
    with open(data_copy / history.HISTORY_FILE, "ab") as log:
        log.write(b'{"id": "<b>not a change</b>"}\n')
    app = history_page()
    assert "Left out: " in app.warning[0].value and "history.jsonl" in app.warning[0].value
    assert len(undo_buttons(app)) == 1
