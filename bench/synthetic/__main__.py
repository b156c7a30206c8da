"""`python -m bench.synthetic build|questions|eval|calibrate|timing DIR` (see __init__.py)."""

from __future__ import annotations

import argparse
import asyncio
import json
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
FRESH_SPLITS = ("fresh2", "fresh2-held", "fresh3", "fresh3-held")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.synthetic")
    sub = parser.add_subparsers(dest="command", required=True)
    b = sub.add_parser("build", help="releases → real ingestion → corpus.json, questions")
    b.add_argument("dir", type=Path, nargs="?", default=Path("data/synthetic"))
    b.add_argument("--seed", type=int, default=2026)
    b.add_argument("--meetings", type=int, default=600)
    e = sub.add_parser("eval", help="index (cached) + `atazan eval` metrics on one split")
    e.add_argument("dir", type=Path, nargs="?", default=Path("data/synthetic"))
    e.add_argument(
        "--split",
        default="heldout",
        choices=[*"dev heldout probe blind fresh fresh-held".split(), *FRESH_SPLITS],
    )
    e.add_argument("--json", action="store_true")
    q = sub.add_parser("questions", help="rewrite the question files only (seeded plans)")
    q.add_argument("dir", type=Path, nargs="?", default=Path("data/synthetic"))
    q.add_argument("--seed", type=int, default=2026)
    q.add_argument("--meetings", type=int, default=600)
    c = sub.add_parser("calibrate", help="grid-search Calibration on the dev split only")
    c.add_argument("dir", type=Path, nargs="?", default=Path("data/synthetic"))
    c.add_argument("--extra", type=Path, action="append", default=[],
                   help="more dev question files on the same corpus")  # fmt: skip
    t = sub.add_parser("timing", help="ranking cost vs bare encode at this corpus's scale")
    t.add_argument("dir", type=Path, nargs="?", default=Path("data/synthetic"))
    args = parser.parse_args(argv)
    if args.command == "build":
        from bench.synthetic.build import build

        build(args.dir, seed=args.seed, meetings=args.meetings, repo_corpus=REPO / "corpus")
        return 0
    if args.command == "questions":
        from collections import Counter

        from bench.synthetic.build import rewrite_questions

        written = rewrite_questions(args.dir, seed=args.seed, meetings=args.meetings)
        print(f"questions: {dict(Counter(q['split'] for q in written))}")
        return 0
    if args.command == "eval":
        from bench.synthetic.runner import evaluate

        report = asyncio.run(evaluate(args.dir, args.split))
        if args.json:
            print(json.dumps(report, ensure_ascii=False, indent=1))
        else:
            from retrieval.evaluation import format_report

            print(format_report(report))
        return 0
    if args.command == "timing":
        from bench.synthetic.timing import timing

        return timing(args.dir)
    from bench.synthetic.calibrate import calibrate

    return calibrate(args.dir, args.extra)


if __name__ == "__main__":
    sys.exit(main())
