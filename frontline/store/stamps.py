"""Cheap stamps of a data directory's files, for a reader to see that something changed."""

from __future__ import annotations

import array
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


def listing_digest(folder: Path) -> str:
    """A digest of each entry's name, inode, size, modification time and mode (a link's
    own, and its target's): an edit, a replacement or a link changes it. No file is read.
    "" for a folder that cannot be listed."""
    import numpy as np

    names: list[str] = []
    numbers = array.array("q")
    try:
        with os.scandir(folder) as entries:
            for entry in entries:
                try:
                    info = entry.stat(follow_symlinks=False)
                    target = entry.stat() if entry.is_symlink() else None
                except OSError:
                    numbers.extend(_UNREADABLE)
                else:
                    numbers.extend((info.st_ino, info.st_size, info.st_mtime_ns, info.st_mode))
                    numbers.extend(
                        (target.st_ino, target.st_size, target.st_mtime_ns) if target else _NO_LINK
                    )
                names.append(entry.name)
    except OSError:
        return ""
    # A digest, not the listing: the pages' cache hashes its key on every rerun, and hashing
    # 12,500 tuples took Streamlit about 0.3 s. Names in order, then their numbers, as
    # arrays (at 125,000 texts, the tuples' repr took longer than listing them).
    order = np.argsort(np.array(names, dtype=str), kind="stable")
    digest = hashlib.blake2b(digest_size=16)
    digest.update("\0".join([names[i] for i in order]).encode("utf-8", "surrogatepass"))
    digest.update(np.frombuffer(numbers, dtype=np.int64).reshape(-1, 7)[order].tobytes())
    return digest.hexdigest()


_NO_LINK = (0, 0, 0)
_UNREADABLE = (-1,) * 7


def _listing(root: Path) -> str:
    return listing_digest(root / ARTICLES_DIR)


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


_first: dict[str, threading.Thread] = {}  # a first listing begun by prefetch


def prefetch(root: Path) -> None:
    """Begin the first listing of a data folder's texts in the background: a process about
    to show the data calls this early, so that the listing (a second at a million claims)
    runs while the rest starts; article_text_stamps then waits for it, not lists again."""
    key = str(root)
    with _lock:
        if key in _taken or key in _first:
            return
        thread = _first[key] = threading.Thread(target=_take, args=(root, key), daemon=True)
    thread.start()


def _wait_for_first(key: str) -> None:
    with _lock:
        thread = _first.get(key)
    if thread is not None:
        thread.join()


def article_text_stamps(root: Path) -> str:
    """A digest of each article text's name, modification time and size, at most
    MAX_AGE_SECONDS old (plus, for a folder that takes longer than BACKGROUND_SECONDS to
    list, the time of listing it again in the background): an article edited in place
    changes no table, only its text. No file is read."""
    key = str(root)
    _wait_for_first(key)
    now = time.monotonic()
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


def fresh_text_stamps(root: Path) -> str:
    """article_text_stamps from a listing taken now (after a first one begun by prefetch)."""
    key = str(root)
    _wait_for_first(key)
    return _take(root, key)
