"""What the simulated citizens ask and when, and how a reply is classified: pure and seeded,
so two runs with the same `--seed` ask the same questions at the same offsets."""

from __future__ import annotations

import json
import math
import random
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path

from bot.ui.texts import Lang, texts_for

DEFAULT_QUESTION_FILES = (
    Path("corpus/eval/questions.jsonl"),
    Path("corpus/eval/probe_questions.jsonl"),
)


@dataclass(frozen=True, slots=True)
class Question:
    text: str
    lang: str  # ru | kk | en: also the asking user's Telegram language
    kind: str  # topic | offtopic | … as labelled in the eval file


@dataclass(frozen=True, slots=True)
class UserPlan:
    user_id: int
    language_code: str
    start_s: float  # random start offset
    questions: tuple[Question, ...]
    gaps_s: tuple[float, ...]  # pause after each reply: reading the answer, typing the next


class ReplyKind(StrEnum):
    ANSWER = "answer"  # cited quotes
    ABSTAIN = "abstain"  # "no answer in the corpus" (off-topic questions)
    THROTTLED = "throttled"
    ERROR = "error"  # the bot's apology
    UNAVAILABLE = "unavailable"  # "search is unavailable, ask again in a minute"
    OTHER = "other"


def load_question_files(paths: Iterable[Path]) -> list[Question]:
    """JSONL lines with `q` (text), optional `lang` and `kind`; ValueError names a bad line."""
    found: list[Question] = []
    for path in paths:
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
            if not line.strip():
                continue
            try:
                row = json.loads(line)
                text = str(row["q"]).strip()
            except (ValueError, KeyError, TypeError) as exc:
                raise ValueError(f"{path}:{number}: not a question line ({exc})") from None
            if text:
                lang = str(row.get("lang") or "ru")
                found.append(Question(text, lang, str(row.get("kind") or "topic")))
    if not found:
        raise ValueError("no questions in " + ", ".join(str(p) for p in paths))
    return found


def plan_users(
    questions: Sequence[Question],
    *,
    users: int,
    per_user: int,
    gap_s: tuple[float, float],
    spread_s: float,
    seed: int,
    first_user_id: int = 9_000_001,
) -> list[UserPlan]:
    """Each user asks `per_user` random questions; the first one fixes their language."""
    rng = random.Random(seed)
    plans = []
    for index in range(users):
        asked = tuple(rng.choice(questions) for _ in range(per_user))
        plans.append(
            UserPlan(
                user_id=first_user_id + index,
                language_code=asked[0].lang if asked else "ru",
                start_s=rng.uniform(0.0, spread_s),
                questions=asked,
                gaps_s=tuple(rng.uniform(*gap_s) for _ in asked),
            )
        )
    return plans


def classify(text: str) -> ReplyKind:
    """Which of the bot's replies this is, in any of its languages."""
    for tx in (texts_for(lang) for lang in Lang):
        if text.startswith(tx.error):
            return ReplyKind.ERROR
        if text.startswith(tx.throttled):
            return ReplyKind.THROTTLED
        if text.startswith(tx.search_unavailable):
            return ReplyKind.UNAVAILABLE
        if tx.heads_an_answer(text):
            return ReplyKind.ANSWER
        if tx.no_answer in text:
            return ReplyKind.ABSTAIN
    return ReplyKind.OTHER


def percentile(values: Sequence[float], q: float) -> float | None:
    """Nearest-rank percentile (q in 0..100); None for no values."""
    if not values:
        return None
    ordered = sorted(values)
    rank = max(1, math.ceil(q / 100.0 * len(ordered)))
    return ordered[min(rank, len(ordered)) - 1]


def latency_summary(values: Sequence[float]) -> dict[str, float | int | None]:
    def rounded(value: float | None) -> float | None:
        return None if value is None else round(value, 1)

    return {
        "n": len(values),
        "p50": rounded(percentile(values, 50)),
        "p95": rounded(percentile(values, 95)),
        "p99": rounded(percentile(values, 99)),
        "max": rounded(max(values) if values else None),
        "mean": rounded(sum(values) / len(values) if values else None),
    }
