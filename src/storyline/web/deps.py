"""Dependencies the routes share: the settings, and a saved brief looked up by the id in the path."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Annotated

import anyio
from fastapi import Depends, Path, Request

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
    request: Request, settings: WebSettings, inputs: Sequence[TextInput], options: BriefOptions
) -> tuple[str, Brief]:
    """`service.create_brief` in the app's one pipeline thread; a request waiting its turn holds no thread."""
    limiter: anyio.CapacityLimiter = request.app.state.pipeline_limiter
    return await anyio.to_thread.run_sync(service.create_brief, settings, inputs, options, limiter=limiter)
