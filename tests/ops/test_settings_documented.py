"""Every setting of both sides has a row in the README's configuration table."""

from __future__ import annotations

import re
from pathlib import Path

from pydantic import BaseModel

from bot.config import Settings

README = Path(__file__).resolve().parents[2] / "README.md"


def env_names(model: type[BaseModel], prefix: str = "") -> list[str]:
    names: list[str] = []
    for field, info in model.model_fields.items():
        kind = info.annotation
        if isinstance(kind, type) and issubclass(kind, BaseModel):
            names += env_names(kind, f"{prefix}{field.upper()}__")
        else:
            names.append(f"{prefix}{field.upper()}")
    return names


def test_every_setting_is_in_the_readme_table() -> None:
    rows = [line for line in README.read_text("utf-8").splitlines() if line.startswith("| `")]
    documented = {name for row in rows for name in re.findall(r"`([A-Z_]+)`", row.split("|")[1])}
    missing = [name for name in env_names(Settings) if name not in documented]
    assert missing == []


def test_the_walk_sees_nested_sections() -> None:
    names = env_names(Settings)
    assert {"BOT__TOKEN", "RETRIEVAL__TOKEN_BUDGET", "DATA_DIR"} <= set(names)
