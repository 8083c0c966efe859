"""Shared fixtures: copies of the data directory, and a running dashboard for browser tests."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import folium
import pytest
import streamlit_folium

ROOT = Path(__file__).resolve().parent.parent
DATA_DIR = ROOT / "data"
CHROMIUM = Path(os.environ.get("FRONTLINE_CHROMIUM", "/usr/bin/chromium"))
CHROMIUM_FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"]
ARTIFACTS = ROOT / "test-artifacts"
SERVER_START_SECONDS = 60


@pytest.fixture
def sent_layers(monkeypatch: pytest.MonkeyPatch) -> list[list[folium.FeatureGroup]]:
    """The feature groups the map page hands to the map, one list per run."""
    runs: list[list[folium.FeatureGroup]] = []

    def record(*_args, feature_group_to_add=None, **_kwargs):
        runs.append(list(feature_group_to_add or []))
        return {}

    monkeypatch.setattr(streamlit_folium, "st_folium", record)
    return runs


@pytest.fixture
def data_copy(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A private copy of the bundled data, selected through FRONTLINE_DATA_DIR (without the
    claims cache an earlier run may have left, which the copy builds afresh)."""
    target = tmp_path / "data"
    shutil.copytree(DATA_DIR, target, ignore=shutil.ignore_patterns(".cache"))
    monkeypatch.setenv("FRONTLINE_DATA_DIR", str(target))
    return target


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class Dashboard:
    """A `streamlit run dashboard.py` on 127.0.0.1, for one test module (or another page
    script, for the benchmarks)."""

    def __init__(
        self,
        data_dir: Path,
        log_path: Path,
        script: Path | str = "dashboard.py",
        options: tuple[str, ...] = (),  # more of streamlit's options, e.g. --secrets.files
    ):
        self.port = _free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.log_path = log_path
        env = {**os.environ, "FRONTLINE_DATA_DIR": str(data_dir)}
        self._log = log_path.open("w")
        self.process = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "streamlit",
                "run",
                str(script),
                "--server.headless",
                "true",
                "--server.address",
                "127.0.0.1",
                "--server.port",
                str(self.port),
                "--browser.gatherUsageStats",
                "false",
                "--server.fileWatcherType",
                "none",
                *options,
            ],
            cwd=ROOT,
            env=env,
            stdout=self._log,
            stderr=subprocess.STDOUT,
        )
        self._wait_healthy()

    def _wait_healthy(self) -> None:
        deadline = time.monotonic() + SERVER_START_SECONDS
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                break
            try:
                with urllib.request.urlopen(f"{self.url}/_stcore/health", timeout=2) as reply:
                    if reply.status == 200:
                        return
            except OSError:
                time.sleep(0.3)
        self.stop()
        raise RuntimeError(
            f"the dashboard did not start; its log:\n{self.log_path.read_text()[-3000:]}"
        )

    def stop(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
        self._log.close()


@pytest.fixture(scope="module")
def browser_data(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The data the module's dashboard serves; a module may add files before first use."""
    target = tmp_path_factory.mktemp("browser") / "data"
    shutil.copytree(DATA_DIR, target)
    return target


@pytest.fixture(scope="module")
def dashboard(browser_data: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Dashboard]:
    server = Dashboard(browser_data, tmp_path_factory.mktemp("logs") / "streamlit.log")
    yield server
    server.stop()


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    if not CHROMIUM.exists():
        if os.environ.get("CI"):
            pytest.fail(f"{CHROMIUM} is missing: CI must install Debian's chromium")
        pytest.skip(f"no Chromium at {CHROMIUM} (apt-get install chromium) — browser tests skipped")
    playwright_api = pytest.importorskip("playwright.sync_api")
    with playwright_api.sync_playwright() as playwright:
        instance = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_FLAGS)
        yield instance
        instance.close()


class RequestLog:
    """Every request a page makes, to check that nothing leaves the machine but tiles."""

    TILE_HOSTS = ("tile.openstreetmap.org",)

    def __init__(self) -> None:
        self.urls: list[str] = []

    def record(self, request) -> None:
        self.urls.append(request.url)

    def foreign(self) -> list[str]:
        from urllib.parse import urlparse

        outside = []
        for url in self.urls:
            parsed = urlparse(url)
            if parsed.scheme in ("data", "blob", "about"):
                continue
            host = parsed.hostname or ""
            if host == "127.0.0.1" or host.endswith(self.TILE_HOSTS):
                continue
            outside.append(url)
        return outside


@pytest.fixture
def page(browser, dashboard: Dashboard) -> Iterator[object]:
    """A fresh 1280×800 page whose requests are logged in page.request_log."""
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    new_page = context.new_page()
    log = RequestLog()
    new_page.on("request", log.record)
    new_page.request_log = log
    errors: list[str] = []
    new_page.on("pageerror", lambda error: errors.append(str(error)))
    new_page.page_errors = errors
    yield new_page
    context.close()


def save_screenshot(page, name: str) -> Path:
    ARTIFACTS.mkdir(exist_ok=True)
    path = ARTIFACTS / f"{name}.png"
    page.screenshot(path=str(path), full_page=False)
    print(f"screenshot saved: {path}")
    return path
