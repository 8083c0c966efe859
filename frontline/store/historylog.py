"""The history's records: what one change is (who, when, what, why, and the files it
touched with their sha256 before and after), and reading them back from history.jsonl, where
a malformed line becomes a Problem and costs only that line. The writing is in history.py.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from dataclasses import dataclass
from pathlib import Path

from frontline.model import Problem
from frontline.store.schema import LOCK_FILE

HISTORY_FILE = "history.jsonl"
HISTORY_DIR = "history"
OBJECTS_DIR = f"{HISTORY_DIR}/objects"
PENDING_FILE = ".pending-change.json"
ABSENT = "absent"  # the "sha256" of a file that is not there
KINDS = ("article", "import", "edit", "undo")
MAX_TEXT = 2_000  # characters of a summary, a reason or a name

_HASH = re.compile(r"^[0-9a-f]{64}$")
CHANGE_ID = re.compile(r"^[0-9]{8}T[0-9]{6}Z-[0-9a-f]{6}$")
# The history's own files, never data a change may touch.
_RESERVED = {HISTORY_FILE, HISTORY_DIR, PENDING_FILE, LOCK_FILE}


class HistoryError(Exception):
    """A change that cannot be recorded, recovered or undone; the message says why."""


@dataclass(frozen=True)
class FileChange:
    path: str  # relative to the data directory, with "/" between folders
    before: str  # sha256 of the bytes before the change, or ABSENT
    after: str  # sha256 of the bytes after it, or ABSENT


@dataclass(frozen=True)
class Change:
    id: str
    who: str
    when: str  # UTC, ISO 8601: 2025-03-01T10:15:02Z
    kind: str  # one of KINDS
    summary: str
    why: str
    files: tuple[FileChange, ...]
    undoes: str = ""  # for an undo: the id of the change it undoes

    def record(self) -> dict:
        record = {
            "id": self.id,
            "who": self.who,
            "when": self.when,
            "kind": self.kind,
            "summary": self.summary,
            "why": self.why,
            "files": [{"path": f.path, "before": f.before, "after": f.after} for f in self.files],
        }
        if self.undoes:
            record["undoes"] = self.undoes
        return record

    def line(self) -> bytes:
        """The change as its line of history.jsonl (always the same bytes for one change)."""
        return (json.dumps(self.record(), ensure_ascii=False, sort_keys=True) + "\n").encode()


class FieldError(Exception):
    """A field of a change record that is wrong."""

    def __init__(self, field: str, message: str):
        super().__init__(f"{field}: {message}")
        self.field, self.message = field, message


def check_path(path: object) -> str:
    """A touched file's name: relative, inside the data directory, not the history's own.
    Raises ValueError otherwise."""
    if not isinstance(path, str) or not path or "\\" in path or "\x00" in path:
        raise ValueError(f"{str(path)[:80]!r} is not a file name inside the data directory")
    parts = path.split("/")  # not PurePosixPath: it would quietly drop "." and "//"
    if any(part in ("", ".", "..") for part in parts):
        raise ValueError(f"{path[:80]!r} is not a file name inside the data directory")
    if parts[0] in _RESERVED:
        raise ValueError(f"{path[:80]!r} is the history's own file, not data")
    return path


def _text(record: dict, name: str, *, required: bool = True) -> str:
    value = record.get(name, "")
    if not isinstance(value, str):
        raise FieldError(name, "is not a string")
    if required and not value.strip():
        raise FieldError(name, "is empty")
    if len(value) > MAX_TEXT:
        raise FieldError(name, f"is longer than {MAX_TEXT:,} characters")
    return value


def _change_id(record: dict, name: str, *, required: bool = True) -> str:
    value = _text(record, name, required=required)
    if value and not CHANGE_ID.match(value):
        raise FieldError(name, f"{value[:40]!r} is not a change id")
    return value


def _when(record: dict) -> str:
    when = _text(record, "when")
    try:
        moment = dt.datetime.fromisoformat(when.replace("Z", "+00:00"))
    except ValueError:
        raise FieldError("when", f"{when[:40]!r} is not an ISO date and time") from None
    if moment.utcoffset() != dt.timedelta(0):
        raise FieldError("when", f"{when[:40]!r} is not in UTC")
    return when


def _file_change(entry: object, field: str) -> FileChange:
    if not isinstance(entry, dict):
        raise FieldError(field, "is not an object with path, before and after")
    try:
        path = check_path(entry.get("path"))
    except ValueError as err:
        raise FieldError(f"{field}.path", str(err)) from None
    hashes = []
    for name in ("before", "after"):
        value = entry.get(name)
        if value != ABSENT and not (isinstance(value, str) and _HASH.match(value)):
            raise FieldError(f"{field}.{name}", f'is neither a sha256 nor "{ABSENT}"')
        hashes.append(value)
    return FileChange(path, *hashes)


def parse_change(record: object) -> Change:
    """A change from its JSON object; raises FieldError naming the faulty field."""
    if not isinstance(record, dict):
        raise FieldError("-", "is not a JSON object")
    kind = _text(record, "kind")
    if kind not in KINDS:
        raise FieldError("kind", f"{kind[:40]!r} is not one of: {', '.join(KINDS)}")
    files = record.get("files")
    if not isinstance(files, list) or not files:
        raise FieldError("files", "is not a list of the files touched")
    touched = tuple(_file_change(entry, f"files[{n}]") for n, entry in enumerate(files))
    if len({f.path for f in touched}) != len(touched):
        raise FieldError("files", "names a file twice")
    return Change(
        id=_change_id(record, "id"),
        who=_text(record, "who"),
        when=_when(record),
        kind=kind,
        summary=_text(record, "summary"),
        why=_text(record, "why", required=False),
        files=touched,
        undoes=_change_id(record, "undoes", required=kind == "undo"),
    )


def parse_line(line: bytes) -> Change:
    """A change from its line; raises FieldError (field "-" when it is not JSON at all)."""
    try:
        return parse_change(json.loads(line.decode("utf-8")))
    except UnicodeDecodeError:
        raise FieldError("-", "is not UTF-8 text") from None
    except json.JSONDecodeError as err:
        raise FieldError("-", f"is not JSON ({err.msg})") from None


def list_changes(root: Path | str) -> tuple[list[Change], list[Problem]]:
    """Every change in history.jsonl, oldest first, and a Problem for each line that is not
    one (that line is left out, the others are kept)."""
    try:
        raw = (Path(root) / HISTORY_FILE).read_bytes()
    except FileNotFoundError:
        return [], []
    changes: list[Change] = []
    problems: list[Problem] = []
    seen: set[str] = set()
    for number, line in enumerate(raw.split(b"\n"), start=1):
        if not line.strip():
            continue
        try:
            change = parse_line(line)
        except FieldError as err:
            problems.append(Problem(HISTORY_FILE, number, err.field, err.message))
            continue
        if change.id in seen:
            problems.append(Problem(HISTORY_FILE, number, "id", f"{change.id} appears twice"))
            continue
        seen.add(change.id)
        changes.append(change)
    return changes, problems


def undone_by(changes: list[Change]) -> dict[str, str]:
    """For each change that is undone now, the id of the undo in effect that undid it.
    Undoing an undo brings its change back; undoing that brings the first undo back, and so
    on down the chain."""
    by_id = {c.id: c for c in changes}
    undone: dict[str, str] = {}
    for change in changes:
        if change.kind != "undo":
            continue
        target, by = change.undoes, change.id
        while True:
            undone[target] = by  # `target` is out of effect, so what it did is reversed:
            reversed_undo = by_id.get(target)
            if reversed_undo is None or reversed_undo.kind != "undo":
                break
            back = by_id.get(reversed_undo.undoes)  # the change it had undone is back
            undone.pop(reversed_undo.undoes, None)
            if back is None or back.kind != "undo":
                break
            target, by = back.undoes, back.id  # and that one, an undo, undoes again
    return undone


def _one_line(text: str) -> str:
    return " ".join(text.split())


def format_change(change: Change, undone: str | None = None) -> str:
    """One line: the id first, then when, who, kind, summary, why, the files, and the undo
    that undid it if it is undone."""
    names = [f.path for f in change.files]
    files = ", ".join(names[:3]) + (f" and {len(names) - 3} more" if len(names) > 3 else "")
    why = f" (why: {_one_line(change.why)})" if change.why.strip() else ""
    tail = f"  [undone by {undone}]" if undone else ""
    return (
        f"{change.id}  {change.when}  {_one_line(change.who)}  {change.kind}: "
        f"{_one_line(change.summary)}{why}  files: {files}{tail}"
    )
