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

import importlib

# Each name's module, imported when the name is first asked for: the map page reads the saved
# imports (frontline.importers.maprows) and need not import the format readers and the
# place matcher (rapidfuzz) that these names bring.
_MODULES = {
    **dict.fromkeys(
        ("FORMATS", "ImportBatch", "Preview", "collect", "iter_claims", "make_matcher", "preview"),
        "batch",
    ),
    "CREDITS": "credits",
    **dict.fromkeys(("ImportedClaim", "ImportReport", "Provenance", "ReadContext"), "model"),
    **dict.fromkeys(("PlaceMatch", "PlaceMatcher", "ProposedPlace"), "places"),
}

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


def __getattr__(name: str):
    if name not in _MODULES:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(importlib.import_module(f"{__name__}.{_MODULES[name]}"), name)
