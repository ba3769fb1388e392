"""Analysis cost (entities, quotes, timeline, coverage, conflicts) on the seeds and on a 100-article pile (issue #5).

Run by hand: `.venv/bin/python bench/bench_analysis.py`. Models are loaded first and timed apart; then each
brief is made twice in the same process, with and without analysis, so the difference is what analysis adds.
The pile is the first 100 articles of the research-only raw Multi-News validation set in ../shared/data.
"""

from __future__ import annotations

import gzip
import json
import statistics
import time
from pathlib import Path

import storyline
from storyline.analyze.entities import nlp
from storyline.ingest import load_articles
from storyline.models import Article, BriefOptions

ROOT = Path(__file__).resolve().parent.parent
RAW = ROOT.parent / "shared" / "data" / "multinews_val_raw.jsonl.gz"


def pile(n_articles: int) -> list[Article]:
    articles: list[Article] = []
    with gzip.open(RAW, "rt", encoding="utf-8") as records:
        for line in records:
            texts = [d for d in json.loads(line)["documents"] if d.strip()]
            articles += load_articles(texts).articles
            if len(articles) >= n_articles:
                break
    return [a.model_copy(update={"id": f"a{n}"}) for n, a in enumerate(articles[:n_articles], start=1)]


def median_seconds(articles: list[Article], *, analysis: bool, runs: int) -> float:
    options = BriefOptions(words=300, analysis=analysis)
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        storyline.brief(articles, options=options)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> None:
    start = time.perf_counter()
    nlp()
    print(f"spaCy model load: {time.perf_counter() - start:.2f} s")
    seeds = load_articles([ROOT / "examples"]).articles
    cases = [("3 seed articles", seeds, 5)]
    if RAW.exists():
        cases.append(("100-article pile", pile(100), 1))
    storyline.brief(seeds, options=BriefOptions(analysis=True))  # warm caches
    for name, articles, runs in cases:
        without = median_seconds(articles, analysis=False, runs=runs)
        with_analysis = median_seconds(articles, analysis=True, runs=runs)
        words = sum(len(a.text.split()) for a in articles)
        print(
            f"{name} ({words:,} words): brief {without:.2f} s, with analysis {with_analysis:.2f} s, "
            f"analysis adds {with_analysis - without:.2f} s ({with_analysis / without:.1f}x)"
        )


if __name__ == "__main__":
    main()
