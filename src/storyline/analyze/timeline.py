"""The timeline of a cluster: dated events, each resolved against its own article's day (`reference_day`).

Every date expression (`storyline.analyze.dates`) in every sentence becomes a mention. Mentions of the same
moment are merged into one event, across outlets too: same normalized value (and range end), and either
similar sentences or shared entities (one for a day or week, two for a month or year, where one shared name
would join unrelated events). Events come in chronological order, coarser before finer on the same start
("2019-03" before "2019-03-01"); unresolved ones, which no publication date fixes, follow in article order.
Needs no model: entities, when given, only help merging.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections.abc import Sequence
from dataclasses import dataclass

from storyline.analyze.dates import MONTHS, WEEKDAYS, DateExpression, DateValue, find_dates
from storyline.analyze.entities import EntityAnalysis
from storyline.analyze.mentions import starting_within
from storyline.calendar_names import MONTH_PATTERN
from storyline.models import Article, DateMention, Event, Span
from storyline.segment import WIRE_DATELINE, segment

SIMILAR_SENTENCES = 0.3
"""Cosine of two sentences' content-word sets from which they report the same thing."""

_PRECISION_RANK = {"year": 0, "month": 1, "week": 2, "day": 3}
_STOPWORDS = frozenset(
    "the a an and or but of to in on at for from with by as is are was were be been has have had it its this "
    "that these those he she they his her their them him we our you your i not no so than then there which "
    "who whom what when where while after before about into over under again also said says would could will "
    "can may might must should last next week month year earlier later ago today yesterday tomorrow".split()
)
_STOPWORDS |= frozenset(MONTHS) | frozenset(WEEKDAYS)
_WORD = re.compile(r"[^\W\d_]{3,}")
_ANY_WORD = re.compile(r"[^\W\d_]+")
MIN_EVENT_WORDS = 2
"""Words a sentence needs besides its date expression to report an event ("Alcorn resigned March 2.")."""
DATELINE_SLACK_DAYS = 3
"""Most days a wire dateline's day lies from its article's publication date. DUC 2003 stores Xinhua's copy under the
dateline's day or the next (44 dated datelines in 24 of its unlabelled clusters: 28 on the day, 16 a day early, none
further); a day further off is more likely a misread dateline than one of that publication."""
_DATELINE_DAY = re.compile(rf"\b(?P<month>{MONTH_PATTERN}) (?P<day>\d{{1,2}})\b")
"""The month and day in a wire dateline: "PARIS, February 20 (Xinhua) --", "Nairobi, Feb. 9 (Xinhua) --"."""


@dataclass(frozen=True, slots=True)
class _Dated:
    """One mention with what merging compares: its date, its sentence's content words and entity names."""

    order: tuple[int, int]  # (article index, expression start): reading order across the cluster
    date: DateValue
    mention: DateMention
    words: frozenset[str]
    names: frozenset[str]


def build_timeline(articles: Sequence[Article], entities: EntityAnalysis | None = None) -> tuple[Event, ...]:
    """Dated events of a cluster, merged across articles and ordered in time.

    Args:
        articles: Cleaned articles with their final ids; each resolves against its own `reference_day`.
        entities: The cluster's entity analysis; shared entities let mentions in different wording merge.

    Returns:
        Resolved events chronologically, then unresolved ones; every span points into its article's body.
    """
    dated = [d for index, article in enumerate(articles) for d in _dated(index, article, entities)]
    groups = _merge(dated)
    resolved = sorted((g for g in groups if g[0].date.value is not None), key=_chronological)
    unresolved = [g for g in groups if g[0].date.value is None]  # already in reading order of their first mention
    return tuple(_event(group) for group in (*resolved, *unresolved))


def _dated(index: int, article: Article, entities: EntityAnalysis | None) -> list[_Dated]:
    in_article = (m for m in entities.mentions if m.article_id == article.id) if entities else ()
    mentions = sorted(in_article, key=lambda m: m.start)
    found: list[_Dated] = []
    anchor: DateValue | None = None  # the last resolved date of the sentence before, for "the following day"
    day = reference_day(article)
    for sentence in segment(article):
        expressions = find_dates(sentence.text, day, anchor)
        anchor = next((e.date for e in reversed(expressions) if e.date.value is not None), None)
        if not expressions:
            continue
        words = frozenset(w.lower() for w in _WORD.findall(sentence.text)) - _STOPWORDS
        in_sentence = frozenset(m.name for m in starting_within(mentions, sentence.start, sentence.end))
        for previous, expression in zip((None, *expressions), expressions, strict=False):
            if _is_bare_date(sentence.text, expression) or _ends_a_range(sentence.text, previous, expression):
                continue
            start = sentence.start + expression.start
            mention = DateMention(
                expression=expression.text,
                span=Span(article=article.id, start=start, end=sentence.start + expression.end),
                sentence=Span(article=article.id, start=sentence.start, end=sentence.end),
                text=sentence.text,
            )
            found.append(_Dated((index, start), expression.date, mention, words, in_sentence))
    return found


def reference_day(article: Article) -> dt.date | None:
    """The day an article's relative dates ("today", "Friday", "last week") count from.

    A wire dateline's day ("PARIS, February 20 (Xinhua) -- … today", stored under February 21; a weekday as
    HealthDay writes it, "TUESDAY (HealthDay News) --") is the day the story was written; it takes the year that puts
    it nearest the publication date, and counts only within `DATELINE_SLACK_DAYS` of it.

    Args:
        article: A cleaned article.

    Returns:
        The dateline's day, else the publication date; None without a publication date, since a dateline's day
        has no year of its own.
    """
    published = article.published
    dateline = WIRE_DATELINE.match(article.body)
    if published is None or dateline is None:
        return published
    first, last = published.toordinal() - DATELINE_SLACK_DAYS, published.toordinal() + DATELINE_SLACK_DAYS
    near = [dt.date.fromordinal(n) for n in range(max(first, 1), min(last, dt.date.max.toordinal()) + 1)]
    if stated := _DATELINE_DAY.search(dateline.group()):
        month, day = MONTHS[stated.group("month").rstrip(".").lower()], int(stated.group("day"))
        days = [d for d in near if (d.month, d.day) == (month, day)]
    elif (place := (dateline.group("place") or "").lower()) in WEEKDAYS:
        days = [d for d in near if WEEKDAYS[d.weekday()] == place]
    else:
        days = []
    return min(days, key=lambda d: abs(d - published), default=published)


_RANGE_OPENING = re.compile(r"\b(?i:between|from)\s+$")
_RANGE_JOIN = re.compile(r"\s*(?:and|to|through|until|[-–])\s*")


def _ends_a_range(sentence: str, previous: DateExpression | None, expression: DateExpression) -> bool:
    """The second date of "between 2019 and 2021" or "from January 1 to December 31": the end of the range the
    first one opens, one event under its start rather than a second row of the same sentence."""
    return (
        previous is not None
        and _RANGE_OPENING.search(sentence, 0, previous.start) is not None
        and _RANGE_JOIN.fullmatch(sentence, previous.end, expression.start) is not None
    )


def _is_bare_date(sentence: str, expression: DateExpression) -> bool:
    """A line that is little but the date ("Friday, October 28", "Posted Nov. 9, 2017") or a title-case heading
    without a stop: a page's dateline or a section head, which dates no event of its own."""
    rest = sentence[: expression.start] + " " + sentence[expression.end :]
    words = _ANY_WORD.findall(rest)
    # a heading: no closing stop, every longer word capitalised ("Top 2014 Wedding Statistics")
    long = [w for w in words if len(w) > 3]
    heading = not re.search(r"[.!?\"”’')]\s*$", sentence) and len(long) >= 2 and all(w[0].isupper() for w in long)
    return len(words) < MIN_EVENT_WORDS or heading


def _merge(dated: Sequence[_Dated]) -> list[list[_Dated]]:
    """Greedy grouping in reading order: a mention joins the first group holding a mention of its moment."""
    groups: list[list[_Dated]] = []
    by_date: dict[DateValue, list[list[_Dated]]] = {}  # only mentions with equal dates can merge
    for mention in dated:
        candidates = by_date.setdefault(mention.date, [])
        group = next((g for g in candidates if any(_same_moment(mention, other) for other in g)), None)
        if group is None:
            group = [mention]
            groups.append(group)
            candidates.append(group)
        else:
            group.append(mention)
    return groups


def _same_moment(a: _Dated, b: _Dated) -> bool:
    """Whether two mentions of one date (`_merge` compares no others) tell of the same moment."""
    if a.date.value is None and a.mention.expression.lower() != b.mention.expression.lower():
        return False  # unresolved: only the same words ("Friday", "Friday") can name the same moment
    if _cosine(a.words, b.words) >= SIMILAR_SENTENCES:
        return True
    shared = len(a.names & b.names)
    # an unresolved expression names one moment within its article ("last week" twice), not across articles
    fixed = a.date.value is not None or a.order[0] == b.order[0]
    return shared >= (1 if a.date.precision in ("day", "week") else 2) and fixed


def _cosine(a: frozenset[str], b: frozenset[str]) -> float:
    return len(a & b) / math.sqrt(len(a) * len(b)) if a and b else 0.0


def _event(group: Sequence[_Dated]) -> Event:
    first = group[0].date
    return Event(
        value=first.value,
        end=first.end,
        precision=first.precision,
        resolved=first.value is not None,
        mentions=tuple(d.mention for d in group),
    )


def _chronological(group: Sequence[_Dated]) -> tuple[dt.date, int, tuple[int, int]]:
    date = group[0].date
    return (start_date(date.value or ""), _PRECISION_RANK[date.precision], group[0].order)


def start_date(value: str) -> dt.date:
    """The first day a TIMEX3 value covers: '2019' → 2019-01-01, '2019-W09' → its Monday, '2019-W09-WE' → Saturday.

    Args:
        value: A value `build_timeline` produced.

    Returns:
        The date; `date.min` for anything else, so that odd values sort first rather than fail.
    """
    week = re.fullmatch(r"(\d{4})-W(\d\d)(-WE)?", value)
    if week:
        return dt.date.fromisocalendar(int(week.group(1)), int(week.group(2)), 6 if week.group(3) else 1)
    parts = [int(p) for p in value.split("-")] if re.fullmatch(r"\d{4}(?:-\d\d){0,2}", value) else []
    return dt.date(*parts, *[1] * (3 - len(parts))) if parts else dt.date.min
