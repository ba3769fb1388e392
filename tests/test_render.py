from __future__ import annotations

import io
import itertools
import json
import re
from pathlib import Path

import pytest
from markupsafe import escape
from rich.console import Console

import storyline
from storyline.models import (
    Brief,
    BriefOptions,
    Conflict,
    ConflictSide,
    Problem,
    Quote,
    Span,
    SummarySentence,
    UniqueFact,
)
from storyline.render import RENDERERS
from storyline.render.analysis import INFERRED_NOTE, KEY_QUOTES, key_events, key_quotes, speaker_label
from storyline.render.citations import corroboration, passage_text, summary_text
from storyline.render.comparison import unique_count
from storyline.render.excerpts import clip_end, clip_start
from storyline.render.terminal import terminal_view
from storyline.summary import quoted_speakers
from storyline.web.views import quote_rows
from tests.conftest import HARBOUR_CLOSURE

PAYLOAD = '<script>alert("owned")</script><img src=x onerror=alert(1)>'


def test_render_json_round_trips(seed_brief: Brief) -> None:
    assert Brief.model_validate(json.loads(RENDERERS["json"](seed_brief))) == seed_brief


def test_render_terminal_and_markdown_carry_citations(seed_brief: Brief) -> None:
    markers = ["[" + ",".join(str(seed_brief.citation_number(a)) for a in s.cites) + "]" for s in seed_brief.summary]
    terminal = RENDERERS["terminal"](seed_brief)
    markdown = RENDERERS["md"](seed_brief)
    for marker in markers:
        assert marker in terminal
        assert marker.replace("[", "\\[").replace("]", "\\]") in markdown
    assert "Nikkei Asia" in terminal and "reported by 1 of 3 outlets" in markdown


def test_render_terminal_text_keeps_a_bullet_on_one_line_without_padding(seed_brief: Brief) -> None:
    # A file written with -o wrapped bullets at the width and padded every line with spaces; a pipe got neither.
    lines = RENDERERS["terminal"](seed_brief, width=60).splitlines()
    bullets = [line for line in lines[: lines.index("Sources")] if line.startswith("• ")]
    assert len(bullets) == len(seed_brief.summary)
    assert all("(reported by" in line for line in bullets)  # each line its whole bullet, citation and all
    assert not [line for line in lines if line.endswith(" ")]


def test_render_markdown_counts_the_outlets_reporting_a_sentence(corroborated_brief: Brief) -> None:
    markdown = RENDERERS["md"](corroborated_brief)
    assert "corroded cables. \\[1,2\\] *(reported by 2 of 3 outlets)*" in markdown
    assert "rush hours. \\[1\\] *(reported by 1 of 3 outlets)*" in markdown


def test_render_terminal_never_writes_a_control_character_of_the_text(seed_brief: Brief) -> None:
    # A brief saved before ingest dropped them may hold an ESC (or C1's OSC): Rich passed both on to the terminal.
    title = "Bridge\x1b]0;pwned\x07 \x1b[2Jfalls\x9d"
    story = seed_brief.story.model_copy(update={"title": title})
    brief = seed_brief.model_copy(update={"story": story, "problems": [Problem(source="a\x1b[31m1", reason="odd")]})
    buffer = io.StringIO()
    Console(file=buffer, width=100, force_terminal=True, color_system="standard").print(terminal_view(brief))
    shown = buffer.getvalue()
    # (a problem's source is a `SourceName`: its ESC is written as an escape when the problem is made)
    assert "Bridge]0;pwned [2Jfalls" in shown and "a\\x1b[31m1: odd" in shown
    # Rich's own styles are still written: the only ESC left starts a Select Graphic Rendition code.
    assert "\x1b[1m" in shown and not re.search("\x1b(?!\\[[0-9;]*m)|[\x80-\x9f]", shown)


def test_render_articles_of_one_outlet_corroborate_once(corroborated_brief: Brief) -> None:
    # a DUC cluster holds several stories of each wire: two Associated Press stories are one outlet's report
    brief = corroborated_brief
    shared = next(s for s in brief.summary if len(s.cites) == 2)
    outlets = {"a1": "Associated Press", "a2": "Reuters", "a3": "BBC News"}
    named = tuple(a.model_copy(update={"outlet": outlets[a.id]}) for a in brief.story.articles)
    three_outlets = brief.model_copy(update={"story": brief.story.model_copy(update={"articles": named})})
    assert corroboration(three_outlets, shared) == "reported by 2 of 3 outlets"
    same_wire = tuple(a.model_copy(update={"outlet": "Associated Press"}) if a.id in shared.cites else a for a in named)
    one_wire = brief.model_copy(update={"story": brief.story.model_copy(update={"articles": same_wire})})
    assert corroboration(one_wire, shared) == "reported by 1 of 2 outlets"
    assert corroboration(brief, shared) == "reported by 2 of 3 outlets"  # unknown outlets: each article its own


def test_render_count_phrases_of_one_are_singular(corroborated_brief: Brief) -> None:
    # A one-article brief said "(reported by 1 of 1 outlets)".
    one = storyline.brief([HARBOUR_CLOSURE[0]], options=BriefOptions(words=40, analysis=False))
    assert corroboration(one, one.summary[0]) == "reported by 1 of 1 outlet"
    coverage = corroborated_brief.coverage.articles[0]
    # the summary says a1's one fact of its own ("Extra ferries will run …"), so coverage lists it nowhere: list it
    ferries = next(s for s in corroborated_brief.summary if s.source.article == coverage.article and not s.support)
    fact = UniqueFact(text=ferries.text, span=ferries.source, salience=0.5)
    alone = coverage.model_copy(update={"n_unique": 1, "n_sentences": 1, "unique": (fact,)})
    assert unique_count(alone) == "1 of 1 sentence only here"
    assert unique_count(alone.model_copy(update={"n_sentences": 2})) == "1 of 2 sentences only here"
    one_sentence = corroborated_brief.coverage.model_copy(update={"articles": (alone,)})
    page = RENDERERS["html"](corroborated_brief.model_copy(update={"coverage": one_sentence}))
    assert "1 of 1 sentence only here" in page  # the HTML template wrote its own, always plural


def test_render_html_citations_jump_to_marked_passages(seed_brief: Brief) -> None:
    page = RENDERERS["html"](seed_brief)
    targets = re.findall(r'href="#(a\d+-\d+-\d+)"', page)
    assert targets
    for target in targets:
        article, start, end = target.split("-")
        passage = seed_brief.article(article).body[int(start) : int(end)]
        assert f'<mark id="{target}">{escape(passage)}</mark>' in page
    assert "http" not in page.split("<body>")[0], "the report must not load external resources"


def _side(brief: Brief, article: str, start: int, end: int) -> ConflictSide:
    text = brief.article(article).body[start:end]
    value = text.split()[0]
    value_span = Span(article=article, start=start, end=start + len(value))
    return ConflictSide(text=text, span=Span(article=article, start=start, end=end), value=value, value_span=value_span)


def _ranges(page: str, pattern: str) -> list[tuple[str, int, int]]:
    return [(a, int(start), int(end)) for a, start, end in re.findall(pattern, page)]


def test_render_html_merges_overlapping_passages_and_marks_conflict_sides(seed_brief: Brief) -> None:
    source = seed_brief.summary[0].source
    body = seed_brief.article(source.article).body
    other = next(info for info in seed_brief.story.articles if info.id != source.article)
    # One side overlaps the first summary sentence and runs past it; the other is text no summary sentence cites.
    straddling = _side(seed_brief, source.article, source.start + 1, min(source.end + 30, len(body)))
    uncited = _side(seed_brief, other.id, len(other.body) - 40, len(other.body))
    conflict = Conflict(kind="number", topic="t", explanation="x vs y", similarity=0.5, a=straddling, b=uncited)
    page = RENDERERS["html"](seed_brief.model_copy(update={"conflicts": (conflict,)}))

    marks = sorted(_ranges(page, r'<mark id="(a\d+)-(\d+)-(\d+)">'))
    for (a, _, end), (b, start, _) in itertools.pairwise(marks):
        assert a != b or end <= start, f"marked passages overlap in {a}"
    links = _ranges(page, r'href="#(a\d+)-(\d+)-(\d+)"')
    assert set(links) <= set(marks), "a citation or conflict link has no marked passage to land on"
    for span in (source, straddling.span, uncited.span):
        assert any(a == span.article and start <= span.start and span.end <= end for a, start, end in links), span


def test_render_html_escapes_article_text(examples_dir: Path, tmp_path: Path) -> None:
    hostile = tmp_path / "hostile.txt"
    hostile.write_text(
        f"The bridge will close for six months while engineers replace its cables {PAYLOAD}, officials said.\n"
        "Officials said ferries would run every ten minutes during the closure of the bridge.",
        encoding="utf-8",
    )
    brief = storyline.brief([hostile, examples_dir / "nbc.txt"])
    page = RENDERERS["html"](brief)
    assert "<script>alert" not in page and "<img src=x" not in page
    assert escape(PAYLOAD) in page
    assert re.findall(r"<script", page) == []


@pytest.mark.parametrize(
    ("sentence", "shown"),
    [
        ("“We agreed to the denuclearization of North Korea.", "“We agreed to the denuclearization of North Korea. …”"),
        ("That would be a diplomatic catastrophe.”", "“… That would be a diplomatic catastrophe.”"),
        ("\"You don't want to send Xi to Mar-a-Lago.", '"You don\'t want to send Xi to Mar-a-Lago. …"'),
        ('That would be a catastrophe," he said.', '"… That would be a catastrophe," he said.'),
        ('"It was calm," the official said. "We left.', '"It was calm," the official said. "We left. …"'),
        ("He called it an “insult.”", "He called it an “insult.”"),
        ("No quotation here.", "No quotation here."),
    ],
)
def test_passage_text_balances_a_quotation_cut_at_the_sentence_edge(sentence: str, shown: str) -> None:
    assert passage_text(sentence) == shown


def _summary_sentence_at(brief: Brief, sentence: str) -> SummarySentence:
    for info in brief.story.articles:
        start = info.body.find(sentence)
        if start >= 0:
            return SummarySentence(text=sentence, source=Span(article=info.id, start=start, end=start + len(sentence)))
    raise AssertionError(f"not in the seeds: {sentence}")


def test_a_summary_sentence_cut_from_a_quotation_gets_the_quotes_speaker(seed_brief: Brief) -> None:
    inside = _summary_sentence_at(seed_brief, "“We agreed to the denuclearization of North Korea.")
    attributed = _summary_sentence_at(
        seed_brief,
        "\"The Chinese saw him walk away from North Korea and they're concerned he will walk away from the China "
        'deal," the official said.',
    )
    reported = _summary_sentence_at(seed_brief, "The collapse of the Hanoi summit came as a surprise")
    named = quoted_speakers([inside, attributed, reported], seed_brief.quotes)
    assert [s.speaker for s in named] == ["Donald Trump", None, None]
    assert summary_text(named[0]) == "“We agreed to the denuclearization of North Korea. …” — Donald Trump"


def test_rendered_summaries_never_leave_a_quotation_open(seed_brief: Brief) -> None:
    markdown = RENDERERS["md"](seed_brief)
    summary_lines = markdown.split("\n## ")[0].splitlines()[2:]
    assert summary_lines
    for line in summary_lines:
        assert line.count("“") == line.count("”") and line.count('"') % 2 == 0, line


def _inferred(brief: Brief, *, keep_stated: int = 0) -> Brief:
    """The brief with every full quote's speaker marked inferred but the first `keep_stated` ones."""
    full = [n for n, q in enumerate(brief.quotes) if q.kind == "full" and q.speaker]
    inferred = set(full[keep_stated:])
    quotes = tuple(
        q.model_copy(update={"attribution": "inferred" if n in inferred else q.attribution})
        for n, q in enumerate(brief.quotes)
    )
    return brief.model_copy(update={"quotes": quotes})


def test_speaker_label_marks_an_inferred_speaker() -> None:
    span = Span(article="a1", start=0, end=4)
    quote = Quote(text="Bold", speaker="Dana Whitfield", speaker_kind="named", kind="full", span=span)
    described = quote.model_copy(update={"speaker": "a city engineer", "speaker_kind": "described"})
    assert [
        speaker_label(quote.model_copy(update={"attribution": "stated"})),
        speaker_label(quote.model_copy(update={"attribution": "inferred"})),
        speaker_label(described.model_copy(update={"attribution": "stated"})),
        speaker_label(described.model_copy(update={"attribution": "inferred"})),
    ] == [
        "Dana Whitfield",
        "Dana Whitfield (inferred)",
        "a city engineer (unnamed)",
        "a city engineer (unnamed, inferred)",
    ]


def test_seed_key_quotes_are_stated_and_every_renderer_marks_inferred_ones(seed_brief: Brief) -> None:
    assert all(q.attribution == "stated" for q in key_quotes(seed_brief))
    for name in ("terminal", "md", "html"):
        assert "(inferred)" not in RENDERERS[name](seed_brief).split("Key quotes")[-1]
    brief = _inferred(seed_brief)
    shown = key_quotes(brief)[0]
    label = f"{shown.speaker} (inferred)"
    assert label in RENDERERS["terminal"](brief)
    assert f"— *{label}* " in RENDERERS["md"](brief)
    assert f'<span class="inferred" title="{escape(INFERRED_NOTE)}">{escape(label)}</span>' in RENDERERS["html"](brief)
    assert json.loads(RENDERERS["json"](brief))["quotes"][0]["attribution"] in ("stated", "inferred")


def test_every_renderer_shows_a_key_quote_without_the_comma_before_its_attribution(seed_brief: Brief) -> None:
    # "… our handshake,” Trump wrote": the comma belongs to the attribution the list leaves out
    quote = next(q for q in key_quotes(seed_brief) if "our handshake" in q.text)
    assert quote.text.endswith("handshake,")
    for name in ("terminal", "md", "html"):
        shown = " ".join(RENDERERS[name](seed_brief).split())  # the terminal wraps lines
        assert re.search(r"our handshake” — \W*(?:b>)?Donald Trump", shown) and "handshake,” —" not in shown
    assert any(row["text"].endswith("our handshake") for row in quote_rows("id", seed_brief))  # the web app's page


def test_a_timeline_cut_to_its_key_events_says_how_many_it_leaves_out(seed_brief: Brief) -> None:
    shown, total = len(key_events(seed_brief)), len(key_events(seed_brief, n=len(seed_brief.timeline)))
    assert shown < total
    assert "Timeline (" not in RENDERERS["md"](seed_brief.model_copy(update={"timeline": seed_brief.timeline[:3]}))
    for name in ("terminal", "md"):
        assert f"Timeline (the {shown} most reported of {total} events)" in RENDERERS[name](seed_brief)
    # the HTML report has room for them all: the same events, none again under a coarser date ("2018" three times)
    assert total < len(seed_brief.timeline)
    assert RENDERERS["html"](seed_brief).count("<time>") == total


def test_key_quotes_prefer_stated_speakers(seed_brief: Brief) -> None:
    brief = _inferred(seed_brief, keep_stated=2).model_copy(update={"summary": ()})
    stated = [q for q in brief.quotes if q.attribution == "stated" and q.kind == "full"]
    assert key_quotes(brief, n=2) == stated[:2]
    assert [q.attribution for q in key_quotes(brief)][:2] == ["stated", "stated"]


def test_key_quotes_leave_out_what_the_summary_shows(seed_brief: Brief) -> None:
    # Trump's tweet is a summary sentence of the seed brief; the 9th-hole quote is one too, in NBC's standfirst,
    # and NBC repeats it further down: neither copy comes back among the key quotes.
    summary = " ".join(s.text for s in seed_brief.summary)
    assert "We agreed to the denuclearization" in summary and "see you on the 9th hole" in summary
    shown = [q.text for q in key_quotes(seed_brief)]
    assert len(shown) == KEY_QUOTES
    assert not any("We agreed to the denuclearization" in t or "9th hole" in t for t in shown)
    without_summary = [q.text for q in key_quotes(seed_brief.model_copy(update={"summary": ()}))]
    assert any("9th hole" in t for t in without_summary)


def test_a_summary_sentence_marks_an_inferred_quote_speaker(seed_brief: Brief) -> None:
    inside = _summary_sentence_at(seed_brief, "“We agreed to the denuclearization of North Korea.")
    (named,) = quoted_speakers([inside], _inferred(seed_brief).quotes)
    assert named.speaker_attribution == "inferred"
    assert summary_text(named) == "“We agreed to the denuclearization of North Korea. …” — Donald Trump (inferred)"


def test_the_json_schema_documents_the_attribution_kinds() -> None:
    definitions = Brief.model_json_schema(mode="serialization")["$defs"]
    for model, field in (("Quote", "attribution"), ("SummarySentence", "speaker_attribution")):
        kinds = definitions[model]["properties"][field]["anyOf"][0]["enum"]
        assert kinds == ["stated", "inferred"]


@pytest.mark.parametrize(
    ("keep", "start", "end"),
    [
        (40, "the talks in Hanoi ended early", "the talks in Hanoi ended early"),  # short enough: kept whole
        (12, "…ended early", "the talks…"),  # the word at the cut is dropped, whole or not
        (4, "…arly", "the…"),  # a cut without a space keeps its part of a word
        (0, "…", "…"),
        (-3, "…", "…"),
    ],
)
def test_render_excerpts_clip_at_word_boundaries(keep: int, start: str, end: str) -> None:
    text = "the talks in Hanoi ended early"
    assert clip_start(text, max(keep, 0)) == start
    assert clip_end(text, keep) == end


def test_a_summary_sentence_shows_whom_its_pronoun_means_after_the_pronoun() -> None:
    text = "But in Hanoi, he abruptly walked away from the table."
    source = Span(article="a3", start=100, end=100 + len(text))
    sentence = SummarySentence(text=text, source=source)
    assert summary_text(sentence) == text
    pronoun = source.model_copy(update={"start": 114, "end": 116})
    told = sentence.model_copy(update={"refers_to": "Donald Trump", "refers_to_pronoun": pronoun})
    assert summary_text(told) == "But in Hanoi, he [Donald Trump] abruptly walked away from the table."
    assert told.text == text  # the stored text stays the source span


def test_the_json_schema_documents_the_pronoun_referent() -> None:
    properties = Brief.model_json_schema(mode="serialization")["$defs"]["SummarySentence"]["properties"]
    assert "inferred" in properties["refers_to"]["description"]
    assert properties["refers_to_pronoun"]["anyOf"][0] == {"$ref": "#/$defs/Span"}
