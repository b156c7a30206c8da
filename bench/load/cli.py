"""`atazan bench --load` options and command; light imports only (`atazan --help` stays fast)."""

from __future__ import annotations

import argparse
import json
import math
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from bench.load.replicas import ReplicaEvents


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Adds `--load` to retrieval's `bench` command: with it, the whole bot is benchmarked."""
    bench = sub.choices["bench"]
    add_load_arguments(bench)
    search_bench: Callable[[argparse.Namespace], int] = bench.get_default("func")

    def run(args: argparse.Namespace) -> int:
        return load_command(args) if args.load else search_bench(args)

    bench.set_defaults(func=run)


def add_load_arguments(bench: argparse.ArgumentParser) -> None:
    group = bench.add_argument_group(
        "load test (--load)",
        "the real bot (`atazan run`, polling) against the local Bot API emulator (needs node "
        "and `npm ci`); DATA_DIR is copied to a temp dir first. Exit 1 if any question was "
        "lost or answered with an error.",
    )
    group.add_argument("--load", action="store_true", help="run the load test")
    group.add_argument("--users", type=_positive_int, default=50, help="simulated users (50)")
    group.add_argument(
        "--per-user",
        type=_positive_int,
        help="questions per user (5; with --replicas enough to outlast the last event)",
    )
    group.add_argument(
        "--gap",
        type=float,
        nargs=2,
        default=(3.0, 10.0),
        metavar=("MIN", "MAX"),
        help="seconds a user pauses after a reply before the next question (3 10)",
    )
    group.add_argument(
        "--spread", type=float, default=10.0, help="users start at random within S seconds (10)"
    )
    group.add_argument(
        "--reply-timeout",
        type=float,
        help="a reply later than this is lost (30; with --replicas 90: an update a killed "
        "replica held is handled again once its claim lapses, after 15 s, and Telegram's retry)",
    )
    group.add_argument(
        "--question-file",
        type=Path,
        action="append",
        help="JSONL question file (repeatable; default: corpus/eval/questions.jsonl "
        "and probe_questions.jsonl)",
    )
    group.add_argument(
        "--reload-at",
        type=float,
        metavar="S",
        help="S seconds in: `atazan corpus build && atazan index build` into the bot's "
        "DATA_DIR, then SIGHUP; every reply must still be complete (with --replicas: a "
        "new release published to the retrieval service, then every /healthz watched)",
    )
    group.add_argument(
        "--flood", action="store_true", help="one more user sends 100 messages in about 1 s"
    )
    group.add_argument("--flood-at", type=float, default=15.0, help="when the flood starts (15)")
    group.add_argument("--seed", type=int, default=1, help="questions and timings (1)")
    group.add_argument("--keep", action="store_true", help="keep the work dir (bot log, DB)")
    group.add_argument(
        "--py-spy",
        type=Path,
        metavar="FILE",
        help="profile the bot with py-spy while it serves (.svg flamegraph, .json speedscope, "
        "else collapsed stacks)",
    )
    add_replica_arguments(bench)


def add_replica_arguments(bench: argparse.ArgumentParser) -> None:
    group = bench.add_argument_group(
        "scale-out load test (--load --replicas N)",
        "N bot replicas in webhook mode behind Debian's nginx (deploy/nginx.conf), a private "
        "PostgreSQL and Redis (own ports and temp dirs), one retrieval service; the bench "
        "plays Telegram: updates POSTed to nginx, redelivered until 200. --reload-at publishes "
        "a new release instead. Exit 1 if a question was lost or answered twice.",
    )
    group.add_argument("--replicas", type=int, metavar="N", help="bot replicas (at least 2)")
    group.add_argument("--kill-one-at", type=float, metavar="S", help="SIGKILL one replica")
    group.add_argument(
        "--revive-after", type=float, metavar="S", help="start the killed replica again"
    )
    group.add_argument(
        "--restart-postgres-at", type=float, metavar="S", help="stop PostgreSQL, then start it"
    )
    group.add_argument(
        "--restart-redis-at", type=float, metavar="S", help="stop Redis, then start it (empty)"
    )
    group.add_argument(
        "--outage", type=float, default=5.0, metavar="S", help="a server stays down S s (5)"
    )


def _replica_events(args: argparse.Namespace) -> ReplicaEvents | str | None:
    """The replica options (None: one polling bot), or why they do not go together."""
    from bench.load.replicas import ReplicaEvents

    wanted = [
        name
        for name in ("kill_one_at", "revive_after", "restart_postgres_at", "restart_redis_at")
        if getattr(args, name) is not None
    ]
    if args.replicas is None:
        return f"--{wanted[0].replace('_', '-')} needs --replicas N" if wanted else None
    if args.replicas < 2:
        return "--replicas must be at least 2"
    if args.flood or args.py_spy:
        return "--flood and --py-spy run with one polling bot, not with --replicas"
    if args.revive_after is not None and args.kill_one_at is None:
        return "--revive-after needs --kill-one-at"
    return ReplicaEvents(
        replicas=args.replicas,
        kill_one_at_s=args.kill_one_at,
        revive_after_s=args.revive_after,
        reload_at_s=args.reload_at,
        restart_postgres_at_s=args.restart_postgres_at,
        restart_redis_at_s=args.restart_redis_at,
        outage_s=max(0.0, args.outage),
    )


def _positive_int(value: str) -> int:
    number = int(value)
    if number < 1:
        raise argparse.ArgumentTypeError("must be at least 1")
    return number


def _per_user(args: argparse.Namespace, events: ReplicaEvents | None) -> int:
    """With replicas the citizens keep asking until 15 s after the last event."""
    if args.per_user is not None or events is None:
        return int(args.per_user or 5)
    moments = [
        events.kill_one_at_s, events.reload_at_s, events.restart_postgres_at_s,
        events.restart_redis_at_s,
    ]  # fmt: skip
    last = max([m for m in moments if m is not None], default=0.0) + 15.0
    cycle = max(0.5, float(sum(args.gap)) / 2)
    return max(5, math.ceil((last - float(args.spread) / 2) / cycle))


def load_command(args: argparse.Namespace) -> int:
    from bench.load.load import LoadBenchError, LoadOptions, run_load
    from bench.load.replica_report import format_replicas_table
    from bench.load.replicas import run_replicas
    from bench.load.report import format_table
    from bench.load.scenario import DEFAULT_QUESTION_FILES
    from bot.config import SettingsError, load_settings

    events = _replica_events(args)
    if isinstance(events, str):
        print(f"error: {events}", file=sys.stderr)
        return 2
    try:
        settings = load_settings()
    except SettingsError as exc:
        print(exc, file=sys.stderr)
        return 2
    gap_min, gap_max = sorted(args.gap)
    reply_timeout = args.reply_timeout or (30.0 if events is None else 90.0)
    options = LoadOptions(
        users=args.users,
        per_user=_per_user(args, events),
        gap_s=(max(0.0, gap_min), max(0.0, gap_max)),
        spread_s=max(0.0, args.spread),
        reply_timeout_s=reply_timeout,
        question_files=tuple(args.question_file or DEFAULT_QUESTION_FILES),
        reload_at_s=args.reload_at,
        flood=args.flood,
        flood_at_s=args.flood_at,
        seed=args.seed,
        data_dir=settings.data_dir,
        corpus_dir=settings.corpus_dir,
        keep=args.keep,
        py_spy=args.py_spy,
    )
    log = (lambda line: print(line, file=sys.stderr)) if args.json else print
    try:
        if events is not None:
            report = run_replicas(options, events, log=log)
        else:
            report = run_load(options, log=log)
    except LoadBenchError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    if events is not None:
        print(
            json.dumps(report, ensure_ascii=False) if args.json else format_replicas_table(report)
        )
        return 0 if report["lost"] == 0 and report["duplicates"] == 0 else 1
    print(json.dumps(report, ensure_ascii=False) if args.json else format_table(report))
    complete = report["lost"] == 0 and report["error_replies"] == 0 and report["api_errors"] == 0
    reload = report.get("reload")
    if reload is not None and (reload["outcome"] != "ok" or reload["incomplete_in_window"]):
        complete = False
    return 0 if complete and report["bot"]["alive"] else 1
