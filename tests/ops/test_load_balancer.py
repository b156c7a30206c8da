"""deploy/nginx.conf in front of two webhook replicas sharing Redis (Debian's nginx, the real
file with its upstream pointed at this test's replicas): a redelivered update is answered once
whichever replica gets it, and a replica that is gone loses nothing."""

from __future__ import annotations

import asyncio
import uuid
from collections.abc import AsyncIterator, Iterator
from pathlib import Path
from typing import Any

import aiohttp
import pytest
from aiogram.methods import SendMessage

from bench.load.balancer import Nginx, local_config
from bench.load.processes import free_port
from bot.app import Services, create_bot
from bot.config import BotSection, Settings
from bot.serving.transport import serve
from retrieval.settings import RedisSection
from tests.ops.fakes import OpsSession
from tests.service.test_dedupe import REDIS_DB
from tests.service.test_deploy import nginx_binary

from .test_serving import HOOK, SECRET, _message


class Replica:
    def __init__(
        self, port: int, session: OpsSession, task: asyncio.Task[None], stop: asyncio.Event
    ) -> None:
        self.port = port
        self.session = session
        self.task = task
        self.stop = stop

    def replies(self) -> list[str]:
        return [c.text for c in self.session.calls if isinstance(c, SendMessage)]


@pytest.fixture
async def replicas(
    settings: Settings, services: Services, redis_url: str
) -> AsyncIterator[list[Replica]]:
    settings = settings.model_copy(
        update={
            "bot": BotSection(webhook_url=HOOK, webhook_secret=SECRET, shutdown_timeout=5),
            "redis": RedisSection(url=f"{redis_url}/{REDIS_DB}", prefix=uuid.uuid4().hex),
        }
    )
    started: list[Replica] = []
    for _ in range(2):
        session = OpsSession()
        stop = asyncio.Event()
        port: asyncio.Future[int] = asyncio.get_running_loop().create_future()
        bot = create_bot("42:" + "x" * 35, session)
        replica_services = Services(**{**services, "settings": settings})
        task = asyncio.create_task(
            serve(settings, replica_services, bot, stop=stop, install_signals=False,
                  on_listening=port.set_result)
        )  # fmt: skip
        started.append(Replica(await port, session, task, stop))
    yield started
    for replica in started:
        replica.stop.set()
        await replica.task


@pytest.fixture
def balancer(replicas: list[Replica], tmp_path: Path) -> Iterator[str]:
    listen = free_port()
    nginx = Nginx(nginx_binary(), tmp_path, local_config([r.port for r in replicas], listen))
    try:
        nginx.start()
    except RuntimeError as exc:
        pytest.fail(str(exc))
    try:
        yield f"http://127.0.0.1:{listen}"
    finally:
        nginx.stop()


async def _post(url: str, body: dict[str, Any]) -> int:
    headers = {"X-Telegram-Bot-Api-Secret-Token": SECRET}
    for _ in range(100):  # nginx may still be starting
        try:
            async with (
                aiohttp.ClientSession() as http,
                http.post(url, json=body, headers=headers) as r,
            ):
                return r.status
        except aiohttp.ClientConnectorError:
            await asyncio.sleep(0.05)
    raise AssertionError(f"nothing listens at {url}")


async def test_through_nginx_an_update_is_answered_once_and_a_dead_replica_loses_nothing(
    replicas: list[Replica], balancer: str
) -> None:
    hook = balancer + "/tg/hook"
    update = _message(31, "Кому принадлежит земля?")
    assert [await _post(hook, update) for _ in range(3)] == [200, 200, 200]
    assert sum(len(r.replies()) for r in replicas) == 1  # redelivered, answered once
    for update_id in range(32, 36):  # round robin: both replicas answer
        assert await _post(hook, _message(update_id, "/help")) == 200
    assert all(r.replies() for r in replicas)
    first, second = replicas
    first.stop.set()  # one replica is gone (its port closed)
    await first.task
    before = len(second.replies())
    for update_id in range(40, 44):
        assert await _post(hook, _message(update_id, "/help")) == 200
    assert len(second.replies()) == before + 4  # every one answered by the survivor
