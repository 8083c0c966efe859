"""Running an importer over files: a preview (streamed, in bounded memory: counts, the first
claims and every distinct place) or a whole batch for the commit to save."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from frontline.importers import acled, gdelt, geoconfirmed, mapping, timemap, viina
from frontline.importers.credits import CREDITS
from frontline.importers.model import ImportedClaim, ImportReport, ReadContext
from frontline.importers.places import PlaceMatch, PlaceMatcher, ProposedPlace
from frontline.news.gazetteer import cached_gazetteer
from frontline.store import default_data_dir
from frontline.store.boundaries import load_oblast_shapes

READERS = {
    "acled": acled.read,
    "gdelt": gdelt.read,
    "viina": viina.read,
    "timemap": timemap.read,
    "geoconfirmed": geoconfirmed.read,
    "csv": mapping.read,
}
FORMATS = tuple(READERS)
Progress = Callable[[int, int], None]


def make_matcher(data_dir: Path | str | None = None, **options) -> PlaceMatcher:
    """A place matcher on a data directory's gazetteer and oblast boundaries."""
    root = Path(data_dir) if data_dir is not None else default_data_dir()
    shapes, _ = load_oblast_shapes(root)
    return PlaceMatcher(cached_gazetteer(root), shapes, **options)


def _size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:
        return 0


def iter_claims(
    fmt: str, paths: Sequence[Path], report: ImportReport, context: ReadContext
) -> Iterator[ImportedClaim]:
    """The valid claims of the files, each id once: a row repeating an earlier row's id is
    reported and left out (a re-import is skipped by id when saved, not here)."""
    report.total_bytes = sum(_size(p) for p in paths)
    seen: set[str] = set()
    for claim in READERS[fmt](list(paths), report, context):
        if claim.claim_id in seen:
            report.problem(
                claim.provenance.file,
                claim.provenance.line,
                "id",
                f"repeats the id {claim.claim_id} of an earlier row; left out",
            )
            continue
        seen.add(claim.claim_id)
        yield claim
    if report.progress is not None:
        report.progress(report.total_bytes, report.total_bytes)


def licence_of(fmt: str, context: ReadContext, first: ImportedClaim | None) -> str:
    if fmt == "csv":
        return first.provenance.licence if first else ""
    return CREDITS[fmt]


@dataclass
class Preview:
    """What an import would add: counts, the first claims, every distinct place."""

    format: str
    files: list[str]
    report: ImportReport
    claims: int = 0
    without_control: int = 0
    sample: list[tuple[ImportedClaim, PlaceMatch]] = field(default_factory=list)
    places: list[PlaceMatch] = field(default_factory=list)
    licence: str = ""

    @property
    def places_matched(self) -> int:
        return sum(1 for m in self.places if not m.is_new)

    @property
    def places_new(self) -> int:
        return sum(1 for m in self.places if m.is_new)


@dataclass
class ImportBatch:
    """A validated batch for the commit: each claim with its place (matched or proposed)."""

    format: str
    files: list[str]
    items: list[tuple[ImportedClaim, PlaceMatch]]
    new_places: list[ProposedPlace]
    report: ImportReport
    licence: str


def _context(
    matcher: PlaceMatcher, mapping_file: Path | None, publisher: str, today: dt.date | None
) -> ReadContext:
    return ReadContext(
        today=today or dt.date.today(),
        locate=matcher.locate,
        mapping=mapping_file,
        publisher=publisher,
    )


def preview(
    fmt: str,
    paths: Sequence[Path],
    matcher: PlaceMatcher,
    *,
    mapping_file: Path | None = None,
    publisher: str = "",
    progress: Progress | None = None,
    limit: int = 50,
    today: dt.date | None = None,
) -> Preview:
    """Read the files once, keeping only counts, the first `limit` claims (all for 0) and the
    distinct places."""
    report = ImportReport(progress=progress)
    context = _context(matcher, mapping_file, publisher, today)
    result = Preview(fmt, [str(p) for p in paths], report)
    first: ImportedClaim | None = None
    places: dict[int, PlaceMatch] = {}  # the matcher gives one object per distinct place
    for claim in iter_claims(fmt, paths, report, context):
        first = first or claim
        match = matcher.match(claim)
        places[id(match)] = match
        result.claims += 1
        result.without_control += not claim.states_control
        if limit == 0 or len(result.sample) < limit:
            result.sample.append((claim, match))
    result.places = list(places.values())
    result.licence = licence_of(fmt, context, first)
    return result


def collect(
    fmt: str,
    paths: Sequence[Path],
    matcher: PlaceMatcher,
    *,
    mapping_file: Path | None = None,
    publisher: str = "",
    progress: Progress | None = None,
    today: dt.date | None = None,
) -> ImportBatch:
    """Every valid claim of the files with its place, for saving."""
    report = ImportReport(progress=progress)
    context = _context(matcher, mapping_file, publisher, today)
    items = [(claim, matcher.match(claim)) for claim in iter_claims(fmt, paths, report, context)]
    new_places = list({id(m): m.proposed for _, m in items if m.proposed}.values())
    return ImportBatch(
        fmt,
        [str(p) for p in paths],
        items,
        new_places,
        report,
        licence_of(fmt, context, items[0][0] if items else None),
    )
