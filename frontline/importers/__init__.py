"""Importers: analysts' exports (ACLED, GDELT 2.0 events, VIINA 2.0, TimeMap, GeoConfirmed,
any CSV through a mapping) turned into neutral, validated claims and a preview; saving goes
through the project's commit.

    matcher = make_matcher(data_dir)
    shown = preview("acled", [Path("export.csv")], matcher)      # counts, sample, places
    batch = collect("acled", [Path("export.csv")], matcher)      # every claim, in memory
    result = saved.save_import("acled", [Path("export.csv")], matcher, data_dir)  # commit()

Saving (frontline.importers.saved) streams the claims not saved before into
data/imports/, each with its provenance, and adds their new places in the same commit.
"""

from frontline.importers.batch import (
    FORMATS,
    ImportBatch,
    Preview,
    collect,
    iter_claims,
    make_matcher,
    preview,
)
from frontline.importers.credits import CREDITS
from frontline.importers.model import ImportedClaim, ImportReport, Provenance, ReadContext
from frontline.importers.places import PlaceMatch, PlaceMatcher, ProposedPlace

__all__ = [
    "CREDITS",
    "FORMATS",
    "ImportBatch",
    "ImportReport",
    "ImportedClaim",
    "PlaceMatch",
    "PlaceMatcher",
    "Preview",
    "ProposedPlace",
    "Provenance",
    "ReadContext",
    "collect",
    "iter_claims",
    "make_matcher",
    "preview",
]
