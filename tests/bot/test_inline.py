"""Inline mode: up to 10 shareable quotes with citation; nothing for empty or unanswerable."""

from __future__ import annotations

from aiogram.methods import AnswerInlineQuery
from aiogram.types import InputTextMessageContent

from bot.ui.texts import Lang, texts_for
from tests.bot.conftest import BOB, Tg

RU, EN = texts_for(Lang.RU), texts_for(Lang.EN)


async def test_inline_query_offers_cited_articles(tg: Tg) -> None:
    await tg.inline("земля")
    [call] = tg.of(AnswerInlineQuery)
    assert 1 <= len(call.results) <= 10
    first = call.results[0]
    assert first.title == "Жанна Асанова · 05.03.2026"
    content = first.input_message_content
    assert isinstance(content, InputTextMessageContent)
    assert "<blockquote>" in content.message_text
    assert "Сенаторы обсудили проект Конституции" in content.message_text
    assert len({r.id for r in call.results}) == len(call.results)


async def test_inline_long_quote_is_shortened_to_fit(tg: Tg) -> None:
    await tg.inline("парламент")
    [call] = tg.of(AnswerInlineQuery)
    assert call.results[0].input_message_content.message_text.count("…") >= 1


async def test_empty_inline_query_gives_a_hint(tg: Tg) -> None:
    await tg.inline("   ", BOB)
    [call] = tg.of(AnswerInlineQuery)
    assert call.results == [] and call.button.text == EN.inline_hint


async def test_unanswerable_inline_query_gives_no_quote(tg: Tg) -> None:
    await tg.inline("погода")
    [call] = tg.of(AnswerInlineQuery)
    assert call.results == [] and call.button.text == RU.inline_no_answer


async def test_inline_card_speaks_the_questions_language(tg: Tg) -> None:
    await tg.inline("Кому принадлежит земля?", BOB)  # Bob's app is English
    [call] = tg.of(AnswerInlineQuery)
    text = call.results[0].input_message_content.message_text
    assert "Источник:" in text and "Source:" not in text
