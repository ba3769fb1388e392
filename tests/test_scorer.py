"""The learned sentence scorer: features on small hand-made clusters, the packaged model, and retraining."""

from __future__ import annotations

import gzip
import json
import re
from pathlib import Path

import numpy as np
import pytest

from storyline.errors import ModelUnavailable
from storyline.features import FEATURES, sentence_features, story_features
from storyline.models import Sentence
from storyline.represent import Cluster
from storyline.scorer import TreeEnsemble, default_model, inclusion_probabilities, load_model
from storyline.select import STRATEGIES, select_sentences
from tests.conftest import shared_data

ARTICLES = {
    "a1": [
        "Engineers closed the old river bridge on Friday after inspectors found deep cracks in its steel beams.",
        "Traffic will be diverted through the north tunnel for several weeks.",
        "Share this story",
    ],
    "a2": [
        "The river bridge was shut by engineers on Friday after cracks were found in its steel beams.",
        'Is it safe?" she asked.',
        "Who will pay for the repairs to the bridge?",
    ],
}


def _sentences() -> list[Sentence]:
    return [
        Sentence(article_id=article, position=k, start=0, end=len(text), text=text)
        for article, texts in ARTICLES.items()
        for k, text in enumerate(texts)
    ]


def _features() -> np.ndarray:
    cluster = Cluster.build(_sentences(), 0.45)
    return sentence_features(cluster.sentences, cluster.vectors, cluster.similarity, cluster.centrality)


def _column(rows: np.ndarray, name: str) -> list[float]:
    return [round(float(v), 3) for v in rows[:, FEATURES.index(name)]]


def test_features_shape_and_finite() -> None:
    rows = _features()
    assert rows.shape == (6, len(FEATURES))
    assert np.isfinite(rows).all()


def test_features_position_and_length() -> None:
    rows = _features()
    assert _column(rows, "position") == [0, 1, 2, 0, 1, 2]
    assert _column(rows, "is_first") == [1, 0, 0, 1, 0, 0]
    assert _column(rows, "relative_position") == [0, 0.333, 0.667, 0, 0.333, 0.667]
    assert _column(rows, "n_words")[2] == 3  # 'Share this story'


def test_features_cross_outlet_support() -> None:
    rows = _features()
    # The two bridge-closure sentences say the same thing from two outlets; the tunnel sentence has no twin.
    assert _column(rows, "support_30")[0] == 1.0
    assert _column(rows, "support_30")[3] == 1.0
    assert _column(rows, "support_30")[1] == 0.0


def test_features_furniture_form() -> None:
    rows = _features()
    assert _column(rows, "no_terminal") == [0, 0, 1, 0, 0, 0]  # 'Share this story' has no full stop
    assert _column(rows, "mid_quote") == [0, 0, 0, 0, 1, 0]  # closes a quote it never opened
    assert _column(rows, "question") == [0, 0, 0, 0, 0, 1]  # the quoted question ends in 'she asked.'


def test_features_empty_cluster() -> None:
    empty = np.zeros((0, 0))
    assert sentence_features([], Cluster.build(_sentences(), 0.45).vectors[:0], empty, np.zeros(0)).shape == (
        0,
        len(FEATURES),
    )


def _stump(threshold: float) -> TreeEnsemble:
    """One tree: n_words <= threshold → leaf 0 (-1.0), else leaf 1 (+2.0); and a one-leaf tree adding 0.5."""
    column = FEATURES.index("n_words")
    return TreeEnsemble(
        features=FEATURES,
        feature=np.array([[column], [0]]),
        threshold=np.array([[threshold], [np.inf]]),
        left=np.array([[-1], [-1]]),
        right=np.array([[-2], [-1]]),
        leaf_value=np.array([[-1.0, 2.0], [0.5, 0.0]]),
    )


def test_scorer_tree_ensemble_walks_the_trees() -> None:
    rows = np.zeros((3, len(FEATURES)))
    rows[:, FEATURES.index("n_words")] = [3, 10, 11]
    assert _stump(10).predict(rows).tolist() == [-0.5, -0.5, 2.5]


def test_scorer_json_round_trip(tmp_path: Path) -> None:
    path = tmp_path / "model.json"
    path.write_text(json.dumps(_stump(10).to_json()), encoding="utf-8")
    rows = np.zeros((1, len(FEATURES)))
    assert load_model(path).predict(rows).tolist() == [-0.5]


def test_scorer_refuses_a_model_for_other_features(tmp_path: Path) -> None:
    data = _stump(10).to_json()
    data["features"] = data["features"][:-1]
    path = tmp_path / "old.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(ModelUnavailable, match="storyline train"):
        load_model(path)


def test_scorer_packaged_model_scores_every_sentence() -> None:
    model = default_model()
    assert model.feature.shape[0] > 0  # the packaged model has trees
    [probability] = inclusion_probabilities([Cluster.build(_sentences(), 0.45)])
    assert np.allclose(probability, 1 / (1 + np.exp(-model.predict(_features()))))
    assert ((probability > 0) & (probability < 1)).all()


@pytest.mark.parametrize("strategy", sorted(STRATEGIES))
def test_select_every_strategy_fits_budget_and_keeps_spans(strategy: str) -> None:
    picks = select_sentences(_sentences(), words=25, strategy=strategy)
    assert 0 < sum(p.sentence.n_words for p in picks) <= 25
    assert "Share this story" not in [p.sentence.text for p in picks]


@pytest.mark.slow
@pytest.mark.issue(4)
def test_learn_retraining_is_deterministic(tmp_path: Path) -> None:
    from storyline.learn import train

    source = shared_data("multinews_train_sample.jsonl.gz")
    subset = tmp_path / "tiny.jsonl.gz"
    with gzip.open(source, "rt", encoding="utf-8") as lines, gzip.open(subset, "wt", encoding="utf-8") as out:
        out.writelines(line for _, line in zip(range(40), lines, strict=False))
    first, second = tmp_path / "first.json", tmp_path / "second.json"
    model = train(subset, first, seed=0)
    train(subset, second, seed=0)
    assert first.read_bytes() == second.read_bytes()
    assert load_model(first).predict(_features()).tolist() == model.predict(_features()).tolist()


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
    first = Cluster.build(_sentences(), 0.45)
    second = Cluster.build([s for s in _sentences() if s.article_id == "a2"][::-1], 0.45)  # out of reading order
    together = story_features([first, second])
    alone = [sentence_features(c.sentences, c.vectors, c.similarity, c.centrality) for c in (first, second)]
    assert np.array_equal(together, np.concatenate(alone))
