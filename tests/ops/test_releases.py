"""/releases, /withdraw (preview, then a confirming button) and /restore, recorded session."""

from __future__ import annotations

import pytest
from aiogram.methods import AnswerCallbackQuery, EditMessageText

from bot.storage import Storage
from bot.ui.callbacks import ReleaseAction, ReleaseCb
from bot.ui.texts import Lang, texts_for
from bot.ui.texts.moderator import mod_texts_for
from tests.bot.conftest import ALICE, Tg, button, buttons
from tests.ops.conftest import MODERATOR, document
from tests.ops.fakes import BUILTIN, FakeAdmin, OpsSession

RU = texts_for(Lang.RU)
MOD_EN = mod_texts_for(Lang.EN)
RELEASE = "12 марта 2026 года\nСенаторы встретились с жителями Караганды.\n".encode()


async def _publish(tg: Tg, session: OpsSession, name: str = "release.txt") -> None:
    session.files["f1"] = RELEASE
    await tg.send(None, MODERATOR, document=document(name, RELEASE))
    await tg.press(button(tg.sent()[-1], MOD_EN.btn_publish), MODERATOR)


async def test_releases_lists_counts_origin_and_publisher(
    tg: Tg, session: OpsSession, admin: FakeAdmin, repo: Storage
) -> None:
    await _publish(tg, session)
    await tg.send("/releases", MODERATOR)
    text = "\n".join(m.text for m in tg.sent())
    assert "Releases: 2 published, 0 archived" in text
    assert "1. 05.03.2026 · Сенаторы о проекте Конституции" in text
    assert "meetings: 4, quotes: 6, reported statements: 3" in text
    assert f"built in · {BUILTIN.file}" in text
    assert "2. 12.03.2026 · Сенаторы встретились с жителями" in text
    assert "meetings: 2, quotes: 2, reported statements: 1" in text
    # who: the moderator's id (as in the moderator log), when: local time (UTC+5)
    assert f"published by {MODERATOR['id']}, 12.03.2026 14:30" in text
    assert f"<code>{admin.records[1].id}</code>" in text
    # only the moderator's release can be withdrawn from Telegram
    assert [label for label, _ in buttons(tg.sent()[-1])] == ["🗄 Withdraw #2"]
    assert (await repo.recent_moderator_actions())[0].action == "releases"


async def test_withdraw_previews_then_archives_and_restore_brings_it_back(
    tg: Tg, session: OpsSession, admin: FakeAdmin
) -> None:
    await _publish(tg, session)
    rid = admin.records[1].id
    await tg.send(f"/withdraw {rid[:8]}", MODERATOR)  # a unique prefix is enough
    [preview] = tg.sent()
    assert preview.text.startswith("Withdraw release.txt (12.03.2026 · Сенаторы встретились")
    assert "2 meetings, 2 quotes, 1 reported statements" in preview.text
    assert f"nothing is deleted; to undo: /restore {rid}" in preview.text
    assert "withdraw" not in admin.calls  # a preview changes nothing
    await tg.press(button(preview, MOD_EN.btn_withdraw_confirm), MODERATOR)
    status, reply = tg.sent()
    assert status.text == "Withdrawing release.txt…"
    assert tg.of(EditMessageText)[-1].text == "Withdrawing release.txt — done ✓"
    assert reply.text == (
        "Withdrawn to the archive: release.txt. Gone: 2 meetings, 2 quotes, 1 reported "
        "statements. The corpus now has 4 meetings, 6 quotes, 3 reported statements. "
        f"Undo: /restore {rid}"
    )
    assert (admin.meetings, admin.statements) == (4, 9) and admin.records[1].archived
    await tg.send("/releases", MODERATOR)
    listing = "\n".join(m.text for m in tg.sent())
    assert "Releases: 1 published, 1 archived" in listing and "Archive (can be restored)" in listing
    await tg.press(button(reply, "↩ Restore #1"), MODERATOR)
    assert tg.sent()[-1].text.startswith("Restored release.txt: 2 meetings, 2 quotes")
    assert (admin.meetings, admin.statements) == (6, 12) and not admin.records[1].archived
    assert admin.calls.count("withdraw") == admin.calls.count("restore") == 1


async def test_cancel_and_unknown_or_builtin_releases_change_nothing(
    tg: Tg, session: OpsSession, admin: FakeAdmin
) -> None:
    await _publish(tg, session)
    rid = admin.records[1].id
    await tg.send(f"/withdraw {rid}", MODERATOR)
    await tg.press(button(tg.sent()[-1], MOD_EN.btn_cancel), MODERATOR)
    assert [m.text for m in tg.sent()] == [MOD_EN.discarded]
    await tg.send("/withdraw 000000000000", MODERATOR)
    assert tg.sent()[0].text == MOD_EN.withdraw_not_found.format(id="000000000000")
    await tg.send(f"/withdraw {BUILTIN.id}", MODERATOR)
    assert tg.sent()[0].text == MOD_EN.withdraw_builtin.format(name=BUILTIN.name)
    await tg.send(f"/restore {rid}", MODERATOR)  # it is not archived
    assert tg.sent()[0].text == MOD_EN.restore_not_found.format(id=rid)
    await tg.send("/withdraw", MODERATOR)
    assert tg.sent()[0].text == MOD_EN.withdraw_usage
    assert "withdraw" not in admin.calls and "restore" not in admin.calls


@pytest.mark.parametrize("command", ["/withdraw", "/restore"])
async def test_a_pasted_page_as_the_id_gets_the_refusal_not_an_apology(
    tg: Tg, session: OpsSession, command: str
) -> None:
    """The refusal repeated the argument: past 4096 characters Telegram refused the reply and
    the moderator saw only 'something went wrong'."""
    await tg.send(f"{command} " + "<release>" * 500, MODERATOR)
    (reply,) = tg.sent()
    not_found = MOD_EN.withdraw_not_found if command == "/withdraw" else MOD_EN.restore_not_found
    assert reply.text == not_found.format(id="&lt;release&gt;" * 4 + "&lt;re…")
    assert session.rejected == []


async def test_failed_withdraw_says_why_and_keeps_serving(
    tg: Tg, session: OpsSession, admin: FakeAdmin
) -> None:
    await _publish(tg, session)
    rid = admin.records[1].id
    admin.fail_with = RuntimeError("glossary.yaml, line 3: mapping values are not allowed here")
    await tg.press(ReleaseCb(a=ReleaseAction.WITHDRAW, r=rid).pack(), MODERATOR)
    assert tg.sent()[-1].text == MOD_EN.withdraw_failed.format(
        reason="glossary.yaml, line 3: mapping values are not allowed here"
    )
    assert not admin.records[1].archived and (admin.meetings, admin.statements) == (6, 12)


async def test_non_moderators_get_the_ordinary_replies(tg: Tg, admin: FakeAdmin) -> None:
    for command in ("/releases", "/withdraw abc", "/restore abc"):
        await tg.send(command)
        assert [m.text for m in tg.sent()] == [RU.unknown_command]
    await tg.press(ReleaseCb(a=ReleaseAction.WITHDRAW, r=BUILTIN.id).pack(), ALICE)
    assert tg.of(AnswerCallbackQuery)[0].text == RU.expired
    assert admin.calls == []
