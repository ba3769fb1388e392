"""Shared fixtures: the three seed articles in examples/, briefed once per session, and a small hand-made story
that the feature, scorer, selection and training tests share."""

from __future__ import annotations

from pathlib import Path
from types import ModuleType

import numpy as np
import pytest

import storyline
from storyline.features import sentence_features
from storyline.models import Brief, Sentence
from storyline.represent import Cluster

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
DATA = Path(__file__).resolve().parent / "data"
SHARED_DATA = ROOT.parent / "shared" / "data"


@pytest.fixture(scope="session")
def examples_dir() -> Path:
    return EXAMPLES


@pytest.fixture(scope="session")
def seed_brief() -> Brief:
    return storyline.brief([EXAMPLES], words=150)


# Three reports of one closure: the first two share its central fact, each adds one of its own. The seeds share
# none (their articles run from July 2018 to March 2019), so what corroboration looks like is tested here.
HARBOUR_CLOSURE = [
    "The harbour bridge will close for six months from April while engineers replace its corroded cables. "
    "Extra ferries will run every ten minutes during the morning and evening rush hours.",
    "Engineers will replace the corroded cables of the harbour bridge, which will close for six months from April. "
    "The mayor said the repairs would cost 48 million euros, shared with the national government.",
    "Shop owners near the harbour said they feared losing customers during the long closure of the bridge. "
    "A petition asking the council for lower business rates has gathered 3,000 signatures.",
]


@pytest.fixture(scope="session")
def corroborated_brief() -> Brief:
    return storyline.brief(HARBOUR_CLOSURE, words=80)


@pytest.fixture(scope="session")
def seed_text() -> dict[str, str]:
    return {path.stem: path.read_text(encoding="utf-8") for path in EXAMPLES.glob("*.txt")}


@pytest.fixture
def without_spacy(monkeypatch: pytest.MonkeyPatch) -> None:
    """Entity analysis as if spaCy were not installed; the pipeline other tests loaded stays cached."""
    from storyline.analyze import entities

    def not_installed() -> ModuleType:
        raise ImportError("No module named 'spacy'")

    monkeypatch.setattr(entities, "import_spacy_without_torch", not_installed)
    monkeypatch.setattr(entities, "nlp", entities.nlp.__wrapped__)


def shared_data(name: str) -> Path:
    """A research data file from ../shared/data; skips the test when it is absent (it is not redistributed)."""
    path = SHARED_DATA / name
    if not path.exists():
        pytest.skip(f"{path} is not available")
    return path


# One story from two outlets: a fact both report, one only the first reports, page furniture, a quote's tail
# and a question, so that each sentence feature has a sentence that sets it.
RIVER_BRIDGE = {
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


def river_bridge_sentences() -> list[Sentence]:
    return [
        Sentence(article_id=article, position=k, start=0, end=len(text), text=text)
        for article, texts in RIVER_BRIDGE.items()
        for k, text in enumerate(texts)
    ]


def river_bridge_features() -> np.ndarray:
    cluster = Cluster.build(river_bridge_sentences(), 0.45)
    return sentence_features(cluster.sentences, cluster.vectors, cluster.similarity, cluster.centrality)
