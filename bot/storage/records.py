"""What storage hands back: plain records, the same from every backend, and the statistics
window (days are counted in Kazakhstan's time zone)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta

# Kazakhstan has one time zone, UTC+5 (since March 2024): statistics count days there.
STATS_UTC_OFFSET = timedelta(hours=5)


@dataclass(frozen=True, slots=True)
class QuestionRecord:
    id: int
    user_key: str
    answered: bool
    hit_ids: list[str]


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


def window_start(days: int, now: datetime | None = None) -> datetime:
    """UTC moment of local midnight `days - 1` days ago: the window ends with today."""
    local_now = (now or datetime.now(UTC)).astimezone(UTC) + STATS_UTC_OFFSET
    first_day = local_now.date() - timedelta(days=days - 1)
    return datetime(first_day.year, first_day.month, first_day.day, tzinfo=UTC) - STATS_UTC_OFFSET


def utc_now() -> datetime:
    return datetime.now(UTC)


def iso_utc(moment: datetime) -> str:
    """How moments are written out (SQLite's stored form, LoggedAction.at): UTC, to the second."""
    return moment.astimezone(UTC).isoformat(timespec="seconds")
