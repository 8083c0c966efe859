"""Signing in as an editor in a real browser, with the editors given in a secrets file
outside the repository: signed out the save is off, the right password names the editor,
a wrong one says so without showing it."""

from __future__ import annotations

import pytest

from frontline import access
from tests.conftest import Dashboard
from tests.mapbrowser import WAIT_MS, find_claims_on_add_article
from tests.test_add_article_browser import REPORT

pytestmark = pytest.mark.browser

PASSWORD = "correct horse battery staple"
WRONG = "not-the-password-4711"


@pytest.fixture(scope="module")
def dashboard(browser_data, tmp_path_factory):
    secrets = tmp_path_factory.mktemp("secrets") / "secrets.toml"
    hashed = access.hash_password(PASSWORD)
    secrets.write_text(f'[editors.alice]\npassword_hash = "{hashed}"\n')
    log = tmp_path_factory.mktemp("logs") / "streamlit.log"
    server = Dashboard(browser_data, log, options=("--secrets.files", str(secrets)))
    yield server
    server.stop()


def sign_in(page, password: str) -> None:
    sidebar = page.locator('[data-testid="stSidebar"]')
    expander = sidebar.get_by_text("Editors", exact=True)
    password_box = sidebar.get_by_role("textbox", name="Password", exact=True)
    if not password_box.is_visible():
        expander.click()
    sidebar.get_by_role("textbox", name="Editor's name").fill("alice")
    password_box.fill(password)
    sidebar.get_by_role("button", name="Sign in").click()


def test_signed_out_the_save_is_off_and_the_page_says_editing_needs_an_editor(page, dashboard):
    find_claims_on_add_article(page, dashboard.url, REPORT)
    page.get_by_text("2 candidate claim(s)").wait_for(timeout=WAIT_MS)
    assert page.get_by_role("button", name="Save the kept claims").is_disabled()
    # Beside the button, not only in the folded sidebar.
    notice = page.locator('[data-testid="stAlert"]')
    notice.get_by_text("Sign in as an editor to add or change data.").wait_for(timeout=WAIT_MS)


def test_the_right_password_names_the_editor_in_the_sidebar(page, dashboard):
    page.goto(dashboard.url + "/Add_article")
    sign_in(page, PASSWORD)
    sidebar = page.locator('[data-testid="stSidebar"]')
    sidebar.get_by_text("Signed in as alice").first.wait_for(timeout=WAIT_MS)
    sidebar.get_by_role("button", name="Sign out").wait_for(timeout=WAIT_MS)


def test_a_wrong_password_says_so_without_showing_it(page, dashboard):
    page.goto(dashboard.url + "/Add_article")
    sign_in(page, WRONG)
    page.get_by_text("Wrong name or password.").wait_for(timeout=WAIT_MS)
    assert WRONG not in page.content()
    assert not page.get_by_text("Signed in as alice").count()
