"""The app factory: one FastAPI app with the JSON API, the pages, static files and offline API docs."""

from __future__ import annotations

from pathlib import Path

import uvicorn
from fastapi import FastAPI
from fastapi.staticfiles import StaticFiles
from fastapi_offline import FastAPIOffline

from storyline import __version__
from storyline.web import api, pages
from storyline.web.errors import install_error_handlers
from storyline.web.limits import BodySizeLimit
from storyline.web.settings import WebSettings, get_settings, limit_label

STATIC = Path(__file__).resolve().parent / "static"


def create_app(settings: WebSettings | None = None) -> FastAPI:
    """Make the web app.

    Models are not loaded here: the pipeline loads them on the first brief that needs them.

    Args:
        settings: Store path and limits; `get_settings()` when None. The app's `get_settings` dependency
            answers these settings.

    Returns:
        The ASGI app, ready for uvicorn or `fastapi.testclient.TestClient`.
    """
    settings = settings or get_settings()
    # FastAPIOffline serves the /docs and /redoc assets from its package instead of a CDN, so they work offline.
    app = FastAPIOffline(
        title="storyline",
        version=__version__,
        summary="Cited story briefs from several news articles.",
        description=f"Requests are limited to {limit_label(settings.max_request_bytes)}; larger ones get 413.",
    )
    app.state.settings = settings  # for the error handlers, which run outside dependency injection
    app.dependency_overrides[get_settings] = lambda: settings
    install_error_handlers(app)
    app.add_middleware(BodySizeLimit, max_bytes=settings.max_request_bytes)
    app.mount("/static", StaticFiles(directory=STATIC), name="static")
    app.include_router(api.router)
    app.include_router(pages.router)
    return app


def server_url(host: str, port: int) -> str:
    """'http://127.0.0.1:8000/', with an IPv6 address in brackets."""
    return f"http://[{host}]:{port}/" if ":" in host else f"http://{host}:{port}/"


def serve(settings: WebSettings, *, host: str, port: int) -> None:
    """Run the app with uvicorn until interrupted.

    Args:
        settings: The app's settings.
        host: Address to listen on.
        port: Port to listen on.
    """
    uvicorn.run(create_app(settings), host=host, port=port, log_level="info")
