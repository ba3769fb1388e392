"""What the brief and article pages show, worked out from a `Brief` as plain values for the templates.

Templates only loop and print; every choice (which passage a marker shows, which spans an article marks, who
supports what) is made here, where it can be read and tested.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import partial

from storyline.models import Brief, Span
from storyline.render.analysis import (
    entity_articles,
    is_inferred,
    key_quotes,
    quoted_words,
    speaker_label,
    top_entities,
)
from storyline.render.citations import corroboration, outlet_name, source_label, summary_text
from storyline.render.passages import Cite, Piece, cites, marked_passages, pieces

TOP_ENTITIES = 15
KEY_QUOTES = 10


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


def span_href(brief_id: str, span: Span) -> str:
    """The article page with `span` highlighted and scrolled to."""
    return f"/briefs/{brief_id}/articles/{span.article}?start={span.start}&end={span.end}#passage"


def summary_items(brief_id: str, brief: Brief) -> list[SummaryItem]:
    """The summary, each sentence with one marker per article that reports it, source first."""
    return [
        SummaryItem(
            number=n,
            text=summary_text(s),
            cites=cites(brief, s, partial(span_href, brief_id)),
            corroboration=corroboration(brief, s),
        )
        for n, s in enumerate(brief.summary, start=1)
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
            "text": quoted_words(q),
            "speaker": speaker_label(q),
            "inferred": is_inferred(q),
            "number": brief.citation_number(q.span.article),
            "href": span_href(brief_id, q.span),
        }
        for q in key_quotes(brief, KEY_QUOTES)
    ]


def article_pieces(brief: Brief, article_id: str, focus: tuple[int, int] | None) -> list[Piece]:
    """The article's body in runs: 'focus' (the passage asked for), 'cited' (a passage the brief marks) or plain."""
    return pieces(brief.article(article_id).body, marked_passages(brief, article_id), focus)
