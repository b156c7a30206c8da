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


class OrtEmbedder:
    """Rows are L2-normalised float32; calls are serialised (one session, two cores)."""

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
        # the runtime builds its model without the GIL: the tokenizer loads meanwhile (~1 s less)
        with ThreadPoolExecutor(max_workers=1, thread_name_prefix="model-load") as loader:
            runner = loader.submit(open_runner, str(model_dir / onnx_file), threads)
            try:
                self._tokenizer = UnigramTokenizer.from_file(model_dir / "tokenizer.json")
            finally:
                self._runner = runner.result()
        self._pad_id = self._tokenizer.pad_id
        self._dim = self._runner.dim
        self._turns = QueriesFirst()

    @property
    def model_id(self) -> str:
        return self._model_id

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
        lengths = [len(i) for i in ids]
        for chunk in token_budget_chunks(lengths, self._token_budget, min_group=MIN_GROUP):
            # one session run at a time; a waiting question before a build's next chunk
            with self._turns.turn(query=query):
                out[chunk] = self._run([ids[i] for i in chunk])
        return out

    def _run(self, rows: list[list[int]]) -> Vectors:
        width = max(len(r) for r in rows)
        input_ids = np.full((len(rows), width), self._pad_id, dtype=np.int64)
        mask = np.zeros((len(rows), width), dtype=np.int64)
        for i, row in enumerate(rows):
            input_ids[i, : len(row)] = row
            mask[i, : len(row)] = 1
        feeds = {"input_ids": input_ids, "attention_mask": mask}
        if "token_type_ids" in self._runner.inputs:
            feeds["token_type_ids"] = np.zeros_like(input_ids)
        hidden = self._runner(feeds)
        weights = mask[:, :, None].astype(np.float32)
        pooled = (hidden * weights).sum(axis=1) / np.maximum(weights.sum(axis=1), 1e-9)
        norms = np.linalg.norm(pooled, axis=1, keepdims=True)
        return np.asarray(pooled / np.maximum(norms, 1e-12), dtype=np.float32)

    def encode_queries(self, texts: Sequence[str]) -> Vectors:
        return self._encode(texts, self._query_prefix, self._query_max_tokens, query=True)

    def encode_documents(self, texts: Sequence[str]) -> Vectors:
        return self._encode(texts, self._document_prefix, None)
