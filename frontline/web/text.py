"""Making article text and data fields safe to show in HTML and in Streamlit's Markdown.

Article text and every data field are text, never markup. Leaflet popups and tooltips are
placed inside JavaScript template strings by folium, so besides the HTML characters the
backslash, backtick and dollar sign are escaped too: `${...}` would otherwise run.

Streamlit reads the text of st.warning, st.info, st.subheader and the like as Markdown, with
links, web addresses made links, colours, LaTeX and emoji codes; backslash escapes do not stop
all of these, a code span does. So text from a link or a data file goes to those only inside
a code span (quoted_value), and otherwise through st.html, escaped.
"""

from __future__ import annotations

import html
import re

_EXTRA_ENTITIES = {"\\": "&#92;", "`": "&#96;", "$": "&#36;"}
# Characters that reorder or hide text (bidi controls, zero-width marks): shown as nothing
# would let a field look like something else.
_INVISIBLE = re.compile("[\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]")


def quoted_value(value: object, limit: int = 40) -> str:
    """A value from outside (a link's parameter, a data field) as a notice quotes it back:
    on one line, cut at `limit` characters, as repr shows it (control, direction and
    zero-width characters as escapes), in a Markdown code span that nothing in it can end."""
    flat = " ".join(str(value).split())
    return code_span(repr(flat[:limit] + ("…" if len(flat) > limit else "")))


def code_span(value: object) -> str:
    """Any text, on one line, as a Markdown code span that nothing in it can end: Streamlit
    shows it verbatim (for a message that carries what a user typed or a file holds)."""
    flat = " ".join(visible_text(value).split())
    fence = "`" * (max(map(len, re.findall("`+", flat)), default=0) + 1)
    pad = " " if flat.startswith("`") or flat.endswith("`") else ""  # Markdown drops these
    return f"{fence}{pad}{flat}{pad}{fence}"


def escape_html(value: object) -> str:
    """Escape any value for HTML, inside or outside a JavaScript template string; direction
    and zero-width characters are dropped (visible_text), so that a field cannot reorder or
    hide the text around it."""
    escaped = html.escape(visible_text(value), quote=True)
    return "".join(_EXTRA_ENTITIES.get(ch, ch) for ch in escaped)


def visible_text(value: object) -> str:
    """The text with invisible direction and zero-width characters removed."""
    return _INVISIBLE.sub("", str(value))


def highlight(text: str, spans: list[tuple[int, int, str]], *, tag: str = "mark") -> str:
    """HTML of the text, escaped, with each (start, end, css_class) span wrapped in a tag.

    Overlapping spans are dropped after the first; offsets outside the text are ignored.
    """
    return wrap_spans(
        text,
        [
            (start, end, f'<{tag} class="{escape_html(css_class)}">', f"</{tag}>")
            for start, end, css_class in sorted(spans)
        ],
    )


def wrap_spans(text: str, spans: list[tuple[int, int, str, str]], *, nested: bool = False) -> str:
    """HTML of the text, escaped, with each (start, end, opening, closing) span wrapped in its
    tags, which the caller has built (and escaped) already.

    A span overlapping an earlier one is dropped, unless `nested` and it lies wholly inside
    it; nested spans are taken outer first, and identical spans in the order given. Offsets
    outside the text are ignored.
    """
    if nested:
        spans = sorted(spans, key=lambda span: (span[0], -span[1]))  # outer before inner
    pieces: list[str] = []
    position = 0
    open_ends: list[tuple[int, str]] = []  # (end, closing tag) of the open spans, innermost last

    def close_until(limit: int) -> None:
        nonlocal position
        while open_ends and open_ends[-1][0] <= limit:
            end, closing = open_ends.pop()
            pieces.append(escape_html(text[position:end]) + closing)
            position = end

    for start, end, opening, closing in spans:
        close_until(start)
        enclosing = open_ends[-1][0] if open_ends else len(text)
        if start < position or end > enclosing or start >= end or (open_ends and not nested):
            continue
        pieces.append(escape_html(text[position:start]) + opening)
        position = start
        open_ends.append((end, closing))
    close_until(len(text))
    pieces.append(escape_html(text[position:]))
    return "".join(pieces)


def mention_span(quote: str, mention: str) -> tuple[int, int] | None:
    """Where the place's mention stands in its quote, if it does."""
    if not mention:
        return None
    start = quote.find(mention)
    return None if start < 0 else (start, start + len(mention))


def legend_list_html(items: list[str], label: str) -> str:
    """A legend of `<span>` items as a list that assistive technology reads as one: each item
    a list item, as the list's role requires. `label` is trusted text."""
    listed = "".join(item.replace("<span>", '<span role="listitem">', 1) for item in items)
    return f'<div class="fl-legend" role="list" aria-label="{label}">{listed}</div>'
