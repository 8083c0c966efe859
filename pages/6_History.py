"""The history: every change made to the data, newest first, with who made it, when, what
it changed and why; an editor may undo one (recorded as a change in its turn)."""

from __future__ import annotations

import streamlit as st

from frontline import store
from frontline.app import navigation, signin
from frontline.app.access import page_style
from frontline.store import history
from frontline.web.historyview import SHOWN, change_html, newest_first
from frontline.web.text import code_span

navigation.leave_folder_mode()
st.set_page_config(page_title="Frontline — history", page_icon="🕘", layout="wide")

WHY_KEY = "history-why"
OUTCOME_KEY = "history-outcome"


def undo(change_id: str) -> None:
    """The Undo button's callback: the write policy is decided now, from the session."""
    state = st.session_state
    policy = signin.current_policy()
    if not policy.may_write:
        state[OUTCOME_KEY] = ("error", f"Not undone: {policy.message}")
        return
    root = store.default_data_dir()
    try:
        change = history.undo_change(
            root, change_id, who=policy.who or "", why=state.get(WHY_KEY, "")
        )
    except (history.HistoryError, store.LockTimeout, OSError, ValueError) as err:
        state[OUTCOME_KEY] = ("error", f"Not undone: {code_span(err)}")
        return
    state[OUTCOME_KEY] = ("success", f"Undone, recorded as change {change.id}.")
    state[WHY_KEY] = ""


def main() -> None:
    page_style()
    policy = signin.sidebar()
    st.html('<h1 class="fl-title">History of changes</h1>')
    root = store.default_data_dir()
    changes, problems = history.list_changes(root)
    if outcome := st.session_state.pop(OUTCOME_KEY, None):
        getattr(st, outcome[0])(outcome[1])
    for problem in problems:
        st.warning(f"Left out: {code_span(problem)}")
    if history.has_pending(root):
        st.warning("A save was interrupted; the next save or undo completes or rolls it back.")
    if not changes:
        st.info("No change has been made to the data through Frontline yet.")
        return
    st.caption(
        f"{len(changes)} change(s), newest first"
        + (f" (the newest {SHOWN}; `frontline history` lists all)" if len(changes) > SHOWN else "")
        + ". Undo sets the files a change touched back byte for byte, and is itself a change."
    )
    (st.caption if policy.may_write else st.info)(policy.message)
    st.text_input("Why undo (recorded with the undo)", key=WHY_KEY, max_chars=500)
    for shown in newest_first(changes):
        text, button = st.columns([6, 1], vertical_alignment="center")
        text.html(change_html(shown))
        button.button(
            "Undo",
            key=f"undo-{shown.change.id}",
            on_click=undo,
            args=(shown.change.id,),
            disabled=not (policy.may_write and shown.undoable),
            help=None if shown.undoable else "Already undone",
        )


main()
