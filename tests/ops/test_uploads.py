"""Moderator uploads: preview → Publish / Discard; refused files change nothing."""

from __future__ import annotations

import asyncio

from aiogram.methods import (
    AnswerCallbackQuery,
    EditMessageReplyMarkup,
    EditMessageText,
    GetFile,
)

from bot.services.uploads import MAX_UPLOAD_BYTES
from bot.storage import Storage
from bot.ui.callbacks import UploadAction, UploadCb
from bot.ui.texts import Lang
from bot.ui.texts.moderator import mod_texts_for
from tests.bot.conftest import Tg, button, buttons
from tests.ops.conftest import HELPER, MODERATOR, document
from tests.ops.fakes import FakeAdmin, OpsSession

MOD_EN = mod_texts_for(Lang.EN)

RELEASE = "12 марта 2026 года\nСенаторы встретились с жителями Караганды.\n".encode()


async def _upload(
    tg: Tg, session: OpsSession, name: str = "release.txt", data: bytes = RELEASE
) -> None:
    session.files["f1"] = data
    await tg.send(None, MODERATOR, document=document(name, data))


async def test_upload_shows_a_full_preview_with_publish_and_discard(
    tg: Tg, session: OpsSession, admin: FakeAdmin
) -> None:
    await _upload(tg, session)
    assert len(session.downloads) == 1
    text = "\n".join(m.text for m in tg.sent())
    assert "Preview: release.txt" in text
    assert "Release: 12.03.2026 · Сенаторы встретились с жителями" in text
    assert "Meetings: 2 · statements: 3 (direct quotes: 2)" in text
    # each meeting: date, senators, place, audience (escaped); each quote with its speaker
    assert "Meeting 1 · 📅 12.03.2026" in text and "Senators: Нурлан Бекенов" in text
    assert "📍 Караганда" in text and "шахтёры &lt;ТОО «Уголь»&gt;" in text
    assert "<b>Нурлан Бекенов</b>: «Право на труд" in text and "…»" in text  # shortened
    assert "<b>speaker not named</b>: «Молодёжь должна знать свои права.»" in text
    assert "Warnings (1)" in text and "¶6, line 14: quote without a speaker" in text
    last = tg.sent()[-1]
    assert [label for label, _ in buttons(last)] == [MOD_EN.btn_publish, MOD_EN.btn_discard]
    assert admin.calls == ["preview"]


async def test_caption_gives_the_release_its_address_and_date(
    tg: Tg, session: OpsSession, admin: FakeAdmin
) -> None:
    session.files["f1"] = RELEASE
    caption = "https://senate.example.kz/news/7 от 05.03.2026"
    await tg.send(None, MODERATOR, document=document("release.txt", RELEASE), caption=caption)
    assert (
        admin.previewed[-1] == b"url https://senate.example.kz/news/7\ndate 2026-03-05\n" + RELEASE
    )


async def test_publish_swaps_in_the_upload_and_reports_the_difference(
    tg: Tg, session: OpsSession, admin: FakeAdmin, repo: Storage
) -> None:
    await _upload(tg, session)
    publish = button(tg.sent()[-1], MOD_EN.btn_publish)
    await tg.press(publish, MODERATOR)
    assert admin.published == [("release.txt", RELEASE)]
    status, reply = tg.sent()
    assert status.text == "Publishing release.txt…"
    # the status message is edited as the rebuild advances, and ends with "done"
    edits = [e.text for e in tg.of(EditMessageText)]
    assert edits == [
        "Publishing release.txt — parsing releases: 0 of 2",
        "Publishing release.txt — embedding statements: 3 of 3",
        "Publishing release.txt — switching to the new version…",
        "Publishing release.txt — done ✓",
    ]
    assert reply.text == (  # 2 quotes and 1 reported statement: counted apart
        "Published release.txt: 2 meetings, 2 quotes, 1 reported statements. "
        "The corpus now has 6 meetings, 8 quotes, 4 reported statements."
    )
    assert tg.of(EditMessageReplyMarkup)  # the buttons are gone
    await tg.press(publish, MODERATOR)  # pressed again: nothing is published twice
    assert tg.of(AnswerCallbackQuery)[0].text.startswith("This button has expired")
    assert len(admin.published) == 1
    actions = [a.action for a in reversed(await repo.recent_moderator_actions())]
    assert actions == ["upload", "publish"]
    publish_log = (await repo.recent_moderator_actions())[0]
    assert publish_log.actor == str(MODERATOR["id"])
    assert "meetings 4->6, statements 9->12" in publish_log.detail


async def test_discard_changes_nothing(
    tg: Tg, session: OpsSession, admin: FakeAdmin, repo: Storage
) -> None:
    await _upload(tg, session)
    preview = tg.sent()[-1]
    await tg.press(button(preview, MOD_EN.btn_discard), MODERATOR)
    assert [m.text for m in tg.sent()] == [MOD_EN.discarded]
    await tg.press(button(preview, MOD_EN.btn_publish), MODERATOR)
    assert tg.of(AnswerCallbackQuery)[0].text.startswith("This button has expired")
    assert admin.calls == ["preview"] and admin.published == []
    assert (await repo.recent_moderator_actions())[0].action == "discard"


async def test_oversized_file_is_refused_without_downloading(
    tg: Tg, session: OpsSession, admin: FakeAdmin
) -> None:
    session.files["f1"] = b"x"
    big = MAX_UPLOAD_BYTES + 1
    await tg.send(None, MODERATOR, document=document("huge.txt", None, size=big))
    [reply] = tg.sent()
    assert reply.text == MOD_EN.upload_too_big.format(size=big, limit=MAX_UPLOAD_BYTES)
    assert session.downloads == [] and tg.of(GetFile) == []
    assert admin.calls == []


async def test_wrong_type_is_refused_without_downloading(
    tg: Tg, session: OpsSession, admin: FakeAdmin
) -> None:
    await _upload(tg, session, name="release.pdf")
    assert tg.sent()[0].text == MOD_EN.upload_bad_type.format(name="release.pdf")
    assert session.downloads == [] and admin.calls == []


async def test_binary_disguised_as_text_is_refused(
    tg: Tg, session: OpsSession, admin: FakeAdmin
) -> None:
    for data in (b"PK\x03\x04" + b"\x00" * 100, b"\x89PNG\r\n\x1a\n", "текст\x00".encode()):
        await _upload(tg, session, name="release.txt", data=data)
        assert tg.sent()[0].text == MOD_EN.upload_binary.format(name="release.txt")
    assert admin.calls == []


async def test_a_file_that_does_not_parse_is_refused_with_the_reasons(
    tg: Tg, session: OpsSession, admin: FakeAdmin
) -> None:
    await _upload(tg, session, data=b"BROKEN release")
    [reply] = tg.sent()
    assert "Refused: release.txt cannot be published." in reply.text
    assert "no date in the first lines" in reply.text
    assert buttons(reply) == []
    assert admin.calls == ["preview"]


async def test_pasted_text_and_reply_are_previewed(tg: Tg, admin: FakeAdmin) -> None:
    await tg.send("/upload 12 марта 2026 года\nСенатор встретился с жителями.", MODERATOR)
    assert "Preview: paste-" in tg.sent()[0].text
    assert buttons(tg.sent()[-1])
    pasted = tg.message("12 марта 2026 года. Текст релиза.", MODERATOR)
    await tg.send("/upload", MODERATOR, reply_to_message=pasted)
    assert "Preview: paste-" in tg.sent()[0].text
    await tg.send("/upload", MODERATOR)
    assert tg.sent()[0].text == MOD_EN.upload_usage
    assert admin.calls == ["preview", "preview"]


async def test_forged_or_foreign_tokens_are_expired(
    tg: Tg, session: OpsSession, admin: FakeAdmin, repo: Storage
) -> None:
    await repo.add_moderator(HELPER["id"], MODERATOR["id"])
    await _upload(tg, session)
    publish = button(tg.sent()[-1], MOD_EN.btn_publish)
    await tg.press(publish, HELPER)  # another moderator's upload
    await tg.press(UploadCb(t="forged-token", a=UploadAction.PUBLISH).pack(), MODERATOR)
    await tg.press("up:" + "A" * 60 + ":p", MODERATOR)
    assert admin.published == []
    await tg.press(publish, MODERATOR)  # the owner still can
    assert len(admin.published) == 1


async def test_publish_failure_keeps_the_live_corpus_and_says_why(
    tg: Tg, session: OpsSession, admin: FakeAdmin, repo: Storage
) -> None:
    admin.fail_with = RuntimeError("the new corpus could not be built: disk full\nTraceback…")
    await _upload(tg, session)
    await tg.press(button(tg.sent()[-1], MOD_EN.btn_publish), MODERATOR)
    _, reply = tg.sent()
    assert tg.of(EditMessageText)[-1].text == "Publishing release.txt — failed ✗"
    assert reply.text == MOD_EN.publish_failed.format(
        reason="the new corpus could not be built: disk full"
    )
    assert (admin.meetings, admin.statements) == (4, 9)
    assert (
        "failed: the new corpus could not be built"
        in (await repo.recent_moderator_actions())[0].detail
    )


async def test_second_publish_press_while_publishing_is_refused(
    tg: Tg, session: OpsSession, admin: FakeAdmin
) -> None:
    await _upload(tg, session)
    publish = button(tg.sent()[-1], MOD_EN.btn_publish)
    admin.gate = asyncio.Event()
    first = asyncio.create_task(tg.press(publish, MODERATOR))
    await admin.entered.wait()
    await tg.press(publish, MODERATOR)
    assert tg.of(AnswerCallbackQuery)[0].text == MOD_EN.reload_busy
    admin.gate.set()
    await first
    assert len(admin.published) == 1


async def test_the_same_content_again_is_already_published(
    tg: Tg, session: OpsSession, admin: FakeAdmin, repo: Storage
) -> None:
    await _upload(tg, session)
    await tg.press(button(tg.sent()[-1], MOD_EN.btn_publish), MODERATOR)
    await _upload(tg, session, name="copy-of-release.txt")  # every moderator's second try
    await tg.press(button(tg.sent()[-1], MOD_EN.btn_publish), MODERATOR)
    reply = tg.sent()[-1]
    assert reply.text == (
        f"This text is already published: release.txt-{admin.records[1].id} "
        "(12.03.2026 · Сенаторы встретились с жителями). Nothing changed."
    )
    assert (admin.meetings, admin.statements) == (6, 12)  # counted once
    assert "already published" in (await repo.recent_moderator_actions())[0].detail
