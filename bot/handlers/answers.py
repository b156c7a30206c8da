"""Buttons under an answer: More, Meeting, 👍/👎 and the 👎 reasons.

Question-bound buttons check that the presser asked the question: another user's (or a
forged) question id gets a short refusal and nothing else.
"""

from __future__ import annotations

from contextlib import suppress

from aiogram import Bot, Router
from aiogram.exceptions import TelegramBadRequest
from aiogram.types import CallbackQuery, Message

from bot.handlers.answering import send_answer_page, send_meeting
from bot.storage import QuestionRecord, Storage
from bot.ui import keyboards, render
from bot.ui.callbacks import MeetingCb, MoreCb, ReasonCb, Vote, VoteCb
from bot.ui.sending import Target, send_chunks
from bot.ui.texts import Texts
from retrieval.api import SearchAPI


async def _own_question(
    callback: CallbackQuery, question_id: int, repo: Storage, user_key: str, tx: Texts
) -> QuestionRecord | None:
    record = await repo.get_question(question_id)
    if record is None:
        await callback.answer(tx.expired)
        return None
    if record.user_key != user_key:
        await callback.answer(tx.not_yours)
        return None
    return record


async def on_more(
    callback: CallbackQuery,
    callback_data: MoreCb,
    bot: Bot,
    tx: Texts,
    user_key: str,
    search: SearchAPI,
    repo: Storage,
) -> None:
    record = await _own_question(callback, callback_data.q, repo, user_key, tx)
    target = Target.of_callback(callback)
    if record is None:
        return
    if target is None:  # a press with no message to answer under: the spinner must still stop
        await callback.answer(tx.expired)
        return
    hits = [hit for hit_id in record.hit_ids if (hit := search.hit(hit_id)) is not None]
    if not await send_answer_page(bot, target, tx, hits, callback_data.p, record.id):
        await callback.answer(tx.no_more)
        return
    await callback.answer()


async def on_meeting(
    callback: CallbackQuery, callback_data: MeetingCb, bot: Bot, tx: Texts, search: SearchAPI
) -> None:
    target = Target.of_callback(callback)
    if target is None or not await send_meeting(bot, target, search, tx, callback_data.m):
        await callback.answer(tx.meeting_not_found)
        return
    await callback.answer()


async def on_vote(
    callback: CallbackQuery,
    callback_data: VoteCb,
    bot: Bot,
    tx: Texts,
    user_key: str,
    repo: Storage,
) -> None:
    record = await _own_question(callback, callback_data.q, repo, user_key, tx)
    if record is None:
        return
    await repo.record_vote(record.id, callback_data.v.value)
    await callback.answer(tx.vote_thanks)
    target = Target.of_callback(callback)
    if callback_data.v is Vote.DOWN and target is not None:
        markup = keyboards.reasons_keyboard(tx, record.id)
        await send_chunks(bot, target, [render.simple(tx.reason_prompt)], markup)


async def on_reason(
    callback: CallbackQuery,
    callback_data: ReasonCb,
    tx: Texts,
    user_key: str,
    repo: Storage,
) -> None:
    record = await _own_question(callback, callback_data.q, repo, user_key, tx)
    if record is None:
        return
    await repo.record_reason(record.id, callback_data.r.value)
    await callback.answer(tx.reason_thanks)
    if isinstance(callback.message, Message):
        with suppress(TelegramBadRequest):  # pressed twice: "message is not modified"
            await callback.message.edit_text(render.simple(tx.reason_thanks))


def create_router() -> Router:
    router = Router(name=__name__)
    router.callback_query.register(on_more, MoreCb.filter())
    router.callback_query.register(on_meeting, MeetingCb.filter())
    router.callback_query.register(on_vote, VoteCb.filter())
    router.callback_query.register(on_reason, ReasonCb.filter())
    return router
