"""Corpus changes while serving: preview, publish, withdraw, restore, reload — zero downtime.

Every change edits the release files (never deleting one: a withdrawn release moves to the
archive), then builds a new corpus version beside the live one in a worker thread (questions
keep being answered), seals it on disk and switches the pointer, and only then swaps it in
memory. A failed build puts the files back as they were. One change at a time.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from typing import TypeVar

from retrieval.api import ReleaseRecord, ReloadReport
from retrieval.config import RetrievalConfig
from retrieval.errors import ServiceUnavailable
from retrieval.models import ParseResult
from retrieval.progress import Step, no_progress
from retrieval.rebuild import BuildFailed, Built, build_version, open_live
from retrieval.releases import ReleaseError, ReleaseStore, release_id
from retrieval.releases import safe_file_name as safe_file_name
from retrieval.search import SearchService
from retrieval.snapshot import Snapshot
from retrieval.versions import VersionStore, read_info

T = TypeVar("T")


class ReloadFailed(Exception):
    """The new corpus could not be built or validated; the live one keeps serving."""


class CorpusAdmin:
    def __init__(self, service: SearchService, config: RetrievalConfig) -> None:
        self._service = service
        self._config = config
        self._releases = ReleaseStore(config)
        self._lock = asyncio.Lock()
        self._builder = ThreadPoolExecutor(max_workers=1, thread_name_prefix="reload")
        self.reloads = 0

    @property
    def busy(self) -> bool:
        return self._lock.locked()

    async def preview(self, name: str, data: bytes) -> ParseResult:
        """Parse an upload exactly as `corpus parse` would; nothing is written."""
        from retrieval.ingest import parse_bytes

        corpus_dir = self._config.corpus_dir
        return await self._run(lambda: parse_bytes(name, data, corpus_dir=corpus_dir))

    async def publish(
        self, name: str, data: bytes, *, actor: int = 0, progress: Step = no_progress
    ) -> ReloadReport:
        """Save the upload under a content-derived name and swap in the rebuilt corpus; the
        same content again changes nothing (`unchanged`, with the release it already is)."""
        preview = await self.preview(name, data)
        if not preview.ok:
            reasons = "; ".join(i.message for i in preview.issues if i.level == "error")
            raise ReloadFailed(f"the file was not accepted: {reasons}")
        async with self._lock:
            existing = await self._run(lambda: self._already(data, preview))
            if existing is not None:
                return self._unchanged(existing)
            path = await self._run(lambda: self._releases.add(name, data, actor))
            try:
                report = await self._rebuild_locked(progress)
            except ReloadFailed:
                await self._run(lambda: self._releases.unadd(path))
                raise
            return report.model_copy(update={"release": self._record(path.name)})

    async def releases(self) -> list[ReleaseRecord]:
        """Live releases (with their counts in the serving version), then archived ones."""
        return await self._run(self._all_records)

    async def withdraw(
        self, rid: str, *, actor: int = 0, progress: Step = no_progress
    ) -> ReloadReport:
        """Move a moderator release to the archive and rebuild without it."""
        async with self._lock:
            record = self._find_record(rid)
            if record is None or record.archived:
                raise ReloadFailed(f"release {rid} is not published")
            if record.origin == "builtin":
                raise ReloadFailed(f"{record.file} is built in; it can only change with the image")
            return await self._move(rid, record, to_archive=True, actor=actor, progress=progress)

    async def restore(
        self, rid: str, *, actor: int = 0, progress: Step = no_progress
    ) -> ReloadReport:
        """Move an archived release back and rebuild with it."""
        async with self._lock:
            record = self._find_record(rid)
            if record is None or not record.archived:
                raise ReloadFailed(f"release {rid} is not in the archive")
            return await self._move(rid, record, to_archive=False, actor=actor, progress=progress)

    async def reload(self, *, progress: Step = no_progress) -> ReloadReport:
        """Rebuild from the release folders and the curated files (after edits on disk)."""
        async with self._lock:
            return await self._rebuild_locked(progress)

    async def reload_from_disk(self, *, progress: Step = no_progress) -> ReloadReport:
        """SIGHUP / POST /admin/reload: follow the pointer when the shell published a version
        that matches the files on disk, otherwise rebuild from them (curated edits included)."""
        async with self._lock:
            old = self._service.snapshot
            try:
                opened = await self._run(
                    lambda: open_live(
                        self._config, self._service.embedder, progress, purpose="reload"
                    )
                )
            except (ServiceUnavailable, OSError) as exc:
                raise ReloadFailed(str(exc)) from None
            if opened.failure is not None:  # the files changed but cannot be built
                raise ReloadFailed(opened.failure)
            self._service.swap(opened.snapshot, opened.resources, opened.version)
            return self._report(old, opened.snapshot, opened.version)

    async def close(self) -> None:
        self._builder.shutdown(wait=True)

    # --- internals -------------------------------------------------------------------------
    async def _run(self, fn: Callable[[], T]) -> T:
        return await asyncio.get_running_loop().run_in_executor(self._builder, fn)

    async def _rebuild_locked(self, progress: Step) -> ReloadReport:
        old = self._service.snapshot
        embedder = self._service.embedder
        try:
            built: Built = await self._run(
                lambda: build_version(self._config, embedder, old.dense, step=progress)
            )
        except BuildFailed as exc:
            raise ReloadFailed(str(exc)) from None
        except Exception as exc:  # any failure of the new build leaves the old one serving
            raise ReloadFailed(f"the new corpus could not be built: {exc}") from exc
        self._service.swap(built.snapshot, built.resources, built.info.version)
        return self._report(old, built.snapshot, built.info.version)

    def _report(self, old: Snapshot, new: Snapshot, version: str) -> ReloadReport:
        self.reloads += 1
        return ReloadReport(
            meetings_before=len(old.corpus.meetings),
            meetings_after=len(new.corpus.meetings),
            statements_before=len(old.statements),
            statements_after=len(new.statements),
            quotes_before=int(old.is_quote.sum()),
            quotes_after=int(new.is_quote.sum()),
            version=version,
        )

    def _unchanged(self, release: ReleaseRecord) -> ReloadReport:
        snap = self._service.snapshot
        meetings, statements = len(snap.corpus.meetings), len(snap.statements)
        quotes = int(snap.is_quote.sum())
        return ReloadReport(
            meetings_before=meetings,
            meetings_after=meetings,
            statements_before=statements,
            statements_after=statements,
            quotes_before=quotes,
            quotes_after=quotes,
            version=self._service.version,
            release=release,
            unchanged=True,
        )

    def _already(self, data: bytes, preview: ParseResult) -> ReleaseRecord | None:
        """The release these bytes (or this very text, differently encoded) already are."""
        rid = release_id(data)
        by_id = {r.id: r for r in self._all_records()}
        if rid in by_id:
            return by_id[rid]
        documents = {d.id for d in preview.corpus.documents}
        return next(
            (r for r in by_id.values() if r.document_id and r.document_id in documents), None
        )

    def _live_records(self) -> list[ReleaseRecord]:
        live = VersionStore(self._config.data_dir).live()
        if live is None and self._config.builtin_data_dir is not None:
            live = VersionStore(self._config.builtin_data_dir).live()
        return read_info(live).releases if live is not None else []

    def _all_records(self) -> list[ReleaseRecord]:
        return self._releases.records(self._live_records())

    def _find_record(self, rid: str) -> ReleaseRecord | None:
        return next((r for r in self._all_records() if r.id == rid), None)

    def _record(self, file_name: str) -> ReleaseRecord | None:
        return next(
            (r for r in self._all_records() if r.file == file_name and not r.archived), None
        )

    async def _move(
        self,
        rid: str,
        record: ReleaseRecord,
        *,
        to_archive: bool,
        actor: int,
        progress: Step,
    ) -> ReloadReport:
        stats = record if to_archive else None
        try:
            moved = await self._run(
                lambda: self._releases.move(rid, to_archive=to_archive, actor=actor, stats=stats)
            )
        except (ReleaseError, OSError) as exc:
            raise ReloadFailed(str(exc)) from None
        try:
            report = await self._rebuild_locked(progress)
        except ReloadFailed:
            back = self._releases.raw if to_archive else self._releases.archive
            await self._run(lambda: self._releases.move_back(moved, back))
            raise
        release = self._find_record(rid) or record
        return report.model_copy(update={"release": release})
