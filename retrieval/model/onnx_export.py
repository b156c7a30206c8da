"""The int8 ONNX export of the prepared model, made by sentence-transformers' own ONNX backend.

`atazan model prepare` runs it after the fp32 directory exists: sentence-transformers exports
the fp32 model to ONNX (optimum, offline: a local directory), `export_dynamic_quantized_onnx_model`
quantizes it (int8 weights, activations quantized per call), and the result is checked against
the fp32 model on `quality.QUERIES`/`PASSAGES` before it is moved into `<model>/onnx/`. The
fp32 directory stays the reference; only `onnx/` and a config without loader arguments are added.
Heavy imports happen inside functions.
"""

from __future__ import annotations

import contextlib
import importlib.metadata
import json
import os
import shutil
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from retrieval.errors import ModelPrepError
from retrieval.model.manifest import read_json, read_manifest

Log = Callable[[str], None]

QUANTIZATION = "avx512_vnni"  # optimum's name; the graph runs on any x86-64 (VNNI only speeds it)
QUANTIZED_FILE = f"onnx/model_qint8_{QUANTIZATION}.onnx"
EXPORT_MANIFEST = "onnx/atazan-export.json"
EXPORT_FORMAT = 1
# model ids of the int8 backends: an index records which one built it
QUANTIZED_SUFFIX = "+qint8"
TORCH_MODEL_KWARGS = {"add_pooling_layer": False}  # the prepared weights have no pooler


@dataclass(frozen=True)
class ExportOutcome:
    path: Path
    created: bool
    seconds: float
    min_cosine: float


def read_export(model_dir: Path) -> dict[str, Any]:
    """The export manifest, checked against the fp32 model it was made from."""
    manifest = read_manifest(model_dir)
    path = model_dir / EXPORT_MANIFEST
    data = read_json(path)
    if not isinstance(data, dict) or data.get("format") != EXPORT_FORMAT:
        raise ModelPrepError(f"{path} has an unknown format")
    if data.get("model_id") != manifest["model_id"]:
        raise ModelPrepError(f"{path} was exported from another model")
    if not (model_dir / QUANTIZED_FILE).is_file():
        raise ModelPrepError(f"{model_dir / QUANTIZED_FILE} is missing")
    return data


def quantized_model_id(model_dir: Path) -> str:
    return str(read_export(model_dir)["model_id"]) + QUANTIZED_SUFFIX


def _version(package: str) -> str:
    try:
        return importlib.metadata.version(package)
    except importlib.metadata.PackageNotFoundError:
        return "unknown"


def _write_json(path: Path, data: object) -> None:
    tmp = path.with_name(f".{path.name}.tmp")
    tmp.write_text(json.dumps(data, ensure_ascii=False, indent=1), encoding="utf-8")
    os.replace(tmp, path)


def drop_loader_args(model_dir: Path) -> None:
    """Loader arguments in sentence_bert_config.json reach optimum's ONNX loader, which refuses
    them (`add_pooling_layer`); the torch backend passes them itself instead."""
    path = model_dir / "sentence_bert_config.json"
    config = json.loads(path.read_text(encoding="utf-8"))
    if "model_args" in config:
        config.pop("model_args")
        _write_json(path, config)
        path.chmod(0o644)


def _scratch_view(model_dir: Path) -> Path:
    """A sibling directory of symlinks to the model's files: sentence-transformers may write
    into it freely, the reference directory is never touched."""
    scratch = model_dir.parent / f".{model_dir.name}.onnx-{os.getpid()}"
    shutil.rmtree(scratch, ignore_errors=True)
    scratch.mkdir(parents=True)
    for entry in model_dir.iterdir():
        if entry.name != "onnx":
            (scratch / entry.name).symlink_to(entry.resolve())
    return scratch


def _quiet() -> None:
    import logging

    from transformers.utils import logging as hf_logging

    errors_only: Callable[[], None] = hf_logging.set_verbosity_error  # untyped upstream
    errors_only()
    disable: Callable[[], None] = hf_logging.disable_progress_bar  # untyped upstream
    disable()
    for name in ("optimum", "sentence_transformers", "torch.onnx"):
        logging.getLogger(name).setLevel(logging.ERROR)


def export_quantized(model_dir: Path, *, force: bool = False, log: Log = print) -> ExportOutcome:
    """Add `onnx/model_qint8_*.onnx` to a prepared directory unless a valid one is there."""
    started = time.perf_counter()
    manifest = read_manifest(model_dir)
    if not force:
        with contextlib.suppress(ModelPrepError):
            done = read_export(model_dir)
            log(f"int8 ONNX model already exported in {model_dir / QUANTIZED_FILE}")
            return ExportOutcome(
                model_dir / QUANTIZED_FILE, False, time.perf_counter() - started,
                float(done["verification"]["min_cosine"]),
            )  # fmt: skip
    drop_loader_args(model_dir)
    scratch = _scratch_view(model_dir)
    try:
        log("exporting to ONNX and quantizing to int8 (sentence-transformers backend) …")
        from sentence_transformers import SentenceTransformer, export_dynamic_quantized_onnx_model

        _quiet()
        fp32_onnx = SentenceTransformer(str(scratch), backend="onnx", device="cpu")
        export_dynamic_quantized_onnx_model(fp32_onnx, QUANTIZATION, str(scratch))
        del fp32_onnx
        cos = _verify(model_dir, scratch)
        worst = min(cos)
        if worst < quality_min():
            raise ModelPrepError(
                f"int8 ONNX model disagrees with fp32 (min cosine {worst:.4f} < {quality_min()}); "
                "nothing was installed"
            )
        (model_dir / "onnx").mkdir(exist_ok=True)
        target = model_dir / QUANTIZED_FILE
        os.replace(scratch / QUANTIZED_FILE, target)
        target.chmod(0o644)
        _write_json(
            model_dir / EXPORT_MANIFEST,
            {
                "format": EXPORT_FORMAT,
                "model_id": manifest["model_id"],
                "file": QUANTIZED_FILE,
                "quantization": f"dynamic int8, optimum {QUANTIZATION} config",
                "made_by": {
                    p: _version(p) for p in ("sentence-transformers", "optimum-onnx", "onnxruntime")
                },
                "created": datetime.now(UTC).isoformat(timespec="seconds"),
                "verification": {
                    "texts": len(cos), "min_cosine": worst, "mean_cosine": sum(cos) / len(cos)
                },
            },
        )  # fmt: skip
        (model_dir / EXPORT_MANIFEST).chmod(0o644)
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
    seconds = time.perf_counter() - started
    log(f"exported {target.name} in {seconds:.1f} s (cosine vs fp32: min {worst:.4f})")
    return ExportOutcome(target, True, seconds, worst)


def quality_min() -> float:
    from retrieval.model.quality import MIN_COSINE

    return MIN_COSINE


def _verify(model_dir: Path, scratch: Path) -> list[float]:
    """Cosines of the int8 model (as sentence-transformers loads it) against fp32 torch."""
    import numpy as np
    from sentence_transformers import SentenceTransformer

    from retrieval.model.quality import PASSAGES, QUERIES, cosines

    reference = SentenceTransformer(
        str(model_dir), device="cpu", model_kwargs=dict(TORCH_MODEL_KWARGS)
    )
    quantized = SentenceTransformer(
        str(scratch), backend="onnx", device="cpu", model_kwargs={"file_name": QUANTIZED_FILE}
    )
    result: list[float] = []
    for texts, prompt in ((QUERIES, "query"), (PASSAGES, "passage")):
        a = np.asarray(reference.encode(list(texts), prompt_name=prompt), dtype=np.float32)
        b = np.asarray(quantized.encode(list(texts), prompt_name=prompt), dtype=np.float32)
        result.extend(cosines(a, b))
    return result
