"""Scale-out mode end to end: `atazan serve-retrieval` as its own process, and the bot in
webhook mode asking it over HTTP (`RETRIEVAL__URL`), its replies going to the Bot API emulator.
The test plays Telegram's webhook side itself: it posts updates with the secret and redelivers
them the way Telegram does."""

from __future__ import annotations

import asyncio
import os
import subprocess
import sys
import time
import urllib.request
from collections.abc import AsyncIterator, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import aiohttp
import pytest

from bot.ui.texts import Lang, texts_for
from tests.servers import require_prepared

from .emulator import EmulatorClient
from .processes import (
    FAKE_TOKEN,
    REPO_ROOT,
    BotProcess,
    EmulatorProcess,
    bot_env,
    free_port,
    start_bot,
)

SECRET = "e2e-Webhook_secret"
START_TIMEOUT = 120.0
RU = texts_for(Lang.RU)


def _wait_healthy(url: str, process: subprocess.Popen[bytes], log: Path) -> None:
    deadline = time.monotonic() + START_TIMEOUT
    while time.monotonic() < deadline:
        if process.poll() is not None:
            pytest.fail(
                f"exited with {process.returncode} while starting:\n{log.read_text()[-3000:]}"
            )
        try:
            with urllib.request.urlopen(url + "/healthz", timeout=2) as response:
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.3)
    pytest.fail(f"{url} not healthy after {START_TIMEOUT}s:\n{log.read_text()[-3000:]}")


@dataclass
class RetrievalProcess:
    url: str
    process: subprocess.Popen[bytes]


@pytest.fixture(scope="module")
def retrieval_service(tmp_path_factory: pytest.TempPathFactory) -> Iterator[RetrievalProcess]:
    data_dir = Path(os.environ.get("DATA_DIR", str(REPO_ROOT / "data")))
    require_prepared(data_dir)
    port = free_port()
    log = tmp_path_factory.mktemp("retrieval") / "service.log"
    env = {**os.environ, "DATA_DIR": str(data_dir), "HF_HUB_OFFLINE": "1", "PYTHONUNBUFFERED": "1"}
    with log.open("wb") as out:
        process = subprocess.Popen(
            [sys.executable, "-m", "bot.cli", "serve-retrieval", "--port", str(port)],
            cwd=REPO_ROOT, env=env, stdout=out, stderr=subprocess.STDOUT,
        )  # fmt: skip
    url = f"http://127.0.0.1:{port}"
    try:
        _wait_healthy(url, process, log)
        yield RetrievalProcess(url, process)
    finally:
        if process.poll() is None:
            process.terminate()
            process.wait(timeout=30)


@pytest.fixture(scope="module")
def webhook_bot(
    emulator: EmulatorProcess,
    retrieval_service: RetrievalProcess,
    tmp_path_factory: pytest.TempPathFactory,
) -> Iterator[tuple[BotProcess, str]]:
    workdir = tmp_path_factory.mktemp("webhook-bot")
    port = free_port()
    env = bot_env(emulator.base_url, workdir / "atazan.sqlite3")
    env.update(
        {
            "HTTP__PORT": str(port),
            "BOT__WEBHOOK_URL": f"http://127.0.0.1:{port}/tg/hook",
            "BOT__WEBHOOK_SECRET": SECRET,
            "RETRIEVAL__URL": retrieval_service.url,
            "RETRIEVAL__TIMEOUT_S": "2",
        }
    )
    bot = start_bot(env, workdir / "bot.log")
    url = f"http://127.0.0.1:{port}"
    try:
        _wait_healthy(url, bot.process, bot.log_path)
        yield bot, url + "/tg/hook"
    finally:
        bot.stop()
        # The emulator outlives this module: later ones poll, so the webhook must go.
        with urllib.request.urlopen(f"{emulator.base_url}/bot{FAKE_TOKEN}/deleteWebhook"):
            pass


@pytest.fixture
async def client(emulator: EmulatorProcess) -> AsyncIterator[EmulatorClient]:
    async with EmulatorClient(emulator.base_url, FAKE_TOKEN) as emulator_client:
        yield emulator_client


_update_ids = iter(range(880_001, 890_000))


def _update(user_id: int, text: str) -> dict[str, Any]:
    update_id = next(_update_ids)
    message: dict[str, Any] = {
        "message_id": update_id,
        "date": int(time.time()),
        "chat": {"id": user_id, "type": "private", "first_name": "Тест"},
        "from": {"id": user_id, "is_bot": False, "first_name": "Тест", "language_code": "ru"},
        "text": text,
    }
    if text.startswith("/"):
        message["entities"] = [{"type": "bot_command", "offset": 0, "length": len(text)}]
    return {"update_id": update_id, "message": message}


async def _deliver(hook: str, update: dict[str, Any]) -> int:
    headers = {"X-Telegram-Bot-Api-Secret-Token": SECRET}
    async with aiohttp.ClientSession() as http, http.post(hook, json=update, headers=headers) as r:
        return r.status


def _messages(client: EmulatorClient, chat_id: int) -> list[str]:
    return [e.text for e in client.events(chat_id) if e.kind == "message"]


async def test_a_redelivered_update_is_answered_once(
    webhook_bot: tuple[BotProcess, str], client: EmulatorClient, user_id: int
) -> None:
    _, hook = webhook_bot
    update = _update(user_id, "/start")
    # 200 only once handled: the reply is already at the emulator when the answer comes
    assert await _deliver(hook, update) == 200
    await client.sync()
    assert len(_messages(client, user_id)) == 1
    for _ in range(2):  # Telegram redelivers (a lost 200, a load balancer retry)
        assert await _deliver(hook, update) == 200
    await asyncio.sleep(0.5)
    await client.sync()
    assert len(_messages(client, user_id)) == 1


async def test_a_question_is_answered_through_the_retrieval_service(
    webhook_bot: tuple[BotProcess, str], client: EmulatorClient, user_id: int
) -> None:
    _, hook = webhook_bot
    assert await _deliver(hook, _update(user_id, "Что говорили сенаторы о Конституции?")) == 200
    await client.sync()
    [reply] = _messages(client, user_id)
    assert RU.search_unavailable not in reply and RU.error not in reply


async def test_polling_refuses_to_start_over_the_webhook_deployment(
    webhook_bot: tuple[BotProcess, str],
    retrieval_service: RetrievalProcess,
    emulator: EmulatorProcess,
    client: EmulatorClient,
    tmp_path: Path,
) -> None:
    env = bot_env(emulator.base_url, tmp_path / "atazan.sqlite3")
    env["RETRIEVAL__URL"] = retrieval_service.url  # no BOT__WEBHOOK_URL: polling mode
    polling = start_bot(env, tmp_path / "bot.log")
    try:
        code = polling.process.wait(timeout=60)
    finally:
        polling.stop()
    assert code == 2
    assert (
        polling.log()
        .strip()
        .splitlines()[-1]
        .startswith("a webhook deployment is configured (Telegram posts to 127.0.0.1:")
    )
    await client.sync()
    assert not [e for e in client.events(None) if e.method == "deletewebhook"]
    _, hook = webhook_bot  # the deployment still works
    assert await _deliver(hook, _update(700_999, "/help")) == 200


async def test_without_a_retrieval_service_the_citizen_is_asked_to_try_again(
    webhook_bot: tuple[BotProcess, str],
    retrieval_service: RetrievalProcess,
    client: EmulatorClient,
    user_id: int,
) -> None:
    bot, hook = webhook_bot
    retrieval_service.process.terminate()  # last test of the module: the service is gone
    retrieval_service.process.wait(timeout=30)
    assert await _deliver(hook, _update(user_id, "Что говорили о земле?")) == 200
    await client.sync()
    assert _messages(client, user_id) == [RU.search_unavailable]
    assert "Traceback" not in bot.log()
