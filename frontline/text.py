"""Making article text and data fields safe to show in HTML.

Article text and every data field are text, never markup. Leaflet popups and tooltips are
placed inside JavaScript template strings by folium, so besides the HTML characters the
backslash, backtick and dollar sign are escaped too: `${...}` would otherwise run.
"""

from __future__ import annotations

import html
import re

_EXTRA_ENTITIES = {"\\": "&#92;", "`": "&#96;", "$": "&#36;"}
# Characters that reorder or hide text (bidi controls, zero-width marks): shown as nothing
# would let a field look like something else.
_INVISIBLE = re.compile("[\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]")


def escape_html(value: object) -> str:
    """Escape any value for HTML, inside or outside a JavaScript template string."""
    escaped = html.escape(str(value), quote=True)
    return "".join(_EXTRA_ENTITIES.get(ch, ch) for ch in escaped)


def visible_text(value: object) -> str:
    """The text with invisible direction and zero-width characters removed."""
    return _INVISIBLE.sub("", str(value))


def highlight(text: str, spans: list[tuple[int, int, str]], *, tag: str = "mark") -> str:
    """HTML of the text, escaped, with each (start, end, css_class) span wrapped in a tag.

    Overlapping spans are dropped after the first; offsets outside the text are ignored.
    """
    pieces: list[str] = []
    position = 0
    for start, end, css_class in sorted(spans):
        if start < position or end > len(text) or start >= end:
            continue
        pieces.append(escape_html(text[position:start]))
        pieces.append(
            f'<{tag} class="{escape_html(css_class)}">{escape_html(text[start:end])}</{tag}>'
        )
        position = end
    pieces.append(escape_html(text[position:]))
    return "".join(pieces)


def mention_span(quote: str, mention: str) -> tuple[int, int] | None:
    """Where the place's mention stands in its quote, if it does."""
    if not mention:
        return None
    start = quote.find(mention)
    return None if start < 0 else (start, start + len(mention))
