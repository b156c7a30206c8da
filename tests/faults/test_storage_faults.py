"""A real SQLite fault under the dispatcher, not a mocked one: another process holding the
write lock, and a full database (SQLITE_FULL via max_page_count). The citizen still gets the
answer, the log write is dropped with a warning, and logging resumes once the fault is gone."""

from __future__ import annotations

import logging
import sqlite3
from collections.abc import Iterator

import pytest

from bot.config import Settings
from bot.storage import Storage
from bot.ui.texts import Lang, texts_for
from tests.bot.conftest import Tg

RU = texts_for(Lang.RU)
LAND = "Кому принадлежит земля?"


@pytest.fixture
def locker(settings: Settings) -> Iterator[sqlite3.Connection]:
    """A second connection that holds the database's write lock until closed."""
    conn = sqlite3.connect(settings.db.path, isolation_level=None, timeout=0)
    conn.execute("BEGIN EXCLUSIVE")
    yield conn
    conn.close()


async def _logged(repo: Storage) -> int:
    async with repo._conn.execute("SELECT COUNT(*) FROM questions") as cursor:
        row = await cursor.fetchone()
    return int(row[0]) if row else 0


def _answered(tg: Tg) -> bool:
    sent = tg.sent()
    return (
        len(sent) == 1 and sent[0].text.count("<blockquote>") == 3 and RU.error not in sent[0].text
    )


async def test_locked_database_still_answers_and_warns(
    tg: Tg, repo: Storage, locker: sqlite3.Connection, caplog: pytest.LogCaptureFixture
) -> None:
    with caplog.at_level(logging.WARNING, logger="bot.storage"):
        await tg.send(LAND)
    assert _answered(tg)
    assert "storage write dropped: OperationalError: database is locked" in caplog.text
    locker.rollback()  # the other writer is done: the next question is logged again
    await tg.send(LAND)
    assert _answered(tg)
    assert await _logged(repo) == 1


async def test_full_database_still_answers_and_warns(
    tg: Tg, repo: Storage, caplog: pytest.LogCaptureFixture
) -> None:
    async with repo._conn.execute("PRAGMA page_count") as cursor:
        row = await cursor.fetchone()
    assert row is not None
    await repo._conn.execute(f"PRAGMA max_page_count = {int(row[0])}")  # no room to grow
    long_question = "Кому принадлежит земля и что сказал сенатор? " * 20
    with caplog.at_level(logging.WARNING, logger="bot.storage"):
        for _ in range(8):  # the pages' free space runs out within a few questions
            await tg.send(long_question)
            assert _answered(tg) or all(RU.error not in m.text for m in tg.sent())
            if "database or disk is full" in caplog.text:
                break
    assert "storage write dropped: OperationalError: database or disk is full" in caplog.text
    logged = await _logged(repo)
    await repo._conn.execute("PRAGMA max_page_count = 1073741823")  # space freed
    await tg.send(LAND)
    assert _answered(tg)
    assert await _logged(repo) == logged + 1
