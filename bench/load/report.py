"""Numbers from a load run: one JSON-able dict, and the table a human reads."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import asdict
from typing import Any

from bench.load.drive import FloodResult, ReloadResult, Sample
from bench.load.scenario import ReplyKind, latency_summary

COMPLETE = (ReplyKind.ANSWER, ReplyKind.ABSTAIN)


def _latencies(samples: Sequence[Sample], start: float = -1e18, end: float = 1e18) -> list[float]:
    """Latencies of the questions in flight at some moment of [start, end] (emulator ms)."""
    return [
        s.latency_ms
        for s in samples
        if s.latency_ms is not None and s.sent_ts <= end and s.sent_ts + s.latency_ms >= start
    ]


def summarise(
    samples: Sequence[Sample],
    failures: Sequence[str],
    flood: FloodResult | None,
    reload: ReloadResult | None,
) -> dict[str, Any]:
    """Counts, latency percentiles, throughput; flood and reload windows when they ran."""
    kinds = Counter(s.kind.value for s in samples if s.kind is not None)
    replied = [s for s in samples if s.reply_ts is not None]
    typing = [s.typing_ts - s.sent_ts for s in samples if s.typing_ts is not None]
    span_ms = (
        max(s.reply_ts for s in replied if s.reply_ts is not None) - min(s.sent_ts for s in samples)
        if replied
        else 0.0
    )
    report: dict[str, Any] = {
        "updates_sent": len(samples),
        "replies": len(replied),
        "lost": len(samples) - len(replied),
        "error_replies": kinds.get(ReplyKind.ERROR.value, 0),
        "api_errors": sum(s.api_errors for s in samples),
        "send_failures": len(failures),
        "replies_by_kind": dict(sorted(kinds.items())),
        "latency_ms": latency_summary(_latencies(samples)),
        "typing_ms": latency_summary(typing),
        "duration_s": round(span_ms / 1000, 1),
        "throughput_rps": round(len(replied) / (span_ms / 1000), 2) if span_ms else None,
        "answer_changes": answer_changes(samples),
    }
    if flood is not None:
        report["flood"] = _flood(samples, flood)
    if reload is not None:
        report["reload"] = _reload(samples, reload)
    return report


def answer_changes(samples: Sequence[Sample]) -> int:
    """(question, language) pairs that got more than one distinct complete reply: 0 when the
    index did not change meaning (a reload of the same corpus must keep every answer)."""
    texts: defaultdict[tuple[str, str], set[str]] = defaultdict(set)
    for s in samples:
        if s.kind in COMPLETE:
            texts[(s.question.text, s.language_code)].add(s.text)
    return sum(1 for found in texts.values() if len(found) > 1)


def _flood(samples: Sequence[Sample], flood: FloodResult) -> dict[str, Any]:
    during = _latencies(samples, flood.start_ts, flood.settled_ts)
    outside = [
        s.latency_ms
        for s in samples
        if s.latency_ms is not None
        and (s.sent_ts > flood.settled_ts or s.sent_ts + s.latency_ms < flood.start_ts)
    ]
    answered = sum(flood.replies.get(k.value, 0) for k in COMPLETE)
    throttled = flood.replies.get(ReplyKind.THROTTLED.value, 0)
    return {
        "sent": flood.sent,
        "sent_in_s": round((flood.sent_until_ts - flood.start_ts) / 1000, 2),
        "answered": answered,
        "throttle_notices": throttled,
        "dropped_silently": flood.sent - answered - throttled,
        "other_replies": {
            k: v for k, v in flood.replies.items() if k not in {*COMPLETE, ReplyKind.THROTTLED}
        },
        "api_errors": flood.api_errors,
        "window_s": [round(flood.start_ts / 1000, 1), round(flood.settled_ts / 1000, 1)],
        "others_during_ms": latency_summary(during),
        "others_outside_ms": latency_summary(outside),
    }


def in_window(samples: Sequence[Sample], start: float, end: float) -> list[Sample]:
    """The questions in flight at some moment of [start, end] (lost ones: asked by `end`)."""
    return [s for s in samples if s.sent_ts <= end and (s.reply_ts is None or s.reply_ts >= start)]


def _reload(samples: Sequence[Sample], reload: ReloadResult) -> dict[str, Any]:
    end = reload.done_ts or reload.signal_ts
    window = in_window(samples, reload.build_start_ts, end)
    return {
        **{k: v for k, v in asdict(reload).items() if not k.endswith("_ts")},
        "at_s": round(reload.build_start_ts / 1000, 1),
        "build_s": round((reload.built_ts - reload.build_start_ts) / 1000, 1),
        "swap_ms": round(reload.done_ts - reload.signal_ts, 1) if reload.done_ts else None,
        "questions_in_window": len(window),
        "incomplete_in_window": sum(1 for s in window if s.kind not in COMPLETE),
        "during_build_ms": latency_summary(
            _latencies(samples, reload.build_start_ts, reload.built_ts)
        ),
        "during_swap_ms": latency_summary(_latencies(samples, reload.signal_ts, end)),
    }


def _ms(summary: dict[str, Any]) -> str:
    if not summary.get("n"):
        return "no samples"
    return " / ".join(f"{summary[k]:.0f}" for k in ("p50", "p95", "p99", "max")) + (
        f" ms  (n={summary['n']})"
    )


def _pair(first: object, second: object) -> str:
    return f"{first} / {second}"


def format_table(report: dict[str, Any]) -> str:
    """The human-readable report printed without --json."""
    params = report["params"]
    bot = report["bot"]
    machine = report["machine"]
    rows = [
        ("users × questions", f"{params['users']} × {params['per_user']}"),
        ("gap between questions", f"{params['gap_s'][0]}–{params['gap_s'][1]} s"),
        ("updates sent", report["updates_sent"]),
        ("replies received", report["replies"]),
        ("lost (no reply in time)", report["lost"]),
        ("error replies (apology)", report["error_replies"]),
        ("refused API calls / send failures", _pair(report["api_errors"], report["send_failures"])),
        ("replies by kind", ", ".join(f"{k} {v}" for k, v in report["replies_by_kind"].items())),
        ("latency p50/p95/p99/max", _ms(report["latency_ms"])),
        ("typing shown p50/p95/p99/max", _ms(report["typing_ms"])),
        ("in the bot (handler) p50/p95/p99/max", _ms(report["bot_handler_ms"])),
        ("  of it, search p50/p95/p99/max", _ms(report.get("bot_search_ms", {}))),
        ("duration", f"{report['duration_s']} s"),
        ("throughput", f"{report['throughput_rps']} replies/s"),
        ("answers that changed", report["answer_changes"]),
        ("bot peak RSS (VmHWM)", f"{bot['peak_rss_mib']} MiB"),
        ("bot CPU during the run", f"{bot['cpu_s']} s ({bot['cpu_pct']}% of one core)"),
        ("bot start-up", f"{bot['startup_s']} s"),
        ("bot log ERROR lines", bot["log_errors"]),
        ("machine busy", f"{machine['busy_pct']}% of {machine['cpus']} cores"),
        (
            "CPU: emulator / users / rebuild / others",
            f"{machine['emulator_cpu_s']} / {machine['client_cpu_s']} / "
            f"{machine['rebuild_cpu_s']} / {machine['others_cpu_s']} s",
        ),
    ]
    flood = report.get("flood")
    if flood:
        rows += [
            ("flood: sent", f"{flood['sent']} in {flood['sent_in_s']} s"),
            (
                "flood: answered / throttle notices",
                _pair(flood["answered"], flood["throttle_notices"]),
            ),
            ("flood: dropped silently", flood["dropped_silently"]),
            ("others during the flood", _ms(flood["others_during_ms"])),
            ("others outside the flood", _ms(flood["others_outside_ms"])),
        ]
    reload = report.get("reload")
    if reload:
        rows += [
            ("reload: outcome", f"{reload['outcome']} at {reload['at_s']} s"),
            ("reload: build (corpus + index)", f"{reload['build_s']} s"),
            ("reload: swap after SIGHUP", f"{reload['swap_ms']} ms"),
            ("reload: questions in window", reload["questions_in_window"]),
            ("reload: incomplete replies in window", reload["incomplete_in_window"]),
            ("latency during the build", _ms(reload["during_build_ms"])),
            ("latency during the swap", _ms(reload["during_swap_ms"])),
        ]
    width = max(len(str(label)) for label, _ in rows)
    lines = [f"{label:<{width}}  {value}" for label, value in rows]
    lines += [f"! {error}" for error in report["errors"]]
    return "\n".join(lines)
