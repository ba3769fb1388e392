"""The request size limit, checked on the declared Content-Length and again on the bytes that arrive.

The header alone is not enough: a chunked request declares no length, and a client may send more than it
declared. So the streamed body is counted too, and reading stops at the limit.

Starlette's own `max_body_size` does both, but answers a too-large declared length with its plain-text
"Content Too Large" whatever the app says; this middleware answers in the app's one error shape instead.
"""

from __future__ import annotations

from starlette.datastructures import Headers
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from storyline.web.errors import error_response, too_large_message


class BodySizeLimit:
    """ASGI middleware that refuses, with 413, any request whose body is larger than `max_bytes`."""

    def __init__(self, app: ASGIApp, max_bytes: int) -> None:
        """Wrap `app`.

        Args:
            app: The application to protect.
            max_bytes: Largest request body accepted.
        """
        self.app = app
        self.max_bytes = max_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        declared = Headers(scope=scope).get("content-length", "")
        if declared.isdigit() and int(declared) > self.max_bytes:
            # Refused before a byte of the body is read.
            response = error_response(Request(scope), 413, too_large_message(self.max_bytes))
            await response(scope, receive, send)
            return
        received = 0

        async def counting_receive() -> Message:
            nonlocal received
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > self.max_bytes:
                    # An HTTPException passes FastAPI's body reading unchanged and reaches the app's handler.
                    raise HTTPException(413)
            return message

        await self.app(scope, counting_receive, send)
