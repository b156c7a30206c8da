"""The version feed on Redis: `<prefix>:corpus:version` holds the last announcement and
`<prefix>:corpus:versions` carries each one as a pub/sub message (JSON: version, at)."""

from __future__ import annotations

import json
import time
from collections.abc import AsyncIterator

from redis.asyncio import Redis
from redis.asyncio.retry import Retry
from redis.backoff import ExponentialBackoff
from redis.exceptions import RedisError

from retrieval.follow import POLL_S, Announcement, FeedUnavailable

# Seconds a command waits for Redis: a throttle check must not hold a citizen's question.
TIMEOUT_S = 0.5


def redis_client(url: str) -> Redis:
    """The one client of a process: fails fast (one quick retry, half-second timeouts)."""
    return Redis.from_url(
        url,
        socket_timeout=TIMEOUT_S,
        socket_connect_timeout=TIMEOUT_S,
        retry=Retry(ExponentialBackoff(cap=0.05, base=0.01), retries=1),
        health_check_interval=30,
    )


def _parse(raw: bytes | str | None) -> Announcement | None:
    if raw is None:
        return None
    try:
        body = json.loads(raw)
        return Announcement(str(body["version"]), float(body["at"]))
    except (ValueError, KeyError, TypeError):
        return None  # not ours (or from an incompatible release): ignored


class RedisVersionFeed:
    def __init__(self, client: Redis, prefix: str, poll_s: float = POLL_S) -> None:
        self._client = client
        self._key = f"{prefix}:corpus:version"
        self._channel = f"{prefix}:corpus:versions"
        self._poll_s = poll_s

    async def announce(self, version: str) -> None:
        """Key first, then the message: a follower woken by it always reads the same."""
        body = json.dumps({"version": version, "at": time.time()})
        try:
            async with self._client.pipeline(transaction=True) as pipe:
                pipe.set(self._key, body)
                pipe.publish(self._channel, body)
                await pipe.execute()
        except RedisError as exc:
            raise FeedUnavailable(f"Redis: {type(exc).__name__}") from None

    async def latest(self) -> Announcement | None:
        try:
            return _parse(await self._client.get(self._key))
        except RedisError as exc:
            raise FeedUnavailable(f"Redis: {type(exc).__name__}") from None

    async def subscribe(self) -> AsyncIterator[Announcement | None]:
        try:
            async with self._client.pubsub(ignore_subscribe_messages=True) as pubsub:
                await pubsub.subscribe(self._channel)
                yield None
                deadline = time.monotonic() + self._poll_s
                while True:
                    message = await pubsub.get_message(timeout=min(1.0, self._poll_s))
                    if message is not None and message.get("type") == "message":
                        announced = _parse(message.get("data"))
                        if announced is not None:
                            yield announced
                    if time.monotonic() >= deadline:
                        deadline = time.monotonic() + self._poll_s
                        yield None
        except RedisError as exc:
            raise FeedUnavailable(f"Redis: {type(exc).__name__}") from None
