"""`storyline train`: fit the learned sentence scorer on Multi-News training clusters, reproducibly.

Labels come from the greedy oracle run without a word budget (it stops when no sentence raises ROUGE-1 F1 +
ROUGE-2 F1 against the reference): a budgeted oracle favours long sentences, since the words past the budget cost
it nothing, and a model trained on it learns length instead of content. The trees are a LightGBM *regression* on
each sentence's marginal ROUGE-1 + ROUGE-2 F1 gain against that oracle summary (`baselines.marginal_gains`: for a
member what removing it costs, for any other what adding it changes), which tells a sentence the oracle needed
from one it took for a few words, and a near miss from one far off. The raw regression score is then
Platt-scaled to oracle membership (a logistic fit of membership on the score, folded into the trees: every leaf
value times the slope, the intercept added to the first tree's leaves), so the model still gives log-odds of
"the oracle picks it", which is what `openings` adds up. They are saved as plain arrays (`storyline.scorer`), so
briefs never import LightGBM. docs/quality.md (2026-11-28) has the measurement that chose this over membership
labels.
"""

from __future__ import annotations

import json
import logging
import os
from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import replace
from pathlib import Path
from typing import Any

import numpy as np

from storyline.baselines import marginal_gains, oracle
from storyline.errors import InputError
from storyline.evaluate import Record, cluster_sentences, one_sentence_per_line, read_records
from storyline.features import FEATURES, sentence_features
from storyline.represent import DEFAULT_SUPPORT_THRESHOLD, Cluster
from storyline.scorer import TreeEnsemble

logger = logging.getLogger(__name__)

UNBOUNDED_WORDS = 100_000
"""A budget no cluster reaches: the oracle stops only when nothing improves its score."""
LIGHTGBM_PARAMS: dict[str, Any] = {  # `fit` swaps the objective for "regression"; benches use these as they are
    "objective": "binary",
    "n_estimators": 300,
    "learning_rate": 0.05,
    "num_leaves": 31,
    "min_child_samples": 50,
    "subsample": 0.8,
    "subsample_freq": 1,
    "colsample_bytree": 0.8,
    "deterministic": True,
    "force_row_wise": True,
    "verbose": -1,
}


def labelled_rows(record: Record) -> tuple[np.ndarray, np.ndarray]:
    """Feature rows and oracle labels (1 = the oracle picks it) for every sentence of one cluster."""
    rows, members, _ = _oracle_labelled(record)
    return rows, members


def gain_rows(record: Record) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Feature rows, marginal gains against the unbudgeted oracle summary, and oracle membership (1 = picked)."""
    rows, members, gains = _oracle_labelled(record)
    return rows, gains(), members


def _oracle_labelled(record: Record) -> tuple[np.ndarray, np.ndarray, Callable[[], np.ndarray]]:
    """Feature rows, oracle membership, and the marginal gains against the oracle summary as a function: computed
    only when called, as `labelled_rows` has no use for them (a second ROUGE pass over every sentence)."""
    sentences = cluster_sentences(record.record)
    if not sentences:
        return np.zeros((0, len(FEATURES))), np.zeros(0), lambda: np.zeros(0)
    references = [one_sentence_per_line(r) for r in record.references]
    cluster = Cluster.build(sentences, DEFAULT_SUPPORT_THRESHOLD)
    rows = sentence_features(sentences, cluster.term_rows, cluster.similarity, cluster.centrality)
    picked = oracle(sentences, UNBOUNDED_WORDS, references=references)
    members = np.zeros(len(sentences))
    members[picked] = 1.0
    return rows, members, lambda: marginal_gains(sentences, picked, references=references)


def training_set(records: Sequence[Record], *, jobs: int = 1) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Rows, gains and membership of all clusters, in record order (so the same file gives the same arrays)."""
    if jobs <= 1:
        parts = list(map(gain_rows, records))
    else:
        with ProcessPoolExecutor(max_workers=jobs) as pool:
            parts = list(pool.map(gain_rows, records, chunksize=16))
    rows, gains, members = (np.concatenate([part[k] for part in parts]) for k in range(3))
    return rows, gains, members


def fit(rows: np.ndarray, gains: np.ndarray, members: np.ndarray, *, seed: int = 0, n_trees: int = 300) -> TreeEnsemble:
    """Regress the gains with gradient-boosted trees, Platt-scale them to membership, return a `TreeEnsemble`."""
    import lightgbm

    params = {**LIGHTGBM_PARAMS, "objective": "regression", "n_estimators": n_trees, "random_state": seed}
    model = lightgbm.LGBMRegressor(**params, n_jobs=1).fit(rows, gains)
    trees = from_lightgbm(model.booster_.dump_model())
    slope, intercept = platt(trees.predict(rows), members)
    leaf_value = trees.leaf_value * slope
    leaf_value[0] += intercept  # every row reaches exactly one leaf of the first tree
    return replace(trees, leaf_value=leaf_value)


def platt(scores: np.ndarray, labels: np.ndarray, *, iterations: int = 100) -> tuple[float, float]:
    """(a, b) of the logistic fit P(label = 1) = sigmoid(a · score + b), by Newton's method (unregularised)."""
    x = np.column_stack([scores, np.ones_like(scores)])
    w = np.zeros(2)
    for _ in range(iterations):
        p = 1.0 / (1.0 + np.exp(-(x @ w)))
        gradient = x.T @ (labels - p)
        hessian = (x * (p * (1 - p))[:, None]).T @ x
        step = np.linalg.solve(hessian, gradient)
        w += step
        if np.abs(step).max() < 1e-12:
            break
    return float(w[0]), float(w[1])


def from_lightgbm(dump: dict[str, Any]) -> TreeEnsemble:
    """Flatten a LightGBM `dump_model()` into `TreeEnsemble` arrays (internal nodes by split index)."""
    if dump["feature_names"] != [f"Column_{k}" for k in range(len(FEATURES))]:
        raise ValueError(f"expected {len(FEATURES)} unnamed feature columns, got {dump['feature_names']}")
    trees = [_flatten(tree["tree_structure"]) for tree in dump["tree_info"]]
    n_nodes = max(len(t[0]) for t in trees)
    n_leaves = max(len(t[4]) for t in trees)

    def stack(k: int, width: int, fill: float) -> np.ndarray:
        # Trees differ in size; padding is never reached, since every path ends in a real leaf.
        return np.array(
            [np.pad(np.asarray(t[k], dtype=float), (0, width - len(t[k])), constant_values=fill) for t in trees]
        )

    return TreeEnsemble(
        features=FEATURES,
        feature=stack(0, n_nodes, 0).astype(np.int64),
        threshold=stack(1, n_nodes, 0.0),
        left=stack(2, n_nodes, -1).astype(np.int64),
        right=stack(3, n_nodes, -1).astype(np.int64),
        leaf_value=stack(4, n_leaves, 0.0),
    )


def _flatten(root: dict[str, Any]) -> tuple[list[int], list[float], list[int], list[int], list[float]]:
    """(feature, threshold, left, right) per internal node and the leaf values of one LightGBM tree."""
    if "split_index" not in root:  # a tree of one leaf: a node that sends every row to it
        return [0], [np.inf], [-1], [-1], [root["leaf_value"]]
    n_inner = _count_inner(root)
    feature, threshold = [0] * n_inner, [0.0] * n_inner
    left, right = [0] * n_inner, [0] * n_inner
    leaves: dict[int, float] = {}

    def child_id(node: dict[str, Any]) -> int:
        if "split_index" in node:
            visit(node)
            return int(node["split_index"])
        leaves[int(node["leaf_index"])] = float(node["leaf_value"])
        return ~int(node["leaf_index"])

    def visit(node: dict[str, Any]) -> None:
        if node["decision_type"] != "<=":
            raise ValueError(f"unsupported LightGBM split {node['decision_type']!r}")
        k = int(node["split_index"])
        feature[k], threshold[k] = int(node["split_feature"]), float(node["threshold"])
        left[k], right[k] = child_id(node["left_child"]), child_id(node["right_child"])

    visit(root)
    return feature, threshold, left, right, [leaves[k] for k in range(len(leaves))]


def _count_inner(node: dict[str, Any]) -> int:
    if "split_index" not in node:
        return 0
    return 1 + _count_inner(node["left_child"]) + _count_inner(node["right_child"])


def train(
    data: Path,
    output: Path,
    *,
    limit: int | None = None,
    seed: int = 0,
    jobs: int = 1,
    on_stage: Callable[[str], None] | None = None,
) -> TreeEnsemble:
    """Rebuild the sentence scorer from a Multi-News-style training file and write it to `output`.

    Args:
        data: `.jsonl[.gz]` clusters with `documents` and `summary`.
        output: Where to write the model JSON (the packaged one is `src/storyline/data/sentence_scorer.json`).
        limit: Use only the first this many clusters.
        seed: LightGBM's random seed; the same file, limit and seed give the same model file.
        jobs: Worker processes for labelling (the oracle is the slow part); the model does not depend on it.
        on_stage: Called with a short description as each stage starts, for progress display.

    Returns:
        The fitted model.

    Raises:
        InputError: the data cannot be read, gives no sentence the oracle picks and none it leaves (a model fit
            on one class would score every sentence alike, and replace a working one), or too few sentences for the
            trees to split.
        OSError: `output` cannot be written; the file there before is left as it was.
    """
    notify = on_stage or (lambda stage: logger.info("%s", stage))
    records = read_records(data, limit=limit)
    if not records:
        raise InputError(f"{data}: no cluster to train on")
    notify(f"labelling {len(records)} clusters with the oracle")
    rows, gains, members = training_set(records, jobs=jobs)
    picked = int(members.sum())
    if picked in (0, len(members)):
        raise InputError(
            f"{data}: the oracle picks {picked} of {len(members)} sentences; training needs picked and unpicked ones"
        )
    notify(
        f"fitting trees to the marginal gains of {len(members)} sentences ({members.mean():.1%} picked by the oracle)"
    )
    try:
        model = fit(rows, gains, members, seed=seed)
    # every tree one leaf (too few rows for LightGBM's min_child_samples): all scores alike, Platt's fit singular
    except np.linalg.LinAlgError:
        raise InputError(
            f"{data}: {len(members)} sentences are too few for the trees to tell any apart; train on more clusters"
        ) from None
    _write_atomically(output, json.dumps(model.to_json(), separators=(",", ":")) + "\n")
    return model


def _write_atomically(path: Path, text: str) -> None:
    """Write `path` whole or not at all: a full disk or a Ctrl-C mid-write leaves the model there before intact."""
    target = Path(os.path.realpath(path))  # through a symbolic link: its file is replaced, not the link
    if target.exists() and not target.is_file():  # a device or a pipe (/dev/stdout) is written, never replaced
        target.write_text(text, encoding="utf-8")
        return
    partial = target.with_name(f".{target.name}.partial")
    try:
        partial.write_text(text, encoding="utf-8")
        partial.replace(target)
    except BaseException:
        partial.unlink(missing_ok=True)
        raise
