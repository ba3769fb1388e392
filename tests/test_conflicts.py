"""Disagreements between outlets: each kind on hand-written pairs, hard negatives, exact spans, the seeds."""

from __future__ import annotations

import datetime as dt
import importlib.util
from pathlib import Path

import pytest

import storyline
from storyline.analyze.conflicts import find_conflicts
from storyline.models import Article, Brief, BriefOptions, Conflict
from storyline.render.html import render_html
from storyline.render.markdown import render_markdown
from storyline.render.terminal import render_terminal
from storyline.represent import DEFAULT_SUPPORT_THRESHOLD, Cluster
from storyline.segment import segment

_spec = importlib.util.spec_from_file_location("conflict_cases", Path(__file__).parent / "data" / "conflict_cases.py")
assert _spec is not None and _spec.loader is not None
cases = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(cases)


def conflicts_of(
    *bodies: str, outlets: tuple[str | None, ...] = (), published: tuple[dt.date | None, ...] = ()
) -> tuple[Conflict, ...]:
    """Conflicts among articles whose bodies are `bodies`, as the pipeline finds them."""
    articles = [
        Article(
            id=f"a{n}",
            source=f"text {n}",
            raw=body,
            text=body,
            body=body,
            outlet=outlets[n - 1] if outlets else None,
            published=published[n - 1] if published else None,
        )
        for n, body in enumerate(bodies, start=1)
    ]
    sentences = [s for article in articles for s in segment(article)]
    return find_conflicts(Cluster.build(sentences, DEFAULT_SUPPORT_THRESHOLD), articles)


@pytest.mark.parametrize(("a", "b", "kind", "value_a", "value_b"), cases.CONFLICTS)
def test_conflicts_finds_each_kind(a: str, b: str, kind: str, value_a: str, value_b: str) -> None:
    found = conflicts_of(a, b)
    assert [(c.kind, c.a.value, c.b.value) for c in found] == [(kind, value_a, value_b)]


@pytest.mark.parametrize(("a", "b", "why"), cases.NOT_CONFLICTS)
def test_conflicts_hard_negatives_stay_quiet(a: str, b: str, why: str) -> None:
    assert conflicts_of(a, b) == (), why


def test_conflicts_spans_are_exact() -> None:
    a, b, *_ = cases.CONFLICTS[0]
    (conflict,) = conflicts_of(a, b)
    for side, body in ((conflict.a, a), (conflict.b, b)):
        assert body[side.span.start : side.span.end] == side.text
        assert body[side.value_span.start : side.value_span.end] == side.value
    assert (conflict.a.value_span.start, conflict.a.value_span.end) == (20, 35)
    assert conflict.explanation == "40,000 vehicles vs 35,000 vehicles"


def test_conflicts_say_what_the_values_are_of() -> None:
    # a number's topic is the noun it counts; a date's, the words next to it that both sentences share
    (count,) = conflicts_of(*cases.CONFLICTS[0][:2])
    assert (count.topic, count.explanation) == ("vehicles", "40,000 vehicles vs 35,000 vehicles")
    (when,) = conflicts_of(*cases.CONFLICTS[3][:2])
    assert (when.topic, when.explanation) == ("summit held Geneva", "summit held Geneva: March 27 vs April 1")


def test_conflicts_need_two_outlets() -> None:
    a, b, *_ = cases.CONFLICTS[0]
    assert conflicts_of(a, b, outlets=("Reuters", "Reuters")) == ()
    assert conflicts_of(a + " " + b) == ()  # one article contradicting itself is not two outlets disagreeing


def test_conflicts_counts_of_different_days_are_not_compared_but_ages_are() -> None:
    days = (dt.date(2020, 3, 1), dt.date(2020, 3, 2))
    counts, ages = cases.CONFLICTS[1], cases.CONFLICTS[2]
    assert conflicts_of(counts[0], counts[1], published=days) == ()
    assert [c.kind for c in conflicts_of(ages[0], ages[1], published=days)] == ["number"]


@pytest.mark.slow
def test_conflicts_seeds_cancelled_meeting_against_expected_summit(seed_brief: Brief) -> None:
    (conflict,) = seed_brief.conflicts
    nbc, nikkei = seed_brief.article(conflict.a.span.article), seed_brief.article(conflict.b.span.article)
    assert (nbc.outlet, nikkei.outlet, conflict.kind) == ("NBC News", "Nikkei Asia", "opposite")
    assert conflict.a.text.startswith("Earlier Friday, there were reports that a meeting")
    assert (conflict.a.value, conflict.b.value) == ("cancelled", "expected to take place")
    assert nbc.body[conflict.a.value_span.start : conflict.a.value_span.end] == "cancelled"
    assert nikkei.body[conflict.b.span.start : conflict.b.span.end] == conflict.b.text
    assert conflict.topic == "Mar-a-Lago"


@pytest.mark.slow
def test_conflicts_rendered_in_every_format_and_escaped() -> None:
    a, b, *_ = cases.CONFLICTS[3]
    first = "Officials in both capitals have spent weeks on the agenda. " + a.replace("Geneva", "<Geneva>")
    second = b.replace("Geneva", "<Geneva>") + " Security in the lakeside city will be tightened for days."
    brief = storyline.brief([first, second])
    assert [c.kind for c in brief.conflicts] == ["date"]
    assert "Where outlets disagree" in render_terminal(brief)
    assert "March 27 vs April 1" in render_markdown(brief)
    html = render_html(brief)
    assert "&lt;Geneva&gt;" in html and "<Geneva>" not in html
    assert "<u>March 27</u>" in html


def test_conflicts_not_computed_without_analysis(examples_dir: Path) -> None:
    brief = storyline.brief([examples_dir], options=BriefOptions(analysis=False))
    assert brief.conflicts == ()
