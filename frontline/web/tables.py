"""The Data page's tables: the gazetteer and the claims under the map's filters, a text
search over them, and the files a reader downloads of exactly the rows shown."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace

import pandas as pd

from frontline import store, vocab
from frontline.assessindex import beside_claims
from frontline.events import event_label, status_label
from frontline.export import CREDITS, SPREADSHEET_NOTE, spreadsheet_safe
from frontline.folding import fold
from frontline.importers.maprows import is_imported
from frontline.model import Dataset
from frontline.record.sources import record_source
from frontline.timeline import Filters, TimelineIndex
from frontline.urlstate import map_link, under_base
from frontline.web.present import STYLE as PRESENT_STYLE
from frontline.web.present import article_link
from frontline.web.text import escape_html

# Columns of the claims table a search looks through, besides the place's other names. Not
# the article's title: it names a place and would match every claim of the article.
CLAIM_SEARCH_COLUMNS = (
    "name",
    "place_id",
    "oblast_name",
    "status",
    "certainty",
    "event",
    "claimant",
    "quote",
    "outlet",
    "claim_id",
)
PLACE_SEARCH_COLUMNS = (
    "name",
    "alt_names",
    "name_uk",
    "name_ru",
    "place_id",
    "oblast_name",
    "kind",
    "status",
    "claimant",
)


# Apostrophes in romanised names (Kup'yansk, Kup’yansk, Kupʼyansk) are one character to a reader.
def place_aliases(dataset: Dataset) -> dict[str, str]:
    """place id -> its other spellings and Ukrainian and Russian names, for searching."""
    return {
        p.place_id: " ".join([*p.alt_names, p.name_uk, p.name_ru]) for p in dataset.places.values()
    }


def search(
    rows: pd.DataFrame,
    query: str,
    columns: Iterable[str],
    aliases: dict[str, str] | None = None,
) -> pd.DataFrame:
    """The rows in which every word of the query occurs in one of the columns (or among the
    place's other names, or its status in words); an empty query keeps every row."""
    terms = fold(query).split()
    if not terms or rows.empty:
        return rows
    texts = rows[list(columns)].fillna("").astype(str)
    first, *rest = texts.columns
    haystack = texts[first].str.cat([texts[c] for c in rest], sep=" ")  # column-wise: fast
    if "status" in rows:
        haystack += " " + rows["status"].map(vocab.STATUS_LABELS).fillna("")
    if aliases is not None:
        haystack += " " + rows["place_id"].map(aliases).fillna("")
    haystack = haystack.map(fold)
    keep = pd.Series(True, index=rows.index)
    for term in terms:
        keep &= haystack.str.contains(term, regex=False)
    return rows[keep]


def claim_rows(
    index: TimelineIndex, filters: Filters, *, latest_only: bool = False
) -> pd.DataFrame:
    """The claims for the filters: every claim that counts for the view, or only the latest
    per place (what the map shows). Status and certainty apply to each claim shown."""
    if latest_only:
        state = index.state(filters).drop(columns="claims")
        return beside_claims(state, state)
    rows = index.counting_rows(filters)
    if filters.statuses:
        rows = rows[rows["status"].isin(filters.statuses)]
    if filters.certainties:
        rows = rows[rows["certainty"].isin(filters.certainties)]
    # Each claim with its place's assessment as of the date, whatever the filters keep.
    state = index.state(replace(filters, statuses=(), certainties=()))
    return beside_claims(rows.reset_index(drop=True), state)


def source_claim_rows(
    news: TimelineIndex, record: TimelineIndex, filters: Filters, *, latest_only: bool = False
) -> pd.DataFrame:
    """claim_rows of the kinds of source the view shows: news claims, record entries, or
    both (news first; the Source column tells them apart)."""
    parts = []
    if vocab.shows(filters.source, vocab.SOURCE_NEWS):
        rows = claim_rows(news, filters, latest_only=latest_only)
        # Imported claims have their own section and downloads, which keep their licences.
        imported = is_imported(rows)
        parts.append((rows[~imported] if imported.any() else rows).reset_index(drop=True))
    if vocab.shows(filters.source, vocab.SOURCE_RECORD) and not record.table.empty:
        parts.append(claim_rows(record, filters, latest_only=latest_only))
    parts = [part for part in parts if not part.empty] or parts[:1]
    return pd.concat(parts, ignore_index=True) if len(parts) > 1 else parts[0]


def place_rows(dataset: Dataset, index: TimelineIndex, filters: Filters) -> pd.DataFrame:
    """The gazetteer for the filters: places in the chosen regions, each with its state as of
    the date; with a status or certainty filter, only the places in such a state."""
    places = pd.DataFrame(
        [store.place_row(p) for p in dataset.places.values()], columns=store.PLACE_COLUMNS
    )
    places["oblast_name"] = places["oblast"].map(dataset.oblasts).fillna(places["oblast"])
    if filters.oblasts:
        places = places[places["oblast"].isin(filters.oblasts)]
    state = index.state(filters)[["place_id", "status", "certainty", "claimant", "date", "claims"]]
    how = "inner" if filters.statuses or filters.certainties else "left"
    places = places.merge(state, on="place_id", how=how)
    places["claims"] = places["claims"].fillna(0).astype(int)
    return places.sort_values(["name", "place_id"], kind="stable").reset_index(drop=True)


# The record's rows name their source (record.sources): "the record (VIINA's control table)".
SOURCE_SHOWN = {vocab.SOURCE_NEWS: "news report", vocab.SOURCE_RECORD: "the record"}


def claims_shown(rows: pd.DataFrame, base_path: str = "") -> pd.DataFrame:
    """The claims as the table shows them: readable names, links to the map and the article."""
    shown = pd.DataFrame(
        {
            "Date": rows["date"].dt.date,
            "Place": rows["name"],
            "Oblast": rows["oblast_name"],
            "Status": rows["status"].map(status_label),
            "Certainty": rows["certainty"],
            "Claimant": rows["claimant"],
            "Quote": rows["quote"],
            "Event": rows["event"].map(event_label),
            "Precision": rows["date_precision"],
            "Outlet": rows["outlet"],
            "Published": rows["published"].dt.date,
            "Map": [
                under_base(map_link(day.date(), place), base_path)
                for day, place in zip(rows["date"], rows["place_id"], strict=True)
            ],
            "Article": [
                article_link(article, place) if article else None
                for article, place in zip(rows["article_id"], rows["place_id"], strict=True)
            ],
            "Source": rows["source"]
            .map(SOURCE_SHOWN)
            .where(~is_imported(rows), "imported data set")
            .where(
                rows["source"] != vocab.SOURCE_RECORD,
                rows["outlet"].map(lambda o: f"the record ({record_source(o).name})"),
            ),
            "Claim": rows["claim_id"],
        }
    )
    if "assessed_status" in rows:  # the place's assessment as of the date, beside the claim
        shown["Assessed status"] = rows["assessed_status"].map(status_label)
        shown["Strongest certainty"] = rows["assessed_certainty"]
        shown["Sources"] = rows["sources"]
        shown["Sides"] = rows["sides"]
        shown["Disputed"] = rows["disputed"]
    return shown


def places_shown(rows: pd.DataFrame) -> pd.DataFrame:
    """The gazetteer as the table shows it."""
    return pd.DataFrame(
        {
            "Place": rows["name"],
            "Kind": rows["kind"],
            "Oblast": rows["oblast_name"],
            # Blank, not "None", for a place that no claim is about yet.
            "Status": rows["status"].map(vocab.STATUS_LABELS).fillna(""),
            "Certainty": rows["certainty"].fillna(""),
            "Claims": rows["claims"],
            "Latitude": rows["lat"],
            "Longitude": rows["lon"],
            "GeoNames id": pd.to_numeric(rows["geonames_id"], errors="coerce").astype("Int64"),
            "Population": pd.to_numeric(rows["population"], errors="coerce").astype("Int64"),
            "Other names": rows["alt_names"].str.replace(store.LIST_SEPARATOR, ", "),
            "Id": rows["place_id"],
        }
    )


def places_csv(rows: pd.DataFrame) -> str:
    """The gazetteer rows in the data directory's places.csv format, safe to open in a
    spreadsheet (export.spreadsheet_safe)."""
    return store.csv_text(store.PLACE_COLUMNS, spreadsheet_safe(rows).to_dict(orient="records"))


def describe_view(view: Filters, oblast_names: dict[str, str], query: str = "") -> str:
    """The filters of a view in words, for captions and for the README of a download."""
    parts = [f"as of {view.as_of.isoformat()} ({vocab.MODE_LABELS[view.mode].lower()})"]
    if view.date_from or view.date_to:
        start = view.date_from.isoformat() if view.date_from else "the start"
        end = view.date_to.isoformat() if view.date_to else "the end"
        parts.append(f"claims dated {start} to {end}")
    if view.oblasts:
        parts.append("regions: " + ", ".join(oblast_names.get(o, o) for o in view.oblasts))
    if view.statuses:
        parts.append("status: " + ", ".join(vocab.STATUS_LABELS[s] for s in view.statuses))
    if view.certainties:
        parts.append("certainty: " + ", ".join(view.certainties))
    if query.strip():
        parts.append(f"search: {query.strip()!r}")
    return "; ".join(parts)


def view_caption_html(description: str, map_href: str) -> str:
    """What the tables show, in words, and the same view on the map."""
    return (
        f'{PRESENT_STYLE}<div class="fl-meta">Showing {escape_html(description)}. '
        f'<a href="{escape_html(map_href)}" target="_self">Open these filters on the map</a>'
        "</div>"
    )


def readme_text(
    description: str, link: str, claims: int, places: int, credits: str = CREDITS
) -> str:
    """The note that goes with the downloaded files: what they hold, and their credits."""
    return "\n".join(
        [
            "Frontline — claims of territorial change from news reports",
            "",
            f"View: {description}.",
            f"The same view on the map: {link}",
            "",
            f"claims.csv, claims.geojson: {claims} claim(s), one row or feature per claim:",
            "  the place, its status and certainty, who claims it, the date it is about,",
            "  and the verbatim passage of the source article it rests on.",
            f"places.csv: {places} place(s) of the gazetteer, in the format of the data files.",
            "",
            "Every row is a claim a source makes, not a verified fact.",
            "",
            SPREADSHEET_NOTE,
            "",
            "Credits and licences:",
            credits,
            "",
        ]
    )
