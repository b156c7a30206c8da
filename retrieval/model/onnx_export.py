"""The quantized files of the prepared model, from sentence-transformers' own ONNX export.

`atazan model prepare` runs it after the fp32 directory exists: sentence-transformers exports
the fp32 model to ONNX (optimum, offline: a local directory), then three variants are made from it:
- `DYNAMIC`: `export_dynamic_quantized_onnx_model` (int8 weights, activations quantized per call);
  the `onnx` and `ort` backends run it. It misses the 0.01 eval bar.
- `WEIGHT_ONLY`: the graph rewritten with int8 weights (`weight_only`); `ort-w8` runs it.
- `OPENVINO`: the graph read by OpenVINO, its weights int8 by nncf (`openvino_export`); the
  `openvino` backend (sentence-transformers' OpenVINO backend) runs it.
Each is checked against the fp32 model on `quality.QUERIES`/`PASSAGES`, through the backend that
serves it, and moved into `<model>/onnx/` (`<model>/openvino/`) only if every cosine passes. The
fp32 directory stays the reference; only those two directories and a config without loader
arguments are added. Heavy imports happen inside functions.
"""

from __future__ import annotations

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

from retrieval.embedder import Vectors
from retrieval.errors import ModelPrepError
from retrieval.model.manifest import read_json, read_manifest
from retrieval.model.quality import cosines

Log = Callable[[str], None]

QUANTIZATION = "avx512_vnni"  # optimum's name; the graph runs on any x86-64 (VNNI only speeds it)
QUANTIZED_FILE = f"onnx/model_qint8_{QUANTIZATION}.onnx"
EXPORT_MANIFEST = "onnx/atazan-export.json"
EXPORT_FORMAT = 1
# model ids of the int8 backends: an index records which one built it
QUANTIZED_SUFFIX = "+qint8"
TORCH_MODEL_KWARGS = {"add_pooling_layer": False}  # the prepared weights have no pooler


@dataclass(frozen=True)
class Variant:
    """One quantized file of the prepared directory, with its manifest and model-id suffix."""

    name: str
    file: str
    manifest: str
    suffix: str
    quantization: str
    runtime: str = "ONNX"


DYNAMIC = Variant(
    "qint8", QUANTIZED_FILE, EXPORT_MANIFEST, QUANTIZED_SUFFIX,
    f"dynamic int8 (activations per call), optimum {QUANTIZATION} config",
)  # fmt: skip
WEIGHT_ONLY = Variant(
    "w8", "onnx/model_w8.onnx", "onnx/atazan-w8.json", "+w8",
    "int8 weights: a scale per embedding row and per MatMul output channel (weight_only)",
)  # fmt: skip
OPENVINO = Variant(
    "ov-w8", "openvino/openvino_model_w8.xml", "openvino/atazan-ov-w8.json", "+ov-w8",
    "OpenVINO IR, int8 weights with a scale per output channel (nncf INT8_SYM)", "OpenVINO",
)  # fmt: skip
VARIANTS = (DYNAMIC, WEIGHT_ONLY, OPENVINO)
# the backends that run each variant; the other backends run the fp32 model
BACKEND_VARIANTS = {
    "onnx": DYNAMIC, "ort": DYNAMIC, "ort-w8": WEIGHT_ONLY, "openvino": OPENVINO, "ov-w8": OPENVINO,
}  # fmt: skip


@dataclass(frozen=True)
class ExportOutcome:
    path: Path
    created: bool
    seconds: float
    min_cosine: float


def read_export(model_dir: Path, variant: Variant = DYNAMIC) -> dict[str, Any]:
    """A variant's manifest, checked against the fp32 model it was made from."""
    manifest = read_manifest(model_dir)
    path = model_dir / variant.manifest
    data = read_json(path)
    if not isinstance(data, dict) or data.get("format") != EXPORT_FORMAT:
        raise ModelPrepError(f"{path} has an unknown format")
    if data.get("model_id") != manifest["model_id"]:
        raise ModelPrepError(f"{path} was exported from another model")
    for name in (variant.file, *data.get("data_files", [])):
        if not (model_dir / name).is_file():
            raise ModelPrepError(f"{model_dir / name} is missing")
    return data


def quantized_model_id(model_dir: Path, variant: Variant = DYNAMIC) -> str:
    return str(read_export(model_dir, variant)["model_id"]) + variant.suffix


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
    """A sibling directory of symlinks to the model's files, except the exports' own folders:
    new files go into real folders there. Nothing may save a model into it (a save writes through
    the symlinks into the reference directory)."""
    scratch = model_dir.parent / f".{model_dir.name}.onnx-{os.getpid()}"
    shutil.rmtree(scratch, ignore_errors=True)
    scratch.mkdir(parents=True)
    exports = {Path(v.file).parts[0] for v in VARIANTS}
    for entry in model_dir.iterdir():
        if entry.name not in exports:
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


def export_quantized(
    model_dir: Path, *, force: bool = False, log: Log = print
) -> dict[str, ExportOutcome]:
    """Add every variant's file to a prepared directory unless a valid one is there; each is
    installed only if its cosines against fp32 pass (`ModelPrepError` otherwise)."""
    started = time.perf_counter()
    manifest = read_manifest(model_dir)
    outcomes: dict[str, ExportOutcome] = {}
    todo = []
    for variant in VARIANTS:
        try:
            if force:
                raise ModelPrepError("forced")
            done = read_export(model_dir, variant)
        except ModelPrepError:
            todo.append(variant)
            continue
        log(f"{variant.name} {variant.runtime} model already in {model_dir / variant.file}")
        outcomes[variant.name] = ExportOutcome(
            model_dir / variant.file, False, time.perf_counter() - started,
            float(done["verification"]["min_cosine"]),
        )  # fmt: skip
    if not todo:
        return outcomes
    drop_loader_args(model_dir)
    scratch = _scratch_view(model_dir)
    try:
        log("exporting to ONNX (sentence-transformers backend) …")
        from sentence_transformers import SentenceTransformer, export_dynamic_quantized_onnx_model

        _quiet()
        fp32_onnx = SentenceTransformer(str(scratch), backend="onnx", device="cpu")
        (scratch / "onnx").mkdir(exist_ok=True)
        if DYNAMIC in todo:
            log("quantizing to dynamic int8 …")
            export_dynamic_quantized_onnx_model(fp32_onnx, QUANTIZATION, str(scratch))
        if WEIGHT_ONLY in todo:
            log("rewriting the fp32 graph with int8 weights …")
            from retrieval.model.weight_only import write_weight_only

            write_weight_only(Path(fp32_onnx[0].auto_model.path), scratch / WEIGHT_ONLY.file)
        if OPENVINO in todo:
            log("reading the fp32 graph into OpenVINO, int8 weights by nncf …")
            from retrieval.model.openvino_export import write_openvino_w8

            write_openvino_w8(Path(fp32_onnx[0].auto_model.path), scratch / OPENVINO.file)
        del fp32_onnx
        reference = _reference_vectors(model_dir)
        for variant in todo:
            worst = _install(model_dir, scratch, variant, manifest, reference)
            outcome = ExportOutcome(
                model_dir / variant.file, True, time.perf_counter() - started, worst
            )
            outcomes[variant.name] = outcome
            log(f"exported {outcome.path.name} (cosine vs fp32: min {worst:.4f})")
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
    log(f"quantized exports done in {time.perf_counter() - started:.1f} s")
    return outcomes


def _install(
    model_dir: Path,
    scratch: Path,
    variant: Variant,
    manifest: dict[str, Any],
    reference: Vectors,
) -> float:
    """Check `variant`'s file in `scratch` against fp32 and move it (and its data) into place;
    returns the lowest cosine."""
    try:
        vectors = _variant_vectors(model_dir, scratch.resolve(), variant)
    except Exception as exc:  # onnxruntime/optimum errors: the file is unusable, say so in a line
        raise ModelPrepError(
            f"{variant.name} {variant.runtime} model does not run: {type(exc).__name__}: "
            f"{str(exc).splitlines()[0] if str(exc) else ''}; nothing was installed"
        ) from None
    cos = cosines(reference, vectors)
    worst = min(cos)
    if worst < quality_min():
        raise ModelPrepError(
            f"{variant.name} {variant.runtime} model disagrees with fp32 (min cosine {worst:.4f} < "
            f"{quality_min()}); nothing was installed"
        )
    graph = Path(variant.file)
    (model_dir / graph.parent).mkdir(exist_ok=True)
    data_files = sorted(  # model_w8.onnx.data; openvino_model_w8.bin
        str(p.relative_to(scratch))
        for p in (scratch / graph.parent).glob(graph.stem + ".*")
        if p.name != graph.name
    )
    for name in (*data_files, variant.file):  # the graph last: it names its data file
        os.replace(scratch / name, model_dir / name)
        (model_dir / name).chmod(0o644)
    _write_json(
        model_dir / variant.manifest,
        {
            "format": EXPORT_FORMAT,
            "model_id": manifest["model_id"],
            "file": variant.file,
            "data_files": data_files,
            "quantization": variant.quantization,
            "made_by": {
                p: _version(p)
                for p in (
                    "sentence-transformers", "optimum-onnx", "onnxruntime", "onnx",
                    *(("optimum-intel", "openvino", "nncf") if variant is OPENVINO else ()),
                )
            },
            "created": datetime.now(UTC).isoformat(timespec="seconds"),
            "verification": {
                "texts": len(cos), "min_cosine": worst, "mean_cosine": sum(cos) / len(cos)
            },
        },
    )  # fmt: skip
    (model_dir / variant.manifest).chmod(0o644)
    return worst


def quality_min() -> float:
    from retrieval.model.quality import MIN_COSINE

    return MIN_COSINE


def _reference_vectors(model_dir: Path) -> Vectors:
    """The fixed set (queries, then passages) through the fp32 torch model."""
    import numpy as np
    from sentence_transformers import SentenceTransformer

    from retrieval.model.quality import PASSAGES, QUERIES

    reference = SentenceTransformer(
        str(model_dir), device="cpu", model_kwargs=dict(TORCH_MODEL_KWARGS)
    )
    return np.vstack(
        [
            np.asarray(reference.encode(list(texts), prompt_name=prompt), dtype=np.float32)
            for texts, prompt in ((QUERIES, "query"), (PASSAGES, "passage"))
        ]
    )


def _variant_vectors(model_dir: Path, scratch: Path, variant: Variant) -> Vectors:
    """The same texts through the file as its backend runs it: sentence-transformers' ONNX
    backend for the dynamic export (`onnx`; `ort` equals it, a test holds), onnxruntime for the
    weight-only one (`ort-w8`), sentence-transformers' OpenVINO backend for the IR (`openvino`)."""
    import numpy as np

    from retrieval.model.quality import PASSAGES, QUERIES

    if variant is WEIGHT_ONLY:
        from retrieval.model.ort_embedder import OrtEmbedder

        ort = OrtEmbedder(model_dir, str(scratch / variant.file), variant.name)
        return np.vstack([ort.encode_queries(list(QUERIES)), ort.encode_documents(list(PASSAGES))])
    from sentence_transformers import SentenceTransformer

    if variant is OPENVINO:
        from retrieval.model.openvino_export import sentence_transformer_kwargs

        kwargs = sentence_transformer_kwargs(variant.file)
    else:
        kwargs = {"backend": "onnx", "model_kwargs": {"file_name": variant.file}}
    quantized = SentenceTransformer(str(scratch), device="cpu", **kwargs)
    return np.vstack(
        [
            np.asarray(quantized.encode(list(texts), prompt_name=prompt), dtype=np.float32)
            for texts, prompt in ((QUERIES, "query"), (PASSAGES, "passage"))
        ]
    )
