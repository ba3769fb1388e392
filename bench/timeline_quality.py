"""Date detection and resolution against the hand labels in tests/data/timeline_labels.json (issue 5).

Run by hand: `.venv/bin/python bench/timeline_quality.py`. Needs ../shared/data for the Multi-News clusters
(research-only data, not in this repository); the seed articles alone are scored when it is absent.

Each article gets the publication date the labels state, is cleaned, and goes through `build_timeline` (without
entities, so no spaCy). Labels hold offsets into the document as stored; a system span is mapped back there through
the body's lines, which cleaning keeps verbatim.

- detection: a labelled expression is found when a system expression of the same document overlaps it;
  precision over system expressions, recall over labels; exact: found with the very same span.
- resolved-date accuracy: over found labels, the share whose value (and range end) equals the label's;
  end to end: correct values over all labels.
- development clusters (the grammar was written while reading them) and held-out ones (`"held_out": true`,
  labelled after the grammar was written) are reported apart; the held-out clusters labelled blind (`"labelled"`,
  from the text alone before the system was run on them) are also reported on their own.
- holidays ("on Thanksgiving") are out of the labels' scope, so the system's holiday expressions are not scored.
- dateparser: `search_dates` on the same sentences with the publication date as its base, for comparison; its
  value counts as right when it falls in the labelled day, week, month or year.
"""

from __future__ import annotations

import datetime as dt
import json
import time
import warnings
from collections import Counter
from collections.abc import Callable
from pathlib import Path

import storyline
from shares import share
from storyline.analyze.dates import HOLIDAYS
from storyline.analyze.timeline import build_timeline, start_date
from storyline.clean import clean_article
from storyline.models import Article
from storyline.segment import segment

ROOT = Path(__file__).resolve().parent.parent
LABELS = ROOT / "tests" / "data" / "timeline_labels.json"
MULTINEWS = ROOT.parent / "shared" / "data" / "multinews_val_raw.jsonl.gz"

Found = tuple[str, int, int, str | None, str | None]  # doc, start, end (offsets into the stored document), value, end


def load_cluster(cluster: str, published: dict[str, str]) -> list[tuple[Article, Article]]:
    """(as read, cleaned) pairs with the labels' document keys as ids and the labels' publication dates."""
    if cluster == "examples":
        loaded = storyline.load_articles([ROOT / "examples"])
        keyed = [(Path(a.source).stem, a) for a in loaded.articles]
    else:
        loaded = storyline.load_articles([MULTINEWS], cluster=cluster)
        keyed = [(str(int(a.source.rsplit("/", 1)[1]) - 1), a) for a in loaded.articles]
    pairs = []
    for key, article in keyed:
        date = dt.date.fromisoformat(published[key]) if key in published else None
        read = article.model_copy(update={"id": key, "published": date})
        cleaned = clean_article(read)
        if cleaned.body.strip():
            pairs.append((read, cleaned))
    return pairs


def to_stored(read: Article, body: str) -> Callable[[int], int]:
    """Maps an offset into the cleaned body to one into the stored document.

    The body's lines are verbatim, or the stored text less what cleaning deletes (footnote marks, the break after
    a drop capital), whose characters are then found one by one in the stored text."""
    stored = read.raw.replace("\xa0", " ")  # cleaning turns no-break spaces into spaces, one for one
    positions: list[int] = []  # the stored offset of every body character, newlines included
    cursor = 0
    for line in body.split("\n"):
        at = stored.find(line, cursor)
        if at >= 0:
            positions.extend(range(at, at + len(line)))
            cursor = at + len(line)
        else:
            start = stored.find(line[:20], cursor)
            cursor = cursor if start < 0 else start
            for char in line:
                cursor = stored.index(char, cursor)
                positions.append(cursor)
                cursor += 1
        positions.append(cursor)
    return lambda offset: positions[offset]


def system_dates(pairs: list[tuple[Article, Article]]) -> list[Found]:
    found: list[Found] = []
    maps = {cleaned.id: to_stored(read, cleaned.body) for read, cleaned in pairs}
    bodies = {cleaned.id: cleaned.body for _, cleaned in pairs}
    for event in build_timeline([cleaned for _, cleaned in pairs]):
        for m in event.mentions:
            text = bodies[m.span.article][m.span.start : m.span.end].lower().replace("’", "'")
            if any(holiday in text for holiday in HOLIDAYS):
                continue
            convert = maps[m.span.article]
            found.append((m.span.article, convert(m.span.start), convert(m.span.end - 1) + 1, event.value, event.end))
    return found


def dateparser_dates(pairs: list[tuple[Article, Article]]) -> list[tuple[str, int, int, dt.date]]:
    from dateparser.search import search_dates

    found = []
    for read, cleaned in pairs:
        convert = to_stored(read, cleaned.body)
        base = dt.datetime.combine(cleaned.published or dt.date(1900, 1, 1), dt.time())
        settings = {"RELATIVE_BASE": base, "PREFER_DATES_FROM": "past", "REQUIRE_PARTS": []}
        for sentence in segment(cleaned):
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")  # dateparser's own deprecation warnings
                hits = search_dates(sentence.text, languages=["en"], settings=settings) or []
            cursor = 0
            for text, when in hits:
                at = sentence.text.find(text, cursor)
                if at < 0:
                    continue
                cursor = at + len(text)
                start = convert(sentence.start + at)
                found.append((cleaned.id, start, start + len(text), when.date()))
    return found


def overlapping(label: dict, found: list) -> list:
    return [f for f in found if f[0] == label["doc"] and f[1] < label["end"] and label["start"] < f[2]]


def within(label: dict, when: dt.date) -> bool:
    """Whether dateparser's date falls in the labelled day, week, month or year."""
    value = label["value"]
    first = start_date(value)
    if "W" in value:
        return first <= when < first + dt.timedelta(days=7)
    if len(value) == 4:
        return when.year == first.year
    if len(value) == 7:
        return (when.year, when.month) == (first.year, first.month)
    last = start_date(label["end_value"]) if label["end_value"] else first
    return first <= when <= last


def score(labels: list[dict], found: list, is_right: Callable[[dict, object], bool], counts: Counter[str]) -> None:
    counts["system"] += len(found)
    used: set[int] = set()
    for label in labels:
        counts["gold"] += 1
        matches = overlapping(label, found)
        if not matches:
            continue
        best = matches[0]
        used |= {id(m) for m in matches}
        counts["found"] += 1
        counts["exact"] += (best[1], best[2]) == (label["start"], label["end"])
        counts["right"] += is_right(label, best)
    counts["system_matched"] += len(used)


def report(name: str, counts: Counter[str], seconds: float) -> None:
    def ratio(part: str, whole: str) -> str:
        return share(counts, part, whole)

    print(f"{name}: {seconds:.2f} s")
    print(f"  detection recall      {ratio('found', 'gold')}   precision {ratio('system_matched', 'system')}")
    print(f"  exact spans           {ratio('exact', 'found')}")
    print(f"  resolved-date accuracy {ratio('right', 'found')}   end to end {ratio('right', 'gold')}")


def measure(name: str, clusters: list[dict]) -> None:
    """Scores storyline and dateparser on `clusters` and prints both."""
    ours: Counter[str] = Counter()
    theirs: Counter[str] = Counter()
    seconds = {"storyline": 0.0, "dateparser": 0.0}
    for cluster in clusters:
        pairs = load_cluster(cluster["cluster"], cluster["published"])
        started = time.perf_counter()
        found = system_dates(pairs)
        seconds["storyline"] += time.perf_counter() - started
        score(cluster["dates"], found, lambda lab, f: (f[3], f[4]) == (lab["value"], lab["end_value"]), ours)
        started = time.perf_counter()
        parsed = dateparser_dates(pairs)
        seconds["dateparser"] += time.perf_counter() - started
        score(cluster["dates"], parsed, lambda lab, f: within(lab, f[3]), theirs)
    n_labels = sum(len(c["dates"]) for c in clusters)
    print(f"== {name}: {len(clusters)} clusters, {n_labels} labelled expressions")
    report("storyline (regular-expression grammar)", ours, seconds["storyline"])
    report("dateparser.search_dates (value right if inside the labelled period)", theirs, seconds["dateparser"])


def main() -> None:
    clusters = json.loads(LABELS.read_text(encoding="utf-8"))["clusters"]
    if not MULTINEWS.exists():
        clusters = [c for c in clusters if c["cluster"] == "examples"]
    held_out = [c for c in clusters if c.get("held_out")]
    measure("development", [c for c in clusters if not c.get("held_out")])
    measure("held out, labelled by correcting the system's output", [c for c in held_out if not c.get("labelled")])
    measure("held out, labelled blind (s20)", [c for c in held_out if c.get("labelled")])
    measure("held out, pooled", held_out)
    measure("all", clusters)


if __name__ == "__main__":
    main()
