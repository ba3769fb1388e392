"""The one-scan searches of a long body give exactly what the searches they replace gave."""

from __future__ import annotations

import re

from storyline.analyze.documents import DOCUMENT
from storyline.analyze.mentions import Mention, starting_within
from storyline.analyze.names import _first_names_before
from storyline.analyze.scans import matches_before, writes_word
from storyline.literals import may_contain, may_contain_each

BODY = (
    "The statements came late. A four-page letter (the memo) said: “the e-mail’s note”. The statement\n"
    "Ann Smith Smith Smith said, and Bob  Smith, then Smithers Smith. O'Brien's report, the O'Brien ruling."
)


def test_matches_before_finds_what_a_scan_stopped_there_finds() -> None:
    for end in range(len(BODY) + 1):  # "the statement" of "the statements" where a scan stops inside the word
        expected = [m.span() for m in DOCUMENT.finditer(BODY, 0, end)]
        assert [m.span() for m in matches_before(DOCUMENT, BODY, end)] == expected


def test_writes_word_is_the_whole_word_search() -> None:
    for word in ("statement", "statements", "smith", "Smith", "o'brien", "O'Brien", "mail", "e-mail", "", "xyz"):
        assert writes_word(BODY, word) == bool(re.search(rf"\b{re.escape(word)}\b", BODY)), word


def test_starting_within_takes_the_mentions_starting_in_the_span() -> None:
    mentions = [Mention("a1", start, start + 3, "Ann", "PERSON") for start in (0, 5, 5, 9, 20)]
    assert [m.start for m in starting_within(mentions, 5, 20)] == [5, 5, 9]
    assert [m.start for m in starting_within(mentions, 21, 30)] == []


def test_first_names_before_a_surname_as_the_pattern_finds_them() -> None:
    for last_name in ("Smith", "Smithers", "O'Brien", "said", "mith"):
        pattern = rf"\b([A-Z][a-z]+)\s+{re.escape(last_name)}\b(?!\s+[A-Z])"
        expected = [m.span() for m in re.finditer(pattern, BODY)]
        assert [m.span() for m in _first_names_before(BODY, last_name)] == expected, last_name


def test_may_contain_each_gives_may_contain_of_each_text() -> None:
    words = ("video", "for more", "for the latest", "any questions", "(c) ", "ab", "©", "fundme")
    texts = [
        "",
        "ab",
        "Watch the VIDEO below.",
        "For More information",  # a word's first 8 bytes match, its rest is checked
        "for the lates",  # cut short at the end of the joined text's last text
        "for the latest news",
        "Any questions?",
        "any question",
        "© 2015 Wiley",
        "Café (C) 2015",  # non-ASCII text: each character one byte, offsets kept
        "Vİdeo",  # İ lower-cases to two characters; re.IGNORECASE reads it as i
        "\u212a",  # the Kelvin sign, k under re.IGNORECASE
        "fund\nme",
        "videofundme",
        "the vide",
        "o is the video's end",
    ]
    expected = [may_contain(text, words) for text in texts]
    assert may_contain_each(texts, words).tolist() == expected
    assert expected.count(True) == 11
    # each text alone too: nothing spills over from the next text, and a text ending the batch is read to its end
    assert [bool(may_contain_each([text], words)[0]) for text in texts] == expected
    assert may_contain_each([], words).tolist() == []
