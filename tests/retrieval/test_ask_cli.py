"""The `atazan ask --json` contract, through the real command and the prepared data."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.servers import require_prepared

pytestmark = pytest.mark.model
REPO = Path(__file__).resolve().parents[2]
DATA = Path(os.environ.get("DATA_DIR", REPO / "data"))


def test_ask_json_reads_stdin_line_by_line() -> None:
    require_prepared(DATA)
    env = {**os.environ, "DATA_DIR": str(DATA), "HF_HUB_OFFLINE": "1"}
    out = subprocess.run(
        [sys.executable, "-m", "bot.cli", "ask", "--json", "--k", "2", "-"],
        input="Что говорила Рысбекова?\nКак сварить плов?\n",
        capture_output=True, text=True, env=env, cwd=REPO, timeout=120, check=True,
    )  # fmt: skip
    first, second = (json.loads(line) for line in out.stdout.splitlines())
    assert first["answered"] and len(first["hits"]) == 2
    hit = first["hits"][0]
    # the contract: fields may be added (roles, source url, sources), never renamed or removed
    assert set(hit) == {"statement_id", "kind", "text", "speakers", "themes", "meeting", "source",
                        "score", "roles", "sources"}  # fmt: skip
    assert set(hit["meeting"]) == {"id", "date", "senators", "place", "audience"}
    assert set(hit["source"]) == {"document_id", "title", "url"}
    assert all(isinstance(s, str) for s in hit["speakers"])  # names; roles in their own field
    assert set(hit["roles"]) <= set(hit["speakers"])
    assert hit["meeting"]["date"] == "2026-03-05"
    assert hit["sources"][0] == hit["source"]
    assert second == {
        "query": "Как сварить плов?",
        "answered": False,
        "hits": [],
        "silent": [],
        "general": False,
        "language": "ru",
    }


def test_ask_prints_the_bots_wording_without_importing_aiogram() -> None:
    """aiogram costs `atazan ask` 1.5–7 s and ~100 MB of start-up; answering needs none of it."""
    require_prepared(DATA)
    env = {**os.environ, "DATA_DIR": str(DATA), "HF_HUB_OFFLINE": "1"}
    code = (
        "import sys\n"
        "from bot.cli import main\n"
        "status = main(['ask', '--k', '1', 'Что говорила Рысбекова?'])\n"
        "print('aiogram', sorted(m for m in sys.modules if m.split('.')[0] == 'aiogram'))\n"
        "sys.exit(status)\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True, text=True, env=env, cwd=REPO, timeout=120, check=True,
    )  # fmt: skip
    lines = out.stdout.splitlines()
    assert lines[-1] == "aiogram []"
    assert lines[0].startswith("1. ") and any(line.startswith("  │ ") for line in lines)
    assert any(line.startswith("📄 ") for line in lines)
