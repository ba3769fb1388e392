from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from storyline.cli import app
from storyline.errors import InputError, NoUsableArticle, StoreError

runner = CliRunner()


def test_cli_brief_terminal_lists_sources(examples_dir: Path) -> None:
    result = runner.invoke(app, ["brief", str(examples_dir), "--words", "80"])
    assert result.exit_code == 0
    assert "Sources" in result.stdout and "Nikkei Asia" in result.stdout


def test_cli_brief_json_to_file(examples_dir: Path, tmp_path: Path) -> None:
    out = tmp_path / "brief.json"
    result = runner.invoke(app, ["brief", str(examples_dir), "-f", "json", "-o", str(out)])
    assert result.exit_code == 0
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["options"]["words"] == 150 and len(data["story"]["articles"]) == 3


def test_cli_brief_output_suffix_chooses_the_format(examples_dir: Path, tmp_path: Path) -> None:
    report, notes = tmp_path / "report.html", tmp_path / "notes.md"
    for out in (report, notes):
        assert runner.invoke(app, ["brief", str(examples_dir), "--no-analysis", "-o", str(out)]).exit_code == 0
    assert report.read_text(encoding="utf-8").lstrip().lower().startswith("<!doctype html>")
    assert notes.read_text(encoding="utf-8").startswith("# ")
    # an explicit --format wins over the suffix
    assert (
        runner.invoke(app, ["brief", str(examples_dir), "--no-analysis", "-f", "json", "-o", str(notes)]).exit_code == 0
    )
    assert json.loads(notes.read_text(encoding="utf-8"))["options"]["analysis"] is False


def test_cli_brief_output_suffix_of_no_format_is_refused_before_any_work(examples_dir: Path, tmp_path: Path) -> None:
    # `-o brief.pdf` wrote the terminal's plain text into a file its name says is a PDF, and exited 0.
    report = tmp_path / "brief.pdf"
    result = runner.invoke(app, ["brief", str(examples_dir), "--no-analysis", "-o", str(report)])
    assert result.exit_code == 2 and not report.exists()
    assert "cannot tell the format from '.pdf'; name the file .htm, .html, .json" in " ".join(result.stderr.split())
    plain = tmp_path / "brief.txt"
    assert runner.invoke(app, ["brief", str(examples_dir), "--no-analysis", "-o", str(plain)]).exit_code == 0
    printed = runner.invoke(app, ["brief", str(examples_dir), "--no-analysis"]).stdout
    written = plain.read_text(encoding="utf-8")
    # the same brief as printed (the title line; the printed lines wrap at the terminal's width)
    assert written.splitlines()[0] == printed.splitlines()[0] != "" and "Sources" in written


def test_cli_brief_reads_stdin(examples_dir: Path) -> None:
    text = (examples_dir / "nbc.txt").read_text(encoding="utf-8")
    result = runner.invoke(app, ["brief", "-", "-f", "md"], input=text)
    assert result.exit_code == 0
    assert result.stdout.startswith("# Beijing is worried")


@pytest.mark.parametrize("name", ["-", "stdin"])
def test_cli_brief_dates_stdin_by_the_name_it_was_given(examples_dir: Path, name: str) -> None:
    text = (examples_dir / "nbc.txt").read_text(encoding="utf-8")
    result = runner.invoke(
        app, ["brief", "-", "-f", "json", "--no-analysis", "--date", f"{name}=2019-03-08"], input=text
    )
    assert result.exit_code == 0 and result.stderr == ""
    assert json.loads(result.stdout)["story"]["articles"][0]["published"] == "2019-03-08"


def test_cli_brief_reads_stdin_in_another_encoding_and_refuses_binary(examples_dir: Path) -> None:
    text = (examples_dir / "nbc.txt").read_text(encoding="utf-8")
    utf16 = runner.invoke(app, ["brief", "-", "-f", "md", "--no-analysis"], input=text.encode("utf-16"))
    assert utf16.exit_code == 0 and utf16.stdout.startswith("# Beijing is worried")
    assert utf16.stderr == "warning: stdin: not UTF-8; decoded as utf-16\n"
    binary = runner.invoke(app, ["brief", "-", "--no-analysis"], input=bytes(range(256)) * 8)
    assert binary.exit_code == 1 and "Traceback" not in binary.output
    assert binary.stderr.splitlines() == [
        "error: stdin: binary file, not text (is it a PDF, image or archive?)",
        "error: no usable article left; nothing to brief",
    ]


def test_cli_brief_refuses_50_mb_on_stdin_as_it_does_a_file() -> None:
    line = b"The harbour bridge will close for six months while engineers replace its cables.\n"
    result = runner.invoke(app, ["brief", "-", "--no-analysis"], input=line * (50 * 1024 * 1024 // len(line)))
    assert result.exit_code == 1
    assert result.stderr.splitlines()[0] == (
        "error: stdin: input is 52.4 MB, over the 16.8 MB limit for one article; is it really a single article?"
    )


def test_cli_brief_nothing_usable_exits_1_with_one_line_per_problem(tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_text("", encoding="utf-8")
    (tmp_path / "junk.txt").write_bytes(b"\x00\x01\x02" * 100)
    result = runner.invoke(app, ["brief", str(tmp_path)])
    assert result.exit_code == 1
    assert "Traceback" not in result.output
    assert "binary file" in result.output and "empty file" in result.output


def test_cli_problem_lines_show_a_file_names_control_characters_as_escapes(tmp_path: Path) -> None:
    # A file named with an ESC sequence cleared the screen when its problem line was printed; a line break in a name
    # split one problem over two lines; and "[bold]" in a name was read as Rich markup and vanished.
    (tmp_path / "a\x1b[2Jb.txt").write_text("", encoding="utf-8")
    (tmp_path / "line\nbreak [bold].txt").write_text("", encoding="utf-8")
    result = runner.invoke(app, ["brief", str(tmp_path), "--no-analysis"])
    assert result.exit_code == 1
    assert result.stderr.splitlines() == [
        f"error: {tmp_path}/a\\x1b[2Jb.txt: empty file",
        f"error: {tmp_path}/line\\x0abreak [bold].txt: empty file",
        "error: no usable article left; nothing to brief",
    ]


@pytest.mark.parametrize("output_format", ["md", "html", "json"])
def test_cli_a_file_names_control_characters_reach_no_output_format(tmp_path: Path, output_format: str) -> None:
    # The file's name is its source and its outlet: an ESC in it reached Markdown (shown with `cat`) and HTML. It is
    # shown as its escape, as in the problem lines.
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "wire\x1b[31mred.txt").write_text(
        "Officials said the river bridge would reopen on Monday after crews finished repairs to its deck.",
        encoding="utf-8",
    )
    result = runner.invoke(app, ["brief", str(folder), "--no-analysis", "--format", output_format])
    assert result.exit_code == 0
    assert "[31mred" in result.stdout and "\x1b" not in result.stdout


def test_cli_clean_shows_dropped_lines_with_rules(examples_dir: Path) -> None:
    result = runner.invoke(app, ["clean", str(examples_dir / "nbc.txt"), "--show-dropped"])
    assert result.exit_code == 0
    assert "dropped [browser_banner] line 1: IE 11 is not supported." in result.stderr
    assert "IE 11" not in result.stdout and "The collapse of the Hanoi summit" in result.stdout


def test_cli_clean_of_only_page_furniture_says_so_as_brief_does(tmp_path: Path) -> None:
    # `clean` printed an empty line and exited 0; `brief` said "(1 lines were page furniture)".
    page = tmp_path / "page.txt"
    page.write_text("Advertisement\n", encoding="utf-8")
    cleaned = runner.invoke(app, ["clean", str(page)])
    assert cleaned.exit_code == 1 and cleaned.stdout == ""
    line = f"error: {page}: no article text left after cleaning (1 line dropped as page furniture)"
    assert cleaned.stderr.splitlines() == [line]
    briefed = runner.invoke(app, ["brief", str(page), "--no-analysis"])
    assert briefed.exit_code == 1 and briefed.stderr.splitlines()[0] == line


def test_cli_clean_of_several_articles_names_each(tmp_path: Path) -> None:
    # A folder's texts ran together, with nothing to tell where one article ended and the next began.
    (tmp_path / "a.txt").write_text("The bridge closes in April.\n", encoding="utf-8")
    (tmp_path / "b.txt").write_text("Ferries will run every ten minutes.\n", encoding="utf-8")
    result = runner.invoke(app, ["clean", str(tmp_path)])
    assert result.stdout.splitlines() == [
        f"==> {tmp_path / 'a.txt'} <==",
        "The bridge closes in April.",
        "",
        f"==> {tmp_path / 'b.txt'} <==",
        "Ferries will run every ten minutes.",
    ]
    assert runner.invoke(app, ["clean", str(tmp_path / "a.txt")]).stdout == "The bridge closes in April.\n"


def test_cli_clean_sentences_one_per_line(examples_dir: Path) -> None:
    result = runner.invoke(app, ["clean", str(examples_dir / "nbc.txt"), "--sentences"])
    lines = result.stdout.splitlines()
    assert (
        "Nuclear talks between Trump and North Korea's Kim Jong Un were cut short after the two sides failed "
        "to reach an agreement."
    ) in lines
    assert (
        "The collapse of the Hanoi summit came as a surprise as many experts had predicted that both leaders "
        "would try to reach a deal on smaller items."
    ) in lines


def test_cli_schema_is_the_brief_json_schema() -> None:
    schema = json.loads(runner.invoke(app, ["schema"]).stdout)
    assert schema["title"] == "Brief"
    assert {"story", "summary", "options"} <= set(schema["properties"])


def test_cli_serve_on_a_taken_port_fails_in_one_line(tmp_path: Path) -> None:
    import socket

    with socket.create_server(("127.0.0.1", 0)) as taken:
        port = taken.getsockname()[1]
        result = runner.invoke(app, ["serve", "--port", str(port), "--db", str(tmp_path / "b.sqlite3")])
    assert result.exit_code == 1
    assert result.stderr.strip().splitlines() == [f"error: cannot listen on 127.0.0.1:{port}: Address already in use"]


def test_cli_words_over_the_limit_is_a_usage_error(examples_dir: Path) -> None:
    assert runner.invoke(app, ["brief", str(examples_dir), "--words", "6000"]).exit_code == 2


def test_cli_brief_is_the_same_under_any_hash_seed(examples_dir: Path) -> None:
    """Determinism across processes: no output may depend on set or dict ordering of hashed strings."""
    outputs = set()
    for seed in ("1", "2"):
        env = {**os.environ, "PYTHONHASHSEED": seed}
        command = [sys.executable, "-m", "storyline.cli", "brief", str(examples_dir), "-f", "json", "--no-analysis"]
        outputs.add(subprocess.run(command, env=env, capture_output=True, text=True, check=True).stdout)
    assert len(outputs) == 1


# Runs the CLI as `python -m storyline.cli` does, sending it a real SIGINT at the moment module sys.argv[1] is first
# imported: Ctrl-C pressed while the CLI starts or while a stage loads its libraries, without timing the keypress.
_INTERRUPT_AT_IMPORT = """
import os, runpy, signal, sys

# Python leaves SIGINT ignored when it starts ignored (a shell's background job): a terminal's Ctrl-C is what is tested
signal.signal(signal.SIGINT, signal.default_int_handler)

class Interrupt:
    def __init__(self, module):
        self.module = module

    def find_spec(self, name, path=None, target=None):
        if name == self.module:
            sys.meta_path.remove(self)
            os.kill(os.getpid(), signal.SIGINT)

sys.meta_path.insert(0, Interrupt(sys.argv[1]))
sys.argv = ["storyline", *sys.argv[2:]]
runpy.run_module("storyline.cli", run_name="__main__", alter_sys=True)
"""


@pytest.mark.parametrize(
    "module",
    [
        "logging",  # imported by the package's __init__, before the CLI module runs
        "storyline.errors",
        "pydantic",  # storyline's models, loaded while the CLI starts
        "typer",
        "storyline.pipeline",  # loaded by the brief command
        pytest.param("spacy", marks=pytest.mark.slow),  # loaded for analysis, after selection
    ],
)
def test_cli_ctrl_c_is_one_line_and_exit_130_however_early(module: str, examples_dir: Path) -> None:
    command = [sys.executable, "-c", _INTERRUPT_AT_IMPORT, module, "brief", str(examples_dir), "-f", "md"]
    result = subprocess.run(command, capture_output=True, text=True, timeout=120)
    assert (result.returncode, result.stderr, result.stdout) == (130, "interrupted\n", "")


def test_ctrl_c_while_another_program_imports_storyline_stays_that_programs_keyboard_interrupt() -> None:
    script = _INTERRUPT_AT_IMPORT.replace('runpy.run_module("storyline.cli", run_name="__main__", alter_sys=True)', "")
    script += "sys.argv = ['theirs.py']\ntry:\n    import storyline\nexcept KeyboardInterrupt:\n    print('theirs')\n"
    result = subprocess.run([sys.executable, "-c", script, "storyline.errors"], capture_output=True, text=True)
    assert (result.returncode, result.stdout, result.stderr) == (0, "theirs\n", "")


def test_cli_ctrl_c_outside_the_clis_guards_is_one_line_not_a_traceback() -> None:
    # Between the guarded imports, Python runs the CLI module's top level: Rich consoles, Typer commands.
    script = "import sys\nsys.argv = ['storyline']\nimport storyline\nraise KeyboardInterrupt\n"
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True)
    assert (result.returncode, result.stderr) == (-2, "interrupted\n")  # killed by SIGINT, as a shell expects


def test_cli_train_with_nothing_to_train_on_or_nowhere_to_write_is_one_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    empty, model = tmp_path / "empty.jsonl", tmp_path / "model.json"
    empty.write_text("", encoding="utf-8")
    result = runner.invoke(app, ["train", str(empty), "-o", str(model)])
    assert (result.exit_code, result.stderr) == (1, f"error: {empty}: no cluster to train on\n")
    assert not model.exists()
    for folder in (tmp_path, tmp_path / "missing" / "model.json"):  # refused before any training
        result = runner.invoke(app, ["train", str(empty), "-o", str(folder)])
        assert result.exit_code == 2 and result.stderr == (
            f"error: Invalid value for '--output': '{folder}' is not a file in an existing folder; "
            "see 'root train --help'\n"
        )

    def full_disk(data: Path, output: Path, **options: object) -> None:
        raise OSError(28, "No space left on device", str(output))

    monkeypatch.setattr("storyline.learn.train", full_disk)
    result = runner.invoke(app, ["train", str(empty), "-o", str(model)])
    assert (result.exit_code, result.stderr) == (1, f"error: {model}: No space left on device\n")


def test_cli_brief_of_only_unspaced_script_is_refused_naming_the_file(tmp_path: Path) -> None:
    from tests.test_pipeline import CHINESE

    article = tmp_path / "storm.txt"
    article.write_text(CHINESE, encoding="utf-8")
    result = runner.invoke(app, ["brief", str(article)])
    assert result.exit_code == 1 and result.stdout == ""
    assert result.stderr.splitlines() == [
        f"error: {article}: is written without spaces between words (Chinese, Japanese, Thai…), which storyline "
        "cannot split into words and sentences; left out",
        "error: no usable article left; nothing to brief",
    ]


def test_cli_bare_date_fills_only_articles_that_state_no_date(tmp_path: Path) -> None:
    story = (
        "The harbour bridge will close for six months from April while engineers replace its corroded cables. "
        "Extra ferries will run every ten minutes during the morning and evening rush hours.\n"
    )
    (tmp_path / "dated.txt").write_text(f"Published March 8, 2019\n{story}", encoding="utf-8")
    other = "Shop owners near the bridge said they feared losing customers during the long closure of the crossing.\n"
    (tmp_path / "undated.txt").write_text(other, encoding="utf-8")
    out = tmp_path / "brief.json"
    result = runner.invoke(
        app,
        [
            "brief",
            str(tmp_path / "dated.txt"),
            str(tmp_path / "undated.txt"),
            "--date",
            "2020-01-01",
            "--no-analysis",
            "-f",
            "json",
            "-o",
            str(out),
        ],
    )
    assert result.exit_code == 0, result.output
    published = {Path(a["source"]).name: a["published"] for a in json.loads(out.read_text())["story"]["articles"]}
    assert published == {"dated.txt": "2019-03-08", "undated.txt": "2020-01-01"}


def test_cli_help_shows_every_option_text_and_the_strategy_choices() -> None:
    for command in ("brief", "eval", "train", "clean", "serve"):
        result = runner.invoke(app, [command, "--help"], env={"COLUMNS": "200"})
        assert result.exit_code == 0, command
        # Rich reads a bracketed "[default: …]" as markup and drops it, leaving "Output format ."
        assert not re.search(r" \.(?:\s|$)", result.stdout), command
    brief_help = runner.invoke(app, ["brief", "--help"], env={"COLUMNS": "200"}).stdout
    assert "from the --output suffix" in brief_help and "adaptive|centroid|learned|hybrid|openings" in brief_help


def test_cli_unknown_strategy_is_a_usage_error_before_any_work(examples_dir: Path) -> None:
    result = runner.invoke(app, ["brief", str(examples_dir), "--strategy", "magic"])
    assert result.exit_code == 2 and "magic" in result.output
    # one line, naming every valid strategy
    assert len(result.output.strip().splitlines()) == 1
    assert "'adaptive', 'centroid', 'learned', 'hybrid', 'openings'" in result.output


@pytest.mark.parametrize(
    ("arguments", "line"),
    [
        (["brief", "--words", "abc", "x"], "error: Invalid value for '--words': Input should be a valid integer"),
        (
            ["brief", "--wordz", "80", "x"],
            "error: No such option: --wordz (Possible options: --words); see 'storyline brief --help'",
        ),
        (["brief"], "error: Missing argument 'paths'; see 'storyline brief --help'"),
        (["brif", "x"], "error: No such command 'brif'. Did you mean 'brief'?; see 'storyline --help'"),
        (
            ["brief", "x", "--date", "March 8"],
            "error: Invalid value: 'March 8': expected YYYY-MM-DD or FILE=YYYY-MM-DD",
        ),
        (  # the last of two dates silently won
            ["brief", "x", "--date", "nbc.txt=2019-03-08", "--date", "nbc.txt=2019-03-09"],
            "error: Invalid value: two dates for 'nbc.txt' (2019-03-08, 2019-03-09); give one",
        ),
        (
            ["brief", "x", "--date", "2019-03-08", "--date", "2019-03-09"],
            "error: Invalid value: two dates without a file name (2019-03-08, 2019-03-09); give one",
        ),
    ],
)
def test_cli_usage_error_is_one_line_and_exit_2(arguments: list[str], line: str) -> None:
    result = runner.invoke(app, arguments, prog_name="storyline")
    assert result.exit_code == 2
    assert len(result.stderr.splitlines()) == 1, result.stderr  # Typer's default: a usage line, a hint and a box
    assert result.stderr.startswith(line)


def test_cli_storyline_error_is_one_line_and_exit_1_and_a_traceback_under_debug(tmp_path: Path) -> None:
    clusters = tmp_path / "no_reference.jsonl"
    clusters.write_text(json.dumps({"id": "bridge", "documents": ["The mayor opened the bridge on Monday."]}) + "\n")
    result = runner.invoke(app, ["eval", str(clusters)])
    assert result.exit_code == 1
    assert result.stderr.splitlines() == [
        f"error: {clusters}:1: record has no reference summary; expected 'summary' or 'summaries'"
    ]
    debug = runner.invoke(app, ["--debug", "eval", str(clusters)])
    assert isinstance(debug.exception, InputError)


def test_cli_debug_shows_a_traceback_for_brief_input_and_store_errors(tmp_path: Path) -> None:
    # `brief` caught its input errors and the store commands their store errors themselves: one line even with --debug.
    missing = tmp_path / "missing.txt"
    quiet = runner.invoke(app, ["brief", str(missing)])
    assert quiet.exit_code == 1 and quiet.stderr.splitlines() == [
        f"error: {missing}: no such file or folder",
        "error: no usable article left; nothing to brief",
    ]
    debug = runner.invoke(app, ["--debug", "brief", str(missing)])
    assert isinstance(debug.exception, NoUsableArticle)
    assert debug.stderr.splitlines() == [f"error: {missing}: no such file or folder"]  # the problems, then the trace
    garbage = tmp_path / "notes.sqlite3"
    garbage.write_bytes(b"not sqlite at all " * 100)
    assert runner.invoke(app, ["list", "--db", str(garbage)]).exit_code == 1
    assert isinstance(runner.invoke(app, ["--debug", "list", "--db", str(garbage)]).exception, StoreError)


@pytest.mark.usefixtures("without_spacy")
def test_cli_missing_spacy_names_the_option_that_briefs_without_it(examples_dir: Path) -> None:
    result = runner.invoke(app, ["brief", str(examples_dir / "nbc.txt")])
    assert result.exit_code == 1
    assert result.stderr.endswith("or make the brief without analysis (--no-analysis)\n")


def test_cli_debug_is_an_option_in_the_help() -> None:
    result = runner.invoke(app, ["--help"], env={"COLUMNS": "200"})
    assert "--debug" in result.stdout and "a traceback instead of a one-line error" in result.stdout


def test_cli_formats_are_the_renderers() -> None:
    from storyline.cli import Format
    from storyline.render import RENDERERS

    assert list(Format) == list(RENDERERS)


# Bad-input sweep (s11).


def test_cli_brief_too_many_sentences_says_so_not_only_nothing_to_brief(
    examples_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("storyline.pipeline.MAX_SENTENCES", 5)  # a 15 MB page has ~50,000 sentences
    result = runner.invoke(app, ["brief", str(examples_dir / "nbc.txt"), "--no-analysis"])
    assert result.exit_code == 1 and "Traceback" not in result.output
    (line,) = result.stderr.splitlines()
    assert line.startswith("error: ") and "sentences is more than one brief handles (5, about 150 articles)" in line


def test_cli_brief_is_written_even_when_the_store_cannot_save_it(examples_dir: Path, tmp_path: Path) -> None:
    result = runner.invoke(
        app, ["brief", str(examples_dir / "nbc.txt"), "--no-analysis", "-f", "md", "--save", "--db", str(tmp_path)]
    )
    assert result.exit_code == 1
    assert result.stdout.startswith("# Beijing is worried")  # the brief made is not lost
    assert result.stderr.startswith(f"error: {tmp_path} is a folder, not a store file")


def test_cli_brief_output_that_cannot_be_written_is_an_error_line(examples_dir: Path, tmp_path: Path) -> None:
    target = tmp_path / "no" / "such" / "brief.md"
    result = runner.invoke(app, ["brief", str(examples_dir / "nbc.txt"), "--no-analysis", "-o", str(target)])
    assert result.exit_code == 1
    assert result.stderr == f"error: cannot write {target}: No such file or directory\n"


@pytest.mark.parametrize(
    ("target", "reason"), [("no/such/brief.md", "No such file or directory"), (".", "Is a directory")]
)
def test_cli_brief_output_that_cannot_be_written_is_said_before_any_work(
    examples_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, target: str, reason: str
) -> None:
    # It was said only after the brief was made: spaCy loaded and every article analysed, seconds for nothing.
    def no_brief(*args: object, **kwargs: object) -> None:
        raise AssertionError("the brief was made before --output was checked")

    monkeypatch.setattr("storyline.pipeline.brief", no_brief)
    output = tmp_path / target
    result = runner.invoke(app, ["brief", str(examples_dir / "nbc.txt"), "-o", str(output)])
    assert result.exit_code == 1
    assert result.stderr == f"error: cannot write {output}: {reason}\n"


@pytest.mark.parametrize("date", ["2019-03-08 garbage", "2019-03-08garbage", "March 8"])
def test_cli_brief_date_that_is_not_a_date_is_refused(examples_dir: Path, date: str) -> None:
    # "2019-03-08 garbage" was read as 2019-03-08: a date's first ten characters were all that was looked at.
    result = runner.invoke(app, ["brief", str(examples_dir / "nbc.txt"), "--no-analysis", "--date", f"nbc.txt={date}"])
    assert result.exit_code == 2
    assert f"'nbc.txt={date}': expected YYYY-MM-DD or FILE=YYYY-MM-DD" in " ".join(result.stderr.split())


def test_cli_brief_date_may_be_an_iso_date_time(examples_dir: Path) -> None:
    result = runner.invoke(
        app,
        ["brief", str(examples_dir / "nbc.txt"), "--no-analysis", "-f", "json", "--date", "2019-03-08T23:30:00-05:00"],
    )
    assert result.exit_code == 0
    assert json.loads(result.stdout)["story"]["articles"][0]["published"] == "2019-03-08"


def test_cli_brief_date_for_a_file_not_read_is_a_warning(examples_dir: Path) -> None:
    nbc = examples_dir / "nbc.txt"
    result = runner.invoke(
        app, ["brief", str(nbc), "--no-analysis", "--date", "nbc.txt=2019-03-08", "--date", "nbc.tx=2019-03-08"]
    )
    assert result.exit_code == 0
    assert result.stderr == "warning: --date: nbc.tx=2019-03-08: no article read from 'nbc.tx'; date not used\n"


def test_cli_brief_with_stdin_closed_is_one_line_not_a_traceback() -> None:
    # `storyline brief - <&-`: Python starts with sys.stdin None.
    result = subprocess.run(
        [sys.executable, "-m", "storyline.cli", "brief", "-", "--no-analysis"],
        stdin=subprocess.DEVNULL,
        preexec_fn=lambda: os.close(0),  # the child closes its own stdin
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 1
    assert result.stderr.splitlines() == [
        "error: stdin: standard input is closed; nothing to read",
        "error: no usable article left; nothing to brief",
    ]


def test_cli_eval_systems_naming_none_says_so(tmp_path: Path) -> None:
    result = runner.invoke(app, ["eval", str(tmp_path / "c.jsonl"), "--systems", ","], prog_name="storyline")
    assert result.exit_code == 2
    assert result.stderr.startswith("error: Invalid value: --systems names no system; choose from storyline,")


def test_cli_brief_to_a_closed_standard_output_says_so(examples_dir: Path) -> None:
    # `storyline brief examples/ >&-`: Python starts with sys.stdout None, and the brief went nowhere with exit 0.
    result = subprocess.run(
        [sys.executable, "-m", "storyline.cli", "brief", str(examples_dir), "--no-analysis"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        preexec_fn=lambda: os.close(1),  # the child closes its own stdout
        text=True,
        check=False,
    )
    assert result.returncode == 1
    assert result.stderr.splitlines() == ["error: standard output is closed; nothing written (give --output FILE)"]


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full, a device whose every write fails")
@pytest.mark.parametrize("arguments", [["brief", "--no-analysis"], ["brief", "--no-analysis", "--format", "json"]])
def test_cli_brief_to_a_full_disk_is_one_line_not_a_traceback(examples_dir: Path, arguments: list[str]) -> None:
    with open("/dev/full", "w") as full:
        result = subprocess.run(
            [sys.executable, "-m", "storyline.cli", *arguments[:1], str(examples_dir), *arguments[1:]],
            stdout=full,
            stderr=subprocess.PIPE,
            text=True,
            check=False,
        )
    assert result.returncode == 1
    assert result.stderr.splitlines() == ["error: cannot write to standard output: No space left on device"]


def test_cli_page_readers_log_lines_stay_out_of_the_errors(tmp_path: Path) -> None:
    # trafilatura and htmldate log a page they give up on ('ERROR trafilatura.utils: parsed tree length: 0, …'): four
    # lines of someone else's words before storyline's own one-line error
    feed = tmp_path / "feed.html"
    feed.write_text(
        '<?xml version="1.0"?>\n<rss><channel><item><title>Bridge</title><description>The harbour bridge will close on '
        "April 1.</description></item></channel></rss>",
        encoding="utf-8",
    )
    # A process of its own: in-process, pytest's log capture takes the records before the CLI's handler sees them.
    command = [sys.executable, "-m", "storyline.cli", "brief", str(feed), "--no-analysis"]
    result = subprocess.run(command, capture_output=True, text=True, timeout=120)
    assert result.returncode == 1
    assert result.stderr.splitlines() == [
        f"error: {feed}: no article text found in the page",
        "error: no usable article left; nothing to brief",
    ]


def test_cli_problems_on_a_terminal_are_said_once_under_their_heading(
    examples_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # On a terminal the view's own list followed the same warnings already printed on stderr, without a heading.
    from rich.console import Console

    empty = tmp_path / "empty.txt"
    empty.write_text("", encoding="utf-8")
    command = ["brief", str(examples_dir / "nbc.txt"), str(empty), "--no-analysis"]
    assert runner.invoke(app, command).stderr == f"error: {empty}: empty file\n"  # piped, stderr says it
    monkeypatch.setattr("storyline.cli.out", Console(force_terminal=True, color_system=None, width=200))
    result = runner.invoke(app, command)
    assert result.exit_code == 0
    assert result.stderr == ""
    assert result.stdout.splitlines()[-2:] == ["Problems", f"error: {empty}: empty file"]
