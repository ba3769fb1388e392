"""The JSON the API takes and gives beside `Brief` itself, which is the same model the CLI's JSON uses."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any

from pydantic import (
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    PrivateAttr,
    ValidationError,
    ValidatorFunctionWrapHandler,
    model_validator,
)
from pydantic_core import ErrorDetails

from storyline.ingest import NOT_A_DATE, day_of, unused_value_reason, whole_characters
from storyline.models import Brief, BriefOptions, Problem


def _whole_characters(value: object) -> object:
    """A lone surrogate as U+FFFD, as ingest reads one: pydantic refuses a str holding one, which would refuse the
    whole request for one broken character."""
    return whole_characters(value) if isinstance(value, str) else value


Text = Annotated[str, BeforeValidator(_whole_characters)]


def _day_of(value: object) -> object:
    """'2019-03-08T12:00:00Z' read as its day, as a JSONL record's date is on the command line; a number is no date
    there either (pydantic would read 0 as Unix time, 1970-01-01)."""
    if isinstance(value, (int, float)):
        raise ValueError(NOT_A_DATE)
    return day_of(value) if isinstance(value, str) else value


Day = Annotated[dt.date, BeforeValidator(_day_of)]


METADATA_FIELDS = ("title", "outlet", "date")
"""What a client may say about an article beside its text. A value that is not valid (a title over 500 characters,
an unparseable date) is left out with a warning naming the article and the field, and the article is briefed, as a
JSONL record's bad date is on the command line: one article's metadata never refuses the others."""


class ArticleIn(BaseModel):
    """One article to brief: its text, and optionally what the text itself may not say."""

    model_config = ConfigDict(extra="forbid")
    _ignored: tuple[str, ...] = PrivateAttr(())

    # No length bounds: an empty or too long text is skipped with a problem, as such a file is on the command line,
    # rather than refusing the request with it.
    text: Text = Field(
        description="The article: plain text, an HTML page, or a JSONL cluster line. Always text, never a path.",
    )
    # A value not valid here is left out with a warning in the brief's problems (`METADATA_FIELDS`).
    title: Text | None = Field(
        None, max_length=500, description="Headline, when the text does not start with it. Left out if not valid."
    )
    outlet: Text | None = Field(None, max_length=200, description="Publisher: 'NBC News'. Left out if not valid.")
    date: Day | None = Field(
        None, description="Publication date, YYYY-MM-DD (a date-time counts as its day). Left out if not valid."
    )

    @model_validator(mode="wrap")
    @classmethod
    def _leave_out_bad_metadata(cls, data: Any, handler: ValidatorFunctionWrapHandler) -> ArticleIn:
        """Validate the article; a bad `METADATA_FIELDS` value is left out and remembered rather than refused."""
        try:
            return handler(data)
        except ValidationError as exc:
            bad = {
                str(error["loc"][0]): error
                for error in exc.errors()
                if isinstance(data, dict) and error["loc"] and error["loc"][0] in METADATA_FIELDS
            }
            if not bad:
                raise
        # Any error left (the text's, an extra field) still refuses the request, as it did.
        article = handler({key: value for key, value in data.items() if key not in bad})
        article._ignored = tuple(
            unused_value_reason(field, data[field], _why_not_used(field, error)) for field, error in bad.items()
        )
        return article

    def metadata_problems(self, source: str) -> tuple[Problem, ...]:
        """A warning for each metadata value left out, under the article's label `source`."""
        return tuple(Problem(source=source, reason=reason, severity="warning") for reason in self._ignored)


def _why_not_used(field: str, error: ErrorDetails) -> str:
    """'not a date (YYYY-MM-DD)', 'more than 500 characters', 'not text': pydantic's reason in the article's terms."""
    if field == "date":
        return NOT_A_DATE
    if error["type"] in ("string_too_long", "too_long"):  # "too_long" when a validator ran before the length check
        return f"more than {(error.get('ctx') or {}).get('max_length')} characters"
    return "not text" if error["type"] == "string_type" else error["msg"]


class BriefRequest(BaseModel):
    """A request for a brief: the articles, and the options of `BriefOptions` a client may set."""

    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "examples": [{"articles": [{"text": "First article …", "outlet": "NBC News"}, {"text": "…"}], "words": 150}]
        },
    )

    articles: list[ArticleIn] = Field(min_length=1, description="The articles of one story.")
    # The same field (default, bounds, description) as BriefOptions, so the API and the CLI cannot drift apart.
    words: Annotated[int, BriefOptions.model_fields["words"]]
    analysis: Annotated[bool, BriefOptions.model_fields["analysis"]]

    def options(self) -> BriefOptions:
        """The `BriefOptions` this request asks for."""
        return BriefOptions(words=self.words, analysis=self.analysis)


class BriefRecord(BaseModel):
    """A saved brief: its id, where a person reads it, and the brief as `storyline show ID -f json` prints it."""

    id: str = Field(description="The brief's id in the store.")
    url: str = Field(description="The brief's page in the web app.")
    brief: Brief


class Created(BaseModel):
    """What the new-brief form answers the page's script: where the brief can be read."""

    id: str
    url: str
