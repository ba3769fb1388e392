"""Patterns that attribute a few quoted words without a plain speech verb before them: a characterising verb
("called the deal “a disaster”", "blamed the drop on “headwinds”"), "what X called", a passive with its agent
("deemed “…” by investigators"), the owner of a claim or a wish ("his promise to “…”"), and a crowd "chanting
“…”". `quotes.py` applies them. (A banner that "read “…”" stays unattributed: no one is quoted.)
"""

from __future__ import annotations

import re

from storyline.analyze.speech_verbs import PASSIVE_ADVERB
from storyline.analyze.subjects import is_group

WORD = r"[\w.'’&-]+"
# Verbs that characterise rather than report, attributing a few quoted words to their subject: "Trump called the
# deal “a disaster”", "panned Wasserman Schultz as a “terrible person”", "lambasted his father for “ruining” …".
_CHARACTERISING = (
    r"call(?:s|ed)|dub(?:s|bed)|term(?:s|ed)|label(?:s|l?ed)|brand(?:s|ed)|pan(?:s|ned)|slam(?:s|med)|"
    r"lambast(?:s|ed)|blast(?:s|ed)|critici[sz](?:es|ed)|prais(?:es|ed)|hail(?:s|ed)|defin(?:es|ed)|"
    r"view(?:s|ed)|regard(?:s|ed)|sees|saw|accus(?:es|ed)|describ(?:es|ed)|mock(?:s|ed)|den(?:ies|ounced)|"
    r"dismiss(?:es|ed)|reject(?:s|ed)|defend(?:s|ed)|condemn(?:s|ed)|characteri[sz](?:es|ed)|decr(?:ies|ied)|"
    r"portray(?:s|ed)|welcom(?:es|ed)|"
    r"refer(?:s|red|ring)\s+to"  # 'referring to herself as “the mother”'
)
CHARACTERISED = re.compile(
    rf"\b(?P<verb>{_CHARACTERISING})\s+(?!as\b)[^\"“”;:]{{1,80}}?\s+(?:as|for)\s+(?:an?|the|being|his|her|their|its)?\s*$"
    rf"|\b(?P<verb2>call(?:s|ed)|dub(?:s|bed)|term(?:s|ed)|label(?:s|l?ed)|brand(?:s|ed))\s+(?!for\b|on\b|it\s+as\b)"
    rf"{WORD}(?:\s+{WORD}){{0,7}}\s*$"
    r"|\b(?P<verb3>call(?:s|ed)\s+for)\s+(?:an?|the)?\s*$"
    r"|\b(?P<verb4>us(?:es|ed)\s+the\s+(?:words?|terms?|phrases?))\s*$"  # 'uses the word “puzzling”'
    # 'blamed the decline on more pronounced “competitive headwinds”'
    r"|\b(?P<verb5>blam(?:es|ed))\s+[^\"“”;:]{1,80}?\s+on\s+(?:[\w-]+\s+){0,3}$"
    # 'Officials believe that he has “significant information”': a belief reported in its holders' words
    # (not the noun: 'Police said the murder suspect was “armed”'); and 'expressed hope that the talks would be “…”'
    r"|\b(?<!the\s)(?<!\ba\s)(?P<verb6>believe[sd]?|suspect(?:s|ed)?(?!\s+(?:is|was|were|are)\b)|"
    r"express(?:es|ed)\s+(?:\w+\s+)?(?:confidence|hope|concern|doubts?|fears?|optimism|frustration))"
    r"\s+(?:that\s+)?[^\"“”;:.]{1,120}$"
    # 'accusing the minister of “letting austerity …”', 'accused the maker of hiding, in spite of “fire risks”': the
    # charge is the accuser's words
    r"|\b(?P<verb7>accus(?:es|ed|ing))\s+(?!of\b)[^\"“”;:.]{1,60}?\s+of\s+[^\"“”;:.]{0,100}$"
    # 'promised a “deal of the century”', 'expressed his “deepest sympathies”', 'thanked voters for their “…”': a
    # speech act's object in the speaker's words (not 'offered an “unsanctioned” rebuttal': the writer's label)
    r"|\b(?P<verb8>promis(?:es|ed)|express(?:es|ed)|apologi[sz](?:es|ed)\s+for|"
    r"thank(?:s|ed)\s+[^\"“”;:.]{1,40}?\s+for|pledg(?:es|ed))\s+(?:an?|the|his|her|their|its)\s+(?:[\w-]+\s+)?$",
    re.IGNORECASE,
)
# "In what the daily Corriere della Sera called “…”", "what they called a “gangster-like” approach", "in what the
# court said was a “…”".
WHAT_CALLED = re.compile(
    rf"\b(?:what|which)\s+(?P<who>{WORD}(?:\s+{WORD}){{0,5}}?)\s+(?:calls|called|dubbed|termed|labell?ed|branded|"
    r"(?:says|said)\s+(?:is|was|were|are)|"
    r"(?:describes|described|sees|saw|views|viewed)\s+as)\s+(?:an?|the)?\s*$"
)
# `deemed “a tragic accident” by investigators`: a passive characterising verb before the quote, its agent after.
PASSIVE_CHARACTERISED = re.compile(
    rf"\b(?:is|are|was|were|be|been|being)\s+(?:{PASSIVE_ADVERB}\s+)?(?:called|deemed|dubbed|termed|labell?ed|branded|"
    r"(?:described|characteri[sz]ed|denounced|criticized|criticised)\s+as)\s+(?:an?\s+|the\s+)?$"
)
BY_AGENT = re.compile(r"\s*by\s+(?P<who>[^,.;:!?\"“”()\n]{2,80}?)\s*(?:[,.;:!?]|$)")
# "Mr. Harlan's claim that everything in it is “fully funded”", "his promise to “drain the swamp”": the claim's owner.
CLAIM_OF = re.compile(
    r"(?P<who>\b(?:[Hh]is|[Hh]er)|(?:[A-Z][\w.'’-]*\s+){0,3}[A-Z][\w'’-]*(?=['’]s?\s))(?:['’]s?)?\s+(?:[a-z]+\s+)?"
    r"(?:claims?|assertions?|insistence|promises?|pledges?|vows?|warnings?|arguments?|suggestions?|mantra|boast|"
    r"accusations?|contention|words|opinion|belief|view)\s+(?:that|to|of)\b[^\"“”.;:!?]{0,160}$"
    # a wish is the owner's words only when they follow at once: 'Lee's desire to remain “…”'
    r"|(?P<wisher>\b(?:[Hh]is|[Hh]er)|(?:[A-Z][\w.'’-]*\s+){0,3}[A-Z][\w'’-]*(?=['’]s?\s))(?:['’]s?)?\s+"
    r"(?:desire|wish|intention|hope)\s+to\s+(?:\w+\s+){0,2}$"
)
# 'the “deal” he promised', 'the “wall” that Trump vowed to build': the words of whoever promised it, right after
PROMISED_AFTER = re.compile(
    r"\s*(?:that\s+|which\s+)?(?P<who>[Hh]e|[Ss]he|(?:[A-Z][\w.'’-]*\s+){0,2}[A-Z][\w'’-]+)\s+(?:had\s+|has\s+)?"
    r"(?:promised|vowed|pledged|touted|proposed|demanded|called\s+for)\b"
)
# 'packed with well-wishers bearing photos and chanting “…”': the crowd
_PLURAL_WORD = re.compile(r"\b[a-z][\w-]*s\b")
# …where the crowd stands may come between: 'protesters in the streets chanted “…”' (the protesters, not the streets)
_CROWD_PLACE = (
    r"(?:\s+(?:in|on|at|outside|inside|near|along|around|across)\s+(?:the\s+)?[a-z][\w-]*(?:\s+[a-z][\w-]*)?)?"
)
_CHANTING = re.compile(
    rf"{_CROWD_PLACE}(?:\s+[^\"“”.;:]{{0,80}}?\s+and)?\s+(?:chanting|chanted|singing|sang|yelling)\s*:?\s*"
)


def chanting_crowd(before: str) -> tuple[int, int] | None:
    """Where in `before` (the sentence up to a quote) a crowd chanting the quote is named."""
    crowds = (m for m in _PLURAL_WORD.finditer(before) if is_group(m.group()) and _CHANTING.fullmatch(before, m.end()))
    crowd = next(crowds, None)
    return crowd.span() if crowd is not None else None
