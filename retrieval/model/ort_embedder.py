"""`RETRIEVAL__BACKEND=ort` / `ort-w8` / `ov-w8`: a quantized file (the dynamic int8 ONNX one
sentence-transformers exported, the weight-only one of `weight_only`, or the OpenVINO IR of
`openvino_export`), run by onnxruntime or OpenVINO with the tokenizer in plain Python (`unigram`) —
no torch, no transformers, no sentence-transformers, not even the `tokenizers` library (~300 MB
for this vocabulary).

Importing sentence-transformers costs ~3 s and ~400 MB (torch and transformers come with it) before
a model is even loaded; a serving process needs neither. This embedder reproduces exactly what the
sentence-transformers ONNX backend does for this model (prompt prefix, XLM-R tokenisation with
truncation, mean pooling over the attention mask, L2 normalisation); a test holds it equal to it.
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any, Protocol

import numpy as np

from retrieval.config import TOKEN_BUDGET
from retrieval.embedder import Vectors
from retrieval.model.encoding import (
    DOCUMENT_PROMPTS,
    MIN_GROUP,
    QUERY_PROMPTS,
    token_budget_chunks,
)
from retrieval.model.turns import QueriesFirst


class OrtModelError(RuntimeError):
    """The directory does not hold what this embedder can run; the message is one line."""


def _json(path: Path) -> Any:
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise OrtModelError(f"{path} is unreadable: {exc}") from None


def _check_modules(model_dir: Path) -> None:
    """Only Transformer → mean Pooling → Normalize is reproduced here; refuse anything else."""
    kinds = [m.get("type", "").rsplit(".", 1)[-1] for m in _json(model_dir / "modules.json")]
    if kinds != ["Transformer", "Pooling", "Normalize"]:
        raise OrtModelError(f"{model_dir}: modules {kinds} are not Transformer/Pooling/Normalize")
    pooling = _json(model_dir / "1_Pooling" / "config.json")
    modes = {k for k, v in pooling.items() if k.startswith("pooling_mode_") and v}
    if modes != {"pooling_mode_mean_tokens"}:
        raise OrtModelError(f"{model_dir}: only mean pooling is supported")


# Auto thread count's cap: one short question gains little from more than four threads, and
# replicas sharing a big machine should not each spin a pool per core.
MAX_AUTO_THREADS = 4


def intra_op_threads(threads: int | None) -> int:
    """`threads` (RETRIEVAL__MODEL_THREADS), else the cores this process may use, up to four.

    Not OMP_NUM_THREADS: serving sets that to 1 for numpy's BLAS and torch, whose OpenMP teams
    spin against the event loop; the runtime's own pool is what makes one question fast. On 2
    cores `atazan bench` measured ort-w8 search p50 16.6 ms with one model thread, 6.0–8.8 ms
    with two (BLAS left at one; with BLAS at two as well it got slower, 29 ms: both pools spun
    on the same cores)."""
    if threads:
        return threads
    try:
        usable = len(os.sched_getaffinity(0))
    except (AttributeError, OSError):  # not Linux
        usable = os.cpu_count() or 1
    return max(1, min(MAX_AUTO_THREADS, usable))


# Two copies of the model on two cores: 32 concurrent questions, 312–338 questions/s bare against
# 249–263 with one two-threaded session; one question alone ~1.3 ms slower (7.7 vs 6.4 ms).
AUTO_LANES = 2


def model_lanes(lanes: int, threads: int | None) -> int:
    """`lanes` (RETRIEVAL__MODEL_LANES), else AUTO_LANES, never more than the pool's threads."""
    return max(1, min(lanes or AUTO_LANES, intra_op_threads(threads)))


class Runner(Protocol):
    """One loaded graph: feeds (ids, mask, maybe token types) → last hidden state."""

    inputs: set[str]
    dim: int

    def __call__(self, feeds: dict[str, np.ndarray]) -> np.ndarray: ...


class OrtRunner:
    """onnxruntime, CPU, the settings the int8 files were verified with."""

    def __init__(self, path: str, threads: int | None) -> None:
        import onnxruntime as ort

        options = ort.SessionOptions()
        options.intra_op_num_threads = intra_op_threads(threads)
        options.inter_op_num_threads = 1
        # Pool threads sleep between runs instead of spinning: a bot asked a few questions a
        # second otherwise burns a core waiting (`atazan bench --load`, 2 threads: bot CPU 10.8 →
        # 4.5 s, p95 42 → 32 ms; one question's encode 4.5 → 6.9 ms, still ~2x one thread's).
        options.add_session_config_entry("session.intra_op.allow_spinning", "0")
        options.graph_optimization_level = ort.GraphOptimizationLevel.ORT_ENABLE_ALL
        # the weight-only file's int8 MatMuls become MatMulNBits: activations quantized per block
        # of 32 (level 4, what its quality was verified with), never left to a version's default
        options.add_session_config_entry("session.qdq_matmulnbits_accuracy_level", "4")
        self._session = ort.InferenceSession(path, options, providers=["CPUExecutionProvider"])
        self.inputs = {i.name for i in self._session.get_inputs()}
        self._output = self._session.get_outputs()[0].name
        self.dim = int(self._session.get_outputs()[0].shape[-1])

    def __call__(self, feeds: dict[str, np.ndarray]) -> np.ndarray:
        return np.asarray(self._session.run([self._output], feeds)[0])


def deal(ids: Sequence[Sequence[int]], lanes: int) -> list[list[int]]:
    """Row indices dealt out to `lanes` shares, longest first, like cards: every share gets
    rows of every length, so the lanes finish together. One share when there is one row."""
    order = sorted(range(len(ids)), key=lambda i: -len(ids[i]))
    count = max(1, min(lanes, len(order)))
    return [order[k::count] for k in range(count)]


class OrtEmbedder:
    """Rows are L2-normalised float32. One call per lane at a time: a lane is one session
    (`RETRIEVAL__MODEL_LANES`, why two: AUTO_LANES), and a batch is dealt out to all of them.
    A session with two threads synchronises them at every operator; two sessions of one thread
    do not. Each lane costs ~50 MB."""

    def __init__(
        self,
        model_dir: Path,
        onnx_file: str,
        model_id: str,
        *,
        threads: int | None = None,
        query_max_tokens: int | None = None,
        token_budget: int = TOKEN_BUDGET,
        open_runner: Callable[[str, int | None], Runner] | None = None,
        lanes: int = 1,
    ) -> None:
        from retrieval.model.unigram import UnigramTokenizer

        open_runner = open_runner or OrtRunner

        _check_modules(model_dir)
        st_config = _json(model_dir / "sentence_bert_config.json")
        self._max_tokens = int(st_config.get("max_seq_length") or 512)
        prompts: dict[str, str] = dict(
            _json(model_dir / "config_sentence_transformers.json").get("prompts") or {}
        )
        self._query_prefix = next((prompts[n] for n in QUERY_PROMPTS if prompts.get(n)), "")
        self._document_prefix = next((prompts[n] for n in DOCUMENT_PROMPTS if prompts.get(n)), "")
        self._query_max_tokens = query_max_tokens
        self._token_budget = token_budget
        self._model_id = model_id
        lanes = max(1, lanes)
        # each lane gets its share of the pool: two lanes on two cores run one thread each
        lane_threads = max(1, intra_op_threads(threads) // lanes)
        # the runtime builds its model without the GIL: the tokenizer loads meanwhile (~1 s less)
        with ThreadPoolExecutor(max_workers=lanes, thread_name_prefix="model-load") as loader:
            path = str(model_dir / onnx_file)
            runners = [loader.submit(open_runner, path, lane_threads) for _ in range(lanes)]
            try:
                self._tokenizer = UnigramTokenizer.from_file(model_dir / "tokenizer.json")
            finally:
                self._runners = [r.result() for r in runners]
        self._pad_id = self._tokenizer.pad_id
        self._dim = self._runners[0].dim
        # One call per lane, one lane after the other, before any two can run at once: a
        # runtime's first call initialises lazy statics, and two lanes doing that together
        # deadlocked OpenVINO's bindings (pybind11's numpy API set up under a static guard in
        # one thread while the other held the GIL) — the service hung on its first batch.
        warm = [self._tokenizer.encode(self._query_prefix + "?", 8)]
        for runner in self._runners:
            self._run(runner, warm)
        self._turns = QueriesFirst(lanes)
        # the calling thread works one share of a batch, these threads the others
        self._lane_pool = (
            ThreadPoolExecutor(max_workers=lanes - 1, thread_name_prefix="model-lane")
            if lanes > 1
            else None
        )

    @property
    def model_id(self) -> str:
        return self._model_id

    @property
    def lanes(self) -> int:
        return len(self._runners)

    @property
    def dim(self) -> int:
        return self._dim

    def _encode(
        self, texts: Sequence[str], prefix: str, max_tokens: int | None, *, query: bool = False
    ) -> Vectors:
        out = np.zeros((len(texts), self._dim), dtype=np.float32)
        if not texts:
            return out
        limit = min(max_tokens or self._max_tokens, self._max_tokens)
        ids = [self._tokenizer.encode(prefix + t, limit) for t in texts]
        # a build's chunks all go to one lane (`QueriesFirst.chunk`): no point dealing them
        shares = deal(ids, len(self._runners) if query else 1)
        others = [
            self._lane_pool.submit(self._encode_share, out, ids, share, query)
            for share in shares[1:]
            if self._lane_pool is not None
        ]
        try:
            self._encode_share(out, ids, shares[0], query)
        finally:
            for other in others:
                other.result()
        return out

    def _encode_share(
        self, out: Vectors, ids: list[list[int]], share: list[int], query: bool
    ) -> None:
        lengths = [len(ids[i]) for i in share]
        for chunk in token_budget_chunks(lengths, self._token_budget, min_group=MIN_GROUP):
            rows = [share[c] for c in chunk]
            # one call per lane at a time; a waiting question before a build's next chunk
            with self._turns.turn(query=query) as lane:
                out[rows] = self._run(self._runners[lane], [ids[i] for i in rows])

    def _run(self, runner: Runner, rows: list[list[int]]) -> Vectors:
        width = max(len(r) for r in rows)
        input_ids = np.full((len(rows), width), self._pad_id, dtype=np.int64)
        mask = np.zeros((len(rows), width), dtype=np.int64)
        for i, row in enumerate(rows):
            input_ids[i, : len(row)] = row
            mask[i, : len(row)] = 1
        feeds = {"input_ids": input_ids, "attention_mask": mask}
        if "token_type_ids" in runner.inputs:
            feeds["token_type_ids"] = np.zeros_like(input_ids)
        hidden = runner(feeds)
        weights = mask[:, :, None].astype(np.float32)
        pooled = (hidden * weights).sum(axis=1) / np.maximum(weights.sum(axis=1), 1e-9)
        norms = np.linalg.norm(pooled, axis=1, keepdims=True)
        return np.asarray(pooled / np.maximum(norms, 1e-12), dtype=np.float32)

    def encode_queries(self, texts: Sequence[str]) -> Vectors:
        return self._encode(texts, self._query_prefix, self._query_max_tokens, query=True)

    def encode_documents(self, texts: Sequence[str]) -> Vectors:
        return self._encode(texts, self._document_prefix, None)
