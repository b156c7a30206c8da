"""Corpus version propagation across replicas: `python -m bench.propagation`.

N in-process "replicas" (each its own SearchService, corpus admin, Redis client, feed and
follower; one embedding model loaded once and shared, as N processes would each load the same)
share one temp DATA_DIR (the shared volume; the repo's `data/` is the read-only built-in one)
and one Redis. Replica 0 publishes a new release through CorpusOps (Redis lock, announce);
propagation = announcement → every other replica serving the new version. Prints one line
per publish and a summary; Redis db 2 unless `--redis` says otherwise (it is flushed).
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import tempfile
import time
from pathlib import Path

from bot.config import load_settings
from bot.services.corpus_ops import CorpusOps
from bot.shared.redis_state import RedisChangeLock
from bot.storage.sqlite import SqliteStorage
from retrieval.admin import CorpusAdmin
from retrieval.bundles import SharedDirBundles
from retrieval.follow import VersionFollower
from retrieval.model.st_embedder import load_embedder
from retrieval.rebuild import open_live
from retrieval.redis_feed import RedisVersionFeed, redis_client
from retrieval.search import SearchService

# Invented senators and places: a release in the shape the ingestion reads.
RELEASE = """date 2026-04-{day:02d}
В городе Жаңаауыл сенатор Бекзат Оралов{n} встретился с учителями школы №{n}.

– Конституция гарантирует каждому ребёнку бесплатное среднее образование, – подчеркнул \
Бекзат Оралов{n}.
"""


async def run(replicas: int, publishes: int, redis_url: str) -> list[float]:
    settings = load_settings()
    base = settings.retrieval_config()
    with tempfile.TemporaryDirectory(prefix="atazan-propagation-") as tmp:
        config = base.model_copy(
            update={"data_dir": Path(tmp) / "shared", "builtin_data_dir": base.data_dir}
        )
        started = time.perf_counter()
        embedder = load_embedder(config)
        opened = open_live(config, embedder)
        print(f"model + version {opened.version} loaded in {time.perf_counter() - started:.1f} s")
        flush = redis_client(redis_url)
        await flush.flushdb()
        await flush.aclose()
        services, admins, clients, followers = [], [], [], []
        arrived: dict[str, list[float]] = {}
        swapped = asyncio.Event()
        for _ in range(replicas):
            service = SearchService(opened.snapshot, embedder, opened.resources)
            service.version = opened.version
            client = redis_client(redis_url)
            feed = RedisVersionFeed(client, "bench")

            def on_swap(version: str, delay_s: float) -> None:
                arrived.setdefault(version, []).append(delay_s)
                swapped.set()

            follower = VersionFollower(
                service, SharedDirBundles(config.data_dir), feed, on_swap=on_swap
            )
            await follower.start()
            services.append(service)
            admins.append(CorpusAdmin(service, config))
            clients.append(client)
            followers.append(follower)
        repo = await SqliteStorage.open(
            Path(tmp) / "bench.sqlite3", hash_key="bench-key-0123456789", retention_days=1
        )
        feed0 = RedisVersionFeed(clients[0], "bench")
        ops = CorpusOps(admins[0], repo, None, RedisChangeLock(clients[0], "bench"), feed0.announce)
        worst: list[float] = []
        try:
            for n in range(1, publishes + 1):
                data = RELEASE.format(day=n, n=n).encode()
                t0 = time.perf_counter()
                report = await ops.publish(1, f"bench-{n}.txt", data)
                built = time.perf_counter() - t0
                async with asyncio.timeout(60):
                    while len(arrived.get(report.version, [])) < replicas - 1:
                        await swapped.wait()
                        swapped.clear()
                delays = arrived[report.version]
                worst.append(max(delays))
                print(
                    f"publish {n}: built+sealed+swapped on replica 0 in {built:.2f} s; "
                    f"version {report.version} on {replicas - 1} more replicas after "
                    f"{', '.join(f'{d * 1000:.0f}' for d in sorted(delays))} ms"
                )
        finally:
            for follower in followers:
                await follower.stop()
            for admin in admins:
                await admin.close()
            for service in services:
                await service.close()
            for client in clients:
                await client.aclose()
            await repo.close()
        return worst


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--replicas", type=int, default=2)
    parser.add_argument("--publishes", type=int, default=5)
    parser.add_argument("--redis", default="redis://127.0.0.1:6379/2")
    args = parser.parse_args()
    worst = asyncio.run(run(args.replicas, args.publishes, args.redis))
    print(
        f"propagation (announce → all {args.replicas - 1} followers serving), "
        f"{len(worst)} publishes: median {statistics.median(worst) * 1000:.0f} ms, "
        f"max {max(worst) * 1000:.0f} ms"
    )


if __name__ == "__main__":
    main()
