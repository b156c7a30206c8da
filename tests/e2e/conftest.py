"""Fixtures: the Bot API emulator (node), the real bot as a subprocess, a client playing users."""

from __future__ import annotations

import itertools
import time
from collections.abc import AsyncIterator, Iterator
from pathlib import Path

import pytest

from tests.servers import missing, require_prepared

from .emulator import EmulatorClient
from .processes import (
    FAKE_TOKEN,
    REPO_ROOT,
    BotProcess,
    EmulatorProcess,
    bot_env,
    emulator_missing_reason,
    start_bot,
    start_emulator,
)

BOT_START_TIMEOUT = 120.0  # loading the embedding model and index on a slow CI machine


@pytest.fixture(scope="session")
def emulator() -> Iterator[EmulatorProcess]:
    reason = emulator_missing_reason()
    if reason is not None:
        missing(reason)
    process = start_emulator()
    try:
        yield process
    finally:
        process.stop()


@pytest.fixture
async def client(emulator: EmulatorProcess) -> AsyncIterator[EmulatorClient]:
    async with EmulatorClient(emulator.base_url, FAKE_TOKEN) as emulator_client:
        yield emulator_client


_user_ids = itertools.count(700_001)


@pytest.fixture
def user_id() -> int:
    """A fresh Telegram user id per test, so per-user state (language, throttling) never leaks."""
    return next(_user_ids)


@pytest.fixture(scope="module")
def bot(
    emulator: EmulatorProcess, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[BotProcess]:
    """`atazan run` polling the emulator; a test module may stop it itself (SIGTERM test)."""
    workdir: Path = tmp_path_factory.mktemp("bot")
    env = bot_env(emulator.base_url, workdir / "atazan.sqlite3")
    data_dir = REPO_ROOT / env["DATA_DIR"]
    require_prepared(data_dir)
    process = start_bot(env, workdir / "bot.log")
    try:
        yield process
    finally:
        process.stop()


@pytest.fixture
async def live_bot(bot: BotProcess, client: EmulatorClient) -> BotProcess:
    """The bot, once it holds a getUpdates long poll; fails with its log if it died starting."""
    deadline = time.monotonic() + BOT_START_TIMEOUT
    while not (await client.status(wait_polling=1.0))["polling"]:
        if bot.process.poll() is not None:
            pytest.fail(
                f"bot exited with {bot.process.returncode} while starting:\n{bot.log()[-3000:]}"
            )
        if time.monotonic() > deadline:
            pytest.fail(f"bot not polling after {BOT_START_TIMEOUT}s:\n{bot.log()[-3000:]}")
    return bot
