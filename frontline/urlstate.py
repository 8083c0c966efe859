"""The map's view as URL query parameters, so that a copied link reproduces it.

Parameters: as_of, mode, from, to (dates as YYYY-MM-DD), region, status, certainty
(comma-separated lists), place (a place id), and the map's center (lat,lon) and zoom; the
Data page adds q (its search) and rows
(latest). Parsing never fails: a value that is malformed, unknown or out of range falls back
to its default, with a notice saying so; notices quote values in Markdown code spans
(text.quoted_value), as pages show them with st.warning.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from urllib.parse import urlencode

from frontline import vocab
from frontline.timeline import Filters
from frontline.web.text import quoted_value

MAX_PARAM_LENGTH = 500


@dataclass
class ParsedView:
    view: Filters
    notices: list[str] = field(default_factory=list)


def _param(params: Mapping[str, object], name: str, notices: list[str]) -> str | None:
    """A parameter's value as text (the last, when repeated); None when absent or too long."""
    raw = params.get(name)
    if isinstance(raw, list):
        raw = raw[-1] if raw else None
    if raw is None:
        return None
    raw = str(raw)
    if len(raw) > MAX_PARAM_LENGTH:
        notices.append(f"The link's {name!r} is too long; it was ignored.")
        return None
    return raw


def parse_view(
    params: Mapping[str, str | list[str]],
    *,
    first: dt.date,
    last: dt.date,
    oblasts: set[str],
    places: set[str],
    default_as_of: dt.date | None = None,
) -> ParsedView:
    """Read a view from query parameters; the default is `default_as_of` (else the latest
    date), no filters, news and the record."""
    notices: list[str] = []

    def value(name: str) -> str | None:
        return _param(params, name, notices)

    def day(name: str) -> dt.date | None:
        raw = value(name)
        if raw is None or raw == "":
            return None
        try:
            parsed = dt.date.fromisoformat(raw)
        except ValueError:
            notices.append(
                f"The link's {name!r} value {quoted_value(raw)} is not a date "
                "(YYYY-MM-DD); it was ignored."
            )
            return None
        if not first <= parsed <= last:
            clamped = min(max(parsed, first), last)
            notices.append(
                f"The link's {name!r} date {parsed} is outside the data "
                f"({first} to {last}); {clamped} is shown instead."
            )
            return clamped
        return parsed

    def members(
        name: str, allowed: set[str] | tuple[str, ...], *, upper: bool = False
    ) -> tuple[str, ...]:
        raw = value(name)
        if not raw:
            return ()
        items = [item.strip() for item in raw.split(",") if item.strip()]
        items = [item.upper() if upper else item.lower() for item in items]
        known = tuple(dict.fromkeys(item for item in items if item in allowed))
        unknown = [item for item in items if item not in allowed]
        if unknown:
            notices.append(
                f"The link's {name!r} has unknown values "
                f"{', '.join(quoted_value(u) for u in unknown[:5])}; they were ignored."
            )
        return known

    as_of = day("as_of") or default_as_of or last
    mode = value("mode")
    if mode not in (None, *vocab.MODES):
        notices.append(
            f"The link's 'mode' {quoted_value(mode)} is not one of "
            f"{', '.join(vocab.MODES)}; {vocab.MODE_HAPPENED} is shown."
        )
    date_from, date_to = day("from"), day("to")
    if date_from and date_to and date_from > date_to:
        notices.append(
            f"The link's date range {date_from} to {date_to} is reversed; the whole range is shown."
        )
        date_from = date_to = None
    place = value("place")
    if place is not None and place not in places:
        notices.append(
            f"The link's place {quoted_value(place)} is not in the gazetteer; no place is selected."
        )
        place = None
    source = value("source")
    if source not in (None, *vocab.SOURCE_CHOICES):
        notices.append(
            f"The link's 'source' {quoted_value(source)} is not one of "
            f"{', '.join(vocab.SOURCE_CHOICES)}; news and the record are shown."
        )
        source = None
    view = Filters(
        as_of=as_of,
        mode=mode if mode in vocab.MODES else vocab.MODE_HAPPENED,
        date_from=date_from,
        date_to=date_to,
        oblasts=members("region", oblasts, upper=True),
        statuses=members("status", vocab.STATUSES),
        certainties=members("certainty", vocab.CERTAINTIES),
        place=place or None,
        source=source or vocab.SOURCE_BOTH,
    )
    return ParsedView(view, notices)


# The map's centre must fall in this box (Ukraine with a margin) and its zoom in this range.
MAP_AREA = ((40.0, 15.0), (57.0, 47.0))
ZOOM_RANGE = (4, 18)


@dataclass(frozen=True)
class MapView:
    """Where the map looks: its centre and zoom."""

    lat: float
    lon: float
    zoom: int


def parse_map_view(params: Mapping[str, object]) -> tuple[MapView | None, list[str]]:
    """The map's view from `center=lat,lon&zoom=z`; None (the map's default view) when the
    link has none or a bad one, with a notice. A zoom alone keeps the default centre."""
    notices: list[str] = []
    center, zoom = _param(params, "center", notices), _param(params, "zoom", notices)
    if center is None and zoom is None:
        return None, notices
    if center is None:
        notices.append("The link has a 'zoom' but no 'center'; the whole map is shown.")
        return None, notices
    try:
        lat, lon = (float(part) for part in center.split(","))
    except ValueError:
        notices.append(
            f"The link's 'center' {quoted_value(center)} is not latitude,longitude "
            "(such as 49.7,37.6); the whole map is shown."
        )
        return None, notices
    (south, west), (north, east) = MAP_AREA
    if not (south <= lat <= north and west <= lon <= east):  # also rejects nan
        notices.append(
            f"The link's 'center' {quoted_value(center)} is outside the map's area "
            f"(latitude {south:g} to {north:g}, longitude {west:g} to {east:g}); "
            "the whole map is shown."
        )
        return None, notices
    low, high = ZOOM_RANGE
    level = 7
    if zoom is not None:
        try:
            level = int(zoom)
        except ValueError:
            notices.append(
                f"The link's 'zoom' {quoted_value(zoom)} is not a whole number; zoom 7 is used."
            )
        else:
            if not low <= level <= high:
                notices.append(
                    f"The link's 'zoom' {level} is outside {low} to {high}; "
                    f"{min(max(level, low), high)} is used."
                )
                level = min(max(level, low), high)
    return MapView(lat, lon, level), notices


def map_view_params(view: MapView | None) -> dict[str, str]:
    """The link's parameters of a map view (none for the default view)."""
    if view is None:
        return {}
    return {"center": f"{view.lat:.4f},{view.lon:.4f}", "zoom": str(view.zoom)}


ROWS_LATEST = "latest"  # the Data page's rows=latest: the latest claim per place


def parse_table_options(params: Mapping[str, object]) -> tuple[str, bool, list[str]]:
    """The Data page's own parameters: (the search, whether rows=latest, notices)."""
    notices: list[str] = []
    query = _param(params, "q", notices) or ""
    rows = _param(params, "rows", notices)
    if rows not in (None, "", ROWS_LATEST):
        notices.append(
            f"The link's 'rows' {quoted_value(rows)} is not {ROWS_LATEST!r}; every claim is shown."
        )
    return query, rows == ROWS_LATEST, notices


def table_params(view: Filters, query: str, latest: bool) -> dict[str, str]:
    """The Data page's link: the view's parameters, then its own (read by
    parse_table_options)."""
    params = view_params(view)
    if query.strip():
        params["q"] = query.strip()
    if latest:
        params["rows"] = ROWS_LATEST
    return params


def view_params(view: Filters) -> dict[str, str]:
    """The query parameters of a view; defaults are left out to keep links short."""
    params = {"as_of": view.as_of.isoformat()}
    if view.mode != vocab.MODE_HAPPENED:
        params["mode"] = view.mode
    if view.date_from:
        params["from"] = view.date_from.isoformat()
    if view.date_to:
        params["to"] = view.date_to.isoformat()
    for name, items in (
        ("region", view.oblasts),
        ("status", view.statuses),
        ("certainty", view.certainties),
    ):
        if items:
            params[name] = ",".join(items)
    if view.place:
        params["place"] = view.place
    if view.source != vocab.SOURCE_BOTH:
        params["source"] = view.source
    return params


def map_link(as_of: dt.date, place: str | None = None, **changes: object) -> str:
    """A relative link to the map page showing this date (and place)."""
    view = replace(Filters(as_of=as_of, place=place), **changes)
    return "/?" + urlencode(view_params(view))


def under_base(link: str, base_path: str = "") -> str:
    """A root-relative link (such as map_link's) for an app served under a base path."""
    base = base_path.strip("/")
    return f"/{base}{link}" if base and link.startswith("/") else link
