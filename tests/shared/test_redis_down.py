"""Redis stops answering: citizens are still answered (throttling falls back to the replica's
own buckets), moderators are told plainly, the purge still runs, a start-up names the setting."""

from __future__ import annotations

import time
from collections.abc import AsyncIterator
from pathlib import Path

import pytest
from aiogram.methods import AnswerCallbackQuery
from prometheus_client import CollectorRegistry

from bot.app import RetentionPurge, Services, create_bot, create_dispatcher
from bot.config import Settings
from bot.errors import StartupError
from bot.services.metrics import Metrics
from bot.shared import Limit, SharedState
from bot.shared.redis_state import (
    RedisBuckets,
    RedisChangeLock,
    RedisTurns,
    RedisUploads,
)
from bot.storage import Storage
from bot.ui.callbacks import UploadAction, UploadCb
from bot.ui.texts import Lang
from bot.ui.texts.moderator import mod_texts_for
from retrieval.redis_feed import redis_client
from tests.bot.conftest import TOKEN, Tg
from tests.bot.fakes import FakeSearch
from tests.ops.conftest import MODERATOR, document
from tests.ops.fakes import FakeAdmin, OpsSession
from tests.shared.conftest import DEAD_REDIS
from tests.shared.test_replicas import CountingRepo

MOD_EN = mod_texts_for(Lang.EN)
RELEASE = "12 марта 2026 года\nСенаторы встретились с жителями Караганды.\n".encode()


async def _false() -> bool:
    return False


@pytest.fixture
async def dead(settings: Settings) -> AsyncIterator[SharedState]:
    client = redis_client(DEAD_REDIS)
    yield SharedState(
        backend="redis",
        buckets=RedisBuckets(client, "test"),
        uploads=RedisUploads(client, "test", ttl_s=60, per_moderator=3),
        change_lock=RedisChangeLock(client, "test"),
        turns=RedisTurns(client, "test"),
        ping=_false,
        close=client.aclose,
    )
    await client.aclose()


@pytest.fixture
def admin() -> FakeAdmin:
    return FakeAdmin()


@pytest.fixture
def session() -> OpsSession:
    return OpsSession()


@pytest.fixture
def tg(
    dead: SharedState, settings: Settings, repo: Storage, admin: FakeAdmin, session: OpsSession
) -> Tg:
    services = Services(
        search=FakeSearch(),
        repo=repo,
        settings=settings,
        admin=admin,
        metrics=Metrics(CollectorRegistry()),
        shared=dead,
    )
    return Tg(create_dispatcher(services), create_bot(TOKEN, session), session)


async def test_citizens_are_answered_and_still_throttled_by_this_replica(tg: Tg) -> None:
    started = time.monotonic()
    for _ in range(5):
        await tg.send("земля")
        assert "<blockquote>" in tg.sent()[-1].text  # answered, no error shown
    await tg.send("земля")
    assert "<blockquote>" not in "".join(m.text for m in tg.sent())  # local bucket: burst 5
    assert time.monotonic() - started < 5  # no wait on Redis per message (the breaker)


async def test_between_failures_the_replica_keeps_its_own_limit(dead: SharedState) -> None:
    buckets = RedisBuckets(redis_client(DEAD_REDIS), "test", breaker_s=0.0)
    assert await buckets.take("u", "message", Limit(1, 0.01)) == (True, False)
    assert await buckets.take("u", "message", Limit(1, 0.01)) == (False, True)


async def test_moderators_are_told_uploads_are_unavailable(
    tg: Tg, session: OpsSession, admin: FakeAdmin
) -> None:
    session.files["f1"] = RELEASE
    await tg.send(None, MODERATOR, document=document("release.txt", RELEASE))
    assert [m.text for m in tg.sent()] == [MOD_EN.shared_unavailable]
    await tg.press(UploadCb(t="sometoken", a=UploadAction.PUBLISH).pack(), MODERATOR)
    assert tg.of(AnswerCallbackQuery)[0].text == MOD_EN.shared_unavailable
    assert admin.published == []


async def test_a_reload_is_refused_with_the_reason_and_nothing_runs(
    tg: Tg, admin: FakeAdmin, repo: Storage
) -> None:
    await tg.send("/reload", MODERATOR)
    reply = tg.sent()[-1].text
    assert "the shared store (Redis) does not answer; nothing was changed" in reply
    assert "Traceback" not in reply and admin.calls == []
    log = await repo.recent_moderator_actions(10)
    assert any("Redis" in entry.detail for entry in log)


async def test_the_purge_runs_anyway(dead: SharedState) -> None:
    repo = CountingRepo()
    purge = RetentionPurge(repo, 3600, dead.turns)  # type: ignore[arg-type]
    await purge.start()
    await purge.stop()
    assert repo.purges == 1  # purging twice is harmless; keeping expired logs is not


async def test_start_up_names_the_setting_without_the_url(
    settings: Settings, tmp_path: Path
) -> None:
    from bot.serving.runner import open_services

    broken = settings.model_copy(
        update={
            "redis": settings.redis.model_copy(update={"url": "redis://:hunter2@127.0.0.1:9/1"})
        }
    )
    with pytest.raises(StartupError) as caught:
        async with open_services(broken, FakeSearch()):
            pass
    assert str(caught.value).startswith("cannot use REDIS__URL: Redis (REDIS__URL) is unavailable")
    assert "hunter2" not in str(caught.value) and "\n" not in str(caught.value)


async def test_with_redis_the_composition_root_shares_state_and_announces(
    settings: Settings, redis_db: str
) -> None:
    from bot.serving.runner import open_services

    configured = settings.model_copy(
        update={"redis": settings.redis.model_copy(update={"url": redis_db})}
    )
    async with open_services(configured, FakeSearch()) as services:
        assert services["shared"].backend == "redis" and await services["shared"].ping()
        await services["announce"]("0123456789abcdef")  # injected search: no follower
    async with open_services(settings, FakeSearch()) as services:
        assert "shared" not in services and "announce" not in services  # in process


async def test_start_up_waits_for_a_redis_that_is_restarting(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from redis.exceptions import ConnectionError as RedisConnectionError

    from bot.shared import redis_state

    class _Restarting:
        def __init__(self) -> None:
            self.pings = 0

        async def ping(self) -> bool:
            self.pings += 1
            if self.pings < 3:
                raise RedisConnectionError("Connection refused")
            return True

        async def aclose(self) -> None:
            return None

        def register_script(self, script: str) -> object:
            return script

    client = _Restarting()
    monkeypatch.setattr(redis_state, "redis_client", lambda url: client)
    opened = await redis_state.open_redis_state(
        "redis://127.0.0.1:9/1", "t", ttl_s=60, per_moderator=3, wait_s=5
    )
    assert client.pings == 3 and opened.state.backend == "redis"
