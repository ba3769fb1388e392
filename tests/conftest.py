"""Shared fixtures: the three seed articles in examples/, briefed once per session."""

from __future__ import annotations

from pathlib import Path

import pytest

import storyline
from storyline.models import Brief

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


@pytest.fixture(scope="session")
def seed_text() -> dict[str, str]:
    return {path.stem: path.read_text(encoding="utf-8") for path in EXAMPLES.glob("*.txt")}


def shared_data(name: str) -> Path:
    """A research data file from ../shared/data; skips the test when it is absent (it is not redistributed)."""
    path = SHARED_DATA / name
    if not path.exists():
        pytest.skip(f"{path} is not available")
    return path
