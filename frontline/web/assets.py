"""Leaflet's script and styles, served by the dashboard itself instead of from CDNs.

They come from the xstatic-leaflet package (installed from PyPI with the rest) and are
copied into the app's static folder, which Streamlit serves at /app/static/. Without them
the map cannot appear where the internet is out of reach.
"""

from __future__ import annotations

import filecmp
import shutil
from pathlib import Path

import xstatic.pkg.leaflet as xstatic_leaflet

VENDOR_DIR = "vendor"
LEAFLET_DIR = "leaflet"
LEAFLET_FILES = ("leaflet.js", "leaflet.css", "images")
LEAFLET_VERSION = xstatic_leaflet.VERSION


def install_static_assets(static_dir: Path) -> Path:
    """Copy Leaflet into static_dir/vendor/leaflet (only what is missing or changed)."""
    source = Path(xstatic_leaflet.BASE_DIR)
    target = static_dir / VENDOR_DIR / LEAFLET_DIR
    target.mkdir(parents=True, exist_ok=True)
    for name in LEAFLET_FILES:
        origin = source / name
        if origin.is_dir():
            shutil.copytree(origin, target / name, dirs_exist_ok=True)
        elif not (target / name).exists() or not filecmp.cmp(origin, target / name):
            shutil.copy2(origin, target / name)
    return target


def leaflet_urls(base_url_path: str = "") -> tuple[str, str]:
    """(script, stylesheet) URLs of the served Leaflet, under Streamlit's base URL path."""
    prefix = "/" + base_url_path.strip("/") if base_url_path.strip("/") else ""
    root = f"{prefix}/app/static/{VENDOR_DIR}/{LEAFLET_DIR}"
    return f"{root}/leaflet.js", f"{root}/leaflet.css"
