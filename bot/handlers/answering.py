"""A question's life: typing…, search, log, answer page with buttons — or a plain abstention."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Sequence
from contextlib import suppress

from aiogram import Bot
from aiogram.enums import ChatAction
from aiogram.exceptions import TelegramAPIError
from aiogram.types import InlineKeyboardMarkup

from bot.config import Settings
from bot.handlers.browsing import menu_items
from bot.middlewares.language import follow_question
from bot.middlewares.update_log import UpdateLog
from bot.storage import Storage
from bot.ui import keyboards, render, wording
from bot.ui.callbacks import Kind
from bot.ui.sending import Target, send_chunks
from bot.ui.smalltalk import Courtesy, courtesy, courtesy_language
from bot.ui.texts import Texts
from retrieval.api import SearchAPI
from retrieval.models import Answer, Hit


async def answer_question(
    *,
    bot: Bot,
    target: Target,
    text: str,
    user_key: str,
    search: SearchAPI,
    repo: Storage,
    tx: Texts,
    settings: Settings,
    update_log: UpdateLog | None = None,
    empty_reply: str | None = None,
    lang_chosen: bool = True,
) -> None:
    """`empty_reply`: what a question of nothing but spaces gets (default: /ask's usage);
    `lang_chosen`: False lets the reply follow the question's language."""
    question, truncated_at = render.prepare_question(text, settings.retrieval.max_question_chars)
    if not question:
        await send_chunks(bot, target, [render.simple(empty_reply or tx.ask_usage)])
        return
    if (kind := courtesy(question)) is not None:
        language = courtesy_language(question)
        tx = await follow_question(repo, user_key, tx, language, chosen=lang_chosen)
        await send_courtesy(bot, target, search, tx, kind)
        return
    # "typing…" and the user row are not on the search's path: three round trips become one.
    (answer, search_ms), _, _ = await asyncio.gather(
        _timed_search(search, question, settings.limits.search_k),
        _show_typing(bot, target),
        repo.ensure_user(user_key),
    )
    tx = await follow_question(repo, user_key, tx, answer.language, chosen=lang_chosen)
    latency_ms = int(search_ms)
    hits = list(answer.hits) if answer.answered else []
    question_id = await repo.log_question(
        user_key, target.chat_type, question, bool(hits), [h.statement_id for h in hits], latency_ms
    )
    if update_log is not None:
        update_log.answered = bool(hits)
        update_log.search_ms = search_ms
    if not hits:
        await send_abstention(bot, target, search, tx, answer.silent, general=answer.general)
        return
    await send_answer_page(bot, target, tx, hits, 0, question_id, truncated_at, answer.silent)


async def _timed_search(search: SearchAPI, question: str, k: int) -> tuple[Answer, float]:
    started = time.perf_counter()
    answer = await search.search(question, k=k)
    return answer, (time.perf_counter() - started) * 1000


async def _show_typing(bot: Bot, target: Target) -> None:
    with suppress(TelegramAPIError):
        await bot.send_chat_action(
            chat_id=target.chat_id, action=ChatAction.TYPING, message_thread_id=target.thread_id
        )


async def send_abstention(
    bot: Bot,
    target: Target,
    search: SearchAPI,
    tx: Texts,
    silent: Sequence[str] = (),
    *,
    general: bool = False,
) -> None:
    """Say plainly that the corpus does not cover it — or that the question names no subject to
    look for (`general`); offer themes, never a random quote."""
    markup = _themes(search, tx)
    lines = [wording.silent_line(silent, tx)] if silent else []
    lines += [tx.too_general] if general else [tx.no_answer, tx.no_answer_hint]
    await send_chunks(bot, target, [render.simple(*lines)], markup)


def _themes(search: SearchAPI, tx: Texts) -> InlineKeyboardMarkup:
    """The first page of theme buttons, offered where no quote is."""
    return keyboards.menu_keyboard(Kind.THEME, menu_items(search, Kind.THEME, tx.lang), 0)


async def send_courtesy(
    bot: Bot, target: Target, search: SearchAPI, tx: Texts, kind: Courtesy
) -> None:
    """A greeting is answered with what the bot does and the themes; thanks or goodbye briefly;
    a typed "ещё" with where the next page is. None is searched nor logged as a question."""
    if kind is Courtesy.GREETING:
        markup = _themes(search, tx)
        await send_chunks(bot, target, [render.simple(tx.courtesy_greeting)], markup)
    else:
        text = tx.courtesy_more if kind is Courtesy.MORE else tx.courtesy_closing
        await send_chunks(bot, target, [render.simple(text)])


async def send_answer_page(
    bot: Bot,
    target: Target,
    tx: Texts,
    hits: Sequence[Hit],
    page: int,
    question_id: int | None,
    truncated_at: int | None = None,
    silent: Sequence[str] = (),
) -> bool:
    """Page `page` of the hits; False (nothing sent) when the page is out of range."""
    start = page * render.PAGE_SIZE
    page_hits = list(hits[start : start + render.PAGE_SIZE]) if page >= 0 else []
    if not page_hits:
        return False
    chunks = render.answer_messages(page_hits, page, len(hits), tx, truncated_at, silent)
    next_page = page + 1 if start + render.PAGE_SIZE < len(hits) else None
    meetings = keyboards.distinct_meetings([h.meeting.id for h in page_hits], start + 1)
    markup = keyboards.answer_keyboard(tx, question_id, next_page, meetings)
    await send_chunks(bot, target, chunks, markup)
    return True


async def send_meeting(
    bot: Bot, target: Target, search: SearchAPI, tx: Texts, meeting_id: str
) -> bool:
    """The whole meeting report; False when the id is unknown (forged or corpus reloaded)."""
    meeting = search.meeting(meeting_id)
    if meeting is None:
        return False
    document = search.document(meeting.document_id)
    chunks = render.meeting_messages(
        meeting, document.title if document else None, tx, document.url if document else None
    )
    await send_chunks(bot, target, chunks)
    return True
