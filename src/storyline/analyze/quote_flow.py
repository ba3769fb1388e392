"""How quotes sit among each other and in their sentence: whether a quote is a whole statement or a few words,
whether it closes its clause, whether it goes on with the previous speaker's words, whether quoted capitalised
words are a title, and the quotations closed inside a span of text.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from storyline.analyze.entities import Mention
from storyline.analyze.quote_marks import CLOSING, QUOTED, Found
from storyline.analyze.speech_verbs import PARTICIPLES, VERBS
from storyline.analyze.subjects import is_capitalised
from storyline.segment import previous_paragraph_start

# `Trump said: "…"`, `saying "…"`: a speech verb in any form that attributes
SPEECH_VERB = re.compile(rf"(?:^|\b)(?:{VERBS}|{'|'.join(PARTICIPLES)})\b")


def is_title_quote(body: str, found: Found, *, strict: bool = True) -> bool:
    """ "on SiriusXM's “Breitbart News Daily”": capitalised words after a possessive name a show, not a statement.

    Not `strict`: any capitalised words of two or more ("Sochi Games 2014") may be a title.
    """
    words = body[found.start : found.end].split()
    capitalised = is_capitalised(words)
    if not strict:
        return capitalised and len(words) >= 2
    return capitalised and bool(re.search(r"\w['’]s\s*$", body[max(0, found.open_at - 40) : found.open_at]))


# The three patterns below name a speaker without a quotation's own attribution to go by, so they keep to a few
# plain verbs rather than speech_verbs.VERBS. Measured with VERBS in their place: in `_REPORTED`, 2 more inferred
# speakers on the labelled quotes, both wrong (bench/analysis_quality.py); in the other two, no labelled result
# changes but 2 of the 8,522 quotes of the raw Multi-News and DUC 2003 clusters get a wrong speaker ('He laughs.'
# after a quote read as its attribution).
# "the judge said", "Mr Justice Gerard Hogan said": who reports speech in a paragraph
_REPORTED = re.compile(r"(?P<who>[Tt]he\s+[a-z]+|[Hh]e|[Ss]he|(?:[A-Z][\w.'’-]*\s+){0,3}[A-Z][\w'’-]+)\s+said\b")
# "…, Collins says." or "…, the zoo said in a statement.": a sentence closing with who said it
_REPORTED_AT_END = re.compile(
    r",\s+(?:(?P<who>(?:[Tt]he\s+[a-z]+|[Hh]e|[Ss]he|(?:the\s+)?(?:[A-Z][\w.'’-]*\s+){0,3}[A-Z][\w'’-]+))\s+(?:said|says)"
    r"(?:\s+(?:in|on)\s+(?:a|an|the)\s+[a-z]+)?"
    # "…, says Gil Pison of the Institute for Demographic Studies in Paris.": the name, then where they work
    r"|(?:said|says)\s+(?P<inverted>(?:[A-Z][\w.'’-]*\s+){1,3}[A-Z][\w'’-]+)(?:\s+(?:of|at)\s+[^,.;:!?\"“”\n]{1,80})?)"
    r"\.\s+$"
)


def quoted_ranges(body: str, start: int, end: int) -> list[tuple[int, int]]:
    """The quotations opened and closed within one paragraph of `body[start:end]`, as (start, end) pairs."""
    return [(start + m.start(), start + m.end()) for m in QUOTED.finditer(body[start:end])]


def continues(body: str, previous: Found, found: Found) -> bool:
    """`"…," he said, "and …"`: the second part of a statement interrupted by its attribution."""
    between = body[previous.close_at : found.open_at]
    if len(between) >= 80 or "\n" in between or not SPEECH_VERB.search(between):
        return False
    return bool(re.fullmatch(r"[^.!?\"“”]*[,:]\s*", between))


def follows(body: str, previous: Found, found: Found, is_full: bool) -> bool:
    """The previous speaker goes on: a quote opening a sentence after their attribution, one joined by 'and'
    ('shouts, “…!” and “…!”', 'said that “…” and that “…”'), the next paragraph of an open quote, or a statement
    opening the next paragraph."""
    between = body[previous.close_at : found.open_at]
    if "\n" in between:
        is_open = body[previous.close_at - 1 : previous.close_at] not in CLOSING
        # Only a statement continues the previous speaker's paragraph: a quoted title there ('"Russia Week" will
        # continue') is the writer's.
        return (is_open and between.strip() == "") or (
            is_full and between.count("\n") == 1 and between.split("\n")[1].strip() == ""
        )
    if not is_full and re.fullmatch(r"[^\"“”.!?;\n]{0,120}", between) and not is_title_quote(body, found, strict=False):
        return True  # 'said he had to show the “necessary cohesion” … and to propose “…”': the same sentence
    # a sentence or an aside in brackets between them: '“…,” he began. (There were twenty of us.) “So …”'
    return bool(re.fullmatch(r"(?:[^\"“”]*[.!?:]\)?)?\s*|\s*,?\s*(?:and|or)(?:\s+that)?\s*", between))


def is_statement(body: str, found: Found) -> bool:
    """A quoted sentence ('“I have confidence…,” Trump said'), not a few words inside the writer's own."""
    text = body[found.start : found.end].lstrip(".…- ").rstrip("'’\"")
    before = body[max(0, found.open_at - 12) : found.open_at].rstrip()
    if before.endswith(":") and len(text.split()) >= 2:  # 'Elder shouted: "Everybody get down!"'
        return True
    first = text.lstrip("([‘'")[:1]
    if len(text.split()) < 4 or not (first.isupper() or first.isdigit()):
        return False
    ends_sentence = bool(re.search(r"[.!?,…—-]$", text)) or body[found.close_at : found.close_at + 1] in ",.?!"
    # a paragraph opening with it: 'Zuckerberg said.\n"And I think it is our responsibility …' (its closing mark
    # lost); not a title there ('"Where Have You Been" is her best song')
    line_start = body.rfind("\n", 0, found.open_at) + 1
    opens_paragraph = not body[line_start : found.open_at].strip() and not is_title_quote(body, found, strict=False)
    return ends_sentence or opens_paragraph or before.endswith((":", ",", "that"))


def closes_clause(body: str, found: Found, after: str) -> bool:
    """Only a quote that ends its clause is attributed forwards: not '"restrictions" on what can be said'; and not
    one ending its sentence with a full stop, after which the next sentence speaks for itself — unless a word in
    lower case goes on with it ('“… day.” said Carla Brandt'), or a statement missing its comma is followed by its
    attribution alone ('“We will rebuild” Mayor Tom Ames said.')."""
    return bool(
        re.search(r"[,!?…—-]['’]?$", body[found.start : found.end])
        or after.lstrip()[:1] in (",", "—")
        or (body[found.end - 1] == "." and re.match(r"\s+[a-z]", after))
        or (body[found.start : found.start + 1].isupper() and _BARE_ATTRIBUTION.match(after))
    )


# `“We will rebuild” Mayor Tom Ames said.`: a name or "he"/"she" and a speech verb closing the sentence
_BARE_ATTRIBUTION = re.compile(
    r"\s+(?:[Hh]e|[Ss]he|(?:[A-Z][\w.'’-]*\s+){0,3}[A-Z][\w'’-]+)\s+"
    r"(?:said|says|added|wrote|told\s+[^.,;:!?\"“”\n]{1,40})\."
)


def reported_speaker_before(body: str, found: Found, persons: Sequence[Mention]) -> tuple[int, int] | None:
    """ "Mr Justice Hogan said the Act gave wide powers.\nGiven its breadth, the Government is “more or less at
    large”.": a few quoted words in a paragraph that reports no one, after a paragraph of someone's reported
    speech, go on with that speech; where its speaker ("Mr Justice Hogan", "the judge") is named, if so. A
    paragraph naming a person outside its quotes is about that person instead."""
    line_start = body.rfind("\n", 0, found.open_at) + 1
    line_end = body.find("\n", found.close_at)
    line_end = len(body) if line_end < 0 else line_end
    own_words = QUOTED.sub("", body[line_start:line_end])
    quoted = quoted_ranges(body, line_start, line_end)
    if any(line_start <= m.start < line_end and not any(a <= m.start < b for a, b in quoted) for m in persons):
        return None  # the paragraph names someone of its own
    # a clause's worth of words: two or three ('accusing Malaysia of “delays and deception”') are the writer's label
    if line_start == 0 or SPEECH_VERB.search(own_words) or len(body[found.start : found.end].split()) < 5:
        return None
    previous = body[previous_paragraph_start(body, found.open_at) : line_start]
    if re.search(r"[\"“”]", previous):
        return None  # the paragraph before quoted its speaker's words in full: these are not more of them
    reports = list(_REPORTED.finditer(previous))
    if not reports:
        return None
    at = line_start - len(previous)
    return at + reports[-1].start("who"), at + reports[-1].end("who")


def reported_speaker_in_sentence_before(
    body: str, found: Found, sentence_at: int, persons: Sequence[Mention]
) -> tuple[int, int] | None:
    """ "The lakes may be huge, Collins says. If so, they could be “interesting, accessible bodies of water.”": a
    clause's worth of quoted words in a sentence reporting no one, right after a sentence of the same paragraph
    closing with its speaker, go on with that speaker's words."""
    own_words = QUOTED.sub("", body[sentence_at : found.open_at])
    if SPEECH_VERB.search(own_words) or len(body[found.start : found.end].split()) < 5:
        return None
    if any(sentence_at <= m.start < found.open_at for m in persons):
        return None  # the sentence names someone of its own
    line_start = body.rfind("\n", 0, sentence_at) + 1
    closing = _REPORTED_AT_END.search(body, line_start, sentence_at)
    if closing is None or re.search(r"[\"“”]", body[closing.end() : found.open_at]):
        return None
    group = "who" if closing.group("who") else "inverted"
    return closing.start(group), closing.end(group)
