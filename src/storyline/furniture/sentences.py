"""Sentence rules for page text that sits inside a paragraph of the story, where the line rules cannot act without
dropping the paragraph: a page pointing at its own player or layout or at other pages, a shop's membership terms, a
site's invitation to ask it questions, photo captions, copyright notices, a broadcaster's hand-off to its video, a
review's credit list, a fundraiser's organiser writing to donors. Each rule judges one sentence; selection weighs a
sentence any rule matches to 0, so a brief never picks it, while analysis (quotes, entities, timeline) still reads it.

Written against the picks of the default brief on the even raw Multi-News validation clusters, and checked by
reading every sentence each rule matches in all 250 raw and the first 2,000 truncated clusters (the first 1,000 for
the caption, notice, pointer, hand-off, credit and fundraiser rules; docs/quality.md).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

import numpy as np

from storyline.furniture.shared import MONTH, count_words, pattern
from storyline.literals import may_contain, may_contain_each

SentenceRule = Callable[[str], bool]
"""A sentence rule: whether one sentence (stripped) is page text of its kind."""

MAX_POINTER_WORDS = 25
"""A pointer in a longer sentence is most often a story sentence that mentions a video ('… just watch the rock in
the video above suddenly reveal its true nature'), or several sentences the splitter could not part (truncated
Multi-News is lower-cased: '( to see survey question wording, click here. ) sixty percent …')."""
MAX_NOTICE_WORDS = 25
"""A copyright mark in a sentence of at most this many words is a notice ('28:551–556, 2015. © 2015 Wiley
Periodicals, Inc.', 'All rights reserved.'); in the first 1,000 truncated clusters the longer ones (45-60 words)
were a caption's credit glued to the story's first sentence ('Credit: © … the largest mass extinction …')."""
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

_DATED_CAPTION = pattern(r"(?<!day)(?<!day\.),\s*" + MONTH + r" \d{1,2},? \d{4}\.?$")
"""A caption's closing place and date, as agency captions end ('… after her release from prison in Budaiya, west of
Manama, February 16, 2014.'), but not after a weekday: 'Students return to the school where he was stabbed on
Wednesday, Sept. 3, 2013.' is the story's own way of giving a date."""
_CAPTION_NOUNS = ("photo", "image", "picture", "photograph")
_CAPTION_VERBS = ("show", "provided", "released", "taken", "made available", "obtained")
_CAPTION_OPENINGS = ("(", "t", "T")
_PHOTO_CAPTION = pattern(
    r"^(?:\([^()]{1,40}\)\s*)*this\s+(?:[\w.,'/-]+\s+){0,4}?(?:%s)s? (?:%s)s?\b"
    % ("|".join(_CAPTION_NOUNS), "|".join(_CAPTION_VERBS))
)
"""'This' at the head: 'A photo released by school officials showed the boy in a hospital bed' is the story telling
what a photo showed."""
_COPYRIGHT = pattern(r"©|\ball rights reserved\b|\(c\) \d{4}\b|\bcopyright (?:©|\(c\)|\d{4})")
_LINK_POINTER = pattern(
    r"^\(?for (?:more|further|additional|the latest|full)\b[^.]{0,80}?,\s*(?:please\s+)?"
    r"(?:visit|see|head (?:over )?to|go to|check out|read|click|log on to|follow)(?![\w-])"
    r"|\bcan be found (?:in|on|at) (?:our|my) (?:[\w-]+ ){0,2}(?:post|article|story|review|page|site)\b"
)
"""The pointer is the sentence's head, its verb right after a comma: 'For more than a decade, visitors have come to
see …' is news."""
_HANDOFF_NEWS = ("the latest", "the details", "details", "the story", "an update", "a report")
_HANDOFF_PHRASES = tuple(f"{verb} {what}" for verb in ("has", "had") for what in _HANDOFF_NEWS)
_HANDOFF = pattern(
    r"^(?:[\w.&'’-]+ ){0,3}[\w.&'’-]+['’]s (?:[A-Z][\w.'’-]+ ){1,3}(?:%s)\b[^.]{0,40}\.?$" % "|".join(_HANDOFF_PHRASES),
    0,
)
"""A broadcaster's hand-off to its reporter's video: 'NBC10's George Spencer has the latest on the investigation.'
Names in capitals (the pattern is case-sensitive), and 'has more' left out: 'Apple's Tim Cook has more than $500
million in stock.'"""
_CREDITS = ("Produced by ", "Directed by ", "Written by ", "Written and directed by ", "Executive produced by ")
_CREDITS += ("Narrated by ", "Starring ")
_CREDIT_LIST = pattern(
    r"^(?:%s)[A-Z][\w.'’-]*(?:(?:,| and|,? &) ?[A-Z][\w.'’-]*| [A-Z][\w.'’-]*)*\.?$" % "|".join(_CREDITS),
    0,
)
"""Names only after the credit, as a review's box lists them: 'Directed by Fede Alvarez, the remake opens Friday.'
goes on into a sentence."""
_FUNDRAISER = pattern(r"\b(?:this|the|our|my) (?:go ?fund ?me|gofundme)\b")
_FIRST_PERSON = pattern(
    r"(?<![\w'’])I(?:['’](?:m|ve|d|ll))?(?![\w'’])|\b(?i:we|we['’](?:re|ve|ll)|our|us|let['’]s)\b", 0
)
_QUOTATION_MARKS = ('"', "“", "”")


_DOCUMENT_INTRODUCTION = pattern(
    r"^(?:following|below) (?:are|is) (?:(?:some )?excerpts?|the (?:full |complete |edited )?(?:text|transcript)"
    r"|an? (?:edited )?transcript)\b[^\"“”]*$"
)
"""An editor's note before a document the page prints ('Following are excerpts from the decision by a three-judge
federal panel …:', 'Below is the full text of Eichmann's letter …'); not when the document's words follow in the
same sentence ('Below is the text of the post: "the destruction of …'), which are the story's."""


def document_introduction(s: str) -> bool:
    """An editor's note introducing a document the page prints below it (`_DOCUMENT_INTRODUCTION`). Over raw
    Multi-News validation, DUC 2003 and the first 2,000 truncated clusters it matches 4 sentences, all such notes."""
    return bool(_DOCUMENT_INTRODUCTION.search(s))


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


def dated_caption(s: str) -> bool:
    """A photo caption closing on its place and date: 'Bahraini activist Zainab al-Khawaja (L) is greeted by … in
    Budaiya, west of Manama, February 16, 2014.'"""
    # every match ends in a year: a cheap test first, standing in for cue words (a month's name is too common)
    return s.rstrip(".")[-4:].isdigit() and bool(_DATED_CAPTION.search(s))


def photo_caption(s: str) -> bool:
    """A caption that says what its photo shows or who released it: 'This image show the mummy of an ancient Egyptian
    man …', '(Associated Press) This undated photo provided by the aquarium shows …'"""
    # every match opens the sentence with a bracket or "this" (no other character matches t case-blind): a look at the
    # first character spares most sentences the pattern
    return s[:1] in _CAPTION_OPENINGS and bool(_PHOTO_CAPTION.search(s))


def copyright_notice(s: str) -> bool:
    """A copyright notice in a sentence of at most `MAX_NOTICE_WORDS` words: '© 2015 Wiley Periodicals, Inc.',
    'Copyright 2016 WFAA', 'All rights reserved.'"""
    return count_words(s) <= MAX_NOTICE_WORDS and bool(_COPYRIGHT.search(s))


def link_pointer(s: str) -> bool:
    """A page sending its reader elsewhere for more: 'For more coverage on …, please visit our friends at …', '… full
    details can be found in our original reveal post …'"""
    return bool(_LINK_POINTER.search(s))


def broadcast_handoff(s: str) -> bool:
    """A broadcaster handing over to its reporter's video: 'NBC10's George Spencer has the latest on the
    investigation.'"""
    # every match holds a possessive and "has " or "had ": a few scans of the sentence rule out most sentences for
    # about half what the pattern's backtracking over its first words costs (callgrind: ~4,000 instructions a sentence);
    # `in` rather than any(map(…)) over the words: 4,600 -> 2,200 instructions a sentence
    return ("has " in s or "had " in s) and ("'s " in s or "’s " in s) and bool(_HANDOFF.search(s))


def credit_list(s: str) -> bool:
    """A film's or video's credits as a review's box gives them: 'Produced by Rob Tapert, Sam Raimi, Bruce
    Campbell.', 'Directed by Fede Alvarez.'"""
    return s.startswith(_CREDITS) and bool(_CREDIT_LIST.search(s))


def fundraiser_page(s: str) -> bool:
    """A fundraising page's organiser writing to its donors, outside any quotation: 'I've spoken directly with the
    family attorney to get approval for starting this Go Fund Me.' A story citing the page speaks of it in the third
    person, and a relative's first person comes in quotation marks."""
    return (
        bool(_FUNDRAISER.search(s)) and bool(_FIRST_PERSON.search(s)) and not any(map(s.__contains__, _QUOTATION_MARKS))
    )


SENTENCE_RULES: dict[str, SentenceRule] = {
    "page_pointer": page_pointer,
    "membership_terms": membership_terms,
    "contact_prompt": contact_prompt,
    "social_prompt": social_prompt,
    "dated_caption": dated_caption,
    "photo_caption": photo_caption,
    "copyright_notice": copyright_notice,
    "link_pointer": link_pointer,
    "broadcast_handoff": broadcast_handoff,
    "credit_list": credit_list,
    "fundraiser_page": fundraiser_page,
    "document_introduction": document_introduction,
}
"""Every sentence rule by name, in the order they are tried."""


_RULE_CUES: dict[str, tuple[str, ...]] = {
    "page_pointer": ("video", "below is", "the jump", "click"),
    "membership_terms": ("your account", "until you cancel", "be charged", "free trial"),
    "contact_prompt": ("any questions", "any concerns"),
    "social_prompt": ("follow",),
    "copyright_notice": ("©", "rights reserved", "(c) ", "copyright"),
    "link_pointer": ("for more", "for further", "for additional", "for the latest", "for full", "be found"),
    "fundraiser_page": ("fund me", "fundme"),
}
"""Words every match of a cued rule's pattern holds, and few story sentences do: selection asks about each
candidate that comes out best, and `may_contain` of all of them (`_CUE_WORDS`) rules out ~97% of sentences for a
fraction of what the patterns cost. A sentence holding one is searched only by the rules whose own words it holds:
the case-blind searches cost 20,000-70,000 instructions each in such a sentence, a look for a rule's words a few
thousand (callgrind, the 151 cued candidates of 300 truncated clusters: the seven rules 57 M instructions, now 9 M
and 9 M for their words). Each word is one scan of the sentence, so the rules whose patterns are anchored at the
sentence's start (`_UNCUED`) are not cued: a failed match there costs less than the scans their words would add
(0.2-0.8 µs against about 1 µs)."""
_CUE_WORDS = tuple(word for words in _RULE_CUES.values() for word in words)
"""Every cued rule's words: a sentence holding none of them is judged by the `_UNCUED` rules alone."""
_UNCUED = tuple(
    (name, SENTENCE_RULES[name])
    for name in ("dated_caption", "photo_caption", "broadcast_handoff", "credit_list", "document_introduction")
)


def classify_sentence(sentence: str, *, cued: bool | None = None) -> str | None:
    """The name of the first sentence rule that calls `sentence` page text, or None for a story sentence.

    Args:
        sentence: The sentence to judge.
        cued: Its `page_text_cues` verdict, when the caller has it (selection finds them for a batch of stories
            at once); looked for here otherwise.
    """
    stripped = sentence.strip()
    if cued is None:
        cued = may_contain(sentence, _CUE_WORDS)
    if not cued:
        # loops, not next() over a generator: ~2,600 instructions less a call, and selection asks of most candidates
        for name, predicate in _UNCUED:
            if predicate(stripped):
                return name
        return None
    lowered = stripped.lower()
    for name, predicate in SENTENCE_RULES.items():
        if (name not in _RULE_CUES or may_contain(stripped, _RULE_CUES[name], lowered=lowered)) and predicate(stripped):
            return name
    return None


def page_text_cues(sentences: Sequence[str]) -> np.ndarray:
    """Whether each sentence holds a cue word, so that every rule must judge it (`classify_sentence`'s `cued`).
    Selection asks `classify_sentence` about ~70% of a truncated Multi-News cluster's sentences; looking for the words
    in all of a batch's sentences at once (`may_contain_each`) took 54 M instructions against 97 M candidate by
    candidate (callgrind, the sentences of 300 truncated clusters)."""
    return may_contain_each(sentences, _CUE_WORDS)
