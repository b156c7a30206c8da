"""`atazan bench --load --replicas N`: the simulated citizens through nginx to N webhook
replicas (see `cluster`), with Telegram's redelivery played by `telegram.WebhookClient`, while
a replica is SIGKILLed, a new corpus version is published, PostgreSQL or Redis restarts."""

from __future__ import annotations

import asyncio
import os
import re
import shutil
import time
from collections import Counter
from collections.abc import Awaitable, Callable
from dataclasses import asdict, dataclass
from typing import Any

import aiohttp

from bench.load.cluster import (
    ADMIN_TOKEN,
    SECRET,
    Cluster,
    Service,
    cluster_missing_reason,
    running_cluster,
)
from bench.load.drive import Sample, UserResult, now_ms, run_user
from bench.load.load import (
    HANDLER_MS,
    SEARCH_MS,
    WARMUP,
    LoadBenchError,
    LoadOptions,
    copy_data_dir,
    prepare_run,
    resolve,
)
from bench.load.processes import FAKE_TOKEN, machine_cpu
from bench.load.replica_report import (
    count_duplicates,
    mid_question,
    seen_in_window,
)
from bench.load.report import summarise
from bench.load.scenario import Question, latency_summary, plan_users
from bench.load.servers import PrivateServer
from bench.load.telegram import WebhookClient
from bench.propagation import RELEASE

Clock = Callable[[], Awaitable[float]]
PROPAGATION_TIMEOUT_S = 60.0
_WARNING = re.compile(r" WARNING ([\w.]+): ")
KILL_WINDOW_MS = 10_000.0  # "what citizens saw" after a kill: this long, or until it is back


@dataclass(frozen=True)
class ReplicaEvents:
    """What happens to the deployment mid-load (seconds after the citizens start)."""

    replicas: int = 3
    kill_one_at_s: float | None = None
    revive_after_s: float | None = None
    reload_at_s: float | None = None
    restart_postgres_at_s: float | None = None
    restart_redis_at_s: float | None = None
    outage_s: float = 5.0  # how long a restarted server stays down


def run_replicas(
    options: LoadOptions, events: ReplicaEvents, log: Callable[[str], None] = print
) -> dict[str, Any]:
    """Start everything, run the citizens and the events, return the report."""
    reason = cluster_missing_reason()
    questions, workdir = prepare_run(options, reason, "atazan-replicas-")
    try:
        data_dir = workdir / "data"
        copy_data_dir(resolve(options.data_dir), data_dir)
        log(f"work dir {workdir}")
        with running_cluster(
            events.replicas, data_dir, resolve(options.corpus_dir), workdir,
            options.start_timeout_s, log,
        ) as cluster:  # fmt: skip
            report = asyncio.run(_measure(cluster, options, events, questions, log))
    except RuntimeError as exc:  # a piece did not start: one line for the operator
        raise LoadBenchError(str(exc)) from None
    finally:
        if not options.keep:
            shutil.rmtree(workdir, ignore_errors=True)
    report["params"] = {
        **{k: v for k, v in asdict(options).items() if k not in ("data_dir", "corpus_dir")},
        **asdict(events),
        "question_files": [str(p) for p in options.question_files],
        "py_spy": None,
        "workdir": str(workdir) if options.keep else None,
    }
    return report


async def _measure(
    cluster: Cluster,
    options: LoadOptions,
    events: ReplicaEvents,
    questions: list[Question],
    log: Callable[[str], None],
) -> dict[str, Any]:
    client = WebhookClient(
        cluster.emulator.base_url, FAKE_TOKEN, cluster.hook, SECRET, options.reply_timeout_s
    )
    async with client, aiohttp.ClientSession() as http:
        for index in range(len(cluster.replicas) + len(WARMUP)):  # each replica, the model
            text, lang = WARMUP[index % len(WARMUP)]
            await client.user(9_000_000 - index, language_code=lang).ask(text, timeout=60)
        plans = plan_users(
            questions, users=options.users, per_user=options.per_user, gap_s=options.gap_s,
            spread_s=options.spread_s, seed=options.seed,
        )  # fmt: skip
        marks = {r.name: r.log_size() for r in cluster.replicas}  # after the warm-up
        log(f"{len(plans)} users start; deliveries through {cluster.hook}")
        machine_before = machine_cpu()
        t0 = await now_ms(client)

        async def clock() -> float:
            return await now_ms(client) - t0

        jobs: dict[str, asyncio.Task[dict[str, Any]]] = {}
        if events.kill_one_at_s is not None:
            jobs["kill"] = asyncio.create_task(
                _kill(cluster.replicas[0], clock, events, options.start_timeout_s, log)
            )
        if events.reload_at_s is not None:
            jobs["reload"] = asyncio.create_task(
                _publish(cluster, http, clock, events.reload_at_s, log)
            )
        for name, server, at_s in (
            ("postgres_restart", cluster.postgres, events.restart_postgres_at_s),
            ("redis_restart", cluster.redis, events.restart_redis_at_s),
        ):
            if at_s is not None:
                jobs[name] = asyncio.create_task(
                    _restart(server, clock, at_s, events.outage_s, log)
                )
        results: list[UserResult] = await asyncio.gather(
            *(run_user(client, plan, options.reply_timeout_s, t0) for plan in plans)
        )
        done = {name: await job for name, job in jobs.items()}
        await client.settle(options.reply_timeout_s)
        await asyncio.sleep(1.0)  # a duplicate sent late is counted too
        await client.sync()
        machine_after = machine_cpu()
        samples: list[Sample] = [s for r in results for s in r.samples]
        asked = Counter(s.user_id for s in samples)
        duplicates = count_duplicates({u: client.events(u) for u in asked}, asked)
        deliveries = client.stats()
    failures = [f for r in results for f in r.failures]
    report = summarise(samples, failures, None, None)
    report["duplicates"] = duplicates
    report["deliveries"] = asdict(deliveries)
    reload = done.get("reload")
    window = (reload["start_ms"], reload["end_ms"]) if reload else (float("inf"),) * 2
    judged = mid_question(samples, *window)
    report["changed_mid_question"] = judged.changed
    report["unjudged_mid_question"] = judged.unjudged
    for name, result in done.items():
        result["seen"] = seen_in_window(samples, result.pop("start_ms"), result.pop("end_ms"))
        report[name] = result
    lines = [x for r in cluster.replicas for x in r.log_lines(marks[r.name])]
    # The replicas' own view (update in → handled) beside the citizens' (through nginx).
    report["bot_handler_ms"] = latency_summary(
        [float(m) for x in lines for m in HANDLER_MS.findall(x)]
    )
    report["bot_search_ms"] = latency_summary(
        [float(m) for x in lines for m in SEARCH_MS.findall(x)]
    )
    report["log_warnings"] = dict(Counter(m.group(1) for x in lines if (m := _WARNING.search(x))))
    report["replicas"] = [_process(r) for r in cluster.replicas]
    report["retrieval"] = _process(cluster.retrieval)
    busy = machine_after[0] - machine_before[0]
    report["machine"] = {
        "cpus": os.cpu_count(),
        "busy_pct": round(100 * busy / (machine_after[1] - machine_before[1] or 1), 1),
    }
    errors = [e for s in (*cluster.replicas, cluster.retrieval) for e in s.log_errors()]
    report["errors"] = [*failures[:10], *errors[:10]]
    return report


def _process(service: Service) -> dict[str, Any]:
    return {
        "name": service.name,
        "peak_rss_mib": round(service.peak_kib() / 1024, 1),
        "starts": service.starts,
        "alive": service.alive(),
        "log_errors": len(service.log_errors()),
    }


async def _kill(
    victim: Service,
    clock: Clock,
    events: ReplicaEvents,
    start_timeout_s: float,
    log: Callable[[str], None],
) -> dict[str, Any]:
    """SIGKILL one replica (nginx passes its updates to the others); maybe start it again."""
    assert events.kill_one_at_s is not None
    await asyncio.sleep(events.kill_one_at_s)
    start = await clock()
    victim.kill()
    log(f"{start / 1000:.1f} s: SIGKILL {victim.name}")
    result: dict[str, Any] = {"replica": victim.name, "at_s": round(start / 1000, 1)}
    end = start + KILL_WINDOW_MS
    if events.revive_after_s is not None:
        await asyncio.sleep(events.revive_after_s)
        victim.start()
        await asyncio.to_thread(victim.wait_healthy, start_timeout_s)
        end = await clock()
        result["back_at_s"] = round(end / 1000, 1)
    return result | {"start_ms": start, "end_ms": end}


async def _publish(
    cluster: Cluster,
    http: aiohttp.ClientSession,
    clock: Clock,
    at_s: float,
    log: Callable[[str], None],
) -> dict[str, Any]:
    """A moderator publishes a release (to the retrieval service, which builds the version);
    then every service and replica's /healthz is watched until it reports that version."""
    await asyncio.sleep(at_s)
    start = await clock()
    headers = {"Authorization": f"Bearer {ADMIN_TOKEN}"}
    url = cluster.retrieval.url + "/v1/admin/publish"
    params = {"name": "load-bench-release.txt", "actor": "0"}
    body = RELEASE.format(day=28, n=1).encode()
    try:
        async with http.post(url, params=params, data=body, headers=headers) as response:
            answer = await response.json() if response.status == 200 else await response.text()
    except (aiohttp.ClientError, TimeoutError, ValueError) as exc:
        answer = f"{type(exc).__name__}: {exc}"
    published = await clock()
    result: dict[str, Any] = {
        "at_s": round(start / 1000, 1),
        "build_s": round((published - start) / 1000, 1),
        "start_ms": start,
        "end_ms": published,
    }
    if not isinstance(answer, dict) or "version" not in answer:
        return result | {"outcome": f"publish failed: {str(answer)[:200]}", "propagation_ms": {}}
    version = str(answer["version"])
    log(f"{published / 1000:.1f} s: version {version} published; watching every /healthz")
    # Watched: whatever serves now; a replica still starting loads the latest version anyway.
    everyone = [cluster.retrieval, *cluster.replicas]
    targets = [t for t in everyone if t.alive() and await _serving(http, t) is not None]
    reached: dict[str, float] = {}
    deadline = time.monotonic() + PROPAGATION_TIMEOUT_S
    while len(reached) < len(targets) and time.monotonic() < deadline:
        for target in targets:
            if target.name not in reached and await _serving(http, target) == version:
                reached[target.name] = round(await clock() - published, 1)
        await asyncio.sleep(0.05)
    everywhere = len(reached) == len(targets)
    return result | {
        "outcome": "ok" if everywhere else "timeout",
        "version": version,
        "propagation_ms": reached,
        "all_ms": max(reached.values()) if everywhere else None,
        "end_ms": published
        + (max(reached.values()) if everywhere else PROPAGATION_TIMEOUT_S * 1000),
    }


async def _serving(http: aiohttp.ClientSession, service: Service) -> str | None:
    """The corpus version a /healthz reports (the retrieval service's, or a replica's)."""
    try:
        async with http.get(service.url + "/healthz", timeout=aiohttp.ClientTimeout(total=2)) as r:
            body = await r.json()
    except (aiohttp.ClientError, TimeoutError, ValueError):
        return None
    found = body.get("version") or (body.get("index") or {}).get("version")
    return str(found) if found else None


async def _restart(
    server: PrivateServer, clock: Clock, at_s: float, outage_s: float, log: Callable[[str], None]
) -> dict[str, Any]:
    """Stop a private server, leave it down for `outage_s`, start it again."""
    await asyncio.sleep(at_s)
    start = await clock()
    await asyncio.to_thread(server.stop)
    log(f"{start / 1000:.1f} s: {server.what} stopped")
    await asyncio.sleep(outage_s)
    await asyncio.to_thread(server.start)
    end = await clock()
    log(f"{end / 1000:.1f} s: {server.what} up again")
    return {
        "at_s": round(start / 1000, 1),
        "down_s": round((end - start) / 1000, 1),
        "start_ms": start,
        "end_ms": end,
    }
