"""The final form of a quote's speaker: the cluster's own name for whom the attribution named.

Attribution resolves a speaker article by article (speakers.py), so it can end with a form of the right name that
the cluster writes more fully elsewhere, or with words NER left on a name it missed. Once every quote of the cluster
has its speaker, `final_speakers` rewrites a named speaker in five cases, each only where the text supports it:

1. a title read as the whole speaker ('“…,” Ms. Finnelly said' as "Ms."): the name written after it;
2. a byline list that introduces the quote ("WP's Dan Balz and Jon Cohen: “…”"): every author, "A and B";
3. the attribution's own words are a name one word longer than the speaker's ("—Billie Jean King" read as
   "Jean King", "Adrienne Mayor" as "Adrienne", because NER missed a word);
4. an office left before a name NER did not tag ("Santa Clara County Public Defender Molly O’Neal"): the name;
5. a bare or partial name ("Trump") that the cluster's entities merged into one fuller name ("Donald Trump"): that
   name. The entities' merge is reused, not redone: a surname several people share stays as it is unless the
   entities gave it to one of them, and a name is never swapped for one that does not contain it. A surname no
   entity holds takes the one full name among the cluster's people and final speakers with that surname, a
   generation after it included ("Gooding": "Cuba Gooding Jr."), or, misspelt with two letters swapped ("Sndyer"),
   with its right spelling; "Donald Trump Sr." is the "Donald Trump" the cluster names without the suffix.

Descriptions ("a senior official") and quotes without a speaker are left alone.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence

from storyline.analyze.entities import (
    DESCRIPTIVE_TITLES,
    SENTENCE_OPENERS,
    EntityAnalysis,
    is_title,
    name_key,
    strip_titles,
)
from storyline.analyze.name_variants import surname
from storyline.analyze.ner_corrections import DEMONYM
from storyline.analyze.organisations import INSTITUTION_NOUNS
from storyline.models import Article, Quote

# Offices news writes before a name that `entities.TITLES` does not hold, since there they would cut names NER
# found ("Public Defender" is no honorific); here they only end a role before a name NER missed.
_OFFICES = frozenset(
    "defender prosecutor examiner coroner administrator manager analyst economist strategist adviser advisor "
    "consultant spokesperson founder cofounder co-founder owner editor correspondent reporter columnist "
    "researcher scientist author historian activist organizer organiser".split()
)
_PARTY = frozenset("democrat democrats republican republicans independent".split())
# "O’Neal", "McCain", "Jean-Luc"; not "FT", "U.S." or a possessive ("FT’s")
_NAME_WORD = r"(?![A-Z][\w-]*['’]s\b)[A-Z][\w'’-]*[a-z][\w'’-]*"
_PERSON_NAME = rf"{_NAME_WORD}(?:\s+(?:[A-Z]\.\s+)?{_NAME_WORD}){{1,2}}"  # "Dan Balz", "Michael T. Flynn"
_PERSON_NAME_RE = re.compile(_PERSON_NAME)
_NAME_AFTER = re.compile(rf"\s+(?P<name>{_NAME_WORD}(?:\s+{_NAME_WORD}){{0,2}})(?![\w'’-])")
_PLACE = rf"(?:\s+in\s+{_NAME_WORD}(?:\s+{_NAME_WORD}){{0,2}})?"  # "Peter Spiegel in Luxembourg"
_JOIN = r"(?:,\s+(?:and\s+)?|\s+and\s+)"
# A byline list ending in a colon right before the quote: "FT’s Tom Braithwaite and Michael Mackenzie in New York,
# Stanley Pignal in Brussels and Peter Spiegel in Luxembourg in the page 1 splash: “"
_BYLINE = re.compile(
    rf"(?P<list>{_PERSON_NAME}{_PLACE}(?:{_JOIN}{_PERSON_NAME}{_PLACE})+)(?:\s+in\s+[\w\s]{{1,30}}?)?:\s*[\"“]?$"
)


def final_speakers(quotes: Sequence[Quote], articles: Sequence[Article], entities: EntityAnalysis) -> tuple[Quote, ...]:
    """The quotes, each named speaker in the form the cluster names that speaker by (module docstring)."""
    bodies = {a.id: a.body for a in articles}
    names = CanonicalNames.of(entities)
    speakers = [
        final_name(q, bodies[q.span.article], names) if _is_named(q) and q.span.article in bodies else q.speaker
        for q in quotes
    ]
    # a surname alone that no entity holds ("Mayor" said, NER never tagging it) is the one person of the cluster
    # named in full with it ("Adrienne Mayor" in an attribution); with two such people it stays bare
    full = {s for s in speakers if s and _PERSON_NAME_RE.fullmatch(s) and names.types.get(s, "PERSON") == "PERSON"}
    full |= {n for n, kind in names.types.items() if kind == "PERSON" and " " in n}
    final = []
    for quote, speaker in zip(quotes, speakers, strict=True):
        if _is_named(quote) and speaker and " " not in speaker:
            bearers = {f for f in full if surname(name_key(f)) == name_key(speaker)}
            if not bearers:  # "Sndyer said": a surname misspelt with two letters swapped, one person bearing it
                bearers = {f for f in full if _is_transposed(surname(name_key(f)), name_key(speaker))}
            elif speaker in names.types:  # a surname the entities kept apart from its bearers stays apart
                bearers = set()
            speaker = bearers.pop() if len(bearers) == 1 else speaker
        final.append(quote.model_copy(update={"speaker": speaker}) if speaker != quote.speaker else quote)
    return tuple(final)


def _is_transposed(surname: str, written: str) -> bool:
    """Whether `written` is `surname` (five letters or more) with two letters next to each other swapped."""
    if len(surname) < 5 or len(surname) != len(written) or surname == written:
        return False
    differ = [i for i, (a, b) in enumerate(zip(surname, written, strict=True)) if a != b]
    return len(differ) == 2 and differ[1] == differ[0] + 1 and surname[differ[0]] == written[differ[1]]


def _is_named(quote: Quote) -> bool:
    return quote.speaker_kind == "named" and bool(quote.speaker)


class CanonicalNames:
    """The cluster's entities as the final step needs them: each spelling's entities, and the entity types."""

    def __init__(self, owners: dict[str, set[str]], types: dict[str, str]) -> None:
        self.owners = owners
        self.types = types

    @classmethod
    def of(cls, entities: EntityAnalysis) -> CanonicalNames:
        owners: dict[str, set[str]] = defaultdict(set)
        for entity in entities.entities:
            for alias in (entity.name, *entity.aliases):
                owners[name_key(alias)].add(entity.name)
        return cls(owners, {e.name: e.type for e in entities.entities})

    def canonical(self, name: str) -> str:
        """The one fuller entity name that holds `name`'s words and merged its spelling; else `name` itself."""
        if name in self.types:
            return name
        key = name_key(name)
        owners = {o for o in self.owners.get(key, ()) if _holds(name_key(o), key)}
        if len(owners) != 1:  # two Kims merged nowhere stay "Kim"
            return name
        return owners.pop()


def final_name(quote: Quote, body: str, names: CanonicalNames) -> str:
    """The final form of `quote.speaker` (a name), read against the attribution's words in `body`."""
    speaker = quote.speaker or ""
    span = quote.speaker_span
    if span is not None:
        joint = _byline_list(body, span.start, span.end, quote.span.start)
        if joint is not None:
            return _listed(joint, names)
        if is_title(speaker):  # '“…,” Ms. Finnelly said' read as "Ms.": the name is the word after the title
            after = _NAME_AFTER.match(body, span.end)
            return names.canonical(after.group("name")) if after else speaker
        longer = _longer_written(body[span.start : span.end], speaker, names)
        if longer is not None:
            return longer
    speaker = names.canonical(_without_office(speaker, names))
    # "Donald Trump Sr." is the Donald Trump the cluster names without the suffix: "Sr." tells him from his son
    senior = re.fullmatch(r"(?P<name>.+?),?\s+Sr\.?", speaker)
    if senior and names.types.get(senior.group("name")) == "PERSON":
        return senior.group("name")
    return speaker


def _listed(people: list[str], names: CanonicalNames) -> str:
    """ "A and B", "A, B and C": each listed person by the cluster's name for them."""
    full = [names.canonical(n) for n in people]
    return ", ".join(full[:-1]) + " and " + full[-1]


def _holds(longer: str, key: str) -> bool:
    """Whether the key `longer` holds every word of `key`, in order, and more ('donald trump' holds 'trump')."""
    words = longer.split()
    it = iter(words)
    return len(words) > len(key.split()) and all(w in it for w in key.split())


def _byline_list(body: str, start: int, end: int, quote_start: int) -> list[str] | None:
    """The people of a byline list holding the speaker's words, when the list ends in the colon opening the quote."""
    opening = body.rfind("\n", 0, start) + 1
    if quote_start - end > 200 or "\n" in body[end:quote_start]:
        return None
    match = _BYLINE.search(body, opening, quote_start)
    if match is None or not (match.start("list") <= start and end <= match.end("list")):
        return None
    listed = re.sub(rf"\s+in\s+{_NAME_WORD}(?:\s+{_NAME_WORD}){{0,2}}(?=,|\s+and\s|$)", "", match.group("list"))
    people = [p.strip() for p in re.split(_JOIN, listed) if p.strip()]
    return people if len(people) >= 2 else None


def _longer_written(written: str, speaker: str, names: CanonicalNames) -> str | None:
    """ "Billie Jean King" where the speaker is "Jean King", "Adrienne Mayor" where it is "Adrienne": the
    attribution wrote a name one word longer than NER found. Not a title, a sentence opener, a party or a nationality
    before the name, nor a word or a name the cluster's entities know as something other than a person."""
    words, short = strip_titles(written).split(), speaker.split()
    if len(words) != len(short) + 1:
        return None
    if len(short) >= 2 and words[1:] == short:
        extra = words[0]  # "Billie"
        roles = [w for w in re.split(r"[-‐]", extra) if is_title(w) or w.lower() in _OFFICES]  # "Attorney-General"
        if roles or extra in SENTENCE_OPENERS or DEMONYM.fullmatch(extra):
            return None
    elif len(short) == 1 and words[0] == short[0]:
        extra = words[1]  # "Mayor": a surname, even one that is a title word, since a title comes before a name
        if extra.lower() in INSTITUTION_NOUNS:
            return None
    else:
        return None
    if not re.fullmatch(_NAME_WORD, extra) or extra.lower() in _PARTY:
        return None
    if any(names.types.get(n, "PERSON") != "PERSON" for n in names.owners.get(name_key(extra), ())):
        return None  # "Texas Ted Cruz"
    longer = " ".join(words)
    return longer if names.types.get(longer, "PERSON") == "PERSON" else None


def _without_office(name: str, names: CanonicalNames) -> str:
    """The person's name without the office NER left before it: titles (`entities.strip_titles`), then up to the
    last office word when a full name of two or three capitalised words follows ("Santa Clara County Public
    Defender Molly O’Neal" → "Molly O’Neal"). A name the entities know as an organisation stays whole."""
    if names.types.get(name, "PERSON") != "PERSON":
        return name
    name = strip_titles(name)
    words = name.split()
    cut = max((i for i, w in enumerate(words[:-2]) if _is_office(w)), default=-1)
    rest = words[cut + 1 :]
    if cut >= 0 and 2 <= len(rest) <= 3 and re.fullmatch(_PERSON_NAME, " ".join(rest)):
        return " ".join(rest)
    return name


def _is_office(word: str) -> bool:
    """ "Defender", "Sheriff": not "The" or "Chinese", which `strip_titles` reads as describing a title after them."""
    bare = word.lower().replace(".", "")
    return bare in _OFFICES or (is_title(word) and bare not in DESCRIPTIVE_TITLES)
