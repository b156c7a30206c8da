"""`serve()`: webhook over real HTTP, polling with graceful shutdown, SIGHUP and SIGTERM."""

from __future__ import annotations

import asyncio
import os
import signal
from collections.abc import Callable
from typing import Any

import aiohttp
import pytest
from aiogram.methods import DeleteWebhook, GetUpdates, SendMessage, SetWebhook
from aiogram.types import Update

from bot.app import Services, create_bot
from bot.config import BotSection, Settings
from bot.serving.transport import serve
from bot.storage import Storage
from bot.ui.texts import Lang, texts_for
from tests.bot.conftest import ALICE, TOKEN
from tests.bot.fakes import FakeSearch
from tests.ops.fakes import FakeAdmin, OpsSession, SlowSearch

RU = texts_for(Lang.RU)
SECRET = "s3cret-Token_1"
HOOK = "https://bot.example.org/tg/hook"


def _message(update_id: int, text: str) -> dict[str, Any]:
    return {
        "update_id": update_id,
        "message": {
            "message_id": update_id,
            "date": 1_770_000_000,
            "chat": {"id": ALICE["id"], "type": "private"},
            "from": ALICE,
            "text": text,
            **(
                {"entities": [{"type": "bot_command", "offset": 0, "length": len(text)}]}
                if text.startswith("/")
                else {}
            ),
        },
    }


async def _until(condition: Callable[[], bool]) -> None:
    """Let the loop run until `condition` holds (bounded, so a bug fails instead of hanging)."""
    for _ in range(1000):
        if condition():
            return
        await asyncio.sleep(0.01)
    raise AssertionError("condition never became true")


async def _start(
    settings: Settings, services: Services, session: OpsSession, **kw: Any
) -> tuple[asyncio.Task[None], asyncio.Event, int]:
    kw.setdefault("install_signals", False)
    stop = asyncio.Event()
    port: asyncio.Future[int] = asyncio.get_running_loop().create_future()
    bot = create_bot(TOKEN, session)
    task = asyncio.create_task(
        serve(settings, services, bot, stop=stop, on_listening=port.set_result, **kw)
    )
    waiters: list[asyncio.Future[Any]] = [task, port]
    await asyncio.wait(waiters, return_when=asyncio.FIRST_COMPLETED)
    if task.done():
        task.result()  # raise what went wrong
    return task, stop, port.result()


async def _post(port: int, path: str, body: dict[str, Any], secret: str | None) -> int:
    headers = {"X-Telegram-Bot-Api-Secret-Token": secret} if secret is not None else {}
    url = f"http://127.0.0.1:{port}{path}"
    async with aiohttp.ClientSession() as http, http.post(url, json=body, headers=headers) as r:
        return r.status


async def test_webhook_handles_updates_with_the_secret_and_rejects_others(
    settings: Settings, services: Services, session: OpsSession
) -> None:
    settings = settings.model_copy(
        update={"bot": BotSection(webhook_url=HOOK, webhook_secret=SECRET, shutdown_timeout=5)}
    )
    task, stop, port = await _start(settings, {**services, "settings": settings}, session)
    [hook] = [c for c in session.calls if isinstance(c, SetWebhook)]
    assert hook.url == HOOK and hook.secret_token == SECRET
    assert await _post(port, "/tg/hook", _message(1, "/start"), SECRET) == 200

    def replies() -> list[str]:
        return [c.text for c in session.calls if isinstance(c, SendMessage)]

    assert len(replies()) == 1  # answered before the 200
    assert RU.welcome_title in replies()[0]
    assert await _post(port, "/tg/hook", _message(2, "/help"), "wrong") == 401
    assert await _post(port, "/tg/hook", _message(3, "/help"), None) == 401
    assert await _post(port, "/tg/hook", _message(4, "/about"), SECRET) == 200
    assert len(replies()) == 2
    assert "/themes" not in "".join(replies())  # /help was never handled
    async with (  # healthz shares the port
        aiohttp.ClientSession() as http,
        http.get(f"http://127.0.0.1:{port}/healthz") as response,
    ):
        assert response.status == 200
    stop.set()
    await task
    assert session.events[-1] == "close"


async def test_webhook_shutdown_also_finishes_the_in_flight_question(
    settings: Settings, services: Services, session: OpsSession
) -> None:
    search = SlowSearch()
    settings = settings.model_copy(
        update={"bot": BotSection(webhook_url=HOOK, webhook_secret=SECRET, shutdown_timeout=5)}
    )
    services = Services(**{**services, "search": search, "settings": settings})
    task, stop, port = await _start(settings, services, session)
    # Handled inside the request: Telegram's 200 comes only once the answer is sent.
    post = asyncio.create_task(
        _post(port, "/tg/hook", _message(5, "Кому принадлежит земля?"), SECRET)
    )
    await search.started.wait()
    stop.set()
    await asyncio.sleep(0.1)  # give shutdown every chance to (wrongly) close early
    assert not task.done() and not post.done() and "close" not in session.events
    search.gate.set()
    assert await post == 200
    await task
    assert search.finished == 1
    assert session.events.index("SendMessage") < session.events.index("close")


async def test_sigterm_lets_the_in_flight_question_finish_before_closing(
    settings: Settings, services: Services, session: OpsSession, repo: Storage
) -> None:
    search = SlowSearch()
    services = Services(**{**services, "search": search})
    update = Update.model_validate(_message(41, "Кому принадлежит земля?"))
    await session.incoming.put([update])
    task, _, _ = await _start(settings, services, session, install_signals=True)
    await search.started.wait()  # the handler is now waiting inside search
    os.kill(os.getpid(), signal.SIGTERM)
    await asyncio.sleep(0.1)  # give shutdown every chance to (wrongly) close early
    assert not task.done() and "close" not in session.events
    search.gate.set()
    await task  # returns normally: `atazan run` exits 0
    assert search.finished == 1
    sent = session.events.index("SendMessage")
    assert sent < session.events.index("close")  # replied before the session was closed
    final = [c for c in session.calls if isinstance(c, GetUpdates)][-1]
    assert (final.offset, final.timeout) == (42, 0)  # handled update acknowledged
    assert await repo.ping()  # the services were left for their owner to close


async def test_shutdown_does_not_wait_forever_for_a_stuck_handler(
    settings: Settings, services: Services, session: OpsSession
) -> None:
    search = SlowSearch()
    services = Services(**{**services, "search": search})
    settings = settings.model_copy(update={"bot": BotSection(shutdown_timeout=0.1)})
    services["settings"] = settings
    await session.incoming.put([Update.model_validate(_message(7, "Земля?"))])
    task, stop, _ = await _start(settings, services, session)
    await search.started.wait()
    stop.set()
    await task
    assert search.finished == 0 and "close" in session.events
    search.gate.set()


async def test_sighup_swaps_in_the_shell_build(
    settings: Settings, services: Services, session: OpsSession, admin: FakeAdmin, repo: Storage
) -> None:
    task, stop, _ = await _start(settings, services, session, install_signals=True)
    await session.polled.wait()
    os.kill(os.getpid(), signal.SIGHUP)
    await _until(lambda: admin.calls == ["reload_from_disk"] and not admin.busy)
    stop.set()
    await task
    [action] = await repo.recent_moderator_actions()
    assert (action.actor, action.action) == ("0", "reload_from_disk")
    assert action.detail.startswith("signal: meetings 4->4, statements 9->10")


async def test_a_taken_port_is_a_one_line_startup_error(
    settings: Settings, services: Services, session: OpsSession
) -> None:
    from bot.errors import StartupError

    first, stop, port = await _start(settings, services, session)
    taken = settings.model_copy(update={"http": settings.http.model_copy(update={"port": port})})
    with pytest.raises(StartupError, match=r"cannot listen on HTTP__HOST:HTTP__PORT=127.0.0.1:"):
        await serve(taken, services, create_bot(TOKEN, OpsSession()), install_signals=False)
    stop.set()
    await first


async def _webhook(
    settings: Settings, services: Services, session: OpsSession
) -> tuple[asyncio.Task[None], asyncio.Event, int]:
    settings = settings.model_copy(
        update={"bot": BotSection(webhook_url=HOOK, webhook_secret=SECRET, shutdown_timeout=5)}
    )
    return await _start(settings, {**services, "settings": settings}, session)


async def test_webhook_answers_a_redelivered_update_once(
    settings: Settings, services: Services, session: OpsSession
) -> None:
    task, stop, port = await _webhook(settings, services, session)
    update = _message(21, "Кому принадлежит земля?")
    statuses = [await _post(port, "/tg/hook", update, SECRET) for _ in range(3)]
    assert statuses == [200, 200, 200]
    assert len([c for c in session.calls if isinstance(c, SendMessage)]) == 1
    assert await _post(port, "/tg/hook", {"update_id": "x"}, SECRET) == 400
    stop.set()
    await task


async def test_webhook_failures_are_redelivered_then_apologised_for(
    settings: Settings, services: Services, session: OpsSession, search: FakeSearch
) -> None:
    search.fail_with = ValueError("boom")
    task, stop, port = await _webhook(settings, services, session)
    update = _message(22, "Кому принадлежит земля?")
    statuses = [await _post(port, "/tg/hook", update, SECRET) for _ in range(4)]
    # Telegram delivers again after each 500; the third delivery apologises and is acknowledged.
    assert statuses == [500, 500, 200, 200]
    assert [c.text for c in session.calls if isinstance(c, SendMessage)] == [RU.error]
    search.fail_with = None
    assert await _post(port, "/tg/hook", _message(23, "Кому принадлежит земля?"), SECRET) == 200
    stop.set()
    await task


async def test_webhook_update_being_handled_elsewhere_is_not_handled_twice(
    settings: Settings, services: Services, session: OpsSession
) -> None:
    search = SlowSearch()
    services = Services(**{**services, "search": search})
    task, stop, port = await _webhook(settings, services, session)
    update = _message(24, "Кому принадлежит земля?")
    first = asyncio.create_task(_post(port, "/tg/hook", update, SECRET))
    await search.started.wait()
    assert await _post(port, "/tg/hook", update, SECRET) == 503  # Telegram retries later
    search.gate.set()
    assert await first == 200
    assert await _post(port, "/tg/hook", update, SECRET) == 200
    assert search.finished == 1
    stop.set()
    await task


async def test_polling_refuses_while_a_webhook_deployment_is_configured(
    settings: Settings, services: Services, session: OpsSession
) -> None:
    from bot.errors import StartupError

    session.webhook_url = "https://bot.example.org/tg/hook"
    with pytest.raises(
        StartupError,
        match=r"^a webhook deployment is configured \(Telegram posts to bot.example.org\)",
    ):
        await _start(settings, services, session)
    assert not any(isinstance(c, DeleteWebhook | GetUpdates) for c in session.calls)
