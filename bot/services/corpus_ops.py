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
from bot.shared import ChangeLock, SharedUnavailable
from bot.storage import Storage
from retrieval.api import ReleaseRecord, ReloadReport
from retrieval.models import ParseResult
from retrieval.progress import Step, no_progress

log = logging.getLogger(__name__)

SHELL_ACTOR = 0  # moderator id written to the log for reloads asked by the shell/HTTP


class CorpusAdminAPI(Protocol):
    """What `retrieval.admin.CorpusAdmin` offers; failures raise with a human message.
    `progress` is called (from a worker thread) as a rebuild advances through its stages."""

    @property
    def busy(self) -> bool: ...

    async def preview(self, name: str, data: bytes) -> ParseResult: ...

    async def publish(
        self, name: str, data: bytes, *, actor: int = 0, progress: Step = no_progress
    ) -> ReloadReport: ...

    async def releases(self) -> list[ReleaseRecord]: ...

    async def withdraw(
        self, rid: str, *, actor: int = 0, progress: Step = no_progress
    ) -> ReloadReport: ...

    async def restore(
        self, rid: str, *, actor: int = 0, progress: Step = no_progress
    ) -> ReloadReport: ...

    async def reload(self, *, progress: Step = no_progress) -> ReloadReport: ...

    async def reload_from_disk(self, *, progress: Step = no_progress) -> ReloadReport: ...

    async def close(self) -> None: ...


class ReloadBusy(Exception):
    """Another corpus change is running; nothing was started."""


class ReloadError(Exception):
    """The change failed; `str()` is a one-line reason and the live corpus is unchanged."""


def one_line(exc: BaseException) -> str:
    lines = str(exc).strip().splitlines()
    return lines[0] if lines else type(exc).__name__


def report_detail(report: ReloadReport) -> str:
    if report.unchanged:
        release = report.release.file if report.release else "?"
        return f"already published as {release}; nothing changed"
    detail = (
        f"meetings {report.meetings_before}->{report.meetings_after}, "
        f"statements {report.statements_before}->{report.statements_after} "
        f"(quotes {report.quotes_before}->{report.quotes_after})"
    )
    return f"{detail}, version {report.version}" if report.version else detail


class CorpusOps:
    """`lock` makes it one change at a time across replicas (in process: this one only);
    `announce(version)` tells the other replicas which version to follow after a change."""

    def __init__(
        self,
        admin: CorpusAdminAPI,
        repo: Storage,
        metrics: Metrics | None,
        lock: ChangeLock | None = None,
        announce: Callable[[str], Awaitable[None]] | None = None,
    ) -> None:
        self._admin = admin
        self._storage = repo
        self._metrics = metrics
        self._lock = lock
        self._announce = announce
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

    async def publish(
        self, actor: int, name: str, data: bytes, progress: Step = no_progress
    ) -> ReloadReport:
        detail = f"{name} ({len(data)} bytes)"
        return await self._change(
            "publish",
            actor,
            detail,
            lambda: self._admin.publish(name, data, actor=actor, progress=progress),
        )

    async def reload(self, actor: int, progress: Step = no_progress) -> ReloadReport:
        return await self._change(
            "reload", actor, "raw folders", lambda: self._admin.reload(progress=progress)
        )

    async def releases(self) -> list[ReleaseRecord]:
        """Live and archived releases; ReloadError when they cannot be listed."""
        try:
            return await self._admin.releases()
        except Exception as exc:
            log.warning("listing releases failed", exc_info=exc)
            raise ReloadError(one_line(exc)) from None

    async def withdraw(self, actor: int, rid: str, progress: Step = no_progress) -> ReloadReport:
        return await self._change(
            "withdraw",
            actor,
            rid,
            lambda: self._admin.withdraw(rid, actor=actor, progress=progress),
        )

    async def restore(self, actor: int, rid: str, progress: Step = no_progress) -> ReloadReport:
        return await self._change(
            "restore", actor, rid, lambda: self._admin.restore(rid, actor=actor, progress=progress)
        )

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
            report = await self._locked(action, actor, detail, source, run)
        except (ReloadBusy, ReloadError):
            raise
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

    async def _locked(
        self,
        action: str,
        actor: int,
        detail: str,
        source: str,
        run: Callable[[], Awaitable[ReloadReport]],
    ) -> ReloadReport:
        """Run the change and announce its version holding the (fleet-wide) lock, so that
        announcements arrive in the order of the changes; ReloadBusy when another holds it."""
        if self._lock is None:
            return await self._announced(run)
        try:
            async with self._lock.hold() as held:
                if not held:
                    self._count(source, "busy")
                    await self._storage.log_moderator_action(actor, action, f"{detail}: busy")
                    raise ReloadBusy
                return await self._announced(run)
        except SharedUnavailable as exc:
            log.warning("%s refused: %s", action, exc)
            self._count(source, "failed")
            await self._storage.log_moderator_action(actor, action, f"{detail}: failed: {exc}")
            raise ReloadError(
                "the shared store (Redis) does not answer; nothing was changed"
            ) from None

    async def _announced(self, run: Callable[[], Awaitable[ReloadReport]]) -> ReloadReport:
        report = await run()
        if self._announce is not None and report.version and not report.unchanged:
            try:
                await self._announce(report.version)
            except Exception as exc:  # the change stands; followers re-check every poll
                log.warning("version %s not announced: %s", report.version, one_line(exc))
        return report

    def _count(self, source: str, result: str) -> None:
        if self._metrics is not None:
            self._metrics.reloads.labels(source=source, result=result).inc()
