"""Telegram's webhook side, played by the load bench: a citizen's message becomes an update
POSTed to the load balancer with the secret, redelivered like Telegram does (after a non-200
answer or a timeout, with growing pauses) until one answer is 200. The bot's replies still go
to the Bot API emulator, which the simulated citizens read as before.

`WebhookClient` is an `EmulatorClient` whose `push_update` does that instead of queueing the
update for getUpdates, so the polling bench's citizens (`drive.run_user`) run unchanged.
"""

from __future__ import annotations

import asyncio
import itertools
import time
from collections import Counter
from dataclasses import dataclass, field

import aiohttp

from bench.load.client import EmulatorClient, JsonDict, Sent

SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token"
# Telegram's redelivery pauses are not published; these grow like its observed ones, capped.
FIRST_RETRY_S = 0.5
MAX_RETRY_S = 8.0
REQUEST_TIMEOUT_S = 60.0  # Telegram waits about this long for a webhook's answer


@dataclass
class Delivery:
    """One update's way to the bot: every attempt's outcome (HTTP status or the error)."""

    update_id: int
    attempts: list[str] = field(default_factory=list)
    delivered_s: float | None = None  # first send → the 200, None while not delivered


@dataclass
class DeliveryStats:
    updates: int
    delivered: int
    redelivered: int  # updates that needed more than one attempt
    attempts: dict[str, int]  # outcome → count, over all attempts
    slowest_s: float | None


class WebhookClient(EmulatorClient):
    """Sends every update through `hook` (nginx in front of the replicas) with the secret."""

    def __init__(self, base_url: str, token: str, hook: str, secret: str, give_up_s: float) -> None:
        super().__init__(base_url, token)
        self.hook = hook
        self.secret = secret
        self.give_up_s = give_up_s
        self.deliveries: list[Delivery] = []
        self._tasks: set[asyncio.Task[None]] = set()
        self._update_ids = itertools.count(1)
        self._message_ids = itertools.count(1)
        self._webhook_session: aiohttp.ClientSession | None = None

    async def start(self) -> None:
        await super().start()
        self._webhook_session = aiohttp.ClientSession(
            connector=aiohttp.TCPConnector(limit=256),
            timeout=aiohttp.ClientTimeout(total=REQUEST_TIMEOUT_S),
        )

    async def close(self) -> None:
        for task in list(self._tasks):
            task.cancel()
        await asyncio.gather(*self._tasks, return_exceptions=True)
        if self._webhook_session is not None:
            await self._webhook_session.close()
        await super().close()

    async def push_update(self, update: JsonDict, chat_id: int | None) -> Sent:
        """Telegram has the message: its time and the emulator's event mark are taken now,
        and delivery to the bot goes on in the background (the citizen just waits)."""
        status = await self.status()
        update_id = next(self._update_ids)
        message = update.get("message")
        if isinstance(message, dict):
            message.setdefault("message_id", next(self._message_ids))
            message.setdefault("date", int(time.time()))
        delivery = Delivery(update_id)
        self.deliveries.append(delivery)
        task = asyncio.create_task(self._deliver({"update_id": update_id, **update}, delivery))
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)
        return Sent(
            update_id=update_id,
            ts=float(status["now"]),
            mark=int(status["last_seq"]),
            message_id=message.get("message_id") if isinstance(message, dict) else None,
        )

    async def _deliver(self, update: JsonDict, delivery: Delivery) -> None:
        assert self._webhook_session is not None
        headers = {SECRET_HEADER: self.secret}
        started = time.monotonic()
        pause = FIRST_RETRY_S
        while time.monotonic() - started < self.give_up_s:
            try:
                async with self._webhook_session.post(
                    self.hook, json=update, headers=headers
                ) as response:
                    await response.read()
                    delivery.attempts.append(str(response.status))
                    if response.status == 200:
                        delivery.delivered_s = time.monotonic() - started
                        return
            except (aiohttp.ClientError, TimeoutError) as exc:
                delivery.attempts.append(type(exc).__name__)
            await asyncio.sleep(pause)
            pause = min(pause * 2, MAX_RETRY_S)

    async def settle(self, timeout_s: float) -> None:
        """Wait for the deliveries still retrying (bounded: each gives up by itself)."""
        if self._tasks:
            await asyncio.wait(set(self._tasks), timeout=timeout_s)

    def stats(self) -> DeliveryStats:
        outcomes = Counter(a for d in self.deliveries for a in d.attempts)
        delivered = [d.delivered_s for d in self.deliveries if d.delivered_s is not None]
        return DeliveryStats(
            updates=len(self.deliveries),
            delivered=len(delivered),
            redelivered=sum(1 for d in self.deliveries if len(d.attempts) > 1),
            attempts=dict(sorted(outcomes.items())),
            slowest_s=round(max(delivered), 2) if delivered else None,
        )
