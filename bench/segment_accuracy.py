"""Sentence splitter accuracy and speed: storyline's splitter beside pysbd and spaCy's sentencizer (issue #3).

Run by hand: `.venv/bin/python bench/segment_accuracy.py`. Accuracy is boundary F1 on the hand-labelled cases in
tests/data/sentence_cases.py; speed is characters per second on the seed articles' cleaned text, each splitter
timed in the same process, and reported as a ratio to pysbd. Newlines are hard boundaries for every splitter.
"""

from __future__ import annotations

import importlib.util
import time
from collections.abc import Callable
from pathlib import Path

import pysbd
import spacy

from storyline.clean import clean_article
from storyline.ingest import load_articles
from storyline.segment import _line_sentences, sentence_spans

ROOT = Path(__file__).resolve().parent.parent
Splitter = Callable[[str], list[tuple[int, int]]]


def _per_line(split_line: Callable[[str], list[tuple[int, int]]]) -> Splitter:
    def split(text: str) -> list[tuple[int, int]]:
        spans, offset = [], 0
        for line in text.split("\n"):
            for start, end in split_line(line):
                piece = line[start:end]
                lead = len(piece) - len(piece.lstrip())
                if piece.strip():
                    spans.append((offset + start + lead, offset + start + lead + len(piece.strip())))
            offset += len(line) + 1
        return spans

    return split


def _pysbd() -> Splitter:
    segmenter = pysbd.Segmenter(language="en", clean=False, char_span=True)
    return _per_line(lambda line: [(s.start, s.end) for s in segmenter.segment(line)] if line.strip() else [])


def _sentencizer() -> Splitter:
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    return _per_line(lambda line: [(s.start_char, s.end_char) for s in nlp(line).sents] if line.strip() else [])


def _cases() -> list[tuple[str, list[str]]]:
    spec = importlib.util.spec_from_file_location("cases", ROOT / "tests" / "data" / "sentence_cases.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.CASES


def boundary_f1(split: Splitter, cases: list[tuple[str, list[str]]]) -> float:
    found = gold = hits = 0
    for text, expected in cases:
        predicted = {start for start, _ in split(text)[1:]}
        truth, cursor = set(), 0
        for sentence in expected:
            cursor = text.index(sentence, cursor)
            truth.add(cursor)
            cursor += len(sentence)
        truth.discard(text.index(expected[0]))
        found, gold, hits = found + len(predicted), gold + len(truth), hits + len(predicted & truth)
    precision, recall = hits / max(found, 1), hits / max(gold, 1)
    return 2 * precision * recall / max(precision + recall, 1e-9)


def chars_per_second(splitters: dict[str, Splitter], texts: list[str], rounds: int = 7) -> dict[str, float]:
    """Each splitter's best pass over `texts` in `rounds` rounds that take the splitters in turn, so that load on a
    shared machine hits them alike (timeit's rule: the fastest run is the least disturbed)."""
    best = dict.fromkeys(splitters, float("inf"))
    for split in splitters.values():
        split(texts[0])
    for _ in range(rounds):
        for name, split in splitters.items():
            start = time.perf_counter()
            for text in texts:
                split(text)
            best[name] = min(best[name], time.perf_counter() - start)
    return {name: sum(map(len, texts)) / seconds for name, seconds in best.items()}


def _uncached(text: str) -> list[tuple[int, int]]:
    """storyline's splitter as on text it has not seen: its paragraph cache would otherwise time the repeats as
    lookups."""
    _line_sentences.cache_clear()
    return sentence_spans(text)


def main() -> None:
    texts = [clean_article(a).body for a in load_articles([ROOT / "examples"]).articles]
    cases = _cases()
    splitters = {"storyline": _uncached, "pysbd": _pysbd(), "spacy sentencizer": _sentencizer()}
    speeds = chars_per_second(splitters, texts)
    print(f"{'splitter':<18} {'boundary F1':>11} {'chars/s':>12} {'speed vs pysbd':>15}")
    for name, split in splitters.items():
        print(
            f"{name:<18} {boundary_f1(split, cases):>11.3f} {speeds[name]:>12,.0f} "
            f"{speeds[name] / speeds['pysbd']:>14.1f}x"
        )


if __name__ == "__main__":
    main()
