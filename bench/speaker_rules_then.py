"""The speaker rules' answers on one labelled split, for `speaker_ranker_cv.py` (issue 5, research only).

`speaker_ranker_cv.py` runs this with an old commit's `src` on PYTHONPATH (the commit before the split's labels
were added), so the answers are the rules' out of sample: `python speaker_rules_then.py SPLIT LABELS OUT`. It
imports nothing but `storyline`, whose public API (load_articles, clean_article, analyze) old commits share.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import storyline
from storyline.analyze import analyze
from storyline.clean import clean_article

DATA = Path(__file__).resolve().parent.parent.parent / "shared" / "data"


def answers(split: str, labels: Path) -> list[dict]:
    """Per labelled quote of `split` the rules find: its cluster and label index, speaker, kind and speaker words."""
    rows: list[dict] = []
    for cluster in json.loads(labels.read_text(encoding="utf-8"))["clusters"]:
        if cluster.get("split", "dev") != split:
            continue
        name = cluster["cluster"]
        if name.startswith("duc2003:"):
            loaded = storyline.load_articles([DATA / "duc2003.jsonl.gz"], cluster=name.removeprefix("duc2003:"))
        else:
            loaded = storyline.load_articles([DATA / "multinews_val_raw.jsonl.gz"], cluster=name)
        articles = [clean_article(a).model_copy(update={"id": str(n)}) for n, a in enumerate(loaded.articles)]
        articles = [a for a in articles if a.body.strip()]
        body = {a.id: a.body for a in articles}
        by_key: dict[tuple[str, str], list] = {}
        for q in analyze(articles).quotes:
            by_key.setdefault((q.span.article, " ".join(q.text.split()[:4])), []).append(q)
        for index, label in enumerate(cluster["quotes"]):
            same_start = by_key.get((label["doc"], label["first"]))
            if not same_start:
                continue
            q = same_start.pop(0)
            words = body[label["doc"]][q.speaker_span.start : q.speaker_span.end] if q.speaker_span else None
            rows.append({"cluster": name, "index": index, "speaker": q.speaker, "kind": q.speaker_kind, "words": words})
    return rows


if __name__ == "__main__":
    split, labels, out = sys.argv[1:4]
    Path(out).write_text(json.dumps(answers(split, Path(labels))), encoding="utf-8")
