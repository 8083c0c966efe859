"""The history of changes to the data directory (who changed what, when and why) and undo,
written so that a change and its record land together or not at all.

    history.jsonl            one JSON line per change (historylog.Change): id, who, when
                             (UTC), kind, summary, why, and for each file touched its sha256
                             before and after ("absent" where there was no file)
    history/objects/<sha256> the bytes a file had before a change, zlib-compressed, named by
                             the sha256 of those bytes (so each content is kept once)
    .pending-change.json     the change being written (a write-ahead intent): there only
                             while a save is under way, or after one was killed

A change is written in this order, each step durable (fsync) before the next:
  1. prepare(): the present bytes of every file the change touches are kept as objects;
  2. begin(): the change is written to .pending-change.json;
  3. the data files are replaced, each atomically;
  4. finish(): the change is appended to history.jsonl, then .pending-change.json removed.
recover() settles a leftover intent: if every file has its new content the change is
completed (its line appended unless already there), otherwise every file is set back to its
before-image. So wherever a writer is killed, after recover() the change and its line are
both there or neither is. commit() runs steps 1-4; undo() commits an earlier change's
before-images. All of these expect the caller to hold store.write_lock(root).

    python -m frontline.store.history list [--data-dir D]
    python -m frontline.store.history undo ID [--data-dir D] [--who W] [--why TEXT]
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import getpass
import hashlib
import secrets
import sys
import zlib
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path

from frontline import store
from frontline.store import durable
from frontline.store.historylog import (
    ABSENT,
    HISTORY_FILE,
    MAX_TEXT,
    OBJECTS_DIR,
    PENDING_FILE,
    Change,
    FieldError,
    FileChange,
    HistoryError,
    check_path,
    format_change,
    list_changes,
    parse_change,
    parse_line,
    undone_by,
)

__all__ = [
    "ABSENT",
    "Change",
    "FileChange",
    "HistoryError",
    "Recovery",
    "begin",
    "commit",
    "finish",
    "format_change",
    "has_pending",
    "list_changes",
    "main",
    "prepare",
    "recover",
    "undo",
    "undo_change",
]


@dataclass(frozen=True)
class Recovery:
    """What recover() did with a change that a killed save left pending."""

    change: Change
    completed: bool  # True: the change was completed; False: its files were set back
    kept: tuple[tuple[str, str], ...] = ()  # (file, object) of unexpected content kept

    def __str__(self) -> str:
        done = "completed" if self.completed else "rolled back (its files set back)"
        kept = "".join(
            f"; {path} held other content, kept as {OBJECTS_DIR}/{sha}" for path, sha in self.kept
        )
        return f"interrupted change {self.change.id} ({self.change.summary}) {done}{kept}"


# --- file contents and objects -------------------------------------------------------------


def digest(data: bytes | Path | None) -> str:
    """The sha256 of a file's bytes (or of a file's, read in pieces), or ABSENT for no file."""
    if data is None:
        return ABSENT
    if isinstance(data, Path):
        with data.open("rb") as handle:
            return hashlib.file_digest(handle, "sha256").hexdigest()
    return hashlib.sha256(data).hexdigest()


def read_bytes(root: Path, path: str) -> bytes | None:
    try:
        return (root / path).read_bytes()
    except FileNotFoundError:
        return None


def keep_object(root: Path, data: bytes) -> str:
    """Keep bytes as an object (once per content); returns their sha256."""
    sha = digest(data)
    path = root / OBJECTS_DIR / sha
    if not path.is_file():
        # Level 1: half the time of level 6 on a 26 MB claims.csv, for a third more bytes
        # (benchmarks/history_commit.py); a save waits for it.
        durable.write_bytes(path, zlib.compress(data, 1))
    return sha


def load_object(root: Path, sha: str) -> bytes:
    path = root / OBJECTS_DIR / sha
    try:
        data = zlib.decompress(path.read_bytes())
    except FileNotFoundError:
        raise HistoryError(f"{path}: the object is missing") from None
    except zlib.error:
        raise HistoryError(f"{path}: the object is damaged (not zlib data)") from None
    if digest(data) != sha:
        raise HistoryError(f"{path}: the object is damaged (its content has another sha256)")
    return data


def _write(root: Path, contents: Mapping[str, bytes | Path | None]) -> None:
    for path, data in contents.items():
        if data is None:
            durable.remove(root / path)
        else:
            durable.write_bytes(root / path, data)


# --- the steps of a change -----------------------------------------------------------------


def _utc_now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def prepare(
    root: Path,
    contents: Mapping[str, bytes | Path | None],
    *,
    who: str,
    kind: str,
    summary: str,
    why: str = "",
    undoes: str = "",
    now: Callable[[], dt.datetime] = _utc_now,
) -> Change:
    """Step 1: the change that sets each file named in `contents` to its bytes (or to a
    staged file's, streamed: a Path; None removes it), with each file's present bytes kept
    as an object. Raises ValueError for a change that could not be read back (an empty
    name, an unknown kind, a file outside the data)."""
    if not contents:
        raise ValueError("a change touches at least one file")
    files = []
    for path, data in contents.items():
        check_path(path)
        present = read_bytes(root, path)
        before = ABSENT if present is None else keep_object(root, present)
        files.append(FileChange(path, before, digest(data)))
    moment = now().astimezone(dt.UTC)
    change = Change(
        id=f"{moment:%Y%m%dT%H%M%SZ}-{secrets.token_hex(3)}",
        who=who,
        when=moment.strftime("%Y-%m-%dT%H:%M:%SZ"),
        kind=kind,
        summary=summary,
        why=why,
        files=tuple(files),
        undoes=undoes,
    )
    try:
        return parse_change(change.record())  # the checks its reader will make
    except FieldError as err:
        raise ValueError(f"the change's {err}") from None


def begin(root: Path, change: Change) -> None:
    """Step 2: write the change as the pending intent, before any data file is replaced."""
    if has_pending(root):
        raise HistoryError(f"{root / PENDING_FILE}: another change is pending; recover() first")
    for file in change.files:
        if file.before != ABSENT and not (root / OBJECTS_DIR / file.before).is_file():
            raise HistoryError(f"the before-image of {file.path} was not kept; prepare() first")
    durable.write_bytes(root / PENDING_FILE, change.line())


def has_pending(root: Path | str) -> bool:
    """Whether a change is pending (a save under way, or killed): recover() is then due."""
    return (Path(root) / PENDING_FILE).exists()


def _pending(root: Path) -> Change | None:
    path = root / PENDING_FILE
    try:
        return parse_line(path.read_bytes())
    except FileNotFoundError:
        return None
    except FieldError as err:
        raise HistoryError(
            f"{path}: {err}. A save was interrupted and its record cannot be read, so the data "
            "cannot be set right by itself: check the data files, then move this file away"
        ) from None


def finish(root: Path) -> Change:
    """Step 4: record the pending change in history.jsonl, then remove the intent."""
    change = _pending(root)
    if change is None:
        raise HistoryError(f"{root}: no change is pending")
    for folder in {(root / f.path).parent for f in change.files}:
        if folder.is_dir():
            durable.fsync_folder(folder)  # the data's renames are durable before its record
    durable.append_line(root / HISTORY_FILE, change.line())
    durable.remove(root / PENDING_FILE)
    return change


def recover(root: Path) -> Recovery | None:
    """Settle a change that a killed save left pending (see the module's doc); None when
    none was. Content found that is neither a file's before nor its after is kept as an
    object before the file is set back, so that nothing is lost."""
    for leftover in (root / OBJECTS_DIR).glob(".*.tmp"):  # a killed object write's
        leftover.unlink(missing_ok=True)
    change = _pending(root)
    if change is None:
        return None
    present = {f.path: read_bytes(root, f.path) for f in change.files}
    if all(digest(present[f.path]) == f.after for f in change.files):
        if all(c.id != change.id for c in list_changes(root)[0]):
            durable.append_line(root / HISTORY_FILE, change.line())
        durable.remove(root / PENDING_FILE)
        return Recovery(change, completed=True)
    kept = tuple(
        (f.path, keep_object(root, data))
        for f in change.files
        if (data := present[f.path]) is not None and digest(data) not in (f.before, f.after)
    )
    before = {  # in reverse, so that files that name others go back first
        f.path: None if f.before == ABSENT else load_object(root, f.before)
        for f in reversed(change.files)
    }
    _write(root, before)
    durable.remove(root / PENDING_FILE)
    return Recovery(change, completed=False, kept=kept)


def commit(
    root: Path,
    contents: Mapping[str, bytes | Path | None],
    *,
    who: str,
    kind: str,
    summary: str,
    why: str = "",
    undoes: str = "",
    now: Callable[[], dt.datetime] = _utc_now,
) -> Change:
    """Set files to new bytes (None removes one) as one recorded change, all or nothing,
    writing them in the order given. Call it under store.write_lock(root) after recover(root).
    If a write fails, the change is settled at once: rolled back (and the error raised), or
    completed if every file had landed; if the process dies, the next recover() settles it."""
    change = prepare(
        root, contents, who=who, kind=kind, summary=summary, why=why, undoes=undoes, now=now
    )
    begin(root, change)
    try:
        _write(root, contents)
        return finish(root)
    except BaseException as err:
        recovery = None
        with contextlib.suppress(Exception):
            recovery = recover(root)
        if recovery is not None and recovery.completed and isinstance(err, Exception):
            return recovery.change
        raise


# --- undo ----------------------------------------------------------------------------------


def _blocking(changes: list[Change], target: Change) -> list[Change]:
    """The later changes, in effect now, that touched a file `target` touched. An undo of a
    change that is itself later than `target` cancels out with it, and is no obstacle."""
    index = changes.index(target)
    later = changes[index + 1 :]
    later_ids = {c.id for c in later}
    undone = undone_by(changes)
    paths = {f.path for f in target.files}
    return [
        c
        for c in later
        if c.id not in undone
        and not (c.kind == "undo" and c.undoes in later_ids)
        and paths & {f.path for f in c.files}
    ]


def undo(
    root: Path,
    change_id: str,
    *,
    who: str,
    why: str = "",
    now: Callable[[], dt.datetime] = _utc_now,
) -> Change:
    """Set every file change `change_id` touched back to its bytes before it, byte for byte,
    as a change of kind "undo" (which can be undone in turn). Refuses (HistoryError) when a
    later change touched the same files and is not undone, or when a file is no longer as
    the change left it. Call it under store.write_lock(root) after recover(root)."""
    changes, _ = list_changes(root)
    target = next((c for c in changes if c.id == change_id), None)
    if target is None:
        raise HistoryError(f"there is no change {change_id} in {root / HISTORY_FILE}")
    undone = undone_by(changes)
    if target.id in undone:
        raise HistoryError(
            f"change {target.id} is already undone by {undone[target.id]}; "
            f"undo {undone[target.id]} to bring it back"
        )
    blocking = _blocking(changes, target)
    if blocking:
        names = ", ".join(f"{c.id} ({c.summary[:60]})" for c in reversed(blocking))
        raise HistoryError(
            f"cannot undo {target.id}: later changes touched the same files: {names}; "
            "undo those first, newest first"
        )
    for file in target.files:
        if digest(read_bytes(root, file.path)) != file.after:
            raise HistoryError(
                f"cannot undo {target.id}: {file.path} is no longer as that change left it "
                "(was it changed outside the history?); nothing was undone"
            )
    before = {
        f.path: None if f.before == ABSENT else load_object(root, f.before) for f in target.files
    }
    return commit(
        root,
        before,
        who=who,
        kind="undo",
        summary=f"undo {target.id}: {target.summary}"[:MAX_TEXT],
        why=why,
        undoes=target.id,
        now=now,
    )


def undo_change(root: Path, change_id: str, *, who: str, why: str = "") -> Change:
    """undo() as a writer makes it: under the data's write lock, after settling a save that
    was interrupted. Raises HistoryError, store.LockTimeout or OSError."""
    with store.write_lock(root):
        recover(root)
        return undo(root, change_id, who=who, why=why)


# --- command line --------------------------------------------------------------------------


def run_list(root: Path) -> int:
    changes, problems = list_changes(root)
    undone = undone_by(changes)
    for change in changes:
        print(format_change(change, undone.get(change.id)))
    if has_pending(root):
        print(
            f"{root / PENDING_FILE}: a save was interrupted; the next save (or undo) completes "
            "or rolls it back",
            file=sys.stderr,
        )
    for problem in problems:
        print(problem.located(root), file=sys.stderr)
    return 1 if problems else 0


def run_undo(root: Path, change_id: str, who: str, why: str) -> int:
    try:
        with store.write_lock(root):
            recovery = recover(root)
            if recovery is not None:
                print(f"frontline: {recovery}", file=sys.stderr)
            change = undo(root, change_id, who=who, why=why)
    except (HistoryError, store.LockTimeout, ValueError) as err:
        print(f"frontline: {err}", file=sys.stderr)
        return 1
    except OSError as err:
        print(f"frontline: {root}: the data cannot be written: {err}", file=sys.stderr)
        return 1
    print(format_change(change))
    return 0


def login_name() -> str:
    """Who runs this process, for a change made from the command line."""
    try:
        return getpass.getuser()
    except (OSError, KeyError):
        return "unknown"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="frontline history", description="The changes made to the data, and undo."
    )
    commands = parser.add_subparsers(dest="command", required=True)
    listing = commands.add_parser("list", help="one line per change, oldest first")
    undoing = commands.add_parser("undo", help="set the files a change touched back")
    undoing.add_argument("change_id", metavar="ID")
    undoing.add_argument("--who", default=None, help="your name (default: the login name)")
    undoing.add_argument("--why", default="", help="why it is undone")
    for command in (listing, undoing):
        command.add_argument("--data-dir", default=None, help="the data directory")
    args = parser.parse_args(argv)
    root = Path(args.data_dir) if args.data_dir else store.default_data_dir()
    if not root.is_dir():
        print(f"frontline: {root}: not a data directory", file=sys.stderr)
        return 1
    if args.command == "list":
        return run_list(root)
    return run_undo(root, args.change_id, args.who or login_name(), args.why)


if __name__ == "__main__":
    sys.exit(main())
