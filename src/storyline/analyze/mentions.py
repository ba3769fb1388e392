"""A name's mention in an article, and the keys by which names are compared across outlets.

Both halves of entity analysis stand on these: `ner_corrections` fixes NER's mentions with evidence from the
cluster, and `entities` merges the fixed mentions into entities. Kept apart so that neither imports the other.
"""

from __future__ import annotations

import bisect
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from storyline.analyze.name_variants import GENERATIONS

# Abbreviated military and police ranks: "Lt. Gen. Thomas Bergeson", "Staff Sgt. Ann Lowe", "Brig Gen Kim Soo".
RANKS = frozenset("gen lt maj brig col capt cmdr adm sgt cpl pvt pfc spc det".split())
# Abbreviated titles and honorifics, compared without their full stop: American style writes "Sen. Lane" and
# "Lt. Cmdr. Adam Schantz", British style "Mr Hishammuddin" and "Lt Cmdr Adam Schantz".
ABBREVIATED_TITLES = RANKS | frozenset("sen rep gov mr mrs ms dr prof rev".split())
CORPORATE_SUFFIXES = frozenset("inc corp co ltd plc llc".split())
# The words that end a company's name: "Michael Kors Holdings", "Kate Spade & Co", "Hanes Brands Inc."
COMPANY_WORDS = CORPORATE_SUFFIXES | frozenset(
    "holdings industries enterprises corporation incorporated limited".split()
)


@dataclass(frozen=True, slots=True)
class Mention:
    """One cleaned name in an article: `body[start:end] == text`; `name` is the canonical name once merged."""

    article_id: str
    start: int
    end: int
    text: str
    label: str
    name: str = ""


def starting_within(mentions: Sequence[Mention], start: int, end: int) -> Sequence[Mention]:
    """The mentions that start at or after `start` and before `end`, in order, from `mentions` in reading order
    (sorted by start): two binary searches, where a scan of all of them per sentence or quote grows with the
    square of a long text."""
    first = bisect.bisect_left(mentions, start, key=_start)
    return mentions[first : bisect.bisect_left(mentions, end, lo=first, key=_start)]


def _start(mention: Mention) -> int:
    return mention.start


def is_company_name(text: str) -> bool:
    """Whether a spelling of several words ends with a company's word (`COMPANY_WORDS`), its full stop aside: the
    cluster calls the name a company's, whatever NER reads it as ("Michael Kors Holdings", a person to NER)."""
    words = text.split()
    return len(words) > 1 and words[-1].lower().rstrip(".") in COMPANY_WORDS


@lru_cache(maxsize=1 << 16)
def name_key(text: str) -> str:
    """'Kim Jong-un' and 'Kim Jong Un' → 'kim jong un'; 'U.S.' and 'US' → 'us'; 'Lemaître' and 'Lemaitre' →
    'lemaitre' (an outlet that drops accents still names the same person); "O’Grady" and "O'Grady" → "o'grady";
    middle initials and a corporate suffix ("Inc.", "Corp.") dropped. Remembered: attribution keys the same few
    names again for every quote, hundreds of thousands of times in a long text."""
    words = re.sub(r"[-‐–]", " ", without_accents(text).replace(".", "").replace("’", "'")).lower().split()
    if len(words) > 1 and words[-1] in CORPORATE_SUFFIXES:  # "Acme Corp." is "Acme"
        words.pop()
        words[-1] = words[-1].rstrip(",")  # and so is "Acme, Inc."
    if len(words) > 2:
        words = [words[0], *[w for w in words[1:-1] if len(w) > 1], words[-1]]
    return " ".join(words)


def without_accents(text: str) -> str:
    """'Lemaître' → 'Lemaitre': an outlet that drops accents still names the same person."""
    if text.isascii():  # most names: nothing to fold
        return text
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


def surname_bearers(key: str, keys_by_surname: dict[str, list[str]]) -> list[str]:
    """The full names' keys that `bears_surname` says bear `key`, in their order, from `by_surname` of them: only
    the names with its last word can, where a test of every name for every surname grows with the square of the
    names a long text holds."""
    words = key.split()
    return [p for p in keys_by_surname.get(words[-1], ()) if bears_surname(p, key)] if words else []


def bears_surname(person: str, key: str) -> bool:
    """Whether a full name's key ends with a surname's: 'bashar al assad' bears 'assad' and 'al assad' (the
    hyphenated "al-Assad" written alone), 'robert mueller iii' bears 'mueller'."""
    words, last = person.split(), key.split()
    while len(words) > 1 and words[-1] in GENERATIONS:
        words.pop()
    return len(words) > len(last) and words[-len(last) :] == last
