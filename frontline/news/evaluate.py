"""How well geoparsing and extraction do on the hand-labelled reports in tests/eval/.

    python -m frontline.evaluate [--labels FILE ...] [--verbose]

By default it reads nine sets: tests/eval/labels.json (the seed and the texts the rules were
first written against), tests/eval/reports.json (short reports in the style of wire copy),
tests/eval/fresh_reports.json, tests/eval/fresh2_reports.json,
tests/eval/fresh3_reports.json, tests/eval/fresh4_reports.json and
tests/eval/fresh5_reports.json (more such reports, held out until their misses were listed,
tuned on since), tests/eval/fresh6_reports.json (twelve more, all held out: written and
committed before the reader ran on them, and never tuned on), and tests/eval/statements.json
(the record's "More information" statements, labelled from the table's own columns: see
frontline.news.statementset). Each set has a `tuning` part and a
`held_out` part (the reports also a `former_held_out` part, tuned on since its misses were
listed), scored separately; --verbose lists the misses of the parts tuned on only, so that a
held-out part is only ever seen as figures.

Prints the precision and recall of place mentions, the share of found places within 10 km of
the truth (the labelled place itself, or a place within 10 km of its point: an oblast's point
is only its rough middle), and the accuracy of status, certainty and date over the labelled
claims (a claim not found counts as wrong). A mention is found when a predicted one overlaps
it; a claim when a predicted claim about the same place quotes a passage that overlaps the
labelled one.
Mentions that stand for a government (metonymy) are not place mentions.

On the statements a claim is the place's status as the statement leaves it: the reader's claim
for an item is its last claim on the place it read the row's name as, and that claim is right
when its status is the table's ("Held by"). Claims precision is right claims over items with
a claim, recall right claims over items; the date is scored where the text states one. Claims
on other places the text names are counted, not scored (the table does not say), and so are
mentions beyond the row's name: mention precision and certainty are not measured there.
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

from frontline.news.extract import CLAIMANT_SIDES, Candidate, claimant_side, extract_claims
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
DEFAULT_STATEMENTS = EVAL_DIR / "statements.json"
DEFAULT_FRESH = EVAL_DIR / "fresh_reports.json"
DEFAULT_FRESH2 = EVAL_DIR / "fresh2_reports.json"
DEFAULT_FRESH3 = EVAL_DIR / "fresh3_reports.json"
DEFAULT_FRESH4 = EVAL_DIR / "fresh4_reports.json"
DEFAULT_FRESH5 = EVAL_DIR / "fresh5_reports.json"
DEFAULT_FRESH6 = EVAL_DIR / "fresh6_reports.json"
DEFAULT_SETS = (
    DEFAULT_LABELS,
    EVAL_DIR / "reports.json",
    DEFAULT_FRESH,
    DEFAULT_FRESH2,
    DEFAULT_FRESH3,
    DEFAULT_FRESH4,
    DEFAULT_FRESH5,
    DEFAULT_FRESH6,
    DEFAULT_STATEMENTS,
)
TUNING, HELD_OUT = "tuning", "held_out"
# A part that was held out until its misses were listed; since then it is tuned on, and kept
# apart so that its figures stay comparable with the ones it had.
FORMER_HELD_OUT = "former_held_out"
PARTS = (TUNING, FORMER_HELD_OUT, HELD_OUT)
# How an article's claims are scored: each labelled claim by its passage, or (the record's
# statements) the last claim on the row's place by its status.
BY_PASSAGE, LAST_ON_PLACE = "passage", "last"
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
    date: dt.date | None  # None: the text states no date (not scored)
    date_end: dt.date | None
    date_precision: str | None
    claimant_side: str | None = None  # who makes the claim (CLAIMANT_SIDES); None: not labelled


@dataclass(frozen=True)
class LabelledArticle:
    name: str
    text: str
    published: dt.date
    outlet: str
    mentions: tuple[GoldMention, ...]
    claims: tuple[GoldClaim, ...]
    held_out: bool = False  # labelled before the code ever ran on it; never tuned on
    part: str = TUNING  # one of PARTS
    scoring: str = BY_PASSAGE


@dataclass
class Scores:
    mentions_predicted: int = 0
    mentions_gold: int = 0
    mentions_matched: int = 0
    places_near: int = 0
    claims_gold: int = 0
    claims_dated: int = 0
    other_claims: int = 0  # on places no label speaks of (statements only)
    claims_placed: int = 0  # right, and on a place within 10 km of the row's (statements only)
    claims_predicted: int = 0
    claims_matched: int = 0
    status_right: int = 0
    certainty_right: int = 0
    date_right: int = 0
    claims_sided: int = 0  # labelled with the claimant's side
    claimant_right: int = 0
    misses: list[str] = field(default_factory=list)

    def figure(self, name: str) -> float:
        """One of FIGURES, as a share between 0 and 1 (0 when there is nothing to count)."""
        part, whole = FIGURES[name]
        total = getattr(self, whole)
        return getattr(self, part) / total if total else 0.0


# Each figure: (the count that succeeded, the count it is a share of). Status, certainty and
# date are over all labelled claims (the date over those with a date): a claim not found
# counts as wrong.
FIGURES = {
    "mention_precision": ("mentions_matched", "mentions_predicted"),
    "mention_recall": ("mentions_matched", "mentions_gold"),
    "within_10km": ("places_near", "mentions_matched"),
    "claim_precision": ("claims_matched", "claims_predicted"),
    "claim_recall": ("claims_matched", "claims_gold"),
    "status_accuracy": ("status_right", "claims_gold"),
    "certainty_accuracy": ("certainty_right", "claims_gold"),
    "date_accuracy": ("date_right", "claims_dated"),
    "claim_recall_placed": ("claims_placed", "claims_gold"),
    "claimant_accuracy": ("claimant_right", "claims_sided"),
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
    side = row.get("claimant_side")
    if side is not None and side not in CLAIMANT_SIDES:
        raise ValueError(f"claimant_side {side!r} is not one of: {', '.join(CLAIMANT_SIDES)}")
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
        claimant_side=side,
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
        if part not in PARTS:
            raise ValueError(
                f"{path}: {row['file']}: part {part!r} is not one of: {', '.join(PARTS)}"
            )
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


def _day(value: str | None) -> dt.date | None:
    return dt.date.fromisoformat(value) if value else None


def load_statements(path: Path = DEFAULT_STATEMENTS) -> list[LabelledArticle]:
    """The record's statements (frontline.news.statementset): one text, one claim each."""
    document = json.loads(path.read_text(encoding="utf-8"))
    articles = []
    for number, item in enumerate(document["items"], 1):
        label = f"{path}: item {number} ({item.get('id')})"
        try:
            text, name = item["text"], item["name"]
            if not text.startswith(name):
                raise ValueError(f"the text does not open with the name {name!r}")
            if item["part"] not in (TUNING, HELD_OUT):
                raise ValueError(f"part {item['part']!r} is not {TUNING} or {HELD_OUT}")
            claim = GoldClaim(
                place=item["place"],
                start=0,
                end=len(text),
                status=item["status"],
                event="",
                certainty="",
                date=_day(item["date"]),
                date_end=_day(item["date_end"]),
                date_precision=item["date_precision"],
            )
            mention = GoldMention(0, len(name), item["place"], item["lat"], item["lon"])
            published = dt.date.fromisoformat(item["dateline"])
        except (KeyError, ValueError) as err:
            raise ValueError(f"{label}: {err}") from None
        articles.append(
            LabelledArticle(
                name=item["id"],
                text=text,
                published=published,
                outlet="",
                mentions=(mention,),
                claims=(claim,),
                held_out=item["part"] == HELD_OUT,
                part=item["part"],
                scoring=LAST_ON_PLACE,
            )
        )
    return articles


def load_set(path: Path) -> list[LabelledArticle]:
    """Either kind of label file: articles with labelled passages, or statements."""
    document = json.loads(path.read_text(encoding="utf-8"))
    return load_statements(path) if "items" in document else load_labels(path)


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
        # An oblast's labelled point is only its rough middle: the oblast itself is right.
        if match.entry.key == gold.place or (
            haversine_km(match.entry.lat, match.entry.lon, gold.lat, gold.lon) <= NEAR_KM
        ):
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
    scores.claims_dated += sum(1 for gold in article.claims if gold.date is not None)
    scores.claims_sided += sum(1 for gold in article.claims if gold.claimant_side)
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
        if gold.claimant_side:
            checks["claimant"] = (claimant_side(match.claimant), gold.claimant_side)
        for name, (got, want) in checks.items():
            if got == want:
                setattr(scores, f"{name}_right", getattr(scores, f"{name}_right") + 1)
            else:
                scores.misses.append(f"{label}: {name} {got} instead of {want}")
    scores.misses.extend(
        f"{article.name}: unlabelled claim on {c.entry.name} ({c.mention!r}, {c.status}, {c.event})"
        for c in unused
    )


def score_last_claim(
    article: LabelledArticle,
    mentions: Sequence[Mention],
    predicted: Sequence[Candidate],
    scores: Scores,
) -> None:
    """A statement: its one labelled place and the status the text leaves it with."""
    (gold_mention,) = article.mentions
    (gold,) = article.claims
    span = (gold_mention.start, gold_mention.end)
    found = next(
        (m for m in mentions if m.role != METONYMY and _overlaps((m.start, m.end), span)), None
    )
    scores.mentions_gold += 1
    scores.claims_gold += 1
    scores.claims_dated += gold.date is not None
    label = f"{article.name}: {article.text!r}"
    if found is None:
        scores.misses.append(f"{label}: the name is not found")
        scores.other_claims += len(predicted)
        return
    scores.mentions_predicted += 1
    scores.mentions_matched += 1
    near = (
        haversine_km(found.entry.lat, found.entry.lon, gold_mention.lat, gold_mention.lon)
        <= NEAR_KM
    )
    if near:
        scores.places_near += 1
    else:
        scores.misses.append(f"{label}: placed at {found.entry.name} ({found.entry.oblast})")
    on_place = [c for c in predicted if c.entry.key == found.entry.key]
    scores.other_claims += len(predicted) - len(on_place)
    if not on_place:
        scores.misses.append(f"{label}: no claim")
        return
    scores.claims_predicted += 1
    last = on_place[-1]
    if last.status != gold.status:
        scores.misses.append(f"{label}: {last.status} ({last.quote!r}) instead of {gold.status}")
        return
    scores.claims_matched += 1
    scores.status_right += 1
    scores.claims_placed += near
    if gold.date is None:
        return
    got = (last.date.start, last.date.end, last.date.precision)
    want = (gold.date, gold.date_end, gold.date_precision)
    if got == want:
        scores.date_right += 1
    else:
        scores.misses.append(f"{label}: date {got} instead of {want}")


def evaluate(articles: Sequence[LabelledArticle], matcher: Matcher | None = None) -> Scores:
    matcher = matcher or cached_matcher()
    scores = Scores()
    for article in articles:
        mentions = find_mentions(article.text, matcher)
        claims = extract_claims(article.text, mentions, article.published, outlet=article.outlet)
        if article.scoring == LAST_ON_PLACE:
            score_last_claim(article, mentions, claims, scores)
            continue
        score_mentions(article, mentions, scores)
        score_claims(article, claims, scores)
    return scores


def report(scores: Scores, articles: int, title: str = "all", scoring: str = BY_PASSAGE) -> str:
    f = scores.figure
    if scoring == LAST_ON_PLACE:
        return "\n".join(
            [
                f"== {title}: {articles} statement(s), {scores.claims_dated} of them dated",
                f"the row's place found: {f('mention_recall'):.3f}, "
                f"within {NEAR_KM:g} km of the row's point: {f('within_10km'):.3f}",
                f"claims (the table's status): precision {f('claim_precision'):.3f}, "
                f"recall {f('claim_recall'):.3f}",
                f"right claims placed within {NEAR_KM:g} km of the row's point (over all "
                f"statements): {f('claim_recall_placed'):.3f}",
                f"date accuracy (dated statements): {f('date_accuracy'):.3f}",
                f"claims on other places (not scored): {scores.other_claims}",
            ]
        )
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
    if scores.claims_sided:
        lines.append(f"claimant's side accuracy: {f('claimant_accuracy'):.3f}")
    return "\n".join(lines)


def groups(path: Path, articles: Sequence[LabelledArticle]) -> list[tuple[str, str, list]]:
    """A label set's parts, each scored on its own: what the rules were tuned on, and what
    they never saw, as (title, part, articles)."""
    parts = [
        (f"{path.name}, tuning (the rules were tuned on these)", TUNING),
        (
            f"{path.name}, former held out (its misses were once listed; now tuned on)",
            FORMER_HELD_OUT,
        ),
        (f"{path.name}, held out (never tuned on)", HELD_OUT),
    ]
    found = [(title, part, [a for a in articles if a.part == part]) for title, part in parts]
    return [(title, part, group) for title, part, group in found if group]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m frontline.evaluate", description=__doc__.splitlines()[0]
    )
    parser.add_argument(
        "--labels",
        type=Path,
        action="append",
        help="a label file (repeatable); default: the nine sets in tests/eval/",
    )
    parser.add_argument(
        "--verbose",
        action="store_true",
        help="list every miss of the parts tuned on (never of a held-out part)",
    )
    args = parser.parse_args(argv)
    matcher = cached_matcher()
    scored = []
    for path in args.labels or DEFAULT_SETS:
        try:
            articles = load_set(path)
        except (OSError, ValueError, KeyError) as err:
            print(f"frontline.evaluate: {err}", file=sys.stderr)
            return 2
        scored.extend(groups(path, articles))
    for title, part, group in scored:
        scores = evaluate(group, matcher)
        try:
            print(report(scores, len(group), title, group[0].scoring))
            if args.verbose and part != HELD_OUT:
                print("\n".join(scores.misses))
            elif args.verbose:
                print("(a held-out part's misses are not listed)")
        except BrokenPipeError:  # `... | head` is not an error
            return 0
    return 0


if __name__ == "__main__":
    sys.exit(main())
