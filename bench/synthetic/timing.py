"""Ranking cost at the synthetic corpus's scale: bare encode vs encode + prepare + rank."""

from __future__ import annotations

import asyncio
import statistics
import time
from pathlib import Path

from retrieval.calibration import Calibration
from retrieval.evaluation import load_questions
from retrieval.question import expand_vector, prepare
from retrieval.ranking import rank


def timing(directory: Path, rounds: int = 3) -> int:
    from bench.synthetic.runner import open_service

    service = asyncio.run(open_service(directory))
    snapshot, embedder, cal = service.snapshot, service.embedder, Calibration()
    questions = [q.q for q in load_questions(directory / "questions-heldout.jsonl")]
    encode: list[float] = []
    search: list[float] = []
    ranking: list[float] = []
    for _ in range(rounds):
        for text in questions:
            started = time.perf_counter()
            embedder.encode_queries([text])
            encode.append(time.perf_counter() - started)
            started = time.perf_counter()
            query = prepare(snapshot, text)
            vec = embedder.encode_queries([query.question])[0]
            middle = time.perf_counter()
            rank(snapshot, query, expand_vector(snapshot, query, vec), 10, cal)
            done = time.perf_counter()
            search.append(done - started)
            ranking.append(done - middle)
    enc, full = statistics.median(encode) * 1000, statistics.median(search) * 1000
    print(
        f"{len(snapshot.statements)} statements, {len(questions)} questions × {rounds}: "
        f"bare encode p50 {enc:.1f} ms; prepare+encode+rank p50 {full:.1f} ms (×{full / enc:.2f}); "
        f"rank alone p50 {statistics.median(ranking) * 1000:.1f} ms, "
        f"p95 {statistics.quantiles(ranking, n=20)[-1] * 1000:.1f} ms"
    )
    asyncio.run(service.close())
    return 0
