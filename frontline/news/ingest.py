"""An article's candidate claims, and the plan that adds reviewed ones to the data.

What the "Add article" page and `frontline ingest` share: make_article() for the article as it
will be stored, candidate_claims() for the claims a text seems to make, and save_article(),
which hands the kept claims to the store's one write path (store.commit). An article already
in the data (same id: the outlet, the date and a digest of the text), or the same text under
another id, is not added again; an article there without claims (what a commit killed
between files leaves) is completed.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from frontline import store
from frontline.model import Article, Claim, Dataset, Place
from frontline.news.dates import DateSpan
from frontline.news.extract import Candidate, extract_claims
from frontline.news.gazetteer import Entry, Gazetteer, slugify
from frontline.news.geoparse import Matcher, Mention, cached_matcher, find_mentions
from frontline.store.save import (
    Author,
    Batch,
    CommitError,
    CommitReport,
    commit,
    next_claim_ids,
)

# Article ids are at most 100 characters: the outlet's part is cut to this.
OUTLET_SLUG_LENGTH = 40


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
    text: str,
    published: dt.date,
    *,
    outlet: str = "",
    matcher: Matcher | None = None,
    language: str = "en",
) -> list[Candidate]:
    """The claims a text seems to make, for review, with offsets into the text as stored
    (store.normalise_line_breaks). Writes nothing."""
    matcher = matcher or cached_matcher()
    text = store.normalise_line_breaks(text)
    mentions = find_mentions(text, matcher)
    return extract_claims(text, mentions, published, outlet=outlet, language=language)


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


def plan_save(
    dataset: Dataset, article: Article, candidates: Sequence[Candidate]
) -> tuple[list[Place], list[Claim]]:
    """The places to add and the claims to add for an article, as of a loaded dataset."""
    places = dict(dataset.places)
    new_places: list[Place] = []
    claims: list[Claim] = []
    ids = next_claim_ids(dataset.claims, len(candidates))
    for candidate, claim_id in zip(candidates, ids, strict=True):
        place = place_for(candidate.entry, places)
        if place.place_id not in places:
            places[place.place_id] = place
            new_places.append(place)
        claims.append(candidate.to_claim(claim_id, place.place_id, article.article_id))
    return new_places, claims


def article_plan(article: Article, candidates: Sequence[Candidate], root: Path):
    """The commit plan of one article and its kept claims (see store.commit)."""

    def plan(dataset: Dataset) -> Batch | CommitReport:
        # The same text under another id (another outlet or dateline typed in) is the same
        # report.
        twin = next(
            (
                a
                for a in dataset.articles.values()
                if a.article_id != article.article_id and a.text.strip() == article.text.strip()
            ),
            None,
        )
        if twin is not None:
            return CommitReport(
                added=False,
                article_ids=[twin.article_id],
                message=f"the same text is already in {root} as article "
                f"{twin.article_id}; nothing added",
            )
        # An article there without claims is what a commit interrupted between files
        # leaves: this save completes it.
        if article.article_id in dataset.articles and (
            not candidates or any(c.article_id == article.article_id for c in dataset.claims)
        ):
            return CommitReport(
                added=False,
                article_ids=[article.article_id],
                message=f"article {article.article_id} is already in {root}; nothing added",
            )
        places, claims = plan_save(dataset, article, candidates)
        return Batch(
            articles=(article,),
            places=tuple(places),
            claims=tuple(claims),
            message=f"added article {article.article_id}: {len(claims)} claim(s), "
            f"{len(places)} new place(s)",
        )

    return plan


def save_article(
    article: Article,
    candidates: Sequence[Candidate],
    data_dir: Path | str | None = None,
    author: Author | None = None,
) -> CommitReport:
    """Add an article, its new places and its claims to the data directory through the one
    write path (store.commit), recorded in the history under `author`; an IngestError says
    why it was refused."""
    root = Path(data_dir) if data_dir is not None else store.default_data_dir()
    try:
        return commit(article_plan(article, candidates, root), root, author)
    except CommitError as err:
        raise IngestError(str(err)) from None


def read_article_text(path: Path) -> str:
    """The text of an article file, or an IngestError naming the file and the fault."""
    try:
        text = store.read_text_file(path)
    except store.TextFileError as err:
        raise IngestError(f"{path}: {err.problem.message}") from None
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
