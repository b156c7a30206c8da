"""Two bot replicas in one process, sharing one Redis (db 1, flushed around each test) and,
where it matters, one database and one data directory."""

from __future__ import annotations

from collections.abc import AsyncIterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from prometheus_client import CollectorRegistry
from redis.asyncio import Redis

from bot.app import Services, create_bot, create_dispatcher
from bot.config import BotSection, DbSection, HttpSection, LimitsSection, Settings
from bot.services.metrics import Metrics
from bot.shared.redis_state import SharedRedis, open_redis_state
from bot.storage import Storage
from bot.storage.sqlite import SqliteStorage
from tests.bot.conftest import TOKEN, Tg
from tests.bot.fakes import FakeSearch
from tests.ops.conftest import MODERATOR
from tests.ops.fakes import FakeAdmin, OpsSession
from tests.servers import exclusive

REDIS_DB = 1  # this lane's Redis databases are 1-7
DEAD_REDIS = "redis://127.0.0.1:9/1"  # the discard port: nothing answers there


@pytest.fixture
async def redis_db(redis_url: str) -> AsyncIterator[str]:
    url = f"{redis_url}/{REDIS_DB}"
    with exclusive(f"redis-{REDIS_DB}"):
        client = Redis.from_url(url)
        await client.flushdb()
        yield url
        await client.flushdb()
        await client.aclose()


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    return Settings(
        bot=BotSection(admin_ids=[MODERATOR["id"]], shutdown_timeout=5.0),
        db=DbSection(path=tmp_path / "shared.sqlite3", retention_days=90),
        http=HttpSection(port=0),
        # real time (Redis's clock): a refill too slow to matter within a test
        limits=LimitsSection(message_per_second=0.01, button_per_second=0.01),
    )


async def open_shared(url: str, settings: Settings) -> SharedRedis:
    limits = settings.limits
    return await open_redis_state(
        url,
        "test",
        ttl_s=limits.pending_upload_ttl_s,
        per_moderator=limits.pending_uploads_per_moderator,
    )


@dataclass
class Replica:
    tg: Tg
    admin: FakeAdmin
    session: OpsSession
    shared: SharedRedis
    metrics: Metrics


@pytest.fixture
async def repo(settings: Settings) -> AsyncIterator[Storage]:
    """One database for both replicas (PostgreSQL in production)."""
    storage = await SqliteStorage.open(settings.db.path, hash_key="test-key", retention_days=90)
    yield storage
    await storage.close()


@pytest.fixture
async def replicas(
    redis_db: str, settings: Settings, repo: Storage
) -> AsyncIterator[tuple[Replica, Replica]]:
    made: list[Replica] = []
    for _ in range(2):
        shared = await open_shared(redis_db, settings)
        metrics = Metrics(CollectorRegistry())
        admin = FakeAdmin()
        services = Services(
            search=FakeSearch(),
            repo=repo,
            settings=settings,
            admin=admin,
            metrics=metrics,
            shared=shared.state,
            announce=shared.feed.announce,
        )
        session = OpsSession()
        tg = Tg(create_dispatcher(services), create_bot(TOKEN, session), session)
        made.append(Replica(tg, admin, session, shared, metrics))
    yield made[0], made[1]
    for replica in made:
        await replica.shared.state.close()
