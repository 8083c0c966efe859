"""Imported claims in the data directory: saving a batch through the project's commit, and
reading back what was saved.

Each save writes one file, `imports/<format>-<time>-<digest>.csv`, holding only the claims
not saved before (by claim id, which comes from the source's own row id, so importing the
same file twice adds nothing), each with its provenance: data set, file, row and licence.
Places the gazetteer knows from GeoNames but the project lacks, and places the source names
that neither has (marked with their source in the claim's row), go into places.csv in the
same commit. The claims are streamed from the files to the staged file, so a file of a
million rows is saved in bounded memory.
"""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import os
import re
import tempfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np
import pandas as pd

from frontline import vocab
from frontline.importers.model import ImportedClaim, ImportReport
from frontline.model import Dataset, Place, Problem
from frontline.store.save import Author, Batch, CommitReport, commit
from frontline.store.schema import ID_PATTERN, ISO_DATE_PATTERN, LIST_SEPARATOR, PLACES_FILE

# Saving reads the formats and matches places (rapidfuzz): those modules are imported where a
# save uses them, so that the map page, which only reads what was saved, does without them.
if TYPE_CHECKING:
    from frontline.importers.places import PlaceMatch, PlaceMatcher

IMPORTS_DIR = "imports"
COLUMNS = (
    "claim_id",
    "place_id",
    "place_name",
    "lat",
    "lon",
    "location_precision",
    "date",
    "date_end",
    "date_precision",
    "status",
    "event",
    "certainty",
    "claimant",
    "passage",
    "language",
    "source_url",
    "dataset",
    "file",
    "row",
    "unit",
    "licence",
    "place_match",
    "place_km",
    "known",  # the day the data set knew of the row; empty: the day the file was saved
)
# Files saved before `known` was written lack it; they read as if it were empty.
OPTIONAL_COLUMNS = ("known",)
# A new place within this of a project place of the same name is that place.
SAME_PLACE_KM = 1.0
IMPORT_EVENTS = tuple(dict.fromkeys((*vocab.EVENTS, *vocab.NO_CONTROL_EVENTS)))


def import_files(root: Path) -> list[Path]:
    folder = root / IMPORTS_DIR
    return sorted(folder.glob("*.csv")) if folder.is_dir() else []


_SAVED_STAMP = re.compile(r"-(\d{4})(\d{2})(\d{2})T\d{6}-")


def saved_day(path: Path) -> str:
    """The day (ISO) a saved import file was saved: from the stamp in its name (see _plan),
    else its modification time (UTC)."""
    found = _SAVED_STAMP.search(path.name)
    if found:
        return "-".join(found.groups())
    try:
        return dt.datetime.fromtimestamp(path.stat().st_mtime, dt.UTC).date().isoformat()
    except OSError:
        return ""


def saved_ids(root: Path) -> set[str]:
    """The claim ids already saved, read column by column (the rows are not kept)."""
    ids: set[str] = set()
    for path in import_files(root):
        with path.open(encoding="utf-8", newline="") as handle:
            ids.update(row.get("claim_id", "") for row in csv.DictReader(handle))
    return ids


class _Places:
    """The project's place for each match: its own, or a new one (from GeoNames, or as the
    source gives it) with an id no other place has."""

    def __init__(self, dataset: Dataset):
        self.taken = set(dataset.places)
        self.by_key: dict[str, str] = {}
        self.new: list[Place] = []
        # The project's places by GeoNames id and by name: a place saved by an earlier
        # import is found again even by a matcher built before it was saved.
        self.by_geonames = {
            p.geonames_id: p.place_id for p in dataset.places.values() if p.geonames_id
        }
        self.by_name: dict[str, list[Place]] = {}
        for place in dataset.places.values():
            self.by_name.setdefault(place.name.casefold(), []).append(place)

    def _existing(self, name: str, lat: float, lon: float, geonames_id: int | None) -> str | None:
        from frontline.importers.places import distance_km

        if geonames_id in self.by_geonames:
            return self.by_geonames[geonames_id]
        for place in self.by_name.get(name.casefold(), ()):
            if distance_km(lat, lon, place.lat, place.lon) <= SAME_PLACE_KM:
                return place.place_id
        return None

    def _fresh_id(self, name: str) -> str:
        from frontline.news.gazetteer import slugify

        base = slugify(name)[:90]
        candidate, n = base, 1
        while candidate in self.taken:
            n += 1
            candidate = f"{base}-{n}"
        self.taken.add(candidate)
        return candidate

    def place_id(self, match: PlaceMatch) -> tuple[str | None, str]:
        """(place id, '') or (None, why the claim cannot have a place)."""
        entry, proposed = match.entry, match.proposed
        if entry is not None and entry.place_id:
            return entry.place_id, ""
        key = entry.key if entry is not None else f"new:{id(proposed)}"
        if key in self.by_key:
            return self.by_key[key], ""
        spot = entry or proposed
        if spot is not None and (
            found := self._existing(spot.name, spot.lat, spot.lon, spot.geonames_id)
        ):
            self.by_key[key] = found
            return found, ""
        if entry is not None:
            place = Place(
                place_id=self._fresh_id(entry.name),
                name=entry.name,
                kind=entry.kind if entry.kind in vocab.PLACE_KINDS else "village",
                oblast=entry.oblast,
                lat=entry.lat,
                lon=entry.lon,
                geonames_id=entry.geonames_id,
                population=entry.population or None,
                alt_names=tuple(
                    n
                    for n in dict.fromkeys(entry.names)
                    if n != entry.name and LIST_SEPARATOR not in n
                )[:20],
                name_uk=entry.name_uk,
                name_ru=entry.name_ru,
            )
        elif proposed is None:
            return None, "the place is not in the gazetteer and the row has no coordinates"
        elif not proposed.oblast:
            return None, (
                f"{proposed.lat:.4f}, {proposed.lon:.4f} is outside Ukraine's oblasts, "
                "so it cannot be a new place"
            )
        else:
            place = Place(
                place_id=self._fresh_id(proposed.suggested_id),
                name=proposed.name,
                kind=proposed.kind,
                oblast=proposed.oblast,
                lat=proposed.lat,
                lon=proposed.lon,
                geonames_id=proposed.geonames_id,
            )
        self.by_key[key] = place.place_id
        self.new.append(place)
        return place.place_id, ""


def _row(claim: ImportedClaim, match: PlaceMatch, place_id: str) -> list[object]:
    source = claim.provenance
    method = match.method
    if match.proposed is not None:
        where = f"{Path(source.file).name} {source.unit} {source.line}"
        method = f"new place, from {source.dataset}, {where}"
    return [
        claim.claim_id,
        place_id,
        claim.place,
        "" if claim.lat is None else claim.lat,
        "" if claim.lon is None else claim.lon,
        claim.location_precision,
        claim.date.isoformat(),
        claim.date_end.isoformat(),
        claim.date_precision,
        claim.status,
        claim.event,
        claim.certainty,
        claim.claimant,
        claim.passage,
        claim.language,
        claim.source_url,
        source.dataset,
        Path(source.file).name,  # the name, not where it sat on the importer's disk
        source.line,
        source.unit,
        source.licence,
        method,
        "" if match.distance_km is None else f"{match.distance_km:.2f}",
        "" if claim.known is None else claim.known.isoformat(),
    ]


@dataclass
class SaveResult:
    """What a save did: the commit's report, and what reading the files came to."""

    commit: CommitReport
    report: ImportReport
    added: int = 0
    already: int = 0
    file: str = ""

    @property
    def message(self) -> str:
        return self.commit.message


def _plan(
    fmt: str,
    paths: Sequence[Path],
    matcher: PlaceMatcher,
    root: Path,
    report: ImportReport,
    result: SaveResult,
    staged: list[Path],
    options: dict,
) -> Callable[[Dataset], Batch | CommitReport]:
    def plan(dataset: Dataset) -> Batch | CommitReport:
        from frontline.importers.batch import _context, iter_claims

        known = saved_ids(root)
        places = _Places(dataset)
        folder = root / IMPORTS_DIR
        folder.mkdir(exist_ok=True)
        for leftover in folder.glob(".*.tmp"):  # of a save killed midway; under the lock
            leftover.unlink(missing_ok=True)
        stamp = dt.datetime.now(dt.UTC).strftime("%Y%m%dT%H%M%S")
        fd, tmp = tempfile.mkstemp(prefix=f".{fmt}-{stamp}.", suffix=".tmp", dir=folder)
        staged.append(Path(tmp))
        digest = hashlib.sha1(usedforsecurity=False)
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as handle:
            writer = csv.writer(handle, lineterminator="\n")
            writer.writerow(COLUMNS)
            for claim in iter_claims(fmt, paths, report, _context(matcher, **options)):
                if claim.claim_id in known:
                    result.already += 1
                    continue
                match = matcher.match(claim)
                place_id, why = places.place_id(match)
                if place_id is None:
                    source = claim.provenance
                    report.problem(source.file, source.line, "place", f"{why}; left out")
                    continue
                writer.writerow(_row(claim, match, place_id))
                digest.update(claim.claim_id.encode())
                known.add(claim.claim_id)  # so overlapping files given together add it once
                result.added += 1
            handle.flush()
            os.fsync(handle.fileno())
        if not result.added:
            return CommitReport(
                added=False,
                message=f"nothing added: {result.already} claim(s) already in the data, "
                f"{report.problem_count} problem(s)",
            )
        result.file = f"{IMPORTS_DIR}/{fmt}-{stamp}-{digest.hexdigest()[:8]}.csv"
        return Batch(
            places=tuple(places.new),
            files=((result.file, Path(tmp)),),
            message=(
                f"added {result.added} claim(s) to {result.file} and {len(places.new)} new "
                f"place(s) to {PLACES_FILE}; {result.already} already in the data, "
                f"{report.problem_count} problem(s)"
            ),
        )

    return plan


def save_import(
    fmt: str,
    paths: Sequence[Path],
    matcher: PlaceMatcher,
    data_dir: Path,
    *,
    mapping_file: Path | None = None,
    publisher: str = "",
    progress: Callable[[int, int], None] | None = None,
    today: dt.date | None = None,
    author: Author | None = None,
) -> SaveResult:
    """Save the new claims of the files (and their new places) through the commit, recorded
    in the history as an import by `author`; raises store.save.CommitError when the data
    cannot be written."""
    root = Path(data_dir)
    report = ImportReport(progress=progress)
    result = SaveResult(CommitReport(added=False), report)
    staged: list[Path] = []
    options = {"mapping_file": mapping_file, "publisher": publisher, "today": today}
    try:
        result.commit = commit(
            _plan(fmt, paths, matcher, root, report, result, staged, options),
            root,
            author or Author(kind="import"),
        )
    finally:
        for path in staged:  # moved into place by the commit, or left by a refusal
            path.unlink(missing_ok=True)
    return result


# --- reading back -------------------------------------------------------------------------

# A few bad rows are listed one by one; beyond this many, they are counted.
MAX_PROBLEMS_LISTED = 1000


@dataclass
class SavedImports:
    """The saved imported claims (one column per COLUMNS, all text, as written; `_file`
    and `_line` say where each row sits), and the problems of the rows left out. Read with
    pandas' text columns, so a million rows take about the files' size in memory."""

    frame: pd.DataFrame = field(default_factory=lambda: pd.DataFrame(columns=list(COLUMNS)))
    problems: list[Problem] = field(default_factory=list)

    @property
    def rows(self) -> list[dict[str, str]]:
        return self.frame[list(COLUMNS)].to_dict(orient="records")


READ_CHUNK_ROWS = 20_000  # read in chunks: the parser's own buffers stay small


def _read_file(path: Path, label: str, checked: _Checker) -> pd.DataFrame | None:
    problems = checked.problems
    chunks, line = [], 2
    try:
        reader = pd.read_csv(
            path,
            dtype=str,
            keep_default_na=False,
            na_filter=False,
            encoding="utf-8",
            encoding_errors="replace",
            chunksize=READ_CHUNK_ROWS,
        )
        with reader:
            for chunk in reader:
                for name in OPTIONAL_COLUMNS:
                    if name not in chunk.columns:
                        chunk[name] = ""
                missing = [c for c in COLUMNS if c not in chunk.columns]
                if missing:
                    problems.append(
                        Problem(label, 1, missing[0], "is missing; the file is left out")
                    )
                    return None
                chunk = chunk[list(COLUMNS)]
                # The line each row starts on: a passage may hold line breaks of its own.
                breaks = sum(chunk[c].str.count("\n") for c in COLUMNS).to_numpy()
                starts = line + np.arange(len(chunk)) + np.cumsum(breaks) - breaks
                line = int(starts[-1] + 1 + breaks[-1]) if len(chunk) else line
                chunk = chunk.assign(_line=starts, _file=label)
                chunk["known"] = chunk["known"].where(chunk["known"] != "", saved_day(path))
                chunks.append(checked(chunk))
    except (OSError, ValueError, pd.errors.ParserError) as err:
        problems.append(Problem(label, 0, "-", f"cannot be read: {str(err)[:200]}"))
        return None
    if not chunks:
        return None
    return pd.concat(chunks, ignore_index=True)


def _faults(frame: pd.DataFrame, places: dict[str, Place]) -> list[tuple[str, pd.Series, str]]:
    """(field, which rows fail, what is wrong) for each check, in the order reported."""
    blank = {name: frame[name].str.strip() == "" for name in ("dataset", "file", "licence")}
    days = {
        name: pd.to_datetime(
            frame[name].where(frame[name].str.match(ISO_DATE_PATTERN.pattern)),
            format="%Y-%m-%d",
            errors="coerce",
        )
        for name in ("date", "date_end", "known")
    }
    return [
        ("claim_id", ~frame["claim_id"].str.match(ID_PATTERN.pattern), "is not an id"),
        ("place_id", ~frame["place_id"].isin(list(places)), f"is not a place in {PLACES_FILE}"),
        ("date", days["date"].isna(), "is not a date (YYYY-MM-DD)"),
        ("date_end", days["date_end"].isna(), "is not a date (YYYY-MM-DD)"),
        ("date_end", days["date_end"] < days["date"], "is before the date"),
        ("known", days["known"].isna(), "is not a date (YYYY-MM-DD)"),
        ("known", days["known"] < days["date"], "is before the date"),
        (
            "status",
            ~frame["status"].isin([*vocab.STATUSES, ""]),
            f"is not one of {', '.join(vocab.STATUSES)} or empty",
        ),
        ("event", ~frame["event"].isin(IMPORT_EVENTS), f"is not one of {', '.join(IMPORT_EVENTS)}"),
        (
            "certainty",
            ~frame["certainty"].isin(vocab.CERTAINTIES),
            f"is not one of {', '.join(vocab.CERTAINTIES)}",
        ),
        ("claimant", frame["claimant"].str.strip() == "", "is empty"),
        *((name, rows, "is empty: every imported claim names it") for name, rows in blank.items()),
        ("row", ~frame["row"].str.isdigit(), "is not a line or item number"),
    ]


class _Checker:
    """Checks chunks of saved rows: reports each bad row (the first MAX_PROBLEMS_LISTED by
    file, line and field) and returns the rest, copying a chunk only when it has bad rows."""

    def __init__(self, places: dict[str, Place], problems: list[Problem]):
        self.places, self.problems, self.left_out = places, problems, 0

    def report(self, frame: pd.DataFrame, fails: pd.Series, name: str, message: str) -> None:
        room = MAX_PROBLEMS_LISTED - len(self.problems)
        for _, row in frame[fails].head(max(room, 0)).iterrows():
            self.problems.append(
                Problem(row["_file"], int(row["_line"]), name, f"{row[name][:40]!r} {message}")
            )
        self.left_out += int(fails.sum())

    def __call__(self, frame: pd.DataFrame) -> pd.DataFrame:
        bad = pd.Series(False, index=frame.index)
        for name, fails, message in _faults(frame, self.places):
            new = fails & ~bad
            if new.any():
                self.report(frame, new, name, message)
                bad |= new
        return frame[~bad] if bad.any() else frame


def load_saved(root: Path, places: dict[str, Place]) -> SavedImports:
    """Every saved import file, validated: a bad row is reported by file, line and field and
    left out; the rest are kept."""
    saved = SavedImports()
    checked = _Checker(places, saved.problems)
    frames = []
    for path in import_files(root):
        frame = _read_file(path, f"{IMPORTS_DIR}/{path.name}", checked)
        if frame is not None:
            frames.append(frame)
    if not frames:
        return saved
    frame = pd.concat(frames, ignore_index=True)
    del frames
    repeated = frame["claim_id"].duplicated()
    if repeated.any():
        checked.report(frame, repeated, "claim_id", "is already saved in an earlier row or file")
        frame = frame[~repeated].reset_index(drop=True)
    if checked.left_out > len(saved.problems):
        saved.problems.append(
            Problem(IMPORTS_DIR, 0, "-", f"{checked.left_out} row(s) left out in all")
        )
    saved.frame = frame
    return saved
