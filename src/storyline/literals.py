"""Cheap pre-tests for case-insensitive regular expressions: the literal words any match must contain.

A `re.IGNORECASE` search scans a long line many times slower than `str.__contains__` finds a word in the
lower-cased line. When every match of a pattern contains one of a few words, looking for those words first
rules most lines out; the pattern then runs only on the few that hold one, so every verdict stays the pattern's.

`ascii_spaced` lets text whose only non-ASCII characters are common punctuation take fast paths for ASCII text.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

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
    if has_odd_case(text):
        return True  # the pattern may match where the lower-cased text shows none of the words
    return any(map((text.lower() if lowered is None else lowered).__contains__, words))


def may_contain_each(texts: Sequence[str], words: Sequence[str]) -> np.ndarray:
    """`may_contain(text, words)` of each of `texts`, the words looked for in all the texts at once.

    Looked for text by text, each word costs a call and the set-up of a search, most of what a word costs in a
    sentence: 23 words, ~25,000 instructions for a 134-character sentence. Here the ASCII words are looked for once
    in the joined texts (`ascii_texts_holding`). The same verdicts: apart from the odd-case characters, whose texts
    are True either way, no character lower-cases to anything holding an ASCII character, so an ASCII word is in
    `text.lower()` exactly where it is in the joined bytes; a non-ASCII word is looked for text by text in the
    non-ASCII texts.
    """
    found = np.fromiter(map(has_odd_case, texts), dtype=bool, count=len(texts))
    other_words = [word for word in words if not word.isascii()]
    if other_words:
        for i, text in enumerate(texts):
            if not text.isascii() and any(map(text.lower().__contains__, other_words)):
                found[i] = True
    ascii_words = [word.encode("ascii") for word in words if word.isascii()]
    return found | ascii_texts_holding(texts, ascii_words)


_ASCII_WORD_BYTES = frozenset(b"abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_")  # `\w` in ASCII


def ascii_texts_holding(texts: Sequence[str], words: Sequence[bytes], *, whole_words: bool = False) -> np.ndarray:
    """Whether each of `texts`, lower-cased as ASCII bytes, holds one of `words` (lower-case ASCII bytes); with
    `whole_words`, only where the characters either side are no word characters, as a pattern's `\\b`s ask.

    The texts are joined by newlines, every non-ASCII character one "?" (which no word holds), so each keeps its
    place; bytes.find looks for each word once, at ~1.4 instructions a byte, and the places map back to the texts.
    Encoded text by text: an ASCII text is encoded by a copy, the joined text as slowly as its least ASCII part.
    """
    found = np.zeros(len(texts), dtype=bool)
    if not texts or not words:
        return found
    joined = b"\n".join([text.encode("ascii", "replace") for text in texts]).lower()
    places = []
    for word in words:
        at = joined.find(word)
        while at >= 0:
            end = at + len(word)
            if not whole_words or (
                (at == 0 or joined[at - 1] not in _ASCII_WORD_BYTES)
                and (end == len(joined) or joined[end] not in _ASCII_WORD_BYTES)
            ):
                places.append(at)
            at = joined.find(word, at + 1)
    lengths = np.fromiter(map(len, texts), dtype=np.int64, count=len(texts))
    starts = np.cumsum(lengths + 1) - lengths - 1
    found[np.searchsorted(starts, places, side="right") - 1] = True
    return found


def has_odd_case(text: str) -> bool:
    """Whether `text` holds a character that re.IGNORECASE matches to an ASCII letter and str.lower() does not turn
    into that letter alone (`_ODD_CASE`)."""
    return not text.isascii() and any(odd in text for odd in _ODD_CASE)


_PLAIN_MARKS = "\u00a0\u2013\u2014\u2018\u201c\u201d\u2026"
"""No-break space, en and em dash, left single and both double quotation marks, ellipsis: the non-ASCII characters
news text holds most, and none of them a word character (`\\w`), a digit, a cased letter, or an apostrophe
(unlike ’, as in "don’t"). Made spaces, they leave every word, token and count of a text as it was."""


def ascii_spaced(text: str) -> str | None:
    """`text` with `_PLAIN_MARKS` made spaces, when that leaves it ASCII; else None.

    Four in five non-ASCII Multi-News sentences hold no other non-ASCII character; so made ASCII, they take the
    fast paths for ASCII text instead of a regular expression's hundreds of instructions per character (a
    str.replace that finds nothing spends a few per character and returns the text itself).
    """
    if text.isascii():
        return text
    for mark in _PLAIN_MARKS:
        text = text.replace(mark, " ")
    return text if text.isascii() else None
