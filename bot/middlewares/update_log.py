"""One structured log line per update: id, type, handler, latency, answered, search time (the
rest of the latency is the bot's own work: storage, shared state, sending) — never text."""

from __future__ import annotations

import logging
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Any

from aiogram import BaseMiddleware
from aiogram.dispatcher.event.handler import HandlerObject
from aiogram.types import TelegramObject, Update

log = logging.getLogger("bot.updates")


@dataclass(slots=True)
class UpdateLog:
    """Filled in while an update is handled; questions set `answered` and `search_ms`."""

    update_id: int
    kind: str
    handler: str = "-"
    answered: bool | None = None
    search_ms: float | None = None


class UpdateLogMiddleware(BaseMiddleware):
    """Outer middleware on `update`: times the whole update and writes the line."""

    async def __call__(
        self,
        handler: Callable[[TelegramObject, dict[str, Any]], Awaitable[Any]],
        event: TelegramObject,
        data: dict[str, Any],
    ) -> Any:
        if not isinstance(event, Update):
            return await handler(event, data)
        record = UpdateLog(update_id=event.update_id, kind=_kind(event))
        data["update_log"] = record
        started = time.perf_counter()
        failed = True
        try:
            result = await handler(event, data)
            failed = False
            return result
        finally:
            latency_ms = (time.perf_counter() - started) * 1000
            answered = "-" if record.answered is None else str(record.answered).lower()
            search = "-" if record.search_ms is None else f"{record.search_ms:.1f}"
            log.info(
                "update id=%d type=%s handler=%s latency_ms=%.1f answered=%s error=%s search_ms=%s",
                record.update_id,
                record.kind,
                record.handler,
                latency_ms,
                answered,
                str(failed).lower(),
                search,
            )


class HandlerNameMiddleware(BaseMiddleware):
    """Inner middleware: records which handler took the event."""

    async def __call__(
        self,
        handler: Callable[[TelegramObject, dict[str, Any]], Awaitable[Any]],
        event: TelegramObject,
        data: dict[str, Any],
    ) -> Any:
        record = data.get("update_log")
        handler_object = data.get("handler")
        if isinstance(record, UpdateLog) and isinstance(handler_object, HandlerObject):
            record.handler = getattr(handler_object.callback, "__name__", "?")
        return await handler(event, data)


def _kind(update: Update) -> str:
    try:
        return update.event_type
    except Exception:  # unknown update types must not break logging
        return "unknown"
