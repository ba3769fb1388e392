"""The timeline: date expressions resolved against each article's publication date, merged across outlets."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

import storyline
from storyline.analyze.dates import HOLIDAY_WORDS, HOLIDAYS
from storyline.analyze.entities import EntityAnalysis, Mention
from storyline.analyze.timeline import build_timeline
from storyline.cli import app
from storyline.models import Article, Brief, BriefOptions, Event
from storyline.render import RENDERERS
from storyline.render.analysis import key_events

THU = dt.date(2019, 3, 7)  # Thursday, 7 March 2019: the Nikkei seed's publication date
PAYLOAD = '<script>alert("owned")</script>'


def article(body: str, published: dt.date | None = THU, article_id: str = "a1") -> Article:
    return Article(id=article_id, source=article_id, raw=body, text=body, body=body, published=published)


def dates(body: str, published: dt.date | None = THU) -> list[tuple[str, str | None]]:
    """(expression, value) of every mention, in timeline order."""
    return [(m.expression, e.value) for e in build_timeline([article(body, published)]) for m in e.mentions]


def only(body: str, published: dt.date | None = THU) -> Event:
    (event,) = build_timeline([article(body, published)])
    return event


@pytest.mark.parametrize(
    ("sentence", "expression", "value", "precision"),
    [
        ("Trump visited Beijing on Nov. 9, 2017.", "Nov. 9, 2017", "2017-11-09", "day"),
        ("They met on 9 November 2017 in Beijing.", "9 November 2017", "2017-11-09", "day"),
        ("Trump and Xi met at Mar-a-Lago in April 2017.", "April 2017", "2017-04", "month"),
        ("The growth target for 2019 was cut.", "2019", "2019", "year"),
        ("Seas could rise by more than 3 feet by 2100.", "2100", "2100", "year"),
        ("The filing is dated 2019-03-05.", "2019-03-05", "2019-03-05", "day"),
        ("The filing is dated 3/5/2019.", "3/5/2019", "2019-03-05", "day"),
    ],
)
def test_timeline_absolute_dates(sentence: str, expression: str, value: str, precision: str) -> None:
    event = only(sentence, published=None)  # absolute dates need no publication date
    assert (event.mentions[0].expression, event.value, event.precision, event.resolved) == (
        expression,
        value,
        precision,
        True,
    )


def test_timeline_range_has_start_and_end() -> None:
    event = only("Before the summit in Hanoi on February 27-28, Trump said he was in no rush.")
    assert (event.value, event.end, event.precision) == ("2019-02-27", "2019-02-28", "day")
    assert event.mentions[0].expression == "February 27-28"


def test_timeline_range_across_months() -> None:
    event = only("The talks ran Feb. 27-March 1, 2019 in Hanoi.", published=None)
    assert (event.value, event.end) == ("2019-02-27", "2019-03-01")


@pytest.mark.parametrize(
    "sentence",
    [
        "He took command of the ship May 13 after serving as its deputy since November 2015.",
        "Prices have risen since 2015, and on May 13 they peaked.",
    ],
)
def test_timeline_a_year_a_span_starts_from_dates_no_other_date(sentence: str) -> None:
    # without a publication date, "since 2015" says when something began, not the year of May 13
    assert dict(dates(sentence, None))["May 13"] is None


@pytest.mark.parametrize(
    ("sentence", "published", "value"),
    [
        ("Xi was to welcome Kim around the afternoon of March 4.", THU, "2019-03-04"),
        ("People danced in Pyongyang on Feb. 16.", THU, "2019-02-16"),
        # Past tense, and December would be five months ahead of July: last year's December.
        ("Trump said in an interview in December that he had been soft on China.", dt.date(2018, 7, 10), "2017-12"),
        # Future tense, and Jan. 5 is behind Dec. 20: next year's.
        ("The two leaders will meet on Jan. 5 in Hanoi.", dt.date(2018, 12, 20), "2019-01-05"),
        # A congress that runs until a date a week ahead stays in the publication year.
        ("The congress is going on in Beijing until March 15.", THU, "2019-03-15"),
        # Without a publication date, a year in the same sentence fixes a year-less date.
        ("In 2017, the first talks took place on June 12 in Singapore.", None, "2017-06-12"),
        # With one, the publication date wins over another event's year in the sentence.
        ("Republicans will win the House in November and the White House in 2012.", dt.date(2010, 3, 22), "2010-11"),
        ("Stocks have risen since February amid optimism.", THU, "2019-02"),
        ("The index recovered above the 3,000 mark in early March.", THU, "2019-03"),
        ("The vote on the new charter is scheduled for November.", THU, "2019-11"),
    ],
)
def test_timeline_yearless_dates_take_the_year_the_context_implies(
    sentence: str, published: dt.date | None, value: str
) -> None:
    assert value in [v for _, v in dates(sentence, published)]


@pytest.mark.parametrize(
    ("sentence", "expression", "value"),
    [
        ("The talks with North Korea last week were a disappointment.", "last week", "2019-W09"),
        ("The summit could take place this week.", "this week", "2019-W10"),
        ("Xi will travel to the U.S. next week.", "next week", "2019-W11"),
        ("The summit is expected to take place later this month.", "later this month", "2019-03"),
        ("Exports fell last month.", "last month", "2019-02"),
        ("Trump said so himself last year.", "last year", "2018"),
        ("Growth will slow next year.", "next year", "2020"),
        ("Officials met yesterday.", "yesterday", "2019-03-06"),
        ("Officials meet today.", "today", "2019-03-07"),
        ("Officials will meet tomorrow.", "tomorrow", "2019-03-08"),
        ("Xi met Kim in Beijing last May.", "last May", "2018-05"),  # March 2019: May is still to come
        ("Trump expressed doubts in July of last year.", "July of last year", "2018-07"),
        ("The band released a song two weeks ago.", "two weeks ago", "2019-W08"),
        ("He turned himself in over the weekend.", "the weekend", "2019-W09-WE"),
        ("Twice this past week he went to the presidential library.", "this past week", "2019-W09"),
        ("We mourn the loss of Jack the cat this past weekend.", "this past weekend", "2019-W09-WE"),
        ("Earlier Friday, there were reports that a meeting was cancelled.", "Earlier Friday", "2019-03-01"),
    ],
)
def test_timeline_relative_dates_resolve_against_publication(sentence: str, expression: str, value: str) -> None:
    assert dates(sentence) == [(expression, value)]


@pytest.mark.parametrize(
    ("sentence", "value"),
    [
        # a fronted "in"/"during" phrase takes the main clause's verb (Tuesday 8 January 2013)
        ("In June, the shop will sell the computer.", "2013-06"),
        ("During June, the council will review the repairs, Keller said.", "2013-06"),
        ("In June, police arrested two men.", "2012-06"),
    ],
)
def test_timeline_a_fronted_month_takes_the_main_verbs_tense(sentence: str, value: str) -> None:
    assert [v for _, v in dates(sentence, dt.date(2013, 1, 8))] == [value]


@pytest.mark.parametrize(
    ("sentence", "value"),
    [
        # a participle after "be" is no past: the "will" before it decides (Thursday 7 March 2019)
        ("The winning bid will be announced Friday.", "2019-03-08"),
        ("The public hearing will be held Tuesday.", "2019-03-12"),
        ("The results will be released on Wednesday by the agency.", "2019-03-13"),
        ("Residents had to be evacuated Monday.", "2019-03-04"),
        # and so is one after "remain" or "stay"
        ("The school will remain closed until Monday.", "2019-03-11"),
        ("The road will stay blocked through Wednesday.", "2019-03-13"),
        ("The road remained blocked on Wednesday.", "2019-03-06"),
    ],
)
def test_timeline_a_passive_takes_the_tense_of_its_auxiliary(sentence: str, value: str) -> None:
    assert [v for _, v in dates(sentence)] == [value]


@pytest.mark.parametrize(
    ("sentence", "expression", "value"),
    [
        # Sunday 10 March 2024 ends ISO week 10 and its weekend; an American week begins that day
        ("Thousands attended the festival this weekend.", "this weekend", "2024-W10-WE"),
        ("Last weekend, a storm closed the festival.", "Last weekend", "2024-W09-WE"),
        ("Prices rose last week.", "last week", "2024-W10"),
    ],
)
def test_timeline_on_a_sunday_this_weekend_is_the_one_ending(sentence: str, expression: str, value: str) -> None:
    assert dates(sentence, dt.date(2024, 3, 10)) == [(expression, value)]


@pytest.mark.parametrize(
    ("sentence", "expression", "value"),
    [
        ("He was found dead in his home on Thanksgiving.", "Thanksgiving", "2018-11-22"),  # fourth Thursday
        ("The show is scheduled to premiere on Labor Day.", "Labor Day", "2019-09-02"),  # first Monday of September
        ("They met last Christmas.", "last Christmas", "2018-12-25"),
        ("She hiked there this past Fourth of July.", "this past Fourth of July", "2018-07-04"),
        ("The store will close until New Year’s Day.", "New Year’s Day", "2020-01-01"),  # weeks past: the next one
        ("When she passed, on Christmas Eve, 2016, he wrote a eulogy.", "Christmas Eve, 2016", "2016-12-24"),
        ("Nguyen spent Thanksgiving 2011 with him.", "Thanksgiving 2011", "2011-11-24"),
        ("She was found dead on Christmas night, 1996, in the basement.", "Christmas night, 1996", "1996-12-25"),
        ("The parade is held on Easter Sunday.", "Easter Sunday", "2019-04-21"),
        ("Romney's critics will argue until Election Day.", "Election Day", "2019-11-05"),  # after the first Monday
    ],
)
def test_timeline_holidays_resolve_to_their_day(sentence: str, expression: str, value: str) -> None:
    assert dates(sentence) == [(expression, value)]


def test_timeline_the_weekday_before_or_after_an_event_is_that_events_not_publications() -> None:
    assert dates("On the Friday after Election Day, she got a concession call.") == [("Election Day", "2018-11-06")]
    assert dates("The Monday meeting was cancelled.") == [("Monday", "2019-03-04")]


def test_timeline_every_holiday_passes_the_word_pretest() -> None:
    # Sentences holding none of HOLIDAY_WORDS skip the holiday rule: a holiday without one would never be found.
    for name in HOLIDAYS:
        assert any(word in name for word in HOLIDAY_WORDS), name
        assert dates(f"It happened on {name.title()}.") != [], name


@pytest.mark.parametrize(
    "sentence",
    [
        "The storm made last-minute Christmas shopping perilous.",
        "He carved an Easter ham.",
        "She read a parody of The Night Before Christmas.",
    ],
)
def test_timeline_a_holiday_naming_a_kind_of_thing_is_no_date(sentence: str) -> None:
    assert dates(sentence) == []


def test_timeline_last_month_name_after_it_is_this_year() -> None:
    assert dates("Xi met Kim in Beijing last May.", dt.date(2018, 7, 10)) == [("last May", "2018-05")]


@pytest.mark.parametrize(
    ("sentence", "value"),
    [
        ("A senior official told CNBC on Friday that talks stalled.", "2019-03-01"),  # past: latest Friday
        ("Trump took to Twitter on Monday.", "2019-03-04"),
        ("The congress opened on Thursday.", "2019-03-07"),  # the publication day itself
        ("The two leaders will meet on Friday.", "2019-03-08"),  # future: the next Friday
        ("The meeting is scheduled for Monday.", "2019-03-11"),
        ("They met last Thursday.", "2019-02-28"),  # 'last' is strictly before publication
        ("They will meet next Thursday.", "2019-03-14"),
        # No verb before the day in its clause: the verb after it sets the tense.
        ("If the board agrees, the mayor said, her vote on Friday will be a formality.", "2019-03-08"),
        ("The council on Monday voted to close the pier.", "2019-03-04"),
        # A fronted day takes the main clause's verb; a forecast's participle, "due" and "might" look ahead.
        ("On Friday, the ferry will sail for the first time.", "2019-03-08"),
        ("Crews braced for the gale forecast for Saturday.", "2019-03-09"),
        ("Ships waited for the gale predicted for Saturday.", "2019-03-09"),
        ("The harbour master is due in court Monday.", "2019-03-11"),
        ("The pier said some ferries might sail late Friday.", "2019-03-08"),
        ("They prepared for Friday's expected storm.", "2019-03-08"),
        ("The pier said ferries may have sailed late Monday.", "2019-03-04"),
        ("If Friday's gale hits the pier, the ferries could stay in port.", "2019-03-08"),
        ("If the gale hit the pier on Monday, nobody saw it.", "2019-03-04"),
        # "since" looks back whatever follows; a wire's " _ " ends a clause like a dash
        ("Divers have searched the pier since Monday while more are expected to arrive.", "2019-03-04"),
        ("The ferry sank in Monday's gale _ a loss the owners are expected to absorb.", "2019-03-04"),
    ],
)
def test_timeline_weekday_past_and_future(sentence: str, value: str) -> None:
    assert [v for _, v in dates(sentence)] == [value]


@pytest.mark.parametrize(
    ("sentence", "published", "value"),
    [
        # "would", "could" and a scheduled event's present look ahead: a weekday is the next one (Thursday 7 March
        # 2019), a year-less date the one nearest publication (Jan. 7 is nearer in 2020 than in 2019)
        ("The first debate would feature the mayor on Jan. 7.", dt.date(2019, 9, 23), "2020-01-07"),
        ("The board said the vote would take place Tuesday.", THU, "2019-03-12"),
        ("A rescue package could be announced soon after Sunday's vote.", THU, "2019-03-10"),
        ("The case makes its first appearance in federal court Friday.", THU, "2019-03-08"),
        ("Two hundred delegates are at stake in Tuesday's caucuses.", THU, "2019-03-12"),
        ("Voters have until Monday at noon to register.", THU, "2019-03-11"),
        ("The primary to be held on Feb. 19 matters most to the field.", dt.date(2019, 6, 23), "2020-02-19"),
        ("The judge is planning on Monday to send the names.", THU, "2019-03-11"),
        # ... but not a past "could", "would have", a progressive or "it is", nor "to be" after "believed"
        ("The vote would have taken place Tuesday.", THU, "2019-03-05"),
        ("The mayor could not be reached for comment Friday.", THU, "2019-03-01"),
        ("Police said they could offer no details Monday night.", THU, "2019-03-04"),
        ("Police are investigating Tuesday's shooting.", THU, "2019-03-05"),
        ("It is unclear what led to the closure over the weekend.", THU, "2019-W09-WE"),
        ("The victim was believed to be killed on Monday.", THU, "2019-03-04"),
        ("Saturday morning, the couple became the first to be married in the county.", THU, "2019-03-02"),
        # after a past verb, a year-less date or a weekend is still dated from that past moment
        ("The band was hoping that it could tour in February.", dt.date(2018, 11, 21), "2018-02"),
        (
            "Officials told him on Thursday that he would be released over the weekend.",
            dt.date(2019, 3, 10),
            "2019-W10-WE",
        ),
    ],
)
def test_timeline_a_verb_that_looks_ahead_less_surely(sentence: str, published: dt.date, value: str) -> None:
    assert value in [v for _, v in dates(sentence, published)]


@pytest.mark.parametrize(
    ("sentence", "value"),
    [
        # written Wednesday 6 March 2019
        ("The witness is prepared to testify -- probably on Thursday -- in the case, reports said.", "2019-03-07"),
        ("Her testimony, though not confirmed for Thursday, was sure to be on that date.", "2019-03-07"),
        # past: "was prepared to", and "confirmed for" not right before the date
        ("He said he was prepared to resign on Monday.", "2019-03-04"),
        ("The nominee was confirmed for the post Monday.", "2019-03-04"),
    ],
)
def test_timeline_prepared_to_or_confirmed_for_looks_ahead(sentence: str, value: str) -> None:
    assert [v for _, v in dates(sentence, dt.date(2019, 3, 6))] == [value]


@pytest.mark.parametrize(
    ("sentence", "published", "value"),
    [
        # written Friday 8 February 2019: "next Feb. 7" is 2020's, "last March 9" 2018's
        ("Iowa Republicans on Monday moved their caucuses to next Feb. 7.", dt.date(2019, 2, 8), "2020-02-07"),
        ("The fair opened last March 9.", THU, "2018-03-09"),
    ],
)
def test_timeline_next_or_last_before_a_month_and_day(sentence: str, published: dt.date, value: str) -> None:
    assert value in [v for _, v in dates(sentence, published)]


def test_timeline_the_first_weekday_of_a_month_is_a_rule_not_a_day() -> None:
    assert dates("No state may hold a primary before the first Tuesday in March.") == [("March", "2019-03")]


def test_timeline_on_a_sunday_last_week_is_the_week_just_ending() -> None:
    sunday = dt.date(2013, 5, 26)
    assert dates("Obama's speech last week was naive.", sunday) == [("last week", "2013-W21")]


@pytest.mark.parametrize(
    "sentence",
    [
        "A senior official told CNBC on Friday that talks stalled.",
        "The talks with North Korea last week were a disappointment.",
        "Xi was to welcome Kim around the afternoon of March 4.",
        "Xi met Kim in Beijing last May.",
    ],
)
def test_timeline_without_publication_date_stays_unresolved(sentence: str) -> None:
    event = only(sentence, published=None)
    assert (event.value, event.resolved) == (None, False)


@pytest.mark.parametrize(
    ("body", "published", "expected"),
    [
        # Xinhua's copy, stored under the day after its dateline
        (
            "PARIS, February 20 (Xinhua) -- The ministers met today. They had arrived yesterday.",
            dt.date(2019, 2, 21),
            [("yesterday", "2019-02-19"), ("today", "2019-02-20")],
        ),
        (
            "MOSCOW, December 31 (Xinhua) -- The two sides signed the accord today.",
            dt.date(2020, 1, 1),
            [("today", "2019-12-31")],
        ),
        ("ROME, March 6 (UPI) -- The council voted today.", THU, [("today", "2019-03-06")]),
        ("ROME, Mar. 6 (UPI) -- The council will vote tomorrow.", THU, [("tomorrow", "2019-03-07")]),
        ("Nairobi, March 6 (Xinhua) -- The council voted yesterday.", THU, [("yesterday", "2019-03-05")]),
        # HealthDay's weekday: the Tuesday nearest publication; with a month and day, the day rules
        ("TUESDAY (HealthDay News) -- Researchers reported today that sleep helps.", THU, [("today", "2019-03-05")]),
        (
            "MONDAY, March 4 (HealthDay News) -- Researchers reported today that sleep helps.",
            THU,
            [("today", "2019-03-04")],
        ),
        (
            "SATURDAY (HealthDay News) -- Researchers reported today that sleep helps.",
            dt.date(2019, 3, 11),
            [("today", "2019-03-09")],
        ),
    ],
)
def test_timeline_relative_dates_count_from_a_wire_datelines_day(
    body: str, published: dt.date, expected: list[tuple[str, str]]
) -> None:
    assert dates(body, published) == expected


@pytest.mark.parametrize(
    ("body", "published"),
    [
        ("ROME, June 3 (UPI) -- The council voted today.", THU),  # too far from publication: no dateline of it
        ("ROME, Feb. 6 (UPI) -- The council voted today.", THU),
        ("ROME, January 1 (UPI) -- The council voted today.", dt.date(9999, 12, 31)),  # no year after 9999
    ],
)
def test_timeline_a_datelines_day_far_from_publication_is_ignored(body: str, published: dt.date) -> None:
    assert dates(body, published) == [("today", published.isoformat())]


def test_timeline_a_datelines_day_without_publication_date_stays_unresolved() -> None:
    event = only("PARIS, February 20 (Xinhua) -- The ministers met today in Paris.", published=None)
    assert (event.value, event.resolved) == (None, False)


def test_timeline_a_datelines_day_leaves_the_publication_date_as_it_is() -> None:
    dated = article("PARIS, February 20 (Xinhua) -- The ministers met today.", dt.date(2019, 2, 21))
    (event,) = build_timeline([dated])
    assert (event.value, dated.published) == ("2019-02-20", dt.date(2019, 2, 21))


@pytest.mark.parametrize(
    ("sentence", "published"),
    [
        ("The council voted last week to close the bridge.", dt.date(1, 1, 3)),
        ("The council voted last year to close the bridge.", dt.date(1, 1, 3)),
        ("The council will vote next year on the bridge.", dt.date(9999, 12, 31)),
    ],
)
def test_timeline_relative_date_outside_the_calendar_stays_unresolved(sentence: str, published: dt.date) -> None:
    event = only(sentence, published=published)
    assert (event.value, event.resolved) == (None, False)


@pytest.mark.parametrize(
    "sentence",
    [
        "Shoppers crowded the stores on Black Friday.",
        "Dole said on Fox News Sunday that the Senate is bent.",
        "Premier Li did not refer to the Made in China 2025 plan.",
        "His super PAC, Americans for a Better Tomorrow, Tomorrow, raised money.",
        "Xi has held talks with Kim four times in the past year.",
        "The agency may spend the money in the next year.",
        "He might be right, and it may rain.",
        "Most of the unions voted for May in the leadership race.",
        "The sample comprised 2174 adults aged 18 to 64.",
    ],
)
def test_timeline_names_and_durations_are_not_dates(sentence: str) -> None:
    assert dates(sentence) == []


def test_timeline_the_next_month_or_weekday_follows_the_storys_moment_not_publication() -> None:
    # "the next November" is the one after a moment the story tells of (here 2009's), never a date to resolve
    # against publication as "next November" is.
    assert dates("He lost in 2009 and ran again the next November.") == [("2009", "2009")]
    assert dates("By the next Monday, the strike was over.") == []
    assert dates("The vote is due next November, and the count next Monday.") == [
        ("next Monday", "2019-03-11"),
        ("next November", "2019-11"),
    ]


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (
            "On June 21, he robbed a Walgreens in Lauderdale Lakes. The next day, he robbed another one.",
            [("June 21", "2018-06-21"), ("next day", "2018-06-22")],
        ),
        (
            "She went back on Friday, March 1, and on the following Monday the girl found the gifts.",
            [("Friday, March 1", "2019-03-01"), ("following Monday", "2019-03-04")],
        ),
        (
            "Officials first noticed the damage in 2003. By the next year, the town had decided to move.",
            [("2003", "2003"), ("next year", "2004")],
        ),
        (
            "In 2012, the duo split after a dispute on Twitter, but publicly reunited the following year.",
            [("2012", "2012"), ("following year", "2013")],
        ),
        (
            "The ferry sank on March 2 after the crew had warned of the storm the previous day.",
            [("previous day", "2019-03-01"), ("March 2", "2019-03-02")],
        ),
    ],
)
def test_timeline_the_following_day_or_year_follows_the_date_before_it(
    body: str, expected: list[tuple[str, str]]
) -> None:
    assert dates(body) == expected


@pytest.mark.parametrize(
    ("body", "expressions"),
    [
        ("He lost the race in 2009. The next day, he conceded.", ["2009"]),  # a year dates no day after it
        ("The ferry sank on March 2. Nobody spoke. The next day, the crew was found.", ["March 2"]),  # too far
        ("The ferry sank on March 2 and the search went on over the following week.", ["March 2"]),  # a duration
        ("The ferry sank on March 2; rescuers will need help in the next month.", ["March 2"]),
        # the year of a figure compared, as "down from 149 in 2009" is
        ("The average wedding cost $31,213 last year, up 4.5% from $29,858 the previous year.", ["last year"]),
    ],
)
def test_timeline_the_following_day_that_dates_nothing(body: str, expressions: list[str]) -> None:
    assert [expression for expression, _ in dates(body)] == expressions


@pytest.mark.parametrize("line", ["Tuesday, October 25", "Updated: Nov. 9, 2017", "Posted Friday"])
def test_timeline_a_line_that_is_only_a_date_is_no_event(line: str) -> None:
    body = f"{line}\nThe ferry company resigned its licence on Monday after the crash."
    assert dates(body) == [("Monday", "2019-03-04")]


def test_timeline_a_short_sentence_with_a_verb_is_an_event() -> None:
    assert dates("The harbour master resigned March 2.") == [("March 2", "2019-03-02")]


def test_timeline_spans_are_exact() -> None:
    body = "TOKYO -- Talks ended.\nBefore the summit in Hanoi on February 27-28, Trump spoke. Xi met Kim last May."
    for event in build_timeline([article(body)]):
        for mention in event.mentions:
            assert body[mention.span.start : mention.span.end] == mention.expression
            assert body[mention.sentence.start : mention.sentence.end] == mention.text
            assert mention.sentence.start <= mention.span.start < mention.span.end <= mention.sentence.end
    event = build_timeline([article(body)])[1]
    assert (event.mentions[0].span.start, event.mentions[0].span.end) == (52, 66)


def test_timeline_merges_the_same_moment_across_outlets() -> None:
    outlets = [
        article("Trump met Xi Jinping in Beijing on Friday to discuss trade.", dt.date(2019, 3, 9), "a1"),
        article("Trump met Xi Jinping in Beijing on March 8 to discuss trade.", dt.date(2019, 3, 11), "a2"),
        article("Separately, stocks fell sharply on March 8 in Tokyo.", dt.date(2019, 3, 11), "a3"),
    ]
    timeline = build_timeline(outlets)
    assert [(e.value, [m.span.article for m in e.mentions]) for e in timeline] == [
        ("2019-03-08", ["a1", "a2"]),
        ("2019-03-08", ["a3"]),
    ]


def test_timeline_an_unresolved_date_twice_in_one_article_with_a_shared_name_is_one_event() -> None:
    body = (
        "Hopes were low before Ana Lowe flew to Oslo last week for the harbour talks. "
        "Her visit to Norway last week coincided with a strike at the port of Bergen by dockers."
    )
    names = [("Ana Lowe", "Ana Lowe"), ("Her", ""), ("Oslo", "Oslo"), ("Norway", "Norway"), ("Bergen", "Bergen")]
    mentions = tuple(
        Mention("a1", body.index(text), body.index(text) + len(text), text, "PERSON", name)
        for text, name in names
        if name
    )
    second = body.index("Her visit")
    lowe_again = Mention("a1", second, second + 3, "Her", "PERSON", "Ana Lowe")  # as if the text named her again
    entities = EntityAnalysis((), (*mentions, lowe_again), {})
    (event,) = build_timeline([article(body, None)], entities)
    assert [m.expression for m in event.mentions] == ["last week", "last week"]
    # across articles the same words may be other weeks: they stay apart without a publication date
    other = article("Lowe played at a jazz festival in Stockholm last week with her band.", None, "a2")
    in_other = Mention("a2", 0, 4, "Lowe", "PERSON", "Ana Lowe")
    entities = EntityAnalysis((), (*entities.mentions, in_other), {})
    assert len(build_timeline([article(body, None), other], entities)) == 2


def test_timeline_key_events_show_a_sentence_once_at_its_finest_date() -> None:
    brief = timeline_brief(
        [
            "The congress opened on Tuesday, when the premier set the growth target for 2019 below the 2018 target.",
            "Markets in Tokyo and Shanghai rose in 2018 on hopes of a trade deal between the two sides.",
        ]
    )
    shown = [(e.value, e.mentions[0].text[:12]) for e in key_events(brief)]
    assert shown == [("2018", "Markets in T"), ("2019-03-05", "The congress")]
    assert len(brief.timeline) == 4  # the timeline itself keeps every date


def test_timeline_cluster_mixing_years_resolves_each_article_by_its_own_date() -> None:
    outlets = [
        article("Pompeo's trip to Pyongyang last week disappointed.", dt.date(2018, 7, 10), "a1"),
        article("After last week's summit in Vietnam, Beijing is worried.", dt.date(2019, 3, 8), "a2"),
        article("Officials met on Friday.", None, "a3"),
    ]
    timeline = build_timeline(outlets)
    assert [(e.value, e.mentions[0].span.article) for e in timeline] == [
        ("2018-W27", "a1"),
        ("2019-W09", "a2"),
        (None, "a3"),  # unresolved events come last
    ]


def test_timeline_is_chronological_coarse_before_fine() -> None:
    body = "Talks began on March 4, 2019. Trade grew in 2018. Stocks rose in March 2019. Xi spoke on March 1, 2019."
    assert [e.value for e in build_timeline([article(body)])] == ["2018", "2019-03", "2019-03-01", "2019-03-04"]


def timeline_brief(bodies: list[str], published: dt.date | None = THU) -> Brief:
    """A brief without spaCy analysis, given the timeline of its own articles."""
    brief = storyline.brief(bodies, options=BriefOptions(words=60, analysis=False))
    articles = [article(info.body, published, info.id) for info in brief.story.articles]
    return brief.model_copy(update={"timeline": build_timeline(articles)})


def test_timeline_not_computed_without_analysis() -> None:
    brief = storyline.brief(
        ["Officials met on Friday in Beijing. Talks ended on March 4, 2019."], options=BriefOptions(analysis=False)
    )
    assert brief.timeline == ()


def test_timeline_renders_in_every_format() -> None:
    brief = timeline_brief(
        [
            f"Officials met in Hanoi on February 27-28 and talked. {PAYLOAD} was said on Friday by the official.",
            "Xi met Kim in Beijing last May. Markets rose in Tokyo and Shanghai on the news of the meeting.",
        ]
    )
    terminal, markdown, page = (RENDERERS[f](brief) for f in ("terminal", "md", "html"))
    assert "Timeline" in terminal and "2019-02-27 – 2019-02-28" in terminal and "2018-05" in terminal
    assert "## Timeline" in markdown and "- **2019-03-01** —" in markdown
    assert "<h2>Timeline</h2>" in page and "<u>last May</u>" in page
    assert PAYLOAD not in page and "&lt;script&gt;alert(" in page
    assert Brief.model_validate(json.loads(RENDERERS["json"](brief))) == brief


def test_timeline_unresolved_is_shown_as_such() -> None:
    brief = timeline_brief(["Officials met in Hanoi on Friday and talked about trade and sanctions."], None)
    assert "Friday (unresolved)" in RENDERERS["terminal"](brief)
    assert "Friday (unresolved)" in RENDERERS["md"](brief)
    assert 'class="unresolved"' in RENDERERS["html"](brief)


def test_timeline_is_in_the_json_schema() -> None:
    schema = Brief.model_json_schema(mode="serialization")
    assert schema["properties"]["timeline"]["items"] == {"$ref": "#/$defs/Event"}
    assert {"value", "end", "precision", "resolved", "mentions"} <= set(schema["$defs"]["Event"]["properties"])


@pytest.mark.slow
def test_timeline_seed_brief_with_dates_from_the_cli(examples_dir: Path) -> None:
    result = CliRunner().invoke(
        app,
        ["brief", str(examples_dir), "-f", "json", "--date", "nbc.txt=2019-03-08", "--date", "nikkei.txt=2019-03-07"],
    )
    assert result.exit_code == 0, result.output
    brief = Brief.model_validate_json(result.stdout)
    values = [e.value for e in brief.timeline]
    assert {"2019-W09", "2019-03-08", "2019-03-05", "2019-03-27"} <= set(values)
    assert values.index("2019-W09") < values.index("2019-03-05") < values.index("2019-03-27")
    hanoi = next(e for e in brief.timeline if e.end == "2019-02-28")
    assert hanoi.mentions[0].expression == "February 27-28"
    # The undated Asia Times piece keeps its relative dates unresolved, after every resolved event.
    unresolved = [e for e in brief.timeline if not e.resolved]
    assert unresolved and brief.timeline[-len(unresolved) :] == tuple(unresolved)
    assert {m.expression for e in unresolved for m in e.mentions} >= {"Monday", "last week"}


def test_timeline_a_year_dating_another_event_gives_no_year_to_a_yearless_date() -> None:
    sentence = "General Varga seized power in a bloody 1961 coup and ruled Estoria until March."
    assert ("March", None) in dates(sentence, None)
    assert ("1961", "1961") in dates(sentence, None)


@pytest.mark.parametrize(
    "sentence",
    [
        "The talks in 1987 collapsed on March 3.",  # a preposition: the year is the sentence's, not a noun's
        "He said that 1987 was hard and left on March 3.",  # "that" a conjunction, "was" a verb
    ],
)
def test_timeline_a_year_in_the_sentence_still_dates_a_yearless_day(sentence: str) -> None:
    assert ("March 3", "1987-03-03") in dates(sentence, None)


@pytest.mark.parametrize(
    "sentence",
    [
        "Harbour fees now average $412, down from $388 in 2011.",
        "Ferry use rose to 64% from 51% in 2012.",
        "Tickets sold online grew from 2012 (18%) to 2016 (40%).",
        "Fares hit a recent low of $9.50 in 2013 before climbing.",
    ],
)
def test_timeline_the_year_of_a_figure_compared_is_no_event(sentence: str) -> None:
    assert dates(sentence) == []


@pytest.mark.parametrize(
    "sentence",
    ["The yard laid off 300 in 2012 after the merger.", "Ferry ticket sales grew 40 percent in 2012, to $3 million."],
)
def test_timeline_a_year_after_a_figure_not_compared_is_an_event(sentence: str) -> None:
    assert dates(sentence) == [("2012", "2012")]


@pytest.mark.parametrize(
    ("sentence", "expression", "value"),
    [
        ("The new pier should open sometime between 2021 and 2023.", "2021", "2021"),
        ("The count covers sailings from March 1 to April 30, 2018.", "March 1", "2018-03-01"),
    ],
)
def test_timeline_a_range_is_one_event_under_its_start(sentence: str, expression: str, value: str) -> None:
    assert dates(sentence, None) == [(expression, value)]


def test_timeline_as_in_a_year_compares_and_dates_no_event() -> None:
    assert dates("As in 2015, ferries from Oban carried the most cars.") == []
    assert dates("As the 2016 season got underway, ferries from Oban carried the most cars.") == [("2016", "2016")]


def test_timeline_a_title_case_heading_dates_no_event() -> None:
    body = "Top 2016 Ferry Routes\nThe ferry company opened a route to Oban in 2016."
    assert dates(body) == [("2016", "2016")]


def test_timeline_of_todays_is_the_present_age_not_a_day() -> None:
    assert dates("The pier was built by the grandparents of today's fishermen.") == []
    assert dates("Few doubted the outcome of today's harbour board vote.") == [("today", "2019-03-07")]
    assert dates("Today's vote closed the pier.") == [("Today", "2019-03-07")]
    assert dates("Reagan could not make it in today's GOP, he said.") == []
    assert dates("Few ferries sailed in today's harbour board vote.") == [("today", "2019-03-07")]


@pytest.mark.parametrize(
    ("sentence", "left"),
    [
        ("The ferry left at 0630 local time (2230 GMT Wednesday).", [("Wednesday", "2019-03-06")]),  # a clock time
        ("The getaway car, a 1994 Volvo, was found in a ditch.", []),  # a model year, no event
        ("The villagers came in their Sunday best.", []),  # an idiom, no day
        ("She has taught Sunday school for years.", []),
        ("Even today, few fishermen use nets.", []),  # the present age, no day
        ("Children today are taller than their parents were.", []),
        ("The harbour is far busier than it is today.", []),
        ("I am more worried about the harbour than I am today.", []),
        ("Nobody writes letters in today's world.", []),
    ],
)
def test_timeline_words_that_look_like_dates_but_date_nothing(sentence: str, left: list[tuple[str, str]]) -> None:
    assert dates(sentence) == left


def test_timeline_a_named_event_after_a_year_keeps_its_year() -> None:
    assert dates("At a 2011 World Conference, the guild elected a new head.") == [("2011", "2011")]


@pytest.mark.parametrize(
    ("sentence", "expression", "value"),
    [
        ("The dredger was damaged in September last year.", "September last year", "2018-09"),
        ("The port reopened in January this year.", "January this year", "2019-01"),
        ("The berth will be ready by June next year.", "June next year", "2020-06"),
    ],
)
def test_timeline_a_month_then_a_relative_year_is_that_years_month(sentence: str, expression: str, value: str) -> None:
    assert dates(sentence) == [(expression, value)]


def test_timeline_a_reported_subject_with_a_future_verb_looks_ahead() -> None:
    # Thursday 7 March 2019: the hearing is the next Friday, the saying the last one
    assert dates("Officials said the hearing on Friday will decide the case.") == [("Friday", "2019-03-08")]
    assert dates("He said on Friday he will resign.") == [("Friday", "2019-03-01")]
    assert dates("Rangers said heavy rains from Saturday will keep the river high.") == [("Saturday", "2019-03-02")]


def test_timeline_a_forecast_verb_with_the_dated_event_as_its_object_is_past() -> None:
    # written on 7 March: the warning came before the blast of Feb. 20, not before one next year
    assert dates("The warning forecast the Feb. 20 blast at the depot.") == [("Feb. 20", "2019-02-20")]
    assert dates("The storm predicted for Tuesday may flood the pier.") == [("Tuesday", "2019-03-12")]
