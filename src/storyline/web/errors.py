"""Every error the web app answers with, in one shape: JSON for the API, an HTML page for the pages.

Domain errors (`StorylineError` subclasses) map to HTTP statuses in `STATUS_BY_ERROR`; FastAPI's validation
errors, Starlette's HTTP errors and anything unexpected go through the same `error_response`, so a client never
sees a traceback and always gets `{"ok": false, "error": ..., "errors": [...], "status": ...}`.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Mapping, Sequence
from typing import Any, Literal

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from pydantic import BaseModel, Field
from starlette.exceptions import HTTPException
from starlette.responses import JSONResponse, Response

from storyline.errors import BriefNotFound, ConfigError, InputError, ModelUnavailable, StoreError, StorylineError
from storyline.web.settings import WebSettings, limit_label
from storyline.web.templating import SECURITY_HEADERS, render_page

logger = logging.getLogger(__name__)

SWITCH_ANALYSIS_OFF = 'untick "Find people, places and quotes", or send "analysis": false'
"""How a web user, on the form or through the API, makes a brief without the analysis spaCy is needed for."""


STATUS_BY_ERROR: dict[type[StorylineError], int] = {
    BriefNotFound: 404,
    InputError: 422,
    ConfigError: 400,
    ModelUnavailable: 503,
    StoreError: 500,
    StorylineError: 500,
}
"""HTTP status of each domain error; a subclass not listed takes its nearest listed base class's status."""


class ErrorDetail(BaseModel):
    """One problem: where it is (a form field, a JSON path, an article) and what is wrong."""

    location: str | None = Field(None, description="'body.articles.0.text', 'upload: photo.png', …")
    message: str


class ErrorBody(BaseModel):
    """The body of every error response of the API."""

    ok: Literal[False] = False
    error: str = Field(description="What went wrong, in one sentence.")
    errors: list[ErrorDetail] = Field(default_factory=list, description="Each problem, when there are several.")
    status: int = Field(description="The HTTP status, repeated for clients that only keep the body.")


def wants_json(request: Request) -> bool:
    """True for the API, and for page requests made by the app's own script (which asks for JSON)."""
    if request.url.path.startswith("/api/"):
        return True
    accept = request.headers.get("accept", "")
    return "application/json" in accept and "text/html" not in accept


def status_for(exc: StorylineError) -> int:
    """The HTTP status of a domain error, found by walking its class hierarchy."""
    return next(STATUS_BY_ERROR[cls] for cls in type(exc).__mro__ if cls in STATUS_BY_ERROR)


def error_response(request: Request, status: int, message: str, errors: Iterable[ErrorDetail] = ()) -> Response:
    """The one error response: `ErrorBody` as JSON, or the error page.

    Args:
        request: The request that failed; decides JSON or HTML (see `wants_json`).
        status: HTTP status.
        message: One sentence saying what went wrong and what to do.
        errors: The single problems, if several.

    Returns:
        The response to send.
    """
    details = list(errors)
    if wants_json(request):
        body = ErrorBody(error=message, errors=details, status=status)
        return JSONResponse(body.model_dump(), status_code=status, headers=SECURITY_HEADERS)
    settings: WebSettings = request.app.state.settings
    context = {"status": status, "message": message, "errors": details}
    return render_page("error.html.j2", context, settings=settings, status_code=status)


def _problem_details(exc: StorylineError) -> list[ErrorDetail]:
    problems = exc.problems if isinstance(exc, InputError) else ()
    return [ErrorDetail(location=p.source, message=f"{p.severity}: {p.reason}") for p in problems]


def validation_details(errors: Sequence[Mapping[str, Any]]) -> list[ErrorDetail]:
    """Pydantic/FastAPI validation errors as `ErrorDetail`s: 'body.words: Input should be a valid integer'."""
    return [
        ErrorDetail(location=".".join(str(part) for part in error.get("loc", ())), message=str(error["msg"]))
        for error in errors
    ]


async def _on_storyline_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, StorylineError)
    status = status_for(exc)
    message = str(exc)
    if isinstance(exc, ModelUnavailable):
        from storyline.analyze.entities import WITHOUT_ANALYSIS_ADVICE  # imported once analysis runs, not at start

        message = message.replace(WITHOUT_ANALYSIS_ADVICE, f"{WITHOUT_ANALYSIS_ADVICE} ({SWITCH_ANALYSIS_OFF})")
    if isinstance(exc, StoreError) and not isinstance(exc, BriefNotFound):
        # The message names the file and what to do; say which part failed, since the request itself was fine.
        message = f"the brief store failed: {exc}"
        logger.error("%s %s: %s", request.method, request.url.path, exc)
    return error_response(request, status, message, _problem_details(exc))


async def _on_validation_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, RequestValidationError)
    errors = exc.errors()
    details = validation_details(errors)
    if errors and errors[0].get("type") == "json_invalid":
        # Its location is 'body' and the character offset where parsing stopped, not a field.
        where = errors[0].get("loc", ("body", "?"))[-1]
        reason = (errors[0].get("ctx") or {}).get("error", "JSON decode error")
        message = f"the request body is not valid JSON: it stops at character {where} ({reason}); is it cut short?"
        return error_response(request, 422, message, details)
    first = f"{details[0].location}: {details[0].message}" if details else "invalid request"
    return error_response(request, 422, f"the request is not valid ({first})", details)


UNREADABLE_BODY = "There was an error parsing the body"
"""FastAPI's detail when a JSON body cannot even be decoded (not UTF-8/16/32, or nested past the recursion limit)."""


async def _on_http_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, HTTPException)
    settings: WebSettings = request.app.state.settings
    messages = {404: f"no page at {request.url.path}", 413: too_large_message(settings.max_request_bytes)}
    if exc.status_code == 400 and exc.detail == UNREADABLE_BODY:
        messages[400] = "the request body cannot be read as JSON; send UTF-8 JSON as /docs describes"
    return error_response(request, exc.status_code, messages.get(exc.status_code, str(exc.detail)))


def too_large_message(max_bytes: int) -> str:
    """The 413 message: the limit, and what to do."""
    return (
        f"the request is larger than the {limit_label(max_bytes)} limit; "
        "send fewer or shorter articles, or split them over several briefs"
    )


async def _on_unexpected(request: Request, exc: Exception) -> Response:
    logger.exception("%s %s failed", request.method, request.url.path)
    return error_response(request, 500, f"internal error ({type(exc).__name__}); the server log has the details")


def install_error_handlers(app: FastAPI) -> None:
    """Route every error of `app` through `error_response`."""
    app.add_exception_handler(StorylineError, _on_storyline_error)
    app.add_exception_handler(RequestValidationError, _on_validation_error)
    app.add_exception_handler(HTTPException, _on_http_error)
    app.add_exception_handler(Exception, _on_unexpected)
