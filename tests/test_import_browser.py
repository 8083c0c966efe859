"""Importing in a real browser: upload an ACLED export, preview it on the map, save it, and
read the imported claim in the map's panel."""

from __future__ import annotations

from pathlib import Path

import pytest

from frontline.importers.saved import import_files
from tests.conftest import save_screenshot
from tests.mapbrowser import WAIT_MS, map_frame, tooltip_at, wait_for_map

pytestmark = pytest.mark.browser

FIXTURE = Path(__file__).parent / "fixtures" / "import" / "acled.csv"


def test_upload_preview_save_and_read_it_in_the_panel(page, dashboard, browser_data):
    page.goto(dashboard.url + "/Import")
    page.locator('input[type="file"]').first.set_input_files(str(FIXTURE))
    page.get_by_role("button", name="Preview").click()
    page.get_by_text("8 row(s) read: 4 claim(s)").wait_for(timeout=WAIT_MS)
    wait_for_map(page)
    assert map_frame(page).locator("path.leaflet-interactive:visible").count() >= 4
    assert tooltip_at(page, 49.7156, 37.6120, "Kupiansk — Ukrainian-held (claimed)")
    assert not import_files(browser_data)

    page.get_by_role("button", name="Save 4 claim(s)").click()
    page.get_by_text("Saved: added 4 claim(s)").wait_for(timeout=WAIT_MS)
    save_screenshot(page, "import-saved")
    assert len(import_files(browser_data)) == 1

    page.goto(f"{dashboard.url}/?as_of=2022-09-11&place=kupiansk")
    wait_for_map(page)
    page.get_by_text("From ACLED, acled.csv line 2").wait_for(timeout=WAIT_MS)
    assert page.request_log.foreign() == []
