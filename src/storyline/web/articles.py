"""Turn what a browser or an API client sends (pasted text, uploaded bytes) into `Article`s, never touching disk.

Uploads are read in memory by the rules the command line reads a file it is given by: decoded with
`storyline.ingest.decode`, then read by `storyline.ingest.load_file_text`, whose only use of the file name is its
suffix (JSONL, HTML or text); a file that cannot be read is skipped with a problem, as there. Text sent as such goes
through `load_articles` like the CLI's stdin, so pasted HTML, JSONL clusters and `|||||`-joined Multi-News documents
are read the same way.
"""

from __future__ import annotations

import datetime as dt
import gzip
import io
import zlib
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import PurePosixPath

from storyline.errors import InputError
from storyline.ingest import (
    JSONL_SUFFIXES,
    MAX_ARTICLE_BYTES,
    LoadResult,
    decode,
    encoding_notes,
    file_suffix,
    load_articles,
    load_file_text,
    too_large_reason,
    unreadable_jsonl_reason,
)
from storyline.models import Problem
from storyline.outlets import UPLOAD_SOURCE_PREFIX

UPLOAD_SUFFIXES = (
    ".txt",
    ".text",
    ".md",
    ".markdown",
    ".html",
    ".htm",
    ".xhtml",
    ".json",
    ".jsonl",
    ".ndjson",
    ".jsonl.gz",
)
"""What the file chooser offers: what the command line reads from a folder (`ingest.ARTICLE_SUFFIXES`, which a test
holds equal). A file of another name is still read by its content, as a file named on the command line is."""
MAX_UNPACKED_BYTES = MAX_ARTICLE_BYTES
"""Largest `.jsonl.gz` upload once unpacked: a few megabytes can unpack to gigabytes, read in memory."""
MAX_LABEL_CHARS = 120


@dataclass(frozen=True)
class TextInput:
    """One article as sent: its text (None when it could not be read as text), whatever the sender said about it,
    problems met reading it, and for an uploaded file its name, which says how its text is read."""

    label: str
    text: str | None
    title: str | None = None
    outlet: str | None = None
    published: dt.date | None = None
    problems: tuple[Problem, ...] = ()
    file_name: str | None = None


def upload_label(filename: str) -> str:
    """'upload nbc.txt': a label for an uploaded file, from the last part of its name only."""
    name = PurePosixPath(filename.replace("\\", "/")).name or "file"
    return f"{UPLOAD_SOURCE_PREFIX}{name[:MAX_LABEL_CHARS]}"


def read_upload(filename: str, data: bytes) -> TextInput:
    """Decode an uploaded file in memory, by the rules `load_articles` reads a file named on the command line by.

    A file that cannot be read (empty, binary, over the size limit, a `.jsonl.gz` that does not unpack) gives no
    text and a problem saying why: it is skipped, and the other articles are briefed, as on the command line.

    Args:
        filename: The name the browser sent; a label, and its suffix says whether the file is a JSONL cluster (or
            a gzipped one). Never a path.
        data: The file's bytes.

    Returns:
        The text to brief and the notes on its encoding, or no text and the problem.
    """
    label = upload_label(filename)
    suffix = file_suffix(filename)
    try:
        if suffix == ".jsonl.gz":
            data = _gunzip(data)
        elif suffix not in JSONL_SUFFIXES and len(data) > MAX_ARTICLE_BYTES:
            # The command line's limit for one article file; JSONL clusters are read record by record there.
            raise InputError(too_large_reason("file", len(data), MAX_ARTICLE_BYTES))
        text, encoding = decode(data)
    except InputError as unreadable:
        return TextInput(label=label, text=None, problems=(Problem(source=label, reason=str(unreadable)),))
    return TextInput(label=label, text=text, problems=tuple(encoding_notes(label, encoding)), file_name=filename)


def _gunzip(data: bytes) -> bytes:
    """An uploaded `.jsonl.gz` file's bytes unpacked, reading no more than `MAX_UNPACKED_BYTES` (and one byte).

    Raises:
        InputError: the bytes are not gzip, are cut short, or unpack to more than `MAX_UNPACKED_BYTES`.
    """
    try:
        with gzip.GzipFile(fileobj=io.BytesIO(data)) as packed:
            unpacked = packed.read(MAX_UNPACKED_BYTES + 1)
    except (OSError, EOFError, zlib.error) as exc:  # not gzip, cut short or damaged
        raise InputError(f"cannot read JSONL: {unreadable_jsonl_reason(exc)}") from exc  # as `load_articles` says it
    if len(unpacked) > MAX_UNPACKED_BYTES:
        raise InputError(f"unpacks to more than {MAX_UNPACKED_BYTES / 1e6:.1f} MB, the most read from one upload")
    return unpacked


def load_texts(inputs: Sequence[TextInput]) -> LoadResult:
    """Read each text as an article (or, for a JSONL cluster or `|||||`-joined text, several).

    Args:
        inputs: Texts with labels; a label becomes the article's `source`.

    Returns:
        The articles, with ids a1, a2, … and the sender's title, outlet and date where given, and the problems.
    """
    result = LoadResult()
    for item in inputs:
        result.problems += item.problems
        if item.text is None:
            continue
        loaded = _load_text(item.text, item.file_name)
        overrides = {"title": item.title, "outlet": item.outlet, "published": item.published}
        given = {key: value for key, value in overrides.items() if value is not None}
        for article in loaded.articles:
            update = {"id": f"a{len(result.articles) + 1}", "source": _relabel(article.source, item.label), **given}
            result.articles.append(article.model_copy(update=update))
        result.problems += [p.model_copy(update={"source": _relabel(p.source, item.label)}) for p in loaded.problems]
    return result


_TEXT_SOURCE = "text 1"
"""What `load_articles` names the first literal text it reads; `_relabel` puts the input's label in its place."""


def _load_text(text: str, file_name: str | None) -> LoadResult:
    """An uploaded file's text as `load_articles` reads that file; text sent as such as it reads standard input."""
    if file_name is not None:
        return load_file_text(text, name=file_name, source=_TEXT_SOURCE)
    if len(text) > MAX_ARTICLE_BYTES:  # characters, at least as many bytes: standard input's limit
        too_large = too_large_reason("text", len(text), MAX_ARTICLE_BYTES)
        return LoadResult(problems=[Problem(source=_TEXT_SOURCE, reason=too_large)])
    # A one-line text that looks like a path would be read from disk by load_articles; a newline makes sure
    # client text is only ever text.
    return load_articles([text if "\n" in text else text + "\n"])


def _relabel(source: str, label: str) -> str:
    """'text 1#2/3' → 'upload cluster.jsonl#2/3'."""
    return label + source.removeprefix(_TEXT_SOURCE)
