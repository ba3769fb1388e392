"""The matches of a pattern before a position in an article's body, from one scan of the body.

Attribution asks, quote after quote, for the last "statement" or "the woman" named before the quote: a scan from
the body's start for each quote grows with the square of a long text (a live blog, a transcript), and one scan of
the whole body finds the same matches, but for the last few words before the position, which are scanned again.
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


@lru_cache(maxsize=8)
def _barriers(body: str) -> list[int]:
    return [match.start() for match in _BARRIER.finditer(body)]


@lru_cache(maxsize=16)
def _matches(pattern: re.Pattern[str], body: str) -> tuple[list[re.Match[str]], list[int]]:
    matches = list(pattern.finditer(body))
    return matches, [match.start() for match in matches]
