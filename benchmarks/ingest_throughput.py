"""Ingest throughput: articles per second and peak memory, on one core, without saving.

    .venv/bin/python benchmarks/ingest_throughput.py [--articles 300] [--seed 0]

The articles are made from the paragraphs of the hand-labelled reports (tests/eval/),
shuffled and joined by a seeded generator, so every run ingests the same texts. Prints
figures only.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import random
import sys
import time
import tracemalloc
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from memory import peak_rss_mib  # noqa: E402

from frontline.news.evaluate import DEFAULT_LABELS, load_labels  # noqa: E402
from frontline.news.geoparse import cached_matcher  # noqa: E402
from frontline.news.ingest import candidate_claims  # noqa: E402


def synthetic_articles(count: int, seed: int) -> list[tuple[str, dt.date]]:
    """Articles of 3 to 8 paragraphs drawn from the labelled reports, with their datelines."""
    labelled = load_labels(DEFAULT_LABELS)
    paragraphs = [
        (p.strip(), a.published) for a in labelled for p in a.text.split("\n\n") if p.strip()
    ]
    rng = random.Random(seed)
    articles = []
    for _ in range(count):
        chosen = rng.sample(paragraphs, rng.randint(3, min(8, len(paragraphs))))
        articles.append(("\n\n".join(p for p, _ in chosen), max(d for _, d in chosen)))
    return articles


@dataclass(frozen=True)
class IngestFigures:
    articles: int
    characters: int
    claims: int
    build_seconds: float  # gazetteer and matcher
    ingest_seconds: float
    traced_peak_bytes: int  # allocated at most by the ingest loop, on a tenth of the articles

    @property
    def articles_per_second(self) -> float:
        return self.articles / self.ingest_seconds


def measure(count: int = 300, seed: int = 0) -> IngestFigures:
    """Ingest `count` synthetic articles without saving and time it."""
    started = time.perf_counter()
    matcher = cached_matcher(ROOT / "data")
    build = time.perf_counter() - started
    articles = synthetic_articles(count, seed)
    characters = sum(len(text) for text, _ in articles)

    claims = 0
    started = time.perf_counter()
    for text, published in articles:
        claims += len(candidate_claims(text, published, matcher=matcher))
    elapsed = time.perf_counter() - started

    # Python allocations of the ingest loop alone, on a tenth of the articles (tracing is slow).
    tracemalloc.start()
    for text, published in articles[: max(1, len(articles) // 10)]:
        candidate_claims(text, published, matcher=matcher)
    _, traced_peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return IngestFigures(len(articles), characters, claims, build, elapsed, traced_peak)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=300)
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args(argv)
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})  # one core

    figures = measure(args.articles, args.seed)
    peak_rss_kib = peak_rss_mib() * 1024
    count, characters = figures.articles, figures.characters
    print(f"gazetteer and matcher built once in {figures.build_seconds:.2f} s")
    print(
        f"articles: {count} ({characters / count:,.0f} characters on average),"
        f" candidate claims: {figures.claims}"
    )
    print(
        f"throughput: {figures.articles_per_second:,.1f} articles/s "
        f"({characters / figures.ingest_seconds / 1000:,.0f} k characters/s) on one core"
    )
    print(
        f"peak memory: {peak_rss_kib / 1024:,.0f} MiB resident (whole process, gazetteer "
        f"included); {figures.traced_peak_bytes / 2**20:,.1f} MiB allocated at most by the "
        "ingest loop"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
