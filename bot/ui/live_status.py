"""One moderator message edited as a corpus rebuild advances: "Publishing x.txt — embedding
64 of 120". The build reports stages from its worker thread; edits happen on the event loop,
at once when the stage changes and at most every `min_interval` seconds within a stage."""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Awaitable, Callable
from contextlib import suppress
from typing import TypeVar

from aiogram import Bot
from aiogram.exceptions import TelegramAPIError

from bot.ui.render import simple
from bot.ui.render_releases import stage_message
from bot.ui.sending import Target
from bot.ui.texts.moderator import ModTexts

log = logging.getLogger(__name__)

Render = Callable[[str, int, int], str]
T = TypeVar("T")


class LiveStatus:
    def __init__(
        self,
        bot: Bot,
        chat_id: int,
        message_id: int,
        render: Render,
        *,
        min_interval: float = 1.0,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self._bot = bot
        self._chat_id = chat_id
        self._message_id = message_id
        self._render = render
        self._min_interval = min_interval
        self._clock = clock
        self._loop = asyncio.get_running_loop()
        self._pending: list[tuple[str, int, int]] = []
        self._shown_text = ""
        self._shown_stage = ""
        self._shown_at = float("-inf")
        self._wake = asyncio.Event()
        self._task = asyncio.create_task(self._run(), name="live-status")

    def __call__(self, stage: str, done: int = 0, total: int = 0) -> None:
        """A `retrieval.progress.Step`: safe to call from any thread."""
        self._loop.call_soon_threadsafe(self._update, (stage, done, total))

    def _update(self, state: tuple[str, int, int]) -> None:
        # every stage is shown once; counts within a stage only keep the latest
        if self._pending and self._pending[-1][0] == state[0]:
            self._pending[-1] = state
        else:
            self._pending.append(state)
        self._wake.set()

    async def _run(self) -> None:
        while True:
            await self._wake.wait()
            self._wake.clear()
            while self._pending:
                state = self._pending[0]
                wait = self._shown_at + self._min_interval - self._clock()
                if state[0] == self._shown_stage and wait > 0:
                    await asyncio.sleep(wait)  # counts within a stage: one edit a second at most
                    continue
                self._pending.pop(0)
                await self._show(state)

    async def _show(self, state: tuple[str, int, int]) -> None:
        text = self._render(*state)
        if text == self._shown_text:
            return
        self._shown_text, self._shown_stage, self._shown_at = text, state[0], self._clock()
        try:
            await self._bot.edit_message_text(
                text=text, chat_id=self._chat_id, message_id=self._message_id
            )
        except TelegramAPIError as exc:  # progress is a courtesy: never fail the change
            log.debug("status edit failed: %s", exc)

    async def finish(self, stage: str | None = None) -> None:
        """Stop and show the final state (`stage`, e.g. "done" or "failed", if given)."""
        self._task.cancel()
        with suppress(asyncio.CancelledError):
            await self._task
        shown = self._shown_stage
        for state in self._pending:  # stages reported but not shown yet, in order
            if state[0] != shown:
                await self._show(state)
                shown = state[0]
        self._pending.clear()
        if stage is not None:
            await self._show((stage, 0, 0))


async def with_status(
    bot: Bot,
    chat_id: int,
    first_text: str,
    render: Render,
    run: Callable[[LiveStatus], Awaitable[T]],
    *,
    thread_id: int | None = None,
) -> T:
    """Send `first_text`, run the change with the message as its progress, then show "done"
    (or "failed" if the change raised) in the same message."""
    sent = await bot.send_message(chat_id=chat_id, text=first_text, message_thread_id=thread_id)
    status = LiveStatus(bot, chat_id, sent.message_id, render)
    try:
        result = await run(status)
    except BaseException:
        await status.finish("failed")
        raise
    await status.finish("done")
    return result


async def run_with_status(
    bot: Bot,
    target: Target,
    title: str,
    mtx: ModTexts,
    run: Callable[[LiveStatus], Awaitable[T]],
    *,
    first_text: str | None = None,
) -> T:
    """A corpus change with its moderator-facing status message ("<title> — <stage>")."""

    def render(stage: str, done: int, total: int) -> str:
        return stage_message(title, stage, done, total, mtx)

    return await with_status(
        bot,
        target.chat_id,
        first_text or simple(f"{title}…"),
        render,
        run,
        thread_id=target.thread_id,
    )
