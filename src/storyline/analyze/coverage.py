"""What each outlet alone reports, and which outlets report each summary sentence.

A sentence is unique to its article when no sentence of another article reaches `MATCH_SIMILARITY` TF-IDF cosine
with it: a lower bar than support (0.40), so that a paraphrase another outlet carries is not called exclusive
(the seeds' "If the Hanoi summit … had gone according to plan" is Nikkei's alone, yet reaches 0.25 with NBC's
"After last week's fumbled nuclear summit in Vietnam, Beijing is worried …": such facts are the price). The
similarities are the ones selection computed (`Cluster`). Only sentences that read as facts count: fragments,
questions and quote continuations (`form.form_weight` below 1, as selection weighs them), teasers cut short
("… whether..."), the page addressing its reader ("fill in the form below") or pointing to its web site, text
the page mangled (a bracket left open, a flattened table's empty slots: "( and , respectively)") and lead-ins to
a list the brief does not show ("in the following areas.") are skipped, and a
sentence that repeats one already listed for its article (a pull quote) is listed once. Unique facts rank by
salience: centrality in the story plus the lead bonus selection uses, since news puts what matters first; one that
leans on the sentence before it (`form.needs_context`) counts but is not listed. An article that shares almost no
words with the others (`Cluster.off_story_articles`) lists none.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

import numpy as np

from storyline.form import form_weight, needs_context
from storyline.models import ArticleCoverage, Coverage, Span, SummaryCoverage, SummarySentence, SupportSpan, UniqueFact
from storyline.represent import Cluster

MATCH_SIMILARITY = 0.20
"""TF-IDF cosine from which a sentence of another article counts as reporting the same fact. On the labels of
tests/data/support_labels.json (bench/support_quality.py) the facts called an article's own are 88.5% right at 0.20
(recall 64%) against 78.4% at 0.25 (recall 88%), better on either half of the clusters: a brief lists three per
outlet, so being right matters more than finding them all."""
TOP_UNIQUE = 3
"""Unique facts listed per article."""
REPEAT_SIMILARITY = 0.5
"""TF-IDF cosine from which two unique facts of one article repeat each other: the list shows the first."""
LEAD_BONUS = 0.15


def find_coverage(cluster: Cluster, summary: Sequence[SummarySentence]) -> Coverage:
    """Unique facts per article and the summary-by-article coverage matrix.

    Args:
        cluster: The story's sentences and their TF-IDF similarities, as selection computed them.
        summary: The brief's summary sentences, whose support says which articles report them.

    Returns:
        Articles in story order with their most salient unique facts, and one matrix row per summary sentence.
        Empty with a single article: everything it says is trivially its own, so listing it tells nothing.
    """
    if len(cluster.article_ids) < 2:
        return Coverage()
    is_fact = (form_weight(cluster.sentences) >= 1.0) & np.array([_reads_as_news(s.text) for s in cluster.sentences])
    other_article = cluster.article_index[:, None] != cluster.article_index[None, :]
    matched = ((cluster.similarity >= MATCH_SIMILARITY) & other_article).any(axis=1)
    position = np.array([s.position for s in cluster.sentences], dtype=float)
    salience = cluster.centrality + LEAD_BONUS / np.sqrt(1.0 + position)
    articles = tuple(
        _article_coverage(cluster, index, is_fact, matched, salience) for index in range(len(cluster.article_ids))
    )
    return Coverage(articles=articles, matrix=tuple(_row(cluster.article_ids, n, s) for n, s in enumerate(summary)))


# A teaser cut short: "The researchers also are investigating whether..." (not a whole sentence that a quotation's
# elision mark follows: "… to hijack this event. …")
_TRUNCATED = re.compile(r"(?<![.!?\s])\s*(?:\.\.\.|…)[\s\"”’')\]]*$")
# The page talking to its reader: "Just fill in your contact details in the form below to join our mailing list",
# "Please continue showing your support on this dedicated page"
_TO_THE_READER = re.compile(r"\b(?:you|your|please|just)\b", re.IGNORECASE)
_ABOUT_THE_PAGE = re.compile(
    r"\b(?:(?:this|our)\s+(?:(?:dedicated|official)\s+)?(?:page|site|website|newsletter|mailing list)|"
    r"(?:form|link|button)\s+(?:below|above)|click here|(?:sign up|subscribe) (?:for|to) our)\b",
    re.IGNORECASE,
)


# A page pointing to its web site: "The team's website, twoballoons.com, has live tracking", or to its own media
# and posts: "The video shown here explains the disease", "Full details are in our original reveal post"
_OWN_SITE = re.compile(
    r"\bweb\s?site\b.*\b[\w-]+\.(?:com|org|net)\b|"
    r"\b(?:video|photo|image|picture|chart|map|graphic|gallery)s?\s+(?:shown|pictured|seen|featured|embedded)\s+"
    r"(?:here|above|below)\b|\bour\s+(?:[\w-]+\s+){0,2}(?:post|coverage|hands-on|liveblog|live blog)\b",
    re.IGNORECASE,
)
# The first sentence of a quotation that runs on into the next ones, its speaker named there, not here:
# '"The ferry was our lifeline…. It kept the island alive," she said.'
_QUOTE_OPENED = re.compile(r'^\s*(?:"[^"]*|“[^”]*)$')
# A table or chart flattened into text, its figures lost: "have the highest spend ( and , respectively), and and had"
_EMPTY_SLOTS = re.compile(r"\(\s*(?:and|or)?\s*,?\s*(?:respectively)?\s*\)|\b(and|or|the|of)\s+\1\b", re.IGNORECASE)
# A lead-in to a list the brief does not show: "couples spend the most in the following areas."
_LIST_LEAD_IN = re.compile(
    r"\bthe following\b(?!\s+(?:day|week|month|year|morning|afternoon|evening|night|season|weekend)s?\b)"
    r"(?:\s+[\w.-]+){0,4}\s*[.:]\s*$",
    re.IGNORECASE,
)


def _reads_as_news(text: str) -> bool:
    """Whether a sentence can be a fact the outlet reports: not a teaser cut short, not the page addressing its
    reader (a sign-up form, a link) or pointing to its web site, which another outlet never "misses"; not a
    fragment the page mangled (a bracket left open, a table's empty slots) nor a lead-in to a list it drops, nor the
    opening of a quotation whose speaker a later sentence names."""
    if _TRUNCATED.search(text) or _OWN_SITE.search(text) or _EMPTY_SLOTS.search(text) or _LIST_LEAD_IN.search(text):
        return False
    if _QUOTE_OPENED.match(text):
        return False
    if text.count("(") != text.count(")") or text.count("[") != text.count("]"):
        return False  # "memory for novel actions after a 4-h [Experiment (Exp.": cut inside a bracket
    return not (_TO_THE_READER.search(text) and _ABOUT_THE_PAGE.search(text))


def _article_coverage(
    cluster: Cluster, index: int, is_fact: np.ndarray, matched: np.ndarray, salience: np.ndarray
) -> ArticleCoverage:
    facts = np.flatnonzero((cluster.article_index == index) & is_fact)
    unique = [int(i) for i in facts if not matched[i]]
    listed: list[int] = []
    # An article about something else has nothing but facts of its own; the brief's warning says so instead. A fact
    # listed alone must not lean on the sentence before it ("He said it was over"), though it counts as the outlet's.
    on_story = index not in cluster.off_story_articles
    listable = [i for i in unique if on_story and not needs_context(cluster.sentences[i].text)]
    for i in sorted(listable, key=lambda i: (-salience[i], i)):
        if len(listed) == TOP_UNIQUE:
            break
        if all(cluster.similarity[i, j] < REPEAT_SIMILARITY for j in listed):
            listed.append(i)
    return ArticleCoverage(
        article=cluster.article_ids[index],
        n_sentences=len(facts),
        n_unique=len(unique),
        unique=tuple(_fact(cluster, i, float(salience[i])) for i in listed),
    )


def _fact(cluster: Cluster, index: int, salience: float) -> UniqueFact:
    sentence = cluster.sentences[index]
    return UniqueFact(
        text=sentence.text,
        span=Span(article=sentence.article_id, start=sentence.start, end=sentence.end),
        salience=round(salience, 3),
    )


def _row(article_ids: Sequence[str], index: int, sentence: SummarySentence) -> SummaryCoverage:
    """Each article's passage for one summary sentence: its source, its best support, or None."""
    source = sentence.source
    spans: dict[str, SupportSpan | None] = dict.fromkeys(article_ids)
    spans[source.article] = SupportSpan(article=source.article, start=source.start, end=source.end, similarity=1.0)
    for support in sentence.support:  # best first
        if spans.get(support.article) is None:
            spans[support.article] = support
    return SummaryCoverage(summary=index, spans=spans)
