"""The bench's results as one markdown table, a row per backend."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from retrieval.bench_backend import CONCURRENCY


def format_table(results: dict[str, Any], sizes: Sequence[int]) -> list[str]:
    head = ["backend", "encode p50/p95 ms", "encode CPU p50 ms", "load"]
    head += [f"search@{n:,} p50/p95 (CPU p50) ms" for n in sizes]
    head += [f"q/s@{c}" for c in CONCURRENCY]
    head += ["first answer s", "ask RSS MB", "bench RSS MB", "min cos", "max eval Δ"]
    rows = [
        "| " + " | ".join(head) + " |",
        "|" + "---|" * len(head),
    ]
    for backend, r in results.items():
        if "error" in r:
            rows.append(f"| {backend} | error: {r['error']} |")
            continue
        by_size = {row["statements"]: row for row in r.get("sizes", [])}
        cells = [backend, f"{r['bare_encode_ms']['p50']} / {r['bare_encode_ms']['p95']}"]
        cells += [str(r.get("bare_encode_cpu_ms", {}).get("p50", "—")), str(r.get("load_average"))]
        for n in sizes:
            s = by_size.get(n)
            cells.append(_search_cell(s) if s else "—")
        largest = by_size.get(min(sizes)) or {}
        cells += [str(largest.get("qps", {}).get(str(c), "—")) for c in CONCURRENCY]
        cold = r.get("cold_start", {})
        cells += [str(cold.get("first_answer_s", "—")), str(cold.get("peak_rss_mb", "—"))]
        cells.append(str(r.get("peak_rss_mb", "—")))
        q = r.get("quality", {})
        cells += [str(q.get("min_cosine", "—")), str(q.get("max_eval_delta", "—"))]
        rows.append("| " + " | ".join(cells) + " |")
    return rows


def _search_cell(row: dict[str, Any]) -> str:
    """p50 / p95 wall ms, then the p50 of process CPU per search."""
    cell = f"{row['search_ms']['p50']} / {row['search_ms']['p95']}"
    cpu = row.get("search_cpu_ms")
    return f"{cell} (CPU {cpu['p50']})" if cpu else cell
