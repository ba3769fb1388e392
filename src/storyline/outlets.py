"""Name the outlet that published an article from its byline, its file name or publications it names."""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Iterator
from functools import cache
from importlib import resources
from pathlib import Path


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

    Bylines and author bios win, then a file name that is a known outlet, then the publication named most
    often in the body (datelines such as '(Reuters) -' count), then the bare file name.
    """
    from_bylines = _mentions(" \n".join(bylines))
    if from_bylines:
        return from_bylines.most_common(1)[0][0]
    stem = _file_stem(source)
    if stem and stem.lower() in _canonical():
        return _canonical()[stem.lower()]
    from_body = _mentions(body) + _dateline_agency(body)
    if from_body:
        return from_body.most_common(1)[0][0]
    return stem


def _mentions(text: str) -> Counter[str]:
    canonical = _canonical()
    return Counter(canonical[alias.lower()] for alias in _aliases_in(text))


def _aliases_in(text: str) -> Iterator[str]:
    """The aliases `_text_pattern` finds, left to right, that start a word (no word character or hyphen before)."""
    pattern = _text_pattern()
    found = pattern.search(text)
    while found:
        start = found.start()
        before = text[start - 1] if start else " "
        if before.isalnum() or before in "_-":  # re's \w is str.isalnum() and the underscore
            found = pattern.search(text, start + 1)  # where the look-behind would have sent the search on
        else:
            yield found.group(0)
            found = pattern.search(text, found.end())


_DATELINE_AGENCIES = {
    "AP": "Associated Press",
    "Reuters": "Reuters",
    "AFP": "Agence France-Presse",
    "CNN": "CNN",
    "UPI": "UPI",
}


def _dateline_agency(body: str) -> Counter[str]:
    """'WASHINGTON (AP) —' names the agency that wrote the story."""
    found = re.match(r"^[A-Z][\w .,'-]{0,40}\((AP|Reuters|AFP|CNN|UPI)\)\s*[-—–]", body)
    return Counter([_DATELINE_AGENCIES[found.group(1)]]) if found else Counter()


def _file_stem(source: str) -> str | None:
    if source.startswith(("text ", "stdin")) or "#" in source:
        return None
    return Path(source).name.split(".")[0] or None
