from __future__ import annotations

import json
import re
from pathlib import Path

from markupsafe import escape

import storyline
from storyline.models import Brief
from storyline.render import RENDERERS

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
    assert "Nikkei Asia" in terminal and "reported by 2 of 3 outlets" in markdown


def test_render_html_citations_jump_to_marked_passages(seed_brief: Brief) -> None:
    page = RENDERERS["html"](seed_brief)
    targets = re.findall(r'href="#(a\d+-\d+-\d+)"', page)
    assert targets
    for target in targets:
        article, start, end = target.split("-")
        passage = seed_brief.article(article).body[int(start) : int(end)]
        assert f'<mark id="{target}">{escape(passage)}</mark>' in page
    assert "http" not in page.split("<body>")[0], "the report must not load external resources"


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
