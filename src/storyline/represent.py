"""Sentence vectors: TF-IDF fitted on one cluster, and the `Cluster` of a story's sentences with their similarities and
cross-outlet support, computed once and read by selection and analysis alike. (MiniLM embeddings were measured and did
not help selection or support; they live in bench/conflicts_quality.py, with their packages in requirements-dev.txt.)"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache, cached_property, lru_cache
from importlib import resources
from itertools import chain
from typing import NamedTuple, Protocol

import numpy as np
import snowballstemmer
from scipy.sparse import csr_matrix

from storyline.calendar_names import MONTH_NAMES, WEEKDAY_NAMES
from storyline.literals import ascii_spaced
from storyline.models import DEFAULT_SUPPORT_THRESHOLD as DEFAULT_SUPPORT_THRESHOLD  # re-exported: stages read it here
from storyline.models import Sentence

_TOKEN = re.compile(r"[a-z0-9]+(?:['’][a-z]+)?")


def ascii_word_table(also_kept: str) -> bytes:
    """A bytes.translate table for ASCII text: upper-case letters to lower case, a-z, 0-9 and the characters of
    `also_kept` kept, any other character to a space, so that a split then gives the words."""
    kept = {ord(c) for c in also_kept}
    return bytes(
        byte + 32 if 65 <= byte <= 90 else byte if byte < 128 and (chr(byte).isalnum() or byte in kept) else 32
        for byte in range(256)
    )


_ASCII_TOKEN_CHARS = ascii_word_table("'")
_ASCII_WORD_CHARS = ascii_word_table("_")  # the ASCII word characters of `\w`
_WORD = re.compile(r"\w+")


def lowered_words(text: str) -> list[str]:
    """`re.findall(r"\\w+", text.lower())`. For ASCII text (most sentences and articles, `ascii_spaced`) one bytes
    translation and a split do the same about half again as fast: the regular expression is tried at every character."""
    plain = ascii_spaced(text)
    if plain is not None:
        return plain.encode("ascii").translate(_ASCII_WORD_CHARS).decode("ascii").split()
    return _WORD.findall(text.lower())


@cache
def stop_words() -> frozenset[str]:
    """English stop words, the list sumy ships (read as data: importing scikit-learn's costs 1.5 s)."""
    text = resources.files("sumy").joinpath("data/stopwords/english.txt").read_text(encoding="utf-8")
    return frozenset(word.strip() for word in text.splitlines() if word.strip())


@cache
def _stemmer() -> snowballstemmer.stemmer:
    """Porter, run by PyStemmer's C code when it is installed (as snowballstemmer would pick it), without
    PyStemmer's own word cache: `_TERMS` keeps every token's term already, and PyStemmer sorts its cache every time it
    fills up (10,000 words), which cost more than stemming in a 600-cluster eval."""
    try:
        import Stemmer
    except ImportError:
        return snowballstemmer.stemmer("porter")
    return Stemmer.Stemmer("porter", 0)


def terms(text: str) -> tuple[str, ...]:
    """Lower-cased, stop-word-free, Porter-stemmed word tokens: the terms TF-IDF counts (as `_term_ids`)."""
    # filter(None, …) drops the stop words' None without a Python-level loop (a stem is never empty).
    return tuple(filter(None, map(_TERMS.__getitem__, _tokens(text))))


@lru_cache(maxsize=8192)
def _term_ids(text: str) -> tuple[int, ...]:
    """`terms(text)`, each term as its number (`_TERM_IDS`): what TF-IDF counts, numbers that numpy can sort.

    Cached: the openings strategy builds TF-IDF again over sentences the story's own TF-IDF just read.
    """
    return tuple(filter(None, map(_TERM_IDS.__getitem__, _tokens(text))))


def _tokens(text: str) -> list[str]:
    """`_TOKEN.findall(text.lower())`. For ASCII text (most sentences, `ascii_spaced`) a bytes translation and a
    split make the same list in under half the instructions: the regular expression is tried at every character."""
    plain = ascii_spaced(text)
    if plain is None:
        return _TOKEN.findall(text.lower())
    words = plain.encode("ascii").translate(_ASCII_TOKEN_CHARS).decode("ascii")
    if "'" not in words:
        return words.split()  # each a run of a-z and 0-9: one token
    # An apostrophe joins a token only when it follows a letter or digit and letters follow it ("don't", not "'90s"
    # or "students'"): the others become spaces. A token takes one apostrophe and letters only after it, so a word
    # going on past those ("rock'n'roll", "a'b9": one in three thousand sentences) is left to the pattern.
    joined = _SEPARATING_APOSTROPHE.sub(" ", words)
    return _TOKEN.findall(words) if _PAST_APOSTROPHE.search(joined) else joined.split()


_SEPARATING_APOSTROPHE = re.compile(r"'(?:(?![a-z])|(?<![a-z0-9]'))")
_PAST_APOSTROPHE = re.compile(r"'[a-z]+['0-9]")


class _Terms(dict[str, str | None]):
    """Token -> the stemmed term it counts as, None for a stop word, each worked out the first time it is asked for
    (`__missing__`): the only cache of stems (a second one would only add memory for every token to be fetched from).

    A dict rather than a `functools.cache`d function: `terms` looks up every token, and a dict's own `__getitem__`
    takes its argument as it is, where the cache's wrapper packs each call's argument into a tuple first (callgrind,
    the terms of 300 truncated Multi-News clusters, every token seen before: 203 M → 193 M instructions).
    """

    def __missing__(self, token: str) -> str | None:
        term = None if token in stop_words() else _stemmer().stemWord(token)
        self[token] = term
        return term


_TERMS = _Terms()


_TERM_NUMBERS: dict[str, int] = {}
"""A number for each term `_TERM_IDS` has met in this process, from 1 in order of meeting."""


class _TermIds(dict[str, int | None]):
    """Token -> the number of the term it counts as (`_TERMS`), None for a stop word, each worked out the first time
    it is asked for, as `_Terms` does. Numbered from 1, so that filter(None, …) drops the stop words alone; tokens of
    one stem share its number."""

    def __missing__(self, token: str) -> int | None:
        term = _TERMS[token]
        number = None if term is None else _TERM_NUMBERS.setdefault(term, len(_TERM_NUMBERS) + 1)
        self[token] = number
        return number


_TERM_IDS = _TermIds()


def tfidf(texts: Sequence[str]) -> csr_matrix:
    """L2-normalised TF-IDF rows fitted on `texts` alone: sublinear tf, smoothed idf, as scikit-learn's
    TfidfVectorizer(sublinear_tf=True) computes them, without its 1.5 s import on every cold start."""
    return _tfidf_of_stories([texts]).story_rows(0).as_matrix()


class SparseRows(Protocol):
    """A CSR matrix's arrays, what the hot paths read of TF-IDF rows: a scipy `csr_matrix`, or `TermRows`."""

    @property
    def data(self) -> np.ndarray: ...
    @property
    def indices(self) -> np.ndarray: ...
    @property
    def indptr(self) -> np.ndarray: ...
    @property
    def shape(self) -> tuple[int, int]: ...


class TermRows(NamedTuple):
    """One story's TF-IDF rows as the arrays of a CSR matrix, without the matrix: scipy spends ~30 µs checking the
    arrays it is handed, a few per cent of `storyline eval`'s selection time, where nothing needs sparse algebra."""

    data: np.ndarray
    indices: np.ndarray
    indptr: np.ndarray
    shape: tuple[int, int]

    def as_matrix(self) -> csr_matrix:
        return csr_matrix((self.data, self.indices, self.indptr), shape=self.shape)


@dataclass(frozen=True)
class _StoryEntries:
    """The stored entries of several stories' TF-IDF rows, one story's texts and columns after another's."""

    rows: np.ndarray  # of each entry, in row order, columns in order within a row (as scipy keeps them)
    columns: np.ndarray
    data: np.ndarray
    row_starts: np.ndarray  # where each text's entries start: the CSR index pointer over all texts
    n_texts: np.ndarray  # of each story
    n_columns: list[int]  # of each story
    text_story: np.ndarray  # the story of each text
    column_story: np.ndarray  # the story of each column
    text_starts: np.ndarray  # each story's first text, and the total at the end
    column_starts: np.ndarray  # each story's first column, and the total at the end

    def story_rows(self, k: int) -> TermRows:
        """Story `k`'s TF-IDF rows, its columns numbered from 0."""
        first, last = self.row_starts[self.text_starts[k]], self.row_starts[self.text_starts[k + 1]]
        # The int32 indices scipy would convert these to anyway; handing them over spares its checks of the contents.
        index_dtype = np.int32 if max(len(self.columns), int(self.column_starts[-1])) < 2**31 else np.int64
        return TermRows(
            self.data[first:last],
            (self.columns[first:last] - self.column_starts[k]).astype(index_dtype),
            (self.row_starts[self.text_starts[k] : self.text_starts[k + 1] + 1] - first).astype(index_dtype),
            (int(self.n_texts[k]), self.n_columns[k]),
        )


def _tfidf_of_stories(stories: Sequence[Sequence[str]]) -> _StoryEntries:
    """`tfidf` of each story's texts, with one round of numpy calls for all the stories: each story's terms get
    columns of their own, so nothing of one story meets another's, and every sum adds the same numbers in the
    same order."""
    n_texts = np.array([len(texts) for texts in stories], dtype=np.int64)
    text_story = np.repeat(np.arange(len(stories)), n_texts)
    text_terms = [_term_ids(text) for texts in stories for text in texts]
    row_lengths = np.fromiter(map(len, text_terms), dtype=np.int64, count=len(text_terms))
    term_ids = np.fromiter(chain.from_iterable(text_terms), dtype=np.int64, count=int(row_lengths.sum()))
    columns_of, n_columns = _columns_in_order_of_appearance(term_ids, np.repeat(text_story, row_lengths), len(stories))
    total_texts, total_columns = int(n_texts.sum()), sum(n_columns)
    column_story = np.repeat(np.arange(len(stories)), n_columns)
    rows = np.repeat(np.arange(total_texts), row_lengths)
    # Counting (row, term) pairs by sorting them also puts each row's terms in column order, the order scipy
    # keeps, so that sums over a row add up in the same order as in any scipy operation.
    pairs, counts = count_distinct(rows * total_columns + columns_of)
    rows, columns = np.divmod(pairs, total_columns)
    document_frequency = np.bincount(columns, minlength=total_columns)
    idf = np.log((1 + n_texts[column_story]) / (1 + document_frequency)) + 1.0
    weights = (1.0 + np.log(counts)) * idf[columns]
    row_starts = np.concatenate([[0], np.cumsum(np.bincount(rows, minlength=total_texts))])
    # Summed per row as scipy sums a row (numpy's add.reduceat), so the norms match the scipy-built ones exactly.
    filled = np.flatnonzero(np.diff(row_starts))
    norms = np.ones(total_texts)
    norms[filled] = np.sqrt(np.add.reduceat(weights * weights, row_starts[filled]))
    return _StoryEntries(
        rows=rows,
        columns=columns,
        data=weights * (1.0 / norms)[rows],
        row_starts=row_starts,
        n_texts=n_texts,
        n_columns=n_columns,
        text_story=text_story,
        column_story=column_story,
        text_starts=np.concatenate([[0], np.cumsum(n_texts)]),
        column_starts=np.concatenate([[0], np.cumsum(n_columns)]),
    )


def _columns_in_order_of_appearance(
    term_ids: np.ndarray, entry_story: np.ndarray, n_stories: int
) -> tuple[np.ndarray, list[int]]:
    """The column of each entry (a term of a text: `term_ids`, of story `entry_story`) and each story's number of
    columns: a story's distinct terms numbered in order of first appearance, after the previous story's columns
    (a story without terms still takes one column, as scipy's matrix needs one).

    One sort of (story, term) keys for all the stories, where a dictionary per story cost two look-ups for every
    term and numpy a conversion of the list of columns: selection of 300 truncated Multi-News clusters 1,440.8 M →
    1,419.4 M instructions (callgrind, `eval`'s batches of 16).
    """
    keys = entry_story * (int(term_ids.max(initial=0)) + 1) + term_ids
    distinct, first, inverse = np.unique(keys, return_index=True, return_inverse=True)
    # The entries run story after story, so the order of first appearance is the stories' order, then each one's.
    rank = np.empty(len(distinct), dtype=np.int64)
    rank[np.argsort(first)] = np.arange(len(distinct))
    n_terms = np.bincount(entry_story[first], minlength=n_stories)
    empty_before = np.cumsum(n_terms == 0) - (n_terms == 0)
    return rank[inverse] + empty_before[entry_story], np.maximum(n_terms, 1).tolist()


def count_distinct(values: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """`np.unique(values, return_counts=True)`, without its generality's overhead on small arrays."""
    ordered = np.sort(values)
    first = np.flatnonzero(np.concatenate([[len(ordered) > 0], ordered[1:] != ordered[:-1]]))
    return ordered[first], np.diff(np.append(first, len(ordered)))


def cosine_to_centroid(vectors: SparseRows, groups: np.ndarray | None = None) -> np.ndarray:
    """Cosine of each (L2-normalised) row with the mean row.

    With `groups` (a group number per row, e.g. its article), the centroid is the mean of the groups' own
    unit-length centroids instead, so a 200-sentence page weighs no more than a 10-sentence report.
    """
    # Column sums straight from the CSR arrays, adding rows in order as scipy's sum(axis=0) does, without its
    # per-call overhead (several matrix copies, which dominate on a story's few dozen sentences).
    n_columns = vectors.shape[1]
    if groups is None:
        centroid = np.bincount(vectors.indices, weights=vectors.data * (1.0 / vectors.shape[0]), minlength=n_columns)
    else:
        rows = np.repeat(np.arange(vectors.shape[0]), np.diff(vectors.indptr))
        cells = groups[rows] * n_columns + vectors.indices
        sums = np.bincount(cells, weights=vectors.data, minlength=(int(groups.max()) + 1) * n_columns)
        sums = sums.reshape(-1, n_columns)[np.unique(groups)]
        norms = np.linalg.norm(sums, axis=1, keepdims=True)
        centroid = (sums / np.where(norms == 0, 1.0, norms)).mean(axis=0)
    norm = np.linalg.norm(centroid)
    if norm == 0:
        return np.zeros(vectors.shape[0])
    return _row_sums(vectors, vectors.data * (centroid / norm)[vectors.indices])


def _row_sums(vectors: SparseRows, values: np.ndarray) -> np.ndarray:
    """Per row, the sum of `values` (one per stored entry), added in entry order from 0.0 as scipy's sparse
    matrix-vector product adds them, without its per-call overhead."""
    rows = np.repeat(np.arange(vectors.shape[0]), np.diff(vectors.indptr))
    # (float even when there is nothing to add: bincount returns integers then)
    return np.bincount(rows, weights=values, minlength=vectors.shape[0]).astype(float, copy=False)


MAX_TERM_PAIRS = 4_000_000
"""Beyond this many (sentence, sentence, shared term) triples `pairwise_cosine` leaves the product to scipy, which
needs no memory per triple; below it, scipy's fixed costs per call are most of the time."""


def pairwise_cosine(vectors: csr_matrix | TermRows) -> np.ndarray:
    """Dense matrix of cosines between (L2-normalised) rows.

    Every entry is the sum of the products over the two rows' shared terms, added in column order from 0.0:
    bit for bit what scipy's sparse product `vectors @ vectors.T` gives, which the large case uses.
    """
    n = vectors.shape[0]
    rows = np.repeat(np.arange(n), np.diff(vectors.indptr))
    one_story = _similarity_of_stories(rows, vectors.indices, vectors.data, np.zeros(n, dtype=np.int64), np.array([n]))
    if one_story is not None:
        return one_story.reshape(n, n)
    matrix = vectors.as_matrix() if isinstance(vectors, TermRows) else vectors
    return (matrix @ matrix.T).toarray()


@dataclass(frozen=True)
class StoryVectors:
    """One story's sentences in TF-IDF space: `tfidf`, `pairwise_cosine` and `cosine_to_centroid` of its texts."""

    term_rows: TermRows
    similarity: np.ndarray
    centrality: np.ndarray


def represent_stories(stories: Sequence[Sequence[str]]) -> list[StoryVectors]:
    """The TF-IDF rows, pairwise cosines and centroid cosines of each story's texts, each story on its own.

    Bit for bit what `tfidf`, `pairwise_cosine` and `cosine_to_centroid` give story by story, computed with one
    round of numpy calls for all the stories (`_tfidf_of_stories`).

    Args:
        stories: The texts of each story; every story holds at least one text.
    """
    entries = _tfidf_of_stories(stories)
    rows, columns, data, n_texts = entries.rows, entries.columns, entries.data, entries.n_texts
    centrality = _centrality_of_stories(
        rows, columns, data, entries.text_story, entries.column_story, n_texts, entries.n_columns
    )
    similarity = _similarity_of_stories(rows, columns, data, entries.text_story, n_texts)
    cell_starts = np.concatenate([[0], np.cumsum(n_texts * n_texts)])
    found = []
    for k, n in enumerate(n_texts.tolist()):
        term_rows = entries.story_rows(k)
        story_similarity = (
            similarity[cell_starts[k] : cell_starts[k + 1]].reshape(n, n)
            if similarity is not None
            else pairwise_cosine(term_rows)
        )
        texts_of_story = slice(entries.text_starts[k], entries.text_starts[k + 1])
        found.append(StoryVectors(term_rows, story_similarity, centrality[texts_of_story]))
    return found


def _centrality_of_stories(
    rows: np.ndarray,
    columns: np.ndarray,
    data: np.ndarray,
    text_story: np.ndarray,
    column_story: np.ndarray,
    n_texts: np.ndarray,
    n_columns: list[int],
) -> np.ndarray:
    """`cosine_to_centroid` of each story's rows (the story's entries: `rows`, `columns`, `data`), concatenated."""
    share = 1.0 / np.maximum(n_texts, 1)  # (a story without texts has no entries)
    centroid = np.bincount(columns, weights=data * share[text_story[rows]], minlength=len(column_story))
    # Each story's norm by the call cosine_to_centroid makes (a BLAS dot over the story's columns).
    bounds = np.cumsum(n_columns).tolist()
    norms = np.array([np.linalg.norm(part) for part in np.split(centroid, bounds[:-1])])
    unit = np.where(norms[column_story] == 0, 0.0, centroid / np.where(norms == 0, 1.0, norms)[column_story])
    return np.bincount(rows, weights=data * unit[columns], minlength=len(text_story)).astype(float, copy=False)


def _similarity_of_stories(
    rows: np.ndarray, columns: np.ndarray, data: np.ndarray, text_story: np.ndarray, n_texts: np.ndarray
) -> np.ndarray | None:
    """`pairwise_cosine` of each story's rows, the stories' matrices flattened one after another; None when that
    takes more than MAX_TERM_PAIRS term pairs (the caller then asks pairwise_cosine story by story)."""
    by_term = np.argsort(columns, kind="stable")  # entries by term, rows in order within a term
    terms_sorted = columns[by_term]
    document_frequency = np.bincount(terms_sorted, minlength=int(columns.max(initial=-1)) + 1)
    partners = document_frequency[terms_sorted]
    if int(partners.sum()) > MAX_TERM_PAIRS:
        return None
    entry_rows = rows[by_term]
    values = data[by_term]
    # Pairs far outnumber entries, and numpy's indexing costs per element: what a pair needs of its entries is
    # computed per entry, then gathered once per pair.
    left = np.repeat(np.arange(len(terms_sorted)), partners)
    first_of_term = np.cumsum(document_frequency) - document_frequency
    first_pair = np.cumsum(partners) - partners
    # The pairs of an entry run over its term's entries in order: pair p's partner is p - (the entry's first pair)
    # entries after the term's first.
    right = (first_of_term[terms_sorted] - first_pair)[left] + np.arange(len(left))
    # A cell of story k: after the cells of the stories before it, at (row - first row) * n + (column - first row).
    # Both entries of a pair are of one story: each story has columns of its own.
    story = text_story[entry_rows]
    local_row = entry_rows - (np.cumsum(n_texts) - n_texts)[story]
    row_cells = (np.cumsum(n_texts * n_texts) - n_texts * n_texts)[story] + local_row * n_texts[story]
    cells = row_cells[left] + local_row[right]
    products = values[left] * values[right]
    total_cells = int((n_texts * n_texts).sum())
    return np.bincount(cells, weights=products, minlength=total_cells).astype(float, copy=False)


def _corroborates(text: str, other: str) -> bool:
    """Whether two similar sentences can vouch for each other: neither states a different number, money, date, time
    of day or tally for a quantity both give ('killed 12 people' / 'killed 15 people' is a disagreement), and when
    either is mostly a quotation, they share its words (a paraphrase of the event does not show that anyone said
    them)."""
    # Both modules read `terms` from this one: imported when first needed, once this module is loaded.
    from storyline.form import is_quotation
    from storyline.values import contradicts, stated_values

    if contradicts(stated_values(text), stated_values(other)):
        return False
    quoting = [(quotation, plain) for quotation, plain in ((text, other), (other, text)) if is_quotation(quotation)]
    return not quoting or any(_repeats_quotation(quotation, plain) for quotation, plain in quoting)


def _repeats_quotation(quotation: str, plain: str) -> bool:
    """Whether `plain` carries most of the words of one of `quotation`'s quoted passages, or is a piece of them, every
    word of `plain` quoted there. One passage is enough: a splitter's run-on of two quotations, or a long quotation
    against the part another outlet quotes."""
    from storyline.form import quoted_runs  # see `_corroborates`

    plain_terms = set(terms(plain))
    quoted = [set(terms(run)) for run in quoted_runs(quotation)]
    return plain_terms <= set().union(*quoted) or any(2 * len(said & plain_terms) > len(said) for said in quoted)


def _common_words(text: str) -> str:
    """The words of a sentence that are no names: those in lower case, numbers, months and weekdays ("send Xi to
    Mar-a-Lago in June and have Trump walk away" → "send to in June and have walk away"), and the first word, which
    is capitalised either way ("Produced by Sam Raimi"); all of a sentence in capitals ("MR. POOLE PLEADED GUILTY")."""
    if not any(character.islower() for character in text):
        return text
    first, *rest = text.split()
    return " ".join([first, *(word for word in rest if _COMMON_WORD.match(word))])


_COMMON_WORD = re.compile(rf"\W*(?:[a-z0-9]|(?:{'|'.join((*MONTH_NAMES, *WEEKDAY_NAMES))})\b)")

OFF_STORY_COSINE = 0.05
"""Below this TF-IDF cosine with every other article, an article is probably not about the story. Over the 250 raw
Multi-News validation clusters it flags 8 of the documents of 3+ document clusters (a church's resource list, a map
disclaimer, a video licensing note, a site's data-project index, a survey prompt, another story's "Most Popular
Stories" box, a sports clip in a story about falls; one related page, a teacher's words about the story's victim)
and 7 of the two-document clusters (in 5 one of the two is a horoscope, a weather widget, a shop form or a
listing)."""
MAX_SUPPORT_PER_ARTICLE = 2
"""Most supporting sentences `Cluster.supporters` gives from any one other article (its closest ones)."""
MIN_SUPPORT_TERMS = 3
"""Content terms (stemmed, stop words out) each side of a support pair needs; see DEFAULT_SUPPORT_THRESHOLD."""


@dataclass(frozen=True)
class Cluster:
    """The sentences of all articles of one story with their TF-IDF similarities, computed once."""

    sentences: Sequence[Sentence]
    term_rows: TermRows  # L2-normalised TF-IDF rows, one per sentence (`vectors` as a scipy matrix)
    similarity: np.ndarray  # cosine between every pair of sentences
    centrality: np.ndarray  # cosine of each sentence with the cluster centroid
    article_index: np.ndarray  # position of each sentence's article in `article_ids`
    article_ids: tuple[str, ...]
    support_threshold: float  # the similarity from which `supports` holds
    n_words: np.ndarray  # white-space words of each sentence (`Sentence.n_words`)

    @classmethod
    def build(cls, sentences: Sequence[Sentence], support_threshold: float) -> Cluster:
        """The cluster of one story's sentences, support counted from `support_threshold` (TF-IDF cosine)."""
        return cls.build_many([sentences], support_threshold)[0]

    @classmethod
    def build_many(cls, stories: Sequence[Sequence[Sentence]], support_threshold: float) -> list[Cluster]:
        """`build` of each story, with one round of numpy calls for the TF-IDF of all (`represent_stories`)."""
        texts = [[s.text for s in sentences] for sentences in stories]
        return [
            cls._assemble(sentences, story_texts, found, support_threshold)
            for sentences, story_texts, found in zip(stories, texts, represent_stories(texts), strict=True)
        ]

    @classmethod
    def _assemble(
        cls, sentences: Sequence[Sentence], texts: list[str], represented: StoryVectors, support_threshold: float
    ) -> Cluster:
        number_of = {article: k for k, article in enumerate(dict.fromkeys(s.article_id for s in sentences))}
        article_index = np.array([number_of[s.article_id] for s in sentences], dtype=np.int64)
        return cls(
            sentences=sentences,
            term_rows=represented.term_rows,
            similarity=represented.similarity,
            centrality=represented.centrality,
            article_index=article_index,
            article_ids=tuple(number_of),
            support_threshold=support_threshold,
            # `Sentence.n_words` of each, split and counted in C rather than with a property call per sentence
            n_words=np.fromiter(map(len, map(str.split, texts)), dtype=np.int64, count=len(texts)),
        )

    @cached_property
    def vectors(self) -> csr_matrix:
        """`term_rows` as a scipy matrix, made when first asked for."""
        return self.term_rows.as_matrix()

    def article_similarity(self) -> np.ndarray:
        """Cosine between every pair of articles, each the sum of its sentences' TF-IDF rows.

        The rows are summed into one dense vector per article over the story's own terms, in one pass over the
        rows' entries: for a 30-sentence story 16 µs against ~1 ms for scipy's sparse product, whose checks cost
        more than the sums, and for a 3,000-sentence pile 13 ms against 58 ms for block sums of `similarity`.
        """
        rows = self.term_rows
        n_articles, n_columns = len(self.article_ids), rows.shape[1]
        sentence_of_entry = np.repeat(np.arange(rows.shape[0]), np.diff(rows.indptr))
        # bincount adds each entry to its cell in entry order from 0.0, as np.add.at does, at less cost a call
        cells = self.article_index[sentence_of_entry] * n_columns + rows.indices
        summed = np.bincount(cells, weights=rows.data, minlength=n_articles * n_columns).reshape(n_articles, n_columns)
        summed /= np.maximum(np.linalg.norm(summed, axis=1, keepdims=True), 1e-12)
        return summed @ summed.T

    @cached_property
    def closest_article_similarity(self) -> np.ndarray:
        """Each article's highest cosine with another article (`article_similarity`)."""
        similarity = self.article_similarity()
        np.fill_diagonal(similarity, 0.0)
        return similarity.max(axis=1)

    @cached_property
    def off_story_articles(self) -> np.ndarray:
        """Indices of the articles that share almost no words with any other (`OFF_STORY_COSINE`): another story,
        or a page with no article. Only while two or more others remain to tell the story: of two unrelated
        articles, or a pile of them, none is the odd one out."""
        if len(self.article_ids) < 3:
            return np.zeros(0, dtype=np.int64)
        off = np.flatnonzero(self.closest_article_similarity < OFF_STORY_COSINE)
        return off if len(self.article_ids) - len(off) >= 2 else np.zeros(0, dtype=np.int64)

    def supporters(self, index: int) -> list[tuple[int, float]]:
        """Sentences of other articles that support sentence `index`, best first, a few per article."""
        others = self._supporting(index)
        if not len(others):
            return []  # most sentences: support needs a close match in another article
        # As Python numbers: sorting and comparing numpy scalars one at a time costs several times more.
        cosines, articles = self.similarity[index, others].tolist(), self.article_index[others].tolist()
        candidates = zip(others.tolist(), cosines, articles, strict=True)
        per_article: dict[int, int] = {}
        found: list[tuple[int, float]] = []
        for j, cosine, article in sorted(candidates, key=lambda c: (-c[1], c[0])):
            if per_article.get(article, 0) < MAX_SUPPORT_PER_ARTICLE:
                per_article[article] = per_article.get(article, 0) + 1
                found.append((j, cosine))
        return found

    def _supporting(self, index: int) -> np.ndarray:
        """The sentences j with `supports[index, j]`, in order. The row alone, unless the matrix is made already:
        selection asks only of a quotation past its allowance, and checking every close pair of the cluster for
        its one row cost ~1.3 M instructions a cluster (callgrind, 300 truncated clusters: `supporters` 32 M -> 6 M)."""
        if "supports" in self.__dict__:
            return np.flatnonzero(self.supports[index])
        close = np.flatnonzero(self._close[index])
        return close[[self._vouch(min(index, j), max(index, j)) for j in close.tolist()]]

    @cached_property
    def supports(self) -> np.ndarray:
        """supports[i, j]: sentence j of another article says what sentence i says. Made when first asked for: the
        centroid score (`centroid` and `openings` strategies) and the brief's citations ask; the `learned` strategy,
        which truncated Multi-News's short stories take, does not (a quotation past the fill's allowance asks for
        its row alone, `_supporting`)."""
        supports = self._close.copy()
        rows, columns = np.nonzero(supports)
        for i, j in zip(rows.tolist(), columns.tolist(), strict=True):
            if i < j and not self._vouch(i, j):
                supports[i, j] = supports[j, i] = False
        return supports

    @cached_property
    def _close(self) -> np.ndarray:
        """The pairs of sentences `supports` checks: of different articles, at least `support_threshold` alike, and
        each with MIN_SUPPORT_TERMS content terms (two sentences sharing a word or two reach any cosine; support
        needs substance on both sides)."""
        substantial = np.diff(self.term_rows.indptr) >= MIN_SUPPORT_TERMS
        return (
            (self.similarity >= self.support_threshold)
            & (self.article_index[:, None] != self.article_index[None, :])
            & substantial[:, None]
            & substantial[None, :]
        )

    def _vouch(self, i: int, j: int) -> bool:
        """Whether close sentences i < j support each other: they share a word that is no name, and `_corroborates`.
        Names alone make no shared fact: the rare, heavily weighted name terms carry the cosine of two sentences that
        only mention the same people and places."""
        common = self._common_terms
        for k in (i, j):
            if k not in common:
                common[k] = set(terms(_common_words(self.sentences[k].text)))
        return not common[i].isdisjoint(common[j]) and _corroborates(self.sentences[i].text, self.sentences[j].text)

    @cached_property
    def _common_terms(self) -> dict[int, set[str]]:
        """`terms` of each sentence's `_common_words`, filled by `_vouch` as it asks."""
        return {}

    def article_support(self) -> np.ndarray:
        """For each sentence, the share of the other articles that have a supporting sentence."""
        n_others = max(len(self.article_ids) - 1, 1)
        counts = np.zeros(len(self.sentences))
        for a in range(len(self.article_ids)):
            counts += self.supports[:, self.article_index == a].any(axis=1)
        return counts / n_others
