"""`python -m bench.storage [--url postgresql://…]`: what storage costs an update, per backend.

Replays what the bot does with its database per question (language read, user, question
log, the question read back by a button, a vote) from `--concurrency` citizens at once, on a
throwaway SQLite file and, with `--url`, a throwaway PostgreSQL schema (dropped afterwards);
prints p50 / p95 / p99 per call and questions per second.
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import tempfile
import time
import uuid
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import AbstractAsyncContextManager, asynccontextmanager
from pathlib import Path
from urllib.parse import urlencode, urlsplit, urlunsplit

from bot.storage import Storage
from bot.storage.postgres import PostgresStorage, migrate_database
from bot.storage.sqlite import SqliteStorage

KEY = "bench-storage-hash-key-0123456789"
CALLS = ("get_language", "ensure_user", "log_question", "get_question", "record_vote")


@asynccontextmanager
async def sqlite_storage() -> AsyncIterator[Storage]:
    with tempfile.TemporaryDirectory() as folder:
        storage = await SqliteStorage.open(Path(folder) / "bench.sqlite3", hash_key=KEY)
        try:
            yield storage
        finally:
            await storage.close()


@asynccontextmanager
async def postgres_storage(url: str) -> AsyncIterator[Storage]:
    import asyncpg

    schema = f"bench_{uuid.uuid4().hex[:12]}"
    admin = await asyncpg.connect(url)
    await admin.execute(f"CREATE SCHEMA {schema}")
    parts = urlsplit(url)
    query = "&".join(filter(None, [parts.query, urlencode({"search_path": schema})]))
    scoped = urlunsplit((parts.scheme, parts.netloc, parts.path, query, ""))
    try:
        await migrate_database(scoped, hash_key=KEY)
        storage = await PostgresStorage.open(scoped, hash_key=KEY)
        try:
            yield storage
        finally:
            await storage.close()
    finally:
        await admin.execute(f"DROP SCHEMA {schema} CASCADE")
        await admin.close()


async def _citizen(
    repo: Storage, citizen: int, questions: int, timings: dict[str, list[float]]
) -> None:
    user = repo.user_key(citizen)

    async def timed(name: str, call: Awaitable[object]) -> object:
        start = time.perf_counter()
        result = await call
        timings[name].append(time.perf_counter() - start)
        return result

    for n in range(questions):
        await timed("get_language", repo.get_language(user))
        await timed("ensure_user", repo.ensure_user(user))
        text = f"вопрос {n}"
        question_id = await timed(
            "log_question", repo.log_question(user, "private", text, True, ["s1", "s2"], 40)
        )
        assert isinstance(question_id, int), "a write was dropped: see the warnings"
        await timed("get_question", repo.get_question(question_id))
        await timed("record_vote", repo.record_vote(question_id, "u"))


async def measure(repo: Storage, concurrency: int, questions: int) -> list[str]:
    timings: dict[str, list[float]] = {name: [] for name in CALLS}
    start = time.perf_counter()
    await asyncio.gather(*(_citizen(repo, c, questions, timings) for c in range(concurrency)))
    elapsed = time.perf_counter() - start
    lines = []
    for name in CALLS:
        cuts = statistics.quantiles(timings[name], n=100)
        lines.append(
            f"  {name:<13} p50 {cuts[49] * 1000:6.2f} ms  p95 {cuts[94] * 1000:6.2f} ms  "
            f"p99 {cuts[98] * 1000:6.2f} ms"
        )
    lines.append(f"  {concurrency * questions / elapsed:.0f} questions/s")
    return lines


async def run(url: str | None, concurrency: list[int], questions: int) -> None:
    Opener = Callable[[], AbstractAsyncContextManager[Storage]]
    backends: list[tuple[str, Opener]] = [("sqlite", sqlite_storage)]
    if url:
        backends.append(("postgres", lambda: postgres_storage(url)))
    for name, opener in backends:
        for level in concurrency:
            async with opener() as repo:
                lines = await measure(repo, level, questions)
            print(f"{name}, {level} concurrent citizens × {questions} questions:")
            print("\n".join(lines))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.storage", description=__doc__)
    parser.add_argument("--url", help="a PostgreSQL database to make a throwaway schema in")
    parser.add_argument("--concurrency", default="1,16", help="comma-separated, e.g. 1,16,50")
    parser.add_argument("--questions", type=int, default=200, help="per citizen")
    args = parser.parse_args(argv)
    levels = [int(part) for part in args.concurrency.split(",") if part]
    asyncio.run(run(args.url, levels, args.questions))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
