"""A quote's speaker read from spaCy's dependency parse: the subject of the speech verb that governs the quote
('Lowe declined to comment but said it “…”', 'One of them approached her, patted her arm and said, “…”', 'The pope
stressed his ordeal, saying his last years “were …”'), or else the named subject of a verb of naming or stance whose
object the quote is ('the scene that Lars Berg likened to a “furnace”', 'Tom Reed condemned the “barbaric” attack':
characterising.py reads similar verbs off the surface where their pattern is plain).

The rules of quotes.py read attributions off the surface; this reads them off the parse of the sentence(s) around
a quote, and quotes.py asks it only for the quotes the rules leave without a speaker. On the read splits of
tests/data/analysis_labels.json the rules and the parse agree on nearly every quote both attribute; used where the
rules abstain it names 6 more labelled speakers right and 4 wrong in 2,688 quotes, and 9 more right on the blind
splits at the same precision (docs/speakers.md); the stance verbs and participle clauses of the twenty-fourth
session name 2 more read ones right and none wrong, and 24 of the 25 unlabelled quotes they change right. Only
those quotes' sentences are parsed, in one `nlp.pipe` batch per article, with the parser of the pipeline
entities.py loads (`entities.nlp`; `--no-analysis` never loads spaCy).
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from storyline.analyze.before_quote import ArticleText
from storyline.analyze.entities import PIPE_BATCH, nlp
from storyline.analyze.quote_marks import Found
from storyline.analyze.referents import Speaker
from storyline.analyze.speech_verbs import PARTICIPLES, VERBS
from storyline.segment import sentence_end, sentence_start

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

_SPEECH_VERB = re.compile(rf"(?i:{VERBS}|according)")
# a region longer than this is cut: the parse of a long quotation's middle names no speaker
_MAX_REGION = 1500
# the active subject only: "he was described as “…”", "Cosby was asked, “…”" name the one spoken of or to
_SUBJECTS = ("nsubj",)
_HEARD = frozenset(("saying", "say", "telling", "tell"))
_DETERMINERS = frozenset(("the", "a", "an", "his", "her", "their", "its"))
# the branches of a subject's phrase that are no part of the words naming it
_CUT = frozenset(("relcl", "acl", "appos", "punct", "cc", "conj", "advcl", "parataxis"))


def _verb_forms(verbs: str) -> frozenset[str]:
    """Each verb's base, third-person, past and -ing forms ("describe describes described describing")."""
    forms = set()
    for verb in verbs.split():
        stem = verb.removesuffix("e")
        forms |= {verb, f"{verb}s", f"{stem}ed", f"{stem}ing"}
    return frozenset(forms)


# Verbs of naming, characterising, judging and committing: their object or complement in quotation marks is the
# subject's own words though no verb of speech says so ("Lowe called the plan “a disaster”", "described it as
# “…”", "condemned the “barbaric” attack", "warned of “…”"). Not the verbs whose object is often someone else's
# words held up ("rejected the “racist” label", "mocked his “very stable genius” claim", "invoked Reagan's “…”").
# Chosen from linguistics, not from errors; where the rules abstain they named 1 more read speaker right and none
# wrong, and changed 7 of the 3,590 quotes of the unlabelled clusters, all right (docs/speakers.md, 24th session).
_STANCE = _verb_forms(
    "call name term brand nickname describe characterize characterise portray depict liken compare deem pronounce "
    "hail praise laud applaud commend welcome tout condemn denounce blast lambaste assail rebuke criticize "
    "criticise cite warn vow promise pledge urge demand appeal accuse blame"
) | frozenset(
    "dub dubs dubbed dubbing label labels labeled labelled labeling labelling slam slams slammed slamming "
    "decry decries decried decrying".split()
)
# The prepositions that take a stance verb's quoted complement: "described it as “…”", "likened it to “…”",
# "warned of “…”", "appealed for “…”"
_STANCE_PREPOSITIONS = frozenset(("as", "to", "of", "for"))
# how the quoted words hang from the verb (or its preposition): object, object predicate, clause, or a preposition
# the quote opens with ("welcomed “in principle” the …")
_STANCE_OBJECTS = frozenset(("dobj", "oprd", "ccomp", "xcomp", "prep", "pobj", "pcomp"))
# a quoted word inside a noun phrase the verb governs ("the “barbaric” attack")
_MODIFIERS = frozenset(("amod", "compound", "nmod"))
_PERSONAL_PRONOUNS = frozenset(("he", "she", "it", "they"))


@dataclass(frozen=True, slots=True)
class _Region:
    start: int
    doc: Doc


def _region(body: str, found: Found) -> tuple[int, int]:
    """The sentence the quote opens in through the one it closes in, and the next one when the quote closes its
    sentence ('“….” Lowe said.' may parse as one sentence), within the paragraph."""
    start = sentence_start(body, found.open_at)
    line_end = body.find("\n", found.close_at)
    line_end = len(body) if line_end < 0 else line_end
    end = min(line_end, sentence_end(body, min(found.close_at, len(body) - 1)))
    if end <= found.close_at + 3 and end < line_end:  # the quote closes its sentence: take the next one too
        end = min(line_end, sentence_end(body, end))
    return start, max(end, found.close_at)


def parse_quotes(body: str, founds: Sequence[Found]) -> list[_Region | None]:
    """The parse of each quote's region, in one `nlp().pipe` (`PIPE_BATCH` regions at a time: with spaCy's 1,000,
    the 1,700 quotes of a 968,057-character page peaked at 860 MB against 240 MB); None for a region over
    `_MAX_REGION` characters."""
    spans = [_region(body, f) for f in founds]
    wanted = sorted({s for s in spans if s[1] - s[0] <= _MAX_REGION})
    texts = (body[s:e] for s, e in wanted)
    docs = dict(zip(wanted, nlp().pipe(texts, disable=["ner"], batch_size=PIPE_BATCH), strict=True))
    return [_Region(s[0], docs[s]) if s in docs else None for s in spans]


def _is_speech(token: Token) -> bool:
    return bool(_SPEECH_VERB.fullmatch(token.text)) or _opens_participle_clause(token)


def _opens_participle_clause(token: Token) -> bool:
    """', saying …', ', telling her, “…”': a speech participle opening an adverbial clause of the sentence's main
    verb after a comma, whose speaker is that verb's subject ("The pope stressed his ordeal, saying his last years
    “were …”"). Without the comma the participle's subject is the object before it ("recalled his father telling
    him, “…”"); hung from a verb of a clause inside the sentence, it was the parser's guess more often than not
    ("McCain believes Lieberman would make a good secretary, calling him “…”")."""
    comma = token.i > 0 and token.doc[token.i - 1].text == ","
    main_verb = token.head.dep_ == "ROOT"
    return comma and main_verb and token.text.lower() in PARTICIPLES and token.dep_ == "advcl"


def parsed_speaker(text: ArticleText, found: Found, region: _Region | None) -> Speaker | None:
    """The speaker the parse names for the quote: the subject of the speech verb governing it, or else the named
    subject of a verb of naming or stance whose object the quote is."""
    if region is None:
        return None
    verb = _governing_verb(found, region)
    if verb is not None:
        span = _subject_span(verb, found, region, text)
        return text.speaker(*span, found) if span is not None else None
    return _stance_speaker(text, found, region)


def _inside(token: Token, found: Found, offset: int) -> bool:
    return found.open_at <= offset + token.idx < found.close_at


def _quote_heads(found: Found, region: _Region) -> Iterator[Token]:
    """The words of the quote whose head is outside it, in order: not its marks or punctuation (the closing mark
    hangs from whatever verb is near)."""
    offset = region.start
    for token in region.doc:
        inside = found.start <= offset + token.idx < found.end and token.dep_ != "punct"
        if inside and token.head.i != token.i and not _inside(token.head, found, offset):
            yield token


def _governing_verb(found: Found, region: _Region) -> Token | None:
    """A speech verb outside the quote whose clause holds it: the first ancestor outside the quote of a quoted word
    whose head is outside it, climbing through the verbs of a chain ('approached her and said, “…”'), in that
    word's sentence.

    Three more ways to a speech verb (one hanging from the quote, a short sentence right after it, one before it
    ending in a colon) named no speaker the rules had missed on the read splits, and one wrong, so they are gone."""
    offset = region.start
    for token in _quote_heads(found, region):
        head = token.head
        while not _is_speech(head) and head.dep_ in ("xcomp", "conj", "aux") and head.head.i != head.i:
            head = head.head
        if _is_speech(head) and head.sent == token.sent:
            # '“…,” she recalls him saying': the one she heard said it, not she
            heard = (c for c in head.children if c.dep_ in ("ccomp", "xcomp") and c.text.lower() in _HEARD)
            return next((c for c in heard if not _inside(c, found, offset)), head)
    return None


def _stance_verb(found: Found, region: _Region) -> Token | None:
    """The verb of naming or stance the quote is the object of: directly, through a preposition ("as", "to",
    "of", "for"), or as a modifier in the noun phrase that is the object."""
    token = next(_quote_heads(found, region), None)
    if token is None:
        return None
    if token.dep_ in _MODIFIERS and token.head.dep_ in ("dobj", "oprd", "pobj"):
        token = token.head  # "the “barbaric” attack"
    if token.dep_ in ("pobj", "pcomp") and token.head.text.lower() in _STANCE_PREPOSITIONS:
        token = token.head
    verb = token.head
    if token.dep_ in _STANCE_OBJECTS and verb.text.lower() in _STANCE and verb.i != token.i:
        return verb
    return None


def _stance_speaker(text: ArticleText, found: Found, region: _Region) -> Speaker | None:
    """The named person or organisation that is the active subject of the quote's stance verb (or of the verb it
    is chained to: "Lowe stood up and called it “…”")."""
    verb = _stance_verb(found, region)
    if verb is None:
        return None
    subject = next((c for c in verb.children if c.dep_ in _SUBJECTS), None)
    if subject is None and verb.dep_ in ("conj", "xcomp"):
        subject = next((c for c in verb.head.children if c.dep_ in _SUBJECTS), None)
    if subject is None or _inside(subject, found, region.start):
        return None
    span = _phrase_span(subject, found, region, text)
    if span is None or not _names_someone(text, *span):
        return None
    speaker = text.speaker(*span, found)
    return speaker if speaker is not None and speaker.kind == "named" else None


def _names_someone(text: ArticleText, start: int, end: int) -> bool:
    """Whether the subject is a name NER found or a personal pronoun for one. A description, "who" or "that" is
    left out: resolved, they gave the two wrong speakers of the read splits ("George Stephanopoulos of ABC News,
    who cited “…”" gave ABC News) and none of the right ones (docs/speakers.md, twenty-fourth session)."""
    if text.body[start:end].lower() in _PERSONAL_PRONOUNS:
        return True
    return any(m.start < end and start < m.end for m in text.people)


def _subject_span(verb: Token, found: Found, region: _Region, text: ArticleText) -> tuple[int, int] | None:
    """The character span of the verb's subject phrase (its head's, for 'and said'), or of 'according to'’s
    object; None when it is inside the quote."""
    offset = region.start
    if verb.text.lower() == "according":
        to = next((c for c in verb.children if c.dep_ == "prep" and c.text.lower() == "to"), None)
        subject = next((c for c in to.children if c.dep_ == "pobj"), None) if to is not None else None
    else:
        subject = next((c for c in verb.children if c.dep_ in _SUBJECTS), None)
        # "recalls him saying", "recalled his father telling him": the one heard; not the object of the clause a
        # participle clause hangs from ("held her arm, telling her")
        hears = verb.text.endswith("ing") and not _opens_participle_clause(verb)
        heard = next((c for c in verb.head.children if c.dep_ == "dobj"), None) if hears else None
        if subject is None and heard is not None and heard.i < verb.i and verb.dep_ in ("ccomp", "xcomp", "advcl"):
            subject = heard  # "she recalls him saying “…”", "quoted him as saying": the one heard speaks
        elif subject is None and verb.dep_ in ("conj", "xcomp", "advcl"):
            subject = next((c for c in verb.head.children if c.dep_ in _SUBJECTS), None)
    if subject is None or _inside(subject, found, offset) or subject.text.lower() in ("that", "which", "what"):
        return None
    return _phrase_span(subject, found, region, text)


def _phrase_span(subject: Token, found: Found, region: _Region, text: ArticleText) -> tuple[int, int] | None:
    """The character span of the subject's phrase, or the name in apposition to a description ("his spokesman,
    Adam Jentleson"); None when it overlaps the quote."""
    offset = region.start
    appos = next((c for c in subject.children if c.dep_ == "appos"), None)
    described = subject.text[:1].islower() or subject.left_edge.text.lower() in _DETERMINERS
    if appos is not None and described:
        at = offset + appos.left_edge.idx
        if any(m.label == "PERSON" and m.start <= at < m.end for m in text.people):
            subject = appos  # "his spokesman, Adam Jentleson": the name in apposition
    tokens = [subject, *_phrase(subject)]
    start = min(t.idx for t in tokens)
    end = max(t.idx + len(t.text) for t in tokens)
    if offset + start < found.close_at and offset + end > found.open_at:
        return None
    return offset + start, offset + end


def _phrase(token: Token) -> list[Token]:
    """The tokens of the noun phrase under `token`: its modifiers and compounds, not a relative clause, an
    apposition, or what a comma sets apart."""
    words = []
    for child in token.children:
        if child.dep_ in _CUT:
            continue
        words.append(child)
        words.extend(_phrase(child))
    return words
