"""What the routes do, as plain functions: make and save a brief, list, get and delete saved ones.

Each function opens the store, uses it and closes it in the thread that called it (sqlite3 connections belong
to one thread), so routes call these from FastAPI's worker threads and never share a connection.
`create_brief` does not serialise briefs itself: the app runs it in its one pipeline thread (`deps.create_brief`).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from storyline.errors import BriefNotFound, InputError
from storyline.models import Brief, BriefOptions
from storyline.pipeline import brief as make_brief
from storyline.store import BriefStore, BriefSummary
from storyline.web.articles import TextInput, load_texts
from storyline.web.settings import WebSettings


def create_brief(
    settings: WebSettings, inputs: Sequence[TextInput], options: BriefOptions, default_date: dt.date | None = None
) -> tuple[str, Brief]:
    """Make a brief of the texts and save it with their raw text.

    Args:
        settings: Where the store is, and how many articles one brief may have.
        inputs: The articles as sent.
        options: Word budget and analysis switch.
        default_date: Publication date of the articles that state none, as `storyline.brief` takes it.

    Returns:
        The new brief's id and the brief.

    Raises:
        InputError: nothing was sent, too many articles were, or no usable article is left.
        StoreError: the store cannot be written.
    """
    if not inputs:
        raise InputError("no article given: paste at least one article or upload a file")
    loaded = load_texts(inputs)
    if len(loaded.articles) > settings.max_articles:
        raise InputError(
            f"{len(loaded.articles)} articles given, more than the {settings.max_articles} one brief takes; "
            "split them over several briefs"
        )
    result = make_brief(loaded.articles, options=options, problems=loaded.problems, default_date=default_date)
    with BriefStore(settings.db) as store:
        brief_id = store.save(result, loaded.articles)
    return brief_id, result


def list_briefs(settings: WebSettings) -> list[BriefSummary]:
    """Every saved brief, newest first.

    Raises:
        StoreError: the store cannot be read.
    """
    with BriefStore(settings.db) as store:
        return store.list()


def get_brief(settings: WebSettings, brief_id: str) -> Brief:
    """The saved brief with id `brief_id`.

    Raises:
        BriefNotFound: no saved brief has this id.
        StoreError: the store cannot be read, or the brief no longer loads.
    """
    with BriefStore(settings.db) as store:
        try:
            return store.get(brief_id)
        except BriefNotFound:
            # The store's message names its file, which a web client neither needs nor can choose.
            raise _not_found(brief_id) from None


def delete_brief(settings: WebSettings, brief_id: str) -> None:
    """Delete a saved brief and its articles.

    Raises:
        BriefNotFound: no saved brief has this id.
        StoreError: the store cannot be written.
    """
    with BriefStore(settings.db) as store:
        if not store.delete(brief_id):
            raise _not_found(brief_id)


def _not_found(brief_id: str) -> BriefNotFound:
    return BriefNotFound(f"no saved brief has the id {brief_id!r}; the list of saved briefs shows every id")
