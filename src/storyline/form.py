"""How a sentence reads out of its article: what selection and coverage both weigh before calling it a fact."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from storyline.models import Sentence
from storyline.segment import asks_question, ends_sentence, opens_mid_quote

MIN_WORDS = 6
"""Shorter sentences are fragments (datelines, subheads) more often than facts."""
MAX_WORDS = 80
"""Longer sentences are taken for run-on lists rather than one fact."""


def within_length(n_words: np.ndarray) -> np.ndarray:
    """Whether each sentence's length is one `form_weight` accepts at all."""
    return (n_words >= MIN_WORDS) & (n_words <= MAX_WORDS)


def form_weight(sentences: Sequence[Sentence], *, n_words: np.ndarray | None = None) -> np.ndarray:
    """Down-weight what reads badly out of context: fragments, questions, lines without a full stop.

    Args:
        sentences: The sentences to weigh.
        n_words: Their `Sentence.n_words` when the caller has them (`Cluster.n_words`).
    """
    counts = n_words.tolist() if n_words is not None else [s.n_words for s in sentences]
    weights = np.ones(len(sentences))
    # Set by hand with the first pipeline (516c4c0), never measured one by one; their order is the reason: a sentence
    # opening inside a quotation misreads worst, one without a full stop is often a headline or a cut-off line, and
    # a question is still a whole sentence.
    for i, (sentence, count) in enumerate(zip(sentences, counts, strict=True)):
        if count < MIN_WORDS or count > MAX_WORDS:
            weights[i] = 0.0
        elif not ends_sentence(sentence.text):
            weights[i] = 0.5
        elif opens_mid_quote(sentence.text):
            weights[i] = 0.3
        elif asks_question(sentence.text):
            weights[i] = 0.7
    return weights
