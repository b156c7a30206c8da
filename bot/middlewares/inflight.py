"""Counts updates being handled, so shutdown can wait for them (aiogram's polling does not).

`drain` is the first shutdown handler: polling has stopped (or the webhook site closed), the
bot session and the services are still open, and every in-flight handler gets to finish.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable
from typing import Any

from aiogram import BaseMiddleware
from aiogram.types import TelegramObject, Update

log = logging.getLogger(__name__)


class InFlightMiddleware(BaseMiddleware):
    def __init__(self, timeout_s: float) -> None:
        self.timeout_s = timeout_s
        self.active = 0
        self.last_update_id: int | None = None
        self._idle = asyncio.Event()
        self._idle.set()

    async def __call__(
        self,
        handler: Callable[[TelegramObject, dict[str, Any]], Awaitable[Any]],
        event: TelegramObject,
        data: dict[str, Any],
    ) -> Any:
        if isinstance(event, Update):
            self.last_update_id = max(self.last_update_id or 0, event.update_id)
        self.active += 1
        self._idle.clear()
        try:
            return await handler(event, data)
        finally:
            self.active -= 1
            if self.active == 0:
                self._idle.set()

    async def drain(self) -> None:
        """Wait (up to `timeout_s`) until no update is being handled."""
        await asyncio.sleep(0)  # updates already handed to tasks reach the middleware first
        if self.active:
            log.info("shutdown: waiting for %d update(s) in flight", self.active)
        try:
            await asyncio.wait_for(self._idle.wait(), self.timeout_s)
        except TimeoutError:
            log.warning(
                "shutdown: %d update(s) still running after %.0fs; closing anyway",
                self.active,
                self.timeout_s,
            )
