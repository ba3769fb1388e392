"""Pick the sentences of a multi-document summary within a word budget, and find who corroborates each.

A strategy ranks sentences; `select_sentences` then fills the budget in that order, skipping sentences that
repeat one already picked (so a fact two outlets report appears once), orders the picks for reading, and
attaches each pick's support: sentences of other articles similar enough to say the same thing.
"""

from __future__ import annotations

import heapq
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Literal, get_args

import numpy as np

from storyline.errors import ConfigError
from storyline.form import (
    CONTEXT_WEIGHT,
    QUOTATION_WEIGHT,
    QUOTATION_WORDS,
    can_open_summary,
    form_weight,
    is_quotation,
    needs_context,
    question_weight,
    within_length,
)
from storyline.furniture.sentences import classify_sentence, page_text_cues
from storyline.models import Sentence, StrategyName
from storyline.represent import DEFAULT_SUPPORT_THRESHOLD, Cluster, cosine_to_centroid
from storyline.scorer import inclusion_probabilities

FILLER_SCORE = 0.4
"""A summary stops before a pick scoring under this share of its best pick's score: such picks are what still fits
the words left ("He did so on Wednesday afternoon.", "It was a nice story while it lasted.", "2018 Federal Poverty
Guidelines for Hawaii"). Of the 250 raw Multi-News 150-word briefs, 37 lose 42 such sentences, and an independent
blind reader preferred the shorter brief 27 to 10 (2026-11-29, twenty-sixth session); ROUGE within noise (raw 300
words R1 +0.02 ± 0.13, even −0.18, odd +0.22; first 1,000 truncated +0.01 ± 0.04; DUC task 2 and 3 unchanged)."""
WITHOUT_FILLER_STOP = frozenset({"centroid"})
"""Strategies whose fill `FILLER_SCORE` does not stop: centroid's scores add support and a lead bonus, so its first
picks score far above the rest, and 0.4 of the best stopped raw Multi-News 300-word summaries at 242 words on average
(R1 46.82 → 45.55 in one run); DUC's 10-article clusters, which `adaptive` gives to centroid, were unchanged by it."""
SUMMARY_REDUNDANT_SIMILARITY = 0.35
"""A summary candidate this similar to a pick is passed over: stricter than a plain "says the same thing" (0.5),
because a pick that shares half its weighted terms with another adds few words a reference does not already get
from the first (0.5 → 0.35: raw Multi-News validation R1/R2 47.02/18.18 → 47.26/18.28, first 1,000 truncated
45.31/16.65 → 45.52/16.75, DUC 2003 task 2 R1 recall 39.03 → 39.00; 0.4: raw 47.21/18.28, truncated +0.14/+0.09;
0.3: raw 47.10/18.03)."""
Strategy = Callable[[Sequence[Cluster]], list[np.ndarray]]
"""Scores every sentence of each of several clusters (one story each); higher is more worth including. Given
several stories at once, a strategy can run each stage once for all of them (`select_story_indices`)."""

SUPPORT_WEIGHT = 0.4
LEAD_WEIGHT = 0.15


def _centroid_score(cluster: Cluster) -> np.ndarray:
    """Closeness to the story's centroid, plus corroboration by the other articles, plus a lead bias: news puts the
    key facts first. (Two articles of one outlet count twice here, where a brief's "reported by k of n outlets" counts
    them once: for ranking, a wire's second story repeating a fact is evidence the fact matters.)

    Every article weighs the same in the centroid: with the plain mean of sentences a long page (a live blog, a
    video gallery) pulled the centroid, and the picks, towards itself (raw Multi-News validation R1/R2
    45.92/16.54 → 46.35/17.08 with the article-balanced centroid; DUC 2003 task 2 R1 recall 37.55 → 37.60).
    """
    position = np.array([s.position for s in cluster.sentences], dtype=float)
    lead = 1.0 / np.sqrt(1.0 + position)
    balanced_centrality = cosine_to_centroid(cluster.term_rows, groups=cluster.article_index)
    return balanced_centrality + SUPPORT_WEIGHT * cluster.article_support() + LEAD_WEIGHT * lead


def _centroid_scores(clusters: Sequence[Cluster]) -> list[np.ndarray]:
    return [_centroid_score(cluster) for cluster in clusters]


def _learned_scores(clusters: Sequence[Cluster]) -> list[np.ndarray]:
    """The learned scorer's probability that a sentence belongs in an oracle summary (`storyline.learn`)."""
    return inclusion_probabilities(clusters)


def _hybrid_scores(clusters: Sequence[Cluster]) -> list[np.ndarray]:
    """Centroid score plus the learned probability: the model ranks well within Multi-News-like clusters, the
    centroid score keeps long and many-article clusters (DUC, raw pages) on topic."""
    learned = _learned_scores(clusters)
    return [_centroid_score(cluster) + probability for cluster, probability in zip(clusters, learned, strict=True)]


OPENINGS_WORDS = 800
"""Words of the openings view `_openings_score` gives the learned scorer, shared equally among the articles."""
MIN_OPENING_WORDS = 150
"""Words per article below which an openings view no longer looks like the learned scorer's training clusters
(~434 words over ~2.8 documents: ~155 a document)."""


def _openings(cluster: Cluster) -> np.ndarray:
    """Indices of each article's opening sentences, `OPENINGS_WORDS` / articles words of each."""
    share = OPENINGS_WORDS / len(cluster.article_ids)
    words_before = np.zeros(len(cluster.article_ids))
    keep = []
    for i, article in enumerate(cluster.article_index):
        if words_before[article] < share:
            keep.append(i)
            words_before[article] += cluster.n_words[i]
    return np.array(keep, dtype=np.int64)


def _openings_scores(clusters: Sequence[Cluster]) -> list[np.ndarray]:
    """Centroid score plus the learned probability computed on the articles' openings alone.

    The learned scorer was trained on truncated Multi-News — the first ~150 words of each article — and on a whole
    long story it misreads positions and lengths it never saw. Shown the openings of a long story, the shape it
    knows, it adds what it learned about which lead sentences reach a summary; the centroid score still ranks the
    whole story (raw Multi-News R1/R2 46.48/17.22 → 46.82/17.68; a 500-word view gave 46.45/17.27).
    """
    openings = [_openings(cluster) for cluster in clusters]
    # The learned scorer reads similarities, never `supports`, so the views' support threshold changes nothing.
    views = Cluster.build_many(
        [[cluster.sentences[i] for i in kept] for cluster, kept in zip(clusters, openings, strict=True)],
        DEFAULT_SUPPORT_THRESHOLD,
    )
    scores = []
    for cluster, kept, in_view in zip(clusters, openings, inclusion_probabilities(views), strict=True):
        probability = np.zeros(len(cluster.sentences))
        probability[kept] = in_view
        scores.append(_centroid_score(cluster) + probability)
    return scores


STRATEGIES: dict[str, Strategy] = {
    "centroid": _centroid_scores,
    "learned": _learned_scores,
    "hybrid": _hybrid_scores,
    "openings": _openings_scores,
}
"""Named sentence scorers."""
ADAPTIVE = "adaptive"
STRATEGY_NAMES: tuple[str, ...] = get_args(StrategyName)
"""What `BriefOptions.strategy` accepts: a scorer, or `adaptive`, which picks one per story (`_resolve`)."""
LEARNED_RANGE_WORDS = 500
"""The learned scorer's training clusters (Multi-News in its truncated form) hold at most ~470 words. Within that
range it beats the centroid score (first 600 truncated validation clusters, R1/R2 45.01/16.22 vs 44.16/15.25);
on longer stories, where its position and length features leave their training range, it loses (raw Multi-News
45.53 vs 46.48 R1, DUC 2003 33.8 vs 39.0 R1 recall)."""
SELF_WEIGHTED = frozenset({"learned"})
"""Strategies whose scores already weigh form and length: filled by score order, without MMR's trade-off."""
MMR_LAMBDA = 0.6
"""Relevance against novelty in `fill_budget`. With the balanced centroid, 0.7 → 0.6 and support weight 0.25 → 0.4
gave raw Multi-News 46.35/17.08 → 46.48/17.12, DUC task 2 R1 recall 37.60 → 38.43, truncated (first 600
clusters) 44.16/15.24 (0.5: raw R2 fell to 16.90; 0.4: 16.39)."""


@dataclass(frozen=True)
class Pick:
    sentence: Sentence
    support: tuple[tuple[Sentence, float], ...]


def select_sentences(
    sentences: Sequence[Sentence],
    *,
    words: int,
    strategy: str = ADAPTIVE,
    fill: Literal["within", "overflow"] = "within",
    cluster: Cluster | None = None,
) -> list[Pick]:
    """Choose summary sentences and their support.

    Args:
        sentences: Every sentence of every article of the story.
        words: Word budget. With fill="within" the picks fit in it; with "overflow" the last pick may run
            past it, for scorers that cut the output to exactly `words` words; that pick then comes last, so
            the cut trims the least important pick rather than whichever reads last.
        strategy: One of `STRATEGY_NAMES`.
        fill: See `words`.
        cluster: `Cluster.build(sentences, support_threshold)` when the caller already has it (the analysis stage
            reuses its similarities) or wants another support threshold; built with `DEFAULT_SUPPORT_THRESHOLD`
            otherwise.

    Returns:
        Picks in reading order: by relative position in their article, then by article (but see `fill`).

    Raises:
        ConfigError: an unknown strategy.
    """
    _check_strategy(strategy)
    if not sentences:
        return []
    if cluster is None:
        cluster = Cluster.build(sentences, DEFAULT_SUPPORT_THRESHOLD)
    strategy_name = _resolve(strategy, int(cluster.n_words.sum()), len(cluster.article_ids))
    return _with_support(cluster, _choose(cluster, strategy_name, STRATEGIES[strategy_name]([cluster])[0], words, fill))


def select_story_indices(
    stories: Sequence[Sequence[Sentence]],
    *,
    words: int,
    strategy: str = ADAPTIVE,
    support_threshold: float = DEFAULT_SUPPORT_THRESHOLD,
    fill: Literal["within", "overflow"] = "within",
) -> list[list[int]]:
    """The sentences `select_sentences` picks for each of several stories, as indices, without their support.

    For a caller that needs only the picked sentences (`storyline eval`: ROUGE reads no support links). Each stage
    runs over every story before the next starts, and the learned scorer once for all the stories that use it, so
    the code and data of one stage stay at hand instead of being fetched again for each story.

    Args:
        stories: The sentences of each story, as `select_sentences` takes them.
        words, strategy, fill: As for `select_sentences`; the same for every story.
        support_threshold: The clusters' support threshold (the centroid score and quotations read support).

    Returns:
        For each story, the indices of its picks in `select_sentences`' order.
    """
    return [order for _, order in _choose_stories(stories, words, strategy, support_threshold, fill)]


def _choose_stories(
    stories: Sequence[Sequence[Sentence]],
    words: int,
    strategy: str,
    support_threshold: float,
    fill: Literal["within", "overflow"],
) -> list[tuple[Cluster | None, list[int]]]:
    """Each story's cluster (None for a story without sentences) and its picks in reading order."""
    _check_strategy(strategy)
    given = [k for k, sentences in enumerate(stories) if sentences]
    if not given:
        return [(None, []) for _ in stories]
    clusters = dict(zip(given, Cluster.build_many([stories[k] for k in given], support_threshold), strict=True))
    names = {k: _resolve(strategy, int(c.n_words.sum()), len(c.article_ids)) for k, c in clusters.items()}
    scores: dict[int, np.ndarray] = {}
    for strategy_name in dict.fromkeys(names.values()):
        using = [k for k in clusters if names[k] == strategy_name]
        scores.update(zip(using, STRATEGIES[strategy_name]([clusters[k] for k in using]), strict=True))
    # The page-text cue words of every story's sentences, looked for in one pass over them all
    cues = page_text_cues([s.text for k in given for s in stories[k]])
    cues_of = dict(zip(given, np.split(cues, np.cumsum([len(stories[k]) for k in given[:-1]], dtype=int)), strict=True))
    return [
        (clusters[k], _choose(clusters[k], names[k], scores[k], words, fill, cues=cues_of[k]))
        if k in clusters
        else (None, [])
        for k in range(len(stories))
    ]


def _choose(
    cluster: Cluster,
    strategy_name: str,
    scores: np.ndarray,
    words: int,
    fill: Literal["within", "overflow"],
    *,
    cues: np.ndarray | None = None,
) -> list[int]:
    """Fill the budget from a strategy's scores and order the picks for reading; never a sentence of page text,
    nor one of an article that shares almost no words with the others (`Cluster.off_story_articles`): of the 250
    raw Multi-News validation clusters, such articles gave picks to two 150-word briefs, all of them junk ("Here's a
    sampling of some of those projects.", another story's headline in a "Most Popular Stories" box); raw R1 −0.01,
    DUC unchanged."""
    if len(cluster.off_story_articles):
        scores = np.where(np.isin(cluster.article_index, cluster.off_story_articles), 0.0, scores)
    if strategy_name in SELF_WEIGHTED:
        # The model already scores form and length; keep only the hard limits and the question weight (a reader's
        # rule: the model learned what reaches a reference, and references do quote questions), rank by its score.
        scores = scores * within_length(cluster.n_words) * question_weight(cluster.sentences)
        relevance_weight = 1.0
    else:
        scores, relevance_weight = scores * form_weight(cluster.sentences, n_words=cluster.n_words), MMR_LAMBDA
    chosen = fill_budget(cluster, scores, words, fill, relevance_weight=relevance_weight, cues=cues)
    if strategy_name not in WITHOUT_FILLER_STOP:
        chosen = _before_filler(chosen, scores)
    order = reading_order(cluster.sentences, chosen)
    if fill == "overflow" and cluster.n_words[chosen].sum() > words:
        order = [i for i in order if i != chosen[-1]] + [chosen[-1]]
    return order


def _before_filler(chosen: list[int], scores: np.ndarray) -> list[int]:
    """The picks, in the order they were made, up to the first that scores under `FILLER_SCORE` times the best pick's:
    what the fill takes last because it still fits the words left, not because it says much."""
    if not chosen:
        return chosen
    floor = FILLER_SCORE * max(scores[i] for i in chosen)
    return next((chosen[:n] for n, i in enumerate(chosen) if scores[i] < floor), chosen)


def _with_support(cluster: Cluster, order: Sequence[int]) -> list[Pick]:
    sentences = cluster.sentences
    return [
        Pick(sentence=sentences[i], support=tuple((sentences[j], sim) for j, sim in cluster.supporters(i)))
        for i in order
    ]


def _check_strategy(strategy: str) -> None:
    if strategy not in STRATEGY_NAMES:
        raise ConfigError(f"unknown strategy {strategy!r}; choose one of {', '.join(sorted(STRATEGY_NAMES))}")


def _resolve(strategy: str, n_words: int, n_articles: int) -> str:
    """The strategy a name stands for on a story of `n_words` words in `n_articles` articles. `adaptive` is
    `learned` on stories within the learned model's training range (`LEARNED_RANGE_WORDS`); on longer ones,
    `openings` while the openings view still gives every article `MIN_OPENING_WORDS` (up to 5 articles), and
    `centroid` beyond (DUC's 10-article clusters: R1 recall 38.96 with `centroid`, 37.34 with `openings`)."""
    if strategy != ADAPTIVE:
        return strategy
    if n_words <= LEARNED_RANGE_WORDS:
        return "learned"
    return "openings" if OPENINGS_WORDS / n_articles >= MIN_OPENING_WORDS else "centroid"


def fill_budget(
    cluster: Cluster,
    scores: np.ndarray,
    words: int,
    fill: Literal["within", "overflow"],
    *,
    relevance_weight: float = MMR_LAMBDA,
    cues: np.ndarray | None = None,
) -> list[int]:
    """Greedy maximal marginal relevance under a word budget, never repeating a picked fact, never picking page text.

    `relevance_weight` is MMR's λ: 1.0 ranks by score alone, and only the SUMMARY_REDUNDANT_SIMILARITY cut-off
    removes repeats. A candidate that `form.needs_context` (a quote of a bare pronoun or of no one, a subject that
    points back, …) counts its score times CONTEXT_WEIGHT until the sentence before it in its article is picked. A
    candidate that `classify_sentence` calls page text ('The video shown here explains …', '… until you cancel') is
    passed over: cleaning judges lines and keeps the paragraph such a sentence sits in, so selection is where it can
    still be kept out of a brief (analysis reads it all the same). Once the picks hold `quotation_allowance` quotations,
    a further quotation no other article reports counts its score times QUOTATION_WEIGHT: a brief is the writers'
    account first. Each of these is looked at only when a candidate comes out best, which most never do.

    `cues`, when given, is `page_text_cues` of the cluster's sentences, which `classify_sentence` would otherwise
    look for candidate by candidate.
    """
    by_score = np.argsort(-scores, kind="stable")
    candidates = by_score[scores[by_score] > 0]
    if relevance_weight == 1.0:
        return _fill_by_score(cluster, scores, candidates, words, fill, cues)
    sentences = cluster.sentences
    n_words = cluster.n_words
    redundancy = np.zeros(len(candidates))  # each candidate's highest similarity to a pick so far
    unpicked = np.ones(len(candidates), dtype=bool)
    relevance = relevance_weight * scores[candidates]
    # Whether a candidate needs context, is page text or is a quotation is looked at only when it comes out best:
    # until then its weight is 1, an upper bound, so the best candidate whose weight is known is the best of all.
    context = np.ones(len(candidates))
    quotation = np.ones(len(candidates))
    looked_at = np.zeros(len(candidates), dtype=bool)
    quotation_looked_at = np.zeros(len(candidates), dtype=bool)
    quotations_left = quotation_allowance(words)
    waiting: dict[int, list[int]] = {}  # a sentence -> the candidates (by place) weighed down until it is picked
    picked: set[int] = set()
    chosen: list[int] = []
    used = 0
    while unpicked.any() and used < words:
        allowed = unpicked & (redundancy < SUMMARY_REDUNDANT_SIMILARITY)
        if fill == "within":
            allowed &= used + n_words[candidates] <= words
        if not allowed.any():
            break
        mmr = np.where(allowed, relevance * context * quotation - (1 - relevance_weight) * redundancy, -np.inf)
        while True:
            # The best allowed candidate, the earliest (best scored) of equals.
            k = int(np.argmax(mmr))
            if mmr[k] == -np.inf:
                break
            candidate = int(candidates[k])
            text = sentences[candidate].text
            if not looked_at[k]:
                looked_at[k] = True
                if classify_sentence(text, cued=None if cues is None else bool(cues[candidate])):
                    unpicked[k], mmr[k] = False, -np.inf
                    continue
                before = _previous(sentences, candidate)
                if before not in picked and needs_context(text):
                    context[k] = CONTEXT_WEIGHT
                    waiting.setdefault(before, []).append(k)
                    mmr[k] = relevance[k] * context[k] * quotation[k] - (1 - relevance_weight) * redundancy[k]
                    continue
            if quotations_left > 0 or quotation_looked_at[k]:
                break
            quotation_looked_at[k] = True
            if not _lone_quotation(cluster, candidate):
                break
            quotation[k] = QUOTATION_WEIGHT
            mmr[k] = relevance[k] * context[k] * quotation[k] - (1 - relevance_weight) * redundancy[k]
        if mmr[k] == -np.inf:
            continue  # every allowed candidate was page text
        pick = int(candidates[k])
        chosen.append(pick)
        picked.add(pick)
        for place in waiting.pop(pick, ()):
            context[place] = 1.0
        if quotations_left > 0 and is_quotation(sentences[pick].text):
            quotations_left -= 1
        used += int(n_words[pick])
        unpicked[k] = False
        redundancy = np.maximum(redundancy, cluster.similarity[candidates, pick])
    return chosen


def _lone_quotation(cluster: Cluster, i: int) -> bool:
    """Whether sentence `i` is a quotation no other article reports: one that several outlets carry is itself part
    of the story (the seeds' "You don't want to send Xi to Mar-a-Lago and have Trump walk away")."""
    return is_quotation(cluster.sentences[i].text) and not cluster.supporters(i)


def quotation_allowance(words: int) -> int:
    """How many quotations a summary of `words` words takes at their full score: one per QUOTATION_WORDS words, and
    at least one."""
    return max(1, words // QUOTATION_WORDS)


def _previous(sentences: Sequence[Sentence], i: int) -> int:
    """The index of the sentence right before sentence `i` in its article, or -1 (its first, or a gap)."""
    if i == 0:
        return -1
    before, sentence = sentences[i - 1], sentences[i]
    return i - 1 if before.article_id == sentence.article_id and before.position == sentence.position - 1 else -1


def _fill_by_score(
    cluster: Cluster,
    scores: np.ndarray,
    candidates: np.ndarray,
    words: int,
    fill: Literal["within", "overflow"],
    cues: np.ndarray | None,
) -> list[int]:
    """`fill_budget` with λ = 1: MMR's order is the score order (with `needs_context`'s and the quotations'
    weights), so the picks come off a heap in it. A candidate passed over never becomes allowed later (similarity to
    the picks and words used only grow), so it is dropped, as page text is. Whether a candidate is page text, needs
    context or is a quotation beyond the allowance is looked at only when it comes up (a pass over every sentence
    would cost more than the fill): one that needs context goes back at CONTEXT_WEIGHT of its score, and again at its
    whole score once the sentence before it is picked; a lone quotation beyond the allowance goes back at
    QUOTATION_WEIGHT of the score it came up with."""
    sentences = cluster.sentences
    n_words = cluster.n_words.tolist()
    redundancy = np.zeros(len(n_words))  # each sentence's highest similarity to a pick so far
    # (key, rank, sentence, key weighed as a quotation): sorted by score, so already a heap; rank breaks ties as the
    # candidates' order does
    ranked = zip(candidates.tolist(), scores[candidates].tolist(), strict=True)
    heap = [(-score, rank, i, False) for rank, (i, score) in enumerate(ranked)]
    deferred: dict[int, list[tuple[float, int, int, bool]]] = {}  # a sentence -> the candidates waiting for its pick
    waiting: set[int] = set()
    done: set[int] = set()  # picked or passed over
    picked: set[int] = set()
    chosen: list[int] = []
    quotations_left = quotation_allowance(words)
    used = 0
    while heap and used < words:
        key, rank, candidate, weighed_as_quotation = heapq.heappop(heap)
        if candidate in done:
            continue
        if (fill == "within" and used + n_words[candidate] > words) or (
            redundancy[candidate] >= SUMMARY_REDUNDANT_SIMILARITY
        ):
            done.add(candidate)
            continue
        text = sentences[candidate].text
        if candidate not in waiting and classify_sentence(text, cued=None if cues is None else bool(cues[candidate])):
            done.add(candidate)
            continue
        before = _previous(sentences, candidate)
        if candidate not in waiting and before not in picked and needs_context(text):
            waiting.add(candidate)
            heapq.heappush(heap, (key * CONTEXT_WEIGHT, rank, candidate, weighed_as_quotation))
            if before >= 0:
                deferred.setdefault(before, []).append((key, rank, candidate, weighed_as_quotation))
            continue
        if quotations_left == 0 and not weighed_as_quotation and _lone_quotation(cluster, candidate):
            heapq.heappush(heap, (key * QUOTATION_WEIGHT, rank, candidate, True))
            continue
        done.add(candidate)
        picked.add(candidate)
        chosen.append(candidate)
        if quotations_left > 0 and is_quotation(text):
            quotations_left -= 1
        used += n_words[candidate]
        redundancy = np.maximum(redundancy, cluster.similarity[:, candidate])
        for entry in deferred.pop(candidate, ()):
            heapq.heappush(heap, entry)
    return chosen


def reading_order(sentences: Sequence[Sentence], chosen: Sequence[int]) -> list[int]:
    """Order picks as a reader expects: earlier-in-article first, ties by article order, picks that follow each other
    in their article kept together (a sentence after the one it goes on from, not two other articles' picks
    later), and the first run of picks that `can_open_summary` moved to the front: a brief opening with someone's
    words ('"What they don't want is …," an official said.') leaves the reader guessing what the story is."""
    lengths: dict[str, int] = {}  # sentences of each article, the articles in order of appearance
    for s in sentences:
        if s.position >= lengths.get(s.article_id, 0):
            lengths[s.article_id] = s.position + 1
    article_rank = {a: r for r, a in enumerate(lengths)}
    runs: list[list[int]] = []  # picks that follow each other in one article, in article order
    for i in sorted(chosen, key=lambda i: (article_rank[sentences[i].article_id], sentences[i].position)):
        if runs and _previous(sentences, i) == runs[-1][-1]:
            runs[-1].append(i)
        else:
            runs.append([i])
    runs.sort(
        key=lambda run: (
            sentences[run[0]].position / lengths[sentences[run[0]].article_id],
            article_rank[sentences[run[0]].article_id],
        )
    )
    opening = next((run for run in runs if can_open_summary(sentences[run[0]].text)), None)
    if opening is not None:
        runs = [opening, *(run for run in runs if run is not opening)]
    return [i for run in runs for i in run]
