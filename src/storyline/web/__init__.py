"""The storyline web app: paste or upload articles, read cited briefs, keep them in the store.

`create_app(settings)` makes the FastAPI app; `storyline serve` runs it with uvicorn. Importing this package
loads FastAPI but no model.
"""

from __future__ import annotations

from storyline.web.app import create_app, serve, server_url
from storyline.web.settings import WebSettings, get_settings, is_loopback

__all__ = ["WebSettings", "create_app", "get_settings", "is_loopback", "serve", "server_url"]
