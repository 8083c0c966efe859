"""The Data page's panel for correcting or retracting a claim (frontline.store.corrections),
for whoever may write; the write policy is checked when a button is pressed."""

from __future__ import annotations

import streamlit as st

from frontline import vocab
from frontline.app import signin
from frontline.app.ui import AppData
from frontline.model import Claim
from frontline.store.claimlist import claim_by_id
from frontline.store.corrections import Correction, correct_plan, retract_plan
from frontline.store.save import CommitError, Plan, commit
from frontline.web.text import code_span

ID_KEY = "fix-claim-id"


def _commit(data: AppData, plan: Plan, why: str) -> None:
    if not why.strip():
        st.error("Not saved: give the reason, for the history.")
        return
    if (author := signin.author(why, kind="edit")) is None:  # decided now
        return
    try:
        report = commit(plan, data.data_dir, author)
    except CommitError as err:
        st.error(f"Not saved: {code_span(err)}")
        return
    (st.success if report.added else st.info)(code_span(report.message))


def _fields(data: AppData, claim: Claim) -> Correction:
    key = claim.claim_id
    status, certainty, date, claimant = st.columns(4)
    return Correction(
        status=status.selectbox(
            "Status",
            vocab.STATUSES,
            index=vocab.STATUSES.index(claim.status),
            format_func=lambda s: vocab.STATUS_LABELS.get(s, s),
            key=f"fix-status-{key}",
        ),
        certainty=certainty.selectbox(
            "Certainty",
            vocab.CERTAINTIES,
            index=vocab.CERTAINTIES.index(claim.certainty),
            key=f"fix-certainty-{key}",
        ),
        date=date.date_input("Date", value=claim.date, key=f"fix-date-{key}"),
        claimant=claimant.text_input("Claimant", value=claim.claimant, key=f"fix-claimant-{key}"),
        place_id=_place(data, claim),
    )


def _place(data: AppData, claim: Claim) -> str:
    """A place from the gazetteer's known places, the claim's own first."""
    places = data.dataset.places
    ids = [
        claim.place_id,
        *sorted((p for p in places if p != claim.place_id), key=lambda p: places[p].name),
    ]
    return st.selectbox(
        "Place",
        ids,
        format_func=lambda p: places[p].name if p in places else p,
        key=f"fix-place-{claim.claim_id}",
    )


def panel(data: AppData) -> None:
    policy = signin.current_policy()
    with st.expander("Correct or retract a claim"):
        (st.caption if policy.may_write else st.info)(policy.message)
        st.caption(
            "The old claim is kept, marked as corrected or retracted, and the history "
            "records who changed it, when and why (the History page can undo it)."
        )
        claim_id = st.text_input("Claim id (as in the table)", key=ID_KEY, max_chars=100).strip()
        if not claim_id:
            return
        claim = claim_by_id(data.dataset.claims, claim_id)
        if claim is None or not claim.current:
            st.warning(f"No current claim {code_span(claim_id)}.")
            return
        st.caption(f"Quote: {code_span(claim.quote[:300])}")
        fix = _fields(data, claim)
        why = st.text_input("Why (recorded in the history)", key=f"fix-why-{claim_id}")
        correct, retract = st.columns(2)
        blocked = not policy.may_write
        if correct.button("Save the correction", key="fix-correct", disabled=blocked):
            _commit(data, correct_plan(claim_id, fix), why)
        if retract.button("Retract the claim", key="fix-retract", disabled=blocked):
            if why.strip():
                _commit(data, retract_plan(claim_id, why), why)
            else:
                st.error("Not saved: give the reason, for the history.")
