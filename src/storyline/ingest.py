"""Read articles from files, folders, stdin, raw strings and JSONL clusters.

Every per-input problem (unreadable, binary, empty, too large) becomes a `Problem` value and reading goes on
with the rest; `load_articles` never raises for one bad input.
"""

from __future__ import annotations

import codecs
import datetime as dt
import errno
import gzip
import itertools
import json
import os
import re
import stat
import sys
import threading
import zlib
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path, PurePosixPath
from typing import Any, BinaryIO, TextIO

from storyline.errors import InputError
from storyline.models import Article, Problem

MAX_ARTICLE_BYTES = 16 * 1024 * 1024
"""Largest single article file read; news pages, even with inline scripts, stay far below it."""

MULTINEWS_SEPARATOR = "|||||"
TEXT_SUFFIXES = {".txt", ".text"}
MARKDOWN_SUFFIXES = {".md", ".markdown"}
STDIN = "stdin"
"""The source name of what standard input gives."""
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
JSONL_SUFFIXES = {".jsonl", ".jsonl.gz", ".ndjson"}
JSON_SUFFIXES = {".json"}
ARTICLE_SUFFIXES = TEXT_SUFFIXES | MARKDOWN_SUFFIXES | HTML_SUFFIXES | JSONL_SUFFIXES | JSON_SUFFIXES


@dataclass
class LoadResult:
    """Articles read, and one `Problem` per input that could not be used or needs a warning."""

    articles: list[Article] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)


@dataclass(frozen=True)
class _Document:
    """One article's worth of input before it gets an id."""

    source: str
    raw: str
    format: str = "text"
    outlet: str | None = None
    title: str | None = None
    published: dt.date | None = None


def load_articles(
    sources: Iterable[str | Path] | str | Path,
    *,
    cluster: int | str | None = None,
    dates: dict[str, dt.date] | None = None,
    max_bytes: int = MAX_ARTICLE_BYTES,
) -> LoadResult:
    """Read articles from paths, folders, '-' (stdin) or literal article text.

    Args:
        sources: File or folder paths, '-' for standard input, or strings holding an article's text.
        cluster: For JSONL inputs, the record whose `id` this is, else (a number) the record on this 0-based line;
            default the first.
        dates: Publication dates by source path or file name, used when the input states none (a JSONL file's
            date dates those of its documents that state none); a key no article was read from is a warning.
        max_bytes: Files (and standard input) larger than this are skipped with a problem.

    Returns:
        The articles in input order (folders sorted by name) with ids a1, a2, …, and the problems met.

    Raises:
        TypeError: a source is neither a str nor a Path (bytes, None, …), or a date is not a `datetime.date`.
    """
    if isinstance(sources, str | Path | bytes):
        sources = [sources]  # type: ignore[list-item]
    sources = list(sources)
    for source in sources:
        _check_source_type(source)
    for name, date in (dates or {}).items():
        if not isinstance(date, dt.date) or isinstance(date, dt.datetime):
            raise TypeError(f"dates[{name!r}] must be a datetime.date (a day, no time); got {date!r}")
    notes: list[Problem] = []
    if sources.count("-") > 1:
        # Standard input can be read once; a second '-' would only find it empty.
        first = sources.index("-")
        sources = [source for n, source in enumerate(sources) if n == first or source != "-"]
        notes.append(Problem(source=STDIN, reason="'-' given more than once; read once", severity="warning"))
    items = itertools.chain(
        notes,
        (item for index, source in enumerate(sources, start=1) for item in _expand(source, index, cluster, max_bytes)),
    )
    return _load(items, dates or {})


def load_record(record: dict[str, Any], *, source: str) -> LoadResult:
    """Read the articles of one cluster record already parsed from JSONL, as `load_articles` reads a line of it.

    Args:
        record: `{"documents": [...]}` (strings or objects with `text`, `outlet`, `title`, `date`) or a Multi-News
            `{"document": "...|||||..."}`, with an optional `date`.
        source: What problems and article sources name the record by; its documents are `source/1`, `source/2`, …

    Returns:
        The articles with ids a1, a2, …, and the problems met.
    """
    return _load(_record_documents(record, source), {})


def _check_source_type(source: object) -> None:
    if not isinstance(source, str | os.PathLike):
        is_bytes = isinstance(source, bytes | bytearray)
        advice = "; decode bytes first (storyline.ingest.decode reads them as a file's are)" if is_bytes else ""
        raise TypeError(f"an input must be a path, '-' or an article's text (str); got {type(source).__name__}{advice}")


def load_file_text(text: str, *, name: str, source: str) -> LoadResult:
    """Read a file's decoded text as `load_articles` reads that file: its name's suffix says JSONL (the first
    record, whatever the lines look like), JSON, HTML or plain text, and a name of another kind is HTML when it looks
    so.

    For a file that is in memory rather than on disk, such as an upload: decode its bytes with `decode` first.

    Args:
        text: The file's text.
        name: The file's name; only its suffix is read.
        source: What problems and article sources name the file by; a JSONL cluster's documents are `source#0/1`, ….

    Returns:
        The articles with ids a1, a2, …, and the problems met.
    """
    suffix = file_suffix(name)
    if suffix in JSONL_SUFFIXES:
        return _load(_records_to_documents(text.splitlines(), source, None), {})
    if suffix in JSON_SUFFIXES:
        return _load(_from_json(text, source, None), {})
    return _load(_split_documents(text, source, _file_format(suffix, text)), {})


def _load(items: Iterable[_Document | Problem], dates: dict[str, dt.date]) -> LoadResult:
    result = LoadResult()
    documents: list[_Document] = []
    for item in items:
        if isinstance(item, Problem):
            result.problems.append(item)
        else:
            documents.append(item)
    dated: set[str] = set()  # the `dates` keys some article took
    for doc in map(_valid_unicode, documents):
        parsed = _parse(doc)
        if not parsed.text.strip():
            result.problems.append(Problem(source=doc.source, reason="no article text found in the page"))
            continue
        if parsed.left_out:
            named = "; ".join(f"“{heading}”" for heading in parsed.left_out)
            reason = f"the page holds more articles; only its main one is read, not {named}"
            result.problems.append(Problem(source=doc.source, reason=reason, severity="warning"))
        date_key = _date_key(doc.source, dates)
        if date_key is not None:
            dated.add(date_key)
        result.articles.append(
            Article(
                id=f"a{len(result.articles) + 1}",
                source=doc.source,
                format=doc.format,  # type: ignore[arg-type]
                outlet=doc.outlet or parsed.outlet,
                title=doc.title or parsed.title,
                published=doc.published or (dates[date_key] if date_key is not None else None) or parsed.published,
                raw=doc.raw,
                text=parsed.text,
            )
        )
    # A date for a file no article came from is most likely a typo in its name: say so rather than drop it.
    result.problems += [
        Problem(
            source="--date", reason=f"{name}={date}: no article read from {name!r}; date not used", severity="warning"
        )
        for name, date in dates.items()
        if name not in dated
    ]
    return result


def _valid_unicode(doc: _Document) -> _Document:
    """The document with each lone surrogate replaced by U+FFFD and control characters (`_CONTROL_CHARACTERS`) removed.

    A JSON escape of half an emoji ("\\ud83d", in truncated scraped text) leaves a surrogate in a str that no UTF-8
    encoder accepts: spaCy, SQLite and every writer would fail on it.
    """
    fields = {"raw": doc.raw, "title": doc.title, "outlet": doc.outlet}
    broken = {
        name: whole
        for name, value in fields.items()
        if value is not None and (whole := _without_controls(whole_characters(value))) != value
    }
    return replace(doc, **broken) if broken else doc


def whole_characters(text: str) -> str:
    """`text` with each lone surrogate (half an emoji's JSON escape, "\\ud83d") as U+FFFD; `text` itself if none."""
    if _encodes(text):
        return text
    return text.encode("utf-16", "surrogatepass").decode("utf-16", "replace")


_CONTROL_CHARACTERS = re.compile("[\x00-\x08\x0e-\x1f\x7f-\x9f]")
"""C0 control characters but tab and the line and page breaks, DEL, and the C1 ones (U+0080-U+009F). A NUL (pasted
or sent through the API; files lose theirs in `decode`) ends a C string, so lxml and terminals cut the text there; an
ESC (or the C1 CSI and OSC) starts a terminal command, which the terminal output and `storyline clean` would pass on
(clear the screen, set the window title). C1 characters that are text read in the wrong codec are repaired first
(`_repaired_c1`)."""

_C1_CHARACTER = re.compile("[\x80-\x9f]")
_UTF8_READ_AS_LATIN1 = re.compile("[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}")
"""The Latin-1 reading of one UTF-8 character: 'â' U+0080 U+0099 for ’ (U+2019, bytes E2 80 99)."""


_ASCII_NON_CONTROLS = bytes(byte for byte in range(128) if not _CONTROL_CHARACTERS.match(chr(byte)))


def _without_controls(text: str) -> str:
    if not _has_controls(text):
        return text
    return _CONTROL_CHARACTERS.sub("", _repaired_c1(text))


def _has_controls(text: str) -> bool:
    """`_CONTROL_CHARACTERS.search(text)`. For ASCII text (seven truncated Multi-News articles in ten) deleting every
    other character from its bytes does the same several times faster: the pattern's scan tests each character
    against its class."""
    if text.isascii():
        return bool(text.encode("ascii").translate(None, _ASCII_NON_CONTROLS))
    return _CONTROL_CHARACTERS.search(text) is not None


def _repaired_c1(text: str) -> str:
    """`text` with the C1 characters that are cp1252 or UTF-8 bytes read as Latin-1 as the characters they were.

    Scraped text holds C1 characters only so: U+0092 for ’, U+0093/U+0094 for “ ”, U+0096/U+0097 for – —
    (cp1252's bytes 0x80-0x9F), or 'â' U+0080 U+0099 for ’ (its three UTF-8 bytes): 16 of the 5,656 articles of the
    first 2,000 truncated Multi-News validation clusters. Dropping them would join words ("Christs") and lose the
    quotation marks that attribute quotes. The five bytes cp1252 leaves undefined (U+0081, U+008D, U+008F, U+0090,
    U+009D) stay, to be dropped. A UTF-8 reading is tried first: its bytes would read as cp1252 too, as 'â€™'."""
    if not _C1_CHARACTER.search(text):
        return text
    return _C1_CHARACTER.sub(_as_cp1252, _UTF8_READ_AS_LATIN1.sub(_as_utf8, text))


def _as_utf8(misread: re.Match[str]) -> str:
    characters = misread.group()
    if not _C1_CHARACTER.search(characters):  # 'Ã©' may be é misread, or a name: only C1 characters are never text
        return characters
    try:
        character = characters.encode("latin-1").decode("utf-8")
    except UnicodeDecodeError:
        return characters
    # 'Â' U+0080 reads as U+0080 again: in Multi-News it is 'â' (E2) capitalised at a sentence's start, the rest of
    # its character ('Â' U+0080 U+0098 for ‘) left to cp1252; the capital keeps the sentence apart from the one before.
    return characters if _C1_CHARACTER.match(character) else character


def _as_cp1252(misread: re.Match[str]) -> str:
    character = misread.group()
    return character.encode("latin-1").decode("cp1252", errors="ignore") or character


def _encodes(text: str) -> bool:
    if text.isascii():
        return True
    try:  # encoding finds a surrogate 4x faster than a regular expression does in non-ASCII articles
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


_PART_OF_FILE = re.compile(r"#\d+(?:/\d+)?$")
"""'#0/2' of 'cluster.jsonl#0/2' (a JSONL record's document), '#2' of 'pasted.txt#2' (a `|||||`-joined part): what
follows the file's path in the source of an article that is part of a file."""


def _date_key(source: str, dates: dict[str, dt.date]) -> str | None:
    """The key of `dates` that dates an article read from `source`: its path as given, or its file name (standard
    input's is 'stdin', or '-' as it was given); an article that is part of a file (a JSONL record's document,
    `_PART_OF_FILE`) takes its file's."""
    if not dates:  # no `--date` given, as always in `eval`: spares a Path for every article (~20% of eval's load)
        return None
    path = _PART_OF_FILE.sub("", source)
    keys = (source, path, Path(path).name, *(("-",) if path == STDIN else ()))
    return next((key for key in keys if key in dates), None)


def _expand(source: str | Path, index: int, cluster: int | str | None, max_bytes: int) -> Iterator[_Document | Problem]:
    if isinstance(source, str) and source == "-":
        yield from _from_stdin(cluster, max_bytes)
        return
    if isinstance(source, str) and not _looks_like_path(source):
        yield from _from_text(source, f"text {index}", cluster)
        return
    if isinstance(source, str) and is_web_address(source):
        yield Problem(source=source, reason="a web address; storyline reads no web pages: save the page, give the file")
        return
    path = Path(source)
    try:
        mode = path.stat().st_mode
    except OSError as exc:
        yield Problem(source=str(path), reason=unreadable_reason(path, exc))
        return
    if stat.S_ISDIR(mode):
        yield from _from_folder(path, cluster, max_bytes)
    elif stat.S_ISREG(mode):
        yield from _from_file(path, cluster, max_bytes)
    elif stat.S_ISFIFO(mode) or stat.S_ISCHR(mode):
        # A named pipe, `<(command)` or /dev/stdin: read once, as standard input is, up to the size limit.
        yield from _from_stream(path, cluster, max_bytes)
    else:
        yield Problem(source=str(path), reason="not a file or folder (a socket or a device); nothing to read")


def unreadable_reason(path: Path, exc: OSError) -> str:
    """Why `path` cannot be read, in words: a symbolic link loop or a link to nothing say so, not 'no such file';
    no '[Errno 2] … : path' repeating the path the message already names."""
    if exc.errno == errno.ELOOP:
        return "symbolic link loop; nothing to read"
    if exc.errno == errno.ENOENT and path.is_symlink():
        return f"broken symbolic link (to {os.readlink(path)}, which does not exist)"
    if exc.errno == errno.ENOENT:
        return "no such file or folder"
    if exc.errno == errno.EISDIR:
        return "a folder, not a file"
    return f"cannot read: {exc.strerror or exc}"


def _from_folder(path: Path, cluster: int | str | None, max_bytes: int) -> Iterator[_Document | Problem]:
    """The article files under `path`, sorted, hidden ones skipped; a folder that cannot be listed is a problem
    (where `Path.rglob` would skip it without a word, and report an unreadable folder as one with no articles)."""
    unreadable: list[OSError] = []
    files: list[Path] = []
    for folder, subfolders, names in os.walk(path, onerror=unreadable.append):
        subfolders[:] = [name for name in subfolders if not (name.startswith(".") or _is_page_resources(name, names))]
        # Hidden below `path` only: a folder given inside a hidden one (~/.cache/news) is still read.
        files += [Path(folder, name) for name in names if _is_article_file(Path(name))]
    for exc in unreadable:
        yield Problem(source=str(exc.filename or path), reason=f"cannot read folder: {exc.strerror or exc}")
    if not files and not unreadable:
        yield Problem(source=str(path), reason=f"folder holds no article files ({', '.join(sorted(ARTICLE_SUFFIXES))})")
    for file in sorted(files):
        if _is_special_file(file):
            # Opening a named pipe waits for a writer forever, and a link to /dev/zero never ends: only a file given
            # by name is read as a stream (`_from_stream`), where the user chose it.
            yield Problem(
                source=str(file), reason="not a regular file (a named pipe or a device); skipped", severity="warning"
            )
        else:
            yield from _from_file(file, cluster, max_bytes)


_PAGE_RESOURCE_FOLDER = re.compile(r"(?P<page>.+)[_-](?:files|Dateien|archivos|arquivos|fichiers|file|bestanden)")
"""A browser's "Save Page As… (complete)" writes `Story.html` and beside it `Story_files/` (`Story-Dateien/` in
German, `Story_archivos/` in Spanish, …) holding the page's frames, comment widgets and scripts."""


def _is_page_resources(folder: str, names: Sequence[str]) -> bool:
    """Whether a subfolder holds a saved page's resources, which are no articles of their own: its name is one of
    `_PAGE_RESOURCE_FOLDER`'s and a page whose name begins as it does is beside it (browsers shorten a long name)."""
    found = _PAGE_RESOURCE_FOLDER.fullmatch(folder)
    return found is not None and any(
        name.startswith(found["page"]) and Path(name).suffix.lower() in HTML_SUFFIXES for name in names
    )


def _is_special_file(path: Path) -> bool:
    """True when `path` (a symbolic link followed) exists and is not a regular file; a path that cannot be read is
    left to `_from_file`, which says why."""
    try:
        return not stat.S_ISREG(path.stat().st_mode)
    except OSError:
        return False


def is_web_address(text: str) -> bool:
    """Whether a source given as text is a web address ('https://…', 'www.…') that names no file here."""
    return bool(_WEB_ADDRESS.match(text)) and not Path(text).exists()


_WEB_ADDRESS = re.compile(r"(?:https?|ftp)://\S+$|www\.\S+$", re.IGNORECASE)


def _looks_like_path(text: str) -> bool:
    """A string names a file when it exists, or is one short token shaped like a path; else it is article text."""
    if "\n" in text or len(text) > 4096 or not text.strip():
        return False  # "" would otherwise name the current folder
    if text.lstrip().startswith(("<", "{")):
        return False  # a one-line HTML page or JSON record; no path starts so
    try:
        if Path(text).exists():
            return True
    except OSError:  # a sentence too long to be a file name
        return False
    return " " not in text.strip() and bool(re.search(r"[/\\]|\.\w{1,5}$", text))


def _is_article_file(path: Path) -> bool:
    return not any(part.startswith(".") for part in path.parts) and file_suffix(path.name) in ARTICLE_SUFFIXES


def file_suffix(name: str) -> str:
    """'nbc.HTML' → '.html', 'val.jsonl.gz' → '.jsonl.gz': a file name's suffix in lower case, '.jsonl.gz' as one, as
    `ARTICLE_SUFFIXES` lists them (the command line's files and the web app's uploads are told apart by it)."""
    name = name.lower()
    return ".jsonl.gz" if name.endswith(".jsonl.gz") else PurePosixPath(name).suffix


def _from_file(path: Path, cluster: int | str | None, max_bytes: int) -> Iterator[_Document | Problem]:
    suffix = file_suffix(path.name)
    try:
        if suffix in JSONL_SUFFIXES:
            yield from _from_jsonl(path, cluster)
            return
        text, encoding = decode(_read_at_most(path, max_bytes))
    except InputError as skip:
        yield Problem(source=str(path), reason=str(skip))
        return
    except OSError as exc:
        yield Problem(source=str(path), reason=unreadable_reason(path, exc))
        return
    yield from encoding_notes(str(path), encoding)
    if suffix in JSON_SUFFIXES:
        yield from _from_json(text, str(path), cluster)
        return
    yield from _split_documents(text, str(path), _file_format(suffix, text))


def _read_at_most(path: Path, max_bytes: int) -> bytes:
    """The file's bytes, reading no more than `max_bytes` and one: the size `stat` gives is trusted to refuse a file
    before reading it, never to stop a read (a file that grows, a /proc file that says 0).

    Raises:
        InputError: the file holds more than `max_bytes`; OSError: it cannot be read.
    """
    with path.open("rb") as file:
        size = os.fstat(file.fileno()).st_size
        data = file.read(max_bytes + 1) if size <= max_bytes else b""
    if max(size, len(data)) > max_bytes:
        raise InputError(too_large_reason("file", max(size, len(data)), max_bytes))
    return data


def _file_format(suffix: str, text: str) -> str:
    """'html', 'markdown' or 'text': what a file of this suffix holds; for a suffix storyline does not know, what it
    looks like."""
    if suffix in MARKDOWN_SUFFIXES:
        return "markdown"
    return "html" if suffix in HTML_SUFFIXES or (suffix not in TEXT_SUFFIXES and _looks_like_html(text)) else "text"


def encoding_notes(source: str, encoding: str) -> Iterator[Problem]:
    """A warning naming the encoding `decode` read `source` in, unless it was plain UTF-8 or the one it declares."""
    if encoding != "utf-8" and not encoding.endswith(DECLARED):
        note = f"decoded as {encoding}" if encoding.lower().startswith("utf-8") else f"not UTF-8; decoded as {encoding}"
        yield Problem(source=source, reason=note, severity="warning")


def too_large_reason(what: str, size: int, max_bytes: int) -> str:
    """Why an input of `size` bytes is skipped: 'file is 17.0 MB, over the 16.8 MB limit for one article; …'."""
    return (
        f"{what} is {size / 1e6:.1f} MB, over the {max_bytes / 1e6:.1f} MB limit for one article; "
        "is it really a single article?"
    )


def _from_stdin(cluster: int | str | None, max_bytes: int) -> Iterator[_Document | Problem]:
    """Standard input's bytes, decoded as a file's are: the locale's codec would fail on (or mangle) a file piped
    in another encoding, and binary input would pass as text."""
    if sys.stdin is None or sys.stdin.closed:  # `storyline brief - <&-`, or a service started without one
        yield Problem(source=STDIN, reason="standard input is closed; nothing to read")
        return
    stream = getattr(sys.stdin, "buffer", None)
    if stream is None:  # replaced by a text stream (a notebook, a test): already decoded
        yield from _from_text(sys.stdin.read(), STDIN, cluster)
        return
    yield from _read_stream(stream, STDIN, cluster, max_bytes)


def _from_stream(path: Path, cluster: int | str | None, max_bytes: int) -> Iterator[_Document | Problem]:
    try:
        with path.open("rb") as stream:
            yield from _read_stream(stream, str(path), cluster, max_bytes)
    except OSError as exc:
        yield Problem(source=str(path), reason=unreadable_reason(path, exc))


def _read_stream(
    stream: BinaryIO, source: str, cluster: int | str | None, max_bytes: int
) -> Iterator[_Document | Problem]:
    try:
        data = stream.read(max_bytes + 1)
        if len(data) > max_bytes:
            rest = _remaining(stream)
            reason = (
                too_large_reason("input", len(data) + rest, max_bytes)
                if rest is not None
                else f"input goes on past {(len(data) + _COUNT_LIMIT) / 1e9:.1f} GB (endless?), over the "
                f"{max_bytes / 1e6:.1f} MB limit for one article"
            )
            yield Problem(source=source, reason=reason)
            return
    except OSError as exc:
        yield Problem(source=source, reason=f"cannot read: {exc.strerror or exc}")
        return
    if not data.strip():
        yield Problem(source=source, reason="empty: no text")
        return
    try:
        text, encoding = decode(data)
    except InputError as skip:
        yield Problem(source=source, reason=str(skip))
        return
    yield from encoding_notes(source, encoding)
    yield from _from_text(text, source, cluster)


_COUNT_LIMIT = 1 << 30


def _remaining(stream: BinaryIO) -> int | None:
    """How many more bytes `stream` holds, counted in chunks; None past 1 GiB (/dev/zero never ends)."""
    total = 0
    while chunk := stream.read(1 << 20):
        total += len(chunk)
        if total >= _COUNT_LIMIT:
            return None
    return total


def _from_text(text: str, source: str, cluster: int | str | None) -> Iterator[_Document | Problem]:
    if _control_ratio(text[:4096]) > MAX_CONTROL_RATIO:
        # A binary file's bytes made into text by the caller (a JSON client must send text): `decode` refuses the
        # same bytes in a file or on standard input.
        yield Problem(source=source, reason="binary data, not text (is it a PDF, image or archive?)")
        return
    if _looks_like_jsonl(text):
        yield from _records_to_documents(text.splitlines(), source, cluster)
        return
    fmt = "html" if _looks_like_html(text) else "text"
    yield from _split_documents(text, source, fmt)


def _looks_like_jsonl(text: str) -> bool:
    """JSON records one per line: the first line opens an object, and one of the first few holds a keyed one.

    Not only the first line: a cluster file whose first line is broken ("{not json") is still JSONL, and reading
    it as an article would brief the JSON text itself.
    """
    head = [line.lstrip() for line in text[:20_000].splitlines() if line.strip()][:10]
    return bool(head) and head[0].startswith("{") and any(line.startswith('{"') for line in head)


def _split_documents(text: str, source: str, fmt: str) -> Iterator[_Document | Problem]:
    """One document per `|||||`-separated part, so a pasted Multi-News cluster works as a text file."""
    parts = [part for part in text.split(MULTINEWS_SEPARATOR)] if fmt == "text" else [text]
    named = len(parts) > 1
    for number, part in enumerate(parts, start=1):
        name = f"{source}#{number}" if named else source
        if not part.strip():
            yield Problem(source=name, reason="empty: no text")
            continue
        yield _Document(source=name, raw=part.strip("\ufeff"), format=fmt)


def _looks_like_html(text: str) -> bool:
    head = text[:2000]
    if "<" not in head:  # every JSONL document of `eval` is asked: most have no tag at all
        return False
    head = head.lower()
    return "<html" in head or "<!doctype html" in head or ("<body" in head and "</" in text) or _is_fragment(text)


def _is_fragment(html: str) -> bool:
    """Whether text is a piece of a page, opening with one of its text blocks ('<p>…</p>' copied from a page's
    source), which no prose does."""
    return bool(_FRAGMENT.match(html)) and "</" in html


_FRAGMENT = re.compile(r"\s*<(?:p|div|article|section|main|h[1-6]|blockquote|ul|ol|table)\b[^>]*>", re.IGNORECASE)


def decode(data: bytes) -> tuple[str, str]:
    """Decode bytes as text: UTF-8, UTF-8 with BOM, UTF-16 (by BOM or by its NUL pattern), then cp1252.

    Returns:
        The text and the encoding used.

    Raises:
        InputError: the bytes are empty, or binary rather than text.
    """
    if not data.strip():
        raise InputError("empty file")
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="replace"), "utf-8 with BOM"
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return _decode_utf16(data, "utf-16")
    sample = data[:4096]
    if sample.count(b"\x00") * 4 > len(sample):
        # ASCII text in UTF-16 without a BOM puts a NUL beside every character.
        even_nuls = sample[0::2].count(b"\x00")
        odd_nuls = sample[1::2].count(b"\x00")
        if max(even_nuls, odd_nuls) * 2 > len(sample) * 0.8 / 2 and min(even_nuls, odd_nuls) * 20 < len(sample):
            # One half of the bytes nearly all NUL, the other nearly none: text, not an executable.
            return _decode_utf16(data, "utf-16-le" if odd_nuls > even_nuls else "utf-16-be")
    if b"\x00" in sample and _stray_nuls(data):
        # A few NUL bytes in otherwise clean UTF-8 (a copy-paste or a bad export), not a binary's many: dropped.
        text, _ = decode(data.replace(b"\x00", b""))
        return text, "utf-8 with NUL bytes removed"
    if b"\x00" in sample or _control_ratio(sample) > MAX_CONTROL_RATIO:
        raise InputError("binary file, not text (is it a PDF, image or archive?)")
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    declared = _declared_codec(sample)
    if declared is not None:
        return data.decode(declared, errors="replace"), f"{declared}{DECLARED}"
    if not data.decode("utf-8", errors="ignore").isascii():
        # Valid UTF-8 characters beside bytes that are not: pieces pasted together from differently saved files.
        # Each undecodable byte is read as cp1252, so the UTF-8 parts are not turned into mojibake ("â€œ").
        return data.decode("utf-8", errors=_CP1252_FALLBACK), "UTF-8 mixed with cp1252"
    return data.decode("cp1252", errors="replace"), "cp1252"


DECLARED = " (as the page declares)"
"""What `decode` adds to the name of an encoding the text itself declares: no warning is due for it."""
_DECLARED_CHARSET = re.compile(
    rb"""<meta[^>]*?charset\s*=\s*["']?(?P<meta>[\w.:-]+)|<\?xml[^>]*?encoding\s*=\s*["'](?P<xml>[\w.:-]+)""",
    re.IGNORECASE,
)


def _declared_codec(sample: bytes) -> str | None:
    """The Python codec of the charset an HTML or XML page declares near its top (`<meta charset="windows-1251">`,
    `<meta http-equiv="Content-Type" content="text/html; charset=…">`, `<?xml … encoding="…"?>`), or None: nothing
    declared, a name Python does not know, or UTF-8 (which the bytes already failed). Latin-1 and ASCII are read as
    cp1252, as browsers read them (WHATWG), so a page's curly quotes survive."""
    found = _DECLARED_CHARSET.search(sample)
    if found is None:
        return None
    try:
        codec = codecs.lookup((found["meta"] or found["xml"]).decode("ascii")).name
    except LookupError:
        return None
    if codec == "utf-8":
        return None
    return "cp1252" if codec in {"iso8859-1", "ascii"} else codec


MAX_STRAY_NULS = 16
"""NUL bytes a text file may hold and still be read as text (they are dropped); binary files hold far more."""


def _stray_nuls(data: bytes) -> bool:
    """True when `data` is UTF-8 text but for a few NUL bytes: no executable, image or archive decodes so."""
    if data.count(b"\x00") > MAX_STRAY_NULS:
        return False
    rest = data.replace(b"\x00", b"")
    try:
        rest.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return _control_ratio(rest[:4096]) <= MAX_CONTROL_RATIO


def _decode_utf16(data: bytes, codec: str) -> tuple[str, str]:
    try:
        text = data.decode(codec)
    except UnicodeDecodeError as exc:
        raise InputError(f"looks like UTF-16 but does not decode: {exc.reason}") from exc
    return text.lstrip("\ufeff"), "utf-16"


MAX_CONTROL_RATIO = 0.05
"""Share of control characters (other than tab, line and page breaks) above which bytes or text are binary data."""


def _control_ratio(sample: bytes | str) -> float:
    codes = sample if isinstance(sample, bytes) else map(ord, sample)
    controls = sum(1 for code in codes if code < 32 and code not in (9, 10, 12, 13))
    return controls / max(len(sample), 1)


def _from_jsonl(path: Path, cluster: int | str | None) -> Iterator[_Document | Problem]:
    try:
        lines, encoding = open_jsonl(path, errors=_CP1252_FALLBACK)
        yield from encoding_notes(str(path), encoding)
        _fell_back.happened = False
        with lines:
            yield from _records_to_documents(lines, str(path), cluster)
        if _fell_back.happened:
            yield from encoding_notes(str(path), "cp1252")
    except (OSError, EOFError, zlib.error) as exc:
        yield Problem(source=str(path), reason=f"cannot read JSONL: {unreadable_jsonl_reason(exc)}")


def unreadable_jsonl_reason(exc: OSError | EOFError | zlib.error) -> str:
    """Why a JSONL file (or a `.jsonl.gz` upload) could not be read, in words rather than Python's: a '.gz' file that
    is no gzip file said "Not a gzipped file (b'Ci')"."""
    if isinstance(exc, gzip.BadGzipFile):
        return "not a gzip file, though its name ends in '.gz'"
    if isinstance(exc, EOFError):
        return "the gzip file is cut short"
    if isinstance(exc, zlib.error):
        return "the gzip file is damaged"
    return exc.strerror or str(exc)


_CP1252_FALLBACK = "storyline.cp1252"
_fell_back = threading.local()


def _decode_as_cp1252(error: UnicodeError) -> tuple[str, int]:
    """Read the bytes a JSONL file's codec cannot decode as cp1252, as `decode` reads a whole text file that is not
    UTF-8: a JSONL file is read lazily, line by line, so it cannot be tried whole first. Noted per thread, so the
    reader can say so."""
    if not isinstance(error, UnicodeDecodeError):
        raise error
    _fell_back.happened = True
    return error.object[error.start : error.end].decode("cp1252", errors="replace"), error.end


codecs.register_error(_CP1252_FALLBACK, _decode_as_cp1252)


def open_jsonl(path: Path, *, errors: str = "strict") -> tuple[TextIO, str]:
    """Open a `.jsonl` or `.jsonl.gz` file as text in the codec its first bytes show (see `_jsonl_encoding`).

    Args:
        path: The file; gzip-compressed when its name ends in '.gz'.
        errors: What to do with bytes the codec cannot decode, as `open` takes it.

    Returns:
        The open text file, to be closed by the caller, and the encoding's name as `decode` gives it.

    Raises:
        OSError: the file cannot be opened; EOFError: a '.gz' file is cut short.
    """
    opener = gzip.open if path.name.lower().endswith(".gz") else open
    with opener(path, "rb") as head:  # type: ignore[operator]
        codec, encoding = _jsonl_encoding(head.read(4))
    return opener(path, "rt", encoding=codec, errors=errors), encoding  # type: ignore[operator]


def _jsonl_encoding(head: bytes) -> tuple[str, str]:
    """The codec to read a JSONL file with, and its name as `decode` gives it: UTF-8 unless a BOM or a NUL beside the
    opening '{' says otherwise. A JSONL file is read lazily, line by line, so `decode` (all the bytes) cannot tell."""
    if head.startswith(b"\xef\xbb\xbf"):
        return "utf-8-sig", "utf-8 with BOM"
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        return "utf-16", "utf-16"
    if head[:2] in (b"\x00{", b"{\x00"):
        return ("utf-16-be" if head[0] == 0 else "utf-16-le"), "utf-16"
    return "utf-8", "utf-8"


def _records_to_documents(
    lines: Iterable[str], source: str, cluster: int | str | None
) -> Iterator[_Document | Problem]:
    lines = iter(lines)
    record, number, skipped = _pick_record(lines, source, cluster)
    if record is not None and cluster is None and _is_article_record(record):
        # One article per line (a scraper's output), not one cluster per line: the lines left are the rest of it.
        articles, more_skipped = _article_records(lines, first_number=number + 1)
        for reason in skipped + more_skipped:
            yield Problem(source=source, reason=reason, severity="warning")
        yield from _record_documents({"documents": [record, *articles]}, source, numbering="#")
        return
    for reason in skipped:
        yield Problem(source=source, reason=reason, severity="warning")
    if record is None:
        wanted = (
            "no JSON record found (a JSON object per line)"
            if cluster is None
            else f"no JSON record found for cluster {cluster!r}"
        )
        yield Problem(source=source, reason=wanted)
        return
    if cluster is None and any(line.strip() for line in lines):  # the reader would not know the rest was passed over
        reason = "more records follow; only the first is briefed (on the command line, --cluster picks another)"
        yield Problem(source=source, reason=reason, severity="warning")
    if _is_article_record(record):  # '--cluster' naming a line of a file of one article per line
        record = {"documents": [record]}
    yield from _record_documents(record, f"{source}#{number}")


def _is_article_record(record: dict[str, Any]) -> bool:
    """A JSON object that is one article ('text' or 'body'), not a cluster of them ('documents', 'document')."""
    return "documents" not in record and "document" not in record and ("text" in record or "body" in record)


def _article_records(lines: Iterable[str], *, first_number: int) -> tuple[list[dict[str, Any]], list[str]]:
    """The article objects of `lines` (numbered from `first_number`, 0-based), and why each other line was skipped."""
    articles: list[dict[str, Any]] = []
    skipped: list[str] = []
    for number, line in enumerate(lines, start=first_number):
        if not line.strip():
            continue
        article, not_json = _parsed_line(line, number)
        if not_json:
            skipped.append(not_json)
        elif isinstance(article, dict) and _is_article_record(article):
            articles.append(article)
        else:
            skipped.append(f"line {number + 1} is no article (a JSON object with 'text' or 'body'); skipped")
    return articles, skipped


def _parsed_line(line: str, number: int) -> tuple[Any, str | None]:
    """The JSON value of a JSONL file's line `number` (0-based), or None and why the line is skipped."""
    try:
        return json.loads(line), None
    except (json.JSONDecodeError, RecursionError):  # RecursionError: nested deeper than Python's stack
        return None, f"line {number + 1} is not JSON; skipped"


def _from_json(text: str, source: str, cluster: int | str | None) -> Iterator[_Document | Problem]:
    """A JSON file: one article (an object with 'text' or 'body'), a list of them, or a cluster record
    ('documents'); JSON lines, one record or article per line, as a JSONL file."""
    try:
        value = json.loads(text)
    except (json.JSONDecodeError, RecursionError):
        if _looks_like_jsonl(text):
            yield from _records_to_documents(text.splitlines(), source, cluster)
        else:
            yield Problem(source=source, reason="not valid JSON")
        return
    if isinstance(value, dict) and _is_article_record(value):
        yield from _record_documents({"documents": [value]}, source, numbered=False)
    elif isinstance(value, dict) and {"documents", "document"} & value.keys():
        yield from _record_documents(value, source, numbering="#")
    elif isinstance(value, dict):
        yield Problem(source=source, reason="the JSON object has no 'text' or 'body' (an article), nor 'documents'")
    elif isinstance(value, list) and value and all(isinstance(v, dict | str) for v in value):
        yield from _record_documents({"documents": value}, source, numbering="#")
    else:
        reason = f"the JSON is {_json_type(value)}: an article is an object with 'text' or 'body' (or a list of them)"
        yield Problem(source=source, reason=reason)


def _record_documents(
    record: dict[str, Any], source: str, *, numbered: bool = True, numbering: str = "/"
) -> Iterator[_Document | Problem]:
    """The documents of a cluster record, each named `source`, `numbering` and its number ('file.jsonl#3/2', a JSONL
    record's second document; 'file.json#2', a JSON file's: never 'file.json/2', whose name '2' would stand for an
    outlet), or `source` itself for a single one not `numbered`."""
    documents = record.get("documents")
    if documents is None and isinstance(record.get("document"), str):
        documents = record["document"].split(MULTINEWS_SEPARATOR)
    if not isinstance(documents, list):
        yield Problem(source=source, reason="record has neither 'documents' (list) nor 'document'")
        return
    record_date = _parse_date(record.get("date"))
    yield from _unused_date(record_date, record.get("date"), source)
    doc_ids = record.get("doc_ids")
    newswire = [_newswire_id(i) for i in doc_ids] if isinstance(doc_ids, list) else []
    if len(newswire) != len(documents):
        newswire = [(None, None)] * len(documents)
    for doc_number, (doc, (id_outlet, id_date)) in enumerate(zip(documents, newswire, strict=True), start=1):
        name = f"{source}{numbering}{doc_number}" if numbered else source
        fields = doc if isinstance(doc, dict) else {"text": doc}
        text = _string_field(fields, "text", "body") or ""
        if not text.strip():
            yield Problem(source=name, reason=_empty_document_reason(doc))
            continue
        if len(text) > MAX_ARTICLE_BYTES:  # characters: at least as many bytes, without encoding to count them
            yield Problem(source=name, reason=too_large_reason("document", len(text), MAX_ARTICLE_BYTES))
            continue
        doc_date = _parse_date(fields.get("date"))
        yield from _unused_date(doc_date, fields.get("date"), name)
        for metadata_field in ("title", "outlet", "source_name"):
            if fields.get(metadata_field) is not None and not isinstance(fields[metadata_field], str):
                yield Problem(
                    source=name,
                    reason=unused_value_reason(metadata_field, fields[metadata_field], "not text"),
                    severity="warning",
                )
        yield _Document(
            source=name,
            raw=text,
            format="html" if _looks_like_html(text) else "jsonl",  # a scraper's record may hold the page itself
            outlet=_string_field(fields, "outlet", "source_name") or id_outlet,
            title=_string_field(fields, "title"),
            published=doc_date or id_date or record_date,
        )


def _empty_document_reason(doc: object) -> str:
    """Why a JSONL document gave no text: empty, no text field, or a JSON value of another type where text should be."""
    if isinstance(doc, dict) and not {"text", "body"} & doc.keys():
        return "document in JSONL record has no 'text' field; skipped"
    value = doc.get("text", doc.get("body")) if isinstance(doc, dict) else doc
    if isinstance(value, str):
        return "empty document in JSONL record"
    return f"document in JSONL record is {_json_type(value)}, not text; skipped"


def _json_type(value: object) -> str:
    names = {bool: "true/false", int: "a number", float: "a number", str: "a string", list: "a list", dict: "an object"}
    return "null" if value is None else names.get(type(value), type(value).__name__)


def _pick_record(
    lines: Iterable[str], source: str, cluster: int | str | None
) -> tuple[dict[str, Any] | None, int, list[str]]:
    """The wanted record, its 0-based line number, and why each line passed that was not a record was skipped.

    The record whose `id` is `cluster` wins, a number too ('7' picks {"id": "7"} wherever it is); else a number
    (an int, or a str of digits) picks the record on that 0-based line; None picks the first record.
    """
    skipped: list[str] = []
    index = _line_index(cluster)
    may_hold_id = _id_filter(cluster)
    on_line: tuple[dict[str, Any], int] | None = None  # the record at `index`, if no record has the id
    for number, line in enumerate(lines):
        if not line.strip() or not (number == index or may_hold_id(line)):
            continue
        record, not_json = _parsed_line(line, number)
        if not_json:
            skipped.append(not_json)
            continue
        if not isinstance(record, dict):
            # Said, as a line that is not JSON is: otherwise the brief is of a later line, or "no record found".
            skipped.append(f"line {number + 1} is {_json_type(record)}, not a JSON object; skipped")
            continue
        if cluster is None or ("id" in record and str(record["id"]) == str(cluster)):
            return record, number, skipped
        if number == index:
            on_line = (record, number)
    return (*on_line, skipped) if on_line is not None else (None, -1, skipped)


def _line_index(cluster: int | str | None) -> int | None:
    """The 0-based line a `cluster` of digits names, for when no record has it as its id."""
    if isinstance(cluster, str):
        return int(cluster) if cluster.isascii() and cluster.isdigit() else None
    return cluster


def _id_filter(cluster: int | str | None) -> Callable[[str], bool]:
    """Whether a line may hold the record whose id is `cluster`, without parsing it: for a number, an '"id": 7' or
    '"id": "7"' in the line, or any escape ('"\\u0037"' is "7" too), so that '--cluster 4000' of a 5,000-line file
    parses one line and not every one; any line may hold another id (or the first record, for None)."""
    index = _line_index(cluster)
    if index is None:
        return lambda line: True
    pattern = re.compile(rf'"id"\s*:\s*"?0*{index}"?\s*[,}}]')
    return lambda line: "\\u" in line or pattern.search(line) is not None


def _string_field(fields: dict[str, Any], *names: str) -> str | None:
    """The first of `names` that holds a non-empty string; other JSON types are ignored, not trusted."""
    for name in names:
        value = fields.get(name)
        if isinstance(value, str) and value.strip():
            return value
    return None


def _parse_date(value: object) -> dt.date | None:
    if not isinstance(value, str):
        return None
    try:
        return day_of(value)
    except ValueError:
        return None


def day_of(value: str) -> dt.date:
    """'2019-03-08T12:00:00Z' → 2019-03-08: the day an ISO date or date-time names, as written (no time zone applied),
    as a record's date, the web API's and `--date` are read.

    Raises:
        ValueError: `value` is neither; "2019-03-08 garbage" too, which its first ten characters would have dated.
    """
    return dt.datetime.fromisoformat(value.strip()).date()


def _unused_date(parsed: dt.date | None, value: object, source: str) -> Iterator[Problem]:
    """A warning when a record's or a document's `date` field `value` holds something (null or '' hold nothing) that
    `_parse_date` could not read (`parsed` is None)."""
    if parsed is None and value is not None and not (isinstance(value, str) and not value.strip()):
        yield Problem(source=source, reason=unused_value_reason("date", value, NOT_A_DATE), severity="warning")


NOT_A_DATE = "not a date (YYYY-MM-DD)"
_SHOWN_CHARS = 40
"""How much of a value left out a warning quotes: enough to find it, not a 500-character title again."""


def unused_value_reason(field: str, value: object, why: str) -> str:
    """The warning for an article's metadata value that is left out while the article is read:
    'date "March 8" not used: not a date (YYYY-MM-DD)'."""
    if isinstance(value, str) and len(value) > _SHOWN_CHARS:
        shown = f"{json.dumps(value[:_SHOWN_CHARS] + '…', ensure_ascii=False)} ({len(value)} characters)"
    else:  # a list or an object is cut as written: '["a", "b", …'
        shown = json.dumps(value, ensure_ascii=False)
        shown = shown if len(shown) <= _SHOWN_CHARS else shown[:_SHOWN_CHARS] + "…"
    return f"{field} {shown} not used: {why}"


# LDC newswire document ids carry the service and the day of issue (DUC, TAC, Gigaword): APW19981017.0477,
# NYT19990224.0396.
_NEWSWIRE_ID = re.compile(r"([A-Z]{3})(\d{4})(\d{2})(\d{2})\.\d{4}")
NEWSWIRE_SERVICES = {
    "AFP": "Agence France-Presse",
    "AFE": "Agence France-Presse",
    "APW": "Associated Press",
    "APE": "Associated Press",
    "NYT": "The New York Times",
    "XIE": "Xinhua",
    "XIN": "Xinhua",
}
"""The LDC codes of the news services whose name is unambiguous (LTW, the Los Angeles Times-Washington Post wire,
is two papers)."""


def _newswire_id(doc_id: object) -> tuple[str | None, dt.date | None]:
    """The outlet and the day of issue an LDC document id gives, each None when it gives none. Without it, a wire
    story is named after a publication its text cites (a DUC New York Times story quoting "a New York Times/CBS
    News Poll" was "CBS News"), or not at all."""
    match = _NEWSWIRE_ID.fullmatch(doc_id) if isinstance(doc_id, str) else None
    if match is None:
        return None, None
    service, *day = match.groups()
    return NEWSWIRE_SERVICES.get(service), _parse_date("-".join(day))


@dataclass(frozen=True)
class _Parsed:
    text: str
    outlet: str | None = None
    title: str | None = None
    published: dt.date | None = None
    left_out: tuple[str, ...] = ()  # headings (or openings) of the page's other articles, which are not read


def _parse(doc: _Document) -> _Parsed:
    if doc.format == "html":
        return _parse_html(doc.raw)
    if doc.format == "markdown":
        return _parse_markdown(doc.raw)
    return _Parsed(text=doc.raw)


_FRONT_MATTER = re.compile(r"\A\ufeff?---[ \t]*\n(?P<fields>.*?)\n(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.DOTALL)
_BLOCK_SCALARS = frozenset({">", "|", ">-", "|-", ">+", "|+"})
_FRONT_MATTER_FIELD = re.compile(r"^(?P<key>[A-Za-z_]+)[ \t]*:[ \t]*(?P<value>\S.*?)[ \t]*$", re.MULTILINE)


def _parse_markdown(markdown: str) -> _Parsed:
    """A Markdown file's text without its markup (emphasis, links but their words, images, code), one line per
    paragraph, heading or list item, and the title, outlet and date its YAML front matter gives."""
    markdown = markdown.replace("\r\n", "\n")
    front = _FRONT_MATTER.match(markdown)
    fields: dict[str, str] = {}
    if front is not None:
        for field in _FRONT_MATTER_FIELD.finditer(front["fields"]):
            if field["value"] not in _BLOCK_SCALARS:  # 'title: >' and the lines below it: not read
                fields.setdefault(field["key"].lower(), field["value"].strip("'\""))
        markdown = markdown[front.end() :]
    return _Parsed(
        text=_markdown_text(markdown),
        outlet=fields.get("outlet") or fields.get("publisher") or fields.get("source"),
        title=fields.get("title"),
        published=_parse_date(fields.get("date") or fields.get("published")),
    )


def _markdown_text(markdown: str) -> str:
    """Markdown's words: a line per paragraph, heading, list item and table row (its cells side by side); an
    indented block is read as text, as news writers indent paragraphs far more often than they show code."""
    from markdown_it import MarkdownIt

    lines: list[str] = []
    row: list[str] | None = None  # the cells of the table row being read
    for token in MarkdownIt("commonmark").enable("table").parse(markdown):
        if token.type == "tr_open":
            row = []
        elif token.type == "tr_close" and row is not None:
            lines.append(" ".join(filter(None, row)))
            row = None
        elif token.type == "code_block":
            lines += filter(None, (" ".join(line.split()) for line in token.content.splitlines()))
        elif token.type == "html_block":  # a block of HTML, and the Markdown lines up to the next blank line
            lines += _fragment_text(token.content).splitlines()
        elif token.type == "inline" and token.children is not None:
            words = "".join(_INLINE_TEXT.get(child.type, lambda c: "")(child) for child in token.children)
            found = [line for line in (" ".join(line.split()) for line in words.splitlines()) if line]
            if row is not None:
                row += found
            else:
                lines += found
    return "\n".join(lines)


_LINE_BREAK_TAG = re.compile(r"<br\s*/?>", re.IGNORECASE)
_INLINE_TEXT: dict[str, Callable[[Any], str]] = {
    "text": lambda token: token.content,
    "code_inline": lambda token: token.content,
    "softbreak": lambda token: " ",
    "hardbreak": lambda token: "\n",
    "html_inline": lambda token: "\n" if _LINE_BREAK_TAG.fullmatch(token.content) else "",
}
"""What each inline token of markdown-it gives of a paragraph's words: a line break for `<br>`; others (an image,
other inline HTML) give none."""


_XML_DECLARATION = re.compile(r"\s*<\?xml[^>]*\?>")


def _parse_html(html: str) -> _Parsed:
    import htmldate
    import trafilatura

    # An XHTML page's '<?xml … encoding="utf-8"?>': lxml refuses a decoded str that declares an encoding, and
    # trafilatura then finds no text at all.
    html = _XML_DECLARATION.sub("", html[:1000], count=1) + html[1000:]

    from trafilatura.deduplication import LRU_SIZE, LRUCache

    # A cache of this page's own segments: with `deduplicate=True`, trafilatura counts every paragraph in one cache
    # for the whole process, and a page read a fourth time (the web app, a test suite) came out empty.
    seen = LRUCache(maxsize=LRU_SIZE)
    if _is_fragment(html):  # no page around it to tell the article from, so all its text is read (its first article's)
        text = _fragment_text(_first_of_articles(html) or html)
    else:
        text = trafilatura.extract(html, include_comments=False, include_tables=False, deduplicate=seen) or ""
    # Only the title and site name are read: trafilatura's own date search (`extensive`: dateparser over the page's
    # text, whose first use compiles its patterns for every language, 20 s on a 2 MB page) is htmldate's, below.
    metadata = trafilatura.extract_metadata(html, extensive=False)
    found = htmldate.find_date(html, original_date=True, extensive_search=False)
    return _Parsed(
        text=text,
        outlet=(metadata.sitename or None) if metadata else None,
        title=(metadata.title or None) if metadata else None,
        published=dt.date.fromisoformat(found) if found else None,
        left_out=_other_articles(html, text),
    )


def _fragment_text(html: str) -> str:
    """The text of a piece of a page, one line per text block (paragraph, heading, list item, table row, line break),
    without its scripts and styles."""
    import lxml.html

    root = lxml.html.fromstring(f"<div>{html}</div>")
    for hidden in root.xpath("//script|//style|//noscript|//template"):
        hidden.drop_tree()
    for element in root.iter(_TEXT_BLOCKS):
        element.tail = "\n" + (element.tail or "")
    for cell in root.iter("td", "th"):
        cell.tail = " " + (cell.tail or "")
    lines = (" ".join(line.split()) for line in root.text_content().splitlines())
    return "\n".join(line for line in lines if line)


_TEXT_BLOCKS = ("p", "div", "br", "li", "blockquote", "h1", "h2", "h3", "h4", "h5", "h6", "tr")


MIN_OTHER_ARTICLE_WORDS = 50
"""Words an `<article>` element of a page needs to count as an article left out (`_other_articles`): pages wrap each
teaser card of a "related stories" box in one too, with a headline and a line or two."""


def _first_of_articles(html: str) -> str | None:
    """The HTML of the first of a page piece's top-level `<article>` elements when it holds two or more of
    `MIN_OTHER_ARTICLE_WORDS` words or more (the others are named by `_other_articles`), else None."""
    import lxml.html

    articles = [
        element
        for element in _top_level_articles(f"<div>{html}</div>")
        if len(element.text_content().split()) >= MIN_OTHER_ARTICLE_WORDS
    ]
    return lxml.html.tostring(articles[0], encoding="unicode") if len(articles) >= 2 else None


def _other_articles(html: str, text: str) -> tuple[str, ...]:
    """The page's top-level `<article>` elements of `MIN_OTHER_ARTICLE_WORDS` or more that trafilatura, which keeps
    one main text, left out (none of their paragraphs in `text`), each named by its heading or opening words."""
    others = []
    for element in _top_level_articles(html):
        paragraphs = [" ".join(p.split()) for p in element.itertext() if len(p.split()) >= 5]
        if sum(len(p.split()) for p in paragraphs) < MIN_OTHER_ARTICLE_WORDS or any(p in text for p in paragraphs):
            continue
        heading = element.xpath("string(.//*[self::h1 or self::h2 or self::h3][1])").strip()
        others.append(" ".join(heading.split()) or " ".join(paragraphs[0].split()[:8]) + " …")
    return tuple(others)


def _top_level_articles(html: str) -> list[Any]:
    """The `<article>` elements of a page (or a piece of one in a single root) not inside another, when it holds two
    or more `<article` tags; else none, without parsing it."""
    if html.count("<article") < 2:
        return []
    import lxml.html

    return list(lxml.html.fromstring(html).xpath("//article[not(ancestor::article)]"))
