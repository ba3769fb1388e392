"""Whom a summary sentence's pronoun subject means, when the sentence before it in its article is not shown.

"But in Hanoi, he abruptly walked away from the table." follows, in its article, a sentence naming Donald Trump;
after a summary sentence naming Trump, Kim and Xi, a reader cannot tell who "he" is. The pronoun is resolved as a
quote's "he said" is (`referents.pronoun_referent` over the article's `speaker_context`), and kept only when the
two sentences before it leave no doubt: a wrong name is worse than none, so every other case abstains.

Each rule of `_referent` and `_someone_unnamed` removed wrong names seen in the raw Multi-News validation clusters
and the first 20 DUC 2003 clusters (19 wrong names in all; docs/analysis.md); on 32 DUC 2003 clusters read afterwards,
93 of 93 names were the right person (3 in a form NER garbled), 27% of pronoun-subject sentences got one.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace

from storyline.analyze.entities import EntityAnalysis
from storyline.analyze.mentions import starting_within
from storyline.analyze.names import SOURCE_ROLES, SpeakerContext, noun_gender
from storyline.analyze.referents import PRONOUNS, pronoun_referent
from storyline.analyze.speakers import ClusterPeople, speaker_context
from storyline.analyze.surnames import RELATIONS
from storyline.form import subject_pronoun
from storyline.models import Article, Quote, Span, SummarySentence
from storyline.segment import previous_sentence_start, sentence_start

_GENDER_PRONOUN = {
    "m": re.compile(r"\b(?:he|him|his|himself)\b", re.IGNORECASE),
    "f": re.compile(r"\b(?:she|her|hers|herself)\b", re.IGNORECASE),
}
"""The pronouns of each gender of `referents.PRONOUNS`."""
_DESCRIBED_OPENING = re.compile(
    r"(?:[^,.;:!?\"“”\n]{1,60},\s+)?(?:(?:And|But|So|Yet|Then),?\s+)?(?:[Aa]n?|[Oo]ne|[Aa]nother|[Tt]he)\s+"
    r"(?P<words>(?:[a-z][\w-]*\s+){1,3})"
)
"""A sentence's main clause opening with a description ("A repairman heard …", "On Sunday, the judge set …")."""
_PERSON_NOUNS = (
    SOURCE_ROLES
    | RELATIONS
    | frozenset("suspect victim child boy girl teenager baby patient ceo chief boss president founder".split())
)
_OWNED = re.compile(r"['’]s?\s+(?P<words>[\w-]+(?:\s+[\w-]+)?)")
"""A name's possessive and the noun it owns, maybe after a modifier: "Keurig's CEO", "Lerner's longtime lawyer"."""
_PERSON_ENDING = re.compile(r"\w{3,}(?:er|man|woman|men|women|person)")
"""Nouns for people beyond `_PERSON_NOUNS`: "driver", "repairman", "chairperson" (and things: "water", "number")."""


@dataclass(frozen=True, slots=True)
class _Reader:
    """What resolving the pronouns of one brief's summary reads: the articles, the people the cluster names, and
    the quotations (a "he" inside one is someone its speaker talks about)."""

    bodies: dict[str, str]
    entities: EntityAnalysis
    cluster_people: ClusterPeople
    quotes: Sequence[Quote]
    not_persons: frozenset[str]  # the names of the cluster's other entities: organisations, places
    contexts: dict[str, SpeakerContext]  # built only for the articles that need one

    def context(self, article: str) -> SpeakerContext:
        if article not in self.contexts:
            self.contexts[article] = speaker_context(self.bodies[article], article, self.entities, self.cluster_people)
        return self.contexts[article]

    def quoted(self, pronoun: Span) -> bool:
        """Whether the pronoun stands in a quotation: a speaker's "he" is someone the speaker talks about."""
        return any(quote.span.overlaps(pronoun) for quote in self.quotes)


def pronoun_referents(
    summary: Sequence[SummarySentence],
    articles: Sequence[Article],
    entities: EntityAnalysis,
    cluster_people: ClusterPeople,
    quotes: Sequence[Quote],
) -> tuple[SummarySentence, ...]:
    """Give each summary sentence whose subject is a bare he/she (`form.subject_pronoun`) whom it means, unless the
    summary sentence before it is the one before it in its article (the reader has just read the name).

    Args:
        summary: The brief's summary sentences, in their order.
        articles: The articles they come from.
        entities: The cluster's entity analysis.
        cluster_people: `ClusterPeople.of(entities, bodies)`, as quote analysis uses it.
        quotes: The articles' quotations (`quotes.find_quotes`).

    Returns:
        The summary, `refers_to` and `refers_to_pronoun` set where the antecedent is clear.
    """
    not_persons = frozenset(e.name for e in entities.entities if e.type != "PERSON")
    reader = _Reader({a.id: a.body for a in articles}, entities, cluster_people, quotes, not_persons, {})
    return tuple(_with_referent(sentence, summary[n - 1] if n else None, reader) for n, sentence in enumerate(summary))


def _with_referent(sentence: SummarySentence, before: SummarySentence | None, reader: _Reader) -> SummarySentence:
    """The sentence with whom its pronoun subject means, when `before` (the summary sentence shown before it) is not
    the sentence before it in its article."""
    pronoun = subject_pronoun(sentence.text)
    if pronoun is None:
        return sentence
    source = sentence.source
    body = reader.bodies[source.article]
    previous = _sentence_before(body, source.start)
    shown_before = before is not None and before.source.article == source.article
    if previous is None or (shown_before and before.source.start <= previous < before.source.end):
        return sentence
    span = source.model_copy(update={"start": source.start + pronoun[0], "end": source.start + pronoun[1]})
    name = None if reader.quoted(span) else _referent(source.article, span.start, span.end, reader)
    if name is None:
        return sentence
    return sentence.model_copy(update={"refers_to": name, "refers_to_pronoun": span})


def _sentence_before(body: str, start: int) -> int | None:
    """Where the sentence before the one at `start` starts (`segment.previous_sentence_start`); None in the first
    sentence, where that gives 0 as for a sentence before it at 0."""
    return previous_sentence_start(body, start) if body[:start].strip() else None


def _referent(article: str, start: int, end: int, reader: _Reader) -> str | None:
    """The person "he" or "she" at `start:end` of the article's body means, when the two sentences before it leave
    no doubt: they name that person and nobody else who may have the pronoun's gender, the one right before names the
    person or goes on about them (`SpeakerContext.topics`: "Trump said …. He added …. He also …"), and nothing there
    may be someone unnamed (`_someone_unnamed`). None too when the pronoun's own sentence names someone before it (the
    reader has a name there) or the name is no person's. "They" means nobody here: the speaker rules find a group no
    name (`speaker_rules._vague`), and a plural is the likeliest to be wrong."""
    body, context = reader.bodies[article], reader.context(article)
    pronoun = body[start:end].lower()
    own_start = sentence_start(body, start)
    previous = _sentence_before(body, own_start)
    if pronoun not in PRONOUNS or previous is None or starting_within(context.persons, own_start, start):
        return None
    # looked up on copies: what the lookup records must not change the next sentence's
    looking_up = replace(context, named=list(context.named), described=list(context.described))
    speaker = pronoun_referent(body, start, end, start, context.persons, looking_up)
    if speaker is None or speaker.kind != "named" or speaker.name in reader.not_persons:
        return None
    name, gender = speaker.name, PRONOUNS[pronoun]
    known = context.genders | {n: g for _, n, g, _ in context.named if g}
    if _someone_unnamed(body, previous, start, gender, known, context):
        return None
    window = _sentence_before(body, previous) or previous  # the two sentences before, or the article's first
    nearby = [m for m in starting_within(context.persons, window, start) if known.get(m.name, gender) == gender]
    if nearby and {m.name for m in nearby} != {name}:
        return None
    # "Was he Jack the Ripper? He now has to be …": a "he" before the name means someone named earlier
    if nearby and _GENDER_PRONOUN[gender].search(body, window, nearby[0].start):
        return None
    topics = [topic for at, topic in context.topics if previous <= at < start]
    # named only two sentences back, the person may not be whom the sentence between is about ("… said Buthelezi.
    # Meanwhile, ANC leader S'bu Ndebele said …. He said …", a name NER missed)
    named_before = any(m.start >= previous for m in nearby) or (bool(topics) and topics[-1] == name)
    return name if named_before and _written_as_named(name, start, context) else None


def _written_as_named(name: str, start: int, context: SpeakerContext) -> bool:
    """Whether the article's last mention of the person before `start` writes the name as it ends: "Schulz" for
    "Charles M. Schulz", not for a merged "Charles M. Schulz Creative Associates" a reader would take for a firm."""
    written = [m.text for m in context.persons if m.name == name and m.start < start][-1:]
    return bool(written) and re.sub(r"['’]s?$", "", written[0].split()[-1]) == name.split()[-1]


def _someone_unnamed(
    body: str, previous: int, start: int, gender: str, known: dict[str, str], context: SpeakerContext
) -> bool:
    """Whether the sentence before the pronoun at `start` has someone besides the people it names whom the pronoun
    may mean: a description opening it ("A repairman heard Al-Rahabi's screams …", "The suspect was taken …"), a
    noun of the pronoun's gender ("a person who Richie said is the woman in question"; the name's gender may have
    been read from this very pronoun), someone a name owns ("Keurig's CEO did what he had to do"), or a pronoun of the
    other gender ("… rushed to her rescue" for a "He" whose one name is hers: the name's gender may have been read
    from this very "He")."""
    named = starting_within(context.persons, previous, start)
    opening = _DESCRIBED_OPENING.match(body, previous)
    if opening and (not named or any(_is_person_noun(w) for w in opening.group("words").split())):
        return True
    words = re.findall(r"[a-z][\w-]*", body[previous:start])
    if any(noun_gender(w) == gender for w in words):
        return True
    owned = (_OWNED.match(body, m.end) for m in named)
    if any(own and any(_is_person_noun(w) for w in own.group("words").lower().split()) for own in owned):
        return True
    # a pronoun of the other gender while the sentence names no one known to be of that gender
    other = "f" if gender == "m" else "m"
    return bool(_GENDER_PRONOUN[other].search(body, previous, start)) and not any(
        known.get(m.name) == other for m in named
    )


def _is_person_noun(word: str) -> bool:
    return word in _PERSON_NOUNS or bool(noun_gender(word)) or _PERSON_ENDING.fullmatch(word) is not None
