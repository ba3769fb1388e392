"""How often the outlet found in an article's own text is right, on DUC 2003's wire documents.

Run by hand: `.venv/bin/python bench/outlet_quality.py`. Needs ../shared/data/duc2003.jsonl.gz (not in this
repository); prints a note and exits when it is absent.

Every DUC document carries an LDC id whose first three letters name its news service (APW: the Associated Press,
NYT: The New York Times, XIE: Xinhua). A brief reads that id when the input gives it; here each document is cleaned
without it, as a pasted wire story would be, so the outlet can come only from the text (a byline, a dateline's
"(AP)", "told the Times"). Right: the service of the id; wrong: another outlet; none: no outlet found. Wrong matters
most: an outlet cited beside every summary sentence that did not publish it misleads the reader.
"""

from __future__ import annotations

import gzip
import json
from collections import Counter
from pathlib import Path

from storyline.clean import clean_article
from storyline.ingest import NEWSWIRE_SERVICES
from storyline.models import Article

ROOT = Path(__file__).resolve().parent.parent
DUC = ROOT.parent / "shared" / "data" / "duc2003.jsonl.gz"


def main() -> None:
    if not DUC.exists():
        print(f"{DUC} not found: nothing to score")
        return
    outcomes: Counter[str] = Counter()
    confusions: Counter[tuple[str, str]] = Counter()
    with gzip.open(DUC, "rt", encoding="utf-8") as records:
        for line in records:
            record = json.loads(line)
            for text, doc_id in zip(record["documents"], record["doc_ids"], strict=True):
                service = NEWSWIRE_SERVICES.get(doc_id[:3])
                if service is None:
                    continue
                # Read as from stdin: no file name the outlet could fall back on.
                outlet = clean_article(Article(id="a1", source="stdin", raw=text, text=text)).outlet
                if outlet is None:
                    outcomes["none"] += 1
                elif outlet == service:
                    outcomes["right"] += 1
                else:
                    outcomes["wrong"] += 1
                    confusions[(service, outlet)] += 1
    named = outcomes["right"] + outcomes["wrong"]
    total = named + outcomes["none"]
    print(f"{total} DUC 2003 documents with a known service, outlet from the text alone:")
    print(f"right {outcomes['right']}, wrong {outcomes['wrong']}, none {outcomes['none']}")
    print(f"precision {100 * outcomes['right'] / max(named, 1):.1f}%, recall {100 * outcomes['right'] / total:.1f}%")
    for (service, outlet), count in confusions.most_common(10):
        print(f"  {service} named {outlet}: {count}")


if __name__ == "__main__":
    main()
