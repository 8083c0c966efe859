"""Redraw the README's pictures of the map page: docs/dashboard.png (1400×900, scrolled to the
map and the passages) and docs/phone.png (390×844, the first screen), both as of
2022-09-11 with Kupiansk chosen and the Kharkiv front in view, on the bundled data.

    .venv/bin/python scripts/screenshots.py [--out docs] [--chromium /usr/bin/chromium]

It serves a copy of data/ with `streamlit run dashboard.py` on 127.0.0.1 and draws the page in
Chromium without the internet (tiles then stay grey: the map is the offline one).
"""

from __future__ import annotations

import argparse
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
VIEW = "/?as_of=2022-09-11&place=kupiansk&center=49.2000,37.0000&zoom=8"
MAP_FRAME = 'iframe[title="streamlit_folium.st_folium"]'
SHOTS = (  # file, viewport, phone
    ("dashboard.png", {"width": 1400, "height": 900}, False),
    ("phone.png", {"width": 390, "height": 844}, True),
)
# On the wide screen the counts, legend, map and passages fill the picture; a phone's first
# screen is shown as it opens (the map is in it).
SCROLL_TO_MAP = """() => {
    const map = document.querySelector('iframe[title="streamlit_folium.st_folium"]');
    const main = map && map.closest('[data-testid="stMain"]');
    if (main) main.scrollTop += map.getBoundingClientRect().top - 290;
}"""
CHROMIUM_FLAGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking"]
WAIT_MS = 60_000


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def serve(data_dir: Path, port: int, log) -> subprocess.Popen:
    """The dashboard on 127.0.0.1:port, once it answers its health check."""
    process = subprocess.Popen(
        [
            *(sys.executable, "-m", "streamlit", "run", "dashboard.py"),
            *("--server.headless", "true", "--server.address", "127.0.0.1"),
            *("--server.port", str(port), "--server.fileWatcherType", "none"),
            *("--browser.gatherUsageStats", "false"),
        ],
        cwd=ROOT,
        env={**os.environ, "FRONTLINE_DATA_DIR": str(data_dir)},
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and process.poll() is None:
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/_stcore/health", timeout=2):
                return process
        except OSError:
            time.sleep(0.3)
    process.terminate()
    raise SystemExit(f"the dashboard did not start: see {log.name}")


def shoot(url: str, out: Path, chromium: str) -> list[Path]:
    from playwright.sync_api import sync_playwright

    written = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium, args=CHROMIUM_FLAGS)
        try:
            for name, viewport, phone in SHOTS:
                context = browser.new_context(viewport=viewport, has_touch=phone)
                page = context.new_page()
                page.goto(url + VIEW)
                page.locator(".fl-card").first.wait_for(timeout=WAIT_MS)
                page.frame_locator(MAP_FRAME).locator(
                    "path.leaflet-interactive:visible, canvas[data-claims-drawn]"
                ).first.wait_for(timeout=WAIT_MS)
                page.wait_for_timeout(2000)  # the last run's elements settle
                if not phone:
                    page.evaluate(SCROLL_TO_MAP)
                    page.wait_for_timeout(500)
                path = out / name
                page.screenshot(path=str(path), full_page=False)
                written.append(path)
                context.close()
        finally:
            browser.close()
    return written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "docs")
    parser.add_argument(
        "--chromium", default=os.environ.get("FRONTLINE_CHROMIUM", "/usr/bin/chromium")
    )
    args = parser.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        data_dir = Path(tmp) / "data"
        shutil.copytree(ROOT / "data", data_dir)
        port = free_port()
        with (Path(tmp) / "server.log").open("w") as log:
            server = serve(data_dir, port, log)
            try:
                for path in shoot(f"http://127.0.0.1:{port}", args.out, args.chromium):
                    print(f"written: {path}")
            finally:
                server.terminate()
                server.wait(timeout=10)
    return 0


if __name__ == "__main__":
    sys.exit(main())
