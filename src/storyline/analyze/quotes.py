"""Direct quotations and their speakers, found by the attribution patterns of news writing.

Quotation marks are paired per paragraph (straight and curly; a quote left open at a paragraph's end runs to
it, as multi-paragraph quotes do). A speaker comes from the same sentence (`"…," Trump said`, `said Trump`,
`Trump told reporters: "…"`), from the previous quote of the paragraph (`"…," he said. "…"`), or from an
embedded tweet's signature. Names map to the canonical entity; "he"/"she" to the most recent named speaker
or sentence subject; "the official" to the description ("a senior administration official") used earlier.
An unnamed source stays described, never invented.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from storyline.analyze.entities import TITLES, EntityAnalysis, Mention, name_key
from storyline.models import Article, Quote, Span
from storyline.segment import sentence_spans

_VERBS = (
    r"said|says|say|added|adds|told|tells|tweeted|tweets|wrote|writes|asked|asks|explained|explains|continued|"
    r"replied|noted|notes|declared|insisted|insists|stated|states|argued|argues|warned|warns|recalled|"
    r"recalls|acknowledged|admitted|added|announced|claimed|claims|conceded|confirmed|joked|quipped|"
    r"remarked|responded|suggested|urged|wondered|shouted|shouts|yelled|yells|screamed|"
    r"cautioned|observed|predicted|teased"
)
_WORD = r"[\w.'’&-]+"
# `"…," Trump said` / `"…," a senior administration official told CNBC`: up to 8 words, then a speech verb.
_AFTER_WHO_VERB = re.compile(
    rf"\s*[,—–-]?\s*(?P<who>{_WORD}(?:\s+{_WORD}){{0,7}}?)(?:,\s+[^,\"“”\n]{{1,80}},)?\s+(?:\w+ly\s+)?(?:{_VERBS}|read|reads)\b"
)
# `"…," said Trump` / `"…," according to a statement`.
_AFTER_VERB_WHO = re.compile(
    rf"\s*[,—–-]?\s*(?:{_VERBS}|according\s+to)\s+(?P<who>{_WORD}(?:\s+{_WORD}){{0,6}}?)"
    r"(?=\s*[,.;:!?(]|(?<=[a-z]{3}\.)\s|\s+(?:in|on|at|to|during|after|before|who|when|while|of|from|with)\b|\s*$)"
)
_PARTICIPLES = frozenset("saying adding telling writing noting claiming tweeting calling stating".split())
# `Trump said: "…"`, `Trump told reporters "…"`, `he wrote on Twitter that "…"`: the verb nearest the quote.
_BEFORE = re.compile(rf"(?:^|\b)(?:{_VERBS}|{'|'.join(_PARTICIPLES)})\b")
_ACCORDING = re.compile(rf"according to (?P<who>{_WORD}(?:\s+{_WORD}){{0,6}}?),\s*$", re.IGNORECASE)
_CLAUSE_START = re.compile(r"(?:^|[,;:(\"“”]|\b(?:and|but|as|while|when|after|because|so|then|which|that)\b)\s*", re.I)
_DESCRIBERS = frozenset("a an the one two three some another several many other his her their its this that".split())
_PRONOUNS = {"he": "m", "him": "m", "she": "f", "her": "f"}
_VAGUE = frozenset("they we i you it".split())  # a group or the writer: nobody to name
_FEMALE_TITLES = re.compile(r"\b(?:Mrs|Ms|Miss|Madam)\.?\s+$")
_MALE_TITLES = re.compile(r"\b(?:Mr|Sir)\.?\s+$")
# Embedded social posts: `text — Name (@handle) June 20, 2017` and `text A post shared by Name (@handle) on …`.
_TWEET = re.compile(
    r"^(?P<text>\S.*?)\s+(?:—|A post shared by)\s+(?P<who>[^\n()]{1,60}?)\s+\(@\w+\)(?:\s+on)?\s+"
    r"[A-Z][a-z]{2,8}\.?\s+\d{1,2},\s+\d{4}",
    re.MULTILINE,
)
_OPENING = '"“'
_CLOSING = '"”'


@dataclass(frozen=True, slots=True)
class _Found:
    start: int  # inner text, quotation marks excluded
    end: int
    open_at: int  # the opening mark (or the tweet text start)
    close_at: int  # just after the closing mark (or the line end)
    tweet_by: tuple[int, int] | None = None


@dataclass
class _Speaker:
    name: str | None
    kind: str
    start: int
    end: int


@dataclass
class _Context:
    """What earlier attributions in the article tell later ones."""

    named: list[tuple[int, str, str]] = field(default_factory=list)  # (position, name, gender "m"/"f"/"")
    # (position, head noun, speaker, kind): "a senior administration official", or "Judge" before "Lou Olivera"
    described: list[tuple[int, str, str, str]] = field(default_factory=list)
    canonical: dict[str, str] = field(default_factory=dict)  # name key -> canonical entity name


def find_quotes(article: Article, entities: EntityAnalysis) -> list[Quote]:
    """The direct quotations in `article.body` with their speakers and kinds.

    Args:
        article: A cleaned article; spans point into its `body`.
        entities: The cluster's entity analysis: mentions with canonical names.

    Returns:
        Quotes in reading order; `body[q.span.start:q.span.end] == q.text` and likewise for `speaker_span`.
    """
    body = article.body
    people = sorted((m for m in entities.mentions if m.article_id == article.id), key=lambda m: m.start)
    context = _Context(named=_subjects(body, people), described=_titles(body, people), canonical=entities.canonical)
    quotes: list[Quote] = []
    previous: tuple[_Found, _Speaker | None] | None = None
    for found in _quote_spans(body):
        speaker = _attribute(body, found, people, context)
        continues = previous is not None and _continues(body, previous[0], found)
        if speaker is None and previous is not None and (continues or _same_paragraph_next(body, previous[0], found)):
            speaker = previous[1]
        kind = "full" if continues or found.tweet_by or _is_statement(body, found) else "partial"
        quotes.append(_quote(article.id, body, found, speaker, kind))
        previous = (found, speaker)
    return quotes


def _quote(article_id: str, body: str, found: _Found, speaker: _Speaker | None, kind: str) -> Quote:
    return Quote(
        text=body[found.start : found.end],
        speaker=speaker.name if speaker else None,
        speaker_kind=speaker.kind if speaker else "unknown",  # type: ignore[arg-type]
        kind=kind,  # type: ignore[arg-type]
        span=Span(article=article_id, start=found.start, end=found.end),
        speaker_span=Span(article=article_id, start=speaker.start, end=speaker.end) if speaker else None,
    )


def _quote_spans(body: str) -> list[_Found]:
    found: list[_Found] = []
    offset = 0
    for line in body.split("\n"):
        tweet = _TWEET.match(line)
        if tweet:
            by = (offset + tweet.start("who"), offset + tweet.end("who"))
            found.append(_Found(offset, offset + tweet.end("text"), offset, offset + tweet.end("text"), by))
        opened: int | None = None
        # AP wire text writes a quotation mark as two apostrophes (''Walk the Line,"); read them as one.
        line = line.replace("''", '" ')
        for i, char in enumerate(line):
            if opened is None and char in _OPENING:
                opened = i
            elif opened is not None and char in _CLOSING:
                found += _trimmed(line, opened, i, offset, i + 1)
                opened = None
        if opened is not None:  # a quote continued in the next paragraph: it runs to this one's end
            found += _trimmed(line, opened, len(line), offset, len(line))
        offset += len(line) + 1
    return sorted(found, key=lambda f: f.start)


def _trimmed(line: str, opened: int, closed: int, offset: int, after: int) -> list[_Found]:
    inner = line[opened + 1 : closed]
    text = inner.strip()
    if not re.search(r"[^\W\d_]", text):
        return []
    start = opened + 1 + len(inner) - len(inner.lstrip())
    return [_Found(offset + start, offset + start + len(text), offset + opened, offset + after)]


def _is_statement(body: str, found: _Found) -> bool:
    """A quoted sentence ('“I have confidence…,” Trump said'), not a few words inside the writer's own."""
    text = body[found.start : found.end].lstrip(".…- ").rstrip("'’\"")
    before = body[max(0, found.open_at - 12) : found.open_at].rstrip()
    if before.endswith(":") and len(text.split()) >= 2:  # 'Elder shouted: "Everybody get down!"'
        return True
    if len(text.split()) < 4 or not text[:1].isupper():
        return False
    ends_sentence = bool(re.search(r"[.!?,…—-]$", text)) or body[found.close_at : found.close_at + 1] in ",.?!"
    return ends_sentence or before == "" or before.endswith((":", ",", "\n", "that"))


def _attribute(body: str, found: _Found, people: Sequence[Mention], context: _Context) -> _Speaker | None:
    if found.tweet_by:
        start, end = found.tweet_by
        return _resolve(body, start, end, found, people, context)
    line_end = body.find("\n", found.close_at)
    after = body[found.close_at : line_end if line_end >= 0 else len(body)]
    # Only a quote that ends its clause is attributed forwards: not '"restrictions" on what can be said'.
    closes = re.search(r"[,.!?…—-]['’]?$", body[found.start : found.end]) or after.lstrip()[:1] in (",", "—")
    for pattern in (_AFTER_VERB_WHO, _AFTER_WHO_VERB) if closes else ():
        match = pattern.match(after)
        if match and not re.search(r"[\"“”]", match.group()):
            start = found.close_at + match.start("who")
            return _resolve(body, start, found.close_at + match.end("who"), found, people, context)
    return _attribute_before(body, found, people, context)


def _attribute_before(body: str, found: _Found, people: Sequence[Mention], context: _Context) -> _Speaker | None:
    line_start = body.rfind("\n", 0, found.open_at) + 1
    # +1: the opening mark itself is what shows that a new sentence starts right before it.
    boundaries = re.finditer(r"[.!?][\"”’]?\s+(?=[A-Z\"“])", body[line_start : found.open_at + 1])
    sentence_start = line_start + max([0, *(m.end() for m in boundaries)])
    before = body[sentence_start : found.open_at]
    according = _ACCORDING.search(before)
    if according:
        start = sentence_start + according.start("who")
        return _resolve(body, start, sentence_start + according.end("who"), found, people, context)
    verbs = [m for m in _BEFORE.finditer(before) if not re.search(r"[\"“”]", before[m.end() :])]
    if not verbs:
        return None
    verb = verbs[-1]
    inverted = re.match(rf"\s+(?P<who>[A-Z]{_WORD}(?:\s+{_WORD}){{0,4}}?),?\s*$", before[verb.end() :])
    if inverted:  # 'And, said Malkan, "…"'
        start = sentence_start + verb.end() + inverted.start("who")
        return _resolve(body, start, sentence_start + verb.end() + inverted.end("who"), found, people, context)
    if verb.group().lower() in _PARTICIPLES:  # "Trump …, saying that '…'": the sentence's subject speaks
        in_sentence = [m for m in people if sentence_start <= m.start < sentence_start + verb.start()]
        subject = next((m for m in in_sentence if m.label == "PERSON"), None)
        if subject is not None:
            return _resolve(body, subject.start, subject.end, found, people, context)
        pronoun = re.search(r"\b(?:he|she|He|She)\b", before[: verb.start()])
        if pronoun is None:
            return None
        return _resolve(body, sentence_start + pronoun.start(), sentence_start + pronoun.end(), found, people, context)
    who_start, who_end = _subject_before(before, verb.start())
    if who_start is None:
        return None
    return _resolve(body, sentence_start + who_start, sentence_start + who_end, found, people, context)


def _subject_before(before: str, verb_at: int) -> tuple[int | None, int]:
    """The words before a speech verb back to a clause boundary, skipping an appositive: 'Elder, a former
    officer, shouted' → 'Elder'; 'Brandy Wright, said' → 'Brandy Wright'."""
    head = before[:verb_at]
    appositive = re.search(r",\s+(?:a|an|the|who)\b[^,\"“”]{0,100},\s*$", head, re.IGNORECASE)
    end = appositive.start() if appositive else len(head.rstrip().rstrip(","))
    clauses = list(_CLAUSE_START.finditer(before, 0, end))
    start = clauses[-1].end() if clauses else 0
    who = before[start:end]
    if not who.strip() or len(who.split()) > 8:
        return None, 0
    return start + len(who) - len(who.lstrip()), end - (len(who) - len(who.rstrip()))


_TRAILING = frozenset(
    "has had have was is were are also later then previously once again earlier recently reportedly "
    "simply just further would will could".split()
)
_PREPOSITIONS = frozenset("of for on at in with from to about".split())


def _resolve(
    body: str, start: int, end: int, found: _Found, people: Sequence[Mention], context: _Context
) -> _Speaker | None:
    """Turn the words naming a speaker into a canonical name, a description, or None."""
    words = list(re.finditer(r"\S+", body[start:end]))
    while words and words[0].group().lower() in ("and", "but", "so"):
        words.pop(0)
    while words and (words[-1].group().lower() in _TRAILING or words[-1].group().endswith("ly")):
        words.pop()
    if not words or re.search(r"[a-z]{2,}[.!?]\s", body[start:end]):
        return None
    start, end = start + words[0].start(), start + words[-1].end()
    end -= len(body[start:end]) - len(body[start:end].rstrip(",;:"))
    if re.search(r"[a-z]{2}\.$", body[start:end]):  # "said Joshua Thomas." ends the sentence
        end -= 1
    who = body[start:end]
    first = re.sub(r"['’]\w+$", "", who.split()[0].lower())  # "He's"
    if first in _PRONOUNS:
        return _pronoun(first, start, end, found, context)
    if first == "who":  # "Colbert said to Urgant, who replied": the person just named
        named_before = [m for m in people if 0 <= start - m.end <= 3]
        return _Speaker(named_before[-1].name, "named", start, end) if named_before else None
    if first in _VAGUE:
        return None
    inside = [m for m in people if start <= m.start and m.end <= end]
    bare = start + len(who) - len(re.sub(r"^(?:the|The)\s+", "", who))  # "the Rockies" names the Rockies
    named = [m for m in inside if m.label == "PERSON"] or [m for m in inside if (m.start, m.end) == (bare, end)]
    if named and (first not in _DESCRIBERS or named[-1].end >= end - 1):
        context.named.append((start, named[-1].name, ""))
        return _Speaker(named[-1].name, "named", start, end)
    # A name NER missed: "Target spokesman Joshua Thomas", "Kathy Fairbanks with the No on 37 campaign".
    trailing_name = re.search(r"(?:[A-Z][\w.'’-]+\s+)+[A-Z][\w'’-]+$", who)
    leading_name = re.match(r"(?:[A-Z][\w.'’-]+\s+)+[A-Z][\w'’-]+(?=\s+[a-z]|$)", who)
    if trailing_name and who[: trailing_name.start()].split()[-1:] == ["of"]:
        trailing_name = None
    found_name = trailing_name or (leading_name if first not in _DESCRIBERS else None)
    if found_name:
        name = context.canonical.get(name_key(found_name.group()), found_name.group())
        context.named.append((start, name, ""))
        return _Speaker(name, "named", start, end)
    if first in _DESCRIBERS or who[:1].islower():
        return _describe(who, start, end, found, context)
    if all(w[:1].isupper() for w in who.split()) and len(who.split()) <= 5:
        name = context.canonical.get(name_key(who), who)  # NER missed it here: match a name found elsewhere
        context.named.append((start, name, ""))
        return _Speaker(name, "named", start, end)
    return None


def _pronoun(pronoun: str, start: int, end: int, found: _Found, context: _Context) -> _Speaker | None:
    """'he' → the most recent named speaker or sentence subject not known to be a woman (and vice versa)."""
    gender = _PRONOUNS[pronoun]
    known = {name: g for _, name, g in context.named if g}
    candidates = [
        (pos, name) for pos, name, _ in context.named if pos < found.open_at and known.get(name, gender) == gender
    ]
    if not candidates:
        return None
    name = max(candidates)[1]
    context.named.append((start, name, gender))
    return _Speaker(name, "named", start, end)


def _describe(who: str, start: int, end: int, found: _Found, context: _Context) -> _Speaker:
    """'the official' → the earlier 'a senior administration official', 'the judge' → 'Judge Lou Olivera'."""
    words = who.split()
    cut = next((i for i, w in enumerate(words) if i > 0 and w.lower() in _PREPOSITIONS), len(words))
    head = re.sub(r"['’]s?$", "", words[cut - 1].lower())
    earlier = [d for d in context.described if d[1] == head and d[0] < found.open_at]
    if words[0].lower() in ("the", "this", "that") and earlier:
        _, _, speaker, kind = max(earlier)
        return _Speaker(speaker, kind, start, end)
    context.described.append((start, head, who, "described"))
    return _Speaker(who, "described", start, end)


def _titles(body: str, people: Sequence[Mention]) -> list[tuple[int, str, str, str]]:
    """'Judge' in 'District Court Judge Lou Olivera': what a later 'the judge' refers to."""
    titles: list[tuple[int, str, str, str]] = []
    for m in people:
        word = re.search(r"([A-Za-z]+)\.?\s+$", body[max(0, m.start - 30) : m.start])
        if m.label == "PERSON" and word and word.group(1).lower() in TITLES:
            titles.append((m.start, word.group(1).lower(), m.name, "named"))
    return titles


def _subjects(body: str, people: Sequence[Mention]) -> list[tuple[int, str, str]]:
    """The first person named in each sentence: who a later 'he' or 'she' most likely refers to."""
    subjects: list[tuple[int, str, str]] = []
    persons = [m for m in people if m.label == "PERSON"]
    for start, end in sentence_spans(body):
        first = next((m for m in persons if start <= m.start < end), None)
        if first is not None:
            subjects.append((first.start, first.name, _gender(body, first.start)))
    return subjects


def _gender(body: str, position: int) -> str:
    before = body[max(0, position - 8) : position]
    return "f" if _FEMALE_TITLES.search(before) else "m" if _MALE_TITLES.search(before) else ""


def _continues(body: str, previous: _Found, found: _Found) -> bool:
    """`"…," he said, "and …"`: the second part of a statement interrupted by its attribution."""
    between = body[previous.close_at : found.open_at]
    if len(between) >= 80 or "\n" in between or not _BEFORE.search(between):
        return False
    return bool(re.fullmatch(r"[^.!?\"“”]*[,:]\s*", between))


def _same_paragraph_next(body: str, previous: _Found, found: _Found) -> bool:
    """A quote opening a sentence after the previous one's attribution, or the next paragraph of an open quote."""
    between = body[previous.close_at : found.open_at]
    if "\n" in between:
        is_open = body[previous.close_at - 1 : previous.close_at] not in _CLOSING
        # A paragraph that opens with a quote right after the previous speaker's paragraph continues them.
        return (is_open and between.strip() == "") or (
            between.count("\n") == 1 and between.split("\n")[1].strip() == ""
        )
    return bool(re.fullmatch(r"(?:[^\"“”]*[.!?:])?\s*", between))
