"""Two people who speak together: "Molto and Dr. Peter Sheldrick said", "the two senators", or "they" and "the
researchers" after the text named two people together.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence

from storyline.analyze.entities import Mention, strip_titles
from storyline.analyze.mentions import starting_within
from storyline.analyze.names import SpeakerContext, article_name, full_name
from storyline.segment import previous_paragraph_start

# "the two Republicans", "both senators", "the pair": two people named just before speak together
PAIR = re.compile(r"(?:[Tt]he\s+two|[Bb]oth)(?:\s+[A-Za-z]+)?|[Tt]he\s+pair")
_PAIR_REACH = 400  # characters back to look for the two
# "they", "the researchers", "the authors": a group that is the pair of people the text just named together
PLURAL = re.compile(
    r"they|(?:the|The)\s+(?:[a-z]+\s+)?(?:researchers|authors|scientists|scholars|duo|couple|co-authors|writers)"
)
_JOINT_REACH = 700  # characters back to the two named together, within this paragraph or the one before
# between two people named together: "and", maybe a title or role words ("Molto and Dr. Peter Sheldrick")
_TWO_NAMES = re.compile(r"\b(?P<a>[A-Z][\w'’-]+)\s+and\s+(?P<b>[A-Z][\w'’-]+)")
_FULL_NAME_AND = re.compile(r"(?<![\w'’-])(?P<name>[A-Z][a-z]+(?:\s+[A-Z][a-z]+){1,2})\s+and\s+$")
_AND = re.compile(r"\s+and\s+(?:[A-Za-z][\w.]*\s+){0,3}")


_AND_APPOSITION = re.compile(r",\s+and\s+")
_ROLE_BEFORE_NAME = re.compile(r"(?:(?:[A-Z][\w.'’-]*|of|the|for)\s+){0,5}")  # "Superintendent of Schools "


def pair_before(people: Sequence[Mention], start: int) -> str | None:
    """ "the two senators said in a joint statement": the last two people named just before, as 'A and B'."""
    names: list[str] = []
    for m in reversed([m for m in starting_within(people, start - _PAIR_REACH, start) if m.end <= start]):
        if m.label == "PERSON" and m.name not in names:
            names.insert(0, m.name)
    if len(names) < 2:
        return None
    return " and ".join(names[-2:])


def is_person(mention: Mention, surname_bearers: set[str]) -> bool:
    """A personal name: tagged PERSON, or the full name of a person whose surname the text uses ("El Molto"), one of
    `surname_bearers` (gathered once for all the mentions of a text: thousands in a long one)."""
    return mention.label == "PERSON" or mention.name in surname_bearers


def _surname_bearers(context: SpeakerContext) -> set[str]:
    return set().union(*context.surnames.values())


def joint(body: str, start: int, end: int, people: Sequence[Mention], context: SpeakerContext) -> str | None:
    """ "Molto and Dr. Peter Sheldrick", "anthropologist El Molto of Western University and physician Peter
    Sheldrick": two people named together in the speaker words speak together, as 'A and B'."""
    bearers = _surname_bearers(context)
    inside = [m for m in starting_within(people, start, end) if m.end <= end and is_person(m, bearers)]
    for first, second in itertools.pairwise(inside):
        between = body[first.end : second.start]
        if " and " in between and not re.search(r"[,;:()]", between) and first.name != second.name:
            return f"{person_name(first, context)} and {person_name(second, context)}"
    # a full name NER missed before one it found: "the Budget Council's Corin Ashdale and Peter Lund"
    if inside and inside[-1].end == end:
        last = inside[-1]
        untagged = _FULL_NAME_AND.search(body, start, last.start)
        if untagged and not any(m.start < untagged.end("name") and untagged.start("name") < m.end for m in people):
            return f"{untagged.group('name')} and {person_name(last, context)}"
    # surnames NER missed: "wrote Brook and Vail"
    both = _TWO_NAMES.fullmatch(body, start, end)
    names = [full_name(strip_titles(both.group(g)), context, start) for g in ("a", "b")] if both else []
    if names and all(names) and names[0] != names[1]:
        return " and ".join(n for n in names if n)
    return None


def person_name(mention: Mention, context: SpeakerContext) -> str:
    """'Vantongeren' → the full name the text gives the person; titles dropped. A surname two people share is
    resolved here, not by the entity merge, which gave it to one of them for the whole cluster."""
    name = strip_titles(article_name(mention, context))
    return (full_name(name, context, mention.start) or name) if " " not in name.strip() else name


def pairs_named(body: str, mentions: Sequence[Mention], context: SpeakerContext) -> list[tuple[int, str]]:
    """Where the text names two people together, "Molto and Sheldrick": whom a later "they" may mean."""
    pairs: list[tuple[int, str]] = []
    bearers = _surname_bearers(context)
    people = [m for m in mentions if is_person(m, bearers)]
    for first, second in itertools.pairwise(people):
        if _AND.fullmatch(body, first.end, second.start) and first.name != second.name:
            pairs.append((first.start, f"{person_name(first, context)} and {person_name(second, context)}"))
    for both in _TWO_NAMES.finditer(body):  # surnames NER missed: "Brook and Vail believe"
        names = [full_name(both.group(g), context, both.start()) for g in ("a", "b")]
        if names[0] and names[1] and names[0] != names[1]:
            pairs.append((both.start(), f"{names[0]} and {names[1]}"))
    return sorted(pairs)


def named_together(body: str, start: int, end: int, context: SpeakerContext) -> str | None:
    """ "they wrote", "the researchers said": the two people named together just before, in this paragraph or the
    one before it; not two who spoke to them ("Ames and Hale told the couple …, the couple said")."""
    paragraph = previous_paragraph_start(body, start)
    recent = [(pos, pair) for pos, pair in context.pairs if max(paragraph, start - _JOINT_REACH) <= pos < start]
    if not recent:
        return None
    pos, pair = max(recent)
    who = body[start:end].lower()
    return None if who.startswith("the ") and who in body[pos:start].lower() else pair


def co_speaker(body: str, at: int, speaker: str, persons: Sequence[Mention]) -> Mention | None:
    """ "said the mayor, Ann Lowe, and Superintendent of Schools Tom Reyes, in a statement": the second person, in
    apposition like the first, named at `at` after it."""
    joined = _AND_APPOSITION.match(body, at)
    other = next((m for m in persons if joined and _ROLE_BEFORE_NAME.fullmatch(body, joined.end(), m.start)), None)
    if other is None or other.name == speaker or not re.match(r"[,.]", body[other.end : other.end + 1]):
        return None
    return other
