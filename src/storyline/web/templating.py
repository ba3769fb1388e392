"""The Jinja2 environment of the web pages, and the one function that turns a template into a response.

Autoescaping is on for every template: article text, titles, outlets and file names are user data, and no
template marks any of them `|safe`.
"""

from __future__ import annotations

from functools import cache
from typing import Any

from jinja2 import Environment, PackageLoader, StrictUndefined
from starlette.responses import HTMLResponse

from storyline.web.settings import WebSettings, limit_label
from storyline.wording import counted

# The pages load scripts and styles from /static only; an injected inline <script> or onerror= would not run
# even if escaping ever failed. SVG is inline markup, not an <img>, so img-src stays strict.
SECURITY_HEADERS = {
    "Content-Security-Policy": (
        "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self'; "
        "form-action 'self'; base-uri 'none'; frame-ancestors 'none'"
    ),
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
}


@cache
def environment() -> Environment:
    """The template environment, made once: autoescape on, undefined names fail loudly."""
    templates = Environment(
        loader=PackageLoader("storyline", "web/templates"),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    templates.filters["counted"] = counted  # '1 sentence', '2 sentences'
    return templates


def render_page(name: str, context: dict[str, Any], *, settings: WebSettings, status_code: int = 200) -> HTMLResponse:
    """An HTML response of template `name`, with the security headers every page carries.

    Args:
        name: Template file under web/templates.
        context: Template variables.
        settings: The app's settings; every page states the request size limit.
        status_code: HTTP status of the response.

    Returns:
        The rendered page.
    """
    html = (
        environment()
        .get_template(name)
        .render(limit=limit_label(settings.max_request_bytes), max_request_bytes=settings.max_request_bytes, **context)
    )
    return HTMLResponse(html, status_code=status_code, headers=SECURITY_HEADERS)
