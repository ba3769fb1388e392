"""Sentence rules for page text inside story paragraphs (`storyline.furniture.sentences`), and selection's use of
them. The page text is invented in the shapes found in raw Multi-News; the story sentences are ones that share
the rules' words and must stay candidates."""

from __future__ import annotations

import numpy as np
import pytest

from storyline.furniture import sentences
from storyline.furniture.sentences import SENTENCE_RULES, classify_sentence, page_text_cues
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
    (
        "Activist Jane Roe (L) is greeted by supporters after her release from prison in Riga, March 3, 2016.",
        "dated_caption",
    ),
    (
        "Soldiers patrol outside the railway station as part of a security plan in Lyon, October 9, 2017.",
        "dated_caption",
    ),
    ("This image show the skull of a Bronze Age farmer found near the river.", "photo_caption"),
    ("(Associated Press) This undated photo provided by the sheriff's office shows the suspect.", "photo_caption"),
    # plural, which a cue word of noun and verb together ("photo provided") had kept from the rule
    ("This combination of booking photos provided by the county sheriff's office shows the men.", "photo_caption"),
    ("41:112–118, 2016. © 2016 Example Journals, Inc.", "copyright_notice"),
    ("Copyright 2017 KXYZ", "copyright_notice"),
    ("For more on the singer's chart history, head over to the magazine's site.", "link_pointer"),
    ("For more about sleep apnea, visit the National Institutes of Health.", "link_pointer"),
    ("The tablet's full specifications can be found in our earlier hands-on post.", "link_pointer"),
    ("WXYZ's Jane Roe has the latest on the investigation.", "broadcast_handoff"),
    ("Produced by Jane Roe, John Doe, Richard Miles.", "credit_list"),
    ("Starring Jane Roe and John Doe.", "credit_list"),
    ("I have talked with the family's lawyer and have their blessing for starting this GoFundMe.", "fundraiser_page"),
    ("Every dollar we raise on our Go Fund Me goes straight to the family.", "fundraiser_page"),
    (
        "Following are excerpts from the ruling by a three-judge federal panel in the lawsuit over the census:",
        "document_introduction",
    ),
    (
        "Following is the text of the first two sections of the act, as passed by Congress in 1890.",
        "document_introduction",
    ),
]
"""Page text each rule names, in the shapes found in raw Multi-News."""


@pytest.mark.parametrize(("sentence", "rule"), PAGE_TEXT)
def test_sentence_rules_name_page_text(sentence: str, rule: str) -> None:
    assert classify_sentence(sentence) == rule


STORY_SENTENCES = [
    # an introduction going on into the document's own words, and "following" as a preposition
    'Below is the text of the post: "the destruction of these monuments is both heinous and cowardly," it said.',
    "Following the ruling, the panel said the census could not use sampling to apportion House seats.",
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
    # a date after a weekday is the story's own; a photo the story describes; a long sentence naming a copyright
    "Students will return on Monday to the school where a boy was fatally stabbed on Wednesday, Sept. 4, 2013.",
    "A photo released by school officials showed the boy in a hospital bed with a stuffed rabbit on his lap.",
    "The publisher, which claims copyright 2014 for the translation of the diaries, said on Monday it would appeal "
    "the ruling that lets scholars quote from them freely in their own books and articles.",
    # "for more" as a length of time, a possession that is no hand-off, a credit that goes on into a sentence
    "For more than a decade, visitors have come to see the caves at dawn.",
    "Apple's Tim Cook has more than $500 million in company stock.",
    "The mayor's office has the details of the plan under review.",
    "Directed by Jane Roe, the remake opens in theaters on Friday.",
    # a story citing a fundraiser, and a relative quoted on it
    "The family's GoFundMe page said the money would pay for the funeral and for counseling.",
    '"We started the GoFundMe because we had nowhere else to turn," her sister said.',
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
    # a cued sentence is searched only by the rules whose own words it holds: that must not change a verdict either
    assert classify_sentence(sentence, cued=True) == by_rules


@pytest.mark.parametrize(
    "sentence",
    [
        "NBC10's George Spencer has the latest on the investigation.",
        "NBC10’s George Spencer had a report on the fire.",
        "Apple's Tim Cook has more than $500 million in stock.",
        "(Associated Press) This undated photo provided by the aquarium shows a shark.",
        "THIS IMAGE SHOWS the mummy.",
        "The photo shows the mummy.",
        "Directed by Fede Alvarez.",
        "Starring Ann Lee, Bob Ray.",
        "Written and directed by Ann Lee.",
        "Directed by Fede Alvarez, the remake opens Friday.",
    ],
)
def test_anchored_rules_pre_tests_only_spare_work(sentence: str) -> None:
    # each rule looks for what every match of its pattern holds before it runs the pattern
    for rule, found in (
        (sentences.broadcast_handoff, sentences._HANDOFF),
        (sentences.photo_caption, sentences._PHOTO_CAPTION),
        (sentences.credit_list, sentences._CREDIT_LIST),
    ):
        assert rule(sentence) == bool(found.search(sentence)), (rule.__name__, sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "Follow us on Twitter for more live coverage.",  # another rule's cue word ("for more") first
        "FOLLOW US ON FACEBOOK.",
        "For more, visit our site. \u017fome text",  # ſ: every rule searches
        "© 2015 Wiley Periodicals, Inc.",
        "Click here to watch the video above and follow us on Twitter.",
    ],
)
def test_sentence_rules_own_cue_words_give_each_rule_its_verdict(sentence: str) -> None:
    by_rules = next((name for name, rule in SENTENCE_RULES.items() if rule(sentence.strip())), None)
    assert by_rules is not None
    assert classify_sentence(sentence, cued=True) == by_rules


def test_page_text_cues_give_classify_sentence_its_verdicts() -> None:
    sentences = [sentence for sentence, _ in PAGE_TEXT] + STORY_SENTENCES
    for sentence, cued in zip(sentences, page_text_cues(sentences).tolist(), strict=True):
        assert classify_sentence(sentence, cued=cued) == classify_sentence(sentence), sentence


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
