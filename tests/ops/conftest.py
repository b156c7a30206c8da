"""The production dispatcher with a fake corpus admin, metrics on a fresh registry and a
Bot API session that can serve uploaded files."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import pytest
from prometheus_client import CollectorRegistry

from bot.app import Services, create_bot, create_dispatcher
from bot.config import BotSection, DbSection, HttpSection, Settings
from bot.services.metrics import Metrics
from bot.storage import Storage
from bot.storage.sqlite import SqliteStorage
from tests.bot.conftest import TOKEN, FakeClock, Tg
from tests.bot.fakes import FakeSearch
from tests.ops.fakes import FakeAdmin, OpsSession

MODERATOR: dict[str, Any] = {
    "id": 555000555,
    "is_bot": False,
    "first_name": "Moderator",
    "language_code": "en",
}
HELPER: dict[str, Any] = {"id": 666000666, "is_bot": False, "first_name": "Helper"}


def document(
    name: str, data: bytes | None, file_id: str = "f1", size: int | None = None
) -> dict[str, Any]:
    """A `document` field of a message; `size` overrides what Telegram reports."""
    return {
        "file_id": file_id,
        "file_unique_id": f"u-{file_id}",
        "file_name": name,
        "file_size": size if size is not None else len(data or b""),
    }


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    return Settings(
        bot=BotSection(admin_ids=[MODERATOR["id"]], shutdown_timeout=5.0),
        db=DbSection(path=tmp_path / "ops.sqlite3", retention_days=90),
        http=HttpSection(port=0),
    )


@pytest.fixture
def search() -> FakeSearch:
    return FakeSearch()


@pytest.fixture
def admin() -> FakeAdmin:
    return FakeAdmin()


@pytest.fixture
def metrics() -> Metrics:
    return Metrics(CollectorRegistry())


@pytest.fixture
async def repo(settings: Settings) -> AsyncIterator[Storage]:
    storage = await SqliteStorage.open(settings.db.path, hash_key="test-key", retention_days=90)
    storage.retry_delays = (0.0, 0.0)
    yield storage
    await storage.close()


@pytest.fixture
def session() -> OpsSession:
    return OpsSession()


@pytest.fixture
def services(
    search: FakeSearch, repo: Storage, settings: Settings, admin: FakeAdmin, metrics: Metrics
) -> Services:
    return Services(search=search, repo=repo, settings=settings, admin=admin, metrics=metrics)


@pytest.fixture
async def tg(services: Services, session: OpsSession) -> AsyncIterator[Tg]:
    bot = create_bot(TOKEN, session)
    dp = create_dispatcher(services, clock=FakeClock())
    yield Tg(dp, bot, session)
    assert session.rejected == []  # nothing the real Telegram would refuse as malformed
