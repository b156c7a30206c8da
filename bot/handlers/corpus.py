"""Moderators change the corpus: upload a release (file or pasted text) → preview → Publish or
Discard; /reload rebuilds from the raw folders. Private chats only, moderators only: everyone
else is answered by the refusal handlers in `moderation.py` as if these did not exist.
"""

from __future__ import annotations

import logging

from aiogram import Bot, F, Router
from aiogram.enums import ChatType
from aiogram.exceptions import TelegramAPIError
from aiogram.filters import Command, CommandObject
from aiogram.types import CallbackQuery, Document, Message, User

from bot.handlers.changes import CorpusOpsRequired, drop_buttons, run_change
from bot.handlers.filters import IsModerator
from bot.services.corpus_ops import CorpusOps, ReloadError, one_line
from bot.services.uploads import (
    UploadRefused,
    check_lines,
    check_name,
    check_size,
    check_text_like,
    paste_name,
)
from bot.shared import SharedUnavailable, UploadStore
from bot.storage import Storage
from bot.ui import keyboards, render_admin, render_releases
from bot.ui.callbacks import UploadAction, UploadCb
from bot.ui.render import simple
from bot.ui.sending import Target, send_chunks
from bot.ui.texts import Lang, Texts
from bot.ui.texts.moderator import ModTexts, mod_texts_for
from retrieval.ingest.caption import apply_caption

log = logging.getLogger(__name__)


def _refusal_text(refused: UploadRefused, mtx: ModTexts) -> str:
    template = {
        "bad_type": mtx.upload_bad_type,
        "too_big": mtx.upload_too_big,
        "binary": mtx.upload_binary,
        "long_line": mtx.upload_long_line,
        "download_failed": mtx.upload_download_failed,
    }[refused.kind]
    return template.format(**refused.values)


async def _download(bot: Bot, document: Document) -> bytes:
    try:
        stream = await bot.download(document)
    except (TelegramAPIError, OSError, TimeoutError) as exc:
        raise UploadRefused("download_failed", reason=one_line(exc)) from None
    if stream is None:  # pragma: no cover - only when a destination is given
        raise UploadRefused("download_failed", reason="empty")
    return stream.read()


async def _preview(
    bot: Bot,
    target: Target,
    user: User,
    name: str,
    data: bytes,
    tx: Texts,
    mtx: ModTexts,
    ops: CorpusOps,
    uploads: UploadStore,
    repo: Storage,
) -> None:
    try:
        result = await ops.preview(name, data)
    except ReloadError as exc:
        await send_chunks(bot, target, [simple(mtx.publish_failed.format(reason=str(exc)))])
        return
    if not result.ok:
        errors = sum(1 for i in result.issues if i.level == "error")
        await repo.log_moderator_action(user.id, "upload_refused", f"{name}: {errors} error(s)")
        await send_chunks(bot, target, render_admin.refused_messages(name, result, mtx))
        return
    try:
        token = await uploads.put(user.id, name, data)
    except SharedUnavailable as exc:
        log.warning("upload preview not kept: %s", exc)
        await send_chunks(bot, target, [simple(mtx.shared_unavailable)])
        return
    warnings = len(result.issues)
    detail = f"{name}: {len(result.corpus.meetings)} meetings, {warnings} warning(s)"
    await repo.log_moderator_action(user.id, "upload", detail)
    chunks = render_admin.preview_messages(name, result, tx, mtx)
    await send_chunks(bot, target, chunks, keyboards.upload_keyboard(mtx, token))


async def _take_document(
    message: Message,
    document: Document,
    bot: Bot,
    tx: Texts,
    mtx: ModTexts,
    ops: CorpusOps,
    uploads: UploadStore,
    repo: Storage,
    user: User,
    caption: str | None = None,
) -> None:
    target = Target.of_message(message)
    name = document.file_name or "upload"
    try:
        check_name(name)
        check_size(document.file_size)  # before downloading: a huge file is never fetched
        data = await _download(bot, document)
        check_size(len(data))
        check_text_like(name, data)
        check_lines(name, data)
    except UploadRefused as refused:
        await repo.log_moderator_action(user.id, "upload_refused", f"{name}: {refused.kind}")
        await send_chunks(bot, target, [simple(_refusal_text(refused, mtx))])
        return
    data = apply_caption(name, data, caption)  # "https://… 05.03.2026": the release's URL, date
    await _preview(bot, target, user, name, data, tx, mtx, ops, uploads, repo)


async def on_document(
    message: Message,
    bot: Bot,
    tx: Texts,
    lang: Lang,
    corpus_ops: CorpusOps,
    uploads: UploadStore,
    repo: Storage,
    event_from_user: User,
) -> None:
    mtx = mod_texts_for(lang)
    if message.document is None:
        await send_chunks(bot, Target.of_message(message), [simple(mtx.unavailable)])
        return
    await _take_document(
        message,
        message.document,
        bot,
        tx,
        mtx,
        corpus_ops,
        uploads,
        repo,
        event_from_user,
        message.caption,
    )


async def on_upload(
    message: Message,
    command: CommandObject,
    bot: Bot,
    tx: Texts,
    lang: Lang,
    corpus_ops: CorpusOps,
    uploads: UploadStore,
    repo: Storage,
    event_from_user: User,
) -> None:
    """`/upload <pasted release>`, or `/upload` in reply to a text or a file."""
    mtx = mod_texts_for(lang)
    target = Target.of_message(message)
    replied = message.reply_to_message
    if replied is not None and replied.document is not None:
        await _take_document(
            message,
            replied.document,
            bot,
            tx,
            mtx,
            corpus_ops,
            uploads,
            repo,
            event_from_user,
            command.args or replied.caption,
        )
        return
    text = command.args or (replied.text or replied.caption if replied is not None else None)
    if not text or not text.strip():
        await send_chunks(bot, target, [simple(mtx.upload_usage)])
        return
    data = text.encode("utf-8")
    try:
        check_size(len(data))
    except UploadRefused as refused:
        await send_chunks(bot, target, [simple(_refusal_text(refused, mtx))])
        return
    name = paste_name()
    await _preview(bot, target, event_from_user, name, data, tx, mtx, corpus_ops, uploads, repo)


async def on_upload_button(
    callback: CallbackQuery,
    callback_data: UploadCb,
    bot: Bot,
    tx: Texts,
    lang: Lang,
    corpus_ops: CorpusOps,
    uploads: UploadStore,
    repo: Storage,
) -> None:
    mtx = mod_texts_for(lang)
    user = callback.from_user
    try:
        pending = await uploads.get(callback_data.t, user.id)
    except SharedUnavailable as exc:
        log.warning("upload button: %s", exc)
        await callback.answer(mtx.shared_unavailable)  # the upload stays; press again later
        return
    target = Target.of_callback(callback)
    if pending is None or target is None:
        await callback.answer(tx.expired)  # stale, forged or another moderator's token
        return
    if callback_data.a is UploadAction.DISCARD:
        await _forget(uploads, callback_data.t)
        await repo.log_moderator_action(user.id, "discard", pending.name)
        await callback.answer(mtx.discarded)
        await drop_buttons(callback)
        await send_chunks(bot, target, [simple(mtx.discarded)])
        return
    if corpus_ops.busy:
        await callback.answer(mtx.reload_busy)  # the upload stays; press again later
        return
    await callback.answer(mtx.publishing)
    await drop_buttons(callback)
    report = await run_change(
        bot,
        target,
        mtx,
        mtx.publish_status.format(name=pending.name),
        lambda progress: corpus_ops.publish(user.id, pending.name, pending.data, progress),
        mtx.publish_failed,
        busy_markup=keyboards.upload_keyboard(mtx, callback_data.t),  # the upload stays
        on_failed=lambda: _forget(uploads, callback_data.t),
    )
    if report is None:
        return
    await _forget(uploads, callback_data.t)
    if report.unchanged:
        reply = render_releases.already_message(report, tx, mtx)
    else:
        reply = render_admin.published_message(pending.name, report, mtx)
    await send_chunks(bot, target, [reply])


async def _forget(uploads: UploadStore, token: str) -> None:
    """Best effort: a pending upload that cannot be dropped now expires by itself."""
    try:
        await uploads.discard(token)
    except SharedUnavailable as exc:
        log.warning("pending upload left to expire: %s", exc)


async def on_reload(
    message: Message,
    bot: Bot,
    lang: Lang,
    corpus_ops: CorpusOps,
    event_from_user: User,
) -> None:
    mtx = mod_texts_for(lang)
    target = Target.of_message(message)
    if corpus_ops.busy:
        await send_chunks(bot, target, [simple(mtx.reload_busy)])
        return
    report = await run_change(
        bot,
        target,
        mtx,
        mtx.reload_started.rstrip("…"),
        lambda progress: corpus_ops.reload(event_from_user.id, progress),
        mtx.reload_failed,
        first_text=simple(mtx.reload_started),
    )
    if report is not None:
        await send_chunks(bot, target, [render_admin.reloaded_message(report, mtx)])


def create_router() -> Router:
    router = Router(name=__name__)
    router.message.filter(F.chat.type == ChatType.PRIVATE)
    moderator = IsModerator()
    # after the moderator filter matched: everyone else still gets moderation.py's refusals
    router.message.middleware(CorpusOpsRequired())
    router.callback_query.middleware(CorpusOpsRequired())
    router.message.register(on_reload, Command("reload"), moderator)
    router.message.register(on_upload, Command("upload"), moderator)
    router.message.register(on_document, F.document, moderator)
    router.callback_query.register(on_upload_button, UploadCb.filter(), moderator)
    return router
