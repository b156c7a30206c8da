"""Every replica serves the corpus version last published by any of them.

A change on one replica seals a version in the bundle store and announces it on a feed (Redis:
a key plus a pub/sub message); every other replica's follower loads that version beside the
live one (in its own thread: questions keep being answered from the old one) and swaps it in.
The feed's key is read again on every (re)subscription and every `poll_s`, so a lost message
or a replica that starts late still ends on the latest version.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import AsyncIterator, Callable
from concurrent.futures import ThreadPoolExecutor
from contextlib import suppress
from dataclasses import dataclass
from typing import Protocol

from retrieval.bundles import BundleStore
from retrieval.rebuild import open_version
from retrieval.search import SearchService

log = logging.getLogger(__name__)

POLL_S = 30.0


@dataclass(frozen=True)
class Announcement:
    version: str
    at: float  # wall-clock time of the announcement (seconds since the epoch)


class FeedUnavailable(Exception):
    """The feed (Redis) did not answer; the follower retries."""


class VersionFeed(Protocol):
    async def announce(self, version: str) -> None: ...

    async def latest(self) -> Announcement | None:
        """The last announcement, if any."""
        ...

    def subscribe(self) -> AsyncIterator[Announcement | None]:
        """Announcements as they come; None once subscribed and after every `poll_s` of
        silence (ticks to re-check the last announcement: nothing falls between).
        Raises FeedUnavailable when the connection is lost."""
        ...


class VersionFollower:
    """Keeps `service` on the announced version; `on_swap(version, seconds since announced)`."""

    def __init__(
        self,
        service: SearchService,
        bundles: BundleStore,
        feed: VersionFeed,
        *,
        on_swap: Callable[[str, float], None] | None = None,
    ) -> None:
        self._service = service
        self._bundles = bundles
        self._feed = feed
        self._on_swap = on_swap
        self._loader = ThreadPoolExecutor(max_workers=1, thread_name_prefix="follow")
        self._task: asyncio.Task[None] | None = None
        self._lock = asyncio.Lock()
        # The last announcement acted on: a re-read of the same one is not acted on again,
        # so a replica whose own change is swapped in but not yet announced is not sent back.
        self._seen: Announcement | None = None
        self.swaps = 0

    async def start(self) -> None:
        self._task = asyncio.create_task(self._run(), name="corpus-follower")

    @property
    def running(self) -> bool:
        return self._task is not None and not self._task.done()

    async def stop(self) -> None:
        if self._task is not None:
            self._task.cancel()
            with suppress(asyncio.CancelledError):
                await self._task
            self._task = None
        self._loader.shutdown(wait=True)

    async def announce(self, version: str) -> None:
        """After a change here: make the version available to every replica, then tell them."""
        loop = asyncio.get_running_loop()
        await loop.run_in_executor(self._loader, self._bundles.push, version)
        await self._feed.announce(version)

    async def follow(self, announced: Announcement) -> bool:
        """Swap in the announced version (True), or keep the live one saying why (False)."""
        async with self._lock:
            version = announced.version
            if version == self._service.version:
                return False
            loop = asyncio.get_running_loop()
            try:
                path = await loop.run_in_executor(self._loader, self._bundles.fetch, version)
                embedder = self._service.embedder
                opened = await loop.run_in_executor(self._loader, open_version, path, embedder)
            except Exception as exc:  # damaged, pruned, another model…: keep serving
                reason = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
                log.error("corpus version %s not followed (%s); serving %s", version, reason,
                          self._service.version or "the built-in corpus")  # fmt: skip
                return False
            self._service.swap(opened.snapshot, opened.resources, opened.version)
            self.swaps += 1
            delay = max(0.0, time.time() - announced.at) if announced.at else 0.0
            log.info("now serving corpus version %s (announced %.2f s ago)", version, delay)
            if self._on_swap is not None:
                self._on_swap(version, delay)
            return True

    async def catch_up(self) -> None:
        """Follow the last announcement, else the pointer (a version built from the shell)."""
        announced = await self._feed.latest()
        latest = self._bundles.latest()
        if announced is None and latest is not None:
            announced = Announcement(latest, 0.0)
        if announced is not None:
            await self._consider(announced)

    async def _consider(self, announced: Announcement) -> None:
        if announced == self._seen:
            return
        await self.follow(announced)
        if self._service.version == announced.version:  # a failed load is retried next tick
            self._seen = announced

    async def _run(self) -> None:
        backoff = 0.5
        while True:
            try:
                async for announced in self._feed.subscribe():
                    backoff = 0.5
                    if announced is None:
                        await self.catch_up()
                    else:
                        await self._consider(announced)
            except FeedUnavailable as exc:
                log.warning("corpus version feed: %s; retrying in %.1f s", exc, backoff)
            except Exception:  # the follower never stops following
                log.exception("corpus version follower failed; restarting in %.1f s", backoff)
            await asyncio.sleep(backoff)
            backoff = min(backoff * 2, 10.0)
