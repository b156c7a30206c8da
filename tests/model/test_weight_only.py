"""The weight-only rewrite on small graphs: same outputs as fp32 within tolerance, lookups that
never dequantize the whole matrix, refusal of graphs it does not understand and of files that fail
the cosine check, and the backend's selection (fast: no real model)."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest

from retrieval.config import Backend, RetrievalConfig
from retrieval.errors import ModelMissingError, ModelPrepError
from retrieval.model import onnx_export
from retrieval.model.onnx_export import DYNAMIC, VARIANTS, WEIGHT_ONLY
from retrieval.model.weight_only import (
    INT8_SUFFIX,
    RewriteError,
    quantize_embedding_rows,
    quantize_matmul_weights,
    row_quantize,
    write_weight_only,
)
from retrieval.settings import RetrievalSettings, read_settings

onnx = pytest.importorskip("onnx")
ort = pytest.importorskip("onnxruntime")
from onnx import TensorProto, helper, numpy_helper  # noqa: E402

VOCAB, DIM, OUT = 200, 16, 8  # the int8 table over onnx's 1 kB external-data threshold


def _graph(seed: int = 0, extra_use: bool = False) -> onnx.ModelProto:
    """ids → Gather(embeddings) → MatMul(W) + the raw lookup: a BERT embedding in miniature."""
    rng = np.random.default_rng(seed)
    table = rng.normal(0, 1, (VOCAB, DIM)).astype(np.float32)
    table[3] = 0.0  # an all-zero row (padding) must survive
    table[7] *= 40.0  # rows of very different size each keep their own precision
    weight = rng.normal(0, 0.2, (DIM, OUT)).astype(np.float32)
    nodes = [
        helper.make_node("Gather", ["emb", "ids"], ["looked"], name="lookup"),
        helper.make_node("MatMul", ["looked", "w"], ["projected"], name="proj"),
    ]
    outputs = [
        helper.make_tensor_value_info("looked", TensorProto.FLOAT, None),
        helper.make_tensor_value_info("projected", TensorProto.FLOAT, None),
    ]
    if extra_use:  # the matrix used as something other than a lookup table
        nodes.append(helper.make_node("Identity", ["emb"], ["whole"]))
        outputs.append(helper.make_tensor_value_info("whole", TensorProto.FLOAT, None))
    graph = helper.make_graph(
        nodes,
        "tiny",
        [helper.make_tensor_value_info("ids", TensorProto.INT64, [None, None])],
        outputs,
        [numpy_helper.from_array(table, "emb"), numpy_helper.from_array(weight, "w")],
    )
    return helper.make_model(graph, opset_imports=[helper.make_opsetid("", 18)])


def _run(model: onnx.ModelProto, ids: np.ndarray) -> list[np.ndarray]:
    session = ort.InferenceSession(model.SerializeToString(), providers=["CPUExecutionProvider"])
    return [np.asarray(x) for x in session.run(None, {"ids": ids})]


IDS = np.array([[1, 3, 7, 49], [0, 2, 2, 7]], dtype=np.int64)


def test_rows_are_quantized_with_their_own_scale() -> None:
    matrix = np.array([[0.0, 0.0], [1.0, -0.5], [200.0, 3.0]], dtype=np.float32)
    q, scale = row_quantize(matrix)
    assert q.dtype == np.int8 and scale.dtype == np.float32
    assert np.allclose(q * scale[:, None], matrix, atol=scale.max() / 2 + 1e-6)
    assert q[0].tolist() == [0, 0] and scale[0] == 1.0
    assert abs(int(q[2, 0])) == 127 and abs(int(q[1, 0])) == 127  # each row spans the full range


def test_embedding_rewrite_gives_the_fp32_lookups_within_tolerance() -> None:
    model = _graph()
    before = _run(model, IDS)
    assert quantize_embedding_rows(model, "emb") == 1
    after = _run(model, IDS)
    assert [a.shape for a in after] == [b.shape for b in before]
    # a scale per row: each looked-up row is within half a step of its own largest value
    step = np.abs(before[0]).max(axis=-1, keepdims=True) / 127
    assert np.all(np.abs(before[0] - after[0]) <= step * 0.51 + 1e-7)
    assert not after[0][0, 1].any()  # the zero row stays zero
    a, b = before[1].reshape(-1, OUT), after[1].reshape(-1, OUT)
    live = np.linalg.norm(a, axis=1) > 0  # the zero row projects to zero on both sides
    cos = (
        np.sum(a * b, axis=1)[live] / (np.linalg.norm(a, axis=1) * np.linalg.norm(b, axis=1))[live]
    )
    assert cos.min() > 0.999


def test_int8_matrix_is_only_gathered_never_dequantized_whole() -> None:
    model = _graph()
    quantize_embedding_rows(model, "emb")
    inits = {i.name: i for i in model.graph.initializer}
    assert "emb" not in inits and inits["emb" + INT8_SUFFIX].data_type == TensorProto.INT8
    users = [n for n in model.graph.node if "emb" + INT8_SUFFIX in n.input]
    assert [n.op_type for n in users] == ["Gather"]
    assert not any(n.op_type == "DequantizeLinear" for n in model.graph.node)


def test_matmul_weights_rewrite_stays_close() -> None:
    model = _graph()
    before = _run(model, IDS)[1]
    assert quantize_matmul_weights(model) == 1
    assert any(n.op_type == "DequantizeLinear" for n in model.graph.node)
    after = _run(model, IDS)[1]
    assert np.allclose(before, after, atol=float(np.abs(before).max()) / 50)


def test_a_matrix_used_otherwise_is_refused_and_left_alone() -> None:
    model = _graph(extra_use=True)
    untouched = model.SerializeToString()
    with pytest.raises(RewriteError, match="other than a Gather"):
        quantize_embedding_rows(model, "emb")
    assert model.SerializeToString() == untouched
    with pytest.raises(RewriteError, match="no initializer"):
        quantize_embedding_rows(_graph(), "missing")


def test_written_file_keeps_its_tensors_beside_the_graph(tmp_path: Path) -> None:
    model = _graph()
    model.graph.initializer[0].name = "embeddings.word_embeddings.weight"
    model.graph.node[0].input[0] = "embeddings.word_embeddings.weight"
    fp32 = tmp_path / "fp32.onnx"
    onnx.save(model, str(fp32))
    out = tmp_path / "onnx" / "model_w8.onnx"
    write_weight_only(fp32, out)
    assert (out.parent / "model_w8.onnx.data").stat().st_size >= VOCAB * DIM  # the int8 table
    assert out.stat().st_size < 4096  # the graph alone
    session = ort.InferenceSession(str(out), providers=["CPUExecutionProvider"])
    looked = session.run(None, {"ids": IDS})[0]
    assert np.allclose(looked, _run(_graph(), IDS)[0], atol=0.5)


def _scratch_with_file(tmp_path: Path) -> tuple[Path, Path]:
    model_dir, scratch = tmp_path / "model", tmp_path / "scratch"
    (scratch / "onnx").mkdir(parents=True)
    (scratch / WEIGHT_ONLY.file).write_bytes(b"graph")
    (scratch / (WEIGHT_ONLY.file + ".data")).write_bytes(b"data")
    model_dir.mkdir()
    return model_dir, scratch


def test_a_file_that_fails_the_cosine_check_is_not_installed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    model_dir, scratch = _scratch_with_file(tmp_path)
    reference = np.eye(4, dtype=np.float32)
    off = reference.copy()
    off[2] = [0.0, 0.9, 0.44, 0.0]  # cosine 0.44 with its reference row
    monkeypatch.setattr(onnx_export, "_variant_vectors", lambda *a: off)
    with pytest.raises(ModelPrepError, match="disagrees with fp32"):
        onnx_export._install(model_dir, scratch, WEIGHT_ONLY, {"model_id": "m"}, reference)
    assert not (model_dir / "onnx").exists()


def test_a_passing_file_is_installed_with_its_data_and_manifest(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    model_dir, scratch = _scratch_with_file(tmp_path)
    reference = np.eye(4, dtype=np.float32)
    monkeypatch.setattr(onnx_export, "_variant_vectors", lambda *a: reference * 2)
    worst = onnx_export._install(model_dir, scratch, WEIGHT_ONLY, {"model_id": "m"}, reference)
    assert worst == pytest.approx(1.0)
    manifest = json.loads((model_dir / WEIGHT_ONLY.manifest).read_text())
    assert manifest["data_files"] == [WEIGHT_ONLY.file + ".data"]
    assert (model_dir / WEIGHT_ONLY.file).read_bytes() == b"graph"


def test_a_file_that_does_not_run_is_refused_in_one_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    model_dir, scratch = _scratch_with_file(tmp_path)

    def broken(*args: object) -> np.ndarray:
        raise RuntimeError("[ONNXRuntimeError] bad graph\nmore detail")

    monkeypatch.setattr(onnx_export, "_variant_vectors", broken)
    with pytest.raises(ModelPrepError, match="does not run: RuntimeError") as info:
        onnx_export._install(model_dir, scratch, WEIGHT_ONLY, {}, np.eye(2, dtype=np.float32))
    assert "\n" not in str(info.value)


def test_variants_have_distinct_files_and_model_ids() -> None:
    assert len({v.file for v in VARIANTS}) == len({v.suffix for v in VARIANTS}) == len(VARIANTS)
    assert DYNAMIC.suffix == "+qint8" and WEIGHT_ONLY.suffix == "+w8"


def test_backend_setting_accepts_ort_w8_and_refuses_others(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("RETRIEVAL__BACKEND", "ort-w8")
    assert read_settings(RetrievalSettings).retrieval_config().backend == "ort-w8"
    monkeypatch.setenv("RETRIEVAL__BACKEND", "int4")
    with pytest.raises(Exception, match="RETRIEVAL__BACKEND"):
        read_settings(RetrievalSettings)


@pytest.mark.parametrize(
    ("backend", "export"),
    [("ort-w8", "w8 ONNX"), ("openvino", "ov-w8 OpenVINO"), ("ov-w8", "ov-w8 OpenVINO")],
)
def test_a_backend_without_its_export_says_how_to_make_it(
    tmp_path: Path, backend: Backend, export: str
) -> None:
    from retrieval.model.manifest import MANIFEST_FORMAT, MANIFEST_NAME, REQUIRED_FILES
    from retrieval.model.st_embedder import load_embedder

    config = RetrievalConfig(data_dir=tmp_path, backend=backend)
    model_dir = config.prepared_model_dir
    model_dir.mkdir(parents=True)
    for name in REQUIRED_FILES:
        (model_dir / name).write_text("{}")
    (model_dir / MANIFEST_NAME).write_text(
        json.dumps({"format": MANIFEST_FORMAT, "model_id": "m", "dim": 384, "source": {}})
    )
    with pytest.raises(ModelMissingError) as info:
        load_embedder(config)
    message = str(info.value)
    assert f"no {export} export for RETRIEVAL__BACKEND={backend}" in message
    assert "atazan model prepare" in message and "\n" not in message
