"""A real `SearchService` (fake embedder) served over HTTP on a free port."""

from __future__ import annotations

from collections.abc import AsyncIterator, Awaitable, Callable

import pytest
from aiohttp import web

from retrieval.search import SearchService
from retrieval.service import Searcher, ServedSearch, create_retrieval_app
from tests.fake_embedder import FakeEmbedder
from tests.retrieval.conftest import FAKE_CALIBRATION, make_corpus, make_resources

Serve = Callable[[web.Application], Awaitable[str]]


@pytest.fixture
async def service() -> AsyncIterator[SearchService]:
    svc = SearchService.from_corpus(
        make_corpus(), FakeEmbedder(), make_resources(), calibration=FAKE_CALIBRATION
    )
    svc.version = "v-one"
    yield svc
    await svc.close()


@pytest.fixture
async def serve() -> AsyncIterator[Serve]:
    """Start an aiohttp app on 127.0.0.1:<free port>; returns its base URL."""
    runners: list[web.AppRunner] = []

    async def start(app: web.Application) -> str:
        runner = web.AppRunner(app)
        await runner.setup()
        site = web.TCPSite(runner, "127.0.0.1", 0)
        await site.start()
        runners.append(runner)
        return f"http://127.0.0.1:{runner.addresses[0][1]}"

    yield start
    for runner in runners:
        await runner.cleanup()


@pytest.fixture
async def served(service: SearchService, serve: Serve) -> str:
    searcher: Searcher = ServedSearch(service)
    return await serve(create_retrieval_app(searcher))


async def free_port_url() -> str:
    """A URL nobody listens on (the port was free a moment ago)."""
    runner = web.AppRunner(web.Application())
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    port = runner.addresses[0][1]
    await runner.cleanup()
    return f"http://127.0.0.1:{port}"
