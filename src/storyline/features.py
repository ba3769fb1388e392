"""Surface features of each sentence of a cluster, for the learned sentence scorer (`storyline.scorer`).

Every feature is computed from the cluster alone with numpy, and reads the same on lower-cased, tokenized text
(the Multi-News training data) and on original-case scraped text (what users give): no capital-letter counts,
and lengths and positions measured in ways that both forms share.
"""

from __future__ import annotations

import re
import string
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Protocol

import numpy as np

from storyline.literals import ascii_spaced, ascii_texts_holding, has_odd_case
from storyline.models import Sentence
from storyline.represent import SparseRows, count_distinct
from storyline.segment import asks_question, ends_sentence, opens_mid_quote

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

# The `attribution` feature's words, frozen with the shipped model, which learned its splits on this feature: a
# word added here (analyze/speech_verbs.py knows about a hundred verbs) would change the feature under the trained
# model. Change the list only together with a retrained model.
_ATTRIBUTION_WORDS = ("said", "says", "told", "according to", "added", "stated")
_ATTRIBUTION = re.compile(rf"\b(?:{'|'.join(_ATTRIBUTION_WORDS)})\b", re.IGNORECASE)
_ATTRIBUTION_BYTES = tuple(word.encode("ascii") for word in _ATTRIBUTION_WORDS)
_WORD = re.compile(r"[^\W_]+")


def _flag_table(chars: str) -> bytes:
    """A bytes.translate table that turns each byte of `chars` into 1 and every other byte into 0."""
    return bytes(chr(byte) in chars for byte in range(256))


# `_WORD` and str.isdigit on ASCII, as translate tables: the translated text is a 0/1 flag per character.
_ASCII_WORD_FLAGS = _flag_table(string.ascii_letters + string.digits)
_ASCII_DIGIT_FLAGS = _flag_table(string.digits)
_LEAD_SENTENCES = 2
"""`lead_similarity` reads another article's first this many sentences as its lead. This and the other constants of
the features (caps, thresholds) came with them (baf12bf) with no measurement recorded; the shipped model learned its
splits on these values, so one changes only with a retrained model (`storyline train`)."""


class StoryArrays(Protocol):
    """What the features read of a story; `represent.Cluster` is one."""

    @property
    def sentences(self) -> Sequence[Sentence]: ...
    @property
    def term_rows(self) -> SparseRows: ...
    @property
    def similarity(self) -> np.ndarray: ...
    @property
    def centrality(self) -> np.ndarray: ...


@dataclass(frozen=True)
class _Story:
    sentences: Sequence[Sentence]
    term_rows: SparseRows
    similarity: np.ndarray
    centrality: np.ndarray


def sentence_features(
    sentences: Sequence[Sentence],
    vectors: SparseRows,
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
    return story_features([_Story(sentences, vectors, similarity, centrality)])


@dataclass(frozen=True)
class _Layout:
    """Where each story's rows sit among the rows of all stories, and article numbers unique across stories."""

    sizes: np.ndarray  # sentences per story
    starts: np.ndarray  # first row of each story
    story: np.ndarray  # story of each row
    articles: np.ndarray  # article of each row, numbered story after story
    n_articles: np.ndarray  # articles per story

    @classmethod
    def of(cls, stories: Sequence[StoryArrays]) -> _Layout:
        sizes = np.array([len(story.sentences) for story in stories], dtype=np.int64)
        articles: list[int] = []
        n_articles: list[int] = []
        for story in stories:
            numbers = _article_numbers(story.sentences)
            first = sum(n_articles)
            articles += [numbers[s.article_id] + first for s in story.sentences]
            n_articles.append(len(numbers))
        return cls(
            sizes=sizes,
            starts=np.cumsum(sizes) - sizes,
            story=np.repeat(np.arange(len(stories)), sizes),
            articles=np.array(articles, dtype=np.int64),
            n_articles=np.array(n_articles, dtype=np.int64),
        )


def story_features(stories: Sequence[StoryArrays]) -> np.ndarray:
    """`sentence_features` of several stories, their rows one story after another, computed for all at once.

    Every column is what `sentence_features` gives each story alone, bit for bit: sums run over the same numbers
    in the same order (bincount, or one story at a time), and everything else is elementwise or a maximum.
    """
    stories = [story for story in stories if len(story.sentences)]  # a story without sentences has no rows
    if not stories:
        return np.zeros((0, len(FEATURES)))
    layout = _Layout.of(stories)
    sentences = [s for story in stories for s in story.sentences]
    position = np.array([s.position for s in sentences], dtype=float)
    texts = [s.text for s in sentences]
    # Word tokens, not white-space words: tokenized training text counts each comma and quote as a word.
    n_tokens, token_chars, n_digits = _char_counts(texts)
    n_words = n_tokens.astype(float)
    per_article = np.bincount(layout.articles).astype(float)
    # A story's mean length: sums of whole numbers are exact in any order.
    mean_words = np.add.reduceat(n_words, layout.starts) / layout.sizes
    columns = {
        "position": np.minimum(position, 50),  # capped, as n_words below: all positions past 50 read the same
        "log_position": np.log1p(position),
        "relative_position": position / per_article[layout.articles],
        "is_first": (position == 0).astype(float),
        "is_first_3": (position < 3).astype(float),  # a news lead's first paragraphs
        "n_words": np.minimum(n_words, 100),
        "log_words": np.log1p(n_words),
        "relative_words": n_words / np.maximum(mean_words, 1.0)[layout.story],
        **_centrality_columns(np.concatenate([story.centrality for story in stories]), layout),
        **_similarity_columns(stories, layout, position),
        **_term_columns([story.term_rows for story in stories], layout),
        **_form_columns(texts),
        "digit_ratio": n_digits / np.maximum([len(text) for text in texts], 1),
        "mean_word_chars": token_chars / np.maximum(n_tokens, 1),
    }
    return np.column_stack([columns[name] for name in FEATURES])


def _article_numbers(sentences: Sequence[Sentence]) -> dict[str, int]:
    return {article: k for k, article in enumerate(dict.fromkeys(s.article_id for s in sentences))}


def _centrality_columns(centrality: np.ndarray, layout: _Layout) -> dict[str, np.ndarray]:
    order = np.lexsort((-centrality, layout.story))  # by story, then most central first, ties in reading order
    rank = np.empty(len(centrality))
    rank[order] = np.arange(len(centrality)) - layout.starts[layout.story[order]]
    most_central = np.maximum.reduceat(centrality, layout.starts)
    return {
        "centrality": centrality,
        "centrality_rank": rank / np.maximum(layout.sizes - 1, 1)[layout.story],
        "centrality_to_max": centrality / np.maximum(most_central, 1e-9)[layout.story],  # 0, not NaN, if all are 0
    }


def _similarity_columns(stories: Sequence[StoryArrays], layout: _Layout, position: np.ndarray) -> dict[str, np.ndarray]:
    """Cross-outlet agreement: how much of the sentence other articles say, and how close it is to leads.

    The stories' similarity matrices are laid out flat, row after row and story after story; a row's cells are
    contiguous, so per-row maxima are one maximum.reduceat.
    """
    articles, story = layout.articles, layout.story
    similarity = np.concatenate([s.similarity.ravel() for s in stories])
    row_length = layout.sizes[story]  # cells in each row
    row_starts = np.cumsum(row_length) - row_length
    cell_row = np.repeat(np.arange(len(story)), row_length)
    # (numpy's indexing costs per element, and cells far outnumber rows: each cell's values are gathered once)
    cell_column = (layout.starts[story] - row_starts)[cell_row] + np.arange(len(cell_row))
    column_article = articles[cell_column]
    column_position = position[cell_column]
    other = articles[cell_row] != column_article
    cross = np.where(other, similarity, 0.0)  # (all similarities are >= 0: a maximum with 0 adds nothing)
    # Each sentence's best match in each article: the row's cells grouped by article, a maximum per group.
    group_of_cell = cell_row * (int(articles.max()) + 1) + column_article
    if np.all(articles[1:] >= articles[:-1]):
        # Each story's sentences article after article, as every pipeline gives them: a row's cells are in groups
        # already, and the sort below would leave them where they are (selection of 300 truncated Multi-News
        # clusters 1,419.4 → 1,413.7 M instructions, callgrind).
        group_key, grouped_cross, grouped_row = group_of_cell, cross, cell_row
    else:  # one stable sort by row and article: lexsort's order, in one pass
        by_article = np.argsort(group_of_cell, kind="stable")
        group_key, grouped_cross, grouped_row = group_of_cell[by_article], cross[by_article], cell_row[by_article]
    group_starts = np.flatnonzero(np.concatenate([[True], group_key[1:] != group_key[:-1]]))
    best = np.maximum.reduceat(grouped_cross, group_starts)
    group_row = grouped_row[group_starts]
    n_others = np.maximum(layout.n_articles - 1, 1)[story]
    own_lead = np.where(~other & (column_position == 0), similarity, 0.0)
    # Row sums story by story: numpy's pairwise sum of a row depends on where the row starts.
    off_diagonal = np.concatenate([s.similarity.sum(axis=1) for s in stories]) - 1.0
    return {
        "degree": off_diagonal / np.maximum(layout.sizes - 1, 1)[story],
        "max_other_similarity": np.maximum.reduceat(cross, row_starts),
        # Share of the other articles with a sentence this close, at two cosine levels either side of support's 0.40
        "support_30": np.bincount(group_row, weights=best >= 0.3, minlength=len(story)) / n_others,
        "support_50": np.bincount(group_row, weights=best >= 0.5, minlength=len(story)) / n_others,
        "lead_similarity": np.maximum.reduceat(np.where(column_position < _LEAD_SENTENCES, cross, 0.0), row_starts),
        "own_lead_similarity": np.where(position == 0, 1.0, np.maximum.reduceat(own_lead, row_starts)),
    }


def _term_columns(vectors: Sequence[SparseRows], layout: _Layout) -> dict[str, np.ndarray]:
    """SumBasic-like content weight: how widely the sentence's terms are spread over articles and sentences."""
    n_columns = np.array([v.shape[1] for v in vectors], dtype=np.int64)
    column_story = np.repeat(np.arange(len(vectors)), n_columns)
    n_terms = np.concatenate([np.diff(v.indptr) for v in vectors])
    # Each story's terms numbered after the previous story's, so that no two stories share a term.
    terms = np.concatenate([v.indices for v in vectors]) + np.repeat(
        np.cumsum(n_columns) - n_columns, [v.indptr[-1] for v in vectors]
    )
    rows = np.repeat(np.arange(len(n_terms)), n_terms)
    n = len(n_terms)
    sentence_df = np.bincount(terms, minlength=len(column_story))
    in_articles, _ = count_distinct(layout.articles[rows] * len(column_story) + terms)  # each (article, term) once
    article_df = np.bincount(in_articles % len(column_story), minlength=len(column_story))
    article_df = article_df / np.maximum(layout.n_articles, 1)[column_story]
    safe = np.maximum(n_terms, 1)
    return {
        "term_articles": np.bincount(rows, weights=article_df[terms], minlength=n) / safe,
        "term_sentences": np.bincount(
            rows, weights=(sentence_df / np.maximum(layout.sizes, 1)[column_story])[terms], minlength=n
        )
        / safe,
        "term_articles_max": _top_mean(rows, article_df[terms], n, 3),  # its 3 most shared terms, no reason recorded
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
    """Furniture-likeness: what fragments, captions, quote tails and link lists look like.

    Each column is one pass over the texts: a row of five flags per text, a tuple from a Python function, cost more
    in calls than the flags themselves.
    """

    def flags(test: Callable[[str], bool]) -> np.ndarray:
        return np.fromiter(map(test, texts), dtype=bool, count=len(texts)).astype(float)

    return {
        "no_terminal": 1.0 - flags(ends_sentence),
        "mid_quote": flags(opens_mid_quote),
        "question": flags(asks_question),
        "has_quote": flags(_quoted),
        "attribution": _attribution(texts).astype(float),
    }


def _quoted(text: str) -> bool:
    return '"' in text or "“" in text or "”" in text or "''" in text or "``" in text


def _attribution(texts: Sequence[str]) -> np.ndarray:
    """Whether `_ATTRIBUTION` finds its words in each text.

    The texts are searched all at once, joined by newlines and lower-cased as ASCII (for ASCII text, lower-casing
    changes the letters alone): bytes.find looks for each word, and an occurrence counts where the characters either
    side are no word characters, as the pattern's `\\b`s ask. Searching sentence by sentence cost ~0.75 ms a batch
    of 16 truncated clusters (~300 sentences), mostly calls; the pattern over the joined text ~1.1 ms, since it tries
    its words at every character; the word search ~0.2 ms. Non-ASCII texts (`_ATTRIBUTION` ignores case the Unicode
    way) are checked one by one where the joined search cannot settle them.
    """
    found = ascii_texts_holding(texts, _ATTRIBUTION_BYTES, whole_words=True)
    for i, text in enumerate(texts):
        # A match in a non-ASCII text is ASCII letters and spaces between characters that are no word characters
        # or that became "?", so the joined search finds it too, unless it holds one of the few non-ASCII letters
        # that re.IGNORECASE reads as ASCII ones. What the search finds there may be no match (a word after "é").
        if not text.isascii() and (found[i] or has_odd_case(text)):
            found[i] = _ATTRIBUTION.search(text) is not None
    return found


def _char_counts(texts: Sequence[str]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Per text: its word tokens (`_WORD` matches), the characters in them, and its digits (str.isdigit).

    ASCII texts (`ascii_spaced`) are counted all at once: bytes.translate flags each character (numpy's
    per-element indexing cost several times more), and sums over each text's run of flags count; the others (one
    news sentence in a hundred) one by one, since a table cannot hold Unicode's character classes.
    """
    n = len(texts)
    n_tokens, token_chars, n_digits = (
        np.zeros(n, dtype=np.int64),
        np.zeros(n, dtype=np.int64),
        np.zeros(n, dtype=np.int64),
    )
    plain = [ascii_spaced(text) for text in texts]
    ascii_rows = [i for i in range(n) if plain[i] is not None]
    if ascii_rows:
        chosen = [plain[i] for i in ascii_rows]
        # Every text between newlines, which are no word characters: a text's run of flags starts at its first
        # character, after the newline before it, and ends with the newline after it.
        data = ("\n" + "\n".join(chosen) + "\n").encode("ascii")
        is_word = np.frombuffer(data.translate(_ASCII_WORD_FLAGS), dtype=np.uint8)
        is_digit = np.frombuffer(data.translate(_ASCII_DIGIT_FLAGS), dtype=np.uint8)
        runs = np.cumsum([1] + [len(text) + 1 for text in chosen[:-1]])
        starts_word = np.concatenate([[0], is_word[1:] > is_word[:-1]])  # a word character after another one
        n_tokens[ascii_rows] = np.add.reduceat(starts_word, runs, dtype=np.int64)
        token_chars[ascii_rows] = np.add.reduceat(is_word, runs, dtype=np.int64)
        n_digits[ascii_rows] = np.add.reduceat(is_digit, runs, dtype=np.int64)
    for i, text in enumerate(texts):
        if plain[i] is None:
            tokens = _WORD.findall(text)
            n_tokens[i], token_chars[i], n_digits[i] = len(tokens), sum(map(len, tokens)), sum(map(str.isdigit, text))
    return n_tokens, token_chars, n_digits
