from __future__ import annotations

import datetime as dt
import gzip
import json
import shutil
from pathlib import Path

import pytest

from storyline import ingest
from storyline.ingest import file_suffix, load_articles, load_file_text, load_record
from tests.conftest import DATA

STORY = (
    "The harbour bridge will close to all traffic from April 1 for six months while engineers replace its "
    "corroded steel cables, the city council announced on Friday."
)


def test_ingest_folder_is_sorted_and_ids_follow_order(examples_dir: Path) -> None:
    result = load_articles([examples_dir])
    assert [Path(a.source).name for a in result.articles] == ["asiatimes.txt", "nbc.txt", "nikkei.txt"]
    assert [a.id for a in result.articles] == ["a1", "a2", "a3"]
    assert result.problems == []


def test_ingest_html_uses_trafilatura_body_and_page_metadata() -> None:
    article = load_articles([DATA / "harbour_news.html"]).articles[0]
    assert article.format == "html"
    assert article.outlet == "Coastline Courier"
    assert article.title == "Harbour bridge to close for six months of repairs"
    assert article.published == dt.date(2019, 3, 8)
    assert STORY in article.text
    assert "Most read" not in article.text and "Cookie settings" not in article.text
    assert "window.dataLayer" not in article.text


def test_ingest_the_same_page_read_again_and_again_keeps_its_text(tmp_path: Path) -> None:
    # trafilatura's `deduplicate=True` counts paragraphs in one cache for the whole process: the fourth reading of a
    # page (the web app, a pile of pages sharing a wire story) came out empty.
    copies = []
    for n in range(6):
        copy = tmp_path / f"copy{n}.html"
        shutil.copyfile(DATA / "harbour_news.html", copy)
        copies.append(copy)
    one_by_one = [load_articles([copy]).articles[0].text for copy in copies]
    together = [a.text for a in load_articles(copies).articles]
    assert all(STORY in text for text in one_by_one + together)
    assert len(set(one_by_one + together)) == 1


def test_ingest_jsonl_documents_list_and_cluster_choice(tmp_path: Path) -> None:
    path = tmp_path / "clusters.jsonl"
    records = [
        {"id": "first", "documents": ["One story about the bridge.", "Another about the bridge."]},
        {
            "id": "second",
            "date": "2019-03-08",
            "documents": [{"text": STORY, "outlet": "Courier", "title": "T"}],
        },
    ]
    path.write_text("\n".join(json.dumps(r) for r in records), encoding="utf-8")
    assert len(load_articles([path]).articles) == 2
    by_index = load_articles([path], cluster=1).articles
    by_id = load_articles([path], cluster="second").articles
    assert [a.text for a in by_index] == [a.text for a in by_id] == [STORY]
    assert by_id[0].outlet == "Courier" and by_id[0].published == dt.date(2019, 3, 8)
    assert load_articles([path], cluster=7).problems[0].reason == "no JSON record found for cluster 7"


def test_ingest_newswire_document_ids_give_the_day_of_issue(tmp_path: Path) -> None:
    # DUC/TAC records list LDC ids beside the documents; an explicit date still wins, and a bad id gives none
    path = tmp_path / "duc.jsonl"
    record = {
        "id": "d1",
        "documents": [STORY, {"text": STORY, "date": "2001-05-02"}, STORY, STORY],
        "doc_ids": ["APW19981017.0477", "NYT19990224.0396", "XIE19981345.0001", "notes.txt"],
    }
    path.write_text(json.dumps(record), encoding="utf-8")
    dates = [a.published for a in load_articles([path]).articles]
    assert dates == [dt.date(1998, 10, 17), dt.date(2001, 5, 2), None, None]


def test_ingest_newswire_document_ids_name_the_service(tmp_path: Path) -> None:
    # The id names the wire; a story's text may cite others ("a New York Times/CBS News Poll"), which name nobody
    path = tmp_path / "duc.jsonl"
    cited = f"{STORY} A New York Times/CBS News Poll found the same."
    record = {
        "id": "d1",
        "documents": [cited, {"text": STORY, "outlet": "Courier"}, STORY, STORY],
        "doc_ids": ["NYT19981005.0379", "APW19981017.0477", "XIE19980801.0001", "LTW19990224.0396"],
    }
    path.write_text(json.dumps(record), encoding="utf-8")
    outlets = [a.outlet for a in load_articles([path]).articles]
    assert outlets == ["The New York Times", "Courier", "Xinhua", None]


def test_ingest_multinews_document_string_split_on_separator(tmp_path: Path) -> None:
    path = tmp_path / "multinews.jsonl.gz"
    record = {"document": f"{STORY} |||||  A second report on the closure. ||||| ", "summary": "s"}
    with gzip.open(path, "wt", encoding="utf-8") as out:
        out.write(json.dumps(record) + "\n")
    result = load_articles([path])
    assert [a.text.strip() for a in result.articles] == [STORY, "A second report on the closure."]
    assert [p.reason for p in result.problems] == ["empty document in JSONL record"]


def test_ingest_parsed_record_reads_as_its_jsonl_line(tmp_path: Path) -> None:
    record = {
        "id": "r7",
        "date": "2019-03-08",
        "documents": [{"text": STORY, "outlet": "Courier"}, "  ", "A second report on the closure."],
    }
    path = tmp_path / "one.jsonl"
    path.write_text(json.dumps(record) + "\n", encoding="utf-8")
    from_file = load_articles([path])
    from_record = load_record(record, source="r7")
    fields = ("id", "text", "outlet", "published", "format")
    assert [[getattr(a, f) for f in fields] for a in from_record.articles] == [
        [getattr(a, f) for f in fields] for a in from_file.articles
    ]
    assert [a.source for a in from_record.articles] == ["r7/1", "r7/3"]
    assert [(p.source, p.reason) for p in from_record.problems] == [("r7/2", "empty document in JSONL record")]


def test_ingest_literal_text_and_stdin(monkeypatch: pytest.MonkeyPatch) -> None:
    import io

    monkeypatch.setattr("sys.stdin", io.StringIO(STORY))
    result = load_articles(["-", "A pasted article.\nWith two lines."])
    assert [(a.source, a.text) for a in result.articles] == [
        ("stdin", STORY),
        ("text 2", "A pasted article.\nWith two lines."),
    ]


def test_ingest_dates_given_per_file(examples_dir: Path) -> None:
    result = load_articles([examples_dir / "nbc.txt"], dates={"nbc.txt": dt.date(2019, 3, 8)})
    assert result.articles[0].published == dt.date(2019, 3, 8)


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (b"", "empty file"),
        (b"   \n\n ", "empty file"),
        (
            b"%PDF-1.4\x00\x01\x02\x03binary\x00junk" * 20,
            "binary file, not text (is it a PDF, image or archive?)",
        ),
    ],
)
def test_ingest_bad_files_become_problems(tmp_path: Path, content: bytes, reason: str) -> None:
    bad = tmp_path / "bad.txt"
    bad.write_bytes(content)
    good = tmp_path / "good.txt"
    good.write_text(STORY, encoding="utf-8")
    result = load_articles([bad, good])
    assert [p.reason for p in result.problems] == [reason]
    assert [a.text for a in result.articles] == [STORY]


@pytest.mark.parametrize(
    ("data", "encoding_note"),
    [
        (STORY.encode("utf-8"), None),
        (("\ufeff" + STORY).encode("utf-8"), "decoded as utf-8 with BOM"),
        (STORY.encode("utf-16"), "not UTF-8; decoded as utf-16"),
        (STORY.encode("utf-16-le"), "not UTF-8; decoded as utf-16"),
        ((STORY + " Café owners said “no”.").encode("cp1252"), "not UTF-8; decoded as cp1252"),
    ],
)
def test_ingest_decodes_encodings_and_says_which(tmp_path: Path, data: bytes, encoding_note: str | None) -> None:
    path = tmp_path / "article.txt"
    path.write_bytes(data)
    result = load_articles([path])
    assert result.articles[0].text.startswith(STORY)
    assert [p.reason for p in result.problems] == ([encoding_note] if encoding_note else [])
    if encoding_note and "cp1252" in encoding_note:
        assert result.articles[0].text.endswith("Café owners said “no”.")


@pytest.mark.parametrize(
    ("head", "codec", "text"),
    [
        ('<meta charset="windows-1251">', "cp1251", "Городской совет Марлоу проголосовал за закрытие старого моста."),
        (  # a page declaring Latin-1 is read as cp1252, as browsers do, so its curly quotes survive
            '<meta http-equiv="Content-Type" content="text/html; charset=ISO-8859-1">',
            "cp1252",
            "Le conseil de Marlow a voté « oui » : le pont fermera “bientôt”.",
        ),
    ],
)
def test_ingest_html_is_decoded_in_the_charset_it_declares(tmp_path: Path, head: str, codec: str, text: str) -> None:
    page = tmp_path / "page.html"
    page.write_bytes(f"<html><head>{head}</head><body><article><p>{text}</p></article></body></html>".encode(codec))
    result = load_articles([page])
    assert result.articles[0].text == text
    assert result.problems == []  # the page said how it is encoded: nothing to warn of


CHOIR = (
    "The choir of Saint Anne's primary school won first prize at the national youth choir competition in Leeds on "
    "Saturday. The choir of 32 pupils sang three songs, including a piece written by one of the pupils, ten-year-old "
    "Lily Marsh. The prize includes a trip to perform at the Royal Albert Hall in London in December this year."
)


BRIDGE_PARAGRAPHS = "".join(
    f"<p>{paragraph}</p>"
    for paragraph in (
        STORY,
        "“We cannot wait another winter,” Mayor Ann Keller told reporters after the vote on Tuesday evening.",
        "The repairs will cost about $4.2 million, according to the city engineer, Tom Brill.",
        "Shop owners near the harbour said they feared losing customers during the busy summer season.",
        "A ferry will run every 20 minutes between the two quays while the bridge is closed.",
        "Opponents argued that the work could wait until after the tourist season ended in September.",
    )
)


def test_ingest_html_page_of_two_articles_says_the_second_is_not_read(tmp_path: Path) -> None:
    page = tmp_path / "two.html"
    page.write_text(
        f"<html><body><article><h2>Bridge to close</h2>{BRIDGE_PARAGRAPHS}</article>"
        f"<article><h2>School choir wins national prize</h2><p>{CHOIR}</p></article></body></html>",
        encoding="utf-8",
    )
    result = load_articles([page])
    assert "choir" not in result.articles[0].text
    assert [p.reason for p in result.problems] == [
        "the page holds more articles; only its main one is read, not “School choir wins national prize”"
    ]
    # teaser cards of a related-stories box are articles too in HTML, but a headline and a line are no story
    cards = "".join(f"<article><h3>Other story {n}</h3><p>A line about it.</p></article>" for n in range(3))
    page.write_text(f"<html><body><article>{BRIDGE_PARAGRAPHS}</article>{cards}</body></html>")
    assert load_articles([page]).problems == []


def test_ingest_oversized_file_is_refused_with_its_size(tmp_path: Path) -> None:
    huge = tmp_path / "huge.txt"
    with huge.open("wb") as out:
        out.truncate(50 * 1024 * 1024)  # sparse: the size check must come before any read
    result = load_articles([huge])
    assert result.articles == []
    assert result.problems[0].reason.startswith("file is 52.4 MB, over the 16.8 MB limit")


def test_ingest_folder_without_articles_and_missing_path(tmp_path: Path) -> None:
    (tmp_path / "notes.csv").write_text("a,b\n", encoding="utf-8")
    result = load_articles([tmp_path, tmp_path / "missing.txt"])
    assert [p.reason for p in result.problems] == [
        "folder holds no article files "
        "(.htm, .html, .json, .jsonl, .jsonl.gz, .markdown, .md, .ndjson, .text, .txt, .xhtml)",
        "no such file or folder",
    ]


def test_ingest_html_without_article_text(tmp_path: Path) -> None:
    page = tmp_path / "index.html"
    page.write_text("<html><head><title>Index</title></head><body><div></div></body></html>", encoding="utf-8")
    assert [p.reason for p in load_articles([page]).problems] == ["no article text found in the page"]


def test_ingest_nested_folder_skips_hidden_files(tmp_path: Path, examples_dir: Path) -> None:
    (tmp_path / "sub").mkdir()
    shutil.copy(examples_dir / "nbc.txt", tmp_path / "sub" / "nbc.txt")
    (tmp_path / ".cache").mkdir()
    (tmp_path / ".cache" / "x.txt").write_text(STORY, encoding="utf-8")
    assert [Path(a.source).name for a in load_articles([tmp_path]).articles] == ["nbc.txt"]


def test_ingest_folder_skips_a_saved_pages_resource_folder(tmp_path: Path) -> None:
    page = f"<html><body><article><p>{STORY}</p></article></body></html>"
    (tmp_path / "Council votes to close bridge.html").write_text(page, encoding="utf-8")
    resources = tmp_path / "Council votes to close bridge_files"
    resources.mkdir()
    (resources / "comments.html").write_text(f"<html><body><p>JohnD: {STORY}</p></body></html>", encoding="utf-8")
    # a folder of articles whose name merely ends the same way, with no page of that name beside it, is read
    (tmp_path / "court_files").mkdir()
    (tmp_path / "court_files" / "ruling.txt").write_text(STORY, encoding="utf-8")
    names = [Path(a.source).name for a in load_articles([tmp_path]).articles]
    assert names == ["Council votes to close bridge.html", "ruling.txt"]


@pytest.mark.parametrize(
    "text",
    [
        "Kristen Wiig turns 40 on Thursday, and to celebrate her big birthday we collected her funniest moments, "
        "from yelling alongside a co-star at an awards show to her best impression of a financial adviser, here "
        "are twenty of the most memorable bits from her years on the late-night comedy show in New York.",
        "Trump met Xi in the U.S.",
    ],
)
def test_ingest_one_line_literal_text_is_an_article_not_a_path(text: str) -> None:
    result = load_articles([text])
    assert [a.text for a in result.articles] == [text]
    assert result.problems == []


def test_cli_paths_are_never_read_as_article_text() -> None:
    from typer.testing import CliRunner

    from storyline.cli import app

    result = CliRunner().invoke(app, ["brief", "my missing folder"])
    assert result.exit_code == 1
    assert "my missing folder: no such file or folder" in result.stderr


def test_ingest_jsonl_leaves_out_non_string_fields_and_reports_them_and_bad_lines(tmp_path: Path) -> None:
    path = tmp_path / "odd.jsonl"
    record = {"documents": [{"text": STORY, "outlet": 5, "title": ["x"], "date": 20190308}]}
    path.write_text("{not json\n" + json.dumps(record) + "\n", encoding="utf-8")
    result = load_articles([path])
    assert [(a.text, a.outlet, a.title, a.published) for a in result.articles] == [(STORY, None, None, None)]
    assert [(p.reason, p.severity) for p in result.problems] == [
        ("line 1 is not JSON; skipped", "warning"),
        ("date 20190308 not used: not a date (YYYY-MM-DD)", "warning"),
        ('title ["x"] not used: not text', "warning"),
        ("outlet 5 not used: not text", "warning"),
    ]


def test_ingest_jsonl_source_name_that_is_not_text_is_a_warning_as_outlet_is(tmp_path: Path) -> None:
    # `source_name` stands for `outlet`; a number there was left out without a word.
    path = tmp_path / "cluster.jsonl"
    path.write_text(json.dumps({"documents": [{"text": STORY, "source_name": 5}]}) + "\n", encoding="utf-8")
    result = load_articles([path])
    assert [a.outlet for a in result.articles] == [None]
    assert [(p.reason, p.severity) for p in result.problems] == [("source_name 5 not used: not text", "warning")]


@pytest.mark.parametrize(
    ("date", "day"),
    [
        ("2019-03-08", dt.date(2019, 3, 8)),
        ("2019-03-08T23:30:00-05:00", dt.date(2019, 3, 8)),
        ("2019-03-08T12:00:00Z", dt.date(2019, 3, 8)),
        ("2019-03-08 12:00", dt.date(2019, 3, 8)),
        ("2019-03-08 garbage", None),
        ("2019-03-08T25:00", None),
    ],
)
def test_ingest_jsonl_date_is_an_iso_date_or_date_time_and_nothing_else(
    tmp_path: Path, date: str, day: dt.date | None
) -> None:
    # Its first ten characters were all that was read: "2019-03-08 garbage" dated the article without a word.
    path = tmp_path / "cluster.jsonl"
    path.write_text(json.dumps({"documents": [{"text": STORY, "date": date}]}) + "\n", encoding="utf-8")
    result = load_articles([path])
    assert [a.published for a in result.articles] == [day]
    warnings = [f"date {json.dumps(date)} not used: not a date (YYYY-MM-DD)"] if day is None else []
    assert [p.reason for p in result.problems] == warnings


def test_ingest_executable_is_binary_not_utf16(tmp_path: Path) -> None:
    program = tmp_path / "program.txt"
    program.write_bytes(b"\x7fELF\x02\x01\x01" + b"\x00" * 57 + b"\x03\x00>\x00\x01\x00\x00\x00" * 300)
    assert [p.reason for p in load_articles([program]).problems] == [
        "binary file, not text (is it a PDF, image or archive?)"
    ]


def test_ingest_lone_surrogate_from_a_json_escape_becomes_a_replacement_character(tmp_path: Path) -> None:
    # Scraped text cut in the middle of an emoji leaves half of its JSON escape; no UTF-8 encoder takes it.
    path = tmp_path / "cut.jsonl"
    path.write_text(json.dumps({"documents": [{"text": STORY + " Fans cheered \ud83d", "title": "Bridge \udc00"}]}))
    article = load_articles([path]).articles[0]
    assert article.text == STORY + " Fans cheered \ufffd" and article.title == "Bridge \ufffd"
    article.raw.encode("utf-8")  # raised UnicodeEncodeError before


def test_ingest_stdin_bytes_are_decoded_like_a_file(monkeypatch: pytest.MonkeyPatch) -> None:
    import io

    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(STORY.encode("utf-16")), encoding="utf-8"))
    result = load_articles(["-"])
    assert [a.text for a in result.articles] == [STORY]
    assert [p.reason for p in result.problems] == ["not UTF-8; decoded as utf-16"]


def test_ingest_binary_stdin_is_a_problem(monkeypatch: pytest.MonkeyPatch) -> None:
    import io

    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(bytes(range(256)) * 8), encoding="utf-8"))
    result = load_articles(["-"])
    assert result.articles == []
    assert [(p.source, p.reason) for p in result.problems] == [
        ("stdin", "binary file, not text (is it a PDF, image or archive?)")
    ]


def test_ingest_jsonl_text_with_a_broken_first_line_is_still_jsonl() -> None:
    text = "{not json\n" + json.dumps({"documents": [STORY]}) + "\n"
    result = load_articles([text])
    assert [(a.source, a.text) for a in result.articles] == [("text 1#1/1", STORY)]
    assert [p.reason for p in result.problems] == ["line 1 is not JSON; skipped"]


def test_ingest_jsonl_lines_that_are_json_but_not_objects_are_named_when_skipped(tmp_path: Path) -> None:
    # They were skipped without a word: the brief was of a later line, or "no JSON record found for cluster 0".
    path = tmp_path / "odd.jsonl"
    path.write_text('[1, 2]\nnull\n"a story"\n' + json.dumps({"documents": [STORY]}) + "\n", encoding="utf-8")
    result = load_articles([path])
    assert [a.source for a in result.articles] == [f"{path}#3/1"]
    assert [p.reason for p in result.problems] == [
        "line 1 is a list, not a JSON object; skipped",
        "line 2 is null, not a JSON object; skipped",
        "line 3 is a string, not a JSON object; skipped",
    ]
    first = load_articles([path], cluster=0)
    assert first.articles == []
    assert [p.reason for p in first.problems] == [
        "line 1 is a list, not a JSON object; skipped",
        "no JSON record found for cluster 0",
    ]


def test_ingest_jsonl_line_nested_too_deeply_is_not_json(tmp_path: Path) -> None:
    path = tmp_path / "deep.jsonl"
    path.write_text("[" * 100_000 + "]" * 100_000 + "\n" + json.dumps({"documents": [STORY]}) + "\n")
    result = load_articles([path])
    assert [a.text for a in result.articles] == [STORY]
    assert [p.reason for p in result.problems] == ["line 1 is not JSON; skipped"]


@pytest.mark.parametrize(("source", "named"), [(b"An article.", "bytes; decode bytes first"), (None, "NoneType")])
def test_ingest_source_of_the_wrong_type_says_what_is_accepted(source: object, named: str) -> None:
    with pytest.raises(TypeError, match=f"an input must be a path, '-' or an article's text \\(str\\); got {named}"):
        load_articles([STORY, source])  # type: ignore[list-item]


@pytest.mark.parametrize("date", ["2019-03-08", dt.datetime(2019, 3, 8, 12, 0)])
def test_ingest_date_of_the_wrong_type_says_what_is_accepted(tmp_path: Path, date: object) -> None:
    (tmp_path / "story.txt").write_text(STORY, encoding="utf-8")
    with pytest.raises(TypeError, match=r"dates\['story.txt'\] must be a datetime.date \(a day, no time\); got "):
        load_articles([tmp_path / "story.txt"], dates={"story.txt": date})  # type: ignore[dict-item]


@pytest.mark.parametrize(
    ("codec", "note"),
    [
        ("utf-16", "not UTF-8; decoded as utf-16"),
        ("utf-16-le", "not UTF-8; decoded as utf-16"),
        ("utf-8-sig", "decoded as utf-8 with BOM"),
    ],
)
def test_ingest_jsonl_in_utf16_is_decoded_and_says_so(tmp_path: Path, codec: str, note: str) -> None:
    path = tmp_path / "cluster.jsonl"
    path.write_bytes((json.dumps({"documents": [STORY]}) + "\n").encode(codec))
    result = load_articles([path])
    assert [a.text for a in result.articles] == [STORY]
    assert [p.reason for p in result.problems] == [note]


def test_ingest_jsonl_in_cp1252_is_read_as_cp1252_and_says_so(tmp_path: Path) -> None:
    text = STORY + " Café owners said “no”."
    path = tmp_path / "cluster.jsonl"
    path.write_bytes((json.dumps({"documents": [text]}, ensure_ascii=False) + "\n").encode("cp1252"))
    result = load_articles([path])
    assert [a.text for a in result.articles] == [text]
    assert [p.reason for p in result.problems] == ["not UTF-8; decoded as cp1252"]


def test_ingest_stdin_over_the_size_limit_is_refused_with_its_size(monkeypatch: pytest.MonkeyPatch) -> None:
    import io

    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(STORY.encode() * 1000), encoding="utf-8"))
    result = load_articles(["-"], max_bytes=100_000)
    assert result.articles == []
    assert [p.reason for p in result.problems] == [
        "input is 0.2 MB, over the 0.1 MB limit for one article; is it really a single article?"
    ]


def test_ingest_jsonl_document_over_the_size_limit_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "huge.jsonl"
    path.write_text(json.dumps({"documents": [STORY, "x" * 17_000_000]}) + "\n", encoding="utf-8")
    result = load_articles([path])
    assert [a.text for a in result.articles] == [STORY]
    assert [(p.source, p.reason) for p in result.problems] == [
        (f"{path}#0/2", "document is 17.0 MB, over the 16.8 MB limit for one article; is it really a single article?")
    ]


def test_ingest_xhtml_page_with_an_xml_declaration_is_read(tmp_path: Path) -> None:
    page = tmp_path / "story.xhtml"
    page.write_text(
        '<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE html><html xmlns="http://www.w3.org/1999/xhtml">'
        f"<body><p>{STORY}</p></body></html>",
        encoding="utf-8",
    )
    result = load_articles([page])
    assert [a.text for a in result.articles] == [STORY]
    assert result.problems == []


def test_ingest_any_path_like_source_is_read_as_a_path(examples_dir: Path) -> None:
    import os

    class Located(os.PathLike[str]):
        def __fspath__(self) -> str:
            return str(examples_dir / "nbc.txt")

    assert [Path(a.source).name for a in load_articles([Located()]).articles] == ["nbc.txt"]


# Bad-input sweep (s11): inputs that were misread or misnamed.


def test_ingest_text_file_with_a_stray_nul_byte_is_text_without_it(tmp_path: Path) -> None:
    path = tmp_path / "pasted.txt"
    path.write_bytes(STORY[:40].encode() + b"\x00" + STORY[40:].encode())
    result = load_articles([path])
    assert [a.text for a in result.articles] == [STORY]
    assert [p.reason for p in result.problems] == ["decoded as utf-8 with NUL bytes removed"]


def test_ingest_nul_characters_in_literal_text_are_removed() -> None:
    result = load_articles([STORY[:40] + "\x00" + STORY[40:]])
    assert [a.text for a in result.articles] == [STORY]


def test_ingest_binary_bytes_sent_as_text_are_binary_as_in_a_file(tmp_path: Path) -> None:
    # A web API client can only send text: an image's bytes arrive decoded, one character per byte.
    junk = bytes(range(256)) * 16
    (tmp_path / "junk.txt").write_bytes(junk)
    result = load_articles([STORY, junk.decode("latin-1"), tmp_path / "junk.txt"])
    assert [a.text for a in result.articles] == [STORY]
    assert [(p.source, p.reason) for p in result.problems] == [
        ("text 2", "binary data, not text (is it a PDF, image or archive?)"),
        (str(tmp_path / "junk.txt"), "binary file, not text (is it a PDF, image or archive?)"),
    ]


def test_ingest_file_text_is_read_by_the_name_as_the_file_is(tmp_path: Path) -> None:
    fragment = f"<h1>Bridge to close</h1>\n<p>{STORY}</p>\n"
    record = json.dumps({"documents": [STORY]}) + "\n"
    for name, text in [
        ("bridge.html", fragment),
        ("bridge.txt", fragment),
        ("bridge.jsonl", record),
        ("b.txt", record),
    ]:
        (tmp_path / name).write_text(text, encoding="utf-8")
        from_file = load_articles([tmp_path / name])
        in_memory = load_file_text(text, name=name, source=str(tmp_path / name))
        assert [(a.source, a.format, a.text) for a in in_memory.articles] == [
            (a.source, a.format, a.text) for a in from_file.articles
        ]
    # a piece of a page is all read, its heading too (cleaning takes that for the title)
    assert load_file_text(fragment, name="bridge.html", source="upload").articles[0].text == f"Bridge to close\n{STORY}"


def test_ingest_executable_with_many_nuls_is_still_binary(tmp_path: Path) -> None:
    path = tmp_path / "program.txt"
    path.write_bytes(b"\x7fELF\x02\x01\x01" + b"\x00" * 9 + STORY.encode() * 3 + b"\x00" * 40)
    assert [p.reason for p in load_articles([path]).problems] == [
        "binary file, not text (is it a PDF, image or archive?)"
    ]


def test_ingest_file_mixing_utf8_and_cp1252_keeps_both_parts_readable(tmp_path: Path) -> None:
    path = tmp_path / "joined.txt"
    utf8, cp1252 = "Le café “Chez Zoë” opened. " + STORY, " Owners said “no” to €5 fees."
    path.write_bytes(utf8.encode() + cp1252.encode("cp1252"))
    result = load_articles([path])
    assert [a.text for a in result.articles] == [utf8 + cp1252]
    assert [p.reason for p in result.problems] == ["decoded as UTF-8 mixed with cp1252"]


def test_ingest_symbolic_link_loop_and_broken_link_say_so(tmp_path: Path) -> None:
    (tmp_path / "a.txt").symlink_to(tmp_path / "b.txt")
    (tmp_path / "b.txt").symlink_to(tmp_path / "a.txt")
    (tmp_path / "gone.txt").symlink_to(tmp_path / "deleted.txt")
    result = load_articles([tmp_path / "a.txt", tmp_path / "gone.txt"])
    assert [p.reason for p in result.problems] == [
        "symbolic link loop; nothing to read",
        f"broken symbolic link (to {tmp_path / 'deleted.txt'}, which does not exist)",
    ]


def test_ingest_named_pipe_is_read_like_stdin(tmp_path: Path) -> None:
    import os
    import threading

    pipe = tmp_path / "article.txt"
    os.mkfifo(pipe)

    def write() -> None:
        with pipe.open("wb") as writer:
            writer.write(STORY.encode("utf-16"))

    writer = threading.Thread(target=write)
    writer.start()
    result = load_articles([pipe])  # `storyline brief <(curl …)` passes a pipe like this one
    writer.join()
    assert [(a.source, a.text) for a in result.articles] == [(str(pipe), STORY)]
    assert [p.reason for p in result.problems] == ["not UTF-8; decoded as utf-16"]


def test_ingest_unreadable_folder_says_it_cannot_be_read(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import os

    (tmp_path / "locked").mkdir()
    (tmp_path / "locked" / "story.txt").write_text(STORY, encoding="utf-8")
    real_scandir = os.scandir

    def refuse(path: object = ".") -> object:  # chmod 000 does not stop root, who runs some CI
        if str(path).endswith("locked"):
            raise PermissionError(13, "Permission denied", str(path))
        return real_scandir(path)  # type: ignore[arg-type]

    monkeypatch.setattr(os, "scandir", refuse)
    (tmp_path / "open.txt").write_text(STORY, encoding="utf-8")
    whole = load_articles([tmp_path])
    assert [a.text for a in whole.articles] == [STORY]
    assert [(p.source, p.reason) for p in whole.problems] == [
        (str(tmp_path / "locked"), "cannot read folder: Permission denied")
    ]
    alone = load_articles([tmp_path / "locked"])
    assert [p.reason for p in alone.problems] == ["cannot read folder: Permission denied"]


def test_ingest_closed_stdin_is_a_problem_not_a_crash(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("sys.stdin", None)  # what Python sets when the process starts with fd 0 closed
    result = load_articles(["-"])
    assert result.articles == []
    assert [p.reason for p in result.problems] == ["standard input is closed; nothing to read"]


def test_ingest_jsonl_documents_of_the_wrong_type_say_which(tmp_path: Path) -> None:
    path = tmp_path / "cluster.jsonl"
    documents = [5, None, {"text": 7}, {"title": "No text"}, "  ", {"text": STORY, "date": 7, "outlet": ["x"]}]
    path.write_text(json.dumps({"documents": documents}) + "\n", encoding="utf-8")
    result = load_articles([path])
    assert [a.text for a in result.articles] == [STORY]
    assert [p.reason for p in result.problems] == [
        "document in JSONL record is a number, not text; skipped",
        "document in JSONL record is null, not text; skipped",
        "document in JSONL record is a number, not text; skipped",
        "document in JSONL record has no 'text' field; skipped",
        "empty document in JSONL record",
        "date 7 not used: not a date (YYYY-MM-DD)",
        'outlet ["x"] not used: not text',
    ]


def test_ingest_jsonl_warning_cuts_a_long_value_of_any_type(tmp_path: Path) -> None:
    # a warning names the value to find it, not the whole of it again, a list as much as a string
    path = tmp_path / "cluster.jsonl"
    document = {"text": STORY, "title": ["Headline"] * 50, "date": "2019 " * 20}
    path.write_text(json.dumps({"documents": [document]}) + "\n", encoding="utf-8")
    assert [p.reason for p in load_articles([path]).problems] == [
        'date "2019 2019 2019 2019 2019 2019 2019 2019 …" (100 characters) not used: not a date (YYYY-MM-DD)',
        'title ["Headline", "Headline", "Headline", "He… not used: not text',
    ]


def test_ingest_jsonl_without_records_says_what_a_record_is(tmp_path: Path) -> None:
    path = tmp_path / "numbers.jsonl"
    path.write_text("[1, 2]\n42\n", encoding="utf-8")
    assert [p.reason for p in load_articles([path]).problems] == [
        "line 1 is a list, not a JSON object; skipped",
        "line 2 is a number, not a JSON object; skipped",
        "no JSON record found (a JSON object per line)",
    ]
    assert [p.reason for p in load_articles([path], cluster=3).problems] == ["no JSON record found for cluster 3"]


@pytest.mark.parametrize("text", ["<html><body><p>Short.</p></body></html>", '{"documents":["Short."]}'])
def test_ingest_one_line_html_or_json_text_is_not_a_path(text: str) -> None:
    result = load_articles([text])
    assert "no such file or folder" not in [p.reason for p in result.problems]


def test_ingest_stdin_given_twice_is_read_once(monkeypatch: pytest.MonkeyPatch) -> None:
    import io

    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(STORY.encode()), encoding="utf-8"))
    result = load_articles(["-", "-"])
    assert [(a.source, a.text) for a in result.articles] == [("stdin", STORY)]
    assert [p.reason for p in result.problems] == ["'-' given more than once; read once"]


def test_ingest_folder_inside_a_hidden_folder_is_read(tmp_path: Path) -> None:
    folder = tmp_path / ".cache" / "news"  # ~/.cache/news: only what is hidden below the folder given is skipped
    (folder / ".git").mkdir(parents=True)
    (folder / "story.txt").write_text(STORY, encoding="utf-8")
    (folder / ".draft.txt").write_text(STORY, encoding="utf-8")
    (folder / ".git" / "notes.txt").write_text(STORY, encoding="utf-8")
    result = load_articles([folder])
    assert [a.source for a in result.articles] == [str(folder / "story.txt")]
    assert result.problems == []


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="no /dev/zero")
def test_ingest_endless_device_is_refused_without_reading_it_all(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("storyline.ingest._COUNT_LIMIT", 4 * 1024 * 1024)
    result = load_articles([Path("/dev/zero")], max_bytes=1_000_000)
    assert [p.reason for p in result.problems] == [
        "input goes on past 0.0 GB (endless?), over the 1.0 MB limit for one article"
    ]


def test_ingest_text_with_a_nul_and_a_lone_surrogate_loses_both() -> None:
    # Removing the NUL must not undo the surrogate's repair: the text has to encode for spaCy and SQLite.
    result = load_articles([STORY[:40] + "\x00" + STORY[40:] + " \ud83d"])
    assert [a.text for a in result.articles] == [STORY + " \ufffd"]


def test_ingest_drops_terminal_control_characters_from_a_file(tmp_path: Path) -> None:
    # An ESC would reach the terminal through the brief and `storyline clean`: clear the screen, retitle the window.
    path = tmp_path / "story.txt"
    path.write_text(STORY[:40] + "\x1b[2J\x1b]0;pwned\x07" + STORY[40:], encoding="utf-8")
    result = load_articles([path])
    assert [a.text for a in result.articles] == [STORY[:40] + "[2J]0;pwned" + STORY[40:]]


def test_ingest_repairs_c1_characters_that_are_cp1252_or_utf8_read_as_latin1(tmp_path: Path) -> None:
    # From the Multi-News validation set: they were kept as control characters ("Christ\x92s"), the quotation
    # marks that attribute a quote lost. One cp1252 leaves undefined (U+009D, a terminal's OSC) is dropped.
    record = {
        "documents": [
            {"text": "The Community of Christ\x92s conference voted. \x93We agree,\x94 he said \x97 twice.\x9d"},
            {"text": "He got a \xe2\x80\x98voyeuristic thrill\xe2\x80\x99 from it \xe2\x80\x93 and more."},
            {"text": "A name such as Caf\xc3\xa9 holds no C1 character and stays as it is."},
            {"text": "He wrote that in his column. \xc2\x80\x98i did it.\xe2\x80\x99 said the editor."},
        ]
    }
    path = tmp_path / "cluster.jsonl"
    path.write_text(json.dumps(record) + "\n", encoding="utf-8")
    assert [a.text for a in load_articles([path]).articles] == [
        "The Community of Christ’s conference voted. “We agree,” he said — twice.",
        "He got a ‘voyeuristic thrill’ from it – and more.",
        "A name such as Caf\xc3\xa9 holds no C1 character and stays as it is.",
        # 'â' capitalised: not read as UTF-8 (U+0080 again), so its capital still opens the sentence
        "He wrote that in his column. Â€˜i did it.’ said the editor.",
    ]


def test_ingest_a_date_for_a_file_not_read_is_a_warning(tmp_path: Path) -> None:
    path = tmp_path / "bridge.txt"
    path.write_text(STORY)
    result = load_articles([path], dates={"bridge.txt": dt.date(2019, 3, 8), "bridge.tx": dt.date(2019, 3, 8)})
    assert [a.published for a in result.articles] == [dt.date(2019, 3, 8)]
    assert [(p.source, p.reason, p.severity) for p in result.problems] == [
        ("--date", "bridge.tx=2019-03-08: no article read from 'bridge.tx'; date not used", "warning")
    ]


def test_ingest_jsonl_date_that_is_not_a_date_is_a_warning_naming_it(tmp_path: Path) -> None:
    # It used to be dropped without a word; the web API's bad date gives the same warning.
    record = {
        "date": "soon",
        "documents": [{"text": STORY, "date": "March 8, 2019"}, {"text": STORY + " More.", "date": "2019-03-08T10:00"}],
    }
    path = tmp_path / "cluster.jsonl"
    path.write_text(json.dumps(record) + "\n", encoding="utf-8")
    result = load_articles([path])
    assert [a.published for a in result.articles] == [None, dt.date(2019, 3, 8)]
    assert [(p.source, p.reason, p.severity) for p in result.problems] == [
        (f"{path}#0", 'date "soon" not used: not a date (YYYY-MM-DD)', "warning"),
        (f"{path}#0/1", 'date "March 8, 2019" not used: not a date (YYYY-MM-DD)', "warning"),
    ]


def test_ingest_file_suffix_is_lower_case_with_jsonl_gz_as_one() -> None:
    # The command line's files and the web app's uploads are told apart by this one rule.
    names = ["nbc.HTML", "val.JSONL.GZ", "archive.tar.gz", "notes", "a.b/c.txt"]
    assert [file_suffix(name) for name in names] == [".html", ".jsonl.gz", ".gz", "", ".txt"]


def test_ingest_html_never_sends_page_text_to_dateparser(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # trafilatura's metadata search, run only for the title and site name, also searched the page's text for a date
    # with dateparser, whose first use compiles its patterns for every language: 20 s of a 2 MB page's 22 s.
    from htmldate import extractors

    sent: list[str] = []
    monkeypatch.setattr(extractors, "_external_date", lambda string: sent.append(string))
    paragraphs = "".join(
        f"<p>Council meeting number {n} of the harbour board, held on the {n}th day of session 2019 at 10 45.</p>"
        for n in range(40)
    )
    page = tmp_path / "page.html"
    page.write_text(
        "<html><head><title>Harbour board</title></head><body><article><h1>Harbour board</h1>"
        f'<div class="date">Tuesday the 3rd, 2019 04 15 local time</div>{paragraphs}</article></body></html>',
        encoding="utf-8",
    )
    article = load_articles([page]).articles[0]
    assert article.title == "Harbour board"
    assert sent == []


@pytest.mark.parametrize(
    "text", ["", "plain text\twith a tab\nand lines\r\f", "\x1b[2J", "end\x7f", "“curly\x85”", "Café"]
)
def test_control_character_test_agrees_with_the_pattern(text: str) -> None:
    for character in map(chr, range(160)):  # each ASCII and C1 character, alone and inside the text
        for variant in (character, text + character, character + text):
            assert ingest._has_controls(variant) is (ingest._CONTROL_CHARACTERS.search(variant) is not None)


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="no /dev/zero")
def test_ingest_folder_skips_a_named_pipe_and_a_link_to_a_device_with_a_warning(tmp_path: Path) -> None:
    import os

    (tmp_path / "a.txt").write_text(STORY, encoding="utf-8")
    os.mkfifo(tmp_path / "pipe.txt")  # opening it would wait for a writer forever
    (tmp_path / "zero.txt").symlink_to("/dev/zero")  # reading it would never end
    result = load_articles([tmp_path], max_bytes=1_000_000)
    assert [a.text for a in result.articles] == [STORY]
    assert [(p.source, p.reason, p.severity) for p in result.problems] == [
        (str(tmp_path / name), "not a regular file (a named pipe or a device); skipped", "warning")
        for name in ("pipe.txt", "zero.txt")
    ]


@pytest.mark.skipif(not Path("/proc/self/status").exists(), reason="no /proc")
def test_ingest_file_read_stops_at_the_limit_whatever_its_size_says() -> None:
    # A /proc file's size is 0 whatever it holds; a file may grow between stat and read.
    result = load_articles([Path("/proc/self/status")], max_bytes=100)
    assert result.articles == []
    assert [p.reason for p in result.problems] == [
        "file is 0.0 MB, over the 0.0 MB limit for one article; is it really a single article?"
    ]


def test_ingest_a_date_for_a_jsonl_file_dates_its_documents_that_state_none(tmp_path: Path) -> None:
    # It was ignored, with a warning that no article had been read from the file.
    record = {"documents": [{"text": STORY}, {"text": STORY + " More.", "date": "2019-03-01"}]}
    path = tmp_path / "cluster.jsonl"
    path.write_text(json.dumps(record) + "\n", encoding="utf-8")
    result = load_articles([path], dates={"cluster.jsonl": dt.date(2019, 3, 8)})
    assert [a.published for a in result.articles] == [dt.date(2019, 3, 8), dt.date(2019, 3, 1)]  # its own wins
    assert result.problems == []


def test_ingest_cluster_is_a_record_id_first_then_a_line_number(tmp_path: Path) -> None:
    # '--cluster 7' could not pick {"id": "7"} (it was read as line 7 only), and '--cluster 1' as an id found nothing.
    records = [
        {"id": "abc", "documents": ["The first record, on line 0."]},
        {"id": "7", "documents": ["The record whose id is 7, on line 1."]},
        {"id": 0, "documents": ["The record whose id is the number 0, on line 2."]},
    ]
    path = tmp_path / "clusters.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in records) + "\n", encoding="utf-8")

    def picked(cluster: int | str) -> list[str]:
        return [a.source for a in load_articles([path], cluster=cluster).articles]

    assert picked(7) == picked("7") == [f"{path}#1/1"]  # the id wins
    assert picked(0) == picked("0") == [f"{path}#2/1"]  # over a line number too
    assert picked(1) == picked("1") == [f"{path}#1/1"]  # no record has id 1: line 1
    assert picked("abc") == [f"{path}#0/1"]
    assert load_articles([path], cluster="8").problems[0].reason == "no JSON record found for cluster '8'"
    # JSON may escape any character: '"\\u0037"' is the id "7" too
    escaped = tmp_path / "escaped.jsonl"
    escaped.write_text('{"id": "a", "documents": ["A."]}\n{"id": "\\u0037", "documents": ["B."]}\n', encoding="utf-8")
    assert [a.source for a in load_articles([escaped], cluster="7").articles] == [f"{escaped}#1/1"]


def test_ingest_jsonl_gz_that_is_not_gzip_cut_or_damaged_says_so_in_words(tmp_path: Path) -> None:
    # Python's words reached the user: "Not a gzipped file (b'{\"')"; a damaged stream was a traceback.
    packed = gzip.compress((json.dumps({"documents": [STORY]}) + "\n").encode() * 200)
    damaged = packed[:20] + bytes(byte ^ 0x5A for byte in packed[20:-20]) + packed[-20:]
    files = {"plain.jsonl.gz": STORY.encode(), "cut.jsonl.gz": packed[:30], "damaged.jsonl.gz": damaged}
    for name, data in files.items():
        (tmp_path / name).write_bytes(data)
    result = load_articles([tmp_path / name for name in files])
    assert [(p.source, p.reason) for p in result.problems] == [
        (str(tmp_path / "plain.jsonl.gz"), "cannot read JSONL: not a gzip file, though its name ends in '.gz'"),
        (str(tmp_path / "cut.jsonl.gz"), "cannot read JSONL: the gzip file is cut short"),
        (str(tmp_path / "damaged.jsonl.gz"), "cannot read JSONL: the gzip file is damaged"),
    ]


@pytest.mark.parametrize("address", ["https://www.example.com/news/bridge-closes", "www.example.com/news"])
def test_a_web_address_is_named_as_one_not_as_a_missing_file(address: str) -> None:
    # 'https://…' had been read as a path, shown as 'https:/…: no such file or folder'
    from typer.testing import CliRunner

    from storyline.cli import app

    reason = "a web address; storyline reads no web pages: save the page, give the file"
    assert [(p.source, p.reason) for p in load_articles([address]).problems] == [(address, reason)]
    result = CliRunner().invoke(app, ["brief", address])
    assert result.exit_code == 1
    assert result.stderr.splitlines()[0] == f"error: {address}: {reason}"


def test_a_piece_of_a_page_is_read_as_html(tmp_path: Path) -> None:
    # A paragraph copied from a page's source: trafilatura, which reads whole pages, found no text in a one-paragraph
    # file, and pasted text kept its tags ('<p>The harbour bridge …</p>' as a summary bullet).
    paragraph = "<p>The harbour bridge will close on April 1, the council said.</p>"
    page = tmp_path / "piece.html"
    page.write_text(paragraph, encoding="utf-8")
    pasted = paragraph + "\n<p>Ferries will run <b>every ten minutes</b>.<br>Buses will be rerouted.</p>"
    loaded = load_articles([page, pasted])
    assert loaded.problems == []
    assert [a.text for a in loaded.articles] == [
        "The harbour bridge will close on April 1, the council said.",
        "The harbour bridge will close on April 1, the council said.\n"
        "Ferries will run every ten minutes.\nBuses will be rerouted.",
    ]
    assert load_articles(["<b>Note:</b> prose may open with a tag and stay text."]).articles[0].format == "text"
    # its lists and tables too, which trafilatura left out; never its scripts
    listed = "<p>The bridge closes.</p><ul><li>Ferries run.</li></ul><table><tr><td>Cost</td><td>$4m</td></tr></table>"
    [article] = load_articles([listed + "<script>var tracking = 1;</script>"]).articles
    assert article.text.splitlines() == ["The bridge closes.", "Ferries run.", "Cost $4m"]


def test_jsonl_of_one_article_per_line_is_one_story(tmp_path: Path) -> None:
    # A scraper's output: each line an article with its fields. It was refused ("record has neither 'documents' …").
    lines = [
        {"title": "Bridge to close", "outlet": "Coastline Courier", "date": "2019-03-08", "text": "The bridge closes."},
        {"title": "Detours ahead", "outlet": "Harbour Gazette", "body": "Commuters face detours."},
        [1, 2],
    ]
    path = tmp_path / "scraped.jsonl"
    path.write_text("\n".join(json.dumps(line) for line in lines) + "\n", encoding="utf-8")
    loaded = load_articles([path])
    found = [(a.source, a.outlet, a.title, a.published, a.text) for a in loaded.articles]
    assert found == [
        (f"{path}#1", "Coastline Courier", "Bridge to close", dt.date(2019, 3, 8), "The bridge closes."),
        (f"{path}#2", "Harbour Gazette", "Detours ahead", None, "Commuters face detours."),
    ]
    # a record's text may be the page itself
    page = {"text": "<p>The bridge closes.</p><p>Ferries run.</p>", "outlet": "Harbour Post"}
    page_line = tmp_path / "page.jsonl"
    page_line.write_text(json.dumps(page) + "\n", encoding="utf-8")
    assert [(a.format, a.text) for a in load_articles([page_line]).articles] == [
        ("html", "The bridge closes.\nFerries run.")
    ]
    reason = "line 3 is no article (a JSON object with 'text' or 'body'); skipped"
    assert [(p.reason, p.severity) for p in loaded.problems] == [(reason, "warning")]


def test_json_file_is_an_article_a_list_of_them_or_a_cluster(tmp_path: Path) -> None:
    # A .json file was skipped in a folder without a word, and named on its own its JSON text was briefed.
    one = tmp_path / "one.json"
    one.write_text(json.dumps({"title": "Bridge to close", "text": "The bridge closes."}, indent=2), encoding="utf-8")
    several = tmp_path / "several.json"
    several.write_text(json.dumps([{"text": "Ferries run."}, "Buses reroute."]), encoding="utf-8")
    cluster = tmp_path / "zcluster.json"
    cluster.write_text(json.dumps({"documents": ["Cables rusted.", "Repairs cost 48 million euros."]}), "utf-8")
    loaded = load_articles([tmp_path])
    assert [(a.source, a.text) for a in loaded.articles] == [
        (str(one), "The bridge closes."),
        (f"{several}#1", "Ferries run."),
        (f"{several}#2", "Buses reroute."),
        (f"{cluster}#1", "Cables rusted."),
        (f"{cluster}#2", "Repairs cost 48 million euros."),
    ]
    assert loaded.articles[0].title == "Bridge to close"
    (tmp_path / "bad.json").write_text("[1, 2]", encoding="utf-8")
    (tmp_path / "broken.json").write_text("{not json", encoding="utf-8")
    (tmp_path / "other.json").write_text('{"content": "The bridge closes."}', encoding="utf-8")
    loaded = load_articles([tmp_path / "bad.json", tmp_path / "broken.json", tmp_path / "other.json"])
    assert [p.reason for p in loaded.problems] == [
        "the JSON is a list: an article is an object with 'text' or 'body' (or a list of them)",
        "not valid JSON",
        "the JSON object has no 'text' or 'body' (an article), nor 'documents'",
    ]


def test_markdown_is_read_without_its_markup_and_with_its_front_matter(tmp_path: Path) -> None:
    # A .md file was plain text: "**April 1**", "[northern ring road](https://…)", "> “…”" and the front matter's
    # "title: …" line ended up in bullets, and a link around a name hid the speaker.
    note = tmp_path / "note.md"
    note.write_text(
        "---\ntitle: 'Harbour bridge to close'\ndate: 2019-03-08\noutlet: Coastline Courier\n---\n\n"
        "# Harbour bridge to close for six months\n\n![The bridge at dusk](bridge.jpg)\n\n"
        "The bridge will close from **April 1**, the council said on _Friday_.\n\n"
        '> "We know this will be hard," said [Anna Berg](https://example.com/berg).\n\n'
        "1. Ferries will run every ten minutes.\n2. Buses will use the `ring road`.\n\n"
        "```\nprint('no code')\n```\n",
        encoding="utf-8",
    )
    [article] = load_articles([note]).articles
    assert (article.format, article.title, article.outlet, article.published) == (
        "markdown",
        "Harbour bridge to close",
        "Coastline Courier",
        dt.date(2019, 3, 8),
    )
    assert article.text.splitlines() == [
        "Harbour bridge to close for six months",
        "The bridge will close from April 1, the council said on Friday.",
        '"We know this will be hard," said Anna Berg.',
        "Ferries will run every ten minutes.",
        "Buses will use the ring road.",
    ]


def test_markdown_with_windows_line_ends_indented_paragraphs_and_a_table(tmp_path: Path) -> None:
    # Front matter with \r\n was read as the title; indented paragraphs (a code block to Markdown) were lost; a table
    # became one line.
    note = tmp_path / "note.md"
    text = (
        "---\r\ntitle: Bridge costs\r\npublished: 2026-03-04\r\n---\r\n\r\n"
        "    The council approved the bridge on Tuesday.\r\n\r\n"
        "| Item | Cost |\r\n|---|---|\r\n| Pylons | 200 million dollars |\r\n"
    )
    note.write_bytes(text.encode("utf-8"))
    [article] = load_articles([note]).articles
    assert (article.title, article.published) == ("Bridge costs", dt.date(2026, 3, 4))
    assert article.text.splitlines() == [
        "The council approved the bridge on Tuesday.",
        "Item Cost",
        "Pylons 200 million dollars",
    ]


def test_a_jsonl_of_several_records_says_only_the_first_is_briefed(tmp_path: Path) -> None:
    # The first of 5,622 clusters was briefed without a word about the others.
    path = tmp_path / "clusters.jsonl"
    records = [{"id": "c1", "documents": ["The bridge closes."]}, {"id": "c2", "documents": ["Ferries run."]}]
    path.write_text("".join(json.dumps(r) + "\n" for r in records) + "\n", encoding="utf-8")
    reason = "more records follow; only the first is briefed (on the command line, --cluster picks another)"
    assert [(p.reason, p.severity) for p in load_articles([path]).problems] == [(reason, "warning")]
    assert load_articles([path], cluster="c2").problems == []
    path.write_text(json.dumps(records[0]) + "\n\n", encoding="utf-8")
    assert load_articles([path]).problems == []


def test_markdown_html_blocks_and_line_breaks_keep_their_text(tmp_path: Path) -> None:
    # An HTML block (and the Markdown lines up to the next blank line, which CommonMark counts in it) was dropped
    # without a word; an inline <br> glued two sentences into one.
    note = tmp_path / "note.md"
    note.write_text(
        "---\ntitle: >\n  A long title\n---\n"
        '<div class="lede">The mayor announced a new bridge on Monday.</div>\n'
        "The council will vote in April.\n\n"
        "The plan was approved.<br>The council voted 7 to 2.\n",
        encoding="utf-8",
    )
    [article] = load_articles([note]).articles
    assert article.title is None  # a block scalar's '>' is no title
    assert article.text.splitlines() == [
        "The mayor announced a new bridge on Monday.",
        "The council will vote in April.",
        "The plan was approved.",
        "The council voted 7 to 2.",
    ]


def test_jsonl_of_articles_takes_a_cluster_as_a_line(tmp_path: Path) -> None:
    # "--cluster 1" of a file of one article per line said "record has neither 'documents' (list) nor 'document'".
    path = tmp_path / "articles.jsonl"
    path.write_text(
        json.dumps({"id": "x1", "text": "The bridge closes."})
        + "\n"
        + json.dumps({"id": "x2", "text": "Ferries run."}),
        encoding="utf-8",
    )
    assert [a.text for a in load_articles([path], cluster="1").articles] == ["Ferries run."]
    assert [a.text for a in load_articles([path], cluster="x1").articles] == ["The bridge closes."]


def test_a_piece_of_a_page_holding_several_articles_reads_the_first_and_names_the_others() -> None:
    # Both stories were read as one article, without a word; a whole page says which articles it leaves out.
    first = "The harbour bridge will close on April 1, the council said. " * 6
    second = "Floods in Shelbyville forced two hundred families from their homes on Sunday night. " * 5
    piece = f"<div><article><p>{first}</p></article><article><h2>Shelbyville floods</h2><p>{second}</p></article></div>"
    loaded = load_articles([piece])
    assert [a.text for a in loaded.articles] == [first.strip()]
    assert [(p.reason, p.severity) for p in loaded.problems] == [
        ("the page holds more articles; only its main one is read, not “Shelbyville floods”", "warning")
    ]
