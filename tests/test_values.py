from __future__ import annotations

import pytest

from storyline.values import contradicts, stated_values


def _contradict(a: str, b: str) -> bool:
    return contradicts(stated_values(a), stated_values(b))


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("The fire killed 12 people.", "The fire killed 15 people."),
        ("The bridge will cost $40 million.", "The bridge will cost $45 million."),
        ("The fire broke out shortly after 3 a.m.", "The fire broke out around 5 a.m."),
        ("The council voted 7-2 to approve it.", "The council approved it in an 8-1 vote."),
        ("The talks opened on March 3.", "The talks opened on March 5."),
    ],
)
def test_values_contradict_when_no_value_of_a_quantity_agrees(a: str, b: str) -> None:
    assert _contradict(a, b)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("The fire killed 12 people.", "The fire killed about 12 people."),  # a hedge
        ("The fire broke out at 3 a.m.", "The fire broke out at 3:20 a.m."),  # rounding
        ("The fire killed 12 people.", "The fire broke out at 3 a.m."),  # nothing both state
        ("The fire killed 12 people and 200 people lost work.", "The fire killed 12 people."),  # one in common
        ("The shop opens from 9 a.m. to 5 p.m.", "The shop opens at 10 a.m."),  # bounds, not moments
        ("The fire broke out at 11:50 p.m.", "The fire broke out at 12:05 a.m."),  # round the clock
        ("Prices rose by 10-15 percent.", "Prices rose by 12-18 percent."),  # ranges that overlap, no tallies
    ],
)
def test_values_agree_allowing_for_hedges_rounding_and_other_quantities(a: str, b: str) -> None:
    assert not _contradict(a, b)


def test_stated_values_reads_times_and_tallies_as_their_own_kinds() -> None:
    text = "The council voted 7-2 shortly after 9 p.m. to spend $40 million."
    found = [(text[v.start : v.end], v.kind, v.low, v.high) for v in stated_values(text)]
    assert found == [
        ("7-2", "tally", 702, 702),
        ("shortly after 9 p.m.", "time", 1260, 1305),
        ("$40 million", "number", 38e6, 42e6),
    ]


@pytest.mark.parametrize(
    ("text", "times"),
    [
        ("The fire broke out at 5 a.m. and burned for six hours.", ["5 a.m."]),  # a moment, then more of the story
        ("Police stayed at the house until about 11 p.m.", []),  # a bound, hedged or not
        ("The polls open at 7 a.m. and close at 8 p.m.", ["7 a.m.", "8 p.m."]),
        ("The shop is open from 9 a.m. to 5 p.m. daily.", []),
        ("The shop is open 9 a.m. to 5 p.m. daily.", []),
        ("Police were called at 3: 06 p.m. on Sunday.", ["3: 06 p.m."]),  # a tokeniser's space: 3:06, not 6 p.m.
    ],
)
def test_stated_values_tells_moments_from_bounds(text: str, times: list[str]) -> None:
    assert [text[v.start : v.end] for v in stated_values(text) if v.kind == "time"] == times
