"""What the line rules share: a line's word count and lower-cased form (cached, as many rules ask), the pieces of
pattern several families use, and the shape of the rules that only judge a short line."""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache

from storyline.literals import may_contain

AGENCY = (
    r"(?:AP(?: Photo| Images)?|Associated Press|Reuters|REUTERS|AFP|Getty(?: Images)?|EPA(?:-EFE)?|"
    r"Bloomberg|Shutterstock|iStock(?:photo)?|Corbis|Alamy|Xinhua|KCNA|Yonhap|Kyodo|NurPhoto|SIPA|"
    r"Newscom|WireImage|FilmMagic|Invision|Rex Features|REX|dpa|ANSA|Sputnik|TASS|"
    r"Wikimedia Commons|Flickr|Photofest|Contributed|Handout)"
)
WIRE_AGENCIES = {
    "AP": "Associated Press",
    "Associated Press": "Associated Press",
    "Reuters": "Reuters",
    "AFP": "Agence France-Presse",
    "UPI": "UPI",
    "Xinhua": "Xinhua",
}
"""The news agencies whose name credits a wire dateline or an agency caption ("ROME (AP) —", "… (Associated
Press)"), each with its full name. `AGENCY` is the longer list of those a photo credit names."""
DATELINE_CREDITS = {**WIRE_AGENCIES, "CNN": "CNN"}
"""Who a wire dateline credits: the agencies, and CNN, which opens its own stories the same way ("(CNN) --")."""
MONTH = r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
WEEKDAY = r"(?:Mon|Tues?|Wed(?:nes)?|Thu(?:rs?)?|Fri|Sat(?:ur)?|Sun)(?:day)?\.?"
SOCIAL = r"(?:twitter|facebook|instagram|pinterest|linkedin|whatsapp|reddit|tumblr|youtube|google\+|snapchat|tiktok|flipboard|telegram)"
URL = r"(?:https?://|www\.)\S+|\b[\w-]+\.(?:com|org|net|co\.uk|ly|gov)(?:/\S*)?\b"
EMAIL = r"[\w.+-]+@[\w-]+\.[\w.-]+"
TIME_ZONE = r"(?:[ECMP][SD]T|ET|PT|GMT|UTC|BST|CET|IST|JST)"
"""The time zones news gives a clock time in ("10:02 AM EST", "1800 GMT"), upper case: what a dateline's time
leaves for cleaning to drop, and what follows a clock time rather than a count or a year in analysis."""


@lru_cache(maxsize=1024)
def count_words(s: str) -> int:
    """White-space words of a line. Cached: the rules and cleaning's context rules ask it of each line a dozen
    times, and splitting a long paragraph is not free."""
    return len(s.split())


@lru_cache(maxsize=1024)
def lower_cased(s: str) -> str:
    """`s.lower()`, cached: several rules look for their words in the lower-cased line."""
    return s.lower()


def pattern(p: str, flags: int = re.I) -> re.Pattern[str]:
    """`re.compile(p, flags)`, case-blind unless `flags` says otherwise."""
    return re.compile(p, flags)


LineRule = Callable[[str], bool]
"""A line rule: whether one line (stripped, never empty) is furniture of its kind."""


def short_line_rule(finds: Callable[[str], object], max_words: int, *, words: tuple[str, ...] = ()) -> LineRule:
    """A rule for a phrase that is furniture in a short line and may be the story's own words in a longer one
    ("please try again later" in a banner, in a quotation): a line of at most `max_words` words in which `finds`,
    a pattern's `search` or `match`, finds it.

    `words`, when given, are lower-case words one of which every match of a case-blind pattern holds: only a line
    that `may_contain` one is searched. A case-blind alternation of phrases is tried at every character, ~1,300
    instructions a character of a short line; each word is one scan of the lower-cased line at a few.
    """

    def is_furniture(s: str) -> bool:
        return (
            count_words(s) <= max_words
            and (not words or may_contain(s, words, lowered=lower_cased(s)))
            and bool(finds(s))
        )

    return is_furniture
