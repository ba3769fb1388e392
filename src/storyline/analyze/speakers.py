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

import re
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field

from storyline.analyze.entities import (
    ABBREVIATED_TITLES,
    EntityAnalysis,
    Mention,
    is_title,
    name_key,
    strip_titles,
    surname,
)
from storyline.segment import sentence_spans

# Reporting verbs of news writing (say, tell, write and the usual verbs of stating, answering, exclaiming and
# characterising), in the forms that attribute a quote: 3rd person, past tense, and "say"/"tell"/"ask"/"add".
_STEMS = (
    "acknowledge advise advocate allege announce argue assert boast caution clarif comment complain concede "
    "conclude confess confirm contend continue counter declare decr describe emphasize exclaim explain insist "
    "implor joke lament mention muse not observ plead pledge pose predict proclaim recall recount reiterate remark "
    "repl respond retort reveal scream shout stat stress suggest tease testif tweet urge vow warn whisper "
    "wonder yell estimat"
).split()
VERBS = "|".join(
    [
        "said|says|say|told|tells|tell|wrote|writes|asked|asks|ask|added|adds|add|swore|swears|cried|cries|"
        # plural subjects and idioms: "write the scientists", "as Goodman puts it"
        "admitted|admits|quipped|quips|claimed|claims|write|estimate|puts? it",
        *(rf"{re.escape(stem)}(?:e?s|ies|e?d|ied)" for stem in _STEMS),
    ]
)
PARTICIPLES = frozenset(
    "saying adding telling writing noting claiming tweeting calling stating describing declaring insisting "
    "arguing warning asking explaining vowing pledging".split()
)
# Words opening a description of a source rather than a name ("a senior official", "someone", "one analyst").
DESCRIBERS = frozenset(
    "a an the one two three some another several many other his her their its this that "
    "someone somebody anyone everyone".split()
)
_PRONOUNS = {"he": "m", "him": "m", "she": "f", "her": "f"}
_VAGUE = frozenset("they we i you it what".split())  # a group, the writer, a thing: nobody to name
_FEMALE_TITLES = re.compile(r"\b(?:Mrs|Ms|Miss|Madam)\.?\s+$")
_MALE_TITLES = re.compile(r"\b(?:Mr|Sir)\.?\s+$")
# Nouns for a person that say the gender: before the name ("her father Richard Kuiper") or in apposition after it
# ("Kaylie Hanson, a DNC spokeswoman,").
_GENDERED_NOUNS = {
    **dict.fromkeys(
        "woman spokeswoman chairwoman congresswoman businesswoman actress wife mother daughter sister girlfriend "
        "grandmother aunt niece widow queen princess duchess".split(),
        "f",
    ),
    **dict.fromkeys(
        "man spokesman chairman congressman businessman actor husband father son brother boyfriend grandfather "
        "uncle nephew widower king prince duke".split(),
        "m",
    ),
}
_CONTINUED = re.compile(rf"\s*(He|She)\s+(?:[a-z]+\s+)?(?:{VERBS})\b")  # "She added", "He also said"
# A main clause opening with a person: "Sen. Dianne Feinstein, …", "On Monday, Sen. Dianne Feinstein …".
_SUBJECT_AHEAD = re.compile(r"(?:[^,.;:!?\"“”\n]{1,30},\s+)?(?:(?:[A-Z][\w.'’-]*|former|late)\s+){0,4}")
# "the designer", "the California Democrat", "the 82-year-old": a noun for a person, who is the one the text is about
_EPITHET = re.compile(r"[a-z](?:er|or|ist|ian|crat|can|star|old|ess|man|woman)$")
# …but not these: they name someone beside the person the text is about, or a thing
_NOT_EPITHETS = frozenset(
    "attorney lawyer spokesman spokeswoman spokesperson officer witness source friend neighbor neighbour prosecutor "
    "investigator reporter interviewer doctor paper newspaper letter center centre order poster chapter register "
    "monitor sector press business congress address process".split()
)
# "Jordan's grandmother": the person owns a relation and is not the subject
_OWNS_NOUN = re.compile(r"['’]s?\s+[a-z]")
_SENTENCE_BREAK = re.compile(r"[.!?][\"”’]?\s|\n")
_NOUN_BEFORE = re.compile(r"\b([a-z]+)\s+$")
_APPOSITION_AFTER = re.compile(r",\s+(?:a|an|the|his|her|their)\s+([^,.;:!?\"“”\n]{1,60}?)\s*[,.]")
_TRAILING = frozenset(
    "has had have was is were are also later then previously once again earlier recently reportedly "
    "simply just further would will could".split()
)
_PREPOSITIONS = frozenset("of for on at in with from to about".split())
# "the two Republicans", "both senators", "the pair": two people named just before speak together
_PAIR = re.compile(r"(?:[Tt]he\s+two|[Bb]oth)(?:\s+[A-Za-z]+)?|[Tt]he\s+pair")
_PAIR_REACH = 400  # characters back to look for the two
_DETERMINERS = frozenset("a an the this that his her their its my our".split())
_SUBORDINATORS = frozenset("as when while because if since after before though although".split())
_LY_NOUNS = frozenset("family ally assembly rally monopoly bully".split())
# auxiliaries and the like: a description holding one has run into a clause
_NOT_IN_NOUN_PHRASES = frozenset("is was are were be been has had have also".split())
# A sentence opening with a subordinate clause: its subject (and the referent of a "he" inside the clause) comes
# after the comma.
_FRONTED = re.compile(
    r"(?:[\w'’-]+\s+){0,3}?(?:before|after|when|while|although|though|since|because|if|once|until|as)\s"
    r"[^,.;:!?\"“”\n]{1,150},\s+",
    re.IGNORECASE,
)
_FUNCTION_WORDS = "with|of|from|at|in|on|for|who|and|to|by"
# "McSally's campaign", "North Korean media": capitalised words and then a common noun describe a source.
_DESCRIBED_BY_NAME = r"(?:[A-Z][\w.'’-]*\s+)*[A-Z][\w.'’-]*(?:['’]s?)?\s+[a-z]+$"
_NAME = r"[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){0,2}"
# "says Riese" / "Riese says": a name at a speech verb is a person who speaks, even one NER did not tag.
_AT_VERB = re.compile(rf"\b(?:(?:{VERBS})\s+(?P<after>{_NAME})|(?P<before>{_NAME})\s+(?:{VERBS}))\b")


@dataclass
class Speaker:
    """A resolved speaker: a canonical name or a description, and the words in the body that name it."""

    name: str | None
    kind: str
    start: int
    end: int


@dataclass
class SpeakerContext:
    """What earlier attributions in the article tell later ones."""

    # (position, name, gender "m"/"f"/"", is a person): who a later "he" or "she" may be
    named: list[tuple[int, str, str, bool]] = field(default_factory=list)
    # (position, head noun, speaker, kind): "a senior administration official", or "Judge" before "Lou Olivera"
    described: list[tuple[int, str, str, str]] = field(default_factory=list)
    canonical: dict[str, str] = field(default_factory=dict)  # name key -> canonical entity name
    # surname key -> canonical full personal names, in this article and in the whole cluster
    surnames: dict[str, set[str]] = field(default_factory=dict)
    cluster_surnames: dict[str, set[str]] = field(default_factory=dict)
    titled: set[str] = field(default_factory=set)  # people named with a title: "Rep. Bob Goodlatte"
    genders: dict[str, str] = field(default_factory=dict)  # name -> "m"/"f", from titles and pronouns
    # (position, name): who each sentence is about, when a person (or "he"/"she" for one) opens its main clause
    topics: list[tuple[int, str]] = field(default_factory=list)


def speaker_context(body: str, article_id: str, entities: EntityAnalysis) -> SpeakerContext:
    """The people an article names, in reading order, and the surnames that point to them."""
    people = sorted((m for m in entities.mentions if m.article_id == article_id), key=lambda m: m.start)
    # "Reischl" tagged GPE or ORG is still the person Jim Reischl once a mention merged into his full name
    full_names = {m.name for m in entities.mentions if m.label == "PERSON" and " " in m.name.strip()}
    persons = [m for m in people if m.label == "PERSON" or m.name in full_names]
    titles = _titles(body, people)
    cluster_surnames = _surnames(entities.mentions)
    context = SpeakerContext(
        described=titles,
        canonical=entities.canonical,
        surnames=_surnames(people) | _written_out(body, persons, cluster_surnames),
        cluster_surnames=cluster_surnames,
        titled={name for _, _, name, _ in titles},
    )
    # a shared surname at a verb ("Conway said") is the bearer the article named last: the subjects come first
    context.named = _subjects(body, persons, context.surnames)
    speakers: list[tuple[int, str]] = []
    for match in _AT_VERB.finditer(body):
        group = "after" if match.group("after") else "before"
        name = full_name(match.group(group), context, match.start(group))
        if name is not None:
            context.named.append((match.start(group), name, "", True))
            speakers.append((match.end(), name))
    context.named.sort()
    context.genders = _genders(body, persons, _continued_genders(body, speakers))
    context.topics = _topics(body, persons, context.genders)
    return context


def full_name(text: str, context: SpeakerContext, position: int, *, has_title: bool = False) -> str | None:
    """A personal name as the cluster names the person: 'Riese' → 'Tracey Riese'; None if no person has it.

    A surname two people share ('Goodlatte': Bob and his son Bobby) means the one named with a title when it comes
    with one ('Congressman Goodlatte'), else the one of them the article named last before `position`.
    """
    key = name_key(text)
    for surnames in (context.surnames, context.cluster_surnames):
        bearers = surnames.get(key, set())
        if len(bearers) == 1:
            return next(iter(bearers))
        if has_title and len(bearers & context.titled) == 1:
            return next(iter(bearers & context.titled))
        if bearers:
            recent = [(pos, name) for pos, name, _, _ in context.named if name in bearers and pos < position]
            return max(recent)[1] if recent else None
    return context.canonical.get(key) if " " in key and key in context.canonical else None


def _surnames(mentions: Sequence[Mention]) -> dict[str, set[str]]:
    found: dict[str, set[str]] = defaultdict(set)
    for m in mentions:
        if m.label == "PERSON" and " " in m.name.strip():
            found[surname(name_key(m.name))].add(m.name)
            found[name_key(m.name)].add(m.name)
            # "Ahmad Seth" merged into "Ahmad Seth Zaharie": "Mr Seth" is him too
            found[surname(name_key(m.text))].add(m.name)
    return found


def _written_out(body: str, persons: Sequence[Mention], known: dict[str, set[str]]) -> dict[str, set[str]]:
    """Full names NER tagged only by their surname: 'the head of Google Search, Amit Singhal, …' then 'Singhal
    said'. A first name is a capitalised word just before the surname that the text never writes in lower case
    (as it would write 'then' of 'Then Singhal said')."""
    found: dict[str, set[str]] = {}
    for last_name in {m.text for m in persons if " " not in m.text.strip()}:
        key = name_key(last_name)
        if key in known or key in found:
            continue
        # not part of a longer name: "Donald Trump Jr." is someone else
        for first in re.finditer(rf"\b([A-Z][a-z]+)\s+{re.escape(last_name)}\b(?!\s+[A-Z])", body):
            word = first.group(1)
            if not is_title(word) and not re.search(rf"\b{word.lower()}\b", body):
                found[key] = {f"{word} {last_name}"}
                break
    return found


def resolve(
    body: str, start: int, end: int, open_at: int, people: Sequence[Mention], context: SpeakerContext
) -> Speaker | None:
    """Turn the words naming the speaker of the quote opening at `open_at` into a name, a description, or None."""
    span = _trim(body, start, end)
    if span is None:
        return None
    start, end = span
    who = body[start:end]
    first = re.sub(r"['’]\w+$", "", who.split()[0].lower())  # "He's"
    if first in ("he", "she") or (first in _PRONOUNS and len(who.split()) == 1):  # not "her father Richard Kuiper"
        return _pronoun(first, start, end, open_at, context)
    if first == "who":  # "Colbert said to Urgant, who replied": the person just named
        named_before = [m for m in people if 0 <= start - m.end <= 3]
        return _named(body, named_before[-1].name, start, end, context) if named_before else None
    if first in _VAGUE:
        return None
    if _PAIR.fullmatch(who):
        return _pair(people, start, end)
    inside = [m for m in people if start <= m.start and m.end <= end]
    bare = start + len(who) - len(re.sub(r"^(?:the|The)\s+", "", who))  # "the Rockies" names the Rockies
    persons = [m for m in inside if m.label == "PERSON"]
    if persons and _OWNS_NOUN.match(body[persons[-1].end : end]):  # "McSally's campaign": not McSally
        return _describe(body, start, end, open_at, context)
    named = persons or [m for m in inside if (m.start, m.end) == (bare, end)]
    if (
        named
        and (first not in DESCRIBERS or named[-1].end >= end - 1)
        and not _follows_preposition(who, named[-1].start - start)
    ):
        return _named(body, named[-1].name, start, end, context, is_person=bool(persons))
    # A name NER missed: "Target spokesman Joshua Thomas", "Kathy Fairbanks with the No on 37 campaign".
    # …after an owner's possessive, if any: "the New York Times’ Ann Hull" is Ann Hull
    trailing_name = re.search(r"(?:[A-Z][\w.'’-]*[\w.](?<!['’]s)\s+)+[A-Z][\w'’-]+$", who)
    # …but "North Korean media" is an adjective and a noun: a description
    leading_name = re.match(rf"(?:[A-Z][\w.'’-]+\s+)+[A-Z][\w'’-]+(?=\s+(?:{_FUNCTION_WORDS})\b|$)", who)
    # "a friend of Kendra" is about Kendra; "the California Democrat", no name NER knows, describes someone
    if trailing_name and (
        _follows_preposition(who, trailing_name.start()) or who[: trailing_name.start()].lower() == "the "
    ):
        trailing_name = None
    found_name = trailing_name or (leading_name if first not in DESCRIBERS else None)
    if found_name:
        return _named(body, found_name.group(), start, end, context)
    if first in DESCRIBERS or who[:1].islower() or re.match(_DESCRIBED_BY_NAME, who):
        return _describe(body, start, end, open_at, context) if _is_noun_phrase(who) else None
    if all(w[:1].isupper() for w in who.split()) and len(who.split()) <= 5:
        return _named(body, who, start, end, context)  # NER missed it here: match a name found elsewhere
    return None


def _pair(people: Sequence[Mention], start: int, end: int) -> Speaker | None:
    """ "the two senators said in a joint statement": the last two people named just before, as 'A and B'."""
    names: list[str] = []
    for m in reversed([m for m in people if start - _PAIR_REACH <= m.start and m.end <= start]):
        if m.label == "PERSON" and m.name not in names:
            names.insert(0, m.name)
    if len(names) < 2:
        return None
    return Speaker(" and ".join(names[-2:]), "named", start, end)


def _is_noun_phrase(who: str) -> bool:
    """ "a source", "the researchers"; not words a pattern caught across a clause: "as she was spotted on", "The
    magazine also spoke to a", "The newly" (of "The newly described bones")."""
    words = who.lower().split()
    last = words[-1]
    return not (
        words[0] in _SUBORDINATORS
        or last in _DETERMINERS | _PREPOSITIONS | {"and", "or"}
        or (last.endswith("ly") and last not in _LY_NOUNS)
        or any(w in _NOT_IN_NOUN_PHRASES for w in words)
    )


def _follows_preposition(who: str, name_at: int) -> bool:
    """ "a friend of Kendra", "the mayor of Boston": the name is the object of a description, not the speaker."""
    return who[:name_at].split()[-1:] in ([p] for p in _PREPOSITIONS)


def _trim(body: str, start: int, end: int) -> tuple[int, int] | None:
    """The speaker words without a leading conjunction, trailing adverbs and auxiliaries, or closing punctuation."""
    words = list(re.finditer(r"\S+", body[start:end]))
    # "And she", "Later he": a conjunction or a sentence adverb before the speaker
    while len(words) > 1 and words[0].group().lower() in {"and", "but", "so"} | _TRAILING:
        words.pop(0)
    while words and (words[-1].group().lower() in _TRAILING or _is_adverb(words[-1].group(), words[-2:-1])):
        words.pop()
    if not words or _crosses_sentence_end(body[start:end]):
        return None
    start, end = start + words[0].start(), start + words[-1].end()
    end -= len(body[start:end]) - len(body[start:end].rstrip(",;:"))
    if re.search(r"[a-z]{2}\.$", body[start:end]):  # "said Joshua Thomas." ends the sentence
        end -= 1
    return start, end


def _is_adverb(word: str, previous: list[re.Match[str]]) -> bool:
    """'Trump reportedly', not 'Megyn Kelly' or 'her family': a lower-case '-ly' word after no determiner."""
    return bool(re.fullmatch(r"[a-z]+ly", word)) and not (previous and previous[0].group().lower() in DESCRIBERS)


def _crosses_sentence_end(words: str) -> bool:
    """ "the vote. Officials", "the media.Investigators" (a scraped paragraph break), not "Sen. Sheldon Whitehouse":
    a full stop after a word that is no title."""
    ends = re.finditer(r"\b(\w*[a-z]{2,})[.!?](?:\s|(?=[A-Z][a-z]))", words)
    return any(end.group(1).lower() not in ABBREVIATED_TITLES for end in ends)


def _named(body: str, name: str, start: int, end: int, context: SpeakerContext, *, is_person: bool = True) -> Speaker:
    """A named speaker; a bare surname becomes the full name, since the article named the person in full before."""
    name = strip_titles(name)
    if " " not in name.strip():
        title = body[start:end].split()[-2:-1]  # "Congressman Goodlatte"
        fuller = full_name(name, context, start, has_title=bool(title) and is_title(title[0]))
        name = fuller or context.canonical.get(name_key(name), name)
    elif name_key(name) in context.canonical:
        name = context.canonical[name_key(name)]
    context.named.append((start, name, "", is_person))
    return Speaker(name, "named", start, end)


def _pronoun(pronoun: str, start: int, end: int, open_at: int, context: SpeakerContext) -> Speaker | None:
    """'he' → the most recent person before the quote not known to be a woman (and vice versa)."""
    gender = _PRONOUNS[pronoun]
    known = context.genders | {name: g for _, name, g, _ in context.named if g}
    candidates = [
        (pos, name)
        for pos, name, _, is_person in context.named
        if pos < min(start, open_at) and is_person and known.get(name, gender) == gender
    ]
    if not candidates:
        return None
    name = max(candidates)[1]
    context.named.append((start, name, gender, True))
    return Speaker(name, "named", start, end)


def _describe(body: str, start: int, end: int, open_at: int, context: SpeakerContext) -> Speaker:
    """'the official' → the earlier 'a senior administration official', 'the judge' → 'Judge Lou Olivera', 'the
    witness' → 'an unknown witness' the text introduced before."""
    who = body[start:end]
    words = who.split()
    cut = next((i for i, w in enumerate(words) if i > 0 and w.lower() in _PREPOSITIONS), len(words))
    head = re.sub(r"['’]s?$", "", words[cut - 1].lower())
    if words[0].lower() in ("the", "this", "that"):
        earlier = [d for d in context.described if d[1] == head and d[0] < open_at]
        if earlier:
            _, _, speaker, kind = max(earlier)
            return Speaker(speaker, kind, start, end)
        introduced = _introduced(body[:start], head)
        if introduced is not None:
            who = introduced
        elif _EPITHET.search(head) and head not in _NOT_EPITHETS:
            topics = [topic for topic in context.topics if topic[0] < start]
            if topics:
                name = max(topics)[1]
                context.named.append((start, name, "", True))
                return Speaker(name, "named", start, end)
    context.described.append((start, head, who, "described"))
    return Speaker(who, "described", start, end)


def _introduced(before: str, head: str) -> str | None:
    """The last indefinite description with `head` in `before` ('An unknown witness is heard …', 'a man who had
    served there'), if any; it needs a modifier, since a bare 'a witness' says no more than 'the witness'."""
    modified = rf"(?:[\w'’-]+\s+){{1,3}}{re.escape(head)}\b|{re.escape(head)}\s+who\s[^.,;:!?\"“”\n]+"
    found = list(re.finditer(rf"\b(?:[Aa]n?|[Oo]ne)\s+(?:{modified})", before))
    return found[-1].group() if found else None


def _titles(body: str, people: Sequence[Mention]) -> list[tuple[int, str, str, str]]:
    """'Judge' in 'District Court Judge Lou Olivera': what a later 'the judge' refers to."""
    titles: list[tuple[int, str, str, str]] = []
    for m in people:
        word = re.search(r"([A-Za-z]+)\.?\s+$", body[max(0, m.start - 30) : m.start])
        if m.label == "PERSON" and word and is_title(word.group(1)):
            titles.append((m.start, word.group(1).lower(), m.name, "named"))
    return titles


def _subjects(body: str, persons: Sequence[Mention], surnames: dict[str, set[str]]) -> list[tuple[int, str, str, bool]]:
    """The first person named in each sentence: who a later 'he' or 'she' most likely refers to; after one owning
    a relation, the next too ("Jordan's grandmother, Jessica Belliveau, said": the grandmother is the subject); or
    a surname NER missed that opens the sentence ("Pelosi is facing pressure")."""
    subjects: list[tuple[int, str, str, bool]] = []
    for start, end in sentence_spans(body):
        fronted = _FRONTED.match(body, start, end)  # "A day before he tweeted about Strzok, the younger Goodlatte …"
        main = fronted.end() if fronted else start
        if re.match(r"(?:He|She)\b", body[main:end]):  # "He met Tan at …": Tan is no subject
            continue
        named = [m for m in persons if main <= m.start < end][:2]
        surname = re.match(r"[A-Z][\w'’-]+(?=\s+[a-z])", body[main:end])
        bearers = surnames.get(name_key(surname.group()), set()) if surname else set()
        if len(bearers) == 1 and not (named and named[0].start == main):
            subjects.append((main, next(iter(bearers)), "", True))
            continue
        if named and not _OWNS_NOUN.match(body, named[0].end):
            named = named[:1]
        subjects += [(m.start, m.name, _gender(body, m.start), True) for m in named]
    return subjects


def _topics(body: str, persons: Sequence[Mention], genders: dict[str, str]) -> list[tuple[int, str]]:
    """The person each sentence is about: one named at its main clause's start, or the one "he"/"she" there
    continues; a sentence about something else keeps the topic of the one before."""
    topics: list[tuple[int, str]] = []
    for start, end in sentence_spans(body):
        fronted = _FRONTED.match(body, start, end)
        main = fronted.end() if fronted else start
        first = next((m for m in persons if main <= m.start < end), None)
        pronoun = re.match(r"(He|She)\b", body[main:end])
        if first is not None and _SUBJECT_AHEAD.fullmatch(body, main, first.start):
            topics.append((first.start, first.name))
        elif pronoun and topics and genders.get(topics[-1][1], "") in ("", "m" if pronoun.group(1) == "He" else "f"):
            topics.append((main, topics[-1][1]))
    return topics


def _genders(body: str, persons: Sequence[Mention], continued: dict[str, str]) -> dict[str, str]:
    """What the text says of each person's gender: 'Megyn Kelly when she moderated' → f; titles and nouns ('his
    wife Anette') win over a speaker's `continued` pronoun, which wins over the first pronoun after the name.
    "Her" and "him" say nothing: 'Woods met her' is about someone else."""
    genders: dict[str, str] = {}
    neighbours = zip([None, *persons[:-1]], persons, [*persons[1:], None], strict=False)  # None: nobody there
    for previous, m, following in neighbours:
        # the first pronoun after the name, in its sentence and before anyone else is named; a person named alone
        # in a sentence is also the one a next sentence opening with a pronoun continues ("… named Linh Hoa. She
        # was …"), while a pronoun inside it may be anyone's ("… Trump. After surveying her caucus, she …")
        sentence_end = _sentence_end(body, m.end)
        stop = min(following.start if following else len(body), sentence_end)
        pronoun = re.search(r"\b(he|his|she)\b", body[m.end : stop], re.IGNORECASE)
        is_alone = (previous is None or previous.end < _sentence_start(body, m.start)) and stop == sentence_end
        if pronoun is None and is_alone:
            pronoun = re.match(r"\s*(He|She)\b", body[sentence_end:])
        if pronoun and m.name not in genders:
            genders[m.name] = "f" if pronoun.group(1).lower() == "she" else "m"
    genders |= continued
    for m in persons:
        genders[m.name] = _gender(body, m.start) or _gender_by_noun(body, m) or genders.get(m.name, "")
    return {name: g for name, g in genders.items() if g}


def _continued_genders(body: str, speakers: Sequence[tuple[int, str]]) -> dict[str, str]:
    """ "Conway said … . She added": the pronoun of a speaker's next words, by majority over the article; a
    pronoun elsewhere in the sentence may be anyone's ("… sought to distance himself from his pick")."""
    votes: dict[str, Counter[str]] = defaultdict(Counter)
    for verb_end, name in speakers:
        continued = _CONTINUED.match(body, _sentence_end(body, verb_end))
        if continued:
            votes[name]["f" if continued.group(1) == "She" else "m"] += 1
    return {name: counts.most_common(1)[0][0] for name, counts in votes.items()}


def _sentence_end(body: str, position: int) -> int:
    found = _SENTENCE_BREAK.search(body, position)
    return found.end() if found else len(body)


def _sentence_start(body: str, position: int) -> int:
    window = max(0, position - 1000)  # a sentence is shorter; the limit keeps long bodies linear
    return max([window, *(m.end() for m in _SENTENCE_BREAK.finditer(body, window, position))])


def _gender(body: str, position: int) -> str:
    before = body[max(0, position - 8) : position]
    return "f" if _FEMALE_TITLES.search(before) else "m" if _MALE_TITLES.search(before) else ""


def _gender_by_noun(body: str, mention: Mention) -> str:
    before = _NOUN_BEFORE.search(body[max(0, mention.start - 20) : mention.start])
    if before and before.group(1) in _GENDERED_NOUNS:
        return _GENDERED_NOUNS[before.group(1)]
    after = _APPOSITION_AFTER.match(body, mention.end)
    description = re.split(rf"\s(?:{_FUNCTION_WORDS})\s", after.group(1))[0] if after else ""
    return next((_GENDERED_NOUNS[w] for w in description.split() if w in _GENDERED_NOUNS), "")
