"""What every renderer says about a summary sentence's sources, in one place."""

from __future__ import annotations

from collections.abc import Iterable

from storyline.models import Brief, SummarySentence
from storyline.wording import counted


def marker(brief: Brief, article_ids: Iterable[str]) -> str:
    """'[1,3]': the citation numbers of articles, in the order given."""
    return "[" + ",".join(str(brief.citation_number(a)) for a in article_ids) + "]"


def citation_marker(brief: Brief, sentence: SummarySentence) -> str:
    """'[1,3]': the citation numbers of the articles reporting the sentence, source first."""
    return marker(brief, sentence.cites)


def corroboration(brief: Brief, sentence: SummarySentence) -> str:
    """'reported by 2 of 3 outlets'. Articles of one named outlet (a wire's stories in a DUC cluster) count once;
    an article whose outlet is not known counts as its own."""
    every_article = [info.id for info in brief.story.articles]
    return f"reported by {_outlets(brief, sentence.cites)} of {counted(_outlets(brief, every_article), 'outlet')}"


def _outlets(brief: Brief, article_ids: Iterable[str]) -> int:
    return len({brief.article(a).outlet or a for a in article_ids})


def passage_text(text: str) -> str:
    """A sentence as a list shows it: a quotation cut at the sentence edge is closed or reopened with an ellipsis.

    Sentences are extracted whole, but a quotation may run over several of them; showing one with a lone opening
    or closing mark reads as a typo, so the missing mark is added, with '…' for the words left out.
    """
    curly_open, curly_close = text.count("“"), text.count("”")
    if curly_open > curly_close:
        return f"{text.rstrip()} …”"
    if curly_close > curly_open:
        return f"“… {text.lstrip()}"
    if text.count('"') % 2 == 1:
        return f'{text.rstrip()} …"' if text.lstrip().startswith('"') else f'"… {text.lstrip()}'
    return text


def summary_text(sentence: SummarySentence) -> str:
    """A summary sentence as shown: whom its pronoun subject means after the pronoun, as an editor inserts it ('he
    [Donald Trump]'), quotation marks balanced, and the speaker of a quotation cut from its attribution ('…” —
    Donald Trump', or '— Donald Trump (inferred)' when the text does not state the speaker)."""
    text = passage_text(_with_referent(sentence))
    if not sentence.speaker:
        return text
    inferred = " (inferred)" if sentence.speaker_attribution == "inferred" else ""
    return f"{text} — {sentence.speaker}{inferred}"


def _with_referent(sentence: SummarySentence) -> str:
    """The sentence's text with `refers_to` in brackets after its pronoun; the text alone when it has none."""
    pronoun = sentence.refers_to_pronoun
    if sentence.refers_to is None or pronoun is None:
        return sentence.text
    after = pronoun.end - sentence.source.start
    return f"{sentence.text[:after]} [{sentence.refers_to}]{sentence.text[after:]}"


def outlet_name(brief: Brief, article_id: str) -> str:
    """'NBC News', or the source path when the outlet is not known."""
    info = brief.article(article_id)
    return info.outlet or info.source


def source_label(brief: Brief, article_id: str) -> str:
    """'NBC News — Beijing is worried …' or the source path when nothing better is known."""
    name = outlet_name(brief, article_id)
    title = brief.article(article_id).title
    return f"{name} — {title}" if title else name
