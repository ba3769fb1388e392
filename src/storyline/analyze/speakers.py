"""Who a quotation's attribution names: the words before or after a speech verb turned into a speaker.

A name maps to its canonical entity, and a bare surname to the one full personal name that ends with it in the
article (else in the cluster), whatever label NER gave the surname ("Urgant" tagged GPE is still Ivan Urgant).
"He"/"she" refers to the most recent person whose gender does not contradict the pronoun; "the official" to the
description ("a senior administration official", "an unknown witness") used earlier; an epithet ("the designer",
"the California Democrat") to the person the text is about; "the two senators" to the two people named just
before. A surname NER tagged alone takes the full name the text writes out beside it ("Amit Singhal"). An
unnamed source stays described (always a noun phrase, never a clause fragment), never invented.

`speaker_context` reads, once an article, the people it names and the surnames, titles and genders that point to
them. `resolve` takes the words an attribution pattern caught, trims them to the words naming the speaker
(`_speaker_span`), and tries the rules of `speaker_rules.py` on them in their order; the rules turn a name, a
pronoun or a description into a `Speaker` through `referents.py`, which defines it.
"""

from __future__ import annotations

import dataclasses
import re
from collections import Counter
from collections.abc import Mapping, Sequence

from storyline.analyze.entities import SENTENCE_OPENERS, EntityAnalysis, Mention, is_title, name_key
from storyline.analyze.names import (
    Described,
    SpeakerContext,
    continued_genders,
    could_be_person,
    full_name,
    genders_of,
    generation_bearer,
    given_names,
    missed_surnames,
    person_surnames,
    roles_in_apposition,
    titles_before,
    written_out,
)
from storyline.analyze.organisations import outside_quotes
from storyline.analyze.pairs import pairs_named, person_name
from storyline.analyze.referents import Speaker
from storyline.analyze.speaker_rules import LY_NOUNS, NOBODY, RULES, SpeakerWords
from storyline.analyze.speech_verbs import DESCRIBERS, VERBS
from storyline.analyze.surnames import RELATIONS
from storyline.analyze.topics import sentence_subjects, sentence_topics
from storyline.segment import crosses_sentence_end

_TRAILING = frozenset(
    "has had have was is were are also later then previously once again earlier recently reportedly "
    "simply just further would will could first".split()
)
_PRONOUN_AT_END = re.compile(r"(?<=\s)(?:he|she|they|we)$")
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
# The lower-case role words between an organisation and the person holding the role: "Mint spokesman Adam Stump",
# "University of Texas law professor Ann Lowe"
ROLE_BETWEEN = re.compile(r"(?:\s+[a-z][\w-]*){1,3}\s+")
_FULL_NAME = re.compile(rf"{_GIVEN}(?:\s+{_GIVEN})?\s+[A-Z][a-z'’-]+")
_NAME = r"[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){0,2}"
# "says Riese" / "Riese says": a name at a speech verb is a person who speaks, even one NER did not tag.
_AT_VERB = re.compile(rf"\b(?:(?!told\b|tells?\b)(?:{VERBS})\s+(?P<after>{_NAME})|(?P<before>{_NAME})\s+(?:{VERBS}))\b")


@dataclasses.dataclass(frozen=True)
class ClusterPeople:
    """What `speaker_context` reads from the whole cluster rather than from one article, worked out once a cluster
    (once an article, it was a fifth of the analysis time of a 100-article pile)."""

    full_names: frozenset[str]
    """The people NER tagged and named in full somewhere in the cluster."""
    surnames: dict[str, set[str]]
    """`person_surnames` of all the cluster's mentions."""
    named_in_full: Counter[str]
    """How often the cluster writes each name in full, for people and for `full_names`."""
    others_named_in_full: Counter[str]
    """The same for the other names; they count too where an article makes one a person (`_spoken_full_names`)."""
    role_holders: dict[str, frozenset[str]] = dataclasses.field(default_factory=dict)
    """role noun -> the people some article of the cluster gives that role by a title or an apposition ("White House
    Press Secretary Sarah Sanders", "Jane Roe, a senator"): whom "the press secretary" of another article may mean."""
    titles: dict[str, list[Described]] = dataclasses.field(default_factory=dict)
    """article id -> `titles_before` over that article's mentions, read once for `role_holders` and again by
    `speaker_context`."""

    @classmethod
    def of(cls, entities: EntityAnalysis, bodies: Mapping[str, str] | None = None) -> ClusterPeople:
        """`bodies` (article id -> body) give `role_holders`; without them it stays empty."""
        # "Reischl" tagged GPE or ORG is still the person Jim Reischl once a mention merged into his full name
        full_names = frozenset(m.name for m in entities.mentions if m.label == "PERSON" and " " in m.name.strip())
        # in full only: a bare surname was merged into one bearer already, and NER may tag the one who speaks an
        # organisation ("Amber Pasztor" ORG, her child "Rene Pasztor" PERSON) once its surname speaks alone
        in_full = [m for m in entities.mentions if " " in m.text]
        bodies = bodies or {}
        named = _mentions_by_article(entities)
        titles = {article_id: titles_before(body, named.get(article_id, [])) for article_id, body in bodies.items()}
        return cls(
            full_names,
            person_surnames(entities.mentions),
            Counter(m.name for m in in_full if m.label == "PERSON" or m.name in full_names),
            Counter(m.name for m in in_full if not (m.label == "PERSON" or m.name in full_names)),
            _cluster_role_holders(bodies, named, titles),
            titles,
        )


def _mentions_by_article(entities: EntityAnalysis) -> dict[str, list[Mention]]:
    """article id -> the mentions NER found in it, in reading order."""
    people: dict[str, list[Mention]] = {}
    for mention in entities.mentions:
        people.setdefault(mention.article_id, []).append(mention)
    return {article_id: sorted(mentions, key=lambda m: m.start) for article_id, mentions in people.items()}


def _cluster_role_holders(
    bodies: Mapping[str, str], named: Mapping[str, list[Mention]], titles: Mapping[str, list[Described]]
) -> dict[str, frozenset[str]]:
    """`ClusterPeople.role_holders`, from each article's `titles` and the appositions to its `named` mentions; a
    relative ("her husband, Keith Rogers") is one only to the person named with them, so relations are left out."""
    holders: dict[str, set[str]] = {}
    for article_id, body in bodies.items():
        for role in [*titles[article_id], *roles_in_apposition(body, named.get(article_id, []))]:
            if role.noun not in RELATIONS:
                holders.setdefault(role.noun, set()).add(role.speaker)
    return {noun: frozenset(names) for noun, names in holders.items()}


def speaker_context(
    body: str, article_id: str, entities: EntityAnalysis, cluster_people: ClusterPeople | None = None
) -> SpeakerContext:
    """The people an article names, in reading order, and the surnames that point to them. `cluster_people` is
    `ClusterPeople.of(entities, bodies)`, passed in when several articles of one cluster are read (else worked out
    here, without the roles the articles give people, which need their bodies)."""
    cluster = cluster_people or ClusterPeople.of(entities)
    people = sorted((m for m in entities.mentions if m.article_id == article_id), key=lambda m: m.start)
    spoken = _spoken_full_names(body, people)
    full_names = cluster.full_names | {m.name for m in spoken}
    persons = [
        m
        for m, following in zip(people, [*people[1:], None], strict=False)
        if (m.label == "PERSON" or m.name in full_names) and could_be_person(body, m, following)
    ]
    titles = cluster.titles[article_id] if article_id in cluster.titles else titles_before(body, people)
    cluster_surnames = cluster.surnames
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
        mentions=cluster.named_in_full
        + Counter(
            {name: cluster.others_named_in_full[name] for name in full_names & cluster.others_named_in_full.keys()}
        ),
        relatives={name for _, head, name, _ in titles if head in RELATIONS},
        cluster_role_holders=cluster.role_holders,
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
    words = SpeakerWords(body, *span, open_at, people, context)
    for rule in RULES:
        verdict = rule(words)
        if verdict is not None:
            return None if verdict == NOBODY else verdict
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
        # "said University of Texas law professor Ann Lowe.": the organisation's role, then who holds it
        role = ROLE_BETWEEN.match(body, end)
        holder = next((m for m in people if role and m.start == role.end() and m.label == "PERSON"), None)
        if holder is not None and re.match(r"\s*(?:[.,;:!?]|$)", body[holder.end : holder.end + 2]):
            end = holder.end
    return start, end


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
    if word in LY_NOUNS:  # "Kessler's family said"
        return False
    return bool(re.fullmatch(r"[a-z]+ly", word)) and not (previous and previous[0].group().lower() in DESCRIBERS)
