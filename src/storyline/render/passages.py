"""Which passages of an article a brief marks, and the citation markers that point at them.

One rule for the HTML report and the web pages: an article marks every span the summary cites (as source or
support) and every side of a disagreement, so that each citation and each conflict link lands on a marked
passage. Spans that overlap are merged into one passage.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from storyline.models import Brief, Span, SummarySentence
from storyline.render.citations import outlet_name


@dataclass(frozen=True)
class Piece:
    """A run of an article body: plain, a marked passage, or the passage asked for."""

    text: str
    start: int
    end: int
    kind: str | None = None  # None, "cited" or "focus"


@dataclass(frozen=True)
class Cite:
    """A citation marker: [number], the outlet, the passage its tooltip shows, and where it links."""

    number: int
    outlet: str
    passage: str
    href: str
    role: str  # "source" or "support"


def span_text(brief: Brief, span: Span) -> str:
    """The text of `span` in its article."""
    return brief.article(span.article).body[span.start : span.end]


def cites(brief: Brief, sentence: SummarySentence, link: Callable[[Span], str]) -> list[Cite]:
    """One marker per article that reports `sentence`, source first, each linking (via `link`) to one span.

    `sentence.support` is ordered best first, so each article's most similar sentence is the one kept.
    """
    best: dict[str, tuple[Span, str]] = {sentence.source.article: (sentence.source, "source")}
    for span in sentence.support:
        best.setdefault(span.article, (span, "support"))
    return [
        Cite(
            number=brief.citation_number(article),
            outlet=outlet_name(brief, article),
            passage=span_text(brief, span),
            href=link(span),
            role=role,
        )
        for article, (span, role) in best.items()
    ]


def marked_passages(brief: Brief, article_id: str) -> list[Span]:
    """The passages of `article_id` to mark, in order: cited spans and conflict sides, overlapping ones merged."""
    cited = [span for s in brief.summary for span in (s.source, *s.support)]
    sides = [side.span for c in brief.conflicts for side in (c.a, c.b)]
    merged: list[Span] = []
    for span in sorted((s for s in (*cited, *sides) if s.article == article_id), key=lambda s: (s.start, s.end)):
        if merged and span.start < merged[-1].end:
            last = merged[-1]
            merged[-1] = Span(article=article_id, start=last.start, end=max(last.end, span.end))
        else:
            merged.append(Span(article=article_id, start=span.start, end=span.end))
    return merged


def passage_of(passages: Sequence[Span], span: Span) -> Span:
    """The marked passage that holds `span` (`span` itself when none does)."""
    return next((p for p in passages if p.start <= span.start and span.end <= p.end), span)


def pieces(body: str, passages: Sequence[Span], focus: tuple[int, int] | None = None) -> list[Piece]:
    """Split `body` into runs marked 'focus' (the passage asked for), 'cited' (a marked passage) or unmarked.

    Args:
        body: The article's cleaned text.
        passages: Non-overlapping spans into `body`, as `marked_passages` gives them.
        focus: (start, end) of a passage to set apart; it takes precedence over the passages it covers.

    Returns:
        The runs, in order, joined they are `body`. The focus passage is exactly one piece, and a marked passage
        the focus does not touch is exactly one piece, so its start and end name it.
    """
    bounds = {0, len(body), *(b for p in passages for b in (p.start, p.end)), *(focus or ())}
    cuts = sorted(b for b in bounds if 0 <= b <= len(body))
    runs: list[Piece] = []
    for start, end in itertools.pairwise(cuts):
        kind = _mark(start, passages, focus)
        # Neighbouring cited runs are separate passages (they only touch), so only plain and focus runs join.
        if runs and runs[-1].kind == kind and kind != "cited":
            runs[-1] = Piece(runs[-1].text + body[start:end], runs[-1].start, end, kind)
        else:
            runs.append(Piece(body[start:end], start, end, kind))
    return runs


def _mark(position: int, passages: Sequence[Span], focus: tuple[int, int] | None) -> str | None:
    if focus is not None and focus[0] <= position < focus[1]:
        return "focus"
    if any(p.start <= position < p.end for p in passages):
        return "cited"
    return None
