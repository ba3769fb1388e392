"""What the words naming a speaker refer to, once a rule of `speaker_rules.py` has read them, as a `Speaker`.

A name is its canonical entity, a bare surname the full name the article (else the cluster) gave it. "He"/"she" is
the most recent person whose gender does not contradict the pronoun, "who" the person or group just before it, "It"
a document or organisation the sentence before introduced. "The official" is the description used earlier ("a
senior administration official"), "the senator" or "his lawyer" the person the text gave that role, an epithet
("the designer", "the California Democrat") the person the text is about; a description nothing earlier explains
stays described.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Literal

from storyline.analyze.documents import (
    author_of,
    described_sender,
    document_before,
    emailed_author,
    introduced_author,
    is_document_noun,
    issuer_after,
)
from storyline.analyze.entities import Mention, is_title, name_key, strip_titles, surname
from storyline.analyze.names import (
    FUNCTION_WORDS,
    PLACES,
    SOURCE_ROLES_PATTERN,
    SPEAKS_FOR,
    Described,
    SpeakerContext,
    appositive_head,
    full_name,
    gendered_description_before,
    noun_gender,
    person_before_apposition,
    role_nouns,
    self_named,
    self_named_before,
    synonyms,
)
from storyline.analyze.organisations import (
    PUBLIC_BODY_NOUNS,
    longer_organisation,
    means_organisation,
    organisation_for,
    organisation_opening_before,
    outside_quotes,
)
from storyline.analyze.surnames import RELATIONS
from storyline.analyze.unnamed_sources import indefinite_source_before, pronominal_source_before
from storyline.segment import previous_sentence_start, sentence_end, sentence_start

# what a person writes of themselves: "his profile says", "her blog said"
_OWN_WRITINGS = frozenset("profile blog website memoir memoirs diary journal biography bio resume".split())
_RELATIVE_REACH = 400  # characters back to the relative named just before "X's daughter said"
_OWNER_RELATION = re.compile(
    r"(?P<owner>(?:[A-Z][\w'’-]+\s+)*[A-Z][\w'’-]+)['’]s?\s+(?:[a-z]+\s+)?(?P<relation>[a-z]+)"
)
_RELATION_NOUN_BEFORE = re.compile(rf"\b(?:{'|'.join(sorted(RELATIONS))}),?\s+$")  # "her toddler son Jaden"
# a public body's noun, which "the council said" uses for the one the text named ("the Harlow Town Council")
_PUBLIC_BODIES = frozenset(noun.lower() for noun in PUBLIC_BODY_NOUNS)
PRONOUNS = {"he": "m", "him": "m", "his": "m", "she": "f", "her": "f"}
# "the designer", "the California Democrat", "the 82-year-old": a noun for a person, who is the one the text is about
_EPITHET = re.compile(r"[a-z](?:er|or|ist|ian|crat|can|star|old|ess|man|woman)$")
# …but not these: they name someone beside the person the text is about, or a thing (of `SOURCE_ROLES` only those
# who speak for another: "the senator" or "the professor" may well be the person the text is about)
_NOT_EPITHETS = SPEAKS_FOR | frozenset(
    "officer witness source friend neighbor neighbour prosecutor investigator reporter interviewer doctor paper "
    "newspaper letter center centre order poster chapter register monitor sector press business congress address "
    "process".split()
)
PREPOSITIONS = frozenset("of for on at in with from to about".split())
# "from farmers who", "many local residents, who", "a man who": a group in lower case, or a description,
# before "who"
_MODIFIER = rf"(?!(?:{FUNCTION_WORDS}|among|for|than)\b)[a-z][\w-]*\s+"  # "local", not "from"
_GROUP_BEFORE = re.compile(
    rf"(?<![\w-])(?P<group>(?:{_MODIFIER}){{0,2}}[a-z][\w-]{{2,}}(?<![su])s|(?:[Aa]n?|[Tt]he)\s+(?:{_MODIFIER}){{0,2}}"
    r"[a-z][\w-]+),?\s+$"
)
# "comments from Turner's father, who called prison “…”": a person's relative or one who speaks for them
_OWNED_BEFORE_WHO = re.compile(
    rf"(?<![\w'’-])(?P<who>(?:[A-Z][\w'’-]+\s+){{0,2}}[A-Z][\w'’-]+['’]s?\s+(?:[a-z]+\s+)?"
    rf"(?:{'|'.join(sorted(RELATIONS))}|{SOURCE_ROLES_PATTERN})),\s+$"
)
_PARTY_BEFORE_WHO = re.compile(r"\s*\([A-Z][\w.]*(?:-[A-Z][\w.]*)?\),?\s*$")  # a party label: "(R-Ky.), "
_SURNAME_BEFORE_WHO = re.compile(r"\b([A-Z][\w'’-]+),\s+$")  # "Chaffetz, who said"


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


def pronoun_referent(
    body: str, start: int, end: int, open_at: int, people: Sequence[Mention], context: SpeakerContext
) -> Speaker | None:
    """What the pronoun at `body[start:end]` refers to: "he"/"she" a person named before; "who" the person just
    named ("Colbert said to Urgant, who replied") or the group before it ("opposition from farmers who have called
    …"); "It" a document the sentence before introduced ("… a four-page letter. It warned that …")."""
    first = re.sub(r"['’]\w+$", "", body[start:end].split()[0].lower())
    if first == "who":
        # "Ann Cole, a Republican whom Lane beat, but who": the person the apposition describes
        party = _PARTY_BEFORE_WHO.search(body, max(0, start - 20), start)  # "Sen. Mitch Lane (R-Ky.), who"
        at = party.start() if party else start
        named_before = [m for m in people if 0 <= at - m.end <= 3] or person_before_apposition(body, start, people)
        if named_before and named_before[-1].label in PLACES:
            named_before = appositive_head(body, named_before[-1], people)
        if named_before:
            return name_referent(body, named_before[-1].name, start, end, context)
        surname = _SURNAME_BEFORE_WHO.search(body, max(0, start - 40), start)  # a surname NER missed there
        if surname and full_name(surname.group(1), context, start) is not None:
            return name_referent(body, surname.group(1), start, end, context)
        owned = _OWNED_BEFORE_WHO.search(body, max(0, start - 60), start)
        if owned is not None:
            return description_referent(body, owned.start("who"), owned.end("who"), open_at, context)
        group = _GROUP_BEFORE.search(body, max(0, start - 60), start)
        return Speaker(group.group("group"), "described", group.start("group"), group.end("group")) if group else None
    if first == "it":
        document = document_before(body, start)
        if document is None:  # "Acme Corp recalled 40,000 jars. It said …": the organisation the sentence before opens
            organisation = organisation_opening_before(body, start, context.organisations)
            return name_referent(body, organisation, start, end, context, is_person=False) if organisation else None
        author = author_of(body, document, people)
        if author is not None:
            return name_referent(body, author.name, start, end, context, is_person=author.label == "PERSON")
        # "A 2015 report by the Government Accountability Office …. It said": the report with its issuer
        return Speaker(body[document.start() : issuer_after(body, document.end())], "described", start, end)
    return _pronoun(body, first, start, end, open_at, context)


def name_referent(
    body: str, name: str, start: int, end: int, context: SpeakerContext, *, is_person: bool = True
) -> Speaker:
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
    gender = PRONOUNS[pronoun]
    known = context.genders | {name: g for _, name, g, _ in context.named if g}
    candidates = _persons_of_gender(gender, min(start, open_at), context)
    described = gendered_description_before(body, gender, min(start, open_at))
    # "… the time a labor leader advised her …. “…,” he said": the unnamed subject of the sentence before
    indefinite = indefinite_source_before(body, gender, min(start, open_at), [m.start for m in context.persons])
    if indefinite is not None and (described is None or indefinite[0] > described[0]):
        return Speaker(indefinite[1], "described", start, end)
    if described is None and pronominal_source_before(body, min(start, open_at), [m.start for m in context.persons]):
        return None  # "Another hoped …: “…,” he wrote": one of a group the text does not name, nobody it named
    if described is not None and not any(pos > described[0] and name in known for pos, name in candidates):
        # "The man, who spoke …" after "Another man, identified only as “Victory,”": the name he gave
        own_name = self_named_before(body, described[1].split()[-1], described[0])
        if own_name is not None:
            return Speaker(own_name, "named", start, end)
        role = re.fullmatch(r"the ([a-z]+)", described[1])
        if role and role.group(1) not in RELATIONS:  # "The congressman ended his speech …", after Rep. Ted Poe spoke
            # asked about the words before, not met at the quote: what the lookup records (a description met, a
            # person it named) goes to copies, so asking changes nothing later attributions see
            looking_back = replace(context, named=list(context.named), described=list(context.described))
            epithet = description_referent(body, described[0], described[0] + len(described[1]), open_at, looking_back)
            if epithet.kind == "named":
                return Speaker(epithet.name, "named", start, end)
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


def description_referent(body: str, start: int, end: int, open_at: int, context: SpeakerContext) -> Speaker:
    """'the official' → the earlier 'a senior administration official', 'the judge' → 'Judge Lou Olivera', 'the
    witness' → 'an unknown witness' the text introduced before."""
    own_name = self_named(body, end)
    if own_name is not None:
        return name_referent(body, body[slice(*own_name)], start, end, context)
    who = body[start:end]
    words = who.split()
    cut = next((i for i, w in enumerate(words) if i > 0 and w.lower() in PREPOSITIONS), len(words))
    head = re.sub(r"['’]s?$", "", words[cut - 1].lower())
    owned = _owned_referent(body, words, head, start, end, open_at, context)
    if owned is not None:
        return owned
    if words[0].lower() in ("the", "this", "that"):
        definite = _definite_referent(body, who, words, head, start, end, open_at, context)
        if definite is not None:
            return definite
        introduced = _introduced(body[:start], head)
        if introduced is not None:
            who = introduced
        else:
            epithet = _epithet_referent(body, who, words, head, cut, start, end, open_at, context)
            if epithet is not None:
                return epithet
    owned_by_name = _OWNER_RELATION.fullmatch(who)
    namesake = (
        _relative_named_before(owned_by_name.group("owner"), owned_by_name.group("relation").lower(), start, context)
        if owned_by_name
        else None
    )
    if namesake is not None:
        return Speaker(namesake, "named", start, end)
    context.described.append(Described(start, head, who, "described"))
    return Speaker(who, "described", start, end)


def _owned_referent(
    body: str, words: list[str], head: str, start: int, end: int, open_at: int, context: SpeakerContext
) -> Speaker | None:
    """Whom "his lawyer", "her husband" or "his profile" (a person's own writing) means; None when nothing earlier
    or just after says."""
    owned = len(words) == 2 and words[0].lower() in ("his", "her", "their")
    if owned:  # "her husband said" after "her husband, Keith Rogers,", "his lawyer said" after "attorney Ann Lowe"
        named = _named_with_role(body, head, open_at, context)
        if named is None and head in RELATIONS and words[0].lower() in PRONOUNS:
            # '“…?” Michael Dunn asked. “…,” his father responded.' after Phillip Dunn spoke: the relative named before
            owners = _persons_of_gender(PRONOUNS[words[0].lower()], min(start, open_at), context)
            named = _relative_named_before(max(owners)[1], head, start, context) if owners else None
        if named is None:  # "…, her lawyer said Wednesday." then, a paragraph on, "Her lawyer, Michael Avenatti,"
            named = _same_words_named_after(body, words, start, context)
        if named is not None:
            return Speaker(named, "named", start, end)
    if words[0].lower() in ("his", "her") and head in _OWN_WRITINGS:  # "his profile says": the profile's owner
        owner = _pronoun(body, words[0].lower(), start, end, open_at, context)
        if owner is not None and owner.kind == "named":
            return owner
    return None


def _definite_referent(
    body: str, who: str, words: list[str], head: str, start: int, end: int, open_at: int, context: SpeakerContext
) -> Speaker | None:
    """Whom "the company", "the ministry", "the statement", "the official" or "the senator" means: an organisation
    that fits the noun, the author of a document the text introduced, the description or the person given that role
    before, the one person given it in the next sentence, or the one person named before whom another article of
    the cluster gives it; None when none is."""
    earlier = [d for d in context.described if d.noun in role_nouns(head) and d.at < open_at]
    organisation = (
        organisation_for(body, head, min(start, open_at), context.organisations) if means_organisation(head) else None
    )
    if organisation is not None and len(words) <= 3:  # "the company", "the parent company"
        return Speaker(organisation, "named", start, end)
    public_body = _public_body_before(words, head, min(start, open_at), context)
    if public_body is not None:
        return Speaker(public_body, "named", start, end)
    authors = [*context.persons, *context.organisations]
    author = introduced_author(body, head, start, authors)
    if author is None and head in ("email", "e-mail"):  # "Cohen emailed the order to …"
        author = emailed_author(body, start, authors)
    if author is not None:  # "the statement said", after "a statement from attorney Ann Lowe"
        return Speaker(author.name, "named", start, end)
    sender = described_sender(body, head, start)
    if sender is not None:  # after "A White House official sent a statement to CNBC"
        return Speaker(body[slice(*sender)], "described", start, end)
    if earlier and max(earlier).kind == "described":  # "the official" after "a senior official"
        return Speaker(max(earlier).speaker, "described", start, end)
    if earlier:
        named = _named_with_role(body, head, open_at, context)
        return Speaker(named, "named", start, end) if named else Speaker(who, "described", start, end)
    named_next = _named_with_role_next(body, head, start, context)
    if named_next is not None:
        return Speaker(named_next, "named", start, end)
    holder = _role_holder_in_cluster(head, open_at, context)
    if holder is not None:
        return Speaker(holder, "named", start, end)
    return None


def _epithet_referent(
    body: str,
    who: str,
    words: list[str],
    head: str,
    cut: int,
    start: int,
    end: int,
    open_at: int,
    context: SpeakerContext,
) -> Speaker | None:
    """Whom an epithet ("the designer", "the California Democrat") or an age ("the 26-year-old student") means: the
    one person the sentence before names, else the person the text is about; None for another noun, or when the
    epithet's gender is not that person's."""
    # "the 26-year-old student": an age names the person the text is about, whatever the noun
    if not (
        any(_EPITHET.search(h) and h not in _NOT_EPITHETS for h in _heads(words, cut))
        or re.search(r"\d-year-old\s", who)
    ):
        return None
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
    return None


def _same_words_named_after(body: str, words: list[str], start: int, context: SpeakerContext) -> str | None:
    """ "An actress filed a lawsuit …, her lawyer said Wednesday." opening a story, and "Her lawyer, Michael Avenatti,
    said …" in one of the next two paragraphs: the person the same words introduce in apposition there (the first
    time they do), whom the lead described before naming."""
    words_again = re.compile(rf"\b{re.escape(words[0])}\s+{re.escape(words[1])},\s+", re.IGNORECASE)
    again = words_again.search(body, start + len(" ".join(words)), _paragraphs_end(body, start, 3))
    if again is None:
        return None
    named = next((m for m in context.persons if m.start == again.end()), None)
    return named.name if named is not None and body[named.end : named.end + 1] == "," else None


def _paragraphs_end(body: str, start: int, count: int) -> int:
    """Where the paragraph holding `body[start]` and the `count - 1` after it end (at a newline), or the end of
    `body`."""
    end = start
    for _ in range(count):
        end = body.find("\n", end + 1)
        if end < 0:
            return len(body)
    return end


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
    previous = previous_sentence_start(body, position)
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


def _role_holder_in_cluster(head: str, position: int, context: SpeakerContext) -> str | None:
    """ "Sarah Sanders was asked … “…,” said the White House press secretary.": the one person this article names
    before `position` whom some article of the cluster gives the role `head` ("White House Press Secretary Sarah
    Sanders"), when this article gives it to nobody; None when no one such person is named, and when the cluster
    gives the role to several people ("Prime Minister Theresa May met Japanese Prime Minister Shinzo Abe": "the
    British prime minister" of an article naming only Abe is not Abe)."""
    holders = set().union(*(context.cluster_role_holders.get(noun, frozenset()) for noun in role_nouns(head)))
    if len(holders) != 1:
        return None
    named = {m.name for m in context.persons if m.start < position and m.name in holders}
    return named.pop() if named else None


def _role_holders(head: str, context: SpeakerContext) -> list[tuple[int, str]]:
    """Where and whom the text named with the role `head` (by a title or an apposition), in text order."""
    nouns = role_nouns(head)
    return sorted((d.at, d.speaker) for d in context.described if d.noun in nouns and d.kind == "named")


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
    served there', 'Another prominent defense attorney' for 'the lawyer'), if any; it needs a modifier, since a bare
    'a witness' says no more than 'the witness'. A document keeps the issuer named right after it."""
    heads = "|".join(re.escape(noun) for noun in sorted(synonyms(head)))
    # modifiers, not a clause running on: "a wire when the attorney" introduces no attorney
    modifier = r"(?!(?:the|a|an|when|while|and|or|but|that|which|who|was|were|is|are|to|of|in|on|at|as)\s)[\w'’-]+\s+"
    modified = rf"(?:{modifier}){{1,3}}(?:{heads})\b|(?:{heads})\s+who\s[^.,;:!?\"“”\n]+"
    found = list(re.finditer(rf"\b(?:[Aa]n?|[Aa]nother|[Oo]ne)\s+(?:{modified})", before))
    if not found:
        return None
    # "the report" after "A 2015 report by the Government Accountability Office": the issuer stays in its description
    end = issuer_after(before, found[-1].end()) if is_document_noun(head) else found[-1].end()
    return before[found[-1].start() : end]
