"""The HTML pages: a form to make a brief, the saved briefs, a brief, and one article with a passage marked.

Every page works without JavaScript (plain form posts and redirects); the page script only adds article boxes and
shows progress while a brief is made.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated

from fastapi import APIRouter, Query, Request
from fastapi.exceptions import RequestValidationError
from pydantic import ValidationError
from starlette.datastructures import FormData, UploadFile
from starlette.responses import HTMLResponse, JSONResponse, RedirectResponse, Response

from storyline.errors import BriefNotFound
from storyline.ingest import NOT_A_DATE, day_of
from storyline.models import MAX_BUDGET_WORDS, BriefOptions
from storyline.render import comparison
from storyline.render.analysis import INFERRED_NOTE
from storyline.web import findings, service, views
from storyline.web.api import brief_url
from storyline.web.articles import UPLOAD_SUFFIXES, TextInput, read_upload
from storyline.web.deps import BriefId, Settings, StoredBrief, create_brief
from storyline.web.errors import wants_json
from storyline.web.schemas import Created
from storyline.web.templating import render_page

router = APIRouter(include_in_schema=False)

EMPTY_BOXES = 3
"""Article boxes the form starts with: a story needs at least two or three outlets."""


@router.get("/")
def home(settings: Settings) -> HTMLResponse:
    """The form: paste articles or upload files, choose the word budget, make a brief."""
    defaults = BriefOptions()
    context = {
        "boxes": EMPTY_BOXES,
        "words": defaults.words,
        "max_words": MAX_BUDGET_WORDS,
        "analysis": defaults.analysis,
        "accept": UPLOAD_SUFFIXES,
    }
    return render_page("home.html.j2", context, settings=settings)


@router.post("/briefs")
async def create(request: Request, settings: Settings) -> Response:
    """Make a brief from the form; redirect to it, or (for the page script) answer its id and page as JSON."""
    limits = {"max_files": settings.max_articles, "max_fields": settings.max_articles + 10}
    # Leaving the block closes the uploads' spooled buffers.
    async with request.form(**limits, max_part_size=settings.max_request_bytes) as form:
        inputs = [
            TextInput(label=f"pasted article {n}", text=text)
            for n, text in enumerate(form.getlist("article"), start=1)
            if isinstance(text, str) and text.strip()
        ]
        for upload in form.getlist("files"):
            # A form with no file chosen still sends one empty, nameless part.
            if isinstance(upload, UploadFile) and upload.filename:
                inputs.append(read_upload(upload.filename, await upload.read()))
        options = _form_options(form)
        default_date = _form_date(form)
    brief_id, _ = await create_brief(request, settings, inputs, options, default_date)
    url = brief_url(brief_id)
    if wants_json(request):
        return JSONResponse(Created(id=brief_id, url=url).model_dump(), status_code=201)
    return RedirectResponse(url, status_code=303)


def _form_options(form: FormData) -> BriefOptions:
    words = form.get("words")
    try:
        # An unticked checkbox sends nothing, so "analysis" is on exactly when the field is present.
        return BriefOptions.model_validate({"words": words or BriefOptions().words, "analysis": "analysis" in form})
    except ValidationError as exc:
        raise RequestValidationError(exc.errors()) from exc


def _form_date(form: FormData) -> dt.date | None:
    """The form's publication date for the articles that state none ('' for none), read as the API reads one."""
    value = form.get("date")
    if not isinstance(value, str) or not value.strip():
        return None
    try:
        return day_of(value.strip())
    except ValueError:
        error = {"type": "date_from_datetime_parsing", "loc": ("body", "date"), "msg": NOT_A_DATE, "input": value}
        raise RequestValidationError([error]) from None


@router.get("/briefs")
def saved(settings: Settings) -> HTMLResponse:
    """The saved briefs, newest first, each with a delete button."""
    return render_page("list.html.j2", {"briefs": service.list_briefs(settings)}, settings=settings)


@router.post("/briefs/{brief_id}/delete")
def delete(brief_id: BriefId, settings: Settings) -> RedirectResponse:
    """Delete a brief, then show the list (forms cannot send DELETE; the API's DELETE does the same)."""
    service.delete_brief(settings, brief_id)
    return RedirectResponse("/briefs", status_code=303)


@router.get("/briefs/{brief_id}")
def brief_page(brief_id: BriefId, brief: StoredBrief, settings: Settings) -> HTMLResponse:
    """The brief: cited summary, outlets, coverage, and the analysis the brief has."""
    context = {
        "id": brief_id,
        "brief": brief,
        "summary": views.summary_items(brief_id, brief),
        "outlets": views.outlet_rows(brief_id, brief),
        "matrix": findings.coverage_cells(brief_id, brief),
        "entities": views.entity_rows(brief),
        "quotes": views.quote_rows(brief_id, brief),
        "inferred_note": INFERRED_NOTE,
        "timeline": findings.timeline_drawing(brief_id, brief),
        "unique": findings.unique_facts(brief_id, brief),
        "unique_scope": comparison.unique_scope(brief),
        "conflicts": findings.conflicts(brief_id, brief),
    }
    return render_page("brief.html.j2", context, settings=settings)


@router.get("/briefs/{brief_id}/articles/{article_id}")
def article_page(
    brief_id: BriefId,
    article_id: str,
    brief: StoredBrief,
    settings: Settings,
    start: Annotated[int | None, Query(ge=0, description="Start of the passage to highlight.")] = None,
    end: Annotated[int | None, Query(ge=0, description="End of the passage to highlight.")] = None,
) -> HTMLResponse:
    """One article's cleaned text, with every cited passage marked and the passage asked for highlighted."""
    try:
        info = brief.article(article_id)
    except KeyError:
        ids = ", ".join(a.id for a in brief.story.articles)
        raise BriefNotFound(f"brief {brief_id!r} has no article {article_id!r}; its articles are {ids}") from None
    # A link with a span outside the body (an edited URL) still shows the article, just without a highlight.
    focus = (start, end) if start is not None and end is not None and start < end <= len(info.body) else None
    context = {
        "id": brief_id,
        "brief": brief,
        "info": info,
        "number": brief.citation_number(article_id),
        "pieces": views.article_pieces(brief, article_id, focus),
        "has_focus": focus is not None,
    }
    return render_page("article.html.j2", context, settings=settings)
