"""/mod, /stats, /unanswered for moderators; and the refusals everyone else gets.

A non-moderator's moderator command, upload or upload button gets exactly the reply the bot
would give if moderation did not exist (unknown command / "send text" / expired button), so
nothing is revealed; the attempt is logged under the user's keyed hash.
"""

from __future__ import annotations

from collections import Counter

from aiogram import Bot, F, Router
from aiogram.enums import ChatType
from aiogram.filters import Command, CommandObject
from aiogram.types import CallbackQuery, Message, User

from bot.config import Settings
from bot.handlers.filters import IsModerator
from bot.storage import STATS_UTC_OFFSET, Storage, window_start
from bot.ui import render_admin
from bot.ui.callbacks import UploadCb
from bot.ui.render import PAGE_SIZE, simple
from bot.ui.sending import Target, send_chunks
from bot.ui.texts import Lang, Texts
from bot.ui.texts.moderator import mod_texts_for
from retrieval.api import SearchAPI

MODERATOR_COMMANDS = ("mod", "reload", "upload", "stats", "unanswered")
TOP_THEMES = 5


async def on_mod(
    message: Message,
    command: CommandObject,
    bot: Bot,
    lang: Lang,
    settings: Settings,
    repo: Storage,
    event_from_user: User,
) -> None:
    """`/mod list`, `/mod add <id>`, `/mod remove <id>`."""
    mtx = mod_texts_for(lang)
    target = Target.of_message(message)
    args = (command.args or "list").split()
    action = args[0].lower()
    configured = settings.bot.admin_ids
    if action == "list" and len(args) == 1:
        await repo.log_moderator_action(event_from_user.id, "mod_list", "")
        added = await repo.moderator_ids()
        text = render_admin.moderators_message(configured, added, mtx)
        await send_chunks(bot, target, [text, simple(mtx.mod_usage)])
        return
    if action not in ("add", "remove") or len(args) != 2:
        await send_chunks(bot, target, [simple(mtx.mod_usage)])
        return
    if not args[1].isdecimal() or not 0 < int(args[1]) < 2**63:
        await send_chunks(bot, target, [simple(mtx.mod_bad_id)])
        return
    user_id = int(args[1])
    if action == "add":
        if user_id in configured or await repo.is_moderator(user_id):
            reply = mtx.mod_already
        else:
            await repo.add_moderator(user_id, event_from_user.id)
            await repo.log_moderator_action(event_from_user.id, "mod_add", str(user_id))
            reply = mtx.mod_added
    elif user_id in configured:
        reply = mtx.mod_configured
    elif not await repo.is_moderator(user_id):
        reply = mtx.mod_not_found
    else:
        await repo.remove_moderator(user_id)
        await repo.log_moderator_action(event_from_user.id, "mod_remove", str(user_id))
        reply = mtx.mod_removed
    await send_chunks(bot, target, [simple(reply.format(id=user_id))])


def _top_themes(hit_lists: list[list[str]], search: SearchAPI, lang: Lang) -> list[tuple[str, int]]:
    """Each answered question counts once for every theme of the quotes it was shown first."""
    counts: Counter[str] = Counter()
    for hit_ids in hit_lists:
        themes = {
            theme
            for hit_id in hit_ids[:PAGE_SIZE]
            if (hit := search.hit(hit_id)) is not None
            for theme in hit.themes
        }
        counts.update(themes)
    labels = {t.id: t.labels.get(lang.value) or t.labels.get("ru") or t.id for t in search.themes()}
    named = [(labels.get(theme, theme), n) for theme, n in counts.items()]
    return sorted(named, key=lambda item: (-item[1], item[0]))[:TOP_THEMES]


async def on_stats(
    message: Message,
    bot: Bot,
    tx: Texts,
    lang: Lang,
    search: SearchAPI,
    repo: Storage,
    event_from_user: User,
    settings: Settings,
) -> None:
    stats_days = settings.limits.stats_days
    since = window_start(stats_days)
    days = await repo.questions_per_day(since)
    themes = _top_themes(await repo.answered_hit_ids(since), search, lang)
    feedback = await repo.feedback_counts(since)
    first_day = (since + STATS_UTC_OFFSET).date()
    mtx = mod_texts_for(lang)
    chunks = render_admin.stats_messages(days, first_day, themes, feedback, tx, mtx, stats_days)
    await repo.log_moderator_action(event_from_user.id, "stats", "")
    await send_chunks(bot, Target.of_message(message), chunks)


async def on_unanswered(
    message: Message,
    bot: Bot,
    lang: Lang,
    repo: Storage,
    event_from_user: User,
    settings: Settings,
) -> None:
    items = await repo.unanswered_questions(settings.limits.unanswered_limit)
    await repo.log_moderator_action(event_from_user.id, "unanswered", "")
    chunks = render_admin.unanswered_messages(items, mod_texts_for(lang))
    await send_chunks(bot, Target.of_message(message), chunks)


# --- everybody else -----------------------------------------------------------------------


def _command_name(message: Message) -> str:
    return (message.text or "/").split()[0].lstrip("/").split("@")[0].lower()[:32]


async def on_refused_command(
    message: Message, bot: Bot, tx: Texts, repo: Storage, user_key: str
) -> None:
    await repo.log_refused_attempt(user_key, f"/{_command_name(message)}")
    await send_chunks(bot, Target.of_message(message), [simple(tx.unknown_command)])


async def on_refused_upload(
    message: Message, bot: Bot, tx: Texts, repo: Storage, user_key: str
) -> None:
    await repo.log_refused_attempt(user_key, "upload")
    await send_chunks(bot, Target.of_message(message), [simple(tx.send_text)])


async def on_refused_button(
    callback: CallbackQuery, tx: Texts, repo: Storage, user_key: str
) -> None:
    await repo.log_refused_attempt(user_key, "upload_button")
    await callback.answer(tx.expired)


def create_router() -> Router:
    router = Router(name=__name__)
    router.message.filter(F.chat.type == ChatType.PRIVATE)
    moderator = IsModerator()
    router.message.register(on_mod, Command("mod"), moderator)
    router.message.register(on_stats, Command("stats"), moderator)
    router.message.register(on_unanswered, Command("unanswered"), moderator)
    # Registered last: reached only when the moderator handlers (here and in corpus.py) refused.
    router.message.register(on_refused_command, Command(*MODERATOR_COMMANDS))
    router.message.register(on_refused_upload, F.document)
    router.callback_query.register(on_refused_button, UploadCb.filter())
    return router
