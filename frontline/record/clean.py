"""The named cleaning rules: which scraped rows count, what their "Held by" means, and how a
row's name is read. Nothing is guessed: a cell that is not one of the listed statuses is left
out under the kind of error it is, and counted.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping

import numpy as np

from frontline.record.model import RowVersion, Snapshot
from frontline.record.textdates import MONTHS

# "Held by" as the list wrote it (spaces collapsed, any case) -> the project's status. The
# self-proclaimed republics' forces (before 2022 the list named them apart) are Russian-held
# for this project: the 2022 list itself writes "Russia/ Donetsk PR" for the same captures.
HELD_BY_STATUS = {
    "ukraine": "ukrainian",
    "russia": "russian",
    "contested": "contested",
    "donetsk pr": "russian",
    "luhansk pr": "russian",
    "dpr": "russian",
    "lpr": "russian",
    # No one holds it (the list's 2024 "Gray zone"): fought over, so contested.
    "gray zone": "contested",
    "grey zone": "contested",
}
REPUBLICS = ("Donetsk PR", "Luhansk PR", "DPR", "LPR")

# Kinds of row left out, with the cells that are of that kind (normalised as above).
NOT_A_STATUS = {
    "unknown": "the list says the status is unknown",
    "not known": "the list says the status is unknown",
    "truce": "a truce or a blockade, not who holds the place",
    "uncontrolled": "a truce or a blockade, not who holds the place",
    "shared control": "a truce or a blockade, not who holds the place",
}
KIND_EMPTY = "empty Held by"
KIND_DATE = "a date in Held by (columns shifted)"
KIND_HEADER = "the table's header repeated as a row"
KIND_MARKUP = "wiki markup or a citation error in Held by"
KIND_SEVERAL = "several statuses in one Held by cell"
KIND_TEXT = "other text in Held by (e.g. 'See Battle of', 'Captured by Russia')"
KIND_SHIFTED = "a snapshot whose revision stamp is not one (columns shifted)"
KIND_STALE = "a stale copy of the page (its revision is older than one already seen)"
KIND_NO_COORDINATES = "no coordinates, and no place of that name has any"
KIND_AMBIGUOUS = "no coordinates, and several places have that name"
KIND_ALL_DISAGREE = "rows of one name at one point whose statuses always differ"

_DATE_CELL = re.compile(
    rf"^\d{{1,2}}\s+(?:{'|'.join(MONTHS)})\.?(?:\s+\d{{4}})?$|^\d{{4}}-\d\d-\d\d$", re.IGNORECASE
)
_MARKUP = re.compile(r"cite error|<ref|\{\{|\}\}|^template", re.IGNORECASE)
_STATUS_WORD = re.compile(r"\b(?:ukraine|russia|contested)\b", re.IGNORECASE)


def cell(text: str) -> str:
    """A cell with its spaces (no-break spaces and line breaks too) collapsed."""
    return " ".join(text.split())


def held_by_status(held_by: str) -> tuple[str | None, str | None]:
    """(status, None) for a cell that names a status, else (None, the kind of error)."""
    value = cell(held_by).lower()
    if value in HELD_BY_STATUS:
        return HELD_BY_STATUS[value], None
    if not value:
        return None, KIND_EMPTY
    if value in NOT_A_STATUS:
        return None, NOT_A_STATUS[value]
    if value == "held by":
        return None, KIND_HEADER
    if _DATE_CELL.match(value):
        return None, KIND_DATE
    if _MARKUP.search(value):
        return None, KIND_MARKUP
    if len(_STATUS_WORD.findall(value)) > 1:
        return None, KIND_SEVERAL
    return None, KIND_TEXT


def trusted_snapshots(snapshots: Mapping[int, Snapshot]) -> tuple[np.ndarray, dict[int, str]]:
    """The snapshots whose rows count, in order, and why each other one does not.

    A snapshot counts if its revision stamp is one, and is not older than the newest stamp
    seen before it: the scrape sometimes got a cached copy of an older revision (alternating
    17h54, 17h55, 17h54 ...), which would make every change since look reverted.
    """
    kept, dropped = [], {}
    newest = None
    for number in sorted(snapshots):
        revision = snapshots[number].revision
        if revision is None:
            dropped[number] = KIND_SHIFTED
        elif newest is not None and revision < newest:
            dropped[number] = KIND_STALE
        else:
            kept.append(number)
            newest = revision
    return np.array(kept, dtype=np.int64), dropped


def first_trusted(versions: Iterable[RowVersion], trusted: np.ndarray) -> list[int | None]:
    """For each version, the first trusted snapshot it stands in, or None."""
    out: list[int | None] = []
    for version in versions:
        at = int(np.searchsorted(trusted, version.first_snapshot))
        hit = int(trusted[at]) if at < len(trusted) else None
        out.append(hit if hit is not None and hit <= version.last_snapshot else None)
    return out


# --- names -----------------------------------------------------------------------------------

_FOOTNOTE = re.compile(r"\[[^\]]*\]")
_QUALIFIER = re.compile(r"\s*\((?:[^)]*)\)\s*$")  # "Krasnohorivka (city)"
_APOSTROPHES = str.maketrans("", "", "'’ʼ`‘")


def display_name(name: str) -> str:
    """The place's name without the list's disambiguation: "Andriivka, Beryslav Raion",
    "Shevchenkove[disambiguation needed]" and "Topoli (village)" are "Andriivka",
    "Shevchenkove" and "Topoli"; of "Holubivka / Kirovsk" the first name."""
    text = cell(_FOOTNOTE.sub("", name))
    text = text.split(",")[0].split(" / ")[0]
    return cell(_QUALIFIER.sub("", text)) or cell(name)


def all_names(name: str) -> list[str]:
    """Every name a cell gives ("Holubivka / Kirovsk" gives both)."""
    text = cell(_FOOTNOTE.sub("", name)).split(",")[0]
    return [cell(_QUALIFIER.sub("", part)) for part in text.split(" / ") if part.strip()]


def fold(name: str) -> str:
    """A name for comparing spellings: no accents, apostrophes or case, hyphens as spaces."""
    ascii_only = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    return cell(ascii_only.translate(_APOSTROPHES).replace("-", " ").lower())
