"""The hand labels of bench/support_quality.py point at sentences by position: a change to cleaning or splitting
that moves a sentence must re-point them, or the bench silently scores fewer targets (it counts them as moved)."""

from __future__ import annotations

import json

import pytest

import storyline
from storyline.pipeline import prepare_articles
from storyline.segment import segment
from tests.conftest import DATA, EXAMPLES, shared_data

LABELS = json.loads((DATA / "support_labels.json").read_text(encoding="utf-8"))["clusters"]


def _first_words(cluster: str) -> dict[str, str]:
    """Each sentence's id ("a2:14", articles numbered as the brief keeps them) → its first four words."""
    inputs = [EXAMPLES] if cluster == "examples" else [shared_data("multinews_val_raw.jsonl.gz")]
    loaded = storyline.load_articles(inputs, cluster=None if cluster == "examples" else cluster)
    articles, _ = prepare_articles(loaded.articles)
    kept = [a.model_copy(update={"id": f"a{n}"}) for n, a in enumerate(articles, start=1)]
    return {f"{s.article_id}:{s.position}": " ".join(s.text.split()[:4]) for a in kept for s in segment(a)}


@pytest.mark.parametrize("labelled", LABELS, ids=[c["cluster"] for c in LABELS])
def test_support_labels_point_at_the_sentences_they_name(labelled: dict) -> None:
    first_words = _first_words(labelled["cluster"])
    named = [(t["sentence"], t["first"]) for t in labelled["targets"]]
    named += [tuple(c) for t in labelled["targets"] for c in t["candidates"]]
    assert [(sid, first) for sid, first in named if first_words.get(sid) != first] == []
