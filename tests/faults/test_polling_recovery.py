"""The Bot API becomes unreachable (connections reset, then refused) while the production
bot (`serve`, long polling) runs; once it is back, polling resumes and questions are answered.

The bot talks to the emulator through a TCP proxy the test can cut: the emulator keeps its
state (update ids, queue), as Telegram would across a network outage.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import AsyncIterator
from pathlib import Path

import pytest
from aiogram.client.session.aiohttp import AiohttpSession
from aiogram.client.telegram import TelegramAPIServer

from bench.load.client import EmulatorClient
from bench.load.processes import FAKE_TOKEN, emulator_missing_reason, start_emulator
from bot.app import Services, create_bot
from bot.config import BotSection, DbSection, HttpSection, Settings
from bot.serving.transport import serve
from bot.storage.sqlite import SqliteStorage
from bot.ui.texts import Lang, texts_for
from tests.bot.fakes import FakeSearch
from tests.servers import missing

pytestmark = pytest.mark.e2e
RU = texts_for(Lang.RU)
LAND = "Кому принадлежит земля?"


class CuttableProxy:
    """127.0.0.1:port → upstream; `cut()` resets every connection and refuses new ones."""

    def __init__(self, upstream_port: int) -> None:
        self.upstream_port = upstream_port
        self.port = 0
        self._server: asyncio.Server | None = None
        self._writers: set[asyncio.StreamWriter] = set()

    async def start(self) -> None:
        self._server = await asyncio.start_server(self._serve, "127.0.0.1", self.port)
        self.port = int(self._server.sockets[0].getsockname()[1])

    async def cut(self) -> None:
        if self._server is not None:
            self._server.close()
            await self._server.wait_closed()
            self._server = None
        for writer in list(self._writers):
            writer.transport.abort()  # RST: the bot's pending long poll fails at once

    async def _serve(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        try:
            up_reader, up_writer = await asyncio.open_connection("127.0.0.1", self.upstream_port)
        except OSError:
            writer.transport.abort()
            return
        self._writers.update((writer, up_writer))
        try:
            await asyncio.gather(_pipe(reader, up_writer), _pipe(up_reader, writer))
        finally:
            self._writers.difference_update((writer, up_writer))
            for end in (writer, up_writer):
                end.transport.abort()


async def _pipe(source: asyncio.StreamReader, sink: asyncio.StreamWriter) -> None:
    with contextlib.suppress(OSError, asyncio.IncompleteReadError):
        while data := await source.read(65536):
            sink.write(data)
            await sink.drain()
    sink.transport.abort()


@pytest.fixture
async def emulator_url() -> AsyncIterator[str]:
    reason = emulator_missing_reason()
    if reason is not None:
        missing(reason)
    emulator = await asyncio.to_thread(start_emulator)
    try:
        yield emulator.base_url
    finally:
        emulator.stop()


async def _ask(client: EmulatorClient, user_id: int) -> str:
    user = client.user(user_id, language_code="ru")
    return (await user.ask(LAND, timeout=15)).text


async def test_polling_recovers_after_the_api_was_unreachable(
    emulator_url: str, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    proxy = CuttableProxy(int(emulator_url.rsplit(":", 1)[1]))
    await proxy.start()
    via_proxy = f"http://127.0.0.1:{proxy.port}"
    settings = Settings(
        bot=BotSection(api_base=via_proxy, shutdown_timeout=2.0),
        db=DbSection(path=tmp_path / "db.sqlite3"),
        http=HttpSection(enabled=False),
    )
    repo = await SqliteStorage.open(settings.db.path, hash_key="k")
    bot = create_bot(FAKE_TOKEN, AiohttpSession(api=TelegramAPIServer.from_base(via_proxy)))
    stop = asyncio.Event()
    services = Services(search=FakeSearch(), repo=repo, settings=settings)
    serving = asyncio.create_task(serve(settings, services, bot, stop=stop, install_signals=False))
    try:
        async with EmulatorClient(emulator_url, FAKE_TOKEN) as client:
            await client.wait_until_polling(timeout=15)
            assert RU.heads_an_answer(await _ask(client, 810_001))
            with caplog.at_level(logging.ERROR, logger="aiogram.dispatcher"):
                await proxy.cut()
                await asyncio.sleep(2.5)  # getUpdates fails (reset, then refused) and backs off
                assert "Failed to fetch updates" in caplog.text
                assert not serving.done()  # the bot neither crashed nor gave up
                await proxy.start()  # the network is back, same address
                assert RU.heads_an_answer(await _ask(client, 810_002))
    finally:
        stop.set()
        await asyncio.wait_for(serving, 15)
        await bot.session.close()
        await repo.close()
        await proxy.cut()
