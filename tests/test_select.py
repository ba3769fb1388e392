from __future__ import annotations

import numpy as np
import pytest

from storyline.errors import ConfigError
from storyline.models import Sentence
from storyline.represent import DEFAULT_SUPPORT_THRESHOLD, Cluster
from storyline.select import (
    ADAPTIVE,
    LEARNED_RANGE_WORDS,
    OPENINGS_WORDS,
    STRATEGIES,
    STRATEGY_NAMES,
    fill_budget,
    quotation_allowance,
    reading_order,
    select_sentences,
    select_story_indices,
)
from tests.conftest import river_bridge_sentences


def _sentences(articles: list[list[str]]) -> list[Sentence]:
    found = []
    for number, texts in enumerate(articles, start=1):
        offset = 0
        for position, text in enumerate(texts):
            found.append(Sentence(f"a{number}", position, offset, offset + len(text), text))
            offset += len(text) + 1
    return found


BRIDGE = [
    [
        "The harbour bridge will close for six months from April while engineers replace its corroded cables.",
        "Extra ferries will run every ten minutes during the morning and evening rush hours.",
        "Local shop owners said they feared losing customers during the long closure.",
    ],
    [
        "Engineers will replace the corroded cables of the harbour bridge, which will close for six months.",
        "The mayor said the repairs would cost 48 million euros, shared with the national government.",
    ],
    [
        "A new concert hall opened downtown on Saturday with a sold-out performance by the city orchestra.",
    ],
]


@pytest.mark.parametrize("strategy", STRATEGY_NAMES)
def test_select_same_fact_from_two_outlets_appears_once_with_support(strategy: str) -> None:
    # Room for every sentence: only the redundancy cut can keep the second report of the closure out.
    picks = select_sentences(_sentences(BRIDGE), words=200, strategy=strategy)
    texts = [p.sentence.text for p in picks]
    bridge_closure = [t for t in texts if "corroded" in t]
    assert len(bridge_closure) == 1
    closure = next(p for p in picks if "corroded" in p.sentence.text)
    assert [s.article_id for s, _ in closure.support] == ["a2" if closure.sentence.article_id == "a1" else "a1"]
    assert all(similarity >= 0.40 for _, similarity in closure.support)


ROAD_BUDGET = [
    [
        "The city council approved a new budget for road repairs on Tuesday evening.",
        "Council members argued for hours about the cost of the new library wing.",
    ],
    [
        "Road repairs across the city will begin next spring under the new budget, officials said.",
        "A local bakery won a national prize for its sourdough bread this week.",
    ],
]


@pytest.mark.parametrize("strategy", sorted(STRATEGIES))
def test_select_passes_over_a_sentence_that_shares_much_of_a_pick(strategy: str) -> None:
    # The two road-budget sentences are no close paraphrases (cosine ~0.43), but the second adds little.
    sentences = _sentences(ROAD_BUDGET)
    assert 0.35 < Cluster.build(sentences, DEFAULT_SUPPORT_THRESHOLD).similarity[0, 2] < 0.5
    picks = select_sentences(sentences, words=200, strategy=strategy)
    assert sum("road repairs" in p.sentence.text.lower() for p in picks) == 1
    assert len(picks) == 3


def test_select_unrelated_sentences_get_no_support() -> None:
    picks = select_sentences(_sentences([BRIDGE[0], [*BRIDGE[1], *BRIDGE[2]]]), words=200)
    concert = next(p for p in picks if "concert" in p.sentence.text)
    assert concert.support == ()


def test_select_leaves_out_an_article_that_shares_almost_no_words_with_the_others() -> None:
    # the concert report is about something else; alone in its article, none of it is summarised
    sentences = _sentences(BRIDGE)
    assert Cluster.build(sentences, DEFAULT_SUPPORT_THRESHOLD).off_story_articles.tolist() == [2]
    picks = select_sentences(sentences, words=200)
    assert len(picks) == 4 and not any("concert" in p.sentence.text for p in picks)


def test_select_sentences_sharing_only_names_do_not_support_each_other() -> None:
    # The seeds' case: the same two leaders and the same resort, two different facts (TF-IDF cosine over 0.40).
    names_only = [
        ["Officials fear Xi Jinping would travel to Mar-a-Lago and Donald Trump would abandon him."],
        ["All roads lead to Mar-a-Lago, where Xi Jinping and Donald Trump meet this month."],
    ]
    cluster = Cluster.build(_sentences(names_only), DEFAULT_SUPPORT_THRESHOLD)
    assert cluster.similarity[0, 1] >= DEFAULT_SUPPORT_THRESHOLD
    assert not cluster.supports.any()
    # One word beyond the names, "meet", and they do.
    one_word_more = [[names_only[0][0].replace("travel to", "meet at")], names_only[1]]
    assert Cluster.build(_sentences(one_word_more), DEFAULT_SUPPORT_THRESHOLD).supports[0, 1]


def test_select_short_sentences_cannot_support() -> None:
    # Two shared words give a high cosine between tiny sentences; support needs three content terms a side.
    sentences = _sentences([["It was closed, and that is all they said."], ["It was closed, and that is all we know."]])
    picks = select_sentences(sentences, words=50)
    assert [p.support for p in picks] == [()]  # one of the two (which is the scorer's call), supported by none


def test_select_fits_the_budget_in_reading_order() -> None:
    picks = select_sentences(_sentences(BRIDGE), words=35)
    assert len(picks) >= 2
    assert sum(p.sentence.n_words for p in picks) <= 35
    lengths = {f"a{n}": len(texts) for n, texts in enumerate(BRIDGE, start=1)}
    keys = [(p.sentence.position / lengths[p.sentence.article_id], p.sentence.article_id) for p in picks]
    assert keys == sorted(keys)


def test_reading_order_keeps_an_articles_following_picks_together() -> None:
    # "Now the Florida resident is among …" came two other articles' picks after "Virginia Murphy borrowed …", the
    # sentence right before it in its article that tells who she is.
    sentences = _sentences(
        [
            [
                "The council met on Monday.",
                "Virginia Murphy borrowed money for college in 1990.",
                "Now the Florida resident owes more than she borrowed.",
                "She pays $330 a month.",
            ],
            ["Student debt has passed $1.5 trillion.", "Federal plans cap payments by income."],
        ]
    )
    murphy, resident, payments, plans = 1, 2, 3, 5  # relative positions 0.25, 0.5, 0.75; 0.5
    assert reading_order(sentences, [plans, resident, murphy, payments]) == [murphy, resident, payments, plans]
    assert reading_order(sentences, [plans, resident, payments]) == [resident, payments, plans]
    # a run's first sentence that cannot open a summary does not: the next run that can goes first
    quoted = _sentences([["“We are broke,” she said.", "The city has $3 left."], ["The city of Harbour is broke."]])
    assert reading_order(quoted, [0, 1, 2]) == [2, 0, 1]


def test_a_summary_stops_before_a_pick_that_only_fills_the_words_left() -> None:
    from storyline.select import FILLER_SCORE, _before_filler

    scores = np.array([0.9, 0.5, FILLER_SCORE * 0.9 - 0.01, 0.37])
    assert _before_filler([0, 1, 2, 3], scores) == [0, 1]  # the picks after it go too: the fill stops there
    assert _before_filler([0, 1, 3], scores) == [0, 1, 3]
    assert _before_filler([], scores) == []


def test_the_filler_stop_leaves_centroid_summaries_whole(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("storyline.select.FILLER_SCORE", 1.0)  # every pick but the best is "filler"
    sentences = _sentences(BRIDGE)
    assert len(select_sentences(sentences, words=60, strategy="hybrid")) == 1
    assert len(select_sentences(sentences, words=60, strategy="centroid")) > 1


def test_select_overflow_fills_past_the_budget_for_cut_to_length_scoring() -> None:
    picks = select_sentences(_sentences(BRIDGE), words=20, fill="overflow")
    assert sum(p.sentence.n_words for p in picks) >= 20


def test_strategy_names_are_the_scorers_and_adaptive() -> None:
    assert set(STRATEGY_NAMES) == {ADAPTIVE, *STRATEGIES}


def test_select_unknown_strategy_is_a_config_error() -> None:
    with pytest.raises(ConfigError, match="unknown strategy 'magic'"):
        select_sentences(_sentences(BRIDGE), words=50, strategy="magic")


GALLERY = [
    f"Watch video {n}: {topic} in our gallery of the harbour city's most shared clips and photos."
    for n, topic in enumerate(
        [
            "a cat on a skateboard",
            "a surfing dog",
            "fireworks over the bay",
            "a marathon finish",
            "a snowstorm",
            "a baby elephant",
            "a lunar eclipse",
            "a street parade",
            "a kite festival",
            "a sandcastle contest",
        ],
        start=1,
    )
]


def test_centroid_is_not_pulled_towards_the_longest_article() -> None:
    # One scraped page of ten gallery captions beside two short reports of the same news.
    articles = [GALLERY, BRIDGE[0][:2], BRIDGE[1][:1]]
    picks = select_sentences(_sentences(articles), words=20, strategy="centroid")
    assert "harbour bridge" in picks[0].sentence.text


def test_select_overflow_puts_the_pick_that_crosses_the_budget_last() -> None:
    # A cut to the budget then trims the least important pick, not whichever happens to read last.
    picks = select_sentences(_sentences([GALLERY, *BRIDGE[:2]]), words=70, fill="overflow")
    assert sum(p.sentence.n_words for p in picks[:-1]) < 70 <= sum(p.sentence.n_words for p in picks)


@pytest.mark.parametrize(
    ("articles", "resolved", "not_resolved"),
    [
        (BRIDGE, "learned", "centroid"),
        # Sixteen articles leave each fewer than MIN_OPENING_WORDS of the openings view: no longer the trained shape.
        ([GALLERY * 3, *BRIDGE] * 4, "centroid", "openings"),
        ([GALLERY * 3, GALLERY * 2, BRIDGE[0] * 4], "openings", "centroid"),
    ],
)
def test_adaptive_strategy_uses_the_learned_scorer_only_within_its_training_range(
    articles: list[list[str]], resolved: str, not_resolved: str
) -> None:
    sentences = _sentences(articles)
    assert (sum(s.n_words for s in sentences) <= LEARNED_RANGE_WORDS) == (resolved == "learned")
    adaptive = select_sentences(sentences, words=60)
    assert adaptive == select_sentences(sentences, words=60, strategy=resolved)
    assert adaptive != select_sentences(sentences, words=60, strategy=not_resolved)  # the test can tell them apart


def test_openings_strategy_scores_only_each_articles_opening_with_the_learned_model() -> None:
    articles = [GALLERY * 3, [*BRIDGE[0], *GALLERY * 3]]
    sentences = _sentences(articles)
    cluster = Cluster.build(sentences, DEFAULT_SUPPORT_THRESHOLD)
    # The learned probability the openings strategy adds to the centroid score: above zero on what it scored
    bonus = STRATEGIES["openings"]([cluster])[0] - STRATEGIES["centroid"]([cluster])[0]
    openings = np.flatnonzero(bonus)
    assert np.all(bonus[openings] > 0)
    per_article = OPENINGS_WORDS / 2
    for article in ("a1", "a2"):
        kept = [sentences[i] for i in openings if sentences[i].article_id == article]
        whole = [s for s in sentences if s.article_id == article]
        # The opening sentences, up to the one that reaches the article's share of the view.
        assert kept == whole[: len(kept)] and len(kept) < len(whole)
        assert sum(s.n_words for s in kept[:-1]) < per_article <= sum(s.n_words for s in kept)


def test_select_story_indices_pick_what_select_sentences_picks_for_each_story() -> None:
    long_story = [[text] * 12 for text in BRIDGE[0]]  # over LEARNED_RANGE_WORDS: adaptive scores by openings
    stories = [_sentences(BRIDGE), [], _sentences(BRIDGE[:1]), _sentences(long_story), _sentences([GALLERY, *BRIDGE])]
    for strategy in ("adaptive", "centroid", "hybrid"):
        indices = select_story_indices(stories, words=60, strategy=strategy, fill="overflow")
        one_by_one = [select_sentences(s, words=60, strategy=strategy, fill="overflow") for s in stories]
        assert [[story[i] for i in order] for story, order in zip(stories, indices, strict=True)] == [
            [p.sentence for p in picks] for picks in one_by_one
        ]
        assert [len(order) > 0 for order in indices] == [True, False, True, True, True]
    assert any(p.support for picks in one_by_one for p in picks)  # support is what the indices leave out


def test_select_sentences_reads_the_support_threshold_of_a_given_cluster() -> None:
    sentences = _sentences(BRIDGE)
    loose, strict = Cluster.build(sentences, 0.05), Cluster.build(sentences, 0.99)
    supported = [p for p in select_sentences(sentences, words=60, cluster=loose) if p.support]
    assert supported and not any(p.support for p in select_sentences(sentences, words=60, cluster=strict))


@pytest.mark.parametrize("strategy", sorted(STRATEGIES))
def test_select_every_strategy_fits_budget_and_keeps_spans(strategy: str) -> None:
    picks = select_sentences(river_bridge_sentences(), words=25, strategy=strategy)
    assert 0 < sum(p.sentence.n_words for p in picks) <= 25
    assert "Share this story" not in [p.sentence.text for p in picks]


PRONOUN_QUOTE = [
    [
        "Senator Maria Lopez opened the hearing on the harbour bridge closure on Tuesday morning.",
        "\u201cWe will not let the city wait another year for these repairs,\u201d she said.",
    ],
    ["Engineers will replace the corroded cables of the harbour bridge, which will close for six months."],
]


@pytest.mark.parametrize("relevance_weight", [1.0, 0.6])
def test_fill_passes_over_a_pronoun_quote_whose_speaker_is_not_picked(relevance_weight: float) -> None:
    cluster = Cluster.build(_sentences(PRONOUN_QUOTE), DEFAULT_SUPPORT_THRESHOLD)
    # The quote scores best, but "she" would name no one: the fact, 0.8 of its score, goes in its place.
    scores = np.array([0.1, 1.0, 0.8])
    assert fill_budget(cluster, scores, 20, "within", relevance_weight=relevance_weight) == [2]


@pytest.mark.parametrize("relevance_weight", [1.0, 0.6])
def test_fill_keeps_a_pronoun_quote_right_after_its_picked_speaker(relevance_weight: float) -> None:
    cluster = Cluster.build(_sentences(PRONOUN_QUOTE), DEFAULT_SUPPORT_THRESHOLD)
    scores = np.array([1.0, 0.9, 0.8])
    assert fill_budget(cluster, scores, 30, "within", relevance_weight=relevance_weight)[:2] == [0, 1]


QUOTED_STORY = [
    [
        "\u201cWe will not let the city wait another year for these repairs,\u201d Senator Maria Lopez said.",
        "\u201cEvery month the bridge stays open costs us more in patching,\u201d the chief engineer Tom Reyes said.",
        "\u201cThe ferries are ready for the extra passengers from the first day,\u201d port director Ana Silva said.",
    ],
    ["Engineers will replace the corroded cables of the harbour bridge, which will close for six months."],
]


@pytest.mark.parametrize("relevance_weight", [1.0, 0.6])
def test_fill_takes_one_quotation_per_quotation_words_then_prefers_the_account(relevance_weight: float) -> None:
    cluster = Cluster.build(_sentences(QUOTED_STORY), DEFAULT_SUPPORT_THRESHOLD)
    # The three quotations score best, but a 75-word budget takes one at its full score; the account, at 0.7 of the
    # best score, beats the next quotation at half of its 0.9.
    scores = np.array([1.0, 0.9, 0.85, 0.7])
    assert quotation_allowance(75) == 1
    assert fill_budget(cluster, scores, 75, "within", relevance_weight=relevance_weight)[:2] == [0, 3]
    # With room for two, the second quotation goes in ahead of the account.
    assert quotation_allowance(150) == 2
    assert fill_budget(cluster, scores, 150, "within", relevance_weight=relevance_weight)[:2] == [0, 1]


@pytest.mark.parametrize("relevance_weight", [1.0, 0.6])
def test_fill_still_takes_quotations_when_nothing_else_is_left(relevance_weight: float) -> None:
    cluster = Cluster.build(_sentences(QUOTED_STORY[:1]), DEFAULT_SUPPORT_THRESHOLD)
    scores = np.array([1.0, 0.9, 0.85])
    assert sorted(fill_budget(cluster, scores, 75, "within", relevance_weight=relevance_weight)) == [0, 1, 2]


@pytest.mark.parametrize("relevance_weight", [1.0, 0.6])
def test_fill_takes_a_quotation_another_outlet_reports_beyond_the_allowance(relevance_weight: float) -> None:
    reported_twice = [
        QUOTED_STORY[0],
        [
            "\u201cEvery month the bridge stays open costs us more in patching,\u201d chief engineer Tom Reyes "
            "told the council."
        ],
        QUOTED_STORY[1],
    ]
    cluster = Cluster.build(_sentences(reported_twice), DEFAULT_SUPPORT_THRESHOLD)
    scores = np.array([1.0, 0.9, 0.85, 0.1, 0.7])
    assert fill_budget(cluster, scores, 75, "within", relevance_weight=relevance_weight)[:2] == [0, 1]


def _support(a: str, b: str) -> bool:
    """Whether the first sentence of one invented article supports the other's (and the cosine alone would)."""
    cluster = Cluster.build(_sentences([[a], [b]]), DEFAULT_SUPPORT_THRESHOLD)
    assert cluster.similarity[0, 1] >= DEFAULT_SUPPORT_THRESHOLD
    return bool(cluster.supports[0, 1])


@pytest.mark.parametrize(
    ("a", "b"),
    [
        (  # a different count of the same people
            "A fire at a warehouse in Riverton killed 12 people on Monday, police said.",
            "A fire at a warehouse in Riverton killed 15 people on Monday, police said.",
        ),
        (  # another time of day
            "The fire broke out shortly after 3 a.m. in the storage area of the building and burned for six hours.",
            "The fire broke out around 5 a.m. in the storage area of the building and burned for six hours.",
        ),
        (  # another vote tally (and sum of money)
            "The city council of Riverton voted 7-2 on Tuesday to approve a $40 million bridge over the Elm River.",
            "Riverton's city council approved a new bridge over the Elm River on Tuesday in an 8-1 vote.",
        ),
    ],
)
def test_support_is_not_given_by_a_sentence_stating_another_value(a: str, b: str) -> None:
    assert not _support(a, b)


def test_support_allows_for_rounding_and_hedges() -> None:
    assert _support(
        "A fire at a warehouse in Riverton killed 12 people shortly after 3 a.m. on Monday, police said.",
        "A fire at a warehouse in Riverton killed about a dozen, roughly 12 people, at 3:15 a.m. on Monday.",
    )


def test_support_of_a_quotation_needs_its_quoted_words() -> None:
    quotation = '"It is a historic day for Riverton," Mayor Jane Porter said after the vote.'
    account = "The council of Riverton voted on Tuesday to approve the new bridge, Mayor Jane Porter said."
    assert not _support(quotation, account)  # the event, not the words
    assert _support(quotation, 'Mayor Jane Porter called the vote "a historic day for Riverton."')
    # Another outlet quoting more of the same words: the shorter quotation's words are all in the longer.
    assert _support(quotation, '"It is a historic day for Riverton, a day we waited decades for," Jane Porter said.')
    # A sentence that repeats a piece of the quotation supports it: its words are all quoted words.
    long_quote = (
        '"It is a historic day for Riverton, and the new bridge will join our two halves at last after decades of'
        ' waiting," Porter said.'
    )
    assert _support(long_quote, "It is a historic day for Riverton, the new bridge.")


def test_supporters_of_a_sentence_are_its_row_of_the_whole_matrix() -> None:
    # `supporters` checks only its sentence's close pairs until the matrix is made: the same answer either way, a
    # pair stating another value left out
    articles = [
        ["A fire at a warehouse in Riverton killed 12 people on Monday, police said.", "The mayor visited the site."],
        ["A fire at a warehouse in Riverton killed 15 people on Monday, police said.", "Schools stayed open."],
        ["Police said a fire at a warehouse in Riverton killed 12 people on Monday.", "The mayor visited the site."],
    ]
    alone = Cluster.build(_sentences(articles), DEFAULT_SUPPORT_THRESHOLD)
    whole = Cluster.build(_sentences(articles), DEFAULT_SUPPORT_THRESHOLD)
    assert whole.supports.shape == (6, 6)
    assert [j for j, _ in alone.supporters(0)] == [4]  # not 2: 15 people
    assert "supports" not in alone.__dict__
    for i in range(6):
        assert alone.supporters(i) == whole.supporters(i)
