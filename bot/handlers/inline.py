"""Inline mode: `@bot question` in any chat offers up to 10 shareable cited quotes.

An empty query or an abstention yields no articles, only a button into the bot: sharing a
"no answer" card helps nobody, and a random quote would mislead.
"""

from __future__ import annotations

import hashlib
import time

from aiogram import Router
from aiogram.types import (
    InlineQuery,
    InlineQueryResultArticle,
    InlineQueryResultsButton,
    InputTextMessageContent,
)

from bot.config import Settings
from bot.middlewares.language import question_texts
from bot.middlewares.update_log import UpdateLog
from bot.ui import render
from bot.ui.texts import Texts
from retrieval.api import SearchAPI
from retrieval.models import Hit


def _article(hit: Hit, tx: Texts) -> InlineQueryResultArticle:
    title, description, html = render.inline_article(hit, tx)
    result_id = hit.statement_id
    if len(result_id.encode()) > 64:
        result_id = hashlib.sha256(result_id.encode()).hexdigest()[:32]
    return InlineQueryResultArticle(
        id=result_id,
        title=title,
        description=description,
        input_message_content=InputTextMessageContent(message_text=html, parse_mode="HTML"),
    )


async def on_inline_query(
    query: InlineQuery,
    tx: Texts,
    search: SearchAPI,
    update_log: UpdateLog,
    settings: Settings,
    lang_chosen: bool,
) -> None:
    question, _ = render.prepare_question(query.query, settings.retrieval.max_question_chars)
    if not question:
        button = InlineQueryResultsButton(text=tx.inline_hint, start_parameter="inline")
        await query.answer([], cache_time=300, button=button)
        return
    started = time.perf_counter()
    answer = await search.search(question, k=settings.limits.search_k)
    update_log.search_ms = (time.perf_counter() - started) * 1000
    # a card shared into a chat speaks the question's language
    tx = question_texts(tx, answer.language, chosen=lang_chosen)
    unique = {hit.statement_id: hit for hit in answer.hits} if answer.answered else {}
    update_log.answered = bool(unique)
    if not unique:
        button = InlineQueryResultsButton(text=tx.inline_no_answer, start_parameter="noanswer")
        await query.answer([], cache_time=60, button=button)
        return
    results = [_article(hit, tx) for hit in list(unique.values())[:10]]
    await query.answer(results, cache_time=60, is_personal=False)  # type: ignore[arg-type]


def create_router() -> Router:
    router = Router(name=__name__)
    router.inline_query.register(on_inline_query)
    return router
