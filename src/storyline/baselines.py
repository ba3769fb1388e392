"""Reference baselines for `storyline eval`, as ../shared/docs/EVALUATION.md defines them.

Each baseline maps a cluster's sentences and a word budget to the indices of the sentences it picks, in output
order, until the picks reach the budget (the evaluator cuts the output to exactly `words` words). They take the
same sentences a brief does, so any difference in score comes from selection alone.
"""

from __future__ import annotations

import itertools
import math
import re
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field

import numpy as np

from storyline.models import Sentence
from storyline.represent import cosine_to_centroid, pairwise_cosine, tfidf

MMR_LAMBDA = 0.7
"""Weight of relevance against redundancy in `centroid_mmr`, as EVALUATION.md fixes the baseline."""

Baseline = Callable[[Sequence[Sentence], int], list[int]]
"""Picks sentence indices, in output order, until their words reach the budget."""


def _until_budget(ranked: Iterable[int], sentences: Sequence[Sentence], words: int) -> list[int]:
    """Take indices in order, skipping exact duplicate texts, until the picks hold `words` words."""
    chosen: list[int] = []
    seen: set[str] = set()
    used = 0
    for i in ranked:
        if used >= words:
            break
        if sentences[i].text in seen:
            continue
        seen.add(sentences[i].text)
        chosen.append(i)
        used += sentences[i].n_words
    return chosen


def lead(sentences: Sequence[Sentence], words: int) -> list[int]:
    """Round robin over the articles: the first sentence of each, then the second of each, and so on.

    Args:
        sentences: The cluster's sentences, article after article, each in reading order.
        words: Word budget.

    Returns:
        Indices into `sentences`; a text already taken from another article is skipped.
    """
    by_article: dict[str, list[int]] = {}
    for i, sentence in enumerate(sentences):
        by_article.setdefault(sentence.article_id, []).append(i)
    depth = max((len(indices) for indices in by_article.values()), default=0)
    ranked = (indices[k] for k in range(depth) for indices in by_article.values() if k < len(indices))
    return _until_budget(ranked, sentences, words)


def centroid_mmr(sentences: Sequence[Sentence], words: int) -> list[int]:
    """Greedy maximal marginal relevance (λ = 0.7) with relevance = TF-IDF cosine to the cluster centroid.

    Args:
        sentences: The cluster's sentences.
        words: Word budget.

    Returns:
        Indices into `sentences` in the order MMR picked them.
    """
    if not sentences:
        return []
    vectors = tfidf([s.text for s in sentences])
    relevance = cosine_to_centroid(vectors)
    similarity = pairwise_cosine(vectors)
    chosen: list[int] = []
    redundancy = np.zeros(len(sentences))
    available = np.ones(len(sentences), dtype=bool)
    used = 0
    while used < words and available.any():
        mmr = np.where(available, MMR_LAMBDA * relevance - (1 - MMR_LAMBDA) * redundancy, -np.inf)
        best = int(np.argmax(mmr))
        chosen.append(best)
        available[best] = False
        redundancy = np.maximum(redundancy, similarity[best])
        used += sentences[best].n_words
    return chosen


class _RegexTokenizer:
    """The one method sumy's document model calls; sumy's own Tokenizer needs NLTK punkt data we don't ship."""

    _WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")

    def to_words(self, text: str) -> list[str]:
        return self._WORD.findall(text)


def lexrank(sentences: Sequence[Sentence], words: int) -> list[int]:
    """sumy's LexRankSummarizer (English stemmer and stop words) over all sentences, taken in rank order.

    Args:
        sentences: The cluster's sentences.
        words: Word budget.

    Returns:
        Indices into `sentences`, best ranked first; exact duplicate texts are taken once.
    """
    from sumy.models.dom import ObjectDocumentModel, Paragraph
    from sumy.models.dom import Sentence as SumySentence
    from sumy.nlp.stemmers import Stemmer
    from sumy.summarizers.lex_rank import LexRankSummarizer
    from sumy.utils import get_stop_words

    if not sentences:
        return []
    tokenizer = _RegexTokenizer()
    document = ObjectDocumentModel([Paragraph([SumySentence(s.text, tokenizer) for s in sentences])])
    summarizer = LexRankSummarizer(Stemmer("english"))
    summarizer.stop_words = get_stop_words("english")
    ranked: list[int] = []

    def record_ranking(infos: list) -> list:  # type: ignore[type-arg]
        # sumy hashes sentences by text and returns them in document order; the ranked list it hands to a
        # callable count carries each sentence's position (`order`), which maps back to our index exactly.
        if any(math.isnan(info.rating) for info in infos):
            ranked.extend(range(len(sentences)))  # no similarity at all: fall back to document order
        else:
            ranked.extend(info.order for info in infos)
        return infos

    # A cluster whose sentences share no term makes the power method divide zero by zero; handled above.
    with np.errstate(divide="ignore", invalid="ignore"):
        summarizer(document, record_ranking)
    return _until_budget(ranked, sentences, words)


@dataclass
class _Overlap:
    """ROUGE-1 and ROUGE-2 counts of a growing summary against one reference, as rouge_score counts them."""

    target: tuple[Counter[str], Counter[tuple[str, str]]]
    summary: tuple[Counter[str], Counter[tuple[str, str]]] = field(default_factory=lambda: (Counter(), Counter()))
    matched: list[int] = field(default_factory=lambda: [0, 0])

    def gain(self, grams: tuple[Counter[str], Counter[tuple[str, str]]]) -> list[int]:
        """Matched unigrams and bigrams after adding `grams`."""
        totals = []
        for n in range(2):
            target, summary = self.target[n], self.summary[n]
            extra = sum(min(target[g], summary[g] + c) - min(target[g], summary[g]) for g, c in grams[n].items())
            totals.append(self.matched[n] + extra)
        return totals

    def f1_sum(self, matched: list[int], grams: tuple[Counter[str], Counter[tuple[str, str]]]) -> float:
        """ROUGE-1 F1 + ROUGE-2 F1 with `grams` added, computed as rouge_score's `_score_ngrams` does."""
        total = 0.0
        for n in range(2):
            precision = matched[n] / max(self.summary[n].total() + grams[n].total(), 1)
            recall = matched[n] / max(self.target[n].total(), 1)
            total += 2 * precision * recall / (precision + recall) if precision + recall > 0 else 0.0
        return total

    def add(self, grams: tuple[Counter[str], Counter[tuple[str, str]]]) -> None:
        self.matched = self.gain(grams)
        for n in range(2):
            self.summary[n].update(grams[n])


def _grams(tokens: Sequence[str], previous: str | None) -> tuple[Counter[str], Counter[tuple[str, str]]]:
    """Unigrams and bigrams a sentence adds; `previous` is the summary's last token, since rouge_score's
    bigrams run across the line breaks between sentences."""
    joined = [previous, *tokens] if previous is not None else list(tokens)
    return Counter(tokens), Counter(itertools.pairwise(joined))


def oracle(sentences: Sequence[Sentence], words: int, *, references: Sequence[str]) -> list[int]:
    """Greedy oracle: add the sentence that most raises ROUGE-1 F1 + ROUGE-2 F1; stop when none does.

    An upper bound that reads the references, not a system. Each candidate is scored on what the evaluator
    would score: a sentence that overruns the budget counts only with the words that fit.

    Args:
        sentences: The cluster's sentences.
        words: Word budget.
        references: Reference summaries; with several, the objective is the mean over them.

    Returns:
        Indices into `sentences` in the order they were added.
    """
    from rouge_score.tokenizers import DefaultTokenizer

    tokenize = DefaultTokenizer(use_stemmer=True).tokenize
    overlaps = [_Overlap(target=_grams(tokenize(r), None)) for r in references]
    tokens = [tokenize(s.text) for s in sentences]
    chosen: list[int] = []
    taken: set[int] = set()
    last: str | None = None
    used, current = 0, 0.0
    while used < words:
        best, best_value, best_tokens = -1, current, []
        for i, sentence in enumerate(sentences):
            if i in taken:
                continue
            fits = sentence.n_words <= words - used
            candidate = tokens[i] if fits else tokenize(" ".join(sentence.text.split()[: words - used]))
            grams = _grams(candidate, last)
            value = sum(o.f1_sum(o.gain(grams), grams) for o in overlaps) / max(len(overlaps), 1)
            if value > best_value:
                best, best_value, best_tokens = i, value, candidate
        if best < 0:
            break
        grams = _grams(best_tokens, last)
        for overlap in overlaps:
            overlap.add(grams)
        chosen.append(best)
        taken.add(best)
        used += sentences[best].n_words
        last = best_tokens[-1] if best_tokens else last
        current = best_value
    return chosen


def marginal_gains(sentences: Sequence[Sentence], chosen: Sequence[int], *, references: Sequence[str]) -> np.ndarray:
    """Each sentence's marginal ROUGE-1 F1 + ROUGE-2 F1 against the summary `chosen` (mean over the references).

    For a sentence in `chosen`: what removing it costs, R(chosen) − R(chosen without it) (positive when it helps).
    For any other: what adding it changes, R(chosen with it) − R(chosen) (≤ 0 against the oracle's own summary,
    since the oracle stopped when nothing raised its score). Counted with the oracle's tokenizer and counts.

    Bigrams across sentence boundaries are not counted: every sentence contributes only the bigrams inside it (the
    references keep theirs), so a sentence's gain does not depend on where in the summary it stands. The oracle
    itself counts the bigram joining each pick to the previous one, so R here can differ from its objective by
    those few bigrams.

    Args:
        sentences: The cluster's sentences.
        chosen: Indices of the summary's sentences (e.g. `oracle`'s picks).
        references: Reference summaries.

    Returns:
        One gain per sentence, as floats.
    """
    from rouge_score.tokenizers import DefaultTokenizer

    tokenize = DefaultTokenizer(use_stemmer=True).tokenize
    targets = [_grams(tokenize(r), None) for r in references]
    grams = [_grams(tokenize(s.text), None) for s in sentences]
    members = list(dict.fromkeys(chosen))
    member_set = set(members)

    def summary_of(indices: Iterable[int]) -> list[_Overlap]:
        overlaps = [_Overlap(target=target) for target in targets]
        for i in indices:
            for overlap in overlaps:
                overlap.add(grams[i])
        return overlaps

    def score(overlaps: list[_Overlap]) -> float:
        nothing: tuple[Counter[str], Counter[tuple[str, str]]] = (Counter(), Counter())
        return sum(o.f1_sum(o.matched, nothing) for o in overlaps) / max(len(overlaps), 1)

    base = summary_of(members)
    current = score(base)
    gains = np.zeros(len(sentences))
    for i in range(len(sentences)):
        if i in member_set:
            gains[i] = current - score(summary_of(k for k in members if k != i))
        else:
            gains[i] = sum(o.f1_sum(o.gain(grams[i]), grams[i]) for o in base) / max(len(base), 1) - current
    return gains


BASELINES: dict[str, Baseline] = {"lead": lead, "centroid_mmr": centroid_mmr, "lexrank": lexrank}
"""The reference-free baselines by name; `oracle` also needs the references, so callers bind them."""
