"""The JSON the API takes and gives beside `Brief` itself, which is the same model the CLI's JSON uses."""

from __future__ import annotations

import datetime as dt
from typing import Annotated

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field

from storyline.ingest import whole_characters
from storyline.models import Brief, BriefOptions


def _whole_characters(value: object) -> object:
    """A lone surrogate as U+FFFD, as ingest reads one: pydantic refuses a str holding one, which would refuse the
    whole request for one broken character."""
    return whole_characters(value) if isinstance(value, str) else value


Text = Annotated[str, BeforeValidator(_whole_characters)]


class ArticleIn(BaseModel):
    """One article to brief: its text, and optionally what the text itself may not say."""

    model_config = ConfigDict(extra="forbid")

    # No length bounds: an empty or too long text is skipped with a problem, as such a file is on the command line,
    # rather than refusing the request with it.
    text: Text = Field(
        description="The article: plain text, an HTML page, or a JSONL cluster line. Always text, never a path.",
    )
    title: Text | None = Field(None, max_length=500, description="Headline, when the text does not start with it.")
    outlet: Text | None = Field(None, max_length=200, description="Publisher: 'NBC News'.")
    date: dt.date | None = Field(None, description="Publication date, YYYY-MM-DD.")


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
