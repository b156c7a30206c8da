"""One load run: copy DATA_DIR to a temp dir (the repo's data is never touched), start the
emulator and `atazan run` against it, play the users (plus flood / reload), measure, stop."""

from __future__ import annotations

import asyncio
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from bench.load.client import EmulatorClient
from bench.load.drive import (
    FloodResult,
    ReloadResult,
    Sample,
    UserResult,
    now_ms,
    run_flood,
    run_reload,
    run_user,
)
from bench.load.processes import (
    FAKE_TOKEN,
    REPO_ROOT,
    BotProcess,
    EmulatorProcess,
    bot_env,
    cpu_seconds,
    emulator_missing_reason,
    machine_cpu,
    proc_status,
    start_bot,
    start_emulator,
)
from bench.load.report import summarise
from bench.load.scenario import (
    DEFAULT_QUESTION_FILES,
    Question,
    latency_summary,
    load_question_files,
    plan_users,
)
from retrieval.versions import VersionStore

FLOOD_USER_ID = 9_999_999
WARMUP = (("Что говорят о семье и браке?", "ru"), ("Жер кімге тиесілі?", "kk"), ("Land?", "en"))
# Never inherited by the bot under test: it must poll the emulator, not serve a webhook.
HANDLER_MS = re.compile(r"handler=on_question latency_ms=([0-9.]+) answered=(?:true|false)")
# The same lines' search part (question → answer from the search service, in process or remote).
SEARCH_MS = re.compile(r"handler=on_question latency_ms=[0-9.]+ answered=.*? search_ms=([0-9.]+)")
_DROPPED_ENV = ("BOT__WEBHOOK_URL", "BOT__WEBHOOK_SECRET", "HTTP__ADMIN_TOKEN", "DB__HASH_KEY")


class LoadBenchError(Exception):
    """The run could not start or the bot died; one line for the operator."""


@dataclass(frozen=True)
class LoadOptions:
    users: int = 50
    per_user: int = 5
    gap_s: tuple[float, float] = (3.0, 10.0)
    spread_s: float = 10.0
    reply_timeout_s: float = 30.0
    question_files: tuple[Path, ...] = DEFAULT_QUESTION_FILES
    reload_at_s: float | None = None
    flood: bool = False
    flood_at_s: float = 15.0
    flood_messages: int = 100
    flood_window_s: float = 1.0
    seed: int = 1
    data_dir: Path = Path("data")
    corpus_dir: Path = Path("corpus")
    keep: bool = False
    py_spy: Path | None = None
    start_timeout_s: float = 180.0


def copy_data_dir(source: Path, target: Path) -> None:
    """Corpus and index are copied (a reload rebuilds them); the model is only linked."""
    if VersionStore(source).live() is None:
        raise LoadBenchError(f"no search index in {source}: run `atazan setup` first")
    target.mkdir(parents=True, exist_ok=True)
    for item in source.iterdir():
        if item.name == "models":
            (target / "models").symlink_to(item.resolve(), target_is_directory=True)
        elif item.is_dir():
            shutil.copytree(item, target / item.name)
        elif not item.name.startswith("atazan.sqlite3"):  # the bench gets its own database
            shutil.copy2(item, target / item.name)


def run_load(options: LoadOptions, log: Callable[[str], None] = print) -> dict[str, Any]:
    """Run the benchmark and return its report (see `report.summarise`)."""
    questions, workdir = prepare_run(options, emulator_missing_reason(), "atazan-load-")
    emulator: EmulatorProcess | None = None
    bot: BotProcess | None = None
    try:
        data_dir = workdir / "data"
        copy_data_dir(resolve(options.data_dir), data_dir)
        log(f"work dir {workdir}; starting the emulator and the bot")
        try:
            emulator = start_emulator()
        except RuntimeError as exc:  # no READY line: node broken, port taken, …
            raise LoadBenchError(str(exc)) from None
        env = bot_env(emulator.base_url, workdir / "bot.sqlite3")
        for name in _DROPPED_ENV:
            env.pop(name, None)
        env.update({"DATA_DIR": str(data_dir), "CORPUS_DIR": str(resolve(options.corpus_dir))})
        bot = start_bot(env, workdir / "bot.log")
        report = asyncio.run(_measure(options, questions, emulator, bot, env, workdir, log))
    finally:
        if bot is not None:
            bot.stop()
        if emulator is not None:
            emulator.stop()
        if not options.keep:
            shutil.rmtree(workdir, ignore_errors=True)
    report["params"] = {
        **{k: v for k, v in asdict(options).items() if k not in ("data_dir", "corpus_dir")},
        "question_files": [str(p) for p in options.question_files],
        "py_spy": str(options.py_spy) if options.py_spy else None,
        "questions_in_pool": len(questions),
        "workdir": str(workdir) if options.keep else None,
    }
    return report


def prepare_run(
    options: LoadOptions, missing_reason: str | None, prefix: str
) -> tuple[list[Question], Path]:
    """The question pool and a fresh work dir, or LoadBenchError saying what is missing."""
    if missing_reason is not None:
        raise LoadBenchError(missing_reason)
    try:
        questions = load_question_files(resolve(p) for p in options.question_files)
    except (OSError, ValueError) as exc:
        raise LoadBenchError(f"questions: {exc}") from None
    return questions, Path(tempfile.mkdtemp(prefix=prefix))


def resolve(path: Path) -> Path:
    """Relative paths are taken from the current directory, else from the repository."""
    return path if path.is_absolute() or path.exists() else REPO_ROOT / path


async def _measure(
    options: LoadOptions,
    questions: list[Question],
    emulator: EmulatorProcess,
    bot: BotProcess,
    env: dict[str, str],
    workdir: Path,
    log: Callable[[str], None],
) -> dict[str, Any]:
    async with EmulatorClient(emulator.base_url, FAKE_TOKEN) as client:
        started = time.monotonic()
        await _wait_polling(client, bot, options.start_timeout_s)
        startup_s = time.monotonic() - started
        for index, (text, lang) in enumerate(WARMUP):  # the first questions warm the model up
            await client.user(9_000_000 - index, language_code=lang).ask(text, timeout=60)
        plans = plan_users(
            questions,
            users=options.users,
            per_user=options.per_user,
            gap_s=options.gap_s,
            spread_s=options.spread_s,
            seed=options.seed,
        )
        log(f"bot polling after {startup_s:.1f} s; {len(plans)} users start")
        spy = _start_py_spy(options.py_spy, bot)
        cpu_before, wall_before = _our_cpu(bot, emulator), time.monotonic()
        machine_before = machine_cpu()
        t0 = await now_ms(client)
        users = [run_user(client, plan, options.reply_timeout_s, t0) for plan in plans]
        flood_task = (
            asyncio.create_task(
                run_flood(
                    client,
                    FLOOD_USER_ID,
                    questions,
                    at_s=options.flood_at_s,
                    messages=options.flood_messages,
                    window_s=options.flood_window_s,
                    t0=t0,
                )
            )
            if options.flood
            else None
        )
        reload_task = (
            asyncio.create_task(_reload(client, bot, env, workdir, options.reload_at_s, t0))
            if options.reload_at_s is not None
            else None
        )
        results: list[UserResult] = await asyncio.gather(*users)
        flood: FloodResult | None = await flood_task if flood_task is not None else None
        reload: ReloadResult | None = await reload_task if reload_task is not None else None
        cpu_after, wall_s = _our_cpu(bot, emulator), time.monotonic() - wall_before
        machine_after = machine_cpu()
        memory = proc_status(bot.process.pid)
        _stop_py_spy(spy)
    samples: list[Sample] = [s for r in results for s in r.samples]
    failures = [f for r in results for f in r.failures]
    report = summarise(samples, failures, flood, reload)
    log_text = bot.log()
    error_lines = [x for x in log_text.splitlines() if " ERROR " in x or "Traceback" in x]
    cpu_s = cpu_after[0] - cpu_before[0]
    busy_s = machine_after[0] - machine_before[0]
    ours_s = sum(cpu_after) - sum(cpu_before)
    report["machine"] = {
        "cpus": os.cpu_count(),
        "busy_pct": round(100 * busy_s / (machine_after[1] - machine_before[1] or 1), 1),
        "emulator_cpu_s": round(cpu_after[1] - cpu_before[1], 1),
        "client_cpu_s": round(cpu_after[2] - cpu_before[2], 1),
        "rebuild_cpu_s": round(cpu_after[3] - cpu_before[3], 1),
        # CPU other processes took meanwhile: a busy neighbour makes latency numbers noisy
        "others_cpu_s": round(max(0.0, busy_s - ours_s), 1),
    }
    report["bot"] = {
        "pid": bot.process.pid,
        "startup_s": round(startup_s, 1),
        "peak_rss_mib": round(memory.get("VmHWM", 0) / 1024, 1),
        "rss_mib": round(memory.get("VmRSS", 0) / 1024, 1),
        "cpu_s": round(cpu_s, 1),
        "cpu_pct": round(100 * cpu_s / wall_s, 1) if wall_s else None,
        "log_errors": len(error_lines),
        "alive": bot.process.poll() is None,
    }
    # The bot's own view (update received → handler done), from its `bot.updates` log lines;
    # the difference to `latency_ms` is delivery: long poll, HTTP, the emulator.
    handled = [float(m) for m in HANDLER_MS.findall(log_text)][len(WARMUP) :]
    report["bot_handler_ms"] = latency_summary(handled)
    report["bot_search_ms"] = latency_summary(
        [float(m) for m in SEARCH_MS.findall(log_text)][len(WARMUP) :]
    )
    report["errors"] = [*failures[:10], *error_lines[:10]]
    if not report["bot"]["alive"]:
        report["errors"].append(f"the bot exited with {bot.process.returncode} during the run")
    return report


def _our_cpu(bot: BotProcess, emulator: EmulatorProcess) -> tuple[float, float, float, float]:
    """CPU seconds so far: the bot, the emulator, this process (the simulated users), and
    finished children (the corpus and index rebuild of --reload-at)."""
    own = os.times()
    return (
        cpu_seconds(bot.process.pid) or 0.0,
        cpu_seconds(emulator.process.pid) or 0.0,
        own.user + own.system,
        own.children_user + own.children_system,
    )


async def _wait_polling(client: EmulatorClient, bot: BotProcess, timeout_s: float) -> None:
    deadline = time.monotonic() + timeout_s
    while not (await client.status(wait_polling=1.0))["polling"]:
        if bot.process.poll() is not None:
            tail = bot.log().strip().splitlines()[-1:] or ["(no output)"]
            raise LoadBenchError(f"the bot exited with {bot.process.returncode}: {tail[0]}")
        if time.monotonic() > deadline:
            raise LoadBenchError(f"the bot was not polling after {timeout_s:.0f} s")


async def _reload(
    client: EmulatorClient,
    bot: BotProcess,
    env: dict[str, str],
    workdir: Path,
    at_s: float,
    t0: float,
) -> ReloadResult:
    cli = [sys.executable, "-m", "bot.cli"]
    commands = [[*cli, "corpus", "build"], [*cli, "index", "build"]]
    return await run_reload(client, bot, env, commands, workdir / "rebuild.log", at_s=at_s, t0=t0)


def _start_py_spy(out: Path | None, bot: BotProcess) -> subprocess.Popen[bytes] | None:
    """Sample the bot while it serves (collapsed stacks, one line per stack, with threads)."""
    if out is None:
        return None
    exe = shutil.which("py-spy") or str(Path(sys.executable).with_name("py-spy"))
    if not Path(exe).exists():
        raise LoadBenchError("py-spy is not installed: `pip install py-spy`")
    fmt = {".svg": "flamegraph", ".json": "speedscope"}.get(out.suffix, "raw")
    cmd = [exe, "record", "--pid", str(bot.process.pid), "--rate", "100", "--threads"]
    cmd += ["--nonblocking"]  # never pause the bot: the latency numbers stay honest
    cmd += ["--format", fmt, "--output", str(out.resolve())]
    return subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def _stop_py_spy(spy: subprocess.Popen[bytes] | None) -> None:
    if spy is not None:
        spy.send_signal(signal.SIGINT)
        try:
            spy.wait(timeout=30)
        except subprocess.TimeoutExpired:
            spy.kill()
