"""`make serve`: two dashboard processes behind nginx, each reader kept on one of them."""

from __future__ import annotations

import shutil
import urllib.request
from pathlib import Path

import pytest

from frontline.serve import Cluster, nginx_config
from tests.conftest import DATA_DIR
from tests.mapbrowser import wait_for_counts, wait_for_map

NGINX_MISSING = shutil.which("nginx") is None and not Path("/usr/sbin/nginx").exists()


def test_the_config_hashes_the_cookie_and_passes_the_websocket_upgrade(tmp_path):
    text = nginx_config(tmp_path, "127.0.0.1:9000", [9001, 9002])
    assert "hash $frontline_node consistent;" in text
    assert "server 127.0.0.1:9001;" in text and "server 127.0.0.1:9002;" in text
    assert "proxy_set_header Upgrade $http_upgrade;" in text
    assert f"pid {tmp_path / 'nginx.pid'};" in text


@pytest.fixture(scope="module")
def cluster(tmp_path_factory):
    if NGINX_MISSING:
        pytest.skip("nginx is not installed (apt-get install nginx) — make serve not tested")
    data = tmp_path_factory.mktemp("serve") / "data"
    shutil.copytree(DATA_DIR, data, ignore=shutil.ignore_patterns(".cache"))
    with Cluster(2, data_dir=data, run_dir=tmp_path_factory.mktemp("run")) as running:
        yield running


def _get(url: str, cookie: str | None = None):
    request = urllib.request.Request(url, headers={"Cookie": cookie} if cookie else {})
    with urllib.request.urlopen(request, timeout=30) as reply:
        return reply.status, reply.headers


def test_new_readers_spread_over_both_processes_and_each_stays_on_one(cluster):
    backends = {f"127.0.0.1:{port}" for port in cluster.backends}
    seen = {}
    for _ in range(40):  # random cookies: both processes get readers
        status, headers = _get(cluster.url + "/")
        assert status == 200
        cookie = headers["Set-Cookie"].split(";")[0]
        assert cookie.startswith("frontline_node=")
        seen[cookie] = headers["X-Frontline-Backend"]
        if set(seen.values()) == backends:
            break
    assert set(seen.values()) == backends
    for cookie, backend in list(seen.items())[:6]:
        for _ in range(3):
            status, headers = _get(cluster.url + "/_stcore/health", cookie)
            assert headers["X-Frontline-Backend"] == backend
            # A reader with the cookie keeps it.
            assert not any("frontline_node" in v for v in headers.get_all("Set-Cookie") or [])


@pytest.mark.browser
def test_a_reader_loads_the_map_through_the_proxy(browser, cluster):
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    try:
        page = context.new_page()
        page.goto(cluster.url + "/?source=news")
        wait_for_map(page)  # the websocket went through nginx and the script ran
        wait_for_counts(page, "2022-09-11")
        names = [c["name"] for c in context.cookies()]
        assert "frontline_node" in names
    finally:
        context.close()
