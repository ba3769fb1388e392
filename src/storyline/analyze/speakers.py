"""Who a quotation's attribution names: the words before or after a speech verb turned into a speaker.

A name maps to its canonical entity, and a bare surname to the one full personal name that ends with it in the
article (else in the cluster), whatever label NER gave the surname ("Urgant" tagged GPE is still Ivan Urgant).
"He"/"she" refers to the most recent person whose gender does not contradict the pronoun; "the official" to the
description ("a senior administration official", "an unknown witness") used earlier; an epithet ("the designer",
"the California Democrat") to the person the text is about; "the two senators" to the two people named just
before. A surname NER tagged alone takes the full name the text writes out beside it ("Amit Singhal"). An
unnamed source stays described (always a noun phrase, never a clause fragment), never invented.
"""

from __future__ import annotations

import dataclasses
import re
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import cached_property
from typing import Final, Literal

from storyline.analyze.documents import (
    author_of,
    described_author,
    document_before,
    introduced_author,
    named_author,
)
from storyline.analyze.entities import (
    ABBREVIATED_TITLES,
    SENTENCE_OPENERS,
    EntityAnalysis,
    Mention,
    is_title,
    name_key,
    strip_titles,
    surname,
)
from storyline.analyze.names import (
    FUNCTION_WORDS,
    PLACES,
    SpeakerContext,
    appositive_head,
    article_name,
    continued_genders,
    could_be_person,
    full_name,
    gendered_description_before,
    genders_of,
    generation_bearer,
    given_names,
    missed_surnames,
    noun_gender,
    person_before_apposition,
    person_surnames,
    role_nouns,
    roles_in_apposition,
    self_named,
    titles_before,
    written_out,
)
from storyline.analyze.organisations import (
    is_organisation_noun,
    longer_organisation,
    organisation_for,
    organisation_named_after,
    organisation_opening_before,
    outside_quotes,
)
from storyline.analyze.pairs import PAIR, PLURAL, joint, named_together, pair_before, pairs_named, person_name
from storyline.analyze.speech_verbs import DESCRIBERS, VERBS
from storyline.analyze.surnames import RELATIONS
from storyline.analyze.topics import OWNS_NOUN, sentence_subjects, sentence_topics
from storyline.segment import crosses_sentence_end, sentence_end, sentence_start

# what a person writes of themselves: "his profile says", "her blog said"
_OWN_WRITINGS = frozenset("profile blog website memoir memoirs diary journal biography bio resume".split())
_RELATIVE_REACH = 400  # characters back to the relative named just before "X's daughter said"
_OWNER_RELATION = re.compile(
    r"(?P<owner>(?:[A-Z][\w'’-]+\s+)*[A-Z][\w'’-]+)['’]s?\s+(?:[a-z]+\s+)?(?P<relation>[a-z]+)"
)
_RELATION_NOUN_BEFORE = re.compile(rf"\b(?:{'|'.join(sorted(RELATIONS))}),?\s+$")  # "her toddler son Jaden"
# a public body's noun, which "the council said" uses for the one the text named ("the Harlow Town Council")
_PUBLIC_BODIES = frozenset(
    "council department ministry agency commission committee board authority office bureau association union "
    "foundation institute".split()
)
_PARTY_MEMBER = re.compile(r"The\s+(?:[A-Z][\w.'’-]*\s+)*(?:Democrat|Republican|Independent|Libertarian)")
_PRONOUNS = {"he": "m", "him": "m", "his": "m", "she": "f", "her": "f"}
_VAGUE = frozenset("they we i you it what".split())  # a group, the writer, a thing: nobody to name
# "the designer", "the California Democrat", "the 82-year-old": a noun for a person, who is the one the text is about
_EPITHET = re.compile(r"[a-z](?:er|or|ist|ian|crat|can|star|old|ess|man|woman)$")
# …but not these: they name someone beside the person the text is about, or a thing
_NOT_EPITHETS = frozenset(
    "attorney lawyer spokesman spokeswoman spokesperson officer witness source friend neighbor neighbour prosecutor "
    "investigator reporter interviewer doctor paper newspaper letter center centre order poster chapter register "
    "monitor sector press business congress address process".split()
)
_TRAILING = frozenset(
    "has had have was is were are also later then previously once again earlier recently reportedly "
    "simply just further would will could first".split()
)
_PRONOUN_AT_END = re.compile(r"(?<=\s)(?:he|she|they|we)$")
_PREPOSITIONS = frozenset("of for on at in with from to about".split())
# "from farmers who", "many local residents, who", "a man who": a group in lower case, or a description,
# before "who"
_MODIFIER = rf"(?!(?:{FUNCTION_WORDS}|among|for|than)\b)[a-z][\w-]*\s+"  # "local", not "from"
_GROUP_BEFORE = re.compile(
    rf"(?<![\w-])(?P<group>(?:{_MODIFIER}){{0,2}}[a-z][\w-]{{2,}}(?<![su])s|(?:[Aa]n?|[Tt]he)\s+(?:{_MODIFIER}){{0,2}}"
    r"[a-z][\w-]+),?\s+$"
)
# A report that speaks for the outlet that published it: "a report in The Boston Globe", "a new study by Acme Labs"
_REPORT = re.compile(
    r"(?:[Aa]n?|[Tt]he)\s+(?:[a-z]+\s+)?(?:report|story|article|interview|editorial|investigation|piece)"
)
_SOURCE_WORD = r"[A-Z][\w'’&-]*(?:\.[\w'’&-]+)*"  # "U.S.", not the full stop after "Globe."
# "a report in local newspaper the Daily Camera": words describing the outlet may come before its name
_REPORT_IN = re.compile(
    rf"\s+(?:in|by|from)\s+(?:[a-z]+\s+){{0,3}}?(?P<source>(?:[Tt]he\s+)?{_SOURCE_WORD}(?:\s+{_SOURCE_WORD}){{0,4}})"
)
_GIVEN = r"(?:[A-Z]\.(?:\s?[A-Z]\.)*|[A-Z][a-z'’-]+)"  # "Tom", "T.D.", "J. R."
_NAME_GOES_ON = re.compile(r" (?:of|for|and|&|on|in|at) [A-Z]")  # "School of Music", "Arts and Sciences"
_FULL_NAME = re.compile(rf"{_GIVEN}(?:\s+{_GIVEN})?\s+[A-Z][a-z'’-]+")
_DETERMINERS = frozenset("a an the this that his her their its my our".split())
_SUBORDINATORS = frozenset("as when while because if since after before though although".split())
_LY_NOUNS = frozenset("family ally assembly rally monopoly bully".split())
# auxiliaries and the like: a description holding one has run into a clause
_NOT_IN_NOUN_PHRASES = frozenset("is was are were be been has had have also".split())
# "McSally's campaign", "North Korean media", "Ohio health officials": capitalised words and then common nouns
# describe a source.
_DESCRIBED_BY_NAME = r"(?:[A-Z][\w.'’-]*\s+)*[A-Z][\w.'’-]*(?:['’]s?)?(?:\s+[a-z]+){1,3}$"
_GROUP_OPENING_SENTENCE = re.compile(r"[A-Z][a-z-]{2,}(?<![su])s|Police|Staff|People")
_SURNAME_BEFORE_WHO = re.compile(r"\b([A-Z][\w'’-]+),\s+$")  # "Chaffetz, who said"
_NAME = r"[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){0,2}"
# "says Riese" / "Riese says": a name at a speech verb is a person who speaks, even one NER did not tag.
_AT_VERB = re.compile(rf"\b(?:(?!told\b|tells?\b)(?:{VERBS})\s+(?P<after>{_NAME})|(?P<before>{_NAME})\s+(?:{VERBS}))\b")


@dataclass
class Speaker:
    """A resolved speaker: a canonical name or a description, and the words in the body that name it."""

    name: str | None
    kind: str
    start: int
    end: int
    # "stated" once attribution finds the speaker right after the quote ('“…,” Kim said'); a quote carrying the
    # speaker over from the quote before inherits this, everything else was read from context (models.Quote)
    attribution: Literal["stated", "inferred"] = "inferred"


def speaker_context(body: str, article_id: str, entities: EntityAnalysis) -> SpeakerContext:
    """The people an article names, in reading order, and the surnames that point to them."""
    people = sorted((m for m in entities.mentions if m.article_id == article_id), key=lambda m: m.start)
    # "Reischl" tagged GPE or ORG is still the person Jim Reischl once a mention merged into his full name
    full_names = {m.name for m in entities.mentions if m.label == "PERSON" and " " in m.name.strip()}
    spoken = _spoken_full_names(body, people)
    full_names |= {m.name for m in spoken}
    persons = [
        m
        for m, following in zip(people, [*people[1:], None], strict=False)
        if (m.label == "PERSON" or m.name in full_names) and could_be_person(body, m, following)
    ]
    titles = titles_before(body, people)
    cluster_surnames = person_surnames(entities.mentions)
    surnames = person_surnames([*people, *spoken]) | written_out(body, persons, cluster_surnames)
    persons = sorted([*persons, *missed_surnames(body, article_id, people, surnames)], key=lambda m: m.start)
    context = SpeakerContext(
        described=sorted([*titles, *roles_in_apposition(body, persons)]),
        canonical=entities.canonical,
        surnames=surnames | given_names(body, persons, surnames | cluster_surnames),
        cluster_surnames=cluster_surnames,
        titled={name for _, head, name, _ in titles if head not in RELATIONS},  # "Congressman Goodlatte", not "his son"
        persons=persons,
        organisations=outside_quotes(body, [m for m in people if m.label == "ORG"]),
        # in full only: a bare surname was merged into one bearer already, and NER may tag the one who speaks an
        # organisation ("Amber Pasztor" ORG, her child "Rene Pasztor" PERSON) once its surname speaks alone
        mentions=Counter(
            m.name for m in entities.mentions if (m.label == "PERSON" or m.name in full_names) and " " in m.text
        ),
        relatives={name for _, head, name, _ in titles if head in RELATIONS},
    )
    # a bare surname NER tagged alone ("Vantongeren said") stands for the full name the article gave it
    persons = [
        dataclasses.replace(m, name=generation_bearer(body, m, context) or person_name(m, context)) for m in persons
    ]
    context.persons = persons
    # a shared surname at a verb ("Conway said") is the bearer the article named last: the subjects come first
    context.named = sentence_subjects(body, persons, context)
    speakers: list[tuple[int, str]] = []
    for match in _AT_VERB.finditer(body):
        group = "after" if match.group("after") else "before"
        name = full_name(match.group(group), context, match.start(group))
        if name is not None:
            context.named.append((match.start(group), name, "", True))
            speakers.append((match.end(), name))
    context.named.sort()
    context.pairs = pairs_named(body, people, context)
    context.genders = genders_of(body, persons, continued_genders(body, speakers))
    context.topics = sentence_topics(body, persons, context.genders, context.surnames)
    return context


def _spoken_full_names(body: str, people: Sequence[Mention]) -> list[Mention]:
    """Full names NER tagged as no person whose surname speaks alone ("Crystal Vantongeren" an ORG, then
    "Vantongeren said"), as mentions relabelled PERSON: speaking makes a person, whatever the tag."""
    speaking = set()
    for match in _AT_VERB.finditer(body):
        words = (match.group("after") or match.group("before")).split()
        if len(words) == 1:  # "The Trump Organization said" is a whole name at the verb, no surname
            speaking.add(name_key(words[0]))
    return [
        dataclasses.replace(m, label="PERSON")
        for m in people
        if m.label != "PERSON"
        and _FULL_NAME.fullmatch(m.text)
        and name_key(m.text).split()[-1] in speaking
        and not is_title(m.text.split()[0])
    ]


def resolve(
    body: str, start: int, end: int, open_at: int, people: Sequence[Mention], context: SpeakerContext
) -> Speaker | None:
    """Turn the words naming the speaker of the quote opening at `open_at` into a name, a description, or None."""
    span = _speaker_span(body, start, end, people)
    if span is None:
        return None
    words = _SpeakerWords(body, *span, open_at, people, context)
    for rule in _RULES:
        verdict = rule(words)
        if verdict is not None:
            return None if verdict == _NOBODY else verdict
    return None


def _speaker_span(body: str, start: int, end: int, people: Sequence[Mention]) -> tuple[int, int] | None:
    """The words that name the speaker: trimmed, from a pronoun opening the verb's clause, an outlet's name for a
    report in it, and a name NER found running on past where the pattern stopped."""
    span = _trim(body, start, end)
    if span is None:
        return None
    start, end = span
    # "a margin of error they concluded", "The indictment shows he said": the pronoun opens the verb's clause
    pronoun = _PRONOUN_AT_END.search(body, start, end)
    if pronoun and not re.search(r"\b(?:and|or)\s+$", body[start : pronoun.start()]):
        start = pronoun.start()
    outlet = _REPORT_IN.match(body, end) if _REPORT.fullmatch(body, start, end) else None
    if outlet:  # "according to a report in The Boston Globe": the outlet speaks
        start, end = outlet.span("source")
    # "according to The Lakeside School of Music": the pattern stopped at "of", NER did not
    if _NAME_GOES_ON.match(body, end):
        longer = (m for m in people if start <= m.start <= start + 4 and end < m.end <= end + 40)
        start, end = next(((start, m.end) for m in longer), (start, end))
    return start, end


@dataclass
class _SpeakerWords:
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
        return [m for m in self.people if self.start <= m.start and m.end <= self.end]

    @cached_property
    def persons(self) -> list[Mention]:
        return [m for m in self.inside if m.label == "PERSON"]

    def named(self, name: str, *, is_person: bool = True) -> Speaker:
        return _named(self.body, name, self.start, self.end, self.context, is_person=is_person)

    def together(self, names: str) -> Speaker:
        return Speaker(names, "named", self.start, self.end)

    def describe(self) -> Speaker:
        return _describe(self.body, self.start, self.end, self.open_at, self.context)


_NOBODY: Final = "nobody"
"""A rule's verdict that the words name no speaker: resolution stops there, where None lets the next rule try."""
_Verdict = Speaker | Literal["nobody"] | None


def _author(w: _SpeakerWords) -> _Verdict:
    """ "An explanatory memorandum issued by the Department of Health said", "read a statement from the family": its
    author, named or described."""
    author = named_author(w.body, w.start, w.end, w.people)
    if author is not None:
        return w.named(author.name, is_person=author.label == "PERSON")
    # "read a statement from the family": the author the text describes, as "the family said" would
    described = described_author(w.body, w.start, w.end)
    return _describe(w.body, *described, w.open_at, w.context) if described is not None else None


def _firm_of(w: _SpeakerWords) -> _Verdict:
    """ "The firm of Ames & Hale accused …": the firm is Ames & Hale."""
    organisation = organisation_named_after(w.who)
    return w.named(organisation, is_person=False) if organisation is not None else None


def _pronoun_words(w: _SpeakerWords) -> _Verdict:
    """ "he", "she", "who", "It": what the pronoun refers to; not "her father Richard Kuiper"."""
    if w.first in ("he", "she", "who") or (w.first in {*_PRONOUNS, "it"} and len(w.who.split()) == 1):
        return _referent(w.body, w.start, w.end, w.open_at, w.people, w.context) or _NOBODY
    return None


def _named_together(w: _SpeakerWords) -> _Verdict:
    """ "Molto and Dr. Peter Sheldrick": two people named together in the words speak together."""
    together = joint(w.body, w.start, w.end, w.people, w.context)
    return w.together(together) if together is not None else None


def _plural(w: _SpeakerWords) -> _Verdict:
    """ "the researchers, anthropologist El Molto … and physician Peter Sheldrick, wrote", or two named before."""
    if not PLURAL.fullmatch(w.who):
        return None
    appositive = re.match(r",[^,\"“”\n]{1,160},", w.body[w.end :])
    together = joint(w.body, w.end, w.end + appositive.end(), w.people, w.context) if appositive else None
    together = together or named_together(w.body, w.start, w.end, w.context)
    return w.together(together) if together is not None else None


def _vague(w: _SpeakerWords) -> _Verdict:
    """ "they", "we", "it": a group, the writer, a thing; nobody to name."""
    return _NOBODY if w.first in _VAGUE else None


def _pair(w: _SpeakerWords) -> _Verdict:
    """ "the two senators": the last two people named just before, or nobody."""
    if not PAIR.fullmatch(w.who):
        return None
    pair = pair_before(w.people, w.start)
    return w.together(pair) if pair else _NOBODY


def _owned_by_person(w: _SpeakerWords) -> _Verdict:
    """ "McSally's campaign": a description, not McSally."""
    return w.describe() if w.persons and OWNS_NOUN.match(w.body[w.persons[-1].end : w.end]) else None


def _name_in_two(w: _SpeakerWords) -> _Verdict:
    """ "Robert Wright" and "Lee IV" are one name NER tagged in two."""
    persons = w.persons
    if len(persons) >= 2 and re.fullmatch(r" ", w.body[persons[-2].end : persons[-1].start]):
        return w.named(w.body[persons[-2].start : persons[-1].end])
    return None


def _tagged_name(w: _SpeakerWords) -> _Verdict:
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


def _untagged_name(w: _SpeakerWords) -> _Verdict:
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
    ):
        trailing_name = None
    found_name = trailing_name or (leading_name if w.first not in DESCRIBERS else None)
    return w.named(found_name.group()) if found_name else None


def _description(w: _SpeakerWords) -> _Verdict:
    """ "a senior official", "the researchers", "McSally's campaign": a description, if the words are a noun
    phrase and not a clause a pattern caught; else nobody."""
    if w.first in DESCRIBERS or w.who[:1].islower() or re.match(_DESCRIBED_BY_NAME, w.who):
        return w.describe() if _is_noun_phrase(w.who) else _NOBODY
    return None


def _capitalised_group(w: _SpeakerWords) -> _Verdict:
    """ "Investigators said": a group, capitalised; not "Jones said" after "Ann Jones"."""
    if not w.inside and _GROUP_OPENING_SENTENCE.fullmatch(w.who) and full_name(w.who, w.context, w.start) is None:
        return Speaker(w.who, "described", w.start, w.end)
    return None


def _capitalised_name(w: _SpeakerWords) -> _Verdict:
    """A few capitalised words NER missed here: a name found elsewhere."""
    return w.named(w.who) if all(x[:1].isupper() for x in w.who.split()) and len(w.who.split()) <= 5 else None


_RULES: tuple[Callable[[_SpeakerWords], _Verdict], ...] = (
    _author,
    _firm_of,
    _pronoun_words,
    _named_together,
    _plural,
    _vague,
    _pair,
    _owned_by_person,
    _name_in_two,
    _tagged_name,
    _untagged_name,
    _description,
    _capitalised_group,
    _capitalised_name,
)
"""How `resolve` reads the speaker words, in order: the first rule with a verdict (a speaker, or _NOBODY) decides."""


def _referent(
    body: str, start: int, end: int, open_at: int, people: Sequence[Mention], context: SpeakerContext
) -> Speaker | None:
    """What the pronoun at `body[start:end]` refers to: "he"/"she" a person named before; "who" the person just
    named ("Colbert said to Urgant, who replied") or the group before it ("opposition from farmers who have called
    …"); "It" a document the sentence before introduced ("… a four-page letter. It warned that …")."""
    first = re.sub(r"['’]\w+$", "", body[start:end].split()[0].lower())
    if first == "who":
        # "Ann Cole, a Republican whom Lane beat, but who": the person the apposition describes
        named_before = [m for m in people if 0 <= start - m.end <= 3] or person_before_apposition(body, start, people)
        if named_before and named_before[-1].label in PLACES:
            named_before = appositive_head(body, named_before[-1], people)
        if named_before:
            return _named(body, named_before[-1].name, start, end, context)
        surname = _SURNAME_BEFORE_WHO.search(body, max(0, start - 40), start)  # a surname NER missed there
        if surname and full_name(surname.group(1), context, start) is not None:
            return _named(body, surname.group(1), start, end, context)
        group = _GROUP_BEFORE.search(body, max(0, start - 60), start)
        return Speaker(group.group("group"), "described", group.start("group"), group.end("group")) if group else None
    if first == "it":
        document = document_before(body, start)
        if document is None:  # "Acme Corp recalled 40,000 jars. It said …": the organisation the sentence before opens
            organisation = organisation_opening_before(body, start, context.organisations)
            return _named(body, organisation, start, end, context, is_person=False) if organisation else None
        author = author_of(body, document, people)
        if author is not None:
            return _named(body, author.name, start, end, context, is_person=author.label == "PERSON")
        return Speaker(document.group(), "described", start, end)
    return _pronoun(body, first, start, end, open_at, context)


def _is_noun_phrase(who: str) -> bool:
    """ "a source", "the researchers"; not words a pattern caught across a clause: "as she was spotted on", "The
    magazine also spoke to a", "The newly" (of "The newly described bones"), "and thereby justified ABC's" (of "ABC's
    claims": a possessive wants a noun after it, so the "verb" after it was one)."""
    words = who.lower().split()
    last = words[-1]
    return not (
        words[0] in _SUBORDINATORS
        or last in _DETERMINERS | _PREPOSITIONS | {"and", "or"}
        or re.search(r"\w['’]s$", last)
        or (last.endswith("ly") and last not in _LY_NOUNS)
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
    return words[-1:] in ([p] for p in _PREPOSITIONS)


def _trim(body: str, start: int, end: int) -> tuple[int, int] | None:
    """The speaker words without a leading conjunction, trailing adverbs and auxiliaries, or closing punctuation."""
    words = list(re.finditer(r"\S+", body[start:end]))
    # "And she", "Later he", "Yet Acme", "Before Lee": a conjunction or a sentence adverb before the speaker
    while len(words) > 1 and (words[0].group().lower() in _TRAILING or words[0].group().title() in SENTENCE_OPENERS):
        words.pop(0)
    while words and (words[-1].group().lower() in _TRAILING or _is_adverb(words[-1].group(), words[-2:-1])):
        words.pop()
    if not words or crosses_sentence_end(body[start:end]):
        return None
    start, end = start + words[0].start(), start + words[-1].end()
    end -= len(body[start:end]) - len(body[start:end].rstrip(",;:"))
    if re.search(r"[a-z]{2}\.$", body[start:end]):  # "said Joshua Thomas." ends the sentence
        end -= 1
    return start, end


def _is_adverb(word: str, previous: list[re.Match[str]]) -> bool:
    """'Trump reportedly', not 'Megyn Kelly' or 'her family': a lower-case '-ly' word after no determiner."""
    if word in _LY_NOUNS:  # "Kessler's family said"
        return False
    return bool(re.fullmatch(r"[a-z]+ly", word)) and not (previous and previous[0].group().lower() in DESCRIBERS)


def _named(body: str, name: str, start: int, end: int, context: SpeakerContext, *, is_person: bool = True) -> Speaker:
    """A named speaker; a bare surname becomes the full name, since the article named the person in full before."""
    name = strip_titles(name)
    if " " not in name.strip():
        title = body[start:end].split()[-2:-1]  # "Congressman Goodlatte"
        fuller = full_name(name, context, start, has_title=bool(title) and is_title(title[0]))
        if fuller is None and not is_person:  # "the Academy said"
            fuller = longer_organisation(name, start, context.organisations)
        if fuller is None and is_person:  # "said GOP strategist Ann O’Connell" NER missed, then "said O’Connell"
            bearers = {n for _, n, _, person in context.named if person and surname(name_key(n)) == name_key(name)}
            bearers = {n for n in bearers if " " in n}
            fuller = next(iter(bearers)) if len(bearers) == 1 else None
        name = fuller or context.canonical.get(name_key(name), name)
    elif name_key(name) in context.canonical:
        name = context.canonical[name_key(name)]
    context.named.append((start, name, "", is_person))
    return Speaker(name, "named", start, end)


def _pronoun(body: str, pronoun: str, start: int, end: int, open_at: int, context: SpeakerContext) -> Speaker | None:
    """'he' → the most recent person before the quote not known to be a woman (and vice versa); but an unnamed
    source the text describes by gender ("The woman said …") after anyone known to be of that gender wins over
    names of unknown gender ("Nik Richie", "Formspring")."""
    gender = _PRONOUNS[pronoun]
    known = context.genders | {name: g for _, name, g, _ in context.named if g}
    candidates = _persons_of_gender(gender, min(start, open_at), context)
    described = gendered_description_before(body, gender, min(start, open_at))
    if described is not None and not any(pos > described[0] and name in known for pos, name in candidates):
        return Speaker(described[1], "described", start, end)
    if not candidates:
        return None
    name = _bearer_named_before(max(candidates)[1], candidates)
    context.named.append((start, name, gender, True))
    return Speaker(name, "named", start, end)


def _bearer_named_before(name: str, candidates: list[tuple[int, str]]) -> str:
    """ "Arnold Demoski … Demoski denied it. “…,” he said": a bare surname several relatives share, which the text
    keeps as written, is the one bearer of it named in full before (the last of them), not the surname alone."""
    if " " in name.strip():
        return name
    bearers = [(pos, full) for pos, full in candidates if " " in full and surname(name_key(full)) == name_key(name)]
    return max(bearers)[1] if bearers else name


def _persons_of_gender(gender: str, position: int, context: SpeakerContext) -> list[tuple[int, str]]:
    """The people named before `position` whom the text does not know to be of the other gender."""
    known = context.genders | {name: g for _, name, g, _ in context.named if g}
    return [
        (pos, name)
        for pos, name, _, is_person in context.named
        if pos < position and is_person and known.get(name, gender) == gender
    ]


def _describe(body: str, start: int, end: int, open_at: int, context: SpeakerContext) -> Speaker:
    """'the official' → the earlier 'a senior administration official', 'the judge' → 'Judge Lou Olivera', 'the
    witness' → 'an unknown witness' the text introduced before."""
    own_name = self_named(body, end)
    if own_name is not None:
        return _named(body, body[slice(*own_name)], start, end, context)
    who = body[start:end]
    words = who.split()
    cut = next((i for i, w in enumerate(words) if i > 0 and w.lower() in _PREPOSITIONS), len(words))
    head = re.sub(r"['’]s?$", "", words[cut - 1].lower())
    owned = len(words) == 2 and words[0].lower() in ("his", "her", "their")
    if owned:  # "her husband said" after "her husband, Keith Rogers,", "his lawyer said" after "attorney Ann Lowe"
        named = _named_with_role(body, head, open_at, context)
        if named is None and head in RELATIONS and words[0].lower() in _PRONOUNS:
            # '“…?” Michael Dunn asked. “…,” his father responded.' after Phillip Dunn spoke: the relative named before
            owners = _persons_of_gender(_PRONOUNS[words[0].lower()], min(start, open_at), context)
            named = _relative_named_before(max(owners)[1], head, start, context) if owners else None
        if named is not None:
            return Speaker(named, "named", start, end)
    if words[0].lower() in ("his", "her") and head in _OWN_WRITINGS:  # "his profile says": the profile's owner
        owner = _pronoun(body, words[0].lower(), start, end, open_at, context)
        if owner is not None and owner.kind == "named":
            return owner
    if words[0].lower() in ("the", "this", "that"):
        earlier = [d for d in context.described if d[1] in role_nouns(head) and d[0] < open_at]
        organisation = (
            organisation_for(body, head, min(start, open_at), context.organisations)
            if is_organisation_noun(head)
            else None
        )
        if organisation is not None and len(words) <= 3:  # "the company", "the parent company"
            return Speaker(organisation, "named", start, end)
        public_body = _public_body_before(words, head, min(start, open_at), context)
        if public_body is not None:
            return Speaker(public_body, "named", start, end)
        author = introduced_author(body, head, start, [*context.persons, *context.organisations])
        if author is not None:  # "the statement said", after "a statement from attorney Ann Lowe"
            return Speaker(author.name, "named", start, end)
        if earlier and max(earlier)[3] == "described":  # "the official" after "a senior official"
            return Speaker(max(earlier)[2], "described", start, end)
        if earlier:
            named = _named_with_role(body, head, open_at, context)
            return Speaker(named, "named", start, end) if named else Speaker(who, "described", start, end)
        named_next = _named_with_role_next(body, head, start, context)
        if named_next is not None:
            return Speaker(named_next, "named", start, end)
        introduced = _introduced(body[:start], head)
        if introduced is not None:
            who = introduced
        # "the 26-year-old student": an age names the person the text is about, whatever the noun
        elif any(_EPITHET.search(h) and h not in _NOT_EPITHETS for h in _heads(words, cut)) or re.search(
            r"\d-year-old\s", who
        ):
            said = noun_gender(head)  # "the woman said" means no man the text is about
            only = _only_person_before(body, min(start, open_at), said, context)
            if only is not None:
                context.named.append((start, only, "", True))
                return Speaker(only, "named", start, end)
            topics = [topic for topic in context.topics if topic[0] < start]
            if topics and said and context.genders.get(max(topics)[1], said) != said:
                topics = []
            if topics:
                name = max(topics)[1]
                context.named.append((start, name, "", True))
                return Speaker(name, "named", start, end)
    owned_by_name = _OWNER_RELATION.fullmatch(who)
    namesake = (
        _relative_named_before(owned_by_name.group("owner"), owned_by_name.group("relation").lower(), start, context)
        if owned_by_name
        else None
    )
    if namesake is not None:
        return Speaker(namesake, "named", start, end)
    context.described.append((start, head, who, "described"))
    return Speaker(who, "described", start, end)


def _public_body_before(words: list[str], head: str, position: int, context: SpeakerContext) -> str | None:
    """ "the ministry said" after "Russia's Foreign Ministry", "the buildings department" after "the Department of
    Buildings": the last organisation named before `position` whose name holds the noun and every word before it."""
    if head not in _PUBLIC_BODIES or len(words) > 3:
        return None
    named = longer_organisation(head.title(), position, context.organisations)
    modifiers = [w.lower() for w in words[1:-1]]
    if named is None or not all(re.search(rf"\b{re.escape(w)}", named, re.IGNORECASE) for w in modifiers):
        return None
    return named


def _heads(words: list[str], cut: int) -> set[str]:
    """The head nouns of a description's words before its first preposition (at `cut`): "the bus driver and mother
    of four" has two, "driver" and "mother"."""
    heads = {words[cut - 1].lower()}
    if "and" in words[:cut]:
        heads.add(words[words.index("and") - 1].lower())
    return heads


def _only_person_before(body: str, position: int, gender: str, context: SpeakerContext) -> str | None:
    """The one person named in the writer's words of the sentence before the one at `position` (or of its own words
    before it), whom an epithet right after means: 'Sen. Ann Lowe said Sunday. “…,” the Ohio Republican said'; None
    if there are two people (a relative named beside the person is none: "her son Jaden"), or the epithet's gender
    ("the mother") is not that person's."""
    sentence = sentence_start(body, position)
    previous = sentence_start(body, max(0, sentence - 2)) if sentence else 0
    persons = [
        m
        for m in context.persons
        if previous <= m.start < position
        and m.name not in context.relatives
        and not _RELATION_NOUN_BEFORE.search(body, max(0, m.start - 20), m.start)
    ]
    names = {m.name for m in outside_quotes(body, persons)}
    if len(names) != 1:
        return None
    name = names.pop()
    return None if gender and context.genders.get(name, gender) != gender else name


def _named_with_role(body: str, head: str, position: int, context: SpeakerContext) -> str | None:
    """The person the text gave the role `head` last before `position` ("Sen. Jane Roe", "his attorney, John Doe")
    whom a later "the senator" or "his lawyer" means; None when nobody has it, or when the last two people given it
    are named in one sentence ("Sen. Jane Roe met Sen. Tom Ash"), which leaves either of them."""
    given = [(at, name) for at, name in _role_holders(head, context) if at < position]
    if not given:
        return None
    last_at, last = given[-1]
    other = [at for at, name in given if name != last]
    if other and sentence_start(body, other[-1]) == sentence_start(body, last_at):
        return None
    return last


def _named_with_role_next(body: str, head: str, start: int, context: SpeakerContext) -> str | None:
    """ "The lawyer for the family denounced the film as “…”. Lin Wood, an Atlanta attorney, …": a news lead
    describes the source first and names the one person with that role in the next sentence."""
    next_start = sentence_end(body, start)
    next_end = sentence_end(body, next_start)
    names = {name for at, name in _role_holders(head, context) if next_start <= at < next_end}
    return next(iter(names)) if len(names) == 1 else None


def _role_holders(head: str, context: SpeakerContext) -> list[tuple[int, str]]:
    """Where and whom the text named with the role `head` (by a title or an apposition), in text order."""
    nouns = role_nouns(head)
    return sorted((at, name) for at, noun, name, kind in context.described if noun in nouns and kind == "named")


def _relative_named_before(owner: str, relation: str, start: int, context: SpeakerContext) -> str | None:
    """ "Michael Jackson's eldest daughter said", right after a sentence about Paris Jackson: the relative the text
    just named, who shares the owner's surname; None if the person named last before has another surname."""
    if relation not in RELATIONS:
        return None
    owner = context.canonical.get(name_key(owner), owner)
    before = [
        (pos, name)
        for pos, name, _, is_person in context.named
        if start - _RELATIVE_REACH <= pos < start and is_person and name != owner
    ]
    name = max(before)[1] if before else ""
    if " " not in name or name.split()[-1] != owner.split()[-1]:
        return None
    # "Otto Brandt's son" is no Lina Brandt the text knows to be a woman (issue #5)
    gender = noun_gender(relation)
    known = context.genders | {n: g for _, n, g, _ in context.named if g}
    if gender and known.get(name, gender) != gender:
        return None
    context.named.append((start, name, "", True))
    return name


def _introduced(before: str, head: str) -> str | None:
    """The last indefinite description with `head` in `before` ('An unknown witness is heard …', 'a man who had
    served there'), if any; it needs a modifier, since a bare 'a witness' says no more than 'the witness'."""
    modified = rf"(?:[\w'’-]+\s+){{1,3}}{re.escape(head)}\b|{re.escape(head)}\s+who\s[^.,;:!?\"“”\n]+"
    found = list(re.finditer(rf"\b(?:[Aa]n?|[Oo]ne)\s+(?:{modified})", before))
    return found[-1].group() if found else None
