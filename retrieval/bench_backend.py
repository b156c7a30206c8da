"""One backend measured inside its own child process (`python -m retrieval.bench`): bare encode,
search at each corpus size, throughput and the quality figures. Separate from the parent's
orchestration so what runs in the child reads on its own."""

from __future__ import annotations

import asyncio
import os
import random
import resource
import statistics
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np

from retrieval.bench_synthetic import synthetic_eval_set
from retrieval.config import RetrievalConfig
from retrieval.models import Corpus, Meeting, Statement, stable_id

CONCURRENCY = (1, 8, 32)
ENCODED_POOL = 3_000  # statements really encoded; larger corpora reuse their vectors (see below)


def synthetic_corpus(base: Corpus, size: int, seed: int = 7) -> Corpus:
    """`size` statements recombined from the real ones' sentences: realistic lengths and words."""
    rng = random.Random(seed)
    sentences = [p.strip() for s in base.statements() for p in s.text.split(".") if p.strip()]
    template = base.meetings[0]
    meetings: list[Meeting] = []
    per_meeting = 8
    for m in range(0, size, per_meeting):
        mid = stable_id("m", "synthetic", str(m))
        statements = [
            Statement(
                id=stable_id("s", mid, str(i)),
                meeting_id=mid,
                kind="quote" if i % 3 == 0 else "reported",
                text=". ".join(rng.sample(sentences, k=min(2, len(sentences)))) + ".",
                speakers=template.senators,
            )
            for i in range(min(per_meeting, size - m))
        ]
        meetings.append(template.model_copy(update={"id": mid, "statements": statements}))
    return Corpus(documents=base.documents, meetings=meetings)


def scaled_vectors(pool: np.ndarray, size: int, seed: int = 7) -> np.ndarray:
    """`size` unit vectors: the really encoded pool, then noisy copies of pool rows.

    Search cost after the query is encoded depends on the matrix shape (an exact scan), on the
    per-statement arrays (all of corpus size) and on how many statements come close to a
    question — which grows with the corpus as it does here, where each extra statement is a
    near neighbour (cosine ≈ 0.95) of a real one. Encoding 27,000 more statements would change
    none of that and cost ~10 CPU-minutes per backend."""
    rng = np.random.default_rng(seed)
    if size <= len(pool):
        return pool[:size]
    extra = pool[rng.integers(0, len(pool), size - len(pool))]
    noise = rng.standard_normal(extra.shape).astype(np.float32) * 0.016
    extra = extra + noise
    extra /= np.linalg.norm(extra, axis=1, keepdims=True)
    return np.vstack([pool, extra]).astype(np.float32)


def _pct(values: Sequence[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


def _ms(values: Sequence[float]) -> dict[str, float]:
    return {"p50": round(statistics.median(values), 2), "p95": round(_pct(values, 0.95), 2)}


def _peak_rss_mb() -> float:
    return round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)


def _corpus_of(base: Corpus, size: int) -> Corpus:
    return synthetic_corpus(base, size)


def measure_backend(
    config: RetrievalConfig,
    questions: list[str],
    sizes: Sequence[int],
    quality: bool,
    synthetic: Path | None = None,
) -> dict[str, Any]:
    """Everything for `config.backend` in this process; returns a JSON-able dict."""
    from retrieval import index as dense_index
    from retrieval.model.quality import PASSAGES, QUERIES
    from retrieval.model.st_embedder import load_embedder
    from retrieval.rebuild import require_live
    from retrieval.search import SearchService, load_built_corpus, load_resources
    from retrieval.snapshot import build_snapshot, embed_curated
    from retrieval.versions import CORPUS_FILE, INDEX_DIR

    out: dict[str, Any] = {"backend": config.backend}
    started = time.perf_counter()
    embedder = load_embedder(config)
    out["model_load_s"] = round(time.perf_counter() - started, 2)
    out["model_id"] = embedder.model_id
    out["rss_after_load_mb"] = _peak_rss_mb()
    live = require_live(config)
    base = load_built_corpus(live / CORPUS_FILE)
    resources = load_resources(config.corpus_dir)
    curated = embed_curated(embedder, resources, cache_dir=live / INDEX_DIR)

    if quality:
        out["quality_vectors"] = np.vstack(
            [embedder.encode_queries(list(QUERIES)), embedder.encode_documents(list(PASSAGES))]
        ).tolist()
        out["eval"] = _eval(config, embedder, resources, synthetic)

    big = _corpus_of(base, max(sizes))
    pool_size = min(ENCODED_POOL, len(big.statements()))
    started = time.perf_counter()
    pool = embedder.encode_documents([s.text for s in big.statements()[:pool_size]])
    out["encode_documents_per_s"] = round(pool_size / (time.perf_counter() - started), 1)

    async def run() -> None:
        service: SearchService | None = None
        for size in sizes:
            corpus = _corpus_of(base, size)
            statements = corpus.statements()
            vectors = scaled_vectors(pool, len(statements))
            dense = dense_index.build_dense_from(corpus, vectors, embedder.model_id)
            snapshot = build_snapshot(corpus, embedder, resources, dense=dense, curated=curated)
            if service is None:
                service = SearchService(snapshot, embedder, resources)
                executor = service.worker_executor
                loop = asyncio.get_running_loop()
                bare, cpu = await loop.run_in_executor(executor, _bare_encode, embedder, questions)
                out["bare_encode_ms"] = _ms(bare)
                out["bare_encode_cpu_ms"] = _ms(cpu)
                out["load_average"] = round(os.getloadavg()[0], 2)
            else:
                service.swap(snapshot)
            row: dict[str, Any] = {"statements": len(statements)}
            for q in questions[:10]:
                await service.search(q)
            latencies: list[float] = []
            cpu_ms: list[float] = []
            for q in questions:
                t0, c0 = time.perf_counter(), time.process_time()
                await service.search(q)
                latencies.append((time.perf_counter() - t0) * 1000)
                cpu_ms.append((time.process_time() - c0) * 1000)
            row["search_ms"] = _ms(latencies)
            # one question at a time, so the process's CPU is this search's work: on a busy
            # machine it compares corpus sizes where wall time mostly measures the wait for a core
            row["search_cpu_ms"] = _ms(cpu_ms)
            row["qps"] = {str(c): await _throughput(service, questions, c) for c in CONCURRENCY}
            out.setdefault("sizes", []).append(row)
        if service is not None:
            await service.close()

    asyncio.run(run())
    out["peak_rss_mb"] = _peak_rss_mb()
    return out


def _bare_encode(embedder: Any, questions: list[str]) -> tuple[list[float], list[float]]:
    """Wall and process-CPU ms per encode: CPU well under wall × threads means the process was
    waiting for a core (a busy machine), not working."""
    for q in questions[:10]:
        embedder.encode_queries([q])
    times: list[float] = []
    cpu: list[float] = []
    for q in questions:
        t0, c0 = time.perf_counter(), time.process_time()
        embedder.encode_queries([q])
        times.append((time.perf_counter() - t0) * 1000)
        cpu.append((time.process_time() - c0) * 1000)
    return times, cpu


async def _throughput(service: Any, questions: list[str], concurrent: int) -> float:
    """Closed loop: `concurrent` clients, each asking its next question as soon as answered."""
    total = max(64, concurrent * 16)
    cursor = iter(range(total))

    async def client() -> None:
        for i in cursor:
            await service.search(questions[i % len(questions)])

    t0 = time.perf_counter()
    await asyncio.gather(*(client() for _ in range(concurrent)))
    return round(total / (time.perf_counter() - t0), 1)


def _eval(
    config: RetrievalConfig, embedder: Any, resources: Any, synthetic: Path | None = None
) -> dict[str, dict[str, float]]:
    """`atazan eval` figures on the founding release's question files and, given a synthetic
    corpus directory, on its held-out split (with that directory's curated files)."""
    from retrieval.evaluation import load_questions
    from retrieval.guard import EvalSet, eval_figures
    from retrieval.rebuild import require_live
    from retrieval.search import load_built_corpus
    from retrieval.versions import CORPUS_FILE

    corpus = load_built_corpus(require_live(config) / CORPUS_FILE)
    sets = [
        (EvalSet(f"founding/{p.stem}", corpus, load_questions(p)), resources)
        for p in sorted((config.corpus_dir / "eval").glob("*.jsonl"))
    ]
    if synthetic is not None:
        sets.append(synthetic_eval_set(synthetic))
    return {s.name: asyncio.run(eval_figures(s, embedder, r)) for s, r in sets}
