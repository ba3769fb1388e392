"""A self-contained HTML report: cited summary, and each article's cleaned text with cited passages marked.

Jinja2 autoescapes everything; article text never reaches the page unescaped.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cache

from jinja2 import Environment, PackageLoader, select_autoescape

from storyline.models import Brief, Span
from storyline.render.analysis import (
    INFERRED_NOTE,
    entity_articles,
    event_article_ids,
    event_date,
    every_event,
    is_inferred,
    key_quotes,
    quoted_words,
    speaker_label,
    top_entities,
)
from storyline.render.citations import corroboration, passage_text, source_label, summary_text
from storyline.render.comparison import (
    KIND_LABELS,
    conflict_sides,
    coverage_rows,
    side_excerpt,
    unique_count,
    unique_facts,
    unique_scope,
)
from storyline.render.passages import cites, marked_passages, passage_of, pieces


def anchor(article_id: str, start: int, end: int) -> str:
    """The id of the marked passage `start`:`end` of an article: 'a1-120-245'."""
    return f"{article_id}-{start}-{end}"


@cache
def _environment() -> Environment:
    environment = Environment(
        loader=PackageLoader("storyline", "render/templates"),
        autoescape=select_autoescape(default=True, default_for_string=True),
        trim_blocks=True,
        lstrip_blocks=True,
    )
    environment.filters["passage"] = passage_text
    environment.filters["unique_count"] = unique_count
    return environment


def render_html(brief: Brief) -> str:
    """The whole report as one HTML document with inline CSS and no external resources."""
    passages = {info.id: marked_passages(brief, info.id) for info in brief.story.articles}

    def link(span: Span) -> str:
        """'#a1-120-245': the marked passage holding `span`."""
        held = passage_of(passages[span.article], span)
        return "#" + anchor(held.article, held.start, held.end)

    summary = [
        {"text": summary_text(s), "cites": cites(brief, s, link), "corroboration": corroboration(brief, s)}
        for s in brief.summary
    ]
    entities = [{"entity": e, "cites": entity_articles(brief, e)} for e in top_entities(brief)]
    quotes = [
        {
            "quote": q,
            "words": quoted_words(q),
            "speaker": speaker_label(q),
            "inferred": is_inferred(q),
            "number": brief.citation_number(q.span.article),
        }
        for q in key_quotes(brief)
    ]
    return (
        _environment()
        .get_template("brief.html.j2")
        .render(
            brief=brief,
            summary=summary,
            articles=_articles(brief, passages),
            entities=entities,
            quotes=quotes,
            inferred_note=INFERRED_NOTE,
            events=_events(brief),
            comparison=_comparison(brief, link),
        )
    )


def _articles(brief: Brief, passages: dict[str, list[Span]]) -> list[dict[str, object]]:
    """Each article with its body cut into plain runs and marked passages, a passage as (text, anchor)."""
    return [
        {
            "info": info,
            "number": n,
            "label": source_label(brief, info.id),
            "pieces": [
                (p.text, anchor(info.id, p.start, p.end) if p.kind else None)
                for p in pieces(info.body, passages[info.id])
            ],
        }
        for n, info in enumerate(brief.story.articles, start=1)
    ]


def _events(brief: Brief) -> list[dict[str, object]]:
    """Every event (`every_event`: the report has room for all): its date and first sentence, date underlined."""
    rows: list[dict[str, object]] = []
    for event in every_event(brief):
        mention = event.mentions[0]
        start = mention.span.start - mention.sentence.start
        end = start + len(mention.expression)
        rows.append(
            {
                "date": event_date(event),
                "resolved": event.resolved,
                "before": mention.text[:start],
                "expression": mention.expression,
                "after": mention.text[end:],
                "cites": [(brief.citation_number(a), a) for a in event_article_ids(event)],
            }
        )
    return rows


def _comparison(brief: Brief, link: Callable[[Span], str]) -> dict[str, object]:
    """Unique facts, the coverage table and the disagreements, each side linked to its marked passage."""
    conflicts = [
        {
            "explanation": c.explanation,
            "kind": KIND_LABELS[c.kind],
            "sides": [(n, link(side.span), *side_excerpt(side)) for n, side in conflict_sides(brief, c)],
        }
        for c in brief.conflicts
    ]
    return {
        "outlets": unique_facts(brief),
        "unique_scope": unique_scope(brief),
        "rows": coverage_rows(brief),
        "conflicts": conflicts,
    }
