"""Name the outlet that published an article from its byline, its file name or publications it names."""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Iterator
from functools import cache
from importlib import resources
from pathlib import Path

from storyline.calendar_names import MONTH_ABBREVIATIONS, MONTH_NAMES, WEEKDAY_NAMES
from storyline.furniture.shared import DATELINE_CREDITS
from storyline.segment import WIRE_DATELINE


@cache
def _outlets() -> dict[str, list[str]]:
    data = resources.files("storyline").joinpath("data/outlets.json").read_text(encoding="utf-8")
    return dict(json.loads(data))


@cache
def _text_pattern() -> re.Pattern[str]:
    """Any alias with a capital letter, longest first, not followed by a word character or hyphen.

    The same condition before the alias is checked by `_mentions`: a pattern that opened with that look-behind
    would be tried at every position of the text, one that opens with the aliases only where one could begin.
    """
    aliases = {alias for names in _outlets().values() for alias in names if not alias.islower()}
    alternatives = "|".join(re.escape(a) for a in sorted(aliases, key=len, reverse=True))
    return re.compile(rf"(?:{alternatives})(?![\w-])")


@cache
def _canonical() -> dict[str, str]:
    return {alias.lower(): name for name, aliases in _outlets().items() for alias in aliases}


def find_outlet(*, body: str, bylines: list[str], source: str) -> str | None:
    """The outlet most likely to have published an article.

    Bylines and author bios win, then a file name that is a known outlet, then the agency a dateline opening the
    body credits ('WASHINGTON (AP) —': an AP story that quotes what someone 'told the BBC' is still AP's), then the
    publication the body names as itself more often than any other (`_self_references`: a dateline's '(Reuters) -'
    further down, 'told CNN', 'TMZ has learned'), then the bare file name. A publication the body merely names ('CNN
    is being sued', 'according to the Telegraph', 'Michael Bloomberg') is not the outlet: an article reports on and
    cites other outlets far more often than it names its own.
    """
    from_bylines = _mentions(" \n".join(bylines))
    if from_bylines:
        return from_bylines.most_common(1)[0][0]
    stem = _file_stem(source)
    if stem and stem.lower() in _canonical():
        return _canonical()[stem.lower()]
    credit = _dateline_credit(body)
    if credit is not None:
        # the credit is the outlet when storyline knows it ('NEW YORK (Bloomberg) --'); one it does not know
        # ('FT LAUDERDALE (CBSMiami) –') still wrote the story: the outlets its sources talk to are not its own
        return DATELINE_CREDITS.get(credit) or _canonical().get(credit.lower(), stem)
    from_body = _self_references(body)
    ranked = from_body.most_common(2)
    if ranked and (len(ranked) == 1 or ranked[0][1] > ranked[1][1]):
        return ranked[0][0]
    return stem


def _mentions(text: str) -> Counter[str]:
    canonical = _canonical()
    return Counter(canonical[alias.lower()] for alias in _aliases_in(text))


def _aliases_in(text: str) -> Iterator[str]:
    """The aliases `_text_pattern` finds, left to right, that start a word (no word character or hyphen before)."""
    for found in _alias_matches(text):
        yield found.group(0)


def _alias_matches(text: str) -> Iterator[re.Match[str]]:
    pattern = _text_pattern()
    found = pattern.search(text)
    while found:
        start = found.start()
        before = text[start - 1] if start else " "
        if before.isalnum() or before in "_-":  # re's \w is str.isalnum() and the underscore
            found = pattern.search(text, start + 1)  # where the look-behind would have sent the search on
        else:
            yield found
            found = pattern.search(text, found.end())


# What an article writes before or after the name of the outlet that publishes it: its sources talk to it
# ('told CNN', 'spoke to the BBC', 'a statement provided to NPR', 'when contacted by ABC News'), and
# it reports what it found ('TMZ has learned', "did not respond to ABC News' requests for comment").
_SELF_BEFORE = re.compile(
    r"(?:\b(?:told|tells?|telling|(?:spoke|talked|speaking|talking) (?:to|with)|statement to|"
    r"(?:provided|given|sent|confirmed|obtained|contacted|reached)(?: today| \w+day)? (?:to|by)))\s+(?:the |The )?$"
)
# "'s Ann Lowe", "'s correspondent Ann Lowe": the outlet's own reporter, named after it
_CORRESPONDENT = r"['’]s? (?:correspondent )?[A-Z][\w'’-]+ [A-Z][\w'’-]+"
_SELF_AFTER = re.compile(
    r"(?:\s+(?:has|have) (?:learned|confirmed|obtained|reviewed|reached|contacted)\b|['’]s? requests? for comment|"
    # its correspondent reporting now: "The BBC's Ann Lowe in Rome says", "the BBC's Ann Lowe reports from Rome"
    rf"{_CORRESPONDENT}(?:,? in [A-Z][\w'’-]+(?: [A-Z][\w'’-]+)?,?)? "
    r"(?:says|reports)\b)"
)
# "says the BBC's Ann Lowe in Rome": its correspondent after the verb
_CORRESPONDENT_BEFORE = re.compile(r"\b(?:says|reports)\s+(?:the |The )?$")
_CORRESPONDENT_AFTER = re.compile(_CORRESPONDENT)
# The same names written as another outlet's: 'told the Reuters news agency', 'told Al Jazeera television'.
_OTHERS_AFTER = re.compile(r"\s+(?:news agency|newspaper|magazine|television|TV|website|affiliate)\b")
# A dateline opening a paragraph: '(CNN) --', 'Tokyo (CNN) Seven sailors', 'PERTH (Reuters) - An air search'.
_DATELINE_BEFORE = re.compile(r"(?:^|\n)(?:[A-Z][\w.,'’ -]{0,40} )?\($")
_DATELINE_AFTER = re.compile(r"\)\s*(?:[-—–_]|[A-Z])")
_CALENDAR_WORDS = frozenset((*WEEKDAY_NAMES, *MONTH_NAMES, *MONTH_ABBREVIATIONS))
_CONTEXT_CHARS = 80
"""Characters read on each side of a publication's name: more than the longest cue above needs (a dateline's
place of up to 40, "a statement provided Tuesday to the ")."""


def _self_references(body: str) -> Counter[str]:
    """The outlets the body names as itself (see `find_outlet`); a name that is part of a longer one ('Michael
    Bloomberg', 'the New Straits Times', 'Fox News Sunday') names no outlet."""
    canonical = _canonical()
    found: Counter[str] = Counter()
    for match in _alias_matches(body):
        start, end = match.span()
        before, after = body[max(0, start - _CONTEXT_CHARS) : start], body[end : end + _CONTEXT_CHARS]
        if _part_of_longer_name(before, after):
            continue
        own_voice = bool(_DATELINE_BEFORE.search(before) and _DATELINE_AFTER.match(after)) or bool(
            _CORRESPONDENT_BEFORE.search(before) and _CORRESPONDENT_AFTER.match(after)
        )
        if own_voice or (not _OTHERS_AFTER.match(after) and (_SELF_BEFORE.search(before) or _SELF_AFTER.match(after))):
            found[canonical[match.group(0).lower()]] += 1
    return found


def _part_of_longer_name(before: str, after: str) -> bool:
    """A capitalised word right before the name (other than 'The') or right after it (other than a weekday or a
    month: 'told ABC News Friday')."""
    previous = re.search(r"([A-Z][\w.&'’-]*) $", before)
    following = re.match(r" ([A-Z][\w&'’-]*)", after)
    return bool(
        (previous and previous.group(1) not in ("The", "THE"))
        or (following and following.group(1) not in _CALENDAR_WORDS)
    )


def _dateline_credit(body: str) -> str | None:
    """'AP' of 'WASHINGTON (AP) —', 'CNN' of 'Tokyo (CNN) --': whom a dateline opening the body credits with the
    story."""
    found = WIRE_DATELINE.match(body)
    return (found.group("credit") or found.group("known_credit")) if found else None


UPLOAD_SOURCE_PREFIX = "upload "
"""What the web app puts before an uploaded file's name to make its articles' source ('upload nbc.txt')."""


def _file_stem(source: str) -> str | None:
    """'nbc' of 'examples/nbc.txt' and of the web upload 'upload nbc.txt'; None for text given as such ('text 1',
    'stdin') and a JSONL record's documents ('cluster.jsonl#0/1'), whose source names no outlet's file."""
    if source.startswith(("text ", "stdin")) or "#" in source:
        return None
    return Path(source.removeprefix(UPLOAD_SOURCE_PREFIX)).name.split(".")[0] or None
