"""The web app's pages, through FastAPI's TestClient: the form, uploads, the brief and article pages, escaping."""

from __future__ import annotations

import gzip
import html
import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient
from markupsafe import escape
from typer.testing import CliRunner

import storyline
import storyline.web
from storyline.cli import app as cli_app
from storyline.ingest import ARTICLE_SUFFIXES, MAX_ARTICLE_BYTES
from storyline.models import Brief, BriefOptions, Span
from storyline.render.analysis import INFERRED_NOTE, key_quotes
from storyline.web import WebSettings
from storyline.web.articles import MAX_UNPACKED_BYTES, UPLOAD_SUFFIXES
from storyline.web.deps import stored_brief
from tests.web_support import (
    SEEDS,
    XSS_ARTICLE,
    XSS_ARTICLE_2,
    XSS_IMG,
    XSS_SCRIPT,
    assert_error_shape,
    make_client,
    seed_request,
)

pytestmark = pytest.mark.issue(6)

PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x10\x00\x00\x00\x10\x08\x06\x00\x00\x00\x1f\xf3\xffa" * 20


@pytest.fixture
def client(tmp_path: Path) -> Iterator[TestClient]:
    with make_client(tmp_path) as test_client:
        yield test_client


def _form(seed_text: dict[str, str], **fields: str) -> dict[str, object]:
    return {"article": [seed_text[name] for name in SEEDS] + [""], "words": "90", **fields}


def _brief_id(response_location: str) -> str:
    match = re.fullmatch(r"/briefs/([a-z0-9]{10})", response_location)
    assert match, response_location
    return match.group(1)


def test_web_pages_home_has_the_form_and_states_the_limit(client: TestClient) -> None:
    page = client.get("/")
    assert page.status_code == 200
    assert page.text.count('<textarea name="article"') == 3
    accept = ".txt,.text,.md,.markdown,.html,.htm,.xhtml,.json,.jsonl,.ndjson,.jsonl.gz"
    assert f'type="file" name="files" multiple accept="{accept}"' in page.text
    assert "Up to 5 MiB (5.2 MB) in all" in page.text
    assert "Content-Security-Policy" in page.headers and "script-src 'self'" in page.headers["content-security-policy"]


def test_web_pages_form_post_redirects_to_the_brief(client: TestClient, seed_text: dict[str, str]) -> None:
    response = client.post("/briefs", data=_form(seed_text))  # no "analysis" field: the box was unticked
    assert response.status_code == 303
    brief_id = _brief_id(response.headers["location"])
    brief = client.get(f"/api/briefs/{brief_id}").json()["brief"]
    assert brief["options"] == BriefOptions(words=90, analysis=False).model_dump()
    assert [a["source"] for a in brief["story"]["articles"]] == [
        "pasted article 1",
        "pasted article 2",
        "pasted article 3",
    ]
    page = client.get(f"/briefs/{brief_id}")
    assert page.status_code == 200
    assert escape(brief["story"]["title"]) in page.text


def test_web_pages_script_post_gets_json_with_the_page(client: TestClient, seed_text: dict[str, str]) -> None:
    response = client.post("/briefs", data=_form(seed_text), headers={"accept": "application/json"})
    assert response.status_code == 201
    assert response.json()["url"] == f"/briefs/{response.json()['id']}"


def test_web_pages_uploads_are_read_in_memory_and_labelled_by_name(
    client: TestClient, examples_dir: Path, tmp_path: Path
) -> None:
    files = [("files", (f"../../etc/{name}.txt", (examples_dir / f"{name}.txt").read_bytes())) for name in SEEDS]
    response = client.post("/briefs", data={"words": "80"}, files=files)
    assert response.status_code == 303
    brief = client.get(f"/api/briefs/{_brief_id(response.headers['location'])}").json()["brief"]
    assert [a["source"] for a in brief["story"]["articles"]] == [f"upload {name}.txt" for name in SEEDS]
    # The outlet the command line finds from the file's name (it was 'upload nbc', the label's first word kept).
    assert [a["outlet"] for a in brief["story"]["articles"]] == ["Asia Times", "NBC News", "Nikkei Asia"]
    # The names were labels only: nothing was written under them, here or where "../../etc" points.
    assert [p.name for p in tmp_path.iterdir() if not p.name.startswith("briefs.sqlite3")] == []
    assert not any((Path.cwd() / f"../../etc/{name}.txt").resolve().exists() for name in SEEDS)


def test_web_pages_html_and_jsonl_uploads_are_parsed(client: TestClient, seed_text: dict[str, str]) -> None:
    page = (Path(__file__).parent / "data" / "harbour_news.html").read_bytes()
    cluster = json.dumps(
        {"documents": [{"text": seed_text["nbc"], "outlet": "NBC News"}, {"text": seed_text["nikkei"]}]}
    )
    files = [("files", ("harbour_news.html", page, "text/html")), ("files", ("cluster.jsonl", cluster.encode()))]
    response = client.post("/briefs", data={"words": "80"}, files=files)
    brief = client.get(f"/api/briefs/{_brief_id(response.headers['location'])}").json()["brief"]
    found = [(a["source"], a["outlet"], a["published"]) for a in brief["story"]["articles"]]
    assert found == [
        ("upload harbour_news.html", "Coastline Courier", "2019-03-08"),
        ("upload cluster.jsonl#0/1", "NBC News", None),
        ("upload cluster.jsonl#0/2", "Nikkei Asia", None),  # outlet found in the text itself
    ]


def test_web_pages_uploads_take_every_file_the_command_line_reads(
    client: TestClient, seed_text: dict[str, str]
) -> None:
    assert set(UPLOAD_SUFFIXES) == ARTICLE_SUFFIXES
    cluster = json.dumps({"documents": [{"text": seed_text["nbc"]}, {"text": seed_text["nikkei"]}]}).encode()
    files = [
        ("files", ("cluster.jsonl.gz", gzip.compress(cluster))),
        ("files", ("asiatimes.md", seed_text["asiatimes"].encode())),
    ]
    response = client.post("/briefs", data={"words": "80", "analysis": "false"}, files=files)
    brief = client.get(f"/api/briefs/{_brief_id(response.headers['location'])}").json()["brief"]
    sources = [a["source"] for a in brief["story"]["articles"]]
    assert sources == ["upload cluster.jsonl.gz#0/1", "upload cluster.jsonl.gz#0/2", "upload asiatimes.md"]


def test_web_pages_jsonl_upload_is_read_as_records_however_its_lines_look(client: TestClient) -> None:
    story = "The ferry to the two islands will run every twenty minutes while the harbour bridge is closed for repairs."
    broken_first = ("{not json\n" + json.dumps({"documents": [story]}) + "\n").encode()
    response = client.post("/briefs", data={"words": "80"}, files=[("files", ("cluster.jsonl", broken_first))])
    brief = client.get(f"/api/briefs/{_brief_id(response.headers['location'])}").json()["brief"]
    assert [(a["source"], a["body"]) for a in brief["story"]["articles"]] == [("upload cluster.jsonl#1/1", story)]
    no_records = [("files", ("numbers.jsonl", b'42\n"text"\nnull\n'))]
    refused = client.post("/briefs", data={"words": "80"}, files=no_records, headers={"accept": "application/json"})
    assert refused.status_code == 422
    assert "upload numbers.jsonl: no JSON record found" in refused.json()["error"]


_CLUSTER = json.dumps({"documents": ["The harbour bridge will close for repairs in May, the city said."]}).encode()
UNREADABLE_UPLOADS = [
    ("empty.txt", b"", "empty file"),
    ("blank.txt", b"  \n\t\n", "empty file"),
    ("junk.bin", bytes(range(256)) * 16, "binary file, not text (is it a PDF, image or archive?)"),
    ("photo.png", PNG, "binary file, not text (is it a PDF, image or archive?)"),
    ("photo.txt", PNG, "binary file, not text (is it a PDF, image or archive?)"),
    ("report.pdf", b"%PDF-1.4\n" + bytes(range(256)) * 4, "binary file, not text (is it a PDF, image or archive?)"),
    ("plain.jsonl.gz", _CLUSTER, "cannot read JSONL: not a gzip file, though its name ends in '.gz'"),
    ("cut.jsonl.gz", gzip.compress(_CLUSTER)[:-20], "cannot read JSONL: the gzip file is cut short"),
    # A few kilobytes can unpack to gigabytes: reading stops past the limit.
    ("bomb.jsonl.gz", gzip.compress(b" " * (MAX_UNPACKED_BYTES + 1)), "unpacks to more than 16.8 MB"),
]


@pytest.mark.parametrize(
    ("filename", "data", "reason"), UNREADABLE_UPLOADS, ids=[name for name, _, _ in UNREADABLE_UPLOADS]
)
def test_web_pages_unreadable_upload_is_skipped_and_named_among_the_problems(
    client: TestClient, examples_dir: Path, filename: str, data: bytes, reason: str
) -> None:
    seeds = [("files", (f"{name}.txt", (examples_dir / f"{name}.txt").read_bytes())) for name in SEEDS]
    files = [*seeds[:2], ("files", (filename, data)), seeds[2]]
    response = client.post("/briefs", data={"words": "80"}, files=files)
    assert response.status_code == 303, response.text
    brief_id = _brief_id(response.headers["location"])
    brief = client.get(f"/api/briefs/{brief_id}").json()["brief"]
    assert [a["source"] for a in brief["story"]["articles"]] == [f"upload {name}.txt" for name in SEEDS]
    # The outlet the command line finds from the file's name (it was 'upload nbc', the label's first word kept).
    assert [a["outlet"] for a in brief["story"]["articles"]] == ["Asia Times", "NBC News", "Nikkei Asia"]
    [problem] = brief["problems"]
    assert (problem["severity"], problem["source"]) == ("error", f"upload {filename}")
    assert problem["reason"].startswith(reason)
    assert f"error: upload {filename}: {escape(reason)}" in client.get(f"/briefs/{brief_id}").text


def test_web_pages_form_with_every_box_empty_says_so_and_stores_nothing(client: TestClient) -> None:
    # What a browser sends for the untouched form: three empty boxes (one only spaces) and the nameless file part.
    form = {"article": ["", "  \n ", ""], "words": "150", "analysis": "on"}
    no_file = {"files": ("", b"", "application/octet-stream")}
    message = "no article given: paste at least one article or upload a file"
    page = client.post("/briefs", data=form, files=no_file)
    assert page.status_code == 422
    assert message in page.text and "Traceback" not in page.text
    as_json = client.post("/briefs", data=form, files=no_file, headers={"accept": "application/json"})
    assert_error_shape(as_json.json(), 422)
    assert as_json.json()["error"] == message
    assert client.get("/api/briefs").json() == []


@pytest.mark.parametrize(
    ("filename", "data", "reason"), UNREADABLE_UPLOADS, ids=[name for name, _, _ in UNREADABLE_UPLOADS]
)
def test_web_pages_nothing_readable_uploaded_is_422_and_stores_nothing(
    client: TestClient, seed_text: dict[str, str], filename: str, data: bytes, reason: str
) -> None:
    kept = client.post("/api/briefs", json=seed_request(seed_text)).json()
    files = [("files", (filename, data, "application/octet-stream"))]
    page = client.post("/briefs", data={"words": "80"}, files=files)
    assert page.status_code == 422
    assert f"upload {filename}: {escape(reason)}" in page.text and "Traceback" not in page.text
    as_json = client.post("/briefs", data={"words": "80"}, files=files, headers={"accept": "application/json"})
    body = as_json.json()
    assert_error_shape(body, 422)
    assert body["error"].startswith(f"no usable article: upload {filename}: {reason}")
    assert [error["location"] for error in body["errors"]] == [f"upload {filename}"]
    # Nothing was saved, and the brief saved before is untouched.
    assert [saved["id"] for saved in client.get("/api/briefs").json()] == [kept["id"]]
    assert client.get(f"/api/briefs/{kept['id']}").json() == kept


def test_web_pages_upload_over_the_article_limit_is_skipped_as_on_the_command_line(
    tmp_path: Path, seed_text: dict[str, str]
) -> None:
    # Only a server allowed requests over 16 MiB gets such a file at all; the default 5 MiB refuses the request.
    big = (seed_text["nbc"] * (MAX_ARTICLE_BYTES // len(seed_text["nbc"]) + 1)).encode()
    files = [("files", ("big.txt", big)), ("files", ("nbc.txt", seed_text["nbc"].encode()))]
    with make_client(tmp_path, max_request_bytes=2 * MAX_ARTICLE_BYTES) as roomy:
        response = roomy.post("/briefs", data={"words": "80"}, files=files)
        assert response.status_code == 303, response.text
        brief = roomy.get(f"/api/briefs/{_brief_id(response.headers['location'])}").json()["brief"]
    assert [a["source"] for a in brief["story"]["articles"]] == ["upload nbc.txt"]
    reason = f"file is {len(big) / 1e6:.1f} MB, over the 16.8 MB limit for one article; is it really a single article?"
    assert [(p["source"], p["reason"]) for p in brief["problems"]] == [("upload big.txt", reason)]


def test_web_pages_upload_name_says_how_its_text_is_read_as_on_the_command_line(
    client: TestClient, tmp_path: Path
) -> None:
    """A '.html' fragment is read as a page and a '.txt' file as text, whatever they look like, as `storyline brief
    FILE` reads them; the web app used to go by the look alone, as for pasted text, and got both wrong."""
    files = {
        "ferry.html": "<h1>Ferry to run daily</h1>\n<p>The ferry between the two islands will run every day from "
        "next spring, the mayor said on Monday.</p>\n<p>It will carry four hundred passengers a day.</p>\n",
        "page.txt": "<html>\nThe harbour bridge will close for repairs in <b>May</b> while engineers replace its steel "
        "beams, the city said.\nDrivers will use the north tunnel for several weeks, officials said.\n</html>\n",
    }
    for name, text in files.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    on_cli = CliRunner().invoke(
        cli_app, ["brief", *(str(tmp_path / name) for name in files), "--no-analysis", "-f", "json"]
    )
    assert on_cli.exit_code == 0, on_cli.output
    upload = [("files", (name, text.encode())) for name, text in files.items()]
    response = client.post("/briefs", data={"words": "80"}, files=upload)
    on_web = client.get(f"/api/briefs/{_brief_id(response.headers['location'])}").json()["brief"]
    bodies = [a["body"] for a in on_web["story"]["articles"]]
    assert bodies == [a["body"] for a in json.loads(on_cli.stdout)["story"]["articles"]]
    assert bodies[0].startswith("The ferry between") and "repairs in <b>May</b>" in bodies[1]


def _mixed_upload(folder: Path, examples_dir: Path) -> list[Path]:
    """The seeds among bad files, as a user might pick them: every kind of file the command line skips or notes."""
    latin = "The café owner said the façade of the harbour building would be restored by the spring, officials said."
    made = {
        "asiatimes.txt": (examples_dir / "asiatimes.txt").read_bytes(),
        "empty.txt": b"",
        "junk.bin": bytes(range(256)) * 16,
        "photo.png": PNG,
        "latin.txt": latin.encode("latin-1"),
        "nbc.txt": (examples_dir / "nbc.txt").read_bytes(),
        "utf16.txt": latin.encode("utf-16"),
        "nbc-copy.txt": (examples_dir / "nbc.txt").read_bytes(),
        "plain.jsonl.gz": _CLUSTER,
        "notes.csv": (
            b"Chinese officials worry that President Trump could walk away from a trade deal with Xi Jinping, as he "
            b"walked away from the summit with Kim Jong Un in Hanoi.\n\nA meeting at Mar-a-Lago is not yet set."
        ),
        "nikkei.txt": (examples_dir / "nikkei.txt").read_bytes(),
    }
    for name, data in made.items():
        (folder / name).write_bytes(data)
    return [folder / name for name in made]


def _by_file_name(brief: dict[str, Any], prefix: str) -> tuple[list[str], list[tuple[str, str, str]]]:
    """The brief's articles and problems with `prefix` (a folder, or 'upload ') taken off every source it names."""
    articles = [a["source"].removeprefix(prefix) for a in brief["story"]["articles"]]
    problems = [
        (p["severity"], p["source"].removeprefix(prefix), p["reason"].replace(prefix, "")) for p in brief["problems"]
    ]
    return articles, problems


def test_web_pages_mixed_upload_briefs_and_reports_what_the_command_line_does(
    client: TestClient, examples_dir: Path, tmp_path: Path
) -> None:
    paths = _mixed_upload(tmp_path, examples_dir)
    on_cli = CliRunner().invoke(cli_app, ["brief", *map(str, paths), "--words", "80", "--no-analysis", "-f", "json"])
    assert on_cli.exit_code == 0, on_cli.output
    files = [("files", (path.name, path.read_bytes())) for path in paths]
    response = client.post("/briefs", data={"words": "80"}, files=files)
    assert response.status_code == 303, response.text
    on_web = client.get(f"/api/briefs/{_brief_id(response.headers['location'])}").json()["brief"]
    articles, problems = _by_file_name(json.loads(on_cli.stdout), f"{tmp_path}/")
    assert _by_file_name(on_web, "upload ") == (articles, problems)
    assert articles == ["asiatimes.txt", "latin.txt", "nbc.txt", "notes.csv", "nikkei.txt"]
    binary = "binary file, not text (is it a PDF, image or archive?)"
    assert problems == [
        ("error", "empty.txt", "empty file"),
        ("error", "junk.bin", binary),
        ("error", "photo.png", binary),
        ("warning", "latin.txt", "not UTF-8; decoded as cp1252"),
        ("warning", "utf16.txt", "not UTF-8; decoded as utf-16"),
        ("error", "plain.jsonl.gz", "cannot read JSONL: not a gzip file, though its name ends in '.gz'"),
        ("warning", "utf16.txt", "same article as latin.txt; counted once"),
        ("warning", "nbc-copy.txt", "same article as nbc.txt; counted once"),
    ]


@pytest.mark.parametrize("path", ["/briefs/nosuchbrief", "/briefs/nosuchbrief/articles/a1", "/no/such/page"])
def test_web_pages_unknown_id_is_a_404_page(client: TestClient, path: str) -> None:
    page = client.get(path)
    assert page.status_code == 404
    assert page.headers["content-type"].startswith("text/html")
    assert "<h1>Not found</h1>" in page.text and "Traceback" not in page.text


def test_web_pages_unknown_article_is_a_404_page(client: TestClient, seed_text: dict[str, str]) -> None:
    brief_id = client.post("/api/briefs", json=seed_request(seed_text)).json()["id"]
    page = client.get(f"/briefs/{brief_id}/articles/a9")
    assert page.status_code == 404
    assert escape("has no article 'a9'; its articles are a1, a2, a3") in page.text


def test_web_pages_list_and_delete(client: TestClient, seed_text: dict[str, str]) -> None:
    brief_id = client.post("/api/briefs", json=seed_request(seed_text)).json()["id"]
    listed = client.get("/briefs").text
    assert f'href="/briefs/{brief_id}"' in listed
    # the id shown, as the CLI's list shows it and a 404 for a brief says the list does; the budget named as one
    assert f"<code>{brief_id}</code>" in listed and '<th class="num">Word budget</th>' in listed
    response = client.post(f"/briefs/{brief_id}/delete")
    assert response.status_code == 303 and response.headers["location"] == "/briefs"
    assert "No saved briefs yet" in client.get("/briefs").text
    assert client.post(f"/briefs/{brief_id}/delete").status_code == 404


def test_web_pages_brief_page_marks_cite_the_passage(client: TestClient, seed_text: dict[str, str]) -> None:
    created = client.post("/api/briefs", json=seed_request(seed_text)).json()
    brief = Brief.model_validate(created["brief"])
    page = client.get(created["url"]).text
    first = brief.summary[0]
    passage = escape(first.text)
    source = first.source
    href = f"/briefs/{created['id']}/articles/{source.article}?start={source.start}&amp;end={source.end}#passage"
    assert f'<a class="cite source" href="{href}"' in page
    assert f'<span class="tip-text">{passage}</span>' in page
    assert page.count('class="tip"') == sum(len(s.cites) for s in brief.summary)


def test_web_pages_article_page_highlights_the_passage(client: TestClient, seed_text: dict[str, str]) -> None:
    created = client.post("/api/briefs", json=seed_request(seed_text)).json()
    source = Brief.model_validate(created["brief"]).summary[0].source
    url = f"/briefs/{created['id']}/articles/{source.article}?start={source.start}&end={source.end}"
    page = client.get(url).text
    body = Brief.model_validate(created["brief"]).article(source.article).body
    assert f'<mark id="passage" class="focus" tabindex="-1">{escape(body[source.start : source.end])}</mark>' in page
    assert 'id="passage"' not in client.get(url.replace(f"end={source.end}", "end=99999999")).text


def test_web_pages_escape_all_article_text(client: TestClient) -> None:
    request = {
        "articles": [
            {"text": XSS_ARTICLE, "title": f"Ferry {XSS_SCRIPT}", "outlet": f"Harbour {XSS_IMG}"},
            {"text": XSS_ARTICLE_2},
        ],
        "words": 150,
        "analysis": False,
    }
    created = client.post("/api/briefs", json=request).json()
    files = [("files", (f"{XSS_IMG}.txt", XSS_ARTICLE.encode()))]
    uploaded = client.post("/briefs", data={"words": "150"}, files=files).headers["location"]
    pages = [
        client.get(created["url"]).text,
        client.get(f"{created['url']}/articles/a1?start=0&end=40").text,
        client.get(f"{created['url']}/articles/a2").text,
        client.get("/briefs").text,
        client.get(uploaded).text,
    ]
    for page in pages:
        assert "<script>alert" not in page and "<img" not in page
        assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page or "&lt;img src=x onerror=alert(2)&gt;" in page
    assert "&lt;img src=x onerror=alert(2)&gt;" in pages[0]  # the outlet, in the outlets table


CARS_1 = (
    "Carmakers recalled 40,000 cars on Friday after a brake fault was found in the new model.\n\n"
    "The recall began on February 27-28 at dealers across the country, the company said."
)
CARS_2 = (
    "Carmakers recalled 35,000 cars after a brake fault was found in the new model, the regulator said.\n\n"
    "Dealers will repair the brakes for free from March 1, the regulator added."
)


def _span(brief: Brief, article: str, text: str) -> Span:
    start = brief.article(article).body.index(text)
    return Span(article=article, start=start, end=start + len(text))


def _findings_brief() -> Brief:
    """A brief of two short articles with a hand-made timeline, coverage and conflict pointing into them."""
    from storyline import models as m  # the analysis models of issue 5: looked up only once they exist

    brief = storyline.brief([CARS_1, CARS_2], options=BriefOptions(words=80, analysis=False))
    recall_1 = "Carmakers recalled 40,000 cars on Friday after a brake fault was found in the new model."
    recall_2 = "Carmakers recalled 35,000 cars after a brake fault was found in the new model, the regulator said."
    began = "The recall began on February 27-28 at dealers across the country, the company said."
    repair = "Dealers will repair the brakes for free from March 1, the regulator added."

    def mention(article: str, sentence: str, expression: str) -> object:
        return m.DateMention(
            expression=expression,
            span=_span(brief, article, expression),
            sentence=_span(brief, article, sentence),
            text=sentence,
        )

    def side(article: str, sentence: str, value: str) -> object:
        return m.ConflictSide(
            text=sentence, span=_span(brief, article, sentence), value=value, value_span=_span(brief, article, value)
        )

    timeline = (
        m.Event(
            value="2019-02-27",
            end="2019-02-28",
            precision="day",
            resolved=True,
            mentions=(mention("a1", began, "February 27-28"),),
        ),
        m.Event(value="2019-03-01", precision="day", resolved=True, mentions=(mention("a2", repair, "March 1"),)),
        m.Event(value=None, precision="day", resolved=False, mentions=(mention("a1", recall_1, "Friday"),)),
    )
    unique = m.UniqueFact(text=repair, span=_span(brief, "a2", repair), salience=0.5)
    coverage = m.Coverage(articles=(m.ArticleCoverage(article="a2", n_sentences=2, n_unique=1, unique=(unique,)),))
    conflict = m.Conflict(
        kind="number",
        topic="cars",
        explanation="cars: 40,000 vs 35,000",
        similarity=0.7,
        a=side("a1", recall_1, "40,000 cars"),
        b=side("a2", recall_2, "35,000 cars"),
    )
    return brief.model_copy(update={"timeline": timeline, "coverage": coverage, "conflicts": (conflict,)})


def test_web_pages_brief_page_shows_timeline_coverage_and_conflicts(client: TestClient) -> None:
    brief = _findings_brief()
    client.app.dependency_overrides[stored_brief] = lambda: brief  # type: ignore[attr-defined]
    page = client.get("/briefs/anyid").text
    assert page.count("<circle ") == 2  # the two dated events; the unresolved one is listed below
    assert re.search(r'<text class="date"[^>]*>2019-02-27 – 2019-02-28</text>', page)
    assert "<b>Friday (unresolved)</b>" in page
    assert "<strong>40,000 cars</strong>" in page and "<strong>35,000 cars</strong>" in page
    assert "1 of 2 sentences reported by no other outlet" in page
    (alone,) = brief.coverage.articles
    one_sentence = brief.coverage.model_copy(update={"articles": (alone.model_copy(update={"n_sentences": 1}),)})
    shorter = brief.model_copy(update={"coverage": one_sentence})
    client.app.dependency_overrides[stored_brief] = lambda: shorter  # type: ignore[attr-defined]
    assert "1 of 1 sentence reported by no other outlet" in client.get("/briefs/anyid").text


def test_web_pages_article_page_marks_conflict_sides_and_keeps_the_text(client: TestClient) -> None:
    brief = _findings_brief().model_copy(update={"summary": ()})  # only the disagreement marks passages now
    client.app.dependency_overrides[stored_brief] = lambda: brief  # type: ignore[attr-defined]
    side = brief.conflicts[0].a.span
    body = brief.article("a1").body
    # The passage asked for straddles the marked side's end: it is one piece, and the side's rest stays marked.
    page = client.get(f"/briefs/anyid/articles/a1?start={side.start + 10}&end={side.end + 5}").text
    shown = re.search(r'<div class="body">(.*?)</div>', page, re.DOTALL)
    assert shown is not None
    assert f'<span class="cited">{escape(body[side.start : side.start + 10])}</span>' in shown.group(1)
    assert (
        f'<mark id="passage" class="focus" tabindex="-1">{escape(body[side.start + 10 : side.end + 5])}</mark>' in page
    )
    assert html.unescape(re.sub(r"<[^>]+>", "", shown.group(1))) == body


def test_web_pages_brief_without_findings_has_no_such_sections(client: TestClient, seed_text: dict[str, str]) -> None:
    created = client.post("/api/briefs", json=seed_request(seed_text)).json()
    page = client.get(created["url"]).text
    assert "<svg" not in page and "Where the sources disagree" not in page and "Only one outlet reports" not in page


def test_web_serve_binds_loopback_and_says_so(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    calls: list[tuple[WebSettings, str, int]] = []
    monkeypatch.setattr(storyline.web, "serve", lambda settings, host, port: calls.append((settings, host, port)))
    result = CliRunner().invoke(cli_app, ["serve", "--db", str(tmp_path / "b.sqlite3"), "--port", "8123"])
    assert result.exit_code == 0
    assert "http://127.0.0.1:8123/ (bound to loopback: only this machine can connect)" in result.stderr
    assert calls == [(WebSettings(db=tmp_path / "b.sqlite3"), "127.0.0.1", 8123)]


def test_web_serve_warns_when_reachable_from_other_machines(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setattr(storyline.web, "serve", lambda settings, host, port: None)
    result = CliRunner().invoke(cli_app, ["serve", "--host", "0.0.0.0", "--db", str(tmp_path / "b.sqlite3")])
    assert result.exit_code == 0
    assert "reachable from other machines" in result.stderr


def test_web_serve_bad_store_is_one_line_and_exit_1(tmp_path: Path) -> None:
    (tmp_path / "junk.sqlite3").write_bytes(b"not a database " * 100)
    result = CliRunner().invoke(cli_app, ["serve", "--db", str(tmp_path / "junk.sqlite3")])
    assert result.exit_code == 1
    assert result.stderr.count("\n") == 1 and "Traceback" not in result.output


def test_web_pages_brief_page_mutes_an_inferred_speaker_with_a_tooltip(client: TestClient, seed_brief: Brief) -> None:
    def attributed(how: str) -> Brief:
        quotes = tuple(q.model_copy(update={"attribution": how}) if q.speaker else q for q in seed_brief.quotes)
        return seed_brief.model_copy(update={"quotes": quotes})

    brief = attributed("inferred")
    client.app.dependency_overrides[stored_brief] = lambda: brief  # type: ignore[attr-defined]
    page = client.get("/briefs/anyid").text
    shown = key_quotes(brief)[0]
    assert f'<span class="inferred" title="{escape(INFERRED_NOTE)}">{escape(shown.speaker)} (inferred)</span>' in page
    client.app.dependency_overrides[stored_brief] = lambda: attributed("stated")  # type: ignore[attr-defined]
    assert 'class="inferred"' not in client.get("/briefs/anyid").text


def test_web_serve_unknown_host_names_the_resolver_error(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    import socket

    def unresolvable(*args: object, **kwargs: object) -> None:
        raise socket.gaierror(socket.EAI_NONAME, "Name or service not known")

    monkeypatch.setattr(socket, "create_server", unresolvable)
    result = CliRunner().invoke(cli_app, ["serve", "--host", "no-such-host", "--db", str(tmp_path / "b.sqlite3")])
    assert result.exit_code == 1
    assert result.stderr == "error: cannot listen on no-such-host:8000: Name or service not known\n"


# Bad-input sweep (s11).

_STORY = (
    "The harbour bridge will close to all traffic from April 1 for six months while engineers replace its "
    "corroded steel cables, the city council announced on Friday."
)


@pytest.mark.parametrize(
    ("data", "note"),
    [
        (_STORY[:30].encode() + b"\x00" + _STORY[30:].encode(), "decoded as utf-8 with NUL bytes removed"),
        (
            ("Café " + _STORY).encode() + " Owners said “no”.".encode("cp1252"),
            "decoded as UTF-8 mixed with cp1252",
        ),
        (("\ufeff" + _STORY).encode(), "decoded as utf-8 with BOM"),
    ],
)
def test_web_pages_upload_with_a_nul_byte_or_mixed_encodings_is_read_and_noted(
    client: TestClient, data: bytes, note: str
) -> None:
    response = client.post("/briefs", data={"words": "80"}, files=[("files", ("story.txt", data))])
    assert response.status_code == 303, response.text
    brief = client.get(f"/api/briefs/{_brief_id(response.headers['location'])}").json()["brief"]
    assert [(p["source"], p["reason"]) for p in brief["problems"]] == [("upload story.txt", note)]
    assert "\x00" not in brief["story"]["articles"][0]["body"] and "â€" not in brief["story"]["articles"][0]["body"]


def test_web_pages_brief_page_shows_whom_a_summary_pronoun_means(client: TestClient, seed_brief: Brief) -> None:
    client.app.dependency_overrides[stored_brief] = lambda: seed_brief  # type: ignore[attr-defined]
    page = client.get("/briefs/anyid").text
    assert "But in Hanoi, he [Donald Trump] abruptly walked away from the table." in page


def test_web_pages_form_date_dates_the_articles_that_state_none(client: TestClient, seed_text: dict[str, str]) -> None:
    # The form had no date: a brief made in it could resolve no "last week" or "on Friday" (the API could).
    response = client.post("/briefs", data=_form(seed_text, date="2019-03-08"))
    brief = client.get(f"/api/briefs/{_brief_id(response.headers['location'])}").json()["brief"]
    assert [a["published"] for a in brief["story"]["articles"]] == ["2019-03-08"] * 3
    assert 'type="date" name="date"' in client.get("/").text
    refused = client.post("/briefs", data=_form(seed_text, date="March"), headers={"accept": "application/json"})
    assert refused.status_code == 422
    assert_error_shape(refused.json(), 422)
    assert "not a date (YYYY-MM-DD)" in refused.text
    assert client.get("/api/briefs").json()[1:] == []  # the refused one was not stored
