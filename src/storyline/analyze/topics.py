"""Who each sentence is about: the person opening its main clause, whom a later "he" or "she" most likely means,
and the topic that a few quoted words with no attribution belong to.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from storyline.analyze.entities import Mention, name_key
from storyline.analyze.mentions import starting_within
from storyline.analyze.names import SpeakerContext, role_nouns, title_gender
from storyline.analyze.speech_verbs import VERBS
from storyline.analyze.surnames import named_most
from storyline.segment import OPENING_CONJUNCTION, sentence_spans

# "“…,” she said, thanking …": the pronoun is the sentence's subject
_PRONOUN_SPEAKS = re.compile(rf"[\"“][^\"“”]*[\"”]\s*(?:he|she)\s+(?:{VERBS})\b")
# An opening phrase before a sentence's main clause, with its comma: "Speaking to reporters, ", "On Monday, "
_OPENING_PHRASE = r"[^,.;:!?\"“”\n]{1,60},\s+"
# A main clause opening with a person: "Sen. Dianne Feinstein, …", "On Monday, Sen. Dianne Feinstein …", "But the
# British neuroscientist Prof Adrian Owen …" (one noun in lower case: "the designer studied under Dumas" is no name).
# Its opening phrase is `_OPENING_PHRASE` with at most 30 characters: the limit predates the 60 (a015835) and no
# reason for it is recorded; raising it would change behaviour, so it stays.
_SUBJECT_AHEAD = re.compile(
    rf"(?:[^,.;:!?\"“”\n]{{1,30}},\s+)?{OPENING_CONJUNCTION}(?:the\s+(?:[A-Z][\w'’-]*\s+){{0,3}}[a-z][\w-]*\s+)?"
    r"(?:(?:[A-Z][\w.'’-]*|former|late)\s+){0,4}"
)
# …also after a determiner and a role: "In a reference to former president Barack Obama, Trump wondered"
_OBJECT_BEFORE = re.compile(
    r"\b(?:to|with|for|from|about|against|towards?|by|under)\s+"
    r"(?:(?:the|a|an|former|late)\s+(?:[a-z][\w-]*\s+){0,2})?(?:[A-Z][\w.'’-]*\s+){0,3}$"
)
# "Speaking to reporters, the president said …": a role opening the main clause, after at most two opening phrases
_ROLE_OPENS = re.compile(
    rf"(?:{_OPENING_PHRASE}){{0,2}}{OPENING_CONJUNCTION}[Tt]he\s+(?P<noun>[a-z]+)\s+"
    r"(?!(?:of|for|and|or|who|that|which|in|at|to)\b)"
)
# "Contacted by Salon, he denied being Mike Enoch": a pronoun after an opening phrase is the subject
_PRONOUN_AFTER_OPENING = re.compile(rf"(?:{_OPENING_PHRASE}){{1,2}}(?:he|she)\b")
# "Jordan's grandmother": the person owns a relation and is not the subject
OWNS_NOUN = re.compile(r"['’]s?\s+[a-z]")
# A subordinate clause up to its comma; words quoted inside it are part of it: 'Before Lee chose to be called
# “pope emeritus,” …'
CLAUSE_TO_COMMA = r"(?:[^,.;:!?\"“”\n]|[\"“][^\"“”\n]{1,60}[\"”]){1,150}(?:,|(?<=,[\"”]))\s+"
# A sentence opening with a subordinate clause: its subject (and the referent of a "he" inside the clause) comes
# after the comma.
FRONTED = re.compile(
    rf"(?:[\w'’-]+\s+){{0,3}}?(?:before|after|when|while|although|though|since|because|if|once|until|as)\s"
    rf"{CLAUSE_TO_COMMA}",
    re.IGNORECASE,
)
# "Pelosi is facing …", "Kowalczyk, 29, admitted …", "Lemieux, who …": a capitalised word opening a clause before a
# word in lower case or an apposition; a person if a surname
_SURNAME_OPENING = re.compile(r"[A-Z][\w'’-]+(?=,?\s+[a-z\d])")


def sentence_subjects(
    body: str, persons: Sequence[Mention], context: SpeakerContext
) -> list[tuple[int, str, str, bool]]:
    """The first person named in each sentence: who a later 'he' or 'she' most likely refers to; after one owning
    a relation, the next too ("Jordan's grandmother, Jessica Belliveau, said": the grandmother is the subject); or
    a surname NER missed that opens the sentence ("Pelosi is facing pressure"). `persons` are in reading order."""
    subjects: list[tuple[int, str, str, bool]] = []
    for start, end in sentence_spans(body):
        fronted = FRONTED.match(body, start, end)  # "A day before he tweeted about Strzok, the younger Goodlatte …"
        main = fronted.end() if fronted else start
        # "He met Tan at …", "“…,” she said, thanking Tan": the pronoun's person is the subject; Tan is none
        if re.match(r"(?:He|She)\b", body[main:end]) or _PRONOUN_SPEAKS.match(body, main, end):
            continue
        opening = _PRONOUN_AFTER_OPENING.match(body, main, end)
        if opening is not None and not starting_within(persons, main, opening.end()):
            continue
        role = _ROLE_OPENS.match(body, main, end)
        holder = _role_holder(role.group("noun"), role.start("noun"), context) if role else None
        if role and holder and not starting_within(persons, main, role.end()):
            subjects.append((role.start("noun"), holder, "", True))
            continue
        # "In an e-mail to Mayor Tim Flaherty, she wrote": the object of a preposition is no subject
        named = [m for m in starting_within(persons, main, end) if not _OBJECT_BEFORE.search(body, main, m.start)][:2]
        surname = _SURNAME_OPENING.match(body, main, end)
        bearers = context.surnames.get(name_key(surname.group()), set()) if surname else set()
        opens = not (named and named[0].start == main)
        if len(bearers) == 1 and opens:
            subjects.append((main, next(iter(bearers)), "", True))
            continue
        # a surname two people share opening the sentence ("Pasztor faces charges over the deaths of her son Rene
        # Pasztor") is the subject, the bearer the text was about last, not the one named later in the sentence
        if len(bearers) > 1 and opens:
            recent = next((name for _, name, _, _ in reversed(subjects) if name in bearers), None)
            bearer = recent if recent is not None else named_most(bearers, context.mentions, context.relatives)
            if bearer is not None:
                subjects.append((main, bearer, "", True))
                continue
        if named and not OWNS_NOUN.match(body, named[0].end):
            named = named[:1]
        subjects += [(m.start, m.name, title_gender(body, m.start), True) for m in named]
    return subjects


def _role_holder(noun: str, position: int, context: SpeakerContext) -> str | None:
    """The one person the text gave the role `noun` before `position` ("President Obama" for "the president"), whom
    a later "he" means when "the president" is the sentence's subject; None if nobody or two people had it."""
    nouns = role_nouns(noun)
    holders = {d.speaker for d in context.described if d.noun in nouns and d.kind == "named" and d.at < position}
    return holders.pop() if len(holders) == 1 else None


def sentence_topics(
    body: str, persons: Sequence[Mention], genders: dict[str, str], surnames: dict[str, set[str]]
) -> list[tuple[int, str]]:
    """The person each sentence is about: one named at its main clause's start (a surname NER missed there too:
    "Whitlow kept hoping …"), or the one "he"/"she" there continues; a sentence about something else keeps the topic
    of the one before. `persons` are in reading order."""
    topics: list[tuple[int, str]] = []
    for start, end in sentence_spans(body):
        fronted = FRONTED.match(body, start, end)
        main = fronted.end() if fronted else start
        first = next(iter(starting_within(persons, main, end)), None)
        pronoun = re.match(r"(He|She)\b", body[main:end])
        surname = _SURNAME_OPENING.match(body, main, end)
        bearers = surnames.get(name_key(surname.group()), set()) if surname else set()
        if first is not None and _SUBJECT_AHEAD.fullmatch(body, main, first.start):
            topics.append((first.start, first.name))
        elif len(bearers) == 1:
            topics.append((main, next(iter(bearers))))
        elif pronoun and topics and genders.get(topics[-1][1], "") in ("", "m" if pronoun.group(1) == "He" else "f"):
            topics.append((main, topics[-1][1]))
    return topics
