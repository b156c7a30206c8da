"""`atazan eval`: retrieval quality and answerability on a question file, per language.

A hit is right when it is the right statement *and* the right speaker: its text contains one of
the question's `expect_text` fragments (when given), its meeting is at `expect_place` (when given)
and one of its speakers is in `expect` (surnames; when given). Out-of-corpus questions (`oos`)
must abstain; `silent` questions name a senator who said nothing on the topic, and the answer
must say so.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError

from retrieval.config import EVAL_K
from retrieval.entities import transliterate
from retrieval.models import Hit
from retrieval.search import SearchService
from retrieval.text import words

PAGE = 3  # hits on the first answer page


class EvalQuestion(BaseModel):
    q: str
    lang: str = "xx"
    kind: str = "topic"  # "oos" = out of corpus, must abstain; "silent" = see expect_silent
    expect: list[str] = []
    expect_text: list[str] = []
    expect_place: str | None = None
    expect_silent: list[str] = []
    split: str | None = None


def load_questions(path: Path) -> list[EvalQuestion]:
    items: list[EvalQuestion] = []
    for number, line in enumerate(path.read_text(encoding="utf-8-sig").splitlines(), 1):
        if not line.strip():
            continue
        try:
            items.append(EvalQuestion.model_validate(json.loads(line)))
        except ValidationError as exc:  # its first line names the model, not the field
            first = exc.errors()[0]
            field = ".".join(str(p) for p in first["loc"])
            reason = f"{field}: {first['msg']}" if field else 'expected an object like {"q": …}'
            raise ValueError(f"line {number}: {reason}") from None
        except ValueError as exc:
            raise ValueError(f"line {number}: {str(exc).splitlines()[0]}") from None
    return items


def _key(text: str) -> str:
    return transliterate(" ".join(words(text)))


def relevant(hit: Hit, item: EvalQuestion, twins: Callable[[str], list[str]] | None = None) -> bool:
    """Right statement (fragment, place) and right speaker. `twins` gives a town's other names:
    a meeting a Kazakh outlet placed in Орал is at the expected Уральск. Nothing answers an
    out-of-corpus question, so every hit shown for one is irrelevant."""
    if item.kind == "oos":
        return False
    if item.expect_text:
        text = _key(hit.text)
        if not any(_key(f) in text for f in item.expect_text):
            return False
    if item.expect_place:
        place = _key(hit.meeting.place or "")
        names = [item.expect_place, *(twins(item.expect_place) if twins else ())]
        if not any(_key(name)[:5] in place for name in names):
            return False
    if item.expect:
        names = [_key(n) for n in hit.speakers]
        return any(_key(e) in n for n in names for e in item.expect)
    return True


async def run_eval(
    service: SearchService, questions: list[EvalQuestion], k: int = EVAL_K
) -> dict[str, Any]:
    rows: list[dict[str, Any]] = []
    twins = service.resources.town_twins
    for item in questions:
        answer = await service.search(item.q, k=k)
        marks = [relevant(h, item, twins) for h in answer.hits]
        rank = next((i for i, ok in enumerate(marks, 1) if ok), None)
        silent_ok = bool(item.expect_silent) and all(
            any(_key(e) in _key(s) for s in answer.silent) for e in item.expect_silent
        )
        rows.append(
            {"q": item.q, "lang": item.lang, "kind": item.kind, "answered": answer.answered,
             "rank": rank, "page": marks[:PAGE], "silent_ok": silent_ok}
        )  # fmt: skip
    return summarize(rows)


def summarize(rows: list[dict[str, Any]]) -> dict[str, Any]:
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
    if row["kind"] == "oos":
        return bool(row["answered"])
    if row["kind"] == "silent":
        return not row["silent_ok"]
    return not row["rank"] or row["rank"] > PAGE


def _metrics(rows: list[dict[str, Any]]) -> dict[str, Any]:
    inside = [r for r in rows if r["kind"] not in ("oos", "silent")]
    outside = [r for r in rows if r["kind"] == "oos"]
    silent = [r for r in rows if r["kind"] == "silent"]
    out: dict[str, Any] = {"in_corpus": len(inside), "out_of_corpus": len(outside)}
    if inside:
        n = len(inside)
        out["hit@1"] = round(sum(1 for r in inside if r["rank"] == 1) / n, 3)
        out["hit@3"] = round(sum(1 for r in inside if r["rank"] and r["rank"] <= 3) / n, 3)
        out["mrr"] = round(sum(1 / r["rank"] for r in inside if r["rank"]) / n, 3)
        out["false_abstention"] = round(sum(1 for r in inside if not r["answered"]) / n, 3)
    if outside:
        out["oos_abstention"] = round(
            sum(1 for r in outside if not r["answered"]) / len(outside), 3
        )
    shown = [ok for r in rows for ok in r["page"]]
    if shown:
        out["page_precision"] = round(sum(shown) / len(shown), 3)
        out["irrelevant_shown"] = len(shown) - sum(shown)
    if silent:
        out["silent_said"] = f"{sum(1 for r in silent if r['silent_ok'])}/{len(silent)}"
    return out


def format_report(report: dict[str, Any]) -> str:
    lines = [f"{report['file_questions']} questions"]
    for lang, m in report["by_language"].items():
        parts = [f"{k}={v}" for k, v in m.items()]
        lines.append(f"  {lang:>4}: " + "  ".join(parts))
    for miss in report["misses"]:
        if miss["kind"] == "oos":
            what = "answered out-of-corpus"
        elif miss["kind"] == "silent":
            what = "did not say the senator was silent"
        else:
            what = f"rank={miss['rank']}" if miss["answered"] else "abstained"
        lines.append(f"  miss [{miss['lang']}] {what}: {miss['q']}")
    return "\n".join(lines)
