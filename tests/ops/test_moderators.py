"""Who may moderate, what everybody else sees, and /reload (including two at once)."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime, timedelta

from aiogram.methods import AnswerCallbackQuery

from bot.storage import Storage
from bot.ui.callbacks import UploadAction, UploadCb
from bot.ui.texts import Lang, texts_for
from bot.ui.texts.moderator import mod_texts_for
from tests.bot.conftest import ALICE, GROUP, Tg
from tests.ops.conftest import HELPER, MODERATOR, document
from tests.ops.fakes import FakeAdmin, OpsSession

MOD_EN = mod_texts_for(Lang.EN)
MOD_RU = mod_texts_for(Lang.RU)

RU = texts_for(Lang.RU)


async def test_non_moderators_see_the_ordinary_replies_and_are_logged(
    tg: Tg, session: OpsSession, admin: FakeAdmin, repo: Storage
) -> None:
    await tg.send("/nonexistent")
    ordinary = [m.text for m in tg.sent()]
    assert ordinary == [RU.unknown_command]
    for command in ("/reload", "/stats", "/unanswered", "/mod add 1", "/upload text", "/mod"):
        await tg.send(command)
        assert [m.text for m in tg.sent()] == ordinary, command
    session.files["f1"] = b"12.03.2026 release"
    await tg.send(None, document=document("release.txt", b"12.03.2026 release"))
    assert [m.text for m in tg.sent()] == [RU.send_text]  # as for any non-text message
    await tg.press(UploadCb(t="guess", a=UploadAction.PUBLISH).pack())
    assert tg.of(AnswerCallbackQuery)[0].text == RU.expired
    assert admin.calls == [] and session.downloads == []
    attempts = await repo.recent_refused_attempts()
    assert [a.action for a in reversed(attempts)] == [
        "/reload",
        "/stats",
        "/unanswered",
        "/mod",
        "/upload",
        "/mod",
        "upload",
        "upload_button",
    ]
    # who: the keyed hash, never the Telegram id
    assert {a.actor for a in attempts} == {repo.user_key(ALICE["id"])}
    assert all(str(ALICE["id"]) not in a.actor for a in attempts)
    assert await repo.recent_moderator_actions() == []


async def test_moderator_commands_in_groups_are_ignored(tg: Tg, admin: FakeAdmin) -> None:
    await tg.send("/reload", MODERATOR, chat=GROUP)
    assert tg.sent() == [] and admin.calls == []


async def test_added_moderator_can_reload_until_removed(
    tg: Tg, admin: FakeAdmin, repo: Storage
) -> None:
    await tg.send("/reload", HELPER)
    assert tg.sent()[0].text == RU.unknown_command
    await tg.send(f"/mod add {HELPER['id']}", MODERATOR)
    assert tg.sent()[0].text == f"Moderator {HELPER['id']} added."
    await tg.send("/reload", HELPER)
    assert [m.text for m in tg.sent()][-1].startswith("База обновлена. Встреч: 4 → 5 (+1)")
    await tg.send("/mod list", MODERATOR)
    listing = tg.sent()[0].text
    assert f"{MODERATOR['id']} (from BOT__ADMIN_IDS)" in listing and str(HELPER["id"]) in listing
    await tg.send(f"/mod remove {MODERATOR['id']}", HELPER)
    assert tg.sent()[0].text == MOD_RU.mod_configured.format(id=MODERATOR["id"])  # helper: ru
    await tg.send(f"/mod remove {HELPER['id']}", MODERATOR)
    assert tg.sent()[0].text == f"Moderator {HELPER['id']} removed."
    await tg.send("/reload", HELPER)
    assert tg.sent()[0].text == RU.unknown_command
    assert admin.calls == ["reload"]
    actions = [(a.actor, a.action) for a in reversed(await repo.recent_moderator_actions())]
    assert actions == [
        (str(MODERATOR["id"]), "mod_add"),
        (str(HELPER["id"]), "reload"),
        (str(MODERATOR["id"]), "mod_list"),
        (str(MODERATOR["id"]), "mod_remove"),
    ]


async def test_mod_rejects_bad_ids(tg: Tg, repo: Storage) -> None:
    for text in ("/mod add abc", "/mod add -5", "/mod add 0", "/mod add 99999999999999999999"):
        await tg.send(text, MODERATOR)
        assert tg.sent()[0].text == MOD_EN.mod_bad_id, text
    await tg.send("/mod promote 5", MODERATOR)
    assert tg.sent()[0].text == MOD_EN.mod_usage
    assert await repo.moderator_ids() == []


async def test_second_reload_while_one_runs_is_refused(tg: Tg, admin: FakeAdmin) -> None:
    admin.gate = asyncio.Event()
    first = asyncio.create_task(tg.send("/reload", MODERATOR))
    await admin.entered.wait()
    await tg.send("/reload", MODERATOR)
    assert [m.text for m in tg.sent()] == [MOD_EN.reload_busy]
    admin.gate.set()
    await first
    assert admin.calls == ["reload"]


async def test_failed_reload_says_why(tg: Tg, admin: FakeAdmin) -> None:
    admin.fail_with = RuntimeError("2 file(s) failed to parse: a.txt: no date")
    await tg.send("/reload", MODERATOR)
    assert [m.text for m in tg.sent()] == [
        MOD_EN.reload_started,
        MOD_EN.reload_failed.format(reason="2 file(s) failed to parse: a.txt: no date"),
    ]


async def test_refused_attempts_are_purged_with_the_question_log(repo: Storage) -> None:
    await repo.log_refused_attempt(repo.user_key(ALICE["id"]), "/reload")
    assert await repo.purge_expired(now=datetime.now(UTC) + timedelta(days=89)) == 0
    assert len(await repo.recent_refused_attempts()) == 1
    await repo.purge_expired(now=datetime.now(UTC) + timedelta(days=91))
    assert await repo.recent_refused_attempts() == []
