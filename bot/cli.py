"""The `atazan` console command: retrieval's CLI and the bot's, composed into one."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from retrieval.config import RetrievalConfig
    from retrieval.models import Answer

# module path → function that adds its subcommands; each returns nothing and sets `func`.
# Retrieval's commands come first (the load benchmark extends its `bench`).
_REGISTRARS = (
    "bot.serving.runner",
    "bot.storage.cli",
    "bench.load.cli",
)


def build_parser() -> argparse.ArgumentParser:
    import importlib

    from retrieval import cli as retrieval_cli

    parser = argparse.ArgumentParser(prog="atazan", description="Ата Заң: senators' quotes bot")
    sub = parser.add_subparsers(dest="command", required=True)
    parser.set_defaults(settings_loader=retrieval_config)
    retrieval_cli.register(sub, answer_text=answer_plain)
    for module_name in _REGISTRARS:
        try:
            module = importlib.import_module(module_name)
        except ModuleNotFoundError as exc:  # an install without the bench/ tooling
            if module_name.startswith("bench.") and (exc.name or "").split(".")[0] == "bench":
                continue
            raise
        register: Callable[[argparse._SubParsersAction[argparse.ArgumentParser]], None] = (
            module.register
        )
        register(sub)
    return parser


def retrieval_config() -> RetrievalConfig | None:
    """Retrieval commands run under `atazan` check the bot's settings too (one bad variable
    stops every command alike)."""
    from bot.config import Settings
    from retrieval.settings import cli_retrieval_config

    return cli_retrieval_config(Settings)


def answer_plain(answer: Answer) -> str:
    """`atazan ask` prints answers the way the bot words them (imported late: --help stays fast)."""
    from bot.ui.render_plain import answer_plain as render

    return render(answer)


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    func: Callable[[argparse.Namespace], int] = args.func
    try:
        return func(args)
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:  # `atazan ask … | head` closed the pipe early
        sys.stderr.close()
        return 0


if __name__ == "__main__":
    sys.exit(main())
