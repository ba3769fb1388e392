"""Keep briefs in SQLite: save, list, load and delete them, with crash-safe writes and schema migrations.

One database file holds a `briefs` table (one row per brief: its options, with `words` as a column of its own,
and the whole `Brief` as JSON) and an `articles` table (one row per article of a brief: outlet, title, source,
date, cleaned body and, when `save` was given the loaded articles, the raw input). The `Brief` JSON is what
`get` returns; the article rows are there to be queried and to keep the raw text, which a `Brief` does not hold.

Each cleaned body is therefore stored twice, on purpose: in the JSON (`ArticleInfo.body`), because the summary's
spans index into it and `get` returns the brief whole without a join; and in `articles.body`, which storyline
itself never reads back, so that the articles can be searched with plain SQL without parsing every brief's JSON.

Every write is one transaction in WAL mode, so a process killed mid-write leaves either the whole brief or none
of it. The schema version lives in `PRAGMA user_version`; opening a store applies the missing `MIGRATIONS`, in
order, in one transaction.
"""

from __future__ import annotations

import builtins
import datetime as dt
import logging
import os
import secrets
import sqlite3
import string
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from types import TracebackType

import platformdirs
from pydantic import BaseModel, ConfigDict, Field, ValidationError

from storyline.errors import BriefNotFound, StoreError
from storyline.models import Article, Brief

MIGRATIONS: tuple[tuple[str, ...], ...] = (
    (
        """CREATE TABLE briefs (
            id TEXT PRIMARY KEY,
            created_at TEXT NOT NULL,
            title TEXT,
            words INTEGER NOT NULL,
            options TEXT NOT NULL,
            brief TEXT NOT NULL,
            schema_version TEXT NOT NULL
        )""",
        """CREATE TABLE articles (
            brief_id TEXT NOT NULL REFERENCES briefs (id) ON DELETE CASCADE,
            id TEXT NOT NULL,
            source TEXT NOT NULL,
            outlet TEXT,
            title TEXT,
            published TEXT,
            body TEXT NOT NULL,
            raw TEXT,
            PRIMARY KEY (brief_id, id)
        )""",
        "CREATE INDEX briefs_created_at ON briefs (created_at)",
    ),
)
"""Schema changes, oldest first; the database's `user_version` is the number of them already applied."""

ID_ALPHABET = string.ascii_lowercase + string.digits
"""Brief ids use no '-' or '_': an id starting with '-' would read as an option on the command line."""
ID_LENGTH = 10

OTHER_STORE_ADVICE = "use another store file"
"""The advice of StoreError messages names no command or option: the same message reaches the command line (which
adds its --db option to this phrase), the web app's users (who cannot choose the store) and Python callers."""
_ADVICE = {
    "SQLITE_NOTADB": f"move this file away or {OTHER_STORE_ADVICE}",
    "SQLITE_BUSY": "another process is writing to it; let that process finish, then retry",
    "SQLITE_LOCKED": "another process is writing to it; let that process finish, then retry",
    "SQLITE_READONLY": f"make the file and its folder writable, or {OTHER_STORE_ADVICE}",
    "SQLITE_CANTOPEN": f"check that its folder exists and is writable, or {OTHER_STORE_ADVICE}",
    "SQLITE_FULL": "free some disk space, then retry",
    "SQLITE_CORRUPT": f"restore the file from a backup or {OTHER_STORE_ADVICE}",
}


_NOT_A_BRIEF = {"json_invalid", "model_type"}
"""pydantic's error types for a saved brief that is not JSON, or JSON but no object: a damaged row, where the other
types (a missing or mistyped field) are a brief saved by an older storyline."""

logger = logging.getLogger(__name__)


def default_path() -> Path:
    """The store used when no path is given: `briefs.sqlite3` in the user's data folder for storyline."""
    return platformdirs.user_data_path("storyline") / "briefs.sqlite3"


class BriefSummary(BaseModel):
    """One line of `BriefStore.list()`: enough to pick a brief without loading it."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    id: str
    created_at: dt.datetime = Field(description="When the brief was saved, in UTC.")
    title: str | None
    n_articles: int
    words: int = Field(description="Word budget the brief was made with.")


def _utc_now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


class BriefStore:
    """Briefs in one SQLite file.

    Use it as a context manager, or call `close()`:

        with BriefStore("briefs.sqlite3") as store:
            brief_id = store.save(storyline.brief(["examples/"]))
            same = store.get(brief_id)

    Every sqlite3 error is raised as `StoreError`, whose message names the file and what to do.
    """

    def __init__(
        self,
        path: str | Path | None = None,
        *,
        timeout_s: float = 5.0,
        clock: Callable[[], dt.datetime] = _utc_now,
        create: bool = True,
    ) -> None:
        """Open the store at `path`, creating it and its folder if needed, and bring its schema up to date.

        Args:
            path: The database file; `default_path()` when None.
            timeout_s: How long to wait for another process's write lock before giving up.
            clock: Returns the time recorded as a brief's `created_at`.
            create: Create a missing file and its folder. False, for reading or deleting briefs, refuses a missing
                file: a mistyped path is said, not made into an empty store.

        Raises:
            StoreError: the file cannot be created or opened, is missing (with `create` False), is a folder or not a
                SQLite database, or was written by a newer storyline.
        """
        self.path = Path(path) if path is not None else default_path()
        self._clock = clock
        if self.path.is_dir():
            # SQLite says only "unable to open database file", which reads as a missing or locked-down folder.
            raise StoreError(
                f"{self.path} is a folder, not a store file; give a file, such as {self.path / 'briefs.sqlite3'}, "
                f"or {OTHER_STORE_ADVICE}"
            )
        if create:
            self._make_folder()
        elif not self.path.exists():
            raise StoreError(f"no store at {self.path}; check the path, or save a brief there first")
        with self._errors("open"):
            # Autocommit mode: transactions are opened explicitly, so a migration or a save is all or nothing.
            # Without `create`, SQLite's mode=rw also refuses a file removed since the check above.
            target = self.path if create else f"{self.path.absolute().as_uri()}?mode=rw"
            self._conn = sqlite3.connect(target, timeout=timeout_s, isolation_level=None, uri=not create)
        # Text another program wrote as bytes that are not UTF-8 reads with U+FFFD in their place: one damaged title
        # must not make `list` fail for every brief in the store.
        self._conn.text_factory = lambda raw: raw.decode("utf-8", errors="replace")
        try:
            with self._errors("open"):
                self._conn.execute("PRAGMA foreign_keys = ON")
                self._check_is_ours(self._user_version())  # before WAL, which would change a file we must refuse
                self._conn.execute("PRAGMA journal_mode = WAL")
                self._migrate()
        except StoreError:
            self._conn.close()
            raise

    def _make_folder(self) -> None:
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise StoreError(
                f"cannot create the folder {self.path.parent} for the store {self.path}: {exc.strerror or exc}; "
                f"{OTHER_STORE_ADVICE}"
            ) from exc

    def __enter__(self) -> BriefStore:
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()

    def close(self) -> None:
        """Close the database connection."""
        self._conn.close()

    def save(self, brief: Brief, articles: Iterable[Article] = ()) -> str:
        """Save a brief, all of it or (if the process dies mid-write) none of it.

        Args:
            brief: The brief to keep.
            articles: The articles as loaded (`storyline.load_articles(...).articles`), to keep their raw text;
                an article of the brief is matched by its `source`. Articles of the brief with no match are
                saved without raw text.

        Returns:
            The new brief's id: 10 lowercase letters and digits.

        Raises:
            StoreError: the database cannot be written.
        """
        raw_by_source = {article.source: article.raw for article in articles}
        brief_id = "".join(secrets.choice(ID_ALPHABET) for _ in range(ID_LENGTH))
        created_at = self._clock().astimezone(dt.UTC).isoformat(timespec="seconds")
        article_rows = [
            (
                brief_id,
                info.id,
                info.source,
                info.outlet,
                info.title,
                info.published.isoformat() if info.published else None,
                info.body,
                raw_by_source.get(info.source),
            )
            for info in brief.story.articles
        ]
        with self._errors("save a brief to"), self._transaction():
            self._conn.execute(
                "INSERT INTO briefs (id, created_at, title, words, options, brief, schema_version)"
                " VALUES (?, ?, ?, ?, ?, ?, ?)",
                (
                    brief_id,
                    created_at,
                    brief.story.title,
                    brief.options.words,
                    brief.options.model_dump_json(),
                    brief.model_dump_json(),
                    brief.schema_version,
                ),
            )
            self._conn.executemany(
                "INSERT INTO articles (brief_id, id, source, outlet, title, published, body, raw)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                article_rows,
            )
        return brief_id

    def list(self, *, on_unreadable: Callable[[str], None] | None = None) -> builtins.list[BriefSummary]:
        """Summaries of every saved brief whose row can be read, newest first.

        Args:
            on_unreadable: Called with a message naming each brief whose row cannot be read (written by another
                program, or edited by hand), which is left out: one such row must not hide every other brief.
                Default: the message is logged as a warning.

        Raises:
            StoreError: the database cannot be read.
        """
        notify = on_unreadable or (lambda message: logger.warning("%s", message))
        with self._errors("read"):
            rows = self._conn.execute(
                "SELECT b.id, b.created_at, b.title, b.words,"
                " (SELECT count(*) FROM articles AS a WHERE a.brief_id = b.id)"
                " FROM briefs AS b ORDER BY b.created_at DESC, b.rowid DESC"
            ).fetchall()
        summaries = []
        for brief_id, created_at, title, words, n_articles in rows:
            try:
                summaries.append(
                    BriefSummary(
                        id=brief_id,
                        created_at=dt.datetime.fromisoformat(created_at),
                        title=title,
                        words=words,
                        n_articles=n_articles,
                    )
                )
            except (TypeError, ValueError):
                notify(
                    f"brief {brief_id!r} in {self.path} has an unreadable row (saved at {created_at!r}, {words!r} "
                    "words); left out of the list: delete that brief or restore the file from a backup"
                )
        return summaries

    def get(self, brief_id: str) -> Brief:
        """The saved brief with id `brief_id`, equal to the one saved.

        Raises:
            BriefNotFound: no brief has this id.
            StoreError: the brief no longer fits the `Brief` model, or the database cannot be read.
        """
        with self._errors("read"):
            row = self._conn.execute("SELECT brief, schema_version FROM briefs WHERE id = ?", (brief_id,)).fetchone()
        if row is None:
            raise self.not_found(brief_id)
        try:
            return Brief.model_validate_json(row[0])
        except ValidationError as exc:
            if {error["type"] for error in exc.errors()} & _NOT_A_BRIEF:
                raise StoreError(
                    f"brief {brief_id!r} in {self.path} is corrupt: its saved JSON is not a brief (written by another "
                    "program, or edited by hand); delete it or restore the file from a backup"
                ) from exc
            misfits = "1 field does not fit" if exc.error_count() == 1 else f"{exc.error_count()} fields do not fit"
            raise StoreError(
                f"brief {brief_id!r} in {self.path} was saved with brief schema version {row[1]} and no longer "
                f"loads ({misfits}); make it again and save it"
            ) from exc

    def not_found(self, brief_id: str) -> BriefNotFound:
        """The error `get` raises for an id no brief has; for a caller of `delete` to raise on False in its words.
        It names no way to list the ids: each caller (command line, web app) has its own."""
        return BriefNotFound(f"no brief with id {brief_id!r} in {self.path}")

    def delete(self, brief_id: str) -> bool:
        """Delete a brief and its articles.

        Returns:
            True if a brief with this id existed; False if none did, for the caller to report or not.

        Raises:
            StoreError: the database cannot be written.
        """
        with self._errors("delete a brief from"), self._transaction():
            # Its article rows go with it: ON DELETE CASCADE, with foreign keys switched on at open.
            deleted = self._conn.execute("DELETE FROM briefs WHERE id = ?", (brief_id,)).rowcount
        return deleted > 0

    def _migrate(self) -> None:
        known = len(MIGRATIONS)
        if self._user_version() == known:
            return
        with self._transaction():
            # Read again under the write lock: another process may have migrated since the first read.
            version = self._user_version()
            self._check_is_ours(version)
            for statements in MIGRATIONS[version:]:
                for statement in statements:
                    self._conn.execute(statement)
            self._conn.execute(f"PRAGMA user_version = {known}")

    def _check_is_ours(self, version: int) -> None:
        """Refuse a database this storyline must not write to: a newer store's, or another program's."""
        known = len(MIGRATIONS)
        if version > known:
            raise StoreError(
                f"{self.path} has store schema version {version}, newer than this storyline knows ({known}); "
                f"upgrade storyline or {OTHER_STORE_ADVICE}"
            )
        if version == 0 and self._conn.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]:
            # A storyline store has its version from its first transaction on: tables without one belong to another
            # program, whose database must not get ours added.
            raise StoreError(
                f"{self.path} is a SQLite database but not a storyline store (it holds other tables); "
                f"{OTHER_STORE_ADVICE}"
            )

    def _user_version(self) -> int:
        version: int = self._conn.execute("PRAGMA user_version").fetchone()[0]
        return version

    @contextmanager
    def _transaction(self) -> Iterator[None]:
        # IMMEDIATE takes the write lock up front, so a busy database fails (after timeout_s) before any write.
        self._conn.execute("BEGIN IMMEDIATE")
        try:
            yield
            self._conn.execute("COMMIT")
        except BaseException:
            # SQLite rolls back by itself after some errors (a full disk); a second ROLLBACK would fail.
            if self._conn.in_transaction:
                self._conn.execute("ROLLBACK")
            raise

    @contextmanager
    def _errors(self, doing: str) -> Iterator[None]:
        try:
            yield
        except sqlite3.Error as exc:
            name = getattr(exc, "sqlite_errorname", "")
            if name.startswith("SQLITE_CANTOPEN") and self._folder_is_read_only():
                raise StoreError(self._read_only_folder_message(doing)) from exc
            advice = next((text for code, text in _ADVICE.items() if name.startswith(code)), "check the file")
            raise StoreError(f"cannot {doing} {self.path}: {exc}; {advice}") from exc

    def _folder_is_read_only(self) -> bool:
        folder = self.path.absolute().parent
        return folder.is_dir() and not os.access(folder, os.W_OK)

    def _read_only_folder_message(self, doing: str) -> str:
        """Why a store in a read-only folder cannot be opened even to read it. SQLite reads a WAL store through a
        '-wal' and a '-shm' file it makes beside it; its read-only modes were not used: `mode=ro` needs them too, and
        `immutable=1` would read a store another user is writing (and checkpointing) as if nothing changed."""
        return (
            f"cannot {doing} {self.path}: its folder {self.path.absolute().parent} is read-only, and SQLite writes "
            "two files beside a store (its '-wal' and '-shm') even to read it; make the folder writable, or "
            f"{OTHER_STORE_ADVICE}, such as a copy of this one in a writable folder"
        )
