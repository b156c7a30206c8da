"""Fit `retrieval.calibration.Calibration` on the synthetic corpus's dev split (never held-out).

Coordinate descent over a small grid per field; the objective is the issue's targets — statement
+ speaker hit@3, out-of-corpus abstention and the senator-silent line — summed per language, plus
the precision of the shown page. Prints the best values to copy into `Calibration`'s defaults.
"""

from __future__ import annotations

import asyncio
import dataclasses
from pathlib import Path
from typing import Any

import numpy as np

from retrieval.calibration import Calibration
from retrieval.config import EVAL_K
from retrieval.evaluation import PAGE, EvalQuestion, load_questions, relevant, summarize
from retrieval.question import Query, expand_vector, prepare
from retrieval.ranking import rank
from retrieval.snapshot import Snapshot

GRID: dict[str, tuple[float, ...]] = {
    "unknown_weight": (0.25, 0.35, 0.5),
    "min_coverage": (0.3, 0.4, 0.5, 0.6),
    "margin": (0.0, 0.02, 0.04),
    "coverage_slack": (0.2, 0.34, 0.5),
    "hub_weight": (0.0, 0.25),
}


def rows_for(
    snapshot: Snapshot, items: list[tuple[EvalQuestion, Query, Any]], cal: Calibration
) -> list[dict[str, Any]]:
    rows = []
    for item, query, vec in items:
        answer = rank(snapshot, query, vec, EVAL_K, cal)
        marks = [relevant(h, item) for h in answer.hits]
        rank_ = next((i for i, ok in enumerate(marks, 1) if ok), None)
        silent_ok = bool(item.expect_silent) and all(
            any(e.lower() in s.lower() for s in answer.silent) for e in item.expect_silent
        )
        rows.append(
            {"q": item.q, "lang": item.lang, "kind": item.kind, "answered": answer.answered,
             "rank": rank_, "page": marks[:PAGE], "silent_ok": silent_ok}
        )  # fmt: skip
    return rows


def objective(report: dict[str, Any]) -> float:
    """Per language: hit@3, with the targets (out-of-corpus abstention ≥ 0.95, false abstention
    ≤ 0.05) as steep penalties, plus the silent line and the page's precision."""
    total = 0.0
    for lang, m in report["by_language"].items():
        if lang == "all":
            continue
        total += m.get("hit@3", 1.0)
        total -= 3 * max(0.0, 0.95 - m.get("oos_abstention", 1.0))
        total -= 3 * max(0.0, m.get("false_abstention", 0.0) - 0.05)
        said, _, of = str(m.get("silent_said", "0/0")).partition("/")
        total += 0.25 * (int(said) / int(of)) if int(of or 0) else 0.25
        total += 0.25 * m.get("page_precision", 0.0)
    return total


def calibrate(directory: Path, extra: list[Path] | None = None) -> int:
    from bench.synthetic.runner import open_service

    service = asyncio.run(open_service(directory))
    snapshot, embedder = service.snapshot, service.embedder
    questions = load_questions(directory / "questions-dev.jsonl")
    for path in extra or []:
        questions += load_questions(path)
    queries = [prepare(snapshot, q.q) for q in questions]
    vectors = embedder.encode_queries([q.question for q in queries])
    items = [
        (item, query, expand_vector(snapshot, query, np.asarray(vectors[i])))
        for i, (item, query) in enumerate(zip(questions, queries, strict=True))
    ]
    best = Calibration()
    best_score = objective(summarize(rows_for(snapshot, items, best)))
    print(f"defaults: {best_score:.3f}")
    for _ in range(1):
        for name, values in GRID.items():
            for value in values:
                trial = dataclasses.replace(best, **{name: value})  # type: ignore[arg-type]
                score = objective(summarize(rows_for(snapshot, items, trial)))
                if score > best_score + 1e-9:
                    best, best_score = trial, score
                    print(f"  {name}={value}: {score:.3f}")
    print("best:", {f.name: getattr(best, f.name) for f in dataclasses.fields(best)})
    report = summarize(rows_for(snapshot, items, best))
    for lang, m in report["by_language"].items():
        print(f"  {lang:>4}: " + "  ".join(f"{k}={v}" for k, v in m.items()))
    asyncio.run(service.close())
    return 0
