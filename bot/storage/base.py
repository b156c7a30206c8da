"""The storage interface every backend implements (SQLite today; PostgreSQL next).

Contract for every backend, so handlers never care which one runs:
- users are known only by `user_key`, a keyed hash of the Telegram id (same key, same hash on
  every replica and backend);
- writes never raise: they return False (or None for ids) when the write was dropped, after
  the backend's own short retries — logging a question must never cost the citizen an answer;
- reads never raise: they return None / empty results when the database fails;
- times are aware UTC datetimes; statistics days are counted at `records.STATS_UTC_OFFSET`.
"""

from __future__ import annotations

import hashlib
import hmac
from abc import ABC, abstractmethod
from collections.abc import Sequence
from datetime import datetime

from bot.storage.records import DayCount, FeedbackCount, LoggedAction, QuestionRecord


class SchemaVersionError(Exception):
    """The database's schema is not the version this code was written for (one line naming
    what to run); raised when opening a server database, which replicas never migrate."""


class Storage(ABC):
    """Pseudonymous users, question log, feedback, moderators and statistics."""

    def __init__(self, hash_key: bytes, retention_days: int) -> None:
        self._hash_key = hash_key
        self.retention_days = retention_days

    def user_key(self, telegram_id: int) -> str:
        """Keyed hash of a Telegram id: stable per user, useless without the key."""
        return hmac.new(self._hash_key, str(telegram_id).encode(), hashlib.sha256).hexdigest()

    @abstractmethod
    async def close(self) -> None: ...

    @abstractmethod
    async def ping(self) -> bool:
        """True when the database answers a write (for health checks)."""

    # -- users and questions ---------------------------------------------------------------

    @abstractmethod
    async def ensure_user(self, user_key: str) -> None: ...

    @abstractmethod
    async def set_language(self, user_key: str, language: str) -> bool: ...

    @abstractmethod
    async def get_language(self, user_key: str) -> str | None: ...

    @abstractmethod
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

    @abstractmethod
    async def get_question(self, question_id: int) -> QuestionRecord | None: ...

    @abstractmethod
    async def record_vote(self, question_id: int, vote: str) -> bool: ...

    @abstractmethod
    async def record_reason(self, question_id: int, reason: str) -> bool: ...

    @abstractmethod
    async def purge_expired(self, now: datetime | None = None) -> int:
        """Delete question logs (and their feedback) older than the retention period."""

    # -- moderators --------------------------------------------------------------------------

    @abstractmethod
    async def is_moderator(self, telegram_id: int) -> bool:
        """Added with /mod add (BOT__ADMIN_IDS are checked by the caller)."""

    @abstractmethod
    async def moderator_ids(self) -> list[int]: ...

    @abstractmethod
    async def add_moderator(self, telegram_id: int, added_by: int) -> bool: ...

    @abstractmethod
    async def remove_moderator(self, telegram_id: int) -> bool: ...

    @abstractmethod
    async def log_moderator_action(self, moderator_id: int, action: str, detail: str) -> bool: ...

    @abstractmethod
    async def log_refused_attempt(self, user_key: str, action: str) -> bool:
        """A non-moderator tried a moderator command or an upload (stored by hash only)."""

    @abstractmethod
    async def recent_moderator_actions(self, limit: int = 50) -> list[LoggedAction]: ...

    @abstractmethod
    async def recent_refused_attempts(self, limit: int = 50) -> list[LoggedAction]: ...

    # -- statistics ----------------------------------------------------------------------------

    @abstractmethod
    async def questions_per_day(self, since: datetime) -> list[DayCount]:
        """Questions and answered ones per local day from `since` on; empty days absent."""

    @abstractmethod
    async def answered_hit_ids(self, since: datetime) -> list[list[str]]:
        """The statement ids shown for each answered question (best first)."""

    @abstractmethod
    async def feedback_counts(self, since: datetime) -> list[FeedbackCount]: ...

    @abstractmethod
    async def unanswered_questions(self, limit: int = 20) -> list[tuple[datetime, str]]:
        """Latest questions without an answer: when and what, never who."""
