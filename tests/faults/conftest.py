"""The bot suite's in-memory Telegram and fake search (tests/bot/conftest.py), reused here."""

from tests.bot.conftest import clock, repo, search, session, settings, tg  # noqa: F401
