"""A bot replica with `RETRIEVAL__URL` opens its services, answers and browses without ever
importing torch or sentence-transformers (checked in a fresh interpreter)."""

from __future__ import annotations

import asyncio
import json
import os
import sys
from pathlib import Path

from retrieval.search import SearchService

REPO_ROOT = Path(__file__).resolve().parents[2]
HEAVY = ("torch", "sentence_transformers", "transformers", "onnxruntime", "retrieval.search")

REPLICA = """
import asyncio, json, sys
from bot.config import load_settings
from bot.serving.runner import open_services
import bot.serving.transport, bot.app, bot.handlers  # everything `atazan run` imports

async def main():
    settings = load_settings()
    async with open_services(settings) as services:
        search = services["search"]
        answer = await search.search("брак и семья", k=3)
        out = {
            "answered": answer.answered,
            "senators": search.senators(),
            "version": search.info().version,
            "admin": "admin" in services,
        }
    out["heavy"] = sorted(m for m in sys.modules if m.split(".")[0] in HEAVY or m in HEAVY)
    print(json.dumps(out))

HEAVY = set(json.loads(sys.argv[1]))
asyncio.run(main())
"""


async def test_a_remote_replica_never_imports_the_model(
    service: SearchService, served: str, tmp_path: Path
) -> None:
    env = {
        **os.environ,
        "RETRIEVAL__URL": f"{served}, http://127.0.0.1:9/",  # a second, dead one is fine
        "DB__PATH": str(tmp_path / "bot.sqlite3"),
        "SECRETS_DIR": str(tmp_path / "secrets"),
        "DATA_DIR": str(tmp_path / "no-data"),  # nothing to load locally: it must not try
    }
    process = await asyncio.create_subprocess_exec(
        sys.executable, "-c", REPLICA, json.dumps(HEAVY),
        cwd=REPO_ROOT, env=env, stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE,
    )  # fmt: skip
    stdout, stderr = await asyncio.wait_for(process.communicate(), timeout=60)
    assert process.returncode == 0, stderr.decode()
    out = json.loads(stdout.decode().strip().splitlines()[-1])
    assert out == {
        "answered": True,
        "senators": service.senators(),
        "version": "v-one",
        "admin": False,  # corpus changes belong to the retrieval service
        "heavy": [],
    }
