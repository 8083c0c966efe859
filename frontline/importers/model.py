"""The neutral record every importer produces, and its validation.

An ImportedClaim is what one row of an analyst's export says about a place on a date, in
Frontline's words (status, event, certainty), with where it came from. It is not yet a
frontline.model.Claim: the commit that saves a batch links it to a place of the gazetteer
and gives it the project's ids.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from frontline import vocab
from frontline.model import Problem
from frontline.store import EARLIEST_DATE, WEB_ADDRESS_PATTERN, implied_end

# How closely the source located the event, from a point to the whole country.
LOCATION_PRECISIONS = ("exact", "near", "district", "region", "country")

# A batch keeps this many problems to show; the rest are counted.
MAX_PROBLEMS_KEPT = 1000

_UNSAFE_ID_CHARACTERS = re.compile(r"[^A-Za-z0-9_.-]+")
MAX_ID_LENGTH = 100


@dataclass(frozen=True, slots=True)
class Provenance:
    """Where a claim came from: the data set, the file, the row in it, and its licence."""

    dataset: str  # e.g. "ACLED", "GDELT 2.0 events", "VIINA 2.0 control"
    file: str  # the file's name as given
    line: int  # the line (CSV, TSV, KML) or item number (JSON) the claim was read from
    unit: str  # "line" or "item"
    licence: str  # the notice the source asks to be shown with its data


@dataclass(frozen=True, slots=True)
class ImportedClaim:
    claim_id: str  # stable: dataset + the source's own row id, so a re-import adds nothing
    source_row_id: str
    place: str  # the place's name as the source writes it
    lat: float | None
    lon: float | None
    location_precision: str  # one of LOCATION_PRECISIONS
    geonames_id: int | None
    date: dt.date
    date_end: dt.date
    date_precision: str
    status: str  # '' when the row states no control (see vocab.NO_CONTROL_EVENTS)
    event: str
    certainty: str
    claimant: str
    passage: str  # the source's own words; empty where it has none
    has_passage: bool
    source_url: str
    provenance: Provenance
    language: str = ""  # ISO 639-1 code of the passage, where the source gives it
    # The day the data set knew of the row (ACLED's `timestamp`, GDELT's DATEADDED, the day
    # of a VIINA report or control row), which "what was known on this date" counts from;
    # None where the source does not say: then the day the import was saved.
    known: dt.date | None = None

    @property
    def states_control(self) -> bool:
        return self.status != ""


@dataclass
class ImportReport:
    """What reading a set of files came to, besides the claims: the rows read, the rows left
    out for a reason that is not a fault (counted by reason), and the problems."""

    rows_read: int = 0
    skipped: Counter = field(default_factory=Counter)
    problems: list[Problem] = field(default_factory=list)
    problem_count: int = 0
    progress: Callable[[int, int], None] | None = None
    total_bytes: int = 0
    done_bytes: int = 0  # of the files finished before the current one
    current_bytes: int = 0  # the size of the file being read

    def start_file(self, path: Path) -> None:
        """Count the file read so far as done, and start on `path`."""
        self.done_bytes += self.current_bytes
        try:
            self.current_bytes = path.stat().st_size
        except OSError:
            self.current_bytes = 0

    def problem(self, file: str, line: int, field_name: str, message: str) -> None:
        self.problem_count += 1
        if len(self.problems) < MAX_PROBLEMS_KEPT:
            self.problems.append(Problem(file, line, field_name, message))

    def skip(self, reason: str) -> None:
        self.skipped[reason] += 1

    def at(self, position: int) -> None:
        """Report progress: `position` bytes into the current file."""
        if self.progress is not None:
            self.progress(min(self.done_bytes + position, self.total_bytes), self.total_bytes)


@dataclass(frozen=True)
class ReadContext:
    """What an importer needs besides its files."""

    today: dt.date
    # (name, lat, lon) of a GeoNames id in the gazetteer, for sources that give only the id
    locate: Callable[[int], tuple[str, float, float] | None] = lambda _geonames_id: None
    mapping: Path | None = None  # the mapping file of the CSV importer
    publisher: str = ""  # who published a TimeMap data set, as its claimant


def safe_id_part(raw: str) -> str:
    """A source's row id as it may stand in a claim id: letters, digits, '_', '.', '-'."""
    return _UNSAFE_ID_CHARACTERS.sub("-", raw.strip()).strip("-.")


def stable_id(prefix: str, row_id: str) -> str:
    """The claim id of a row: `prefix-rowid` (acled-UKR12345); a long or unusual row id is
    replaced by a digest of it, so the id stays short and the same on every import."""
    part = safe_id_part(row_id)
    candidate = f"{prefix}-{part}"
    if part and len(candidate) <= MAX_ID_LENGTH:
        return candidate
    digest = hashlib.sha1(row_id.encode("utf-8"), usedforsecurity=False).hexdigest()[:16]
    return f"{prefix}-{digest}"


def content_id(prefix: str, values: tuple[str, ...]) -> str:
    """An id for a row that carries none: a digest of the values that make the claim."""
    digest = hashlib.sha1("\x1f".join(values).encode("utf-8"), usedforsecurity=False)
    return f"{prefix}-{digest.hexdigest()[:16]}"


def date_span(day: dt.date, precision: str) -> tuple[dt.date, dt.date]:
    """(first, last) day a claim of this precision about `day` may be about."""
    if precision == "month":
        first = day.replace(day=1)
        return first, implied_end(first, "month")
    return day, implied_end(day, precision)


def claim_faults(claim: ImportedClaim, today: dt.date) -> list[tuple[str, str]]:
    """(field, message) for each value of a claim that Frontline cannot take; empty when the
    claim is valid."""
    faults: list[tuple[str, str]] = []
    if not claim.place.strip() and claim.lat is None:
        faults.append(("place", "is empty, and there are no coordinates"))
    if (claim.lat is None) != (claim.lon is None):
        faults.append(("latitude", "latitude and longitude come together or not at all"))
    if claim.lat is not None and not -90 <= claim.lat <= 90:
        faults.append(("latitude", f"{claim.lat} is not between -90 and 90"))
    if claim.lon is not None and not -180 <= claim.lon <= 180:
        faults.append(("longitude", f"{claim.lon} is not between -180 and 180"))
    if claim.location_precision not in LOCATION_PRECISIONS:
        faults.append(
            (
                "location_precision",
                f"{claim.location_precision!r} is not one of {', '.join(LOCATION_PRECISIONS)}",
            )
        )
    if claim.date < EARLIEST_DATE:
        faults.append(("date", f"{claim.date} is before {EARLIEST_DATE}"))
    if claim.date > today:
        faults.append(("date", f"{claim.date} is in the future"))
    if claim.date_end < claim.date:
        faults.append(("date", f"ends ({claim.date_end}) before it starts ({claim.date})"))
    if claim.known is not None and claim.known < claim.date:
        faults.append(("known", f"{claim.known} is before the date ({claim.date})"))
    if claim.known is not None and claim.known > today:
        faults.append(("known", f"{claim.known} is in the future"))
    if claim.date_precision not in vocab.DATE_PRECISIONS:
        faults.append(
            (
                "date_precision",
                f"{claim.date_precision!r} is not one of {', '.join(vocab.DATE_PRECISIONS)}",
            )
        )
    faults.extend(_status_faults(claim.status, claim.event))
    if claim.certainty not in vocab.CERTAINTIES:
        faults.append(
            ("certainty", f"{claim.certainty!r} is not one of {', '.join(vocab.CERTAINTIES)}")
        )
    if not claim.claimant.strip():
        faults.append(("claimant", "is empty: who makes the claim?"))
    if claim.has_passage != bool(claim.passage.strip()):
        faults.append(("passage", "has_passage does not say whether there is a passage"))
    if claim.source_url and not WEB_ADDRESS_PATTERN.match(claim.source_url):
        faults.append(("source_url", f"{claim.source_url[:60]!r} is not an http(s) address"))
    return faults


def _status_faults(status: str, event: str) -> list[tuple[str, str]]:
    if status == "":
        if event not in vocab.NO_CONTROL_EVENTS:
            return [
                (
                    "event",
                    f"{event!r} is not an event that states no control "
                    f"({', '.join(vocab.NO_CONTROL_EVENTS)})",
                )
            ]
        return []
    if status not in vocab.STATUSES:
        return [("status", f"{status!r} is not one of {', '.join(vocab.STATUSES)}")]
    if event not in vocab.EVENTS:
        return [("event", f"{event!r} is not one of {', '.join(vocab.EVENTS)}")]
    return []


def checked(claim: ImportedClaim, report: ImportReport, today: dt.date) -> ImportedClaim | None:
    """The claim, or None after reporting each of its faults against its row."""
    faults = claim_faults(claim, today)
    for field_name, message in faults:
        report.problem(claim.provenance.file, claim.provenance.line, field_name, message)
    return None if faults else claim


# Words that name a military event in free text (TimeMap and GeoConfirmed descriptions), in
# the order they are tried: shelling before strikes, as "missile strike" is a strike but
# "rocket artillery" is shelling.
_EVENT_WORDS = (
    (
        "shelled",
        re.compile(
            r"\b(shell(ed|ing|s)?|artillery|mortars?|mlrs|grads?|howitzers?|"
            r"cluster munitions?)\b",
            re.IGNORECASE,
        ),
    ),
    (
        "struck",
        re.compile(
            r"\b(air ?strikes?|strikes?|struck|missiles?|drones?|uavs?|fpv|"
            r"shahed|lancet|bomb(s|ed|ing)?|glide bombs?|airstrikes?)\b",
            re.IGNORECASE,
        ),
    ),
    (
        "fighting",
        re.compile(
            r"\b(fighting|clash(es)?|battles?|firefights?|assaults?|combat|"
            r"skirmish(es)?)\b",
            re.IGNORECASE,
        ),
    ),
    (
        "attacked",
        re.compile(r"\b(attack(s|ed)?|explosions?|destroyed|damaged|hit)\b", re.IGNORECASE),
    ),
)


def event_in_text(text: str) -> str | None:
    """The no-control event (vocab.NO_CONTROL_EVENTS) a free text names first, if any."""
    for event, pattern in _EVENT_WORDS:
        if pattern.search(text):
            return event
    return None
