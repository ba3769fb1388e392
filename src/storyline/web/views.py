"""What the brief and article pages show, worked out from a `Brief` as plain values for the templates.

Templates only loop and print; every choice (which passage a marker shows, which spans an article marks, who
supports what) is made here, where it can be read and tested.
"""

from __future__ import annotations

import datetime as dt
import itertools
from collections.abc import Sequence
from dataclasses import dataclass

from storyline.models import Brief, Span, SummarySentence
from storyline.render.analysis import entity_articles, key_quotes, speaker_label, top_entities
from storyline.render.citations import corroboration, source_label

TOP_ENTITIES = 15
KEY_QUOTES = 10


@dataclass(frozen=True)
class Cite:
    """A citation marker: [number], the outlet, and the passage its tooltip shows."""

    number: int
    outlet: str
    passage: str
    href: str
    role: str  # "source" or "support"


@dataclass(frozen=True)
class SummaryItem:
    number: int
    text: str
    cites: list[Cite]
    corroboration: str


@dataclass(frozen=True)
class OutletRow:
    """One article and how much of the summary it backs."""

    number: int
    label: str
    outlet: str
    published: dt.date | None
    words: int
    dropped_lines: int
    n_source: int  # summary sentences taken from this article
    n_support: int  # summary sentences from other articles that this one corroborates
    href: str


@dataclass(frozen=True)
class Piece:
    """A run of an article body: plain, a passage the summary cites, or the passage asked for."""

    text: str
    kind: str | None = None  # None, "cited" or "focus"


def span_href(brief_id: str, span: Span) -> str:
    """The article page with `span` highlighted and scrolled to."""
    return f"/briefs/{brief_id}/articles/{span.article}?start={span.start}&end={span.end}#passage"


def passage(brief: Brief, span: Span) -> str:
    """The text of `span` in its article."""
    return brief.article(span.article).body[span.start : span.end]


def outlet_name(brief: Brief, article_id: str) -> str:
    info = brief.article(article_id)
    return info.outlet or info.source


def summary_items(brief_id: str, brief: Brief) -> list[SummaryItem]:
    """The summary, each sentence with one marker per article that reports it, source first."""
    return [
        SummaryItem(number=n, text=s.text, cites=_cites(brief_id, brief, s), corroboration=corroboration(brief, s))
        for n, s in enumerate(brief.summary, start=1)
    ]


def _cites(brief_id: str, brief: Brief, sentence: SummarySentence) -> list[Cite]:
    best: dict[str, tuple[Span, str]] = {sentence.source.article: (sentence.source, "source")}
    for span in sentence.support:  # best first: keep each article's most similar sentence
        best.setdefault(span.article, (span, "support"))
    return [
        Cite(
            number=brief.citation_number(article),
            outlet=outlet_name(brief, article),
            passage=passage(brief, span),
            href=span_href(brief_id, span),
            role=role,
        )
        for article, (span, role) in best.items()
    ]


def outlet_rows(brief_id: str, brief: Brief) -> list[OutletRow]:
    """Every article with the number of summary sentences it is the source of and corroborates."""
    return [
        OutletRow(
            number=n,
            label=source_label(brief, info.id),
            outlet=outlet_name(brief, info.id),
            published=info.published,
            words=info.words,
            dropped_lines=info.dropped_lines,
            n_source=sum(s.source.article == info.id for s in brief.summary),
            n_support=sum(info.id in s.cites[1:] for s in brief.summary),
            href=f"/briefs/{brief_id}/articles/{info.id}",
        )
        for n, info in enumerate(brief.story.articles, start=1)
    ]


def entity_rows(brief: Brief) -> list[dict[str, object]]:
    """The most mentioned entities, with the citation numbers of the articles naming them."""
    return [{"entity": e, "cites": entity_articles(brief, e)} for e in top_entities(brief, TOP_ENTITIES)]


def quote_rows(brief_id: str, brief: Brief) -> list[dict[str, object]]:
    """Key quotes, each with its speaker and a link to it in its article."""
    return [
        {
            "text": q.text,
            "speaker": speaker_label(q),
            "number": brief.citation_number(q.span.article),
            "href": span_href(brief_id, q.span),
        }
        for q in key_quotes(brief, KEY_QUOTES)
    ]


def cited_spans(brief: Brief, article_id: str) -> list[Span]:
    """Every span of `article_id` the summary cites, as source or support."""
    return [span for s in brief.summary for span in (s.source, *s.support) if span.article == article_id]


def article_pieces(body: str, cited: Sequence[Span], focus: tuple[int, int] | None) -> list[Piece]:
    """Split `body` into runs marked 'focus' (the passage asked for), 'cited' (any cited span) or unmarked.

    Overlapping spans are fine: each character takes the strongest mark covering it, and neighbouring
    characters with the same mark form one piece, so the focus passage is always exactly one piece.
    """
    bounds = {0, len(body)}
    for span in cited:
        bounds |= {span.start, span.end}
    if focus is not None:
        bounds |= set(focus)
    cuts = sorted(b for b in bounds if 0 <= b <= len(body))
    pieces: list[Piece] = []
    for start, end in itertools.pairwise(cuts):
        kind = _mark(start, cited, focus)
        if pieces and pieces[-1].kind == kind:
            pieces[-1] = Piece(pieces[-1].text + body[start:end], kind)
        else:
            pieces.append(Piece(body[start:end], kind))
    return pieces


def _mark(position: int, cited: Sequence[Span], focus: tuple[int, int] | None) -> str | None:
    if focus is not None and focus[0] <= position < focus[1]:
        return "focus"
    if any(span.start <= position < span.end for span in cited):
        return "cited"
    return None
