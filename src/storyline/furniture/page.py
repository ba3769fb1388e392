"""Line rules for what is left of the page itself: separators, unrendered templates, icon strings, flattened
tables and weather widgets, navigation and archive notes; and the lines that say a page holds no article."""

from __future__ import annotations

import re

from storyline.furniture.shared import WEEKDAY, count_words, lower_cased, pattern
from storyline.literals import ascii_spaced, may_contain

_sep = pattern(r"^[\W_]+$")
_private_use = re.compile(r"[\ue000-\uf8ff\s]+")


def separator(s: str) -> bool:  # "___", "###", "---", "+", "•••", "★★★", "✉", private-use glyphs
    return bool(_sep.match(s)) or bool(_private_use.fullmatch(s))


_tmpl = pattern(r"\{\{[^}]*\}\}|\{\*[^}]*\*\}|\$\{[^}]*\}|<%[^%]*%>")


_TEMPLATE_MAX_WORDS = 40
"""Longest line an unrendered template drops: a paywall's or login box's line of them is short (the longest of raw
Multi-News, DUC 2003 and the first 2,000 truncated clusters is 23 words), while a page pasted as one line holds its
whole story beside one."""


def template_placeholder(s: str) -> bool:  # unrendered client-side templates: {{numberArticlesLeft}}, {* loginWidget *}
    return ("{" in s or "<%" in s) and count_words(s) <= _TEMPLATE_MAX_WORDS and bool(_tmpl.search(s))


_icon = pattern(r"Created with Sketch|(?:Icon|Chevron|Arrow|Logo|Glyph)[A-Z][a-z]+.*(?:Icon|Chevron|Arrow)[A-Z]", 0)
# A lower-case letter followed by a capital. (The look-behind comes after the capital: a pattern that opens with
# the capital lets the engine skip straight to the next one.)
_camel = re.compile(r"[A-Z](?<=[a-z].)")


_ICON_LINE_MAX_WORDS = 60
"""Longest line the icons' names ("Created with Sketch", "ChevronIcon") drop: a line of icon soup is a share bar's
worth of names, while a page pasted as one line opens with its icons and goes on with the story. No line of raw
Multi-News, DUC 2003 or the first 2,000 truncated clusters is dropped as icons' names at all; 60 is a generous
share bar, not a measured limit."""


def icon_string(s: str) -> bool:  # SVG <title> soup: "ArrowArtboardCreated with Sketch.Title ChevronIcon Facebook..."
    if count_words(s) <= _ICON_LINE_MAX_WORDS and any(map(s.__contains__, _ICON_WORDS)) and _icon.search(s):
        return True
    # many glued CamelCase tokens and no sentence punctuation (the end looked at first: it rules out most lines)
    if _ends_terminal(s):
        return False
    # A glued token holds a hump, a lower-case letter followed by a capital; with at most half the tokens holding
    # one, the line is prose ("McCain", "iPhone"). So the humps are bounded first by the capitals (in ASCII text
    # counted without a pattern scan), then counted, and only then are the tokens searched one by one.
    words = count_words(s)
    plain = ascii_spaced(s)  # the same capitals and humps: its spaces stand for no letters
    if plain is not None and not _enough_humps(_capitals(plain), words):
        return False
    if not _enough_humps(len(_camel.findall(s)), words):
        return False
    toks = s.split()
    glued = sum(1 for t in toks if _camel.search(t))
    return len(toks) >= 6 and glued >= 3 and glued / len(toks) > 0.5


def _enough_humps(humps: int, words: int) -> bool:
    return humps >= 3 and humps * 2 > words


_NOT_CAPITALS = bytes(byte for byte in range(256) if not 65 <= byte <= 90)


def _capitals(s: str) -> int:
    """The capitals A-Z in ASCII text: what is left when a bytes translation deletes all else (no pattern scan)."""
    return len(s.encode("ascii").translate(None, _NOT_CAPITALS))


_ICON_WORDS = ("Sketch", "Icon", "Chevron", "Arrow")

_TERMINAL_CHARS = frozenset(".!?:;…\"”’')]")


def _ends_terminal(s: str) -> bool:
    """Whether the line ends as a sentence or clause does (a full stop, colon, ellipsis, closing quote or bracket);
    prose does, a string of icon names does not."""
    return s.rstrip()[-1:] in _TERMINAL_CHARS


_number = re.compile(r"[$€£(]?[\d.,%:/-]*\d[\d.,%:/-]*[)%]?")


def table_row(s: str) -> bool:
    """A table flattened into a line ("Size 100% 133% 1 $12,060 $16,040 2 ..."): at least half its words are
    numbers, which prose, even about money or votes, never is over a whole line."""
    n = count_words(s)
    # Cheap: half the words numbers means at least that many digits.
    if n < 8 or _digits(s) < n:
        return False
    return sum(1 for word in s.split() if _number.fullmatch(word)) * 2 >= n


_HIGH_LOW = r"\(-?\d{1,3}°?/-?\d{1,3}°?\)"
_FORECAST_DAY = re.compile(WEEKDAY + " " + _HIGH_LOW)
"""A day of a forecast strip with its high and low: 'Thursday (57/48)'."""
_high_low = re.compile(_HIGH_LOW)
_FORECAST_DAYS = 3
"""Days with a high and low that make a line a forecast; the one widget seen (raw Multi-News 103) has five, and no
other line of raw (250), truncated (first 1,000) or DUC 2003 has even one."""


def weather_widget(s: str) -> bool:
    """A weather widget's forecast flattened into a line: at least `_FORECAST_DAYS` days each with a high and low
    ("STORMY MORNING Wednesday (59/53) Clouds/Showers Thursday (57/48) … Many of us woke to the sound of thunder …"),
    with the forecaster's text after them. A story gives a temperature in words and a day's once; three days'
    highs and lows in brackets are a forecast's table."""
    # the bracketed pair first: a literal "(" the search skips to, where a weekday's alternatives are tried everywhere
    return "/" in s and _high_low.search(s) is not None and len(_FORECAST_DAY.findall(s)) >= _FORECAST_DAYS


_NOT_DIGITS = bytes(byte for byte in range(256) if not 48 <= byte <= 57)


def _digits(s: str) -> int:
    """The digits 0-9 in a line; in ASCII text (`ascii_spaced`) what a bytes translation deleting all else leaves,
    at a fraction of the cost of counting each digit in turn."""
    plain = ascii_spaced(s)
    if plain is None:
        return sum(map(s.count, "0123456789"))
    return len(plain.encode("ascii").translate(None, _NOT_DIGITS))


_page = pattern(
    r"^(?:when you )?tweet with a location\b|add location information to your tweets|add a location to your tweets|"
    r"^from wikipedia, the free encyclopedia|\[ ?edit ?\]$|alexa internet|wayback machine|internet archive|"
    r"these crawls are part of an effort|^you must enter the characters|a friend wanted you to see this|"
    r"^pic\.twitter\.com/\S+$|\b(?:this|the) (?:text|transcript) may not be in its final form\b|"
    r"\bthe authoritative record of .{1,60} is the audio record\b|"
    r"^(?:next|previous|no previous page|no next page|back to top|skip to (?:main )?content|menu|search|home)\W*$"
)


_PAGE_HINTS = (
    "tweet",
    "wikipedia",
    "edit",
    "alexa",
    "wayback",
    "archive",
    "crawls",
    "characters",
    "friend wanted",
    "final form",
    "authoritative record",
)


def page_boilerplate(s: str) -> bool:
    # Past 60 words only an archive's page qualifies (the last condition); for most paragraphs that ends it.
    if count_words(s) > 60 and not may_contain(s, _ARCHIVE_WORDS, lowered=lower_cased(s)):
        return False
    # Each alternative of _page but the lone navigation words holds one of these hints: a cheap pre-test.
    lowered = lower_cased(s)
    if count_words(s) > 5 and not any(map(lowered.__contains__, _PAGE_HINTS)):
        return False
    return bool(_page.search(s)) and (count_words(s) <= 60 or bool(_archive.search(s)))


_ARCHIVE_WORDS = ("wayback", "alexa internet", "crawl")
_archive = pattern("|".join(_ARCHIVE_WORDS))


_placeholder = pattern(
    r"\bpage (?:you (?:requested|are looking for|were looking for)|(?:can ?not|could not|can't) be found)|"
    r"\b(?:not (?:currently )?(?:publicly accessible|available to the general public))|\bdomain mapping\b|"
    r"\breach a page from a bookmark\b|"
    r"\bcrawl(?:s|ed|ing)?\b[^.]*\b(?:seed|IA|heritrix|WARC|outlinks?|collection)\b|"
    r"\b(?:seed ?list|heritrix|WARC|outlinks?|collection)\b[^.]*\bcrawl|^the seed for \S+ was\b"
)
_PLACEHOLDER_WORDS = (
    "page you",
    "page can",
    "page could",
    "accessible",
    "general public",
    "domain mapping",
    "bookmark",
    "crawl",
    "the seed for ",
)
"""Every match of `_placeholder` holds one of these. ("page" alone let one news paragraph in twenty through to the
pattern, whose search of a long paragraph costs what the rest of its cleaning does.)"""


def is_placeholder(line: str) -> bool:
    """Whether a line says its page holds no article: an error page ("the page you requested could not be
    found"), a web host's placeholder, or a web archive's description of the crawl that captured it."""
    lowered = lower_cased(line)
    return any(map(lowered.__contains__, _PLACEHOLDER_WORDS)) and bool(_placeholder.search(line))
