"""Analysis of a story beyond the summary: named entities, quotations with their speakers, the timeline, what each
outlet alone reports (coverage) and where outlets disagree (conflicts).

Importing this package does not load spaCy; it loads on the first call to `analyze`.

The modules, in the order `analyze` uses them (→: what a module relies on):

- entities.py: spaCy NER mentions merged into one name per person, group or place → mentions.py (a mention and
  the name keys), ner_corrections.py (what NER's types and spans get wrong, fixed with evidence from the
  cluster), glued_text.py (page text a name takes along), name_variants.py (nicknames, short forms), surnames.py
  (whom a shared surname means).
- quotes.py: direct quotations and their speakers. quote_marks.py pairs the quotation marks; the speaker comes
  from the quote's own sentence (subjects.py: the subject of a speech verb; characterising.py: 'called it “a
  disaster”'; quote_flow.py: a whole statement or a few words, the previous speaker's words going on), from the
  sentences before it (before_quote.py), from whom the paragraph is about (topics.py), or from an interview's
  layout (interviews.py: a Q&A's answers, a transcript's turns); where all of them name no one, from spaCy's
  dependency parse (parsed_speakers.py: the subject of a speech verb governing the quote, or the named subject
  of a verb of naming or stance whose object it is).
  - speakers.py turns the words of an attribution into a speaker: it trims them and tries the rules of
    speaker_rules.py on them in order (a document's author, a pronoun, a pair, a name, a description), which
    find what the words refer to through referents.py ('he', 'the official', a bare surname) → names.py (full
    names, titles, gender), pairs.py (two people speaking together), organisations.py ('the company said'),
    documents.py ('the statement said'), surnames.py, unnamed_sources.py (a 'he' that goes on meaning an unnamed
    source, 'a labor leader advised her … “…,” he said').
  - speaker_names.py: each named speaker's final form, once the cluster's quotes have one: the cluster's canonical
    name for a bare surname, a byline list's authors, no office left before a name.
  - speech_verbs.py: the reporting verbs, participles and describing words all of these match.
- timeline.py: dated events, each resolved against its article's date → dates.py (date expressions as ISO 8601).
- coverage.py: what each outlet alone reports, and who reports each summary sentence, from selection's
  similarities (`Cluster`).
- conflicts.py: sentences of different outlets that cannot both be true → storyline/values.py (numbers and dates as
  intervals, read by selection's support too).
- scans.py: one scan of an article's body answering the searches analysis repeats for every quote or name (the
  words it writes, a pattern's matches), used by entities, names and documents.
- summary_referents.py: whom a summary sentence's "he" or "she" subject means, through referents.py as a quote's
  "he said" is.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from storyline.analyze.conflicts import find_conflicts
from storyline.analyze.coverage import find_coverage
from storyline.analyze.entities import analyze_entities
from storyline.analyze.quotes import find_quotes
from storyline.analyze.speaker_names import final_speakers
from storyline.analyze.speakers import ClusterPeople
from storyline.analyze.summary_referents import pronoun_referents
from storyline.analyze.timeline import build_timeline
from storyline.models import Article, Conflict, Coverage, Entity, Event, Quote, SummarySentence
from storyline.represent import Cluster
from storyline.summary import quoted_speakers


@dataclass(frozen=True, slots=True)
class Analysis:
    entities: tuple[Entity, ...]
    quotes: tuple[Quote, ...]
    timeline: tuple[Event, ...] = ()
    coverage: Coverage = field(default_factory=Coverage)
    conflicts: tuple[Conflict, ...] = ()
    summary: tuple[SummarySentence, ...] = ()
    """The summary `analyze` was given, with what analysis adds to it: a quotation's speaker
    (`summary.quoted_speakers`) and whom a pronoun subject means (`summary_referents.pronoun_referents`)."""


def analyze(
    articles: Sequence[Article], *, cluster: Cluster | None = None, summary: Sequence[SummarySentence] = ()
) -> Analysis:
    """Entities merged across the articles, every direct quotation with its speaker, the dated events, and, given
    the similarities selection computed, coverage and conflicts.

    Args:
        articles: Cleaned articles with their final ids.
        cluster: The story's sentences and their similarities (`Cluster.build`); without it coverage and conflicts
            stay empty, for callers that want the quotes or entities alone.
        summary: The brief's summary sentences, whose support the coverage matrix shows, and to which analysis adds
            quotations' speakers and pronouns' referents (`Analysis.summary`).

    Returns:
        Entities most mentioned first; quotes in article order, then reading order; events chronologically;
        conflicts in article order.

    Raises:
        ModelUnavailable: spaCy or its English model package is not installed.
    """
    entities = analyze_entities(articles)
    people = ClusterPeople.of(entities, {a.id: a.body for a in articles})
    quotes = tuple(quote for article in articles for quote in find_quotes(article, entities, people))
    quotes = final_speakers(quotes, articles, entities)
    timeline = build_timeline(articles, entities)
    told = quoted_speakers(pronoun_referents(summary, articles, entities, people, quotes), quotes)
    if cluster is None:
        return Analysis(entities.entities, quotes, timeline, summary=told)
    return Analysis(
        entities.entities,
        quotes,
        timeline,
        find_coverage(cluster, summary),
        find_conflicts(cluster, articles),
        told,
    )
