"""Who may write: the write policy, the editors' configuration, passwords, and the brake on
guessing them."""

from __future__ import annotations

import io
import subprocess
import sys
import threading
import tomllib
from pathlib import Path

import pytest

from frontline import access
from frontline.access import Access, SignInLimiter, parse_editor_config, write_policy

ROOT = Path(__file__).resolve().parent.parent
PASSWORD = "correct horse battery staple"


@pytest.fixture(scope="module")
def password_hash() -> str:
    return access.hash_password(PASSWORD)


# --- the write policy ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("address", "editors", "signed_in", "expected", "may_write", "who"),
    [
        ("127.0.0.1", False, None, Access.OPEN, True, access.LOCAL_EDITOR),
        ("::1", False, None, Access.OPEN, True, access.LOCAL_EDITOR),
        ("localhost", False, None, Access.OPEN, True, access.LOCAL_EDITOR),
        ("127.0.0.1", True, None, Access.SIGN_IN, False, None),
        ("127.0.0.1", True, "alice", Access.SIGN_IN, True, "alice"),
        ("0.0.0.0", True, "alice", Access.SIGN_IN, True, "alice"),
        (None, True, None, Access.SIGN_IN, False, None),
        (None, False, None, Access.OFF, False, None),
        ("0.0.0.0", False, None, Access.OFF, False, None),
        ("::", False, None, Access.OFF, False, None),
        ("192.168.1.20", False, None, Access.OFF, False, None),
        ("dashboard.example.org", False, None, Access.OFF, False, None),
    ],
)
def test_the_write_policy(address, editors, signed_in, expected, may_write, who):
    policy = write_policy(address, editors, signed_in)
    assert (policy.access, policy.may_write, policy.who) == (expected, may_write, who)
    assert policy.message.endswith(".")


def test_each_outcome_says_what_it_means():
    opened = write_policy("127.0.0.1", False, None).message
    assert "127.0.0.1 only" in opened and access.LOCAL_EDITOR in opened
    assert "Sign in" in write_policy(None, True, None).message
    assert "Signed in as alice" in write_policy(None, True, "alice").message
    off = write_policy(None, False, None).message
    assert off.startswith("Editing is off") and "every network address" in off
    # How to turn it on: an editor in the secrets file, or serving on this computer only.
    assert access.SECRETS_FILE in off and "python -m frontline.access hash" in off
    assert "--server.address 127.0.0.1" in off
    assert "192.168.1.20" in write_policy("192.168.1.20", False, None).message


@pytest.mark.parametrize(
    ("address", "loopback"),
    [
        ("127.0.0.1", True),
        ("127.3.2.1", True),
        ("::1", True),
        ("[::1]", True),
        ("LocalHost", True),
        (" 127.0.0.1 ", True),
        ("0.0.0.0", False),
        ("::", False),
        ("", False),
        (None, False),
        ("10.0.0.1", False),
        ("localhost.example.org", False),
        ("127.0.0.1.example.org", False),
    ],
)
def test_loopback_addresses(address, loopback):
    assert access.is_loopback(address) is loopback


# --- the editors' configuration ------------------------------------------------------------


def _secret_words(mapping: dict) -> list[str]:
    """Every string value in a secrets mapping (none may appear in a problem)."""
    found = []
    for value in mapping.values():
        if isinstance(value, dict):
            found += _secret_words(value)
        elif isinstance(value, str) and len(value) > 6:
            found.append(value)
    return found


def test_a_good_configuration(password_hash):
    config, problems = parse_editor_config(
        {
            "editors": {
                "alice": {"password_hash": password_hash},
                "Bob": {"email": "bob@example.org", "password_hash": password_hash},
                "carol": {"email": "carol@example.org"},
            },
            "auth": {
                "redirect_uri": "http://localhost:8501/oauth2callback",
                "cookie_secret": "x" * 64,
                "client_id": "id",
                "client_secret": "secret",
                "server_metadata_url": "https://accounts.example.org/.well-known/openid",
                "client_kwargs": {"prompt": "login"},
            },
        }
    )
    assert problems == []
    assert config.configured and config.oidc and config.oidc_providers == ("",)
    assert sorted(config.editors) == ["alice", "bob", "carol"]
    assert config.editor("BOB ").name == "Bob"
    assert config.editor_for_email("Carol@Example.org").name == "carol"
    assert config.editor_for_email("mallory@example.org") is None
    assert config.editor_for_email(None) is None
    assert password_hash not in repr(config)


def test_named_providers(password_hash):
    auth = {
        "redirect_uri": "https://frontline.example.org/oauth2callback",
        "cookie_secret": "y" * 40,
        "google": {
            "client_id": "a",
            "client_secret": "b",
            "server_metadata_url": "https://accounts.google.com/.well-known/openid-configuration",
        },
        "microsoft": {
            "client_id": "c",
            "client_secret": "d",
            "server_metadata_url": "https://login.microsoftonline.com/t/v2.0/.well-known/x",
        },
    }
    config, problems = parse_editor_config({"auth": auth})
    assert problems == [] and config.oidc_providers == ("google", "microsoft")
    assert not config.configured  # st.login alone lets nobody write


def test_no_secrets_means_no_editors():
    config, problems = parse_editor_config({})
    assert problems == [] and not config.configured and not config.oidc


BAD_EDITORS = [
    ({"bad name!": {"password_hash": "H"}}, "editors.bad name!", "name"),
    ({"alice": "plain-text-password"}, "editors.alice", "not a table"),
    (
        {"alice": {"password_hash": "$2b$12$abcdefghijklmnopqrstuv"}},
        "editors.alice.password_hash",
        "not an argon2id hash",
    ),
    ({"alice": {"password_hash": 12345}}, "editors.alice.password_hash", "not an argon2id hash"),
    ({"alice": {"email": "not-an-address"}}, "editors.alice.email", "not an email address"),
    ({"alice": {}}, "editors.alice", "neither password_hash nor email"),
    ({"alice": {"email": "alice@example.org"}}, "editors.alice", "[auth] is not set"),
]


@pytest.mark.parametrize(("editors", "field", "words"), BAD_EDITORS)
def test_a_bad_editor_is_named_and_costs_only_itself(editors, field, words, password_hash):
    secrets = {"editors": {**editors, "zoe": {"password_hash": password_hash}}}
    config, problems = parse_editor_config(secrets)
    assert [p.field for p in problems] == [field]
    assert words in problems[0].message
    assert problems[0].file == access.SECRETS_FILE
    assert list(config.editors) == ["zoe"]  # the good entry is kept


def test_a_plain_password_is_refused_without_being_quoted(password_hash):
    secrets = {"editors": {"alice": {"password": "hunter2-secret", "password_hash": "$argon2id$x"}}}
    config, problems = parse_editor_config(secrets)
    assert {p.field for p in problems} == {"editors.alice.password", "editors.alice.password_hash"}
    assert "never store a password" in problems[0].message
    text = " ".join(map(str, problems))
    assert "hunter2-secret" not in text and "$argon2id$x" not in text
    assert not config.configured


def test_the_same_name_twice_ignoring_case(password_hash):
    _, problems = parse_editor_config(
        {"editors": {"alice": {"password_hash": password_hash}, "ALICE": {"email": "a@b.org"}}}
    )
    assert [p.field for p in problems][0] == "editors.ALICE"


GOOD_AUTH = {
    "redirect_uri": "http://localhost:8501/oauth2callback",
    "cookie_secret": "s3cr3t-cookie-value-" * 3,
    "client_id": "the-client-id-value",
    "client_secret": "the-client-secret-value",
    "server_metadata_url": "https://accounts.example.org/.well-known/openid-configuration",
}


@pytest.mark.parametrize(
    ("change", "field", "words"),
    [
        ({"redirect_uri": None}, "auth.redirect_uri", "missing"),
        ({"redirect_uri": "localhost:8501/oauth2callback"}, "auth.redirect_uri", "absolute"),
        ({"redirect_uri": "http://localhost:8501/callback"}, "auth.redirect_uri", "oauth2callback"),
        ({"cookie_secret": "short-secret"}, "auth.cookie_secret", "shorter than 32"),
        ({"cookie_secret": None}, "auth.cookie_secret", "missing"),
        ({"client_secret": None}, "auth.client_secret", "missing"),
        ({"server_metadata_url": "accounts.example.org"}, "auth.server_metadata_url", "absolute"),
        (
            {"client_id": None, "client_secret": None, "server_metadata_url": None},
            "auth",
            "names no provider",
        ),
    ],
)
def test_a_bad_auth_table_names_its_key_and_turns_st_login_off(change, field, words):
    auth = {k: v for k, v in {**GOOD_AUTH, **change}.items() if v is not None}
    config, problems = parse_editor_config({"auth": auth})
    assert [p.field for p in problems] == [field]
    assert words in problems[0].message
    assert not config.oidc
    text = str(problems[0])
    assert not any(secret in text for secret in _secret_words(auth))


def test_a_provider_name_with_an_underscore():
    auth = {**GOOD_AUTH, "my_idp": {k: GOOD_AUTH[k] for k in access.PROVIDER_KEYS}}
    config, problems = parse_editor_config({"auth": auth})
    assert [p.field for p in problems] == ["auth.my_idp"] and not config.oidc


def test_tables_that_are_not_tables():
    _, problems = parse_editor_config({"editors": "alice", "auth": ["x"]})
    assert [p.field for p in problems] == ["editors", "auth"]


def test_reading_a_secrets_file(tmp_path, password_hash):
    path = tmp_path / "secrets.toml"
    path.write_text(f'[editors.alice]\npassword_hash = "{password_hash}"\n')
    mapping, problems = access.read_secrets(path)
    assert problems == [] and parse_editor_config(mapping)[0].editor("alice")
    assert access.read_secrets(tmp_path / "none.toml") == ({}, [])


def test_a_secrets_file_that_is_not_toml_gives_its_line_and_not_its_content(tmp_path):
    path = tmp_path / "secrets.toml"
    path.write_text("[editors.alice]\npassword_hash = $argon2id$leaked\n")
    mapping, problems = access.read_secrets(path)
    assert mapping == {} and [(p.line, p.field) for p in problems] == [(2, "-")]
    assert "leaked" not in str(problems[0]) and "not valid TOML" in problems[0].message


def test_the_example_secrets_file_parses_but_for_its_placeholder_hash():
    example = ROOT / ".streamlit" / "secrets.toml.example"
    with example.open("rb") as handle:
        mapping = tomllib.load(handle)
    config, problems = parse_editor_config(mapping)
    assert [p.field for p in problems] == ["editors.alice.password_hash"]
    assert config.oidc and config.editor_for_email("bob@example.org").name == "bob"


def test_the_secrets_file_is_ignored_by_git():
    ignored = (ROOT / ".gitignore").read_text().splitlines()
    assert ".streamlit/secrets.toml" in ignored


# --- passwords -----------------------------------------------------------------------------


def test_a_password_hash_round_trip(password_hash):
    assert password_hash.startswith("$argon2id$") and PASSWORD not in password_hash
    assert access.verify_password(password_hash, PASSWORD)
    assert not access.verify_password(password_hash, PASSWORD + " ")
    assert not access.verify_password("not a hash", PASSWORD)
    assert access.hash_password(PASSWORD) != password_hash  # salted


def test_signing_in(password_hash):
    config, _ = parse_editor_config(
        {
            "editors": {"alice": {"password_hash": password_hash}, "bob": {"email": "b@x.org"}},
            "auth": GOOD_AUTH,
        }
    )
    limiter = SignInLimiter()
    assert access.sign_in(config, limiter, " Alice", PASSWORD, "10.0.0.1").editor == "alice"
    wrong = access.sign_in(config, limiter, "alice", "guess", "10.0.0.1")
    unknown = access.sign_in(config, limiter, "mallory", PASSWORD, "10.0.0.1")
    no_password = access.sign_in(config, limiter, "bob", PASSWORD, "10.0.0.1")
    assert wrong.editor is unknown.editor is no_password.editor is None
    # The same words whether the name exists or not: no hint of who the editors are.
    assert wrong.message == unknown.message == no_password.message == "Wrong name or password."


def test_signing_in_is_braked_after_failures(password_hash):
    config, _ = parse_editor_config({"editors": {"alice": {"password_hash": password_hash}}})
    now = [0.0]
    limiter = SignInLimiter(free=2, first_delay=60, clock=lambda: now[0])
    for _ in range(2):
        assert access.sign_in(config, limiter, "alice", "guess", "c").editor is None
    braked = access.sign_in(config, limiter, "alice", PASSWORD, "c")
    assert braked.editor is None and "try again in a minute" in braked.message
    now[0] = 61
    assert access.sign_in(config, limiter, "alice", PASSWORD, "c").editor == "alice"


# --- the brake on guessing -----------------------------------------------------------------


class FakeClock:
    def __init__(self):
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def fail(limiter: SignInLimiter, name: str, client: str | None) -> float:
    """An attempt that fails: the wait before it (0 when it went ahead)."""
    return limiter.attempt(name, client)


def test_five_failures_then_a_growing_wait():
    clock = FakeClock()
    limiter = SignInLimiter(free=5, first_delay=30, max_delay=100, clock=clock)
    assert [fail(limiter, "alice", "c1") for _ in range(5)] == [0.0] * 5
    assert fail(limiter, "alice", "c1") == 30
    clock.now += 29
    assert fail(limiter, "alice", "c1") == pytest.approx(1)
    clock.now += 1
    assert fail(limiter, "alice", "c1") == 0  # the sixth failure, after the wait
    assert fail(limiter, "alice", "c1") == 60  # doubled
    clock.now += 60
    assert fail(limiter, "alice", "c1") == 0
    assert fail(limiter, "alice", "c1") == 100  # 120, capped at max_delay


def test_a_locked_name_is_locked_from_every_client_and_a_client_for_every_name():
    clock = FakeClock()
    limiter = SignInLimiter(free=3, first_delay=10, clock=clock)
    for n in range(3):
        fail(limiter, "alice", f"client-{n}")
    assert fail(limiter, "alice", "client-new") == 10  # the name is locked
    assert fail(limiter, "bob", "client-new") == 0  # others are not
    for name in ("carol", "dave", "erin"):
        fail(limiter, name, "attacker")
    assert fail(limiter, "frank", "attacker") == 10  # the client is locked
    assert fail(limiter, "frank", None) == 0


def test_a_success_clears_the_count():
    clock = FakeClock()
    limiter = SignInLimiter(free=2, first_delay=10, clock=clock)
    fail(limiter, "alice", "c")
    limiter.attempt("alice", "c")
    limiter.succeeded("alice", "c")
    assert [fail(limiter, "alice", "c") for _ in range(3)] == [0, 0, 10]


def test_failures_are_forgotten_after_a_while():
    clock = FakeClock()
    limiter = SignInLimiter(free=2, first_delay=10, forget_after=3600, clock=clock)
    fail(limiter, "alice", "c")
    clock.now += 3601
    assert [fail(limiter, "alice", "c") for _ in range(3)] == [0, 0, 10]


def test_the_brake_keeps_a_bounded_memory():
    limiter = SignInLimiter(max_entries=100, clock=FakeClock())
    for n in range(1000):
        limiter.attempt(f"name-{n}", None)
    assert len(limiter._failures) <= 100


def test_attempts_at_once_cannot_slip_past_the_count():
    limiter = SignInLimiter(free=5, first_delay=30, clock=FakeClock())
    start = threading.Barrier(40)
    allowed = []

    def attempt():
        start.wait()
        allowed.append(limiter.attempt("alice", "c") == 0)

    threads = [threading.Thread(target=attempt) for _ in range(40)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert allowed.count(True) == 5


# --- the command -----------------------------------------------------------------------------


def test_the_hash_command_prints_a_line_to_paste(monkeypatch, capsys):
    monkeypatch.setattr(sys, "stdin", io.StringIO(PASSWORD + "\n"))
    assert access.main(["hash", "alice"]) == 0
    printed = capsys.readouterr().out
    mapping = tomllib.loads(printed)
    config, problems = parse_editor_config(mapping)
    assert problems == [] and PASSWORD not in printed
    assert access.verify_password(config.editor("alice").password_hash, PASSWORD)


def test_the_hash_command_refuses_a_short_password(monkeypatch, capsys):
    monkeypatch.setattr(sys, "stdin", io.StringIO("short\n"))
    assert access.main(["hash"]) == 1
    assert "at least" in capsys.readouterr().err


def test_the_hash_command_reads_the_password_from_stdin_not_its_arguments():
    run = subprocess.run(
        [sys.executable, "-m", "frontline.access", "hash"],
        input=PASSWORD + "\n",
        capture_output=True,
        text=True,
        cwd=ROOT,
        check=True,
    )
    line = run.stdout.strip()
    assert line.startswith('password_hash = "$argon2id$')
    assert access.verify_password(tomllib.loads(line)["password_hash"], PASSWORD)


def test_the_check_command(tmp_path, password_hash, capsys):
    path = tmp_path / "secrets.toml"
    path.write_text(f'[editors.alice]\npassword_hash = "{password_hash}"\n[editors.bob]\n')
    path.chmod(0o600)
    assert access.main(["check", "--secrets", str(path)]) == 1
    out = capsys.readouterr()
    assert "editors.bob: has neither" in out.err and "1 editor(s)" in out.out
    assert password_hash not in out.err + out.out
    path.write_text(f'[editors.alice]\npassword_hash = "{password_hash}"\n')
    path.chmod(0o644)
    assert access.main(["check", "--secrets", str(path)]) == 1
    assert "chmod 600" in capsys.readouterr().err
