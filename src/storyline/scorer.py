"""The learned sentence scorer: gradient-boosted trees trained by `storyline.learn`, evaluated with numpy.

The trees are trained with LightGBM but shipped as plain arrays in `data/sentence_scorer.json` and walked with
numpy here, so a brief never imports LightGBM (1.5 s) to use them.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache, cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np

from storyline.errors import ModelUnavailable
from storyline.features import FEATURES, story_features

if TYPE_CHECKING:
    from storyline.represent import Cluster

PACKAGED_MODEL = Path(__file__).resolve().parent / "data" / "sentence_scorer.json"
"""The model shipped in the package: what `load_model()` reads and `storyline train` rewrites by default."""
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
        # The tests of one feature fail in the order of their thresholds: a value fails those below it. So
        # `_by_feature` holds, for each feature and each count of its thresholds below a value, the leaves the
        # failed tests leave in each tree; a row needs one look-up per feature instead of one test per node.
        tables = self._by_feature
        values = rows.T[tables.features]  # one contiguous row of values per feature
        # Feature by feature into one (n_rows, n_trees) array, which stays in cache; gathering every feature's
        # masks first would write and read back 32 kB per row.
        alive = tables.alive[np.searchsorted(tables.cuts[0], values[0]) + tables.starts[0]]
        for k in range(1, len(values)):
            masks = np.take(tables.alive, np.searchsorted(tables.cuts[k], values[k]) + tables.starts[k], axis=0)
            np.bitwise_and(alive, masks, out=alive)
        # alive & -alive is the lowest set bit alone, a power of two whose float32 exponent is its bit number.
        # The sum runs over contiguous rows, pairwise, as the scores were first computed: they stay bit for bit.
        # (np.take: ~13% fewer instructions than indexing with the index array, 24.9 M → 21.6 M on the selection of
        # 300 truncated clusters, callgrind)
        exponents = (alive & -alive).astype(np.float32).view(np.int32) >> 23
        return np.take(tables.leaf_value, tables.leaf_offset + exponents).sum(axis=1)

    @cached_property
    def _by_feature(self) -> _FeatureTables:
        """For `predict`: per feature, the leaves left in each tree after its tests with the lowest k thresholds
        fail, for every k; built once from `_by_node`."""
        feature, threshold, kept, leaf_value = self._by_node
        n_trees = feature.shape[1]
        used, cuts_of, starts, tables = [], [], [], []
        for column in range(len(self.features)):
            tested = feature == column
            cuts = np.unique(threshold[tested])
            if not len(cuts):
                continue
            failing = np.full((len(cuts), n_trees), -1, dtype=np.int32)  # leaves kept when that threshold fails
            np.bitwise_and.at(failing, (np.searchsorted(cuts, threshold[tested]), np.nonzero(tested)[1]), kept[tested])
            used.append(column)
            cuts_of.append(cuts)
            starts.append(sum(len(table) for table in tables))
            tables += [np.full((1, n_trees), -1, dtype=np.int32), np.bitwise_and.accumulate(failing, axis=0)]
        n_leaves = leaf_value.shape[1]
        return _FeatureTables(
            features=np.array(used, dtype=np.int64),
            cuts=cuts_of,
            starts=starts,
            alive=np.concatenate(tables),
            leaf_value=leaf_value.ravel(),
            leaf_offset=np.arange(n_trees) * n_leaves - 127,  # 127: the float32 exponent bias
        )

    @cached_property
    def _by_node(self) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
        """For `predict`: feature, threshold and the mask of the leaves a failed test keeps, (n_nodes, n_trees)
        so that reducing over nodes runs along long rows of trees; and each tree's leaf values left to right."""
        if self.feature.shape[1] + 1 > MAX_LEAVES:  # a binary tree has one leaf more than inner nodes
            raise ModelUnavailable(f"the sentence scorer has trees of over {MAX_LEAVES} leaves; retrain it smaller")
        # Walked on Python lists: indexing numpy arrays one scalar at a time made this walk most of the cold start.
        kept_rows: list[list[int]] = []
        in_order: list[list[int]] = []
        for left, right in zip(self.left.tolist(), self.right.tolist(), strict=True):
            kept_rows.append([-1] * len(left))  # padding nodes are never reached: they keep all
            in_order.append([])
            _mask_subtree(left, right, 0, kept_rows[-1], in_order[-1])
        kept = np.array(kept_rows, dtype=np.int32).reshape(self.feature.shape)
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


@dataclass(frozen=True, eq=False)
class _FeatureTables:
    """`TreeEnsemble.predict`'s look-up tables."""

    features: np.ndarray  # the columns any node tests
    cuts: list[np.ndarray]  # each one's distinct thresholds, sorted
    starts: list[int]  # where each one's table starts in `alive`: one row more than it has thresholds
    alive: np.ndarray  # (rows of all tables, n_trees) int32 leaf masks; see `TreeEnsemble._by_feature`
    leaf_value: np.ndarray  # flat: tree t's leaf k (left to right) at t * n_leaves + k
    leaf_offset: np.ndarray  # t * n_leaves, less the float32 exponent bias


def load_model(path: Path | None = None) -> TreeEnsemble:
    """Read a scorer model file; None reads the one shipped in the package.

    Raises:
        ModelUnavailable: the file is missing, not JSON, or made for other features.
    """
    try:
        data = json.loads((path or PACKAGED_MODEL).read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as exc:
        raise ModelUnavailable(
            f"cannot read the sentence scorer {path or PACKAGED_MODEL}: {exc}; rebuild it with `storyline train`"
        ) from exc
    return TreeEnsemble.from_json(data)


def _mask_subtree(left: list[int], right: list[int], child: int, kept: list[int], leaves: list[int]) -> int:
    """The bit mask of the leaves under `child`, numbering them left to right into `leaves` and filling `kept`
    for the internal nodes on the way. (A one-leaf tree's root lists its leaf twice, once per side.)"""
    if child < 0:
        leaves.append(~child)
        return 1 << (len(leaves) - 1)
    left_leaves = _mask_subtree(left, right, left[child], kept, leaves)
    right_leaves = _mask_subtree(left, right, right[child], kept, leaves)
    kept[child] = ~left_leaves | right_leaves
    return left_leaves | right_leaves


@cache
def default_model() -> TreeEnsemble:
    """The packaged model, read once per process."""
    return load_model()


def inclusion_probabilities(clusters: Sequence[Cluster], model: TreeEnsemble | None = None) -> list[np.ndarray]:
    """The probability, by the learned scorer, that each sentence of each cluster belongs in its summary.

    Args:
        clusters: The sentences of each story and their TF-IDF similarities; one pass of the trees scores all.
        model: A scorer; None uses the packaged one.
    """
    if not clusters:
        return []
    rows = story_features(clusters)
    probability = 1.0 / (1.0 + np.exp(-(model or default_model()).predict(rows)))
    return np.split(probability, np.cumsum([len(c.sentences) for c in clusters])[:-1])
