"""What keeps a reader who has not signed in away from every write: no link parameter on a
writing page writes, XSRF protection stays on, every upload is bounded in size and type,
and the server serves nothing from data/, .git, .streamlit/ or the lock file."""

from __future__ import annotations

import ast
import http.client
import tomllib

import pytest
from streamlit.testing.v1 import AppTest

from frontline import limits, store
from frontline.store import history
from tests.conftest import ROOT
from tests.test_history_cli import save
from tests.test_save_safety import data_files
from tests.test_signin_pages import editors  # noqa: F401 - a fixture

WRITING_PAGES = ["pages/4_Add_article.py", "pages/5_Import.py", "pages/6_History.py"]
PAGE_FILES = [
    "dashboard.py",
    *sorted(str(p.relative_to(ROOT)) for p in (ROOT / "pages").glob("*.py")),
]
# What a link could carry to try to sign in, save or undo.
HOSTILE_QUERY = {
    "editor": "alice",
    "user": "alice",
    "signed_in": "true",
    "fl-signed-in": "alice",
    "password": "x",
    "save": "1",
    "undo": "",
    "history-why": "by link",
}


@pytest.mark.parametrize("page", WRITING_PAGES)
def test_no_link_parameter_on_a_writing_page_writes(data_copy, editors, page):  # noqa: F811
    change = save(data_copy, 1)
    files = data_files(data_copy)
    app = AppTest.from_file(str(ROOT / page), default_timeout=120)
    app.secrets.update(editors)
    app.query_params.update({**HOSTILE_QUERY, "undo": change, "id": change})
    app.run()
    assert not app.exception
    assert all(b.disabled for b in app.button if b.label in ("Undo", "Save the kept claims"))
    assert data_files(data_copy) == files
    assert len(history.list_changes(data_copy)[0]) == 1


def test_xsrf_protection_stays_on():
    config = tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text())
    assert config["server"].get("enableXsrfProtection", True) is True
    assert config["server"].get("enableCORS", True) is True  # off would turn XSRF off too
    for path in [ROOT / "Makefile", *ROOT.glob("scripts/*"), *ROOT.glob("frontline/serve*.py")]:
        text = path.read_text(errors="replace") if path.is_file() else ""
        assert "enableXsrfProtection" not in text, path
        assert "enableCORS" not in text, path


def _uploaders() -> list[tuple[str, ast.Call]]:
    calls = []
    for path in [*(ROOT / p for p in PAGE_FILES), *(ROOT / "frontline" / "app").glob("*.py")]:
        for node in ast.walk(ast.parse(path.read_text())):
            if isinstance(node, ast.Call) and getattr(node.func, "attr", "") == "file_uploader":
                calls.append((path.name, node))
    return calls


def test_every_upload_names_its_types_and_states_its_limit():
    uploaders = _uploaders()
    assert {name for name, _ in uploaders} == {"4_Add_article.py", "5_Import.py", "controlui.py"}
    for name, call in uploaders:
        keywords = {k.arg for k in call.keywords}
        assert "type" in keywords, name
        # The limit is stated (help, or the label with the uploader's own limit) and checked
        # (a callback, or the Import page's check of its uploads before it reads them).
        assert "help" in keywords or "max_upload_size" in keywords, name
        assert "on_change" in keywords or name == "5_Import.py", name
    config = tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text())
    # The server refuses any file above the largest limit before a page sees it.
    assert config["server"]["maxUploadSize"] * 1024 * 1024 == limits.CONTROL_FILE_BYTES
    assert limits.ARTICLE_FILE_BYTES < limits.CONTROL_FILE_BYTES


@pytest.fixture(scope="module")
def served(browser_data, dashboard):
    # What must never be served: files of the repository's data/ and of the served copy.
    (browser_data / history.HISTORY_FILE).write_text('{"who": "a secret line"}\n')
    (browser_data / store.LOCK_FILE).write_text("")
    return dashboard


def _get(port: int, path: str) -> tuple[int, bytes]:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    try:
        connection.request("GET", path)  # sent as written: no client-side .. folding
        reply = connection.getresponse()
        return reply.status, reply.read()
    finally:
        connection.close()


PRIVATE = {
    "data/claims.csv": "claim_id,",
    "data/articles.csv": "article_id,",
    ".streamlit/config.toml": "enableStaticServing",
    ".streamlit/secrets.toml.example": "password_hash",
    ".git": "gitdir",
    "pyproject.toml": "[project]",
}


@pytest.mark.parametrize(
    "path",
    [
        f"{prefix}{name}"
        for name in [*PRIVATE, "data/.frontline.lock", "data/history.jsonl", ".frontline.lock"]
        for prefix in (
            "/",
            "/app/static/../",
            "/app/static/%2e%2e/",
            "/app/static/..%2f",
            "/media/../",
        )
    ]
    + ["/history.jsonl", "/app/static/history.jsonl", "/app/static/.frontline.lock"],
)
def test_the_server_serves_nothing_from_the_data_git_or_streamlit_folders(served, path):
    shell_status, shell = _get(served.port, "/")
    status, body = _get(served.port, path)
    # Either refused, or the app's own page (Streamlit answers unknown paths with it).
    assert status in (400, 403, 404) or (status == 200 and body == shell), (status, body[:200])
    for marker in [*PRIVATE.values(), "a secret line"]:
        assert marker.encode() not in body


def test_the_running_server_refuses_an_upload_without_its_xsrf_token(served):
    connection = http.client.HTTPConnection("127.0.0.1", served.port, timeout=30)
    try:
        body = (
            b"--b\r\nContent-Disposition: form-data; name=file; filename=a.txt\r\n\r\n"
            b"x\r\n--b--\r\n"
        )
        connection.request(
            "PUT",
            "/_stcore/upload_file/a-session/a-file",
            body=body,
            headers={"Content-Type": "multipart/form-data; boundary=b"},
        )
        assert connection.getresponse().status == 403
    finally:
        connection.close()
