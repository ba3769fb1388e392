"""Quotes the rules once left without a speaker, or gave the wrong one, though the text around them names who spoke:
a pronoun after an unnamed source, reported speech after a sentence's opening phrases, a lawyer taken for a woman
because of the client's pronoun, and a statement introduced by a comma (docs/speakers.md, 2026-11-28, s15); a long
quotation's paragraphs whose closing marks are lost, and a group of people opening a sentence (s18)."""

from __future__ import annotations

import pytest

from tests.test_quotes import only, quotes_of

pytestmark = pytest.mark.slow  # every test here runs spaCy NER


def speaker_of(body: str, quote: str) -> tuple[str | None, str]:
    found = only(quotes_of(body), quote)
    return found.speaker, found.speaker_kind


@pytest.mark.parametrize(
    ("body", "speaker"),
    [
        (
            "Sen. Kirsten Gillibrand spoke on Monday. Gillibrand also recounted the time a labor leader advised her "
            "to improve her looks.\n“To win, you need to be beautiful again,” he said.",
            "a labor leader",
        ),
        (
            "Mayor John Smith spoke on Monday. A labor leader advised the mayor to quit.\n“You need to go,” he said.",
            "A labor leader",
        ),
        (
            "Sen. Kirsten Gillibrand has a new book. Gillibrand reveals that one male Senator, after she lost about "
            "50 pounds, came up behind her and gave her waist a squeeze. “Don’t lose weight now,” he told her.",
            "one male Senator",
        ),
    ],
)
def test_a_pronoun_after_an_unnamed_source_opening_a_clause_is_that_source(body: str, speaker: str) -> None:
    assert speaker_of(body, "") == (speaker, "described")


@pytest.mark.parametrize(
    "advice",
    ["advised the mayor to leave the U.S. Senate race.", "advised the mayor at 10 a.m. Monday to quit the race."],
)
def test_an_abbreviation_between_the_unnamed_source_and_the_quote_ends_no_sentence(advice: str) -> None:
    body = f"Mayor John Smith spoke on Monday. A labor leader {advice} “You need to go,” he said."
    assert speaker_of(body, "You need") == ("A labor leader", "described")


def test_a_pronoun_two_sentences_after_an_unnamed_source_is_not_that_source() -> None:
    body = "Mayor John Smith spoke on Monday. A labor leader advised the mayor to quit. It was May.\n“No,” he said."
    assert speaker_of(body, "No")[0] != "A labor leader"


def test_a_pronoun_keeps_the_subject_when_the_unnamed_source_is_an_object() -> None:
    body = "Mayor John Smith spoke on Monday. He met a labor leader who advised him to quit.\n“I will not go,” he said."
    assert speaker_of(body, "I will") == ("John Smith", "named")


def test_a_statement_after_reported_speech_behind_opening_phrases_is_the_reporters() -> None:
    body = (
        "Musher Jeff King lost a dog. Of the two other dogs injured in the crash, King said one might have a "
        'fractured leg. "Another is better, but in shock, with an impact injury of some kind."'
    )
    assert speaker_of(body, "Another") == ("Jeff King", "named")


def test_the_clients_pronoun_after_her_lawyers_name_says_nothing_of_the_lawyers_gender() -> None:
    body = (
        'Her lawyer, Michael Avenatti, said on morning news shows Wednesday that she wants "to set the record '
        'straight." He said on NBC there was "no question" Trump knew about the agreement.\nAvenatti said Clifford '
        "wasn't looking to profit from her story. But he told CBS: \"I don't know whether she's going to seek "
        'payment or not."'
    )
    assert speaker_of(body, "I don't") == ("Michael Avenatti", "named")


def test_a_statement_closing_a_persons_sentence_after_a_comma_is_that_persons() -> None:
    body = (
        "Michael Dunn was convicted on Saturday. Dunn also made repeated efforts to distance himself from fellow "
        'inmates, "Being in a room by myself really sucks, but better than being in a room with them animals."'
    )
    assert speaker_of(body, "Being") == ("Michael Dunn", "named")


def test_a_paragraph_opening_with_a_quote_whose_closing_mark_is_lost_goes_on_with_the_speaker() -> None:
    # each paragraph of a long quotation opens with a mark; here even the closing ones are lost
    body = (
        'Facebook grew fast. "In some places it could over simplify things," Mr Zuckerberg said.\n'
        '"And I think it is our responsibility to amplify the good effects\n'
        '"There is a lot of research that shows we have the best discourse.'
    )
    quotes = quotes_of(body)
    assert [(q.speaker, q.kind) for q in quotes[1:]] == [("Zuckerberg", "full"), ("Zuckerberg", "full")]


@pytest.mark.parametrize(
    ("body", "title"),
    [
        ('Rihanna released a new album on Monday.\n"Where Have You Been" is still her best song.', "Where Have"),
        ('The museum reopened on Monday.\n"Gone with the Wind" is the film its exhibition is about.', "Gone with"),
    ],
)
def test_a_title_opening_a_paragraph_is_no_statement(body: str, title: str) -> None:
    assert only(quotes_of(body), title).kind == "partial"


@pytest.mark.parametrize("group", ["A group of army officers", "A group of Libyan army officers"])
def test_a_group_of_people_opening_the_sentence_speaks_through_its_statement(group: str) -> None:
    body = (
        "Protests spread on Monday.\n"
        f'{group} issued a statement urging fellow soldiers to "join the people" and help remove Gaddafi.'
    )
    assert speaker_of(body, "join the") == (group[:1].lower() + group[1:], "described")


@pytest.mark.parametrize(
    ("body", "quote", "speaker"),
    [
        # the sentence's closing "according to" a document its issuer's name qualifies, however long the name
        (
            "Women are “barely receptive” to the party’s policies, according to an internal Crossroads GPS and "
            "American Action Network report obtained by POLITICO. It was presented to aides this month.",
            "barely",
            "an internal Crossroads GPS and American Action Network report",
        ),
        # "the report" again: the report introduced before, with the issuer named right after it
        (
            "A 2015 report by the Government Accountability Office struck a similar tone. “The agency could not make "
            "informed decisions,” the report said.",
            "The agency",
            "A 2015 report by the Government Accountability Office",
        ),
        # "It said" after that report: the same
        (
            "A 2015 report by the Government Accountability Office came out on Monday. “Considerable uncertainty "
            "exists,” it said.",
            "Considerable",
            "A 2015 report by the Government Accountability Office",
        ),
        # a person is no document: who sent her is no part of "the nurse"
        (
            "A young nurse sent by the Red Cross treated the wounded in the square. “We ran out of bandages by noon,” "
            "the nurse said.",
            "We ran",
            "A young nurse",
        ),
    ],
)
def test_a_document_is_described_with_the_issuer_the_text_names(body: str, quote: str, speaker: str) -> None:
    assert speaker_of(body, quote) == (speaker, "described")
