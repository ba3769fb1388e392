"""Sentence rules for page text inside story paragraphs (`storyline.furniture.sentences`), and selection's use of
them. The page text is invented in the shapes found in raw Multi-News; the story sentences are ones that share
the rules' words and must stay candidates."""

from __future__ import annotations

import numpy as np
import pytest

from storyline.furniture.sentences import SENTENCE_RULES, classify_sentence
from storyline.models import Sentence
from storyline.represent import DEFAULT_SUPPORT_THRESHOLD, Cluster
from storyline.select import MMR_LAMBDA, STRATEGY_NAMES, fill_budget, select_sentences

PAGE_TEXT = [
    ("The video shown here explains the disorder and can be shared with friends and teachers.", "page_pointer"),
    ("Below is a short explanation of the disorder that is often enough to share with neighbours.", "page_pointer"),
    ("Below is the full text of the governor's letter:", "page_pointer"),
    ("More on her plans for the new season after the jump!", "page_pointer"),
    ("To learn more, click here.", "page_pointer"),
    ("Watch the reporter's full story in the video above.", "page_pointer"),
    ('Shop or log into your account to "Skip the Month" by the 5th and you won\'t be charged.', "membership_terms"),
    ("Your card will be charged $39.95 on the 6th of each month until you cancel.", "membership_terms"),
    ("Get started by logging in or try a 30-day free trial of the premium plan.", "membership_terms"),
    ("Sign up today for a 30 day free trial of unlimited digital access.", "membership_terms"),
    ("Please reach out directly if you have any questions, thank you for your support.", "contact_prompt"),
    ("If you have any questions, feel free to contact us.", "contact_prompt"),
    ("Follow us on Twitter for even more live coverage of this, ahem, momentous event.", "social_prompt"),
    ("Email him at will.oremus@slate.com or follow him on twitter.", "social_prompt"),
    ("Become a fan on Facebook, follow us on Twitter at @AMNH, and on Tumblr at amnhnyc.", "social_prompt"),
]
"""Page text each rule names, in the shapes found in raw Multi-News."""


@pytest.mark.parametrize(("sentence", "rule"), PAGE_TEXT)
def test_sentence_rules_name_page_text(sentence: str, rule: str) -> None:
    assert classify_sentence(sentence) == rule


STORY_SENTENCES = [
    # a pointer going on into the statement it points at
    "Below is the full statement: the sheriff's office today confirms that the boy's remains have been found.",
    "Below most volcanoes, Earth packs some serious deep heat.",
    # a story sentence that mentions a video, too long to be a pointer
    "These animals can change the colour, shape and texture of their skin at a whim, as the rock in the video "
    "above shows when it suddenly turns out to be an octopus hiding on the sea floor.",
    "Surveillance video from a restaurant appears to show a hit-and-run minutes before the shooting.",
    "The airline cancelled more than 1,000 flights and told travellers to check their accounts for refunds.",
    "The company said customers who cancel their plans will be charged a fee of $25.",
    "The streaming service ended its free trial in the United States in May.",
    "Millions of customers sign up for the service's free trial each year, and many forget to cancel.",
    "Readers can still log into their accounts to read the archive, the paper said.",
    "The family said they would thank everyone for their support at a memorial on Sunday.",
    # a long sentence quoting an official's invitation to questions
    '"If you have any questions about the safety of the water in your home, call the city hotline right away '
    'and we will send someone out," the mayor said on Tuesday.',
    # following someone as news, and a story sentence a truncated page glued after the prompt
    "More than 50 million people follow him on Twitter, where he announced the tariffs.",
    "Follow ynetnews on facebook and twitter the document is one of several released ahead of an event.",
]
"""Story sentences that share the rules' words."""


@pytest.mark.parametrize("sentence", STORY_SENTENCES)
def test_sentence_rules_keep_story_sentences(sentence: str) -> None:
    assert classify_sentence(sentence) is None


@pytest.mark.parametrize("sentence", [sentence for sentence, _ in PAGE_TEXT] + STORY_SENTENCES)
def test_sentence_rules_cue_words_only_spare_work(sentence: str) -> None:
    # `classify_sentence` looks for a cue word before it runs the rules: it must never change a rule's verdict
    by_rules = next((name for name, rule in SENTENCE_RULES.items() if rule(sentence.strip())), None)
    assert classify_sentence(sentence) == by_rules


@pytest.mark.parametrize("relevance_weight", [1.0, MMR_LAMBDA])
def test_fill_budget_passes_over_page_text_however_it_scores(relevance_weight: float) -> None:
    # λ = 1 fills from a heap, other λ by MMR: both look at page text only when it comes out best
    texts = ["To learn more about the bridge, click here.", "Officials closed the bridge on Monday after it cracked."]
    sentences = [Sentence("a1", n, 100 * n, 100 * n + len(t), t) for n, t in enumerate(texts)]
    cluster = Cluster.build(sentences, DEFAULT_SUPPORT_THRESHOLD)
    for fill in ("within", "overflow"):
        assert fill_budget(cluster, np.array([1.0, 0.5]), 100, fill, relevance_weight=relevance_weight) == [1]
        assert fill_budget(cluster, np.array([1.0, 0.0]), 100, fill, relevance_weight=relevance_weight) == []


@pytest.mark.parametrize("strategy", STRATEGY_NAMES)
def test_select_never_picks_page_text_even_with_room_to_spare(strategy: str) -> None:
    # The pointer repeats the story's words, so every scorer would rate it; only its weight of 0 keeps it out.
    texts = [
        "The harbour bridge will close for six months while engineers replace its corroded cables.",
        "The video shown here explains why the harbour bridge will close for six months.",
        "Extra ferries will run every ten minutes while the harbour bridge is closed.",
    ]
    offsets = np.cumsum([0] + [len(t) + 1 for t in texts])
    sentences = [Sentence("a1", n, int(offsets[n]), int(offsets[n]) + len(t), t) for n, t in enumerate(texts)]
    picks = select_sentences(sentences, words=200, strategy=strategy)
    assert picks
    assert all("video" not in p.sentence.text for p in picks)
