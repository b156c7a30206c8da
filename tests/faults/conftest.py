"""The bot suite's in-memory Telegram and fake search (tests/bot/conftest.py), reused here."""

from tests.bot.conftest import (  # noqa: F401
    backend,
    clock,
    open_repo,
    repo,
    search,
    session,
    settings,
    tg,
)
