"""Shell-side builds: corpus JSON, index, and all of it for a fresh machine (`atazan setup`)."""

from __future__ import annotations

import time
from collections.abc import Callable

from retrieval import index as dense_index
from retrieval.config import RetrievalConfig
from retrieval.files import write_atomic
from retrieval.models import Corpus

Log = Callable[[str], None]


def build_index(config: RetrievalConfig, log: Log) -> int:
    """Embed the built corpus with the configured model and save it; 0 on success."""
    from retrieval.errors import ModelMissingError, ServiceUnavailable
    from retrieval.model.st_embedder import load_embedder
    from retrieval.search import load_built_corpus, load_resources
    from retrieval.snapshot import embed_curated

    try:
        corpus = load_built_corpus(config.corpus_json)
        embedder = load_embedder(config)
    except (ServiceUnavailable, ModelMissingError) as exc:
        log(f"error: {exc}")
        return 2
    started = time.perf_counter()
    manifest = dense_index.save(dense_index.build_dense(corpus, embedder), config.index_dir)
    embed_curated(embedder, load_resources(config.corpus_dir), cache_dir=config.index_dir)
    log(
        f"index: {manifest.count} statements, model {manifest.model_id} ({manifest.dim}d), "
        f"corpus {manifest.corpus_hash}, {time.perf_counter() - started:.1f} s → {config.index_dir}"
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


def build_corpus_file(config: RetrievalConfig, log: Log, warn: Log | None = None) -> int:
    """`atazan corpus build`: parse every raw release and write corpus.json atomically.

    A broken file is reported and left out; with nothing readable at all nothing is written
    (exit 1), so a bad raw folder never replaces a good corpus with an empty one.
    """
    from retrieval.ingest import build_corpus

    warn = warn or log
    started = time.perf_counter()
    corpus, issues = build_corpus(config.raw_dirs, corpus_dir=config.corpus_dir)
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


def build_all(config: RetrievalConfig, *, prepare_model: bool, log: Log) -> int:
    if prepare_model:
        from retrieval.model.prepare import ensure_prepared

        code = ensure_prepared(config, log=log)
        if code:
            return code
    return build_corpus_file(config, log) or build_index(config, log)
