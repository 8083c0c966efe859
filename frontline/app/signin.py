"""Signing in and out in the sidebar, and the check every write makes when it is made.

Reading needs nothing. A page that writes asks `author()` at the moment of saving: it
decides from this session's own state (never from a widget's value or the address), so a
signed-out session cannot save by replaying a button press or a form. The signed-in editor
is kept in the session as a SignedIn object, a value no widget can hold. Passwords go
through a form that clears itself, are checked against argon2 hashes through the shared
rate limiter, and are never shown, logged or put in the address.

    policy = signin.sidebar()       # on every page: sign in/out, and what writing needs
    who = signin.author(why)        # at save time: the Author to record, or None (refused)
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

import streamlit as st
from streamlit import config as streamlit_config

from frontline.access import (
    Access,
    EditorConfig,
    Policy,
    SignInLimiter,
    parse_editor_config,
    sign_in,
    write_policy,
)
from frontline.model import Problem
from frontline.store.save import Author

SESSION_KEY = "fl-signed-in"
FORM_KEY = "fl-signin"
NAME_KEY = "fl-signin-name"
PASSWORD_KEY = "fl-signin-password"  # noqa: S105 - a widget's key, not a password
MESSAGE_KEY = "fl-signin-message"
UNREADABLE = (
    "Editing is off: .streamlit/secrets.toml cannot be read, so who may edit is unknown. "
    "Check it with: python -m frontline.access check"
)


@dataclass(frozen=True)
class SignedIn:
    """The editor this session signed in as (a value no widget can hold)."""

    name: str


@st.cache_resource
def _limiter() -> SignInLimiter:
    # One for the whole server: a guesser gains nothing from opening new sessions.
    return SignInLimiter()


def _secrets() -> Mapping | None:
    """st.secrets as a mapping ({} with no file); None when a file is there but faulty."""
    try:
        return st.secrets.to_dict()
    except FileNotFoundError:  # no secrets file at all (StreamlitSecretNotFoundError)
        return {}
    except Exception:  # noqa: BLE001 - Streamlit's TOML errors quote the file: not shown
        return None


@dataclass(frozen=True)
class Editors:
    config: EditorConfig
    configured: bool  # an [editors] table, even a faulty one: writing then needs a sign-in
    readable: bool  # False: a secrets file is there but cannot be read (writing is off)
    problems: tuple[Problem, ...] = ()


def editors() -> Editors:
    """The editors set in st.secrets, and the problems to show."""
    mapping = _secrets()
    if mapping is None:
        return Editors(EditorConfig(), True, False)
    config, problems = parse_editor_config(mapping)
    return Editors(config, config.configured or "editors" in mapping, True, tuple(problems))


def _oidc_editor(config: EditorConfig) -> str | None:
    if not config.oidc or not st.user.is_logged_in:
        return None
    editor = config.editor_for_email(st.user.get("email"))
    return editor.name if editor else None


def signed_in(config: EditorConfig) -> str | None:
    """The editor this session is signed in as, if any (and still an editor)."""
    held = st.session_state.get(SESSION_KEY)
    if isinstance(held, SignedIn) and config.editor(held.name) is not None:
        return held.name
    return _oidc_editor(config)


def current_policy() -> Policy:
    """Whether this session may write now, read afresh from the secrets and the session."""
    found = editors()
    if not found.readable:
        return Policy(Access.OFF, False, None, UNREADABLE)
    address = streamlit_config.get_option("server.address")  # where it listens
    return write_policy(address, found.configured, signed_in(found.config))


def author(why: str = "", kind: str = "article") -> Author | None:
    """The Author of a write about to be made, or None after saying on the page why it may
    not be made. Call it when the save is pressed, right before writing."""
    policy = current_policy()
    if not policy.may_write:
        st.error(f"Not saved: {policy.message}")
        return None
    return Author(who=policy.who or "", why=why, kind=kind)


def _submit(config: EditorConfig) -> None:
    state = st.session_state
    name, password = state.get(NAME_KEY, ""), state.get(PASSWORD_KEY, "")
    state[PASSWORD_KEY] = ""  # not kept in the session past this check
    result = sign_in(config, _limiter(), name, password, st.context.ip_address)
    if result.editor:
        state[SESSION_KEY] = SignedIn(result.editor)
    state[MESSAGE_KEY] = result.message


def _sign_out() -> None:
    st.session_state.pop(SESSION_KEY, None)
    st.session_state[MESSAGE_KEY] = "Signed out."


def _password_form(config: EditorConfig) -> None:
    with st.form(FORM_KEY, clear_on_submit=True, enter_to_submit=True):
        st.text_input("Editor's name", key=NAME_KEY, autocomplete="username")
        st.text_input(
            "Password", key=PASSWORD_KEY, type="password", autocomplete="current-password"
        )
        st.form_submit_button("Sign in", on_click=_submit, args=(config,))


def sidebar() -> Policy:
    """The sidebar's sign-in (or sign-out) and the sentence on what writing needs here;
    returns this session's write policy."""
    found = editors()
    config = found.config
    policy = current_policy()
    message = st.session_state.pop(MESSAGE_KEY, None)
    # Folded away for readers; open to show the outcome of signing in or out.
    with st.sidebar, st.expander("Editors", expanded=bool(message)):
        if message:
            st.caption(message)
        for problem in found.problems:  # naming the key, never a hash or a password
            st.caption(f"⚠ {problem}")
        st.caption(policy.message)
        held = st.session_state.get(SESSION_KEY)
        if isinstance(held, SignedIn):
            st.button("Sign out", key="fl-signout", on_click=_sign_out)
        elif config.oidc and st.user.is_logged_in:
            if policy.who is None:
                st.caption("Your sign-in may read only: its email is not one of the editors'.")
            st.button("Sign out", key="fl-signout-oidc", on_click=st.logout)
        elif found.configured and any(e.password_hash for e in config.editors.values()):
            _password_form(config)
        if config.oidc and not st.user.is_logged_in:
            for provider in config.oidc_providers:
                label = f"Sign in with {provider}" if provider else "Sign in with your provider"
                if st.button(label, key=f"fl-login-{provider}"):
                    st.login(provider or None)
    return policy
