"""`atazan bench --load` options and command; light imports only (`atazan --help` stays fast)."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable
from pathlib import Path


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
    group.add_argument("--per-user", type=_positive_int, default=5, help="questions per user (5)")
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
        "--reply-timeout", type=float, default=30.0, help="a reply later than this is lost (30)"
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
        "DATA_DIR, then SIGHUP; every reply must still be complete",
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


def _positive_int(value: str) -> int:
    number = int(value)
    if number < 1:
        raise argparse.ArgumentTypeError("must be at least 1")
    return number


def load_command(args: argparse.Namespace) -> int:
    from bench.load.load import LoadBenchError, LoadOptions, run_load
    from bench.load.report import format_table
    from bench.load.scenario import DEFAULT_QUESTION_FILES
    from bot.config import SettingsError, load_settings

    try:
        settings = load_settings()
    except SettingsError as exc:
        print(exc, file=sys.stderr)
        return 2
    gap_min, gap_max = sorted(args.gap)
    options = LoadOptions(
        users=args.users,
        per_user=args.per_user,
        gap_s=(max(0.0, gap_min), max(0.0, gap_max)),
        spread_s=max(0.0, args.spread),
        reply_timeout_s=args.reply_timeout,
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
        report = run_load(options, log=log)
    except LoadBenchError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    print(json.dumps(report, ensure_ascii=False) if args.json else format_table(report))
    complete = report["lost"] == 0 and report["error_replies"] == 0 and report["api_errors"] == 0
    reload = report.get("reload")
    if reload is not None and (reload["outcome"] != "ok" or reload["incomplete_in_window"]):
        complete = False
    return 0 if complete and report["bot"]["alive"] else 1
