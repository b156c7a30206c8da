"""Composition root: `atazan run` (Telegram long polling or webhook) and `atazan chat`.

Only light imports at module level: `atazan --help` must stay instant.
"""

from __future__ import annotations

import argparse
import asyncio
import logging
import os
import signal
import sys
from collections.abc import AsyncIterator
from contextlib import AsyncExitStack, asynccontextmanager
from typing import TYPE_CHECKING, Any, TextIO

from bot.errors import StartupError

if TYPE_CHECKING:
    from bot.app import Services
    from bot.config import Settings
    from bot.services.corpus_ops import CorpusAdminAPI
    from bot.services.metrics import Metrics
    from bot.shared.redis_state import SharedRedis
    from retrieval.api import SearchAPI
    from retrieval.follow import VersionFollower
    from retrieval.remote import RemoteSearch
    from retrieval.search import SearchService

CHAT_TOKEN = "100000:LOCAL-console-chat"  # never sent anywhere: the console has no network


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    run = subparsers.add_parser(
        "run",
        help="run the Telegram bot (long polling, or webhook with BOT__WEBHOOK_URL; "
        "needs BOT__TOKEN); SIGHUP reloads the corpus built by the shell",
    )
    run.set_defaults(func=run_command)
    chat = subparsers.add_parser(
        "chat", help="talk to the bot in this terminal, no Telegram needed"
    )
    chat.add_argument(
        "--lang", choices=("ru", "kk", "en"), default="ru", help="your Telegram language"
    )
    chat.set_defaults(func=chat_command)


def run_command(args: argparse.Namespace) -> int:
    return _guarded(lambda settings: run_bot(settings))


def chat_command(args: argparse.Namespace) -> int:
    lang = getattr(args, "lang", "ru")
    return _guarded(lambda settings: run_chat(settings, language_code=lang))


def default_command() -> int:
    """`python -m bot`: polling when a token is configured, the console chat otherwise."""
    from bot.config import SettingsError, load_settings

    try:
        settings = load_settings()
    except SettingsError as exc:
        print(exc, file=sys.stderr)
        return 2
    namespace = argparse.Namespace(lang="ru")
    return run_command(namespace) if settings.bot.token else chat_command(namespace)


def _guarded(main: Any) -> int:
    from bot.config import SettingsError, load_settings

    try:
        settings = load_settings()
        asyncio.run(main(settings))
    except (SettingsError, StartupError) as exc:
        print(exc, file=sys.stderr)
        return 2
    return 0


async def open_search(settings: Settings) -> SearchService:
    """The real SearchService; its one-line ServiceUnavailable becomes a StartupError."""
    try:
        from retrieval.errors import ServiceUnavailable
        from retrieval.search import SearchService
    except ImportError as exc:  # e.g. torch/faiss missing from the environment
        raise StartupError(f"search service cannot be imported: {exc}") from None
    try:
        return await SearchService.open(settings.retrieval_config())
    except (ServiceUnavailable, ImportError, OSError) as exc:
        lines = str(exc).splitlines()
        raise StartupError(lines[0] if lines else type(exc).__name__) from None


async def open_remote_search(settings: Settings) -> RemoteSearch:
    """`RETRIEVAL__URL` set: questions go to `atazan serve-retrieval`; no model in this process."""
    from retrieval.errors import ServiceUnavailable
    from retrieval.remote import RemoteSearch

    section = settings.retrieval
    try:
        return await RemoteSearch.open(section.urls, timeout_s=section.timeout_s)
    except ServiceUnavailable as exc:
        raise StartupError(str(exc)) from None


@asynccontextmanager
async def open_services(
    settings: Settings,
    search: SearchAPI | None = None,
    *,
    admin: CorpusAdminAPI | None = None,
    metrics: Metrics | None = None,
) -> AsyncIterator[Services]:
    """Open shared state (Redis, with REDIS__URL), search with its corpus admin (unless a
    search is injected) and storage; close them in reverse order on the way out. With
    `RETRIEVAL__URL` search is remote, and corpus changes go to the retrieval service when
    `RETRIEVAL__ADMIN_TOKEN` is set."""
    from bot.app import Services
    from bot.storage import HashKeyError, resolve_hash_key
    from bot.storage.factory import check_storage, open_error_line, open_storage

    try:  # before the model loads: a bad secret is reported at once
        hash_key = resolve_hash_key(settings)
    except HashKeyError as exc:
        raise StartupError(str(exc)) from None
    try:  # and so is a database this release cannot use (schema, key, unreachable)
        await check_storage(settings.db, hash_key.value)
    except Exception as exc:
        raise StartupError(open_error_line(exc, settings.db, hash_key.setting)) from None
    async with AsyncExitStack() as stack:
        shared = await stack.enter_async_context(open_shared(settings))  # also before the model
        owned: SearchService | None = None
        owned_admin: CorpusAdminAPI | None = None
        if search is None and settings.retrieval.urls:  # the model lives in serve-retrieval
            remote = await open_remote_search(settings)
            stack.push_async_callback(remote.close)
            search = remote
            token = settings.retrieval.admin_token
            if admin is None and token is not None:
                from retrieval.remote_admin import RemoteAdmin

                owned_admin = RemoteAdmin(settings.retrieval.urls[0], token.get_secret_value())
                admin = owned_admin
        elif search is None:
            owned = await open_search(settings)
            stack.push_async_callback(owned.close)
            search = owned
            if admin is None:
                from retrieval.admin import CorpusAdmin

                owned_admin = CorpusAdmin(owned, settings.retrieval_config())
                admin = owned_admin
        try:
            repo = await open_storage(settings.db, hash_key.value)
        except Exception as exc:
            if owned_admin is not None:
                await owned_admin.close()
            raise StartupError(open_error_line(exc, settings.db, hash_key.setting)) from None
        stack.push_async_callback(repo.close)
        if owned_admin is not None:  # closed before the database: it waits for a build
            stack.push_async_callback(owned_admin.close)
        services = Services(search=search, repo=repo, settings=settings)
        if admin is not None:
            services["admin"] = admin
        if metrics is not None:
            services["metrics"] = metrics
            metrics.watch_version(lambda: services["search"].info().version)
        if shared is not None:
            services["shared"] = shared.state
            services["announce"] = shared.feed.announce
            if owned is not None:
                follower = await stack.enter_async_context(
                    follow_versions(settings, owned, shared, metrics)
                )
                services["announce"] = follower.announce
        yield services


@asynccontextmanager
async def open_shared(settings: Settings) -> AsyncIterator[SharedRedis | None]:
    """Redis with REDIS__URL (a start-up error when it does not answer), else None."""
    url = settings.redis.url
    if url is None:
        yield None
        return
    from bot.shared import SharedUnavailable
    from bot.shared.redis_state import open_redis_state

    limits = settings.limits
    try:
        shared = await open_redis_state(
            url,
            settings.redis.prefix,
            ttl_s=limits.pending_upload_ttl_s,
            per_moderator=limits.pending_uploads_per_moderator,
        )
    except SharedUnavailable as exc:
        raise StartupError(f"cannot use REDIS__URL: {exc}") from None
    try:
        yield shared
    finally:
        await shared.state.close()


@asynccontextmanager
async def follow_versions(
    settings: Settings, search: SearchService, shared: SharedRedis, metrics: Metrics | None
) -> AsyncIterator[VersionFollower]:
    """This replica follows the corpus version any replica publishes (shared DATA_DIR)."""
    from retrieval.bundles import SharedDirBundles
    from retrieval.follow import VersionFollower

    follower = VersionFollower(
        search,
        SharedDirBundles(settings.data_dir),
        shared.feed,
        on_swap=metrics.observe_follow if metrics is not None else None,
    )
    await follower.start()
    try:
        yield follower
    finally:
        await follower.stop()


class TokenRedactor(logging.Filter):
    """Defence in depth: whatever a library logs (URLs in errors…), the token shows as ***."""

    def __init__(self, secret: str) -> None:
        super().__init__()
        self._secret = secret

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        if self._secret in message:
            record.msg, record.args = message.replace(self._secret, "***"), None
        if record.exc_info and not record.exc_text:
            record.exc_text = logging.Formatter().formatException(record.exc_info)
        if record.exc_text and self._secret in record.exc_text:
            record.exc_text = record.exc_text.replace(self._secret, "***")
        return True


def _configure_logging(level: int, *secrets: str | None) -> None:
    logging.basicConfig(
        level=level, format="%(asctime)s %(levelname)s %(name)s: %(message)s", force=True
    )
    for secret in secrets:
        if secret:
            for handler in logging.getLogger().handlers:
                handler.addFilter(TokenRedactor(secret))
    # aiogram logs its own line per update; ours (bot.updates) carries more and no duplicates.
    logging.getLogger("aiogram.event").setLevel(logging.WARNING)
    # Loader chatter (faiss: 8 lines about AVX variants; sentence-transformers: model path
    # and prompts) would bury the one line a failed start prints about what to run.
    for noisy in ("faiss.loader", "sentence_transformers"):
        logging.getLogger(noisy).setLevel(logging.WARNING)


async def run_bot(settings: Settings) -> None:
    """`atazan run`: polling (or webhook), the internal HTTP port, graceful stop on SIGTERM."""
    from aiogram.client.session.aiohttp import AiohttpSession
    from aiogram.client.telegram import TelegramAPIServer
    from aiogram.exceptions import TelegramUnauthorizedError
    from aiogram.utils.token import TokenValidationError
    from prometheus_client import CollectorRegistry

    from bot.app import create_bot
    from bot.services.metrics import Metrics
    from bot.serving.transport import check_serving, serve

    if settings.bot.token is None:
        raise StartupError(
            "bad setting BOT__TOKEN: required by `atazan run` (try `atazan chat` without it)"
        )
    check_serving(settings)
    # SIGHUP means "reload the corpus"; one arriving while the model loads must not kill us.
    signal.signal(signal.SIGHUP, signal.SIG_IGN)
    token = settings.bot.token.get_secret_value()
    secrets = (settings.bot.webhook_secret, settings.http.admin_token)
    _configure_logging(logging.INFO, token, *(s.get_secret_value() for s in secrets if s))
    base = settings.bot.api_base
    session = AiohttpSession(api=TelegramAPIServer.from_base(base)) if base else AiohttpSession()
    try:
        bot = create_bot(token, session)
    except TokenValidationError:
        await session.close()
        raise StartupError("bad setting BOT__TOKEN: not a Telegram bot token") from None
    # The process's only registry, handed to the metrics and (through services) to /metrics.
    metrics = Metrics(CollectorRegistry())
    _single_threaded_model()
    try:
        async with open_services(settings, metrics=metrics) as services:
            await serve(settings, services, bot)
    except TelegramUnauthorizedError:
        raise StartupError("bad setting BOT__TOKEN: Telegram answered 401 Unauthorized") from None
    finally:
        await session.close()


def _single_threaded_model() -> None:
    """One intra-op thread for torch/faiss (OpenMP) unless the operator set OMP_NUM_THREADS.

    A question is one short sequence: a second thread hardly speeds it up, but its OpenMP
    team spins on the same two cores as the event loop, and a parallel region waits for
    whichever of its threads is descheduled. Measured with `atazan bench --load` (50 users,
    0.5–2 s gaps, 2 cores): p95 118 → 89 ms and half the CPU; with one busy neighbour process
    p95 0.45–0.94 s → 0.10–0.11 s. Must run before torch is imported (lazily, by search).
    """
    os.environ.setdefault("OMP_NUM_THREADS", "1")


async def run_chat(
    settings: Settings,
    *,
    search: SearchAPI | None = None,
    stdin: TextIO | None = None,
    stdout: TextIO | None = None,
    language_code: str = "ru",
) -> None:
    """The console chat; tests inject a fake search and string streams."""
    from bot.app import create_bot, create_dispatcher
    from bot.console.chat import ConsoleChat
    from bot.console.session import LocalSession

    _configure_logging(logging.WARNING)
    stdin = stdin or sys.stdin
    stdout = stdout or sys.stdout
    session = LocalSession()
    bot = create_bot(CHAT_TOKEN, session)
    async with open_services(settings, search) as services:
        # One local user: throttling would only get in the way of pasted scripts.
        dp = create_dispatcher(services, throttle=False)
        console = ConsoleChat(dp, bot, session, stdout, language_code=language_code)
        await dp.emit_startup(bot=bot, **dp.workflow_data)
        try:
            await console.run(stdin, echo=not stdin.isatty())
        finally:
            await dp.emit_shutdown(bot=bot, **dp.workflow_data)
