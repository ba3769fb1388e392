"""The brief as Rich renders it in a terminal."""

from __future__ import annotations

import io

from rich.console import Console, Group
from rich.table import Table
from rich.text import Text

from storyline.models import Brief
from storyline.render.citations import citation_marker, corroboration, source_label


def terminal_view(brief: Brief) -> Group:
    """Title, cited summary, source list and problems as Rich renderables (article text is never markup)."""
    parts: list[Text | Table] = [Text(brief.story.title or "Story brief", style="bold"), Text("")]
    for sentence in brief.summary:
        line = Text("• ")
        line.append(sentence.text)
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
    parts += [Text(""), sources]
    for problem in brief.problems:
        parts.append(Text.assemble((problem.severity, "yellow"), f" {problem.source}: {problem.reason}"))
    return Group(*parts)


def render_terminal(brief: Brief, *, width: int = 100) -> str:
    """The terminal view as plain text, for files and tests."""
    buffer = io.StringIO()
    Console(file=buffer, width=width, color_system=None, highlight=False).print(terminal_view(brief))
    return buffer.getvalue()
