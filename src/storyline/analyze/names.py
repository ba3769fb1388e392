"""The people an article names: full names behind surnames, titles before names, and what the text says of each
person's gender. Speaker attribution (`speakers.py`) resolves names through these.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from typing import Literal, NamedTuple

from storyline.analyze.entities import SENTENCE_OPENERS, Mention, is_namesake, is_title, name_key, surname
from storyline.analyze.scans import matches_before, writes_word
from storyline.analyze.speech_verbs import VERBS
from storyline.analyze.surnames import RELATIONS, RELATIONS_PATTERN, named_most, relation_before
from storyline.segment import sentence_end, sentence_start

FUNCTION_WORDS = "with|of|from|at|in|on|for|who|and|to|by"
SPEAKS_FOR = frozenset("spokesman spokeswoman spokesperson aide lawyer attorney".split())
"""The roles of someone who speaks for another person or a body ("a spokeswoman for House Speaker Tom Bell",
"Hayes's attorney"); unlike the other roles of `SOURCE_ROLES`, never an epithet for the person a text is about
("the senator said" may be; `referents`)."""
SOURCE_ROLES = SPEAKS_FOR | frozenset(
    "adviser advisor counsel secretary representative assistant official source analyst expert witness "
    "resident officer lawmaker senator leader executive director professor researcher scientist doctor neighbor "
    "neighbour friend relative juror voter student teacher parent employee worker reporter".split()
)
"""The roles news gives a source it quotes: the one list that a person working for another (`before_quote`, ", a
lawyer for "), an unnamed source opening a sentence (`subjects`, "An ACLU official blasted …") and a person's own
source ("Hayes's attorney", `quotes`) are read from."""
SOURCE_ROLES_PATTERN = "|".join(sorted(SOURCE_ROLES, key=lambda role: (-len(role), role)))

_FEMALE_TITLES = re.compile(r"\b(?:Mrs|Ms|Miss|Madam)\.?\s+$")
_MALE_TITLES = re.compile(r"\b(?:Mr|Sir)\.?\s+$")
# Nouns for a person that say the gender: before the name ("her father Richard Kuiper") or in apposition after it
# ("Kaylie Hanson, a DNC spokeswoman,").
_GENDERED_NOUNS = {
    **dict.fromkeys(
        "woman spokeswoman chairwoman congresswoman businesswoman actress wife mother daughter sister girlfriend "
        "fiancee fiancée grandmother granddaughter aunt niece widow queen princess duchess".split(),
        "f",
    ),
    **dict.fromkeys(
        "man spokesman chairman congressman businessman actor husband father son brother boyfriend fiance fiancé "
        "grandfather grandson uncle nephew widower king prince duke".split(),
        "m",
    ),
}
# "The woman", "The baby's anguished father", "Smith's wife" (not "The man" of "The man's wife", nor "The actor Ann
# Lowe")
_GENDERED_DESCRIPTION = re.compile(
    rf"\b(?:[Tt]he|(?P<owner>[A-Z][\w-]+['’]s))\s+(?:[\w-]+(?:['’]s)?\s+){{0,2}}?(?P<noun>{'|'.join(_GENDERED_NOUNS)})"
    r"(?![\w'’])(?!\s+[A-Z])"
)
# "A veterinarian at the checkpoint said she …": an unnamed source whose gender the pronoun after its verb gives
_DESCRIBED_WITH_PRONOUN = re.compile(
    rf"(?P<who>[Aa]n?\s+[a-z][\w-]*(?:\s+[a-z][\w'’-]*){{0,6}}?)\s+(?:told\s+[\w.]+(?:\s+[A-Z][\w.]+)*|{VERBS})\s+"
    r"(?:that\s+)?(?P<pronoun>he|she)\b"
)
# Names NER tags PERSON that name no one: an acronym or a dateline in capitals ("KTUL", "TULSA"), a photo credit
# ("Dan Ruiz/Herald"); and a name after an article ("an Amber Alert", "a May Amber Alert", "the Trump
# administration") is a thing's.
_NOT_A_NAME = re.compile(r"[A-Z][A-Z.&]+|[^/]*/.*")
PLACES = frozenset({"GPE", "LOC"})
# between a person and the place closing an apposition about them: ", the governor of "
# "…, a Republican whom Mr. Lane beat in 1998, but who": an apposition, then a relative clause about the same person
_APPOSITION_THEN_WHO = re.compile(r",\s+(?:the|a|an)\s[^,;:!?\"“”\n]{1,120},\s+(?:(?:but|and)\s+)?$")
_APPOSITION_TO = re.compile(r",\s+(?:the|a|an)\s+[^,.;:!?\"“”\n]{1,60}?\s+(?:of|in|from|for)\s+")
# "the site Formspring", "the app Vine": a name after a noun for a thing names that thing
_THING_BEFORE = re.compile(
    r"\b(?:the|a|an)\s+(?:site|website|app|platform|service|network|show|film|movie|book|song|album|brand|ship|"
    r"hotel|restaurant|bar|club|magazine|newspaper|company|firm)\s+$"
)
_ARTICLE_BEFORE = re.compile(r"\b(?:[Aa]n?|[Tt]he)\s+(?P<words>(?:[A-Z][\w.'’-]*\s+){0,2})$")
# Between a place or office and a person's name, only capitalised words: "Dunedin Lord Mayor Peter Vance"
_CAPITALISED_WORDS = re.compile(r"(?:\s+[A-Z][\w.'’-]*)*\s+")
# The noun a later description uses for a title: "Mr Justice Gerard Hogan" is the one "the judge" means, "Lt. Gen.
# Roy Whitaker" the one "the general" means
_TITLE_NOUNS = {
    "justice": "judge", "gen": "general", "lt": "lieutenant", "maj": "major", "col": "colonel", "capt": "captain",
    "cmdr": "commander", "adm": "admiral", "sgt": "sergeant", "cpl": "corporal", "pvt": "private", "det": "detective",
    "sen": "senator", "rep": "representative", "gov": "governor", "dr": "doctor", "prof": "professor",
    # one role under two words: "his attorney, Ann Lowe" is whom "the lawyer" means, "Acme's chief executive" "the CEO"
    "attorney": "lawyer", "physician": "doctor", "ceo": "executive",
}  # fmt: skip
_AND_OWN = re.compile(rf"\s+and\s+(his|her)\s+(?:spouse|children|family|{RELATIONS_PATTERN})\b")
_PARTICIPLE_AFTER = re.compile(r",\s+[a-z]+ing\b")
_NOUN_BEFORE = re.compile(r"\b([a-zé]+),?\s+$")  # "his fiancée, Ann Rowe"
_GENERATION_BEFORE = re.compile(r"\b[Tt]he\s+(younger|elder|older)\s+$")
_APPOSITION_AFTER = re.compile(r",\s+(?:a|an|the|his|her|their)\s+([^,.;:!?\"“”\n]{1,60}?)\s*[,.]")


class Described(NamedTuple):
    """Someone the text gives a role or a description: whom a later "the senator" or "the official" means."""

    at: int  # where the text gives it
    noun: str  # the role's head noun: "judge", "senator", "official"
    speaker: str  # the person so named ("Lou Olivera"), or the description ("a senior administration official")
    kind: Literal["named", "described"]


@dataclass
class SpeakerContext:
    """What earlier attributions in the article tell later ones."""

    # (position, name, gender "m"/"f"/"", is a person): who a later "he" or "she" may be
    named: list[tuple[int, str, str, bool]] = field(default_factory=list)
    # "a senior administration official", or "Judge" before "Lou Olivera"
    described: list[Described] = field(default_factory=list)
    canonical: dict[str, str] = field(default_factory=dict)  # name key -> canonical entity name
    # surname key -> canonical full personal names, in this article and in the whole cluster
    surnames: dict[str, set[str]] = field(default_factory=dict)
    cluster_surnames: dict[str, set[str]] = field(default_factory=dict)
    titled: set[str] = field(default_factory=set)  # people named with a title: "Rep. Bob Goodlatte"
    genders: dict[str, str] = field(default_factory=dict)  # name -> "m"/"f", from titles and pronouns
    # (position, name): who each sentence is about, when a person (or "he"/"she" for one) opens its main clause
    topics: list[tuple[int, str]] = field(default_factory=list)
    # (position, "A and B"): two people the text names together ("Molto and Sheldrick"), whom "they" may mean
    pairs: list[tuple[int, str]] = field(default_factory=list)
    persons: list[Mention] = field(default_factory=list)  # the mentions that can be a person, in reading order
    mentions: Counter[str] = field(default_factory=Counter)  # canonical name -> how often the cluster names it
    relatives: set[str] = field(default_factory=set)  # people introduced as someone's relative: "his son Bobby Lee"
    organisations: list[Mention] = field(default_factory=list)  # what "the company" may mean, in reading order
    # role noun -> the people the cluster's articles give that role (`ClusterPeople.role_holders`)
    cluster_role_holders: dict[str, frozenset[str]] = field(default_factory=dict)


def could_be_person(body: str, mention: Mention, following: Mention | None) -> bool:
    """Whether a name NER found can be a person who speaks or whom a pronoun means: not an acronym, a dateline,
    a photo credit, a name after an article, or a place or office before a title and the person's name
    ("Dunedin Lord Mayor Peter Vance", "Polk County Sheriff Dale Ruggles"): it is the next name's modifier."""
    if _NOT_A_NAME.fullmatch(mention.text.strip()) or _THING_BEFORE.search(
        body, max(0, mention.start - 30), mention.start
    ):
        return False
    article = _ARTICLE_BEFORE.search(body, max(0, mention.start - 40), mention.start)
    if article and not any(is_title(word) for word in article.group("words").split()):  # not "the Rev. Al Green"
        return False
    if following is None or not _CAPITALISED_WORDS.fullmatch(body, mention.end, following.start):
        return True
    between = mention.text.split()[-1:] + body[mention.end : following.start].split()
    return not any(is_title(word) for word in between)


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
            return max(recent)[1] if recent else named_most(bearers, context.mentions, context.relatives)
    return context.canonical.get(key) if " " in key and key in context.canonical else None


def article_name(mention: Mention, context: SpeakerContext) -> str:
    """The name a mention stands for in this article: the cluster's canonical name, but a bare surname two people
    the article names share as written, for attribution to resolve ("Pasztor"), not the one bearer the entity
    merge gave it for the whole cluster."""
    shared = " " not in mention.text.strip() and len(context.surnames.get(name_key(mention.text), ())) > 1
    return mention.text if shared else mention.name


def generation_bearer(body: str, mention: Mention, context: SpeakerContext) -> str | None:
    """ "the younger Lee" is the son or daughter the article introduced ("his son Tim Lee"), "the elder Lee" the
    father or mother, of the people sharing the surname."""
    generation = _GENERATION_BEFORE.search(body, max(0, mention.start - 20), mention.start)
    if generation is None or " " in mention.text.strip():
        return None
    heads = ("son", "daughter") if generation.group(1) == "younger" else ("father", "mother")
    bearers = context.surnames.get(name_key(mention.text)) or context.cluster_surnames.get(name_key(mention.text))
    named = {d.speaker for d in context.described if d.noun in heads} & (bearers or set())
    return next(iter(named)) if len(named) == 1 else None


def person_surnames(mentions: Sequence[Mention]) -> dict[str, set[str]]:
    found: dict[str, set[str]] = defaultdict(set)
    for m in mentions:
        if m.label == "PERSON" and " " in m.name.strip() and not is_namesake(m.name):
            found[surname(name_key(m.name))].add(m.name)
            found[name_key(m.name)].add(m.name)
            # "Ahmad Seth" merged into "Ahmad Seth Zaharie": "Mr Seth" is him too
            found[surname(name_key(m.text))].add(m.name)
            # a surname of several words written alone ("Al-Thani", "Wasserman Schultz") is the full name's too:
            # no first name to read before it ("Jabr Al-Thani" of "Hamad Bin Jassim Bin Jabr Al-Thani")
            text_key, name = name_key(m.text), name_key(m.name)
            if " " in text_key and name.endswith(f" {text_key}"):
                found[text_key].add(m.name)
    return found


def given_names(body: str, persons: Sequence[Mention], known: dict[str, set[str]]) -> dict[str, set[str]]:
    """ "Heath Harding, 18, says …" then "Heath said": features call people by their first name once named in full.
    A first name stands for the one person of the article who bears it, and never for a surname someone has, nor
    for a word the text also writes in lower case ("Mark", "Will", "Faith" may be no name at a sentence's start)."""
    bearers: dict[str, set[str]] = defaultdict(set)
    for m in persons:
        words = name_key(m.name).split()
        if m.label == "PERSON" and len(words) >= 2 and not is_title(words[0]) and not is_namesake(m.name):
            bearers[words[0]].add(m.name)
    return {
        given: names
        for given, names in bearers.items()
        if len(names) == 1
        and given not in known
        and given.title() not in SENTENCE_OPENERS
        and not writes_word(body, given)
    }


def missed_surnames(body: str, article_id: str, people: Sequence[Mention], known: dict[str, set[str]]) -> list[Mention]:
    """Surnames NER missed inside a sentence where a relative clause says they are people ("… has given Plant, who
    is now 65, a new view"), as person mentions of the one person the article named in full with that surname."""
    missed = []
    for word in re.finditer(r"(?<=[a-z,] )[A-Z][a-z'’-]+(?=,\s+who\b)", body):
        bearers = known.get(name_key(word.group()), set())
        if len(bearers) == 1 and not any(m.start <= word.start() < m.end for m in people):
            missed.append(Mention(article_id, word.start(), word.end(), word.group(), "PERSON", next(iter(bearers))))
    return missed


def written_out(body: str, persons: Sequence[Mention], known: dict[str, set[str]]) -> dict[str, set[str]]:
    """Full names NER tagged only by their surname: 'the head of Google Search, Amit Singhal, …' then 'Singhal
    said'. A first name is a capitalised word just before the surname that the text never writes in lower case
    (as it would write 'then' of 'Then Singhal said')."""
    found: dict[str, set[str]] = {}
    for last_name in {m.text for m in persons if " " not in m.text.strip()}:
        key = name_key(last_name)
        if key in known or key in found:
            continue
        # not part of a longer name: "Donald Trump Jr." is someone else
        for first in _first_names_before(body, last_name):
            word = first.group(1)
            # "Yet Halvorsen" opens a sentence, "St Clement" is a saint: neither word is a first name
            if word in SENTENCE_OPENERS or is_namesake(f"{word} {last_name}"):
                continue
            if not is_title(word) and not writes_word(body, word.lower()):
                found[key] = {f"{word} {last_name}"}
                break
    return found


def _first_names_before(body: str, last_name: str) -> Iterator[re.Match[str]]:
    """Exactly `re.finditer(rf"\\b([A-Z][a-z]+)\\s+{re.escape(last_name)}\\b(?!\\s+[A-Z])", body)`. A match can only
    open at the capitalised word right before one of the surname's few occurrences, across spaces: the pattern is
    tried there alone, where a search along the whole body for each of the thousand surnames of a long text costs
    seconds."""
    pattern = re.compile(rf"\b([A-Z][a-z]+)\s+{re.escape(last_name)}\b(?!\s+[A-Z])")
    openings = set()
    at = body.find(last_name)
    while at >= 0:
        space = at
        while space > 0 and body[space - 1].isspace():
            space -= 1
        word = space
        while word > 0 and "a" <= body[word - 1] <= "z":
            word -= 1
        if at > space > word > 0 and "A" <= body[word - 1] <= "Z":
            openings.add(word - 1)
        at = body.find(last_name, at + 1)
    resume = 0  # as `finditer`, no match overlapping the one before
    for opening in sorted(openings):
        match = pattern.match(body, opening) if opening >= resume else None
        if match is not None:
            resume = match.end()
            yield match


def role_nouns(word: str) -> set[str]:
    """The nouns a later description may call a role by: 'Sen.' → senator, 'attorney' → attorney and lawyer."""
    word = word.lower().replace(".", "")
    return {word, _TITLE_NOUNS.get(word, word)}


def synonyms(noun: str) -> set[str]:
    """The nouns one role goes by, either way round: 'lawyer' → lawyer and attorney, 'attorney' → both too."""
    noun = noun.lower()
    return role_nouns(noun) | {word for word, same in _TITLE_NOUNS.items() if same == noun and len(word) > 3}


def titles_before(body: str, people: Sequence[Mention]) -> list[Described]:
    """'Judge' in 'District Court Judge Lou Olivera': what a later 'the judge' refers to."""
    titles: list[Described] = []
    for m in people:
        word = re.search(r"([A-Za-z]+)\.?\s+$", body[max(0, m.start - 30) : m.start])
        relation = relation_before(body, m.start)
        if m.label == "PERSON" and word and is_title(word.group(1)):
            titles += [Described(m.start, head, m.name, "named") for head in role_nouns(word.group(1))]
        elif m.label == "PERSON" and relation:  # "her husband, Keith Rogers,"
            titles.append(Described(m.start, relation, m.name, "named"))
    return titles


# Whose role an apposition gives: "the team's", "Acme's", "his", or an article
_ROLE_OWNER = r"(?:an?|the|his|her|their|its|the\s+[a-z]+['’]s?|(?:[A-Z][\w.&-]*\s+){0,3}[A-Z][\w.&-]*['’]s?)\s+"
# "Jane Roe, a Democratic senator from Oregon, said", "Mary Kent, Acme's chief executive, …"
_ROLE_AFTER = re.compile(
    rf",\s+{_ROLE_OWNER}(?P<role>[\w'’-]+(?:\s+[\w'’-]+){{0,4}}?)"
    rf"\s*(?:,|;|\.(?:\s|$)|\s+(?:{FUNCTION_WORDS}|which|whose)\b)"
)
# "his attorney, John Doe,", "the team's coach, Bill Smith": a role, its comma, then the name
_ROLE_BEFORE = re.compile(
    r"\b(?:[Hh]is|[Hh]er|[Tt]heir|[Ii]ts|[Tt]he\s+[a-z]+['’]s?|[A-Z][\w.&-]*['’]s?)\s+"
    r"(?:[a-z][\w-]*\s+){0,2}(?P<head>[a-z]+),\s+$"
)
# a former office is not the one "the president" means now
_PAST_ROLE = re.compile(r"\b(?:former|ex|late|then|onetime|one-time|erstwhile|retired)\b")


def roles_in_apposition(body: str, persons: Sequence[Mention]) -> list[Described]:
    """The role an apposition gives a named person ("Jane Roe, a Democratic senator from Oregon," "his attorney,
    John Doe,"), as `SpeakerContext.described` entries: whom a later "the senator" or "his lawyer" means."""
    roles: list[Described] = []
    for m in persons:
        if m.label != "PERSON":
            continue
        after = _ROLE_AFTER.match(body, m.end)
        before = _ROLE_BEFORE.search(body, max(0, m.start - 60), m.start)
        role = after.group("role") if after else before.group("head") if before else None
        if role is None or _PAST_ROLE.search(role):
            continue
        head = re.sub(r"['’]s?$", "", role.split()[-1])
        # a noun in lower case ("the company's CEO" too), not a name ("Acme's Ann Lowe") or an adverb
        head = head.lower() if head.islower() or head.lower() in _TITLE_NOUNS else ""
        if head.isalpha() and not head.endswith("ly") and head not in RELATIONS:  # relatives: `titles_before`
            roles += [Described(m.start, noun, m.name, "named") for noun in role_nouns(head)]
    return roles


# "Her lawyer, " / "his longtime spokesman " right before a name: a role held for someone the possessive names
_OWNER_OF_ROLE = re.compile(r"\b([Hh]is|[Hh]er)\s+(?:[a-z-]+\s+){0,2}[a-z]+,?\s+$")
_PRONOUN_GENDER = {"his": "m", "he": "m", "her": "f", "she": "f"}


def genders_of(body: str, persons: Sequence[Mention], continued: dict[str, str]) -> dict[str, str]:
    """What the text says of each person's gender: 'Megyn Kelly when she moderated' → f; titles and nouns ('his
    wife Anette') win over a speaker's `continued` pronoun, which wins over the first pronoun after the name.
    "Her" and "him" say nothing: 'Woods met her' is about someone else."""
    genders: dict[str, str] = {}
    neighbours = zip([None, *persons[:-1]], persons, [*persons[1:], None], strict=False)  # None: nobody there
    for previous, m, following in neighbours:
        # the first pronoun after the name, in its sentence and before anyone else is named; a person named alone
        # in a sentence is also the one a next sentence opening with a pronoun continues ("… named Linh Hoa. She
        # was …"), while a pronoun inside it may be anyone's ("… Trump. After surveying her caucus, she …")
        ends_at = sentence_end(body, m.end)
        stop = min(following.start if following else len(body), ends_at)
        pronoun = re.search(r"\b(he|his|she)\b", body[m.end : stop], re.IGNORECASE)
        is_alone = (previous is None or previous.end < sentence_start(body, m.start)) and stop == ends_at
        if pronoun is None and is_alone:
            pronoun = re.match(r"\s*(He|She)\b", body[ends_at:])
        # "… emailed a letter to Mayor Tim Flaherty, noting that she …": a participle clause after an object
        # goes on about the sentence's subject, and its pronoun says nothing of the object's gender
        if pronoun and _PARTICIPLE_AFTER.match(body, m.end) and m.start > sentence_start(body, m.start):
            pronoun = None
        # "Her lawyer, Michael Avenatti, said that she wants …": the pronoun the possessive before the role has
        # goes on meaning the client, and says nothing of the lawyer's gender
        owner = _OWNER_OF_ROLE.search(body, max(0, m.start - 40), m.start)
        if pronoun and owner and _PRONOUN_GENDER[owner.group(1).lower()] == _PRONOUN_GENDER[pronoun.group(1).lower()]:
            pronoun = None
        if pronoun and m.name not in genders:
            genders[m.name] = "f" if pronoun.group(1).lower() == "she" else "m"
    genders |= continued
    for m in persons:
        said = title_gender(body, m.start) or gender_by_noun(body, m) or _own_gender(body, m)
        genders[m.name] = said or genders.get(m.name, "")
    return {name: g for name, g in genders.items() if g}


def _own_gender(body: str, mention: Mention) -> str:
    """ "Plaskett and her husband": the possessive right after the name is the person's."""
    own = _AND_OWN.match(body, mention.end)
    return ("f" if own.group(1) == "her" else "m") if own else ""


def title_gender(body: str, position: int) -> str:
    before = body[max(0, position - 8) : position]
    return "f" if _FEMALE_TITLES.search(before) else "m" if _MALE_TITLES.search(before) else ""


def gender_by_noun(body: str, mention: Mention) -> str:
    before = _NOUN_BEFORE.search(body[max(0, mention.start - 20) : mention.start])
    if before and before.group(1) in _GENDERED_NOUNS:
        return _GENDERED_NOUNS[before.group(1)]
    after = _APPOSITION_AFTER.match(body, mention.end)
    description = re.split(rf"\s(?:{FUNCTION_WORDS})\s", after.group(1))[0] if after else ""
    return next((_GENDERED_NOUNS[w] for w in description.split() if w in _GENDERED_NOUNS), "")


def noun_gender(noun: str) -> str:
    """'woman' → 'f', 'husband' → 'm', 'designer' → '': the gender a noun for a person says, if any."""
    return _GENDERED_NOUNS.get(noun.lower(), "")


def gendered_description_before(body: str, gender: str, position: int) -> tuple[int, str] | None:
    """The last sentence before `position` that opens with a description of the given gender ("The woman had …",
    "According to the woman's account, …", "Smith's wife had gotten out …"): whom an anonymous source's "she said"
    goes on meaning."""
    found = None
    for match in matches_before(_GENDERED_DESCRIPTION, body, position):
        opening = body[sentence_start(body, match.start()) : match.start()]
        if match.group("owner") and _relative_named(body, match):
            continue
        if _GENDERED_NOUNS[match.group("noun").lower()] == gender and re.fullmatch(r"(?:[Aa]ccording to\s+)?", opening):
            found = (match.start(), match.group() if match.group("owner") else "t" + match.group()[1:])
    # …only from the paragraph before the quote's or its own: a description is not meant paragraphs later
    paragraph = body.rfind("\n", 0, position)
    reach = body.rfind("\n", 0, max(0, paragraph)) + 1 if paragraph > 0 else 0
    for match in _DESCRIBED_WITH_PRONOUN.finditer(body, reach, position):
        opens = sentence_start(body, match.start()) == match.start()
        if opens and {"he": "m", "she": "f"}[match.group("pronoun")] == gender and match.start() > (found or (-1,))[0]:
            found = (match.start(), "a" + match.group("who")[1:])
    return found


def _relative_named(body: str, description: re.Match[str]) -> bool:
    """'Price's mother Jennifer Rivers' or 'Price's mother, Jennifer Rivers,' anywhere in the text: the relative has a
    name, and "she" means the person named, whom the usual reading finds, rather than "Price's mother"."""
    owner, noun = re.escape(description.group("owner")), description.group("noun")
    return re.search(rf"{owner}\s+{noun},?\s+[A-Z]", body) is not None


def appositive_head(body: str, place: Mention, people: Sequence[Mention]) -> list[Mention]:
    """ "Ann Cole, the governor of Utah, who said": the person the apposition ending in a place describes."""
    before = [m for m in people if m.end < place.start and m.label == "PERSON"]
    if before and _APPOSITION_TO.fullmatch(body, before[-1].end, place.start):
        return before[-1:]
    return []


def person_before_apposition(body: str, who_at: int, people: Sequence[Mention]) -> list[Mention]:
    """ "Senator Ann Cole, a Republican whom Lane beat in 1998, but who …": the person an apposition right before the
    "who" at `who_at` describes, who is its antecedent (not the "Lane" inside the apposition)."""
    apposition = _APPOSITION_THEN_WHO.search(body, max(0, who_at - 200), who_at)
    if apposition is None:
        return []
    return [m for m in people if m.label == "PERSON" and m.end == apposition.start()][-1:]


_CONTINUED = re.compile(rf"\s*(He|She)\s+(?:[a-z]+\s+)?(?:{VERBS})\b")  # "She added", "He also said"


def continued_genders(body: str, speakers: Sequence[tuple[int, str]]) -> dict[str, str]:
    """ "Conway said … . She added": the pronoun of a speaker's next words, by majority over the article; a
    pronoun elsewhere in the sentence may be anyone's ("… sought to distance himself from his pick")."""
    votes: dict[str, Counter[str]] = defaultdict(Counter)
    for verb_end, name in speakers:
        continued = _CONTINUED.match(body, sentence_end(body, verb_end))
        if continued:
            votes[name]["f" if continued.group(1) == "She" else "m"] += 1
    return {name: counts.most_common(1)[0][0] for name, counts in votes.items()}


# "a man who identified himself as Angelo L.", "a woman who gave her name only as Rosa", "another man, identified
# only as “Victory,”": the name the source gave
_GAVE_NAME_AS = (
    r"(?:who\s+(?:identified\s+(?:himself|herself)|gave\s+(?:his|her)\s+name)|identified)\s+(?:only\s+)?as\s+"
)
_SELF_NAMED = re.compile(
    rf",?\s+{_GAVE_NAME_AS}"
    # single spaces only, an initial only last: not "Angelo L. He" nor "Rosa\nPolice" (issue #5)
    r"[\"“]?(?P<name>[A-Z][\w'’-]+(?: [A-Z][\w'’-]+)*(?: [A-Z]\.)?)"
)


# "Another man, identified only as “Victory,” told": the name the source gave, quoted, between the description and
# its verb (`subjects.subject_before` skips it as it skips an apposition)
SELF_NAMED_BETWEEN = re.compile(rf",\s+{_GAVE_NAME_AS}[\"“][^\"“”]{{1,40}}[\"”],?\s*$")


def self_named_before(body: str, noun: str, position: int) -> str | None:
    """The name a source the text introduced with `noun` before `position` gave for itself ("Another man, identified
    only as “Victory,” told …"), which "the man" means later; None if it gave none."""
    introduction = re.compile(rf"\b(?:[Aa]n?|[Aa]nother|[Oo]ne)\s+(?:[\w-]+\s+){{0,2}}?{re.escape(noun)}\b")
    introduced = matches_before(introduction, body, position)  # asked for each "the man" of a long text
    named = _SELF_NAMED.match(body, introduced[-1].end()) if introduced else None
    return named.group("name") if named else None


def self_named(body: str, end: int) -> tuple[int, int] | None:
    """Where the name is that a source described up to `end` gave for itself ("said a man who identified himself
    as Angelo L."), if it gave one."""
    match = _SELF_NAMED.match(body, end)
    return match.span("name") if match else None
