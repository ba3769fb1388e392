"""The organisation behind an epithet: 'the company said' is the company the article names ('Crayola'), 'the
newspaper reported' the paper it names. Labellers (and readers) name the organisation, so a brief should too.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from collections.abc import Sequence
from typing import TYPE_CHECKING

from storyline.analyze.quote_marks import QUOTED
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


# Nouns any organisation fits ("the group said" after "Amnesty International urged …", "the tribe said"): only one
# opening the sentence or the one before, never the article's most named one, since "the group" is as often a group
# of people the text never names.
_ANY_ORGANISATION_NOUNS = frozenset("group organization organisation tribe charity coalition nonprofit".split())


def is_organisation_noun(head: str) -> bool:
    return head in _FITS


def means_organisation(head: str) -> bool:
    """Whether "the `head` said" may mean an organisation named before: a noun of a kind ("the company") or one
    any organisation fits ("the group")."""
    return head in _FITS or head in _ANY_ORGANISATION_NOUNS


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
    newspaper the Daily Camera', even when NER missed that name), else the one of that kind the article names most;
    for a noun any organisation fits ('the group'), only one opening this sentence or the one before."""
    if head in _ANY_ORGANISATION_NOUNS:
        return _organisation_opening(body, position, organisations, head)
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
    quoted = [m.span() for m in QUOTED.finditer(body)]  # in reading order, none overlapping another
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


def _organisation_opening(body: str, position: int, organisations: Sequence[Mention], head: str) -> str | None:
    """The organisation whose name opens the sentence holding `position` or the one before, as "it" goes on with
    one ("Amnesty International urged …. In a statement, the group said"), or further back through sentences that
    speak of "the group" too; none when a group of people is introduced from there on ("A group of protesters
    gathered outside Acme's offices. … the group said"; not an apposition, "Amnesty International, a rights group"),
    or when the name is a publication's or a broadcaster's (those are "the paper", "the network")."""
    starts = [sentence_start(body, position)]
    while starts[-1] > 0 and len(starts) < _SENTENCES_BACK:
        starts.append(previous_sentence_start(body, starts[-1]))
    name = None
    for i, at in enumerate(starts):
        end = starts[i - 1] if i else position
        opening = organisation_at(body, _CONJUNCTION.match(body, at, end).end(), end, organisations)
        if opening is not None:
            name = opening.name
            break
        if i >= 1 and not re.search(rf"\b[Tt]he\s+{head}\b", body[at:end]):
            return None
    indefinite = rf"(?<!,\s)\b(?:[Aa]n?|[Oo]ne|[Aa]nother)\s+(?:[\w-]+\s+){{0,2}}{head}\b"
    if name is None or re.search(indefinite, body[at:position]):
        return None
    return None if _PUBLICATION.search(name) or _BROADCASTER.search(name) else name


_SENTENCES_BACK = 4
"""The quote's sentence and up to three before it, enough for "the group said" twice after the sentence opening
with the group's name. Not measured: no quote of the labelled clusters reaches this rule; the one unlabelled quote it
changes (DUC d30003t, Amnesty International) needs one sentence back."""


_THE = re.compile(r"(?:[Tt]he\s+)?")


def organisation_at(body: str, at: int, end: int, organisations: Sequence[Mention]) -> Mention | None:
    """The organisation whose name opens body[at:end], after an optional "The" ("The Acme Corp said")."""
    at = _THE.match(body, at, end).end()
    return next((m for m in organisations if m.start == at), None)
