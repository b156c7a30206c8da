"""`atazan run` without its corpus, model or index: exit 2 and exactly one line on stderr that
names the command preparing what is missing (no traceback, no library chatter)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from retrieval.config import DEFAULT_MODEL
from tests.servers import missing

REPO = Path(__file__).resolve().parents[2]
TOKEN = "123456:AAE-Test-Token-Not-Real_abcdefghijklmn"
PREPARED_MODEL = REPO / "data" / "models" / DEFAULT_MODEL


def _run(data_dir: Path) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("BOT__", "DB__", "HTTP__"))}
    env.update(
        {
            "BOT__TOKEN": TOKEN,
            "BOT__API_BASE": "http://127.0.0.1:9",  # never reached: start-up fails first
            "DATA_DIR": str(data_dir),
            "DB__PATH": str(data_dir / "bot.sqlite3"),
            # A fixed key: otherwise the first run generates one and warns on a second line.
            "DB__HASH_KEY": "startup-test-key-0123456789",
            "HTTP__ENABLED": "false",
            "HF_HUB_OFFLINE": "1",
        }
    )
    env.pop("RETRIEVAL__MODEL", None)
    return subprocess.run(
        [sys.executable, "-m", "bot.cli", "run"],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def _assert_one_line(result: subprocess.CompletedProcess[str], command: str) -> None:
    assert result.returncode == 2, result.stderr
    lines = result.stderr.splitlines()
    assert len(lines) == 1, result.stderr
    assert f"`{command}`" in lines[0]
    assert "Traceback" not in result.stdout + result.stderr


def test_empty_data_dir_names_corpus_build(tmp_path: Path) -> None:
    _assert_one_line(_run(tmp_path), "atazan corpus build")


def test_missing_model_names_model_prepare(tmp_path: Path) -> None:
    (tmp_path / "corpus.json").write_text('{"documents": [], "meetings": []}', encoding="utf-8")
    _assert_one_line(_run(tmp_path), "atazan model prepare")


@pytest.mark.model
def test_missing_index_names_index_build(tmp_path: Path) -> None:
    if not (PREPARED_MODEL / "config.json").is_file():
        missing("the model is not prepared: run `atazan model prepare`")
    (tmp_path / "corpus.json").write_text('{"documents": [], "meetings": []}', encoding="utf-8")
    (tmp_path / "models").mkdir()
    (tmp_path / "models" / DEFAULT_MODEL).symlink_to(PREPARED_MODEL, target_is_directory=True)
    _assert_one_line(_run(tmp_path), "atazan index build")
