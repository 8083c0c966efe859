"""The Import page's Streamlit parts: the uploads staged as files for the importers, the
preview with a progress bar, and the save, which goes through the project's commit."""

from __future__ import annotations

import contextlib
import hashlib
import re
import tempfile
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

import streamlit as st

from frontline import limits
from frontline.importers.batch import Preview, preview
from frontline.importers.places import PlaceMatcher
from frontline.importers.saved import SaveResult, save_import, saved_ids
from frontline.news.gazetteer import load_gazetteer
from frontline.store.boundaries import load_oblast_shapes
from frontline.store.save import Author

Upload = tuple[str, bytes]  # (the file's name as uploaded, its bytes)
_UNSAFE_NAME = re.compile(r"[^A-Za-z0-9_.-]+")


@st.cache_resource(show_spinner="Loading the gazetteer…", max_entries=2)
def matcher(data_dir: str, signature: tuple) -> PlaceMatcher:
    """The place matcher of the data as it is now: a save that adds places changes the
    signature, so the next preview matches against them."""
    shapes, _ = load_oblast_shapes(Path(data_dir))
    return PlaceMatcher(load_gazetteer(data_dir), shapes)


def safe_name(name: str, number: int) -> str:
    """An upload's name as a file name in the scratch folder: its last part, plain
    characters, never empty or hidden (the provenance keeps this name)."""
    base = _UNSAFE_NAME.sub("_", Path(name.replace("\\", "/")).name).lstrip(".")
    return base[:120] or f"upload-{number}"


@contextlib.contextmanager
def staged(
    uploads: Sequence[Upload], mapping: Upload | None
) -> Iterator[tuple[list[Path], Path | None]]:
    """The uploads as files in a scratch folder, deleted afterwards: the importers stream
    from files, as the command does."""
    with tempfile.TemporaryDirectory(prefix="frontline-import-") as scratch:
        folder = Path(scratch)
        paths: list[Path] = []
        for number, (name, raw) in enumerate(uploads, 1):
            path = folder / safe_name(name, number)
            if path in paths:  # two uploads of one name: keep both
                path = folder / f"{number}-{path.name}"
            path.write_bytes(raw)
            paths.append(path)
        mapping_path = None
        if mapping is not None:
            (folder / "mapping").mkdir()
            mapping_path = folder / "mapping" / safe_name(mapping[0], 0)
            mapping_path.write_bytes(mapping[1])
        yield paths, mapping_path


def uploads_key(fmt: str, uploads: Sequence[Upload], mapping: Upload | None, publisher: str) -> str:
    """What a preview was made of: a save is offered only for the files previewed."""
    digest = hashlib.sha256(f"{fmt}\x1f{publisher}".encode())
    for name, raw in [*uploads, *([mapping] if mapping else [])]:
        digest.update(name.encode() + b"\x1f" + hashlib.sha256(raw).digest())
    return digest.hexdigest()


def uploads_problem(uploads: Sequence[Upload], mapping: Upload | None) -> str | None:
    too_large = limits.import_uploads_too_large(tuple((n, len(raw)) for n, raw in uploads))
    if too_large:
        return too_large
    if mapping is not None and len(mapping[1]) > limits.IMPORT_MAPPING_BYTES:
        return f"the mapping file is larger than {limits.IMPORT_MAPPING_BYTES // 1024} KB"
    return None


def already_saved(data_dir: Path, shown: Preview) -> set[str]:
    """The ids of the preview's claims that an earlier import saved."""
    ids = {claim.claim_id for claim, _ in shown.sample}
    return ids & saved_ids(data_dir) if ids else set()


class ProgressBar:
    """st.progress driven by the importers' (bytes done, bytes in all), redrawn only when
    the percentage changes."""

    def __init__(self, label: str):
        self.label, self.shown = label, -1
        self.bar = st.progress(0, text=label)

    def __call__(self, done: int, total: int) -> None:
        percent = 100 * done // total if total else 100
        if percent != self.shown:
            self.shown = percent
            self.bar.progress(min(percent, 100), text=f"{self.label} {percent}%")

    def done(self) -> None:
        self.bar.empty()


@dataclass(frozen=True)
class Staged:
    """What a preview and a save both read from: the staged files, the mapping file, the
    place matcher of the data as it is, and the progress bar."""

    paths: list[Path]
    mapping: Path | None
    matcher: PlaceMatcher
    progress: ProgressBar


@contextlib.contextmanager
def prepared(
    label: str,
    uploads: Sequence[Upload],
    mapping: Upload | None,
    data_dir: Path,
    signature: tuple,
) -> Iterator[Staged]:
    """The uploads staged as files, with the matcher and a progress bar labelled `label`;
    the files deleted and the bar cleared afterwards, whatever happens."""
    bar = ProgressBar(label)
    try:
        with staged(uploads, mapping) as (paths, mapping_path):
            yield Staged(paths, mapping_path, matcher(str(data_dir), signature), bar)
    finally:
        bar.done()


def run_preview(
    fmt: str,
    uploads: Sequence[Upload],
    mapping: Upload | None,
    publisher: str,
    data_dir: Path,
    signature: tuple,
) -> Preview:
    with prepared("Reading…", uploads, mapping, data_dir, signature) as ready:
        return preview(
            fmt,
            ready.paths,
            ready.matcher,
            mapping_file=ready.mapping,
            publisher=publisher,
            progress=ready.progress,
            limit=0 if sum(len(raw) for _, raw in uploads) < 1_000_000 else 500,
        )


def save_uploads(
    fmt: str,
    uploads: Sequence[Upload],
    mapping: Upload | None,
    publisher: str,
    data_dir: Path,
    signature: tuple,
    author: Author,
) -> SaveResult:
    """The one call that writes: the uploads' new claims and places, through the commit.
    Raises store.save.CommitError when the data cannot be written."""
    with prepared("Saving…", uploads, mapping, data_dir, signature) as ready:
        return save_import(
            fmt,
            ready.paths,
            ready.matcher,
            data_dir,
            mapping_file=ready.mapping,
            publisher=publisher,
            progress=ready.progress,
            author=author,
        )
