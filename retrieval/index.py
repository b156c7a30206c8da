"""Dense vectors of statements in a faiss IndexFlatIP, saved atomically with a manifest.

A build writes a new content-named vectors file, then atomically replaces `manifest.json`, which is
the only pointer readers follow: a build killed at any point leaves the last good index loadable.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import faiss
import numpy as np

from retrieval.embedder import Embedder, Vectors
from retrieval.files import write_atomic
from retrieval.models import Corpus

INDEX_FORMAT = 1
MANIFEST = "manifest.json"


class IndexError_(Exception):
    """The index is missing, stale or does not fit the model; the message says what to run."""


@dataclass(frozen=True)
class Manifest:
    format: int
    model_id: str
    dim: int
    corpus_hash: str
    count: int
    vectors_file: str
    vectors_sha256: str
    created: str


@dataclass(frozen=True)
class DenseIndex:
    """Statement vectors in corpus order; inner product = cosine as rows are normalised."""

    index: faiss.Index
    statement_ids: tuple[str, ...]
    manifest: Manifest

    def search(self, queries: Vectors, k: int) -> tuple[Vectors, np.ndarray]:
        k = min(k, len(self.statement_ids))
        if k == 0:
            empty = np.zeros((len(queries), 0), dtype=np.float32)
            return empty, empty.astype(np.int64)
        scores, ids = self.index.search(np.ascontiguousarray(queries, dtype=np.float32), k)
        return scores, ids


def statement_texts(corpus: Corpus) -> list[str]:
    return [s.text for s in corpus.statements()]


def build_dense(corpus: Corpus, embedder: Embedder) -> DenseIndex:
    """Embed every statement (CPU-bound: call from a worker thread)."""
    vectors = embedder.encode_documents(statement_texts(corpus))
    vectors = np.ascontiguousarray(vectors, dtype=np.float32).reshape(-1, embedder.dim)
    index = faiss.IndexFlatIP(embedder.dim)
    index.add(vectors)
    manifest = Manifest(
        format=INDEX_FORMAT,
        model_id=embedder.model_id,
        dim=embedder.dim,
        corpus_hash=corpus.content_hash(),
        count=len(vectors),
        vectors_file="",
        vectors_sha256="",
        created=datetime.now(UTC).isoformat(timespec="seconds"),
    )
    return DenseIndex(index, tuple(s.id for s in corpus.statements()), manifest)


def save(dense: DenseIndex, directory: Path) -> Manifest:
    """Write vectors under a content name, then swap the manifest in with os.replace."""
    directory.mkdir(parents=True, exist_ok=True)
    data = faiss.serialize_index(dense.index).tobytes()
    digest = hashlib.sha256(data).hexdigest()
    name = f"vectors-{digest[:16]}.faiss"
    write_atomic(directory / name, data)
    write_atomic(directory / f"ids-{digest[:16]}.json", json.dumps(dense.statement_ids).encode())
    m = dense.manifest
    manifest = Manifest(**{**m.__dict__, "vectors_file": name, "vectors_sha256": digest})
    write_atomic(directory / MANIFEST, json.dumps(manifest.__dict__, indent=1).encode())
    _remove_stale(directory, keep=name)
    return manifest


def load(directory: Path, *, model_id: str, dim: int, corpus_hash: str) -> DenseIndex:
    """Load and verify; any mismatch is an IndexError_ telling the operator to rebuild."""
    hint = "run `atazan index build`"
    try:
        raw = json.loads((directory / MANIFEST).read_text(encoding="utf-8"))
        manifest = Manifest(**raw)
    except FileNotFoundError:
        raise IndexError_(f"no search index in {directory}: {hint}") from None
    except (ValueError, TypeError) as exc:
        raise IndexError_(f"index manifest in {directory} is unreadable ({exc}): {hint}") from None
    if manifest.format != INDEX_FORMAT:
        raise IndexError_(f"index format {manifest.format} is not {INDEX_FORMAT}: {hint}")
    if manifest.model_id != model_id or manifest.dim != dim:
        raise IndexError_(
            f"index was built with model {manifest.model_id} ({manifest.dim}d), "
            f"the configured model is {model_id} ({dim}d): {hint}"
        )
    if manifest.corpus_hash != corpus_hash:
        raise IndexError_(f"index is older than the built corpus: {hint}")
    try:
        data = (directory / manifest.vectors_file).read_bytes()
        ids = json.loads((directory / f"ids-{manifest.vectors_sha256[:16]}.json").read_bytes())
    except (OSError, ValueError) as exc:
        raise IndexError_(f"index files in {directory} are missing ({exc}): {hint}") from None
    if hashlib.sha256(data).hexdigest() != manifest.vectors_sha256:
        raise IndexError_(f"index vectors in {directory} are corrupt: {hint}")
    index = faiss.deserialize_index(np.frombuffer(data, dtype=np.uint8))
    if index.ntotal != manifest.count or len(ids) != manifest.count:
        raise IndexError_(f"index in {directory} has the wrong size: {hint}")
    return DenseIndex(index, tuple(ids), manifest)


def _remove_stale(directory: Path, keep: str) -> None:
    digest = keep.removeprefix("vectors-").removesuffix(".faiss")
    for path in directory.iterdir():
        stale_vectors = path.name.startswith("vectors-") and path.name != keep
        stale_ids = path.name.startswith("ids-") and path.name != f"ids-{digest}.json"
        leftover_tmp = path.name.startswith(".")
        if stale_vectors or stale_ids or leftover_tmp:
            with contextlib.suppress(OSError):
                path.unlink()
