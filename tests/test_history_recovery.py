"""A change lands with its record or not at all, wherever its writer dies: killed at every
durable step in-process, by a real SIGKILL before each fsync of a child process, or by a
write that fails once; a torn history line; unexpected content at recovery."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from frontline import store
from frontline.store import durable, history
from frontline.store.historylog import HISTORY_FILE, OBJECTS_DIR, PENDING_FILE
from tests import historycrash
from tests.test_history import ROOT, commit, history_lines, snapshot, write

# --- killed at every step --------------------------------------------------------------------


class Killed(BaseException):
    """The process died here: nothing after it happens."""


def _die_after(monkeypatch, steps: int, *, once: bool = False) -> list[int]:
    """Make the durable writes (objects, intent, data files, history line, removals) fail
    from the (steps+1)-th on: every later one (a kill), or only that one (a failed write)."""
    done = [0]

    def wrap(write_step):
        def step(*args, **kwargs):
            done[0] += 1
            if done[0] == steps + 1 or (not once and done[0] > steps):
                raise OSError(28, "No space left on device") if once else Killed()
            return write_step(*args, **kwargs)

        return step

    for name in ("write_bytes", "remove", "append_line"):
        monkeypatch.setattr(durable, name, wrap(getattr(durable, name)))
    return done


def _set_up(root: Path) -> list[dict]:
    historycrash.set_up(root)
    return history_lines(root)


def _steps_of_a_change(tmp_path, monkeypatch) -> int:
    root = tmp_path / "count"
    _set_up(root)
    with monkeypatch.context() as patch:
        done = _die_after(patch, 10**6)
        historycrash.commit_change(root)
    assert snapshot(root) == historycrash.AFTER
    return done[0]


def _settled(root: Path, earlier: list[dict]) -> str:
    """After a restart: the change and its line both there ("after") or neither ("before")."""
    recovery = history.recover(root)
    assert not history.has_pending(root)
    assert history.recover(root) is None
    lines = history_lines(root)
    assert history.list_changes(root)[1] == []
    assert not list((root / OBJECTS_DIR).glob(".*.tmp"))
    if snapshot(root) == historycrash.AFTER:
        assert lines[:-1] == earlier and lines[-1]["summary"] == "Izium entered"
        assert recovery is None or recovery.completed
        return "after"
    assert snapshot(root) == historycrash.START
    assert lines == earlier
    return "before"


def test_a_change_killed_at_every_step_is_all_there_or_not_at_all(tmp_path, monkeypatch):
    steps = _steps_of_a_change(tmp_path, monkeypatch)
    assert steps >= 7  # objects, intent, 3 files, line, intent removed
    outcomes = []
    for step in range(steps + 1):
        root = tmp_path / f"killed-{step}"
        earlier = _set_up(root)
        with monkeypatch.context() as patch:
            _die_after(patch, step)
            if step < steps:
                with pytest.raises(Killed):
                    historycrash.commit_change(root)
            else:
                historycrash.commit_change(root)
        outcomes.append(_settled(root, earlier))
        store.remove_temporary_files(root)
        assert not [p for p in root.rglob(".*.tmp")]
    # Killed before the last data file it is undone; after it, completed.
    assert outcomes[0] == "before" and outcomes[-1] == "after"
    assert outcomes == sorted(outcomes, key=["before", "after"].index)
    # and the history it leaves can undo the change when it landed
    last = tmp_path / f"killed-{steps}"
    history.undo(last, history.list_changes(last)[0][-1].id, who="bob")
    assert snapshot(last) == historycrash.START


def test_a_change_whose_write_fails_is_settled_at_once(tmp_path, monkeypatch):
    steps = _steps_of_a_change(tmp_path, monkeypatch)
    for step in range(steps):
        root = tmp_path / f"failed-{step}"
        earlier = _set_up(root)
        with monkeypatch.context() as patch:
            _die_after(patch, step, once=True)
            try:
                historycrash.commit_change(root)
                landed = True
            except OSError:
                landed = False
        assert not history.has_pending(root)  # no restart needed
        assert _settled(root, earlier) == ("after" if landed else "before")


def test_a_torn_history_line_is_written_again_whole(tmp_path):
    root = tmp_path / "data"
    earlier = _set_up(root)
    change = history.prepare(
        root, historycrash.CHANGE, who="alice", kind="article", summary="Izium entered"
    )
    history.begin(root, change)
    for path, data in historycrash.CHANGE.items():
        durable.remove(root / path) if data is None else durable.write_bytes(root / path, data)
    with (root / HISTORY_FILE).open("ab") as handle:
        handle.write(change.line()[:25])  # killed in the middle of the append
    assert history.recover(root).completed
    assert _settled(root, earlier) == "after"
    assert len(history_lines(root)) == len(earlier) + 1


def test_a_last_line_without_its_line_break_is_kept(tmp_path):
    write(tmp_path, {"a.csv": b"1"})
    first = commit(tmp_path, {"a.csv": b"2"})
    path = tmp_path / HISTORY_FILE
    path.write_bytes(path.read_bytes().rstrip(b"\n"))  # as an editor may save it
    second = commit(tmp_path, {"a.csv": b"3"})
    assert [c.id for c in history.list_changes(tmp_path)[0]] == [first.id, second.id]


def test_recovery_keeps_content_it_did_not_expect(tmp_path):
    root = tmp_path / "data"
    _set_up(root)
    change = history.prepare(root, historycrash.CHANGE, who="a", kind="edit", summary="s")
    history.begin(root, change)
    (root / "claims.csv").write_bytes(b"typed in by hand after the crash")
    recovery = history.recover(root)
    assert not recovery.completed and snapshot(root) == historycrash.START
    (kept,) = recovery.kept
    assert kept[0] == "claims.csv"
    assert history.load_object(root, kept[1]) == b"typed in by hand after the crash"
    assert "claims.csv held other content" in str(recovery)


def test_an_unreadable_intent_stops_the_next_change(tmp_path):
    write(tmp_path, {"a.csv": b"1"})
    (tmp_path / PENDING_FILE).write_bytes(b'{"id": "x"')
    with pytest.raises(history.HistoryError, match=PENDING_FILE):
        history.recover(tmp_path)
    with pytest.raises(history.HistoryError, match="another change is pending"):
        commit(tmp_path, {"a.csv": b"2"})
    assert (tmp_path / "a.csv").read_bytes() == b"1"


def test_a_change_killed_by_sigkill_in_a_child_process(tmp_path):
    """Real kill -9s: the child dies just before each of its fsyncs in turn."""

    def run(root: Path, kill_at: int) -> subprocess.CompletedProcess:
        return subprocess.run(
            [sys.executable, "-m", "tests.historycrash", str(root), str(kill_at)],
            cwd=ROOT,
            capture_output=True,
            text=True,
            env={**os.environ, "PYTHONPATH": str(ROOT)},
        )

    whole = run(tmp_path / "whole", 0)
    assert whole.returncode == 0, whole.stderr
    fsyncs = int(whole.stdout)
    outcomes = []
    for kill_at in range(1, fsyncs + 1):
        root = tmp_path / f"killed-{kill_at}"
        child = run(root, kill_at)
        assert child.returncode == -signal.SIGKILL, child.stderr
        earlier = history_lines(root)[:1]  # the setup's; the change's own may follow
        outcomes.append(_settled(root, earlier))
        store.remove_temporary_files(root)
    assert "before" in outcomes and "after" in outcomes
    assert outcomes == sorted(outcomes, key=["before", "after"].index)
