"""`storyline train` (`storyline.learn`): retraining on a slice of the Multi-News training sample."""

from __future__ import annotations

import gzip
import json
import os
import threading
from pathlib import Path

import numpy as np
import pytest

from storyline.errors import InputError
from storyline.models import Sentence
from storyline.scorer import load_model
from tests.conftest import river_bridge_features, shared_data


@pytest.mark.issue(4)
def test_learn_gain_labels_match_rouge_counted_by_hand() -> None:
    from storyline.baselines import marginal_gains

    texts = ["The cat.", "Cat sat on.", "A dog."]
    sentences = [Sentence(article_id="a", position=k, start=0, end=len(t), text=t) for k, t in enumerate(texts)]
    # Reference: the cat sat (3 unigrams, bigrams the-cat, cat-sat). Summary {0, 1}: unigrams the cat cat sat on
    # (3 of 5 match: R1 F1 3/4), bigrams the-cat cat-sat sat-on (no cat-cat across the boundary; 2 of 3: R2 F1 4/5):
    # 31/20. Without 0: R1 2/3 (P 2/3, R 2/3) + R2 1/2 = 7/6, so 0 is worth 23/60. Without 1: R1 4/5 + R2 2/3 =
    # 22/15, so 1 is worth 1/12. With 2: R1 3/5 (P 3/7) + R2 2/3 (P 2/4) = 19/15, so adding it costs 17/60.
    gains = marginal_gains(sentences, [0, 1], references=["The cat sat."])
    assert gains == pytest.approx([23 / 60, 1 / 12, -17 / 60], abs=1e-12)
    # The mean over references: a second reference matching nothing halves every gain.
    halved = marginal_gains(sentences, [0, 1], references=["The cat sat.", "Zzyzx."])
    assert halved == pytest.approx(gains / 2, abs=1e-12)


@pytest.mark.issue(4)
def test_learn_platt_fold_gives_membership_log_odds() -> None:
    from storyline.features import FEATURES
    from storyline.learn import fit

    random = np.random.default_rng(0)
    rows = random.normal(size=(600, len(FEATURES)))
    gains = rows[:, 0] + 0.3 * random.normal(size=600)
    members = (gains + 0.5 * random.normal(size=600) > 0.5).astype(float)
    model = fit(rows, gains, members, n_trees=20)
    scores = model.predict(rows)
    probability = 1 / (1 + np.exp(-scores))
    # A logistic fit with an intercept matches the membership rate on its own rows, and the scale follows the gains.
    assert probability.mean() == pytest.approx(members.mean(), abs=1e-9)
    assert np.corrcoef(scores, gains)[0, 1] > 0.8


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


def test_learn_refuses_data_with_nothing_to_learn_and_keeps_the_model(tmp_path: Path, examples_dir: Path) -> None:
    from storyline.learn import train

    model = tmp_path / "model.json"
    model.write_text("the model before\n", encoding="utf-8")
    empty = tmp_path / "empty.jsonl"
    empty.write_text("", encoding="utf-8")
    with pytest.raises(InputError, match=r"empty\.jsonl: no cluster to train on"):
        train(empty, model)
    # A reference sharing no word with the article: the oracle picks nothing, and a model of one class would score
    # every sentence alike.
    unrelated = tmp_path / "unrelated.jsonl"
    record = {"documents": [(examples_dir / "nbc.txt").read_text(encoding="utf-8")], "summary": "Zzyzx qwerty."}
    unrelated.write_text(json.dumps(record) + "\n", encoding="utf-8")
    with pytest.raises(InputError, match=r"the oracle picks 0 of \d+ sentences"):
        train(unrelated, model)
    # One short cluster: both classes, but too few sentences for a tree to split, so every score would be alike.
    tiny = tmp_path / "tiny.jsonl"
    record = {
        "documents": ["The bridge closes in April. Ferries will run. The council met on Friday. Cables rusted."],
        "summary": "The bridge closes in April.",
    }
    tiny.write_text(json.dumps(record) + "\n", encoding="utf-8")
    with pytest.raises(InputError, match=r"tiny\.jsonl: 4 sentences are too few for the trees"):
        train(tiny, model)
    assert model.read_text(encoding="utf-8") == "the model before\n"


def test_learn_model_file_is_replaced_whole_or_not_at_all(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from storyline.learn import _write_atomically

    model, link = tmp_path / "model.json", tmp_path / "link.json"
    model.write_text("old\n", encoding="utf-8")
    link.symlink_to(model)
    _write_atomically(link, "new\n")  # through a link: the file it points to is replaced, the link stays
    assert link.is_symlink() and model.read_text(encoding="utf-8") == "new\n"
    pipe = tmp_path / "pipe"  # not a file: written to, never replaced by one
    os.mkfifo(pipe)
    received: list[str] = []
    reader = threading.Thread(target=lambda: received.append(pipe.read_text(encoding="utf-8")))
    reader.start()
    _write_atomically(pipe, "through the pipe\n")
    reader.join(timeout=10)
    assert received == ["through the pipe\n"] and pipe.is_fifo()

    def full_disk(self: Path, target: Path) -> Path:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(Path, "replace", full_disk)
    with pytest.raises(OSError, match="No space left"):
        _write_atomically(model, "half a model")
    assert model.read_text(encoding="utf-8") == "new\n"
    assert sorted(path.name for path in tmp_path.iterdir()) == ["link.json", "model.json", "pipe"]
