"""/themes, /senators, /regions: a paged list of buttons, then paged statements or meetings."""

from __future__ import annotations

from contextlib import suppress

from aiogram import Bot, Router
from aiogram.exceptions import TelegramBadRequest
from aiogram.filters import Command
from aiogram.types import CallbackQuery, Message

from bot.handlers.browsing import menu_items, menu_prompt, send_browse_page
from bot.ui import keyboards, render
from bot.ui.callbacks import BrowseCb, Kind, MenuCb
from bot.ui.sending import Target, send_chunks
from bot.ui.texts import Lang, Texts
from retrieval.api import SearchAPI

_COMMANDS = {"themes": Kind.THEME, "senators": Kind.SENATOR, "regions": Kind.REGION}


async def on_menu_command(
    message: Message, bot: Bot, tx: Texts, lang: Lang, search: SearchAPI
) -> None:
    command = (message.text or "").split()[0].lstrip("/").split("@")[0].lower()
    kind = _COMMANDS.get(command, Kind.THEME)
    items = menu_items(search, kind, lang)
    text = render.simple(menu_prompt(kind, tx) if items else tx.list_empty)
    markup = keyboards.menu_keyboard(kind, items, 0)
    await send_chunks(bot, Target.of_message(message), [text], markup)


async def on_menu_page(
    callback: CallbackQuery, callback_data: MenuCb, tx: Texts, lang: Lang, search: SearchAPI
) -> None:
    items = menu_items(search, callback_data.k, lang)
    page = callback_data.p
    if page < 0 or page * keyboards.MENU_PAGE_SIZE >= len(items):
        await callback.answer(tx.no_more)
        return
    await callback.answer()
    if isinstance(callback.message, Message):
        markup = keyboards.menu_keyboard(callback_data.k, items, page)
        with suppress(TelegramBadRequest):  # "message is not modified" on a double press
            await callback.message.edit_reply_markup(reply_markup=markup)


async def on_browse(
    callback: CallbackQuery, callback_data: BrowseCb, bot: Bot, tx: Texts, search: SearchAPI
) -> None:
    target = Target.of_callback(callback)
    key, kind, page = callback_data.key, callback_data.k, callback_data.p
    if target is None or not await send_browse_page(bot, target, search, tx, kind, key, page):
        await callback.answer(tx.no_more if page > 0 else tx.expired)
        return
    await callback.answer()


def create_router() -> Router:
    router = Router(name=__name__)
    router.message.register(on_menu_command, Command(*_COMMANDS))
    router.callback_query.register(on_menu_page, MenuCb.filter())
    router.callback_query.register(on_browse, BrowseCb.filter())
    return router
