"""The sources of the record: Wikipedia's list of city control (data/record/), and VIINA's
territorial control table once imported (`frontline import viina control.csv --save`).

A record row's `outlet` names its source; every page, table and download tells the sources
apart by it and shows each one's credit (VIINA's with its ODbL notice).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from frontline.importers.credits import CREDITS as IMPORT_CREDITS
from frontline.importers.credits import VIINA_NOTICE
from frontline.record.model import CREDITS as WIKIPEDIA_CREDITS


@dataclass(frozen=True)
class RecordSource:
    outlet: str  # the `outlet` of its rows in the claims table
    name: str  # as the pages name it
    kept_by: str  # who keeps it, for the cards: "as its editors had it"
    licence: str  # short, for the cards and tables
    notice: str  # to show wherever its entries are shown (may be empty)
    credits: str  # for the downloads
    entry_word: str  # what one of its entries is: "revision", "table row"


WIKIPEDIA = RecordSource(
    outlet="Wikipedia",
    name="Wikipedia's list",
    kept_by="as its editors had it",
    licence="CC BY-SA",
    notice="",
    credits=WIKIPEDIA_CREDITS,
    entry_word="revision",
)
VIINA = RecordSource(
    outlet="VIINA",
    name="VIINA's control table",
    kept_by="the majority of Wikipedia's, DeepStateMap's and ISW's maps of that day",
    licence="ODbL",
    notice=VIINA_NOTICE,
    credits=IMPORT_CREDITS["viina"],
    entry_word="control table row, ODbL",
)
SOURCES = {source.outlet: source for source in (WIKIPEDIA, VIINA)}


def record_source(outlet: str) -> RecordSource:
    """The record source of a row's outlet (Wikipedia's list for any other)."""
    return SOURCES.get(outlet, WIKIPEDIA)


def record_names(outlets: Iterable[str]) -> str:
    """The sources of these outlets in words: "Wikipedia's list and VIINA's control table"."""
    names = [s.name for s in SOURCES.values() if s.outlet in set(outlets)] or [WIKIPEDIA.name]
    return " and ".join(names)


def record_credits(outlets: Iterable[str]) -> str:
    """The credits of the record sources of these outlets, each once."""
    present = set(outlets)
    return " ".join(
        f"{source.name}: {source.credits}"
        for source in SOURCES.values()
        if source.outlet in present
    )


def record_licences(outlets: Iterable[str]) -> str:
    """The licences of the record sources of these outlets, with any notice, in sentences."""
    present = set(outlets)
    return " ".join(
        f"{source.name}: {source.licence}." + (f" {source.notice}" if source.notice else "")
        for source in SOURCES.values()
        if source.outlet in present
    )
