"""Loading a data directory: every table read and cross-checked, never raising on bad content."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from frontline.model import Article, Dataset, Place, Problem
from frontline.store import cache
from frontline.store.schema import (
    ARTICLE_COLUMNS,
    ARTICLES_DIR,
    ARTICLES_FILE,
    CLAIM_COLUMNS,
    CLAIMS_FILE,
    GEONAMES_COLUMNS,
    GEONAMES_FILE,
    OBLAST_COLUMNS,
    OBLASTS_FILE,
    PLACE_COLUMNS,
    PLACES_FILE,
    DataError,
    default_data_dir,
)
from frontline.store.tables import (
    StoredArticle,
    article_parser,
    check_supersessions,
    claim_parser,
    geonames_parser,
    oblast_record,
    place_parser,
    table_rows,
)
from frontline.store.textfile import read_text


def load_geonames(
    data_dir: Path | str | None = None, oblasts: dict[str, str] | None = None
) -> tuple[list[dict], list[Problem]]:
    """The usable rows of the GeoNames extract, typed, and a Problem for each row (or the
    file) that is not usable. Only new articles need it, so load_dataset leaves it out."""
    root = Path(data_dir) if data_dir is not None else default_data_dir()
    problems: list[Problem] = []
    if oblasts is None:
        oblasts = load_dataset(root).oblasts
    text = read_text(root / GEONAMES_FILE, problems, GEONAMES_FILE, table=True)
    rows = [
        row
        for _, row in table_rows(
            GEONAMES_FILE,
            text,
            GEONAMES_COLUMNS,
            problems,
            geonames_parser(oblasts),
            key=lambda row: str(row["geonameid"]),
        )
    ]
    return rows, problems


def load_dataset(
    data_dir: Path | str | None = None,
    *,
    today: dt.date | None = None,
    use_cache: bool = True,
    text_stamps: str | None = None,
) -> Dataset:
    """Load and validate a data directory. Never raises on bad content (see module doc).
    use_cache=False reads every CSV file and leaves the claims' cache alone. With
    `text_stamps` (frontline.store.stamps.article_text_stamps, as the pages took it for
    their own signature), the cache is checked against that listing of the article texts,
    not a new one: a start lists its texts once."""
    root = Path(data_dir) if data_dir is not None else default_data_dir()
    if not root.is_dir():
        raise DataError(f"{root}: not a data directory")
    today = today or dt.date.today()
    problems: list[Problem] = []

    def read(name: str) -> str | None:
        return read_text(root / name, problems, name, table=True)

    oblast_rows = {
        row["iso_3166_2"]: row
        for _, row in table_rows(
            OBLASTS_FILE,
            read(OBLASTS_FILE),
            OBLAST_COLUMNS,
            problems,
            oblast_record,
            key=lambda row: row["iso_3166_2"],
        )
    }
    oblasts = {code: row["name_en"] for code, row in oblast_rows.items()}
    left_out: dict[str, dict[str, int]] = {PLACES_FILE: {}, ARTICLES_FILE: {}}
    # The places and the articles' rows (not their texts) come from the cache too when
    # their file is unchanged and had no problem (frontline.store.cache).
    sig = cache.signature(root, today, text_stamps) if use_cache else ""
    places_text = read(PLACES_FILE)
    places = cache.read_records(root, cache.PLACES_CACHE, sig, Place) if use_cache else None
    if places is None:
        before = len(problems)
        places = {
            p.place_id: p
            for _, p in table_rows(
                PLACES_FILE,
                places_text,
                PLACE_COLUMNS,
                problems,
                place_parser(oblasts),
                key=lambda p: p.place_id,
                left_out=left_out[PLACES_FILE],
            )
        }
        if use_cache and len(problems) == before:
            cache.write_records(root, cache.PLACES_CACHE, places.values(), sig)
    articles_text = read(ARTICLES_FILE)

    def read_articles(texts: bool) -> tuple[dict[str, Article], list[Problem], dict[str, int]]:
        found: list[Problem] = []
        bad: dict[str, int] = {}
        rows = table_rows(
            ARTICLES_FILE,
            articles_text,
            ARTICLE_COLUMNS,
            found,
            article_parser(root / ARTICLES_DIR, today, texts=texts),
            key=lambda a: a.article_id,
            left_out=bad,
        )
        return {a.article_id: a for _, a in rows}, found, bad

    # The claims, the bulk of the data, come from the cache when nothing they depend on
    # changed since they were last validated (frontline.store.cache); the article texts are
    # then read only when shown.
    claims = cache.read_claims(root, sig) if use_cache else None
    stored = None if claims is None else cache.open_records(root, cache.ARTICLES_CACHE, sig)
    if stored is not None:
        folder = root / ARTICLES_DIR
        # Made when first looked at: the map's first page does not need them.
        articles = cache.LazyRecords(
            lambda: {a["article_id"]: StoredArticle.of(folder, a) for a in stored()},
            stored.count,
        )
    elif claims is not None:  # the texts passed when the claims were cached
        articles, article_problems, left_out[ARTICLES_FILE] = read_articles(texts=False)
        problems += article_problems
        if not article_problems:
            cache.write_records(root, cache.ARTICLES_CACHE, articles.values(), sig)
    else:
        articles, article_problems, left_out[ARTICLES_FILE] = read_articles(texts=True)
        problems += article_problems
        before = len(problems)
        rows = table_rows(
            CLAIMS_FILE,
            read(CLAIMS_FILE),
            CLAIM_COLUMNS,
            problems,
            claim_parser(articles, places, today, left_out),
            key=lambda c: c.claim_id,
        )
        claims = check_supersessions(list(rows), problems)
        # Cached only when the texts passed (a hit reads none) and every claim did.
        if use_cache and len(problems) == before and article_problems == read_articles(False)[1]:
            cache.write_claims(root, claims, sig)
            if not article_problems:
                cache.write_records(root, cache.ARTICLES_CACHE, articles.values(), sig)
    return Dataset(
        articles=articles,
        places=places,
        claims=claims,
        oblasts=oblasts,
        oblast_rows=oblast_rows,
        problems=problems,
        signature=sig if use_cache and cache.is_cached(root, sig) else "",
    )
