"""Corpus changes while serving: preview an upload, publish it, reload — with zero downtime.

A new snapshot is built beside the live one in a separate worker thread (questions keep being
answered), validated, written to disk atomically, and only then swapped in. One change at a time.
"""

from __future__ import annotations

import asyncio
import dataclasses
import re
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import TypeVar

import numpy as np

from retrieval import index as dense_index
from retrieval.api import ReloadReport
from retrieval.config import RetrievalConfig
from retrieval.errors import ServiceUnavailable
from retrieval.files import write_atomic
from retrieval.models import Corpus, ParseResult
from retrieval.search import SearchService, load_built_corpus
from retrieval.snapshot import Snapshot, build_snapshot

T = TypeVar("T")
_SAFE_NAME = re.compile(r"[^\w.-]+", re.UNICODE)


class ReloadFailed(Exception):
    """The new corpus could not be built or validated; the live one keeps serving."""


class CorpusAdmin:
    def __init__(self, service: SearchService, config: RetrievalConfig) -> None:
        self._service = service
        self._config = config
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

    async def publish(self, name: str, data: bytes) -> ReloadReport:
        """Save the upload among the moderator releases and swap in the rebuilt corpus."""
        preview = await self.preview(name, data)
        if not preview.ok:
            reasons = "; ".join(i.message for i in preview.issues if i.level == "error")
            raise ReloadFailed(f"the file was not accepted: {reasons}")
        target = self._config.data_dir / "raw" / safe_file_name(name)
        async with self._lock:
            previous = target.read_bytes() if target.exists() else None
            await self._run(lambda: write_atomic(target, data))
            try:
                return await self._rebuild_locked()
            except ReloadFailed:
                # put the raw folder back as it was, so disk and the live index agree
                if previous is None:
                    target.unlink(missing_ok=True)
                else:
                    write_atomic(target, previous)
                raise

    async def reload(self) -> ReloadReport:
        """Rebuild from the raw folders (after files were edited on disk) and swap."""
        async with self._lock:
            return await self._rebuild_locked()

    async def reload_from_disk(self) -> ReloadReport:
        """Swap in a corpus and index built by the shell (`atazan corpus build && index build`)."""
        async with self._lock:
            old = self._service.snapshot
            try:
                snapshot = await self._run(self._load_from_disk)
            except ServiceUnavailable as exc:
                raise ReloadFailed(str(exc)) from None
            return self._swap(old, snapshot)

    async def close(self) -> None:
        self._builder.shutdown(wait=True)

    # --- internals -------------------------------------------------------------------------
    async def _run(self, fn: Callable[[], T]) -> T:
        return await asyncio.get_running_loop().run_in_executor(self._builder, fn)

    async def _rebuild_locked(self) -> ReloadReport:
        old = self._service.snapshot
        try:
            snapshot = await self._run(lambda: self._build(old))
        except ReloadFailed:
            raise
        except Exception as exc:  # any failure of the new build leaves the old one serving
            raise ReloadFailed(f"the new corpus could not be built: {exc}") from exc
        return self._swap(old, snapshot)

    def _swap(self, old: Snapshot, new: Snapshot) -> ReloadReport:
        self._service.swap(new)
        self.reloads += 1
        return ReloadReport(
            meetings_before=len(old.corpus.meetings),
            meetings_after=len(new.corpus.meetings),
            statements_before=len(old.statements),
            statements_after=len(new.statements),
        )

    def _build(self, old: Snapshot) -> Snapshot:
        from retrieval.ingest import build_corpus

        corpus, issues = build_corpus(self._config.raw_dirs, corpus_dir=self._config.corpus_dir)
        errors = [i for i in issues if i.level == "error"]
        if errors:
            where = ", ".join(f"{i.file}: {i.message}" for i in errors[:3])
            raise ReloadFailed(f"{len(errors)} file(s) failed to parse: {where}")
        if not corpus.meetings:
            raise ReloadFailed("the new corpus has no meetings; keeping the old one")
        embedder = self._service.embedder
        dense = _reuse_vectors(old, corpus, embedder.encode_documents, embedder.model_id)
        snapshot = build_snapshot(
            corpus, embedder, self._service.resources, dense=dense,
            curated=old.curated,
        )  # fmt: skip
        # Disk first, then memory: a restart after this point starts from the new version.
        write_atomic(self._config.corpus_json, corpus.model_dump_json(indent=1).encode("utf-8"))
        dense_index.save(dense, self._config.index_dir)
        return snapshot

    def _load_from_disk(self) -> Snapshot:
        corpus = load_built_corpus(self._config.corpus_json)
        embedder = self._service.embedder
        try:
            dense = dense_index.load(
                self._config.index_dir, model_id=embedder.model_id, dim=embedder.dim,
                corpus_hash=corpus.content_hash(),
            )  # fmt: skip
        except dense_index.IndexError_ as exc:
            raise ServiceUnavailable(str(exc)) from None
        old = self._service.snapshot
        return build_snapshot(
            corpus, embedder, self._service.resources, dense=dense,
            curated=old.curated,
        )  # fmt: skip


def safe_file_name(name: str) -> str:
    """Keep the extension, drop anything path-like: uploads never escape the raw folder."""
    base = Path(name).name or "release.txt"
    cleaned = _SAFE_NAME.sub("_", base).strip("._") or "release.txt"
    return cleaned[:120]


def _reuse_vectors(
    old: Snapshot, corpus: Corpus, encode: Callable[[list[str]], np.ndarray], model_id: str
) -> dense_index.DenseIndex:
    """Embed only statements the live snapshot does not already have (same id ⇒ same text)."""
    known = {sid: i for i, sid in enumerate(old.dense.statement_ids)}
    statements = corpus.statements()
    missing = [s for s in statements if s.id not in known]
    fresh = encode([s.text for s in missing]) if missing else None
    fresh_row = {s.id: i for i, s in enumerate(missing)}
    dim = old.vectors.shape[1]
    rows = np.zeros((len(statements), dim), dtype=np.float32)
    for i, s in enumerate(statements):
        if s.id in known:
            rows[i] = old.vectors[known[s.id]]
        else:
            assert fresh is not None
            rows[i] = fresh[fresh_row[s.id]]
    manifest = dataclasses.replace(
        old.dense.manifest,
        model_id=model_id,
        corpus_hash=corpus.content_hash(),
        count=len(statements),
        vectors_file="",
        vectors_sha256="",
    )
    return dense_index.from_vectors(rows, tuple(s.id for s in statements), manifest)
