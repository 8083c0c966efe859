"""Cheap stamps of a data directory's files, for a reader to see that something changed."""

from __future__ import annotations

import os
from pathlib import Path

from frontline.store.schema import ARTICLES_DIR


def article_text_stamps(root: Path) -> tuple:
    """(name, modification time, size) of each article text: an article edited in place
    changes no table, only its text. One directory listing, no file read."""
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
        return ()
    return tuple(sorted(stamps))
