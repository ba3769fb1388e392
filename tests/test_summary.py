from __future__ import annotations

from storyline.models import Article, Span, SummarySentence, SupportSpan
from storyline.summary import joined_quotations


def _summary(article: Article, texts: list[str], support: dict[str, list[SupportSpan]]) -> list[SummarySentence]:
    spans = [(article.body.index(t), article.body.index(t) + len(t)) for t in texts]
    return [
        SummarySentence(text=t, source=Span(article=article.id, start=a, end=b), support=tuple(support.get(t, ())))
        for t, (a, b) in zip(texts, spans, strict=True)
    ]


QUOTE_HALVES = (
    "The city council met on Tuesday.",
    '"We cannot keep the old river bridge open for another winter.',
    'The repairs would cost far more than a new span."',
)


def test_summary_halves_of_one_quotation_are_one_summary_sentence() -> None:
    body = " ".join(QUOTE_HALVES)
    article = Article(id="a1", source="a1", raw=body, text=body, body=body)
    shared = [SupportSpan(article="a2", start=0, end=9, similarity=0.7)]
    halves = _summary(
        article,
        list(QUOTE_HALVES[1:]),
        {
            QUOTE_HALVES[1]: shared,
            QUOTE_HALVES[2]: [
                SupportSpan(article="a2", start=0, end=9, similarity=0.5),
                SupportSpan(article="a3", start=0, end=5, similarity=0.45),
            ],
        },
    )
    [joined] = joined_quotations([*_summary(article, [QUOTE_HALVES[0]], {}), *halves], [article])[1:]
    assert joined.text == " ".join(QUOTE_HALVES[1:]) == body[joined.source.start : joined.source.end]
    # the passage both halves share keeps its closer similarity, and support stays best first
    assert [(s.article, s.similarity) for s in joined.support] == [("a2", 0.7), ("a3", 0.45)]


def test_summary_a_middle_sentence_without_marks_joins_the_quotation_it_stands_in() -> None:
    # a statement of three sentences: only the first and the last carry a quotation mark
    texts = ['"We waited thirty years for this crossing.', "Our families deserve better.", 'We will build it."']
    body = " ".join(texts)
    article = Article(id="a1", source="a1", raw=body, text=body, body=body)
    [joined] = joined_quotations(_summary(article, texts, {}), [article])
    assert joined.text == body
    # past its paragraph a plain sentence is not more of a quotation a stray mark left open
    apart = '"We waited thirty years for this crossing.\nThe council met on Tuesday.'
    article = Article(id="a1", source="a1", raw=apart, text=apart, body=apart)
    summary = _summary(article, apart.split("\n"), {})
    assert joined_quotations(summary, [article]) == tuple(summary)


def test_summary_a_sentence_opening_a_quotation_joins_no_earlier_pick() -> None:
    # 'The mayor said: "We …' has an odd number of marks too, but opens its quotation: nothing before it is joined
    texts = ["Officials met on Tuesday to discuss the bridge.", 'The mayor said: "We cannot keep it open.']
    body = " ".join(texts) + '\n"The repairs would cost far more."'
    article = Article(id="a1", source="a1", raw=body, text=body, body=body)
    summary = _summary(article, texts, {})
    assert joined_quotations(summary, [article]) == tuple(summary)


def test_summary_an_article_supporting_twice_is_cited_once() -> None:
    body = "The ferry will sail at dawn."
    sentence = SummarySentence(
        text=body,
        source=Span(article="a1", start=0, end=len(body)),
        support=(
            SupportSpan(article="a2", start=0, end=9, similarity=0.6),
            SupportSpan(article="a2", start=40, end=60, similarity=0.5),
            SupportSpan(article="a1", start=80, end=90, similarity=0.45),
        ),
    )
    assert sentence.cites == ["a1", "a2"]
