"""TF-IDF similarities: the numpy shortcuts give bit for bit what scipy's sparse products give."""

from __future__ import annotations

import numpy as np
import pytest

from storyline import represent
from storyline.models import Sentence
from storyline.represent import cosine_to_centroid, pairwise_cosine, represent_stories, tfidf
from storyline.segment import sentence_spans


def _seed_sentences(seed_text: dict[str, str]) -> list[str]:
    return [text[start:end] for text in seed_text.values() for start, end in sentence_spans(text)]


def test_represent_pairwise_cosine_equals_the_sparse_product(seed_text: dict[str, str]) -> None:
    vectors = tfidf(_seed_sentences(seed_text))
    assert vectors.shape[0] > 100
    assert np.array_equal(pairwise_cosine(vectors), (vectors @ vectors.T).toarray())


def test_represent_pairwise_cosine_of_many_pairs_leaves_the_product_to_scipy(
    seed_text: dict[str, str], monkeypatch: pytest.MonkeyPatch
) -> None:
    vectors = tfidf(_seed_sentences(seed_text))
    small = pairwise_cosine(vectors)
    monkeypatch.setattr(represent, "MAX_TERM_PAIRS", 0)
    assert np.array_equal(pairwise_cosine(vectors), small)


def test_represent_cosine_to_centroid_equals_the_sparse_product(seed_text: dict[str, str]) -> None:
    vectors = tfidf(_seed_sentences(seed_text))
    n_columns = vectors.shape[1]
    centroid = np.bincount(vectors.indices, weights=vectors.data * (1.0 / vectors.shape[0]), minlength=n_columns)
    expected = np.asarray(vectors @ (centroid / np.linalg.norm(centroid))).ravel()
    assert np.array_equal(cosine_to_centroid(vectors), expected)


def test_represent_texts_without_terms_give_zero_floats() -> None:
    vectors = tfidf(["The of a.", "It is."])  # stop words only
    assert pairwise_cosine(vectors).dtype == float
    assert pairwise_cosine(vectors).tolist() == [[0.0, 0.0], [0.0, 0.0]]
    assert cosine_to_centroid(vectors).tolist() == [0.0, 0.0]


@pytest.mark.parametrize("max_pairs", [represent.MAX_TERM_PAIRS, 0])
def test_represent_stories_together_as_each_alone(
    seed_text: dict[str, str], monkeypatch: pytest.MonkeyPatch, max_pairs: int
) -> None:
    monkeypatch.setattr(represent, "MAX_TERM_PAIRS", max_pairs)
    stories = [_seed_sentences({name: text}) for name, text in seed_text.items()]
    stories.insert(1, ["The of a.", "It is."])  # no terms at all
    for texts, found in zip(stories, represent_stories(stories), strict=True):
        alone = tfidf(texts)
        assert np.array_equal(found.term_rows.as_matrix().toarray(), alone.toarray())
        assert np.array_equal(found.similarity, pairwise_cosine(alone))
        assert np.array_equal(found.centrality, cosine_to_centroid(alone))


def test_article_similarity_is_the_cosine_of_summed_sentence_rows_in_any_sentence_order() -> None:
    texts = [
        "The harbour bridge will close for six months.",
        "Engineers will replace the corroded cables.",
        "The bridge closure starts in April, engineers said.",
        "Bake the cake for forty minutes.",
        "Extra ferries will sail all day.",
    ]
    articles = ["a", "b", "a", "c", "b"]  # interleaved, as a caller may build a cluster
    sentences = [
        Sentence(article_id=article, position=n, start=0, end=len(text), text=text)
        for n, (article, text) in enumerate(zip(articles, texts, strict=True))
    ]
    cluster = represent.Cluster.build(sentences, represent.DEFAULT_SUPPORT_THRESHOLD)
    rows = cluster.vectors.toarray()
    summed = np.array([rows[[k for k, a in enumerate(articles) if a == article]].sum(axis=0) for article in "abc"])
    summed /= np.linalg.norm(summed, axis=1, keepdims=True)
    assert cluster.article_ids == ("a", "b", "c")
    np.testing.assert_allclose(cluster.article_similarity(), summed @ summed.T, atol=1e-12)
    assert cluster.off_story_articles.tolist() == [2]  # the cake shares no word with the bridge reports
    # bit for bit the sums np.add.at makes, adding each sentence's entries to its article's row in entry order
    term_rows = cluster.term_rows
    added = np.zeros((3, term_rows.shape[1]))
    np.add.at(
        added,
        (cluster.article_index[np.repeat(np.arange(5), np.diff(term_rows.indptr))], term_rows.indices),
        term_rows.data,
    )
    added /= np.maximum(np.linalg.norm(added, axis=1, keepdims=True), 1e-12)
    assert np.array_equal(cluster.article_similarity(), added @ added.T)


def test_terms_are_stems_of_the_content_words_whether_a_token_is_new_or_seen() -> None:
    first = represent.terms("The runners were running to the station.")
    assert first == ("runner", "run", "station")  # stop words dropped, the rest stemmed
    # the same tokens again, now looked up, and in another case: the same terms
    assert represent.terms("RUNNERS' shoes didn't fit the runners") == ("runner", "shoe", "fit", "runner")


def test_represent_columns_number_each_storys_terms_in_order_of_first_appearance() -> None:
    stories = [["Ferries sail.", "Bridge closes; ferries wait."], ["The of a."], ["Closing bridges."]]
    entries = represent._tfidf_of_stories(stories)
    # ferri 0, sail 1, bridg 2, close 3, wait 4; the story without terms takes column 5; then close 6, bridg 7
    assert entries.n_columns == [5, 1, 2]
    assert entries.columns.tolist() == [0, 1, 0, 2, 3, 4, 6, 7]
    assert entries.rows.tolist() == [0, 0, 1, 1, 1, 1, 3, 3]
