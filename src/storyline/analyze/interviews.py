"""Interviews printed as questions and answers: the answers are the interviewee's words.

A news Q&A sets the interviewer's questions as paragraphs of their own ("What was your reaction?", "Q: Will you
run again?", "Would you like to meet the mayor? I asked.") and each answer as a paragraph opening with a quotation
mark (or "A:"). No speech verb attributes the answers: the paragraph introducing the exchange names who answers
("Coach Ann Lowe also addressed the issue."), and every answer up to the next such paragraph is hers
(`interview_answer`). A transcript names each turn's speaker in capitals instead ("SEN. ANN LOWE: …"), and a
statement quoted inside a turn is voiced by the one speaking it (`transcript_turn`; a few quoted words there may be
anyone's). Both only answer for a quote no attribution pattern gave a speaker.
"""

from __future__ import annotations

import bisect
import re
from functools import lru_cache

from storyline.analyze.before_quote import ArticleText
from storyline.analyze.names import full_name
from storyline.analyze.quote_marks import OPENING, Found
from storyline.analyze.referents import Speaker
from storyline.analyze.topics import FRONTED
from storyline.segment import sentence_spans

_QUESTION_LABEL = re.compile(r"(?:Q|QUESTION|Question)\s*[:.]\s")  # "Q: …", "Question: …"
_ANSWER_LABEL = re.compile(r"(?:A|ANSWER|Answer)\s*[:.]\s")
# "… the mayor? I asked.", "…? he was asked.": the writer's question with its own little attribution
_ASKED_AFTER = re.compile(r"\?\s+(?:I|we|he|she|they)\s+(?:was\s+|were\s+)?ask(?:ed|s)(?:\s+\w+)?\.$")
_ADDRESSED = re.compile(r"\b(?:you|your|yours|yourself)\b|\bI\s+asked\b", re.IGNORECASE)
_MAX_QUESTION = 300  # characters: a question set as a paragraph is a line or two, not a paragraph of prose
# Role words before the interviewee's name opening a sentence: "Reign Coach ", "NWSL Commissioner ", "Mr "
_ROLE_BEFORE = re.compile(r"(?:(?:[Tt]he\s+)?(?:[A-Z][\w.'’&-]*\s+){0,4}|(?:[Tt]he\s+)?(?:[a-z]+\s+){1,2})")
# "PRESIDENT OBAMA:", "GEORGE STEPHANOPOULOS:", "SEN. ANN LOWE:": a transcript turn's speaker in capitals
_TURN = re.compile(r"(?P<who>[A-Z][A-Z.'’-]*(?:\s+[A-Z][A-Z.'’-]*){0,3}):\s")


@lru_cache(maxsize=8)
def _paragraphs(body: str) -> tuple[tuple[int, int], ...]:
    """(start, end) of every line holding text: a cleaned body sets each paragraph on a line of its own. Once a
    body, not once a quote: a long text has thousands of both."""
    spans, at = [], 0
    for line in body.split("\n"):
        if line.strip():
            spans.append((at, at + len(line)))
        at += len(line) + 1
    return tuple(spans)


def _is_question(text: str) -> bool:
    text = text.strip()
    if _QUESTION_LABEL.match(text):
        return True
    if len(text) > _MAX_QUESTION or re.search(r"[\"“”]", text):
        return False
    return text.endswith("?") or bool(_ASKED_AFTER.search(text))


def _is_answer(text: str) -> bool:
    text = text.lstrip()
    return text[:1] in OPENING or bool(_ANSWER_LABEL.match(text))


def interview_answer(text: ArticleText, found: Found) -> Speaker | None:
    """The interviewee of a Q&A answering with the quote: a paragraph opening with the quote (or "A:") in a run of
    question and answer paragraphs, with two questions, one asked of "you" or one labelled "Q:"; the person the
    paragraph before the run names as a sentence's subject answers ("Following the match, Ann Lowe responded to …").
    """
    body = text.body
    paragraphs = _paragraphs(body)
    at = bisect.bisect_right(paragraphs, found.open_at, key=lambda span: span[0]) - 1  # the last one opening before
    if at < 0 or found.open_at >= paragraphs[at][1] or not _is_answer(body[paragraphs[at][0] : found.open_at + 1]):
        return None
    if _ANSWER_LABEL.match(body[paragraphs[at][0] :]) is None and body[paragraphs[at][0] : found.open_at].strip():
        return None

    def kind(n: int) -> str:
        start, end = paragraphs[n]
        return "q" if _is_question(body[start:end]) else "a" if _is_answer(body[start:end]) else ""

    first = at
    while first > 0 and kind(first - 1):
        first -= 1
    last = at
    while last + 1 < len(paragraphs) and kind(last + 1):
        last += 1
    questions = [paragraphs[n] for n in range(first, last + 1) if kind(n) == "q"]
    if not questions or first == 0:
        return None
    labelled = any(_QUESTION_LABEL.match(body, start, end) for start, end in questions)
    if len(questions) < 2 and not labelled and not any(_ADDRESSED.search(body, start, end) for start, end in questions):
        return None
    # an answer comes after a question, or opens the run before the first question ("He answered a few
    # questions.\n“I was on a call …”\nReaction?\n“…”")
    if kind(at - 1) != "q" and not (at == first and at + 1 <= last and kind(at + 1) == "q"):
        return None
    return _interviewee(text, *paragraphs[first - 1], found, labelled=labelled)


def _interviewee(text: ArticleText, start: int, end: int, found: Found, *, labelled: bool) -> Speaker | None:
    """The first person the introducing paragraph names as the subject of a sentence, before its verb; before
    questions labelled "Q:", the one person it names ("We spoke with the novelist Sarah Whitman.")."""
    body = text.body
    named = [m for m in text.context.persons if start <= m.start < end]
    if labelled and len({m.name for m in named}) == 1:
        return text.speaker(named[0].start, named[0].end, found)
    for sentence_at, sentence_end in sentence_spans(body[start:end]):
        sentence_at, sentence_end = start + sentence_at, start + sentence_end
        fronted = FRONTED.match(body, sentence_at, sentence_end)
        opening = re.match(r"[^,.;:!?\"“”\n]{1,80},\s+", body[sentence_at:sentence_end])
        mains = [sentence_at] + [sentence_at + m.end() for m in (fronted, opening) if m]
        # only the first person the sentence names, and only as its subject (not after its verb)
        person = next((m for m in text.context.persons if sentence_at <= m.start < sentence_end), None)
        if person is not None and any(_ROLE_BEFORE.fullmatch(body, main, person.start) for main in mains):
            return text.speaker(person.start, person.end, found)
    return None


def transcript_turn(text: ArticleText, found: Found) -> Speaker | None:
    """ "PRESIDENT OBAMA: … people are going to say, “Who has a vision?” …": a quotation inside a transcript's
    turn is voiced by the turn's speaker, named in capitals before a colon opening the paragraph and known to the
    article by that surname."""
    body = text.body
    line_start = body.rfind("\n", 0, found.open_at) + 1
    turn = _TURN.match(body, line_start, found.open_at)
    if turn is None or _QUESTION_LABEL.match(turn.group()) or _ANSWER_LABEL.match(turn.group()):
        return None
    surname = turn.group("who").split()[-1].title()
    name = full_name(surname, text.context, turn.start("who"))
    if name is None:
        return None
    return Speaker(name, "named", turn.start("who"), turn.end("who"))
