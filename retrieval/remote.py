"""`RemoteSearch`: `SearchAPI` answered by `atazan serve-retrieval` over HTTP.

Questions go to the services in turn (load spreads over them); one that times out or fails is
skipped for the next, and when none answers the caller gets `SearchUnavailable` (the bot asks
the citizen to try again). Browsing is answered from the service's catalogue held in memory,
fetched at start and again whenever a service reports another corpus version. This module
imports neither torch nor the index: a bot replica in this mode stays small.
"""

from __future__ import annotations

import asyncio
import itertools
import logging
import time
from collections.abc import Sequence
from contextlib import suppress

import aiohttp

from retrieval.api import CorpusInfo
from retrieval.catalogue import (
    CATALOGUE_PATH,
    HEALTH_PATH,
    SEARCH_PATH,
    VERSION_HEADER,
    Catalogue,
    CatalogueBrowser,
)
from retrieval.errors import SearchUnavailable, ServiceUnavailable
from retrieval.models import Answer, Document, Hit, Meeting, Theme

log = logging.getLogger(__name__)

CATALOGUE_TIMEOUT_S = 30.0  # a large corpus is a few MB: more than one question's budget


class RemoteSearch:
    """`SearchAPI` over one or several retrieval services (`RETRIEVAL__URL`)."""

    def __init__(
        self,
        urls: Sequence[str],
        session: aiohttp.ClientSession,
        catalogue: Catalogue,
        *,
        timeout_s: float,
        poll_s: float,
    ) -> None:
        if not urls:
            raise ValueError("RemoteSearch needs at least one URL")
        self._urls = list(urls)
        self._session = session
        self._timeout = aiohttp.ClientTimeout(total=timeout_s)
        self._browser = CatalogueBrowser(catalogue)
        # The version before the last swap, so an answer page stored a moment before a reload
        # still finds its statements ("More", "Whole meeting").
        self._previous: CatalogueBrowser | None = None
        self._start = itertools.count()
        self._refresh: asyncio.Task[None] | None = None
        self._poll_s = poll_s
        self._poller: asyncio.Task[None] | None = None

    @classmethod
    async def open(
        cls,
        urls: Sequence[str],
        *,
        timeout_s: float = 3.0,
        wait_s: float = 30.0,
        poll_s: float = 10.0,
    ) -> RemoteSearch:
        """Fetch the catalogue from the first service that answers, waiting up to `wait_s`
        for one to come up (replicas may start first); `poll_s` > 0 follows reloads even
        while no question arrives."""
        session = aiohttp.ClientSession()
        deadline = time.monotonic() + wait_s
        reason = ""
        try:
            while True:
                for url in urls:
                    try:
                        catalogue = await _fetch_catalogue(session, url)
                    except (aiohttp.ClientError, TimeoutError, ValueError) as exc:
                        reason = f"{url}: {_why(exc)}"
                        continue
                    search = cls(urls, session, catalogue, timeout_s=timeout_s, poll_s=poll_s)
                    if poll_s > 0:
                        search._poller = asyncio.create_task(search._poll(), name="catalogue-poll")
                    log.info("retrieval over HTTP (%s), corpus version %s", url, catalogue.version)
                    return search
                if time.monotonic() >= deadline:
                    break
                await asyncio.sleep(1.0)
        except BaseException:
            await session.close()
            raise
        await session.close()
        raise ServiceUnavailable(
            f"no retrieval service answered at RETRIEVAL__URL ({reason}): "
            "start `atazan serve-retrieval` or fix the URL"
        )

    async def close(self) -> None:
        for task in (self._poller, self._refresh):
            if task is not None:
                task.cancel()
                with suppress(asyncio.CancelledError):
                    await task
        await self._session.close()

    # --- questions -------------------------------------------------------------------------
    async def search(self, question: str, k: int = 3) -> Answer:
        """Ask the services in turn, starting with the next one; each gets `timeout_s`."""
        first = next(self._start) % len(self._urls)
        order = self._urls[first:] + self._urls[:first]
        if len(order) == 1:
            order = order * 2  # a lone service gets a second chance (a restart, a dropped socket)
        failures: list[str] = []
        for attempt, url in enumerate(order):
            if attempt and len(self._urls) == 1:
                await asyncio.sleep(0.2)
            try:
                async with self._session.post(
                    url + SEARCH_PATH, json={"question": question, "k": k}, timeout=self._timeout
                ) as response:
                    if response.status != 200:
                        failures.append(f"{url}: HTTP {response.status}")
                        continue
                    answer = Answer.model_validate_json(await response.read())
                    self._follow(response.headers.get(VERSION_HEADER), url)
                    return answer
            except (aiohttp.ClientError, TimeoutError, ValueError) as exc:
                failures.append(f"{url}: {_why(exc)}")
        log.error("no retrieval service answered: %s", "; ".join(failures))
        raise SearchUnavailable("no retrieval service answered: " + "; ".join(failures))

    # --- browsing (from the catalogue in memory) -------------------------------------------
    def themes(self) -> list[Theme]:
        return self._browser.themes()

    def by_theme(self, theme_id: str) -> list[Hit]:
        return self._browser.by_theme(theme_id)

    def senators(self) -> list[str]:
        return self._browser.senators()

    def by_senator(self, name: str) -> list[Hit]:
        return self._browser.by_senator(name)

    def regions(self) -> list[str]:
        return self._browser.regions()

    def meetings_in_region(self, region: str) -> list[Meeting]:
        return self._browser.meetings_in_region(region)

    def meeting(self, meeting_id: str) -> Meeting | None:
        found = self._browser.meeting(meeting_id)
        if found is None and self._previous is not None:
            found = self._previous.meeting(meeting_id)
        return found

    def document(self, document_id: str) -> Document | None:
        found = self._browser.document(document_id)
        if found is None and self._previous is not None:
            found = self._previous.document(document_id)
        return found

    def hit(self, statement_id: str) -> Hit | None:
        found = self._browser.hit(statement_id)
        if found is None and self._previous is not None:
            found = self._previous.hit(statement_id)
        return found

    def info(self) -> CorpusInfo:
        return self._browser.info()

    @property
    def version(self) -> str:
        return self._browser.catalogue.version

    # --- following corpus versions ---------------------------------------------------------
    def _follow(self, version: str | None, url: str) -> None:
        """A service serves another version: fetch its catalogue once, in the background."""
        if version is None or version == self.version:
            return
        if self._refresh is None or self._refresh.done():
            self._refresh = asyncio.create_task(self._swap_from(url), name="catalogue-refresh")

    async def _swap_from(self, url: str) -> None:
        try:
            catalogue = await _fetch_catalogue(self._session, url)
        except (aiohttp.ClientError, TimeoutError, ValueError) as exc:
            log.warning("catalogue refresh from %s failed: %s", url, _why(exc))
            return
        if catalogue.version != self.version:
            log.info("corpus version %s -> %s (from %s)", self.version, catalogue.version, url)
            self._previous, self._browser = self._browser, CatalogueBrowser(catalogue)

    async def _poll(self) -> None:
        while True:
            await asyncio.sleep(self._poll_s)
            url = self._urls[next(self._start) % len(self._urls)]
            try:
                async with self._session.get(url + HEALTH_PATH, timeout=self._timeout) as r:
                    version = r.headers.get(VERSION_HEADER) if r.status == 200 else None
            except (aiohttp.ClientError, TimeoutError):
                continue
            self._follow(version, url)


async def _fetch_catalogue(session: aiohttp.ClientSession, url: str) -> Catalogue:
    timeout = aiohttp.ClientTimeout(total=CATALOGUE_TIMEOUT_S)
    async with session.get(url + CATALOGUE_PATH, timeout=timeout) as response:
        if response.status != 200:
            raise ValueError(f"HTTP {response.status}")
        return Catalogue.model_validate_json(await response.read())


def _why(exc: BaseException) -> str:
    if isinstance(exc, TimeoutError):
        return "timed out"
    lines = str(exc).splitlines()
    return f"{type(exc).__name__}: {lines[0]}" if lines and lines[0] else type(exc).__name__
