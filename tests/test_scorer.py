"""The learned sentence scorer (`storyline.scorer`): the tree ensemble, its JSON form and the packaged model."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest

from storyline.errors import ModelUnavailable
from storyline.features import FEATURES
from storyline.represent import Cluster
from storyline.scorer import TreeEnsemble, default_model, inclusion_probabilities, load_model
from tests.conftest import river_bridge_features, river_bridge_sentences


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
    [probability] = inclusion_probabilities([Cluster.build(river_bridge_sentences(), 0.45)])
    assert np.allclose(probability, 1 / (1 + np.exp(-model.predict(river_bridge_features()))))
    assert ((probability > 0) & (probability < 1)).all()
