"""Analysis of a cluster beyond the summary: named entities, quotations and the timeline (more to come: coverage).

Importing this package is cheap; spaCy loads on the first call to `analyze`.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from storyline.analyze.entities import analyze_entities
from storyline.analyze.quotes import find_quotes
from storyline.analyze.timeline import build_timeline
from storyline.models import Article, Entity, Event, Quote


@dataclass(frozen=True, slots=True)
class Analysis:
    entities: tuple[Entity, ...]
    quotes: tuple[Quote, ...]
    timeline: tuple[Event, ...] = ()


def analyze(articles: Sequence[Article]) -> Analysis:
    """Entities merged across the articles, every direct quotation with its speaker, and the dated events.

    Args:
        articles: Cleaned articles with their final ids.

    Returns:
        Entities most mentioned first; quotes in article order, then reading order; events chronologically.

    Raises:
        ModelUnavailable: spaCy or its English model package is not installed.
    """
    entities = analyze_entities(articles)
    quotes = tuple(quote for article in articles for quote in find_quotes(article, entities))
    return Analysis(entities.entities, quotes, build_timeline(articles, entities))
