"""Learned word importance with a coverage objective (Hong & Nenkova 2014 style): does it help pick summary
sentences on raw Multi-News? (issue 4)

Run by hand: `PYTHONPATH=src nice .venv/bin/python bench/word_importance.py [--sets raw] [--train-clusters 8000]`.
Needs ../shared/data and the LightGBM development dependency. Trains on the train sample only.

Words are ROUGE's: rouge_score's tokenizer (lower-case, non-alphanumerics to spaces, nltk Porter stemmer on
tokens longer than 3 characters). One row per (cluster, distinct stemmed word of the cluster's sentences as
`evaluate.cluster_sentences` makes them); label 1 when the word occurs in the reference. Features (`FEATURES`):
per-cluster statistics (share of articles and sentences containing it, term frequency, earliest word offset in
an article, share of articles whose first sentence / first 50 words contain it, mean relative position, word
length, digits, stop word) and global priors from the training clusters (smoothed log-odds that a word of the
input is in the summary, and the share of training inputs containing it), out of fold (5 folds by cluster) on
the training rows so that a row's own label never feeds its prior. LightGBM (`learn.LIGHTGBM_PARAMS`, seed 0).

Held-out AUC: trained on the first 80% of the training clusters (priors from them only), scored on the last 20%.
The model used on validation is then trained on all of them.

Selection variants on each validation cluster against the default (`adaptive`), with p(word) the model's
probability and only non-stop words counted in coverage:
- `cov/r`: pure greedy coverage, pick the sentence with the largest form_weight x (sum of p over its words not yet
  covered) / words^r, r in {1, 0.5}, until the budget is reached (overflow), no other redundancy cut;
- `add+w`: the default's scores + w x the sentence's word density (sum of p over its distinct words / its words,
  divided by the cluster's highest density), through the default's own fill (MMR or score order);
- `covred+k`: MMR with the redundancy term k x (share of the sentence's word weight already covered) instead of the
  highest cosine to a pick (the 0.35 cosine cut kept); only stories the default fills by MMR change;
- `mmrcov+w`: the default MMR plus w x the normalised uncovered word density as a third term.
Printed per variant: mean R1/R2 F1, paired R1 and R2 differences to the default ± one standard error, the R1
difference on the even and on the odd clusters, then the weight chosen on each half reported on the other.
`--round` picks the variant set: 1 all families above, 2 coverage-as-redundancy grid (+ bigrams), 3 the same
objectives with the true reference words as weights (a ceiling), 4 the neighbourhood of round 2's best, 5 word
probabilities from the openings view. The model is cached under bench/results/ (`--train-clusters`, `--seed`).

Result (2026-11-28, all 8,000 train clusters, 1.66 M word rows, 35.7% positive): negative — below the +0.2 bar.
- Held-out AUC (last 1,600 clusters, priors from the first 6,400 only): 0.787 all words, 0.753 non-stop words;
  without the two global priors 0.753 / 0.710; single columns (non-stop): prior log-odds 0.661, tf 0.693, article
  share 0.639. (4,000 clusters, seed 1: 0.785 / 0.748.)
- Raw Multi-News (250, 300 words), default 47.29/18.30 reproduced; paired R1 / R2 differences ± one SE:
  round 1: pure coverage greedy cov/1 -3.33 ± 0.36 / -4.20, cov/0.5 -2.94 / -3.59; the word density added to
  the default's scores add+0.1..1.2 -0.08 .. -0.98 (every weight < 0); sum of weights addsum+0.1..0.5 -0.13 ..
  -0.63; density in place of the centroid cosine -0.37 / -0.88; coverage as redundancy covred+0.5 +0.13 ± 0.10
  / -0.00, covred+1.0 -0.02, +2.0 -0.90; coverage as an extra MMR term mmrcov+0.1..0.5 -0.01 .. -0.74.
  Round 2 (grid chosen after round 1, same clusters): covred+0.25..1.0 -0.09 .. +0.13; bigram coverage covred2
  -0.22 .. +0.05; words + bigrams covred12+0.25/0.35/0.5/0.7/1.0 -0.20/-0.13/-0.02/+0.05/+0.21 ± 0.12 (R2
  +0.00; even +0.21, odd +0.20); cosine and coverage summed both+0.1..0.5 -0.08 .. +0.03.
  Round 4 (around it): covred12+0.85/1.2/1.5 +0.15/+0.27 ± 0.13/+0.17 (R2 +0.03/+0.10/-0.02). With a model
  trained on 4,000 clusters, seed 1: covred12+1.0 +0.18 ± 0.11, +1.2 +0.18, covred+0.5 +0.14.
  Round 5, openings-view word probabilities: covred12+1.0 +0.17, covred+0.5 +0.13, add+0.2 -0.12.
  Round 3, true reference words as weights (ceiling): cov/1 +9.05, covred+1.0 +2.82, add+1.0 +3.29 — the
  objectives could gain much from better word weights, but an AUC-0.75 model gives at most ~+0.2.
- DUC 2003 task 2 (all `centroid`, default R1 recall 39.00): covred12+1.0 37.99, covred+0.5 38.25, both+0.1
  38.98: the fill hurts on 10-article clusters.
- Built anyway as `coverage` (select.py, words.py, data/word_importance.json, the covred12+1.0 fill on
  `openings` stories only): `storyline eval` raw 47.43/18.26, paired +0.15 ± 0.11 R1, -0.04 ± 0.14 R2
  (bench/paired.py); truncated first 1,000 and DUC task 2 identical to the default (no `openings` story there).
- Cost: word features 7-8 ms and LightGBM prediction 6-8 ms per raw cluster in this script; the shipped numpy
  version costs ~10 ms a raw cluster end to end (32.1 against 48.7 clusters/s, LexRank 5.8).
"""

from __future__ import annotations

import argparse
import pickle
import re
import time
from pathlib import Path

import numpy as np
from scipy.sparse import csr_matrix

from experiments import SETS, prepared, records, report_variants, score_variants
from storyline import select
from storyline.evaluate import cluster_sentences
from storyline.learn import LIGHTGBM_PARAMS
from storyline.represent import Cluster, cosine_to_centroid, stop_words

FEATURES = (
    "doc_share",
    "n_docs_with",
    "sentence_share",
    "tf",
    "first_offset",
    "first_sentence_share",
    "first50_share",
    "mean_relative_position",
    "length",
    "digits",
    "stop",
    "prior_logodds",
    "prior_input_share",
    "n_docs",
)
PRIOR_SMOOTHING = 5.0
WORD_PARAMS = {"n_estimators": 200, "learning_rate": 0.08, "max_bin": 63, "n_jobs": 1}
"""Fewer, coarser trees than the sentence scorer's: 14 features, ~1.7 M rows on a shared machine."""
NON_ALPHANUM = re.compile(r"[^a-z0-9]+")
_STEMS: dict[str, str] = {}


def _stemmer():
    from nltk.stem import porter

    return porter.PorterStemmer()


STEMMER = _stemmer()


def tokens(text: str) -> list[str]:
    """rouge_score's tokenize(text, PorterStemmer()), with a word cache."""
    out = []
    for token in NON_ALPHANUM.sub(" ", text.lower()).split():
        stem = _STEMS.get(token)
        if stem is None:
            stem = _STEMS[token] = STEMMER.stem(token) if len(token) > 3 else token
        if stem:
            out.append(stem)
    return out


STOP_STEMS = frozenset(s for w in stop_words() for s in tokens(w))


class Words:
    """The distinct words of one story and their per-story statistics; `incidence` is sentences x words (1 when
    the sentence holds the word)."""

    def __init__(self, sentences: list) -> None:
        vocab: dict[str, int] = {}
        ids, sentence_of, offsets = [], [], []
        article_of_sentence = []
        articles: dict[str, int] = {}
        doc_words: list[int] = []
        for k, sentence in enumerate(sentences):
            a = articles.setdefault(sentence.article_id, len(articles))
            if a == len(doc_words):
                doc_words.append(0)
            article_of_sentence.append(a)
            words = tokens(sentence.text)
            start = doc_words[a]
            for j, w in enumerate(words):
                ids.append(vocab.setdefault(w, len(vocab)))
                sentence_of.append(k)
                offsets.append(start + j)
            doc_words[a] += len(words)
        self.vocab = list(vocab)
        self.n_sentences = len(sentences)
        n = len(self.vocab)
        ids_a = np.array(ids, dtype=np.int64)
        sent_a = np.array(sentence_of, dtype=np.int64)
        art_sent = np.array(article_of_sentence, dtype=np.int64)
        doc_a = art_sent[sent_a] if len(sent_a) else np.zeros(0, dtype=np.int64)
        off_a = np.array(offsets, dtype=np.float64)
        position = np.array([s.position for s in sentences], dtype=np.int64)
        n_docs = len(doc_words)
        self.ids, self.sentence_of = ids_a, sent_a
        self.incidence = csr_matrix((np.ones(len(ids_a)), (sent_a, ids_a)), shape=(len(sentences), n))
        self.incidence.data[:] = 1.0  # duplicates summed: back to 0/1
        counts = np.bincount(ids_a, minlength=n).astype(float)
        pairs_doc = np.unique(ids_a * n_docs + doc_a) if len(ids_a) else np.zeros(0, dtype=np.int64)
        doc_with = np.bincount(pairs_doc // n_docs, minlength=n).astype(float) if n_docs else np.zeros(n)
        sent_with = np.asarray((self.incidence > 0).sum(axis=0)).ravel().astype(float)
        first = np.full(n, np.inf)
        np.minimum.at(first, ids_a, off_a)
        first_sentence = position[sent_a] == 0 if len(sent_a) else np.zeros(0, dtype=bool)
        fs_pairs = np.unique(ids_a[first_sentence] * n_docs + doc_a[first_sentence]) if n_docs else []
        fs_with = np.bincount(np.asarray(fs_pairs, dtype=np.int64) // max(n_docs, 1), minlength=n).astype(float)
        early = off_a < 50
        e_pairs = np.unique(ids_a[early] * n_docs + doc_a[early]) if n_docs else []
        e_with = np.bincount(np.asarray(e_pairs, dtype=np.int64) // max(n_docs, 1), minlength=n).astype(float)
        lengths = np.array(doc_words, dtype=float)
        relative = off_a / np.maximum(lengths[doc_a], 1.0) if len(off_a) else off_a
        mean_rel = np.bincount(ids_a, weights=relative, minlength=n) / np.maximum(counts, 1)
        self.stop = np.array([w in STOP_STEMS for w in self.vocab], dtype=bool)
        self.local = np.column_stack(
            [
                doc_with / max(n_docs, 1),
                doc_with,
                sent_with / max(len(sentences), 1),
                counts / max(len(ids_a), 1),
                np.log1p(first),
                fs_with / max(n_docs, 1),
                e_with / max(n_docs, 1),
                mean_rel,
                np.array([len(w) for w in self.vocab], dtype=float),
                np.array([any(c.isdigit() for c in w) for w in self.vocab], dtype=float),
                self.stop.astype(float),
            ]
        )
        self.n_docs = n_docs
        same = sent_a[1:] == sent_a[:-1] if len(sent_a) > 1 else np.zeros(0, dtype=bool)
        pair = ids_a[:-1][same] * max(n, 1) + ids_a[1:][same] if len(sent_a) > 1 else np.zeros(0, dtype=np.int64)
        bigrams, pair_id = np.unique(pair, return_inverse=True)
        self.bigram_parts = (bigrams // max(n, 1), bigrams % max(n, 1))
        self.bigram_incidence = csr_matrix(
            (np.ones(len(pair_id)), (sent_a[:-1][same] if len(sent_a) > 1 else pair_id, pair_id)),
            shape=(len(sentences), len(bigrams)),
        )
        self.bigram_incidence.data[:] = 1.0

    def features(self, prior: dict[str, tuple[float, float]], default: tuple[float, float]) -> np.ndarray:
        looked = np.array([prior.get(w, default) for w in self.vocab], dtype=float).reshape(-1, 2)
        return np.column_stack([self.local, looked, np.full(len(self.vocab), self.n_docs, dtype=float)])


def reference_words(record) -> set[str]:
    return {w for r in record.references for w in tokens(r)}


def make_prior(words: list[Words], labels: list[np.ndarray]) -> tuple[dict, tuple[float, float]]:
    """word -> (smoothed log-odds in summary given in input, log share of inputs holding it)."""
    seen: dict[str, int] = {}
    hit: dict[str, float] = {}
    for story, y in zip(words, labels, strict=True):
        for w, label in zip(story.vocab, y.tolist(), strict=True):
            seen[w] = seen.get(w, 0) + 1
            hit[w] = hit.get(w, 0.0) + label
    total_seen = sum(seen.values())
    base = sum(hit.values()) / max(total_seen, 1)
    n = len(words)
    table = {}
    for w, s in seen.items():
        p = (hit[w] + PRIOR_SMOOTHING * base) / (s + PRIOR_SMOOTHING)
        table[w] = (float(np.log(p / (1 - p))), float(np.log(s / n)))
    return table, (float(np.log(base / (1 - base))), float(np.log(0.5 / n)))


def build_rows(words: list[Words], labels: list[np.ndarray], folds: int = 5) -> np.ndarray:
    """Feature rows of the training stories with out-of-fold priors."""
    fold = np.arange(len(words)) % folds
    rows: list[np.ndarray | None] = [None] * len(words)
    for f in range(folds):
        prior, default = make_prior(
            [w for w, g in zip(words, fold, strict=True) if g != f],
            [y for y, g in zip(labels, fold, strict=True) if g != f],
        )
        for k in np.flatnonzero(fold == f):
            rows[k] = words[k].features(prior, default)
    return np.vstack(rows)


def train(limit: int | None, seed: int = 0):
    from lightgbm import LGBMClassifier
    from sklearn.metrics import roc_auc_score

    started = time.perf_counter()
    found = records("train", limit)
    stories = [Words(cluster_sentences(r.record)) for r in found]
    labels = [
        np.array([w in ref for w in s.vocab], dtype=float)
        for s, ref in zip(stories, (reference_words(r) for r in found), strict=True)
    ]
    print(
        f"train: {len(found)} clusters, {sum(len(y) for y in labels)} word rows, "
        f"{np.mean(np.concatenate(labels)):.3f} positive, {time.perf_counter() - started:.0f} s",
        flush=True,
    )
    params = {**LIGHTGBM_PARAMS, **WORD_PARAMS, "random_state": seed}
    cut = int(len(stories) * 0.8)
    fit_rows = build_rows(stories[:cut], labels[:cut])
    prior, default = make_prior(stories[:cut], labels[:cut])
    held_rows = np.vstack([s.features(prior, default) for s in stories[cut:]])
    y_fit, y_held = np.concatenate(labels[:cut]), np.concatenate(labels[cut:])
    model = LGBMClassifier(**params).fit(fit_rows, y_fit)
    p = model.predict_proba(held_rows)[:, 1]
    print(f"held-out AUC (last {len(stories) - cut} clusters), all words: {roc_auc_score(y_held, p):.4f}")
    content = held_rows[:, FEATURES.index("stop")] == 0
    print(f"held-out AUC, non-stop words: {roc_auc_score(y_held[content], p[content]):.4f}")
    for name, column in (
        ("prior_logodds alone", "prior_logodds"),
        ("doc_share alone", "doc_share"),
        ("tf alone", "tf"),
    ):
        c = FEATURES.index(column)
        print(f"held-out AUC, {name} (non-stop): {roc_auc_score(y_held[content], held_rows[content, c]):.4f}")
    no_prior = [i for i, f in enumerate(FEATURES) if not f.startswith("prior")]
    m2 = LGBMClassifier(**params).fit(fit_rows[:, no_prior], y_fit)
    p2 = m2.predict_proba(held_rows[:, no_prior])[:, 1]
    print(
        f"held-out AUC without the global priors: all {roc_auc_score(y_held, p2):.4f}, "
        f"non-stop {roc_auc_score(y_held[content], p2[content]):.4f}",
        flush=True,
    )
    all_rows = build_rows(stories, labels)
    final = LGBMClassifier(**params).fit(all_rows, np.concatenate(labels))
    prior, default = make_prior(stories, labels)
    print(f"trained in {time.perf_counter() - started:.0f} s; prior table {len(prior)} words", flush=True)
    return final, prior, default


# ---- selection -----------------------------------------------------------------------------------------------


def finish(cluster: Cluster, chosen: list[int], words: int) -> list[int]:
    order = select.reading_order(cluster.sentences, chosen)
    if chosen and cluster.n_words[chosen].sum() > words:
        order = [i for i in order if i != chosen[-1]] + [chosen[-1]]
    return order


def coverage_greedy(cluster: Cluster, incidence: csr_matrix, weight: np.ndarray, words: int, r: float) -> list[int]:
    form = select.form_weight(cluster.sentences, n_words=cluster.n_words)
    length = np.maximum(cluster.n_words, 1).astype(float) ** r
    uncovered = weight.copy()
    chosen: list[int] = []
    used = 0
    available = form > 0
    while used < words and available.any():
        gain = form * (incidence @ uncovered) / length
        gain[~available] = -np.inf
        k = int(np.argmax(gain))
        if gain[k] <= 0:
            break
        chosen.append(k)
        used += int(cluster.n_words[k])
        available[k] = False
        uncovered[incidence[k].indices] = 0.0
    return chosen


def mmr_variant(
    cluster: Cluster,
    scores: np.ndarray,
    incidence: csr_matrix,
    weight: np.ndarray,
    words: int,
    *,
    coverage_redundancy: float = 0.0,
    coverage_gain: float = 0.0,
    keep_cosine: bool = False,
) -> list[int]:
    """`select.fill_budget` (fill="overflow") with the redundancy term replaced by k x covered share of the sentence's
    word weight (coverage_redundancy=k > 0), or with w x normalised uncovered density added (coverage_gain=w)."""
    lam = select.MMR_LAMBDA
    by_score = np.argsort(-scores, kind="stable")
    candidates = by_score[scores[by_score] > 0]
    sub = incidence[candidates]
    total = np.maximum(sub @ weight, 1e-12)
    n_words = cluster.n_words
    redundancy = np.zeros(len(candidates))
    unpicked = np.ones(len(candidates), dtype=bool)
    relevance = lam * scores[candidates]
    uncovered = weight.copy()
    chosen: list[int] = []
    used = 0
    while unpicked.any() and used < words:
        new = sub @ uncovered
        if coverage_redundancy and keep_cosine:
            mmr = relevance - (1 - lam) * (redundancy + coverage_redundancy * (1 - new / total))
        elif coverage_redundancy:
            mmr = relevance - (1 - lam) * coverage_redundancy * (1 - new / total)
        else:
            mmr = relevance - (1 - lam) * redundancy
        if coverage_gain:
            density = new / np.maximum(n_words[candidates], 1)
            mmr = mmr + coverage_gain * density / max(float(density.max()), 1e-12)
        allowed = unpicked & (redundancy < select.SUMMARY_REDUNDANT_SIMILARITY)
        if not allowed.any():
            break
        k = int(np.argmax(np.where(allowed, mmr, -np.inf)))
        picked = int(candidates[k])
        chosen.append(picked)
        used += int(n_words[picked])
        unpicked[k] = False
        redundancy = np.maximum(redundancy, cluster.similarity[candidates, picked])
        uncovered[incidence[picked].indices] = 0.0
    return chosen


ADD_WEIGHTS = (0.1, 0.2, 0.3, 0.5, 0.8, 1.2)
COVRED_WEIGHTS = (0.25, 0.35, 0.5, 0.7, 1.0)
ROUND = 2
MODEL = PRIOR = DEFAULT = None  # round 5 reads the model from here
"""Round 1 (first run) printed every family; round 2 only the coverage-as-redundancy family, with a finer grid,
the cosine kept beside it (`both+k`), bigram coverage (`covred2+k`, bigram weight sqrt(p1 p2), stop-stop pairs 0)
and their sum (`covred12+k`)."""
MMRCOV_WEIGHTS = (0.1, 0.2, 0.3, 0.5)


def variants(cluster: Cluster, story: Words, p: np.ndarray, words: int, timing: dict) -> dict[str, list[int]]:
    name = select._resolve(select.ADAPTIVE, int(cluster.n_words.sum()), len(cluster.article_ids))
    default_scores = select.STRATEGIES[name]([cluster])[0]
    found = {"default": select._choose(cluster, name, default_scores, words, "overflow")}
    started = time.perf_counter()
    weight = np.where(story.stop, 0.0, p)
    incidence = story.incidence
    timing["prep"] = timing.get("prep", 0.0) + time.perf_counter() - started
    started = time.perf_counter()
    found["_scorer"] = name  # type: ignore[assignment]
    if ROUND in (2, 4, 5) and name in select.SELF_WEIGHTED:
        return found  # these rounds only change what MMR fills, and score-order strategies do not use MMR
    if ROUND == 5:
        return round_five(cluster, story, weight, name, default_scores, words, found)
    if ROUND == 4:
        return round_four(cluster, story, weight, name, default_scores, words, found)
    if ROUND == 3:
        return round_three(cluster, story, weight, name, default_scores, words, found)
    if ROUND == 2:
        return round_two(cluster, story, weight, name, default_scores, words, found)
    found["cov/1"] = finish(cluster, coverage_greedy(cluster, incidence, weight, words, 1.0), words)
    timing["cov"] = timing.get("cov", 0.0) + time.perf_counter() - started
    found["cov/0.5"] = finish(cluster, coverage_greedy(cluster, incidence, weight, words, 0.5), words)
    density = (incidence @ weight) / np.maximum(cluster.n_words, 1)
    density = density / max(float(density.max()), 1e-12)
    for w in ADD_WEIGHTS:
        found[f"add+{w}"] = select._choose(cluster, name, default_scores + w * density, words, "overflow")
    total = incidence @ weight
    total = total / max(float(total.max()), 1e-12)
    for w in (0.1, 0.2, 0.3, 0.5):
        found[f"addsum+{w}"] = select._choose(cluster, name, default_scores + w * total, words, "overflow")
    if name not in select.SELF_WEIGHTED:
        centrality = cosine_to_centroid(cluster.vectors, groups=cluster.article_index)
        for w in (0.5, 1.0):
            found[f"repl+{w}"] = select._choose(
                cluster, name, default_scores - centrality + w * density, words, "overflow"
            )
        formed = default_scores * select.form_weight(cluster.sentences, n_words=cluster.n_words)
        for k in COVRED_WEIGHTS:
            found[f"covred+{k}"] = finish(
                cluster, mmr_variant(cluster, formed, incidence, weight, words, coverage_redundancy=k), words
            )
        for w in MMRCOV_WEIGHTS:
            found[f"mmrcov+{w}"] = finish(
                cluster, mmr_variant(cluster, formed, incidence, weight, words, coverage_gain=w), words
            )
    return found


def round_three(cluster, story, weight, name, default_scores, words, found):
    """The same selections with the word weights replaced by the truth (1 when the word is in the reference):
    what perfect word importance would give these objectives, a ceiling for any word model."""
    truth = np.where(story.stop, 0.0, story.truth)
    found["cov/1 truth"] = finish(cluster, coverage_greedy(cluster, story.incidence, truth, words, 1.0), words)
    found["cov/0.5 truth"] = finish(cluster, coverage_greedy(cluster, story.incidence, truth, words, 0.5), words)
    density = (story.incidence @ truth) / np.maximum(cluster.n_words, 1)
    density = density / max(float(density.max()), 1e-12)
    for w in (0.3, 1.0):
        found[f"add+{w} truth"] = select._choose(cluster, name, default_scores + w * density, words, "overflow")
    if name not in select.SELF_WEIGHTED:
        formed = default_scores * select.form_weight(cluster.sentences, n_words=cluster.n_words)
        for k in (0.5, 1.0):
            found[f"covred+{k} truth"] = finish(
                cluster, mmr_variant(cluster, formed, story.incidence, truth, words, coverage_redundancy=k), words
            )
    return found


def joint_coverage(story: Words, probability: np.ndarray) -> tuple[np.ndarray, np.ndarray, csr_matrix, np.ndarray]:
    """Content-word weights, bigram weights (the geometric mean of the two words' probabilities; none for two stop
    words), and the word + bigram incidence with its weights, for coverage over both."""
    first, second = story.bigram_parts
    weight = np.where(story.stop, 0.0, probability)
    both_stop = story.stop[first] & story.stop[second]
    bigram_weight = np.where(both_stop, 0.0, np.sqrt(probability[first] * probability[second]))
    joint = csr_matrix(np.hstack([story.incidence.toarray(), story.bigram_incidence.toarray()]))
    return weight, bigram_weight, joint, np.concatenate([weight, bigram_weight])


def round_four(cluster, story, weight, name, default_scores, words, found):
    """Checks of round 2's best: covred12 around k = 1 (is it a smooth optimum or a spike?) and covred+0.5."""
    formed = default_scores * select.form_weight(cluster.sentences, n_words=cluster.n_words)
    _, _, joint, joint_weight = joint_coverage(story, story.p)
    found["covred+0.5"] = finish(
        cluster, mmr_variant(cluster, formed, story.incidence, weight, words, coverage_redundancy=0.5), words
    )
    for k in (0.85, 1.0, 1.2, 1.5):
        found[f"covred12+{k}"] = finish(
            cluster, mmr_variant(cluster, formed, joint, joint_weight, words, coverage_redundancy=k), words
        )
    return found


def round_five(cluster, story, weight, name, default_scores, words, found):
    """Word probabilities from the openings view (each article's first 800/n words, `select._openings`: the shape
    of the truncated training clusters) for the words it holds, the whole story's for the rest."""
    kept = select._openings(cluster)
    view = Words([cluster.sentences[i] for i in kept])
    p_view = MODEL.predict_proba(view.features(PRIOR, DEFAULT))[:, 1]
    where = {w: k for k, w in enumerate(view.vocab)}
    p = story.p.copy()
    for k, w in enumerate(story.vocab):
        if w in where:
            p[k] = p_view[where[w]]
    formed = default_scores * select.form_weight(cluster.sentences, n_words=cluster.n_words)
    for label, probability in (("full", story.p), ("open", p)):
        weight, _, joint, joint_weight = joint_coverage(story, probability)
        found[f"covred+0.5 {label}"] = finish(
            cluster, mmr_variant(cluster, formed, story.incidence, weight, words, coverage_redundancy=0.5), words
        )
        found[f"covred12+1.0 {label}"] = finish(
            cluster, mmr_variant(cluster, formed, joint, joint_weight, words, coverage_redundancy=1.0), words
        )
        density = (story.incidence @ weight) / np.maximum(cluster.n_words, 1)
        density = density / max(float(density.max()), 1e-12)
        found[f"add+0.2 {label}"] = select._choose(cluster, name, default_scores + 0.2 * density, words, "overflow")
    return found


def round_two(cluster, story, weight, name, default_scores, words, found):
    formed = default_scores * select.form_weight(cluster.sentences, n_words=cluster.n_words)
    _, bigram_weight, joint, joint_weight = joint_coverage(story, story.p)
    for k in COVRED_WEIGHTS:
        found[f"covred+{k}"] = finish(
            cluster, mmr_variant(cluster, formed, story.incidence, weight, words, coverage_redundancy=k), words
        )
        found[f"covred2+{k}"] = finish(
            cluster,
            mmr_variant(cluster, formed, story.bigram_incidence, bigram_weight, words, coverage_redundancy=k),
            words,
        )
        found[f"covred12+{k}"] = finish(
            cluster, mmr_variant(cluster, formed, joint, joint_weight, words, coverage_redundancy=k), words
        )
    for k in (0.1, 0.2, 0.3, 0.5):
        found[f"both+{k}"] = finish(
            cluster,
            mmr_variant(cluster, formed, story.incidence, weight, words, coverage_redundancy=k, keep_cosine=True),
            words,
        )
    return found


def evaluate_set(name: str, model, prior, default) -> None:
    words = SETS[name][3]
    results: list[dict[str, tuple[float, float, float]]] = []
    timing: dict[str, float] = {}
    scorers: dict[str, int] = {}
    started = time.perf_counter()
    for record, cluster, references in prepared(name):
        if cluster is None:
            results.append({"default": (0.0, 0.0, 0.0)})
            continue
        t = time.perf_counter()
        story = Words(cluster.sentences)
        rows = story.features(prior, default)
        timing["features"] = timing.get("features", 0.0) + time.perf_counter() - t
        t = time.perf_counter()
        p = model.predict_proba(rows)[:, 1]
        story.p = p
        story.truth = np.array([w in reference_words(record) for w in story.vocab], dtype=float)
        timing["predict"] = timing.get("predict", 0.0) + time.perf_counter() - t
        picked = variants(cluster, story, p, words, timing)
        scorer = picked.pop("_scorer")
        scorers[scorer] = scorers.get(scorer, 0) + 1  # type: ignore[index]
        results.append(score_variants(cluster, picked, references, words))
    n = len(results)
    print(
        f"{name}: {n} clusters ({scorers}), {time.perf_counter() - started:.0f} s; per cluster ms: "
        + ", ".join(f"{k} {1000 * v / n:.1f}" for k, v in timing.items()),
        flush=True,
    )
    report_variants(results, FAMILIES)


FAMILIES = ("cov/", "add+", "addsum+", "repl+", "covred+", "covred2+", "covred12+", "both+", "mmrcov+", "")
"""Variant-name prefixes whose best weight `report_variants` checks across the two halves of the clusters."""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--train-clusters", type=int, default=None)
    parser.add_argument("--sets", default="raw", help="comma-separated: raw, duc2, trunc")
    parser.add_argument("--round", type=int, default=2, choices=(1, 2, 3, 4, 5))
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()
    global ROUND
    ROUND = args.round
    cache = (
        Path(__file__).resolve().parent / "results" / f"word_importance_{args.train_clusters or 'all'}_{args.seed}.pkl"
    )
    if cache.exists():
        with cache.open("rb") as f:
            model, prior, default = pickle.load(f)
    else:
        model, prior, default = train(args.train_clusters, args.seed)
        cache.parent.mkdir(parents=True, exist_ok=True)
        with cache.open("wb") as f:
            pickle.dump((model, prior, default), f)
    global MODEL, PRIOR, DEFAULT
    MODEL, PRIOR, DEFAULT = model, prior, default
    for name in args.sets.split(","):
        evaluate_set(name, model, prior, default)


if __name__ == "__main__":
    main()
