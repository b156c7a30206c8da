"""Sources → one sealed corpus version and the snapshot that serves it.

Sources are the release files (built-in and moderator) and the curated YAML files. The curated
files are copied first and validated (a broken YAML is refused with its file, line and reason),
the releases are parsed with exactly those copies, statements are embedded (reusing the vectors
of the serving snapshot when the model is the same), the snapshot is built in memory, and only
then is the version sealed and the pointer switched. Any failure before the switch leaves the
previous version serving, on disk and in memory.
"""

from __future__ import annotations

import logging
import shutil
import uuid
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import yaml

from retrieval import index as dense_index
from retrieval.config import RetrievalConfig
from retrieval.embedder import Embedder
from retrieval.errors import ServiceUnavailable
from retrieval.models import Corpus
from retrieval.progress import Step, no_progress
from retrieval.releases import ReleaseStore, release_records
from retrieval.resources import load_resources
from retrieval.snapshot import Resources, Snapshot, build_snapshot, embed_curated
from retrieval.versions import (
    CURATED_DIR,
    INDEX_DIR,
    VersionError,
    VersionInfo,
    VersionStore,
    curated_files,
    curated_hashes,
    load_version,
    read_info,
)
from retrieval.yaml_files import load_yaml, string_list

log = logging.getLogger(__name__)

EMBED_CHUNK = 64  # statements per progress tick while embedding


class BuildFailed(Exception):
    """The sources cannot make a version; the message is one line a moderator can act on."""


@dataclass(frozen=True)
class Built:
    info: VersionInfo
    snapshot: Snapshot
    resources: Resources
    issues: int  # warnings of the parse (errors refuse the build)


def check_curated(corpus_dir: Path) -> Resources:
    """Parse every curated YAML and load them as search uses them; BuildFailed names the file,
    the line and the reason."""
    for path in curated_files(corpus_dir):
        try:
            load_yaml(path.read_text(encoding="utf-8"))
        except yaml.MarkedYAMLError as exc:
            mark = exc.problem_mark or exc.context_mark
            line = f", line {mark.line + 1}" if mark is not None else ""
            reason = exc.problem or exc.context or "invalid YAML"
            raise BuildFailed(
                f"{path.name}{line}: {reason}; the previous version keeps serving"
            ) from None
        except (yaml.YAMLError, UnicodeDecodeError, OSError) as exc:
            first = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
            raise BuildFailed(f"{path.name}: {first}; the previous version keeps serving") from None
    _check_offtopic(corpus_dir / "offtopic.yaml")
    _check_glossary(corpus_dir / "glossary.yaml")
    try:
        return load_resources(corpus_dir)
    except ServiceUnavailable as exc:
        reason = str(exc).removeprefix(f"curated data in {corpus_dir} is broken: ")
    except (ValueError, TypeError, KeyError, AttributeError) as exc:  # senators.yaml's, e.g.
        reason = str(exc) or type(exc).__name__
    # the moderator's file name, not the build's staging copy of it
    reason = reason.replace(f"{corpus_dir}/", "").splitlines()[0]
    raise BuildFailed(f"{reason}; the previous version keeps serving")


def _check_glossary(path: Path) -> None:
    """Each group's `terms` a list and `domain` true/false: the loader read `terms: Конституция`
    as one term per letter and `domain: "false"` as true."""
    if not path.exists():
        return
    data = load_yaml(path.read_text(encoding="utf-8"))
    groups = data.get("groups") if isinstance(data, dict) else None
    for number, group in enumerate(groups if isinstance(groups, list) else [], 1):
        if not isinstance(group, dict):
            continue  # the loader's own refusal names it
        try:
            string_list(group.get("terms"), f"{path.name}: group {number}: terms")
        except ValueError as exc:
            raise BuildFailed(f"{exc}; the previous version keeps serving") from None
        if not isinstance(group.get("domain", True), bool):
            raise BuildFailed(
                f"{path.name}: group {number}: domain must be true or false; the previous "
                "version keeps serving"
            )


def _check_offtopic(path: Path) -> None:
    """offtopic.yaml's shape, so a wrong one is named (search's loader says only 'prototypes')."""
    if not path.exists():
        return
    data = load_yaml(path.read_text(encoding="utf-8"))
    prototypes = data.get("prototypes") if isinstance(data, dict) else None
    if not isinstance(prototypes, list) or not prototypes:
        raise BuildFailed(
            f"{path.name}: expected a non-empty 'prototypes:' list; the previous version keeps "
            "serving"
        )
    if not isinstance(data.get("foreign", []), list):
        raise BuildFailed(
            f"{path.name}: 'foreign:' must be a list; the previous version keeps serving"
        )


def _encode(embedder: Embedder, texts: list[str], step: Step) -> np.ndarray:
    chunks = []
    for start in range(0, len(texts), EMBED_CHUNK):
        step("embed", start, len(texts))
        chunks.append(embedder.encode_documents(texts[start : start + EMBED_CHUNK]))
    step("embed", len(texts), len(texts))
    if not chunks:
        return np.zeros((0, embedder.dim), dtype=np.float32)
    return np.concatenate(chunks).astype(np.float32).reshape(-1, embedder.dim)


def embed_corpus(
    corpus: Corpus,
    embedder: Embedder,
    old: dense_index.DenseIndex | None,
    step: Step = no_progress,
) -> dense_index.DenseIndex:
    """Embed only statements the serving index does not already have with this model
    (same statement id ⇒ same text); a model change embeds everything."""
    reusable = (
        old is not None
        and old.manifest.model_id == embedder.model_id
        and old.manifest.dim == embedder.dim
    )
    known: dict[str, int] = {}
    old_rows = np.zeros((0, embedder.dim), dtype=np.float32)
    if reusable and old is not None and len(old.statement_ids):
        known = {sid: i for i, sid in enumerate(old.statement_ids)}
        old_rows = np.asarray(old.vectors, dtype=np.float32)
    statements = corpus.statements()
    missing = [s for s in statements if s.id not in known]
    fresh = _encode(embedder, [s.text for s in missing], step)
    fresh_row = {s.id: i for i, s in enumerate(missing)}
    rows = np.zeros((len(statements), embedder.dim), dtype=np.float32)
    for i, s in enumerate(statements):
        rows[i] = old_rows[known[s.id]] if s.id in known else fresh[fresh_row[s.id]]
    return dense_index.build_dense_from(corpus, rows, embedder.model_id)


def build_version(
    config: RetrievalConfig,
    embedder: Embedder,
    old: dense_index.DenseIndex | None = None,
    *,
    step: Step = no_progress,
    require_meetings: bool = True,
) -> Built:
    """CPU-bound (parse, embed): run it in a worker thread. Switches the live version last."""
    from retrieval.ingest import build_corpus

    store = VersionStore(config.data_dir)
    releases = ReleaseStore(config)
    store.versions.mkdir(parents=True, exist_ok=True)
    work = store.versions / f".stage-{uuid.uuid4().hex[:12]}-work"
    curated_dir = work / "curated"
    cache = work / "cache"
    try:
        step("validate")
        curated_dir.mkdir(parents=True)
        for path in curated_files(config.corpus_dir):
            shutil.copyfile(path, curated_dir / path.name)
        resources = check_curated(curated_dir)
        step("parse")
        sources: dict[str, Path] = {}
        corpus, issues = build_corpus(
            config.raw_dirs, corpus_dir=curated_dir, sources=sources, progress=step
        )
        errors = [i for i in issues if i.level == "error"]
        if errors:
            where = ", ".join(f"{i.file}: {i.message}" for i in errors[:3])
            raise BuildFailed(f"{len(errors)} file(s) failed to parse: {where}")
        if require_meetings and not corpus.meetings:
            raise BuildFailed("the new corpus has no meetings; keeping the old one")
        files = [
            (releases.origin_of(p), p)
            for d in config.raw_dirs
            if d.is_dir()
            for p in sorted(d.iterdir())
            if p.is_file() and not p.name.startswith(".")
        ]
        records = release_records(files, corpus, sources)
        dense = embed_corpus(corpus, embedder, old, step)
        step("curated")
        cache.mkdir()
        live = store.live()
        if live is not None:  # curated vectors of unchanged texts are reused from the cache
            for npz in (live / INDEX_DIR).glob("curated-*.npz"):
                shutil.copyfile(npz, cache / npz.name)
        curated = embed_curated(embedder, resources, cache_dir=cache)
        step("snapshot")
        snapshot = build_snapshot(corpus, embedder, resources, dense=dense, curated=curated)

        def add_cache(index_dir: Path) -> None:
            for npz in cache.glob("curated-*.npz"):
                shutil.copyfile(npz, index_dir / npz.name)

        info = store.publish(corpus, dense, curated_dir, records, step=step, extra=add_cache)
        step("done")
        return Built(info, snapshot, resources, issues=len(issues))
    finally:
        shutil.rmtree(work, ignore_errors=True)


@dataclass(frozen=True)
class Opened:
    snapshot: Snapshot
    resources: Resources
    version: str
    # a rebuild was needed and failed: the old version is served, this says why
    failure: str | None = None


def _stale_reasons(config: RetrievalConfig, info: VersionInfo, embedder: Embedder) -> list[str]:
    """Why the live version no longer matches what this installation has (upgrades)."""
    reasons: list[str] = []
    if info.model_id != embedder.model_id or info.dim != embedder.dim:
        reasons.append(
            f"the model changed ({info.model_id}, {info.dim}d → {embedder.model_id}, "
            f"{embedder.dim}d): rebuilding the index"
        )
    on_disk = set(ReleaseStore(config).sources())
    built = set(info.sources())
    if on_disk != built:
        new = sorted(f for _, f, _ in on_disk - built)
        gone = sorted(f for _, f, _ in built - on_disk)
        builtin_new = sum(1 for o, _, _ in on_disk - built if o == "builtin")
        reasons.append(
            f"releases on disk differ from version {info.version} ({len(new)} new, "
            f"{builtin_new} of them built in; {len(gone)} gone): merging them into a new version"
        )
    curated = curated_hashes(config.corpus_dir)
    if curated != info.curated:
        changed = sorted(set(curated.items()) ^ set(info.curated.items()))
        names = sorted({name for name, _ in changed})
        reasons.append(f"curated files changed ({', '.join(names)}): rebuilding")
    return reasons


def open_version(live: Path, embedder: Embedder) -> Opened:
    """One sealed version, verified against its manifest, ready to swap in (CPU-bound)."""
    info, corpus, dense = load_version(live, model_id=embedder.model_id, dim=embedder.dim)
    resources = load_resources(live / CURATED_DIR)
    curated = embed_curated(embedder, resources, cache_dir=live / INDEX_DIR)
    snapshot = build_snapshot(corpus, embedder, resources, dense=dense, curated=curated)
    return Opened(snapshot, resources, info.version)


def live_version(config: RetrievalConfig) -> Path | None:
    """The writable data dir's live version, else the image's built-in one."""
    for root in (config.data_dir, config.builtin_data_dir):
        if root is not None and (live := VersionStore(root).live()) is not None:
            return live
    return None


def require_live(config: RetrievalConfig) -> Path:
    """The live version, or ServiceUnavailable saying which command makes one."""
    live = live_version(config)
    if live is None:
        hint = (
            "run `atazan index build`"
            if config.corpus_json.exists()
            else "run `atazan corpus build`, then `atazan index build` (or `atazan setup`)"
        )
        raise ServiceUnavailable(f"no corpus version in {config.data_dir}: {hint}")
    return live


def open_live(
    config: RetrievalConfig,
    embedder: Embedder,
    step: Step = no_progress,
    *,
    purpose: str = "start-up",
) -> Opened:
    """Start-up: serve the live version; when the model, the releases (a newer image's built-in
    ones, say) or the curated files changed since it was built, build a new one first — and if
    that fails, keep serving the old one when it fits the model."""
    live = require_live(config)
    try:
        info = read_info(live)
        reasons = _stale_reasons(config, info, embedder)
    except VersionError as exc:
        info, reasons = None, [f"{exc}: rebuilding"]
    if not reasons:
        try:
            return open_version(live, embedder)
        except (VersionError, dense_index.IndexError_) as exc:
            reasons = [f"{exc}: rebuilding"]
    for reason in reasons:
        log.warning("%s: %s", purpose, reason)
    old: dense_index.DenseIndex | None = None
    if info is not None and info.model_id == embedder.model_id:
        try:
            _, _, old = load_version(live, model_id=embedder.model_id, dim=embedder.dim)
        except (VersionError, dense_index.IndexError_):
            old = None
    try:
        built = build_version(config, embedder, old, step=step)
    except (BuildFailed, OSError) as exc:
        if old is None:
            raise ServiceUnavailable(f"the corpus could not be rebuilt at start: {exc}") from None
        log.error("%s: rebuild failed (%s); serving version %s", purpose, exc, live.name)
        opened = open_version(live, embedder)
        return Opened(opened.snapshot, opened.resources, opened.version, failure=str(exc))
    log.info("%s: now serving version %s", purpose, built.info.version)
    return Opened(built.snapshot, built.resources, built.info.version)
