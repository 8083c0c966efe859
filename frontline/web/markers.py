"""How a place looks on the map: a marker's and an oblast's style for its status and
certainty, the ring of a disputed place, the small mark of a place only events speak of, the
record's pale dots, and the tooltip's words on what stands behind the assessment."""

from __future__ import annotations

from collections.abc import Mapping

from frontline import vocab
from frontline.assessment import support_text
from frontline.events import NO_STATUS, status_label
from frontline.web.leaflet import map_text

OUTLINE_STYLE = {"color": "#555555", "weight": 1.2, "fill": False, "opacity": 0.9}
MARKER_OUTLINE = "#1a1a1a"
# A marker is at least 24 px across, a touch target of WCAG 2.2's minimum (2.5.8).
MARKER_RADIUS = 12
SELECTED_RADIUS = 15
# A place an imported data set speaks for is a diamond (a square on its point) of this many
# radii from its centre to each corner: as wide as a marker is, and as large a touch target.
DIAMOND_SCALE = 1.25


def tooltip_text(row: Mapping) -> str:
    note = assessment_note(row)
    return map_text(
        f"{row['name']} — {status_label(row['status'])} ({row['certainty']})"
        + (f" — {note}" if note else "")
    )


def assessment_note(row: Mapping) -> str:
    """What stands behind a place's assessment, in words: "3 sources, both sides; disputed
    with Russian-held". Empty for a row without the assessment's columns."""
    parts = []
    if row.get("sources"):
        sides = ["" if s == "neither" else s for s in str(row.get("sides", "")).split(",")]
        parts.append(support_text(int(row["sources"]), sides))
    if row.get("admission"):
        parts.append("an admission by the side that loses it")
    if row.get("disputed"):
        parts.append(f"disputed with {status_label(row['disputed_with'])}")
    if not row.get("status") and row.get("events"):
        events = int(row["events"])
        parts.append(f"{events} event{'' if events == 1 else 's'}, no status")
    return "; ".join(parts)


# A disputed place: a second, dotted black ring around its marker (no colour needed).
DISPUTED_GAP = 5  # pixels between the marker and its ring
DISPUTED_RING = {
    "color": MARKER_OUTLINE,
    "weight": 2,
    "dashArray": "2 3",
    "fill": False,
    "interactive": False,
}
DISPUTED_AREA_DASH = "12 4 2 4"  # a disputed oblast: dash-dot outline


# A place only events speak of (shelled, struck...): a pale mark with a dotted grey ring, no
# status colour; as large as a marker, as it is a touch target too.
EVENT_RADIUS = MARKER_RADIUS
# The statuses the canvas codes, with "" for such a place.
DRAWN_STATUSES = (*vocab.STATUSES, NO_STATUS)


def marker_style(status: str, certainty: str, *, selected: bool = False) -> dict:
    """Leaflet path options for a place: colour for the status, fill and dashes for the
    certainty (see vocab), a thicker ring when selected."""
    colour = vocab.STATUS_COLOURS.get(status, vocab.NO_CLAIM_COLOUR)
    filled = vocab.CERTAINTY_FILLED[certainty]
    if status == NO_STATUS:  # an event states no control: a thin grey ring, pale inside
        return {
            "color": vocab.NO_CLAIM_COLOUR,
            "weight": 3.5 if selected else 1.5,
            "dashArray": "2 3",
            "fillColor": vocab.HOLLOW_FILL,
            "fillOpacity": 0.6,
        }
    return {
        "color": MARKER_OUTLINE if filled else colour,
        "weight": (3.5 if selected else 2) + (0 if filled else 1),
        "dashArray": vocab.CERTAINTY_DASH[certainty],
        "fillColor": colour if filled else vocab.HOLLOW_FILL,
        "fillOpacity": 0.95 if filled else 0.85,
    }


def area_style(
    status: str, certainty: str, *, selected: bool = False, disputed: bool = False
) -> dict:
    """Path options for an oblast-level claim: a light wash, so towns inside stay legible."""
    colour = vocab.STATUS_COLOURS.get(status, vocab.NO_CLAIM_COLOUR)
    return {
        "color": colour,
        "weight": 4 if selected else 2.5,
        "dashArray": DISPUTED_AREA_DASH
        if disputed
        else "2 4"
        if status == NO_STATUS
        else vocab.CERTAINTY_DASH[certainty],
        "fillColor": colour,
        # An oblast only events speak of is outlined, hardly shaded: it holds no status.
        "fillOpacity": 0.03
        if status == NO_STATUS
        else 0.22
        if vocab.CERTAINTY_FILLED[certainty]
        else 0.08,
    }


def marker_radius(status: str, selected: bool) -> int:
    if selected:
        return SELECTED_RADIUS
    return EVENT_RADIUS if status == NO_STATUS else MARKER_RADIUS


RECORD_RADIUS = 6
RECORD_SELECTED_RADIUS = 10
# A record dot stays small beside the news, but a finger or pointer finds it within a
# transparent circle 24 px across (WCAG 2.5.8's target size).
RECORD_HIT_RADIUS = 12


def record_style(status: str, *, selected: bool = False) -> dict:
    """A record place: a small pale dot with a thin ring, beneath the news markers."""
    colour = vocab.STATUS_COLOURS.get(status, vocab.NO_CLAIM_COLOUR)
    return {
        "color": MARKER_OUTLINE if selected else colour,
        "weight": 2.5 if selected else 1,
        "fillColor": colour,
        "fillOpacity": 0.75 if selected else 0.45,
        "opacity": 0.9,
    }
