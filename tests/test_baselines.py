"""The evaluation baselines on tiny hand-made clusters."""

from __future__ import annotations

import pytest

from storyline.baselines import BASELINES, centroid_mmr, lead, lexrank, oracle
from storyline.models import Sentence


def cluster(*articles: list[str]) -> list[Sentence]:
    """Sentences of several articles, article after article; offsets are unused by the baselines."""
    return [
        Sentence(article_id=f"a{n}", position=p, start=0, end=len(text), text=text)
        for n, texts in enumerate(articles, start=1)
        for p, text in enumerate(texts)
    ]


STORY = cluster(
    [
        "The storm hit the coast on Monday night.",
        "Thousands of homes lost power across the region.",
        "Schools will stay closed until Thursday.",
    ],
    [
        "The storm hit the coast on Monday night.",  # the same sentence from a second outlet
        "Flooding closed the main highway for hours.",
    ],
    ["Power crews from three states arrived to restore the lines."],
)


def test_baselines_registry_names() -> None:
    assert sorted(BASELINES) == ["centroid_mmr", "lead", "lexrank"]


def test_lead_round_robin_skips_exact_duplicates() -> None:
    # first sentences of a1, a2 (a duplicate of a1's, skipped), a3; then second sentences; then third
    assert lead(STORY, 1000) == [0, 5, 1, 4, 2]


def test_lead_stops_once_the_budget_is_reached() -> None:
    # 8 words, then 10 more: 18 ≥ 10, so two sentences reach a 10-word budget
    assert lead(STORY, 10) == [0, 5]


@pytest.mark.parametrize("baseline", [lead, centroid_mmr, lexrank])
def test_baselines_return_nothing_for_an_empty_cluster(baseline) -> None:
    assert baseline([], 100) == []


def test_centroid_mmr_picks_the_central_sentence_first_and_avoids_its_twin() -> None:
    chosen = centroid_mmr(STORY, 1000)
    assert chosen[0] in (0, 3)  # the storm sentence, told twice, is the most central
    assert sorted(chosen) == list(range(len(STORY)))  # with a large budget every sentence is taken once
    assert {0, 3} != set(chosen[:2])  # MMR: its exact twin does not come straight after it


def test_lexrank_maps_duplicate_texts_back_to_valid_indices() -> None:
    chosen = lexrank(STORY, 1000)
    # sumy collapses the two identical storm sentences into one dict key; we still get each index at most once
    # and only one of the twins, because an exact duplicate text is taken once.
    assert len(chosen) == len(set(chosen)) == len(STORY) - 1
    assert all(0 <= i < len(STORY) for i in chosen)
    assert len({0, 3} & set(chosen)) == 1


def test_lexrank_ranks_the_most_connected_sentence_first() -> None:
    sentences = cluster(
        ["Floods hit the hills.", "The market reopened in town."],
        ["Cats slept all day.", "Floods closed the town market."],
        ["Birds sang at dawn.", "Cars stopped at the light."],
    )
    # Sentence 3 is the only one similar to two others (floods; town market); sumy's idf, log(N / (1 + df)),
    # needs enough unrelated sentences for shared terms to weigh anything at all.
    assert lexrank(sentences, 1000)[0] == 3


def test_lexrank_without_any_shared_term_falls_back_to_document_order() -> None:
    sentences = cluster(["Cats purr."], ["Dogs bark."])
    assert lexrank(sentences, 100) == [0, 1]


def test_oracle_stops_when_nothing_improves() -> None:
    sentences = cluster(["The cat sat on the mat.", "Dogs bark at night."])
    # Adding "Dogs bark at night." only lowers precision, so the oracle stops far below the 100-word budget.
    assert oracle(sentences, 100, references=["The cat sat on the mat."]) == [0]


def test_oracle_picks_the_sentence_that_adds_most_rouge() -> None:
    sentences = cluster(["A dog ran in the park.", "The cat sat on the mat.", "The cat ate."])
    assert oracle(sentences, 100, references=["The cat sat on the mat. A dog ran."]) == [1, 0]


def test_oracle_averages_over_several_references() -> None:
    sentences = cluster(["The cat sat.", "A dog ran far away from home today."])
    # One reference: the cat sentence scores R1 F1 + R2 F1 = 2, and adding the dog only lowers precision.
    assert oracle(sentences, 100, references=["The cat sat."]) == [0]
    # Two references: either sentence first scores (2 + 0) / 2 = 1 (the tie keeps the earlier one). Adding the
    # dog then gives (0.43 + 0.33) for the first reference and (0.84 + 0.82) for the second: mean 1.21 > 1.
    assert oracle(sentences, 100, references=["The cat sat.", "A dog ran far away from home today."]) == [0, 1]
