"""`atazan corpus build|show|parse|check|senators` (heavy imports happen inside the commands)."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from retrieval.progress import TerminalProgress

if TYPE_CHECKING:
    from retrieval.config import RetrievalConfig
    from retrieval.models import Corpus, Issue


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    corpus = subparsers.add_parser("corpus", help="build and inspect the corpus of press releases")
    sub = corpus.add_subparsers(dest="corpus_command", required=True)
    build = sub.add_parser("build", help="parse every release and write DATA_DIR/corpus.json")
    build.set_defaults(func=_build)
    show = sub.add_parser("show", help="print the built corpus (built in memory if missing)")
    show.add_argument("--json", action="store_true", help="the JSON contract shape")
    show.set_defaults(func=_show)
    parse = sub.add_parser("parse", help="parse one file and print it; writes nothing")
    parse.add_argument("path", type=Path)
    parse.add_argument("--json", action="store_true", help="the JSON contract shape")
    parse.set_defaults(func=_parse)
    check = sub.add_parser("check", help="warnings per file and paragraph; exit 1 on errors")
    check.add_argument("paths", nargs="*", type=Path, help="files to check (default: all releases)")
    check.set_defaults(func=_check)
    senators = sub.add_parser(
        "senators", help="add senators and name forms seen in the releases to senators.yaml"
    )
    senators.add_argument("--dry-run", action="store_true", help="print, do not write")
    senators.set_defaults(func=_senators)
    evaluate = sub.add_parser(
        "eval", help="score folders of releases against their .gold.yaml files (a table)"
    )
    evaluate.add_argument(
        "dirs", nargs="*", type=Path, help="folders (default: tests/ingest/genre/*)"
    )
    evaluate.add_argument("--errors", action="store_true", help="list every miss")
    evaluate.set_defaults(func=_eval)


def _config(args: argparse.Namespace) -> RetrievalConfig | None:
    from retrieval.settings import config_for

    return config_for(args)


def _print_issues(issues: list[Issue]) -> None:
    for issue in issues:
        print(f"{issue.level}: {issue.code}: {issue.message}", file=sys.stderr)


def _dump(corpus: Corpus) -> str:
    return json.dumps(corpus.model_dump(mode="json"), ensure_ascii=False, indent=2)


def _build(args: argparse.Namespace) -> int:
    from retrieval.build import build_corpus_file

    config = _config(args)
    if config is None:
        return 2
    with TerminalProgress("corpus build") as progress:
        return build_corpus_file(config, log=progress.log, warn=_to_stderr, step=progress)


def _to_stderr(message: str) -> None:
    print(message, file=sys.stderr)


def _load_or_build(config: RetrievalConfig) -> Corpus:
    from pydantic import ValidationError

    from retrieval.ingest.build import build_corpus
    from retrieval.models import Corpus

    path = config.corpus_json
    if path.exists():
        try:
            return Corpus.model_validate_json(path.read_text("utf-8"))
        except (OSError, ValidationError):
            print(f"{path} is unreadable; parsing the releases in memory", file=sys.stderr)
    corpus, _ = build_corpus(config.raw_dirs, corpus_dir=config.corpus_dir)
    return corpus


def _human(corpus: Corpus) -> str:
    from retrieval.build import corpus_summary

    lines = [corpus_summary(corpus)]
    for document in corpus.documents:
        lines.append(f"{document.date or 'no date'} · {document.title} · {document.url or '—'}")
    for meeting in corpus.meetings:
        who = ", ".join(meeting.senators) or "?"
        lines.append(f"\n{meeting.date} · {who} · {meeting.place or '—'} · {meeting.id}")
        if meeting.audience:
            lines.append("  audience: " + "; ".join(meeting.audience))
        for s in meeting.statements:
            speakers = ", ".join(
                f"{n} ({s.roles[n]})" if s.roles.get(n, "сенатор") != "сенатор" else n
                for n in s.speakers
            )
            speakers = speakers or "UNATTRIBUTED"
            lines.append(f"  [{s.kind}] {speakers} {s.themes}: {s.text[:100]}")
    return "\n".join(lines)


def _show(args: argparse.Namespace) -> int:
    config = _config(args)
    if config is None:
        return 2
    corpus = _load_or_build(config)
    print(_dump(corpus) if args.json else _human(corpus))
    return 0


def _parse(args: argparse.Namespace) -> int:
    from retrieval.ingest.build import parse_file

    config = _config(args)
    if config is None:
        return 2
    path: Path = args.path
    if not path.is_file():
        what = "a folder: give one release file" if path.is_dir() else "no such file"
        print(f"{path}: {what}", file=sys.stderr)
        return 2
    result = parse_file(path, corpus_dir=config.corpus_dir)
    _print_issues(result.issues)
    print(_dump(result.corpus) if args.json else _human(result.corpus))
    return 0 if result.ok else 1


def _check(args: argparse.Namespace) -> int:
    from retrieval.ingest.build import make_context, parse_file, release_files

    config = _config(args)
    if config is None:
        return 2
    files: list[Path] = list(args.paths) or release_files(config.raw_dirs)
    context = make_context(config.corpus_dir)
    errors = warnings = 0
    for path in files:
        result = parse_file(path, corpus_dir=config.corpus_dir, context=context)
        for issue in result.issues:
            print(f"{issue.level}: {issue.code}: {issue.message}")
        errors += sum(i.level == "error" for i in result.issues)
        warnings += sum(i.level == "warning" for i in result.issues)
    print(f"{len(files)} files checked: {errors} errors, {warnings} warnings")
    return 1 if errors or not files else 0


def _senators(args: argparse.Namespace) -> int:
    from retrieval.ingest.senators_file import update_senators

    config = _config(args)
    if config is None:
        return 2
    try:
        added, senators = update_senators(
            config.raw_dirs, config.corpus_dir, write=not args.dry_run
        )
    except ValueError as exc:
        print(exc, file=sys.stderr)
        return 1
    for senator in senators:
        print(f"{senator.name}: {', '.join(senator.forms)}")
    where = "(dry run, nothing written)" if args.dry_run else f"→ {config.corpus_dir}/senators.yaml"
    print(f"{len(senators)} senators, {added} new forms {where}")
    return 0


def _eval(args: argparse.Namespace) -> int:
    from retrieval.ingest.build import make_context
    from retrieval.ingest.evaluate import Score, evaluate_dir, table

    config = _config(args)
    if config is None:
        return 2
    dirs: list[Path] = list(args.dirs) or sorted(
        p for p in Path("tests/ingest/genre").glob("*") if p.is_dir()
    )
    missing = [d for d in dirs if not d.is_dir()]
    if missing or not dirs:
        print(
            f"no such folder: {missing[0] if missing else 'tests/ingest/genre/*'}", file=sys.stderr
        )
        return 2
    context = make_context(config.corpus_dir)
    rows: list[tuple[str, Score]] = []
    total = Score()
    for directory in dirs:
        try:
            score = evaluate_dir(directory, corpus_dir=config.corpus_dir, context=context)
        except (ValueError, OSError) as exc:
            print(f"{directory}: {exc}", file=sys.stderr)
            return 1
        rows.append((directory.name, score))
        total.add(score)
    if len(rows) > 1:
        rows.append(("all", total))
    print(table(rows))
    if args.errors:
        for line in total.errors:
            print(line)
    return 0
