"""Storage: migrations, keyed hash (no raw id on disk), retention purge, failures survived."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from bot.app import RetentionPurge
from bot.storage import HashKeyMismatch
from bot.storage.sqlite import MIGRATIONS, SqliteStorage

RAW_ID = 987654321


async def test_migrations_run_once_and_record_the_version(tmp_path: Path) -> None:
    path = tmp_path / "db.sqlite3"
    for _ in range(2):
        repo = await SqliteStorage.open(path, hash_key="k")
        async with repo._conn.execute("SELECT version FROM schema_version") as cursor:
            assert [tuple(r) for r in await cursor.fetchall()] == [(len(MIGRATIONS),)]
        async with repo._conn.execute("PRAGMA journal_mode") as cursor:
            assert (await cursor.fetchone())[0] == "wal"  # type: ignore[index]
        await repo.close()


async def test_no_raw_telegram_id_reaches_the_database_files(tmp_path: Path) -> None:
    path = tmp_path / "db.sqlite3"
    repo = await SqliteStorage.open(path, hash_key="k" * 32)
    key = repo.user_key(RAW_ID)
    await repo.ensure_user(key)
    await repo.set_language(key, "kk")
    question_id = await repo.log_question(key, "private", "вопрос", True, ["s1"], 12)
    assert question_id is not None
    await repo.record_vote(question_id, "u")
    await repo.close()
    files = _all_bytes(tmp_path)
    assert "db.sqlite3" in files
    for name, content in files.items():
        assert str(RAW_ID).encode() not in content, name


def _all_bytes(folder: Path) -> dict[str, bytes]:
    return {file.name: file.read_bytes() for file in folder.iterdir()}


async def test_keyed_hash_depends_on_the_key(tmp_path: Path) -> None:
    first = await SqliteStorage.open(tmp_path / "a.sqlite3", hash_key="one")
    second = await SqliteStorage.open(tmp_path / "b.sqlite3", hash_key="two")
    assert first.user_key(RAW_ID) == first.user_key(RAW_ID)
    assert first.user_key(RAW_ID) != second.user_key(RAW_ID)
    assert len(first.user_key(RAW_ID)) == 64
    await first.close()
    await second.close()


async def test_database_refuses_another_key_than_its_own(tmp_path: Path) -> None:
    path = tmp_path / "db.sqlite3"
    repo = await SqliteStorage.open(path, hash_key="first key, 32 characters long..")
    await repo.close()
    with pytest.raises(HashKeyMismatch):
        await SqliteStorage.open(path, hash_key="another key, 32 characters long.")
    repo = await SqliteStorage.open(path, hash_key="first key, 32 characters long..")
    await repo.close()


async def test_retention_purge_deletes_old_questions_and_their_feedback(
    repo: SqliteStorage,
) -> None:
    now = datetime.now(UTC)
    old = await repo.log_question("k", "private", "old", True, [], 1, now - timedelta(days=91))
    new = await repo.log_question("k", "private", "new", True, [], 1, now - timedelta(days=89))
    assert old is not None and new is not None
    await repo.record_vote(old, "d")
    await repo.record_vote(new, "u")
    assert await repo.purge_expired(now) == 1
    async with repo._conn.execute("SELECT text FROM questions") as cursor:
        assert [r[0] for r in await cursor.fetchall()] == ["new"]
    async with repo._conn.execute("SELECT question_id FROM feedback") as cursor:
        assert [r[0] for r in await cursor.fetchall()] == [new]


async def test_purge_runs_at_startup(repo: SqliteStorage) -> None:
    old = datetime.now(UTC) - timedelta(days=365)
    await repo.log_question("k", "private", "old", True, [], 1, old)
    purge = RetentionPurge(repo, interval_s=3600)
    await purge.start()
    await purge.stop()
    async with repo._conn.execute("SELECT COUNT(*) FROM questions") as cursor:
        assert (await cursor.fetchone())[0] == 0  # type: ignore[index]


async def test_failed_write_is_retried_then_dropped(
    repo: SqliteStorage, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    attempts = 0
    real_execute = repo._conn.execute

    def flaky(sql: str, params: object = None) -> object:
        nonlocal attempts
        if sql.startswith("INSERT INTO questions"):
            attempts += 1
            if attempts < 3:
                raise sqlite3.OperationalError("database is locked")
        return real_execute(sql, params)

    monkeypatch.setattr(repo._conn, "execute", flaky)
    assert await repo.log_question("k", "private", "q", True, [], 1) is not None
    assert attempts == 3

    def full(sql: str, params: object = None) -> object:
        raise sqlite3.OperationalError("database or disk is full")

    monkeypatch.setattr(repo._conn, "execute", full)
    assert await repo.log_question("k", "private", "q", True, [], 1) is None
    assert await repo.set_language("k", "en") is False
    assert await repo.get_language("k") == "en"  # the choice still holds in this process
    assert await repo.get_question(1) is None
    assert "storage write dropped" in caplog.text


async def test_language_roundtrip(repo: SqliteStorage) -> None:
    assert await repo.get_language("nobody") is None
    await repo.set_language("someone", "kk")
    repo._languages.clear()
    assert await repo.get_language("someone") == "kk"


async def test_moderator_actions_table_exists(repo: SqliteStorage) -> None:
    assert await repo.log_moderator_action(42, "reload", "ok") is True
    assert await repo.ping() is True
