"""The `openvino` backend: sentence-transformers' OpenVINO backend (optimum-intel) on an IR whose
weights nncf stored as int8.

`atazan model prepare` makes the file from the same fp32 ONNX export the int8 ONNX files come from
(one torch trace for all of them): OpenVINO reads the ONNX graph, `nncf.compress_weights` stores
every MatMul and embedding weight as int8 with a scale per output channel (symmetric), and the IR
is saved beside the ONNX files. Serving compiles it with the settings below, which are the ones its
quality was verified with. Heavy imports happen inside functions.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import numpy as np

# Pinned, never left to a version's or a CPU's default:
# - f32 arithmetic: on a CPU with AMX the plugin's default is bf16, which was slower here (the
#   int8 weights are widened per call) and is not what the quality check measured;
# - activations quantized to int8 per group of 32 values inside the int8-weight matrix products
#   (the plugin's default on x86 today): ~1.8× faster than f32 activations, cosine 0.9998;
# - one stream tuned for latency: one batch at a time, on `intra_op_threads` threads;
# - threads not pinned to cores: each compiled model pins its pool from the first core on, so
#   `ov-w8`'s two one-thread lanes (two compiled models) both ran on core 0 — bare batches of 32
#   questions 247 q/s pinned, 494 unpinned, one question alone 7.2 ms either way.
COMPILE_CONFIG = {
    "INFERENCE_PRECISION_HINT": "f32",
    "DYNAMIC_QUANTIZATION_GROUP_SIZE": "32",
    "PERFORMANCE_HINT": "LATENCY",
    "NUM_STREAMS": "1",
    "ENABLE_CPU_PINNING": "NO",
}


def compile_config(threads: int | None) -> dict[str, str]:
    """The plugin settings; its pool has as many threads as onnxruntime's would."""
    from retrieval.model.ort_embedder import intra_op_threads

    config = dict(COMPILE_CONFIG)
    config["INFERENCE_NUM_THREADS"] = str(intra_op_threads(threads))
    return config


def sentence_transformer_kwargs(file: str, threads: int | None = None) -> dict[str, Any]:
    """`SentenceTransformer(path, **these)` loads the IR `file` (relative to the model dir).

    Offline, optimum-intel first probes the hub cache, fails, and warns on stderr before loading
    the local file as asked; that warning is silenced (it would break one-line start-up output).
    """
    import logging

    logging.getLogger("optimum.intel").setLevel(logging.ERROR)
    return {
        "backend": "openvino",
        "model_kwargs": {"file_name": file, "ov_config": compile_config(threads)},
    }


def _no_telemetry() -> None:
    """nncf reports each call to an analytics service unless told it runs in CI (read at its
    import); nothing here may touch the network, so its reporter is replaced by its own stub."""
    os.environ.setdefault("NNCF_CI", "1")
    from nncf.telemetry import decorator, wrapper

    decorator.telemetry = wrapper.NNCFTelemetryStub()


def write_openvino_w8(fp32_onnx: Path, out: Path) -> None:
    """`out` (the IR's .xml) and its .bin from the fp32 ONNX export, weights int8.

    `Core.read_model` rather than `openvino.convert_model`: the converter reports to an analytics
    service too, the runtime reader does not.
    """
    _no_telemetry()
    import logging

    import nncf
    import openvino as ov

    logging.getLogger("nncf").setLevel(logging.ERROR)
    model = ov.Core().read_model(str(fp32_onnx))
    compressed = nncf.compress_weights(model, mode=nncf.CompressWeightsMode.INT8_SYM)
    out.parent.mkdir(parents=True, exist_ok=True)
    ov.save_model(compressed, str(out), compress_to_fp16=False)


class OvRunner:
    """The IR compiled by OpenVINO's CPU plugin with `compile_config`: the `ov-w8` backend's
    runtime under `OrtEmbedder`'s tokenizer and pooling (no torch, transformers or
    sentence-transformers: a test holds its vectors equal to the `openvino` backend's)."""

    def __init__(self, path: str, threads: int | None) -> None:
        import openvino as ov

        self._model = ov.Core().compile_model(path, "CPU", compile_config(threads))
        self._request = self._model.create_infer_request()
        self.inputs: set[str] = {name for port in self._model.inputs for name in port.get_names()}
        self._output = self._model.outputs[0]
        self.dim = int(self._output.get_partial_shape()[-1].get_length())

    def __call__(self, feeds: dict[str, np.ndarray]) -> np.ndarray:
        # infer copies the output out of the request (share_outputs=False): the next call may
        # reuse the request's buffer
        return np.asarray(self._request.infer(feeds)[self._output])
