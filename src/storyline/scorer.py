"""The learned sentence scorer: gradient-boosted trees trained by `storyline.learn`, evaluated with numpy.

The trees are trained with LightGBM but shipped as plain arrays in `data/sentence_scorer.json` and walked with
numpy here, so a brief never imports LightGBM (1.5 s) to use them.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache, cached_property
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
MAX_LEAVES = 31
"""Leaves per tree `TreeEnsemble.predict` handles (LightGBM's default, which `learn` uses): a set of leaves is one
int32 bit mask, and the sign bit stays unused."""


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
        # Walking each row from the root takes one round of numpy indexing per tree level. Instead every node of
        # every tree is tested at once: a failed test (the row goes right) rules out the leaves of the node's left
        # subtree, and the leaf a row reaches is the leftmost one that no failed test ruled out (QuickScorer,
        # Lucchese et al., SIGIR 2015). A set of leaves is a bit mask, bit 0 the leftmost leaf.
        feature, threshold, kept, leaf_value = self._by_node
        passes = np.take(rows, feature, axis=1) <= threshold  # (n_rows, n_nodes, n_trees)
        # A passed test keeps every leaf: -1 has all bits set. (int32, not int64: half the memory to fill.)
        alive = np.bitwise_and.reduce(kept | -passes.astype(np.int32), axis=1)
        # alive & -alive is the lowest set bit alone; C order because numpy sums a contiguous row pairwise and a
        # strided one term by term, and the scores stay bit for bit what the tree walk gave.
        leftmost = np.log2(alive & -alive).astype(np.int64, order="C")
        trees = np.broadcast_to(np.arange(self.feature.shape[0]), leftmost.shape)
        return leaf_value[trees, leftmost].sum(axis=1)

    @cached_property
    def _by_node(self) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
        """For `predict`: feature, threshold and the mask of the leaves a failed test keeps, (n_nodes, n_trees)
        so that reducing over nodes runs along long rows of trees; and each tree's leaf values left to right."""
        if self.feature.shape[1] + 1 > MAX_LEAVES:  # a binary tree has one leaf more than inner nodes
            raise ModelUnavailable(f"the sentence scorer has trees of over {MAX_LEAVES} leaves; retrain it smaller")
        kept = np.full(self.feature.shape, -1, dtype=np.int32)  # padding nodes are never reached: they keep all
        in_order: list[list[int]] = []
        for tree in range(self.feature.shape[0]):
            in_order.append([])
            _mask_subtree(self.left[tree], self.right[tree], 0, kept[tree], in_order[-1])
        leaf_value = np.zeros((len(in_order), max(map(len, in_order))))
        for tree, leaves in enumerate(in_order):
            leaf_value[tree, : len(leaves)] = self.leaf_value[tree, leaves]
        return self.feature.T.copy(), self.threshold.T.copy(), kept.T.copy(), leaf_value

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


def _mask_subtree(left: np.ndarray, right: np.ndarray, child: int, kept: np.ndarray, leaves: list[int]) -> int:
    """The bit mask of the leaves under `child`, numbering them left to right into `leaves` and filling `kept`
    for the internal nodes on the way. (A one-leaf tree's root lists its leaf twice, once per side.)"""
    if child < 0:
        leaves.append(~child)
        return 1 << (len(leaves) - 1)
    left_leaves = _mask_subtree(left, right, int(left[child]), kept, leaves)
    right_leaves = _mask_subtree(left, right, int(right[child]), kept, leaves)
    kept[child] = ~left_leaves | right_leaves
    return left_leaves | right_leaves


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
