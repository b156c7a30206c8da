"""`python -m bench.storage`: prints every call's percentiles per backend, leaves nothing behind."""

from __future__ import annotations

import asyncio

import asyncpg
import pytest

from bench.storage import CALLS, main


async def test_prints_each_backend_and_drops_its_schema(
    postgres_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    args = ["--url", postgres_url, "--concurrency", "1,3", "--questions", "4"]
    assert await asyncio.to_thread(main, args) == 0
    out = capsys.readouterr().out
    for heading in ("sqlite, 1 concurrent", "sqlite, 3 concurrent", "postgres, 3 concurrent"):
        assert f"{heading} citizens × 4 questions:" in out
    assert out.count("questions/s") == 4
    for call in CALLS:
        assert out.count(f"  {call} ") == 4
    conn = await asyncpg.connect(postgres_url)
    try:
        left = await conn.fetchval(
            "SELECT COUNT(*) FROM information_schema.schemata WHERE schema_name LIKE 'bench_%'"
        )
    finally:
        await conn.close()
    assert left == 0
