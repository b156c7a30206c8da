"""Privacy through the whole dispatcher: no Telegram id, username or name on disk whatever a user
does (questions, votes, language, refused moderator commands); the purge keeps running daily;
/about says what is stored and for how long in every language."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from bot.app import RetentionPurge
from bot.storage import Storage
from bot.ui.texts import Lang, texts_for
from tests.bot.backends import stored_text
from tests.bot.conftest import Tg, button

CAROL: dict[str, Any] = {
    "id": 7_300_451_982,
    "is_bot": False,
    "first_name": "Karlygash",
    "last_name": "Zhumabekova",
    "username": "karlygash_zh",
    "language_code": "kk",
}
RETENTION_PHRASES = {
    Lang.RU: ("90 дн", "хеш"),
    Lang.KK: ("90 күн", "хеш"),
    Lang.EN: ("90 days", "hash"),
}


async def _use_everything(tg: Tg) -> None:
    await tg.send("Кому принадлежит земля?", CAROL)  # a Russian question: the reply speaks Russian
    await tg.press(button(tg.sent()[0], "👎"), CAROL)
    await tg.press(button(tg.sent()[0], texts_for(Lang.RU).reason_off_topic), CAROL)
    await tg.send("/lang en", CAROL)
    await tg.send("/reload", CAROL)  # refused moderator command: logged by keyed hash only
    await tg.send("погода", CAROL)


async def test_nothing_identifying_reaches_the_database_files(
    tg: Tg, repo: Storage, tmp_path: Path
) -> None:
    await _use_everything(tg)
    await repo._conn.execute("PRAGMA wal_checkpoint(FULL)")
    on_disk = _all_bytes(tmp_path)
    assert repo.user_key(CAROL["id"]).encode() in on_disk  # the data is there, pseudonymised
    for value in ("id", "username", "first_name", "last_name"):
        assert str(CAROL[value]).encode() not in on_disk, value


@pytest.mark.parametrize("backend", ["postgres"], indirect=True)
async def test_nothing_identifying_reaches_postgresql(tg: Tg, repo: Storage) -> None:
    await _use_everything(tg)
    stored = await stored_text(repo)  # every table
    assert repo.user_key(CAROL["id"]) in stored  # the data is there, pseudonymised
    for value in ("id", "username", "first_name", "last_name"):
        assert str(CAROL[value]) not in stored, value


def _all_bytes(folder: Path) -> bytes:
    """The database, its WAL and shared memory, the hash key file: everything on disk."""
    return b"".join(f.read_bytes() for f in folder.iterdir() if f.is_file())


async def test_purge_runs_again_after_each_interval(repo: Storage) -> None:
    purge = RetentionPurge(repo, interval_s=0.05)
    await purge.start()
    try:
        old = datetime.now(UTC) - timedelta(days=91)
        await repo.log_question("k", "private", "old", True, [], 1, old)  # after the first run
        for _ in range(100):
            await asyncio.sleep(0.02)
            async with repo._conn.execute("SELECT COUNT(*) FROM questions") as cursor:
                row = await cursor.fetchone()
            if row is not None and row[0] == 0:
                break
        assert row is not None and row[0] == 0
    finally:
        await purge.stop()


async def test_about_says_what_is_stored_and_for_how_long_in_every_language(tg: Tg) -> None:
    for lang, phrases in RETENTION_PHRASES.items():
        user = {**CAROL, "language_code": lang.value}
        await tg.send("/about", user)
        text = "\n".join(m.text for m in tg.sent())
        tx = texts_for(lang)
        assert tx.about_privacy.format(days=90) in text
        assert all(phrase in text for phrase in phrases), (lang, text)
