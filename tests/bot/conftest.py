"""A dispatcher wired exactly as in production, talking to an in-memory Telegram."""

from __future__ import annotations

import itertools
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import pytest
from aiogram import Bot, Dispatcher
from aiogram.methods import SendMessage, TelegramMethod
from aiogram.types import InlineKeyboardMarkup, Update

from bot.app import Services, create_bot, create_dispatcher
from bot.config import DbSection, Settings
from bot.console.session import LocalSession
from bot.storage import Storage
from tests.bot.backends import RepoOpener
from tests.bot.fakes import FakeSearch

TOKEN = "123456:TEST-token"
BOT_ID = 123456
ALICE: dict[str, Any] = {
    "id": 111111111,
    "is_bot": False,
    "first_name": "Alice",
    "language_code": "ru",
}
BOB: dict[str, Any] = {
    "id": 222222222,
    "is_bot": False,
    "first_name": "Bob",
    "language_code": "en-US",
}
ASEL: dict[str, Any] = {
    "id": 333333333,
    "is_bot": False,
    "first_name": "Асель",
    "language_code": "kk",
}
GROUP: dict[str, Any] = {"id": -1001234567, "type": "supergroup", "title": "Citizens"}


class FakeClock:
    """Monotonic clock for throttling: every read advances by `step` seconds."""

    def __init__(self, step: float = 60.0) -> None:
        self.now = 1000.0
        self.step = step

    def __call__(self) -> float:
        self.now += self.step
        return self.now


class RecordingSession(LocalSession):
    """LocalSession that can also fail on demand, like the real API sometimes does."""

    def __init__(self) -> None:
        super().__init__()
        self.failures: dict[type[TelegramMethod[Any]], list[Exception]] = {}
        self.rejected: list[tuple[TelegramMethod[Any], str]] = []

    def fail_next(self, method: type[TelegramMethod[Any]], *errors: Exception) -> None:
        self.failures.setdefault(method, []).extend(errors)

    def validate(self, bot: Bot, method: TelegramMethod[Any]) -> None:
        queued = self.failures.get(type(method))
        if queued:
            raise queued.pop(0)
        try:
            super().validate(bot, method)
        except ValueError as exc:
            self.rejected.append((method, str(exc)))
            raise


class Tg:
    """Plays Telegram's users: builds raw updates, feeds them, shows what the bot sent."""

    def __init__(self, dp: Dispatcher, bot: Bot, session: RecordingSession) -> None:
        self.dp = dp
        self.bot = bot
        self.session = session
        self._ids = itertools.count(1)
        self._mark = 0

    def mark(self) -> None:
        self._mark = len(self.session.calls)

    def calls(self) -> list[TelegramMethod[Any]]:
        return self.session.calls[self._mark :]

    def sent(self) -> list[SendMessage]:
        return [c for c in self.calls() if isinstance(c, SendMessage)]

    def of(self, kind: type[TelegramMethod[Any]]) -> list[Any]:
        return [c for c in self.calls() if isinstance(c, kind)]

    async def feed(self, raw: dict[str, Any]) -> Any:
        self.mark()
        update = Update.model_validate(
            {"update_id": next(self._ids), **raw}, context={"bot": self.bot}
        )
        return await self.dp.feed_update(self.bot, update)

    def message(
        self,
        text: str | None,
        user: dict[str, Any] = ALICE,
        chat: dict[str, Any] | None = None,
        **extra: Any,
    ) -> dict[str, Any]:
        chat = chat or {"id": user["id"], "type": "private", "first_name": user["first_name"]}
        message: dict[str, Any] = {
            "message_id": self.session.next_message_id(),
            "date": 1_770_000_000,
            "chat": chat,
            "from": user,
            **extra,
        }
        if text is not None:
            message["text"] = text
            if text.startswith("/"):
                command = text.split()[0]
                message["entities"] = [{"type": "bot_command", "offset": 0, "length": len(command)}]
        return message

    async def send(self, text: str | None, user: dict[str, Any] = ALICE, **kw: Any) -> Any:
        return await self.feed({"message": self.message(text, user, **kw)})

    async def press(
        self, data: str, user: dict[str, Any] = ALICE, source: SendMessage | None = None
    ) -> Any:
        chat_id = source.chat_id if source is not None else user["id"]
        chat = (
            {"id": chat_id, "type": "private", "first_name": "x"}
            if isinstance(chat_id, int) and chat_id > 0
            else GROUP
        )
        callback = {
            "id": str(next(self._ids)),
            "from": user,
            "chat_instance": "ci",
            "data": data,
            "message": {
                "message_id": 1,
                "date": 1_770_000_000,
                "chat": chat,
                "from": {"id": BOT_ID, "is_bot": True, "first_name": "Ата Заң"},
                "text": "…",
            },
        }
        return await self.feed({"callback_query": callback})

    async def inline(self, query: str, user: dict[str, Any] = ALICE) -> Any:
        return await self.feed(
            {
                "inline_query": {
                    "id": str(next(self._ids)),
                    "from": user,
                    "query": query,
                    "offset": "",
                }
            }
        )


def buttons(message: SendMessage) -> list[tuple[str, str]]:
    """(text, callback_data) of every inline button under a sent message."""
    markup = message.reply_markup
    if not isinstance(markup, InlineKeyboardMarkup):
        return []
    return [(b.text, b.callback_data or "") for row in markup.inline_keyboard for b in row]


def button(message: SendMessage, text: str) -> str:
    for label, data in buttons(message):
        if label == text:
            return data
    raise AssertionError(f"no button {text!r} in {buttons(message)}")


@pytest.fixture
def search() -> FakeSearch:
    return FakeSearch()


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    return Settings(db=DbSection(path=tmp_path / "bot.sqlite3", retention_days=90))


@pytest.fixture
def backend(request: pytest.FixtureRequest) -> str:
    """SQLite unless a module parametrises it: `@pytest.mark.parametrize("backend",
    BACKENDS, indirect=True)` runs its tests on PostgreSQL too."""
    return str(getattr(request, "param", "sqlite"))


@pytest.fixture
async def open_repo(
    backend: str, tmp_path: Path, request: pytest.FixtureRequest
) -> AsyncIterator[RepoOpener]:
    opener = RepoOpener(backend, tmp_path, request)
    yield opener
    await opener.close_all()


@pytest.fixture
async def repo(open_repo: RepoOpener, settings: Settings) -> Storage:
    # On SQLite this is settings.db.path: fault tests lock that very file.
    return await open_repo(settings.db.path.stem)


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def session() -> RecordingSession:
    return RecordingSession()


@pytest.fixture
async def tg(
    search: FakeSearch,
    repo: Storage,
    settings: Settings,
    clock: FakeClock,
    session: RecordingSession,
) -> AsyncIterator[Tg]:
    bot = create_bot(TOKEN, session)
    dp = create_dispatcher(Services(search=search, repo=repo, settings=settings), clock=clock)
    yield Tg(dp, bot, session)
    # Whatever a test did, Telegram must never have refused a message as malformed.
    assert session.rejected == []
