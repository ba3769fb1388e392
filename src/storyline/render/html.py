"""A self-contained HTML report: cited summary, and each article's cleaned text with cited passages marked.

Jinja2 autoescapes everything; article text never reaches the page unescaped.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from jinja2 import Environment, PackageLoader, select_autoescape

from storyline.models import Brief, Span
from storyline.render.analysis import entity_articles, event_date, key_quotes, speaker_label, top_entities
from storyline.render.citations import corroboration, source_label
from storyline.render.comparison import KIND_LABELS, conflict_sides, coverage_rows, side_excerpt, unique_facts


@dataclass(frozen=True)
class Piece:
    """A run of an article's body: plain, or a cited passage with an anchor id."""

    text: str
    anchor: str | None = None


@dataclass(frozen=True)
class Cite:
    number: int
    anchor: str
    passage: str


def anchor(span: Span) -> str:
    return f"{span.article}-{span.start}-{span.end}"


@cache
def _environment() -> Environment:
    return Environment(
        loader=PackageLoader("storyline", "render/templates"),
        autoescape=select_autoescape(default=True, default_for_string=True),
        trim_blocks=True,
        lstrip_blocks=True,
    )


def render_html(brief: Brief) -> str:
    """The whole report as one HTML document with inline CSS and no external resources."""
    cited = _cited_spans(brief)
    articles = [
        {
            "info": info,
            "number": n,
            "label": source_label(brief, info.id),
            "pieces": _pieces(info.body, cited[info.id]),
        }
        for n, info in enumerate(brief.story.articles, start=1)
    ]
    summary = [
        {
            "text": s.text,
            "cites": _cites(brief, s.source, s.support),
            "corroboration": corroboration(brief, s),
        }
        for s in brief.summary
    ]
    entities = [{"entity": e, "cites": entity_articles(brief, e)} for e in top_entities(brief)]
    quotes = [
        {"quote": q, "speaker": speaker_label(q), "number": brief.citation_number(q.span.article)}
        for q in key_quotes(brief)
    ]
    return (
        _environment()
        .get_template("brief.html.j2")
        .render(
            brief=brief,
            summary=summary,
            articles=articles,
            entities=entities,
            quotes=quotes,
            events=_events(brief),
            comparison=_comparison(brief),
        )
    )


def _events(brief: Brief) -> list[dict[str, object]]:
    """Every event of the timeline (the report has room for all): its date and first sentence, date underlined."""
    rows: list[dict[str, object]] = []
    for event in brief.timeline:
        mention = event.mentions[0]
        start = mention.span.start - mention.sentence.start
        end = start + len(mention.expression)
        articles = dict.fromkeys(m.span.article for m in event.mentions)
        rows.append(
            {
                "date": event_date(event),
                "resolved": event.resolved,
                "before": mention.text[:start],
                "expression": mention.expression,
                "after": mention.text[end:],
                "cites": [(brief.citation_number(a), a) for a in articles],
            }
        )
    return rows


def _cites(brief: Brief, source: Span, support: tuple[Span, ...]) -> list[Cite]:
    best: dict[str, Span] = {source.article: source}
    for span in support:
        best.setdefault(span.article, span)
    return [
        Cite(brief.citation_number(a), anchor(span), brief.article(a).body[span.start : span.end])
        for a, span in best.items()
    ]


def _comparison(brief: Brief) -> dict[str, object]:
    """Unique facts, the coverage table and the disagreements, each side linked to its marked passage."""
    conflicts = [
        {
            "explanation": c.explanation,
            "kind": KIND_LABELS[c.kind],
            "sides": [(n, anchor(side.span), *side_excerpt(side)) for n, side in conflict_sides(brief, c)],
        }
        for c in brief.conflicts
    ]
    return {"outlets": unique_facts(brief), "rows": coverage_rows(brief), "conflicts": conflicts}


def _cited_spans(brief: Brief) -> dict[str, list[Span]]:
    spans: dict[str, dict[tuple[int, int], Span]] = {info.id: {} for info in brief.story.articles}
    conflict_spans = [side.span for c in brief.conflicts for side in (c.a, c.b)]
    for sentence in brief.summary:
        for span in (sentence.source, *sentence.support):
            spans[span.article][(span.start, span.end)] = Span(article=span.article, start=span.start, end=span.end)
    for span in conflict_spans:  # so that each side of a disagreement can be clicked through to
        spans[span.article][(span.start, span.end)] = span
    return {article: sorted(found.values(), key=lambda s: s.start) for article, found in spans.items()}


def _pieces(body: str, spans: list[Span]) -> list[Piece]:
    pieces: list[Piece] = []
    cursor = 0
    for span in spans:
        if span.start < cursor:  # overlapping spans: the earlier one already marks this text
            continue
        if span.start > cursor:
            pieces.append(Piece(body[cursor : span.start]))
        pieces.append(Piece(body[span.start : span.end], anchor(span)))
        cursor = span.end
    if cursor < len(body):
        pieces.append(Piece(body[cursor:]))
    return pieces
