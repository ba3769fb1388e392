"""Renderers turn a `Brief` into text for one medium; they are registered by format name."""

from __future__ import annotations

from collections.abc import Callable

from storyline.models import Brief
from storyline.render.html import render_html
from storyline.render.markdown import render_markdown
from storyline.render.terminal import render_terminal


def render_json(brief: Brief) -> str:
    """The brief as indented JSON, in the schema `storyline schema` prints."""
    return brief.model_dump_json(indent=2)


RENDERERS: dict[str, Callable[[Brief], str]] = {
    "terminal": render_terminal,
    "md": render_markdown,
    "json": render_json,
    "html": render_html,
}
