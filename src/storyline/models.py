"""The values that flow through the pipeline and the `Brief` users receive.

Pydantic models are what crosses a boundary (JSON, HTTP, SQLite); `Sentence` is a frozen dataclass because
thousands of them live only inside one brief's selection stage.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Annotated, Literal

from pydantic import AfterValidator, BaseModel, BeforeValidator, ConfigDict, Field, computed_field
from pydantic_core import PydanticCustomError

SCHEMA_VERSION = "1"
StrategyName = Literal["adaptive", "centroid", "learned", "hybrid", "openings"]
"""What `BriefOptions.strategy` accepts; `storyline.select` maps each name to its scorer."""


class Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


_LINE_BREAKS = re.compile("[\t\n\v\f\r]")
_CONTROL_CHARACTERS = re.compile("[\x00-\x1f\x7f-\x9f]")


def _one_line(text: str) -> str:
    """`text` as one printable line: line breaks as spaces, other control characters dropped. A page's title or a
    file-named outlet may hold an ESC, which Markdown shown with `cat` would pass to the terminal as a command, or a
    line break, which would split a Markdown list item."""
    return _CONTROL_CHARACTERS.sub("", _LINE_BREAKS.sub(" ", text))


def escape_controls(text: str) -> str:
    """`text` with each control character written as its escape ("\\x1b", "\\x0a"): a file named so is still
    found by what is shown, and shows no terminal command."""
    return _CONTROL_CHARACTERS.sub(lambda match: f"\\x{ord(match[0]):02x}", text)


OneLine = Annotated[str, AfterValidator(_one_line)]
"""An outlet or a title, shown on one line wherever it came from."""
SourceName = Annotated[str, AfterValidator(escape_controls)]
"""A file, stream or record name, its control characters shown as escapes wherever it came from."""


class Problem(Frozen):
    """Something wrong with one input; an `error` means the input was skipped, a `warning` that it was used."""

    source: SourceName = Field(description="The file, stream or record the problem is about.")
    reason: str = Field(description="What went wrong and, where it helps, what to do.")
    severity: Literal["error", "warning"] = "error"


class DroppedLine(Frozen):
    """A line of scraped text that cleaning removed, and the rule that removed it."""

    line_no: int = Field(description="1-based line number in the article's plain text.")
    text: str
    rule: str


class Article(Frozen):
    """One news article, as read (`raw`), as plain text (`text`) and after cleaning (`body`)."""

    id: str = Field(description="Short id, unique within a brief: a1, a2, …")
    source: SourceName = Field(description="Where the article came from: a path, 'stdin', 'text 1', 'file.jsonl#3/2'.")
    format: Literal["text", "html", "markdown", "jsonl"] = "text"
    outlet: OneLine | None = None
    title: OneLine | None = None
    published: dt.date | None = None
    raw: str = Field(repr=False, description="The input as read, HTML included.")
    text: str = Field(repr=False, description="Plain text before cleaning.")
    body: str = Field("", repr=False, description="Cleaned article text; every span points into it.")
    dropped: tuple[DroppedLine, ...] = ()


@dataclass(frozen=True, slots=True)
class Sentence:
    """A sentence of an article's cleaned body: `article.body[start:end] == text`."""

    article_id: str
    position: int  # 0-based index of the sentence within its article
    start: int
    end: int
    text: str

    @property
    def n_words(self) -> int:
        return len(self.text.split())


class Span(Frozen):
    """A character span of one article's cleaned body."""

    article: str = Field(description="Article id.")
    start: int = Field(ge=0)
    end: int = Field(ge=0)

    def overlaps(self, other: Span) -> bool:
        """Whether the two spans share a character of the same article."""
        return self.article == other.article and self.start < other.end and other.start < self.end


class SupportSpan(Span):
    """A sentence in another article that says the same thing as a summary sentence."""

    similarity: float = Field(description="Cosine similarity to the summary sentence, 0–1.")


# --- Analysis: entities and quotes (storyline.analyze) -------------------------------------------------------


class Entity(Frozen):
    """A person, organisation or place, its mentions merged across outlets under one canonical name."""

    name: str = Field(description="Canonical name: the fullest spelling the articles use ('Xi Jinping').")
    type: Literal["PERSON", "ORG", "GPE", "LOC"] = Field(description="spaCy entity label, by majority vote.")
    mentions: int = Field(ge=1, description="Mentions in all articles.")
    articles: dict[str, int] = Field(description="Mentions per article id.")
    aliases: tuple[str, ...] = Field((), description="Every spelling merged into this entity, titles stripped.")
    spans: tuple[Span, ...] = Field((), description="The first few mentions (the name only, no title).")


class Quote(Frozen):
    """A direct quotation and who said it; `span` covers the words inside the quotation marks."""

    text: str = Field(description="Exactly the text of `span` in its article's body.")
    speaker: str | None = Field(description="Canonical name, or the source's description; None when unknown.")
    speaker_kind: Literal["named", "described", "unknown"] = Field(
        description="named: a person or organisation; described: 'a senior official'; unknown: no attribution."
    )
    kind: Literal["full", "partial"] = Field(
        description="full: a quoted statement; partial: a few quoted words inside the writer's sentence."
    )
    span: Span
    speaker_span: Span | None = Field(None, description="The words naming the speaker: name, pronoun or description.")
    attribution: Literal["stated", "inferred"] | None = Field(
        None,
        description="stated: the attribution right after the quote names the speaker ('“…,” Kim said.', '“…,” "
        "he said', 'said an official'), a name with its speech verb introduces it with a colon ('Kim said: “…”'), "
        "or the quote continues one that does; inferred: the speaker was read from the text around the quote (a "
        "verb before it, the writer's sentence around a few quoted words, an introduction, the paragraph before), "
        "right less often; None when the speaker is unknown.",
    )


# --- end of analysis models ------------------------------------------------------------------------------------


# --- Analysis: timeline (storyline.analyze.timeline) -----------------------------------------------------------


class DateMention(Frozen):
    """A date expression in one article and the sentence it dates."""

    expression: str = Field(description="Exactly the text of `span`: 'Nov. 9, 2017', 'last week', 'earlier Friday'.")
    span: Span = Field(description="The date expression, modifiers included, preposition excluded.")
    sentence: Span = Field(description="The sentence holding the expression.")
    text: str = Field(description="Exactly the text of `sentence`.")


class Event(Frozen):
    """A dated moment, its mentions merged across outlets; `value` is a TIMEX3-style ISO 8601 value."""

    value: str | None = Field(
        description="'2019-03-05', '2019-W09', '2019-W09-WE' (weekend), '2019-03' or '2019'; None when unresolved."
    )
    end: str | None = Field(None, description="Last day of a range: 'February 27-28' → '2019-02-28'.")
    precision: Literal["day", "week", "month", "year"]
    resolved: bool = Field(
        description="False for a relative or year-less date that no publication date fixes: shown, never guessed."
    )
    mentions: tuple[DateMention, ...] = Field(
        min_length=1, description="Every passage dating this moment, in article order; the first is shown."
    )


# --- end of timeline models ------------------------------------------------------------------------------------


# --- Analysis: coverage and conflicts (storyline.analyze.coverage, storyline.analyze.conflicts) ------------------


class UniqueFact(Frozen):
    """A sentence only one article reports: no sentence of another article comes close to it."""

    text: str = Field(description="Exactly the text of `span` in its article's body.")
    span: Span
    salience: float = Field(description="Centrality in the story plus a bonus for coming early; higher first.")


class ArticleCoverage(Frozen):
    """What one article reports that no other does."""

    article: str = Field(description="Article id.")
    n_sentences: int = Field(ge=0, description="Sentences that read as facts (fragments, questions skipped).")
    n_unique: int = Field(ge=0, description="Of those, the sentences no other article has a close match for.")
    unique: tuple[UniqueFact, ...] = Field((), description="The most salient unique facts, best first.")


class SummaryCoverage(Frozen):
    """One row of the coverage matrix: where each article reports a summary sentence, if it does."""

    summary: int = Field(ge=0, description="0-based index into Brief.summary.")
    spans: dict[str, SupportSpan | None] = Field(
        description="Every article id, in story order → its passage reporting the sentence (the source itself "
        "with similarity 1), or null when the article does not report it."
    )


class Coverage(Frozen):
    """Unique facts per article, and which articles report which summary sentences. Empty for one article."""

    articles: tuple[ArticleCoverage, ...] = ()
    matrix: tuple[SummaryCoverage, ...] = ()


class ConflictSide(Frozen):
    """One side of a disagreement: the sentence, and the words in it that the other side contradicts."""

    text: str = Field(description="Exactly the text of `span` in its article's body.")
    span: Span
    value: str = Field(description="Exactly the text of `value_span`: '40,000 vehicles', 'March 27', 'cancelled'.")
    value_span: Span


class Conflict(Frozen):
    """Two sentences of different outlets about the same thing that cannot both be true."""

    kind: Literal["number", "date", "time", "tally", "negation", "opposite"] = Field(
        description="number: different amounts of the same quantity; date: different dates for the same event; "
        "time: different times of day for the same event; tally: different vote counts or scores; "
        "negation: one side says it happened, the other that it did not; opposite: antonyms ('rose'/'fell')."
    )
    topic: str = Field(description="What the sides disagree about: the counted noun, the event, the verb.")
    explanation: str = Field(description="One line for readers: 'vehicles: 40,000 vs 35,000'.")
    similarity: float = Field(description="TF-IDF cosine of the two sentences, 0–1.")
    a: ConflictSide = Field(description="The side from the article cited first.")
    b: ConflictSide


# --- end of coverage and conflict models ---------------------------------------------------------------------


class SummarySentence(Frozen):
    model_config = ConfigDict(frozen=True, extra="ignore")  # `cites` is derived: accepted back, recomputed

    text: str = Field(description="Exactly the text of `source` in its article's body.")
    source: Span
    support: tuple[SupportSpan, ...] = Field(
        (), description="Sentences of other articles that say the same thing, best first."
    )
    speaker: str | None = Field(
        None,
        description="Who is quoted, when the sentence lies inside a quotation attributed outside it "
        "(from quote analysis; None without analysis or when the sentence names its speaker itself).",
    )
    speaker_attribution: Literal["stated", "inferred"] | None = Field(
        None, description="The quote's `Quote.attribution`: whether the text states `speaker` or it was inferred."
    )
    refers_to: str | None = Field(
        None,
        description="Whom the sentence's pronoun subject ('But in Hanoi, he …') means, inferred from the sentences "
        "before it in its article when the summary does not show the one right before it: the person's name as the "
        "entities give it, shown after the pronoun ('he [Donald Trump]'). From analysis; None without analysis, when "
        "the sentence needs no such help, or when the text leaves a doubt.",
    )
    refers_to_pronoun: Span | None = Field(
        None, description="The pronoun `refers_to` resolves, within `source`; set exactly when `refers_to` is."
    )

    @computed_field(description="Ids of the articles that report this sentence: source first.")
    @property
    def cites(self) -> list[str]:
        # an article supporting with two sentences is cited once: 'reported by 3 of 2 outlets' never
        return list(dict.fromkeys([self.source.article, *(s.article for s in self.support)]))


class ArticleInfo(Frozen):
    id: str
    source: SourceName
    outlet: OneLine | None
    title: OneLine | None
    published: dt.date | None
    words: int = Field(description="Words in the cleaned body.")
    raw_words: int = Field(description="Words in the plain text before cleaning.")
    dropped_lines: int = Field(description="Lines cleaning removed as page furniture.")
    body: str = Field(description="Cleaned text; summary spans index into it.")


def _not_a_bool(value: object) -> object:
    """Pydantic reads True as 1 for an int field: `"words": true` would ask for a one-word summary."""
    if isinstance(value, bool):
        raise PydanticCustomError("int_type", "Input should be a valid integer, not a boolean")
    return value


MAX_BUDGET_WORDS = 5000
"""The largest word budget a brief takes: far past any summary, short of asking for whole articles back."""


DEFAULT_SUPPORT_THRESHOLD = 0.40
"""TF-IDF cosine from which another article's sentence counts as support (`represent.Cluster.supports`). On 333
hand-labelled cross-outlet sentence pairs (seeds + 25 raw Multi-News validation clusters, stratified by similarity),
with represent.MIN_SUPPORT_TERMS: 0.30 → precision 0.69 / recall 0.67; 0.40 → 0.82 / 0.40; 0.45 → 0.91 / 0.35.
MiniLM cosine and background-corpus IDF ranked pairs no better at these precisions; MiniLM costs ~800x more. Labels
made blind to the system later (tests/data/support_labels.json, bench/support_quality.py: the picks of 17 briefs,
judged against every close sentence of the other articles) put 0.40's article links at 0.74 / 0.42 before and
0.77 / 0.42 after the rule that names alone support nothing, which dropped the seeds' only link (two sentences
naming Xi and Mar-a-Lago, 0.41)."""


class BriefOptions(Frozen):
    """Every setting a brief is made with; CLI flags, the web form and JSON all fill this one model."""

    words: Annotated[int, BeforeValidator(_not_a_bool)] = Field(
        150, ge=1, le=MAX_BUDGET_WORDS, description="Word budget of the summary (whitespace words)."
    )
    strategy: StrategyName = Field(
        "adaptive",
        description="Selection strategy: a scorer of storyline.select.STRATEGIES, or adaptive (the best "
        "measured), which picks one per story.",
    )
    support_threshold: float = Field(
        DEFAULT_SUPPORT_THRESHOLD,
        gt=0,
        le=1,
        description="TF-IDF cosine from which a sentence of another article counts as support (precision 0.82 "
        "on 333 labelled pairs; see storyline.models.DEFAULT_SUPPORT_THRESHOLD).",
    )
    analysis: bool = Field(True, description="Run entity, quote and timeline analysis (loads the spaCy model).")


class Story(Frozen):
    title: str | None
    articles: tuple[ArticleInfo, ...]


class Brief(Frozen):
    """A story brief: a cited extractive summary of several articles, plus the articles it cites."""

    schema_version: str = SCHEMA_VERSION
    options: BriefOptions
    story: Story
    summary: tuple[SummarySentence, ...]
    problems: tuple[Problem, ...] = ()
    entities: tuple[Entity, ...] = Field((), description="Named entities, most mentioned first.")
    quotes: tuple[Quote, ...] = Field((), description="Direct quotations in article order, with speakers.")
    timeline: tuple[Event, ...] = Field((), description="Dated events, chronological; unresolved ones last.")
    coverage: Coverage = Field(Coverage(), description="What only one outlet reports; who reports each summary fact.")
    conflicts: tuple[Conflict, ...] = Field((), description="Where outlets contradict each other, in article order.")

    def article(self, article_id: str) -> ArticleInfo:
        """The article with id `article_id`; raises KeyError for an unknown id."""
        for info in self.story.articles:
            if info.id == article_id:
                return info
        raise KeyError(article_id)

    def citation_number(self, article_id: str) -> int:
        """The 1-based number under which an article is cited: [1], [2], …"""
        return [info.id for info in self.story.articles].index(article_id) + 1
