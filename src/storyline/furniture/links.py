"""Line rules for pointers elsewhere: related-story links, teasers of other stories, and web addresses; and the
hover card of other stories a page glues into a sentence after a name."""

from __future__ import annotations

import re

from storyline.furniture.shared import URL, count_words, pattern

_related = pattern(
    r"^(?:[►▶»•■-]\s*)?(?:related(?: stories| articles| links| coverage| content| video)?|read more|read also|also read|"
    r"(?:get |read |see )?more(?: from| on| about| news| stories| coverage)?(?: [\w.'’ ]{0,40})?|see also|see more|also|previously|"
    r"recommended(?: for you)?|you may also like|you might also like|most (?:popular|read|viewed)|trending(?: now| news)?|read|"
    r"top stories|editor'?s picks|must[- ]reads?|further reading|explore further|more information|"
    r"watch|video|photos?|images?|gallery|listen|blog|editorial|analysis|story|update|breaking|opinion)"
    r"\s*(?:[:|►»›>-]|$)"
)


def related_links(s: str) -> bool:
    n = count_words(s)
    if (
        n <= 25
        and _related.match(s)
        and (not re.search(r"[.!]\s*$", s) or (n <= 15 and re.match(r"^[\W]*\w+(?: \w+)?\s*:", s)))
    ):
        return True
    if n <= 25 and re.search(r"\bRead more\W*$", s):  # Guardian-style "Headline Read more"
        return True
    if n <= 20 and re.match(r"^\[[^\[\]]{3,}\]$", s):  # "[Headline]" cross-link
        return True
    if n <= 25 and re.match(
        r"^\((?:PHOTOS?|VIDEOS?|WATCH|READ|SEE|MORE|RELATED|ALSO)\b|^\((?:also (?:on|see|read)|see also|read more|related)\b",
        s,
        re.I,
    ):
        return True
    if n <= 20 and re.match(
        r"^(?:RELATED|READ MORE|READ ALSO|ALSO READ|MORE|WATCH|VIDEO|PHOTOS|SEE ALSO|LISTEN)\b(?!\s+[a-z])", s
    ):
        return True
    if n <= 15 and re.search(
        r"[^.!?\"”]\s*\[(?:[\w.\- ]+\.(?:com|org|net|co\.uk)|Facebook|Twitter|Instagram|YouTube|PDF|Video)\]$",
        s,
    ):
        return True
    if n <= 30 and _click_here.search(s):  # "To read her blog, click here." sends the reader elsewhere
        return True
    if n <= 25 and _elsewhere_on_the_site.search(s):
        return True
    if _repeats_opening_word(s) and _teaser.match(s):
        return True
    return n <= 20 and bool(
        re.match(r"^(?:read more about|topics?|tags?|filed under|this article tagged under)\s*:", s, re.I)
    )


_click_here = pattern(r"\bclick (?:here|below|on the link)\b")
# The site's other offers: "Test your knowledge of the show with our quiz.", "The booklet is free and you may
# download a copy here." A report says where a thing can be had, not "here".
_elsewhere_on_the_site = pattern(r"^test your knowledge\b|\bdownload (?:a copy|it|them|the [\w -]{1,30}) here\W*$")
# A story list flattened into lines: each item's headline twice (link text and image alt text), then its teaser.
# "Fire Displaces 18 People Fire Displaces 18 People A fire has destroyed ..." Prose never opens by repeating
# its first four words or more; a line that goes on repeating them is a chant or a test pattern, not a list.
_teaser = re.compile(r"^(\S+(?: \S+){3,24}) \1\b(?! \1)")


def _repeats_opening_word(s: str) -> bool:
    """Whether the line's first word comes again: a cheap pre-test for `_teaser`, which needs it to."""
    first = s.split(" ", 1)[0]
    return f" {first} " in s


_link = re.compile(r"^(?:[\w\"'“”&.+ -]{0,40}\s*[:\-–—]\s*)?(?:%s)\s*$" % URL, re.I)


# A short line that ends in a web address points the reader elsewhere: "Watch the full episodes here: https://…".
_ends_in_url = re.compile(r"\s(?:https?://|www\.)\S+$")


def link_line(s: str) -> bool:  # bare URL, or "Label: URL" / "Label - URL", or a short pointer ending in one
    n = count_words(s)
    return (n <= 10 and bool(_link.match(s))) or (n <= 15 and bool(_ends_in_url.search(s)))


# The Hill's hover card on a linked name: the person's full name, three headlines of other stories and "MORE", glued
# into the sentence after the name the reader sees ("Donald Trump Donald John TrumpTrump Jr. getting 0k to speak at
# UNT … tax plan MORE panned …"). The full name ends in the shown name's last word and runs into the first headline
# without a space, a capital or digit straight after the name: prose does not glue a word to a name it repeats.
# The 21 cards seen (raw Multi-News 26; 20 lower-cased ones in the first 1,000 truncated clusters) run 115-373
# characters from the full name to "MORE"; the name took one to four words ("Jefferson (Jeff) Beauregard Sessions").
_HOVER_CARD = re.compile(r"\b([A-Z][a-z'’-]+) (?:[A-Z(][\w.'’()-]* ){1,4}?\1(?=[A-Z0-9]).{10,400}? MORE\b")


def strip_hover_cards(line: str) -> str:
    """`line` without the hover cards glued into it: each card's full name, headlines and "MORE" are cut, the name
    the sentence shows is kept ("Donald Trump panned …")."""
    return _HOVER_CARD.sub(r"\1", line) if " MORE" in line else line
