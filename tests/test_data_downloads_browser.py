"""The Data page's downloads, made only when clicked, arrive whole in a real browser."""

from __future__ import annotations

import csv
import io
import re
from pathlib import Path

import pytest

pytestmark = pytest.mark.browser

LOAD_MS = 60_000


def test_a_click_on_claims_as_csv_downloads_every_claim(page, dashboard):
    page.goto(f"{dashboard.url}/Data")
    button = page.get_by_role("button", name="Claims as CSV")
    button.wait_for(timeout=LOAD_MS)
    page.wait_for_selector('[data-testid="stApp"][data-test-script-state="notRunning"]')
    with page.expect_download(timeout=LOAD_MS) as started:
        button.click()
    download = started.value
    assert download.suggested_filename == "claims.csv"
    rows = list(csv.DictReader(io.StringIO(Path(download.path()).read_text(encoding="utf-8"))))
    heading = page.get_by_role("heading", name=re.compile(r"^Claims \(\d+\)")).inner_text()
    assert len(rows) == int(re.search(r"\d+", heading).group()) > 6  # the news and the record
    assert {"c0001", "c0006"} <= {row.get("claim_id") for row in rows}
