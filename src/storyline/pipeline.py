"""`brief()`: the one function the CLI and the web app call."""

from __future__ import annotations

import dataclasses
import datetime as dt
import logging
from collections import Counter
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np
from pydantic import ValidationError

from storyline.clean import clean_article, looks_english, no_text_left, writes_without_spaces
from storyline.errors import ConfigError, InputError, NoUsableArticle
from storyline.form import MAX_WORDS, MIN_WORDS, within_length
from storyline.ingest import load_articles
from storyline.models import (
    MAX_BUDGET_WORDS,
    Article,
    ArticleInfo,
    Brief,
    BriefOptions,
    Problem,
    Sentence,
    Story,
    SummarySentence,
)
from storyline.represent import OFF_STORY_COSINE, Cluster, lowered_words
from storyline.segment import segment
from storyline.select import select_sentences
from storyline.summary import summarise
from storyline.wording import counted

if TYPE_CHECKING:
    from storyline.analyze import Analysis

logger = logging.getLogger(__name__)

MAX_SENTENCES = 6000
"""Sentences one brief compares pairwise; the similarity matrix grows with the square (6,000 → ~300 MB)."""
MAX_ANALYSIS_CHARS = 1_000_000
"""The longest article analysed; a longer one is briefed without analysis. Analysis takes about 55 s per million
characters (a 968,057-character body 53 s, one of 1,938,162 103 s, at load 3), so a longer article would keep its
reader waiting minutes. Memory no longer bounds it: NER reads a long body in pieces (`entities.NER_PIECE_CHARS`),
so spaCy's own limit for one text (1,000,000 characters) no longer applies, and those bodies peaked at 290 and
453 MB."""
DUPLICATE_OVERLAP = 0.8
"""Share of word 5-grams two articles must share to count as the same article."""


def brief(
    inputs: Iterable[str | Path | Article] | str | Path,
    *,
    words: int | None = None,
    options: BriefOptions | None = None,
    problems: Sequence[Problem] = (),
    default_date: dt.date | None = None,
) -> Brief:
    """Make a story brief of several articles about one story.

    Args:
        inputs: Paths, folders, '-' for stdin, article texts, or `Article`s from `load_articles`; a single
            path or text is one input.
        words: Word budget of the summary (default `BriefOptions().words`); give it or `options`, not both.
        options: Every setting; defaults to `BriefOptions(words=words)`.
        problems: Problems met while loading `inputs`, carried into the brief.
        default_date: Publication date of the articles that state none themselves (page metadata, a JSONL `date`,
            a per-file date given to `load_articles`, or a dateline line in the text, which cleaning finds).

    Returns:
        The brief, with every summary sentence pointing into its article's cleaned body.

    Raises:
        InputError: no usable article remains, or more sentences than one brief handles.
        ConfigError: `words` is out of range or given with `options`, or `options` or `default_date` is of the
            wrong type.
        TypeError: an input is neither a path, a text nor an `Article`.

    Example:
        >>> storyline.brief(["examples/"], words=100).summary[0].cites
    """
    options = _options(words) if options is None else _checked_options(options, words)
    articles, all_problems = _usable_articles(inputs, problems, _checked_date(default_date))
    sentences = _sentences(articles, all_problems)
    cluster = Cluster.build(sentences, options.support_threshold)  # computed once: selection and analysis use it
    all_problems += off_story(articles, cluster) + months_apart(articles)
    picks = select_sentences(sentences, words=options.words, strategy=options.strategy, cluster=cluster)
    summary = summarise(picks, articles)
    if not summary:
        all_problems.append(
            Problem(source="brief", reason=_no_summary_reason(cluster, options.words), severity="warning")
        )
    analysis_problem = _too_long_for_analysis(articles, options) or _no_english_for_analysis(articles, options)
    if analysis_problem:
        all_problems.append(analysis_problem)
        options = options.model_copy(update={"analysis": False})
    analysis = _analysis(articles, cluster, summary, options)
    return Brief(
        options=options,
        story=Story(title=_story_title(articles, summary), articles=tuple(_info(a) for a in articles)),
        problems=tuple(all_problems),
        **({"summary": summary} | _analysis_fields(analysis)),
    )


MONTHS_APART_DAYS = 60
"""Days between the first and the last publication date of a brief's articles past which it says so."""


def months_apart(articles: Sequence[Article]) -> list[Problem]:
    """A warning when the articles' publication dates lie months apart: an older article may tell an earlier turn of
    the story ('talks with North Korea last week' in July 2018 is not the Hanoi summit of 2019), though each resolves
    its own relative dates. A real story can run for months; the reader is told, not overruled."""
    dates = sorted(a.published for a in articles if a.published is not None)
    if len(dates) < 2 or (dates[-1] - dates[0]).days <= MONTHS_APART_DAYS:
        return []
    months = round((dates[-1] - dates[0]).days / 30.44)
    reason = (
        f"the articles were published {months} months apart ({dates[0].isoformat()} to {dates[-1].isoformat()}); "
        "an older one may tell an earlier turn of the story"
    )
    return [Problem(source="brief", reason=reason, severity="warning")]


def _no_summary_reason(cluster: Cluster, words: int) -> str:
    """Why the summary is empty: every sentence is too short or too long to summarise, or the budget is smaller than
    the shortest that is not ('--words 5' blamed the sentences)."""
    lengths = cluster.n_words[within_length(cluster.n_words)]
    if lengths.size and (shortest := int(lengths.min())) > words:
        return f"no sentence fits the {words}-word budget (the shortest that could be summarised has {shortest} words)"
    return f"no sentence of {MIN_WORDS}–{MAX_WORDS} words to summarise"


def _usable_articles(
    inputs: Iterable[str | Path | Article] | str | Path, problems: Sequence[Problem], default_date: dt.date | None
) -> tuple[list[Article], list[Problem]]:
    """The cleaned, unique articles of `inputs` with their final ids (a1, a2, …), and every problem so far."""
    articles, load_problems = _as_articles(inputs)
    unique, prepare_problems = prepare_articles(articles)
    all_problems = [*problems, *load_problems, *prepare_problems]
    if default_date is not None:
        unique = [a if a.published else a.model_copy(update={"published": default_date}) for a in unique]
    if not unique:
        reasons = "; ".join(f"{p.source}: {p.reason}" for p in all_problems) or "no input given"
        raise NoUsableArticle(f"no usable article: {reasons}", all_problems)
    return [a.model_copy(update={"id": f"a{n}"}) for n, a in enumerate(unique, start=1)], all_problems


def _sentences(articles: Sequence[Article], problems: Sequence[Problem]) -> list[Sentence]:
    """The articles' sentences in order; an `InputError` carrying `problems` when one brief cannot compare them."""
    sentences = [s for article in articles for s in segment(article)]
    if len(sentences) <= MAX_SENTENCES:
        return sentences
    # One huge page can be the cause as well as many articles: name the longest, so the advice fits either.
    per_article = Counter(s.article_id for s in sentences)
    longest = next(a for a in articles if a.id == max(per_article, key=per_article.__getitem__))
    raise InputError(
        f"{len(sentences):,} sentences is more than one brief handles ({MAX_SENTENCES:,}, about 150 articles); "
        f"brief fewer or shorter articles at a time (the longest, {longest.source}, has "
        f"{per_article[longest.id]:,})",
        list(problems),
    )


def prepare_articles(articles: Iterable[Article], *, find_metadata: bool = True) -> tuple[list[Article], list[Problem]]:
    """Clean articles, skip those with no text left, and keep one of each set of duplicates.

    Shared by `brief` and `storyline eval`, so that scores measure the sentences a brief chooses from.

    Args:
        articles: Articles as `load_articles` returns them.
        find_metadata: Also find each article's outlet and dateline date and check its language, which a brief shows,
            and leave out an article written without spaces between words (Chinese, Japanese, Thai…); False keeps to
            what selection reads (the same bodies, so the same sentences but for such an article), as `storyline
            eval` does.

    Returns:
        The cleaned, unique articles in input order, and a problem for each skipped or doubtful one.
    """
    problems: list[Problem] = []
    cleaned: list[Article] = []
    for article in articles:
        body = clean_article(article, find_metadata=find_metadata)
        if (reason := no_text_left(body)) is not None:
            problems.append(Problem(source=article.source, reason=reason))
            continue
        if find_metadata and writes_without_spaces(body.body):
            reason = (
                "is written without spaces between words (Chinese, Japanese, Thai…), which storyline cannot split "
                "into words and sentences; left out"
            )
            problems.append(Problem(source=article.source, reason=reason))
            continue
        cleaned.append(body)
    if find_metadata:
        cleaned, problems = _english_if_any(cleaned, problems)
    unique, duplicates = drop_duplicates(cleaned)
    return unique, problems + duplicates


def _english_if_any(articles: list[Article], problems: list[Problem]) -> tuple[list[Article], list[Problem]]:
    """The English articles when there are some, each other one left out with a problem saying so: an English brief
    cannot corroborate a fact across languages (a Spanish article's version of each fact was summarised beside the
    English one, each "reported by 1 of 4 outlets"), and English NER reads foreign words as names ("Dienstag" a
    person). Without any English article all are kept, with a warning each, and analysis is skipped later."""
    english = [looks_english(article.body) for article in articles]
    if all(english):
        return articles, problems
    if not any(english):
        reason = "does not look like English; the brief may be poor"
        return articles, problems + [Problem(source=a.source, reason=reason, severity="warning") for a in articles]
    made_from = counted(sum(english), "English article")
    reason = f"does not look like English; left out, as the brief is made from the {made_from}"
    left_out = [
        Problem(source=a.source, reason=reason)
        for a, is_english in zip(articles, english, strict=True)
        if not is_english
    ]
    return [a for a, is_english in zip(articles, english, strict=True) if is_english], problems + left_out


def off_story(articles: Sequence[Article], cluster: Cluster) -> list[Problem]:
    """Warnings for articles that share almost no words with the others: another story, or a page with no article
    (a weather widget, a shop form). Such an article is analysed but left out of the summary while two or more
    others tell the story (`Cluster.off_story_articles`); of two, or of a pile of unrelated ones, none is the odd one
    out, so all are briefed and the reader decides."""
    if len(articles) < 2:
        return []
    if len(articles) == 2:
        cosine = float(cluster.article_similarity()[0, 1])
        if cosine >= OFF_STORY_COSINE:
            return []
        reason = f"the two articles share almost no words (TF-IDF cosine {cosine:.2f}); are they one story?"
        return [Problem(source="brief", reason=reason, severity="warning")]
    closest = cluster.closest_article_similarity
    left_out = set(cluster.off_story_articles.tolist())
    return _separate_stories(cluster) + [
        Problem(
            source=article.source,
            reason=f"shares almost no words with the other articles (TF-IDF cosine {closest[k]:.2f} at most); it may "
            f"be another story or a page with no article{', so the summary leaves it out' if k in left_out else ''}",
            severity="warning",
        )
        for k, article in enumerate(articles)
        if closest[k] < OFF_STORY_COSINE
    ]


def _separate_stories(cluster: Cluster) -> list[Problem]:
    """A warning when the articles fall into two or more groups of at least two that share almost no words with each
    other (`OFF_STORY_COSINE`): separate stories given as one, which no article alone shows, since each has a partner.
    Over the 250 raw Multi-News validation and 60 DUC 2003 clusters of four or more documents, none falls apart so,
    even at twice the cosine."""
    if len(cluster.article_ids) < 4:  # two groups of two need four articles; spares the article cosines a second time
        return []
    paired = [group for group in _linked_groups(cluster.article_similarity() >= OFF_STORY_COSINE) if len(group) >= 2]
    if len(paired) < 2:
        return []
    listed = " and ".join(f"[{','.join(str(k + 1) for k in group)}]" for group in paired)
    reason = f"the articles seem to tell {len(paired)} stories that share almost no words: {listed}; brief each alone"
    return [Problem(source="brief", reason=reason, severity="warning")]


def _linked_groups(linked: np.ndarray) -> list[list[int]]:
    """The connected groups of a few articles, `linked[i, j]` an edge, each sorted, by first member (a walk of its
    own: scipy's `connected_components` costs a brief 0.2 s to import for a graph of a handful of nodes)."""
    groups: list[list[int]] = []
    seen: set[int] = set()
    for first in range(len(linked)):
        if first in seen:
            continue
        seen.add(first)
        group, frontier = [first], [first]
        while frontier:
            for k in np.flatnonzero(linked[frontier.pop()]).tolist():
                if k not in seen:
                    seen.add(k)
                    group.append(k)
                    frontier.append(k)
        groups.append(sorted(group))
    return groups


def _analysis(
    articles: Sequence[Article], cluster: Cluster, summary: Sequence[SummarySentence], options: BriefOptions
) -> Analysis | None:
    """Entities, quotes, timeline, coverage and conflicts when asked for; the import is here so that briefs without
    analysis never load spaCy or the analysis rules."""
    if not options.analysis:
        return None
    from storyline.analyze import analyze

    return analyze(articles, cluster=cluster, summary=summary)


def _analysis_fields(analysis: Analysis | None) -> dict[str, object]:
    """The brief's analysis fields; none, so their empty defaults, without analysis."""
    if analysis is None:
        return {}
    # Brief names its analysis fields as Analysis does (a test holds them equal); `summary` among them is the
    # summary with the speakers and pronoun referents analysis adds.
    return {field.name: getattr(analysis, field.name) for field in dataclasses.fields(analysis)}


def _options(words: int | None) -> BriefOptions:
    if words is None:
        return BriefOptions()
    try:
        return BriefOptions(words=words)
    except ValidationError as exc:
        raise ConfigError(f"words must be a whole number from 1 to {MAX_BUDGET_WORDS}; got {words!r}") from exc


def _checked_options(options: object, words: int | None) -> BriefOptions:
    if not isinstance(options, BriefOptions):
        raise ConfigError(f"options must be a storyline.models.BriefOptions; got {type(options).__name__}")
    if words is not None:  # one of them would be silently ignored
        raise ConfigError("give the word budget as words=… or in options=BriefOptions(words=…), not both")
    return options


def _checked_date(value: object) -> dt.date | None:
    """A `datetime` counts as its day: articles' dates are days, and a datetime does not compare with a date."""
    if isinstance(value, dt.datetime):
        return value.date()
    if value is None or isinstance(value, dt.date):
        return value
    raise ConfigError(f"default_date must be a datetime.date (dt.date.fromisoformat('2019-03-08')); got {value!r}")


def _too_long_for_analysis(articles: Sequence[Article], options: BriefOptions) -> Problem | None:
    longest = max(articles, key=lambda a: len(a.body))
    if not options.analysis or len(longest.body) <= MAX_ANALYSIS_CHARS:
        return None
    reason = (
        f"{len(longest.body):,} characters is too long to analyse (limit {MAX_ANALYSIS_CHARS:,}); "
        "brief made without analysis"
    )
    return Problem(source=longest.source, reason=reason, severity="warning")


def _no_english_for_analysis(articles: Sequence[Article], options: BriefOptions) -> Problem | None:
    """With no English article, analysis is skipped: its English spaCy model would tag ordinary foreign words as
    people and places ("Как", Russian for "how", as a PERSON)."""
    if not options.analysis or any(looks_english(a.body) for a in articles):
        return None
    reason = "no article looks like English, which entities, quotes and dates need; brief made without analysis"
    return Problem(source="brief", reason=reason, severity="warning")


def _as_articles(inputs: Iterable[str | Path | Article] | str | Path) -> tuple[list[Article], list[Problem]]:
    # A bare string or path is one input, not an iterable of characters.
    is_one = isinstance(inputs, str | Path | Article | bytes) or not isinstance(inputs, Iterable)
    given = [inputs] if is_one else list(inputs)
    articles = [item for item in given if isinstance(item, Article)]
    others = [item for item in given if not isinstance(item, Article)]
    if not others:
        return articles, []
    loaded = load_articles(others)
    return articles + loaded.articles, loaded.problems


def drop_duplicates(articles: Sequence[Article]) -> tuple[list[Article], list[Problem]]:
    """Keep one of articles whose cleaned bodies share most of their word 5-grams (`_better_copy`), in the place of the
    first, with the outlet, title and date the other copy gives where it gives none; the warning for the copy
    dropped names its paragraphs the kept one does not hold word for word (an update's, a changed figure)."""
    kept: list[tuple[Article, set[tuple[str, ...]]]] = []
    problems: list[Problem] = []
    for article in articles:
        shingles = _shingles(article.body)
        place = next((n for n, (_, seen) in enumerate(kept) if _overlap(shingles, seen) >= DUPLICATE_OVERLAP), None)
        if place is None:
            kept.append((article, shingles))
            continue
        first, first_shingles = kept[place]
        if article.source != first.source and _better_copy(article, first):
            (keep, keep_shingles), (drop, drop_body) = (article, shingles), (first, first.body)
        else:
            (keep, keep_shingles), (drop, drop_body) = (first, first_shingles), (article, article.body)
        kept[place] = (_with_metadata_of(keep, drop), keep_shingles)
        # One file named twice (`nbc.txt` beside its folder) is not "the same article as" itself.
        twin_name = "given more than once" if keep.source == drop.source else f"same article as {keep.source}"
        reason = f"{twin_name}; counted once{_paragraphs_lacking(drop_body, keep_shingles)}"
        problems.append(Problem(source=drop.source, reason=reason, severity="warning"))
    return [article for article, _ in kept], problems


def _better_copy(copy: Article, first: Article) -> bool:
    """Whether a brief keeps `copy` rather than `first`, an earlier-given copy of the same article: the later
    published (an update), else the one that says more of where and when it was published; the first on a tie.

    Not the fuller for being fuller: keeping a story's 413-word AP copy over its 78-word alert of the same day (DUC
    2003 d31027t) lost the alert's lead, the election's result, from the 100-word summary (R1 recall 42.2 → 29.8, task 2
    39.28 → 38.87); the warning names the paragraphs the kept copy lacks instead.
    """
    if copy.published and first.published and copy.published != first.published:
        return copy.published > first.published

    def known(article: Article) -> int:
        return sum(getattr(article, field) is not None for field in _COPY_METADATA)

    return known(copy) > known(first)


_COPY_METADATA = ("outlet", "title", "published")
"""What one copy of an article may say of itself that another does not (`_better_copy`, `_with_metadata_of`)."""


def _with_metadata_of(kept: Article, copy: Article) -> Article:
    """`kept` with the outlet, title and date of `copy` where it has none: the same article, so the same facts."""
    given = {field: getattr(copy, field) for field in _COPY_METADATA if getattr(kept, field) is None}
    return kept.model_copy(update={field: value for field, value in given.items() if value is not None})


def _paragraphs_lacking(body: str, kept_shingles: set[tuple[str, ...]]) -> str:
    """'; 1 paragraph of it is not in the kept copy (“UPDATE: The White House said …”), left out' for the
    paragraphs of a dropped copy with a word 5-gram the kept copy lacks (new, or a figure changed), or ''."""
    lacking = [line for line in body.splitlines() if len(line.split()) >= 5 and not _shingles(line) <= kept_shingles]
    if not lacking:
        return ""
    opening = " ".join(lacking[0].split()[:10])
    count = counted(len(lacking), "paragraph")
    return f"; {count} of it {'is' if len(lacking) == 1 else 'are'} not in the kept copy (“{opening} …”), left out"


def _shingles(text: str, n: int = 5) -> set[tuple[str, ...]]:
    tokens = lowered_words(text)
    if len(tokens) < n:
        return {tuple(tokens)}
    # The shifted copies differ in length; zip stops at the shortest: every run of n consecutive tokens.
    return set(zip(*(tokens[i:] for i in range(n)), strict=False))


def _overlap(a: set[tuple[str, ...]], b: set[tuple[str, ...]]) -> float:
    return len(a & b) / max(min(len(a), len(b)), 1)


def _info(article: Article) -> ArticleInfo:
    return ArticleInfo(
        id=article.id,
        source=article.source,
        outlet=article.outlet,
        title=article.title,
        published=article.published,
        words=len(article.body.split()),
        raw_words=len(article.text.split()),
        dropped_lines=len(article.dropped),
        body=article.body,
    )


def _story_title(articles: Sequence[Article], summary: Sequence[SummarySentence]) -> str | None:
    """The title of the article the summary cites most (as a source or as support), the newest of equals: a story
    told across months is named for its latest turn. Else the first title found."""
    cited = Counter(article for sentence in summary for article in sentence.cites)
    by_citations = sorted(articles, key=lambda a: (-cited[a.id], -(a.published or dt.date.min).toordinal()))
    return next((a.title for a in by_citations if a.title), None)
