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
