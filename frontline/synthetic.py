"""Synthetic data directories for benchmarks and scale tests.

Places are drawn from the GeoNames extract (data/geonames_ua.csv) and the oblasts; claims
are spread over two years; every claim quotes a sentence of a generated article verbatim
at its offsets, so the directory passes the same validation as real data. A seeded
generator makes the output identical on every run.
"""

from __future__ import annotations

import csv
import datetime as dt
import itertools
import random
import shutil
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from frontline import store
from frontline.model import Article, Claim, Place
from frontline.news.gazetteer import place_kind

FIRST_DAY = dt.date(2022, 2, 24)
DAYS = 730  # two years of claims
MAX_PLACES = 5_000
OBLAST_CLAIM_SHARE = 0.01  # region-level claims, drawn as areas
CLAIMS_PER_ARTICLE = (4, 12)

# (event, sentence) with the side that holds the place after it; None: contested; False: an
# event that states no control (no status).
# {side} and {other} are the two armies, {name} the place.
EVENTS: Sequence[tuple[str, str, bool | None]] = (
    ("entered", "{side} forces had entered {name}", True),
    ("captured", "{side} troops had captured {name}", True),
    ("fell", "{name} fell to {side} forces", True),
    ("recaptured", "{side} forces had recaptured {name}", True),
    ("liberated", "{name} had been liberated by {side} forces", True),
    ("withdrew", "{other} troops had withdrawn from {name}", True),
    ("held", "{side} forces still held {name}", True),
    ("fighting", "fighting went on in and around {name}", None),
    ("shelled", "{name} was shelled through the night", False),
    ("encircled", "{name} was almost encircled", None),
)
SIDES = {"ukrainian": ("Ukrainian", "Russian"), "russian": ("Russian", "Ukrainian")}
CERTAINTY_WEIGHTS = {"confirmed": 40, "claimed": 35, "unconfirmed": 20, "denied": 5}
PRECISION_WEIGHTS = {"day": 85, "week": 10, "month": 5}
CLAIMANTS = (
    "The General Staff of Ukraine",
    "Russia's defence ministry",
    "A regional governor",
    "Local officials",
    "Open-source analysts",
    "A military blogger",
)
OUTLETS = ("Synthetic Wire", "Example News", "Test Press Agency")
FILLERS = (
    "The report could not be independently verified.",
    "Neither side commented further on Sunday.",
    "Residents described heavy traffic on the roads out of the area.",
)


@dataclass(frozen=True)
class Summary:
    directory: Path
    places: int
    claims: int
    articles: int
    first: dt.date
    last: dt.date


def _geonames_places(source: Path, oblasts: dict[str, str]) -> list[Place]:
    with (source / store.GEONAMES_FILE).open(encoding="utf-8", newline="") as handle:
        rows = [row for row in csv.DictReader(handle) if row["iso_3166_2"] in oblasts]
    places = []
    for row in sorted(rows, key=lambda r: int(r["geonameid"])):
        population = int(row["population"] or 0)
        places.append(
            Place(
                place_id=f"gn{row['geonameid']}",
                name=row["name"],
                kind=place_kind(population),
                oblast=row["iso_3166_2"],
                lat=float(row["latitude"]),
                lon=float(row["longitude"]),
                geonames_id=int(row["geonameid"]),
                population=population,
            )
        )
    return places


def _oblast_places(towns: list[Place], oblasts: dict[str, str]) -> list[Place]:
    """One region-level place per oblast, at the mean position of its towns."""
    places = []
    for code, name in sorted(oblasts.items()):
        inside = [p for p in towns if p.oblast == code]
        if not inside:
            continue
        places.append(
            Place(
                place_id=f"oblast-{code.lower()}",
                name=f"{name} region",
                kind="oblast",
                oblast=code,
                lat=round(sum(p.lat for p in inside) / len(inside), 5),
                lon=round(sum(p.lon for p in inside) / len(inside), 5),
            )
        )
    return places


def _pick(rng: random.Random, weights: dict[str, int]) -> str:
    return rng.choices(list(weights), weights=list(weights.values()))[0]


def _sentence(rng: random.Random, place: Place, day: dt.date) -> tuple[str, str, str, str]:
    """(quote, event, status, claimant) of one claim about a place."""
    event, pattern, sided = rng.choice(EVENTS)
    status = rng.choice(tuple(SIDES)) if sided else "contested" if sided is None else ""
    side, other = SIDES.get(status, ("", ""))
    claimant = rng.choice(CLAIMANTS)
    phrase = pattern.format(side=side, other=other, name=place.name)
    return f"{claimant} said on {day:%d %B %Y} that {phrase}.", event, status, claimant


def generate(
    target: Path,
    claims: int,
    *,
    places: int | None = None,
    seed: int = 0,
    source: Path | None = None,
) -> Summary:
    """Write a data directory with `claims` claims over `places` places (default: half the
    claims, at most 5,000) into `target`, replacing what is there."""
    source = source or store.default_data_dir()
    rng = random.Random(seed)  # noqa: S311 - reproducible test data, not secrets
    oblasts = store.load_dataset(source).oblasts
    towns = _geonames_places(source, oblasts)
    wanted = max(1, min(places or claims // 2, MAX_PLACES, len(towns)))
    chosen_towns = rng.sample(towns, wanted)
    regions = _oblast_places(towns, oblasts)
    # A few places carry most claims, as in the news.
    cumulative = list(itertools.accumulate(1 / (rank + 1) ** 0.7 for rank in range(wanted)))

    drafts = []
    for _ in range(claims):
        if rng.random() < OBLAST_CLAIM_SHARE:
            place = rng.choice(regions)
        else:
            place = rng.choices(chosen_towns, cum_weights=cumulative)[0]
        day = FIRST_DAY + dt.timedelta(days=rng.randrange(DAYS))
        precision = _pick(rng, PRECISION_WEIGHTS)
        if precision == "month" and day.replace(day=1) >= FIRST_DAY:
            day = day.replace(day=1)
        elif precision == "month":
            precision = "day"
        drafts.append((day, place, precision, _pick(rng, CERTAINTY_WEIGHTS)))
    drafts.sort(key=lambda d: (d[0], d[1].place_id))

    articles: list[Article] = []
    claim_rows: list[Claim] = []
    start = 0
    while start < len(drafts):
        chunk = drafts[start : start + rng.randint(*CLAIMS_PER_ARTICLE)]
        start += len(chunk)
        article_id = f"syn-{len(articles) + 1:06d}"
        published = max(store.implied_end(d[0], d[2]) for d in chunk) + dt.timedelta(
            days=rng.randrange(3)
        )
        text = f"KYIV, Ukraine: {rng.choice(FILLERS)}"
        for day, place, precision, certainty in chunk:
            quote, event, status, claimant = _sentence(rng, place, day)
            text += "\n\n"
            offset = len(text)
            text += f"{quote} {rng.choice(FILLERS)}"
            claim_rows.append(
                Claim(
                    claim_id=f"s{len(claim_rows) + 1:07d}",
                    place_id=place.place_id,
                    date=day,
                    date_end=store.implied_end(day, precision),
                    date_precision=precision,
                    status=status,
                    event=event,
                    certainty=certainty,
                    claimant=claimant,
                    article_id=article_id,
                    quote=quote,
                    quote_start=offset,
                    quote_end=offset + len(quote),
                    mention=place.name,
                )
            )
        articles.append(
            Article(
                article_id=article_id,
                title=f"Report {len(articles) + 1} on {chunk[0][1].name} and nearby places",
                outlet=rng.choice(OUTLETS),
                url=f"https://example.org/reports/{article_id}",
                published=published,
                language="en",
                text=text + "\n",
            )
        )

    _write(target, source, articles, chosen_towns + regions, claim_rows)
    return Summary(
        directory=target,
        places=len(chosen_towns) + len(regions),
        claims=len(claim_rows),
        articles=len(articles),
        first=drafts[0][0],
        last=max(a.published for a in articles),
    )


def _write(
    target: Path, source: Path, articles: list[Article], places: list[Place], claims: list[Claim]
) -> None:
    # Plain writes: tens of thousands of small files, no need for store's fsync per file.
    if target.exists():
        shutil.rmtree(target)
    texts = target / store.ARTICLES_DIR
    texts.mkdir(parents=True)
    for article in articles:
        (texts / f"{article.article_id}.txt").write_text(article.text, encoding="utf-8")
    tables = (
        (store.ARTICLES_FILE, store.ARTICLE_COLUMNS, map(store.article_row, articles)),
        (store.PLACES_FILE, store.PLACE_COLUMNS, map(store.place_row, places)),
        (store.CLAIMS_FILE, store.CLAIM_COLUMNS, map(store.claim_row, claims)),
    )
    for name, columns, rows in tables:
        (target / name).write_text(store.csv_text(columns, rows), encoding="utf-8")
    for name in (store.OBLASTS_FILE, store.OBLAST_SHAPES_FILE):
        shutil.copyfile(source / name, target / name)
