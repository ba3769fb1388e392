"""The organisation behind an epithet: 'the company said' is the company the article names ('Crayola'), 'the
newspaper reported' the paper it names. Labellers (and readers) name the organisation, so a brief should too.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from collections.abc import Sequence
from typing import TYPE_CHECKING

from storyline.segment import OPENING_CONJUNCTION, previous_sentence_start, sentence_start

if TYPE_CHECKING:  # at run time no analysis module: name_variants and ner_corrections read the word lists below
    from storyline.analyze.mentions import Mention

_PUBLICATION = re.compile(
    r"\b(?:Times|Post|Journal|Tribune|Chronicle|Herald|News|Gazette|Daily|Star|Register|Observer|Guardian|Telegraph|"
    r"Mail|Express|Sun|Inquirer|Bee|Globe|Examiner|Record|Press|Review|Dispatch|Magazine|Weekly|Reporter|Standard|"
    r"Independent|Mirror|Courier|Enquirer|Today|Wire)\b"
)
_BROADCASTER = re.compile(
    r"\b(?:CNN|NBC|ABC|CBS|Fox|BBC|MSNBC|NPR|PBS|ESPN|HBO|CNBC|Network|TV|Television|Radio)\b|^[KW][A-Z]{2,3}$"
)
PUBLIC_BODY_NOUNS: tuple[str, ...] = (
    "Council", "Department", "Ministry", "Agency", "Commission", "Committee", "Board", "Authority", "Office", "Bureau",
    "Association", "Union", "Foundation", "Institute",
)  # fmt: skip
"""The nouns that end a public body's name ("the Harlow Town Council", "Russia's Foreign Ministry"): what "the
council said" calls it (`referents`), and, with a firm's, what an organisation NER missed ends in (`documents`)."""
_STATE_BODY_NOUNS: tuple[str, ...] = (
    "Police", "Court", "University", "College", "School", "Congress", "Senate", "House", "Service", "Administration",
    "Party", "Army", "Navy", "Force",
)  # fmt: skip
"""The other nouns of a public body or an institution that is no firm: "the Justice Department", "Harvard
University"."""
BODY_WORDS = frozenset(noun.lower() for noun in (*PUBLIC_BODY_NOUNS, *_STATE_BODY_NOUNS))
"""The same nouns in lower case: words that make a name, or lower-case words ("the state department of health"),
a body's rather than a person's or a term's (`ner_corrections`)."""
INSTITUTION_NOUNS = frozenset(
    "school academy college university hospital institute foundation center centre library museum church cathedral "
    "mosque hotel".split()
)
"""The nouns that close an institution's name, often after a person's or a place's ("Mercy Fitzgerald Hospital",
"John F. Kennedy Library", "Harvard University"): `entities` types such a name an organisation, `name_variants` takes
"Harvard" for the full name, `ner_corrections` keeps it from being a person's relative."""
# Public bodies are no company: "the company said" after "the Justice Department" still means the firm. Not
# "Union", "Board", "Authority" or "Foundation" here: "Western Union" and "Union Pacific" are firms, and the others
# were never measured as companies' (kept as they were)
_PUBLIC_BODY = re.compile(
    rf"\b(?:{'|'.join(n for n in PUBLIC_BODY_NOUNS if n not in ('Board', 'Authority', 'Union', 'Foundation'))}|"
    rf"{'|'.join(_STATE_BODY_NOUNS)})\b"
)
_QUOTED = re.compile(r"[\"“][^\"“”\n]*[\"”]")


def _is_company(name: str) -> bool:
    return not (_PUBLIC_BODY.search(name) or _PUBLICATION.search(name) or _BROADCASTER.search(name))


_MEDIA_NOUNS = frozenset("paper newspaper magazine tabloid publication daily network broadcaster station".split())
# The epithet's head noun -> which organisation names fit it
_FITS = {
    **dict.fromkeys("paper newspaper magazine tabloid publication outlet daily".split(), _PUBLICATION.search),
    **dict.fromkeys("network broadcaster station channel".split(), _BROADCASTER.search),
    **dict.fromkeys(
        "company firm retailer chain manufacturer maker automaker carmaker airline carrier brand startup giant "
        "corporation conglomerate restaurant insurer lender bank".split(),
        _is_company,
    ),
}


def is_organisation_noun(head: str) -> bool:
    return head in _FITS


# "The firm of Ames Grossman & Hale", "the law firm of Ames": the noun names the organisation after it
_NOUN_OF_NAME = re.compile(
    r"[Tt]he\s+(?:[a-z]+\s+)?(?P<head>[a-z]+)\s+of\s+(?P<name>[A-Z][\w'’.-]*(?:\s+(?:&\s+)?[A-Z][\w'’.-]*){0,6})"
)


def organisation_named_after(who: str) -> str | None:
    """The name in 'the firm of Ames Grossman & Hale' when the noun before "of" is one for an organisation."""
    match = _NOUN_OF_NAME.fullmatch(who)
    return match.group("name") if match and is_organisation_noun(match.group("head")) else None


def organisation_for(body: str, head: str, position: int, organisations: Sequence[Mention]) -> str | None:
    """The organisation 'the `head`' at `position` means: the closest one named before it that fits the noun
    (a publication for 'the paper') or that the text calls so ('Civilta Cattolica, the Jesuit magazine', 'local
    newspaper the Daily Camera', even when NER missed that name), else the one of that kind the article names most."""
    fits = _FITS[head]
    called = re.compile(rf",\s+(?:the|an?)\s+(?:[\w'’-]+\s+){{0,3}}?{head}\b")  # "Civilta Cattolica, the … magazine"
    fitting = [m for m in organisations if fits(m.name) or called.match(body, m.end)]
    named_as = re.compile(rf"\w*{head}\s+(?:the\s+)?(?P<name>[A-Z][\w'’&-]*(?:\s+[A-Z][\w'’&-]*){{0,3}})")
    before = [(m.end, m.name) for m in fitting if m.end <= position]
    if head in _MEDIA_NOUNS:  # "the company Monday said" names no company; "the newspaper The Sun" names a paper
        before += [(m.end(), m.group("name")) for m in named_as.finditer(body, 0, position)]
    if before:
        return max(before)[1]
    counts = Counter(m.name for m in fitting)
    return min(counts, key=lambda name: (-counts[name], name)) if counts else None


def outside_quotes(body: str, mentions: Sequence[Mention]) -> list[Mention]:
    """The mentions in the text's own words: an organisation a quote names ('… with Keurig 2.0 Brewing
    Technology,” the company said') is not the one speaking."""
    quoted = [m.span() for m in _QUOTED.finditer(body)]  # in reading order, none overlapping another
    return [m for m in mentions if not _inside(quoted, m.start)]


def _inside(spans: list[tuple[int, int]], position: int) -> bool:
    """Whether `position` falls in one of `spans`, which are in reading order and do not overlap: only the last
    one starting at or before it can hold it."""
    last = bisect.bisect_right(spans, position, key=lambda span: span[0]) - 1
    return last >= 0 and position < spans[last][1]


def longer_organisation(word: str, position: int, organisations: Sequence[Mention]) -> str | None:
    """'the Academy' after 'the American Academy of Neurology': the latest longer organisation named before
    `position` with `word` in its name."""
    pattern = re.compile(rf"\b{re.escape(word)}\b")
    longer = [m.name for m in organisations if m.end <= position and m.name != word and pattern.search(m.name)]
    return longer[-1] if longer else None


def organisation_opening_before(body: str, start: int, organisations: Sequence[Mention]) -> str | None:
    """The organisation named at the start of the sentence before `start` ("Acme Corp recalled 40,000 jars. It said
    …"), which an "it" opening a clause there goes on with. Only a name: "the airline" may mean any airline named."""
    sentence = sentence_start(body, start)
    if sentence == 0:
        return None
    previous = previous_sentence_start(body, start)
    at = _CONJUNCTION.match(body, previous, sentence).end()
    organisation = organisation_at(body, at, sentence, organisations)
    return organisation.name if organisation else None


_CONJUNCTION = re.compile(OPENING_CONJUNCTION)
_THE = re.compile(r"(?:[Tt]he\s+)?")


def organisation_at(body: str, at: int, end: int, organisations: Sequence[Mention]) -> Mention | None:
    """The organisation whose name opens body[at:end], after an optional "The" ("The Acme Corp said")."""
    at = _THE.match(body, at, end).end()
    return next((m for m in organisations if m.start == at), None)
