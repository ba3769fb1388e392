"""`storyline eval`: score storyline and the baselines with ROUGE, as ../shared/docs/EVALUATION.md prescribes.

Every system gets the same sentences, made from the raw documents the way a brief makes them (load, clean,
drop duplicate articles, split), picks sentences up to the budget, and is cut to exactly `words` words. The
`NAME:uncleaned` baselines get the documents as given instead, split by the same splitter but not cleaned: the
baselines as they would run on scraped pages, for a margin that counts what cleaning gains.
"""

from __future__ import annotations

import json
import logging
import time
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from functools import cache, partial
from pathlib import Path
from typing import Any

from pydantic import BaseModel, Field, computed_field

from storyline.baselines import BASELINES, oracle
from storyline.errors import ConfigError, InputError
from storyline.ingest import load_record, open_jsonl, unreadable_reason
from storyline.models import Article, BriefOptions, Sentence
from storyline.pipeline import prepare_articles
from storyline.segment import ENDS_SENTENCE, segment, sentence_spans
from storyline.select import STRATEGY_NAMES, select_story_indices

logger = logging.getLogger(__name__)

UNCLEANED = ":uncleaned"
SYSTEMS = (
    "storyline",
    *(f"storyline:{name}" for name in STRATEGY_NAMES),
    *BASELINES,
    *(name + UNCLEANED for name in BASELINES),
    "oracle",
)
"""`storyline` runs the default strategy; `storyline:NAME` a named one, to compare strategies in one run;
`BASELINE:uncleaned` a baseline on the documents without storyline's cleaning."""
DEFAULT_SYSTEMS = ("storyline", *BASELINES, "oracle")
"""What `evaluate` and `storyline eval` score unless told otherwise: the default beside every baseline."""
ROUGE_TYPES = ("rouge1", "rouge2", "rougeL", "rougeLsum")
BATCH_CLUSTERS = 16
"""Clusters whose storyline selections `evaluate_clusters` makes in one `select_story_indices` call."""
TIMING = (
    "end to end from the raw record: load, clean, split (timed once per cluster, charged to every system), select "
    f"(storyline: one call per {BATCH_CLUSTERS} clusters, its time shared equally among them)"
)


@dataclass(frozen=True)
class Record:
    """One cluster to score: its raw record (documents and all) and its reference summaries."""

    id: str
    record: dict[str, Any]
    references: tuple[str, ...]


@dataclass(frozen=True)
class ClusterScore:
    """One system's result on one cluster: F1 and recall × 100 by ROUGE type, words output, seconds taken."""

    f1: dict[str, float]
    recall: dict[str, float]
    n_words: int
    seconds: float


class SystemResult(BaseModel):
    """One system's scores, averaged over the clusters."""

    system: str
    rouge1: float = Field(description="ROUGE-1 F1 × 100, mean over clusters (and over references).")
    rouge2: float = Field(description="ROUGE-2 F1 × 100.")
    rougeL: float = Field(description="ROUGE-L F1 × 100.")
    rougeLsum: float = Field(description="ROUGE-Lsum F1 × 100 (one sentence per line).")
    rouge1_recall: float = Field(description="ROUGE-1 recall × 100, mean over the references, then clusters.")
    rouge2_recall: float = Field(description="ROUGE-2 recall × 100.")
    mean_words: float = Field(description="Mean whitespace words of the output after the cut.")
    clusters_per_s: float = Field(description="Clusters per second of one process; see `EvalReport.timing`.")


@dataclass(frozen=True)
class ClusterOutcome:
    """Every system's result on one cluster, and how many sentences its cleaned documents gave."""

    scores: dict[str, ClusterScore]
    n_sentences: int


class ClusterResult(BaseModel):
    """Every system's F1 and recall on one cluster: what a paired comparison of two systems needs (the means hide
    whether a difference comes from many clusters or a few)."""

    id: str
    n_sentences: int = Field(
        description="Sentences left after load, clean, de-duplicate and split: what storyline and the cleaned "
        "baselines choose from. 0: no usable text, so they output nothing and score 0 on this cluster."
    )
    f1: dict[str, dict[str, float]] = Field(description="By system, then ROUGE type: F1 × 100 on this cluster.")
    recall: dict[str, dict[str, float]] = Field(
        description="By system, then ROUGE type: recall × 100 on this cluster, the mean over its references."
    )


class EvalReport(BaseModel):
    """The result of `evaluate`: one row per system, on the same clusters."""

    data: str
    words: int
    n_clusters: int
    max_references: int = Field(description="Most references any cluster has; > 1 means DUC-style recall.")
    timing: str = TIMING
    systems: list[SystemResult]
    clusters: list[ClusterResult] = Field(description="Per-cluster scores, in the order of the data file.")

    @computed_field(
        description="Ids of the clusters with no usable text (no sentence after load, clean, de-duplicate and split: "
        "no documents, empty ones, or only page furniture). They are scored, 0 for every system but the uncleaned "
        "baselines, as the protocol scores every cluster; the means include them."
    )
    @property
    def no_text(self) -> list[str]:
        return [cluster.id for cluster in self.clusters if cluster.n_sentences == 0]


def read_records(path: Path, *, limit: int | None = None, task: str | None = None) -> list[Record]:
    """Read clusters from a `.jsonl` or `.jsonl.gz` file.

    Args:
        path: One JSON record per line with `documents` (or Multi-News `document`) and `summary` or `summaries`.
        limit: Keep at most this many clusters (after the task filter).
        task: Keep only records whose `task` field equals this (DUC: task2, task3).

    Returns:
        The records in file order; one without an `id` is named `FILE#N`, N its line counted from 0, as
        `storyline brief FILE --cluster N` counts.

    Raises:
        InputError: the file cannot be read, or a record is not JSON or has no reference summary.
    """
    records: list[Record] = []
    try:
        # Read as `storyline brief` reads JSONL: a BOM or UTF-16 is followed, but bytes that do not decode are an
        # error here rather than U+FFFD, since scores on mangled text would mislead.
        lines, encoding = open_jsonl(path)
        with lines:
            for number, line in enumerate(lines):
                if limit is not None and len(records) >= limit:
                    break
                if not line.strip():
                    continue
                # A record without an id is named as `brief FILE --cluster N` picks it (0-based, `FILE#N`); an
                # error names its line as editors and compilers count them, from 1.
                record = _parse_record(line, where=f"{path}:{number + 1}", default_id=f"{path}#{number}")
                if task is None or record.record.get("task") == task:
                    records.append(record)
    except UnicodeDecodeError as exc:
        bad_byte = exc.object[exc.start]
        raise InputError(
            f"{path}: not {encoding} text (byte 0x{bad_byte:02x}: {exc.reason}); save the file as UTF-8"
        ) from exc
    except OSError as exc:
        raise InputError(f"{path}: {unreadable_reason(path, exc)}") from exc
    except EOFError as exc:  # a .gz file cut short
        raise InputError(f"{path}: cannot read: {exc}") from exc
    return records


def _parse_record(line: str, *, where: str, default_id: str) -> Record:
    try:
        record = json.loads(line)
    except json.JSONDecodeError as exc:
        raise InputError(f"{where}: not a JSON record ({exc.msg})") from exc
    except RecursionError as exc:
        raise InputError(f"{where}: not a JSON record (nested too deeply)") from exc
    if not isinstance(record, dict):
        raise InputError(f"{where}: expected a JSON object with 'documents' and 'summary'")
    return Record(id=str(record.get("id", default_id)), record=record, references=_references(record, where))


def _references(record: dict[str, Any], where: str) -> tuple[str, ...]:
    """A record's reference summaries. A record without one is refused, the whole file with it: the protocol
    scores every cluster, and one left out would make the means incomparable with a run on the same file."""
    summaries = record.get("summaries")
    if summaries is not None and not isinstance(summaries, list):
        raise InputError(f"{where}: 'summaries' must be a list of reference summaries; got {type(summaries).__name__}")
    references = summaries or [record.get("summary")]
    if not all(isinstance(r, str) and r.strip() for r in references):
        raise InputError(f"{where}: record has no reference summary; expected 'summary' or 'summaries'")
    return tuple(references)


def cluster_sentences(record: dict[str, Any]) -> list[Sentence]:
    """The sentences a brief would choose from: documents read, cleaned, de-duplicated and split.

    Documents with nothing left after cleaning are skipped; a cluster with none left has no sentences. What a brief
    finds besides the sentences (outlets, dates, language warnings) is not looked for.
    """
    unique, _ = prepare_articles(_articles(record), find_metadata=False)
    return [sentence for article in unique for sentence in segment(article)]


def uncleaned_sentences(record: dict[str, Any]) -> list[Sentence]:
    """The sentences of a record's documents as given: split as `cluster_sentences` splits, but with the page
    furniture, wire notes and duplicate articles left in."""
    return [
        sentence
        for article in _articles(record)
        for sentence in segment(article.model_copy(update={"body": article.text}))
    ]


def _articles(record: dict[str, Any]) -> list[Article]:
    return load_record(record, source=str(record.get("id", "record"))).articles


def cut_words(text: str, words: int) -> str:
    """Cut to the first `words` whitespace words, as ROUGE-1.5.5 `-l` does; line breaks are kept."""
    kept: list[str] = []
    left = words
    for line in text.split("\n"):
        tokens = line.split()
        if left <= 0:
            break
        if tokens:
            kept.append(" ".join(tokens[:left]))
            left -= len(tokens[:left])
    return "\n".join(kept)


def one_sentence_per_line(summary: str) -> str:
    """A reference with one sentence per line, as rougeLsum expects.

    Lines that are already one sentence each are kept. Otherwise, as with Multi-News (one line) and DUC (lines
    wrapped for display, mid-sentence), the lines are joined and split again with storyline's own sentence
    splitter, the one that splits the documents.
    """
    lines = [line.strip() for line in summary.strip().splitlines() if line.strip()]
    if all(sentence_spans(line) == [(0, len(line))] and ENDS_SENTENCE.search(line) for line in lines):
        return "\n".join(lines)
    joined = " ".join(lines)
    return "\n".join(joined[start:end] for start, end in sentence_spans(joined))


@cache
def _rouge_scorer() -> Any:
    from rouge_score import rouge_scorer

    return rouge_scorer.RougeScorer(list(ROUGE_TYPES), use_stemmer=True)


def score(output: str, references: Sequence[str]) -> tuple[dict[str, float], dict[str, float]]:
    """ROUGE F1 and recall × 100 of `output` against each reference, averaged over the references.

    Args:
        output: System output, one sentence per line, already cut to the budget.
        references: Reference summaries, one sentence per line.

    Returns:
        F1 and recall by ROUGE type. With several references both are means (DUC convention for recall).
    """
    per_reference = [_rouge_scorer().score(target=reference, prediction=output) for reference in references]
    f1 = {t: 100 * sum(s[t].fmeasure for s in per_reference) / len(per_reference) for t in ROUGE_TYPES}
    recall = {t: 100 * sum(s[t].recall for s in per_reference) / len(per_reference) for t in ROUGE_TYPES}
    return f1, recall


def _pick(system: str, sentences: Sequence[Sentence], words: int, references: Sequence[str]) -> list[int]:
    if system == "oracle":
        return oracle(sentences, words, references=references)
    return BASELINES[system.removesuffix(UNCLEANED)](sentences, words)


def _storyline_picks(system: str, stories: Sequence[Sequence[Sentence]], words: int) -> list[list[int]]:
    strategy = system.partition(":")[2] or BriefOptions().strategy
    return select_story_indices(stories, words=words, fill="overflow", strategy=strategy)


@dataclass(frozen=True)
class _Input:
    sentences: list[Sentence]
    seconds: float  # load, clean (unless uncleaned), split


@dataclass(frozen=True)
class _Prepared:
    cleaned: _Input
    uncleaned: _Input | None  # only when an uncleaned baseline is scored
    references: list[str]

    def input_for(self, system: str) -> _Input:
        if not system.endswith(UNCLEANED):
            return self.cleaned
        assert self.uncleaned is not None, "evaluate_clusters prepares uncleaned input for every uncleaned system"
        return self.uncleaned


def evaluate_clusters(records: Sequence[Record], *, systems: Sequence[str], words: int) -> list[ClusterOutcome]:
    """Run and score every system on a few clusters.

    Each cluster is read, cleaned and split on its own, timed, and that time is charged to every system. Each
    baseline then selects for every cluster, timed cluster by cluster. Storyline selects for all the clusters in
    one `select_story_indices` call, and each cluster is charged an equal share of that call's time. Scoring comes last:
    each stage runs as one loop over the clusters, so no stage is timed with the caches just emptied by another
    (interleaved with the ROUGE and LexRank calls, the same load-clean-split took ~25% longer).

    Returns:
        For each cluster, a score per system (`seconds` is the load-clean-split time plus that system's selection)
        and the number of its cleaned sentences.
    """
    uncleaned = any(system.endswith(UNCLEANED) for system in systems)
    prepared = [_prepare(record, uncleaned=uncleaned) for record in records]
    picks: dict[str, list[list[int]]] = {}
    seconds: dict[str, list[float]] = {}
    for system in systems:
        if system.startswith("storyline"):
            start = time.perf_counter()
            picks[system] = _storyline_picks(system, [done.cleaned.sentences for done in prepared], words)
            seconds[system] = [(time.perf_counter() - start) / len(records)] * len(records)
        else:
            picks[system], seconds[system] = [], []
            for done in prepared:
                start = time.perf_counter()
                picks[system].append(_pick(system, done.input_for(system).sentences, words, done.references))
                seconds[system].append(time.perf_counter() - start)
    return [
        ClusterOutcome(
            scores={system: _score(done, system, picks[system][n], words, seconds[system][n]) for system in systems},
            n_sentences=len(done.cleaned.sentences),
        )
        for n, done in enumerate(prepared)
    ]


def _prepare(record: Record, *, uncleaned: bool) -> _Prepared:
    # Each input is made from the record on its own, loading included, so each is timed end to end; loading once
    # for both would leave the uncleaned baselines' time without its share of the load.
    return _Prepared(
        cleaned=_timed_input(cluster_sentences, record),
        uncleaned=_timed_input(uncleaned_sentences, record) if uncleaned else None,
        references=[one_sentence_per_line(r) for r in record.references],
    )


def _timed_input(make: Callable[[dict[str, Any]], list[Sentence]], record: Record) -> _Input:
    start = time.perf_counter()
    sentences = make(record.record)
    return _Input(sentences, time.perf_counter() - start)


def _score(prepared: _Prepared, system: str, chosen: Sequence[int], words: int, selecting: float) -> ClusterScore:
    given = prepared.input_for(system)
    output = cut_words("\n".join(given.sentences[i].text for i in chosen), words)
    f1, recall = score(output, prepared.references)
    return ClusterScore(f1=f1, recall=recall, n_words=len(output.split()), seconds=given.seconds + selecting)


def _evaluate_batch(
    numbered: tuple[int, Sequence[Record]], *, systems: Sequence[str], words: int
) -> list[ClusterOutcome]:
    """`evaluate_clusters` with the systems in the given order on even batches and reversed on odd ones: a system's
    selection runs 10-15% slower right after another's than right after load-clean-split (cache and allocator state,
    presumably), so a fixed order would favour the systems timed first."""
    number, records = numbered
    return evaluate_clusters(records, systems=systems if number % 2 == 0 else systems[::-1], words=words)


def _run(
    batches: Sequence[tuple[int, Sequence[Record]]],
    evaluate_batch: Callable[[tuple[int, Sequence[Record]]], list[ClusterOutcome]],
    jobs: int,
) -> Iterator[list[ClusterOutcome]]:
    if jobs <= 1:
        yield from map(evaluate_batch, batches)
        return
    with ProcessPoolExecutor(max_workers=jobs) as pool:
        yield from pool.map(evaluate_batch, batches)


def evaluate(
    path: Path,
    *,
    words: int,
    systems: Sequence[str] = DEFAULT_SYSTEMS,
    limit: int | None = None,
    task: str | None = None,
    jobs: int = 1,
    on_cluster: Callable[[int, int], None] | None = None,
) -> EvalReport:
    """Score storyline and the baselines on the clusters of a data file.

    Args:
        path: A `.jsonl`/`.jsonl.gz` file of clusters with reference summaries.
        words: Word budget; outputs are cut to exactly this many words.
        systems: Names from `SYSTEMS`.
        limit: Score only the first this many clusters.
        task: Score only records with this `task` (DUC).
        jobs: Worker processes; 1 runs in this process.
        on_cluster: Called with (clusters done, clusters in all) after each batch of clusters, for progress display.

    Returns:
        Mean scores per system over the same clusters.

    Raises:
        ConfigError: an unknown system name.
        InputError: the data cannot be read or has no cluster to score.
    """
    unknown = [s for s in systems if s not in SYSTEMS]
    if unknown:
        raise ConfigError(f"unknown system {', '.join(unknown)}; choose from {', '.join(SYSTEMS)}")
    records = read_records(path, limit=limit, task=task)
    if not records:
        wanted = f" with task {task!r}" if task else ""
        raise InputError(f"{path}: no cluster{wanted} to evaluate")
    per_cluster: list[ClusterOutcome] = []
    batches = [records[i : i + BATCH_CLUSTERS] for i in range(0, len(records), BATCH_CLUSTERS)]
    for results in _run(list(enumerate(batches)), partial(_evaluate_batch, systems=systems, words=words), jobs):
        per_cluster += results
        if on_cluster is not None:
            on_cluster(len(per_cluster), len(records))
    return EvalReport(
        data=str(path),
        words=words,
        n_clusters=len(records),
        max_references=max(len(r.references) for r in records),
        systems=[_summarize(system, [c.scores[system] for c in per_cluster]) for system in systems],
        clusters=[
            ClusterResult(
                id=record.id,
                n_sentences=done.n_sentences,
                f1={system: done.scores[system].f1 for system in systems},
                recall={system: done.scores[system].recall for system in systems},
            )
            for record, done in zip(records, per_cluster, strict=True)
        ],
    )


def _summarize(system: str, scores: Sequence[ClusterScore]) -> SystemResult:
    def mean(values: Sequence[float]) -> float:
        return sum(values) / len(values)

    return SystemResult(
        system=system,
        **{t: mean([s.f1[t] for s in scores]) for t in ROUGE_TYPES},
        rouge1_recall=mean([s.recall["rouge1"] for s in scores]),
        rouge2_recall=mean([s.recall["rouge2"] for s in scores]),
        mean_words=mean([s.n_words for s in scores]),
        clusters_per_s=len(scores) / max(sum(s.seconds for s in scores), 1e-9),
    )
