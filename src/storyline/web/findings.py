"""The brief page's view of the analysis a `Brief` may carry: timeline, coverage and disagreements.

`Brief.timeline`, `Brief.coverage` and `Brief.conflicts` come from issue 5's analysis stages. A brief without
them (made before they existed, or with `analysis` off) shows no such section, so each is read with `getattr`
and an empty default.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from storyline.models import Brief, Span
from storyline.web import timeline
from storyline.web.views import outlet_name, span_href


@dataclass(frozen=True)
class Passage:
    """A cited passage: which article, its text split around the words to stress, and the link to it."""

    number: int
    outlet: str
    before: str
    stress: str
    after: str
    href: str

    @property
    def text(self) -> str:
        return self.before + self.stress + self.after


@dataclass(frozen=True)
class ConflictView:
    kind: str
    explanation: str
    sides: list[Passage]


@dataclass(frozen=True)
class UniqueView:
    """What one outlet alone reports, and how much of its text that is."""

    number: int
    outlet: str
    n_unique: int
    n_sentences: int
    facts: list[Passage]


@dataclass(frozen=True)
class Cell:
    kind: str  # "source", "support" or ""
    href: str | None = None
    passage: str = ""


def _passage(brief_id: str, brief: Brief, span: Span, text: str, stress: Span | None = None) -> Passage:
    """`text` (the text of `span`), with the part `stress` covers set apart for the template to mark."""
    start = stress.start - span.start if stress is not None else 0
    end = stress.end - span.start if stress is not None else 0
    return Passage(
        number=brief.citation_number(span.article),
        outlet=outlet_name(brief, span.article),
        before=text[:start],
        stress=text[start:end],
        after=text[end:],
        href=span_href(brief_id, span),
    )


def _cites(brief: Brief, article_ids: Iterable[str]) -> str:
    return "[" + ",".join(str(brief.citation_number(a)) for a in dict.fromkeys(article_ids)) + "]"


def timeline_drawing(brief_id: str, brief: Brief) -> timeline.Drawing | None:
    """The timeline's SVG layout, or None when the brief has no dated events."""
    events: tuple[Any, ...] = getattr(brief, "timeline", ())
    if not events:
        return None
    entries = []
    for event in events:
        mention = event.mentions[0]  # the first passage dating this moment stands for all of them
        label = f"{event.value} – {event.end}" if event.end else str(event.value)
        entries.append(
            timeline.Entry(
                value=event.value if event.resolved else None,
                date_label=label if event.resolved else f"{mention.expression} (unresolved)",
                text=mention.text,
                href=span_href(brief_id, mention.sentence),
                cites=_cites(brief, (m.span.article for m in event.mentions)),
            )
        )
    return timeline.draw(entries)


def coverage_cells(brief_id: str, brief: Brief) -> list[list[Cell]]:
    """For each summary sentence, per article in story order: where that article reports it, if it does.

    Uses `Brief.coverage.matrix` when the brief has one (it links each article's own passage), else the
    summary's citations.
    """
    coverage = getattr(brief, "coverage", None)
    rows: tuple[Any, ...] = coverage.matrix if coverage is not None else ()
    ids = [info.id for info in brief.story.articles]
    if not rows:
        return [
            [Cell("source" if s.source.article == a else "support" if a in s.cites else "") for a in ids]
            for s in brief.summary
        ]
    cells = []
    for row in rows:
        source = brief.summary[row.summary].source.article
        spans = [row.spans.get(a) for a in ids]
        cells.append(
            [
                Cell(
                    "source" if a == source else "support",
                    span_href(brief_id, span),
                    brief.article(a).body[span.start : span.end],
                )
                if span is not None
                else Cell("")
                for a, span in zip(ids, spans, strict=True)
            ]
        )
    return cells


def unique_facts(brief_id: str, brief: Brief) -> list[UniqueView]:
    """For each outlet with facts no other outlet reports, those facts, most salient first."""
    coverage = getattr(brief, "coverage", None)
    articles: tuple[Any, ...] = coverage.articles if coverage is not None else ()
    return [
        UniqueView(
            number=brief.citation_number(item.article),
            outlet=outlet_name(brief, item.article),
            n_unique=item.n_unique,
            n_sentences=item.n_sentences,
            facts=[_passage(brief_id, brief, fact.span, fact.text) for fact in item.unique],
        )
        for item in articles
        if item.unique
    ]


def conflicts(brief_id: str, brief: Brief) -> list[ConflictView]:
    """Each disagreement, with both sentences and the contradicting words in them."""
    found: tuple[Any, ...] = getattr(brief, "conflicts", ())
    return [
        ConflictView(
            kind=item.kind,
            explanation=item.explanation,
            sides=[_passage(brief_id, brief, side.span, side.text, side.value_span) for side in (item.a, item.b)],
        )
        for item in found
    ]
