"""Durable file replacement: a reader or a crash (kill -9, power loss) sees a file's old bytes
or its new ones, never a mix, and once a call returns the change survives a power loss.

A file is replaced by writing a temporary `.<name>.<random>.tmp` beside it, fsyncing it,
renaming it over the file (os.replace) and fsyncing the folder, which makes the rename itself
durable. The replaced file's permission bits are kept; a new file gets those the umask allows.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import stat
import tempfile
from pathlib import Path

COPY_CHUNK = 1 << 20  # bytes a file is copied in


def umask() -> int:
    """The process's umask, read without setting it (os.umask would, for every thread)."""
    with contextlib.suppress(OSError, ValueError):
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("Umask:"):
                return int(line.split()[1], 8)
    return 0o022


def replacement_mode(path: Path) -> int:
    """The permission bits a file replacing `path` should get: its own, or for a new file those
    the umask allows (mkstemp's temporary files are owner-only)."""
    try:
        return stat.S_IMODE(path.stat().st_mode)
    except FileNotFoundError:
        return 0o666 & ~umask()


def fsync_folder(folder: Path) -> None:
    """Make a rename or removal in `folder` durable (POSIX only: Windows cannot open one)."""
    if os.name != "posix":
        return
    handle = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(handle)
    finally:
        os.close(handle)


def write_bytes(path: Path, data: bytes | Path) -> None:
    """Replace `path` with `data` atomically and durably (see the module's doc); `data` may
    be a file, copied in pieces so that a large one is never held in memory."""
    path.parent.mkdir(parents=True, exist_ok=True)
    mode = replacement_mode(path)
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(handle, "wb") as out:
            if isinstance(data, Path):
                with data.open("rb") as source:
                    shutil.copyfileobj(source, out, COPY_CHUNK)
            else:
                out.write(data)
            out.flush()
            os.fsync(out.fileno())
        os.chmod(temporary, mode)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    fsync_folder(path.parent)


def remove(path: Path) -> None:
    """Remove a file, if it is there, durably."""
    path.unlink(missing_ok=True)
    if path.parent.is_dir():  # no folder: no file either, nothing to make durable
        fsync_folder(path.parent)


def append_line(path: Path, line: bytes) -> None:
    """Append a line (ending in a line break) durably. A last line without its line break is
    a torn append: if it begins this very line it is cut off first (the same line is being
    written again), else it is ended where it stops, so that no earlier line is lost."""
    new = not path.exists()
    with open(path, "ab+") as handle:
        size = handle.seek(0, os.SEEK_END)
        if size:
            handle.seek(max(0, size - len(line) - 1))
            tail = handle.read()
            if not tail.endswith(b"\n"):
                torn = tail.rsplit(b"\n", 1)[-1]
                if line.startswith(torn):
                    handle.truncate(size - len(torn))
                else:
                    handle.write(b"\n")
        handle.write(line)
        handle.flush()
        os.fsync(handle.fileno())
    if new:
        fsync_folder(path.parent)
