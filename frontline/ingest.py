"""`frontline ingest`: an article's candidate claims, and adding reviewed ones to the data.

    frontline ingest ARTICLE.txt [MORE.txt | DIR ...] --date YYYY-MM-DD [--title T]
                     [--outlet O] [--url U] [--format json|table] [--save] [--mentions]

With --mentions it lists the place mentions found (with their roles: place, dateline,
locator, office, metonymy) instead of the claims. Without --save nothing is written. With
--save the article, its new places and its claims are validated together, then written file
by file atomically (store.write_tables), so that a crash leaves either the old or the new
files. An article already in the data (same id: the
outlet, the date and a digest of the text) is not added again.

A save holds the data directory's write lock (store.write_lock: an flock on
`.frontline.lock` there) from loading the data to writing it, so that two saves at once, from
the page and the command or from two sessions, both land. The files are written in the order
that keeps the data valid at every step (texts, articles.csv, places.csv, claims.csv): a save
killed between two of them leaves the old data and at most the new article without its
claims, and saving it again completes it.

The functions below are what the "Add article" page calls too: candidate_claims() for the
claims of a pasted text, save_article() for the ones a person kept.
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import json
import shutil
import sys
import tempfile
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TextIO

from frontline import store
from frontline.dates import DateSpan
from frontline.extract import Candidate, extract_claims
from frontline.gazetteer import Entry, Gazetteer, slugify
from frontline.geoparse import Matcher, Mention, cached_matcher, find_mentions
from frontline.model import Article, Claim, Dataset, Place

# Article ids are at most 100 characters: the outlet's part is cut to this.
OUTLET_SLUG_LENGTH = 40
TABLE_COLUMNS = (
    ("place", 16),
    ("oblast", 6),
    ("status", 10),
    ("event", 10),
    ("certainty", 11),
    ("date", 10),
    ("claimant", 28),
    ("mention", 14),
)
MENTION_COLUMNS = (
    ("mention", 18),
    ("place", 16),
    ("oblast", 6),
    ("kind", 7),
    ("lat", 9),
    ("lon", 9),
    ("role", 9),
    ("match", 9),
)


class IngestError(Exception):
    """Something about one input that stops it being ingested; the message names it."""


# --- what the page and the command share -----------------------------------------------------


def article_id_for(outlet: str, published: dt.date, text: str) -> str:
    """`<outlet-slug>-<date>-<first 8 hex of the SHA-1 of the text>`, as the seed's (the slug
    cut to OUTLET_SLUG_LENGTH characters, so that any outlet makes a valid id)."""
    digest = hashlib.sha1(text.encode("utf-8"), usedforsecurity=False).hexdigest()[:8]
    slug = slugify(outlet)[:OUTLET_SLUG_LENGTH].strip("-") or "unknown"
    return f"{slug}-{published.isoformat()}-{digest}"


def make_article(
    text: str,
    published: dt.date,
    *,
    title: str = "",
    outlet: str = "",
    url: str = "",
    language: str = "en",
) -> Article:
    """The article as it will be stored: its line breaks as store.normalise_line_breaks
    makes them, the title and outlet on one line, the address checked."""
    text = store.normalise_line_breaks(text)
    outlet = " ".join(outlet.split()) or "unknown"
    title = " ".join(title.split()) or _first_line(text)
    url = url.strip()
    if url and not store.WEB_ADDRESS_PATTERN.match(url):
        raise IngestError(
            f"the address {url[:80]!r} is not an http(s) address; leave it empty "
            "or give the article's web address"
        )
    return Article(
        article_id=article_id_for(outlet, published, text),
        title=title,
        outlet=outlet,
        url=url,
        published=published,
        language=language,
        text=text,
    )


def _first_line(text: str, limit: int = 120) -> str:
    line = next((s.strip() for s in text.splitlines() if s.strip()), "untitled")
    return line if len(line) <= limit else line[: limit - 1].rstrip() + "…"


def mention_dict(mention: Mention) -> dict[str, Any]:
    """A place mention as `frontline ingest --mentions` prints it."""
    entry = mention.entry
    return {
        "mention": mention.text,
        "start": mention.start,
        "end": mention.end,
        "place": entry.name,
        "geonames_id": entry.geonames_id,
        "lat": entry.lat,
        "lon": entry.lon,
        "oblast": entry.oblast,
        "kind": entry.kind,
        "role": mention.role,
        "match": mention.how,
        "score": mention.score,
    }


def candidate_claims(
    text: str, published: dt.date, *, outlet: str = "", matcher: Matcher | None = None
) -> list[Candidate]:
    """The claims a text seems to make, for review, with offsets into the text as stored
    (store.normalise_line_breaks). Writes nothing."""
    matcher = matcher or cached_matcher()
    text = store.normalise_line_breaks(text)
    return extract_claims(text, find_mentions(text, matcher), published, outlet=outlet)


def candidate_from_dict(row: dict[str, Any], base: Candidate, gazetteer: Gazetteer) -> Candidate:
    """A reviewed row (as_dict() form, edited) back as a candidate: status, event,
    certainty, claimant, dates and place may have changed; the quote stays the original's.
    The place is found by GeoNames id, else by oblast code for an oblast, else by name."""
    entry = _entry_for(row, gazetteer) or base.entry
    date = dt.date.fromisoformat(str(row.get("date") or base.date.start))
    date_end = dt.date.fromisoformat(str(row.get("date_end") or date))
    precision = str(row.get("date_precision") or base.date.precision)
    return Candidate(
        entry=entry,
        mention=base.mention,
        status=str(row.get("status") or base.status),
        event=str(row.get("event") or base.event),
        certainty=str(row.get("certainty") or base.certainty),
        claimant=str(row.get("claimant") or base.claimant),
        date=DateSpan(date, max(date, date_end), precision, base.date.expression),
        quote=base.quote,
        start=base.start,
        end=base.end,
        score=base.score,
        mention_start=base.mention_start,
    )


def _entry_for(row: dict[str, Any], gazetteer: Gazetteer) -> Entry | None:
    geonames_id = row.get("geonames_id")
    if geonames_id not in (None, ""):
        entry = gazetteer.entries.get(f"gn:{int(geonames_id)}")
        if entry is not None and row.get("kind") != "oblast":
            return entry
    if row.get("kind") == "oblast" and row.get("oblast"):
        return gazetteer.oblast_entry(str(row["oblast"]))
    if row.get("place"):
        found = gazetteer.candidates(str(row["place"]))
        return max(found, key=lambda e: e.population, default=None)
    return None


@dataclass
class SaveReport:
    article_id: str
    added: bool
    new_places: list[str] = field(default_factory=list)
    claims: int = 0
    message: str = ""


def place_for(entry: Entry, places: dict[str, Place]) -> Place:
    """The project's place for a gazetteer entry: the existing one with the same GeoNames id
    (or, for an oblast, code), else a new one whose id is the slug of its name, made unique
    with the oblast code (lyman-ua-63), then with the GeoNames id."""
    for place in places.values():
        if entry.kind == "oblast":
            if place.kind == "oblast" and place.oblast == entry.oblast:
                return place
        elif (
            entry.geonames_id is not None
            and place.geonames_id == entry.geonames_id
            and place.kind != "oblast"
        ):
            return place
    if entry.place_id and entry.place_id not in places:
        place_id = entry.place_id
    else:
        base = slugify(entry.name.removesuffix(" region")) + (
            "-oblast" if entry.kind == "oblast" else ""
        )
        place_id = base
        for attempt in (f"{base}-{entry.oblast.lower()}", f"{base}-{entry.geonames_id}"):
            if place_id not in places:
                break
            place_id = attempt
    latin = tuple(n for n in entry.names if n.isascii() and n != entry.name)[:8]
    cyrillic = tuple(n for n in entry.names if not n.isascii())[:4]
    return Place(
        place_id=place_id,
        name=entry.name,
        kind=entry.kind,
        oblast=entry.oblast,
        lat=entry.lat,
        lon=entry.lon,
        geonames_id=entry.geonames_id,
        population=entry.population or None,
        alt_names=latin + cyrillic,
        name_uk=entry.name_uk,
        name_ru=entry.name_ru,
    )


def _next_claim_ids(claims: Iterable[Claim], count: int) -> list[str]:
    """c0001-style ids after the highest one in use."""
    numbers = [
        int(c.claim_id[1:])
        for c in claims
        if c.claim_id.startswith("c") and c.claim_id[1:].isdigit()
    ]
    first = max(numbers, default=0) + 1
    return [f"c{n:04d}" for n in range(first, first + count)]


def plan_save(
    dataset: Dataset, article: Article, candidates: Sequence[Candidate]
) -> tuple[list[Place], list[Claim]]:
    """The places to add and the claims to add for an article, as of a loaded dataset."""
    places = dict(dataset.places)
    new_places: list[Place] = []
    claims: list[Claim] = []
    ids = _next_claim_ids(dataset.claims, len(candidates))
    for candidate, claim_id in zip(candidates, ids, strict=True):
        place = place_for(candidate.entry, places)
        if place.place_id not in places:
            places[place.place_id] = place
            new_places.append(place)
        claims.append(candidate.to_claim(claim_id, place.place_id, article.article_id))
    return new_places, claims


def _staged_problems(
    root: Path, articles: list[Article], places: list[Place], claims: list[Claim]
) -> list[store.Problem]:
    """Write the would-be tables to a scratch copy and load them back: the store's own
    validation, run on exactly what would be written."""
    with tempfile.TemporaryDirectory(prefix="frontline-ingest-") as scratch:
        stage = Path(scratch)
        for name in (store.OBLASTS_FILE, store.OBLAST_SHAPES_FILE):
            if (root / name).exists():
                shutil.copyfile(root / name, stage / name)
        store.write_tables(stage, articles=articles, places=places, claims=claims)
        staged = store.load_dataset(stage)
    return staged.problems


def save_article(
    article: Article, candidates: Sequence[Candidate], data_dir: Path | str | None = None
) -> SaveReport:
    """Add an article, its new places and its claims to the data directory, holding the
    directory's write lock from loading to writing (see the module's doc).

    Refuses (IngestError) when the data already has problems (writing the tables back would
    drop the faulty rows), when the result would not validate, or when the directory cannot
    be written; does nothing when the article and its claims are already there.
    """
    root = Path(data_dir) if data_dir is not None else store.default_data_dir()
    try:
        with store.write_lock(root):
            store.remove_temporary_files(root)
            return _save_locked(root, article, candidates)
    except (OSError, store.LockTimeout) as err:
        reason = err.strerror if isinstance(err, OSError) and err.strerror else err
        raise IngestError(f"{root}: the data cannot be written: {reason}") from None


def _save_locked(root: Path, article: Article, candidates: Sequence[Candidate]) -> SaveReport:
    dataset = store.load_dataset(root)
    # The same text under another id (another outlet or dateline typed in) is the same report.
    twin = next(
        (
            a
            for a in dataset.articles.values()
            if a.article_id != article.article_id and a.text.strip() == article.text.strip()
        ),
        None,
    )
    if twin is not None:
        return SaveReport(
            twin.article_id,
            added=False,
            message=f"the same text is already in {root} as article "
            f"{twin.article_id}; nothing added",
        )
    # An article there without claims is what a save interrupted between files leaves: this
    # save completes it.
    if article.article_id in dataset.articles and (
        not candidates or any(c.article_id == article.article_id for c in dataset.claims)
    ):
        return SaveReport(
            article.article_id,
            added=False,
            message=f"article {article.article_id} is already in {root}; nothing added",
        )
    if dataset.problems:
        raise IngestError(
            f"{root} has {len(dataset.problems)} problem(s) "
            f"(first: {dataset.problems[0]}); run `frontline validate` and "
            "fix them before adding articles"
        )
    places, claims = plan_save(dataset, article, candidates)
    tables = {
        "articles": list({**dataset.articles, article.article_id: article}.values()),
        "places": [*dataset.places.values(), *places],
        "claims": [*dataset.claims, *claims],
    }
    problems = _staged_problems(root, **tables)
    if problems:
        raise IngestError(f"the new data would not validate: {problems[0]}")
    store.write_tables(root, **tables)
    return SaveReport(
        article.article_id,
        added=True,
        new_places=[p.place_id for p in places],
        claims=len(claims),
        message=f"added article {article.article_id}: {len(claims)} claim(s), "
        f"{len(places)} new place(s)",
    )


# --- reading inputs ---------------------------------------------------------------------------


def read_article_text(path: Path) -> str:
    """The text of an article file, or an IngestError naming the file and the fault."""
    try:
        raw = path.read_bytes()
    except IsADirectoryError:
        raise IngestError(f"{path}: is a directory") from None
    except FileNotFoundError:
        raise IngestError(f"{path}: no such file") from None
    except OSError as err:
        raise IngestError(f"{path}: cannot be read: {err.strerror or err}") from None
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as err:
        raise IngestError(
            f"{path}: is not UTF-8 text (byte 0x{raw[err.start]:02x} at "
            f"offset {err.start}); save it as UTF-8"
        ) from None
    if "\x00" in text:
        raise IngestError(f"{path}: contains a NUL byte; this is not a text file")
    if not text.strip():
        raise IngestError(f"{path}: is empty")
    return text


def expand_inputs(paths: Iterable[str]) -> list[Path]:
    """Files as given; a directory stands for its *.txt files, in name order."""
    files: list[Path] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            files.extend(sorted(p for p in path.iterdir() if p.suffix == ".txt" and p.is_file()))
        else:
            files.append(path)
    return files


# --- output -----------------------------------------------------------------------------------


def render_table(
    rows: Sequence[dict[str, Any]], columns: Sequence[tuple[str, int]] = TABLE_COLUMNS
) -> str:
    def cell(value: Any, width: int) -> str:
        text = "" if value is None else " ".join(str(value).split())
        return text if len(text) <= width else text[: width - 1] + "…"

    header = "  ".join(name.ljust(width) for name, width in columns).rstrip()
    lines = [header, "  ".join("-" * width for _, width in columns)]
    for row in rows:
        lines.append(
            "  ".join(cell(row.get(name), width).ljust(width) for name, width in columns).rstrip()
        )
    return "\n".join(lines) + "\n"


class Progress:
    """A progress bar on stderr when there are several files; nothing for one."""

    WIDTH = 24

    def __init__(self, total: int, stream: TextIO) -> None:
        self.total, self.stream = total, stream
        self.live = total > 1
        self.redraw = self.live and stream.isatty()

    def step(self, done: int, label: str) -> None:
        if not self.live:
            return
        filled = self.WIDTH * done // self.total
        bar = f"[{'#' * filled}{'.' * (self.WIDTH - filled)}] {done}/{self.total} {label}"
        if self.redraw:
            self.stream.write("\r\x1b[K" + bar)
        else:
            self.stream.write(bar + "\n")
        self.stream.flush()

    def close(self) -> None:
        if self.redraw:
            self.stream.write("\n")


# --- the command ------------------------------------------------------------------------------


def register(subparsers: Any) -> argparse.ArgumentParser:
    """Add the `ingest` subcommand to an argparse subparsers object."""
    parser = subparsers.add_parser(
        "ingest",
        help="candidate claims of news articles; --save adds them to the data",
        description=__doc__.split("\n\n")[1] if __doc__ else None,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument(
        "paths",
        nargs="+",
        metavar="ARTICLE",
        help="article text files (UTF-8), or directories of *.txt files",
    )
    parser.add_argument(
        "--date",
        required=True,
        metavar="YYYY-MM-DD",
        help="the dateline: the day the article was published",
    )
    parser.add_argument("--title", default="", help="default: the first line of the text")
    parser.add_argument("--outlet", default="", help="who published it (default: unknown)")
    parser.add_argument("--url", default="")
    parser.add_argument("--format", choices=("json", "table"), default="json")
    parser.add_argument(
        "--mentions",
        action="store_true",
        help="list the place mentions found instead of the claims",
    )
    parser.add_argument(
        "--save",
        action="store_true",
        help="validate and add the articles and their claims to the data",
    )
    # SUPPRESS keeps a --data-dir given before the subcommand, if the main parser has one.
    parser.add_argument(
        "--data-dir",
        default=argparse.SUPPRESS,
        help="the data directory (default: $FRONTLINE_DATA_DIR or data/)",
    )
    parser.set_defaults(run=run_ingest)
    return parser


def _published(raw: str, today: dt.date) -> dt.date:
    try:
        published = store.parse_date(raw)
    except ValueError as err:
        raise IngestError(f"--date {err}") from None
    if published > today:
        raise IngestError(f"--date {published} is in the future")
    if published < store.EARLIEST_DATE:
        raise IngestError(f"--date {published} is before {store.EARLIEST_DATE}")
    return published


def run_ingest(
    args: argparse.Namespace, *, stdout: TextIO | None = None, stderr: TextIO | None = None
) -> int:
    """Do the work of `frontline ingest`; returns the exit code (0 fine, 1 a file failed,
    2 bad arguments)."""
    out = stdout or sys.stdout
    err = stderr or sys.stderr
    data_dir = getattr(args, "data_dir", None)
    root = Path(data_dir) if data_dir else store.default_data_dir()
    try:
        published = _published(args.date, dt.date.today())
        if not root.is_dir():
            raise IngestError(f"{root}: not a data directory")
    except IngestError as problem:
        err.write(f"frontline ingest: {problem}\n")
        return 2
    files = expand_inputs(args.paths)
    if not files:
        err.write(f"frontline ingest: no *.txt files in {', '.join(args.paths)}\n")
        return 2
    matcher = cached_matcher(root)
    for problem in matcher.gazetteer.problems:  # places it cannot find: say so, then go on
        err.write(f"warning: {problem.located(root)} (left out of the gazetteer)\n")
    progress = Progress(len(files), err)
    rows: list[dict[str, Any]] = []
    failed = 0
    messages: list[str] = []
    for done, path in enumerate(files, 1):
        try:
            text = read_article_text(path)
            article = make_article(
                text, published, title=args.title, outlet=args.outlet, url=args.url
            )
            mentions = find_mentions(article.text, matcher)
            candidates = extract_claims(article.text, mentions, published, outlet=article.outlet)
            shown = (
                [mention_dict(m) for m in mentions]
                if args.mentions
                else [c.as_dict() for c in candidates]
            )
            rows.extend(
                {**row, "file": str(path), "article_id": article.article_id} for row in shown
            )
            if args.save:
                messages.append(f"{path}: {save_article(article, candidates, root).message}")
        except IngestError as problem:
            failed += 1
            messages.append(f"frontline ingest: {problem}")
        progress.step(done, path.name)
    progress.close()
    if args.format == "json":
        out.write(json.dumps(rows, ensure_ascii=False, indent=2) + "\n")
    else:
        out.write(render_table(rows, MENTION_COLUMNS if args.mentions else TABLE_COLUMNS))
    for message in messages:
        err.write(message + "\n")
    return 1 if failed else 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="frontline")
    register(parser.add_subparsers(dest="command", required=True))
    args = parser.parse_args(["ingest", *(sys.argv[1:] if argv is None else argv)])
    try:
        return args.run(args)
    except BrokenPipeError:
        return 0


if __name__ == "__main__":
    sys.exit(main())
