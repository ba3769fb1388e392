"""Speaker errors that are another form of the right name, over the READ splits only (issue 5).

Run by hand: `PYTHONPATH=src .venv/bin/python bench/speaker_name_forms.py [--json OUT]`. Lists the found quotes
whose system speaker is wrong but shares a word with the label, or is a variant of it ("Trump" / "Donald Trump",
"Jonathon" / "Jonathan", "the FBI" / "FBI"), with the cluster's entity for each side, grouped by a rough cause.
Blind splits are never analysed here: their quotes must stay unread.
"""

from __future__ import annotations

import json
import sys
from collections import defaultdict

from analysis_quality import LABELS, first_words, load_cluster, same_speaker
from storyline.analyze import analyze
from storyline.analyze.entities import name_key, nlp

READ_SPLITS = frozenset(
    "dev dev2 heldout heldout2 heldout3 heldout4 heldout5 heldout6 heldout7 heldout8 heldout9 heldout12 heldout14 "
    "heldout15 heldout18 heldout19 heldout20".split()
)
_SMALL = frozenset("the a an of and for in on at to".split())


def words(name: str) -> set[str]:
    return {w.strip("'’s") for w in name_key(name).split()} - _SMALL


def is_acronym(short: str, long: str) -> bool:
    """'FBI' of 'Federal Bureau of Investigation', with or without the small words."""
    key = name_key(short)
    if " " in key or len(key) < 2:
        return False
    full = name_key(long).split()
    return key in ("".join(w[0] for w in full), "".join(w[0] for w in full if w not in _SMALL))


def cause(found: str, label: str) -> str:
    f, g = name_key(found), name_key(label)
    if is_acronym(found, label) or is_acronym(label, found):
        return "acronym"
    fw, gw = f.split(), g.split()
    if [w for w in fw if w not in _SMALL] == [w for w in gw if w not in _SMALL]:
        return "determiner/small word"
    if set(fw) < set(gw):
        return "system shorter (part of label)"
    if set(gw) < set(fw):
        return "system longer (label inside)"
    if fw[-1] == gw[-1]:
        return "same surname, other first/middle"
    if fw[0] == gw[0]:
        return "same first word, other rest"
    return "other shared word"


def main() -> None:
    out = sys.argv[sys.argv.index("--json") + 1] if "--json" in sys.argv else None
    labelled = json.loads(LABELS.read_text(encoding="utf-8"))["clusters"]
    clusters = [c for c in labelled if c.get("split", "dev") in READ_SPLITS]
    nlp()
    errors = []
    for cluster in clusters:
        analysis = analyze(load_cluster(cluster["cluster"]))
        by_key: dict = {}
        for q in analysis.quotes:
            by_key.setdefault((q.span.article, first_words(q.text)), []).append(q)
        entity_of = {}
        for e in analysis.entities:
            for a in (e.name, *e.aliases):
                entity_of.setdefault(name_key(a), e)
        for label in cluster["quotes"]:
            same = by_key.get((label["doc"], label["first"]))
            if not same:
                continue
            q = same.pop(0)
            gold = label["speaker"]
            if q.speaker is None or gold is None or same_speaker(q.speaker, q.speaker_kind, gold):
                continue
            if not (words(q.speaker) & words(gold) or is_acronym(q.speaker, gold) or is_acronym(gold, q.speaker)):
                continue
            ents = {side: entity_of.get(name_key(n)) for side, n in (("system", q.speaker), ("label", gold))}
            errors.append(
                {
                    "split": cluster.get("split", "dev"),
                    "cluster": cluster["cluster"],
                    "doc": label["doc"],
                    "first": label["first"],
                    "label": gold,
                    "system": q.speaker,
                    "kind": q.speaker_kind,
                    "cause": cause(q.speaker, gold),
                    "label_entity": ents["label"] and [ents["label"].name, *ents["label"].aliases],
                    "system_entity": ents["system"] and [ents["system"].name, *ents["system"].aliases],
                    "gold_aliases": next(
                        (v for k, v in cluster["entities"].items() if name_key(gold) in {name_key(a) for a in [k, *v]}),
                        None,
                    ),
                }
            )
    groups = defaultdict(list)
    for e in errors:
        groups[e["cause"]].append(e)
    print(f"{len(errors)} errors sharing a word with the label over {len(clusters)} read clusters")
    for name, found in sorted(groups.items(), key=lambda kv: -len(kv[1])):
        print(f"\n## {name}: {len(found)}")
        for e in found:
            print(
                f"  [{e['split']} {e['cluster']} d{e['doc']}] label={e['label']!r} system={e['system']!r} ({e['kind']})"
                f"\n      label entity={e['label_entity']}\n      system entity={e['system_entity']}"
                f"\n      gold aliases={e['gold_aliases']}"
            )
    if out:
        with open(out, "w", encoding="utf-8") as f:
            json.dump(errors, f, indent=1, ensure_ascii=False)


if __name__ == "__main__":
    main()
