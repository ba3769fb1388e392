"""Turn what a browser or an API client sends (pasted text, uploaded bytes) into `Article`s, never touching disk.

Uploads are read in memory and decoded with `storyline.ingest.decode`; a file name is only a label. Text goes
through `load_articles` like the CLI's stdin, so pasted HTML, JSONL clusters and `|||||`-joined Multi-News
documents are read the same way.
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
    load_jsonl_text,
)
from storyline.models import Problem
from storyline.web.errors import UnsupportedUpload

UPLOAD_SUFFIXES = (".txt", ".text", ".md", ".html", ".htm", ".xhtml", ".jsonl", ".ndjson", ".jsonl.gz")
"""What the upload field accepts: what the command line reads (`ingest.ARTICLE_SUFFIXES`, which a test holds equal):
plain text, HTML pages and JSONL clusters, gzipped too."""
MAX_UNPACKED_BYTES = MAX_ARTICLE_BYTES
"""Largest `.jsonl.gz` upload once unpacked: a few megabytes can unpack to gigabytes, read in memory."""
MAX_LABEL_CHARS = 120


@dataclass(frozen=True)
class TextInput:
    """One article as sent: its text, whatever the sender said about it, and problems met reading it."""

    label: str
    text: str
    title: str | None = None
    outlet: str | None = None
    published: dt.date | None = None
    problems: tuple[Problem, ...] = ()
    is_jsonl: bool = False


def upload_label(filename: str) -> str:
    """'upload nbc.txt': a label for an uploaded file, from the last part of its name only."""
    name = PurePosixPath(filename.replace("\\", "/")).name or "file"
    return f"upload {name[:MAX_LABEL_CHARS]}"


def read_upload(filename: str, data: bytes) -> TextInput:
    """Decode an uploaded file in memory.

    Args:
        filename: The name the browser sent; used as a label, never as a path.
        data: The file's bytes.

    Returns:
        The text to brief; an empty file gives empty text, which `load_texts` reports as a problem.

    Raises:
        UnsupportedUpload: the file is not one of `UPLOAD_SUFFIXES`, its bytes are binary, or a `.jsonl.gz` file
            does not unpack (or unpacks to more than `MAX_UNPACKED_BYTES`).
    """
    label = upload_label(filename)
    accepted = ", ".join(UPLOAD_SUFFIXES)
    suffix = file_suffix(filename)
    # A JSONL file is read as records even when its lines do not look like them, as on the command line.
    is_jsonl = suffix in JSONL_SUFFIXES
    if suffix not in UPLOAD_SUFFIXES:
        raise UnsupportedUpload(f"{label}: not an article file; upload {accepted} files")
    if suffix == ".jsonl.gz":
        data = _gunzip(label, data)
    if not data.strip():
        return TextInput(label=label, text="", is_jsonl=is_jsonl)
    try:
        text, encoding = decode(data)
    except InputError as exc:
        raise UnsupportedUpload(f"{label}: {exc}; upload text articles ({accepted})") from exc
    notes = tuple(encoding_notes(label, encoding))
    return TextInput(label=label, text=text, problems=notes, is_jsonl=is_jsonl)


def _gunzip(label: str, data: bytes) -> bytes:
    """An uploaded `.jsonl.gz` file's bytes unpacked, reading no more than `MAX_UNPACKED_BYTES` (and one byte)."""
    try:
        with gzip.GzipFile(fileobj=io.BytesIO(data)) as packed:
            unpacked = packed.read(MAX_UNPACKED_BYTES + 1)
    except (OSError, EOFError, zlib.error) as exc:  # not gzip, or cut short
        raise UnsupportedUpload(f"{label}: not a readable gzip file ({exc})") from exc
    if len(unpacked) > MAX_UNPACKED_BYTES:
        raise UnsupportedUpload(
            f"{label}: unpacks to more than {MAX_UNPACKED_BYTES / 1e6:.1f} MB, the most read from one upload"
        )
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
        # A one-line text that looks like a path would be read from disk by load_articles; a newline makes sure
        # client text is only ever text.
        loaded = (
            load_jsonl_text(item.text, source="text 1")
            if item.is_jsonl and item.text.strip()
            else load_articles([item.text if "\n" in item.text else item.text + "\n"])
        )
        overrides = {"title": item.title, "outlet": item.outlet, "published": item.published}
        given = {key: value for key, value in overrides.items() if value is not None}
        for article in loaded.articles:
            update = {"id": f"a{len(result.articles) + 1}", "source": _relabel(article.source, item.label), **given}
            result.articles.append(article.model_copy(update=update))
        result.problems += item.problems
        result.problems += [p.model_copy(update={"source": _relabel(p.source, item.label)}) for p in loaded.problems]
    return result


def _relabel(source: str, label: str) -> str:
    """'text 1#2/3' → 'upload cluster.jsonl#2/3': load_articles names a literal text 'text 1'."""
    return label + source.removeprefix("text 1")
