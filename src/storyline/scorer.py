"""The learned sentence scorer: gradient-boosted trees trained by `storyline.learn`, evaluated with numpy.

The trees are trained with LightGBM but shipped as plain arrays in `data/sentence_scorer.json` and walked with
numpy here, so a brief never imports LightGBM (1.5 s) to use them.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np

from storyline.errors import ModelUnavailable
from storyline.features import FEATURES, sentence_features

if TYPE_CHECKING:
    from storyline.select import Cluster

MODEL_FILE = "sentence_scorer.json"
FORMAT_VERSION = 1


@dataclass(frozen=True, eq=False)
class TreeEnsemble:
    """A sum of binary decision trees in flat arrays, one row per tree.

    A node id `k >= 0` is an internal node that sends a row left when `x[feature[t, k]] <= threshold[t, k]`;
    a child id `c < 0` is the leaf `~c` of that tree.
    """

    features: tuple[str, ...]
    feature: np.ndarray  # (n_trees, n_nodes) int: the column each internal node tests
    threshold: np.ndarray  # (n_trees, n_nodes) float
    left: np.ndarray  # (n_trees, n_nodes) int: child ids
    right: np.ndarray  # (n_trees, n_nodes) int
    leaf_value: np.ndarray  # (n_trees, n_leaves) float

    def predict(self, rows: np.ndarray) -> np.ndarray:
        """Raw scores (sums of leaf values), one per row; higher means more worth including.

        Args:
            rows: A (n_rows, len(features)) array, columns in `features` order.
        """
        n_rows, n_trees = rows.shape[0], self.feature.shape[0]
        trees = np.broadcast_to(np.arange(n_trees), (n_rows, n_trees))
        samples = np.broadcast_to(np.arange(n_rows)[:, None], (n_rows, n_trees))
        node = np.zeros((n_rows, n_trees), dtype=np.int64)
        inner = node >= 0
        while inner.any():
            t, k, r = trees[inner], node[inner], samples[inner]
            goes_left = rows[r, self.feature[t, k]] <= self.threshold[t, k]
            node[inner] = np.where(goes_left, self.left[t, k], self.right[t, k])
            inner = node >= 0
        return self.leaf_value[trees, ~node].sum(axis=1)

    def to_json(self) -> dict[str, Any]:
        """The JSON object `from_json` reads; thresholds and leaf values keep full float precision."""
        return {
            "format_version": FORMAT_VERSION,
            "features": list(self.features),
            **{name: getattr(self, name).tolist() for name in ("feature", "threshold", "left", "right", "leaf_value")},
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> TreeEnsemble:
        """Build from `to_json` output; refuses a model made for other features.

        Raises:
            ModelUnavailable: the format version or the feature list does not match this code.
        """
        if data.get("format_version") != FORMAT_VERSION or tuple(data.get("features", ())) != FEATURES:
            raise ModelUnavailable(
                "the sentence scorer model was made for other features than this version of storyline computes; "
                "rebuild it with `storyline train`"
            )
        return cls(
            features=FEATURES,
            feature=np.asarray(data["feature"], dtype=np.int64),
            threshold=np.asarray(data["threshold"], dtype=float),
            left=np.asarray(data["left"], dtype=np.int64),
            right=np.asarray(data["right"], dtype=np.int64),
            leaf_value=np.asarray(data["leaf_value"], dtype=float),
        )


def load_model(path: Path | None = None) -> TreeEnsemble:
    """Read a scorer model file; None reads the one shipped in the package.

    Raises:
        ModelUnavailable: the file is missing, not JSON, or made for other features.
    """
    try:
        if path is None:
            text = resources.files("storyline").joinpath(f"data/{MODEL_FILE}").read_text(encoding="utf-8")
        else:
            text = path.read_text(encoding="utf-8")
        data = json.loads(text)
    except (OSError, json.JSONDecodeError) as exc:
        where = path or f"storyline/data/{MODEL_FILE}"
        raise ModelUnavailable(
            f"cannot read the sentence scorer {where}: {exc}; rebuild it with `storyline train`"
        ) from exc
    return TreeEnsemble.from_json(data)


@cache
def default_model() -> TreeEnsemble:
    """The packaged model, read once per process."""
    return load_model()


def inclusion_probability(cluster: Cluster, model: TreeEnsemble | None = None) -> np.ndarray:
    """The probability, by the learned scorer, that each sentence of a cluster belongs in its summary.

    Args:
        cluster: The sentences and their TF-IDF similarities.
        model: A scorer; None uses the packaged one.
    """
    rows = sentence_features(cluster.sentences, cluster.vectors, cluster.similarity, cluster.centrality)
    return 1.0 / (1.0 + np.exp(-(model or default_model()).predict(rows)))
