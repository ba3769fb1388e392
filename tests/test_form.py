import numpy as np
import pytest

from storyline.form import form_weight
from storyline.models import Sentence


def _sentence(text: str) -> Sentence:
    return Sentence(article_id="a1", position=0, start=0, end=len(text), text=text)


@pytest.mark.parametrize(
    ("text", "weight"),
    [
        ("Trump and Kim met in Hanoi on Wednesday for talks.", 1.0),
        ("Hanoi summit ends early", 0.0),  # a fragment: under six words
        ("Trump and Kim met in Hanoi for two days of talks", 0.5),  # no full stop: a headline or a cut line
        ('and the talks will go on," the official said after the summit.', 0.3),  # ends a quote opened earlier
        ("Will the two leaders meet again before the year is out?", 0.7),
        ('"Will the two leaders meet again before the year is out?"', 0.7),
        (" ".join(["word"] * 81) + ".", 0.0),  # over eighty words: a run-on list, not one fact
    ],
)
def test_form_weight_by_how_a_sentence_reads_alone(text: str, weight: float) -> None:
    assert form_weight([_sentence(text)]).tolist() == [weight]


def test_form_weight_takes_the_callers_word_counts() -> None:
    sentences = [_sentence("Trump and Kim met in Hanoi on Wednesday for talks.")]
    assert form_weight(sentences, n_words=np.array([3])).tolist() == [0.0]
