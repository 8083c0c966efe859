"""Limits on who can reach the dashboard and on what it reads: the listening address and the
upload and file sizes, stated once in frontline/limits.py."""

from __future__ import annotations

import subprocess
import tomllib

import pytest
from streamlit.testing.v1 import AppTest

from frontline import limits
from tests.conftest import ROOT


def _config() -> dict:
    return tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text(encoding="utf-8"))


def _make_run(*args: str) -> str:
    done = subprocess.run(
        ["make", "-n", "run", *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    )
    return done.stdout


def test_the_dashboard_listens_on_this_machine_only_by_default():
    assert _config()["server"]["address"] == "127.0.0.1"
    assert "--server.address 127.0.0.1" in _make_run()
    assert "--server.address 0.0.0.0" in _make_run("ADDRESS=0.0.0.0")


def test_one_article_limit_for_paste_and_upload_and_it_is_stated():
    app = AppTest.from_file(str(ROOT / "pages" / "4_Add_article.py"), default_timeout=120).run()
    # No max_chars: the browser would cut a longer paste without a word.
    assert not app.text_area(key="article_text").max_chars
    assert f"{limits.ARTICLE_CHARS:,} characters" in app.text_area(key="article_text").label
    assert limits.ARTICLE_LIMIT_TEXT in app.get("file_uploader")[0].help


def test_a_long_upload_is_kept_whole():
    # 300,000 characters were once cut to 200,000 without a word, losing the last claim.
    text = "Ukrainian forces said they had liberated Izium. " * 6_250
    assert len(text) == 300_000
    assert limits.decode_article_upload("long.txt", text.encode()) == (text, "")


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        (b"a" * (limits.ARTICLE_CHARS + 1), "more than the 1,000,000 an article may have"),
        ("ї".encode() * (limits.ARTICLE_CHARS + 1), "more than the 1,000,000"),
        (b"a" * (limits.ARTICLE_FILE_BYTES + 1), "bytes, more than an article"),
        (b"\xff\xfeabc", "not UTF-8 text (byte 0xff at position 0)"),
    ],
)
def test_an_upload_over_the_limit_is_refused_never_cut(raw, expected):
    text, error = limits.decode_article_upload("big.txt", raw)
    assert text is None
    assert error.startswith("`big.txt`: ") and expected in error


def test_control_uploads_have_a_limit_the_server_agrees_with():
    assert _config()["server"]["maxUploadSize"] == limits.CONTROL_FILE_MB
    small = ("2022-09-01.geojson", b"{}")
    assert limits.control_uploads_too_large((small,)) is None
    big = ("big.geojson", b" " * (limits.CONTROL_FILE_BYTES + 1))
    assert limits.control_uploads_too_large((small, big)) == "`big.geojson`: larger than 25 MB"
    many = tuple((f"{d}.geojson", b" " * limits.CONTROL_FILE_BYTES) for d in range(3))
    assert "come to 75 MB, more than the 50 MB allowed in all" in limits.control_uploads_too_large(
        many
    )
