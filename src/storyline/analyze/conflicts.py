"""Where outlets disagree: sentences of different articles about the same thing that cannot both be true.

Precision comes first (a brief that cries wolf is worse than one that stays quiet), so a pair of sentences must
first be about the same thing (TF-IDF cosine from the selection stage of at least `MIN_SIMILARITY`, shared
content words next to the words that differ, no word next to them that only one side has on each side, as in
'3 killed' against '5 injured', and no attribution to different speakers) and then pass the checks of one kind:

- number: the same counted noun, unit or currency once in each sentence, with values that cannot both hold once
  rounding, hedges ('about', 'more than') and ranges are allowed for (see `storyline.values`), and no sign of different
  reference times (other years or months, 'so far', 'rose to') or of counts that are parts ('3 other states');
- date: the same event dated on days (or months, or years) that do not overlap, hedged dates widened;
- time and tally: the same event at times of day that do not overlap ('shortly after 3 a.m.' / 'around 5 a.m.';
  '7 a.m.' allows '7:15 a.m.'), or a vote or score given two tallies ('voted 7-2' / 'an 8-1 vote'), read by
  `storyline.values.stated_values` and checked as numbers are;
- negation: a past-tense predicate both sentences write alike, negated in one only ('was charged' / 'was not
  charged'), the first content word after the negation; habits ('banks don't charge') read too loosely;
- opposite: words of a small antonym list ('scheduled' / 'cancelled', 'rose' / 'fell', 'approved' / 'rejected').

Questions, conditionals, revised claims ('initially') and sentence fragments never conflict. Each pair of sentences
yields at most one conflict, and each sentence takes part in at most one. Counts are not compared between articles
of different publication days: death tolls and scores move.

Measured with bench/conflicts_quality.py: 8 of 8 reports right on the seeds, 250 raw Multi-News and 60 DUC 2003
clusters, the rules having been tuned on them (a first, untuned look at DUC: 3 of 20); 8 of the 16 known
disagreements found (2026-11-29). MiniLM cosine separates the labelled real from false pairs barely better than chance
(AUC 0.61) and costs ~14 s to load, so only the TF-IDF similarities selection already has are used.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from storyline.models import Article, Conflict, ConflictSide, Sentence, Span
from storyline.represent import Cluster, terms
from storyline.values import Value, agree, stated_values, unit_name

MIN_SIMILARITY = 0.3
"""TF-IDF cosine two sentences need for a number, date or negation conflict (selection's support needs 0.40)."""
MIN_LOW_SIMILARITY = 0.2
"""Antonyms and ages need less: outlets name an event differently ('meeting' / 'summit'), and an antonym pair
(or one named person's two ages) with shared words around it is strong evidence already."""
MIN_SHARE_SIMILARITY = 0.45
"""Percentages need more: '85 percent of Nunavut's people' and '56 percent of Nunavut's people who are under 25'
share their words and are shares of different groups."""
WINDOW = 4
"""Content words either side of a number, date or predicate that say what it is about."""
NEAR = 2
"""Content words either side that must not differ on both sides ('3 killed' / '5 injured')."""
MIN_SHARED = 2
"""Content words the two windows must share besides the differing words themselves."""

_WORD = re.compile(r"[A-Za-z][A-Za-z'’]*(?:-[A-Za-z]+)*|\d[\d,.]*\d|\d")
_NUMERAL = re.compile(r"\d[\d,]*(?:\.\d+)?")
_CLAUSE_BREAK = re.compile(r"[;:\[\]\"“”—–]|\s-\s")
_CLAUSE_SPLIT = re.compile(r"[;:,()\"“”—–]|\b(?:and|but|or|while|although|because|after|before)\b")
_NEGATION = re.compile(
    r"\b(?:not|never|nothing|none|nobody|neither|nor|without|cannot)\b|\bno\b(?!\.?\s*\d)|n[’']t\b", re.IGNORECASE
)
_PAST = re.compile(
    r"[a-z]+ed|held|met|found|made|paid|sold|told|seen|known|taken|given|shot|hit|built|won|lost|left|sent|"
    r"spent|brought|caught|taught|bought|fought|chosen|done|gone|begun|broken|written|spoken|stolen|driven"
)
_AUXILIARIES = frozenset(
    "be been being is are was were am have has had do does did the a an any yet even ever also actually "
    "necessarily immediately".split()
)
_NOT_A_DENIAL = re.compile(r"\b(?:not only|not just|no longer|not yet|no one knows|not clear|not immediately)\b", re.I)
# Case-sensitive: 'May 29' is a date, 'may' a modal.
# a claim the sentence does not make: a condition, a possibility, a question, or a hope ("hopes he will be found")
_HYPOTHETICAL = re.compile(
    r"\b(?:[Ii]f|[Ww]hether|would|could|might|may|should|[Uu]nless|perhaps|possibly|hop(?:e|es|ed|ing)|"
    r"pray(?:s|ed|ing)?)\b|\?"
)
_CHANGING = re.compile(
    r"\b(?:so far|initially|originally|at first|(?:rose|risen|rising|climbed|jumped|increased|grew) to|up from|"
    r"down from|previously|now stands|updated|latest|preliminary|revised|until now)\b",
    re.IGNORECASE,
)
# A forecast and a measurement of one quantity differ without contradicting each other.
_FORECAST = re.compile(r"\b(?:expected to|expects?|forecasts?|projected|predicted|will)\b", re.IGNORECASE)
_RELATIVE_TIME = re.compile(
    r"\b(?:last|this|next|previous|past|coming)\s+(?:year|month|week|season|quarter|decade|spring|summer|fall|"
    r"autumn|winter)\b",
    re.IGNORECASE,
)
# The verbs that credit a claim to its source ('police said', 'officials estimated'), not speech_verbs.VERBS: that
# list is for quotations, and `_REPORTING` keeps these words out of what two sentences compare. VERBS in their
# place reports the same 8 conflicts over bench/conflicts_quality.py's 311 clusters, only slower (median 38
# against 30 ms a cluster).
_SPEECH = r"said|says|say|told|tells|reported|reports|announced|stated|claimed|claims|estimated|estimates"
_SPEAKER_BEFORE = re.compile(rf"(?P<who>(?:[\w.'’-]+\s+){{1,4}}?)(?P<verb>{_SPEECH})\b")
# '…, said LAPD Det. Chris Barling.' / 'according to police.': the source ends the clause.
_SPEAKER_AFTER = re.compile(
    rf"\b(?P<verb>{_SPEECH}|according to)\s+(?P<who>[\w.'’-]+(?:\s+[\w.'’-]+){{0,4}}?)(?=\s*(?:[,;!?]|\.?$))"
)
_PRONOUNS = frozenset("he she they it we i you who which that this there".split())
# A reporting verb after these is a passive or an adjective ('were reported killed', 'an estimated 40'): it names
# no source, and says how a number is known rather than what it counts.
_REPORTING_VERBS = frozenset(_SPEECH.split("|"))
_NOT_A_SOURCE_BEFORE = re.compile(r"\b(?:a|an|the|is|are|was|were|be|been|being)\s+$", re.IGNORECASE)
_REPORTING = frozenset(terms(" ".join([*_SPEECH.split("|"), "according", "told"])))
# "its planned recess", "the scheduled talks": a plan the phrase names, not one it says still holds ("the planned
# summit drew protests" says nothing of whether it takes place)
_NOT_ATTRIBUTIVE = "".join(rf"(?<!\b{word} )" for word in ("the", "its", "a", "an", "his", "her", "their", "our"))
# Words outlets use for the same event: 'meeting' in one, 'summit' in the other; 'the blaze started' in one, 'the
# fire broke out' in the other (what a time of day is of is named by such a verb).
_SAME_EVENT = {
    **{"summit": "meet", "talk": "meet", "meet": "meet", "blaze": "fire"},
    **dict.fromkeys(("broke", "began", "begin", "begun", "erupt", "ignit"), "start"),
    # a death toll: '144 people were killed' / '125 people died' ('killed' / 'injured' still differ)
    **dict.fromkeys(("kill", "di", "dead"), "di"),
}
_OPPOSITES: tuple[tuple[str, re.Pattern[str], re.Pattern[str], re.Pattern[str], re.Pattern[str]], ...] = tuple(
    (
        name,
        re.compile(rf"\b(?:{one})\b", re.I),
        re.compile(rf"\b(?:{other})\b", re.I),
        re.compile(rf"\b(?:{one_mentioned})", re.I),
        re.compile(rf"\b(?:{other_mentioned})", re.I),
    )
    for name, one, other, one_mentioned, other_mentioned in (
        (
            "whether it takes place",
            rf"{_NOT_ATTRIBUTIVE}(?:scheduled|planned)|expected to take place|will take place|is to take place|"
            r"set to take place",
            r"cancell?ed|called off|scrapped|postponed",
            r"schedul|plan|take place",
            r"cancel|call(?:ed|s|ing)? off|scrap|postpon",
        ),
        (
            "direction",
            r"rose|rise|rises|rising|increased|increases|climbed|jumped|soared|surged",
            r"fell|fall|falls|falling|decreased|decreases|declined|dropped|slid|plunged|tumbled",
            r"rose|ris|increas|climb|jump|soar|surg",
            r"fell|fall|decreas|declin|drop|slid|plung|tumbl",
        ),
        ("outcome", r"won(?!['’]t)|wins", r"lost|loses", r"won\b|win", r"lost|los(?:e|es|ing)\b"),
        (
            "decision",
            r"approved|approves|accepted|accepts|passed",
            r"rejected|rejects|vetoed|refused|refuses",
            r"approv|accept|pass",
            r"reject|veto|refus",
        ),
        (
            "verdict",
            r"convicted|found guilty",
            r"acquitted|found not guilty",
            r"convict|found guilty",
            r"acquit|not guilty",
        ),
        (
            "admission",
            r"confirmed|confirms|admitted|admits",
            r"denied|denies",
            r"confirm|admi",
            r"den(?:y|ied|ies|ial)",
        ),
    )
)
"""Antonym pairs: a name, the two claims, and the word stems by which a sentence mentions each side at all."""


_EVENT_NAMES = {"time": "time of day", "tally": "tally"}
"""The topic of a time or tally conflict: the words around them ('blaze started storage area burned') read worse."""


@dataclass(frozen=True, slots=True)
class _Word:
    start: int  # offsets into the sentence
    end: int
    stems: tuple[str, ...]  # content stems ('' words: stop words and numbers have none)
    is_name: bool  # capitalised inside the sentence: a proper name


@dataclass(frozen=True, slots=True)
class _Reading:
    """What the checks need of one sentence, computed once."""

    sentence: Sentence
    published: dt.date | None
    words: tuple[_Word, ...]
    stems: frozenset[str]
    values: tuple[Value, ...]
    speakers: frozenset[str]  # content stems of the attributed source: 'police', 'white hous'
    times: frozenset[str]  # years, months and 'last year'-like phrases: when a count holds
    is_changing: bool  # 'initially', 'so far', 'rose to': the claim was revised or the count moves
    is_forecast: bool
    is_fragment: bool  # opens in lower case: a piece of a sentence the splitter cut
    is_hypothetical: bool


@dataclass(frozen=True, slots=True)
class _Finding:
    kind: str
    topic: str
    explanation: str
    a: tuple[int, int]  # the differing words, offsets into each sentence
    b: tuple[int, int]


def find_conflicts(cluster: Cluster, articles: Sequence[Article]) -> tuple[Conflict, ...]:
    """Pairs of sentences from different outlets that contradict each other.

    Args:
        cluster: The story's sentences and their TF-IDF similarities, as selection computed them.
        articles: The cleaned articles with their final ids (for outlet names).

    Returns:
        Conflicts ordered by the first side's article and position; empty for a single article.
    """
    outlets = {a.id: a.outlet for a in articles}
    published = {a.id: a.published for a in articles}
    readings: dict[int, _Reading] = {}
    found: list[tuple[float, int, int, _Finding]] = []
    for i, j in _candidate_pairs(cluster, outlets):
        for index in (i, j):
            if index not in readings:
                sentence = cluster.sentences[index]
                readings[index] = _read(sentence, published.get(sentence.article_id))
        finding = _compare(readings[i], readings[j], float(cluster.similarity[i, j]))
        if finding is not None:
            found.append((float(cluster.similarity[i, j]), i, j, finding))
    return tuple(_conflict(cluster, sim, i, j, f) for sim, i, j, f in _one_per_sentence(found))


def _candidate_pairs(cluster: Cluster, outlets: dict[str, str | None]) -> list[tuple[int, int]]:
    """Sentence pairs of different articles (and outlets, when known) similar enough to be about one thing."""
    upper = np.triu(cluster.similarity >= min(MIN_SIMILARITY, MIN_LOW_SIMILARITY), k=1)
    upper &= cluster.article_index[:, None] != cluster.article_index[None, :]
    pairs = []
    for i, j in zip(*np.nonzero(upper), strict=True):
        a, b = cluster.sentences[i].article_id, cluster.sentences[j].article_id
        if outlets.get(a) is None or outlets.get(a) != outlets.get(b):
            pairs.append((int(i), int(j)))
    return pairs


def _one_per_sentence(found: list[tuple[float, int, int, _Finding]]) -> list[tuple[float, int, int, _Finding]]:
    """The most similar pair wins when a sentence would take part in several conflicts."""
    used: set[int] = set()
    kept = []
    for item in sorted(found, key=lambda f: (-f[0], f[1], f[2])):
        if item[1] not in used and item[2] not in used:
            used |= {item[1], item[2]}
            kept.append(item)
    return sorted(kept, key=lambda f: (f[1], f[2]))


def _conflict(cluster: Cluster, similarity: float, i: int, j: int, finding: _Finding) -> Conflict:
    return Conflict(
        kind=finding.kind,  # type: ignore[arg-type]
        topic=finding.topic,
        explanation=finding.explanation,
        similarity=round(similarity, 3),
        a=_side(cluster.sentences[i], finding.a),
        b=_side(cluster.sentences[j], finding.b),
    )


def _side(sentence: Sentence, value: tuple[int, int]) -> ConflictSide:
    start, end = sentence.start + value[0], sentence.start + value[1]
    return ConflictSide(
        text=sentence.text,
        span=Span(article=sentence.article_id, start=sentence.start, end=sentence.end),
        value=sentence.text[value[0] : value[1]],
        value_span=Span(article=sentence.article_id, start=start, end=end),
    )


# --- reading a sentence --------------------------------------------------------------------------------------


def _read(sentence: Sentence, published: dt.date | None) -> _Reading:
    text = sentence.text
    words = tuple(_Word(m.start(), m.end(), _stems(text, m), _is_name(text, m.start())) for m in _WORD.finditer(text))
    values = stated_values(text)
    times = {text[v.start : v.end].lower() for v in values if v.kind == "date" and v.unit == "month"}
    times |= {m.group().lower() for m in (*_RELATIVE_TIME.finditer(text), *re.finditer(r"\b(?:19|20)\d\d\b", text))}
    return _Reading(
        sentence=sentence,
        published=published,
        words=words,
        stems=frozenset(s for w in words for s in w.stems),
        values=values,
        speakers=_speakers(text),
        times=frozenset(times),
        is_changing=bool(_CHANGING.search(text)),
        is_forecast=bool(_FORECAST.search(text)),
        is_fragment=bool(re.match(r"\W*[a-z]", text)),
        is_hypothetical=bool(_HYPOTHETICAL.search(text)),
    )


def _stems(text: str, word: re.Match[str]) -> tuple[str, ...]:
    """A word's content stems, one per event however named ('died' and 'killed' alike); none for a passive
    reporting verb ('were reported killed')."""
    if word.group().lower() in _REPORTING_VERBS and _NOT_A_SOURCE_BEFORE.search(text, 0, word.start()):
        return ()
    return tuple(_SAME_EVENT.get(stem, stem) for stem in terms(word.group()))


def _is_name(text: str, start: int) -> bool:
    """Capitalised and not the first word of the sentence (or of a quotation in it)."""
    return text[start].isupper() and not re.search(r"(?:^|[.!?:\"“]\s*)$", text[:start])


def _speakers(text: str) -> frozenset[str]:
    """The content words naming who the sentence attributes its claim to; empty when unattributed or a pronoun."""
    found: set[str] = set()
    for pattern in (_SPEAKER_BEFORE, _SPEAKER_AFTER):
        for match in pattern.finditer(text):
            who = match.group("who").split()
            passive = _NOT_A_SOURCE_BEFORE.search(text, 0, match.start("verb"))
            if who and who[0].lower() not in _PRONOUNS and not passive:
                found |= set(terms(" ".join(who))) - _REPORTING
    return frozenset(found)


def _window(reading: _Reading, start: int, end: int, size: int = WINDOW) -> frozenset[str]:
    """Content stems of the `size` content words either side of `text[start:end]`, within its clause."""
    text = reading.sentence.text
    content = [w for w in reading.words if w.stems and not any(v.start <= w.start < v.end for v in reading.values)]
    before = [w for w in content if w.end <= start and not _CLAUSE_BREAK.search(text[w.end : start])]
    after = [w for w in content if w.start >= end and not _CLAUSE_BREAK.search(text[end : w.start])]
    # Attribution ('officials said') says who, not what: it is not part of the window.
    return frozenset(s for w in (*before[-size:], *after[:size]) for s in w.stems) - reading.speakers


def _about_the_same(a: _Reading, b: _Reading, span_a: tuple[int, int], span_b: tuple[int, int]) -> bool:
    """Shared words around both spans, and no pair of words next to them that only one side has."""
    differing = set(terms(a.sentence.text[slice(*span_a)])) | set(terms(b.sentence.text[slice(*span_b)]))
    window_a, window_b = _window(a, *span_a) - differing, _window(b, *span_b) - differing
    # Both windows share a word; and together they share enough with the other sentence.
    if not window_a & window_b or len((window_a & b.stems) | (window_b & a.stems)) < MIN_SHARED:
        return False
    near_a, near_b = _window(a, *span_a, size=NEAR), _window(b, *span_b, size=NEAR)
    return not ((near_a - b.stems - differing) and (near_b - a.stems - differing))


def _different_speakers(a: _Reading, b: _Reading) -> bool:
    return bool(a.speakers) and bool(b.speakers) and not (a.speakers & b.speakers)


# --- the four kinds ------------------------------------------------------------------------------------------


def _compare(a: _Reading, b: _Reading, similarity: float) -> _Finding | None:
    for reading in (a, b):
        if reading.is_hypothetical or reading.is_changing or reading.is_fragment:
            return None
    if _different_speakers(a, b):
        return None
    if similarity < MIN_SIMILARITY:
        # Evidence that needs little shared wording: antonyms, or two ages of one named person.
        return _opposite(a, b) or _values(a, b, "number", similarity, only="age")
    return (
        _values(a, b, "date", similarity)
        or _values(a, b, "time", similarity)
        or _values(a, b, "tally", similarity)
        or _values(a, b, "number", similarity)
        or _opposite(a, b)
        or _negation(a, b)
    )


def _values(a: _Reading, b: _Reading, kind: str, similarity: float, only: str | None = None) -> _Finding | None:
    """Different numbers for the same quantity, or different dates, times of day or tallies for the same event (of
    unit `only`)."""
    if kind != "date" and (a.is_forecast != b.is_forecast or a.times != b.times):
        return None
    if kind in ("number", "tally") and a.published and b.published and a.published != b.published:
        # Counts move between days ('32 died', then '36 died') and so do scores; a person's age does not.
        only = "age"
    for unit in dict.fromkeys(v.unit for v in a.values if v.kind == kind and only in (None, v.unit)):
        same_a = [v for v in a.values if v.kind == kind and v.unit == unit]
        same_b = [v for v in b.values if v.kind == kind and v.unit == unit]
        if unit in ("%", "pp") and similarity < MIN_SHARE_SIMILARITY:
            continue
        if agree(same_a, same_b):
            continue
        if kind == "date" and (_numbers_differ(a, b) or _RELATIVE_TIME.search(a.sentence.text + " " + b.sentence.text)):
            # 'In 2018 … 300 employees' / 'In 2020 … 450 employees': the dates say when, not what; and
            # 'this season … Jan. 4' may be another season than an undated 'Jan. 1'.
            continue
        pairs = [
            (x, y)
            for x in same_a
            for y in same_b
            if _same_quantity(a, b, x, y) and not (kind == "number" and _both_state(a, b, x, y))
        ]
        best = _best_pair(a, b, pairs)
        if best is not None:
            return _value_finding(a, b, kind, *best)
    return None


def _both_state(a: _Reading, b: _Reading, value_a: Value, value_b: Value) -> bool:
    """Whether one side's number is written in the other sentence too, counted or not: 'About 1,750 black rhinos …
    out of a global population of 4,800' and 'About 1,750 of the world's 4,800 black rhinos' agree on both numbers,
    though only one is found counting rhinos on each side."""
    numerals_a, numerals_b = _numerals(a.sentence.text), _numerals(b.sentence.text)
    return _numeral(a.sentence.text, value_a) in numerals_b or _numeral(b.sentence.text, value_b) in numerals_a


def _numerals(text: str) -> frozenset[str]:
    return frozenset(numeral.replace(",", "") for numeral in _NUMERAL.findall(text))


def _numeral(text: str, value: Value) -> str | None:
    found = _NUMERAL.search(text, value.start, value.end)
    return found.group().replace(",", "") if found else None


def _numbers_differ(a: _Reading, b: _Reading) -> bool:
    numbers_b = [v for v in b.values if v.kind == "number"]
    return any(x.unit == y.unit and not x.overlaps(y) for x in a.values if x.kind == "number" for y in numbers_b)


def _best_pair(a: _Reading, b: _Reading, pairs: list[tuple[Value, Value]]) -> tuple[Value, Value] | None:
    """Of several values of one unit, the pair whose surrounding words agree best; None on a tie (a guess)."""
    if len(pairs) < 2:
        return pairs[0] if pairs else None

    def agreement(pair: tuple[Value, Value]) -> tuple[bool, int]:
        x, y = pair
        # First the pair whose first words after the values agree: 'Three people were stabbed and 12 people were
        # arrested in a brawl' against 'two people have been stabbed in a brawl' compares the stabbed, though the
        # words around '12 people' share more ('stabbed', 'brawl').
        heads = bool(_first_after(a, x.end) & _first_after(b, y.end))
        return heads, len(_window(a, x.start, x.end, size=NEAR) & _window(b, y.start, y.end, size=NEAR))

    ranked = sorted(pairs, key=agreement, reverse=True)
    return ranked[0] if agreement(ranked[0]) > agreement(ranked[1]) else None


def _first_after(reading: _Reading, end: int) -> frozenset[str]:
    """Content stems of the first content word after `end` in its clause: what a count's noun does ('stabbed')."""
    text = reading.sentence.text
    after = (w for w in reading.words if w.stems and w.start >= end and not _CLAUSE_BREAK.search(text[end : w.start]))
    first = next(after, None)
    return frozenset(first.stems) if first else frozenset()


def _same_quantity(a: _Reading, b: _Reading, value_a: Value, value_b: Value) -> bool:
    if value_a.unit == "age":  # ages compare when they are one named person's, however differently described
        person_a, person_b = _person(a, value_a), _person(b, value_b)
        # 'Ms. Stinson' is 'Charisse Stinson'; 'James Price' is not 'Tavin Price'.
        return bool(person_a and person_b) and (person_a <= person_b or person_b <= person_a)
    return _about_the_same(a, b, (value_a.start, value_a.end), (value_b.start, value_b.end))


def _person(reading: _Reading, value: Value) -> frozenset[str]:
    """The name an age belongs to: 'Randall Hackett, 58', '21-year-old Charisse Stinson'; empty if none is near."""
    text = reading.sentence.text
    before = re.search(r"((?:[A-Z][\w'’-]+\s+){0,3}[A-Z][\w'’-]+),\s*$", text[: value.start])
    if before:
        return frozenset(terms(before.group(1)))
    after = re.match(r"(?:\s*,?\s*[\w'’-]+){1,4}", text[value.end :])
    names = [w for w in re.findall(r"[\w'’-]+", after.group() if after else "") if w[:1].isupper()]
    return frozenset(terms(" ".join(names)))


def _value_finding(a: _Reading, b: _Reading, kind: str, value_a: Value, value_b: Value) -> _Finding:
    span_a, span_b = (value_a.start, value_a.end), (value_b.start, value_b.end)
    said_a, said_b = a.sentence.text[slice(*span_a)], b.sentence.text[slice(*span_b)]
    if kind == "number":
        return _Finding(kind, unit_name(value_a, a.sentence.text), f"{said_a} vs {said_b}", span_a, span_b)
    topic = _topic(a, b, span_a, span_b) if kind == "date" else _EVENT_NAMES[kind]
    return _Finding(kind, topic, f"{topic}: {said_a} vs {said_b}", span_a, span_b)


def _topic(a: _Reading, b: _Reading, span_a: tuple[int, int], span_b: tuple[int, int]) -> str:
    """The words of `a` next to its span that `b` shares: what both sentences say the date is of."""
    shared = _window(a, *span_a) & _window(b, *span_b)
    text = a.sentence.text
    words = [text[w.start : w.end] for w in a.words if set(w.stems) & shared]
    return " ".join(dict.fromkeys(words)) or "date"


def _opposite(a: _Reading, b: _Reading) -> _Finding | None:
    """One side uses a word of an antonym pair, the other its opposite, about the same thing."""
    text_a, text_b = a.sentence.text, b.sentence.text
    for name, one, other, one_mentioned, other_mentioned in _OPPOSITES:
        for first, second, first_mentioned, second_mentioned in (
            (one, other, one_mentioned, other_mentioned),
            (other, one, other_mentioned, one_mentioned),
        ):
            match_a, match_b = _affirmed(text_a, first), _affirmed(text_b, second)
            if match_a is None or match_b is None:
                continue
            # A side that itself mentions the other claim in any form ("the 2009 acquittal of the men found guilty",
            # "after decreasing …, rates increased", "agreed to cancel its planned recess") tells of both: no conflict.
            if second_mentioned.search(text_a) or first_mentioned.search(text_b):
                continue
            span_a, span_b = match_a.span(), match_b.span()
            if _shares_names(a, b) and _about_the_same(a, b, span_a, span_b):
                topic = _shared_names(a, b) or name
                explanation = f"{topic}: “{match_a.group()}” vs “{match_b.group()}”"
                return _Finding("opposite", topic, explanation, span_a, span_b)
    return None


def _shared_names(a: _Reading, b: _Reading) -> str:
    """The names both sentences use, as `a` writes them: 'Mar-a-Lago'."""
    names_b = {s for w in b.words if w.is_name for s in w.stems}
    text = a.sentence.text
    return " ".join(dict.fromkeys(text[w.start : w.end] for w in a.words if w.is_name and set(w.stems) & names_b))


def _affirmed(text: str, pattern: re.Pattern[str]) -> re.Match[str] | None:
    """The first match of `pattern` with no negation just before it in its clause."""
    return next((m for m in pattern.finditer(text) if _negation_before(text, m.start()) is None), None)


def _negation_before(text: str, start: int) -> int | None:
    """Where a negation word stands among the `WINDOW` words before `start`, in the same clause; else None."""
    clause_start = max((m.end() for m in _CLAUSE_SPLIT.finditer(text, 0, start)), default=0)
    words = list(re.finditer(r"\S+", text[clause_start:start]))[-WINDOW:]
    if not words or _NOT_A_DENIAL.search(text, max(0, start - 40), start):
        return None
    cue = _NEGATION.search(text, clause_start + words[0].start(), start)
    return cue.start() if cue else None


def _negation(a: _Reading, b: _Reading) -> _Finding | None:
    """A predicate both sentences share that exactly one of them negates: the first content word after the
    negation ('nothing has officially been scheduled'), not any word further on ('did not come to the area')."""
    for negated, plain in ((a, b), (b, a)):
        if _NEGATION.search(plain.sentence.text):
            continue
        text = negated.sentence.text
        for cue in _NEGATION.finditer(text):
            word = _negated_word(negated, cue.end())
            said = text[word.start : word.end].lower() if word else ""
            # Events, not habits or states: 'was not charged' against 'was charged', in the same past form.
            same_form = [w for w in plain.words if plain.sentence.text[w.start : w.end].lower() == said]
            if word is None or not same_form or not _PAST.fullmatch(said) or set(word.stems) <= _REPORTING:
                continue
            if _NOT_A_DENIAL.search(text, max(0, cue.start() - 4), word.end):
                continue
            shared = set(word.stems)
            # 'did not call an ambulance but called the mother': the sentence affirms the predicate too.
            if any(_negation_before(text, w.start) is None for w in negated.words if set(w.stems) & shared):
                continue
            other = same_form[0]
            span_negated, span_plain = (cue.start(), word.end), (other.start, other.end)
            if _shares_names(a, b) and _about_the_same(negated, plain, (word.start, word.end), span_plain):
                said = f"“{plain.sentence.text[slice(*span_plain)]}” vs “{text[slice(*span_negated)]}”"
                spans = (span_negated, span_plain) if negated is a else (span_plain, span_negated)
                return _Finding("negation", text[word.start : word.end], said, *spans)
    return None


def _negated_word(reading: _Reading, after: int) -> _Word | None:
    """The first content word within `WINDOW` words after a negation, auxiliaries and adverbs skipped."""
    text = reading.sentence.text
    for word in [w for w in reading.words if w.start >= after][:WINDOW]:
        said = text[word.start : word.end].lower()
        if _CLAUSE_SPLIT.search(text, after, word.start):
            return None
        if said not in _AUXILIARIES and not said.endswith("ly"):
            return word if word.stems and not word.is_name and said.isalpha() else None
    return None


def _shares_names(a: _Reading, b: _Reading) -> bool:
    """Both sentences name a common person, place or organisation, or neither names any."""
    names_a = {s for w in a.words if w.is_name for s in w.stems}
    names_b = {s for w in b.words if w.is_name for s in w.stems}
    return bool(names_a & names_b) or not (names_a or names_b)
