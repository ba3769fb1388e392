"""Speakers the dependency parse finds where the surface rules name none (parsed_speakers.py): the subject of a
speech verb that governs the quote from afar in its sentence."""

from __future__ import annotations

import pytest

from storyline.analyze import quotes
from tests.test_quotes import only, quotes_of

pytestmark = pytest.mark.slow  # spaCy's NER and parser


@pytest.mark.parametrize(
    ("body", "quote", "speaker"),
    [
        # "but said it": the verb's subject is the first verb's, a clause away
        (
            "The county prosecutor's office declined to comment on the case but said it \"will keep working with the "
            'state police on every case."',
            "will keep",
            "The county prosecutor's office",
        ),
        # a chain of verbs, the last one saying the words
        (
            'One of the senators approached her in the gym, patted her shoulder, and said, "Keep up the good work."',
            "Keep up",
            "One of the senators",
        ),
    ],
)
def test_parse_names_the_subject_of_a_governing_speech_verb(
    body: str, quote: str, speaker: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert (only(quotes_of(body), quote).speaker, only(quotes_of(body), quote).speaker_kind) == (speaker, "described")
    monkeypatch.setattr(quotes, "parsed_speaker", lambda *_: None)
    assert only(quotes_of(body), quote).speaker is None  # the rules alone name no one


def test_parse_takes_no_passive_subject() -> None:
    # "he was described as “…”": the one spoken of, not the speaker (a passive subject would give Dan Ruiz)
    body = (
        'Dan Ruiz joined the firm in 2011. In one online biography, he was described as an "aggressive trial '
        'attorney dedicated to his clients."'
    )
    assert only(quotes_of(body), "aggressive").speaker is None


@pytest.mark.parametrize(
    ("body", "quote", "speaker"),
    [
        # the quote is the object of a verb of citing, with an "as" complement after it
        (
            "The harvest came in early. Farm minister Jim Park cited the “record harvest” as proof that the plan "
            "works.",
            "record harvest",
            "Jim Park",
        ),
        # through "to", in a relative clause
        (
            "The fire gutted the hall and left rescuers facing a scene that fire chief Lars Berg likened to a "
            "“furnace.”",
            "furnace",
            "Lars Berg",
        ),
        # a modifier in the object's noun phrase
        (
            "Governor Tom Reed visited the clinic on Friday. Tom Reed condemned the “cowardly and barbaric” attack "
            "on its staff.",
            "cowardly",
            "Tom Reed",
        ),
        # the object predicate of "called", in a relative clause
        (
            "The talks ended late. The process that Senator Mary Cole called “a slow walk to nowhere” resumes next "
            "week.",
            "a slow walk",
            "Mary Cole",
        ),
    ],
)
def test_parse_names_the_named_subject_of_a_verb_of_stance(body: str, quote: str, speaker: str) -> None:
    assert (only(quotes_of(body), quote).speaker, only(quotes_of(body), quote).speaker_kind) == (speaker, "named")


@pytest.mark.parametrize(
    ("body", "quote"),
    [
        # a description is no name: left to the rules, which leave it
        (
            "The fire gutted the hall and left rescuers facing a scene that the fire chief likened to a “furnace.”",
            "furnace",
        ),
        # nor "who", which would be read as the organisation named right before it
        ("Diane Moss of Channel Nine News, who cited “a lot of anger” among voters, spoke first.", "a lot of anger"),
        # rejecting words is no sign of having said them
        (
            "Jim Park joined the firm in 2011. Park rejected the “reckless spender” label his rivals gave him.",
            "reckless",
        ),
    ],
)
def test_parse_takes_no_stance_subject_that_is_not_a_name(body: str, quote: str) -> None:
    assert only(quotes_of(body), quote).speaker is None


@pytest.mark.parametrize(
    ("body", "quote", "speaker"),
    [
        # the object before the participle clause is no speaker: the clause's subject is the main clause's
        ("A senator held her arm in the hall, telling her, “You look tired today.”", "You look", "A senator"),
        (
            "The pope, who fought communism, stressed the cardinal's ordeal after the war, saying his last years "
            "“were a long succession of trials.”",
            "were a long",
            "The pope",
        ),
        (
            "The radio host weighed in on the claims that the mayor misled voters, calling the story “a hit job from "
            "start to finish.”",
            "a hit job",
            "The radio host",
        ),
    ],
)
def test_parse_names_the_subject_of_the_clause_a_speech_participle_hangs_from(
    body: str, quote: str, speaker: str
) -> None:
    assert (only(quotes_of(body), quote).speaker, only(quotes_of(body), quote).speaker_kind) == (speaker, "described")
