"""Corroboration and coverage quality against the hand labels in tests/data/support_labels.json (issues 3 and 5).

Run by hand: `.venv/bin/python bench/support_quality.py [--sweep]`. Needs ../shared/data for the Multi-News
clusters (research-only data, not in this repository); the seed articles alone are scored when it is absent.

The labels: for each target sentence (a summary sentence of the default brief, or a fact coverage listed as only
its article's), every sentence of the other articles a labeller judged to report its central fact ("same"), out
of candidates drawn by two similarity measures that the system does not use for this decision (MiniLM cosine and
scikit-learn TF-IDF, the four closest per other article each). The labellers never saw the system's support or
coverage decisions. Pairs outside the candidates count as not the same fact.

- support, pair level: over every labelled target, the pairs `Cluster.supports` holds for (TF-IDF cosine from
  the support threshold and enough content terms each side) with another article's sentences: precision against
  the "same" labels, recall over them.
- "reported by k of n": for summary sentences, whether the set of articles the brief says report the sentence
  equals the set of articles with a "same" sentence; article-level precision and recall of those links.
- only in one outlet: over targets that are news facts, coverage calls a fact its article's own when no other
  article's sentence reaches its match similarity; precision against the facts labelled with no "same" sentence
  anywhere, recall over those.
"""

from __future__ import annotations

import argparse
import json
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

import storyline
from shares import share
from storyline.analyze.coverage import MATCH_SIMILARITY
from storyline.pipeline import prepare_articles
from storyline.represent import DEFAULT_SUPPORT_THRESHOLD, Cluster
from storyline.segment import segment

ROOT = Path(__file__).resolve().parent.parent
LABELS = ROOT / "tests" / "data" / "support_labels.json"
MULTINEWS = ROOT.parent / "shared" / "data" / "multinews_val_raw.jsonl.gz"


@dataclass(frozen=True)
class Target:
    index: int  # the target sentence in the cluster
    kind: str  # "summary" or "unique"
    not_fact: bool
    same: frozenset[int]  # cluster indices of the sentences labelled as reporting its fact
    candidates: tuple[int, ...]  # every sentence the labeller judged


def load_cluster(name: str, support_threshold: float) -> Cluster:
    """The story's sentences as `storyline.brief` builds them: loaded, cleaned, de-duplicated, numbered, split."""
    inputs = [ROOT / "examples"] if name == "examples" else [MULTINEWS]
    loaded = storyline.load_articles(inputs, cluster=None if name == "examples" else name)
    articles, _ = prepare_articles(loaded.articles)
    # The brief numbers the articles it keeps a1, a2, … as the labels do.
    kept = [a.model_copy(update={"id": f"a{n}"}) for n, a in enumerate(articles, start=1)]
    return Cluster.build([s for a in kept for s in segment(a)], support_threshold)


def targets_of(cluster: Cluster, labels: Sequence[dict], moved: Counter[str]) -> list[Target]:
    """Labelled targets mapped to the cluster's sentences; a sentence whose first words changed is left out."""
    where = {(s.article_id, s.position): k for k, s in enumerate(cluster.sentences)}

    def index(sentence_id: str, first: str) -> int | None:
        article, position = sentence_id.split(":")
        k = where.get((article, int(position)))
        if k is None or " ".join(cluster.sentences[k].text.split()[:4]) != first:
            moved[sentence_id] += 1
            return None
        return k

    found = []
    for label in labels:
        k = index(label["sentence"], label["first"])
        candidates = {c: index(c, first) for c, first in label["candidates"]}
        if k is None or None in candidates.values():
            continue
        same = frozenset(candidates[c] for c in label["same"])
        found.append(Target(k, label["kind"], label["not_fact"], same, tuple(candidates.values())))
    return found


def score(cluster: Cluster, targets: Sequence[Target], counts: Counter[str], match: float) -> None:
    supports = cluster.supports
    matched = cluster.similarity >= match
    articles = cluster.article_index
    for target in targets:
        row = supports[target.index] & (articles != articles[target.index])
        counts["pairs_same"] += len(target.same)
        counts["pairs_supported"] += int(row.sum())
        counts["pairs_supported_right"] += sum(row[j] for j in target.same)
        if target.kind == "summary":
            gold = {articles[j] for j in target.same}
            found = set(articles[np.flatnonzero(row)].tolist())
            counts["summary"] += 1
            counts["reported_by_right"] += gold == found
            counts["links_gold"] += len(gold)
            counts["links_found"] += len(found)
            counts["links_right"] += len(gold & found)
            counts["summary_corroborated"] += bool(gold)
        if target.not_fact:
            counts["not_fact"] += 1
            continue
        # Coverage calls a fact its article's own when no other article's sentence comes close to it.
        alone = not (matched[target.index] & (articles != articles[target.index])).any()
        counts["facts_alone"] += not target.same
        counts["called_alone"] += alone
        counts["called_alone_right"] += alone and not target.same


def report(counts: Counter[str]) -> None:
    def ratio(part: str, whole: str) -> str:
        return share(counts, part, whole)

    print(
        f"support pairs              precision {ratio('pairs_supported_right', 'pairs_supported')}   "
        f"recall {ratio('pairs_supported_right', 'pairs_same')}"
    )
    print(
        f"'reported by k of n' right {ratio('reported_by_right', 'summary')}   "
        f"corroborated per labels {ratio('summary_corroborated', 'summary')}"
    )
    print(
        f"  article links            precision {ratio('links_right', 'links_found')}   "
        f"recall {ratio('links_right', 'links_gold')}"
    )
    print(
        f"only in one outlet         precision {ratio('called_alone_right', 'called_alone')}   "
        f"recall {ratio('called_alone_right', 'facts_alone')}"
    )
    print(f"targets labelled no news fact: {counts['not_fact']}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--threshold", type=float, default=DEFAULT_SUPPORT_THRESHOLD, help="support's TF-IDF cosine")
    parser.add_argument("--match", type=float, default=MATCH_SIMILARITY, help="coverage's TF-IDF cosine")
    args = parser.parse_args()
    labels = json.loads(LABELS.read_text(encoding="utf-8"))["clusters"]
    if not MULTINEWS.exists():
        labels = [c for c in labels if c["cluster"] == "examples"]
    counts: Counter[str] = Counter()
    moved: Counter[str] = Counter()
    for labelled in labels:
        cluster = load_cluster(labelled["cluster"], args.threshold)
        score(cluster, targets_of(cluster, labelled["targets"], moved), counts, args.match)
    print(
        f"clusters: {len(labels)}; support from {args.threshold}, coverage match from {args.match}; "
        f"sentences no longer where labelled: {sum(moved.values())}"
    )
    report(counts)


if __name__ == "__main__":
    main()
