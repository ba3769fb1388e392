from __future__ import annotations

import datetime as dt
import json
import os
import re
import sqlite3
import subprocess
import sys
import time
from contextlib import closing
from pathlib import Path

import pytest
from typer.testing import CliRunner

import storyline
from storyline.cli import app
from storyline.errors import BriefNotFound, StoreError
from storyline.models import Brief
from storyline.store import MIGRATIONS, BriefStore

runner = CliRunner()


def _rows(db: Path, sql: str) -> list[tuple[object, ...]]:
    with closing(sqlite3.connect(db)) as conn:
        return conn.execute(sql).fetchall()


def _execute(db: Path, sql: str) -> None:
    with closing(sqlite3.connect(db, isolation_level=None)) as conn:
        conn.execute(sql)


def _ticks(start: dt.datetime):
    """A clock that advances one minute per call, so saves get distinct, known times."""
    calls = iter(range(1000))
    return lambda: start + dt.timedelta(minutes=next(calls))


def test_store_save_list_get_delete_round_trip(seed_brief: Brief, tmp_path: Path) -> None:
    start = dt.datetime(2019, 3, 8, 12, 0, tzinfo=dt.UTC)
    db = tmp_path / "briefs.sqlite3"
    with BriefStore(db, clock=_ticks(start)) as store:
        first = store.save(seed_brief)
        second = store.save(seed_brief.model_copy(update={"options": seed_brief.options.model_copy()}))
        summaries = store.list()
        assert [s.id for s in summaries] == [second, first]  # newest first
        assert summaries[1].created_at == start and summaries[0].created_at == start + dt.timedelta(minutes=1)
        assert {(s.title, s.n_articles, s.words) for s in summaries} == {(seed_brief.story.title, 3, 150)}
        assert store.get(first) == seed_brief
        assert store.delete(first) is True
        assert store.delete(first) is False
        assert [s.id for s in store.list()] == [second]
        with pytest.raises(StoreError, match=f"no brief with id '{first}'"):
            store.get(first)
    # The deleted brief's article rows went with it (ON DELETE CASCADE needs foreign_keys=ON).
    assert _rows(db, "SELECT DISTINCT brief_id FROM articles") == [(second,)]


def test_store_ids_are_short_and_url_safe(seed_brief: Brief, tmp_path: Path) -> None:
    with BriefStore(tmp_path / "briefs.sqlite3") as store:
        ids = [store.save(seed_brief) for _ in range(5)]
    assert len(set(ids)) == 5
    assert all(re.fullmatch(r"[a-z0-9]{10}", brief_id) for brief_id in ids)


def test_store_keeps_articles_raw_text_matched_by_source(seed_brief: Brief, examples_dir: Path, tmp_path: Path) -> None:
    loaded = storyline.load_articles([examples_dir])
    db = tmp_path / "briefs.sqlite3"
    with BriefStore(db) as store:
        with_raw = store.save(seed_brief, loaded.articles)
        without_raw = store.save(seed_brief)
    raw_by_source = {a.source: a.raw for a in loaded.articles}
    rows = _rows(db, f"SELECT source, raw, body, outlet FROM articles WHERE brief_id = '{with_raw}' ORDER BY id")
    assert [(source, raw) for source, raw, _, _ in rows] == [
        (a.source, raw_by_source[a.source]) for a in seed_brief.story.articles
    ]
    assert [(body, outlet) for _, _, body, outlet in rows] == [(a.body, a.outlet) for a in seed_brief.story.articles]
    assert _rows(db, f"SELECT raw FROM articles WHERE brief_id = '{without_raw}'") == [(None,)] * 3


def test_store_uses_wal_and_records_words_and_options(seed_brief: Brief, tmp_path: Path) -> None:
    db = tmp_path / "briefs.sqlite3"
    with BriefStore(db) as store:
        brief_id = store.save(seed_brief)
    assert _rows(db, "PRAGMA journal_mode") == [("wal",)]
    assert _rows(db, "PRAGMA user_version") == [(len(MIGRATIONS),)]
    ((words, options, version),) = _rows(
        db, f"SELECT words, options, schema_version FROM briefs WHERE id = '{brief_id}'"
    )
    assert (words, json.loads(options), version) == (150, seed_brief.options.model_dump(), seed_brief.schema_version)


def test_store_default_path_is_in_user_data_dir(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path))
    with BriefStore() as store:
        assert store.path == tmp_path / "storyline" / "briefs.sqlite3"
    assert store.path.is_file()


def test_store_migrates_older_user_version_keeping_briefs(
    seed_brief: Brief, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    db = tmp_path / "briefs.sqlite3"
    with BriefStore(db) as store:
        brief_id = store.save(seed_brief)
    upgrade = ("ALTER TABLE briefs ADD COLUMN note TEXT NOT NULL DEFAULT 'none'", "CREATE TABLE runs (id TEXT)")
    monkeypatch.setattr("storyline.store.MIGRATIONS", (*MIGRATIONS, upgrade))
    with BriefStore(db) as store:
        assert store.get(brief_id) == seed_brief
    assert _rows(db, "PRAGMA user_version") == [(len(MIGRATIONS) + 1,)]
    assert _rows(db, "SELECT note FROM briefs") == [("none",)]
    assert _rows(db, "SELECT count(*) FROM runs") == [(0,)]


def test_store_failed_migration_changes_nothing(
    seed_brief: Brief, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    db = tmp_path / "briefs.sqlite3"
    BriefStore(db).close()
    broken = ("CREATE TABLE runs (id TEXT)", "ALTER TABLE no_such_table ADD COLUMN x TEXT")
    monkeypatch.setattr("storyline.store.MIGRATIONS", (*MIGRATIONS, broken))
    with pytest.raises(StoreError, match="no such table"):
        BriefStore(db)
    assert _rows(db, "PRAGMA user_version") == [(len(MIGRATIONS),)]
    assert _rows(db, "SELECT name FROM sqlite_master WHERE name = 'runs'") == []


def test_store_refuses_a_newer_schema(tmp_path: Path) -> None:
    db = tmp_path / "briefs.sqlite3"
    _execute(db, f"PRAGMA user_version = {len(MIGRATIONS) + 1}")
    with pytest.raises(StoreError, match=r"newer than this storyline knows \(1\); upgrade storyline"):
        BriefStore(db)
    assert _rows(db, "PRAGMA journal_mode") == [("delete",)]  # left as the newer storyline wrote it


def test_store_refuses_another_programs_database_and_leaves_it_alone(tmp_path: Path) -> None:
    db = tmp_path / "contacts.sqlite3"
    _execute(db, "CREATE TABLE people (name TEXT)")
    with pytest.raises(StoreError, match=r"is a SQLite database but not a storyline store .*use another store file"):
        BriefStore(db)
    assert _rows(db, "SELECT name FROM sqlite_master") == [("people",)]  # no briefs table added to it
    assert _rows(db, "PRAGMA user_version") == [(0,)]
    assert _rows(db, "PRAGMA journal_mode") == [("delete",)]


def test_store_list_leaves_out_and_names_each_row_it_cannot_read(seed_brief: Brief, tmp_path: Path) -> None:
    # One such row made `list` fail for every brief in the store.
    db = tmp_path / "briefs.sqlite3"
    with BriefStore(db) as store:
        damaged, intact = store.save(seed_brief), store.save(seed_brief)
        _execute(db, f"UPDATE briefs SET created_at = 'yesterday' WHERE id = '{damaged}'")  # as another program might
        unreadable: list[str] = []
        assert [s.id for s in store.list(on_unreadable=unreadable.append)] == [intact]
        words = seed_brief.options.words
        assert unreadable == [
            f"brief '{damaged}' in {db} has an unreadable row (saved at 'yesterday', {words} words); left out of the "
            "list: delete that brief or restore the file from a backup"
        ]
        assert store.get(damaged) == seed_brief  # the brief itself is still there


@pytest.mark.parametrize("saved", ["{not json", "[1, 2]"])
def test_store_get_of_a_brief_whose_json_is_damaged_says_it_is_corrupt(
    seed_brief: Brief, tmp_path: Path, saved: str
) -> None:
    # It said the brief was "saved with brief schema version 1 and no longer loads (1 fields do not fit)".
    db = tmp_path / "briefs.sqlite3"
    with BriefStore(db) as store:
        brief_id = store.save(seed_brief)
        _execute(db, f"UPDATE briefs SET brief = '{saved}'")
        with pytest.raises(StoreError) as caught:
            store.get(brief_id)
    assert str(caught.value) == (
        f"brief '{brief_id}' in {db} is corrupt: its saved JSON is not a brief (written by another program, or "
        "edited by hand); delete it or restore the file from a backup"
    )


def test_store_lists_every_brief_when_one_title_is_not_utf8(seed_brief: Brief, tmp_path: Path) -> None:
    db = tmp_path / "briefs.sqlite3"
    with BriefStore(db) as store:
        damaged, intact = store.save(seed_brief), store.save(seed_brief)
        _execute(db, f"UPDATE briefs SET title = CAST(X'4265696A696E67FF' AS TEXT) WHERE id = '{damaged}'")
        titles = {summary.id: summary.title for summary in store.list()}
        assert titles == {damaged: "Beijing\ufffd", intact: seed_brief.story.title}
        assert store.get(intact) == seed_brief


def test_store_garbage_file_is_a_clear_store_error(tmp_path: Path) -> None:
    db = tmp_path / "notes.txt"
    db.write_text("Meeting notes, not a database.\n" * 200, encoding="utf-8")
    with pytest.raises(StoreError, match=rf"cannot open {re.escape(str(db))}: file is not a database; move this"):
        BriefStore(db)
    assert db.read_text(encoding="utf-8").startswith("Meeting notes")  # left as it was


def test_store_locked_db_is_a_clear_store_error(seed_brief: Brief, tmp_path: Path) -> None:
    db = tmp_path / "briefs.sqlite3"
    with BriefStore(db, timeout_s=0.05) as store:
        holder = sqlite3.connect(db, isolation_level=None)
        holder.execute("BEGIN EXCLUSIVE")
        try:
            with pytest.raises(StoreError, match="database is locked; another process is writing to it"):
                store.save(seed_brief)
        finally:
            holder.close()
        assert store.list() == []


def test_store_path_under_a_file_is_a_clear_store_error(tmp_path: Path) -> None:
    (tmp_path / "plain").write_text("x", encoding="utf-8")
    with pytest.raises(StoreError, match=r"cannot create the folder .*plain for the store .*use another store file"):
        BriefStore(tmp_path / "plain" / "briefs.sqlite3")


def test_store_path_that_is_a_folder_says_so(tmp_path: Path) -> None:
    # SQLite's own message, "unable to open database file", sent the user to check the folder's permissions.
    with pytest.raises(StoreError, match=rf"^{re.escape(str(tmp_path))} is a folder, not a store file; give a file"):
        BriefStore(tmp_path)
    assert list(tmp_path.iterdir()) == []


def test_store_brief_that_no_longer_fits_the_model_is_a_store_error(seed_brief: Brief, tmp_path: Path) -> None:
    db = tmp_path / "briefs.sqlite3"
    with BriefStore(db) as store:
        brief_id = store.save(seed_brief)
        _execute(db, """UPDATE briefs SET brief = '{"schema_version": "0"}'""")
        with pytest.raises(StoreError, match="no longer loads"):
            store.get(brief_id)


@pytest.mark.parametrize("broken", [False, True])
def test_store_get_tells_a_missing_id_from_a_broken_brief(seed_brief: Brief, tmp_path: Path, broken: bool) -> None:
    db = tmp_path / "briefs.sqlite3"
    with BriefStore(db) as store:
        brief_id = store.save(seed_brief)
        if broken:
            _execute(db, """UPDATE briefs SET brief = '{"schema_version": "0"}'""")
        wanted = brief_id if broken else "nosuchid00"
        with pytest.raises(StoreError) as caught:
            store.get(wanted)
    assert isinstance(caught.value, BriefNotFound) is not broken
    # The library names no command: the command line and the web app each add their own way to see the ids.
    assert "storyline" not in str(caught.value) and "`" not in str(caught.value)


# A writer that saves large briefs (several MB of raw text each, more than SQLite's page cache, so pages reach
# the WAL before the commit) in a loop, announcing each save on stdout.
WRITER = """
import itertools, sys
from pathlib import Path
from storyline.models import Article, Brief
from storyline.store import BriefStore

brief = Brief.model_validate_json(Path(sys.argv[2]).read_text(encoding="utf-8"))
articles = [Article(id=a.id, source=a.source, raw=a.body * 400, text=a.body) for a in brief.story.articles]
with BriefStore(sys.argv[1]) as store:
    for n in itertools.count():
        print("begin", flush=True)
        store.save(brief, articles)
        print("done", flush=True)
"""


def _run_and_kill(db: Path, brief_json: Path, fraction: float) -> int:
    """Start the writer, SIGKILL it `fraction` of the way into its third save; return how many saves began."""
    command = [sys.executable, "-c", WRITER, str(db), str(brief_json)]
    with subprocess.Popen(command, stdout=subprocess.PIPE, text=True) as proc:
        assert proc.stdout is not None
        began: list[float] = []
        for line in proc.stdout:
            if line == "begin\n":
                began.append(time.perf_counter())
            if len(began) == 3:
                break
        # The second save took about began[2] - began[1]; the third should take as long.
        time.sleep((began[2] - began[1]) * fraction)
        proc.kill()
        return 3 + proc.stdout.read().count("begin\n")


def test_store_writer_killed_mid_save_leaves_whole_briefs_only(seed_brief: Brief, tmp_path: Path) -> None:
    db, brief_json = tmp_path / "briefs.sqlite3", tmp_path / "brief.json"
    brief_json.write_text(seed_brief.model_dump_json(), encoding="utf-8")
    n_saved, n_cut_mid_save = 0, 0
    # Most of a save is its transaction, the rest its commit and WAL checkpoint: aim early and late. Each fraction
    # is tried once; on a loaded machine a save's length varies, so the fractions are tried again (up to three
    # more rounds) until one kill has landed inside a save.
    fractions = (0.1, 0.2, 0.35, 0.6)
    for attempt, fraction in enumerate(fractions * 4):
        if attempt >= len(fractions) and n_cut_mid_save:
            break
        n_began = _run_and_kill(db, brief_json, fraction)
        with BriefStore(db) as store:
            assert _rows(db, "PRAGMA integrity_check") == [("ok",)]
            summaries = store.list()
            # The save under way either committed whole or left nothing.
            assert len(summaries) - n_saved in (n_began - 1, n_began)
            n_cut_mid_save += len(summaries) - n_saved == n_began - 1
            n_saved = len(summaries)
            assert all(store.get(s.id) == seed_brief and s.n_articles == 3 for s in summaries)
        assert _rows(db, "SELECT count(*) FROM articles WHERE brief_id NOT IN (SELECT id FROM briefs)") == [(0,)]
        assert _rows(db, "PRAGMA foreign_key_check") == []
        assert _rows(db, "SELECT count(*) FROM articles WHERE length(raw) != 400 * length(body)") == [(0,)]
    assert n_cut_mid_save >= 1  # else no kill landed inside a save and the test proved nothing


def test_cli_brief_save_prints_id_and_keeps_raw_text(examples_dir: Path, tmp_path: Path) -> None:
    db = tmp_path / "briefs.sqlite3"
    result = runner.invoke(app, ["brief", str(examples_dir), "-f", "md", "--save", "--db", str(db)])
    assert result.exit_code == 0
    (brief_id,) = re.findall(r"^saved ([a-z0-9]{10})$", result.stderr, flags=re.MULTILINE)
    assert result.stdout.startswith("# After North Korea talks disappoint")
    raw = {row[0]: row[1] for row in _rows(db, "SELECT source, raw FROM articles")}
    assert raw == {str(p): p.read_text(encoding="utf-8") for p in sorted(examples_dir.glob("*.txt"))}
    assert _rows(db, "SELECT id FROM briefs") == [(brief_id,)]


def test_cli_list_show_delete(seed_brief: Brief, tmp_path: Path) -> None:
    db = tmp_path / "briefs.sqlite3"
    with BriefStore(db) as store:
        brief_id = store.save(seed_brief)
    listed = runner.invoke(app, ["list", "--db", str(db)])
    assert listed.exit_code == 0
    assert re.search(rf"│ {brief_id} │ \d{{4}}-\d\d-\d\d \d\d:\d\d │ After North Korea talks", listed.stdout)
    assert "budget" in listed.stdout.splitlines()[1]  # the words asked for, not the summary's length
    shown = runner.invoke(app, ["show", brief_id, "--format", "json", "--db", str(db)])
    assert shown.exit_code == 0 and Brief.model_validate_json(shown.stdout) == seed_brief
    shown_md = runner.invoke(app, ["show", brief_id, "-f", "md", "--db", str(db)])
    assert shown_md.stdout.startswith(f"# {seed_brief.story.title}\n")
    report = tmp_path / "brief.html"  # written as `brief -o` writes, its format from the suffix
    assert runner.invoke(app, ["show", brief_id, "-o", str(report), "--db", str(db)]).exit_code == 0
    assert report.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    deleted = runner.invoke(app, ["delete", brief_id, "--db", str(db)])
    assert deleted.exit_code == 0 and deleted.stderr == f"deleted {brief_id}\n"
    empty = runner.invoke(app, ["list", "--db", str(db)])
    assert empty.exit_code == 0 and empty.stdout == "" and "no saved briefs" in empty.stderr


def test_cli_list_shows_the_readable_briefs_and_warns_of_an_unreadable_one(seed_brief: Brief, tmp_path: Path) -> None:
    db = tmp_path / "briefs.sqlite3"
    with BriefStore(db) as store:
        damaged, intact = store.save(seed_brief), store.save(seed_brief)
    _execute(db, f"UPDATE briefs SET created_at = 'yesterday' WHERE id = '{damaged}'")
    listed = runner.invoke(app, ["list", "--db", str(db)])
    assert listed.exit_code == 0
    assert intact in listed.stdout and damaged not in listed.stdout
    assert listed.stderr.startswith(f"warning: brief '{damaged}' in {db} has an unreadable row (saved at 'yesterday'")
    _execute(db, f"UPDATE briefs SET created_at = 'today' WHERE id = '{intact}'")
    none_readable = runner.invoke(app, ["list", "--db", str(db)])
    assert none_readable.exit_code == 0 and none_readable.stdout == ""
    assert none_readable.stderr.endswith(f"no readable saved briefs in {db}\n")


def test_store_opened_without_create_refuses_a_missing_file_and_makes_nothing(tmp_path: Path) -> None:
    db = tmp_path / "nowhere" / "briefs.sqlite3"
    with pytest.raises(StoreError, match=f"^no store at {re.escape(str(db))}"):
        BriefStore(db, create=False)
    assert not db.parent.exists()


def test_store_opened_without_create_reads_and_deletes_an_existing_store(seed_brief: Brief, tmp_path: Path) -> None:
    db = tmp_path / "my briefs?#%20.sqlite3"  # SQLite reads the file as a URI: its special characters are escaped
    with BriefStore(db) as store:
        brief_id = store.save(seed_brief)
    with BriefStore(db, create=False) as store:
        assert [s.id for s in store.list()] == [brief_id] and store.get(brief_id) == seed_brief
        assert store.delete(brief_id) and store.list() == []


@pytest.mark.parametrize("command", [["list"], ["show", "abcdefghij"], ["delete", "abcdefghij"]])
def test_cli_read_and_delete_commands_do_not_create_a_mistyped_store(command: list[str], tmp_path: Path) -> None:
    # `storyline list --db nowhere/y.sqlite3` made the folder and an empty store, and said it held no briefs.
    db = tmp_path / "nowhere" / "y.sqlite3"
    result = runner.invoke(app, [*command, "--db", str(db)])
    assert result.exit_code == 1 and result.stdout == ""
    assert result.stderr.startswith(f"error: no store at {db}") and result.stderr.count("\n") == 1
    assert not db.parent.exists()


def test_cli_list_before_anything_is_saved_is_no_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # Only a --db the user typed can be mistyped; the default store simply does not exist until a brief is saved.
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path))
    result = runner.invoke(app, ["list"])
    assert result.exit_code == 0 and result.stderr.startswith("no saved briefs in ")
    assert not (tmp_path / "storyline").exists()


@pytest.mark.parametrize("command", ["show", "delete"])
def test_cli_unknown_id_is_one_line_and_exit_1(command: str, seed_brief: Brief, tmp_path: Path) -> None:
    db = tmp_path / "briefs.sqlite3"
    with BriefStore(db) as store:
        store.save(seed_brief)
    result = runner.invoke(app, [command, "nosuchid00", "--db", str(db)])
    assert result.exit_code == 1
    assert result.stdout == ""
    # one wording for show and delete (delete's lacked the hint), with the command that lists the ids
    assert result.stderr == f"error: no brief with id 'nosuchid00' in {db}; `storyline list` shows the saved ids\n"


def test_cli_garbage_db_is_one_line_and_exit_1(tmp_path: Path) -> None:
    db = tmp_path / "notes.sqlite3"
    db.write_bytes(b"not sqlite at all " * 100)
    result = runner.invoke(app, ["list", "--db", str(db)])
    assert result.exit_code == 1
    assert result.stderr == (
        f"error: cannot open {db}: file is not a database; move this file away or use another store file (--db FILE)\n"
    )


def test_store_in_a_read_only_folder_says_the_folder_is_read_only(
    seed_brief: Brief, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # SQLite's "unable to open database file" was advised as "check that its folder exists and is writable".
    folder = tmp_path / "shared"
    with BriefStore(folder / "briefs.sqlite3") as store:
        store.save(seed_brief)
    # What a read-only folder does to SQLite, which cannot make the '-wal' file: root, who runs some CI, writes
    # through chmod, so a folder stands in the file's place and the folder's write permission is what os.access says.
    (folder / "briefs.sqlite3-wal").mkdir()
    monkeypatch.setattr(os, "access", lambda path, mode: Path(path) != folder)
    with pytest.raises(StoreError) as caught:
        BriefStore(folder / "briefs.sqlite3", create=False)
    assert str(caught.value) == (
        f"cannot open {folder / 'briefs.sqlite3'}: its folder {folder} is read-only, and SQLite writes two files "
        "beside a store (its '-wal' and '-shm') even to read it; make the folder writable, or use another store "
        "file, such as a copy of this one in a writable folder"
    )
