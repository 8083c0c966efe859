"""The role of each place mention: a place where something happens, the dateline, a
government (metonymy: "Kyiv's troops", "Kyiv insisted"), an office's seat or remit ("the
governor of the Luhansk region"), an oblast that only locates the place before it ("Lyman in
the Donetsk region"), or a river that shares a town's name (left out)."""

from __future__ import annotations

import re
from dataclasses import replace
from typing import TYPE_CHECKING

from frontline.folding import normalise
from frontline.news.gazetteer import Entry, Gazetteer
from frontline.news.lexicon import Lexicon, for_language
from frontline.news.textspans import dateline_end

if TYPE_CHECKING:
    from frontline.news.geoparse import Mention

ENGLISH = for_language("en")

PLACE = "place"  # a place where something happens: a claim may be about it
LOCATOR = "locator"  # an oblast, or a landmark, that only says where the place before it is
DATELINE = "dateline"  # where the report was filed from
METONYMY = "metonymy"  # the name stands for a government or its forces
OFFICE = "office"  # the seat or the remit of an office: "the governor of the Luhansk region"


def is_river(text: str, mention: Mention, lex: Lexicon = ENGLISH) -> bool:
    """Whether a mention names a river ("the Dnipro", "the river Oskil", "the Oskil river") or
    another thing that is no settlement (see names_no_settlement), an oblast's republic too."""
    if names_no_settlement(text, mention.start, mention.end, lex):
        return True
    if mention.entry.kind == "oblast":
        return False
    if lex.river_after.match(text, mention.end):
        return True
    before = lex.river_before.search(text[max(0, mention.start - 7) : mention.start])
    return bool(before) and normalise(mention.text).split()[-1] in lex.rivers


def names_no_settlement(text: str, start: int, end: int, lex: Lexicon = ENGLISH) -> bool:
    """Whether a name at text[start:end] is part of a sea's, a historical region's, a front's
    or a republic's ("the Sea of Azov", "the Luhansk People's Republic"): no place."""
    return bool(
        lex.not_a_settlement_after.match(text, end)
        or lex.not_a_settlement_before.search(text[max(0, start - 8) : start])
    )


def shared_region_oblasts(
    gazetteer: Gazetteer, text: str, mentions: list[Mention], lex: Lexicon = ENGLISH
) -> list[Mention]:
    """ "the Donetsk and Luhansk regions": each name before the plural noun is an oblast."""
    result = list(mentions)
    for i, mention in enumerate(mentions):
        if mention.entry.kind == "oblast":
            continue
        match = lex.shared_region.match(text, mention.end)
        if not match:
            continue
        group_end = match.end(1)
        for j in range(i, len(mentions)):
            other = mentions[j]
            if other.start >= group_end:
                break
            oblast = named_oblast(gazetteer, other.text, other.entry)
            if oblast is not None:
                result[j] = replace(other, entry=oblast, alternatives=())
    return result


def named_oblast(gazetteer: Gazetteer, spelling: str, place: Entry) -> Entry | None:
    """The oblast of a place when the spelling is one the oblast is named after ("Donetsk"
    of "Donetsk region")."""
    oblast = gazetteer.oblast_entry(place.oblast)
    if oblast is not None and normalise(spelling) in {
        normalise(n.rsplit(" ", 1)[0]) for n in oblast.names if " " in n
    }:
        return oblast
    return None


def assign_roles(text: str, mentions: list[Mention], lex: Lexicon = ENGLISH) -> list[Mention]:
    """Mark metonymy, offices, locators and the dateline; the rest are places. A town's name
    that is a river's is left out (see is_river)."""
    head = dateline_end(text)
    result = []
    for i, mention in enumerate(mentions):
        if is_river(text, mention, lex):
            continue
        role = PLACE
        if mention.end <= head:
            role = DATELINE
        elif lex.office_before.search(text[max(0, mention.start - 60) : mention.start]) or (
            lex.office_after.match(text, mention.end) and not _pro(text, mention)
        ):
            role = OFFICE  # before metonymy: in "the governor of the X region said" the
            # governor speaks, not the region
        elif (
            lex.metonymy_after.match(text, mention.end)
            or _two_governments(text, mention, lex)
            or _pro(text, mention)
        ):  # "pro-Kyiv officials" are a government's
            role = METONYMY
        elif _landmark(text, mentions, i, lex) or (
            mention.entry.kind == "oblast"
            and (
                (
                    i > 0
                    and lex.locator_gap.match(text[mentions[i - 1].end : mention.start])
                    and mentions[i - 1].entry.kind != "oblast"
                )
                or lex.locator_before.search(text[max(0, mention.start - 50) : mention.start])
                or _after_a_name(text, mention, lex)
            )
        ):
            role = LOCATOR
        result.append(replace(mention, role=role))
    return result


def _landmark(text: str, mentions: list[Mention], i: int, lex: Lexicon) -> bool:
    """A town named only to say where another place is: in that place's apposition ("X, a
    village on the outskirts of Donetsk, fell"), or after a compass direction right before
    it ("the advance north of Kharkiv near Lyptsi"). What the sentence tells is the other's."""
    mention = mentions[i]
    if mention.entry.kind == "oblast":
        return False
    before = mentions[i - 1] if i > 0 else None
    after = mentions[i + 1] if i + 1 < len(mentions) else None
    apposed = (
        before is not None
        and before.entry.kind != "oblast"
        and lex.place_locator_gap is not None
        and lex.place_locator_gap.fullmatch(text, before.end, mention.start)
    )
    compass = (
        after is not None
        and after.entry.kind != "oblast"
        and lex.compass_before is not None
        and lex.compass_landmark_gap is not None
        and lex.compass_before.search(text[max(0, mention.start - 24) : mention.start])
        and lex.compass_landmark_gap.fullmatch(text, mention.end, after.start)
    )
    return bool(apposed or compass)


_CAPITALISED = re.compile(r"[A-Z][\w'’-]+")


def _after_a_name(text: str, mention: Mention, lex: Lexicon) -> bool:
    """An oblast right after a name the gazetteer lacks ("Andriivka and Semenivka in the
    Kharkiv region", where this Semenivka is in no source) locates it all the same."""
    before = text[max(0, mention.start - 60) : mention.start]
    names = list(_CAPITALISED.finditer(before))
    return bool(names) and bool(lex.locator_gap.match(before[names[-1].end() :]))


def _pro(text: str, mention: Mention) -> bool:
    return text[max(0, mention.start - 4) : mention.start].lower() == "pro-"


def _two_governments(text: str, mention: Mention, lex: Lexicon) -> bool:
    """ "Kyiv and Moscow", "talks between Kyiv and Moscow": two governments."""
    after = text[mention.end : mention.end + 16]
    before = text[max(0, mention.start - 16) : mention.start]
    return bool(lex.governments_after.match(after) or lex.governments_before.search(before))
