"""An unnamed source a pronoun goes on meaning: 'Gillibrand recounted the time a labor leader advised her to improve
her looks. “…,” he said.' The "he" is the labor leader, the subject of the sentence before, not a person the text
named earlier; a name in the sentences between (any gender) keeps the usual reading. Likewise a bare "Another" or
"One" opening the sentence before ("Another hoped …: “…,” he wrote") leaves the "he" to no one the text named.
"""

from __future__ import annotations

import re

from storyline.analyze.names import SOURCE_ROLES_PATTERN
from storyline.segment import previous_sentence_start

# person nouns no role list holds, and those that say the gender ("a male senator" is a senator)
_PERSONS = "man|woman|congressman|congresswoman|senator|lawmaker|colleague|passenger|bystander|customer|member"
_GENDERED = {"man": "m", "congressman": "m", "woman": "f", "congresswoman": "f"}
# what may come right before a clause's subject: a sentence's start, or a conjunction ("reveals that one male
# Senator", "the time a labor leader advised her"); not a verb or a preposition ("met a labor leader who …")
_CLAUSE_OPENERS = frozenset("that when time day after while as because where how but".split())
# "a labor leader advised", "one male Senator, after …,": an indefinite description of a person before a verb
_INDEFINITE = re.compile(
    r"(?<!\w)"
    r"(?P<who>(?:[Aa]n?|[Oo]ne|[Aa]nother)\s+(?:[A-Za-z][\w-]*\s+){0,3}?"
    rf"(?P<noun>(?i:{SOURCE_ROLES_PATTERN}|{_PERSONS})))"
    r"(?=(?:,\s+(?:after|who)\b|\s+who\s+[a-z]+|\s+(?:also\s+)?[a-z]+(?:ed|s)\b(?!\s+(?:of|that)\b)))"
)

# "Another hoped the movement would disappear", "One wrote that …": a sentence whose subject is a bare "Another" or
# "One" standing for someone of a group just mentioned, before its verb
_PRONOMINAL_SUBJECT = re.compile(r"(?:Another|One)\s+(?:also\s+)?[a-z]+(?:ed|s)\b")


def indefinite_source_before(body: str, gender: str, position: int, named_at: list[int]) -> tuple[int, str] | None:
    """The indefinite description opening a clause in the quote's sentence or the one before it (in its paragraph
    or the one before), last before `position`, when no person is named between it and `position` (`named_at`:
    where the article names people) and its noun does not say the other gender: (start, "a labor leader")."""
    own = body.rfind("\n", 0, position)
    paragraph = body.rfind("\n", 0, max(own, 0)) + 1 if own > 0 else 0
    found = None
    for match in _INDEFINITE.finditer(body, paragraph, position):
        before = body[max(paragraph, match.start() - 12) : match.start()]
        word_before = before.split()[-1:]
        opens = not word_before or word_before[0][-1:] in '.!?”"' or word_before[0].lower() in _CLAUSE_OPENERS
        if not opens:
            continue
        said = _GENDERED.get(match.group("noun").lower())
        if said is None or said == gender:
            found = match
    if found is None or any(found.end() <= at < position for at in named_at):
        return None
    # the sentence before the quote's, at most: "…a labor leader advised her…. “…,” he said"; the splitter's
    # sentences, so that "the U.S. Senate" or "10 a.m. Monday" ends none
    if found.start() < previous_sentence_start(body, position):
        return None
    return found.start("who"), found.group("who")


def pronominal_source_before(body: str, position: int, named_at: list[int]) -> bool:
    """Whether the quote's sentence or the one before it (`position`: the pronoun or the quote) opens with a bare
    "Another" or "One" as its subject, with no person named after it (`named_at`): then '“…,” he wrote' is that
    unnamed member of a group, whom no name of the text means."""
    earliest = previous_sentence_start(body, position)
    for match in _PRONOMINAL_SUBJECT.finditer(body, earliest, position):
        before = body[max(0, match.start() - 3) : match.start()]
        opens = match.start() == 0 or not before.strip() or before.rstrip()[-1:] in '.!?”"'
        if opens and not any(match.end() <= at < position for at in named_at):
            return True
    return False
