"""The words of a report that name an event stating no control: shelling, strikes, attacks,
fighting near a place, an attack repelled. Such a cue makes a claim with the event and no
status ("Russian forces were shelling Lysychansk" says nothing about who holds Lysychansk).

Each is (event, pattern), tried before the control cues of frontline.news.extract, so that
"fighting near" is not read as fighting in the place."""

from __future__ import annotations

EVENT_CUES: tuple[tuple[str, str], ...] = (
    (
        "repelled",
        # "repelled an attack on X": the attack is part of the cue, which is about X.
        r"(?:repel\w*|repuls\w*|beat\s+back|beaten\s+back|fought\s+off|thwart\w*)"
        r"(?:\s+(?:an?|the|their|its|several|two|three)\s+(?:[\w-]+\s+)?"
        r"(?:attacks?|assaults?|offensives?)(?:\s+(?:on|against|near))?)?|"
        r"відбил\w*|відбит\w*",
    ),
    (
        "fighting",
        r"(?:fighting|fights|battles?|clash\w*|combat)\s+"
        r"(?:(?:continued|continues|went\s+on|raged|was\s+reported|were\s+reported)\s+)?"
        r"(?:near|outside|close\s+to|"
        r"on\s+the\s+outskirts\s+of|in\s+the\s+vicinity\s+of)",
    ),
    (
        "shelled",
        r"shell\w*|bombard\w*|artillery\s+fire|under\s+fire|obstril\w*|обстріл\w*",
    ),
    (
        "struck",
        # "strikes" alone is no event ("no information about strikes in X").
        r"struck|(?:air\s*)?strikes?\s+(?:on|against|hit)|missiles?\s+hit|rockets?\s+hit|"
        r"drones?\s+hit|удар\w*",
    ),
    ("attacked", r"attack\w*|counter-?attack\w*|атак\w*"),
)
