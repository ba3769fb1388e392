"""Summary-level reranking (issue 4): build several whole candidate summaries per cluster from what select.py
already has, and choose one, instead of trusting one greedy pass.

Run by hand: `PYTHONPATH=src nice .venv/bin/python bench/summary_rerank.py [--train-clusters 2000]`.
Needs ../shared/data and the LightGBM development dependency.

Candidates per cluster (`candidates`): each strategy (`centroid`, `openings`, `hybrid`) filled by MMR with
lambda in {0.5, 0.6, 0.7, 0.8, 1.0}; `learned` by score order (its default) and by MMR with lambda 0.6 and 0.8;
the openings strategy with OPENINGS_WORDS 500 and 1200 (lambda 0.6); the lead baseline; and `default`, the
picks of `adaptive` exactly as `storyline eval` makes them (fill="overflow"). Each is cut to the budget and scored
with ROUGE-1/2 (rouge_score's tokenizer and stemmer, re-implemented with a word cache; checked against
`evaluate.score` on the first clusters).

Reference-free features of a candidate (`FEATURES`): TF-IDF cosine of the summary with the article-balanced and
the plain centroid; share of the story's high-document-frequency words (in at least half of the articles, two at
least) it covers, and the same weighted by document share; the word-importance model of bench/word_importance.py
(trained on the first 4,000 train-sample clusters only) as an estimated ROUGE-1 recall (sum of P(word in
reference) over the distinct words covered / the sum over all the story's words), precision and F1; share of
articles covered; mean sentence position and relative position; share of first sentences; redundancy inside the
summary (mean of each pick's highest cosine to another pick, and the highest); sentences and mean length;
consensus with the other candidates (mean unigram F1 against each other distinct candidate, the "minimum Bayes
risk" signal) and unigram F1 with the default; the strategy one-hot, lambda, whether it equals the default; and the
story's log words and articles.

Choosers, none of which sees the reference: LightGBM regression on R1 minus the cluster's mean candidate R1
(`lgbm`), LambdaRank on per-cluster R1 ranks (`rank`), each also switching from the default only when the
predicted margin over the default's prediction exceeds a threshold (`lgbm>t`); and unsupervised rules: the most
central candidate (`mbr`), the highest estimated recall (`estrec`) or F1 (`estf`). The shipped-style model is
trained on train-sample clusters 4,000 … 4,000 + N (never those the word model saw); the out-of-fold version is
5-fold cross-validation on the 250 raw clusters themselves, grouped by cluster — a comparison, not a model to ship.
Candidate tables are cached under bench/results/. `--learned-lambda` runs only the check of one fixed candidate
(`learned` filled by MMR) on the truncated clusters 1,000 onwards, which the search did not see.

Result (2026-11-28, 2,000 chooser training clusters): negative. Raw 250: default 47.18/18.15, ceiling 49.82
(+2.65), mean candidate 46.74; training-file choosers -1.13 to +0.07 R1 (regression at margin 0 -0.59 +- 0.17,
restricted to the MMR candidates +0.03 +- 0.06 at margin 0.25), out of fold -0.31 to +0.09 +- 0.06, MBR -0.06,
estimated recall -0.25. DUC task 2 (R1 recall 39.00): every chooser <= +0.05, LambdaRank -4.46. Truncated first
1,000 (45.45/16.66): regression +0.14 +- 0.04 R1 / -0.02 R2, as much as one fixed candidate (learned by MMR
lambda 0.8, +0.10 +- 0.03). Candidates, word model and features cost ~80 ms (truncated) to ~165 ms (raw) per
cluster against the default's 3-7 ms. Details in docs/quality.md.
"""

from __future__ import annotations

import argparse
import pickle
import time
from collections import Counter
from pathlib import Path

import numpy as np

import word_importance as wi
from experiments import SETS, prepared, records, standard_error
from storyline import baselines, select
from storyline.evaluate import cluster_sentences, cut_words, one_sentence_per_line, score
from storyline.form import within_length
from storyline.represent import DEFAULT_SUPPORT_THRESHOLD, Cluster

RESULTS = Path(__file__).resolve().parent / "results"
LAMBDAS = (0.5, 0.6, 0.7, 0.8, 1.0)
MMR_STRATEGIES = ("centroid", "openings", "hybrid")
KINDS = ("centroid", "openings", "hybrid", "learned", "openings500", "openings1200", "lead")
WORD_MODEL_CLUSTERS = 4000
FEATURES = (
    "cos_balanced",
    "cos_plain",
    "hdf_cover",
    "hdf_weighted",
    "est_recall",
    "est_precision",
    "est_f",
    "articles_covered",
    "mean_position",
    "mean_relative_position",
    "first_sentence_share",
    "redundancy_mean",
    "redundancy_max",
    "n_sentences",
    "mean_sentence_words",
    "consensus",
    "overlap_default",
    "lambda",
    "is_default",
    "log_words",
    "n_articles",
    *(f"kind_{k}" for k in KINDS),
)


# ---- ROUGE with a word cache -----------------------------------------------------------------------------------


def ngrams(words: list[str], n: int) -> Counter:
    return Counter(zip(*(words[k:] for k in range(n)), strict=False)) if n > 1 else Counter(words)


def rouge(output_words: list[str], references: list[list[str]]) -> tuple[float, float, float]:
    """R1 F1, R2 F1, R1 recall x 100, averaged over the references (rouge_score's formulas)."""
    out = (ngrams(output_words, 1), ngrams(output_words, 2))
    f1 = {1: 0.0, 2: 0.0}
    recall1 = 0.0
    for reference in references:
        for n in (1, 2):
            ref = ngrams(reference, n)
            overlap = sum((out[n - 1] & ref).values())
            p = overlap / max(sum(out[n - 1].values()), 1)
            r = overlap / max(sum(ref.values()), 1)
            f1[n] += 2 * p * r / (p + r) if p + r else 0.0
            if n == 1:
                recall1 += r
    k = len(references)
    return 100 * f1[1] / k, 100 * f1[2] / k, 100 * recall1 / k


# ---- candidates ------------------------------------------------------------------------------------------------


def finish(cluster: Cluster, chosen: list[int], words: int) -> list[int]:
    """Reading order, the overflowing last pick last (as `select._choose` with fill="overflow")."""
    order = select.reading_order(cluster.sentences, chosen)
    if chosen and cluster.n_words[chosen].sum() > words:
        order = [i for i in order if i != chosen[-1]] + [chosen[-1]]
    return order


def openings_scores(cluster: Cluster, view_words: int) -> np.ndarray:
    saved = select.OPENINGS_WORDS
    select.OPENINGS_WORDS = view_words
    try:
        return select._openings_scores([cluster])[0]
    finally:
        select.OPENINGS_WORDS = saved


def candidates(cluster: Cluster, words: int) -> tuple[dict[str, list[int]], dict[str, tuple[str, float]]]:
    """Each candidate's picks (reading order) and its (kind, lambda)."""
    name = select._resolve(select.ADAPTIVE, int(cluster.n_words.sum()), len(cluster.article_ids))
    found: dict[str, list[int]] = {}
    meta: dict[str, tuple[str, float]] = {}
    scores = {s: select.STRATEGIES[s]([cluster])[0] for s in ("centroid", "openings", "hybrid", "learned")}
    found["default"] = select._choose(cluster, name, scores[name], words, "overflow")
    meta["default"] = (name, 1.0 if name in select.SELF_WEIGHTED else select.MMR_LAMBDA)
    form = select.form_weight(cluster.sentences, n_words=cluster.n_words)
    for strategy in MMR_STRATEGIES:
        formed = scores[strategy] * form
        for lam in LAMBDAS:
            key = f"{strategy}/{lam}"
            found[key] = finish(
                cluster, select.fill_budget(cluster, formed, words, "overflow", relevance_weight=lam), words
            )
            meta[key] = (strategy, lam)
    learned = scores["learned"] * within_length(cluster.n_words)
    for lam in (1.0, 0.6, 0.8):
        key = f"learned/{lam}"
        found[key] = finish(
            cluster, select.fill_budget(cluster, learned, words, "overflow", relevance_weight=lam), words
        )
        meta[key] = ("learned", lam)
    for view in (500, 1200):
        formed = openings_scores(cluster, view) * form
        key = f"openings{view}/0.6"
        found[key] = finish(
            cluster, select.fill_budget(cluster, formed, words, "overflow", relevance_weight=0.6), words
        )
        meta[key] = (f"openings{view}", 0.6)
    found["lead"] = baselines.lead(cluster.sentences, words)
    meta["lead"] = ("lead", 0.0)
    return found, meta


# ---- features --------------------------------------------------------------------------------------------------


def unigram_f1(a: Counter, b: Counter) -> float:
    overlap = sum((a & b).values())
    if not overlap:
        return 0.0
    p, r = overlap / sum(a.values()), overlap / sum(b.values())
    return 2 * p * r / (p + r)


def cluster_table(cluster: Cluster, story: wi.Words, p: np.ndarray, words: int, references: list[list[str]] | None):
    """Names, feature matrix, and (R1, R2, R1 recall) of each candidate of one cluster."""
    found, meta = candidates(cluster, words)
    vocab = {w: k for k, w in enumerate(story.vocab)}
    n_docs = len(cluster.article_ids)
    doc_share = story.local[:, 0]
    need = max(2, int(np.ceil(n_docs / 2))) if n_docs > 1 else 1
    high = (story.local[:, 1] >= need) & ~story.stop
    balanced = cluster.vectors
    centroid_b = _centroid(cluster, groups=True)
    centroid_p = _centroid(cluster, groups=False)
    positions = np.array([s.position for s in cluster.sentences], dtype=float)
    lengths = np.zeros(n_docs)
    np.maximum.at(lengths, cluster.article_index, positions + 1)
    relative = positions / lengths[cluster.article_index]
    texts, toks, counts = {}, {}, {}
    for key, order in found.items():
        texts[key] = cut_words("\n".join(cluster.sentences[i].text for i in order), words)
        toks[key] = wi.tokens(texts[key])
        counts[key] = Counter(toks[key])
    distinct = list(dict.fromkeys(tuple(o) for o in found.values()))
    first_key = {}
    for key, order in found.items():
        first_key.setdefault(tuple(order), key)
    total_p = max(float(p.sum()), 1e-9)
    rows, scores, names = [], [], []
    for key, order in found.items():
        kind, lam = meta[key]
        picks = np.array(order, dtype=np.int64)
        covered = np.array(sorted({vocab[w] for w in toks[key] if w in vocab}), dtype=np.int64)
        est_recall = float(p[covered].sum()) / total_p
        est_precision = float(p[covered].mean()) if len(covered) else 0.0
        est_f = 2 * est_recall * est_precision / max(est_recall + est_precision, 1e-9)
        summary_vector = np.asarray(balanced[picks].sum(axis=0)).ravel() if len(picks) else np.zeros(balanced.shape[1])
        norm = np.linalg.norm(summary_vector)
        cos_b = float(summary_vector @ centroid_b) / norm if norm else 0.0
        cos_p = float(summary_vector @ centroid_p) / norm if norm else 0.0
        cov = np.zeros(len(story.vocab), dtype=bool)
        cov[covered] = True
        hdf_cover = float(cov[high].mean()) if high.any() else 0.0
        hdf_weighted = float(doc_share[cov & ~story.stop].sum() / max(doc_share[~story.stop].sum(), 1e-9))
        if len(picks) > 1:
            sim = cluster.similarity[np.ix_(picks, picks)].copy()
            np.fill_diagonal(sim, 0.0)
            red_mean, red_max = float(sim.max(axis=1).mean()), float(sim.max())
        else:
            red_mean = red_max = 0.0
        others = [first_key[o] for o in distinct if first_key[o] != first_key[tuple(order)]]
        consensus = float(np.mean([unigram_f1(counts[key], counts[o]) for o in others])) if others else 1.0
        row = [
            cos_b,
            cos_p,
            hdf_cover,
            hdf_weighted,
            est_recall,
            est_precision,
            est_f,
            len(set(cluster.article_index[picks].tolist())) / n_docs if len(picks) else 0.0,
            float(positions[picks].mean()) if len(picks) else 0.0,
            float(relative[picks].mean()) if len(picks) else 0.0,
            float((positions[picks] == 0).mean()) if len(picks) else 0.0,
            red_mean,
            red_max,
            len(picks),
            float(cluster.n_words[picks].mean()) if len(picks) else 0.0,
            consensus,
            unigram_f1(counts[key], counts["default"]),
            lam,
            float(order == found["default"]),
            float(np.log1p(cluster.n_words.sum())),
            n_docs,
            *(float(kind == k) for k in KINDS),
        ]
        rows.append(row)
        names.append(key)
        scores.append(rouge(toks[key], references) if references is not None else (0.0, 0.0, 0.0))
    return names, np.array(rows, dtype=float), np.array(scores, dtype=float), texts


def _centroid(cluster: Cluster, *, groups: bool) -> np.ndarray:
    vectors = cluster.vectors
    n = vectors.shape[1]
    if groups:
        member = np.zeros((len(cluster.article_ids), vectors.shape[0]))
        member[cluster.article_index, np.arange(vectors.shape[0])] = 1.0
        sums = np.asarray(member @ vectors.toarray())
        norms = np.linalg.norm(sums, axis=1, keepdims=True)
        centroid = (sums / np.where(norms == 0, 1.0, norms)).mean(axis=0)
    else:
        centroid = np.asarray(vectors.mean(axis=0)).ravel() if vectors.shape[0] else np.zeros(n)
    norm = np.linalg.norm(centroid)
    return centroid / norm if norm else centroid


def load_word_model():
    """bench/word_importance.py's word model (its final fit, without the held-out checks) trained on the first
    `WORD_MODEL_CLUSTERS` train-sample clusters, so that the chooser's training clusters (those after them) get word
    probabilities as unseen stories do; cached."""
    cache = RESULTS / f"word_importance_first{WORD_MODEL_CLUSTERS}_0.pkl"
    if cache.exists():
        with cache.open("rb") as f:
            return pickle.load(f)
    from lightgbm import LGBMClassifier

    from storyline.learn import LIGHTGBM_PARAMS

    found = records("train", WORD_MODEL_CLUSTERS)
    stories = [wi.Words(cluster_sentences(r.record)) for r in found]
    labels = [
        np.array([w in reference for w in story.vocab], dtype=float)
        for story, reference in zip(stories, (wi.reference_words(r) for r in found), strict=True)
    ]
    params = {**LIGHTGBM_PARAMS, **wi.WORD_PARAMS, "random_state": 0}
    model = LGBMClassifier(**params).fit(wi.build_rows(stories, labels), np.concatenate(labels))
    prior, default = wi.make_prior(stories, labels)
    RESULTS.mkdir(parents=True, exist_ok=True)
    with cache.open("wb") as f:
        pickle.dump((model, prior, default), f)
    return model, prior, default


def build_set(name: str, word_model, check: int = 3) -> list[dict]:
    """Candidate tables of every cluster of a set (or the chooser's training clusters), cached."""
    cache = RESULTS / f"rerank_{name}.pkl"
    if cache.exists():
        with cache.open("rb") as f:
            return pickle.load(f)
    model, prior, default = word_model
    words = SETS["raw" if name.startswith("train") else name][3]
    if name.startswith("train"):
        n = int(name.removeprefix("train"))
        found = records("train", WORD_MODEL_CLUSTERS + n)[WORD_MODEL_CLUSTERS:]
        source = []
        for record in found:
            sentences = cluster_sentences(record.record)
            cluster = Cluster.build(sentences, DEFAULT_SUPPORT_THRESHOLD) if sentences else None
            source.append((record, cluster, [one_sentence_per_line(r) for r in record.references]))
    else:
        source = prepared(name)
    tables = []
    started = time.perf_counter()
    for k, (_, cluster, references) in enumerate(source):
        if cluster is None:
            tables.append(None)
            continue
        story = wi.Words(cluster.sentences)
        p = model.predict_proba(story.features(prior, default))[:, 1]
        ref_tokens = [wi.tokens(r) for r in references]
        names, rows, scores, texts = cluster_table(cluster, story, p, words, ref_tokens)
        if k < check:  # the re-implemented ROUGE agrees with evaluate.score
            f1, recall = score(texts["default"], references)
            got = scores[names.index("default")]
            assert abs(f1["rouge1"] - got[0]) < 1e-6 and abs(f1["rouge2"] - got[1]) < 1e-6, (f1, got)
            assert abs(recall["rouge1"] - got[2]) < 1e-6, (recall, got)
        tables.append({"names": names, "rows": rows, "scores": scores})
        if (k + 1) % 100 == 0:
            print(f"  {name}: {k + 1} clusters, {time.perf_counter() - started:.0f} s", flush=True)
    print(f"{name}: {len(tables)} clusters in {time.perf_counter() - started:.0f} s", flush=True)
    RESULTS.mkdir(parents=True, exist_ok=True)
    with cache.open("wb") as f:
        pickle.dump(tables, f)
    return tables


# ---- analysis --------------------------------------------------------------------------------------------------

METRIC = {"raw": 0, "trunc": 0, "duc2": 2}  # the headline column: R1 F1, or R1 recall on DUC


def describe(name: str, tables: list[dict]) -> None:
    """Per-candidate means, the per-cluster ceiling and how often the default is already the best."""
    tables_ = [t for t in tables if t is not None]
    m = METRIC[name]
    keys = tables_[0]["names"]
    print(f"\n{name}: {len(tables)} clusters, per-candidate mean R1 / R2 / R1 recall")
    for key in keys:  # a cluster without sentences counts 0, as in `storyline eval`
        s = np.array([t["scores"][t["names"].index(key)] for t in tables_]).sum(axis=0) / len(tables)
        print(f"  {key:16s} {s[0]:6.2f} {s[1]:6.2f} {s[2]:6.2f}")
    default = np.array([t["scores"][t["names"].index("default")][m] for t in tables_])
    best = np.array([t["scores"][:, m].max() for t in tables_])
    mean = np.array([t["scores"][:, m].mean() for t in tables_])
    distinct = np.mean([len({tuple(r) for r in t["rows"][:, :7].round(9).tolist()}) for t in tables_])
    n = len(tables)
    print(
        f"  ceiling (best candidate per cluster, with the reference): {best.sum() / n:.2f} vs default "
        f"{default.sum() / n:.2f} (+{(best - default).sum() / n:.2f}); mean candidate {mean.sum() / n:.2f}; "
        f"default already best in {int((default >= best - 1e-9).sum())} of {len(tables_)}; "
        f"~{distinct:.1f} distinct candidates per cluster"
    )


def correlations(name: str, tables: list[dict]) -> None:
    """Mean within-cluster Spearman correlation of each feature with the candidates' R1 (distinct candidates only):
    how much a feature could tell candidates of one cluster apart."""
    from scipy.stats import spearmanr

    found: dict[str, list[float]] = {f: [] for f in FEATURES[:17]}
    for t in tables:
        if t is None:
            continue
        _, keep = np.unique(t["scores"][:, :2].round(9), axis=0, return_index=True)
        if len(keep) < 3:
            continue
        r1 = t["scores"][keep, 0]
        for j, f in enumerate(FEATURES[:17]):
            column = t["rows"][keep, j]
            if column.std() > 0 and r1.std() > 0:
                rho = spearmanr(column, r1).statistic
                if np.isfinite(rho):
                    found[f].append(float(rho))
    print(
        f"{name}: within-cluster Spearman with R1: "
        + ", ".join(
            f"{f} {np.mean(v):+.2f}" for f, v in sorted(found.items(), key=lambda kv: -abs(np.mean(kv[1]))) if v
        )
    )


def stack(tables: list[dict]):
    rows = np.vstack([t["rows"] for t in tables])
    target = np.concatenate([t["scores"][:, 0] - t["scores"][:, 0].mean() for t in tables])
    groups = np.array([len(t["names"]) for t in tables])
    return rows, target, groups


def rank_labels(tables: list[dict]) -> np.ndarray:
    """Relevance 0-4 per cluster: quintile-like buckets of R1 within the cluster (ties share a bucket)."""
    labels = []
    for t in tables:
        r1 = t["scores"][:, 0]
        spread = r1.max() - r1.min()
        labels.append(
            np.zeros(len(r1), dtype=int) if spread == 0 else np.floor(4 * (r1 - r1.min()) / spread).astype(int)
        )
    return np.concatenate(labels)


REGRESSION = {
    "n_estimators": 300,
    "learning_rate": 0.03,
    "num_leaves": 15,
    "min_child_samples": 40,
    "subsample": 0.8,
    "subsample_freq": 1,
    "colsample_bytree": 0.8,
    "deterministic": True,
    "force_row_wise": True,
    "verbose": -1,
    "n_jobs": 1,
    "random_state": 0,
}


def fit(kind: str, tables: list[dict]):
    from lightgbm import LGBMRanker, LGBMRegressor

    rows, target, groups = stack(tables)
    if kind == "lgbm":
        return LGBMRegressor(**REGRESSION).fit(rows, target)
    return LGBMRanker(**REGRESSION, objective="lambdarank").fit(rows, rank_labels(tables), group=groups)


def choose(t: dict, predicted: np.ndarray, margin: float) -> int:
    d = t["names"].index("default")
    k = int(np.argmax(predicted))
    return k if predicted[k] - predicted[d] > margin else d


MARGINS = (0.0, 0.25, 0.5, 1.0)


def chosen_scores(tables: list[dict], predictions: list[np.ndarray | None], margins=MARGINS) -> dict[str, np.ndarray]:
    """Per cluster (R1, R2, R1 recall) of each chooser; a cluster without sentences scores 0 for all."""
    keys = ["default", "mbr", "estrec", "estf"]
    if any(p is not None for p in predictions):
        keys += [f"model>{m}" for m in margins] + [f"pool>{m}" for m in margins] + ["gated>0.0"]
    out: dict[str, list] = {key: [] for key in keys}
    for t, predicted in zip(tables, predictions, strict=True):
        if t is None:
            for key in keys:
                out[key].append((0.0, 0.0, 0.0))
            continue
        f = {name: t["rows"][:, FEATURES.index(name)] for name in ("consensus", "est_recall", "est_f")}
        picks = {
            "default": t["names"].index("default"),
            "mbr": int(np.argmax(f["consensus"])),
            "estrec": int(np.argmax(f["est_recall"])),
            "estf": int(np.argmax(f["est_f"])),
        }
        if predicted is not None:
            # pool: only the MMR strategies' candidates (no learned-by-score-order, no lead) besides the default
            weak = np.array([n.startswith(("learned", "lead")) for n in t["names"]]) & (
                np.arange(len(t["names"])) != t["names"].index("default")
            )
            for margin in margins:
                picks[f"model>{margin}"] = choose(t, predicted, margin)
                picks[f"pool>{margin}"] = choose(t, np.where(weak, -np.inf, predicted), margin)
            # gated: the model's choice only on stories whose default is `learned` (the training clusters' shape)
            d = t["names"].index("default")
            learned_default = t["rows"][d, FEATURES.index("kind_learned")] == 1.0
            picks["gated>0.0"] = picks["model>0.0"] if learned_default else d
        for key in keys:
            out[key].append(tuple(t["scores"][picks[key]]))
    return {key: np.array(v) for key, v in out.items()}


def paired(label: str, results: dict[str, np.ndarray], metric: int) -> None:
    base = results["default"]
    for key, s in results.items():
        g = s[:, metric] - base[:, metric]
        g2 = s[:, 1] - base[:, 1]
        se, se2 = standard_error(g), standard_error(g2)
        print(
            f"  {label:9s} {key:12s} {'R1rec' if metric == 2 else 'R1'} {s[:, metric].mean():6.2f} R2 "
            f"{s[:, 1].mean():6.2f} | d {g.mean():+.3f} ± {se:.3f}  dR2 {g2.mean():+.3f} ± {se2:.3f} | "
            f"{int((g > 0).sum())} up {int((g < 0).sum())} down"
        )


def predict(model, t: dict | None) -> np.ndarray | None:
    return None if t is None else model.predict(t["rows"])


def out_of_fold(kind: str, tables: list[dict], folds: int = 5) -> list[np.ndarray | None]:
    present = [k for k, t in enumerate(tables) if t is not None]
    predictions: list[np.ndarray | None] = [None] * len(tables)
    for f in range(folds):
        held = [k for i, k in enumerate(present) if i % folds == f]
        model = fit(kind, [tables[k] for i, k in enumerate(present) if i % folds != f])
        for k in held:
            predictions[k] = predict(model, tables[k])
    return predictions


def learned_lambda_heldout(start: int = 1000, lambdas: tuple[float, ...] = (0.6, 0.8, 0.9)) -> None:
    """`learned` filled by MMR with each lambda instead of score order, paired against the default on the truncated
    validation clusters from `start` on (the search above looked at the first 1,000 only); stories whose default is
    not `learned` count as unchanged."""
    found = records("trunc", 10**6)[start:]
    gains: dict[float, list[tuple[float, float]]] = {lam: [] for lam in lambdas}
    for record in found:
        sentences = cluster_sentences(record.record)
        cluster = Cluster.build(sentences, DEFAULT_SUPPORT_THRESHOLD) if sentences else None
        name = cluster and select._resolve(select.ADAPTIVE, int(cluster.n_words.sum()), len(cluster.article_ids))
        if cluster is None or name != "learned":
            for v in gains.values():
                v.append((0.0, 0.0))
            continue
        references = [wi.tokens(one_sentence_per_line(r)) for r in record.references]

        def scored(order: list[int], cluster: Cluster = cluster, references: list = references) -> tuple:
            return rouge(wi.tokens(cut_words("\n".join(cluster.sentences[i].text for i in order), 300)), references)

        scores = select.STRATEGIES["learned"]([cluster])[0]
        base = scored(select._choose(cluster, name, scores, 300, "overflow"))
        for lam in lambdas:
            chosen = select.fill_budget(
                cluster, scores * within_length(cluster.n_words), 300, "overflow", relevance_weight=lam
            )
            got = scored(finish(cluster, chosen, 300))
            gains[lam].append((got[0] - base[0], got[1] - base[1]))
    for lam, values in gains.items():
        g = np.array(values)
        se = standard_error(g)
        print(
            f"truncated {start}..{start + len(g)}: learned by MMR lambda {lam} - default: R1 {g[:, 0].mean():+.3f} ± "
            f"{se[0]:.3f}, R2 {g[:, 1].mean():+.3f} ± {se[1]:.3f} ({int((g[:, 0] > 0).sum())} up, "
            f"{int((g[:, 0] < 0).sum())} down)"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--train-clusters", type=int, default=2000)
    parser.add_argument("--sets", default="raw,duc2,trunc")
    parser.add_argument("--learned-lambda", action="store_true", help="only the held-out learned-lambda check")
    args = parser.parse_args()
    if args.learned_lambda:
        learned_lambda_heldout()
        return
    word_model = load_word_model()
    sets = {name: build_set(name, word_model) for name in args.sets.split(",")}
    for name, tables in sets.items():
        describe(name, tables)
        correlations(name, tables)
    train = [t for t in build_set(f"train{args.train_clusters}", word_model) if t is not None]
    print(
        f"\ntrain clusters {len(train)}; mean R1 spread within a cluster "
        f"{np.mean([t['scores'][:, 0].max() - t['scores'][:, 0].min() for t in train]):.2f}"
    )
    models = {kind: fit(kind, train) for kind in ("lgbm", "rank")}
    for name, tables in sets.items():
        print(f"\n{name}: choosers (paired per cluster against the default, ± one standard error)")
        for kind, model in models.items():
            results = chosen_scores(tables, [predict(model, t) for t in tables])
            paired(f"train:{kind}", results, METRIC[name])
        if name == "raw":
            for kind in ("lgbm", "rank"):
                paired(f"oof:{kind}", chosen_scores(tables, out_of_fold(kind, tables)), METRIC[name])
    imp = models["lgbm"].booster_.feature_importance("gain")
    print("\nlgbm gain importance:", ", ".join(f"{FEATURES[i]} {imp[i]:.0f}" for i in np.argsort(-imp)[:12]))


if __name__ == "__main__":
    main()
