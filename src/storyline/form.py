"""How a sentence reads out of its article: what selection and coverage both weigh before calling it a fact."""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

import numpy as np

from storyline.models import Sentence
from storyline.represent import lowered_words
from storyline.segment import OPENING_CONJUNCTIONS, asks_question, ends_sentence, opens_mid_quote

MIN_WORDS = 6
"""Shorter sentences are fragments (datelines, subheads) more often than facts."""
MAX_WORDS = 80
"""Longer sentences are taken for run-on lists rather than one fact."""
QUESTION_WEIGHT = 0.3
"""A question in a news story is a writer's device ('Do you have what it takes?', 'What will everyone be talking
about on Monday?'); out of its article it tells a reader nothing. Of the 21 questions the raw Multi-News 250
briefs picked at 300 words with 0.7, a reading found one or two a summary needs; 0.3 (applied to the learned
scorer's picks too, `question_weight`) leaves 3: raw R1/R2 47.27/18.31 → 47.23/18.25 (paired −0.04 ± 0.02 /
−0.06 ± 0.05), truncated first 1,000 −0.02 ± 0.01 / −0.02 ± 0.01, DUC 2003 task 2 unchanged (no question picked)."""


def within_length(n_words: np.ndarray) -> np.ndarray:
    """Whether each sentence's length is one `form_weight` accepts at all."""
    return (n_words >= MIN_WORDS) & (n_words <= MAX_WORDS)


def form_weight(sentences: Sequence[Sentence], *, n_words: np.ndarray | None = None) -> np.ndarray:
    """Down-weight what reads badly out of context: fragments, questions, lines without a full stop.

    Args:
        sentences: The sentences to weigh.
        n_words: Their `Sentence.n_words` when the caller has them (`Cluster.n_words`).
    """
    counts = n_words.tolist() if n_words is not None else [s.n_words for s in sentences]
    weights = np.ones(len(sentences))
    # Set by hand with the first pipeline (516c4c0), never measured one by one; their order is the reason: a sentence
    # opening inside a quotation misreads worst, one without a full stop is often a headline or a cut-off line, and
    # a question is still a whole sentence.
    for i, (sentence, count) in enumerate(zip(sentences, counts, strict=True)):
        if count < MIN_WORDS or count > MAX_WORDS:
            weights[i] = 0.0
        elif not ends_sentence(sentence.text):
            weights[i] = 0.5
        elif opens_mid_quote(sentence.text):
            weights[i] = 0.3
        elif asks_question(sentence.text):
            weights[i] = QUESTION_WEIGHT
    return weights


def question_weight(sentences: Sequence[Sentence]) -> np.ndarray:
    """`QUESTION_WEIGHT` for each question, 1.0 otherwise: what `form_weight` does to questions alone, for scores
    that weigh every other matter of form themselves."""
    return np.array([QUESTION_WEIGHT if asks_question(s.text) else 1.0 for s in sentences])


def can_open_summary(text: str) -> bool:
    """Whether a sentence can come first in a summary: a statement that needs nothing before it, not someone's words
    ('"What they don't want is …," an official said.'), the rest of a quotation, a question, or a sentence that
    `needs_context`."""
    return not (
        text.lstrip().startswith(_QUOTE_OPENERS) or opens_mid_quote(text) or asks_question(text) or needs_context(text)
    )


_SAYING = (
    "said|says|told|tells|added|adds|asked|asks|wrote|writes|explained|continued|recalled|noted|insisted|argued|"
    "warned|admitted|declared"
)
_PRONOUN_SAYING = rf"(?:he|she|they|we|I)\s+(?:{_SAYING})\b"
_PRONOUN_SAID_FIRST = re.compile(_PRONOUN_SAYING, re.IGNORECASE)
_PRONOUN_SAID = re.compile(rf"[,”\"]\s*{_PRONOUN_SAYING}", re.IGNORECASE)
"""A pronoun saying: '…," he said', or (`_PRONOUN_SAID_FIRST`, matched at the start) a sentence opening 'They noted
…'. Two patterns, not one with `(?:^|[,”"]\\s*)`: a search for a pattern led by a character set skips to those
characters, where the alternation with `^` is tried at every character."""
_SAID_PRONOUN = re.compile(r"[,”\"]\s*(?:said|says|added|asked|wrote)\s+(?:he|she|they)\b", re.IGNORECASE)
"""'…," said she'."""
_PRONOUN_OPENING = re.compile(r"(?:He|She|They)\s")
_SEQUENCE_ADVERBS = "Still|Then|Now|Instead|Later|Meanwhile|Eventually|Finally"
"""Words that open a sentence as a conjunction does, before a subject that goes on from the sentence before."""
_PRONOUN_SUBJECT = re.compile(
    rf"(?:(?:{OPENING_CONJUNCTIONS}|{_SEQUENCE_ADVERBS}),?\s++)?"
    r"(?:(?:[^\s,;:\"“”]++\s++){0,6}[^\s,;:\"“”]++,\s++)?(?P<pronoun>he|she|they)\s",
    re.IGNORECASE,
)
"""A personal pronoun subject of the main clause: 'He walked away', 'But he …', 'In Hanoi, he …'.

The runs of white space and of a word's other characters are possessive (`++`): what follows a run is never one
of its own characters, so giving some back could never let the rest match; not trying saves ~40% of the pattern's
time."""
_PRONOUN_FIRST = re.compile(
    rf"(?:(?:{OPENING_CONJUNCTIONS}|{_SEQUENCE_ADVERBS}),?\s++)?(?:he|she|they)\s", re.IGNORECASE
)
_PRONOUN_AFTER_COMMA = re.compile(r",\s++(?:he|she|they)\s", re.IGNORECASE)
"""Every match of `_PRONOUN_SUBJECT` is one of `_PRONOUN_FIRST` (no words before the pronoun) or holds one of
`_PRONOUN_AFTER_COMMA` (its words end in a comma): the two simpler patterns rule out most sentences for ~6,000
instructions, where the subject pattern's tries of up to seven words before a comma cost ~10,000 (callgrind, the
5,543 sentences of 300 truncated Multi-News clusters)."""
_VERB = (
    r"(?:is|was|are|were|has|have|had|will|would|can|could|may|might|must|should|does|did|do|isn['’]t|wasn['’]t|"
    r"aren['’]t|weren['’]t|hasn['’]t|haven['’]t|doesn['’]t|didn['’]t|don['’]t|won['’]t|include|show|suggest|mean|"
    r"seem|remain|say|think|believe)"
)
"""A verb that a bare quantity takes ('Half were …', 'Some say …'): an auxiliary or a handful of present-tense verbs
(not a past tense: 'Many dedicated people …' opens with an adjective)."""
_PLURAL_VERB = rf"(?:{_VERB}|[a-z]+ed)"
"""A verb that 'these' or 'those' takes after a noun: any of `_VERB`, or a past tense ('These changes constituted …';
'Those killed …' is a participle)."""
_SINGULAR_VERB = rf"(?:{_PLURAL_VERB}|[a-z]+[^sui\W]s)"
"""A verb that 'this' or 'that' takes: any of `_PLURAL_VERB`, or a word ending in -s but not in -ss, -us or -is
('This means …'; in 'This process takes …' the verb is the next word)."""
_NOT_NOUNS = (
    "the|a|an|who|whom|whose|which|that|of|in|on|at|for|with|from|by|to|and|or|as|"
    "week|weekend|year|month|time|morning|afternoon|evening|night|season|summer|spring|fall|autumn|winter|days"
)
"""Words after 'this'/'those' that make no subject standing for something before: an article ('That the state might
…' is a clause), a relative or preposition ('Those who ran …') or a time ('This week the folks at …')."""
_NOUN = rf"(?-i:(?!(?:{_NOT_NOUNS})\b)[a-z]++\s++)"
_ADVERB = r"(?:[a-z]+ly\s++)?"
_QUANTITIES = "half|both|most|some|many|others|several|few|all|neither|none|the rest|the others|the two|the three"
_REFERS_BACK = re.compile(
    rf"(?:(?:{OPENING_CONJUNCTIONS}|{_SEQUENCE_ADVERBS}),?\s++)?(?i:"
    rf"(?:this|that)\s++{_NOUN}{{0,2}}{_ADVERB}(?-i:{_SINGULAR_VERB})"
    rf"|(?:these|those)\s++(?:{_NOUN}{{1,2}}{_ADVERB}(?-i:{_PLURAL_VERB})|{_ADVERB}(?-i:{_VERB}))"
    rf"|that['’]s"
    rf"|(?:{_QUANTITIES})(?:\s++of\s++(?:them|these|those|us))?\s++{_ADVERB}(?-i:{_VERB})"
    rf")\b(?!,)"
)
"""A subject that stands for something said before: a demonstrative ('This means …', 'That ruling was …') or a
bare quantity ('Half were then fed …', 'The rest are …') before its verb."""
_FIRST_PERSON = re.compile(
    rf"(?:(?:{OPENING_CONJUNCTIONS}|{_SEQUENCE_ADVERBS}),?\s++)?"
    r"(?:i|we|i['’](?:m|ve|d|ll)|we['’](?:re|ve|d|ll)|my|our)\s",
    re.IGNORECASE,
)
"""A first-person subject opening a sentence ('We sincerely apologize to …', 'But I got …'): a statement printed
without quotation marks after the sentence that introduces it ('The firm said in a statement:'), or a writer's
aside; a brief citing an outlet cannot say who "we" are. Truncated Multi-News is lower-cased, hence 'i'."""
_SPEAKER_LABEL = re.compile(r"(?P<label>[A-Z][A-Z'’.-]++(?:\s++[A-Z][A-Z'’.-]++){0,2}):\s++(?![^a-z]*$)")
"""A transcript's speaker label ('LEE: But I got …', 'GEORGE STEPHANOPOULOS: …') before a sentence that is not
itself in capitals (a headline 'LUPICA: LEBRON'S HEAT …')."""
_SECTION_LABELS = re.compile(r"(?:UPDATE|AUDIO|VIDEO|NEWS|WATCH|READ|PHOTOS|CORRECTION|NOTE|ORIGINAL|EDITOR)\b")
"""Labels that head a page's section ('UPDATE: …', 'ORIGINAL STORY: …', 'EDITOR'S NOTE: …') rather than a speaker's
turn; the raw Multi-News validation sentences hold these."""
NAMED = re.compile(r"\b(?:Mr|Mrs|Ms|Dr)\.?\s+[A-Z]|[A-Z][a-z]+\s+(?:[A-Z]\.\s+)?[A-Z][a-z]+")
"""A person's name, roughly: an honorific and a name, or two capitalised words in a row ('Kim Jong Un')."""
_ATTRIBUTION_WORDS = frozenset([*_SAYING.split("|"), "stated"])
_ACCORDING_TO = re.compile(r"\baccording to\b", re.IGNORECASE)
_QUOTE_OPENERS = ('"', "“", "‘", "'")
CONTEXT_WEIGHT = 0.5
"""What `select.fill_budget` multiplies the score of a sentence that `needs_context` by while the sentence before
it in its article is not picked. A reader review of 30 raw Multi-News 150-word briefs (docs/quality.md) found the
gain-trained scorer's extra quotations crowding out facts, among them quotes whose speaker is a bare pronoun and
quotation pieces that name no speaker. Raw Multi-News 250 at 300 words: R1/R2 47.40/18.57 → 47.31/18.28 (paired
−0.09 ± 0.06 / −0.30 ± 0.10); the same penalty without the exemption for a picked predecessor cost −0.33 R1. Adding
a bare personal-pronoun subject ('But in Hanoi, he walked away …'): 47.31/18.28 → 47.27/18.31 (paired −0.04 ± 0.04 /
+0.03 ± 0.06), 23 of 250 150-word briefs changed, preferred blind 9 to 5 (6 ties). Adding `refers_back`'s
demonstrative and quantity subjects and transcript labels: raw even/odd halves +0.06 ± 0.04 / −0.01 ± 0.02 R1,
truncated first 1,000 0.00 ± 0.01, DUC 2003 task 2 unchanged; 16 of 250 150-word briefs changed, preferred blind
11 to 4 (1 tie). Adding a first-person subject: raw +0.04 ± 0.04 R1 (even −0.03, odd +0.11), truncated first 1,000
−0.02 ± 0.02, DUC 2003 task 2 unchanged; 18 of 250 150-word briefs changed, preferred by an independent blind reader
12 to 5 (1 tie)."""


QUOTATION_WORDS = 75
"""`select.fill_budget` lets one quotation in per this many words of budget (at least one) at its full score; beyond
that each further quotation no other article reports counts its score times QUOTATION_WEIGHT. The seeds' 150-word
brief was five quotations of six sentences; of the 250 raw Multi-News 150-word briefs, 16 were over half quotations
(5 with the allowance). With the allowance 19 of those 250 briefs change, and two blind readings preferred them 12
to 7 each; ROUGE moves within noise (paired, ± one standard error: raw 300 words R1/R2 +0.02 ± 0.03 / −0.03 ±
0.04, raw 150 words +0.04 ± 0.05 / −0.06 ± 0.07, first 1,000 truncated −0.01 ± 0.02 / −0.00 ± 0.02, DUC 2003 task 2
unchanged). One per 100 words cost
raw 150-word R2 −0.56; a flat 0.7 on every quotation cost raw 300-word R1/R2 −0.49 / −0.96 (docs/quality.md)."""
QUOTATION_WEIGHT = 0.5
"""See QUOTATION_WORDS."""
_QUOTED_RUN = re.compile(r"""(?:"|“|``)(.+?)(?:"|”|''|$)""")


def is_quotation(text: str) -> bool:
    """Whether at least half of a sentence's words stand inside quotation marks: someone's words rather than the
    writer's account ('"The Chinese saw him walk away …," the official said.')."""
    runs = quoted_runs(text)
    return bool(runs) and 2 * sum(len(run.split()) for run in runs) >= len(text.split())


def quoted_runs(text: str) -> list[str]:
    """The passages a sentence sets inside quotation marks, in order; none when it quotes nothing."""
    if '"' not in text and "“" not in text and "``" not in text:
        return []
    return _QUOTED_RUN.findall(text)


@lru_cache(maxsize=256)
def needs_context(text: str) -> bool:
    """Whether a sentence quotes or reports someone it does not name: a bare-pronoun speaker ('"…," he said.',
    'She says the bill …'), a quotation or piece of one with no attribution at all ('"We depend on science.'), or a
    he/she/they subject opening the sentence or its main clause ('But in Hanoi, he …') when the sentence names no one
    ('It' is left alone: it is as often the weather or a clause as a thing named before), or a sentence that
    `refers_back` ('This means …', 'Half were then fed …', 'LEE: But I got …').

    Cached: `select.fill_budget` asks it of the candidates that come up, and `can_open_summary` asks again of the
    picks when the summary's opening is chosen right after (of 301 such questions over 300 truncated Multi-News
    clusters, 299 repeated one of the fill's, ~27,000 instructions each).
    """
    if subject_pronoun(text) is not None:
        return True
    stripped = text.lstrip()
    if refers_back(stripped):
        return True
    quoted = '"' in text or "“" in text or "”" in text
    if not quoted and not _PRONOUN_OPENING.match(stripped):
        return False
    # both pronoun patterns need one of the attribution words, so one look-up settles most sentences
    if not _attributed(text):
        return quoted and (stripped.startswith(_QUOTE_OPENERS) or opens_mid_quote(text))
    return bool(
        _PRONOUN_SAID_FIRST.match(text) or _PRONOUN_SAID.search(text) or (quoted and _SAID_PRONOUN.search(text))
    )


def subject_pronoun(text: str) -> tuple[int, int] | None:
    """Where in `text` the he/she/they subject `needs_context` finds stands ('But in Hanoi, he …' → the span of
    'he'), or None: no such subject, or the sentence names someone ('Kim Jong Un') the pronoun may mean."""
    stripped = text.lstrip()
    if not (_PRONOUN_FIRST.match(stripped) or _PRONOUN_AFTER_COMMA.search(stripped)):
        return None
    subject = _PRONOUN_SUBJECT.match(stripped)
    if subject is None or NAMED.search(stripped[1:]):
        return None
    offset = len(text) - len(stripped)
    return offset + subject.start("pronoun"), offset + subject.end("pronoun")


def _attributed(text: str) -> bool:
    """Whether the text holds a word of `_ATTRIBUTION_WORDS` or "according to": a set look-up over its words, since
    a regular expression alternating twenty words costs ~16 µs a sentence and selection asks this of every
    candidate that comes up. The words come from `lowered_words`, whose bytes translation of ASCII text costs about
    half what a regular expression's scan for words does."""
    if not _ATTRIBUTION_WORDS.isdisjoint(lowered_words(text)):
        return True
    return "according to" in text.lower() and _ACCORDING_TO.search(text) is not None


def refers_back(text: str) -> bool:
    """Whether a sentence stands on the one before it: its subject a demonstrative ('This means …', 'That ruling
    was …'), a bare quantity ('Half were then fed …') or a first person ('We sincerely apologize …': the statement
    the sentence before introduces), or it opens with a transcript's speaker label ('LEE: But I got together …'), a
    turn that answers the one before."""
    if _REFERS_BACK.match(text) or _FIRST_PERSON.match(text):
        return True
    label = _SPEAKER_LABEL.match(text)
    return label is not None and not _SECTION_LABELS.match(label["label"])
