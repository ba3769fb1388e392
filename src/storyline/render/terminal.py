"""The brief as Rich renders it in a terminal."""

from __future__ import annotations

import io
import re
from collections.abc import Iterator

from rich.console import Console, ConsoleOptions, Group, RenderableType
from rich.segment import Segment
from rich.table import Table
from rich.text import Text

from storyline.models import Brief
from storyline.render.analysis import (
    entity_articles,
    event_articles,
    event_date,
    event_excerpt,
    is_inferred,
    key_events,
    key_quotes,
    quoted_words,
    speaker_label,
    timeline_heading,
    top_entities,
)
from storyline.render.citations import citation_marker, corroboration, passage_text, source_label, summary_text
from storyline.render.comparison import (
    KIND_LABELS,
    conflict_sides,
    side_excerpt,
    unique_count,
    unique_facts,
    unique_scope,
)


def terminal_view(brief: Brief) -> RenderableType:
    """Title, cited summary, source list and problems as Rich renderables (article text is never markup), with no
    control character of their text reaching the terminal (`_Printable`)."""
    parts: list[Text | Table] = [Text(brief.story.title or "Story brief", style="bold"), Text("")]
    for sentence in brief.summary:
        line = Text("• ")
        line.append(summary_text(sentence))
        line.append(" " + citation_marker(brief, sentence), style="bold cyan")
        line.append(f" ({corroboration(brief, sentence)})", style="dim")
        parts.append(line)
    sources = Table(title="Sources", show_edge=False, title_justify="left")
    for column, justify in (
        ("#", "right"),
        ("outlet — title", "left"),
        ("date", "left"),
        ("words", "right"),
        ("dropped", "right"),
    ):
        sources.add_column(column, justify=justify)  # type: ignore[arg-type]
    for number, info in enumerate(brief.story.articles, start=1):
        sources.add_row(
            str(number),
            Text(source_label(brief, info.id)),
            info.published.isoformat() if info.published else "—",
            str(info.words),
            str(info.dropped_lines),
        )
    parts += [Text(""), sources, *_analysis_view(brief), *_comparison_view(brief)]
    if brief.problems:
        parts += [Text(""), Text("Problems", style="italic")]
    for problem in brief.problems:
        parts.append(Text.assemble((problem.severity, "yellow"), f": {problem.source}: {problem.reason}"))
    return _Printable(Group(*parts))


_CONTROL_CHARACTERS = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")
"""Control characters but tab and line break: an ESC (or C1's CSI, OSC) in text would be a terminal command."""


class _Printable:
    """`renderable` with the control characters of its text dropped, however it is laid out (Rich strips only BEL,
    backspace, CR, VT and FF). Ingest drops them from articles, but a brief saved by an older version, or made from
    articles built in Python, may still hold an ESC that would clear the screen or retitle the window. Dropped, not
    replaced: Rich gives them no width, so tables stay aligned. Rich's own style codes are not text and are kept."""

    def __init__(self, renderable: RenderableType) -> None:
        self.renderable = renderable

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> Iterator[Segment]:
        for segment in console.render(self.renderable, options):
            text, style, control = segment
            yield segment if control else Segment(_CONTROL_CHARACTERS.sub("", text), style)


def _analysis_view(brief: Brief) -> list[Text | Table]:
    """A compact table of the top entities, then the key quotes with their speakers."""
    parts: list[Text | Table] = []
    if brief.entities:
        table = Table(title="Entities", show_edge=False, title_justify="left")
        for column, justify in (("name", "left"), ("type", "left"), ("mentions", "right"), ("in", "left")):
            table.add_column(column, justify=justify)  # type: ignore[arg-type]
        for entity in top_entities(brief):
            table.add_row(Text(entity.name), entity.type, str(entity.mentions), entity_articles(brief, entity))
        parts += [Text(""), table]
    quotes = key_quotes(brief)
    if quotes:
        parts += [Text(""), Text("Key quotes", style="italic")]
    for quote in quotes:
        line = Text("“")
        line.append(quoted_words(quote))
        line.append("” — ")
        line.append(speaker_label(quote), style="dim" if is_inferred(quote) else "bold")
        line.append(f" [{brief.citation_number(quote.span.article)}]", style="bold cyan")
        parts.append(line)
    return [*parts, *_timeline_view(brief)]


def _timeline_view(brief: Brief) -> list[Text | Table]:
    """A compact dated list: date, the sentence around its date expression (underlined), citations."""
    events = key_events(brief)
    if not events:
        return []
    table = Table.grid(padding=(0, 1))
    for event in events:
        before, expression, after = event_excerpt(event, 72)
        sentence = Text.assemble(before, (expression, "underline"), after)
        table.add_row(
            Text(event_date(event), style="bold"), sentence, Text(event_articles(brief, event), style="bold cyan")
        )
    return [Text(""), Text(timeline_heading(brief, len(events)), style="italic"), table]


def _comparison_view(brief: Brief) -> list[Text | Table]:
    """What only one outlet reports (its most salient facts), then where outlets disagree, both sides cited."""
    parts: list[Text | Table] = []
    outlets = unique_facts(brief)
    if outlets:
        parts += [Text(""), Text(f"Only in one {unique_scope(brief)}", style="italic")]
    for outlet in outlets:
        parts.append(
            Text.assemble(
                (f"[{outlet.number}] ", "bold cyan"), outlet.label, (f" ({unique_count(outlet.coverage)})", "dim")
            )
        )
        parts += [Text.assemble("  • ", passage_text(fact.text)) for fact in outlet.coverage.unique]
    if brief.conflicts:
        parts += [Text(""), Text("Where outlets disagree", style="italic")]
    for conflict in brief.conflicts:
        parts.append(Text.assemble("• ", (conflict.explanation, "bold"), (f" ({KIND_LABELS[conflict.kind]})", "dim")))
        for number, side in conflict_sides(brief, conflict):
            before, value, after = side_excerpt(side)
            parts.append(Text.assemble((f"  [{number}] ", "bold cyan"), before, (value, "underline"), after))
    return parts


def render_terminal(brief: Brief, *, width: int = 100) -> str:
    """The terminal view as plain text, for files and tests: as a pipe gets it, one line per bullet (tables `width`
    wide), without the spaces Rich pads lines with."""
    buffer = io.StringIO()
    Console(file=buffer, width=width, color_system=None, highlight=False, soft_wrap=True).print(terminal_view(brief))
    return "".join(line.rstrip() + "\n" for line in buffer.getvalue().splitlines())
