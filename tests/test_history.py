"""The history of changes: records, undo byte for byte, and a change that lands with its
record or not at all wherever the writer is killed."""

from __future__ import annotations

import json
import random
import zlib
from pathlib import Path

import pytest

from frontline import store
from frontline.store import history
from frontline.store.historylog import HISTORY_FILE, OBJECTS_DIR, PENDING_FILE, check_path

ROOT = Path(__file__).resolve().parent.parent
_HISTORY_OWN = {HISTORY_FILE, PENDING_FILE, store.LOCK_FILE}


def snapshot(root: Path) -> dict[str, bytes]:
    """Every data file's bytes (the history's own files and temporary files left out)."""
    files = {}
    for path in root.rglob("*"):
        name = path.relative_to(root).as_posix()
        own = name in _HISTORY_OWN or name.startswith("history/") or name.endswith(".tmp")
        if path.is_file() and not own:
            files[name] = path.read_bytes()
    return files


def write(root: Path, files: dict[str, bytes]) -> None:
    for name, data in files.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_bytes(data)


def commit(root: Path, contents: dict, summary: str = "a change", who: str = "alice"):
    return history.commit(root, contents, who=who, kind="edit", summary=summary)


def history_lines(root: Path) -> list[dict]:
    path = root / HISTORY_FILE
    if not path.exists():
        return []
    return [json.loads(line) for line in path.read_bytes().splitlines() if line.strip()]


# --- records -------------------------------------------------------------------------------


def test_a_change_is_recorded_with_its_files_before_and_after(tmp_path):
    write(tmp_path, {"claims.csv": b"old\n"})
    change = history.commit(
        tmp_path,
        {"claims.csv": b"new\n", "articles/a.txt": b"text"},
        who="alice",
        kind="article",
        summary="an article",
        why="a report came in",
    )
    (line,) = history_lines(tmp_path)
    assert line["id"] == change.id and line["who"] == "alice" and line["kind"] == "article"
    assert line["when"].endswith("Z") and line["why"] == "a report came in"
    assert line["files"] == [
        {
            "path": "claims.csv",
            "before": history.digest(b"old\n"),
            "after": history.digest(b"new\n"),
        },
        {"path": "articles/a.txt", "before": "absent", "after": history.digest(b"text")},
    ]
    kept = tmp_path / OBJECTS_DIR / history.digest(b"old\n")
    assert zlib.decompress(kept.read_bytes()) == b"old\n"
    assert snapshot(tmp_path) == {"claims.csv": b"new\n", "articles/a.txt": b"text"}
    assert not history.has_pending(tmp_path)


def test_before_images_are_kept_once_per_content(tmp_path):
    write(tmp_path, {"a.csv": b"same", "b.csv": b"same"})
    commit(tmp_path, {"a.csv": b"1", "b.csv": b"2"})
    commit(tmp_path, {"a.csv": b"same"})
    commit(tmp_path, {"a.csv": b"3"})
    names = sorted(p.name for p in (tmp_path / OBJECTS_DIR).iterdir())
    assert names == sorted({history.digest(b) for b in (b"same", b"1")})


def test_the_permission_bits_of_a_file_are_kept(tmp_path):
    write(tmp_path, {"claims.csv": b"old"})
    (tmp_path / "claims.csv").chmod(0o640)
    change = commit(tmp_path, {"claims.csv": b"new"})
    assert (tmp_path / "claims.csv").stat().st_mode & 0o777 == 0o640
    history.undo(tmp_path, change.id, who="bob")
    assert (tmp_path / "claims.csv").stat().st_mode & 0o777 == 0o640


@pytest.mark.parametrize(
    "name",
    [
        "",
        "/etc/passwd",
        "../outside.csv",
        "a/../../b",
        "a//b",
        "./a",
        "a\\b",
        HISTORY_FILE,
        PENDING_FILE,
        store.LOCK_FILE,
        "history/objects/x",
        "articles/",
    ],
)
def test_a_change_touches_only_data_files(tmp_path, name):
    with pytest.raises(ValueError):
        check_path(name)
    with pytest.raises(ValueError):
        commit(tmp_path, {name: b"x"})
    assert history_lines(tmp_path) == [] and not history.has_pending(tmp_path)


def test_a_change_that_could_not_be_read_back_is_refused(tmp_path):
    with pytest.raises(ValueError, match="who"):
        history.commit(tmp_path, {"a.csv": b"x"}, who=" ", kind="edit", summary="s")
    with pytest.raises(ValueError, match="kind"):
        history.commit(tmp_path, {"a.csv": b"x"}, who="a", kind="delete-all", summary="s")
    with pytest.raises(ValueError, match="at least one file"):
        history.commit(tmp_path, {}, who="a", kind="edit", summary="s")
    assert not (tmp_path / "a.csv").exists() and history_lines(tmp_path) == []


def test_malformed_lines_are_problems_and_the_rest_still_lists(tmp_path):
    write(tmp_path, {"a.csv": b"1"})
    first = commit(tmp_path, {"a.csv": b"2"}, summary="first")
    good = (tmp_path / HISTORY_FILE).read_bytes()
    record = json.loads(good)
    bad_hash = {
        **record,
        "id": "20250101T000000Z-aaaaaa",
        "files": [{"path": "a.csv", "before": "xyz", "after": "absent"}],
    }
    no_who = {k: v for k, v in record.items() if k != "who"} | {"id": "20250101T000000Z-bbbbbb"}
    bad_kind = {**record, "id": "20250101T000000Z-cccccc", "kind": "rewrite"}
    bad_when = {**record, "id": "20250101T000000Z-dddddd", "when": "yesterday"}
    lines = [
        b"not json at all",
        json.dumps(bad_hash).encode(),
        json.dumps(no_who).encode(),
        b"\xff\xfe",
        json.dumps(bad_kind).encode(),
        good.strip(),  # the same id again
        json.dumps(bad_when).encode(),
        json.dumps([1, 2]).encode(),
    ]
    (tmp_path / HISTORY_FILE).write_bytes(good + b"\n".join(lines) + b"\n")
    second = commit(tmp_path, {"a.csv": b"3"}, summary="second")
    changes, problems = history.list_changes(tmp_path)
    assert [c.id for c in changes] == [first.id, second.id]
    assert [(p.line, p.field) for p in problems] == [
        (2, "-"),
        (3, "files[0].before"),
        (4, "who"),
        (5, "-"),
        (6, "kind"),
        (7, "id"),
        (8, "when"),
        (9, "-"),
    ]
    assert all(p.file == HISTORY_FILE for p in problems)
    # Undo still works around them.
    history.undo(tmp_path, second.id, who="bob")
    assert snapshot(tmp_path) == {"a.csv": b"2"}


def test_the_list_command(tmp_path, capsys):
    write(tmp_path, {"a.csv": b"1"})
    first = commit(tmp_path, {"a.csv": b"2"}, summary="first\nsecond line")
    undo = history.undo(tmp_path, first.id, who="bob", why="wrong place")
    assert history.main(["list", "--data-dir", str(tmp_path)]) == 0
    out = capsys.readouterr().out.splitlines()
    assert [line.split()[0] for line in out] == [first.id, undo.id]
    assert "first second line" in out[0] and f"[undone by {undo.id}]" in out[0]
    assert "bob  undo:" in out[1] and "(why: wrong place)" in out[1]
    with (tmp_path / HISTORY_FILE).open("ab") as handle:
        handle.write(b"{broken\n")
    assert history.main(["list", "--data-dir", str(tmp_path)]) == 1
    captured = capsys.readouterr()
    assert len(captured.out.splitlines()) == 2
    assert f"{tmp_path / HISTORY_FILE}:3: -: is not JSON" in captured.err


# --- undo ------------------------------------------------------------------------------------


def test_undo_sets_every_file_back_byte_for_byte(tmp_path):
    start = {"claims.csv": b"a\r\nb\n", "notes.bin": bytes(range(256)), "places.csv": b"p"}
    write(tmp_path, start)
    change = commit(
        tmp_path, {"claims.csv": b"changed", "notes.bin": None, "articles/new.txt": b"new"}
    )
    assert snapshot(tmp_path) == {
        "claims.csv": b"changed",
        "places.csv": b"p",
        "articles/new.txt": b"new",
    }
    undo = history.undo(tmp_path, change.id, who="bob", why="a mistake")
    assert snapshot(tmp_path) == start
    assert undo.kind == "undo" and undo.undoes == change.id and undo.who == "bob"
    redo = history.undo(tmp_path, undo.id, who="carol")  # an undo can be undone
    assert snapshot(tmp_path)["claims.csv"] == b"changed"
    assert history.undone_by(history.list_changes(tmp_path)[0]) == {undo.id: redo.id}


def test_undo_is_refused_when_a_later_change_touched_the_file(tmp_path):
    write(tmp_path, {"claims.csv": b"1", "places.csv": b"p1"})
    first = commit(tmp_path, {"claims.csv": b"2", "places.csv": b"p2"}, summary="first")
    elsewhere = commit(tmp_path, {"other.csv": b"x"}, summary="elsewhere")
    later = commit(tmp_path, {"places.csv": b"p3"}, summary="later")
    before = snapshot(tmp_path), history_lines(tmp_path)
    with pytest.raises(history.HistoryError) as refused:
        history.undo(tmp_path, first.id, who="bob")
    message = str(refused.value)
    assert later.id in message and "(later)" in message and elsewhere.id not in message
    assert (snapshot(tmp_path), history_lines(tmp_path)) == before
    history.undo(tmp_path, later.id, who="bob")
    history.undo(tmp_path, first.id, who="bob")  # now it can
    assert snapshot(tmp_path) == {"claims.csv": b"1", "places.csv": b"p1", "other.csv": b"x"}


def test_undo_is_refused_when_a_file_was_changed_outside_the_history(tmp_path):
    write(tmp_path, {"claims.csv": b"1"})
    change = commit(tmp_path, {"claims.csv": b"2"})
    (tmp_path / "claims.csv").write_bytes(b"edited by hand")
    with pytest.raises(history.HistoryError, match="changed outside the history"):
        history.undo(tmp_path, change.id, who="bob")
    assert (tmp_path / "claims.csv").read_bytes() == b"edited by hand"


def test_undo_twice_or_of_nothing_is_refused(tmp_path):
    write(tmp_path, {"claims.csv": b"1"})
    change = commit(tmp_path, {"claims.csv": b"2"})
    undo = history.undo(tmp_path, change.id, who="bob")
    with pytest.raises(history.HistoryError, match=f"already undone by {undo.id}"):
        history.undo(tmp_path, change.id, who="bob")
    with pytest.raises(history.HistoryError, match="there is no change"):
        history.undo(tmp_path, "20990101T000000Z-abcdef", who="bob")


def test_undo_says_when_a_before_image_is_damaged(tmp_path):
    write(tmp_path, {"claims.csv": b"1"})
    change = commit(tmp_path, {"claims.csv": b"2"})
    (tmp_path / OBJECTS_DIR / history.digest(b"1")).write_bytes(zlib.compress(b"tampered"))
    with pytest.raises(history.HistoryError, match="damaged"):
        history.undo(tmp_path, change.id, who="bob")
    assert (tmp_path / "claims.csv").read_bytes() == b"2"


def test_the_undo_command(tmp_path, capsys):
    write(tmp_path, {"claims.csv": b"1"})
    first = commit(tmp_path, {"claims.csv": b"2"})
    second = commit(tmp_path, {"claims.csv": b"3"})
    args = ["--data-dir", str(tmp_path), "--who", "bob", "--why", "test"]
    assert history.main(["undo", first.id, *args]) == 1
    assert second.id in capsys.readouterr().err
    assert history.main(["undo", second.id, *args]) == 0
    assert capsys.readouterr().out.startswith(history.list_changes(tmp_path)[0][-1].id)
    assert (tmp_path / "claims.csv").read_bytes() == b"2"
    assert history.main(["undo", first.id, "--data-dir", str(tmp_path / "none")]) == 1


FILES = ["claims.csv", "places.csv", "articles/a1.txt", "articles/a2.txt", "notes.bin"]


def _random_contents(rng: random.Random) -> dict[str, bytes | None]:
    names = rng.sample(FILES, rng.randint(1, 3))
    return {
        name: None
        if rng.random() < 0.15
        else rng.choice([b"", b"\xff\x00\r\n", b"same"]) + rng.randbytes(rng.randint(0, 30))
        for name in names
    }


@pytest.mark.parametrize("seed", range(6))
def test_random_saves_and_undos_keep_every_earlier_state(tmp_path, seed):
    """Saves, steps back (undo the latest change in effect), steps forward (undo that undo)
    and undos of any change, checked against a model of the data kept by the test alone:
    after each step the files are what the model says byte for byte, an undo that goes ahead
    never throws away a later change, and stepping all the way back gives every earlier
    state and then the first."""
    rng = random.Random(seed)
    root = tmp_path
    write(root, {"claims.csv": b"claims 0", "places.csv": b"places 0"})
    initial = snapshot(root)
    before: dict[str, dict] = {}  # each change: the files before it, and after it
    after: dict[str, dict] = {}
    live: list[str] = []  # changes in effect, each stepped back in turn
    forward: list[tuple[str, str]] = []  # (undo, change) of the steps back, to step forward
    counts = {"refused": 0, "random undo": 0}

    def record(change, state_before):
        before[change.id], after[change.id] = state_before, snapshot(root)

    for _ in range(60):
        state = snapshot(root)
        roll = rng.random()
        if roll < 0.4 or not live:
            contents = _random_contents(rng)
            change = commit(root, contents)
            expected = {p: d for p, d in {**state, **contents}.items() if d is not None}
            assert snapshot(root) == expected
            record(change, state)
            live.append(change.id)
            forward.clear()
        elif roll < 0.6:
            latest = live.pop()
            undo = history.undo(root, latest, who="bob")
            assert snapshot(root) == before[latest]
            record(undo, state)
            forward.append((undo.id, latest))
        elif roll < 0.75 and forward:
            undo_id, change_id = forward.pop()
            redo = history.undo(root, undo_id, who="bob")
            assert snapshot(root) == after[change_id]
            record(redo, state)
            live.append(change_id)
        else:
            target = rng.choice(list(before))
            lines = history_lines(root)
            try:
                undo = history.undo(root, target, who="bob")
            except history.HistoryError:
                counts["refused"] += 1
                assert (snapshot(root), history_lines(root)) == (state, lines)
                continue
            counts["random undo"] += 1
            touched = {f.path for f in undo.files}
            # Only what the target itself left is set back, and only to what it found.
            assert {p: state.get(p) for p in touched} == {p: after[target].get(p) for p in touched}
            expected = {p: d for p, d in state.items() if p not in touched}
            expected |= {p: before[target][p] for p in touched if p in before[target]}
            assert snapshot(root) == expected
            record(undo, state)
            live.append(undo.id)
            forward.clear()
    while live:
        latest = live.pop()
        history.undo(root, latest, who="bob")
        assert snapshot(root) == before[latest]
    assert snapshot(root) == initial
    assert history.list_changes(root)[1] == []
    assert counts["refused"] + counts["random undo"] > 0


def test_random_sequences_include_both_outcomes_of_a_random_undo(tmp_path):
    """The random test above means something only if its random undos both go ahead and
    are refused; here a fixed case of each."""
    write(tmp_path, {"a.csv": b"1", "b.csv": b"1"})
    first = commit(tmp_path, {"a.csv": b"2"})
    commit(tmp_path, {"b.csv": b"2"})
    history.undo(tmp_path, first.id, who="bob")  # goes ahead: b.csv is not a.csv
    third = commit(tmp_path, {"a.csv": b"3"})
    with pytest.raises(history.HistoryError):
        history.undo(tmp_path, first.id, who="bob")
    assert third.id


def test_the_history_sits_beside_the_bundled_data_without_disturbing_it(data_copy):
    claims = (data_copy / store.CLAIMS_FILE).read_bytes()
    with store.write_lock(data_copy):
        history.recover(data_copy)
        change = history.commit(
            data_copy,
            {store.CLAIMS_FILE: claims.replace(b"\n", b"\n", 1)},
            who="alice",
            kind="edit",
            summary="nothing really",
        )
    assert store.load_dataset(data_copy).problems == []
    with store.write_lock(data_copy):
        history.undo(data_copy, change.id, who="alice")
    assert (data_copy / store.CLAIMS_FILE).read_bytes() == claims
