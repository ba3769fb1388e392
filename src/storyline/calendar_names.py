"""Month and weekday names, which several stages read apart from other words: dates (`analyze.dates`), capitalised
words that are no name (`represent`), words after an outlet's name that make it a dateline's (`outlets`)."""

from __future__ import annotations

MONTH_NAMES = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
MONTH_ABBREVIATIONS = {
    "Jan": 1,
    "Feb": 2,
    "Mar": 3,
    "Apr": 4,
    "Jun": 6,
    "Jul": 7,
    "Aug": 8,
    "Sep": 9,
    "Sept": 9,
    "Oct": 10,
    "Nov": 11,
    "Dec": 12,
}
"""Abbreviations news text writes for months, with the month's number."""
WEEKDAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
MONTHS = {name.lower(): number for number, name in enumerate(MONTH_NAMES, start=1)} | {
    name.lower(): number for name, number in MONTH_ABBREVIATIONS.items()
}
"""Month names and abbreviations, lower-cased, with the month's number."""
FULL_MONTH_PATTERN = rf"(?:{'|'.join(MONTH_NAMES)})"
_ABBR_MONTH = rf"(?:{'|'.join(sorted(MONTH_ABBREVIATIONS, key=len, reverse=True))})\.?"  # "Sept." before "Sep"
MONTH_PATTERN = rf"(?:{FULL_MONTH_PATTERN}|{_ABBR_MONTH})"
"""A month's name, or its abbreviation with or without a full stop; `values` reads dated quantities with it."""
