"""How well geoparsing and extraction do on the hand-labelled reports in tests/eval/.

    python -m frontline.evaluate [--labels FILE ...] [--verbose]

By default it reads two sets: tests/eval/labels.json (the seed and the texts the rules were
first written against) and tests/eval/reports.json (short reports in the style of wire copy,
in a `tuning` part and a `held_out` part that no rule was tuned on). Each set's parts are
scored separately.

Prints the precision and recall of place mentions, the share of found places within 10 km of
the truth, and the accuracy of status, certainty and date over the labelled claims (a claim
not found counts as wrong). A mention is found when a predicted one overlaps it; a claim when
a predicted claim about the same place quotes a passage that overlaps the labelled one.
Mentions that stand for a government (metonymy) are not place mentions.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import re
import sys
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from frontline.news.extract import Candidate, extract_claims
from frontline.news.geoparse import (
    METONYMY,
    Matcher,
    Mention,
    cached_matcher,
    find_mentions,
    haversine_km,
)

EVAL_DIR = Path(__file__).resolve().parents[2] / "tests" / "eval"
DEFAULT_LABELS = EVAL_DIR / "labels.json"
DEFAULT_SETS = (DEFAULT_LABELS, EVAL_DIR / "reports.json")
TUNING, HELD_OUT = "tuning", "held_out"
NEAR_KM = 10.0


@dataclass(frozen=True)
class GoldMention:
    start: int
    end: int
    place: str  # gazetteer key: gn:<id> or oblast:<code>
    lat: float
    lon: float


@dataclass(frozen=True)
class GoldClaim:
    place: str
    start: int
    end: int
    status: str
    event: str
    certainty: str
    date: dt.date
    date_end: dt.date
    date_precision: str


@dataclass(frozen=True)
class LabelledArticle:
    name: str
    text: str
    published: dt.date
    outlet: str
    mentions: tuple[GoldMention, ...]
    claims: tuple[GoldClaim, ...]
    held_out: bool = False  # labelled before the code ever ran on it; never tuned on
    part: str = TUNING  # TUNING or HELD_OUT


@dataclass
class Scores:
    mentions_predicted: int = 0
    mentions_gold: int = 0
    mentions_matched: int = 0
    places_near: int = 0
    claims_gold: int = 0
    claims_predicted: int = 0
    claims_matched: int = 0
    status_right: int = 0
    certainty_right: int = 0
    date_right: int = 0
    misses: list[str] = field(default_factory=list)

    def figure(self, name: str) -> float:
        """One of FIGURES, as a share between 0 and 1 (0 when there is nothing to count)."""
        part, whole = FIGURES[name]
        total = getattr(self, whole)
        return getattr(self, part) / total if total else 0.0


# Each figure: (the count that succeeded, the count it is a share of). Status, certainty and
# date are over all labelled claims: a claim not found counts as wrong.
FIGURES = {
    "mention_precision": ("mentions_matched", "mentions_predicted"),
    "mention_recall": ("mentions_matched", "mentions_gold"),
    "within_10km": ("places_near", "mentions_matched"),
    "claim_precision": ("claims_matched", "claims_predicted"),
    "claim_recall": ("claims_matched", "claims_gold"),
    "status_accuracy": ("status_right", "claims_gold"),
    "certainty_accuracy": ("certainty_right", "claims_gold"),
    "date_accuracy": ("date_right", "claims_gold"),
}


# --- labels --------------------------------------------------------------------------------


def locate(text: str, surface: str, occurrence: int = 1) -> tuple[int, int]:
    """Offsets of the n-th whole-word occurrence of a spelling."""
    matches = list(re.finditer(rf"(?<!\w){re.escape(surface)}(?!\w)", text))
    if len(matches) < occurrence:
        raise ValueError(f"{surface!r} occurs {len(matches)} time(s), not {occurrence}")
    match = matches[occurrence - 1]
    return match.start(), match.end()


def _gold_claim(text: str, row: dict[str, Any]) -> GoldClaim:
    start = text.find(row["quote"])
    if start < 0:
        raise ValueError(f"quote {row['quote']!r} is not in the text")
    date = dt.date.fromisoformat(row["date"])
    return GoldClaim(
        place=row["place"],
        start=start,
        end=start + len(row["quote"]),
        status=row["status"],
        event=row["event"],
        certainty=row["certainty"],
        date=date,
        date_end=dt.date.fromisoformat(row.get("date_end") or row["date"]),
        date_precision=row["date_precision"],
    )


def load_labels(path: Path = DEFAULT_LABELS) -> list[LabelledArticle]:
    document = json.loads(path.read_text(encoding="utf-8"))
    articles = []
    for row in document["articles"]:
        text = (path.parent / row["file"]).read_text(encoding="utf-8")
        try:
            mentions = []
            for gold in row["mentions"]:
                start, end = locate(text, gold["text"], gold.get("occurrence", 1))
                mentions.append(GoldMention(start, end, gold["place"], gold["lat"], gold["lon"]))
            claims = [_gold_claim(text, claim) for claim in row["claims"]]
        except ValueError as err:
            raise ValueError(f"{path}: {row['file']}: {err}") from None
        part = row.get("part") or (HELD_OUT if row.get("held_out") else TUNING)
        if part not in (TUNING, HELD_OUT):
            raise ValueError(f"{path}: {row['file']}: part {part!r} is not {TUNING} or {HELD_OUT}")
        articles.append(
            LabelledArticle(
                name=Path(row["file"]).name,
                text=text,
                published=dt.date.fromisoformat(row["date"]),
                outlet=row.get("outlet", ""),
                mentions=tuple(mentions),
                claims=tuple(claims),
                held_out=part == HELD_OUT,
                part=part,
            )
        )
    return articles


# --- scoring -------------------------------------------------------------------------------


def _overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def score_mentions(article: LabelledArticle, predicted: Sequence[Mention], scores: Scores) -> None:
    found = [m for m in predicted if m.role != METONYMY]
    scores.mentions_predicted += len(found)
    scores.mentions_gold += len(article.mentions)
    unused = list(found)
    for gold in article.mentions:
        match = next(
            (m for m in unused if _overlaps((m.start, m.end), (gold.start, gold.end))), None
        )
        if match is None:
            scores.misses.append(
                f"{article.name}: mention {article.text[gold.start : gold.end]!r}"
                f" at {gold.start} not found"
            )
            continue
        unused.remove(match)
        scores.mentions_matched += 1
        if haversine_km(match.entry.lat, match.entry.lon, gold.lat, gold.lon) <= NEAR_KM:
            scores.places_near += 1
        else:
            scores.misses.append(
                f"{article.name}: {match.text!r} placed at {match.entry.name} "
                f"({match.entry.oblast}), not {gold.place}"
            )
    scores.misses.extend(
        f"{article.name}: {m.text!r} at {m.start} is no labelled place" for m in unused
    )


def score_claims(article: LabelledArticle, predicted: Sequence[Candidate], scores: Scores) -> None:
    scores.claims_gold += len(article.claims)
    scores.claims_predicted += len(predicted)
    unused = list(predicted)
    for gold in article.claims:
        match = next(
            (
                c
                for c in unused
                if c.entry.key == gold.place and _overlaps((c.start, c.end), (gold.start, gold.end))
            ),
            None,
        )
        label = f"{article.name}: claim on {gold.place} ({article.text[gold.start : gold.end]!r})"
        if match is None:
            scores.misses.append(f"{label} not found")
            continue
        unused.remove(match)
        scores.claims_matched += 1
        checks = {
            "status": (match.status, gold.status),
            "certainty": (match.certainty, gold.certainty),
            "date": (
                (match.date.start, match.date.end, match.date.precision),
                (gold.date, gold.date_end, gold.date_precision),
            ),
        }
        for name, (got, want) in checks.items():
            if got == want:
                setattr(scores, f"{name}_right", getattr(scores, f"{name}_right") + 1)
            else:
                scores.misses.append(f"{label}: {name} {got} instead of {want}")
    scores.misses.extend(
        f"{article.name}: unlabelled claim on {c.entry.name} ({c.mention!r}, {c.status}, {c.event})"
        for c in unused
    )


def evaluate(articles: Sequence[LabelledArticle], matcher: Matcher | None = None) -> Scores:
    matcher = matcher or cached_matcher()
    scores = Scores()
    for article in articles:
        mentions = find_mentions(article.text, matcher)
        score_mentions(article, mentions, scores)
        claims = extract_claims(article.text, mentions, article.published, outlet=article.outlet)
        score_claims(article, claims, scores)
    return scores


def report(scores: Scores, articles: int, title: str = "all") -> str:
    f = scores.figure
    lines = [
        f"== {title}: {articles} article(s), labelled mentions: {scores.mentions_gold}, "
        f"labelled claims: {scores.claims_gold}",
        f"place mentions: precision {f('mention_precision'):.3f}, recall {f('mention_recall'):.3f}",
        f"places within {NEAR_KM:g} km of the truth: {f('within_10km'):.3f}",
        f"claims found: precision {f('claim_precision'):.3f}, recall {f('claim_recall'):.3f}",
        f"status accuracy: {f('status_accuracy'):.3f}",
        f"certainty accuracy: {f('certainty_accuracy'):.3f}",
        f"date accuracy: {f('date_accuracy'):.3f}",
    ]
    return "\n".join(lines)


def groups(path: Path, articles: Sequence[LabelledArticle]) -> list[tuple[str, list]]:
    """A label set's parts, each scored on its own: what the rules were tuned on, and what
    they never saw."""
    parts = [
        (f"{path.name}, tuning (the rules were tuned on these)", TUNING),
        (f"{path.name}, held out (never tuned on)", HELD_OUT),
    ]
    found = [(title, [a for a in articles if a.part == part]) for title, part in parts]
    return [(title, group) for title, group in found if group]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m frontline.evaluate", description=__doc__.splitlines()[0]
    )
    parser.add_argument(
        "--labels", type=Path, action="append", help="a label file (repeatable); default: both"
    )
    parser.add_argument("--verbose", action="store_true", help="list every miss")
    args = parser.parse_args(argv)
    matcher = cached_matcher()
    scored = []
    for path in args.labels or DEFAULT_SETS:
        try:
            articles = load_labels(path)
        except (OSError, ValueError, KeyError) as err:
            print(f"frontline.evaluate: {err}", file=sys.stderr)
            return 2
        scored.extend(groups(path, articles))
    for title, group in scored:
        scores = evaluate(group, matcher)
        try:
            print(report(scores, len(group), title))
            if args.verbose:
                print("\n".join(scores.misses))
        except BrokenPipeError:  # `... | head` is not an error
            return 0
    return 0


if __name__ == "__main__":
    sys.exit(main())
