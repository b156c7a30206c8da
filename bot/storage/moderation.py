"""SQL of the moderator features: moderators added in chat, refused attempts, statistics.

A mixin of `Storage` (kept apart so neither module grows past a screenful of SQL). Like the
rest of Storage, writes never raise and reads return empty results when the database fails.
Refused attempts are stored with the keyed user hash only: a curious citizen stays anonymous.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from typing import Any

# Kazakhstan has one time zone, UTC+5 (since March 2024): statistics count days there.
STATS_UTC_OFFSET = timedelta(hours=5)


@dataclass(frozen=True, slots=True)
class DayCount:
    day: date
    questions: int
    answered: int


@dataclass(frozen=True, slots=True)
class FeedbackCount:
    vote: str  # "u" or "d"
    reason: str | None
    count: int


@dataclass(frozen=True, slots=True)
class LoggedAction:
    at: str
    actor: str  # moderator id, or the keyed hash of a refused user
    action: str
    detail: str


def _iso(moment: datetime) -> str:
    return moment.astimezone(UTC).isoformat(timespec="seconds")


def window_start(days: int, now: datetime | None = None) -> datetime:
    """UTC moment of local midnight `days - 1` days ago: the window ends with today."""
    local_now = (now or datetime.now(UTC)).astimezone(UTC) + STATS_UTC_OFFSET
    first_day = local_now.date() - timedelta(days=days - 1)
    return datetime(first_day.year, first_day.month, first_day.day, tzinfo=UTC) - STATS_UTC_OFFSET


class ModerationQueries:
    """Mixed into Storage, which provides `_read` and `_write`."""

    async def _write(self, sql: str, params: Sequence[Any]) -> int | None:
        raise NotImplementedError

    async def _read(self, sql: str, params: Sequence[Any]) -> list[sqlite3.Row] | None:
        raise NotImplementedError

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
            (telegram_id, added_by, _iso(datetime.now(UTC))),
        )
        return row_id is not None

    async def remove_moderator(self, telegram_id: int) -> bool:
        row_id = await self._write("DELETE FROM moderators WHERE telegram_id = ?", (telegram_id,))
        return row_id is not None

    async def log_refused_attempt(self, user_key: str, action: str) -> bool:
        """A non-moderator tried a moderator command or an upload."""
        row_id = await self._write(
            "INSERT INTO refused_attempts(attempted_at, user_key, action) VALUES (?, ?, ?)",
            (_iso(datetime.now(UTC)), user_key, action),
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
            (offset, _iso(since)),
        )
        return [
            DayCount(date.fromisoformat(str(r[0])), int(r[1]), int(r[2] or 0)) for r in rows or []
        ]

    async def answered_hit_ids(self, since: datetime) -> list[list[str]]:
        """The statement ids shown for each answered question (best first)."""
        rows = await self._read(
            "SELECT hit_ids FROM questions WHERE asked_at >= ? AND answered = 1", (_iso(since),)
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
            (_iso(since),),
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
