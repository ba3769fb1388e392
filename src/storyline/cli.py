"""The `storyline` command: argument parsing and printing around the Python API, nothing more."""

from __future__ import annotations

import sys

try:  # Ctrl-C while the CLI starts (pydantic, Typer and Rich: about a second) ends as it does later
    import datetime as dt
    import errno
    import json
    import logging
    import os
    from collections.abc import Iterable, Iterator
    from contextlib import contextmanager
    from enum import StrEnum
    from pathlib import Path
    from typing import TYPE_CHECKING, Annotated, Any, NoReturn

    import typer
    from rich.console import Console
    from typer.core import TyperGroup

    from storyline.errors import (
        BriefNotFound,
        InputError,
        ModelUnavailable,
        NoUsableArticle,
        StoreError,
        StorylineError,
    )
    from storyline.models import MAX_BUDGET_WORDS, Brief, BriefOptions, Problem, StrategyName, escape_controls
except KeyboardInterrupt:
    sys.stderr.write("interrupted\n")
    raise SystemExit(130) from None

if TYPE_CHECKING:
    from rich.table import Table

    from storyline.evaluate import EvalReport
    from storyline.store import BriefStore

out = Console(highlight=False, soft_wrap=True)
err = Console(stderr=True, highlight=False, soft_wrap=True)  # one problem, one line, even when piped


def _say(message: str) -> None:
    """`message` as one plain line on stderr. A file name may hold an ESC (a terminal command) or a line break:
    each control character is shown as its escape (\\x1b), and square brackets are not read as Rich markup."""
    err.print(escape_controls(message), markup=False)


class _OneLineErrors(TyperGroup):
    """Every command's errors as one stderr line (STYLE §6), where Typer prints a usage line, a hint and a box.

    Usage errors keep Click's exit code (2); storyline's own errors exit 1, or show their traceback under --debug.
    """

    def make_context(
        self, info_name: str | None, args: list[str], parent: typer.Context | None = None, **extra: Any
    ) -> typer.Context:
        with _one_line_errors(debug=False):  # parses the options before the command ('--debug') and its name
            return super().make_context(info_name, args, parent, **extra)

    def invoke(self, ctx: typer.Context) -> Any:
        with _one_line_errors(debug=bool(ctx.params.get("debug"))):
            return super().invoke(ctx)


@contextmanager
def _one_line_errors(*, debug: bool) -> Iterator[None]:
    try:
        yield
    except KeyboardInterrupt:
        # Typer would exit 130 without a word; one line says why the command stopped, as the imports above do.
        _say("interrupted")
        raise typer.Exit(130) from None
    except typer.TyperException as exc:  # Click's errors: Typer raises its own copy of Click's classes
        if type(exc).__name__ == "NoArgsIsHelpError":  # a private class; Typer's own rich_utils tests the name too
            raise  # a bare `storyline` shows the help, as it should
        message = " ".join(exc.format_message().split()).removesuffix(".")
        context = getattr(exc, "ctx", None)  # a usage error's: whose --help to point to
        hint = f"; see '{context.command_path} --help'" if context is not None else ""
        _say(f"error: {message}{hint}")
        raise typer.Exit(exc.exit_code) from None
    except StorylineError as exc:
        if isinstance(exc, InputError):  # what was wrong with each input, before the error and its traceback
            _print_problems(exc.problems)
        if debug:
            raise
        _say(f"error: {_cli_message(exc)}")
        raise typer.Exit(1) from None


def _cli_message(exc: StorylineError) -> str:
    """An error's message as the command line says it: the library's advice with the option that follows it."""
    if isinstance(exc, NoUsableArticle):  # its message repeats the problems, each already a line of its own
        return "no usable article left; nothing to brief"
    if isinstance(exc, BriefNotFound):
        return f"{exc}; `storyline list` shows the saved ids"
    message = str(exc)
    if isinstance(exc, StoreError):
        from storyline.store import OTHER_STORE_ADVICE

        # The store's advice is worded for every caller; here, another store is what --db chooses.
        message = message.replace(OTHER_STORE_ADVICE, f"{OTHER_STORE_ADVICE} (--db FILE)")
    if isinstance(exc, ModelUnavailable):
        from storyline.analyze.entities import WITHOUT_ANALYSIS_ADVICE

        message = message.replace(WITHOUT_ANALYSIS_ADVICE, f"{WITHOUT_ANALYSIS_ADVICE} (--no-analysis)")
    return message


app = typer.Typer(
    cls=_OneLineErrors,
    add_completion=False,
    no_args_is_help=True,
    help="Cited story briefs from several news articles.",
)
_DEFAULTS = BriefOptions()  # one source for the defaults the flags show


class Format(StrEnum):
    """The keys of `render.RENDERERS`, written out because importing the renderers (Jinja) would slow every
    command's start, `--help` included; test_cli checks that the two agree."""

    terminal = "terminal"
    md = "md"
    json = "json"
    html = "html"


_FORMAT_OF_SUFFIX = {
    ".md": Format.md,
    ".markdown": Format.md,
    ".json": Format.json,
    ".html": Format.html,
    ".htm": Format.html,
}
"""`--output report.html` without `--format` means HTML: a report file named for a format should hold that format."""


@contextmanager
def _writing_stdout() -> Iterator[None]:
    """Write to standard output: a closed one (`>&-`) or one that fails (a full disk, /dev/full) is one error
    line and exit 1, not a silent exit 0 or a traceback. A closed pipe (`| head`) stays quiet, as in other tools."""
    if sys.stdout is None:
        _say("error: standard output is closed; nothing written (give --output FILE)")
        raise typer.Exit(1)
    try:
        yield
        sys.stdout.flush()
    except BrokenPipeError:
        raise
    except OSError as exc:
        # Point the descriptor at /dev/null: Python's own flush at exit would fail again, with a traceback.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        _say(f"error: cannot write to standard output: {exc.strerror or exc}")
        raise typer.Exit(1) from None


_TEXT_SUFFIXES = ("", ".txt", ".text", ".log", ".out")
"""`--output` names that take the terminal's plain text when no `--format` is given."""


def _output_format(fmt: Format | None, output: Path | None) -> Format:
    """The format asked for, else the one `output`'s suffix names; a suffix of no format (`brief.pdf`) is refused:
    plain text written under it would be a file that its name says is something else."""
    if fmt is not None or output is None:
        return fmt or Format.terminal
    suffix = output.suffix.lower()
    if suffix in _FORMAT_OF_SUFFIX:
        return _FORMAT_OF_SUFFIX[suffix]
    if suffix in _TEXT_SUFFIXES:
        return Format.terminal
    known = ", ".join(sorted({*_FORMAT_OF_SUFFIX, *filter(None, _TEXT_SUFFIXES)}))
    raise typer.BadParameter(
        f"cannot tell the format from {output.suffix!r}; name the file {known}, or give --format",
        param_hint="'--output'",
    )


FormatOption = Annotated[
    Format | None,
    typer.Option("--format", "-f", help="Output format (default: from the --output suffix, else terminal)."),
]
OutputOption = Annotated[Path | None, typer.Option("--output", "-o", help="Write to this file.")]
DbOption = Annotated[
    Path | None,
    typer.Option("--db", help="The brief store, a SQLite file. Default: briefs.sqlite3 in your user data folder."),
]


def _parse_dates(values: list[str]) -> tuple[dict[str, dt.date], dt.date | None]:
    """'--date FILE=2019-03-08' sets one file's date; a bare '--date 2019-03-08' sets every undated one.

    Two different dates for one file, or two bare ones, are refused: the last one silently won."""
    from storyline.ingest import day_of

    dates: dict[str, dt.date] = {}  # "" holds the bare date
    for value in values:
        name, _, date_text = value.rpartition("=")
        try:
            date = day_of(date_text)
        except ValueError:
            raise typer.BadParameter(f"{value!r}: expected YYYY-MM-DD or FILE=YYYY-MM-DD") from None
        if dates.setdefault(name, date) != date:
            whose = f"for {name!r}" if name else "without a file name"
            raise typer.BadParameter(f"two dates {whose} ({dates[name]}, {date}); give one")
    default = dates.pop("", None)
    return dates, default


def _sources(arguments: list[str]) -> list[str | Path]:
    """Command-line arguments are always paths (or '-'), never article text; a web address stays as typed, for its
    error to name it so (a Path would make 'https://' 'https:/')."""
    from storyline.ingest import is_web_address

    return [argument if argument == "-" or is_web_address(argument) else Path(argument) for argument in arguments]


def _print_problems(problems: Iterable[Problem]) -> None:
    for problem in problems:
        _say(f"{problem.severity}: {problem.source}: {problem.reason}")


def _emit(text: str, output: Path | None) -> None:
    if output is None:
        with _writing_stdout():
            sys.stdout.write(text)
        return
    try:
        output.write_text(text, encoding="utf-8")
    except OSError as exc:
        _cannot_write(output, exc.strerror or str(exc))
    _say(f"wrote {output}")


def _check_writable(output: Path | None) -> None:
    """An `--output` that cannot be written (no such folder, a folder, no permission) said before the brief is made,
    not after spaCy is loaded and the articles analysed, in the words the write itself would fail with."""
    if output is None:
        return
    folder = output.parent
    if output.is_dir():
        failure = errno.EISDIR
    elif not folder.exists():
        failure = errno.ENOENT
    elif not folder.is_dir():
        failure = errno.ENOTDIR
    elif not os.access(output if output.exists() else folder, os.W_OK):
        failure = errno.EACCES
    else:
        return
    _cannot_write(output, os.strerror(failure))


def _cannot_write(output: Path, reason: str) -> NoReturn:
    _say(f"error: cannot write {output}: {reason}")
    raise typer.Exit(1) from None


def _write(result: Brief, fmt: Format, output: Path | None) -> None:
    from storyline.render import RENDERERS

    if fmt is Format.terminal and output is None:
        from storyline.render.terminal import terminal_view

        view = terminal_view(result)
        with _writing_stdout():
            out.print(view)
        return
    _emit(RENDERERS[fmt.value](result), output)


@contextmanager
def _open_store(db: Path | None, *, create: bool) -> Iterator[BriefStore]:
    """The brief store at `db`, closed after use; its errors are one line, or a traceback under --debug.

    Only the commands that save create a missing store: one that reads or deletes says a mistyped --db is missing."""
    from storyline.store import BriefStore

    with BriefStore(db, create=create) as store:
        yield store


def _not_from_page_readers(record: logging.LogRecord) -> bool:
    return not record.name.startswith(("trafilatura", "htmldate"))


@app.callback()
def _options(
    debug: Annotated[
        bool, typer.Option("--debug", help="Show debug logs, and a traceback instead of a one-line error.")
    ] = False,
) -> None:
    logging.basicConfig(level=logging.DEBUG if debug else logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    if not debug:
        # They log pages they give up on as errors, which ingest reports as problems. A filter on the handler, since
        # a level would not hold: trafilatura sets htmldate's logger to WARNING when it is imported, after this.
        for handler in logging.getLogger().handlers:
            handler.addFilter(_not_from_page_readers)


@app.command()
def brief(
    paths: Annotated[list[str], typer.Argument(help="Files, folders, or - for stdin.")],
    words: Annotated[
        int, typer.Option(min=1, max=MAX_BUDGET_WORDS, help="Word budget of the summary.")
    ] = _DEFAULTS.words,
    fmt: FormatOption = None,
    output: OutputOption = None,
    cluster: Annotated[
        str | None,
        typer.Option(help="JSONL: the record with this id, else (a number) the one on this 0-based line."),
    ] = None,
    date: Annotated[list[str] | None, typer.Option(help="Publication date: YYYY-MM-DD or FILE=YYYY-MM-DD.")] = None,
    strategy: Annotated[StrategyName, typer.Option(help="Selection strategy.")] = _DEFAULTS.strategy,
    analysis: Annotated[
        bool, typer.Option("--analysis/--no-analysis", help="Find entities and quotes (loads spaCy).")
    ] = True,
    save: Annotated[bool, typer.Option("--save", help="Also keep the brief in the store; prints its id.")] = False,
    db: DbOption = None,
) -> None:
    """Write a story brief of the articles at PATHS."""
    from storyline.ingest import load_articles
    from storyline.pipeline import brief as make_brief

    out_format = _output_format(fmt, output)  # a bad --output said now, not after the brief is made
    _check_writable(output)
    per_file, default_date = _parse_dates(date or [])
    loaded = load_articles(_sources(paths), cluster=cluster, dates=per_file)
    result = make_brief(
        loaded.articles,
        options=BriefOptions(words=words, strategy=strategy, analysis=analysis),
        problems=loaded.problems,
        default_date=default_date,
    )
    if not (out_format is Format.terminal and output is None and out.is_terminal):
        _print_problems(result.problems)  # the terminal view ends with them, in the same words
    # Written before it is saved: a store that cannot be written (locked, read-only) must not lose the brief.
    _write(result, out_format, output)
    if save:
        with _open_store(db, create=True) as store:
            _say(f"saved {store.save(result, loaded.articles)}")


@app.command()
def clean(
    path: Annotated[str, typer.Argument(help="An article file or folder, or - for stdin.")],
    show_dropped: Annotated[bool, typer.Option("--show-dropped", help="List each dropped line and its rule.")] = False,
    sentences: Annotated[bool, typer.Option("--sentences", help="One sentence per line.")] = False,
) -> None:
    """Show the text storyline keeps of an article after removing page furniture."""
    from storyline.clean import clean_article, no_text_left
    from storyline.ingest import load_articles
    from storyline.segment import segment

    loaded = load_articles(_sources([path]))
    _print_problems(loaded.problems)
    shown = 0
    for article in loaded.articles:
        cleaned = clean_article(article)
        if show_dropped:
            for line in cleaned.dropped:
                sys.stderr.write(f"dropped [{line.rule}] line {line.line_no}: {line.text}\n")
        if (reason := no_text_left(cleaned)) is not None:  # said as `brief` says it, not shown as an empty line
            _say(f"error: {article.source}: {reason}")
            continue
        text = "".join(s.text + "\n" for s in segment(cleaned)) if sentences else cleaned.body + "\n"
        if len(loaded.articles) > 1:  # a folder or a cluster: each article under its name, as `head` shows files
            text = f"{chr(10) if shown else ''}==> {escape_controls(article.source)} <==\n{text}"
        with _writing_stdout():
            sys.stdout.write(text)
        shown += 1
    if not shown:  # as `brief` fails when no article is left, and succeeds when some are
        raise typer.Exit(1)


@app.command("list")
def list_briefs(db: DbOption = None) -> None:
    """List the saved briefs, newest first."""
    from rich.table import Column, Table

    from storyline.store import default_path

    if db is None and not default_path().exists():  # nothing saved yet: no mistyped path to point out
        _say(f"no saved briefs in {default_path()}")
        return
    with _open_store(db, create=False) as store:
        unreadable: list[str] = []
        summaries = store.list(on_unreadable=unreadable.append)
        for message in unreadable:
            _say(f"warning: {message}")
        if not summaries:
            readable = "readable " if unreadable else ""
            _say(f"no {readable}saved briefs in {store.path}")
            return
    table = Table(
        Column("id", no_wrap=True),
        Column("saved (UTC)", no_wrap=True),
        "title",
        Column("articles", justify="right"),
        Column("budget", justify="right"),  # the words asked for, not the summary's length
    )
    for summary in summaries:
        table.add_row(
            summary.id,
            f"{summary.created_at:%Y-%m-%d %H:%M}",
            summary.title or "—",
            str(summary.n_articles),
            str(summary.words),
        )
    with _writing_stdout():
        out.print(table)


@app.command()
def show(
    brief_id: Annotated[str, typer.Argument(metavar="ID", help="A brief id, as `storyline list` shows it.")],
    fmt: FormatOption = None,
    output: OutputOption = None,
    db: DbOption = None,
) -> None:
    """Show a saved brief."""
    out_format = _output_format(fmt, output)
    _check_writable(output)
    with _open_store(db, create=False) as store:
        result = store.get(brief_id)
    _write(result, out_format, output)


@app.command()
def delete(
    brief_id: Annotated[str, typer.Argument(metavar="ID", help="A brief id, as `storyline list` shows it.")],
    db: DbOption = None,
) -> None:
    """Delete a saved brief."""
    with _open_store(db, create=False) as store:
        if not store.delete(brief_id):
            raise store.not_found(brief_id)
    _say(f"deleted {brief_id}")


@app.command("eval")
def eval_(
    data: Annotated[Path, typer.Argument(help="Clusters with reference summaries: .jsonl or .jsonl.gz.")],
    words: Annotated[int, typer.Option(min=1, help="Word budget; every output is cut to at most this.")] = 300,
    limit: Annotated[int | None, typer.Option(min=1, help="Score only the first N clusters.")] = None,
    systems: Annotated[
        str | None, typer.Option(help="Comma-separated systems to score (default: storyline, every baseline, oracle).")
    ] = None,
    jobs: Annotated[int, typer.Option(min=1, help="Worker processes.")] = 1,
    json_out: Annotated[
        Path | None, typer.Option("--json", help="Also write the results as JSON here, with every cluster's scores.")
    ] = None,
    task: Annotated[str | None, typer.Option(help="Only records with this 'task' field (DUC: task2, task3).")] = None,
) -> None:
    """Score storyline and the baselines with ROUGE on DATA (see ../shared/docs/EVALUATION.md)."""
    from rich.progress import Progress

    from storyline.evaluate import DEFAULT_SYSTEMS, SYSTEMS, evaluate

    names = (
        [name.strip() for name in systems.split(",") if name.strip()] if systems is not None else list(DEFAULT_SYSTEMS)
    )
    unknown = [name for name in names if name not in SYSTEMS]
    if not names:
        raise typer.BadParameter(f"--systems names no system; choose from {', '.join(SYSTEMS)}")
    if unknown:
        raise typer.BadParameter(f"unknown system {', '.join(unknown)!r}; choose from {', '.join(SYSTEMS)}")
    _check_writable(json_out)
    # Off a terminal a transient bar still leaves an empty line behind, before the table or an error.
    with Progress(console=err, transient=True, disable=not err.is_terminal) as progress:
        bar = progress.add_task("scoring clusters", total=None)
        report = evaluate(
            data,
            words=words,
            systems=names,
            limit=limit,
            task=task,
            jobs=jobs,
            on_cluster=lambda done, total: progress.update(bar, completed=done, total=total),
        )
    # A results table must not fold in a pipe or a log, where Rich would assume 80 columns.
    with _writing_stdout():
        console = Console(highlight=False, width=max(out.width, 110))
        console.print(_eval_table(report))
        console.print(_no_text_line(report), soft_wrap=True)
    if json_out is not None:
        _emit(report.model_dump_json(indent=2) + "\n", json_out)


def _no_text_line(report: EvalReport) -> str:
    """How many clusters had no usable text, and the first few of them: their 0s are in the means."""
    line = f"clusters with no usable text after cleaning: {len(report.no_text)} of {report.n_clusters}"
    if report.no_text:
        shown = ", ".join(report.no_text[:5]) + (", …" if len(report.no_text) > 5 else "")
        line += f" (scored 0 by all but the uncleaned baselines; in the means): {shown}"
    return line


def _eval_table(report: EvalReport) -> Table:
    from rich.table import Table

    has_recall = report.max_references > 1
    table = Table(
        title=f"{report.data}: {report.n_clusters} clusters, {report.words} words",
        caption=f"F1 × 100{'; recall = mean over the references' if has_recall else ''}; clusters/s: {report.timing}",
    )
    recall_columns = ["R1 rec", "R2 rec"] if has_recall else []
    columns = ["system", "R1", "R2", "RL", "RLsum", *recall_columns, "words", "clusters/s"]
    for column in columns:
        table.add_column(column, justify="left" if column == "system" else "right")
    for row in report.systems:
        scores = [row.rouge1, row.rouge2, row.rougeL, row.rougeLsum]
        scores += [row.rouge1_recall, row.rouge2_recall] if has_recall else []
        table.add_row(
            row.system, *(f"{value:.2f}" for value in scores), f"{row.mean_words:.1f}", f"{row.clusters_per_s:.1f}"
        )
    return table


@app.command()
def serve(
    host: Annotated[str, typer.Option(help="Address to listen on; the default lets only this machine connect.")] = (
        "127.0.0.1"
    ),
    port: Annotated[int, typer.Option(min=1, max=65535, help="Port to listen on.")] = 8000,
    db: DbOption = None,
) -> None:
    """Run the web app: paste or upload articles, read cited briefs, keep them in the store."""
    from storyline.web import WebSettings, is_loopback, server_url
    from storyline.web import serve as run_server

    with _open_store(db, create=True) as store:  # a bad --db fails here, in one line, not on the first request
        path = store.path
    _check_port_free(host, port)
    reach = (
        "bound to loopback: only this machine can connect"
        if is_loopback(host)
        else "reachable from other machines: anyone who can reach it can read and delete briefs"
    )
    _say(f"storyline web app at {server_url(host, port)} ({reach}); store {path}")
    run_server(WebSettings(db=db), host=host, port=port)


def _check_port_free(host: str, port: int) -> None:
    """Fail in one line before the banner when the address is taken, rather than after it with uvicorn's exit 3."""
    import socket

    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    try:
        socket.create_server((host, port), family=family).close()
    except OSError as exc:
        # A host that does not resolve fails with getaddrinfo's negative error code, which os.strerror does not know.
        reason = os.strerror(exc.errno) if exc.errno and exc.errno > 0 else exc.strerror or str(exc)
        _say(f"error: cannot listen on {host}:{port}: {reason}")
        raise typer.Exit(1) from None


@app.command()
def train(
    data: Annotated[Path, typer.Argument(help="Training clusters (.jsonl[.gz]), e.g. multinews_train_sample.")],
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="Model file to write (default: the packaged model).")
    ] = None,
    limit: Annotated[int | None, typer.Option(min=1, help="Use only the first N clusters.")] = None,
    seed: Annotated[int, typer.Option(help="Random seed; the same data and seed give the same file.")] = 0,
    jobs: Annotated[int, typer.Option(min=1, help="Worker processes for oracle labelling.")] = 1,
) -> None:
    """Rebuild the learned sentence scorer (used by every strategy but centroid) from DATA."""
    from storyline.learn import train as train_model
    from storyline.scorer import PACKAGED_MODEL

    target = output or PACKAGED_MODEL
    if target.is_dir() or not target.parent.is_dir():  # said now, not after minutes of training
        raise typer.BadParameter(f"{str(target)!r} is not a file in an existing folder", param_hint="'--output'")
    try:
        train_model(data, target, limit=limit, seed=seed, jobs=jobs, on_stage=_say)
    except OSError as exc:  # the model file cannot be written (a full disk, no permission); the old one is intact
        _say(f"error: {exc.filename or target}: {exc.strerror or exc}")
        raise typer.Exit(1) from None
    _say(f"wrote {target}")


@app.command()
def schema() -> None:
    """Print the JSON Schema of a brief."""
    with _writing_stdout():
        sys.stdout.write(json.dumps(Brief.model_json_schema(mode="serialization"), indent=2) + "\n")


def main() -> None:
    """Entry point of the `storyline` command."""
    app()


if __name__ == "__main__":
    main()
