"""Cheap stamps of a data directory's files, for a reader to see that something changed."""

from __future__ import annotations

import hashlib
import os
import threading
import time
from pathlib import Path

from frontline.store.schema import ARTICLES_DIR

# Listing 12,500 article texts takes some 60 ms: done at most this often per data folder, so
# every rerun of every page does not pay it; an edit is seen within this time.
MAX_AGE_SECONDS = 2.0
_taken: dict[str, tuple[float, str]] = {}
_lock = threading.Lock()


def _listing(root: Path) -> str:
    try:
        with os.scandir(root / ARTICLES_DIR) as entries:
            stamps = []
            for entry in entries:
                if entry.name.endswith(".txt"):
                    try:
                        info = entry.stat()
                        stamps.append((entry.name, info.st_mtime_ns, info.st_size))
                    except OSError:
                        stamps.append((entry.name, None, None))
    except OSError:
        return ""
    # A digest, not the listing: the pages' cache hashes its key on every rerun, and hashing
    # 12,500 tuples took Streamlit about 0.3 s.
    return hashlib.blake2b(repr(sorted(stamps)).encode(), digest_size=16).hexdigest()


# A listing that took longer than this is taken again in the background: the rerun that
# finds it old goes on with the last one (125,000 texts take a second or more to list).
BACKGROUND_SECONDS = 0.05
_listing_time: dict[str, float] = {}
_running: set[str] = set()


def _take(root: Path, key: str) -> str:
    began = time.monotonic()
    stamps = _listing(root)
    with _lock:
        _taken[key] = (began, stamps)
        _listing_time[key] = time.monotonic() - began
        _running.discard(key)
    return stamps


def article_text_stamps(root: Path) -> str:
    """A digest of each article text's name, modification time and size, at most
    MAX_AGE_SECONDS old (plus, for a folder that takes longer than BACKGROUND_SECONDS to
    list, the time of listing it again in the background): an article edited in place
    changes no table, only its text. No file is read."""
    key, now = str(root), time.monotonic()
    with _lock:
        taken = _taken.get(key)
        if taken is not None and now - taken[0] < MAX_AGE_SECONDS:
            return taken[1]
        slow = taken is not None and _listing_time.get(key, 0.0) > BACKGROUND_SECONDS
        if slow and key in _running:
            return taken[1]
        if slow:
            _running.add(key)
    if slow:
        threading.Thread(target=_take, args=(root, key), daemon=True).start()
        return taken[1]
    return _take(root, key)
