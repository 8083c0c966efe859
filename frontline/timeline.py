"""The state of every place as of a date, and the filters of the map and tables.

Everything works on one flat table of claims (one row per claim, with its place and article
joined in), built once per data load. A place's state on a date is derived from its claims;
it is never stored.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import pandas as pd

from frontline import vocab
from frontline.model import Dataset

CLAIM_TABLE_COLUMNS = [
    "claim_id",
    "place_id",
    "name",
    "kind",
    "oblast",
    "oblast_name",
    "lat",
    "lon",
    "geonames_id",
    "date",
    "date_end",
    "date_precision",
    "status",
    "event",
    "certainty",
    "claimant",
    "article_id",
    "published",
    "outlet",
    "title",
    "quote",
    "quote_start",
    "quote_end",
    "mention",
]


def claims_table(dataset: Dataset) -> pd.DataFrame:
    """One row per claim, in timeline order (date, then publication, then id)."""
    rows = []
    for claim in dataset.claims:
        place = dataset.places[claim.place_id]
        article = dataset.articles[claim.article_id]
        rows.append(
            {
                "claim_id": claim.claim_id,
                "place_id": place.place_id,
                "name": place.name,
                "kind": place.kind,
                "oblast": place.oblast,
                "oblast_name": dataset.oblasts.get(place.oblast, place.oblast),
                "lat": place.lat,
                "lon": place.lon,
                "geonames_id": place.geonames_id,
                "date": claim.date,
                "date_end": claim.date_end,
                "date_precision": claim.date_precision,
                "status": claim.status,
                "event": claim.event,
                "certainty": claim.certainty,
                "claimant": claim.claimant,
                "article_id": article.article_id,
                "published": article.published,
                "outlet": article.outlet,
                "title": article.title,
                "quote": claim.quote,
                "quote_start": claim.quote_start,
                "quote_end": claim.quote_end,
                "mention": claim.mention,
            }
        )
    table = pd.DataFrame(rows, columns=CLAIM_TABLE_COLUMNS)
    for column in ("date", "date_end", "published"):
        table[column] = pd.to_datetime(table[column])
    table["geonames_id"] = table["geonames_id"].astype("Int64")
    return table.sort_values(["date", "published", "claim_id"], kind="stable").reset_index(
        drop=True
    )


@dataclass(frozen=True)
class Filters:
    """What the map and tables show. None or an empty tuple means no limit."""

    as_of: dt.date | None = None
    mode: str = vocab.MODE_HAPPENED
    date_from: dt.date | None = None
    date_to: dt.date | None = None
    oblasts: tuple[str, ...] = ()
    statuses: tuple[str, ...] = ()
    certainties: tuple[str, ...] = ()


def _timestamp(day: dt.date) -> pd.Timestamp:
    return pd.Timestamp(day)


def claims_counting(table: pd.DataFrame, filters: Filters) -> pd.DataFrame:
    """The claims that count for the view: within the date range, up to the as-of date (by
    event date, or by publication date in the "known" mode), in the chosen oblasts."""
    keep = pd.Series(True, index=table.index)
    if filters.date_from is not None:
        keep &= table["date"] >= _timestamp(filters.date_from)
    if filters.date_to is not None:
        keep &= table["date"] <= _timestamp(filters.date_to)
    if filters.as_of is not None:
        keep &= table["date"] <= _timestamp(filters.as_of)
        if filters.mode == vocab.MODE_KNOWN:
            keep &= table["published"] <= _timestamp(filters.as_of)
    if filters.oblasts:
        keep &= table["oblast"].isin(filters.oblasts)
    return table[keep]


def state_as_of(table: pd.DataFrame, filters: Filters) -> pd.DataFrame:
    """One row per place: its latest counting claim (denied claims do not set a state), with
    how many claims about it count. Status and certainty filters apply to this state."""
    counting = claims_counting(table, filters)
    asserted = counting[counting["certainty"] != "denied"]
    latest = asserted.groupby("place_id", sort=False).tail(1)
    counts = counting.groupby("place_id").size().rename("claims")
    state = latest.join(counts, on="place_id")
    if filters.statuses:
        state = state[state["status"].isin(filters.statuses)]
    if filters.certainties:
        state = state[state["certainty"].isin(filters.certainties)]
    return state.sort_values("name", kind="stable").reset_index(drop=True)


def place_history(table: pd.DataFrame, place_id: str, filters: Filters) -> pd.DataFrame:
    """Every counting claim about one place, oldest first."""
    counting = claims_counting(table, filters)
    return counting[counting["place_id"] == place_id].reset_index(drop=True)


def date_bounds(table: pd.DataFrame) -> tuple[dt.date, dt.date] | None:
    """The first and last dates the timeline needs: claim dates and publication dates."""
    if table.empty:
        return None
    first = min(table["date"].min(), table["published"].min())
    last = max(table["date"].max(), table["published"].max())
    return first.date(), last.date()


def claim_dates(table: pd.DataFrame) -> list[dt.date]:
    """The distinct dates that carry claims or publications, for easy stops on the slider."""
    days = pd.concat([table["date"], table["published"]]).drop_duplicates().sort_values()
    return [d.date() for d in days]


def describe_date(row: pd.Series) -> str:
    """A claim's date as a reader should see it, precision included."""
    start = row["date"].date()
    end = row["date_end"].date()
    precision = row["date_precision"]
    if precision == "day" or start == end:
        return start.isoformat()
    if precision == "week":
        return f"week of {start.isoformat()} – {end.isoformat()}"
    if precision == "month":
        return start.strftime("%B %Y")
    return f"{start.isoformat()} – {end.isoformat()}"


def neighbour_date(
    dates: list[dt.date], current: dt.date, direction: int, first: dt.date, last: dt.date
) -> dt.date:
    """The nearest date carrying a claim after (direction > 0) or before the current one;
    the end of the timeline when there is none."""
    if direction > 0:
        return next((d for d in dates if d > current), last)
    return next((d for d in reversed(dates) if d < current), first)
