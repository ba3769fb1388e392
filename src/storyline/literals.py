"""Cheap pre-tests for case-insensitive regular expressions: the literal words any match must contain.

A `re.IGNORECASE` search scans a long line many times slower than `str.__contains__` finds a word in the
lower-cased line. When every match of a pattern contains one of a few words, looking for those words first
rules most lines out; the pattern then runs only on the few that hold one, so every verdict stays the pattern's.
"""

from __future__ import annotations

_ODD_CASE = ("\u0130", "\u0131", "\u017f", "\u212a")
"""İ, ı, ſ and the Kelvin sign: re.IGNORECASE matches them to the ASCII letters i, i, s and k, but str.lower()
maps none of them to that letter alone. No other character matches an ASCII letter under re.IGNORECASE."""


def may_contain(text: str, words: tuple[str, ...], *, lowered: str | None = None) -> bool:
    """Whether a re.IGNORECASE pattern all of whose matches hold one of `words` (lower-case ASCII) may match
    `text`; False means it cannot.

    Args:
        text: The text the pattern would search.
        words: Words one of which every match of the pattern contains.
        lowered: `text.lower()`, when the caller has it already.
    """
    if not text.isascii() and any(odd in text for odd in _ODD_CASE):
        return True  # the pattern may match where the lower-cased text shows none of the words
    return any(map((text.lower() if lowered is None else lowered).__contains__, words))
