"""Prometheus metrics on a registry the composition root creates (no global collectors), and
the update middleware that feeds them from each update's `UpdateLog`."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any

from aiogram import BaseMiddleware
from aiogram.types import TelegramObject
from prometheus_client import CollectorRegistry, Counter, Gauge, Histogram
from prometheus_client.core import GaugeMetricFamily

from bot.middlewares.update_log import UpdateLog

# Search latency buckets (seconds): the target is p95 ≤ 0.1 s, so resolution sits below it.
LATENCY_BUCKETS = (0.005, 0.01, 0.025, 0.05, 0.075, 0.1, 0.15, 0.25, 0.5, 1.0, 2.5, 5.0)
# Version propagation (seconds): the target is every replica within 5 s.
FOLLOW_BUCKETS = (0.1, 0.25, 0.5, 1.0, 2.0, 5.0, 10.0, 30.0)


class Metrics:
    """All collectors of one bot process, registered on `registry` (served at /metrics)."""

    def __init__(self, registry: CollectorRegistry) -> None:
        self.registry = registry
        self._asked = 0
        self._answered = 0
        self.questions = Counter(
            "atazan_questions", "Questions searched (messages, example buttons, inline).",
            registry=registry,
        )  # fmt: skip
        self.answered = Counter(
            "atazan_questions_answered", "Questions answered with at least one quote.",
            registry=registry,
        )  # fmt: skip
        self.answered_ratio = Gauge(
            "atazan_answered_ratio", "Answered share of questions since the process started.",
            registry=registry,
        )  # fmt: skip
        self.answered_ratio.set_function(self._ratio)
        self.search_latency = Histogram(
            "atazan_search_latency_seconds", "Time from question to search result.",
            buckets=LATENCY_BUCKETS, registry=registry,
        )  # fmt: skip
        self.reloads = Counter(
            "atazan_reloads", "Corpus changes by source and result.", ["source", "result"],
            registry=registry,
        )  # fmt: skip
        self.errors = Counter(
            "atazan_errors", "Errors by type (handler exceptions, failed reloads).", ["type"],
            registry=registry,
        )  # fmt: skip
        self.updates = Counter(
            "atazan_updates", "Updates handled, by handler ('-' when none took it).", ["handler"],
            registry=registry,
        )  # fmt: skip

        self.follows = Counter(
            "atazan_corpus_follows", "Corpus versions swapped in after an announcement.",
            registry=registry,
        )  # fmt: skip
        self.follow_delay = Histogram(
            "atazan_corpus_follow_seconds", "From announcing a version to serving it here.",
            buckets=FOLLOW_BUCKETS, registry=registry,
        )  # fmt: skip
        self._version: _VersionCollector | None = None

    def watch_version(self, current: Callable[[], str]) -> None:
        """`atazan_corpus_version{version="…"} 1`: the corpus version serving, read at scrape."""
        if self._version is None:
            self._version = _VersionCollector(current)
            self.registry.register(self._version)
        else:
            self._version.current = current

    def observe_follow(self, version: str, delay_s: float) -> None:
        self.follows.inc()
        self.follow_delay.observe(delay_s)

    def _ratio(self) -> float:
        return self._answered / self._asked if self._asked else 0.0

    def observe_update(self, record: UpdateLog) -> None:
        self.updates.labels(handler=record.handler).inc()
        if record.answered is not None:
            self._asked += 1
            self.questions.inc()
            if record.answered:
                self._answered += 1
                self.answered.inc()
        if record.search_ms is not None:
            self.search_latency.observe(record.search_ms / 1000)

    def observe_error(self, kind: str) -> None:
        self.errors.labels(type=kind).inc()


class _VersionCollector:
    def __init__(self, current: Callable[[], str]) -> None:
        self.current = current

    def describe(self) -> list[GaugeMetricFamily]:
        return [self._family()]

    def collect(self) -> list[GaugeMetricFamily]:
        family = self._family()
        try:
            version = self.current()
        except Exception:  # a broken snapshot must not break the scrape (/healthz says why)
            return [family]
        family.add_metric([version or "built-in"], 1.0)
        return [family]

    @staticmethod
    def _family() -> GaugeMetricFamily:
        return GaugeMetricFamily(
            "atazan_corpus_version", "The corpus version serving (label; 1).", labels=["version"]
        )


class MetricsMiddleware(BaseMiddleware):
    """Outer update middleware, inside UpdateLogMiddleware (it reads the filled-in record)."""

    def __init__(self, metrics: Metrics) -> None:
        self._metrics = metrics

    async def __call__(
        self,
        handler: Callable[[TelegramObject, dict[str, Any]], Awaitable[Any]],
        event: TelegramObject,
        data: dict[str, Any],
    ) -> Any:
        try:
            return await handler(event, data)
        except Exception as exc:
            self._metrics.observe_error(type(exc).__name__)
            raise
        finally:
            record = data.get("update_log")
            if isinstance(record, UpdateLog):
                self._metrics.observe_update(record)
