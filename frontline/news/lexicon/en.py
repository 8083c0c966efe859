"""English: the words a report uses for control, sides, certainty, claimants, dates of
reference and lists. The patterns also carry the Ukrainian and Russian forms that wire copy
quotes and that Ukrainian reports use, so a report in a language without its own lexicon is
still read for those.

The patterns are compiled once here; frontline.news.extract reads them through the Lexicon
chosen by the article's language (frontline.news.lexicon.for_language).
"""

from __future__ import annotations

import re

from frontline.events import NO_STATUS
from frontline.news.lexicon.model import CONTESTED, RUSSIAN, SIDE_MARKERS, UKRAINIAN, Cue, Lexicon

# The Russian-backed republics, named after the places they claim: "Captured by Donetsk PR",
# "the Luhansk People's Republic". A side, never the city or the oblast.
SEPARATIST_REPUBLICS = r"(?:donetsk|luhansk|lugansk)\s+(?:pr\b|people['’]?s\s+republic)"
# "Ukraine" is the side where it acts ("Captured by Ukraine", "Ukraine is in control of",
# "Ukraine has taken"), not where it is the country ("Russian forces in eastern Ukraine").
_ACTS = (
    r"is|was|has|had|have|says|said|claimed|announced|decided|ordered|admitted|confirmed|"
    r"recaptured|retook|liberated|regained|took|takes|holds|held|controls|controlled|pulled|"
    r"withdrew|lost|denied|denies|rejected|insisted|reported|stated|acknowledged|conceded"
)
UKRAINE_ACTING = rf"(?<=by\s)ukraine\b|ukraine(?=\s+(?:{_ACTS}|forces|troops|army|now)\b)"
# "Kyiv" is Ukraine's government where it acts ("Kyiv decided to pull its troops out"), as
# "Ukraine" is; elsewhere it is the city.
KYIV_ACTING = rf"(?:kyiv|kiev)(?=\s+(?:{_ACTS})\b)"
# Words that put an actor on a side. Russian-side words come with the separatists' names.
SIDE_WORDS = {
    UKRAINIAN: r"ukrainian|ukraine['’]s|ukrainians|kyiv['’]s|kyiv-|kiev['’]s|zelensky['’]s|"
    rf"zsu|azov|україн\w*|зсу|{UKRAINE_ACTING}|{KYIV_ACTING}",
    RUSSIAN: r"russian|russia['’]?s?|moscow['’]?s?|kremlin['’]?s?|putin['’]?s?|pro-russia\w*|"
    r"separatists?|rebels?|wagner|chechen|dpr|lpr|occupiers|occupying|"
    rf"{SEPARATIST_REPUBLICS}|"
    r"російськ\w*|окупант\w*|рашист\w*|русск\w*",
}
SIDE = re.compile(
    "|".join(
        f"(?P<{side}>\\b(?:{words})|{SIDE_MARKERS[side]}+)" for side, words in SIDE_WORDS.items()
    ),
    re.IGNORECASE,
)
PRONOUN_SIDE = re.compile(r"\b(?:its|their|they|it)\b", re.IGNORECASE)


# An attempt told as going on: "is trying to", "were still trying to", "keeps trying to".
_ONGOING_ATTEMPT = (
    r"(?:is|are|was|were|keeps?|kept)\s+(?:\w+\s+)?(?:trying|attempting|seeking)\s+to\s+"
)

# Events that state no control, tried before the control cues so that "fighting near" is
# not read as fighting in the place: (event, pattern).
EVENT_CUES: tuple[tuple[str, str], ...] = (
    (
        "repelled",
        # "repelled an attack on X": the attack is part of the cue, which is about X.
        r"(?:repel\w*|repuls\w*|beat\s+back|beaten\s+back|fought\s+off|thwart\w*)"
        r"(?:\s+(?:(?:an?|the|their|its|several|some|two|three|\d+)\s+)?(?:[\w-]+\s+){0,2}?"
        r"(?:attacks?|assaults?|offensives?)(?:\s+(?:on|against|near))?)?|"
        # An attack that failed or was stopped: "tried and failed to storm X", "failed to
        # secure a bridgehead at X", "the enemy has been halted on the X axis", "stopped the
        # Russian advance near X". The failure is the cue, no hypothetical (see
        # frontline.news.extract.hypothetical); an attack's verb only: "failed to take X" is
        # no event, only what did not happen.
        r"(?:tried\s+(?:\w+\s+)?and\s+)?fail(?:ed|s)\s+to\s+(?:storm|break\s+(?:into|through)|"
        r"cross|secure\s+(?:an?\s+)?(?:\w+\s+)?"
        r"(?:bridgehead|foothold)s?(?:\s+(?:at|in|near|on))?)|"
        r"(?:was|were|been|being|is|are)\s+(?:\w+\s+)?(?:stopped|halted)|"
        r"(?:stopp(?:ed|ing)|halt(?:ed|ing|s)?)\s+(?:(?:the|their|its|an?)\s+)?(?:[\w-]+\s+)?"
        r"(?:advance|offensive|attacks?|assaults?|push)|"
        r"відбил\w*|відбит\w*",
    ),
    (
        # Fighting, an advance or better positions near a place, not in it ("advancing on the
        # flanks near X", "improved their positions near X"); the words between are lower case,
        # and no "town", so the cue never runs over a name.
        "fighting",
        r"(?:fighting|fights|battles?|clash\w*|combat|advanc\w*|"
        r"improv\w*\s+(?:(?:their|its|our|the)\s+)?(?:tactical\s+)?positions?)\s+"
        r"(?:(?-i:(?!(?:town|city|village)\b)[a-z][\w-]*)\s+){0,4}?"
        r"(?:near|outside|close\s+to|"
        r"on\s+the\s+outskirts\s+of|in\s+the\s+vicinity\s+of)",
    ),
    (
        "shelled",
        # "artillery hit X", "pounding X around the clock": guns, not bombs or missiles.
        r"shell\w*|bombard\w*|artillery\s+fire|under\s+fire|obstril\w*|обстріл\w*|"
        r"(?:artillery|mortars?|howitzers?|guns)\s+(?:\w+\s+)?(?:hit|hits|struck|strikes?)|"
        r"pound(?:ed|ing)|pummel\w*|pounds(?=\s+(?-i:[A-Z]))",
    ),
    (
        "struck",
        # "strikes" alone is no event ("no information about strikes in X"); "strike" is one as
        # a verb on a name ("continue to strike Kherson"). A weapon or what carries it hits
        # ("bombs hit X", "aircraft dropped guided bombs on X").
        r"struck|(?:air\s*)?strikes?\s+(?:on|against|hit|near)|"
        # What strikes did, a place been hit: "strikes wounded two civilians in X", "strikes
        # destroyed several houses there", "X has been hit several times".
        r"strikes?\s+(?:\w+\s+)?(?:destroyed|damaged|wounded|killed|injured)|"
        r"(?:has|have|had)\s+been\s+(?:repeatedly\s+|again\s+)?hit\b(?!\s+by\b)|"
        r"(?:bombs?|missiles?|rockets?|drones?|aircraft|(?:war)?planes|jets|warheads?)\s+"
        r"(?:\w+\s+)?(?:hit|hits|strike|struck)|"
        r"strik(?:e|es|ing)(?=\s+(?:the\s+(?:\w+\s+)?(?:town|city|village)\b|(?-i:[A-Z])))|"
        r"(?:dropped|dropping|drops?|launched|fired|rained)\s+(?:[\w-]+\s+){0,3}?"
        r"(?:bombs?|missiles?|rockets?|munitions|drones)\s+(?:on|at|against)|"
        r"bomb(?:ed|ing)(?!\s+shelters?)|"
        r"hit\s+by\s+(?:\w+\s+){0,2}?(?:bombs?|missiles?|rockets?|drones?|(?:air\s*)?strikes?)|"
        r"удар\w*",
    ),
    # An attempt going on is an attack, not a change of hands: "the enemy is trying to storm
    # X", "keeps trying to break through at X", "Russia is trying to retake X" (the attempt
    # is the cue, no hypothetical; see frontline.news.extract.hypothetical).
    (
        "attacked",
        rf"{_ONGOING_ATTEMPT}(?:storm|retake|recapture|take|capture|seize|"
        r"break\s+through(?:\s+(?:at|to|near|in))?)",
    ),
    # "stepped up assaults on X", "under assault since March".
    (
        "attacked",
        r"attack\w*|counter-?attack\w*|assaults?\s+(?:on|against|near)|under\s+(?:\w+\s+)?assault|"
        r"атак\w*",
    ),
)

# A change named by a noun alone, the object of a side's word on it: "Ukraine's army did not
# confirm the loss", "Kyiv denied the fall". The place is the one named before (see
# frontline.news.extract._event_anaphors).
_ON_IT = (
    r"(?:(?<=\bconfirm\s)|(?<=\bconfirmed\s)|(?<=\bconfirms\s)|(?<=\bdenied\s)|"
    r"(?<=\bdenies\s)|(?<=\bdeny\s)|(?<=\brejected\s))"
)
EVENT_NOUN = rf"{_ON_IT}the\s+(?:loss|fall|capture)\b(?!\s+of\b)"

# A side's denial that answers the claim told just before it and names no place of its own
# (see frontline.news.extract._denials): ", a claim Ukraine denied", ", claims that Ukrainian
# officials rejected", ", which Kyiv did not confirm"; as a sentence of its own, "Ukrainian
# officials have not confirmed the losses", "Kyiv denied the claims", "Ukraine's military
# has not confirmed the loss of either village".
_DENYING = (
    r"(?:has\s+|have\s+|had\s+)?(?:denied|denies|deny|rejected|rejects|dismissed|dismisses|"
    r"disputed|disputes|refuted|refutes)|"
    r"(?:did|does|do|has|have|had|would)\s+not\s+(?:yet\s+)?confirm(?:ed)?|"
    r"(?:didn|doesn|don|hasn|haven|hadn|wouldn)['’]t\s+(?:yet\s+)?confirm(?:ed)?|"
    r"(?:declined|refused)\s+to\s+confirm"
)
_WHO = r"(?P<who>(?:the\s+)?[A-Z][^,.;:\"“”()]{1,60}?)"
_ANSWERED = (
    r"(?:(?:the|these|those|such|both|either|[A-Z][\w-]*['’]s)\s+(?:[\w'’-]+\s+){0,3}?"
    r"(?:loss(?:es)?|fall|capture|claims?|reports?|gains?|advances?)"
    r"(?:\s+of\s+(?:either|both|the|these|those|any|all)\b[^,.;:]*)?|it|this|that|them)"
)
DENIAL_AFTER = (
    r"(?:,|\s[-–—])\s+(?:(?:(?:an?|the)\s+claims?|claims)(?:\s+(?:that|which))?|which)\s+"
    rf"{_WHO}\s+(?:{_DENYING})(?=\s*(?:[,.;:]|$))|"
    # ", a claim denied by Ukraine's General Staff", ", but Kyiv denied it".
    r"(?:,|\s[-–—])\s+(?:(?:an?|the)\s+claims?|claims)\s+(?:(?:that|which)\s+(?:was|were)\s+)?"
    r"(?:denied|rejected|disputed|dismissed)\s+by\s+"
    r"(?P<by>(?:the\s+)?[A-Z][^,.;:\"“”()]{1,60}?)(?=\s*(?:[,.;:]|$))|"
    rf",\s+but\s+(?P<but>(?:the\s+)?[A-Z][^,.;:\"“”()]{{1,60}}?)\s+(?:{_DENYING})\s+"
    rf"{_ANSWERED}(?=\s*(?:[,.;:]|$))"
)
OWN_WORDS = r",\s+(?:saying|adding|insisting|arguing)\b"
DENIAL_SENTENCE = (
    rf"(?:But\s+|However,?\s+)?{_WHO}\s+(?:{_DENYING})\s+{_ANSWERED}(?=\s*(?:[,.;:]|$))"
)

CUES: tuple[Cue, ...] = (
    Cue("fell", EVENT_NOUN, "fell"),
    # Shelling, strikes, attacks, fighting near: an event, no status (EVENT_CUES).
    *(Cue(event, pattern, NO_STATUS) for event, pattern in EVENT_CUES),
    # Taken in part, or fought over: neither side holds it all ("Partially recaptured by
    # Ukraine", "Contested by Russia since 4 April").
    # Holding a part of it: "still in control of a small part of the city", "hold parts of".
    Cue(
        "fighting",
        r"(?:in\s+(?:\w+\s+)?control\s+of|control(?:s|led|ling)?|hold(?:s|ing)?|held|"
        r"occup(?:y|ies|ied|ying))\s+(?:only\s+|about\s+|around\s+|roughly\s+|nearly\s+|"
        r"almost\s+|over\s+|more\s+than\s+|less\s+than\s+)?(?:a\s+|some\s+|the\s+)?"
        r"(?:(?:\d+\s*(?:%|per\s?cent)|much|half|(?:\w+\s+)?(?:parts?|pockets?|sections?|"
        r"districts?|neighbou?rhoods?|outskirts|edges?)))\s+of",
        CONTESTED,
    ),
    Cue(
        "fighting",
        r"(?:partially|partly)\s+(?:recaptur\w*|captur\w*|liberat\w*|retaken|occupied|"
        r"controlled|encircled)|contested|contesting|"
        # Still clearing it: not all of it taken yet ("troops are still clearing X").
        r"(?:(?:is|are|was|were)\s+)?still\s+clearing|"
        # "the enemy had partial success near X": it gained ground there, fought over.
        r"partial\s+success(?:es)?|"
        # "The X direction has become one of the hottest": fought over.
        r"(?:direction|axis|sector)\s+(?:has\s+become|became|is|was|remains?)\s+(?:one\s+of\s+)?"
        r"the\s+(?:hottest|most\s+(?:intense|active|difficult|heated))",
        CONTESTED,
    ),
    Cue(
        "recaptured",
        r"recaptur\w*|retook|retaken|retake|retaking|took\s+back|taken\s+back|"
        r"regain\w*(?:\s+control)?|won\s+back|повернули",
        "actor",
    ),
    Cue("liberated", r"liberat\w*|freed|de-occupied|звільн\w*|освобод\w*", "actor"),
    # "gained a foothold in Krynky": in, not holding all of it.
    Cue(
        "entered",
        r"(?:gain\w*|establish\w*|secur\w*|won|got|get|gets|carv\w*\s+out|hold\w*|held|"
        r"set\s+up|seiz\w*)\s+(?:an?\s+)?(?:\w+\s+)?(?:foothold|bridgeheads?)",
        CONTESTED,
    ),
    # Entry: Ukraine's troops entering a place retake it; the invader's entering one fights
    # for it ("Russian troops entered X", "had broken into X"): status "entry".
    Cue(
        "entered",
        r"entered|entering|enter|re-?enter(?:ed|ing|s)?|moved\s+into|marched\s+into|"
        r"broke\s+into|broken\s+into|breaking\s+into|"
        r"(?:pushed|advanced|stormed|rolled|swept)\s+into|"
        r"(?:fought|pushed|forced|made)\s+(?:their|its|his|our)\s+way\s+into",
        "entry",
    ),
    # A flag raised, a return: who did it holds the place.
    Cue(
        "entered",
        r"returned\s+to|"
        r"(?:ukrainian|russian)\s+flags?\s+(?:\w+\s+){0,2}?(?:raised|hoisted|flying|flies|flew)|"
        r"hoist(?:ed|ing)\s+(?:the|a|their)\s+(?:\w+\s+)?flag|"
        r"flag\s+of\s+(?:ukraine|russia)\s+(?:is|was|has\s+been)\s+(?:back|raised|hoisted|flying)|"
        r"rais(?:ed|ing)\s+(?:the|a|"
        r"their)\s+(?:\w+\s+){0,3}?flag|увійшл\w*|зайшл\w*",
        "actor",
    ),
    # "occupied" alone after a preposition ("in occupied Melitopol", Ukraine's "temporarily
    # occupied") is Russia's hold, not a verb with an actor ("troops occupied X"): tried
    # before the verb.
    Cue(
        "held",
        r"(?:(?<=\bin\s)|(?<=\bof\s)|(?<=\bfrom\s)|(?<=\bnear\s)|(?<=\bto\s)|"
        r"(?<=\bthe\s)|(?<=\btemporarily\s))occupied(?=\s+(?:(?:town|city|village)\s+of\s+)?(?-i:[A-Z]))",
        RUSSIAN,
    ),
    Cue(
        "captured",
        r"captur\w*|seiz\w*|took\s+(?:full\s+)?control|taken\s+control|"
        r"claim\w*\s+(?:full\s+|complete\s+)?control\s+(?:of|over)|"
        r"(?:established|gained|assumed|establish(?:ed|ing)?)\s+(?:full\s+|complete\s+)?"
        r"control\s+(?:of|over)|secured(?=\s+(?:the\s+(?:town|city|village)\s+of\s+)?(?-i:[A-Z]))|"
        r"(?<!-)occupied|occupying|overran|took\s+over|захопил\w*|окупува\w*|"
        r"(?:took|taking|taken)(?!\s+(?:back|part|place|prisoners?|aim|shelter|cover|refuge|steps|"
        r"measures|time|(?:\w+\s+)?(?:hours?|days?|weeks?|months?|years?)|to|off|note|a\s+toll|its\s+toll|"
        r"a\s+heavy\s+toll|advantage|care|hold\s+of\s+the)\b)|cleared|clearing",
        "actor",
    ),
    Cue(
        "withdrew",
        r"(?:was|were|been|being|is|are)\s+(?:\w+\s+)?(?:forced|pushed|driven|routed|"
        r"dislodged|expelled|ousted|kicked)\s+(?:out|back\s+from|from)",
        "passive",
    ),
    Cue(
        "withdrew",
        r"(?:forced|pushed|drove|driven|kicked)\s+(?:[\w'’-]+\s+){1,3}?(?:out\s+of|back\s+from)",
        "object",
    ),
    Cue(
        "withdrew",
        r"routed|dislodg\w*|drove\s+out|driven\s+out|pushed\s+out|expelled|"
        r"forced\s+out|ousted|вибил\w*|витіснил\w*",
        "actor",
    ),
    # "There are no Russian troops left in X": the side named is gone, the other holds X.
    Cue(
        "withdrew",
        r"no\s+(?:more\s+)?(?:ukrainian|russian)\s+(?:troops|forces|soldiers|units)\s+"
        r"(?:left|remain\w*)\s+in",
        "other",
    ),
    Cue(
        "withdrew",
        r"withdr[ae]w\w*|withdrawn|withdrawal|retreat\w*|f[ae]ll(?:en|s|ing)?\s+back|"
        r"pull(?:ed|ing|s)?\s+(?:[\w'’]+\s+){0,2}?(?:out|back)|regroup\w*\s+from|"
        r"left(?!\s+(?:bank|flank|wing|without|with|in|dead|behind))|"
        r"(?:leaving|leaves?)(?!\s+[^.;]{0,80}?\bwithout\b)|"
        r"fled|abandon\w*|відступил\w*|відійшл\w*|залишил\w*",
        "other",
    ),
    # "had been lost", "Ukraine's loss of": the side that lost it is the actor's; with no side
    # named, a loss is a fall ("Bakhmut had been lost", "the loss of Avdiivka").
    Cue("withdrew", r"(?:had|has|have|was|were|been|being)\s+lost|loss\s+of", "lost"),
    # "lost control of", "Russia lost Kherson": the side that lost it is the actor's.
    Cue(
        "withdrew",
        r"lost(?=\s+(?-i:[A-Z]))|"
        r"(?:lost|losing)\s+(?:control\s+(?:of|over)|the\s+(?:town|city|village))",
        "other",
    ),
    Cue("fell", r"fell|fallen|falls|fall\s+of|(?<=['’]s\s)fall", "fell"),
    # A siege that ended: the one who ends it holds the place ("Ukrainian forces lifted the
    # siege of X"); one told over with no one ending it, the side the clause names before it
    # ("Ukrainian officials said the siege of X was over"), unless the besieger is named.
    Cue("held", r"(?:lift\w*|broke|broken|break\w*|end(?:s|ed|ing)?)\s+the\s+siege\s+of", "actor"),
    Cue(
        "held",
        r"(?:(?:russian|russia['’]s|ukrainian|ukraine['’]s)\s+)?siege\s+of(?=\s+(?-i:[A-Z])[\w'’-]+"
        r"(?:\s+(?-i:[A-Z])[\w'’-]+)?\s+(?:was|is|had\s+been|has\s+been)\s+(?:\w+\s+)?"
        r"(?:over|lifted|broken|ended)\b)",
        "object",
    ),
    # Closing on a place, told as going on: "were trying to advance on X", "the enemy is
    # trying to encircle the town", "trying to break into the city": fought over.
    Cue(
        "fighting",
        rf"{_ONGOING_ATTEMPT}(?:advance\s+(?:on|towards?)|encircle|"
        r"cut\s+(?:off\s+)?(?:the\s+)?(?:\w+\s+)?(?:roads?|supply\s+lines?|routes?)"
        r"(?:\s+(?:into|to|from))?)",
        CONTESTED,
    ),
    Cue(
        "encircled",
        r"encircl\w*|surround\w*|cut\s+off|besieg\w*|under\s+siege|оточен\w*|оточил\w*",
        CONTESTED,
    ),
    Cue(
        "fighting",
        r"fighting|fight|fights|battl\w*|clash\w*|assault\w*|storm\w*|"
        # "advancing in X" is fought over; "its fastest advance in the region" only tells of it.
        r"(?:very\s+)?difficult|fierce|heavy\s+combat|combat|"
        r"advanc\w*\s+(?:(?-i:[a-z]\w*)\s+)?(?:on|towards?)|"
        r"(?:advanc(?:ed|ing)|(?<=to\s)advance)\s+(?:(?-i:[a-z]\w*)\s+)?(?:in|inside|within)|"
        r"offensive\s+(?:on|towards?)|(?:broken|broke|break\w*)\s+through\s+(?:towards?|to)|"
        # Closing in: "pressing toward X", "inching closer to X", "closed in on X".
        r"(?:press(?:ed|es|ing)?|push(?:ed|es|ing)?|inch(?:ed|es|ing)?|edg(?:ed|es|ing)|creep\w*|"
        r"crept)\s+(?:(?-i:[a-z]\w*)\s+)?(?:towards?|closer\s+to)|"
        r"clos(?:e|ed|es|ing)\s+in(?:\s+on)?|бо[їя]\w*|"
        r"reach(?:ed|ing|es)?\s+the\s+(?:outskirts|centre|center|edge|heart)\s+of|"
        r"штурм\w*",
        CONTESTED,
    ),
    Cue(
        "held",
        r"controlled\s+by|under\s+(?:\w+\s+)?control|in\s+\w+\s+hands|held\s+by|"
        r"holds?|holding|remains?\s+in|"
        # "held" of a hold that goes on ("still held X", "held positions in X", "held on"), not
        # "talks held in Kyiv" nor a past long over ("forces who held Horlivka for years").
        r"(?<=still\s)(?:held|controlled)|"
        r"held(?=\s+(?:on\b|onto\b|out\b|firm\b|(?:\w+\s+)?positions?\b))|"
        # "they controlled the town": not the side's adjective "Ukrainian-controlled".
        r"(?<!-)controlled(?=\s+(?:the\s+(?:[\w-]+\s+)?(?:town|city|village)\b|(?-i:[A-Z])))|"
        # Most of a place is that side's: "Russian troops controlled most of X".
        r"(?:control(?:s|led|ling)?|hold(?:s|ing)?|held)\s+most\s+of|"
        r"(?:is|are|was|were)\s+still\s+in(?=\s+(?-i:[A-Z]))|"
        r"in\s+(?:full\s+|complete\s+)?control\s+of|"
        r"(?:keep|keeps|kept|keeping|maintain\w*|retain\w*)\s+(?:full\s+|firm\s+)?"
        r"control\s+(?:of|over)|"
        r"(?:has|have|had)\s+(?:\w+\s+)?controlled(?!\s+by)|"
        # A hold that goes on to this day: "a town Ukrainian forces have held since 2014",
        # "have held it throughout the invasion" (not "have held talks for hours").
        r"(?:has|have)\s+(?:\w+\s+)?held(?=\s+(?:(?:it|them|the\s+[\w-]+|"
        r"(?-i:[A-Z])[\w'’-]+(?:\s+(?-i:[A-Z])[\w'’-]+)?)\s+)?"
        r"(?:since|throughout|ever\s+since)\b)|"
        r"control(?:s|ling)?(?!\s+(?:of|over)\b)|контролю\w*",
        "actor",
    ),
    # A side's adjective before a name: "Russian-occupied Horlivka", "Kremlin-controlled
    # Donetsk".
    Cue("held", r"(?:ukrainian|ukraine|kyiv)-(?:controlled|held)", UKRAINIAN),
    Cue("held", r"(?:russian|russia|moscow|kremlin)-(?:occupied|controlled|held|annexed)", RUSSIAN),
)

# Certainty cues. A report's own word that a claim could not be checked holds for the whole
# sentence; of the others, the one nearest the control cue counts ("Russia claimed ..., which
# Ukrainian officials denied": the claim is Russia's).
# "Has not been confirmed" is the report's doubt; "Ukraine has not confirmed" a side's refusal
# to confirm, which is its denial (REFUSAL).
UNVERIFIED = re.compile(
    r"\bno\s+(?:official\s+|independent\s+)?confirmation\b|"
    r"\bnot\s+been\s+(?:independently\s+)?(?:confirmed|verified)\b|"
    r"\bnot\s+independently\s+(?:confirmed|verified)\b|"
    r"(?<!\bdid\s)(?<!\bdoes\s)(?<!\bdo\s)(?<!\bhas\s)(?<!\bhad\s)(?<!\bhave\s)(?<!\bwould\s)"
    r"\bnot\s+(?:confirmed|verified)\b|"
    r"\bcould\s+not\s+(?:be\s+)?(?:independently\s+)?(?:confirm|verif)\w*|"
    r"\bunconfirmed\b|\bunverified\b|\bno\s+(?:sign|signs|evidence|indication)\s+(?:that|of)\b",
    re.IGNORECASE,
)
REFUSAL = (
    r"\b(?:did|does|do|has|have|had|would)\s+not\s+confirm(?:ed)?\b|"
    r"\b(?:didn|doesn|don|hasn|haven|hadn|wouldn)['’]t\s+confirm(?:ed)?\b|"
    r"\b(?:declined|refused)\s+to\s+confirm\b"
)
CERTAINTY = (
    (
        "denied",
        r"\bden(?:ied|ies|y|ying)\b|\brejected\s+(?:the\s+)?(?:claims?|reports?)\b|"
        r"\bdismissed\s+(?:the\s+)?(?:claims?|reports?)\b|\bfalse\b|спростува\w*",
    ),
    (
        "unconfirmed",
        r"\bappear(?:ed|s)?\s+to\b|\breportedly\b|"
        r"\binitial\s+reports?\b|\breports?\s+suggest\w*|\bseem(?:ed|s)?\s+to\b|"
        r"\bsuggest\w*\b|\brumou?rs?\b|\bimages\b|\bvideos?\s+(?:posted|shared)\b",
    ),
    ("confirmed", r"(?<!not\s)(?<!n['’]t\s)\bconfirm(?:ed|s)\b|\bofficially\b|\bпідтверд\w*"),
    (
        "claimed",
        r"\bsaid\b|\bsays\b|\bclaim(?:ed|s)?\b|(?<!\bto )\bannounc\w*|"
        r"\baccording\s+to\b|\binsist\w*|\bstated?\b|\bstatement\b|\breported\b|"
        r"\btold\b|\bcalled\b|\badded\b|\bwrote\b|\bposted\b|\bзаяви\w*|"
        r"\backnowledged\b|\badmitted\b|\bconceded\b|"
        r"\bповідоми\w*",
    ),
)
NEGATION = re.compile(
    r"\b(?:not|never|no\s+longer|n['’]t|didn['’]t|hadn['’]t|haven['’]t|"
    r"hasn['’]t)\s+(?:\w+\s+){0,2}$",
    re.IGNORECASE,
)

# A cue in a hypothetical, the future or an attempt states no control ("X's capture would be
# a milestone", "will likely be forced to retreat", "trying to encircle"). "May" the month is
# capitalised; "may" the verb is not.
HYPOTHETICAL = re.compile(
    r"\b(?:would|could|might|will|shall|if|unless|whether|"
    r"(?:likely|expected|set|poised|aiming|planning|trying|seeking|attempt(?:s|ed|ing)?|"
    r"threatening|bids|efforts?|"
    r"going|aims?|plans?|intend(?:s|ed|ing)?|tried|sought|seeks?|bid|preparing|prepared|ready|"
    r"about|hop(?:e|es|ed|ing)|unlikely|"
    r"vow(?:s|ed)?|pledg(?:e|es|ed)|promis(?:e|es|ed)|wants?|wanted|struggl(?:e|es|ed|ing)|"
    r"unable|fail(?:s|ed|ing)?|yet)\s+to)\b|"
    # Not there yet: "close to capturing", "on the verge of taking", "at risk of encirclement";
    # what one side wants another to do: "wants Ukraine to withdraw".
    r"\b(?:close|closer|near|nearer)\s+to\s+(?=\w+ing\b)|\bon\s+the\s+(?:verge|brink|cusp)\s+of\b|"
    r"\b(?:at\s+risk|in\s+danger)\s+of\b|\b(?:almost|nearly)\s+(?=[a-z]+ed\b|cut\s+off\b)|"
    r"\b(?:wants?|wanted|urg(?:es|ed)|demand(?:s|ed)|call(?:s|ed)\s+on)\s+(?:[\w'’]+\s+){1,3}?to\b|"
    # What a place served for: "a base for their advance on X", "a staging ground for assaults".
    r"\b(?:base|springboard|staging\s+(?:ground|area|post)|launch(?:ing)?\s*pad)\s+for\s+"
    r"(?:(?:the|their|its|an?)\s+)?(?:[\w-]+\s+)?(?:advances?|offensives?|attacks?|assaults?|"
    r"push|drive|operations?)\b|"
    r"(?-i:\bmay\b)",
    re.IGNORECASE,
)

# Who says so: the subject of a reporting verb, or what follows "according to".
REPORTING = re.compile(
    r"\b(?:said|says|(?<!to\s)(?<!not\s)(?<!n.t\s)say|claimed|claims|announced|announces|insisted|stated|"
    r"reported|told|called|added|wrote|posted|confirmed|denied|"
    r"published|acknowledged|admitted|conceded|(?<=to\s)acknowledge)\b"
    rf"|{REFUSAL}"
)
# An order a side gives and makes known: who gives it says what it orders.
ORDER = re.compile(r"\b(?:ordered|orders|decreed)\b")
SUBJECT_STOP = re.compile(
    r"(?<!\S)(?:and|that|but|while|as|which|who|when|where|whereas|after|before|since|"
    r"until|once|if|because|though|although)\s+|[;:\"“”]|,\s+(?=[a-z])",
    re.IGNORECASE,
)
AFTER_QUOTE = re.compile(
    r"[,.!?][\"”’]\s+(?:said|says|according\s+to)\s+"
    r"((?:[A-Z][\w'’-]+\s*){1,4})"
)
ACCORDING_TO = re.compile(
    r"\baccording\s+to\s+([^,.;]{3,80})"
    # Whose claim a clause is: "Kyiv rejected Moscow's claim that Russian forces had ...".
    r"|\b((?-i:[A-Z])[\w'’-]*(?:\s+(?:(?-i:[A-Z])[\w'’-]*|defen[cs]e|ministry|military|army|"
    r"general|staff)){0,3}?)['’]s\s+(?:claims?|assertion|statement|report)\s+that\b",
    re.IGNORECASE,
)
# A speaker of neither side, whom a capital's dateline does not make its own.
FOREIGN = re.compile(
    r"\b(?:western|american|u\.s\.|us|nato|european|eu|british|german|french|polish|"
    r"foreign|allied|diplomatic|un)\b",
    re.IGNORECASE,
)
# A dateline of a side's capital: who "the military" is when no body is named before it.
# The capital in capitals, or as a name before its country or the outlet ("Kyiv, Ukraine (CNN)").
_DATELINE_TAIL = r"(?=,\s+(?:Ukraine|Russia)\b|\s+\()"
DATELINE_SIDE = re.compile(
    rf"\s*(?:(?P<ukrainian>KYIV|KIEV|(?:Kyiv|Kiev){_DATELINE_TAIL})"
    rf"|(?P<russian>MOSCOW|Moscow{_DATELINE_TAIL}))\b(?!\s*/)"
)
# Words before a subject: "But", "Meanwhile", and a day ("On Sunday it claimed", "On March 28
# the mayor said").
_WEEKDAY = r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
LEADING_FILLER = re.compile(
    r"^(?:(?:but|and|meanwhile|however|also|so|yet)\b,?\s*"
    rf"|(?:(?:late|early)\s+)?on\s+(?:{_WEEKDAY}|(?-i:[A-Z])[a-z]{{2,8}}\.?\s+\d{{1,2}})\b,?\s*"
    rf"|{_WEEKDAY}\b,?\s+)+",
    re.IGNORECASE,
)

# "the town" / "the city" with no name: the last town or city named before ("the logistics
# hub": the last town or city).
# An adjective may stand between ("the salt-mining town", "the ruined city"), a name may not
# follow ("the town of Lyman").
ANAPHOR = re.compile(
    r"\b[Tt]he\s+(?:[a-z][\w-]*\s+)?(?:town|city|village|settlement|hub)\b(?!\s+of\s+[A-Z])"
)

LIST_GAP = re.compile(
    r"\s*(?:,|and|or|,\s*and|,\s*or|,\s*(?:including|among\s+them|such\s+as))\s*",
    re.IGNORECASE,
)
# Where forces were headed is not what they took: "on the way to X, including A and B".
# Nor is where a retreat went ("fled towards Svatove"), nor the town that only locates the
# places a cue is about ("villages near Bakhmut, including Klishchiivka").
GOAL_BEFORE = re.compile(
    r"\b(?:on\s+the\s+(?:way|road)\s+to|en\s+route\s+to|in\s+the\s+direction\s+of)\s+$"
    r"|\b(?:fled|retreat\w*|withdr[ae]w\w*|pull\w*\s+back|fell\s+back)\s+(?:\w+\s+){0,2}?"
    r"(?:towards?|in\s+the\s+direction\s+of)\s+$"
    r"|\b(?:road|way|route|highway)\s+(?:\w+\s+){0,2}?(?:from|to|towards?)\s+$"
    r"|\b(?:villages?|settlements?|towns?|localit(?:y|ies)|hamlets?)\s+(?:near|around|outside|"
    r"close\s+to|on\s+the\s+(?:outskirts|edge)\s+of|"
    r"(?:south|north|east|west)(?:-?(?:east|west))?\s+of)\s+$"
    # A place that only says where another is: "Pervomaiske, west of Donetsk", "a village
    # 10 km from Bakhmut", "within 5 km of Pokrovsk", "X, south of the logistics hub of Y".
    r"|,\s+(?:just\s+|some\s+|about\s+)?(?:\w+\s+)?(?:south|north|east|west)(?:-?(?:east|west))?"
    r"\s+of\s+(?:the\s+(?:[\w-]+\s+){0,2}?(?:hub|town|city|port|centre|center)\s+of\s+)?$"
    # "the town of Marinka on the outskirts of Donetsk": the city only locates the town.
    r"|(?-i:[a-z,]\s+[A-Z][\w'’-]+),?\s+(?:on\s+the\s+(?:outskirts|edge)\s+of|just\s+outside|outside)\s+$"
    r"|\b\d+\s*(?:km|kilometres|kilometers|miles)\s+(?:\(\d+\s+miles\)\s+)?"
    r"(?:(?:south|north|east|west)(?:-?(?:east|west))?\s+)?(?:of|from)\s+$",
    re.IGNORECASE,
)

# A part of a place, named before it ("the Novyi microdistrict of", "a district on the eastern
# edge of", "positions in the western part of", "positions in") or after it ("X's outskirts").
# "The rest of" is most of it, "the centre of" where a flag goes up, "the area around" all of it.
_PARTS = (
    r"(?:micro-?)?districts?|neighbou?rhoods?|quarters?|outskirts|edges?|parts?|sections?|"
    r"pockets?|corners?|blocks?|streets|positions?"
)
PART_BEFORE = re.compile(
    rf"\b(?:{_PARTS})[\"”’]?\s+(?:of|in|on|inside|within)\s+(?:the\s+)?$"
    r"|\bin\s+the\s+(?:north|south|east|west|north-?east|north-?west|south-?east|south-?west)"
    r"\s+of\s+$"
    # Not quite all: "pulled back from almost all of the region".
    r"|\b(?:almost|nearly)\s+all\s+of\s+(?:the\s+)?$",
    re.IGNORECASE,
)
PART_AFTER = re.compile(rf"['’]s?\s+(?:[\w-]+\s+){{0,2}}?(?:{_PARTS})\b", re.IGNORECASE)

# The words that may stand between a place and the cue right after it ("Izium was finally
# liberated"), an apposition after a name ("X, a Russian-occupied hub,"), "by" whom a passive
# cue was done, "fell to" whom, the "or" of two alternatives, a name before an appositive,
# and the pronouns that are no claimant.
CUE_GAP = re.compile(
    r"\s*(?:(?:was|were|is|are|has|have|had|been|being|also|already|"
    r"now|reportedly|finally)\s+)*",
    re.IGNORECASE,
)
# Where a clause of its own begins inside a clause: a subordinating word before a subject
# ("since Ukraine retook", "after Russian forces cut", "where Wagner fighters claimed"), not
# before a date or a noun alone ("since October", "after heavy fighting"). Its cues, dates and
# sides are its own.
_MONTH_WORDS = (
    "January|February|March|April|May|June|July|August|September|October|November|December|"
    "Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec"
)
_CLAUSE_SUBJECT = (
    r"(?:it|they|he|she|we|its|their)\s|"
    r"(?:the|a|an)\s+(?:[\w'’-]+\s+){0,2}?(?:had|has|have|was|were|is|are)\s"
)
SUBORDINATE = re.compile(
    r",?\s+(?:(?:since|after|before|until|when|because|once|where|while|although|though)\s+"
    rf"(?=(?!(?:{_MONTH_WORDS})\b)[A-Z]|{_CLAUSE_SUBJECT})"
    # "as" only before a side or a pronoun: "known in Soviet times as Artemivsk" is a name.
    rf"|as\s+(?=(?:Ukrainian|Russian|Ukraine|Russia)\b|{_CLAUSE_SUBJECT})"
    # A change named as a time: "trying to seize it since the fall of Bakhmut" (the fall is
    # past, whatever the clause tries).
    r"|(?:since|after|following|before|until)\s+(?=the\s+(?:fall|capture|liberation|loss|"
    r"seizure|recapture|surrender)\s+of\b)"
    # A change told in a participle about the place named before: "kept up the pressure after
    # capturing the town" (the town is its own; the clause's places are not its objects).
    r"|(?:since|after|before)\s+(?=(?:captur|tak|seiz|retak|recaptur|liberat|enter)ing\s+"
    r"the\s+(?:town|city|village)\b))"
)
# Of those clauses, the ones that tell another event than the clause they are in ("remains in
# Russian hands since Wagner took the city in May", "where Wagner claimed the town"); "after"
# and "as" tell the same change twice ("entered Kherson after Russia left the city").
# The report's own background after what a speaker says: "the ministry said, as Russian forces
# press toward Chasiv Yar", "Ukraine says it took X, as its counteroffensive grinds forward".
BACKGROUND = re.compile(rf",\s+as\s+(?=[A-Z]|{_CLAUSE_SUBJECT})")
# A clause joined after the report's own, with a speaker of its own: "Russian missiles have
# struck the region repeatedly, and officials in Odesa said ..." (up to the verb).
JOINED_SPEAKER = re.compile(r",\s+(?:and|but)\s+[^,;\"“”]{2,60}?\s*$")
OTHER_EVENT = re.compile(
    r",?\s+(?:since|where|when|while|although|though)\b"
    # "keep up the pressure after capturing the town": a change of its own, in a participle.
    r"|,?\s+(?:after|before)\s+(?=(?:captur|tak|seiz|retak|recaptur|liberat|enter)ing\s)"
)
APPOSITION = re.compile(r",\s+(?:an?|the)\s+(?:\w+\s+)?")
PASSIVE_BY = re.compile(r"\s+(?:\w+\s+){0,2}?by\s+(?:the\s+)?")
BY = re.compile(r"\bby\s+(?:the\s+)?")
FELL_TO = re.compile(r"\s+(?:back\s+)?to\s+")
ALTERNATIVE = re.compile(r"\bor\b")
NAME = re.compile(r"\s*((?:[A-Z][\w'’-]+\s?){1,3})")
PRONOUNS = frozenset(("it", "they", "he", "she", "we", "i", "there"))

# Quoted speech: '"...," the official said', '"...," said X', 'X told Reuters: "..."'.
_SPEECH_VERBS = (
    r"said|says|told|wrote|added|posted|stated|claimed|insisted|"
    r"announced|explained|declared"
)
# A name after the verb may have its office after it: '," said Ivan Tymochko, a spokesman'.
SPEAKER_AFTER = re.compile(
    r"\s*(?:(?:said|says|added|wrote)\s+(?P<after>(?:[A-Z][\w'’-]+\s?){1,4}|(?:an?|the)\s+"
    r"[^\"“”.;,]{2,60}?)(?P<office>,\s+(?:an?|the)\s+[^\"“”.;,]{2,60}?)?"
    r"(?=[,.;]|\s+(?:in|on|at|during|after|while|when|as)\b|$)"
    rf"|(?P<subject>[^\"“”.;]{{2,90}}?)\s+(?:{_SPEECH_VERBS})\b)"
)
# Where a speaker's appositive too long to keep whole is cut: "Vladimir Rogov, a member of the
# Russian-installed administration | in the occupied part of the region".
APPOSITIVE_LINKS = frozenset(
    ["in", "of", "at", "for", "on", "from", "with", "near", "over", "across", "inside", "outside"]
)
# A relative clause right after a speaker's common noun: "a company commander who goes by the
# call sign Zhuk", "a soldier who asked not to be named".
SPEAKER_RELATIVE = re.compile(r"^(?P<noun>(?:an?|the)\s+[^,]{2,60}?)\s+(?:who|whose)\s+\S.*$")
SPEAKER_BEFORE = re.compile(rf"(?P<subject>[^\"“”.;]{{2,90}}?)\s+(?:{_SPEECH_VERBS})\s*[:,]\s*$")
FIRST_PERSON = re.compile(r"\b(?:[Ww]e|[Oo]urs?|us)\b")
ENEMY = re.compile(r"\benem(?:y|ies)\b", re.IGNORECASE)
# People reports name alone, by side; others are named with their office or their side.
PEOPLE_SIDES = {
    **dict.fromkeys(
        [
            "Zelensky",
            "Zelenskiy",
            "Zelenskyy",
            "Syrskyi",
            "Zaluzhnyi",
            "Maliar",
            "Haidai",
            "Budanov",
            "Reznikov",
            "Umerov",
            "Kuleba",
            "Yermak",
            "Sybiha",
            "Podolyak",
            "Podoliak",
            "Lubinets",
            "Syniehubov",
            "Prokudin",
            "Lysak",
            "Starukh",
            "Filashkin",
            "Tarnavskyi",
            "Cherevatyi",
            "Voloshyn",
            "Shtupun",
            "Humeniuk",
            "Pletenchuk",
            "Dmytrashkivskyi",
            "Trehubov",
            "Hnatov",
            "Kyper",
        ],
        UKRAINIAN,
    ),
    **dict.fromkeys(
        [
            "Putin",
            "Shoigu",
            "Prigozhin",
            "Gerasimov",
            "Pushilin",
            "Kadyrov",
            "Peskov",
            "Lavrov",
            "Medvedev",
            "Surovikin",
            "Stremousov",
            "Balitsky",
            "Belousov",
            "Konashenkov",
            "Saldo",
            "Pasechnik",
            "Gladkov",
            "Zakharova",
            "Rogov",
            "Kimakovsky",
            "Leontyev",
        ],
        RUSSIAN,
    ),
}
# A speaker who is someone named before: "he said", "the official said".
ANONYMOUS_SPEAKER = re.compile(
    r"(?:he|she|they|(?:the|an?|its|his|her|their)\s+(?:\w+\s+)?(?:official|spokesman|"
    r"spokeswoman|spokesperson|commander|officer|source|minister|ministry|governor|statement|"
    r"military|army|navy|command|authorities|office))",
    re.IGNORECASE,
)
_BODY = r"(?:ministry|military|army|navy|command|general\s+staff|authorities|government|office)"
# A body of a side named at a sentence's start, whatever it does: "Russia's defence ministry
# did not comment", "The defence ministry in Moscow", "Ukraine's army did not confirm".
NAMED_BODY = re.compile(
    r"(?:(?:On|By|Late|Early)\s+[\w,]+\s+)?"
    rf"((?:the\s+)?(?:[\w'’-]+\s+){{0,3}}?{_BODY}(?:\s+(?:of\s+defen[cs]e|in\s+[A-Z]\w+))?)\b",
    re.IGNORECASE,
)
# A speaker that is a body named before: "the ministry", "the military", "it"; "his office"
# is the office of the person named before.
UNNAMED_BODY = re.compile(rf"(?:it|(?:(?:the|his|her|their)\s+)?(?:\w+\s+)?{_BODY})", re.IGNORECASE)


# --- place names: words that are no place, people, offices, rivers, lists ---------------------


# Capitalised words that are never a place on their own, though some are spelled like one
# (Bar, Ray and Or are villages; "Ukrainian" is one edit from nothing, but two from
# Ukrainka, and must never be drawn towards it). Nor are they part of a person's name: in
# "See Battle of Sviatohirsk Captured by ..." no word makes Sviatohirsk a surname.
def word_set(block: str) -> frozenset[str]:
    return frozenset(block.split())


STOP_WORDS = word_set("""
a an the and or but if of to in on at by for from with without into onto over under after
before since until during about against between through across near off up down out as
is was were be been being are has have had do does did will would shall should can could
may might must not no nor so than that this these those there here it its they them their
he she his her we our you your i me my who whom whose which what when where why how all any
both each few more most other some such only own same too very just also then once again
meanwhile however although though while because yet still already even now today tonight
yesterday tomorrow later earlier last next first second third new old
monday tuesday wednesday thursday friday saturday sunday
january february march april june july august september october november december
russia russian russians ukraine ukrainian ukrainians moscow kremlin kyivan belarus
belarusian europe european america american americans washington nato un eu us usa uk
britain british london paris berlin brussels germany german france french poland polish
western eastern northern southern central north south east west donbas donbass crimean
president minister ministry spokesman spokeswoman governor mayor general commander army
forces troops military official officials leader leaders separatist separatists rebel
rebels defence defense region regions oblast oblasts province district raion hromada
city town village river bridge airport street square station district council
regional administration municipal governorate
reuters afp ap bbc cnn tass ria interfax ukrinform telegram facebook twitter
see battle battles siege massacre attack offensive counteroffensive border base
captured recaptured liberated retaken occupied contested seized partially mostly claimed
україна україни україні україну україно росія росії росію москва москви москві кремль
""")

# People the reports name alone, some one edit from a village ("Putin" and Pulyny).
PEOPLE = frozenset(
    [
        "Putin",
        "Zelensky",
        "Zelenskiy",
        "Zelenskyy",
        "Shoigu",
        "Prigozhin",
        "Gerasimov",
        "Syrskyi",
        "Zaluzhnyi",
        "Pushilin",
        "Kadyrov",
        "Peskov",
        "Lavrov",
        "Medvedev",
        "Surovikin",
        "Biden",
        "Stoltenberg",
    ]
)

# Words before a capitalised name that make it a person's.
TITLES = word_set("""
president minister spokesman spokeswoman governor mayor general gen commander leader
official adviser advisor chief head mr mrs ms dr colonel col lieutenant lt major maj
captain capt sergeant sgt marshal premier pm envoy ambassador secretary chairman gov
""")

# Capitalised words of the name of a body, a unit or a facility named after a place (the
# "Donetsk People's Republic", the "Kharkiv Tractor Plant", the "Kupiansk Brigade"): with
# them a place's name is no part of a person's.
INSTITUTION_WORDS = word_set("""
republic people's people’s plant plants works factory station stations power thermal nuclear
hydroelectric refinery mine mines shipyard depot port dam reservoir railway railways airfield
brigade brigades regiment battalion division corps group directorate guard militia
university institute academy school lyceum hospital clinic museum theatre theater cathedral
church monastery stadium arena park zoo market hotel centre center
independent post
""")

# Nouns after a possessive that make the place a government ("Kyiv's troops").
GOVERNMENT_NOUNS = (
    r"troops|forces|army|armies|military|government|officials|leadership|authorities|regime|"
    r"soldiers|units|war|offensive|counter-offensive|counteroffensive|invasion|defen[cs]e|"
    r"defenders|navy|air force|artillery|command|commanders|generals|president|diplomats|"
    r"envoy|missiles|drones|strikes|allies|partners|negotiators|claims?|demands?|position"
)
# Verbs after a name that make it a government: a town does not insist or order.
GOVERNMENT_VERBS = (
    r"insisted|insists|said|says|claimed|claims|ordered|orders|denied|denies|announced|"
    r"announces|accused|accuses|warned|warns|demanded|demands|rejected|rejects|responded|"
    r"urged|urges|wants|wanted|vowed|vows|hopes|believes|argued|argues|threatened|refused|"
    r"welcomed|condemned|denounced|sent|sends|launched|launches|retaliated|agreed|agrees|signed|"
    r"recognised|recognized|annexed|mobilised|mobilized|has said|has denied|has claimed|"
    r"is sending|will send|has ordered|decided|decides|admitted|admits|conceded|concedes|"
    r"pulled|withdrew|did not confirm|has not confirmed|had not confirmed|declined to confirm|"
    r"refused to confirm|"
    # What a government does with its forces: "as Kyiv threw fresh brigades into ...".
    r"threw|throws|is throwing|has thrown|committed|commits|deployed|deploys|redeployed|"
    r"poured|pours|"
    # What a government hoped for: "than Kyiv had hoped", "as Moscow expected".
    r"hoped|expected|intended|planned"
)
METONYMY_AFTER = re.compile(
    rf"(?:['’]s?\s+(?:own\s+|new\s+|regular\s+|elite\s+)?(?:{GOVERNMENT_NOUNS})\b"
    rf"|-(?:backed|led|controlled|appointed|installed|friendly|allied|based)\b"
    # After an auxiliary too: "the gains Kyiv has announced", "more slowly than Kyiv had hoped".
    rf"|\s+(?:(?:has|had|have)\s+(?:not\s+)?)?(?:{GOVERNMENT_VERBS})\b)",
    re.IGNORECASE,
)
# Between a place and the oblast that locates it: "Lyman in the Donetsk region",
# "Lyman, Donetsk region", "Lyman (Donetsk region)", "Balakliia, a town in the Kharkiv region".
_DIRECTION = r"(?:(?:south|north)(?:-?(?:east|west))?(?:ern)?|east(?:ern)?|west(?:ern)?)\s+"
LOCATOR_GAP = re.compile(
    r"^(?:\s+in\s+(?:the\s+)?|\s+of\s+the\s+|,\s*(?:in\s+)?(?:the\s+)?|"
    r"\s*\(\s*(?:the\s+)?|,\s+an?\s+(?:\w+\s+){0,2}?(?:town|city|village|"
    rf"settlement|hub|centre|center)\s+in\s+(?:the\s+)?)(?:{_DIRECTION})?$",
    re.IGNORECASE,
)
# A place in the apposition of the place before it, after a preposition that locates the
# latter by it: "Pisky, a village on the outskirts of the city of Donetsk", "Kozacha Lopan, a
# settlement a few kilometres from the border north of Kharkiv". Only a landmark.
PLACE_LOCATOR_GAP = re.compile(
    # A noun phrase, no clause of its own ("a town that Russia has tried to take since the
    # fall of Bakhmut" tells of Bakhmut).
    r",\s+(?:an?|the)\s+(?:(?!\b(?:that|which|who|where|when|since|after|before)\b)"
    r"[^,;.!?\"“”()]){0,80}?"
    rf"\b(?:{_DIRECTION}of|(?:outskirts|edge|edges)\s+of|near|outside|close\s+to)\s+"
    r"(?:the\s+(?:city|town|village)\s+of\s+)?",
    re.IGNORECASE,
)
# "the advance north of Kharkiv near the village of Lyptsi": the town after the direction is
# a landmark of the place after it.
COMPASS_BEFORE = re.compile(rf"\b{_DIRECTION}of\s+$", re.IGNORECASE)
COMPASS_LANDMARK_GAP = re.compile(
    r"\s+(?:near|at|around|outside)\s+(?:the\s+(?:village|town|city|settlement)\s+of\s+)?",
    re.IGNORECASE,
)
# An oblast after the places it holds, named by a common noun, only locates them: "several
# villages in the Kherson region".
LOCATOR_BEFORE = re.compile(
    r"\b(?:villages?|settlements?|towns?|cities|localities|positions|areas?)\s+"
    rf"(?:[^.;,\d]{{0,30}}?\d[^.;,]{{0,30}}?\s+)?(?:in|of|across)\s+(?:the\s+)?(?:{_DIRECTION})?$",
    re.IGNORECASE,
)
# Before a place that is where an office sits or what it governs, not where things happen:
# "the governor of", "officials in", "an official in the occupied part of the".
OFFICE_BEFORE = re.compile(
    r"\b(?:governor|head|administration|mayor|police|prosecutors?|council|authorities|"
    r"officials)\s+(?:of|for)\s+(?:the\s+)?$"
    r"|\b(?:ministry|government|officials?|authorities|general\s+staff|headquarters|"
    r"embassy)\s+in\s+(?:the\s+)?(?:(?:occupied|[\w-]+-(?:held|controlled))\s+)?"
    r"(?:parts?\s+of\s+(?:the\s+)?)?$",
    re.IGNORECASE,
)
# After a place that is an office's remit, a name before its title: "the Russia-installed
# Donetsk leader", "Kherson officials", "the Kharkiv regional governor", "the Sumy Regional
# Military Administration".
OFFICE_AFTER = re.compile(
    r"\s+(?:(?:regional|region|oblast|city|military|separatist|occupation)\s+){0,2}"
    r"(?:leader|governor|mayor|administration|authorities|officials?|council|police|"
    r"prosecutors?|head|chief)\b",
    re.IGNORECASE,
)
# Rivers that share a name with a settlement (Dnipro, Oskil, Inhulets...). "the Dnipro" or
# "the Oskil river" is the river, a line of the front and never a settlement; but "the" before
# another name is a town's ("the outskirts of the Lyman", "the Avdiivka sector").
RIVERS = word_set("""
dnipro dnieper oskil inhulets ingulets donets desna dniester dnister bug pivdennyi psel
vorskla sula kalmius vovcha zherebets krynka samara siversky siverskyi seversky bakhmutka
""")
RIVER_BEFORE = re.compile(r"\b(?:the|river)\s+$", re.IGNORECASE)
RIVER_AFTER = re.compile(r"\s+river\b", re.IGNORECASE)
# Seas and historical regions: "the Sea of Azov" is not Azov, "Sloboda Ukraine" not Sloboda.
NOT_A_SETTLEMENT_BEFORE = re.compile(r"\bsea\s+of\s+$", re.IGNORECASE)
# A campaign or a front named after a place ("the Kharkiv counteroffensive", "the Donetsk
# front") is not the place, nor a claim about it; neither is a republic named after it.
NOT_A_SETTLEMENT_AFTER = re.compile(
    # An outlet named after a city ("the Kyiv Independent", "the Kyiv Post") is no place either.
    r"\s+(?:Ukraine|Sea|PR\b|People['’]?s\s+Republic|counter-?offensive|front|Independent|Post)\b",
    re.IGNORECASE,
)

# "the Donetsk and Luhansk regions": two oblasts named by one noun. (These patterns are
# used with match(text, pos), which anchors at pos; "^" would not.)
# After an oblast's name, an office of the oblast: "Luhansk governor", "the Donetsk regional
# administration", "Kharkiv's governor" (a city has a mayor and a city administration; "the
# Kharkiv regional centre" is the city).
OBLAST_OFFICE_AFTER = re.compile(
    r"(?:['’]s)?\s+(?:regional(?!\s+(?:cent(?:re|er)|capital)\b)|governor(?:['’]s)?|"
    r"governorate|gov\.)",
    re.IGNORECASE,
)
SHARED_REGION = re.compile(
    r"((?:\s*,\s*[^\W\d_][\w'’-]*)*,?\s+and\s+[^\W\d_][\w'’-]*)"
    r"\s+(regions|oblasts|provinces)\b",
    re.IGNORECASE,
)

# A list of places ("A, B and C") and the oblast that closes it ("... in the Donetsk Oblast").
LIST_JOIN = re.compile(r",\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+", re.IGNORECASE)
LIST_CLOSE = re.compile(r",?\s+(?:in|of)\s+(?:the\s+)?|\s*\(\s*(?:the\s+)?", re.IGNORECASE)
# Two governments named together: "Kyiv and Moscow", "talks between Washington and Kyiv".
GOVERNMENTS_AFTER = re.compile(r"^\s+and\s+(?:Moscow|the Kremlin|Washington|Minsk)\b")
GOVERNMENTS_BEFORE = re.compile(r"\b(?:Moscow|Washington|Minsk)\s+and\s+$")

# The participles a subject-less sentence opens with, capitalised (after an adverb at most).
_PARTICIPLES = "captured recaptured retaken liberated occupied seized contested abandoned encircled"
_OPENERS = "partially partly fully mostly largely reportedly claimed later then again finally"
ELLIPTIC = re.compile(
    rf"(?:(?:{'|'.join(w.capitalize() for w in _OPENERS.split())})\s+"
    rf"(?:{'|'.join(_PARTICIPLES.split())})"
    rf"|(?:{'|'.join(w.capitalize() for w in _PARTICIPLES.split())}))"
    # "Staromaiorske, Donetsk region. Liberated.": the participle alone, as officials post it.
    r"\b(?=\s+(?:by|on|in|between|around|after|since)\b|[,.!]?[\"”]|[.!](?:\s|$))"
)

# Who a passive report names as saying so: "was confirmed by the General Staff".
PASSIVE_REPORT = re.compile(
    r"\b(?:was|were|been|being|is|are)\s+(?:\w+\s+)?(?:confirmed|reported|announced|claimed|"
    r"denied|stated)\s+by\s+([^,.;:\"“”]{3,60}?)(?=[,.;:\"“”]|\s+(?:on|in|at|after|as)\b|$)",
    re.IGNORECASE,
)

# Russia's regions whose governors reports quote (the border regions, mostly).
RUSSIAN_REGIONS = r"belgorod|kursk|bryansk|voronezh|rostov|krasnodar|oryol|tambov|lipetsk"

# A speaker whose side no side word names. "Ukraine said" and "Kyiv said" are Ukraine's
# government, as "Moscow
# said" is Russia's (a side word already); the General Staff, the Ground Forces and the
# brigades reports quote unnamed are Ukraine's (Russia's speak through its defence ministry,
# named as Russia's); TASS, RIA, Interfax and Zvezda are Russian media, Ukrinform, Suspilne
# and Interfax-Ukraine Ukrainian.
SPEAKER_SIDE = re.compile(
    r"(?P<ukrainian>\b(?:ukraine|kyiv|kiev|general\s+staff|ground\s+forces|armed\s+forces|"
    r"(?:\d+\w*\s+)?(?:separate\s+)?(?:[\w-]+\s+)?brigade|khortytsia|tavria|border\s+guards?|"
    r"ukrinform|ukrainska\s+pravda|suspilne|hromadske|interfax[\s-]+ukraine|"
    # A regional or city governor or mayor no side word names is Ukraine's (Russia's
    # appointees are "Russian-installed", a side word before): "the regional governor", "the
    # town's mayor", "Zaporizhzhia governor Yuriy Malashko", "the governor of the Luhansk region"
    # ("the governor" alone is someone named before).
    # Local officials and authorities no side word names are the place's own, Ukraine's.
    r"(?:regional|oblast|city|town|local|district)(?:['’]s)?\s+(?:military\s+)?"
    rf"(?:governor|mayor|administration|officials|authorities)|(?!(?:the|an?|{RUSSIAN_REGIONS})\s)"
    r"(?-i:[A-Z])[\w'’-]+\s+(?:governor|mayor)|"
    rf"(?:governor|mayor)\s+of\s+(?!(?:the\s+)?(?:{RUSSIAN_REGIONS})\b)|"
    # The office as a title before the name ("Governor Vitaliy Kim", "Mayor Ihor Terekhov"),
    # or of the town named before ("its mayor").
    r"(?-i:Governor|Mayor)\s+(?-i:[A-Z])\w*|its\s+(?:governor|mayor))\b)"
    r"|(?P<russian>\b(?:tass|ria(?:\s+novosti)?|zvezda|rossiya|izvestia|interfax|kommersant|"
    r"rybar|occupation|[\w-]+-installed|"
    # The governors of Russia's own regions, named before their office.
    rf"(?:{RUSSIAN_REGIONS})\s+(?:regional\s+|region['’]s\s+)?"
    r"(?:governor|mayor|officials|authorities)|"
    rf"(?:governor|mayor)\s+of\s+(?:the\s+)?(?:{RUSSIAN_REGIONS}))\b)",
    re.IGNORECASE,
)

LEXICON = Lexicon(
    language="en",
    side=SIDE,
    pronoun_side=PRONOUN_SIDE,
    # A cue may follow a digit with no space ("June 2022Recaptured", a scraped table's lost
    # line break), never a letter.
    cues=tuple(
        (cue, re.compile(rf"(?<![^\W\d])(?:{cue.pattern})\b", re.IGNORECASE)) for cue in CUES
    ),
    unverified=UNVERIFIED,
    certainty=tuple((name, re.compile(pattern, re.IGNORECASE)) for name, pattern in CERTAINTY),
    negation=NEGATION,
    hypothetical=HYPOTHETICAL,
    reporting=REPORTING,
    subject_stop=SUBJECT_STOP,
    after_quote=AFTER_QUOTE,
    according_to=ACCORDING_TO,
    leading_filler=LEADING_FILLER,
    anaphor=ANAPHOR,
    list_gap=LIST_GAP,
    goal_before=GOAL_BEFORE,
    cue_gap=CUE_GAP,
    apposition=APPOSITION,
    subordinate=SUBORDINATE,
    other_event=OTHER_EVENT,
    passive_by=PASSIVE_BY,
    by=BY,
    fell_to=FELL_TO,
    alternative=ALTERNATIVE,
    name=NAME,
    pronouns=PRONOUNS,
    speaker_after=SPEAKER_AFTER,
    speaker_before=SPEAKER_BEFORE,
    first_person=FIRST_PERSON,
    enemy=ENEMY,
    people_sides=PEOPLE_SIDES,
    anonymous_speaker=ANONYMOUS_SPEAKER,
    stop_words=STOP_WORDS,
    people=PEOPLE,
    titles=TITLES,
    institution_words=INSTITUTION_WORDS,
    metonymy_after=METONYMY_AFTER,
    locator_gap=LOCATOR_GAP,
    locator_before=LOCATOR_BEFORE,
    office_before=OFFICE_BEFORE,
    office_after=OFFICE_AFTER,
    rivers=RIVERS,
    river_before=RIVER_BEFORE,
    river_after=RIVER_AFTER,
    not_a_settlement_before=NOT_A_SETTLEMENT_BEFORE,
    not_a_settlement_after=NOT_A_SETTLEMENT_AFTER,
    shared_region=SHARED_REGION,
    oblast_office_after=OBLAST_OFFICE_AFTER,
    list_join=LIST_JOIN,
    list_close=LIST_CLOSE,
    governments_after=GOVERNMENTS_AFTER,
    governments_before=GOVERNMENTS_BEFORE,
    elliptic=ELLIPTIC,
    speaker_side=SPEAKER_SIDE,
    passive_report=PASSIVE_REPORT,
    named_body=NAMED_BODY,
    dateline_side=DATELINE_SIDE,
    unnamed_body=UNNAMED_BODY,
    part_before=PART_BEFORE,
    part_after=PART_AFTER,
    order=ORDER,
    refusal=re.compile(REFUSAL, re.IGNORECASE),
    foreign=FOREIGN,
    event_noun=re.compile(EVENT_NOUN, re.IGNORECASE),
    denial_after=re.compile(DENIAL_AFTER),
    denial_sentence=re.compile(DENIAL_SENTENCE),
    own_words=re.compile(OWN_WORDS, re.IGNORECASE),
    place_locator_gap=PLACE_LOCATOR_GAP,
    compass_before=COMPASS_BEFORE,
    compass_landmark_gap=COMPASS_LANDMARK_GAP,
    appositive_links=APPOSITIVE_LINKS,
    speaker_relative=SPEAKER_RELATIVE,
    background=BACKGROUND,
    joined_speaker=JOINED_SPEAKER,
)
