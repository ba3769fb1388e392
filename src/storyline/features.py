"""Surface features of each sentence of a cluster, for the learned sentence scorer (`storyline.scorer`).

Every feature is computed from the cluster alone with numpy, and reads the same on lower-cased, tokenized text
(the Multi-News training data) and on original-case scraped text (what users give): no capital-letter counts,
and lengths and positions measured in ways that both forms share.
"""

from __future__ import annotations

import re
import string
from collections.abc import Sequence

import numpy as np
from scipy.sparse import csr_matrix

from storyline.literals import may_contain
from storyline.models import Sentence
from storyline.segment import ends_sentence, opens_mid_quote

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
_ATTRIBUTION_WORDS = ("said", "says", "told", "according to", "added", "stated")
_WORD = re.compile(r"[^\W_]+")
# `_WORD` and str.isdigit on ASCII, as lookup tables by character code.
_ASCII_WORD_CHAR = np.zeros(128, dtype=bool)
_ASCII_WORD_CHAR[[ord(c) for c in string.ascii_letters + string.digits]] = True
_ASCII_DIGIT = np.zeros(128, dtype=bool)
_ASCII_DIGIT[[ord(c) for c in string.digits]] = True
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
    texts = [s.text for s in sentences]
    # Word tokens, not white-space words: tokenized training text counts each comma and quote as a word.
    n_tokens, token_chars, n_digits = _char_counts(texts)
    n_words = n_tokens.astype(float)
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
        **_form_columns(texts),
        "digit_ratio": n_digits / np.maximum([len(text) for text in texts], 1),
        "mean_word_chars": token_chars / np.maximum(n_tokens, 1),
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
    # Each sentence's best match in each article: the columns grouped by article, then a maximum per group.
    by_article = np.argsort(articles, kind="stable")
    group_starts = np.searchsorted(articles[by_article], np.arange(n_articles))
    best = np.maximum.reduceat(cross[:, by_article], group_starts, axis=1) if n else np.zeros((0, 0))
    support = {threshold: (best >= threshold).sum(axis=1) for threshold in (0.3, 0.5)}
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
    in_article = np.zeros((n_articles, n_columns), dtype=bool)
    in_article[articles[rows], terms] = True
    article_df = in_article.sum(axis=0) / max(n_articles, 1)
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


def _form_columns(texts: Sequence[str]) -> dict[str, np.ndarray]:
    """Furniture-likeness: what fragments, captions, quote tails and link lists look like."""
    rows = [_form(text) for text in texts]
    names = ("no_terminal", "mid_quote", "question", "has_quote", "attribution")
    return {name: np.array([row[k] for row in rows], dtype=float) for k, name in enumerate(names)}


def _form(text: str) -> tuple[bool, ...]:
    quoted = '"' in text or "“" in text or "”" in text or "''" in text or "``" in text
    return (
        not ends_sentence(text),
        opens_mid_quote(text),
        text.rstrip("”’\"')] ").endswith("?"),
        quoted,
        _has_attribution(text),
    )


def _has_attribution(text: str) -> bool:
    """`_ATTRIBUTION.search(text)`, after a cheap test for its words that rules out four sentences in five."""
    return may_contain(text, _ATTRIBUTION_WORDS) and bool(_ATTRIBUTION.search(text))


def _char_counts(texts: Sequence[str]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Per text: its word tokens (`_WORD` matches), the characters in them, and its digits (str.isdigit).

    ASCII texts are counted all at once, a table lookup per character code; the others (a few percent of news
    sentences) one by one, since numpy cannot look up Unicode's character classes.
    """
    n = len(texts)
    n_tokens, token_chars, n_digits = (
        np.zeros(n, dtype=np.int64),
        np.zeros(n, dtype=np.int64),
        np.zeros(n, dtype=np.int64),
    )
    is_ascii = [text.isascii() for text in texts]
    ascii_rows = [i for i in range(n) if is_ascii[i]]
    if ascii_rows:
        chosen = [texts[i] for i in ascii_rows]
        codes = np.frombuffer("\n".join(chosen).encode("ascii"), dtype=np.uint8)
        # The row of each character; the newline between two texts goes with the first and is no word character.
        row = np.repeat(ascii_rows, [len(text) + 1 for text in chosen])[: len(codes)]
        is_word = _ASCII_WORD_CHAR[codes]
        starts = is_word.copy()
        starts[1:] &= ~is_word[:-1]
        n_tokens += np.bincount(row[starts], minlength=n)
        token_chars += np.bincount(row[is_word], minlength=n)
        n_digits += np.bincount(row[_ASCII_DIGIT[codes]], minlength=n)
    for i, text in enumerate(texts):
        if not is_ascii[i]:
            tokens = _WORD.findall(text)
            n_tokens[i], token_chars[i], n_digits[i] = len(tokens), sum(map(len, tokens)), sum(map(str.isdigit, text))
    return n_tokens, token_chars, n_digits
