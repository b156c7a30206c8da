"""`atazan bench`: per backend, in one run — bare encode, search at each corpus size, throughput,
cold start, peak RSS and the quality guard against fp32. Numbers are printed, never asserted.

Each backend is measured in its own child process (`python -m retrieval.bench BACKEND`), so one
backend's imports, threads and heap never colour another's figures. Inside a child the bare encode
and the searches run on the same thread (the service's worker): the old bench timed the bare encode
on the main thread and search on the worker, i.e. two OpenMP teams, which is what made search look
×1.97 the encode (see README, "Performance").

Here the parent: every backend in turn, then the guards and the table. The child's measuring is
in `bench_backend`, the cold start in `bench_cold_start`, the table in `bench_table`.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, get_args

import numpy as np

from retrieval.bench_backend import measure_backend
from retrieval.bench_cold_start import SERVING_THREADS, cold_start
from retrieval.bench_table import format_table
from retrieval.config import Backend, RetrievalConfig

Log = Callable[[str], None]
BACKENDS: tuple[str, ...] = get_args(Backend)
SIZES = (3_000, 30_000)


def run_bench(
    config: RetrievalConfig,
    questions: list[str],
    log: Log,
    *,
    backends: Sequence[str] = BACKENDS,
    sizes: Sequence[int] = SIZES,
    quality: bool = True,
    synthetic: Path | None = None,
) -> dict[str, Any]:
    load = os.getloadavg()
    log(f"load average before: {load[0]:.2f} {load[1]:.2f} {load[2]:.2f} ({os.cpu_count()} CPUs)")
    log(f"children run with OMP_NUM_THREADS={SERVING_THREADS['OMP_NUM_THREADS']} (as serving does)")
    from retrieval.model.ort_embedder import intra_op_threads

    pool = intra_op_threads(config.model_threads or None)
    log(f"model pool: {pool} threads (RETRIEVAL__MODEL_THREADS={config.model_threads}; 0 = auto)")
    results: dict[str, Any] = {}
    for backend in backends:
        local = config.model_copy(update={"backend": backend})
        log(f"[{backend}] measuring …")
        child = _child(local, questions, sizes, quality, synthetic)
        if "error" in child:
            log(f"[{backend}] error: {child['error']}")
            results[backend] = child
            continue
        child["cold_start"] = cold_start(local)
        results[backend] = child
    add_guards(results, quality)
    for line in format_table(results, sizes):
        log(line)
    load = os.getloadavg()
    log(f"load average after: {load[0]:.2f} {load[1]:.2f} {load[2]:.2f}")
    return results


def add_guards(results: dict[str, Any], quality: bool) -> None:
    """Each backend's quality guard against torch's (fp32) figures, then the raw vectors dropped.
    All guards first: dropping the reference's vectors as the loop passes it (torch runs first)
    left every backend after it without a guard."""
    reference = results.get("torch")
    if quality and reference and "quality_vectors" in reference:
        for r in results.values():
            if "error" not in r and "quality_vectors" in r:
                r["quality"] = _guard(reference, r)
    for r in results.values():
        r.pop("quality_vectors", None)


def _child(
    config: RetrievalConfig,
    questions: list[str],
    sizes: Sequence[int],
    quality: bool,
    synthetic: Path | None,
) -> dict[str, Any]:
    payload = json.dumps(
        {"config": config.model_dump(mode="json"), "questions": questions, "sizes": list(sizes),
         "quality": quality, "synthetic": str(synthetic) if synthetic else None}
    )  # fmt: skip
    env = {**os.environ, "HF_HUB_OFFLINE": "1", **SERVING_THREADS}
    proc = subprocess.run(
        [sys.executable, "-m", "retrieval.bench"],
        input=payload, capture_output=True, text=True, env=env, check=False,
    )  # fmt: skip
    if proc.returncode != 0:
        tail = (proc.stderr.strip().splitlines() or ["no output"])[-1]
        return {"error": f"exit {proc.returncode}: {tail}"}
    result: dict[str, Any] = json.loads(proc.stdout.strip().splitlines()[-1])
    return result


def _guard(reference: dict[str, Any], other: dict[str, Any]) -> dict[str, Any]:
    from retrieval.guard import deltas, worst_excess
    from retrieval.model.quality import MIN_COSINE, cosines

    cos = cosines(
        np.asarray(reference["quality_vectors"], np.float32),
        np.asarray(other["quality_vectors"], np.float32),
    )
    worst_eval, excess = 0.0, 0.0
    for name, figures in other.get("eval", {}).items():
        d = deltas(reference["eval"].get(name, {}), figures)
        worst_eval = max([worst_eval, *d.values()])
        excess = max(excess, worst_excess(reference["eval"].get(name, {}), figures)[1])
    return {
        "min_cosine": round(min(cos), 4),
        "max_eval_delta": round(worst_eval, 3),
        "meets_bar": min(cos) >= MIN_COSINE and excess <= 0,
    }


def _main() -> int:
    """Child entry: a JSON request on stdin, one JSON line of results on stdout."""
    request = json.loads(sys.stdin.read())
    config = RetrievalConfig.model_validate(request["config"])
    try:
        synthetic = Path(request["synthetic"]) if request.get("synthetic") else None
        result = measure_backend(
            config, request["questions"], request["sizes"], request["quality"], synthetic
        )
    except Exception as exc:  # reported by the parent as this backend's error
        print(f"{type(exc).__name__}: {exc}", file=sys.stderr)
        return 1
    print(json.dumps(result))
    return 0


if __name__ == "__main__":
    sys.exit(_main())
