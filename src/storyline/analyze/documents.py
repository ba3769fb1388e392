"""Documents as sources: "a four-page letter", "the report" can say things, and a statement or letter speaks for
its author ("a statement from attorney Ann Lowe", "a memorandum issued by the Department of Health"), so a later
"the statement said" is the author's words. A lawsuit or a study stays the source itself: who filed it is not
who is quoted; but its description keeps the issuer the text names with it ("A 2015 report by the Government
Accountability Office", "an internal Crossroads GPS and American Action Network report"), whom a reader wants named.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from storyline.analyze.dates import WEEKDAY_PATTERN
from storyline.analyze.entities import Mention
from storyline.analyze.organisations import PUBLIC_BODY_NOUNS
from storyline.analyze.scans import matches_before
from storyline.analyze.speech_verbs import VERBS
from storyline.segment import previous_paragraph_start, previous_sentence_start, sentence_start

_DOCUMENT_NOUNS = (
    r"(?:letter|report|study|statement|memo|memorandum|document|survey|review|complaint|lawsuit|filing|ruling|order|"
    r"proposal|analysis|editorial|release|email|e-mail|petition|resolution|motion|judgment|verdict|decision|note|"
    r"message|article|paper)"
)
# A document that can say things: "a four-page letter", "the new report", "a statement"
DOCUMENT = re.compile(rf"\b(?:[Aa]n?|[Tt]he|[Tt]his|[Tt]hat)\s+(?:[\w'’-]+\s+){{0,3}}?{_DOCUMENT_NOUNS}\b")
# "an internal Crossroads GPS and American Action Network report": a document its issuer's name qualifies, however
# long the name, so that it is described with the issuer in it
ISSUED_DOCUMENT = (
    rf"(?:[Aa]n?|[Tt]he)\s+(?:[a-z][\w-]*\s+)?[A-Z][\w'’&.-]*\s+(?:(?:[A-Z][\w'’&.-]*|and|of|&)\s+){{0,7}}"
    rf"{_DOCUMENT_NOUNS}\b"
)
# documents whose words are their author's
_AUTHORED = frozenset("statement letter memo memorandum release email e-mail note message".split())
# "from attorney", "issued by the": the author comes next, after at most two role words in lower case
_ISSUED = r"(?:issued|released|sent|published|signed|written|posted)"
_BY_AUTHOR = re.compile(rf",?\s+(?:{_ISSUED}\s+)?(?:by|from)\s+(?:the\s+)?(?:[a-z]+\s+){{0,2}}")
_PARTICIPLE = re.compile(rf"(?:\s+{_ISSUED})?")  # "a memo issued" (by …)
# how a document reached the reporter or the public: "obtained by POLITICO", "released Tuesday"
DOCUMENT_OBTAINED = rf"(?:{_ISSUED}|obtained|filed|seen|reviewed|prepared|made\s+public)"
# "the State Department said in a statement", "Ann Lowe issued a statement", "Acme Foods, the building's owner,
# posted a letter": the author named just before it, an apposition between them
_AUTHOR_BEFORE = re.compile(
    r"(?:,\s+(?:the|an?|its|his|her|their)\s[^,.;:!?\"“”\n]{1,60},)?"
    rf"\s+(?:(?:{VERBS})\s+in|(?:also\s+)?(?:{_ISSUED}|put\s+out))\s+"
)
_AUTHORS = ("PERSON", "ORG")
# "by the Government Accountability Office", "conducted by Human Rights Watch": an issuer named right after a
# document, capitalised words that "of", "and" or "for" may join; not "on" nor a day ("by Walker on Monday")
_ISSUER_AFTER = re.compile(
    rf"\s+(?:(?:{_ISSUED}|conducted|commissioned|prepared)\s+)?by\s+(?:the\s+)?[A-Z][\w'’&.-]*"
    rf"(?:\s+(?:(?:of|and|for)\s+)?(?:the\s+)?(?!{WEEKDAY_PATTERN}\b)[A-Z][\w'’&.-]*)*"
)
# a public body's noun, another group's or a firm's: "The Nulato Tribal Council", "Grenadier Realty Corp."
_BODY_NOUNS = "|".join(
    (*PUBLIC_BODY_NOUNS, "Federation", "League", "Society", "Coalition", "Company", "Corporation", r"Corp\.", r"Inc\.")
)
_BODY_BEFORE = re.compile(
    rf"(?<![\w'’&.-])(?:[Tt]he\s+)?(?P<name>(?!The\b)(?:[A-Z][\w'’&-]*\s+){{1,5}}(?:{_BODY_NOUNS}))(?![\w-])"
    rf"{_AUTHOR_BEFORE.pattern}$"
)
# "an email Sollecito had written to her", "a letter that Ann Lowe sent": the author named after it, as its writer
_WRITER_AFTER = re.compile(r"\s+(?:that\s+|which\s+)?")
_WRITES = re.compile(r"\s+(?:had\s+|has\s+)?(?:written|wrote|sent|penned)\b")


def document_before(body: str, start: int) -> re.Match[str] | None:
    """The document that the sentence before `start` (or its own, before it) introduces, in the same paragraph, or
    that opens the paragraph before when "It" opens this one: "a four-page letter", "the report", which a following
    "It said" means."""
    sentence = sentence_start(body, start)
    paragraph = body.rfind("\n", 0, start) + 1
    if sentence == paragraph:
        # "It" opening a paragraph may mean anything, but the document opening the paragraph before
        return DOCUMENT.match(body, previous_paragraph_start(body, start)) if paragraph else None
    found = list(DOCUMENT.finditer(body, previous_sentence_start(body, start), start))
    return found[-1] if found else None


def author_of(body: str, document: re.Match[str], mentions: Sequence[Mention]) -> Mention | None:
    """The person or organisation a statement or letter names as its author right after it ("a statement from
    Ann Lowe", "an email Lowe had written") or, as the subject of its verb, right before it ("Ann Lowe said in a
    statement"), if any."""
    if document.group().split()[-1].lower() not in _AUTHORED:
        return None
    by = _BY_AUTHOR.match(body, document.end())
    if by is not None:
        return next((m for m in mentions if m.start == by.end() and m.label in _AUTHORS), None)
    writer = _WRITER_AFTER.match(body, document.end())
    for m in mentions:
        if m.label in _AUTHORS and writer and m.start == writer.end() and _WRITES.match(body, m.end):
            return m
    before = next(
        (
            m
            for m in reversed(mentions)
            if m.end <= document.start()
            and m.label in _AUTHORS
            and _AUTHOR_BEFORE.fullmatch(body, m.end, document.start())
        ),
        None,
    )
    return before or _body_named_before(body, document)


def _body_named_before(body: str, document: re.Match[str]) -> Mention | None:
    """ "The Nulato Tribal Council issued a statement": an organisation NER did not tag, known by the capitalised
    words of its name ending in a word for a body ("Council", "Department", "Corp."), as the author right before."""
    window = max(0, document.start() - 160)
    found = _BODY_BEFORE.search(body, window, document.start())
    if found is None:
        return None
    return Mention("", found.start("name"), found.end("name"), found.group("name"), "ORG", found.group("name"))


def introduced_author(body: str, head: str, start: int, mentions: Sequence[Mention]) -> Mention | None:
    """ "the statement" → the author of the last statement before `start`, if the text named one. A "the
    statement" before it with no author named is the same statement again, so the search goes on past it."""
    for document in reversed(matches_before(DOCUMENT, body, start)):
        if document.group().split()[-1].lower() == head:
            author = author_of(body, document, mentions)
            if author is not None or document.group().split()[0].lower() != "the":
                return author
    return None


# "Cohen emailed the order to …": the writer of the email a later "the email said" quotes
_EMAILED = re.compile(r"\s+(?:\w+ly\s+)?e-?mailed\b")
# "A White House official sent a statement to CNBC": an author the sentence opens by describing
_DESCRIBED_SENDER = re.compile(
    rf"(?P<who>(?:An?|The)\s+(?:[\w'’-]+\s+){{0,5}}?[a-z][\w-]*)\s+(?:also\s+)?(?:{_ISSUED}|put\s+out)\s+$"
)


def emailed_author(body: str, start: int, mentions: Sequence[Mention]) -> Mention | None:
    """ "Cohen emailed the order to Davidson. “…,” the email said": the person who emailed in the sentence before
    `start` (or its own, before it) wrote the email, when the text introduced no email otherwise."""
    before = previous_sentence_start(body, start)
    found = [m for m in mentions if before <= m.start < start and m.label in _AUTHORS and _EMAILED.match(body, m.end)]
    return found[-1] if found else None


def described_sender(body: str, head: str, start: int) -> tuple[int, int] | None:
    """ "A White House official sent a statement to CNBC. “…,” the statement said": where the description of the
    author that opens the sentence introducing the last statement or letter before `start` stands."""
    if head not in _AUTHORED:
        return None
    documents = [d for d in matches_before(DOCUMENT, body, start) if d.group().split()[-1].lower() == head]
    # …in the quote's paragraph or the one before: a statement named paragraphs back may be another one
    reach = previous_paragraph_start(body, start)
    if not documents or documents[-1].start() < reach or documents[-1].group().split()[0].lower() == "the":
        return None
    opens = sentence_start(body, documents[-1].start())
    sender = _DESCRIBED_SENDER.fullmatch(body, opens, documents[-1].start())
    return sender.span("who") if sender else None


def named_author(body: str, start: int, end: int, mentions: Sequence[Mention]) -> Mention | None:
    """The author of the statement or letter `body[start:end]` names as a speaker ("An explanatory memorandum
    issued" by …), if the text names one right after it."""
    document = DOCUMENT.match(body, start, end)
    if document is None:
        return None
    author = author_of(body, document, mentions)
    # "A message posted by Walker on Monday said": the author named inside the words, whatever follows it
    is_inside = author is not None and document.end() < author.start and author.end <= end
    return author if is_inside or _PARTICIPLE.fullmatch(body, document.end(), end) else None


# "a statement from the family", "a letter from his lawyers": an author the text describes instead of naming
_FROM_DESCRIBED = re.compile(
    rf",?\s+(?:{_ISSUED}\s+)?(?:by|from)\s+(?P<who>(?:the|his|her|their|its)\s+(?:[a-z][\w'’-]*\s+){{0,2}}"
    r"[a-z][\w'’-]*)(?=\s*[.,;:!?]|\s*$)"
)


def described_author(body: str, start: int, end: int) -> tuple[int, int] | None:
    """Where the words describing the author of the statement or letter `body[start:end]` stand, right after it
    ("read a statement from the family"): the family speaks, as it would by a name."""
    document = DOCUMENT.fullmatch(body, start, end)
    if document is None or document.group().split()[-1].lower() not in _AUTHORED:
        return None
    author = _FROM_DESCRIBED.match(body, end)
    return author.span("who") if author else None


def document_author_in(body: str, start: int, end: int, mentions: Sequence[Mention]) -> Mention | None:
    """The author of the last statement or letter named between `start` and `end`, if the text names one: "She
    shared part of an email Sollecito had written to her:" introduces Sollecito's words."""
    found = list(DOCUMENT.finditer(body, start, end))
    return author_of(body, found[-1], mentions) if found else None


def is_document_noun(noun: str) -> bool:
    """ "report", "memo": a noun for a document that can say things."""
    return re.fullmatch(_DOCUMENT_NOUNS, noun) is not None


def issuer_after(text: str, end: int) -> int:
    """Where the issuer named right after the document ending at `end` ends ("A 2015 report| by the Government
    Accountability Office|"), or `end` when none is named."""
    issuer = _ISSUER_AFTER.match(text, end)
    return issuer.end() if issuer else end
