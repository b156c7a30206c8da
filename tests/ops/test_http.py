"""The internal HTTP port over real TCP on 127.0.0.1: /healthz, /metrics, POST /admin/reload."""

from __future__ import annotations

import asyncio
import json
import sqlite3
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

import aiohttp
import aiosqlite
from aiogram.methods import AnswerCallbackQuery
from aiohttp import web
from prometheus_client import REGISTRY

from bot.app import Services, create_bot, create_dispatcher
from bot.services.corpus_ops import CorpusOps
from bot.serving.http import create_http_app
from bot.storage.sqlite import SqliteStorage
from bot.ui.callbacks import ReleaseAction, ReleaseCb, UploadAction, UploadCb
from bot.ui.texts import Lang, texts_for
from bot.ui.texts.moderator import mod_texts_for
from tests.bot.conftest import TOKEN as BOT_TOKEN
from tests.bot.conftest import Tg
from tests.bot.fakes import FakeSearch
from tests.ops.conftest import MODERATOR
from tests.ops.fakes import FakeAdmin, OpsSession

MOD_EN = mod_texts_for(Lang.EN)

TOKEN = "reload-token-123"


@asynccontextmanager
async def listening(app: web.Application) -> AsyncIterator[str]:
    runner = web.AppRunner(app)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    try:
        host, port = runner.addresses[0][:2]
        yield f"http://{host}:{port}"
    finally:
        await runner.cleanup()


def _app(services: Services, token: str | None = TOKEN) -> web.Application:
    admin = services.get("admin")
    ops = CorpusOps(admin, services["repo"], services.get("metrics")) if admin else None
    return create_http_app(
        search=services["search"],
        repo=services["repo"],
        metrics=services.get("metrics"),
        corpus_ops=ops,
        admin_token=token,
    )


async def fetch(
    base: str, path: str, method: str = "GET", token: str | None = None
) -> tuple[int, str, Any]:
    """(status, content type, body: JSON when it is JSON, else text)."""
    headers = {"Authorization": token} if token is not None else {}
    async with (
        aiohttp.ClientSession() as http,
        http.request(method, f"{base}{path}", headers=headers) as response,
    ):
        text = await response.text()
        kind = response.headers.get("Content-Type", "")
        return response.status, kind, json.loads(text) if "json" in kind else text


async def test_healthz_is_200_when_index_and_database_work(services: Services) -> None:
    async with listening(_app(services)) as base:
        status, _, body = await fetch(base, "/healthz")
    assert status == 200
    assert body == {"status": "ok", "index": {"ok": True, "statements": 9}, "db": {"ok": True}}


async def test_healthz_is_503_when_the_database_fails(services: Services, tmp_path: Path) -> None:
    broken = await SqliteStorage.open(tmp_path / "gone.sqlite3", hash_key="k")
    await broken.close()
    async with listening(_app(Services(**{**services, "repo": broken}))) as base:
        status, _, body = await fetch(base, "/healthz")
    assert status == 503
    assert body["status"] == "unavailable" and body["db"] == {"ok": False}


async def test_healthz_is_503_while_another_process_holds_the_write_lock(
    services: Services, repo: SqliteStorage
) -> None:
    locker = sqlite3.connect(repo_path(services), isolation_level=None, timeout=0)
    locker.execute("BEGIN EXCLUSIVE")
    try:
        async with listening(_app(services)) as base:
            status, _, body = await fetch(base, "/healthz")
    finally:
        locker.close()
    assert status == 503 and body["db"] == {"ok": False}
    async with listening(_app(services)) as base:  # the lock is gone: healthy again
        assert (await fetch(base, "/healthz"))[0] == 200


async def test_healthz_is_503_on_a_read_only_database(services: Services) -> None:
    path = repo_path(services)
    conn = await aiosqlite.connect(f"file:{path}?mode=ro", uri=True, isolation_level=None)
    read_only = SqliteStorage(conn, b"k", retention_days=90)
    try:
        assert await read_only.moderator_ids() == []  # reads work, so only a write can tell
        async with listening(_app(Services(**{**services, "repo": read_only}))) as base:
            status, _, body = await fetch(base, "/healthz")
    finally:
        await read_only.close()
    assert status == 503 and body["db"] == {"ok": False}


def repo_path(services: Services) -> Path:
    return services["settings"].db.path


async def test_healthz_is_503_when_the_index_fails(services: Services, search: FakeSearch) -> None:
    def broken_info() -> None:
        raise RuntimeError("no snapshot")

    search.info = broken_info  # type: ignore[assignment,method-assign]
    async with listening(_app(services)) as base:
        status, _, body = await fetch(base, "/healthz")
    assert status == 503
    assert body["index"] == {"ok": False, "error": "RuntimeError"}


async def test_metrics_count_questions_latency_reloads_errors_and_handlers(
    tg: Tg, services: Services, search: FakeSearch
) -> None:
    await tg.send("Кому принадлежит земля?")
    await tg.send("Какая погода?")
    await tg.send("/reload", MODERATOR)
    search.fail_with = RuntimeError("index gone")
    await tg.send("Что про землю?")
    async with listening(_app(services)) as base:
        status, kind, text = await fetch(base, "/metrics")
    assert status == 200 and kind.startswith("text/plain; version=")
    lines = set(text.splitlines())
    assert "atazan_questions_total 2.0" in lines
    assert "atazan_questions_answered_total 1.0" in lines
    assert "atazan_answered_ratio 0.5" in lines
    assert "atazan_search_latency_seconds_count 2.0" in lines
    assert 'atazan_reloads_total{result="ok",source="reload"} 1.0' in lines
    assert 'atazan_errors_total{type="RuntimeError"} 1.0' in lines
    assert 'atazan_updates_total{handler="on_question"} 3.0' in lines
    assert 'atazan_updates_total{handler="on_reload"} 1.0' in lines
    # the collectors live on the composition root's registry, not the process-global one
    assert not any(name.startswith("atazan") for name in REGISTRY._names_to_collectors)


async def test_admin_reload_needs_the_bearer_token(services: Services, admin: FakeAdmin) -> None:
    async with listening(_app(services)) as base:
        for token in (None, "Bearer wrong", TOKEN, f"Basic {TOKEN}"):
            status, _, _ = await fetch(base, "/admin/reload", "POST", token)
            assert status == 401
        assert admin.calls == []
        refused = await services["repo"].recent_refused_attempts()
        assert [(a.actor, a.action) for a in refused] == [("http", "POST /admin/reload")] * 4
        status, _, body = await fetch(base, "/admin/reload", "POST", f"Bearer {TOKEN}")
    assert status == 200 and admin.calls == ["reload_from_disk"]
    assert body == {
        "status": "reloaded",
        "meetings_before": 4,
        "meetings_after": 4,
        "statements_before": 9,
        "statements_after": 10,
        "quotes_before": 6,
        "quotes_after": 6,
        "version": "",
    }
    [action] = await services["repo"].recent_moderator_actions()
    assert (action.actor, action.action) == ("0", "reload_from_disk")
    assert action.detail.startswith("http: ")


async def test_admin_reload_is_404_without_a_configured_token(services: Services) -> None:
    async with listening(_app(services, token=None)) as base:
        status, _, _ = await fetch(base, "/admin/reload", "POST", "Bearer ")
    assert status == 404


async def test_admin_reload_reports_busy_and_failure(services: Services, admin: FakeAdmin) -> None:
    auth = f"Bearer {TOKEN}"
    async with listening(_app(services)) as base:
        admin.gate = asyncio.Event()
        first = asyncio.create_task(fetch(base, "/admin/reload", "POST", auth))
        await admin.entered.wait()
        status, _, body = await fetch(base, "/admin/reload", "POST", auth)
        assert (status, body) == (409, {"error": "a reload is already running"})
        admin.gate.set()
        assert (await first)[0] == 200
        admin.fail_with = RuntimeError("index manifest does not match corpus.json")
        status, _, body = await fetch(base, "/admin/reload", "POST", auth)
    assert (status, body) == (500, {"error": "index manifest does not match corpus.json"})


async def test_without_an_admin_moderators_are_told_changes_are_unavailable(
    services: Services, session: OpsSession
) -> None:
    minimal = Services(
        search=services["search"], repo=services["repo"], settings=services["settings"]
    )
    tg = Tg(create_dispatcher(minimal), create_bot(BOT_TOKEN, session), session)
    await tg.send("/reload", MODERATOR)
    assert [m.text for m in tg.sent()] == [MOD_EN.unavailable]
    for data in (
        ReleaseCb(a=ReleaseAction.WITHDRAW, r="0123456789ab").pack(),
        UploadCb(t="some-token", a=UploadAction.PUBLISH).pack(),
    ):
        await tg.press(data, MODERATOR)  # a button from before: answered, nothing sent
        assert [a.text for a in tg.of(AnswerCallbackQuery)] == [texts_for(Lang.EN).expired]
        assert tg.sent() == []
    async with listening(_app(minimal)) as base:
        assert (await fetch(base, "/metrics"))[0] == 404  # nothing is counted without a registry
        assert (await fetch(base, "/admin/reload", "POST", f"Bearer {TOKEN}"))[0] == 503
