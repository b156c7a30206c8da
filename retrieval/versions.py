"""Corpus versions: the corpus, its index and the curated files they were built with, in one
immutable directory named by content hash; one pointer file names the live version.

    DATA_DIR/CURRENT                      "<version>\\n", replaced atomically (the only switch)
    DATA_DIR/versions/<version>/          sealed by one rename, never modified afterwards
        version.json  corpus.json  index/  curated/*.yaml

A version is staged in a hidden directory, sealed by renaming it into place and only then
named by the pointer: a build killed at any moment leaves the previous version serving.
Readers (this process, or replicas following a shared volume) read the pointer, then the
directory it names; an old version stays on disk while a newer one is published (`KEEP`).
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import shutil
import uuid
from collections.abc import Callable, Iterable
from datetime import UTC, datetime
from pathlib import Path

from pydantic import BaseModel, ConfigDict, ValidationError

from retrieval import index as dense_index
from retrieval.api import ReleaseRecord
from retrieval.files import write_atomic
from retrieval.models import Corpus
from retrieval.progress import Step, no_progress

POINTER = "CURRENT"
VERSIONS = "versions"
VERSION_FILE = "version.json"
CORPUS_FILE = "corpus.json"
INDEX_DIR = "index"
CURATED_DIR = "curated"
VERSION_FORMAT = 1
KEEP = 3  # sealed versions kept on disk: the live one and its predecessors (rollback, replicas)
_STAGE_PREFIX = ".stage-"


class VersionError(Exception):
    """A version directory is missing, incomplete or does not match its manifest."""


class VersionInfo(BaseModel):
    """`version.json`: what the version was built from and with."""

    model_config = ConfigDict(frozen=True)

    format: int = VERSION_FORMAT
    version: str
    created: str
    model_id: str
    dim: int
    corpus_hash: str
    curated: dict[str, str]  # curated file name -> sha256 of its bytes
    releases: list[ReleaseRecord]

    def sources(self) -> list[tuple[str, str, str]]:
        """(origin, file, id) of every release: compared with the raw folders at start."""
        return sorted((r.origin, r.file, r.id) for r in self.releases)


def sha256_file(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def curated_files(corpus_dir: Path) -> list[Path]:
    """The curated YAML files (glossary, themes, off-topic, senators, regions…)."""
    return sorted(p for p in corpus_dir.glob("*.yaml") if p.is_file())


def curated_hashes(corpus_dir: Path) -> dict[str, str]:
    return {p.name: sha256_file(p) for p in curated_files(corpus_dir)}


def version_name(
    corpus_hash: str, model_id: str, dim: int, curated: dict[str, str], releases: Iterable[object]
) -> str:
    """Same inputs, same name: publishing identical content twice is one version."""
    key = json.dumps(
        [
            VERSION_FORMAT,
            corpus_hash,
            model_id,
            dim,
            sorted(curated.items()),
            sorted(map(str, releases)),
        ],
        ensure_ascii=False,
    )
    return hashlib.sha256(key.encode("utf-8")).hexdigest()[:16]


def _fsync_dir(path: Path) -> None:
    with contextlib.suppress(OSError):
        fd = os.open(path, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def _seal_tree(root: Path) -> None:
    """fsync every file and directory, and make them world-readable: temp files are created
    0600, and a version built as root (an image build) is served by another user."""
    for directory, _, files in os.walk(root):
        for name in files:
            path = Path(directory) / name
            path.chmod(0o644)
            with open(path, "rb") as fh:
                os.fsync(fh.fileno())
        Path(directory).chmod(0o755)
        _fsync_dir(Path(directory))


class VersionStore:
    """The versions under one data directory (read-only use is fine: the image's built-in)."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.versions = root / VERSIONS
        self.pointer = root / POINTER

    def live_name(self) -> str | None:
        try:
            name = self.pointer.read_text(encoding="ascii").strip()
        except (OSError, UnicodeDecodeError):
            return None
        return name if name and "/" not in name and not name.startswith(".") else None

    def live(self) -> Path | None:
        """The directory the pointer names, if it is a sealed version."""
        name = self.live_name()
        if name is None:
            return None
        path = self.versions / name
        return path if (path / VERSION_FILE).is_file() else None

    def publish(
        self,
        corpus: Corpus,
        dense: dense_index.DenseIndex,
        curated_dir: Path,
        releases: list[ReleaseRecord],
        *,
        step: Step | None = None,
        extra: Callable[[Path], None] | None = None,
    ) -> VersionInfo:
        """Stage, seal (one rename), switch the pointer (one rename), prune old versions.

        `extra(index_dir)` may add derived files (the curated-vector cache) before sealing.
        """
        step = step or no_progress
        curated = curated_hashes(curated_dir)
        corpus_hash = corpus.content_hash()
        manifest = dense.manifest
        name = version_name(
            corpus_hash,
            manifest.model_id,
            manifest.dim,
            curated,
            ((r.origin, r.file, r.id) for r in releases),
        )
        info = VersionInfo(
            version=name,
            created=datetime.now(UTC).isoformat(timespec="seconds"),
            model_id=manifest.model_id,
            dim=manifest.dim,
            corpus_hash=corpus_hash,
            curated=curated,
            releases=releases,
        )
        final = self.versions / name
        if not (final / VERSION_FILE).is_file():
            step("stage")
            self.versions.mkdir(parents=True, exist_ok=True)
            stage = self.versions / f"{_STAGE_PREFIX}{uuid.uuid4().hex[:12]}"
            stage.mkdir()
            try:
                step("corpus")
                write_atomic(stage / CORPUS_FILE, corpus.model_dump_json(indent=1).encode())
                step("index")
                dense_index.save(dense, stage / INDEX_DIR)
                if extra is not None:
                    extra(stage / INDEX_DIR)
                step("copy")
                (stage / CURATED_DIR).mkdir()
                for path in curated_files(curated_dir):
                    shutil.copyfile(path, stage / CURATED_DIR / path.name)
                step("manifest")
                write_atomic(stage / VERSION_FILE, info.model_dump_json(indent=1).encode())
                _seal_tree(stage)
                step("seal")
                if (final / VERSION_FILE).is_file():  # sealed meanwhile by another builder
                    shutil.rmtree(stage, ignore_errors=True)
                else:
                    if final.exists():  # a leftover without a manifest cannot be a sealed version
                        shutil.rmtree(final)
                    os.rename(stage, final)
                    _fsync_dir(self.versions)
            except BaseException:
                shutil.rmtree(stage, ignore_errors=True)
                raise
        else:
            info = read_info(final)
        step("switch")
        self.switch(name)
        step("prune")
        self.prune()
        return info

    def switch(self, name: str) -> None:
        """Name `name` as the live version: one atomic rename of the pointer file."""
        if not (self.versions / name / VERSION_FILE).is_file():
            raise VersionError(f"version {name} is not sealed in {self.versions}")
        write_atomic(self.pointer, f"{name}\n".encode("ascii"))
        self.pointer.chmod(0o644)
        _fsync_dir(self.root)

    def prune(self, keep: int = KEEP) -> None:
        """Remove stale staging directories and all but the newest `keep` sealed versions
        (never the live one)."""
        if not self.versions.is_dir():
            return
        live = self.live_name()
        sealed: list[tuple[int, Path]] = []
        for path in self.versions.iterdir():
            if path.name.startswith(_STAGE_PREFIX):
                shutil.rmtree(path, ignore_errors=True)
            elif (path / VERSION_FILE).is_file():
                sealed.append((path.stat().st_mtime_ns, path))
        sealed.sort(reverse=True)
        for _, path in sealed[keep:]:
            if path.name != live:
                shutil.rmtree(path, ignore_errors=True)


def read_info(path: Path) -> VersionInfo:
    try:
        return VersionInfo.model_validate_json((path / VERSION_FILE).read_bytes())
    except (OSError, ValidationError, ValueError) as exc:
        first = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        raise VersionError(f"corpus version {path} is unreadable ({first})") from None


def load_version(
    path: Path, *, model_id: str, dim: int
) -> tuple[VersionInfo, Corpus, dense_index.DenseIndex]:
    """Everything of one version, verified against its manifest; IndexError_ when the index
    was built with another model (the caller rebuilds), VersionError when it is damaged."""
    info = read_info(path)
    try:
        corpus = Corpus.model_validate_json((path / CORPUS_FILE).read_bytes())
    except (OSError, ValidationError, ValueError) as exc:
        raise VersionError(f"corpus of version {path.name} is unreadable: {exc}") from None
    if corpus.content_hash() != info.corpus_hash:
        raise VersionError(f"corpus of version {path.name} does not match its manifest")
    dense = dense_index.load(
        path / INDEX_DIR, model_id=model_id, dim=dim, corpus_hash=info.corpus_hash
    )
    return info, corpus, dense
