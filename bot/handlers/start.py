"""/start, /help, /about, /lang and the example-question buttons."""

from __future__ import annotations

from contextlib import suppress

from aiogram import Bot, Router
from aiogram.exceptions import TelegramBadRequest
from aiogram.filters import Command, CommandObject, CommandStart
from aiogram.types import CallbackQuery, Message

from bot.config import Settings
from bot.handlers.answering import answer_question
from bot.middlewares.update_log import UpdateLog
from bot.storage import Storage
from bot.ui import keyboards, render
from bot.ui.callbacks import ExampleCb, LangCb
from bot.ui.sending import Target, send_chunks
from bot.ui.texts import Lang, Texts, texts_for
from retrieval.api import SearchAPI


async def on_start(message: Message, bot: Bot, tx: Texts) -> None:
    markup = keyboards.examples_keyboard(tx)
    await send_chunks(bot, Target.of_message(message), [render.welcome_message(tx)], markup)


async def on_help(message: Message, bot: Bot, tx: Texts) -> None:
    me = await bot.me()
    await send_chunks(bot, Target.of_message(message), [render.help_message(tx, me.username or "")])


async def on_about(
    message: Message, bot: Bot, tx: Texts, search: SearchAPI, settings: Settings
) -> None:
    chunks = render.about_messages(search.info(), tx, settings.db.retention_days)
    await send_chunks(bot, Target.of_message(message), chunks)


_LANG_ARGS = {"ru": Lang.RU, "kk": Lang.KK, "kz": Lang.KK, "en": Lang.EN}


async def on_lang(
    message: Message,
    command: CommandObject,
    bot: Bot,
    tx: Texts,
    lang: Lang,
    repo: Storage,
    user_key: str,
) -> None:
    """`/lang` shows the choice; `/lang kk` switches at once."""
    chosen = _LANG_ARGS.get((command.args or "").strip().lower())
    if chosen is not None:
        await repo.set_language(user_key, chosen.value)
        reply = render.simple(texts_for(chosen).lang_set)
        await send_chunks(bot, Target.of_message(message), [reply])
        return
    markup = keyboards.lang_keyboard(lang)
    await send_chunks(bot, Target.of_message(message), [render.simple(tx.lang_prompt)], markup)


async def on_lang_chosen(
    callback: CallbackQuery, callback_data: LangCb, repo: Storage, user_key: str
) -> None:
    await repo.set_language(user_key, callback_data.lang.value)
    new_tx = texts_for(callback_data.lang)
    await callback.answer(new_tx.lang_set)
    if isinstance(callback.message, Message):
        with suppress(TelegramBadRequest):  # e.g. "message is not modified"
            await callback.message.edit_text(render.simple(new_tx.lang_set))


async def on_example(
    callback: CallbackQuery,
    callback_data: ExampleCb,
    bot: Bot,
    tx: Texts,
    user_key: str,
    search: SearchAPI,
    repo: Storage,
    update_log: UpdateLog,
    settings: Settings,
) -> None:
    target = Target.of_callback(callback)
    if target is None or not 0 <= callback_data.i < len(tx.examples):
        await callback.answer(tx.expired)
        return
    await callback.answer()
    question = tx.examples[callback_data.i]
    await answer_question(
        bot=bot,
        target=target,
        text=question,
        user_key=user_key,
        search=search,
        repo=repo,
        tx=tx,
        settings=settings,
        update_log=update_log,
    )


def create_router() -> Router:
    router = Router(name=__name__)
    router.message.register(on_start, CommandStart())
    router.message.register(on_help, Command("help"))
    router.message.register(on_about, Command("about"))
    router.message.register(on_lang, Command("lang"))
    router.callback_query.register(on_lang_chosen, LangCb.filter())
    router.callback_query.register(on_example, ExampleCb.filter(), flags={"throttle": "message"})
    return router
