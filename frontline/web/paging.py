"""A long table shown a page at a time: the browser gets a page's rows, not tens of
thousands, and the page builds only those."""

from __future__ import annotations

import pandas as pd

PAGE_ROWS = 1_000


def page_count(rows: int, size: int = PAGE_ROWS) -> int:
    return max(1, -(-rows // size))


def page_of(frame: pd.DataFrame, page: int, size: int = PAGE_ROWS) -> pd.DataFrame:
    """Rows of page `page` (from 1; out of range: the nearest page)."""
    page = min(max(page, 1), page_count(len(frame), size))
    return frame.iloc[(page - 1) * size : page * size]


def page_caption(rows: int, page: int, size: int = PAGE_ROWS) -> str:
    page = min(max(page, 1), page_count(rows, size))
    first, last = (page - 1) * size + 1, min(page * size, rows)
    return f"Rows {first:,}–{last:,} of {rows:,}; the downloads hold all {rows:,}."
