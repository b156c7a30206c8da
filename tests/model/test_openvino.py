"""The `openvino` backend without the real model: the setting, the IR written offline from a small
ONNX graph with int8 weights, its installation beside the ONNX files, the pinned compile settings
and the one-line errors (fast)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any, get_args

import numpy as np
import pytest

from retrieval.config import Backend
from retrieval.errors import SettingsError
from retrieval.model import onnx_export
from retrieval.model.onnx_export import BACKEND_VARIANTS, OPENVINO, VARIANTS
from retrieval.model.openvino_export import (
    COMPILE_CONFIG,
    compile_config,
    sentence_transformer_kwargs,
    write_openvino_w8,
)
from retrieval.model.ort_embedder import MAX_AUTO_THREADS
from retrieval.settings import RetrievalSettings, read_settings

onnx = pytest.importorskip("onnx")
ov = pytest.importorskip("openvino")
from onnx import TensorProto, helper, numpy_helper  # noqa: E402

VOCAB, DIM, OUT = 64, 32, 48


def _graph(seed: int = 0) -> tuple[onnx.ModelProto, np.ndarray, np.ndarray]:
    """ids → Gather(table) → MatMul(W): a BERT embedding and projection in miniature."""
    rng = np.random.default_rng(seed)
    table = rng.normal(0, 1, (VOCAB, DIM)).astype(np.float32)
    weight = rng.normal(0, 0.2, (DIM, OUT)).astype(np.float32)
    graph = helper.make_graph(
        [
            helper.make_node("Gather", ["table", "ids"], ["looked"]),
            helper.make_node("MatMul", ["looked", "w"], ["out"]),
        ],
        "tiny",
        [helper.make_tensor_value_info("ids", TensorProto.INT64, [None, None])],
        [helper.make_tensor_value_info("out", TensorProto.FLOAT, [None, None, OUT])],
        [numpy_helper.from_array(table, "table"), numpy_helper.from_array(weight, "w")],
    )
    model = helper.make_model(graph, opset_imports=[helper.make_opsetid("", 17)])
    model.ir_version = 8
    return model, table, weight


def test_the_ir_is_written_offline_with_int8_weights_and_computes_the_same(
    tmp_path: Path, no_network: list[Any]
) -> None:
    model, table, weight = _graph()
    fp32 = tmp_path / "fp32.onnx"
    onnx.save(model, str(fp32))
    out = tmp_path / "openvino" / "openvino_model_w8.xml"
    write_openvino_w8(fp32, out)
    assert no_network == []
    # int8 weights: the .bin holds the two matrices in about a quarter of their fp32 bytes
    fp32_bytes = table.nbytes + weight.nbytes
    assert out.with_suffix(".bin").stat().st_size < 0.4 * fp32_bytes
    ir = ov.Core().read_model(str(out))
    assert any(
        op.get_type_name() == "Constant" and op.get_element_type() == ov.Type.i8
        for op in ir.get_ops()
    )
    compiled = ov.Core().compile_model(ir, "CPU", compile_config(1))
    ids = np.array([[1, 5, 9, 63], [0, 2, 2, 7]], dtype=np.int64)
    got = compiled({"ids": ids})[compiled.outputs[0]]
    expected = table[ids] @ weight
    cos = np.sum(got * expected, axis=-1) / (
        np.linalg.norm(got, axis=-1) * np.linalg.norm(expected, axis=-1)
    )
    assert cos.min() > 0.995, cos


def test_compile_settings_are_pinned_and_take_the_thread_count(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    assert compile_config(1) == {**COMPILE_CONFIG, "INFERENCE_NUM_THREADS": "1"}
    assert COMPILE_CONFIG["INFERENCE_PRECISION_HINT"] == "f32"  # not the CPU's bf16 default
    # serving's OMP_NUM_THREADS=1 is for BLAS and torch, not the model's own pool
    monkeypatch.setenv("OMP_NUM_THREADS", "1")
    monkeypatch.setattr(os, "sched_getaffinity", lambda _pid: {0, 1, 2})
    assert compile_config(None)["INFERENCE_NUM_THREADS"] == "3"
    monkeypatch.setattr(os, "sched_getaffinity", lambda _pid: set(range(32)))
    assert compile_config(None)["INFERENCE_NUM_THREADS"] == str(MAX_AUTO_THREADS)
    kwargs = sentence_transformer_kwargs(OPENVINO.file, 1)
    assert kwargs["backend"] == "openvino"
    assert kwargs["model_kwargs"]["file_name"] == OPENVINO.file


def test_lanes_compile_unpinned_so_two_models_use_two_cores(tmp_path: Path) -> None:
    """Each compiled model pins its pool from the first core on unless told not to: `ov-w8`'s
    two one-thread lanes then shared core 0 (bare batches 247 against 494 questions/s).

    Read back in a child process: two compiled models of this tiny IR left in the test process
    crashed it (SIGSEGV) when a later test signalled itself; serving never holds such a model."""
    model, _, _ = _graph()
    fp32 = tmp_path / "fp32.onnx"
    onnx.save(model, str(fp32))
    out = tmp_path / "openvino" / "openvino_model_w8.xml"
    write_openvino_w8(fp32, out)
    probe = (
        "import json, sys\n"
        "from retrieval.model.openvino_export import OvRunner\n"
        "lanes = [OvRunner(sys.argv[1], 1) for _ in range(2)]\n"
        "print(json.dumps([[bool(lane._model.get_property('ENABLE_CPU_PINNING')),\n"
        "  int(lane._model.get_property('INFERENCE_NUM_THREADS'))] for lane in lanes]))\n"
    )
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[2])}
    argv = [sys.executable, "-c", probe, str(out)]
    done = subprocess.run(argv, capture_output=True, text=True, env=env, check=False)
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout.splitlines()[-1]) == [[False, 1], [False, 1]]


def _scratch_with_ir(tmp_path: Path) -> tuple[Path, Path]:
    model_dir, scratch = tmp_path / "model", tmp_path / "scratch"
    (scratch / "openvino").mkdir(parents=True)
    (scratch / OPENVINO.file).write_bytes(b"<net/>")
    (scratch / OPENVINO.file).with_suffix(".bin").write_bytes(b"weights")
    model_dir.mkdir()
    return model_dir, scratch


def test_an_ir_and_its_weights_are_installed_with_their_manifest(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    model_dir, scratch = _scratch_with_ir(tmp_path)
    reference = np.eye(4, dtype=np.float32)
    monkeypatch.setattr(onnx_export, "_variant_vectors", lambda *a: reference * 3)
    worst = onnx_export._install(model_dir, scratch, OPENVINO, {"model_id": "m"}, reference)
    assert worst == pytest.approx(1.0)
    manifest = json.loads((model_dir / OPENVINO.manifest).read_text())
    assert manifest["data_files"] == ["openvino/openvino_model_w8.bin"]
    assert {"openvino", "nncf", "optimum-intel"} <= set(manifest["made_by"])
    assert (model_dir / "openvino" / "openvino_model_w8.bin").read_bytes() == b"weights"


def test_an_ir_that_fails_the_cosine_check_is_not_installed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    model_dir, scratch = _scratch_with_ir(tmp_path)
    reference = np.eye(2, dtype=np.float32)
    monkeypatch.setattr(onnx_export, "_variant_vectors", lambda *a: reference[::-1].copy())
    with pytest.raises(Exception, match="ov-w8 OpenVINO model disagrees with fp32"):
        onnx_export._install(model_dir, scratch, OPENVINO, {"model_id": "m"}, reference)
    assert not (model_dir / "openvino").exists()


def test_every_quantized_backend_has_its_own_variant() -> None:
    assert OPENVINO in VARIANTS
    assert BACKEND_VARIANTS["openvino"] is BACKEND_VARIANTS["ov-w8"] is OPENVINO
    assert set(BACKEND_VARIANTS) | {"torch"} == set(get_args(Backend))
    assert OPENVINO.suffix == "+ov-w8"
    folders = {Path(v.file).parts[0] for v in VARIANTS}
    assert folders == {"onnx", "openvino"}  # kept out of the export's scratch view


def test_backend_setting_accepts_openvino_and_names_a_bad_value(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    for backend in ("openvino", "ov-w8"):
        monkeypatch.setenv("RETRIEVAL__BACKEND", backend)
        assert read_settings(RetrievalSettings).retrieval_config().backend == backend
    monkeypatch.setenv("RETRIEVAL__BACKEND", "OpenVINO")
    with pytest.raises(SettingsError) as info:
        read_settings(RetrievalSettings)
    assert "RETRIEVAL__BACKEND" in str(info.value) and "\n" not in str(info.value)
