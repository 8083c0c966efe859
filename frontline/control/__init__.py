"""Control-area maps beside the news: snapshots of who holds which area, read from the user's
own GeoJSON files, and how the claims compare with them.

A control folder holds one GeoJSON FeatureCollection per snapshot and, optionally, a mapping
file (`mapping.toml` or `mapping.json`) that says which feature property holds the status and
how its values read as russian, ukrainian or contested, which features to skip, and what
ground outside every area means. A snapshot's date comes from a top-level property of the
collection (`date` unless the mapping names another) or from `YYYY-MM-DD` in the file name
(alone or within an ISO timestamp).

Loading never raises on bad content: each problem becomes a Problem naming the file, the
feature and the property; the faulty feature (or file) is left out and the rest is kept.
Geometry is parsed once; what lookups, areas and drawing need (projected shapes, a spatial
index, the union per status, simplified outlines) is derived on first use and kept on the
snapshot. Callers cache a loaded ControlSet by `folder_signature`.

Distances and areas are taken in a Lambert azimuthal equal-area projection centred on
Ukraine: areas are exact there, and distances within the country are off by less than 0.2%.
"""

from frontline.control.compare import (
    COMPARISON_COLUMNS,
    DEFAULT_TOLERANCE_KM,
    OBLAST_SHARE,
    SLIVER_SHARE,
    agreement,
    area_status,
    area_table,
    compare_claims,
    disagreements,
    status_at,
    statuses_at,
)
from frontline.control.geometry import AREA_TYPES, EQUAL_AREA_CRS, NOT_AREA_TYPES, to_equal_area
from frontline.control.mapping import (
    CONTROL_DIR_ENV,
    DEEPSTATE_STYLE_MAPPING,
    DEFAULT_DATE_PROPERTY,
    DEFAULT_STATUS_PROPERTY,
    MAPPING_FILES,
    MAPPING_KEYS,
    OUTCOMES,
    SKIP,
    SNAPSHOT_SUFFIXES,
    UNMAPPED,
    Mapping,
    parse_mapping,
)
from frontline.control.snapshot import (
    DISPLAY_TOLERANCE_DEGREES,
    ControlSet,
    Snapshot,
    StatusAt,
    default_control_dir,
    folder_signature,
    load_control_files,
    load_control_folder,
    read_snapshot,
    snapshot_as_of,
)

__all__ = [
    "AREA_TYPES",
    "COMPARISON_COLUMNS",
    "CONTROL_DIR_ENV",
    "ControlSet",
    "DEEPSTATE_STYLE_MAPPING",
    "DEFAULT_DATE_PROPERTY",
    "DEFAULT_STATUS_PROPERTY",
    "DEFAULT_TOLERANCE_KM",
    "DISPLAY_TOLERANCE_DEGREES",
    "EQUAL_AREA_CRS",
    "MAPPING_FILES",
    "MAPPING_KEYS",
    "Mapping",
    "NOT_AREA_TYPES",
    "OBLAST_SHARE",
    "OUTCOMES",
    "SKIP",
    "SLIVER_SHARE",
    "SNAPSHOT_SUFFIXES",
    "Snapshot",
    "StatusAt",
    "UNMAPPED",
    "agreement",
    "area_status",
    "area_table",
    "compare_claims",
    "default_control_dir",
    "disagreements",
    "folder_signature",
    "load_control_files",
    "load_control_folder",
    "parse_mapping",
    "read_snapshot",
    "snapshot_as_of",
    "status_at",
    "statuses_at",
    "to_equal_area",
]
