"""Time and peak memory of `storyline brief` on one large text file and one large HTML page, by stage.

Run by hand: `.venv/bin/python bench/bench_large_input.py [--mb 2]` (about half a minute at 2 MB on a quiet
machine). The pages are made in a temporary folder from the seed articles' paragraphs, numbered so that no line
repeats. Both sizes are far over one brief's 6,000 sentences (about 1 MB of news text), so `storyline brief` ends
in that one-line refusal after reading, cleaning and splitting everything: the time measured is what a file just
under the input size limit costs before the refusal.

Where the time went when this was written (cProfile, 2026-11-28): text, all but a few percent in cleaning's line
rules (`furniture.classify_line`, two dozen regular expressions a line), linear in the size; HTML, trafilatura and
htmldate beside the same cleaning (their own date search with dateparser, 20 s of a 2 MB page, is now off).
"""

from __future__ import annotations

import argparse
import html
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

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


def command_run(path: Path) -> tuple[float, float, str]:
    """Wall seconds, peak RSS in MB and the last line of stderr of `storyline brief PATH --no-analysis -f json`."""
    command = [sys.executable, "-m", "storyline.cli", "brief", str(path), "--no-analysis", "-f", "json"]
    start = time.perf_counter()
    with tempfile.TemporaryFile() as err:
        process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=err)
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


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mb", type=float, default=2.0, help="Size of each page in millions of characters.")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        for path in make_pages(Path(folder), int(args.mb * 1_000_000)):
            wall, peak_mb, last = command_run(path)
            by_stage = stages(path)
            size = path.stat().st_size / 1e6
            print(f"{path.name}: {size:.1f} MB, `storyline brief` {wall:.1f} s, peak RSS {peak_mb:.0f} MB")
            print("  in process: " + ", ".join(f"{k} {v:.1f} s" for k, v in by_stage.items() if k != "sentences"))
            print(f"  {by_stage['sentences']:,.0f} sentences; the command said: {last}")


if __name__ == "__main__":
    main()
