"""Dependencies the routes share: the settings, and a saved brief looked up by the id in the path."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Annotated

import anyio
from fastapi import Depends, FastAPI, Path, Request

from storyline.models import Brief, BriefOptions
from storyline.web import service
from storyline.web.articles import TextInput
from storyline.web.settings import WebSettings, get_settings

Settings = Annotated[WebSettings, Depends(get_settings)]
BriefId = Annotated[str, Path(description="A brief id, as `GET /api/briefs` lists them.", max_length=64)]


def stored_brief(brief_id: BriefId, settings: Settings) -> Brief:
    """The saved brief the path names; a 404 when there is none (tests override this to show any `Brief`)."""
    return service.get_brief(settings, brief_id)


StoredBrief = Annotated[Brief, Depends(stored_brief)]


async def create_brief(
    request: Request,
    settings: WebSettings,
    inputs: Sequence[TextInput],
    options: BriefOptions,
    default_date: dt.date | None = None,
) -> tuple[str, Brief]:
    """`service.create_brief` in the app's one pipeline thread; a request waiting its turn holds no thread."""
    return await anyio.to_thread.run_sync(
        service.create_brief, settings, inputs, options, default_date, limiter=_pipeline_limiter(request.app)
    )


def _pipeline_limiter(app: FastAPI) -> anyio.CapacityLimiter:
    """The app's one-brief-at-a-time limiter, made on the first brief.

    One brief at a time: the models the pipeline loads on first use are process-wide, and spaCy does not promise
    that one pipeline may run in several threads at once (the work holds the GIL for most of its time anyway).
    Briefs queue for this limiter, not for the shared thread pool, so that requests waiting for a brief hold no
    thread and pages and GETs stay quick under load. It is made here rather than in a lifespan handler because
    a server or a `TestClient` may run the app without its lifespan, and anyio makes a limiter only inside an
    event loop. No await comes between the check and the store, so two requests cannot both make one.
    """
    limiter: anyio.CapacityLimiter | None = getattr(app.state, "pipeline_limiter", None)
    if limiter is None:
        limiter = app.state.pipeline_limiter = anyio.CapacityLimiter(1)
    return limiter
