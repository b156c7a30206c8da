"""The PostgreSQL backend of `Storage` (asyncpg): for several bot replicas on one database.

Same contract as SQLite: a write that fails (server restarting, connection lost, timeout) is
retried briefly and then dropped with a warning; a read that fails returns None / nothing.
Every call is bounded by `timeout`, so an unreachable server costs a citizen at most a few
seconds, never the answer. Nothing is cached across calls that another replica could change.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Sequence
from datetime import UTC, datetime, timedelta
from typing import Any

import asyncpg

from bot.storage.base import Storage
from bot.storage.postgres_schema import MIGRATIONS, check_key, check_version, migrate
from bot.storage.records import (
    STATS_UTC_OFFSET,
    DayCount,
    FeedbackCount,
    LoggedAction,
    QuestionRecord,
    iso_utc,
    utc_now,
)

__all__ = ["MIGRATIONS", "PostgresStorage", "migrate_database"]

log = logging.getLogger(__name__)

_CACHE_LIMIT = 50_000
_CONNECT_TIMEOUT_S = 5.0
# What a dropped connection, a restarting or unreachable server looks like to asyncpg.
_FAILURES = (asyncpg.PostgresError, asyncpg.InterfaceError, OSError, TimeoutError)
# Retrying cannot help these: a forged id out of BIGINT's range, a vote for a purged question.
_PERMANENT = (asyncpg.DataError, asyncpg.IntegrityConstraintViolationError)


class PostgresStorage(Storage):
    """A connection pool on one database shared by every replica."""

    def __init__(self, pool: asyncpg.Pool, hash_key: bytes, retention_days: int) -> None:
        super().__init__(hash_key, retention_days)
        self._pool = pool
        self.retry_delays: tuple[float, ...] = (0.05, 0.2)
        self.timeout = 2.0  # seconds per attempt, waiting for a pooled connection included
        # Choices whose write was dropped: they still hold in this process (as with SQLite).
        self._unsaved_languages: dict[str, str] = {}
        self._known_users: set[str] = set()

    @classmethod
    async def open(
        cls, url: str, *, hash_key: str | bytes, retention_days: int = 90, pool_size: int = 10
    ) -> PostgresStorage:
        """Connect and check the schema version (SchemaVersionError) and the key
        (HashKeyMismatch); never migrates: that is `atazan db migrate`'s job."""
        key = hash_key.encode("utf-8") if isinstance(hash_key, str) else hash_key
        # min_size=0: connections open on demand. With a floor, asyncpg's pool logs a
        # traceback every few seconds of an outage while it restores the floor.
        pool = await asyncpg.create_pool(
            url, min_size=0, max_size=pool_size, timeout=_CONNECT_TIMEOUT_S
        )
        try:
            async with pool.acquire() as conn:
                await check_version(conn)
                await check_key(conn, key)
        except BaseException:
            await pool.close()
            raise
        return cls(pool, key, retention_days)

    async def close(self) -> None:
        try:
            await asyncio.wait_for(self._pool.close(), self.timeout)
        except TimeoutError:  # a query stuck on a dead server must not hold up shutdown
            self._pool.terminate()

    # -- plumbing ---------------------------------------------------------------------------

    async def _write(self, sql: str, *args: Any) -> list[asyncpg.Record] | None:
        """Run one statement (autocommitted); its rows, or None after giving up."""
        for delay in (*self.retry_delays, None):
            try:
                async with asyncio.timeout(self.timeout):
                    return list(await self._pool.fetch(sql, *args))
            except _PERMANENT as exc:
                log.warning("storage write dropped: %s: %s", type(exc).__name__, exc)
                return None
            except _FAILURES as exc:
                if delay is None:
                    log.warning("storage write dropped: %s: %s", type(exc).__name__, exc)
                    return None
                await asyncio.sleep(delay)
        return None  # pragma: no cover - the loop always returns

    async def _read(self, sql: str, *args: Any) -> list[asyncpg.Record] | None:
        try:
            async with asyncio.timeout(self.timeout):
                return list(await self._pool.fetch(sql, *args))
        except (*_FAILURES, *_PERMANENT) as exc:
            log.warning("storage read failed: %s: %s", type(exc).__name__, exc)
            return None

    async def ping(self) -> bool:
        """True when the database takes a committed write (for health checks); no retry."""
        try:
            async with asyncio.timeout(self.timeout):
                await self._pool.execute(
                    "INSERT INTO health_checks(id, checked_at) VALUES (1, $1) "
                    "ON CONFLICT (id) DO UPDATE SET checked_at = excluded.checked_at",
                    utc_now(),
                )
            return True
        except _FAILURES as exc:
            log.warning("health check write failed: %s: %s", type(exc).__name__, exc)
            return False

    # -- users and questions ------------------------------------------------------------------

    async def ensure_user(self, user_key: str) -> None:
        if user_key in self._known_users:
            return
        done = await self._write(
            "INSERT INTO users(user_key, language, first_seen) VALUES ($1, NULL, $2) "
            "ON CONFLICT (user_key) DO NOTHING",
            user_key,
            utc_now(),
        )
        if done is not None:
            if len(self._known_users) > _CACHE_LIMIT:
                self._known_users.clear()
            self._known_users.add(user_key)

    async def set_language(self, user_key: str, language: str) -> bool:
        done = await self._write(
            "INSERT INTO users(user_key, language, first_seen) VALUES ($1, $2, $3) "
            "ON CONFLICT (user_key) DO UPDATE SET language = excluded.language",
            user_key,
            language,
            utc_now(),
        )
        if done is None:
            if len(self._unsaved_languages) > _CACHE_LIMIT:
                self._unsaved_languages.clear()
            self._unsaved_languages[user_key] = language
            return False
        self._unsaved_languages.pop(user_key, None)
        return True

    async def get_language(self, user_key: str) -> str | None:
        # Read every time: another replica may have taken the user's last choice.
        if user_key in self._unsaved_languages:
            return self._unsaved_languages[user_key]
        rows = await self._read("SELECT language FROM users WHERE user_key = $1", user_key)
        return str(rows[0][0]) if rows and rows[0][0] is not None else None

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
        rows = await self._write(
            "INSERT INTO questions(asked_at, user_key, chat_type, text, answered, hit_ids, "
            "latency_ms) VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id",
            asked_at or utc_now(),
            user_key,
            chat_type,
            text,
            answered,
            list(hit_ids),
            latency_ms,
        )
        return int(rows[0][0]) if rows else None

    async def get_question(self, question_id: int) -> QuestionRecord | None:
        rows = await self._read(
            "SELECT id, user_key, answered, hit_ids FROM questions WHERE id = $1", question_id
        )
        if not rows:
            return None
        row = rows[0]
        return QuestionRecord(
            id=int(row[0]), user_key=str(row[1]), answered=bool(row[2]), hit_ids=list(row[3])
        )

    async def record_vote(self, question_id: int, vote: str) -> bool:
        done = await self._write(
            "INSERT INTO feedback(question_id, vote, reason, voted_at) VALUES ($1, $2, NULL, $3) "
            "ON CONFLICT (question_id) DO UPDATE SET vote = excluded.vote, reason = NULL, "
            "voted_at = excluded.voted_at",
            question_id,
            vote,
            utc_now(),
        )
        return done is not None

    async def record_reason(self, question_id: int, reason: str) -> bool:
        done = await self._write(
            "INSERT INTO feedback(question_id, vote, reason, voted_at) VALUES ($1, 'd', $2, $3) "
            "ON CONFLICT (question_id) DO UPDATE SET vote = 'd', reason = excluded.reason, "
            "voted_at = excluded.voted_at",
            question_id,
            reason,
            utc_now(),
        )
        return done is not None

    async def purge_expired(self, now: datetime | None = None) -> int:
        """Delete question logs (and, by cascade, their feedback) older than the retention
        period; counted in the same statement, so two replicas purging at once add up right."""
        cutoff = (now or utc_now()) - timedelta(days=self.retention_days)
        rows = await self._write(
            "WITH gone AS (DELETE FROM questions WHERE asked_at < $1 RETURNING 1) "
            "SELECT COUNT(*) FROM gone",
            cutoff,
        )
        if rows is None:
            return 0
        await self._write("DELETE FROM refused_attempts WHERE attempted_at < $1", cutoff)
        return int(rows[0][0])

    # -- moderators ------------------------------------------------------------------------

    async def is_moderator(self, telegram_id: int) -> bool:
        """Added with /mod add (BOT__ADMIN_IDS are checked by the caller)."""
        rows = await self._read("SELECT 1 FROM moderators WHERE telegram_id = $1", telegram_id)
        return bool(rows)

    async def moderator_ids(self) -> list[int]:
        rows = await self._read("SELECT telegram_id FROM moderators ORDER BY added_at")
        return [int(row[0]) for row in rows or []]

    async def add_moderator(self, telegram_id: int, added_by: int) -> bool:
        done = await self._write(
            "INSERT INTO moderators(telegram_id, added_by, added_at) VALUES ($1, $2, $3) "
            "ON CONFLICT (telegram_id) DO NOTHING",
            telegram_id,
            added_by,
            utc_now(),
        )
        return done is not None

    async def remove_moderator(self, telegram_id: int) -> bool:
        done = await self._write("DELETE FROM moderators WHERE telegram_id = $1", telegram_id)
        return done is not None

    async def log_moderator_action(self, moderator_id: int, action: str, detail: str) -> bool:
        done = await self._write(
            "INSERT INTO moderator_actions(acted_at, moderator_id, action, detail) "
            "VALUES ($1, $2, $3, $4)",
            utc_now(),
            moderator_id,
            action,
            detail,
        )
        return done is not None

    async def log_refused_attempt(self, user_key: str, action: str) -> bool:
        """A non-moderator tried a moderator command or an upload."""
        done = await self._write(
            "INSERT INTO refused_attempts(attempted_at, user_key, action) VALUES ($1, $2, $3)",
            utc_now(),
            user_key,
            action,
        )
        return done is not None

    async def recent_moderator_actions(self, limit: int = 50) -> list[LoggedAction]:
        rows = await self._read(
            "SELECT acted_at, moderator_id, action, detail FROM moderator_actions "
            "ORDER BY id DESC LIMIT $1",
            limit,
        )
        return [LoggedAction(iso_utc(r[0]), str(r[1]), str(r[2]), str(r[3])) for r in rows or []]

    async def recent_refused_attempts(self, limit: int = 50) -> list[LoggedAction]:
        rows = await self._read(
            "SELECT attempted_at, user_key, action FROM refused_attempts ORDER BY id DESC LIMIT $1",
            limit,
        )
        return [LoggedAction(iso_utc(r[0]), str(r[1]), str(r[2]), "") for r in rows or []]

    # -- statistics --------------------------------------------------------------------------

    async def questions_per_day(self, since: datetime) -> list[DayCount]:
        """Questions and answered ones per local (UTC+5) day, from `since` on; days with none
        are absent."""
        rows = await self._read(
            "SELECT ((asked_at AT TIME ZONE 'UTC') + $1::interval)::date AS day, COUNT(*), "
            "COUNT(*) FILTER (WHERE answered) FROM questions WHERE asked_at >= $2 "
            "GROUP BY day ORDER BY day",
            STATS_UTC_OFFSET,
            since,
        )
        return [DayCount(r[0], int(r[1]), int(r[2])) for r in rows or []]

    async def answered_hit_ids(self, since: datetime) -> list[list[str]]:
        """The statement ids shown for each answered question (best first)."""
        rows = await self._read(
            "SELECT hit_ids FROM questions WHERE asked_at >= $1 AND answered ORDER BY id", since
        )
        return [list(r[0]) for r in rows or []]

    async def feedback_counts(self, since: datetime) -> list[FeedbackCount]:
        # NULLS FIRST: the order SQLite gives, so both backends list alike.
        rows = await self._read(
            "SELECT vote, reason, COUNT(*) FROM feedback WHERE voted_at >= $1 "
            "GROUP BY vote, reason ORDER BY vote, reason NULLS FIRST",
            since,
        )
        return [
            FeedbackCount(str(r[0]), None if r[1] is None else str(r[1]), int(r[2]))
            for r in rows or []
        ]

    async def unanswered_questions(self, limit: int = 20) -> list[tuple[datetime, str]]:
        """Latest questions without an answer: when and what, never who."""
        rows = await self._read(
            "SELECT asked_at, text FROM questions WHERE NOT answered "
            "ORDER BY asked_at DESC, id DESC LIMIT $1",
            limit,
        )
        return [(r[0].astimezone(UTC), str(r[1])) for r in rows or []]


async def migrate_database(url: str, *, hash_key: str | bytes) -> tuple[int, int]:
    """`atazan db migrate`: apply missing migrations, pin the key; (version before, after)."""
    key = hash_key.encode("utf-8") if isinstance(hash_key, str) else hash_key
    conn = await asyncpg.connect(url, timeout=_CONNECT_TIMEOUT_S)
    try:
        versions = await migrate(conn)
        await check_key(conn, key)
        return versions
    finally:
        await conn.close()
