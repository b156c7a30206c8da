"""Update-id claims: in process and in Redis (shared by replicas) behave the same."""

from __future__ import annotations

import uuid
from collections.abc import AsyncIterator

import pytest

from bot.serving.dedupe import Claim, MemoryDedupe, RedisDedupe, UpdateDedupe

REDIS_DB = 8  # this lane's Redis databases are 8-14


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture(params=["memory", "redis"])
async def dedupe(request: pytest.FixtureRequest) -> AsyncIterator[UpdateDedupe]:
    if request.param == "memory":
        yield MemoryDedupe(busy_ttl_s=60)
        return
    url = request.getfixturevalue("redis_url")
    store = RedisDedupe.from_url(f"{url}/{REDIS_DB}", f"test-{uuid.uuid4().hex}", busy_ttl_s=60)
    yield store
    await store.close()


async def test_an_update_is_claimed_once_then_answered_once(dedupe: UpdateDedupe) -> None:
    assert await dedupe.claim(7) == (Claim.NEW, 1)
    assert (await dedupe.claim(7))[0] is Claim.BUSY  # a redelivery while it is handled
    await dedupe.done(7)
    assert (await dedupe.claim(7))[0] is Claim.DONE
    assert await dedupe.claim(8) == (Claim.NEW, 1)  # other ids are independent


async def test_a_failed_update_may_be_handled_again_and_counts_deliveries(
    dedupe: UpdateDedupe,
) -> None:
    assert await dedupe.claim(9) == (Claim.NEW, 1)
    await dedupe.release(9)
    assert await dedupe.claim(9) == (Claim.NEW, 2)
    await dedupe.release(9)
    assert await dedupe.claim(9) == (Claim.NEW, 3)
    await dedupe.done(9)
    assert (await dedupe.claim(9))[0] is Claim.DONE


async def test_two_replicas_sharing_redis_see_each_others_claims(redis_url: str) -> None:
    prefix = f"test-{uuid.uuid4().hex}"
    first = RedisDedupe.from_url(f"{redis_url}/{REDIS_DB}", prefix, busy_ttl_s=60)
    second = RedisDedupe.from_url(f"{redis_url}/{REDIS_DB}", prefix, busy_ttl_s=60)
    try:
        assert (await first.claim(11))[0] is Claim.NEW
        assert (await second.claim(11))[0] is Claim.BUSY
        await first.done(11)
        assert (await second.claim(11))[0] is Claim.DONE
    finally:
        await first.close()
        await second.close()


async def test_a_claim_of_a_killed_replica_expires() -> None:
    clock = Clock()
    dedupe = MemoryDedupe(busy_ttl_s=60, done_ttl_s=3600, clock=clock)
    assert (await dedupe.claim(5))[0] is Claim.NEW
    clock.now += 61  # nobody called done or release: the replica died
    assert (await dedupe.claim(5))[0] is Claim.NEW
    await dedupe.done(5)
    clock.now += 3601
    assert (await dedupe.claim(5))[0] is Claim.NEW  # forgotten after the done TTL
    assert len(dedupe._claims) == 1  # expired claims are pruned, memory stays bounded


async def test_a_long_handler_keeps_its_claim_and_only_while_busy(dedupe: UpdateDedupe) -> None:
    assert (await dedupe.claim(12))[0] is Claim.NEW
    await dedupe.extend(12)
    assert (await dedupe.claim(12))[0] is Claim.BUSY
    await dedupe.done(12)
    await dedupe.extend(12)  # a late keeper tick never turns "answered" back into "busy"
    assert (await dedupe.claim(12))[0] is Claim.DONE
    await dedupe.extend(13)  # nor creates a claim nobody took
    assert await dedupe.claim(13) == (Claim.NEW, 1)


async def test_an_extended_claim_outlives_the_ttl() -> None:
    clock = Clock()
    dedupe = MemoryDedupe(busy_ttl_s=60, clock=clock)
    await dedupe.claim(14)
    for _ in range(5):  # a rebuild of several minutes, extended every 20 s
        clock.now += 20
        await dedupe.extend(14)
    assert (await dedupe.claim(14))[0] is Claim.BUSY
