"""`atazan bench --load --replicas N`: the counting (duplicates, answers changed mid-question),
Telegram's redelivery, the generated nginx config, the option checks, and one small real run
(two replicas behind nginx, one killed, a release published, PostgreSQL and Redis restarted)."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import pytest
from aiohttp import web
from aiohttp.test_utils import TestServer

from bench.load import telegram
from bench.load.balancer import UPSTREAM_SERVER, local_config
from bench.load.client import BotEvent
from bench.load.cluster import cluster_missing_reason
from bench.load.drive import Sample
from bench.load.load import LoadOptions
from bench.load.replica_report import (
    count_duplicates,
    format_replicas_table,
    mid_question,
)
from bench.load.replicas import ReplicaEvents, run_replicas
from bench.load.scenario import Question, ReplyKind
from bot.cli import main
from tests.servers import missing, require_prepared

REPO = Path(__file__).resolve().parents[2]
LAND = Question("Кому принадлежит земля?", "ru", "topic")


def _message(chat: int, ts: float) -> BotEvent:
    return BotEvent(1, ts, "message", "sendmessage", chat, 1, "x", None, {}, None)


def _sample(sent: float, text: str, question: Question = LAND) -> Sample:
    kind = ReplyKind.ANSWER
    return Sample(1, "ru", question, sent, sent + 50, None, kind, text, 0)


def test_a_reply_in_parts_is_one_reply_and_a_second_handling_is_a_duplicate() -> None:
    chats = {
        1: [_message(1, 0), _message(1, 40), _message(1, 5000)],  # a 2-part reply, then one
        2: [_message(2, 0), _message(2, 3000), _message(2, 4000)],  # one question, 3 replies
        3: [],  # a lost question is not a duplicate
    }
    assert count_duplicates(chats, {1: 2, 2: 1, 3: 1}) == 2


def test_answers_may_change_once_between_versions_and_only_there() -> None:
    other = Question("Land?", "en", "topic")
    steady = [_sample(0, "old"), _sample(1000, "old"), _sample(9000, "new"), _sample(9500, "new")]
    mixed = [_sample(5000, "old"), _sample(6000, "new"), _sample(6500, "other")]  # in the swap
    assert mid_question([*steady, *mixed[:2]], 4000, 8000).changed == 0
    assert mid_question([*steady, *mixed], 4000, 8000).changed == 1
    flapping = [_sample(0, "a", other), _sample(500, "b", other)]  # before any change
    assert mid_question([*steady, *flapping], 4000, 8000).changed == 1
    # asked before and during the change only: its new text cannot be told from a changed one
    unasked_after = [_sample(0, "a", other), _sample(5000, "b", other)]
    assert mid_question([*steady, *unasked_after], 4000, 8000).changed == 0
    assert mid_question([*steady, *unasked_after], 4000, 8000).unjudged == 1
    assert mid_question([*steady, *mixed], 4000, 8000).unjudged == 0


def test_the_deployed_nginx_config_is_pointed_at_every_local_replica() -> None:
    config = local_config([7001, 7002, 7003], 7100)
    servers = UPSTREAM_SERVER.findall(config)
    assert [(host, port) for _, host, port, _ in servers] == [
        ("127.0.0.1", "7001"), ("127.0.0.1", "7002"), ("127.0.0.1", "7003"),
    ]  # fmt: skip
    assert all("max_fails=1" in options for *_, options in servers)
    assert "listen 127.0.0.1:7100;" in config and "listen 80;" not in config
    assert "proxy_next_upstream" in config  # the rest of the file is kept


def test_the_table_says_when_the_publish_failed() -> None:
    summary = {"n": 0}
    report: dict[str, Any] = {
        "params": {"replicas": 2, "users": 1, "per_user": 1},
        "updates_sent": 1, "replies": 1, "lost": 0, "duplicates": 0, "error_replies": 0,
        "replies_by_kind": {"answer": 1}, "latency_ms": summary, "bot_handler_ms": summary,
        "throughput_rps": 1.0, "duration_s": 1.0, "changed_mid_question": 0,
        "deliveries": {"redelivered": 0, "attempts": {"200": 1}}, "log_warnings": {},
        "replicas": [], "retrieval": {"peak_rss_mib": 900.0}, "errors": [],
        "machine": {"busy_pct": 50.0, "cpus": 2},
        "reload": {"outcome": "publish failed: HTTP 409", "build_s": 0.1, "propagation_ms": {}},
    }  # fmt: skip
    table = format_replicas_table(report)
    assert "publish failed: HTTP 409" in table
    assert [x.split()[-2:] for x in table.splitlines() if "every one" in x] == [["not", "reached"]]


@pytest.mark.parametrize(
    ("argv", "error"),
    [
        (["--kill-one-at", "5"], "--kill-one-at needs --replicas N"),
        (["--replicas", "1"], "--replicas must be at least 2"),
        (["--replicas", "2", "--flood"], "--flood and --py-spy run with one polling bot"),
        (["--replicas", "2", "--revive-after", "3"], "--revive-after needs --kill-one-at"),
    ],
)
def test_options_that_do_not_go_together_exit_2(
    argv: list[str], error: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["bench", "--load", *argv]) == 2
    assert capsys.readouterr().err.startswith(f"error: {error}")


@pytest.fixture
async def telegram_side(monkeypatch: pytest.MonkeyPatch) -> AsyncIterator[dict[str, Any]]:
    """A fake emulator (status and an empty event feed) and a webhook that refuses twice."""
    monkeypatch.setattr(telegram, "FIRST_RETRY_S", 0.01)
    seen: dict[str, Any] = {"answers": [503, 502], "updates": []}

    async def status(request: web.Request) -> web.Response:
        return web.json_response({"ok": True, "result": {"last_seq": 0, "now": 1.0}})

    async def events(request: web.Request) -> web.Response:
        await asyncio.sleep(0.05)  # the real one long-polls
        return web.json_response({"ok": True, "result": {"events": [], "last_seq": 0}})

    async def hook(request: web.Request) -> web.Response:
        assert request.headers[telegram.SECRET_HEADER] == "s3cret"
        seen["updates"].append(await request.json())
        return web.Response(status=seen["answers"].pop(0) if seen["answers"] else 200)

    app = web.Application()
    app.router.add_get("/e2e/status", status)
    app.router.add_get("/e2e/events", events)
    app.router.add_post("/hook", hook)
    async with TestServer(app) as server:
        seen["url"] = str(server.make_url(""))
        yield seen


async def test_an_update_is_redelivered_until_the_webhook_answers_200(
    telegram_side: dict[str, Any],
) -> None:
    base = telegram_side["url"]
    async with telegram.WebhookClient(base, "t", base + "/hook", "s3cret", give_up_s=5) as client:
        sent = await client.user(7).send_text("Жер кімге тиесілі?")
        await client.settle(5)
        stats = client.stats()
    assert [d.attempts for d in client.deliveries] == [["503", "502", "200"]]
    assert (stats.delivered, stats.redelivered) == (1, 1)
    updates = telegram_side["updates"]
    assert len(updates) == 3 and all(u == updates[0] for u in updates)  # the same update
    assert updates[0]["update_id"] == sent.update_id
    assert updates[0]["message"]["text"] == "Жер кімге тиесілі?"


@pytest.mark.e2e
def test_two_replicas_lose_nothing_when_one_dies_mid_load() -> None:
    reason = cluster_missing_reason()
    if reason is not None:
        missing(reason)
    require_prepared(REPO / "data")
    options = LoadOptions(
        users=4, per_user=8, gap_s=(1.0, 1.5), spread_s=1.0, reply_timeout_s=90.0,
        data_dir=REPO / "data", corpus_dir=REPO / "corpus",
    )  # fmt: skip
    events = ReplicaEvents(
        replicas=2, kill_one_at_s=2.0, revive_after_s=1.0, reload_at_s=3.0,
        restart_postgres_at_s=4.0, restart_redis_at_s=7.0, outage_s=1.0,
    )  # fmt: skip
    report = run_replicas(options, events, log=lambda line: None)
    assert (report["updates_sent"], report["lost"], report["duplicates"]) == (32, 0, 0)
    assert report["changed_mid_question"] == 0
    assert report["kill"]["replica"] == "bot-1" and report["kill"]["seen"]["questions"] > 0
    assert [(r["starts"], r["alive"]) for r in report["replicas"]] == [(2, True), (1, True)]
    assert report["kill"]["back_at_s"] > report["kill"]["at_s"]
    reload = report["reload"]
    assert reload["outcome"] == "ok" and {"retrieval", "bot-2"} <= set(reload["propagation_ms"])
    for name in ("postgres_restart", "redis_restart"):
        assert report[name]["seen"]["replies_by_kind"].get("lost", 0) == 0
    assert all(r["peak_rss_mib"] > 0 for r in [*report["replicas"], report["retrieval"]])
    assert "duplicates (a question answered twice)" in format_replicas_table(report)
