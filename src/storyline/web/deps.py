"""Dependencies the routes share: the settings, and a saved brief looked up by the id in the path."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Path

from storyline.models import Brief
from storyline.web import service
from storyline.web.settings import WebSettings, get_settings

Settings = Annotated[WebSettings, Depends(get_settings)]
BriefId = Annotated[str, Path(description="A brief id, as `GET /api/briefs` lists them.", max_length=64)]


def stored_brief(brief_id: BriefId, settings: Settings) -> Brief:
    """The saved brief the path names; a 404 when there is none (tests override this to show any `Brief`)."""
    return service.get_brief(settings, brief_id)


StoredBrief = Annotated[Brief, Depends(stored_brief)]
