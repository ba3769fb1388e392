"""Searches of an article's body that analysis repeats for every quote or name, from one scan of the body.

Attribution asks, quote after quote, for the last "statement" or "the woman" named before the quote, and names are
tested one by one for a word the text also writes in lower case: a search of the body for each grows with the
square of a long text (a live blog, a transcript). One scan of the whole body answers them all: the words it
writes, and the matches of a pattern, but for the last few words before a position, which are scanned again.
"""

from __future__ import annotations

import bisect
import re
from functools import lru_cache

# A character that no pattern scanned here runs over or looks at past: before the last one ahead of a position, a
# scan that stops at the position and a scan of the whole body see the same text and find the same matches.
_BARRIER = re.compile(r"[^\w\s'’-]")


def matches_before(pattern: re.Pattern[str], body: str, end: int) -> list[re.Match[str]]:
    """Exactly `list(pattern.finditer(body, 0, end))` (a scan stopped at `end` can end a word there: "the
    statement" of "the statements"), for a pattern whose matches and lookarounds only run over word characters,
    whitespace, apostrophes and hyphens.

    Only the words from the last barrier character before `end` are scanned again; the matches before that barrier
    come from the scan of the whole body, once a pattern and body.
    """
    barriers = _barriers(body)
    last = bisect.bisect_left(barriers, end) - 1
    barrier = barriers[last] if last >= 0 else 0
    matches, starts = _matches(pattern, body)
    return [*matches[: bisect.bisect_left(starts, barrier)], *pattern.finditer(body, barrier, end)]


def writes_word(body: str, word: str) -> bool:
    """Exactly whether `re.search(rf"\\b{re.escape(word)}\\b", body)` finds `word`: for a word of word characters
    alone, whether it is one of the body's runs of them; anything else is searched for."""
    if _WORD.fullmatch(word):
        return word in _words(body)
    return re.search(rf"\b{re.escape(word)}\b", body) is not None


_WORD = re.compile(r"\w+")


@lru_cache(maxsize=8)
def _words(body: str) -> frozenset[str]:
    return frozenset(_WORD.findall(body))


@lru_cache(maxsize=8)
def _barriers(body: str) -> list[int]:
    return [match.start() for match in _BARRIER.finditer(body)]


@lru_cache(maxsize=16)
def _matches(pattern: re.Pattern[str], body: str) -> tuple[list[re.Match[str]], list[int]]:
    matches = list(pattern.finditer(body))
    return matches, [match.start() for match in matches]
