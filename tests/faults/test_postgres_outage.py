"""A real PostgreSQL outage under the dispatcher: the bot reaches the server through a TCP
proxy that the test cuts (every connection dropped, the port refusing) and restores. The
citizen still gets the answer; writes return False/None and reads None/empty instead of
raising; once the server is back, logging resumes without a restart."""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import AsyncIterator
from datetime import UTC, datetime, timedelta
from urllib.parse import urlsplit, urlunsplit

import asyncpg
import pytest

from bot.storage.postgres import PostgresStorage, migrate_database
from bot.ui.texts import Lang, texts_for
from tests.bot.backends import Schemas
from tests.bot.conftest import Tg

RU = texts_for(Lang.RU)
LAND = "Кому принадлежит земля?"


class TcpProxy:
    """127.0.0.1:port → the PostgreSQL server; `stop` is the server going away."""

    def __init__(self, host: str, port: int) -> None:
        self._target = (host, port)
        self.port = 0
        self._server: asyncio.Server | None = None
        self._streams: set[asyncio.StreamWriter] = set()

    async def start(self) -> None:
        self._server = await asyncio.start_server(self._accept, "127.0.0.1", self.port)
        self.port = self._server.sockets[0].getsockname()[1]

    async def stop(self) -> None:
        assert self._server is not None
        self._server.close()
        for writer in list(self._streams):
            writer.transport.abort()  # a reset, as when the server process dies
        self._streams.clear()
        await self._server.wait_closed()

    async def _accept(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        try:
            up_reader, up_writer = await asyncio.open_connection(*self._target)
        except OSError:
            writer.transport.abort()
            return
        self._streams |= {writer, up_writer}
        await asyncio.gather(self._pipe(reader, up_writer), self._pipe(up_reader, writer))

    async def _pipe(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        with contextlib.suppress(OSError, asyncio.IncompleteReadError):
            while data := await reader.read(65536):
                writer.write(data)
                await writer.drain()
        writer.transport.abort()
        self._streams.discard(writer)


@pytest.fixture
async def proxy(postgres_url: str) -> AsyncIterator[TcpProxy]:
    parts = urlsplit(postgres_url)
    server = TcpProxy(parts.hostname or "127.0.0.1", parts.port or 5432)
    await server.start()
    yield server
    with contextlib.suppress(AssertionError):
        await server.stop()


@pytest.fixture
async def direct_url(postgres_url: str) -> AsyncIterator[str]:
    """A fresh migrated schema, reached straight (what the test reads, past the proxy)."""
    schemas = Schemas(postgres_url)
    url = await schemas.create()
    await migrate_database(url, hash_key="test-key")
    yield url
    await schemas.drop_all()


@pytest.fixture
async def repo(proxy: TcpProxy, direct_url: str) -> AsyncIterator[PostgresStorage]:
    """Overrides the suite's `repo`: PostgreSQL, reached only through the proxy."""
    parts = urlsplit(direct_url)
    netloc = f"{parts.username}:{parts.password}@127.0.0.1:{proxy.port}"
    storage = await PostgresStorage.open(
        urlunsplit((parts.scheme, netloc, parts.path, parts.query, "")), hash_key="test-key"
    )
    storage.retry_delays = (0.0, 0.05)
    storage.timeout = 1.0
    yield storage
    await storage.close()


async def _logged(direct_url: str) -> list[str]:
    conn = await asyncpg.connect(direct_url)
    try:
        return [row[0] for row in await conn.fetch("SELECT text FROM questions ORDER BY id")]
    finally:
        await conn.close()


def _answered(tg: Tg) -> bool:
    sent = tg.sent()
    return (
        len(sent) == 1 and sent[0].text.count("<blockquote>") == 3 and RU.error not in sent[0].text
    )


async def test_outage_mid_run_still_answers_then_logging_resumes(
    tg: Tg, direct_url: str, proxy: TcpProxy, caplog: pytest.LogCaptureFixture
) -> None:
    await tg.send(LAND)
    assert _answered(tg)
    assert await _logged(direct_url) == [LAND]

    await proxy.stop()
    with caplog.at_level(logging.WARNING, logger="bot.storage"):
        await tg.send(LAND)
        assert _answered(tg)
    assert "storage write dropped" in caplog.text
    assert "Traceback" not in caplog.text

    await proxy.start()  # same port: the pool reconnects on its own
    await tg.send(LAND)
    assert _answered(tg)
    assert await _logged(direct_url) == [LAND, LAND]


async def test_during_an_outage_writes_return_false_and_reads_nothing(
    repo: PostgresStorage, proxy: TcpProxy
) -> None:
    question = await repo.log_question("k", "private", "q", True, ["s1"], 3)
    assert question is not None
    await proxy.stop()
    since = datetime.now(UTC) - timedelta(days=1)
    assert await repo.log_question("k", "private", "q", True, [], 1) is None
    assert await repo.record_vote(question, "u") is False
    assert await repo.record_reason(question, "wrong_quote") is False
    assert await repo.add_moderator(5, added_by=1) is False
    assert await repo.log_moderator_action(1, "reload", "ok") is False
    assert await repo.log_refused_attempt("k", "reload") is False
    assert await repo.set_language("k", "kk") is False
    assert await repo.get_language("k") == "kk"  # the unsaved choice holds in this process
    assert await repo.get_language("other") is None
    assert await repo.get_question(question) is None
    assert await repo.is_moderator(5) is False
    assert await repo.moderator_ids() == []
    assert await repo.questions_per_day(since) == []
    assert await repo.feedback_counts(since) == []
    assert await repo.unanswered_questions() == []
    assert await repo.purge_expired() == 0
    assert await repo.ping() is False
    await proxy.start()
    # a pooled connection broken by the outage may fail the first write after it (seen once on
    # a loaded machine); the store recovers on its own within a few attempts, never a restart
    assert await _recovers(repo)
    assert await repo.set_language("k", "kk") is True
    assert await repo.get_question(question) is not None


async def test_closed_pool_neither_raises(repo: PostgresStorage) -> None:
    """After shutdown began (pool closed), a late handler's write is dropped, not raised."""
    await repo._pool.close()
    assert await repo.log_question("k", "private", "q", True, [], 1) is None
    assert await repo.get_question(1) is None
    assert await repo.ping() is False


async def _recovers(repo: PostgresStorage, attempts: int = 20) -> bool:
    for _ in range(attempts):
        if await repo.ping():
            return True
        await asyncio.sleep(0.1)
    return False
