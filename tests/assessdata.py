"""Claims added to a copy of the bundled data for the assessment's pages: a dispute at Lyman,
an admission at Izium, and a shelling of Kupiansk. Each reuses a passage of the seed
article, verbatim at its offsets, as a claim must."""

from __future__ import annotations

import csv
from pathlib import Path

from frontline import store

SEED = "afp-2022-09-11-f299b479"
# (claim id, place, date, status, event, certainty, claimant, the seed claim whose passage)
ADDED = (
    # Ukraine claims Lyman on the 10th; the separatists call it contested on the 11th.
    ("a001", "lyman", "2022-09-10", "ukrainian", "entered", "claimed", "Ukrainian forces", "c0004"),
    # Russia's defence ministry: its forces withdrew from Izium (an admission).
    (
        "a002",
        "izium",
        "2022-09-10",
        "ukrainian",
        "withdrew",
        "claimed",
        "Russia's defence ministry",
        "c0003",
    ),
    # Shelling says nothing of who holds Kupiansk.
    (
        "a003",
        "kupiansk",
        "2022-09-11",
        "",
        "shelled",
        "claimed",
        "Serhiy Haidai, the governor",
        "c0002",
    ),
)


def add_assessment_claims(data_dir: Path) -> None:
    """Append the ADDED claims to the data directory's claims.csv."""
    path = data_dir / store.CLAIMS_FILE
    with path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    by_id = {row["claim_id"]: row for row in rows}
    for claim_id, place, date, status, event, certainty, claimant, passage in ADDED:
        base = by_id[passage]
        rows.append(
            {
                **base,
                "claim_id": claim_id,
                "place_id": place,
                "date": date,
                "date_end": "",
                "date_precision": "day",
                "status": status,
                "event": event,
                "certainty": certainty,
                "claimant": claimant,
                "article_id": SEED,
            }
        )
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
