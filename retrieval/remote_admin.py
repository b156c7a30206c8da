"""`RemoteAdmin`: corpus changes forwarded to `atazan serve-retrieval` (`RETRIEVAL__ADMIN_TOKEN`).

A bot replica with `RETRIEVAL__URL` holds no model, so it cannot build a corpus version; the
retrieval service does, swaps it in, and the replicas follow the new version (`RemoteSearch`).
Stage-by-stage progress is not forwarded: a moderator sees the start and the outcome.
"""

from __future__ import annotations

import aiohttp
from pydantic import TypeAdapter

from retrieval.api import ReleaseRecord, ReloadReport
from retrieval.errors import RetrievalError
from retrieval.models import ParseResult
from retrieval.progress import Step, no_progress

ADMIN_PREFIX = (
    "/v1/admin/"  # = retrieval.service_admin.ADMIN_PREFIX (that module needs aiohttp.web)
)
CHANGE_TIMEOUT_S = 900.0  # a rebuild embeds every new statement on the service's CPU
_RELEASES = TypeAdapter(list[ReleaseRecord])


class RemoteChangeFailed(RetrievalError):
    """The service refused or failed the change; `str()` is its one-line reason."""


class RemoteAdmin:
    """`CorpusAdminAPI` over HTTP, against the first URL of `RETRIEVAL__URL`."""

    def __init__(self, url: str, token: str) -> None:
        self._url = url.rstrip("/") + ADMIN_PREFIX
        self._headers = {"Authorization": f"Bearer {token}"}
        self._session = aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(total=CHANGE_TIMEOUT_S))
        self._running = 0

    @property
    def busy(self) -> bool:
        """A change sent from this replica is still running (the service refuses others: 409)."""
        return self._running > 0

    async def preview(self, name: str, data: bytes) -> ParseResult:
        return ParseResult.model_validate_json(await self._post("preview", data, name=name))

    async def publish(
        self, name: str, data: bytes, *, actor: int = 0, progress: Step = no_progress
    ) -> ReloadReport:
        return await self._change("publish", data, name=name, actor=str(actor))

    async def releases(self) -> list[ReleaseRecord]:
        return _RELEASES.validate_json(await self._call("GET", "releases", b"", {}))

    async def withdraw(
        self, rid: str, *, actor: int = 0, progress: Step = no_progress
    ) -> ReloadReport:
        return await self._change("withdraw", b"", rid=rid, actor=str(actor))

    async def restore(
        self, rid: str, *, actor: int = 0, progress: Step = no_progress
    ) -> ReloadReport:
        return await self._change("restore", b"", rid=rid, actor=str(actor))

    async def reload(self, *, progress: Step = no_progress) -> ReloadReport:
        return await self._change("reload", b"")

    async def reload_from_disk(self, *, progress: Step = no_progress) -> ReloadReport:
        return await self._change("reload-from-disk", b"")

    async def close(self) -> None:
        await self._session.close()

    async def _change(self, route: str, data: bytes, **query: str) -> ReloadReport:
        self._running += 1
        try:
            return ReloadReport.model_validate_json(await self._post(route, data, **query))
        finally:
            self._running -= 1

    async def _post(self, route: str, data: bytes, **query: str) -> bytes:
        return await self._call("POST", route, data, query)

    async def _call(self, method: str, route: str, data: bytes, query: dict[str, str]) -> bytes:
        try:
            async with self._session.request(
                method, self._url + route, data=data, params=query, headers=self._headers
            ) as response:
                body = await response.read()
                if response.status == 200:
                    return body
                try:
                    reason = str(TypeAdapter(dict[str, str]).validate_json(body)["error"])
                except (ValueError, KeyError):
                    reason = f"HTTP {response.status}"
        except (aiohttp.ClientError, TimeoutError) as exc:
            reason = f"the retrieval service did not answer ({type(exc).__name__})"
        raise RemoteChangeFailed(reason)
