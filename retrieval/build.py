"""Shell-side builds: corpus JSON, index, and all of it for a fresh machine (`atazan setup`)."""

from __future__ import annotations

import time
from collections.abc import Callable

from retrieval.config import RetrievalConfig
from retrieval.files import write_atomic
from retrieval.models import Corpus
from retrieval.progress import Step, no_progress

Log = Callable[[str], None]


def build_index(config: RetrievalConfig, log: Log, step: Step | None = None) -> int:
    """`atazan index build`: one new corpus version (corpus, index, curated copies) from the
    releases and curated files, switched in by the pointer; 0 on success."""
    from retrieval import index as dense_index
    from retrieval.errors import ModelMissingError
    from retrieval.model.st_embedder import load_embedder
    from retrieval.rebuild import BuildFailed, build_version, live_version
    from retrieval.versions import INDEX_DIR, VersionError, read_info

    try:
        embedder = load_embedder(config)
    except ModelMissingError as exc:
        log(f"error: {exc}")
        return 2
    old = None
    live = live_version(config)
    if live is not None:  # vectors of unchanged statements are reused
        try:
            if read_info(live).model_id == embedder.model_id:
                old = dense_index.load(
                    live / INDEX_DIR, model_id=embedder.model_id, dim=embedder.dim,
                    corpus_hash=read_info(live).corpus_hash,
                )  # fmt: skip
        except (VersionError, dense_index.IndexError_):
            old = None
    started = time.perf_counter()
    try:
        built = build_version(config, embedder, old, step=step or no_progress)
    except (BuildFailed, OSError) as exc:
        log(f"error: {exc}")
        return 1
    info = built.info
    log(
        f"index: {len(built.snapshot.statements)} statements, model {info.model_id} "
        f"({info.dim}d), version {info.version}, {time.perf_counter() - started:.1f} s "
        f"→ {config.data_dir / 'versions' / info.version}"
    )
    return 0


def corpus_summary(corpus: Corpus) -> str:
    statements = corpus.statements()
    quotes = sum(s.kind == "quote" for s in statements)
    senators = {n for m in corpus.meetings for n in m.senators}
    return (
        f"{len(corpus.documents)} documents, {len(corpus.meetings)} meetings, "
        f"{len(statements)} statements ({quotes} quotes, {len(statements) - quotes} reported), "
        f"{len(senators)} senators"
    )


def build_corpus_file(
    config: RetrievalConfig, log: Log, warn: Log | None = None, step: Step = no_progress
) -> int:
    """`atazan corpus build`: parse every raw release and write corpus.json atomically.

    A broken file is reported and left out; with nothing readable at all nothing is written
    (exit 1), so a bad raw folder never replaces a good corpus with an empty one.
    """
    from retrieval.ingest import build_corpus

    warn = warn or log
    started = time.perf_counter()
    corpus, issues = build_corpus(config.raw_dirs, corpus_dir=config.corpus_dir, progress=step)
    for issue in issues:
        where = f"{issue.file}:{issue.line}" if issue.line else issue.file
        warn(f"{issue.level}: {issue.code}: {where}: {issue.message}")
    if not corpus.documents:
        dirs = ", ".join(str(d) for d in config.raw_dirs)
        warn(f"no releases could be read from {dirs}; nothing written")
        return 1
    write_atomic(config.corpus_json, corpus.model_dump_json(indent=1).encode("utf-8"))
    elapsed = time.perf_counter() - started
    log(f"corpus: {corpus_summary(corpus)} → {config.corpus_json} ({elapsed:.1f} s)")
    errors = sum(i.level == "error" for i in issues)
    if issues:
        warn(f"{errors} errors, {len(issues) - errors} warnings (see above)")
    return 0


def build_all(
    config: RetrievalConfig, *, prepare_model: bool, log: Log, step: Step = no_progress
) -> int:
    if prepare_model:
        from retrieval.model.prepare import ensure_prepared

        code = ensure_prepared(config, log=log, step=step)
        if code:
            return code
    return build_corpus_file(config, log, step=step) or build_index(config, log, step)
