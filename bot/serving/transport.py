"""`atazan run` once services are open: long polling or webhook, the internal HTTP port,
signals (SIGTERM/SIGINT stop gracefully, SIGHUP reloads the corpus the shell built).

Shutdown order: stop taking updates (polling stops / the site closes) → in-flight handlers
finish (InFlightMiddleware.drain, bounded by BOT__SHUTDOWN_TIMEOUT) → dispatcher shutdown →
bot session, HTTP, then (in runner.open_services) corpus admin, search and database.
"""

from __future__ import annotations

import asyncio
import logging
import signal
from collections.abc import Callable
from contextlib import suppress
from urllib.parse import urlsplit

from aiogram import Bot, Dispatcher
from aiogram.exceptions import TelegramAPIError, TelegramUnauthorizedError
from aiogram.webhook.aiohttp_server import setup_application
from aiohttp import web

from bot.app import Services, create_dispatcher
from bot.config import Settings
from bot.errors import StartupError
from bot.middlewares.inflight import InFlightMiddleware
from bot.services.corpus_ops import CorpusOps, ReloadBusy, ReloadError
from bot.serving.dedupe import MemoryDedupe, RedisDedupe, UpdateDedupe
from bot.serving.http import RESERVED_PATHS, create_http_app
from bot.serving.webhook import InRequestWebhook

log = logging.getLogger(__name__)

# Seconds an update's claim outlives its replica (the handler extends it every third of this
# while it runs): how long a killed replica's update waits before another replica may take it
# (60 s made one citizen wait 66 s in `atazan bench --load --replicas 3 --kill-one-at`).
CLAIM_TTL_S = 15.0


class ShellReload:
    """SIGHUP → swap in the corpus and index built by `atazan corpus build && index build`."""

    def __init__(self, ops: CorpusOps | None) -> None:
        self._ops = ops
        self._tasks: set[asyncio.Task[None]] = set()

    def trigger(self, source: str = "signal") -> None:
        if self._ops is None:
            log.warning("reload from disk (%s) ignored: corpus changes are unavailable", source)
            return
        task = asyncio.create_task(self._run(self._ops, source), name=f"reload-{source}")
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)

    async def _run(self, ops: CorpusOps, source: str) -> None:
        log.info("reload from disk requested (%s)", source)
        try:
            await ops.reload_from_disk(source)
        except ReloadBusy:
            log.warning("reload from disk (%s) refused: a reload is already running", source)
        except ReloadError as exc:
            log.error("reload from disk (%s) failed; the old corpus keeps serving: %s", source, exc)

    async def wait(self, timeout_s: float) -> None:
        if self._tasks:
            await asyncio.wait(set(self._tasks), timeout=timeout_s)


def webhook_path(url: str) -> str:
    path = urlsplit(url).path or "/"
    if path in RESERVED_PATHS:
        raise StartupError(f"bad setting BOT__WEBHOOK_URL: path {path} is reserved")
    return path


def check_serving(settings: Settings) -> None:
    """Serving settings that only make sense together; checked before anything is loaded."""
    if settings.bot.webhook_url:
        if not settings.http.enabled:
            raise StartupError("bad setting HTTP__ENABLED: webhook mode is served on the HTTP port")
        webhook_path(settings.bot.webhook_url)


def open_dedupe(settings: Settings) -> UpdateDedupe:
    """Update-id claims: in Redis with REDIS__URL (shared by replicas), else in this process.
    The handler extends its claim every third of CLAIM_TTL_S; a dead replica's lapses."""
    if settings.redis.url:
        return RedisDedupe.from_url(settings.redis.url, settings.redis.prefix, CLAIM_TTL_S)
    return MemoryDedupe(CLAIM_TTL_S)


def _install_signals(stop: asyncio.Event, shell: ShellReload) -> Callable[[], None]:
    loop = asyncio.get_running_loop()
    installed: list[signal.Signals] = []
    for sig in (signal.SIGTERM, signal.SIGINT):
        with suppress(NotImplementedError, RuntimeError):  # not the main thread / Windows
            loop.add_signal_handler(sig, _stop_on, sig, stop)
            installed.append(sig)
    with suppress(NotImplementedError, RuntimeError, AttributeError):
        loop.add_signal_handler(signal.SIGHUP, shell.trigger, "signal")
        installed.append(signal.SIGHUP)

    def undo() -> None:
        for sig in installed:
            loop.remove_signal_handler(sig)

    return undo


def _stop_on(sig: signal.Signals, stop: asyncio.Event) -> None:
    log.info("%s received: finishing in-flight updates, then stopping", sig.name)
    stop.set()


async def confirm_handled(bot: Bot, inflight: InFlightMiddleware) -> None:
    """Polling only: acknowledge the last handled update, so a restart does not redo it."""
    if inflight.last_update_id is None:
        return
    try:
        await bot.get_updates(offset=inflight.last_update_id + 1, limit=1, timeout=0)
    except Exception as exc:  # best effort: the worst case is one re-delivered batch
        log.warning("could not acknowledge handled updates: %s", type(exc).__name__)


async def _start_site(
    app: web.Application, settings: Settings, on_listening: Callable[[int], None] | None
) -> web.AppRunner:
    runner = web.AppRunner(app, handle_signals=False, access_log=None)
    await runner.setup()
    site = web.TCPSite(runner, settings.http.host, settings.http.port)
    try:
        await site.start()
    except OSError as exc:
        await runner.cleanup()
        where = f"{settings.http.host}:{settings.http.port}"
        raise StartupError(f"cannot listen on HTTP__HOST:HTTP__PORT={where}: {exc}") from None
    port = int(runner.addresses[0][1]) if runner.addresses else settings.http.port
    log.info("internal HTTP on %s:%d (/healthz, /metrics)", settings.http.host, port)
    if on_listening is not None:
        on_listening(port)
    return runner


async def refuse_polling_over_a_webhook(bot: Bot) -> None:
    """Polling while Telegram posts to a webhook would need deleteWebhook, which switches the
    webhook off for every replica of that deployment: refuse instead, and never delete it."""
    try:
        info = await bot.get_webhook_info()
    except TelegramUnauthorizedError:
        raise
    except TelegramAPIError as exc:  # unknown: polling fails by itself (409) if one is set
        log.warning("getWebhookInfo failed (%s); polling without checking", exc.message)
        return
    if info.url:
        raise StartupError(
            f"a webhook deployment is configured (Telegram posts to {urlsplit(info.url).netloc}): "
            "set BOT__WEBHOOK_URL to serve it, or delete that webhook on purpose before polling"
        )


async def _poll_until(dp: Dispatcher, bot: Bot, stop: asyncio.Event) -> None:
    await refuse_polling_over_a_webhook(bot)
    polling = asyncio.create_task(
        dp.start_polling(bot, handle_signals=False, allowed_updates=dp.resolve_used_update_types())
    )
    stopping = asyncio.create_task(stop.wait())
    try:
        await asyncio.wait({polling, stopping}, return_when=asyncio.FIRST_COMPLETED)
    finally:
        stopping.cancel()
    if not polling.done():
        try:
            await dp.stop_polling()  # polling ends, then shutdown (drain first) runs inside it
        except RuntimeError:  # stopped before polling had even started
            polling.cancel()
    with suppress(asyncio.CancelledError):
        await polling


async def serve(
    settings: Settings,
    services: Services,
    bot: Bot,
    *,
    stop: asyncio.Event | None = None,
    install_signals: bool = True,
    on_listening: Callable[[int], None] | None = None,
) -> None:
    """Run until `stop` is set (SIGTERM/SIGINT set it); return after a graceful shutdown."""
    check_serving(settings)
    stop = stop or asyncio.Event()
    dp = create_dispatcher(services)
    ops: CorpusOps | None = dp["corpus_ops"]
    inflight: InFlightMiddleware = dp["inflight"]
    shell = ShellReload(ops)
    webhook = settings.bot.webhook_url
    app: web.Application | None = None
    if settings.http.enabled:
        admin_token = settings.http.admin_token
        app = create_http_app(
            search=services["search"],
            repo=services["repo"],
            metrics=services.get("metrics"),
            corpus_ops=ops,
            admin_token=admin_token.get_secret_value() if admin_token else None,
            shared=services.get("shared"),
        )
    dedupe: UpdateDedupe | None = None
    if webhook and app is not None:
        path = webhook_path(webhook)
        secret = settings.bot.webhook_secret
        assert secret is not None  # settings validation guarantees it
        dedupe = open_dedupe(settings)
        # setup_application first: its shutdown (drain) must run before the handler closes
        # the bot session, and aiohttp runs on_shutdown callbacks in order.
        setup_application(app, dp, bot=bot)
        InRequestWebhook(
            dp, bot, secret.get_secret_value(), dedupe, keep_claim_s=CLAIM_TTL_S / 3
        ).register(app, path=path)
    else:
        dp.shutdown.register(confirm_handled)
    runner = await _start_site(app, settings, on_listening) if app is not None else None
    undo_signals = _install_signals(stop, shell) if install_signals else (lambda: None)
    try:
        if webhook:
            await _set_webhook(dp, bot, settings)
            await stop.wait()
        else:
            await _poll_until(dp, bot, stop)
    finally:
        if runner is not None:
            await runner.cleanup()  # webhook mode: dispatcher shutdown (drain) runs in here
        await shell.wait(settings.bot.shutdown_timeout)
        if dedupe is not None:
            await dedupe.close()
        undo_signals()  # only now: a second SIGTERM while draining is absorbed, not fatal
    log.info("stopped; in flight at exit: %d", inflight.active)


async def _set_webhook(dp: Dispatcher, bot: Bot, settings: Settings) -> None:
    url = settings.bot.webhook_url
    secret = settings.bot.webhook_secret
    assert url is not None and secret is not None  # settings validation guarantees both
    try:
        await bot.set_webhook(
            url=url,
            secret_token=secret.get_secret_value(),
            allowed_updates=dp.resolve_used_update_types(),
        )
    except TelegramUnauthorizedError:
        raise  # a bad token, reported as such by the runner
    except TelegramAPIError as exc:
        raise StartupError(f"Telegram refused BOT__WEBHOOK_URL: {exc.message}") from None
    log.info("webhook mode: Telegram posts updates to %s", urlsplit(url).path or "/")
