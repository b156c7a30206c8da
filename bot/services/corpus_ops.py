"""Every corpus change (publish, /reload, SIGHUP, POST /admin/reload) goes through `CorpusOps`:
it refuses a second change while one runs, turns any failure into a one-line reason, counts
the outcome in the metrics and writes who did what into the moderator log.

The bot knows the retrieval side only through the `CorpusAdminAPI` protocol, so it never
imports faiss; `retrieval.admin.CorpusAdmin` is the production implementation.
"""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable
from typing import Protocol

from bot.services.metrics import Metrics
from bot.storage import Storage
from retrieval.api import ReloadReport
from retrieval.models import ParseResult

log = logging.getLogger(__name__)

SHELL_ACTOR = 0  # moderator id written to the log for reloads asked by the shell/HTTP


class CorpusAdminAPI(Protocol):
    """What `retrieval.admin.CorpusAdmin` offers; failures raise with a human message."""

    @property
    def busy(self) -> bool: ...

    async def preview(self, name: str, data: bytes) -> ParseResult: ...

    async def publish(self, name: str, data: bytes) -> ReloadReport: ...

    async def reload(self) -> ReloadReport: ...

    async def reload_from_disk(self) -> ReloadReport: ...

    async def close(self) -> None: ...


class ReloadBusy(Exception):
    """Another corpus change is running; nothing was started."""


class ReloadError(Exception):
    """The change failed; `str()` is a one-line reason and the live corpus is unchanged."""


def one_line(exc: BaseException) -> str:
    lines = str(exc).strip().splitlines()
    return lines[0] if lines else type(exc).__name__


def report_detail(report: ReloadReport) -> str:
    return (
        f"meetings {report.meetings_before}->{report.meetings_after}, "
        f"statements {report.statements_before}->{report.statements_after}"
    )


class CorpusOps:
    def __init__(self, admin: CorpusAdminAPI, repo: Storage, metrics: Metrics | None) -> None:
        self._admin = admin
        self._storage = repo
        self._metrics = metrics
        self._running = False

    @property
    def busy(self) -> bool:
        return self._running or self._admin.busy

    async def preview(self, name: str, data: bytes) -> ParseResult:
        """Parse an upload; nothing is written. Raises ReloadError if parsing itself broke."""
        try:
            return await self._admin.preview(name, data)
        except Exception as exc:
            log.warning("preview of an upload failed", exc_info=exc)
            raise ReloadError(one_line(exc)) from None

    async def publish(self, actor: int, name: str, data: bytes) -> ReloadReport:
        detail = f"{name} ({len(data)} bytes)"
        return await self._change("publish", actor, detail, lambda: self._admin.publish(name, data))

    async def reload(self, actor: int) -> ReloadReport:
        return await self._change("reload", actor, "raw folders", self._admin.reload)

    async def reload_from_disk(self, source: str) -> ReloadReport:
        """The shell built corpus.json and the index; swap them in (`source`: signal/http)."""
        return await self._change(
            "reload_from_disk", SHELL_ACTOR, source, self._admin.reload_from_disk, source=source
        )

    async def close(self) -> None:
        await self._admin.close()

    async def _change(
        self,
        action: str,
        actor: int,
        detail: str,
        run: Callable[[], Awaitable[ReloadReport]],
        source: str | None = None,
    ) -> ReloadReport:
        source = source or action  # metrics label: publish, reload, signal or http
        # Checked and set with no await in between: two presses cannot both get past here.
        if self.busy:
            self._count(source, "busy")
            await self._storage.log_moderator_action(actor, action, f"{detail}: busy")
            raise ReloadBusy
        self._running = True
        try:
            report = await run()
        except Exception as exc:
            reason = one_line(exc)
            log.warning("%s failed: %s", action, reason)
            self._count(source, "failed")
            if self._metrics is not None:
                self._metrics.observe_error("reload_failed")
            await self._storage.log_moderator_action(actor, action, f"{detail}: failed: {reason}")
            raise ReloadError(reason) from None
        finally:
            self._running = False
        self._count(source, "ok")
        log.info("%s done: %s", action, report_detail(report))
        await self._storage.log_moderator_action(
            actor, action, f"{detail}: {report_detail(report)}"
        )
        return report

    def _count(self, source: str, result: str) -> None:
        if self._metrics is not None:
            self._metrics.reloads.labels(source=source, result=result).inc()
