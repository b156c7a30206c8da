"""The real `Embedder`: any sentence-transformers model, prompted apart for queries and documents.

The default model is the directory `atazan model prepare` builds; `RETRIEVAL__MODEL` may name
any other sentence-transformers model or path. Prompts come from the model's own config
(`query`; `document`, `passage` or `corpus`); a model without prompts is encoded bare.
Heavy imports (torch, sentence-transformers) happen only in `load_embedder`.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np

from retrieval.config import DEFAULT_MODEL, TOKEN_BUDGET, RetrievalConfig
from retrieval.embedder import Embedder, Vectors
from retrieval.errors import ModelMissingError, ModelPrepError
from retrieval.model.encoding import (
    DOCUMENT_PROMPTS,
    QUERY_MAX_TOKENS,
    QUERY_PROMPTS,
    pick_prompt,
    token_budget_chunks,
)
from retrieval.model.manifest import MANIFEST_NAME, read_manifest
from retrieval.model.turns import QueriesFirst

__all__ = ["SentenceTransformerEmbedder", "load_embedder", "token_budget_chunks"]

if TYPE_CHECKING:
    from sentence_transformers import SentenceTransformer


class SentenceTransformerEmbedder:
    """Wraps a loaded `SentenceTransformer`; rows are L2-normalised float32.

    Calls are serialised: the fast tokenizer's truncation settings are mutable state, and
    two concurrent encodes would only share the same two cores anyway.
    """

    def __init__(
        self,
        model: SentenceTransformer,
        model_id: str,
        *,
        token_budget: int = TOKEN_BUDGET,
        query_max_tokens: int | None = None,
    ) -> None:
        self._model = model
        self._model_id = model_id
        self._token_budget = token_budget
        # Queries are padded to the longest in a micro-batch: one pasted essay would make
        # every question in it pay for 512 tokens. Documents keep the model's full length.
        self._query_max_tokens = query_max_tokens
        self._turns = QueriesFirst()
        prompts: dict[str, str] = dict(getattr(model, "prompts", None) or {})
        self._query_prompt = pick_prompt(prompts, QUERY_PROMPTS)
        self._document_prompt = pick_prompt(prompts, DOCUMENT_PROMPTS)
        # sentence-transformers 6 renamed get_sentence_embedding_dimension; accept both.
        getter = getattr(model, "get_embedding_dimension", None)
        dim = getter() if getter else model.get_sentence_embedding_dimension()
        if not dim:
            raise ModelMissingError(f"model {model_id} does not report its embedding dimension")
        self._dim = int(dim)

    @property
    def model(self) -> SentenceTransformer:
        """The underlying model, for benchmarks that want the bare encode."""
        return self._model

    @property
    def model_id(self) -> str:
        return self._model_id

    @property
    def dim(self) -> int:
        return self._dim

    @property
    def prompt_names(self) -> tuple[str | None, str | None]:
        """(query prompt name, document prompt name) actually used; None = no prompt."""
        return self._query_prompt, self._document_prompt

    def _encode(
        self,
        texts: Sequence[str],
        prompt_name: str | None,
        max_tokens: int | None = None,
        *,
        query: bool = False,
    ) -> Vectors:
        out = np.zeros((len(texts), self._dim), dtype=np.float32)
        if not texts:
            return out
        items = list(texts)
        extra: dict[str, Any] = {}
        if max_tokens is not None:  # a per-call override; setting model.max_seq_length is not
            extra["processing_kwargs"] = {"text": {"max_length": max_tokens}}
        limit = max_tokens or int(getattr(self._model, "max_seq_length", None) or 512)
        # A cheap token estimate (XLM-R: ~4-6 chars per token in ru/kk/en; the sentence is
        # tokenised once, by the model) — generous, so the memory bound holds.
        lengths = [min(limit, len(t) // 2 + 8) for t in items]
        for chunk in token_budget_chunks(lengths, self._token_budget):
            with self._turns.turn(query=query):
                vectors = self._model.encode(
                    [items[i] for i in chunk],
                    prompt_name=prompt_name,
                    batch_size=len(chunk),
                    convert_to_numpy=True,
                    show_progress_bar=False,
                    **extra,
                )
                out[chunk] = np.asarray(vectors, dtype=np.float32).reshape(len(chunk), self._dim)
        # Normalise here too: an arbitrary model need not end in a Normalize module.
        norms = np.linalg.norm(out, axis=1, keepdims=True)
        return np.ascontiguousarray(out / np.maximum(norms, 1e-12), dtype=np.float32)

    def encode_queries(self, texts: Sequence[str]) -> Vectors:
        return self._encode(texts, self._query_prompt, self._query_max_tokens, query=True)

    def encode_documents(self, texts: Sequence[str]) -> Vectors:
        return self._encode(texts, self._document_prompt)


def _one_line(exc: BaseException) -> str:
    text = str(exc).strip().splitlines()
    return text[0] if text else type(exc).__name__


def _identity(config: RetrievalConfig) -> tuple[str, str]:
    """(model id, path): the prepared directory's manifest names the model; else the name."""
    model_id = config.model
    path = config.model_path()
    if config.model == DEFAULT_MODEL or (Path(path) / MANIFEST_NAME).exists():
        try:
            model_id = str(read_manifest(Path(path))["model_id"])
        except ModelPrepError as exc:
            if config.model == DEFAULT_MODEL:
                raise ModelMissingError(
                    f"embedding model not prepared ({exc}): run `atazan model prepare`"
                ) from None
            raise ModelMissingError(f"cannot load model {path}: {exc}") from None
    return model_id, path


def _quantized(config: RetrievalConfig, path: str) -> tuple[str, str]:
    """(model id, file) of the quantized export the backend runs: the dynamic int8 one for `onnx`
    and `ort`, the weight-only one for `ort-w8`, the OpenVINO IR for `openvino`."""
    from retrieval.model.onnx_export import BACKEND_VARIANTS, quantized_model_id

    variant = BACKEND_VARIANTS[config.backend]
    try:
        return quantized_model_id(Path(path), variant), variant.file
    except ModelPrepError as exc:
        fix = (
            "run `atazan model prepare`"
            if config.model == DEFAULT_MODEL
            else "only the prepared default model has one: set RETRIEVAL__BACKEND=torch"
        )
        raise ModelMissingError(
            f"no {variant.name} {variant.runtime} export for "
            f"RETRIEVAL__BACKEND={config.backend} ({exc}): {fix}"
        ) from None


def load_embedder(
    config: RetrievalConfig,
    *,
    threads: int | None = None,
    query_max_tokens: int | None = QUERY_MAX_TOKENS,
) -> Embedder:
    """Load `config.model` on CPU with `config.backend`; any failure is a one-line
    `ModelMissingError`.

    `threads` sets the intra-op thread count when given (torch's is process-wide);
    `query_max_tokens` truncates queries (None = the model's own limit).
    """
    model_id, path = _identity(config)
    if config.backend in ("ort", "ort-w8", "ov-w8"):
        threads = threads or config.model_threads or None
        from retrieval.model.ort_embedder import OrtEmbedder, OrtRunner, Runner, model_lanes

        open_runner: Callable[[str, int | None], Runner] = OrtRunner
        if config.backend == "ov-w8":
            from retrieval.model.openvino_export import OvRunner

            open_runner = OvRunner
        model_id, graph_file = _quantized(config, path)
        try:
            return OrtEmbedder(
                Path(path),
                graph_file,
                model_id,
                threads=threads,
                query_max_tokens=query_max_tokens,
                token_budget=config.token_budget,
                open_runner=open_runner,
                lanes=model_lanes(config.model_lanes, threads),
            )
        except Exception as exc:  # onnxruntime/tokenizers/OS errors: no usable model here
            raise ModelMissingError(
                f"cannot load model {path!r}: {type(exc).__name__}: {_one_line(exc)}"
            ) from None
    return load_st_embedder(
        config, model_id, path, threads=threads, query_max_tokens=query_max_tokens
    )


def load_st_embedder(
    config: RetrievalConfig,
    model_id: str,
    path: str,
    *,
    threads: int | None = None,
    query_max_tokens: int | None = QUERY_MAX_TOKENS,
) -> SentenceTransformerEmbedder:
    """sentence-transformers with its torch, ONNX or OpenVINO backend."""
    kwargs: dict[str, Any] = {}
    if config.backend == "onnx":
        model_id, onnx_file = _quantized(config, path)
        kwargs = {"backend": "onnx", "model_kwargs": {"file_name": onnx_file}}
    elif config.backend == "openvino":
        from retrieval.model.openvino_export import sentence_transformer_kwargs

        model_id, ir_file = _quantized(config, path)
        kwargs = sentence_transformer_kwargs(ir_file, threads or config.model_threads or None)
    elif config.model == DEFAULT_MODEL:
        from retrieval.model.onnx_export import TORCH_MODEL_KWARGS

        kwargs = {"model_kwargs": dict(TORCH_MODEL_KWARGS)}
    try:
        import torch
        from sentence_transformers import SentenceTransformer
        from transformers.utils import logging as hf_logging

        if threads:
            torch.set_num_threads(threads)
        # oneDNN builds new kernels for every new input shape; micro-batches of varying size and
        # length are all new shapes, which made batches ~3× slower than plain ATen kernels.
        use_onednn: Callable[[bool], object] = torch.backends.mkldnn.set_flags  # untyped upstream
        use_onednn(False)
        quiet: Callable[[], None] = hf_logging.disable_progress_bar  # untyped upstream
        quiet()
        # transformers' load-time advice (e.g. about tokenizer regexes) would break the one-line
        # start-up errors and reaches no one who can act on it; real failures still raise
        errors_only: Callable[[], None] = hf_logging.set_verbosity_error  # untyped upstream
        errors_only()
        model = SentenceTransformer(path, device="cpu", **kwargs)
    except ImportError as exc:
        raise ModelMissingError(f"cannot load model {path}: {_one_line(exc)}") from None
    except Exception as exc:  # hub/OS/format errors all mean "no usable model here"
        raise ModelMissingError(
            f"cannot load model {path!r}: {type(exc).__name__}: {_one_line(exc)}"
        ) from None
    model.eval()
    return SentenceTransformerEmbedder(
        model, model_id, token_budget=config.token_budget, query_max_tokens=query_max_tokens
    )
