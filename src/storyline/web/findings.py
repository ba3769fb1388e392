"""The brief page's view of the analysis a `Brief` carries: timeline, coverage and disagreements.

`Brief.timeline`, `Brief.coverage` and `Brief.conflicts` come from issue 5's analysis stages; they are empty for a
brief made with `analysis` off, which then shows no such section. Which outlets have unique facts and which side
of a disagreement is which come from `storyline.render.comparison`, as in every renderer.
"""

from __future__ import annotations

from dataclasses import dataclass

from storyline.models import Brief, Span
from storyline.render import comparison
from storyline.render.analysis import event_articles, every_event
from storyline.render.citations import outlet_name, passage_text
from storyline.render.passages import span_text
from storyline.web import timeline
from storyline.web.views import span_href


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


def _passage(brief_id: str, brief: Brief, number: int, span: Span, text: str, stress: Span | None = None) -> Passage:
    """`text` (the text of `span`, in article [`number`]), with the part `stress` covers set apart for the template."""
    start = stress.start - span.start if stress is not None else 0
    end = stress.end - span.start if stress is not None else 0
    return Passage(
        number=number,
        outlet=outlet_name(brief, span.article),
        before=text[:start],
        stress=text[start:end],
        after=text[end:],
        href=span_href(brief_id, span),
    )


def timeline_drawing(brief_id: str, brief: Brief) -> timeline.Drawing | None:
    """The timeline's SVG layout, or None when the brief has no dated events."""
    if not brief.timeline:
        return None
    entries = []
    for event in every_event(brief):
        mention = event.mentions[0]  # the first passage dating this moment stands for all of them
        label = f"{event.value} – {event.end}" if event.end else str(event.value)
        entries.append(
            timeline.Entry(
                value=event.value if event.resolved else None,
                date_label=label if event.resolved else f"{mention.expression} (unresolved)",
                text=mention.text,
                href=span_href(brief_id, mention.sentence),
                cites=event_articles(brief, event),
            )
        )
    return timeline.draw(entries)


def coverage_cells(brief_id: str, brief: Brief) -> list[list[Cell]]:
    """For each summary sentence, per article in story order: where that article reports it, if it does.

    Uses `Brief.coverage.matrix` when the brief has one (it links each article's own passage), else the
    summary's citations.
    """
    ids = [info.id for info in brief.story.articles]
    if not brief.coverage.matrix:
        return [
            [Cell("source" if s.source.article == a else "support" if a in s.cites else "") for a in ids]
            for s in brief.summary
        ]
    cells = []
    for row in brief.coverage.matrix:
        source = brief.summary[row.summary].source.article
        spans = [row.spans.get(a) for a in ids]
        cells.append(
            [
                Cell("source" if a == source else "support", span_href(brief_id, span), span_text(brief, span))
                if span is not None
                else Cell("")
                for a, span in zip(ids, spans, strict=True)
            ]
        )
    return cells


def unique_facts(brief_id: str, brief: Brief) -> list[UniqueView]:
    """For each outlet with facts no other outlet reports, those facts, most salient first."""
    return [
        UniqueView(
            number=outlet.number,
            outlet=outlet_name(brief, outlet.coverage.article),
            n_unique=outlet.coverage.n_unique,
            n_sentences=outlet.coverage.n_sentences,
            facts=[
                _passage(brief_id, brief, outlet.number, fact.span, passage_text(fact.text))
                for fact in outlet.coverage.unique
            ],
        )
        for outlet in comparison.unique_facts(brief)
    ]


def conflicts(brief_id: str, brief: Brief) -> list[ConflictView]:
    """Each disagreement, with both sentences and the contradicting words in them."""
    return [
        ConflictView(
            kind=comparison.KIND_LABELS[item.kind],
            explanation=item.explanation,
            sides=[
                _passage(brief_id, brief, number, side.span, side.text, side.value_span)
                for number, side in comparison.conflict_sides(brief, item)
            ],
        )
        for item in brief.conflicts
    ]
