"""`atazan eval`: retrieval quality and abstention on a question file, per language."""

from __future__ import annotations

import json
from collections import defaultdict
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError

from retrieval.search import SearchService

EVAL_K = 10


class EvalQuestion(BaseModel):
    q: str
    lang: str = "xx"
    kind: str = "topic"  # "oos" = off-topic, the bot must abstain
    expect: list[str] = []


def load_questions(path: Path) -> list[EvalQuestion]:
    items: list[EvalQuestion] = []
    for number, line in enumerate(path.read_text(encoding="utf-8-sig").splitlines(), 1):
        if not line.strip():
            continue
        try:
            items.append(EvalQuestion.model_validate(json.loads(line)))
        except (ValueError, ValidationError) as exc:
            raise ValueError(f"line {number}: {str(exc).splitlines()[0]}") from None
    return items


def _first_relevant(speakers: list[list[str]], expect: list[str]) -> int | None:
    """1-based rank of the first hit whose speakers include an expected surname."""
    for rank, names in enumerate(speakers, 1):
        if any(e.lower() in name.lower() for name in names for e in expect):
            return rank
    return None


async def run_eval(service: SearchService, questions: list[EvalQuestion]) -> dict[str, Any]:
    rows: list[dict[str, Any]] = []
    for item in questions:
        answer = await service.search(item.q, k=EVAL_K)
        rank = _first_relevant([h.speakers for h in answer.hits], item.expect)
        rows.append(
            {"q": item.q, "lang": item.lang, "oos": item.kind == "oos", "answered": answer.answered,
             "rank": rank}
        )  # fmt: skip
    groups: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for row in rows:
        groups[row["lang"]].append(row)
        groups["all"].append(row)
    return {
        "file_questions": len(rows),
        "by_language": {lang: _metrics(rs) for lang, rs in sorted(groups.items())},
        "misses": [r for r in rows if _missed(r)],
    }


def _missed(row: dict[str, Any]) -> bool:
    if row["oos"]:
        return bool(row["answered"])
    return not row["rank"] or row["rank"] > 3


def _metrics(rows: list[dict[str, Any]]) -> dict[str, Any]:
    inside = [r for r in rows if not r["oos"]]
    outside = [r for r in rows if r["oos"]]
    abstained = [r for r in rows if not r["answered"]]
    out: dict[str, Any] = {"in_scope": len(inside), "off_topic": len(outside)}
    if inside:
        out["hit@1"] = round(sum(1 for r in inside if r["rank"] == 1) / len(inside), 3)
        out["hit@3"] = round(
            sum(1 for r in inside if r["rank"] and r["rank"] <= 3) / len(inside), 3
        )
        out["mrr"] = round(sum(1 / r["rank"] for r in inside if r["rank"]) / len(inside), 3)
        out["false_abstention"] = round(
            sum(1 for r in inside if not r["answered"]) / len(inside), 3
        )
    if outside:
        out["abstention_recall"] = round(
            sum(1 for r in outside if not r["answered"]) / len(outside), 3
        )
    if abstained:
        out["abstention_precision"] = round(
            sum(1 for r in abstained if r["oos"]) / len(abstained), 3
        )
    return out


def format_report(report: dict[str, Any]) -> str:
    lines = [f"{report['file_questions']} questions"]
    for lang, m in report["by_language"].items():
        parts = [f"{k}={v}" for k, v in m.items()]
        lines.append(f"  {lang:>4}: " + "  ".join(parts))
    for miss in report["misses"]:
        what = "answered off-topic" if miss["oos"] else f"rank={miss['rank']}"
        lines.append(f"  miss [{miss['lang']}] {what}: {miss['q']}")
    return "\n".join(lines)
