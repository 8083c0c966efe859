"""The reader's third evaluation set: the record's "More information" statements, labelled
from the table's own columns (tests/eval/statements.json).

    python scripts/build_statement_eval.py [--source FILE] [--out FILE] [--check]

The source is tests/eval/record_statements.jsonl, written by `python -m frontline.record.build`
from the list's scraped history: one item per distinct "More information" text of a place,
the first time the list showed it (Wikipedia contributors, CC BY-SA 3.0). Each item here is
the row as a short text, "<Name>: <statement>", read with the revision's day as its dateline,
and one claim: the place's status as the statement leaves it.

- place: the row's place (its name in the text, its GeoNames id or record id, its point);
- status: "Held by", mapped as the record maps it (Donetsk PR and Luhansk PR are russian);
- date: the date the text states for that status (the record's reading of the editors'
  words); none when the text states none, and then the date is not scored.

An item is kept only when the text itself says so: the last statement the text makes about
who holds the place (`frontline.record.textdates.statements`) gives the "Held by" status.
Where they differ, the table moved on while the text did not ("Captured by Russia 24 February
2022." beside Held by Ukraine), or the text tells a period of fighting whose outcome only the
column gives ("Contested by Russia between 15 January – 5 June 2024." beside Held by Russia);
such items are counted, by reason, and left out.

The part is the record's split, fixed by the sha-256 of the place id before anything was
read: `tuning` (the record's `tune`) may be looked at and tuned on; `held_out` is only ever
scored in aggregate. All of one place's texts are in one part.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from collections import Counter
from collections.abc import Iterable, Sequence
from pathlib import Path

from frontline.record.textdates import Statement, statements
from frontline.store import atomic_write_text

EVAL_DIR = Path(__file__).resolve().parents[2] / "tests" / "eval"
SOURCE = EVAL_DIR / "record_statements.jsonl"
OUTPUT = EVAL_DIR / "statements.json"
PARTS = {"tune": "tuning", "held_out": "held_out"}
SPLIT_RULE = (
    "sha-256 of the record's place id, first byte even: tuning, odd: held_out "
    "(frontline.record.statements.split_of)"
)
# Why an item is left out.
NO_STATEMENT = "the text states no side's capture and no contest"
TEXT_BEHIND = "the text's last statement gives another status than Held by"


def place_key(item: dict) -> str:
    """The gazetteer key of the row's place: its GeoNames id, else the record's own id."""
    return f"gn:{item['geonames_id']}" if item.get("geonames_id") else f"record:{item['place_id']}"


def last_statement(item: dict) -> Statement | None:
    """The last statement the text makes about who holds the place, as the record reads it."""
    recorded = dt.date.fromisoformat(item["recorded_at"][:10])
    found = statements(item["text"], recorded)
    return found[-1] if found else None


def verdict(item: dict) -> str | None:
    """None when the item is a fair claim, else why it is left out."""
    last = last_statement(item)
    if last is None:
        return NO_STATEMENT
    if last.status != item["status"]:
        return TEXT_BEHIND
    return None


def labelled(item: dict) -> dict:
    """One item of the set, from one of the record's statements: its date is the one the
    last statement states."""
    name = item["name"]
    date = last_statement(item).date
    return {
        "id": item["id"],
        "part": PARTS[item["split"]],
        "text": f"{name}: {item['text']}",
        "dateline": item["recorded_at"][:10],
        "name": name,
        "place": place_key(item),
        "lat": item["lat"],
        "lon": item["lon"],
        "status": item["status"],
        "held_by": item["held_by"],
        "date": date.start.isoformat() if date else None,
        "date_end": date.end.isoformat() if date else None,
        "date_precision": date.precision if date else None,
        "date_text": date.text if date else None,
        "source": item["source"],
    }


def build(items: Iterable[dict]) -> dict:
    kept, left_out = [], Counter()
    for item in items:
        why = verdict(item)
        if why is None:
            kept.append(labelled(item))
        else:
            left_out[f"{PARTS[item['split']]}: {why}"] += 1
    return {
        "about": "The record's statements as claims: see frontline/news/statementset.py.",
        "licence": "CC BY-SA 3.0 (Wikipedia contributors)",
        "split": SPLIT_RULE,
        "left_out": dict(sorted(left_out.items())),
        "parts": dict(sorted(Counter(item["part"] for item in kept).items())),
        "items": kept,
    }


def read_source(path: Path) -> list[dict]:
    items = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            item = json.loads(line)
            for field in ("id", "split", "text", "name", "status", "recorded_at", "place_id"):
                if not item.get(field):
                    raise ValueError(f"field {field!r} is missing or empty")
            if item["split"] not in PARTS:
                raise ValueError(f"split {item['split']!r} is not one of {sorted(PARTS)}")
        except ValueError as err:
            raise ValueError(f"{path}: line {number}: {err}") from None
        items.append(item)
    return items


def rendered(document: dict) -> str:
    return json.dumps(document, ensure_ascii=False, indent=1) + "\n"


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--source", type=Path, default=SOURCE)
    parser.add_argument("--out", type=Path, default=OUTPUT)
    parser.add_argument("--check", action="store_true", help="write nothing; exit 1 if stale")
    args = parser.parse_args(argv)
    try:
        document = build(read_source(args.source))
    except (OSError, ValueError) as err:
        print(f"build_statement_eval: {err}", file=sys.stderr)
        return 2
    text = rendered(document)
    counts = ", ".join(f"{part} {n}" for part, n in document["parts"].items())
    print(f"{len(document['items'])} items ({counts}); left out: {document['left_out']}")
    current = args.out.read_text(encoding="utf-8") if args.out.exists() else None
    if args.check:
        if current != text:
            print(f"{args.out} would change")
            return 1
        return 0
    if current != text:
        atomic_write_text(args.out, text)
        print(f"wrote {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
