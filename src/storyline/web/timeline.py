"""Lay out dated events as a vertical timeline, drawn by the brief page as inline SVG (no chart library).

Events go top to bottom in date order; the gap between two events grows with the time between them (up to a
cap), so a reader sees clusters and pauses, while every label keeps a readable line of its own.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections.abc import Sequence
from dataclasses import dataclass

WIDTH = 860
AXIS_X = 190
TOP = 24
ROW = 30
MAX_EXTRA_GAP = 48
MAX_LABEL_CHARS = 90
MAX_UNDATED = 8
"""Unresolved events listed under the drawing; a long list of 'last week's buries the dated ones."""

_ISO = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?|-W(\d{2})(-WE)?)?$")


@dataclass(frozen=True)
class Entry:
    """One timeline entry as the page shows it."""

    value: str | None  # ISO 8601: '2019-03-05', '2019-03', '2019-W09', '2019-W09-WE', '2019'; None if unresolved
    date_label: str
    text: str
    href: str
    cites: str  # '[1,3]'


@dataclass(frozen=True)
class Mark:
    """An entry placed on the axis: `y` is its row, `label` its text cut to fit beside the axis."""

    y: int
    entry: Entry
    label: str


@dataclass(frozen=True)
class Drawing:
    width: int
    height: int
    axis_x: int
    marks: list[Mark]
    undated: list[Entry]  # the first MAX_UNDATED entries with no usable date
    n_undated: int


def parse_value(value: str | None) -> dt.date | None:
    """The first day an ISO 8601 date, month, week (or its weekend) or year value covers; None otherwise."""
    match = _ISO.match((value or "").strip())
    if match is None:
        return None
    year, month, day, week, weekend = match.groups()
    try:
        if week:
            return dt.date.fromisocalendar(int(year), int(week), 6 if weekend else 1)
        return dt.date(int(year), int(month or 1), int(day or 1))
    except ValueError:
        return None


def draw(entries: Sequence[Entry]) -> Drawing:
    """Place each dated entry on the axis; entries with no usable date are returned apart, as `undated`.

    Args:
        entries: Timeline entries in any order.

    Returns:
        The SVG geometry: one mark per dated entry, top to bottom in date order (stable for equal dates).
    """
    dated: list[tuple[dt.date, Entry]] = []
    undated: list[Entry] = []
    for entry in entries:
        when = parse_value(entry.value)
        if when is None:
            undated.append(entry)
        else:
            dated.append((when, entry))
    dated.sort(key=lambda pair: pair[0])
    marks: list[Mark] = []
    y = TOP
    for index, (when, entry) in enumerate(dated):
        if index:
            days = (when - dated[index - 1][0]).days
            # log scale: a day apart adds a little space, a year apart adds the cap
            y += ROW + min(MAX_EXTRA_GAP, int(6 * math.log2(1 + days)))
        cut = entry.text if len(entry.text) <= MAX_LABEL_CHARS else entry.text[: MAX_LABEL_CHARS - 1] + "…"
        marks.append(Mark(y=y, entry=entry, label=cut))
    return Drawing(
        width=WIDTH, height=y + TOP, axis_x=AXIS_X, marks=marks, undated=undated[:MAX_UNDATED], n_undated=len(undated)
    )
