"""The brief as Markdown, with citation markers linking to a numbered source list."""

from __future__ import annotations

import re

from storyline.models import Brief, Quote
from storyline.render.analysis import (
    entity_articles,
    event_articles,
    event_date,
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
    coverage_rows,
    unique_count,
    unique_facts,
    unique_scope,
)


def _md_escape(text: str) -> str:
    return re.sub(r"([\\`*_\[\]<>#|])", r"\\\1", text)


def _analysis_lines(brief: Brief) -> list[str]:
    lines: list[str] = []
    if brief.entities:
        lines += ["", "## Entities", "", "| name | type | mentions | in |", "|---|---|---:|---|"]
        lines += [
            f"| {_md_escape(e.name)} | {e.type} | {e.mentions} | {_md_escape(entity_articles(brief, e))} |"
            for e in top_entities(brief)
        ]
    quotes = key_quotes(brief)
    if quotes:
        lines += ["", "## Key quotes", ""]
        lines += [
            f"- “{_md_escape(quoted_words(q))}” — {_speaker(q)} \\[{brief.citation_number(q.span.article)}\\]"
            for q in quotes
        ]
    return lines + _timeline_lines(brief)


def _speaker(quote: Quote) -> str:
    """The speaker in bold, or in italics when inferred: a plain mark beside the '(inferred)' label."""
    label = _md_escape(speaker_label(quote))
    return f"*{label}*" if is_inferred(quote) else f"**{label}**"


def _timeline_lines(brief: Brief) -> list[str]:
    events = key_events(brief)
    if not events:
        return []
    lines = ["", f"## {timeline_heading(brief, len(events))}", ""]
    for event in events:
        cites = _md_escape(event_articles(brief, event))
        lines.append(f"- **{_md_escape(event_date(event))}** — {_md_escape(event.mentions[0].text)} {cites}")
    return lines


def _comparison_lines(brief: Brief) -> list[str]:
    """Unique facts per outlet, the summary × outlet coverage table, and disagreements with both sides."""
    lines: list[str] = []
    for outlet in unique_facts(brief):
        lines += [
            "",
            f"### Only in \\[{outlet.number}\\] {_md_escape(outlet.label)} ({unique_count(outlet.coverage)})",
            "",
        ]
        lines += [f"- {_md_escape(passage_text(fact.text))}" for fact in outlet.coverage.unique]
    if lines:
        lines = ["", f"## Only in one {unique_scope(brief)}", *lines]
    rows = coverage_rows(brief)
    if rows:
        numbers = range(1, len(brief.story.articles) + 1)
        lines += ["", "## Who reports what", "", "| summary | " + " | ".join(f"\\[{n}\\]" for n in numbers) + " |"]
        lines.append("|---:|" + "---|" * len(brief.story.articles))
        lines += [f"| {n} | " + " | ".join("✓" if cell else "" for cell in cells) + " |" for n, cells in rows]
    if brief.conflicts:
        lines += ["", "## Where outlets disagree", ""]
    for conflict in brief.conflicts:
        lines.append(f"- **{_md_escape(conflict.explanation)}** ({KIND_LABELS[conflict.kind]})")
        lines += [f"  - \\[{n}\\] {_md_escape(side.text)}" for n, side in conflict_sides(brief, conflict)]
    return lines


def render_markdown(brief: Brief) -> str:
    """The whole brief as a Markdown document: cited summary, analysis, comparison, sources and problems."""
    lines = [f"# {_md_escape(brief.story.title or 'Story brief')}", ""]
    for sentence in brief.summary:
        lines.append(
            f"- {_md_escape(summary_text(sentence))} {_md_escape(citation_marker(brief, sentence))} "
            f"*({corroboration(brief, sentence)})*"
        )
    lines += _analysis_lines(brief)
    lines += _comparison_lines(brief)
    lines += ["", "## Sources", ""]
    for number, info in enumerate(brief.story.articles, start=1):
        date = f", {info.published.isoformat()}" if info.published else ""
        lines.append(f"{number}. {_md_escape(source_label(brief, info.id))}{date} ({info.words} words)")
    if brief.problems:
        lines += ["", "## Problems", ""]
        lines += [f"- {p.severity}: {_md_escape(p.source)}: {_md_escape(p.reason)}" for p in brief.problems]
    return "\n".join(lines) + "\n"
