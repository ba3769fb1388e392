"""Helpers the web app tests share: an app on a temporary store, and the seed articles as an API request."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from fastapi.testclient import TestClient

from storyline.web import WebSettings, create_app

SEEDS = ("asiatimes", "nbc", "nikkei")

XSS_SCRIPT = "<script>alert(1)</script>"
XSS_IMG = "<img src=x onerror=alert(2)>"
XSS_FLAG = '<img src="x" onerror="window.__xss = 1">'
XSS_ARTICLE = (
    f"Officials in the harbour town said on Monday that the new ferry line {XSS_SCRIPT} will open next spring "
    f"after years of delay.\n\nThe mayor told reporters that the ferry {XSS_IMG} would carry four hundred "
    f"passengers a day between the two islands.\n\nLocal shop owners said the new ferry {XSS_FLAG} could double "
    "the number of summer visitors to the islands."
)
XSS_ARTICLE_2 = (
    f"The harbour town will open a new ferry line next spring {XSS_SCRIPT}, officials said on Monday after "
    f"years of delay.\n\nThe ferry {XSS_IMG} would carry four hundred passengers a day between the two islands, "
    "the mayor told reporters at the harbour."
)


def make_client(tmp_path: Path, **settings: Any) -> TestClient:
    """A client of a fresh app whose store is a new file under `tmp_path`."""
    app = create_app(WebSettings(db=tmp_path / "briefs.sqlite3", **settings))
    # Redirects are asserted, not followed; server errors become responses, as a browser would see them.
    return TestClient(app, follow_redirects=False, raise_server_exceptions=False)


def seed_request(seed_text: dict[str, str], *, words: int = 100, analysis: bool = False) -> dict[str, Any]:
    """The JSON body of `POST /api/briefs` for the three seed articles."""
    return {"articles": [{"text": seed_text[name]} for name in SEEDS], "words": words, "analysis": analysis}


def assert_error_shape(body: dict[str, Any], status: int) -> None:
    """Every API error has exactly the one shape, with the status repeated in the body."""
    assert set(body) == {"ok", "error", "errors", "status"}
    assert body["ok"] is False and body["status"] == status
    assert isinstance(body["error"], str) and body["error"]
