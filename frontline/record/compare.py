"""News against the record: each news claim beside the status the record (Wikipedia's list,
and VIINA's control table when imported) gave its place on the claim's date, so that where a
report and the record disagree both are shown, with which source of the record it was.

The record's status on a date is its latest entry dated on or before it (the entry's own
date, not when the list recorded it), as the map draws the record in "happened" mode; with
two sources of the record, the latest entry of either.
"""

from __future__ import annotations

import pandas as pd

from frontline import vocab

COMPARED_COLUMNS = [
    "record_status",
    "record_date",
    "record_title",
    "record_disputed",
    "record_outlet",  # which source of the record (record.sources)
]


def against_record(news: pd.DataFrame, record: pd.DataFrame) -> pd.DataFrame:
    """`news` (claims table rows) with the record's status of each place on each claim's
    date; the record columns are empty where the list had nothing on the place by then."""
    if news.empty or record.empty:
        return news.assign(**{name: pd.NA for name in COMPARED_COLUMNS})
    entries = record[["place_id", "date", "status", "title", "event", "outlet"]].rename(
        columns={
            "date": "record_date",
            "status": "record_status",
            "title": "record_title",
            "outlet": "record_outlet",
        }
    )
    entries["record_disputed"] = entries.pop("event") == "disputed"
    # merge_asof takes, per place, the last entry on or before each claim's date; the
    # record table is in timeline order, so among entries of one date the latest recorded.
    left = news.reset_index(drop=True).reset_index(names="_order").sort_values("date")
    right = entries.sort_values("record_date", kind="stable")
    merged = pd.merge_asof(
        left,
        right,
        left_on="date",
        right_on="record_date",
        by="place_id",
        direction="backward",
    )
    return merged.sort_values("_order").drop(columns="_order").reset_index(drop=True)


def record_disagreements(compared: pd.DataFrame) -> pd.DataFrame:
    """Rows of `against_record` where the claim states a status and the record another."""
    states = compared["status"].isin(vocab.STATUSES)
    differs = compared["record_status"].notna() & (compared["status"] != compared["record_status"])
    return compared[states & differs].reset_index(drop=True)
