"""The `storyline` command: argument parsing and printing around the Python API, nothing more."""

from __future__ import annotations

import datetime as dt
import json
import logging
import sys
from collections.abc import Iterable
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console

from storyline.errors import InputError, StorylineError
from storyline.models import Problem

app = typer.Typer(add_completion=False, no_args_is_help=True, help="Cited story briefs from several news articles.")
out = Console(highlight=False, soft_wrap=True)
err = Console(stderr=True, highlight=False)


class Format(StrEnum):
    terminal = "terminal"
    md = "md"
    json = "json"
    html = "html"


def _parse_dates(values: list[str]) -> tuple[dict[str, dt.date], dt.date | None]:
    """'--date FILE=2019-03-08' sets one file's date; a bare '--date 2019-03-08' sets every undated one."""
    per_file: dict[str, dt.date] = {}
    default = None
    for value in values:
        name, _, date_text = value.rpartition("=")
        try:
            date = dt.date.fromisoformat(date_text)
        except ValueError:
            raise typer.BadParameter(f"{value!r}: expected YYYY-MM-DD or FILE=YYYY-MM-DD") from None
        if name:
            per_file[name] = date
        else:
            default = date
    return per_file, default


def _print_problems(problems: Iterable[Problem]) -> None:
    for problem in problems:
        err.print(f"{problem.severity}: {problem.source}: {problem.reason}", markup=False)


def _emit(text: str, output: Path | None) -> None:
    if output is None:
        sys.stdout.write(text)
        return
    try:
        output.write_text(text, encoding="utf-8")
    except OSError as exc:
        err.print(f"cannot write {output}: {exc.strerror or exc}")
        raise typer.Exit(1) from None
    err.print(f"wrote {output}")


@app.command()
def brief(
    paths: Annotated[list[str], typer.Argument(help="Files, folders, or - for stdin.")],
    words: Annotated[int, typer.Option(min=1, help="Word budget of the summary.")] = 150,
    fmt: Annotated[Format, typer.Option("--format", "-f", help="Output format.")] = Format.terminal,
    output: Annotated[Path | None, typer.Option("--output", "-o", help="Write to this file.")] = None,
    cluster: Annotated[str | None, typer.Option(help="JSONL: which line (0-based) or record id.")] = None,
    date: Annotated[list[str] | None, typer.Option(help="Publication date: YYYY-MM-DD or FILE=YYYY-MM-DD.")] = None,
    strategy: Annotated[str, typer.Option(help="Selection strategy.")] = "centroid",
) -> None:
    """Write a story brief of the articles at PATHS."""
    from storyline.ingest import load_articles
    from storyline.models import BriefOptions
    from storyline.pipeline import brief as make_brief
    from storyline.render import RENDERERS

    per_file, default_date = _parse_dates(date or [])
    selected = int(cluster) if cluster is not None and cluster.isdigit() else cluster
    loaded = load_articles(paths, cluster=selected, dates=per_file)
    articles = [
        a if a.published or default_date is None else a.model_copy(update={"published": default_date})
        for a in loaded.articles
    ]
    try:
        result = make_brief(articles, options=BriefOptions(words=words, strategy=strategy), problems=loaded.problems)
    except InputError as exc:
        _print_problems(exc.problems)
        err.print("error: no usable article left; nothing to brief", markup=False)
        raise typer.Exit(1) from None
    _print_problems(result.problems)
    if fmt is Format.terminal and output is None:
        from storyline.render.terminal import terminal_view

        out.print(terminal_view(result))
        return
    _emit(RENDERERS[fmt.value](result), output)


@app.command()
def clean(
    path: Annotated[str, typer.Argument(help="An article file, or - for stdin.")],
    show_dropped: Annotated[bool, typer.Option("--show-dropped", help="List each dropped line and its rule.")] = False,
    sentences: Annotated[bool, typer.Option("--sentences", help="One sentence per line.")] = False,
) -> None:
    """Show the text storyline keeps of an article after removing page furniture."""
    from storyline.clean import clean_article
    from storyline.ingest import load_articles
    from storyline.segment import segment

    loaded = load_articles([path])
    _print_problems(loaded.problems)
    if not loaded.articles:
        raise typer.Exit(1)
    for article in loaded.articles:
        cleaned = clean_article(article)
        if show_dropped:
            for line in cleaned.dropped:
                sys.stderr.write(f"dropped [{line.rule}] line {line.line_no}: {line.text}\n")
        if sentences:
            sys.stdout.write("".join(s.text + "\n" for s in segment(cleaned)))
        else:
            sys.stdout.write(cleaned.body + "\n")


@app.command()
def schema() -> None:
    """Print the JSON Schema of a brief."""
    from storyline.models import Brief

    sys.stdout.write(json.dumps(Brief.model_json_schema(mode="serialization"), indent=2) + "\n")


def main() -> None:
    """Entry point: run the app, turning storyline's own errors into one line and exit code 1."""
    debug = "--debug" in sys.argv
    if debug:
        sys.argv.remove("--debug")
    logging.basicConfig(level=logging.DEBUG if debug else logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    try:
        app(standalone_mode=True)
    except StorylineError as exc:
        if debug:
            raise
        err.print(f"error: {exc}", markup=False)
        sys.exit(1)
