"""What each outlet alone reports, and which outlets report each summary sentence."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import storyline
from storyline.analyze.coverage import MATCH_SIMILARITY, find_coverage
from storyline.models import Article, Brief, BriefOptions, Coverage, Span, SummarySentence
from storyline.render import RENDERERS
from storyline.render.markdown import render_markdown
from storyline.render.terminal import render_terminal
from storyline.represent import DEFAULT_SUPPORT_THRESHOLD, Cluster
from storyline.segment import segment

SHARED = "The Harbor Bridge will close for repairs on Monday, the transport agency said."
PARAPHRASE = "The transport agency said the Harbor Bridge will close on Monday for repairs."
EXCLUSIVE = "Engineers found cracks in two steel cables during a routine inspection last month."
FRAGMENT = "Photo: agency handout"
CONTINUATION = 'It will take weeks," the engineer added.'
OTHER = "Ferry operators expect twice the usual number of passengers while the crossing is shut."


def coverage_of(*bodies: str, summarised: str | None = None) -> tuple[Coverage, list[Article]]:
    """Coverage of articles a1, a2, … with these bodies; `summarised`, a sentence of a1, as the brief's summary."""
    articles = [Article(id=f"a{n}", source=f"text {n}", raw=b, text=b, body=b) for n, b in enumerate(bodies, 1)]
    sentences = [s for article in articles for s in segment(article)]
    summary = []
    if summarised is not None:
        start = bodies[0].index(summarised)
        summary = [
            SummarySentence(text=summarised, source=Span(article="a1", start=start, end=start + len(summarised)))
        ]
    return find_coverage(Cluster.build(sentences, DEFAULT_SUPPORT_THRESHOLD), summary), articles


def test_coverage_lists_only_what_no_other_article_says() -> None:
    coverage, articles = coverage_of(f"{SHARED}\n{EXCLUSIVE}\n{FRAGMENT}\n{CONTINUATION}", f"{PARAPHRASE}\n{OTHER}")
    first, second = coverage.articles
    assert [f.text for f in first.unique] == [EXCLUSIVE]  # the shared fact, the caption and the quote tail are not
    assert (first.n_sentences, first.n_unique) == (2, 1)
    assert [f.text for f in second.unique] == [OTHER]
    fact = first.unique[0]
    assert articles[0].body[fact.span.start : fact.span.end] == EXCLUSIVE


@pytest.mark.parametrize(
    "furniture",
    [
        "Inspectors are also checking whether the other bridges across the river...",
        "Just enter your email address in the form below to get our weekly bridge newsletter.",
        "Please keep sharing your photos of the Harbor Bridge works on this dedicated page.",
        "The agency's website, harborbridgeworks.org, carries daily updates on the closure.",
        "Dover and Calais carry the most lorries ( and , respectively), and and carried the fewest.",
        "Drivers will pay the most in the following towns in the county.",
        "Inspectors measured the cable strain after a 6-h [Method (Meth.",
        "The video shown here explains how the bridge cables are tensioned and inspected.",
        "The new cable design's full details can be found in our original reveal post.",
        '"The bridge was our lifeline for years and it carried the whole town….',  # its speaker comes later
        "For more about the ferry timetable, see this guide by the county roads office.",
    ],
)
def test_coverage_skips_teasers_and_the_page_talking_to_its_reader(furniture: str) -> None:
    coverage, _ = coverage_of(f"{SHARED}\n{furniture}\n{EXCLUSIVE}", PARAPHRASE)
    assert [f.text for f in coverage.articles[0].unique] == [EXCLUSIVE]
    assert coverage.articles[0].n_sentences == 2


def test_coverage_counts_but_does_not_list_a_fact_that_leans_on_the_sentence_before() -> None:
    leaning = "He said the ferry timetable would double by the end of the week."
    coverage, _ = coverage_of(f"{SHARED}\n{EXCLUSIVE}\n{leaning}", PARAPHRASE)
    assert [f.text for f in coverage.articles[0].unique] == [EXCLUSIVE]
    assert coverage.articles[0].n_unique == 2


@pytest.mark.parametrize(
    "leaning",
    [
        "The pier has a staff of fifty.",  # too short to say much alone
        "And a ferry pilot spends two years learning the harbour currents.",
        "Also, the two harbour pilots could add extra evening crossings.",
        "On the other hand, the ferry market might have room for a night service.",
        "It said at the time that ferry fares would stay frozen until spring.",
        "That ferry, a forty-year-old catamaran, broke down twice in March.",
        "Much of that success came from a fuel subsidy paid by the island council.",
        "(This is not to be confused with the hovercraft that the council sold off.)",
        "Both inquiries have drawn scorn from the island's fishing cooperatives.",
        "Divers would then check each pier for corroded bolts and loose planks.",
        "Even before taking over the ferry company in Portsmouth, he had run three marinas.",
        "When the Island Council ended the ferry company's fuel subsidy last winter, she said, fares rose by a third.",
        "The harbour master said so himself last year when the island ferry broke down twice.",  # says what?
    ],
)
def test_coverage_does_not_list_a_fact_that_does_not_stand_alone(leaning: str) -> None:
    coverage, _ = coverage_of(f"{SHARED}\n{leaning}\n{EXCLUSIVE}", PARAPHRASE)
    assert [f.text for f in coverage.articles[0].unique] == [EXCLUSIVE]
    assert coverage.articles[0].n_unique == 2


def test_coverage_lists_a_fact_that_opens_with_a_time() -> None:
    fact = "This year, the ferry operator added four evening crossings to its timetable."
    coverage, _ = coverage_of(f"{SHARED}\n{fact}", PARAPHRASE)
    assert [f.text for f in coverage.articles[0].unique] == [fact]


def test_coverage_does_not_list_the_summary_again() -> None:
    pull_quote = "Engineers found cracks in two steel cables during a routine inspection last month, officials said."
    body = f"{SHARED}\n{EXCLUSIVE}\n{pull_quote}\n{OTHER}"
    coverage, _ = coverage_of(body, PARAPHRASE, summarised=EXCLUSIVE)
    assert [f.text for f in coverage.articles[0].unique] == [OTHER]  # nor its near-copy, the pull quote
    assert coverage.articles[0].n_unique == 3


def test_coverage_lists_a_repeated_sentence_once() -> None:
    pull_quote = "Engineers found cracks in two steel cables during a routine inspection last month, officials said."
    coverage, _ = coverage_of(f"{EXCLUSIVE}\n{SHARED}\n{pull_quote}", PARAPHRASE)
    assert [f.text for f in coverage.articles[0].unique] == [EXCLUSIVE]
    assert coverage.articles[0].n_unique == 2


def test_coverage_of_a_single_article_is_empty() -> None:
    coverage, _ = coverage_of(f"{SHARED}\n{EXCLUSIVE}")
    assert coverage == Coverage()


@pytest.mark.slow
def test_coverage_seeds_nikkei_alone_reports_the_cancelled_beijing_stop(seed_brief: Brief) -> None:
    nikkei = next(c for c in seed_brief.coverage.articles if seed_brief.article(c.article).outlet == "Nikkei Asia")
    top = nikkei.unique[0]
    assert top.text.startswith("The collapse of the Hanoi summit had erased the China stop from the itinerary")
    assert seed_brief.article(nikkei.article).body[top.span.start : top.span.end] == top.text
    assert 0 < nikkei.n_unique <= nikkei.n_sentences
    assert [u.salience for u in nikkei.unique] == sorted((u.salience for u in nikkei.unique), reverse=True)


@pytest.mark.slow
def test_coverage_unique_facts_have_no_close_match_elsewhere(seed_brief: Brief) -> None:
    articles = [
        Article(id=a.id, source=a.source, raw=a.body, text=a.body, body=a.body) for a in seed_brief.story.articles
    ]
    sentences = [s for article in articles for s in segment(article)]
    cluster = Cluster.build(sentences, DEFAULT_SUPPORT_THRESHOLD)
    index = {(s.article_id, s.start): i for i, s in enumerate(sentences)}
    for article in seed_brief.coverage.articles:
        for fact in article.unique:
            i = index[(fact.span.article, fact.span.start)]
            others = cluster.article_index != cluster.article_index[i]
            assert cluster.similarity[i, others].max() < MATCH_SIMILARITY, fact.text


@pytest.mark.slow
def test_coverage_matrix_agrees_with_citations(seed_brief: Brief) -> None:
    ids = [a.id for a in seed_brief.story.articles]
    assert [row.summary for row in seed_brief.coverage.matrix] == list(range(len(seed_brief.summary)))
    for row, sentence in zip(seed_brief.coverage.matrix, seed_brief.summary, strict=True):
        assert list(row.spans) == ids
        assert [a for a, span in row.spans.items() if span is not None] == sorted(sentence.cites, key=ids.index)
        source = row.spans[sentence.source.article]
        assert (source.start, source.end, source.similarity) == (sentence.source.start, sentence.source.end, 1.0)


@pytest.mark.slow
def test_coverage_rendered_and_in_json(seed_brief: Brief) -> None:
    assert "Only in one outlet" in render_terminal(seed_brief)
    assert "## Who reports what" in render_markdown(seed_brief)
    # two articles of one outlet: a fact one of them alone reports is its article's, not the outlet's alone
    infos = seed_brief.story.articles
    same_outlet = tuple(info.model_copy(update={"outlet": "Associated Press"}) for info in infos)
    wire = seed_brief.model_copy(update={"story": seed_brief.story.model_copy(update={"articles": same_outlet})})
    for view in (render_terminal(wire), render_markdown(wire), RENDERERS["html"](wire)):
        assert "Only in one article" in view and "Only in one outlet" not in view
    data = json.loads(seed_brief.model_dump_json())
    assert data["coverage"]["matrix"][0]["summary"] == 0


def test_coverage_and_conflicts_in_the_json_schema() -> None:
    schema = Brief.model_json_schema(mode="serialization")
    assert {"coverage", "conflicts"} <= set(schema["properties"])
    assert {"Coverage", "ArticleCoverage", "SummaryCoverage", "UniqueFact", "Conflict", "ConflictSide"} <= set(
        schema["$defs"]
    )


def test_coverage_not_computed_without_analysis(examples_dir: Path) -> None:
    brief = storyline.brief([examples_dir], options=BriefOptions(analysis=False))
    assert brief.coverage == Coverage()


def test_coverage_keeps_a_fact_about_the_following_day() -> None:
    fact = "The island ferries ran late again the following day."
    coverage, _ = coverage_of(f"{SHARED}\n{fact}", PARAPHRASE)
    assert [f.text for f in coverage.articles[0].unique] == [fact]
