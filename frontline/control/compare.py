"""Claims against the control maps: the status at a place or oblast, agreement, area figures."""

from __future__ import annotations

import bisect
from collections.abc import Sequence

import numpy as np
import pandas as pd
import shapely
import shapely.geometry

from frontline import vocab
from frontline.control.geometry import to_equal_area
from frontline.control.mapping import UNMAPPED
from frontline.control.snapshot import ControlSet, Snapshot, StatusAt

# A place's point stands for a town a few kilometres across, and a front line drawn on a map
# is not sharper than that: a point this close to another status is on the border.
DEFAULT_TOLERANCE_KM = 3.0
# A region-level claim is compared with every status holding at least this share of the
# oblast; the status holding the largest share is the oblast's status.
OBLAST_SHARE = 0.10
# Gaps between adjacent areas thinner than a few metres are digitising slivers, not ground
# outside the map: a circle around a point must leave this share uncovered to count.
SLIVER_SHARE = 0.001
# --- status at places ------------------------------------------------------------------------


def statuses_at(
    snapshot: Snapshot,
    lons: Sequence[float],
    lats: Sequence[float],
    tolerance_km: float = DEFAULT_TOLERANCE_KM,
) -> list[StatusAt]:
    """What the snapshot shows at each point: the area it lies in (several statuses
    overlapping: contested; none: the mapping's outside, else UNMAPPED), and every status
    within tolerance_km of it, outside ground included."""
    outside = snapshot.outside or UNMAPPED
    points = to_equal_area(shapely.points(np.asarray(lons, float), np.asarray(lats, float)))
    tolerance = max(float(tolerance_km), 0.0) * 1000
    statuses = snapshot.statuses
    # The index gives the areas whose boxes come near; the areas themselves are prepared,
    # so testing each pair directly is much faster than a predicate inside the query.
    # A square's box is the circle's box.
    probes = shapely.buffer(points, tolerance, quad_segs=1) if tolerance > 0 else points
    pairs = snapshot.tree.query(probes)
    areas = snapshot.projected[pairs[1]]
    hits = shapely.intersects(areas, points[pairs[0]])
    close = shapely.dwithin(areas, points[pairs[0]], tolerance) if tolerance > 0 else hits
    inside: list[set[str]] = [set() for _ in points]
    near: list[list[int]] = [[] for _ in points]
    for point, area, hit, within in zip(*pairs, hits, close, strict=True):
        if hit:
            inside[point].add(statuses[area])
        if within:
            near[point].append(area)
    found = []
    for number, point in enumerate(points):
        here = inside[number]
        status = outside if not here else next(iter(here)) if len(here) == 1 else "contested"
        nearby = {status} | {statuses[a] for a in near[number]}
        if here and tolerance > 0 and _near_outside(snapshot, point, near[number], tolerance):
            nearby.add(outside)
        found.append(StatusAt(status, frozenset(nearby)))
    return found


def _near_outside(snapshot: Snapshot, point, areas: list[int], tolerance: float) -> bool:
    """Whether ground outside every area lies within the tolerance of a point inside one."""
    circle = shapely.buffer(point, tolerance, quad_segs=16)
    if shapely.contains(snapshot.projected[areas], circle).any():
        return False  # deep inside one area: no need to clip the areas to the circle
    covered = shapely.union_all(shapely.intersection(snapshot.projected[areas], circle))
    uncovered = shapely.area(shapely.difference(circle, covered))
    return uncovered > SLIVER_SHARE * shapely.area(circle)


def status_at(
    snapshot: Snapshot, lon: float, lat: float, tolerance_km: float = DEFAULT_TOLERANCE_KM
) -> StatusAt:
    return statuses_at(snapshot, [lon], [lat], tolerance_km)[0]


def area_status(snapshot: Snapshot, geometry: dict) -> StatusAt:
    """What the snapshot shows over an area (an oblast): each status's share of it, the
    largest share as its status, and every status of at least OBLAST_SHARE as nearby."""
    region = to_equal_area(shapely.geometry.shape(geometry))
    total = float(shapely.area(region))
    if total == 0:
        return StatusAt(UNMAPPED, frozenset({UNMAPPED}))
    shares = {
        s: float(shapely.area(shapely.intersection(region, part))) / total
        for s, part in snapshot.parts.items()
    }
    rest = max(0.0, 1.0 - sum(shares.values()))
    outside = snapshot.outside or UNMAPPED
    shares[outside] = shares.get(outside, 0.0) + rest
    ranked = tuple(sorted(((s, v) for s, v in shares.items() if v > 0), key=lambda i: -i[1]))
    if not ranked:
        return StatusAt(outside, frozenset({outside}))
    nearby = frozenset(s for s, v in ranked if v >= OBLAST_SHARE) | {ranked[0][0]}
    return StatusAt(ranked[0][0], nearby, ranked)


def agreement(claim_status: str, certainty: str, found: StatusAt) -> bool | None:
    """Whether a claim agrees with what the map shows at its place. A place on a border agrees
    with each status it touches; unmapped ground nearby leaves a claim undecided (None).
    A contested claim agrees with a contested area or a border; a denial agrees with any
    other status."""
    known = found.nearby - {UNMAPPED}
    if not claim_status:
        return None  # an event that states no control neither agrees nor disagrees
    if certainty == "denied":
        agrees = any(s != claim_status for s in known)
    elif claim_status == "contested":
        agrees = "contested" in known or len(known) > 1
    else:
        agrees = claim_status in known
    if agrees:
        return True
    return None if UNMAPPED in found.nearby else False


# --- claims against the maps -----------------------------------------------------------------

COMPARISON_COLUMNS = [
    "control_date",
    "control_file",
    "control_status",
    "control_nearby",
    "agrees",
    "control_note",
]


def _percent_text(shares: tuple[tuple[str, float], ...]) -> str:
    return ", ".join(f"{v:.0%} {s}" for s, v in shares)


def compare_claims(
    control: ControlSet,
    claims: pd.DataFrame,
    oblast_shapes: dict[str, dict] | None = None,
    tolerance_km: float = DEFAULT_TOLERANCE_KM,
) -> pd.DataFrame:
    """The claims (rows of timeline.claims_table) with what the control map in force on each
    claim's date shows at its place, and whether they agree (True, False, or None when the map
    cannot tell). A claim dated to a week, month or range is compared on its last day.

    A claim about a whole oblast is compared with the statuses covering its area: the largest
    share is its status, and the claim agrees with any status holding at least 10% of it."""
    count = len(claims)
    result = {c: [None] * count for c in COMPARISON_COLUMNS}
    result["control_nearby"] = [()] * count
    result["control_note"] = [""] * count
    shapes = oblast_shapes or {}
    kinds, oblasts = list(claims["kind"]), list(claims["oblast"])
    claimed, certainties = list(claims["status"]), list(claims["certainty"])
    lons, lats = claims["lon"].to_numpy(float), claims["lat"].to_numpy(float)
    days = [pd.Timestamp(day).date() for day in claims["date_end"]]

    def record(position: int, found: StatusAt, note: str) -> None:
        result["control_status"][position] = found.status
        result["control_nearby"][position] = tuple(sorted(found.nearby))
        result["agrees"][position] = agreement(claimed[position], certainties[position], found)
        result["control_note"][position] = note

    points: dict[int, list[int]] = {}  # snapshot index -> positions of claims about a point
    for position, day in enumerate(days):
        index = bisect.bisect_right(control.dates, day) - 1
        if index < 0:
            result["control_note"][position] = "no control map on or before this date"
            continue
        snapshot = control.snapshots[index]
        result["control_date"][position] = snapshot.date
        result["control_file"][position] = snapshot.source
        if kinds[position] != "oblast":
            points.setdefault(index, []).append(position)
            continue
        geometry = shapes.get(oblasts[position])
        if geometry is None:
            result["control_note"][position] = "no outline of this oblast to compare"
            continue
        found = area_status(snapshot, geometry)
        record(position, found, f"oblast: {_percent_text(found.shares)}")
    for index, rows in points.items():
        found = statuses_at(control.snapshots[index], lons[rows], lats[rows], tolerance_km)
        for position, status in zip(rows, found, strict=True):
            border = len(status.nearby) > 1
            record(position, status, f"on a border (within {tolerance_km:g} km)" if border else "")
    compared = claims.copy()
    for column in COMPARISON_COLUMNS:
        compared[column] = pd.Series(result[column], index=claims.index, dtype=object)
    return compared


def disagreements(compared: pd.DataFrame) -> pd.DataFrame:
    """The rows of compare_claims whose claim the control map contradicts."""
    return compared[compared["agrees"].map(lambda a: a is False)]


# --- area figures ----------------------------------------------------------------------------


def area_table(control: ControlSet) -> pd.DataFrame:
    """km² per status in each snapshot, and the change since the previous snapshot (NaN for
    the first). Ground outside every area is not measured: it has no outline."""
    rows = []
    for snapshot in control.snapshots:
        rows.append({"date": snapshot.date, "file": snapshot.source, **snapshot.areas_km2()})
    columns = ["date", "file", *vocab.STATUSES]
    table = pd.DataFrame(rows, columns=columns)
    for status in vocab.STATUSES:
        table[f"{status}_change"] = table[status].diff()
    return table
