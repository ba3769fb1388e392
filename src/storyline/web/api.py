"""The JSON API: make, list, read and delete briefs. FastAPI documents it at /docs and /openapi.json."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request, Response, status

from storyline.store import BriefSummary
from storyline.web import service
from storyline.web.articles import TextInput
from storyline.web.deps import BriefId, Settings, StoredBrief, create_brief
from storyline.web.errors import ErrorBody
from storyline.web.schemas import BriefRecord, BriefRequest


def _errors(*codes: int) -> dict[int | str, dict[str, Any]]:
    return {code: {"model": ErrorBody} for code in codes}


router = APIRouter(prefix="/api", tags=["briefs"], responses=_errors(500))


def brief_url(brief_id: str) -> str:
    """The page where a person reads brief `brief_id`."""
    return f"/briefs/{brief_id}"


@router.post(
    "/briefs",
    status_code=status.HTTP_201_CREATED,
    response_model=BriefRecord,
    responses=_errors(413, 422),
    summary="Make and save a brief",
)
async def create(body: BriefRequest, request: Request, response: Response, settings: Settings) -> BriefRecord:
    """Make a brief of the articles and keep it in the store; answers 422 when no usable article is left."""
    inputs = [
        TextInput(
            label=f"article {n}",
            text=item.text,
            title=item.title,
            outlet=item.outlet,
            published=item.date,
            problems=item.metadata_problems(f"article {n}"),
        )
        for n, item in enumerate(body.articles, start=1)
    ]
    brief_id, result = await create_brief(request, settings, inputs, body.options())
    response.headers["Location"] = f"/api/briefs/{brief_id}"
    return BriefRecord(id=brief_id, url=brief_url(brief_id), brief=result)


@router.get("/briefs", summary="List saved briefs")
def list_all(settings: Settings) -> list[BriefSummary]:
    """Every saved brief, newest first: id, time saved (UTC), title, number of articles, word budget."""
    return service.list_briefs(settings)


@router.get("/briefs/{brief_id}", responses=_errors(404), summary="Get a saved brief")
def get(brief_id: BriefId, brief: StoredBrief) -> BriefRecord:
    """The saved brief, as `storyline show ID -f json` prints it, with its id and page."""
    return BriefRecord(id=brief_id, url=brief_url(brief_id), brief=brief)


@router.delete(
    "/briefs/{brief_id}", status_code=status.HTTP_204_NO_CONTENT, responses=_errors(404), summary="Delete a brief"
)
def delete(brief_id: BriefId, settings: Settings) -> None:
    """Delete the brief and its articles from the store."""
    service.delete_brief(settings, brief_id)
