"""Corpus versions every replica follows: two replicas share one data directory and one
Redis; a change on one is announced and the other swaps to it (never to a half-written
version); a replica started late catches up; /healthz and /metrics name the version served."""

from __future__ import annotations

import asyncio
import shutil
from collections.abc import AsyncIterator
from dataclasses import dataclass
from pathlib import Path

import aiohttp
import pytest
from prometheus_client import CollectorRegistry
from redis.asyncio import Redis

from bot.services.corpus_ops import CorpusOps
from bot.services.metrics import Metrics
from bot.serving.http import create_http_app
from bot.shared.redis_state import RedisChangeLock
from bot.storage import Storage
from retrieval.admin import CorpusAdmin
from retrieval.bundles import SharedDirBundles
from retrieval.config import RetrievalConfig
from retrieval.follow import Announcement, VersionFollower
from retrieval.ingest import build_corpus
from retrieval.redis_feed import RedisVersionFeed, redis_client
from retrieval.search import SearchService, load_resources
from retrieval.versions import VERSION_FILE, VersionStore
from tests.fake_embedder import FakeEmbedder
from tests.ops.test_http import listening
from tests.retrieval.test_admin import NEW_RELEASE, OTHER_RELEASE

REPO = Path(__file__).resolve().parents[2]
QUESTION = "Что говорил Нурланов горнякам?"


@dataclass
class Node:
    """One replica's retrieval side: its own search, admin, Redis client, feed, follower."""

    service: SearchService
    admin: CorpusAdmin
    client: Redis
    feed: RedisVersionFeed
    follower: VersionFollower
    metrics: Metrics
    swapped: asyncio.Event


@pytest.fixture
def config(tmp_path: Path) -> RetrievalConfig:
    corpus_dir = tmp_path / "corpus"
    shutil.copytree(REPO / "corpus", corpus_dir, ignore=shutil.ignore_patterns("eval"))
    return RetrievalConfig(data_dir=tmp_path / "shared-volume", corpus_dir=corpus_dir)


@pytest.fixture
async def nodes(config: RetrievalConfig, redis_db: str) -> AsyncIterator[list[Node]]:
    corpus, _ = build_corpus(config.raw_dirs, corpus_dir=config.corpus_dir)
    made: list[Node] = []
    for _ in range(2):
        service = SearchService.from_corpus(
            corpus, FakeEmbedder(), load_resources(config.corpus_dir)
        )
        client = redis_client(redis_db)
        feed = RedisVersionFeed(client, "test", poll_s=0.5)
        metrics = Metrics(CollectorRegistry())
        metrics.watch_version(lambda s=service: s.info().version)  # type: ignore[misc]
        swapped = asyncio.Event()

        def on_swap(
            version: str, delay_s: float, m: Metrics = metrics, e: asyncio.Event = swapped
        ) -> None:
            m.observe_follow(version, delay_s)
            e.set()

        follower = VersionFollower(
            service, SharedDirBundles(config.data_dir), feed, on_swap=on_swap
        )
        admin = CorpusAdmin(service, config)
        made.append(Node(service, admin, client, feed, follower, metrics, swapped))
    yield made
    for node in made:
        await node.follower.stop()
        await node.admin.close()
        await node.service.close()
        await node.client.aclose()


def ops(node: Node, repo: Storage) -> CorpusOps:
    lock = RedisChangeLock(node.client, "test")
    return CorpusOps(node.admin, repo, node.metrics, lock, node.feed.announce)


async def serving(node: Node, version: str, timeout_s: float = 10.0) -> None:
    async with asyncio.timeout(timeout_s):
        while node.service.version != version:
            await node.swapped.wait()
            node.swapped.clear()


async def test_a_publish_on_one_replica_is_served_by_the_other(
    nodes: list[Node], repo: Storage
) -> None:
    a, b = nodes
    await b.follower.start()
    before = await b.service.search(QUESTION)
    assert not any("Нурланов" in " ".join(h.speakers) for h in before.hits)
    report = await ops(a, repo).publish(1, "karaganda.txt", NEW_RELEASE)
    await serving(b, report.version)
    after = await b.service.search(QUESTION)
    assert after.answered and after.hits[0].speakers == ["Ерлан Нурланов"]
    assert b.follower.swaps == 1 and a.follower.swaps == 0

    app = create_http_app(
        search=b.service, repo=repo, metrics=b.metrics, corpus_ops=None, admin_token=None
    )
    async with listening(app) as base, aiohttp.ClientSession() as http:
        async with http.get(f"{base}/healthz") as response:
            health = await response.json()
        async with http.get(f"{base}/metrics") as response:
            exposition = await response.text()
    assert health["index"]["version"] == report.version
    assert f'atazan_corpus_version{{version="{report.version}"}} 1.0' in exposition
    assert "atazan_corpus_follows_total 1.0" in exposition


async def test_a_replica_started_late_serves_the_latest_version(
    nodes: list[Node], repo: Storage
) -> None:
    a, b = nodes
    report = await ops(a, repo).publish(1, "karaganda.txt", NEW_RELEASE)
    assert b.service.version == ""  # b was not following yet
    await b.follower.start()
    await serving(b, report.version)


async def test_a_replicas_own_change_is_not_undone_before_it_is_announced(
    nodes: list[Node], repo: Storage
) -> None:
    a, b = nodes
    first = await ops(a, repo).publish(1, "karaganda.txt", NEW_RELEASE)
    await b.follower.catch_up()
    assert b.service.version == first.version
    own = await b.admin.publish("temirtau.txt", OTHER_RELEASE)  # swapped, not yet announced
    await b.follower.catch_up()  # a poll tick in between re-reads the older announcement
    assert b.service.version == own.version != first.version


async def test_a_half_written_version_is_never_served(
    nodes: list[Node], repo: Storage, config: RetrievalConfig
) -> None:
    a, b = nodes
    report = await ops(a, repo).publish(1, "karaganda.txt", NEW_RELEASE)
    assert await b.follower.follow(Announcement(report.version, 0.0))
    # a version directory without its manifest, as a crashed copy would leave it
    sealed = VersionStore(config.data_dir).versions / report.version
    partial = sealed.parent / "0123456789abcdef"
    shutil.copytree(sealed, partial)
    (partial / VERSION_FILE).unlink()
    assert not await b.follower.follow(Announcement("0123456789abcdef", 0.0))
    (partial / "corpus.json").write_text("{", encoding="utf-8")  # damaged, manifest back
    shutil.copyfile(sealed / VERSION_FILE, partial / VERSION_FILE)
    assert not await b.follower.follow(Announcement("0123456789abcdef", 0.0))
    assert not await b.follower.follow(Announcement("../outside", 0.0))
    assert b.service.version == report.version  # still the last complete one
    assert (await b.service.search(QUESTION)).answered


async def test_the_follower_survives_a_redis_outage(
    nodes: list[Node], repo: Storage, config: RetrievalConfig
) -> None:
    a, _ = nodes
    dead = RedisVersionFeed(redis_client("redis://127.0.0.1:9/1"), "test", poll_s=0.5)
    follower = VersionFollower(a.service, SharedDirBundles(config.data_dir), dead)
    await follower.start()
    await asyncio.sleep(0.3)  # retries with a back-off, serving what it has
    assert follower.running and follower.swaps == 0
    assert a.service.version == "" and (await a.service.search(QUESTION)).hits
    await follower.stop()
