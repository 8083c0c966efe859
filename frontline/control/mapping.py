"""A control folder's mapping: which feature property holds the status and how its values read."""

from __future__ import annotations

import json
import re
import tomllib
from dataclasses import dataclass

import re2

from frontline import vocab
from frontline.model import Problem

CONTROL_DIR_ENV = "FRONTLINE_CONTROL_DIR"
MAPPING_FILES = ("mapping.toml", "mapping.json")
SNAPSHOT_SUFFIXES = (".geojson", ".json")

# What a feature's status value can map to: a status, or "skip" (not part of the map, such as
# an occupied area outside Ukraine).
SKIP = "skip"
OUTCOMES = (*vocab.STATUSES, SKIP)
# The status of ground no area covers when the mapping does not say (outside = ...).
UNMAPPED = "unmapped"

# A mapping for exports in DeepStateMap's style, where the status is a word inside a
# bilingual `name` ("Окуповано / Occupied"), unnamed ground is Ukrainian-held, and areas
# outside Ukraine are skipped. An example to copy into a folder as mapping.toml and adjust.
DEEPSTATE_STYLE_MAPPING = """\
status_property = "name"
outside = "ukrainian"

[patterns]
russian = ['\\bокуповано\\b', '\\boccupied\\b']
ukrainian = ['\\bзвільнено\\b', '\\bliberated\\b']
contested = ['сіра зона', '\\bgr[ae]y zone\\b']
skip = ['придністров', 'transnistria']
"""

_SPACES = re.compile(r"\s+")

DEFAULT_STATUS_PROPERTY = "status"
DEFAULT_DATE_PROPERTY = "date"
MAPPING_KEYS = ("status_property", "date_property", "outside", "values", "patterns")
# User patterns are matched with RE2, whose time grows with the text and never exponentially,
# as a mapping may be uploaded by any reader of a shared dashboard. RE2's \b knows ASCII
# letters only, so \b is read as "start, end or not a letter, digit or _" to keep
# \bокуповано\b working (a search only asks whether a match exists).
_WORD_EDGE = re.compile(r"(?<!\\)((?:\\\\)*)\\b")
_UNICODE_EDGE = r"(?:^|$|[^\pL\pN_])"
_RE2_OPTIONS = re2.Options()
_RE2_OPTIONS.case_sensitive = False
_RE2_OPTIONS.log_errors = False  # a bad pattern is a problem line, not a log line


def compile_pattern(pattern: str):
    """A user pattern as an RE2 expression (case ignored); re2.error when RE2 cannot read it
    (backreferences and lookaround are not supported)."""
    return re2.compile(_WORD_EDGE.sub(lambda m: m.group(1) + _UNICODE_EDGE, pattern), _RE2_OPTIONS)


# --- the mapping -----------------------------------------------------------------------------


def _fold(value: str) -> str:
    return _SPACES.sub(" ", value).strip().casefold()


@dataclass(frozen=True)
class Mapping:
    """How a folder's features read as statuses."""

    status_property: str = DEFAULT_STATUS_PROPERTY
    date_property: str = DEFAULT_DATE_PROPERTY
    outside: str | None = None  # the status of ground outside every area; None: unknown
    values: tuple[tuple[str, str], ...] = tuple((s, s) for s in vocab.STATUSES)
    patterns: tuple[tuple[str, object], ...] = ()  # compiled RE2 patterns

    def classify(self, value: str) -> tuple[str, ...]:
        """The outcomes a property value matches: exact values (case and spacing ignored) and
        patterns (searched, case ignored). A skip wins over any status."""
        folded = _fold(value)
        hits = {o for o, v in self.values if v == folded}
        hits |= {o for o, p in self.patterns if p.search(value)}
        if SKIP in hits:
            return (SKIP,)
        return tuple(s for s in vocab.STATUSES if s in hits)


def _mapping_list(raw: object, label: str, where: str, problems: list[Problem]) -> list[str]:
    items = [raw] if isinstance(raw, str) else raw
    if not isinstance(items, list) or not all(isinstance(i, str) and i.strip() for i in items):
        problems.append(Problem(label, 0, where, "must be a text or a list of texts"))
        return []
    return items


def parse_mapping(text: str, label: str) -> tuple[Mapping | None, list[Problem]]:
    """Read a mapping file (TOML or JSON, by the label's suffix). None when the file cannot
    be read at all: snapshots would then be read wrongly, so none is loaded."""
    problems: list[Problem] = []
    try:
        raw = json.loads(text) if label.endswith(".json") else tomllib.loads(text)
    except json.JSONDecodeError as err:
        return None, [Problem(label, err.lineno, "-", f"is not valid JSON: {err.msg}")]
    except RecursionError:
        return None, [Problem(label, 1, "-", "is nested too deeply to be a mapping")]
    except tomllib.TOMLDecodeError as err:
        found = re.search(r"line (\d+)", str(err))
        line = int(found.group(1)) if found else text.count("\n") + 1  # "at end of document"
        return None, [Problem(label, line, "-", f"is not valid TOML: {err}")]
    if not isinstance(raw, dict):
        return None, [Problem(label, 1, "-", "must be a table (JSON object) of settings")]
    for key in raw:
        if key not in MAPPING_KEYS:
            problems.append(
                Problem(label, 0, key, f"unknown setting; known: {', '.join(MAPPING_KEYS)}")
            )
    settings = {}
    for key in ("status_property", "date_property"):
        if key in raw:
            if isinstance(raw[key], str) and raw[key].strip():
                settings[key] = raw[key].strip()
            else:
                problems.append(Problem(label, 0, key, "must be a property name (a text)"))
                return None, problems
    outside = raw.get("outside")
    if outside is not None and outside not in vocab.STATUSES:
        problems.append(
            Problem(label, 0, "outside", f"{outside!r} is not one of: {', '.join(vocab.STATUSES)}")
        )
        return None, problems
    rules: dict[str, list[tuple[str, object]]] = {"values": [], "patterns": []}
    for section in rules:
        table = raw.get(section, {})
        if not isinstance(table, dict):
            problems.append(Problem(label, 0, section, "must be a table of outcome = [texts]"))
            continue
        for outcome, items in table.items():
            where = f"{section}.{outcome}"
            if outcome not in OUTCOMES:
                problems.append(
                    Problem(label, 0, where, f"{outcome!r} is not one of: {', '.join(OUTCOMES)}")
                )
                continue
            for item in _mapping_list(items, label, where, problems):
                if section == "values":
                    rules[section].append((outcome, _fold(item)))
                    continue
                try:
                    rules[section].append((outcome, compile_pattern(item)))
                except re2.error as err:
                    reason = err.args[0] if err.args else err
                    if isinstance(reason, bytes):
                        reason = reason.decode("utf-8", "replace")
                    problems.append(
                        Problem(
                            label,
                            0,
                            where,
                            f"{item!r} is not a regular expression this dashboard can match "
                            f"({reason}); "
                            "backreferences and lookaround are not supported",
                        )
                    )
    if not rules["values"] and not rules["patterns"]:
        rules["values"] = list(Mapping.values)
    return (
        Mapping(
            **settings,
            outside=outside,
            values=tuple(rules["values"]),
            patterns=tuple(rules["patterns"]),
        ),
        problems,
    )
