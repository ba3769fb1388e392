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
salience: centrality in the story plus the lead bonus selection uses, since news puts what matters first. One that
does not stand alone counts but is not listed: it leans on the sentence before it (`form.needs_context`, or it goes
on from it: "And …", "It also …", "That plane, a Boeing 737, …", "…, he said, …") or is too short to say much
("The school has a staff of 50."); nor is the brief's own summary sentence listed again, nor a near-copy of it. An
article that shares almost no words with the others (`Cluster.off_story_articles`) lists none.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

import numpy as np

from storyline.form import NAMED, form_weight, needs_context
from storyline.models import (
    ArticleCoverage,
    Coverage,
    Sentence,
    Span,
    SummaryCoverage,
    SummarySentence,
    SupportSpan,
    UniqueFact,
)
from storyline.represent import Cluster
from storyline.segment import OPENING_CONJUNCTION

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
MIN_WORDS = 9
"""Words a listed fact has at least. Of the facts under 9 words that the only-in-one lists of 12 briefs listed (6
raw Multi-News, 6 DUC 2003, read in the twenty-sixth session), 7 of 8 were wrong: too little to be news alone
("Caffeine is America's favorite drug, bar none.", "Other candidates also have noticed the primary.")."""


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
    summarised = _summarised(cluster, summary)
    articles = tuple(
        _article_coverage(cluster, index, is_fact, matched, salience, summarised)
        for index in range(len(cluster.article_ids))
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


# A page pointing to its web site: "The team's website, twoballoons.com, has live tracking", to its own media and
# posts: "The video shown here explains the disease", "Full details are in our original reveal post", or to further
# reading: "For more about the FPL guidelines, see this article by …"
_OWN_SITE = re.compile(
    r"\bweb\s?site\b.*\b[\w-]+\.(?:com|org|net)\b|"
    r"\b(?:video|photo|image|picture|chart|map|graphic|gallery)s?\s+(?:shown|pictured|seen|featured|embedded)\s+"
    r"(?:here|above|below)\b|\bour\s+(?:[\w-]+\s+){0,2}(?:post|coverage|hands-on|liveblog|live blog)\b|"
    r"^\s*For more\b[^.]*?,\s*(?:see|read|visit|go to|check out)\b",
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


# A sentence that goes on from the one before: "And a pilot-mechanic spends two years flying …", "Also, the two
# members could add …", "On the other hand, the market might have room …", "But not Utah's governor, who …"
_GOES_ON = re.compile(
    r"\s*(?:(?:And|Or|Also|Plus|Then|Nevertheless|Nonetheless|Still|Instead|Besides|Moreover|Furthermore|Likewise|"
    r"Similarly|Otherwise|Thus|Hence)\b|On the other hand\b|In addition\b|But not\b)"
)
# "It" doing what the organisation named before does: "It said at the time, …", "But it also heard from …" (not
# the weather's or a clause's "it": "It was not clear whether …")
_IT_ACTS = re.compile(
    rf"\s*{OPENING_CONJUNCTION}[Ii]t\s+(?:also|later|then|further|said|says|told|added|asked|wrote|noted|warned|"
    r"argued|described|reported|announced|requested|called|heard|ordered|urged)\b"
)
_TIME = r"(?:year|week|month|morning|afternoon|evening|night|season|weekend|time|century|decade)s?\b"
# A demonstrative subject, with or without a verb after it ("That plane, a Boeing 737, went out of control",
# "Much of that success came from …", "(This is not to be confused with …)"), or "both" of things named before
# ("Both extraterritorial investigations have drawn scorn"); `form.refers_back` takes only "This means …". Not a
# time: "This year, …"
_DEMONSTRATIVE = re.compile(
    rf"\s*\(?{OPENING_CONJUNCTION}(?:(?:Much|Most|Some|All|Part|None|Many|Few|Each|One|Any)\s+of\s+)?"
    rf"(?i:this|that|these|those|both)\s+(?!{_TIME})(?=[a-z])"
)
# A step in a plan the sentence before began: "Census Bureau agents would then visit a sample …" (not "was then",
# as often a time as a step: "Whitaker, who was then Sessions' chief of staff")
_THEN = re.compile(r"\b(?:would|will|could|can|must|should)\s+then\b")
# He or she after a clause of the sentence's own, the person named before: "Even before taking on the cases …, he
# had earned …"; or as the speaker: "When Russia defaulted …, he said, South America's ability …"
_PRONOUN_AFTER_CLAUSE = re.compile(r",\s+(?:he|she)\s+(?!said|says)")
_PRONOUN_SPEAKER = re.compile(r",\s+(?:he|she|they)\s+(?:said|says|added|argued|noted|wrote)\s*,")
# A pro-form standing for what the sentence before says: "Trump said so himself last year", "They did so on Monday"
_SO_PRO_FORM = re.compile(
    r"\b(?:said|say|says|saying|did|do|does|doing|done)\s+so\b(?!\s+(?:that|far|much|many|long)\b)"
)


def _stands_alone(text: str) -> bool:
    """Whether a fact listed on its own, away from its article, says something a reader can take in: not too short
    (`MIN_WORDS`), not leaning on the sentence before it (`form.needs_context`), not going on from it (a connective,
    "It also …", a demonstrative subject, "would then …") and not naming by a pronoun a person named before.
    Stricter than selection's test (a summary keeps the sentence before in view; this list does not)."""
    if len(text.split()) < MIN_WORDS or needs_context(text):
        return False
    if _GOES_ON.match(text) or _IT_ACTS.match(text) or _DEMONSTRATIVE.match(text) or _THEN.search(text):
        return False
    if _PRONOUN_SPEAKER.search(text) or _SO_PRO_FORM.search(text):
        return False
    return not (_PRONOUN_AFTER_CLAUSE.search(text) and not NAMED.search(text))


def _summarised(cluster: Cluster, summary: Sequence[SummarySentence]) -> np.ndarray:
    """For each sentence, whether the brief's summary says it: a summary sentence's source, or a sentence of the same
    article that repeats one (`REPEAT_SIMILARITY`, a pull quote). The reader has just read those."""
    spans = [sentence.source for sentence in summary]
    sources = np.array([any(_overlaps(s, span) for span in spans) for s in cluster.sentences], dtype=bool)
    same_article = cluster.article_index[:, None] == cluster.article_index[None, :]
    return sources | ((cluster.similarity >= REPEAT_SIMILARITY) & same_article & sources[None, :]).any(axis=1)


def _overlaps(sentence: Sentence, span: Span) -> bool:
    return sentence.article_id == span.article and sentence.start < span.end and span.start < sentence.end


def _article_coverage(
    cluster: Cluster,
    index: int,
    is_fact: np.ndarray,
    matched: np.ndarray,
    salience: np.ndarray,
    summarised: np.ndarray,
) -> ArticleCoverage:
    facts = np.flatnonzero((cluster.article_index == index) & is_fact)
    unique = [int(i) for i in facts if not matched[i]]
    listed: list[int] = []
    # An article about something else has nothing but facts of its own; the brief's warning says so instead. A fact
    # listed alone must stand alone ("He said it was over" does not), though it counts as the outlet's either way.
    on_story = index not in cluster.off_story_articles
    listable = [i for i in unique if on_story and not summarised[i] and _stands_alone(cluster.sentences[i].text)]
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
