"""The prepared directory's manifest and files: read by the loaders, the exports and the index."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any

from retrieval.errors import ModelPrepError

MANIFEST_NAME = "atazan-model.json"
MANIFEST_FORMAT = 1
REQUIRED_FILES = ("config.json", "model.safetensors", "tokenizer.json", "modules.json")


def read_json(path: Path) -> Any:
    """A JSON file of a prepared directory; `ModelPrepError` if missing or unreadable."""
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ModelPrepError(f"{path} is missing") from None
    except (OSError, ValueError) as exc:
        raise ModelPrepError(f"{path} is unreadable: {exc}") from None


def read_manifest(model_dir: Path) -> dict[str, Any]:
    """The manifest of a prepared directory; `ModelPrepError` says what is wrong with it."""
    path = model_dir / MANIFEST_NAME
    if not model_dir.is_dir():
        raise ModelPrepError(f"{model_dir} does not exist")
    data = read_json(path)
    if not isinstance(data, dict) or data.get("format") != MANIFEST_FORMAT:
        raise ModelPrepError(f"{path} has an unknown format")
    for key, kind in (("model_id", str), ("dim", int), ("source", dict)):
        if not isinstance(data.get(key), kind):
            raise ModelPrepError(f"{path} lacks a valid {key!r}")
    missing = [name for name in REQUIRED_FILES if not (model_dir / name).is_file()]
    if missing:
        raise ModelPrepError(f"{model_dir} is incomplete: missing {', '.join(missing)}")
    return data


def sha256_file(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()
