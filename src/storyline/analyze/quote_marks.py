"""Where the quotations of an article are: quotation marks paired per paragraph (straight and curly; a quote left
open at a paragraph's end runs to it, as multi-paragraph quotes do, or ends before the attribution it swallowed),
and embedded social posts with their signatures. (Wire text's ``…'' marks are curly ones by now: `clean`.)
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from storyline.analyze.speech_verbs import VERBS

# Embedded social posts: `text — Name (@handle) June 20, 2017` and `text A post shared by Name (@handle) on …`.
_TWEET = re.compile(
    r"^(?P<text>\S.*?)\s+(?:—|A post shared by)\s+(?P<who>[^\n()—]{1,60}?)\s+\(@\w+\)(?:\s+on)?\s+"
    r"[A-Z][a-z]{2,8}\.?\s+\d{1,2},\s+\d{4}",
    re.MULTILINE,
)
# A quotation mark left open swallows its attribution: `"… instead? poses spokeswoman Jocelyn Bynoe. She says`.
_SWALLOWED = re.compile(
    rf"(?<=[,?!])\s+(?=(?:{VERBS})\s+(?:[a-z]+\s+){{0,2}}[A-Z]|(?:[A-Z][\w.'’-]+(?:\s+[A-Z][\w.'’-]+){{0,3}}|he|she)\s+(?:{VERBS})\b)"
)
OPENING = '"“'
CLOSING = '"”'
QUOTED = re.compile(r"[\"“][^\"“”\n]*[\"”]")
"""A double-quoted stretch within one paragraph: what the attribution rules read as quoted rather than the writer's
own words."""


@dataclass(frozen=True, slots=True)
class Found:
    start: int  # inner text, quotation marks excluded
    end: int
    open_at: int  # the opening mark (or the tweet text start)
    close_at: int  # just after the closing mark (or the line end)
    tweet_by: tuple[int, int] | None = None


def quote_spans(body: str) -> list[Found]:
    found: list[Found] = []
    offset = 0
    for line in body.split("\n"):
        tweet = _TWEET.match(line)
        if tweet:
            by = (offset + tweet.start("who"), offset + tweet.end("who"))
            found.append(Found(offset, offset + tweet.end("text"), offset, offset + tweet.end("text"), by))
        opened: int | None = None
        for i, char in enumerate(line):
            if opened is None and char in OPENING:
                opened = i
            elif opened is not None and char == '"' and _opens(line, i) and _SWALLOWED.search(line, opened + 1, i):
                # the previous quote was never closed: it swallowed its attribution and this mark opens the next
                found += _unclosed(line, opened, i, offset)
                opened = i
            elif opened is not None and char in CLOSING:
                found += _trimmed(line, opened, i, offset, i + 1)
                opened = None
        if opened is not None:
            # A quote continued in the next paragraph (which opens with a quotation mark) runs to this one's end.
            next_char = body[offset + len(line) + 1 :].lstrip()[:1]
            continued = next_char != "" and next_char in OPENING
            found += (
                _trimmed(line, opened, len(line), offset, len(line))
                if continued
                else _unclosed(line, opened, len(line), offset)
            )
        offset += len(line) + 1
    return sorted(found, key=lambda f: f.start)


def _opens(line: str, i: int) -> bool:
    """A straight mark after a space and before a word ('… statement. "To that end') opens a quote."""
    return 0 < i < len(line) - 1 and line[i - 1].isspace() and (line[i + 1].isalnum() or line[i + 1] in "‘'")


def _unclosed(line: str, opened: int, closed: int, offset: int) -> list[Found]:
    """A quote left open: it ends before the attribution it swallowed, if any, else where the mark left it."""
    swallowed = list(_SWALLOWED.finditer(line, opened + 1, closed))
    if not swallowed:
        return _trimmed(line, opened, closed, offset, min(closed + 1, len(line)))
    end = swallowed[-1].start()
    return _trimmed(line, opened, end, offset, end)


def _trimmed(line: str, opened: int, closed: int, offset: int, after: int) -> list[Found]:
    inner = line[opened + 1 : closed]
    text = inner.strip()
    if not re.search(r"[^\W\d_]", text):
        return []
    start = opened + 1 + len(inner) - len(inner.lstrip())
    return [Found(offset + start, offset + start + len(text), offset + opened, offset + after)]
