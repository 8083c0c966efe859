"""Text -> place mentions, offline, gazetteer first.

1. Exact: an Aho-Corasick automaton over every spelling in the gazetteer (Latin and
   Cyrillic), on lower-cased text, keeping whole words only, longest match first; a Cyrillic
   name may carry a case ending (Ізюмі, Лимана).
2. Fuzzy: a capitalised word that matched nothing and is within one edit (a transposition
   counts as one: "Iyzum") of a spelling, unless it is an ordinary word (stop list) or part
   of a person's name.
3. Each mention's candidates are ranked by context and population.
4. Roles: a mention that names a government (metonymy: "Kyiv's troops", "Kyiv insisted"),
   an oblast that only locates the place before it ("Lyman in the Donetsk region") and the
   dateline are kept but are not places of change.
"""

from __future__ import annotations

import functools
import math
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import ahocorasick
from rapidfuzz import fuzz, process
from rapidfuzz.distance import OSA

from frontline.folding import normalise
from frontline.news.gazetteer import Entry, Gazetteer, cached_gazetteer
from frontline.news.lexicon import Lexicon, for_language
from frontline.news.roles import (
    DATELINE,
    LOCATOR,
    METONYMY,
    OFFICE,
    PLACE,
    assign_roles,
    is_river,
    named_oblast,
    shared_region_oblasts,
)
from frontline.news.textspans import WORD, dateline_end, enclosing, sentences

__all__ = [
    "DATELINE",
    "LOCATOR",
    "METONYMY",
    "OFFICE",
    "PLACE",
    "Matcher",
    "Mention",
    "assign_roles",
    "build_matcher",
    "cached_matcher",
    "distance_km",
    "find_mentions",
    "haversine_km",
    "is_river",
    "places_of_change",
]

ENGLISH = for_language("en")


# Case endings a Ukrainian or Russian place name can take in running text.
CYRILLIC_ENDINGS = ("а", "у", "і", "ом", "ові", "ою", "ем", "ю", "е", "ой", "и")
_CYRILLIC = re.compile(r"[\u0400-\u04FF]")

FUZZY_MIN_LENGTH = 5
NEAR_CACHE_SIZE = 50_000
FUZZY_SCORE = 0.75
EXACT_SCORE = 1.0

# Weights of the ranking of a mention's candidates.
POPULATION_WEIGHT = 1.5  # per factor of ten
NEARBY_OBLAST_WEIGHT = 6.0  # the oblast is named in the same sentence
NAMED_OBLAST_WEIGHT = 1.5  # the oblast is named elsewhere in the article
ARTICLE_OBLAST_WEIGHT = 1.0  # times the share of the article's other places in that oblast
# Within PROXIMITY_KM of another place in the article: worth ten times the people.
PROXIMITY_WEIGHT = 1.5
PROXIMITY_KM = 60.0
# The namesake nearest the article's other places, within PROXIMITY_KM of one: worth more
# than ten times the people (Blahodatne by Neskuchne, not the larger one 45 km off).
NEAREST_WEIGHT = 2.0
NEAREST_MARGIN = 2.0
# The record lists the place (its control changed in the war): worth ten times the people.
RECORD_WEIGHT = 1.5
# With no other place and no oblast to go by, the record's namesake is the best guess a war
# report gives: worth a hundred times the people.
LONE_RECORD_WEIGHT = 3.0
OWN_NAME_WEIGHT = 1.5  # the spelling is a form of the place's own name, not an old one
OWN_NAME_SIMILARITY = 70
# The spelling is the place's name itself, letter for letter: worth more again than the
# people of a city that only lists it among its other names (Hrodivka, not Myrnohrad).
EXACT_NAME_WEIGHT = 1.5


@dataclass(frozen=True)
class Mention:
    start: int
    end: int
    text: str  # the spelling used in the article
    entry: Entry
    score: float  # 0..1: how sure the match and the choice among namesakes are
    how: str = "exact"  # exact, inflected or fuzzy
    role: str = PLACE
    alternatives: tuple[str, ...] = ()  # keys of the namesakes not chosen


@dataclass
class Matcher:
    gazetteer: Gazetteer
    automaton: ahocorasick.Automaton
    # Normalised single-word spellings by length, for fuzzy matching: a word within one
    # edit of a name is at most one character longer or shorter.
    fuzzy_names: dict[int, list[str]]
    # Reports repeat their words; the answer for a word is kept.
    _near: dict[str, tuple[str, ...]] = field(default_factory=dict, repr=False)

    def near_names(self, word: str) -> tuple[str, ...]:
        """Spellings within one edit of a normalised word, closest first, then in order."""
        if word not in self._near:
            if len(self._near) > NEAR_CACHE_SIZE:
                self._near.clear()
            found = []
            for length in (len(word) - 1, len(word), len(word) + 1):
                found.extend(
                    process.extract(
                        word,
                        self.fuzzy_names.get(length, ()),
                        scorer=OSA.distance,
                        score_cutoff=1,
                        limit=10,
                    )
                )
            self._near[word] = tuple(
                name for name, _, _ in sorted(found, key=lambda m: (m[1], m[0]))
            )
        return self._near[word]


def build_matcher(gazetteer: Gazetteer) -> Matcher:
    automaton = ahocorasick.Automaton()
    fuzzy: dict[int, list[str]] = {}
    for name in sorted(gazetteer.by_name):
        # The stop words of English, the language of the gazetteer's Latin spellings.
        if name in ENGLISH.stop_words:
            continue
        automaton.add_word(name, name)
        if len(name) >= FUZZY_MIN_LENGTH and " " not in name:
            fuzzy.setdefault(len(name), []).append(name)
    automaton.make_automaton()
    return Matcher(gazetteer, automaton, fuzzy)


@functools.lru_cache(maxsize=4)
def _cached_matcher(root: str) -> Matcher:
    return build_matcher(cached_gazetteer(root))


def cached_matcher(data_dir: Path | str | None = None) -> Matcher:
    """The matcher of a data directory's gazetteer, built once per process."""
    from frontline.store import default_data_dir

    root = Path(data_dir) if data_dir is not None else default_data_dir()
    return _cached_matcher(str(root.resolve()))


# --- finding names ---------------------------------------------------------------------------


@dataclass(frozen=True)
class _Hit:
    start: int
    end: int
    name: str  # the normalised spelling it matched
    how: str


def _cyrillic_ending(text: str, end: int) -> int:
    """The end of a Cyrillic word whose stem ends at `end` and that goes on with a case
    ending; -1 when it goes on with anything else."""
    tail = WORD.match(text, end)
    if tail is None:
        return end
    if tail.group(0).lower() in CYRILLIC_ENDINGS:
        return tail.end()
    return -1


def exact_hits(text: str, normalised: str, automaton: ahocorasick.Automaton) -> list[_Hit]:
    """Whole-word matches of gazetteer spellings, longest first where they overlap."""
    found = []
    for last, name in automaton.iter(normalised):
        start, end = last - len(name) + 1, last + 1
        if start > 0 and normalised[start - 1].isalnum():
            continue
        how = "exact"
        if end < len(text) and text[end].isalnum():
            if not (_CYRILLIC.match(name[-1]) and len(name) >= 4):
                continue
            end = _cyrillic_ending(text, end)
            if end < 0:
                continue
            how = "inflected"
        if not text[start].isupper():
            continue  # place names are capitalised; "liman" is a word, Lyman a town
        found.append(_Hit(start, end, name, how))
    return _longest_first(found)


def _longest_first(hits: Iterable[_Hit]) -> list[_Hit]:
    chosen: list[_Hit] = []
    for hit in sorted(hits, key=lambda h: (-(h.end - h.start), h.start)):
        if all(hit.end <= c.start or hit.start >= c.end for c in chosen):
            chosen.append(hit)
    return sorted(chosen, key=lambda h: h.start)


# "Ukrainian-controlled", "Russian-occupied": a capital, but no part of a person's name.
_SIDE_ADJECTIVE = re.compile(r"[^\W\d_][\w'’]*-[a-z][\w-]*")
# A verb that opens a sentence is capitalised but no part of a name: "Taking Bakhmut would",
# "Retaken Kherson", "Capturing Avdiivka took".
_OPENING_VERB = re.compile(r"[A-Z][a-z]+(?:ing|ed)|(?:Re)?[Tt]aken")


def _capitalised_runs(
    text: str, sentence_spans: Sequence[tuple[int, int]], lex: Lexicon
) -> list[list[re.Match[str]]]:
    """Runs of adjacent capitalised words (not stop words) within sentences."""
    runs: list[list[re.Match[str]]] = []
    for start, end in sentence_spans:
        run: list[re.Match[str]] = []
        for word in WORD.finditer(text, start, end):
            joined = bool(run) and text[run[-1].end() : word.start()] == " "
            opening = not text[start : word.start()].strip(" \"“‘'(")
            if (
                word.group(0)[0].isupper()
                and word.group(0).lower() not in lex.stop_words
                and not _SIDE_ADJECTIVE.fullmatch(word.group(0))
                and not (opening and _OPENING_VERB.fullmatch(word.group(0)))
            ):
                if not joined and run:
                    runs.append(run)
                    run = []
                run.append(word)
            elif run:
                runs.append(run)
                run = []
        if run:
            runs.append(run)
    return runs


def _names_a_body(word: str, lex: Lexicon) -> bool:
    """Whether a word after a place's name makes the run the name of a body, a unit or a
    facility (the "Luhansk People's Republic", "Kharkiv TPP-5"):
    a noun of such names, a number or an acronym, never a person's name."""
    return (
        word.lower() in lex.institution_words
        # A title after the place: "Luhansk Gov. Serhiy Haidai", "Kyiv Mayor Vitali Klitschko".
        or word.lower() in lex.titles
        or any(c.isdigit() for c in word)
        or (len(word) >= 2 and word.split("-")[0].isupper())
    )


def person_words(
    text: str,
    hits: Sequence[_Hit],
    sentence_spans: Sequence[tuple[int, int]],
    lex: Lexicon = ENGLISH,
) -> set[str]:
    """Words that are part of a person's name somewhere in the article: runs of two or more
    capitalised words not all of which are places ("Volodymyr Zelensky"), and a capitalised
    word after a title ("President Zelensky")."""

    def is_place(word: re.Match[str]) -> bool:
        return any(h.start <= word.start() and word.end() <= h.end for h in hits)

    people: set[str] = set()
    for run in _capitalised_runs(text, sentence_spans, lex):
        single_place = any(h.start <= run[0].start() and run[-1].end() <= h.end for h in hits)
        if (
            len(run) >= 2
            and not single_place
            and not all(is_place(w) for w in run)
            and not (is_place(run[0]) and any(_names_a_body(w.group(0), lex) for w in run[1:]))
        ):
            people.update(w.group(0) for w in run)
    for title in re.finditer(r"\b(\w+)\.?\s+([A-ZА-ЯІЇЄҐ][\w'’-]+)", text):
        if title.group(1).lower() in lex.titles:
            people.add(title.group(2))
    return people


def fuzzy_hits(
    text: str, taken: Sequence[_Hit], matcher: Matcher, skip: set[str], lex: Lexicon = ENGLISH
) -> list[_Hit]:
    """Capitalised words within one edit of a spelling, not already matched."""
    found = []
    for word in WORD.finditer(text):
        surface = word.group(0)
        if (
            len(surface) < FUZZY_MIN_LENGTH
            or not surface[0].isupper()
            or surface.lower() in lex.stop_words
            or surface in skip
            or any(h.start < word.end() and word.start() < h.end for h in taken)
        ):
            continue
        near = matcher.near_names(normalise(surface))
        if near:
            # The closest spelling; among equals the first in order, so results are stable.
            found.append(_Hit(word.start(), word.end(), near[0], "fuzzy"))
    return found


# --- choosing among namesakes ----------------------------------------------------------------


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in kilometres."""
    lat1, lon1, lat2, lon2 = map(math.radians, (lat1, lon1, lat2, lon2))
    h = (
        math.sin((lat2 - lat1) / 2) ** 2
        + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    )
    return 2 * 6371.0 * math.asin(math.sqrt(min(1.0, h)))


def distance_km(a: Entry, b: Entry) -> float:
    return haversine_km(a.lat, a.lon, b.lat, b.lon)


def own_name(spelling: str, entry: Entry) -> bool:
    """Whether a spelling is a form of the place's own name (Kremennaya of Kreminna) rather
    than a former name it shares with others (Kremennaya, once, of an Oleksandrivka)."""
    return fuzz.ratio(normalise(spelling), normalise(entry.name)) >= OWN_NAME_SIMILARITY


def is_the_name(spelling: str, entry: Entry) -> bool:
    """Whether a spelling is the place's canonical English, Ukrainian or Russian name."""
    return normalise(spelling) in {
        normalise(n) for n in (entry.name, entry.name_uk, entry.name_ru) if n
    }


def rank_candidates(
    candidates: Sequence[Entry],
    nearby_oblasts: set[str],
    article_oblasts: Counter[str],
    anchors: Sequence[Entry],
    spelling: str = "",
    named_oblasts: frozenset[str] = frozenset(),
) -> list[tuple[float, Entry]]:
    """Candidates by score, best first: an oblast named in the same sentence decides;
    otherwise population, whether the spelling is the place's own name, the oblasts of the
    article's other places and nearness to them."""
    total = sum(article_oblasts.values()) or 1
    # An oblast named beside the name decides first: nearness only tells its places apart.
    beside = [e for e in candidates if e.oblast in nearby_oblasts]
    nearest = _nearest(beside or candidates, anchors)
    ranked = []
    for entry in candidates:
        score = POPULATION_WEIGHT * math.log10(entry.population + 10)
        if spelling and own_name(spelling, entry):
            score += OWN_NAME_WEIGHT
            if is_the_name(spelling, entry):
                score += EXACT_NAME_WEIGHT
        if entry.in_record:
            score += RECORD_WEIGHT if anchors or nearby_oblasts else LONE_RECORD_WEIGHT
        if entry.oblast in nearby_oblasts:
            score += NEARBY_OBLAST_WEIGHT
        elif entry.oblast in named_oblasts:
            score += NAMED_OBLAST_WEIGHT
        score += ARTICLE_OBLAST_WEIGHT * article_oblasts[entry.oblast] / total
        if any(a.key != entry.key and distance_km(a, entry) <= PROXIMITY_KM for a in anchors):
            score += PROXIMITY_WEIGHT
        if entry is nearest:
            score += NEAREST_WEIGHT
        if entry.kind == "oblast":
            score += NEARBY_OBLAST_WEIGHT  # "X region" is the oblast, whatever else shares it
        ranked.append((score, entry))
    return sorted(ranked, key=lambda pair: (-pair[0], pair[1].key))


def _nearest(candidates: Sequence[Entry], anchors: Sequence[Entry]) -> Entry | None:
    """The one candidate nearest the article's other places, when it is within
    PROXIMITY_KM of one of them and every other candidate is twice as far or more."""
    if len(candidates) < 2:
        return None
    distances = sorted(
        (
            min(
                (distance_km(a, entry) for a in anchors if a.key != entry.key),
                default=math.inf,
            ),
            i,
        )
        for i, entry in enumerate(candidates)
        if entry.kind != "oblast"
    )
    if not distances or distances[0][0] > PROXIMITY_KM:
        return None
    if len(distances) > 1 and distances[1][0] <= NEAREST_MARGIN * distances[0][0]:
        return None  # as near as makes no difference
    return candidates[distances[0][1]]


def _confidence(ranked: Sequence[tuple[float, Entry]]) -> float:
    """How much the best candidate stands out: 1 when alone, 0.5 when tied."""
    if len(ranked) < 2:
        return 1.0
    return 1.0 / (1.0 + math.exp(-(ranked[0][0] - ranked[1][0])))


def list_oblasts(
    text: str,
    hits: Sequence[_Hit],
    candidates: Sequence[list[Entry]],
    lex: Lexicon = ENGLISH,
) -> dict:
    """Index of a hit -> the ISO code of the oblast a list it is in ends with: "Makarivka,
    Neskuchne and Urozhaine in the Donetsk Oblast" are in Donetsk oblast, whatever their
    namesakes elsewhere."""
    found: dict[int, str] = {}
    run: list[int] = []
    for i, hit in enumerate(hits):
        oblast = next((c for c in candidates[i] if c.kind == "oblast"), None)
        if run and oblast and lex.list_close.fullmatch(text, hits[run[-1]].end, hit.start):
            found.update(dict.fromkeys(run, oblast.oblast))
            run = []
            continue
        if not (run and lex.list_join.fullmatch(text, hits[run[-1]].end, hit.start)):
            run = []
        if oblast is None:
            run.append(i)
    return found


# An oblast that starts within this many characters after a name is its own ("Lyman,
# Odesa region", "Lyman in the Kharkiv region").
OWN_OBLAST_GAP = 12


def carried_list_oblasts(
    hits: Sequence[_Hit], candidates: Sequence[list[Entry]], in_list: dict
) -> dict:
    """Index of a hit -> the oblast of a list closed by one that names it elsewhere in the
    report ("... and Bilohorivka in the Donetsk region"; later "Bilohorivka lies south"):
    the nearest such mention before it, else the first after it; not when an oblast of its
    own follows it ("near Lyman, Odesa region")."""
    carried: dict[int, str] = {}
    for index, hit in enumerate(hits):
        if index in in_list:
            continue
        after = index + 1 < len(hits) and hits[index + 1]
        if (
            after
            and after.start - hit.end <= OWN_OBLAST_GAP
            and any(e.kind == "oblast" for e in candidates[index + 1])
        ):
            continue
        same = [i for i in in_list if hits[i].name == hit.name]
        before = [i for i in same if i < index]
        if same:
            carried[index] = in_list[max(before) if before else min(same)]
    return carried


DISTANT_NAMESAKE_KM = 150.0


def _distant_namesake(
    best: Entry,
    options: Sequence[Entry],
    nearby: set[str],
    anchors: Sequence[Entry],
    weak: bool = False,
    named: frozenset[str] = frozenset(),
) -> bool:
    """A town or village with namesakes, not in an oblast named beside it, and far from
    every place the article names without doubt (at least two): the village meant is one
    the gazetteer lacks, so none is better than a namesake across the country. A weak match
    is so too, namesakes or not, far from every such place: a name read within one edit
    ("Hrakove" as Hrabove), or a former name of a place now called otherwise ("Shumy", once,
    of a Crimean village); and so is a name with no namesake when the oblast beside it is
    another ("towards X" in a sentence on the Zaporizhzhia region, the only X in
    Dnipropetrovsk oblast), or when the report names oblasts and none is its own (a
    report on the Zaporizhzhia region, the only X in Dnipropetrovsk oblast)."""
    places = {a.key: a for a in anchors if a.kind != "oblast" and a.key != best.key}
    other_oblast = bool(nearby) and best.oblast not in nearby
    other_oblast = other_oblast or (bool(named) and best.oblast not in named)
    return (
        (len(options) > 1 or weak or other_oblast)
        and best.kind in ("town", "village")
        and best.oblast not in nearby
        and len(places) >= (1 if weak else 2)
        and all(distance_km(a, best) > DISTANT_NAMESAKE_KM for a in places.values())
    )


def _office_oblast(gazetteer: Gazetteer, text: str, hit: _Hit, lex: Lexicon) -> list[Entry]:
    """A hit's candidates; only its oblast before a governor or a regional body ("Luhansk
    governor", "the Donetsk regional administration"): the oblast's office, not the city's;
    so too before a republic or a front named after it ("Captured by Luhansk PR"), which is
    no place but tells where the article is."""
    options = gazetteer.candidates(hit.name)
    office = lex.oblast_office_after is not None and lex.oblast_office_after.match(text, hit.end)
    if not (office or lex.not_a_settlement_after.match(text, hit.end)):
        return options
    oblasts = {o.key: o for e in options if (o := named_oblast(gazetteer, hit.name, e))}
    return list(oblasts.values()) or options


def _resolve(
    gazetteer: Gazetteer,
    text: str,
    hits: Sequence[_Hit],
    sentence_spans: Sequence[tuple[int, int]],
    lex: Lexicon = ENGLISH,
) -> list[Mention]:
    candidates = [_office_oblast(gazetteer, text, h, lex) for h in hits]
    # Places without namesakes anchor the others; a word read within one edit of a name
    # is no sure place ("Dalne" read as a Dachne across the country).
    sure = [(h, c[0]) for h, c in zip(hits, candidates, strict=True) if len(c) == 1]
    sure = [(h, e) for h, e in sure if h.how != "fuzzy"]
    anchors = [e for _, e in sure]
    # Where the report was filed from is no ground to drop a name far from it.
    head = dateline_end(text)
    beyond_dateline = [e for h, e in sure if h.end > head]
    article_oblasts = Counter(a.oblast for a in anchors if a.kind != "oblast")
    named = frozenset(c[0].oblast for c in candidates if c and c[0].kind == "oblast")
    in_list = list_oblasts(text, hits, candidates, lex)
    in_list = {**carried_list_oblasts(hits, candidates, in_list), **in_list}
    # A first reading of each name with namesakes, before the others are known.
    first: list[Entry | None] = [
        None
        if len(c) < 2
        else rank_candidates(
            [e for e in c if index not in in_list or e.oblast == in_list[index]] or c,
            set(),
            article_oblasts,
            anchors,
            hit.name,
            named,
        )[0][1]
        for index, (hit, c) in enumerate(zip(hits, candidates, strict=True))
    ]
    first = [e if e is not None and e.kind != "oblast" else None for e in first]
    mentions = []
    for index, (hit, options) in enumerate(zip(hits, candidates, strict=True)):
        if index in in_list:
            # The list says which oblast: a namesake elsewhere is not the place meant.
            options = [e for e in options if e.oblast == in_list[index]]
        if not options:
            continue
        sentence = enclosing(list(sentence_spans), hit.start, hit.end)
        nearby = {
            c[0].oblast
            for h, c in zip(hits, candidates, strict=True)
            if c
            and c[0].kind == "oblast"
            and h is not hit
            and sentence
            and sentence[0] <= h.start < sentence[1]
        }
        # Beside the places the article names without doubt and those its names with
        # namesakes were first read as ("Yampil" beside a Lyman that has namesakes too).
        others = [best for i, best in enumerate(first) if i != index and best is not None]
        context = [*anchors, *others]
        ranked = rank_candidates(options, nearby, article_oblasts, context, hit.name, named)
        # Left unfound only far from the places named without doubt: a first reading is
        # no ground to drop a name.
        best = ranked[0][1]
        weak = hit.how == "fuzzy" or not own_name(hit.name, best)
        if _distant_namesake(best, options, nearby, beyond_dateline, weak, named):
            continue
        quality = FUZZY_SCORE if hit.how == "fuzzy" else EXACT_SCORE
        mentions.append(
            Mention(
                start=hit.start,
                end=hit.end,
                text=text[hit.start : hit.end],
                entry=ranked[0][1],
                score=round(quality * _confidence(ranked), 3),
                how=hit.how,
                alternatives=tuple(e.key for _, e in ranked[1:]),
            )
        )
    return mentions


# --- the whole ---------------------------------------------------------------------------------


def find_mentions(text: str, matcher: Matcher, language: str = "en") -> list[Mention]:
    """Every place name in the text, in order, with its role (see the module doc), read with
    the lexicon of the article's language."""
    lex = for_language(language)
    normalised = normalise(text)
    spans = sentences(text)
    exact = exact_hits(text, normalised, matcher.automaton)
    people = person_words(text, exact, spans, lex) | lex.people
    exact = [h for h in exact if text[h.start : h.end] not in people]
    fuzzy = fuzzy_hits(text, exact, matcher, people, lex)
    hits = sorted(exact + fuzzy, key=lambda h: h.start)
    mentions = _resolve(matcher.gazetteer, text, hits, spans, lex)
    mentions = shared_region_oblasts(matcher.gazetteer, text, mentions, lex)
    return assign_roles(text, mentions, lex)


def places_of_change(mentions: Iterable[Mention]) -> list[Mention]:
    return [m for m in mentions if m.role == PLACE]
