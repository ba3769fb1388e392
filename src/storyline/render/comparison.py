"""What every renderer shows of how the outlets compare: unique facts, the coverage matrix and disagreements."""

from __future__ import annotations

from dataclasses import dataclass

from storyline.models import ArticleCoverage, Brief, Conflict, ConflictSide
from storyline.render.citations import source_label
from storyline.render.excerpts import clip_end, clip_start
from storyline.wording import counted

KIND_LABELS = {
    "number": "different numbers",
    "date": "different dates",
    "time": "different times of day",
    "tally": "different tallies",
    "negation": "one says it happened, one that it did not",
    "opposite": "opposite claims",
}


@dataclass(frozen=True)
class OutletCoverage:
    number: int  # citation number
    label: str  # 'NBC News — Beijing is worried …'
    coverage: ArticleCoverage


def unique_facts(brief: Brief) -> list[OutletCoverage]:
    """Articles with at least one fact no other article reports, in citation order."""
    return [
        OutletCoverage(brief.citation_number(c.article), source_label(brief, c.article), c)
        for c in brief.coverage.articles
        if c.unique
    ]


def unique_scope(brief: Brief) -> str:
    """What a unique fact is unique to: 'outlet', or 'article' when two articles of the brief share an outlet (a
    fact of one AP story that another AP story repeats is no AP exclusive, yet is listed as its article's own)."""
    outlets = [info.outlet for info in brief.story.articles if info.outlet]
    return "article" if len(set(outlets)) < len(outlets) else "outlet"


def unique_count(coverage: ArticleCoverage) -> str:
    """'53 of 57 sentences only here'."""
    return f"{coverage.n_unique} of {counted(coverage.n_sentences, 'sentence')} only here"


def coverage_rows(brief: Brief) -> list[tuple[int, list[bool]]]:
    """(summary number, whether each article in citation order reports it) for every summary sentence."""
    ids = [info.id for info in brief.story.articles]
    return [(row.summary + 1, [row.spans.get(a) is not None for a in ids]) for row in brief.coverage.matrix]


def conflict_sides(brief: Brief, conflict: Conflict) -> list[tuple[int, ConflictSide]]:
    """Both sides with the citation number of their article."""
    return [(brief.citation_number(side.span.article), side) for side in (conflict.a, conflict.b)]


def side_excerpt(side: ConflictSide, max_chars: int = 160) -> tuple[str, str, str]:
    """(before, value, after): the side's sentence cut at word boundaries around the contested words."""
    start = side.value_span.start - side.span.start
    before, after = side.text[:start], side.text[start + len(side.value) :]
    room = max(max_chars - len(side.value), 0)
    before = clip_start(before, room // 2)
    after = clip_end(after, room - len(before))
    return before, side.value, after
