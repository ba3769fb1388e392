"""Numbers and dates in a sentence, as intervals a second sentence's values can be compared with.

A value keeps its character span in the sentence, a unit (the counted noun's stem, '$', '%', 'age'; for dates
the granularity) and the interval of values the sentence allows: an exact '40,000' allows what rounds to it
(within 5%), 'about 40,000' ±15%, 'more than 40,000' everything above, '6% to 6.5%' the range. Two values
conflict only when their intervals are disjoint, so rounding, hedges and ranges never read as disagreement.
Numbers that name things rather than count them (years, 'Boeing 737', 'COVID-19', 'No. 3', '7 a.m.') are
skipped by `find_values`; `stated_values` adds times of day and tallies ('an 8-1 vote'), which conflicts compares
and selection's support, which must not count a sentence stating another value as corroboration (`contradicts`).
Outside `analyze` so that support reads it without loading the analysis package.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Literal

from storyline.calendar_names import MONTH_PATTERN, MONTHS
from storyline.furniture.shared import TIME_ZONE
from storyline.represent import terms

_MONTH = rf"(?P<month>{MONTH_PATTERN})"
_DAY_FIRST = re.compile(
    rf"\b(?P<day>\d{{1,2}})(?:\s*[-–]\s*(?P<day2>\d{{1,2}}))?\s+{_MONTH}(?:,?\s+(?P<year>\d{{4}}))?\b"
)
_MONTH_FIRST = re.compile(
    rf"\b{_MONTH}\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?(?:\s*[-–]\s*(?P<day2>\d{{1,2}}))?(?:,?\s+(?P<year>\d{{4}}))?\b"
)
_MONTH_YEAR = re.compile(rf"\b{_MONTH}(?:,?\s+|\s+of\s+)(?P<year>\d{{4}})\b")
_IN_MONTH = re.compile(rf"\b(?:[Ii]n|[Oo]n|[Dd]uring)\s+(?P<date>(?:(?:early|mid|late)[-\s])?{_MONTH})(?!\s+\d)\b")
# Only 'in 1995' dates something: '2002 Winter Games' and 'the 1989 protests' name things by their year.
_IN_YEAR = re.compile(r"\b[Ii]n\s+(?P<date>(?P<year>(?:19|20)\d\d))(?![\w%,-]|\.\d)")
# A date after one of these words bounds an interval or is a deadline, not the moment something happens.
_NOT_A_POINT = re.compile(
    r"\b(?:by|before|after|since|until|till|through|throughout|as of|from|to|between|and|or|ending|ended|until)\s+$",
    re.IGNORECASE,
)
_ROUGH_DATE = re.compile(r"\b(?:around|about|approximately|roughly|early|mid|late|end of|beginning of)[-\s]+$", re.I)

_WORD_NUMBERS = {
    w: n
    for n, w in enumerate(
        "two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen "
        "seventeen eighteen nineteen twenty".split(),
        start=2,
    )
} | {w: 10 * n for n, w in enumerate("thirty forty fifty sixty seventy eighty ninety".split(), start=3)}
_SCALES = {"thousand": 1e3, "k": 1e3, "million": 1e6, "m": 1e6, "mn": 1e6, "bn": 1e9, "billion": 1e9, "trillion": 1e12}
_NUM = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|" + "|".join(sorted(_WORD_NUMBERS, key=len, reverse=True))
_NUMBER = re.compile(
    rf"(?<![\w.,/:$£€¥-])(?P<currency>(?:US|C|A|HK|NZ|S)?\$|£|€|¥)?\s?(?P<num>{_NUM})"
    rf"(?:\s*(?:-|–|to|or)\s*(?P<num2>{_NUM}))?"
    r"(?:\s?(?P<scale>thousand|million|billion|trillion|mn|bn|m|k)\b)?"
    r"(?P<percent>\s?(?:%|percent\b|per\s+cent\b|percentage\s+points?\b))?"
    r"(?:-(?P<hyphen>year-old|[a-z]+)\b)?"
    r"(?![\w$£€¥]|[.,:]\d)",
    re.IGNORECASE,
)
_BETWEEN = re.compile(
    rf"\bbetween\s+(?P<currency>[$£€¥])?(?P<num>{_NUM})\s?(?:%|percent|per cent|thousand|million|billion)?\s+and\s*$",
    re.IGNORECASE,
)
_APPROX = re.compile(r"\b(?:about|around|approximately|roughly|some|an estimated|estimated|almost|nearly)\s+$", re.I)
_AT_LEAST = re.compile(r"\b(?:more than|over|at least|upwards of|in excess of|exceeding|above|plus|beyond)\s+$", re.I)
_AT_MOST = re.compile(
    r"\b(?:less than|fewer than|under|up to|as many as|as much as|at most|below|nearly|almost)\s+$", re.I
)
_OR_MORE = re.compile(r"^\s*(?:\+|or more\b|plus\b|and counting\b)", re.I)
# Times of day, names with numbers and references: 'No. 3', 'Boeing 737', '7 a.m.', 'Article 5', 'page 12'.
_NOT_A_COUNT_AFTER = re.compile(rf"^\s*(?:a\.?m\b|p\.?m\b|o'clock|{TIME_ZONE}\b)", re.IGNORECASE)
_NOT_A_COUNT_BEFORE = re.compile(
    r"(?:\b(?:no|nos|number|article|section|chapter|page|route|highway|interstate|flight|room|"
    r"episode|season|volume|vol|level|grade|class|category|channel|version|model|type|phase|stage|"
    r"rank|ranked|ranking|top|aged|age|ages|lot|gate|pier|apartment|unit|suite)\.?|#)\s*$",
    re.IGNORECASE,
)
_AGE_BEFORE = re.compile(r"\b(?:aged|age|ages)\s+$", re.IGNORECASE)
_AGO = re.compile(r"^\s*(?:\w+\s+)?(?:ago|earlier|later|from now|before|after)\b", re.IGNORECASE)
_UNIT_WORD = re.compile(r"\s*([A-Za-z][A-Za-z'’]*)")
# Words between a number and what it counts: '5 new cases', '40,000 more vehicles'.
_MODIFIERS = frozenset("new total confirmed known reported".split())
# '3 other states', '5 more cases', 'another 12', 'four of five': a part of some count, not the count itself.
_PART_AFTER = frozenset("more additional other others extra separate further".split())
_PART_BEFORE = re.compile(
    rf"(?:\b(?:another|additional|further|extra|other|hundred|thousand)(?:\s+and)?"
    rf"|\b(?:{_NUM})(?:\s+(?:thousand|million|billion))?\s+(?:out\s+)?of"
    r"(?:\s+the)?)\s+$",
    re.IGNORECASE,
)
# '120 kph (75 mph)': a conversion repeats the value before it, rounded its own way.
_CONVERSION = re.compile(r"\d[^()]{0,25}\(\s*(?:about\s+|minus\s+)?[$£€¥]?$", re.IGNORECASE)
_HEADS = frozenset(
    "people persons men women children residents members families workers students voters troops soldiers "
    "victims patients passengers vehicles cars homes houses".split()
)
_SAME_NOUN = {"person": "peopl", "man": "men", "woman": "women", "child": "children"}
_UNIT_NAMES = {"$": "dollars", "£": "pounds", "€": "euros", "¥": "yen", "%": "percent", "pp": "percentage points"}

# Times of day ('shortly after 3 a.m.') and tallies ('an 8-1 vote', 'voted 7-2'): `stated_values` reads them.
# Some text puts a space after the colon ('3: 06 p.m.', Multi-News's tokenisation); its '06 p.m.' is no 6 p.m.
_CLOCK = re.compile(
    r"(?<![\w:.,$£€¥-])(?<!:\s)(?P<hour>1[0-2]|0?[1-9])(?::\s?(?P<minute>[0-5]\d))?\s?(?P<half>[ap])\.?\s?m\b\.?",
    re.IGNORECASE,
)
_SHORTLY_AFTER = re.compile(r"\b(?:shortly|just|soon|minutes)\s+after\s+$", re.IGNORECASE)
# The first time of a range: '9 a.m. to 5 p.m.', '9-11 p.m.' (but 'shortly after 9 p.m. to spend' is a moment).
_RANGE_AFTER = re.compile(r"\s*(?:[-–]\s*\d|to\s+\d|until\b|till\b)", re.IGNORECASE)
_SHORTLY_BEFORE = re.compile(r"\b(?:shortly|just|minutes)\s+before\s+$", re.IGNORECASE)
_DAY_MINUTES = 24 * 60.0
CLOCK_ROUNDING = 29
"""Minutes either side of an hour stated without minutes ('3 a.m.'): '3 a.m.' against '3:30 a.m.' is rounding, against
'4 a.m.' not. Set by hand on the review's invented fire (no labelled data); 10 when minutes are stated."""
CLOCK_HEDGE = 45
"""Minutes a hedge ('around 5 a.m.', 'shortly after 3 a.m.') widens a time of day by. Set by hand, as CLOCK_ROUNDING."""
_TALLY = re.compile(r"(?<![\w.,:/$-])(?P<won>\d{1,2})\s?[-–]\s?(?P<lost>\d{1,2})(?![\w%/-]|[.,]\d)")
_TALLY_BEFORE = re.compile(r"\b(?:voted|ruled|won|lost|beat|defeated|passed|approved|rejected)\s+$", re.IGNORECASE)
_TALLY_AFTER = re.compile(
    r"^\s*(?:vote|votes|decision|ruling|majority|margin|verdict|tally|win|victory|loss|defeat)\b", re.IGNORECASE
)

Kind = Literal["number", "date", "time", "tally"]


@dataclass(frozen=True, slots=True)
class Value:
    """A number or date in a sentence: `text[start:end]` of that sentence, and the interval it allows."""

    kind: Kind
    start: int
    end: int
    unit: str  # number: counted noun stem, '$', '%', 'age', …; date: 'day', 'month' or 'year'; 'time'; 'tally'
    low: float  # numbers: the value; dates: proleptic ordinal of the first day; times: minutes after midnight
    high: float
    year: int | None = None  # dates: the year when the sentence gives one

    def overlaps(self, other: Value) -> bool:
        """Whether both values can be true at once: same interval, allowing for the stated precision."""
        if self.kind == "date" and self.year is not None and other.year is not None and self.year != other.year:
            return False
        # Times of day go round the clock: '11:50 p.m.' and '12:05 a.m.' are 15 minutes apart.
        shifts = (-_DAY_MINUTES, 0.0, _DAY_MINUTES) if self.kind == "time" else (0.0,)
        return any(self.low + shift <= other.high and other.low <= self.high + shift for shift in shifts)


@lru_cache(maxsize=8192)
def find_values(text: str) -> tuple[Value, ...]:
    """Every date and counted number in `text`, in reading order.

    Args:
        text: One sentence.

    Returns:
        Dates (day, month or year precision) and numbers with a unit; spans index into `text`.
    """
    dates = _dates(text)
    taken = [(d.start, d.end) for d in dates]
    numbers = [n for n in _numbers(text) if not any(s < n.end and n.start < e for s, e in taken)]
    return tuple(sorted([*dates, *numbers], key=lambda v: v.start))


def stated_values(text: str) -> tuple[Value, ...]:
    """`find_values` and also times of day and tallies ('an 8-1 vote'): every value a sentence that corroborates
    `text` must not contradict.

    Args:
        text: One sentence.

    Returns:
        The values in reading order; a number inside a time or tally is left out.
    """
    extra = [*_clock_times(text), *_tallies(text)]
    values = [v for v in find_values(text) if not any(e.start < v.end and v.start < e.end for e in extra)]
    return tuple(sorted([*values, *extra], key=lambda v: v.start))


def contradicts(a: Sequence[Value], b: Sequence[Value]) -> bool:
    """Whether two sentences' values (`stated_values`) disagree: a quantity of one kind and unit both state, with no
    value of one side that the other allows. Of several values of one unit, one in common is taken for the same
    quantity and the rest for others ('12 killed … 200 people employed'), as conflicts does."""
    shared = {(v.kind, v.unit) for v in a} & {(v.kind, v.unit) for v in b}
    return any(
        not agree([x for x in a if (x.kind, x.unit) == key], [y for y in b if (y.kind, y.unit) == key])
        for key in shared
    )


def agree(a: Sequence[Value], b: Sequence[Value]) -> bool:
    """Whether some value of `a` allows some value of `b` (values of one quantity's kind and unit): the two sides
    agree, and any other value they give is about something else."""
    return any(x.overlaps(y) for x in a for y in b)


def unit_name(value: Value, text: str) -> str:
    """A reader's name for what a value counts: 'dollars', 'percent', 'age', or the noun as `text` writes it."""
    if value.kind == "date" or value.unit in ("age", *_UNIT_NAMES):
        return _UNIT_NAMES.get(value.unit, value.unit)
    return re.split(r"[\s-]", text[value.start : value.end])[-1]


# --- dates ---------------------------------------------------------------------------------------------------


def _dates(text: str) -> list[Value]:
    found: list[Value] = []
    for pattern, unit in ((_MONTH_FIRST, "day"), (_DAY_FIRST, "day"), (_MONTH_YEAR, "month"), (_IN_MONTH, "month")):
        for match in pattern.finditer(text):
            if any(v.start <= match.start() < v.end for v in found):
                continue
            value = _date(text, match, unit)
            if value is not None:
                found.append(value)
    for match in _IN_YEAR.finditer(text):
        if not any(v.start <= match.start() < v.end for v in found):
            value = _date(text, match, "year")
            if value is not None:
                found.append(value)
    return found


def _date(text: str, match: re.Match[str], unit: str) -> Value | None:
    """The interval of days a date allows; None for a deadline or an interval bound ('by March 4')."""
    start = match.start("date") if "date" in match.groupdict() else match.start()
    before = text[max(0, match.start() - 20) : match.start()]
    if _NOT_A_POINT.search(before) or re.match(r"\s*(?:[-–]|to\b|and\b|through\b)", text[match.end() :]):
        return None
    fields = match.groupdict()
    year = int(fields["year"]) if fields.get("year") else None
    if unit == "year":
        # A bare year never pins a day, so only the year check of `overlaps` can separate two of them.
        return Value("date", start, match.end(), unit, -math.inf, math.inf, year)
    month = MONTHS[fields["month"].rstrip(".").lower()]
    # Month and day are compared in a fixed leap year; `overlaps` compares the years when both sentences give one.
    try:
        if unit == "month":
            low = dt.date(2000, month, 1)
            high = dt.date(2000 + month // 12, month % 12 + 1, 1) - dt.timedelta(days=1)
        else:
            low = dt.date(2000, month, int(fields["day"]))
            high = dt.date(2000, month, int(fields["day2"])) if fields.get("day2") else low
    except ValueError:  # 'February 30': not a date
        return None
    if high < low:
        return None
    slack = 7 if _ROUGH_DATE.search(before) or re.match(r"(?:early|mid|late)[-\s]", text[start:]) else 0
    return Value("date", start, match.end(), unit, low.toordinal() - slack, high.toordinal() + slack, year)


# --- times of day and tallies --------------------------------------------------------------------------------


def _clock_times(text: str) -> list[Value]:
    """Times of day as intervals of minutes after midnight; none for a bound ('by 5 p.m.', 'from 3 to 5 a.m.')."""
    found = []
    for match in _CLOCK.finditer(text):
        before = text[max(0, match.start() - 30) : match.start()]
        hour, minute = int(match.group("hour")) % 12, int(match.group("minute") or 0)
        at = 60.0 * (hour + (12 if match.group("half").lower() == "p" else 0)) + minute
        shortly_after, shortly_before = _SHORTLY_AFTER.search(before), _SHORTLY_BEFORE.search(before)
        hedge = shortly_after or shortly_before or _APPROX.search(before)
        # 'until about 11 p.m.' is a bound as 'until 11 p.m.' is; 'at 5 a.m. and burned for hours' is a moment.
        if _NOT_A_POINT.search(before[: hedge.start()] if hedge else before) or _RANGE_AFTER.match(text, match.end()):
            continue
        if shortly_after:
            low, high = at, at + CLOCK_HEDGE
        elif shortly_before:
            low, high = at - CLOCK_HEDGE, at
        else:
            slack = CLOCK_HEDGE if hedge else 10 if match.group("minute") else CLOCK_ROUNDING
            low, high = at - slack, at + slack
        # The hedge is part of what the sentence states: conflicts quotes it and leaves it out of the words around.
        start = match.start() - len(before) + hedge.start() if hedge else match.start()
        found.append(Value("time", start, match.end(), "time", low, high))
    return found


def _tallies(text: str) -> list[Value]:
    """Vote counts and scores ('voted 7-2', 'an 8-1 vote'), named by the word before or after them."""
    return [
        Value("tally", m.start(), m.end(), "tally", value, value)
        for m in _TALLY.finditer(text)
        if _TALLY_BEFORE.search(text[max(0, m.start() - 12) : m.start()]) or _TALLY_AFTER.match(text[m.end() :])
        for value in [100.0 * int(m.group("won")) + int(m.group("lost"))]
    ]


# --- numbers -------------------------------------------------------------------------------------------------


def _numbers(text: str) -> list[Value]:
    found = [value for match in _NUMBER.finditer(text) if (value := _number(text, match)) is not None]
    # 'between 6% and 6.5%' is one range, not also a '6%'.
    return [v for v in found if not any(o is not v and o.start <= v.start and v.end <= o.end for o in found)]


def _number(text: str, match: re.Match[str]) -> Value | None:
    before = text[max(0, match.start() - 30) : match.start()]
    counted = _unit(text, match)
    if counted is None:
        return None
    unit, end = counted
    if _NOT_A_COUNT_AFTER.match(text[match.end() :]) or _AGO.match(text[end:]):
        return None
    if unit != "age" and not match.group("currency") and (_NOT_A_COUNT_BEFORE.search(before) or _names(before)):
        return None
    if _PART_BEFORE.search(before) or _CONVERSION.search(before):
        return None
    if re.fullmatch(r"(?:19|20)\d\d", match.group("num")) and not (match.group("currency") or match.group("scale")):
        return None  # a year: dates are found separately
    low = _parse(match.group("num"), match.group("scale"))
    high = _parse(match.group("num2"), match.group("scale")) if match.group("num2") else low
    start = match.start()
    between = _BETWEEN.search(before)
    if between:
        low, start = _parse(between.group("num"), match.group("scale")), match.start() - len(before) + between.start()
    if high < low:
        return None  # '24-17' is a score, not a range
    low, high = _interval(low, high, match, before, text[end:])
    if re.search(r"\bminus\s+$", before, re.IGNORECASE):
        low, high = -high, -low
    return Value("number", start, end, unit, low, high)


def _names(before: str) -> bool:
    """'Boeing 737', 'Super Bowl 50': a number after a capitalised word (not opening the sentence) names a thing."""
    word = re.search(r"(?:^|(?P<stop>[.!?:;\"“]\s+)|\s)(?P<word>[A-Z][\w.]*)\s$", before)
    return bool(word) and word.start() > 0 and not word.group("stop")


def _parse(number: str, scale: str | None) -> float:
    word = _WORD_NUMBERS.get(number.lower())
    value = float(word) if word is not None else float(number.replace(",", ""))
    return value * _SCALES.get((scale or "").lower(), 1.0)


def _interval(low: float, high: float, match: re.Match[str], before: str, after: str) -> tuple[float, float]:
    """Widen the stated value by its hedge ('about', 'more than') or, if exact, by what rounds to it."""
    if _AT_LEAST.search(before) or _OR_MORE.match(after):
        return low, math.inf
    if _AT_MOST.search(before):
        return (0.9 * high if _APPROX.search(before) else 0.0), high
    if _APPROX.search(before):
        return 0.85 * low, 1.15 * high
    return low - _rounding(match.group("num"), low), high + _rounding(match.group("num2") or match.group("num"), high)


def _rounding(number: str, value: float) -> float:
    """Half a unit of the last stated digit ('40,000' → 5,000; '1.2' → 0.05), kept between 1% and 5% of the value.

    Rounding explains '39,800' against '40,000', not '35,000' against '40,000'; unit conversions
    ('19,350 feet' and '19,356 feet' for 5,900 m) differ by less than 1%.
    """
    if number.lower() in _WORD_NUMBERS:
        return 0.0
    digits = number.replace(",", "")
    if "." in digits:
        step = 10.0 ** -len(digits.split(".")[1])
    else:
        step = 10.0 ** (len(digits) - len(digits.rstrip("0"))) if digits.strip("0") else 1.0
    scale = value / float(digits) if float(digits) else 1.0
    return max(min(step * scale / 2, 0.05 * abs(value)), 0.01 * abs(value))


def _unit(text: str, match: re.Match[str]) -> tuple[str, int] | None:
    """What a number counts and where its words end; None when it counts nothing two sentences could share."""
    end = match.end()
    if match.group("currency"):
        return match.group("currency")[-1], end
    if match.group("percent"):
        return ("pp" if "point" in match.group("percent").lower() else "%"), end
    hyphen = (match.group("hyphen") or "").lower()
    if hyphen == "year-old" or _AGE_BEFORE.search(text[max(0, match.start() - 8) : match.start()]):
        return "age", end
    if hyphen:
        return _noun(hyphen), end
    if re.search(r"[A-Z][a-z]+,\s$", text[max(0, match.start() - 30) : match.start()]) and text[end : end + 1] == ",":
        return "age", end  # 'John Smith, 45, of Denver'
    word = _UNIT_WORD.match(text, end)
    if word and word.group(1).lower() in _PART_AFTER:
        return None
    if word and word.group(1).lower() in _MODIFIERS:
        word = _UNIT_WORD.match(text, word.end())
    if word is None:
        return None
    noun = word.group(1).lower()
    if noun in ("years", "year") and re.match(r"\s+old\b", text[word.end() :]):
        return "age", word.end() + len(re.match(r"\s+old", text[word.end() :])[0])
    if not terms(noun) or noun.endswith("ed"):  # 'three injured': what is counted is named elsewhere
        return None
    if noun in MONTHS:  # '21 july' written in lower case is a day, not 21 of something
        return None
    head = _UNIT_WORD.match(text, word.end())
    if head and head.group(1).lower() in _HEADS:  # '12,000 homeless people' counts people
        return _noun(head.group(1)), head.end()
    return _noun(noun), word.end()


def _noun(word: str) -> str:
    word = word.lower()
    return _SAME_NOUN.get(word, (terms(word) or [word])[0])
