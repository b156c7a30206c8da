"""The SQLite backend of `Storage` (aiosqlite): all its SQL lives here and in sqlite_schema.

Users are known only by a keyed hash (HMAC-SHA256) of their Telegram id. A failed write
(locked database, full disk) is retried briefly and then dropped with a warning: logging a
question must never cost the citizen their answer. An id outside SQLite's 64-bit range (a
forged button) fails like a missing row (OverflowError), not with a traceback.
"""

from __future__ import annotations

import asyncio
import json
import logging
import sqlite3
from collections.abc import Sequence
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

import aiosqlite

from bot.storage.base import Storage
from bot.storage.records import (
    STATS_UTC_OFFSET,
    DayCount,
    FeedbackCount,
    LoggedAction,
    QuestionRecord,
    iso_utc,
    utc_now,
)
from bot.storage.sqlite_schema import MIGRATIONS, check_key, migrate

__all__ = ["MIGRATIONS", "SqliteStorage"]

log = logging.getLogger(__name__)


_CACHE_LIMIT = 50_000


class SqliteStorage(Storage):
    """One SQLite file (WAL): the embedded default, for one bot process."""

    def __init__(self, conn: aiosqlite.Connection, hash_key: bytes, retention_days: int) -> None:
        super().__init__(hash_key, retention_days)
        self._conn = conn
        self.retry_delays: tuple[float, ...] = (0.05, 0.2)
        self._languages: dict[str, str | None] = {}
        self._known_users: set[str] = set()

    @classmethod
    async def open(
        cls, path: Path, *, hash_key: str | bytes, retention_days: int = 90
    ) -> SqliteStorage:
        """Open (creating and migrating); HashKeyMismatch if the key is not the database's."""
        if str(path) != ":memory:":
            path.parent.mkdir(parents=True, exist_ok=True)
        key = hash_key.encode("utf-8") if isinstance(hash_key, str) else hash_key
        conn = await aiosqlite.connect(path, isolation_level=None)
        try:
            await conn.execute("PRAGMA journal_mode=WAL")
            await conn.execute("PRAGMA synchronous=NORMAL")
            await conn.execute("PRAGMA busy_timeout=250")
            await conn.execute("PRAGMA foreign_keys=ON")
            await migrate(conn)
            await check_key(conn, key)
        except BaseException:
            await conn.close()
            raise
        return cls(conn, key, retention_days)

    @staticmethod
    def schema_version(path: Path) -> int:
        """The file's schema version without creating or migrating it (0: not created yet);
        blocking, for `atazan db migrate`'s report."""
        if str(path) == ":memory:" or not path.exists():
            return 0
        conn = sqlite3.connect(path)
        try:
            row = conn.execute("SELECT version FROM schema_version").fetchone()
        except sqlite3.OperationalError:  # no schema_version table yet
            return 0
        finally:
            conn.close()
        return int(row[0]) if row else 0

    async def close(self) -> None:
        await self._conn.close()

    # -- writes (never raise) -------------------------------------------------------------

    async def _write(self, sql: str, params: Sequence[Any]) -> int | None:
        """Run one autocommitted statement; return lastrowid, or None after giving up."""
        for delay in (*self.retry_delays, None):
            try:
                cursor = await self._conn.execute(sql, params)
                return cursor.lastrowid if cursor.lastrowid is not None else 0
            except (sqlite3.Error, ValueError, OverflowError) as exc:
                if delay is None:
                    log.warning("storage write dropped: %s: %s", type(exc).__name__, exc)
                    return None
                await asyncio.sleep(delay)
        return None  # pragma: no cover - the loop always returns

    async def _read(self, sql: str, params: Sequence[Any]) -> list[sqlite3.Row] | None:
        try:
            async with self._conn.execute(sql, params) as cursor:
                return list(await cursor.fetchall())
        except (sqlite3.Error, ValueError, OverflowError) as exc:
            log.warning("storage read failed: %s: %s", type(exc).__name__, exc)
            return None

    async def ensure_user(self, user_key: str) -> None:
        if user_key in self._known_users:
            return
        row_id = await self._write(
            "INSERT OR IGNORE INTO users(user_key, language, first_seen) VALUES (?, NULL, ?)",
            (user_key, iso_utc(utc_now())),
        )
        if row_id is not None:
            self._remember(self._known_users, user_key)

    async def set_language(self, user_key: str, language: str) -> bool:
        # The cache is updated even if the write fails, so the switch holds in this process.
        self._languages[user_key] = language
        row_id = await self._write(
            "INSERT INTO users(user_key, language, first_seen) VALUES (?, ?, ?) "
            "ON CONFLICT(user_key) DO UPDATE SET language = excluded.language",
            (user_key, language, iso_utc(utc_now())),
        )
        return row_id is not None

    async def log_question(
        self,
        user_key: str,
        chat_type: str,
        text: str,
        answered: bool,
        hit_ids: Sequence[str],
        latency_ms: int,
        asked_at: datetime | None = None,
    ) -> int | None:
        """Store a question; its id is what pagination and feedback buttons carry."""
        return await self._write(
            "INSERT INTO questions(asked_at, user_key, chat_type, text, answered, hit_ids, "
            "latency_ms) VALUES (?, ?, ?, ?, ?, ?, ?)",
            (
                iso_utc(asked_at or utc_now()),
                user_key,
                chat_type,
                text,
                int(answered),
                json.dumps(list(hit_ids)),
                latency_ms,
            ),
        )

    async def record_vote(self, question_id: int, vote: str) -> bool:
        row_id = await self._write(
            "INSERT INTO feedback(question_id, vote, reason, voted_at) VALUES (?, ?, NULL, ?) "
            "ON CONFLICT(question_id) DO UPDATE SET vote = excluded.vote, reason = NULL, "
            "voted_at = excluded.voted_at",
            (question_id, vote, iso_utc(utc_now())),
        )
        return row_id is not None

    async def record_reason(self, question_id: int, reason: str) -> bool:
        row_id = await self._write(
            "INSERT INTO feedback(question_id, vote, reason, voted_at) VALUES (?, 'd', ?, ?) "
            "ON CONFLICT(question_id) DO UPDATE SET vote = 'd', reason = excluded.reason, "
            "voted_at = excluded.voted_at",
            (question_id, reason, iso_utc(utc_now())),
        )
        return row_id is not None

    async def log_moderator_action(self, moderator_id: int, action: str, detail: str) -> bool:
        row_id = await self._write(
            "INSERT INTO moderator_actions(acted_at, moderator_id, action, detail) "
            "VALUES (?, ?, ?, ?)",
            (iso_utc(utc_now()), moderator_id, action, detail),
        )
        return row_id is not None

    async def purge_expired(self, now: datetime | None = None) -> int:
        """Delete question logs (and their feedback) older than the retention period."""
        cutoff = iso_utc((now or utc_now()) - timedelta(days=self.retention_days))
        rows = await self._read("SELECT COUNT(*) FROM questions WHERE asked_at < ?", (cutoff,))
        if await self._write("DELETE FROM questions WHERE asked_at < ?", (cutoff,)) is None:
            return 0
        await self._write("DELETE FROM refused_attempts WHERE attempted_at < ?", (cutoff,))
        return int(rows[0][0]) if rows else 0

    # -- reads (return None / defaults on failure) ----------------------------------------

    async def get_language(self, user_key: str) -> str | None:
        if user_key in self._languages:
            return self._languages[user_key]
        rows = await self._read("SELECT language FROM users WHERE user_key = ?", (user_key,))
        if rows is None:
            return None
        language: str | None = rows[0][0] if rows else None
        self._remember_language(user_key, language)
        return language

    async def get_question(self, question_id: int) -> QuestionRecord | None:
        rows = await self._read(
            "SELECT id, user_key, answered, hit_ids FROM questions WHERE id = ?", (question_id,)
        )
        if not rows:
            return None
        row = rows[0]
        try:
            hit_ids = [str(h) for h in json.loads(row[3])]
        except (ValueError, TypeError):
            hit_ids = []
        return QuestionRecord(
            id=int(row[0]), user_key=str(row[1]), answered=bool(row[2]), hit_ids=hit_ids
        )

    async def ping(self) -> bool:
        """True when the database file takes a committed write (for health checks); no retry,
        so a locked or read-only database reports unhealthy within the busy timeout."""
        try:
            await self._conn.execute(
                "INSERT INTO health_checks(id, checked_at) VALUES (1, ?) "
                "ON CONFLICT(id) DO UPDATE SET checked_at = excluded.checked_at",
                (iso_utc(utc_now()),),
            )
            return True
        except (sqlite3.Error, ValueError) as exc:  # ValueError: the connection is closed
            log.warning("health check write failed: %s: %s", type(exc).__name__, exc)
            return False

    # -- moderators ----------------------------------------------------------------------

    async def is_moderator(self, telegram_id: int) -> bool:
        """Added with /mod add (BOT__ADMIN_IDS are checked by the caller)."""
        rows = await self._read("SELECT 1 FROM moderators WHERE telegram_id = ?", (telegram_id,))
        return bool(rows)

    async def moderator_ids(self) -> list[int]:
        rows = await self._read("SELECT telegram_id FROM moderators ORDER BY added_at", ())
        return [int(row[0]) for row in rows or []]

    async def add_moderator(self, telegram_id: int, added_by: int) -> bool:
        row_id = await self._write(
            "INSERT OR IGNORE INTO moderators(telegram_id, added_by, added_at) VALUES (?, ?, ?)",
            (telegram_id, added_by, iso_utc(utc_now())),
        )
        return row_id is not None

    async def remove_moderator(self, telegram_id: int) -> bool:
        row_id = await self._write("DELETE FROM moderators WHERE telegram_id = ?", (telegram_id,))
        return row_id is not None

    async def log_refused_attempt(self, user_key: str, action: str) -> bool:
        """A non-moderator tried a moderator command or an upload."""
        row_id = await self._write(
            "INSERT INTO refused_attempts(attempted_at, user_key, action) VALUES (?, ?, ?)",
            (iso_utc(utc_now()), user_key, action),
        )
        return row_id is not None

    async def recent_moderator_actions(self, limit: int = 50) -> list[LoggedAction]:
        rows = await self._read(
            "SELECT acted_at, moderator_id, action, detail FROM moderator_actions "
            "ORDER BY id DESC LIMIT ?",
            (limit,),
        )
        return [LoggedAction(str(r[0]), str(r[1]), str(r[2]), str(r[3])) for r in rows or []]

    async def recent_refused_attempts(self, limit: int = 50) -> list[LoggedAction]:
        rows = await self._read(
            "SELECT attempted_at, user_key, action FROM refused_attempts ORDER BY id DESC LIMIT ?",
            (limit,),
        )
        return [LoggedAction(str(r[0]), str(r[1]), str(r[2]), "") for r in rows or []]

    # -- statistics ----------------------------------------------------------------------

    async def questions_per_day(self, since: datetime) -> list[DayCount]:
        """Questions and answered ones per local (UTC+5) day, from `since` on; days with none
        are absent."""
        offset = f"+{int(STATS_UTC_OFFSET.total_seconds() // 3600)} hours"
        rows = await self._read(
            "SELECT date(asked_at, ?) AS day, COUNT(*), SUM(answered) FROM questions "
            "WHERE asked_at >= ? GROUP BY day ORDER BY day",
            (offset, iso_utc(since)),
        )
        return [
            DayCount(date.fromisoformat(str(r[0])), int(r[1]), int(r[2] or 0)) for r in rows or []
        ]

    async def answered_hit_ids(self, since: datetime) -> list[list[str]]:
        """The statement ids shown for each answered question (best first)."""
        rows = await self._read(
            "SELECT hit_ids FROM questions WHERE asked_at >= ? AND answered = 1", (iso_utc(since),)
        )
        result: list[list[str]] = []
        for row in rows or []:
            try:
                result.append([str(h) for h in json.loads(row[0])])
            except (ValueError, TypeError):
                continue
        return result

    async def feedback_counts(self, since: datetime) -> list[FeedbackCount]:
        rows = await self._read(
            "SELECT vote, reason, COUNT(*) FROM feedback WHERE voted_at >= ? "
            "GROUP BY vote, reason ORDER BY vote, reason",
            (iso_utc(since),),
        )
        return [
            FeedbackCount(str(r[0]), None if r[1] is None else str(r[1]), int(r[2]))
            for r in rows or []
        ]

    async def unanswered_questions(self, limit: int = 20) -> list[tuple[datetime, str]]:
        """Latest questions without an answer: when and what, never who."""
        rows = await self._read(
            "SELECT asked_at, text FROM questions WHERE answered = 0 "
            "ORDER BY asked_at DESC, id DESC LIMIT ?",
            (limit,),
        )
        return [(datetime.fromisoformat(str(r[0])), str(r[1])) for r in rows or []]

    def _remember(self, known: set[str], user_key: str) -> None:
        if len(known) > _CACHE_LIMIT:
            known.clear()
        known.add(user_key)

    def _remember_language(self, user_key: str, language: str | None) -> None:
        if len(self._languages) > _CACHE_LIMIT:
            self._languages.clear()
        self._languages[user_key] = language
