"""Plays Telegram users against the local Bot API emulator and collects what the bot sends.

Used by the e2e tests (`tests/e2e`) and by `atazan bench --load`.

One `EmulatorClient` holds one aiohttp session and one long poll on the emulator's `/e2e/events`
(everything the bot did, in order), fanned out to per-chat logs, so thousands of simulated users
cost one connection. Each `FakeUser` sends updates and waits for replies after its last action:

    async with EmulatorClient(base_url, token) as client:
        await client.wait_until_polling()
        user = client.user(42, language_code="kk")
        sent = await user.send_text("Жер кімге тиесілі?")
        reply = await user.expect("message")
        latency_ms = reply.ts - sent.ts  # both on the emulator's clock
"""

from __future__ import annotations

import asyncio
import base64
import contextlib
import itertools
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, Self

import aiohttp

JsonDict = dict[str, Any]


class ReplyTimeout(AssertionError):
    """The bot did not send what a test waited for; the message lists what it did send."""


@dataclass(frozen=True)
class Button:
    text: str
    callback_data: str | None
    url: str | None


@dataclass(frozen=True)
class BotEvent:
    """One bot API call the emulator saw: a message, edit, callback answer, chat action, …"""

    seq: int
    ts: float  # emulator clock, milliseconds
    # message | edit | delete | callback_answer | inline_answer | chat_action | call | error
    kind: str
    method: str  # lower-case Bot API method name
    chat_id: int | None
    message_id: int | None
    text: str  # what the user sees (HTML tags removed, entities decoded)
    html: str | None  # the text as the bot sent it
    params: JsonDict
    message: JsonDict | None  # the message as Telegram now holds it (for pressing its buttons)

    @classmethod
    def from_json(cls, data: JsonDict) -> BotEvent:
        return cls(
            seq=int(data["seq"]),
            ts=float(data["ts"]),
            kind=str(data["kind"]),
            method=str(data["method"]),
            chat_id=data.get("chat_id"),
            message_id=data.get("message_id"),
            text=str(data.get("text") or ""),
            html=data.get("html"),
            params=dict(data.get("params") or {}),
            message=data.get("message"),
        )

    @property
    def buttons(self) -> list[Button]:
        markup = self.params.get("reply_markup") or {}
        rows = markup.get("inline_keyboard") or [] if isinstance(markup, dict) else []
        return [
            Button(str(b.get("text", "")), b.get("callback_data"), b.get("url"))
            for row in rows
            for b in row
        ]

    def button(self, text_contains: str) -> Button:
        """The first inline button whose text contains the substring (case-insensitive)."""
        for candidate in self.buttons:
            if text_contains.casefold() in candidate.text.casefold():
                return candidate
        raise AssertionError(
            f"no button containing {text_contains!r}; buttons: {[b.text for b in self.buttons]}"
        )

    def has_button(self, text_contains: str) -> bool:
        return any(text_contains.casefold() in b.text.casefold() for b in self.buttons)


@dataclass(frozen=True)
class Sent:
    """What the emulator assigned to an update a fake user sent."""

    update_id: int
    ts: float  # emulator clock, milliseconds; `reply.ts - sent.ts` is the bot's latency
    mark: int  # the emulator's last event seq when it arrived: replies have a larger seq
    message_id: int | None = None
    callback_query_id: str | None = None
    inline_query_id: str | None = None


class EmulatorClient:
    """The user side of the emulator for one bot token; use as `async with`."""

    def __init__(
        self,
        base_url: str,
        token: str,
        *,
        session: aiohttp.ClientSession | None = None,
        replay: bool = False,
    ) -> None:
        """`replay=True` also collects what the bot did before this client started."""
        self.base_url = base_url.rstrip("/")
        self.token = token
        self._replay = replay
        self._session = session
        self._own_session = session is None
        self._logs: defaultdict[int | None, list[BotEvent]] = defaultdict(list)
        self._changed = asyncio.Condition()
        self._cursor = 0
        self._poller: asyncio.Task[None] | None = None
        self._ids = itertools.count(1)

    async def __aenter__(self) -> Self:
        await self.start()
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self.close()

    @property
    def session(self) -> aiohttp.ClientSession:
        if self._session is None:
            raise RuntimeError("EmulatorClient is not started")
        return self._session

    async def start(self) -> None:
        if self._session is None:
            connector = aiohttp.TCPConnector(limit=256)
            self._session = aiohttp.ClientSession(connector=connector)
        # By default skip what happened before us (e.g. an earlier test), then follow live.
        self._cursor = 0 if self._replay else int((await self.status())["last_seq"])
        self._poller = asyncio.create_task(self._poll_events(), name="emulator-events")

    async def close(self) -> None:
        if self._poller is not None:
            self._poller.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._poller
            self._poller = None
        if self._own_session and self._session is not None:
            await self._session.close()
            self._session = None

    async def _request(self, path: str, payload: JsonDict | None = None) -> Any:
        url = f"{self.base_url}{path}"
        if payload is None:
            async with self.session.get(url) as response:
                data = await response.json()
        else:
            async with self.session.post(url, json=payload) as response:
                data = await response.json()
        if not data.get("ok"):
            raise RuntimeError(f"emulator {path} failed: {data}")
        return data["result"]

    async def status(self, wait_polling: float = 0.0) -> JsonDict:
        """Emulator counters; `wait_polling` holds the call until the bot long-polls."""
        query = f"/e2e/status?token={self.token}&wait_polling={wait_polling}"
        result: JsonDict = await self._request(query)
        return result

    # The waits below own their timeout so a failure can say what did arrive instead.
    async def wait_until_polling(self, timeout: float = 60.0) -> None:  # noqa: ASYNC109
        """Return once the bot holds a getUpdates long poll (it has finished starting)."""
        if not (await self.status(wait_polling=timeout))["polling"]:
            raise ReplyTimeout(f"the bot did not start polling within {timeout}s")

    async def push_update(self, update: JsonDict, chat_id: int | None) -> Sent:
        result = await self._request("/e2e/update", {"token": self.token, "update": update})
        return Sent(
            update_id=int(result["update_id"]),
            ts=float(result["ts"]),
            mark=int(result["seq"]),
            message_id=result.get("message_id"),
            callback_query_id=result.get("callback_query_id"),
            inline_query_id=result.get("inline_query_id"),
        )

    def user(
        self,
        user_id: int,
        *,
        language_code: str | None = "ru",
        first_name: str = "Тест",
        chat_id: int | None = None,
        chat_type: str = "private",
        chat_title: str | None = None,
    ) -> FakeUser:
        """A user; by default in a private chat whose id is the user id."""
        return FakeUser(self, user_id, language_code, first_name, chat_id, chat_type, chat_title)

    def events(self, chat_id: int | None) -> list[BotEvent]:
        """Everything the bot did in a chat so far (None: chat-less calls like setMyCommands)."""
        return self._logs[chat_id]

    async def wait_for(
        self,
        chat_id: int | None,
        after: int,
        predicate: Callable[[BotEvent], bool],
        timeout: float,  # noqa: ASYNC109
    ) -> BotEvent:
        """The first event in the chat with seq > `after` that matches."""
        log = self._logs[chat_id]
        try:
            async with asyncio.timeout(timeout), self._changed:
                while True:
                    for event in log:
                        if event.seq > after and predicate(event):
                            return event
                    await self._changed.wait()
        except TimeoutError:
            seen = [(e.kind, e.method, e.text[:80]) for e in log if e.seq > after]
            raise ReplyTimeout(
                f"chat {chat_id}: no matching event in {timeout}s; got {seen}"
            ) from None

    async def sync(self, timeout: float = 5.0) -> None:  # noqa: ASYNC109
        """Wait until every event the emulator has recorded so far is in the local logs."""
        target = int((await self.status())["last_seq"])
        async with asyncio.timeout(timeout), self._changed:
            await self._changed.wait_for(lambda: self._cursor >= target)

    async def _poll_events(self) -> None:
        url = f"{self.base_url}/e2e/events"
        while True:
            try:
                params = {"after": str(self._cursor), "timeout": "25", "limit": "5000"}
                async with self.session.get(url, params=params) as response:
                    data = await response.json()
            except (TimeoutError, aiohttp.ClientError):
                await asyncio.sleep(0.1)  # emulator restarting or shutting down
                continue
            events = [BotEvent.from_json(e) for e in data["result"]["events"]]
            if not events:
                continue
            async with self._changed:
                for event in events:
                    self._logs[event.chat_id].append(event)
                self._cursor = events[-1].seq
                self._changed.notify_all()


@dataclass
class FakeUser:
    """One Telegram user in one chat; replies are looked for after the user's last action."""

    client: EmulatorClient
    user_id: int
    language_code: str | None
    first_name: str
    chat_id_override: int | None
    chat_type: str
    chat_title: str | None
    last: Sent | None = field(default=None)

    @property
    def chat_id(self) -> int:
        return self.user_id if self.chat_id_override is None else self.chat_id_override

    @property
    def sender(self) -> JsonDict:
        user: JsonDict = {"id": self.user_id, "is_bot": False, "first_name": self.first_name}
        if self.language_code:
            user["language_code"] = self.language_code
        return user

    @property
    def chat(self) -> JsonDict:
        if self.chat_type == "private":
            return {"id": self.chat_id, "type": "private", "first_name": self.first_name}
        return {"id": self.chat_id, "type": self.chat_type, "title": self.chat_title or "Group"}

    @property
    def history(self) -> list[BotEvent]:
        return self.client.events(self.chat_id)

    async def send_text(
        self, text: str, *, entities: list[JsonDict] | None = None, reply_to: JsonDict | None = None
    ) -> Sent:
        message: JsonDict = {"from": self.sender, "chat": self.chat, "text": text}
        if entities:
            message["entities"] = entities
        if reply_to is not None:
            message["reply_to_message"] = reply_to
        return await self._push({"message": message})

    async def send_command(self, command: str, args: str = "") -> Sent:
        """`/command args` with the bot_command entity Telegram adds."""
        head = command if command.startswith("/") else f"/{command}"
        text = f"{head} {args}".strip()
        entity = {"type": "bot_command", "offset": 0, "length": len(head.encode("utf-16-le")) // 2}
        return await self.send_text(text, entities=[entity])

    async def send_document(self, name: str, data: bytes, mime_type: str = "text/plain") -> Sent:
        """A file sent to the bot; the bot downloads it from the emulator as from Telegram."""
        payload = {"name": name, "content_base64": base64.b64encode(data).decode("ascii")}
        file = await self.client._request("/e2e/file", payload)
        document = {**file, "file_name": name, "mime_type": mime_type}
        return await self._push(
            {"message": {"from": self.sender, "chat": self.chat, "document": document}}
        )

    async def press(self, source: BotEvent, button: str | Button) -> Sent:
        """Press an inline button (by text substring or Button) under the bot's message."""
        chosen = source.button(button) if isinstance(button, str) else button
        if chosen.callback_data is None or source.message is None:
            raise AssertionError(f"button {chosen.text!r} has no callback data")
        query = {"from": self.sender, "message": source.message, "data": chosen.callback_data}
        return await self._push({"callback_query": query})

    async def inline_query(self, query: str, offset: str = "") -> Sent:
        inline = {"from": self.sender, "query": query, "offset": offset, "chat_type": "private"}
        return await self._push({"inline_query": inline})

    async def _push(self, update: JsonDict) -> Sent:
        self.last = await self.client.push_update(update, self.chat_id)
        return self.last

    async def expect(
        self,
        kind: str | tuple[str, ...] = "message",
        *,
        contains: str | None = None,
        where: Callable[[BotEvent], bool] | None = None,
        timeout: float = 10.0,  # noqa: ASYNC109
    ) -> BotEvent:
        """The first event of that kind (and text) since this user's last action.

        A callback answer must answer the last pressed button, not an earlier one.
        """
        kinds = (kind,) if isinstance(kind, str) else kind
        pressed = self.last.callback_query_id if self.last is not None else None

        def matches(event: BotEvent) -> bool:
            if event.kind not in kinds:
                return False
            answered = str(event.params.get("callback_query_id"))
            if event.kind == "callback_answer" and pressed is not None and answered != pressed:
                return False
            if contains is not None and contains.casefold() not in event.text.casefold():
                return False
            return where is None or where(event)

        after = self.last.mark if self.last is not None else 0
        return await self.client.wait_for(self.chat_id, after, matches, timeout)

    def since_last(self) -> list[BotEvent]:
        """Everything the bot did in this chat since this user's last action."""
        after = self.last.mark if self.last is not None else 0
        return [e for e in self.history if e.seq > after]

    async def ask(self, text: str, timeout: float = 10.0) -> BotEvent:  # noqa: ASYNC109
        """Send a text and return the bot's next message."""
        await self.send_text(text)
        return await self.expect("message", timeout=timeout)
