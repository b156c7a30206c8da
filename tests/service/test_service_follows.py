"""Several retrieval services on one shared volume and one Redis: a SIGHUP reload on one is
announced, and the others follow it (serve-retrieval with REDIS__URL)."""

from __future__ import annotations

import asyncio
import uuid

from redis.asyncio import Redis

from retrieval.search import SearchService
from retrieval.service import _follow, _reload
from tests.retrieval.test_admin import NEW_RELEASE, Setup, setup

REDIS_DB = 9  # this lane's Redis databases are 8-14
__all__ = ["setup"]  # the fixture, used by name


async def test_a_reload_on_one_service_is_followed_by_the_other(
    setup: Setup, redis_url: str
) -> None:
    service, admin, config = setup
    other = SearchService.from_corpus(service.snapshot.corpus, service.embedder, service.resources)
    redis = (f"{redis_url}/{REDIS_DB}", f"test-{uuid.uuid4().hex}")
    here = await _follow(service, config, redis)
    there = await _follow(other, config, redis)
    try:
        await admin.reload()  # the volume's first version, served by both
        # The shell put a new release on the volume and rebuilt; SIGHUP this service only.
        (config.data_dir / "raw").mkdir(parents=True, exist_ok=True)
        (config.data_dir / "raw" / "karaganda.txt").write_bytes(NEW_RELEASE)
        before = other.version
        await _reload(admin, here)
        assert service.version != before
        async with asyncio.timeout(30):
            while other.version != service.version:  # noqa: ASYNC110 - another task swaps
                await asyncio.sleep(0.05)
        answer = await other.search("Что говорил Нурланов горнякам?")
        assert answer.answered and answer.hits[0].speakers == ["Ерлан Нурланов"]
    finally:
        await here.stop()
        await there.stop()
        await other.close()
        client = Redis.from_url(redis[0])
        await client.delete(f"{redis[1]}:corpus:version")
        await client.aclose()
