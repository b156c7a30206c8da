"""Webhook mode that loses nothing: the update is handled inside Telegram's request.

aiogram's default answers 200 at once and handles the update afterwards, so a replica killed
in between loses it. Here the answer waits for the handler: 200 once handled, 500 when it
failed (Telegram delivers it again, perhaps to another replica), 200 without handling when
the update id was answered already, 503 while another request is still handling it.
"""

from __future__ import annotations

import asyncio
import logging

from aiogram import Bot, Dispatcher
from aiogram.types import Update
from aiogram.webhook.aiohttp_server import SimpleRequestHandler
from aiohttp import web
from pydantic import ValidationError

from bot.serving.dedupe import Claim, UpdateDedupe

log = logging.getLogger(__name__)

# Deliveries of one update that fail silently (500, Telegram retries) before the last one
# apologises to the citizen and is acknowledged: a bug must not be retried for a day.
DELIVERIES = 3
RETRY_AFTER_S = "5"


class InRequestWebhook(SimpleRequestHandler):
    """`SimpleRequestHandler` (secret check, session closed at shutdown) handling in-request."""

    def __init__(
        self,
        dispatcher: Dispatcher,
        bot: Bot,
        secret: str,
        dedupe: UpdateDedupe,
        keep_claim_s: float,
    ) -> None:
        super().__init__(dispatcher, bot, handle_in_background=False, secret_token=secret)
        self._dedupe = dedupe
        self._keep_claim_s = keep_claim_s

    async def _handle_request(self, bot: Bot, request: web.Request) -> web.Response:
        try:
            raw = await request.json(loads=bot.session.json_loads)
            update = Update.model_validate(raw, context={"bot": bot})
        except (ValueError, ValidationError):
            log.warning("webhook: the request body is not an update (400)")
            return web.Response(status=400, text="not an update")
        update_id = update.update_id
        try:
            claim, delivery = await self._dedupe.claim(update_id)
        except Exception as exc:  # Redis down: answering beats waiting for it
            log.warning("update id=%d: dedupe unavailable (%s); handling it", update_id, exc)
            claim, delivery = Claim.NEW, 1
        if claim is Claim.DONE:
            log.info("update id=%d delivered again: answered already", update_id)
            return web.Response(text="duplicate")
        if claim is Claim.BUSY:
            return web.Response(
                status=503, text="in progress", headers={"Retry-After": RETRY_AFTER_S}
            )
        keeper = asyncio.create_task(self._keep_claim(update_id), name=f"claim-{update_id}")
        try:
            await self.dispatcher.feed_update(
                bot, update, delivery=delivery, last_delivery=delivery >= DELIVERIES, **self.data
            )
        except Exception:
            await self._settle(update_id, handled=False)
            return web.Response(status=500, text="failed; deliver again")
        finally:
            keeper.cancel()
        await self._settle(update_id, handled=True)
        return web.Response(text="ok")

    async def _keep_claim(self, update_id: int) -> None:
        while True:
            await asyncio.sleep(self._keep_claim_s)
            try:
                await self._dedupe.extend(update_id)
            except Exception as exc:  # Redis away for a moment: try again next time
                log.warning("update id=%d: claim not extended (%s)", update_id, exc)

    async def _settle(self, update_id: int, *, handled: bool) -> None:
        try:
            if handled:
                await self._dedupe.done(update_id)
            else:
                await self._dedupe.release(update_id)
        except Exception as exc:  # the claim then simply expires
            log.warning("update id=%d: dedupe unavailable (%s)", update_id, exc)
