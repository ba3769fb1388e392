"""End-to-end brief speed beside sumy's LexRank, cold-start time and peak memory (issue #3).

Run by hand: `.venv/bin/python bench/bench_brief.py [--limit N]`. Reads the research-only raw Multi-News
validation clusters from ../shared/data (not part of this repository).

Per cluster, storyline's time covers the whole path from the JSON record: ingest, clean, de-duplicate, segment,
select with support. LexRank (sumy) is timed on the very sentences storyline segmented, selection only, in the
same process and run, so the ratio holds on a noisy shared machine.
"""

from __future__ import annotations

import argparse
import gzip
import resource
import subprocess
import sys
import time
from pathlib import Path

from storyline.baselines import lexrank
from storyline.ingest import load_articles
from storyline.models import Sentence
from storyline.pipeline import prepare_articles
from storyline.segment import segment
from storyline.select import select_sentences

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT.parent / "shared" / "data" / "multinews_val_raw.jsonl.gz"
WORDS = 300


def storyline_cluster(record_line: str) -> list[Sentence]:
    """What `storyline.brief` does before rendering, through the same `prepare_articles` it calls."""
    unique, _ = prepare_articles(load_articles([record_line]).articles)
    sentences = [s for a in unique for s in segment(a)]
    select_sentences(sentences, words=WORDS, fill="overflow")
    return sentences


def throughput(lines: list[str]) -> tuple[float, float]:
    storyline_s = lexrank_s = 0.0
    for line in lines:
        start = time.perf_counter()
        sentences = storyline_cluster(line)
        storyline_s += time.perf_counter() - start
        start = time.perf_counter()
        lexrank(sentences, WORDS)
        lexrank_s += time.perf_counter() - start
    return len(lines) / storyline_s, len(lines) / lexrank_s


def cold_start(runs: int = 3) -> tuple[float, float]:
    """Best wall time of `storyline brief examples/` in a fresh process, and its peak RSS in MB."""
    command = [str(ROOT / ".venv" / "bin" / "storyline"), "brief", str(ROOT / "examples")]
    best = float("inf")
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(command, check=True, capture_output=True)
        best = min(best, time.perf_counter() - start)
    peak_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return best, peak_mb


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=250)
    args = parser.parse_args()
    if not DATA.exists():
        sys.exit(f"{DATA} not found: this benchmark needs the shared research data")
    with gzip.open(DATA, "rt", encoding="utf-8") as records:
        lines = [line for _, line in zip(range(args.limit), records, strict=False)]
    storyline_cluster(lines[0])  # warm caches (stemmer, regexes) for both systems alike
    ours, theirs = throughput(lines)
    wall_s, peak_mb = cold_start()
    print(f"clusters: {len(lines)} from {DATA.name}, budget {WORDS} words")
    print(f"storyline end to end : {ours:8.1f} clusters/s")
    print(f"sumy LexRank (select): {theirs:8.1f} clusters/s")
    print(f"ratio storyline / LexRank: {ours / theirs:.1f}x")
    print(f"cold start `storyline brief examples/`: {wall_s:.2f} s (best of 3), peak RSS {peak_mb:.0f} MB")


if __name__ == "__main__":
    main()
