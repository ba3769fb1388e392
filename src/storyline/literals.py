"""Cheap pre-tests for case-insensitive regular expressions: the literal words any match must contain.

A `re.IGNORECASE` search scans a long line many times slower than `str.__contains__` finds a word in the
lower-cased line. When a pattern's every match contains one of a few words, looking for those words first
rules most lines out; the pattern then runs only on the few that hold one, so every verdict stays the pattern's.
"""

from __future__ import annotations

_ODD_CASE = ("\u0130", "\u0131", "\u017f", "\u212a")
"""İ, ı, ſ and the Kelvin sign: re.IGNORECASE matches them to the ASCII letters i, i, s and k, but str.lower()
maps none of them to that letter alone. No other character matches an ASCII letter under re.IGNORECASE."""


def lowered_for_literals(text: str) -> str | None:
    """`text.lower()`, in which a lower-case ASCII word occurs wherever re.IGNORECASE would find it in `text`.

    Returns:
        The lower-cased text; None for the rare text holding one of `_ODD_CASE`, where a pre-test could miss a
        match and the pattern must run anyway.
    """
    if not text.isascii() and any(odd in text for odd in _ODD_CASE):
        return None
    return text.lower()


def may_contain(lowered: str | None, words: tuple[str, ...]) -> bool:
    """Whether a re.IGNORECASE pattern all of whose matches hold one of `words` (lower-case ASCII) may match the
    text that `lowered_for_literals` gave `lowered` for; False means it cannot."""
    return lowered is None or any(map(lowered.__contains__, words))
