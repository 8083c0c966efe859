"""Who may write: the editors, their passwords, a brake on guessing them, and the rule that
decides whether the pages may change the data at all.

Editors are set in `.streamlit/secrets.toml` (never committed; see secrets.toml.example):

    [editors.alice]                        # the name, as the history records it
    password_hash = "$argon2id$v=19$..."   # from: python -m frontline.access hash alice
    email = "alice@example.org"            # optional: signing in through [auth] instead

An editor has a password_hash, an email, or both. The email is for signing in with an
OpenID Connect provider through Streamlit's st.login, set in the same file's [auth] table
(Streamlit reads it; it needs the Authlib package): redirect_uri (the app's address ending
in /oauth2callback) and cookie_secret (a long random string), then client_id, client_secret
and server_metadata_url, either in [auth] itself or in a named [auth.NAME] per provider
(the name without "_"). Anyone the provider signs in may read; only an email listed under
[editors] may write.

The rule (write_policy): with editors set, writing needs a signed-in editor; with none, the
pages may write only when the server listens on this computer alone (127.0.0.1, ::1,
localhost); otherwise writing is off.

    python -m frontline.access hash [NAME]     asks for a password, prints the line to paste
    python -m frontline.access check [--secrets PATH]
"""

from __future__ import annotations

import argparse
import enum
import functools
import getpass
import ipaddress
import math
import re
import secrets
import sys
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

import argon2
from argon2.exceptions import InvalidHashError, VerificationError

from frontline.access.ratelimit import SignInLimiter
from frontline.model import Problem

SECRETS_FILE = ".streamlit/secrets.toml"
LOCAL_EDITOR = "local"  # who the history records when editing is open on this computer
MIN_PASSWORD_LENGTH = 10
MIN_COOKIE_SECRET_LENGTH = 32
NAME_PATTERN = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$")
ARGON2ID_PATTERN = re.compile(
    r"^\$argon2id\$v=\d+\$m=\d+,t=\d+,p=\d+\$[A-Za-z0-9+/]+\$[A-Za-z0-9+/]+$"
)
EMAIL_PATTERN = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
PROVIDER_KEYS = ("client_id", "client_secret", "server_metadata_url")
_EDITOR_KEYS = ("password_hash", "email")
_AUTH_SETTINGS_TABLES = ("client_kwargs",)  # tables in [auth] that are settings, not providers
_HASH_HINT = "make one with: python -m frontline.access hash"

_hasher = argon2.PasswordHasher()


# --- the editors ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Editor:
    name: str
    password_hash: str = field(default="", repr=False)
    email: str = ""


@dataclass(frozen=True)
class EditorConfig:
    editors: Mapping[str, Editor] = field(default_factory=dict)  # by casefolded name
    oidc_providers: tuple[str, ...] = ()  # "" for [auth] itself, else the [auth.NAME]s

    @property
    def configured(self) -> bool:
        return bool(self.editors)

    @property
    def oidc(self) -> bool:
        """Whether [auth] is set well enough for st.login."""
        return bool(self.oidc_providers)

    def editor(self, name: str) -> Editor | None:
        return self.editors.get(name.strip().casefold())

    def editor_for_email(self, email: str | None) -> Editor | None:
        """The editor a st.login sign-in with this email is, if any."""
        wanted = (email or "").strip().casefold()
        if not wanted:
            return None
        return next((e for e in self.editors.values() if e.email.casefold() == wanted), None)


def _problem(field_name: str, message: str) -> Problem:
    return Problem(SECRETS_FILE, 0, field_name, message)


def _parse_editor(name: object, entry: object, problems: list[Problem]) -> Editor | None:
    where = f"editors.{name}"
    if not isinstance(name, str) or not NAME_PATTERN.match(name):
        problems.append(_problem(where, "the name is not 1-64 letters, digits, . _ -"))
        return None
    if not isinstance(entry, Mapping):
        problems.append(_problem(where, "is not a table ([editors.NAME] with password_hash)"))
        return None
    for key in entry:
        if key == "password":
            problems.append(_problem(f"{where}.password", f"never store a password; {_HASH_HINT}"))
        elif key not in _EDITOR_KEYS:
            problems.append(_problem(f"{where}.{key}", "unknown key; it is ignored"))
    password_hash = entry.get("password_hash", "")
    if not isinstance(password_hash, str) or (password_hash and not _is_argon2id(password_hash)):
        problems.append(
            _problem(f"{where}.password_hash", f"is not an argon2id hash; {_HASH_HINT}")
        )
        return None
    email = entry.get("email", "")
    if not isinstance(email, str) or (email and not EMAIL_PATTERN.match(email.strip())):
        problems.append(_problem(f"{where}.email", "is not an email address"))
        return None
    if not password_hash and not email:
        problems.append(_problem(where, f"has neither password_hash nor email; {_HASH_HINT}"))
        return None
    return Editor(name, password_hash, email.strip())


def _is_argon2id(password_hash: str) -> bool:
    if not ARGON2ID_PATTERN.match(password_hash):
        return False
    try:
        argon2.extract_parameters(password_hash)
    except (InvalidHashError, ValueError):
        return False
    return True


def _address_problem(value: object, *, callback: bool = False) -> str | None:
    if not isinstance(value, str) or not value.strip():
        return "is missing"
    if not re.match(r"^https?://[^\s/]+", value):
        return "is not an absolute http(s) address"
    if callback and not value.rstrip("/").endswith("/oauth2callback"):
        return "does not end with /oauth2callback (the app's address + /oauth2callback)"
    return None


def _provider_problems(where: str, table: Mapping) -> list[Problem]:
    problems = []
    for key in PROVIDER_KEYS:
        value = table.get(key)
        if key == "server_metadata_url":
            message = _address_problem(value)
        else:
            message = None if isinstance(value, str) and value.strip() else "is missing"
        if message:
            problems.append(_problem(f"{where}.{key}", message))
    return problems


def _parse_auth(auth: object, problems: list[Problem]) -> tuple[str, ...]:
    """The st.login providers [auth] sets up (none if it is absent or faulty)."""
    if auth is None:
        return ()
    if not isinstance(auth, Mapping):
        problems.append(_problem("auth", "is not a table"))
        return ()
    found = []
    message = _address_problem(auth.get("redirect_uri"), callback=True)
    if message:
        found.append(_problem("auth.redirect_uri", message))
    secret = auth.get("cookie_secret")
    if not isinstance(secret, str) or len(secret) < MIN_COOKIE_SECRET_LENGTH:
        found.append(
            _problem(
                "auth.cookie_secret",
                f"is missing or shorter than {MIN_COOKIE_SECRET_LENGTH} characters; make one "
                'with: python -c "import secrets; print(secrets.token_hex(32))"',
            )
        )
    providers = []
    if any(key in auth for key in PROVIDER_KEYS):
        found += _provider_problems("auth", auth)
        providers.append("")
    for name, table in auth.items():
        if isinstance(table, Mapping) and name not in _AUTH_SETTINGS_TABLES:
            if "_" in name:
                found.append(_problem(f"auth.{name}", "a provider's name cannot contain _"))
            found += _provider_problems(f"auth.{name}", table)
            providers.append(name)
    if not providers:
        found.append(_problem("auth", "names no provider: " + ", ".join(PROVIDER_KEYS)))
    problems += found
    return () if found else tuple(providers)


def parse_editor_config(secrets_mapping: Mapping) -> tuple[EditorConfig, list[Problem]]:
    """The editors and sign-in set in a secrets mapping (st.secrets, or read_secrets), and a
    Problem for each faulty entry, naming its key and never quoting a hash or password. A
    faulty editor is left out; a faulty [auth] turns st.login off."""
    problems: list[Problem] = []
    editors: dict[str, Editor] = {}
    table = secrets_mapping.get("editors", {})
    if not isinstance(table, Mapping):
        problems.append(_problem("editors", "is not a table of [editors.NAME] entries"))
        table = {}
    for name, entry in table.items():
        editor = _parse_editor(name, entry, problems)
        if editor is None:
            continue
        if editor.name.casefold() in editors:
            problems.append(_problem(f"editors.{name}", "the same name (ignoring case) twice"))
            continue
        editors[editor.name.casefold()] = editor
    providers = _parse_auth(secrets_mapping.get("auth"), problems)
    if not providers:  # an editor who could sign in only through [auth] cannot sign in
        for key, editor in list(editors.items()):
            if not editor.password_hash:
                problems.append(
                    _problem(f"editors.{editor.name}", "has only an email and [auth] is not set")
                )
                del editors[key]
    return EditorConfig(editors, providers), problems


def read_secrets(path: Path | str) -> tuple[dict, list[Problem]]:
    """A secrets file's tables, or {} and the Problem that it cannot be read (the position
    only: TOML's own message may quote the file)."""
    try:
        with open(path, "rb") as handle:
            return tomllib.load(handle), []
    except FileNotFoundError:
        return {}, []
    except OSError as err:
        return {}, [_problem("-", f"cannot be read: {err.strerror or err}")]
    except tomllib.TOMLDecodeError as err:
        found = re.search(r"at line (\d+), column (\d+)", str(err))
        line, column = (int(found[1]), found[2]) if found else (0, "?")
        return {}, [Problem(SECRETS_FILE, line, "-", f"is not valid TOML (column {column})")]


# --- passwords -----------------------------------------------------------------------------


def hash_password(password: str) -> str:
    """An argon2id hash of the password, for password_hash."""
    return _hasher.hash(password)


def verify_password(password_hash: str, password: str) -> bool:
    try:
        return _hasher.verify(password_hash, password)
    except (VerificationError, InvalidHashError):
        return False


@functools.cache
def _stand_in_hash() -> str:
    """A hash to check unknown names against, so that they take as long as known ones."""
    return hash_password(secrets.token_hex(16))


@dataclass(frozen=True)
class SignIn:
    editor: str | None  # the editor's name when the sign-in worked
    message: str  # what the page says


def _minutes(seconds: float) -> str:
    minutes = math.ceil(seconds / 60)
    return "a minute" if minutes <= 1 else f"{minutes} minutes"


def sign_in(
    config: EditorConfig, limiter: SignInLimiter, name: str, password: str, client: str | None
) -> SignIn:
    """Check a name and password against the editors, through the limiter."""
    wait = limiter.attempt(name, client)
    if wait > 0:
        return SignIn(None, f"Too many failed sign-ins; try again in {_minutes(wait)}.")
    editor = config.editor(name)
    known = editor is not None and bool(editor.password_hash)
    matches = verify_password(editor.password_hash if known else _stand_in_hash(), password)
    if known and matches:
        limiter.succeeded(name, client)
        return SignIn(editor.name, f"Signed in as {editor.name}.")
    return SignIn(None, "Wrong name or password.")


# --- the write policy ----------------------------------------------------------------------


class Access(enum.StrEnum):
    OPEN = "open"  # no editors, and only this computer can reach the server
    SIGN_IN = "needs-sign-in"  # editors are set: an editor must be signed in
    OFF = "off"  # no editors, and the server can be reached from elsewhere


@dataclass(frozen=True)
class Policy:
    access: Access
    may_write: bool
    who: str | None  # the name the history records for a change, when may_write
    message: str  # the sentence the page shows


def is_loopback(address: str | None) -> bool:
    """Whether a listening address reaches this computer only (no name is looked up)."""
    host = (address or "").strip().strip("[]").lower()
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def write_policy(
    server_address: str | None, editors_configured: bool, signed_in: str | None
) -> Policy:
    """Whether the pages may write, and what they say about it. `server_address` is the
    address the server listens on (Streamlit's server.address; None when unset, which means
    every address); `signed_in` is the editor signed in, if any."""
    if editors_configured:
        if signed_in:
            return Policy(
                Access.SIGN_IN,
                True,
                signed_in,
                f"Signed in as {signed_in}: your changes are recorded under that name.",
            )
        return Policy(Access.SIGN_IN, False, None, "Sign in as an editor to add or change data.")
    if is_loopback(server_address):
        who = signed_in or LOCAL_EDITOR
        return Policy(
            Access.OPEN,
            True,
            who,
            f"Anyone using this computer may change the data: the dashboard listens on "
            f"{server_address} only and no editors are set. Changes are recorded as {who}.",
        )
    # Read, not bound: the addresses that mean "every interface" are named so.
    every = not server_address or server_address.strip() in ("0.0.0.0", "::", "[::]")  # noqa: S104
    where = "every network address" if every else server_address
    return Policy(
        Access.OFF,
        False,
        None,
        f"Editing is off: the dashboard is served on {where} and no editors are set. To turn "
        f"it on, add an editor to {SECRETS_FILE} ([editors.NAME] with the password_hash line "
        "that `python -m frontline.access hash NAME` prints), or serve the dashboard on this "
        "computer only (streamlit run dashboard.py --server.address 127.0.0.1).",
    )


# --- command line --------------------------------------------------------------------------


def _read_password() -> str | None:
    """The new password: asked twice on a terminal, else the first line of stdin (never an
    argument, which would stay in the shell's history)."""
    if sys.stdin.isatty():
        first = getpass.getpass("New password: ")
        if getpass.getpass("Again: ") != first:
            print("frontline: the two passwords differ", file=sys.stderr)
            return None
        return first
    return sys.stdin.readline().rstrip("\r\n")


def _run_hash(name: str | None) -> int:
    if name is not None and not NAME_PATTERN.match(name):
        print("frontline: a name is 1-64 letters, digits, . _ -", file=sys.stderr)
        return 1
    password = _read_password()
    if password is None:
        return 1
    if len(password) < MIN_PASSWORD_LENGTH:
        print(f"frontline: use at least {MIN_PASSWORD_LENGTH} characters", file=sys.stderr)
        return 1
    if name is not None:
        print(f"[editors.{name}]")
    print(f'password_hash = "{hash_password(password)}"')
    return 0


def _run_check(path: Path) -> int:
    mapping, problems = read_secrets(path)
    config, more = parse_editor_config(mapping)
    problems += more
    if path.exists() and path.stat().st_mode & 0o077:
        problems.append(_problem("-", f"others may read it; chmod 600 {path}"))
    for problem in problems:
        print(problem, file=sys.stderr)
    sign_in_with = "st.login and passwords" if config.oidc else "passwords"
    print(f"{path}: {len(config.editors)} editor(s); signing in with {sign_in_with}")
    return 1 if problems else 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m frontline.access")
    commands = parser.add_subparsers(dest="command", required=True)
    hashing = commands.add_parser("hash", help="print a password_hash line for secrets.toml")
    hashing.add_argument("name", nargs="?", help="the editor's name, for a whole [editors] entry")
    checking = commands.add_parser("check", help="check the editors and [auth] in secrets.toml")
    checking.add_argument("--secrets", default=SECRETS_FILE, help=f"default: {SECRETS_FILE}")
    args = parser.parse_args(argv)
    if args.command == "hash":
        return _run_hash(args.name)
    return _run_check(Path(args.secrets))


if __name__ == "__main__":
    sys.exit(main())
