"""What the selection experiment benches (embedding_salience.py, word_importance.py) share: the data sets they
read from ../shared/data, and the paired report of their variants against the default."""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from pathlib import Path

import numpy as np

from storyline.evaluate import Record, cluster_sentences, cut_words, one_sentence_per_line, read_records, score
from storyline.represent import DEFAULT_SUPPORT_THRESHOLD, Cluster

DATA = Path(__file__).resolve().parents[1] / ".." / "shared" / "data"
SETS = {  # name: file, clusters, DUC task, word budget
    "train": ("multinews_train_sample.jsonl.gz", None, None, 0),
    "raw": ("multinews_val_raw.jsonl.gz", None, None, 300),
    "duc2": ("duc2003.jsonl.gz", None, "task2", 100),
    "trunc": ("multinews_val.jsonl.gz", 1000, None, 300),
}


def standard_error(values: np.ndarray) -> np.ndarray:
    """The standard error of the mean of paired per-cluster differences (one per column of a 2-d array)."""
    return values.std(axis=0, ddof=1) / np.sqrt(len(values))


def records(name: str, limit: int | None = None) -> list[Record]:
    """The clusters of one of `SETS` (its first `limit`, or the set's own cut)."""
    file, clusters, task, _ = SETS[name]
    return read_records(DATA / file, limit=limit or clusters, task=task)


def prepared(name: str) -> Iterator[tuple[Record, Cluster | None, list[str]]]:
    """Each cluster of a set as selection sees it (None when cleaning leaves no sentence), with its references one
    sentence per line, as `storyline eval` scores them."""
    for record in records(name):
        sentences = cluster_sentences(record.record)
        references = [one_sentence_per_line(r) for r in record.references]
        yield record, Cluster.build(sentences, DEFAULT_SUPPORT_THRESHOLD) if sentences else None, references


def score_variants(
    cluster: Cluster, picks: Mapping[str, Sequence[int]], references: list[str], words: int
) -> dict[str, tuple[float, float, float]]:
    """R1 F1, R2 F1 and R1 recall of each variant's picks, cut to the budget; equal picks are scored once."""
    done: dict[tuple[int, ...], tuple[float, float, float]] = {}
    for order in picks.values():
        if tuple(order) not in done:
            output = cut_words("\n".join(cluster.sentences[i].text for i in order), words)
            f1, recall = score(output, references)
            done[tuple(order)] = (f1["rouge1"], f1["rouge2"], recall["rouge1"])
    return {variant: done[tuple(order)] for variant, order in picks.items()}


def report_variants(results: list[dict[str, tuple[float, float, float]]], families: tuple[str, ...] = ()) -> None:
    """Print each variant's mean R1, R2 and R1 recall and its paired R1/R2 difference to "default" (± one standard
    error, on the even and the odd clusters); a variant that leaves a cluster alone counts as the default there.
    For each family (variant-name prefix; "" for all), the variant best on one half, reported on the other: a
    weight tuned on the clusters it is reported on flatters it."""
    names = dict.fromkeys(v for scored in results for v in scored)

    def column(variant: str, k: int) -> np.ndarray:
        return np.array([scored.get(variant, scored["default"])[k] for scored in results])

    even = np.arange(len(results)) % 2 == 0
    base1, base2 = column("default", 0), column("default", 1)
    gains = {}
    for variant in names:
        r1, r2, recall = column(variant, 0), column(variant, 1), column(variant, 2)
        gain1, gain2 = r1 - base1, r2 - base2
        gains[variant] = gain1
        e1, e2 = standard_error(gain1), standard_error(gain2)
        print(
            f"{variant:12s} R1 {r1.mean():.2f} R2 {r2.mean():.2f} R1rec {recall.mean():.2f} | "
            f"dR1 {gain1.mean():+.3f} ± {e1:.3f}  dR2 {gain2.mean():+.3f} ± {e2:.3f} | "
            f"even {gain1[even].mean():+.3f} odd {gain1[~even].mean():+.3f} | changed {int((gain1 != 0).sum())}"
        )
    others = [v for v in names if v != "default"]
    for family in families:
        members = [v for v in others if v.startswith(family)] if family else others
        if not members:
            continue
        on_even = max(members, key=lambda v: gains[v][even].mean())
        on_odd = max(members, key=lambda v: gains[v][~even].mean())
        print(
            f"choose {family or 'any variant'} on even: {on_even} (even {gains[on_even][even].mean():+.3f}) -> odd "
            f"{gains[on_even][~even].mean():+.3f}; on odd: {on_odd} (odd {gains[on_odd][~even].mean():+.3f}) -> "
            f"even {gains[on_odd][even].mean():+.3f}"
        )
