"""The single wiring point: services in, Dispatcher out (used by `run`, `chat` and tests)."""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Awaitable, Callable
from contextlib import suppress
from typing import NotRequired, TypedDict

from aiogram import Bot, Dispatcher
from aiogram.client.default import DefaultBotProperties
from aiogram.client.session.base import BaseSession
from aiogram.enums import ParseMode
from aiogram.exceptions import TelegramAPIError
from aiogram.types import BotCommand

from bot.config import Settings
from bot.handlers import get_routers
from bot.middlewares import (
    HandlerNameMiddleware,
    LanguageMiddleware,
    Limit,
    RetryAfterMiddleware,
    ThrottlingMiddleware,
    UpdateLogMiddleware,
)
from bot.middlewares.inflight import InFlightMiddleware
from bot.middlewares.response_types import PinResponseTypes
from bot.services.corpus_ops import CorpusAdminAPI, CorpusOps
from bot.services.metrics import Metrics, MetricsMiddleware
from bot.shared import SharedState, SharedUnavailable, Turns
from bot.shared.memory import memory_state
from bot.storage import Storage
from bot.ui.texts import Lang, texts_for
from retrieval.api import SearchAPI

log = logging.getLogger(__name__)


class Services(TypedDict):
    """Everything handlers may ask for by parameter name (spread into the Dispatcher)."""

    search: SearchAPI
    repo: Storage
    settings: Settings
    # Corpus changes (uploads, /reload); absent → moderators are told it is unavailable.
    admin: NotRequired[CorpusAdminAPI]
    # Prometheus collectors on the composition root's registry; absent → nothing is counted.
    metrics: NotRequired[Metrics]
    # Throttle buckets, pending uploads, the change lock, purge turns: Redis with REDIS__URL;
    # absent → this process's memory (bot.shared.memory).
    shared: NotRequired[SharedState]
    # Tells the other replicas the corpus version to follow after a change (REDIS__URL).
    announce: NotRequired[Callable[[str], Awaitable[None]]]


def create_bot(token: str, session: BaseSession) -> Bot:
    """A Bot that speaks HTML, shows no link previews and honours 429 retry_after."""
    session.middleware(PinResponseTypes())
    session.middleware(RetryAfterMiddleware())
    return Bot(
        token,
        session=session,
        default=DefaultBotProperties(parse_mode=ParseMode.HTML, link_preview_is_disabled=True),
    )


def create_dispatcher(
    services: Services,
    *,
    throttle: bool = True,
    clock: Callable[[], float] = time.monotonic,
) -> Dispatcher:
    """Handlers also receive `corpus_ops` (CorpusOps | None), `uploads` and `inflight`."""
    metrics = services.get("metrics")
    admin = services.get("admin")
    settings = services["settings"]
    limits = settings.limits
    shared = services.get("shared") or memory_state(
        limits.pending_upload_ttl_s, limits.pending_uploads_per_moderator, clock
    )
    corpus_ops = (
        CorpusOps(admin, services["repo"], metrics, shared.change_lock, services.get("announce"))
        if admin is not None
        else None
    )
    inflight = InFlightMiddleware(settings.bot.shutdown_timeout)
    dp = Dispatcher(
        disable_fsm=True,
        **services,
        corpus_ops=corpus_ops,
        uploads=shared.uploads,
        inflight=inflight,
    )
    dp.update.outer_middleware(inflight)
    dp.update.outer_middleware(UpdateLogMiddleware())
    if metrics is not None:
        dp.update.outer_middleware(MetricsMiddleware(metrics))
    throttling = ThrottlingMiddleware(
        {
            "message": Limit(limits.message_burst, limits.message_per_second),
            "button": Limit(limits.button_burst, limits.button_per_second),
            "inline": Limit(limits.inline_burst, limits.inline_per_second),
        },
        shared.buckets,
    )
    for observer in (dp.message, dp.callback_query, dp.inline_query):
        observer.middleware(HandlerNameMiddleware())
        observer.middleware(LanguageMiddleware(services["repo"]))
        if throttle:
            observer.middleware(throttling)
    dp.include_routers(*get_routers())
    purge = RetentionPurge(services["repo"], limits.purge_interval_s, shared.turns)
    dp.startup.register(set_commands)
    dp.startup.register(purge.start)
    dp.shutdown.register(inflight.drain)  # first: handlers finish while everything is open
    dp.shutdown.register(purge.stop)
    return dp


def bot_commands(lang: Lang) -> list[BotCommand]:
    tx = texts_for(lang)
    return [
        BotCommand(command="start", description=tx.cmd_start),
        BotCommand(command="ask", description=tx.cmd_ask),
        BotCommand(command="themes", description=tx.cmd_themes),
        BotCommand(command="senators", description=tx.cmd_senators),
        BotCommand(command="regions", description=tx.cmd_regions),
        BotCommand(command="lang", description=tx.cmd_lang),
        BotCommand(command="about", description=tx.cmd_about),
        BotCommand(command="help", description=tx.cmd_help),
    ]


async def set_commands(bot: Bot) -> None:
    """Command menu per language; Russian is also the default for every other language."""
    for lang, code in ((Lang.RU, None), (Lang.KK, "kk"), (Lang.EN, "en")):
        try:
            await bot.set_my_commands(bot_commands(lang), language_code=code)
        except TelegramAPIError as exc:
            log.warning("setMyCommands(%s) failed: %s", code or "default", exc.message)


class RetentionPurge:
    """Deletes expired question logs at startup and then every `LIMITS__PURGE_INTERVAL_S`;
    with several replicas, the one that claims the period's turn does it."""

    def __init__(self, repo: Storage, interval_s: float, turns: Turns | None = None) -> None:
        self._storage = repo
        self._interval_s = interval_s
        self._turns = turns
        self._task: asyncio.Task[None] | None = None

    async def start(self) -> None:
        await self._purge()
        self._task = asyncio.create_task(self._loop(), name="retention-purge")

    async def stop(self) -> None:
        if self._task is not None:
            self._task.cancel()
            with suppress(asyncio.CancelledError):
                await self._task
            self._task = None

    async def _loop(self) -> None:
        while True:
            await asyncio.sleep(self._interval_s)
            await self._purge()

    async def _purge(self) -> None:
        if self._turns is not None:
            try:
                if not await self._turns.claim("retention-purge", self._interval_s):
                    log.info("retention purge: another replica has this period's turn")
                    return
            except SharedUnavailable as exc:  # purging twice is harmless; not purging is not
                log.warning("retention purge: %s; purging anyway", exc)
        deleted = await self._storage.purge_expired()
        log.info(
            "retention purge: %d question logs older than %d days deleted",
            deleted,
            self._storage.retention_days,
        )
