"""Surface features of each sentence of a cluster, for the learned sentence scorer (`storyline.scorer`).

Every feature is computed from the cluster alone with numpy, and reads the same on lower-cased, tokenized text
(the Multi-News training data) and on original-case scraped text (what users give): no capital-letter counts,
and lengths and positions measured in ways that both forms share.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

import numpy as np
from scipy.sparse import csr_matrix

from storyline.models import Sentence
from storyline.segment import ENDS_SENTENCE, opens_mid_quote

FEATURES = (
    "position",
    "log_position",
    "relative_position",
    "is_first",
    "is_first_3",
    "n_words",
    "log_words",
    "relative_words",
    "centrality",
    "centrality_rank",
    "centrality_to_max",
    "degree",
    "max_other_similarity",
    "support_30",
    "support_50",
    "lead_similarity",
    "own_lead_similarity",
    "term_articles",
    "term_sentences",
    "term_articles_max",
    "n_terms",
    "no_terminal",
    "mid_quote",
    "question",
    "has_quote",
    "digit_ratio",
    "mean_word_chars",
    "attribution",
)
"""Column names of `sentence_features`, in order; a model file records them to refuse a mismatched model."""

_ATTRIBUTION = re.compile(r"\b(?:said|says|told|according to|added|stated)\b", re.IGNORECASE)
_WORD = re.compile(r"[^\W_]+")
_LEAD_SENTENCES = 2


def sentence_features(
    sentences: Sequence[Sentence],
    vectors: csr_matrix,
    similarity: np.ndarray,
    centrality: np.ndarray,
) -> np.ndarray:
    """One row of `FEATURES` per sentence.

    Args:
        sentences: The cluster's sentences, article after article.
        vectors: Their L2-normalised TF-IDF rows (`represent.tfidf`).
        similarity: Cosine between every pair of rows.
        centrality: Cosine of each row with the cluster centroid.

    Returns:
        A float array of shape (len(sentences), len(FEATURES)).
    """
    n = len(sentences)
    numbers = _article_numbers(sentences)
    articles = np.array([numbers[s.article_id] for s in sentences], dtype=np.int64)
    n_articles = int(articles.max()) + 1 if n else 0
    position = np.array([s.position for s in sentences], dtype=float)
    # Word tokens, not white-space words: tokenized training text counts each comma and quote as a word.
    words = [_WORD.findall(s.text) for s in sentences]
    n_words = np.array([len(w) for w in words], dtype=float)
    per_article = np.bincount(articles, minlength=n_articles).astype(float)
    columns = {
        "position": np.minimum(position, 50),
        "log_position": np.log1p(position),
        "relative_position": position / per_article[articles],
        "is_first": (position == 0).astype(float),
        "is_first_3": (position < 3).astype(float),
        "n_words": np.minimum(n_words, 100),
        "log_words": np.log1p(n_words),
        "relative_words": n_words / max(float(n_words.mean()), 1.0) if n else n_words,
        **_centrality_columns(centrality),
        **_similarity_columns(similarity, articles, position),
        **_term_columns(vectors, articles, n_articles),
        **_form_columns(sentences, words),
    }
    return np.column_stack([columns[name] for name in FEATURES]) if n else np.zeros((0, len(FEATURES)))


def _article_numbers(sentences: Sequence[Sentence]) -> dict[str, int]:
    return {article: k for k, article in enumerate(dict.fromkeys(s.article_id for s in sentences))}


def _centrality_columns(centrality: np.ndarray) -> dict[str, np.ndarray]:
    n = len(centrality)
    rank = np.empty(n)
    rank[np.argsort(-centrality, kind="stable")] = np.arange(n)
    return {
        "centrality": centrality,
        "centrality_rank": rank / max(n - 1, 1),
        "centrality_to_max": centrality / max(float(centrality.max(initial=0.0)), 1e-9),
    }


def _similarity_columns(similarity: np.ndarray, articles: np.ndarray, position: np.ndarray) -> dict[str, np.ndarray]:
    """Cross-outlet agreement: how much of the sentence other articles say, and how close it is to leads."""
    n = len(articles)
    other = articles[:, None] != articles[None, :]
    cross = np.where(other, similarity, 0.0)
    n_articles = int(articles.max()) + 1 if n else 0
    support = {0.3: np.zeros(n), 0.5: np.zeros(n)}
    for a in range(n_articles):
        best = cross[:, articles == a].max(axis=1, initial=0.0)
        for threshold, counts in support.items():
            counts += best >= threshold
    n_others = max(n_articles - 1, 1)
    is_lead = position < _LEAD_SENTENCES
    own_lead = np.where((articles[:, None] == articles[None, :]) & (position[None, :] == 0), similarity, 0.0)
    off_diagonal = similarity.sum(axis=1) - 1.0
    return {
        "degree": off_diagonal / max(n - 1, 1),
        "max_other_similarity": cross.max(axis=1, initial=0.0),
        "support_30": support[0.3] / n_others,
        "support_50": support[0.5] / n_others,
        "lead_similarity": cross[:, is_lead].max(axis=1, initial=0.0),
        "own_lead_similarity": np.where(position == 0, 1.0, own_lead.max(axis=1, initial=0.0)),
    }


def _term_columns(vectors: csr_matrix, articles: np.ndarray, n_articles: int) -> dict[str, np.ndarray]:
    """SumBasic-like content weight: how widely the sentence's terms are spread over articles and sentences."""
    n, n_columns = vectors.shape
    terms = vectors.indices  # the terms of sentence i are terms[vectors.indptr[i] : vectors.indptr[i + 1]]
    n_terms = np.diff(vectors.indptr)
    rows = np.repeat(np.arange(n), n_terms)
    sentence_df = np.bincount(terms, minlength=n_columns)
    in_articles = np.unique(articles[rows] * n_columns + terms) % n_columns  # each (article, term) pair once
    article_df = np.bincount(in_articles, minlength=n_columns) / max(n_articles, 1)
    safe = np.maximum(n_terms, 1)
    return {
        "term_articles": np.bincount(rows, weights=article_df[terms], minlength=n) / safe,
        "term_sentences": np.bincount(rows, weights=(sentence_df / max(n, 1))[terms], minlength=n) / safe,
        "term_articles_max": _top_mean(rows, article_df[terms], n, 3),
        "n_terms": n_terms.astype(float),
    }


def _top_mean(rows: np.ndarray, values: np.ndarray, n_rows: int, k: int) -> np.ndarray:
    """Per row, the mean of its `k` largest values (of all, when it has fewer); 0 for a row without values.

    `rows` must be sorted, as a CSR matrix keeps them.
    """
    order = np.lexsort((values, rows))  # by row, ascending values within a row
    row_ends = np.cumsum(np.bincount(rows, minlength=n_rows))
    from_end = row_ends[rows] - 1 - np.arange(len(rows))  # 0 for a row's largest value, 1 for the next…
    top = from_end < k
    kept = np.bincount(rows[top], minlength=n_rows)
    sums = np.bincount(rows[top], weights=values[order][top], minlength=n_rows)
    return sums / np.maximum(kept, 1)


def _form_columns(sentences: Sequence[Sentence], words: Sequence[list[str]]) -> dict[str, np.ndarray]:
    """Furniture-likeness: what fragments, captions, quote tails and link lists look like."""
    rows = [_form(s.text, w) for s, w in zip(sentences, words, strict=True)]
    names = ("no_terminal", "mid_quote", "question", "has_quote", "digit_ratio", "mean_word_chars")
    columns = {name: np.array([row[k] for row in rows], dtype=float) for k, name in enumerate(names)}
    columns["attribution"] = np.array([bool(_ATTRIBUTION.search(s.text)) for s in sentences], dtype=float)
    return columns


def _form(text: str, words: list[str]) -> tuple[float, ...]:
    stripped = text.rstrip("”’\"')] ")
    n_chars = max(len(text), 1)
    quotes = text.count('"') + text.count("“") + text.count("”") + text.count("''") + text.count("``")
    return (
        float(not ENDS_SENTENCE.search(text)),
        float(opens_mid_quote(text)),
        float(stripped.endswith("?")),
        float(quotes > 0),
        _n_digits(text) / n_chars,
        sum(map(len, words)) / max(len(words), 1),
    )


def _n_digits(text: str) -> int:
    """Characters that are digits (str.isdigit, so '²' too)."""
    if text.isascii():  # counting each digit runs in C; only other text needs the test character by character
        return sum(map(text.count, "0123456789"))
    return sum(map(str.isdigit, text))
