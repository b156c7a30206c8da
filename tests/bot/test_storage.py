"""Storage on both backends: migrations, keyed hash (no raw id stored), retention purge,
failures survived, and the same records out of SQLite and PostgreSQL for the same calls."""

from __future__ import annotations

import sqlite3
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from bot.app import RetentionPurge
from bot.storage import HashKeyMismatch, Storage
from bot.storage.sqlite import MIGRATIONS, SqliteStorage
from tests.bot.backends import BACKENDS, RepoOpener, query, stored_text

RAW_ID = 987654321

pytestmark = pytest.mark.parametrize("backend", BACKENDS, indirect=True)


async def test_migrations_run_once_and_record_the_version(
    open_repo: RepoOpener, backend: str
) -> None:
    from bot.storage import postgres_schema

    known = len(MIGRATIONS if backend == "sqlite" else postgres_schema.MIGRATIONS)
    for _ in range(2):
        repo = await open_repo("db")
        assert await query(repo, "SELECT version FROM schema_version") == [(known,)]
    if isinstance(repo, SqliteStorage):
        assert await query(repo, "PRAGMA journal_mode") == [("wal",)]


async def test_no_raw_telegram_id_is_stored(
    open_repo: RepoOpener, tmp_path: Path, backend: str
) -> None:
    repo = await open_repo("db", key="k" * 32)
    key = repo.user_key(RAW_ID)
    await repo.ensure_user(key)
    await repo.set_language(key, "kk")
    question_id = await repo.log_question(key, "private", "вопрос", True, ["s1"], 12)
    assert question_id is not None
    assert await repo.record_vote(question_id, "u")
    assert await repo.log_refused_attempt(key, "reload")
    if isinstance(repo, SqliteStorage):
        await repo.close()
        files = _all_bytes(tmp_path)
        assert "db.sqlite3" in files
        for name, content in files.items():
            assert str(RAW_ID).encode() not in content, name
    else:
        stored = await stored_text(repo)
        assert key in stored and "вопрос" in stored  # the dump does see what is stored
        assert str(RAW_ID) not in stored


def _all_bytes(folder: Path) -> dict[str, bytes]:
    return {file.name: file.read_bytes() for file in folder.iterdir()}


async def test_keyed_hash_depends_on_the_key(open_repo: RepoOpener) -> None:
    first = await open_repo("a", key="one")
    second = await open_repo("b", key="two")
    assert first.user_key(RAW_ID) == first.user_key(RAW_ID)
    assert first.user_key(RAW_ID) != second.user_key(RAW_ID)
    assert len(first.user_key(RAW_ID)) == 64


async def test_database_refuses_another_key_than_its_own(open_repo: RepoOpener) -> None:
    await open_repo("db", key="first key, 32 characters long..")
    with pytest.raises(HashKeyMismatch):
        await open_repo("db", key="another key, 32 characters long.")
    await open_repo("db", key="first key, 32 characters long..")


async def test_retention_purge_deletes_old_questions_and_their_feedback(repo: Storage) -> None:
    now = datetime.now(UTC)
    old = await repo.log_question("k", "private", "old", True, [], 1, now - timedelta(days=91))
    new = await repo.log_question("k", "private", "new", True, [], 1, now - timedelta(days=89))
    assert old is not None and new is not None
    await repo.record_vote(old, "d")
    await repo.record_vote(new, "u")
    assert await repo.log_refused_attempt("k", "reload")
    assert await repo.purge_expired(now) == 1
    assert await query(repo, "SELECT text FROM questions") == [("new",)]
    assert await query(repo, "SELECT question_id FROM feedback") == [(new,)]
    assert await repo.purge_expired(now + timedelta(days=91)) == 1
    assert await query(repo, "SELECT COUNT(*) FROM refused_attempts") == [(0,)]


async def test_purge_runs_at_startup(repo: Storage) -> None:
    old = datetime.now(UTC) - timedelta(days=365)
    await repo.log_question("k", "private", "old", True, [], 1, old)
    purge = RetentionPurge(repo, interval_s=3600)
    await purge.start()
    await purge.stop()
    assert await query(repo, "SELECT COUNT(*) FROM questions") == [(0,)]


class _Pool:
    """Stands in for asyncpg's pool (its slots cannot be patched): `fetch` goes through `run`."""

    def __init__(self, real: Any) -> None:
        self.real = real
        self.run = real.fetch

    def fetch(self, sql: str, *args: object) -> Any:
        return self.run(sql, *args)

    def __getattr__(self, name: str) -> Any:
        return getattr(self.real, name)


async def test_failed_write_is_retried_then_dropped(
    repo: Storage, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    """SQLite: a locked then full file; PostgreSQL: a dropped connection, then a server that
    is gone. Real outages: tests/faults/test_storage_faults.py."""
    attempts = 0
    if isinstance(repo, SqliteStorage):
        target, method = repo._conn, "execute"
        transient: Exception = sqlite3.OperationalError("database is locked")
        lasting: Exception = sqlite3.OperationalError("database or disk is full")
    else:
        target, method = _Pool(repo._pool), "run"  # type: ignore[attr-defined]
        monkeypatch.setattr(repo, "_pool", target)
        transient = ConnectionResetError("connection reset by peer")
        lasting = ConnectionRefusedError("connection refused")
    real = getattr(target, method)

    def flaky(sql: str, *args: object) -> object:
        nonlocal attempts
        if sql.startswith("INSERT INTO questions"):
            attempts += 1
            if attempts < 3:
                raise transient
        return real(sql, *args)

    monkeypatch.setattr(target, method, flaky)
    assert await repo.log_question("k", "private", "q", True, [], 1) is not None
    assert attempts == 3

    def gone(sql: str, *args: object) -> object:
        raise lasting

    monkeypatch.setattr(target, method, gone)
    assert await repo.log_question("k", "private", "q", True, [], 1) is None
    assert await repo.set_language("k", "en") is False
    assert await repo.get_language("k") == "en"  # the choice still holds in this process
    assert await repo.get_question(1) is None
    assert "storage write dropped" in caplog.text


async def test_language_roundtrip(open_repo: RepoOpener) -> None:
    repo = await open_repo("db")
    assert await repo.get_language("nobody") is None
    await repo.set_language("someone", "kk")
    reopened = await open_repo("db")  # nothing cached: what another replica would read
    assert await reopened.get_language("someone") == "kk"


async def test_moderator_actions_table_exists(repo: Storage) -> None:
    assert await repo.log_moderator_action(42, "reload", "ok") is True
    assert await repo.ping() is True


async def test_forged_ids_read_as_missing_and_write_nothing(repo: Storage) -> None:
    """A callback can carry any number: beyond 64 bits, or a question already purged."""
    for forged in (2**70, -(2**70), 123_456):
        assert await repo.get_question(forged) is None
        assert await repo.record_vote(forged, "u") is False
        assert await repo.record_reason(forged, "wrong") is False


async def test_both_backends_return_the_same_records(repo: Storage) -> None:
    """The contract handlers rely on, checked field by field (each backend stores its own
    types: text vs timestamptz, JSON vs text[])."""
    now = datetime(2026, 11, 29, 18, 30, tzinfo=UTC)  # 23:30 in Astana: still the 29th
    late = now + timedelta(hours=1)  # 00:30 on the 30th, local time
    ids = [
        await repo.log_question("u1", "private", "a", True, ["s1", "s2"], 5, now),
        await repo.log_question("u2", "group", "b", False, [], 7, late),
        await repo.log_question("u1", "private", "c", True, ["s3"], 9, late),
    ]
    assert None not in ids
    first = ids[0]
    assert first is not None
    record = await repo.get_question(first)
    assert record is not None
    assert (record.user_key, record.answered, record.hit_ids) == ("u1", True, ["s1", "s2"])
    since = now - timedelta(days=1)
    days = await repo.questions_per_day(since)
    assert [(d.day, d.questions, d.answered) for d in days] == [
        (date(2026, 11, 29), 1, 1),
        (date(2026, 11, 30), 2, 1),
    ]
    assert sorted(await repo.answered_hit_ids(since)) == [["s1", "s2"], ["s3"]]
    assert await repo.unanswered_questions() == [(late, "b")]
    assert await repo.record_vote(first, "u")
    assert await repo.record_reason(ids[2] or 0, "wrong_quote")
    assert await repo.record_reason(ids[1] or 0, "wrong_quote")
    counts = await repo.feedback_counts(since)
    assert [(c.vote, c.reason, c.count) for c in counts] == [
        ("d", "wrong_quote", 2),
        ("u", None, 1),
    ]
    assert await repo.add_moderator(555, added_by=1)
    assert await repo.add_moderator(555, added_by=2)  # already one: not an error
    assert await repo.add_moderator(2**40, added_by=1)  # Telegram ids exceed 32 bits
    assert await repo.is_moderator(555) and not await repo.is_moderator(556)
    assert await repo.moderator_ids() == [555, 2**40]
    assert await repo.remove_moderator(555)
    assert await repo.moderator_ids() == [2**40]
    assert await repo.log_moderator_action(2**40, "publish", "r1")
    (action,) = await repo.recent_moderator_actions()
    assert (action.actor, action.action, action.detail) == (str(2**40), "publish", "r1")
    assert datetime.fromisoformat(action.at).tzinfo is not None
    assert await repo.log_refused_attempt("u9", "upload")
    (refused,) = await repo.recent_refused_attempts()
    assert (refused.actor, refused.action, refused.detail) == ("u9", "upload", "")
