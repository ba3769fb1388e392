"""Date expressions in a sentence, normalized to TIMEX3-style ISO 8601 values against a publication date.

A small regular-expression grammar finds the expressions news writing uses (chosen over dateparser's
`search_dates`, which is slower and takes numbers, "now" and "may" for dates; see bench/timeline_quality.py):

- absolute: "Nov. 9, 2017", "9 November 2017", "February 27-28", "Feb. 27-March 1", "April 2017", "2019", "by 2100",
  "2019-03-05", "3/5/2019";
- year-less: "March 4", "Feb. 16", "in December", "scheduled for November", "early March", "since February";
- relative: "yesterday", "today", "Friday", "earlier Friday", "last Tuesday", "last week", "this month",
  "next year", "last May", "July of last year", "two weeks ago", "this past week";
- anaphoric: "the following day", "the next year", "the previous Monday", dated by the date just before them (in
  the sentence, or the sentence before it: `anchor`), never by publication;
- holidays: "on Thanksgiving", "last Christmas", "this past Fourth of July", "Christmas night, 1996" (the US
  calendar's dates: Thanksgiving is the fourth Thursday of November, Labor Day the first Monday of September).

An expression's span covers the date and the words that change it ("last", "earlier", "early", "mid-"), never
the preposition before it ("on Friday" → "Friday"). Resolution never reads the current date: a relative
expression needs `published`, and without it (and without a year in the sentence for a year-less date) stays
unresolved with `value=None`.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import Literal

from dateutil.easter import easter

from storyline.analyze.speech_verbs import VERBS
from storyline.calendar_names import FULL_MONTH_PATTERN, MONTH_PATTERN, MONTHS, WEEKDAY_NAMES
from storyline.furniture.shared import TIME_ZONE
from storyline.literals import may_contain

Precision = Literal["day", "week", "month", "year"]
Tense = Literal["past", "future", "open", "open_in_past"]
"""A clause's time. "open" is a verb that looks ahead without saying so for sure ("would", "could", a scheduled
event's present: "makes its first appearance in court Thursday"): a weekday is the next one, a year-less date the
one nearest publication. "open_in_past" is such a verb after a past one in the sentence, ahead of a moment that may
be long past ("We were hoping that we could be on tour in February", said a year before): a weekday is still the
next one, a year-less date is dated as in the past."""

WEEKDAYS = tuple(name.lower() for name in WEEKDAY_NAMES)
NUMBER_WORDS = dict(
    zip("a an one two three four five six seven eight nine ten".split(), (1, 1, *range(1, 11)), strict=True)
)
PAST_SLACK_DAYS = 90  # a past-tense report rarely dates something 3 months ahead: "in December", written in July
FUTURE_SLACK_DAYS = 7  # "will meet on Jan. 5", written on Dec. 20, means next year's

_DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?(?![\d:])"
_YEAR = r"(?:1[89]\d\d|20\d\d)(?![\d%])"
# A year past 2099 is a forecast's horizon ("by 2100", "settled in 2150"), a date only after a preposition of time
# (`_FAR_YEAR_CUE`): bare, such a number is as often a count ("comprised 2174 adults").
_FAR_YEAR = r"21\d\d"
_FAR_YEAR_CUE = re.compile(r"\b(?i:by|around|until|till|before|after|in|through)\s+$")
WEEKDAY_PATTERN = rf"(?:{'|'.join(day.title() for day in WEEKDAYS)})"
# "Ann Lowe said Wednesday", "…, police said on Monday night.": a day right after a speech verb says when, and names no
# one (quotes.py and before_quote.py read the attribution around it)
DAY_AFTER_VERB = (
    rf"(?:(?:last|this|on|early|late)\s+)?(?:{WEEKDAY_PATTERN}|Today|Yesterday|today|yesterday)"
    r"(?:\s+(?:morning|afternoon|evening|night))?"
)
_MOD = r"(?i:early|late|mid)"
_REL = r"(?i:last|this|next)"
_BARE_MONTH_CUE = (
    r"(?i:in|since|until|till|during|through|from|before|after|(?:the\s+)?(?:end|beginning|start|middle)\s+of|"
    r"for(?!\s+May\b))"  # "scheduled for November"; "voted for May" is a name. ("followed by October" is no date)
)
# Named days that are not calendar references: "Black Friday", "Fox News Sunday", "the Sunday Times".
_NAMED_DAY_BEFORE = re.compile(r"(?:Black|Good|Super|Cyber|Ash|Easter|Holy|Palm|Maundy|Bloody|Giving|News)\s+$")
_NAMED_DAY_AFTER = re.compile(
    r"\s+(?:Times|Telegraph|Mirror|Express|Post|Herald|Night Live|Night Football|best|school)\b"
)  # "wore their Sunday best", "taught Sunday school": a kind of clothes or school, no day
# "the following Monday", "every Friday": a weekday dated by another event, or none.
# "the first Tuesday in March": a rule's day, dated by no one week.
_ANAPHORIC_DAY_BEFORE = re.compile(
    r"\b(?i:following|previous|preceding|same|that|each|every|on\s+a|first|second|third|fourth)\s+$"
)
# "the Friday after Election Day": a weekday dated by the event named after it ("the Monday meeting" is not)
_EVENT_RELATIVE_AFTER = re.compile(r"\s+(?:after|before|following|preceding)\b")
# "in the next year" and "the last month" are durations, not calendar periods.
_DURATION_BEFORE = re.compile(r"\b(?i:the|past)\s+$")
# "the next November", "by the next Monday": the one after a moment the story tells of, not after publication
_THE_BEFORE = re.compile(r"\b(?i:the)\s+$")
# "for the next day", "over the following year", "in the next year": a duration ("in the following year" is a date)
_FOLLOWING_DURATION_BEFORE = re.compile(r"\b(?i:over|within|during|for|through|throughout)\s+(?i:the)\s+$")
_NEXT_DURATION_BEFORE = re.compile(r"\b(?i:in|over|within|during|for|through|throughout)\s+(?i:the)\s+$")
# "the Sept. 11 attacks": the day names the 2001 attacks, whatever the publication year.
_NINE_ELEVEN_AFTER = re.compile(r"\s+(?:attacks?|terror|terrorist|hijack\w*|mastermind|victims?|anniversary)\b")
# "a bloody 1973 coup", "his 2012 campaign": a year dating the noun after it. Up to two adjectives between the
# determiner and the year, never a preposition ("the talks in 2016 collapsed" dates the talks' sentence); "that"
# is left out, as "said that 2016 was" is a conjunction.
_DETERMINER_BEFORE = re.compile(
    r"\b(?:[Aa]n?|[Tt]he|[Hh]is|[Hh]er|[Ii]ts|[Tt]heir|[Oo]ur|[Tt]his)\s+"
    r"(?:(?!(?:in|on|at|of|for|by|to|from|since|until|during|after|before)\s)[a-z-]+\s+){0,2}$"
)
# ... and a noun after it, not a verb: "the 2016 race", not "the year 2016 was"
_NOUN_AFTER = re.compile(r"\s+(?!(?:is|was|were|are|has|had|will|would)\b)[a-z]")
# A capitalized word before a bare year makes it a name: "Made in China 2025", "Euro 2016", "Vision 2030".
_NAME_BEFORE_YEAR = re.compile(r"\b([A-Z][\w.]*)\s+$")
_YEAR_NAME_OK = frozenset(
    "in since by until of from before after during through and or the early late mid spring summer autumn fall "
    "winter".split()
)
# A forecast's participle or "due" looks ahead too ("the storm predicted for Tuesday", "he is due in court
# Wednesday"), and so does a "might" or "may" that is no past conjecture ("may have been").
_FUTURE = re.compile(
    r"\b(?:will|won['’]t|shall|going to|scheduled|slated|expected|predicted|forecast|anticipated|set to|due|"
    r"plans? to|planning|intends? to|upcoming|next|hopes? to|(?-i:might|may)(?!\s+(?:have|not have)\b)|"
    # "is prepared to testify … on Thursday" (not "was prepared to"); "though not confirmed for Thursday" (right
    # before the date, which ends the text cues are read in: not "was confirmed for the post Monday")
    r"(?<!was\s)(?<!were\s)prepared to|confirmed for(?=\s+$)|"
    # "the primary to be held on Feb. 19", not "was believed to be killed on Monday"
    r"(?<!had\s)(?<!believed\s)(?<!thought\s)(?<!reported\s)(?<!said\s)(?<!known\s)(?<!alleged\s)"
    r"to be (?:\w+(?:ed|en|wn)|held|made|set|run|paid|sold|built|put|heard|sent|won|met))\b|"
    r"['’]ll\b",
    re.IGNORECASE,
)
# Verbs that look ahead without saying so for sure (the "open" tense): "would" and "could" (neither "would have" nor
# "could not be reached") ...
_MODAL = re.compile(r"\b(?:would(?!\s+(?:not\s+)?have\b)|could(?!\s+(?:not|have)\b))\b", re.IGNORECASE)
# ... and a present tense before the date in its clause, which in news tells a scheduled event ("are at stake in
# Tuesday's caucuses", "makes its first appearance in court Thursday"), though not a progressive ("are
# investigating Tuesday's shooting" tells of a past one), nor an impersonal "it is" ("It is unclear what led to its
# closing over the weekend"). After the date it tells none: "Monday's attack is the deadliest".
_PRESENT = re.compile(
    r"\b(?:(?<!\bit\s)is(?!\s+\w+ing\b)|are(?!\s+\w+ing\b)|begins|starts|opens|ends|closes|meets|plays|makes|"
    r"faces|holds|takes\s+place|convenes|resumes|(?:has|have)\s+until)\b",
    re.IGNORECASE,
)
# "The warning forecast the Aug. 7 bombing": a forecast's word with the dated noun as its object is a verb in the
# past, no forecast of the date ("the storm predicted for Tuesday" is one).
_FORECAST_OBJECT = re.compile(r"\b(?i:forecast|predicted|anticipated|foresaw)\s+(?i:the|an?|his|her|its|their)\s+$")
# A participle after a bare "be", "remain" or "stay" takes its tense from the verb before that ("will be announced
# Friday", "had to be evacuated Monday", "will remain closed until Monday"), so it is no past cue of its own.
_PAST = re.compile(
    r"\b(?<!\bbe\s)(?<!\bremain\s)(?<!\bstay\s)(?:said|says|told|was|were|had|did|met|came|went|took|held|made|began|became|left|saw|gave|spoke|"
    r"wrote|ago|last|earlier|announced|\w{3,}ed)\b",
    re.IGNORECASE,
)
_FIGURE = r"[$£€]?\d[\d,.]*\s*(?:%|percent|per\s+cent|million|billion)?"
# "from 149 in ", "low of $26,984 in ", "and 57% in ", "from $29,858 the (previous year)", and "As in 2013, …": a
# figure compared, or a comparison (not "sales grew 724 percent in 1998": that year is the growth's own)
_FIGURE_BEFORE = re.compile(
    rf"(?:(?:\b(?i:from|than|with|to|versus|vs\.|of|and|or)\s+|,\s*){_FIGURE}\s+(?:in|the)|\b(?i:as)\s+in)\s+$"
)
_FIGURE_AFTER = re.compile(rf"\s*\(\s*{_FIGURE}\s*\)")  # "2011 (33%)"
_COMPARISON = re.compile(
    r"\b(?i:from|compared|versus|vs|than|low|high|record|up|down|rose|fell|grew|dropped|increased|decreased|"
    r"doubled|tripled|halved)\b"
)
_EVENT_NOUN = re.compile(
    r"['’]s\s+(?:[\w-]+\s+){0,2}(?i:primary|primaries|election|vote|ballot|meeting|summit|talks|session|hearing|"
    r"trial|game|match|race|final|debate|speech|announcement|decision|ceremony|deadline|launch|event|rally|"
    r"march|strike|protest|opening|release|report|sale|auction|show|concert|parade)\b"
)
_ANY_WORD = re.compile(r"[^\W\d_]+")
# "at 1800 GMT", "(0230 local time)": a clock time, no year
_CLOCK_AFTER = re.compile(rf"\s*(?:{TIME_ZONE}\b|Z\b|local time|hours\b|hrs\b|h\b)")
# "a 1987 Nissan, penetrated the compound": a car or a machine named by its model year, no event; "a 2015 Pew
# survey" (a lower-case noun after the name) is dated by its year.
_MODEL_YEAR_BEFORE = re.compile(r"\b[Aa]n?\s+$")
_MODEL_YEAR_AFTER = re.compile(
    r"(?!(?:\s+[A-Z][\w-]*){0,2}\s+(?:Conference|Convention|Summit|Congress|Games|Olympics|Cup|Championships?|"
    r"Elections?|Forum|Festival|Meeting|Session|Tour|Awards?|Prize|Report|Survey|Study|Census|Act|Law)\b)"
    r"(?:\s+[A-Z][\w-]*){1,3}\s*(?:[,;:.!?)]|$)"
)
# 'today' meaning the present age, no day: "even today", "still today", "as we know it today", "than it is
# today", "kids today are", "the world today is", "in today's world"
_GENERIC_TODAY_BEFORE = re.compile(
    r"\b(?i:even|still)\s+$|\b(?i:as|than|what)\s+(?:[\w'’]+\s+){0,3}?(?:am|is|are|exists?|remains?|stands?|looks?|lives?|"
    r"knows?\s+(?:it|them))\s+$"
)
_GENERIC_TODAY_SUBJECT = re.compile(
    r"\b(?i:kids|children|people|women|men|youth|youngsters|teens|teenagers|students|parents|families|consumers|"
    r"workers|world|society|generation|culture|Americans)\s+$"
)
_PRESENT_AFTER = re.compile(
    r"\s+(?:are|is|have|has|can|cannot|can['’]t|do|does|don['’]t|doesn['’]t|face|need|want|use|live|spend|tend|"
    r"seem|know|expect)\b"
)
_PRESENT_AGE_AFTER = re.compile(
    r"['’]s\s+(?:[\w-]+\s+)?(?:world|society|economy|market|climate|dollars|terms|age|era|environment|culture|"
    r"standards|youth|generation|children|kids|teens)\b"
)
_CONDITION = re.compile(r"\b(?i:if|unless)\s+(?:\w+\s+){0,3}$")
_FRONTED = re.compile(
    r"\s*[\"“]?(?i:on|in|during|(?:starting|beginning)\s+in|by|until|till|from|since|as\s+of|early|late|later|earlier)"
    r"(?:\s+(?i:on|early|late))?\s*"
)
_CLAUSE_BREAK = re.compile(r"[,;:()—–]|\s_\s|\b(?:that|and|but|which|who|when|after|before)\b")  # "_": a wire's dash


@dataclass(frozen=True, slots=True)
class DateValue:
    """A normalized date: `value` (None when unresolved), the end of a range, and the precision."""

    value: str | None
    precision: Precision
    end: str | None = None


@dataclass(frozen=True, slots=True)
class DateExpression:
    """A date expression in a sentence: `sentence[start:end] == text`."""

    start: int
    end: int
    text: str
    date: DateValue


@dataclass(frozen=True, slots=True)
class _Context:
    published: dt.date | None
    tense: Tense
    sentence_year: int | None
    anchor: DateValue | None = None


_Resolver = Callable[[re.Match[str], _Context], DateValue | None]


def find_dates(sentence: str, published: dt.date | None, anchor: DateValue | None = None) -> list[DateExpression]:
    """Every date expression in `sentence`, leftmost-longest, resolved against the publication date.

    Args:
        sentence: One sentence of an article.
        published: The article's publication date; None leaves relative expressions unresolved.
        anchor: The last resolved date of the sentence before, which an anaphoric expression ("the following
            day") opening this one follows; later ones follow the last date before them in this sentence.

    Returns:
        Expressions in reading order, with offsets into `sentence`; an anaphoric one without a date before it
        that fits ("the next day" after a year) is left out.
    """
    matches = _matches(sentence)
    year = _sentence_year(matches)
    found: list[DateExpression] = []
    for match, resolve in matches:
        context = _Context(published, _tense(sentence, match.start("x"), match.end("x")), year, anchor)
        date = _resolve_in_calendar(resolve, match, context)
        if date is not None:
            found.append(DateExpression(match.start("x"), match.end("x"), match.group("x"), date))
            anchor = date if date.value is not None else anchor
    return found


def _resolve_in_calendar(resolve: _Resolver, match: re.Match[str], context: _Context) -> DateValue | None:
    """`resolve(match, context)`, or the date unresolved when resolving it leaves the years 1–9999.

    A publication date at the calendar's edge (year 1 or 9999: a typo, a placeholder) puts "last week" or "next
    year" outside it; such a date stays unresolved, as it would without a publication date.
    """
    try:
        date = resolve(match, context)
    except (OverflowError, ValueError):
        date = None
    else:
        if date is None or _in_calendar(date):
            return date
    date = resolve(match, replace(context, published=None))
    return date if date is not None and _in_calendar(date) else None


def _in_calendar(date: DateValue) -> bool:
    years = (re.match(r"\d+", value or "") for value in (date.value, date.end))
    return all(year is None or 1 <= int(year.group()) <= dt.MAXYEAR for year in years)


def _matches(sentence: str) -> list[tuple[re.Match[str], _Resolver]]:
    """Leftmost-longest matches of the grammar, none overlapping another."""
    rules = (*_GRAMMAR, (_HOLIDAY_RULE, _holiday)) if may_contain(sentence, HOLIDAY_WORDS) else _GRAMMAR
    candidates = [
        (match, resolve)
        for pattern, resolve in rules
        for match in pattern.finditer(sentence)
        if _is_date(sentence, match)
    ]
    candidates.sort(key=lambda c: (c[0].start("x"), -(c[0].end("x") - c[0].start("x"))))
    kept: list[tuple[re.Match[str], _Resolver]] = []
    for match, resolve in candidates:
        if not kept or match.start("x") >= kept[-1][0].end("x"):
            kept.append((match, resolve))
    return kept


def _is_date(sentence: str, match: re.Match[str]) -> bool:
    before, after = sentence[: match.start("x")], sentence[match.end("x") :]
    groups = match.groupdict()
    if groups.get("weekday") and (
        _NAMED_DAY_BEFORE.search(before)
        or _NAMED_DAY_AFTER.match(after)
        or _ANAPHORIC_DAY_BEFORE.search(before)
        or (_THE_BEFORE.search(before) and _EVENT_RELATIVE_AFTER.match(after))
    ):
        return False
    if groups.get("unit") and groups.get("rel") and _DURATION_BEFORE.search(before):
        return False
    if (groups.get("rel") or groups.get("wmod") or "").lower() == "next" and _THE_BEFORE.search(before):
        return False
    if groups.get("aunit") and not groups.get("aweekday"):
        duration = _NEXT_DURATION_BEFORE if groups["amod"].lower() == "next" else _FOLLOWING_DURATION_BEFORE
        if duration.search(before) or _is_baseline(before, after):
            return False
    if groups.get("holiday") and not (groups.get("hcue") or groups.get("hmod") or groups.get("year")):
        return False
    opens_clause = not before.rstrip() or before.rstrip()[-1] in "\"“‘'(.!?:—-"
    if groups.get("deictic") and match.group("x")[0].isupper() and not opens_clause:
        return False  # "Americans for a Better Tomorrow": capitalized inside a sentence, it is a name
    if groups.get("deictic") and re.match(r"['’]s\s", after) and re.search(r"\b(?:of|in)\s+$", before):
        # "the ancestors of today's Tuareg", "many of today's voters", "make it in today's GOP": the present age,
        # no day; unless an event follows: "the relevance of today's Western Primary", "in today's vote"
        return bool(_EVENT_NOUN.match(after))
    if groups.get("deictic") and match.group("x").lower() == "today" and _generic_today(before, after):
        return False
    if groups.get("bare_year") and (
        (groups["bare_year"].startswith("21") and not _FAR_YEAR_CUE.search(before))
        or _is_baseline(before, after)
        or _CLOCK_AFTER.match(after)
        or (_MODEL_YEAR_BEFORE.search(before) and _MODEL_YEAR_AFTER.match(after))
    ):
        return False
    return not (groups.get("bare_year") and _is_name_word(_NAME_BEFORE_YEAR.search(before), _YEAR_NAME_OK))


def _generic_today(before: str, after: str) -> bool:
    """'today' as the present age (see `_GENERIC_TODAY_BEFORE`), not the day of publication."""
    return bool(
        _GENERIC_TODAY_BEFORE.search(before)
        or (_GENERIC_TODAY_SUBJECT.search(before) and _PRESENT_AFTER.match(after))
        or _PRESENT_AGE_AFTER.match(after)
    )


def _is_baseline(before: str, after: str) -> bool:
    """A year that dates a figure compared with another: "down from 149 in 2009", "a recent low of $26,984 in
    2010", "compared with 72% in 2013", "from 2011 (33%) to 2014 (61%)": a statistic's baseline, no event."""
    if _FIGURE_AFTER.match(after):
        return True
    figure = _FIGURE_BEFORE.search(before)
    if figure is not None and figure.group().lower().startswith("as"):
        return True
    return figure is not None and _COMPARISON.search(before, 0, figure.start()) is not None


def _is_name_word(word: re.Match[str] | None, allowed: frozenset[str]) -> bool:
    """Whether the capitalized word before a date makes it part of a name ('Euro 2016', 'Fox News Sunday')."""
    if word is None:
        return False
    text = word.group(1).rstrip(".").lower()
    return text not in allowed and text not in MONTHS and word.start() > 0


def _sentence_year(matches: list[tuple[re.Match[str], _Resolver]]) -> int | None:
    """The one explicit year the sentence names, which a year-less date in it takes; a year that dates a noun ("a
    bloody 1973 coup", "the 2016 election") is that event's, no context for the rest of the sentence, and so is one
    a span of time starts from ("took command May 13 after serving as its deputy since November 2015")."""
    years = set()
    for match, _ in matches:
        if _SINCE_BEFORE.search(match.string, 0, match.start("x")):
            continue
        groups = match.groupdict()
        if groups.get("year"):
            years.add(int(groups["year"]))
        elif groups.get("bare_year") and not _dates_a_noun(match):
            years.add(int(groups["bare_year"]))
    return years.pop() if len(years) == 1 else None


_SINCE_BEFORE = re.compile(r"\b(?i:since)\s+$")


def _dates_a_noun(match: re.Match[str]) -> bool:
    """A year between a determiner (and up to two adjectives) and a lower-case word: 'a bloody 1973 coup'."""
    sentence = match.string
    return bool(
        _DETERMINER_BEFORE.search(sentence, 0, match.start("x")) and _NOUN_AFTER.match(sentence, match.end("x"))
    )


def _tense(sentence: str, start: int, end: int) -> Tense:
    """Future when the verb nearest the expression in its clause is a future form ("will meet on Friday"), open
    when it looks ahead less surely ("would meet on Friday"; `Tense`)."""
    tense = _clause_tense(sentence, start, end)
    cues = _tense_cues(sentence[:start], present=True)
    future_ends = {cue_end for cue_end, cue in cues if cue == "future"}  # "scheduled" is no past
    if tense != "open" or not any(cue == "past" and cue_end not in future_ends for cue_end, cue in cues):
        return tense
    # "Police said they could offer no details Monday": after a past verb, "could" is as often a past ability
    modals = [m.group().lower() for m in _MODAL.finditer(sentence, 0, start)]
    return "past" if modals and modals[-1] == "could" else "open_in_past"


def _clause_tense(sentence: str, start: int, end: int) -> Tense:
    if _FUTURE.match(sentence, end + 3) and re.match(r"['’]s\s", sentence[end : end + 3]):
        return "future"  # "Friday's expected storm": the day's own participle, whatever the clause's verb
    before = sentence[:start]
    if _SINCE_BEFORE.search(before):
        return "past"  # "have been staying there since December 25, while others are expected …"
    breaks = list(_CLAUSE_BREAK.finditer(before))
    clause = before[breaks[-1].end() :] if breaks else before
    cues = _tense_cues(clause, present=True)
    if cues:
        cue_end, tense = _nearest(cues)
        if tense == "future" and _FORECAST_OBJECT.search(clause):
            return "past"
        if tense == "past" and _subject_of_a_future_verb(clause, cue_end, sentence[end:]):
            return "future"  # "Officials said the hearing on Friday will decide …": the hearing's verb is its own
        return tense
    # No verb before it in its clause: the expression sits in the subject ("his decision on Thursday will be
    # easy", "police on Monday arrested"), so the first verb after it, up to the clause's end, is its verb.
    after = _CLAUSE_BREAK.split(sentence[end:], maxsplit=1)[0]
    if not _ANY_WORD.search(before) or _FRONTED.fullmatch(before):
        # a fronted phrase ("On Tuesday, the Earth will enter …", "By Friday the talks had …"): the main clause's
        # verb, after the comma, is its verb
        after = re.split(r"[;:()—–]", sentence[end:], maxsplit=1)[0]
    later = _tense_cues(after, at_start=True)
    if later:
        # a cue both ways at one place ("expected", which also ends in -ed) looks ahead
        return min(later, key=lambda cue: (cue[0], cue[1] != "future"))[1]
    # "…will have a chance to respond before Sullivan holds another hearing on Feb. 23"
    cues = _tense_cues(before)
    if not cues and _CONDITION.search(before):
        return "future"  # "If Tuesday's storm damages a satellite, …": a condition in the present looks ahead
    return _nearest(cues)[1] if cues else "past"


_REPORTED = re.compile(rf"(?i:{VERBS}|reported)$")
_SUBJECT_ON = re.compile(r"^\s+(?:the|a|an|his|her|its|their)\s+(?:[\w-]+\s+){0,3}?(?:on\s+)?$", re.IGNORECASE)
_FUTURE_VERB_NEXT = re.compile(r"\s+(?:will|won['’]t|shall|is (?:expected|scheduled|set|due|slated)|is going to)\b")


def _subject_of_a_future_verb(clause: str, cue_end: int, after: str) -> bool:
    """A date in the subject reported after 'said' whose own verb is a future one: 'said the hearing on Friday
    will …' (not 'said on Friday he will …', where the day dates the saying, nor 'said that on Friday …')."""
    return bool(
        _REPORTED.search(clause[:cue_end]) and _SUBJECT_ON.match(clause[cue_end:]) and _FUTURE_VERB_NEXT.match(after)
    )


def _tense_cues(text: str, *, at_start: bool = False, present: bool = False) -> list[tuple[int, Tense]]:
    """(position, tense) of every future (`_FUTURE`), open (`_MODAL`, with `present` also `_PRESENT`) and past
    (`_PAST`) verb cue in `text`: where each ends, or with `at_start` where each starts (a verb after the expression
    is nearest where it starts)."""
    kinds: list[tuple[re.Pattern[str], Tense]] = [(_FUTURE, "future"), (_MODAL, "open"), (_PAST, "past")]
    if present:
        kinds.append((_PRESENT, "open"))
    return [(m.start() if at_start else m.end(), tense) for pattern, tense in kinds for m in pattern.finditer(text)]


def _nearest(cues: list[tuple[int, Tense]]) -> tuple[int, Tense]:
    """The cue nearest a date before it (the last to end); "scheduled" or "expected", a future cue that also ends in
    "-ed", counts as future."""
    return max(cues, key=lambda cue: (cue[0], cue[1] == "future"))


# --- values ---------------------------------------------------------------------------------------------------


def _day(date: dt.date) -> str:
    return date.isoformat()


def _month(year: int, month: int) -> str:
    return f"{year:04d}-{month:02d}"


def _week(date: dt.date) -> str:
    year, week, _ = date.isocalendar()
    return f"{year:04d}-W{week:02d}"


def _shift_month(year: int, month: int, by: int) -> tuple[int, int]:
    index = year * 12 + month - 1 + by
    return index // 12, index % 12 + 1


def _month_number(text: str) -> int:
    return MONTHS[text.rstrip(".").lower()]


def _day_number(text: str) -> int:
    return int(re.match(r"\d+", text).group())  # type: ignore[union-attr]  # the grammar matched digits


def _valid_day(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _yearless_year(month: int, day: int, context: _Context) -> int | None:
    """The year a year-less date takes: the publication year moved by tense, else the sentence's one year.

    The publication date comes first: a year in the same sentence is as often another event's ("listed as
    threatened in 2008 (E&E News, Nov. 4)", "win the House in November and the White House in 2012"). In an open
    clause ("would feature Republicans on Jan. 7", written in September) the date is the one nearest publication.
    """
    published = context.published
    if published is None:
        return context.sentence_year
    candidate = _valid_day(published.year, month, min(day, 28))
    assert candidate is not None  # day ≤ 28 exists in every month
    if context.tense == "open":
        return min(
            (published.year - 1, published.year, published.year + 1),
            key=lambda year: abs(candidate.replace(year=year) - published),
        )
    if context.tense == "future" and candidate < published - dt.timedelta(days=FUTURE_SLACK_DAYS):
        return published.year + 1
    if context.tense in ("past", "open_in_past") and candidate > published + dt.timedelta(days=PAST_SLACK_DAYS):
        return published.year - 1
    return published.year


def _fixed(month: int, day: int) -> Callable[[int], dt.date]:
    return lambda year: dt.date(year, month, day)


def _nth_weekday(month: int, weekday: int, n: int, *, plus_days: int = 0) -> Callable[[int], dt.date]:
    """The `n`th `weekday` (0 = Monday) of `month`, counted from the month's end when `n` is negative."""

    def day_of(year: int) -> dt.date:
        if n > 0:
            first = dt.date(year, month, 1)
            day = first + dt.timedelta(days=(weekday - first.weekday()) % 7 + 7 * (n - 1))
        else:
            last = _shift_month(year, month, 1)
            end = dt.date(*last, 1) - dt.timedelta(days=1)
            day = end - dt.timedelta(days=(end.weekday() - weekday) % 7 + 7 * (-n - 1))
        return day + dt.timedelta(days=plus_days)

    return day_of


_THANKSGIVING = _nth_weekday(11, 3, 4)
HOLIDAYS: dict[str, Callable[[int], dt.date]] = {
    "new year's day": _fixed(1, 1),
    "valentine's day": _fixed(2, 14),
    "st. patrick's day": _fixed(3, 17),
    "good friday": lambda year: easter(year) - dt.timedelta(days=2),
    "easter sunday": easter,
    "easter": easter,
    "mother's day": _nth_weekday(5, 6, 2),
    "memorial day": _nth_weekday(5, 0, -1),
    "father's day": _nth_weekday(6, 6, 3),
    "independence day": _fixed(7, 4),
    "fourth of july": _fixed(7, 4),
    "labor day": _nth_weekday(9, 0, 1),
    "halloween": _fixed(10, 31),
    "election day": _nth_weekday(11, 0, 1, plus_days=1),  # the Tuesday after the first Monday
    "veterans day": _fixed(11, 11),
    "thanksgiving day": _THANKSGIVING,
    "thanksgiving": _THANKSGIVING,
    "christmas eve": _fixed(12, 24),
    "christmas day": _fixed(12, 25),
    "christmas": _fixed(12, 25),
    "new year's eve": _fixed(12, 31),
}
"""The holidays news dates events by, each as its date in a given year (US dates where countries differ)."""


def _holiday_key(name: str) -> str:
    return " ".join(name.lower().replace("’", "'").split())


# --- resolvers: one per rule of the grammar --------------------------------------------------------------------


def _absolute_day(match: re.Match[str], context: _Context) -> DateValue | None:
    month, day = _month_number(match.group("month")), _day_number(match.group("day"))
    year = int(match.group("year")) if match.group("year") else _yearless_year(month, day, context)
    side = _NEXT_OR_LAST_BEFORE.search(match.string, 0, match.start("x"))
    if side is not None and context.published is not None and not match.group("year"):
        year = _year_on_side(month, day, context.published, side.group(1).lower())
    if (month, day) == (9, 11) and not match.group("year") and _NINE_ELEVEN_AFTER.match(match.string, match.end()):
        year = 2001
    if year is None:
        return DateValue(None, "day") if _valid_day(2000, month, day) else None
    start = _valid_day(year, month, day)
    return DateValue(_day(start), "day") if start else None


# "scheduled their caucuses next Feb. 7" (written Feb. 8): the first Feb. 7 after publication; "last Feb. 7" the
# latest before it.
_NEXT_OR_LAST_BEFORE = re.compile(r"\b((?i:next|last))\s+$")


def _year_on_side(month: int, day: int, published: dt.date, side: str) -> int:
    """The year of the first `month`/`day` after `published` ('next'), or of the latest before it ('last')."""
    candidate = (month, day)
    today = (published.month, published.day)
    if side == "next":
        return published.year + (candidate <= today)
    return published.year - (candidate >= today)


def _day_range(match: re.Match[str], context: _Context) -> DateValue | None:
    month, day = _month_number(match.group("month")), _day_number(match.group("day"))
    month2 = _month_number(match.group("month2")) if match.group("month2") else month
    day2 = _day_number(match.group("day2"))
    year = int(match.group("year")) if match.group("year") else _yearless_year(month, day, context)
    if year is None:
        return DateValue(None, "day")
    start = _valid_day(year, month, day)
    end = _valid_day(year + (month2 < month), month2, day2)
    if start is None or end is None or end <= start:
        return None
    return DateValue(_day(start), "day", _day(end))


def _numeric_day(match: re.Match[str], context: _Context) -> DateValue | None:
    start = _valid_day(int(match.group("year")), int(match.group("mon")), int(match.group("dnum")))
    return DateValue(_day(start), "day") if start else None


def _month_year(match: re.Match[str], context: _Context) -> DateValue:
    return DateValue(_month(int(match.group("year")), _month_number(match.group("month"))), "month")


def _bare_month(match: re.Match[str], context: _Context) -> DateValue:
    month = _month_number(match.group("month"))
    year = _yearless_year(month, 1, context)
    return DateValue(_month(year, month) if year is not None else None, "month")


def _bare_year(match: re.Match[str], context: _Context) -> DateValue:
    return DateValue(match.group("bare_year"), "year")


def _relative_month(match: re.Match[str], context: _Context) -> DateValue:
    """'last May': the latest May before the publication month; 'next May': the first after; 'this May'."""
    month, published = _month_number(match.group("month")), context.published
    if published is None:
        return DateValue(None, "month")
    which = match.group("rel").lower()
    year = published.year
    if which == "last" and month >= published.month:
        year -= 1
    elif which == "next" and month <= published.month:
        year += 1
    return DateValue(_month(year, month), "month")


def _month_of_relative_year(match: re.Match[str], context: _Context) -> DateValue:
    """'July of last year', 'September last year'."""
    if context.published is None:
        return DateValue(None, "month")
    year = context.published.year + {"last": -1, "this": 0, "next": 1}[match.group("rel").lower()]
    return DateValue(_month(year, _month_number(match.group("month"))), "month")


def _deictic_day(match: re.Match[str], context: _Context) -> DateValue:
    """'yesterday', 'today', 'tonight', 'this morning', 'last night', 'tomorrow'."""
    if context.published is None:
        return DateValue(None, "day")
    word = " ".join(match.group("x").lower().split())
    offset = -1 if word in ("yesterday", "last night") else 1 if word == "tomorrow" else 0
    return DateValue(_day(context.published + dt.timedelta(days=offset)), "day")


def _relative_unit(match: re.Match[str], context: _Context) -> DateValue:
    """'last week', 'earlier this month', 'next year', 'this weekend'; 'this past week' is last week."""
    unit = match.group("unit").lower()
    precision: Precision = "year" if unit == "year" else "month" if unit == "month" else "week"
    published = context.published
    if published is None:
        return DateValue(None, precision)
    by = {"last": -1, "this": 0, "next": 1, "this past": -1}[" ".join(match.group("rel").lower().split())]
    if unit == "year":
        return DateValue(str(published.year + by), "year")
    if unit == "month":
        return DateValue(_month(*_shift_month(published.year, published.month, by)), "month")
    # An American week begins on Sunday: on a Sunday "last week" is the one just ending, the same ISO week. A
    # weekend ends on Sunday: on a Sunday "this weekend" is the one ending that day.
    is_sunday_of_a_week = published.weekday() == 6 and unit == "week"
    anchor = published + dt.timedelta(days=1 if is_sunday_of_a_week else 0)
    week = _week(anchor + dt.timedelta(weeks=by))
    return DateValue(week + "-WE" if unit == "weekend" else week, "week")


def _ago(match: re.Match[str], context: _Context) -> DateValue:
    """'two weeks ago', '3 days ago', 'a year ago'."""
    unit = match.group("unit").lower().rstrip("s")
    precision: Precision = unit  # type: ignore[assignment]  # day, week, month or year
    published = context.published
    if published is None:
        return DateValue(None, precision)
    count = match.group("count").lower()
    n = int(count) if count.isdigit() else NUMBER_WORDS[count]
    if unit == "day":
        return DateValue(_day(published - dt.timedelta(days=n)), "day")
    if unit == "week":
        return DateValue(_week(published - dt.timedelta(weeks=n)), "week")
    if unit == "month":
        return DateValue(_month(*_shift_month(published.year, published.month, -n)), "month")
    return DateValue(str(published.year - n), "year")


def _weekday(match: re.Match[str], context: _Context) -> DateValue:
    """'Friday' in a past-tense clause is the latest Friday on or before publication; in a future one the next.

    'last Friday' is strictly before the publication date and 'next Friday' strictly after it.
    """
    published = context.published
    if published is None:
        return DateValue(None, "day")
    target = WEEKDAYS.index(match.group("weekday").lower())
    modifier = (match.group("wmod") or "").lower()
    if modifier == "last":
        return DateValue(_day(_weekday_before(published, target)), "day")
    if modifier == "next":
        return DateValue(_day(_weekday_after(published, target)), "day")
    if modifier == "later" or (modifier != "earlier" and context.tense != "past"):
        return DateValue(_day(published + dt.timedelta(days=(target - published.weekday()) % 7)), "day")
    return DateValue(_day(published - dt.timedelta(days=(published.weekday() - target) % 7)), "day")


def _weekday_before(day: dt.date, weekday: int) -> dt.date:
    """The latest date strictly before `day` that falls on `weekday` (Monday 0)."""
    return day - dt.timedelta(days=(day.weekday() - weekday) % 7 or 7)


def _weekday_after(day: dt.date, weekday: int) -> dt.date:
    """The first date strictly after `day` that falls on `weekday` (Monday 0)."""
    return day + dt.timedelta(days=(weekday - day.weekday()) % 7 or 7)


def _holiday(match: re.Match[str], context: _Context) -> DateValue:
    """'on Thanksgiving' takes its year as a year-less date does; 'last Christmas' is the latest before publication,
    'next Christmas' the first after it, and 'this past Fourth of July' the latest on or before it."""
    day_of = HOLIDAYS[_holiday_key(match.group("holiday"))]
    if match.group("year"):
        return DateValue(_day(day_of(int(match.group("year")))), "day")
    published, modifier = context.published, " ".join((match.group("hmod") or "").lower().split())
    if published is None:
        year = context.sentence_year
    elif modifier == "last":
        year = published.year - (day_of(published.year) >= published)
    elif modifier == "next":
        year = published.year + (day_of(published.year) <= published)
    elif modifier == "this past":
        year = published.year - (day_of(published.year) > published)
    else:
        this_year = day_of(published.year)
        year = _yearless_year(this_year.month, this_year.day, context)
    return DateValue(_day(day_of(year)) if year is not None else None, "day")


def _anaphoric(match: re.Match[str], context: _Context) -> DateValue | None:
    """'the following day', 'the next year', 'the previous Monday': one step from the date before it (the end of a
    range when following it), or nothing when there is none of the unit's precision ('the next day' after a year)."""
    anchor = context.anchor
    if anchor is None or anchor.value is None:
        return None
    forward = match.group("amod").lower() in ("following", "next")
    unit = match.group("aunit").lower()
    last = (anchor.end or anchor.value) if forward else anchor.value
    if unit == "year":
        return DateValue(str(int(last[:4]) + (1 if forward else -1)), "year")
    if unit == "month":
        if anchor.precision not in ("day", "month"):
            return None
        return DateValue(_month(*_shift_month(int(last[:4]), int(last[5:7]), 1 if forward else -1)), "month")
    if anchor.precision == "week" and unit == "week":
        monday = dt.date.fromisocalendar(int(last[:4]), int(last[6:8]), 1)
        return DateValue(_week(monday + dt.timedelta(weeks=1 if forward else -1)), "week")
    if anchor.precision != "day":
        return None
    day = dt.date.fromisoformat(last)
    if unit == "day":
        return DateValue(_day(day + dt.timedelta(days=1 if forward else -1)), "day")
    if unit == "week":
        return DateValue(_week(day + dt.timedelta(weeks=1 if forward else -1)), "week")
    step = _weekday_after if forward else _weekday_before
    return DateValue(_day(step(day, WEEKDAYS.index(unit))), "day")


def _the_weekend(match: re.Match[str], context: _Context) -> DateValue:
    """'over the weekend': the latest weekend on or before publication; in a future or open clause the next one (not
    in one open from a past moment: "informed him on Thursday that he would be released over the weekend")."""
    published = context.published
    if published is None:
        return DateValue(None, "week")
    if context.tense in ("future", "open"):
        saturday = published + dt.timedelta(days=(5 - published.weekday()) % 7)
    else:
        saturday = published - dt.timedelta(days=(published.weekday() - 5) % 7)
    return DateValue(_week(saturday) + "-WE", "week")


def _compile(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern if "(?P<x>" in pattern else f"(?P<x>{pattern})")


_HOLIDAY_NAMES = "|".join(
    r"\s+".join(re.escape(word).replace("'", "['’]") for word in name.split()) for name in HOLIDAYS
)
_HOLIDAY_NAMES = rf"(?i:{_HOLIDAY_NAMES})"
# A holiday names a day after a preposition of time ("on Thanksgiving", "until Christmas"), a "last" or a year;
# elsewhere it is as often a kind of thing ("Christmas shopping", "an Easter ham", "the Halloween display").
_HOLIDAY_CUE_WORDS = "on since until till by before after over during through around for".split()
# Capitalised only opening the sentence: inside it, "The Night Before Christmas" is a title.
_HOLIDAY_CUE = "|".join(_HOLIDAY_CUE_WORDS) + "|^(?:" + "|".join(map(str.title, _HOLIDAY_CUE_WORDS)) + ")"
_COUNT = r"(?P<count>\d{1,2}|(?i:a|an|one|two|three|four|five|six|seven|eight|nine|ten))"
_GRAMMAR: tuple[tuple[re.Pattern[str], _Resolver], ...] = tuple(
    (_compile(pattern), resolve)
    for pattern, resolve in (
        (
            rf"\b(?:{WEEKDAY_PATTERN},?\s+)?(?P<month>{MONTH_PATTERN})\s+(?P<day>{_DAY})(?:,?\s+(?P<year>{_YEAR}))?",
            _absolute_day,
        ),
        (
            rf"\b(?:{WEEKDAY_PATTERN},?\s+)?(?P<day>{_DAY})\s+(?P<month>{MONTH_PATTERN})(?:,?\s+(?P<year>{_YEAR}))?",
            _absolute_day,
        ),
        (
            rf"\b(?P<month>{MONTH_PATTERN})\s+(?P<day>{_DAY})\s*[-–]\s*(?:(?P<month2>{MONTH_PATTERN})\s+)?(?P<day2>{_DAY})"
            rf"(?:,?\s+(?P<year>{_YEAR}))?",
            _day_range,
        ),
        (r"\b(?P<year>\d{4})-(?P<mon>\d\d)-(?P<dnum>\d\d)\b", _numeric_day),
        (r"\b(?P<mon>\d{1,2})/(?P<dnum>\d{1,2})/(?P<year>\d{4})\b", _numeric_day),
        (rf"\b(?P<month>{MONTH_PATTERN})(?:\s+of)?,?\s+(?P<year>{_YEAR})", _month_year),
        (rf"\b(?P<month>{FULL_MONTH_PATTERN})\s+(?:of\s+)?(?P<rel>{_REL})\s+year\b", _month_of_relative_year),
        (rf"\b(?P<rel>{_REL})\s+(?P<month>{FULL_MONTH_PATTERN})\b(?!\s+\d)", _relative_month),
        (
            rf"\b{_BARE_MONTH_CUE}\s+(?P<x>(?:{_MOD}[-\s])?(?P<month>{FULL_MONTH_PATTERN}))\b(?!\s*\d|['’]s|\s+[A-Z])",
            _bare_month,
        ),
        (rf"\b(?P<x>{_MOD}[-\s](?P<month>{FULL_MONTH_PATTERN}))\b(?!\s*\d)", _bare_month),
        (rf"(?<![\w$£€#.,/:'’-])(?P<bare_year>{_YEAR}|{_FAR_YEAR})(?![\w%]|[.,:/-]\d)", _bare_year),
        (
            r"\b(?P<deictic>(?i:yesterday|today|tonight|tomorrow|this\s+(?:morning|afternoon|evening)|last\s+night))\b",
            _deictic_day,
        ),
        (r"\b(?i:over|during|on|at|this\s+past)\s+(?P<x>the\s+weekend)\b", _the_weekend),
        (
            rf"\b(?:(?i:earlier|later|early|late)\s+)?(?P<rel>{_REL})\s+(?P<unit>(?i:week|weekend|month|year))\b",
            _relative_unit,
        ),
        (r"\b(?P<rel>(?i:this\s+past))\s+(?P<unit>(?i:week|weekend))\b", _relative_unit),
        (
            rf"\b(?i:the)\s+(?P<x>(?P<amod>(?i:following|next|previous|preceding))\s+"
            rf"(?P<aunit>(?i:day|week|month|year)|(?P<aweekday>{WEEKDAY_PATTERN})))\b",
            _anaphoric,
        ),
        (rf"\b{_COUNT}\s+(?P<unit>(?i:days?|weeks?|months?|years?))\s+(?i:ago)\b", _ago),
        (rf"\b(?:(?P<wmod>(?i:last|next|this|earlier|later))\s+)?(?P<weekday>{WEEKDAY_PATTERN})\b", _weekday),
    )
)
_HOLIDAY_RULE = _compile(
    rf"(?:\b(?P<hcue>{_HOLIDAY_CUE})\s+)?(?P<x>(?:\b(?P<hmod>(?i:last|next|this\s+past|this))\s+)?"
    rf"\b(?P<holiday>{_HOLIDAY_NAMES})(?:\s+(?i:morning|afternoon|evening|night))?(?:,?\s+(?P<year>{_YEAR}))?)\b"
)
HOLIDAY_WORDS = (
    "christmas",
    "thanksgiving",
    "easter",
    "halloween",
    "july",
    "year",
    "valentine",
    "patrick",
    "mother",
    "father",
    "memorial",
    "independence",
    "labor",
    "election",
    "veterans",
    "friday",
)
"""A word every holiday's name holds: sentences without one (almost all) skip `_HOLIDAY_RULE`, a pattern that
would otherwise try its optional words at every position, slowing every sentence's dates by half."""
