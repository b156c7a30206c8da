"""The `atazan` console command: one entry point, subcommands registered by their owners."""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Callable, Sequence

# module path → function that adds its subcommands; each returns nothing and sets `func`.
_REGISTRARS = (
    "retrieval.ingest.cli",
    "retrieval.model_prep",
    "bot.search_cli",
    "bot.runner",
)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="atazan", description="Ата Заң: senators' quotes bot")
    sub = parser.add_subparsers(dest="command", required=True)
    for module_name in _REGISTRARS:
        module = importlib.import_module(module_name)
        register: Callable[[argparse._SubParsersAction[argparse.ArgumentParser]], None] = (
            module.register
        )
        register(sub)
    return parser


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
