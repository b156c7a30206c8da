"""Numbers only a `--replicas` run has: duplicate replies, answers that changed mid-question,
what citizens saw while something was down; and the table a human reads."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence
from typing import Any, NamedTuple

from bench.load.client import BotEvent
from bench.load.drive import Sample
from bench.load.report import COMPLETE, in_window
from bench.load.scenario import latency_summary

# The parts of one long reply are sent back to back; an update handled twice comes again
# at least one redelivery later.
PART_GAP_MS = 500.0


def reply_count(events: Sequence[BotEvent], part_gap_ms: float = PART_GAP_MS) -> int:
    """Replies in one chat: runs of messages no more than `part_gap_ms` apart."""
    stamps = sorted(e.ts for e in events if e.kind == "message")
    return sum(1 for i, ts in enumerate(stamps) if i == 0 or ts - stamps[i - 1] > part_gap_ms)


def count_duplicates(chats: Mapping[int, Sequence[BotEvent]], asked: Mapping[int, int]) -> int:
    """Replies beyond one per question asked, over the citizens' chats."""
    return sum(max(0, reply_count(chats.get(chat, ())) - n) for chat, n in asked.items())


class MidQuestion(NamedTuple):
    """Complete replies that no single corpus version explains. Before the change began each
    question (with the asker's language) must get one text, after every replica serves the
    new version one text, and in between one of those two — judged only when both are known."""

    changed: int
    # replies during the change that differ from the old text of a question nobody asked
    # after it: the new version's text or a changed one, which the run cannot tell apart
    unjudged: int


def mid_question(samples: Sequence[Sample], start: float, end: float) -> MidQuestion:
    """`start`: the change began; `end`: every replica serves the new version."""
    before: defaultdict[tuple[str, str], set[str]] = defaultdict(set)
    after: defaultdict[tuple[str, str], set[str]] = defaultdict(set)
    between: list[Sample] = []
    for s in samples:
        if s.kind not in COMPLETE or s.reply_ts is None:
            continue
        key = (s.question.text, s.language_code)
        if s.reply_ts < start:
            before[key].add(s.text)
        elif s.sent_ts > end:
            after[key].add(s.text)
        else:
            between.append(s)
    changed = sum(len(texts) - 1 for side in (before, after) for texts in side.values())
    unjudged = 0
    for s in between:
        key = (s.question.text, s.language_code)
        known = before[key] | after[key]
        if s.text in known or not known:
            continue
        if before[key] and after[key]:
            changed += 1
        else:
            unjudged += 1
    return MidQuestion(changed, unjudged)


def seen_in_window(samples: Sequence[Sample], start: float, end: float) -> dict[str, Any]:
    """What the citizens whose questions were in flight in [start, end] got, and how fast."""
    inside = in_window(samples, start, end)
    kinds = Counter(s.kind.value if s.kind is not None else "lost" for s in inside)
    return {
        "questions": len(inside),
        "replies_by_kind": dict(sorted(kinds.items())),
        "latency_ms": latency_summary([s.latency_ms for s in inside if s.latency_ms is not None]),
    }


def _ms(summary: Mapping[str, Any]) -> str:
    if not summary.get("n"):
        return "no samples"
    return " / ".join(f"{summary[k]:.0f}" for k in ("p50", "p95", "p99", "max")) + (
        f" ms (n={summary['n']})"
    )


def _seen(window: Mapping[str, Any]) -> str:
    kinds = ", ".join(f"{k} {v}" for k, v in window["replies_by_kind"].items()) or "none"
    return f"{window['questions']} questions ({kinds}); {_ms(window['latency_ms'])}"


def format_replicas_table(report: Mapping[str, Any]) -> str:
    """The human-readable report of a replicas run."""
    params, deliveries = report["params"], report["deliveries"]
    rows: list[tuple[str, object]] = [
        ("replicas behind nginx", params["replicas"]),
        ("users × questions", f"{params['users']} × {params['per_user']}"),
        ("updates sent / replies", f"{report['updates_sent']} / {report['replies']}"),
        ("lost (no reply in time)", report["lost"]),
        ("duplicates (a question answered twice)", report["duplicates"]),
        ("error replies (apology)", report["error_replies"]),
        ("replies by kind", ", ".join(f"{k} {v}" for k, v in report["replies_by_kind"].items())),
        ("latency through nginx p50/p95/p99/max", _ms(report["latency_ms"])),
        ("in the replicas (handler) p50/p95/p99/max", _ms(report["bot_handler_ms"])),
        ("  of it, search p50/p95/p99/max", _ms(report.get("bot_search_ms", {}))),
        ("throughput", f"{report['throughput_rps']} replies/s over {report['duration_s']} s"),
        (
            "answers changed mid-question (unjudged)",
            f"{report['changed_mid_question']} ({report.get('unjudged_mid_question', 0)})",
        ),
        (
            "webhook deliveries: redelivered / attempts",
            f"{deliveries['redelivered']} / "
            + ", ".join(f"{k}×{v}" for k, v in deliveries["attempts"].items()),
        ),
    ]
    for replica in report["replicas"]:
        rows.append(
            (
                f"{replica['name']}: peak RSS, starts, ERROR lines",
                f"{replica['peak_rss_mib']} MiB, {replica['starts']}, {replica['log_errors']}",
            )
        )
    rows.append(("retrieval service peak RSS", f"{report['retrieval']['peak_rss_mib']} MiB"))
    warnings = ", ".join(f"{k} {v}" for k, v in sorted(report["log_warnings"].items()))
    rows.append(("replicas' WARNING lines by logger", warnings or "none"))
    kill = report.get("kill")
    if kill:
        back = f", back at {kill['back_at_s']} s" if kill.get("back_at_s") is not None else ""
        rows.append((f"SIGKILL {kill['replica']} at {kill['at_s']} s{back}", _seen(kill["seen"])))
    reload = report.get("reload")
    if reload:
        rows.append(
            ("reload: outcome, publish + build", f"{reload['outcome']}, {reload['build_s']} s")
        )
        spread = ", ".join(f"{k} {v:.0f}" for k, v in reload["propagation_ms"].items())
        rows.append(("reload: version reached (ms after publish)", spread or "none"))
        everywhere = reload.get("all_ms")
        within = "not reached" if everywhere is None else f"{everywhere} ms"
        rows.append(("reload: on every one within", within))
    for name in ("postgres", "redis"):
        restart = report.get(f"{name}_restart")
        if restart:
            label = f"{name} down {restart['at_s']}–{restart['at_s'] + restart['down_s']:.1f} s"
            rows.append((label, _seen(restart["seen"])))
    rows.append(
        ("machine busy", f"{report['machine']['busy_pct']}% of {report['machine']['cpus']} cores")
    )
    width = max(len(label) for label, _ in rows)
    lines = [f"{label:<{width}}  {value}" for label, value in rows]
    return "\n".join([*lines, *(f"! {error}" for error in report["errors"])])
