"""The rules `speakers.resolve` tries, in order, on the words naming a quote's speaker (`SpeakerWords`): the first
rule with a verdict, a speaker or `NOBODY`, decides; None lets the next rule try. Each rule's docstring gives the
words it is for. They come in the order of `RULES`, by kind: a document's or a firm's words, pronouns and groups
of people, names, then descriptions and the capitalised words left over. What a name, a pronoun or a description
refers to is `referents.py`'s.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import cached_property
from typing import Final, Literal

from storyline.analyze.documents import described_author, named_author
from storyline.analyze.entities import ABBREVIATED_TITLES, Mention
from storyline.analyze.mentions import starting_within
from storyline.analyze.names import FUNCTION_WORDS, Described, SpeakerContext, article_name, full_name
from storyline.analyze.organisations import organisation_named_after
from storyline.analyze.pairs import PAIR, PLURAL, joint, named_together, pair_before
from storyline.analyze.referents import (
    PREPOSITIONS,
    PRONOUNS,
    Speaker,
    description_referent,
    name_referent,
    pronoun_referent,
)
from storyline.analyze.speech_verbs import DESCRIBERS
from storyline.analyze.topics import OWNS_NOUN

_PARTY = r"(?:Democrat|Republican|Independent|Libertarian)"
_PARTY_MEMBER = re.compile(rf"The\s+(?:[A-Z][\w.'’-]*\s+)*{_PARTY}")  # "The Missouri Democrat"
_PARTY_WORD = re.compile(rf"\b{_PARTY}$")  # "a top House Republican"
_VAGUE = frozenset("they we i you it what".split())  # a group, the writer, a thing: nobody to name
_DETERMINERS = frozenset("a an the this that his her their its my our".split())
_SUBORDINATORS = frozenset("as when while because if since after before though although".split())
LY_NOUNS = frozenset("family ally assembly rally monopoly bully".split())
# auxiliaries and the like: a description holding one has run into a clause
_NOT_IN_NOUN_PHRASES = frozenset("is was are were be been has had have also".split())
# "McSally's campaign", "North Korean media", "Ohio health officials": capitalised words and then common nouns
# describe a source.
_DESCRIBED_BY_NAME = r"(?:[A-Z][\w.'’-]*\s+)*[A-Z][\w.'’-]*(?:['’]s?)?(?:\s+[a-z]+){1,3}$"
# "Clifford's lawsuit", "Lowe's new statement": a document the words say is a person's; a later "the suit" is it
_OWNED_DOCUMENT = re.compile(
    r"['’]s?\s+(?:[a-z][\w-]*\s+)?(?P<noun>lawsuit|suit|complaint|statement|letter|e-?mail|memo)"
)
_SAME_DOCUMENT = {"lawsuit": ("lawsuit", "suit"), "suit": ("lawsuit", "suit"), "e-mail": ("email", "e-mail")}
_GROUP_OPENING_SENTENCE = re.compile(r"[A-Z][a-z-]{2,}(?<![su])s|Police|Staff|People")


@dataclass
class SpeakerWords:
    """The words naming a quote's speaker, `body[start:end]`, and what the rules read from them."""

    body: str
    start: int
    end: int
    open_at: int
    people: Sequence[Mention]
    context: SpeakerContext

    @cached_property
    def who(self) -> str:
        return self.body[self.start : self.end]

    @cached_property
    def first(self) -> str:
        """The first word in lower case, without a contraction: "He's" is "he"."""
        return re.sub(r"['’]\w+$", "", self.who.split()[0].lower())

    @cached_property
    def inside(self) -> list[Mention]:
        """The entities NER tagged within the words."""
        return [m for m in starting_within(self.people, self.start, self.end) if m.end <= self.end]

    @cached_property
    def persons(self) -> list[Mention]:
        return [m for m in self.inside if m.label == "PERSON"]

    def named(self, name: str, *, is_person: bool = True) -> Speaker:
        return name_referent(self.body, name, self.start, self.end, self.context, is_person=is_person)

    def together(self, names: str) -> Speaker:
        return Speaker(names, "named", self.start, self.end)

    def describe(self) -> Speaker:
        return description_referent(self.body, self.start, self.end, self.open_at, self.context)


NOBODY: Final = "nobody"
"""A rule's verdict that the words name no speaker: resolution stops there, where None lets the next rule try."""
_Verdict = Speaker | Literal["nobody"] | None


# --- a document's words are its author's, a firm's the firm's -------------------------------------------------------


def _author(w: SpeakerWords) -> _Verdict:
    """ "An explanatory memorandum issued by the Department of Health said", "read a statement from the family": its
    author, named or described."""
    author = named_author(w.body, w.start, w.end, w.people)
    if author is not None:
        return w.named(author.name, is_person=author.label == "PERSON")
    # "read a statement from the family": the author the text describes, as "the family said" would
    described = described_author(w.body, w.start, w.end)
    return description_referent(w.body, *described, w.open_at, w.context) if described is not None else None


def _firm_of(w: SpeakerWords) -> _Verdict:
    """ "The firm of Ames & Hale accused …": the firm is Ames & Hale."""
    organisation = organisation_named_after(w.who)
    return w.named(organisation, is_person=False) if organisation is not None else None


# --- pronouns, people named together, and groups --------------------------------------------------------------------


def _pronoun_words(w: SpeakerWords) -> _Verdict:
    """ "he", "she", "who", "It": what the pronoun refers to; not "her father Richard Kuiper", nor the Chinese
    surname opening a name NER tagged ("said his wife, He Xintong")."""
    if w.persons and w.persons[0].start == w.start and len(w.persons[0].text.split()) > 1:
        return None
    if w.first in ("he", "she", "who") or (w.first in {*PRONOUNS, "it"} and len(w.who.split()) == 1):
        return pronoun_referent(w.body, w.start, w.end, w.open_at, w.people, w.context) or NOBODY
    return None


def _named_together(w: SpeakerWords) -> _Verdict:
    """ "Molto and Dr. Peter Sheldrick": two people named together in the words speak together."""
    together = joint(w.body, w.start, w.end, w.people, w.context)
    return w.together(together) if together is not None else None


def _plural(w: SpeakerWords) -> _Verdict:
    """ "the researchers, anthropologist El Molto … and physician Peter Sheldrick, wrote", or two named before."""
    if not PLURAL.fullmatch(w.who):
        return None
    appositive = re.match(r",[^,\"“”\n]{1,160},", w.body[w.end :])
    together = joint(w.body, w.end, w.end + appositive.end(), w.people, w.context) if appositive else None
    together = together or named_together(w.body, w.start, w.end, w.context)
    return w.together(together) if together is not None else None


def _vague(w: SpeakerWords) -> _Verdict:
    """ "they", "we", "it": a group, the writer, a thing; nobody to name."""
    return NOBODY if w.first in _VAGUE else None


def _pair(w: SpeakerWords) -> _Verdict:
    """ "the two senators": the last two people named just before, or nobody."""
    if not PAIR.fullmatch(w.who):
        return None
    pair = pair_before(w.people, w.start)
    return w.together(pair) if pair else NOBODY


# --- a name in the words: an owner's, one NER tagged, one it missed -------------------------------------------------


def _owners_document(w: SpeakerWords) -> _Verdict:
    """ "Clifford's lawsuit alleges", "Lowe's statement said": the document speaks for the person who owns it, as
    "a statement from Lowe" does; a later "the lawsuit" or "the suit" is the same person's."""
    if not w.persons or (found := _OWNED_DOCUMENT.fullmatch(w.body, w.persons[-1].end, w.end)) is None:
        return None
    speaker = w.named(article_name(w.persons[-1], w.context))
    noun = found.group("noun")
    for same in _SAME_DOCUMENT.get(noun, (noun,)):  # what `referents._named_with_role` finds "the lawsuit" by
        w.context.described.append(Described(w.start, same, speaker.name, "named"))
    return speaker


def _owned_by_person(w: SpeakerWords) -> _Verdict:
    """ "McSally's campaign": a description, not McSally."""
    return w.describe() if w.persons and OWNS_NOUN.match(w.body[w.persons[-1].end : w.end]) else None


def _name_in_two(w: SpeakerWords) -> _Verdict:
    """ "Robert Wright" and "Lee IV" are one name NER tagged in two."""
    persons = w.persons
    if len(persons) >= 2 and re.fullmatch(r" ", w.body[persons[-2].end : persons[-1].start]):
        return w.named(w.body[persons[-2].start : persons[-1].end])
    return None


def _tagged_name(w: SpeakerWords) -> _Verdict:
    """The last person NER tagged in the words, else an entity that is all of them ("the Rockies" names the
    Rockies); not a name inside a description ("the Trump administration") or after a preposition ("a friend of
    Kendra")."""
    bare = w.start + len(w.who) - len(re.sub(r"^(?:the|The)\s+", "", w.who))
    named = w.persons or [m for m in w.inside if (m.start, m.end) == (bare, w.end)]
    if (
        named
        and (w.first not in DESCRIBERS or named[-1].end >= w.end - 1)
        and not _follows_preposition(w.who, named[-1].start - w.start)
    ):
        # a bare surname two people share goes to the one this article means, not the one NER's merge chose
        return w.named(article_name(named[-1], w.context), is_person=bool(w.persons))
    return None


def _untagged_name(w: SpeakerWords) -> _Verdict:
    """A name NER missed: "Target spokesman Joshua Thomas", "Kathy Fairbanks with the No on 37 campaign"."""
    who = w.who
    # …after an owner's possessive, if any: "the New York Times’ Ann Hull" is Ann Hull
    trailing_name = re.search(r"(?:[A-Z][\w.'’-]*[\w.](?<!['’]s)\s+)+[A-Z][\w'’-]+$", who)
    # …but "North Korean media" is an adjective and a noun: a description
    leading_name = re.match(rf"(?:[A-Z][\w.'’-]+\s+)+[A-Z][\w'’-]+(?=\s+(?:{FUNCTION_WORDS})\b|$)", who)
    # "a friend of Kendra" is about Kendra; "the California Democrat", no name NER knows, describes someone
    if trailing_name and (
        _follows_preposition(who, trailing_name.start())
        or who[: trailing_name.start()].lower() == "the "
        # "The Missouri Democrat said" opening a sentence describes a party member; "The Daily Ledger" is a name
        or _PARTY_MEMBER.fullmatch(trailing_name.group())
        # so does "a top House Republican", whom an indefinite article introduces
        or (w.first in ("a", "an", "one", "another") and _PARTY_WORD.search(trailing_name.group()))
    ):
        trailing_name = None
    found_name = trailing_name or (leading_name if w.first not in DESCRIBERS else None)
    return w.named(found_name.group()) if found_name else None


# --- descriptions, and capitalised words no rule above read ---------------------------------------------------------


def _description(w: SpeakerWords) -> _Verdict:
    """ "a senior official", "the researchers", "McSally's campaign": a description, if the words are a noun
    phrase and not a clause a pattern caught; else nobody."""
    if w.first in DESCRIBERS or w.who[:1].islower() or re.match(_DESCRIBED_BY_NAME, w.who):
        return w.describe() if _is_noun_phrase(w.who) else NOBODY
    return None


def _capitalised_group(w: SpeakerWords) -> _Verdict:
    """ "Investigators said": a group, capitalised; not "Jones said" after "Ann Jones"."""
    if not w.inside and _GROUP_OPENING_SENTENCE.fullmatch(w.who) and full_name(w.who, w.context, w.start) is None:
        return Speaker(w.who, "described", w.start, w.end)
    return None


def _capitalised_name(w: SpeakerWords) -> _Verdict:
    """A few capitalised words NER missed here: a name found elsewhere."""
    return w.named(w.who) if all(x[:1].isupper() for x in w.who.split()) and len(w.who.split()) <= 5 else None


# --- the order the rules are tried in, and two tests of their words -------------------------------------------------


RULES: tuple[Callable[[SpeakerWords], _Verdict], ...] = (
    _author,
    _firm_of,
    _pronoun_words,
    _named_together,
    _plural,
    _vague,
    _pair,
    _owners_document,
    _owned_by_person,
    _name_in_two,
    _tagged_name,
    _untagged_name,
    _description,
    _capitalised_group,
    _capitalised_name,
)
"""The order `speakers.resolve` tries the rules in: the first rule with a verdict (a speaker, or NOBODY) decides."""


def _is_noun_phrase(who: str) -> bool:
    """ "a source", "the researchers"; not words a pattern caught across a clause: "as she was spotted on", "The
    magazine also spoke to a", "The newly" (of "The newly described bones"), "and thereby justified ABC's" (of "ABC's
    claims": a possessive wants a noun after it, so the "verb" after it was one)."""
    words = who.lower().split()
    last = words[-1]
    return not (
        words[0] in _SUBORDINATORS
        or last in _DETERMINERS | PREPOSITIONS | {"and", "or"}
        or re.search(r"\w['’]s$", last)
        or (last.endswith("ly") and last not in LY_NOUNS)
        or any(w in _NOT_IN_NOUN_PHRASES for w in words)
    )


def _follows_preposition(who: str, name_at: int) -> bool:
    """ "a friend of Kendra", "the mayor of Boston", "someone close to Mr. Reid": the name is the object of a
    description, not the speaker."""
    words = who[:name_at].split()
    # only honorifics ("close to Mr. Reid"): TITLES also holds "state", "the", "us", so "Secretary of State Dana
    # Whitfield" would lose its "State" and end in "of" (issue #5)
    while words and words[-1].lower().rstrip(".") in ABBREVIATED_TITLES:
        words.pop()
    return words[-1:] in ([p] for p in PREPOSITIONS)
