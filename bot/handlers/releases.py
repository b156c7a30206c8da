"""Releases as records for moderators: /releases lists them (date, title, meetings, quotes and
reported statements, who published them and when); /withdraw previews what disappears and,
confirmed by a button, moves the release to the archive; /restore (or its button) brings it
back. Nothing is ever deleted. Private chats, moderators only (everyone else gets the
refusals of `moderation.py`)."""

from __future__ import annotations

from collections.abc import Awaitable, Callable

from aiogram import Bot, F, Router
from aiogram.enums import ChatType
from aiogram.filters import Command, CommandObject
from aiogram.types import CallbackQuery, InlineKeyboardMarkup, Message, User

from bot.handlers.changes import CorpusOpsRequired, drop_buttons, run_change
from bot.handlers.filters import IsModerator
from bot.services.corpus_ops import CorpusOps, ReloadError
from bot.storage import Storage
from bot.ui import keyboards, render_releases
from bot.ui.callbacks import ReleaseAction, ReleaseCb
from bot.ui.render import simple
from bot.ui.sending import Target, send_chunks
from bot.ui.texts import Lang, Texts
from bot.ui.texts.moderator import ModTexts, mod_texts_for
from retrieval.api import ReleaseRecord, ReloadReport
from retrieval.progress import Step

# Release ids are short hex; an echoed argument longer than this is cut (a pasted page made the
# reply longer than Telegram's 4096 characters, and the moderator saw only an apology).
_SHOWN_ID_CHARS = 40


def _shown(rid: str) -> str:
    """The ID a moderator typed, as a refusal repeats it."""
    rid = " ".join(rid.split())
    return rid if len(rid) <= _SHOWN_ID_CHARS else rid[: _SHOWN_ID_CHARS - 1] + "…"


async def _find(ops: CorpusOps, rid: str) -> ReleaseRecord | None:
    """By id, or by a prefix of at least 6 characters that names exactly one release."""
    rid = rid.strip().lower()
    records = await ops.releases()
    exact = [r for r in records if r.id == rid]
    if exact:
        return exact[0]
    matches = [r for r in records if len(rid) >= 6 and r.id.startswith(rid)]
    return matches[0] if len(matches) == 1 else None


async def on_releases(
    message: Message,
    bot: Bot,
    tx: Texts,
    lang: Lang,
    corpus_ops: CorpusOps,
    repo: Storage,
    event_from_user: User,
) -> None:
    mtx = mod_texts_for(lang)
    target = Target.of_message(message)
    try:
        records = await corpus_ops.releases()
    except ReloadError as exc:
        await send_chunks(bot, target, [simple(mtx.withdraw_failed.format(reason=str(exc)))])
        return
    await repo.log_moderator_action(event_from_user.id, "releases", "")
    chunks = render_releases.releases_messages(records, tx, mtx)
    await send_chunks(bot, target, chunks, keyboards.releases_keyboard(records, mtx))


async def _ask_withdraw(
    bot: Bot, target: Target, ops: CorpusOps, rid: str, tx: Texts, mtx: ModTexts
) -> None:
    record = await _find(ops, rid)
    if record is None or record.archived:
        await send_chunks(bot, target, [simple(mtx.withdraw_not_found.format(id=_shown(rid)))])
    elif record.origin == "builtin":
        await send_chunks(bot, target, [simple(mtx.withdraw_builtin.format(name=record.name))])
    else:
        preview = render_releases.withdraw_preview(record, tx, mtx)
        await send_chunks(bot, target, [preview], keyboards.withdraw_keyboard(mtx, record.id))


async def on_withdraw(
    message: Message,
    command: CommandObject,
    bot: Bot,
    tx: Texts,
    lang: Lang,
    corpus_ops: CorpusOps,
) -> None:
    """`/withdraw ID`: first a preview of what disappears; the button confirms."""
    mtx = mod_texts_for(lang)
    target = Target.of_message(message)
    if not command.args:
        await send_chunks(bot, target, [simple(mtx.withdraw_usage)])
    else:
        await _ask_withdraw(bot, target, corpus_ops, command.args, tx, mtx)


async def _change(
    bot: Bot,
    target: Target,
    mtx: ModTexts,
    title: str,
    run: Callable[[Step], Awaitable[ReloadReport]],
    done: str,
    failed: str,
    markup: InlineKeyboardMarkup | None = None,
) -> None:
    """Run a withdraw/restore with its status message; reply with the outcome."""
    report = await run_change(bot, target, mtx, title, run, failed)
    if report is not None:
        await send_chunks(bot, target, [render_releases.change_message(done, report, "")], markup)


async def _restore(
    bot: Bot, target: Target, ops: CorpusOps, user: User, rid: str, mtx: ModTexts
) -> None:
    record = await _find(ops, rid)
    if record is None or not record.archived:
        await send_chunks(bot, target, [simple(mtx.restore_not_found.format(id=_shown(rid)))])
        return
    await _change(
        bot,
        target,
        mtx,
        mtx.restore_status.format(name=record.name),
        lambda progress: ops.restore(user.id, record.id, progress),
        mtx.restored,
        mtx.restore_failed,
    )


async def on_restore(
    message: Message,
    command: CommandObject,
    bot: Bot,
    lang: Lang,
    corpus_ops: CorpusOps,
    event_from_user: User,
) -> None:
    """`/restore ID`: the archived release comes back (nothing to confirm: nothing is lost)."""
    mtx = mod_texts_for(lang)
    target = Target.of_message(message)
    if not command.args:
        await send_chunks(bot, target, [simple(mtx.restore_usage)])
    elif corpus_ops.busy:
        await send_chunks(bot, target, [simple(mtx.reload_busy)])
    else:
        await _restore(bot, target, corpus_ops, event_from_user, command.args, mtx)


async def on_release_button(
    callback: CallbackQuery,
    callback_data: ReleaseCb,
    bot: Bot,
    tx: Texts,
    lang: Lang,
    corpus_ops: CorpusOps,
) -> None:
    mtx = mod_texts_for(lang)
    target = Target.of_callback(callback)
    if target is None:
        await callback.answer(tx.expired)
        return
    action, rid, user = callback_data.a, callback_data.r, callback.from_user
    if action is ReleaseAction.ASK:
        await callback.answer()
        await _ask_withdraw(bot, target, corpus_ops, rid, tx, mtx)
        return
    if action is ReleaseAction.CANCEL:
        await callback.answer(mtx.discarded)
        await drop_buttons(callback)
        await send_chunks(bot, target, [simple(mtx.discarded)])
        return
    if corpus_ops.busy:
        await callback.answer(mtx.reload_busy)  # nothing started; press again later
        return
    await drop_buttons(callback)
    if action is ReleaseAction.RESTORE:
        await callback.answer(mtx.restoring)
        await _restore(bot, target, corpus_ops, user, rid, mtx)
        return
    await callback.answer(mtx.withdrawing)
    record = await _find(corpus_ops, rid)
    if record is None or record.archived:
        await send_chunks(bot, target, [simple(mtx.withdraw_not_found.format(id=_shown(rid)))])
        return
    await _change(
        bot,
        target,
        mtx,
        mtx.withdraw_status.format(name=record.name),
        lambda progress: corpus_ops.withdraw(user.id, record.id, progress),
        mtx.withdrawn,
        mtx.withdraw_failed,
        keyboards.restore_keyboard(mtx, record.id),  # undo is one press away
    )


def create_router() -> Router:
    router = Router(name=__name__)
    router.message.filter(F.chat.type == ChatType.PRIVATE)
    moderator = IsModerator()
    # after the moderator filter matched: everyone else still gets moderation.py's refusals
    router.message.middleware(CorpusOpsRequired())
    router.callback_query.middleware(CorpusOpsRequired())
    router.message.register(on_releases, Command("releases"), moderator)
    router.message.register(on_withdraw, Command("withdraw"), moderator)
    router.message.register(on_restore, Command("restore"), moderator)
    router.callback_query.register(on_release_button, ReleaseCb.filter(), moderator)
    return router
