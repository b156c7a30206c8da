"""Webhook redelivery: an update id seen twice is answered once.

Telegram redelivers an update when the answer was not 200 (or never came: a replica died, the
load balancer timed out). Each request first *claims* its update id:

    NEW   nobody had it: handle it, then `done` (kept `done_ttl_s`) or `release` on failure
    DONE  answered already: reply 200 and do nothing
    BUSY  being handled right now (elsewhere): reply 503, Telegram asks again later

A claim expires after `busy_ttl_s` unless its handler keeps extending it, so an update whose
replica was killed is handled on a later redelivery. In process by default; with `REDIS__URL`
the claims live in Redis (`SET NX EX`) and every replica sees them.
"""

from __future__ import annotations

import time
from collections import OrderedDict
from collections.abc import Callable
from enum import Enum
from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    from redis.asyncio import Redis

# Telegram keeps an undelivered update for 24 hours; a redelivery after that cannot come.
DONE_TTL_S = 24 * 3600
_DONE = b"done"
_BUSY = b"busy"
# Atomic: a claim answered meanwhile ("done") or gone is left as it is.
_EXTEND_IF_BUSY = """
if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('EXPIRE', KEYS[1], ARGV[2]) end
return 0
"""


class Claim(Enum):
    NEW = "new"
    DONE = "done"
    BUSY = "busy"


class UpdateDedupe(Protocol):
    async def claim(self, update_id: int) -> tuple[Claim, int]:
        """The claim and which delivery this is (1 = first; failures before it + 1)."""
        ...

    async def done(self, update_id: int) -> None: ...

    async def extend(self, update_id: int) -> None:
        """Still handling it (a corpus rebuild takes minutes): the claim lives on."""
        ...

    async def release(self, update_id: int) -> None:
        """Handling failed: the next delivery may try again (and counts as one more)."""
        ...

    async def close(self) -> None: ...


class MemoryDedupe:
    """One process: a dict of claims that expire, oldest pruned first."""

    def __init__(
        self,
        busy_ttl_s: float,
        done_ttl_s: float = DONE_TTL_S,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self._busy_ttl_s = busy_ttl_s
        self._done_ttl_s = done_ttl_s
        self._clock = clock
        self._claims: OrderedDict[int, tuple[bytes, float]] = OrderedDict()
        self._failures: dict[int, int] = {}

    async def claim(self, update_id: int) -> tuple[Claim, int]:
        now = self._clock()
        self._prune(now)
        found = self._claims.get(update_id)
        if found is not None and found[1] > now:
            return (Claim.DONE if found[0] == _DONE else Claim.BUSY), 0
        self._put(update_id, _BUSY, now + self._busy_ttl_s)
        return Claim.NEW, self._failures.get(update_id, 0) + 1

    async def done(self, update_id: int) -> None:
        self._put(update_id, _DONE, self._clock() + self._done_ttl_s)
        self._failures.pop(update_id, None)

    async def extend(self, update_id: int) -> None:
        found = self._claims.get(update_id)
        if found is not None and found[0] == _BUSY:
            self._put(update_id, _BUSY, self._clock() + self._busy_ttl_s)

    async def release(self, update_id: int) -> None:
        self._claims.pop(update_id, None)
        self._failures[update_id] = self._failures.get(update_id, 0) + 1

    async def close(self) -> None:
        return None

    def _put(self, update_id: int, state: bytes, expires: float) -> None:
        self._claims[update_id] = (state, expires)
        self._claims.move_to_end(update_id)

    def _prune(self, now: float) -> None:
        # Nearly ordered by expiry (claims move to the end when they change): stop at the
        # first live one; a long-lived "done" ahead of expired claims only delays their pruning.
        while self._claims:
            update_id, (_, expires) = next(iter(self._claims.items()))
            if expires > now:
                break
            del self._claims[update_id]
            self._failures.pop(update_id, None)


class RedisDedupe:
    """Every replica: `SET <prefix>:update:<id> busy NX EX`, then `done` or deleted."""

    def __init__(
        self,
        redis: Redis,
        prefix: str,
        busy_ttl_s: float,
        done_ttl_s: float = DONE_TTL_S,
    ) -> None:
        self._redis = redis
        self._prefix = prefix
        self._busy_ttl = max(1, int(busy_ttl_s))
        self._done_ttl = max(1, int(done_ttl_s))

    @classmethod
    def from_url(cls, url: str, prefix: str, busy_ttl_s: float) -> RedisDedupe:
        from redis.asyncio import Redis

        client = Redis.from_url(url, socket_timeout=2.0, socket_connect_timeout=2.0)
        return cls(client, prefix, busy_ttl_s)

    def _key(self, update_id: int) -> str:
        return f"{self._prefix}:update:{update_id}"

    def _failures_key(self, update_id: int) -> str:
        return f"{self._prefix}:update-failures:{update_id}"

    async def claim(self, update_id: int) -> tuple[Claim, int]:
        key = self._key(update_id)
        if await self._redis.set(key, _BUSY, nx=True, ex=self._busy_ttl):
            failures = await self._redis.get(self._failures_key(update_id))
            return Claim.NEW, int(failures or 0) + 1
        state = await self._redis.get(key)
        if state is None:  # expired between the two calls: try once more
            return await self.claim(update_id)
        return (Claim.DONE if state == _DONE else Claim.BUSY), 0

    async def done(self, update_id: int) -> None:
        await self._redis.set(self._key(update_id), _DONE, ex=self._done_ttl)

    async def extend(self, update_id: int) -> None:
        await self._redis.eval(_EXTEND_IF_BUSY, 1, self._key(update_id), _BUSY, self._busy_ttl)

    async def release(self, update_id: int) -> None:
        failures = self._failures_key(update_id)
        async with self._redis.pipeline(transaction=True) as pipe:
            pipe.delete(self._key(update_id))
            pipe.incr(failures)
            pipe.expire(failures, self._done_ttl)
            await pipe.execute()

    async def close(self) -> None:
        await self._redis.aclose()
