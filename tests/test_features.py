"""Sentence features (`storyline.features`) on small hand-made clusters."""

from __future__ import annotations

import re

import numpy as np
import pytest

from storyline import features
from storyline.features import FEATURES, sentence_features, story_features
from storyline.models import Sentence
from storyline.represent import Cluster
from tests.conftest import river_bridge_features, river_bridge_sentences


def _column(rows: np.ndarray, name: str) -> list[float]:
    return [round(float(v), 3) for v in rows[:, FEATURES.index(name)]]


def test_features_shape_and_finite() -> None:
    rows = river_bridge_features()
    assert rows.shape == (6, len(FEATURES))
    assert np.isfinite(rows).all()


def test_features_position_and_length() -> None:
    rows = river_bridge_features()
    assert _column(rows, "position") == [0, 1, 2, 0, 1, 2]
    assert _column(rows, "is_first") == [1, 0, 0, 1, 0, 0]
    assert _column(rows, "relative_position") == [0, 0.333, 0.667, 0, 0.333, 0.667]
    assert _column(rows, "n_words")[2] == 3  # 'Share this story'


def test_features_cross_outlet_support() -> None:
    rows = river_bridge_features()
    # The two bridge-closure sentences say the same thing from two outlets; the tunnel sentence has no twin.
    assert _column(rows, "support_30")[0] == 1.0
    assert _column(rows, "support_30")[3] == 1.0
    assert _column(rows, "support_30")[1] == 0.0


def test_features_furniture_form() -> None:
    rows = river_bridge_features()
    assert _column(rows, "no_terminal") == [0, 0, 1, 0, 0, 0]  # 'Share this story' has no full stop
    assert _column(rows, "mid_quote") == [0, 0, 0, 0, 1, 0]  # closes a quote it never opened
    assert _column(rows, "question") == [0, 0, 0, 0, 0, 1]  # the quoted question ends in 'she asked.'


def test_features_empty_cluster() -> None:
    no_vectors = Cluster.build(river_bridge_sentences(), 0.45).vectors[:0]
    assert sentence_features([], no_vectors, np.zeros((0, 0)), np.zeros(0)).shape == (0, len(FEATURES))


@pytest.mark.parametrize(
    "text",
    [
        "Prices rose 12% in 2019, officials said.",  # ASCII: counted by table lookup
        "Café prices rose ١٢% in 2019, the minister’s office said.",  # Arabic-Indic digits, curly apostrophe
        "Die Straße bleibt bis 2020 gesperrt_ he said.",  # underscores join no tokens
        "The minister ſaid so in 1999.",  # re.IGNORECASE reads the long s as an s; lower() does not
    ],
)
def test_features_text_counts_match_the_regular_expressions(text: str) -> None:
    sentence = Sentence(article_id="a1", position=0, start=0, end=len(text), text=text)
    cluster = Cluster.build([sentence], 0.45)
    row = sentence_features(cluster.sentences, cluster.vectors, cluster.similarity, cluster.centrality)[0]
    tokens = re.findall(r"[^\W_]+", text)
    assert row[FEATURES.index("n_words")] == len(tokens)
    assert row[FEATURES.index("mean_word_chars")] == sum(map(len, tokens)) / len(tokens)
    assert row[FEATURES.index("digit_ratio")] == sum(map(str.isdigit, text)) / len(text)
    assert row[FEATURES.index("attribution")] == 1.0


def test_features_of_several_stories_as_of_each_alone() -> None:
    first = Cluster.build(river_bridge_sentences(), 0.45)
    out_of_reading_order = [s for s in river_bridge_sentences() if s.article_id == "a2"][::-1]
    second = Cluster.build(out_of_reading_order, 0.45)
    together = story_features([first, second])
    alone = [sentence_features(c.sentences, c.vectors, c.similarity, c.centrality) for c in (first, second)]
    assert np.array_equal(together, np.concatenate(alone))


def test_attribution_of_many_texts_as_the_pattern_finds_it_in_each() -> None:
    texts = [
        "Prices rose, officials said",  # a word at the end of one text, before the next
        "said the minister.",  # and at the start of the next
        "SAID",
        "unsaid, said_ and said9 are other words; so is toldx.",
        "The report, according to aides, was leaked.",
        "according\nto the letter",  # a newline is no space
        "",
        "Café owners said prices rose.",  # non-ASCII text, searched alone
        "Léaid, ésaid and saidé are no words of the list.",  # a non-ASCII letter either side is a word character
        "The minister ſaid so.",  # re.IGNORECASE reads the long s as an s
        "According\u00a0to aides, it passed.",
        "stated\ttold",
    ]
    expected = [features._ATTRIBUTION.search(text) is not None for text in texts]
    assert expected == [True, True, True, False, True, False, False, True, False, True, False, True]
    assert features._attribution(texts).tolist() == expected


def test_features_support_counts_an_article_once_when_another_splits_its_sentences() -> None:
    # a2's two matches of a1's sentence stand apart, a3's sentence between them: a2 is one of the two other articles
    texts = [
        ("a1", "The city council approved the new river bridge on Tuesday after a long debate."),
        ("a2", "The city council approved the new river bridge on Tuesday after a long debate over costs."),
        ("a3", "Farmers in the valley say the harvest came in early this year."),
        ("a2", "On Tuesday the city council approved the new river bridge after a long debate."),
    ]
    sentences = [Sentence(article_id=a, position=k, start=0, end=len(t), text=t) for k, (a, t) in enumerate(texts)]
    rows = story_features([Cluster.build(sentences, 0.45)])
    assert _column(rows, "support_30")[0] == 0.5


def test_features_support_of_articles_interleaved_as_of_articles_in_turn() -> None:
    in_turn = river_bridge_sentences()  # article a1's sentences, then a2's
    interleaved = [in_turn[k] for k in (0, 3, 1, 4, 2, 5)]
    rows = story_features([Cluster.build(interleaved, 0.45)])
    expected = story_features([Cluster.build(in_turn, 0.45)])[[0, 3, 1, 4, 2, 5]]
    for name in ("support_30", "support_50"):
        assert _column(rows, name) == _column(expected, name)
