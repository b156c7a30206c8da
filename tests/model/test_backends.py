"""The int8 backends against the fp32 reference: embeddings, `atazan eval` figures, offline load.

`onnx` is sentence-transformers' ONNX backend on the dynamic int8 export; `ort` runs the same file
with onnxruntime and a plain-Python tokenizer alone and must give the same vectors; `ort-w8` runs
the weight-only int8 file the same way; `openvino` runs sentence-transformers' OpenVINO backend on
the IR with nncf's int8 weights, and `ov-w8` runs that IR under `ort`'s tokenizer and pooling and
must give the same vectors. Both int8-weight files must keep every eval figure within 0.01 of fp32.
"""

from __future__ import annotations

import asyncio
import threading
import time
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from retrieval.config import RetrievalConfig
from retrieval.embedder import Embedder
from retrieval.evaluation import load_questions
from retrieval.guard import EvalSet, eval_figures, worst_excess
from retrieval.model.onnx_export import OPENVINO, QUANTIZED_SUFFIX, WEIGHT_ONLY
from retrieval.model.quality import MIN_COSINE, PASSAGES, QUERIES, cosines
from retrieval.model.st_embedder import load_embedder

pytestmark = pytest.mark.model
REPO = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def embedders(data_dir: Path) -> dict[str, Embedder]:
    return {
        backend: load_embedder(RetrievalConfig(data_dir=data_dir, backend=backend))
        for backend in ("torch", "onnx", "ort", "ort-w8", "openvino", "ov-w8")
    }


def _both(emb: Embedder) -> np.ndarray:
    return np.vstack([emb.encode_queries(list(QUERIES)), emb.encode_documents(list(PASSAGES))])


def _has_vnni() -> bool:
    try:
        flags = Path("/proc/cpuinfo").read_text(encoding="utf-8").split()
    except OSError:
        return True  # unknown: hold the full bar
    return "avx512_vnni" in flags or "avx_vnni" in flags


# Dynamic int8 (activations quantized per call, optimum's avx512_vnni config) saturates its
# 8-bit dot products on an x86 CPU without VNNI (AVX2 only): seen 0.9897 on an AVX2-only AMD EPYC,
# where the weight-only files and every eval figure still meet their bars. The default backend
# (ov-w8) quantizes weights only and is held to the full bar everywhere.
SATURATING_BAR = 0.985


def test_int8_backends_stay_within_the_cosine_bar(embedders: dict[str, Embedder]) -> None:
    reference = _both(embedders["torch"])
    dynamic_bar = MIN_COSINE if _has_vnni() else SATURATING_BAR
    for backend in ("onnx", "ort", "ort-w8", "openvino"):
        worst = min(cosines(reference, _both(embedders[backend])))
        bar = dynamic_bar if backend in ("onnx", "ort") else MIN_COSINE
        assert worst >= bar, (backend, worst, bar)


def test_weight_only_is_much_closer_to_fp32_than_dynamic_int8(
    embedders: dict[str, Embedder],
) -> None:
    reference = _both(embedders["torch"])
    dynamic = min(cosines(reference, _both(embedders["ort"])))
    for backend in ("ort-w8", "openvino"):  # int8 weights, activations in fp32 or fine groups
        weight_only = min(cosines(reference, _both(embedders[backend])))
        assert weight_only >= 0.999 > dynamic, (backend, weight_only, dynamic)


@pytest.mark.parametrize(("lean", "via"), [("ort", "onnx"), ("ov-w8", "openvino")])
def test_lean_backends_run_exactly_what_sentence_transformers_runs(
    embedders: dict[str, Embedder], lean: str, via: str
) -> None:
    # One text per call: int8 activations are scaled per batch (dynamic file) or per row group,
    # so only equal batches are sure to give equal vectors.
    long_question = "Что сенаторы говорили о земле? " * 60  # truncated at the query limit
    for text in [*QUERIES, long_question, "", "a"]:
        via_st = embedders[via].encode_queries([text])
        assert np.allclose(via_st, embedders[lean].encode_queries([text]), atol=2e-5), text
    long_passage = "Сенатор рассказал о новой Конституции. " * 200  # over 512 tokens
    for text in [*PASSAGES[:3], long_passage]:
        via_st = embedders[via].encode_documents([text])
        assert np.allclose(via_st, embedders[lean].encode_documents([text]), atol=2e-5), text


def test_batching_changes_int8_vectors_only_slightly(embedders: dict[str, Embedder]) -> None:
    ort = embedders["ort"]
    together = ort.encode_queries(list(QUERIES))
    alone = np.vstack([ort.encode_queries([q]) for q in QUERIES])
    assert min(cosines(alone, together)) >= MIN_COSINE


def test_int8_index_is_not_mistaken_for_fp32(embedders: dict[str, Embedder]) -> None:
    fp32, int8 = embedders["torch"].model_id, embedders["ort"].model_id
    assert int8 == fp32 + QUANTIZED_SUFFIX == embedders["onnx"].model_id
    assert embedders["ort-w8"].model_id == fp32 + WEIGHT_ONLY.suffix
    assert embedders["openvino"].model_id == fp32 + OPENVINO.suffix == embedders["ov-w8"].model_id
    assert len({e.model_id for e in embedders.values()}) == 4  # the same file, the same id


def _eval_sets(data_dir: Path) -> list[EvalSet]:
    from retrieval.search import load_built_corpus

    corpus = load_built_corpus(data_dir / "corpus.json")
    sets = [
        EvalSet(f"founding release: {path.name}", corpus, load_questions(path))
        for path in sorted((REPO / "corpus" / "eval").glob("*.jsonl"))
    ]
    assert sets
    return sets


@pytest.mark.parametrize(
    "backend",
    [
        "onnx",
        "ort",
        "ort-w8",
        "openvino",
        "ov-w8",
    ],
)
def test_eval_figures_match_fp32(
    data_dir: Path, embedders: dict[str, Embedder], backend: str
) -> None:
    from retrieval.search import load_resources

    resources = load_resources(REPO / "corpus")
    for eval_set in _eval_sets(data_dir):
        reference = asyncio.run(eval_figures(eval_set, embedders["torch"], resources))
        figures = asyncio.run(eval_figures(eval_set, embedders[backend], resources))
        worst = worst_excess(reference, figures)
        assert worst[1] <= 0, (eval_set.name, worst, reference, figures)


@pytest.fixture(scope="module")
def synthetic_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The synthetic corpus `python -m bench.synthetic build` writes (seed 2026, 600 meetings,
    ~3,000 statements: ~30 s of real ingestion)."""
    from bench.synthetic.build import build

    out = tmp_path_factory.mktemp("synthetic")
    build(out, seed=2026, meetings=600, repo_corpus=REPO / "corpus", log=lambda _: None)
    return out


@pytest.fixture(scope="module")
def synthetic_held_out(
    synthetic_dir: Path, embedders: dict[str, Embedder]
) -> tuple[EvalSet, Any, dict[str, float]]:
    """The held-out split, its curated files, and the fp32 model's figures on it."""
    from retrieval.bench_synthetic import synthetic_eval_set

    held_out, resources = synthetic_eval_set(synthetic_dir)
    return held_out, resources, asyncio.run(eval_figures(held_out, embedders["torch"], resources))


@pytest.mark.parametrize("backend", ["ort-w8", "ov-w8"])
def test_eval_figures_on_the_synthetic_held_out_split_match_fp32(
    synthetic_held_out: tuple[EvalSet, Any, dict[str, float]],
    embedders: dict[str, Embedder],
    backend: str,
) -> None:
    """#14's bar on the third eval set; `atazan bench --synthetic DIR` prints the same."""
    held_out, resources, reference = synthetic_held_out
    assert len(held_out.questions) >= 150 and len(held_out.corpus.statements()) >= 3000
    figures = asyncio.run(eval_figures(held_out, embedders[backend], resources))
    worst = worst_excess(reference, figures)
    assert worst[1] <= 0, (worst, reference, figures)


def test_int8_backends_load_without_network(data_dir: Path, no_network: list[Any]) -> None:
    for backend in ("onnx", "ort", "ort-w8", "openvino", "ov-w8"):
        emb = load_embedder(RetrievalConfig(data_dir=data_dir, backend=backend))
        assert emb.encode_queries(["Жер кімге тиесілі?"]).shape == (1, 384)


@pytest.mark.parametrize("lanes", [1, 2])
def test_ort_lets_a_question_before_the_next_chunk_of_a_build(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch, lanes: int
) -> None:
    """A rebuild inside a serving process must not hold questions for the whole corpus: with
    one lane a question goes before the build's next chunk; with two it does not wait at all."""
    monkeypatch.setattr("os.sched_getaffinity", lambda _pid: {0, 1})
    config = RetrievalConfig(data_dir=data_dir, backend="ort", model_lanes=lanes)
    emb = load_embedder(config)
    first_chunk_running, let_it_finish = threading.Event(), threading.Event()
    order: list[int] = []
    real_run = emb._run  # type: ignore[attr-defined]

    def gated(runner: Any, rows: list[list[int]]) -> np.ndarray:
        order.append(len(rows))
        if len(order) == 1:
            first_chunk_running.set()
            assert let_it_finish.wait(30)
        return real_run(runner, rows)  # type: ignore[no-any-return]

    monkeypatch.setattr(emb, "_run", gated)
    monkeypatch.setattr(emb, "_token_budget", 64)
    build = threading.Thread(target=emb.encode_documents, args=(list(PASSAGES) * 4,))
    build.start()
    assert first_chunk_running.wait(10)
    question = threading.Thread(target=emb.encode_queries, args=(["один вопрос?"],))
    question.start()
    if lanes == 1:
        deadline = time.monotonic() + 10
        while not emb._turns._queries_waiting:  # type: ignore[attr-defined]
            assert time.monotonic() < deadline, "the question never queued"
            time.sleep(0.001)
    else:
        question.join(10)
        assert not question.is_alive()  # answered on the other lane, the chunk still running
    let_it_finish.set()
    build.join(30)
    question.join(30)
    assert len(order) > 3 and order[1] == 1  # the one-question batch ran second


def test_model_threads_and_lanes_size_the_runtime_pools(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """RETRIEVAL__MODEL_THREADS is the model's threads in all (unset: the usable cores, up to
    four, whatever OMP_NUM_THREADS says: serving sets that to 1 for BLAS), shared by
    RETRIEVAL__MODEL_LANES sessions (unset: two, never more than the threads)."""
    monkeypatch.setenv("OMP_NUM_THREADS", "1")
    monkeypatch.setattr("os.sched_getaffinity", lambda _pid: {0, 1})

    def pools(**update: Any) -> list[int]:
        config = RetrievalConfig(data_dir=data_dir, backend="ort-w8").model_copy(update=update)
        emb = load_embedder(config)
        threads = []
        for runner in emb._runners:  # type: ignore[attr-defined]
            options = runner._session.get_session_options()
            assert options.get_session_config_entry("session.intra_op.allow_spinning") == "0"
            threads.append(int(options.intra_op_num_threads))
        return threads

    assert pools() == [1, 1]
    assert pools(model_lanes=1) == [2]
    assert pools(model_threads=1) == [1]
    assert pools(model_threads=4) == [2, 2]


def test_a_batch_of_short_and_long_questions_runs_in_groups_with_the_same_vectors(
    data_dir: Path,
) -> None:
    """The grouping by length only removes padding: every vector equals the question's own
    (one lane here, so that the whole batch is one share)."""
    emb = load_embedder(RetrievalConfig(data_dir=data_dir, backend="ort-w8", model_lanes=1))
    runners = emb._runners  # type: ignore[attr-defined]
    runner = runners[0]
    widths: list[int] = []

    class Recording:
        inputs = runner.inputs
        dim = runner.dim

        def __call__(self, feeds: dict[str, np.ndarray]) -> np.ndarray:
            widths.append(int(feeds["input_ids"].shape[1]))
            return np.asarray(runner(feeds))

    questions = [f"Что сказано о земле {i}?" for i in range(8)]
    questions += [
        f"Какие права есть у граждан и как их защищает новая Конституция {i}?" for i in range(8)
    ]
    emb._runners = [Recording()]  # type: ignore[attr-defined]
    try:
        batch = emb.encode_queries(questions)
    finally:
        emb._runners = runners  # type: ignore[attr-defined]
    alone = np.vstack([emb.encode_queries([q]) for q in questions])
    assert len(widths) == 2 and min(widths) < max(widths)
    assert float(np.min(np.sum(batch * alone, axis=1))) > 0.99999


def test_two_lanes_share_a_batch_with_the_same_vectors_as_one(
    data_dir: Path, embedders: dict[str, Embedder], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Two lanes (the default on two cores): two sessions of one thread each, both working a
    batch; the vectors are those one session gives, and a lone question uses one lane."""
    monkeypatch.setattr("os.sched_getaffinity", lambda _pid: {0, 1})
    config = RetrievalConfig(data_dir=data_dir, backend="ort-w8")
    emb = load_embedder(config)
    runners = emb._runners  # type: ignore[attr-defined]
    assert len(runners) == 2
    for runner in runners:
        assert runner._session.get_session_options().intra_op_num_threads == 1
    calls: list[tuple[int, str]] = []

    class Recording:
        def __init__(self, lane: int) -> None:
            self.lane, self.inner = lane, runners[lane]
            self.inputs, self.dim = self.inner.inputs, self.inner.dim

        def __call__(self, feeds: dict[str, np.ndarray]) -> np.ndarray:
            calls.append((self.lane, threading.current_thread().name))
            return np.asarray(self.inner(feeds))

    emb._runners = [Recording(0), Recording(1)]  # type: ignore[attr-defined]
    questions = [f"Что сказано о праве номер {i} в проекте?" for i in range(16)]
    batch = emb.encode_queries(questions)
    assert {lane for lane, _ in calls} == {0, 1}
    assert len({thread for _, thread in calls}) == 2  # at the same time, on two threads
    calls.clear()
    emb.encode_queries(["один вопрос?"])
    assert len(calls) == 1
    one_lane = load_embedder(config.model_copy(update={"model_lanes": 1})).encode_queries(questions)
    assert float(np.min(np.sum(batch * one_lane, axis=1))) > 0.99999
    # never more lanes than the pool has threads
    single = load_embedder(config.model_copy(update={"model_threads": 1}))
    assert len(single._runners) == 1  # type: ignore[attr-defined]


def test_each_lane_runs_once_alone_before_a_batch_can_use_two(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A runtime's first call sets up lazy statics; two `ov-w8` lanes doing that at once
    deadlocked OpenVINO's bindings (the service hung on its first batch, 2 of 12 fresh
    processes). So loading calls every lane once, one after the other, on the loading thread."""
    from retrieval.model.openvino_export import OvRunner
    from retrieval.model.ort_embedder import OrtEmbedder
    from retrieval.model.st_embedder import _identity, _quantized

    config = RetrievalConfig(data_dir=data_dir, backend="ov-w8")
    model_id, path = _identity(config)
    model_id, graph_file = _quantized(config, path)
    calls: list[tuple[int, str, int]] = []
    running = [0]
    lock = threading.Lock()

    class Recording:
        def __init__(self, path: str, threads: int | None) -> None:
            self.inner = OvRunner(path, threads)
            self.inputs, self.dim = self.inner.inputs, self.inner.dim
            self.lane = len(lanes)
            lanes.append(self)

        def __call__(self, feeds: dict[str, np.ndarray]) -> np.ndarray:
            with lock:
                running[0] += 1
                calls.append((self.lane, threading.current_thread().name, running[0]))
            try:
                return np.asarray(self.inner(feeds))
            finally:
                with lock:
                    running[0] -= 1

    lanes: list[Recording] = []
    emb = OrtEmbedder(Path(path), graph_file, model_id, open_runner=Recording, lanes=2)
    here = threading.current_thread().name
    assert sorted(lane for lane, _, _ in calls) == [0, 1]
    assert all(thread == here and alone == 1 for _, thread, alone in calls), calls
    calls.clear()
    emb.encode_queries([f"Что сказано о праве номер {i}?" for i in range(8)])
    assert {lane for lane, _, _ in calls} == {0, 1}  # then a batch uses both lanes


def test_a_fresh_process_encodes_its_first_batch_on_two_lanes(data_dir: Path) -> None:
    """The hang itself: fresh processes (lazy statics unset) each encode a batch at once with
    the default backend's two lanes and must finish (before the fix 2 of 12 hung)."""
    import subprocess
    import sys

    script = (
        "import sys; from pathlib import Path; "
        "from retrieval.config import RetrievalConfig; "
        "from retrieval.model.st_embedder import load_embedder; "
        "emb = load_embedder(RetrievalConfig(data_dir=Path(sys.argv[1]), backend='ov-w8', "
        "model_lanes=2, model_threads=2)); "
        "emb.encode_queries([f'вопрос {i} о Конституции' for i in range(8)]); print('ok')"
    )
    for _ in range(4):
        done = subprocess.run(
            [sys.executable, "-c", script, str(data_dir)],
            capture_output=True,
            text=True,
            timeout=120,
            cwd=REPO,
        )
        assert done.stdout.strip() == "ok", done.stderr[-2000:]
