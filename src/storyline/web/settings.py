"""The web app's settings: one typed model, and the cached dependency that hands it to the routes."""

from __future__ import annotations

import ipaddress
from functools import cache
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field

MAX_REQUEST_BYTES = 5 * 1024 * 1024
"""5 MiB: dozens of long articles as text; a bigger request is far more likely a mistake (a PDF, a video)."""


class WebSettings(BaseModel):
    """Every setting of the web app; `storyline serve` fills it from its flags."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    db: Path | None = Field(None, description="The brief store, a SQLite file; None means the default store.")
    max_request_bytes: int = Field(
        MAX_REQUEST_BYTES, gt=0, description="Largest request body accepted; larger ones get 413."
    )
    max_articles: int = Field(100, gt=0, description="Most articles (pasted, uploaded or posted) in one brief.")


@cache
def get_settings() -> WebSettings:
    """The settings of an app made without any: every default.

    `create_app(settings)` overrides this dependency with its own settings, and tests may override it again.
    """
    return WebSettings()


def is_loopback(host: str) -> bool:
    """True if `host` is a loopback address or 'localhost', so only this machine can connect."""
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def limit_label(n_bytes: int) -> str:
    """'5 MiB (5.2 MB)', '4 KiB (4.1 kB)' or '2,000 bytes': the request limit as the pages and the 413 message state
    it, in the binary unit it is set in and the decimal one file managers and ingest's messages use."""
    if n_bytes % (1024 * 1024) == 0:
        return f"{n_bytes // (1024 * 1024)} MiB ({n_bytes / 1e6:.1f} MB)"
    if n_bytes % 1024 == 0:
        return f"{n_bytes // 1024} KiB ({n_bytes / 1e3:.1f} kB)"
    return f"{n_bytes:,} bytes"
