"""Time and peak memory of `storyline brief` on one large text file and one large HTML page, by stage; and of
analysis on one long text just under the sentence limit.

Run by hand: `.venv/bin/python bench/bench_large_input.py [--mb 2] [--analysis-mb 1.1] [--against CHECKOUT]
[--runs N]` (about half a minute at 2 MB on a quiet machine, and a minute or two for analysis). The pages are made
in a temporary folder from the seed articles' paragraphs, numbered so that no line repeats. Both sizes are far over
one brief's 6,000 sentences (about 1 MB of news text), so `storyline brief` ends in that one-line refusal after
reading, cleaning and splitting everything: the time measured is what a file just under the input size limit costs
before the refusal.

Where the time went when this was written (cProfile, 2026-11-28): text, all but a few percent in cleaning's line
rules (`furniture.classify_line`, two dozen regular expressions a line), linear in the size; HTML, trafilatura and
htmldate beside the same cleaning (their own date search with dateparser, 20 s of a 2 MB page, is now off).

Analysis: a text page of `--analysis-mb` (1.1 MB: 5,572 sentences, a body of 471,366 characters after cleaning)
is briefed with analysis, which a demanding user's long page (a live blog, a transcript) gets: the whole command's
time and peak RSS, then each analysis stage in a fresh process, with the peak RSS reached by its end. `--against`
times the same in another checkout (say `git worktree add /tmp/old main`) in the same run and prints the ratios,
so that a change is measured against the code before it on the same loaded machine.
"""

from __future__ import annotations

import argparse
import html
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from types import ModuleType
from typing import TypeVar

from storyline.ingest import load_articles
from storyline.pipeline import prepare_articles
from storyline.segment import segment

ROOT = Path(__file__).resolve().parent.parent


def paragraphs(n_chars: int) -> list[str]:
    """The seed articles' paragraphs, each ending in its number so that none repeats, up to `n_chars` in all."""
    seeds = [p.strip() for f in sorted((ROOT / "examples").glob("*.txt")) for p in f.read_text("utf-8").split("\n")]
    seeds = [p for p in seeds if len(p.split()) >= 8]
    out: list[str] = []
    total = 0
    while total < n_chars:
        paragraph = f"{seeds[len(out) % len(seeds)]} ({len(out)})"
        out.append(paragraph)
        total += len(paragraph) + 2
    return out


def make_pages(folder: Path, n_chars: int) -> list[Path]:
    paras = paragraphs(n_chars)
    text = folder / "large.txt"
    text.write_text("\n\n".join(paras), encoding="utf-8")
    page = folder / "large.html"
    body = "".join(f"<p>{html.escape(p)}</p>\n" for p in paras)
    page.write_text(
        f"<html><head><title>Large page</title></head><body><article>{body}</article></body></html>", "utf-8"
    )
    return [text, page]


def command_run(path: Path, *, analysis: bool = False, src: Path = ROOT / "src") -> tuple[float, float, str]:
    """Wall seconds, peak RSS in MB and the last line of stderr of `storyline brief PATH [--no-analysis] -f json`,
    run with the package in `src`."""
    command = [sys.executable, "-m", "storyline.cli", "brief", str(path), "-f", "json"]
    command += [] if analysis else ["--no-analysis"]
    start = time.perf_counter()
    with tempfile.TemporaryFile() as err:
        process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=err, env=_with_package(src))
        _, _, usage = os.wait4(process.pid, 0)
        wall = time.perf_counter() - start
        err.seek(0)
        last = (err.read().decode("utf-8", "replace").strip().splitlines() or [""])[-1]
    return wall, usage.ru_maxrss / 1024, last


def stages(path: Path) -> dict[str, float]:
    """Seconds of each stage `storyline.brief` runs before the sentence limit, in this process."""
    times = {}
    start = time.perf_counter()
    articles = load_articles([path]).articles
    times["load"] = time.perf_counter() - start
    start = time.perf_counter()
    unique, _ = prepare_articles(articles)
    times["clean"] = time.perf_counter() - start
    start = time.perf_counter()
    n_sentences = sum(len(segment(article)) for article in unique)
    times["split"] = time.perf_counter() - start
    times["sentences"] = n_sentences
    return times


def _with_package(src: Path) -> dict[str, str]:
    return {**os.environ, "PYTHONPATH": str(src)}


Result = TypeVar("Result")


def analysis_stages(path: Path) -> dict[str, float]:
    """Seconds of each analysis stage on the one article of `path`, and the peak RSS in MB by the end of each
    ("… MB"), in this process. spaCy's NER is timed alone first (it loads the model), then again inside entities."""
    from storyline.analyze import entities, quotes, speakers, timeline
    from storyline.analyze.speaker_names import final_speakers

    articles = [a.model_copy(update={"id": f"a{n}"}) for n, a in enumerate(load_articles([path]).articles, 1)]
    articles, _ = prepare_articles(articles)
    bodies = [a.body for a in articles]
    times: dict[str, float] = {}

    def timed(stage: str, run: Callable[[], Result]) -> Result:
        start = time.perf_counter()
        result = run()
        times[stage] = time.perf_counter() - start
        times[f"{stage} MB"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        return result

    timed("spaCy load", entities.nlp)
    timed("spaCy NER", lambda: _ner_pass(entities, bodies))
    found = timed("entities", lambda: entities.analyze_entities(articles))
    people = speakers.ClusterPeople.of(found)
    timed("speaker context", lambda: [speakers.speaker_context(a.body, a.id, found, people) for a in articles])
    found_quotes = timed("quotes", lambda: [q for a in articles for q in quotes.find_quotes(a, found, people)])
    timed("final speakers", lambda: final_speakers(found_quotes, articles, found))
    timed("timeline", lambda: timeline.build_timeline(articles, found))
    return times


def _ner_pass(entities: ModuleType, bodies: list[str]) -> object:
    """NER as the measured checkout's analysis runs it: in pieces (`recognised_spans`, 2026-11-28) or, in a
    checkout from before them, over each whole body."""
    if hasattr(entities, "recognised_spans"):
        return entities.recognised_spans(bodies)
    return list(entities.nlp().pipe(bodies, disable=entities.NER_ONLY))


def print_analysis(path: Path, against: Path | None, runs: int) -> None:
    """The whole brief with analysis, then its stages, each in a fresh process, the fastest of `runs`; with
    `against`, that checkout's numbers and this one's as ratios (old / new: above 1 is faster or smaller here), the
    two run in turn so that both meet the same load."""
    sources = {"this checkout": ROOT / "src"} | ({"against": against / "src"} if against else {})
    results: dict[str, dict[str, float]] = {}
    for _ in range(runs):
        for name, src in sources.items():
            wall, peak_mb, last = command_run(path, analysis=True, src=src)
            command = [sys.executable, __file__, "--stages-of", str(path)]
            stages_out = subprocess.run(command, check=True, capture_output=True, text=True, env=_with_package(src))
            run = {"brief with analysis": wall, "brief with analysis MB": peak_mb} | json.loads(stages_out.stdout)
            results[name] = {k: min(v, results.get(name, run)[k]) for k, v in run.items()}
            print(f"{name} ({src}): brief {wall:.1f} s; last line of its stderr: {last or '(none)'}")
    sentences = stages(path)["sentences"]
    print(f"{path.name}: {path.stat().st_size / 1e6:.2f} MB, {sentences:,.0f} sentences; seconds (peak RSS MB by then)")
    for stage in (k for k in results["this checkout"] if not k.endswith(" MB")):
        line = f"  {stage}: " + ", ".join(
            f"{name} {r[stage]:.2f} s ({r[f'{stage} MB']:.0f} MB)" for name, r in results.items()
        )
        if against:
            old, new = results["against"], results["this checkout"]
            line += f"; ratio {old[stage] / new[stage]:.1f}x time, {old[f'{stage} MB'] / new[f'{stage} MB']:.2f}x MB"
        print(line)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mb", type=float, default=2.0, help="Size of each page in millions of characters.")
    parser.add_argument(
        "--analysis-mb", type=float, default=1.1, help="Size of the page analysed (under the sentence limit); 0: none."
    )
    parser.add_argument("--against", type=Path, help="Another checkout whose analysis to time in the same run.")
    parser.add_argument("--runs", type=int, default=1, help="Runs of the analysis timing; the fastest is shown.")
    parser.add_argument("--stages-of", type=Path, help=argparse.SUPPRESS)  # the child process of `print_analysis`
    args = parser.parse_args()
    if args.stages_of:
        print(json.dumps(analysis_stages(args.stages_of)))
        return
    with tempfile.TemporaryDirectory() as folder:
        if args.analysis_mb:
            page = Path(folder) / "long.txt"
            page.write_text("\n\n".join(paragraphs(int(args.analysis_mb * 1_000_000))), encoding="utf-8")
            print_analysis(page, args.against, args.runs)
        for path in make_pages(Path(folder), int(args.mb * 1_000_000)):
            wall, peak_mb, last = command_run(path)
            by_stage = stages(path)
            size = path.stat().st_size / 1e6
            print(f"{path.name}: {size:.1f} MB, `storyline brief` {wall:.1f} s, peak RSS {peak_mb:.0f} MB")
            print("  in process: " + ", ".join(f"{k} {v:.1f} s" for k, v in by_stage.items() if k != "sentences"))
            print(f"  {by_stage['sentences']:,.0f} sentences; the command said: {last}")


if __name__ == "__main__":
    main()
