"""`storyline train` (`storyline.learn`): retraining on a slice of the Multi-News training sample."""

from __future__ import annotations

import gzip
from pathlib import Path

import pytest

from storyline.scorer import load_model
from tests.conftest import river_bridge_features, shared_data


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
    features = river_bridge_features()
    assert load_model(first).predict(features).tolist() == model.predict(features).tolist()
