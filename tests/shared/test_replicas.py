"""Two replicas on one Redis behave as one bot: one bucket per user, uploads published
anywhere, one corpus change at a time, one purge per period."""

from __future__ import annotations

import asyncio

import pytest
from aiogram.methods import AnswerCallbackQuery

from bot.app import RetentionPurge
from bot.services.corpus_ops import CorpusOps, ReloadBusy
from bot.shared.redis_state import RedisChangeLock
from bot.storage import Storage
from bot.ui.texts import Lang, texts_for
from bot.ui.texts.moderator import mod_texts_for
from tests.bot.conftest import ALICE, BOB, button
from tests.ops.conftest import MODERATOR, document
from tests.shared.conftest import Replica

RU = texts_for(Lang.RU)
MOD_EN = mod_texts_for(Lang.EN)
RELEASE = "12 марта 2026 года\nСенаторы встретились с жителями Караганды.\n".encode()


async def test_a_users_burst_is_shared_by_both_replicas(
    replicas: tuple[Replica, Replica],
) -> None:
    a, b = replicas
    for i in range(5):  # burst 5, alternating replicas
        replica = (a, b)[i % 2]
        await replica.tg.send("земля")
        assert "<blockquote>" in replica.tg.sent()[-1].text
    await a.tg.send("земля")
    assert [m.text for m in a.tg.sent()] == [RU.throttled]
    await b.tg.send("земля")
    assert b.tg.sent() == []  # the same flood: refused, and no second notice
    await b.tg.send("земля", BOB)  # another user has a bucket of their own
    assert "<blockquote>" in b.tg.sent()[-1].text
    keys = await a.shared.client.keys("test:throttle:*")
    assert len(keys) == 2 and all(str(ALICE["id"]).encode() not in k for k in keys)  # pseudonyms


async def test_upload_previewed_on_one_replica_is_published_on_the_other(
    replicas: tuple[Replica, Replica],
) -> None:
    a, b = replicas
    a.session.files["f1"] = RELEASE
    await a.tg.send(None, MODERATOR, document=document("release.txt", RELEASE))
    publish = button(a.tg.sent()[-1], MOD_EN.btn_publish)
    await b.tg.press(publish, MODERATOR)  # the load balancer sent the press elsewhere
    assert b.admin.published == [("release.txt", RELEASE)]
    assert a.admin.published == []
    assert "Published release.txt" in b.tg.sent()[-1].text
    await a.tg.press(publish, MODERATOR)  # gone everywhere once published
    assert a.tg.of(AnswerCallbackQuery)[0].text.startswith("This button has expired")


async def test_pending_uploads_keep_their_ttl_and_cap_in_redis(
    replicas: tuple[Replica, Replica],
) -> None:
    a, b = replicas
    uploads_a, uploads_b = a.shared.state.uploads, b.shared.state.uploads
    # cap 3; quick puts land in one millisecond, and still the oldest are dropped
    tokens = [await uploads_a.put(7, f"r{i}.txt", b"x") for i in range(6)][3:]
    assert [await uploads_b.get(t, 7) is None for t in tokens] == [False] * 3
    assert await uploads_a.count() == 3
    kept = await uploads_b.get(tokens[2], 7)
    assert kept is not None and (kept.name, kept.data) == ("r5.txt", b"x")
    assert await uploads_b.get(tokens[2], 8) is None  # another moderator's token
    await uploads_b.discard(tokens[0])
    assert await uploads_a.count() == 2
    assert await uploads_a.put(7, "r4.txt", b"y")  # a discarded one no longer counts
    assert await uploads_a.count() == 3

    from bot.shared.redis_state import RedisUploads

    short = RedisUploads(a.shared.client, "ttl", ttl_s=0.2, per_moderator=3)
    token = await short.put(7, "soon.txt", b"z")
    assert await short.get(token, 7) is not None
    await asyncio.sleep(0.3)
    assert await short.get(token, 7) is None  # Redis expired it


async def test_concurrent_changes_on_two_replicas_run_one_the_other_is_told_busy(
    replicas: tuple[Replica, Replica], repo: Storage
) -> None:
    a, b = replicas
    a.admin.gate = asyncio.Event()
    ops_a = CorpusOps(a.admin, repo, None, a.shared.state.change_lock)
    ops_b = CorpusOps(b.admin, repo, None, b.shared.state.change_lock)
    first = asyncio.create_task(ops_a.reload(1))
    await a.admin.entered.wait()
    with pytest.raises(ReloadBusy):
        await ops_b.reload(2)
    assert b.admin.calls == []  # nothing started on the other replica
    a.admin.gate.set()
    await first
    await ops_b.reload(2)  # released: the next change runs
    assert b.admin.calls == ["reload"]


async def test_a_long_change_keeps_its_lock_and_releases_only_its_own(
    replicas: tuple[Replica, Replica],
) -> None:
    a, b = replicas
    client = a.shared.client
    # renewed every third of its expiry; generous, so a loaded machine still renews in time
    lock_a = RedisChangeLock(client, "long", ttl_s=1.5)
    lock_b = RedisChangeLock(b.shared.client, "long", ttl_s=1.5)
    async with lock_a.hold() as held:
        assert held
        await asyncio.sleep(3.5)  # well past the expiry it started with
        async with lock_b.hold() as other:
            assert not other
    async with lock_b.hold() as held:
        assert held
        # a stale holder's release never deletes someone else's lock
        await client.set("long:lock:corpus", "someone-else")
    assert await client.get("long:lock:corpus") == b"someone-else"


class CountingRepo:
    def __init__(self) -> None:
        self.purges = 0
        self.retention_days = 90

    async def purge_expired(self) -> int:
        self.purges += 1
        return 0


async def test_the_retention_purge_runs_on_one_replica_per_period(
    replicas: tuple[Replica, Replica],
) -> None:
    a, b = replicas
    repo_a, repo_b = CountingRepo(), CountingRepo()
    purges = [
        RetentionPurge(repo_a, 3600, a.shared.state.turns),  # type: ignore[arg-type]
        RetentionPurge(repo_b, 3600, b.shared.state.turns),  # type: ignore[arg-type]
    ]
    await asyncio.gather(*(p.start() for p in purges))
    await asyncio.gather(*(p.stop() for p in purges))
    assert sorted((repo_a.purges, repo_b.purges)) == [0, 1]

    await a.shared.client.delete("test:turn:retention-purge")  # a new deployment, say
    short = [
        RetentionPurge(repo, 0.2, replica.shared.state.turns)  # type: ignore[arg-type]
        for repo, replica in ((repo_a, a), (repo_b, b))
    ]
    before = repo_a.purges + repo_b.purges
    await asyncio.gather(*(p.start() for p in short))
    await asyncio.sleep(0.5)  # ~2 more periods
    await asyncio.gather(*(p.stop() for p in short))
    assert 2 <= repo_a.purges + repo_b.purges - before <= 4  # one per period, not one each
