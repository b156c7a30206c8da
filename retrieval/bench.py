"""`atazan bench`: per backend, in one run — bare encode, search at each corpus size, throughput,
cold start, peak RSS and the quality guard against fp32. Numbers are printed, never asserted.

Each backend is measured in its own child process (`python -m retrieval.bench BACKEND`), so one
backend's imports, threads and heap never colour another's figures. Inside a child the bare encode
and the searches run on the same thread (the service's worker): the old bench timed the bare encode
on the main thread and search on the worker, i.e. two OpenMP teams, which is what made search look
×1.97 the encode (see README, "Performance").
"""

from __future__ import annotations

import asyncio
import json
import os
import random
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, get_args

import numpy as np

from retrieval.config import Backend, RetrievalConfig
from retrieval.models import Corpus, Meeting, Statement, stable_id

if TYPE_CHECKING:
    from retrieval.guard import EvalSet
    from retrieval.snapshot import Resources

Log = Callable[[str], None]
BACKENDS: tuple[str, ...] = get_args(Backend)
SIZES = (3_000, 30_000)
CONCURRENCY = (1, 8, 32)
ENCODED_POOL = 3_000  # statements really encoded; larger corpora reuse their vectors (see below)
COLD_START_QUESTION = "Что сенаторы говорили о земле?"
SYNTHETIC_SPLIT = "heldout"  # the split of `--synthetic DIR` the quality guard compares
# Children run with the thread count serving uses (`atazan run` and `serve-retrieval` default to
# one intra-op thread). The bench once ran them with two OpenMP threads (and OpenBLAS's two): on two
# shared cores a parallel region waits for whichever thread is descheduled, and both spin meanwhile
# — torch's encode read 36 ms instead of 12-13, at several times the CPU per encode.
SERVING_THREADS = {"OMP_NUM_THREADS": os.environ.get("OMP_NUM_THREADS", "1")}
# Runs a module (argv[1]) and reports the process's own high-water RSS on stderr at exit. A child's
# rusage peak is no good: exec keeps the larger of the parent's and the child's maxima, so once the
# bench itself had loaded models every `ask` "peaked" at the bench's size (1.3-1.6 GB for ~0.65 GB).
PEAK_MARK = "atazan-bench-vmhwm-kb"
_PROBE = f"""import atexit, runpy, sys
def _report():
    with open("/proc/self/status") as status:
        for line in status:
            if line.startswith("VmHWM:"):
                sys.stderr.write("{PEAK_MARK} " + line.split()[1] + "\\n")
atexit.register(_report)
module = sys.argv.pop(1)
runpy.run_module(module, run_name="__main__", alter_sys=True)
"""


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


# --- child: one backend ----------------------------------------------------------------------
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


_SYNTHETIC_QUESTIONS = f"questions-{SYNTHETIC_SPLIT}.jsonl"
_SYNTHETIC_CURATED = "curated"


def synthetic_eval_set(directory: Path) -> tuple[EvalSet, Resources]:
    """A synthetic corpus directory's held-out split, with the curated files it was built with
    (`atazan bench --synthetic` and the backends' test compare the same set)."""
    from retrieval.evaluation import load_questions
    from retrieval.guard import EvalSet
    from retrieval.search import load_built_corpus, load_resources
    from retrieval.versions import CORPUS_FILE

    held_out = EvalSet(
        f"synthetic/{SYNTHETIC_SPLIT}",
        load_built_corpus(directory / CORPUS_FILE),
        load_questions(directory / _SYNTHETIC_QUESTIONS),
    )
    return held_out, load_resources(directory / _SYNTHETIC_CURATED)


def synthetic_problem(directory: Path) -> str | None:
    """Why `directory` cannot serve as the bench's synthetic corpus, or None."""
    from retrieval.versions import CORPUS_FILE

    for name in (CORPUS_FILE, _SYNTHETIC_QUESTIONS, _SYNTHETIC_CURATED):
        if not (directory / name).exists():
            return (
                f"{directory / name} is missing: run `python -m bench.synthetic build {directory}`"
            )
    return None


# --- cold start: a fresh `atazan ask` process -----------------------------------------------
def cold_start(config: RetrievalConfig, runs: int = 3) -> dict[str, Any]:
    """Process start → first answer printed, and the process's peak RSS, for `atazan ask` on a
    copy of the data dir whose index this backend built (the seed corpus)."""
    from retrieval.build import build_index

    with tempfile.TemporaryDirectory(prefix="atazan-bench-") as tmp:
        data = Path(tmp)
        (data / "models").symlink_to((config.data_dir / "models").resolve())
        local = config.model_copy(update={"data_dir": data, "builtin_data_dir": None})
        if build_index(local, log=lambda _: None) != 0:
            return {"error": "index build failed"}
        env = {
            **os.environ,
            "DATA_DIR": str(data),
            "CORPUS_DIR": str(config.corpus_dir),
            "RETRIEVAL__BACKEND": config.backend,
            "HF_HUB_OFFLINE": "1",
            **SERVING_THREADS,
        }
        times: list[float] = []
        rss: list[float] = []
        for _ in range(runs):
            run = probed_run(["bot.cli", "ask", COLD_START_QUESTION], env)
            if run.error:
                return {"error": run.error}
            times.append(run.first_line_s)
            rss.append(run.peak_rss_mb)
        return {
            "first_answer_s": round(statistics.median(times), 2),
            "first_answer_runs_s": [round(t, 2) for t in times],
            "peak_rss_mb": round(max(rss), 1),
        }


@dataclass(frozen=True)
class ProbedRun:
    first_line_s: float  # process start → first line on stdout
    peak_rss_mb: float  # the process's own VmHWM
    error: str = ""


def probed_run(module_args: Sequence[str], env: dict[str, str]) -> ProbedRun:
    """`python -m <module_args>` timed to its first line of output, with its own peak RSS."""
    with tempfile.TemporaryFile(mode="w+") as err:
        t0 = time.perf_counter()
        proc = subprocess.Popen(
            [sys.executable, "-c", _PROBE, *module_args],
            stdout=subprocess.PIPE, stderr=err, env=env, text=True,
        )  # fmt: skip
        assert proc.stdout is not None
        first = proc.stdout.readline()
        elapsed = time.perf_counter() - t0
        proc.stdout.read()
        code = proc.wait()
        err.seek(0)
        marks = [line.split()[1] for line in err if line.startswith(PEAK_MARK)]
    if code != 0 or not first:
        return ProbedRun(elapsed, 0.0, f"{module_args[0]} exited {code}")
    peak = round(int(marks[-1]) / 1024, 1) if marks else 0.0
    return ProbedRun(elapsed, peak, "" if marks else "no peak RSS reported")


# --- parent: every backend, one table ---------------------------------------------------------
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
    from retrieval.guard import MAX_EVAL_DELTA, deltas
    from retrieval.model.quality import MIN_COSINE, cosines

    cos = cosines(
        np.asarray(reference["quality_vectors"], np.float32),
        np.asarray(other["quality_vectors"], np.float32),
    )
    worst_eval = 0.0
    for name, figures in other.get("eval", {}).items():
        d = deltas(reference["eval"].get(name, {}), figures)
        worst_eval = max([worst_eval, *d.values()])
    return {
        "min_cosine": round(min(cos), 4),
        "max_eval_delta": round(worst_eval, 3),
        "meets_bar": min(cos) >= MIN_COSINE and worst_eval <= MAX_EVAL_DELTA,
    }


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
