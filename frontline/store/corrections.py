"""Correcting or retracting a claim, as plans for the one save path (save.commit).

Nothing is deleted: a correction adds a new claim with the corrected fields and marks the old
one `superseded_by` it; a retraction marks the claim `retracted` with the reason. Either way
the old row stays in claims.csv, out of every view, and the history records who, when and
why (and can undo it)."""

from __future__ import annotations

import dataclasses
import datetime as dt
from dataclasses import dataclass

from frontline.model import Claim, Dataset
from frontline.store.claimlist import claim_by_id
from frontline.store.save import Batch, CommitError, CommitReport, Plan, next_claim_ids


@dataclass(frozen=True)
class Correction:
    """The fields a correction may change; None keeps the claim's own."""

    status: str | None = None
    certainty: str | None = None
    date: dt.date | None = None
    claimant: str | None = None
    place_id: str | None = None  # one of the gazetteer's places


def correction_summary(claim_id: str, new_id: str) -> str:
    """How the history's summary of a correction starts; the panel's notes find it by this."""
    return f"corrected claim {claim_id} as {new_id}"


def retraction_summary(claim_id: str) -> str:
    """How the history's summary of a retraction starts (the claim's status and date follow)."""
    return f"retracted claim {claim_id} "


def _current(dataset: Dataset, claim_id: str) -> Claim:
    claim = claim_by_id(dataset.claims, claim_id)
    if claim is None:
        raise CommitError(f"there is no claim {claim_id!r} in the data")
    if claim.superseded_by:
        raise CommitError(f"claim {claim_id} was already corrected by {claim.superseded_by}")
    if claim.retracted:
        raise CommitError(f"claim {claim_id} was already retracted")
    return claim


def _corrected(claim: Claim, fix: Correction, new_id: str) -> Claim:
    date = fix.date or claim.date
    # The same precision, moved with the date (a day's claim ends on its day).
    date_end = date if claim.date_precision == "day" else claim.date_end + (date - claim.date)
    return dataclasses.replace(
        claim,
        claim_id=new_id,
        status=fix.status or claim.status,
        certainty=fix.certainty or claim.certainty,
        date=date,
        date_end=date_end,
        claimant=(fix.claimant or claim.claimant).strip(),
        place_id=fix.place_id or claim.place_id,
    )


def correct_plan(claim_id: str, fix: Correction) -> Plan:
    def plan(dataset: Dataset) -> Batch | CommitReport:
        claim = _current(dataset, claim_id)
        if fix.place_id and fix.place_id not in dataset.places:
            raise CommitError(f"place {fix.place_id[:40]!r} is not in the gazetteer")
        [new_id] = next_claim_ids(dataset.claims, 1)
        new = _corrected(claim, fix, new_id)
        if dataclasses.replace(new, claim_id=claim.claim_id) == claim:
            return CommitReport(added=False, message=f"claim {claim_id} is unchanged")
        changed = [
            f"{name} {getattr(claim, name)} → {getattr(new, name)}"
            for name in ("status", "certainty", "date", "claimant", "place_id")
            if getattr(claim, name) != getattr(new, name)
        ]
        return Batch(
            claims=(new,),
            replaced=(dataclasses.replace(claim, superseded_by=new_id),),
            message=f"{correction_summary(claim_id, new_id)}: " + "; ".join(changed),
        )

    return plan


def retract_plan(claim_id: str, reason: str) -> Plan:
    if not reason.strip():
        raise CommitError("a retraction needs a reason")

    def plan(dataset: Dataset) -> Batch | CommitReport:
        claim = _current(dataset, claim_id)
        return Batch(
            replaced=(dataclasses.replace(claim, retracted=" ".join(reason.split())),),
            message=f"{retraction_summary(claim_id)}({claim.status}, {claim.date})",
        )

    return plan
