"""`storyline train`: fit the learned sentence scorer on Multi-News training clusters, reproducibly.

Labels come from the greedy oracle run without a word budget (it stops when no sentence raises ROUGE-1 F1 +
ROUGE-2 F1 against the reference): a budgeted oracle favours long sentences, since the words past the budget cost
it nothing, and a model trained on it learns length instead of content. LightGBM fits the trees; they are saved
as plain arrays (`storyline.scorer`) so that briefs never import LightGBM.
"""

from __future__ import annotations

import json
import logging
import os
from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import Any

import numpy as np

from storyline.baselines import oracle
from storyline.errors import InputError
from storyline.evaluate import Record, cluster_sentences, one_sentence_per_line, read_records
from storyline.features import FEATURES, sentence_features
from storyline.represent import DEFAULT_SUPPORT_THRESHOLD, Cluster
from storyline.scorer import TreeEnsemble

logger = logging.getLogger(__name__)

UNBOUNDED_WORDS = 100_000
"""A budget no cluster reaches: the oracle stops only when nothing improves its score."""
LIGHTGBM_PARAMS: dict[str, Any] = {
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
    sentences = cluster_sentences(record.record)
    if not sentences:
        return np.zeros((0, len(FEATURES))), np.zeros(0)
    references = [one_sentence_per_line(r) for r in record.references]
    cluster = Cluster.build(sentences, DEFAULT_SUPPORT_THRESHOLD)
    rows = sentence_features(sentences, cluster.vectors, cluster.similarity, cluster.centrality)
    labels = np.zeros(len(sentences))
    labels[oracle(sentences, UNBOUNDED_WORDS, references=references)] = 1.0
    return rows, labels


def training_set(records: Sequence[Record], *, jobs: int = 1) -> tuple[np.ndarray, np.ndarray]:
    """Rows and labels of all clusters, in record order (so the same file gives the same arrays)."""
    if jobs <= 1:
        parts = list(map(labelled_rows, records))
    else:
        with ProcessPoolExecutor(max_workers=jobs) as pool:
            parts = list(pool.map(labelled_rows, records, chunksize=16))
    return np.vstack([rows for rows, _ in parts]), np.concatenate([labels for _, labels in parts])


def fit(rows: np.ndarray, labels: np.ndarray, *, seed: int = 0, n_trees: int = 300) -> TreeEnsemble:
    """Fit gradient-boosted trees to the labels and return them as a numpy `TreeEnsemble`."""
    import lightgbm

    params = {**LIGHTGBM_PARAMS, "n_estimators": n_trees, "random_state": seed, "n_jobs": 1}
    model = lightgbm.LGBMClassifier(**params).fit(rows, labels)
    return from_lightgbm(model.booster_.dump_model())


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
        jobs: Worker processes for labelling (the oracle is the slow part).
        on_stage: Called with a short description as each stage starts, for progress display.

    Returns:
        The fitted model.

    Raises:
        InputError: the data cannot be read, or gives no sentence the oracle picks and none it leaves (a model fit
            on one class would score every sentence alike, and replace a working one).
        OSError: `output` cannot be written; the file there before is left as it was.
    """
    notify = on_stage or (lambda stage: logger.info("%s", stage))
    records = read_records(data, limit=limit)
    if not records:
        raise InputError(f"{data}: no cluster to train on")
    notify(f"labelling {len(records)} clusters with the oracle")
    rows, labels = training_set(records, jobs=jobs)
    picked = int(labels.sum())
    if picked in (0, len(labels)):
        raise InputError(
            f"{data}: the oracle picks {picked} of {len(labels)} sentences; training needs picked and unpicked ones"
        )
    notify(f"fitting trees on {len(labels)} sentences ({labels.mean():.1%} picked by the oracle)")
    model = fit(rows, labels, seed=seed)
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
