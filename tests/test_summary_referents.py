"""Whom a summary sentence's pronoun subject means (`analyze.summary_referents`), and how the renderers show it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import storyline
from storyline.analyze import analyze
from storyline.analyze.entities import EntityAnalysis
from storyline.analyze.mentions import Mention, name_key
from storyline.analyze.speakers import ClusterPeople
from storyline.analyze.summary_referents import pronoun_referents
from storyline.models import Article, Brief, BriefOptions, Entity, Span, SummarySentence
from storyline.render import RENDERERS
from storyline.render.citations import summary_text

pytestmark = pytest.mark.slow  # every test here runs spaCy NER


def _referents(body: str, picked: list[str]) -> list[str | None]:
    """`refers_to` of each of the `picked` sentences of `body`, as a summary of them in that order."""
    article = Article(id="a1", source="a1", raw=body, text=body, body=body)
    summary = [
        SummarySentence(text=t, source=Span(article="a1", start=body.index(t), end=body.index(t) + len(t)))
        for t in picked
    ]
    return [s.refers_to for s in analyze([article], summary=summary).summary]


LOWE = (
    "The city council voted on Monday to close the old river bridge for a year. "
    "Ann Lowe, a nurse in Denver, lost her job at the county hospital in May. "
    "She had worked there for twenty years. "
    "Later she opened a bakery across from the bridge."
)


def test_a_pronoun_subject_means_the_one_person_the_sentence_before_names() -> None:
    assert _referents(LOWE, ["The city council voted", "She had worked there for twenty years."]) == [
        None,
        "Ann Lowe",
    ]


def test_a_pronoun_subject_after_a_sentence_going_on_about_the_person_means_that_person() -> None:
    # the sentence before names nobody; its own "She" goes on about Ann Lowe
    assert _referents(LOWE, ["Later she opened a bakery across from the bridge."]) == ["Ann Lowe"]


def test_a_pronoun_subject_whose_sentence_before_is_picked_right_before_needs_nothing() -> None:
    picked = ["Ann Lowe, a nurse in Denver, lost her job at the county hospital in May.", _sentence(LOWE, "She had")]
    assert _referents(LOWE, picked) == [None, None]


def _sentence(body: str, opening: str) -> str:
    start = body.index(opening)
    return body[start : body.index(".", start) + 1]


def test_two_people_of_the_pronouns_gender_before_it_leave_it_unresolved() -> None:
    body = (
        "Senator Tom Hale met Governor Mark Ruiz in Denver on Monday to talk about the bridge. "
        "After the meeting, he promised to pay for the repairs."
    )
    assert _referents(body, [_sentence(body, "After the meeting")]) == [None]


def test_an_unnamed_person_in_the_sentence_before_leaves_the_pronoun_unresolved() -> None:
    # the one name is hers; "He" is the repairman (Multi-News validation, val-1397)
    body = (
        "The elevator fell eight stories on Monday. A repairman heard Ann Lowe's screams and rushed to her rescue. "
        "He pulled her from the shaft first."
    )
    assert _referents(body, [_sentence(body, "He pulled")]) == [None]


def test_a_description_opening_the_sentence_before_leaves_the_pronoun_unresolved() -> None:
    # "suspect" says no gender: "He" may be the suspect as well as the one person named
    body = (
        "The suspect was taken to jail after Tom Brill identified the car on Monday. "
        "He said he had seen it outside the bank."
    )
    assert _referents(body, [_sentence(body, "He said")]) == [None]


def _referent_tagged(body: str, written: list[str], name: str, opening: str) -> str | None:
    """`refers_to` of the sentence of `body` opening with `opening`, shown alone, as if NER found one person, `name`,
    written as each of `written` in reading order."""
    mentions, at = [], 0
    for text in written:
        at = body.index(text, at)
        mentions.append(Mention("a1", at, at + len(text), text, "PERSON", name))
        at += len(text)
    person = Entity(name=name, type="PERSON", mentions=len(written), articles={"a1": len(written)})
    entities = EntityAnalysis((person,), tuple(mentions), {name_key(name): name})
    article = Article(id="a1", source="a1", raw=body, text=body, body=body)
    picked = _sentence(body, opening)
    at = body.index(picked)
    summary = [SummarySentence(text=picked, source=Span(article="a1", start=at, end=at + len(picked)))]
    (found,) = pronoun_referents(summary, [article], entities, ClusterPeople.of(entities, {"a1": body}), ())
    return found.refers_to


def test_a_person_last_written_inside_a_firms_name_is_left_unresolved() -> None:
    # NER merged the firm "Charles M. Schulz Creative Associates" into the person: a reader sees a firm there
    schulz = "Charles M. Schulz"
    body = (
        "Charles M. Schulz drew Peanuts for fifty years. Charles M. Schulz Creative Associates lent the museum his "
        "drawings in May. He had kept them in a barn."
    )
    assert _referent_tagged(body, [schulz, f"{schulz} Creative Associates"], schulz, "He had kept") is None
    body = body.replace(" Creative Associates", "")  # his name as it ends: he
    assert _referent_tagged(body, [schulz, schulz], schulz, "He had kept") == schulz


def test_a_pronoun_inside_a_quotation_is_left_unresolved() -> None:
    # a speaker's "he" is someone the speaker talks about, never the speaker
    body = (
        "The police found the car on Monday. Tom Brill said on Tuesday: "
        '"I saw the driver of the car at once. He was not crying, and he did not look upset."'
    )
    assert _referents(body, [_sentence(body, "He was not")]) == [None]


def test_they_for_a_named_organisation_is_left_unresolved() -> None:
    body = "Acme Foods recalled 40,000 jars of peanut butter on Monday. They said the lids could break in transport."
    assert _referents(body, [_sentence(body, "They said")]) == [None]


def test_the_seed_briefs_he_names_trump_in_every_renderer(seed_brief: Brief) -> None:
    (hanoi,) = [s for s in seed_brief.summary if s.text.startswith("But in Hanoi, he")]
    assert hanoi.refers_to == "Donald Trump"
    body = seed_brief.article(hanoi.source.article).body
    assert hanoi.text == body[hanoi.source.start : hanoi.source.end]  # the source span, unchanged
    assert hanoi.refers_to_pronoun is not None
    assert body[hanoi.refers_to_pronoun.start : hanoi.refers_to_pronoun.end] == "he"
    shown = "But in Hanoi, he [Donald Trump] abruptly walked away from the table."
    assert summary_text(hanoi) == shown
    assert shown in RENDERERS["terminal"](seed_brief)
    assert r"he \[Donald Trump\] abruptly" in RENDERERS["md"](seed_brief)
    assert shown in RENDERERS["html"](seed_brief)
    (as_json,) = [s for s in json.loads(RENDERERS["json"](seed_brief))["summary"] if s["text"] == hanoi.text]
    assert as_json["refers_to"] == "Donald Trump"


def test_without_analysis_no_pronoun_is_resolved(examples_dir: Path) -> None:
    brief = storyline.brief([examples_dir], options=BriefOptions(analysis=False))
    assert any(s.text.startswith("But in Hanoi, he") for s in brief.summary)
    assert all(s.refers_to is None and s.refers_to_pronoun is None for s in brief.summary)
