"""The summary of a brief from the sentences selection picked: each pick as a cited summary sentence, halves of one
quotation joined, and, once analysis has found the quotes, the speaker of a sentence cut from a quotation."""

from __future__ import annotations

from collections.abc import Sequence
from operator import attrgetter

from storyline.models import Article, Quote, Sentence, Span, SummarySentence, SupportSpan
from storyline.segment import leaves_quote_open, opens_mid_quote
from storyline.select import Pick

_SIMILARITY = attrgetter("similarity")


def summarise(picks: Sequence[Pick], articles: Sequence[Article]) -> tuple[SummarySentence, ...]:
    """The summary sentences of `picks`, in their order, each pointing into its article's body.

    Args:
        picks: Selection's picks, with the passages of other articles that support each.
        articles: The articles the picks come from, with their final ids.

    Returns:
        One summary sentence per pick, except that a pick continuing a quotation right after another is joined
        to it (`joined_quotations`).
    """
    return joined_quotations(tuple(_summary_sentence(p) for p in picks), articles)


def _summary_sentence(pick: Pick) -> SummarySentence:
    return SummarySentence(
        text=pick.sentence.text,
        source=_span(pick.sentence),
        support=tuple(
            SupportSpan(article=s.article_id, start=s.start, end=s.end, similarity=round(sim, 3))
            for s, sim in pick.support
        ),
    )


def _span(sentence: Sentence) -> Span:
    return Span(article=sentence.article_id, start=sentence.start, end=sentence.end)


def joined_quotations(summary: Sequence[SummarySentence], articles: Sequence[Article]) -> tuple[SummarySentence, ...]:
    """The summary with each sentence that continues a quotation right after another pick joined to that pick.

    The splitter keeps a quotation that names no speaker apart sentence by sentence, so selection can pick two
    halves of one statement ('"You don't want to send Xi to Mar-a-Lago and have Trump walk away.' and 'That would
    be a diplomatic catastrophe."'); shown as two bullets, they read as two statements. Joined, they are one span
    of the article, as every summary sentence is.
    """
    bodies = {article.id: article.body for article in articles}
    joined: list[SummarySentence] = []
    ending_at: dict[tuple[str, int], int] = {}  # (article, end of a pick) -> its place in `joined`
    for sentence in summary:
        source = sentence.source
        body = bodies[source.article]
        gap_start = source.start
        while gap_start > 0 and body[gap_start - 1].isspace():
            gap_start -= 1
        before = ending_at.get((source.article, gap_start))
        goes_on = _goes_on_quoting(sentence.text, in_paragraph="\n" not in body[gap_start : source.start])
        if before is None or not (leaves_quote_open(joined[before].text) and goes_on):
            ending_at[(source.article, source.end)] = len(joined)
            joined.append(sentence)
            continue
        first = joined[before]
        span = first.source.model_copy(update={"end": source.end})
        # a passage supporting both halves keeps its closer similarity
        support = {(s.article, s.start, s.end): s for s in sorted((*first.support, *sentence.support), key=_SIMILARITY)}
        joined[before] = first.model_copy(
            update={
                "text": body[span.start : span.end],
                "source": span,
                "support": tuple(sorted(support.values(), key=_SIMILARITY, reverse=True)),
            }
        )
        del ending_at[(source.article, first.source.end)]
        ending_at[(source.article, source.end)] = before
    return tuple(joined)


def _goes_on_quoting(text: str, *, in_paragraph: bool) -> bool:
    """Whether a sentence right after one that leaves a quotation open is more of it: it closes the quotation, or, in
    the same paragraph, holds no quotation mark at all (the middle of a statement of three sentences, closed only
    after the third, or of one left open at the paragraph's end, as a quotation running into the next paragraph is).
    A stray mark (an inch's, 5'10") leaves a quotation open too: past its paragraph, plain sentences are not joined."""
    return opens_mid_quote(text) or (in_paragraph and not any(mark in text for mark in '“”"'))


def quoted_speakers(summary: Sequence[SummarySentence], quotes: Sequence[Quote]) -> tuple[SummarySentence, ...]:
    """Give each summary sentence that sits inside a quotation, attributed outside it, the quote's speaker.

    A summary cut from a quotation ("You don't want to send Xi to Mar-a-Lago.") would otherwise leave the reader
    guessing who said it; a sentence that carries its own attribution ("…," the official said.) needs nothing.
    """
    return tuple(_with_speaker(sentence, quotes) for sentence in summary)


def _with_speaker(sentence: SummarySentence, quotes: Sequence[Quote]) -> SummarySentence:
    span = sentence.source
    for quote in quotes:
        if quote.kind != "full" or quote.speaker is None or not quote.span.overlaps(span):
            continue
        said = quote.speaker_span
        if said is not None and span.start <= said.start and said.end <= span.end:
            return sentence
        return sentence.model_copy(update={"speaker": quote.speaker, "speaker_attribution": quote.attribution})
    return sentence
