"""Text an NER span takes along from the page around a name: photo credits, wire names, a social card or byline box
repeating the name, footnote marks, link words, small words at its edges. Cleaning leaves such page furniture in
a body where it is glued to the story's words ("AP American Airlines on Thursday said …"); the name is what remains.
"""

from __future__ import annotations

import re

from storyline.furniture.shared import WIRE_AGENCIES

# Where a name ends before a reference NER took along: "Community of Christ.[5", "Kim,30"
_FOOTNOTE = re.compile(r"\.?\[\d|,\s?\d")
# A footnote number glued to a name's last word: "Cascade Range34" (a one-word name may end in digits: "Jet2")
_GLUED_NUMBER = re.compile(r"(?<=[a-z])\d+$")
# Link and button words, and a tribute's "RIP", opening a line before a name: "View Trump picks Gorsuch", "Read
# Hockley's letter here", "RIP Marty Balin"
LEAD_IN_WORDS = frozenset("View Read Click Follow Share Subscribe Tweet RIP".split())
# Photo credits and captions cleaning left in the body: "Credit Doug Mills", "AP Photo/Jo Linsley", "(Photo: Jo
# Linsley AP)", "Hulton Archive - Getty": a name with these words credits a picture, it is no one in the story
_CREDIT = re.compile(r"^(?:Credit|Photo|Photograph|Courtesy)\b|\bPhoto\s*/|\s/|/\s")
# the credit's name stands before a slash or after a credit line's label: "Jo Linsley/Reuters", "Photo: Jo Linsley"
_CREDITED_AFTER = re.compile(r"\s*/\s*[A-Z]")
_CREDITED_BEFORE = re.compile(r"\b(?:Credit|Photo|Photograph|Photographer|Courtesy|Image)\b:?[ \t]*$")
# Not "EPA": the European photo agency is also the US Environmental Protection Agency ("Trump's EPA").
WIRES = frozenset([*WIRE_AGENCIES, "REUTERS", "Getty"])
"""News agencies, whose name credits a photo or a dateline."""
# Words that join two names into one ("Johnson & Johnson", "Marks and Spencer"): a name after them is no repeat.
_JOINING_WORDS = frozenset("& and of".split())
_PLATFORMS = frozenset("Facebook Twitter Instagram YouTube Pinterest LinkedIn".split())
# Small words that open or close no name: "of Bahrain", "University of Wisconsin at", "her Conservative Party"
_EDGE_WORDS = frozenset("of at on in to for and the a an his her their its our".split())
NAME_PARTICLES = frozenset("de del della der den di da du dos la le van von bin ibn abu al el".split())
"""Lower-case words inside a person's name: "Oscar de la Renta", "Abu Mustafa al-Sayed", "Ludwig van Beethoven",
"Dia al-Hotmani". The one list of them: entities and glued text keep a name's lower-case word by it, quotes read a
name in apposition with it, name_variants a family name opening with one."""


def before_footnote(text: str) -> str:
    """'Community of Christ.[5' → 'Community of Christ', 'Cascade Range34' → 'Cascade Range'."""
    name = _FOOTNOTE.split(text)[0]
    return _GLUED_NUMBER.sub("", name) if " " in name else name


def is_photo_credit(body: str, start: int, end: int, label: str) -> bool:
    """Whether the name at body[start:end] credits a picture: after a credit line's label ("Photo: Jo Linsley"),
    or a person before a slash ("Jo Linsley/Reuters"; a place there is a dateline's, "SINGAPORE/BEIJING")."""
    # a credit gives a photographer's full name; one word before a slash is a ticket or a pair ("Clinton/Kaine")
    is_credited = label == "PERSON" and " " in body[start:end] and _CREDITED_AFTER.match(body, end) is not None
    return is_credited or _CREDITED_BEFORE.search(body, max(0, start - 14), start) is not None


def without_glued_text(body: str, tokens: list[tuple[int, int]], label: str) -> list[tuple[int, int]]:
    """The name's own words of an NER span that took neighbouring text along: a photo credit or wire name before
    it ("AP American Airlines": a caption's credit, then the story), a social card repeating it ("Donald Trump
    Donald John Trump"), a byline box repeating it ("Mark Joseph Stern Mark Joseph Stern covers …"), a link to its
    social account ("Museum on Facebook"), small words at its edges, and a verb after a person's name ("Stephen
    kicks off"). None at all for a photo credit."""
    words = [body[s:e] for s, e in tokens]
    if _CREDIT.search(body[tokens[0][0] : tokens[-1][1]]) or (len(words) > 1 and words[-1] in WIRES):
        return []
    if len(words) > 1 and words[0] in WIRES and words[1] != "Images":  # "Getty Images" is the agency itself
        tokens, words = tokens[1:], words[1:]
    repeat = words.index(words[0], 2) if words[0] in words[2:] else 0
    if repeat and words[repeat - 1] not in _JOINING_WORDS:  # a name of two words or more, then the same name again
        tokens, words = tokens[:repeat], words[:repeat]
    if len(words) > 1 and words[-1] in _PLATFORMS:  # a page's link to its account: "Business Insider Facebook"
        tokens, words = tokens[:-1], words[:-1]
    while len(tokens) > 1 and words[0] in _EDGE_WORDS:
        tokens, words = tokens[1:], words[1:]
    while len(tokens) > 1 and (
        words[-1] in _EDGE_WORDS or (label == "PERSON" and words[-1].islower() and words[-1] not in NAME_PARTICLES)
    ):
        tokens, words = tokens[:-1], words[:-1]
    return tokens
