"""Speakers named before a quote's own sentence: the sentence that closes with its attribution just before it,
the person the sentence or paragraph before is about, or a sentence introducing it with a colon. `ArticleText` is one
article as attribution sees it."""

from __future__ import annotations

import re
from dataclasses import dataclass

from storyline.analyze.characterising import WORD
from storyline.analyze.dates import DAY_AFTER_VERB
from storyline.analyze.documents import document_author_in
from storyline.analyze.entities import Mention
from storyline.analyze.names import SOURCE_ROLES_PATTERN, SpeakerContext, full_name
from storyline.analyze.quote_marks import Found
from storyline.analyze.referents import Speaker
from storyline.analyze.speakers import ROLE_BETWEEN, resolve
from storyline.analyze.speech_verbs import SPOKEN_TO, VERBS
from storyline.analyze.subjects import hometown_name
from storyline.segment import OPENING_CONJUNCTION, previous_paragraph_start, sentence_start

# A verb that may precede its speaker ("said Trump"); "told Gizmodo" names the listener, never the speaker.
INVERTIBLE = rf"(?!told\b|tells?\b)(?:{VERBS})"
# "The lakes are deep, Niebur said. “It is a missing link.”": the speaker of the sentence before goes on.
_CLOSED_BEFORE = re.compile(
    rf",\s+(?:(?P<who>{WORD}(?:\s+{WORD}){{0,3}}?)\s+(?:{VERBS})|{INVERTIBLE}\s+(?P<who2>(?:[A-Z]|(?:an?|the)\s){WORD}(?:\s+{WORD}){{0,3}}?))"
    rf"(?:\s+{DAY_AFTER_VERB})?\.\s*$"  # "…, Niebur said Tuesday."
)
# The start of a sentence introducing a statement, up to its subject: "On Monday, the city's police department" is
# a name NER found there, or "he"/"she".
_INTRODUCER = re.compile(
    rf"{OPENING_CONJUNCTION}(?:[^,.;:!?\"“”\n]{{1,30}},\s+)?(?:[Tt]he\s+)?(?:(?P<pronoun>[Hh]e|[Ss]he)\b"
    # "But his enthusiasm still shines through:": the owner of the words or feelings that follow
    r"|(?P<owner>[Hh]is|[Hh]er)(?=\s+(?:enthusiasm|message|response|reply|answer|advice|verdict|explanation|"
    r"reasoning|argument|conclusion|defen[cs]e|excuse|assessment|point|words)\b))?"
)
# ", he said," or ", Garza said." inside or closing a sentence: whose words it reports
_SAID_INSIDE = re.compile(rf",\s+(?P<who>[Hh]e|[Ss]he|(?:[A-Z][\w.'’-]*\s+){{0,2}}[A-Z][\w'’-]+)\s+(?:{VERBS})\s*[,.]")
# "Of the dogs injured in the crash, King said one might have a fractured leg.": the reported speech's subject
# after the phrases opening the sentence (a sentence opening with its subject is the topic's)
_REPORTS_AFTER_OPENING = re.compile(
    rf"(?:[^,.;:!?\"“”\n]{{1,60}},\s+){{1,3}}(?P<who>[Hh]e|[Ss]he|(?:[A-Z][\w.'’-]*\s+){{0,2}}[A-Z][\w'’-]+)\s+"
    rf"(?:{VERBS})\s+(?:that\s+)?[a-z]"
)
# "In a call with his fiancee, Ann Rowe, he …": the subject after the phrases opening a sentence
PRONOUN_AFTER_OPENING = re.compile(r"(?:[^,.;:!?\"“”\n]{1,60},\s+){1,2}(?P<pronoun>[Hh]e|[Ss]he)\b")
_TRANSCRIPT_NAME = re.compile(r"([A-Z][A-Z'’-]+):")  # a transcript's speaker in capitals: "CHECKETT:"
_ROLE_WORDS = re.compile(r"(?:[A-Z][\w.'’-]*\s+){0,3}")
# ", spokeswoman for House Speaker ", ", a lawyer for ": between a person and the one they work for
_WORKS_FOR = re.compile(
    r",\s+(?:an?\s+|the\s+)?(?:[a-z][\w-]*\s+){0,2}"
    rf"(?:{SOURCE_ROLES_PATTERN})"
    r"\s+(?:for|to|of)\s+(?:the\s+)?(?:[A-Z][\w.'’-]*\s+|[a-z]+\s+){0,3}"
)
# "I found a quotation by the 17th-century poet Ann Lowe that came close:" cites whose words follow
# (not "line from": "the new assembly line from Ford Motor" cites no one, issue #5)
_CITED = re.compile(r"\b(?:quotation|quote|passage|verse)\s+(?:by|from)\s+")
_DESCRIPTION_BETWEEN = re.compile(r"(?:(?:the|an?)\s+)?(?:[\w'’-]+\s+){0,4}")  # "the 17th-century Christian poet"


@dataclass(frozen=True, slots=True)
class ArticleText:
    """One article as attribution sees it: the body, the names NER found in it, and what earlier quotes taught."""

    body: str
    people: list[Mention]
    context: SpeakerContext

    def speaker(self, start: int, end: int, found: Found) -> Speaker | None:
        return resolve(self.body, start, end, found.open_at, self.people, self.context)


def attribute_sentence_before(text: ArticleText, found: Found) -> Speaker | None:
    """ "The lakes lie deep, Niebur said. “It is a missing link.”": a statement right after a sentence that closes
    with its attribution, in the same paragraph, goes on in that speaker's voice."""
    line_start = text.body.rfind("\n", 0, found.open_at) + 1
    match = _CLOSED_BEFORE.search(text.body, line_start, found.open_at)
    if match is None or re.search(r"[\"“”]", text.body[line_start : found.open_at]):
        return None
    group = "who" if match.group("who") else "who2"
    hometown = hometown_name(text.body[line_start : match.end(group) + 1]) if group == "who" else None
    if hometown is not None:  # "… what Vikki Marsh of Naperville, Illinois asks.": not Illinois
        return text.speaker(line_start + hometown[0], line_start + hometown[1], found)
    return text.speaker(match.start(group), match.end(group), found)


def attribute_paragraph_before(text: ArticleText, found: Found) -> Speaker | None:
    """ "Whitlow kept hoping her brother would come home.\n“I knew then …”": a statement standing alone
    as a paragraph, after a paragraph without quotes whose last sentence is about a person, is that person's; so is
    one closing its paragraph after such a sentence ('His mother, Maria Feng, recalls the day. “We were …”'), and one
    after a sentence citing a person's words ('I found a quotation by the poet Ann Lowe that came close.')."""
    body = text.body
    line_start = body.rfind("\n", 0, found.open_at) + 1
    line_end = body.find("\n", found.close_at)
    if body[found.close_at : line_end].strip():
        return None
    lead = body[line_start : found.open_at]
    if lead.strip():
        if not re.search(r"[.!?]\s+$", lead):
            return None
        previous_start, previous_end = line_start, found.open_at
    else:
        previous_start, previous_end = previous_paragraph_start(body, found.open_at), line_start
    if previous_end == 0 or re.search(r"[\"“”]", body[previous_start:previous_end]):
        return None  # the previous speaker, if any, goes on (`follows`)
    last_sentence = sentence_start(body, max(previous_start, previous_end - 2))
    author = cited_author(text, last_sentence, previous_end, found)
    if author is not None:
        return author
    topic = next((at for at, _ in reversed(text.context.topics) if at < previous_end), None)
    if topic is None or topic < last_sentence:
        # "… But sometimes, he said, restraint is the right thing.\n“A judge must …”": who the last sentence
        # reports goes on in the words of the paragraph after it
        reported = _SAID_INSIDE.search(body, last_sentence, previous_end) or _REPORTS_AFTER_OPENING.match(
            body, last_sentence, previous_end
        )
        return text.speaker(reported.start("who"), reported.end("who"), found) if reported else None
    # the topic's name, or the "He"/"She" or surname NER missed that opens the sentence
    mention = next((m for m in text.context.persons if m.start == topic), None)
    word = re.match(r"[A-Z][\w'’-]*", body[topic : topic + 40])
    if mention is not None:
        return text.speaker(mention.start, mention.end, found)
    return text.speaker(topic, topic + len(word.group()), found) if word else None


def cited_author(text: ArticleText, start: int, end: int, found: Found) -> Speaker | None:
    """ "a quotation by the 17th-century poet Ann Lowe", "a quote from Lincoln that touched on …" in
    `body[start:end]`: the person whose words the text says it cites next."""
    cited = _CITED.search(text.body, start, end)
    if cited is None:
        return None
    author = next((m for m in text.people if m.label in ("PERSON", "ORG") and cited.end() <= m.start < end), None)
    if author is None or not _DESCRIPTION_BETWEEN.fullmatch(text.body, cited.end(), author.start):
        return None
    return text.speaker(author.start, author.end, found)


def attribute_introduction(text: ArticleText, found: Found) -> Speaker | None:
    """ "The police department released the following statement:" or "The university sent this message:" before
    the quote, on its line or ending the paragraph before: the subject of the introducing sentence speaks."""
    introduction = _introduction_before(text.body, found)
    if introduction is None:
        return None
    before_start, colon = introduction
    captioned = _captioned(text, before_start, colon)
    if captioned is not None:
        return text.speaker(*captioned, found)
    start = sentence_start(text.body, colon)
    author = document_author_in(text.body, start, colon, text.people)
    if author is not None:
        return text.speaker(author.start, author.end, found)
    opening = _INTRODUCER.match(text.body, start, colon)
    if opening is None:
        return None
    subject = _introducer_subject(text, opening.end())
    if subject is not None:
        # 'The BBC was told:', 'Reuters was told:': whoever spoke to them is not named here
        return _unless_spoken_to(text, subject.start, subject.end, found)
    return _referred_to(text, opening, start, colon, found)


def _introduction_before(body: str, found: Found) -> tuple[int, int] | None:
    """Where the text introducing the quote starts and where its closing colon is: the quote's line before it, or
    the paragraph before when the quote opens its line; None when that text ends with no colon."""
    line_start = body.rfind("\n", 0, found.open_at) + 1
    before = body[line_start : found.open_at].rstrip()
    if not before and line_start > 0:
        before_start = previous_paragraph_start(body, found.open_at)
        before = body[before_start : line_start - 1].rstrip()
    else:
        before_start = line_start
    if not before.endswith(":"):
        return None
    return before_start, before_start + len(before) - 1


def _captioned(text: ArticleText, before_start: int, colon: int) -> tuple[int, int] | None:
    """Where the speaker is whose name, right before the colon, captions the quote ("BBC's Jonathan Head:"), or who
    a transcript's capitals name ('CHECKETT: "…"' after 'Caitlin Checkett, who said:'); None if neither."""
    body = text.body
    caption = next((m for m in text.people if m.end == colon and m.label == "PERSON"), None)
    if caption is not None:
        # "… echoed by Ann Lowe, spokeswoman for Speaker Tom Bell:": the one the apposition says works for him
        employee = next(
            (m for m in text.people if m.label == "PERSON" and _WORKS_FOR.fullmatch(body, m.end, caption.start)), None
        )
        caption = employee or caption
        return caption.start, caption.end
    transcript = _TRANSCRIPT_NAME.fullmatch(body[before_start : colon + 1])
    if transcript and full_name(transcript.group(1), text.context, colon) is not None:
        return before_start, colon
    return None


def _introducer_subject(text: ArticleText, opening_end: int) -> Mention | None:
    """The person or organisation NER found as the subject of an introducing sentence, after its opening words (up
    to `opening_end`); for an organisation with a person speaking for it after it, that person."""
    body = text.body
    # "Host Chris Wallace broached the subject:": role words may come before the subject's name
    subject = next(
        (
            m
            for m in text.people
            if m.label in ("PERSON", "ORG")
            and opening_end <= m.start
            and _ROLE_WORDS.fullmatch(body, opening_end, m.start)
        ),
        None,
    )
    # "Mint spokesman Adam Stump issued this statement:": the person speaking for the organisation; a person
    # opening the sentence speaks for no one after a verb ("Colbert loves Nixon's policy:")
    spokesperson = next(
        (
            m
            for m in text.people
            if subject and subject.label == "ORG" and m.label == "PERSON" and m.start > subject.end
        ),
        None,
    )
    if subject and spokesperson and ROLE_BETWEEN.fullmatch(body, subject.end, spokesperson.start):
        return spokesperson
    return subject


def _referred_to(text: ArticleText, opening: re.Match[str], start: int, colon: int, found: Found) -> Speaker | None:
    """An introducing sentence with no subject NER found (from `start` to its colon): its "He"/"She" or "His", a
    pronoun after its opening phrases, or the one person it names."""
    referring = next((group for group in ("pronoun", "owner") if opening.group(group)), None)
    if referring:
        return _unless_spoken_to(text, opening.start(referring), opening.end(referring), found)
    pronoun = PRONOUN_AFTER_OPENING.match(text.body, start, colon)
    if pronoun is not None:
        return _unless_spoken_to(text, pronoun.start("pronoun"), pronoun.end("pronoun"), found)
    # "For Robert Plant, it has been a different experience:": the one person the sentence names
    named = [m for m in text.context.persons if start <= m.start < colon and m.label == "PERSON"]
    return _unless_spoken_to(text, named[0].start, named[0].end, found) if len({m.name for m in named}) == 1 else None


def _unless_spoken_to(text: ArticleText, start: int, end: int, found: Found) -> Speaker | None:
    """The speaker `body[start:end]` names, or None when a passive speech verb follows it ('He was asked:', 'Later,
    he was told:', 'Ann Lowe, the mayor, was asked:'): it introduces someone else's words."""
    return None if SPOKEN_TO.match(text.body, end) else text.speaker(start, end, found)
