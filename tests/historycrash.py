"""A change recorded in a child process that kills itself (SIGKILL) partway, for the tests
of recovery:

    python -m tests.historycrash DATA_DIR K

sets DATA_DIR up as START (with one earlier change in its history), then commits CHANGE and
kills itself just before its K-th fsync after that setup: each fsync marks a point where
something new (an object, the intent, a data file, the history line) has just been written.
With K = 0 it commits without dying and prints how many fsyncs the change took.
"""

from __future__ import annotations

import os
import signal
import sys
from pathlib import Path

from frontline.store import history

# The data before: claims.csv and notes.txt are changed or removed, places.csv is kept.
START = {
    "claims.csv": b"claim_id,place_id\nc1,kupiansk\n",
    "places.csv": b"place_id\nkupiansk\n",
    "notes.txt": b"\xff\xfe not UTF-8, kept byte for byte\r\n",
}
# The change: a new article text, a longer claims.csv, notes.txt removed.
CHANGE = {
    "articles/new.txt": b"KHARKIV: Ukrainian forces said they had entered Izium.\n",
    "claims.csv": START["claims.csv"] + b"c2,izium\n",
    "notes.txt": None,
}
AFTER = {path: data for path, data in {**START, **CHANGE}.items() if data is not None}


def set_up(root: Path) -> history.Change:
    """START written, and one earlier change to places.csv recorded."""
    root.mkdir(parents=True, exist_ok=True)
    for path, data in START.items():
        if path != "places.csv":
            (root / path).write_bytes(data)
    return history.commit(
        root, {"places.csv": START["places.csv"]}, who="setup", kind="edit", summary="places"
    )


def commit_change(root: Path) -> history.Change:
    return history.commit(
        root, CHANGE, who="alice", kind="article", summary="Izium entered", why="a new report"
    )


def main(argv: list[str]) -> int:
    root, kill_at = Path(argv[0]), int(argv[1])
    set_up(root)
    real_fsync = os.fsync
    count = 0

    def fsync(handle: int) -> None:
        nonlocal count
        count += 1
        if count == kill_at:
            os.kill(os.getpid(), signal.SIGKILL)
        real_fsync(handle)

    os.fsync = fsync
    commit_change(root)
    print(count)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
