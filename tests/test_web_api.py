"""The JSON API of the web app, through FastAPI's TestClient: create, list, fetch, delete, and every refusal."""

from __future__ import annotations

import asyncio
import datetime as dt
import json
import re
import sqlite3
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from contextlib import closing
from pathlib import Path

import httpx
import pytest
from fastapi.testclient import TestClient

from storyline.ingest import MAX_ARTICLE_BYTES
from storyline.models import Brief
from storyline.web import WebSettings, create_app, service
from storyline.web.schemas import ArticleIn
from tests.web_support import assert_error_shape, make_client, seed_request

pytestmark = pytest.mark.issue(6)


@pytest.fixture
def client(tmp_path: Path) -> Iterator[TestClient]:
    with make_client(tmp_path) as test_client:
        yield test_client


def test_web_api_create_returns_the_saved_brief_with_its_id(client: TestClient, seed_text: dict[str, str]) -> None:
    response = client.post("/api/briefs", json=seed_request(seed_text, words=100))
    assert response.status_code == 201
    body = response.json()
    assert re.fullmatch(r"[a-z0-9]{10}", body["id"])
    assert response.headers["location"] == f"/api/briefs/{body['id']}"
    assert body["url"] == f"/briefs/{body['id']}"
    brief = Brief.model_validate(body["brief"])
    assert [a.source for a in brief.story.articles] == ["article 1", "article 2", "article 3"]
    assert brief.summary and sum(len(s.text.split()) for s in brief.summary) <= 100
    for sentence in brief.summary:  # provenance survives the trip through HTTP
        assert brief.article(sentence.source.article).body[sentence.source.start : sentence.source.end] == sentence.text
    assert brief.options.analysis is False and brief.entities == ()


def test_web_api_create_keeps_title_outlet_and_date(client: TestClient, seed_text: dict[str, str]) -> None:
    request = seed_request(seed_text)
    request["articles"][1] |= {"title": "Worried Beijing", "outlet": "NBC News", "date": "2019-03-08"}
    brief = Brief.model_validate(client.post("/api/briefs", json=request).json()["brief"])
    second = brief.story.articles[1]
    assert (second.title, second.outlet, str(second.published)) == ("Worried Beijing", "NBC News", "2019-03-08")


def test_web_api_bad_title_or_date_is_left_out_with_a_warning_and_the_rest_briefed(
    client: TestClient, seed_text: dict[str, str]
) -> None:
    # A JSONL record's bad date is a warning on the command line too; the request used to be refused whole (422).
    request = seed_request(seed_text)
    request["articles"][0] |= {"title": "Talks " * 100, "date": "2019-02-30", "outlet": "Asia Times"}
    request["articles"][1] |= {"date": "March 8", "outlet": 7}
    request["articles"][2] |= {"date": "2019-03-08T10:30:00Z"}  # a date-time: its day, as in a JSONL record
    response = client.post("/api/briefs", json=request)
    assert response.status_code == 201
    brief = Brief.model_validate(response.json()["brief"])
    assert [(p.source, p.reason, p.severity) for p in brief.problems] == [
        (
            "article 1",
            'title "Talks Talks Talks Talks Talks Talks Talk…" (600 characters) not used: more than 500 characters',
            "warning",
        ),
        ("article 1", 'date "2019-02-30" not used: not a date (YYYY-MM-DD)', "warning"),
        ("article 2", "outlet 7 not used: not text", "warning"),
        ("article 2", 'date "March 8" not used: not a date (YYYY-MM-DD)', "warning"),
    ]
    first, second, third = brief.story.articles
    # Only the bad fields are left out: the title comes from the text, the good outlet is kept.
    assert (first.outlet, first.published) == ("Asia Times", None)
    assert first.title is not None and not first.title.startswith("Talks")
    assert second.published is None and third.published == dt.date(2019, 3, 8)
    assert len(brief.summary) > 0
    # The brief is saved whole, its warnings with it.
    assert client.get(f"/api/briefs/{response.json()['id']}").json() == response.json()


@pytest.mark.parametrize("date", [0, 1552003200, True, "March 8", "2019-03-08 garbage"])
def test_web_api_date_that_a_jsonl_record_could_not_give_is_left_out(date: object) -> None:
    # a number is no date on the command line (`ingest._parse_date`), nor Unix time here
    article = ArticleIn.model_validate({"text": "x", "date": date})
    assert article.date is None
    assert [p.reason for p in article.metadata_problems("article 1")] == [
        f"date {json.dumps(date)} not used: not a date (YYYY-MM-DD)"
    ]


def test_web_api_list_fetch_delete_round_trip(client: TestClient, seed_text: dict[str, str]) -> None:
    first = client.post("/api/briefs", json=seed_request(seed_text, words=60)).json()
    second = client.post("/api/briefs", json=seed_request(seed_text, words=80)).json()
    listed = client.get("/api/briefs").json()
    assert [(item["id"], item["words"], item["n_articles"]) for item in listed] == [
        (second["id"], 80, 3),
        (first["id"], 60, 3),
    ]
    fetched = client.get(f"/api/briefs/{first['id']}")
    assert fetched.status_code == 200
    assert fetched.json() == first
    assert client.delete(f"/api/briefs/{first['id']}").status_code == 204
    assert client.get(f"/api/briefs/{first['id']}").status_code == 404
    assert [item["id"] for item in client.get("/api/briefs").json()] == [second["id"]]


@pytest.mark.parametrize(
    ("body", "location"),
    [
        ({}, "body.articles"),
        ({"articles": []}, "body.articles"),
        ({"articles": [{"title": "no text"}]}, "body.articles.0.text"),
        ({"articles": [{"text": "x"}], "words": 0}, "body.words"),
        ({"articles": [{"text": "x"}], "words": "many"}, "body.words"),
        ({"articles": [{"text": "x"}], "words": True}, "body.words"),  # was read as a one-word budget
        ({"articles": [{"text": "x"}], "strategy": "random"}, "body.strategy"),
        ({"articles": ["just a string"]}, "body.articles.0"),
    ],
)
def test_web_api_bad_payload_is_422_naming_the_field(
    client: TestClient, body: dict[str, object], location: str
) -> None:
    response = client.post("/api/briefs", json=body)
    assert response.status_code == 422
    assert_error_shape(response.json(), 422)
    assert location in [error["location"] for error in response.json()["errors"]]


def test_web_api_invalid_json_is_422(client: TestClient) -> None:
    response = client.post("/api/briefs", content=b'{"articles": [', headers={"content-type": "application/json"})
    assert response.status_code == 422
    assert_error_shape(response.json(), 422)


@pytest.mark.parametrize(
    "body",
    ['{"articles": [{"text": "Café owners said the bridge would close."}]}'.encode("latin-1"), b"[" * 100_000],
)
def test_web_api_body_that_cannot_be_decoded_says_so(client: TestClient, body: bytes) -> None:
    response = client.post("/api/briefs", content=body, headers={"content-type": "application/json"})
    assert response.status_code == 400
    assert response.json()["error"] == "the request body cannot be read as JSON; send UTF-8 JSON as /docs describes"


def test_web_api_no_usable_article_is_422_with_each_problem(client: TestClient, seed_text: dict[str, str]) -> None:
    kept = client.post("/api/briefs", json=seed_request(seed_text)).json()
    response = client.post("/api/briefs", json={"articles": [{"text": "   \n  "}, {"text": "\n\n"}, {"text": ""}]})
    assert response.status_code == 422
    body = response.json()
    assert_error_shape(body, 422)
    assert (
        body["error"]
        == "no usable article: article 1: empty: no text; article 2: empty: no text; article 3: empty: no text"
    )
    assert [error["location"] for error in body["errors"]] == ["article 1", "article 2", "article 3"]
    # The refused request saved nothing and left the brief saved before as it was.
    assert [saved["id"] for saved in client.get("/api/briefs").json()] == [kept["id"]]
    assert client.get(f"/api/briefs/{kept['id']}").json() == kept


def test_web_api_empty_binary_or_too_long_text_is_skipped_as_such_a_file_is(
    tmp_path: Path, seed_text: dict[str, str]
) -> None:
    too_long = "word " * (MAX_ARTICLE_BYTES // 5 + 40_000)
    image = (bytes(range(256)) * 16).decode("latin-1")  # what a client that has to send text makes of an image
    texts = ["", seed_text["nbc"], "  \n ", too_long, image, seed_text["nikkei"]]
    # A server allowed requests over 16 MiB: the default 5 MiB refuses such a request before reading it.
    with make_client(tmp_path, max_request_bytes=2 * MAX_ARTICLE_BYTES) as roomy:
        response = roomy.post("/api/briefs", json={"articles": [{"text": text} for text in texts], "analysis": False})
    assert response.status_code == 201, response.text
    brief = response.json()["brief"]
    assert [a["source"] for a in brief["story"]["articles"]] == ["article 2", "article 6"]
    reason = "text is 17.0 MB, over the 16.8 MB limit for one article; is it really a single article?"
    assert [(p["severity"], p["source"], p["reason"]) for p in brief["problems"]] == [
        ("error", "article 1", "empty: no text"),
        ("error", "article 3", "empty: no text"),
        ("error", "article 4", reason),
        ("error", "article 5", "binary data, not text (is it a PDF, image or archive?)"),
    ]


def test_web_api_text_that_looks_like_a_path_is_never_read(client: TestClient, tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("The launch code of the secret rocket is 0000 and nobody must know it.\n" * 5, encoding="utf-8")
    for text in (str(secret), "examples/nbc.txt"):
        response = client.post("/api/briefs", json={"articles": [{"text": text}]})
        assert "launch code" not in response.text and "Beijing" not in response.text


def test_web_api_oversize_declared_body_is_413(tmp_path: Path) -> None:
    with make_client(tmp_path, max_request_bytes=2000) as small:
        response = small.post("/api/briefs", json={"articles": [{"text": "word " * 1000}]})
    assert response.status_code == 413
    assert_error_shape(response.json(), 413)
    assert "larger than the 2,000 bytes limit" in response.json()["error"]


def test_web_api_oversize_streamed_body_is_413(tmp_path: Path) -> None:
    # A generator body goes out chunked, with no Content-Length: only counting the bytes can stop it.
    chunks = (b'{"articles": [{"text": "' + b"word " * 200 + b'"}]}' for _ in range(10))
    with make_client(tmp_path, max_request_bytes=2000) as small:
        response = small.post("/api/briefs", content=chunks, headers={"content-type": "application/json"})
    assert response.status_code == 413
    assert_error_shape(response.json(), 413)


def test_web_api_default_limit_is_5_mb(client: TestClient) -> None:
    response = client.post(
        "/api/briefs", content=b"x" * (5 * 1024 * 1024 + 1), headers={"content-type": "application/json"}
    )
    assert response.status_code == 413
    assert "larger than the 5 MiB (5.2 MB) limit" in response.json()["error"]


def test_web_api_unknown_id_is_404(client: TestClient) -> None:
    for response in (client.get("/api/briefs/nosuchbrief"), client.delete("/api/briefs/nosuchbrief")):
        assert response.status_code == 404
        assert_error_shape(response.json(), 404)
        assert "'nosuchbrief'" in response.json()["error"]


def test_web_api_unknown_route_is_404_in_the_same_shape(client: TestClient) -> None:
    response = client.get("/api/nothing-here")
    assert response.status_code == 404
    assert_error_shape(response.json(), 404)


def test_web_api_broken_store_is_500_with_a_clear_message(tmp_path: Path) -> None:
    not_a_store = tmp_path / "briefs.sqlite3"
    not_a_store.write_bytes(b"this is not a database, just some text " * 100)
    with make_client(tmp_path) as client:
        response = client.get("/api/briefs")
    assert response.status_code == 500
    assert_error_shape(response.json(), 500)
    assert response.json()["error"].startswith("the brief store failed: cannot open")
    assert "Traceback" not in response.text


def test_web_api_brief_that_no_longer_loads_is_500_not_404(client: TestClient, seed_text: dict[str, str]) -> None:
    brief_id = client.post("/api/briefs", json=seed_request(seed_text)).json()["id"]
    with closing(sqlite3.connect(client.app.state.settings.db, isolation_level=None)) as conn:  # type: ignore[attr-defined]
        conn.execute("""UPDATE briefs SET brief = '{"schema_version": "0"}'""")
    response = client.get(f"/api/briefs/{brief_id}")
    assert response.status_code == 500
    assert_error_shape(response.json(), 500)
    assert "no longer loads" in response.json()["error"]


def test_web_api_store_errors_name_no_command_line_option_or_command(
    tmp_path: Path, seed_text: dict[str, str], caplog: pytest.LogCaptureFixture
) -> None:
    """A web client can neither pass --db nor run `storyline …`: the store's advice names neither."""
    garbage, plain, other = tmp_path / "garbage.sqlite3", tmp_path / "plain", tmp_path / "other.sqlite3"
    garbage.write_bytes(b"this is not a database, just some text " * 100)
    plain.write_text("a file where the store's folder should be", encoding="utf-8")
    with closing(sqlite3.connect(other, isolation_level=None)) as conn:
        conn.execute("CREATE TABLE notes (text TEXT)")
    messages = []
    for db in (garbage, plain / "briefs.sqlite3", other):
        with TestClient(create_app(WebSettings(db=db)), raise_server_exceptions=False) as client:
            messages.append(client.get("/api/briefs").json()["error"])
    with make_client(tmp_path) as client, closing(sqlite3.connect(tmp_path / "briefs.sqlite3")) as conn:
        brief_id = client.post("/api/briefs", json=seed_request(seed_text)).json()["id"]
        with conn:
            conn.execute("""UPDATE briefs SET brief = '{"schema_version": "0"}'""")
        messages.append(client.get(f"/api/briefs/{brief_id}").json()["error"])
        with conn:
            conn.execute("UPDATE briefs SET created_at = 'yesterday'")
        assert client.get("/api/briefs").json() == []  # an unreadable row is left out of the list, and logged
    assert all(m.startswith("the brief store failed: ") for m in messages)
    assert [m.rpartition("; ")[2] for m in messages] == [
        "move this file away or use another store file",
        "use another store file",
        "use another store file",
        "make it again and save it",
    ]
    assert [r.getMessage().rpartition(": ")[2] for r in caplog.records if r.name == "storyline.store"] == [
        "delete that brief or restore the file from a backup"
    ]


def test_web_api_openapi_documents_the_brief_model(client: TestClient) -> None:
    schema = client.get("/openapi.json").json()
    assert set(schema["paths"]) == {"/api/briefs", "/api/briefs/{brief_id}"}
    assert {"post", "get"} <= set(schema["paths"]["/api/briefs"])
    assert {"get", "delete"} <= set(schema["paths"]["/api/briefs/{brief_id}"])
    assert schema["components"]["schemas"]["BriefRecord"]["properties"]["brief"] == {
        "$ref": "#/components/schemas/Brief"
    }


def test_web_api_docs_work_offline(client: TestClient) -> None:
    page = client.get("/docs")
    assert page.status_code == 200
    scripts = re.findall(r'src="([^"]+)"', page.text) + re.findall(r'href="([^"]+\.css)"', page.text)
    assert scripts and all(url.startswith("/") for url in scripts)  # no CDN
    assert all(client.get(url).status_code == 200 for url in scripts)


def test_web_api_app_loads_no_model_until_a_brief_needs_one(tmp_path: Path) -> None:
    code = (
        "import sys; from fastapi.testclient import TestClient; from storyline.web import WebSettings, create_app;"
        f"client = TestClient(create_app(WebSettings(db={str(tmp_path / 'b.sqlite3')!r})));"
        "assert client.get('/').status_code == 200 and client.get('/api/briefs').status_code == 200;"
        "print(sorted(m for m in ('torch', 'spacy', 'sentence_transformers') if m in sys.modules))"
    )
    found = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert found.strip() == "[]"


def test_web_api_creates_a_brief_without_the_app_lifespan(tmp_path: Path) -> None:
    """A TestClient outside `with`, or a server started with its lifespan off, still briefs (was a 500)."""
    client = make_client(tmp_path)  # not entered: the app's lifespan never runs
    bridge = [
        "The mayor of Lindholm opened the new harbour bridge on Monday after four years of building work.",
        "Lindholm's harbour bridge opened on Monday, four years after building work began, the mayor said.",
    ]
    api = client.post("/api/briefs", json={"articles": [{"text": text} for text in bridge], "analysis": False})
    assert api.status_code == 201, api.text
    form = client.post("/briefs", data={"article": bridge, "words": "40"})
    assert form.status_code == 303, form.text
    assert [item["id"] for item in client.get("/api/briefs").json()] == [
        form.headers["location"].rsplit("/", 1)[1],
        api.json()["id"],
    ]


def test_web_api_runs_one_brief_at_a_time(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Briefs sent together queue for the pipeline: spaCy does not promise that one model may run in two threads."""
    running, most_at_once, lock = 0, 0, threading.Lock()
    real_brief = service.make_brief

    def counting_brief(*args: object, **kwargs: object) -> Brief:
        nonlocal running, most_at_once
        with lock:
            running += 1
            most_at_once = max(most_at_once, running)
        time.sleep(0.2)  # long enough for the other requests to arrive while this one runs
        try:
            return real_brief(*args, **kwargs)
        finally:
            with lock:
                running -= 1

    monkeypatch.setattr(service, "make_brief", counting_brief)
    app = create_app(WebSettings(db=tmp_path / "briefs.sqlite3"))
    bridge = {
        "articles": [{"text": "The mayor of Lindholm opened the new harbour bridge on Monday after years of work."}],
        "analysis": False,
    }

    async def post_three() -> list[int]:
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://storyline.test") as client:
            responses = await asyncio.gather(*(client.post("/api/briefs", json=bridge) for _ in range(3)))
        return [response.status_code for response in responses]

    assert asyncio.run(post_three()) == [201, 201, 201]
    assert most_at_once == 1


# Bad-input sweep (s11).

_STORY = (
    "The harbour bridge will close to all traffic from April 1 for six months while engineers replace its "
    "corroded steel cables, the city council announced on Friday."
)


def test_web_api_half_an_emoji_escape_is_read_as_a_replacement_character(client: TestClient) -> None:
    # Cut scraped text: "\ud83d" with its other half lost. The CLI reads it as U+FFFD; so does the API.
    text, outlet = json.dumps(_STORY + " \ud83d"), json.dumps("Harbour \udc00News")  # json escapes them: "\\ud83d"
    body = f'{{"articles": [{{"text": {text}, "outlet": {outlet}}}], "analysis": false}}'
    response = client.post("/api/briefs", content=body.encode(), headers={"content-type": "application/json"})
    assert response.status_code == 201, response.text
    (article,) = response.json()["brief"]["story"]["articles"]
    assert article["body"].endswith(" \ufffd") and article["outlet"] == "Harbour \ufffdNews"


def test_web_api_json_cut_short_says_where_it_stops(client: TestClient) -> None:
    body = json.dumps({"articles": [{"text": _STORY}]}).encode()[:40]
    response = client.post("/api/briefs", content=body, headers={"content-type": "application/json"})
    assert response.status_code == 422
    assert_error_shape(response.json(), 422)
    assert response.json()["error"] == (
        "the request body is not valid JSON: it stops at character 23 (Unterminated string starting at); "
        "is it cut short?"
    )


def test_web_api_nul_character_never_reaches_the_store(client: TestClient) -> None:
    response = client.post("/api/briefs", json={"articles": [{"text": _STORY[:30] + "\x00" + _STORY[30:]}]})
    assert response.status_code == 201
    saved = client.get(f"/api/briefs/{response.json()['id']}").json()["brief"]
    assert saved["story"]["articles"][0]["body"] == _STORY


@pytest.mark.usefixtures("without_spacy")
def test_web_api_missing_spacy_is_503_naming_the_web_switch_not_a_cli_option(
    client: TestClient, seed_text: dict[str, str]
) -> None:
    # The message told web clients to use `--no-analysis`, an option of the command line.
    response = client.post("/api/briefs", json=seed_request(seed_text, analysis=True))
    assert_error_shape(response.json(), 503)
    error = response.json()["error"]
    assert "--no-analysis" not in error and error.endswith(
        '(untick "Find people, places and quotes", or send "analysis": false)'
    )
    assert "Find people, places and quotes" in client.get("/").text  # the form's label, as the hint quotes it
