import re

import numpy as np
import pytest

from storyline import form
from storyline.form import (
    QUESTION_WEIGHT,
    form_weight,
    is_quotation,
    needs_context,
    quoted_runs,
    refers_back,
    subject_pronoun,
)
from storyline.models import Sentence


def _sentence(text: str) -> Sentence:
    return Sentence(article_id="a1", position=0, start=0, end=len(text), text=text)


@pytest.mark.parametrize(
    ("text", "weight"),
    [
        ("Trump and Kim met in Hanoi on Wednesday for talks.", 1.0),
        ("Hanoi summit ends early", 0.0),  # a fragment: under six words
        ("Trump and Kim met in Hanoi for two days of talks", 0.5),  # no full stop: a headline or a cut line
        ('and the talks will go on," the official said after the summit.', 0.3),  # ends a quote opened earlier
        ("Will the two leaders meet again before the year is out?", QUESTION_WEIGHT),
        ('"Will the two leaders meet again before the year is out?"', QUESTION_WEIGHT),
        (" ".join(["word"] * 81) + ".", 0.0),  # over eighty words: a run-on list, not one fact
    ],
)
def test_form_weight_by_how_a_sentence_reads_alone(text: str, weight: float) -> None:
    assert form_weight([_sentence(text)]).tolist() == [weight]


def test_form_weight_takes_the_callers_word_counts() -> None:
    sentences = [_sentence("Trump and Kim met in Hanoi on Wednesday for talks.")]
    assert form_weight(sentences, n_words=np.array([3])).tolist() == [0.0]


@pytest.mark.parametrize(
    ("text", "needs"),
    [
        # a bare-pronoun speaker, in or out of quotation marks (Multi-News validation picks, 2026-11-28)
        ("“Hopefully, the Senate will act,” he told reporters yesterday.", True),
        ("“You want to know who my customer is?” he asked.", True),
        ('"Now we see evidence that the ice shell can mix vigorously," she said in a statement.', True),
        ('"It is over," said he.', True),
        ("He says before the shooting, his client was a victim of a hit-and-run involving his hummer.", True),
        ("She says the vote will go the way Nancy Pelosi wants.", True),  # a name, but a pronoun opens saying
        # a quotation or a piece of one that names no speaker
        ("“We depend on science in so many aspects of our lives.", True),
        ("“This is a very vital portion of the world and so it’s extremely important.”", True),
        ('I think it made a difference."', True),
        # the speaker named, or nobody quoted
        ("“This is a huge deal,” said David L. Evans, the executive director of the association.", False),
        ("“Certainly I asked her questions,” Sollecito said.", False),
        ('Ian Freer said: "Meryl Streep is the consummate film actress."', False),
        ('The "Anaconda" rapper co-owns bubbly moscato maker Myx Fusions.', False),
        ("He met Kim Jong Un in Hanoi and walked away from the table.", False),
        ("In May, she and Tom Hanks began filming the sequel in London.", False),
        ("It was not immediately clear who fired first.", False),
        ("Three people were stabbed and 12 people were arrested during a brawl on Saturday, police said.", False),
    ],
)
def test_needs_context_flags_quotes_of_a_pronoun_or_of_no_one(text: str, needs: bool) -> None:
    assert needs_context(text) is needs


@pytest.mark.parametrize(
    "text",
    [
        # a personal-pronoun subject that no name in the sentence settles (the seed brief and Multi-News validation)
        "But in Hanoi, he abruptly walked away from the table.",
        "He was arrested on Saturday and charged with second-degree murder.",
        "They had left from a base near Tripoli and had flown low over Libyan airspace to avoid detection.",
        "In May, she began receiving treatment for an abscess on her right hip.",
        "Two days later, they had an answer: Legionnaires’ disease, a virulent form of pneumonia.",
        "And they will bring economic and physical security to tens of millions of Americans.",
    ],
)
def test_needs_context_flags_a_pronoun_subject_that_the_sentence_does_not_name(text: str) -> None:
    assert needs_context(text)


@pytest.mark.parametrize(
    ("text", "leans"),
    [
        # a demonstrative or a bare quantity standing for what the sentence before said
        ("Half were then fed a slice of cake before the test.", True),
        ("This means the bridge will stay closed until spring.", True),
        ("That ruling was overturned by the appeals court in May.", True),
        ("But this presumably happens because the pumps were old.", True),
        ("These new figures suggest the drought is easing.", True),
        ("This process takes about three weeks.", True),
        ("That's why the council voted against the plan.", True),
        ("Most of them were sent home the same evening.", True),
        ("The rest are expected to arrive on Tuesday.", True),
        # a first person: a statement printed without quotation marks, or a writer's aside
        ("We sincerely apologize to the families for the error.", True),
        ("But I never aimed anything at her.", True),
        ("I’m not sure the plan could have worked without them.", True),
        ("Our greatest opportunities are now abroad.", True),
        ("we are fully funded for the first film.", True),  # truncated Multi-News is lower-cased
        # a transcript's speaker label: a turn that answers the one before
        ("MARSH: Well, we got some of the neighbours together.", True),
        ("ANNA COLE: And nobody knew where the road went.", True),
        # the same words opening a sentence that stands alone
        ("This week the mayor of Springfield opened a new library.", False),
        ("This Friday the council meets again to vote on the budget.", False),
        ("Those who lived near the river were moved to a school.", False),
        ("Those injured in the crash were taken to two hospitals.", False),
        ("Many small farms have closed since the tariff rose.", False),
        ("Some 200 people marched through the town on Sunday.", False),
        ("That said, the museum will reopen in March.", False),
        ("UPDATE: The road reopened on Friday afternoon.", False),
        ("I-95 was closed near Richmond for six hours.", False),
        ("Iowa voters went to the polls on Monday.", False),
        ("Mynah birds were found in the hold of the ship.", False),
        ("FARM TOWN: THE LAST HARVEST", False),
    ],
)
def test_refers_back_finds_subjects_and_turns_that_stand_on_the_sentence_before(text: str, leans: bool) -> None:
    assert refers_back(text) is leans
    assert needs_context(text) is leans


@pytest.mark.parametrize(
    ("text", "pronoun"),
    [
        ("But in Hanoi, he abruptly walked away from the table.", "he"),
        ("  They had left from a base near Tripoli.", "They"),  # the span counts the white space before
        ("He met Kim Jong Un in Hanoi.", None),  # the sentence names someone the pronoun may mean
        ("Hanoi was where he walked away.", None),  # not the main clause's subject
    ],
)
def test_subject_pronoun_is_where_the_pronoun_subject_stands(text: str, pronoun: str | None) -> None:
    span = subject_pronoun(text)
    assert (text[slice(*span)] if span else None) == pronoun


@pytest.mark.parametrize(
    "text",
    [
        "The senator said so.",
        "She SAYS so.",
        "Unsaid words_said nothing.",  # inside longer words: no attribution word
        "Ministers, according to aides, agreed.",
        "According\u00a0to aides, it passed.",  # a no-break space is no "according to"
        "Der Minister said_ nichts, sagt er über “said”.",
        "The minister ſaid so.",
    ],
)
def test_attribution_words_as_the_regular_expression_finds_them(text: str) -> None:
    words = re.findall(r"\w+", text.lower())
    expected = not form._ATTRIBUTION_WORDS.isdisjoint(words) or form._ACCORDING_TO.search(text) is not None
    assert form._attributed(text) is expected


@pytest.mark.parametrize(
    "text",
    [
        "In Hanoi, he walked away.",
        "But,  he left.",
        "Then\they said no.",
        "One two three four five six seven, she said.",  # seven words before the comma: the longest opening clause
        "One two three four five six seven eight, she said.",  # eight: no clause, no match
        "Butter, he said.",
        "Hence he left.",  # "he" inside a word
        'After the "vote", they left.',
        "Later, in the city of Hue, she wrote.",
    ],
)
def test_pronoun_subject_pattern_matches_as_its_backtracking_form(text: str) -> None:
    backtracking = re.compile(form._PRONOUN_SUBJECT.pattern.replace("++", "+"), re.IGNORECASE)
    found, expected = form._PRONOUN_SUBJECT.match(text), backtracking.match(text)
    assert (found and found.span()) == (expected and expected.span())


@pytest.mark.parametrize(
    ("text", "quotation"),
    [
        # someone's words make half the sentence or more (the seed articles, 2026-11-28)
        (
            "\"The Chinese saw him walk away from North Korea and they're concerned he will walk away from the China "
            'deal," the official said.',
            True,
        ),
        ("\u201cWe agreed to the denuclearization of North Korea.\u201d Trump added.", True),
        ("\u201cI\u2019m never afraid to walk from a deal,\u201d Trump said.", True),
        # a quotation running on into the next sentence, its closing mark not yet written
        ('"Kim had taken a hard line against Trump and failed.', True),
        # Multi-News' tokenized form
        ("`` we will not let the city wait another year , '' the mayor said .", True),
        # a few quoted words in the writer's account
        ('Trump said he was in "no rush whatsoever" on North Korean denuclearization, lowering expectations.', False),
        ('The "Anaconda" rapper co-owns bubbly moscato maker Myx Fusions.', False),
        ("Xi has held talks with Kim four times in the past year.", False),
    ],
)
def test_is_quotation_when_half_the_words_are_quoted(text: str, quotation: bool) -> None:
    assert is_quotation(text) is quotation


@pytest.mark.parametrize(
    "text",
    [
        "He walked away.",
        "But he walked away.",
        "Still,  they stayed.",
        "In Hanoi,\u00a0she left.",
        "One two three four five six seven, he said.",
        "ſhe left early.",
        "Yet\tthey won.",
        "The mayor, who spoke, they say, was late.",
        "Then the president left.",
    ],
)
def test_subject_pronoun_pre_tests_keep_every_match(text: str) -> None:
    # the two cheap patterns only spare the subject pattern its work: wherever it matches, one of them does
    stripped = text.lstrip()
    if form._PRONOUN_SUBJECT.match(stripped):
        assert form._PRONOUN_FIRST.match(stripped) or form._PRONOUN_AFTER_COMMA.search(stripped)


def test_quoted_runs_are_a_sentences_quoted_passages() -> None:
    passages = quoted_runs('"It is a historic day," Porter said, "for all of us."')
    assert passages == ["It is a historic day,", "for all of us."]
    assert quoted_runs("The council voted 7-2.") == []
