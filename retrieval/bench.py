"""`atazan bench`: the numbers issue 3 asks for, printed, never asserted."""

from __future__ import annotations

import asyncio
import random
import resource
import statistics
import time
from collections.abc import Callable
from typing import Any

from retrieval import index as dense_index
from retrieval.config import RetrievalConfig
from retrieval.models import Corpus, Meeting, Statement, stable_id

Log = Callable[[str], None]


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


def _pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


def run_bench(
    config: RetrievalConfig, questions: list[str], synthetic: int, log: Log
) -> dict[str, Any]:
    from retrieval.model.st_embedder import load_embedder
    from retrieval.search import SearchService, load_built_corpus, load_resources
    from retrieval.snapshot import build_snapshot

    out: dict[str, Any] = {}
    started = time.perf_counter()
    embedder = load_embedder(config)
    out["model_load_s"] = round(time.perf_counter() - started, 2)
    log(f"model load: {out['model_load_s']} s ({embedder.model_id})")

    corpus = load_built_corpus(config.corpus_json)
    resources = load_resources(config.corpus_dir)
    started = time.perf_counter()
    dense = dense_index.build_dense(corpus, embedder)
    out["index_build_seed_s"] = round(time.perf_counter() - started, 2)
    log(f"index build, seed ({len(corpus.statements())} statements): {out['index_build_seed_s']} s")

    if synthetic:
        big = synthetic_corpus(corpus, synthetic)
        started = time.perf_counter()
        dense_index.build_dense(big, embedder)
        out["index_build_synthetic_s"] = round(time.perf_counter() - started, 1)
        log(f"index build, synthetic ({synthetic} statements): {out['index_build_synthetic_s']} s")

    # bare model: one query at a time, what every search must pay anyway
    for q in questions[:5]:
        embedder.encode_queries([q])
    bare: list[float] = []
    for q in questions:
        t0 = time.perf_counter()
        embedder.encode_queries([q])
        bare.append((time.perf_counter() - t0) * 1000)
    out["bare_encode_p50_ms"] = round(statistics.median(bare), 2)

    service = SearchService(build_snapshot(corpus, embedder, resources, dense=dense), embedder,
                            resources)  # fmt: skip

    async def measure() -> None:
        latencies: list[float] = []
        for q in questions:
            t0 = time.perf_counter()
            await service.search(q)
            latencies.append((time.perf_counter() - t0) * 1000)
        out["search_p50_ms"] = round(statistics.median(latencies), 2)
        out["search_p95_ms"] = round(_pct(latencies, 0.95), 2)
        out["overhead_ratio"] = round(out["search_p50_ms"] / out["bare_encode_p50_ms"], 2)
        total = len(questions) * 4
        sem = asyncio.Semaphore(32)

        async def one(q: str) -> None:
            async with sem:
                await service.search(q)

        t0 = time.perf_counter()
        await asyncio.gather(*(one(questions[i % len(questions)]) for i in range(total)))
        out["throughput_32_qps"] = round(total / (time.perf_counter() - t0), 1)
        await service.close()

    asyncio.run(measure())
    log(f"bare model single-query encode p50: {out['bare_encode_p50_ms']} ms")
    log(f"search one at a time: p50 {out['search_p50_ms']} ms, p95 {out['search_p95_ms']} ms "
        f"(×{out['overhead_ratio']} of the bare encode)")  # fmt: skip
    log(f"throughput at 32 concurrent: {out['throughput_32_qps']} questions/s")
    out["peak_rss_mb"] = round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)
    log(f"peak RSS: {out['peak_rss_mb']} MB")
    return out
