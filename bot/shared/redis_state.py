"""Shared state in Redis (`REDIS__URL`): every replica sees the same buckets, uploads, lock
and purge turns. Keys live under `REDIS__PREFIX` and expire by themselves.

    <prefix>:throttle:<user key>:<bucket>   hash  tokens, updated, notified (refill time)
    <prefix>:upload:<token>                 hash  moderator, name, data, created (TTL)
    <prefix>:uploads:<moderator id>         zset  that moderator's tokens by creation
    <prefix>:lock:corpus                    redis-py Lock (token + expiry, renewed)
    <prefix>:turn:<chore>                   who does the chore this period

When Redis does not answer, throttling falls back to this replica's own buckets for a few
seconds at a time (citizens are never refused because of it); uploads and corpus changes raise
SharedUnavailable (moderators are told); the purge runs anyway (it is idempotent).
"""

from __future__ import annotations

import asyncio
import logging
import secrets
import time
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager, suppress
from dataclasses import dataclass
from typing import Any

from redis.asyncio import Redis
from redis.asyncio.lock import Lock
from redis.exceptions import LockError, RedisError

from bot.shared.base import Limit, PendingUpload, SharedState, SharedUnavailable
from bot.shared.memory import MemoryBuckets
from retrieval.redis_feed import RedisVersionFeed, redis_client

log = logging.getLogger(__name__)

# After a failure, throttling stays local this long before asking Redis again.
BREAKER_S = 5.0
START_WAIT_S = 10.0  # at start-up: how long Redis may take to answer (it may be restarting too)
CHANGE_LOCK_TTL_S = 60.0  # renewed every third of it while a change runs

_TAKE = """
local t = redis.call('TIME')
local now = tonumber(t[1]) + tonumber(t[2]) / 1000000
local burst, rate = tonumber(ARGV[1]), tonumber(ARGV[2])
local b = redis.call('HMGET', KEYS[1], 'tokens', 'updated', 'notified')
local tokens = tonumber(b[1]) or burst
local updated = tonumber(b[2]) or now
local notified = b[3] == '1'
tokens = math.min(burst, tokens + math.max(0, now - updated) * rate)
local allowed, notify = 0, 0
if tokens >= 1 then
  tokens = tokens - 1
  notified = false
  allowed = 1
else
  if not notified then notify = 1 end
  notified = true
end
redis.call('HSET', KEYS[1], 'tokens', string.format('%.6f', tokens),
  'updated', string.format('%.6f', now), 'notified', notified and '1' or '0')
redis.call('PEXPIRE', KEYS[1], math.ceil(burst / rate * 1000) + 1000)
return {allowed, notify}
"""

_PUT = """
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local ttl, cap = tonumber(ARGV[1]), tonumber(ARGV[2])
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now - ttl)
-- strictly increasing per moderator: uploads in one millisecond still drop oldest first
local newest = redis.call('ZRANGE', KEYS[1], -1, -1, 'WITHSCORES')
if newest[2] and tonumber(newest[2]) >= now then now = tonumber(newest[2]) + 1 end
local own = redis.call('ZRANGE', KEYS[1], 0, -1)
for i = 1, #own - cap + 1 do
  redis.call('DEL', ARGV[7] .. own[i])
  redis.call('ZREM', KEYS[1], own[i])
end
redis.call('HSET', KEYS[2], 'moderator', ARGV[3], 'name', ARGV[4], 'data', ARGV[5],
  'created', now)
redis.call('PEXPIRE', KEYS[2], ttl)
redis.call('ZADD', KEYS[1], now, ARGV[6])
redis.call('PEXPIRE', KEYS[1], ttl)
return now
"""

_DISCARD = """
local moderator = redis.call('HGET', KEYS[1], 'moderator')
redis.call('DEL', KEYS[1])
if moderator then redis.call('ZREM', ARGV[1] .. moderator, ARGV[2]) end
return 1
"""


def unavailable(exc: BaseException) -> SharedUnavailable:
    return SharedUnavailable(f"Redis (REDIS__URL) is unavailable: {type(exc).__name__}")


class RedisBuckets:
    """One bucket per user and bucket name for all replicas (an atomic Lua script)."""

    def __init__(self, client: Redis, prefix: str, breaker_s: float = BREAKER_S) -> None:
        self._client = client
        self._prefix = prefix
        self._script = client.register_script(_TAKE)
        self._fallback = MemoryBuckets()
        self._breaker_s = breaker_s
        self._local_until = 0.0

    async def take(self, subject: str, bucket: str, limit: Limit) -> tuple[bool, bool]:
        if time.monotonic() < self._local_until:
            return self._fallback.take_now(subject, bucket, limit)
        key = f"{self._prefix}:throttle:{subject}:{bucket}"
        try:
            allowed, notify = await self._script(keys=[key], args=[limit.burst, limit.per_second])
        except RedisError as exc:
            log.warning(
                "throttling: Redis unavailable (%s); this replica throttles alone for %.0f s",
                type(exc).__name__,
                self._breaker_s,
            )
            self._local_until = time.monotonic() + self._breaker_s
            return self._fallback.take_now(subject, bucket, limit)
        return bool(allowed), bool(notify)


class RedisUploads:
    """Pending uploads any replica can publish; Redis expires them after `ttl_s`."""

    def __init__(self, client: Redis, prefix: str, ttl_s: float, per_moderator: int) -> None:
        self._client = client
        self._items = f"{prefix}:upload:"
        self._index = f"{prefix}:uploads:"
        self._ttl_ms = max(1, round(ttl_s * 1000))
        self._per_moderator = per_moderator
        self._put = client.register_script(_PUT)
        self._discard = client.register_script(_DISCARD)

    async def put(self, moderator_id: int, name: str, data: bytes) -> str:
        token = secrets.token_urlsafe(9)
        keys = [f"{self._index}{moderator_id}", f"{self._items}{token}"]
        args: list[Any] = [self._ttl_ms, self._per_moderator, moderator_id, name, data, token]
        try:
            await self._put(keys=keys, args=[*args, self._items])
        except RedisError as exc:
            raise unavailable(exc) from None
        return token

    async def get(self, token: str, moderator_id: int) -> PendingUpload | None:
        try:
            item = await self._client.hgetall(f"{self._items}{token}")
        except RedisError as exc:
            raise unavailable(exc) from None
        fields = {_bytes(k): _bytes(v) for k, v in item.items()}  # a client without decoding
        if fields.get(b"moderator") != str(moderator_id).encode():
            return None
        return PendingUpload(
            moderator_id=moderator_id,
            name=fields[b"name"].decode("utf-8"),
            data=fields[b"data"],
            created=int(fields[b"created"]) / 1000,
        )

    async def discard(self, token: str) -> None:
        try:
            await self._discard(keys=[f"{self._items}{token}"], args=[self._index, token])
        except RedisError as exc:
            raise unavailable(exc) from None

    async def count(self) -> int:
        try:
            return sum([1 async for _ in self._client.scan_iter(match=f"{self._items}*")])
        except RedisError as exc:
            raise unavailable(exc) from None


def _bytes(value: bytes | str) -> bytes:
    return value if isinstance(value, bytes) else value.encode("utf-8")


class RedisChangeLock:
    """redis-py's Lock: a random token, an expiry renewed while the change runs, and a
    release that deletes the key only if it still holds our token."""

    def __init__(self, client: Redis, prefix: str, ttl_s: float = CHANGE_LOCK_TTL_S) -> None:
        self._client = client
        self._key = f"{prefix}:lock:corpus"
        self._ttl_s = ttl_s

    @asynccontextmanager
    async def hold(self) -> AsyncIterator[bool]:
        lock = Lock(self._client, self._key, timeout=self._ttl_s, blocking=False,
                    thread_local=False)  # fmt: skip
        try:
            acquired = await lock.acquire()
        except RedisError as exc:
            raise unavailable(exc) from None
        if not acquired:
            yield False
            return
        renew = asyncio.create_task(self._renew(lock), name="corpus-lock-renew")
        try:
            yield True
        finally:
            renew.cancel()
            with suppress(asyncio.CancelledError):
                await renew
            try:
                await lock.release()
            except (LockError, RedisError) as exc:  # expired or Redis gone: it frees itself
                log.warning("corpus change lock not released (%s)", type(exc).__name__)

    async def _renew(self, lock: Lock) -> None:
        while True:
            await asyncio.sleep(self._ttl_s / 3)
            try:
                await lock.reacquire()
            except (LockError, RedisError) as exc:
                log.error("corpus change lock could not be renewed: %s", type(exc).__name__)


class RedisTurns:
    """The first replica to ask in a period gets the chore (SET NX with the period's expiry)."""

    def __init__(self, client: Redis, prefix: str) -> None:
        self._client = client
        self._prefix = prefix

    async def claim(self, chore: str, period_s: float) -> bool:
        expiry_ms = max(1, round(period_s * 900))  # 0.9 period: the holder's next tick wins
        try:
            won = await self._client.set(
                f"{self._prefix}:turn:{chore}", str(time.time()), nx=True, px=expiry_ms
            )
        except RedisError as exc:
            raise unavailable(exc) from None
        return bool(won)


@dataclass(frozen=True)
class SharedRedis:
    state: SharedState
    client: Redis
    feed: RedisVersionFeed  # corpus versions announced to every replica


async def open_redis_state(
    url: str, prefix: str, *, ttl_s: float, per_moderator: int, wait_s: float = START_WAIT_S
) -> SharedRedis:
    """Connect and ping, for up to `wait_s` (a replica restarted beside a restarting Redis
    waits for it instead of exiting); SharedUnavailable (one line, no URL) after that."""
    client = redis_client(url)
    deadline = time.monotonic() + wait_s
    while True:
        try:
            await client.ping()
            break
        except RedisError as exc:
            if time.monotonic() >= deadline:
                await client.aclose()
                raise unavailable(exc) from None
            log.warning("Redis (REDIS__URL) does not answer yet; trying again")
            await asyncio.sleep(0.5)

    async def ping() -> bool:
        try:
            return bool(await client.ping())
        except RedisError:
            return False

    state = SharedState(
        backend="redis",
        buckets=RedisBuckets(client, prefix),
        uploads=RedisUploads(client, prefix, ttl_s, per_moderator),
        change_lock=RedisChangeLock(client, prefix),
        turns=RedisTurns(client, prefix),
        ping=ping,
        close=client.aclose,
    )
    return SharedRedis(state, client, RedisVersionFeed(client, prefix))
