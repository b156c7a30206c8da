"""`atazan setup | index build | ask | eval` — the search service from the shell."""

from __future__ import annotations

import argparse
import asyncio
import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from bot.loadbench.cli import add_load_arguments, load_command

if TYPE_CHECKING:
    from retrieval.config import RetrievalConfig
    from retrieval.search import SearchService

DEFAULT_EVAL = Path("corpus/eval/questions.jsonl")


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    setup = sub.add_parser("setup", help="prepare the model, build the corpus and the index")
    setup.set_defaults(func=_cmd_setup)

    index = sub.add_parser("index", help="search index")
    index_sub = index.add_subparsers(dest="index_command", required=True)
    build = index_sub.add_parser("build", help="embed the built corpus and save the index")
    build.set_defaults(func=_cmd_index_build)

    ask = sub.add_parser("ask", help="ask a question ('-' reads one per line from stdin)")
    ask.add_argument("question")
    ask.add_argument("--json", action="store_true", help="print the Answer as JSON")
    ask.add_argument("--k", type=int, default=3, help="how many statements (default 3)")
    ask.set_defaults(func=_cmd_ask)

    ev = sub.add_parser("eval", help="hit@1/hit@3/MRR and abstention on a question file")
    ev.add_argument("file", nargs="?", type=Path, default=DEFAULT_EVAL)
    ev.add_argument("--json", action="store_true")
    ev.set_defaults(func=_cmd_eval)

    bench = sub.add_parser(
        "bench",
        help="search: model load, index build, latency, throughput, RSS; "
        "--load: the whole bot under simulated users",
    )
    bench.add_argument("--questions", type=Path, default=DEFAULT_EVAL)
    bench.add_argument(
        "--backends", default="torch,onnx,ort", help="comma-separated (default torch,onnx,ort)"
    )
    bench.add_argument(
        "--sizes", default="3000,30000", help="synthetic corpus sizes (default 3000,30000)"
    )
    bench.add_argument("--no-quality", action="store_true", help="skip the fp32 quality guard")
    bench.add_argument("--json", action="store_true")
    add_load_arguments(bench)
    bench.set_defaults(func=_cmd_bench)


def _config() -> RetrievalConfig | None:
    from bot.config import cli_retrieval_config

    return cli_retrieval_config()


async def _open(config: RetrievalConfig) -> SearchService | None:
    from retrieval.search import SearchService, ServiceUnavailable

    try:
        return await SearchService.open(config)
    except ServiceUnavailable as exc:
        print(f"error: {exc}", file=sys.stderr)
        return None


def _cmd_setup(args: argparse.Namespace) -> int:
    from retrieval.build import build_all

    config = _config()
    if config is None:
        return 2
    return build_all(config, prepare_model=True, log=print)


def _cmd_index_build(args: argparse.Namespace) -> int:
    from retrieval.build import build_index

    config = _config()
    if config is None:
        return 2
    return build_index(config, log=print)


def _cmd_ask(args: argparse.Namespace) -> int:
    config = _config()
    if config is None:
        return 2
    return asyncio.run(_ask(config, args))


async def _ask(config: RetrievalConfig, args: argparse.Namespace) -> int:
    from bot.render import answer_plain
    from retrieval.search import dump_answer

    service = await _open(config)
    if service is None:
        return 2
    try:
        questions = (
            (line.strip() for line in sys.stdin) if args.question == "-" else [args.question]
        )
        for question in questions:
            if not question:
                continue
            answer = await service.search(question, k=args.k)
            print(dump_answer(answer) if args.json else answer_plain(answer), flush=True)
    finally:
        await service.close()
    return 0


def _cmd_eval(args: argparse.Namespace) -> int:
    from retrieval.evaluation import format_report, load_questions, run_eval

    config = _config()
    if config is None:
        return 2
    try:
        questions = load_questions(args.file)
    except (OSError, ValueError) as exc:
        print(f"error: {args.file}: {exc}", file=sys.stderr)
        return 2

    async def _run() -> dict[str, Any] | None:
        service = await _open(config)
        if service is None:
            return None
        try:
            return await run_eval(service, questions)
        finally:
            await service.close()

    report = asyncio.run(_run())
    if report is None:
        return 2
    print(json.dumps(report, ensure_ascii=False, indent=1) if args.json else format_report(report))
    return 0


def _cmd_bench(args: argparse.Namespace) -> int:
    if args.load:
        return load_command(args)
    from retrieval.bench import run_bench
    from retrieval.evaluation import load_questions
    from retrieval.search import ServiceUnavailable
    from retrieval.st_embedder import ModelMissingError

    config = _config()
    if config is None:
        return 2
    questions = [q.q for q in load_questions(args.questions)] * 3
    try:
        sizes = [int(n) for n in args.sizes.split(",") if n.strip()]
        backends = [b.strip() for b in args.backends.split(",") if b.strip()]
    except ValueError:
        print(f"error: --sizes must be numbers: {args.sizes}", file=sys.stderr)
        return 2
    try:
        report = run_bench(
            config, questions, print, backends=backends, sizes=sizes, quality=not args.no_quality
        )
    except (ServiceUnavailable, ModelMissingError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    if args.json:
        print(json.dumps(report))
    return 0
