"""Dense vectors of statements as one float32 `.npy` matrix, saved atomically with a manifest.

A build writes a new content-named vectors file, then atomically replaces `manifest.json`, which is
the only pointer readers follow: a build killed at any point leaves the last good index loadable.

Search is an exact scan (`q @ vectors.T`, BLAS): 30,000 × 384 is one 46 MB matrix-vector product,
and ranking needs every statement's cosine anyway (fusion, abstention margins). An approximate faiss
index would answer top-k only and costs an import and a copy of the vectors. The file is
memory-mapped read-only: replicas on one host share its pages, and start-up copies nothing.

The matrix is stored column-major (`.npy` with `fortran_order`): still (count, dim) to every
reader, but each dimension's values are contiguous, so a question's scan is OpenBLAS's
column-streaming gemv instead of its row-dot one — at 30,000 statements 1.6 against 3.5 ms on one
core of this machine (same cosines to ~1e-7). Indexes saved row-major earlier load as they are.
"""

from __future__ import annotations

import contextlib
import hashlib
import io
import json
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import numpy as np

from retrieval.embedder import Embedder, Vectors
from retrieval.files import write_atomic
from retrieval.model.manifest import sha256_file
from retrieval.models import Corpus

INDEX_FORMAT = 2  # 1 was a serialized faiss IndexFlatIP
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

    vectors: Vectors  # (count, dim), read-only (a memory map when loaded from disk)
    statement_ids: tuple[str, ...]
    manifest: Manifest

    def scores(self, queries: Vectors) -> Vectors:
        """Cosine of every statement, corpus order: (len(queries), count), or (count,) for one."""
        return np.asarray(np.asarray(queries, dtype=np.float32) @ self.vectors.T, np.float32)

    def search(self, queries: Vectors, k: int) -> tuple[Vectors, np.ndarray]:
        """Top k per query, best first (exact)."""
        queries = np.asarray(queries, dtype=np.float32).reshape(-1, self.vectors.shape[1])
        k = min(k, len(self.statement_ids))
        if k == 0:
            empty = np.zeros((len(queries), 0), dtype=np.float32)
            return empty, empty.astype(np.int64)
        scores = np.atleast_2d(self.scores(queries))
        top = np.argpartition(-scores, k - 1, axis=1)[:, :k]
        picked = np.take_along_axis(scores, top, axis=1)
        order = np.argsort(-picked, axis=1, kind="stable")
        return np.take_along_axis(picked, order, axis=1), np.take_along_axis(top, order, axis=1)


def from_vectors(
    vectors: Vectors, statement_ids: tuple[str, ...], manifest: Manifest
) -> DenseIndex:
    rows = np.asfortranarray(np.asarray(vectors, dtype=np.float32).reshape(len(statement_ids), -1))
    rows.setflags(write=False)
    return DenseIndex(rows, statement_ids, manifest)


def statement_texts(corpus: Corpus) -> list[str]:
    return [s.text for s in corpus.statements()]


def build_dense(corpus: Corpus, embedder: Embedder) -> DenseIndex:
    """Embed every statement (CPU-bound: call from a worker thread)."""
    vectors = embedder.encode_documents(statement_texts(corpus))
    vectors = np.ascontiguousarray(vectors, dtype=np.float32).reshape(-1, embedder.dim)
    return build_dense_from(corpus, vectors, embedder.model_id)


def build_dense_from(corpus: Corpus, vectors: Vectors, model_id: str) -> DenseIndex:
    """An index over vectors made elsewhere (benchmarks at corpus sizes nobody encodes)."""
    rows = np.asarray(vectors, dtype=np.float32)
    manifest = Manifest(
        format=INDEX_FORMAT,
        model_id=model_id,
        dim=int(rows.shape[1]),
        corpus_hash=corpus.content_hash(),
        count=len(rows),
        vectors_file="",
        vectors_sha256="",
        created=datetime.now(UTC).isoformat(timespec="seconds"),
    )
    return from_vectors(rows, tuple(s.id for s in corpus.statements()), manifest)


def save(dense: DenseIndex, directory: Path) -> Manifest:
    """Write vectors under a content name, then swap the manifest in with os.replace."""
    directory.mkdir(parents=True, exist_ok=True)
    buffer = io.BytesIO()
    np.save(buffer, np.asfortranarray(dense.vectors, dtype=np.float32), allow_pickle=False)
    data = buffer.getvalue()
    digest = hashlib.sha256(data).hexdigest()
    name = f"vectors-{digest[:16]}.npy"
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
    path = directory / manifest.vectors_file
    try:
        ids = json.loads((directory / f"ids-{manifest.vectors_sha256[:16]}.json").read_bytes())
        if sha256_file(path) != manifest.vectors_sha256:
            raise IndexError_(f"index vectors in {directory} are corrupt: {hint}")
        vectors = np.load(path, mmap_mode="r", allow_pickle=False)
    except (OSError, ValueError) as exc:
        raise IndexError_(f"index files in {directory} are missing ({exc}): {hint}") from None
    if vectors.dtype != np.float32 or vectors.shape != (manifest.count, manifest.dim):
        raise IndexError_(f"index in {directory} has the wrong size: {hint}")
    if len(ids) != manifest.count:
        raise IndexError_(f"index in {directory} has the wrong size: {hint}")
    return DenseIndex(vectors, tuple(ids), manifest)


def _remove_stale(directory: Path, keep: str) -> None:
    digest = keep.removeprefix("vectors-").removesuffix(".npy")
    for path in directory.iterdir():
        stale_vectors = path.name.startswith("vectors-") and path.name != keep
        stale_ids = path.name.startswith("ids-") and path.name != f"ids-{digest}.json"
        leftover_tmp = path.name.startswith(".")
        if stale_vectors or stale_ids or leftover_tmp:
            with contextlib.suppress(OSError):
                path.unlink()
