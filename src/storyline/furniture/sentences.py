"""Sentence rules for page text that sits inside a paragraph of the story, where the line rules cannot act without
dropping the paragraph: a page pointing at its own player or layout, a shop's membership terms, a site's invitation
to ask it questions. Each rule judges one sentence; selection weighs a sentence any rule
matches to 0, so a brief never picks it, while analysis (quotes, entities, timeline) still reads it.

Written against the picks of the default brief on the even raw Multi-News validation clusters, and checked by
reading every sentence each rule matches in all 250 raw and the first 2,000 truncated clusters (docs/quality.md).
"""

from __future__ import annotations

from collections.abc import Callable

from storyline.furniture.shared import count_words, pattern
from storyline.literals import may_contain

SentenceRule = Callable[[str], bool]
"""A sentence rule: whether one sentence (stripped) is page text of its kind."""

MAX_POINTER_WORDS = 25
"""A pointer in a longer sentence is most often a story sentence that mentions a video ('… just watch the rock in
the video above suddenly reveal its true nature'), or several sentences the splitter could not part (truncated
Multi-News is lower-cased: '( to see survey question wording, click here. ) sixty percent …')."""
MAX_CONTACT_WORDS = 20
"""The prompts the rule was written for are short ('Please reach out directly if you have any questions, thank you
for your support.'); in a longer sentence the phrase is more likely part of the story ('… if you have any
questions about the vote, the mayor said')."""

_PAGE_POINTER = pattern(
    r"\b(?:the|this) video (?:shown |posted |embedded )?(?:here|above|below)\b"
    r"|^below is\b[^:]*:?$|\bafter the jump\b|\bclick (?:here|below|on the (?:image|link|video|photo))\b"
)
"""'Below is' only without a colon before more text: 'Below is the full statement: the sheriff's office …' goes on
into the statement itself."""
_MEMBERSHIP_TERMS = pattern(
    r"\blog ?(?:in)?(?:to| to) your account\b|\buntil you cancel\b|\byou won'?t be charged\b"
    r"|\b(?:try|start) (?:a|your) (?:\d+[- ]day )?free trial\b"
    r"|\bsign up (?:\w+ ){0,2}for (?:a|your) (?:[\w-]+ ){0,3}free trial\b"
)
"""A trial only as an offer ('try a 30-day free trial', 'Sign up today for a free trial'): 'The service ended its
free trial in May' and 'Millions sign up for the service's free trial' are news."""
_CONTACT_PROMPT = pattern(r"\bif you have any (?:questions|concerns)\b")
_SOCIAL_PROMPT = pattern(
    r"(?:^|[,;()]\s*|\b(?:or|and)\s+)follow (?:us|him|her|me|them|@?\w+) on (?:twitter|facebook|instagram)\b"
    r"(?=\s*(?:$|[.,;:!)]|(?:for|at|or|to|and on)\b))"
)
"""Only as an invitation ('Follow us on Twitter for …', '… or follow him on Twitter.'): 'More than 50 million people
follow him on Twitter' is news, and so is what a truncated page glued after the prompt ('follow ynetnews on facebook
and twitter the document is one of …')."""


def page_pointer(s: str) -> bool:
    """The page talking about its own player or layout, in a sentence of at most `MAX_POINTER_WORDS` words: 'The
    video shown here explains …', 'Below is a quick explanation …', 'Details … after the jump!', 'To learn more,
    click here.'"""
    return count_words(s) <= MAX_POINTER_WORDS and bool(_PAGE_POINTER.search(s))


def membership_terms(s: str) -> bool:
    """A shop's or a paywall's terms: 'Shop or log into your account to …', '… until you cancel', 'try a 30-day
    free trial'."""
    return bool(_MEMBERSHIP_TERMS.search(s))


def contact_prompt(s: str) -> bool:
    """A site or fundraiser inviting its readers' questions, in a sentence of at most `MAX_CONTACT_WORDS` words:
    'Please reach out directly if you have any questions, thank you for your support.'"""
    return count_words(s) <= MAX_CONTACT_WORDS and bool(_CONTACT_PROMPT.search(s))


def social_prompt(s: str) -> bool:
    """A page inviting its readers to follow it or its writer: 'Follow us on Twitter for even more live coverage of
    this, ahem, momentous event.', 'Email him at … or follow him on Twitter.'"""
    return bool(_SOCIAL_PROMPT.search(s))


SENTENCE_RULES: dict[str, SentenceRule] = {
    "page_pointer": page_pointer,
    "membership_terms": membership_terms,
    "contact_prompt": contact_prompt,
    "social_prompt": social_prompt,
}
"""Every sentence rule by name, in the order they are tried."""


_CUE_WORDS = (
    "video",
    "below is",
    "the jump",
    "click",
    "your account",
    "until you cancel",
    "be charged",
    "free trial",
    "any questions",
    "any concerns",
    "follow",
)
"""Words every match of the rules' patterns holds, and few story sentences do: selection asks about every sentence
of a story, and `may_contain` rules out all but ~2% of them (Multi-News) for a fraction of what the patterns cost."""


def classify_sentence(sentence: str) -> str | None:
    """The name of the first sentence rule that calls `sentence` page text, or None for a story sentence."""
    if not may_contain(sentence, _CUE_WORDS):
        return None
    stripped = sentence.strip()
    for name, predicate in SENTENCE_RULES.items():
        if predicate(stripped):
            return name
    return None
